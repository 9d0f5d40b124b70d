"""The loader's rules at their boundaries (FORMAT.md, "What `midterm validate` must catch").

tests/negative/ shows that each rule fires; these tests show where: the value on each side of a
limit (equal running totals, 0.5% and 0.05 points, `since` at the baseline, whitespace-only
strings, year-file names), so that moving a limit by one step fails a test.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from midterm.load import check_paths, load_folder
from midterm.load.shapes import toml_type
from midterm.load.spelling import nearest, suggest
from midterm.problems import Report

B, E = 2020, 2025

TARGETS: dict[str, Any] = {
    "plan": {"id": "rules", "name": "Kế hoạch", "baseline_year": B, "end_year": E},
    "indicators": [
        {
            "id": "growth",
            "no": 1,
            "name": "Tăng trưởng",
            "metrics": [
                {
                    "id": "growth",
                    "name": "GRDP",
                    "unit": "%/năm",
                    "kind": "average-growth",
                    "direction": "up",
                    "target": [9, 10],
                    "aggregation": "arithmetic",
                }
            ],
        },
        {
            "id": "economy",
            "no": 2,
            "name": "Kinh tế",
            "metrics": [
                {
                    "id": "income",
                    "name": "Thu nhập",
                    "unit": "triệu",
                    "kind": "level",
                    "direction": "up",
                    "target": 100,
                },
                {"id": "share", "name": "Tỷ trọng", "unit": "%", "kind": "level", "direction": "down", "target": 15},
                {
                    "id": "investment",
                    "name": "Vốn",
                    "unit": "tỷ",
                    "kind": "cumulative",
                    "direction": "up",
                    "target": 185000,
                },
                {"id": "poor", "name": "Hộ nghèo", "unit": "hộ", "kind": "annual", "direction": "up", "target": 2000},
                {"id": "rank", "name": "PCI", "unit": "hạng", "kind": "trend", "direction": "down"},
            ],
        },
    ],
}


def value(v: float, **keys: Any) -> dict[str, Any]:
    return {"value": v, "source": "báo cáo", **keys}


def base_years() -> dict[int, dict[str, Any]]:
    """Every metric observed, nothing that any rule objects to."""
    return {
        2021: {"growth": value(6.0), "income": value(74), "share": value(23), "investment": value(300)},
        2022: {"growth": value(8.0), "income": value(84), "share": value(22), "investment": value(300)},
        2023: {"poor": value(2100), "rank": value(43), "investment": value(400)},
    }


def write(folder: Path, targets: dict[str, Any], years: dict[Any, Any]) -> Path:
    (folder / "actuals").mkdir(parents=True, exist_ok=True)
    (folder / "targets.toml").write_text(tomli_w.dumps(targets), encoding="utf-8")
    for name, doc in years.items():
        if isinstance(name, int):
            doc = {"year": name, **doc}
            name = f"{name}.toml"
        (folder / "actuals" / name).write_text(doc if isinstance(doc, str) else tomli_w.dumps(doc), encoding="utf-8")
    return folder


def load(
    tmp_path: Path,
    years: dict[Any, Any] | None = None,
    targets: dict[str, Any] | None = None,
    warnings: bool = True,
) -> Report:
    folder = write(tmp_path / "plan", targets or TARGETS, base_years() if years is None else years)
    return load_folder(folder, warnings=warnings)


def found(report: Report, notices: bool = False) -> list[tuple[str, str, str, str | None]]:
    """(file name, message key, severity, TOML path) of each problem."""
    return [
        (Path(p.file).name, p.key, p.severity, p.path) for p in report.problems if notices or p.severity != "notice"
    ]


def keys(report: Report) -> list[str]:
    return [p.key for p in report.problems if p.severity != "notice"]


def with_years(**changes: Any) -> dict[int, dict[str, Any]]:
    """The base years with some metrics of some years replaced: with_years(y2023={"income": ...})."""
    years = base_years()
    for name, metrics in changes.items():
        years.setdefault(int(name[1:]), {}).update(metrics)
    return years


def targets_with(path: tuple[Any, ...], new: Any) -> dict[str, Any]:
    """TARGETS with the value at `path` replaced (or removed when `new` is ...)."""
    doc = copy.deepcopy(TARGETS)
    node = doc
    for part in path[:-1]:
        node = node[part]
    if new is ...:
        del node[path[-1]]
    else:
        node[path[-1]] = new
    return doc


def metric_path(metric_id: str) -> tuple[Any, ...]:
    for i, ind in enumerate(TARGETS["indicators"]):
        for j, m in enumerate(ind["metrics"]):
            if m["id"] == metric_id:
                return ("indicators", i, "metrics", j)
    raise KeyError(metric_id)


# ---------------------------------------------------------------- the base


def test_the_base_plan_has_no_problem_at_all(tmp_path: Path) -> None:
    report = load(tmp_path)
    assert report.problems == []
    assert report.dataset is not None
    assert report.dataset.years == (2021, 2022, 2023)
    assert [o.year for o in report.dataset.observations["investment"]] == [2021, 2022, 2023]
    assert report.files == 4  # targets.toml and three year files


# ---------------------------------------------------------------- since


@pytest.mark.parametrize(
    ("year", "since", "ok"),
    [
        (2023, 2021, True),  # S
        (2023, 2020, False),  # the baseline is not a term year
        (2023, 2023, True),  # the file's own year
        (2023, 2024, False),  # after the file's year
        (2026, 2025, True),  # E, in a file after the end year
        (2026, 2026, False),  # after E
    ],
)
def test_since_lies_in_the_term_and_up_to_its_year(tmp_path: Path, year: int, since: int, ok: bool) -> None:
    years = with_years(**{f"y{year}": {"growth": value(7.0, since=since)}})
    report = load(tmp_path, years)
    problems = [p for p in report.problems if p.key == "since_range"]
    if ok:
        assert problems == []
    else:
        assert [(p.args, p.path) for p in problems] == [
            ({"since": since, "start": 2021, "year": min(year, E)}, "[growth].since")
        ]


def test_since_only_on_average_growth(tmp_path: Path) -> None:
    report = load(tmp_path, with_years(y2023={"income": value(90, since=2021)}))
    assert found(report) == [("2023.toml", "since_kind", "error", "[income].since")]
    assert report.problems[0].args == {"kind": "level"}
    assert report.dataset is None


# ---------------------------------------------------------------- running totals


def test_equal_running_totals_are_accepted_and_a_fall_is_not(tmp_path: Path) -> None:
    years = {
        2022: {"investment": value(50000, to_date=True)},
        2023: {"investment": value(50000, to_date=True)},
    }
    assert keys(load(tmp_path / "equal", years)) == []
    years[2023] = {"investment": value(49999.5, to_date=True)}
    report = load(tmp_path / "fall", years)
    assert found(report) == [("2023.toml", "total_falls", "error", "[investment].value")]
    assert report.problems[0].args == {"value": 49999.5, "prev": 50000, "prev_year": 2022}


def test_running_totals_are_compared_in_date_order(tmp_path: Path) -> None:
    # the 2023 total dated 31 March and the 2022 total at the end of 2022: in date order, no fall
    years = {
        2022: {"investment": value(50000, to_date=True)},
        2023: {"investment": value(60000, to_date=True, as_of=dt.date(2023, 3, 31))},
        2024: {"investment": value(55000, to_date=True, as_of=dt.date(2024, 1, 31))},
    }
    report = load(tmp_path, years)
    assert found(report) == [("2024.toml", "total_falls", "error", "[investment].value")]
    assert report.problems[0].args["prev_year"] == 2023


def test_a_year_end_total_against_its_flows_tolerates_half_a_percent(tmp_path: Path) -> None:
    def total(v: float) -> dict[int, dict[str, Any]]:
        # flows 300 + 300 + 400 = 1,000 over 2021-2023, and a total at the end of 2023
        return with_years(y2023={"investment": [value(400), value(v, to_date=True)]})

    assert keys(load(tmp_path / "a", total(1005))) == []  # 0.5% exactly
    assert keys(load(tmp_path / "b", total(1000))) == []
    report = load(tmp_path / "c", total(1006))
    assert found(report) == [("2023.toml", "total_vs_flows", "warning", "[[investment]][1].value")]
    assert report.problems[0].args == {"total": 1006, "pct": 0.6, "start": 2021, "year": 2023, "sum": 1000}
    assert report.dataset is not None  # a warning does not stop the data
    assert keys(load(tmp_path / "d", total(1006), warnings=False)) == []


def test_a_total_not_at_the_year_end_or_with_a_missing_flow_is_not_compared(tmp_path: Path) -> None:
    mid = with_years(y2023={"investment": [value(400), value(2000, to_date=True, as_of=dt.date(2023, 6, 30))]})
    assert keys(load(tmp_path / "mid", mid)) == []
    gap = with_years(y2023={"investment": value(5000, to_date=True)})
    del gap[2022]["investment"]
    assert keys(load(tmp_path / "gap", gap)) == []


def test_a_total_holds_at_least_the_flows_of_the_whole_years_it_covers(tmp_path: Path) -> None:
    def mid(v: float, when: dt.date) -> dict[int, dict[str, Any]]:
        return with_years(y2023={"investment": [value(400), value(v, to_date=True, as_of=when)]})

    june = dt.date(2023, 6, 30)
    assert keys(load(tmp_path / "a", mid(600, june))) == []  # 2021 and 2022 whole: 600, equal
    report = load(tmp_path / "b", mid(599, june))
    assert found(report) == [("2023.toml", "total_below_flows", "error", "[[investment]][1].value")]
    assert report.problems[0].args == {"total": 599, "date": "2023-06-30", "sum": 600, "years": "2021, 2022"}
    report = load(tmp_path / "c", mid(999, dt.date(2023, 12, 31)))  # the end of 2023 covers 2023 too
    assert report.problems[0].key == "total_below_flows" and report.problems[0].args["years"] == "2021, 2022, 2023"
    # a metric whose flows may be negative has no such floor
    negative = targets_with((*metric_path("investment"), "valid_min"), -1000)
    assert "total_below_flows" not in keys(load(tmp_path / "d", mid(500, june), negative))


# ---------------------------------------------------------------- aggregates against rates


def test_an_aggregate_against_its_rates_tolerates_five_hundredths_of_a_point(tmp_path: Path) -> None:
    def aggregate(v: float) -> dict[int, dict[str, Any]]:
        # yearly 6 and 8, arithmetic mean 7
        return with_years(y2022={"growth": [value(8.0), value(v, since=2021)]})

    assert keys(load(tmp_path / "a", aggregate(7.05))) == []
    assert keys(load(tmp_path / "b", aggregate(6.95))) == []
    report = load(tmp_path / "c", aggregate(7.06))
    assert found(report) == [("2022.toml", "aggregate_vs_rates", "warning", "[[growth]][1].value")]
    assert report.problems[0].args == {"value": 7.06, "since": 2021, "year": 2022, "avg": 7.0, "diff": 0.06}
    report = load(tmp_path / "d", aggregate(6.94))
    assert keys(report) == ["aggregate_vs_rates"]
    # a year without its rate: nothing to compare
    gap = aggregate(9.0)
    del gap[2021]["growth"]
    assert keys(load(tmp_path / "e", gap)) == []


def test_a_geometric_aggregate_is_compared_with_the_geometric_mean(tmp_path: Path) -> None:
    targets = targets_with((*metric_path("growth"), "aggregation"), ...)
    # (1.06 * 1.08) ** 0.5 - 1 = 6.9953%: 7.0 is within 0.05 points, 6.94 is not
    years = with_years(y2022={"growth": [value(8.0), value(7.0, since=2021)]})
    assert keys(load(tmp_path / "a", years, targets)) == []
    years = with_years(y2022={"growth": [value(8.0), value(7.05, since=2021)]})
    report = load(tmp_path / "b", years, targets)
    assert keys(report) == ["aggregate_vs_rates"] and report.problems[0].args["avg"] == 6.995


# ---------------------------------------------------------------- strings that say nothing


@pytest.mark.parametrize("blank", ["", "   ", "\t"])
def test_a_blank_source_is_empty(tmp_path: Path, blank: str) -> None:
    report = load(tmp_path, with_years(y2023={"poor": {"value": 2100, "source": blank}}))
    assert found(report) == [("2023.toml", "empty_source", "error", "[poor].source")]


@pytest.mark.parametrize(("official_source", "ok"), [("báo cáo", True), ("  ", False), ("", False), (..., False)])
def test_official_needs_a_source_that_says_something(tmp_path: Path, official_source: Any, ok: bool) -> None:
    targets = targets_with(("indicators", 0, "official"), "hard")
    if official_source is not ...:
        targets["indicators"][0]["official_source"] = official_source
    report = load(tmp_path, targets=targets)
    assert found(report) == ([] if ok else [("targets.toml", "official_no_source", "error", "indicators[0].official")])


@pytest.mark.parametrize("note", ["  ", None])
def test_acknowledge_needs_a_note_that_says_something(tmp_path: Path, note: str | None) -> None:
    entry = value(400, acknowledge=["jump"]) | ({} if note is None else {"note": note})
    report = load(tmp_path, with_years(y2023={"investment": entry}))
    assert found(report) == [("2023.toml", "acknowledge_no_note", "error", "[investment].acknowledge")]


# ---------------------------------------------------------------- year files


@pytest.mark.parametrize("name", ["223.toml", "20233.toml", "２０２３.toml", "2023a.toml", "y2023.toml", "٢٠٢٣.toml"])
def test_a_year_file_is_named_by_four_ascii_digits(tmp_path: Path, name: str) -> None:
    years: dict[Any, Any] = {**base_years(), name: {"year": 2023}}
    report = load(tmp_path, years)
    assert found(report) == [(name, "year_name", "error", None)]


def test_files_that_are_not_toml_are_not_year_files(tmp_path: Path) -> None:
    years: dict[Any, Any] = {**base_years(), "2024.txt": "not toml [", "README.md": "# notes"}
    assert load(tmp_path, years).problems == []


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2019, [("year_before_baseline", "error")]),
        (2020, []),
        (2025, []),
        (2026, [("year_after_end", "warning")]),
        (2030, [("year_after_end", "warning")]),
        (2031, [("year_too_late", "error")]),
    ],
)
def test_the_years_a_year_file_may_have(tmp_path: Path, year: int, expected: list[tuple[str, str]]) -> None:
    report = load(tmp_path, {**base_years(), year: {"income": value(90)}})
    assert [(p.key, p.severity) for p in report.problems] == expected
    assert all(p.path == "year" and p.line == 1 for p in report.problems)


@pytest.mark.parametrize(
    ("doc", "key", "args"),
    [
        ({}, "year_missing", {"year": 2023}),
        ({"year": "2023"}, "wrong_type", {"expected": "t_int", "found": "t_string"}),
        ({"year": True}, "wrong_type", {"expected": "t_int", "found": "t_boolean"}),
        ({"year": 2023.0}, "wrong_type", {"expected": "t_int", "found": "t_number"}),
        ({"year": 2022}, "year_mismatch", {"year": 2022, "name": "2023.toml"}),
    ],
)
def test_the_year_key(tmp_path: Path, doc: dict[str, Any], key: str, args: dict[str, Any]) -> None:
    years: dict[Any, Any] = {2021: {"income": value(74)}, "2023.toml": doc}
    report = load(tmp_path, years)
    assert [(p.file.endswith("2023.toml"), p.key, p.args) for p in report.problems if p.severity == "error"] == [
        (True, key, args)
    ]


# ---------------------------------------------------------------- the plan's own rules


@pytest.mark.parametrize(("review", "ok"), [(2020, False), (2021, True), (2025, True), (2026, False)])
def test_the_review_year_lies_in_the_term(tmp_path: Path, review: int, ok: bool) -> None:
    report = load(tmp_path, targets=targets_with(("plan", "review_year"), review))
    assert found(report) == ([] if ok else [("targets.toml", "review_year_range", "error", "plan.review_year")])
    if not ok:
        assert report.problems[0].args == {"year": review, "baseline": B, "end": E}


@pytest.mark.parametrize(("end", "ok"), [(2020, False), (2019, False), (2021, True)])
def test_the_baseline_comes_before_the_end(tmp_path: Path, end: int, ok: bool) -> None:
    report = load(tmp_path, {2021: {}} if end == 2021 else {}, targets_with(("plan", "end_year"), end))
    assert ("baseline_after_end" not in keys(report)) is ok


@pytest.mark.parametrize(
    ("plan", "metric", "ok"),
    [
        ({"high": 0.6, "med": 0.6, "low": 0.6}, None, True),  # equal thresholds are in order
        ({"med": 0.95}, None, True),
        ({"med": 0.96}, None, False),  # above the default high 0.95
        ({"low": 0.6}, None, True),
        ({"low": 0.61}, None, False),  # above the default med 0.6
        ({"med": 0.4}, {"high": 0.5}, True),  # the metric's high over the plan's med
        (None, {"high": 0.5}, False),  # the metric's high under the default med
        (None, {"low": -1.0}, True),
    ],
)
def test_progress_thresholds_are_in_order(
    tmp_path: Path, plan: dict[str, float] | None, metric: dict[str, float] | None, ok: bool
) -> None:
    targets = copy.deepcopy(TARGETS)
    if plan is not None:
        targets["plan"]["progress_thresholds"] = plan
    if metric is not None:
        targets["indicators"][1]["metrics"][0]["progress_thresholds"] = metric
    report = load(tmp_path, targets=targets)
    where = "plan.progress_thresholds" if metric is None else "indicators[1].metrics[0].progress_thresholds"
    assert found(report) == ([] if ok else [("targets.toml", "thresholds_order", "error", where)])


def test_thresholds_of_a_metric_without_a_numeric_target_merge_with_the_other_defaults(tmp_path: Path) -> None:
    # a trend metric: high 0.015, med 0.005, low 0 by default, and the plan's own do not apply
    targets = targets_with(("plan", "progress_thresholds"), {"med": 0.9})
    rank = ("indicators", 1, "metrics", 4, "progress_thresholds")
    targets["indicators"][1]["metrics"][4]["progress_thresholds"] = {"high": 0.01}
    assert "thresholds_order" not in keys(load(tmp_path / "a", targets=targets))
    targets = targets_with(rank, {"high": 0.004})
    assert keys(load(tmp_path / "b", targets=targets)) == ["thresholds_order"]


@pytest.mark.parametrize(("target", "ok"), [([15, 15], True), ([14.9, 15], True), ([15.1, 15], False)])
def test_a_range_is_lo_to_hi(tmp_path: Path, target: list[float], ok: bool) -> None:
    report = load(tmp_path, targets=targets_with((*metric_path("share"), "target"), target))
    assert ("range_reversed" not in keys(report)) is ok


@pytest.mark.parametrize(("lo", "hi", "ok"), [(10, 10, True), (10, 9.5, False)])
def test_valid_min_is_at_most_valid_max(tmp_path: Path, lo: float, hi: float, ok: bool) -> None:
    targets = targets_with((*metric_path("income"), "valid_min"), lo)
    targets["indicators"][1]["metrics"][0]["valid_max"] = hi
    targets["indicators"][1]["metrics"][0]["target"] = lo
    years = {2021: {"income": value(lo)}}
    report = load(tmp_path, years, targets)
    assert ("valid_reversed" not in keys(report)) is ok


@pytest.mark.parametrize(
    ("metric_id", "target", "expected"),
    [
        ("share", 100, None),  # % level: 0..100
        ("share", 0, None),
        ("share", 100.5, {"value": 100.5, "lo": 0.0, "hi": 100.0}),
        ("share", -0.5, {"value": -0.5, "lo": 0.0, "hi": 100.0}),
        ("share", [90, 101], {"value": 101, "lo": 0.0, "hi": 100.0}),  # one problem for the range
        ("share", [-1, 101], {"value": -1, "lo": 0.0, "hi": 100.0}),
        ("investment", -1, {"value": -1, "lo": 0.0, "hi": ""}),  # a sum of flows is not negative
        ("investment", 0, None),
        ("income", -1e6, None),  # no bounds without a % unit
        ("growth", -5, None),  # average-growth rates are not bounded
    ],
)
def test_a_target_the_metric_cannot_take(tmp_path: Path, metric_id: str, target: Any, expected: Any) -> None:
    report = load(tmp_path, targets=targets_with((*metric_path(metric_id), "target"), target))
    problems = [p for p in report.problems if p.key == "target_out_of_range"]
    assert [p.args for p in problems] == ([] if expected is None else [expected])


def test_kind_rules_of_targets(tmp_path: Path) -> None:
    trend = targets_with((*metric_path("rank"), "target"), 30)
    assert found(load(tmp_path / "a", targets=trend)) == [
        ("targets.toml", "trend_target", "error", "indicators[1].metrics[4].target")
    ]
    aggregation = targets_with((*metric_path("income"), "aggregation"), "geometric")
    report = load(tmp_path / "b", targets=aggregation)
    assert found(report) == [("targets.toml", "aggregation_kind", "error", "indicators[1].metrics[0].aggregation")]
    assert report.problems[0].args == {"kind": "level"}


def test_duplicate_and_reserved_ids(tmp_path: Path) -> None:
    targets = copy.deepcopy(TARGETS)
    targets["indicators"].append(
        {"id": "economy", "no": 2, "name": "x", "metrics": [dict(TARGETS["indicators"][1]["metrics"][0])]}
    )
    report = load(tmp_path / "a", targets=targets)
    assert found(report) == [
        ("targets.toml", "dup_id", "error", "indicators[2].id"),
        ("targets.toml", "dup_no", "warning", "indicators[2].no"),
        ("targets.toml", "dup_id", "error", "indicators[2].metrics[0].id"),
    ]
    assert [p.args for p in report.problems] == [
        {"id": "economy", "first": "indicators[1]"},
        {"no": 2, "first": "indicators[1]"},
        {"id": "income", "first": "indicators[1].metrics[0]"},
    ]
    reserved = targets_with((*metric_path("rank"), "id"), "year")
    assert keys(load(tmp_path / "b", targets=reserved)) == ["reserved_id"]


def test_an_indicator_without_metrics_is_a_warning(tmp_path: Path) -> None:
    targets = copy.deepcopy(TARGETS)
    targets["indicators"].append({"id": "empty", "no": 3, "name": "x"})
    report = load(tmp_path, targets=targets)
    assert found(report) == [("targets.toml", "no_metrics", "warning", "indicators[2]")]
    assert report.dataset is not None


def test_a_metric_without_observations_is_a_notice(tmp_path: Path) -> None:
    years = base_years()
    del years[2023]["rank"]
    report = load(tmp_path, years)
    assert found(report, notices=True) == [("targets.toml", "no_observation", "notice", "indicators[1].metrics[4]")]
    assert report.problems[0].args == {"id": "rank"} and report.problems[0].line is not None
    assert report.dataset is not None
    assert load(tmp_path / "quiet", years, warnings=False).problems == []


# ---------------------------------------------------------------- observations


def test_to_date_rules(tmp_path: Path) -> None:
    report = load(tmp_path / "a", with_years(y2023={"income": value(90, to_date=True)}))
    assert found(report) == [("2023.toml", "to_date_kind", "error", "[income].to_date")]
    assert report.problems[0].args == {"kind": "level"}
    report = load(tmp_path / "b", {2020: {"investment": value(10, to_date=True)}})
    assert found(report) == [("2020.toml", "to_date_before_term", "error", "[investment].to_date")]
    assert report.problems[0].args == {"start": 2021, "year": 2020}
    assert keys(load(tmp_path / "c", {2021: {"investment": value(10, to_date=True)}})) == []
    both = load(tmp_path / "d", with_years(y2023={"investment": value(10, to_date=True, since=2021)}))
    assert "to_date_and_since" in keys(both)


def test_as_of_lies_in_its_files_year(tmp_path: Path) -> None:
    ok = with_years(y2023={"poor": value(2100, as_of=dt.date(2023, 1, 1))})
    assert keys(load(tmp_path / "a", ok)) == []
    ok = with_years(y2023={"poor": value(2100, as_of=dt.date(2023, 12, 31))})
    assert keys(load(tmp_path / "b", ok)) == []
    late = with_years(y2023={"poor": value(2100, as_of=dt.date(2024, 1, 1))})
    report = load(tmp_path / "c", late)
    assert found(report) == [("2023.toml", "as_of_year", "error", "[poor].as_of")]
    assert report.problems[0].args == {"date": "2024-01-01", "year": 2023}


@pytest.mark.parametrize(
    ("metric_id", "v", "ok"),
    [
        ("share", 100, True),
        ("share", 100.1, False),
        ("share", 0, True),
        ("share", -0.1, False),
        ("investment", 0, True),
        ("investment", -1, False),
        ("income", -50, True),  # no bounds
    ],
)
def test_values_the_metric_cannot_take(tmp_path: Path, metric_id: str, v: float, ok: bool) -> None:
    report = load(tmp_path, with_years(y2023={metric_id: value(v)}))
    problems = [p for p in report.problems if p.key == "out_of_bounds"]
    assert bool(problems) is not ok
    if not ok:
        assert problems[0].path == f"[{metric_id}].value" and problems[0].args["value"] == v


def test_valid_min_and_valid_max_bound_values(tmp_path: Path) -> None:
    targets = targets_with((*metric_path("income"), "valid_min"), 10)
    targets["indicators"][1]["metrics"][0]["valid_max"] = 200
    checks: list[tuple[float, bool]] = [(10, True), (9.99, False), (200, True), (200.5, False)]
    for v, ok in checks:
        report = load(tmp_path / str(v), {2021: {"income": value(v)}}, targets)
        assert ("out_of_bounds" not in keys(report)) is ok, v
    report = load(tmp_path / "args", {2021: {"income": value(9)}}, targets)
    assert report.problems[0].args == {"value": 9, "id": "income", "lo": 10, "hi": 200}


def test_one_observation_of_each_span_per_file(tmp_path: Path) -> None:
    two = with_years(y2023={"poor": [value(2100), value(2200)]})
    report = load(tmp_path / "a", two)
    assert found(report) == [("2023.toml", "dup_span", "error", "[[poor]][1]")]
    assert report.problems[0].args == {"span": "year", "id": "poor"}
    spans = with_years(y2023={"investment": [value(400), value(1000, to_date=True)]})
    assert keys(load(tmp_path / "b", spans)) == []


def test_unknown_metrics_and_entries_that_are_not_tables(tmp_path: Path) -> None:
    report = load(tmp_path / "a", with_years(y2023={"incom": value(1)}))
    assert found(report) == [("2023.toml", "unknown_metric", "error", "[incom]")]
    assert report.problems[0].args == {"id": "incom", "hint": "income"}
    for entry, found_type in [(5, "t_int"), ([], "t_array"), ([value(1), 2], "t_array"), ("x", "t_string")]:
        report = load(tmp_path / found_type / str(len(str(entry))), with_years(y2023={"poor": entry}))
        assert found(report) == [("2023.toml", "not_table", "error", "[poor]")], entry
        assert report.problems[0].args == {"id": "poor", "found": found_type}


# ---------------------------------------------------------------- jumps


@pytest.mark.parametrize(
    ("before", "after", "warned"),
    [
        (30, 90, False),  # 3 times exactly
        (30, 90.5, True),
        (30, 10, False),  # a third exactly
        (30, 9.9, True),
        (0, 90, False),  # from zero: no ratio
        (30, 0, False),
        (-30, 90, False),  # a change of sign: no ratio
        (-30, -100, True),
        (0.5, 2.0, True),  # both positive, under 1: a ratio of 4
        (3.0, 0.5, True),  # a sixth
    ],
)
def test_a_jump_beyond_three_times_is_a_warning(tmp_path: Path, before: float, after: float, warned: bool) -> None:
    years = {2021: {"income": value(before)}, 2022: {"income": value(after)}}
    report = load(tmp_path, years)
    key = "jump" if abs(after) > abs(before) else "jump_down"  # "9.9 is 3.03 times smaller than ..."
    assert found(report) == ([("2022.toml", key, "warning", "[income].value")] if warned else [])
    if warned:
        assert report.problems[0].args == {
            "value": after,
            "prev": before,
            "prev_year": 2021,
            "ratio": round(max(after / before, before / after), 2),
        }


def test_jumps_skip_growth_rates_and_gaps_and_can_be_acknowledged(tmp_path: Path) -> None:
    growth = {2021: {"growth": value(1.0)}, 2022: {"growth": value(9.0)}}
    assert keys(load(tmp_path / "a", growth)) == []
    gap = {2021: {"income": value(10)}, 2023: {"income": value(90)}}
    assert keys(load(tmp_path / "b", gap)) == []
    # a pair that cannot be compared (from zero) does not stop the pairs after it
    after_zero = {2021: {"income": value(0)}, 2022: {"income": value(10)}, 2023: {"income": value(40)}}
    assert found(load(tmp_path / "z", after_zero)) == [("2023.toml", "jump", "warning", "[income].value")]
    known = {2021: {"income": value(10)}, 2022: {"income": value(90, acknowledge=["jump"], note="đổi định nghĩa")}}
    report = load(tmp_path / "c", known)
    assert [(p.key, p.severity, p.args.get("check")) for p in report.problems if p.key == "jump"] == [
        ("jump", "notice", "jump")
    ]
    other = {2021: {"income": value(10)}, 2022: {"income": value(90, acknowledge=["total-vs-flows"], note="n")}}
    assert [(p.key, p.severity) for p in load(tmp_path / "d", other).problems if p.key == "jump"] == [
        ("jump", "warning")
    ]
    assert (
        load(tmp_path / "e", {2021: {"income": value(10)}, 2022: {"income": value(90)}}, warnings=False).problems == []
    )


# ---------------------------------------------------------------- shapes and words


@pytest.mark.parametrize(
    ("path", "new", "key", "args", "where"),
    [
        (("plan", "baseline_year"), 999, "bad_year", {"value": 999}, "plan.baseline_year"),
        (("plan", "end_year"), 10000, "bad_year", {"value": 10000}, "plan.end_year"),
        (("plan", "name"), "", "empty", {}, "plan.name"),
        (("plan", "id"), "Rules", "not_slug", {"value": "Rules"}, "plan.id"),
        (("plan", "language"), "fr", "bad_word", {"value": "fr", "expected": "vi, en", "hint": None}, "plan.language"),
        (
            ("indicators", 1, "metrics", 0, "kind"),
            "levels",
            "bad_word",
            {
                "value": "levels",
                "expected": "level, cumulative, annual, average-growth, trend",
                "hint": "level",
            },
            "indicators[1].metrics[0].kind",
        ),
        (("indicators", 1, "no"), "2", "wrong_type", {"expected": "t_int", "found": "t_string"}, "indicators[1].no"),
        (
            ("indicators", 1, "metrics", 0, "target"),
            "100",
            "bad_target",
            {"found": "t_string"},
            "indicators[1].metrics[0].target",
        ),
        (
            ("indicators", 1, "metrics", 0, "target"),
            [1, 2, 3],
            "bad_target",
            {"found": "t_array"},
            "indicators[1].metrics[0].target",
        ),
        (
            ("indicators", 1, "metrics", 0, "valid_min"),
            True,
            "wrong_type",
            {"expected": "t_number", "found": "t_boolean"},
            "indicators[1].metrics[0].valid_min",
        ),
        (
            ("plan", "progress_thresholds"),
            1,
            "wrong_type",
            {"expected": "t_table", "found": "t_int"},
            "plan.progress_thresholds",
        ),
        (
            ("indicators", 1, "metrics"),
            {"id": "x"},
            "wrong_type",
            {"expected": "t_array", "found": "t_table"},
            "indicators[1].metrics",
        ),
        (("plan", "nmae"), "x", "unknown_key", {"key": "nmae", "hint": "name"}, "plan.nmae"),
        (
            ("indicators", 0, "metrics", 0, "direcion"),
            "up",
            "unknown_key",
            {"key": "direcion", "hint": "direction"},
            "indicators[0].metrics[0].direcion",
        ),
    ],
)
def test_shapes_types_and_words(
    tmp_path: Path, path: tuple[Any, ...], new: Any, key: str, args: dict[str, Any], where: str
) -> None:
    report = load(tmp_path, targets=targets_with(path, new))
    problems = [p for p in report.problems if p.severity == "error"]
    assert [(p.key, p.args) for p in problems] == [(key, args)]
    assert problems[0].path == where
    assert problems[0].line is not None
    assert report.dataset is None


def test_a_misspelt_required_key_is_one_problem(tmp_path: Path) -> None:
    # (the file with the error is left out, so its metrics have no observation: notices)
    report = load(tmp_path, with_years(y2023={"poor": {"valeu": 2100, "source": "x"}}))
    assert [(p.key, p.args, p.path) for p in report.problems if p.severity == "error"] == [
        ("unknown_key", {"key": "valeu", "hint": "value"}, "[poor].valeu")
    ]
    report = load(tmp_path / "b", with_years(y2023={"poor": {"source": "x"}}))
    errors = [(p.key, p.args, p.path) for p in report.problems if p.severity == "error"]
    assert errors == [("missing_key", {"key": "value"}, "[poor].value")]


def test_only_the_broken_observation_is_reported(tmp_path: Path) -> None:
    years = with_years(y2023={"poor": value(2100), "rank": {"value": "43", "source": "x"}})
    report = load(tmp_path, years)
    assert [(p.key, p.path) for p in report.problems if p.severity == "error"] == [("wrong_type", "[rank].value")]
    assert report.problems[0].args == {"expected": "t_number", "found": "t_string"}


def test_suggestions() -> None:
    assert suggest("valeu", ["value", "source"]) == "value"
    assert suggest("vest", ["investment-total", "income", "investment"]) == "investment"  # the shortest containing it
    assert suggest("in", ["investment", "income"]) is None  # too short to contain
    assert suggest("zzz", ["value"]) is None
    assert nearest("income", ["income", "income-per-head", "income", "x"]) == ["income", "income-per-head"]
    assert nearest("grdp", ["grdp-growth", "grdp-per-head", "grdp-share-of-region", "x"], 2) == [
        "grdp-growth",
        "grdp-per-head",
    ]
    assert nearest("ab", ["xab-long-word", "yab-long-word"]) == []  # too short to contain
    assert nearest("abc", ["xabc-long-word", "x"]) == ["xabc-long-word"]


def test_toml_type_names() -> None:
    values: list[object] = [
        True,
        1,
        1.5,
        "x",
        dt.datetime(2023, 1, 1, 1, 1),
        dt.date(2023, 1, 1),
        dt.time(1, 1),
        [1],
        {},
    ]
    assert [toml_type(v) for v in values] == [
        "t_boolean",
        "t_int",
        "t_number",
        "t_string",
        "t_datetime",
        "t_date",
        "t_time",
        "t_array",
        "t_table",
    ]


# ---------------------------------------------------------------- folders and paths


def test_a_folder_without_targets_or_actuals(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    report = load_folder(tmp_path / "empty")
    assert [p.key for p in report.problems] == ["no_targets"] and report.dataset is None
    folder = tmp_path / "no-actuals"
    folder.mkdir()
    (folder / "targets.toml").write_text(tomli_w.dumps(TARGETS), encoding="utf-8")
    report = load_folder(folder)
    assert [p.key for p in report.problems] == ["no_actuals"] and report.dataset is None


def test_texts_stand_in_for_files_about_to_be_written(tmp_path: Path) -> None:
    folder = write(tmp_path / "plan", TARGETS, base_years())
    new = folder / "actuals" / "2024.toml"
    report = load_folder(folder, {new: 'year = 2024\n[income]\nvalue = 95\nsource = "x"\n'})
    assert report.problems == [] and report.dataset is not None
    assert report.dataset.years == (2021, 2022, 2023, 2024)
    assert not new.exists()
    broken = load_folder(folder, {new: "year = 2023\n"})
    assert [p.key for p in broken.problems] == ["year_mismatch"] and broken.dataset is None


def test_check_paths_reports_each_problem_once(tmp_path: Path) -> None:
    years = with_years(y2023={"poor": value(2100, as_of=dt.date(2024, 1, 1))})
    folder = write(tmp_path / "plan", TARGETS, years)
    year_file = folder / "actuals" / "2023.toml"
    alone = check_paths([year_file])
    assert [p.key for p in alone.problems] == ["as_of_year"]
    assert alone.files == 1
    both = check_paths([folder, year_file, folder / "targets.toml"])
    assert [p.key for p in both.problems if p.severity == "error"] == ["as_of_year"]
    assert both.files == 4
    other = tmp_path / "notes.txt"
    other.write_text("x", encoding="utf-8")
    assert [p.key for p in check_paths([other]).problems] == ["not_a_plan"]
    # a year file with no targets.toml above it: its own rules only
    lone = tmp_path / "lone" / "actuals"
    lone.mkdir(parents=True)
    (lone / "2023.toml").write_text('year = 2023\n[anything]\nvalue = 1\nsource = " "\n', encoding="utf-8")
    assert [p.key for p in check_paths([lone / "2023.toml"]).problems] == ["empty_source"]


def test_a_cumulative_target_is_a_floor(tmp_path: Path) -> None:
    report = load(tmp_path, targets=targets_with((*metric_path("investment"), "direction"), "down"))
    assert found(report) == [("targets.toml", "cumulative_ceiling", "error", "indicators[1].metrics[2].direction")]
    assert report.problems[0].args == {} and report.problems[0].line is not None


def test_a_total_is_compared_with_the_term_flows_only(tmp_path: Path) -> None:
    # a baseline-year value of a cumulative metric is not part of the term's sum
    years = {2020: {"investment": value(500)}, 2021: {"investment": [value(300), value(300, to_date=True)]}}
    assert keys(load(tmp_path, years)) == []


def test_the_tolerance_of_a_total_below_its_flows_is_relative(tmp_path: Path) -> None:
    # 1e-9 of the flows' sum: 5e-4 under a million is within it, 1.5e-9 under 1 is not
    big = {2021: {"investment": [value(1_000_000), value(1_000_000 - 5e-4, to_date=True)]}}
    assert "total_below_flows" not in keys(load(tmp_path / "big", big))
    small = {2021: {"investment": [value(1), value(1 - 1.5e-9, to_date=True)]}}
    assert "total_below_flows" in keys(load(tmp_path / "small", small))
    within = {2021: {"investment": [value(1), value(1 - 0.5e-9, to_date=True)]}}
    assert "total_below_flows" not in keys(load(tmp_path / "within", within))


def test_every_year_end_total_is_compared_with_its_flows(tmp_path: Path) -> None:
    years = with_years(
        y2022={"investment": [value(300), value(650, to_date=True, as_of=dt.date(2022, 6, 30))]},
        y2023={"investment": [value(400), value(1006.789, to_date=True)]},
    )
    report = load(tmp_path, years)
    assert found(report) == [("2023.toml", "total_vs_flows", "warning", "[[investment]][1].value")]
    assert report.problems[0].args["pct"] == 0.68  # 0.6789%, to two places
    known = with_years(
        y2023={"investment": [value(400), value(1010, to_date=True, acknowledge=["total-vs-flows"], note="n")]}
    )
    report = load(tmp_path / "known", known)
    assert [(p.key, p.severity, p.args.get("check")) for p in report.problems] == [
        ("total_vs_flows", "notice", "total-vs-flows")
    ]


def test_the_difference_of_an_aggregate_is_given_to_three_places(tmp_path: Path) -> None:
    years = with_years(y2022={"growth": [value(8.0), value(7.0567, since=2021)]})
    report = load(tmp_path, years)
    assert report.problems[0].args["diff"] == 0.057


def test_more_suggestions() -> None:
    # three letters are enough to be contained; the shortest containing word comes first
    assert suggest("gro", ["zz-growth", "aa-growth-long-name"]) == "zz-growth"
    assert nearest("gro", ["zz-growth", "aa-growth-long-name"]) == ["zz-growth", "aa-growth-long-name"]
    assert nearest("grdp", ["grdp-a", "grdp-bb", "grdp-ccc", "grdp-dddd", "grdp-eeeee"]) == [
        "grdp-a",
        "grdp-bb",
        "grdp-ccc",
    ]


def test_check_paths_of_several_folders_and_files(tmp_path: Path) -> None:
    one = write(tmp_path / "one", TARGETS, base_years())
    two = write(tmp_path / "two", TARGETS, with_years(y2023={"poor": value(2100, as_of=dt.date(2024, 1, 1))}))
    report = check_paths([one, one, two])
    assert [(Path(p.file).parts[-3], p.key) for p in report.problems if p.severity == "error"] == [
        ("two", "as_of_year")
    ]
    assert report.files == 8
    alone = check_paths([one])
    assert alone.dataset is not None and alone.dataset.plan.id == "rules"
    broken = two / "actuals" / "2023.toml"
    notes = tmp_path / "notes.txt"
    notes.write_text("x", encoding="utf-8")
    singles = check_paths([one / "actuals" / "2021.toml", notes, broken, broken, one / "actuals" / "2022.toml"])
    assert [(Path(p.file).name, p.key) for p in singles.problems] == [
        ("notes.txt", "not_a_plan"),
        ("2023.toml", "as_of_year"),
    ]
    assert singles.problems[0].file.endswith("notes.txt")
    assert singles.files == 4
    inside = check_paths([one, one / "actuals" / "2021.toml", broken])
    assert [p.key for p in inside.problems if p.severity == "error"] == ["as_of_year"]


def test_a_broken_entry_does_not_hide_the_entries_after_it(tmp_path: Path) -> None:
    after = {"share": value(101)}  # out of 0..100, after the broken entry in the file
    cases: list[tuple[str, dict[str, Any]]] = [
        ("unknown", {"incom": value(1)}),
        ("table", {"poor": 5}),
        ("type", {"rank": {"value": "x", "source": "s"}}),
    ]
    for name, broken in cases:
        years = with_years(y2023={**broken, **after})
        report = load(tmp_path / name, years)
        assert [p.key for p in report.problems if p.severity == "error"][-1] == "out_of_bounds", name


def test_an_unknown_key_at_the_top_of_targets_is_suggested(tmp_path: Path) -> None:
    targets = copy.deepcopy(TARGETS)
    targets["indicator"] = targets.pop("indicators")
    report = load(tmp_path, targets=targets)
    unknown = [p for p in report.problems if p.key == "unknown_key"]
    assert [(p.args, p.path) for p in unknown] == [({"key": "indicator", "hint": "indicators"}, "indicator")]


def test_a_plan_is_checked_with_its_own_targets_after_another_plans_errors(tmp_path: Path) -> None:
    broken = write(tmp_path / "broken", targets_with(("plan", "end_year"), 2019), {})
    other = write(tmp_path / "other", TARGETS, with_years(y2023={"share": value(101)}))
    report = check_paths([broken, other / "actuals" / "2023.toml"])
    assert [p.key for p in report.problems if p.severity == "error"] == ["baseline_after_end", "out_of_bounds"]


def test_an_actuals_folder_that_cannot_be_listed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = write(tmp_path / "plan", TARGETS, base_years())
    real = Path.iterdir
    errors: list[OSError] = []

    def refuse(self: Path) -> Any:
        if self.name == "actuals":
            raise errors[-1]
        return real(self)

    monkeypatch.setattr(Path, "iterdir", refuse)
    for error, reason in [(PermissionError(13, "Permission denied"), "Permission denied"), (OSError(), "OSError")]:
        errors.append(error)
        report = load_folder(folder)
        assert [(Path(p.file).name, p.key, p.args) for p in report.problems] == [
            ("actuals", "unreadable", {"reason": reason})
        ]
        assert report.dataset is None


def test_an_annual_target_the_metric_cannot_take(tmp_path: Path) -> None:
    targets = targets_with((*metric_path("poor"), "unit"), "%")
    targets["indicators"][1]["metrics"][3]["target"] = 101
    years = with_years(y2023={"poor": value(90)})
    report = load(tmp_path, years, targets)
    assert [(p.key, p.args) for p in report.problems] == [
        ("target_out_of_range", {"value": 101, "lo": 0.0, "hi": 100.0})
    ]


def test_values_at_the_bounds_are_accepted_when_the_other_rules_look_closer(tmp_path: Path) -> None:
    # an as_of makes the loader look at the observation's every rule; 0 and 100 are still fine
    for v in (0, 100):
        years = with_years(y2023={"share": value(v, as_of=dt.date(2023, 6, 30))})
        assert "out_of_bounds" not in keys(load(tmp_path / str(v), years)), v


def test_to_date_and_since_together(tmp_path: Path) -> None:
    report = load(tmp_path, with_years(y2023={"investment": [value(400), value(10, to_date=True, since=2021)]}))
    assert ("2023.toml", "to_date_and_since", "error", "[[investment]][1].since") in found(report)
    problem = next(p for p in report.problems if p.key == "to_date_and_since")
    assert problem.line is not None


def test_thresholds_of_a_metric_whose_target_is_not_known(tmp_path: Path) -> None:
    # no numeric target: the defaults without a target (med 0.005) are merged with its own high
    targets = targets_with((*metric_path("income"), "target"), ...)
    targets["indicators"][1]["metrics"][0]["progress_thresholds"] = {"high": 0.01}
    assert keys(load(tmp_path / "a", targets=targets)) == []
    # a trend metric given a target by mistake: one error, not also one about its thresholds
    trend = targets_with((*metric_path("rank"), "target"), 30)
    trend["indicators"][1]["metrics"][4]["progress_thresholds"] = {"high": 0.01}
    assert keys(load(tmp_path / "b", targets=trend)) == ["trend_target"]


def test_a_difference_of_exactly_the_tolerance_is_accepted(tmp_path: Path) -> None:
    # an aggregate 0.05 points (and the 1e-9 allowed for rounding) from the mean of its rates, 0
    aggregate = {2021: {"growth": value(0.0)}, 2022: {"growth": [value(0.0), value(0.05 + 1e-9, since=2021)]}}
    assert keys(load(tmp_path / "aggregate", aggregate)) == []
    # a total 1e-9 of its flows below them
    total = {2021: {"investment": [value(1), value(1 - 1e-9, to_date=True)]}}
    assert keys(load(tmp_path / "total", total)) == []


def test_nearest_gives_every_close_spelling_asked_for() -> None:
    # four close spellings asked for: the fourth (grd-a) before a word that only contains "grdp"
    choices = ["grdp-a", "grdp-bb", "grdp1", "grd-a", "grdp-long-name"]
    assert nearest("grdp", choices, 4) == ["grdp1", "grdp-a", "grdp-bb", "grd-a"]


def test_year_files_parsed_ahead_are_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from midterm import files
    from midterm.load import shapes as loader

    folder = write(tmp_path / "plan", TARGETS, base_years())
    new = folder / "actuals" / "2024.toml"
    monkeypatch.setattr(files, "PARALLEL_BYTES", 0)  # worker processes however small the plan
    monkeypatch.setenv("MIDTERM_WORKERS", "2")
    parsed_here: list[str] = []
    real = loader.parse_file

    def parse_here(path: Path, text: str | None = None) -> Any:
        parsed_here.append(path.name)
        return real(path, text)

    monkeypatch.setattr(loader, "parse_file", parse_here)
    report = load_folder(folder, {new: 'year = 2024\n[income]\nvalue = 95\nsource = "x"\n'})
    assert parsed_here == ["targets.toml"]  # the year files: what the workers parsed, once
    assert report.problems == [] and report.dataset is not None
    assert report.dataset.years == (2021, 2022, 2023, 2024)
