"""The review as a Word document (python-docx), laid out as Decree 30/2020/NĐ-CP sets for
administrative documents: A4, Times New Roman 13 pt, margins 20 mm top and bottom, 30 mm left,
15 mm right, page numbers at the top centre.

The title block and a summary to paste; the annex table on landscape pages, where its columns
fit; then a section per indicator: why, the pace, a chart (PNG) and the sources of its figures.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang
from midterm.words import clean, t
from midterm.words.names import label

from . import Options
from .annex import (
    COLOUR,
    TINT,
    annex_header,
    annex_notes,
    annex_rows,
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
    from docx.document import Document
    from docx.table import _Cell

    from midterm.scoring import Review, ReviewIndicator, ReviewMetric

FONT = "Times New Roman"
SIZE = 13  # pt, the body; the annex table 11 pt (10 when the years leave its columns narrow)
TABLE_SIZE = 11
CHART_SIZE = (6.3, 2.9)  # inches: the 160 mm the portrait text width leaves
# Annex column widths in mm (landscape text width: 297 - 30 - 15 = 252 mm); the year columns
# share what the others leave. A final review has six years or more: the others then narrow.
FIXED = {"no": 8, "name": 41, "unit": 16, "target": 26, "projected": 18, "ours": 22, "progress": 21, "report": 19}
COMPACT = {"no": 7, "name": 34, "unit": 13, "target": 22, "projected": 15, "ours": 20, "progress": 18, "report": 17}
TEXT_WIDTH = 252  # mm
YEAR_MAX = 24  # mm: wider than any figure; what is left goes to the names and targets
LANG_TAG = {"vi": "vi-VN", "en": "en-GB"}
# What XML 1.0 cannot hold and `clean` leaves (U+FFFE, U+FFFF): shown as an escape, as `clean`
# shows control characters, rather than ending the document in an error.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def report(review: Review, opts: Options) -> bytes:
    from docx import Document

    lang = opts.lang
    doc = Document()
    _styles(doc, lang)
    _page(doc.sections[0], landscape=False)
    _page_number(doc.sections[0])
    doc.core_properties.title = t("report_title", lang)
    doc.core_properties.language = LANG_TAG[lang]
    doc.core_properties.author = "midterm"

    _title_block(doc, review, lang)
    _annex(doc, review, lang)
    _details(doc, review, lang)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- page and styles


def _page(section: Any, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = section.footer_distance = Mm(10)


def _page_number(section: Any) -> None:
    """A PAGE field at the top centre; later sections keep the same header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    paragraph._p.append(field)


def _font(element: Any, size: float | None = None, lang: Lang | None = None) -> None:
    """Times New Roman for every script, the theme's fonts removed (Word would prefer them).
    Elements go where the schema puts them: Word refuses a file whose run properties are out of order."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for key in list(fonts.attrib):
        if key.endswith(("Theme", "theme")):
            del fonts.attrib[key]
    for script in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{script}"), FONT)
    if size is not None:
        rpr.get_or_add_sz().val = Pt(size)
    if lang is not None:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        tag = OxmlElement("w:lang")
        tag.set(qn("w:val"), LANG_TAG[lang])
        rpr.insert_element_before(tag, "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _styles(doc: Document, lang: Lang) -> None:
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    _font(normal.element, SIZE, lang)
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.1
    for name, size in (("Heading 1", 14), ("Heading 2", 13), ("Heading 3", 13), ("List Bullet", SIZE)):
        style = doc.styles[name]
        _font(style.element, size)
        style.font.color.rgb = RGBColor(0, 0, 0)
        if name.startswith("Heading"):
            style.font.bold = True
            style.font.italic = name == "Heading 3"
            style.paragraph_format.space_before = Pt(10 if name == "Heading 1" else 8)
            style.paragraph_format.space_after = Pt(4)


def _run(
    paragraph: Any,
    text: str,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
    size: float | None = None,
) -> Any:
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(_xml(text))
    run.bold, run.italic = bold or None, italic or None
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)
    if size:
        run.font.size = Pt(size)
    return run


def _xml(text: str) -> str:
    return _XML_ILLEGAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _verdict(paragraph: Any, verdict: str | None, text: str, bold: bool = False) -> None:
    """A verdict in its colour, after its symbol and with its word: never the colour alone."""
    _run(paragraph, text, bold=bold, colour=COLOUR.get(verdict or ""))


# ---------------------------------------------------------------- title block and summary


def _title_block(doc: Document, review: Review, lang: Lang) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    plan, term, window = title_lines(review, lang)
    for text, bold, size in ((t("report_title", lang), True, 14), (plan, True, 14), (term, False, None)):
        if not text:
            continue
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, text, bold=bold, size=size)
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, window, italic=True)
    doc.add_heading(t("report_summary", lang), level=1)
    for text in summary_paragraphs(review, lang):
        p = doc.add_paragraph(_xml(text))
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


# ---------------------------------------------------------------- the annex


def _annex(doc: Document, review: Review, lang: Lang) -> None:
    from docx.enum.section import WD_SECTION
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    _page(doc.add_section(WD_SECTION.NEW_PAGE), landscape=True)
    heading = doc.add_heading(t("report_annex", lang), level=1)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    header = annex_header(review, lang)
    years = len(review.years)
    widths, size = _widths(years)
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _narrow_margins(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    head = table.rows[0]
    _repeat_header(head)
    for cell, text, width in zip(head.cells, header, widths, strict=True):
        _cell(cell, text, Mm(width), size, bold=True, centre=True, shade="EDEDED")
    numeric = set(range(4, 5 + years))  # the years and the projection: right-aligned
    for row in annex_rows(review, lang):
        new = table.add_row()
        _keep_together(new)
        cells = new.cells
        bold = row.level == "indicator"
        unit = row.unit.replace("/", "/\u200b")  # "triệu đồng/người/năm" may break after a slash, not in a word
        texts = [row.no, row.name, unit, row.target, *row.years, row.projected, row.ours, row.progress]
        for k, (cell, text, width) in enumerate(zip(cells, texts, widths, strict=False)):
            colour = COLOUR.get(row.verdict) if k == len(texts) - 2 else None
            tint = TINT.get(row.verdict) if k == len(texts) - 2 else None
            _cell(cell, text, Mm(width), size, bold=bold, right=k in numeric, colour=colour, shade=tint)
        tone = row.official_verdict or ""
        _cell(cells[-1], row.official, Mm(widths[-1]), size, bold=bold, colour=COLOUR.get(tone), shade=TINT.get(tone))
    for note in annex_notes(review, lang):
        _run(doc.add_paragraph(), note, italic=True, size=TABLE_SIZE)


def _widths(years: int) -> tuple[list[float], float]:
    """The annex's column widths (mm) and its font size: a figure such as 185.530 on one line."""
    fixed: dict[str, float] = dict(FIXED)
    year = (TEXT_WIDTH - sum(fixed.values())) / max(years, 1)
    size: float = TABLE_SIZE
    if year < 19:
        fixed = dict(COMPACT)
        year = (TEXT_WIDTH - sum(fixed.values())) / max(years, 1)
        size = 10 if year >= 15 else 9
    year = min(year, YEAR_MAX)
    spare = TEXT_WIDTH - sum(fixed.values()) - year * years
    fixed["name"] += spare * 0.6
    fixed["target"] += spare * 0.4
    values = list(fixed.values())
    return values[:4] + [year] * years + values[4:], size


