"""What checking a plan finds: each problem with its file and place, as data.

The words a person reads are written by `words.problems`, in the language asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from .models import Dataset

Severity = Literal["error", "warning", "notice"]


class Problem(NamedTuple):
    file: str
    key: str  # a message key of words.MESSAGES
    args: dict[str, Any] = {}  # never mutated: shared safely
    severity: Severity = "error"
    path: str | None = None
    line: int | None = None
    column: int | None = None

    def place(self) -> str:
        """file:line:column, as far as they are known."""
        return ":".join(str(p) for p in (self.file, self.line, self.column) if p is not None)


class Report:
    """What loading found: the dataset when it could be built, and every problem. (A plain class:
    building a dataclass costs a millisecond of every start-up.)"""

    def __init__(self, problems: list[Problem] | None = None, files: int = 0, dataset: Dataset | None = None) -> None:
        self.problems = [] if problems is None else problems
        self.files = files
        self.dataset = dataset

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


class Checked(NamedTuple):
    """What `validate` prints: the report, and how strictly it is read."""

    report: Report
    strict: bool = False  # warnings fail too
    notices: bool = False  # notices shown in text (JSON always has them)
