"""The review document's result: `status` and `show` for every indicator, with the few facts a
document needs besides (the annex's year columns, each year's figures, what each chart plots).

Word, Excel and the web page all read this one result, so they cannot disagree; nothing here is
worded, and no renderer computes.
"""

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from midterm.models import Basis, Dataset, Metric, Observed, ReportForm

from .arithmetic import METHODS, Method, average, tau
from .certainty import Range, range_of
from .kinds import Scored, safe, score
from .results import INSUFFICIENT, Detail, IndicatorScore, MetricScore, Status, Window
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
    # An average-growth target compares the average since the term start, not a year's rate: then
    # `compared` is that average at the end of each observed year, `lines` project it, and
    # `observed` (the yearly rates) are only dots beside it. Empty for the other kinds, whose
    # observed points are themselves the compared quantity.
    compared: list[tuple[float, float]] = []
    # The chosen method's 80% range of the compared quantity (for average-growth, of the average),
    # as (year, low, high) from the latest observation (a range of one value) to the end year;
    # empty where nothing is ranged.
    band: list[tuple[float, float, float]] = []


class Finding(NamedTuple):
    """What the review sentence of one metric cites, from its own score (never recomputed in words):
    the figure so far and the years it covers, the projection at the end year, the target."""

    score: MetricScore
    so_far: float | None  # an average-growth's average, a cumulative's total, else the latest value
    first: int | None  # the years the figure covers: first..last (first == last for a year's value)
    last: int | None
    date: dt.date | None  # a running total's date, when it is not a year's end
    projected: float | None  # the chosen method's quantity at the end year
    share: float | None  # a cumulative total as a percentage of its threshold
    # How sure the verdict is (a METHOD class: "high", "low", ...; None for a verdict without
    # one) and the chosen method's 80% range of the projection at the end year.
    certainty: str | None = None
    range: Range | None = None

    @property
    def has_data(self) -> bool:
        return self.so_far is not None


class ReviewMetric(NamedTuple):
    detail: Detail  # the score, the projection path (as `show`)
    cells: list[list[Observed]]  # per year of Review.years: that year's figures, its own value first
    sources: list[Observed]  # every figure the review read (up to the as-of year), in year order
    chart: Chart | None  # None when nothing was observed up to the end year
    finding: Finding  # what the review sentence cites

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
    form: ReportForm | None = None  # the plan's `[report]`: the document's formal parts

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
        metrics = [_metric(d, years, w, data) for d in shown.details]
        named = set(ind.reason.args.get("metrics", ()))
        decisive = [m for m in ind.metrics if m.metric.id in named]
        indicators.append(ReviewIndicator(ind, metrics, decisive))
    return Review(scored, years, indicators, data.targets.report)


def _metric(detail: Detail, years: list[int], w: Window, data: Dataset) -> ReviewMetric:
    read = [o for o in detail.observations if o.year <= w.as_of]  # later year files are not read
    by_year: dict[int, list[Observed]] = {y: [] for y in years}
    for o in read:
        if o.year in by_year:
            by_year[o.year].append(o)  # sorted by span already: the year's own value first
    # the kind's own figures (the average at each year, the total so far): the same rule as the verdict
    _, scored = score(detail.score.metric, detail.observations, w, data.plan.progress_thresholds)
    chart = _chart(detail, read, w, scored)
    return ReviewMetric(detail, [by_year[y] for y in years], read, chart, _finding(detail, scored, w))


def _finding(detail: Detail, scored: Scored, w: Window) -> Finding:
    found = _figures(detail, scored, w)
    if not found.has_data:
        return found
    return found._replace(certainty=detail.score.certainty, range=detail.score.range)


