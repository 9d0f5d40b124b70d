"""What was known on a day (FORMAT.md: figures get revised): for each observation, the latest of
its figures published on or before the day.

A figure in force counts from its `published` date, else its `as_of`, else the end of its year;
each revision from its own `published`. A figure published after the day was not known yet, and
when none of an observation's figures was, the observation is left out.
"""

import datetime as dt
from typing import NamedTuple

from midterm.models import Dataset, Observation, Observed


class Vintage(NamedTuple):
    """How the figures read on a day differ from those in force now."""

    earlier: int  # figures taken at an earlier vintage than the one in force
    unpublished: int  # figures of the years read that nobody had published yet


def figure_on(obs: Observation, year: int, day: dt.date) -> Observation | None:
    """The observation as it stood on `day`: itself, one of its revisions in its place (with the
    revisions older than that one), or None when none of its figures was public yet."""
    if obs.known_from(year) <= day:
        return obs
    for i in range(len(obs.revisions) - 1, -1, -1):
        rev = obs.revisions[i]
        if rev.published <= day:
            update = {
                "value": rev.value,
                "basis": rev.basis,
                "source": rev.source,
                "note": rev.note,
                "published": rev.published,
                "revisions": obs.revisions[:i],
            }
            return obs.model_copy(update=update)
    return None


def known_on(data: Dataset, day: dt.date) -> tuple[Dataset, Vintage]:
    """The dataset as it could be read on `day`, and how far it is from the figures in force.
    Year files after the day's year stay listed (a view says they exist) but nothing in them
    was known."""
    observations: dict[str, tuple[Observed, ...]] = {}
    earlier = unpublished = 0
    for metric_id, observed in data.observations.items():
        kept = []
        for o in observed:
            if o.year > day.year:
                continue
            figure = figure_on(o.obs, o.year, day)
            if figure is None:
                unpublished += 1
                continue
            earlier += figure is not o.obs
            kept.append(o if figure is o.obs else Observed(o.year, figure))
        if kept:
            observations[metric_id] = tuple(kept)
    return data._replace(observations=observations), Vintage(earlier, unpublished)


def published_after(data: Dataset, day: dt.date) -> int:
    """How many figures in force of the years up to the day's were not public on it: what
    `known_on` counts as earlier or unpublished, without building the day's dataset."""
    every = (o for observed in data.observations.values() for o in observed)
    return sum(o.year <= day.year and o.obs.known_from(o.year) > day for o in every)


def moves(obs: Observation) -> tuple[float, ...]:
    """How much each revision was moved by the figure that replaced it (the next revision, or the
    figure in force after the last), oldest first."""
    if not obs.revisions:
        return ()
    later = [r.value for r in obs.revisions[1:]] + [obs.value]
    return tuple(after - r.value for r, after in zip(obs.revisions, later, strict=True))
