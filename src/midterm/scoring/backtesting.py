"""How the projections turned out (METHOD: Backtest).

The review made with the year files up to A is replayed against the year files after it: for
each later year with an observed figure, what each method predicted (exactly what `project
--year Y --as-of A` gives) beside what was observed. Nothing is projected that was not
predicted then, and no observation is invented: a metric without a later figure is not checkable.
"""

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from midterm.models import Dataset, Indicator, Metric, Observed, Plan

from .arithmetic import METHODS, Method, average
from .certainty import range_of
from .kinds import finite, score, score_metric
from .outcomes import (
    IndicatorOutcome,
    MetricOutcome,
    OutcomeSummary,
    by_certainty,
    indicator_outcome,
    metric_outcome,
    summarise,
)
from .results import INSUFFICIENT, Window
from .views import AsOf, known, quantities, score_indicator, window

HELD, CHANGED, UNKNOWN, NOT_CHECKABLE = "held", "changed", "unknown", "not-checkable"
OUTCOMES = (HELD, CHANGED, UNKNOWN, NOT_CHECKABLE)
TIE = "tie"


class Guess(NamedTuple):
    """One method's prediction of one year, and how far it was from what happened."""

    predicted: float | None
    error: float | None  # observed - predicted
    relative_error: float | None  # error / |observed|; None when observed is 0
    range: tuple[float, float] | None = None  # the 80% range predicted as of A (METHOD: How sure)
    inside: bool | None = None  # the observation lies in it; None without a range


class YearCheck(NamedTuple):
    year: int
    observed: float
    by_method: dict[Method, Guess]


class MetricCheck(NamedTuple):
    indicator: Indicator
    metric: Metric
    years: list[YearCheck]
    closer: str | None  # "linear", "cagr", "tie", or None when neither predicted a checked year
    verdict_then: str
    verdict_now: str
    outcome: str
    judged: MetricOutcome  # what happened by the end year, and whether the verdicts as of A were right


class IndicatorCheck(NamedTuple):
    indicator: Indicator
    verdict_then: str
    verdict_now: str
    outcome: str
    judged: IndicatorOutcome
    certainty: str | None = None  # the chosen method's, as of A (METHOD: How sure)


class BacktestSummary(NamedTuple):
    mean_abs_relative_error: dict[Method, float | None]
    closer: dict[str, int]  # linear, cagr, tie: how many metrics
    metrics: dict[str, int]  # by outcome
    indicators: dict[str, int]  # by outcome
    outcomes: OutcomeSummary  # right / wrong / unknown (METHOD: Outcomes)
    # per method: checked years inside their range, and how many years had a range
    inside: dict[Method, tuple[int, int]] = {}  # never mutated
    # the chosen method's verdicts, right / wrong / unknown per certainty class as of A
    by_certainty: dict[str, dict[str, int]] = {}  # never mutated


class Backtest(NamedTuple):
    plan: Plan
    window: Window  # the review replayed: its as-of year and method
    latest: int | None  # the largest year file
    metrics: list[MetricCheck]
    indicators: list[IndicatorCheck]
    summary: BacktestSummary


def observed_figure(metric: Metric, observations: Sequence[Observed], baseline: int, year: int) -> float | None:
    """The figure `project --year` reports, as observed in the year files: a value in the year; a
    total through it (a chain of flows, or a running total dated the end of the year); an average
    over the term years to it (rates or an aggregate covering every one of them)."""
    start = baseline + 1
    own = {o.year: o.obs.value for o in observations if o.obs.span == "year"}
    if metric.kind in ("level", "annual", "trend"):
        return own.get(year)
    if metric.kind == "cumulative":
        year_end = dt.date(year, 12, 31)
        for o in observations:
            if o.year == year and o.obs.to_date and (o.obs.as_of or year_end) == year_end:
                return o.obs.value
        years = range(start, year + 1)
        return sum(own[y] for y in years) if year >= start and all(y in own for y in years) else None
    covered: dict[int, float] = {}
    aggregates = [o for o in observations if o.obs.since is not None and o.year <= year]
    if aggregates:
        latest = max(aggregates, key=lambda o: o.year)
        for y in range(max(latest.obs.since or start, start), latest.year + 1):
            covered[y] = latest.obs.value
    for y, g in own.items():
        covered.setdefault(y, g)
    years = range(start, year + 1)
    if year < start or not all(y in covered for y in years):
        return None
    return average([covered[y] for y in years], metric.aggregation or "geometric")


def _guess(observed: float, predicted: float | None, spread: tuple[float, float] | None = None) -> Guess:
    if predicted is None:
        return Guess(None, None, None)
    error = finite(observed - predicted)
    relative = finite(error / abs(observed)) if error is not None and observed != 0 else None
    return Guess(predicted, error, relative, spread, None if spread is None else within(observed, spread))


