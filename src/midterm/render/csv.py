"""CSV: numbers for spreadsheets and scripts, one row a metric (one a plan for a roll-up, one a
metric and year for a backtest). The columns are a contract, listed in docs/cli.md.

Numbers are written as numbers (a dot for decimals), names and reasons in the language asked
for. A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or
a carriage return) is written with a leading apostrophe, as OWASP advises; a line break inside a
cell is a quoted LF, never a bare CR that would start a new row.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from midterm.words.names import label, name_in, unit

from . import Options
from .certainty_words import sure_word
from .phrases import names_of, target_text, why
from .vintage_words import vintage_cells

if TYPE_CHECKING:
    from midterm.accuracy import Accuracy
    from midterm.models import Metric
    from midterm.rollup import Rollup
    from midterm.scoring import Backtest, Projection, Status
    from midterm.scoring.backtesting import IndicatorCheck, MetricCheck
    from midterm.scoring.outcomes import OutcomeSummary

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def inert(value: Any) -> Any:
    """A cell as data: a text that could start a formula gets a leading apostrophe; a truth value is
    true or false; a float has 12 significant digits (7.92, not the 7.919999999999994 of arithmetic)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.12g}"
    if isinstance(value, str) and "\r" in value:  # the csv module quotes a field with LF, not a bare CR,
        value = value.replace("\r\n", "\n").replace("\r", "\n")  # which a spreadsheet reads as a new row
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write(header: list[str], rows: list[list[Any]]) -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else inert(v) for v in row] for row in rows])
    return buffer.getvalue()


def _target(metric: Metric) -> tuple[float | None, float | None]:
    t = metric.target
    if t is None:
        return None, None
    return (t[0], t[1]) if isinstance(t, tuple) else (t, t)


# How sure each verdict is (METHOD: How sure a verdict is): after the older columns, so that none moves.
RANGE_COLUMNS = [f"{m}range_{end}" for m in ("", "linear_", "cagr_") for end in ("low", "high")]
CERTAINTY_COLUMNS = ["certainty", "certainty_text", "span", "horizon", *RANGE_COLUMNS, "indicator_certainty"]


def _ends(spread: tuple[float, float] | None) -> list[float | None]:
    return [None, None] if spread is None else [spread[0], spread[1]]


STATUS_COLUMNS = [
    "as_of",
    "indicator_no",
    "indicator",
    "indicator_name",
    "indicator_verdict",
    "indicator_progress",
    "indicator_score",
    "official",
    "metric",
    "name",
    "unit",
    "kind",
    "direction",
    "target_text",
    "target_low",
    "target_high",
    "threshold",
    "latest_year",
    "latest_value",
    "latest_basis",
    "latest_as_of",
    "projected",
    "bounded",
    "verdict",
    "progress",
    "score",
    "achieved",
    "robust",
    "linear_projected",
    "linear_verdict",
    "cagr_projected",
    "cagr_verdict",
    "required_pace",
    "observed_pace",
    "reason",
    *CERTAINTY_COLUMNS,
    "as_of_date",
    "earlier_vintages",
]


def status(status: Status, opts: Options) -> str:
    lang = opts.lang
    names = names_of(status, lang)
    rows = []
    for i in status.indicators:
        for s in i.metrics:
            m, latest = s.metric, s.latest
            low, high = _target(m)
            rows.append(
                [
                    status.window.as_of,
                    i.indicator.no,
                    i.indicator.id,
                    label(i.indicator, lang),
                    i.verdict,
                    i.progress.grade,
                    i.progress.score,
                    i.indicator.official,
                    m.id,
                    label(m, lang),
                    unit(m, lang),
                    m.kind,
                    m.direction,
                    m.target_text if m.target_text else (target_text(m, lang) if m.target is not None else None),
                    low,
                    high,
                    m.threshold,
                    latest and latest.year,
                    latest and latest.value,
                    latest and latest.basis,
                    latest.as_of.isoformat() if latest and latest.as_of else None,
                    s.projected,
                    s.bounded,
                    s.verdict,
                    s.progress.grade,
                    s.progress.score,
                    s.achieved,
                    s.robust,
                    s.by_method["linear"].projected,
                    s.by_method["linear"].verdict,
                    s.by_method["cagr"].projected,
                    s.by_method["cagr"].verdict,
                    s.required_pace,
                    s.observed_pace,
                    why(s, lang, names),
                    s.certainty,
                    sure_word(s.certainty, lang) or None,
                    s.span,
                    s.horizon,
                    *_ends(s.range),
                    *_ends(s.by_method["linear"].range),
                    *_ends(s.by_method["cagr"].range),
                    i.certainty,
                    *vintage_cells(status.window),
                ]
            )
    return write(STATUS_COLUMNS, rows)


PROJECT_COLUMNS = [
    "as_of",
    "indicator",
    "indicator_name",
    "metric",
    "name",
    "unit",
    "kind",
    "year",
    "target_text",
    "threshold",
    "observed",
    "projected",
    "linear_projected",
    "cagr_projected",
    "bounded",
    "gap",
    "verdict",
    "progress",
    "score",
    *RANGE_COLUMNS,
    "as_of_date",
    "earlier_vintages",
]


