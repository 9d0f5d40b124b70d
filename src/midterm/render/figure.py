"""One chart of one metric, for Word (PNG) and the web page (SVG), drawn with matplotlib.

Observations are points (an estimate or a preliminary figure hollow), each method's projection
a line to the end year, the chosen method's 80% range a shaded band around its line, the target
a band (or a line), and where the metric cannot go further (0%, 100%) the limit a line of its
own. DejaVu Sans, which matplotlib bundles, has every Vietnamese letter; the SVG draws its text
as paths, so it looks the same with no font installed.

matplotlib is imported here only, when a document is written: no other command pays for it.
"""

from __future__ import annotations

import io
import math
from typing import TYPE_CHECKING, Any, Literal

from midterm.i18n import Lang
from midterm.scoring import METHODS
from midterm.words import num, t
from midterm.words.names import unit

from .annex import axis_number
from .phrases import target_text

if TYPE_CHECKING:
    from midterm.models import Metric
    from midterm.scoring import Chart, Method

INK = "#222222"
RATE = "#8C8C8C"  # the yearly rates beside an average: dots that inform, not the compared quantity
TARGET = "#1A7F37"
LIMIT = "#777777"
LINES: dict[str, dict[str, Any]] = {
    "linear": {"color": "#1F5FAD", "linestyle": "--"},
    "cagr": {"color": "#B35C00", "linestyle": ":"},
}
# Text as paths and a fixed salt for the SVG's ids: the same figures give the same file.
RC: dict[Any, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "svg.fonttype": "path",
    "svg.hashsalt": "midterm",
    "path.simplify": True,
}
NO_METADATA: dict[str, dict[str, Any]] = {
    "svg": {"Creator": None, "Date": None, "Format": None, "Type": None},
    "png": {"Software": None},
}


