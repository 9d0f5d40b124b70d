"""How sure a verdict is (METHOD: How sure a verdict is): span and horizon, each method's 80% range
of what it projects, and the certainty class of an on-track or hard verdict.

The range is the textbook least-squares prediction interval, computed around the unbounded
projection and then bounded as projections are. Pure functions of numbers and scored metrics.
"""

import math
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from midterm.models import Metric

from .arithmetic import Method, Points, average, clip, meets, trend_line
from .results import HARD, ON_TRACK, ByMethod, MetricScore, Window

Range = tuple[float, float]
RangeAt = Callable[[Method, int], Range | None]

DECIDED, HIGH, LOW, THIN, UNMEASURED = "decided", "high", "low", "thin", "unmeasured"
# Best first: an indicator's certainty is the highest among its hard metrics, the lowest among
# its on-track ones, in this order.
ORDER = (DECIDED, HIGH, UNMEASURED, LOW, THIN)
CLASSES = (DECIDED, HIGH, LOW, THIN, UNMEASURED)  # how views list them

# The 0.90 quantile of Student's t, to four decimals, for 1..10 degrees of freedom; the normal's past 30.
T90 = {1: 3.0777, 2: 1.8856, 3: 1.6377, 4: 1.5332, 5: 1.4759, 6: 1.4398, 7: 1.4149, 8: 1.3968, 9: 1.3830, 10: 1.3722}
Z90 = 1.2816
EPS = 1e-9


def t90(df: int) -> float:
    """The 0.90 quantile of Student's t: the table for 1..10, exact for 11..30, 1.2816 from 31 on."""
    if df < 1:
        raise ValueError(f"degrees of freedom must be at least 1, not {df}")
    if df <= 10:
        return T90[df]
    if df > 30:
        return Z90
    return _t_quantile(df, 0.9)


def _density(u: float, df: int) -> float:
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    return float(c * (1 + u * u / df) ** (-(df + 1) / 2))


def t_cdf(x: float, df: int) -> float:
    """Student's t distribution function, by Simpson's rule on the density (smooth and bounded:
    400 steps give twelve correct digits up to the 0.90 quantile)."""
    if x < 0:
        return 1 - t_cdf(-x, df)
    steps = 400
    h = x / steps
    inner = sum((4 if k % 2 else 2) * _density(k * h, df) for k in range(1, steps))
    return 0.5 + h / 3 * (_density(0.0, df) + inner + _density(x, df))


@lru_cache(maxsize=32)
def _t_quantile(df: int, p: float) -> float:
    """Newton's method from the normal quantile: F is smooth and the start is close (a few steps)."""
    x = Z90
    for _ in range(50):
        step = (t_cdf(x, df) - p) / _density(x, df)
        x -= step
        if abs(step) < 1e-13:
            break
    return x


# ---------------------------------------------------------------- one projected year's range


def _fit(points: Points) -> tuple[float, Callable[[int], float]]:
    """s and se(Y) of a least-squares line (n >= 3): the spread of a new point around the line."""
    s, se, _ = _fit_line([x for x, _ in points], [y for _, y in points])
    return s, se


def _fit_line(xs: list[int], ys: list[float]) -> tuple[float, Callable[[int], float], float]:
    """s, se(Y) and the slope b. Each sum is taken over the same terms in the same order as
    `arithmetic.slope` takes it, so b is the slope the projection uses, to the last bit."""
    n = len(xs)
    mx = sum(xs) / n
    my = sum(ys) / n
    sxx = sum([(x - mx) ** 2 for x in xs])
    b = sum([(x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)]) / sxx
    rss = sum([(y - my - b * (x - mx)) ** 2 for x, y in zip(xs, ys, strict=True)])
    # Residuals at the rounding level of the values are no spread: collinear points give one value.
    scale = max(map(abs, ys))
    s = 0.0 if rss <= n * (1e-12 * scale) ** 2 else math.sqrt(rss / (n - 2))
    return s, lambda year: s * math.sqrt(1 + 1 / n + (year - mx) ** 2 / sxx), b


def line_range(points: Points, method: Method) -> Callable[[int], Range] | None:
    """Each year's unbounded range around the method's projection; None with fewer than three
    points, or for cagr where a point is not positive."""
    if len(points) < 3:
        return None
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    if method == "linear":
        _, se, b = _fit_line(xs, ys)  # one pass for the line and its spread
        line = trend_line(points, method, b)
        assert line is not None  # a straight line always projects
        t = t90(len(points) - 2)

        def linear(year: int) -> Range:
            value, spread = line(year), t * se(year)
            return (value - spread, value + spread)

        return linear
    cagr_line = trend_line(points, method)
    if cagr_line is None or any(v <= 0 for v in ys):
        return None
    t = t90(len(points) - 2)
    _, se_log, _ = _fit_line(xs, [math.log(v) for v in ys])

    def compound(year: int) -> Range:
        value, spread = cagr_line(year), t * se_log(year)
        return (value * math.exp(-spread), value * math.exp(spread))

    return compound


