"""The words of the review document (`midterm report`), shared by Word, Excel and the web page.

Like `words`, of which it is the document's part: each phrase is written once, so the three
formats say the same. A verdict is always its word with a symbol, never a colour alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from midterm.i18n import Lang
from midterm.words import clean, num, t
from midterm.words.names import label, unit

from .certainty_words import between, range_text, sure_word
from .phrases import MARKS, progress_text, target_text, value_text, verdict_word, why
from .status_words import legend_parts

if TYPE_CHECKING:
    from midterm.models import Indicator, Metric, Observed
    from midterm.scoring import IndicatorScore, MetricScore, Review, ReviewMetric

SYMBOL = {
    "on-track": "✓",
    "hard": "✗",
    "insufficient-data": "?",
    "n/a": "–",
    "improving": "↑",
    "stable": "→",
    "worsening": "↓",
}
# Text colours (RGB hex) dark enough to read on white and on their own tint; the word and the
# symbol carry the verdict, the colour only repeats it.
COLOUR = {
    "on-track": "1A7F37",
    "hard": "B42318",
    "insufficient-data": "8A5A00",
    "n/a": "555555",
    "improving": "1F5FAD",
    "stable": "555555",
    "worsening": "8A3FA0",
}
TINT = {
    "on-track": "E6F4EA",
    "hard": "FCE8E6",
    "insufficient-data": "FFF4D6",
    "n/a": "F1F1F1",
    "improving": "E8F0FB",
    "stable": "F1F1F1",
    "worsening": "F5EAF8",
}


def verdict_mark(verdict: str | None, lang: Lang) -> str:
    """A verdict by symbol and word: "✗ hard to achieve"."""
    if not verdict:
        return ""
    return f"{SYMBOL.get(verdict, '')} {verdict_word(verdict, lang)}".strip()


def official_mark(ind: IndicatorScore, lang: Lang) -> str:
    """The report's verdict, marked ≠ where ours differs and ? where the data cannot decide it."""
    official = ind.indicator.official
    if official is None:
        return "—"
    return MARKS.get(ind.agreement or "", "") + verdict_mark(official, lang)


def metric_verdict(score: MetricScore, lang: Lang) -> str:
    """The verdict, and where the other method says otherwise, that method by its name in words."""
    text = verdict_mark(score.verdict, lang)
    if score.robust:
        return text
    others = [
        f"≠ {t(f'm_{k}', lang)}: {verdict_word(r.verdict, lang)}"
        for k, r in score.by_method.items()
        if k != score.chosen
    ]
    return f"{text} ({'; '.join(others)})"


def symbols_legend(lang: Lang) -> str:
    verdicts = ", ".join(verdict_mark(v, lang) for v in ("on-track", "hard", "insufficient-data"))
    return t("report_symbols", lang, verdicts=verdicts)


# ---------------------------------------------------------------- the title block and the summary


def title_lines(review: Review, lang: Lang) -> list[str]:
    """The plan, the term ("" when the plan's name gives it), and the window: as of, method, trend,
    later year files."""
    from .status_words import document_window_text

    plan = review.status.plan
    name = label(plan, lang)
    term = f"{plan.baseline_year}-{plan.end_year}"
    # most plans name their term already ("..., nhiệm kỳ 2020-2025"): not twice
    said = "" if term in name else t("report_term", lang, start=plan.baseline_year, end=plan.end_year)
    return [name, said, document_window_text(review.window, lang)]


def decisive_text(ind: IndicatorScore, decisive: list[MetricScore], lang: Lang) -> str:
    """Why the indicator's verdict is what it is: the reasons of the metrics it names."""
    names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
    if not decisive:
        return sentence(why(ind, lang, names))
    return " ".join(sentence(f"{label(s.metric, lang)}: {why(s, lang, names)}") for s in decisive)


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


# ---------------------------------------------------------------- the annex table


def annex_header(review: Review, lang: Lang) -> list[str]:
    return [
        t("h_no", lang),
        t("h_indicator", lang),
        t("h_unit", lang),
        t("h_target_written", lang),
        *[str(y) for y in review.years],
        t("h_projected", lang, year=review.window.end),
        t("h_ours", lang),
        t("h_certainty", lang),
        t("h_reason", lang),
        t("h_progress", lang),
        t("h_report_verdict", lang),
    ]


class AnnexRow(NamedTuple):
    level: str  # "indicator" or "metric"
    verdict: str  # our verdict's key, for colour
    no: str
    name: str
    unit: str
    target: str
    years: list[str]  # one cell a year of Review.years, lines joined by "\n"
    projected: str  # with the 80% range below it, where there is one
    ours: str
    sure: str  # how sure the verdict is, in words ("" where it has no certainty)
    progress: str
    official: str
    official_verdict: str | None  # the report's verdict key, for colour
    why: str  # the reason in words
    # the 80% range alone ("từ 102,93 đến 116,24": never a leading minus, which a sheet would take
    # for a formula), for a sheet whose projection is a number
    spread: str = ""


