"""The review as an Excel workbook (XlsxWriter): numbers as numbers, for people to sort, filter,
sum and chart again.

- the summary: the annex table, the figure of each year a number whose format shows its marks
  ("93.2 (ư)", "Σ 92,765 (ư)"), so it still sums; frozen header, a filter, verdicts in colour
  and always in words with their symbol;
- the observations the review read, with basis, span, date, source and note;
- how the verdicts were reached: both methods' projections, the paces, progress and reasons;
- a native chart per metric with data, drawn from a table beside it that users can restyle.

Text from data files is written as text (never a formula), and a text that a spreadsheet would
run as one (= + - @ tab CR at its start) gets a leading apostrophe, as CSV does.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang
from midterm.scoring import METHODS
from midterm.words import clean, t
from midterm.words.names import label, unit

from . import Options
from .annex import (
    COLOUR,
    TINT,
    annex_header,
    annex_notes,
    annex_rows,
    cell_text,
    metric_heading,
    metric_verdict,
    summary_paragraphs,
    title_lines,
    verdict_mark,
)
from .csv import inert
from .phrases import covers_text, grade_word, names_of, target_text, why

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook  # type: ignore[import-untyped]
    from xlsxwriter.worksheet import Worksheet  # type: ignore[import-untyped]

    from midterm.models import Metric, Observed
    from midterm.scoring import Review, ReviewMetric


class Formats:
    """XlsxWriter formats, made once each: a workbook holds every format it is given."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.made: dict[tuple[tuple[str, Any], ...], Any] = {}

    def __call__(self, **props: Any) -> Any:
        key = tuple(sorted(props.items()))
        if key not in self.made:
            self.made[key] = self.book.add_format({"font_name": "Times New Roman", "valign": "top", **props})
        return self.made[key]


def report(review: Review, opts: Options) -> bytes:
    from xlsxwriter import Workbook  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    # Strings stay strings: no formula, number or link is read into a text.
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    book = Workbook(buffer, options)
    book.set_properties({"title": t("report_title", opts.lang), "author": "midterm"})
    fmt = Formats(book)
    _summary(book, fmt, review, opts.lang)
    _observations(book, fmt, review, opts.lang)
    _method(book, fmt, review, opts.lang)
    _charts(book, fmt, review, opts.lang)
    book.close()
    return buffer.getvalue()


def _printed(ws: Worksheet, header_row: int | None = None) -> None:
    """A4 landscape, the margins of Decree 30 (30 mm left, 15 right, 20 top and bottom), as wide
    as one page, the header row again on every page."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.set_margins(left=1.18, right=0.59, top=0.79, bottom=0.79)
    ws.fit_to_pages(1, 0)
    if header_row is not None:
        ws.repeat_rows(header_row)


def _text(ws: Worksheet, row: int, col: int, text: str, style: Any = None) -> None:
    if text:
        ws.write_string(row, col, inert(text), style)
    else:
        ws.write_blank(row, col, None, style)


def _number(ws: Worksheet, row: int, col: int, value: float | None, style: Any = None) -> None:
    if value is None:
        ws.write_blank(row, col, None, style)
    else:
        ws.write_number(row, col, value, style)


def number_format(value: float, metric: Metric, before: str = "", after: str = "") -> str:
    """An Excel format that shows a figure as the other formats write it, with its marks as
    literal text: the cell keeps its number."""
    whole = abs(value) >= 1000 or float(value).is_integer()
    body = "#,##0" if whole else "#,##0.0#"
    after = ("%" if metric.kind == "average-growth" else "") + after
    return (f'"{before}"' if before else "") + body + (f'"{after}"' if after else "")


def _marks(o: Observed, lang: Lang) -> tuple[str, str]:
    """The literal text before and after a figure: Σ for a running total, bq for a period
    average, (ư) for an estimate. Its date or period goes in the cell's note: a figure does not wrap."""
    after = f" ({t(f'mark_{o.obs.basis}', lang)})" if o.obs.basis != "official" else ""
    if o.obs.to_date:
        return "Σ ", after
    if o.obs.since is not None:
        return t("mark_average", lang) + " ", after
    return "", after


# ---------------------------------------------------------------- the summary (the annex table)


