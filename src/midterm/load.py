"""Files to models. Every problem names its file and its place in it (FORMAT.md).

The loader never raises for bad input: it returns the problems it found beside whatever it
could build, so every command reports bad data the same way `midterm validate` does.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from .files import YEAR_FILE, Failure, Locator, ParseAhead, Parsed, display, parse_file, path_text
from .models import Dataset, Indicator, Metric, Observation, Observed, Plan, Targets, Thresholds
from .problems import Problem, Report, Severity
from .scoring import average
from .scoring.progress import thresholds


def read_toml(
    path: Path, shown: str, problems: list[Problem], text: str | None = None, outcome: Parsed | Failure | None = None
) -> Parsed | None:
    """The parsed file, or None after adding its one problem; `outcome` when it was parsed already."""
    result = outcome if outcome is not None else parse_file(path, text)
    if isinstance(result, Parsed):
        return result
    key, args, line, column = result
    problems.append(Problem(shown, key, args, line=line, column=column))
    return None


# ---------------------------------------------------------------- shapes (pydantic)

_TYPE_WORDS = {
    "float_type": "t_number",
    "int_type": "t_int",
    "string_type": "t_string",
    "bool_type": "t_bool",
    "date_type": "t_date",
    "model_type": "t_table",
    "dict_type": "t_table",
    "list_type": "t_array",
    "tuple_type": "t_array",
}
_SUBMODELS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "indicators": Indicator,
    "metrics": Metric,
    "progress_thresholds": Thresholds,
}


def toml_type(value: object) -> str:
    """The message key naming a TOML value's type, for 'expected X, found Y'."""
    if isinstance(value, bool):
        return "t_boolean"
    if isinstance(value, int):
        return "t_int"
    if isinstance(value, float):
        return "t_number"
    if isinstance(value, str):
        return "t_string"
    if isinstance(value, dt.datetime):
        return "t_datetime"
    if isinstance(value, dt.date):
        return "t_date"
    if isinstance(value, dt.time):
        return "t_time"
    if isinstance(value, list):
        return "t_array"
    return "t_table"


def suggest(word: object, choices: Iterable[str]) -> str | None:
    """The nearest known word: a close spelling, else the shortest one that contains it."""
    import difflib  # only when a word is wrong

    choices = list(choices)
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    if close:
        return close[0]
    containing = sorted((c for c in choices if len(str(word)) >= 3 and str(word) in c), key=len)
    return containing[0] if containing else None


