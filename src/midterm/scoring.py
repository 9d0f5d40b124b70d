"""How a verdict is computed: METHOD.md as pure functions. No I/O, no printing.

Every metric is scored under both projection methods; the chosen one gives the verdict. The
reasons are data (a message key and its values), put into words by `i18n` at output time.
"""

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from .models import Basis, Dataset, Indicator, Metric, Observed, Plan

Method = Literal["linear", "cagr"]
METHODS: tuple[Method, ...] = ("linear", "cagr")
ON_TRACK, HARD, INSUFFICIENT, NA = "on-track", "hard", "insufficient-data", "n/a"
IMPROVING, STABLE, WORSENING = "improving", "stable", "worsening"
DECIDED = (ON_TRACK, HARD, IMPROVING, STABLE, WORSENING)  # verdicts that count for `robust`

Points = list[tuple[int, float]]  # (year, value), years ascending


class Reason(NamedTuple):
    """A sentence as data: a message key of i18n and its values."""

    key: str
    args: dict[str, Any] = {}  # never mutated: shared safely


class Window(NamedTuple):
    """The years in play (METHOD.md, "Words")."""

    baseline: int  # B
    end: int  # E
    as_of: int  # the as-of year: only year files up to it are read
    trend_from: int  # W
    method: Method

    @property
    def start(self) -> int:  # S
        return self.baseline + 1

    @property
    def n(self) -> int:  # N
        return self.end - self.baseline


# ---------------------------------------------------------------- results


class ByMethod(NamedTuple):
    projected: float | None
    verdict: str
    reason: Reason


class Latest(NamedTuple):
    year: int
    value: float
    basis: Basis
    as_of: dt.date | None = None


class MetricScore(NamedTuple):
    metric: Metric
    latest: Latest | None
    verdict: str
    achieved: bool
    robust: bool
    by_method: dict[Method, ByMethod]
    required_pace: float | None
    observed_pace: float | None
    chosen: Method

    @property
    def projected(self) -> float | None:
        return self.by_method[self.chosen].projected

    @property
    def reason(self) -> Reason:
        return self.by_method[self.chosen].reason


class IndicatorScore(NamedTuple):
    indicator: Indicator
    verdict: str
    reason: Reason
    metrics: list[MetricScore]


class Summary(NamedTuple):
    counts: dict[str, int]  # our indicator verdicts
    official: dict[str, int]  # the report's
    disagreements: list[str]  # both verdicts exist and differ
    undecided: list[str]  # the report has a verdict, we have insufficient data


class Status(NamedTuple):
    plan: Plan
    window: Window
    indicators: list[IndicatorScore]
    summary: Summary


class MetricAt(NamedTuple):
    """One metric's quantity at a year: observed when the data has it, projected otherwise."""

    score: MetricScore
    year: int
    observed: float | None
    by_method: dict[Method, float | None]

    @property
    def projected(self) -> float | None:
        return self.observed if self.observed is not None else self.by_method[self.score.chosen]


class Projection(NamedTuple):
    plan: Plan
    window: Window
    year: int
    metrics: list[tuple[Indicator, MetricAt]]


# ---------------------------------------------------------------- options


def window(data: Dataset, as_of: int | None = None, trend_from: int | None = None, method: Method = "linear") -> Window:
    plan = data.plan
    year = as_of if as_of is not None else (max(data.years) if data.years else plan.baseline_year)
    start = trend_from if trend_from is not None else plan.baseline_year
    return Window(plan.baseline_year, plan.end_year, year, start, method)


def option_error(
    data: Dataset, as_of: int | None, trend_from: int | None, year: int | None = None
) -> tuple[str, dict[str, int]] | None:
    """Wrong usage as (message key, values), or None: the command line exits 2 with it."""
    plan = data.plan
    b, e = plan.baseline_year, plan.end_year
    if as_of is not None and not b <= as_of <= e + 5:
        return "bad_as_of", {"year": as_of, "lo": b, "hi": e + 5}
    w = window(data, as_of, trend_from)
    if trend_from is not None and not b <= trend_from < w.as_of:
        return "bad_trend_from", {"year": trend_from, "lo": b, "hi": w.as_of - 1}
    if year is not None and not b < year <= e + 10:
        return "bad_project_year", {"year": year, "lo": b + 1, "hi": e + 10}
    return None


