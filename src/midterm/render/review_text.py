"""The review's sentences: per indicator what a reviewer writes, in the manner of a mid-term report
("Tốc độ tăng trưởng kinh tế bình quân giai đoạn 2021-2023 đạt 7,92% (NQĐH là 9-10%/năm); dự báo
cả giai đoạn đạt khoảng 8,36%/năm, khó đạt mục tiêu đề ra"), opened by the count and the
differences from the official review, the indicators without data in one sentence.

Every figure comes from a `Finding` the scoring built; this module only words it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.words import clean, date, num, t
from midterm.words.names import label, unit

from .certainty_words import certainty_summary, sure_word
from .phrases import verdict_word

if TYPE_CHECKING:
    from midterm.models import Metric
    from midterm.scoring import Finding, Review, ReviewIndicator


def review_paragraphs(review: Review, lang: Lang) -> list[str]:
    """The count, the comparison with the official review, then one sentence per indicator with
    data, then one sentence for those without."""
    return [*opening(review, lang), *indicator_sentences(review, lang)]


def opening(review: Review, lang: Lang) -> list[str]:
    from .annex import decisive_text

    status = review.status
    counts = status.summary.counts
    out = [
        t(
            "rv_count",
            lang,
            total=len(status.indicators),
            as_of=review.window.as_of,
            on=counts["on-track"],
            hard=counts["hard"],
            none=counts["insufficient-data"],
        )
    ]
    sure = certainty_summary(status.summary, lang)  # the verdicts counted by how sure they are
    if sure:
        out.append(sure)
    official = status.summary.official
    if any(official.values()):
        agreements = [i.agreement for i in status.indicators]
        out.append(
            t(
                "rv_official",
                lang,
                off_on=official["on-track"],
                off_hard=official["hard"],
                agree=agreements.count("agree"),
                differ=agreements.count("differ"),
                undecided=agreements.count("undecided"),
            )
        )
    for item in review.indicators:
        ind = item.score
        if ind.agreement != "differ":
            continue
        out.append(
            t(
                "report_differs",
                lang,
                no=ind.indicator.no,
                name=label(ind.indicator, lang),
                official=verdict_word(ind.indicator.official, lang),
                ours=verdict_word(ind.verdict, lang),
                why=decisive_text(ind, item.decisive, lang),
            )
        )
    return out


def indicator_sentences(review: Review, lang: Lang) -> list[str]:
    out: list[str] = []
    missing: list[str] = []
    for item in review.indicators:
        text = indicator_sentence(item, review, lang)
        if text is None:
            missing.append(t("rv_item", lang, no=item.score.indicator.no, name=label(item.score.indicator, lang)))
        else:
            out.append(text)
    if missing:
        out.append(t("rv_missing", lang, items="; ".join(missing)))
    return out


def indicator_sentence(item: ReviewIndicator, review: Review, lang: Lang) -> str | None:
    """The indicator's sentence; None when none of its metrics has a figure to cite."""
    found = [m.finding for m in item.metrics if m.finding.has_data]
    if not found:
        return None
    clauses = [metric_clause(f, review, lang) for f in found]
    ind = item.score
    if len(item.metrics) == 1:
        return _sentence(clauses[0])
    name = label(ind.indicator, lang)
    joined = "; ".join(_lower(c) for c in clauses)
    if ind.verdict == "insufficient-data":
        return t("rv_indicator_open", lang, name=name, clauses=joined)
    return t("rv_indicator", lang, name=name, clauses=joined, verdict=t(f"rv_{ind.verdict}", lang))


def metric_clause(f: Finding, review: Review, lang: Lang) -> str:
    """One metric: the figure so far, the target, the projection, the verdict."""
    s = f.score
    m = s.metric
    w = review.window
    assert f.so_far is not None
    name = label(m, lang)
    value = quantity(f.so_far, m, lang)
    target = t("rv_target", lang, target=written(m, lang))
    if m.kind == "trend":
        return t("rv_trend", lang, name=name, year=f.last, value=value, verdict=verdict_word(s.verdict, lang))
    if m.threshold is None:
        return t("rv_no_target", lang, name=name, year=f.last, value=value)
    projected = quantity(f.projected, m, lang) if f.projected is not None else None
    done = projected is None or f.last == w.end
    args: dict[str, object] = {"name": name, "value": value, "target": target, "projected": projected}
    if m.kind == "average-growth":
        text = t(
            "rv_average_done" if done else "rv_average",
            lang,
            first=f.first,
            last=f.last,
            start=w.start,
            end=w.end,
            **args,
        )
    elif m.kind == "cumulative":
        upto = date(f.date, lang) if f.date is not None else f.last
        share = t("rv_share", lang, share=num(f.share, lang, 2) + "%") if f.share is not None else ""
        key = "rv_total_done" if done else "rv_total"
        text = t(key, lang, first=f.first, upto=upto, share=share, start=w.start, end=w.end, **args)
    else:
        # "Thu ngân sách ... trong năm" + "năm 2023": the year the sentence names says it once
        args["name"] = re.sub(r"\s+(trong năm|in the year)$", "", name)
        text = t("rv_value_done" if done else "rv_value", lang, year=f.last, end=w.end, **args)
    verdict = "achieved" if s.achieved else s.verdict
    phrase = t(f"rv_{verdict}", lang) if f"rv_{verdict}" in _PHRASES else verdict_word(verdict, lang)
    sure = sure_text(f, lang)
    return f"{text}, {phrase} ({sure})" if sure else f"{text}, {phrase}"


def sure_text(f: Finding, lang: Lang) -> str:
    """How sure the verdict is, and the 80% range of the projection: "chưa chắc: khoảng 7,10-9,60%/năm";
    "" for a verdict without a certainty."""
    word = sure_word(f.certainty, lang)
    if not word or f.range is None:
        return word
    lo, hi = f.range
    m = f.score.metric
    places = 0 if max(abs(lo), abs(hi)) >= 1000 else 2  # both ends alike: "34,91-57,10%", not "57,1%"
    key = "rv_sure_range_to" if lo < 0 else "rv_sure_range"  # "-211-3.455" would read as a subtraction
    return t(key, lang, sure=word, lo=num(lo, lang, places), hi=quantity(hi, m, lang, places))


_PHRASES = {"rv_on-track", "rv_hard", "rv_achieved", "rv_insufficient-data", "rv_n/a"}


def quantity(value: float, metric: Metric, lang: Lang, places: int | None = None) -> str:
    """A figure with its unit as a sentence writes it: "7,92%/năm", "93,2 triệu đồng"."""
    if places is None and metric.kind == "average-growth":
        places = 2
    text = num(value, lang, places)
    u = unit(metric, lang).strip()
    if not u:
        return text
    return f"{text}{u}" if u.startswith("%") else f"{text} {u}"


def written(metric: Metric, lang: Lang) -> str:
    """The target as the resolution writes it, else as we read it."""
    from .phrases import target_text

    if metric.target_text and lang == "vi":
        return clean(metric.target_text)
    text = target_text(metric, lang)
    u = unit(metric, lang).strip()
    if not u:
        return text
    if metric.kind == "average-growth":  # "9-10%" and "%/năm": the percent sign once
        text = text.removesuffix("%")
    return text + u if u.startswith("%") else f"{text} {u}"


def _lower(text: str) -> str:
    """A clause inside a sentence: "Tỷ trọng" becomes "tỷ trọng", "GRDP" stays."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
