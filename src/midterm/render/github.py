"""GitHub workflow commands: each problem becomes an annotation on its file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.words import clean
from midterm.words.problems import problem_message

from . import Options
from .text import shown

if TYPE_CHECKING:
    from midterm.problems import Checked


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def validate(checked: Checked, opts: Options) -> str:
    lines = []
    problems, _ = shown(checked.report, checked.notices)  # the text summary on stderr gives the counts
    for p in problems:
        props = [f"file={_gh_escape(p.file, True)}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        path = f"{p.path}: " if p.path else ""
        lines.append(f"::{p.severity} {','.join(props)}::{_gh_escape(clean(path + problem_message(p, opts.lang)))}\n")
    return "".join(lines)
