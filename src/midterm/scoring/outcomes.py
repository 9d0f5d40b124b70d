"""Were the mid-term verdicts right? (METHOD: Outcomes)

A metric's `result` is read from the observations alone, every year file up to the end year
whatever the as-of year: `met`, `missed`, or `unknown` while they cannot tell (trend metrics have
none). A verdict made as of A is `right` when on-track meets `met` or hard meets `missed`, `wrong`
on the other two pairings, `unknown` otherwise. Counts are of indicators, metrics beside them.
"""

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from midterm.models import Indicator, Metric, Observed, Plan

from .arithmetic import METHODS, Method, meets
from .kinds import score
from .results import HARD, INSUFFICIENT, NA, ON_TRACK, IndicatorScore, MetricScore, Window
from .views import score_indicator

MET, MISSED, UNKNOWN = "met", "missed", "unknown"
RESULTS = (MET, MISSED, UNKNOWN)
RIGHT, WRONG = "right", "wrong"
JUDGEMENTS = (RIGHT, WRONG, UNKNOWN)
OFFICIAL = "official"
CERTAINTIES = ("decided", "high", "unmeasured", "low", "thin")  # METHOD: How sure, best first


# ---------------------------------------------------------------- one metric, one indicator


def metric_result(metric: Metric, observations: Sequence[Observed], baseline: int, end: int) -> str | None:
    """met, missed or unknown from the observations of S..E alone; None for a trend metric."""
    if metric.kind == "trend":
        return None
    T = metric.threshold
    if T is None:
        return UNKNOWN
    start = baseline + 1
    seen = [o for o in observations if o.year <= end]
    own = {o.year: o.obs.value for o in seen if o.obs.span == "year"}

    def ok(x: float) -> bool:
        return meets(x, T, metric.direction)

    if metric.kind == "level":  # any observation of E: estimates and mid-year dates too
        return UNKNOWN if end not in own else MET if ok(own[end]) else MISSED
    if metric.kind == "annual":
        term = [own[y] for y in range(start, end + 1) if y in own]
        if not all(ok(v) for v in term):
            return MISSED  # as soon as one year fails
        return MET if len(term) == end - start + 1 else UNKNOWN
    if metric.kind == "cumulative":
        return _cumulative(metric, seen, start, end)
    return _average_growth(metric, seen, start, end)


def _cumulative(metric: Metric, seen: list[Observed], start: int, end: int) -> str:
    """The total over S..E as the scoring core knows it with every year file to E: a flows chain,
    else a running total dated the end of E (or one dated the end of an earlier year and extended
    by the flows after it, METHOD: How sure, `decided`); the chain wins. Before that reaches E, a
    total so far already meeting T is met."""
    so_far = score(metric, seen, Window(start - 1, end, end, start - 1, "linear"))[0]
    if so_far.achieved:
        return MET
    # `cum_done`: the candidate total reaches the end of E, nothing is left to project
    return MISSED if so_far.reason.key == "cum_done" else UNKNOWN


def _average_growth(metric: Metric, seen: list[Observed], start: int, end: int) -> str:
    """Every term year covered (yearly rates, the latest aggregate) and the average meets T."""
    from .backtesting import observed_figure

    T = metric.threshold
    assert T is not None
    average = observed_figure(metric, seen, start - 1, end)
    if average is None or not math.isfinite(average):
        return UNKNOWN
    return MET if meets(average, T, metric.direction) else MISSED


def indicator_result(metrics: Iterable[tuple[Metric, str | None]]) -> str:
    """met when every metric with a numeric target is met, missed when any is missed, else unknown
    (also with no such metric)."""
    targeted = [r for m, r in metrics if m.kind != "trend" and m.threshold is not None]
    if MISSED in targeted:
        return MISSED
    return MET if targeted and all(r == MET for r in targeted) else UNKNOWN


def judge(verdict: str | None, result: str | None) -> str:
    """right, wrong or unknown: a verdict against what happened."""
    if (verdict, result) in ((ON_TRACK, MET), (HARD, MISSED)):
        return RIGHT
    if (verdict, result) in ((ON_TRACK, MISSED), (HARD, MET)):
        return WRONG
    return UNKNOWN


def method_verdicts(indicator: Indicator, scores: list[MetricScore]) -> dict[Method, str]:
    """The indicator's verdict under each method, formed from its metrics' verdicts under that
    method (`n/a` counts as too little data), by the rule that forms the chosen one."""
    out: dict[Method, str] = {}
    for m in METHODS:
        under = [
            s._replace(verdict=INSUFFICIENT if s.by_method[m].verdict == NA else s.by_method[m].verdict) for s in scores
        ]
        out[m] = score_indicator(indicator, under).verdict
    return out


