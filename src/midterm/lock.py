"""One writer at a time: the lock a writing command (record, import) holds on a plan's actuals/
folder for its whole read-validate-write, and how long it waits for another writer."""

import contextlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

LOCK_WAIT = 30.0  # seconds a writer waits for another one to finish


def lock_wait() -> float:
    """The wait asked for in $MIDTERM_LOCK_WAIT (seconds), else LOCK_WAIT."""
    try:
        return max(0.0, float(os.environ.get("MIDTERM_LOCK_WAIT", "")))
    except ValueError:
        return LOCK_WAIT


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
            from .store import Refused  # the store's refusal: the change cannot be made now

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
