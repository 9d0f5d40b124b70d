"""`midterm record`: validated first, written atomically, never losing a concurrent update."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Run
from midterm import store
from midterm.load import load_folder


def observations(plan: Path, metric: str, year: int) -> list[dict[str, Any]]:
    doc = tomllib.loads((plan / "actuals" / f"{year}.toml").read_text(encoding="utf-8"))
    entry = doc.get(metric, [])
    return entry if isinstance(entry, list) else [entry]


def leftovers(plan: Path) -> list[str]:
    return [p.name for p in (plan / "actuals").iterdir() if p.name.startswith(".")]


def test_record_adds_an_observation(run: Run, plan: Path) -> None:
    result = run(
        "record",
        "urbanisation",
        "--year",
        "2023",
        "--value",
        "31.5",
        "--source",
        "Cục Thống kê",
        "--basis",
        "estimate",
        "--as-of",
        "2023-06-30",
        "--note",
        "ước",
        "--lang",
        "en",
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == "recorded urbanisation for 2023: 31.5 in actuals/2023.toml\n"
    [entry] = observations(plan, "urbanisation", 2023)
    assert entry == {
        "value": 31.5,
        "basis": "estimate",
        "source": "Cục Thống kê",
        "note": "ước",
        "as_of": __import__("datetime").date(2023, 6, 30),
    }
    assert load_folder(plan).ok()


def test_record_creates_a_year_file(run: Run, plan: Path) -> None:
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


def test_replacing_says_what_it_was(run: Run, plan: Path) -> None:
    result = run("record", "income-per-head", "--year", "2023", "--value", "95.4", "--source", "GSO", "--lang", "en")
    assert result.exit_code == 0
    assert "it replaces 93.2 (est.; source: Báo cáo giữa nhiệm kỳ" in result.stderr
    assert observations(plan, "income-per-head", 2023) == [{"value": 95.4, "source": "GSO"}]


def test_a_second_span_joins_the_first(run: Run, plan: Path) -> None:
    assert run("record", "total-investment", "--year", "2023", "--value", "40000", "--source", "x").exit_code == 0
    entries = observations(plan, "total-investment", 2023)
    assert [e.get("to_date", False) for e in entries] == [True, False]
    doc = (plan / "actuals" / "2023.toml").read_text(encoding="utf-8")
    assert doc.count("[[total-investment]]") == 2


def test_an_invalid_change_writes_nothing(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2023.toml"
    before = path.read_bytes()
    result = run("record", "share-industry", "--year", "2023", "--value", "130", "--source", "x", "--lang", "en")
    assert result.exit_code == 1
    assert (
        "actuals/2023.toml" in result.stderr and "130 is outside the values 'share-industry' can take" in result.stderr
    )
    assert result.stderr.endswith("midterm: nothing was written: the plan would not validate with this change\n")
    assert path.read_bytes() == before
    for args in (["--to-date"], ["--since", "2021"], ["--as-of", "2022-01-01"], ["--source", " "]):
        extra = [] if "--source" in args else ["--source", "x"]
        result = run("record", "income-per-head", "--year", "2023", "--value", "1", *extra, *args)
        assert result.exit_code == 1, args
        assert path.read_bytes() == before
    assert leftovers(plan) == []


def test_wrong_usage(run: Run, plan: Path) -> None:
    result = run("record", "income-per-haed", "--year", "2023", "--value", "1", "--source", "x", "--lang", "en")
    assert (result.exit_code, result.stderr) == (
        2,
        "midterm: no metric 'income-per-haed' in this plan (did you mean 'income-per-head'?)\n",
    )
    for value in ("93,2", "14.930,5", "nan", "inf", "1e999", "abc", ""):
        result = run("record", "income-per-head", "--year", "2023", "--value", value, "--source", "x")
        assert result.exit_code == 2, value
    assert (
        run(
            "record", "income-per-head", "--year", "2023", "--value", "1", "--source", "x", "--as-of", "30/6/2023"
        ).exit_code
        == 2
    )
    assert run("record", "income-per-head", "--year", "2023", "--value", "1").exit_code == 2  # no --source


def test_a_file_with_comments_is_not_rewritten(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2022.toml"
    path.write_text("# từ báo cáo năm 2022\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    before = path.read_bytes()
    result = run("record", "income-per-head", "--year", "2022", "--value", "85", "--source", "x", "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith("midterm: actuals/2022.toml has comments, which rewriting it would drop: ")
    assert "`note`" in result.stderr and "--force" in result.stderr
    assert path.read_bytes() == before
    assert (
        run("record", "income-per-head", "--year", "2022", "--value", "85", "--source", "x", "--force").exit_code == 0
    )
    assert "#" not in path.read_text(encoding="utf-8").split("source")[0]


@pytest.mark.parametrize(
    ("text", "comments"),
    [
        ('a = "#1"\n', False),
        ("a = '#1'\n", False),
        ('a = """\n# not a comment\n"""\n', False),
        ("a = '''\n# not a comment\n'''\n", False),
        ('a = "x\\" # still a string"\n', False),
        ('a = """x\\"""" # a comment after a multi-line string\n', True),
        ("a = 1 # comment\n", True),
        ("# comment\na = 1\n", True),
        ('["a#b"]\nx = 1\n', False),
        ('a = "\\\\" # after an escaped backslash\n', True),
    ],
)
def test_comment_detection(text: str, comments: bool) -> None:
    tomllib.loads(text)
    assert store.has_comments(text) is comments


def test_the_file_mode_is_kept(run: Run, plan: Path) -> None:
    path = plan / "actuals" / "2022.toml"
    path.chmod(0o640)
    assert run("record", "income-per-head", "--year", "2022", "--value", "85", "--source", "x").exit_code == 0
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
    result = run("record", "income-per-head", "--year", "2022", "--value", "85", "--source", "x", "--lang", "en")
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
    env = {**os.environ, "MIDTERM_DATA": str(plan)}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "midterm",
                "record",
                m,
                "--year",
                "2025",
                "--value",
                str(50 + k),
                "--source",
                f"s{k}",
            ],
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
    # a rate can be negative: any finite number is a value it can take
    args = ["record", "population-growth", "--year", "2024", "--value", repr(value), "--source", source, "--basis", basis]
    if note is not None:
        args += ["--note", note]
    result = run(*args)
    assert result.exit_code == 0, result.output
    report = load_folder(plan)
    assert report.dataset is not None
    [observed] = [o for o in report.dataset.observations["population-growth"] if o.year == 2024]
    assert observed.obs.value == value
    assert (observed.obs.basis, observed.obs.source, observed.obs.note) == (basis, source, note)
