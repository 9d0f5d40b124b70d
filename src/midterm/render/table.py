"""The terminal: rich tables built from Text objects, so names from data are never markup."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from midterm.i18n import clean, t
from midterm.scoring import METHODS

from . import Options
from .markdown import _projection_header, _projection_rows, _status_header, _status_rows
from .textchart import chart
from .words import (
    covers_text,
    label,
    pace_text,
    summary_text,
    target_text,
    unit,
    value_text,
    verdict_word,
    why,
    window_text,
)

if TYPE_CHECKING:
    from rich.table import Table

    from midterm.scoring import Projection, Shown, Status


_STYLE = {
    "on-track": "green",
    "hard": "red",
    "insufficient-data": "yellow",
    "improving": "cyan",
    "stable": "cyan",
    "worsening": "magenta",
}


def _render(renderables: list[Any], width: int, color: bool) -> str:
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
    return buffer.getvalue()


def _table(title: str, caption: str, header: list[str], wide: int) -> Table:
    """A table whose column `wide` (the names) takes the room the figures leave."""
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
    # Figures never wrap; names and verdicts take what room is left, and wrap.
    for i, name in enumerate(header):
        table.add_column(name, overflow="fold", no_wrap=i not in (wide, wide + 4))
    return table


def status(status: Status, opts: Options) -> str:
    """The terminal view: rich builds it from Text objects, so names from data are never markup.

    When the figures would leave the names less than 34 columns, the indicator's number joins
    its name and the report's verdict goes under ours (an 80-column terminal, English words).
    """
    from rich.text import Text

    lang, width, color = opts.lang, opts.width, opts.color

    rows = _status_rows(status, lang, "\n")
    header = _status_header(status, lang)

    def needed(column: int) -> int:
        cells = [header[column], *(cells[column] for _, cells, _ in rows)]
        return max(len(line) for cell in cells for line in cell.split("\n")[:1]) + 2

    compact = width - sum(needed(c) for c in (0, 2, 3, 4, 5, 6)) < 34
    if compact:
        header = header[1:-1]
        header[-1] = f"{header[-1]}\n({t('h_official', lang).lower()})"
    table = _table(label(status.plan, lang), window_text(status.window, lang), header, 0 if compact else 1)
    for style, cells, reason in rows:
        row, verdict = style.split(":")
        word = verdict_word(verdict, lang)
        texts = [Text(c) for c in cells]
        texts[5].stylize(_STYLE.get(verdict, ""), 0, len(word))
        texts[5].stylize("dim", len(word))
        if row == "indicator":
            texts[1].stylize("bold")
            texts[5].stylize("bold")
        else:
            texts[1].append("\n" + reason, style="dim")
            texts[2].stylize("dim", len(cells[2].split("\n")[0]))
        if compact:
            texts[1] = Text(f"{cells[0]}. " if cells[0] else "") + texts[1]
            if cells[6]:
                texts[5].append(f"\n({cells[6]})")
            texts = texts[1:-1]
        table.add_row(*texts)
    return _render([table, Text(summary_text(status, lang))], width, color)


def project(projection: Projection, opts: Options) -> str:
    from rich.text import Text

    lang, width, color = opts.lang, opts.width, opts.color

    table = _table(
        t("project_title", lang, year=projection.year),
        window_text(projection.window, lang),
        _projection_header(projection, lang),
        0,
    )
    for cells in _projection_rows(projection, lang):
        table.add_row(*[Text(c) for c in cells])
    return _render([table], width, color)


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
    if ind.indicator.official:
        head.append(f" ({t('report_says', lang, verdict=verdict_word(ind.indicator.official, lang))})")
    out += [head, Text(why(ind, lang, names), style="dim"), Text(window_text(shown.window, lang), style="dim")]
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
        out += [line, Text(why(s, lang, names)), Text(pace_text(s, lang))]
        if m.note:
            out.append(Text(clean(m.note), style="dim"))
        series = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
        for i, name in enumerate(("h_year", "h_value", "h_covers", "h_basis", "h_source")):
            series.add_column(t(name, lang), overflow="fold", no_wrap=i < 2)
        for o in detail.observations:
            source = Text(clean(o.obs.source))
            if o.obs.note:
                source.append("\n" + clean(o.obs.note), style="dim")
            basis = t(o.obs.basis, lang) if o.obs.basis != "official" else t("official", lang)
            series.add_row(
                Text(str(o.year)),
                Text(value_text(o.obs.value, m, lang)),
                Text(covers_text(o, lang, shown.window.start)),
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
            out.append(path)
        for text, looks in chart(detail, shown.window, lang, width):
            line = Text(text)
            for i, look in enumerate(looks):
                if look:
                    line.stylize(look, i, i + 1)
            out.append(line)
    return _render(out, width, color)
