"""The command line: a few lines per command, reading options and handing over.

Commands call the loader and the scoring core and give the result to a renderer. Errors from
bad data or bad options end in one line on stderr and exit code 1 or 2, never a traceback.
Help and usage errors speak the user's language (`localize`).
"""

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from . import __version__, localize, options
from .i18n import Lang, resolve_lang, t
from .options import AsOfOpt, DataOpt, LangOpt, MethodOpt, OutputOpt, PlanOpt, TrendFromOpt

if TYPE_CHECKING:  # the loader and the models are imported by the commands that use them
    from typer.models import CommandInfo

    from .models import Dataset
    from .problems import Report

app = typer.Typer(
    name="midterm",
    help="Which targets of a five-year resolution a province is on track to meet, and why.",
    cls=localize.Group,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    add_completion=True,
    no_args_is_help=True,
)


def command() -> Callable[[Callable[..., None]], Callable[..., None]]:
    """A command of the app, whose help and errors follow --lang."""
    decorator: Callable[[Callable[..., None]], Callable[..., None]] = app.command(cls=localize.Command)
    return decorator


def fail(key: str, lang: Lang, code: int, **args: object) -> NoReturn:
    sys.stderr.write(f"midterm: {t(key, lang, **args)}\n")
    raise typer.Exit(code)


def language(option: str | None, plan: str | None = None) -> Lang:
    """--lang (of the command, else of `midterm` itself), else $MIDTERM_LANG, else the plan's."""
    value = option if option is not None else localize.ROOT_LANG
    try:
        chosen = options.choice(value, options.LANGS, "--lang") if value is not None else None
    except options.BadValue as e:
        fail(e.key, resolve_lang(None, plan), 2, **e.values)
    return resolve_lang(chosen, plan)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"midterm {__version__}\n")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.", metavar="")
    ] = False,
) -> None:
    """Which targets of a five-year resolution a province is on track to meet, and why.

    `--lang vi|en` before the command sets the language as well as after it: `midterm --lang en status`."""


# ---------------------------------------------------------------- reading data


def _data(data: Path | None, plan: str | None, lang: str | None) -> Path:
    from .plans import Unusable, find_data

    try:
        return find_data(data, plan)
    except Unusable as e:
        fail(e.key, language(lang), 2, **e.values)


def _plan_language(report: "Report") -> str | None:
    return report.dataset.plan.language if report.dataset else None


def load_or_exit(folder: Path, lang: str | None) -> "tuple[Dataset, Lang]":
    """The dataset every reading command needs; invalid data prints validate's errors, exit 1."""
    from .files import display
    from .load import load_folder

    if not os.path.lexists(folder / "targets.toml"):  # a folder or a broken link: load says what is wrong
        fail("path_missing", language(lang), 2, path=display(folder / "targets.toml"))
    report = load_folder(folder, warnings=False)
    chosen = language(lang, _plan_language(report))
    if report.dataset is None:
        _print_problems(report, chosen)
        raise typer.Exit(1)
    return report.dataset, chosen


def _print_problems(report: "Report", lang: Lang) -> None:
    from .problems import Checked
    from .render import Options, formatter

    sys.stderr.write(formatter("validate", "text")(Checked(report), Options(lang)))


def _scoring_input(
    folder: Path,
    lang: str | None,
    as_of: str | None,
    trend_from: str | None,
    method: str,
    year: int | None = None,
) -> "tuple[Dataset, Lang, int | str | None, int | None, str]":
    """The dataset, once the options are read and the years asked for fit it (else one line, exit 2)."""
    from .scoring import option_error

    dataset, chosen = load_or_exit(folder, lang)
    try:
        when = options.as_of(as_of)
        start = options.year(trend_from, "--trend-from") if trend_from is not None else None
        how = options.choice(method, options.METHODS, "--method")
    except options.BadValue as e:
        fail(e.key, chosen, 2, **e.values)
    error = option_error(dataset, when, start, year)  # type: ignore[arg-type]
    if error is not None:
        key, args = error
        fail(key, chosen, 2, **args)
    return dataset, chosen, when, start, how


def _format(value: str, choices: tuple[str, ...], lang: Lang) -> str:
    try:
        return options.choice(value, choices, "--format")
    except options.BadValue as e:
        fail(e.key, lang, 2, **e.values)


