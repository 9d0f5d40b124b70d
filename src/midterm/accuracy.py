"""Were the mid-term verdicts right, over several plans (`backtest --plan all`, or `--data`
repeated): each plan replayed as of its mid-term year and judged against its outcomes, one row
per plan and a total. A plan that cannot be read is named and hides none of the others."""

from pathlib import Path
from typing import NamedTuple

from .models import Plan
from .problems import Problem
from .rollup import Broken
from .scoring import METHODS, AsOf, Method, Window
from .scoring.outcomes import OFFICIAL, OutcomeSummary, add, share
from .summaries import each


class PlanOutcomes(NamedTuple):
    """One plan's row: the year replayed, how many indicators, and its counts."""

    plan: Plan
    window: Window  # the review replayed: its as-of year (and how it was chosen) and method
    latest: int | None  # the largest year file
    indicators: int
    summary: OutcomeSummary
    came_true: dict[str, float | None]  # linear, cagr, official: right / (right + wrong)


class Accuracy(NamedTuple):
    rows: list[PlanOutcomes]
    broken: list[Broken]
    total: OutcomeSummary
    came_true: dict[str, float | None]


def came_true(summary: OutcomeSummary) -> dict[str, float | None]:
    return {k: share(summary.indicators[k]) for k in (*METHODS, OFFICIAL)}


def backtest_folder(folder: Path, as_of: AsOf, trend_from: int | None, method: Method) -> PlanOutcomes | Broken:
    """One plan, from its folder to its row: loaded, checked, replayed and judged."""
    from .files import display
    from .load import load_folder
    from .scoring import backtest, option_error
    from .scoring.outcomes import replay_year

    shown = display(folder)
    report = load_folder(folder, warnings=False)
    if report.dataset is None:
        return Broken(folder, report.errors or [Problem(shown, "no_targets")], shown)
    asked = None if isinstance(as_of, str) else as_of  # `latest`: each plan's own mid-term year
    year, chosen_by = replay_year(report.dataset.plan, asked)
    error = option_error(report.dataset, year, trend_from)
    if error is not None:
        return Broken(folder, [Problem(shown, error[0], error[1])], shown)
    result = backtest(report.dataset, year, trend_from, method)
    s = result.summary.outcomes
    w = result.window._replace(chosen_by=chosen_by)
    return PlanOutcomes(result.plan, w, result.latest, len(result.indicators), s, came_true(s))


def accuracy(folders: list[Path], as_of: AsOf, trend_from: int | None, method: Method) -> Accuracy:
    from functools import partial

    replay = partial(backtest_folder, as_of=as_of, trend_from=trend_from, method=method)
    results = each(folders, replay)
    rows = [r for r in results if isinstance(r, PlanOutcomes)]
    broken = [r for r in results if isinstance(r, Broken)]
    total = add(r.summary for r in rows)
    return Accuracy(rows, broken, total, came_true(total))
