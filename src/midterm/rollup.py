"""A roll-up of many plans, as the renderers receive it: a row per plan, and the plans that
could not be read, each by name (the work is in `summaries`)."""

from pathlib import Path
from typing import NamedTuple

from .problems import Problem
from .scoring import PlanRow


class Broken(NamedTuple):
    folder: Path
    problems: list[Problem]  # what stops it: validate's errors, or a usage error
    shown: str  # the folder as the user would type it


class Rollup(NamedTuple):
    rows: list[PlanRow]
    broken: list[Broken]
