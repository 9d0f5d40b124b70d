"""Files in actuals/ that look like year files but are not read: `2024.TOML`, `2024.toml.bak`,
`２０２４.toml` (full-width digits are refused as a year file name already). Each gets a warning,
so that a figure is never left out without a word."""

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from midterm.files import display
from midterm.problems import Problem

_LOOKS = re.compile(r"\.toml", re.IGNORECASE)  # 2024.txt is the user's notes, 2024.TOML meant as data


def stray_year_files(actuals: Path) -> Iterator[Problem]:
    try:
        names = sorted(p.name for p in actuals.iterdir())
    except OSError:  # said already: actuals/ cannot be read
        return
    for name in names:
        if name.startswith(".") or name.endswith(".toml"):  # hidden (the lock), or read
            continue
        if _LOOKS.search(unicodedata.normalize("NFKC", name)):
            yield Problem(display(actuals / name), "stray_year_file", severity="warning")
