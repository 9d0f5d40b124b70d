"""How sure a verdict is (METHOD: How sure a verdict is): the worked examples on the shipped plan,
through the scoring core and the command line, and the laws as hypothesis properties."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_scoring_laws import B, Case, E, cases, make_metric, obs, window

from conftest import ROOT, Run
from midterm import scoring
from midterm.load import load_folder
from midterm.models import Dataset
from midterm.scoring import certainty
from midterm.scoring.certainty import ORDER, line_range, t90, t_cdf

laws = settings(max_examples=150, deadline=None)


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    report = load_folder(ROOT)
    assert report.dataset is not None
    return report.dataset


def metric(data: Dataset, metric_id: str, method: scoring.Method = "linear") -> scoring.MetricScore:
    status = scoring.status(data, as_of=2023, method=method)
    return next(m for i in status.indicators for m in i.metrics if m.metric.id == metric_id)


# ---------------------------------------------------------------- the worked examples


def test_income_per_head(shipped: Dataset) -> None:
    m = metric(shipped, "income-per-head")
    points = [(2020, 69.39), (2021, 74.1), (2022, 84.6), (2023, 93.2)]
    s, se = certainty._fit(points)
    assert (scoring.slope(points), s, se(2025)) == pytest.approx((8.193, 1.836, 3.531), abs=5e-4)
    assert m.projected == pytest.approx(109.59, abs=5e-3)
    assert m.range == pytest.approx((102.93, 116.24), abs=5e-3)
    assert (m.verdict, m.certainty, m.span, m.horizon) == ("on-track", "high", 3, 2)
    cagr = m.by_method["cagr"]
    assert cagr.projected == pytest.approx(113.46, abs=5e-3)
    assert cagr.range == pytest.approx((105.67, 121.82), abs=5e-3)


def test_grdp_growth(shipped: Dataset) -> None:
    m = metric(shipped, "grdp-growth")
    assert m.range == pytest.approx((7.10, 9.60), abs=5e-3)
    assert m.projected == pytest.approx(8.36, abs=5e-3)
    assert (m.verdict, m.certainty) == ("hard", "low")  # 9 lies inside the range
    shown = scoring.show(shipped, "grdp-growth", as_of=2023)
    assert shown is not None
    [detail] = shown.details
    assert detail.ahead == [2024, 2025]
    assert [x for r in detail.band if r for x in r] == pytest.approx([5.97, 11.63, 5.81, 12.70], abs=5e-3)
    rates = [(2020, 7.51), (2021, 6.32), (2022, 8.42), (2023, 8.34)]
    assert certainty._fit(rates)[0] == pytest.approx(0.950, abs=5e-4)
    # cagr: s = 0.976 over the four rates, t = 1.6377, each remaining year 7.92 -+ 1.787
    assert certainty.rate_spread(rates) == pytest.approx(1.787, abs=5e-4)
    by_cagr = metric(shipped, "grdp-growth", "cagr")
    assert by_cagr.range == pytest.approx((7.20, 8.63), abs=5e-3)
    assert (by_cagr.verdict, by_cagr.certainty) == ("hard", "high")
    assert m.by_method["cagr"].range == by_cagr.range  # each method's range, whichever is chosen


def test_new_jobs_thin_and_total_investment_unmeasured(shipped: Dataset) -> None:
    jobs = metric(shipped, "new-jobs")
    assert (jobs.verdict, jobs.certainty, jobs.span, jobs.horizon) == ("on-track", "thin", 0.5, 4.5)
    assert jobs.range is None
    investment = metric(shipped, "total-investment")
    assert (investment.verdict, investment.certainty) == ("on-track", "unmeasured")
    assert (investment.span, investment.horizon, investment.range) == (2.5, 2.5, None)


def test_trend_metrics_and_insufficient_data_have_no_certainty(shipped: Dataset) -> None:
    status = scoring.status(shipped, as_of=2023)
    for i in status.indicators:
        for m in i.metrics:
            if m.metric.kind == "trend" or m.verdict == "insufficient-data":
                assert m.certainty is None
        if i.verdict == "insufficient-data":
            assert i.certainty is None


def test_status_json_and_the_summary(run: Run, plan: Path) -> None:
    doc = json.loads(run("status", "-f", "json", "--lang", "en").stdout)
    by_id = {i["id"]: i for i in doc["indicators"]}
    income = by_id["income-per-head"]["metrics"][0]
    assert income["range"] == pytest.approx([102.93, 116.24], abs=5e-3)
    assert income["by_method"]["cagr"]["range"] == pytest.approx([105.67, 121.82], abs=5e-3)
    assert (income["certainty"], income["span"], income["horizon"]) == ("high", 3, 2)
    assert by_id["income-per-head"]["certainty"] == "high"
    # jobs is hard on fewer poor households (low); new jobs, on track and thin, does not count for it
    assert by_id["jobs"]["certainty"] == "low"
    counts = doc["summary"]["certainty"]
    hard = sum(1 for i in doc["indicators"] if i["verdict"] == "hard")
    assert sum(counts["hard"].values()) == hard == doc["summary"]["hard"]
    assert counts["on-track"] == {"decided": 0, "high": 1, "low": 0, "thin": 1, "unmeasured": 1}
    assert doc["summary"]["certainty_text"].startswith("How sure: 4 hard to achieve: 1 fairly sure, 3 unsure")


def test_every_view_says_it_in_words(run: Run, plan: Path) -> None:
    wide = run("status", "--lang", "en", env={"COLUMNS": "140"}).stdout
    assert "fairly sure" in wide and "(80%: 102.93 to 116.24)" in wide
    narrow = " ".join(run("status", env={"COLUMNS": "60"}).stdout.split())
    assert "đúng lộ trình · khá chắc" in narrow and "80%: 102,93 đến 116,24" in narrow
    assert "Độ chắc chắn: 4 khó đạt: 1 khá chắc, 3 chưa chắc" in narrow
    markdown = run("status", "-f", "markdown", "--lang", "en").stdout
    assert "on track (fairly sure)" in markdown and "on track (thin data)" in markdown
    assert "on track (not measured)" in markdown
    rows = list(csv.DictReader(io.StringIO(run("status", "-f", "csv").stdout)))
    income = next(r for r in rows if r["metric"] == "income-per-head")
    assert (income["certainty"], income["certainty_text"], income["indicator_certainty"]) == (
        "high",
        "khá chắc",
        "high",
    )
    assert float(income["range_low"]) == pytest.approx(102.93, abs=5e-3)


def test_project_gives_each_methods_range_at_the_year(run: Run, plan: Path) -> None:
    doc = json.loads(run("project", "--year", "2025", "-f", "json").stdout)
    income = next(m for m in doc["metrics"] if m["id"] == "income-per-head")
    assert income["by_method"]["linear"]["range"] == pytest.approx([102.93, 116.24], abs=5e-3)
    assert income["range"] == income["by_method"]["linear"]["range"]
    doc = json.loads(run("project", "--year", "2024", "-f", "json").stdout)
    grdp = next(m for m in doc["metrics"] if m["id"] == "grdp-growth")
    low, high = grdp["by_method"]["linear"]["range"]
    assert low < grdp["by_method"]["linear"]["projected"] < high
    text = run("project", "--year", "2025", "--lang", "en", env={"COLUMNS": "160"}).stdout
    assert "109.59" in text and "80%: 102.93 to 116.24" in text
    csv_rows = run("project", "--year", "2025", "-f", "csv").stdout.splitlines()
    assert "linear_range_low" in csv_rows[0]


def test_backtest_says_inside_and_the_share(run: Run, plan: Path) -> None:
    doc = json.loads(run("backtest", "--as-of", "2022", "-f", "json").stdout)
    grdp = next(m for m in doc["metrics"] if m["id"] == "grdp-growth")
    year = grdp["years"][0]
    guess = year["by_method"]["linear"]
    low, high = guess["range"]
    assert guess["inside"] == (low <= year["observed"] <= high)
    inside = doc["summary"]["inside"]
    years = [y["by_method"]["cagr"]["inside"] for m in doc["metrics"] for y in m["years"]]
    assert inside["cagr"]["years"] == sum(v is not None for v in years)
    assert inside["cagr"]["inside"] == sum(v is True for v in years)
    text = run("backtest", "--as-of", "2022", "--lang", "en", env={"COLUMNS": "160"}).stdout
    assert "inside the 80% range: linear 4 of 4 years (100%) and cagr 4 of 4 years (100%)" in " ".join(text.split())
    markdown = run("backtest", "--as-of", "2022", "-f", "markdown").stdout
    assert "có / có" in markdown
    csv_rows = run("backtest", "--as-of", "2022", "-f", "csv").stdout.splitlines()
    assert "linear_inside,cagr_range_low,cagr_range_high,cagr_inside" in csv_rows[0]


def test_backtest_inside_uses_the_range_of_the_quantity() -> None:
    # a level of 10, 12, 13 then 20: the 2023 figure lies far above the range predicted in 2022
    m = make_metric("level", "up", 30.0)
    series = [obs(2020, 10.0), obs(2021, 12.0), obs(2022, 13.0), obs(2023, 20.0)]
    data = dataset_of(m, series)
    result = scoring.backtest(data, 2022)
    [check] = result.metrics
    guess = check.years[0].by_method["linear"]
    assert guess.range is not None and guess.range[1] < 20
    assert guess.inside is False
    assert result.summary.inside["linear"] == (0, 1)


def dataset_of(m: Any, series: list[Any]) -> Dataset:
    from test_scoring_laws import dataset

    return dataset([(m, series)], (2020, 2021, 2022, 2023))


# ---------------------------------------------------------------- t


def test_t_quantiles() -> None:
    assert [t90(df) for df in (1, 2, 3, 10)] == [3.0777, 1.8856, 1.6377, 1.3722]
    # published four-decimal values for 11..30 degrees of freedom
    known = {11: 1.3634, 12: 1.3562, 15: 1.3406, 20: 1.3253, 25: 1.3163, 29: 1.3114, 30: 1.3104}
    for df, value in known.items():
        assert t90(df) == pytest.approx(value, abs=5e-5)
        assert t_cdf(t90(df), df) == pytest.approx(0.9, abs=1e-9)
    assert t90(31) == t90(1000) == 1.2816
    assert t_cdf(1.3722, 10) == pytest.approx(0.9, abs=5e-5)  # the table and the computation agree
    with pytest.raises(ValueError):
        t90(0)


def test_fewer_points_never_give_a_smaller_t() -> None:
    ts = [t90(df) for df in range(1, 60)]
    assert all(a >= b for a, b in zip(ts, ts[1:], strict=False))


# ---------------------------------------------------------------- laws


def level_points(values: list[float]) -> list[tuple[int, float]]:
    return [(2020 + k, v) for k, v in enumerate(values)]


@laws
@given(cases(), st.sampled_from(scoring.METHODS))
def test_the_range_holds_the_projection(case: Case, method: scoring.Method) -> None:
    score = scoring.score_metric(case.metric, case.series, window(case.as_of, method))
    for r in score.by_method.values():
        if r.range is not None:
            assert r.projected is not None
            lo, hi = r.range
            eps = 1e-9 * max(1.0, abs(lo), abs(hi))
            assert lo - eps <= r.projected <= hi + eps


@laws
@given(
    st.integers(-50, 50),
    st.integers(-10, 10),
    st.integers(3, 6),
    st.sampled_from(scoring.METHODS),
    st.sampled_from(["level", "annual", "trend"]),
)
def test_points_on_a_line_give_a_range_of_one_value(a: int, b: int, n: int, method: scoring.Method, kind: str) -> None:
    """s = 0: on a straight line (linear) or a constant growth (cagr), the range is one value."""
    if method == "linear":
        values = [float(a + b * k) for k in range(n)]
    else:
        values = [float(abs(a) + 1) * 1.5**k for k in range(n)]
    spread = line_range(level_points(values), method)
    assert spread is not None
    lo, hi = spread(2025)
    assert hi - lo <= 1e-9 * max(1.0, abs(lo), abs(hi))


@laws
@given(cases(kinds=("level", "annual", "cumulative", "average-growth")), st.sampled_from(scoring.METHODS))
def test_thin_exactly_when_the_projection_reaches_further_than_the_data(case: Case, method: scoring.Method) -> None:
    score = scoring.score_metric(case.metric, case.series, window(case.as_of, method))
    if score.certainty in (None, "decided"):
        return
    assert score.span is not None and score.horizon is not None
    short = score.span < score.horizon or score.span < 1
    assert (score.certainty == "thin") == short


def test_decimals_on_a_line_give_a_range_of_one_value() -> None:
    """METHOD: s = 0 gives a range of one value. Figures on a line as they are written in decimals
    (69.4, 70.7, 72.0, 73.3) leave residuals of rounding size, which are no spread; a residual in
    the fifth decimal (102.00001) is far above rounding and is a spread."""
    m = make_metric("level", "up", 70.0)
    on_a_line = [obs(2020, 69.4), obs(2021, 70.7), obs(2022, 72.0), obs(2023, 73.3)]
    score = scoring.score_metric(m, on_a_line, window(2023))
    assert score.projected is not None
    assert score.range == (score.projected, score.projected)
    off_it = [obs(2020, 100.0), obs(2021, 101.0), obs(2022, 102.00001), obs(2023, 103.0)]
    score = scoring.score_metric(m, off_it, window(2023))
    assert score.projected is not None and score.range is not None
    lo, hi = score.range
    assert lo < score.projected < hi


def test_two_yearly_rates_range_an_arithmetic_average() -> None:
    """METHOD: cagr of an average-growth metric ranges with n >= 2 yearly rates: every remaining
    year's rate at the average so far -+ t * s * sqrt(1 + 1/n), t with n - 1 = 1 degree of freedom
    (3.0777); the range of the average is the metric's own average (arithmetic here) over S..E."""
    m = make_metric("average-growth", "up", 7.5, aggregation="arithmetic", unit="%")
    score = scoring.score_metric(m, [obs(2021, 7.0), obs(2022, 8.0)], window(2022, "cagr"))
    spread = 3.0777 * math.sqrt(0.5) * math.sqrt(1 + 1 / 2)
    expected = [(7.0 + 8.0 + 3 * (7.5 + sign * spread)) / 5 for sign in (-1, 1)]
    assert score.by_method["cagr"].range == pytest.approx(expected, abs=1e-9)
    assert (score.span, score.horizon, score.certainty) == (2, 3, "thin")