def _print(view: str, fmt: str, result: object, lang: Lang, output: Path | None, ids: bool = False) -> None:
    """A result in a format, to the screen or to --output."""
    from .output import emit, screen
    from .render import Options, formatter

    width, color = screen(to_file=output is not None)
    text = formatter(view, fmt)(result, Options(lang, width, color, output is None and sys.stdout.isatty(), ids))
    _emit(lambda: emit(text, output, bom=fmt == "csv"), output, lang)


def _emit(write: Callable[[], None], output: Path | None, lang: Lang) -> None:
    """Write the result; a file that cannot be written is one line (exit 2 inside the package, else 1)."""
    from .files import display
    from .plans import Unusable

    try:
        write()
    except Unusable as e:
        fail(e.key, lang, 2, **{k: display(v) if isinstance(v, Path) else v for k, v in e.values.items()})
    except OSError as e:
        shown = display(output) if output is not None and display(output) != "." else str(output or "-")
        fail("output_failed", lang, 1, file=shown, reason=e.strerror or str(e))
    if output is not None:
        sys.stderr.write(f"midterm: {t('wrote', lang, file=display(output))}\n")


# ---------------------------------------------------------------- commands


@command()
def status(
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            help="Plan folder (targets.toml and actuals/); repeat it, or give a folder of plan folders, "
            "for one line per plan. Default: $MIDTERM_DATA, the current folder if it holds targets.toml, "
            "else the shipped Bình Phước plan.",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    plan: Annotated[
        list[str] | None,
        typer.Option(
            "--plan", help="A plan that ships with midterm, by id; repeat it for one line per plan.", metavar="ID"
        ),
    ] = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="table, json, csv or markdown.", metavar="table|json|csv|markdown")
    ] = "table",
    output: OutputOpt = None,
    ids: Annotated[bool, typer.Option("--ids", help="Show the ids of indicators and metrics.", metavar="")] = False,
) -> None:
    """Every indicator and its metrics: on track, hard to achieve or without enough data, beside the report's
    verdict."""
    from . import scoring

    folders = _rollup_folders(data or [], plan or [], lang)
    if folders is not None:
        return _rollup(folders, as_of, trend_from, method, lang, format, output)
    folder = _data(data[0] if data else None, plan[0] if plan else None, lang)
    dataset, chosen, when, start, how = _scoring_input(folder, lang, as_of, trend_from, method)
    fmt = _format(format, options.FORMATS, chosen)
    _print("status", fmt, scoring.status(dataset, when, start, how), chosen, output, ids)  # type: ignore[arg-type]


def _rollup_folders(data: list[Path], plans: list[str], lang: str | None) -> list[Path] | None:
    """The plans of a roll-up, or None for a single plan: several --data or --plan, or one --data
    that is a folder of plan folders."""
    from .plans import Unusable, plan_folders, shipped

    if len(data) + len(plans) == 1 and data and not (data[0] / "targets.toml").exists() and data[0].is_dir():
        inside = plan_folders(data[0])
        return inside or None
    if len(data) + len(plans) <= 1:
        return None
    try:
        return [*data, *(shipped(p) for p in plans)]
    except Unusable as e:
        fail(e.key, language(lang), 2, **e.values)


def _rollup(
    folders: list[Path],
    as_of: str | None,
    trend_from: str | None,
    method: str,
    lang: str | None,
    fmt: str,
    output: Path | None,
) -> None:
    from .rollup import rollup

    chosen = language(lang)
    try:
        when = options.as_of(as_of)
        start = options.year(trend_from, "--trend-from") if trend_from is not None else None
        how = options.choice(method, options.METHODS, "--method")
    except options.BadValue as e:
        fail(e.key, chosen, 2, **e.values)
    result = rollup(folders, when, start, how)  # type: ignore[arg-type]
    from .render.words import problem_line

    for broken in result.broken:
        for problem in broken.problems:
            sys.stderr.write(problem_line(problem, chosen) + "\n")
    _print("rollup", _format(fmt, options.FORMATS, chosen), result, chosen, output)
    raise typer.Exit(1 if result.broken else 0)


@command()
def project(
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            "-y",
            help="The year to project to: after the baseline, at most end year + 10. Default: the end year.",
            metavar="YEAR",
        ),
    ] = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="table, json, csv or markdown.", metavar="table|json|csv|markdown")
    ] = "table",
    output: OutputOpt = None,
) -> None:
    """Where each metric is heading: its value, total or average at YEAR under both methods, beside the target."""
    from . import scoring

    folder = _data(data, plan, lang)
    try:
        wanted = options.year(year, "--year") if year is not None else None
    except options.BadValue as e:
        fail(e.key, language(lang), 2, **e.values)
    dataset, chosen, when, start, how = _scoring_input(folder, lang, as_of, trend_from, method, wanted)
    fmt = _format(format, options.FORMATS, chosen)
    result = scoring.project(dataset, wanted or dataset.plan.end_year, when, start, how)  # type: ignore[arg-type]
    _print("project", fmt, result, chosen, output)


