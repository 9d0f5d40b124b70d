"""The form's columns: what each holds, its header in both languages, and how a header typed by a
person is recognised (any case, with or without Vietnamese marks)."""

from __future__ import annotations

from typing import NamedTuple

from midterm.i18n import Lang
from midterm.options import fold
from midterm.words import t


class Column(NamedTuple):
    key: str  # the field: id, year, value, ... ; people's columns have a key of their own
    width: int
    filled: bool  # True: the department fills it (unlocked); False: reference, locked


COLUMNS = (
    Column("id", 16, False),
    Column("indicator", 20, False),
    Column("metric", 28, False),
    Column("unit", 10, False),
    Column("target", 16, False),
    Column("last", 10, False),
    Column("last_year", 7, False),
    Column("last_covers", 11, False),
    Column("year", 6, False),
    Column("value", 11, True),
    Column("to_date", 7, True),  # cumulative metrics only: the value is the running total since the term start
    Column("basis", 10, True),
    Column("as_of", 11, True),
    Column("source", 28, True),
    Column("note", 18, True),
)
# The columns import reads; the others are for people and ignored.
READ = ("id", "year", "value", "to_date", "basis", "as_of", "source", "note")
REQUIRED = ("id", "year", "value", "source")
# Other headers people or older forms may use for a column import reads (folded).
ALIASES = {
    "value": ("newvalue", "giatri", "solieu"),
    "as_of": ("date", "ngay"),
    "id": ("ma", "machiso"),
    "to_date": ("todate", "luyke"),
}
YES = ("co", "yes", "x", "true", "1", "luyke")  # folded: a running total
NO = ("khong", "no", "false", "0")


def header(key: str, lang: Lang) -> str:
    return t(f"form_h_{key}", lang)


def field_of(text: object) -> str | None:
    """The field a header names, in either language; None for a column import does not read."""
    if not isinstance(text, str):
        return None
    word = fold(text)
    for key in READ:
        names = {fold(header(key, "en")), fold(header(key, "vi")), fold(key), *ALIASES.get(key, ())}
        if word in names:
            return key
    return None


def letter(column: int) -> str:
    """A 1-based column number as a spreadsheet writes it: 1 A, 27 AA."""
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name
