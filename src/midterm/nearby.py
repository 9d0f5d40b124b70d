"""What a wrong id in `show` is likely meant to be: the ids spelt nearly so, else the ids whose
name it spells (`thu-ngan-sach` is "Thu ngân sách", budget-revenue); worded by `request`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .options import Near, fold

if TYPE_CHECKING:
    from .models import Dataset


def near(word: str, data: Dataset) -> Near:
    """The hint for a wrong id: every indicator and metric id, and their names in either language."""
    from .scoring import known_ids

    named: dict[str, str] = {}  # a folded name (any language) -> its id; the first to have it keeps it
    pairs = [(i.id, i.name, i.name_en) for i in data.targets.indicators]
    pairs += [(m.id, m.name, m.name_en) for _, m in data.metrics()]
    for item_id, *names in pairs:
        for name in names:
            if name:
                named.setdefault(fold(name), item_id)
    return Near(word, known_ids(data), named)
