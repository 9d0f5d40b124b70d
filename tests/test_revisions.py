"""Figures get revised (issue 21), through the command line: `--as-of DATE` in every command,
`show` listing each figure's revisions, the real-time backtest, `record --revision`, and the
hostile cases."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tomllib
from pathlib import Path

import pytest

from conftest import NEGATIVE, ROOT, Run
from midterm.load import load_folder

# The test plan's 2021 growth: first given as 4.0 on 6/12/2021, then as 6.3 on 20/1/2022.
REVISED_2021 = """year = 2021

[growth]
value = 6.3
published = 2022-01-20
source = "thử, lần hai"
revisions = [
  { value = 4.0, published = 2021-12-06, basis = "estimate", source = "thử, lần đầu" },
]

[income]
value = 74
source = "thử"

[farm-share]
value = 23
source = "thử"

[investment]
value = 30000
source = "thử"

[poor-reduced]
value = 2378
source = "thử"

[rank]
value = 50
source = "thử"
"""


@pytest.fixture
def revised(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The small test plan, its 2021 growth revised, as the current folder."""
    folder = tmp_path / "plan"
    shutil.copytree(NEGATIVE / "_base", folder)
    (folder / "actuals" / "2021.toml").write_text(REVISED_2021, encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def flat(text: str) -> str:
    """A table's text with its lines joined, as a reader reads a wrapped caption."""
    return " ".join(text.split())


def as_json(run: Run, *args: str) -> dict:  # type: ignore[type-arg]
    result = run(*args, "--format", "json", "--lang", "en")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_revised_plan_validates(run: Run, revised: Path) -> None:
    assert run("validate", "--strict").exit_code == 0


# ---------------------------------------------------------------- --as-of DATE in the views


def test_status_as_of_a_day_reads_the_figure_then_and_names_the_day(run: Run, revised: Path) -> None:
    doc = as_json(run, "status", "--as-of", "2021-12-31")
    assert (doc["as_of"], doc["as_of_date"], doc["earlier_vintages"], doc["unpublished"]) == (2021, "2021-12-31", 1, 0)
    [growth] = [m for i in doc["indicators"] for m in i["metrics"] if m["id"] == "growth"]
    assert (growth["latest"]["value"], growth["latest"]["basis"]) == (4.0, "estimate")
    # the year reads the figure in force
    doc = as_json(run, "status", "--as-of", "2021")
    [growth] = [m for i in doc["indicators"] for m in i["metrics"] if m["id"] == "growth"]
    assert growth["latest"]["value"] == 6.3 and doc["as_of_date"] is None and doc["earlier_vintages"] == 0
    # before anything of 2021 was published, only 2020 is known
    doc = as_json(run, "status", "--as-of", "2021-06-30")
    assert doc["unpublished"] == 6
    table = flat(run("status", "--as-of", "2021-12-31", "--lang", "en").stdout)
    assert "what was known on 2021-12-31: figures at an earlier vintage than the one in force 1" in table
    vi = flat(run("status", "--as-of", "2021-12-31", "--lang", "vi").stdout)
    assert "số liệu đã biết vào ngày 31/12/2021: số theo bản công bố trước số đang dùng 1" in vi
    markdown = run("status", "--as-of", "2021-12-31", "--lang", "en", "--format", "markdown").stdout
    assert "what was known on 2021-12-31" in markdown


def test_csv_carries_the_day_and_the_count(run: Run, revised: Path) -> None:
    for command in ("status", "project"):
        text = run(command, "--as-of", "2021-12-31", "--format", "csv").stdout.lstrip("\ufeff")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {(r["as_of"], r["as_of_date"], r["earlier_vintages"]) for r in rows} == {("2021", "2021-12-31", "1")}
        text = run(command, "--as-of", "2021", "--format", "csv").stdout.lstrip("\ufeff")
        assert {(r["as_of_date"], r["earlier_vintages"]) for r in csv.DictReader(io.StringIO(text))} == {("", "0")}


def test_project_show_and_the_rollup_take_a_day(run: Run, revised: Path) -> None:
    project = as_json(run, "project", "--as-of", "2021-12-31", "--year", "2021")
    [growth] = [m for m in project["metrics"] if m["id"] == "growth"]
    assert growth["observed"] == pytest.approx(4.0) and project["as_of_date"] == "2021-12-31"
    shown = as_json(run, "show", "growth", "--as-of", "2021-12-31")
    series = {o["year"]: o for o in shown["metrics"][0]["series"]}
    assert sorted(series) == [2020, 2021]  # the later year files were not read then
    assert (series[2021]["value"], series[2021]["published"], series[2021]["revisions"]) == (4.0, "2021-12-06", [])
    rollup = as_json(run, "status", "--data", ".", "--data", str(ROOT), "--as-of", "2023-06-30")
    assert {p["as_of_date"] for p in rollup["plans"]} == {"2023-06-30"}


def test_report_names_the_day(run: Run, revised: Path) -> None:
    result = run("report", "--as-of", "2021-12-31", "--lang", "en", "--output", "r.html")
    assert result.exit_code == 0, result.output
    assert "The figures are those known on 2021-12-31" in Path("r.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- show


def test_show_lists_each_revision_and_how_far_it_moved(run: Run, revised: Path) -> None:
    table = flat(run("show", "growth", "--lang", "en").stdout)
    assert "published 2022-01-20" in table
    assert "earlier figure 4.00% (est., published 2021-12-06), revised by +2.30 points: thử, lần đầu" in table
    vi = flat(run("show", "growth", "--lang", "vi").stdout)
    assert "số công bố trước 4,00% (ước, ngày 06/12/2021), sau điều chỉnh +2,30 điểm: thử, lần đầu" in vi
    doc = as_json(run, "show", "growth")
    [year] = [o for o in doc["metrics"][0]["series"] if o["year"] == 2021]
    [earlier] = year["revisions"]
    assert earlier["value"] == 4.0 and earlier["published"] == "2021-12-06" and earlier["basis"] == "estimate"
    assert earlier["source"] == "thử, lần đầu" and earlier["moved"] == pytest.approx(2.3)


def test_show_of_the_shipped_plan_lists_its_revisions(run: Run) -> None:
    doc = as_json(run, "show", "grdp-growth")
    by_year = {o["year"]: o for o in doc["metrics"][0]["series"] if o["since"] is None}
    assert [r["value"] for r in by_year[2021]["revisions"]] == [5.35]
    assert [r["value"] for r in by_year[2023]["revisions"]] == [7.25]
    dong_nai = as_json(run, "show", "grdp", "--plan", "dong-nai-i", "--as-of", "latest")
    [grdp] = dong_nai["metrics"][0]["series"]
    sizes = [r["value"] for r in grdp["revisions"]] + [grdp["value"]]
    assert sizes == [700000, 694000, 751000, 678000, 677000]  # five sizes in four months
    assert all(r["source"] for r in grdp["revisions"])


# ---------------------------------------------------------------- backtest


def test_the_real_time_backtest_differs_from_the_revised_one(run: Run, revised: Path) -> None:
    real_time = as_json(run, "backtest", "--as-of", "2021-12-31")
    revised_view = as_json(run, "backtest", "--as-of", "2021")
    assert real_time["as_of_date"] == "2021-12-31" and revised_view["as_of_date"] is None

    def growth(doc: dict) -> list[tuple[int, float, float]]:  # type: ignore[type-arg]
        [m] = [m for m in doc["metrics"] if m["id"] == "growth"]
        return [(y["year"], y["observed"], y["by_method"]["linear"]["predicted"]) for y in m["years"]]

    now, then = growth(revised_view), growth(real_time)
    assert [(y, o) for y, o, _ in now] == [(y, o) for y, o, _ in then]  # both against the figures in force now
    assert all(a != b for (_, _, a), (_, _, b) in zip(now, then, strict=True))  # the revision moved the prediction
    table = flat(run("backtest", "--as-of", "2021-12-31", "--lang", "en").stdout)
    assert "Backtest: the review with what was known on 2021-12-31 against the year files to 2023" in table
    # with no revision and no dates, the last day of a year replays what the year does
    shutil.copy(NEGATIVE / "_base" / "actuals" / "2021.toml", revised / "actuals" / "2021.toml")
    last_day = growth(as_json(run, "backtest", "--as-of", "2021-12-31"))
    assert last_day == growth(as_json(run, "backtest", "--as-of", "2021"))


def test_the_docs_example_backtest_as_of_the_report(run: Run) -> None:
    real_time = as_json(run, "backtest", "--as-of", "2023-06-30")
    revised_view = as_json(run, "backtest", "--as-of", "2023")
    pick = [m for m in real_time["metrics"] if m["id"] == "grdp-growth"][0]["years"][0]["by_method"]["linear"]
    other = [m for m in revised_view["metrics"] if m["id"] == "grdp-growth"][0]["years"][0]["by_method"]["linear"]
    assert round(pick["predicted"], 2) == 8.27 and round(other["predicted"], 2) == 8.14  # as docs/cli.md shows


# ---------------------------------------------------------------- hostile options

COMMANDS = [["status"], ["project"], ["show", "growth"], ["backtest"], ["report", "-o", "x.html"]]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2023-02-30", "midterm: --as-of 2023-02-30 is not a day of the calendar (YYYY-MM-DD)\n"),
        ("20231", "midterm: --as-of 20231 is not a year, a date or latest: write 2023, 2023-09-30 or latest\n"),
        ("2023-6-30", "midterm: --as-of 2023-6-30 is not a year, a date or latest: write 2023, 2023-09-30 or latest\n"),
        ("2031-01-01", "midterm: --as-of 2031 is out of range: 2020..2030\n"),
    ],
)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_bad_day_is_one_line_and_exit_2(
    run: Run, revised: Path, command: list[str], value: str, message: str
) -> None:
    result = run(*command, "--as-of", value, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == message and result.stdout == ""
    assert not Path("x.html").exists()


# ---------------------------------------------------------------- record --revision


def entries(plan: Path, metric: str, year: int) -> list[dict]:  # type: ignore[type-arg]
    doc = tomllib.loads((plan / "actuals" / f"{year}.toml").read_text(encoding="utf-8"))
    entry = doc[metric]
    return entry if isinstance(entry, list) else [entry]


def test_record_revision_keeps_the_old_figure(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2022.toml"
    path.write_text("# the 2022 figures\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    [old] = [e for e in entries(plan, "grdp-growth", 2022) if "since" not in e]
    args = ["grdp-growth", "--year", "2022", "--value", "8.5", "--source", "Cục Thống kê, 2023"]
    result = run("record", *args, "--revision", "--published", "2023-12-20", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "revised grdp-growth for 2022 in actuals/2022.toml" in result.stderr
    [new] = [e for e in entries(plan, "grdp-growth", 2022) if "since" not in e]
    assert new["value"] == 8.5 and new["published"].isoformat() == "2023-12-20"
    [earlier] = new["revisions"]
    assert earlier["value"] == old["value"] and earlier["source"] == old["source"]
    assert earlier["published"].isoformat() == "2022-12-31"  # it counted from the end of its year
    assert path.read_text(encoding="utf-8").startswith("# the 2022 figures\n")
    assert load_folder(plan).ok(strict=True)
    # a correction of the new figure keeps its history
    fix = run("record", "grdp-growth", "--year", "2022", "--value", "8.51", "--source", "x", "--replace")
    assert fix.exit_code == 0, fix.output
    [fixed] = [e for e in entries(plan, "grdp-growth", 2022) if "since" not in e]
    assert fixed["revisions"] == new["revisions"] and fixed["published"] == new["published"]
    # a second revision goes after the first
    again = run("record", *args[:4], "8.6", "--source", "y", "--revision", "--published", "2024-06-01")
    assert again.exit_code == 0, again.output
    [last] = [e for e in entries(plan, "grdp-growth", 2022) if "since" not in e]
    assert [r["value"] for r in last["revisions"]] == [old["value"], 8.51]


def test_record_revision_refuses_an_old_figure_not_older_than_the_new(run: Run, plan: Path) -> None:
    before = (plan / "actuals" / "2022.toml").read_bytes()
    args = ["grdp-growth", "--year", "2022", "--value", "8.5", "--source", "s", "--revision", "--lang", "en"]
    result = run("record", *args, "--published", "2022-06-01")
    assert result.exit_code == 1
    assert (
        "actuals/2022.toml:7: error: [grdp-growth].revisions[0].published: a revision published 2022-12-31 "
        "is not older than the figure in force (2022-06-01" in result.stderr
    )
    assert "check --published, or give the old figure's day with --old-published DATE" in result.stderr
    assert (plan / "actuals" / "2022.toml").read_bytes() == before
    fixed = run("record", *args, "--published", "2022-06-01", "--old-published", "2022-03-01")
    assert fixed.exit_code == 0, fixed.output
    [new] = [e for e in entries(plan, "grdp-growth", 2022) if "since" not in e]
    assert new["revisions"][0]["published"].isoformat() == "2022-03-01"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--year", "2025", "--published", "2026-01-05"],
            "actuals/2025.toml has no figure of grdp-growth for 2025 to revise",
        ),
        (["--year", "2022", "--replace", "--published", "2023-01-01"], "--revision keeps the old figure, --replace"),
        (["--year", "2022"], "--revision needs --published DATE"),
        (["--year", "2022", "--published", "2023-02-30"], "--published 2023-02-30 is not a day of the calendar"),
        (["--year", "2022", "--published", "20/12/2023"], "--published 20/12/2023 is not a date: write it as"),
    ],
)
def test_record_revision_usage_errors(run: Run, plan: Path, extra: list[str], message: str) -> None:
    before = {p.name: p.read_bytes() for p in (plan / "actuals").iterdir()}
    result = run("record", "grdp-growth", "--value", "8.5", "--source", "s", "--revision", *extra, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert {p.name: p.read_bytes() for p in (plan / "actuals").iterdir()} == before


def test_old_published_without_revision_is_refused(run: Run, plan: Path) -> None:
    args = ["grdp-growth", "--year", "2022", "--value", "8.5", "--source", "s", "--old-published", "2022-01-01"]
    result = run("record", *args, "--replace", "--lang", "en")
    assert result.exit_code == 2
    assert "--old-published dates the figure a --revision replaces" in result.stderr


def test_a_year_reads_revised_figures_and_says_so(run: Run, revised: Path) -> None:
    """`--as-of 2021` reads the figures in force now; the revision published in 2022 is counted, and
    the view says how to read what was known on 31/12/2021, so the revised view is never silent."""
    doc = as_json(run, "status", "--as-of", "2021")
    assert (doc["as_of_date"], doc["published_later"]) == (None, 1)
    table = flat(run("status", "--as-of", "2021", "--lang", "en").stdout)
    assert "1 of the figures read were published after 2021-12-31" in table
    assert "--as-of 2021-12-31" in table
    assert as_json(run, "status", "--as-of", "2021-12-31")["published_later"] == 0
