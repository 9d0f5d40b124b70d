"""Plain text for `validate`: one line per problem, file:line:col: severity: path: message."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import Options
from .words import problem_line

if TYPE_CHECKING:
    from midterm.problems import Checked, Problem, Report


def shown(report: Report, notices: bool) -> list[Problem]:
    return [p for p in report.problems if notices or p.severity != "notice"]


def validate(checked: Checked, opts: Options) -> str:
    return "".join(problem_line(p, opts.lang) + "\n" for p in shown(checked.report, checked.notices))
