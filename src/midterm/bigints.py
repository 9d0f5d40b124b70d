"""Integers a TOML 1.0 file may not hold: beyond 64 bits (-2^63 .. 2^63-1).

Python's parsers read them as exact integers, but the standard says a parser must refuse them
(and other TOML readers do): a year file that validates here would not load elsewhere. The bytes
are searched first for a run of 16 digits (hexadecimal ones and underscores included), as long as
any such literal is: `bytes.translate` and one search, 20 ms on the 13.5 MB benchmark plan that
toml-rs parses in 500. Only then are the values walked.
"""

import re
from typing import Any

LOW, HIGH = -(2**63), 2**63 - 1
# a literal with 19 digits or more (decimal, with underscores), or a long hex, octal or binary one;
# a long number inside a string (an address) also matches, and is let go when no value is that large
# compiled by `re` when a file first has a long run of digits, not at every start-up
_LONG = r"[+-]?(?:0x[0-9a-fA-F_]{16,}|0o[0-7_]{21,}|0b[01_]{63,}|[0-9][0-9_]{18,})"


_DIGITS = bytes(0x31 if chr(b) in "0123456789abcdefABCDEF_" else 0x20 for b in range(256))


def too_large(raw: bytes, text: str, doc: dict[str, Any]) -> tuple[str, int | None] | None:
    """The first integer of `doc` beyond 64 bits, as written, and its line; None when there is none."""
    if b"1" * 16 not in raw.translate(_DIGITS):
        return None
    found = {v for v in _integers(doc) if not LOW <= v <= HIGH}
    if not found:
        return None
    for match in re.finditer(_LONG, text):
        literal = match.group()
        try:
            value = int(literal.replace("_", ""), 0)
        except ValueError:  # a run of digits inside a word or a date, not a literal
            continue
        if value in found:
            return literal, text.count("\n", 0, match.start()) + 1
    return str(min(found)), None


def _integers(value: Any) -> list[int]:
    out: list[int] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            out.append(item)
    return out
