"""How a verdict is computed: METHOD as pure functions. No I/O, no printing.

- `arithmetic`: comparing with a target, trends, averages, time, bounds;
- `kinds`: one metric's verdict, a rule per kind of target;
- `progress`: the graded progress and score, as SDG platforms compute them;
- `views`: the as-of window, indicators, the summary, and `status`, `project`, `show`;
- `backtesting`: the review replayed against what happened later (`backtest`);
- `reviewing`: everything the review document (`midterm report`) writes down (`review`).

The last two load when first asked for: `status` needs neither, and importing them is a tenth of
its start-up. (Their modules are not named like their functions, so importing one cannot replace
the function on this package with the module.)
"""

from typing import TYPE_CHECKING, Any

from .arithmetic import METHODS, Method, average, cagr, meets, slope, tau, trend_line
from .kinds import Series, score_metric
from .results import (
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

if TYPE_CHECKING:
    from .backtesting import Backtest, backtest, observed_figure
    from .reviewing import Chart, Point, Review, ReviewIndicator, ReviewMetric, review

_LATER = {
    **dict.fromkeys(("Backtest", "backtest", "observed_figure"), "backtesting"),
    **dict.fromkeys(("Chart", "Point", "Review", "ReviewIndicator", "ReviewMetric", "review"), "reviewing"),
}


def __getattr__(name: str) -> Any:
    if name not in _LATER:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{_LATER[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "METHODS",
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