def test_an_average_growth_with_every_term_year_covered_is_decided_and_unranged() -> None:
    """METHOD: `decided` when the observations decide and nothing is projected; where nothing is
    projected the range is null (here every rate of S..E is observed)."""
    m = make_metric("average-growth", "up", 7.5, unit="%")
    rates = [obs(y, v) for y, v in zip(range(2021, 2026), (7.0, 8.0, 6.5, 7.2, 9.0), strict=True)]
    for method in scoring.METHODS:
        score = scoring.score_metric(m, rates, window(2025, method))
        assert (score.span, score.horizon, score.certainty) == (5, 0, "decided")
        assert [r.range for r in score.by_method.values()] == [None, None]


def test_a_running_total_is_decided_at_the_end_of_e_or_once_achieved() -> None:
    """METHOD: `decided` for a running total dated the end of E, and for an achieved cumulative
    target; `decided` is tested before `thin` and span = horizon is not thin (else unmeasured)."""
    m = make_metric("cumulative", "up", 1000.0)
    at_the_end = scoring.score_metric(m, [obs(2025, 900.0, to_date=True)], window(2025))
    assert (at_the_end.verdict, at_the_end.certainty, at_the_end.span, at_the_end.horizon) == ("hard", "decided", 5, 0)
    mid_2023 = [obs(2023, 1200.0, to_date=True, as_of=dt.date(2023, 6, 30))]
    already = scoring.score_metric(m, mid_2023, window(2023))
    assert (already.verdict, already.certainty, already.span, already.horizon) == ("on-track", "decided", 2.5, 2.5)
    short = scoring.score_metric(m, [obs(2023, 500.0, to_date=True, as_of=dt.date(2023, 6, 30))], window(2023))
    assert short.certainty == "unmeasured"


