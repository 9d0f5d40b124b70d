"""Issue 17, hostile input and the first hour (round three): each case through the real entry
points, on real files."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_hardening import midterm

from conftest import Run

# ---------------------------------------------------------------- 1. nesting that kills a parser

DEEP = {
    "arrays": "[" * 6300 + "]" * 6300,
    "inline tables": "{b = " * 5000 + "1" + "}" * 5000,
    # closers inside strings must not hide the depth: ["]", ["]", ...
    "closers in strings": '["]", ' * 3000 + "1" + "]" * 3000,
    "never closed": "[" * 6300,
}


@pytest.mark.parametrize("shape", DEEP)
@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["status"],
        ["record", "grdp-growth", "-y", "2024", "--value", "7", "--source", "x: y", "--replace"],
    ],
)
def test_nesting_that_would_overflow_the_parser_is_an_error_naming_the_place(
    plan: Path, shape: str, command: list[str]
) -> None:
    (plan / "actuals" / "2025.toml").write_text(
        f"year = 2025\n\n[grdp-growth]\nvalue = {DEEP[shape]}\n", encoding="utf-8"
    )
    before = (plan / "actuals" / "2024.toml").read_bytes()
    result = midterm(*command, "--lang", "en", cwd=plan)
    assert result.returncode == 1, result
    error = [line for line in (result.stdout + result.stderr).decode().splitlines() if "error:" in line]
    column = 9 + 100 * (
        len('["]", ') if shape == "closers in strings" else len("{b = ") if shape == "inline tables" else 1
    )
    assert error == [f"actuals/2025.toml:4:{column}: error: TOML syntax error: nested more than 100 levels deep"]
    assert (plan / "actuals" / "2024.toml").read_bytes() == before


def test_brackets_inside_strings_and_comments_are_not_nesting(run: Run, plan: Path) -> None:
    year = plan / "actuals" / "2024.toml"
    text = year.read_text(encoding="utf-8")
    noise = "[" * 300 + "{" * 300
    year.write_text(
        f"# {noise}\n" + text.replace('basis = "', f'note = """{noise}"""\nbasis = "', 1) + f"\n# '{noise}\n",
        encoding="utf-8",
    )
    assert run("validate").exit_code == 0
