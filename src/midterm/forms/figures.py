"""The rows of a filled form turned into figures, each checked as `record` checks one (the checks
of `entry` and `options`), every mistake named by its cell. A row whose new value is empty is
skipped; all mistakes are gathered, none stops the others being found.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from midterm import options, recording

if TYPE_CHECKING:
    from midterm.models import Dataset, Metric

    from .cells import Cell, Row

# record's messages name an option; the form's name a cell
WORDING = {
    "record_bad_value": "form_bad_value",
    "record_ambiguous_value": "form_ambiguous_value",
    "record_bad_date": "form_bad_date",
    "empty_source_arg": "form_no_source",
    "bad_record_year": "form_year_range",
    "bad_choice": "form_bad_basis",
    "bad_year_value": "form_bad_year",
}
DAY_FIRST = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")


class Mistake(NamedTuple):
    place: str
    key: str
    values: dict[str, object]


class Figure(NamedTuple):
    metric: str
    year: int
    given: dict[str, Any]
    places: dict[str, str]  # field -> the cell it was read from


def number(text: str) -> int | float:
    """A number typed as text, in Vietnamese style (8,5; 1.234,5; 1.234.567) or English (1,234.5;
    1,234,567), or plain as `record` takes it. One dot or one comma before exactly three digits can
    be read either way and is refused ("16.250" as record refuses it, "16,250" likewise)."""
    if len(text) > 100:  # no figure is that long; and regular expressions stay quick
        raise options.BadValue("record_bad_value", value=text)
    plain = re.sub(r"(?<=[0-9])[ \u00a0\u202f](?=[0-9]{3}\b)", "", text.strip())  # 1 234,5
    sign, body = (plain[0], plain[1:]) if plain[:1] in "+-" else ("", plain)
    if "," in body and "." in body:
        point = "," if body.rfind(",") > body.rfind(".") else "."
        group = "." if point == "," else ","
        whole, _, fraction = body.rpartition(point)
        if re.fullmatch(rf"[0-9]{{1,3}}(\{group}[0-9]{{3}})+", whole) and re.fullmatch(r"[0-9]+", fraction):
            return options.number(f"{sign}{whole.replace(group, '')}.{fraction}")
        raise options.BadValue("record_bad_value", value=text)
    for group in (".", ","):
        if re.fullmatch(rf"[0-9]{{1,3}}(\{group}[0-9]{{3}}){{2,}}", body):  # 1.234.567: only thousands
            return options.number(sign + body.replace(group, ""))
    if re.fullmatch(r"[1-9][0-9]{0,2},[0-9]{3}", body):  # 16,250: 16.25 in Vietnamese, 16250 in English
        whole = body.replace(",", "")
        decimal = body.replace(",", ".").rstrip("0").rstrip(".")
        raise options.BadValue("record_ambiguous_value", value=text, whole=sign + whole, decimal=sign + decimal)
    if re.fullmatch(r"[0-9]+,[0-9]+([eE][+-]?[0-9]{1,3})?", body):  # 8,5 (and 1,5e-7)
        return options.number(sign + body.replace(",", "."))
    return options.number(plain)  # ASCII with a dot, as record reads it; "16.250" is refused there


def _plain(value: float) -> int | float:
    """A spreadsheet's float as a person typed it: 8.5 not 8.500000000000002, 14930 not 14930.0."""
    value = float(f"{value:.15g}")
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def value_of(cell: Cell, metric: Metric | None) -> int | float:
    v = cell.value
    percent_unit = metric is None or "%" in metric.unit
    if isinstance(v, bool):
        raise options.BadValue("form_bool_not_number", value=str(v).upper())
    if isinstance(v, dt.date | dt.time | dt.timedelta):
        raise options.BadValue("form_date_not_number", value=str(v))
    if isinstance(v, int | float):
        if not math.isfinite(v):
            raise options.BadValue("record_bad_value", value=str(v))
        if "%" in cell.number_format:  # 8.5% typed in Excel is 0.085 shown as a percentage
            if not percent_unit:
                raise options.BadValue("form_percent_unit", value=f"{_plain(v * 100)}%", unit=_unit(metric))
            return _plain(v * 100)
        return _plain(v)
    text = str(v).strip()
    if text.endswith("%"):
        if not percent_unit:
            raise options.BadValue("form_percent_unit", value=text, unit=_unit(metric))
        text = text[:-1].strip()
    return number(text)


