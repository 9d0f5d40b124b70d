"""Finding a plan's files and reading them as TOML: where each thing is, and what it says.

Rules about what the files mean live in `load`; this module only locates and parses.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

# A year file is named by four ASCII digits: \d would also take ２０２２ (full-width) or ٢٠٢٢.
YEAR_FILE = re.compile(r"^[0-9]{4}$")

# ---------------------------------------------------------------- where the data lives


def display(path: Path) -> str:
    """A path as the user will recognise it: relative to the current folder when inside it."""
    try:  # the name the user gave, not where a link leads (targets.toml, not what it points to)
        return str((path.parent.resolve() / path.name).relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # outside the folder, or a symlink loop
        return str(path)


def displays(paths: Iterable[Path]) -> dict[Path, str]:
    """`display` of many paths, each folder and the current folder resolved once: the year files
    of a thousand plans are shown without resolving the same folders thousands of times."""
    try:
        here = Path.cwd().resolve()
    except (OSError, RuntimeError):
        return {path: str(path) for path in paths}
    folders: dict[Path, Path] = {}
    shown: dict[Path, str] = {}
    for path in paths:
        try:
            if path.parent not in folders:
                folders[path.parent] = path.parent.resolve()
            shown[path] = str((folders[path.parent] / path.name).relative_to(here))
        except (ValueError, OSError, RuntimeError):
            shown[path] = str(path)
    return shown


# ---------------------------------------------------------------- reading one file


class Locator:
    """Finds the line of a TOML path (`indicators[3].metrics[0].kind`) in a file's text.

    tomllib gives no positions, so the lines are found by reading table headers and keys;
    built only when a problem needs a line.
    """

    # as text: `re` compiles them when a problem first needs a line, not at every start-up
    HEADER = r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$"
    KEY = r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*="

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def lines(self) -> dict[tuple[str | int, ...], int]:
        found: dict[tuple[str | int, ...], int] = {}
        counts: dict[tuple[str | int, ...], int] = {}
        table: tuple[str | int, ...] = ()
        in_string = False
        for number, line in enumerate(self.text.splitlines(), start=1):
            if line.count('"""') % 2 or line.count("'''") % 2:
                in_string = not in_string
                if in_string:  # the key that opens a multi-line string is still a key
                    self._key(line, table, number, found)
                continue
            if in_string:
                continue
            header = re.match(self.HEADER, line)
            if header:
                names = _split_key(header.group(2))
                table = self._resolve(names, counts, header.group(1) == "[[")
                for end in range(1, len(table) + 1):  # [a.b.c] also shows where `a` is
                    found.setdefault(table[:end], number)
                continue
            self._key(line, table, number, found)
        return found

    def _key(self, line: str, table: tuple[str | int, ...], number: int, found: dict[Any, int]) -> None:
        key = re.match(self.KEY, line)
        if key:
            found.setdefault(table + tuple(_split_key(key.group(1))), number)

    @staticmethod
    def _resolve(names: list[str], counts: dict[Any, int], array: bool) -> tuple[str | int, ...]:
        # `[[indicators.metrics]]` belongs to the latest `[[indicators]]`: reuse its index.
        path: tuple[str | int, ...] = ()
        for i, name in enumerate(names):
            path += (name,)
            last = i == len(names) - 1
            if last and array:
                index = counts.get(path, 0)
                counts[path] = index + 1
                path += (index,)
            elif not last and path in counts:
                path += (counts[path] - 1,)
        return path

    def line(self, parts: Iterable[str | int]) -> int | None:
        key = tuple(parts)
        while key:
            if key in self.lines:
                return self.lines[key]
            key = key[:-1]
        return None


def _split_key(text: str) -> list[str]:
    return [part.strip().strip("\"'") for part in text.split(".")]


def path_text(parts: Iterable[str | int], year_file: bool = False) -> str:
    """(`indicators`, 3, `metrics`, 0, `kind`) -> indicators[3].metrics[0].kind;
    in a year file the metric is a table: [grdp-growth].value, [[grdp-growth]][1].value."""
    parts = list(parts)
    out = ""
    if year_file and parts and isinstance(parts[0], str) and parts[0] != "year":
        first = parts.pop(0)
        if parts and isinstance(parts[0], int):
            out = f"[[{first}]][{parts.pop(0)}]"
        else:
            out = f"[{first}]"
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


class Parsed:
    """A parsed file: its document, and its text for finding lines. (A plain class: building a
    dataclass costs a millisecond of every start-up.)"""

    def __init__(self, doc: dict[str, Any], text: str) -> None:
        self.doc = doc
        self.text = text

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.text)


Failure = tuple[str, dict[str, Any], int | None, int | None]  # message key, its values, line, column


MAX_BYTES = 32 * 2**20  # a whole country's plans are a few megabytes; more is not a plan


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """A file's bytes, if it is a regular file of at most `limit` bytes.

    Opened without blocking, so a FIFO or a device named like a year file is refused at once
    instead of waiting forever for a writer. Raises OSError (NotRegular, TooLarge included)."""
    limit = MAX_BYTES if limit is None else limit
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise IsADirectoryError(path) if stat.S_ISDIR(info.st_mode) else NotRegular(path)
        if info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            if sum(map(len, chunks)) > limit:  # it grew while we read
                raise TooLarge(sum(map(len, chunks)), limit)
        return b"".join(chunks)
    finally:
        os.close(fd)


