"""What the scoring core returns: plain, immutable data that every renderer reads.

Reasons are data too (a message key and its values), put into words by `i18n` at output time.
"""

import datetime as dt
from typing import Any, NamedTuple

from midterm.models import Basis, Indicator, Metric, Observed, Plan

from .arithmetic import Method

ON_TRACK, HARD, INSUFFICIENT, NA = "on-track", "hard", "insufficient-data", "n/a"
IMPROVING, STABLE, WORSENING = "improving", "stable", "worsening"
DECIDED = (ON_TRACK, HARD, IMPROVING, STABLE, WORSENING)  # verdicts that count for `robust`

# Progress grades, as SDG platforms word them (METHOD: Progress), best first.
ACHIEVED, SUBSTANTIAL, MODERATE, LIMITED, DETERIORATION, NOT_AVAILABLE = (
    "target-achieved",
    "substantial",
    "moderate",
    "limited",
    "deterioration",
    "not-available",
)


class Reason(NamedTuple):
    """A sentence as data: a message key of i18n and its values."""

    key: str
    args: dict[str, Any] = {}  # never mutated: shared safely


class Window(NamedTuple):
    """The years in play (METHOD: Words)."""

    baseline: int  # B
    end: int  # E
    as_of: int  # the as-of year: only year files up to it are read
    trend_from: int  # W
    method: Method
    latest: int | None = None  # the largest year file, whatever the as-of year
    chosen_by: str = "asked"  # how the as-of year was set: "asked", "review" (the plan's review_year) or "latest"
    later_years: tuple[int, ...] = ()  # year files after the as-of year: not read, but the view says they exist

    @property
    def start(self) -> int:  # S
        return self.baseline + 1

    @property
    def n(self) -> int:  # N
        return self.end - self.baseline

    @property
    def later(self) -> bool:
        return bool(self.later_years)


class ByMethod(NamedTuple):
    projected: float | None
    verdict: str
    reason: Reason
    bounded: bool = False  # the projection met a bound of the values the metric can take


class Latest(NamedTuple):
    year: int
    value: float
    basis: Basis
    as_of: dt.date | None = None


class Progress(NamedTuple):
    """A graded look back from the base year to the latest value (METHOD: Progress)."""

    grade: str  # one of the progress grades above
    score: float | None  # -5..5; None when not available
    ratio: float | None = None  # p, the measure the grade is read from


NO_PROGRESS = Progress(NOT_AVAILABLE, None)


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
    progress: Progress = NO_PROGRESS

    @property
    def projected(self) -> float | None:
        return self.by_method[self.chosen].projected

    @property
    def reason(self) -> Reason:
        return self.by_method[self.chosen].reason

    @property
    def bounded(self) -> bool:
        return self.by_method[self.chosen].bounded


class IndicatorScore(NamedTuple):
    indicator: Indicator
    verdict: str
    reason: Reason
    metrics: list[MetricScore]
    progress: Progress = NO_PROGRESS
    # Ours against the report's: "agree", "differ", "undecided" (the report has a verdict, we
    # have too little data) or None (the report gives none).
    agreement: str | None = None


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
    gap: float | None = None  # the quantity at the year minus the threshold

    @property
    def projected(self) -> float | None:
        return self.observed if self.observed is not None else self.by_method[self.score.chosen]


class Projection(NamedTuple):
    plan: Plan
    window: Window
    year: int
    metrics: list[tuple[Indicator, MetricAt]]


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


class Pressing(NamedTuple):
    """The indicator a roll-up points at: small, for a roll-up of thousands of plans travels
    between processes."""

    id: str
    no: int
    name: str
    name_en: str | None
    progress: Progress


class PlanRow(NamedTuple):
    """One plan in a roll-up of many: its summary and its most pressing indicator."""

    plan: Plan
    window: Window
    summary: Summary
    indicators: int
    pressing: Pressing | None  # the hard indicator furthest behind; None when none is hard
