"""The terminal: rich tables built from Text objects, so names from data are never markup.

At 90 columns or more the status is a table; below, a stack of short lines per metric that
reads well on a narrow terminal (no word is broken, no column squeezed to one word a line).
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang
from midterm.scoring import METHODS
from midterm.words import clean, t
from midterm.words.names import label, unit

from . import Options
from .backtest_words import backtest_caption, backtest_header, backtest_notes, backtest_rows, backtest_title
from .certainty_words import (
    band_cell,
    certainty_summary,
    inside_note,
    show_certainty,
    sure_word,
    with_certainty,
    with_inside,
)
from .markdown import projection_header, projection_rows, status_header
from .phrases import covers_text, pace_text, progress_text, target_text, value_text, verdict_word, why
from .rollup_words import rollup_header, rollup_rows, rollup_summary
from .status_words import Row, legend_text, status_rows, summary_text, window_text
from .textchart import chart
from .vintage_words import published_text, revision_lines

if TYPE_CHECKING:
    from rich.table import Table

    from midterm.accuracy import Accuracy
    from midterm.catalogue import PlanInfo
    from midterm.rollup import Rollup
    from midterm.scoring import Backtest, Projection, Shown, Status

STACKED_BELOW = 90  # columns: narrower terminals get the stacked layout
EMPTY = ("", "—", "— (—)")  # cells with nothing to say: a stacked row leaves them out

_STYLE = {
    "on-track": "green",
    "hard": "red",
    "insufficient-data": "yellow",
    "improving": "cyan",
    "stable": "cyan",
    "worsening": "magenta",
}
_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.MULTILINE)


def _render(renderables: list[Any], width: int, color: bool) -> str:
    """Rich's output as text; rich pads lines to the width, and the padding is cut."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    for item in renderables:
        console.print(item)
    return _TRAILING.sub(r"\1", buffer.getvalue())


def _table(title: str, caption: str, header: list[str], wrap: tuple[int, ...]) -> Table:
    """A table whose `wrap` columns (names, verdicts) take the room the figures leave."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption_justify="left",
        padding=(0, 1, 0, 0),
        pad_edge=False,
        show_edge=False,
    )
    for i, name in enumerate(header):
        table.add_column(name, overflow="fold", no_wrap=i not in wrap)
    return table


def status(status: Status, opts: Options) -> str:
    from rich.text import Text

    rows = with_certainty(status, status_rows(status, opts.lang, opts.ids, "\n"), opts.lang, "\n")
    body = _stacked(status, rows, opts) if opts.width < STACKED_BELOW else [_wide(status, rows, opts)]
    legend = legend_text(status, opts.lang)
    notes = ([Text(legend, style="dim")] if legend else []) + [Text(summary_text(status, opts.lang))]
    sure = certainty_summary(status.summary, opts.lang)
    notes += [Text(sure)] if sure else []
    return _render([*body, *notes], opts.width, opts.color)


def _verdict(row: Row, with_progress: bool = True, report: bool = False) -> Any:
    """Our verdict, the other method's where it differs, the grade, and (in a narrower table)
    the report's verdict under them."""
    from rich.text import Text

    word = row.verdict_text.split("\n")[0]
    text = Text(row.verdict_text)
    text.stylize(_STYLE.get(row.verdict, ""), 0, len(word))
    text.stylize("dim", len(word))
    if row.level == "indicator":
        text.stylize("bold", 0, len(word))
    if with_progress and row.progress_short != "—":  # no grade: no line for it
        text.append("\n" + row.progress_short, style="dim")
    if report and row.official:
        text.append(f"\n({row.official})")
    return text


NAMES = 36  # columns the names need to read well; a narrower table puts the report under our verdict


