"""A parsed file checked against the models' shapes (pydantic): one problem per field, in our words."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from midterm.files import Failure, Parsed, parse_file, path_text
from midterm.models import Indicator, Metric, Observation, Plan, Thresholds
from midterm.problems import Problem

from .spelling import suggest


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


def _model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model whose key is the last part of `loc`, for suggesting known keys."""
    model = root
    for part in loc[:-1]:
        if isinstance(part, str) and part in _SUBMODELS:
            model = _SUBMODELS[part]
    return model


def pydantic_problems(
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
