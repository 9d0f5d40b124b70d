"""The plan as a whole: the as-of window, indicators and the summary, and the views built on
them (`status`, `project`, `show`)."""

import datetime as dt
import math
import re
from collections.abc import Sequence
from typing import Literal

from midterm.models import SPANS, Dataset, Indicator, Metric, Observed

from .arithmetic import METHODS, Method, tau
from .certainty import CLASSES, indicator_certainty, range_of
from .kinds import Scored, Series, finite, safe, score, score_metric
from .progress import indicator_progress
from .results import (
    HARD,
    INSUFFICIENT,
    ON_TRACK,
    Detail,
    IndicatorScore,
    MetricAt,
    MetricScore,
    PlanRow,
    Pressing,
    Projection,
    Reason,
    Shown,
    Status,
    Summary,
    Window,
)
from .vintage import known_on, moves, published_after

AsOf = int | dt.date | Literal["latest"] | None


def window(data: Dataset, as_of: AsOf = None, trend_from: int | None = None, method: Method = "linear") -> Window:
    """The as-of year: asked for, else the plan's review year, else the latest year file (METHOD: Words).
    A day (--as-of DATE) is its year here; `known` reads what was known that day."""
    if isinstance(as_of, dt.date):
        return window(data, as_of.year, trend_from, method)._replace(as_of_date=as_of)
    plan = data.plan
    latest = max(data.years) if data.years else None
    if as_of == "latest" or (as_of is None and plan.review_year is None):
        year, chosen = (latest if latest is not None else plan.baseline_year), "latest"
    elif as_of is None:
        assert plan.review_year is not None
        year, chosen = plan.review_year, "review"
    else:
        year, chosen = as_of, "asked"
    start = trend_from if trend_from is not None else plan.baseline_year
    later = tuple(y for y in data.years if y > year)
    return Window(plan.baseline_year, plan.end_year, year, start, method, latest, chosen, later)


def known(data: Dataset, as_of: AsOf, trend_from: int | None, method: Method) -> tuple[Dataset, Window]:
    """The data a view reads and its window. A day reads the figures known on it (scoring.vintage).
    A year reads the figures in force now, and counts those published after its last day, so that
    a view can say it reads revised figures (`--as-of YEAR-12-31` reads what was known then)."""
    w = window(data, as_of, trend_from, method)
    if isinstance(as_of, dt.date):
        data, vintage = known_on(data, as_of)
        return data, w._replace(earlier_vintages=vintage.earlier, unpublished=vintage.unpublished)
    if w.chosen_by == "latest":
        return data, w
    return data, w._replace(published_later=published_after(data, dt.date(w.as_of, 12, 31)))


def option_error(
    data: Dataset, as_of: AsOf, trend_from: int | None, year: int | None = None
) -> tuple[str, dict[str, int]] | None:
    """Wrong usage as (message key, values), or None: the command line exits 2 with it."""
    plan = data.plan
    b, e = plan.baseline_year, plan.end_year
    asked = as_of.year if isinstance(as_of, dt.date) else as_of
    if isinstance(asked, int) and not b <= asked <= plan.last_year_file:
        return "bad_as_of", {"year": asked, "lo": b, "hi": plan.last_year_file}
    w = window(data, as_of, trend_from)
    if trend_from is not None and not b <= trend_from < w.as_of:
        return "bad_trend_from", {"year": trend_from, "lo": b, "hi": w.as_of - 1}
    if year is not None and not b < year <= e + 10:
        return "bad_project_year", {"year": year, "lo": b + 1, "hi": e + 10}
    return None


# ---------------------------------------------------------------- indicators and the plan


