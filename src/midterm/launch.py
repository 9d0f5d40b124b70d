"""The console script and `python -m midterm`: Ctrl-C at any moment ends quietly, exit 130.

Imports take the first tenth of a second, and a KeyboardInterrupt there used to print Python's
traceback (8 tries in 12): this module imports nothing of midterm's until it guards the rest.
"""

import sys


def run() -> None:
    try:
        # even `signal` is imported inside the guard: building its enums takes long enough to be
        # interrupted, and an interrupted import at module level prints Python's traceback
        from .cli import main

        if {"--show-completion", "--install-completion"} & set(sys.argv[1:]):
            _shell_from_environment()
        main()
    except KeyboardInterrupt:
        _quit()
    except Exception as e:
        if not interrupted(e):
            raise
        _quit()


def interrupted(error: BaseException | None) -> bool:
    """Ctrl-C, even as the cause of another error: one that lands while a class is built reaches us
    as "RuntimeError: Error calling __set_name__", its KeyboardInterrupt inside."""
    while error is not None:
        if isinstance(error, KeyboardInterrupt):
            return True
        error = error.__cause__ or error.__context__
    return False


def _quit() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving: still quiet
    sys.exit(130)  # 128 + SIGINT, as a shell reports a process that Ctrl-C stopped


def _shell_from_environment() -> None:
    """typer finds the shell to complete for among the process's ancestors (shellingham); started
    by something that is not a shell (a scheduler, an IDE, a detached runner) it finds none and
    says "Shell  not supported.". $SHELL, the user's login shell, is the answer then."""
    import os

    import typer._completion_shared as shared
    import typer.completion as completion

    found = shared._get_shell_name

    def detect() -> str | None:
        return found() or os.path.basename(os.environ.get("SHELL", "")).lower() or None

    shared._get_shell_name = detect
    setattr(completion, "_get_shell_name", detect)  # noqa: B010 (typer imported it by name)