def test_a_flows_chains_range_floors_each_projected_flow() -> None:
    """METHOD: a flows chain's total ranges from C plus the projected flows at their low ends, each
    floored at `valid_min` (default 0): wild flows never range the total below what is already in."""
    m = make_metric("cumulative", "up", 400.0)
    flows = [obs(2021, 50.0), obs(2022, 5.0), obs(2023, 60.0)]
    score = scoring.score_metric(m, flows, window(2023))
    line = line_range([(o.year, o.obs.value) for o in flows], "linear")
    assert line is not None and line(2024)[0] < 0 and line(2025)[0] < 0  # the flows' own ranges dip below 0
    assert score.range is not None
    assert score.range[0] == 115.0
    steady = [obs(2021, 100.0), obs(2022, 112.0), obs(2023, 119.0)]
    line = line_range([(o.year, o.obs.value) for o in steady], "linear")
    assert line is not None
    (lo24, hi24), (lo25, hi25) = line(2024), line(2025)
    assert lo24 > 0 and lo25 > 0
    ranged = scoring.score_metric(m, steady, window(2023)).range
    assert ranged == pytest.approx((331.0 + lo24 + lo25, 331.0 + hi24 + hi25), abs=1e-9)
    # flows on a line down through zero: the projected flows, -20 and -60, add nothing at either end
    falling = [obs(2021, 100.0), obs(2022, 60.0), obs(2023, 20.0)]
    assert scoring.score_metric(m, falling, window(2023)).range == (180.0, 180.0)