def score_indicator(indicator: Indicator, metrics: list[MetricScore]) -> IndicatorScore:
    """Hard if any metric is; on track if every metric with a target is; else too little data."""
    targeted = [s for s in metrics if s.metric.kind != "trend"]
    hard = [s.metric.id for s in targeted if s.verdict == HARD]
    progress = indicator_progress([s.progress for s in metrics])
    if hard:
        verdict, reason = HARD, Reason("ind_hard", {"metrics": hard})
    elif not metrics:
        verdict, reason = INSUFFICIENT, Reason("ind_no_metric")
    elif not targeted:
        verdict, reason = INSUFFICIENT, Reason("no_target")
    elif lacking := [s.metric.id for s in targeted if s.verdict != ON_TRACK]:
        args = {"count": len(lacking), "total": len(targeted), "metrics": lacking}
        verdict, reason = INSUFFICIENT, Reason("ind_lacking", args)
    else:
        verdict, reason = ON_TRACK, Reason("ind_on_track", {"total": len(targeted)})
    sure = indicator_certainty(verdict, [s.certainty for s in metrics], [s.verdict for s in metrics])
    return IndicatorScore(indicator, verdict, reason, metrics, progress, agreement(indicator, verdict), sure)


def agreement(indicator: Indicator, verdict: str) -> str | None:
    """Ours against the report's verdict (METHOD: Indicators and the summary)."""
    if indicator.official is None:
        return None
    if verdict == INSUFFICIENT:
        return "undecided"
    return "agree" if verdict == indicator.official else "differ"


def summarise(indicators: list[IndicatorScore]) -> Summary:
    counts = {v: sum(i.verdict == v for i in indicators) for v in (ON_TRACK, HARD, INSUFFICIENT)}
    official = {v: sum(i.indicator.official == v for i in indicators) for v in (ON_TRACK, HARD)}
    disagreements = [i.indicator.id for i in indicators if i.agreement == "differ"]
    undecided = [i.indicator.id for i in indicators if i.agreement == "undecided"]
    sure = {
        v: {c: sum(i.verdict == v and i.certainty == c for i in indicators) for c in CLASSES} for v in (ON_TRACK, HARD)
    }
    return Summary(counts, official, disagreements, undecided, sure)


def status(data: Dataset, as_of: AsOf = None, trend_from: int | None = None, method: Method = "linear") -> Status:
    """Every indicator and metric of the plan, scored at the as-of year."""
    data, w = known(data, as_of, trend_from, method)
    thresholds = data.plan.progress_thresholds
    indicators = []
    for indicator in data.targets.indicators:
        metrics = [score_metric(m, data.observations.get(m.id, ()), w, thresholds) for m in indicator.metrics]
        indicators.append(score_indicator(indicator, metrics))
    return Status(data.plan, w, indicators, summarise(indicators))


def quantities(score: MetricScore, scored: Scored, year: int) -> tuple[float | None, dict[Method, float | None]]:
    """What `project --year` reports for one metric: the observed figure of that year, and each
    method's projection (the same numbers a backtest compares with what happened)."""
    if score.latest is None:
        return None, {m: None for m in METHODS}
    return finite(scored.observed_at(year)), {m: safe(scored.at, m, year) for m in METHODS}


def project(
    data: Dataset, year: int, as_of: AsOf = None, trend_from: int | None = None, method: Method = "linear"
) -> Projection:
    """Each metric's quantity at `year` under both methods: the value (level, annual, trend),
    the total over S..year (cumulative) or the average over S..year (average-growth)."""
    data, w = known(data, as_of, trend_from, method)
    out = []
    for indicator, metric in data.metrics():
        result, scored = score(metric, data.observations.get(metric.id, ()), w, data.plan.progress_thresholds)
        observed, at = quantities(result, scored, year)
        value = observed if observed is not None else at[method]
        gap = None if value is None or metric.threshold is None else value - metric.threshold
        gap = gap if gap is None or math.isfinite(gap) else None  # a gap past the largest float is no figure
        ranges = {m: range_of(scored.facts, m, year) if at[m] is not None else None for m in METHODS}
        out.append((indicator, MetricAt(result, year, observed, at, gap, ranges)))
    return Projection(data.plan, w, year, out)


