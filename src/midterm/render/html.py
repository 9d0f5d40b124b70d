"""The review as one self-contained web page: inline CSS and SVG charts, nothing fetched.

Readable on a phone (the wide annex table scrolls inside its own box, the page never does),
printable on A4 (the annex on landscape pages), accessible: table headers with their scope,
each chart an image with a text alternative, verdicts by word and symbol as well as colour.
Every text from data files is escaped: a name or a source never becomes markup.
"""

from __future__ import annotations

import re
from html import escape
from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.words import clean, t
from midterm.words.names import label

from . import Options
from .annex import (
    annex_header,
    annex_notes,
    annex_rows,
    chart_alt,
    indicator_heading,
    metric_heading,
    metric_verdict,
    official_mark,
    sentence,
    source_text,
    summary_paragraphs,
    title_lines,
    verdict_mark,
)
from .phrases import methods_in_words, pace_text, progress_text, why

if TYPE_CHECKING:
    from midterm.scoring import Review, ReviewIndicator, ReviewMetric

CHART_SIZE = (4.8, 3.0)  # inches; the SVG scales to the width it is given: its text stays legible on a phone

CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:#1d1d1f;background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"Noto Sans","DejaVu Sans",Arial,sans-serif;overflow-wrap:anywhere}
header,main{max-width:76rem;margin:0 auto;padding:0 1rem}
p,ul,h1,.window{max-width:48rem}
header{padding-top:1.5rem;border-bottom:1px solid #ddd}
.kicker{margin:0;color:#555;text-transform:uppercase;font-size:.8rem;letter-spacing:.04em}
h1{font-size:1.45rem;line-height:1.25;margin:.25rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem}
h3{font-size:1.1rem;margin:1.75rem 0 .25rem;padding-top:.75rem;border-top:2px solid #ddd}
h4{font-size:1rem;margin:1.25rem 0 .25rem}
h5{font-size:.9rem;margin:.75rem 0 .25rem}
.window,.note{color:#555;font-size:.9rem}
.scroll{overflow-x:auto;max-width:100%;border:1px solid #ccc;-webkit-overflow-scrolling:touch}
.scroll:focus{outline:3px solid #1F5FAD;outline-offset:2px}
table{border-collapse:collapse;font-size:.85rem;min-width:60rem;width:100%;overflow-wrap:normal}
caption{text-align:left;padding:.4rem;font-weight:600}
th,td{border:1px solid #c8c8c8;padding:.3rem .4rem;vertical-align:top;text-align:left}
thead th{background:#ededed;text-align:center}
tbody th{font-weight:normal}
td.n{text-align:right;white-space:nowrap}
tr.ind th,tr.ind td{font-weight:700;background:#f7f7f7}
.v{font-weight:600}
.on-track{color:#1A7F37}.hard{color:#B42318}.insufficient-data{color:#8A5A00}.n\\/a,.stable{color:#555}
.improving{color:#1F5FAD}.worsening{color:#8A3FA0}
td.on-track{background:#E6F4EA}td.hard{background:#FCE8E6}td.insufficient-data{background:#FFF4D6}
.notes{font-size:.85rem;color:#444;padding-left:1.2rem;max-width:none}
figure{margin:1rem 0}
figure svg{display:block;width:100%;height:auto;max-width:40rem}
figure svg *{stroke-linejoin:round;stroke-linecap:butt}
figcaption{font-size:.85rem;color:#444}
.sources{font-size:.85rem;padding-left:1.2rem}
.sources li{margin:.2rem 0}
@page{size:A4;margin:20mm 15mm 20mm 30mm}
@page annex{size:A4 landscape;margin:20mm 15mm 20mm 30mm}
@media print{
p,ul,h1,.window{max-width:none}
body{font:12pt/1.35 "Times New Roman",Times,"Liberation Serif",serif}
header,main{max-width:none;padding:0}
.annex{page:annex;break-before:page}
.scroll{overflow:visible;border:0}
table{min-width:0;font-size:8.5pt}
thead{display:table-header-group}
tr,figure{break-inside:avoid}
h3,h4{break-after:avoid}
th,td,tr.ind th,tr.ind td,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""


def report(review: Review, opts: Options) -> bytes:
    lang = opts.lang
    plan, term, window = title_lines(review, lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        '<head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(t('report_title', lang))}: {_e(plan)}</title>",
        f"<style>{CSS}</style></head>",
        "<body><header>",
        f'<p class="kicker">{_e(t("report_title", lang))}</p>',
        f"<h1>{_e(plan)}</h1>",
        f"<p>{_e(term)}</p>" if term else "",
        f'<p class="window">{_e(window)}</p>',
        "</header><main>",
        f'<section aria-labelledby="summary"><h2 id="summary">{_e(t("report_summary", lang))}</h2>',
        *[f"<p>{_e(p)}</p>" for p in summary_paragraphs(review, lang)],
        "</section>",
        _annex(review, lang),
        f'<section aria-labelledby="details"><h2 id="details">{_e(t("report_details", lang))}</h2>',
        *[_indicator(review, item, lang) for item in review.indicators],
        "</section></main></body></html>",
    ]
    return ("\n".join(part for part in out if part) + "\n").encode("utf-8")


def _e(text: str) -> str:
    """Text as HTML: escaped, line breaks kept."""
    return "<br>".join(escape(clean(line), quote=True) for line in text.split("\n"))


def _verdict(verdict: str | None, text: str) -> str:
    """The word and the symbol, in the verdict's colour; the symbol is not read out twice."""
    if not text:
        return ""
    symbol, _, words = text.partition(" ") if verdict else ("", "", text)
    return f'<span class="v {escape(verdict or "")}"><span aria-hidden="true">{_e(symbol)}</span> {_e(words)}</span>'


def _official(verdict: str | None, text: str) -> str:
    """The report's verdict, after the mark that says ours differs (≠) or cannot decide it (?)."""
    mark = text[:2] if text[:2] in ("≠ ", "? ") else ""
    return _e(mark) + _verdict(verdict, text[len(mark) :])


# ---------------------------------------------------------------- the annex


def _annex(review: Review, lang: Lang) -> str:
    title = _e(t("report_annex", lang))
    header = annex_header(review, lang)
    years = len(review.years)
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    rows = []
    for r in annex_rows(review, lang):
        cls = ' class="ind"' if r.level == "indicator" else ""
        figures = "".join(f'<td class="n">{_e(c)}</td>' for c in [*r.years, r.projected])
        if r.level == "indicator":
            figures = f'<td colspan="{years + 1}"></td>'
        report = _official(r.official_verdict, r.official) if r.official_verdict else ""
        rows.append(
            f'<tr{cls}><td>{_e(r.no)}</td><th scope="row">{_e(r.name)}</th><td>{_e(r.unit)}</td>'
            f'<td>{_e(r.target)}</td>{figures}<td class="{escape(r.verdict)}">{_verdict(r.verdict, r.ours)}</td>'
            f"<td>{_e(r.progress)}</td><td>{report}</td></tr>"
        )
    notes = "".join(f"<li>{_e(n)}</li>" for n in annex_notes(review, lang))
    return (
        f'<section class="annex" aria-labelledby="annex"><h2 id="annex">{title}</h2>'
        f'<div class="scroll" role="region" aria-labelledby="annex" tabindex="0">'
        f"<table><caption>{_e(title_lines(review, lang)[2])}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f'<ul class="notes">{notes}</ul></section>'
    )


# ---------------------------------------------------------------- one indicator in depth


def _indicator(review: Review, item: ReviewIndicator, lang: Lang) -> str:
    ind = item.score
    names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
    key = f"i{ind.indicator.no}"
    parts = [
        f'<article aria-labelledby="{key}"><h3 id="{key}">{_e(indicator_heading(ind.indicator, lang))}</h3>',
        f"<p>{_e(t('h_ours', lang))}: {_verdict(ind.verdict, verdict_mark(ind.verdict, lang))}",
    ]
    if ind.indicator.official:
        shown = _official(ind.indicator.official, official_mark(ind, lang))
        parts.append(f" · {_e(t('h_report_verdict', lang))}: {shown}")
    progress = t("progress_line", lang, progress=progress_text(ind.progress, lang))
    parts.append(f"</p><p>{_e(sentence(f'{why(ind, lang, names)} · {progress}'))}</p>")
    if ind.indicator.official_source:
        source = t("report_official_source", lang, source=ind.indicator.official_source)
        parts.append(f'<p class="note">{_e(source)}</p>')
    if ind.indicator.note:
        parts.append(f'<p class="note">{_e(ind.indicator.note)}</p>')
    for k, m in enumerate(item.metrics):
        parts.append(_metric(review, m, lang, names, f"{key}m{k + 1}"))
    parts.append("</article>")
    return "".join(parts)


def _metric(review: Review, m: ReviewMetric, lang: Lang, names: dict[str, str], key: str) -> str:
    from .figure import chart

    s = m.score
    progress = t("progress_line", lang, progress=progress_text(s.progress, lang))
    parts = [
        f'<section aria-labelledby="{key}"><h4 id="{key}">{_e(metric_heading(s.metric, lang))}</h4>',
        f"<p>{_verdict(s.verdict, metric_verdict(s, lang))} {_e(methods_in_words(s, lang))}</p>",
        f"<p>{_e(sentence(why(s, lang, names)))}</p>",
        f"<p>{_e(sentence(f'{pace_text(s, lang)} · {progress}'))}</p>",
    ]
    if s.metric.note:
        parts.append(f'<p class="note">{_e(s.metric.note)}</p>')
    if m.chart is not None:
        alt = chart_alt(m, lang, review.window.end)
        svg = chart(m.chart, s.metric, review.window.method, lang, "svg", CHART_SIZE).decode("utf-8")
        parts.append(f"<figure>{_inline(svg, key, alt)}<figcaption>{_e(alt)}</figcaption></figure>")
    else:
        parts.append(f'<p class="note">{_e(t("report_no_chart", lang, year=review.window.as_of))}</p>')
    if m.sources:
        items = []
        for o in m.sources:
            figure, source, note = source_text(o, s.metric, lang)
            extra = f' <span class="note">{_e(note)}</span>' if note else ""
            items.append(f"<li><strong>{_e(figure)}</strong>: {_e(source)}{extra}</li>")
        parts.append(f'<h5>{_e(t("report_sources", lang))}</h5><ul class="sources">{"".join(items)}</ul>')
    parts.append("</section>")
    return "".join(parts)


_ROOT = re.compile(r"<svg\b[^>]*>")
_VIEWBOX = re.compile(r'viewBox="([^"]+)"')


def _inline(svg: str, key: str, alt: str) -> str:
    """matplotlib's SVG made fit for a page with others: no XML prolog, no stylesheet of its own
    (the page holds it), every id prefixed so that charts do not share one, sized by the page,
    and an image with a title for screen readers."""
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"<style[^>]*>.*?</style>", "", svg, flags=re.S)
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{key}-\1"', svg)
    svg = re.sub(r'\b((?:xlink:)?href)="#([^"]+)"', rf'\1="#{key}-\2"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", rf"url(#{key}-\1)", svg)
    root = _ROOT.search(svg)
    assert root is not None
    box = _VIEWBOX.search(root.group())
    view = f' viewBox="{box.group(1)}"' if box else ""
    head = f'<svg{view} role="img" aria-labelledby="{key}-title"><title id="{key}-title">{_e(alt)}</title>'
    return svg[: root.start()] + head + svg[root.end() :]
