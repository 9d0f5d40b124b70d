"""The command line: a few lines per command, parsing options and handing over.

Commands call the loader and the scoring core and give the result to a renderer. Errors from
bad data or bad options end in one line on stderr and exit code 1 or 2, never a traceback.
"""

import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__
from .i18n import Lang, resolve_lang, t

if TYPE_CHECKING:  # the loader and the models are imported by the commands that use them
    from .models import Dataset
    from .problems import Report

app = typer.Typer(
    name="midterm",
    help="Which targets of a five-year resolution a province is on track to meet, and why.",
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=False,
    no_args_is_help=True,
)


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class LangChoice(StrEnum):
    vi = "vi"
    en = "en"


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


class BasisChoice(StrEnum):
    official = "official"
    preliminary = "preliminary"
    estimate = "estimate"


class MethodChoice(StrEnum):
    linear = "linear"
    cagr = "cagr"


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Plan folder (targets.toml and actuals/). Default: $MIDTERM_DATA, "
        "the current folder if it holds targets.toml, else the shipped Bình Phước plan.",
        show_default=False,
    ),
]
LangOpt = Annotated[
    LangChoice | None,
    typer.Option("--lang", help="vi or en. Default: $MIDTERM_LANG, else the plan's language.", show_default=False),
]


FormatOpt = Annotated[OutputFormat, typer.Option("--format", "-f", help="table, json, csv or markdown.")]
AsOfOpt = Annotated[
    int | None,
    typer.Option("--as-of", help="Use only the year files up to this year (default: the latest).", show_default=False),
]
TrendFromOpt = Annotated[
    int | None,
    typer.Option(
        "--trend-from", help="First year of the trend window (default: the baseline year).", show_default=False
    ),
]
MethodOpt = Annotated[MethodChoice, typer.Option("--method", "-m", help="The projection that gives the verdict.")]


def fail(message: str, code: int) -> NoReturn:
    sys.stderr.write(f"midterm: {message}\n")
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"midterm {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Which targets of a five-year resolution a province is on track to meet, and why."""


def _plan_language(report: "Report") -> str | None:
    return report.dataset.plan.language if report.dataset else None


