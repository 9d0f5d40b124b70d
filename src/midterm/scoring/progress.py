"""Progress graded as SDG platforms grade it (METHOD: Progress).

Statistics Canada's progress measure, as Open SDG's sdg-build computes it: a look back from
the first observation in the trend window to the latest, graded target achieved, substantial,
moderate, limited or deterioration, with a score from -5 to 5. Cumulative and average-growth
targets, which that measure does not cover, are graded on the ratio of the observed pace to
the required pace. Independent of the verdict, which looks forward to the end year.
"""

import math

from midterm.models import Metric, Thresholds

from .arithmetic import Points, meets
from .results import (
    ACHIEVED,
    DETERIORATION,
    LIMITED,
    MODERATE,
    NO_PROGRESS,
    NOT_AVAILABLE,
    SUBSTANTIAL,
    Progress,
)

# (high, med, low): the thresholds of the measure with a numeric target, and without one.
WITH_TARGET = (0.95, 0.6, 0.0)
WITHOUT_TARGET = (0.015, 0.005, 0.0)
ZERO = 0.001  # a zero base or target is read as this, as sdg-build does


def thresholds(metric: Metric | None, plan: Thresholds | None, numeric: bool) -> tuple[float, float, float]:
    """The thresholds in force: the metric's own keys, then the plan's (for numeric targets), then the
    defaults. Without a metric: the plan's over the defaults."""
    high, med, low = WITH_TARGET if numeric else WITHOUT_TARGET
    own = metric.progress_thresholds if metric is not None else None
    for layer in (plan if numeric else None, own):
        if layer is not None:
            high = layer.high if layer.high is not None else high
            med = layer.med if layer.med is not None else med
            low = layer.low if layer.low is not None else low
    return high, med, low


def grade(p: float, high: float, med: float, low: float) -> str:
    if p >= high:
        return SUBSTANTIAL
    if p >= med:
        return MODERATE
    if p >= low:
        return LIMITED
    return DETERIORATION


def _clip(score: float) -> float:
    return max(-5.0, min(5.0, score))


def target_score(p: float, med: float) -> float:
    """The score with a numeric target (or a pace ratio)."""
    return _clip(min(7.1429 * p - 4.2857, 5) if p >= med else max(4.1667 * p - 2.5, -5))


def free_score(p: float, high: float, med: float, low: float) -> float:
    """The score without a numeric target: only the direction and speed of change."""
    if p < low:
        return _clip(max(125 * p - 2.5, -5))
    if p >= high:
        return _clip(min(500 * p - 5, 5))
    if p >= med:
        return _clip(250 * p - 1.25)
    return _clip(500 * p - 2.5)


def growth(a: float, b: float, years: float) -> float | None:
    """g(a, b, n) = (a / b) ** (1 / n) - 1; None where it has no real value."""
    if b == 0 or a / b < 0 or years <= 0:
        return None
    value = (a / b) ** (1 / years) - 1
    return float(value) if math.isfinite(value) else None


def graded(p: float | None, limits: tuple[float, float, float], numeric: bool) -> Progress:
    if p is None or math.isnan(p):
        return NO_PROGRESS
    if math.isinf(p):  # nothing more is needed (or the pace goes against a target that needs nothing)
        return Progress(SUBSTANTIAL, 5.0) if p > 0 else Progress(DETERIORATION, -5.0)
    high, med, low = limits
    score = target_score(p, med) if numeric else free_score(p, high, med, low)
    return Progress(grade(p, high, med, low), score, p)


def metric_progress(
    metric: Metric,
    points: Points,
    end: int,
    achieved: bool,
    required: float | None,
    observed: float | None,
    plan: Thresholds | None,
) -> Progress:
    """A metric's grade and score. `points` are its plain yearly observations in the trend window."""
    T = metric.threshold
    if metric.kind in ("cumulative", "average-growth"):
        if T is None:
            return NO_PROGRESS
        if achieved:
            return Progress(ACHIEVED, 5.0)
        return graded(pace_ratio(metric.direction, required, observed), thresholds(metric, plan, True), True)
    if not points:
        return NO_PROGRESS
    t_last, x_last = points[-1]
    if T is not None and meets(x_last, T, metric.direction):
        return Progress(ACHIEVED, 5.0)
    t0, x0 = points[0]
    x0 = ZERO if x0 == 0 else x0
    if t_last - t0 < 1 or (x_last != 0 and (x0 < 0) != (x_last < 0)):
        return NO_PROGRESS
    sign = -1 if x0 < 0 else 1
    direction = 1 if metric.direction == "up" else -1
    observed_growth = growth(x_last, x0, t_last - t0)
    if observed_growth is None:
        return NO_PROGRESS
    if T is None:  # a trend, or a target not known: only the speed of change in the right direction
        return graded(sign * direction * observed_growth, thresholds(metric, plan, False), False)
    needed = growth(ZERO if T == 0 else T, x0, end - t0)
    if needed is None or needed == 0:
        return NO_PROGRESS
    return graded(sign * direction * observed_growth / abs(needed), thresholds(metric, plan, True), True)


def pace_ratio(direction: str, required: float | None, observed: float | None) -> float | None:
    """Observed pace over required pace. Where METHOD is silent: when nothing more is required
    (required <= 0 for a floor), the pace is more than enough; a ceiling (`down`, an average-growth
    target such as population growth) reads the ratio the other way round."""
    if required is None or observed is None:
        return None
    if direction == "up":
        if required <= 0:
            return math.inf if observed >= required else -math.inf
        return observed / required
    # A ceiling: the lower the observed average, the better; both signs have a meaning.
    if observed <= required:
        if observed > 0:
            return required / observed
        return observed / required if required < 0 else math.inf
    if required > 0:
        return required / observed
    return observed / required if observed < 0 else -math.inf


def indicator_progress(grades: list[Progress]) -> Progress:
    """The mean of its metrics' scores; target achieved only when every scored metric is."""
    scored = [g for g in grades if g.score is not None]
    if not scored:
        return NO_PROGRESS
    mean = sum(g.score for g in scored if g.score is not None) / len(scored)
    if all(g.grade == ACHIEVED for g in scored):
        return Progress(ACHIEVED, mean)
    if mean >= 2.5:
        return Progress(SUBSTANTIAL, mean)
    if mean >= 0:
        return Progress(MODERATE, mean)
    if mean >= -2.5:
        return Progress(LIMITED, mean)
    return Progress(DETERIORATION, mean)


__all__ = ["NOT_AVAILABLE", "indicator_progress", "metric_progress"]
