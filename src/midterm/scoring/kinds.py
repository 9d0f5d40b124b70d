"""One metric's verdict: the rule of each kind of target (METHOD: The kinds of target).

Every metric is scored under both projection methods; the window's method gives the verdict.
Projections never leave the values the metric can take (METHOD: Possible values).
"""

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from midterm.models import Metric, Observed, Thresholds

from .arithmetic import METHODS, Method, Points, average, cagr, clip, meets, required_rate, slope, tau, trend_line
from .certainty import attach
from .progress import metric_progress
from .results import (
    DECIDED,
    HARD,
    IMPROVING,
    INSUFFICIENT,
    NA,
    ON_TRACK,
    STABLE,
    WORSENING,
    ByMethod,
    Latest,
    MetricScore,
    Reason,
    Window,
)


class Series(NamedTuple):
    """A metric's observations that may decide, sorted out by what they cover."""

    yearly: dict[int, float]  # the years' own values (flows, levels, rates)
    totals: list[Observed]  # running totals (cumulative)
    aggregates: list[Observed]  # period aggregates (average-growth)
    latest: Latest | None
    review_year: int | None  # L
    points: Points = []  # the trend's points, `window_points` of the window it was sorted for; never mutated

    @classmethod
    def of(cls, observations: Sequence[Observed], w: Window) -> "Series":
        last_year = min(w.as_of, w.end)  # years after E are shown, never decide
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
        review_year = None if latest is None else latest.year
        last = review_year if review_year is not None else w.as_of
        return cls(
            yearly=yearly,
            totals=totals,
            aggregates=aggregates,
            latest=None
            if latest is None
            else Latest(latest.year, latest.obs.value, latest.obs.basis, latest.obs.as_of),
            review_year=review_year,
            points=sorted((y, v) for y, v in yearly.items() if w.trend_from <= y <= last),
        )

    def window_points(self, w: Window) -> Points:
        last = self.review_year if self.review_year is not None else w.as_of
        return sorted((y, v) for y, v in self.yearly.items() if w.trend_from <= y <= last)


Quantity = Callable[[Method, int], float | None]


class Scored:
    """What a kind's rule returns: one result per method, and the kind's own figures: `at`, what
    `project --year Y` reports (bounded; `observed_at` as observed); `ahead`, the years `show`
    projects, by `path`; `facts`, what a range rests on (certainty). A plain class: building a
    dataclass costs a millisecond of every start-up."""

    def __init__(
        self,
        by_method: dict[Method, ByMethod],
        achieved: bool = False,
        required: float | None = None,
        observed: float | None = None,
        at: Quantity = lambda method, year: None,
        observed_at: Callable[[int], float | None] = lambda year: None,
        ahead: list[int] | None = None,
        path: Quantity | None = None,
        facts: dict[str, Any] | None = None,
    ) -> None:
        self.by_method = by_method
        self.achieved = achieved
        self.required = required
        self.observed = observed
        self.at = at
        self.observed_at = observed_at
        self.ahead = [] if ahead is None else ahead
        self.path = path
        self.facts = {} if facts is None else facts


def finite(x: float | None) -> float | None:
    return x if x is None or math.isfinite(x) else None


def safe(at: Quantity, method: Method, year: int) -> float | None:
    """A projection, or None where it has no finite value."""
    try:
        return finite(at(method, year))
    except (OverflowError, ZeroDivisionError):
        return None


def _all(verdict: str, reason: Reason, projected: dict[Method, float | None] | None = None) -> dict[Method, ByMethod]:
    return {m: ByMethod((projected or {}).get(m), verdict, reason) for m in METHODS}


def _bound_reached(raw: Callable[[int], float], years: range, lo: float | None, hi: float | None) -> dict[str, Any]:
    """Where an unbounded trend first leaves the possible values: the reason says so."""
    for year in years:
        value = raw(year)
        if lo is not None and value < lo:
            return {"bound": lo, "bound_year": year}
        if hi is not None and value > hi:
            return {"bound": hi, "bound_year": year}
    return {}


def score_metric(
    metric: Metric, observations: Sequence[Observed], w: Window, plan_thresholds: Thresholds | None = None
) -> MetricScore:
    """One metric's verdict under the window's method, with both methods' results and its progress."""
    return score(metric, observations, w, plan_thresholds)[0]


