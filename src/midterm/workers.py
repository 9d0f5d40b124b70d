"""Worker processes that never outlive the process that started them.

A plan of several megabytes is parsed by one worker per core, and a roll-up of many plans reads
them in workers too. If the main process is killed (SIGKILL cannot be caught), its workers
must not go on holding the caller's pipes open: on Linux the kernel kills each worker when its
parent dies (PR_SET_PDEATHSIG); everywhere, each worker also watches its parent and leaves as
soon as it is gone.
"""

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when a pool is started: most runs never start one
    from concurrent.futures import ProcessPoolExecutor


def count() -> int:
    """MIDTERM_WORKERS, else one process per core; 1 means this process only."""
    try:
        return max(1, int(os.environ.get("MIDTERM_WORKERS", "")))
    except ValueError:
        return os.cpu_count() or 1


def pool(workers: int) -> "ProcessPoolExecutor":
    """A pool whose workers die with this process. Raises OSError or RuntimeError where
    processes cannot be started."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # fork: a worker starts in a millisecond with midterm already imported (Linux only; macOS
    # and Windows spawn, which is slower but safe)
    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),))


def _die_with_parent(parent: int) -> None:
    os.environ["MIDTERM_WORKERS"] = "1"  # a worker does its share itself: no pools within the pool
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
    import threading

    threading.Thread(target=_watch, args=(parent,), daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)
