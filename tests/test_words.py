"""The message catalogs: one home per sentence."""

from __future__ import annotations

import importlib
import pkgutil

import midterm.words.catalog as catalog
from midterm.words.messages import MESSAGES


def test_no_key_is_defined_in_two_catalogs() -> None:
    """The catalogs are joined into one table: a key in two of them would silently take the later
    one's words (a gap in points once read "revised by" words)."""
    seen: dict[str, str] = {}
    twice = []
    for info in pkgutil.iter_modules(catalog.__path__):
        module = importlib.import_module(f"{catalog.__name__}.{info.name}")
        for key in module.MESSAGES:
            if key in seen:
                twice.append(f"{key}: {seen[key]} and {info.name}")
            seen[key] = info.name
    assert not twice
    assert set(seen) == set(MESSAGES)  # every catalog is joined


def test_every_message_has_both_languages() -> None:
    assert all(en.strip() or not vi.strip() for en, vi in MESSAGES.values())
    assert [k for k, (en, vi) in MESSAGES.items() if bool(en.strip()) != bool(vi.strip())] == []
