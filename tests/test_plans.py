"""More plans, one view: the shipped plans, a plan of one's own, a roll-up of many, the
mid-term view by default, bounded projections, and the backtest, through the real entry point."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Run
from midterm.plans import shipped_plans

SHIPPED = ["binh-phuoc-xi", "dong-nai-i", "dong-nai-xi", "vietnam-2021-2025", "vietnam-2026-2030"]


def doc(run: Run, *args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def metric(status: dict[str, Any], metric_id: str) -> dict[str, Any]:
    return next(m for i in status["indicators"] for m in i["metrics"] if m["id"] == metric_id)


# ---------------------------------------------------------------- shipped plans


def test_the_shipped_plans_are_listed_and_each_validates_strictly(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    listed = doc(run, "plans", "-f", "json")["plans"]
    assert [p["id"] for p in listed] == SHIPPED
    assert [p["default"] for p in listed] == [True, False, False, False, False]
    by_id = {p["id"]: p for p in listed}
    assert (by_id["binh-phuoc-xi"]["indicators"], by_id["binh-phuoc-xi"]["years"]) == (
        15,
        [2020, 2021, 2022, 2023, 2024, 2025],
    )
    assert (by_id["dong-nai-i"]["baseline_year"], by_id["dong-nai-i"]["end_year"]) == (2025, 2030)
    # the national plans: the term with known results, and the next one from its base year
    assert (by_id["vietnam-2021-2025"]["indicators"], by_id["vietnam-2021-2025"]["years"]) == (
        22,
        [2020, 2021, 2022, 2023, 2024, 2025],
    )
    assert (by_id["vietnam-2026-2030"]["baseline_year"], by_id["vietnam-2026-2030"]["end_year"]) == (2025, 2030)
    for plan_id in by_id:
        result = run("validate", "--strict", "--plan", plan_id)
        assert result.exit_code == 0, (plan_id, result.output)
    table = run("plans", "--lang", "en", env={"COLUMNS": "120"}).stdout
    assert "binh-phuoc-xi (default)" in table and "dong-nai-xi" in table
    assert run("status", "--plan", "nowhere").exit_code == 2


def test_the_old_dong_nai_plan_is_hard_on_growth_and_per_head(run: Run) -> None:
    status = doc(run, "status", "--plan", "dong-nai-xi", "--as-of", "2023", "-f", "json", "--lang", "en")
    growth, per_head = metric(status, "grdp-growth"), metric(status, "grdp-per-capita")
    assert (growth["verdict"], per_head["verdict"]) == ("hard", "hard")
    assert growth["reason"].startswith("needs +13.")  # the yearly rate 2024-2025 needs, against the trend's
    assert per_head["reason"].startswith("needs +23.12/year to reach 186 in 2025")


def test_the_merged_plan_has_its_baseline_and_no_term_data_yet(run: Run) -> None:
    status = doc(run, "status", "--plan", "dong-nai-i", "-f", "json", "--lang", "en")
    assert (status["baseline_year"], status["end_year"], status["as_of"]) == (2025, 2030, 2025)
    assert status["summary"]["insufficient-data"] == len(status["indicators"])
    assert metric(status, "grdp-growth")["latest"]["value"] == 9.63


# ---------------------------------------------------------------- a plan of one's own


def test_init_gives_a_plan_that_validates_at_once(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for lang in ("vi", "en"):
        result = run("init", f"mine-{lang}", "--lang", lang)
        assert result.exit_code == 0, result.output
        assert run("validate", "--strict", f"mine-{lang}").exit_code == 0
        text = (tmp_path / f"mine-{lang}" / "targets.toml").read_text(encoding="utf-8")
        for key in ("language", "name_en", "target_text", "valid_min", "official"):
            assert key in text, key
        kinds = {line.split('"')[1] for line in text.splitlines() if line.strip().startswith("kind =")}
        assert kinds == {"level", "cumulative", "annual", "average-growth", "trend"}
        assert text.count("\n[[indicators]]\n") == 2 and "#" in text
    copy = run("init", "bp", "--from", "binh-phuoc-xi")
    assert copy.exit_code == 0
    assert (tmp_path / "bp" / "targets.toml").read_bytes() == (ROOT / "targets.toml").read_bytes()
    assert run("validate", "--strict", "bp").exit_code == 0
    # a copy is the user's to write to, from inside it or with --data
    assert (
        run("record", "urbanisation", "--year", "2024", "--value", "30", "--source", "x", "--data", "bp").exit_code == 0
    )


def test_init_refuses_a_folder_with_anything_in_it(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("init", "busy", "--lang", "en")
    assert (result.exit_code, result.stderr) == (
        2,
        "midterm: busy is not empty: init starts a plan only in an empty or new folder\n",
    )
    assert [p.name for p in (tmp_path / "busy").iterdir()] == ["notes.txt"]
    assert run("init", "other", "--from", "nowhere").exit_code == 2
    assert not (tmp_path / "other").exists()


# ---------------------------------------------------------------- several plans at once


def test_a_roll_up_of_several_plans(run: Run) -> None:
    result = doc(run, "status", "--plan", "binh-phuoc-xi", "--plan", "dong-nai-xi", "-f", "json", "--lang", "en")
    assert [p["plan"] for p in result["plans"]] == ["binh-phuoc-xi", "dong-nai-xi"]
    bp = result["plans"][0]
    assert bp["as_of"] == 2023 and set(bp["summary"]) >= {"on-track", "hard", "insufficient-data", "official"}
    assert bp["summary"]["disagreements"] == ["structure", "budget-revenue", "jobs"]
    assert bp["pressing"]["id"] == "grdp-growth"  # the hard indicator furthest behind
    assert result["summary"]["plans"] == 2 and result["broken"] == []
    assert result["summary"]["hard"] == bp["summary"]["hard"] + result["plans"][1]["summary"]["hard"]
    table = run("status", "--plan", "binh-phuoc-xi", "--plan", "dong-nai-xi", "--lang", "en", env={"COLUMNS": "140"})
    assert "2 plans" in table.stdout and "Most pressing" in table.stdout
    rows = list(
        csv.DictReader(
            io.StringIO(run("status", "--plan", "binh-phuoc-xi", "--plan", "dong-nai-i", "-f", "csv").stdout)
        )
    )
    assert [r["plan"] for r in rows] == ["binh-phuoc-xi", "dong-nai-i"]


def test_a_folder_of_plans_and_a_broken_one_among_them(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "province"
    for plan_id, source in shipped_plans().items():
        shutil.copytree(source, folder / plan_id, ignore=shutil.ignore_patterns("plans", "src", "tests", ".*"))
    broken = folder / "zz-broken"
    shutil.copytree(folder / "dong-nai-xi", broken)
    (broken / "actuals" / "2022.toml").write_text("year = 2022\n[grdp-growth]\nvalue = 9 x\n", encoding="utf-8")
    result = run("status", "--data", str(folder), "-f", "json", "--lang", "en")
    assert result.exit_code == 1  # one plan is broken: said, and the others still shown
    out = json.loads(result.stdout)
    assert [p["plan"] for p in out["plans"]] == SHIPPED
    assert [b["data"] for b in out["broken"]] == [str(broken)]
    assert "zz-broken/actuals/2022.toml:3:11: error: TOML syntax error" in result.stderr


# ---------------------------------------------------------------- the review's own view, bounded


def test_the_mid_term_view_is_the_default_and_says_later_data_exist(run: Run, plan: Path) -> None:
    status = doc(run, "status", "-f", "json", "--lang", "en")
    assert (status["as_of"], status["as_of_from"], status["latest_year"], status["later_years"]) == (
        2023,
        "review",
        2025,
        [2024, 2025],
    )
    latest = doc(run, "status", "-f", "json", "--as-of", "latest")
    assert (latest["as_of"], latest["as_of_from"], latest["later_years"]) == (2025, "latest", [])
    table = " ".join(run("status", "--lang", "en", env={"COLUMNS": "140"}).stdout.split())
    assert "as of 2023, the plan's review year" in table
    assert "year files to 2025 exist: --as-of latest to use them" in table


def test_a_rate_is_never_projected_below_zero(run: Run, plan: Path) -> None:
    poverty = metric(doc(run, "status", "-f", "json", "--lang", "en"), "poverty-rate")
    assert poverty["projected"] == 0 and poverty["bounded"] is True
    # two points (2020 and 2023): too few for a range
    assert poverty["by_method"]["linear"] == {"projected": 0.0, "verdict": "improving", "bounded": True, "range": None}
    assert "the trend reaches 0, the limit of what the metric can take, by 2025" in poverty["reason"]
    projected = doc(run, "project", "--year", "2025", "-f", "json")
    assert next(m for m in projected["metrics"] if m["id"] == "poverty-rate")["projected"] == 0


def test_progress_in_every_format(run: Run, plan: Path) -> None:
    status = doc(run, "status", "-f", "json")
    grades = {m["id"]: (m["progress"], m["score"]) for i in status["indicators"] for m in i["metrics"]}
    assert grades["income-per-head"] == ("substantial", 5.0)
    assert grades["trade-turnover"] == ("target-achieved", 5.0)
    assert grades["budget-revenue"][0] == "substantial" and grades["budget-revenue"][1] == pytest.approx(
        2.53, abs=0.005
    )
    assert grades["share-agriculture"][0] == "limited" and grades["share-agriculture"][1] == pytest.approx(
        -0.95, abs=0.005
    )
    assert grades["share-services"][0] == "moderate" and grades["share-services"][1] == pytest.approx(1.84, abs=0.005)
    assert grades["poverty-rate"] == ("substantial", 5.0)
    assert all("progress" in i and "score" in i for i in status["indicators"])
    rows = list(csv.DictReader(io.StringIO(run("status", "-f", "csv").stdout)))
    assert {r["metric"]: r["progress"] for r in rows}["income-per-head"] == "substantial"
    assert "substantial progress (score 2.53)" in run("status", "-f", "markdown", "--lang", "en").stdout
    assert "progress: substantial progress (score 2.53)" in run("show", "budget-revenue", "--lang", "en").stdout
    assert "substantial · 5" in run("project", "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert json.loads(run("show", "income-per-head", "-f", "json").stdout)["metrics"][0]["progress"] == "substantial"


# ---------------------------------------------------------------- backtest


def test_the_backtest_of_the_mid_term_review(run: Run, plan: Path) -> None:
    result = doc(run, "backtest", "--as-of", "2023", "-f", "json", "--lang", "en")
    assert (result["as_of"], result["latest"]) == (2023, 2025)
    growth = next(m for m in result["metrics"] if m["id"] == "grdp-growth")
    [year] = growth["years"]
    # the average 2021-2024: the report's 7.92% for 2021-2023 (its aggregate) and 9.32% in 2024, geometric
    assert year["year"] == 2024 and year["observed"] == pytest.approx(((1.0792**3 * 1.0932) ** 0.25 - 1) * 100)
    for method in ("linear", "cagr"):
        guess = year["by_method"][method]
        assert set(guess) == {"predicted", "error", "relative_error", "range", "inside"}
        assert guess["error"] == pytest.approx(year["observed"] - guess["predicted"])
    projected = doc(run, "project", "--year", "2024", "--as-of", "2023", "-f", "json")
    at_2024 = next(m for m in projected["metrics"] if m["id"] == "grdp-growth")["by_method"]
    assert year["by_method"]["linear"]["predicted"] == at_2024["linear"]["projected"]  # exactly what project gives
    assert year["by_method"]["cagr"]["predicted"] == at_2024["cagr"]["projected"]
    assert (growth["closer"], growth["verdict_then"], growth["verdict_now"], growth["outcome"]) == (
        "linear",
        "hard",
        "hard",
        "held",
    )
    outcomes = {m["id"]: m["outcome"] for m in result["metrics"]}
    assert outcomes["income-per-head"] == "not-checkable"  # no 2024 figure: nothing is invented
    summary_keys = {"mean_abs_relative_error", "closer", "metrics", "indicators", "outcomes", "inside"}
    assert set(result["summary"]) >= summary_keys
    assert sum(result["summary"]["metrics"].values()) == len(result["metrics"]) == 29
    table = " ".join(run("backtest", "--lang", "en", env={"COLUMNS": "140"}).stdout.split())
    assert "Backtest: the review as of 2023 against the year files to 2025" in table
    assert "mean absolute relative error: linear" in table


def test_a_backtest_without_later_data_checks_nothing(run: Run, plan: Path) -> None:
    result = doc(run, "backtest", "--as-of", "2025", "-f", "json")  # the last year with figures
    assert {m["outcome"] for m in result["metrics"]} == {"not-checkable"}
    assert result["summary"]["mean_abs_relative_error"] == {"linear": None, "cagr": None}
    rows = list(csv.DictReader(io.StringIO(run("backtest", "--as-of", "2023", "-f", "csv").stdout)))
    assert {r["metric"] for r in rows} >= {"grdp-growth", "income-per-head"}
    assert run("backtest", "--as-of", "2031").exit_code == 2


def test_a_backtest_checks_its_trend_start_against_the_year_it_replays(run: Run, plan: Path) -> None:
    # --as-of latest replays the review year (2023): a trend from 2023 has no window before it,
    # with or without --as-of latest (it was accepted with it, and `now` silently started in 2020)
    for args in (["--trend-from", "2023"], ["--as-of", "latest", "--trend-from", "2023"]):
        refused = run("backtest", *args, "--lang", "en")
        assert (refused.exit_code, refused.stderr) == (
            2,
            "midterm: --trend-from 2023 is out of range: 2020..2022 (before the as-of year)\n",
        ), args
    kept = doc(run, "backtest", "--as-of", "latest", "--trend-from", "2021", "-f", "json")
    assert (kept["as_of"], kept["trend_from"]) == (2023, 2021)


def test_a_roll_up_in_worker_processes_says_what_one_process_says(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "communes"
    for k in range(10):  # enough plans for a pool of workers
        source = shipped_plans()["dong-nai-xi" if k % 2 else "binh-phuoc-xi"]
        shutil.copytree(source, folder / f"xa-{k:02d}", ignore=shutil.ignore_patterns("plans", "src", "tests", ".*"))
    args = ["status", "--data", str(folder), "-f", "json"]
    pooled = run(*args, env={"MIDTERM_WORKERS": "2"})
    alone = run(*args, env={"MIDTERM_WORKERS": "1"})
    assert pooled.exit_code == alone.exit_code == 0
    assert json.loads(pooled.stdout) == json.loads(alone.stdout)
    assert len(json.loads(alone.stdout)["plans"]) == 10
