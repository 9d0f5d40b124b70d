"""Writing one observation into a year file: nothing the user had is lost, half-written or
silently changed.

- The file is edited with tomlkit (the library Poetry uses), which keeps comments, key order and
  layout as the user wrote them: only the observation's own keys change.
- A replace needs `replace=True`, and keeps every field the user did not give (basis, note,
  as_of, acknowledge); the caller shows the old and the new observation side by side.
- The whole plan is validated with the change before anything is written, and what is written
  must read back as exactly the old document plus the change.
- The write is atomic (a temporary file beside the target, fsync, re-read, os.replace), keeps the
  file's mode and, where the system allows, its owner; through a symbolic link it writes the file
  the link points at. A replaced file is a new file: other hard links keep the old content.
- A lock on actuals/ serialises concurrent writers; a writer waits for it at most `wait` seconds,
  saying so. Temporary files left by a killed writer are removed under the lock.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import display, read_regular
from .load import load_folder
from .plans import refuse_package_path
from .problems import Problem

SPANS = ("year", "to_date", "since")
KEPT = ("source", "basis", "note", "as_of", "acknowledge")  # what a replace keeps unless the user gives it
LOCK_WAIT = 30.0  # seconds a writer waits for another one to finish
STALE = re.compile(r"^\.[0-9]{4}\.toml\..+\.tmp$")  # write_atomic's temporary files


class Refused(Exception):
    """The change is not made; `key` is the message, `values` its values."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, values


class NeedsReplace(Exception):
    """An observation of the same span exists: replacing it needs the user's word."""

    def __init__(self, old: dict[str, Any], new: dict[str, Any]) -> None:
        super().__init__("needs --replace")
        self.old, self.new = old, new


class Invalid(Exception):
    """The plan would not validate with the change: these are its errors."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} errors")
        self.problems = problems


@dataclass(frozen=True)
class Recorded:
    path: Path  # the file written (the target of a symbolic link)
    old: dict[str, Any] | None  # the observation replaced, if any
    new: dict[str, Any]  # the observation as it now stands in the file
    written: bool  # False for a dry run
    warnings: tuple[Problem, ...] = ()  # what validate would warn of in the file written (a jump, ...)


def span(entry: dict[str, Any]) -> str:
    if entry.get("to_date"):
        return "to_date"
    if entry.get("since") is not None:
        return "since"
    return "year"


def merge(old: dict[str, Any] | None, given: dict[str, Any], cleared: set[str]) -> dict[str, Any]:
    """The observation to write: what the user gave, and from a replaced one what they did not give,
    except the fields they cleared."""
    new = {k: v for k, v in (old or {}).items() if k in KEPT and k not in cleared and k not in given}
    return {**given, **new}


def put(doc: dict[str, Any], metric: str, entry: dict[str, Any]) -> dict[str, Any] | None:
    """Add or replace the observation of the same span in a plain document; return the one replaced."""
    current = doc.get(metric)
    if current is None:
        doc[metric] = entry
        return None
    entries = current if isinstance(current, list) else [current]
    for index, old in enumerate(entries):
        if isinstance(old, dict) and span(old) == span(entry):
            entries[index] = entry
            doc[metric] = entries if len(entries) > 1 else entry
            return dict(old)
    doc[metric] = [*entries, entry]
    return None


def existing(text: str | None, metric: str, entry: dict[str, Any]) -> dict[str, Any] | None:
    """The observation of the same span already in the file, if any."""
    if text is None:
        return None
    current = tomllib.loads(text).get(metric)
    entries = current if isinstance(current, list) else [current] if isinstance(current, dict) else []
    return next((dict(e) for e in entries if isinstance(e, dict) and span(e) == span(entry)), None)


def edit(text: str | None, year: int, metric: str, entry: dict[str, Any]) -> str:
    """The year file's text with the observation added or replaced, everything else as it was."""
    import tomlkit
    from tomlkit.items import AoT, InlineTable, Table

    doc = tomlkit.parse(text) if text is not None else tomlkit.document()
    if text is None:
        doc["year"] = year
    current = doc.get(metric)
    if current is None:
        doc[metric] = _table(entry)
        return tomlkit.dumps(doc)
    tables = list(current) if isinstance(current, AoT) else [current]
    for table in tables:
        if isinstance(table, Table | InlineTable) and span(table.unwrap()) == span(entry):
            for key in [k for k in table if k not in entry]:
                del table[key]
            for key, value in entry.items():
                if key not in table or table[key] != value:
                    table[key] = value
            return tomlkit.dumps(doc)
    if isinstance(current, AoT):
        current.append(_table(entry))
    else:  # a second span of the metric: [metric] becomes [[metric]], the first table kept as written
        aot = tomlkit.aot()
        aot.append(current if isinstance(current, Table) else _table(current.unwrap()))
        aot.append(_table(entry))
        doc[metric] = aot
    return tomlkit.dumps(doc)


