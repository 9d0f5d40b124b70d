"""Run mutmut 3 on the scoring core and the loader: `python tests/mutation.py run`, then
`python tests/mutation.py results` (any mutmut command works; docs/mutation.md).

The configuration is `[tool.mutmut]` in pyproject.toml. This wrapper exists for one reason:
mutmut copies tests/ into mutants/ following symbolic links, and one negative case
(tests/negative/symlink-loop) is a link to itself, so the copy fails. Here links are copied as
links, which is what the case needs anyway.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import mutmut.__main__ as mutmut_main
from mutmut.configuration import config


def _linked_already(source: Path, destination: Path) -> Callable[[str, list[str]], list[str]]:
    """Links already copied on an earlier run: a second os.symlink would fail."""

    def ignore(folder: str, names: list[str]) -> list[str]:
        there = destination / Path(folder).relative_to(source)
        return [n for n in names if (Path(folder) / n).is_symlink() and (there / n).is_symlink()]

    return ignore


def copy_also_copy_files() -> None:
    for path in map(Path, config().also_copy):
        destination = Path("mutants") / path
        if not path.exists():
            continue
        if path.is_file():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
        else:
            shutil.copytree(
                path, destination, dirs_exist_ok=True, symlinks=True, ignore=_linked_already(path, destination)
            )


if __name__ == "__main__":
    mutmut_main.copy_also_copy_files = copy_also_copy_files  # type: ignore[attr-defined]
    mutmut_main.cli()
