"""`midterm show`: one indicator or metric in depth."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import Run

ANSI = re.compile(r"\x1b\[")


@pytest.mark.parametrize("item", ["grdp-growth", "jobs", "total-investment", "structure", "poverty-rate"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_readable_in_80_columns(item: str, lang: str, run: Run, plan: Path) -> None:
    result = run("show", item, "--lang", lang, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert not ANSI.search(result.stdout)


def test_a_metric_in_depth(run: Run, plan: Path) -> None:
    out = run("show", "grdp-growth", "--lang", "en", "--as-of", "2023", env={"COLUMNS": "80"}).stdout
    text = " ".join(out.split())
    assert "1. Average GRDP growth: hard to achieve (unsure) (the report: hard to achieve)" in text
    assert "How sure: unsure (data over 3 years, projected 2 years ahead)" in text
    assert "80% range for 2025: linear 7.10% to 9.60%; cagr 7.20% to 8.63%" in text
    assert "░ 80% range (linear)" in text
    assert "needs +10.64%/year in 2024-2025; the trend gives 8.80% and 9.26%" in text
    assert "pace: needs +10.64%/year from here; +7.92%/year on average so far" in text
    for year, value in (("2020", "7.51%"), ("2021", "6.32%"), ("2022", "8.42%"), ("2023", "8.34%")):
        assert re.search(rf"{year}\s+{re.escape(value)}", out)
    assert "average 2021-2023" in text  # the report's aggregate, with its source
    assert "mục I.2" in text
    assert "Projection to 2025" in text and re.search(r"linear\s+8\.80%\s+9\.26%", out)
    assert "o observed   L linear   C cagr   = target" in out


def test_an_indicator_shows_every_metric(run: Run, plan: Path) -> None:
    doc = json.loads(run("show", "jobs", "-f", "json").stdout)
    assert doc["indicator"]["id"] == "jobs"
    assert [m["id"] for m in doc["metrics"]] == [
        "new-jobs",
        "urban-unemployment",
        "trained-labour",
        "urbanisation",
        "poor-households-reduced",
        "poverty-rate",
    ]


def test_json_gives_the_same_data(run: Run, plan: Path) -> None:
    shown = json.loads(run("show", "total-investment", "-f", "json", "--as-of", "2023").stdout)
    status = json.loads(run("status", "-f", "json", "--as-of", "2023").stdout)
    [metric] = shown["metrics"]
    in_status = next(m for i in status["indicators"] for m in i["metrics"] if m["id"] == "total-investment")
    assert {k: v for k, v in metric.items() if k in in_status} == in_status
    assert metric["series"] == [
        {
            "year": 2023,
            "value": 92765,
            "basis": "estimate",
            "source": metric["series"][0]["source"],
            "note": None,
            "to_date": True,
            "as_of": "2023-06-30",
            "since": None,
            "published": None,
            "revisions": [],
        }
    ]
    assert metric["projection"]["years"] == [2023, 2024, 2025]
    assert metric["projection"]["linear"][-1] == pytest.approx(185530)
    assert metric["chart_points"] == [[2022.5, 92765]]
    assert metric["pace"].startswith("nhịp độ: từ nay cần +36.894/năm")


def test_unknown_id_suggests_the_nearest(run: Run, plan: Path) -> None:
    result = run("show", "grdp", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == "midterm: no indicator or metric 'grdp' (nearest: grdp-growth)\n"
    assert run("show", "income-per-haed", "--lang", "en").stderr.endswith("(nearest: income-per-head)\n")
    result = run("show", "growth", "--lang", "en")
    assert result.stderr == "midterm: no indicator or metric 'growth' (nearest: grdp-growth, population-growth)\n"


def test_numbers_and_any_case_find_the_same_thing(run: Run, plan: Path) -> None:
    by_id = json.loads(run("show", "jobs", "-f", "json").stdout)
    for item in ("12", "JOBS", " Jobs "):
        assert json.loads(run("show", item, "-f", "json").stdout) == by_id, item
    assert run("show", "99").exit_code == 2
    metric = json.loads(run("show", "GRDP-GROWTH", "-f", "json").stdout)
    assert [m["id"] for m in metric["metrics"]] == ["grdp-growth"]


HOSTILE = "[bold red]Đỏ[/] \\u001b[31mx \\u0007"


def test_markup_and_control_characters_in_names_units_notes_and_sources(run: Run, plan: Path) -> None:
    targets = plan / "targets.toml"
    text = targets.read_text(encoding="utf-8")
    text = text.replace('name = "Thu ngân sách"', f'name = "{HOSTILE}"', 1)
    text = text.replace('unit_en = "billion VND"\n  kind = "level"', f'unit_en = "{HOSTILE}"\n  kind = "level"', 1)
    targets.write_text(text, encoding="utf-8")
    year = plan / "actuals" / "2022.toml"
    text = re.sub(
        r'source = ".*14\.535 tỉ đồng.*"',
        lambda _: f'source = "{HOSTILE}"\nnote = "{HOSTILE}"',
        year.read_text(encoding="utf-8"),
    )
    year.write_text(text, encoding="utf-8")
    commands = [
        ["show", "budget-revenue"],
        ["show", "budget-revenue", "--lang", "en"],
        ["status", "--lang", "en"],
        ["status", "-f", "markdown", "--lang", "en"],
        ["status", "-f", "csv", "--lang", "en"],
        ["project", "--year", "2025", "--lang", "en"],
    ]
    for command in commands:
        result = run(*command, env={"COLUMNS": "250"})
        assert result.exit_code == 0, command
        markup = "\\[bold red\\]Đỏ\\[/\\]" if "markdown" in command else "[bold red]Đỏ[/]"  # Markdown escapes it
        assert markup in result.stdout, command
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, command
    shown = run("show", "budget-revenue").stdout
    assert shown.count("[bold red]Đỏ[/]") >= 3  # the name, the source and the note
    doc = json.loads(run("show", "budget-revenue", "-f", "json").stdout)
    assert doc["indicator"]["name"].startswith("[bold red]Đỏ[/] \x1b")  # JSON keeps the data as it is