def nearest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` known words near `word`: close spellings first, then the shortest that contain it."""
    import difflib

    choices = list(dict.fromkeys(choices))
    close = difflib.get_close_matches(word, choices, n=n, cutoff=0.6)
    containing = sorted((c for c in choices if len(word) >= 3 and word in c and c not in close), key=len)
    return (close + containing)[:n]


def _model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model whose key is the last part of `loc`, for suggesting known keys."""
    model = root
    for part in loc[:-1]:
        if isinstance(part, str) and part in _SUBMODELS:
            model = _SUBMODELS[part]
    return model


def _pydantic_problems(
    error: ValidationError,
    root: type[BaseModel],
    file: str,
    parsed: Parsed,
    prefix: tuple[str | int, ...] = (),
) -> Iterator[Problem]:
    errors = error.errors(include_url=False)
    # A misspelt required key is one mistake: say "unknown key 'valeu' (did you mean 'value'?)"
    # and not also "missing required key 'value'".
    misspelt = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            hint = suggest(err["loc"][-1], _model_at(root, err["loc"]).model_fields)
            misspelt.add((tuple(err["loc"][:-1]), hint))
    for err in errors:
        loc = prefix + tuple(err["loc"])
        kind, value = err["type"], err.get("input")
        name = str(err["loc"][-1]) if err["loc"] else ""
        args: dict[str, Any]
        if kind == "missing" and (tuple(err["loc"][:-1]), name) in misspelt:
            continue
        if kind == "extra_forbidden":
            key, args = "unknown_key", {"key": name, "hint": suggest(name, _model_at(root, err["loc"]).model_fields)}
        elif kind == "missing":
            key, args = "missing_key", {"key": name}
        elif kind == "literal_error":
            words = re.findall(r"'([^']*)'", err.get("ctx", {}).get("expected", ""))
            expected = ", ".join(words)
            key, args = "bad_word", {"value": value, "expected": expected, "hint": suggest(value, words)}
        elif kind == "string_pattern_mismatch":
            key, args = "not_slug", {"value": value}
        elif kind == "string_too_short":
            key, args = "empty", {}
        elif kind == "finite_number":
            key, args = "not_finite", {"value": value}
        elif name == "target" and isinstance(value, float) and not math.isfinite(value):
            key, args = "not_finite", {"value": value}
        elif name == "target" and kind in ("value_error", "float_type"):
            key, args = "bad_target", {"found": toml_type(value)}
        elif kind in ("greater_than_equal", "less_than_equal"):
            key, args = "bad_year", {"value": value}
        elif kind in _TYPE_WORDS:
            key, args = "wrong_type", {"expected": _TYPE_WORDS[kind], "found": toml_type(value)}
        else:
            key, args = "invalid", {"detail": err["msg"]}
        yield Problem(
            file,
            key,
            args,
            path=path_text(loc, year_file=root is Observation),
            line=parsed.locator.line(loc),
        )


# ---------------------------------------------------------------- targets.toml


def check_targets(
    path: Path, problems: list[Problem], outcome: Parsed | Failure | None = None
) -> tuple[Targets | None, Parsed | None]:
    """targets.toml: the plan when it has no error, and the parsed file for locating lines."""
    shown = display(path)
    parsed = read_toml(path, shown, problems, outcome=outcome)
    if parsed is None:
        return None, None
    try:
        targets = Targets.model_validate(parsed.doc)
    except ValidationError as e:
        problems.extend(_pydantic_problems(e, Targets, shown, parsed))
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
        lo, hi = m.bounds
        ends = m.target if isinstance(m.target, tuple) else (m.target,)
        for end in ends:
            if (lo is not None and end < lo) or (hi is not None and end > hi):
                yield Problem(
                    file, "target_out_of_range", {"value": end, "lo": _end(lo), "hi": _end(hi)}, **at("target")
                )
                break


def _end(bound: float | None) -> str | float:
    return "" if bound is None else bound


# ---------------------------------------------------------------- actuals/YEAR.toml


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
) -> tuple[int, Found, Parsed] | None:
    """One year file: its problems, and its observations when it has no error."""
    shown = display(path)
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
        elif name_year > plan.end_year + 5:
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
        lo, hi = bounds.get(metric_id, (None, None))
        # Most observations break no rule: look closer only at those that might.
        if (
            span != "year"
            or obs.as_of is not None
            or not obs.source.strip()
            or obs.acknowledge
            or (lo is not None and obs.value < lo)
            or (hi is not None and obs.value > hi)
        ):
            problems.extend(_observation_rules(obs, metric, plan, name_year, shown, parts, loc))
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
            problems.extend(_pydantic_problems(e, Observation, shown, parsed, parts))
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
    lo, hi = m.bounds
    if (lo is not None and obs.value < lo) or (hi is not None and obs.value > hi):
        yield Problem(
            file, "out_of_bounds", {"value": obs.value, "id": m.id, "lo": _end(lo), "hi": _end(hi)}, **at("value")
        )


# ---------------------------------------------------------------- a whole plan


def load_folder(folder: Path, texts: dict[Path, str] | None = None, warnings: bool = True) -> Report:
    """targets.toml and actuals/ of one plan folder: the dataset, or the problems that stop it.

    `texts` stands in for year files as they are about to be written, so a change is checked
    with the whole plan before it reaches the disk. Without `warnings`, only what stops the
    data is looked for: the commands that read data show no warning or notice, and skip them.
    """
    texts = texts or {}
    report = Report()
    targets_path = folder / "targets.toml"
    if not os.path.lexists(targets_path):  # a broken link is read, to say where it leads
        report.problems.append(Problem(display(targets_path), "no_targets"))
        return report
    actuals = folder / "actuals"
    files: list[Path] = []
    missing: Problem | None = None
    if not actuals.is_dir():
        missing = Problem(display(actuals), "no_actuals")
    else:
        try:
            files = sorted({p for p in actuals.iterdir() if p.suffix == ".toml"} | set(texts))
        except OSError as e:
            missing = Problem(display(actuals), "unreadable", {"reason": e.strerror or type(e).__name__})
    with ParseAhead([p for p in files if YEAR_FILE.match(p.stem)], texts) as ahead:
        report.files += 1
        targets, parsed_targets = check_targets(targets_path, report.problems)
        if missing is not None:
            report.problems.append(missing)
            return report
        _check_year_files(report, files, targets, texts, warnings, ahead, (targets_path, parsed_targets))
    if warnings:
        from .strays import stray_year_files

        report.problems.extend(stray_year_files(actuals))
    return report


def _check_year_files(
    report: Report,
    files: list[Path],
    targets: Targets | None,
    texts: dict[Path, str],
    warnings: bool,
    ahead: ParseAhead,
    plan_file: tuple[Path, Parsed | None],
) -> None:
    """Each year file, then what only the years together show; the dataset when nothing stops it."""
    targets_path, parsed_targets = plan_file
    years: list[int] = []
    index = Index.of(targets) if targets is not None else None
    by_metric: dict[str, list[Observed]] = {}
    located: dict[str, list[Entry]] = {}  # where the cross-year rules look: totals and averages
    # where the cross-year rules look: running totals always (their errors stop the data), every
    # metric when warnings are wanted too (jumps, totals and averages against the yearly values)
    crossed = (
        {m.id for i in targets.indicators for m in i.metrics if warnings or m.kind == "cumulative"}
        if targets
        else set()
    )
    for path in files:
        report.files += 1
        outcome = ahead.get(path) if YEAR_FILE.match(path.stem) else None
        result = check_year_file(path, targets, report.problems, texts.get(path), index, outcome)
        if result is None:
            continue
        year, found, parsed = result
        years.append(year)
        place = Place(display(path), parsed.text)  # the parsed document is let go
        for metric_id, obs, parts in found:
            observed = Observed(year, obs)
            by_metric.setdefault(metric_id, []).append(observed)
            if metric_id in crossed:
                located.setdefault(metric_id, []).append(Entry(observed, parts, place))
    if targets is None:
        return
    report.problems.extend(_cross_year_rules(targets, located, warnings))
    for i, ind in enumerate(targets.indicators if warnings else ()):
        for j, m in enumerate(ind.metrics):
            if m.id not in by_metric:
                parts = ("indicators", i, "metrics", j)
                line = parsed_targets.locator.line(parts) if parsed_targets else None
                report.problems.append(
                    Problem(
                        display(targets_path),
                        "no_observation",
                        {"id": m.id},
                        severity="notice",
                        path=path_text(parts),
                        line=line,
                    )
                )
    if not report.errors:
        report.dataset = Dataset(
            targets=targets,
            years=tuple(sorted(years)),
            observations={k: tuple(v) for k, v in by_metric.items()},
        )


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


def _cross_year_rules(targets: Targets, by_metric: dict[str, list[Entry]], warnings: bool) -> Iterator[Problem]:
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


# ---------------------------------------------------------------- validate PATH ...


def check_paths(paths: list[Path]) -> Report:
    """Plan folders, targets.toml files (their whole folder) and single year files.

    A year file is checked against the targets.toml in the folder above it, unless its whole
    folder is checked anyway: each problem is reported once.
    """
    report = Report()
    folders: list[Path] = []
    singles: list[Path] = []
    for path in paths:
        if path.is_dir():
            folders.append(path)
        elif path.name == "targets.toml":
            folders.append(path.parent)
        else:
            singles.append(path)
    seen: set[Path] = set()
    for folder in folders:
        key = Path(os.path.abspath(folder))
        if key in seen:
            continue
        seen.add(key)
        sub = load_folder(folder)
        report.problems.extend(sub.problems)
        report.files += sub.files
        report.dataset = report.dataset or sub.dataset
    for path in singles:
        key = Path(os.path.abspath(path))
        if key.parent.parent in seen or key in seen:
            continue
        seen.add(key)
        report.files += 1
        if path.suffix != ".toml":
            report.problems.append(Problem(display(path), "not_a_plan"))
            continue
        targets_path = path.parent.parent / "targets.toml"
        targets = None
        if targets_path.is_file():
            targets, _ = check_targets(targets_path, report.problems)
        check_year_file(path, targets, report.problems)
    return report
