"""A backtest in words: a row per metric and checked year, the notes, title and caption."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.words import signed, t
from midterm.words.names import label

from .phrases import percent_or_dash, value_text, verdict_word

if TYPE_CHECKING:
    from midterm.i18n import Lang
    from midterm.scoring import Backtest


def backtest_rows(result: Backtest, lang: Lang) -> list[list[str]]:
    """A row per metric and checked year: observed, each method's prediction with its error."""
    rows = []
    for c in result.metrics:
        if not c.years:
            continue
        for k, y in enumerate(c.years):
            cells = [label(c.metric, lang) if k == 0 else "", str(y.year), value_text(y.observed, c.metric, lang)]
            for method in ("linear", "cagr"):
                g = y.by_method[method]
                error = "—" if g.error is None else signed(g.error, lang, c.metric.kind == "average-growth")
                cells.append(f"{value_text(g.predicted, c.metric, lang)} ({error})")
            closer = t("c_tie", lang) if c.closer == "tie" else (c.closer or "—")
            verdicts = f"{verdict_word(c.verdict_then, lang)} → {verdict_word(c.verdict_now, lang)}"
            cells += [closer, verdicts, t(f"o_{c.outcome}", lang)] if k == 0 else ["", "", ""]
            rows.append(cells)
    return rows


def backtest_header(lang: Lang) -> list[str]:
    return [
        t("h_metric", lang),
        t("h_year", lang),
        t("h_value", lang),
        f"linear ({t('h_error', lang)})",
        f"cagr ({t('h_error', lang)})",
        t("h_closer", lang),
        t("h_then_now", lang),
        t("h_outcome", lang),
    ]


def backtest_notes(result: Backtest, lang: Lang) -> list[str]:
    s = result.summary
    unchecked = [label(c.metric, lang) for c in result.metrics if not c.years]
    lines = []
    if unchecked:
        lines.append(t("backtest_unchecked", lang, as_of=result.window.as_of, metrics=", ".join(unchecked)))
    mare = s.mean_abs_relative_error
    lines.append(
        t(
            "backtest_errors",
            lang,
            linear=percent_or_dash(mare["linear"], lang),
            cagr=percent_or_dash(mare["cagr"], lang),
            n_linear=s.closer["linear"],
            n_cagr=s.closer["cagr"],
            n_tie=s.closer["tie"],
        )
    )
    m, i = s.metrics, s.indicators
    lines.append(
        t(
            "backtest_verdicts",
            lang,
            held=m["held"],
            changed=m["changed"],
            unknown=m["unknown"],
            unchecked=m["not-checkable"],
            i_held=i["held"],
            i_changed=i["changed"],
            i_unknown=i["unknown"],
            i_unchecked=i["not-checkable"],
        )
    )
    return lines


def backtest_title(result: Backtest, lang: Lang) -> str:
    return t("backtest_title", lang, as_of=result.window.as_of, latest=result.latest)


def backtest_caption(result: Backtest, lang: Lang) -> str:
    return t("backtest_caption", lang, method=result.window.method, trend_from=result.window.trend_from)
