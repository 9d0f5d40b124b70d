"""The scoring contract rule by rule, each with a worked example whose figures come from
/work/shared/METHOD.md by hand (the arithmetic is written out beside each expectation).

Written to fail: each example sits on a boundary that a one-token change of the code would
cross (a comparison, a bound, a year range, a tie-break). docs/mutation.md says how the
mutants were found and which ones survive, and why.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path
from typing import Any

import pytest

from midterm import scoring
from midterm.models import Dataset, Indicator, Metric, Observation, Observed, Plan, Targets, Thresholds
from midterm.scoring import progress as prog
from midterm.scoring.arithmetic import average, cagr, clip, meets, slope, tau, trend_line

B, E = 2020, 2025
approx = pytest.approx


def metric(kind: str = "level", direction: str = "up", target: Any = None, unit: str = "x", **keys: Any) -> Metric:
    return Metric(
        id=keys.pop("id", "m"),
        name="m",
        unit=unit,
        kind=kind,
        direction=direction,
        target=target,
        **keys,
    )


def obs(year: int, value: float, **keys: Any) -> Observed:
    return Observed(year, Observation(value=value, source="test", **keys))


def series(values: dict[int, float]) -> list[Observed]:
    return [obs(y, v) for y, v in values.items()]


def window(as_of: int = 2023, method: scoring.Method = "linear", trend_from: int = B) -> scoring.Window:
    return scoring.Window(B, E, as_of, trend_from, method)


def score(
    m: Metric,
    observations: list[Observed],
    as_of: int = 2023,
    method: scoring.Method = "linear",
    trend_from: int = B,
    plan_thresholds: Thresholds | None = None,
) -> scoring.MetricScore:
    return scoring.score_metric(m, observations, window(as_of, method, trend_from), plan_thresholds)


def both(m: Metric, observations: list[Observed], as_of: int = 2023) -> dict[str, str]:
    return {k: v.verdict for k, v in score(m, observations, as_of).by_method.items()}


# ================================================================ arithmetic (METHOD: Words, Two projection methods)


def test_meets_is_inclusive_within_a_relative_epsilon() -> None:
    # eps = 1e-9 * max(1, |T|): 3e-9 around 3 and -3, 1e-6 around 1000, and never under 1e-9 (0.5).
    assert meets(3.0, 3.0, "up") and meets(3.0, 3.0, "down")
    assert meets(3 - 2.9e-9, 3.0, "up") and not meets(3 - 3.2e-9, 3.0, "up")
    assert meets(3 + 2.9e-9, 3.0, "down") and not meets(3 + 3.2e-9, 3.0, "down")
    assert meets(-3 - 2.9e-9, -3.0, "up") and not meets(-3 - 3.2e-9, -3.0, "up")
    assert meets(1000 - 0.9e-6, 1000.0, "up") and not meets(1000 - 1.1e-6, 1000.0, "up")
    assert meets(0.5 - 0.9e-9, 0.5, "up") and not meets(0.5 - 1.2e-9, 0.5, "up")
    # exactly at the edge of the tolerance: still meets (T - eps computed as meets computes it)
    assert meets(1.0 - 1e-9 * 1.0, 1.0, "up") and meets(1.0 + 1e-9 * 1.0, 1.0, "down")
    assert meets(3.0 - 1e-9 * 3.0, 3.0, "up") and meets(3.0 + 1e-9 * 3.0, 3.0, "down")
    assert meets(4.0, 3.0, "up") and not meets(4.0, 3.0, "down")
    assert meets(2.0, 3.0, "down") and not meets(2.0, 3.0, "up")


def test_slope_is_the_least_squares_slope() -> None:
    assert slope([(2020, 40.0), (2023, 43.0)]) == approx(1.0)
    # years 2020, 2021, 2023 (mean 2021 1/3), values 0, 1, 5 (mean 2): sxy = 8, sxx = 14/3
    assert slope([(2020, 0.0), (2021, 1.0), (2023, 5.0)]) == approx(12 / 7)
    assert slope([(2020, 5.0), (2021, 5.0), (2022, 5.0)]) == 0.0
    # flat at uneven years (mean year 2021 1/3, not a float): every value minus the mean value is 0, so 0 exactly
    assert slope([(2020, 5.0), (2021, 5.0), (2023, 5.0)]) == 0.0


def test_cagr_and_where_it_does_not_apply() -> None:
    assert cagr([(2020, 40.0), (2023, 43.0)]) == approx((43 / 40) ** (1 / 3) - 1)
    assert cagr([(2021, 30.0), (2023, 10.0)]) == approx((1 / 3) ** (1 / 2) - 1)
    for first, last in [(0.0, 5.0), (5.0, 0.0), (-5.0, -2.0), (5.0, -1.0), (-1.0, 5.0)]:
        assert cagr([(2020, first), (2023, last)]) is None, (first, last)
    # A ratio that rounds to nothing leaves no factor to compound (1 + r == 0), and an overflow no rate.
    assert cagr([(2020, 1e50), (2021, 1.0)]) is None
    assert cagr([(2020, 1e-300), (2021, 1e300)]) is None


def test_trend_lines_are_anchored_at_the_latest_point() -> None:
    points = [(2020, 40.0), (2023, 43.0)]
    linear = trend_line(points, "linear")
    compound = trend_line(points, "cagr")
    assert linear is not None and compound is not None
    assert (linear(2023), linear(2025), linear(2020)) == approx((43.0, 45.0, 40.0))
    assert trend_line(points, "linear", 2.0)(2025) == approx(47.0)  # type: ignore[misc]
    assert compound(2025) == approx(43 * (43 / 40) ** (2 / 3))
    assert compound(2023) == approx(43.0)
    assert trend_line([(2020, 0.0), (2023, 4.0)], "cagr") is None


def test_average_geometric_and_arithmetic() -> None:
    assert average([6.32, 8.42, 8.34], "geometric") == approx(7.689, abs=5e-4)
    assert average([6.32, 8.42, 8.34], "arithmetic") == approx((6.32 + 8.42 + 8.34) / 3)
    assert average([7.0], "geometric") == approx(7.0)
    assert average([], "geometric") is None and average([], "arithmetic") is None
    # a fall of 100% or more ends the compounding; an arithmetic mean has no such limit
    assert average([-100.0, 10.0], "geometric") is None
    assert average([-99.0, 10.0], "geometric") == approx(((0.01 * 1.1) ** 0.5 - 1) * 100)
    assert average([-100.0, 10.0], "arithmetic") == approx(-45.0)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        (dt.date(2023, 6, 30), 2.5),  # METHOD's example
        (dt.date(2023, 7, 31), 2 + (6 + 31 / 31) / 12),  # a 31-day month ends a whole month: 2 7/12
        (dt.date(2023, 7, 15), 2 + (6 + 15 / 31) / 12),  # not 15/30
        (dt.date(2023, 2, 28), 2 + (1 + 28 / 28) / 12),
        (dt.date(2024, 2, 15), 3 + (1 + 15 / 29) / 12),  # a leap February has 29 days
        (dt.date(2023, 12, 31), 3.0),
        (dt.date(2023, 12, 15), 2 + (11 + 15 / 31) / 12),  # December: the next month is in the next year
        (dt.date(2021, 1, 31), 1 / 12),
    ],
)
def test_tau_counts_months_of_their_own_length(when: dt.date, expected: float) -> None:
    assert tau(when, 2021) == approx(expected, abs=1e-12)


def test_clip_keeps_a_value_within_its_bounds() -> None:
    assert clip(-0.82, 0.0, 100.0) == 0.0
    assert clip(120.0, 0.0, 100.0) == 100.0
    assert clip(50.0, 0.0, 100.0) == 50.0
    assert clip(-1e9, None, None) == -1e9
    assert clip(-5.0, None, 10.0) == -5.0 and clip(15.0, 0.0, None) == 15.0


# ================================================================ level


def test_level_bounded_at_zero_never_below() -> None:
    """A `%` series falling 2 points a year from 3% projects 0, never below; the reason names the
    year the trend first leaves 0..100 (1 - 2 = -1 in 2023)."""
    m = metric("level", "down", 0.5, unit="%")
    s = score(m, series({2021: 3.0, 2022: 1.0}), as_of=2022)
    linear = s.by_method["linear"]
    assert linear.projected == 0.0  # 1 - 2 * 3 = -5, bounded at 0
    assert linear.bounded is True and s.bounded is True
    assert (linear.reason.args["bound"], linear.reason.args["bound_year"]) == (0.0, 2023)
    assert linear.verdict == "on-track"
    # cagr: r = 1/3 - 1, 1 * (1/3)**3 = 1/27 stays inside the bounds
    assert s.by_method["cagr"].projected == approx(1 / 27)
    assert s.by_method["cagr"].bounded is False
    assert s.required_pace == approx((0.5 - 1.0) / 3)  # (T - v_L) / (E - L)
    assert s.observed_pace == approx(-2.0)  # the pace is not bounded


def test_level_bounded_at_100_and_the_first_year_beyond_it() -> None:
    m = metric("level", "up", 95, unit="%")
    s = score(m, series({2021: 80.0, 2022: 90.0}), as_of=2022)
    # linear: 100 in 2023 is not beyond 100; 110 in 2024 is: bounded at 100
    assert s.by_method["linear"].projected == 100.0
    assert s.by_method["linear"].reason.args["bound_year"] == 2024
    # cagr: 90 * 1.125 = 101.25 in 2023 already
    assert s.by_method["cagr"].projected == 100.0
    assert s.by_method["cagr"].reason.args["bound_year"] == 2023
    assert both(m, series({2021: 80.0, 2022: 90.0}), 2022) == {"linear": "on-track", "cagr": "on-track"}


def test_level_bounds_from_valid_min_and_valid_max() -> None:
    m = metric("level", "up", 45, valid_min=10, valid_max=50)
    s = score(m, series({2021: 30.0, 2022: 40.0}), as_of=2022)
    assert s.by_method["linear"].projected == 50.0  # 70 in 2025, at most 50
    assert s.by_method["linear"].reason.args["bound_year"] == 2024  # 50 in 2023 is not above 50
    assert s.verdict == "on-track"
    down = score(metric("level", "down", 15, valid_min=10), series({2021: 30.0, 2022: 20.0}), as_of=2022)
    assert down.by_method["linear"].projected == 10.0  # -10 in 2025, at least 10
    assert down.by_method["linear"].reason.args["bound_year"] == 2024  # 10 in 2023 is not below 10; 0 in 2024 is
    # without bounds (a unit that is not exactly %) the same fall goes negative
    free = score(metric("level", "down", 15), series({2021: 30.0, 2022: 20.0}), as_of=2022)
    assert free.by_method["linear"].projected == approx(-10.0)
    assert free.by_method["linear"].bounded is False and "bound" not in free.by_method["linear"].reason.args


def test_level_achieved_but_falling_back_is_hard() -> None:
    s = score(metric("level", "up", 46), series({2020: 50.0, 2023: 47.0}))
    assert s.achieved is True
    assert s.by_method["linear"].projected == approx(45.0)  # 47 - 1 * 2
    assert (s.verdict, s.reason.key) == ("hard", "falls_back")
    # the reason says both: met in 2023 (47), and where the trend leaves it in 2025
    assert s.reason.args == {"value": 47.0, "year": 2023, "target": 46, "end": 2025, "projected": approx(45.0)}


def test_level_with_the_end_year_observed_decides_on_the_value() -> None:
    m = metric("level", "up", 46)
    done = score(m, series({2020: 40.0, 2025: 46.0}), as_of=2025)
    assert (done.verdict, done.reason.key, done.projected, done.achieved) == ("on-track", "final_meets", 46.0, True)
    assert done.required_pace is None  # nothing left to project
    missed = score(m, series({2020: 40.0, 2025: 45.9}), as_of=2025)
    assert (missed.verdict, missed.reason.key, missed.projected) == ("hard", "final_misses", 45.9)


def test_level_with_one_point() -> None:
    m = metric("level", "up", 46)
    met = score(m, series({2023: 47.0}))
    assert (met.verdict, met.reason.key, met.projected, met.achieved) == ("on-track", "already_meets", None, True)
    short = score(m, series({2023: 45.0}))
    assert (short.verdict, short.reason.key, short.projected) == ("insufficient-data", "too_few", None)
    assert short.observed_pace is None
    assert short.required_pace == approx(0.5)  # (46 - 45) / 2


def test_level_where_cagr_does_not_apply() -> None:
    m = metric("level", "up", 0)
    s = score(m, series({2020: -5.0, 2023: -2.0}))
    assert s.by_method["linear"].projected == approx(0.0) and s.by_method["linear"].verdict == "on-track"
    assert s.by_method["cagr"] == scoring.ByMethod(None, "n/a", scoring.Reason("cagr_na"))
    assert s.robust is True  # only one method reaches a verdict
    assert score(m, series({2020: -5.0, 2023: -2.0}), method="cagr").verdict == "insufficient-data"
    # achieved with two points: still n/a under cagr, whose verdict would have to look at E
    achieved = score(m, series({2020: -5.0, 2023: 1.0}), method="cagr")
    assert achieved.achieved is True and achieved.by_method["cagr"].verdict == "n/a"
    assert achieved.verdict == "insufficient-data"


def test_level_paces() -> None:
    s = score(metric("level", "up", 46), series({2020: 40.0, 2023: 43.0}))
    assert s.required_pace == approx(1.5)  # (46 - 43) / (2025 - 2023)
    assert s.observed_pace == approx(1.0)  # b
    reason = s.by_method["cagr"].reason
    assert reason.key == "needs_cagr" and reason.args["rate"] == approx(((43 / 40) ** (1 / 3) - 1) * 100)
    assert s.by_method["linear"].reason.key == "needs_linear" and s.by_method["linear"].reason.args["rate"] == 1.0


def test_trend_from_moves_the_start_of_the_window() -> None:
    m = metric("level", "up", 46)
    data = series({2020: 42.0, 2021: 40.0, 2023: 43.0})
    # W = 2020: years 2020, 2021, 2023, values 42, 40, 43: sxy = 7/3, sxx = 14/3, b = 0.5: 44 in 2025
    assert score(m, data).projected == approx(44.0)
    assert score(m, data).verdict == "hard"
    # W = 2021: b = 1.5, 46 in 2025
    assert score(m, data, trend_from=2021).projected == approx(46.0)
    assert score(m, data, trend_from=2021).verdict == "on-track"


def test_a_range_target_uses_its_near_end() -> None:
    up = metric("level", "up", (44.0, 50.0))
    assert up.threshold == 44.0
    assert score(up, series({2020: 40.0, 2023: 43.0})).verdict == "on-track"  # 45 >= 44
    down = metric("level", "down", (2.0, 3.0))
    assert down.threshold == 3.0
    assert score(down, series({2020: 4.0, 2023: 3.4})).verdict == "on-track"  # 3.0 <= 3 (within eps)
    # beyond the far end still meets it ("exceeded")
    assert score(up, series({2020: 50.0, 2023: 55.0})).verdict == "on-track"


def test_a_metric_without_a_target_keeps_its_projection_but_has_no_verdict() -> None:
    s = score(metric("level", "up", None), series({2020: 40.0, 2023: 43.0}))
    assert s.verdict == "insufficient-data" and s.reason.key == "no_target"
    assert s.projected == approx(45.0)
    assert (s.achieved, s.required_pace) == (False, None)
    assert s.observed_pace == approx(1.0)


# ================================================================ annual


def test_annual_the_baseline_year_is_not_judged() -> None:
    m = metric("annual", "up", 2000)
    # 1500 in 2020 fails the target but is not judged; the trend uses it:
    # years 2020..2023, values 1500, 2100, 2200, 2300: sxy = 1250, sxx = 5, b = 250
    s = score(m, series({2020: 1500.0, 2021: 2100.0, 2022: 2200.0, 2023: 2300.0}))
    assert s.verdict == "on-track" and s.reason.key == "annual_holds"
    assert s.projected == approx(2800.0)  # the value in E: 2300 + 2 * 250
    assert (s.required_pace, s.observed_pace) == (2000.0, 2300.0)  # T and v_L


def test_annual_a_failed_year_is_hard_and_named() -> None:
    m = metric("annual", "up", 2000)
    s = score(m, series({2021: 2100.0, 2022: 1900.0, 2023: 2300.0}))
    assert s.verdict == "hard" and s.by_method["cagr"].verdict == "hard"
    assert s.reason.key == "annual_failed"
    assert s.reason.args == {"years": [2022], "year": 2022, "value": 1900.0, "target": 2000}
    two = score(m, series({2021: 1900.0, 2022: 2100.0, 2023: 1800.0}))
    assert (two.reason.args["year"], two.reason.args["years"]) == (2021, [2021, 2023])
    assert two.achieved is False


def test_annual_a_failure_in_the_end_year_counts() -> None:
    m = metric("annual", "up", 2000)
    s = score(m, series({2021: 2100.0, 2022: 2100.0, 2023: 2100.0, 2024: 2100.0, 2025: 1999.0}), as_of=2025)
    assert (s.verdict, s.reason.key, s.reason.args["year"]) == ("hard", "annual_failed", 2025)
    assert s.projected == 1999.0  # L = E: the observed value
    assert (s.required_pace, s.observed_pace) == (None, None)


def test_annual_the_projection_of_the_end_year_counts() -> None:
    m = metric("annual", "up", 2000)
    # b = -100: 2000 in 2024 meets (inclusive), 1900 in 2025 does not
    s = score(m, series({2021: 2300.0, 2022: 2200.0, 2023: 2100.0}))
    assert (s.verdict, s.reason.key) == ("hard", "annual_falls")
    assert (s.reason.args["year"], s.reason.args["value"]) == (2025, approx(1900.0))
    assert s.projected == approx(1900.0)


def test_annual_achieved_needs_every_term_year() -> None:
    m = metric("annual", "down", 5)
    full = series({2021: 4.0, 2022: 5.0, 2023: 3.0, 2024: 2.0, 2025: 1.0})
    s = score(m, full, as_of=2025)
    assert (s.verdict, s.reason.key, s.achieved) == ("on-track", "annual_done", True)
    assert s.reason.args == {"target": 5} and s.by_method["cagr"].projected == 1.0  # the observed value in E
    alone = score(m, series({2025: 4.5}), as_of=2025)  # one value, in E: no trend, nothing to project
    assert (alone.verdict, alone.projected) == ("on-track", 4.5)
    gap = [o for o in full if o.year != 2024]
    s = score(m, gap, as_of=2025)
    assert (s.verdict, s.achieved) == ("on-track", False)  # a year without a figure is neither pass nor fail


def test_annual_with_one_point() -> None:
    m = metric("annual", "up", 2000)
    failed = score(m, series({2023: 1500.0}))
    assert (failed.verdict, failed.reason.key) == ("hard", "annual_failed")  # already missed
    met = score(m, series({2023: 2500.0}))
    assert (met.verdict, met.reason.key, met.projected) == ("insufficient-data", "too_few", None)
    negative = score(metric("annual", "up", -5), series({2021: -2.0, 2023: 1.0}))
    assert negative.by_method["cagr"] == scoring.ByMethod(None, "n/a", scoring.Reason("cagr_na"))


def test_annual_bounded_projection() -> None:
    m = metric("annual", "up", 90, unit="%")
    s = score(m, series({2021: 92.0, 2022: 97.0}), as_of=2022)
    assert s.projected == 100.0  # 102 in 2023, each projected year bounded
    assert s.bounded is True and s.reason.args["bound_year"] == 2023 and s.reason.args["bound"] == 100.0
    down = score(metric("annual", "down", 5, unit="%"), series({2021: 4.0, 2022: 1.0}), as_of=2022)
    assert down.projected == 0.0  # -2 in 2023
    assert (down.reason.args["bound"], down.reason.args["bound_year"]) == (0.0, 2023)


# ================================================================ cumulative


def test_cumulative_flows_chain_projects_the_remaining_flows() -> None:
    m = metric("cumulative", "up", 185000)
    s = score(m, series({2021: 30000.0, 2022: 35000.0, 2023: 40000.0}))
    # C = 105,000 at tau 3; flows rise 5,000 a year: 45,000 + 50,000
    assert s.projected == approx(200000.0)
    assert s.by_method["cagr"].projected == approx(105000 + 40000 * (4 / 3) ** 0.5 + 40000 * (4 / 3))
    assert (s.verdict, s.achieved) == ("on-track", False)
    assert s.required_pace == approx((185000 - 105000) / 2)
    assert s.observed_pace == approx(105000 / 3)
    assert s.reason.key == "cum_chain" and s.reason.args["from"] == 2024


def test_cumulative_projected_flows_have_a_floor_of_zero() -> None:
    m = metric("cumulative", "up", 100)
    s = score(m, series({2021: 30.0, 2022: 20.0, 2023: 10.0}))
    # b = -10: 0 in 2024, -10 in 2025 counted as 0: 60, not 50
    assert s.projected == approx(60.0)
    assert s.bounded is True and s.reason.args["bound_year"] == 2025  # 0 in 2024 is not below 0
    assert s.reason.args["bound"] == 0.0
    # 0 in 2025 and -10 only in 2026: nothing bounded before the end year
    later = score(m, series({2021: 40.0, 2022: 30.0, 2023: 20.0}))
    assert later.projected == approx(100.0) and later.bounded is False and "bound" not in later.reason.args
    cagr_side = s.by_method["cagr"]
    assert cagr_side.projected == approx(60 + 10 * (1 / 3) ** 0.5 + 10 * (1 / 3))
    assert cagr_side.bounded is False
    floored = score(metric("cumulative", "up", 100, valid_min=5), series({2021: 30.0, 2022: 20.0, 2023: 10.0}))
    assert floored.projected == approx(70.0)  # 5 + 5
    assert floored.reason.args["bound_year"] == 2024


def test_cumulative_a_flow_after_a_gap_counts_as_observed() -> None:
    m = metric("cumulative", "up", 190)
    s = score(m, series({2021: 30.0, 2022: 20.0, 2024: 50.0}), as_of=2024)
    # the chain stops at 2022 (C = 50); b = 55/7 over 2021, 2022, 2024, anchored at 50 in 2024:
    # 2023 = 50 - 55/7, 2025 = 50 + 55/7; total 50 + (50 - 55/7) + 50 + (50 + 55/7) = 200
    assert s.projected == approx(200.0)
    assert (s.verdict, s.reason.args["from"]) == ("on-track", 2023)
    assert s.required_pace == approx((190 - 50) / 3)  # (T - C) / (E - L_f)
    assert s.observed_pace == approx(50 / 2)
    # 2024 observed (50) where the trend through 2021, 2022, 2024 and 2025 gives 51: b = 9, 60 in 2025
    s = score(m, series({2021: 30.0, 2022: 20.0, 2024: 50.0, 2025: 60.0}), as_of=2025)
    assert s.projected == approx(50 + (60 - 2 * 9) + 50 + 60)


def test_cumulative_a_year_end_running_total_extends_with_later_flows() -> None:
    m = metric("cumulative", "up", 180000)
    data = [obs(2022, 70000.0, to_date=True), obs(2023, 40000.0)]
    s = score(m, data)
    # C = 70,000 + 40,000 at tau 3: pro rata 110,000 * 5 / 3 = 183,333 (not 70,000 * 5 / 2 = 175,000)
    assert s.projected == approx(110000 * 5 / 3)
    assert s.observed_pace == approx(110000 / 3)
    assert s.required_pace == approx((180000 - 110000) / 2)
    assert (s.verdict, s.robust) == ("on-track", True)
    dated = [obs(2022, 70000.0, to_date=True, as_of=dt.date(2022, 12, 31)), obs(2023, 40000.0)]
    assert score(m, dated).projected == approx(110000 * 5 / 3)


def test_cumulative_on_a_tie_the_flows_chain_wins() -> None:
    m = metric("cumulative", "up", 185000)
    for other in (100000.0, 110000.0):  # a total below or above the chain's sum, at the end of 2023 too
        data = series({2021: 30000.0, 2022: 35000.0, 2023: 40000.0}) + [obs(2023, other, to_date=True)]
        s = score(m, data)
        assert s.observed_pace == approx(105000 / 3)  # the chain's C, not the total's
        assert s.projected == approx(200000.0)
        assert s.verdict == "on-track"  # pro rata from the total would give 166,667 or 183,333: hard


def test_cumulative_on_a_tie_the_latest_dated_total_wins() -> None:
    m = metric("cumulative", "up", 180000)
    # both totals reach the end of 2023: 30,000 + 35,000 + 40,000 and 70,000 + 40,000
    data = [obs(2021, 30000.0, to_date=True), obs(2022, 35000.0), obs(2022, 70000.0, to_date=True)]
    data.append(obs(2023, 40000.0))
    s = score(m, data)
    assert s.observed_pace == approx(110000 / 3)
    assert s.projected == approx(110000 * 5 / 3)
    assert s.verdict == "on-track"
    assert score(m, list(reversed(data))).observed_pace == approx(110000 / 3)
    # the latest-dated wins even when an earlier total extended by its flows sums to more
    data = [obs(2021, 30000.0, to_date=True), obs(2022, 50000.0), obs(2022, 70000.0, to_date=True)]
    data.append(obs(2023, 40000.0))
    assert score(m, data).observed_pace == approx(110000 / 3)  # not (30,000 + 50,000 + 40,000) / 3


def test_cumulative_the_candidate_reaching_furthest_wins() -> None:
    m = metric("cumulative", "up", 185000)
    # a chain to 2022 (tau 2) and a running total as of 2023-06-30 (tau 2.5): the total
    data = series({2021: 30000.0, 2022: 35000.0}) + [obs(2023, 92765.0, to_date=True, as_of=dt.date(2023, 6, 30))]
    s = score(m, data)
    assert s.projected == approx(185530.0)
    assert s.required_pace == approx(36894.0)
    assert s.reason.key == "cum_running"
    assert s.reason.args["share"] == approx(92765 / 185000 * 100)  # 50.1% of the target so far
    assert score(metric("cumulative", "up", 0), data).reason.args["share"] is None


def test_cumulative_running_total_dated_in_the_end_year() -> None:
    m = metric("cumulative", "up", 185000)
    mid = score(m, [obs(2025, 150000.0, to_date=True, as_of=dt.date(2025, 6, 30))], as_of=2025)
    # tau = 4.5: pro rata 150,000 * 5 / 4.5; required (185,000 - 150,000) / 0.5
    assert mid.projected == approx(150000 * 5 / 4.5)
    assert mid.required_pace == approx(70000.0)
    assert mid.observed_pace == approx(150000 / 4.5)
    assert mid.verdict == "hard"
    end = score(m, [obs(2025, 190000.0, to_date=True)], as_of=2025)
    assert (end.verdict, end.reason.key, end.projected, end.achieved) == ("on-track", "cum_done", 190000.0, True)
    assert end.required_pace is None


def test_cumulative_complete_flows_decide_at_the_end_year() -> None:
    m = metric("cumulative", "up", 150)
    s = score(m, series({2021: 30.0, 2022: 30.0, 2023: 30.0, 2024: 30.0, 2025: 29.0}), as_of=2025)
    assert (s.verdict, s.reason.key, s.projected, s.achieved) == ("hard", "cum_done", 149.0, False)
    assert s.required_pace is None
    assert s.reason.args == {"total": 149.0, "target": 150, "start": 2021, "end": 2025, "last": 2025, "date": None}


def test_cumulative_without_a_candidate_names_the_first_missing_year() -> None:
    s = score(metric("cumulative", "up", 100), series({2022: 30.0, 2023: 30.0}))
    assert (s.verdict, s.reason.key, s.reason.args) == ("insufficient-data", "no_total", {"year": 2021})


def test_cumulative_achieved_decides_without_a_trend() -> None:
    m = metric("cumulative", "up", 100)
    # 0 then 120: cagr does not apply, but the sum so far meets T under every method
    s = score(m, series({2021: 0.0, 2022: 120.0}), as_of=2022)
    assert s.achieved is True
    assert s.by_method["cagr"].verdict == "on-track" and s.by_method["cagr"].reason.key == "cum_achieved"
    one = score(m, series({2021: 120.0}), as_of=2021)
    assert (one.verdict, one.reason.key) == ("on-track", "cum_achieved")
    short = score(m, series({2021: 20.0}), as_of=2021)
    assert (short.verdict, short.reason) == ("insufficient-data", scoring.Reason("too_few", {"year": 2021}))
    na = score(metric("cumulative", "up", 300), series({2021: 0.0, 2022: 20.0}), as_of=2022)  # linear: 200
    assert na.by_method["cagr"] == scoring.ByMethod(None, "n/a", scoring.Reason("cagr_na"))
    assert na.by_method["linear"].verdict == "hard"


# ================================================================ average-growth


def test_average_growth_arithmetic() -> None:
    m = metric("average-growth", "up", 8, aggregation="arithmetic")
    s = score(m, series({2021: 5.0, 2022: 7.0, 2023: 9.0}))
    assert s.observed_pace == approx(7.0)  # the mean so far
    assert s.required_pace == approx((5 * 8 - 21) / 2)  # (N T - sum g) / (N - n)
    assert s.by_method["linear"].projected == approx(9.0)  # 5, 7, 9, 11, 13
    assert s.by_method["cagr"].projected == approx(7.0)  # continues at the average so far
    assert (s.verdict, s.by_method["cagr"].verdict, s.robust) == ("on-track", "hard", False)
    assert s.reason.args["years"] == [2024, 2025] and s.reason.args["rates"] == approx([11.0, 13.0])


def test_average_growth_geometric_required_rate() -> None:
    m = metric("average-growth", "up", 8)
    s = score(m, series({2021: 5.0, 2022: 7.0, 2023: 9.0}))
    so_far = 1.05 * 1.07 * 1.09
    assert s.observed_pace == approx((so_far ** (1 / 3) - 1) * 100)
    assert s.required_pace == approx((1.08**5 / so_far) ** (1 / 2) * 100 - 100)
    assert s.by_method["linear"].projected == approx(((so_far * 1.11 * 1.13) ** (1 / 5) - 1) * 100)


def test_average_growth_an_aggregate_covers_its_years() -> None:
    m = metric("average-growth", "up", 7, aggregation="arithmetic")
    # 6 over 2021-2022 and 9 in 2023: covered 6, 6, 9
    s = score(m, [obs(2022, 6.0, since=2021), obs(2023, 9.0)])
    assert s.observed_pace == approx(7.0)
    assert s.required_pace == approx((5 * 7 - 21) / 2)
    # an aggregate from a later year: 5 in 2021, 7 over 2022-2023
    s = score(m, [obs(2021, 5.0), obs(2023, 7.0, since=2022)])
    assert s.observed_pace == approx((5 + 7 + 7) / 3)
    # the latest aggregate (largest year) wins over an earlier one
    s = score(m, [obs(2022, 5.0, since=2021), obs(2023, 6.0, since=2021)])
    assert s.observed_pace == approx(6.0)
    # the aggregate wins over the yearly rates it covers
    s = score(m, [obs(2021, 1.0), obs(2022, 1.0), obs(2022, 6.0, since=2021)], as_of=2022)
    assert s.observed_pace == approx(6.0)


def test_average_growth_a_gap_is_insufficient_data() -> None:
    m = metric("average-growth", "up", 7)
    s = score(m, series({2021: 5.0, 2023: 9.0}))
    assert (s.verdict, s.reason.key, s.reason.args) == ("insufficient-data", "rate_gap", {"year": 2022})
    none = score(m, series({2020: 5.0}), as_of=2020)
    assert (none.verdict, none.reason.key) == ("insufficient-data", "no_term_rate")


def test_average_growth_one_rate_is_enough() -> None:
    m = metric("average-growth", "up", 9)
    s = score(m, series({2021: 9.5}), as_of=2021)
    assert both(m, series({2021: 9.5}), 2021) == {"linear": "on-track", "cagr": "on-track"}
    assert s.projected == approx(9.5)
    agg = score(m, [obs(2023, 8.0, since=2021)])
    assert agg.projected == approx(8.0) and agg.verdict == "hard"


def test_average_growth_achieved_and_done() -> None:
    m = metric("average-growth", "up", 7, aggregation="arithmetic")
    s = score(m, series({2021: 7.0, 2022: 7.0, 2023: 7.0, 2024: 7.0, 2025: 7.0}), as_of=2025)
    assert (s.verdict, s.achieved, s.reason.key, s.required_pace) == ("on-track", True, "growth_done", None)
    above = score(m, series({2021: 8.0, 2022: 8.0, 2023: 8.0, 2024: 8.0, 2025: 8.0}), as_of=2025)
    assert (above.verdict, above.achieved) == ("on-track", True)
    assert above.reason == scoring.Reason("growth_done", {"average": 8.0, "start": 2021, "end": 2025, "target": 7})
    below = score(m, series({2021: 6.0, 2022: 6.0, 2023: 6.0, 2024: 6.0, 2025: 6.0}), as_of=2025)
    assert (below.verdict, below.achieved) == ("hard", False)
    short = score(m, series({2021: 7.0, 2022: 7.0, 2023: 7.0, 2024: 7.0}), as_of=2024)
    assert short.achieved is False  # a term year is not yet covered
    assert short.required_pace == approx(7.0)


def test_average_growth_a_projected_fall_of_100_percent_is_n_a() -> None:
    m = metric("average-growth", "up", 5)
    s = score(m, series({2021: 10.0, 2022: -50.0}), as_of=2022)
    # b = -60: -110 in 2023 leaves no compound average
    assert s.by_method["linear"] == scoring.ByMethod(None, "n/a", scoring.Reason("growth_undefined"))
    assert s.verdict == "insufficient-data"
    assert s.by_method["cagr"].verdict == "hard"


def test_average_growth_down_target() -> None:
    m = metric("average-growth", "down", 1.0, aggregation="arithmetic")
    s = score(m, series({2021: 1.2, 2022: 1.0, 2023: 0.8}))
    assert s.by_method["linear"].projected == approx(0.8)  # 1.2, 1.0, 0.8, 0.6, 0.4
    assert s.verdict == "on-track"
    assert s.by_method["cagr"].projected == approx(1.0)  # meets 1.0 inclusively
    assert s.by_method["cagr"].verdict == "on-track"


# ================================================================ trend


def trend(direction: str, values: dict[int, float], as_of: int = 2023, **keys: Any) -> scoring.MetricScore:
    return score(metric("trend", direction, None, **keys), series(values), as_of)


def test_trend_verdicts_follow_the_direction() -> None:
    # b = 4/3, mean |v| = 102: r = 1.307%/year
    assert trend("up", {2020: 100.0, 2023: 104.0}).verdict == "improving"
    assert trend("down", {2020: 100.0, 2023: 104.0}).verdict == "worsening"
    assert trend("up", {2020: 104.0, 2023: 100.0}).verdict == "worsening"
    assert trend("down", {2020: 104.0, 2023: 100.0}).verdict == "improving"
    up = trend("up", {2020: 100.0, 2023: 104.0})
    assert up.reason.args["rate"] == approx(4 / 3 / 102 * 100)
    assert up.by_method["cagr"].reason.args["rate"] == approx((1.04 ** (1 / 3) - 1) * 100)
    assert up.by_method["cagr"].verdict == "improving"


def test_trend_stable_within_one_percent_a_year() -> None:
    # b = 1, mean 101.5: r = 0.985%
    assert trend("up", {2020: 100.0, 2023: 103.0}).verdict == "stable"
    assert trend("down", {2020: 100.0, 2023: 103.0}).verdict == "stable"
    # exactly 1%: b = 1, mean 100; not stable
    assert trend("up", {2020: 99.5, 2021: 100.5}, as_of=2021).verdict == "improving"
    assert trend("up", {2020: 100.5, 2021: 99.5}, as_of=2021).verdict == "worsening"
    flat = trend("up", {2020: 0.0, 2021: 0.0}, as_of=2021)
    assert flat.verdict == "stable" and flat.by_method["cagr"] == scoring.ByMethod(
        None, "n/a", scoring.Reason("cagr_na")
    )
    # back where it started: no compound change at all
    level = trend("up", {2020: 100.0, 2021: 104.0, 2022: 100.0}, as_of=2022)
    assert level.by_method["cagr"].verdict == "stable" and level.by_method["cagr"].reason.args["rate"] == 0.0
    assert level.by_method["cagr"].projected == approx(100.0)


def test_trend_rate_is_relative_to_the_mean_absolute_value() -> None:
    # -100 then -104, `up`: b = -4/3 over a mean |v| of 102: worsening (a plain mean would flip the sign)
    s = trend("up", {2020: -100.0, 2023: -104.0})
    assert s.verdict == "worsening"
    assert s.reason.args["rate"] == approx(-4 / 3 / 102 * 100)
    assert s.by_method["cagr"].verdict == "n/a"


def test_trend_is_never_on_track_or_hard() -> None:
    s = trend("up", {2020: 100.0, 2023: 130.0})
    assert s.projected == approx(150.0)
    assert (s.achieved, s.required_pace) == (False, None)
    assert s.observed_pace == approx(10.0)
    one = trend("up", {2023: 100.0})
    assert (one.verdict, one.reason.key) == ("insufficient-data", "too_few")
    bounded = trend("up", {2021: 80.0, 2022: 90.0}, as_of=2022, unit="%")
    assert bounded.projected == 100.0 and bounded.bounded is True and bounded.reason.args["bound_year"] == 2024
    # the years ahead start after the latest observation, not after the as-of year
    late = trend("up", {2021: 80.0, 2022: 95.0}, as_of=2024, unit="%")
    assert late.reason.args["bound_year"] == 2023  # 110 in 2023


def test_show_projects_from_the_latest_observation() -> None:
    data = plan_data([(metric("trend", "up", None), series({2021: 80.0, 2022: 90.0}))], years=(2021, 2022, 2023, 2024))
    shown = scoring.show(data, "m0", as_of=2024)
    assert shown is not None
    assert shown.details[0].ahead == [2023, 2024, 2025]
    assert shown.details[0].path["linear"] == approx([100.0, 110.0, 120.0])


# ================================================================ what decides: years after E, the as-of year


@pytest.mark.parametrize(
    ("kind", "direction", "target", "values"),
    [
        ("level", "up", 50.0, {2020: 40.0, 2025: 49.0}),
        ("annual", "up", 1000.0, {2021: 1200.0, 2022: 1200.0, 2023: 1200.0, 2024: 1200.0, 2025: 1200.0}),
        ("cumulative", "up", 100.0, {2021: 10.0, 2022: 10.0, 2023: 10.0, 2024: 10.0, 2025: 10.0}),
        ("average-growth", "up", 7.0, {2021: 7.0, 2022: 7.0, 2023: 7.0, 2024: 7.0, 2025: 7.0}),
        ("trend", "up", None, {2020: 100.0, 2025: 100.5}),
    ],
)
def test_years_after_the_end_year_never_decide(
    kind: str, direction: str, target: float | None, values: dict[int, float]
) -> None:
    m = metric(kind, direction, target)
    base = score(m, series(values), as_of=2025)
    for later in (-1e6, 0.0, 1e6):
        after = series(values) + [obs(2026, later), obs(2030, later)]
        for as_of in (2026, 2030):
            s = score(m, after, as_of=as_of)
            assert (s.verdict, s.by_method, s.achieved, s.latest) == (
                base.verdict,
                base.by_method,
                base.achieved,
                base.latest,
            )


def test_observations_after_the_as_of_year_are_not_read() -> None:
    m = metric("annual", "up", 2000)
    data = series({2021: 2100.0, 2022: 2200.0, 2023: 1500.0})
    assert score(m, data, as_of=2022).verdict == "on-track"
    assert score(m, data, as_of=2023).verdict == "hard"


def test_latest_prefers_the_years_own_value() -> None:
    m = metric("average-growth", "up", 7)
    data = [obs(2023, 7.92, since=2021), obs(2021, 6.32), obs(2022, 8.42), obs(2023, 8.34)]
    s = score(m, data)
    assert s.latest is not None and (s.latest.year, s.latest.value) == (2023, 8.34)
    s = score(m, list(reversed(data)))
    assert s.latest is not None and (s.latest.year, s.latest.value) == (2023, 8.34)


# ================================================================ progress (METHOD: Progress)


def test_progress_grades_at_their_thresholds() -> None:
    assert prog.grade(0.95, 0.95, 0.6, 0.0) == "substantial"
    assert prog.grade(0.9499, 0.95, 0.6, 0.0) == "moderate"
    assert prog.grade(0.6, 0.95, 0.6, 0.0) == "moderate"
    assert prog.grade(0.5999, 0.95, 0.6, 0.0) == "limited"
    assert prog.grade(0.0, 0.95, 0.6, 0.0) == "limited"
    assert prog.grade(-1e-12, 0.95, 0.6, 0.0) == "deterioration"


def test_progress_score_with_a_target() -> None:
    # min(7.1429 p - 4.2857, 5) when p >= med, else max(4.1667 p - 2.5, -5)
    assert prog.target_score(1.0, 0.6) == approx(7.1429 - 4.2857, abs=1e-12)
    assert prog.target_score(0.6, 0.6) == approx(7.1429 * 0.6 - 4.2857, abs=1e-12)
    assert prog.target_score(0.5, 0.6) == approx(4.1667 * 0.5 - 2.5, abs=1e-12)
    assert prog.target_score(0.0, 0.6) == approx(-2.5, abs=1e-12)
    assert prog.target_score(2.0, 0.6) == 5.0 and prog.target_score(-1.0, 0.6) == -5.0
    # other thresholds move the branch point, not the formulas
    assert prog.target_score(0.5, 0.4) == approx(7.1429 * 0.5 - 4.2857, abs=1e-12)


def test_progress_score_without_a_target() -> None:
    # high 0.015, med 0.005, low 0
    limits = (0.015, 0.005, 0.0)
    assert prog.free_score(-0.01, *limits) == approx(125 * -0.01 - 2.5, abs=1e-12)
    assert prog.free_score(-0.03, *limits) == -5.0
    assert prog.free_score(0.02, *limits) == 5.0
    assert prog.free_score(0.012, *limits) == approx(250 * 0.012 - 1.25, abs=1e-12)
    assert prog.free_score(0.016, *limits) == approx(500 * 0.016 - 5, abs=1e-12)
    assert prog.free_score(0.002, *limits) == approx(500 * 0.002 - 2.5, abs=1e-12)
    assert prog.free_score(0.0, *limits) == approx(-2.5, abs=1e-12)
    # with thresholds of a plan's own, each branch keeps its formula
    mine = (0.012, 0.008, 0.004)
    assert prog.free_score(0.013, *mine) == approx(500 * 0.013 - 5, abs=1e-12)
    assert prog.free_score(0.01, *mine) == approx(250 * 0.01 - 1.25, abs=1e-12)
    assert prog.free_score(0.005, *mine) == approx(500 * 0.005 - 2.5, abs=1e-12)
    assert prog.free_score(0.003, *mine) == approx(125 * 0.003 - 2.5, abs=1e-12)
    assert prog.free_score(0.5, *mine) == 5.0 and prog.free_score(-0.5, *mine) == -5.0
    # p exactly at a threshold of its own takes the branch from that threshold up (the branches meet only
    # at the defaults): 500 p - 5 = 1.0 at high (250 p - 1.25 would be 1.75), 250 p - 1.25 = 0.75 at med
    # (500 p - 2.5 would be 1.5), 500 p - 2.5 = -0.5 at low (125 p - 2.5 would be -2.0)
    assert prog.free_score(0.012, *mine) == approx(500 * 0.012 - 5, abs=1e-12)
    assert prog.free_score(0.008, *mine) == approx(250 * 0.008 - 1.25, abs=1e-12)
    assert prog.free_score(0.004, *mine) == approx(500 * 0.004 - 2.5, abs=1e-12)
    # the middle branches have no bound of their own: the score is clipped to [-5, 5]
    assert prog.free_score(0.5, 1.0, 0.2, 0.1) == 5.0  # 250 p - 1.25 = 123.75
    assert prog.free_score(-0.5, 1.0, 0.2, -1.0) == -5.0  # 500 p - 2.5 = -252.5


def test_progress_of_a_level_with_a_target() -> None:
    s = score(metric("level", "up", 46), series({2020: 40.0, 2023: 43.0}))
    p = ((43 / 40) ** (1 / 3) - 1) / abs((46 / 40) ** (1 / 5) - 1)  # 0.861
    assert s.progress.ratio == approx(p)
    assert s.progress.grade == "moderate"
    assert s.progress.score == approx(7.1429 * p - 4.2857)
    down = score(metric("level", "down", 3.0), series({2020: 4.0, 2023: 3.4}))
    p = -((3.4 / 4) ** (1 / 3) - 1) / abs((3 / 4) ** (1 / 5) - 1)  # dir = -1
    assert down.progress.ratio == approx(p)
    assert p == approx(0.9431, abs=1e-4)  # just under high
    assert down.progress.grade == "moderate" and down.progress.score == approx(7.1429 * p - 4.2857)


def test_progress_target_achieved_first() -> None:
    s = score(metric("level", "up", 46), series({2020: 50.0, 2023: 47.0}))
    assert s.progress == scoring.Progress("target-achieved", 5.0)
    # an annual target met in its latest year but failed earlier: target-achieved and hard
    a = score(metric("annual", "up", 2000), series({2021: 1900.0, 2023: 2100.0}))
    assert (a.verdict, a.progress.grade) == ("hard", "target-achieved")


def test_progress_not_available() -> None:
    m = metric("level", "up", 46)
    assert score(m, series({2023: 43.0})).progress.grade == "not-available"  # L - t0 < 1
    assert score(m, series({2020: -2.0, 2023: 3.0})).progress.grade == "not-available"  # signs differ
    assert score(metric("level", "up", 40), series({2020: 40.0, 2023: 38.0})).progress.score is None  # g(T, x0) = 0
    assert score(m, []).progress == scoring.Progress("not-available", None)
    # one year apart is enough
    one = score(metric("trend", "up", None), series({2022: 100.0, 2023: 101.0}))
    assert one.progress.ratio == approx(0.01) and one.progress.grade == "moderate"
    assert one.progress.score == approx(250 * 0.01 - 1.25)


def test_progress_reads_zero_as_a_thousandth() -> None:
    # x0 = 0 is read as 0.001: g(5, 0.001, 3) / |g(10, 0.001, 5)|
    s = score(metric("level", "up", 10), series({2020: 0.0, 2023: 5.0}))
    p = ((5 / 0.001) ** (1 / 3) - 1) / abs((10 / 0.001) ** (1 / 5) - 1)
    assert s.progress.ratio == approx(p)
    # a target of 0 is read as 0.001: g(2, 4, 3) / |g(0.001, 4, 5)|, dir -1
    s = score(metric("level", "down", 0), series({2020: 4.0, 2023: 2.0}))
    p = -((2 / 4) ** (1 / 3) - 1) / abs((0.001 / 4) ** (1 / 5) - 1)
    assert s.progress.ratio == approx(p)
    assert s.progress.grade == "limited" and s.progress.score == approx(4.1667 * p - 2.5)


def test_progress_of_negative_values() -> None:
    # x0 < 0: sign -1. -100 to -99 over two years, `up`: p = -1 * ((0.99) ** 0.5 - 1) = 0.00501
    s = trend("up", {2021: -100.0, 2023: -99.0})
    p = -((99 / 100) ** 0.5 - 1)
    assert s.progress.ratio == approx(p)
    assert s.progress.grade == "moderate" and s.progress.score == approx(250 * p - 1.25)
    # xL = 0 has no sign: -2 to 0 is not "different signs"
    z = trend("up", {2020: -2.0, 2023: 0.0})
    assert z.progress.ratio == approx(1.0) and z.progress.grade == "substantial"


def test_progress_without_a_target_uses_the_speed_of_change() -> None:
    # 100 to 103 over 3 years: p = 1.03 ** (1/3) - 1 = 0.00990, moderate
    s = trend("up", {2020: 100.0, 2023: 103.0})
    p = 1.03 ** (1 / 3) - 1
    assert s.progress.ratio == approx(p)
    assert s.progress.grade == "moderate" and s.progress.score == approx(250 * p - 1.25)
    # a level whose target is not known is graded the same way
    level = score(metric("level", "down", None), series({2020: 100.0, 2023: 103.0}))
    assert level.progress.ratio == approx(-p) and level.progress.grade == "deterioration"
    assert level.progress.score == approx(125 * -p - 2.5)


def test_progress_of_cumulative_and_growth_targets_is_the_pace_ratio() -> None:
    m = metric("cumulative", "up", 185000)
    s = score(m, [obs(2023, 92765.0, to_date=True, as_of=dt.date(2023, 6, 30))])
    p = (92765 / 2.5) / ((185000 - 92765) / 2.5)
    assert s.progress.ratio == approx(p)  # 37,106 / 36,894
    assert s.progress.grade == "substantial" and s.progress.score == approx(7.1429 * p - 4.2857)
    done = score(m, [obs(2023, 190000.0, to_date=True)])
    assert done.progress == scoring.Progress("target-achieved", 5.0)
    no_target = score(metric("cumulative", "up", None), [obs(2023, 1.0, to_date=True)])
    assert no_target.progress.grade == "not-available"
    g = score(metric("average-growth", "up", 8, aggregation="arithmetic"), series({2021: 5.0, 2022: 7.0, 2023: 9.0}))
    assert g.progress.ratio == approx(7.0 / 9.5)  # observed 7 / required 9.5
    assert g.progress.grade == "moderate"


def test_pace_ratio_where_method_is_silent() -> None:
    inf = math.inf
    assert prog.pace_ratio("up", 10.0, 5.0) == 0.5
    assert prog.pace_ratio("up", 0.0, 5.0) == inf and prog.pace_ratio("up", -1.0, -2.0) == -inf
    assert prog.pace_ratio("up", None, 5.0) is None and prog.pace_ratio("up", 5.0, None) is None
    # a ceiling: observed below the required pace is better, by required / observed
    assert prog.pace_ratio("down", 2.0, 1.0) == 2.0
    assert prog.pace_ratio("down", 2.0, 4.0) == 0.5
    assert prog.pace_ratio("down", 2.0, 2.0) == 1.0
    assert prog.pace_ratio("down", 2.0, -1.0) == inf
    assert prog.pace_ratio("down", -2.0, -4.0) == 2.0
    assert prog.pace_ratio("down", -2.0, -1.0) == 0.5
    assert prog.pace_ratio("down", -2.0, 1.0) == -inf
    # at the edges: a pace under 1, zeros, a required pace of zero
    assert prog.pace_ratio("up", 0.5, 0.25) == 0.5
    assert prog.pace_ratio("up", 0.0, 0.0) == inf  # nothing more needed, nothing lost
    assert prog.pace_ratio("down", 0.0, 0.0) == inf
    assert prog.pace_ratio("down", 2.0, 0.0) == inf
    assert prog.pace_ratio("down", 0.5, -1.0) == inf
    assert prog.pace_ratio("down", 0.0, 1.0) == -inf
    assert prog.pace_ratio("down", 0.5, 1.0) == 0.5
    assert prog.pace_ratio("down", -2.0, 0.0) == -inf
    assert prog.pace_ratio("down", -2.0, 0.5) == -inf
    assert prog.graded(inf, (0.95, 0.6, 0.0), True) == scoring.Progress("substantial", 5.0)
    assert prog.graded(-inf, (0.95, 0.6, 0.0), True) == scoring.Progress("deterioration", -5.0)
    assert prog.graded(math.nan, (0.95, 0.6, 0.0), True).grade == "not-available"


def test_progress_thresholds_of_the_plan_and_of_the_metric() -> None:
    data = series({2020: 40.0, 2023: 43.0})
    p = ((43 / 40) ** (1 / 3) - 1) / abs((46 / 40) ** (1 / 5) - 1)  # 0.861: moderate by default
    plan = Thresholds(high=0.8)
    assert score(metric("level", "up", 46), data, plan_thresholds=plan).progress.grade == "substantial"
    own = metric("level", "up", 46, progress_thresholds=Thresholds(high=0.9))
    assert score(own, data, plan_thresholds=plan).progress.grade == "moderate"  # the metric's keys win
    med = score(metric("level", "up", 46), data, plan_thresholds=Thresholds(med=0.9))
    assert med.progress.grade == "limited" and med.progress.score == approx(4.1667 * p - 2.5)
    low = score(metric("level", "up", 46), data, plan_thresholds=Thresholds(low=0.9, med=0.95, high=0.99))
    assert low.progress.grade == "deterioration"
    # a plan's thresholds are for numeric targets; a trend metric keeps the defaults unless it sets its own
    t = series({2020: 100.0, 2023: 103.0})  # p = 0.0099: moderate by default
    assert score(metric("trend", "up", None), t, plan_thresholds=Thresholds(high=0.001)).progress.grade == "moderate"
    mine = metric("trend", "up", None, progress_thresholds=Thresholds(high=0.001))
    assert score(mine, t).progress.grade == "substantial"
    assert prog.thresholds(metric(), None, True) == (0.95, 0.6, 0.0)
    assert prog.thresholds(metric(), None, False) == (0.015, 0.005, 0.0)
    both_layers = prog.thresholds(metric(progress_thresholds=Thresholds(low=-1.0)), Thresholds(med=0.5), True)
    assert both_layers == (0.95, 0.5, -1.0)


def test_indicator_progress_is_the_mean_of_its_metrics() -> None:
    P = scoring.Progress
    ach, na = P("target-achieved", 5.0), P("not-available", None)
    assert prog.indicator_progress([ach, ach, na]) == P("target-achieved", 5.0)
    assert prog.indicator_progress([ach, P("moderate", 0.0)]) == P("substantial", 2.5)
    assert prog.indicator_progress([P("moderate", 2.0), P("limited", -2.0)]) == P("moderate", 0.0)
    assert prog.indicator_progress([P("limited", -2.5)]) == P("limited", -2.5)
    assert prog.indicator_progress([P("deterioration", -2.6)]) == P("deterioration", -2.6)
    assert prog.indicator_progress([P("moderate", 2.4999)]).grade == "moderate"
    assert prog.indicator_progress([na]) == na and prog.indicator_progress([]) == na


# ================================================================ indicators and the summary


def ms(kind: str, verdict: str, mid: str = "m") -> scoring.MetricScore:
    return scoring.MetricScore(
        metric(kind, "up", None if kind == "trend" else 1.0, id=mid),
        None,
        verdict,
        False,
        True,
        {},
        None,
        None,
        "linear",
    )


def indicator(official: str | None = None, iid: str = "i") -> Indicator:
    return Indicator(id=iid, no=1, name="i", official=official, official_source="r" if official else None)


def test_indicator_verdicts() -> None:
    ind = indicator()
    hard = scoring.score_indicator(ind, [ms("level", "on-track", "a"), ms("annual", "hard", "b")])
    assert (hard.verdict, hard.reason) == ("hard", scoring.Reason("ind_hard", {"metrics": ["b"]}))
    on = scoring.score_indicator(ind, [ms("level", "on-track", "a"), ms("trend", "worsening", "t")])
    assert (on.verdict, on.reason.args) == ("on-track", {"total": 1})  # a trend metric does not count
    lacking = scoring.score_indicator(ind, [ms("level", "on-track", "a"), ms("level", "insufficient-data", "b")])
    assert lacking.verdict == "insufficient-data"
    assert lacking.reason == scoring.Reason("ind_lacking", {"count": 1, "total": 2, "metrics": ["b"]})
    trends = scoring.score_indicator(ind, [ms("trend", "improving", "t")])
    assert (trends.verdict, trends.reason.key) == ("insufficient-data", "no_target")
    empty = scoring.score_indicator(ind, [])
    assert (empty.verdict, empty.reason.key) == ("insufficient-data", "ind_no_metric")


def test_the_summary_counts_disagreements_and_undecided_apart() -> None:
    results = [
        scoring.score_indicator(indicator("on-track", "agree"), [ms("level", "on-track")]),
        scoring.score_indicator(indicator("on-track", "differ"), [ms("level", "hard")]),
        scoring.score_indicator(indicator("hard", "undecided"), [ms("level", "insufficient-data")]),
        scoring.score_indicator(indicator(None, "ours-only"), [ms("level", "hard")]),
    ]
    assert [r.agreement for r in results] == ["agree", "differ", "undecided", None]
    summary = scoring.summarise(results)
    assert summary.disagreements == ["differ"]
    assert summary.undecided == ["undecided"]
    assert summary.counts == {"on-track": 1, "hard": 2, "insufficient-data": 1}
    assert summary.official == {"on-track": 2, "hard": 1}


# ================================================================ the plan: as-of year, options, views


def plan_data(
    metrics: list[tuple[Metric, list[Observed]]],
    years: tuple[int, ...] = (2020, 2021, 2022, 2023),
    **plan_keys: Any,
) -> Dataset:
    plan = Plan(id="p", name="p", baseline_year=B, end_year=E, **plan_keys)
    indicators = [
        Indicator(id=f"i{k}", no=k + 1, name="i", metrics=[m.model_copy(update={"id": f"m{k}"})])
        for k, (m, _) in enumerate(metrics)
    ]
    return Dataset(
        Targets(plan=plan, indicators=indicators), years, {f"m{k}": tuple(o) for k, (_, o) in enumerate(metrics)}
    )


def test_the_as_of_year() -> None:
    m = (metric("level", "up", 46), series({2020: 40.0, 2023: 43.0}))
    data = plan_data([m], years=(2020, 2023, 2024))
    w = scoring.window(data)
    assert (w.as_of, w.chosen_by, w.later_years, w.latest) == (2024, "latest", (), 2024)
    reviewed = plan_data([m], years=(2020, 2023, 2024), review_year=2023)
    w = scoring.window(reviewed)
    assert (w.as_of, w.chosen_by, w.later_years) == (2023, "review", (2024,))
    assert scoring.window(reviewed, "latest").as_of == 2024
    w = scoring.window(reviewed, 2021, 2021, "cagr")
    assert (w.as_of, w.chosen_by, w.trend_from, w.method, w.later_years) == (2021, "asked", 2021, "cagr", (2023, 2024))
    assert scoring.window(plan_data([m], years=())).as_of == B  # no year file at all


def test_option_errors() -> None:
    data = plan_data([(metric("level", "up", 46), series({2020: 40.0, 2023: 43.0}))])
    assert scoring.option_error(data, 2030, None) is None  # E + 5
    assert scoring.option_error(data, 2031, None) == ("bad_as_of", {"year": 2031, "lo": 2020, "hi": 2030})
    assert scoring.option_error(data, 2019, None) is not None and scoring.option_error(data, 2020, None) is None
    assert scoring.option_error(data, 2023, 2020) is None
    assert scoring.option_error(data, 2023, 2022) is None
    assert scoring.option_error(data, 2023, 2023) == ("bad_trend_from", {"year": 2023, "lo": 2020, "hi": 2022})
    assert scoring.option_error(data, 2023, 2019) is not None
    assert scoring.option_error(data, None, None, 2021) is None and scoring.option_error(data, None, None, 2035) is None
    assert scoring.option_error(data, None, None, 2020) == ("bad_project_year", {"year": 2020, "lo": 2021, "hi": 2035})
    assert scoring.option_error(data, None, None, 2036) is not None


def test_project_reports_the_quantity_and_its_gap() -> None:
    data = plan_data(
        [
            (metric("level", "up", 46), series({2020: 40.0, 2023: 43.0})),
            (metric("cumulative", "up", 100), series({2021: 30.0, 2022: 20.0, 2023: 10.0})),
            (metric("average-growth", "up", 8, aggregation="arithmetic"), series({2021: 5.0, 2022: 7.0, 2023: 9.0})),
            (metric("level", "up", 46), []),
        ]
    )
    at = {m.score.metric.id: m for _, m in scoring.project(data, 2024, as_of=2023).metrics}
    assert at["m0"].by_method["linear"] == approx(44.0) and at["m0"].gap == approx(-2.0)
    assert at["m1"].by_method["linear"] == approx(60.0)  # 30 + 20 + 10 + 0
    assert at["m1"].by_method["cagr"] == approx(60 + 10 * (1 / 3) ** 0.5)
    assert at["m2"].by_method == approx({"linear": (5 + 7 + 9 + 11) / 4, "cagr": 7.0})
    assert (at["m3"].observed, at["m3"].by_method, at["m3"].gap) == (None, {"linear": None, "cagr": None}, None)
    observed = {m.score.metric.id: m for _, m in scoring.project(data, 2022, as_of=2023).metrics}
    assert observed["m1"].observed == 50.0 and observed["m1"].gap == approx(-50.0)
    assert observed["m2"].observed == approx(6.0)  # (5 + 7) / 2


def test_find_and_known_ids() -> None:
    data = plan_data([(metric("level", "up", 46), []), (metric("level", "up", 46), [])])
    found = scoring.find(data, " I1 ")
    assert found is not None and found[0].id == "i1" and [m.id for m in found[1]] == ["m1"]
    assert scoring.find(data, "2") is not None and scoring.find(data, "2")[0].id == "i1"  # type: ignore[index]
    by_metric = scoring.find(data, "M0")
    assert by_metric is not None and by_metric[0].id == "i0" and [m.id for m in by_metric[1]] == ["m0"]
    assert scoring.find(data, "nothing") is None and scoring.find(data, "3") is None
    assert scoring.known_ids(data) == ["i0", "i1", "m0", "m1"]


def test_show_gives_the_path_year_by_year() -> None:
    data = plan_data([(metric("cumulative", "up", 100), series({2021: 30.0, 2022: 20.0, 2023: 10.0}))])
    shown = scoring.show(data, "m0", as_of=2023)
    assert shown is not None
    [detail] = shown.details
    assert detail.ahead == [2024, 2025]
    assert detail.path["linear"] == approx([60.0, 60.0])  # running totals, the flows floored at 0
    assert detail.points == [(2021.0, 30.0), (2022.0, 50.0), (2023.0, 60.0)]
    running = plan_data(
        [(metric("cumulative", "up", 100), [obs(2023, 50.0, to_date=True, as_of=dt.date(2023, 6, 30))])]
    )
    shown = scoring.show(running, "m0", as_of=2023)
    assert shown is not None
    assert shown.details[0].points == [(2020 + 2.5, 50.0)]  # mid-2023, where the end of 2023 is 2023.0
    assert shown.details[0].ahead == [2023, 2024, 2025]  # the year-end totals not yet observed
    assert scoring.show(data, "none") is None


def test_plan_row_names_the_most_pressing_indicator() -> None:
    data = plan_data(
        [
            (metric("level", "up", 46), series({2020: 40.0, 2023: 43.0})),  # hard, score 1.86
            (metric("level", "up", 100), series({2020: 40.0, 2023: 30.0})),  # hard, deterioration
            (metric("cumulative", "up", 100), series({2022: 10.0})),  # insufficient
        ]
    )
    row = scoring.plan_row(scoring.status(data, 2023))
    assert row.pressing is not None and row.pressing.id == "i1"
    assert row.pressing.progress.grade == "deterioration"
    assert row.indicators == 3
    # a hard indicator without a score comes after one with a score, whatever that score
    data = plan_data(
        [
            (metric("level", "up", 10), series({2020: -2.0, 2023: 3.0})),  # hard; signs differ: no score
            (metric("level", "up", 46), series({2020: 40.0, 2023: 43.0})),  # hard, score 1.86
        ]
    )
    row = scoring.plan_row(scoring.status(data, 2023))
    assert row.pressing is not None and row.pressing.id == "i1"
    # among equal scores, the lowest number
    data = plan_data([(metric("level", "up", 46), series({2020: 40.0, 2023: 43.0}))] * 2)
    row = scoring.plan_row(scoring.status(data, 2023))
    assert row.pressing is not None and (row.pressing.id, row.pressing.no) == ("i0", 1)
    calm = plan_data([(metric("level", "up", 46), series({2020: 40.0, 2023: 46.0}))])
    assert scoring.plan_row(scoring.status(calm, 2023)).pressing is None


# ================================================================ backtest


def linear_plan() -> Dataset:
    return plan_data(
        [
            (metric("level", "up", 19), series({2020: 10.0, 2021: 12.0, 2022: 14.0, 2023: 16.0, 2024: 18.0})),
            (metric("cumulative", "up", 100), [obs(2022, 40.0, to_date=True), obs(2023, 60.0, to_date=True)]),
            (metric("level", "up", 5), series({2020: 1.0, 2021: 2.0, 2022: 0.0})),
        ],
        years=(2020, 2021, 2022, 2023, 2024),
    )


def test_backtest_a_series_on_its_linear_trend_has_no_linear_error() -> None:
    result = scoring.backtest(linear_plan(), 2022)
    level = result.metrics[0]
    assert [y.year for y in level.years] == [2023, 2024]
    for check in level.years:
        assert check.by_method["linear"].error == approx(0.0, abs=1e-9)
        assert check.by_method["linear"].relative_error == approx(0.0, abs=1e-9)
    # cagr from 10 to 14 over two years: 14 * 1.4 ** 0.5 in 2023
    first = level.years[0].by_method["cagr"]
    assert first.predicted == approx(14 * 1.4**0.5)
    assert first.error == approx(16 - 14 * 1.4**0.5)
    assert first.relative_error == approx((16 - 14 * 1.4**0.5) / 16)
    assert level.closer == "linear"
    assert (level.verdict_then, level.verdict_now, level.outcome) == ("on-track", "on-track", "held")


def test_backtest_predictions_are_what_project_gives() -> None:
    data = linear_plan()
    result = scoring.backtest(data, 2022)
    for check in result.metrics:
        for year in check.years:
            projected = {m.score.metric.id: m for _, m in scoring.project(data, year.year, as_of=2022).metrics}
            for method in scoring.METHODS:
                assert year.by_method[method].predicted == projected[check.metric.id].by_method[method]


def test_backtest_running_totals_tie_and_a_zero_has_no_relative_error() -> None:
    result = scoring.backtest(linear_plan(), 2022)
    total = result.metrics[1]
    # pro rata under both methods: 40 * 3 / 2 = 60, as observed
    [check] = total.years
    assert (check.year, check.observed) == (2023, 60.0)
    assert check.by_method["linear"] == check.by_method["cagr"]
    assert tuple(check.by_method["linear"][:3]) == approx((60.0, 0.0, 0.0))
    assert check.by_method["linear"].inside is None  # a running total has no range
    assert total.closer == "tie"
    zero = result.metrics[2]
    assert zero.years == []  # no later figure
    assert zero.outcome == "not-checkable"
    assert result.summary.closer == {"linear": 1, "cagr": 0, "tie": 1}
    assert result.summary.metrics == {"held": 2, "changed": 0, "unknown": 0, "not-checkable": 1}


def test_backtest_relative_error_is_null_when_observed_is_zero() -> None:
    data = plan_data(
        [(metric("level", "down", 1), series({2020: 4.0, 2021: 2.0, 2022: 0.0}))], years=(2020, 2021, 2022)
    )
    [check] = scoring.backtest(data, 2021).metrics
    [year] = check.years
    assert year.observed == 0.0 and year.by_method["linear"].predicted == approx(0.0)
    assert year.by_method["linear"].relative_error is None
    assert year.by_method["cagr"].error == approx(-1.0) and year.by_method["cagr"].relative_error is None
    assert check.closer == "linear"
    assert scoring.backtest(data, 2021).summary.mean_abs_relative_error == {"linear": None, "cagr": None}


def test_backtest_without_later_data_checks_nothing() -> None:
    data = linear_plan()
    result = scoring.backtest(data, 2024)
    assert {c.outcome for c in result.metrics} == {"not-checkable"}
    assert {i.outcome for i in result.indicators} == {"not-checkable"}
    assert result.summary.mean_abs_relative_error == {"linear": None, "cagr": None}
    assert result.summary.closer == {"linear": 0, "cagr": 0, "tie": 0}


def test_backtest_verdicts_held_changed_unknown() -> None:
    data = plan_data(
        [
            (metric("annual", "up", 10), series({2021: 11.0, 2022: 12.0, 2023: 9.0})),  # on-track, then hard
            (metric("level", "up", 10), series({2022: 5.0, 2023: 6.0})),  # insufficient in 2022
        ],
        years=(2020, 2021, 2022, 2023),
    )
    result = scoring.backtest(data, 2022)
    changed, unknown = result.metrics
    assert (changed.verdict_then, changed.verdict_now, changed.outcome) == ("on-track", "hard", "changed")
    assert (unknown.verdict_then, unknown.outcome) == ("insufficient-data", "unknown")
    assert [i.outcome for i in result.indicators] == ["changed", "unknown"]
    assert result.summary.indicators == {"held": 0, "changed": 1, "unknown": 1, "not-checkable": 0}
    # the only relative error: (9 - 13) / 9 for the annual metric (the level predicted nothing)
    assert changed.years[0].by_method["linear"].predicted == approx(13.0)
    assert unknown.years[0].by_method["linear"] == (None, None, None, None, None)
    assert unknown.closer is None and changed.closer == "linear"  # cagr: 12 * 12 / 11 = 13.09
    assert result.summary.mean_abs_relative_error["linear"] == approx(4 / 9)


def test_backtest_years_stop_five_years_after_the_end() -> None:
    values = {2020: 10.0, 2021: 12.0, 2022: 14.0, 2030: 30.0, 2031: 32.0}
    data = plan_data([(metric("level", "up", 19), series(values))], years=(2020, 2021, 2022, 2030, 2031))
    [check] = scoring.backtest(data, 2022).metrics
    assert [y.year for y in check.years] == [2030]
    assert check.years[0].by_method["linear"].predicted == approx(30.0)  # 14 + 2 * 8


def test_observed_figures() -> None:
    cum = metric("cumulative", "up", 100)
    flows = series({2021: 10.0, 2022: 20.0, 2024: 5.0})
    assert scoring.observed_figure(cum, flows, B, 2022) == 30.0
    assert scoring.observed_figure(cum, flows, B, 2024) is None  # 2023 is missing
    assert scoring.observed_figure(cum, flows, B, 2020) is None
    totals = [obs(2023, 70.0, to_date=True), obs(2024, 90.0, to_date=True, as_of=dt.date(2024, 6, 30))]
    assert scoring.observed_figure(cum, totals, B, 2023) == 70.0
    assert scoring.observed_figure(cum, totals, B, 2024) is None  # not dated the end of 2024
    growth = metric("average-growth", "up", 7, aggregation="arithmetic")
    rates = [obs(2022, 6.0, since=2021), obs(2023, 9.0), obs(2024, 3.0, since=2023)]
    assert scoring.observed_figure(growth, rates, B, 2023) == approx(7.0)  # 6, 6, 9
    # the latest aggregate covers 2023-2024 and no yearly rate covers 2021-2022 (the earlier
    # aggregate does not count once a later one exists)
    assert scoring.observed_figure(growth, rates, B, 2024) is None
    assert scoring.observed_figure(growth, rates, B, 2020) is None
    level = metric("level", "up", 1)
    assert scoring.observed_figure(level, series({2022: 3.0}), B, 2022) == 3.0
    assert scoring.observed_figure(level, [obs(2022, 3.0, since=2021)], B, 2022) is None


# ================================================================ through the command line (tests/examples/rules)


RULES = Path(__file__).resolve().parent / "examples" / "rules"


def by_id(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {m["id"]: m for i in doc["indicators"] for m in i["metrics"]}


def test_the_rules_examples_through_the_command_line(run: Any) -> None:
    """The plan's latest year file is 2026, after E: the default as-of year, shown and never deciding."""
    result = run("status", "--data", str(RULES), "-f", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert (doc["as_of"], doc["as_of_from"]) == (2026, "latest")
    metrics = by_id(doc)
    # 3% then 1%, falling 2 points a year: -5 in 2025, bounded at 0, from 2023 on
    poverty = metrics["poverty"]
    assert (poverty["verdict"], poverty["projected"], poverty["bounded"]) == ("on-track", 0.0, True)
    assert poverty["by_method"]["cagr"] == {
        "projected": approx(1 / 27),
        "verdict": "on-track",
        "bounded": False,
        "range": None,  # two points: too few for a range
    }
    assert poverty["required_pace"] == approx(-0.5 / 3) and poverty["observed_pace"] == approx(-2.0)
    assert "reaches 0" in poverty["reason"] and "2023" in poverty["reason"]
    # 92, 89, 93 against 90 every year: 2022 failed
    families = metrics["families"]
    assert (families["verdict"], families["achieved"], families["projected"]) == ("hard", False, approx(94.0))
    assert "2022" in families["reason"]
    assert families["progress"] == "target-achieved"  # the latest year meets it
    # a rank falling 6 a year from 61 (a `down` metric improving), exports falling 10/3 a year from 100
    assert (metrics["rank"]["verdict"], metrics["rank"]["projected"]) == ("improving", approx(31.0))
    assert (metrics["exports"]["verdict"], metrics["exports"]["projected"]) == ("worsening", approx(250 / 3))
    # flows 30, 20, 10: 0 in 2024 and -10 in 2025 counted as 0
    flows = metrics["flows"]
    assert (flows["verdict"], flows["projected"], flows["bounded"]) == ("hard", approx(60.0), True)
    assert flows["progress_ratio"] == approx(1.0)  # observed 60 / 3 = 20 a year, required (100 - 60) / 2 = 20
    assert flows["score"] == approx(7.1429 - 4.2857, abs=0.01)
    # decided by 2025's 49; 60 in 2026 does not count
    after = metrics["after-end"]
    assert (after["verdict"], after["projected"], after["latest"]["year"]) == ("hard", 49.0, 2025)
    assert after["required_pace"] is None
    jobs = metrics["jobs"]
    assert (jobs["verdict"], jobs["achieved"], jobs["latest"]["value"]) == ("on-track", True, 1200.0)
    assert metrics["undecided"]["verdict"] == "insufficient-data"
    indicators = {i["id"]: i for i in doc["indicators"]}
    assert {k: (i["verdict"], i["agreement"]) for k, i in indicators.items()} == {
        "poverty": ("on-track", "agree"),
        "families": ("hard", "differ"),
        "context": ("insufficient-data", None),
        "flows": ("hard", None),
        "after-end": ("hard", "agree"),
        "jobs": ("on-track", "differ"),
        "undecided": ("insufficient-data", "undecided"),
    }
    assert indicators["context"]["score"] == approx(0.0)  # the mean of 5 and -5
    summary = doc["summary"]
    assert (summary["on-track"], summary["hard"], summary["insufficient-data"]) == (2, 3, 2)
    assert summary["official"] == {"on-track": 2, "hard": 3}
    assert (summary["disagreements"], summary["undecided"]) == (["families", "jobs"], ["undecided"])
    # the same as of the end year: the 2026 file changes nothing but the as-of year
    at_end = json.loads(run("status", "--data", str(RULES), "--as-of", "2025", "-f", "json").stdout)
    assert (at_end["indicators"], at_end["summary"]["disagreements"]) == (doc["indicators"], summary["disagreements"])


def test_backtest_predicts_what_project_gives_through_the_command_line(run: Any) -> None:
    result = run("backtest", "--data", str(RULES), "--as-of", "2023", "-f", "json")
    assert result.exit_code == 0, result.output
    checks = {c["id"]: c for c in json.loads(result.stdout)["metrics"]}
    # jobs: 1,200 every year until 2025 is predicted exactly; 500 in 2026 is an error of -700
    jobs = checks["jobs"]
    assert [y["year"] for y in jobs["years"]] == [2024, 2025, 2026]
    assert [y["by_method"]["linear"]["error"] for y in jobs["years"]] == approx([0.0, 0.0, -700.0])
    assert jobs["years"][2]["by_method"]["linear"]["relative_error"] == approx(-700 / 500)
    assert (jobs["closer"], jobs["outcome"]) == ("tie", "held")
    assert checks["poverty"]["outcome"] == "not-checkable"
    for check in checks.values():
        for year in check["years"]:
            projected = run(
                "project", "--data", str(RULES), "--year", str(year["year"]), "--as-of", "2023", "-f", "json"
            )
            at = {m["id"]: m for m in json.loads(projected.stdout)["metrics"]}[check["id"]]
            for method in ("linear", "cagr"):
                assert year["by_method"][method]["predicted"] == at["by_method"][method]["projected"]


# ================================================================ options reach every view


def options_plan() -> Dataset:
    return plan_data(
        [
            (metric("level", "up", 46), series({2020: 42.0, 2021: 40.0, 2023: 43.0})),
            (metric("cumulative", "up", 100), series({2021: 30.0, 2022: 20.0, 2023: 10.0})),
        ],
        years=(2020, 2021, 2022, 2023, 2024),
        progress_thresholds=Thresholds(high=0.5),
    )


def test_the_window_defaults_to_the_linear_method() -> None:
    assert scoring.window(options_plan()).method == "linear"


def test_status_show_and_project_use_the_plans_thresholds() -> None:
    data = options_plan()
    # the level: 42, 40, 43 from 2020 to 2023 against 46: p = g(43, 42, 3) / g(46, 42, 5) = 0.43 (limited by default)
    p = ((43 / 42) ** (1 / 3) - 1) / ((46 / 42) ** (1 / 5) - 1)
    progress = scoring.score_metric(data.targets.indicators[0].metrics[0], data.observations["m0"], window()).progress
    assert progress.grade == "limited"
    assert (progress.score, progress.ratio) == approx((4.1667 * p - 2.5, p))
    status = scoring.status(data, 2023)
    assert status.indicators[0].metrics[0].progress.grade == "limited"  # 0.43 < med 0.6
    moved = plan_data(
        [(metric("level", "up", 46), series({2020: 42.0, 2021: 40.0, 2023: 43.0}))],
        progress_thresholds=Thresholds(med=0.4),
    )
    assert scoring.status(moved, 2023).indicators[0].metrics[0].progress.grade == "moderate"
    [(_, at)] = scoring.project(moved, 2024, as_of=2023).metrics
    assert at.score.progress.grade == "moderate"
    shown = scoring.show(moved, "i0", as_of=2023)
    assert shown is not None
    assert shown.details[0].score.progress.grade == "moderate"
    # the indicator's grade reads its score (the metric's, -1.22): limited; the score follows the thresholds
    assert (shown.indicator.progress.grade, shown.indicator.progress.ratio) == ("limited", None)
    assert shown.indicator.progress.score == approx(7.1429 * p - 4.2857)


def test_project_and_show_follow_as_of_trend_from_and_method() -> None:
    data = options_plan()
    # W = 2021: b = 1.5 over 2021 and 2023: 44.5 in 2024 (45 - ... anchored at 43)
    [(_, level), _] = scoring.project(data, 2024, as_of=2023, trend_from=2021).metrics
    assert level.by_method["linear"] == approx(44.5)
    # the chosen method gives the quantity and its gap: cagr from 42 to 43 over three years
    [(_, level), _] = scoring.project(data, 2024, as_of=2023, method="cagr").metrics
    assert level.projected == approx(43 * (43 / 42) ** (1 / 3)) and level.gap == approx(43 * (43 / 42) ** (1 / 3) - 46)
    # a year with an observation reports it, whatever the line through it gives (44 in 2021 here)
    [(_, past), _] = scoring.project(data, 2021, as_of=2023).metrics
    assert (past.observed, past.projected, past.gap) == (40.0, 40.0, -6.0)
    assert past.by_method["linear"] == approx(43 - 0.5 * 2)
    shown = scoring.show(data, "m0", as_of=2022, trend_from=2021, method="cagr")
    assert shown is not None
    assert (shown.window.as_of, shown.window.trend_from, shown.window.method) == (2022, 2021, "cagr")
    assert shown.details[0].score.chosen == "cagr"
    assert shown.details[0].score.latest is not None and shown.details[0].score.latest.year == 2021


def test_option_error_reads_the_as_of_year_asked_for() -> None:
    data = options_plan()  # latest year file 2024
    assert scoring.option_error(data, 2022, 2022) == ("bad_trend_from", {"year": 2022, "lo": 2020, "hi": 2021})
    assert scoring.option_error(data, None, 2023) is None


def test_a_chart_of_flows_runs_to_the_end_year() -> None:
    data = plan_data([(metric("cumulative", "up", 100), series({y: 10.0 for y in range(2021, 2026)}))])
    shown = scoring.show(data, "m0", as_of=2025)
    assert shown is not None
    assert shown.details[0].points == [(float(y), 10.0 * (y - 2020)) for y in range(2021, 2026)]


def test_plan_row_reads_a_score_of_zero_as_a_score() -> None:
    from midterm.scoring.results import IndicatorScore

    data = options_plan()
    status = scoring.status(data, 2023)
    ind = data.targets.indicators
    zero = IndicatorScore(ind[0], "hard", scoring.Reason("ind_hard"), [], scoring.Progress("moderate", 0.0))
    half = IndicatorScore(ind[1], "hard", scoring.Reason("ind_hard"), [], scoring.Progress("moderate", 0.5))
    row = scoring.plan_row(status._replace(indicators=[half, zero]))
    assert row.pressing is not None
    assert (row.pressing.id, row.pressing.name, row.pressing.name_en) == ("i0", "i", None)
    named = ind[0].model_copy(update={"name_en": "Income"})
    row = scoring.plan_row(status._replace(indicators=[zero._replace(indicator=named)]))
    assert row.pressing is not None and row.pressing.name_en == "Income"


# ================================================================ the backtest's options and edges


def test_backtest_follows_trend_from_and_method() -> None:
    data = options_plan()
    linear = scoring.backtest(data, 2022)
    assert (linear.window.method, linear.window.trend_from) == ("linear", 2020)
    moved = scoring.backtest(data, 2022, trend_from=2021, method="cagr")
    assert (moved.window.method, moved.window.trend_from) == ("cagr", 2021)
    for check in moved.metrics:
        for year in check.years:
            projected = {m.score.metric.id: m for _, m in scoring.project(data, year.year, 2022, 2021, "cagr").metrics}
            assert year.by_method["linear"].predicted == projected[check.metric.id].by_method["linear"]
    # verdicts then and now under cagr and from 2021: the level from 40 (2021) only has one point then
    level_then = {c.metric.id: c for c in moved.metrics}["m0"]
    assert level_then.verdict_then == "insufficient-data"
    assert {c.metric.id: c for c in linear.metrics}["m0"].verdict_then == "hard"
    # now (every year file) with cagr from 2021: 40 to 43 in two years, 46.4 in 2025
    assert level_then.verdict_now == "on-track"
    assert {c.metric.id: c for c in linear.metrics}["m0"].verdict_now == "hard"  # linear from 2020: 44


def test_backtest_now_is_the_latest_year_file_not_the_review_year() -> None:
    data = plan_data(
        [(metric("annual", "up", 10), series({2021: 11.0, 2022: 12.0, 2023: 9.0}))],
        years=(2020, 2021, 2022, 2023),
        review_year=2022,
    )
    [check] = scoring.backtest(data, 2022).metrics
    assert (check.verdict_then, check.verdict_now, check.outcome) == ("on-track", "hard", "changed")
    [ind] = scoring.backtest(data, 2022).indicators
    assert (ind.verdict_then, ind.verdict_now, ind.outcome) == ("on-track", "hard", "changed")


def test_backtest_indicators_that_held() -> None:
    result = scoring.backtest(linear_plan(), 2022)
    assert [(i.verdict_then, i.verdict_now, i.outcome) for i in result.indicators] == [
        ("on-track", "on-track", "held"),
        ("on-track", "on-track", "held"),
        ("hard", "hard", "not-checkable"),
    ]


def test_backtest_of_a_plan_without_year_files() -> None:
    data = plan_data([(metric("level", "up", 1), [])], years=())
    result = scoring.backtest(data, 2022)
    assert result.latest is None and [c.outcome for c in result.metrics] == ["not-checkable"]


def test_backtest_when_only_one_method_predicts() -> None:
    # -4, -2, 0, 2: cagr does not apply; linear predicts 0 and 2 exactly
    data = plan_data(
        [(metric("level", "up", 5), series({2020: -4.0, 2021: -2.0, 2022: 0.0, 2023: 2.0}))],
        years=(2020, 2021, 2022, 2023),
    )
    [check] = scoring.backtest(data, 2021).metrics
    assert [y.by_method["cagr"].predicted for y in check.years] == [None, None]
    assert check.closer == "linear"


def test_closer_within_a_billionth_is_a_tie() -> None:
    from midterm.scoring.backtesting import Guess, YearCheck, _closer

    def year(y: int, linear: float, cagr: float) -> YearCheck:
        return YearCheck(y, 1.0, {"linear": Guess(1.0, linear, None), "cagr": Guess(1.0, cagr, None)})

    # mean absolute errors 1e-9 (2e-9 over two years) and 0: a tie, at the limit
    assert _closer([year(2023, 1e-9, 0.0), year(2024, 1e-9, 0.0)]) == "tie"
    assert _closer([year(2023, 2e-9, 0.0), year(2024, 2e-9, 0.0)]) == "cagr"
    assert _closer([year(2023, 0.5, -1.0), year(2024, -0.5, 0.5)]) == "linear"  # 0.5 against 0.75
    assert _closer([]) is None


def test_backtest_mean_absolute_relative_error() -> None:
    # observed 10 and 20 later; linear predicted 14 and 16 from 10, 12: errors -4 and 4
    data = plan_data(
        [(metric("level", "up", 1), series({2020: 10.0, 2021: 12.0, 2022: 10.0, 2023: 20.0}))],
        years=(2020, 2021, 2022, 2023),
    )
    result = scoring.backtest(data, 2021)
    [check] = result.metrics
    assert [y.by_method["linear"].relative_error for y in check.years] == approx([-4 / 10, 4 / 20])
    assert result.summary.mean_abs_relative_error["linear"] == approx((0.4 + 0.2) / 2)


def test_observed_figures_of_each_kind() -> None:
    trend = metric("trend", "up", None)
    assert scoring.observed_figure(trend, series({2022: 3.0, 2023: 5.0}), B, 2023) == 5.0
    cum = metric("cumulative", "up", 100)
    assert scoring.observed_figure(cum, series({2021: 10.0}), B, 2021) == 10.0
    dated = [obs(2023, 70.0, to_date=True, as_of=dt.date(2023, 12, 31)), *series({2021: 1.0, 2022: 1.0, 2023: 1.0})]
    assert scoring.observed_figure(cum, dated, B, 2023) == 70.0  # the year-end total, not the flows' 3
    growth = metric("average-growth", "up", 7, aggregation="arithmetic")
    assert scoring.observed_figure(growth, series({2021: 5.0}), B, 2021) == 5.0
    assert scoring.observed_figure(growth, [obs(2022, 6.0, since=2021)], B, 2022) == 6.0
    geometric = metric("average-growth", "up", 7)
    assert scoring.observed_figure(geometric, series({2021: 10.0, 2022: 20.0}), B, 2022) == approx(
        ((1.1 * 1.2) ** 0.5 - 1) * 100
    )


# ================================================================ more edges of the kinds


def test_average_growth_without_a_term_rate_names_the_start() -> None:
    m = metric("average-growth", "up", 7)
    none = score(m, series({2020: 5.0}), as_of=2020)
    assert none.reason == scoring.Reason("no_term_rate", {"start": 2021})
    assert {r.verdict for r in none.by_method.values()} == {"insufficient-data"}
    # a fall of 100% in a term year leaves no geometric average so far
    ended = score(m, series({2021: -100.0}), as_of=2021)
    assert ended.reason == scoring.Reason("no_term_rate", {"start": 2021})
    assert {r.verdict for r in ended.by_method.values()} == {"insufficient-data"}


def test_average_growth_required_rate_where_the_target_is_zero_or_negative() -> None:
    # a fall of 5% so far (product 0.95); T = 5: ((1.05 ** 5) / 0.95) ** (1/4) - 1
    s = score(metric("average-growth", "up", 5), series({2021: -5.0}), as_of=2021)
    assert s.required_pace == approx(((1.05**5 / 0.95) ** (1 / 4) - 1) * 100)
    # T = 0: the other years must make up for the fall: (1 / 0.95) ** (1/4) - 1
    s = score(metric("average-growth", "up", 0), series({2021: -5.0}), as_of=2021)
    assert s.required_pace == approx(((1 / 0.95) ** (1 / 4) - 1) * 100)
    # T = -2 (a population allowed to shrink 2% a year)
    s = score(metric("average-growth", "down", -2), series({2021: 1.0}), as_of=2021)
    assert s.required_pace == approx(((0.98**5 / 1.01) ** (1 / 4) - 1) * 100)
    # T = -100: no compound path leads there
    assert score(metric("average-growth", "up", -100), series({2021: 1.0}), as_of=2021).required_pace is None


def test_level_cagr_reason_of_a_flat_series() -> None:
    s = score(metric("level", "up", 46), series({2020: 40.0, 2021: 44.0, 2023: 40.0}))
    assert s.by_method["cagr"].reason.args["rate"] == 0.0
    assert s.by_method["cagr"].projected == approx(40.0)


def test_show_a_level_and_a_trend_year_by_year() -> None:
    data = plan_data(
        [
            (metric("level", "up", 46), series({2020: 40.0, 2023: 43.0})),
            (metric("trend", "up", None, unit="%"), series({2021: 80.0, 2022: 95.0})),
        ]
    )
    shown = scoring.show(data, "m0", as_of=2023)
    assert shown is not None
    assert shown.details[0].ahead == [2024, 2025]
    assert shown.details[0].path["linear"] == approx([44.0, 45.0])
    assert shown.details[0].path["cagr"] == approx([43 * (43 / 40) ** (1 / 3), 43 * (43 / 40) ** (2 / 3)])
    shown = scoring.show(data, "m1", as_of=2023)
    assert shown is not None
    assert shown.details[0].ahead == [2023, 2024, 2025]
    assert shown.details[0].path["linear"] == [100.0, 100.0, 100.0]  # 110, 125, 140 bounded
    at = {m.score.metric.id: m for _, m in scoring.project(data, 2030, as_of=2023).metrics}
    assert at["m1"].by_method == {"linear": 100.0, "cagr": 100.0}
    past = {m.score.metric.id: m for _, m in scoring.project(data, 2021, as_of=2023).metrics}
    assert past["m1"].observed == 80.0 and past["m0"].observed is None


def test_annual_past_years_of_the_trend_are_not_judged() -> None:
    # 0 (baseline, not judged), 2000, 2000, 2100: b = 630, so the line gives 1,470 in 2022, which
    # was observed at 2,000; only the years after 2023 are projected
    s = score(metric("annual", "up", 2000), series({2020: 0.0, 2021: 2000.0, 2022: 2000.0, 2023: 2100.0}))
    assert s.verdict == "on-track" and s.reason.key == "annual_holds"
    assert s.reason.args == {"end": 2025, "projected": approx(2100 + 2 * 630), "target": 2000}


def test_annual_projected_years_are_bounded_before_they_are_judged() -> None:
    up = score(metric("annual", "up", 1, unit="%"), series({2021: 4.0, 2022: 1.0}), as_of=2022)
    assert up.reason.key == "annual_falls"
    assert up.reason.args == {"year": 2023, "value": 0.0, "target": 1, "bound": 0.0, "bound_year": 2023}
    assert up.bounded is True
    down = score(metric("annual", "down", 95, unit="%"), series({2021: 80.0, 2022: 95.0}), as_of=2022)
    assert (down.reason.args["year"], down.reason.args["value"]) == (2023, 100.0)  # 110, bounded at 100
    assert down.bounded is True


def test_show_an_annual_and_a_running_total_year_by_year() -> None:
    data = plan_data(
        [
            (metric("annual", "up", 2000), series({2021: 2300.0, 2022: 2200.0, 2023: 2100.0})),
            (metric("cumulative", "up", 100), [obs(2023, 60.0, to_date=True)]),
            (metric("cumulative", "up", 100), series({2021: 30.0, 2022: 20.0, 2023: 10.0})),
        ]
    )
    shown = scoring.show(data, "m0", as_of=2023)
    assert shown is not None
    assert shown.details[0].ahead == [2024, 2025]
    assert shown.details[0].path["linear"] == approx([2000.0, 1900.0])
    shown = scoring.show(data, "m1", as_of=2023)
    assert shown is not None
    assert shown.details[0].ahead == [2024, 2025]
    assert shown.details[0].path["linear"] == approx([80.0, 100.0])
    # the quantities of past years: observed, and what the projection gives for them is the observed sum
    at = {m.score.metric.id: m for _, m in scoring.project(data, 2021, as_of=2023).metrics}
    assert at["m2"].observed == 30.0 and at["m2"].by_method["linear"] == 30.0
    at = {m.score.metric.id: m for _, m in scoring.project(data, 2023, as_of=2023).metrics}
    assert at["m2"].observed == 60.0 and at["m2"].by_method["cagr"] == 60.0


def test_a_running_total_at_the_end_of_the_fourth_year_still_runs() -> None:
    s = score(metric("cumulative", "up", 165), [obs(2024, 132.0, to_date=True)], as_of=2024)
    assert s.reason.key == "cum_running"
    assert (s.projected, s.required_pace) == approx((165.0, 33.0))


def test_values_near_the_float_limit_are_not_available_never_infinite() -> None:
    # cagr: 1 to 1.7e308 in a year compounds past the float limit: both methods n/a, "overflow"
    s = score(metric("level", "up", 1), series({2022: 1.0, 2023: 1.7e308}))
    assert s.by_method == {m: scoring.ByMethod(None, "n/a", scoring.Reason("overflow")) for m in scoring.METHODS}
    assert s.verdict == "insufficient-data"
    # linear: -1.7e308 to 1.7e308 is a slope beyond the float range: that method n/a, "overflow"
    s = score(metric("level", "up", 1), series({2020: -1.7e308, 2021: 1.7e308}), as_of=2021)
    assert s.by_method["linear"] == scoring.ByMethod(None, "n/a", scoring.Reason("overflow"))
    assert s.observed_pace is None and s.verdict == "insufficient-data"


def test_a_rule_that_divides_by_zero_is_not_available(monkeypatch: pytest.MonkeyPatch) -> None:
    """No input found reaches it (a search of 200,000 extreme series did not); the guard stays."""
    from midterm.scoring import kinds

    def divide(*_: Any) -> Any:
        raise ZeroDivisionError

    monkeypatch.setitem(kinds.RULES, "level", divide)
    s = score(metric("level", "up", 1), series({2022: 1.0, 2023: 2.0}))
    assert s.by_method == {m: scoring.ByMethod(None, "n/a", scoring.Reason("undefined")) for m in scoring.METHODS}
    assert s.verdict == "insufficient-data"


def test_a_metric_without_a_target_keeps_its_bounded_flag() -> None:
    s = score(metric("level", "down", None, unit="%"), series({2021: 3.0, 2022: 1.0}), as_of=2022)
    assert (s.verdict, s.projected, s.bounded) == ("insufficient-data", 0.0, True)


def test_the_latest_figure_keeps_its_date() -> None:
    s = score(metric("level", "up", 100), [obs(2023, 93.2, as_of=dt.date(2023, 6, 30)), obs(2022, 84.6)])
    assert s.latest == scoring.Latest(2023, 93.2, "official", dt.date(2023, 6, 30))


def test_progress_of_cumulative_targets_reads_the_plans_thresholds() -> None:
    m = metric("cumulative", "up", 185000)
    running = [obs(2023, 92765.0, to_date=True, as_of=dt.date(2023, 6, 30))]  # p = 1.0057
    assert score(m, running).progress.grade == "substantial"
    assert score(m, running, plan_thresholds=Thresholds(high=1.1)).progress.grade == "moderate"
    # and the metric's own, whatever its kind, over the plan's
    own = metric("cumulative", "up", 185000, progress_thresholds=Thresholds(high=1.1))
    assert score(own, running).progress.grade == "moderate"
    assert score(own, running, plan_thresholds=Thresholds(high=1.0)).progress.grade == "moderate"


def test_progress_of_a_fall_between_positive_values_under_one() -> None:
    # 2 to 0.5 over three years, `up`: p = 0.25 ** (1/3) - 1 = -0.37: deterioration, not "different signs"
    s = trend("up", {2020: 2.0, 2023: 0.5})
    assert s.progress.ratio == approx(0.25 ** (1 / 3) - 1)
    assert (s.progress.grade, s.progress.score) == ("deterioration", -5.0)


def test_progress_from_a_base_of_one_and_beyond_the_float_range() -> None:
    one = trend("up", {2020: 1.0, 2023: 1.03})
    assert one.progress.ratio == approx(1.03 ** (1 / 3) - 1) and one.progress.grade == "moderate"
    # 1e-300 to 1e300 in a year: a growth beyond the float range is not available, not "substantial"
    assert trend("up", {2020: 1e-300, 2021: 1e300}, as_of=2021).progress == scoring.Progress("not-available", None)


def test_backtest_now_uses_the_method_asked_for() -> None:
    # METHOD's example: 4.0 in 2020 and 3.4 in 2023 against 3.0 (`down`): linear on track, cagr hard
    data = plan_data([(metric("level", "down", 3.0), series({2020: 4.0, 2023: 3.4}))], years=(2020, 2021, 2022, 2023))
    assert scoring.backtest(data, 2022).metrics[0].verdict_now == "on-track"
    assert scoring.backtest(data, 2022, method="cagr").metrics[0].verdict_now == "hard"


# ================================================================ edges a mutation run found (docs/mutation.md)


def test_annual_years_after_the_end_year_are_not_judged() -> None:
    # b = -100: 2,100 in 2024 and 2,000 in 2025 meet 2,000 (inclusive); the line's 1,900 in 2026 is after E
    s = score(metric("annual", "up", 2000), series({2021: 2400.0, 2022: 2300.0, 2023: 2200.0}))
    assert (s.verdict, s.reason.key, s.projected) == ("on-track", "annual_holds", approx(2000.0))


@pytest.mark.parametrize(
    ("direction", "values", "paths", "in_2024"),
    [
        # 80 then 90 (%), rising 10 a year: 100 in 2023, 110 in 2024 and 120 in 2025, each at most 100;
        # cagr: 90 * 1.125 = 101.25 in 2023 already
        ("up", (80.0, 90.0), {"linear": [100.0, 100.0, 100.0], "cagr": [100.0, 100.0, 100.0]}, (100.0, 100.0)),
        # 20 then 10 (%), falling 10 a year: 0, -10 and -20 in 2023-2025 by the line, each at least 0;
        # cagr halves each year (10 / 20): 5, 2.5 and 1.25, never below 0
        ("down", (20.0, 10.0), {"linear": [0.0, 0.0, 0.0], "cagr": [5.0, 2.5, 1.25]}, (0.0, 2.5)),
    ],
    ids=["rising", "falling"],
)
def test_project_and_show_bound_every_year_of_a_level(
    direction: str, values: tuple[float, float], paths: dict[str, list[float]], in_2024: tuple[float, float]
) -> None:
    target = 95 if direction == "up" else 5
    data = plan_data([(metric("level", direction, target, unit="%"), series({2021: values[0], 2022: values[1]}))])
    shown = scoring.show(data, "m0", as_of=2022)
    assert shown is not None
    assert shown.details[0].path == paths
    [(_, at)] = scoring.project(data, 2024, as_of=2022).metrics
    assert at.by_method == {"linear": in_2024[0], "cagr": in_2024[1]}


@pytest.mark.parametrize("kind", ["level", "trend"])
def test_the_bound_year_is_a_projected_year_never_a_past_one(kind: str) -> None:
    # A ten-year term (E = 2030); % values 0, 0, 100, 10 in 2020-2023: mean year 2021.5, mean value 27.5,
    # sxy = 1.5 * 27.5 + 0.5 * 27.5 + 0.5 * 72.5 - 1.5 * 17.5 = 65, sxx = 5: b = 13, anchored at 10 in 2023.
    # The line gives 10 - 13 = -3 in 2022, a past year, and 10 + 13 * 7 = 101 in 2030, the first projected
    # year beyond 100: bounded at 100 in 2030.
    m = metric(kind, "up", 50 if kind == "level" else None, unit="%")
    w = scoring.Window(B, 2030, 2023, B, "linear")
    s = scoring.score_metric(m, series({2020: 0.0, 2021: 0.0, 2022: 100.0, 2023: 10.0}), w)
    linear = s.by_method["linear"]
    assert (linear.projected, linear.bounded) == (100.0, True)
    assert (linear.reason.args["bound"], linear.reason.args["bound_year"]) == (100.0, 2030)


def test_cumulative_without_a_candidate_in_a_two_year_term() -> None:
    # B = 2020, E = 2022: the term is 2021-2022, and 2021 is the first missing year
    w = scoring.Window(B, 2022, 2022, B, "linear")
    s = scoring.score_metric(metric("cumulative", "up", 100), series({2022: 30.0}), w)
    assert (s.verdict, s.reason) == ("insufficient-data", scoring.Reason("no_total", {"year": 2021}))


def test_cumulative_a_running_total_through_the_end_year_is_not_projected() -> None:
    # dated 31 December of E: tau = N, nothing is left to project and the observed total decides as it is
    # (pro rata would give 125,000.01 * 5 / 5, which is not 125,000.01 in floating point)
    s = score(metric("cumulative", "up", 120000), [obs(2025, 125000.01, to_date=True)], as_of=2025)
    assert (s.verdict, s.reason.key, s.achieved) == ("on-track", "cum_done", True)
    assert {m: r.projected for m, r in s.by_method.items()} == {"linear": 125000.01, "cagr": 125000.01}
    assert s.reason.args["projected"] == 125000.01


def test_cumulative_the_totals_of_observed_years_need_no_trend() -> None:
    # flows 0 and 20: cagr does not apply, yet the totals through 2021 and 2022 are observed: 0 and 20
    data = plan_data([(metric("cumulative", "up", 100), series({2021: 0.0, 2022: 20.0}))], years=(2020, 2021, 2022))
    for year, total in ((2021, 0.0), (2022, 20.0)):
        [(_, at)] = scoring.project(data, year, as_of=2022).metrics
        assert (at.observed, at.by_method) == (total, {"linear": total, "cagr": total})


def test_cumulative_a_bound_is_sought_in_the_projected_years_only() -> None:
    # the chain is 2021 alone (2022 missing), 2023 observed after the gap; no baseline flow. The line
    # through 5 (2021) and 25 (2023), b = 10, gives 15 in 2022, 35 in 2024 and 45 in 2025, none below 0
    # (its -5 in 2020 is before the term): 5 + 15 + 25 + 35 + 45 = 125, not bounded
    s = score(metric("cumulative", "up", 200), series({2021: 5.0, 2023: 25.0}))
    linear = s.by_method["linear"]
    assert (linear.projected, linear.bounded, linear.verdict) == (approx(125.0), False, "hard")
    assert "bound" not in linear.reason.args and linear.reason.args["from"] == 2022


def test_growth_has_no_value_across_signs_or_without_years() -> None:
    # g(a, b, n) = (a / b) ** (1 / n) - 1: none for n = 0, no real one for a / b < 0
    assert prog.growth(8.0, 1.0, 3) == approx(1.0)
    assert prog.growth(2.0, 1.0, 0) is None
    assert prog.growth(-2.0, 1.0, 3) is None
    # however small: the quotient is -1 (a product of the two would round to -0.0)
    assert prog.growth(-1e-170, 1e-170, 3) is None