def test_a_flows_chains_range_adds_the_observed_flows_after_its_gap() -> None:
    """METHOD: C plus the observed later flows plus the projected flows; the chain (2021-2022)
    stops at the gap in 2023, the 2024 flow is observed, 2023 and 2025 are projected."""
    m = make_metric("cumulative", "up", 400.0)
    flows = [obs(2021, 100.0), obs(2022, 112.0), obs(2024, 119.0)]
    line = line_range([(o.year, o.obs.value) for o in flows], "linear")
    assert line is not None
    (lo23, hi23), (lo25, hi25) = line(2023), line(2025)
    score = scoring.score_metric(m, flows, window(2024))
    assert score.range == pytest.approx((212.0 + lo23 + 119.0 + lo25, 212.0 + hi23 + 119.0 + hi25), abs=1e-9)
    # span and horizon: L is the latest flow (2024), not the chain's end (2022)
    assert (score.span, score.horizon, score.certainty) == (3, 1, "high")


def test_a_flows_chain_with_no_flow_in_the_trend_window_has_no_range() -> None:
    """--trend-from after a metric's last flow: the chain has no point to fit, so no range and
    no certainty (insufficient data), and the span is 0, never a crash."""
    m = make_metric("cumulative", "up", 1000.0)
    score = scoring.score_metric(m, [obs(2021, 100.0), obs(2022, 112.0)], scoring.Window(B, E, 2023, 2023, "linear"))
    assert (score.verdict, score.certainty, score.range, score.span, score.horizon) == (
        "insufficient-data",
        None,
        None,
        0,
        3,
    )


