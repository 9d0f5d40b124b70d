"""The console script and `python -m midterm`: Ctrl-C at any moment ends quietly, exit 130.

Imports take the first tenth of a second, and a KeyboardInterrupt there used to print Python's
traceback (8 tries in 12): this module imports nothing of midterm's until it guards the rest.
"""

import os
import signal
import sys


def run() -> None:
    try:
        from .cli import main

        if {"--show-completion", "--install-completion"} & set(sys.argv[1:]):
            _shell_from_environment()
        main()
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving: still quiet
        sys.exit(130)  # 128 + SIGINT, as a shell reports a process that Ctrl-C stopped


def _shell_from_environment() -> None:
    """typer finds the shell to complete for among the process's ancestors (shellingham); started
    by something that is not a shell (a scheduler, an IDE, a detached runner) it finds none and
    says "Shell  not supported.". $SHELL, the user's login shell, is the answer then."""
    import typer._completion_shared as shared
    import typer.completion as completion

    found = shared._get_shell_name

    def detect() -> str | None:
        return found() or os.path.basename(os.environ.get("SHELL", "")).lower() or None

    shared._get_shell_name = detect
    setattr(completion, "_get_shell_name", detect)  # noqa: B010 (typer imported it by name)
