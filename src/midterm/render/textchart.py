"""A small chart drawn in characters, readable without colour."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from midterm.i18n import Lang
from midterm.words import num, t

if TYPE_CHECKING:
    from midterm.scoring import Detail, Window


def chart(detail: Detail, w: Window, lang: Lang, width: int, height: int = 10) -> list[tuple[str, list[str]]]:
    """A small plot as lines of text, each with a style per character ("" for none).

    o observed, L and C each method's projection (dots between years), = the target's ends.
    Readable without colour: every series has its own character.
    """
    metric = detail.score.metric
    points = [(x, y) for x, y in detail.points if x <= w.end]
    if not points:
        return [(t("no_chart", lang), [""] * len(t("no_chart", lang)))]
    anchor = points[-1]
    lines = {
        m: [anchor] + [(float(x), v) for x, v in zip(detail.ahead, detail.path[m], strict=True) if v is not None]
        for m in ("cagr", "linear")
    }
    if metric.kind == "average-growth":  # rates: the trend starts from the latest yearly rate
        lines = {m: [anchor] + pts[1:] for m, pts in lines.items()}
    target = metric.target
    ends = list(target) if isinstance(target, tuple) else ([] if target is None else [target])
    band = band_points(detail, anchor)
    ys = [y for _, y in points] + [y for pts in lines.values() for _, y in pts] + ends
    ys += [y for _, lo_y, hi_y in band for y in (lo_y, hi_y)]
    lo, hi = min(ys), max(ys)
    if not math.isfinite(hi - lo):
        return [(t("no_chart", lang), [""] * len(t("no_chart", lang)))]
    if hi - lo <= 1e-9 * max(abs(lo), abs(hi), 1.0):  # one value: a band around it, wide enough to
        pad = max(abs(hi) * 0.01, 1.0)  # survive rounding (at 1e16, hi + 1 == hi)
        lo, hi = lo - pad, hi + pad
    if not (math.isfinite(hi - lo) and hi > lo):  # no band fits near the float limit
        return [(t("chart_too_large", lang), [""] * len(t("chart_too_large", lang)))]
    labels = [num(hi, lang), num(lo, lang)]
    pad = max(len(s) for s in labels) + 1
    plot = max(20, min(60, width - pad - 2))
    grid = [[" "] * plot for _ in range(height)]
    style = [[""] * plot for _ in range(height)]

    def col(x: float) -> int:
        return round((x - w.baseline) / (w.end - w.baseline) * (plot - 1))

    def row(y: float) -> int:
        return round((hi - y) / (hi - lo) * (height - 1))

    def put(x: float, y: float, char: str, look: str) -> None:
        if not math.isfinite((hi - y) / (hi - lo)):
            return
        c, r = col(x), row(y)
        if 0 <= c < plot and 0 <= r < height:
            grid[r][c], style[r][c] = char, look

    # the chosen method's 80% range, shaded from the latest observation to the end year
    for (x0, lo0, hi0), (x1, lo1, hi1) in zip(band, band[1:], strict=False):
        for c in range(col(x0), col(x1) + 1):
            k = (c - col(x0)) / max(1, col(x1) - col(x0))
            top, bottom = row(hi0 + (hi1 - hi0) * k), row(lo0 + (lo1 - lo0) * k)
            for r in range(max(0, top), min(height - 1, bottom) + 1):
                if 0 <= c < plot:
                    grid[r][c], style[r][c] = "░", "dim"
    for end in ends:
        for c in range(plot):
            grid[row(end)][c], style[row(end)][c] = "=", "green"
    for method, mark, look in (("cagr", "C", "magenta"), ("linear", "L", "cyan")):
        pts = lines[method]
        for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
            steps = max(1, col(x1) - col(x0))
            for k in range(1, steps):
                put(x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps, "." if method == "linear" else ":", look)
            put(x1, y1, mark, look)
    for x, y in points:
        put(x, y, "o", "bold")
    out = []
    for r in range(height):
        label_text = labels[0] if r == 0 else (labels[1] if r == height - 1 else "")
        prefix = label_text.rjust(pad - 1) + " |"
        out.append((prefix + "".join(grid[r]), [""] * len(prefix) + style[r]))
    axis = [" "] * plot
    for year in range(w.baseline, w.end + 1):
        c = min(max(col(year) - 2, 0), plot - 4)
        if all(ch == " " for ch in axis[max(0, c - 1) : c + 4]):
            axis[c : c + 4] = list(str(year))
    prefix = " " * pad + " "
    out.append((" " * (pad - 1) + " +" + "-" * plot, [""] * (pad + 1 + plot)))
    out.append((prefix + "".join(axis), [""] * (len(prefix) + plot)))
    legend = t("legend", lang) + ("   " + t("chart_band", lang, method=detail.score.chosen) if band else "")
    out.append((prefix + legend, [""] * (len(prefix) + len(legend))))
    return out


def band_points(detail: Detail, anchor: tuple[float, float]) -> list[tuple[float, float, float]]:
    """(time, low, high) of the chosen method's range, from the latest observation (where it has no
    width) through each projected year that has one; empty without a range."""
    ranged = [(float(x), r[0], r[1]) for x, r in zip(detail.ahead, detail.band, strict=False) if r is not None]
    if not ranged or not all(math.isfinite(v) for _, lo, hi in ranged for v in (lo, hi)):
        return []
    return [(anchor[0], anchor[1], anchor[1]), *ranged]
