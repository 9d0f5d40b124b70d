"""Files to models. Every problem names its file and its place in it (FORMAT.md).

The loader never raises for bad input: it returns the problems it found beside whatever it
could build, so every command reports bad data the same way `midterm validate` does.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, TypeAdapter, ValidationError

from .i18n import Lang, clean, t
from .models import Dataset, Indicator, Metric, Observation, Observed, Plan, Targets, Thresholds
from .scoring import average

Severity = Literal["error", "warning", "notice"]
YEAR_FILE = re.compile(r"^\d{4}$")


class Problem(NamedTuple):
    file: str
    key: str  # a message key of i18n.MESSAGES
    args: dict[str, Any] = {}  # never mutated: shared safely
    severity: Severity = "error"
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def message(self, lang: Lang) -> str:
        args = dict(self.args)
        hint = args.pop("hint", None)
        args["hint"] = t("hint", lang, word=hint) if hint else ""
        if str(args.get("found", "")).startswith("t_"):
            args["found"] = t(args["found"], lang)
        if "expected" in args and str(args["expected"]).startswith("t_"):
            args["expected"] = t(args["expected"], lang)
        if "span" in args:
            args["span"] = t(f"span_{args['span']}", lang)
        if "lo" in args and "hi" in args and self.key in ("out_of_bounds", "target_out_of_range"):
            lo, hi = args.pop("lo"), args.pop("hi")
            bounds = "bounds_both" if lo != "" and hi != "" else ("bounds_min" if lo != "" else "bounds_max")
            args["bounds"] = t(bounds, lang, lo=lo, hi=hi)
        check = args.pop("check", None)
        text = t(self.key, lang, **args)
        return text + t("acknowledged", lang, check=check) if check else text

    def place(self) -> str:
        """file:line:column, as far as they are known."""
        return ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)

    def text(self, lang: Lang) -> str:
        """The one line a person reads: file:line:col: severity: path: message."""
        path = f"{self.path}: " if self.path else ""
        return clean(f"{self.place()}: {t(self.severity, lang)}: {path}{self.message(lang)}")

    def as_dict(self, lang: Lang) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message(lang),
            "severity": self.severity,
        }


@dataclass
class Report:
    """What loading found: the dataset when it could be built, and every problem."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    dataset: Dataset | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


# ---------------------------------------------------------------- where the data lives


def shipped_data() -> Path:
    """The Bình Phước plan inside the installed package.

    An editable install runs from the source tree, where the one copy of the plan is the
    repository's own targets.toml and actuals/ (the wheel copies them in at build time).
    """
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if (packaged / "targets.toml").is_file():
        return packaged
    return here.parents[1]


def find_data(option: Path | None) -> Path:
    """--data, else MIDTERM_DATA, else the current folder when it is a plan, else the shipped plan."""
    if option is not None:
        return option
    env = os.environ.get("MIDTERM_DATA")
    if env:
        return Path(env)
    if Path("targets.toml").is_file():
        return Path(".")
    return shipped_data()


def display(path: Path) -> str:
    """A path as the user will recognise it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, or a symlink loop
        return str(path)


# ---------------------------------------------------------------- reading one file


class Locator:
    """Finds the line of a TOML path (`indicators[3].metrics[0].kind`) in a file's text.

    tomllib gives no positions, so the lines are found by reading table headers and keys;
    built only when a problem needs a line.
    """

    HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def lines(self) -> dict[tuple[str | int, ...], int]:
        found: dict[tuple[str | int, ...], int] = {}
        counts: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        in_string = False
        for number, line in enumerate(self.text.splitlines(), start=1):
            if line.count('"""') % 2 or line.count("'''") % 2:
                in_string = not in_string
                if in_string:  # the key that opens a multi-line string is still a key
                    self._key(line, table, number, found)
                continue
            if in_string:
                continue
            header = self.HEADER.match(line)
            if header:
                names = _split_key(header.group(2))
                table = self._resolve(names, table, counts, header.group(1) == "[[")
                for end in range(1, len(table) + 1):  # [a.b.c] also shows where `a` is
                    found.setdefault(table[:end], number)
                continue
            self._key(line, table, number, found)
        return found

    def _key(self, line: str, table: tuple[str | int, ...], number: int, found: dict[Any, int]) -> None:
        key = self.KEY.match(line)
        if key:
            found.setdefault(table + tuple(_split_key(key.group(1))), number)

    @staticmethod
    def _resolve(
        names: list[str], current: tuple[str | int, ...], counts: dict[Any, int], array: bool
    ) -> tuple[str | int, ...]:
        # `[[indicators.metrics]]` belongs to the latest `[[indicators]]`: reuse its index.
        path: tuple[str | int, ...] = ()
        for i, name in enumerate(names):
            path += (name,)
            last = i == len(names) - 1
            if last and array:
                index = counts.get(path, 0)
                counts[path] = index + 1
                path += (index,)
            elif not last and path in counts:
                path += (counts[path] - 1,)
        return path

    def line(self, parts: Iterable[str | int]) -> int | None:
        key = tuple(parts)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return None


