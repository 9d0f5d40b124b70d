"""The table an import prints before it writes: each figure new, unchanged or replaced, the old
one beside the new. Words and numbers only: what changes was decided by `store`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from midterm.i18n import Lang, clean, t

if TYPE_CHECKING:
    from midterm.store import Outcome


def _figure(obs: dict[str, Any] | None, lang: Lang) -> str:
    if obs is None:
        return "—"
    text = exact(obs["value"], lang)
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


def table(outcomes: list[Outcome], places: dict[tuple[str, int], str], lang: Lang, width: int) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from midterm.render.table import _render

    grid = Table(box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
    for key in ("import_h_status", "import_h_cell", "form_h_id", "form_h_year", "import_h_old", "import_h_new"):
        grid.add_column(t(key, lang), overflow="fold")
    styles = {"new": "green", "unchanged": "dim", "replaced": "yellow"}
    for o in outcomes:
        status = Text(t(f"import_status_{o.status}", lang), style=styles[o.status])
        old = _figure(o.old, lang) if o.status == "replaced" else ""
        place = clean(places.get((o.metric, o.year), ""))
        grid.add_row(status, place, o.metric, str(o.year), old, _figure(o.new, lang))
    counts = {s: sum(o.status == s for o in outcomes) for s in styles}
    summary = Text(t("import_summary", lang, **counts))
    return _render([grid, summary], width, False)
