"""Many plans in one view: each plan read, scored and summarised on its own, so that one broken
plan is reported by name and hides none of the others."""

from pathlib import Path
from typing import NamedTuple

from .problems import Problem
from .scoring import AsOf, Method, PlanRow, plan_row


class Broken(NamedTuple):
    folder: Path
    problems: list[Problem]  # what stops it: validate's errors, or a usage error


class Rollup(NamedTuple):
    rows: list[PlanRow]
    broken: list[Broken]


def summarise_folder(folder: Path, as_of: AsOf, trend_from: int | None, method: Method) -> PlanRow | Broken:
    """One plan, from its folder to its row: loaded, checked, scored and summarised."""
    from .files import display
    from .load import load_folder
    from .scoring import option_error, status

    report = load_folder(folder, warnings=False)
    if report.dataset is None:
        return Broken(folder, report.errors or [Problem(display(folder), "no_targets")])
    error = option_error(report.dataset, as_of, trend_from)
    if error is not None:
        return Broken(folder, [Problem(display(folder), error[0], error[1])])
    return plan_row(status(report.dataset, as_of, trend_from, method))


def rollup(folders: list[Path], as_of: AsOf, trend_from: int | None, method: Method) -> Rollup:
    rows: list[PlanRow] = []
    broken: list[Broken] = []
    for folder in folders:
        result = summarise_folder(folder, as_of, trend_from, method)
        (broken if isinstance(result, Broken) else rows).append(result)  # type: ignore[arg-type]
    return Rollup(rows, broken)


def plan_folders(folder: Path) -> list[Path]:
    """The plans in a folder of plans: its subfolders that hold a targets.toml, by name."""
    return sorted(p for p in folder.iterdir() if p.is_dir() and (p / "targets.toml").is_file())
