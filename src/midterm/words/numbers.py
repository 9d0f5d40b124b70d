"""Numbers, percentages, dates and runs of years as each language writes them (7,92% vi, 7.92% en)."""

from __future__ import annotations

import datetime as dt
import math

from midterm.i18n import Lang


def num(value: float, lang: Lang, decimals: int | None = None) -> str:
    """A number as the language writes it: 14.930,5 in Vietnamese, 14,930.5 in English.

    Without `decimals`, large numbers get none and small ones up to two, trailing zeros cut.
    """
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:  # past any real statistic: keep it readable
        text = f"{value:.3g}"
        return text.replace(".", ",") if lang == "vi" else text
    if decimals is None:
        decimals = 0 if abs(value) >= 1000 else 2
        text = f"{value:,.{decimals}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    else:
        text = f"{value:,.{decimals}f}"
    if text in ("-0", "-0.0", "-0.00"):
        text = text[1:]
    if lang == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def pct(value: float, lang: Lang, decimals: int = 2) -> str:
    """A rate in percent, 7,92% or 7.92%; never rounded to a whole percent."""
    return num(value, lang, decimals) + "%"


def signed(value: float, lang: Lang, percent: bool = False) -> str:
    text = pct(value, lang) if percent else num(value, lang)
    return text if text.startswith("-") else "+" + text


def date(value: dt.date, lang: Lang) -> str:
    return value.strftime("%d/%m/%Y") if lang == "vi" else value.isoformat()


def years(values: list[int]) -> str:
    """2024-2025 for a run of years, 2021, 2023 otherwise."""
    if len(values) > 1 and values == list(range(values[0], values[-1] + 1)):
        return f"{values[0]}-{values[-1]}"
    return ", ".join(str(v) for v in values)
