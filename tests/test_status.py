"""`midterm status` and `midterm project` through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Run
from midterm import render

ANSI = re.compile(r"\x1b\[")


def status_json(run: Run, *args: str) -> dict[str, Any]:
    result = run("status", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def metric(doc: dict[str, Any], metric_id: str) -> dict[str, Any]:
    return next(m for i in doc["indicators"] for m in i["metrics"] if m["id"] == metric_id)


def test_status_lists_all_15_indicators_with_both_verdicts(run: Run, plan: Path) -> None:
    result = run("status")
    assert result.exit_code == 0
    doc = status_json(run)
    assert [i["no"] for i in doc["indicators"]] == list(range(1, 16))
    for indicator in doc["indicators"]:
        assert indicator["verdict"] in ("on-track", "hard", "insufficient-data")
        assert indicator["official"] in ("on-track", "hard")
        assert indicator["name"] in result.stdout.replace("\n", " ") or indicator["name"].split()[0] in result.stdout
    summary = doc["summary"]
    assert summary["official"] == {"on-track": 12, "hard": 3}
    # the summary counts what the indicators say (their sum is 15 whatever each count is)
    verdicts = [i["verdict"] for i in doc["indicators"]]
    assert {k: summary[k] for k in ("on-track", "hard", "insufficient-data")} == {
        k: verdicts.count(k) for k in ("on-track", "hard", "insufficient-data")
    }
    decided = [i for i in doc["indicators"] if i["verdict"] != "insufficient-data"]
    assert summary["disagreements"] == [i["id"] for i in decided if i["verdict"] != i["official"]]
    assert summary["undecided"] == [i["id"] for i in doc["indicators"] if i["verdict"] == "insufficient-data"]
    # the shipped data as the README tells it: GRDP growth hard as the report says; structure,
    # budget revenue and jobs hard where the report says on track
    assert (verdicts[0], summary["disagreements"]) == ("hard", ["structure", "budget-revenue", "jobs"])
    assert "báo cáo đánh giá 12 đúng lộ trình và 3 khó đạt" in " ".join(result.stdout.split())
    assert f"khác nhau ở {len(summary['disagreements'])} chỉ tiêu" in result.stdout


def test_status_speaks_english(run: Run, plan: Path) -> None:
    result = run("status", "--lang", "en")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "the report says 12 on track and 3 hard" in text
    assert "Average GRDP growth" in text
    assert "8.34%" in text and "8,34%" not in text  # the mid-term view: 2023's rate
    assert "8,34%" in run("status").stdout
    assert "the report says" in run("status", env={"MIDTERM_LANG": "en"}).stdout.replace("\n", " ")


def test_the_mid_term_view(run: Run, plan: Path) -> None:
    doc = status_json(run, "--as-of", "2023")
    assert doc["as_of"] == 2023
    grdp = metric(doc, "grdp-growth")
    assert grdp["verdict"] == "hard"
    assert 10.6 <= grdp["required_pace"] <= 11.0
    investment = metric(doc, "total-investment")
    assert investment["verdict"] == "on-track"
    assert investment["projected"] == pytest.approx(185530, abs=1)


def test_json_follows_the_contract(run: Run, plan: Path) -> None:
    doc = status_json(run, "--as-of", "2023", "--lang", "en")
    assert {"plan", "baseline_year", "end_year", "as_of", "method", "trend_from", "summary", "indicators"} <= set(doc)
    assert (doc["plan"], doc["baseline_year"], doc["end_year"], doc["method"], doc["trend_from"]) == (
        "binh-phuoc-xi",
        2020,
        2025,
        "linear",
        2020,
    )
    summary = doc["summary"]
    assert {"on-track", "hard", "insufficient-data", "official", "disagreements", "undecided"} <= set(summary)
    ids = {i["id"] for i in doc["indicators"]}
    assert set(summary["disagreements"]) <= ids and set(summary["undecided"]) <= ids
    for indicator in doc["indicators"]:
        assert {"id", "no", "verdict", "official", "reason", "metrics"} <= set(indicator)
        for m in indicator["metrics"]:
            assert {
                "id",
                "kind",
                "direction",
                "target",
                "threshold",
                "latest",
                "projected",
                "verdict",
                "achieved",
                "robust",
                "by_method",
                "required_pace",
                "observed_pace",
                "reason",
            } <= set(m)
            trend = m["kind"] == "trend"
            allowed = (
                ("improving", "stable", "worsening", "insufficient-data")
                if trend
                else (
                    "on-track",
                    "hard",
                    "insufficient-data",
                )
            )
            assert m["verdict"] in allowed
            assert set(m["by_method"]) == {"linear", "cagr"}
            for result in m["by_method"].values():
                assert set(result) >= {"projected", "verdict"}
                assert result["verdict"] in (*allowed, "n/a")
                if result["verdict"] == "n/a":
                    assert result["projected"] is None
            if m["latest"] is not None:
                assert {"year", "value", "basis"} <= set(m["latest"])
            for number in ("threshold", "projected", "required_pace", "observed_pace"):
                assert m[number] is None or isinstance(m[number], float | int)
            assert isinstance(m["achieved"], bool) and isinstance(m["robust"], bool)
    grdp = metric(doc, "grdp-growth")
    assert grdp["target"] == [9.0, 10.0]
    assert grdp["threshold"] == 9.0
    assert grdp["latest"] == {"year": 2023, "value": 8.34, "basis": "official", "as_of": None}
    assert grdp["projected"] == pytest.approx(8.362, abs=5e-4)
    assert grdp["by_method"]["linear"] == {
        "projected": pytest.approx(8.362, abs=5e-4),
        "verdict": "hard",
        "bounded": False,
        "range": pytest.approx([7.10, 9.60], abs=5e-3),  # METHOD: How sure, the worked example
    }
    assert grdp["by_method"]["cagr"] == {
        "projected": pytest.approx(7.92),
        "verdict": "hard",
        "bounded": False,
        "range": pytest.approx([7.20, 8.63], abs=5e-3),
    }
    assert (grdp["span"], grdp["horizon"], grdp["certainty"], grdp["range"]) == (
        3,
        2,
        "low",
        grdp["by_method"]["linear"]["range"],
    )
    assert (grdp["achieved"], grdp["robust"]) == (False, True)
    assert grdp["required_pace"] == pytest.approx(10.640, abs=5e-4)
    assert grdp["observed_pace"] == pytest.approx(7.92)
    assert grdp["reason"] == "needs +10.64%/year in 2024-2025; the trend gives 8.80% and 9.26%"


def test_every_format_a_command_offers_has_a_renderer() -> None:
    from midterm import render as options  # the formats: in the one registry of formats

    offered = {
        "status": options.FORMATS,
        "project": options.FORMATS,
        "rollup": options.FORMATS,
        "backtest": options.FORMATS,
        "accuracy": options.FORMATS,
        "show": ("table", "json"),
        "plans": ("table", "json"),
        "validate": ("text", "json", "github"),
        "report": ("docx", "xlsx", "html"),
    }
    assert set(offered) == set(render.VIEWS)
    for view, choices in offered.items():
        assert set(render.VIEWS[view]) == set(choices)
        for choice in choices:
            assert callable(render.formatter(view, choice))


def test_csv_and_markdown(run: Run, plan: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("status", "-f", "csv", "--as-of", "2023").stdout)))
    assert len(rows) == sum(len(i["metrics"]) for i in status_json(run)["indicators"])
    grdp = next(r for r in rows if r["metric"] == "grdp-growth")
    assert float(grdp["required_pace"]) == pytest.approx(10.640, abs=5e-4)
    assert grdp["verdict"] == "hard" and grdp["official"] == "hard"
    markdown = run("status", "-f", "markdown", "--lang", "en").stdout
    assert markdown.startswith("## Resolution of the 11th Bình Phước")
    assert "| 1 | **Average GRDP growth** |" in markdown
    assert "the report says 12 on track and 3 hard" in markdown


def test_estimates_are_marked(run: Run, plan: Path) -> None:
    assert "2024 ước" in run("status", "--as-of", "latest").stdout
    assert "2024 est." in run("status", "--as-of", "latest", "--lang", "en").stdout


def test_plain_text_without_a_terminal_and_with_no_color(run: Run, plan: Path) -> None:
    assert not ANSI.search(run("status").stdout)
    assert not ANSI.search(run("status", env={"NO_COLOR": "1", "FORCE_COLOR": "1"}).stdout)


def test_readable_in_80_columns(run: Run, plan: Path) -> None:
    for lang in ("vi", "en"):
        for width in (60, 80, 89):
            out = run("status", "--lang", lang, env={"COLUMNS": str(width)}).stdout
            lines = out.splitlines()
            assert max(len(line) for line in lines) <= width, (lang, width)
            assert all(line == line.rstrip() for line in lines), "no trailing spaces"
            words = set(" ".join(lines).split())
            assert "Indicato" not in words and "r" not in words  # no word broken across lines
    stacked = run("status", env={"COLUMNS": "80"}).stdout
    assert "5. Cơ cấu kinh tế: khó đạt" in stacked
    assert "báo cáo: ≠ đúng lộ trình" in stacked  # the report's verdict, under ours
    assert "≠ đánh giá của báo cáo khác với kết quả tính" in " ".join(stacked.split())  # the marks' legend
    wide = run("status", env={"COLUMNS": "140"}).stdout
    assert "Báo cáo" in wide and "Tiến độ" not in wide.splitlines()[1]  # the grade sits under the verdict
    assert all(line == line.rstrip() for line in wide.splitlines())


def test_options_out_of_range_are_one_line_usage_errors(run: Run, plan: Path) -> None:
    for args in (["--as-of", "2019"], ["--as-of", "2031"], ["--trend-from", "2024"], ["--trend-from", "2019"]):
        result = run("status", "--lang", "en", *args)
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("midterm: --")
    assert run("status", "--method", "quadratic").exit_code == 2


def test_trend_from_narrows_the_window(run: Run, plan: Path) -> None:
    doc = status_json(run, "--as-of", "2023", "--trend-from", "2021")
    assert doc["trend_from"] == 2021
    assert metric(doc, "grdp-growth")["projected"] != pytest.approx(8.362, abs=5e-4)


def test_project_prints_every_metric(run: Run, plan: Path) -> None:
    result = run("project", "--year", "2025", "--lang", "en")
    assert result.exit_code == 0
    doc = json.loads(run("project", "--year", "2025", "-f", "json").stdout)
    assert doc["year"] == 2025
    assert len(doc["metrics"]) == sum(len(i["metrics"]) for i in status_json(run)["indicators"])
    text = " ".join(result.stdout.split())
    for m in doc["metrics"]:
        assert m["year"] == 2025
        assert m["name_en"].split()[0] in text
    investment = next(m for m in doc["metrics"] if m["id"] == "total-investment")
    assert investment["projected"] == pytest.approx(185530, abs=1)
    assert investment["gap"] == pytest.approx(530, abs=1)


def test_project_year_out_of_range(run: Run, plan: Path) -> None:
    for year in ("1999", "2020", "2036"):
        result = run("project", "--year", year, "--lang", "en")
        assert result.exit_code == 2
        assert result.stderr == f"midterm: --year {year} is out of range: 2021..2035\n"
    default = json.loads(run("project", "-f", "json").stdout)  # no --year: the end year
    assert default["year"] == 2025


def test_project_shows_an_observation_in_its_year(run: Run, plan: Path) -> None:
    doc = json.loads(run("project", "--year", "2022", "-f", "json").stdout)
    income = next(m for m in doc["metrics"] if m["id"] == "income-per-head")
    assert income["observed"] == 84.6 and income["projected"] == 84.6


HOSTILE = "[bold red]Đỏ[/] \x1b[31mx\x1b[0m \x07"


def test_names_with_markup_and_control_characters_print_as_text(run: Run, plan: Path) -> None:
    targets = plan / "targets.toml"
    text = targets.read_text(encoding="utf-8")
    hostile = HOSTILE.replace("\x1b", "\\u001b").replace("\x07", "\\u0007")
    text = text.replace('name = "Thu ngân sách"', f'name = "{hostile}"', 1)
    text = text.replace('unit = "tỷ USD"', f'unit = "{hostile}"', 1)
    targets.write_text(text, encoding="utf-8")
    for fmt in ("table", "markdown", "csv"):
        out = run("status", "-f", fmt).stdout
        assert ("\\[bold red\\]Đỏ\\[/\\]" if fmt == "markdown" else "[bold red]Đỏ[/]") in out, fmt
        assert "\x1b" not in out and "\x07" not in out, fmt
        assert ("\\\\x1b\\[31mx" if fmt == "markdown" else "\\x1b[31mx") in out, fmt
    assert "[bold red]Đỏ[/]" in run("project", "--year", "2025", env={"COLUMNS": "250"}).stdout
    assert json.loads(run("status", "-f", "json").stdout)["indicators"][6]["name"].startswith("[bold red]")


def test_invalid_data_prints_validate_errors_and_exits_1(run: Run, plan: Path) -> None:
    (plan / "actuals" / "2022.toml").write_text("year = 2023\n", encoding="utf-8")
    for command in (["status"], ["project", "--year", "2025"]):
        result = run(*command, "--lang", "en")
        assert result.exit_code == 1
        assert result.stdout == ""
        assert "actuals/2022.toml:1: error: year: year = 2023 but the file is named 2022.toml" in result.stderr


def test_a_data_folder_without_targets_is_wrong_usage(run: Run, tmp_path: Path) -> None:
    result = run("status", "--data", str(tmp_path / "nowhere"), "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("midterm: ") and "no such file or folder" in result.stderr


def test_readme_documents_every_command() -> None:
    from midterm.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in app.registered_commands:
        name = command.name or command.callback.__name__  # type: ignore[union-attr]
        assert f"midterm {name}" in readme, name


def test_readme_accuracy_table_is_what_the_command_prints(run: Run) -> None:
    """The README shows the accuracy table computed, never typed: the command's output as it is."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- accuracy:.*?-->\n(.*?)\n<!-- /accuracy -->", readme, re.S)
    assert shown is not None
    printed = run("backtest", "--plan", "all", "--lang", "en", "-f", "markdown").stdout.strip()
    assert shown.group(1).strip() == printed, "refresh the README: midterm backtest --plan all --lang en -f markdown"


