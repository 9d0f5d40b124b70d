"""What `collect` and `import` do between reading their options and exiting: cli.py hands over
the plan and the language, these return the exit code. Messages go to stderr, the table of
changes to stdout."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.words import clean, t

if TYPE_CHECKING:
    from midterm.models import Dataset
    from midterm.problems import Problem

    from .figures import Figure


def collect(dataset: Dataset, lang: Lang, output: Path, years: list[str]) -> None:
    """The form for `years` (read here; none: the years each metric still lacks) written to `output`;
    a refusal ends the command (`request.fail`)."""
    from midterm import options, recording
    from midterm.output import write_file
    from midterm.request import fail, refusals, say

    from .collect import rows, workbook

    if output.suffix.lower() != ".xlsx":
        fail("collect_not_xlsx", lang, 2, file=output)
    with refusals(lang):
        asked = [recording.year_in_plan(dataset, options.year(y, "--year")) for y in years]
    sheets = rows(dataset, asked)
    if not sheets:
        fail("collect_nothing", lang, 2, end=dataset.plan.end_year)
    data = workbook(dataset, sheets, lang)
    try:
        with refusals(lang):
            write_file(output, data)
    except OSError as e:
        fail("output_failed", lang, 1, file=output, reason=e.strerror or str(e))
    count = sum(len(r) for r in sheets.values())
    say("collected", lang, rows=count, sheets=len(sheets), file=output)


def import_form(
    folder: Path,
    dataset: Dataset,
    lang: Lang,
    path: Path,
    *,
    replace: bool,
    dry_run: bool,
    wait: float,
    on_wait: Callable[[], None],
) -> int:
    from midterm import store
    from midterm.files import display
    from midterm.output import screen
    from midterm.plans import Unusable
    from midterm.request import say

    from .cells import Unreadable, read
    from .changes import table
    from .figures import figures

    shown = display(path)
    if not path.is_file():
        say("path_missing", lang, path=shown)
        return 2
    size = path.stat().st_size
    if size > 1024 * 1024:
        say("import_reading", lang, file=shown, size=f"{size / 1024 / 1024:.0f} MB")
    try:
        form = read(path, lambda sheet, row, rows: say("import_progress", lang, sheet=sheet, row=row, rows=rows))
    except Unreadable as e:
        say(e.key, lang, file=shown, **e.values)
        return 1
    if form.plan is not None and form.plan != dataset.plan.id:
        say("import_other_plan", lang, file=shown, form=form.plan, plan=dataset.plan.id)
        return 1
    found, mistakes = figures(dataset, form.rows)
    # a sheet's name comes from the file: cleaned like every text from data before a terminal sees it
    lines = [f"{shown}: {clean(place)}: {t(key, lang, **values)}" for place, key, values in form.mistakes]
    lines += [f"{shown}: {clean(m.place)}: {_word(m.key, lang, m.values)}" for m in mistakes]
    if lines and found:  # what the plan's own checks say of the figures that could be read, listed too
        try:
            store.record_many(folder, [(f.metric, f.year, f.given) for f in found], replace=True, dry_run=True)
        except store.Invalid as e:
            lines += [_where(p, found, folder, shown, lang) for p in e.problems]
        except (store.Refused, Unusable, OSError):
            pass  # said when the form is mended and imported again
    if lines:
        sys.stderr.write("".join(f"{line}\n" for line in lines))
        say("import_errors", lang, count=len(lines), file=shown)
        return 1
    if not found:
        say("import_nothing", lang, file=shown)
        return 0
    places = {(f.metric, f.year, bool(f.given.get("to_date"))): f.places["value"] for f in found}
    width = screen()[0]
    try:
        done = store.record_many(
            folder,
            [(f.metric, f.year, f.given) for f in found],
            replace=replace,
            dry_run=dry_run,
            wait=wait,
            on_wait=on_wait,
        )
    except store.NeedsReplaceAll as e:
        sys.stdout.write(table(e.outcomes, places, lang, width))
        say("import_needs_replace", lang, count=sum(o.status == "replaced" for o in e.outcomes))
        return 2
    except store.Invalid as e:
        sys.stderr.write("".join(f"{_where(p, found, folder, shown, lang)}\n" for p in e.problems))
        say("import_errors", lang, count=len(e.problems), file=shown)
        return 1
    except (store.Refused, Unusable) as e:
        say(e.key, lang, **{"file": shown, **e.values})
        return 1
    except OSError as e:
        say("import_failed", lang, file=display(Path(e.filename)) if e.filename else shown, reason=e.strerror or str(e))
        return 1
    sys.stdout.write(table(done.outcomes, places, lang, width))
    count = sum(o.status != "unchanged" for o in done.outcomes)
    files = ", ".join(display(p) for p in done.paths)
    if not done.paths:
        say("import_unchanged_only", lang)
    elif dry_run:
        say("import_dry_run", lang, count=count, files=files)
    else:
        say("import_done", lang, count=count, files=files)
    _warn(done.warnings, lang)
    return 0


def _word(key: str, lang: Lang, values: dict[str, object]) -> str:
    if key == "form_ambiguous_value" and lang == "vi":  # the decimal reading as the form's language writes it
        values = {**values, "decimal": str(values["decimal"]).replace(".", ",")}
    return t(key, lang, **values)


def _where(p: Problem, found: list[Figure], folder: Path, form: str, lang: Lang) -> str:
    """A problem the plan's checks found, said at the cell of the figure that caused it when there
    is one (the value the metric cannot take: its value cell), else as validate says it."""
    from midterm.files import display
    from midterm.words.problems import problem_line, problem_message

    for f in found:
        if p.file == display(folder / "actuals" / f"{f.year}.toml"):
            metric = re.match(r"\[+([a-z0-9-]+)\]", p.path or "")
            if metric and metric.group(1) == f.metric:
                field = (p.path or "").rsplit(".", 1)[-1]
                place = f.places.get(field, f.places["value"])
                return f"{form}: {clean(place)}: {problem_message(p, lang)}"
    return problem_line(p, lang)


def _warn(warnings: tuple[Problem, ...], lang: Lang) -> None:
    from midterm.words.problems import problem_line

    sys.stderr.write("".join(problem_line(p, lang) + "\n" for p in warnings))
