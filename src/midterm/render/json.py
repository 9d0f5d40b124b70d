"""JSON: the contract other tools parse (docs/cli.md). Fields may be added, never renamed."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang
from midterm.words.names import label
from midterm.words.problems import problem_doc

from . import Options
from .phrases import names_of, pace_text, projection_names, why
from .status_words import summary_text

if TYPE_CHECKING:
    from midterm.catalogue import PlanInfo
    from midterm.problems import Checked
    from midterm.rollup import Rollup
    from midterm.scoring import (
        Backtest,
        Detail,
        IndicatorScore,
        MetricScore,
        Progress,
        Projection,
        Shown,
        Status,
        Window,
    )


def to_json(doc: Any, pretty: bool = False) -> str:
    """Indented for a person at a terminal; compact for a program, where the C encoder is 20x faster."""
    if pretty:
        return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


def _metric_doc(score: MetricScore, lang: Lang, names: dict[str, str]) -> dict[str, Any]:
    m = score.metric
    latest = score.latest
    methods = score.by_method.items()
    return {
        "id": m.id,
        "name": m.name,
        "name_en": m.name_en,
        "unit": m.unit,
        "kind": m.kind,
        "direction": m.direction,
        "target": list(m.target) if isinstance(m.target, tuple) else m.target,
        "target_text": m.target_text,
        "threshold": m.threshold,
        "latest": None
        if latest is None
        else {
            "year": latest.year,
            "value": latest.value,
            "basis": latest.basis,
            "as_of": latest.as_of.isoformat() if latest.as_of else None,
        },
        "projected": score.projected,
        "bounded": score.bounded,
        "verdict": score.verdict,
        "achieved": score.achieved,
        "robust": score.robust,
        "by_method": {k: {"projected": r.projected, "verdict": r.verdict, "bounded": r.bounded} for k, r in methods},
        "required_pace": score.required_pace,
        "observed_pace": score.observed_pace,
        **_progress_doc(score.progress),
        "reason": why(score, lang, names),
    }


def _progress_doc(progress: Progress) -> dict[str, Any]:
    return {"progress": progress.grade, "score": progress.score, "progress_ratio": progress.ratio}


def window_doc(w: Window) -> dict[str, Any]:
    """Which data a view reads: the as-of year, how it was chosen, and what exists beyond it."""
    return {
        "as_of": w.as_of,
        "as_of_from": w.chosen_by,
        "latest_year": w.latest,
        "later_years": list(w.later_years),
        "method": w.method,
        "trend_from": w.trend_from,
    }


def status_doc(status: Status, lang: Lang) -> dict[str, Any]:
    """The JSON contract of `midterm status` (CLI.md)."""
    names = names_of(status, lang)
    s = status.summary
    return {
        "plan": status.plan.id,
        "baseline_year": status.plan.baseline_year,
        "end_year": status.plan.end_year,
        **window_doc(status.window),
        "language": lang,
        "summary": {
            **s.counts,
            "official": s.official,
            "disagreements": s.disagreements,
            "undecided": s.undecided,
            "text": summary_text(status, lang),
        },
        "indicators": [
            {**_indicator_doc(i, lang, names), "metrics": [_metric_doc(m, lang, names) for m in i.metrics]}
            for i in status.indicators
        ],
    }


def _indicator_doc(i: IndicatorScore, lang: Lang, names: dict[str, str]) -> dict[str, Any]:
    return {
        "id": i.indicator.id,
        "no": i.indicator.no,
        "name": i.indicator.name,
        "name_en": i.indicator.name_en,
        "verdict": i.verdict,
        "official": i.indicator.official,
        "official_source": i.indicator.official_source,
        "agreement": i.agreement,
        **_progress_doc(i.progress),
        "reason": why(i, lang, names),
    }


def projection_doc(projection: Projection, lang: Lang) -> dict[str, Any]:
    """`project --format json`: status's metric objects, with the year and the quantities at it."""
    names = projection_names(projection, lang)
    metrics = []
    for indicator, at in projection.metrics:
        doc = _metric_doc(at.score, lang, names)
        doc.update(indicator=indicator.id, year=at.year, observed=at.observed, projected=at.projected, gap=at.gap)
        for method, value in at.by_method.items():
            doc["by_method"][method]["projected"] = value
        metrics.append(doc)
    return {
        "plan": projection.plan.id,
        "baseline_year": projection.plan.baseline_year,
        "end_year": projection.plan.end_year,
        **window_doc(projection.window),
        "year": projection.year,
        "language": lang,
        "metrics": metrics,
    }


def _detail_doc(detail: Detail, lang: Lang, names: dict[str, str]) -> dict[str, Any]:
    doc = _metric_doc(detail.score, lang, names)
    doc["series"] = [
        {
            "year": o.year,
            "value": o.obs.value,
            "basis": o.obs.basis,
            "source": o.obs.source,
            "note": o.obs.note,
            "to_date": o.obs.to_date,
            "as_of": o.obs.as_of.isoformat() if o.obs.as_of else None,
            "since": o.obs.since,
        }
        for o in detail.observations
    ]
    doc["projection"] = {"years": detail.ahead, **detail.path}
    doc["pace"] = pace_text(detail.score, lang)
    doc["chart_points"] = [list(p) for p in detail.points]
    return doc


