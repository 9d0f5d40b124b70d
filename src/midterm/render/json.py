"""JSON: the contract other tools parse (docs/cli.md). Fields may be added, never renamed."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang

from . import Options
from .words import label, names_of, pace_text, problem_doc, projection_names, summary_text, why

if TYPE_CHECKING:
    from midterm.problems import Checked
    from midterm.scoring import Detail, IndicatorScore, MetricScore, Progress, Projection, Shown, Status, Window


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