def _unit(metric: Metric | None) -> str:
    return metric.unit if metric is not None else ""


def year_of(cell: Cell, dataset: Dataset) -> int:
    v = cell.value
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, int) and not isinstance(v, bool):
        text = str(v)
    elif isinstance(v, str):
        text = v
    else:
        raise options.BadValue("bad_year_value", value=str(v))
    return recording.year_in_plan(dataset, options.year(text, "year"))


def date_of(cell: Cell) -> dt.date:
    v = cell.value
    if isinstance(v, dt.date):
        return recording.date(v)
    text = str(v).strip()
    found = DAY_FIRST.fullmatch(text)
    if found:  # 30/6/2024: day first, as Vietnamese (and British) people write a date
        day, month, year = (int(g) for g in found.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise options.BadValue("record_bad_date", value=text) from None
    return recording.date(text)


def running_total(cell: Cell | None) -> bool:
    """The to_date column: yes (có, x) for a running total since the term start; empty or no otherwise."""
    from .columns import NO, YES

    if cell is None or cell.value is None or cell.value is False:
        return False
    if cell.value is True:
        return True
    word = options.fold(str(cell.value))
    if word in YES or word in NO or not word:
        return word in YES
    raise options.BadValue("form_bad_to_date", value=str(cell.value))


def _text(cell: Cell | None) -> str | None:
    if cell is None or cell.value is None:
        return None
    v = cell.value
    if isinstance(v, float):
        v = _plain(v)
    text = str(v).strip()
    return text or None


def figures(dataset: Dataset, rows: list[Row]) -> tuple[list[Figure], list[Mistake]]:
    metrics = {m.id: m for _, m in dataset.metrics()}
    found: list[Figure] = []
    mistakes: list[Mistake] = []
    first: dict[tuple[str, int, bool], tuple[int, str]] = {}  # (metric, year, span) -> its first row, id cell
    for n, row in enumerate(rows):
        value = row.cells["value"]
        if value.formula is None and not value.error and _text(value) is None:
            continue  # no new figure on this row
        got = _figure(n, row.cells, dataset, metrics, first)
        if isinstance(got, Figure):
            found.append(got)
        else:
            mistakes += got
    return found, mistakes


def _figure(
    n: int,
    cells: dict[str, Cell],
    dataset: Dataset,
    metrics: dict[str, Metric],
    first: dict[tuple[str, int, bool], tuple[int, str]],
) -> Figure | list[Mistake]:
    from midterm.load.spelling import nearest

    wrong: list[Mistake] = []

    def check(field: str, read: Any) -> Any:
        cell = cells.get(field)
        if cell is not None and cell.formula is not None:
            wrong.append(Mistake(cell.place, "form_formula_no_value", {"formula": cell.formula}))
            return None
        if cell is not None and cell.error:
            wrong.append(Mistake(cell.place, "form_cell_error", {"value": str(cell.value)}))
            return None
        try:
            return read(cell)
        except options.BadValue as e:
            place = cell.place if cell is not None else cells["value"].place
            wrong.append(Mistake(place, WORDING.get(e.key, e.key), dict(e.values)))
            return None

    at = cells["id"].place
    metric_id = (check("id", _text) or "").lower()
    metric = metrics.get(metric_id)
    if not metric_id and not wrong:
        wrong.append(Mistake(at, "form_no_id", {}))
    elif metric is None:
        near = nearest(metric_id, list(metrics))
        wrong.append(Mistake(at, "form_unknown_id", {"id": metric_id, "hint": f" ({', '.join(near)})" if near else ""}))
    year = check("year", lambda c: year_of(c, dataset))
    value = check("value", lambda c: value_of(c, metric))
    to_date = check("to_date", running_total)
    basis = check("basis", lambda c: options.basis(_text(c) or "") if _text(c) is not None else None)
    as_of = check("as_of", lambda c: date_of(c) if _text(c) is not None else None)
    source = check("source", lambda c: recording.source_text(_text(c) or ""))
    note = check("note", _text)
    if metric is not None and year is not None:
        seen, place = first.setdefault((metric.id, year, bool(to_date)), (n, at))
        if seen != n:
            wrong.append(Mistake(at, "form_duplicate", {"id": metric.id, "year": year, "first": place}))
    if wrong or metric is None or year is None:
        return wrong
    given = recording.given(value, source, basis=basis, as_of=as_of, note=note, to_date=bool(to_date))
    return Figure(metric.id, year, given, {k: c.place for k, c in cells.items()})
