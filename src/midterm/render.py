"""Results to text. Each output format is a pure function `format(result) -> str`.

Nothing is computed here: the scoring core decides, a renderer only writes it down.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .i18n import Lang, clean, date, num, pct, reason_text, signed, t
from .load import Problem, Report
from .scoring import METHODS, MetricScore

# ---------------------------------------------------------------- validate


def _shown(report: Report, notices: bool) -> list[Problem]:
    return [p for p in report.problems if notices or p.severity != "notice"]


def validate_text(report: Report, lang: Lang, *, notices: bool = False, strict: bool = False, **_: Any) -> str:
    return "".join(clean(p.text(lang)) + "\n" for p in _shown(report, notices))


def validate_json(
    report: Report, lang: Lang, *, notices: bool = True, strict: bool = False, pretty: bool = False
) -> str:
    # JSON readers filter for themselves: notices are always in it.
    return to_json({"ok": report.ok(strict), "errors": [p.as_dict(lang) for p in report.problems]}, pretty)


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def validate_github(report: Report, lang: Lang, *, notices: bool = False, strict: bool = False, **_: Any) -> str:
    """GitHub workflow commands: each problem becomes an annotation on its file and line."""
    lines = []
    for p in _shown(report, notices):
        props = [f"file={_gh_escape(p.file, True)}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        if p.column is not None:
            props.append(f"col={p.column}")
        path = f"{p.path}: " if p.path else ""
        lines.append(f"::{p.severity} {','.join(props)}::{_gh_escape(clean(path + p.message(lang)))}\n")
    return "".join(lines)


VALIDATE_FORMATS: dict[str, Callable[..., str]] = {
    "text": validate_text,
    "json": validate_json,
    "github": validate_github,
}


def validate_summary(report: Report, lang: Lang) -> str:
    count = {s: sum(p.severity == s for p in report.problems) for s in ("error", "warning", "notice")}
    return t(
        "validate_ok",
        lang,
        files=report.files,
        errors=count["error"],
        warnings=count["warning"],
        notices=count["notice"],
    )


def to_json(doc: Any, pretty: bool = False) -> str:
    """Indented for a person at a terminal; compact for a program, where the C encoder is 20x faster."""
    if pretty:
        return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return json.dumps(doc, ensure_ascii=False, allow_nan=False, separators=(",", ":")) + "\n"


# ---------------------------------------------------------------- status and project: words

if TYPE_CHECKING:
    from rich.table import Table

    from .models import Indicator, Metric, Plan
    from .scoring import IndicatorScore, Method, Projection, Status, Window


def label(item: Plan | Indicator | Metric, lang: Lang) -> str:
    return clean((item.name_en if lang == "en" and item.name_en else item.name) or item.id)


def unit(metric: Metric, lang: Lang) -> str:
    return clean(metric.unit_en if lang == "en" and metric.unit_en else metric.unit)


def _names(status: Status, lang: Lang) -> dict[str, str]:
    return {s.metric.id: label(s.metric, lang) for i in status.indicators for s in i.metrics}


def _projection_names(projection: Projection, lang: Lang) -> dict[str, str]:
    return {m.score.metric.id: label(m.score.metric, lang) for _, m in projection.metrics}


def why(score: MetricScore | IndicatorScore, lang: Lang, names: dict[str, str]) -> str:
    # an average-growth metric speaks in rates: its reason's numbers are percentages
    percent = isinstance(score, MetricScore) and score.metric.kind == "average-growth"
    return reason_text(score.reason.key, score.reason.args, lang, percent, names)


def verdict_word(verdict: str | None, lang: Lang) -> str:
    return t(f"v_{verdict}", lang) if verdict else ""


def value_text(value: float | None, metric: Metric, lang: Lang) -> str:
    if value is None:
        return "—"
    return pct(value, lang) if metric.kind == "average-growth" else num(value, lang)


def target_text(metric: Metric, lang: Lang) -> str:
    target = metric.target
    if target is None:
        return "—"
    if isinstance(target, tuple):
        percent = "%" if metric.kind == "average-growth" else ""
        return f"{num(target[0], lang)}-{num(target[1], lang)}{percent}"
    sign = "≥ " if metric.direction == "up" else "≤ "
    return sign + value_text(target, metric, lang)


def latest_text(score: MetricScore, lang: Lang, sep: str = " ") -> str:
    """The latest value, then when (the date of a mid-year figure) and whether it is an estimate."""
    latest = score.latest
    if latest is None:
        return "—"
    when = str(latest.year)
    if latest.as_of and (latest.as_of.month, latest.as_of.day) != (12, 31):
        when = latest.as_of.strftime("%m/%Y") if lang == "vi" else latest.as_of.strftime("%Y-%m")
    mark = f" {t(latest.basis, lang)}" if latest.basis != "official" else ""
    return f"{value_text(latest.value, score.metric, lang)}{sep}{when}{mark}"


def methods_text(score: MetricScore, lang: Lang) -> str:
    """Empty when the methods agree; otherwise what the other method says."""
    if score.robust:
        return ""
    other: Method = "cagr" if score.chosen == "linear" else "linear"
    return f"≠ {other}: {verdict_word(score.by_method[other].verdict, lang)}"


def official_text(ind: IndicatorScore, lang: Lang) -> str:
    official = ind.indicator.official
    if official is None:
        return ""
    mark = ""
    if ind.verdict in ("on-track", "hard") and ind.verdict != official:
        mark = "≠ "
    elif ind.verdict == "insufficient-data":
        mark = "? "
    return mark + verdict_word(official, lang)


def summary_text(status: Status, lang: Lang) -> str:
    s = status.summary
    number = {i.indicator.id: str(i.indicator.no) for i in status.indicators}
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
    return t("window", lang, as_of=w.as_of, method=w.method, trend_from=w.trend_from)


# ---------------------------------------------------------------- status and project: JSON


def _metric_doc(score: MetricScore, lang: Lang, names: dict[str, str]) -> dict[str, Any]:
    m = score.metric
    latest = score.latest
    return {
        "id": m.id,
        "name": m.name,
        "name_en": m.name_en,
        "unit": m.unit,
        "kind": m.kind,
        "direction": m.direction,
        "target": list(m.target) if isinstance(m.target, tuple) else m.target,
        "target_text": m.target_text,
        "threshold": m.threshold,
        "latest": None
        if latest is None
        else {
            "year": latest.year,
            "value": latest.value,
            "basis": latest.basis,
            "as_of": latest.as_of.isoformat() if latest.as_of else None,
        },
        "projected": score.projected,
        "verdict": score.verdict,
        "achieved": score.achieved,
        "robust": score.robust,
        "by_method": {k: {"projected": r.projected, "verdict": r.verdict} for k, r in score.by_method.items()},
        "required_pace": score.required_pace,
        "observed_pace": score.observed_pace,
        "reason": why(score, lang, names),
    }


def status_doc(status: Status, lang: Lang) -> dict[str, Any]:
    """The JSON contract of `midterm status` (CLI.md)."""
    names = _names(status, lang)
    s = status.summary
    return {
        "plan": status.plan.id,
        "baseline_year": status.plan.baseline_year,
        "end_year": status.plan.end_year,
        "as_of": status.window.as_of,
        "method": status.window.method,
        "trend_from": status.window.trend_from,
        "language": lang,
        "summary": {
            **s.counts,
            "official": s.official,
            "disagreements": s.disagreements,
            "undecided": s.undecided,
            "text": summary_text(status, lang),
        },
        "indicators": [
            {
                "id": i.indicator.id,
                "no": i.indicator.no,
                "name": i.indicator.name,
                "name_en": i.indicator.name_en,
                "verdict": i.verdict,
                "official": i.indicator.official,
                "official_source": i.indicator.official_source,
                "reason": why(i, lang, names),
                "metrics": [_metric_doc(m, lang, names) for m in i.metrics],
            }
            for i in status.indicators
        ],
    }


def projection_doc(projection: Projection, lang: Lang) -> dict[str, Any]:
    """`project --format json`: status's metric objects, with the year and the quantities at it."""
    names = _projection_names(projection, lang)
    metrics = []
    for indicator, at in projection.metrics:
        doc = _metric_doc(at.score, lang, names)
        threshold = at.score.metric.threshold
        doc.update(
            indicator=indicator.id,
            year=at.year,
            observed=at.observed,
            projected=at.projected,
            gap=None if at.projected is None or threshold is None else at.projected - threshold,
        )
        for method, value in at.by_method.items():
            doc["by_method"][method]["projected"] = value
        metrics.append(doc)
    return {
        "plan": projection.plan.id,
        "baseline_year": projection.plan.baseline_year,
        "end_year": projection.plan.end_year,
        "as_of": projection.window.as_of,
        "method": projection.window.method,
        "trend_from": projection.window.trend_from,
        "year": projection.year,
        "language": lang,
        "metrics": metrics,
    }


