"""Results to text (or bytes): one module per output format, behind one small interface.

Each format module offers a pure function per view (`status`, `project`, `show`, `validate`),
`view(result, options) -> str`, or bytes for the documents of `report` (Word, Excel, a web
page). `VIEWS` is the one list of the formats each command offers; a test checks
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


FORMATS = ("table", "json", "csv", "markdown")  # of the views that are tables: status, project, ...


def _each(*choices: str) -> dict[str, str]:
    return {choice: choice for choice in choices}  # a format's module is named like the format


# view -> format choice -> module of midterm.render: the formats each command offers, in order
VIEWS: dict[str, dict[str, str]] = {
    "status": _each(*FORMATS),
    "project": _each(*FORMATS),
    "show": _each("table", "json"),
    "validate": _each("text", "json", "github"),
    "rollup": _each(*FORMATS),
    "plans": _each("table", "json"),
    "backtest": _each(*FORMATS),
    "report": _each("docx", "xlsx", "html"),  # documents: these return bytes
}


def formatter(view: str, choice: str) -> Callable[[Any, Options], str | bytes]:
    """The function that writes `view` in the format `choice`: text, or a document's bytes."""
    module = import_module(f"{__name__}.{VIEWS[view][choice]}")
    function: Callable[[Any, Options], str | bytes] = getattr(module, view)
    return function