# ---------------------------------------------------------------- arithmetic


def meets(x: float, threshold: float, direction: str) -> bool:
    """x meets T, inclusively, within a relative epsilon: "under 3%" reads "at most 3%"."""
    eps = 1e-9 * max(1.0, abs(threshold))
    return x >= threshold - eps if direction == "up" else x <= threshold + eps


def slope(points: Points) -> float:
    """The least-squares slope of value on year."""
    n = len(points)
    mx = sum(y for y, _ in points) / n
    my = sum(v for _, v in points) / n
    sxx = sum((y - mx) ** 2 for y, _ in points)
    return sum((y - mx) * (v - my) for y, v in points) / sxx


def cagr(points: Points) -> float | None:
    """The compound yearly rate (a fraction) from the first to the last point; None when it does not apply."""
    (f, vf), (last, vl) = points[0], points[-1]
    if vf <= 0 or vl <= 0:
        return None
    return float((vl / vf) ** (1 / (last - f)) - 1)


def trend_line(points: Points, method: Method, b: float | None = None) -> Callable[[int], float] | None:
    """The projection through any year, anchored at the latest point; None when the method does not apply.
    `b`, the slope, when the caller has it already."""
    last, vl = points[-1]
    if method == "linear":
        b = slope(points) if b is None else b
        return lambda year: vl + b * (year - last)
    r = cagr(points)
    if r is None:
        return None
    return lambda year: float(vl * (1 + r) ** (year - last))


def average(rates: Sequence[float], aggregation: str) -> float | None:
    """The average yearly rate in percent; geometric unless the metric says arithmetic."""
    if not rates:
        return None
    if aggregation == "arithmetic":
        return sum(rates) / len(rates)
    if any(g <= -100 for g in rates):  # a fall of 100% or more ends the compounding
        return None
    return float((math.prod(1 + g / 100 for g in rates) ** (1 / len(rates)) - 1) * 100)


