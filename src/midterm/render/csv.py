"""CSV: numbers for spreadsheets and scripts, one row a metric."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

from . import Options
from .words import label, names_of, unit, why

if TYPE_CHECKING:
    from midterm.scoring import Projection, Status


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([["" if v is None else v for v in row] for row in rows])
    return buffer.getvalue()


def status(status: Status, opts: Options) -> str:
    lang = opts.lang
    names = names_of(status, lang)
    header = [
        "indicator_no",
        "indicator",
        "indicator_verdict",
        "official",
        "metric",
        "name",
        "unit",
        "kind",
        "direction",
        "latest_year",
        "latest_value",
        "latest_basis",
        "threshold",
        "projected",
        "verdict",
        "achieved",
        "robust",
        "linear_projected",
        "linear_verdict",
        "cagr_projected",
        "cagr_verdict",
        "required_pace",
        "observed_pace",
        "reason",
    ]
    rows = []
    for i in status.indicators:
        for s in i.metrics:
            latest = s.latest
            rows.append(
                [
                    i.indicator.no,
                    i.indicator.id,
                    i.verdict,
                    i.indicator.official,
                    s.metric.id,
                    label(s.metric, lang),
                    unit(s.metric, lang),
                    s.metric.kind,
                    s.metric.direction,
                    latest and latest.year,
                    latest and latest.value,
                    latest and latest.basis,
                    s.metric.threshold,
                    s.projected,
                    s.verdict,
                    s.achieved,
                    s.robust,
                    s.by_method["linear"].projected,
                    s.by_method["linear"].verdict,
                    s.by_method["cagr"].projected,
                    s.by_method["cagr"].verdict,
                    s.required_pace,
                    s.observed_pace,
                    why(s, lang, names),
                ]
            )
    return _csv(header, rows)


def project(projection: Projection, opts: Options) -> str:
    lang = opts.lang
    header = [
        "indicator",
        "metric",
        "name",
        "unit",
        "kind",
        "year",
        "threshold",
        "observed",
        "projected",
        "linear_projected",
        "cagr_projected",
        "gap",
        "verdict",
    ]
    rows = []
    for indicator, at in projection.metrics:
        m = at.score.metric
        gap = None if at.projected is None or m.threshold is None else at.projected - m.threshold
        rows.append(
            [
                indicator.id,
                m.id,
                label(m, lang),
                unit(m, lang),
                m.kind,
                at.year,
                m.threshold,
                at.observed,
                at.projected,
                at.by_method["linear"],
                at.by_method["cagr"],
                gap,
                at.score.verdict,
            ]
        )
    return _csv(header, rows)