def score(
    metric: Metric, observations: Sequence[Observed], w: Window, plan_thresholds: Thresholds | None = None
) -> tuple[MetricScore, Scored]:
    series = Series.of(observations, w)
    rule = RULES[metric.kind]
    if series.review_year is None:
        scored = Scored(_all(INSUFFICIENT, Reason("no_data")))
    elif series.review_year <= w.baseline and metric.kind != "average-growth":  # (which says: no term rate)
        # baseline figures inform the trend and are never judged
        scored = Scored(_all(INSUFFICIENT, Reason("baseline_only", {"year": series.review_year})))
    else:
        try:
            scored = rule(metric, series, w)
        except OverflowError:  # values near the float limit (1e308) compound past it
            scored = Scored(_all(NA, Reason("overflow")))
        except ZeroDivisionError:  # values so far apart that a factor rounds to zero
            scored = Scored(_all(NA, Reason("undefined")))
    for method, outcome in scored.by_method.items():
        if outcome.projected is not None and not math.isfinite(outcome.projected):
            scored.by_method[method] = ByMethod(None, NA, Reason("overflow"))
    scored.required = finite(scored.required)
    scored.observed = finite(scored.observed)
    if metric.threshold is None and metric.kind != "trend":
        # Projections still help a reader; a verdict needs a number to compare them with.
        no_target = Reason("no_target")
        scored.by_method = {
            m: ByMethod(r.projected, INSUFFICIENT, no_target, r.bounded) for m, r in scored.by_method.items()
        }
        scored.achieved = False
        scored.required = None
    chosen = scored.by_method[w.method]
    verdict = INSUFFICIENT if chosen.verdict == NA else chosen.verdict
    decided = {r.verdict for r in scored.by_method.values() if r.verdict in DECIDED}
    baseline_only = series.review_year is not None and series.review_year <= w.baseline  # no grade either
    points = [] if baseline_only else series.points
    progress = metric_progress(
        metric, points, w.end, scored.achieved, scored.required, scored.observed, plan_thresholds
    )
    result = MetricScore(
        metric=metric,
        latest=series.latest,
        verdict=verdict,
        achieved=scored.achieved,
        robust=len(decided) <= 1,
        by_method=scored.by_method,
        required_pace=scored.required,
        observed_pace=scored.observed,
        chosen=w.method,
        progress=progress,
    )
    return attach(metric, series, w, scored, result), scored


def _level(m: Metric, s: Series, w: Window) -> Scored:
    """By year E the value meets T."""
    assert s.review_year is not None
    review, value = s.review_year, s.yearly[s.review_year]
    T = m.threshold
    lo, hi = m.bounds
    achieved = T is not None and meets(value, T, m.direction)
    points = s.points
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
            unbounded = line(w.end)
            projected = clip(unbounded, lo, hi)
            bound = _bound_reached(line, range(review + 1, w.end + 1), lo, hi) if projected != unbounded else {}
            ok = T is not None and meets(projected, T, m.direction)
            if achieved and not ok:
                reason = Reason("falls_back", {**base, "projected": projected, **bound})
            else:
                rate = b if method == "linear" else (cagr(points) or 0.0) * 100
                key = "needs_linear" if method == "linear" else "needs_cagr"
                args = {**base, "required": required, "rate": rate, "projected": projected, **bound}
                reason = Reason(key, args)
            by[method] = ByMethod(projected, ON_TRACK if ok else HARD, reason, bool(bound))

    def at(method: Method, year: int) -> float | None:
        line = lines[method]
        return clip(line(year), lo, hi) if line is not None else None

    ahead = list(range(review + 1, w.end + 1))
    return Scored(by, achieved, required, b, at, lambda year: s.yearly.get(year), ahead, at)


def _annual(m: Metric, s: Series, w: Window) -> Scored:
    """Every year of S..E meets T."""
    assert s.review_year is not None
    review, value = s.review_year, s.yearly.get(s.review_year)
    T = m.threshold
    lo, hi = m.bounds
    observed_term = {y: v for y, v in s.yearly.items() if w.start <= y <= w.end}
    failed = [y for y, v in sorted(observed_term.items()) if T is not None and not meets(v, T, m.direction)]
    achieved = T is not None and not failed and all(y in observed_term for y in range(w.start, w.end + 1))
    points = s.points
    lines = {method: (trend_line(points, method) if len(points) >= 2 else None) for method in METHODS}

    def at(method: Method, year: int) -> float | None:
        line = lines[method]
        return clip(line(year), lo, hi) if line is not None else None

    by: dict[Method, ByMethod] = {}
    for method in METHODS:
        line = lines[method]
        projected = value if review == w.end else at(method, w.end)
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
            years = range(review + 1, w.end + 1)
            bound = _bound_reached(line, years, lo, hi)
            future = [(y, clip(line(y), lo, hi)) for y in years]
            falling = [(y, v) for y, v in future if T is not None and not meets(v, T, m.direction)]
            if falling:
                year, low = falling[0]
                reason = Reason("annual_falls", {"year": year, "value": low, "target": T, **bound})
                by[method] = ByMethod(projected, HARD, reason, bool(bound))
            else:
                args = {"end": w.end, "projected": projected, "target": T, **bound}
                by[method] = ByMethod(projected, ON_TRACK, Reason("annual_holds", args), bool(bound))

    required = T if review < w.end else None
    observed = value if review < w.end else None
    ahead = list(range(review + 1, w.end + 1))
    return Scored(by, achieved, required, observed, at, lambda year: s.yearly.get(year), ahead, at)


