"""Words for `project`: what a sum or an average covers when the year asked for lies beyond the
plan's end year, and a gap between rates in percentage points, not percent."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.words import num, t

if TYPE_CHECKING:
    from midterm.models import Metric
    from midterm.scoring import Window


def over_words(metric: Metric, w: Window, year: int, lang: Lang) -> str:
    """ " — 2021-2030 at the current pace" for a total or an average projected past the end year,
    whose name ("over 2021-2025") would otherwise claim the term's figure."""
    if year <= w.end or metric.kind not in ("cumulative", "average-growth"):
        return ""
    key = "beyond_total" if metric.kind == "cumulative" else "beyond_average"
    return " — " + t(key, lang, start=w.start, year=year)


def unused_words(year: int, w: Window, lang: Lang) -> str:
    """A figure `show` lists but the view does not read (2024 in the default 2023 view)."""
    last = min(w.as_of, w.end)
    return "" if year <= last else "\n" + t("not_used_after", lang, year=last)


def gap_words(gap: float, metric: Metric, lang: Lang) -> str:
    """A gap with its sign; between two rates (average growth) in percentage points."""
    text = num(gap, lang)
    text = text if text.startswith("-") else "+" + text
    return text + t("gap_points", lang) if metric.kind == "average-growth" else text
