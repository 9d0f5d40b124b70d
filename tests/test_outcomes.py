"""Outcomes (METHOD: "Outcomes: were the mid-term verdicts right?"): each rule on a small plan whose
result is worked out by hand beside it, the laws as hypothesis properties, and the accuracy table
over several plans through the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import Run
from midterm import scoring
from midterm.models import Dataset, Indicator, Metric, Observation, Observed, Plan, Targets
from midterm.scoring import outcomes as oc

B, E = 2020, 2025


def metric(kind: str = "level", target: Any = 10.0, direction: str = "up", **keys: Any) -> Metric:
    return Metric(id=keys.pop("id", "m"), name="m", unit="x", kind=kind, direction=direction, target=target, **keys)


def obs(year: int, value: float, **keys: Any) -> Observed:
    return Observed(year, Observation(value=value, source="test", **keys))


def result(m: Metric, observations: list[Observed]) -> str | None:
    return oc.metric_result(m, observations, B, E)


def plan(*indicators: tuple[list[tuple[Metric, list[Observed]]], str | None], review: int | None = 2023) -> Dataset:
    """A plan of indicators, each (its metrics with their observations, its official verdict)."""
    made, observations = [], {}
    for k, (metrics, official) in enumerate(indicators):
        ms = []
        for j, (m, series) in enumerate(metrics):
            ms.append(m.model_copy(update={"id": f"m{k}-{j}"}))
            observations[f"m{k}-{j}"] = tuple(sorted(series, key=lambda o: o.year))
        made.append(Indicator(id=f"i{k}", no=k + 1, name=f"i{k}", official=official, metrics=ms))
    years = tuple(sorted({o.year for s in observations.values() for o in s}))
    p = Plan(id="p", name="p", baseline_year=B, end_year=E, review_year=review)
    return Dataset(Targets(plan=p, indicators=made), years, observations)


# ================================================================ a metric's result


def test_a_level_is_decided_by_any_observation_of_the_end_year() -> None:
    m = metric("level", 10.0)
    assert result(m, [obs(2020, 5.0), obs(2025, 10.0)]) == "met"  # inclusive: 10 meets 10
    assert result(m, [obs(2020, 5.0), obs(2025, 9.99)]) == "missed"
    # an estimate, dated mid-year, counts as well
    mid = obs(2025, 12.0, basis="estimate", as_of=dt.date(2025, 6, 30))
    assert result(m, [mid]) == "met"
    # met in 2024 is not met in 2025: a level waits for its end year
    assert result(m, [obs(2024, 50.0)]) == "unknown"
    # after the end year nothing decides
    assert result(m, [obs(2024, 50.0), obs(2026, 50.0)]) == "unknown"
    assert result(metric("level", 3.0, "down"), [obs(2025, 3.0)]) == "met"
    assert result(metric("level", 3.0, "down"), [obs(2025, 3.1)]) == "missed"
    assert result(metric("level", (3.0, 5.0), "down"), [obs(2025, 4.0)]) == "met"  # T = hi for down


def test_a_cumulative_total_by_flows_or_a_running_total_dated_the_end_of_e() -> None:
    m = metric("cumulative", 100.0)
    flows = [obs(y, 20.0) for y in range(2021, 2026)]  # 5 x 20 = 100
    assert result(m, flows) == "met"
    assert result(m, [*flows[:-1], obs(2025, 19.0)]) == "missed"  # 99
    assert result(m, flows[1:]) == "unknown"  # no flow of 2021: no chain, and 80 so far
    # a running total dated the end of E: written in 2025, as_of absent or 31 December
    assert result(m, [obs(2025, 100.0, to_date=True)]) == "met"
    assert result(m, [obs(2025, 99.0, to_date=True, as_of=dt.date(2025, 12, 31))]) == "missed"
    # dated mid-2025 it is not the total over S..E
    assert result(m, [obs(2025, 99.0, to_date=True, as_of=dt.date(2025, 6, 30))]) == "unknown"


def test_the_flows_chain_wins_over_a_running_total() -> None:
    m = metric("cumulative", 100.0)
    chain = [obs(y, 19.0) for y in range(2021, 2026)]  # 95: missed
    assert result(m, [*chain, obs(2025, 120.0, to_date=True)]) == "missed"
    chain = [obs(y, 21.0) for y in range(2021, 2026)]  # 105: met
    assert result(m, [*chain, obs(2025, 80.0, to_date=True)]) == "met"


def test_a_running_total_extended_by_the_flows_after_it_reaches_the_end_year() -> None:
    # METHOD: a total dated 31 December extends with the later flows; reaching E it decides
    m = metric("cumulative", 100.0)
    total = obs(2023, 90.0, to_date=True)  # dated the end of 2023
    assert result(m, [total, obs(2024, 5.0), obs(2025, 5.0)]) == "met"  # 100
    assert result(m, [total, obs(2024, 5.0), obs(2025, 4.0)]) == "missed"  # 99
    assert result(m, [total, obs(2024, 5.0)]) == "unknown"  # 95 through 2024
    mid = obs(2023, 90.0, to_date=True, as_of=dt.date(2023, 6, 30))  # mid-year: no extension
    assert result(m, [mid, obs(2024, 5.0), obs(2025, 4.0)]) == "unknown"


def test_before_the_end_year_a_cumulative_total_already_meeting_t_is_met() -> None:
    m = metric("cumulative", 100.0)
    assert result(m, [obs(2023, 100.0, to_date=True, as_of=dt.date(2023, 6, 30))]) == "met"
    assert result(m, [obs(2023, 99.0, to_date=True, as_of=dt.date(2023, 6, 30))]) == "unknown"
    assert result(m, [obs(y, 50.0) for y in (2021, 2022)]) == "met"  # a chain of 100 by 2022
    assert result(m, [obs(y, 49.0) for y in (2021, 2022)]) == "unknown"


def test_an_annual_target_is_missed_as_soon_as_a_year_fails() -> None:
    m = metric("annual", 10.0)
    every = [obs(y, 10.0) for y in range(2021, 2026)]
    assert result(m, every) == "met"
    assert result(m, [obs(2020, 1.0), *every]) == "met"  # the baseline year is not judged
    assert result(m, [obs(2021, 11.0), obs(2022, 9.0)]) == "missed"  # failed in 2022, E not yet observed
    assert result(m, [o for o in every if o.year != 2023]) == "unknown"  # 2023 not observed
    assert result(m, [*every, obs(2026, 1.0)]) == "met"  # a year after E is not judged
    assert result(metric("annual", 5.0, "down"), [obs(y, 5.0) for y in range(2021, 2026)]) == "met"
    assert result(metric("annual", 5.0, "down"), [obs(2024, 5.5)]) == "missed"


def test_an_average_growth_needs_every_term_year_covered() -> None:
    m = metric("average-growth", 7.0, aggregation="arithmetic")
    rates = [obs(y, g) for y, g in zip(range(2021, 2026), (6.0, 8.0, 7.0, 7.0, 7.0), strict=True)]
    assert result(m, rates) == "met"  # mean 7
    assert result(m, [*rates[:-1], obs(2025, 6.9)]) == "missed"  # mean 6.98
    assert result(m, rates[1:]) == "unknown"  # 2021 not covered
    assert result(m, [obs(2020, 50.0), *rates[1:]]) == "unknown"  # nor by the baseline's rate
    # an aggregate covers its years: 2021-2023 at 8, then 5 and 5 -> (24 + 10) / 5 = 6.8
    covered = [obs(2023, 8.0, since=2021), obs(2024, 5.0), obs(2025, 5.0)]
    assert result(m, covered) == "missed"
    assert result(m, [obs(2025, 7.0, since=2021)]) == "met"
    geometric = metric("average-growth", 7.0)
    assert result(geometric, [obs(y, 7.0) for y in range(2021, 2026)]) == "met"
    # geometric: 6 and 8 average a little under 7 ((1.06 * 1.08) ** 0.5 = 1.069953)
    assert result(geometric, [obs(y, g) for y, g in zip(range(2021, 2026), (6, 8, 7, 7, 7), strict=True)]) == "missed"


def test_trend_metrics_have_no_result_and_unknown_targets_are_unknown() -> None:
    assert result(metric("trend", None), [obs(2025, 1.0)]) is None
    assert result(metric("level", None), [obs(2025, 1.0)]) == "unknown"


# ================================================================ indicators and verdicts


def test_an_indicator_result() -> None:
    lvl, trend, blank = metric("level"), metric("trend", None), metric("level", None)
    assert oc.indicator_result([(lvl, "met"), (lvl, "met")]) == "met"
    assert oc.indicator_result([(lvl, "met"), (lvl, "missed")]) == "missed"
    assert oc.indicator_result([(lvl, "unknown"), (lvl, "missed")]) == "missed"
    assert oc.indicator_result([(lvl, "met"), (lvl, "unknown")]) == "unknown"
    # metrics without a numeric target do not count; none at all leaves it unknown
    assert oc.indicator_result([(lvl, "met"), (trend, None), (blank, "unknown")]) == "met"
    assert oc.indicator_result([(trend, None)]) == "unknown"
    assert oc.indicator_result([(blank, "unknown")]) == "unknown"
    assert oc.indicator_result([]) == "unknown"


def test_right_and_wrong() -> None:
    assert oc.judge("on-track", "met") == oc.judge("hard", "missed") == "right"
    assert oc.judge("on-track", "missed") == oc.judge("hard", "met") == "wrong"
    for verdict in ("insufficient-data", "n/a", None):
        for res in ("met", "missed", "unknown"):
            assert oc.judge(verdict, res) == "unknown"
    for verdict in ("on-track", "hard"):
        assert oc.judge(verdict, "unknown") == oc.judge(verdict, None) == "unknown"


def test_each_method_judged_and_n_a_counts_as_unknown() -> None:
    # level 40 -> 43 (2020-2023), target 46: hard under both (METHOD's worked example); 2025 gives 47: met
    hard = (metric("level", 46.0), [obs(2020, 40.0), obs(2023, 43.0), obs(2025, 47.0)])
    # -5 -> -2 rising to 0 or more: linear on track (-2 + 1 * 2 = 0), cagr n/a (negative values)
    na = (metric("level", 0.0), [obs(2020, -5.0), obs(2023, -2.0), obs(2025, 0.0)])
    data = plan(([hard], "hard"), ([na], None), ([hard, na], "on-track"))
    bt = scoring.backtest(data, 2023)
    first, second, both = bt.indicators
    assert first.judged.result == "met"
    assert first.judged.verdicts == {"linear": "hard", "cagr": "hard"}
    assert first.judged.right == {"linear": "wrong", "cagr": "wrong"}
    assert first.judged.official == "wrong"
    assert second.judged.verdicts == {"linear": "on-track", "cagr": "insufficient-data"}
    assert second.judged.right == {"linear": "right", "cagr": "unknown"} and second.judged.official is None
    [check] = [c for c in bt.metrics if c.indicator.id == "i1"]
    assert check.judged.verdicts["cagr"] == "n/a" and check.judged.right["cagr"] == "unknown"
    # hard + on-track: hard under linear; hard + n/a: hard under cagr too (hard wins over missing data)
    assert both.judged.verdicts == {"linear": "hard", "cagr": "hard"}
    assert (both.judged.result, both.judged.right["linear"], both.judged.official) == ("met", "wrong", "right")
    s = bt.summary.outcomes
    assert s.indicators["linear"] == {"right": 1, "wrong": 2, "unknown": 0}
    assert s.indicators["cagr"] == {"right": 0, "wrong": 2, "unknown": 1}
    assert s.indicators["official"] == {"right": 1, "wrong": 1, "unknown": 0}  # only the two it judged
    assert s.results["indicators"] == {"met": 3, "missed": 0, "unknown": 0}
    assert s.metrics["linear"] == {"right": 2, "wrong": 2, "unknown": 0}  # four metrics


def test_outcomes_read_every_year_file_to_e_whatever_the_as_of_year() -> None:
    annual = (metric("annual", 10.0), [obs(y, 12.0) for y in range(2020, 2024)] + [obs(2024, 8.0)])
    data = plan(([annual], "on-track"))
    for as_of in (2021, 2022, 2023):
        [ind] = scoring.backtest(data, as_of).indicators
        assert ind.judged.result == "missed"  # 2024 failed, although replayed as of an earlier year
        assert ind.judged.official == "wrong"


def test_trend_metrics_are_not_counted() -> None:
    trend = (metric("trend", None), [obs(y, 10.0 * (y - 2019)) for y in range(2020, 2026)])
    data = plan(([trend], None))
    bt = scoring.backtest(data, 2023)
    assert bt.metrics[0].judged == oc.MetricOutcome(None, {"linear": "improving", "cagr": "improving"}, {})
    assert bt.summary.outcomes.metrics["linear"] == {"right": 0, "wrong": 0, "unknown": 0}
    assert bt.summary.outcomes.results["indicators"] == {"met": 0, "missed": 0, "unknown": 1}


def test_counts_per_certainty_class_and_how_often_verdicts_came_true() -> None:
    rows = oc.by_certainty(["thin", "high", None, "high", "decided"], ["right", "wrong", "unknown", "right", "right"])
    assert list(rows) == ["decided", "high", "thin"]  # best first; without a certainty left out
    # METHOD's order, decided > high > unmeasured > low > thin, not the alphabet's
    every = oc.by_certainty(["thin", "low", "unmeasured", "high", "decided"], ["right"] * 5)
    assert list(every) == ["decided", "high", "unmeasured", "low", "thin"]
    assert rows["high"] == {"right": 1, "wrong": 1, "unknown": 0}
    assert oc.share({"right": 3, "wrong": 1, "unknown": 9}) == 0.75
    assert oc.share({"right": 0, "wrong": 0, "unknown": 9}) is None


def test_the_year_a_backtest_replays() -> None:
    p = Plan(id="p", name="p", baseline_year=2020, end_year=2025)
    assert oc.replay_year(p, None) == (2023, "mid-term")  # 2020 + ceil(5 / 2)
    assert oc.replay_year(p.model_copy(update={"review_year": 2022}), None) == (2022, "review")
    assert oc.replay_year(p.model_copy(update={"review_year": 2022}), 2024) == (2024, "asked")
    assert oc.replay_year(p.model_copy(update={"end_year": 2024}), None) == (2022, "mid-term")


# ================================================================ laws


@st.composite
def decided_metrics(draw: st.DrawFn) -> tuple[Metric, list[Observed]]:
    """A metric of a kind with a numeric target and a figure for every year 2020-2025."""
    kind = draw(st.sampled_from(["level", "annual", "cumulative", "average-growth"]))
    direction = "up" if kind == "cumulative" else draw(st.sampled_from(["up", "down"]))
    values = st.integers(1, 60).map(float)
    target = draw(values) * (5 if kind == "cumulative" else 1)
    return metric(kind, target, direction), [obs(y, draw(values)) for y in range(B, E + 1)]


def _with_official(data: Dataset, verdict_of: dict[str, str]) -> Dataset:
    inds = [i.model_copy(update={"official": verdict_of.get(i.id)}) for i in data.targets.indicators]
    return data._replace(targets=data.targets.model_copy(update={"indicators": inds}))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(decided_metrics(), min_size=1, max_size=3), min_size=1, max_size=5), st.integers(2021, 2024))
def test_verdicts_equal_to_their_results_are_all_right_and_their_opposites_all_wrong(
    indicators: list[list[tuple[Metric, list[Observed]]]], as_of: int
) -> None:
    data = plan(*[(ms, None) for ms in indicators])
    results = {i.indicator.id: i.judged.result for i in scoring.backtest(data, as_of).indicators}
    assert set(results.values()) <= {"met", "missed"}  # every figure to E is there
    true = {k: "on-track" if r == "met" else "hard" for k, r in results.items()}
    false = {k: "hard" if r == "met" else "on-track" for k, r in results.items()}
    right = scoring.backtest(_with_official(data, true), as_of).summary.outcomes
    wrong = scoring.backtest(_with_official(data, false), as_of).summary.outcomes
    assert right.indicators["official"] == {"right": len(results), "wrong": 0, "unknown": 0}
    assert wrong.indicators["official"] == {"right": 0, "wrong": len(results), "unknown": 0}
    # the methods' counts do not depend on the report, and add up to the indicators
    assert right.indicators["linear"] == wrong.indicators["linear"]
    for m in ("linear", "cagr"):
        assert sum(right.indicators[m].values()) == len(results)


@settings(max_examples=60, deadline=None)
@given(decided_metrics(), st.integers(2021, 2024), st.integers(2021, 2024))
def test_a_result_does_not_depend_on_the_as_of_year(case: tuple[Metric, list[Observed]], a: int, b: int) -> None:
    data = plan(([case], None))
    assert scoring.backtest(data, a).metrics[0].judged.result == scoring.backtest(data, b).metrics[0].judged.result


# ================================================================ through the command line


def write_plan(folder: Path, plan_id: str, review: int | None, official: str | None, figures: dict[int, float]) -> Path:
    """A plan of one level indicator (target 100 by 2025) with one figure per year given."""
    folder.mkdir(parents=True)
    lines = [
        "[plan]",
        f'id = "{plan_id}"',
        f'name = "{plan_id}"',
        'language = "en"',
        f"baseline_year = {B}",
        f"end_year = {E}",
        *([f"review_year = {review}"] if review else []),
        "",
        "[[indicators]]",
        'id = "income"',
        "no = 1",
        'name = "Income"',
        *([f'official = "{official}"', 'official_source = "test"'] if official else []),
        "",
        "  [[indicators.metrics]]",
        '  id = "income"',
        '  name = "Income"',
        '  unit = "x"',
        '  kind = "level"',
        '  direction = "up"',
        "  target = 100",
    ]
    (folder / "targets.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "actuals").mkdir()
    for year, value in figures.items():
        text = f'year = {year}\n\n[income]\nvalue = {value}\nsource = "test"\n'
        (folder / "actuals" / f"{year}.toml").write_text(text, encoding="utf-8")
    return folder


def test_backtest_reports_outcomes_in_every_format(run: Run, tmp_path: Path) -> None:
    # 70, 80, 90 (2020-2022) -> linear 110 by 2025: on track; 2025 gives 95: missed, so wrong; the report said hard
    folder = write_plan(tmp_path / "a", "a", 2022, "hard", {2020: 70, 2021: 80, 2022: 90, 2023: 92, 2025: 95})
    doc = json.loads(run("backtest", "--data", str(folder), "-f", "json").stdout)
    [m], [i] = doc["metrics"], doc["indicators"]
    assert (m["result"], m["verdicts_then"], m["right"]) == (
        "missed",
        {"linear": "on-track", "cagr": "on-track"},
        {"linear": "wrong", "cagr": "wrong"},
    )
    assert m["outcome"] == "changed"  # on track as of 2022, hard with every year file: its meaning is kept
    assert (i["result"], i["official"], i["right"]) == (
        "missed",
        "hard",
        {"linear": "wrong", "cagr": "wrong", "official": "right"},
    )
    assert doc["summary"]["outcomes"]["indicators"]["official"] == {"right": 1, "wrong": 0, "unknown": 0}
    rows = run("backtest", "--data", str(folder), "-f", "csv").stdout.splitlines()
    assert (
        "outcome,result,linear_verdict,linear_right,cagr_verdict,cagr_right,"
        "indicator_result,indicator_linear_right,indicator_cagr_right,official,official_right,"
    ) in rows[0]
    assert "changed,missed,on-track,wrong,on-track,wrong,missed,wrong,wrong,hard,right," in rows[1]
    table = " ".join(run("backtest", "--data", str(folder), "--lang", "en", env={"COLUMNS": "150"}).stdout.split())
    assert "Outcomes: were the verdicts as of 2022 right?" in table
    assert "1. Income missed on track → wrong on track → wrong hard to achieve → right" in table
    markdown = run("backtest", "--data", str(folder), "--lang", "en", "-f", "markdown").stdout
    assert "| 1. Income | missed | on track → wrong | on track → wrong | hard to achieve → right |" in markdown
    vi = run("backtest", "--data", str(folder), "--lang", "vi", "-f", "markdown").stdout
    assert "| không đạt | đúng lộ trình → sai |" in vi


def test_without_a_known_result_the_backtest_says_so_in_one_line(run: Run, tmp_path: Path) -> None:
    folder = write_plan(tmp_path / "a", "a", None, None, {2020: 70, 2021: 80, 2022: 90, 2024: 99})
    out = " ".join(run("backtest", "--data", str(folder), "--lang", "en", env={"COLUMNS": "150"}).stdout.split())
    assert "Outcomes:" not in out
    assert "the plan sets no review_year: replayed as of 2023, the middle of its term" in out
    assert "outcomes: no target is met or missed yet on the year files to 2024 (the end year is 2025)" in out


def test_the_accuracy_table_over_plans_names_a_broken_plan_and_hides_no_other(run: Run, tmp_path: Path) -> None:
    right = write_plan(
        tmp_path / "right", "right", 2023, "on-track", {2020: 70, 2021: 80, 2022: 90, 2023: 100, 2025: 120}
    )
    wrong = write_plan(tmp_path / "wrong", "wrong", 2022, "on-track", {2020: 70, 2021: 80, 2022: 90, 2025: 95})
    broken = write_plan(tmp_path / "broken", "broken", 2023, None, {2020: 70})
    (broken / "actuals" / "2021.toml").write_text("year = 2021\n[income]\nvalue = 'x'\n", encoding="utf-8")
    args = ["backtest", "--data", str(right), "--data", str(wrong), "--data", str(broken), "--lang", "en"]
    result = run(*args, "-f", "json")
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert "2021.toml" in line and "broken" in line
    doc = json.loads(result.stdout)
    assert [p["plan"] for p in doc["plans"]] == ["right", "wrong"]
    assert [b["data"].split("/")[-1] for b in doc["broken"]] == ["broken"]
    first, second = doc["plans"]
    assert first["linear"] == {"right": 1, "wrong": 0, "unknown": 0, "came_true": 1.0}
    assert second["linear"] == {"right": 0, "wrong": 1, "unknown": 0, "came_true": 0.0}
    assert second["official"] == {"right": 0, "wrong": 1, "unknown": 0, "came_true": 0.0}
    total = doc["total"]
    assert (total["plans"], total["broken"], total["indicators"]) == (2, 1, 2)
    assert total["linear"] == {"right": 1, "wrong": 1, "unknown": 0, "came_true": 0.5}
    assert total["results"]["indicators"] == {"met": 1, "missed": 1, "unknown": 0}
    table = " ".join(run(*args, env={"COLUMNS": "150"}).stdout.split())
    assert "Were the mid-term verdicts right? 2 plans" in table
    assert "Total 1 / 1 / 0 1/2 (50%) 1/2 (50%) 1/2 (50%)" in table
    assert "broken: cannot be read (above); the other plans are shown" in table
    rows = run(*args, "-f", "csv").stdout.splitlines()
    assert rows[0].startswith("plan,name,as_of,as_of_from,latest_year,indicators,met,missed,unknown,linear_right")
    assert rows[1].startswith("right,right,2023,review,2025,1,1,0,0,1,0,0,1") and rows[3].startswith(",total,")
    assert len(rows) == 5 and rows[4].endswith('"expected a number, found a string"')
    markdown = run(*args, "-f", "markdown").stdout
    assert "| **Total** |  | 1 / 1 / 0 | 1/2 (50%) |" in markdown


def test_backtest_plan_all_reads_every_shipped_plan(run: Run) -> None:
    from midterm.plans import shipped_plans

    result = run("backtest", "--plan", "all", "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [p["plan"] for p in doc["plans"]] == list(shipped_plans())
    assert doc["total"]["indicators"] == sum(p["indicators"] for p in doc["plans"])
    # METHOD: over several plans the same table sums them: every count of the total is the plans' sum
    for key in ("results", "linear", "cagr", "official", "by_metric"):
        for row, counts in doc["total"][key].items():
            if isinstance(counts, dict):
                for k, n in counts.items():
                    assert n == sum(p[key][row][k] for p in doc["plans"]), (key, row, k)
            elif row != "came_true":
                assert counts == sum(p[key][row] for p in doc["plans"]), (key, row)
    bp = next(p for p in doc["plans"] if p["plan"] == "binh-phuoc-xi")
    assert (bp["as_of"], bp["as_of_from"]) == (2023, "review")
    assert run("backtest", "--plan", "all", "--as-of", "nope").exit_code == 2
    assert run("backtest", "--plan", "all", "--plan", "no-such-plan").exit_code == 2


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_the_rules_examples_give_outcomes_in_every_format(run: Run, fmt: str) -> None:
    rules = Path(__file__).resolve().parent / "examples" / "rules"
    result = run("backtest", "--data", str(rules), "--as-of", "2023", "-f", fmt, "--lang", "en")
    assert result.exit_code == 0 and result.stdout


def test_status_plan_all_is_the_roll_up_of_every_shipped_plan(run: Run) -> None:
    from midterm.plans import shipped_plans

    result = run("status", "--plan", "all", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [p["plan"] for p in json.loads(result.stdout)["plans"]] == list(shipped_plans())


def test_outcomes_are_counted_by_the_certainty_each_verdict_had(run: Run) -> None:
    """METHOD, Outcomes: per certainty class (the chosen method's, as of A), right / wrong / unknown."""
    doc = json.loads(run("backtest", "--plan", "vietnam-2021-2025", "-f", "json").stdout)
    classes = doc["summary"]["outcomes"]["by_certainty"]
    judged = {i["id"]: i for i in doc["indicators"]}
    status = json.loads(run("status", "--plan", "vietnam-2021-2025", "--as-of", "2023", "-f", "json").stdout)
    expected: dict[str, dict[str, int]] = {}
    for ind in status["indicators"]:
        if ind["certainty"] is not None:
            row = expected.setdefault(ind["certainty"], {"right": 0, "wrong": 0, "unknown": 0})
            row[judged[ind["id"]]["right"]["linear"]] += 1
    assert classes == expected and sum(sum(r.values()) for r in classes.values()) > 0
