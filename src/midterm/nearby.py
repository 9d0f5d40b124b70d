"""What a wrong id is likely meant to be: the ids spelt nearly so, the ids whose name it spells
(`thu-ngan-sach` is "Thu ngân sách", budget-revenue), else where the ids are listed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import Lang, t
from .load import nearest
from .options import fold

if TYPE_CHECKING:
    from .models import Dataset


def hint(word: str, data: Dataset, lang: Lang) -> str:
    ids = [i.id for i in data.targets.indicators] + [m.id for _, m in data.metrics()]
    named: dict[str, str] = {}  # a folded name (any language) -> its id
    pairs = [(i.id, i.name, i.name_en) for i in data.targets.indicators]
    pairs += [(m.id, m.name, m.name_en) for _, m in data.metrics()]
    for item_id, *names in pairs:
        for name in names:
            if name:
                named.setdefault(fold(name), item_id)
    # ids spelt nearly so first; only when there is none, the ids whose name the word spells
    found = nearest(word.strip().lower(), ids) or list(dict.fromkeys(named[n] for n in nearest(fold(word), named)))
    if found:
        return t("hint_ids", lang, ids=", ".join(found))
    if len(ids) <= 30:
        return t("hint_all_ids", lang, ids=", ".join(ids))
    return t("hint_status_ids", lang)