def test_a_flows_chain_through_the_end_year_is_decided_and_unranged() -> None:
    """METHOD: `decided` when the chain itself reaches E; where nothing is projected the range is null."""
    m = make_metric("cumulative", "up", 600.0)
    flows = [obs(y, 100.0 + y - 2021) for y in range(2021, 2026)]
    score = scoring.score_metric(m, flows, window(2025))
    assert (score.verdict, score.certainty, score.range) == ("hard", "decided", None)


def test_an_annual_target_failed_in_its_first_year_is_decided_and_unranged() -> None:
    """METHOD: `decided` for an annual target already failed (a failure in S counts); nothing is
    projected for the verdict, so no method has a range."""
    m = make_metric("annual", "up", 7.0, unit="%")
    rates = [obs(2020, 8.0), obs(2021, 6.0), obs(2022, 8.0), obs(2023, 8.2)]
    score = scoring.score_metric(m, rates, window(2023))
    assert (score.verdict, score.certainty, score.span, score.horizon) == ("hard", "decided", 3, 2)
    assert [r.range for r in score.by_method.values()] == [None, None]
    kept = scoring.score_metric(m, [obs(2020, 6.0), *rates[2:]], window(2023))  # the baseline year is no term year
    assert kept.verdict == "on-track" and kept.certainty != "decided"


