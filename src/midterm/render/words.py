"""The words every format shares: names, numbers with their units, verdicts, reasons, problems.

Formats differ in layout, never in wording: each phrase is written here once.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from midterm.i18n import Lang, clean, date, num, pct, reason_text, signed, t
from midterm.scoring import MetricScore

if TYPE_CHECKING:
    from midterm.models import Indicator, Metric, Observed, Plan
    from midterm.problems import Problem, Report
    from midterm.rollup import Rollup
    from midterm.scoring import Backtest, IndicatorScore, Method, Progress, Projection, Status, Window


def label(item: Plan | Indicator | Metric, lang: Lang) -> str:
    return clean((item.name_en if lang == "en" and item.name_en else item.name) or item.id)


def unit(metric: Metric, lang: Lang) -> str:
    return clean(metric.unit_en if lang == "en" and metric.unit_en else metric.unit)


def names_of(status: Status, lang: Lang) -> dict[str, str]:
    return {s.metric.id: label(s.metric, lang) for i in status.indicators for s in i.metrics}


def projection_names(projection: Projection, lang: Lang) -> dict[str, str]:
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


MARKS = {"differ": "≠ ", "undecided": "? "}  # the report's verdict, marked where ours differs or cannot decide


def official_text(ind: IndicatorScore, lang: Lang) -> str:
    official = ind.indicator.official
    if official is None:
        return ""
    return MARKS.get(ind.agreement or "", "") + verdict_word(official, lang)


def legend_text(status: Status, lang: Lang) -> str:
    """What the marks in the table mean, for the marks it shows."""
    parts = []
    if any(i.agreement == "differ" for i in status.indicators):
        parts.append(t("legend_differs", lang))
    if any(i.agreement == "undecided" for i in status.indicators):
        parts.append(t("legend_undecided", lang))
    if any(not m.robust for i in status.indicators for m in i.metrics):
        parts.append(t("legend_methods", lang))
    return "; ".join(parts)


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
    return t("window", lang, as_of=w.as_of, why=why, method=w.method, trend_from=w.trend_from, later=later)


def document_window_text(w: Window, lang: Lang) -> str:
    """The window in a document's words: no command-line options, the methods by their names."""
    why = t("as_of_review", lang) if w.chosen_by == "review" else ""
    later = t("doc_later_files", lang, latest=w.latest) if w.later else ""
    method = t(f"m_{w.method}", lang)
    return t("doc_window", lang, as_of=w.as_of, why=why, method=method, trend_from=w.trend_from, later=later)


def methods_in_words(score: MetricScore, lang: Lang) -> str:
    """Each method's verdict, the methods named in words: "(linear trend: hard; compound growth: hard)"."""
    parts = [f"{t(f'm_{k}', lang)}: {verdict_word(r.verdict, lang)}" for k, r in score.by_method.items()]
    return f"({'; '.join(parts)})"


def grade_word(progress: Progress, lang: Lang) -> str:
    return t(f"g_{progress.grade}", lang)


def progress_short(progress: Progress, lang: Lang) -> str:
    """The grade where a table has little room: "substantial · 2.53", or "—" when not available."""
    if progress.score is None:
        return "—"
    return f"{t(f'gs_{progress.grade}', lang)} · {num(progress.score, lang)}"


def progress_text(progress: Progress, lang: Lang) -> str:
    """The grade in words, with its score: "substantial progress (score 2.53)"."""
    if progress.score is None:
        return grade_word(progress, lang)
    return f"{grade_word(progress, lang)} ({t('score', lang, score=num(progress.score, lang))})"


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


# ---------------------------------------------------------------- problems found by validation


def toml_detail(detail: str, lang: Lang) -> str:
    """The standard library's TOML error in the user's language (built only when one is shown)."""
    if lang != "vi":
        return detail
    exact, patterns = _toml_vi()
    if detail in exact:
        return exact[detail]
    for pattern, words in patterns:
        match = re.fullmatch(pattern, detail)
        if match:
            return words.format(match.group(1))
    return detail


