"""The console script and `python -m midterm`: Ctrl-C at any moment ends quietly, exit 130.

Imports take the first tenth of a second, and a KeyboardInterrupt there used to print Python's
traceback (8 tries in 12): this module imports nothing of midterm's until it guards the rest.
"""

import signal
import sys


def run() -> None:
    try:
        from .cli import main

        main()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving: still quiet
        sys.exit(130)  # 128 + SIGINT, as a shell reports a process that Ctrl-C stopped
