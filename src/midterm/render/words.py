"""The words every format shares: names, numbers with their units, verdicts, reasons, problems.

Formats differ in layout, never in wording: each phrase is written here once.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang, clean, date, num, pct, reason_text, signed, t
from midterm.scoring import MetricScore

if TYPE_CHECKING:
    from midterm.models import Indicator, Metric, Observed, Plan
    from midterm.problems import Problem, Report
    from midterm.scoring import IndicatorScore, Method, Progress, Projection, Status, Window


def label(item: Plan | Indicator | Metric, lang: Lang) -> str:
    return clean((item.name_en if lang == "en" and item.name_en else item.name) or item.id)


def unit(metric: Metric, lang: Lang) -> str:
    return clean(metric.unit_en if lang == "en" and metric.unit_en else metric.unit)


def names_of(status: Status, lang: Lang) -> dict[str, str]:
    return {s.metric.id: label(s.metric, lang) for i in status.indicators for s in i.metrics}


def projection_names(projection: Projection, lang: Lang) -> dict[str, str]:
    return {m.score.metric.id: label(m.score.metric, lang) for _, m in projection.metrics}


def why(score: MetricScore | IndicatorScore, lang: Lang, names: dict[str, str]) -> str:
    # an average-growth metric speaks in rates: its reason's numbers are percentages
    percent = isinstance(score, MetricScore) and score.metric.kind == "average-growth"
    return reason_text(score.reason.key, score.reason.args, lang, percent, names)


def verdict_word(verdict: str | None, lang: Lang) -> str:
    return t(f"v_{verdict}", lang) if verdict else ""


def value_text(value: float | None, metric: Metric, lang: Lang) -> str:
    if value is None:
        return "—"
    return pct(value, lang) if metric.kind == "average-growth" else num(value, lang)


def target_text(metric: Metric, lang: Lang) -> str:
    target = metric.target
    if target is None:
        return "—"
    if isinstance(target, tuple):
        percent = "%" if metric.kind == "average-growth" else ""
        return f"{num(target[0], lang)}-{num(target[1], lang)}{percent}"
    sign = "≥ " if metric.direction == "up" else "≤ "
    return sign + value_text(target, metric, lang)


def latest_text(score: MetricScore, lang: Lang, sep: str = " ") -> str:
    """The latest value, then when (the date of a mid-year figure) and whether it is an estimate."""
    latest = score.latest
    if latest is None:
        return "—"
    when = str(latest.year)
    if latest.as_of and (latest.as_of.month, latest.as_of.day) != (12, 31):
        when = latest.as_of.strftime("%m/%Y") if lang == "vi" else latest.as_of.strftime("%Y-%m")
    mark = f" {t(latest.basis, lang)}" if latest.basis != "official" else ""
    return f"{value_text(latest.value, score.metric, lang)}{sep}{when}{mark}"


def methods_text(score: MetricScore, lang: Lang) -> str:
    """Empty when the methods agree; otherwise what the other method says."""
    if score.robust:
        return ""
    other: Method = "cagr" if score.chosen == "linear" else "linear"
    return f"≠ {other}: {verdict_word(score.by_method[other].verdict, lang)}"


def official_text(ind: IndicatorScore, lang: Lang) -> str:
    official = ind.indicator.official
    if official is None:
        return ""
    mark = ""
    if ind.verdict in ("on-track", "hard") and ind.verdict != official:
        mark = "≠ "
    elif ind.verdict == "insufficient-data":
        mark = "? "
    return mark + verdict_word(official, lang)


def summary_text(status: Status, lang: Lang) -> str:
    s = status.summary
    number = {i.indicator.id: str(i.indicator.no) for i in status.indicators}
    parts = [
        t(
            "summary",
            lang,
            on=s.counts["on-track"],
            hard=s.counts["hard"],
            none=s.counts["insufficient-data"],
            off_on=s.official["on-track"],
            off_hard=s.official["hard"],
        )
    ]
    if s.disagreements:
        ids = ", ".join(number[i] for i in s.disagreements)
        parts.append(t("summary_differ", lang, count=len(s.disagreements), ids=ids))
    else:
        parts.append(t("summary_agree", lang))
    if s.undecided:
        ids = ", ".join(number[i] for i in s.undecided)
        parts.append(t("summary_undecided", lang, count=len(s.undecided), ids=ids))
    return "; ".join(parts) + "."


def window_text(w: Window, lang: Lang) -> str:
    """Which data the view reads, and that later year files exist when they do (METHOD: Words)."""
    why = t("as_of_review", lang) if w.chosen_by == "review" else ""
    why = t("as_of_latest", lang) if w.chosen_by == "latest" and not w.later else why
    later = t("later_files", lang, latest=w.latest) if w.later else ""
    return t("window", lang, as_of=w.as_of, why=why, method=w.method, trend_from=w.trend_from, later=later)


def grade_word(progress: Progress, lang: Lang) -> str:
    return t(f"g_{progress.grade}", lang)


def progress_text(progress: Progress, lang: Lang) -> str:
    """The grade in words, with its score: "substantial progress (score 2.53)"."""
    if progress.score is None:
        return grade_word(progress, lang)
    return f"{grade_word(progress, lang)} ({t('score', lang, score=num(progress.score, lang, 2))})"


def covers_text(o: Observed, lang: Lang, start: int) -> str:
    if o.obs.to_date:
        when = o.obs.as_of or dt.date(o.year, 12, 31)
        return t("covers_to_date", lang, start=start, date=date(when, lang))
    if o.obs.since is not None:
        return t("covers_since", lang, since=o.obs.since, year=o.year)
    return t("covers_year", lang)


def pace_text(score: MetricScore, lang: Lang) -> str:
    req, obs = score.required_pace, score.observed_pace
    kind = score.metric.kind
    percent = kind == "average-growth"
    if kind == "trend" and obs is not None:
        return t("pace_trend", lang, observed=signed(obs, lang))
    if req is None or obs is None:
        return t("pace_none", lang)
    if kind == "annual":
        return t("pace_annual", lang, required=num(req, lang), observed=num(obs, lang))
    key = "pace_growth" if percent else "pace_needs"
    return t(key, lang, required=signed(req, lang, percent), observed=signed(obs, lang, percent))


# ---------------------------------------------------------------- problems found by validation


def problem_message(p: Problem, lang: Lang) -> str:
    args = dict(p.args)
    hint = args.pop("hint", None)
    args["hint"] = t("hint", lang, word=hint) if hint else ""
    if str(args.get("found", "")).startswith("t_"):
        args["found"] = t(args["found"], lang)
    if "expected" in args and str(args["expected"]).startswith("t_"):
        args["expected"] = t(args["expected"], lang)
    if "span" in args:
        args["span"] = t(f"span_{args['span']}", lang)
    if "lo" in args and "hi" in args and p.key in ("out_of_bounds", "target_out_of_range"):
        lo, hi = args.pop("lo"), args.pop("hi")
        bounds = "bounds_both" if lo != "" and hi != "" else ("bounds_min" if lo != "" else "bounds_max")
        args["bounds"] = t(bounds, lang, lo=lo, hi=hi)
    check = args.pop("check", None)
    text = t(p.key, lang, **args)
    return text + t("acknowledged", lang, check=check) if check else text


def problem_line(p: Problem, lang: Lang) -> str:
    """The one line a person reads: file:line:col: severity: path: message."""
    path = f"{p.path}: " if p.path else ""
    return clean(f"{p.place()}: {t(p.severity, lang)}: {path}{problem_message(p, lang)}")


def problem_doc(p: Problem, lang: Lang) -> dict[str, Any]:
    return {
        "file": p.file,
        "line": p.line,
        "column": p.column,
        "path": p.path,
        "message": problem_message(p, lang),
        "severity": p.severity,
    }


def validate_summary(report: Report, lang: Lang) -> str:
    count = {s: sum(p.severity == s for p in report.problems) for s in ("error", "warning", "notice")}
    return t(
        "validate_ok",
        lang,
        files=report.files,
        errors=count["error"],
        warnings=count["warning"],
        notices=count["notice"],
    )
