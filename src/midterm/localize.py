"""typer's command classes, speaking the user's language.

typer writes its help and its usage errors in English. midterm speaks Vietnamese by default,
so the command classes here put every help text, panel title and usage error into the language
of the command line (`i18n.choose`: `--lang` wherever it is given, else $MIDTERM_LANG, else
Vietnamese; a plan's own language is known only once a command reads it, too late for help).
The Vietnamese texts are in `words.help`.

Usage errors become one line, like every other error of midterm: `midterm: <what> (see ...)`,
exit code 2.
"""

import os
import re
import sys
from typing import Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from .i18n import Lang, choose, refusal_language
from .options import BadValue


def root_language(argv: list[str]) -> tuple[str | None, list[str]]:
    """A `--lang` given before the command (`midterm --lang en status`), and the line without it."""
    if len(argv) >= 2 and argv[0] == "--lang":
        return argv[1], argv[2:]
    if argv and argv[0].startswith("--lang="):
        return argv[0].split("=", 1)[1], argv[1:]
    return None, argv


def given_language(args: list[str]) -> str | None:
    """The last `--lang` of a command line (the command's own wins over the one before it)."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith("--lang="):
            found = arg[7:]
    return found


def line_language(argv: list[str]) -> Lang:
    """The language of a line written outside any command (an internal error): the command
    line's last --lang, else $MIDTERM_LANG, else Vietnamese (`i18n.choose`)."""
    try:
        return choose(given_language(argv))
    except BadValue:
        return refusal_language()


def _set_typer_words(lang: Lang) -> None:
    from typer import rich_utils  # imports rich: only when help is printed

    from .words.help import TYPER_WORDS

    for name, (en, vi) in TYPER_WORDS.items():
        setattr(rich_utils, name, vi if lang == "vi" else en)


def _translate(command: Any, lang: Lang, texts: bool) -> None:
    """A command (and its subcommands) in `lang`: its usage line, and with `texts` every help text."""
    command.lang, command.texts = lang, texts
    if texts:
        from .words.help import help_text

        command.help = help_text(command.help, lang)
        command.short_help = help_text(getattr(command, "short_help", None), lang)
        for param in command.params:
            if getattr(param, "help", None):
                param.help = help_text(param.help, lang)
            if getattr(param, "is_flag", False) and param.metavar is None:
                param.metavar = ""  # a flag takes no value: no "<bool>" beside it
            if getattr(param, "param_type_name", "") == "argument" and param.metavar:
                # an argument named by its metavar (PATH...) needs no Python type beside it (<list[Path]>)
                param.display_type_rich = lambda ctx: None
    for sub in getattr(command, "commands", {}).values():
        _translate(sub, lang, texts)


class _Local:
    """What the group and its commands share: their help option and usage line, translated."""

    lang: Lang = "vi"  # set for the run by Group.main
    texts = False  # whether help may be shown, and its texts are translated

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None and self.texts:
            from .words.help import help_text

            option.help = help_text("Show this message and exit.", self.lang)
            option.metavar = ""
        return option

    def get_usage(self, ctx: Any) -> str:
        usage: str = super().get_usage(ctx)  # type: ignore[misc]
        return re.sub(r"^Usage:", "Cách dùng:", usage) if self.lang == "vi" else usage


class Command(_Local, TyperCommand):
    """A midterm command: typer's, with help in the language of the command line."""


class Group(_Local, TyperGroup):
    """The midterm app: sets the language of help and usage errors, and ends a usage error in one line."""

    def main(self, *given: Any, **extra: Any) -> Any:
        """click's `main`, never standalone: the errors it would print and exit with end here."""
        args = extra.pop("args", given[0] if given else None)
        extra.pop("standalone_mode", None)
        extra["prog_name"] = extra.get("prog_name") or "midterm"
        argv = list(sys.argv[1:] if args is None else args)
        try:
            lang = choose(given_language(argv))
        except BadValue as e:
            _refuse(e)
        root, argv = root_language(argv)
        if root is not None and argv and not argv[0].startswith("-"):
            # `midterm --lang en status ...` is `midterm status --lang en ...`; a --lang given
            # after the command comes later on the line, and wins
            argv = [argv[0], "--lang", root, *argv[1:]]
        # help texts are read only where help is shown: help itself, and shell completion
        shown = not argv or any(a in ("-h", "--help") for a in argv)
        if shown:
            _set_typer_words(lang)
        _translate(self, lang, shown or "_MIDTERM_COMPLETE" in os.environ)
        try:
            code = super().main(argv, standalone_mode=False, **extra)
        except typer.Abort as e:  # Ctrl-C (exit 130, as a shell says), or no more input
            sys.stderr.write("\n")
            sys.exit(130 if isinstance(e.__cause__, KeyboardInterrupt) else 1)
        except typer.TyperException as e:
            if type(e).__name__ == "NoArgsIsHelpError":  # `midterm` alone: its help, exit 2
                sys.stdout.write(e.format_message())
                sys.exit(2)
            from .words.help import usage_error

            sys.stderr.write(f"midterm: {usage_error(e, lang)}\n")
            sys.exit(getattr(e, "exit_code", 2))
        sys.exit(code if isinstance(code, int) else 0)


def _refuse(e: BadValue) -> NoReturn:
    """A bad --lang or $MIDTERM_LANG, before typer runs: the refusal's line, exit 2."""
    from .request import say

    say(e.key, refusal_language(), **e.values)
    sys.exit(2)
