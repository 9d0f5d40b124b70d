"""The product's documentation is in the repository, and says what the code does: every link
resolves, every key the models accept is described, every command and option is documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def anchors(path: Path) -> set[str]:
    """GitHub's anchors for a Markdown file's headings."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            out.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return out


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_relative_link_resolves(doc: Path) -> None:
    for target in LINK.findall(doc.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # an address on the web
        file, _, anchor = target.partition("#")
        path = (doc.parent / file).resolve() if file else doc
        assert path.exists(), f"{doc.name}: {target}"
        assert "shared" not in path.parts, f"{doc.name} points outside the product: {target}"
        if anchor and path.suffix == ".md":
            assert anchor in anchors(path), f"{doc.name}: {target}"


def test_the_readme_names_only_documents_that_exist() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in re.findall(r"\b([\w-]+\.md)\b", readme):
        assert list(ROOT.rglob(name)), name
    assert "../shared" not in readme


def test_every_key_the_models_accept_is_in_the_format_document() -> None:
    from midterm.models import Indicator, Metric, Observation, Plan, Thresholds

    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    for model in (Plan, Indicator, Metric, Observation, Thresholds):
        for key in model.model_fields:
            assert f"`{key}`" in text, f"{model.__name__}.{key}"
    assert "`year`" in text


def test_every_command_and_option_is_in_the_cli_document() -> None:
    from typer.main import get_command

    from midterm.cli import app

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert f"## midterm {name}" in text, name
        section = text.split(f"## midterm {name}", 1)[1].split("\n## ", 1)[0]
        shared = text.split("## Options many commands share", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            for option in param.opts:
                if option.startswith("--"):
                    assert option in section or option in shared, f"{name} {option}"
