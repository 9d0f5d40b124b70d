"""Every sentence midterm prints, by key, in English and Vietnamese.

Code passes keys and values, so a message reads the same in every command and format. The
sentences live in one catalog per domain (`catalog/`); this module joins them and puts one
into words.
"""

from __future__ import annotations

from midterm.i18n import Lang

from .catalog import commands, data, report, scoring, views
from .numbers import num
from .text import clean

# key: (English, Vietnamese)
MESSAGES: dict[str, tuple[str, str]] = {
    **data.MESSAGES,
    **commands.MESSAGES,
    **scoring.MESSAGES,
    **views.MESSAGES,
    **report.MESSAGES,
}


def t(_key: str, lang: Lang, **args: object) -> str:
    """The message `_key` in `lang`: floats written as the language writes numbers, text cleaned."""
    return phrase(_key, lang).format(**{k: _arg(v, lang) for k, v in args.items()})


def phrase(key: str, lang: Lang) -> str:
    """A message as written in the catalog, its {fields} not filled in."""
    en, vi = MESSAGES[key]
    return vi if lang == "vi" else en


def _arg(value: object, lang: Lang) -> object:
    if isinstance(value, float):
        return num(value, lang)
    if isinstance(value, str):
        return clean(value)
    return value


def join(items: list[str], lang: Lang) -> str:
    """a, b and c."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t('and', lang)} " + items[-1]