def _figures(detail: Detail, scored: Scored, w: Window) -> Finding:
    s = detail.score
    latest = s.latest
    if latest is None:
        return Finding(s, None, None, None, None, None, None)
    kind = s.metric.kind
    projected = s.projected
    if kind == "average-growth":
        upto = min(latest.year, w.end)
        average = safe(lambda _m, year: scored.observed_at(year), s.chosen, upto)
        if average is None:
            average = s.observed_pace
        return Finding(s, average, w.start, upto, None, projected, None)
    if kind == "cumulative":
        reason = s.reason.args
        total, last = reason.get("total"), reason.get("last")
        if total is None:  # no target, or too few flows: the chart's last total is the figure so far
            points = [(x, v) for x, v in detail.points if x <= w.end]
            if not points:
                return Finding(s, None, None, None, None, projected, None)
            total, last = points[-1][1], int(points[-1][0])
        threshold = s.metric.threshold
        share = total / threshold * 100 if threshold else None
        return Finding(s, total, w.start, last, reason.get("date"), projected, share)
    if s.verdict == INSUFFICIENT and s.reason.key == "no_data":
        return Finding(s, None, None, None, None, None, None)
    return Finding(s, latest.value, latest.year, latest.year, None, projected, None)


def _chart(detail: Detail, read: Sequence[Observed], w: Window, scored: Scored) -> Chart | None:
    metric = detail.score.metric
    basis = _bases(metric, read, w)
    observed = [Point(x, y, basis.get((x, y), "official")) for x, y in detail.points if x <= w.end]
    if not observed:
        return None
    compared: list[tuple[float, float]] = []
    # The chosen method's 80% range of the compared quantity (for average-growth, of the average),
    # as (year, low, high) from the latest observation (a range of one value) to the end year;
    # empty where nothing is ranged.
    band: list[tuple[float, float, float]] = []
    if metric.kind == "average-growth":  # the average since the term start, year by year, and its projection
        rates = {int(x): y for x, y in detail.points}
        aggregation = metric.aggregation or "geometric"
        last = min(int(observed[-1].x), w.end)
        for year in range(w.start, last):  # earlier years: the average of the yearly rates so far
            so_far = [rates.get(y) for y in range(w.start, year + 1)]
            value = None if None in so_far else average([r for r in so_far if r is not None], aggregation)
            if value is not None:
                compared.append((float(year), value))
        # the last: the very figure the verdict compares (a period aggregate where one was given)
        value = safe(lambda _m, y: scored.observed_at(y), detail.score.chosen, last)
        if value is not None:
            compared.append((float(last), value))
    anchor = compared[-1] if compared else (observed[-1].x, observed[-1].y)
    lines: dict[Method, list[tuple[float, float]]] = {}
    for m in METHODS:
        if compared:
            ahead = [(float(x), safe(scored.at, m, x)) for x in detail.ahead]
        else:
            ahead = [(float(x), v) for x, v in zip(detail.ahead, detail.path[m], strict=True)]
        points = [(x, v) for x, v in ahead if v is not None and anchor[0] < x <= w.end]
        lines[m] = [anchor, *points] if points else []
    band = _band(anchor, detail, scored, w)
    target = metric.target
    ends = None if target is None else (target if isinstance(target, tuple) else (target, target))
    bounded = {m: detail.score.by_method[m].bounded for m in METHODS}
    return Chart(observed, lines, bounded, ends, metric.bounds, (w.baseline, w.end), w.as_of, compared, band)


def _band(anchor: tuple[float, float], detail: Detail, scored: Scored, w: Window) -> list[tuple[float, float, float]]:
    """The chosen method's range of the charted quantity, year by year, from the anchor (the latest
    observation, where the range is the value itself) to the end year; empty where any is missing,
    so that a band never has a hole. `range_of` without `path` ranges what `project --year` reports:
    for an average-growth target, the average (as the chart draws it), for the others the value."""
    years = [x for x in detail.ahead if anchor[0] < x <= w.end]
    spreads = [range_of(scored.facts, detail.score.chosen, x) for x in years]
    if not years or any(r is None for r in spreads):
        return []
    x, y = anchor
    return [(x, y, y), *((float(year), r[0], r[1]) for year, r in zip(years, spreads, strict=True) if r is not None)]


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
