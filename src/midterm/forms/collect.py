"""`midterm collect`: the form a planning office sends to the departments that report figures.

One sheet per `owner` (or one sheet when no metric names one), a row per metric and year asked
for, the last known figure beside empty cells for the new one; ids and reference columns locked
(sheet protection without a password: it guards against slips, not people), drop-down lists for
the basis, an instructions sheet, A4 landscape printing.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from midterm import __version__
from midterm.i18n import Lang
from midterm.words import num, t

from .columns import COLUMNS, header, letter

if TYPE_CHECKING:
    from midterm.models import Dataset, Indicator, Metric, Observed

HEADER_ROW = 3  # row 1: the sheet's title, row 2: the plan; the rows to fill start below the header
KEYWORD = "midterm-plan:"  # the workbook's keywords name the plan the form was made from
BASIS = ("official", "preliminary", "estimate")


class Row(NamedTuple):
    indicator: Indicator
    metric: Metric
    year: int
    last: Observed | None


def latest(dataset: Dataset, metric: str) -> Observed | None:
    """The last known figure: the latest year's, its own year's value before a total or average."""
    seen = dataset.observations.get(metric, ())
    if not seen:
        return None
    year = max(o.year for o in seen)
    same = [o for o in seen if o.year == year]
    return next((o for o in same if o.obs.span == "year"), same[-1])


def rows(dataset: Dataset, years: list[int] | None) -> dict[str | None, list[Row]]:
    """The rows of each sheet, by owner (None: no owner, last), in the plan's order. Without `years`, each
    metric is asked for the years after its latest figure, up to the end year."""
    plan = dataset.plan
    sheets: dict[str | None, list[Row]] = {}
    for indicator, metric in dataset.metrics():
        last = latest(dataset, metric.id)
        if years:
            asked = sorted(set(years))
        else:
            after = max((o.year for o in dataset.observations.get(metric.id, ())), default=plan.baseline_year)
            asked = list(range(max(after, plan.baseline_year) + 1, plan.end_year + 1))
        for year in asked:
            sheets.setdefault(metric.owner, []).append(Row(indicator, metric, year, last))
    if None in sheets:  # the metrics no department owns come last
        sheets[None] = sheets.pop(None)
    return sheets


def sheet_names(owners: list[str | None], lang: Lang) -> list[str]:
    """Names Excel accepts: at most 31 characters, none of : \\ / ? * [ ], unique in any case."""
    names: list[str] = []
    for owner in owners:
        if owner is None:
            base = t("form_sheet_single" if len(owners) == 1 else "form_sheet_unowned", lang)
        else:
            base = re.sub(r"[:\\/?*\[\]]", "-", owner).strip("' ") or "-"
        name, n = base[:31], 2
        while name.lower() in {x.lower() for x in names} or name.lower() == t("form_sheet_help", lang).lower():
            suffix = f" ({n})"
            name, n = base[: 31 - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


def workbook(dataset: Dataset, sheets: dict[str | None, list[Row]], lang: Lang) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]

    book = Workbook()
    owners = list(sheets)
    names = sheet_names(owners, lang)
    _instructions(book.active, dataset, list(zip(names, owners, strict=True)), lang)
    for name, owner in zip(names, owners, strict=True):
        _sheet(book.create_sheet(name), dataset, owner, sheets[owner], lang)
    book.properties.title = t("form_title", lang, plan=_plan_name(dataset, lang))
    book.properties.keywords = f"{KEYWORD}{dataset.plan.id}"
    book.properties.creator = f"midterm {__version__}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _plan_name(dataset: Dataset, lang: Lang) -> str:
    plan = dataset.plan
    return plan.name_en if lang == "en" and plan.name_en else plan.name


def _target(metric: Metric, lang: Lang) -> str:
    if metric.target_text:
        return metric.target_text
    if metric.target is None:
        return t("form_no_target", lang)
    if isinstance(metric.target, tuple):
        return f"{num(metric.target[0], lang)}-{num(metric.target[1], lang)}"
    return num(metric.target, lang)


def _covers(last: Observed, lang: Lang) -> str:
    obs = last.obs
    if obs.span == "to_date":
        return t("form_covers_to_date", lang)
    if obs.span == "since":
        return t("form_covers_since", lang, since=str(obs.since), year=str(last.year))
    return t("form_covers_year", lang)


def _print_setup(sheet: Any, title_rows: str | None) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    if title_rows:
        sheet.print_title_rows = title_rows


def _protect(sheet: Any) -> None:
    """Locked cells stay as they are; resizing, inserting columns of one's own, filtering and sorting
    stay allowed (import finds its columns by their header). No password."""
    sheet.protection.sheet = True
    sheet.protection.insertColumns = False
    sheet.protection.sort = False
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    sheet.protection.autoFilter = False


def _sheet(sheet: Any, dataset: Dataset, owner: str | None, rows: list[Row], lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill, Protection  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    sheet["A1"] = owner or t("form_title", lang, plan=_plan_name(dataset, lang))
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = t("form_subtitle", lang, plan=_plan_name(dataset, lang), id=dataset.plan.id)
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    for c, column in enumerate(COLUMNS, 1):
        cell = sheet.cell(HEADER_ROW, c, header(column.key, lang))
        cell.font, cell.alignment = bold, Alignment(wrap_text=True, vertical="top")
        if column.filled:
            cell.fill = fill
        sheet.column_dimensions[letter(c)].width = column.width
    sheet.row_dimensions[HEADER_ROW].height = _height({c.key: header(c.key, lang) for c in COLUMNS}, bold=True)
    first, last_row = HEADER_ROW + 1, HEADER_ROW + len(rows)
    open_cell, input_fill = Protection(locked=False), PatternFill("solid", fgColor="FFF2CC")
    wrap = Alignment(wrap_text=True, vertical="top")
    for r, row in enumerate(rows, first):
        m, ind = row.metric, row.indicator
        values: dict[str, object] = {
            "id": m.id,
            "indicator": f"{ind.no}. {ind.name_en if lang == 'en' and ind.name_en else ind.name}",
            "metric": m.name_en if lang == "en" and m.name_en else m.name,
            "unit": m.unit_en if lang == "en" and m.unit_en else m.unit,
            "target": _target(m, lang),
            "last": row.last.obs.value if row.last else None,
            "last_year": row.last.year if row.last else None,
            "last_covers": _covers(row.last, lang) if row.last else None,
            "year": row.year,
        }
        sheet.row_dimensions[r].height = _height(values)
        for c, column in enumerate(COLUMNS, 1):
            cell = sheet.cell(r, c, values.get(column.key))
            cell.alignment = wrap
            if column.filled and (column.key != "to_date" or m.kind == "cumulative"):
                cell.protection, cell.fill = open_cell, input_fill
            if column.key == "as_of":
                cell.number_format = "yyyy-mm-dd"
            elif column.key in ("value", "source", "note", "basis"):
                cell.number_format = "@" if column.key != "value" else "General"
    if rows:
        col = {column.key: letter(c) for c, column in enumerate(COLUMNS, 1)}
        words = ",".join(t(f"form_basis_{b}", lang) for b in BASIS)
        yes_no = f'"{t("form_yes", lang)},{t("form_no", lang)}"'
        rules = [
            DataValidation(type="list", formula1=yes_no, allow_blank=True),
            DataValidation(type="list", formula1=f'"{words}"', allow_blank=True),
            DataValidation(type="date", operator="greaterThan", formula1="DATE(1900,1,1)", allow_blank=True),
            DataValidation(allow_blank=True),
            DataValidation(allow_blank=True),
        ]
        for rule, key in zip(rules, ("to_date", "basis", "as_of", "value", "source"), strict=True):
            prompt = t(f"form_prompt_{key}", lang, words=words)
            rule.promptTitle, rule.prompt, rule.showInputMessage = header(key, lang), prompt, True
            if rule.type is not None:
                rule.error, rule.showErrorMessage = prompt, True
            rule.add(f"{col[key]}{first}:{col[key]}{last_row}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = f"{letter(2)}{first}"
    _print_setup(sheet, f"{HEADER_ROW}:{HEADER_ROW}")
    _protect(sheet)


def _height(values: dict[str, object], bold: bool = False) -> float:
    """A row tall enough for its wrapped text: spreadsheets do not measure it when they open a file
    (LibreOffice prints the lines over each other), so the form says how tall each row is."""
    lines = 1
    for column in COLUMNS:
        text = values.get(column.key)
        if text is not None:
            per_line = max(1, int(column.width * (0.9 if bold else 1.0)) - 1)
            lines = max(lines, -(-len(str(text)) // per_line))
    return 15.0 * lines


def _instructions(sheet: Any, dataset: Dataset, sheets: list[tuple[str, str | None]], lang: Lang) -> None:
    from openpyxl.styles import Alignment, Font

    sheet.title = t("form_sheet_help", lang)
    plan = dataset.plan
    words = ", ".join(t(f"form_basis_{b}", lang) for b in BASIS)
    lines: list[tuple[str, bool]] = [
        (t("form_title", lang, plan=_plan_name(dataset, lang)), True),
        (t("form_subtitle", lang, plan=_plan_name(dataset, lang), id=plan.id), False),
        ("", False),
        (t("form_help_sheets", lang), True),
    ]
    for name, owner in sheets:
        lines.append((f"  • {name}" + (f": {owner}" if owner and owner != name else ""), False))
    lines.append(("", False))
    lines.append((t("form_help_fill", lang), True))
    for key in ("value", "to_date", "basis", "as_of", "source", "note"):
        lines.append((f"  • {header(key, lang)}: {t(f'form_prompt_{key}', lang, words=words)}", False))
    lines += [
        ("", False),
        (t("form_help_rules", lang), True),
        (t("form_help_locked", lang), False),
        (t("form_help_empty", lang), False),
        (t("form_help_year", lang, lo=plan.baseline_year, hi=plan.end_year), False),
        (t("form_help_return", lang), False),
        ("", False),
        (t("form_help_made", lang, version=__version__), False),
    ]
    for r, (text, strong) in enumerate(lines, 1):
        cell = sheet.cell(r, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if strong:
            cell.font = Font(bold=True, size=13 if r == 1 else 11)
    sheet.column_dimensions["A"].width = 120
    _print_setup(sheet, None)
    sheet.page_setup.orientation = "landscape"
    _protect(sheet)