def test_a_level_observed_in_the_end_year_is_decided_and_unranged() -> None:
    """METHOD: L = E: the observations decide and the range is null for every method."""
    m = make_metric("level", "up", 50.0)
    score = scoring.score_metric(m, [obs(y, 40.0 + 3 * (y - 2022) + (y % 2)) for y in range(2022, 2026)], window(2025))
    assert (score.certainty, score.span, score.horizon) == ("decided", 3, 0)
    assert [r.range for r in score.by_method.values()] == [None, None]


def test_an_annual_target_is_sure_only_when_every_projected_year_is() -> None:
    """METHOD: an annual target on track is `high` only when every projected year's range meets T.
    Here E's range lies wholly above 7%, but 2024's reaches below it: `low`."""
    m = make_metric("annual", "up", 7.0, unit="%")
    rates = [obs(2020, 2.3), obs(2021, 8.2), obs(2022, 10.9), obs(2023, 10.5)]
    score = scoring.score_metric(m, rates, window(2023))
    line = line_range([(o.year, o.obs.value) for o in rates], "linear")
    assert line is not None and line(2024)[0] < 7.0
    assert score.range is not None and score.range[0] > 7.0
    assert (score.verdict, score.certainty) == ("on-track", "low")
    # the projected years are L+1..E: 2026's range, which reaches below 7%, does not count
    steady = [obs(2020, 9.6), obs(2021, 9.3), obs(2022, 8.5), obs(2023, 10.2)]
    line = line_range([(o.year, o.obs.value) for o in steady], "linear")
    assert line is not None and line(2026)[0] < 7.0 < min(line(2024)[0], line(2025)[0])
    assert scoring.score_metric(m, steady, window(2023)).certainty == "high"


def test_a_span_of_one_year_is_not_thin() -> None:
    """METHOD: thin when span < horizon or span < 1; span 1 and horizon 1 is neither (two points
    give no range: unmeasured)."""
    m = make_metric("level", "up", 50.0)
    score = scoring.score_metric(m, [obs(2023, 40.0), obs(2024, 45.0)], window(2024))
    assert (score.span, score.horizon, score.certainty) == (1, 1, "unmeasured")


def test_a_level_with_no_point_in_the_trend_window_has_span_zero() -> None:
    """--trend-from after a level's last observation: no point to fit, span 0, never a crash."""
    m = make_metric("level", "up", 50.0)
    score = scoring.score_metric(m, [obs(2020, 40.0), obs(2021, 45.0)], scoring.Window(B, E, 2023, 2022, "linear"))
    assert (score.span, score.horizon, score.range) == (0, 4, None)


@laws
@given(
    st.lists(st.floats(1.0, 1000.0), min_size=3, max_size=6),
    st.floats(1.0, 4.0),
    st.floats(0.0, 2.0),
    st.sampled_from(scoring.METHODS),
)
def test_a_wider_t_never_narrows_a_range(values: list[float], t: float, more: float, method: scoring.Method) -> None:
    points = level_points(values)
    ranges = []
    original = certainty.t90
    try:
        for value in (t, t + more):
            certainty.t90 = lambda df, value=value: value  # type: ignore[assignment]
            spread = line_range(points, method)
            assert spread is not None
            ranges.append(spread(2025))
    finally:
        certainty.t90 = original
    (lo1, hi1), (lo2, hi2) = ranges
    assert lo2 <= lo1 + 1e-9 * max(1.0, abs(lo1)) and hi2 >= hi1 - 1e-9 * max(1.0, abs(hi1))


CERTAINTIES = st.sampled_from([None, *ORDER])


