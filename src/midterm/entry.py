"""One figure as a person gives it, read and checked the same way by `record` (options typed on
the command line) and `import` (cells of a filled form).

Each check raises `options.BadValue` with a message key; the caller words it for its place (an
option, a cell). The checks that need the whole plan (the values a metric can take, `as_of`
inside its year, a running total that falls) are the loader's, run by `store` before writing.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from . import options

if TYPE_CHECKING:
    from .models import Dataset


def year_in_plan(dataset: Dataset, year: int) -> int:
    """A year the plan can hold a file for: the baseline year to five years after the end."""
    first, last = dataset.plan.baseline_year, dataset.plan.end_year + 5
    if not first <= year <= last:
        raise options.BadValue("bad_record_year", year=year, lo=first, hi=last)
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
        raise options.BadValue("record_bad_date", value=value) from None


def source_text(text: str) -> str:
    """Where the number was read: required, never blank."""
    if not text.strip():
        raise options.BadValue("empty_source_arg")
    return text


def given(
    value: int | float,
    source: str,
    *,
    basis: str | None = None,
    as_of: str | dt.date | None = None,
    note: str | None = None,
    to_date: bool = False,
    since: str | None = None,
) -> dict[str, Any]:
    """The observation's keys as the person gave them, each read and checked; the first wrong one
    raises BadValue. A basis left out is not given (a new figure is official, a replaced one keeps
    its own); so is an empty note."""
    entry: dict[str, Any] = {"value": value}
    if basis is not None:
        entry["basis"] = options.basis(basis)
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
