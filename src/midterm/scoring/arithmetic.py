"""The arithmetic every rule shares: comparing with a target, trends, averages, time, bounds.

Pure functions of numbers. Where a formula has no meaning (a compound rate from a zero or
negative value, a fall of 100% or more), they answer None rather than a number.
"""

import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Literal

Method = Literal["linear", "cagr"]
METHODS: tuple[Method, ...] = ("linear", "cagr")

Points = list[tuple[int, float]]  # (year, value), years ascending


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
    r = float((vl / vf) ** (1 / (last - f)) - 1)
    # A ratio so small that it rounds to nothing (1e50 down to 1) leaves no factor to compound.
    return r if 1 + r > 0 and math.isfinite(r) else None


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


def clip(value: float, lo: float | None, hi: float | None) -> float:
    """A projected value kept within the values the metric can take (METHOD: Possible values)."""
    if lo is not None and value < lo:
        return lo
    if hi is not None and value > hi:
        return hi
    return value


def required_rate(T: float | None, rates: list[float], n_years: int, aggregation: str) -> float | None:
    """The yearly rate the remaining years need for the term's average to meet T; None when nothing is
    left, or when no rate can do it (a compound path through zero)."""
    n = len(rates)
    if T is None or n >= n_years:
        return None
    if aggregation == "arithmetic":
        return (n_years * T - sum(rates)) / (n_years - n)
    so_far = math.prod(1 + g / 100 for g in rates)
    needed = (1 + T / 100) ** n_years
    if so_far <= 0 or needed <= 0:
        return None
    return float((needed / so_far) ** (1 / (n_years - n)) * 100 - 100)
