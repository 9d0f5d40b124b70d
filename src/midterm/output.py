"""Where a command's output goes, and how it survives the way there.

- stdout is not always UTF-8 (a Windows console redirected to a file, `LANG=C`, PYTHONIOENCODING):
  what the stream cannot encode is written in plain ASCII (Vietnamese without its marks, `≥`
  as `>=`) instead of ending the command in an error.
- `--output FILE` writes UTF-8 (a CSV with a byte-order mark, so that Excel reads Vietnamese),
  atomically, never into the installed package.
- Width and colour are decided when the command runs: COLUMNS, a terminal, NO_COLOR, FORCE_COLOR,
  TERM=dumb.
"""

import codecs
import os
import shutil
import sys
import unicodedata
from pathlib import Path

# What a non-UTF-8 stream gets instead of characters it cannot encode.
_PLAIN = {
    "đ": "d",
    "Đ": "D",
    "≠": "!=",
    "≥": ">=",
    "≤": "<=",
    "—": "-",
    "–": "-",
    "…": "...",
    "·": "-",
    "─": "-",
    "━": "-",
    "│": "|",
    "→": "->",
    "×": "x",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
}


def _plain(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    out = []
    for char in error.object[error.start : error.end]:
        text = _PLAIN.get(char)
        if text is None:
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            text = base if base.isascii() and base else "?"
        out.append(text)
    return "".join(out), error.end


codecs.register_error("midterm-plain", _plain)


def safe_streams() -> None:
    """Never fail on the output's encoding: characters a stream cannot take are written plainly."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="midterm-plain")
            except (ValueError, OSError):  # a closed or detached stream: nothing to protect
                pass


def wants_color(isatty: bool) -> bool:
    """NO_COLOR (https://no-color.org) wins, then FORCE_COLOR, then a dumb terminal; else a terminal."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return isatty


def screen(to_file: bool = False) -> tuple[int, bool]:
    """Width and colour for a table written now: COLUMNS or the terminal, and wants_color."""
    width = shutil.get_terminal_size(fallback=(100, 24)).columns
    color = not to_file and wants_color(sys.stdout.isatty())
    return max(width, 40), color


def write_file(path: Path, data: bytes) -> None:
    """A whole output file, in one step: readers never see half of it. Raises OSError.

    What the path names is written into, never replaced by a regular file: a symbolic link's
    target (the link stays), a FIFO or a character device (`-o /dev/null`, `-o /dev/stdout`).
    A broken link, a folder, a block device or a socket is refused."""
    import stat

    from .plans import Unusable, refuse_package_path
    from .store import write_bytes_atomic

    refuse_package_path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise Unusable("output_not_a_file", path=path) from None
        mode = None
    if mode is None or stat.S_ISREG(mode):
        target = Path(os.path.realpath(path)) if path.is_symlink() else path
        refuse_package_path(target)
        write_bytes_atomic(target, data)
    elif stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        _write_into(path, data)
    else:
        raise Unusable("output_not_a_file", path=path)


def _write_into(path: Path, data: bytes) -> None:
    # without blocking, so a FIFO nobody reads is an error (ENXIO) instead of a wait forever
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def emit(text: str, output: Path | None, bom: bool = False) -> None:
    """The command's result: to stdout, or UTF-8 into `output` (with a BOM for a spreadsheet)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_file(output, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
