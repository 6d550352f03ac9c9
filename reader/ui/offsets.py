"""The one place where article offsets (code points) become Qt positions (UTF-16 units).

Python indexes a ``str`` by code point; ``QTextDocument`` counts UTF-16 code
units, so every character outside the Basic Multilingual Plane (emoji, some
CJK) counts 2 in Qt. Every view converts through an ``OffsetMap``.
"""

from __future__ import annotations

import bisect
import re

_WIDE = re.compile("[\U00010000-\U0010ffff]")


class OffsetMap:
    """Converts between offsets into ``text`` and Qt positions in a document holding it."""

    def __init__(self, text: str) -> None:
        # Code-point offsets of the characters Qt counts twice; empty for most articles,
        # and then both conversions are the identity. Found by a regex scan: a
        # loop over a 3 MB article's characters held the GUI thread for 0.2 s.
        self._wide = [match.start() for match in _WIDE.finditer(text)]
        # Qt position of each wide character, for the reverse direction.
        self._wide_qt = [i + k for k, i in enumerate(self._wide)]

    def to_qt(self, offset: int) -> int:
        """The Qt position of code-point ``offset``."""
        if not self._wide:
            return offset
        return offset + bisect.bisect_left(self._wide, offset)

    def from_qt(self, position: int) -> int:
        """The code-point offset of Qt ``position`` (inside a surrogate pair: that character)."""
        if not self._wide:
            return position
        before = bisect.bisect_left(self._wide_qt, position)
        if before and self._wide_qt[before - 1] + 1 == position:
            return self._wide[before - 1]  # inside the pair: the character itself
        return position - before
