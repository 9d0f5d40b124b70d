"""The words and fields a view adds when it reads what was known on a day (`--as-of DATE`), and
the revisions `show` lists (FORMAT.md: figures get revised)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang
from midterm.words import date, num, pct, t

if TYPE_CHECKING:
    from midterm.models import Metric, Observation
    from midterm.scoring import Window


def vintage_text(w: Window, lang: Lang, key: str = "vintage_window") -> str:
    """' · what was known on 30/06/2023: 2 figures at an earlier vintage ..., 5 not yet published', or ''
    when the view reads a year; `doc_vintage`: the same as a sentence of a document."""
    if w.as_of_date is None:
        if not w.published_later:
            return ""
        # a year reads revised figures: say so, never silently (a backtest would flatter the method)
        end = dt.date(w.as_of, 12, 31)
        later = "vintage_later" if key == "vintage_window" else "doc_vintage_later"
        return t(later, lang, n=w.published_later, day=date(end, lang), iso=end.isoformat())
    day = date(w.as_of_date, lang)
    return t(key, lang, day=day, earlier=w.earlier_vintages, unpublished=w.unpublished)


def vintage_doc(w: Window) -> dict[str, Any]:
    """The JSON fields of the day read: null and 0 when a view reads a year."""
    return {
        "as_of_date": w.as_of_date.isoformat() if w.as_of_date else None,
        "earlier_vintages": w.earlier_vintages,
        "unpublished": w.unpublished,
        "published_later": w.published_later,
    }


def vintage_cells(w: Window) -> list[Any]:
    """The CSV cells of the day read (columns as_of_date, earlier_vintages)."""
    return [w.as_of_date.isoformat() if w.as_of_date else None, w.earlier_vintages]


def revision_docs(obs: Observation, moved: tuple[float, ...]) -> list[dict[str, Any]]:
    """`show --format json`: each earlier figure, oldest first, and how much the next one moved it."""
    return [
        {
            "value": r.value,
            "published": r.published.isoformat(),
            "basis": r.basis,
            "source": r.source,
            "note": r.note,
            "moved": by,
        }
        for r, by in zip(obs.revisions, moved, strict=True)
    ]


def published_text(obs: Observation, lang: Lang) -> str:
    """The figure in force's date, when it has one: ' · published 28/12/2021'."""
    return t("published_on", lang, day=date(obs.published, lang)) if obs.published else ""


def revision_lines(obs: Observation, moved: tuple[float, ...], metric: Metric, lang: Lang) -> list[str]:
    """`show`'s table: 'first 5,35% (ước, 06/12/2021), revised by +0,97: source', oldest first."""
    percent = metric.kind == "average-growth" or metric.unit.strip().startswith("%")
    lines = []
    for r, by in zip(obs.revisions, moved, strict=True):
        value = pct(r.value, lang) if percent else num(r.value, lang)
        change = num(by, lang, 2 if percent else None)
        lines.append(
            t(
                "revision_line",
                lang,
                value=value,
                basis=t(r.basis, lang),
                day=date(r.published, lang),
                moved=change if change.startswith("-") else "+" + change,
                points=t("points", lang) if percent else "",
                source=r.source,
            )
        )
    return lines
