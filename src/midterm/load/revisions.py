"""The rules of an observation's `published` date and its `revisions` (FORMAT.md: figures get
revised). The loader calls `revision_rules` for every observation that has either.

Each problem names its file and the TOML path of the key at fault, with its line.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from midterm.files import path_text
from midterm.models import Metric, Observation
from midterm.problems import Problem


def revision_rules(
    obs: Observation,
    metric: Metric | None,
    year: int,
    file: str,
    parts: tuple[str | int, ...],
    line: Callable[[tuple[str | int, ...]], int | None],
) -> Iterator[Problem]:
    """A figure is not public before the day it speaks of; its revisions are older than it, in
    date order, sourced, and values the metric can take."""

    def at(*keys: str | int) -> dict[str, Any]:
        return {"path": path_text(parts + keys, year_file=True), "line": line(parts + keys)}

    earliest = obs.as_of or dt.date(year, 1, 1)  # a figure of a year is not known before the year starts
    if obs.published is not None and obs.published < earliest:
        args = {"date": obs.published.isoformat(), "earliest": earliest.isoformat()}
        yield Problem(file, "published_too_early", args, **at("published"))
    in_force = obs.known_from(year)
    lo, hi = metric.bounds if metric is not None else (None, None)
    before: dt.date | None = None
    for i, rev in enumerate(obs.revisions):
        if not rev.source.strip():
            yield Problem(file, "empty_source", **at("revisions", i, "source"))
        if rev.published < earliest:
            args = {"date": rev.published.isoformat(), "earliest": earliest.isoformat()}
            yield Problem(file, "published_too_early", args, **at("revisions", i, "published"))
        if before is not None and rev.published <= before:
            args = {"date": rev.published.isoformat(), "before": before.isoformat()}
            yield Problem(file, "revision_order", args, **at("revisions", i, "published"))
        elif rev.published >= in_force:
            args = {"date": rev.published.isoformat(), "in_force": in_force.isoformat()}
            yield Problem(file, "revision_after_figure", args, **at("revisions", i, "published"))
        before = rev.published
        if metric is not None and ((lo is not None and rev.value < lo) or (hi is not None and rev.value > hi)):
            found = {"value": rev.value, "id": metric.id, "lo": _end(lo), "hi": _end(hi)}
            yield Problem(file, "out_of_bounds", found, **at("revisions", i, "value"))


def _end(bound: float | None) -> str | float:
    return "" if bound is None else bound
