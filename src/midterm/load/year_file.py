"""One year file, actuals/YEAR.toml: its name and year, its observations and their rules."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import TypeAdapter, ValidationError

from midterm.files import YEAR_FILE, Failure, Parsed, display, path_text
from midterm.models import Metric, Observation, Plan, Targets
from midterm.problems import Problem

from .plan import bounds_args, outside
from .revisions import revision_rules
from .shapes import pydantic_problems, read_toml, toml_type
from .spelling import suggest

Found = list[tuple[str, Observation, tuple[str | int, ...]]]  # metric id, observation, TOML path


class Index(NamedTuple):
    """The plan's metrics by id, built once for all its year files."""

    metrics: dict[str, Metric]
    bounds: dict[str, tuple[float | None, float | None]]

    @classmethod
    def of(cls, targets: Targets) -> Index:
        metrics = {m.id: m for ind in targets.indicators for m in ind.metrics}
        return cls(metrics, {k: m.bounds for k, m in metrics.items()})


def check_year_file(
    path: Path,
    targets: Targets | None,
    problems: list[Problem],
    text: str | None = None,
    index: Index | None = None,
    outcome: Parsed | Failure | None = None,
    shown: str | None = None,
) -> tuple[int, Found, Parsed] | None:
    """One year file: its problems, and its observations when it has no error; `shown`, the
    file as `display` shows it, when the caller has it."""
    shown = display(path) if shown is None else shown
    if not YEAR_FILE.match(path.stem):
        problems.append(Problem(shown, "year_name"))
        return None
    name_year = int(path.stem)
    parsed = read_toml(path, shown, problems, text, outcome)
    if parsed is None:
        return None
    before = len(problems)
    doc = parsed.doc
    loc = parsed.locator.line

    year = doc.get("year")
    if "year" not in doc:
        problems.append(Problem(shown, "year_missing", {"year": name_year}, line=1))
    elif isinstance(year, bool) or not isinstance(year, int):
        problems.append(
            Problem(
                shown, "wrong_type", {"expected": "t_int", "found": toml_type(year)}, path="year", line=loc(("year",))
            )
        )
    elif year != name_year:
        problems.append(
            Problem(shown, "year_mismatch", {"year": year, "name": path.name}, path="year", line=loc(("year",)))
        )

    plan = targets.plan if targets else None
    if plan is not None:
        if name_year < plan.baseline_year:
            args = {"year": name_year, "baseline": plan.baseline_year}
            problems.append(Problem(shown, "year_before_baseline", args, path="year", line=loc(("year",))))
        elif name_year > plan.last_year_file:
            args = {"year": name_year, "end": plan.end_year}
            problems.append(Problem(shown, "year_too_late", args, path="year", line=loc(("year",))))
        elif name_year > plan.end_year:
            args = {"year": name_year, "end": plan.end_year}
            problem = Problem(shown, "year_after_end", args, severity="warning", path="year", line=loc(("year",)))
            problems.append(problem)

    if targets is not None and index is None:
        index = Index.of(targets)
    metrics = index.metrics if index is not None else None
    found: Found = []
    pending: list[tuple[str, Metric | None, tuple[str | int, ...], Any]] = []
    for metric_id, entry in doc.items():
        if metric_id == "year":
            continue
        metric = metrics.get(metric_id) if metrics is not None else None
        if metrics is not None and metric is None:
            problems.append(
                Problem(
                    shown,
                    "unknown_metric",
                    {"id": metric_id, "hint": suggest(metric_id, metrics)},
                    path=f"[{metric_id}]",
                    line=loc((metric_id,)),
                )
            )
            continue
        if isinstance(entry, dict):
            entries: list[tuple[tuple[str | int, ...], Any]] = [((metric_id,), entry)]
        elif isinstance(entry, list) and entry and all(isinstance(e, dict) for e in entry):
            entries = [((metric_id, k), e) for k, e in enumerate(entry)]
        else:
            problems.append(
                Problem(
                    shown,
                    "not_table",
                    {"id": metric_id, "found": toml_type(entry)},
                    path=f"[{metric_id}]",
                    line=loc((metric_id,)),
                )
            )
            continue
        for parts, raw in entries:
            pending.append((metric_id, metric, parts, raw))
    spans: set[tuple[str, str]] = set()
    validated = _validate_all(pending, problems, shown, parsed)
    bounds = index.bounds if index is not None else {}
    for (metric_id, metric, parts, _), obs in zip(pending, validated, strict=True):
        if obs is None:
            continue
        span = obs.span
        if (metric_id, span) in spans:
            dup = {"span": span, "id": metric_id}
            problems.append(Problem(shown, "dup_span", dup, path=path_text(parts, year_file=True), line=loc(parts)))
        spans.add((metric_id, span))
        # Most observations break no rule: look closer only at those that might.
        if (
            span != "year"
            or obs.as_of is not None
            or not obs.source.strip()
            or obs.acknowledge
            or outside(obs.value, bounds.get(metric_id, (None, None)))
        ):
            problems.extend(_observation_rules(obs, metric, plan, name_year, shown, parts, loc))
        if obs.revisions or obs.published is not None:
            problems.extend(revision_rules(obs, metric, name_year, shown, parts, loc))
        found.append((metric_id, obs, parts))
    if any(p.severity == "error" for p in problems[before:]):
        return None
    return name_year, found, parsed