def _toml_vi() -> tuple[dict[str, str], list[tuple[str, str]]]:
    exact = {
        "Cannot overwrite a value": "không thể ghi đè một giá trị đã có (khóa hay bảng bị khai báo hai lần?)",
        "Escaped character is not a Unicode scalar value": "ký tự thoát không phải ký tự Unicode hợp lệ",
        "Expected '=' after a key in a key/value pair": "thiếu dấu '=' sau tên khóa",
        "Expected ']' at the end of a table declaration": "thiếu ']' ở cuối tên bảng",
        "Expected ']]' at the end of an array declaration": "thiếu ']]' ở cuối tên mảng bảng",
        "Expected newline or end of document after a statement": "sau một dòng khai báo phải xuống dòng",
        "Invalid date or datetime": "ngày hoặc giờ không hợp lệ",
        "Invalid hex value": "giá trị hex không hợp lệ",
        "Invalid initial character for a key part": "ký tự đầu của tên khóa không hợp lệ",
        "Invalid statement": "dòng không hợp lệ",
        "Invalid value": "giá trị không hợp lệ",
        "Unclosed array": "mảng chưa đóng ']'",
        "Unclosed inline table": "bảng nội dòng chưa đóng '}'",
        "Unescaped '\\' in a string": "dấu '\\' trong chuỗi chưa được thoát",
        "Unterminated string": "chuỗi chưa đóng dấu nháy",
        "nested too deeply": "lồng nhau quá sâu",
    }
    patterns = [
        (r"Cannot declare (.*) twice", "khai báo {} hai lần"),
        (r"Cannot mutate immutable namespace (.*)", "không thể sửa bảng {} đã khai báo trọn"),
        (r"Cannot redefine namespace (.*)", "không thể khai báo lại bảng {}"),
        (r"Duplicate inline table key (.*)", "khóa {} trùng trong bảng nội dòng"),
        (r"Expected (.*)", "cần {}"),
        (r"Found invalid character (.*)", "gặp ký tự không hợp lệ {}"),
        (r"Illegal character (.*)", "ký tự không được phép {}"),
    ]
    return exact, patterns


def problem_message(p: Problem, lang: Lang) -> str:
    args = dict(p.args)
    if p.key == "toml_syntax":
        args["detail"] = toml_detail(str(args["detail"]), lang)
        if args.pop("decimal_comma", False):
            args["detail"] += t("decimal_comma", lang)
    hint = args.pop("hint", None)
    args["hint"] = t("hint", lang, word=hint) if hint else ""
    if str(args.get("found", "")).startswith("t_"):
        args["found"] = t(args["found"], lang)
    if "expected" in args and str(args["expected"]).startswith("t_"):
        args["expected"] = t(args["expected"], lang)
    if "span" in args:
        args["span"] = t(f"span_{args['span']}", lang)
    if "lo" in args and "hi" in args and p.key in ("out_of_bounds", "target_out_of_range"):
        lo, hi = args.pop("lo"), args.pop("hi")
        bounds = "bounds_both" if lo != "" and hi != "" else ("bounds_min" if lo != "" else "bounds_max")
        args["bounds"] = t(bounds, lang, lo=lo, hi=hi)
    check = args.pop("check", None)
    text = t(p.key, lang, **args)
    return text + t("acknowledged", lang, check=check) if check else text


def problem_line(p: Problem, lang: Lang) -> str:
    """The one line a person reads: file:line:col: severity: path: message."""
    path = f"{p.path}: " if p.path else ""
    return clean(f"{p.place()}: {t(p.severity, lang)}: {path}{problem_message(p, lang)}")


def problem_doc(p: Problem, lang: Lang) -> dict[str, Any]:
    return {
        "file": p.file,
        "line": p.line,
        "column": p.column,
        "path": p.path,
        "message": problem_message(p, lang),
        "severity": p.severity,
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


# ---------------------------------------------------------------- several plans, and backtests


def rollup_summary(result: Rollup, lang: Lang) -> str:
    rows = result.rows
    return t(
        "rollup_summary",
        lang,
        plans=len(rows),
        indicators=sum(r.indicators for r in rows),
        on=sum(r.summary.counts["on-track"] for r in rows),
        hard=sum(r.summary.counts["hard"] for r in rows),
        none=sum(r.summary.counts["insufficient-data"] for r in rows),
        differ=sum(len(r.summary.disagreements) for r in rows),
    )


def rollup_rows(result: Rollup, lang: Lang) -> list[list[str]]:
    rows = []
    for r in result.rows:
        s, pressing = r.summary, r.pressing
        press = "—"
        if pressing is not None:
            name = clean(pressing.name_en if lang == "en" and pressing.name_en else pressing.name)
            press = f"{pressing.no}. {name} ({progress_short(pressing.progress, lang)})"
        rows.append(
            [
                f"{r.plan.id}\n{label(r.plan, lang)}",
                str(r.window.as_of),
                str(s.counts["on-track"]),
                str(s.counts["hard"]),
                str(s.counts["insufficient-data"]),
                str(len(s.disagreements)),
                press,
            ]
        )
    return rows


def rollup_header(lang: Lang) -> list[str]:
    return [t(k, lang) for k in ("h_plan", "h_as_of", "h_on", "h_hard", "h_none", "h_differs", "h_pressing")]


def percent_or_dash(value: float | None, lang: Lang) -> str:
    return "—" if value is None else pct(value * 100, lang, 1)


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
