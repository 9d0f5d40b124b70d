"""Why a verdict and its progress grade point different ways, said beside the grade.

The verdict looks ahead (the projection against the target in the end year); the grade looks
back (the pace so far, or the latest figure). "hard" beside "target achieved, score 5" (poor
households reduced: met in 2023, the trend goes under the floor) reads as a contradiction
unless the line says why.
"""

from midterm.i18n import Lang
from midterm.scoring.results import ACHIEVED, DETERIORATION, HARD, LIMITED, ON_TRACK, SUBSTANTIAL, Progress
from midterm.words import t

_AT_ODDS = {
    (HARD, ACHIEVED): "odds_hard_achieved",
    (HARD, SUBSTANTIAL): "odds_hard_substantial",
    (ON_TRACK, DETERIORATION): "odds_on_track_deterioration",
    (ON_TRACK, LIMITED): "odds_on_track_limited",
}


def at_odds(verdict: str, progress: Progress, lang: Lang, short: bool = False) -> str:
    """Why, to append to the grade ("" when the two agree); `short`, for the grade under the
    verdict in a wide table: two lines as narrow as the verdict's column."""
    key = _AT_ODDS.get((verdict, progress.grade))
    if key is None:
        return ""
    return f"\n{t(key + '_short', lang)}" if short else f"; {t(key, lang)}"