def show_doc(shown: Shown, lang: Lang) -> dict[str, Any]:
    ind = shown.indicator
    names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
    return {
        **window_doc(shown.window),
        "indicator": _indicator_doc(ind, lang, names),
        "metrics": [_detail_doc(d, lang, names) for d in shown.details],
    }


def status(result: Status, opts: Options) -> str:
    return to_json(status_doc(result, opts.lang), opts.pretty)


def project(result: Projection, opts: Options) -> str:
    return to_json(projection_doc(result, opts.lang), opts.pretty)


def show(result: Shown, opts: Options) -> str:
    return to_json(show_doc(result, opts.lang), opts.pretty)


def validate(checked: Checked, opts: Options) -> str:
    # JSON readers filter for themselves: notices are always in it.
    problems = [problem_doc(p, opts.lang) for p in checked.report.problems]
    return to_json({"ok": checked.report.ok(checked.strict), "errors": problems}, opts.pretty)


def rollup_doc(result: Rollup, lang: Lang) -> dict[str, Any]:
    """`status` over several plans: one summary per plan, and one for them all."""

    plans = []
    for row in result.rows:
        s, pressing = row.summary, row.pressing
        plans.append(
            {
                "plan": row.plan.id,
                "name": row.plan.name,
                "name_en": row.plan.name_en,
                "baseline_year": row.plan.baseline_year,
                "end_year": row.plan.end_year,
                **window_doc(row.window),
                "indicators": row.indicators,
                "summary": {
                    **s.counts,
                    "official": s.official,
                    "disagreements": s.disagreements,
                    "undecided": s.undecided,
                },
                "pressing": None
                if pressing is None
                else {
                    "id": pressing.id,
                    "no": pressing.no,
                    "name": pressing.name,
                    "name_en": pressing.name_en,
                    "progress": pressing.progress.grade,
                    "score": pressing.progress.score,
                },
            }
        )
    broken = [{"data": b.shown, "errors": [problem_doc(p, lang) for p in b.problems]} for b in result.broken]
    total = {k: sum(p["summary"][k] for p in plans) for k in ("on-track", "hard", "insufficient-data")}
    summary = {
        "plans": len(plans),
        "broken": len(broken),
        **total,
        "disagreements": sum(len(p["summary"]["disagreements"]) for p in plans),
        "undecided": sum(len(p["summary"]["undecided"]) for p in plans),
    }
    return {"language": lang, "plans": plans, "broken": broken, "summary": summary}


def rollup(result: Rollup, opts: Options) -> str:
    return to_json(rollup_doc(result, opts.lang), opts.pretty)


def plans(result: list[PlanInfo], opts: Options) -> str:
    return to_json(
        {
            "plans": [
                {
                    "id": p.id,
                    "name": p.targets.plan.name,
                    "name_en": p.targets.plan.name_en,
                    "language": p.targets.plan.language,
                    "baseline_year": p.targets.plan.baseline_year,
                    "end_year": p.targets.plan.end_year,
                    "review_year": p.targets.plan.review_year,
                    "indicators": len(p.targets.indicators),
                    "metrics": p.metrics,
                    "years": list(p.years),
                    "default": p.default,
                }
                for p in result
            ]
        },
        opts.pretty,
    )


def backtest_doc(result: Backtest, lang: Lang) -> dict[str, Any]:
    """`midterm backtest`: per metric and later year, each method's prediction against what happened."""
    s = result.summary
    return {
        "plan": result.plan.id,
        "as_of": result.window.as_of,
        "latest": result.latest,
        "method": result.window.method,
        "trend_from": result.window.trend_from,
        "language": lang,
        "metrics": [
            {
                "id": c.metric.id,
                "indicator": c.indicator.id,
                "name": c.metric.name,
                "name_en": c.metric.name_en,
                "kind": c.metric.kind,
                "years": [
                    {
                        "year": y.year,
                        "observed": y.observed,
                        "by_method": {m: g._asdict() for m, g in y.by_method.items()},
                    }
                    for y in c.years
                ],
                "closer": c.closer,
                "verdict_then": c.verdict_then,
                "verdict_now": c.verdict_now,
                "outcome": c.outcome,
            }
            for c in result.metrics
        ],
        "indicators": [
            {
                "id": i.indicator.id,
                "no": i.indicator.no,
                "name": i.indicator.name,
                "name_en": i.indicator.name_en,
                "verdict_then": i.verdict_then,
                "verdict_now": i.verdict_now,
                "outcome": i.outcome,
            }
            for i in result.indicators
        ],
        "summary": {
            "mean_abs_relative_error": s.mean_abs_relative_error,
            "closer": s.closer,
            "metrics": s.metrics,
            "indicators": s.indicators,
        },
    }


def backtest(result: Backtest, opts: Options) -> str:
    return to_json(backtest_doc(result, opts.lang), opts.pretty)