def _narrow_margins(table: Any) -> None:
    """1 mm either side of a cell's text instead of Word's 1.9 mm: room for a figure per line."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        node = OxmlElement(f"w:{side}")
        node.set(qn("w:w"), "57")  # twentieths of a point: 1 mm
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _keep_together(row: Any) -> None:
    """A row is never split across two pages."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_header(row: Any) -> None:
    """The header row again at the top of every page the table runs over."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    _keep_together(row)
    trpr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)


def _cell(
    cell: _Cell,
    text: str,
    width: Any,
    size: float,
    bold: bool = False,
    centre: bool = False,
    right: bool = False,
    colour: str | None = None,
    shade: str | None = None,
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    cell.width = width
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(p, text, bold=bold, colour=colour, size=size)
    if shade:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), shade)
        cell._tc.get_or_add_tcPr().append(shd)


# ---------------------------------------------------------------- one section per indicator


def _details(doc: Document, review: Review, lang: Lang) -> None:
    from docx.enum.section import WD_SECTION

    _page(doc.add_section(WD_SECTION.NEW_PAGE), landscape=False)
    doc.add_heading(t("report_details", lang), level=1)
    for item in review.indicators:
        _indicator(doc, review, item, lang)


def _indicator(doc: Document, review: Review, item: ReviewIndicator, lang: Lang) -> None:
    ind = item.score
    doc.add_heading(_xml(indicator_heading(ind.indicator, lang)), level=2)
    p = doc.add_paragraph()
    _run(p, t("h_ours", lang) + ": ")
    _verdict(p, ind.verdict, verdict_mark(ind.verdict, lang), bold=True)
    if ind.indicator.official:
        _run(p, f" · {t('h_report_verdict', lang)}: ")
        _verdict(p, ind.indicator.official, official_mark(ind, lang))
    names = {s.metric.id: label(s.metric, lang) for s in ind.metrics}
    progress = t("progress_line", lang, progress=progress_text(ind.progress, lang))
    doc.add_paragraph(_xml(sentence(f"{why(ind, lang, names)} · {progress}")))
    if ind.indicator.official_source:
        source = t("report_official_source", lang, source=ind.indicator.official_source)
        _run(doc.add_paragraph(), source, italic=True, size=11)
    if ind.indicator.note:
        _run(doc.add_paragraph(), clean(ind.indicator.note), italic=True, size=11)
    for m in item.metrics:
        _metric(doc, review, m, lang, names)


def _metric(doc: Document, review: Review, m: ReviewMetric, lang: Lang, names: dict[str, str]) -> None:
    from docx.shared import Mm

    from .figure import chart

    s = m.score
    doc.add_heading(_xml(metric_heading(s.metric, lang)), level=3)
    p = doc.add_paragraph()
    _verdict(p, s.verdict, metric_verdict(s, lang), bold=True)
    _run(p, f" {methods_in_words(s, lang)}")
    doc.add_paragraph(_xml(sentence(why(s, lang, names))))
    progress = t("progress_line", lang, progress=progress_text(s.progress, lang))
    doc.add_paragraph(_xml(sentence(f"{pace_text(s, lang)} · {progress}")))
    if s.metric.note:
        _run(doc.add_paragraph(), clean(s.metric.note), italic=True, size=11)
    if m.chart is not None:
        png = chart(m.chart, s.metric, review.window.method, lang, "png", CHART_SIZE)
        doc.add_picture(io.BytesIO(png), width=Mm(160))
    else:
        _run(doc.add_paragraph(), t("report_no_chart", lang, year=review.window.as_of), italic=True)
    if m.sources:
        _run(doc.add_paragraph(), t("report_sources", lang), bold=True, size=11)
        for o in m.sources:
            figure, source, note = source_text(o, s.metric, lang)
            p = doc.add_paragraph(style="List Bullet")
            _run(p, figure + ": ", bold=True, size=11)
            _run(p, source, size=11)
            if note:
                _run(p, f" {note}", italic=True, size=11)
