"""The command line: a few lines per command, reading options and handing over.

Commands call the loader and the scoring core and give the result to a renderer. Errors from
bad data or bad options end in one line on stderr and exit code 1 or 2, never a traceback.
Help and usage errors speak the user's language (`localize`).
"""

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__, localize, options
from .options import (
    AsOfOpt,
    BasisOpt,
    CheckFormatOpt,
    DataOpt,
    DateOpt,
    DryRunOpt,
    FormArg,
    FormatOpt,
    FormOutputOpt,
    FormYearsOpt,
    FromOpt,
    IdsOpt,
    ImportDryRunOpt,
    ImportReplaceOpt,
    ItemArg,
    LangOpt,
    MethodOpt,
    MetricArg,
    NewFolderArg,
    NoteOpt,
    NoticesOpt,
    OldPublishedOpt,
    OutputOpt,
    PathsArg,
    PlanOpt,
    PlansDataOpt,
    PlansOpt,
    ProjectYearOpt,
    PublishedOpt,
    RecordYearOpt,
    ReplaceOpt,
    ReplayAsOfOpt,
    ReplayDataOpt,
    ReplayPlanOpt,
    ReportFormatOpt,
    ReportOutputOpt,
    RevisionOpt,
    ShortFormatOpt,
    SinceOpt,
    SourceOpt,
    StrictOpt,
    ToDateOpt,
    TrendFromOpt,
    ValueOpt,
    WritableDataOpt,
)

if TYPE_CHECKING:  # the loader and the models are imported by the commands that use them
    from typer.models import CommandInfo


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


# ---------------------------------------------------------------- commands


@command()
def status(
    data: PlansDataOpt = None,
    plan: PlansOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
    ids: IdsOpt = False,
) -> None:
    """Every indicator and its metrics: on track, hard to achieve or without enough data, beside the report's
    verdict."""
    from . import scoring
    from .request import data_folder, format_choice, print_view, scoring_request

    if data or plan:  # with neither, it is one plan: the roll-up's modules stay unloaded (start-up)
        from .several import many_plans, rollup_view

        folders = many_plans(data or [], plan or [], lang)
        if folders is not None:
            return rollup_view(folders, (as_of, trend_from, method), lang, format, output)
    asked = scoring_request(
        data_folder(data[0] if data else None, plan[0] if plan else None, lang), lang, as_of, trend_from, method
    )
    fmt = format_choice("status", format, asked.lang)
    result = scoring.status(asked.dataset, asked.as_of, asked.trend_from, asked.method)
    chosen = asked.lang
    del asked  # no view shows the observations: freed before the output is built (a national plan's peak memory)
    print_view("status", fmt, result, chosen, output, ids)


