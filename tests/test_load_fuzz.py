"""Whatever the files hold, the loader ends in a clean report: never an unhandled exception."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import NEGATIVE
from midterm.load import load_folder
from midterm.problems import Report
from midterm.words.problems import problem_line

BASE = NEGATIVE / "_base"
BASE_TARGETS = tomllib.loads((BASE / "targets.toml").read_text(encoding="utf-8"))
BASE_2023 = tomllib.loads((BASE / "actuals" / "2023.toml").read_text(encoding="utf-8"))

keys = st.sampled_from(["id", "value", "year", "kind", "target", "to_date", "since", "as_of", "x", "growth"]) | st.text(
    min_size=1, max_size=8
)
scalars = (
    st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.booleans()
    | st.text(max_size=12)
    | st.dates()
    | st.datetimes()
    | st.sampled_from(["level", "cumulative", "annual", "average-growth", "trend", "up", "down", "estimate"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)


def check(report: Report) -> None:
    for problem in report.problems:
        assert problem.file
        for lang in ("vi", "en"):
            assert "\n" not in problem_line(problem, lang)
    assert report.dataset is not None or report.errors


def load_with(files: dict[str, bytes]) -> Report:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "plan"
        shutil.copytree(BASE, folder)
        for name, data in files.items():
            (folder / name).write_bytes(data)
        return load_folder(folder)


def mutate(doc: Any, path: list[Any], value: Any, delete: bool) -> Any:
    """The document with the node at `path` (indexes taken modulo) replaced or deleted."""
    if not path or not isinstance(doc, dict | list) or not doc:
        return value
    if isinstance(doc, dict):
        key = sorted(doc)[path[0] % len(doc)]
        copy = dict(doc)
        if delete and len(path) == 1:
            del copy[key]
        else:
            copy[key] = mutate(doc[key], path[1:], value, delete)
        return copy
    index = path[0] % len(doc)
    items = list(doc)
    items[index] = mutate(doc[index], path[1:], value, delete)
    return items


def dump(doc: Any) -> bytes:
    try:
        return tomli_w.dumps(doc).encode()
    except (TypeError, ValueError):  # not every value has a TOML form (nan is fine, a bare list is not)
        return b"x = 1\n"


fuzz = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.binary(max_size=300))
def test_any_bytes_as_targets(data: bytes) -> None:
    check(load_with({"targets.toml": data}))


@fuzz
@given(st.text(max_size=300))
def test_any_text_as_a_year_file(text: str) -> None:
    check(load_with({"actuals/2022.toml": text.encode("utf-8", "surrogatepass")}))


@fuzz
@given(st.dictionaries(keys, values, max_size=5))
def test_any_toml_document(doc: dict[str, Any]) -> None:
    check(load_with({"targets.toml": dump(doc)}))
    check(load_with({"actuals/2023.toml": dump(doc)}))


@fuzz
@given(st.lists(st.integers(0, 50), min_size=1, max_size=5), values, st.booleans())
def test_near_valid_targets(path: list[int], value: Any, delete: bool) -> None:
    check(load_with({"targets.toml": dump(mutate(BASE_TARGETS, path, value, delete))}))


@fuzz
@given(st.lists(st.integers(0, 50), min_size=1, max_size=4), values, st.booleans())
def test_near_valid_year_file(path: list[int], value: Any, delete: bool) -> None:
    check(load_with({"actuals/2023.toml": dump(mutate(BASE_2023, path, value, delete))}))


def test_dates_survive_the_fuzzer_helpers() -> None:
    doc = mutate(BASE_2023, [0], dt.date(2023, 1, 1), False)
    assert tomllib.loads(dump(doc).decode())
