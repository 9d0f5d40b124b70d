"""Terminal tables never cut a word: a table that cannot keep its words whole at the width given is
stacked instead (a newcomer met "Averag/e" and "Indica/tor" at 100 columns)."""

from __future__ import annotations

import json

import pytest

from conftest import Run


@pytest.mark.parametrize("command", [["project"], ["backtest"], ["status"]])
@pytest.mark.parametrize("width", [90, 100, 110, 120, 130, 150])
def test_no_word_is_cut_at_any_width(run: Run, command: list[str], width: int) -> None:
    names = json.loads(run("status", "-f", "json", "--lang", "en").stdout)
    words = {w for i in names["indicators"] for m in i["metrics"] for w in m["name"].split() if len(w) > 4}
    shown = run(*command, "--lang", "en", env={"COLUMNS": str(width)}).stdout
    assert max(len(line) for line in shown.splitlines()) <= width
    tokens = set(shown.split())
    # a word cut in two shows as its head and its tail on two lines: "Averag" and "e"
    cut = [w for w in words for k in range(1, len(w)) if w[:k] in tokens and w[k:] in tokens]
    assert not cut, cut
