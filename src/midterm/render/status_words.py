"""The status view in words: its rows (every layout reads them), its summary, legend and window."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from midterm.words import t
from midterm.words.names import label, unit

from .phrases import (
    latest_text,
    methods_text,
    names_of,
    official_text,
    progress_short,
    progress_text,
    target_text,
    value_text,
    verdict_word,
    why,
)
from .vintage_words import vintage_text

if TYPE_CHECKING:
    from midterm.i18n import Lang
    from midterm.scoring import Status, Window


def legend_text(status: Status, lang: Lang) -> str:
    """What the marks in the table mean, for the marks it shows."""
    return "; ".join(legend_parts(status, lang))


def legend_parts(status: Status, lang: Lang, methods: str = "legend_methods") -> list[str]:
    """One sentence for each mark the table shows; `methods` words the other method's mark (a
    document names the methods in words, the terminal by their option values)."""
    parts = []
    if any(i.agreement == "differ" for i in status.indicators):
        parts.append(t("legend_differs", lang))
    if any(i.agreement == "undecided" for i in status.indicators):
        parts.append(t("legend_undecided", lang))
    if any(not m.robust for i in status.indicators for m in i.metrics):
        parts.append(t(methods, lang))
    return parts


class Row(NamedTuple):
    """One line of the status table, as text: every layout (terminal, Markdown, documents) reads these."""

    level: str  # "indicator" or "metric"
    verdict: str  # the verdict key, for styling
    no: str
    name: str
    latest: str
    target: str
    projected: str
    verdict_text: str  # our verdict in words, and where the other method differs
    progress: str
    progress_short: str  # the grade in a word or two, and the score: for a table cell
    official: str
    reason: str


def status_rows(status: Status, lang: Lang, ids: bool = False, sep: str = " ") -> list[Row]:
    from .odds import at_odds  # issue 17: a verdict and a grade that disagree say why

    names = names_of(status, lang)
    rows = []
    for i in status.indicators:
        name = label(i.indicator, lang) + (f" [{i.indicator.id}]" if ids else "")
        rows.append(
            Row(
                "indicator",
                i.verdict,
                str(i.indicator.no),
                name,
                "",
                "",
                "",
                verdict_word(i.verdict, lang),
                progress_text(i.progress, lang) + at_odds(i.verdict, i.progress, lang),
                progress_short(i.progress, lang) + at_odds(i.verdict, i.progress, lang, short=True),
                official_text(i, lang),
                why(i, lang, names),
            )
        )
        for m in i.metrics:
            name = f"{label(m.metric, lang)} ({unit(m.metric, lang)})" + (f" [{m.metric.id}]" if ids else "")
            verdict = verdict_word(m.verdict, lang)
            if not m.robust:
                verdict += sep + methods_text(m, lang)
            rows.append(
                Row(
                    "metric",
                    m.verdict,
                    "",
                    name,
                    latest_text(m, lang, sep),
                    target_text(m.metric, lang),
                    value_text(m.projected, m.metric, lang),
                    verdict,
                    progress_text(m.progress, lang) + at_odds(m.verdict, m.progress, lang),
                    progress_short(m.progress, lang) + at_odds(m.verdict, m.progress, lang, short=True),
                    "",
                    why(m, lang, names),
                )
            )
    return rows


def summary_text(status: Status, lang: Lang) -> str:
    s = status.summary
    number = {i.indicator.id: str(i.indicator.no) for i in status.indicators}
    if not any(s.official.values()):
        args = {"on": s.counts["on-track"], "hard": s.counts["hard"], "none": s.counts["insufficient-data"]}
        return t("summary_no_report", lang, **args) + "."
    parts = [
        t(
            "summary",
            lang,
            on=s.counts["on-track"],
            hard=s.counts["hard"],
            none=s.counts["insufficient-data"],
            off_on=s.official["on-track"],
            off_hard=s.official["hard"],
        )
    ]
    if s.disagreements:
        ids = ", ".join(number[i] for i in s.disagreements)
        parts.append(t("summary_differ", lang, count=len(s.disagreements), ids=ids))
    else:
        parts.append(t("summary_agree", lang))
    if s.undecided:
        ids = ", ".join(number[i] for i in s.undecided)
        parts.append(t("summary_undecided", lang, count=len(s.undecided), ids=ids))
    return "; ".join(parts) + "."


def window_text(w: Window, lang: Lang) -> str:
    """Which data the view reads, and that later year files exist when they do (METHOD: Words)."""
    why = t("as_of_review", lang) if w.chosen_by == "review" else ""
    why = t("as_of_latest", lang) if w.chosen_by == "latest" and not w.later else why
    if w.latest is not None and w.as_of > w.latest:
        why = t("as_of_beyond", lang, latest=w.latest)
    later = t("later_files", lang, latest=w.latest) if w.later else ""
    text = t("window", lang, as_of=w.as_of, why=why, method=w.method, trend_from=w.trend_from, later=later)
    return text + vintage_text(w, lang)


def document_window_text(w: Window, lang: Lang) -> str:
    """The window in a document's words: no command-line options, the methods by their names."""
    why = t("as_of_review", lang) if w.chosen_by == "review" else ""
    later = t("doc_later_files", lang, latest=w.latest) if w.later else ""
    method = t(f"m_{w.method}", lang)
    text = t("doc_window", lang, as_of=w.as_of, why=why, method=method, trend_from=w.trend_from, later=later)
    return text + vintage_text(w, lang, "doc_vintage")
