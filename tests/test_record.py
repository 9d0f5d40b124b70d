"""`midterm record`: checked first, written atomically, never losing a comment, a field or a
concurrent update, and never writing where the user did not ask."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, Run
from midterm import store
from midterm.load import load_folder


def observations(plan: Path, metric: str, year: int) -> list[dict[str, Any]]:
    doc = tomllib.loads((plan / "actuals" / f"{year}.toml").read_text(encoding="utf-8"))
    entry = doc.get(metric, [])
    return entry if isinstance(entry, list) else [entry]


def leftovers(plan: Path) -> list[str]:
    return [p.name for p in (plan / "actuals").iterdir() if p.name.startswith(".")]


def test_record_adds_an_observation(run: Run, plan: Path) -> None:
    args = ["urbanisation", "--year", "2023", "--value", "31.5", "--source", "Cục Thống kê", "--basis", "estimate"]
    result = run("record", *args, "--as-of", "2023-06-30", "--note", "ước", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stderr == "midterm: recorded urbanisation for 2023 in actuals/2023.toml\n"
    assert "31.5" in result.stdout and "Cục Thống kê" in result.stdout  # what was written, shown
    [entry] = observations(plan, "urbanisation", 2023)
    assert entry == {
        "value": 31.5,
        "basis": "estimate",
        "source": "Cục Thống kê",
        "note": "ước",
        "as_of": dt.date(2023, 6, 30),
    }
    assert load_folder(plan).ok()


def test_record_creates_a_year_file(run: Run, plan: Path) -> None:
    (plan / "actuals" / "2025.toml").unlink()  # the plan before its end-year figures: no 2025 file
    result = run("record", "budget-revenue", "--year", "2025", "--value", "18200", "--source", "test")
    assert result.exit_code == 0, result.output
    text = (plan / "actuals" / "2025.toml").read_text(encoding="utf-8")
    assert text.startswith("year = 2025\n")
    assert tomllib.loads(text)["budget-revenue"] == {"value": 18200, "source": "test"}
    assert oct((plan / "actuals" / "2025.toml").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_replace_needs_replace_and_shows_both_side_by_side(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2023.toml"
    before = path.read_bytes()
    args = ["record", "income-per-head", "--year", "2023", "--value", "95.4", "--source", "GSO", "--lang", "en"]
    refused = run(*args)
    assert refused.exit_code == 2
    assert refused.stderr == (
        "midterm: actuals/2023.toml already has this figure (above): nothing was written; add --replace to replace it\n"
    )
    lines = refused.stdout.splitlines()
    assert lines[0].split() == ["field", "now", "new"]
    value = next(line for line in lines if line.startswith("value"))
    assert value.split() == ["value", "93.2", "95.4"]
    assert "(kept)" in next(line for line in lines if line.startswith("basis"))
    assert path.read_bytes() == before

    assert run(*args, "--replace").exit_code == 0
    [entry] = observations(plan, "income-per-head", 2023)
    # what the user did not give is kept: the estimate stays an estimate, its date and note stay
    assert entry["value"] == 95.4 and entry["source"] == "GSO"
    assert (entry["basis"], entry["as_of"]) == ("estimate", dt.date(2023, 6, 30))
    assert entry["note"].startswith("'Hơn 93,2'")


def test_a_note_is_removed_only_when_asked(run: Run, plan: Path) -> None:
    args = ["record", "income-per-head", "--year", "2023", "--value", "93.2", "--source", "x", "--replace"]
    result = run(*args, "--note", "", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "removed" in next(line for line in result.stdout.splitlines() if line.startswith("note"))
    [entry] = observations(plan, "income-per-head", 2023)
    assert "note" not in entry and entry["basis"] == "estimate"


def test_a_dry_run_shows_the_result_and_writes_nothing(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2023.toml"
    before = path.read_bytes()
    args = ["income-per-head", "--year", "2023", "--value", "95.4", "--source", "GSO", "--replace", "--dry-run"]
    result = run("record", *args, "--lang", "en")
    assert result.exit_code == 0
    assert result.stderr == "midterm: dry run: nothing was written to actuals/2023.toml\n"
    assert "95.4" in result.stdout and "93.2" in result.stdout
    assert path.read_bytes() == before


def test_basis_in_vietnamese_and_ids_in_any_case(run: Run, plan: Path) -> None:
    assert (
        run("record", "URBANISATION", "--year", "2024", "--value", "30", "--source", "x", "--basis", "ước").exit_code
        == 0
    )
    assert observations(plan, "urbanisation", 2024) == [{"value": 30, "basis": "estimate", "source": "x"}]
    result = run("record", "Trained-Labour", "--year", "2024", "--value", "60", "--source", "x", "--basis", "sơ bộ")
    assert result.exit_code == 0
    assert observations(plan, "trained-labour", 2024)[0]["basis"] == "preliminary"


def test_an_indicator_names_its_metrics(run: Run, plan: Path) -> None:
    for item in ("structure", "5", "Structure"):
        result = run("record", item, "--year", "2024", "--value", "40", "--source", "x", "--lang", "en")
        assert result.exit_code == 2
        assert result.stderr == (
            f"midterm: '{item}' is an indicator; record one of its metrics: "
            "share-industry, share-services, share-agriculture\n"
        )
    # an indicator whose one metric has its id is that metric
    assert run("record", "trade", "--year", "2024", "--value", "5", "--source", "x").exit_code == 2
    assert run("record", "budget-revenue", "--year", "2024", "--value", "15000", "--source", "x").exit_code == 0


def test_a_second_span_joins_the_first(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2023.toml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[total-investment]", "# vốn\n[total-investment]"), "utf-8"
    )
    assert run("record", "total-investment", "--year", "2023", "--value", "40000", "--source", "x").exit_code == 0
    entries = observations(plan, "total-investment", 2023)
    assert [e.get("to_date", False) for e in entries] == [True, False]
    text = path.read_text(encoding="utf-8")
    assert text.count("[[total-investment]]") == 2 and "# vốn\n" in text


COMMENTED = '''# Số liệu năm 2022, ghi tay
year = 2022  # năm của tệp

# Tốc độ tăng trưởng
[grdp-growth]
value = 8.42  # số chính thức
source = """báo cáo "PCI 2023"""" # trang 12
note = 'có # trong chuỗi'

[income-per-head]
value = 84.6
source = "laodongtre" # bài 1146194
# hết tệp
'''


def test_comments_layout_and_order_survive_every_edit(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2022.toml"
    path.write_text(COMMENTED, encoding="utf-8")
    comments = [line[line.index("#") :] for line in COMMENTED.splitlines() if "# " in line and "'" not in line]
    assert 'source = """báo cáo "PCI 2023"""" # trang 12' in COMMENTED  # the multi-line string that fooled a scanner
    steps = [
        ["urbanisation", "--value", "30"],  # a new table
        ["income-per-head", "--value", "85", "--replace"],  # a replace
        ["grdp-growth", "--value", "8.5", "--replace", "--note", ""],  # a replace that removes a key
        ["budget-revenue", "--value", "14500", "--basis", "ước"],  # another new table
    ]
    for step in steps:
        result = run("record", step[0], "--year", "2022", "--source", "s", *step[1:])
        assert result.exit_code == 0, result.output
        text = path.read_text(encoding="utf-8")
        for comment in comments:
            assert comment in text, (step, comment)
    text = path.read_text(encoding="utf-8")
    assert text.index("[grdp-growth]") < text.index("[income-per-head]") < text.index("[urbanisation]")
    assert text.splitlines()[:2] == ["# Số liệu năm 2022, ghi tay", "year = 2022  # năm của tệp"]
    doc = tomllib.loads(text)
    assert doc["grdp-growth"] == {"value": 8.5, "source": "s"}
    assert doc["income-per-head"] == {"value": 85, "source": "s"}


def test_an_invalid_change_writes_nothing(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2023.toml"
    before = path.read_bytes()
    result = run("record", "share-industry", "--year", "2023", "--value", "130", "--source", "x", "--lang", "en")
    assert result.exit_code == 2  # an existing figure: --replace first
    result = run(
        "record", "share-industry", "--year", "2023", "--value", "130", "--source", "x", "--replace", "--lang", "en"
    )
    assert result.exit_code == 1
    assert (
        "actuals/2023.toml" in result.stderr and "130 is outside the values 'share-industry' can take" in result.stderr
    )
    assert result.stderr.endswith("midterm: nothing was written: the plan would not validate with this change\n")
    assert path.read_bytes() == before
    for args in (["--to-date"], ["--since", "2021"], ["--as-of", "2022-01-01", "--replace"]):
        result = run("record", "income-per-head", "--year", "2023", "--value", "1", "--source", "x", *args)
        assert result.exit_code == 1, args
        assert path.read_bytes() == before
    assert run("record", "budget-revenue", "--year", "2024", "--value", "-5", "--source", "x").exit_code == 1
    assert leftovers(plan) == []


def test_wrong_usage(run: Run, plan: Path) -> None:
    result = run("record", "income-per-haed", "--year", "2023", "--value", "1", "--source", "x", "--lang", "en")
    assert (result.exit_code, result.stderr) == (
        2,
        "midterm: no metric 'income-per-haed' in this plan (nearest: income-per-head)\n",
    )
    odd = ["93,2", "14.930,5", "nan", "inf", "1e999", "abc", "", "٩٣", "１２３.５", "1" * 5000, "0x10", "1_000"]
    for value in odd:
        result = run("record", "income-per-head", "--year", "2024", "--value", value, "--source", "x", "--lang", "en")
        assert result.exit_code == 2, value
        assert result.stderr.startswith("midterm: --value ") and result.stderr.count("\n") == 1, value
        assert "Traceback" not in result.output
    wrong = [["--as-of", "30/6/2023"], ["--year", "２０２４"], ["--basis", "guess"], ["--source", "  "]]
    for args in wrong:
        base = {"--year": "2024", "--value": "1", "--source": "x"}
        base.update(dict(zip(args[::2], args[1::2], strict=True)))
        flat = [part for pair in base.items() for part in pair]
        result = run("record", "income-per-head", *flat, "--lang", "en")
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1, args
    # no --source for a new figure (a replaced one keeps its own: test_replace_without_source_keeps_it)
    missing = run("record", "income-per-head", "--year", "2026", "--value", "1", "--lang", "en")
    assert (missing.exit_code, missing.stderr) == (
        2,
        "midterm: actuals/2026.toml has no such figure to keep the source of: give --source, where the number "
        "was read\n",
    )
    vietnamese = run("record", "income-per-head", "--year", "2026", "--value", "1")
    assert vietnamese.stderr == (
        "midterm: actuals/2026.toml chưa có số liệu này để giữ nguồn: hãy cho --source, nơi đọc được số liệu\n"
    )
    assert not (Path("actuals") / "2026.toml").exists()


def test_record_outside_any_plan_writes_nothing_and_says_how_to_start(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("record", "budget-revenue", "--year", "2024", "--value", "1", "--source", "x", "--lang", "en")
    assert result.exit_code == 2
    assert "midterm init DIR" in result.stderr and result.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_shipped_plan_is_read_only(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from midterm.plans import shipped_plans

    monkeypatch.chdir(tmp_path)
    for folder in shipped_plans().values():
        before = {p: p.read_bytes() for p in (folder / "actuals").glob("*.toml")}
        result = run(
            "record", "x", "--year", "2024", "--value", "1", "--source", "x", "--data", str(folder), "--lang", "en"
        )
        assert result.exit_code == 2
        assert "read-only" in result.stderr
        assert {p: p.read_bytes() for p in (folder / "actuals").glob("*.toml")} == before


def test_a_symlinked_year_file_inside_the_plan_is_written_through(run: Run, plan: Path) -> None:
    elsewhere = plan / "archive"
    elsewhere.mkdir()
    target = elsewhere / "2022.toml"
    link = plan / "actuals" / "2022.toml"
    target.write_bytes(link.read_bytes())
    link.unlink()
    link.symlink_to(Path("..") / "archive" / "2022.toml")
    result = run("record", "urbanisation", "--year", "2022", "--value", "30", "--source", "x", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == target.resolve()
    assert tomllib.loads(target.read_text(encoding="utf-8"))["urbanisation"]["value"] == 30
    assert result.stderr == "midterm: recorded urbanisation for 2022 in archive/2022.toml\n"
    assert leftovers(plan) == [] and [p.name for p in elsewhere.iterdir()] == ["2022.toml"]


@pytest.mark.parametrize("linked", ["the year file", "actuals/"])
def test_a_link_out_of_the_plan_is_never_written_through(run: Run, plan: Path, tmp_path: Path, linked: str) -> None:
    # issue 17: record wrote outside the plan through a link; nothing is written outside it now
    elsewhere = tmp_path / "elsewhere"
    if linked == "actuals/":
        (plan / "actuals").rename(elsewhere)
        (plan / "actuals").symlink_to(elsewhere)
    else:
        elsewhere.mkdir()
        (plan / "actuals" / "2022.toml").rename(elsewhere / "2022.toml")
        (plan / "actuals" / "2022.toml").symlink_to(elsewhere / "2022.toml")
    before = {p.name: p.read_bytes() for p in elsewhere.iterdir()}
    for year in ("2022", "2025") if linked == "actuals/" else ("2022",):  # a file that is there, a new one
        args = ["record", "urbanisation", "--year", year, "--value", "30", "--source", "x", "--lang", "en"]
        result = run(*args, "--replace")
        assert result.exit_code == 1
        named = "actuals" if linked == "actuals/" else f"actuals/{year}.toml"
        assert result.stderr.startswith(f"midterm: {named} leads out of the plan folder, to ")
        assert result.stderr.endswith(": nothing was written\n") and result.stderr.count("\n") == 1
    assert {p.name: p.read_bytes() for p in elsewhere.iterdir()} == before


def test_a_held_lock_is_waited_for_then_given_up(run: Run, plan: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    fd = os.open(plan / "actuals", os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        args = ["record", "urbanisation", "--year", "2024", "--value", "30", "--source", "x", "--lang", "en"]
        result = run(*args, env={"MIDTERM_LOCK_WAIT": "0.3"})
    finally:
        os.close(fd)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == "midterm: waiting for another midterm record to finish writing in actuals…"
    assert lines[1].startswith("midterm: another midterm record still holds the lock on actuals/2024.toml after 0 s")
    assert not (plan / "actuals" / "2024.toml").read_text(encoding="utf-8").count("urbanisation")


def test_stale_temporary_files_are_cleaned_under_the_lock(run: Run, plan: Path) -> None:
    stale = plan / "actuals" / ".2024.toml.k3j9x_1.tmp"
    stale.write_text("year = 2024\n", encoding="utf-8")
    other = plan / "actuals" / ".notes.tmp"  # not one of ours: left alone
    other.write_text("", encoding="utf-8")
    assert run("record", "urbanisation", "--year", "2024", "--value", "30", "--source", "x").exit_code == 0
    assert sorted(leftovers(plan)) == [".notes.tmp"]


def test_a_file_that_turns_non_utf8_before_the_lock_is_an_error_not_a_crash(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plan / "actuals" / "2022.toml"
    real = store.clean_stale

    def meanwhile(folder: Path) -> None:  # another program writes the file between load and lock
        path.write_bytes(b"year = 2022\n# \xff\xfe\n")
        real(folder)

    monkeypatch.setattr(store, "clean_stale", meanwhile)
    result = run("record", "urbanisation", "--year", "2022", "--value", "30", "--source", "x", "--lang", "en")
    assert result.exit_code == 1
    assert "actuals/2022.toml:2: error: is not UTF-8 text" in result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_the_owner_is_kept(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2022.toml"
    os.chown(path, 1234, 1234)
    assert run("record", "urbanisation", "--year", "2022", "--value", "30", "--source", "x").exit_code == 0
    assert (path.stat().st_uid, path.stat().st_gid) == (1234, 1234)


def test_the_file_mode_is_kept(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2022.toml"
    path.chmod(0o640)
    assert run("record", "urbanisation", "--year", "2022", "--value", "30", "--source", "x").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def _fail(*_: Any, **__: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("step", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_original_intact(
    step: str, run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each step of the atomic write fails in turn: writing the temporary file, its fsync, the rename."""
    path = plan / "actuals" / "2022.toml"
    before = path.read_bytes()
    if step == "write":
        real = os.write

        def half_then_fail(fd: int, data: Any) -> int:  # a disk that fills up half-way
            if len(data) > 10:
                return real(fd, bytes(data[: len(data) // 2]))
            return _fail()

        monkeypatch.setattr(store.os, "write", half_then_fail)
    else:
        monkeypatch.setattr(store.os, step, _fail)
    result = run("record", "urbanisation", "--year", "2022", "--value", "30", "--source", "x", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr == (
        "midterm: could not write actuals/2022.toml: No space left on device; nothing was changed\n"
    )
    assert path.read_bytes() == before
    assert leftovers(plan) == []


def test_twenty_concurrent_records_all_land(plan: Path) -> None:
    metrics = [
        "population-growth",
        "child-immunisation",
        "new-wards",
        "income-per-head",
        "share-industry",
        "share-services",
        "share-agriculture",
        "budget-revenue",
        "trade-turnover",
        "new-enterprises",
        "standard-schools",
        "cultural-families",
        "cultural-villages",
        "cultural-agencies",
        "urban-unemployment",
        "trained-labour",
        "urbanisation",
        "forest-cover",
        "clean-water",
        "party-orgs-good",
    ]
    (plan / "actuals" / "2025.toml").unlink()  # every writer races to create the year file
    env = {**os.environ, "MIDTERM_DATA": str(plan)}
    command = [sys.executable, "-m", "midterm", "record"]
    processes = [
        subprocess.Popen(
            [*command, m, "--year", "2025", "--value", str(50 + k), "--source", f"s{k}"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for k, m in enumerate(metrics)
    ]
    for p in processes:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    doc = tomllib.loads((plan / "actuals" / "2025.toml").read_text(encoding="utf-8"))
    assert {m: doc[m]["value"] for m in metrics} == {m: 50 + k for k, m in enumerate(metrics)}
    assert load_folder(plan).ok()
    assert leftovers(plan) == []


sources = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).filter(lambda s: s.strip())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    value=st.floats(-1e12, 1e12, allow_nan=False) | st.integers(-(10**12), 10**12),
    basis=st.sampled_from(["official", "preliminary", "estimate"]),
    source=sources,
    note=st.none() | sources,
)
def test_round_trip(run: Run, plan: Path, value: float, basis: str, source: str, note: str | None) -> None:
    """Any valid observation recorded and read back gives the same value, basis, source and note."""
    # a rate can be negative: any finite number is a value it can take. 1.375 is refused as
    # ambiguous (a Vietnamese thousands dot); a user types 1.3750, the same number
    typed = repr(value)
    if re.fullmatch(r"[+-]?[1-9][0-9]{0,2}(\.[0-9]{3})+", typed):
        typed += "0"
    args = ["record", "population-growth", "--year", "2024", "--value", typed, "--source", source]
    args += ["--basis", basis, "--replace", "--note", note or ""]
    result = run(*args)
    assert result.exit_code == 0, result.output
    report = load_folder(plan)
    assert report.dataset is not None
    [observed] = [o for o in report.dataset.observations["population-growth"] if o.year == 2024]
    assert observed.obs.value == value
    assert (observed.obs.basis, observed.obs.source, observed.obs.note) == (basis, source, note)


def test_the_installed_package_is_never_written(tmp_path: Path) -> None:
    """A real install (a wheel built from this tree), record run outside any plan: exit 2, and
    every file of the installed package byte-identical afterwards."""
    import hashlib
    import shutil

    if shutil.which("git") is None:
        pytest.skip("building the wheel needs the source tree")
    target = tmp_path / "site"
    build = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "--target",
            str(target),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    if build.returncode != 0 and "hatchling" in build.stderr:
        pytest.skip("hatchling is not installed here: pip install '.[test]' brings it")
    assert build.returncode == 0, build.stderr
    package = target / "midterm"
    assert (package / "data" / "binh-phuoc-xi" / "targets.toml").is_file()

    def digest() -> dict[str, str]:
        return {
            str(p.relative_to(package)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in package.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }

    before = digest()
    work = tmp_path / "empty"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "MIDTERM_DATA"} | {
        "PYTHONPATH": str(target),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    cases = [
        ["budget-revenue", "--year", "2024", "--value", "1", "--source", "x"],
        [
            "budget-revenue",
            "--year",
            "2024",
            "--value",
            "1",
            "--source",
            "x",
            "--data",
            str(package / "data" / "binh-phuoc-xi"),
        ],
    ]
    for args in cases:
        result = subprocess.run(
            [sys.executable, "-m", "midterm", "record", *args], cwd=work, env=env, capture_output=True, text=True
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1
    status = subprocess.run(
        [sys.executable, "-m", "midterm", "status", "-f", "json"], cwd=work, env=env, capture_output=True, text=True
    )
    assert status.returncode == 0 and '"plan":"binh-phuoc-xi"' in status.stdout
    assert digest() == before
    assert list(work.iterdir()) == []