class _Lines:
    """Both methods' `line_range` over the same points: the linear one at once (its fit can
    overflow, and then the metric has no span, horizon or range at all), cagr's only when first
    asked for (it cannot fail: a fit of logarithms of positive values). A view that reads one method's
    range never fits the other."""

    def __init__(self, points: Points) -> None:
        self.points = points
        self.found: dict[Method, Callable[[int], Range] | None] = {"linear": line_range(points, "linear")}

    def __call__(self, method: Method) -> Callable[[int], Range] | None:
        if method not in self.found:
            self.found[method] = line_range(self.points, method)
        return self.found[method]


def rate_spread(points: Points) -> float | None:
    """cagr for an average-growth metric: how far each remaining year's rate may lie from the
    average so far, t * s * sqrt(1 + 1/n) over the n yearly rates in the window (n >= 2)."""
    n = len(points)
    if n < 2:
        return None
    mean = sum(v for _, v in points) / n
    s = math.sqrt(sum((v - mean) ** 2 for _, v in points) / (n - 1))
    return t90(n - 1) * s * math.sqrt(1 + 1 / n)


def bounded(r: Range | None, lo: float | None, hi: float | None) -> Range | None:
    return None if r is None else (clip(r[0], lo, hi), clip(r[1], lo, hi))


def finite_range(r: Range | None) -> Range | None:
    return r if r is not None and all(math.isfinite(x) for x in r) else None


# ---------------------------------------------------------------- what each kind ranges


class Basis(NamedTuple):
    """What a metric's range and certainty rest on, as its kind's rule found it."""

    span: float | None
    horizon: float | None
    decided: bool  # the observations decide; nothing is projected for the verdict
    range_at: RangeAt  # what `project --year Y` reports, as a range, per method
    annual_years: range = range(0)  # an annual target's projected years L+1..E
    path_range: RangeAt | None = None  # what `show` projects year by year, when not range_at (yearly rates)


def _none(method: Method, year: int) -> Range | None:
    return None


def basis(
    metric: Metric,
    yearly: Mapping[int, float],
    points: Points,
    review: int,
    w: Window,
    achieved: bool,
    facts: Mapping[str, Any],
) -> Basis:
    """span, horizon, whether the observations decide, and the range of each method's projection."""
    kind = metric.kind
    if kind == "cumulative":
        return _cumulative(metric, points, w, achieved, facts)
    if kind == "average-growth":
        return _average_growth(metric, points, w, facts)
    lo, hi = metric.bounds
    last = points[-1][0] if points else review
    span = float(last - points[0][0]) if points else 0.0
    T = metric.threshold
    failed = (
        kind == "annual"
        and T is not None
        and any(not meets(v, T, metric.direction) for y, v in yearly.items() if w.start <= y <= w.end)
    )
    ranges = _Lines(points)

    def range_at(method: Method, year: int) -> Range | None:
        if failed or year <= review:
            return None
        r = ranges(method)
        return None if r is None else finite_range(bounded(r(year), lo, hi))

    years = range(review + 1, w.end + 1) if kind == "annual" else range(0)
    return Basis(span, float(w.end - last), review >= w.end or failed, range_at, years)


def _cumulative(metric: Metric, points: Points, w: Window, achieved: bool, facts: Mapping[str, Any]) -> Basis:
    if "tau" in facts:  # a running total projects pro rata: it has no range
        t = facts["tau"]
        return Basis(t, w.n - t, t >= w.n - EPS or achieved, _none)
    total, last, flows = facts["chain"]
    floor = metric.bounds[0]
    ranges = _Lines(points)

    def range_at(method: Method, year: int) -> Range | None:
        if year <= last:
            return None
        r = ranges(method)
        if r is None:
            return None
        lo = hi = total
        for y in range(last + 1, year + 1):
            if y in flows:  # a flow after the chain's gap is observed
                lo, hi = lo + flows[y], hi + flows[y]
            else:
                flow_lo, flow_hi = r(y)
                lo, hi = lo + clip(flow_lo, floor, None), hi + clip(flow_hi, floor, None)
        return finite_range((lo, hi))

    latest = points[-1][0] if points else last  # the chain's L is its latest flow, even after a gap
    span = float(latest - points[0][0]) if points else 0.0
    return Basis(span, float(w.end - latest), last >= w.end or achieved, range_at)


