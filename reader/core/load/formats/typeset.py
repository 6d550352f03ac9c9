"""What only typesetting changed, undone: ligatures, soft hyphens, no-break and zero-width spaces.

A PDF shows "ﬃ" where the text file has "ffi"; a word processor keeps soft
hyphens and no-break spaces in the text; none of them change a word. Every
format's text is mapped here (``loader`` calls ``plain`` on what a reader
extracted), so the same article compares as the same whatever it was saved as,
and the pane shows the mapped text (a decomposed ligature looks the same).
One ``str.translate`` pass: linear, in C. A ligature becomes two or three
characters, so the result is checked against the character limit (before it is
built, when it could pass it).
"""

from __future__ import annotations

from reader.core.load.formats import too_much_text

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",  # long s + t: its compatibility decomposition is "ſt", read as "st"
    "\ufb06": "st",
}
_SPACES = "\u00a0\u2007\u202f"  # no-break, figure and narrow no-break spaces
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"  # soft hyphen, zero-width space, word joiner, BOM
_TABLE = str.maketrans(
    {**LIGATURES, **dict.fromkeys(_SPACES, " "), **dict.fromkeys(_INVISIBLE, None)}
)
_GROWTH = {char: len(value) - 1 for char, value in LIGATURES.items() if len(value) > 1}


def plain(text: str, limit: int) -> str:
    """``text`` with typesetting undone; ``BadInput`` if ligatures grow it past ``limit``."""
    if len(text) * 3 > limit:  # only then can it pass the limit: count before building it
        if len(text) + sum(text.count(c) * n for c, n in _GROWTH.items()) > limit:
            raise too_much_text(limit)
    return text.translate(_TABLE)
