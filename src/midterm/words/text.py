"""Text from data files as it is shown: never obeyed by a terminal, never endless."""

import re

# Characters a terminal would obey rather than show: C0 and C1 controls (a tab is only a gap),
# and the invisible marks that reorder or break lines (bidirectional overrides and isolates,
# the Unicode line and paragraph separators), with which a name could print backwards or fake
# a new row; and the two non-characters XML cannot hold (a Word document would be refused).
_CONTROL = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff"
    "\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]"  # invisible: two ids that look alike are told apart
)
LONGEST = 2000  # characters of one text from a data file shown; a 3-million-character name would take minutes


def clean(text: str, limit: int = LONGEST) -> str:
    """Text from data files as it is shown: control characters as escapes, never obeyed by a
    terminal, and at most `limit` characters, saying how many more there are."""
    if len(text) > limit:
        text = f"{text[:limit]}… (+{len(text) - limit:,} characters)"
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