def _average_growth(metric: Metric, points: Points, w: Window, facts: Mapping[str, Any]) -> Basis:
    covered: dict[int, float] = facts["covered"]
    so_far: float = facts["so_far"]
    aggregation = metric.aggregation or "geometric"
    n = len(covered)
    linear = line_range(points, "linear")
    spread = rate_spread(points)

    def rate_range(method: Method, year: int) -> Range | None:
        if method == "linear":
            return linear(year) if linear is not None else None
        return None if spread is None else (so_far - spread, so_far + spread)

    def range_at(method: Method, year: int) -> Range | None:
        years = range(w.start, year + 1)
        if all(y in covered for y in years):
            return None
        ends: list[list[float]] = [[], []]
        for y in years:
            r = (covered[y], covered[y]) if y in covered else rate_range(method, y)
            if r is None:
                return None
            ends[0].append(r[0])
            ends[1].append(r[1])
        lo, hi = average(ends[0], aggregation), average(ends[1], aggregation)
        # a geometric average with an end at -100% or less has no range
        return None if lo is None or hi is None else finite_range((lo, hi))

    def path_range(method: Method, year: int) -> Range | None:
        return None if year in covered else rate_range(method, year)

    return Basis(float(n), float(w.n - n), n >= w.n, range_at, path_range=path_range)


# ---------------------------------------------------------------- the classes


def safe_range(range_at: RangeAt, method: Method, year: int) -> Range | None:
    try:
        return range_at(method, year)
    except (OverflowError, ZeroDivisionError):
        return None


def classify(verdict: str, b: Basis, chosen: Method, metric: Metric, end: int, at: RangeAt | None = None) -> str | None:
    """The certainty of an on-track or hard verdict (METHOD order: decided, thin, high or low,
    unmeasured); None for any other verdict or without a numeric target. `at`: the basis's
    ranges as `safe_range` gives them, when the caller has some of them already."""
    T = metric.threshold
    if verdict not in (ON_TRACK, HARD) or T is None or b.span is None or b.horizon is None:
        return None
    if b.decided:
        return DECIDED
    if b.span < b.horizon - EPS or b.span < 1 - EPS:
        return THIN
    years = b.annual_years or range(end, end + 1)  # an annual target: every projected year
    ranges = [at(chosen, y) if at else safe_range(b.range_at, chosen, y) for y in years]
    return _side(verdict, ranges, T, metric.direction)


def _side(verdict: str, ranges: Sequence[Range | None], T: float, direction: str) -> str:
    if not ranges or any(r is None for r in ranges):
        return UNMEASURED
    ok = [[meets(x, T, direction) for x in r] for r in ranges if r is not None]
    if verdict == ON_TRACK:
        return HIGH if all(all(o) for o in ok) else LOW
    return HIGH if any(not any(o) for o in ok) else LOW


def indicator_certainty(verdict: str, certainties: Sequence[str | None], verdicts: Sequence[str]) -> str | None:
    """For hard, the highest among the hard metrics; for on-track, the lowest among the metrics;
    metrics without a certainty left out."""
    if verdict == HARD:
        pool = [c for c, v in zip(certainties, verdicts, strict=True) if v == HARD and c is not None]
        return min(pool, key=ORDER.index) if pool else None
    if verdict == ON_TRACK:
        pool = [c for c in certainties if c is not None]
        return max(pool, key=ORDER.index) if pool else None
    return None


# ---------------------------------------------------------------- onto a scored metric


def attach(metric: Metric, series: Any, w: Window, scored: Any, result: MetricScore) -> MetricScore:
    """The metric's span, horizon, certainty and each method's range at E. `series` and `scored`
    are the kind rule's; `scored.facts["basis"]` keeps the ranges for `project` and `show`."""
    review = series.review_year
    facts = scored.facts
    if review is None or (metric.kind == "cumulative" and "chain" not in facts and "tau" not in facts):
        return result
    if metric.kind == "average-growth" and "covered" not in facts:
        return result
    try:
        b = basis(metric, series.yearly, series.points, review, w, scored.achieved, facts)
    except (OverflowError, ZeroDivisionError):
        return result
    scored.facts["basis"] = b
    at_end: dict[Method, Range | None] = {}  # each method's range at E: the JSON's, and the certainty's

    def at(method: Method, year: int) -> Range | None:
        if year != w.end:
            return safe_range(b.range_at, method, year)
        if method not in at_end:
            at_end[method] = safe_range(b.range_at, method, year)
        return at_end[method]

    by_method = {
        m: ByMethod(r.projected, r.verdict, r.reason, r.bounded, None if r.projected is None else at(m, w.end))
        for m, r in result.by_method.items()
    }
    if metric.threshold is None:
        return result._replace(by_method=by_method)
    certainty = classify(result.verdict, b, result.chosen, metric, w.end, at)
    return result._replace(by_method=by_method, span=b.span, horizon=b.horizon, certainty=certainty)


def range_of(facts: Mapping[str, Any], method: Method, year: int, path: bool = False) -> Range | None:
    """The range of what `project --year` reports (or, with `path`, of what `show` projects for
    the year), from a scored metric's facts; None where nothing is ranged."""
    b: Basis | None = facts.get("basis")
    if b is None:
        return None
    at = (b.path_range or b.range_at) if path else b.range_at
    return safe_range(at, method, year)
