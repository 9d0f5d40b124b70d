"""What only the year files together show: running totals that fall or fall short of the yearly
flows, period averages against the yearly rates, values that jump from one year to the next."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cached_property
from typing import Any, NamedTuple

from midterm.files import Locator, path_text
from midterm.models import Metric, Observed, Targets
from midterm.problems import Problem, Severity
from midterm.scoring import average


class Place:
    """A year file as cross-year problems need it: its name, and its text to find lines in."""

    def __init__(self, file: str, text: str) -> None:
        self.file, self.text = file, text

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.text)


class Entry(NamedTuple):
    """An observation with the file and TOML path it came from, for cross-year problems."""

    observed: Observed
    parts: tuple[str | int, ...]
    place: Place

    def problem(self, key: str, args: dict[str, Any], severity: Severity = "error", check: str = "") -> Problem:
        parts = self.parts + ("value",)
        if check and check in self.observed.obs.acknowledge:
            # A known conflict between sources, recorded with its reason: a fact, not a failure.
            severity = "notice"
            args = {**args, "check": check}
        return Problem(
            self.place.file,
            key,
            args,
            severity=severity,
            path=path_text(parts, year_file=True),
            line=self.place.locator.line(parts),
        )


def cross_year_rules(targets: Targets, by_metric: dict[str, list[Entry]], warnings: bool) -> Iterator[Problem]:
    start = targets.plan.baseline_year + 1
    for ind in targets.indicators:
        for m in ind.metrics:
            entries = by_metric.get(m.id, [])
            if m.kind == "cumulative":
                yield from _running_total_rules(m, entries, start, warnings)
            if m.kind == "average-growth" and warnings:
                yield from _aggregate_rules(m, entries)
            if m.kind != "average-growth" and warnings:  # growth rates jump from year to year by nature
                yield from _jump_rules(entries)


JUMP = 3.0  # a year's value more than 3 times, or less than a third of, the year before's: a misplaced decimal?


def _jump_rules(entries: list[Entry]) -> Iterator[Problem]:
    yearly = {e.observed.year: e for e in entries if e.observed.obs.span == "year"}
    for year, e in sorted(yearly.items()):
        before = yearly.get(year - 1)
        if before is None:
            continue
        old, new = before.observed.obs.value, e.observed.obs.value
        if old == 0 or new == 0 or (old < 0) != (new < 0):
            continue
        ratio = new / old
        if ratio > JUMP or ratio < 1 / JUMP:
            times = round(ratio if ratio > 1 else 1 / ratio, 2)
            args = {"value": new, "prev": old, "prev_year": year - 1, "ratio": times}
            yield e.problem("jump" if ratio > 1 else "jump_down", args, "warning", "jump")


def _running_total_rules(m: Metric, entries: list[Entry], start: int, warnings: bool) -> Iterator[Problem]:
    flows = {e.observed.year: e.observed.obs.value for e in entries if e.observed.obs.span == "year"}
    totals = sorted(
        ((e.observed.obs.as_of or dt.date(e.observed.year, 12, 31), e) for e in entries if e.observed.obs.to_date),
        key=lambda pair: pair[0],
    )
    for (_, before), (_, after) in zip(totals, totals[1:], strict=False):
        old, new = before.observed, after.observed
        if new.obs.value < old.obs.value:
            yield after.problem("total_falls", {"value": new.obs.value, "prev": old.obs.value, "prev_year": old.year})
    lo, _ = m.bounds
    for when, e in totals if lo is not None and lo >= 0 else ():
        # flows cannot be negative, so a total holds at least the flows of the years it covers whole
        whole = [y for y in range(start, when.year + (when == dt.date(when.year, 12, 31))) if y in flows]
        flowed = sum(flows[y] for y in whole)
        value = e.observed.obs.value
        if whole and value < flowed - 1e-9 * max(1.0, abs(flowed)):
            args = {"total": value, "date": when.isoformat(), "sum": flowed, "years": ", ".join(map(str, whole))}
            yield e.problem("total_below_flows", args)
    for when, e in totals if warnings else ():
        year = e.observed.year
        covered = range(start, year + 1)
        if when != dt.date(year, 12, 31) or not all(y in flows for y in covered):
            continue
        total = sum(flows[y] for y in covered)
        value = e.observed.obs.value
        if total and abs(value - total) > 0.005 * abs(total):
            gap = round(abs(value - total) / abs(total) * 100, 2)
            args = {"total": value, "pct": gap, "start": start, "year": year, "sum": total}
            yield e.problem("total_vs_flows", args, "warning", "total-vs-flows")


def _aggregate_rules(m: Metric, entries: list[Entry]) -> Iterator[Problem]:
    rates = {e.observed.year: e.observed.obs.value for e in entries if e.observed.obs.span == "year"}
    for e in entries:
        since, year = e.observed.obs.since, e.observed.year
        if since is None or not all(y in rates for y in range(since, year + 1)):
            continue
        avg = average([rates[y] for y in range(since, year + 1)], m.aggregation or "geometric")
        value = e.observed.obs.value
        if avg is not None and abs(avg - value) > 0.05 + 1e-9:
            args = {
                "value": value,
                "since": since,
                "year": year,
                "avg": round(avg, 3),
                "diff": round(abs(avg - value), 3),
            }
            yield e.problem("aggregate_vs_rates", args, "warning", "aggregate-vs-rates")
