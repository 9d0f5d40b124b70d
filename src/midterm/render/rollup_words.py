"""A roll-up of several plans in words: a row per plan and the summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.words import t
from midterm.words.names import label

from .phrases import progress_short

if TYPE_CHECKING:
    from midterm.i18n import Lang
    from midterm.rollup import Rollup


def rollup_summary(result: Rollup, lang: Lang) -> str:
    rows = result.rows
    return t(
        "rollup_summary",
        lang,
        plans=len(rows),
        indicators=sum(r.indicators for r in rows),
        on=sum(r.summary.counts["on-track"] for r in rows),
        hard=sum(r.summary.counts["hard"] for r in rows),
        none=sum(r.summary.counts["insufficient-data"] for r in rows),
        differ=sum(len(r.summary.disagreements) for r in rows),
    )


def rollup_rows(result: Rollup, lang: Lang) -> list[list[str]]:
    rows = []
    for r in result.rows:
        s, pressing = r.summary, r.pressing
        press = "—"
        if pressing is not None:
            press = f"{pressing.no}. {label(pressing, lang)} ({progress_short(pressing.progress, lang)})"
        rows.append(
            [
                f"{r.plan.id}\n{label(r.plan, lang)}",
                str(r.window.as_of),
                str(s.counts["on-track"]),
                str(s.counts["hard"]),
                str(s.counts["insufficient-data"]),
                str(len(s.disagreements)),
                press,
            ]
        )
    return rows


def rollup_header(lang: Lang) -> list[str]:
    return [t(k, lang) for k in ("h_plan", "h_as_of", "h_on", "h_hard", "h_none", "h_differs", "h_pressing")]