def tau(when: dt.date, start: int) -> float:
    """Years of the term covered by a running total dated `when` (2023-06-30 -> 2.5 from 2021)."""
    following = dt.date(when.year + when.month // 12, when.month % 12 + 1, 1)
    days = (following - dt.timedelta(days=1)).day
    return (when.year - start) + ((when.month - 1) + when.day / days) / 12


# ---------------------------------------------------------------- one metric


class Series(NamedTuple):
    """A metric's observations that may decide, sorted out by what they cover."""

    yearly: dict[int, float]  # the years' own values (flows, levels, rates)
    totals: list[Observed]  # running totals (cumulative)
    aggregates: list[Observed]  # period aggregates (average-growth)
    latest: Latest | None
    review_year: int | None  # L

    @classmethod
    def of(cls, observations: Sequence[Observed], w: Window) -> "Series":
        last_year = min(w.as_of, w.end)
        yearly: dict[int, float] = {}
        totals: list[Observed] = []
        aggregates: list[Observed] = []
        latest: Observed | None = None
        for o in observations:
            if o.year > last_year:
                continue
            if o.obs.to_date:
                totals.append(o)
            elif o.obs.since is not None:
                aggregates.append(o)
            else:
                yearly[o.year] = o.obs.value
            # the latest year's own value wins over a total or an aggregate of that year
            if latest is None or o.year > latest.year or (o.year == latest.year and o.obs.span == "year"):
                latest = o
        return cls(
            yearly=yearly,
            totals=totals,
            aggregates=aggregates,
            latest=None
            if latest is None
            else Latest(latest.year, latest.obs.value, latest.obs.basis, latest.obs.as_of),
            review_year=None if latest is None else latest.year,
        )

    def window_points(self, w: Window) -> Points:
        last = self.review_year if self.review_year is not None else w.as_of
        return sorted((y, v) for y, v in self.yearly.items() if w.trend_from <= y <= last)


@dataclass
class Scored:
    """What a kind's rule returns: one result per method, and the kind's own figures."""

    by_method: dict[Method, ByMethod]
    achieved: bool = False
    required: float | None = None
    observed: float | None = None
    at: Callable[[Method, int], float | None] = lambda method, year: None
    observed_at: Callable[[int], float | None] = lambda year: None
    # The year-by-year projection that `show` prints: values, running totals, or yearly rates.
    ahead: list[int] = field(default_factory=list)
    path: Callable[[Method, int], float | None] | None = None


def _finite(x: float | None) -> float | None:
    return x if x is None or math.isfinite(x) else None


def _safe(at: Callable[[Method, int], float | None], method: Method, year: int) -> float | None:
    """A projection, or None where it overflows the floats."""
    try:
        return _finite(at(method, year))
    except OverflowError:
        return None


def _all(verdict: str, reason: Reason, projected: dict[Method, float | None] | None = None) -> dict[Method, ByMethod]:
    return {m: ByMethod((projected or {}).get(m), verdict, reason) for m in METHODS}


def score_metric(metric: Metric, observations: Sequence[Observed], w: Window) -> MetricScore:
    """One metric's verdict under the window's method, with both methods' results."""
    return _score(metric, observations, w)[0]


def _score(metric: Metric, observations: Sequence[Observed], w: Window) -> tuple[MetricScore, Scored]:
    series = Series.of(observations, w)
    rule = {
        "level": _level,
        "annual": _annual,
        "cumulative": _cumulative,
        "average-growth": _average_growth,
        "trend": _trend,
    }[metric.kind]
    if series.review_year is None:
        scored = Scored(_all(INSUFFICIENT, Reason("no_data")))
    else:
        try:
            scored = rule(metric, series, w)
        except OverflowError:  # values near the float limit (1e308) compound past it
            scored = Scored(_all(NA, Reason("overflow")))
    for method, result in scored.by_method.items():
        if result.projected is not None and not math.isfinite(result.projected):
            scored.by_method[method] = ByMethod(None, NA, Reason("overflow"))
    scored.required = _finite(scored.required)
    scored.observed = _finite(scored.observed)
    if metric.threshold is None and metric.kind != "trend":
        # Projections still help a reader; a verdict needs a number to compare them with.
        no_target = Reason("no_target")
        scored.by_method = {m: ByMethod(r.projected, INSUFFICIENT, no_target) for m, r in scored.by_method.items()}
        scored.achieved = False
        scored.required = None
    chosen = scored.by_method[w.method]
    verdict = INSUFFICIENT if chosen.verdict == NA else chosen.verdict
    decided = {r.verdict for r in scored.by_method.values() if r.verdict in DECIDED}
    score = MetricScore(
        metric=metric,
        latest=series.latest,
        verdict=verdict,
        achieved=scored.achieved,
        robust=len(decided) <= 1,
        by_method=scored.by_method,
        required_pace=scored.required,
        observed_pace=scored.observed,
        chosen=w.method,
    )
    return score, scored


def _level(m: Metric, s: Series, w: Window) -> Scored:
    """By year E the value meets T."""
    assert s.review_year is not None
    review, value = s.review_year, s.yearly[s.review_year]
    T = m.threshold
    achieved = T is not None and meets(value, T, m.direction)
    points = s.window_points(w)
    b = slope(points) if len(points) >= 2 else None
    lines = {method: (trend_line(points, method, b) if b is not None else None) for method in METHODS}
    required = (T - value) / (w.end - review) if T is not None and review < w.end else None
    by: dict[Method, ByMethod] = {}
    for method in METHODS:
        line = lines[method]
        base = {"value": value, "year": review, "target": T, "end": w.end}
        if review == w.end:
            reason = Reason("final_meets" if achieved else "final_misses", base)
            by[method] = ByMethod(value, ON_TRACK if achieved else HARD, reason)
        elif len(points) < 2:
            if achieved:
                by[method] = ByMethod(None, ON_TRACK, Reason("already_meets", base))
            else:
                by[method] = ByMethod(None, INSUFFICIENT, Reason("too_few", {"year": review}))
        elif line is None:
            by[method] = ByMethod(None, NA, Reason("cagr_na"))
        else:
            projected = line(w.end)
            ok = T is not None and meets(projected, T, m.direction)
            if achieved and not ok:
                reason = Reason("falls_back", {**base, "projected": projected})
            else:
                rate = b if method == "linear" else (cagr(points) or 0.0) * 100
                key = "needs_linear" if method == "linear" else "needs_cagr"
                reason = Reason(key, {**base, "required": required, "rate": rate, "projected": projected})
            by[method] = ByMethod(projected, ON_TRACK if ok else HARD, reason)

    def at(method: Method, year: int) -> float | None:
        line = lines[method]
        return line(year) if line is not None else None

    ahead = list(range(review + 1, w.end + 1))
    return Scored(by, achieved, required, b, at, lambda year: s.yearly.get(year), ahead, at)


def _annual(m: Metric, s: Series, w: Window) -> Scored:
    """Every year of S..E meets T."""
    assert s.review_year is not None
    review, value = s.review_year, s.yearly.get(s.review_year)
    T = m.threshold
    observed_term = {y: v for y, v in s.yearly.items() if w.start <= y <= w.end}
    failed = [y for y, v in sorted(observed_term.items()) if T is not None and not meets(v, T, m.direction)]
    achieved = T is not None and not failed and all(y in observed_term for y in range(w.start, w.end + 1))
    points = s.window_points(w)
    lines = {method: (trend_line(points, method) if len(points) >= 2 else None) for method in METHODS}
    by: dict[Method, ByMethod] = {}
    for method in METHODS:
        line = lines[method]
        projected = value if review == w.end else (line(w.end) if line is not None else None)
        if failed:
            args = {"years": failed, "year": failed[0], "value": observed_term[failed[0]], "target": T}
            by[method] = ByMethod(projected, HARD, Reason("annual_failed", args))
        elif review == w.end:
            by[method] = ByMethod(projected, ON_TRACK, Reason("annual_done", {"target": T}))
        elif len(points) < 2:
            by[method] = ByMethod(None, INSUFFICIENT, Reason("too_few", {"year": review}))
        elif line is None:
            by[method] = ByMethod(None, NA, Reason("cagr_na"))
        else:
            future = [(y, line(y)) for y in range(review + 1, w.end + 1)]
            falling = [(y, v) for y, v in future if T is not None and not meets(v, T, m.direction)]
            if falling:
                year, low = falling[0]
                reason = Reason("annual_falls", {"year": year, "value": low, "target": T})
                by[method] = ByMethod(projected, HARD, reason)
            else:
                args = {"end": w.end, "projected": projected, "target": T}
                by[method] = ByMethod(projected, ON_TRACK, Reason("annual_holds", args))

    def at(method: Method, year: int) -> float | None:
        line = lines[method]
        return line(year) if line is not None else None

    required = T if review < w.end else None
    observed = value if review < w.end else None
    ahead = list(range(review + 1, w.end + 1))
    return Scored(by, achieved, required, observed, at, lambda year: s.yearly.get(year), ahead, at)


def _cumulative(m: Metric, s: Series, w: Window) -> Scored:
    """The sum of yearly flows over S..E meets T; what is known so far is a flows chain or a running total."""
    T = m.threshold
    flows = s.yearly

    def extend(total: float, year: int) -> tuple[float, int]:
        while year + 1 in flows and year + 1 <= w.end:
            year += 1
            total += flows[year]
        return total, year

    # (tau, is_chain, C, last year covered or None for a mid-year total, date)
    candidates: list[tuple[float, bool, float, int | None, dt.date | None]] = []
    if w.start in flows:
        c, last = extend(flows[w.start], w.start)
        candidates.append((last - w.start + 1, True, c, last, None))
    for o in s.totals:
        when = o.obs.as_of or dt.date(o.year, 12, 31)
        if when == dt.date(o.year, 12, 31):
            c, last = extend(o.obs.value, o.year)
            candidates.append((last - w.start + 1, False, c, last, when))
        else:
            candidates.append((tau(when, w.start), False, o.obs.value, None, when))
    if not candidates:
        missing = next(y for y in range(w.start, w.end + 1) if y not in flows)
        return Scored(_all(INSUFFICIENT, Reason("no_total", {"year": missing})))
    # The candidate that reaches furthest; on a tie the flows chain, then the latest-dated total.
    t, is_chain, total, upto, dated = max(candidates, key=lambda c: (c[0], c[1], c[4] or dt.date.min))
    achieved = T is not None and meets(total, T, m.direction)
    observed_pace = total / t
    left = w.n - t
    required = (T - total) / left if T is not None and left > 1e-9 else None
    base = {"total": total, "target": T, "start": w.start, "end": w.end, "last": upto, "date": dated}

    if not is_chain:  # a running total projects pro rata under both methods

        def pro_rata(method: Method, year: int) -> float:
            return total * (year - w.start + 1) / t

        at_end = total if left <= 1e-9 else pro_rata("linear", w.end)
        ok = achieved or (T is not None and meets(at_end, T, m.direction))
        key = "cum_done" if left <= 1e-9 else "cum_running"
        args = {**base, "projected": at_end, "required": required, "rate": observed_pace, "share": _share(total, T)}
        by = _all(ON_TRACK if ok else HARD, Reason(key, args), {mm: at_end for mm in METHODS})
        ahead = [y for y in range(w.start, w.end + 1) if y - w.start + 1 > t + 1e-9]
        return Scored(by, achieved, required, observed_pace, pro_rata, lambda year: None, ahead, pro_rata)

    assert upto is not None
    last = upto
    points = s.window_points(w)
    lines = {method: (trend_line(points, method) if len(points) >= 2 else None) for method in METHODS}

    def at(method: Method, year: int) -> float | None:
        if year <= last:
            return sum(flows[y] for y in range(w.start, year + 1))
        line = lines[method]
        if line is None:
            return None
        # An observed flow after a gap counts as observed; missing years are projected, never negative.
        return total + sum(flows[y] if y in flows else max(0.0, line(y)) for y in range(last + 1, year + 1))

    def observed_at(year: int) -> float | None:
        return sum(flows[y] for y in range(w.start, year + 1)) if w.start <= year <= last else None

    by = {}
    for method in METHODS:
        if last >= w.end:
            ok = achieved
            by[method] = ByMethod(total, ON_TRACK if ok else HARD, Reason("cum_done", base))
            continue
        projected = at(method, w.end)
        if projected is None:
            if achieved:
                by[method] = ByMethod(None, ON_TRACK, Reason("cum_achieved", base))
            elif len(points) < 2:
                by[method] = ByMethod(None, INSUFFICIENT, Reason("too_few", {"year": s.review_year}))
            else:
                by[method] = ByMethod(None, NA, Reason("cagr_na"))
            continue
        ok = achieved or (T is not None and meets(projected, T, m.direction))
        args = {**base, "projected": projected, "required": required, "from": last + 1}
        by[method] = ByMethod(projected, ON_TRACK if ok else HARD, Reason("cum_chain", args))
    return Scored(by, achieved, required, observed_pace, at, observed_at, list(range(last + 1, w.end + 1)), at)


def _share(total: float, target: float | None) -> float | None:
    return total / target * 100 if target else None


def _average_growth(m: Metric, s: Series, w: Window) -> Scored:
    """The average yearly rate over S..E meets T; rates are yearly, or a period aggregate (`since`)."""
    assert s.review_year is not None
    T = m.threshold
    aggregation = m.aggregation or "geometric"
    covered: dict[int, float] = {}
    if s.aggregates:
        latest = max(s.aggregates, key=lambda o: o.year)
        since = latest.obs.since if latest.obs.since is not None else w.start
        for y in range(max(since, w.start), min(latest.year, w.end) + 1):
            covered[y] = latest.obs.value
    for y, g in s.yearly.items():
        if w.start <= y <= w.end and y not in covered:
            covered[y] = g
    review = s.review_year
    gaps = [y for y in range(w.start, review + 1) if y not in covered]
    if not covered:
        return Scored(_all(INSUFFICIENT, Reason("no_term_rate", {"start": w.start})))
    if gaps:
        return Scored(_all(INSUFFICIENT, Reason("rate_gap", {"year": gaps[0]})))
    rates = [covered[y] for y in sorted(covered)]
    n = len(rates)
    so_far = average(rates, aggregation)
    if so_far is None:
        return Scored(_all(INSUFFICIENT, Reason("no_term_rate", {"start": w.start})))
    required = None
    if T is not None and n < w.n:
        if aggregation == "arithmetic":
            required = (w.n * T - sum(rates)) / (w.n - n)
        else:
            required = ((1 + T / 100) ** w.n / math.prod(1 + g / 100 for g in rates)) ** (1 / (w.n - n)) * 100 - 100
    points = s.window_points(w)  # yearly rates only: the baseline's rate counts for the trend
    line = trend_line(points, "linear") if len(points) >= 2 else None

    def rate(method: Method, year: int) -> float:
        if method == "linear" and line is not None:
            return line(year)
        return so_far

    def at(method: Method, year: int) -> float | None:
        years = range(w.start, year + 1)
        return average([covered[y] if y in covered else rate(method, y) for y in years], aggregation)

    def observed_at(year: int) -> float | None:
        years = range(w.start, year + 1)
        return average([covered[y] for y in years], aggregation) if all(y in covered for y in years) else None

    achieved = T is not None and n == w.n and meets(so_far, T, m.direction)
    remaining = [y for y in range(w.start, w.end + 1) if y not in covered]
    by: dict[Method, ByMethod] = {}
    for method in METHODS:
        projected = at(method, w.end)
        if projected is None:  # a projected fall of 100% or more has no compound average
            by[method] = ByMethod(None, NA, Reason("growth_undefined"))
            continue
        ok = T is not None and meets(projected, T, m.direction)
        if not remaining:
            reason = Reason("growth_done", {"average": so_far, "start": w.start, "end": w.end, "target": T})
        else:
            args = {"required": required, "years": remaining, "rates": [rate(method, y) for y in remaining]}
            reason = Reason("growth_needs", args)
        by[method] = ByMethod(projected, ON_TRACK if ok else HARD, reason)
    return Scored(by, achieved, required, so_far, at, observed_at, remaining, rate)


def _trend(m: Metric, s: Series, w: Window) -> Scored:
    """No numeric target: only the direction counts."""
    points = s.window_points(w)
    if len(points) < 2:
        return Scored(_all(INSUFFICIENT, Reason("too_few", {"year": s.review_year})))
    b = slope(points)
    lines = {method: trend_line(points, method, b) for method in METHODS}
    mean_abs = sum(abs(v) for _, v in points) / len(points)
    by: dict[Method, ByMethod] = {}
    for method in METHODS:
        line = lines[method]
        if line is None:
            by[method] = ByMethod(None, NA, Reason("cagr_na"))
            continue
        if method == "linear":
            r = b / mean_abs * 100 if mean_abs else 0.0
        else:
            r = (cagr(points) or 0.0) * 100
        if abs(r) < 1:
            verdict = STABLE
        else:
            verdict = IMPROVING if (r > 0) == (m.direction == "up") else WORSENING
        by[method] = ByMethod(line(w.end), verdict, Reason("trend_rate", {"rate": r, "verdict": verdict}))

    def at(method: Method, year: int) -> float | None:
        line = lines[method]
        return line(year) if line is not None else None

    ahead = list(range((s.review_year or w.as_of) + 1, w.end + 1))
    return Scored(by, False, None, b, at, lambda year: s.yearly.get(year), ahead, at)


# ---------------------------------------------------------------- indicators and the plan


def score_indicator(indicator: Indicator, metrics: list[MetricScore]) -> IndicatorScore:
    targeted = [s for s in metrics if s.metric.kind != "trend"]
    hard = [s.metric.id for s in targeted if s.verdict == HARD]
    if hard:
        return IndicatorScore(indicator, HARD, Reason("ind_hard", {"metrics": hard}), metrics)
    if not metrics:
        return IndicatorScore(indicator, INSUFFICIENT, Reason("ind_no_metric"), metrics)
    if not targeted:
        return IndicatorScore(indicator, INSUFFICIENT, Reason("no_target"), metrics)
    lacking = [s.metric.id for s in targeted if s.verdict != ON_TRACK]
    if lacking:
        args = {"count": len(lacking), "total": len(targeted), "metrics": lacking}
        return IndicatorScore(indicator, INSUFFICIENT, Reason("ind_lacking", args), metrics)
    return IndicatorScore(indicator, ON_TRACK, Reason("ind_on_track", {"total": len(targeted)}), metrics)


def summarise(indicators: list[IndicatorScore]) -> Summary:
    counts = {v: sum(i.verdict == v for i in indicators) for v in (ON_TRACK, HARD, INSUFFICIENT)}
    official = {v: sum(i.indicator.official == v for i in indicators) for v in (ON_TRACK, HARD)}
    disagreements = [
        i.indicator.id
        for i in indicators
        if i.indicator.official and i.verdict in (ON_TRACK, HARD) and i.verdict != i.indicator.official
    ]
    undecided = [i.indicator.id for i in indicators if i.indicator.official and i.verdict == INSUFFICIENT]
    return Summary(counts, official, disagreements, undecided)


def _scored_metrics(data: Dataset, w: Window) -> list[tuple[Indicator, MetricScore, Scored]]:
    out = []
    for indicator, metric in data.metrics():
        out.append((indicator, *_score(metric, data.observations.get(metric.id, ()), w)))
    return out


def status(data: Dataset, as_of: int | None = None, trend_from: int | None = None, method: Method = "linear") -> Status:
    """Every indicator and metric of the plan, scored at the as-of year."""
    w = window(data, as_of, trend_from, method)
    indicators = []
    for indicator in data.targets.indicators:
        metrics = [score_metric(m, data.observations.get(m.id, ()), w) for m in indicator.metrics]
        indicators.append(score_indicator(indicator, metrics))
    return Status(data.plan, w, indicators, summarise(indicators))


def project(
    data: Dataset, year: int, as_of: int | None = None, trend_from: int | None = None, method: Method = "linear"
) -> Projection:
    """Each metric's quantity at `year` under both methods: the value (level, annual, trend),
    the total over S..year (cumulative) or the average over S..year (average-growth)."""
    w = window(data, as_of, trend_from, method)
    out = []
    for indicator, score, scored in _scored_metrics(data, w):
        observed = _finite(scored.observed_at(year)) if score.latest is not None else None
        at = {m: (_safe(scored.at, m, year) if score.latest is not None else None) for m in METHODS}
        out.append((indicator, MetricAt(score, year, observed, at)))
    return Projection(data.plan, w, year, out)


# ---------------------------------------------------------------- one indicator or metric in depth


class Detail(NamedTuple):
    """A metric for `show`: its score, every observation, the projection year by year, the chart's points."""

    score: MetricScore
    observations: list[Observed]  # all of them, in year order, after the end year too
    ahead: list[int]  # the years each method projects
    path: dict[Method, list[float | None]]  # per year of `ahead`: values, running totals or yearly rates
    points: list[tuple[float, float]]  # (time in years, value): what the chart plots as observed


class Shown(NamedTuple):
    window: Window
    indicator: IndicatorScore
    details: list[Detail]


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
        points.append((float(year), total))
    for o in series.totals:
        points.append((w.start - 1 + tau(o.obs.as_of or dt.date(o.year, 12, 31), w.start), o.obs.value))
    return sorted(points)


def show(
    data: Dataset, item: str, as_of: int | None = None, trend_from: int | None = None, method: Method = "linear"
) -> Shown | None:
    """An indicator (all its metrics) or one metric in depth; None when no such id exists.
    An id that names both an indicator and a metric shows the indicator."""
    w = window(data, as_of, trend_from, method)
    for indicator in data.targets.indicators:
        metrics = indicator.metrics if indicator.id == item else [m for m in indicator.metrics if m.id == item]
        if indicator.id != item and not metrics:
            continue
        details = []
        for metric in metrics:
            spans = ("year", "to_date", "since")
            observations = sorted(data.observations.get(metric.id, ()), key=lambda o: (o.year, spans.index(o.obs.span)))
            score, scored = _score(metric, observations, w)
            path = {m: [_safe(scored.path, m, y) if scored.path else None for y in scored.ahead] for m in METHODS}
            details.append(Detail(score, observations, scored.ahead, path, chart_points(metric, observations, w)))
        all_scores = [_score(m, data.observations.get(m.id, ()), w)[0] for m in indicator.metrics]
        return Shown(w, score_indicator(indicator, all_scores), details)
    return None


def known_ids(data: Dataset) -> list[str]:
    return [i.id for i in data.targets.indicators] + [m.id for _, m in data.metrics()]
