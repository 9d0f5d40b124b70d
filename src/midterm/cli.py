"""The command line: a few lines per command, parsing options and handing over.

Commands call the loader and the scoring core and give the result to a renderer. Errors from
bad data or bad options end in one line on stderr and exit code 1 or 2, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from . import __version__
from .i18n import Lang, resolve_lang, t
from .load import Report, check_paths, display, find_data, load_folder
from .models import Dataset

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


def _plan_language(report: Report) -> str | None:
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
    from . import render

    targets = paths or [find_data(data)]
    missing = [p for p in targets if not p.exists()]
    if missing:
        fail(t("path_missing", resolve_lang(lang, None), path=display(missing[0])), 2)
    report = check_paths(targets)
    language = resolve_lang(lang, _plan_language(report))
    chosen = format.value if format else ("github" if os.environ.get("GITHUB_ACTIONS") else "text")
    sys.stdout.write(render.VALIDATE_FORMATS[chosen](report, language, notices=notices, strict=strict))
    sys.stderr.write(render.validate_summary(report, language) + "\n")
    raise typer.Exit(0 if report.ok(strict) else 1)


def load_or_exit(data: Path | None, lang: LangChoice | None) -> tuple[Dataset, Lang]:
    """The dataset every reading command needs; invalid data prints validate's errors, exit 1."""
    from . import render

    folder = find_data(data)
    if not (folder / "targets.toml").is_file():
        what = folder if folder.is_dir() or not folder.exists() else folder
        fail(t("path_missing", resolve_lang(lang, None), path=display(what / "targets.toml")), 2)
    report = load_folder(folder)
    language = resolve_lang(lang, _plan_language(report))
    if report.dataset is None:
        sys.stderr.write(render.validate_text(report, language))
        raise typer.Exit(1)
    return report.dataset, language


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _screen() -> tuple[int, bool]:
    """Width and colour, decided when the command runs: COLUMNS, a terminal, NO_COLOR."""
    import shutil

    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return max(width, 40), color


def _scoring_input(
    data: Path | None, lang: LangChoice | None, as_of: int | None, trend_from: int | None, year: int | None = None
) -> tuple[Dataset, Lang]:
    """The dataset, once the years asked for are known to fit it (else one line, exit 2)."""
    from .scoring import option_error

    dataset, language = load_or_exit(data, lang)
    error = option_error(dataset, as_of, trend_from, year)
    if error is not None:
        key, args = error
        fail(t(key, language, **args), 2)
    return dataset, language


def _show(formats: dict[str, Callable[..., str]], format: OutputFormat, result: object, lang: Lang) -> None:
    width, color = _screen()
    _write(formats[format.value](result, lang, width=width, color=color))


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
    from . import render, scoring

    dataset, language = _scoring_input(data, lang, as_of, trend_from)
    _show(render.STATUS_FORMATS, format, scoring.status(dataset, as_of, trend_from, method.value), language)


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
    from . import render, scoring

    dataset, language = _scoring_input(data, lang, as_of, trend_from, year)
    _show(render.PROJECT_FORMATS, format, scoring.project(dataset, year, as_of, trend_from, method.value), language)


def main() -> None:
    """The console script: typer's app, with a last guard so no traceback reaches a user."""
    try:
        app()
    except Exception as e:  # a bug, not bad input: say so in one line
        if os.environ.get("MIDTERM_DEBUG"):
            raise
        sys.stderr.write(
            f"midterm: {t('internal_error', resolve_lang(None, None), detail=f'{type(e).__name__}: {e}')}\n"
        )
        sys.exit(1)