class NotRegular(OSError):
    """A FIFO, a socket or a device where a file was expected."""


class TooLarge(OSError):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(f"{size} bytes")
        self.size, self.limit = size, limit


def _size(n: int) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n:,} bytes"


def parse_file(path: Path, text: str | None = None) -> Parsed | Failure:
    """Read and parse one TOML file (or `text`, what it is about to hold)."""
    try:
        raw = read_regular(path) if text is None else text.encode("utf-8")
    except FileNotFoundError:
        if path.is_symlink():
            return ("dangling_link", {"target": os.readlink(path)}, None, None)
        return ("missing_file", {}, None, None)
    except IsADirectoryError:
        return ("is_dir", {}, None, None)
    except NotRegular:
        return ("not_regular", {}, None, None)
    except TooLarge as e:
        return ("too_large", {"size": _size(e.size), "limit": _size(e.limit)}, None, None)
    except OSError as e:
        return ("unreadable", {"reason": e.strerror or type(e).__name__}, None, None)
    if raw.startswith(b"\xef\xbb\xbf"):
        return ("bom", {}, 1, 1)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return ("not_utf8", {"offset": e.start}, raw[: e.start].count(b"\n") + 1, None)
    try:
        doc = loads(text)
    except ValueError as e:  # tomllib.TOMLDecodeError (tomllib is imported only when a file needs it)
        detail, line, column = _toml_position(str(e), text)
        args: dict[str, Any] = {"detail": detail}
        lines = text.splitlines()
        if line is not None and 0 < line <= len(lines) and re.search(r"=\s*[+-]?[0-9]+,[0-9]", lines[line - 1]):
            args["decimal_comma"] = True  # 84,6: the most likely slip of a Vietnamese hand
        return ("toml_syntax", args, line, column)
    except RecursionError:
        return ("toml_syntax", {"detail": "nested too deeply"}, None, None)
    from .bigints import too_large

    if (big := too_large(raw, text, doc)) is not None:  # TOML 1.0: a parser must refuse it
        return ("int_too_large", {"value": big[0]}, big[1], None)
    return Parsed(doc, text)


def loads(text: str) -> dict[str, Any]:
    """TOML 1.0, as the standard library reads it, parsed by a compiled parser where there is one.

    tomllib is pure Python and was most of the time of a national dataset; toml-rs (Rust, wheels
    for Linux, macOS and Windows) parses the same files 5 to 15 times faster, and gives results
    identical to tomllib's on every file of the tests (a test checks it). Only when toml-rs
    refuses a text does tomllib read it again: its error gives the line and column, and if it
    reads the text after all, its reading stands.
    """
    from .nesting import MAX_DEPTH, too_deep

    if (place := too_deep(text)) is not None:  # both parsers would recurse into it (toml-rs dies)
        raise ValueError(f"nested more than {MAX_DEPTH} levels deep (at line {place[0]}, column {place[1]})")
    if _fast is not None and not text.startswith("\ufeff"):  # toml-rs skips a BOM; TOML 1.0 does not
        try:
            return _fast(text, toml_version="1.0.0")
        except Exception:  # toml-rs's error: tomllib says what and where, or reads it after all
            pass
    import tomllib

    return tomllib.loads(text)


_fast: Callable[..., dict[str, Any]] | None
try:
    from toml_rs import loads as _fast
except ImportError:  # a platform without its wheel: the standard library alone
    _fast = None


PARALLEL_BYTES = 2_000_000  # below this a second process costs more than it saves


class ParseAhead:
    """Year files parsed ahead, in worker processes, while this process reads targets.toml.

    tomllib is pure Python, and a national dataset (tens of megabytes) spends most of its time
    in it; with several cores and enough TOML, the work is shared out. Anything that stops the
    workers (no processes allowed here, a pool that breaks) falls back to parsing in this one.
    """

    def __init__(self, paths: list[Path], texts: dict[Path, str]) -> None:
        self.texts = texts
        self.futures: dict[Path, Any] = {}
        self.pool: Any = None
        sizes = {}
        for path in paths:
            try:
                sizes[path] = len(texts[path]) if path in texts else path.stat().st_size
            except OSError:
                sizes[path] = 0
        if sum(sizes.values()) < PARALLEL_BYTES:  # a province's plan: `workers` stays unloaded
            return
        from . import workers

        cores = workers.count()
        if cores < 2:
            return
        try:
            self.pool = workers.pool(min(cores, len(paths)))
            for path in sorted(paths, key=lambda p: -sizes[p]):  # the largest first, to share out evenly
                self.futures[path] = self.pool.submit(parse_file, path, texts.get(path))
        except (OSError, RuntimeError):
            self.close()

    def get(self, path: Path) -> Parsed | Failure:
        future = self.futures.pop(path, None)
        if future is not None:
            try:
                result: Parsed | Failure = future.result()
                return result
            except (OSError, RuntimeError):  # a broken pool: parse it here
                pass
        return parse_file(path, self.texts.get(path))

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> ParseAhead:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _toml_position(message: str, text: str) -> tuple[str, int | None, int | None]:
    # tomllib (3.11-3.13) puts the place only in the message text.
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)\s*$", message)
    if match:
        return message[: match.start()], int(match.group(1)), int(match.group(2))
    match = re.search(r"\s*\(at end of document\)\s*$", message)
    if match:
        return message[: match.start()], text.count("\n") + 1, None
    return message, None, None