def within(observed: float, spread: tuple[float, float]) -> bool:
    """lo - eps <= observed <= hi + eps, eps relative to the observation as `meets` is to T."""
    eps = 1e-9 * max(1.0, abs(observed))
    return spread[0] - eps <= observed <= spread[1] + eps


def _closer(years: list[YearCheck]) -> str | None:
    """The method with the smaller mean absolute error over the years both predicted."""
    both = [y for y in years if all(y.by_method[m].error is not None for m in METHODS)]
    if not both:
        made = [m for m in METHODS if any(y.by_method[m].error is not None for y in years)]
        return made[0] if len(made) == 1 else None
    mae = {m: sum(abs(y.by_method[m].error or 0.0) for y in both) / len(both) for m in METHODS}
    if abs(mae["linear"] - mae["cagr"]) <= 1e-9:
        return TIE
    return min(METHODS, key=lambda m: mae[m])


def outcome(then: str, now: str, checkable: bool) -> str:
    if not checkable:
        return NOT_CHECKABLE
    if INSUFFICIENT in (then, now):
        return UNKNOWN
    return HELD if then == now else CHANGED


def backtest(data: Dataset, as_of: int | dt.date, trend_from: int | None = None, method: Method = "linear") -> Backtest:
    """As of a year: the figures in force in the year files up to it. As of a day: what was known
    that day (the real-time backtest), so a revision made since counts as the estimate's error,
    not the method's. Either way the later years are checked against the figures in force now."""
    known_then, then = known(data, as_of, trend_from, method)
    now = window(data, "latest", trend_from, method)  # trend_from < then.as_of <= now.as_of: checked by the caller
    plan = data.plan
    last = min(then.latest, plan.last_year_file) if then.latest is not None else then.as_of
    thresholds = plan.progress_thresholds
    checks: list[MetricCheck] = []
    indicators: list[IndicatorCheck] = []
    for indicator in data.targets.indicators:
        scores_then, scores_now, mine = [], [], []
        for metric in indicator.metrics:
            observations = data.observations.get(metric.id, ())
            result, scored = score(metric, known_then.observations.get(metric.id, ()), then, thresholds)
            current = score_metric(metric, observations, now, thresholds)
            years = []
            for year in range(then.as_of + 1, last + 1):
                observed = finite(observed_figure(metric, observations, plan.baseline_year, year))
                if observed is None:
                    continue
                _, predicted = quantities(result, scored, year)
                spread = {m: range_of(scored.facts, m, year) for m in METHODS}
                guesses = {m: _guess(observed, predicted[m], spread[m]) for m in METHODS}
                years.append(YearCheck(year, observed, guesses))
            check = MetricCheck(
                indicator,
                metric,
                years,
                _closer(years),
                result.verdict,
                current.verdict,
                outcome(result.verdict, current.verdict, bool(years)),
                metric_outcome(result, observations, plan),
            )
            checks.append(check)
            mine.append(check)
            scores_then.append(result)
            scores_now.append(current)
        scored_then = score_indicator(indicator, scores_then)
        verdict_then = scored_then.verdict
        verdict_now = score_indicator(indicator, scores_now).verdict
        checkable = any(c.years for c in mine)
        indicators.append(
            IndicatorCheck(
                indicator,
                verdict_then,
                verdict_now,
                outcome(verdict_then, verdict_now, checkable),
                indicator_outcome(scored_then, [c.judged for c in mine]),
                scored_then.certainty,
            )
        )
    return Backtest(plan, then, then.latest, checks, indicators, _summary(checks, indicators, method))


def _summary(checks: list[MetricCheck], indicators: list[IndicatorCheck], method: Method) -> BacktestSummary:
    mare: dict[Method, float | None] = {}
    for m in METHODS:
        errors = [abs(e) for c in checks for y in c.years if (e := y.by_method[m].relative_error) is not None]
        mare[m] = finite(sum(errors) / len(errors)) if errors else None
    closer = {k: sum(c.closer == k for c in checks) for k in (*METHODS, TIE)}
    metrics = {k: sum(c.outcome == k for c in checks) for k in OUTCOMES}
    by_indicator = {k: sum(i.outcome == k for i in indicators) for k in OUTCOMES}
    judged = summarise([c.judged for c in checks], [i.judged for i in indicators])
    inside: dict[Method, tuple[int, int]] = {}
    for m in METHODS:
        ranged = [g.inside for c in checks for y in c.years if (g := y.by_method[m]).inside is not None]
        inside[m] = (sum(ranged), len(ranged))
    classes = by_certainty([i.certainty for i in indicators], [i.judged.right[method] for i in indicators])
    return BacktestSummary(mare, closer, metrics, by_indicator, judged, inside, classes)


__all__ = ["AsOf", "Backtest", "backtest", "observed_figure"]
