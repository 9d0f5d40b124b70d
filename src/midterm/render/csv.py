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

from midterm.words.names import label, unit

from . import Options
from .phrases import names_of, target_text, why

if TYPE_CHECKING:
    from midterm.models import Metric
    from midterm.rollup import Rollup
    from midterm.scoring import Backtest, Projection, Status

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
]


def rollup(result: Rollup, opts: Options) -> str:
    from midterm.files import display
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
                pressing and (pressing.name_en if opts.lang == "en" and pressing.name_en else pressing.name),
                pressing and pressing.progress.score,
                None,
            ]
        )
    for broken in result.broken:
        first = broken.problems[0]
        rows.append([None, display(broken.folder), *[None] * 12, problem_message(first, opts.lang)])
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
]


def backtest(result: Backtest, opts: Options) -> str:
    rows: list[list[Any]] = []
    for c in result.metrics:
        head = [c.indicator.id, c.metric.id, label(c.metric, opts.lang)]
        tail = [c.closer, c.verdict_then, c.verdict_now, c.outcome]
        if not c.years:
            rows.append([*head, *[None] * 8, *tail])
        for y in c.years:
            guesses = [v for m in ("linear", "cagr") for v in y.by_method[m]]
            rows.append([*head, y.year, y.observed, *guesses, *tail])
    return write(BACKTEST_COLUMNS, rows)
