"""The language midterm speaks, chosen by one function.

Vietnamese is the default, English the other. The words themselves, in both languages, are in
the `words` package; this module only decides which of the two a run speaks.
"""

import os
from typing import Literal

from .options import BadValue

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")


def choose(flag: str | None, plan: str | None = None) -> Lang:
    """--lang, else $MIDTERM_LANG, else the plan's language, else Vietnamese.

    A --lang or a $MIDTERM_LANG that is not a language is refused (BadValue, a usage error),
    the same way from either; an empty $MIDTERM_LANG counts as unset."""
    env = os.environ.get("MIDTERM_LANG") or None
    for given, value in ((f"--lang {flag}", flag), (f"MIDTERM_LANG={env}", env)):
        if value is not None:
            word = value.strip().lower()
            for lang in LANGS:
                if word == lang:
                    return lang
            raise BadValue("bad_lang", given=given)
    return "en" if plan == "en" else "vi"


def refusal_language(plan: str | None = None) -> Lang:
    """The language to refuse a bad --lang or $MIDTERM_LANG in: the next source that is good."""
    try:
        return choose(None, plan)
    except BadValue:
        return "en" if plan == "en" else "vi"
