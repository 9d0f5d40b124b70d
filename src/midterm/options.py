"""The command line's options, declared once, and their values read the way users type them.

Values are taken as text and read here, so that every wrong value gets one line in the user's
language (typer's own messages are English), and Vietnamese words are accepted beside English
ones (`--basis ước`).
"""

import re
import unicodedata
from pathlib import Path
from typing import Annotated

import typer

# ---------------------------------------------------------------- declarations (help in English;
# localize.py holds the Vietnamese of every help text)

DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Plan folder (targets.toml and actuals/). Default: $MIDTERM_DATA, the current folder if it holds "
        "targets.toml, else the shipped Bình Phước plan.",
        show_default=False,
        metavar="DIR",
    ),
]
PlanOpt = Annotated[
    str | None,
    typer.Option("--plan", help="A plan that ships with midterm, by id (midterm plans lists them).", metavar="ID"),
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", help="vi or en. Default: $MIDTERM_LANG, else the plan's language.", metavar="vi|en"),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (UTF-8) instead of the screen.", metavar="FILE"),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Read the year files up to this year; latest: all of them. Default: the plan's review year, "
        "else the latest.",
        metavar="YEAR|latest",
    ),
]
TrendFromOpt = Annotated[
    str | None,
    typer.Option("--trend-from", help="First year of the trend window (default: the baseline year).", metavar="YEAR"),
]
MethodOpt = Annotated[
    str,
    typer.Option(
        "--method", "-m", help="The projection that gives the verdict: linear or cagr.", metavar="linear|cagr"
    ),
]

FORMATS = ("table", "json", "csv", "markdown")
LANGS = ("vi", "en")
METHODS = ("linear", "cagr")

# Every word a user may type for an observation's basis, folded (lowercase, no marks, no spaces).
BASIS_WORDS = {
    "official": "official",
    "chinhthuc": "official",
    "preliminary": "preliminary",
    "sobo": "preliminary",
    "estimate": "estimate",
    "uoc": "estimate",
    "uoctinh": "estimate",
    "uocthuchien": "estimate",
}


def fold(word: str) -> str:
    """A word as users may type it: any case, with or without Vietnamese marks, spaces or dashes."""
    word = unicodedata.normalize("NFKD", word.strip().lower().replace("đ", "d"))
    return "".join(c for c in word if not unicodedata.combining(c) and c not in " -_")


class BadValue(Exception):
    """A value the user typed that cannot be read; `key` and `values` word it (exit code 2)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


def choice(value: str, choices: tuple[str, ...], option: str) -> str:
    word = value.strip().lower()
    if word in choices:
        return word
    raise BadValue("bad_choice", option=option, value=value, choices=", ".join(choices))


def basis(value: str) -> str:
    word = BASIS_WORDS.get(fold(value))
    if word is None:
        raise BadValue("bad_choice", option="--basis", value=value, choices="official, preliminary, estimate (ước)")
    return word


def year(value: str, option: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", value.strip()):
        raise BadValue("bad_year_value", option=option, value=value)
    return int(value)


def as_of(value: str | None) -> int | str | None:
    if value is None:
        return None
    if fold(value) in ("latest", "moinhat"):  # any case, marks composed or not (NFD from macOS)
        return "latest"
    return year(value, "--as-of")


def number(text: str) -> int | float:
    """A plain number as the user typed it, ASCII digits with a dot for decimals: an int stays an
    int in the file. Digits of other scripts, separators and more than 30 digits are refused."""
    import math

    plain = text.strip()
    if len(plain) <= 40 and re.fullmatch(r"[+-]?[0-9]{1,30}", plain):
        if not -(2**63) <= int(plain) < 2**63:  # no TOML reader takes it: the user chooses the rounding
            raise BadValue("record_int_too_large", value=text, decimal=repr(float(int(plain))))
        return int(plain)
    if re.fullmatch(r"[+-]?[1-9][0-9]{0,2}(\.[0-9]{3})+", plain):
        # 16.250 is sixteen thousand in a Vietnamese source, sixteen and a quarter to Python:
        # refused rather than guessed
        decimal = plain.rstrip("0").rstrip(".")
        raise BadValue("record_ambiguous_value", value=text, whole=plain.replace(".", ""), decimal=decimal)
    if len(plain) <= 40 and re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,3})?", plain):
        value = float(plain)
        if math.isfinite(value):
            return value
    raise BadValue("record_bad_value", value=text)