def project(projection: Projection, opts: Options) -> str:
    lang = opts.lang
    rows = []
    for indicator, at in projection.metrics:
        m = at.score.metric
        rows.append(
            [
                projection.window.as_of,
                indicator.id,
                label(indicator, lang),
                m.id,
                label(m, lang),
                unit(m, lang),
                m.kind,
                at.year,
                m.target_text if m.target_text else (target_text(m, lang) if m.target is not None else None),
                m.threshold,
                at.observed,
                at.projected,
                at.by_method["linear"],
                at.by_method["cagr"],
                at.score.bounded,
                at.gap,
                at.score.verdict,
                at.score.progress.grade,
                at.score.progress.score,
                *_ends(None if at.observed is not None else at.ranges.get(at.score.chosen)),
                *_ends(at.ranges.get("linear")),
                *_ends(at.ranges.get("cagr")),
                *vintage_cells(projection.window),
            ]
        )
    return write(PROJECT_COLUMNS, rows)


ROLLUP_COLUMNS = [
    "plan",
    "name",
    "as_of",
    "indicators",
    "on_track",
    "hard",
    "insufficient_data",
    "official_on_track",
    "official_hard",
    "disagreements",
    "undecided",
    "pressing",
    "pressing_name",
    "pressing_score",
    "error",
    "as_of_date",
    "earlier_vintages",
]


def rollup(result: Rollup, opts: Options) -> str:
    from midterm.words.problems import problem_message

    rows: list[list[Any]] = []
    for row in result.rows:
        s, pressing = row.summary, row.pressing
        rows.append(
            [
                row.plan.id,
                label(row.plan, opts.lang),
                row.window.as_of,
                row.indicators,
                s.counts["on-track"],
                s.counts["hard"],
                s.counts["insufficient-data"],
                s.official["on-track"],
                s.official["hard"],
                " ".join(s.disagreements),
                " ".join(s.undecided),
                pressing and pressing.id,
                pressing and name_in(pressing, opts.lang),
                pressing and pressing.progress.score,
                None,
                *vintage_cells(row.window),
            ]
        )
    for broken in result.broken:
        first = broken.problems[0]
        rows.append([None, broken.shown, *[None] * 12, problem_message(first, opts.lang), None, None])
    return write(ROLLUP_COLUMNS, rows)


BACKTEST_COLUMNS = [
    "indicator",
    "metric",
    "name",
    "year",
    "observed",
    "linear_predicted",
    "linear_error",
    "linear_relative_error",
    "cagr_predicted",
    "cagr_error",
    "cagr_relative_error",
    "closer",
    "verdict_then",
    "verdict_now",
    "outcome",
    "result",
    "linear_verdict",
    "linear_right",
    "cagr_verdict",
    "cagr_right",
    "indicator_result",
    "indicator_linear_right",
    "indicator_cagr_right",
    "official",
    "official_right",
    "linear_range_low",
    "linear_range_high",
    "linear_inside",
    "cagr_range_low",
    "cagr_range_high",
    "cagr_inside",
    "as_of",
    "as_of_date",
    "earlier_vintages",
]


def backtest(result: Backtest, opts: Options) -> str:
    rows: list[list[Any]] = []
    indicators = {i.indicator.id: i for i in result.indicators}
    for c in result.metrics:
        head = [c.indicator.id, c.metric.id, label(c.metric, opts.lang)]
        tail = [c.closer, c.verdict_then, c.verdict_now, c.outcome, *_judged(c, indicators[c.indicator.id])]
        when = [result.window.as_of, *vintage_cells(result.window)]
        if not c.years:
            rows.append([*head, *[None] * 8, *tail, *[None] * 6, *when])
        for y in c.years:
            guesses = [v for m in ("linear", "cagr") for v in y.by_method[m][:3]]
            inside = [v for m in ("linear", "cagr") for v in (*_ends(y.by_method[m].range), y.by_method[m].inside)]
            rows.append([*head, y.year, y.observed, *guesses, *tail, *inside, *when])
    return write(BACKTEST_COLUMNS, rows)


def _judged(c: MetricCheck, i: IndicatorCheck) -> list[Any]:
    """The outcome columns of a backtest row: the metric's and its indicator's (METHOD: Outcomes)."""
    j, ij = c.judged, i.judged
    metric = [j.result, j.verdicts["linear"], j.right.get("linear"), j.verdicts["cagr"], j.right.get("cagr")]
    return [*metric, ij.result, ij.right["linear"], ij.right["cagr"], i.indicator.official, ij.official]


ACCURACY_COLUMNS = [
    "plan",
    "name",
    "as_of",
    "as_of_from",
    "latest_year",
    "indicators",
    "met",
    "missed",
    "unknown",
    *[f"{k}_{j}" for k in ("linear", "cagr", "official") for j in ("right", "wrong", "unknown", "came_true")],
    "error",
]


def accuracy(result: Accuracy, opts: Options) -> str:
    """One row a plan, then the total (plan empty, name "total"), then one row a broken plan."""
    from midterm.words.problems import problem_message

    def counts(s: OutcomeSummary, came_true: dict[str, float | None]) -> list[Any]:
        r = s.results["indicators"]
        cells: list[Any] = [r["met"], r["missed"], r["unknown"]]
        for k in ("linear", "cagr", "official"):
            cells += [s.indicators[k]["right"], s.indicators[k]["wrong"], s.indicators[k]["unknown"], came_true[k]]
        return cells

    rows: list[list[Any]] = []
    for row in result.rows:
        w = row.window
        head = [row.plan.id, label(row.plan, opts.lang), w.as_of, w.chosen_by, row.latest, row.indicators]
        rows.append([*head, *counts(row.summary, row.came_true), None])
    total = sum(r.indicators for r in result.rows)
    rows.append([None, "total", None, None, None, total, *counts(result.total, result.came_true), None])
    for broken in result.broken:
        rows.append([None, broken.shown, *[None] * 19, problem_message(broken.problems[0], opts.lang)])
    return write(ACCURACY_COLUMNS, rows)
