"""The nearest known words to a misspelt one, for "did you mean ...?" hints."""

from __future__ import annotations

from collections.abc import Iterable


def nearest(word: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """Up to `n` known words near `word`: close spellings first, then the shortest that contain it."""
    import difflib

    choices = list(dict.fromkeys(choices))
    close = difflib.get_close_matches(word, choices, n=n, cutoff=0.6)
    containing = sorted((c for c in choices if len(word) >= 3 and word in c and c not in close), key=len)
    return (close + containing)[:n]


def suggest(word: object, choices: Iterable[str]) -> str | None:
    """The one nearest known word, or None."""
    found = nearest(str(word), choices, 1)
    return found[0] if found else None
