"""Markdown: tables to paste into a review or an issue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.i18n import Lang, signed, t

from . import Options
from .words import (
    label,
    latest_text,
    methods_text,
    names_of,
    official_text,
    summary_text,
    target_text,
    unit,
    value_text,
    verdict_word,
    why,
    window_text,
)

if TYPE_CHECKING:
    from midterm.scoring import Projection, Status


def _status_rows(status: Status, lang: Lang, sep: str = " ") -> list[tuple[str, list[str], str]]:
    """(style, cells, reason) rows shared by the Markdown and the terminal table."""
    names = names_of(status, lang)
    rows = []
    for i in status.indicators:
        cells = [
            str(i.indicator.no),
            label(i.indicator, lang),
            "",
            "",
            "",
            verdict_word(i.verdict, lang),
            official_text(i, lang),
        ]
        rows.append(("indicator:" + i.verdict, cells, why(i, lang, names)))
        for s in i.metrics:
            name = f"{label(s.metric, lang)} ({unit(s.metric, lang)})"
            verdict = verdict_word(s.verdict, lang)
            if not s.robust:
                verdict += sep + methods_text(s, lang)
            cells = [
                "",
                name,
                latest_text(s, lang, sep),
                target_text(s.metric, lang),
                value_text(s.projected, s.metric, lang),
                verdict,
                "",
            ]
            rows.append(("metric:" + s.verdict, cells, why(s, lang, names)))
    return rows


def _status_header(status: Status, lang: Lang) -> list[str]:
    return [
        t("h_no", lang),
        t("h_indicator", lang),
        t("h_latest", lang),
        t("h_target", lang),
        t("h_projected", lang, year=status.plan.end_year),
        t("h_verdict", lang),
        t("h_official", lang),
    ]


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _projection_rows(projection: Projection, lang: Lang) -> list[list[str]]:
    rows = []
    for _, at in projection.metrics:
        m = at.score.metric
        gap = None if at.projected is None or m.threshold is None else at.projected - m.threshold
        gap_text = "—" if gap is None else (signed(gap, lang, m.kind == "average-growth"))
        rows.append(
            [
                f"{label(m, lang)} ({unit(m, lang)})",
                target_text(m, lang),
                value_text(at.observed, m, lang),
                value_text(at.by_method["linear"], m, lang),
                value_text(at.by_method["cagr"], m, lang),
                gap_text,
            ]
        )
    return rows


def _projection_header(projection: Projection, lang: Lang) -> list[str]:
    observed = t("h_observed", lang, year=projection.year)
    return [t("h_indicator", lang), t("h_target", lang), observed, "linear", "cagr", t("h_gap", lang)]


def status(status: Status, opts: Options) -> str:
    lang = opts.lang
    rows = []
    for style, cells, reason in _status_rows(status, lang):
        if style.startswith("indicator"):
            cells = [cells[0], f"**{cells[1]}**", *cells[2:5], f"**{cells[5]}**", cells[6]]
        rows.append([*cells, reason])
    header = [*_status_header(status, lang), "…"]
    title = f"## {label(status.plan, lang)}\n\n{window_text(status.window, lang)}\n\n"
    return title + _md_table(header, rows) + "\n" + summary_text(status, lang) + "\n"


def project(projection: Projection, opts: Options) -> str:
    lang = opts.lang
    title = f"## {t('project_title', lang, year=projection.year)}\n\n{window_text(projection.window, lang)}\n\n"
    return title + _md_table(_projection_header(projection, lang), _projection_rows(projection, lang))
