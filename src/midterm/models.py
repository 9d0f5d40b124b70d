"""The data contract as pydantic models: shapes, types and words (FORMAT.md).

Rules that relate one field to another, or one file to another, live in the `load` package, where
each error can name its file and place.
"""

import datetime as dt
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, StringConstraints

Kind = Literal["level", "cumulative", "annual", "average-growth", "trend"]
Direction = Literal["up", "down"]
Basis = Literal["official", "preliminary", "estimate"]
Verdict = Literal["on-track", "hard"]
Aggregation = Literal["geometric", "arithmetic"]
Language = Literal["vi", "en"]
# The checks an observation may acknowledge: a known conflict between sources, recorded in `note`.
Check = Literal["aggregate-vs-rates", "total-vs-flows", "jump"]
Span = Literal["year", "to_date", "since"]
SPANS: tuple[Span, ...] = ("year", "to_date", "since")  # the order a year's observations are listed in

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
# Every model is strict (`_Model`): TOML already types its values, so "2023" or true is never a
# number. (One setting, not one per field: each annotated field costs pydantic time at every start.)
Str = str
Slug = Annotated[str, StringConstraints(pattern=SLUG)]
Text = Annotated[str, StringConstraints(min_length=1)]
Int = int
Bool = bool
Number = Annotated[float, Field(allow_inf_nan=False)]  # an int is a number too
Year = Annotated[int, Field(ge=1000, le=9999)]
Date = dt.date


def _target(value: object) -> float | tuple[float, float]:
    """A number or [lo, hi]: one clear message instead of one per member of a union."""
    if isinstance(value, list | tuple) and len(value) == 2:
        lo, hi = (_finite(v) for v in value)
        return (lo, hi)
    return _finite(value)


def _finite(value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        if value == value and abs(value) != float("inf"):
            return float(value)
    raise ValueError("target")


Target = Annotated[float | tuple[float, float], PlainValidator(_target)]


def _none() -> list[Any]:
    """An empty list, as a Python function: pydantic reads a default factory's signature, and
    reading a builtin's (`list`) compiles the tokenizer's pattern, 2 ms of every start."""
    return []


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, strict=True)


class Thresholds(_Model):
    """Where progress grades change (METHOD: Progress); any key left out keeps the default."""

    high: Number | None = None
    med: Number | None = None
    low: Number | None = None


class Metric(_Model):
    id: Slug
    name: Text
    name_en: Str | None = None
    unit: Str
    unit_en: Str | None = None
    kind: Kind
    direction: Direction
    target: Target | None = None
    target_text: Str | None = None
    aggregation: Aggregation | None = None
    note: Str | None = None
    valid_min: Number | None = None
    valid_max: Number | None = None
    progress_thresholds: Thresholds | None = None
    owner: Text | None = None  # who reports it: `collect` gives each owner a sheet of the form

    @property
    def threshold(self) -> float | None:
        """T: the end of the target that counts (METHOD.md, "Words")."""
        if self.target is None:
            return None
        if isinstance(self.target, tuple):
            return self.target[0] if self.direction == "up" else self.target[1]
        return self.target

    @property
    def bounds(self) -> tuple[float | None, float | None]:
        """The values the metric can take at all, with FORMAT.md's defaults."""
        lo, hi = self.valid_min, self.valid_max
        if self.kind in ("level", "annual", "trend") and self.unit.strip() == "%":
            lo = 0.0 if lo is None else lo
            hi = 100.0 if hi is None else hi
        elif self.kind == "cumulative" and lo is None:
            lo = 0.0
        return lo, hi


class Indicator(_Model):
    id: Slug
    no: Int
    name: Text
    name_en: Str | None = None
    official: Verdict | None = None
    official_source: Str | None = None
    note: Str | None = None
    metrics: list[Metric] = []


class Plan(_Model):
    id: Slug
    name: Text
    name_en: Str | None = None
    language: Language = "vi"
    baseline_year: Year
    end_year: Year
    source: Str | None = None
    note: Str | None = None
    review_year: Year | None = None
    progress_thresholds: Thresholds | None = None

    @property
    def term(self) -> range:
        """S..E, the years a target speaks of."""
        return range(self.baseline_year + 1, self.end_year + 1)

    @property
    def last_year_file(self) -> int:
        """The latest year a year file may hold: five years after the end, for the figures of a
        term that are published, or revised, after it ends."""
        return self.end_year + 5


class Signer(_Model):
    """The signature block: on whose behalf, the signer's title and name (any may be left out)."""

    on_behalf: Str | None = None
    title: Str | None = None
    name: Str | None = None


class ReportForm(_Model):
    """The formal parts of the review document (FORMAT.md `[report]`): a Party document (Hướng dẫn
    36-HD/VPTW) or a state one (Nghị định 30/2020/NĐ-CP). A key left out is a line to fill by hand."""

    style: Literal["party", "state"] = "party"
    issuer: list[Text] = []
    number: Str | None = None
    place: Str | None = None
    date: Date | None = None
    title: Str | None = None
    subject: Str | None = None
    recipients: list[Text] = []
    signer: Signer | None = None


class Targets(_Model):
    plan: Plan
    indicators: list[Indicator] = []
    report: ReportForm | None = None


class Revision(_Model):
    """An earlier figure for the same thing as the observation it sits in, replaced since."""

    value: Number
    published: Date
    basis: Basis = "official"
    source: Str
    note: Str | None = None


class Observation(_Model):
    value: Number
    basis: Basis = "official"
    source: Str
    note: Str | None = None
    to_date: Bool = False
    as_of: Date | None = None
    since: Int | None = None
    # default_factory: a `= []` default is deep-copied (copy.deepcopy) for every observation
    # read, a fifth of the time of loading a national dataset; a new list is not
    acknowledge: list[Check] = Field(default_factory=_none)
    published: Date | None = None  # when this figure was first made public
    revisions: list[Revision] = Field(default_factory=_none)  # earlier figures, oldest first

    @property
    def span(self) -> Span:
        return span_of(self.to_date, self.since)

    def known_from(self, year: int) -> dt.date:
        """The day the figure in force counts from: its `published`, else its `as_of`, else the
        end of its year (FORMAT.md)."""
        return self.published or self.as_of or dt.date(year, 12, 31)


def span_of(to_date: bool, since: int | None) -> Span:
    """What a value covers: the year itself, a running total, or a period aggregate."""
    if to_date:
        return "to_date"
    if since is not None:
        return "since"
    return "year"


class Observed(NamedTuple):
    """An observation placed in its year (the name of the file it came from)."""

    year: int
    obs: Observation


class Dataset(NamedTuple):
    """A whole plan: its targets and every observation, by metric id, in year order."""

    targets: Targets
    years: tuple[int, ...]  # the year files present, ascending
    observations: dict[str, tuple[Observed, ...]]

    @property
    def plan(self) -> Plan:
        return self.targets.plan

    def metrics(self) -> list[tuple[Indicator, Metric]]:
        return [(ind, m) for ind in self.targets.indicators for m in ind.metrics]
