"""What a command is asked, read once, and the one place a refusal ends it.

Every scoring command builds one `Request` (its data, the language it speaks, the as-of and
trend start in the scoring core's types, the method); every format is read from the one list
of formats (`render.VIEWS`). Whatever cannot be done as asked (`options.BadValue`, a folder
`plans` cannot use, a year the data cannot answer) becomes one line on stderr in the user's
language and an exit code, here.
"""

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, NoReturn

import typer

from . import options
from .i18n import Lang, choose, refusal_language

if TYPE_CHECKING:
    from .models import Dataset
    from .problems import Report
    from .render import Options
    from .scoring import AsOf, Method


def fail(key: str, lang: Lang, code: int, **args: object) -> NoReturn:
    """The one way a command stops short: one line on stderr in `lang`, and exit `code`."""
    say(key, lang, **args)
    raise typer.Exit(code)


def say(key: str, lang: Lang, **args: object) -> None:
    from .words import t

    sys.stderr.write(f"midterm: {t(key, lang, **{k: _shown(v, lang) for k, v in args.items()})}\n")


def _shown(value: object, lang: Lang) -> object:
    """A refusal's value as the line shows it: a path as the user would type it, near ids as a hint."""
    if isinstance(value, Path):
        from .files import display

        return display(value)
    if isinstance(value, options.Near):
        return _nearest(value, lang)
    return value


def refuse(e: options.BadValue, lang: Lang, code: int = 2, **where: object) -> NoReturn:
    """Where a refusal (`options.BadValue`, and the folders `plans` cannot use) becomes one line:
    exit code 2, a usage error, unless told otherwise; `where` adds to its values."""
    fail(e.key, lang, code, **{**where, **e.values})


@contextmanager
def refusals(lang: Lang, code: int = 2, **where: object) -> Iterator[None]:
    """`refuse` whatever refusal the block raises."""
    try:
        yield
    except options.BadValue as e:
        refuse(e, lang, code, **where)


def language(option: str | None, plan: str | None = None) -> Lang:
    """The language of this command (`i18n.choose`); a bad --lang or $MIDTERM_LANG is a usage error."""
    try:
        return choose(option, plan)
    except options.BadValue as e:
        refuse(e, refusal_language(plan))


class Request(NamedTuple):
    """What a scoring command was asked, read once: the data, the language it speaks, and the
    window (as-of, trend start) and method in the scoring core's types."""

    dataset: "Dataset"
    lang: Lang
    as_of: "AsOf"
    trend_from: int | None
    method: "Method"


def data_folder(data: Path | None, plan: str | None, lang: str | None) -> Path:
    from .plans import find_data

    with refusals(language(lang)):
        return find_data(data, plan)


def plan_language(report: "Report") -> str | None:
    return report.dataset.plan.language if report.dataset else None


def load_or_exit(folder: Path, lang: str | None) -> "tuple[Dataset, Lang]":
    """The dataset every reading command needs; invalid data prints validate's errors, exit 1."""
    from .load import load_folder

    if not os.path.lexists(folder / "targets.toml"):  # a folder or a broken link: load says what is wrong
        fail("path_missing", language(lang), 2, path=folder / "targets.toml")
    report = load_folder(folder, warnings=False)
    chosen = language(lang, plan_language(report))
    if report.dataset is None:
        print_problems(report, chosen)
        raise typer.Exit(1)
    return report.dataset, chosen


def print_problems(report: "Report", lang: Lang) -> None:
    from .problems import Checked
    from .render import Options

    sys.stderr.write(text_of("validate", "text", Checked(report), Options(lang)))


def text_of(view: str, fmt: str, result: object, opts: "Options") -> str:
    from .render import formatter

    text = formatter(view, fmt)(result, opts)
    assert isinstance(text, str)  # every view but the report document is text
    return text


def window_options(as_of: str | None, trend_from: str | None, method: str) -> "tuple[AsOf, int | None, Method]":
    """--as-of, --trend-from and --method, read (BadValue when they cannot be)."""
    start = options.year(trend_from, "--trend-from") if trend_from is not None else None
    return options.as_of(as_of), start, options.method(method)


def scoring_request(
    folder: Path, lang: str | None, as_of: str | None, trend_from: str | None, method: str, year: int | None = None
) -> Request:
    """The request of a scoring command, once the options are read and the years asked for fit
    the data (else one line, exit 2)."""
    dataset, chosen = load_or_exit(folder, lang)
    with refusals(chosen):
        when, start, how = window_options(as_of, trend_from, method)
    check_years(dataset, chosen, when, start, year)
    return Request(dataset, chosen, when, start, how)


def check_years(dataset: "Dataset", lang: Lang, as_of: "AsOf", start: int | None, year: int | None = None) -> None:
    from .scoring import option_error

    error = option_error(dataset, as_of, start, year)
    if error is not None:
        key, args = error
        fail(key, lang, 2, **args)


def format_choice(view: str, value: str, lang: Lang) -> str:
    """A format of `view`, from the one list of formats (`render.VIEWS`)."""
    from .render import VIEWS

    with refusals(lang):
        return options.choice(value, tuple(VIEWS[view]), "--format")


def _nearest(near: options.Near, lang: Lang) -> str:
    """The nearest ids to a wrong one, else the ids whose name it spells (`thu-ngan-sach` is "Thu
    ngân sách"); in a small plan with none near, all of them; in a large one, where they are listed."""
    from .load.spelling import nearest
    from .words import t

    found = nearest(near.word.strip().lower(), near.ids)
    if not found and near.names:
        found = list(dict.fromkeys(near.names[n] for n in nearest(options.fold(near.word), near.names)))
    if found:
        return t("hint_ids", lang, ids=", ".join(found))
    if len(near.ids) <= 30:
        return t("hint_all_ids", lang, ids=", ".join(near.ids))
    return t("hint_status_ids", lang)


def print_view(view: str, fmt: str, result: object, lang: Lang, output: Path | None, ids: bool = False) -> None:
    """A result in a format, to the screen or to --output."""
    from .output import emit, screen
    from .render import Options

    width, color = screen(to_file=output is not None)
    text = text_of(view, fmt, result, Options(lang, width, color, output is None and sys.stdout.isatty(), ids))
    deliver(lambda: emit(text, output, bom=fmt == "csv"), output, lang)


def deliver(write: Callable[[], None], output: Path | None, lang: Lang) -> None:
    """Write the result; a file that cannot be written is one line (exit 2 inside the package, else 1)."""
    from .files import display

    try:
        with refusals(lang):
            write()
    except OSError as e:
        shown = display(output) if output is not None and display(output) != "." else str(output or "-")
        fail("output_failed", lang, 1, file=shown, reason=e.strerror or str(e))
    if output is not None:
        say("wrote", lang, file=output)


def report_format(output: Path, asked: str | None, lang: Lang) -> str:
    """The review document's format: --format, else the file's extension; a folder, an extension
    midterm does not write, or one that contradicts --format is wrong usage (exit 2)."""
    from .render import VIEWS

    suffix = output.suffix.lower().lstrip(".")
    if output.is_dir():  # said before the format, which a folder's name cannot tell
        fail("output_not_a_file", lang, 2, path=output)
    if asked is None and suffix not in VIEWS["report"]:
        fail("report_format_other" if suffix else "report_format_unknown", lang, 2, file=output, suffix=suffix)
    if asked is not None and suffix in VIEWS["report"] and suffix != asked.strip().lower():
        fail("report_format_clash", lang, 2, file=output, format=asked)
    return format_choice("report", asked or suffix, lang)