@app.command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan folders, targets.toml files or year files. Default: the data midterm would use.",
            show_default=False,
        ),
    ] = None,
    data: DataOpt = None,
    format: Annotated[
        ValidateFormat | None,
        typer.Option(
            "--format", "-f", help="text, json or github (the default inside GitHub Actions).", show_default=False
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    notices: Annotated[
        bool, typer.Option("--notices", help="Show notices (metrics without data) in text output.")
    ] = False,
    lang: LangOpt = None,
) -> None:
    """Check a plan's data files: exit 0 when clean, 1 when errors are found."""
    from .files import display, find_data
    from .load import check_paths
    from .problems import Checked
    from .render import Options, formatter
    from .render.words import validate_summary

    targets = paths or [find_data(data)]
    missing = [p for p in targets if not p.exists()]
    if missing:
        fail(t("path_missing", resolve_lang(lang, None), path=display(missing[0])), 2)
    report = check_paths(targets)
    language = resolve_lang(lang, _plan_language(report))
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    options = Options(language, pretty=sys.stdout.isatty())
    sys.stdout.write(formatter("validate", chosen)(Checked(report, strict, notices), options))
    sys.stderr.write(validate_summary(report, language) + "\n")
    raise typer.Exit(0 if report.ok(strict) else 1)


def load_or_exit(data: Path | None, lang: LangChoice | None) -> "tuple[Dataset, Lang]":
    """The dataset every reading command needs; invalid data prints validate's errors, exit 1."""
    from .files import display, find_data
    from .load import load_folder
    from .problems import Checked
    from .render import Options, formatter

    folder = find_data(data)
    if not (folder / "targets.toml").is_file():
        fail(t("path_missing", resolve_lang(lang, None), path=display(folder / "targets.toml")), 2)
    report = load_folder(folder, warnings=False)
    language = resolve_lang(lang, _plan_language(report))
    if report.dataset is None:
        sys.stderr.write(formatter("validate", "text")(Checked(report), Options(language)))
        raise typer.Exit(1)
    return report.dataset, language


def _screen() -> tuple[int, bool]:
    """Width and colour, decided when the command runs: COLUMNS, a terminal, NO_COLOR."""
    import shutil

    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return max(width, 40), color


def _scoring_input(
    data: Path | None, lang: LangChoice | None, as_of: int | None, trend_from: int | None, year: int | None = None
) -> "tuple[Dataset, Lang]":
    """The dataset, once the years asked for are known to fit it (else one line, exit 2)."""
    from .scoring import option_error

    dataset, language = load_or_exit(data, lang)
    error = option_error(dataset, as_of, trend_from, year)
    if error is not None:
        key, args = error
        fail(t(key, language, **args), 2)
    return dataset, language


def _show(view: str, format: StrEnum, result: object, lang: Lang) -> None:
    from .render import Options, formatter

    width, color = _screen()
    sys.stdout.write(formatter(view, format.value)(result, Options(lang, width, color, sys.stdout.isatty())))
    sys.stdout.flush()


@app.command()
def status(
    data: DataOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = MethodChoice.linear,
    lang: LangOpt = None,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Every indicator and its metrics: on track, hard to achieve or without enough data, and the report's verdict."""
    from . import scoring

    dataset, language = _scoring_input(data, lang, as_of, trend_from)
    _show("status", format, scoring.status(dataset, as_of, trend_from, method.value), language)


@app.command()
def project(
    year: Annotated[
        int, typer.Option("--year", "-y", help="The year to project to: after the baseline, at most end year + 10.")
    ],
    data: DataOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = MethodChoice.linear,
    lang: LangOpt = None,
    format: FormatOpt = OutputFormat.table,
) -> None:
    """Where each metric is heading: its value, total or average at YEAR under both methods, beside the target."""
    from . import scoring

    dataset, language = _scoring_input(data, lang, as_of, trend_from, year)
    _show("project", format, scoring.project(dataset, year, as_of, trend_from, method.value), language)


@app.command()
def show(
    item: Annotated[str, typer.Argument(metavar="ID", help="An indicator or a metric id, as in targets.toml.")],
    data: DataOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = MethodChoice.linear,
    lang: LangOpt = None,
    format: Annotated[ShowFormat, typer.Option("--format", "-f", help="table or json.")] = ShowFormat.table,
) -> None:
    """One indicator or metric in depth: its series with sources, each method's projection, the pace, a chart."""
    from . import scoring
    from .load import suggest

    dataset, language = _scoring_input(data, lang, as_of, trend_from)
    shown = scoring.show(dataset, item, as_of, trend_from, method.value)
    if shown is None:
        fail(t("unknown_id", language, id=item, hint=_hint(suggest(item, scoring.known_ids(dataset)), language)), 2)
    _show("show", format, shown, language)


@app.command()
def record(
    metric: Annotated[str, typer.Argument(metavar="METRIC", help="The metric id, as in targets.toml.")],
    year: Annotated[int, typer.Option("--year", "-y", help="The year file to write: actuals/YEAR.toml.")],
    value: Annotated[str, typer.Option("--value", help="The number, with a dot for decimals: 93.2, 14930.")],
    source: Annotated[str, typer.Option("--source", help="Where the number was read: required.")],
    basis: Annotated[BasisChoice, typer.Option("--basis", help="official, preliminary or estimate (ước).")] = (
        BasisChoice.official
    ),
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The date the figure refers to, YYYY-MM-DD.", show_default=False)
    ] = None,
    to_date: Annotated[bool, typer.Option("--to-date", help="A running total since the term start.")] = False,
    since: Annotated[
        int | None, typer.Option("--since", help="A period average from this year to YEAR.", show_default=False)
    ] = None,
    note: Annotated[str | None, typer.Option("--note", help="Definitions, other sources' figures.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Rewrite a file even though its comments are lost.")] = False,
    data: DataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Add or replace one observation in actuals/YEAR.toml: validated with the whole plan first, written atomically."""
    import datetime as dt

    from . import store
    from .files import display, find_data
    from .load import suggest
    from .render.words import problem_line

    dataset, language = load_or_exit(data, lang)
    ids = [m.id for _, m in dataset.metrics()]
    if metric not in ids:
        fail(t("unknown_metric_arg", language, id=metric, hint=_hint(suggest(metric, ids), language)), 2)
    number = _number(value)
    if number is None:
        fail(t("record_bad_value", language, value=value), 2)
    entry: dict[str, object] = {"value": number}
    if basis != BasisChoice.official:
        entry["basis"] = basis.value
    entry["source"] = source
    if note:
        entry["note"] = note
    if to_date:
        entry["to_date"] = True
    if as_of is not None:
        try:
            entry["as_of"] = dt.date.fromisoformat(as_of)
        except ValueError:
            fail(t("record_bad_date", language, value=as_of), 2)
    if since is not None:
        entry["since"] = since
    folder = find_data(data)
    shown = display(folder / "actuals" / f"{year}.toml")
    try:
        done = store.record(folder, metric, year, entry, force)
    except store.Refused as e:
        fail(t(e.key, language, **{**e.values, "file": shown}), 1)
    except store.Invalid as e:
        sys.stderr.write("".join(problem_line(p, language) + "\n" for p in e.problems))
        fail(t("record_invalid", language), 1)
    except OSError as e:
        fail(t("record_failed", language, file=shown, reason=e.strerror or str(e)), 1)
    message = t("recorded", language, metric=metric, year=year, value=number, file=shown)
    if done.replaced is not None:
        old = done.replaced
        basis_word = t(str(old.get("basis", "official")), language)
        message += "; " + t("replaced", language, value=old.get("value"), basis=basis_word, source=old.get("source"))
    sys.stderr.write(message + "\n")


def _number(text: str) -> int | float | None:
    """A plain number as the user typed it: an int stays an int in the file, nan and inf are refused."""
    import math
    import re

    if re.fullmatch(r"[+-]?\d+", text.strip()):
        return int(text)
    if not re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", text.strip()):
        return None
    number = float(text)
    return number if math.isfinite(number) else None


def _hint(word: str | None, lang: Lang) -> str:
    return t("hint", lang, word=word) if word else ""


def main() -> None:
    """The console script: typer's app, with a last guard so no traceback reaches a user."""
    import gc

    # A short-lived process frees everything when it exits; meanwhile the cycle collector would
    # only walk the growing heap of loaded observations again and again (a tenth of the time
    # of a national dataset). What midterm builds has no reference cycles to collect.
    gc.disable()
    try:
        app()
    except Exception as e:  # a bug, not bad input: say so in one line
        if os.environ.get("MIDTERM_DEBUG"):
            raise
        sys.stderr.write(
            f"midterm: {t('internal_error', resolve_lang(None, None), detail=f'{type(e).__name__}: {e}')}\n"
        )
        sys.exit(1)