@command()
def show(
    item: Annotated[
        str, typer.Argument(metavar="ID", help="An indicator (its id or number) or a metric id, in any case.")
    ],
    data: DataOpt = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.", metavar="table|json")] = "table",
    output: OutputOpt = None,
) -> None:
    """One indicator or metric in depth: its series with sources, each method's projection, the pace, a chart."""
    from . import scoring

    dataset, chosen, when, start, how = _scoring_input(_data(data, plan, lang), lang, as_of, trend_from, method)
    fmt = _format(format, ("table", "json"), chosen)
    shown = scoring.show(dataset, item, when, start, how)  # type: ignore[arg-type]
    if shown is None:
        from .nearby import hint

        fail("unknown_id", chosen, 2, id=item, hint=hint(item, dataset, chosen))
    _print("show", fmt, shown, chosen, output)


def _nearest(word: str, ids: list[str], lang: Lang) -> str:
    """The nearest ids to a wrong one; in a small plan with none near, all of them."""
    from .load import nearest

    found = nearest(word.lower(), ids)
    if found:
        return t("hint_ids", lang, ids=", ".join(found))
    return t("hint_all_ids", lang, ids=", ".join(ids)) if len(ids) <= 30 else ""


@command()
def record(
    metric: Annotated[str, typer.Argument(metavar="METRIC", help="The metric id, as in targets.toml (any case).")],
    year: Annotated[
        str, typer.Option("--year", "-y", help="The year file to write: actuals/YEAR.toml.", metavar="YEAR")
    ],
    value: Annotated[
        str, typer.Option("--value", help="The number, with a dot for decimals: 93.2, 14930.", metavar="NUMBER")
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            help="Where the number was read: required for a new figure; a replaced one keeps its own.",
            metavar="TEXT",
        ),
    ] = None,
    basis: Annotated[
        str | None,
        typer.Option(
            "--basis",
            help="official, preliminary or estimate (also: chính thức, sơ bộ, ước). Default: official for a new "
            "figure; a replaced figure keeps its own.",
            metavar="BASIS",
        ),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="The date the figure refers to, YYYY-MM-DD.", metavar="DATE")
    ] = None,
    to_date: Annotated[
        bool, typer.Option("--to-date", help="A running total since the term start.", metavar="")
    ] = False,
    since: Annotated[
        str | None, typer.Option("--since", help="A period average from this year to YEAR.", metavar="YEAR")
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", help="Definitions, other sources' figures; --note '' removes it.", metavar="TEXT"),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace the figure of the same year and span.", metavar="")
    ] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Show the result; write nothing.", metavar="")] = False,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            help="The plan to write to, a folder of yours. Default: $MIDTERM_DATA, else the current folder if it "
            "holds targets.toml; never a plan shipped with midterm.",
            show_default=False,
            metavar="DIR",
        ),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Add or replace one observation in actuals/YEAR.toml: checked with the whole plan first, written
    atomically, comments kept."""
    import datetime as dt

    from . import store
    from .files import display
    from .output import screen
    from .plans import Unusable, writable_data
    from .render.table import record_change
    from .render.words import problem_line
    from .scoring import find

    try:
        folder = writable_data(data)
    except Unusable as e:
        fail(e.key, language(lang), 2, **e.values)
    dataset, chosen = load_or_exit(folder, lang)
    found = find(dataset, metric)
    if found is None:
        metric_ids = [m.id for _, m in dataset.metrics()]
        fail("unknown_metric_arg", chosen, 2, id=metric, hint=_nearest(metric, metric_ids, chosen))
    _, metrics = found
    named = [m.id for m in metrics if m.id == metric.strip().lower()]
    if not named:  # an indicator, by id or number: say which metrics it holds
        fail("record_indicator", chosen, 2, id=metric, metrics=", ".join(m.id for m in metrics))
    metric_id = named[0]
    try:
        given: dict[str, object] = {"value": options.number(value)}
        when = options.year(year, "--year")
        if basis is not None:
            given["basis"] = options.basis(basis)
        if source is not None:  # a replaced figure keeps its own (store.merge)
            given["source"] = source
        if note:
            given["note"] = note
        if to_date:
            given["to_date"] = True
        if as_of is not None:
            try:
                given["as_of"] = dt.date.fromisoformat(as_of.strip())
            except ValueError:
                raise options.BadValue("record_bad_date", value=as_of) from None
        if since is not None:
            given["since"] = options.year(since, "--since")
    except options.BadValue as e:
        fail(e.key, chosen, 2, **e.values)
    if source is not None and not source.strip():
        fail("empty_source_arg", chosen, 2)
    first, last = dataset.plan.baseline_year, dataset.plan.end_year + 5
    if not first <= when <= last:  # a year file the plan could not hold
        fail("bad_record_year", chosen, 2, year=when, lo=first, hi=last)
    cleared = {"note"} if note == "" else set()
    shown = display(folder / "actuals" / f"{when}.toml")
    try:
        done = store.record(
            folder,
            metric_id,
            when,
            given,
            cleared,
            replace=replace,
            dry_run=dry_run,
            wait=_lock_wait(),
            on_wait=lambda: _say("lock_wait", chosen, folder=display(folder / "actuals")),
        )
    except store.NeedsReplace as e:
        sys.stdout.write(record_change(e.old, e.new, set(given), chosen, screen()[0]))
        fail("record_needs_replace", chosen, 2, file=shown)
    except (store.Refused, Unusable) as e:
        values = e.values
        fail(
            e.key,
            chosen,
            2 if e.key == "record_needs_source" else 1,
            **{"file": shown, **{k: display(v) if isinstance(v, Path) else v for k, v in values.items()}},
        )
    except store.Invalid as e:
        sys.stderr.write("".join(problem_line(p, chosen) + "\n" for p in e.problems))
        fail("record_invalid", chosen, 1)
    except OSError as e:
        fail("record_failed", chosen, 1, file=shown, reason=e.strerror or str(e))
    sys.stdout.write(record_change(done.old, done.new, set(given), chosen, screen()[0]))
    key = "record_dry_run" if not done.written else ("replaced_in" if done.old is not None else "recorded")
    sys.stderr.write(f"midterm: {t(key, chosen, metric=metric_id, year=when, file=display(done.path))}\n")
    sys.stderr.write("".join(problem_line(p, chosen) + "\n" for p in done.warnings))


def _say(key: str, lang: Lang, **args: object) -> None:
    sys.stderr.write(f"midterm: {t(key, lang, **args)}\n")


def _lock_wait() -> float:
    try:
        return max(0.0, float(os.environ.get("MIDTERM_LOCK_WAIT", "")))
    except ValueError:
        from .store import LOCK_WAIT

        return LOCK_WAIT


@command()
def validate(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan folders, targets.toml files or year files. Default: the data midterm would use.",
            show_default=False,
            metavar="PATH...",
        ),
    ] = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="text, json or github (the default inside GitHub Actions).",
            metavar="text|json|github",
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).", metavar="")] = False,
    notices: Annotated[
        bool, typer.Option("--notices", help="Show notices (metrics without data, acknowledged conflicts).", metavar="")
    ] = False,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    """Check a plan's data files: exit 0 when clean, 1 when errors are found (or warnings, with --strict)."""
    from .files import display
    from .load import check_paths
    from .problems import Checked
    from .render.words import validate_summary

    targets = paths or [_data(data, plan, lang)]
    missing = [p for p in targets if not p.exists()]
    if missing:
        fail("path_missing", language(lang), 2, path=display(missing[0]))
    report = check_paths(targets)
    chosen = language(lang, _plan_language(report))
    default = "github" if os.environ.get("GITHUB_ACTIONS") else "text"
    fmt = _format(format or default, ("text", "json", "github"), chosen)
    _print("validate", fmt, Checked(report, strict, notices), chosen, output)
    sys.stderr.write(validate_summary(report, chosen) + "\n")
    raise typer.Exit(0 if report.ok(strict) else 1)


