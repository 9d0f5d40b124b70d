"""Start-up and scale of `midterm`, measured as whole processes against floors that no
implementation on this stack can beat.

    python benchmarks/run.py            # the full run, written to benchmarks/RESULTS.md
    python benchmarks/run.py --quick    # 3 runs a command, sizes up to 1,000, nothing written

Floors: a trivial typer app printing a fixed JSON string (framework), the same app printing a
rich table of the same size with fixed strings (table), and one process that imports typer and
pydantic and only tomllib-parses the same files (parse). Every figure is the median of
interleaved runs; peak memory is the child's maximum resident set size (os.wait4).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KINDS = ["level", "cumulative", "annual", "average-growth", "trend"]
YEARS = range(2020, 2026)  # six years of observations in a ten-year plan, so every method projects
SIMPLE = "20,000 (one a year)"  # 20,000 metrics with one observation per metric and year
REPORT_BLOCK = "<!-- report:begin -->"  # benchmarks/report.py writes its figures from there on
HISTORY_BLOCK = "<!-- history:begin -->"  # earlier figures, written by hand with their dates: kept as they are


def midterm() -> list[str]:
    script = Path(sys.executable).with_name("midterm")
    return [str(script)] if script.exists() else [sys.executable, "-m", "midterm"]


# ---------------------------------------------------------------- synthetic plans


def synthetic_plan(folder: Path, metrics: int, simple: bool = False, plan_id: str = "synthetic") -> Path:
    """A valid plan of `metrics` metrics, five to an indicator, every kind, with running
    totals and period aggregates that agree with the yearly values; `simple`: one observation
    per metric and year, nothing else."""
    import tomli_w

    (folder / "actuals").mkdir(parents=True)
    indicators = []
    years: dict[int, dict[str, object]] = {y: {"year": y} for y in YEARS}
    for k in range(metrics):
        kind = KINDS[k % len(KINDS)]
        metric: dict[str, object] = {
            "id": f"m{k}",
            "name": f"Chỉ số {k}",
            "name_en": f"Metric {k}",
            "unit": "đơn vị",
            "kind": kind,
            "direction": "down" if k % 7 == 3 and kind != "cumulative" else "up",
        }
        base = 50 + (k * 37) % 400
        if kind == "average-growth":
            metric["target"] = [6.0, 7.0]
        elif kind == "cumulative":
            metric["target"] = base * 12
        elif kind != "trend":
            metric["target"] = base * 1.3
        if k % len(KINDS) == 0:
            indicators.append({"id": f"i{k // 5}", "no": k // 5 + 1, "name": f"Chỉ tiêu {k // 5}", "metrics": []})
        indicators[-1]["metrics"].append(metric)  # type: ignore[attr-defined]
        rates = []
        for year in YEARS:
            value = base * (1 + 0.04 * (year - 2020) + 0.01 * ((k + year) % 3))
            if kind == "average-growth":
                value = 5 + ((k + year) % 5) * 0.7
                rates.append(value)
            source = f"Báo cáo năm {year}, biểu {k}"
            entry: object = {
                "value": round(value, 2),
                "basis": "official" if year < 2024 else "estimate",
                "source": source,
            }
            if kind == "cumulative" and year == 2023 and not simple:  # a mid-year running total instead of the flow
                total = sum(base * (1 + 0.04 * (y - 2020) + 0.01 * ((k + y) % 3)) for y in range(2021, 2023))
                entry = {
                    "value": round(total * 1.2, 2),
                    "to_date": True,
                    "as_of": dt.date(2023, 6, 30),
                    "source": source,
                }
            if kind == "average-growth" and year == 2023 and not simple:  # the yearly rate and the period aggregate
                product = math.prod(1 + g / 100 for g in rates[1:])
                average = (product ** (1 / len(rates[1:])) - 1) * 100
                entry = [entry, {"value": round(average, 2), "since": 2021, "source": source}]
            years[year][f"m{k}"] = entry
    plan = {
        "plan": {"id": plan_id, "name": "Kế hoạch tổng hợp", "baseline_year": 2020, "end_year": 2030},
        "indicators": indicators,
    }
    (folder / "targets.toml").write_text(tomli_w.dumps(plan), encoding="utf-8")
    for year, doc in years.items():
        (folder / "actuals" / f"{year}.toml").write_text(tomli_w.dumps(doc), encoding="utf-8")
    return folder


def commune_plans(folder: Path, plans: int, metrics: int) -> Path:
    """A folder of `plans` plan folders of `metrics` metrics each: the communes of a province."""
    for k in range(plans):
        synthetic_plan(folder / f"xa-{k:04d}", metrics, simple=True, plan_id=f"xa-{k:04d}")
    return folder


def shipped_plan(folder: Path) -> Path:
    folder.mkdir(parents=True)
    shutil.copy(ROOT / "targets.toml", folder / "targets.toml")
    shutil.copytree(ROOT / "actuals", folder / "actuals")
    return folder


# ---------------------------------------------------------------- floors

FRAMEWORK = """
import typer
app = typer.Typer()
@app.command()
def main() -> None:
    print('{"plan": "synthetic", "indicators": []}')