def plan_row(result: Status) -> PlanRow:
    """A plan's line in a roll-up. The most pressing indicator is the hard one with the lowest
    progress score (one without a score comes after those with one; then the lowest number)."""
    hard = [i for i in result.indicators if i.verdict == HARD]
    worst = min(
        hard,
        key=lambda i: (i.progress.score is None, i.progress.score or 0.0, i.indicator.no),
        default=None,
    )
    pressing = None
    if worst is not None:
        ind = worst.indicator
        pressing = Pressing(ind.id, ind.no, ind.name, ind.name_en, worst.progress)
    return PlanRow(result.plan, result.window, result.summary, len(result.indicators), pressing)


# ---------------------------------------------------------------- one indicator or metric in depth


def chart_points(metric: Metric, observations: Sequence[Observed], w: Window) -> list[tuple[float, float]]:
    """The observed quantity through time: values, or for a cumulative target the total since the
    term start, at the end of each year of an unbroken run of flows and at each running total's date."""
    series = Series.of(observations, w)
    if metric.kind != "cumulative":
        return [(float(y), v) for y, v in sorted(series.yearly.items())]
    points: list[tuple[float, float]] = []
    total = 0.0
    for year in range(w.start, w.end + 1):
        if year not in series.yearly:
            break
        total += series.yearly[year]
        if finite(total) is None:  # flows near the largest float: the chart stops where the total does
            break
        points.append((float(year), total))
    for o in series.totals:
        points.append((w.start - 1 + tau(o.obs.as_of or dt.date(o.year, 12, 31), w.start), o.obs.value))
    return sorted(points)


SHOWN_YEARS = 10  # projected years shown one by one; a five- or ten-year term shows them all


def shown_years(ahead: list[int]) -> list[int]:
    """The projected years `show` and the report list: all of a real term's, but for a term of
    thousands of years (a typo in end_year) the first SHOWN_YEARS and the end year, so that the
    work follows the data, not the term."""
    return ahead if len(ahead) <= SHOWN_YEARS + 1 else [*ahead[:SHOWN_YEARS], ahead[-1]]


def find(data: Dataset, item: str) -> tuple[Indicator, list[Metric]] | None:
    """An indicator by id or number (all its metrics), else a metric by id; any case.
    An id that names both an indicator and a metric is the indicator."""
    key = item.strip().lower()
    number = int(key) if re.fullmatch(r"[0-9]{1,9}", key) else None
    for indicator in data.targets.indicators:
        if indicator.id == key or indicator.no == number:
            return indicator, list(indicator.metrics)
    for indicator, metric in data.metrics():
        if metric.id == key:
            return indicator, [metric]
    return None


def known_ids(data: Dataset) -> list[str]:
    return [i.id for i in data.targets.indicators] + [m.id for _, m in data.metrics()]


def show(
    data: Dataset, item: str, as_of: AsOf = None, trend_from: int | None = None, method: Method = "linear"
) -> Shown | None:
    """An indicator (all its metrics) or one metric in depth; None when no such id exists."""
    found = find(data, item)
    if found is None:
        return None
    indicator, metrics = found
    data, w = known(data, as_of, trend_from, method)
    thresholds = data.plan.progress_thresholds
    details = []
    for metric in metrics:
        observations = sorted(data.observations.get(metric.id, ()), key=lambda o: (o.year, SPANS.index(o.obs.span)))
        result, scored = score(metric, observations, w, thresholds)
        ahead = shown_years(scored.ahead)
        path = {m: [safe(scored.path, m, y) if scored.path else None for y in ahead] for m in METHODS}
        band = [range_of(scored.facts, method, y, path=True) for y in ahead]
        points = chart_points(metric, observations, w)
        moved = [moves(o.obs) for o in observations]
        details.append(Detail(result, observations, ahead, path, points, band, moved))
    all_scores = [score_metric(m, data.observations.get(m.id, ()), w, thresholds) for m in indicator.metrics]
    return Shown(w, score_indicator(indicator, all_scores), details)
