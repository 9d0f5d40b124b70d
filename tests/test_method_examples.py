"""Every worked example of METHOD.md, through the scoring core and through the command line.

The examples live as a real plan in tests/examples/method/, one metric each.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, Run
from midterm import scoring
from midterm.load import load_folder
from midterm.models import Dataset
from midterm.words.problems import problem_line

EXAMPLES = ROOT / "tests" / "examples" / "method"


@pytest.fixture(scope="module")
def data() -> Dataset:
    report = load_folder(EXAMPLES)
    assert report.dataset is not None, [problem_line(p, "en") for p in report.errors]
    return report.dataset


def metric(data: Dataset, metric_id: str, as_of: int | None = 2023) -> scoring.MetricScore:
    status = scoring.status(data, as_of=as_of)
    return next(m for i in status.indicators for m in i.metrics if m.metric.id == metric_id)


def test_grdp_from_yearly_rates_alone(data: Dataset) -> None:
    m = metric(data, "growth-yearly")
    assert m.observed_pace == pytest.approx(7.689, abs=5e-4)
    assert m.required_pace == pytest.approx(10.997, abs=5e-4)
    assert m.verdict == "hard"
    assert m.by_method["linear"].projected == pytest.approx(8.550, abs=5e-4)
    assert m.by_method["cagr"].projected == pytest.approx(7.689, abs=5e-4)


def test_grdp_with_the_2020_rate_and_the_reports_aggregate(data: Dataset) -> None:
    m = metric(data, "growth-shipped")
    assert m.required_pace == pytest.approx(10.640, abs=5e-4)
    assert m.reason.args["rates"] == pytest.approx([8.80, 9.26], abs=5e-3)
    assert m.by_method["linear"].projected == pytest.approx(8.36, abs=5e-3)
    assert m.by_method["cagr"].projected == pytest.approx(7.92, abs=1e-9)
    assert m.observed_pace == pytest.approx(7.92, abs=1e-9)
    assert (m.verdict, m.by_method["cagr"].verdict, m.robust) == ("hard", "hard", True)


def test_total_investment_running_total(data: Dataset) -> None:
    m = metric(data, "investment")
    assert scoring.tau(__import__("datetime").date(2023, 6, 30), 2021) == 2.5
    assert m.projected == pytest.approx(185530)
    assert m.by_method["cagr"].projected == pytest.approx(185530)  # pro rata under both methods
    assert (m.verdict, m.achieved) == ("on-track", False)
    assert m.required_pace == pytest.approx(36894)
    assert m.observed_pace == pytest.approx(37106)


def test_level_up_hard_under_both(data: Dataset) -> None:
    m = metric(data, "level-up")
    assert m.by_method["linear"].projected == pytest.approx(45.00)
    assert m.by_method["cagr"].projected == pytest.approx(45.12, abs=5e-3)
    assert (m.by_method["linear"].verdict, m.by_method["cagr"].verdict, m.robust) == ("hard", "hard", True)


def test_level_down_meets_within_eps_and_is_not_robust(data: Dataset) -> None:
    m = metric(data, "level-down")
    assert m.by_method["linear"].projected == pytest.approx(3.00)
    assert m.by_method["linear"].verdict == "on-track"
    assert m.by_method["cagr"].projected == pytest.approx(3.05, abs=5e-3)
    assert m.by_method["cagr"].verdict == "hard"
    assert m.robust is False


def test_annual_no_year_failed_but_the_trend_falls(data: Dataset) -> None:
    m = metric(data, "poor")
    assert m.verdict == "hard"
    assert m.reason.key == "annual_falls"
    assert m.reason.args["year"] == 2024
    assert m.reason.args["value"] == pytest.approx(1811)


def test_real_data_mixes_flows_and_running_totals(data: Dataset) -> None:
    party = metric(data, "party-members", as_of=2024)
    assert party.observed_pace == pytest.approx(3317 / 2.5)  # the mid-2023 total, tau 2.5
    assert party.projected == pytest.approx(3317 * 5 / 2.5)
    cooperatives = metric(data, "cooperatives", as_of=2024)
    assert cooperatives.observed_pace == pytest.approx(132 / 4)  # 2021-2024, tau 4
    assert cooperatives.projected == pytest.approx(165)


def by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for i in doc["indicators"] for m in i["metrics"]}


def test_the_examples_through_the_command_line(run: Run) -> None:
    result = run("status", "--data", str(EXAMPLES), "--as-of", "2023", "--format", "json")
    assert result.exit_code == 0, result.output
    metrics = by_id(json.loads(result.stdout))
    assert metrics["growth-yearly"]["required_pace"] == pytest.approx(10.997, abs=5e-4)
    shipped = metrics["growth-shipped"]
    assert shipped["reason"] == "needs +10.64%/year in 2024-2025; the trend gives 8.80% and 9.26%"
    assert shipped["by_method"]["cagr"] == {"projected": pytest.approx(7.92), "verdict": "hard", "bounded": False}
    assert metrics["investment"]["projected"] == pytest.approx(185530)
    assert metrics["investment"]["achieved"] is False
    assert metrics["level-up"]["by_method"]["cagr"]["projected"] == pytest.approx(45.12, abs=5e-3)
    assert metrics["level-down"]["robust"] is False
    assert metrics["level-down"]["verdict"] == "on-track"
    assert metrics["poor"]["verdict"] == "hard"
    cagr = run("status", "--data", str(EXAMPLES), "--as-of", "2023", "--format", "json", "--method", "cagr")
    assert by_id(json.loads(cagr.stdout))["level-down"]["verdict"] == "hard"


def test_project_gives_the_quantity_at_the_year(run: Run, data: Dataset) -> None:
    projection = scoring.project(data, 2024, as_of=2023)
    at = {m.score.metric.id: m for _, m in projection.metrics}
    assert at["level-up"].by_method["linear"] == pytest.approx(44.0)
    assert at["investment"].by_method["linear"] == pytest.approx(92765 * 4 / 2.5)
    assert at["poor"].by_method["linear"] == pytest.approx(1811)
    observed = scoring.project(data, 2022, as_of=2023)
    assert {m.score.metric.id: m for _, m in observed.metrics}["poor"].observed == 2491
    result = run("project", "--data", str(EXAMPLES), "--year", "2024", "--as-of", "2023", "-f", "json")
    doc = json.loads(result.stdout)
    level = next(m for m in doc["metrics"] if m["id"] == "level-up")
    assert (level["year"], level["projected"], level["gap"]) == (2024, pytest.approx(44.0), pytest.approx(-2.0))
    assert level["by_method"]["cagr"]["projected"] == pytest.approx(43 * (43 / 40) ** (1 / 3))


def test_examples_plan_is_valid(run: Run, tmp_path: Path) -> None:
    result = run("validate", str(EXAMPLES))
    assert result.exit_code == 0
