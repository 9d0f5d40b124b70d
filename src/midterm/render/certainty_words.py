"""How sure a verdict is, in words (METHOD: How sure a verdict is): the certainty beside the
verdict, the 80% range beside the projection, the summary's counts, and the backtest's share
of observations inside the range. Every format takes these phrases from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.words import join, num, pct, t

from .phrases import value_text, verdict_word
from .status_words import Row

if TYPE_CHECKING:
    from midterm.models import Metric
    from midterm.scoring import Backtest, MetricScore, Status, Summary

CLASSES = ("decided", "high", "low", "thin", "unmeasured")


def sure_word(certainty: str | None, lang: Lang) -> str:
    """The certainty in a word or two; empty for a verdict that has none."""
    return t(f"sure_{certainty}", lang) if certainty else ""


def between(spread: tuple[float, float], metric: Metric, lang: Lang) -> str:
    """'102.93 to 116.24'."""
    return t("sure_between", lang, lo=value_text(spread[0], metric, lang), hi=value_text(spread[1], metric, lang))


def range_text(spread: tuple[float, float] | None, metric: Metric, lang: Lang) -> str:
    """'80%: 102.93 to 116.24'; empty without a range."""
    return "" if spread is None else t("sure_range", lang, between=between(spread, metric, lang))


def certainty_counts(summary: Summary, lang: Lang) -> list[str]:
    """'4 hard to achieve: 2 fairly sure, 1 unsure, 1 thin data', one per verdict that has any."""
    parts = []
    for verdict in ("hard", "on-track"):
        counts = summary.certainty.get(verdict, {})
        total = sum(counts.values())
        if not total:
            continue
        words = [f"{n} {sure_word(c, lang)}" for c in CLASSES if (n := counts.get(c, 0))]
        parts.append(t("sure_counts", lang, count=total, verdict=verdict_word(verdict, lang), parts=", ".join(words)))
    return parts


def certainty_summary(summary: Summary, lang: Lang) -> str:
    """The summary's verdicts counted by certainty, as a sentence; empty when no verdict has one."""
    parts = certainty_counts(summary, lang)
    return t("sure_summary", lang, parts="; ".join(parts)) if parts else ""


def with_certainty(status: Status, rows: list[Row], lang: Lang, sep: str = " ") -> list[Row]:
    """The status rows with the certainty beside each verdict and the range beside each projection.
    `rows` are `status_rows(status, ...)`: an indicator's row, then its metrics' rows."""
    scores: list[tuple[str | None, MetricScore | None]] = []
    for i in status.indicators:
        scores.append((i.certainty, None))
        scores += [(m.certainty, m) for m in i.metrics]
    out = []
    for row, (certainty, score) in zip(rows, scores, strict=True):
        word = sure_word(certainty, lang)
        word = word if sep == "\n" or not word else f"({word})"
        if word:  # right after the verdict's own words, before what the other method says
            first = verdict_word(row.verdict, lang)
            row = row._replace(verdict_text=first + sep + word + row.verdict_text[len(first) :])
        if score is not None and score.range is not None:
            row = row._replace(projected=row.projected + sep + f"({range_text(score.range, score.metric, lang)})")
        out.append(row)
    return out


def years_text(value: float | None, lang: Lang) -> str:
    return "—" if value is None else num(value, lang)


def inside_word(inside: bool | None, lang: Lang) -> str:
    return "—" if inside is None else t("yes" if inside else "no", lang)


def inside_note(result: Backtest, lang: Lang) -> str:
    """Each method's share of checked years inside their 80% range, and how many years it rests on."""
    parts = []
    for method, (inside, years) in result.summary.inside.items():
        if years:
            share = pct(inside / years * 100, lang, 0)
            parts.append(t("bt_inside_one", lang, method=method, inside=inside, years=years, share=share))
        else:
            parts.append(t("bt_inside_none", lang, method=method))
    return t("bt_inside", lang, parts=join(parts, lang))


def show_certainty(score: MetricScore, end: int, lang: Lang, named: bool = False) -> list[str]:
    """`show`'s lines under the verdict: how sure, on how many years, and each method's range at E.
    `named`: each method by its name in words, as a document writes it, not its option value."""
    lines = []
    if score.certainty:
        span, horizon = years_text(score.span, lang), years_text(score.horizon, lang)
        lines.append(t("sure_show", lang, certainty=sure_word(score.certainty, lang), span=span, horizon=horizon))
    ranges = [
        f"{t(f'm_{method}', lang) if named else method} {between(r.range, score.metric, lang)}"
        for method, r in score.by_method.items()
        if r.range is not None
    ]
    if ranges:
        lines.append(t("sure_show_range", lang, end=end, ranges="; ".join(ranges)))
    return lines


def band_cell(spread: tuple[float, float] | None, metric: Metric, lang: Lang) -> str:
    """A projected year's range in a table cell: '102.93-116.24'."""
    if spread is None:
        return "—"
    return f"{value_text(spread[0], metric, lang)}–{value_text(spread[1], metric, lang)}"


def with_inside(
    result: Backtest, header: list[str], rows: list[list[str]], lang: Lang
) -> tuple[list[str], list[list[str]]]:
    """The backtest table with a column saying, per method, whether each checked year's observation
    fell inside the 80% range predicted then. `rows` are `backtest_rows(result, ...)`: one per
    checked year of the metrics that have any."""
    marks = [
        " / ".join(inside_word(y.by_method[m].inside, lang) for m in ("linear", "cagr"))
        for c in result.metrics
        for y in c.years
    ]
    column = f"{t('h_inside', lang)} 80%\nlinear / cagr"
    return [*header, column], [[*row, mark] for row, mark in zip(rows, marks, strict=True)]
