"""The review document's result: `status` and `show` for every indicator, with the few facts a
document needs besides (the annex's year columns, each year's figures, what each chart plots).

Word, Excel and the web page all read this one result, so they cannot disagree; nothing here is
worded, and no renderer computes.
"""

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from midterm.models import Basis, Dataset, Metric, Observed

from .arithmetic import METHODS, Method, tau
from .results import Detail, IndicatorScore, MetricScore, Status, Window
from .views import AsOf, show, status

# The weaker of two bases wins for a figure built from several (a total of flows).
_WEAKNESS: dict[Basis, int] = {"official": 0, "preliminary": 1, "estimate": 2}


class Point(NamedTuple):
    x: float  # time in years: a year's own figure at the year, a running total at its date
    y: float
    basis: Basis


class Chart(NamedTuple):
    """What one metric's chart plots; times are years (2023.5 is mid-2023)."""

    observed: list[Point]  # up to the as-of year and the end year
    lines: dict[Method, list[tuple[float, float]]]  # from the last observed point to the end year
    bounded: dict[Method, bool]  # the projection met a bound of the values the metric can take
    target: tuple[float, float] | None  # the target's ends (equal for a single number); None for none
    bounds: tuple[float | None, float | None]  # the values the metric can take at all
    years: tuple[int, int]  # the x-axis: baseline to end year
    as_of: int


class ReviewMetric(NamedTuple):
    detail: Detail  # the score, the projection path (as `show`)
    cells: list[list[Observed]]  # per year of Review.years: that year's figures, its own value first
    sources: list[Observed]  # every figure the review read (up to the as-of year), in year order
    chart: Chart | None  # None when nothing was observed up to the end year

    @property
    def score(self) -> MetricScore:
        return self.detail.score


class ReviewIndicator(NamedTuple):
    score: IndicatorScore
    metrics: list[ReviewMetric]
    decisive: list[MetricScore]  # the metrics its verdict names (the hard ones, or those lacking data)


class Review(NamedTuple):
    status: Status
    years: list[int]  # the annex's columns: the baseline to the as-of year
    indicators: list[ReviewIndicator]

    @property
    def window(self) -> Window:
        return self.status.window


def review(data: Dataset, as_of: AsOf = None, trend_from: int | None = None, method: Method = "linear") -> Review:
    """The whole plan for a review document, from the same scoring as `status` and `show`."""
    scored = status(data, as_of, trend_from, method)
    w = scored.window
    years = list(range(w.baseline, w.as_of + 1))
    indicators = []
    for ind in scored.indicators:
        shown = show(data, ind.indicator.id, as_of, trend_from, method)
        assert shown is not None  # the id comes from the plan itself
        metrics = [_metric(d, years, w) for d in shown.details]
        named = set(ind.reason.args.get("metrics", ()))
        decisive = [m for m in ind.metrics if m.metric.id in named]
        indicators.append(ReviewIndicator(ind, metrics, decisive))
    return Review(scored, years, indicators)


def _metric(detail: Detail, years: list[int], w: Window) -> ReviewMetric:
    read = [o for o in detail.observations if o.year <= w.as_of]  # later year files are not read
    by_year: dict[int, list[Observed]] = {y: [] for y in years}
    for o in read:
        if o.year in by_year:
            by_year[o.year].append(o)  # sorted by span already: the year's own value first
    return ReviewMetric(detail, [by_year[y] for y in years], read, _chart(detail, read, w))


def _chart(detail: Detail, read: Sequence[Observed], w: Window) -> Chart | None:
    metric = detail.score.metric
    basis = _bases(metric, read, w)
    observed = [Point(x, y, basis.get((x, y), "official")) for x, y in detail.points if x <= w.end]
    if not observed:
        return None
    anchor = (observed[-1].x, observed[-1].y)
    lines: dict[Method, list[tuple[float, float]]] = {}
    for m in METHODS:
        ahead = [(float(x), v) for x, v in zip(detail.ahead, detail.path[m], strict=True) if v is not None]
        ahead = [(x, v) for x, v in ahead if anchor[0] < x <= w.end]
        lines[m] = [anchor, *ahead] if ahead else []
    target = metric.target
    ends = None if target is None else (target if isinstance(target, tuple) else (target, target))
    bounded = {m: detail.score.by_method[m].bounded for m in METHODS}
    return Chart(observed, lines, bounded, ends, metric.bounds, (w.baseline, w.end), w.as_of)


def _bases(metric: Metric, read: Sequence[Observed], w: Window) -> dict[tuple[float, float], Basis]:
    """The basis of each point `chart_points` makes, keyed as it places them: a year's own value
    at its year, a running total at its date, a total of flows by the weakest flow it sums."""
    last = min(w.as_of, w.end)
    out: dict[tuple[float, float], Basis] = {}
    own = {o.year: o for o in read if o.obs.span == "year" and o.year <= last}
    if metric.kind != "cumulative":
        for year, o in own.items():
            out[(float(year), o.obs.value)] = o.obs.basis
        return out
    total = 0.0
    weakest: Basis = "official"
    for year in range(w.start, w.end + 1):
        if year not in own:
            break
        total += own[year].obs.value
        weakest = max(weakest, own[year].obs.basis, key=_WEAKNESS.__getitem__)
        out[(float(year), total)] = weakest
    for o in read:
        if o.obs.to_date and o.year <= last:
            x = w.start - 1 + tau(o.obs.as_of or dt.date(o.year, 12, 31), w.start)
            out[(x, o.obs.value)] = o.obs.basis
    return out
