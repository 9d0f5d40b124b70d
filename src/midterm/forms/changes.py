"""The table an import prints before it writes: each figure new, unchanged or replaced, the old
one beside the new. Words and numbers only: what changes was decided by `store`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang
from midterm.words import clean, t

if TYPE_CHECKING:
    from midterm.store import Outcome


def _figure(obs: dict[str, Any] | None, lang: Lang) -> str:
    if obs is None:
        return "—"
    text = exact(obs["value"], lang)
    if obs.get("to_date"):
        text += f" ({t('form_covers_to_date', lang)})"
    basis = obs.get("basis", "official")
    if basis != "official":
        text += f" ({t(f'form_basis_{basis}', lang)})"
    if obs.get("as_of") is not None:
        text += f", {obs['as_of'].isoformat()}"
    return text


def exact(value: float, lang: Lang) -> str:
    """Every digit the file will hold, grouped as the language writes numbers: 1.234,5 or 1,234.5."""
    text = format(value, ",")
    return text.translate(str.maketrans(",.", ".,")) if lang == "vi" else text


def table(outcomes: list[Outcome], places: dict[tuple[str, int, bool], str], lang: Lang, width: int) -> str:
    """Plain aligned columns: a form of thousands of rows prints in a blink (a rich table of them
    takes seconds), and the lines stay whole for grep; `width` only sizes the rule under the header."""
    from rich.cells import cell_len

    header = [t(k, lang) for k in ("import_h_status", "import_h_cell", "form_h_id", "form_h_year")]
    header += [t("import_h_old", lang), t("import_h_new", lang)]
    lines = [header]
    for o in outcomes:
        old = _figure(o.old, lang) if o.status == "replaced" else ""
        place = clean(places.get((o.metric, o.year, bool(o.new.get("to_date"))), ""))
        lines.append([t(f"import_status_{o.status}", lang), place, o.metric, str(o.year), old, _figure(o.new, lang)])
    widths = [max(cell_len(line[i]) for line in lines) for i in range(len(header))]

    def row(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - cell_len(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    rule = "─" * min(width, sum(widths) + 2 * (len(widths) - 1))
    counts = {s: sum(o.status == s for o in outcomes) for s in ("new", "unchanged", "replaced")}
    body = [row(line) for line in lines[1:]]
    return "\n".join([row(header), rule, *body, t("import_summary", lang, **counts)]) + "\n"
