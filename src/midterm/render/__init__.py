"""Results to text (or bytes): one module per output format, behind one small interface.

Each format module offers a pure function per view (`status`, `project`, `show`, `validate`),
`view(result, options) -> str`. A command's format choice maps to a module here; a test checks
that every choice a command offers is mapped. Modules are imported only when chosen, so a
command pays for no format it does not print (JSON never imports rich).

Nothing is computed in a renderer: the scoring core decides, a renderer only writes it down.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any, NamedTuple

from midterm.i18n import Lang


class Options(NamedTuple):
    """How to write: the language, and for a terminal its width and whether it takes colour."""

    lang: Lang
    width: int = 100
    color: bool = False
    pretty: bool = False  # indented JSON, for a person
    ids: bool = False  # show indicator and metric ids beside names


# view -> format choice -> module of midterm.render
VIEWS: dict[str, dict[str, str]] = {
    "status": {"table": "table", "json": "json", "csv": "csv", "markdown": "markdown"},
    "project": {"table": "table", "json": "json", "csv": "csv", "markdown": "markdown"},
    "show": {"table": "table", "json": "json"},
    "validate": {"text": "text", "json": "json", "github": "github"},
    "rollup": {"table": "table", "json": "json", "csv": "csv", "markdown": "markdown"},
    "plans": {"table": "table", "json": "json"},
    "backtest": {"table": "table", "json": "json", "csv": "csv", "markdown": "markdown"},
    "accuracy": {"table": "table", "json": "json", "csv": "csv", "markdown": "markdown"},
    "report": {"docx": "docx", "xlsx": "xlsx", "html": "html"},  # documents: these return bytes
}


def formatter(view: str, choice: str) -> Callable[[Any, Options], str]:
    """The function that writes `view` in the format `choice`."""
    module = import_module(f"{__name__}.{VIEWS[view][choice]}")
    function: Callable[[Any, Options], str] = getattr(module, view)
    return function
