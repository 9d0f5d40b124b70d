"""Results to text. Each output format is a pure function `format(result) -> str`.

Nothing is computed here: the scoring core decides, a renderer only writes it down.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from .i18n import Lang, clean, t
from .load import Problem, Report

# ---------------------------------------------------------------- validate


def _shown(report: Report, notices: bool) -> list[Problem]:
    return [p for p in report.problems if notices or p.severity != "notice"]


def validate_text(report: Report, lang: Lang, *, notices: bool = False, strict: bool = False) -> str:
    return "".join(clean(p.text(lang)) + "\n" for p in _shown(report, notices))


def validate_json(report: Report, lang: Lang, *, notices: bool = True, strict: bool = False) -> str:
    # JSON readers filter for themselves: notices are always in it.
    return to_json({"ok": report.ok(strict), "errors": [p.as_dict(lang) for p in report.problems]})


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def validate_github(report: Report, lang: Lang, *, notices: bool = False, strict: bool = False) -> str:
    """GitHub workflow commands: each problem becomes an annotation on its file and line."""
    lines = []
    for p in _shown(report, notices):
        props = [f"file={_gh_escape(p.file, True)}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        path = f"{p.path}: " if p.path else ""
        lines.append(f"::{p.severity} {','.join(props)}::{_gh_escape(clean(path + p.message(lang)))}\n")
    return "".join(lines)


VALIDATE_FORMATS: dict[str, Callable[..., str]] = {
    "text": validate_text,
    "json": validate_json,
    "github": validate_github,
}


def validate_summary(report: Report, lang: Lang) -> str:
    count = {s: sum(p.severity == s for p in report.problems) for s in ("error", "warning", "notice")}
    return t(
        "validate_ok",
        lang,
        files=report.files,
        errors=count["error"],
        warnings=count["warning"],
        notices=count["notice"],
    )


def to_json(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