app()
"""

TABLE = """
import sys
import typer
app = typer.Typer()
ROWS = int(sys.argv.pop(1))
@app.command()
def main() -> None:
    from rich.console import Console
    from rich.table import Table
    table = Table(title="Kế hoạch")
    for name in ("TT", "Chỉ tiêu / chỉ số", "Mới nhất", "Mục tiêu", "Dự báo", "Đánh giá", "Báo cáo"):
        table.add_column(name)
    for k in range(ROWS):
        table.add_row(str(k), "Tỷ lệ lao động qua đào tạo\\ncần +1,4/năm", "43,2\\n2023 ước", "46-48", "46,01",
                      "đúng lộ trình", "khó đạt")
    Console().print(table)
app()
"""

PARSE = """
import sys, tomllib
from pathlib import Path
import typer, pydantic
folder = Path(sys.argv[1])
plans = [folder] if (folder / "targets.toml").exists() else sorted(p for p in folder.iterdir() if p.is_dir())
for plan in plans:
    for path in [plan / "targets.toml", *sorted((plan / "actuals").glob("*.toml"))]:
        tomllib.loads(path.read_text(encoding="utf-8"))
"""


# ---------------------------------------------------------------- measuring


# A child started from a big process counts that process's pages in its peak memory until it
# execs (vfork shares them): so each command is started, timed and measured by this small one.
LAUNCHER = """
import os, subprocess, sys, time
argv = [a for a in sys.argv[2:] if "=" not in a or a.startswith("-")]
env = dict(os.environ, **dict(a.split("=", 1) for a in sys.argv[2:] if "=" in a and not a.startswith("-")))
with open(sys.argv[1], "wb") as sink:
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=sink, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
print(wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_once(argv: list[str], cwd: Path, out: Path) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process, stdout to a file. Arguments of the form
    NAME=VALUE are set in the process's environment instead."""
    # .pyc files are written on the warm-up run, as an installed package has them
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(COLUMNS="100", NO_COLOR="1")
    launcher = out.with_name("launcher.py")
    if not launcher.exists():
        launcher.write_text(LAUNCHER, encoding="utf-8")
    report = subprocess.run(
        [sys.executable, str(launcher), str(out), *argv], cwd=cwd, env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    wall, peak_kb, code = float(report[0]), int(report[1]), int(report[2])
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} exited {code}")
    return wall, peak_kb / 1024


def measure(
    commands: dict[str, tuple[list[str], Path]], runs: int, work: Path
) -> dict[str, tuple[float, float, float, float]]:
    """Median wall time and peak memory of each command, the commands interleaved run by run
    (a shared machine's slow spells then fall on every command alike)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
    for argv, cwd in commands.values():  # one warm-up each: the file cache, .pyc files
        run_once(argv, cwd, work / "out")
    for _ in range(runs):
        for name, (argv, cwd) in commands.items():
            wall, peak = run_once(argv, cwd, work / "out")
            times[name].append(wall)
            peaks[name] = max(peaks[name], peak)
    return {
        name: (statistics.median(times[name]), peaks[name], min(times[name]), max(times[name])) for name in commands
    }


def counts(folder: Path) -> tuple[int, int]:
    """Indicators and metrics of a plan: the rows of its status table."""
    import tomllib

    indicators = tomllib.loads((folder / "targets.toml").read_text(encoding="utf-8")).get("indicators", [])
    return len(indicators), sum(len(i.get("metrics", [])) for i in indicators)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs, sizes up to 1,000, no RESULTS.md")
    parser.add_argument(
        "--one-process", action="store_true", help="also time 20,000 metrics with MIDTERM_WORKERS=1 (a minute more)"
    )
    # the small plans' figures are the ones a shared machine's noise moves most: many runs for them
    parser.add_argument("--runs", type=int, default=21, help="runs for the small plans (7 for the larger ones)")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    sizes = [15, 1000] if args.quick else [15, 1000, 20000]
    national = 100 if args.quick else 1000  # commune plans of 30 metrics
    started = time.perf_counter()
    lines: list[str] = []

    def say(text: str = "") -> None:
        print(text, flush=True)
        lines.append(text)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        apps = {name: work / f"{name}.py" for name in ("framework", "table", "parse")}
        for name, source in zip(apps, (FRAMEWORK, TABLE, PARSE), strict=True):
            apps[name].write_text(source, encoding="utf-8")
        py, mt = sys.executable, midterm()
        plans = {"shipped": shipped_plan(work / "shipped")}
        for size in sizes:
            plans[f"{size:,}"] = synthetic_plan(work / f"plan-{size}", size)
        if not args.quick:
            plans[SIMPLE] = synthetic_plan(work / "plan-simple", 20000, simple=True)
        plans[f"{national:,} plans"] = commune_plans(work / "communes", national, 30)

        results: dict[str, dict[str, tuple[float, float, float, float]]] = {}
        for label, folder in plans.items():
            big = label in ("20,000", SIMPLE) or label.endswith("plans")
            commands: dict[str, tuple[list[str], Path]] = {
                "status --format json": ([*mt, "status", "--format", "json"], folder),
                "validate": ([*mt, "validate"], folder),
                "parse floor": ([py, str(apps["parse"]), str(folder)], folder),
            }
            if not big:  # a 20,000-row terminal table is nobody's use, and the slowest thing to time
                commands["status (table)"] = ([*mt, "status"], folder)
                commands["table floor"] = ([py, str(apps["table"]), str(sum(counts(folder)))], folder)
            elif args.one_process:  # below 2 MB of TOML there are no worker processes anyway
                commands["... in one process"] = ([*mt, "status", "--format", "json", "MIDTERM_WORKERS=1"], folder)
            if label.endswith("plans"):  # the roll-up: one line per plan, read by a pool of workers
                commands = {
                    "status --format json": ([*mt, "status", "--format", "json", "--data", str(folder)], folder),
                    "parse floor": ([py, str(apps["parse"]), str(folder)], folder),
                }
            if label == "shipped":
                commands["midterm --help"] = ([*mt, "--help"], folder)
                commands["framework floor"] = ([py, str(apps["framework"])], folder)
                commands["framework --help"] = ([py, str(apps["framework"]), "--help"], folder)
            count = 3 if args.quick else (runs if label in ("shipped", "15") else 7)
            results[label] = measure(commands, count, work)
            if label == "shipped":
                say(f"\nshipped plan (Bình Phước, {counts(folder)[1]} metrics)")
            elif label.endswith("plans"):
                say(f"\n{label} of 30 metrics (a folder of plan folders, one line each)")
            else:
                say(f"\n{label} metrics")
            for name, (wall, peak, low, high) in results[label].items():
                spread = f"({low * 1000:.0f}-{high * 1000:.0f})"
                say(f"  {name:<22} {wall * 1000:8.0f} ms {spread:>15}  {peak:7.1f} MB")

        checks: list[tuple[str, float, float]] = []

        def ratio(label: str, a: str, b: str, budget: float) -> None:
            value = results[label][a][0] / results[label][b][0]
            checks.append((f"{label}: {a} / {b}", value, budget))

        ratio("shipped", "status --format json", "framework floor", 1.2)
        ratio("shipped", "status (table)", "table floor", 1.2)
        ratio("shipped", "midterm --help", "framework --help", 1.1)
        budgets = {"20,000": 1.5, SIMPLE: 1.0, "1,000 plans": 1.0}
        for label in results:
            if label != "shipped":
                ratio(label, "status --format json", "parse floor", budgets.get(label, math.inf))
                if "... in one process" in results[label]:
                    ratio(label, "... in one process", "parse floor", math.inf)
        say("\nratios (budget)")
        for name, value, budget in checks:
            mark = "" if budget == math.inf else (f"  ≤ {budget}  " + ("ok" if value <= budget else "OVER"))
            say(f"  {name:<55} {value:5.2f}{mark}")
        if "20,000" in results:
            growth = results["20,000"]["status --format json"][0] / results["1,000"]["status --format json"][0]
            peak = results["20,000"]["status --format json"][1]
            say(
                f"  {'1,000 -> 20,000 metrics: status --format json time':<55} {growth:5.2f}  ≤ 25  "
                + ("ok" if growth <= 25 else "OVER")
            )
            say(
                f"  {'20,000 metrics: status --format json peak memory MB':<55} {peak:5.0f}  < 400  "
                + ("ok" if peak < 400 else "OVER")
            )
        rich_loaded = (
            subprocess.run(
                [
                    py,
                    "-c",
                    "import sys, runpy; sys.argv = ['midterm', 'status', '--format', 'json'];\n"
                    "try:\n    runpy.run_module('midterm', run_name='__main__')\nexcept SystemExit:\n    pass\n"
                    "print('rich' in sys.modules, file=sys.stderr)",
                ],
                cwd=plans["shipped"],
                capture_output=True,
                text=True,
            )
            .stderr.strip()
            .splitlines()[-1]
        )
        say(f"  {'status --format json imports rich':<55} {rich_loaded}")
        seconds = time.perf_counter() - started
        say(f"\nwhole run: {seconds:.0f} s")

    if not args.quick:
        machine = (
            f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, {platform.system()}"
        )
        body = "\n".join(lines).strip()
        text = (
            "# Benchmark results\n\n"
            f"`python benchmarks/run.py` on {dt.date.today().isoformat()}, {machine}.\n"
            f"Median of {runs} interleaved runs (7 for 1,000 metrics and more); "
            "wall time and peak resident memory.\n\n"
            f"```text\n{body}\n```\n"
        )
        results_md = ROOT / "benchmarks" / "RESULTS.md"
        old = results_md.read_text(encoding="utf-8") if results_md.exists() else ""
        marks = [old.find(m) for m in (HISTORY_BLOCK, REPORT_BLOCK) if m in old]
        kept = old[min(marks) :] if marks else ""  # earlier figures, and the report's own benchmark
        results_md.write_text(text + ("\n" + kept if kept else ""), encoding="utf-8")
        print(f"written to {ROOT / 'benchmarks' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
