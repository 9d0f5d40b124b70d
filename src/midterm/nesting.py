"""How deep a TOML text nests its arrays and inline tables, found before a parser recurses into it.

toml-rs recurses without limit: a 12 KB file of arrays 6,000 deep overflows its stack and kills
the process (SIGSEGV, no message); tomllib stops near 300 levels with a RecursionError that
says nowhere. A plan's values nest two or three levels, so anything past MAX_DEPTH is refused
with its line and column before either parser sees it.

The check must cost little on national datasets (tens of megabytes): `bytes.translate` first
drops every byte but brackets, quotes, `#`, and line ends (escaped quotes and backslashes are cut
out before, so a string still ends where it ended); on what is left, a tenth of the text or less,
a regular expression cuts out strings and comments, and each pass of `str.replace` removes the
innermost pairs: plain data is empty after two or three passes (two quotes in a row are dropped
first, as most strings are empty by then). Only a text still nested after MAX_DEPTH passes, or
that leaves many openers unclosed, is scanned token by token to find the place.
"""

import re

MAX_DEPTH = 100  # tomllib itself gives up near 300

# the four kinds of TOML string, and comments; a basic string's escapes may hide a quote
# Patterns as text, compiled by `re` the first time a file is deep enough to need them: compiling
# them at import was a share of every start-up.
_SKIP = r'"""(?:[^\\]|\\.)*?"""|\'\'\'.*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
_NOT_BRACKET = r"[^\[\]{}]+"
_DROP = bytes(b for b in range(256) if chr(b) not in "[]{}\"'#\n")
_TOKEN = _SKIP + r"|[\[\]{}]"


def too_deep(text: str) -> tuple[int, int] | None:
    """(line, column) where `text` first nests deeper than MAX_DEPTH, or None."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    bare = text.encode("utf-8", "surrogatepass").replace(b"\\\\", b"").replace(b'\\"', b"")
    kept = bare.translate(None, _DROP).decode("ascii")
    if '"""' not in kept and "'''" not in kept:
        # empty strings, most of what is left: two quotes in a row open and close a string, or
        # sit inside one, and leave the rest as it was (a third would make a multi-line string)
        kept = kept.replace('""', "").replace("''", "")
    brackets = re.sub(_NOT_BRACKET, "", re.sub(_SKIP, "", kept, flags=re.DOTALL))
    for _ in range(MAX_DEPTH):
        shorter = brackets.replace("[]", "").replace("{}", "")
        if shorter == brackets:
            break
        brackets = shorter
    else:
        return _place(text)
    # what is left cannot be paired: closers, openers never closed, or a [ closed by a }
    if brackets.count("[") + brackets.count("{") > MAX_DEPTH:
        return _place(text)
    return None


def _place(text: str) -> tuple[int, int] | None:
    depth = 0
    for match in re.finditer(_TOKEN, text, re.DOTALL):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                start = match.start()
                line_start = text.rfind("\n", 0, start) + 1
                return text.count("\n", 0, start) + 1, start - line_start + 1
        elif token in "]}":
            depth = max(0, depth - 1)
    return None