def _cumulative(m: Metric, s: Series, w: Window) -> Scored:
    """The sum of yearly flows over S..E meets T; what is known so far is a flows chain or a running total."""
    T = m.threshold
    flows = s.yearly
    floor = m.bounds[0]  # projected flows never fall below what a flow can be (0 by default)

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
        return Scored(by, achieved, required, observed_pace, pro_rata, lambda year: None, ahead, pro_rata, {"tau": t})

    assert upto is not None
    last = upto
    points = s.points
    lines = {method: (trend_line(points, method) if len(points) >= 2 else None) for method in METHODS}

    def flow(method: Method, year: int) -> float:
        """An observed flow (one after a gap counts as observed), else the trend's, never below the floor."""
        line = lines[method]
        assert line is not None
        return flows[year] if year in flows else clip(line(year), floor, None)

    def at(method: Method, year: int) -> float | None:
        if year <= last:
            return sum(flows[y] for y in range(w.start, year + 1))
        if lines[method] is None:
            return None
        return total + sum(flow(method, y) for y in range(last + 1, year + 1))

    def observed_at(year: int) -> float | None:
        return sum(flows[y] for y in range(w.start, year + 1)) if w.start <= year <= last else None

    by = {}
    for method in METHODS:
        line = lines[method]
        if last >= w.end:
            by[method] = ByMethod(total, ON_TRACK if achieved else HARD, Reason("cum_done", base))
            continue
        projected = at(method, w.end)
        if projected is None or line is None:
            if achieved:
                by[method] = ByMethod(None, ON_TRACK, Reason("cum_achieved", base))
            elif len(points) < 2:
                by[method] = ByMethod(None, INSUFFICIENT, Reason("too_few", {"year": s.review_year}))
            else:
                by[method] = ByMethod(None, NA, Reason("cagr_na"))
            continue
        unseen = [y for y in range(last + 1, w.end + 1) if y not in flows]
        below = (y for y in unseen if floor is not None and line(y) < floor)
        bound: dict[str, Any] = next(({"bound": floor, "bound_year": y} for y in below), {})
        ok = achieved or (T is not None and meets(projected, T, m.direction))
        args = {**base, "projected": projected, "required": required, "from": last + 1, **bound}
        by[method] = ByMethod(projected, ON_TRACK if ok else HARD, Reason("cum_chain", args), bool(bound))
    ahead = list(range(last + 1, w.end + 1))
    return Scored(by, achieved, required, observed_pace, at, observed_at, ahead, at, {"chain": (total, last, flows)})


def _share(total: float, target: float | None) -> float | None:
    return total / target * 100 if target else None


def _average_growth(m: Metric, s: Series, w: Window) -> Scored:
    """The average yearly rate over S..E meets T; rates are yearly, or a period aggregate (`since`).
    Rates are not bounded: a fall of 100% or more already leaves a method without an average."""
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
    required = required_rate(T, rates, w.n, aggregation)
    points = s.points  # yearly rates only: the baseline's rate counts for the trend
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
    left = [y for y in range(w.start, w.end + 1) if y not in covered]
    by: dict[Method, ByMethod] = {}
    for method in METHODS:
        projected = at(method, w.end)
        if projected is None:  # a projected fall of 100% or more has no compound average
            by[method] = ByMethod(None, NA, Reason("growth_undefined"))
            continue
        ok = T is not None and meets(projected, T, m.direction)
        if not left:
            reason = Reason("growth_done", {"average": so_far, "start": w.start, "end": w.end, "target": T})
        else:
            args = {"required": required, "years": left, "rates": [rate(method, y) for y in left]}
            reason = Reason("growth_needs", args)
        by[method] = ByMethod(projected, ON_TRACK if ok else HARD, reason)
    facts = {"covered": covered, "so_far": so_far}
    return Scored(by, achieved, required, so_far, at, observed_at, left, rate, facts)


def _trend(m: Metric, s: Series, w: Window) -> Scored:
    """No numeric target: only the direction counts."""
    points = s.points
    if len(points) < 2:
        return Scored(_all(INSUFFICIENT, Reason("too_few", {"year": s.review_year})))
    lo, hi = m.bounds
    b = slope(points)
    lines = {method: trend_line(points, method, b) for method in METHODS}
    mean_abs = sum(abs(v) for _, v in points) / len(points)
    review = s.review_year or w.as_of
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
        unbounded = line(w.end)
        projected = clip(unbounded, lo, hi)
        bound = _bound_reached(line, range(review + 1, w.end + 1), lo, hi) if projected != unbounded else {}
        reason = Reason("trend_rate", {"rate": r, "verdict": verdict, **bound})
        by[method] = ByMethod(projected, verdict, reason, bool(bound))

    def at(method: Method, year: int) -> float | None:
        line = lines[method]
        return clip(line(year), lo, hi) if line is not None else None

    ahead = list(range(review + 1, w.end + 1))
    return Scored(by, False, None, b, at, lambda year: s.yearly.get(year), ahead, at)


RULES: dict[str, Callable[[Metric, Series, Window], Scored]] = {
    "level": _level,
    "annual": _annual,
    "cumulative": _cumulative,
    "average-growth": _average_growth,
    "trend": _trend,
}