def test_readme_commands_are_what_ci_runs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    install, tests = blocks[0], blocks[1]
    assert install.startswith("python3 -m venv .venv") and install.endswith("midterm status")
    assert tests in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_json_output_does_not_import_rich(plan: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys, runpy\n"
        "sys.argv = ['midterm', 'status', '--format', 'json']\n"
        "try:\n    runpy.run_module('midterm', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('rich', 'tomli_w'))), file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=plan, check=True)
    assert json.loads(result.stdout)["plan"] == "binh-phuoc-xi"
    assert result.stderr.strip().splitlines()[-1] == "[]"


def test_starting_the_command_line_loads_no_data_machinery() -> None:
    import subprocess
    import sys

    code = "import sys, midterm.cli; print(sorted(m for m in sys.modules if m.startswith('midterm')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = result.stdout.strip()
    assert loaded == "['midterm', 'midterm.cli', 'midterm.i18n', 'midterm.localize', 'midterm.options']"


def test_status_of_one_plan_pays_for_nothing_it_does_not_use() -> None:
    """Start-up costs that crept in once: pydantic reading the signature of a builtin default
    factory (`list`) compiles the tokenizer's pattern, and the roll-up's and the workers' modules
    are not needed for one plan."""
    import subprocess
    import sys

    code = (
        "import io, sys, contextlib\n"
        "sys.argv = ['midterm', 'status', '--format', 'json']\n"
        "from midterm.launch import run\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n        run()\n    except SystemExit:\n        pass\n"
        "tok = sys.modules.get('tokenize')\n"
        "print(tok._compile.cache_info().currsize if tok else 0)\n"
        "print(sorted(m for m in ('midterm.several', 'midterm.summaries', 'midterm.workers') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    compiled, unused = result.stdout.split("\n")[:2]
    assert compiled == "0"
    assert unused == "[]"
