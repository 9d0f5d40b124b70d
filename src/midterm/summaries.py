"""Many plans in one view: each plan read, scored and summarised on its own, so that one broken
plan is reported by name and hides none of the others."""

from pathlib import Path

from .problems import Problem
from .rollup import Broken, Rollup
from .scoring import AsOf, Method, PlanRow, plan_row


def summarise_folder(folder: Path, as_of: AsOf, trend_from: int | None, method: Method) -> PlanRow | Broken:
    """One plan, from its folder to its row: loaded, checked, scored and summarised."""
    from .files import display
    from .load import load_folder
    from .scoring import option_error, status

    shown = display(folder)
    report = load_folder(folder, warnings=False)
    if report.dataset is None:
        return Broken(folder, report.errors or [Problem(shown, "no_targets")], shown)
    error = option_error(report.dataset, as_of, trend_from)
    if error is not None:
        return Broken(folder, [Problem(shown, error[0], error[1])], shown)
    return plan_row(status(report.dataset, as_of, trend_from, method))


POOLED = 8  # plans: fewer are read in this process, where starting workers would cost more than it saves


def rollup(folders: list[Path], as_of: AsOf, trend_from: int | None, method: Method) -> Rollup:
    """Every plan summarised, in worker processes when there are many (a national view of a few
    thousand communes): each worker reads, checks and scores whole plans and sends back only
    their rows, so nothing large crosses between processes."""
    from functools import partial

    from . import workers

    summarise = partial(summarise_folder, as_of=as_of, trend_from=trend_from, method=method)
    results: list[PlanRow | Broken] | None = None
    cores = workers.count()
    if cores > 1 and len(folders) >= POOLED:
        try:
            with workers.pool(cores) as pool:
                results = list(pool.map(summarise, folders, chunksize=max(1, len(folders) // (cores * 8))))
        except (OSError, RuntimeError):  # no processes here, or a broken pool: read them in this one
            results = None
    if results is None:
        results = [summarise(folder) for folder in folders]
    rows = [r for r in results if isinstance(r, PlanRow)]
    broken = [r for r in results if isinstance(r, Broken)]
    return Rollup(rows, broken)