def _table(entry: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    for key, value in entry.items():
        table[key] = value
    return table


@contextlib.contextmanager
def locked(folder: Path, wait: float, on_wait: Callable[[], None]) -> Iterator[None]:
    """An exclusive lock on the actuals/ folder for the whole read-validate-write."""
    deadline = time.monotonic() + wait
    said = False

    def waiting() -> None:
        nonlocal said
        if not said:
            on_wait()
            said = True
        if time.monotonic() > deadline:
            raise Refused("lock_timeout", seconds=round(wait))
        time.sleep(0.05)

    try:
        import fcntl
    except ImportError:  # Windows: a lock file beside the year files
        import msvcrt

        with open(folder / ".midterm.lock", "a+b") as handle:
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
                    break
                except OSError:
                    waiting()
            try:
                yield
            finally:
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                waiting()
        yield
    finally:
        os.close(fd)  # closing releases the lock


def clean_stale(folder: Path) -> None:
    """Temporary files of writers killed before their rename: under the lock, no writer is live."""
    for path in folder.iterdir():
        if STALE.match(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the year file `path` with `data` in one step, after checking it reads back as the
    same TOML; on any failure the old file is untouched and no temporary file is left."""
    write_bytes_atomic(path, data, check=lambda written: tomllib.loads(written.decode("utf-8")))


def write_bytes_atomic(path: Path, data: bytes, check: Callable[[bytes], object] | None = None) -> None:
    """Replace `path` with `data` in one step; on any failure the old file is untouched and no
    temporary file is left. Mode kept, and owner where the system allows it. `check` reads what
    was written: what it returns must equal what it returns for `data`."""
    old = path.stat() if path.exists() else None
    if old is not None:
        mode = old.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(name)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        if old is not None and hasattr(os, "chown"):
            with contextlib.suppress(OSError):  # only the owner's group, or root, may give a file away
                os.chown(tmp, old.st_uid, old.st_gid)
        if check is not None and check(tmp.read_bytes()) != check(data):
            raise OSError(f"{tmp.name} does not read back as written")
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable, where the system allows
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def target_of(path: Path) -> Path:
    """The file a write changes: a symbolic link's target (the link stays as it is)."""
    if not path.is_symlink():
        return path
    target = Path(os.path.realpath(path))
    if not target.is_file():
        raise Refused("record_dangling_link", file=path, target=target)
    refuse_package_path(target)
    return target


def stay_inside(folder: Path, path: Path) -> None:
    """Nothing is written outside the plan folder, whatever links it holds: a link that stays
    inside it may be written through, one that leads out is refused."""
    real, home = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    if real != home and home not in real.parents:
        raise Refused("record_outside_plan", file=path, target=real)


def record(
    folder: Path,
    metric: str,
    year: int,
    given: dict[str, Any],
    cleared: set[str] = frozenset(),  # type: ignore[assignment]
    *,
    replace: bool = False,
    dry_run: bool = False,
    wait: float = LOCK_WAIT,
    on_wait: Callable[[], None] = lambda: None,
) -> Recorded:
    """Add or replace one observation in actuals/YEAR.toml of the plan in `folder`.

    Raises NeedsReplace when one of the same span exists and `replace` is not set, Invalid when
    the plan would not validate with the change, Refused when the file cannot be changed; in
    every case nothing is written.
    """
    actuals = folder / "actuals"
    path = actuals / f"{year}.toml"
    stay_inside(folder, actuals)  # the lock file, and a new year file, are written there
    stay_inside(folder, path)
    with locked(actuals, wait, on_wait):
        clean_stale(actuals)
        target = target_of(path)
        try:
            text = read_regular(target).decode("utf-8") if target.exists() else None
            before = tomllib.loads(text) if text is not None else {"year": year}
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            # what the file holds now is not a year file: say so the way validate does
            raise Invalid(load_folder(folder, warnings=False).errors) from None
        old = existing(text, metric, given)
        if old is None and "source" not in given:  # only a replaced figure has a source to keep
            raise Refused("record_needs_source", file=path)
        entry = merge(old, given, cleared)
        if old is not None and not replace:
            raise NeedsReplace(old, entry)
        new_text = edit(text, year, metric, entry)
        expected = dict(before)
        put(expected, metric, entry)
        if tomllib.loads(new_text) != expected:  # tomlkit kept something it should have changed
            raise Refused("record_not_kept", file=target)
        report = load_folder(folder, texts={path: new_text})
        if not report.ok():
            raise Invalid(report.errors)
        if not dry_run:
            write_atomic(target, new_text.encode("utf-8"))
    shown = display(path)
    warnings = tuple(p for p in report.warnings if p.file == shown)  # 16.25 after 14,930: said at once
    return Recorded(target, old, entry, not dry_run, warnings)