@command()
def project(
    year: ProjectYearOpt = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """Where each metric is heading: its value, total or average at YEAR under both methods, beside the target."""
    from . import scoring
    from .request import data_folder, format_choice, language, print_view, refusals, scoring_request

    folder = data_folder(data, plan, lang)
    with refusals(language(lang)):
        wanted = options.year(year, "--year") if year is not None else None
    asked = scoring_request(folder, lang, as_of, trend_from, method, wanted)
    fmt = format_choice("project", format, asked.lang)
    end = wanted or asked.dataset.plan.end_year
    result = scoring.project(asked.dataset, end, asked.as_of, asked.trend_from, asked.method)
    print_view("project", fmt, result, asked.lang, output)


@command()
def show(
    item: ItemArg,
    data: DataOpt = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: ShortFormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """One indicator or metric in depth: its series with sources, each method's projection, the pace, a chart."""
    from . import scoring
    from .request import data_folder, fail, format_choice, print_view, scoring_request

    asked = scoring_request(data_folder(data, plan, lang), lang, as_of, trend_from, method)
    fmt = format_choice("show", format, asked.lang)
    shown = scoring.show(asked.dataset, item, asked.as_of, asked.trend_from, asked.method)
    if shown is None:
        from .nearby import near

        fail("unknown_id", asked.lang, 2, id=item, hint=near(item, asked.dataset))
    print_view("show", fmt, shown, asked.lang, output)


@command()
def record(
    metric: MetricArg,
    year: RecordYearOpt,
    value: ValueOpt,
    source: SourceOpt = None,
    basis: BasisOpt = None,
    as_of: DateOpt = None,
    to_date: ToDateOpt = False,
    since: SinceOpt = None,
    note: NoteOpt = None,
    replace: ReplaceOpt = False,
    revision: RevisionOpt = False,
    published: PublishedOpt = None,
    old_published: OldPublishedOpt = None,
    dry_run: DryRunOpt = False,
    data: WritableDataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Add or replace one observation in actuals/YEAR.toml: checked with the whole plan first, written
    atomically, comments kept."""
    from . import store
    from .files import display
    from .lock import lock_wait
    from .output import screen
    from .plans import Unusable, writable_data
    from .recording import change
    from .render.table import record_change
    from .request import fail, language, load_or_exit, refusals, say
    from .words.problems import problem_line

    with refusals(language(lang)):
        folder = writable_data(data)
    dataset, chosen = load_or_exit(folder, lang)
    with refusals(chosen):
        asked = change(
            dataset,
            metric,
            year,
            value,
            source,
            basis,
            as_of,
            to_date,
            since,
            note,
            replace,
            revision,
            published,
            old_published,
        )
    shown = display(folder / "actuals" / f"{asked.year}.toml")
    try:
        done = store.record(
            folder,
            asked.metric,
            asked.year,
            asked.given,
            asked.cleared,
            replace=replace,
            revision=revision,
            old_published=asked.old_published,
            dry_run=dry_run,
            wait=lock_wait(),
            on_wait=lambda: say("lock_wait", chosen, folder=folder / "actuals"),
        )
    except store.NothingToRevise:
        fail("record_nothing_to_revise", chosen, 2, file=shown, metric=asked.metric, year=asked.year)
    except store.NeedsReplace as e:
        sys.stdout.write(record_change(e.old, e.new, set(asked.given), chosen, screen()[0]))
        fail("record_needs_replace", chosen, 2, file=shown)
    except (store.Refused, Unusable) as e:  # the plan or the file refuses the change: bad data, exit 1
        # (a new figure without --source is a usage error, exit 2)
        fail(e.key, chosen, 2 if e.key == "record_needs_source" else 1, **{"file": shown, **e.values})
    except store.Invalid as e:
        sys.stderr.write("".join(problem_line(p, chosen) + "\n" for p in e.problems))
        if revision and any(p.key == "revision_after_figure" for p in e.problems):
            say("record_revision_hint", chosen)
        fail("record_invalid", chosen, 1)
    except OSError as e:
        fail("record_failed", chosen, 1, file=shown, reason=e.strerror or str(e))
    written = set(asked.given) | ({"revisions"} if revision else set())  # the history is new, not kept
    sys.stdout.write(record_change(done.old, done.new, written, chosen, screen()[0]))
    key = "record_dry_run" if not done.written else ("replaced_in" if done.old is not None else "recorded")
    key = "revised_in" if revision and done.written else key
    say(key, chosen, metric=asked.metric, year=asked.year, file=done.path)
    sys.stderr.write("".join(problem_line(p, chosen) + "\n" for p in done.warnings))


@command()
def validate(
    paths: PathsArg = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    format: CheckFormatOpt = None,
    strict: StrictOpt = False,
    notices: NoticesOpt = False,
    lang: LangOpt = None,
    output: OutputOpt = None,
) -> None:
    """Check a plan's data files: exit 0 when clean, 1 when errors are found (or warnings, with --strict)."""
    from .load import check_paths
    from .problems import Checked
    from .request import data_folder, fail, format_choice, language, plan_language, print_view
    from .words.problems import validate_summary

    targets = paths or [data_folder(data, plan, lang)]
    missing = [p for p in targets if not p.exists()]
    if missing:
        fail("path_missing", language(lang), 2, path=missing[0])
    report = check_paths(targets)
    chosen = language(lang, plan_language(report))
    default = "github" if os.environ.get("GITHUB_ACTIONS") else "text"
    fmt = format_choice("validate", format or default, chosen)
    print_view("validate", fmt, Checked(report, strict, notices), chosen, output)
    sys.stderr.write(validate_summary(report, chosen) + "\n")
    raise typer.Exit(0 if report.ok(strict) else 1)


@command()
def init(
    folder: NewFolderArg,
    source: FromOpt = None,
    lang: LangOpt = None,
) -> None:
    """Start a plan of your own: a commented template that validates at once, or a copy of a shipped plan."""
    from .files import display
    from .plans import new_plan
    from .request import fail, language, refusals, say

    chosen = language(lang)
    try:
        with refusals(chosen):
            written = new_plan(folder, source, chosen)
    except OSError as e:
        fail("output_failed", chosen, 1, file=folder, reason=e.strerror or str(e))
    for path in written:
        sys.stdout.write(display(path) + "\n")
    import shlex

    say("init_done", chosen, folder=shlex.quote(display(folder)))


@command()
def plans(
    lang: LangOpt = None,
    format: ShortFormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """The plans that ship with midterm: id, name, term, indicators and years of data; the default marked."""
    from .catalogue import catalogue
    from .request import format_choice, language, print_view

    chosen = language(lang)
    print_view("plans", format_choice("plans", format, chosen), catalogue(), chosen, output)


@command()
def backtest(
    as_of: ReplayAsOfOpt = None,
    data: ReplayDataOpt = None,
    plan: ReplayPlanOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
    format: FormatOpt = "table",
    output: OutputOpt = None,
) -> None:
    """How the projections turned out: the review made as of a year, against what the later year files say."""
    from . import scoring
    from .request import check_years, data_folder, format_choice, print_view, scoring_request
    from .scoring.outcomes import replay_year
    from .several import accuracy_view, many_plans

    plans = plan or []
    folders = many_plans(data or [], plans, lang)
    if folders is not None:  # the accuracy table over several plans
        return accuracy_view(folders, (as_of, trend_from, method), lang, format, output)
    folder = data_folder(data[0] if data else None, plans[0] if plans else None, lang)
    asked = scoring_request(folder, lang, as_of, trend_from, method)
    replayed, chosen_by = asked.as_of, "asked"  # a year or a date (--as-of DATE) is replayed as asked
    if replayed is None or replayed == "latest":
        replayed, chosen_by = replay_year(asked.dataset.plan, None)
        check_years(asked.dataset, asked.lang, replayed, asked.trend_from)  # the year replayed, not the latest
    fmt = format_choice("backtest", format, asked.lang)
    result = scoring.backtest(asked.dataset, replayed, asked.trend_from, asked.method)
    print_view("backtest", fmt, result._replace(window=result.window._replace(chosen_by=chosen_by)), asked.lang, output)


@command()
def report(
    output: ReportOutputOpt,
    format: ReportFormatOpt = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    as_of: AsOfOpt = None,
    trend_from: TrendFromOpt = None,
    method: MethodOpt = "linear",
    lang: LangOpt = None,
) -> None:
    """Write the review document: Word, Excel or a web page with charts, from the same figures as status."""
    from . import scoring
    from .output import write_file
    from .render import Options, formatter
    from .request import data_folder, deliver, report_format, scoring_request

    asked = scoring_request(data_folder(data, plan, lang), lang, as_of, trend_from, method)
    fmt = report_format(output, format, asked.lang)
    result = scoring.review(asked.dataset, asked.as_of, asked.trend_from, asked.method)
    document = formatter("report", fmt)(result, Options(asked.lang))
    assert isinstance(document, bytes)  # the document formats write bytes, not text
    deliver(lambda: write_file(output, document), output, asked.lang)


@command()
def collect(
    output: FormOutputOpt,
    year: FormYearsOpt = None,
    data: DataOpt = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
) -> None:
    """Write a form for the departments that report the figures: one sheet per owner, a row per metric
    and year, ids locked, drop-down lists, instructions in the plan's language."""
    from .forms.run import collect as run
    from .request import data_folder, load_or_exit

    dataset, chosen = load_or_exit(data_folder(data, plan, lang), lang)
    run(dataset, chosen, output, year or [])


@app.command("import", cls=localize.Command)
def import_(
    file: FormArg,
    replace: ImportReplaceOpt = False,
    dry_run: ImportDryRunOpt = False,
    data: WritableDataOpt = None,
    lang: LangOpt = None,
) -> None:
    """Read a filled form: every figure checked as record checks it, a table of what changes, then all of it
    written at once or nothing."""
    from .forms.run import import_form
    from .lock import lock_wait
    from .plans import writable_data
    from .request import language, load_or_exit, refusals, say

    with refusals(language(lang)):
        folder = writable_data(data)
    dataset, chosen = load_or_exit(folder, lang)

    def waiting() -> None:
        say("lock_wait", chosen, folder=folder / "actuals")

    code = import_form(
        folder, dataset, chosen, file, replace=replace, dry_run=dry_run, wait=lock_wait(), on_wait=waiting
    )
    raise typer.Exit(code)


def main() -> None:
    """The console script: typer's app, with a last guard so no traceback reaches a user."""
    import gc

    from .launch import interrupted
    from .output import safe_streams
    from .request import say

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
        if os.environ.get("MIDTERM_DEBUG") or interrupted(e):  # Ctrl-C inside another error: launch ends it
            raise
        say("internal_error", localize.line_language(sys.argv[1:]), detail=f"{type(e).__name__}: {e}")
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
    named = [c for c in commands if _name(c) == argv[0]]
    return named or commands


def _name(command: "CommandInfo") -> str | None:
    """A command's name as typed: its own, or its function's."""
    if command.name:
        return command.name
    return command.callback.__name__.replace("_", "-") if command.callback else None
