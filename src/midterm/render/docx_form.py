"""The formal parts of the Word document, laid out: the heading block (issuer and number on the
left, the Party's or the state's name, and the place and date, on the right), the title and the
subject, and at the end the recipients beside the signature block.

Sizes and emphasis follow Hướng dẫn 36-HD/VPTW (Party) and Nghị định 30/2020/NĐ-CP, Phụ lục I
(state): the issuing body bold, the Party's name bold and underlined, the state's motto bold with a
rule below it, the place and date italic, "Nơi nhận" underlined (Party) or bold italic (state).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from docx.document import Document

    from .form import Form

LEFT, RIGHT = 78, 87  # mm: the two columns of the heading and of the closing (165 mm of text)
# a state heading's national name, 12 pt bold, needs about 90 mm to stay on one line (Decree 30)
STATE = (68, 97)
_DIGIT_HYPHEN = re.compile(r"(?<=\d)-(?=\d)")


def head(doc: Document, f: Form) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    party = f.style == "party"
    table = _grid(doc, widths=(LEFT, RIGHT) if party else STATE)
    left, right = table.rows[0].cells
    for k, line in enumerate(f.issuer):
        last = k == len(f.issuer) - 1
        _line(left, line, bold=last, size=(14 if len(line) <= 24 else 13) if party else 13)
    if party:
        _line(left, "*", size=14)
    _line(left, f.number, size=14 if party else 13, space_before=0 if party else 4)
    for k, line in enumerate(f.national):
        # the Party's name 15 pt, the state's 12-13 pt: each on one line of the column
        size = (15 if len(line) <= 24 else 13) if party and k == 0 else (12 if k == 0 else 13)
        _line(right, line, bold=True, underline=party or k == 1, size=size)
    _line(right, f.dateline, italic=True, size=14 if party else 13, space_before=6)
    for cell in (left, right):
        for p in cell.paragraphs:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = _pt(18)
    title.paragraph_format.keep_with_next = True
    unbroken(title, f.title, bold=True, size=16 if party else 14)
    subject = doc.add_paragraph()
    subject.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subject.paragraph_format.keep_with_next = True
    unbroken(subject, f.subject, bold=True, size=14)
    rule = doc.add_paragraph()
    rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
    unbroken(rule, "-----" if party else "", size=14)


def closing(doc: Document, f: Form) -> None:
    """The recipients on the left, the signature block on the right, kept on one page."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = _grid(doc, space=12)
    left, right = table.rows[0].cells
    party = f.style == "party"
    first, *rest = f.recipients
    _line(left, first, underline=party, bold=not party, italic=not party, size=14 if party else 12)
    for line in rest:
        _line(left, line, size=12 if party else 11)
    on_behalf, role, name = f.signer
    _line(right, on_behalf, bold=True, size=14 if party else 13)
    _line(right, role, bold=True, size=14 if party else 13)
    _line(right, "", size=14, space_before=48)  # room to sign and seal
    _line(right, name, bold=True, size=14)
    for p in right.paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    from .docx import _keep_together

    _keep_together(table.rows[0])


def unbroken(
    paragraph: Any,
    text: str,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    colour: str | None = None,
) -> None:
    """Text whose spans of years ("2020-2025") never break at the hyphen: Word's no-break hyphen."""
    from docx.oxml import OxmlElement

    from .docx import _run

    parts = _DIGIT_HYPHEN.split(text)
    for k, part in enumerate(parts):
        if k:
            run = _run(paragraph, "", bold=bold, italic=italic, size=size, colour=colour)
            run._r.append(OxmlElement("w:noBreakHyphen"))
        _run(paragraph, part, bold=bold, italic=italic, size=size, colour=colour)


def _grid(doc: Document, space: float = 0, widths: tuple[float, float] = (LEFT, RIGHT)) -> Any:
    """A two-column table without borders: Word's way to set two blocks side by side."""
    from docx.shared import Mm

    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
    for cell, width in zip(table.rows[0].cells, widths, strict=True):
        cell.width = Mm(width)
        cell.paragraphs[0].paragraph_format.space_before = _pt(space)
    return table


def _line(
    cell: Any,
    text: str,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    size: float = 14,
    space_before: float = 0,
) -> None:
    """A line in a cell: the cell's first paragraph while it is empty, else a new one."""
    p = cell.paragraphs[-1]
    if p.runs or p.text:
        p = cell.add_paragraph()
    p.paragraph_format.space_after = _pt(0)
    if space_before:
        p.paragraph_format.space_before = _pt(space_before)
    p.paragraph_format.line_spacing = 1.0
    p.paragraph_format.keep_with_next = True
    before = len(p.runs)
    unbroken(p, text, bold=bold, italic=italic, size=size)
    if underline:
        for run in p.runs[before:]:
            run.underline = True


def _pt(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)
