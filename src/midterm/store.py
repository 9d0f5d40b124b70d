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
import datetime as dt
import os
import re
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import display, read_regular
from .load import load_folder
from .lock import LOCK_WAIT, locked
from .models import span_of
from .plans import refuse_package_path
from .problems import Problem

# what a replace keeps unless the user gives it (a correction keeps the figure's history too)
KEPT = ("source", "basis", "note", "as_of", "acknowledge", "published", "revisions")
REVISION_KEYS = ("value", "published", "basis", "source", "note")  # what an earlier figure keeps
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
    """An observation's span, as written in its table (`models.span_of`)."""
    return span_of(bool(entry.get("to_date")), entry.get("since"))


def merge(old: dict[str, Any] | None, given: dict[str, Any], cleared: set[str]) -> dict[str, Any]:
    """The observation to write: what the user gave, and from a replaced one what they did not give,
    except the fields they cleared."""
    new = {k: v for k, v in (old or {}).items() if k in KEPT and k not in cleared and k not in given}
    return {**given, **new}


class NothingToRevise(Exception):
    """`record --revision` where the year holds no figure of that span to revise (exit 2)."""


def revise(old: dict[str, Any], given: dict[str, Any], year: int, old_published: dt.date | None) -> dict[str, Any]:
    """The new figure in force, the old one moved to the end of its `revisions` (the newest of the
    earlier figures). The old figure is dated by `old_published` when the user gives it, else by
    its own `published`, else by the day it counted from until now: its `as_of`, else the end of
    its year (as `--as-of DATE` read it). The new figure keeps what describes the same thing
    (`as_of`, `acknowledge`); its basis, note and date are its own."""
    when = old_published or old.get("published") or old.get("as_of") or dt.date(year, 12, 31)
    earlier = {k: when if k == "published" else old[k] for k in REVISION_KEYS if k in old or k == "published"}
    kept: dict[str, Any] = {k: old[k] for k in ("as_of", "acknowledge") if k in old and k not in given}
    return {**given, **kept, "revisions": [*old.get("revisions", []), earlier]}


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
    return None if text is None else existing_in(tomllib.loads(text), metric, entry)


def existing_in(doc: dict[str, Any], metric: str, entry: dict[str, Any]) -> dict[str, Any] | None:
    current = doc.get(metric)
    entries = current if isinstance(current, list) else [current] if isinstance(current, dict) else []
    return next((dict(e) for e in entries if isinstance(e, dict) and span(e) == span(entry)), None)


def edit(text: str | None, year: int, metric: str, entry: dict[str, Any]) -> str:
    """The year file's text with the observation added or replaced, everything else as it was."""
    import tomlkit

    doc = parsed(text, year)
    change(doc, metric, entry)
    return tomlkit.dumps(doc)


def parsed(text: str | None, year: int) -> Any:
    """A year file as tomlkit holds it (comments and layout kept); a new one holds its year."""
    import tomlkit

    if text is not None:
        return tomlkit.parse(text)
    doc = tomlkit.document()
    doc["year"] = year
    return doc


def change(doc: Any, metric: str, entry: dict[str, Any]) -> None:
    """Add or replace the observation of the same span in a tomlkit document, in place."""
    import tomlkit
    from tomlkit.items import AoT, InlineTable, Table

    current = doc.get(metric)
    if current is None:
        doc[metric] = _table(entry)
        return
    tables = list(current) if isinstance(current, AoT) else [current]
    for table in tables:
        if isinstance(table, Table | InlineTable) and span(table.unwrap()) == span(entry):
            for key in [k for k in table if k not in entry]:
                del table[key]
            for key, value in entry.items():
                if key not in table or table[key] != value:
                    table[key] = _revisions(value) if key == "revisions" else value
            return
    if isinstance(current, AoT):
        current.append(_table(entry))
    else:  # a second span of the metric: [metric] becomes [[metric]], the first table kept as written
        aot = tomlkit.aot()
        aot.append(current if isinstance(current, Table) else _table(current.unwrap()))
        aot.append(_table(entry))
        doc[metric] = aot