@command()
def init(
    folder: Annotated[Path, typer.Argument(metavar="DIR", help="The new plan's folder: it must be empty or absent.")],
    source: Annotated[
        str | None,
        typer.Option("--from", help="Start from a copy of a shipped plan (midterm plans lists them).", metavar="PLAN"),
    ] = None,
    lang: LangOpt = None,
) -> None:
    """Start a plan of your own: a commented template that validates at once, or a copy of a shipped plan."""
    from .files import display
    from .plans import Unusable, new_plan

    chosen = language(lang)
    try:
        written = new_plan(folder, source, chosen)
    except Unusable as e:
        fail(e.key, chosen, 2, **{k: display(v) if isinstance(v, Path) else v for k, v in e.values.items()})
    except OSError as e:
        fail("output_failed", chosen, 1, file=display(folder), reason=e.strerror or str(e))
    for path in written:
        sys.stdout.write(display(path) + "\n")
    import shlex

    sys.stderr.write(f"midterm: {t('init_done', chosen, folder=shlex.quote(display(folder)))}\n")


@command()
def plans(
    lang: LangOpt = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.", metavar="table|json")] = "table",
    output: OutputOpt = None,
) -> None:
    """The plans that ship with midterm: id, name, term, indicators and years of data; the default marked."""
    from .catalogue import catalogue

    chosen = language(lang)
    _print("plans", _format(format, ("table", "json"), chosen), catalogue(), chosen, output)


