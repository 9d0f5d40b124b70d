"""Every word midterm shows, in Vietnamese and English, each translation in one home.

- `messages`: the sentences, by key (`t`), from one catalog per domain (`catalog/`);
- `numbers`: numbers, percentages, dates as each language writes them;
- `text`: text from data files made safe to show (`clean`);
- `names`: a plan's, an indicator's or a metric's name and unit in a language;
- `reasons`: a scoring reason in words;
- `problems` and `toml`: a problem found in a plan's files, with Python's TOML errors translated;
- `help`: help texts and usage errors in Vietnamese (typer writes them in English).

Which language a run speaks is decided by `midterm.i18n.choose`.
"""

from .messages import MESSAGES, join, t
from .numbers import date, num, pct, signed, years
from .text import clean

__all__ = ["MESSAGES", "clean", "date", "join", "num", "pct", "signed", "t", "years"]