def chart(
    c: Chart, metric: Metric, method: Method, lang: Lang, fmt: Literal["png", "svg"], size: tuple[float, float]
) -> bytes:
    """The chart as PNG or SVG bytes; `size` in inches."""
    import matplotlib

    matplotlib.use("Agg")  # no display, no GUI toolkit: the same on a server and a laptop
    from matplotlib.figure import Figure  # without pyplot: no global figures to close
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    c, power = _scaled(c)
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=size, dpi=150)
        ax = fig.add_subplot()
        low, high = _limits(c)
        first, last = c.years
        if c.target is not None:
            lo, hi = c.target
            name = f"{t('chart_target', lang)} {target_text(metric, lang)}"
            if hi - lo > 1e-12 * max(abs(hi), 1.0):
                ax.axhspan(lo, hi, color=TARGET, alpha=0.16, linewidth=0, label=name)
            else:
                ax.axhline(lo, color=TARGET, linewidth=1.4, label=name)
        for bound in c.bounds:
            if bound is not None and low <= bound <= high:
                label = t("chart_bound", lang, value=num(bound * 10.0**power, lang))
                ax.axhline(bound, color=LIMIT, linewidth=0.9, linestyle="-.", label=label)
        if c.band:  # the chosen method's 80% range, from the latest observation to the end year
            xs, lows, highs = zip(*c.band, strict=True)
            # in the chosen line's colour: the legend stays short ("khoảng 80%") and still says whose range
            colour = LINES[method]["color"]
            name = t("chart_range", lang)
            ax.fill_between(xs, lows, highs, color=colour, alpha=0.14, linewidth=0, zorder=1, label=name)
        if c.compared:  # an average-growth target: the average so far, the quantity the verdict compares
            xs, ys = zip(*c.compared, strict=True)
            name = t("chart_average", lang, start=int(xs[0]))
            ax.plot(xs, ys, color=INK, linewidth=1.8, marker="s", markersize=4.5, zorder=6, label=name)
        for m in METHODS:
            points = c.lines[m]
            if points:
                method_name = t(f"m_{m}", lang)
                name = t("chart_chosen", lang, method=method_name) if m == method else method_name
                xs, ys = zip(*points, strict=True)
                ax.plot(xs, ys, linewidth=1.6, label=name, **LINES[m])
                ax.plot(xs[-1:], ys[-1:], marker="D", markersize=4, color=LINES[m]["color"], linestyle="none")
        official = [p for p in c.observed if p.basis == "official"]
        marked = [p for p in c.observed if p.basis != "official"]
        if official:
            ax.plot(
                [p.x for p in official],
                [p.y for p in official],
                "o",
                color=RATE if c.compared else INK,
                markersize=5.5 if not c.compared else 4.5,
                zorder=5,
                label=t("chart_rates" if c.compared else "chart_observed", lang),
            )
        if marked:
            ax.plot(
                [p.x for p in marked],
                [p.y for p in marked],
                "o",
                markerfacecolor="white",
                markeredgecolor=RATE if c.compared else INK,
                markeredgewidth=1.4,
                markersize=5.5 if not c.compared else 4.5,
                zorder=5,
                label=t("chart_rates_estimate" if c.compared else "chart_estimate", lang),
            )
        if first <= c.as_of <= last:
            ax.axvline(c.as_of, color="#AAAAAA", linewidth=0.8, zorder=0, label=f"{t('h_as_of', lang)} {c.as_of}")
        ax.set_xlim(first - 0.3, last + 0.3)
        ax.set_ylim(low, high)
        if last - first <= 15:  # a year a tick; a term of thousands of years (a typo) gets a few
            ax.set_xticks(range(first, last + 1))
        else:
            ax.xaxis.set_major_locator(MaxNLocator(10, integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: str(int(round(x)))))
        ax.yaxis.set_major_locator(MaxNLocator(5))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: axis_number(y, metric, lang)))
        ax.set_xlabel(t("chart_year", lang), fontsize=8, color="#444444")
        ax.set_ylabel(axis_title(metric, lang, power), fontsize=8, color="#444444")
        ax.grid(axis="y", color="#E5E5E5", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # Fixed margins rather than a layout engine, which draws every figure twice: the tick
        # labels on the left, the legend's rows below.
        columns = _legend(fig, 3 if size[0] >= 6 else 2)
        rows = -(-len(ax.get_legend_handles_labels()[1]) // columns)
        bottom = (0.32 + 0.17 * rows) / size[1]
        bottom += 0.18 / size[1]  # the x-axis title
        fig.subplots_adjust(left=0.95 / size[0], right=1 - 0.1 / size[0], top=1 - 0.08 / size[1], bottom=bottom)
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata=NO_METADATA[fmt])
    return buffer.getvalue()


def _legend(fig: Any, columns: int) -> int:
    """The legend below the plot in as many columns as fit the figure's width (long names, such as
    the average a target compares, would otherwise be cut at the edges); the columns used."""
    while True:
        legend = fig.legend(
            loc="lower center", ncol=columns, frameon=False, fontsize=8, handlelength=2.2, borderaxespad=0.1
        )
        if columns == 1 or legend.get_window_extent().width <= fig.bbox.width:
            return columns
        legend.remove()
        columns -= 1


def axis_title(metric: Metric, lang: Lang, power: int = 0) -> str:
    """The value axis's title: the unit, and the power of ten its ticks are in for huge figures."""
    text = unit(metric, lang).strip() or t("chart_value", lang)
    return f"{text} (× 10^{power})" if power else text


def _scaled(c: Chart) -> tuple[Chart, int]:
    """Figures near the float limit drawn in a power of ten (matplotlib's transforms overflow there,
    "Singular matrix"): the chart is the same, its axis title names the power."""
    ys = [p.y for p in c.observed] + [y for line in c.lines.values() for _, y in line]
    ys += [y for _, y in c.compared] + list(c.target or ()) + [b for b in c.bounds if b is not None]
    ys += [y for _, lo, hi in c.band for y in (lo, hi)]
    largest = max((abs(y) for y in ys), default=0.0)
    if largest < 1e15:
        return c, 0
    power = int(math.floor(math.log10(largest))) - 2
    k = 10.0**-power
    lo, hi = c.bounds

    def down(v: float) -> float:
        return v * k

    return (
        c._replace(
            observed=[p._replace(y=down(p.y)) for p in c.observed],
            lines={m: [(x, down(y)) for x, y in line] for m, line in c.lines.items()},
            target=None if c.target is None else (down(c.target[0]), down(c.target[1])),
            bounds=(None if lo is None else down(lo), None if hi is None else down(hi)),
            compared=[(x, down(y)) for x, y in c.compared],
            band=[(x, down(lo), down(hi)) for x, lo, hi in c.band],
        ),
        power,
    )


def _limits(c: Chart) -> tuple[float, float]:
    """The y-axis: every point, line and target end with some room, never past a bound."""
    ys = [p.y for p in c.observed] + [y for line in c.lines.values() for _, y in line]
    ys += list(c.target or ()) + [y for _, y in c.compared] + [y for _, lo, hi in c.band for y in (lo, hi)]
    low, high = min(ys), max(ys)
    pad = (high - low) * 0.12 or max(abs(high) * 0.1, 1.0)
    low, high = low - pad, high + pad
    lo, hi = c.bounds
    if lo is not None and low < lo:  # room below the limit for its line to show
        low = lo - pad * 0.4
    if hi is not None and high > hi:
        high = hi + pad * 0.4
    return low, high