@command()
def backtest(
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="Replay the review made with the year files up to this year. Default: the plan's review year.",
            metavar="YEAR",
        ),
    ] = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="table, json, csv or markdown.", metavar="table|json|csv|markdown")
    ] = "table",
    output: OutputOpt = None,
) -> None:
    """How the projections turned out: the review made as of a year, against what the later year files say."""
    from . import scoring

    dataset, chosen, when, start, how = _scoring_input(_data(data, plan, lang), lang, as_of, trend_from, method)
    if not isinstance(when, int):
        when = dataset.plan.review_year
        if when is None:
            fail("backtest_needs_year", chosen, 2)
        error = scoring.option_error(dataset, when, start)  # the year replayed, not the latest year file
        if error is not None:
            key, args = error
            fail(key, chosen, 2, **args)
    fmt = _format(format, options.FORMATS, chosen)
    _print("backtest", fmt, scoring.backtest(dataset, when, start, how), chosen, output)  # type: ignore[arg-type]


@command()
def report(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The file to write: .docx, .xlsx or .html.", metavar="FILE")
    ],
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="docx, xlsx or html.", metavar="docx|xlsx|html")
    ] = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
) -> None:
    """Write the review document: Word, Excel or a web page with charts, from the same figures as status."""
    from . import scoring
    from .files import display
    from .output import write_file
    from .render import Options, formatter

    dataset, chosen, when, start, how = _scoring_input(_data(data, plan, lang), lang, as_of, trend_from, method)
    suffix = output.suffix.lower().lstrip(".")
    if format is None and suffix not in REPORT_FORMATS:
        fail("report_format_unknown", chosen, 2, file=display(output))
    fmt = _format(format or suffix, REPORT_FORMATS, chosen)
    result = scoring.review(dataset, when, start, how)  # type: ignore[arg-type]
    document = formatter("report", fmt)(result, Options(chosen))
    assert isinstance(document, bytes)  # the document formats write bytes, not text
    _emit(lambda: write_file(output, document), output, chosen)


REPORT_FORMATS = ("docx", "xlsx", "html")


def main() -> None:
    """The console script: typer's app, with a last guard so no traceback reaches a user."""
    import gc

    from .output import safe_streams

    # A short-lived process frees everything when it exits; meanwhile the cycle collector would
    # only walk the growing heap of loaded observations again and again (a tenth of the time
    # of a national dataset). What midterm builds has no reference cycles to collect.
    gc.disable()
    # midterm uses no pydantic plugin; looking for them reads every installed package's metadata
    # (a tenth of the start-up of `status`)
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    safe_streams()
    everything = app.registered_commands
    app.registered_commands = _asked_for(sys.argv[1:], everything)
    try:
        app()
    except Exception as e:  # a bug, not bad input: say so in one line
        if os.environ.get("MIDTERM_DEBUG"):
            raise
        detail = f"{type(e).__name__}: {e}"
        sys.stderr.write(f"midterm: {t('internal_error', resolve_lang(localize.LANG, None), detail=detail)}\n")
        sys.exit(1)
    finally:
        app.registered_commands = everything


def _asked_for(argv: list[str], commands: "list[CommandInfo]") -> "list[CommandInfo]":
    """Only the command the line names, when it names one (`midterm status ...`, `midterm --lang en
    status ...`): typer turns every command's signature into options before it parses a line, and
    building the eight not asked for is a sixth of the start-up of `status`. Anything else (no
    command, a misspelt one, help, shell completion) keeps them all, to list or suggest them."""
    _, argv = localize.root_language(argv)
    if not argv or "_MIDTERM_COMPLETE" in os.environ:
        return commands
    named = [c for c in commands if (c.name or c.callback.__name__.replace("_", "-")) == argv[0]]  # type: ignore[union-attr]
    return named or commands
