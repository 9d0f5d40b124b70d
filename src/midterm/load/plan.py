"""targets.toml: the plan, its indicators and metrics, and the rules that relate their fields."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from midterm.files import Parsed, display, path_text
from midterm.models import Metric, Targets
from midterm.problems import Problem, Severity
from midterm.scoring.progress import thresholds

from .shapes import pydantic_problems, read_toml


def check_targets(path: Path, problems: list[Problem]) -> tuple[Targets | None, Parsed | None]:
    """targets.toml: the plan when it has no error, and the parsed file for locating lines."""
    shown = display(path)
    parsed = read_toml(path, shown, problems)
    if parsed is None:
        return None, None
    try:
        targets = Targets.model_validate(parsed.doc)
    except ValidationError as e:
        problems.extend(pydantic_problems(e, Targets, shown, parsed))
        return None, parsed
    before = len(problems)
    problems.extend(_plan_rules(targets, shown, parsed))
    has_error = any(p.severity == "error" for p in problems[before:])
    return (None if has_error else targets), parsed


def _plan_rules(targets: Targets, file: str, parsed: Parsed) -> Iterator[Problem]:
    def at(*parts: str | int, severity: Severity = "error") -> dict[str, Any]:
        return {"path": path_text(parts), "line": parsed.locator.line(parts), "severity": severity}

    plan = targets.plan
    if plan.baseline_year >= plan.end_year:
        yield Problem(
            file, "baseline_after_end", {"baseline": plan.baseline_year, "end": plan.end_year}, **at("plan", "end_year")
        )
    if plan.review_year is not None and not plan.baseline_year < plan.review_year <= plan.end_year:
        args = {"year": plan.review_year, "baseline": plan.baseline_year, "end": plan.end_year}
        yield Problem(file, "review_year_range", args, **at("plan", "review_year"))
    if plan.progress_thresholds is not None:
        limits = thresholds(None, plan.progress_thresholds, True)
        yield from _threshold_rules(file, limits, at("plan", "progress_thresholds"))
    seen_ind: dict[str, str] = {}
    seen_no: dict[int, str] = {}
    seen_metric: dict[str, str] = {}
    for i, ind in enumerate(targets.indicators):
        here = path_text(("indicators", i))
        if ind.id in seen_ind:
            yield Problem(file, "dup_id", {"id": ind.id, "first": seen_ind[ind.id]}, **at("indicators", i, "id"))
        seen_ind.setdefault(ind.id, here)
        if ind.no in seen_no:
            yield Problem(
                file,
                "dup_no",
                {"no": ind.no, "first": seen_no[ind.no]},
                **at("indicators", i, "no", severity="warning"),
            )
        seen_no.setdefault(ind.no, here)
        if ind.official is not None and not (ind.official_source or "").strip():
            yield Problem(file, "official_no_source", **at("indicators", i, "official"))
        if not ind.metrics:
            yield Problem(file, "no_metrics", **at("indicators", i, severity="warning"))
        for j, m in enumerate(ind.metrics):
            here = path_text(("indicators", i, "metrics", j))
            yield from _metric_rules(
                m, seen_metric, here, file, lambda *p, i=i, j=j: at("indicators", i, "metrics", j, *p)
            )
            if m.progress_thresholds is not None:
                numeric = m.target is not None and m.kind != "trend"
                limits = thresholds(m, plan.progress_thresholds, numeric)
                yield from _threshold_rules(file, limits, at("indicators", i, "metrics", j, "progress_thresholds"))


def _threshold_rules(file: str, limits: tuple[float, float, float], where: dict[str, Any]) -> Iterator[Problem]:
    """The grades need high >= med >= low, once the keys given are merged with the defaults."""
    high, med, low = limits
    if not high >= med >= low:
        yield Problem(file, "thresholds_order", {"high": high, "med": med, "low": low}, **where)


def _metric_rules(m: Metric, seen: dict[str, str], here: str, file: str, at: Any) -> Iterator[Problem]:
    if m.id == "year":
        yield Problem(file, "reserved_id", **at("id"))
    if m.id in seen:
        yield Problem(file, "dup_id", {"id": m.id, "first": seen[m.id]}, **at("id"))
    seen.setdefault(m.id, here)
    if isinstance(m.target, tuple) and m.target[0] > m.target[1]:
        yield Problem(file, "range_reversed", {"lo": m.target[0], "hi": m.target[1]}, **at("target"))
    if m.kind == "trend" and m.target is not None:
        yield Problem(file, "trend_target", **at("target"))
    if m.kind == "cumulative" and m.direction == "down":
        # a ceiling on a sum over the term has no projection rule (docs/format.md): refuse it
        yield Problem(file, "cumulative_ceiling", **at("direction"))
    if m.aggregation is not None and m.kind != "average-growth":
        yield Problem(file, "aggregation_kind", {"kind": m.kind}, **at("aggregation"))
    if m.valid_min is not None and m.valid_max is not None and m.valid_min > m.valid_max:
        yield Problem(file, "valid_reversed", {"lo": m.valid_min, "hi": m.valid_max}, **at("valid_min"))
    elif m.target is not None and m.kind in ("level", "annual", "cumulative"):
        ends = m.target if isinstance(m.target, tuple) else (m.target,)
        for end in ends:
            if outside(end, m.bounds):
                yield Problem(file, "target_out_of_range", {"value": end, **bounds_args(m.bounds)}, **at("target"))
                break


def outside(value: float, bounds: tuple[float | None, float | None]) -> bool:
    """Whether a value lies outside a metric's possible values (`Metric.bounds`)."""
    lo, hi = bounds
    return (lo is not None and value < lo) or (hi is not None and value > hi)


def bounds_args(bounds: tuple[float | None, float | None]) -> dict[str, str | float]:
    """A metric's possible values as a problem's arguments: an open end is ''."""
    lo, hi = bounds
    return {"lo": "" if lo is None else lo, "hi": "" if hi is None else hi}
