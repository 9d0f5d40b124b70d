"""A name in the language asked for: the English name where there is one, else the plan's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from .text import clean

if TYPE_CHECKING:
    from midterm.i18n import Lang
    from midterm.models import Metric


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def name_en(self) -> str | None: ...


def name_in(item: Named, lang: Lang) -> str:
    """The name as written in the data, in `lang` (not cleaned: for data files and JSON)."""
    return (item.name_en if lang == "en" and item.name_en else item.name) or item.id


def label(item: Named, lang: Lang) -> str:
    """The name as shown."""
    return clean(name_in(item, lang))


def unit(metric: Metric, lang: Lang) -> str:
    return clean(metric.unit_en if lang == "en" and metric.unit_en else metric.unit)
