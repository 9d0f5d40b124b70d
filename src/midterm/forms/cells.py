"""A filled form read into rows of cells, each cell with its place as a spreadsheet names it
(`Nhập số liệu!J12`; for a CSV file, its name stands for the sheet).

Columns are found by their header, in either language, never by position: a department that
inserts a column or moves one does not break the import. A sheet without such a header (the
instructions) is passed over. Values are read as the file holds them (`data_only`: a formula's
computed value); a formula the file holds no value for is kept as such, to be named. A merged
cell's value counts for every cell it covers, as a reader sees it.
"""

from __future__ import annotations

import bisect
import csv
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from .columns import READ, REQUIRED, field_of, header, letter

LIMIT = 64 * 1024 * 1024  # bytes of workbook (uncompressed): a form of 100,000 rows is a tenth of it
HEADER_ROWS = 30  # the header row is looked for among the first rows of a sheet
PROGRESS_FROM = 2000  # rows; a longer sheet says how far it has read
PROGRESS_EVERY = 1000
FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


class Unreadable(Exception):
    """The file is not a form at all; `key` and `values` word it."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


class Cell(NamedTuple):
    value: Any  # as the file holds it: str, int, float, datetime, bool or None
    place: str  # Sheet!J12
    number_format: str = "General"
    formula: str | None = None  # a formula whose value the file does not hold
    error: bool = False  # the cell holds an error value (#DIV/0!)


class Row(NamedTuple):
    cells: dict[str, Cell]  # by field (id, year, value, ...); a column the sheet lacks is absent


class Form(NamedTuple):
    plan: str | None  # the plan the form was collected from, when the file says so
    rows: list[Row]
    mistakes: list[tuple[str, str, dict[str, object]]]  # (place, message key, values): sheet-wide


Progress = Callable[[str, int, int], None]


def read(path: Path, progress: Progress) -> Form:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv(path, progress)
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx(path, progress)
    raise Unreadable("import_kind")


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def _xlsx(path: Path, progress: Progress) -> Form:
    try:
        with zipfile.ZipFile(path) as archive:
            sheets = [i for i in archive.infolist() if i.filename.startswith("xl/worksheets/")]
            size = sum(i.file_size for i in archive.infolist())  # shared strings too: a zip bomb is refused unread
            if size > LIMIT:
                raise Unreadable("import_too_large", size=_size(size), limit=_size(LIMIT))
            formulas = any(FORMULA.search(archive.read(i)) for i in sheets)
    except (OSError, zipfile.BadZipFile, RuntimeError, ValueError) as e:
        raise Unreadable("import_unreadable", reason=str(e) or type(e).__name__) from None
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:  # a hostile file may break the parser in any way: each is one line, never a traceback
        values = load_workbook(path, data_only=True)
        written = load_workbook(path, data_only=False) if formulas else None
    except Exception as e:  # noqa: BLE001
        raise Unreadable("import_unreadable", reason=f"{type(e).__name__}: {e}") from None
    # "midterm-plan:ID" as collect wrote it; LibreOffice saves it again as "midterm-plan ID"
    named = re.search(r"midterm-plan[:\s]+([a-z0-9-]+)", values.properties.keywords or "")
    plan = named.group(1) if named else None
    rows: list[Row] = []
    mistakes: list[tuple[str, str, dict[str, object]]] = []
    forms = 0
    for sheet in values.worksheets:
        grid: dict[tuple[int, int], Any] = getattr(sheet, "_cells", {})  # only the cells the file holds
        formula_grid = getattr(written[sheet.title], "_cells", {}) if written is not None else {}

        def cell(r: int, c: int, place: str, grid: dict[tuple[int, int], Any] = grid, fg: Any = formula_grid) -> Cell:
            found = grid.get((r, c))
            if found is None:
                return Cell(None, place)
            formula = None
            if found.value is None and (r, c) in fg and getattr(fg[(r, c)], "data_type", "") == "f":
                formula = str(fg[(r, c)].value)
            return Cell(found.value, place, found.number_format or "General", formula, found.data_type == "e")

        merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in sheet.merged_cells.ranges]
        forms += _sheet(sheet.title, grid, cell, merged, rows, mistakes, progress)
    if not forms:
        raise Unreadable("import_no_form", columns=_required_words())
    return Form(plan, rows, mistakes)


def _sheet(
    title: str,
    grid: dict[tuple[int, int], Any],
    cell: Callable[[int, int, str], Cell],
    merged: list[tuple[int, int, int, int]],
    rows: list[Row],
    mistakes: list[tuple[str, str, dict[str, object]]],
    progress: Progress,
) -> bool:
    """The rows of one sheet below its header row; False for a sheet without one (not a form sheet)."""
    by_row: dict[int, list[int]] = {}
    for r, c in grid:
        by_row.setdefault(r, []).append(c)
    found = _header(title, by_row, lambda r, c: cell(r, c, f"{title}!{letter(c)}{r}").value)
    if found is None:
        return False
    head, columns = found
    missing = [k for k in REQUIRED if k not in columns]
    if missing:
        place = f"{title}!{letter(min(columns.values()))}{head}"
        for key in missing:
            mistakes.append((place, "form_missing_column", {"column": f"{header(key, 'vi')}/{header(key, 'en')}"}))
        return True
    numbers = sorted(r for r in by_row if r > head)
    cover: dict[tuple[int, int], tuple[int, int]] = {}  # a merged cell: the cell that holds its value
    for r0, c0, r1, c1 in merged:
        for c in (c for c in columns.values() if c0 <= c <= c1):
            for r in numbers[bisect.bisect_left(numbers, r0) : bisect.bisect_right(numbers, r1)]:
                if (r, c) != (r0, c0):
                    cover[(r, c)] = (r0, c0)
    total = len(numbers)
    for n, r in enumerate(numbers, 1):
        if total >= PROGRESS_FROM and n % PROGRESS_EVERY == 0:
            progress(title, n, total)
        got: dict[str, Cell] = {}
        for key, c in columns.items():
            at = cover.get((r, c), (r, c))
            got[key] = cell(at[0], at[1], f"{title}!{letter(at[1])}{at[0]}")
        rows.append(Row(got))
    return True


def _header(
    title: str, by_row: dict[int, list[int]], value: Callable[[int, int], Any]
) -> tuple[int, dict[str, int]] | None:
    """The first row among the first few that names both the id and the value columns."""
    for r in sorted(k for k in by_row if k <= HEADER_ROWS):
        columns: dict[str, int] = {}
        for c in sorted(by_row[r]):
            key = field_of(value(r, c))
            if key is not None and key not in columns:
                columns[key] = c
        if "id" in columns and "value" in columns:
            return r, columns
    return None


def _csv(path: Path, progress: Progress) -> Form:
    """A CSV with the form's columns: UTF-8 (a byte-order mark is fine: Excel writes one), separated
    by commas, semicolons (Excel where the decimal mark is a comma) or tabs."""
    try:
        size = path.stat().st_size
        if size > LIMIT:
            raise Unreadable("import_too_large", size=_size(size), limit=_size(LIMIT))
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise Unreadable("import_unreadable", reason=f"not UTF-8 text (byte {e.start}): save it as CSV UTF-8") from None
    except OSError as e:
        raise Unreadable("import_unreadable", reason=e.strerror or str(e)) from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as e:
        raise Unreadable("import_unreadable", reason=str(e)) from None
    grid = {(r, c): v for r, line in enumerate(table, 1) for c, v in enumerate(line, 1) if v.strip()}
    title = path.name
    rows: list[Row] = []
    mistakes: list[tuple[str, str, dict[str, object]]] = []

    def cell(r: int, c: int, place: str) -> Cell:
        return Cell(grid.get((r, c)), place)

    if not _sheet(title, grid, cell, [], rows, mistakes, progress):
        raise Unreadable("import_no_form", columns=_required_words())
    return Form(None, rows, mistakes)


def _required_words() -> str:
    return ", ".join(f"{header(k, 'vi')}/{header(k, 'en')}" for k in READ if k in REQUIRED)
