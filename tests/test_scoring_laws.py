"""The laws of the scoring core, stated as hypothesis properties."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from midterm import scoring
from midterm.models import Dataset, Indicator, Metric, Observation, Observed, Plan, Targets

B, E = 2020, 2025
KINDS = ["level", "cumulative", "annual", "average-growth", "trend"]
laws = settings(max_examples=300, deadline=None)


def make_metric(kind: str, direction: str, target: float | None, aggregation: str | None = None) -> Metric:
    return Metric(
        id="m",
        name="m",
        unit="x",
        kind=kind,
        direction=direction,  # type: ignore[arg-type]
        target=None if kind == "trend" else target,
        aggregation=aggregation,  # type: ignore[arg-type]
    )


def obs(year: int, value: float, **keys: Any) -> Observed:
    return Observed(year, Observation(value=value, source="test", **keys))


def window(as_of: int = 2023, method: scoring.Method = "linear") -> scoring.Window:
    return scoring.Window(B, E, as_of, B, method)


def verdicts(metric: Metric, observations: list[Observed], as_of: int = 2023) -> dict[str, str]:
    return {m: scoring.score_metric(metric, observations, window(as_of, m)).verdict for m in scoring.METHODS}


values = st.floats(0.5, 1000, allow_nan=False).map(lambda v: round(v, 3))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Metric, list[Observed]]:
    """A metric of any kind with a few yearly observations, and sometimes a running total or an aggregate."""
    kind = draw(st.sampled_from(KINDS))
    direction = draw(st.sampled_from(["up", "down"]))
    years = sorted(draw(st.sets(st.integers(B, 2023), min_size=1, max_size=4)))
    if kind == "average-growth":
        series = [obs(y, draw(st.floats(-5, 20).map(lambda v: round(v, 2)))) for y in years]
        aggregation = draw(st.sampled_from([None, "arithmetic"]))
        if draw(st.booleans()) and years[-1] > B + 1:
            series.append(obs(years[-1], draw(st.floats(0, 15).map(lambda v: round(v, 2))), since=B + 1))
        target = draw(st.floats(1, 15).map(lambda v: round(v, 2)))
        return make_metric(kind, direction, target, aggregation), series
    series = [obs(y, draw(values)) for y in years]
    if kind == "cumulative" and draw(st.booleans()):
        month = draw(st.integers(1, 12))
        series = [o for o in series if o.year != 2023] + [
            obs(2023, draw(values) * 3, to_date=True, as_of=dt.date(2023, month, 28))
        ]
    return make_metric(kind, direction, draw(values)), series


# ---------------------------------------------------------------- on the required path


def test_a_series_on_the_required_path_is_on_track_under_both_methods() -> None:
    """For a level, "the" required path has a shape: a straight line for `up` (a compound
    extrapolation of it overshoots) and a compound path for `down` (a straight-line fit of a
    decelerating fall overshoots the fall). The other shape makes one method fall short by
    construction, which is the methods disagreeing, not a bug."""
    for start, target in [(40.0, 46.0), (10.0, 100.0), (69.39, 100.0)]:
        path = [obs(y, start + (target - start) * (y - B) / (E - B)) for y in range(B, 2024)]
        assert verdicts(make_metric("level", "up", target), path) == {"linear": "on-track", "cagr": "on-track"}
    for start, target in [(4.0, 3.0), (23.65, 17.0), (5.6, 1.0)]:
        rate = (target / start) ** (1 / (E - B))
        path = [obs(y, start * rate ** (y - B)) for y in range(B, 2024)]
        assert verdicts(make_metric("level", "down", target), path) == {"linear": "on-track", "cagr": "on-track"}


@laws
@given(st.floats(1, 50_000), st.sampled_from(["up", "down"]), st.integers(2022, 2024))
def test_required_path_of_the_other_kinds(per_year: float, direction: str, last: int) -> None:
    years = range(B + 1, last + 1)
    flows = [obs(y, per_year) for y in years]
    assert (
        verdicts(make_metric("cumulative", direction, per_year * (E - B)), flows, last)
        == {
            "linear": "on-track",
            "cagr": "on-track",
        }
        or direction == "down"
    )
    assert verdicts(make_metric("annual", direction, per_year), flows, last) == {
        "linear": "on-track",
        "cagr": "on-track",
    }
    rate = per_year / 5_000  # 0.0002 .. 10 % a year
    rates = [obs(y, rate) for y in years]
    for aggregation in ("geometric", "arithmetic"):
        metric = make_metric("average-growth", direction, rate, aggregation)
        assert verdicts(metric, rates, last) == {"linear": "on-track", "cagr": "on-track"}


# ---------------------------------------------------------------- monotone in the right direction


@laws
@given(cases(), st.floats(0.01, 500))
def test_raising_the_latest_value_of_an_up_metric_never_turns_on_track_into_hard(
    case: tuple[Metric, list[Observed]], delta: float
) -> None:
    metric, series = case
    latest = max(series, key=lambda o: (o.year, o.obs.span == "year"))
    sign = 1 if metric.direction == "up" else -1  # the mirror: lowering a `down` metric
    moved = [
        o._replace(obs=o.obs.model_copy(update={"value": o.obs.value + sign * delta})) if o is latest else o
        for o in series
    ]
    if metric.kind == "cumulative" or (metric.kind in ("level", "annual") and sign < 0):
        assume(all(o.obs.value >= 0 for o in moved))
    before, after = verdicts(metric, series), verdicts(metric, moved)
    for method in scoring.METHODS:
        assert not (before[method] == "on-track" and after[method] == "hard"), (method, before, after)


def test_raising_an_early_value_can_flatten_the_trend() -> None:
    """Why the law above speaks of the latest value: a higher early value is a slower trend."""
    metric = make_metric("level", "up", 46.0)
    series = [obs(2020, 40.0), obs(2023, 43.6)]
    assert verdicts(metric, series)["linear"] == "on-track"
    assert verdicts(metric, [obs(2020, 42.0), obs(2023, 43.6)])["linear"] == "hard"


# ---------------------------------------------------------------- units do not matter


@laws
@given(cases(), st.floats(0.01, 100))
def test_scaling_values_and_target_keeps_every_verdict(case: tuple[Metric, list[Observed]], factor: float) -> None:
    """Holds for every kind except a geometric average, which compounds (1 + g/100) and so
    depends on the size of the rates, not only on their ratios to the target."""
    metric, series = case
    assume(not (metric.kind == "average-growth" and metric.aggregation != "arithmetic"))
    w = window()
    base = {m: scoring.score_metric(metric, series, w._replace(method=m)) for m in scoring.METHODS}
    threshold = metric.threshold
    for score in base.values():  # stay clear of ties, where rounding may decide
        if score.projected is not None and threshold is not None:
            assume(abs(score.projected - threshold) > 1e-6 * max(1.0, abs(threshold)))
    target = metric.target
    scaled_target = (
        None
        if target is None
        else (tuple(factor * t for t in target) if isinstance(target, tuple) else factor * target)
    )
    scaled_metric = metric.model_copy(update={"target": scaled_target})
    scaled = [o._replace(obs=o.obs.model_copy(update={"value": o.obs.value * factor})) for o in series]
    for method in scoring.METHODS:
        assert scoring.score_metric(scaled_metric, scaled, w._replace(method=method)).verdict == base[method].verdict


# ---------------------------------------------------------------- what the verdict may not depend on


@laws
@given(cases(), st.randoms(use_true_random=False))
def test_the_verdict_never_depends_on_the_order_of_observations(
    case: tuple[Metric, list[Observed]], rnd: random.Random
) -> None:
    metric, series = case
    shuffled = list(series)
    rnd.shuffle(shuffled)
    for method in scoring.METHODS:
        a = scoring.score_metric(metric, series, window(method=method))
        b = scoring.score_metric(metric, shuffled, window(method=method))
        assert (a.verdict, a.projected, a.required_pace, a.observed_pace) == (
            b.verdict,
            b.projected,
            b.required_pace,
            b.observed_pace,
        )


def dataset(metrics: list[tuple[Metric, list[Observed]]], years: tuple[int, ...]) -> Dataset:
    plan = Plan(id="p", name="p", baseline_year=B, end_year=E)
    indicators = [
        Indicator(id=f"i{k}", no=k, name="i", metrics=[m.model_copy(update={"id": f"m{k}"})])
        for k, (m, _) in enumerate(metrics)
    ]
    observations = {f"m{k}": tuple(o) for k, (_, o) in enumerate(metrics)}
    return Dataset(Targets(plan=plan, indicators=indicators), years, observations)


@laws
@given(st.lists(cases(), min_size=1, max_size=4), st.integers(B, 2023))
def test_as_of_is_deleting_the_later_year_files(metrics: list[tuple[Metric, list[Observed]]], as_of: int) -> None:
    full = dataset(metrics, tuple(range(B, 2024)))
    cut = dataset([(m, [o for o in obs if o.year <= as_of]) for m, obs in metrics], tuple(range(B, as_of + 1)))
    a, b = scoring.status(full, as_of=as_of), scoring.status(cut, as_of="latest")
    assert a.window.as_of == b.window.as_of == as_of
    assert (a.indicators, a.summary) == (b.indicators, b.summary)
    assert a.window.later == (as_of < 2023) and not b.window.later


def test_as_of_on_the_shipped_plan_through_the_command_line(run: Any, plan: Any) -> None:
    import json

    for year in (2024, 2023, 2022):
        with_option = json.loads(run("status", "--as-of", str(year), "-f", "json").stdout)
        for later in plan.glob("actuals/*.toml"):
            if int(later.stem) > year:
                later.unlink()
        without = json.loads(run("status", "--as-of", "latest", "-f", "json").stdout)
        assert (with_option["indicators"], with_option["summary"]) == (without["indicators"], without["summary"])
        assert with_option["as_of"] == without["as_of"] == year
        assert without["later_years"] == []


@pytest.mark.parametrize("kind", KINDS)
def test_no_observation_is_insufficient_data(kind: str) -> None:
    assert verdicts(make_metric(kind, "up", 10.0), []) == {"linear": "insufficient-data", "cagr": "insufficient-data"}