def _wide(status: Status, rows: list[Row], opts: Options) -> Any:
    """One table: the grade sits under the verdict, so the table grows no wider for it."""
    from rich.text import Text

    lang = opts.lang
    header = status_header(status, lang)[:-1]
    del header[6]  # the progress column: under the verdict instead
    header[5] = t("h_verdict_progress", lang)

    def needed(cells: list[str], title: str) -> int:
        return max(len(line) for cell in [title, *cells] for line in cell.split("\n")) + 1

    columns = [[r.no for r in rows], [r.latest for r in rows], [r.target for r in rows], [r.projected for r in rows]]
    figures = sum(needed(c, h) for c, h in zip(columns, (header[0], *header[2:5]), strict=True))
    verdicts = needed([r.verdict_text.split("\n")[0] for r in rows] + [r.progress_short for r in rows], "")
    report = needed([r.official for r in rows], header[6])
    narrow = opts.width - figures - verdicts - report < NAMES
    if narrow:
        header[5] = f"{header[5]}\n({t('h_official', lang).lower()})"
        header = header[:6]
    table = _table(label(status.plan, lang), window_text(status.window, lang), header, (1, 5, 6))
    for r in rows:
        name = Text(r.name, style="bold" if r.level == "indicator" else "")
        if r.level == "metric":
            name.append("\n" + r.reason, style="dim")
        latest = Text(r.latest)
        latest.stylize("dim", len(r.latest.split("\n")[0]))
        cells = [Text(r.no), name, latest, Text(r.target), Text(r.projected), _verdict(r, report=narrow)]
        table.add_row(*cells, *([] if narrow else [Text(r.official)]))
    return table


def _stacked(status: Status, rows: list[Row], opts: Options) -> list[Any]:
    """Short lines per metric, indented under their indicator: for terminals under 90 columns."""
    from rich.padding import Padding
    from rich.text import Text

    lang = opts.lang
    end = status.plan.end_year
    out: list[Any] = [Text(label(status.plan, lang), style="bold"), Text(window_text(status.window, lang), style="dim")]
    for r in rows:
        verdict = _verdict(r._replace(verdict_text=r.verdict_text.replace("\n", " · ")), with_progress=False)
        graded = [r.progress] if r.progress_short != "—" else []  # no grade: nothing to say about it
        if r.level == "indicator":
            line = Text(f"{r.no}. ", style="bold") + Text(r.name, style="bold") + Text(": ") + verdict
            out += [Text(""), line]
            extra = graded + ([t("report_line", lang, verdict=r.official)] if r.official else [])
            if extra:
                out.append(Padding(Text(" · ".join(extra), style="dim"), (0, 0, 0, 3)))
            continue
        out.append(Padding(Text(r.name) + Text(": ") + verdict, (0, 0, 0, 3)))
        figures = [
            t(key, lang, value=value.replace("\n", " "), year=end)
            for key, value in (("stacked_latest", r.latest), ("stacked_target", r.target), ("stacked_end", r.projected))
            if value != "—"
        ]
        if figures or graded:
            out.append(Padding(Text(" · ".join(figures + graded)), (0, 0, 0, 5)))
        out.append(Padding(Text(r.reason, style="dim"), (0, 0, 0, 5)))
    out.append(Text(""))
    return out


def _grid(
    title: str, caption: str, header: list[str], rows: list[list[str]], wrap: tuple[int, ...], width: int
) -> list[Any]:
    """A table of rows whose first cell names them; below 90 columns, each row stacked instead:
    its name, then its other cells as "heading: value" on an indented line (a row with an empty
    first cell continues the one above)."""
    from rich.padding import Padding
    from rich.text import Text

    if width >= STACKED_BELOW:
        table = _table(title, caption, header, wrap)
        for cells in rows:
            table.add_row(*[Text(c) for c in cells])
        if _fits(table, width):
            return [table]
    out: list[Any] = [Text(title, style="bold"), Text(caption, style="dim")] if caption else [Text(title, style="bold")]
    labels = [h.replace("\n", " ") for h in header]
    for cells in rows:
        if cells[0]:
            out.append(Text(cells[0].replace("\n", " "), style="bold"))
        pairs = zip(labels[1:], cells[1:], strict=True)
        parts = [f"{name}: {value.replace(chr(10), ' ')}" for name, value in pairs if value not in EMPTY]
        if parts:
            out.append(Padding(Text(" · ".join(parts)), (0, 0, 0, 3)))
    return out


def _fits(table: Table, width: int) -> bool:
    """Whether the table fits the width with every word whole: a column that does not wrap needs
    its widest cell, one that wraps its longest word, each one space apart. Wider tables are
    stacked rather than cut mid-word ("Averag/e")."""
    from rich.console import Console
    from rich.measure import Measurement

    console = Console(width=width, file=io.StringIO(), color_system=None)
    need = len(table.columns) - 1  # the space after every column but the last
    for column in table.columns:
        cells = [column.header, *column.cells]
        sizes = [Measurement.get(console, console.options, cell) for cell in cells]
        need += max(s.maximum if column.no_wrap else s.minimum for s in sizes)
    return need <= width


