"""What was known on a day (issue 21): the laws of choosing the vintage in force at a date, as
hypothesis properties of the scoring core, and `--as-of DATE` through the command line."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from test_scoring_laws import B, Case, E, cases

from midterm import scoring
from midterm.models import Dataset, Indicator, Observation, Observed, Plan, Revision, Targets
from midterm.scoring.vintage import figure_on, known_on, moves

laws = settings(max_examples=150, deadline=None)


def dataset(case: Case) -> Dataset:
    plan = Plan(id="p", name="p", baseline_year=B, end_year=E)
    targets = Targets(plan=plan, indicators=[Indicator(id="i", no=1, name="i", metrics=[case.metric])])
    years = tuple(sorted({o.year for o in case.series}))
    return Dataset(targets, years, {case.metric.id: tuple(case.series)})


def days(lo: dt.date, hi: dt.date) -> st.SearchStrategy[dt.date]:
    return st.integers(0, (hi - lo).days).map(lambda n: lo + dt.timedelta(days=n))


@st.composite
def vintaged(draw: st.DrawFn, year: int) -> Observation:
    """A figure of `year` as validate accepts it: published (or not) from the first day of its
    year, and up to three earlier figures, oldest first, each published before it."""
    start = dt.date(year, 1, 1)
    published = draw(st.none() | days(start, dt.date(year + 1, 12, 31)))
    as_of = draw(st.none() | days(start, dt.date(year, 12, 31)))
    if published is not None and as_of is not None and published < as_of:
        published = as_of
    in_force = published or as_of or dt.date(year, 12, 31)
    dates = sorted(draw(st.sets(days(start, in_force), max_size=3)) - {in_force})
    revisions = [Revision(value=draw(st.floats(0, 20)), published=d, source="s") for d in dates]
    value = draw(st.floats(0, 20))
    return Observation(value=value, source="s", published=published, as_of=as_of, revisions=revisions)


@st.composite
def histories(draw: st.DrawFn) -> Dataset:
    case = draw(cases(kinds=("level", "annual")))
    years = sorted({o.year for o in case.series})
    series = tuple(Observed(y, draw(vintaged(y))) for y in years)
    data = dataset(case)
    return data._replace(observations={case.metric.id: series})


def known_dates(data: Dataset, day: dt.date) -> dict[int, dt.date]:
    """Each year's figure known on `day`, by the day it counts from."""
    known, _ = known_on(data, day)
    return {o.year: o.obs.known_from(o.year) for series in known.observations.values() for o in series}


# ---------------------------------------------------------------- laws


@laws
@given(histories(), days(dt.date(B, 1, 1), dt.date(E + 2, 12, 31)), st.integers(0, 800))
def test_a_later_day_never_sees_fewer_figures_nor_older_ones(data: Dataset, day: dt.date, later: int) -> None:
    before = known_dates(data, day)
    after = known_dates(data, day + dt.timedelta(days=later))
    assert set(before) <= set(after)
    assert all(after[y] >= before[y] for y in before)


@laws
@given(histories(), days(dt.date(B, 1, 1), dt.date(E + 2, 12, 31)))
def test_the_figure_read_is_the_latest_published_by_the_day(data: Dataset, day: dt.date) -> None:
    for series in data.observations.values():
        for o in series:
            figure = figure_on(o.obs, o.year, day)
            dated = [(r.published, r.value) for r in o.obs.revisions] + [(o.obs.known_from(o.year), o.obs.value)]
            public = [d for d in dated if d[0] <= day]
            if not public:
                assert figure is None
            else:
                assert figure is not None and figure.value == public[-1][1]
                assert figure.known_from(o.year) == public[-1][0] <= day


@laws
@given(cases())
def test_without_dates_the_last_day_of_a_year_reads_what_the_year_reads(case: Case) -> None:
    data = dataset(case)
    for year in {case.as_of, *(o.year for o in case.series if B <= o.year <= E + 5)}:
        by_year, by_day = scoring.status(data, year), scoring.status(data, dt.date(year, 12, 31))
        assert by_day.window == by_year.window._replace(as_of_date=dt.date(year, 12, 31))
        assert (by_day.window.earlier_vintages, by_day.window.unpublished) == (0, 0)
        assert by_day.indicators == by_year.indicators and by_day.summary == by_year.summary
        at_end = scoring.project(data, E, dt.date(year, 12, 31)).metrics
        assert at_end == scoring.project(data, E, year).metrics


@laws
@given(histories(), days(dt.date(B, 1, 1), dt.date(E + 2, 12, 31)))
def test_counts_add_up(data: Dataset, day: dt.date) -> None:
    """Each observation of the years read is in force, earlier, or not yet published."""
    known, vintage = known_on(data, day)
    read = [o for series in data.observations.values() for o in series if o.year <= day.year]
    kept = [o for series in known.observations.values() for o in series]
    assert len(kept) + vintage.unpublished == len(read)
    in_force = {o.year: o.obs for o in read}
    assert vintage.earlier == sum(o.obs.known_from(o.year) < in_force[o.year].known_from(o.year) for o in kept)


def test_a_revised_figure_is_read_as_it_stood() -> None:
    obs = Observation(
        value=6.32,
        source="s",
        published=dt.date(2021, 12, 28),
        revisions=[Revision(value=5.35, published=dt.date(2021, 12, 6), basis="estimate", source="t")],
    )
    assert figure_on(obs, 2021, dt.date(2021, 12, 5)) is None
    early = figure_on(obs, 2021, dt.date(2021, 12, 6))
    assert early is not None
    assert (early.value, early.basis, early.source, early.revisions) == (5.35, "estimate", "t", [])
    assert figure_on(obs, 2021, dt.date(2021, 12, 28)) is obs
    assert moves(obs) == (6.32 - 5.35,)


def test_each_earlier_figure_is_read_on_its_own_days_with_its_own_note() -> None:
    """FORMAT: each revision counts from its own `published`; read on a day, the figure is the
    latest published by then, with its value, basis, source and note, and only the revisions
    older than it."""
    first = Revision(value=5.0, published=dt.date(2021, 11, 1), basis="estimate", source="a", note="first estimate")
    second = Revision(value=5.6, published=dt.date(2021, 12, 1), basis="preliminary", source="b", note="revised")
    obs = Observation(value=6.0, source="c", note="final", published=dt.date(2022, 3, 1), revisions=[first, second])
    read = {day: figure_on(obs, 2021, dt.date(2021, *day)) for day in ((11, 15), (12, 15))}
    early, later = read[(11, 15)], read[(12, 15)]
    assert early is not None and later is not None
    assert (early.value, early.basis, early.source, early.note, early.revisions) == (
        5.0,
        "estimate",
        "a",
        "first estimate",
        [],
    )
    assert (later.value, later.basis, later.source, later.note, later.revisions) == (
        5.6,
        "preliminary",
        "b",
        "revised",
        [first],
    )
    assert figure_on(obs, 2021, dt.date(2021, 10, 31)) is None
