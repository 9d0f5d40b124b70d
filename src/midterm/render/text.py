"""Plain text for `validate`: one line per problem, file:line:col: severity: path: message.

A file with thousands of problems (a 100 MB file of unknown tables) is not read line by line by
anyone: each file shows its first PER_FILE problems, then how many more there are."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.words import t
from midterm.words.problems import problem_line

from . import Options

if TYPE_CHECKING:
    from midterm.problems import Checked, Problem, Report

PER_FILE = 100


def shown(report: Report, notices: bool) -> tuple[list[Problem], dict[str, int]]:
    """The problems to print, and per file how many were left out."""
    kept: list[Problem] = []
    seen: dict[str, int] = {}
    left: dict[str, int] = {}
    for p in report.problems:
        if not notices and p.severity == "notice":
            continue
        seen[p.file] = seen.get(p.file, 0) + 1
        if seen[p.file] > PER_FILE:
            left[p.file] = left.get(p.file, 0) + 1
        else:
            kept.append(p)
    return kept, left


def validate(checked: Checked, opts: Options) -> str:
    problems, left = shown(checked.report, checked.notices)
    lines = [problem_line(p, opts.lang) for p in problems]
    lines += [t("more_problems", opts.lang, count=f"{n:,}", file=file) for file, n in left.items()]
    return "".join(line + "\n" for line in lines)
