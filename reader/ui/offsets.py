"""The one place where article offsets (code points) become Qt positions (UTF-16 units).

Python indexes a ``str`` by code point; ``QTextDocument`` counts UTF-16 code
units, so every character outside the Basic Multilingual Plane (emoji, some
CJK) counts 2 in Qt. A pane may also show a blank line between two paragraphs
the article has on consecutive lines (``paragraph_gaps``): one more Qt unit
each, which belongs to no article offset. Every view converts through an
``OffsetMap``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from itertools import pairwise

_WIDE = re.compile("[\U00010000-\U0010ffff]")
# A line break before a non-empty line (whether the line before it is empty is
# asked of the match: a lookbehind at every position is 3x slower on 3 MB).
_BREAK_BEFORE_TEXT = re.compile(r"\n(?=[^\n])")


def paragraph_gaps(text: str) -> list[int]:
    """Offsets of the paragraphs that directly follow another, where a pane shows a blank line.

    A web page, PDF or Word document gives one paragraph per line; shown as
    such, its paragraphs would run together where the page spaced them.
    """
    return [
        match.end()
        for match in _BREAK_BEFORE_TEXT.finditer(text)
        if match.start() and text[match.start() - 1] != "\n"
    ]


def shown_text(text: str, gaps: Sequence[int]) -> str:
    """``text`` with a line break inserted before each offset of ``gaps`` (sorted)."""
    if not gaps:
        return text
    return "\n".join(text[a:b] for a, b in pairwise([0, *gaps, len(text)]))


class OffsetMap:
    """Converts between offsets into ``text`` and Qt positions in a document showing it.

    ``gaps`` are the offsets before which the document has one more line break
    than the text (``shown_text``).
    """

    def __init__(self, text: str, gaps: Sequence[int] = ()) -> None:
        # Code-point offsets of the characters Qt counts twice; empty for most articles,
        # and then both conversions are the identity. Found by a regex scan: a
        # loop over a 3 MB article's characters held the GUI thread for 0.2 s.
        wide = [match.start() for match in _WIDE.finditer(text)]
        # Every extra Qt unit as (the first offset it shifts, the offset a Qt
        # position on the unit itself means): a wide character's second half
        # means that character, an inserted line break the paragraph after it.
        units = sorted([(w + 1, w) for w in wide] + [(g, g) for g in gaps])
        self._shifts = [s for s, _ in units]
        self._means = [m for _, m in units]
        # The Qt position of each extra unit: its shift plus the units before it.
        self._units_qt = [s + k for k, s in enumerate(self._shifts)]

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point ``offset``."""
        if not self._shifts:
            return offset
        return offset + bisect.bisect_right(self._shifts, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of Qt ``position`` (inside a surrogate pair: that character;
        on an inserted line break: the paragraph after it)."""
        if not self._shifts:
            return position
        before = bisect.bisect_left(self._units_qt, position)
        if before < len(self._units_qt) and self._units_qt[before] == position:
            return self._means[before]
        return position - before
