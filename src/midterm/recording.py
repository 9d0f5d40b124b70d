"""One figure as a person gives it, read and checked the same way by `midterm record` (options
typed on the command line) and `midterm import` (cells of a filled form), before the store is
asked to write it.

Each check raises `options.BadValue` with a message key (exit code 2 for record; import words
it at its cell). The checks that need the whole plan (the values a metric can take, `as_of`
inside its year, a running total that falls) are the loader's, run by `store` before writing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from . import options
from .options import BadValue, Near

if TYPE_CHECKING:
    from .models import Dataset


class Change(NamedTuple):
    """One observation to add, replace or revise, as the store takes it."""

    metric: str  # the metric's id, as in targets.toml
    year: int  # the year file: actuals/YEAR.toml
    given: dict[str, object]  # the observation's keys the user gave
    cleared: set[str]  # keys to remove from the observation replaced (--note '')
    old_published: dt.date | None = None  # --revision: the day the old figure was made public


def change(
    dataset: Dataset,
    metric: str,
    year: str,
    value: str,
    source: str | None,
    basis: str | None = None,
    as_of: str | None = None,
    to_date: bool = False,
    since: str | None = None,
    note: str | None = None,
    replace: bool = False,
    revision: bool = False,
    published: str | None = None,
    old_published: str | None = None,
) -> Change:
    """The change record's options ask for; BadValue when it cannot be made."""
    metric_id = _metric(dataset, metric)
    number = options.number(value)
    when = options.year(year, "--year")
    asked = given(number, source, basis=basis, as_of=as_of, note=note, to_date=to_date, since=since)
    if published is not None:
        asked["published"] = options.day(published, "--published")
    earlier = options.day(old_published, "--old-published") if old_published is not None else None
    year_in_plan(dataset, when)
    if revision and replace:
        raise BadValue("record_revision_and_replace")
    if revision and published is None:  # the new figure's day is what the user just read: never guessed
        raise BadValue("record_revision_needs_date")
    if old_published is not None and not revision:
        raise BadValue("record_old_published_alone")
    return Change(metric_id, when, asked, {"note"} if note == "" else set(), earlier)


def _metric(dataset: Dataset, metric: str) -> str:
    """The id of the metric named (any case); an indicator, or an unknown id, is refused."""
    from .scoring import find

    found = find(dataset, metric)
    if found is None:
        raise BadValue("unknown_metric_arg", id=metric, hint=Near(metric, [m.id for _, m in dataset.metrics()]))
    _, metrics = found
    named = [m.id for m in metrics if m.id == metric.strip().lower()]
    if not named:  # an indicator, by id or number: say which metrics it holds
        raise BadValue("record_indicator", id=metric, metrics=", ".join(m.id for m in metrics))
    return named[0]


def year_in_plan(dataset: Dataset, year: int) -> int:
    """A year the plan can hold a file for: the baseline year to its last year file."""
    first, last = dataset.plan.baseline_year, dataset.plan.last_year_file
    if not first <= year <= last:
        raise BadValue("bad_record_year", year=year, lo=first, hi=last)
    return year


def date(value: str | dt.date) -> dt.date:
    """`as_of`: a date, or its text as YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadValue("record_bad_date", value=value) from None


def source_text(text: str) -> str:
    """Where the number was read: required, never blank."""
    if not text.strip():
        raise BadValue("empty_source_arg")
    return text


def given(
    value: int | float,
    source: str | None,
    *,
    basis: str | None = None,
    as_of: str | dt.date | None = None,
    note: str | None = None,
    to_date: bool = False,
    since: str | None = None,
) -> dict[str, Any]:
    """The observation's keys as the person gave them, each read and checked; the first wrong one
    raises BadValue. A basis left out is not given (a new figure is official, a replaced one keeps
    its own); so is an empty note, and a source left out (a replaced figure keeps its own; the
    store refuses a new figure without one)."""
    entry: dict[str, Any] = {"value": value}
    if basis is not None:
        entry["basis"] = options.basis(basis)
    if source is not None:
        entry["source"] = source_text(source)
    if note:
        entry["note"] = note
    if to_date:
        entry["to_date"] = True
    if as_of is not None:
        entry["as_of"] = date(as_of)
    if since is not None:
        entry["since"] = options.year(since, "--since")
    return entry
