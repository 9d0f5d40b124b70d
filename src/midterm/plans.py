"""Where plans are: the plans that ship with midterm, the folder a command reads, the folder a
command may write, and a new plan folder to start from.

Nothing is ever written inside the installed package: its plans are read-only copies that a
reinstall would silently restore, so every later `status` on the machine would change.
"""

import os
import shutil
from pathlib import Path

from .options import BadValue

DEFAULT_PLAN = "binh-phuoc-xi"  # the Bình Phước plan at the repository root


class Unusable(BadValue):
    """A folder a command cannot use: a refusal, like a value that cannot be read (exit code 2)."""


def package_dir() -> Path:
    return Path(__file__).resolve().parent


def shipped_plans() -> dict[str, Path]:
    """The plans inside the package, by id (their folder's name), the default first.

    A wheel carries them in midterm/data/<id>/; an editable install runs from the source tree,
    where the default plan is the repository root and the others are under plans/.
    """
    here = package_dir()
    packaged = here / "data"
    if packaged.is_dir():
        folders = [p for p in sorted(packaged.iterdir()) if (p / "targets.toml").is_file()]
    else:
        root = here.parents[1]
        folders = [root] if (root / "targets.toml").is_file() else []
        if (root / "plans").is_dir():
            folders += [p for p in sorted((root / "plans").iterdir()) if (p / "targets.toml").is_file()]
    found = {(DEFAULT_PLAN if p == here.parents[1] else p.name): p for p in folders}
    return dict(sorted(found.items(), key=lambda item: item[0] != DEFAULT_PLAN))


def shipped(plan_id: str) -> Path:
    plans = shipped_plans()
    key = plan_id.strip().lower()
    if key not in plans:
        raise Unusable("unknown_plan", id=plan_id, known=", ".join(plans))
    return plans[key]


def find_data(data: Path | None = None, plan: str | None = None) -> Path:
    """The plan a reading command uses: --data, --plan, $MIDTERM_DATA, the current folder when it
    holds a targets.toml, else the default shipped plan."""
    if data is not None and plan is not None:
        raise Unusable("data_and_plan")
    if plan is not None:
        return shipped(plan)
    if data is not None:
        return data
    env = os.environ.get("MIDTERM_DATA")
    if env:
        return Path(env)
    if here_is_a_plan():
        return Path(".")
    return shipped(DEFAULT_PLAN)


def here_is_a_plan() -> bool:
    """Whether the current folder is the user's plan: it has actuals/ or a targets.toml of any kind
    (a folder, a FIFO, a broken link), which the command then says is wrong; never the shipped
    plan in its place."""
    return os.path.lexists("targets.toml") or Path("actuals").is_dir()


def plan_folders(folder: Path) -> list[Path]:
    """The plans in a folder of plans (the communes of a province): its subfolders that hold a
    targets.toml, by name."""
    return sorted(p for p in folder.iterdir() if p.is_dir() and (p / "targets.toml").is_file())


def inside_package(path: Path) -> bool:
    """Whether a path lies in the installed package's own folder (symlinks followed)."""
    try:
        path.resolve().relative_to(package_dir())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


def writable_data(data: Path | None) -> Path:
    """The plan a writing command may change: only one the user named (--data, $MIDTERM_DATA) or
    stands in; never a shipped plan."""
    env = os.environ.get("MIDTERM_DATA")
    folder = data if data is not None else Path(env) if env else Path(".") if here_is_a_plan() else None
    if folder is None:
        raise Unusable("no_plan_here")
    if inside_package(folder) or any(folder.resolve() == p.resolve() for p in shipped_plans().values()):
        raise Unusable("shipped_read_only", folder=folder)
    return folder


def refuse_package_path(path: Path) -> None:
    """An output file is never written into the package."""
    if inside_package(path):
        raise Unusable("output_in_package", path=path)


# ---------------------------------------------------------------- midterm init


def new_plan(folder: Path, source: str | None, lang: str) -> list[Path]:
    """A plan folder that validates at once: the commented template in `lang`, or a copy of a
    shipped plan. Refuses a folder that holds anything; returns the files written."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise Unusable("init_not_empty", folder=folder)
    if inside_package(folder):
        raise Unusable("output_in_package", path=folder)
    origin = shipped(source) if source is not None else None
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actuals").mkdir()
    written = []
    if origin is None:
        templates = package_dir() / "templates" / lang
        for name in ("targets.toml", "actuals/README.txt"):
            shutil.copyfile(templates / name, folder / name)
            written.append(folder / name)
    else:
        shutil.copyfile(origin / "targets.toml", folder / "targets.toml")
        written.append(folder / "targets.toml")
        for year_file in sorted((origin / "actuals").glob("*.toml")):
            shutil.copyfile(year_file, folder / "actuals" / year_file.name)
            written.append(folder / "actuals" / year_file.name)
    return written
