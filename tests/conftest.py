from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from midterm.cli import app

ROOT = Path(__file__).resolve().parents[1]
NEGATIVE = ROOT / "tests" / "negative"

Run = Callable[..., Result]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no setting of the machine they run on (CI sets GITHUB_ACTIONS)."""
    for name in ("MIDTERM_LANG", "MIDTERM_DATA", "GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR", "PY_COLORS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture
def run() -> Run:
    """The CLI through typer's runner: run("status", "--lang", "en")."""

    def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
        return CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)

    return invoke


@pytest.fixture
def plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped Bình Phước plan, as the current folder."""
    folder = tmp_path / "plan"
    folder.mkdir()
    shutil.copy(ROOT / "targets.toml", folder / "targets.toml")
    shutil.copytree(ROOT / "actuals", folder / "actuals")
    monkeypatch.chdir(folder)
    return folder


def negative_case(name: str, into: Path) -> Path:
    """The small test plan of tests/negative/_base with one case's files laid over it, after
    removing the paths its case.toml lists under `remove`."""
    import tomllib

    shutil.copytree(NEGATIVE / "_base", into, dirs_exist_ok=True)
    meta = NEGATIVE / name / "case.toml"
    for rel in tomllib.loads(meta.read_text(encoding="utf-8")).get("remove", []) if meta.exists() else []:
        target = into / rel
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    ignore = shutil.ignore_patterns("case.toml")
    shutil.copytree(NEGATIVE / name, into, dirs_exist_ok=True, ignore=ignore, symlinks=True)
    return into
