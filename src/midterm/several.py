"""The views over several plans: the roll-up (`status` with several --data or --plan, or a folder
of plan folders) and the accuracy table (`backtest` over several). A plan that cannot be read is
named on stderr and hides none of the others; the command then exits 1."""

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from .request import data_folder, format_choice, language, print_view, refusals, window_options

if TYPE_CHECKING:
    from .scoring import AsOf, Method

Window = tuple[str | None, str | None, str]  # --as-of, --trend-from and --method as typed


def many_plans(data: list[Path], plans: list[str], lang: str | None) -> list[Path] | None:
    """The plans of a view over several, or None for a single plan: several --data or --plan, one
    --data that is a folder of plan folders, or `--plan all` for every shipped plan."""
    from .plans import plan_folders, shipped
    from .summaries import plan_list

    named, every = plan_list(plans)
    if len(data) + len(named) == 1 and data and not (data[0] / "targets.toml").exists() and data[0].is_dir():
        inside = plan_folders(data[0])
        if inside:
            return inside
    elif len(data) + len(named) > 1:
        with refusals(language(lang)):
            return [*data, *(shipped(p) for p in named)]
    return [data_folder(None, named[0], lang)] if every else None


def rollup_view(folders: list[Path], window: "Window", lang: str | None, fmt: str, output: Path | None) -> None:
    """One line per plan (`status`): every problem of a plan that cannot be read is shown."""
    from .summaries import rollup

    _view("rollup", rollup, folders, window, lang, fmt, output, every_problem=True)


def accuracy_view(folders: list[Path], window: "Window", lang: str | None, fmt: str, output: Path | None) -> None:
    """Were the mid-term verdicts right, plan by plan (`backtest`): a broken plan in one line."""
    from .accuracy import accuracy

    _view("accuracy", accuracy, folders, window, lang, fmt, output, every_problem=False)


def _view(
    view: str,
    work: "Callable[[list[Path], AsOf, int | None, Method], Any]",
    folders: list[Path],
    window: "Window",
    lang: str | None,
    fmt: str,
    output: Path | None,
    every_problem: bool,
) -> None:
    from .words.problems import problem_line

    chosen = language(lang)
    as_of, trend_from, method = window
    with refusals(chosen):
        when, start, how = window_options(as_of, trend_from, method)
    result = work(folders, when, start, how)
    for broken in result.broken:
        for problem in broken.problems if every_problem else broken.problems[:1]:
            sys.stderr.write(problem_line(problem, chosen) + "\n")
    print_view(view, format_choice(view, fmt, chosen), result, chosen, output)
    raise typer.Exit(1 if result.broken else 0)
