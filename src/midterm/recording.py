"""The observation `midterm record` is asked to write, read from the command line and checked
against the plan before the store is asked to write it.

Every value that cannot be read, and every metric, year or source the plan cannot take, is a
refusal (`options.BadValue`, exit code 2) raised before anything is written.
"""

import datetime as dt
from typing import NamedTuple

from . import options
from .models import Dataset
from .options import BadValue, Near
from .scoring import find


class Change(NamedTuple):
    """One observation to add or replace, as the store takes it."""

    metric: str  # the metric's id, as in targets.toml
    year: int  # the year file: actuals/YEAR.toml
    given: dict[str, object]  # the observation's keys the user gave
    cleared: set[str]  # keys to remove from the observation replaced (--note '')


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
) -> Change:
    """The change the options ask for; BadValue when it cannot be made."""
    metric_id = _metric(dataset, metric)
    given: dict[str, object] = {"value": options.number(value)}
    when = options.year(year, "--year")
    if basis is not None:
        given["basis"] = options.basis(basis)
    if source is not None:  # a replaced figure keeps its own (store.merge)
        given["source"] = source
    if note:
        given["note"] = note
    if to_date:
        given["to_date"] = True
    if as_of is not None:
        try:
            given["as_of"] = dt.date.fromisoformat(as_of.strip())
        except ValueError:
            raise BadValue("record_bad_date", value=as_of) from None
    if since is not None:
        given["since"] = options.year(since, "--since")
    if source is not None and not source.strip():
        raise BadValue("empty_source_arg")
    first, last = dataset.plan.baseline_year, dataset.plan.last_year_file
    if not first <= when <= last:  # a year file the plan could not hold
        raise BadValue("bad_record_year", year=when, lo=first, hi=last)
    return Change(metric_id, when, given, {"note"} if note == "" else set())


def _metric(dataset: Dataset, metric: str) -> str:
    """The id of the metric named (any case); an indicator, or an unknown id, is refused."""
    found = find(dataset, metric)
    if found is None:
        raise BadValue("unknown_metric_arg", id=metric, hint=Near(metric, [m.id for _, m in dataset.metrics()]))
    _, metrics = found
    named = [m.id for m in metrics if m.id == metric.strip().lower()]
    if not named:  # an indicator, by id or number: say which metrics it holds
        raise BadValue("record_indicator", id=metric, metrics=", ".join(m.id for m in metrics))
    return named[0]
