"""Files to models. Every problem names its file and its place in it (FORMAT.md).

The loader never raises for bad input: it returns the problems it found beside whatever it
could build, so every command reports bad data the same way `midterm validate` does. It
orchestrates the checks, each in its module:

- `shapes`: a parsed file against the models' shapes (pydantic), in our words;
- `plan`: targets.toml and the rules between its fields;
- `year_file`: one actuals/YEAR.toml and its observations;
- `across_years`: what only the year files together show;
- `strays`: files in actuals/ that look like year files but are not read;
- `spelling`: the nearest known words, for "did you mean ...?".
"""

from __future__ import annotations

import os
from pathlib import Path

from midterm.files import YEAR_FILE, ParseAhead, Parsed, display, displays, path_text
from midterm.models import Dataset, Observed, Targets
from midterm.problems import Problem, Report

from .across_years import Entry, Place, cross_year_rules
from .plan import check_targets
from .year_file import Index, check_year_file

__all__ = ["check_paths", "check_targets", "check_year_file", "load_folder"]


def load_folder(folder: Path, texts: dict[Path, str] | None = None, warnings: bool = True) -> Report:
    """targets.toml and actuals/ of one plan folder: the dataset, or the problems that stop it.

    `texts` stands in for year files as they are about to be written, so a change is checked
    with the whole plan before it reaches the disk. Without `warnings`, only what stops the
    data is looked for: the commands that read data show no warning or notice, and skip them.
    """
    texts = texts or {}
    report = Report()
    targets_path = folder / "targets.toml"
    if not os.path.lexists(targets_path):  # a broken link is read, to say where it leads
        report.problems.append(Problem(display(targets_path), "no_targets"))
        return report
    actuals = folder / "actuals"
    files: list[Path] = []
    missing: Problem | None = None
    if not actuals.is_dir():
        missing = Problem(display(actuals), "no_actuals")
    else:
        try:
            files = sorted({p for p in actuals.iterdir() if p.suffix == ".toml"} | set(texts))
        except OSError as e:
            missing = Problem(display(actuals), "unreadable", {"reason": e.strerror or type(e).__name__})
    with ParseAhead([p for p in files if YEAR_FILE.match(p.stem)], texts) as ahead:
        report.files += 1
        targets, parsed_targets = check_targets(targets_path, report.problems)
        if missing is not None:
            report.problems.append(missing)
            return report
        _check_year_files(report, files, targets, texts, warnings, ahead, (targets_path, parsed_targets))
    if warnings:
        from .strays import stray_year_files

        report.problems.extend(stray_year_files(actuals))
    return report


def _check_year_files(
    report: Report,
    files: list[Path],
    targets: Targets | None,
    texts: dict[Path, str],
    warnings: bool,
    ahead: ParseAhead,
    plan_file: tuple[Path, Parsed | None],
) -> None:
    """Each year file, then what only the years together show; the dataset when nothing stops it."""
    targets_path, parsed_targets = plan_file
    years: list[int] = []
    index = Index.of(targets) if targets is not None else None
    by_metric: dict[str, list[Observed]] = {}
    located: dict[str, list[Entry]] = {}
    # where the cross-year rules look: running totals always (their errors stop the data), every
    # metric when warnings are wanted too (jumps, totals and averages against the yearly values)
    crossed = (
        {m.id for i in targets.indicators for m in i.metrics if warnings or m.kind == "cumulative"}
        if targets
        else set()
    )
    shown = displays(files)
    for path in files:
        report.files += 1
        outcome = ahead.get(path) if YEAR_FILE.match(path.stem) else None
        result = check_year_file(path, targets, report.problems, texts.get(path), index, outcome, shown[path])
        if result is None:
            continue
        year, found, parsed = result
        years.append(year)
        place = Place(shown[path], parsed.text)  # the parsed document is let go
        for metric_id, obs, parts in found:
            observed = Observed(year, obs)
            by_metric.setdefault(metric_id, []).append(observed)
            if metric_id in crossed:
                located.setdefault(metric_id, []).append(Entry(observed, parts, place))
    if targets is None:
        return
    report.problems.extend(cross_year_rules(targets, located, warnings))
    for i, ind in enumerate(targets.indicators if warnings else ()):
        for j, m in enumerate(ind.metrics):
            if m.id not in by_metric:
                parts = ("indicators", i, "metrics", j)
                line = parsed_targets.locator.line(parts) if parsed_targets else None
                report.problems.append(
                    Problem(
                        display(targets_path),
                        "no_observation",
                        {"id": m.id},
                        severity="notice",
                        path=path_text(parts),
                        line=line,
                    )
                )
    if not report.errors:
        report.dataset = Dataset(
            targets=targets,
            years=tuple(sorted(years)),
            observations={k: tuple(v) for k, v in by_metric.items()},
        )


def check_paths(paths: list[Path]) -> Report:
    """Plan folders, targets.toml files (their whole folder) and single year files.

    A year file is checked against the targets.toml in the folder above it, unless its whole
    folder is checked anyway: each problem is reported once.
    """
    report = Report()
    folders: list[Path] = []
    singles: list[Path] = []
    for path in paths:
        if path.is_dir():
            folders.append(path)
        elif path.name == "targets.toml":
            folders.append(path.parent)
        else:
            singles.append(path)
    seen: set[Path] = set()
    for folder in folders:
        key = Path(os.path.abspath(folder))
        if key in seen:
            continue
        seen.add(key)
        sub = load_folder(folder)
        report.problems.extend(sub.problems)
        report.files += sub.files
        report.dataset = report.dataset or sub.dataset
    for path in singles:
        key = Path(os.path.abspath(path))
        if key.parent.parent in seen or key in seen:
            continue
        seen.add(key)
        report.files += 1
        if path.suffix != ".toml":
            report.problems.append(Problem(display(path), "not_a_plan"))
            continue
        targets_path = path.parent.parent / "targets.toml"
        targets = None
        if targets_path.is_file():
            targets, _ = check_targets(targets_path, report.problems)
        check_year_file(path, targets, report.problems)
    return report
