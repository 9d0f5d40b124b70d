"""Writing one observation into a year file: nothing the user had is lost or half-written.

The whole plan is validated with the change before anything is written; the write is atomic
(a temporary file beside the target, fsync, re-parse, os.replace) and keeps the file's mode; a
lock on the actuals/ folder serialises concurrent writers; and a file with comments is not
rewritten, since tomli-w would drop them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .load import load_folder
from .problems import Problem

SPANS = ("year", "to_date", "since")


class Refused(Exception):
    """The change is not made; `key` is the message, `args` its values."""

    def __init__(self, key: str, **args: Any) -> None:
        super().__init__(key)
        self.key, self.values = key, args


@dataclass(frozen=True)
class Recorded:
    path: Path
    replaced: dict[str, Any] | None  # the observation the new one took the place of


def span(entry: dict[str, Any]) -> str:
    if entry.get("to_date"):
        return "to_date"
    if entry.get("since") is not None:
        return "since"
    return "year"


def has_comments(text: str) -> bool:
    """Whether a TOML text holds a comment: a # outside every kind of string."""
    i, n = 0, len(text)
    while i < n:
        for quote in ('"""', "'''"):
            if text.startswith(quote, i):
                end = i + 3
                while True:
                    end = text.find(quote, end)
                    if end < 0:
                        return False
                    if quote == "'''" or text[end - 1] != "\\" or _escaped_backslashes(text, end):
                        break
                    end += 1
                i = end + 3
                break
        else:
            char = text[i]
            if char == "#":
                return True
            if char in "\"'":
                j = i + 1
                while j < n and text[j] != char and text[j] != "\n":
                    j += 2 if char == '"' and text[j] == "\\" else 1
                i = j + 1
            else:
                i += 1
    return False


def _escaped_backslashes(text: str, end: int) -> bool:
    """Whether the quote at `end` follows an even run of backslashes (so it is not escaped)."""
    count = 0
    while end - 1 - count >= 0 and text[end - 1 - count] == "\\":
        count += 1
    return count % 2 == 0


def put(doc: dict[str, Any], metric: str, entry: dict[str, Any]) -> dict[str, Any] | None:
    """Add or replace the observation of the same span; return the one replaced."""
    current = doc.get(metric)
    if current is None:
        doc[metric] = entry
        return None
    entries = current if isinstance(current, list) else [current]
    for index, old in enumerate(entries):
        if isinstance(old, dict) and span(old) == span(entry):
            entries[index] = entry
            doc[metric] = entries if len(entries) > 1 else entry
            return old
    doc[metric] = [*entries, entry]
    return None


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the actuals/ folder for the whole read-validate-write."""
    try:
        import fcntl
    except ImportError:  # Windows: a lock file beside the year files
        import msvcrt

        with open(folder / ".midterm.lock", "a+b") as handle:
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]
                    break
                except OSError:
                    continue
            try:
                yield
            finally:
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure the old file is untouched and
    no temporary file is left."""
    if path.exists():
        mode = path.stat().st_mode & 0o7777
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
        if tomllib.loads(tmp.read_text(encoding="utf-8")) != tomllib.loads(data.decode("utf-8")):
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


def record(folder: Path, metric: str, year: int, entry: dict[str, Any], force: bool = False) -> Recorded:
    """Add or replace one observation in actuals/YEAR.toml of the plan in `folder`.

    Raises Refused for a file with comments (unless `force`) and Invalid when the plan would
    not validate with the change; in both cases nothing is written.
    """
    import tomli_w

    actuals = folder / "actuals"
    path = actuals / f"{year}.toml"
    with locked(actuals):
        text = path.read_text(encoding="utf-8") if path.exists() else None
        if text is not None and has_comments(text) and not force:
            raise Refused("record_comments", file=path)
        try:
            doc = tomllib.loads(text) if text is not None else {"year": year}
        except (tomllib.TOMLDecodeError, UnicodeDecodeError):
            raise Invalid(load_folder(folder, warnings=False).errors) from None
        replaced = put(doc, metric, entry)
        new_text = tomli_w.dumps(doc)
        report = load_folder(folder, texts={path: new_text}, warnings=False)
        if not report.ok():
            raise Invalid(report.errors)
        write_atomic(path, new_text.encode("utf-8"))
    return Recorded(path, replaced)


class Invalid(Exception):
    """The plan would not validate with the change: these are its errors."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} errors")
        self.problems = problems