def annex_rows(review: Review, lang: Lang) -> list[AnnexRow]:
    blank = [""] * len(review.years)
    rows = []
    for item in review.indicators:
        ind = item.score
        names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
        rows.append(
            AnnexRow(
                "indicator",
                ind.verdict,
                str(ind.indicator.no),
                label(ind.indicator, lang),
                "",
                "",
                blank,
                "",
                verdict_mark(ind.verdict, lang),
                sure_word(ind.certainty, lang),
                progress_text(ind.progress, lang),
                official_mark(ind, lang),
                ind.indicator.official,
                sentence(why(ind, lang, names)),
            )
        )
        for m in item.metrics:
            s = m.score
            rows.append(
                AnnexRow(
                    "metric",
                    s.verdict,
                    "",
                    label(s.metric, lang),
                    unit(s.metric, lang),
                    written_target(s.metric, lang),
                    ["\n".join(cell_text(o, s.metric, lang) for o in cell) or "—" for cell in m.cells],
                    projected_text(s, lang),
                    metric_verdict(s, lang),
                    sure_word(s.certainty, lang),
                    progress_text(s.progress, lang),
                    "",
                    None,
                    sentence(why(s, lang, names)),
                    "" if s.range is None else t("sure_from", lang, between=between(s.range, s.metric, lang)),
                )
            )
    return rows


def projected_text(score: MetricScore, lang: Lang) -> str:
    """The projection at the end year, and below it the chosen method's 80% range."""
    text = value_text(score.projected, score.metric, lang)
    if score.range is None:
        return text
    return f"{text}\n({range_text(score.range, score.metric, lang)})"


def written_target(metric: Metric, lang: Lang) -> str:
    """The target as the resolution writes it, with the number we read from it."""
    ours = target_text(metric, lang)
    if not metric.target_text:
        return ours
    written = clean(metric.target_text)
    return written if metric.target is None else f"{written}\n({ours})"


def mark(o: Observed, lang: Lang) -> str:
    """ " (ư)" for an estimate, " (sb)" for a preliminary figure, "" for an official one."""
    if o.obs.basis == "official":
        return ""
    return f" ({t(f'mark_{o.obs.basis}', lang)})"


def month(o: Observed, lang: Lang) -> str:
    when = o.obs.as_of
    if when is None or (when.month, when.day) == (12, 31):
        return str(o.year)
    return when.strftime("%m/%Y") if lang == "vi" else when.strftime("%Y-%m")


def cell_text(o: Observed, metric: Metric, lang: Lang) -> str:
    """One figure in the annex: the year's own value, a running total (Σ, to its date) or a period
    average (bq, over its years), the figure first so that a narrow column keeps it on one line."""
    value = value_text(o.obs.value, metric, lang) + mark(o, lang)
    if o.obs.to_date:
        return f"Σ {value}\n{t('cell_total', lang, date=month(o, lang))}"
    if o.obs.since is not None:
        return f"{value}\n{t('cell_average', lang, since=o.obs.since, year=o.year)}"
    return value


def annex_notes(review: Review, lang: Lang) -> list[str]:
    status = review.status
    notes = [t("annex_legend", lang), symbols_legend(lang)]
    parts = legend_parts(status, lang, "doc_legend_methods")  # the methods by their names in words
    if any(i.certainty for i in status.indicators):
        notes.append(t("doc_legend_sure", lang))
    return notes + (["; ".join(parts)] if parts else [])


# ---------------------------------------------------------------- one indicator in depth


def indicator_heading(ind: Indicator, lang: Lang) -> str:
    return f"{ind.no}. {label(ind, lang)}"


def metric_heading(metric: Metric, lang: Lang) -> str:
    return f"{label(metric, lang)} ({unit(metric, lang)})"


def source_text(o: Observed, metric: Metric, lang: Lang) -> tuple[str, str]:
    """A figure and where it was read: ("2023: 93,2 (ư)", "<source>"). The documents leave out the
    data keeper's notes (about the data files, in their words); `show` and the files keep them."""
    return f"{o.year}: {cell_text(o, metric, lang)}", clean(o.obs.source)


def chart_alt(m: ReviewMetric, lang: Lang, end: int) -> str:
    """The chart in words, for a reader who cannot see it."""
    chart = m.chart
    assert chart is not None
    s = m.score
    latest = chart.observed[-1]
    text = t(
        "chart_alt_named",
        lang,
        linear_name=t("m_linear", lang),
        cagr_name=t("m_cagr", lang),
        name=metric_heading(s.metric, lang),
        count=len(chart.observed),
        first=int(chart.observed[0].x),
        last=int(latest.x),
        latest=value_text(latest.y, s.metric, lang),
        end=end,
        linear=value_text(s.by_method["linear"].projected, s.metric, lang),
        cagr=value_text(s.by_method["cagr"].projected, s.metric, lang),
        target=target_text(s.metric, lang),
    )
    if not chart.band:
        return text
    _, lo, hi = chart.band[-1]  # the shaded band, as the chart draws it: its end-year width
    spread = between((lo, hi), s.metric, lang)
    return text + " " + t("chart_alt_range", lang, method=t(f"m_{s.chosen}", lang), end=end, between=spread)


def axis_number(value: float, metric: Metric, lang: Lang) -> str:
    """A tick label: the language's separators, a percent sign for rates."""
    text = num(value, lang)
    return text + "%" if metric.kind == "average-growth" else text