_OBSERVATIONS: TypeAdapter[list[Observation]] = TypeAdapter(list[Observation])


def _validate_all(
    pending: list[tuple[str, Metric | None, tuple[str | int, ...], Any]],
    problems: list[Problem],
    shown: str,
    parsed: Parsed,
) -> list[Observation | None]:
    """Every observation of a file in one call, the common case; one by one only to report errors."""
    try:
        return list(_OBSERVATIONS.validate_python([raw for *_, raw in pending]))
    except ValidationError:
        pass
    out: list[Observation | None] = []
    for _, _, parts, raw in pending:
        try:
            out.append(Observation.model_validate(raw))
        except ValidationError as e:
            problems.extend(pydantic_problems(e, Observation, shown, parsed, parts))
            out.append(None)
    return out


def _observation_rules(
    obs: Observation,
    m: Metric | None,
    plan: Plan | None,
    year: int,
    file: str,
    parts: tuple[str | int, ...],
    loc: Any,
) -> Iterator[Problem]:
    def at(key: str) -> dict[str, Any]:
        return {"path": f"{path_text(parts, year_file=True)}.{key}", "line": loc(parts + (key,))}

    if not obs.source.strip():
        yield Problem(file, "empty_source", **at("source"))
    if obs.as_of is not None and obs.as_of.year != year:
        yield Problem(file, "as_of_year", {"date": obs.as_of.isoformat(), "year": year}, **at("as_of"))
    if obs.to_date and obs.since is not None:
        yield Problem(file, "to_date_and_since", **at("since"))
    if obs.acknowledge and not (obs.note or "").strip():
        yield Problem(file, "acknowledge_no_note", **at("acknowledge"))
    if m is None or plan is None:
        return
    start = plan.baseline_year + 1
    if obs.to_date and m.kind != "cumulative":
        yield Problem(file, "to_date_kind", {"kind": m.kind}, **at("to_date"))
    elif obs.to_date and year < start:
        yield Problem(file, "to_date_before_term", {"start": start, "year": year}, **at("to_date"))
    if obs.since is not None:
        if m.kind != "average-growth":
            yield Problem(file, "since_kind", {"kind": m.kind}, **at("since"))
        elif not start <= obs.since <= min(year, plan.end_year):
            yield Problem(
                file,
                "since_range",
                {"since": obs.since, "start": start, "year": min(year, plan.end_year)},
                **at("since"),
            )
    if outside(obs.value, m.bounds):
        yield Problem(file, "out_of_bounds", {"value": obs.value, "id": m.id, **bounds_args(m.bounds)}, **at("value"))