def _summary(book: Workbook, fmt: Formats, review: Review, lang: Lang) -> None:
    ws = book.add_worksheet(t("sheet_summary", lang))
    plan, term, window = title_lines(review, lang)
    _text(ws, 0, 0, t("report_annex", lang), fmt(bold=True, font_size=14))
    _text(ws, 1, 0, " · ".join(x for x in (plan, term) if x), fmt(bold=True))
    _text(ws, 2, 0, window, fmt(italic=True))
    header = annex_header(review, lang) + [t("h_score", lang), t("h_reason", lang), "id"]
    top = 4
    for col, name in enumerate(header):
        _text(ws, top, col, name, fmt(bold=True, text_wrap=True, bg_color="#EDEDED", border=1, align="center"))
    ws.set_row(top, 30)  # "Dự báo / 2025" on two lines
    years = len(review.years)
    ours = 5 + years  # the columns after the years: projected, ours, progress, report, score, reason, id
    rows = annex_rows(review, lang)
    owners = [(item, m) for item in review.indicators for m in [None, *item.metrics]]
    names = names_of(review.status, lang)
    row = top
    for r, (item, m) in zip(rows, owners, strict=True):
        row += 1
        bold = r.level == "indicator"
        plain = fmt(bold=bold, text_wrap=True, border=1)
        for col, text in enumerate((r.no, r.name, r.unit, r.target)):
            _text(ws, row, col, text, plain)
        verdict = fmt(
            bold=bold,
            border=1,
            text_wrap=True,
            font_color="#" + COLOUR.get(r.verdict, "222222"),
            bg_color="#" + TINT.get(r.verdict, "FFFFFF"),
        )
        _text(ws, row, ours, r.ours, verdict)
        _text(ws, row, ours + 1, r.progress, plain)
        tone = r.official_verdict or ""
        report = fmt(
            bold=bold,
            border=1,
            text_wrap=True,
            font_color="#" + COLOUR.get(tone, "222222"),
            bg_color="#" + TINT.get(tone, "FFFFFF"),
        )
        _text(ws, row, ours + 2, r.official, report if tone else plain)
        score = item.score if m is None else m.score
        reason = why(score, lang, names)
        _fit(ws, row, [(r.name, 40), (r.target, 22), (r.ours, 22), (r.progress, 20), (r.official, 18), (reason, 60)])
        _number(ws, row, ours + 3, score.progress.score, fmt(bold=bold, border=1, num_format="0.00"))
        _text(ws, row, ours + 4, reason, plain)
        if m is None:
            for col in range(4, ours):
                ws.write_blank(row, col, None, plain)
            _text(ws, row, ours + 5, item.score.indicator.id, plain)
            continue
        _metric_cells(ws, fmt, row, m, lang)
        s = m.score
        figure = fmt(border=1, num_format=number_format(s.projected or 0.0, s.metric))
        _number(ws, row, 4 + years, s.projected, figure)
        _text(ws, row, ours + 5, s.metric.id, plain)
    ws.freeze_panes(top + 1, 2)
    ws.autofilter(top, 0, row, len(header) - 1)
    _printed(ws, top)
    widths = [5, 40, 12, 22] + [13] * years + [12, 22, 20, 18, 7, 60, 18]
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    # The notes and the summary below the table, each a paragraph across the printed columns.
    last = ours + 2
    room = sum(widths[1 : last + 1])
    row += 2
    for note in annex_notes(review, lang):
        _paragraph(ws, row, last, room, note, fmt(italic=True, text_wrap=True, valign="top"))
        row += 1
    row += 1
    _text(ws, row, 1, t("report_summary", lang), fmt(bold=True))
    for paragraph in summary_paragraphs(review, lang):
        row += 1
        _paragraph(ws, row, last, room, paragraph, fmt(text_wrap=True, valign="top"))
    ws.print_area(0, 0, row, last)


