"""The compiled TOML parser reads every file exactly as the standard library does."""

from __future__ import annotations

import datetime as dt
import math
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from midterm import files

EVERY_FILE = sorted(p for p in ROOT.rglob("*.toml") if p.is_file() and not {".venv", "mutants", ".git"} & set(p.parts))


def compiled(text: str) -> Any:
    """toml-rs alone: files.loads falls back to tomllib when it refuses a text, so comparing
    files.loads with tomllib compared tomllib with itself on every refused file."""
    assert files._fast is not None
    return files._fast(text, toml_version="1.0.0")


def reading(loads: Any, text: str) -> Any:
    try:
        doc = loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return "refused"
    return _comparable(doc)


def _comparable(value: Any) -> Any:
    """nan is not equal to itself: compare it as a word."""
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def test_the_compiled_parser_is_in_use() -> None:
    assert files._fast is not None, "toml-rs is a dependency: the standard library alone is the slow path"


@pytest.mark.parametrize("path", EVERY_FILE, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_file_of_the_repository_reads_the_same(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", errors="replace").lstrip("\ufeff")
    expected = reading(tomllib.loads, text)
    assert reading(compiled, text) == expected  # both read it alike, or both refuse it
    assert reading(files.loads, text) == expected


def test_the_corpus_is_all_there() -> None:
    assert len(EVERY_FILE) > 150  # the shipped plans, the examples and every broken input


@pytest.mark.parametrize(
    "text",
    [
        "a = {x = 1,\n y = 2}",  # TOML 1.1 only
        'a = "\\e"',
        "a = 07:32",
        "a = 1e400",
        "a = nan",
        "a = 9999999999999999999999",
        "a = 2023-06-30\nb = 1979-05-27T07:32:00-08:00",
        "[a]\nb = 1\n[a]\nc = 2",
        "a = 1\na = 2",
        'a = """x\\"""" # comment',
        "\ufeffa = 1",
    ],
)
def test_edge_cases_read_the_same(text: str) -> None:
    expected = reading(tomllib.loads, text)
    assert reading(files.loads, text) == expected
    if not text.startswith("\ufeff"):  # toml-rs skips a BOM, which TOML 1.0 refuses: files.loads does not ask it
        assert reading(compiled, text) == expected


def test_an_error_keeps_the_standard_librarys_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text("a = 1\nb = 2 x\n", encoding="utf-8")
    assert files.parse_file(path) == (
        "toml_syntax",
        {"detail": "Expected newline or end of document after a statement"},
        2,
        7,
    )


keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=8)
scalars = (
    st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=20)
    | st.booleans()
    | st.dates()
    | st.datetimes(timezones=st.none() | st.just(dt.UTC))
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=12
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, values, max_size=6))
def test_any_document_reads_the_same(doc: dict[str, Any]) -> None:
    import tomli_w

    text = tomli_w.dumps(doc)
    assert files.loads(text) == compiled(text) == tomllib.loads(text)