def _table(entry: dict[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    for key, value in entry.items():
        table[key] = _revisions(value) if key == "revisions" else value
    return table


def _revisions(figures: list[dict[str, Any]]) -> Any:
    """Earlier figures as FORMAT.md shows them: an array of inline tables, one a line."""
    import tomlkit

    array = tomlkit.array()
    for figure in figures:
        inline = tomlkit.inline_table()
        inline.update(figure)
        array.append(inline)
    return array.multiline(True)


def clean_stale(folder: Path) -> None:
    """Temporary files of writers killed before their rename: under the lock, no writer is live."""
    for path in folder.iterdir():
        if STALE.match(path.name):
            with contextlib.suppress(OSError):
                path.unlink()


def write_atomic(path: Path, data: bytes) -> None:
    """Replace the year file `path` with `data` in one step, after checking it reads back as the
    same TOML; on any failure the old file is untouched and no temporary file is left."""
    write_bytes_atomic(path, data, check=_toml)


def write_bytes_atomic(path: Path, data: bytes, check: Callable[[bytes], object] | None = None) -> None:
    """Replace `path` with `data` in one step; on any failure the old file is untouched and no
    temporary file is left. Mode kept, and owner where the system allows it. `check` reads what
    was written: what it returns must equal what it returns for `data`."""
    tmp = _stage(path, data, check)
    try:
        _commit(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _sync_folder(path.parent)


def _stage(path: Path, data: bytes, check: Callable[[bytes], object] | None) -> Path:
    """`data` in a temporary file beside `path`, flushed, with path's mode and owner, read back;
    nothing is left behind on failure."""
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
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _commit(tmp: Path, path: Path) -> None:
    os.replace(tmp, path)


def _sync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # make the renames themselves durable, where the system allows
        dir_fd = os.open(folder, os.O_RDONLY)
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
    revision: bool = False,
    old_published: dt.date | None = None,
) -> Recorded:
    """Add or replace one observation in actuals/YEAR.toml of the plan in `folder`; with
    `revision`, file a new figure for one that exists, keeping the old one in `revisions`.

    Raises NeedsReplace when one of the same span exists and neither `replace` nor `revision` is
    set, NothingToRevise when `revision` finds none, Invalid when the plan would not validate with
    the change, Refused when the file cannot be changed; in every case nothing is written.
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
        if revision and old is None:
            raise NothingToRevise()
        if revision and old is not None:
            entry = revise(old, given, year, old_published)
        else:
            entry = merge(old, given, cleared)
        if old is not None and not (replace or revision):
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


# ---------------------------------------------------------------- many figures at once (import)


@dataclass(frozen=True)
class Outcome:
    """What becomes of one given figure: `new`, `unchanged` or `replaced` (with the old one)."""

    metric: str
    year: int
    status: str
    old: dict[str, Any] | None
    new: dict[str, Any]


class NeedsReplaceAll(Exception):
    """Some figures would replace others: the user's word (--replace) is needed for all of them."""

    def __init__(self, outcomes: list[Outcome]) -> None:
        super().__init__("needs --replace")
        self.outcomes = outcomes


@dataclass(frozen=True)
class Imported:
    outcomes: list[Outcome]
    paths: list[Path]  # the files written (or that would be, on a dry run)
    written: bool
    warnings: tuple[Problem, ...] = ()


def record_many(
    folder: Path,
    figures: list[tuple[str, int, dict[str, Any]]],
    *,
    replace: bool = False,
    dry_run: bool = False,
    wait: float = LOCK_WAIT,
    on_wait: Callable[[], None] = lambda: None,
) -> Imported:
    """Add or replace many observations (metric, year, given keys) in the plan in `folder`, each
    as `record` would: checked all together with the whole plan, then every year file written or
    none. Figures equal to what the file holds are left alone. Raises Invalid, NeedsReplaceAll or
    Refused, and then nothing is written."""
    import tomlkit

    actuals = folder / "actuals"
    by_year: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for metric, year, given in figures:
        by_year.setdefault(year, []).append((metric, given))
    with locked(actuals, wait, on_wait):
        clean_stale(actuals)
        outcomes: list[Outcome] = []
        texts: dict[Path, str] = {}
        writes: list[tuple[Path, bytes, bytes | None]] = []
        for year, given_in_year in sorted(by_year.items()):
            path = actuals / f"{year}.toml"
            target = target_of(path)
            try:
                raw = read_regular(target) if target.exists() else None
                text = raw.decode("utf-8") if raw is not None else None
                expected = tomllib.loads(text) if text is not None else {"year": year}
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                raise Invalid(load_folder(folder, warnings=False).errors) from None
            doc = None  # parsed by tomlkit once, at the first change: one pass per file, however many figures
            for metric, given in given_in_year:
                old = existing_in(expected, metric, given)
                entry = merge(old, given, set())
                status = "new" if old is None else "unchanged" if old == entry else "replaced"
                outcomes.append(Outcome(metric, year, status, old, entry))
                if status != "unchanged":
                    doc = parsed(text, year) if doc is None else doc
                    change(doc, metric, entry)
                    put(expected, metric, entry)
            if doc is None:
                continue
            new_text = tomlkit.dumps(doc)
            if tomllib.loads(new_text) != expected:  # tomlkit kept something it should have changed
                raise Refused("record_not_kept", file=target)
            texts[path] = new_text
            writes.append((target, new_text.encode("utf-8"), raw))
        report = load_folder(folder, texts=texts)
        if not report.ok():
            raise Invalid(report.errors)
        if not replace and any(o.status == "replaced" for o in outcomes):
            raise NeedsReplaceAll(outcomes)
        if not dry_run:
            write_all(writes)
    shown = {display(p) for p in texts}
    warnings = tuple(p for p in report.warnings if p.file in shown)
    return Imported(outcomes, [w[0] for w in writes], not dry_run, warnings)


def write_all(writes: list[tuple[Path, bytes, bytes | None]]) -> None:
    """Replace every file (path, new bytes, old bytes or None for a new file), or none: all the
    temporary files are written and read back first, then renamed one by one; a failure among the
    renames puts back the files already replaced (and removes the new ones)."""
    staged: list[tuple[Path, Path, bytes | None]] = []
    try:
        for path, data, old in writes:
            staged.append((path, _stage(path, data, _toml), old))
        done: list[tuple[Path, bytes | None]] = []
        try:
            for path, tmp, old in staged:
                _commit(tmp, path)
                done.append((path, old))
        except BaseException:
            for path, old in reversed(done):
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    write_bytes_atomic(path, old)
            raise
    finally:
        for _, tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    for folder in {path.parent for path, _, _ in writes}:
        _sync_folder(folder)


def _toml(written: bytes) -> object:
    return tomllib.loads(written.decode("utf-8"))
