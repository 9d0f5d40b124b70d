"""Filling a form the way a department does: by the headers it reads, not by column numbers."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from midterm.forms.columns import field_of, letter


def header_row(sheet: Any) -> tuple[int, dict[str, int]]:
    for r in range(1, 31):
        found = {field_of(sheet.cell(r, c).value): c for c in range(1, sheet.max_column + 1)}
        found.pop(None, None)
        if "id" in found and "value" in found:
            return r, found  # type: ignore[return-value]
    raise AssertionError(f"no header row in {sheet.title}")


def rows(path: Path) -> list[tuple[str, int, str, int]]:
    """(sheet, row, metric id, year) of every row to fill."""
    book = load_workbook(path)
    out = []
    for sheet in book.worksheets:
        try:
            head, cols = header_row(sheet)
        except AssertionError:
            continue
        for r in range(head + 1, sheet.max_row + 1):
            metric = sheet.cell(r, cols["id"]).value
            if metric:
                out.append((sheet.title, r, metric, sheet.cell(r, cols["year"]).value))
    return out


def fill(path: Path, cells: dict[tuple[str, int], dict[str, Any]], save_to: Path | None = None) -> dict[str, str]:
    """Write `{(sheet, row): {field: value}}`; return each (sheet,row,field) as 'Sheet!J12'."""
    book = load_workbook(path)
    places = {}
    for (title, r), values in cells.items():
        sheet = book[title]
        _, cols = header_row(sheet)
        for key, value in values.items():
            sheet.cell(r, cols[key]).value = value
            places[f"{title}:{r}:{key}"] = f"{title}!{letter(cols[key])}{r}"
    book.save(save_to or path)
    return places


def digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }
