"""The plans that ship with midterm, as `midterm plans` lists them."""

from pathlib import Path
from typing import NamedTuple

from .files import YEAR_FILE
from .load import check_targets
from .models import Targets
from .plans import DEFAULT_PLAN, shipped_plans


class PlanInfo(NamedTuple):
    id: str
    folder: Path
    targets: Targets
    years: tuple[int, ...]  # the year files present
    default: bool

    @property
    def metrics(self) -> int:
        return sum(len(i.metrics) for i in self.targets.indicators)


def catalogue() -> list[PlanInfo]:
    """Every shipped plan whose targets.toml reads, the default first."""
    out = []
    for plan_id, folder in shipped_plans().items():
        targets, _ = check_targets(folder / "targets.toml", [])
        if targets is None:  # a broken shipped plan is a bug the tests catch; never hide the others
            continue
        actuals = folder / "actuals"
        names = [p.stem for p in actuals.glob("*.toml")] if actuals.is_dir() else []
        years = sorted(int(name) for name in names if YEAR_FILE.match(name))
        out.append(PlanInfo(plan_id, folder, targets, tuple(years), plan_id == DEFAULT_PLAN))
    return out
