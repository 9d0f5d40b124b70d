"""The formal parts of the review document, in words: a Party document (Hướng dẫn 36-HD/VPTW,
2018) or a state one (Nghị định 30/2020/NĐ-CP), from the plan's `[report]` table.

Every part the table leaves out is a dotted line to fill by hand, never a value made up here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from midterm.i18n import Lang
from midterm.words import clean, t
from midterm.words.names import label

if TYPE_CHECKING:
    from midterm.scoring import Review

BLANK = "……………………"
PLACE = "…………"  # a place to write in, short enough for the date line to stay on one line


class Form(NamedTuple):
    style: str  # "party" or "state"
    issuer: list[str]  # top left, one line each; the last is the issuing body itself (bold)
    number: str  # "Số -BC/TU" (party) or "Số: 12/BC-UBND" (state)
    national: list[str]  # top right: the Party's name, or the state's name and its motto
    dateline: str  # "Đồng Xoài, ngày 30 tháng 9 năm 2023", dotted where unknown
    title: str  # "BÁO CÁO"
    subject: str
    recipients: list[str]  # "Nơi nhận:" and its lines
    signer: list[str]  # on behalf of, the title (bold); the name after the room to sign


def form(review: Review, lang: Lang) -> Form:
    f = review.form
    plan = review.status.plan
    style = f.style if f is not None else "party"
    issuer = [clean(x) for x in f.issuer] if f is not None and f.issuer else [BLANK, BLANK]
    if f is not None and f.number is not None:
        written = clean(f.number)
        if written.startswith(("-", "/")):  # "-BC/TU": room before it for the number written by hand
            written = "\u00a0" * 8 + written
        number = t("fm_number", lang, number=written)
    else:
        number = t("fm_number", lang, number=BLANK)
    if style == "state":
        number = number.replace(" ", ": ", 1) if lang == "vi" else number
        national = [t("fm_state", lang), t("fm_motto", lang)]
    else:
        national = [t("fm_party", lang)]
    place = clean(f.place) if f is not None and f.place else PLACE
    when = f.date if f is not None else None
    if when is None:
        dateline = t("fm_blank_date", lang, place=place)
    else:
        dateline = t(
            "fm_date", lang, place=place, day=when.day, month=when.month, year=when.year, date=when.isoformat()
        )
    title = clean(f.title) if f is not None and f.title else t("fm_report", lang)
    if f is not None and f.subject:
        subject = clean(f.subject)
    else:
        subject = f"{t('report_title', lang)}: {label(plan, lang)}"
    listed = [clean(r) for r in f.recipients] if f is not None and f.recipients else [BLANK]
    recipients = [t("fm_recipients", lang), *(f"- {r};" for r in listed[:-1]), f"- {listed[-1]}."]
    signer = f.signer if f is not None else None
    on_behalf = clean(signer.on_behalf) if signer is not None and signer.on_behalf else BLANK
    role = clean(signer.title) if signer is not None and signer.title else BLANK
    name = clean(signer.name) if signer is not None and signer.name else BLANK
    return Form(style, issuer, number, national, dateline, title, subject, recipients, [on_behalf, role, name])
