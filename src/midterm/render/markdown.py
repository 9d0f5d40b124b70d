"""Markdown: tables to paste into a review or an issue. Text from data files is escaped: it
never becomes HTML, a link or a table cell of its own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.scoring.arithmetic import METHODS
from midterm.words import t
from midterm.words.names import label, unit

from . import Options
from .backtest_words import backtest_caption, backtest_header, backtest_notes, backtest_rows, backtest_title
from .certainty_words import certainty_summary, inside_note, range_text, with_certainty, with_inside
from .phrases import progress_short, target_text, value_text
from .rollup_words import rollup_header, rollup_rows, rollup_summary
from .status_words import legend_text, status_rows, summary_text, window_text

if TYPE_CHECKING:
    from midterm.accuracy import Accuracy
    from midterm.models import Metric
    from midterm.rollup import Rollup
    from midterm.scoring import Backtest, Projection, Status

_SPECIAL = re.compile(r"([\\`\[\]|])")


def md(cell: str) -> str:
    """A cell's text, inert: HTML as entities, Markdown's link and code marks escaped, one line."""
    cell = cell.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", cell).replace("\n", " ")


def table(header: list[str], rows: list[list[str]]) -> str:
    """Cells are escaped by the caller (`md`), so that it may add emphasis of its own."""
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def status_header(status: Status, lang: Lang) -> list[str]:
    return [
        t("h_no", lang),
        t("h_indicator", lang),
        t("h_latest", lang),
        t("h_target", lang),
        t("h_projected", lang, year=status.plan.end_year),
        t("h_verdict", lang),
        t("h_progress", lang),
        t("h_official", lang),
        t("h_reason", lang),
    ]


def status(status: Status, opts: Options) -> str:
    lang = opts.lang
    rows = []
    for r in with_certainty(status, status_rows(status, lang, opts.ids), lang):
        cells = [md(c) for c in (r.no, r.name, r.latest, r.target, r.projected, r.verdict_text, r.progress)]
        if r.level == "indicator":
            cells[1], cells[5] = f"**{cells[1]}**", f"**{cells[5]}**"
        rows.append([*cells, md(r.official), md(r.reason)])
    title = f"## {md(label(status.plan, lang))}\n\n{md(window_text(status.window, lang))}\n\n"
    legend = legend_text(status, lang)
    notes = (md(legend) + "\n\n" if legend else "") + md(summary_text(status, lang)) + "\n"
    sure = certainty_summary(status.summary, lang)
    notes += "\n" + md(sure) + "\n" if sure else ""
    return title + table(status_header(status, lang), rows) + "\n" + notes


def projection_rows(projection: Projection, lang: Lang) -> list[list[str]]:
    from .beyond import gap_words, over_words

    rows = []
    for _, at in projection.metrics:
        m = at.score.metric
        gap_text = "—" if at.gap is None else gap_words(at.gap, m, lang)
        rows.append(
            [
                f"{label(m, lang)} ({unit(m, lang)})" + over_words(m, projection.window, projection.year, lang),
                target_text(m, lang),
                value_text(at.observed, m, lang),
                *[_with_range(at.by_method[method], at.ranges.get(method), m, lang) for method in METHODS],
                gap_text,
                progress_short(at.score.progress, lang),
            ]
        )
    return rows


def _with_range(value: float | None, spread: tuple[float, float] | None, m: Metric, lang: Lang) -> str:
    """A method's projection and, where it has one, its 80% range under it."""
    text = value_text(value, m, lang)
    return text if spread is None else f"{text}\n({range_text(spread, m, lang)})"


def projection_header(projection: Projection, lang: Lang) -> list[str]:
    observed = t("h_observed", lang, year=projection.year)
    return [
        t("h_indicator", lang),
        t("h_target", lang),
        observed,
        "linear",
        "cagr",
        t("h_gap", lang),
        t("h_progress", lang),
    ]


def project(projection: Projection, opts: Options) -> str:
    lang = opts.lang
    title = f"## {md(t('project_title', lang, year=projection.year))}\n\n{md(window_text(projection.window, lang))}\n\n"
    rows = [[md(c) for c in row] for row in projection_rows(projection, lang)]
    return title + table(projection_header(projection, lang), rows)


def rollup(result: Rollup, opts: Options) -> str:

    lang = opts.lang
    rows = [[md(c) for c in row] for row in rollup_rows(result, lang)]
    out = f"## {md(t('rollup_title', lang, count=len(result.rows)))}\n\n" + table(rollup_header(lang), rows)
    out += "\n" + md(rollup_summary(result, lang)) + "\n"
    for broken in result.broken:
        out += "\n" + md(t("rollup_broken", lang, folder=broken.shown, count=len(broken.problems))) + "\n"
    return out


def backtest(result: Backtest, opts: Options) -> str:
    lang = opts.lang
    header, cells = with_inside(result, backtest_header(lang), backtest_rows(result, lang), lang)
    rows = [[md(c) for c in row] for row in cells]
    out = f"## {md(backtest_title(result, lang))}\n\n{md(backtest_caption(result, lang))}\n\n"
    out += table(header, rows) + "\n"
    notes = [*backtest_notes(result, lang), inside_note(result, lang)]
    out += "".join(md(line) + "\n\n" for line in notes)
    return out + _outcomes(result, lang)


def _outcomes(result: Backtest, lang: Lang) -> str:
    from . import outcome_words as ow

    out = ""
    if ow.decided(result):
        out = f"### {md(ow.outcome_title(result, lang))}\n\n{md(ow.outcome_caption(result, lang))}\n\n"
        out += table(ow.outcome_header(lang), [[md(c) for c in row] for row in ow.outcome_rows(result, lang)]) + "\n"
    return out + "".join(md(line) + "\n\n" for line in ow.outcome_notes(result, lang))


def accuracy(result: Accuracy, opts: Options) -> str:
    from midterm.files import display

    from . import outcome_words as ow

    lang = opts.lang
    rows = [[md(c) for c in row] for row in ow.accuracy_rows(result, lang)]
    rows[-1][0] = f"**{rows[-1][0]}**"
    out = f"## {md(ow.accuracy_title(result, lang))}\n\n{md(t('accuracy_caption', lang))}\n\n"
    out += table(ow.accuracy_header(lang), rows) + "\n" + md(ow.accuracy_summary(result, lang)) + "\n"
    for broken in result.broken:
        out += "\n" + md(t("accuracy_broken", lang, folder=display(broken.folder))) + "\n"
    return out
