"""The command line's options, declared once, and their values read the way users type them.

Values are taken as text and read here, so that every wrong value gets one line in the user's
language (typer's own messages are English), and Vietnamese words are accepted beside English
ones (`--basis ước`).
"""

import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple, TypeVar

import typer

if TYPE_CHECKING:
    import datetime as dt

    from .scoring import AsOf, Method

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
        help="Read the year files up to this year; a date (YYYY-MM-DD): what was known that day; latest: all "
        "of them. Default: the plan's review year, else the latest.",
        metavar="YEAR|DATE|latest",
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

# ---------------------------------------------------------------- declarations of one command each

PlansDataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help="Plan folder (targets.toml and actuals/); repeat it, or give a folder of plan folders, "
        "for one line per plan. Default: $MIDTERM_DATA, the current folder if it holds targets.toml, "
        "else the shipped Bình Phước plan.",
        show_default=False,
        metavar="DIR",
    ),
]
PlansOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--plan",
        help="A plan that ships with midterm, by id; repeat it, or say all, for one line per plan.",
        metavar="ID|all",
    ),
]
FormatOpt = Annotated[
    str, typer.Option("--format", "-f", help="table, json, csv or markdown.", metavar="table|json|csv|markdown")
]
IdsOpt = Annotated[bool, typer.Option("--ids", help="Show the ids of indicators and metrics.", metavar="")]
ProjectYearOpt = Annotated[
    str | None,
    typer.Option(
        "--year",
        "-y",
        help="The year to project to: after the baseline, at most end year + 10. Default: the end year.",
        metavar="YEAR",
    ),
]
ItemArg = Annotated[
    str, typer.Argument(metavar="ID", help="An indicator (its id or number) or a metric id, in any case.")
]
ShortFormatOpt = Annotated[str, typer.Option("--format", "-f", help="table or json.", metavar="table|json")]
MetricArg = Annotated[str, typer.Argument(metavar="METRIC", help="The metric id, as in targets.toml (any case).")]
RecordYearOpt = Annotated[
    str, typer.Option("--year", "-y", help="The year file to write: actuals/YEAR.toml.", metavar="YEAR")
]
ValueOpt = Annotated[
    str, typer.Option("--value", help="The number, with a dot for decimals: 93.2, 14930.", metavar="NUMBER")
]
SourceOpt = Annotated[
    str | None,
    typer.Option(
        "--source",
        help="Where the number was read: required for a new figure; a replaced one keeps its own.",
        metavar="TEXT",
    ),
]
BasisOpt = Annotated[
    str | None,
    typer.Option(
        "--basis",
        help="official, preliminary or estimate (also: chính thức, sơ bộ, ước). Default: official for a new "
        "figure; a replaced figure keeps its own.",
        metavar="BASIS",
    ),
]
DateOpt = Annotated[
    str | None, typer.Option("--as-of", help="The date the figure refers to, YYYY-MM-DD.", metavar="DATE")
]
ToDateOpt = Annotated[bool, typer.Option("--to-date", help="A running total since the term start.", metavar="")]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="A period average from this year to YEAR.", metavar="YEAR")
]
NoteOpt = Annotated[
    str | None,
    typer.Option("--note", help="Definitions, other sources' figures; --note '' removes it.", metavar="TEXT"),
]
ReplaceOpt = Annotated[
    bool, typer.Option("--replace", help="Replace the figure of the same year and span.", metavar="")
]
RevisionOpt = Annotated[
    bool,
    typer.Option(
        "--revision", help="A newer figure for one the year has: the old one is kept in its revisions.", metavar=""
    ),
]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="The day the figure was made public, YYYY-MM-DD.", metavar="DATE")
]
OldPublishedOpt = Annotated[
    str | None,
    typer.Option(
        "--old-published",
        help="With --revision: the day the old figure was made public, when its file does not say.",
        metavar="DATE",
    ),
]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Show the result; write nothing.", metavar="")]
WritableDataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="The plan to write to, a folder of yours. Default: $MIDTERM_DATA, else the current folder if it "
        "holds targets.toml; never a plan shipped with midterm.",
        show_default=False,
        metavar="DIR",
    ),
]
PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Plan folders, targets.toml files or year files. Default: the data midterm would use.",
        show_default=False,
        metavar="PATH...",
    ),
]
CheckFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="text, json or github (the default inside GitHub Actions).",
        metavar="text|json|github",
    ),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).", metavar="")]