@laws
@given(st.lists(st.tuples(st.sampled_from(["on-track", "hard", "insufficient-data"]), CERTAINTIES), max_size=6))
def test_an_indicators_certainty_follows_the_order(metrics: list[tuple[str, str | None]]) -> None:
    verdicts = [v for v, _ in metrics]
    sure = [c if v in ("on-track", "hard") else None for v, c in metrics]
    # METHOD's words, not the module's constant: decided > high > unmeasured > low > thin
    rank = {c: k for k, c in enumerate(["decided", "high", "unmeasured", "low", "thin"])}
    for verdict in ("on-track", "hard", "insufficient-data"):
        got = certainty.indicator_certainty(verdict, sure, verdicts)
        if verdict == "hard":
            pool = [c for v, c in zip(verdicts, sure, strict=True) if v == "hard" and c]
            assert got == (min(pool, key=rank.__getitem__) if pool else None)
            assert all(rank[got] <= rank[c] for c in pool) if got else not pool
        elif verdict == "on-track":
            pool = [c for c in sure if c]
            assert got == (max(pool, key=rank.__getitem__) if pool else None)
        else:
            assert got is None


def test_a_range_is_bounded_as_projections_are() -> None:
    # a % level falling 1.3 points a year: projected at 0, its range never below 0
    m = make_metric("level", "down", 1.0, unit="%")
    series = [obs(2020, 5.6), obs(2021, 4.1), obs(2022, 3.0), obs(2023, 1.75)]
    score = scoring.score_metric(m, series, window(2023))
    assert score.projected == 0.0 and score.range is not None
    assert score.range[0] == 0.0 and 0.0 <= score.range[1] <= 100.0
    assert all(math.isfinite(x) for x in score.range)


def test_both_ends_of_a_range_past_a_bound_are_held_at_it() -> None:
    # METHOD: each end of the range is bounded as projections are. A % level rising about 3 points
    # a year projects past 100 with its whole unbounded range; projection and range are then 100.
    m = make_metric("level", "up", 95.0, unit="%")
    series = [obs(2020, 90.0), obs(2021, 93.1), obs(2022, 96.0), obs(2023, 99.0)]
    score = scoring.score_metric(m, series, window(2023))
    assert score.projected == 100.0
    assert score.range == (100.0, 100.0)
    assert (score.verdict, score.certainty) == ("on-track", "high")


@laws
@given(cases(kinds=("level", "cumulative", "average-growth")), st.sampled_from(scoring.METHODS))
def test_high_and_low_read_the_chosen_range(case: Case, method: scoring.Method) -> None:
    """high: the whole range on the verdict's side of the threshold; low: it crosses; unmeasured: none."""
    score = scoring.score_metric(case.metric, case.series, window(case.as_of, method))
    T, direction = case.metric.threshold, case.metric.direction
    if score.certainty not in ("high", "low", "unmeasured"):
        return
    if score.certainty == "unmeasured":
        assert score.range is None
        return
    assert score.range is not None and T is not None
    ends = [scoring.meets(x, T, direction) for x in score.range]
    wholly = all(ends) if score.verdict == "on-track" else not any(ends)
    assert (score.certainty == "high") == wholly


@laws
@given(cases(), st.sampled_from(scoring.METHODS), st.integers(0, 4))
def test_projects_range_at_any_year_holds_its_projection(case: Case, method: scoring.Method, after: int) -> None:
    """`project --year Y`: each method's range holds that method's projection at Y, and at E it is
    the metric's own range (METHOD: the range of what `project --year Y` reports)."""
    from test_scoring_laws import dataset

    data = dataset([(case.metric, case.series)], tuple(sorted({o.year for o in case.series})) or (B,))
    year = E - 2 + after
    projection = scoring.project(data, year, as_of=case.as_of, method=method)
    [(_, at)] = projection.metrics
    for m in scoring.METHODS:
        spread, value = at.ranges[m], at.by_method[m]
        if spread is not None:
            assert value is not None
            eps = 1e-9 * max(1.0, abs(spread[0]), abs(spread[1]))
            assert spread[0] - eps <= value <= spread[1] + eps
        if year == E and at.score.by_method[m].projected is not None:
            assert spread == at.score.by_method[m].range
