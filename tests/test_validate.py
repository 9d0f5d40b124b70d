"""`midterm validate` through the real entry point, on real files."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from conftest import NEGATIVE, ROOT, Run, negative_case

CASES = sorted(p.name for p in NEGATIVE.iterdir() if p.is_dir() and not p.name.startswith("_"))


@pytest.mark.parametrize("name", CASES)
def test_negative_case_gives_its_message(name: str, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = tomllib.loads((NEGATIVE / name / "case.toml").read_text(encoding="utf-8"))
    monkeypatch.chdir(negative_case(name, tmp_path / "plan"))
    result = run("validate", "--lang", "en", *case["args"])
    assert result.exit_code == case["exit"]
    assert result.stdout.splitlines() == case["expected"]
    assert "Traceback" not in result.output


def test_every_rule_of_the_format_has_a_negative_case() -> None:
    # FORMAT.md's list of what validate must catch, each by the case that shows it.
    rules = {
        "syntax": "toml-syntax",
        "misspelt key": "misspelt-key",
        "missing key": "missing-key",
        "wrong type": "wrong-type-value",
        "bad enum word": "bad-kind",
        "non-finite": "non-finite-nan",
        "not a slug": "id-not-slug",
        "duplicate id": "duplicate-metric-id",
        "baseline": "baseline-after-end",
        "lo > hi": "range-reversed",
        "official without source": "official-without-source",
        "aggregation": "aggregation-on-level",
        "year differs from name": "year-mismatch",
        "name not a year": "name-not-a-year",
        "before baseline": "year-before-baseline",
        "5 years after end": "year-too-late",
        "unknown metric id": "unknown-metric",
        "to_date": "to-date-on-level",
        "since outside term": "since-outside-term",
        "since kind": "since-on-level",
        "as_of": "as-of-outside-year",
        "empty source": "empty-source",
        "two of one span": "duplicate-span",
        "valid bounds": "below-valid-min",
        "default % bounds": "share-above-100",
        "running total falls": "running-total-falls",
        "warn no metric": "warn-indicator-without-metric",
        "warn total vs flows": "warn-total-vs-flows",
        "warn aggregate": "warn-aggregate-vs-rates",
        "warn after end": "warn-year-after-end",
        "a year file named in other digits": "full-width-year",
        "a running total below its flows": "total-below-flows",
        "warn a jump beyond x3": "warn-jump",
        "acknowledge without note": "acknowledge-without-note",
        "acknowledge an unknown check": "bad-acknowledge",
        "a revision not older than the figure in force": "revision-after-figure",
        "revisions out of date order": "revision-out-of-order",
        "a revision without source": "revision-without-source",
        "a published that is not a date": "published-not-a-date",
        "a misspelt key in a revision": "revision-misspelt-key",
        "a revision the metric cannot take, published before its year": "revision-out-of-bounds",
    }
    assert set(rules.values()) <= set(CASES)


def test_base_of_the_cases_is_clean(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(negative_case("toml-syntax", tmp_path / "plan").parent)
    result = run("validate", str(NEGATIVE / "_base"), "--strict", "--notices")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_shipped_plan_is_valid(run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # not a plan folder: midterm falls back to the shipped plan
    result = run("validate")
    assert result.exit_code == 0, result.output
    assert "lỗi: 0" in result.stderr


def test_json_report(run: Run, plan: Path) -> None:
    result = run("validate", "--format", "json", "--lang", "en")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["ok"] is True
    assert doc["errors"], "the shipped plan has an acknowledged conflict and notices"
    for problem in doc["errors"]:
        assert set(problem) == {"file", "line", "column", "path", "message", "severity"}
        assert problem["severity"] in ("error", "warning", "notice")
    acknowledged = next(p for p in doc["errors"] if p["path"] == "[[grdp-growth]][1].value")
    assert acknowledged == {
        "file": "actuals/2023.toml",
        "line": 13,
        "column": None,
        "path": "[[grdp-growth]][1].value",
        "message": "average 7.92% over 2021-2023 differs from the yearly rates (7.69%) by 0.23 points"
        ' (acknowledged: acknowledge = ["aggregate-vs-rates"], reason in note)',
        "severity": "notice",
    }


def test_json_report_of_errors(run: Run, plan: Path) -> None:
    (plan / "actuals" / "2024.toml").write_text("year = 2024\n[grdp-growth]\nvalue = 9.32 x\n", encoding="utf-8")
    result = run("validate", "-f", "json", "--lang", "en")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["ok"] is False
    [error] = [p for p in doc["errors"] if p["severity"] == "error"]
    assert (error["file"], error["line"], error["column"]) == ("actuals/2024.toml", 3, 14)


def test_github_annotations_are_chosen_inside_github_actions(run: Run, plan: Path) -> None:
    (plan / "actuals" / "2022.toml").write_text("year = 2023\n", encoding="utf-8")
    result = run("validate", "--lang", "en", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert "::error file=actuals/2022.toml,line=1::year: year = 2023 but the file is named 2022.toml" in result.stdout
    assert result.stdout.count("\n") == 1


def test_strict_fails_on_warnings(run: Run, plan: Path) -> None:
    assert run("validate", "--strict").exit_code == 0  # the shipped plan's one conflict is acknowledged
    year = plan / "actuals" / "2023.toml"
    year.write_text(year.read_text(encoding="utf-8").replace('acknowledge = ["aggregate-vs-rates"]\n', ""), "utf-8")
    result = run("validate", "--strict", "--lang", "en")
    assert result.exit_code == 1
    assert "actuals/2023.toml:13: warning: [[grdp-growth]][1].value: average 7.92%" in result.stdout
    assert run("validate").exit_code == 0


def test_notices_are_shown_on_request(run: Run, plan: Path) -> None:
    assert "child-immunisation" not in run("validate", "--lang", "en").stdout
    shown = run("validate", "--lang", "en", "--notices").stdout
    line = (plan / "targets.toml").read_text(encoding="utf-8").split("\n").index('  id = "child-immunisation"')
    assert f"targets.toml:{line}: notice: indicators[1].metrics[1]: metric 'child-immunisation' has no observation" in (
        shown
    )


def test_messages_speak_the_plans_language(run: Run, plan: Path) -> None:
    (plan / "actuals" / "2022.toml").write_text("year = 2023\n", encoding="utf-8")
    result = run("validate")
    assert "actuals/2022.toml:1: lỗi: year: year = 2023 nhưng tệp tên là 2022.toml" in result.stdout
    assert "but the file is named" in run("validate", env={"MIDTERM_LANG": "en"}).stdout


def test_a_single_year_file_is_checked_against_the_plan_above_it(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2022.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[income-per-head]", "[income-per-haed]"), encoding="utf-8"
    )
    result = run("validate", "--lang", "en", "actuals/2022.toml")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        "actuals/2022.toml:8: error: [income-per-haed]: unknown metric id 'income-per-haed'"
    )
    assert "(did you mean 'income-per-head'?)" in result.stdout


def test_paths_from_a_hook_report_each_problem_once(run: Run, plan: Path) -> None:
    (plan / "actuals" / "2022.toml").write_text("year = 2023\n", encoding="utf-8")
    result = run("validate", "--lang", "en", "targets.toml", "actuals/2022.toml", "actuals/2021.toml")
    assert result.exit_code == 1
    assert result.stdout.count("but the file is named 2022.toml") == 1


def test_missing_path_is_wrong_usage(run: Run, plan: Path) -> None:
    result = run("validate", "--lang", "en", "nowhere")
    assert result.exit_code == 2
    assert result.stderr == "midterm: nowhere: no such file or folder\n"


def test_data_option_and_environment(run: Run, plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (plan / "actuals" / "2022.toml").write_text("year = 2023\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert run("validate", "--data", str(plan)).exit_code == 1
    assert run("validate", env={"MIDTERM_DATA": str(plan)}).exit_code == 1
    assert run("validate").exit_code == 0  # the shipped plan


def test_version_and_help(run: Run) -> None:
    from midterm import __version__

    assert run("--version").stdout == f"midterm {__version__}\n"
    for flag in ("-h", "--help"):
        result = run(flag)
        assert result.exit_code == 0
        assert "validate" in result.stdout


def test_repository_data_is_what_the_package_ships() -> None:
    from midterm.plans import DEFAULT_PLAN, shipped_plans

    shipped = shipped_plans()
    folders = {DEFAULT_PLAN: ROOT, **{p.name: p for p in sorted((ROOT / "plans").iterdir())}}
    assert list(shipped) == list(folders)  # the default first
    for plan_id, folder in folders.items():
        ours = shipped[plan_id]
        assert (ours / "targets.toml").read_bytes() == (folder / "targets.toml").read_bytes()
        assert tomllib.loads((folder / "targets.toml").read_text(encoding="utf-8"))["plan"]["id"] == plan_id
        for path in (folder / "actuals").glob("*.toml"):
            assert (ours / "actuals" / path.name).read_bytes() == path.read_bytes()


BROKEN = [
    name
    for name in CASES
    if (case := tomllib.loads((NEGATIVE / name / "case.toml").read_text(encoding="utf-8")))["exit"] != 0
    and "--strict" not in case["args"]
]
COMMANDS = [
    ["status"],
    ["project", "--year", "2025"],
    ["show", "growth"],
    ["record", "income", "--year", "2022", "--value", "90", "--source", "test"],
]


@pytest.mark.parametrize("name", BROKEN)
def test_every_command_ends_broken_input_in_lines_naming_the_file(
    name: str, run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(negative_case(name, tmp_path / "plan"))
    before = {p: p.read_bytes() for p in Path(".").rglob("*.toml") if p.is_file()}
    for command in COMMANDS:
        result = run(*command, "--data", ".", "--lang", "en")
        assert result.exit_code in (1, 2), (command, result.output)
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert lines and all(".toml" in line or "actuals" in line for line in lines), (command, lines)
        assert "Traceback" not in result.output and "internal error" not in result.output
    assert {p: p.read_bytes() for p in before} == before  # record wrote nothing


def test_an_unreadable_file(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As root, chmod 000 does not stop a read: make the read itself fail.
    monkeypatch.chdir(negative_case("toml-syntax", tmp_path / "plan"))
    locked = (tmp_path / "plan" / "actuals" / "2021.toml").resolve()
    from midterm import files

    real = files.os.open

    def refuse(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(path).resolve() == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", refuse)
    result = run("validate", ".", "--lang", "en")
    assert result.exit_code == 1
    assert "actuals/2021.toml: error: cannot be read: Permission denied" in result.stdout


def test_the_corpus_is_large_enough() -> None:
    assert len(BROKEN) + 1 >= 40  # + the unreadable file above


def test_parsing_in_worker_processes_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    from midterm import files

    paths = [
        ROOT / "targets.toml",
        *sorted((ROOT / "actuals").glob("*.toml")),
        NEGATIVE / "bom" / "actuals" / "2022.toml",
    ]
    serial = {p: files.parse_file(p) for p in paths}
    monkeypatch.setattr(files, "PARALLEL_BYTES", 0)
    monkeypatch.setenv("MIDTERM_WORKERS", "2")
    with files.ParseAhead(paths, {}) as ahead:
        assert ahead.pool is not None
        parallel = {p: ahead.get(p) for p in paths}
    assert {p: (r.doc if isinstance(r, files.Parsed) else r) for p, r in parallel.items()} == {
        p: (r.doc if isinstance(r, files.Parsed) else r) for p, r in serial.items()
    }