def project(projection: Projection, opts: Options) -> str:
    lang = opts.lang
    title = t("project_title", lang, year=projection.year)
    rows = projection_rows(projection, lang)
    grid = _grid(
        title, window_text(projection.window, lang), projection_header(projection, lang), rows, (0, 6), opts.width
    )
    return _render(grid, opts.width, opts.color)


def show(shown: Shown, opts: Options) -> str:
    """The terminal view of `show`: for each metric its verdict and why, its series with sources,
    each method's projection year by year, the pace, and a chart."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    lang, width, color = opts.lang, opts.width, opts.color

    ind = shown.indicator
    names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
    out: list[Any] = []
    head = Text(f"{ind.indicator.no}. {label(ind.indicator, lang)}: ", style="bold")
    head.append(verdict_word(ind.verdict, lang), style=f"bold {_STYLE.get(ind.verdict, '')}")
    if ind.certainty:
        head.append(f" ({sure_word(ind.certainty, lang)})")
    if ind.indicator.official:
        head.append(f" ({t('report_says', lang, verdict=verdict_word(ind.indicator.official, lang))})")
    out += [
        head,
        Text(why(ind, lang, names), style="dim"),
        Text(t("progress_line", lang, progress=progress_text(ind.progress, lang)), style="dim"),
        Text(window_text(shown.window, lang), style="dim"),
    ]
    for detail in shown.details:
        s, m = detail.score, detail.score.metric
        out.append(Text(""))
        out.append(Text(f"{label(m, lang)} ({unit(m, lang)})", style="bold"))
        kind = t(f"k_{m.kind}", lang)
        out.append(Text(t("show_kind", lang, kind=kind, direction=t(m.direction, lang), target=target_text(m, lang))))
        verdicts = {k: verdict_word(r.verdict, lang) for k, r in s.by_method.items()}
        achieved = t("achieved_now", lang) if s.achieved else ""
        line = Text(t("show_verdict", lang, verdict=verdict_word(s.verdict, lang), achieved=achieved, **verdicts))
        line.stylize(_STYLE.get(s.verdict, ""))
        from .odds import at_odds

        grade = Text(
            t("progress_line", lang, progress=progress_text(s.progress, lang) + at_odds(s.verdict, s.progress, lang))
        )
        out += [line, *[Text(sure) for sure in show_certainty(s, shown.window.end, lang)]]
        out += [grade, Text(why(s, lang, names)), Text(pace_text(s, lang))]
        if m.note:
            out.append(Text(clean(m.note), style="dim"))
        series = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
        for i, name in enumerate(("h_year", "h_value", "h_covers", "h_basis", "h_source")):
            series.add_column(t(name, lang), overflow="fold", no_wrap=i < 2)
        from .beyond import unused_words

        for o, moved in zip(detail.observations, detail.moves, strict=True):
            source = Text(clean(o.obs.source) + published_text(o.obs, lang))
            if o.obs.note:
                source.append("\n" + clean(o.obs.note), style="dim")
            for earlier in revision_lines(o.obs, moved, m, lang):  # earlier figures, oldest first
                source.append("\n" + clean(earlier), style="dim")
            basis = t(o.obs.basis, lang) if o.obs.basis != "official" else t("official", lang)
            series.add_row(
                Text(str(o.year)),
                Text(value_text(o.obs.value, m, lang)),
                Text(covers_text(o, lang, shown.window.start) + unused_words(o.year, shown.window, lang)),
                Text(basis),
                source,
            )
        if detail.observations:
            out.append(series)
        if detail.ahead:
            path = Table(
                box=box.SIMPLE_HEAD,
                padding=(0, 1, 0, 0),
                pad_edge=False,
                show_edge=False,
                title=t("projection_of", lang, end=shown.window.end),
                title_justify="left",
            )
            path.add_column(t("h_method", lang))
            for year in detail.ahead:
                path.add_column(str(year), justify="right")
            for method in METHODS:
                path.add_row(method, *[value_text(v, m, lang) for v in detail.path[method]])
            if any(r is not None for r in detail.band):
                cells = [band_cell(r, m, lang) for r in detail.band]
                path.add_row(Text(f"{s.chosen} 80%", style="dim"), *[Text(c, style="dim") for c in cells])
            out.append(path)
        for text, looks in chart(detail, shown.window, lang, width):
            line = Text(text)
            for i, look in enumerate(looks):
                if look:
                    line.stylize(look, i, i + 1)
            out.append(line)
    return _render(out, width, color)


def record_change(
    old: dict[str, Any] | None, new: dict[str, Any], given: set[str], lang: Lang, width: int = 100
) -> str:
    """An observation as `record` writes it, beside the one it replaces: every field, and what
    became of the fields the user did not give (kept) or cleared (removed)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    def shown(value: object) -> str:
        if value is None:
            return "—"
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):  # revisions
            return "\n".join(f"{v.get('value')} ({shown(v.get('published'))})" for v in value)
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return clean(value.isoformat() if hasattr(value, "isoformat") else str(value))

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
    table.add_column(t("record_field", lang), no_wrap=True)
    if old is not None:
        table.add_column(t("record_old", lang), overflow="fold")
    table.add_column(t("record_new", lang), overflow="fold")
    fields = list(dict.fromkeys([*(old or {}), *new]))
    for key in fields:
        after = Text(shown(new.get(key)))
        if old is not None and key not in new:
            after = Text(t("record_dropped", lang), style="dim")
        elif old is not None and key not in given:
            after.append(f" ({t('record_kept', lang)})", style="dim")
        cells = [Text(key)] + ([Text(shown(old.get(key)))] if old is not None else []) + [after]
        table.add_row(*cells)
    return _render([table], width, False)


