"""The words of outcomes (METHOD: Outcomes): a backtest's results and right/wrong verdicts, and the
accuracy table over several plans. Every format takes its cells from here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.words import pct, t
from midterm.words.names import label

from .phrases import verdict_word

if TYPE_CHECKING:
    from midterm.accuracy import Accuracy
    from midterm.scoring import Backtest, Method, Window
    from midterm.scoring.outcomes import OutcomeSummary

METHODS: tuple[Method, ...] = ("linear", "cagr")
COLUMNS = (*METHODS, "official")


def result_word(result: str | None, lang: Lang) -> str:
    return t(f"res_{result}", lang) if result else "—"


def judged_text(verdict: str | None, judgement: str | None, lang: Lang) -> str:
    """A verdict and whether it came true: "hard to achieve → right"; a trend metric's verdict alone."""
    if verdict is None:
        return "—"
    if judgement is None:
        return verdict_word(verdict, lang)
    return f"{verdict_word(verdict, lang)} → {t(f'j_{judgement}', lang)}"


def decided(result: Backtest) -> bool:
    """Whether any indicator or metric has a known result: else the views say so in one line."""
    counts = result.summary.outcomes.results
    return any(counts[k]["met"] + counts[k]["missed"] for k in counts)


def outcome_title(result: Backtest, lang: Lang) -> str:
    return t("outcome_title", lang, as_of=result.window.as_of)


def outcome_caption(result: Backtest, lang: Lang) -> str:
    return t("outcome_caption", lang, end=result.plan.end_year)


def outcome_header(lang: Lang) -> list[str]:
    return [t("h_indicator", lang), t("h_result", lang), "linear", "cagr", t("h_official", lang)]


def outcome_rows(result: Backtest, lang: Lang) -> list[list[str]]:
    """A row per indicator, its metrics under it (indented); trend metrics have no result."""
    rows = []
    for i in result.indicators:
        j = i.judged
        cells = [f"{i.indicator.no}. {label(i.indicator, lang)}", result_word(j.result, lang)]
        cells += [judged_text(j.verdicts[m], j.right[m], lang) for m in METHODS]
        cells.append(judged_text(i.indicator.official, j.official, lang))
        rows.append(cells)
        for c in result.metrics:
            if c.indicator.id != i.indicator.id or len(i.indicator.metrics) < 2:
                continue
            mj = c.judged
            cells = [f"  {label(c.metric, lang)}", result_word(mj.result, lang)]
            rows.append(cells + [judged_text(mj.verdicts[m], mj.right.get(m), lang) for m in METHODS] + [""])
    return rows


def _counts(counts: dict[str, int]) -> str:
    return f"{counts['right']} / {counts['wrong']} / {counts['unknown']}"


def summary_words(s: OutcomeSummary, lang: Lang) -> str:
    ind = s.results["indicators"]
    return t(
        "outcome_summary",
        lang,
        met=ind["met"],
        missed=ind["missed"],
        unknown=ind["unknown"],
        linear=_counts(s.indicators["linear"]),
        cagr=_counts(s.indicators["cagr"]),
        official=_counts(s.indicators["official"]),
        m_linear=_counts(s.metrics["linear"]),
        m_cagr=_counts(s.metrics["cagr"]),
    )


def outcome_notes(result: Backtest, lang: Lang) -> list[str]:
    """Under the outcome table (or instead of it, when nothing is known yet)."""
    lines = []
    if result.window.chosen_by == "mid-term":
        lines.append(t("outcome_midterm", lang, as_of=result.window.as_of))
    if not decided(result):
        latest = result.latest if result.latest is not None else "—"
        return [*lines, t("outcome_none", lang, latest=latest, end=result.plan.end_year)]
    return [*lines, summary_words(result.summary.outcomes, lang), *by_certainty_words(result, lang)]


def by_certainty_words(result: Backtest, lang: Lang) -> list[str]:
    """The chosen method's verdicts that came true, per how sure they were as of A."""
    from .certainty_words import sure_word

    rows = result.summary.by_certainty
    if not rows:
        return []
    parts = [
        t("outcome_class", lang, sure=sure_word(c, lang), right=n["right"], wrong=n["wrong"], unknown=n["unknown"])
        for c, n in rows.items()
    ]
    return [t("outcome_by_certainty", lang, method=result.window.method, rows="; ".join(parts))]


# ---------------------------------------------------------------- the accuracy table


def _share(counts: dict[str, int], came_true: float | None, lang: Lang) -> str:
    decided_count = counts["right"] + counts["wrong"]
    if came_true is None:
        return "—"
    return f"{counts['right']}/{decided_count} ({pct(came_true * 100, lang, 0)})"


def as_of_text(w: Window, lang: Lang) -> str:
    how = {"review": "as_of_by_review", "mid-term": "as_of_by_mid-term"}.get(w.chosen_by)
    return f"{w.as_of} ({t(how, lang)})" if how else str(w.as_of)


def _cells(s: OutcomeSummary, came_true: dict[str, float | None], lang: Lang) -> list[str]:
    r = s.results["indicators"]
    cells = [f"{r['met']} / {r['missed']} / {r['unknown']}"]
    return cells + [_share(s.indicators[k], came_true[k], lang) for k in COLUMNS]


def accuracy_header(lang: Lang) -> list[str]:
    return [t("h_plan", lang), t("h_as_of", lang), t("h_met_missed", lang), "linear", "cagr", t("h_official", lang)]


def accuracy_rows(result: Accuracy, lang: Lang) -> list[list[str]]:
    rows = [
        [f"{r.plan.id}\n{label(r.plan, lang)}", as_of_text(r.window, lang), *_cells(r.summary, r.came_true, lang)]
        for r in result.rows
    ]
    rows.append([t("h_total", lang), "", *_cells(result.total, result.came_true, lang)])
    return rows


def accuracy_title(result: Accuracy, lang: Lang) -> str:
    return t("accuracy_title", lang, count=len(result.rows))


def accuracy_summary(result: Accuracy, lang: Lang) -> str:
    r = result.total.results["indicators"]

    def share(key: str) -> str:
        value = result.came_true[key]
        return "—" if value is None else pct(value * 100, lang, 0)

    return t(
        "accuracy_summary",
        lang,
        plans=len(result.rows),
        indicators=sum(r.values()),
        decided=r["met"] + r["missed"],
        linear=share("linear"),
        cagr=share("cagr"),
        official=share("official"),
    )