def status_json(status: Status, lang: Lang, pretty: bool = False, **_: Any) -> str:
    return to_json(status_doc(status, lang), pretty)


def project_json(projection: Projection, lang: Lang, pretty: bool = False, **_: Any) -> str:
    return to_json(projection_doc(projection, lang), pretty)


# ---------------------------------------------------------------- CSV: numbers for machines, one row a metric


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue()


def status_csv(status: Status, lang: Lang, **_: Any) -> str:
    names = _names(status, lang)
    header = [
        "indicator_no",
        "indicator",
        "indicator_verdict",
        "official",
        "metric",
        "name",
        "unit",
        "kind",
        "direction",
        "latest_year",
        "latest_value",
        "latest_basis",
        "threshold",
        "projected",
        "verdict",
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
    rows = []
    for i in status.indicators:
        for s in i.metrics:
            latest = s.latest
            rows.append(
                [
                    i.indicator.no,
                    i.indicator.id,
                    i.verdict,
                    i.indicator.official,
                    s.metric.id,
                    label(s.metric, lang),
                    unit(s.metric, lang),
                    s.metric.kind,
                    s.metric.direction,
                    latest and latest.year,
                    latest and latest.value,
                    latest and latest.basis,
                    s.metric.threshold,
                    s.projected,
                    s.verdict,
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
    return _csv(header, rows)


def project_csv(projection: Projection, lang: Lang, **_: Any) -> str:
    header = [
        "indicator",
        "metric",
        "name",
        "unit",
        "kind",
        "year",
        "threshold",
        "observed",
        "projected",
        "linear_projected",
        "cagr_projected",
        "gap",
        "verdict",
    ]
    rows = []
    for indicator, at in projection.metrics:
        m = at.score.metric
        gap = None if at.projected is None or m.threshold is None else at.projected - m.threshold
        rows.append(
            [
                indicator.id,
                m.id,
                label(m, lang),
                unit(m, lang),
                m.kind,
                at.year,
                m.threshold,
                at.observed,
                at.projected,
                at.by_method["linear"],
                at.by_method["cagr"],
                gap,
                at.score.verdict,
            ]
        )
    return _csv(header, rows)


# ---------------------------------------------------------------- Markdown and the terminal table


def _status_rows(status: Status, lang: Lang, sep: str = " ") -> list[tuple[str, list[str], str]]:
    """(style, cells, reason) rows shared by the Markdown and the terminal table."""
    names = _names(status, lang)
    rows = []
    for i in status.indicators:
        cells = [
            str(i.indicator.no),
            label(i.indicator, lang),
            "",
            "",
            "",
            verdict_word(i.verdict, lang),
            official_text(i, lang),
        ]
        rows.append(("indicator:" + i.verdict, cells, why(i, lang, names)))
        for s in i.metrics:
            name = f"{label(s.metric, lang)} ({unit(s.metric, lang)})"
            verdict = verdict_word(s.verdict, lang)
            if not s.robust:
                verdict += sep + methods_text(s, lang)
            cells = [
                "",
                name,
                latest_text(s, lang, sep),
                target_text(s.metric, lang),
                value_text(s.projected, s.metric, lang),
                verdict,
                "",
            ]
            rows.append(("metric:" + s.verdict, cells, why(s, lang, names)))
    return rows


def _status_header(status: Status, lang: Lang) -> list[str]:
    return [
        t("h_no", lang),
        t("h_indicator", lang),
        t("h_latest", lang),
        t("h_target", lang),
        t("h_projected", lang, year=status.plan.end_year),
        t("h_verdict", lang),
        t("h_official", lang),
    ]


def _md(cell: str) -> str:
    return cell.replace("|", "\\|").replace("\n", " ")


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def status_markdown(status: Status, lang: Lang, **_: Any) -> str:
    rows = []
    for style, cells, reason in _status_rows(status, lang):
        if style.startswith("indicator"):
            cells = [cells[0], f"**{cells[1]}**", *cells[2:5], f"**{cells[5]}**", cells[6]]
        rows.append([*cells, reason])
    header = [*_status_header(status, lang), "…"]
    title = f"## {label(status.plan, lang)}\n\n{window_text(status.window, lang)}\n\n"
    return title + _md_table(header, rows) + "\n" + summary_text(status, lang) + "\n"


def _projection_rows(projection: Projection, lang: Lang) -> list[list[str]]:
    rows = []
    for _, at in projection.metrics:
        m = at.score.metric
        gap = None if at.projected is None or m.threshold is None else at.projected - m.threshold
        gap_text = "—" if gap is None else (signed(gap, lang, m.kind == "average-growth"))
        rows.append(
            [
                f"{label(m, lang)} ({unit(m, lang)})",
                target_text(m, lang),
                value_text(at.observed, m, lang),
                value_text(at.by_method["linear"], m, lang),
                value_text(at.by_method["cagr"], m, lang),
                gap_text,
            ]
        )
    return rows


def _projection_header(projection: Projection, lang: Lang) -> list[str]:
    observed = t("h_observed", lang, year=projection.year)
    return [t("h_indicator", lang), t("h_target", lang), observed, "linear", "cagr", t("h_gap", lang)]


def project_markdown(projection: Projection, lang: Lang, **_: Any) -> str:
    title = f"## {t('project_title', lang, year=projection.year)}\n\n{window_text(projection.window, lang)}\n\n"
    return title + _md_table(_projection_header(projection, lang), _projection_rows(projection, lang))


_STYLE = {
    "on-track": "green",
    "hard": "red",
    "insufficient-data": "yellow",
    "improving": "cyan",
    "stable": "cyan",
    "worsening": "magenta",
}


def _render(renderables: list[Any], width: int, color: bool) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
    )
    for item in renderables:
        console.print(item)
    return buffer.getvalue()


def _table(title: str, caption: str, header: list[str], wide: int) -> Table:
    """A table whose column `wide` (the names) takes the room the figures leave."""
    from rich import box
    from rich.table import Table

    table = Table(
        title=title,
        caption=caption,
        box=box.SIMPLE_HEAD,
        title_justify="left",
        caption_justify="left",
        padding=(0, 1, 0, 0),
        pad_edge=False,
        show_edge=False,
    )
    # Figures never wrap; names and verdicts take what room is left, and wrap.
    for i, name in enumerate(header):
        table.add_column(name, overflow="fold", no_wrap=i not in (wide, wide + 4))
    return table


def status_table(status: Status, lang: Lang, width: int = 100, color: bool = False, **_: Any) -> str:
    """The terminal view: rich builds it from Text objects, so names from data are never markup.

    When the figures would leave the names less than 34 columns, the indicator's number joins
    its name and the report's verdict goes under ours (an 80-column terminal, English words).
    """
    from rich.text import Text

    rows = _status_rows(status, lang, "\n")
    header = _status_header(status, lang)

    def needed(column: int) -> int:
        cells = [header[column], *(cells[column] for _, cells, _ in rows)]
        return max(len(line) for cell in cells for line in cell.split("\n")[:1]) + 2

    compact = width - sum(needed(c) for c in (0, 2, 3, 4, 5, 6)) < 34
    if compact:
        header = header[1:-1]
        header[-1] = f"{header[-1]}\n({t('h_official', lang).lower()})"
    table = _table(label(status.plan, lang), window_text(status.window, lang), header, 0 if compact else 1)
    for style, cells, reason in rows:
        row, verdict = style.split(":")
        word = verdict_word(verdict, lang)
        texts = [Text(c) for c in cells]
        texts[5].stylize(_STYLE.get(verdict, ""), 0, len(word))
        texts[5].stylize("dim", len(word))
        if row == "indicator":
            texts[1].stylize("bold")
            texts[5].stylize("bold")
        else:
            texts[1].append("\n" + reason, style="dim")
            texts[2].stylize("dim", len(cells[2].split("\n")[0]))
        if compact:
            texts[1] = Text(f"{cells[0]}. " if cells[0] else "") + texts[1]
            if cells[6]:
                texts[5].append(f"\n({cells[6]})")
            texts = texts[1:-1]
        table.add_row(*texts)
    return _render([table, Text(summary_text(status, lang))], width, color)


def project_table(projection: Projection, lang: Lang, width: int = 100, color: bool = False, **_: Any) -> str:
    from rich.text import Text

    table = _table(
        t("project_title", lang, year=projection.year),
        window_text(projection.window, lang),
        _projection_header(projection, lang),
        0,
    )
    for cells in _projection_rows(projection, lang):
        table.add_row(*[Text(c) for c in cells])
    return _render([table], width, color)


STATUS_FORMATS: dict[str, Callable[..., str]] = {
    "table": status_table,
    "json": status_json,
    "csv": status_csv,
    "markdown": status_markdown,
}
PROJECT_FORMATS: dict[str, Callable[..., str]] = {
    "table": project_table,
    "json": project_json,
    "csv": project_csv,
    "markdown": project_markdown,
}


# ---------------------------------------------------------------- show: one indicator or metric in depth

if TYPE_CHECKING:
    from .models import Observed
    from .scoring import Detail, Shown


def covers_text(o: Observed, lang: Lang, start: int) -> str:
    if o.obs.to_date:
        when = o.obs.as_of or dt.date(o.year, 12, 31)
        return t("covers_to_date", lang, start=start, date=date(when, lang))
    if o.obs.since is not None:
        return t("covers_since", lang, since=o.obs.since, year=o.year)
    return t("covers_year", lang)


def pace_text(score: MetricScore, lang: Lang) -> str:
    req, obs = score.required_pace, score.observed_pace
    kind = score.metric.kind
    percent = kind == "average-growth"
    if kind == "trend" and obs is not None:
        return t("pace_trend", lang, observed=signed(obs, lang))
    if req is None or obs is None:
        return t("pace_none", lang)
    if kind == "annual":
        return t("pace_annual", lang, required=num(req, lang), observed=num(obs, lang))
    key = "pace_growth" if percent else "pace_needs"
    return t(key, lang, required=signed(req, lang, percent), observed=signed(obs, lang, percent))


def _detail_doc(detail: Detail, lang: Lang, names: dict[str, str]) -> dict[str, Any]:
    doc = _metric_doc(detail.score, lang, names)
    doc["series"] = [
        {
            "year": o.year,
            "value": o.obs.value,
            "basis": o.obs.basis,
            "source": o.obs.source,
            "note": o.obs.note,
            "to_date": o.obs.to_date,
            "as_of": o.obs.as_of.isoformat() if o.obs.as_of else None,
            "since": o.obs.since,
        }
        for o in detail.observations
    ]
    doc["projection"] = {"years": detail.ahead, **detail.path}
    doc["pace"] = pace_text(detail.score, lang)
    doc["chart_points"] = [list(p) for p in detail.points]
    return doc


def show_doc(shown: Shown, lang: Lang) -> dict[str, Any]:
    ind = shown.indicator
    names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
    return {
        "as_of": shown.window.as_of,
        "method": shown.window.method,
        "trend_from": shown.window.trend_from,
        "indicator": {
            "id": ind.indicator.id,
            "no": ind.indicator.no,
            "name": ind.indicator.name,
            "name_en": ind.indicator.name_en,
            "verdict": ind.verdict,
            "official": ind.indicator.official,
            "official_source": ind.indicator.official_source,
            "reason": why(ind, lang, names),
        },
        "metrics": [_detail_doc(d, lang, names) for d in shown.details],
    }


def show_json(shown: Shown, lang: Lang, pretty: bool = False, **_: Any) -> str:
    return to_json(show_doc(shown, lang), pretty)


def chart(detail: Detail, w: Window, lang: Lang, width: int, height: int = 10) -> list[tuple[str, list[str]]]:
    """A small plot as lines of text, each with a style per character ("" for none).

    o observed, L and C each method's projection (dots between years), = the target's ends.
    Readable without colour: every series has its own character.
    """
    metric = detail.score.metric
    points = [(x, y) for x, y in detail.points if x <= w.end]
    if not points:
        return [(t("no_chart", lang), [""] * len(t("no_chart", lang)))]
    anchor = points[-1]
    lines = {
        m: [anchor] + [(float(x), v) for x, v in zip(detail.ahead, detail.path[m], strict=True) if v is not None]
        for m in ("cagr", "linear")
    }
    if metric.kind == "average-growth":  # rates: the trend starts from the latest yearly rate
        lines = {m: [anchor] + pts[1:] for m, pts in lines.items()}
    target = metric.target
    ends = list(target) if isinstance(target, tuple) else ([] if target is None else [target])
    ys = [y for _, y in points] + [y for pts in lines.values() for _, y in pts] + ends
    lo, hi = min(ys), max(ys)
    if not math.isfinite(hi - lo):
        return [(t("no_chart", lang), [""] * len(t("no_chart", lang)))]
    if hi - lo < 1e-12:
        lo, hi = lo - 1, hi + 1
    labels = [num(hi, lang), num(lo, lang)]
    pad = max(len(s) for s in labels) + 1
    plot = max(20, min(60, width - pad - 2))
    grid = [[" "] * plot for _ in range(height)]
    style = [[""] * plot for _ in range(height)]

    def col(x: float) -> int:
        return round((x - w.baseline) / (w.end - w.baseline) * (plot - 1))

    def row(y: float) -> int:
        return round((hi - y) / (hi - lo) * (height - 1))

    def put(x: float, y: float, char: str, look: str) -> None:
        if not math.isfinite((hi - y) / (hi - lo)):
            return
        c, r = col(x), row(y)
        if 0 <= c < plot and 0 <= r < height:
            grid[r][c], style[r][c] = char, look

    for end in ends:
        for c in range(plot):
            grid[row(end)][c], style[row(end)][c] = "=", "green"
    for method, mark, look in (("cagr", "C", "magenta"), ("linear", "L", "cyan")):
        pts = lines[method]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            steps = max(1, col(x1) - col(x0))
            for k in range(1, steps):
                put(x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps, "." if method == "linear" else ":", look)
            put(x1, y1, mark, look)
    for x, y in points:
        put(x, y, "o", "bold")
    out = []
    for r in range(height):
        label_text = labels[0] if r == 0 else (labels[1] if r == height - 1 else "")
        prefix = label_text.rjust(pad - 1) + " |"
        out.append((prefix + "".join(grid[r]), [""] * len(prefix) + style[r]))
    axis = [" "] * plot
    for year in range(w.baseline, w.end + 1):
        c = min(max(col(year) - 2, 0), plot - 4)
        if all(ch == " " for ch in axis[max(0, c - 1) : c + 4]):
            axis[c : c + 4] = list(str(year))
    prefix = " " * pad + " "
    out.append((" " * (pad - 1) + " +" + "-" * plot, [""] * (pad + 1 + plot)))
    out.append((prefix + "".join(axis), [""] * (len(prefix) + plot)))
    legend = t("legend", lang)
    out.append((prefix + legend, [""] * (len(prefix) + len(legend))))
    return out


def show_table(shown: Shown, lang: Lang, width: int = 100, color: bool = False, **_: Any) -> str:
    """The terminal view of `show`: for each metric its verdict and why, its series with sources,
    each method's projection year by year, the pace, and a chart."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    ind = shown.indicator
    names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
    out: list[Any] = []
    head = Text(f"{ind.indicator.no}. {label(ind.indicator, lang)}: ", style="bold")
    head.append(verdict_word(ind.verdict, lang), style=f"bold {_STYLE.get(ind.verdict, '')}")
    if ind.indicator.official:
        head.append(f" ({t('report_says', lang, verdict=verdict_word(ind.indicator.official, lang))})")
    out += [head, Text(why(ind, lang, names), style="dim"), Text(window_text(shown.window, lang), style="dim")]
    for detail in shown.details:
        s, m = detail.score, detail.score.metric
        out.append(Text(""))
        out.append(Text(f"{label(m, lang)} ({unit(m, lang)})", style="bold"))
        kind = t(f"k_{m.kind}", lang)
        out.append(Text(t("show_kind", lang, kind=kind, direction=t(m.direction, lang), target=target_text(m, lang))))
        verdicts = {k: verdict_word(r.verdict, lang) for k, r in s.by_method.items()}
        achieved = t("achieved_now", lang) if s.achieved else ""
        line = Text(t("show_verdict", lang, verdict=verdict_word(s.verdict, lang), achieved=achieved, **verdicts))
        line.stylize(_STYLE.get(s.verdict, ""))
        out += [line, Text(why(s, lang, names)), Text(pace_text(s, lang))]
        if m.note:
            out.append(Text(clean(m.note), style="dim"))
        series = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
        for i, name in enumerate(("h_year", "h_value", "h_covers", "h_basis", "h_source")):
            series.add_column(t(name, lang), overflow="fold", no_wrap=i < 2)
        for o in detail.observations:
            source = Text(clean(o.obs.source))
            if o.obs.note:
                source.append("\n" + clean(o.obs.note), style="dim")
            basis = t(o.obs.basis, lang) if o.obs.basis != "official" else t("official", lang)
            series.add_row(
                Text(str(o.year)),
                Text(value_text(o.obs.value, m, lang)),
                Text(covers_text(o, lang, shown.window.start)),
                Text(basis),
                source,
            )
        if detail.observations:
            out.append(series)
        if detail.ahead:
            path = Table(
                box=box.SIMPLE_HEAD,
                padding=(0, 1, 0, 0),
                pad_edge=False,
                show_edge=False,
                title=t("projection_of", lang, end=shown.window.end),
                title_justify="left",
            )
            path.add_column(t("h_method", lang))
            for year in detail.ahead:
                path.add_column(str(year), justify="right")
            for method in METHODS:
                path.add_row(method, *[value_text(v, m, lang) for v in detail.path[method]])
            out.append(path)
        for text, looks in chart(detail, shown.window, lang, width):
            line = Text(text)
            for i, look in enumerate(looks):
                if look:
                    line.stylize(look, i, i + 1)
            out.append(line)
    return _render(out, width, color)


SHOW_FORMATS: dict[str, Callable[..., str]] = {"table": show_table, "json": show_json}