class MetricOutcome(NamedTuple):
    result: str | None  # None for a trend metric: not counted
    verdicts: dict[Method, str]  # each method's verdict as of A (n/a included)
    right: dict[Method, str]  # right, wrong or unknown; empty for a trend metric


class IndicatorOutcome(NamedTuple):
    result: str
    verdicts: dict[Method, str]
    right: dict[Method, str]
    official: str | None  # the report's verdict judged; None when the report gives none


def metric_outcome(score: MetricScore, observations: Sequence[Observed], plan: Plan) -> MetricOutcome:
    result = metric_result(score.metric, observations, plan.baseline_year, plan.end_year)
    verdicts = {m: score.by_method[m].verdict for m in METHODS}
    right = {} if result is None else {m: judge(v, result) for m, v in verdicts.items()}
    return MetricOutcome(result, verdicts, right)


def indicator_outcome(score: IndicatorScore, metrics: list[MetricOutcome]) -> IndicatorOutcome:
    indicator = score.indicator
    result = indicator_result(zip((s.metric for s in score.metrics), (o.result for o in metrics), strict=True))
    verdicts = method_verdicts(indicator, score.metrics)
    right = {m: judge(v, result) for m, v in verdicts.items()}
    official = None if indicator.official is None else judge(indicator.official, result)
    return IndicatorOutcome(result, verdicts, right, official)


# ---------------------------------------------------------------- counting


class OutcomeSummary(NamedTuple):
    results: dict[str, dict[str, int]]  # "indicators", "metrics" -> met, missed, unknown
    indicators: dict[str, dict[str, int]]  # linear, cagr, official -> right, wrong, unknown
    metrics: dict[str, dict[str, int]]  # linear, cagr -> right, wrong, unknown


def count(values: Iterable[str | None], keys: tuple[str, ...]) -> dict[str, int]:
    listed = list(values)
    return {k: listed.count(k) for k in keys}


def summarise(metrics: list[MetricOutcome], indicators: list[IndicatorOutcome]) -> OutcomeSummary:
    """Trend metrics are not counted; the report's row counts only indicators it judged."""
    counted = [m for m in metrics if m.result is not None]
    results = {
        "indicators": count((i.result for i in indicators), RESULTS),
        "metrics": count((m.result for m in counted), RESULTS),
    }
    by_indicator: dict[str, dict[str, int]] = {m: count((i.right[m] for i in indicators), JUDGEMENTS) for m in METHODS}
    by_indicator[OFFICIAL] = count((i.official for i in indicators if i.official is not None), JUDGEMENTS)
    by_metric: dict[str, dict[str, int]] = {m: count((o.right[m] for o in counted), JUDGEMENTS) for m in METHODS}
    return OutcomeSummary(results, by_indicator, by_metric)


def by_certainty(certainties: Sequence[str | None], judgements: Sequence[str]) -> dict[str, dict[str, int]]:
    """right / wrong / unknown per certainty class (the chosen method's, as of A), one entry per
    indicator; indicators without a certainty (too little data) are left out."""
    rows: dict[str, dict[str, int]] = {}
    for certainty, judgement in zip(certainties, judgements, strict=True):
        if certainty is not None:
            rows.setdefault(certainty, dict.fromkeys(JUDGEMENTS, 0))[judgement] += 1
    order = {c: k for k, c in enumerate(CERTAINTIES)}
    return dict(sorted(rows.items(), key=lambda item: order.get(item[0], len(order))))


def share(counts: dict[str, int]) -> float | None:
    """How often a verdict came true: right / (right + wrong); None when none was decided."""
    decided = counts[RIGHT] + counts[WRONG]
    return counts[RIGHT] / decided if decided else None


def add(summaries: Iterable[OutcomeSummary]) -> OutcomeSummary:
    """Several plans' counts summed: the total row of the accuracy table."""
    total = OutcomeSummary(
        {k: dict.fromkeys(RESULTS, 0) for k in ("indicators", "metrics")},
        {k: dict.fromkeys(JUDGEMENTS, 0) for k in (*METHODS, OFFICIAL)},
        {k: dict.fromkeys(JUDGEMENTS, 0) for k in METHODS},
    )
    for s in summaries:
        for mine, theirs in zip(total, s, strict=True):
            for key, counts in theirs.items():
                for k, n in counts.items():
                    mine[key][k] += n
    return total


# ---------------------------------------------------------------- the year a backtest replays


def replay_year(plan: Plan, asked: int | dt.date | None) -> tuple[int | dt.date, str]:
    """The as-of year (or day) of a backtest, and how it was chosen: asked for; else the plan's review year;
    else the term's middle year, B + ceil(N / 2) (2023 for 2020-2025), the year a mid-term
    review reads."""
    if asked is not None:
        return asked, "asked"
    if plan.review_year is not None:
        return plan.review_year, "review"
    return plan.baseline_year + math.ceil((plan.end_year - plan.baseline_year) / 2), "mid-term"
