"""How a verdict is computed: METHOD as pure functions. No I/O, no printing.

- `arithmetic`: comparing with a target, trends, averages, time, bounds;
- `kinds`: one metric's verdict, a rule per kind of target;
- `progress`: the graded progress and score, as SDG platforms compute them;
- `views`: the as-of window, indicators, the summary, and `status`, `project`, `show`;
- `backtest`: the review replayed against what happened later;
- `review`: everything the review document (`midterm report`) writes down.
"""

from .arithmetic import METHODS, Method, average, cagr, meets, slope, tau, trend_line
from .backtest import Backtest, backtest, observed_figure
from .kinds import Series, score_metric
from .results import (
    DECIDED,
    HARD,
    IMPROVING,
    INSUFFICIENT,
    NA,
    ON_TRACK,
    STABLE,
    WORSENING,
    ByMethod,
    Detail,
    IndicatorScore,
    Latest,
    MetricAt,
    MetricScore,
    PlanRow,
    Progress,
    Projection,
    Reason,
    Shown,
    Status,
    Summary,
    Window,
)
from .review import Chart, Point, Review, ReviewIndicator, ReviewMetric, review
from .views import (
    AsOf,
    find,
    known_ids,
    option_error,
    plan_row,
    project,
    score_indicator,
    show,
    status,
    summarise,
    window,
)

__all__ = [
    "DECIDED",
    "HARD",
    "IMPROVING",
    "INSUFFICIENT",
    "METHODS",
    "NA",
    "ON_TRACK",
    "STABLE",
    "WORSENING",
    "AsOf",
    "Backtest",
    "ByMethod",
    "Chart",
    "Detail",
    "IndicatorScore",
    "Latest",
    "Method",
    "MetricAt",
    "MetricScore",
    "PlanRow",
    "Point",
    "Progress",
    "Projection",
    "Reason",
    "Review",
    "ReviewIndicator",
    "ReviewMetric",
    "Series",
    "Shown",
    "Status",
    "Summary",
    "Window",
    "average",
    "backtest",
    "cagr",
    "find",
    "known_ids",
    "meets",
    "observed_figure",
    "option_error",
    "plan_row",
    "project",
    "review",
    "score_indicator",
    "score_metric",
    "show",
    "slope",
    "status",
    "summarise",
    "tau",
    "trend_line",
    "window",
]