def _fit(ws: Worksheet, row: int, cells: list[tuple[str, int]]) -> None:
    """A row tall enough for its wrapped cells: spreadsheets do not all size rows on opening."""
    lines = max(sum(-(-max(len(part), 1) // width) for part in text.split("\n")) for text, width in cells)
    if lines > 1:
        ws.set_row(row, 15 * lines)


def _paragraph(ws: Worksheet, row: int, last: int, room: int, text: str, style: Any) -> None:
    """Text wrapped over columns 1..last; a spreadsheet does not size a merged row, so the height
    is estimated from the text's length (a character is about one unit of column width)."""
    ws.merge_range(row, 1, row, last, "", style)
    _text(ws, row, 1, text, style)
    lines = -(-len(text) // max(room, 1)) + text.count("\n")
    ws.set_row(row, 15.5 * max(lines, 1))


def _metric_cells(ws: Worksheet, fmt: Formats, row: int, m: ReviewMetric, lang: Lang) -> None:
    """The figures of each year: the first of the year as a number; in the cell's note, the
    date of a running total, the years of an average, and any other figure of that year."""
    metric = m.score.metric
    for k, cell in enumerate(m.cells):
        col = 4 + k
        if not cell:
            _text(ws, row, col, "—", fmt(border=1, align="right"))
            continue
        first = cell[0]
        before, after = _marks(first, lang)
        style = fmt(border=1, num_format=number_format(first.obs.value, metric, before, after))
        ws.write_number(row, col, first.obs.value, style)
        if len(cell) > 1 or first.obs.span != "year":
            note = "\n".join(cell_text(o, metric, lang).replace("\n", " ") for o in cell)
            ws.write_comment(row, col, note, {"x_scale": 1.6, "y_scale": 0.6})


# ---------------------------------------------------------------- the observations read


def _observations(book: Workbook, fmt: Formats, review: Review, lang: Lang) -> None:
    ws = book.add_worksheet(t("sheet_observations", lang))
    keys = (
        "h_metric",
        "h_name",
        "h_year",
        "h_value",
        "h_unit",
        "h_basis",
        "h_covers",
        "h_since",
        "h_date",
        "h_source",
        "h_note",
    )
    head = fmt(bold=True, bg_color="#EDEDED", border=1, text_wrap=True)
    for col, key in enumerate(keys):
        _text(ws, 0, col, t(key, lang), head)
    day = fmt(num_format="dd/mm/yyyy" if lang == "vi" else "yyyy-mm-dd")
    wrap = fmt(text_wrap=True)
    row = 0
    for item in review.indicators:
        for m in item.metrics:
            metric = m.score.metric
            for o in m.sources:
                row += 1
                _text(ws, row, 0, metric.id)
                _text(ws, row, 1, label(metric, lang))
                ws.write_number(row, 2, o.year)
                ws.write_number(row, 3, o.obs.value, fmt(num_format=number_format(o.obs.value, metric)))
                _text(ws, row, 4, unit(metric, lang))
                _text(ws, row, 5, t(o.obs.basis, lang))
                _text(ws, row, 6, covers_text(o, lang, review.window.start))
                _number(ws, row, 7, o.obs.since)
                if o.obs.as_of is not None:
                    ws.write_datetime(row, 8, o.obs.as_of, day)
                _text(ws, row, 9, clean(o.obs.source), wrap)
                _text(ws, row, 10, clean(o.obs.note or ""), wrap)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, max(row, 1), len(keys) - 1)
    _printed(ws, 0)
    for col, width in enumerate((20, 36, 7, 12, 14, 11, 24, 8, 12, 70, 70)):
        ws.set_column(col, col, width)


# ---------------------------------------------------------------- how the verdicts were reached


def _method(book: Workbook, fmt: Formats, review: Review, lang: Lang) -> None:
    ws = book.add_worksheet(t("sheet_method", lang))
    _text(ws, 0, 0, title_lines(review, lang)[2], fmt(italic=True))
    header = [
        t("h_no", lang),
        "id",
        t("h_indicator", lang),
        t("h_kind", lang),
        t("h_direction", lang),
        t("h_target", lang),
        t("h_threshold", lang),
        t("h_latest", lang),
        t("h_year", lang),
        t("h_required", lang),
        t("h_observed_pace", lang),
    ]
    for method in METHODS:
        header += [
            f"{method}: {t('h_projected', lang, year=review.window.end)}".replace("\n", " "),
            f"{method}: {t('h_verdict', lang)}",
            f"{method}: {t('h_bounded', lang)}",
        ]
    header += [
        t("h_method", lang),
        t("h_robust", lang),
        t("h_ours", lang),
        t("h_progress", lang),
        t("h_score", lang),
        t("h_reason", lang),
    ]
    top = 2
    head = fmt(bold=True, bg_color="#EDEDED", border=1, text_wrap=True)
    for col, name in enumerate(header):
        _text(ws, top, col, name, head)
    names = names_of(review.status, lang)
    yes, no = t("yes", lang), t("no", lang)
    row = top
    for item in review.indicators:
        for m in item.metrics:
            s, metric = m.score, m.score.metric
            row += 1
            figure = fmt(num_format=number_format(s.latest.value if s.latest else 0.0, metric))
            cells: list[Any] = [
                str(item.score.indicator.no),
                metric.id,
                metric_heading(metric, lang),
                t(f"k_{metric.kind}", lang),
                t(metric.direction, lang),
                target_text(metric, lang),
                metric.threshold,
                s.latest.value if s.latest else None,
                s.latest.year if s.latest else None,
                s.required_pace,
                s.observed_pace,
            ]
            for method in METHODS:
                result = s.by_method[method]
                cells += [result.projected, verdict_mark(result.verdict, lang), yes if result.bounded else no]
            cells += [
                s.chosen,
                yes if s.robust else no,
                metric_verdict(s, lang),
                grade_word(s.progress, lang),
                s.progress.score,
                why(s, lang, names),
            ]
            for col, value in enumerate(cells):
                if isinstance(value, str):
                    _text(ws, row, col, value)
                else:
                    _number(ws, row, col, value, fmt(num_format="0") if col == 8 else figure)
    ws.freeze_panes(top + 1, 3)
    ws.autofilter(top, 0, row, len(header) - 1)
    _printed(ws, top)
    ws.set_column(0, 1, 8)
    ws.set_column(2, 2, 40)
    ws.set_column(3, len(header) - 2, 14)
    ws.set_column(len(header) - 1, len(header) - 1, 80)


# ---------------------------------------------------------------- a native chart per metric


def _charts(book: Workbook, fmt: Formats, review: Review, lang: Lang) -> None:
    """Each chart reads a small table beside it: observed (official and marked apart), each
    method's projection, the target's ends and, where a projection met it, the metric's limit."""
    ws = book.add_worksheet(t("sheet_charts", lang))
    name = ws.get_name()
    head = fmt(bold=True, bg_color="#EDEDED", border=1, text_wrap=True)
    w = review.window
    row = 0
    for item in review.indicators:
        for m in item.metrics:
            chart = m.chart
            if chart is None:
                continue
            metric = m.score.metric
            columns: dict[str, dict[float, float]] = {
                t("chart_observed", lang): {p.x: p.y for p in chart.observed if p.basis == "official"},
                t("chart_estimate", lang): {p.x: p.y for p in chart.observed if p.basis != "official"},
            }
            for method in METHODS:
                columns[method] = dict(chart.lines[method])
            ends = [float(w.baseline), float(w.end)]
            if chart.target is not None:
                lo, hi = chart.target
                if hi - lo > 1e-12:
                    columns[t("chart_target_lo", lang)] = dict.fromkeys(ends, lo)
                    columns[t("chart_target_hi", lang)] = dict.fromkeys(ends, hi)
                else:
                    columns[t("chart_target", lang)] = dict.fromkeys(ends, lo)
            if any(chart.bounded.values()):
                for bound in chart.bounds:
                    if bound is not None:
                        columns[t("chart_bound", lang, value=bound)] = dict.fromkeys(ends, bound)
            columns = {k: v for k, v in columns.items() if v}
            xs = sorted({x for values in columns.values() for x in values} | set(ends))
            heading = f"{item.score.indicator.no}. {metric_heading(metric, lang)}"
            _text(ws, row, 0, heading, fmt(bold=True))
            _text(ws, row + 1, 0, t("h_year", lang), head)
            for col, title in enumerate(columns, start=1):
                _text(ws, row + 1, col, title, head)
            figure = fmt(num_format=number_format(1.5, metric))
            for k, x in enumerate(xs):
                ws.write_number(row + 2 + k, 0, x, fmt(num_format="0.0#"))
                for col, values in enumerate(columns.values(), start=1):
                    if x in values:
                        ws.write_number(row + 2 + k, col, values[x], figure)
            first, last = row + 2, row + 1 + len(xs)
            native = book.add_chart({"type": "scatter", "subtype": "straight_with_markers"})
            for col, title in enumerate(columns, start=1):
                native.add_series(_series(name, title, col, first, last, lang))
            native.set_title({"name": inert(heading), "name_font": {"size": 11, "bold": True}})
            native.set_x_axis(
                {
                    "min": w.baseline,
                    "max": w.end,
                    "major_unit": 1,
                    "num_format": "0",
                    "major_gridlines": {"visible": False},
                }
            )
            native.set_y_axis({"num_format": number_format(1.5, metric), "major_gridlines": {"visible": True}})
            native.set_legend({"position": "bottom"})
            native.show_blanks_as("span")
            ws.insert_chart(row, 10, native, {"x_scale": 1.35, "y_scale": 1.0})
            row += max(len(xs) + 4, 17)
    ws.set_column(0, 0, 9)
    ws.set_column(1, 9, 13)
    _printed(ws)


def _series(sheet: str, title: str, col: int, first: int, last: int, lang: Lang) -> dict[str, Any]:
    series: dict[str, Any] = {
        "name": [sheet, first - 1, col],
        "categories": [sheet, first, 0, last, 0],
        "values": [sheet, first, col, last, col],
    }
    if title == t("chart_observed", lang):
        series.update(line={"none": True}, marker={"type": "circle", "size": 7, "fill": {"color": "#222222"}})
    elif title == t("chart_estimate", lang):
        series.update(
            line={"none": True},
            marker={"type": "circle", "size": 7, "fill": {"color": "#FFFFFF"}, "border": {"color": "#222222"}},
        )
    elif title in METHODS:
        colour = {"linear": "#1F5FAD", "cagr": "#B35C00"}[title]
        dash = {"linear": "dash", "cagr": "round_dot"}[title]
        series.update(line={"color": colour, "dash_type": dash, "width": 1.75}, marker={"type": "none"})
    elif title.startswith(t("chart_target", lang)):
        series.update(line={"color": "#1A7F37", "width": 1.5}, marker={"type": "none"})
    else:  # the metric's limit
        series.update(line={"color": "#777777", "dash_type": "dash_dot", "width": 1}, marker={"type": "none"})
    return series
