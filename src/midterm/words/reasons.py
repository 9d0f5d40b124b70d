"""A scoring reason (a key and its values, `scoring.Reason`) in words."""

from __future__ import annotations

import datetime as dt

from midterm.i18n import Lang

from .messages import join, phrase, t
from .numbers import date, num, pct, signed, years
from .text import clean


def reason_text(
    key: str, args: dict[str, object], lang: Lang, percent: bool = False, names: dict[str, str] | None = None
) -> str:
    """A scoring reason in words. `percent`: the metric's values are rates in percent (average-growth)."""
    out: dict[str, object] = {}
    for name, value in args.items():
        if value is None:
            out[name] = "—"
        elif name == "required":
            out[name] = signed(float(value), lang, percent)  # type: ignore[arg-type]
        elif name == "rate":
            as_pct = percent or key in ("needs_cagr", "trend_rate")
            out[name] = signed(float(value), lang, as_pct)  # type: ignore[arg-type]
        elif name == "rates":
            out[name] = join([pct(r, lang) if percent else num(r, lang) for r in value], lang)  # type: ignore[attr-defined]
        elif name == "years":
            out[name] = years(list(value))  # type: ignore[call-overload]
        elif name == "share":
            out[name] = pct(float(value), lang, 1)  # type: ignore[arg-type]
        elif name == "date":
            out[name] = date(value, lang) if isinstance(value, dt.date) else value
        elif name == "verdict":
            out[name] = t(f"v_{value}", lang)
        elif name == "metrics":
            out[name] = join([(names or {}).get(m, m) for m in value], lang)  # type: ignore[attr-defined]
        elif isinstance(value, float):
            out[name] = pct(value, lang) if percent and name != "total" else num(value, lang)
        elif isinstance(value, str):
            out[name] = clean(value)
        else:
            out[name] = value
    # every value is in words already, and names were cleaned by the caller: no second pass
    text = phrase(f"r_{key}", lang).format(**out)
    if "bound" in args:  # a projection held at a bound of the possible values says where it met it
        text += phrase("r_bound", lang).format(bound=out["bound"], bound_year=out["bound_year"])
    return text