def _split_key(text: str) -> list[str]:
    return [part.strip().strip("\"'") for part in text.split(".")]


def path_text(parts: Iterable[str | int], year_file: bool = False) -> str:
    """(`indicators`, 3, `metrics`, 0, `kind`) -> indicators[3].metrics[0].kind;
    in a year file the metric is a table: [grdp-growth].value, [[grdp-growth]][1].value."""
    parts = list(parts)
    out = ""
    if year_file and parts and isinstance(parts[0], str) and parts[0] != "year":
        first = parts.pop(0)
        if parts and isinstance(parts[0], int):
            out = f"[[{first}]][{parts.pop(0)}]"
        else:
            out = f"[{first}]"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass
class Parsed:
    doc: dict[str, Any]
    text: str

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.text)


Failure = tuple[str, dict[str, Any], int | None, int | None]  # message key, its values, line, column


def parse_file(path: Path, text: str | None = None) -> Parsed | Failure:
    """Read and parse one TOML file (or `text`, what it is about to hold)."""
    try:
        raw = path.read_bytes() if text is None else text.encode("utf-8")
    except FileNotFoundError:
        return ("missing_file", {}, None, None)
    except IsADirectoryError:
        return ("is_dir", {}, None, None)
    except OSError as e:
        return ("unreadable", {"reason": e.strerror or type(e).__name__}, None, None)
    if raw.startswith(b"\xef\xbb\xbf"):
        return ("bom", {}, 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ("not_utf8", {"offset": e.start}, raw[: e.start].count(b"\n") + 1, None)
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        detail, line, column = _toml_position(str(e), text)
        return ("toml_syntax", {"detail": detail}, line, column)
    except RecursionError:
        return ("toml_syntax", {"detail": "nested too deeply"}, None, None)
    return Parsed(doc, text)


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


PARALLEL_BYTES = 2_000_000  # below this a second process costs more than it saves


def _workers() -> int:
    """MIDTERM_WORKERS, else one process per core; 1 parses in this process only."""
    try:
        return max(1, int(os.environ.get("MIDTERM_WORKERS", "")))
    except ValueError:
        return os.cpu_count() or 1


class ParseAhead:
    """Year files parsed ahead, in worker processes, while this process reads targets.toml.

    tomllib is pure Python, and a national dataset (tens of megabytes) spends most of its time
    in it; with several cores and enough TOML, the work is shared out. Anything that stops the
    workers (no processes allowed here, a pool that breaks) falls back to parsing in this one.
    """

    def __init__(self, paths: list[Path], texts: dict[Path, str]) -> None:
        self.texts = texts
        self.futures: dict[Path, Any] = {}
        self.pool: Any = None
        sizes = {}
        for path in paths:
            try:
                sizes[path] = len(texts[path]) if path in texts else path.stat().st_size
            except OSError:
                sizes[path] = 0
        cores = _workers()
        if cores < 2 or sum(sizes.values()) < PARALLEL_BYTES:
            return
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        try:
            self.pool = ProcessPoolExecutor(min(cores, len(paths)), mp_context=context)
            for path in sorted(paths, key=lambda p: -sizes[p]):  # the largest first, to share out evenly
                self.futures[path] = self.pool.submit(parse_file, path, texts.get(path))
        except (OSError, RuntimeError):
            self.close()

    def get(self, path: Path) -> Parsed | Failure:
        future = self.futures.pop(path, None)
        if future is not None:
            try:
                result: Parsed | Failure = future.result()
                return result
            except (OSError, RuntimeError):  # a broken pool: parse it here
                pass
        return parse_file(path, self.texts.get(path))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> ParseAhead:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _toml_position(message: str, text: str) -> tuple[str, int | None, int | None]:
    # tomllib (3.11-3.13) puts the place only in the message text.
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    if match:
        return message[: match.start()], int(match.group(1)), int(match.group(2))
    match = re.search(r"\s*\(at end of document\)\s*$", message)
    if match:
        return message[: match.start()], text.count("\n") + 1, None
    return message, None, None


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
    if not targets_path.exists():
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
    kinds = ("cumulative", "average-growth") if warnings else ("cumulative",)
    crossed = {m.id for i in targets.indicators for m in i.metrics if m.kind in kinds} if targets else set()
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
                yield from _running_total_rules(entries, start, warnings)
            if m.kind == "average-growth" and warnings:
                yield from _aggregate_rules(m, entries)


def _running_total_rules(entries: list[Entry], start: int, warnings: bool) -> Iterator[Problem]:
    flows = {e.observed.year: e.observed.obs.value for e in entries if e.observed.obs.span == "year"}
    totals = sorted(
        ((e.observed.obs.as_of or dt.date(e.observed.year, 12, 31), e) for e in entries if e.observed.obs.to_date),
        key=lambda pair: pair[0],
    )
    for (_, before), (_, after) in zip(totals, totals[1:], strict=False):
        old, new = before.observed, after.observed
        if new.obs.value < old.obs.value:
            yield after.problem("total_falls", {"value": new.obs.value, "prev": old.obs.value, "prev_year": old.year})
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