NoticesOpt = Annotated[
    bool, typer.Option("--notices", help="Show notices (metrics without data, acknowledged conflicts).", metavar="")
]
NewFolderArg = Annotated[Path, typer.Argument(metavar="DIR", help="The new plan's folder: it must be empty or absent.")]
FromOpt = Annotated[
    str | None,
    typer.Option("--from", help="Start from a copy of a shipped plan (midterm plans lists them).", metavar="PLAN"),
]
ReplayAsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="Replay the review made with the year files up to this year, or with what was known on a date "
        "(YYYY-MM-DD), against the figures in force now. Default: the plan's review year, else the term's "
        "middle year.",
        metavar="YEAR|DATE",
    ),
]
ReplayDataOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--data",
        help="Plan folder; repeat it, or give a folder of plan folders, for the accuracy table: one row per plan.",
        show_default=False,
        metavar="DIR",
    ),
]
ReplayPlanOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--plan", help="A shipped plan, by id; repeat it, or say all, for the accuracy table.", metavar="ID|all"
    ),
]
ReportOutputOpt = Annotated[
    Path, typer.Option("--output", "-o", help="The file to write: .docx, .xlsx or .html.", metavar="FILE")
]
ReportFormatOpt = Annotated[
    str | None, typer.Option("--format", "-f", help="docx, xlsx or html.", metavar="docx|xlsx|html")
]
FormOutputOpt = Annotated[
    Path, typer.Option("--output", "-o", help="The form to write: an .xlsx file.", metavar="FILE")
]
FormYearsOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--year",
        "-y",
        help="A year to ask for (repeatable). Default: the years after each metric's latest figure, up to the end "
        "year.",
        metavar="YEAR",
    ),
]
FormArg = Annotated[Path, typer.Argument(metavar="FILE", help="A filled form: .xlsx, or .csv with the same columns.")]
ImportReplaceOpt = Annotated[
    bool, typer.Option("--replace", help="Replace figures the plan holds for the same year.", metavar="")
]
ImportDryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Show what would change; write nothing.", metavar="")]

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
    """What the user asked cannot be done as asked: a value that cannot be read, a folder that
    cannot be used. `key` and `values` word it; the command line turns it into one line and
    exit code 2 (`cli.refusals`)."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.key, self.values = key, values


class Near(NamedTuple):
    """The known ids near a wrong one: a refusal's hint, worded when it is shown."""

    word: str
    ids: list[str]
    names: dict[str, str] | None = None  # a folded name (any language) -> its id, for a name typed as an id


Choice = TypeVar("Choice", bound=str)


def choice(value: str, choices: tuple[Choice, ...], option: str) -> Choice:
    """One of a list of choices (formats, methods), in any case."""
    word = value.strip().lower()
    for known in choices:
        if word == known:
            return known
    raise BadValue("bad_choice", option=option, value=value, choices=", ".join(choices))


def method(value: str) -> "Method":
    from .scoring import METHODS

    return choice(value, METHODS, "--method")


def basis(value: str) -> str:
    word = BASIS_WORDS.get(fold(value))
    if word is None:
        raise BadValue("bad_choice", option="--basis", value=value, choices="official, preliminary, estimate (ước)")
    return word


def year(value: str, option: str) -> int:
    if not re.fullmatch(r"[0-9]{4}", value.strip()):
        raise BadValue("bad_year_value", option=option, value=value)
    return int(value)


def as_of(value: str | None) -> "AsOf":
    """The as-of of the scoring core: a year, a day (what was known that day), "latest", or None
    for the plan's review year."""
    if value is None:
        return None
    if fold(value) in ("latest", "moinhat"):  # any case, marks composed or not (NFD from macOS)
        return "latest"
    if re.fullmatch(r"[0-9]{4}", value.strip()):
        return int(value)
    return day(value, "--as-of")  # --as-of DATE: what was known that day (issue 21)


def day(value: str, option: str) -> "dt.date":
    """A date as YYYY-MM-DD that is a real day of the calendar (--as-of DATE, record --published)."""
    import datetime as dt

    text = value.strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise BadValue("bad_day", option=option, value=value) from None
    if option == "--as-of":
        raise BadValue("bad_as_of_value", value=value)
    raise BadValue("bad_date_value", option=option, value=value)


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
