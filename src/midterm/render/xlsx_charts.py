"""The spreadsheet's charts: a native scatter chart per metric, each reading a small table beside
it, drawn alike by Excel and LibreOffice (filled markers, whole years, axes around the figures)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang
from midterm.scoring import METHODS
from midterm.words import t

from .annex import metric_heading
from .csv import inert
from .figure import axis_title
from .xlsx import _printed, _text, number_format

if TYPE_CHECKING:
    from xlsxwriter.workbook import Workbook  # type: ignore[import-untyped]

    from midterm.models import Metric
    from midterm.scoring import Chart, Method, Review

    from .xlsx import Formats


def charts(book: Workbook, fmt: Formats, review: Review, lang: Lang) -> None:
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
            columns = _chart_columns(chart, lang, m.score.chosen)
            ends = [float(w.baseline), float(w.end)]
            xs = sorted({x for _, values in columns.values() for x in values} | set(ends))
            heading = f"{item.score.indicator.no}. {metric_heading(metric, lang)}"
            _text(ws, row, 0, heading, fmt(bold=True))
            _text(ws, row + 1, 0, t("h_year", lang), head)
            for col, title in enumerate(columns, start=1):
                _text(ws, row + 1, col, title, head)
            values = [v for _, column in columns.values() for v in column.values()]
            figure = fmt(num_format=number_format(1.5, metric))
            for k, x in enumerate(xs):
                # a year as a whole number; a running total's date (mid-2023 is 2022.5 on the
                # term's clock) keeps its number for the chart and shows as its month
                ws.write_number(row + 2 + k, 0, x, fmt(num_format=_year_format(x, lang)))
                for col, (_, column) in enumerate(columns.values(), start=1):
                    if x in column:
                        ws.write_number(row + 2 + k, col, column[x], figure)
            first, last = row + 2, row + 1 + len(xs)
            native = book.add_chart({"type": "scatter", "subtype": "straight_with_markers"})
            for col, (role, _) in enumerate(columns.values(), start=1):
                native.add_series(_series(name, role, col, first, last))
            native.set_title({"name": inert(heading), "name_font": {"size": 11, "bold": True}})
            native.set_x_axis(
                {
                    "name": t("chart_year", lang),
                    "min": w.baseline,
                    "max": w.end,
                    "major_unit": 1,
                    "num_format": "0",
                    "major_gridlines": {"visible": False},
                }
            )
            native.set_y_axis(
                {
                    "name": inert(axis_title(metric, lang)),
                    "num_format": _axis_format(values, metric),
                    "major_gridlines": {"visible": True},
                    **_axis_range(values),
                }
            )
            native.set_legend({"position": "bottom"})
            # the plot's place fixed: left to itself, LibreOffice gives a long legend most of the height
            native.set_plotarea({"layout": {"x": 0.11, "y": 0.11, "width": 0.86, "height": 0.5}})
            native.show_blanks_as("span")
            # taller than the default: the legend (up to ten series) below must leave the plot its room
            ws.insert_chart(row, 10, native, {"x_scale": 1.35, "y_scale": 1.4})
            row += max(len(xs) + 4, 22)
    ws.set_column(0, 0, 9)
    ws.set_column(1, 9, 13)
    _printed(ws)


Columns = dict[str, tuple[str, dict[float, float]]]  # a series' title: its role and its points


def _chart_columns(chart: Chart, lang: Lang, chosen: Method) -> Columns:
    """The chart's data by series: observed (official and marked apart, or each year's rate beside
    an average), the average the verdict compares, each method's projection, the chosen method's
    80% range (its two ends as thin lines: a scatter chart cannot shade between two series), the
    target's ends, and a limit the projection met, only where it lies within the figures' own scale."""
    w0, w1 = (float(y) for y in chart.years)
    rates = "rates_" if chart.compared else ""
    official = {p.x: p.y for p in chart.observed if p.basis == "official"}
    marked = {p.x: p.y for p in chart.observed if p.basis != "official"}
    columns: Columns = {
        t("chart_rates" if rates else "chart_observed", lang): (f"{rates}official", official),
        t("chart_rates_estimate" if rates else "chart_estimate", lang): (f"{rates}marked", marked),
    }
    if chart.compared:
        columns[t("chart_average", lang, start=int(chart.compared[0][0]))] = ("average", dict(chart.compared))
    for method in METHODS:
        columns[t(f"m_{method}", lang)] = (method, dict(chart.lines[method]))
    if chart.band:
        columns[t("chart_range_lo", lang)] = (f"range_{chosen}", {x: lo for x, lo, _ in chart.band})
        columns[t("chart_range_hi", lang)] = (f"range_{chosen}", {x: hi for x, _, hi in chart.band})
    if chart.target is not None:
        lo, hi = chart.target
        if hi - lo > 1e-12 * max(abs(hi), 1.0):
            columns[t("chart_target_lo", lang)] = ("target", {w0: lo, w1: lo})
            columns[t("chart_target_hi", lang)] = ("target", {w0: hi, w1: hi})
        else:
            columns[t("chart_target", lang)] = ("target", {w0: lo, w1: lo})
    figures = [v for _, column in columns.values() for v in column.values()]
    if any(chart.bounded.values()) and figures:
        low, high = min(figures), max(figures)
        for bound in chart.bounds:
            if bound is not None and low <= bound <= high:  # 100% beside figures of 1-5% would flatten them
                columns[t("chart_bound", lang, value=bound)] = ("bound", {w0: bound, w1: bound})
    return {k: v for k, v in columns.items() if v[1]}


def _year_format(x: float, lang: Lang) -> str:
    if float(x).is_integer():
        return "0"
    year = int(x) + 1  # the term's clock: x = 2022.5 is the middle of 2023
    month = max(1, min(12, round((x - int(x)) * 12)))
    return f'"{month:02d}/{year}"' if lang == "vi" else f'"{year}-{month:02d}"'


def _axis_range(values: list[float]) -> dict[str, float]:
    """The value axis around the figures (a spreadsheet starts it at 0, flattening 7-10%), in steps
    of 1, 2 or 5 times a power of ten."""
    if not values:
        return {}
    low, high = min(values), max(values)
    span = high - low or max(abs(high) * 0.2, 1.0)
    raw = span * 1.2 / 5
    power = 10.0 ** math.floor(math.log10(raw))
    step = next(k * power for k in (1, 2, 5, 10) if k * power >= raw)
    lo = math.floor((low - span * 0.1) / step) * step
    hi = math.ceil((high + span * 0.1) / step) * step
    if low >= 0 > lo:  # a quantity that cannot be negative keeps its axis at 0 or above
        lo = 0.0
    return {"min": lo, "max": hi, "major_unit": step}


def _axis_format(values: list[float], metric: Metric) -> str:
    """Whole numbers on an axis of hundreds and more, one decimal below: never "200.000,0"."""
    largest = max((abs(v) for v in values), default=0.0)
    body = "#,##0" if largest >= 100 else "#,##0.0"
    return body + ('"%"' if metric.kind == "average-growth" else "")  # a bare % would multiply by 100


MARKERS: dict[str, dict[str, Any]] = {
    # filled markers with an edge: LibreOffice draws no edge on a hollow one, and a white fill vanishes
    "official": {"type": "circle", "size": 7, "fill": {"color": "#222222"}, "border": {"color": "#222222"}},
    "marked": {"type": "diamond", "size": 8, "fill": {"color": "#7A7A7A"}, "border": {"color": "#222222"}},
    "rates_official": {"type": "circle", "size": 6, "fill": {"color": "#8C8C8C"}, "border": {"color": "#8C8C8C"}},
    "rates_marked": {"type": "diamond", "size": 7, "fill": {"color": "#ABABAB"}, "border": {"color": "#8C8C8C"}},
}
LINE_STYLE: dict[str, dict[str, Any]] = {
    "average": {"color": "#222222", "width": 2},
    "linear": {"color": "#1F5FAD", "dash_type": "dash", "width": 1.75},
    "cagr": {"color": "#B35C00", "dash_type": "round_dot", "width": 1.75},
    "target": {"color": "#1A7F37", "width": 1.5},
    "bound": {"color": "#777777", "dash_type": "dash_dot", "width": 1},
    # the 80% range's ends: thin, in a light tint of the chosen method's colour
    "range_linear": {"color": "#8FAFD6", "width": 1},
    "range_cagr": {"color": "#D9AD80", "width": 1},
}


def _series(sheet: str, role: str, col: int, first: int, last: int) -> dict[str, Any]:
    series: dict[str, Any] = {
        "name": [sheet, first - 1, col],
        "categories": [sheet, first, 0, last, 0],
        "values": [sheet, first, col, last, col],
    }
    if role in MARKERS:
        series.update(line={"none": True}, marker=MARKERS[role])
    elif role == "average":
        square = {"type": "square", "size": 6, "fill": {"color": "#222222"}, "border": {"color": "#222222"}}
        series.update(line=LINE_STYLE[role], marker=square)
    else:
        series.update(line=LINE_STYLE[role], marker={"type": "none"})
    return series
