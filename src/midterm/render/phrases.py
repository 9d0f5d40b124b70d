"""One scored metric or indicator in phrases: its values with their units, verdicts, progress, pace.

Formats differ in layout, never in wording: each phrase is written once, here or in `midterm.words`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from midterm.scoring import MetricScore
from midterm.words import date, num, pct, signed, t
from midterm.words.names import label
from midterm.words.reasons import reason_text

if TYPE_CHECKING:
    from midterm.i18n import Lang
    from midterm.models import Metric, Observed
    from midterm.scoring import IndicatorScore, Method, Progress, Projection, Status


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


MARKS = {"differ": "≠ ", "undecided": "? "}  # the report's verdict, marked where ours differs or cannot decide


def official_text(ind: IndicatorScore, lang: Lang) -> str:
    official = ind.indicator.official
    if official is None:
        return ""
    return MARKS.get(ind.agreement or "", "") + verdict_word(official, lang)


def methods_in_words(score: MetricScore, lang: Lang) -> str:
    """Each method's verdict, the methods named in words: "(linear trend: hard; compound growth: hard)"."""
    parts = [f"{t(f'm_{k}', lang)}: {verdict_word(r.verdict, lang)}" for k, r in score.by_method.items()]
    return f"({'; '.join(parts)})"


def grade_word(progress: Progress, lang: Lang) -> str:
    return t(f"g_{progress.grade}", lang)


def progress_short(progress: Progress, lang: Lang) -> str:
    """The grade where a table has little room: "substantial · 2.53", or "—" when not available."""
    if progress.score is None:
        return "—"
    return f"{t(f'gs_{progress.grade}', lang)} · {num(progress.score, lang)}"


def progress_text(progress: Progress, lang: Lang) -> str:
    """The grade in words, with its score: "substantial progress (score 2.53)"."""
    if progress.score is None:
        return grade_word(progress, lang)
    return f"{grade_word(progress, lang)} ({t('score', lang, score=num(progress.score, lang))})"


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


def percent_or_dash(value: float | None, lang: Lang) -> str:
    return "—" if value is None else pct(value * 100, lang, 1)