def rollup(result: Rollup, opts: Options) -> str:
    from rich.text import Text

    lang = opts.lang
    title = t("rollup_title", lang, count=len(result.rows))
    grid = _grid(title, "", rollup_header(lang), rollup_rows(result, lang), (0, 6), opts.width)
    notes = [Text(rollup_summary(result, lang))]
    for broken in result.broken:
        line = t("rollup_broken", lang, folder=broken.shown, count=len(broken.problems))
        notes.append(Text(line, style="red"))
    return _render([*grid, *notes], opts.width, opts.color)


def plans(result: list[PlanInfo], opts: Options) -> str:
    from rich.text import Text

    lang = opts.lang
    header = [t(k, lang) for k in ("h_id", "h_name", "h_term", "h_indicators", "h_years")]
    table = _table(t("plans_title", lang), t("plans_note", lang), header, (1, 4))
    for p in result:
        plan = p.targets.plan
        mark = f" {t('default_mark', lang)}" if p.default else ""
        years = ", ".join(str(y) for y in p.years) or "—"
        table.add_row(
            Text(p.id + mark, style="bold" if p.default else ""),
            Text(label(plan, lang)),
            Text(f"{plan.baseline_year}-{plan.end_year}"),
            Text(str(len(p.targets.indicators))),
            Text(years),
        )
    return _render([table], opts.width, opts.color)


def backtest(result: Backtest, opts: Options) -> str:
    from rich.text import Text

    lang = opts.lang
    title, caption = backtest_title(result, lang), backtest_caption(result, lang)
    header, rows = with_inside(result, backtest_header(lang), backtest_rows(result, lang), lang)
    grid = _grid(title, caption, header, rows, (0, 6), opts.width)
    parts = [*grid, *[Text(line) for line in [*backtest_notes(result, lang), inside_note(result, lang)]]]
    return _render([*parts, *_outcomes(result, opts)], opts.width, opts.color)


def _outcomes(result: Backtest, opts: Options) -> list[Any]:
    """Whether the verdicts came true: a table once some result is known, else one line."""
    from rich.text import Text

    from . import outcome_words as ow

    lang = opts.lang
    grid: list[Any] = []
    if ow.decided(result):
        title, caption = ow.outcome_title(result, lang), ow.outcome_caption(result, lang)
        grid = _grid(title, caption, ow.outcome_header(lang), ow.outcome_rows(result, lang), (0,), opts.width)
    return [Text(""), *grid, *[Text(line) for line in ow.outcome_notes(result, lang)]]


def accuracy(result: Accuracy, opts: Options) -> str:
    from rich.text import Text

    from midterm.files import display

    from . import outcome_words as ow

    lang = opts.lang
    header, rows = ow.accuracy_header(lang), ow.accuracy_rows(result, lang)
    grid = _grid(ow.accuracy_title(result, lang), t("accuracy_caption", lang), header, rows, (0,), opts.width)
    notes = [Text(ow.accuracy_summary(result, lang))]
    notes += [Text(t("accuracy_broken", lang, folder=display(b.folder)), style="red") for b in result.broken]
    return _render([*grid, *notes], opts.width, opts.color)
