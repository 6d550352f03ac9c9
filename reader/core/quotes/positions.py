"""Positions in an article that speaker attribution searches between.

The marks around a quotation, the start of its line (paragraph), sentence and
search window. Each answer costs a bounded look around one position, or (for
``Lines``) one pass over the text for all of them, so many quotations on one
long line cost no more than on many short ones.
"""

from __future__ import annotations

import bisect

from reader.core.quotes.cues import ABBREV_DOT, SENTENCE_END, WINDOW
from reader.core.quotes.lazy_re import lazy


def after_marks(text: str, end: int) -> int:
    """The position after the closing mark(s) and punctuation that end a quotation."""
    i = end
    n = len(text)
    while i < n and text[i] in ",.!?…” »«\"’'":
        if text[i] in ".!?" and i > end and text[i - 1] in '”»"':
            break
        i += 1
    return i


def before_marks(text: str, start: int) -> int:
    i = start
    while i > 0 and text[i - 1] in '“«»„"‘ \t\xa0':
        i -= 1
    return i


class Lines:
    """The start of every line (paragraph) of a text, found by bisection.

    One pass over the text builds it; searching back for the previous newline
    from each quotation instead costs the line's length each time, which is
    quadratic when many quotations share one long line.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts = [0]
        self._starts.extend(m.end() for m in _NEWLINE.finditer(text))

    def paragraph_start(self, pos: int) -> int:
        """The start of the line holding ``pos``."""
        return self._starts[bisect.bisect_right(self._starts, pos) - 1]

    def previous_paragraph_start(self, para: int) -> int:
        """The start of the last line before ``para`` (a paragraph start) that is not blank."""
        i = para - 1
        text = self._text
        while i > 0 and text[i - 1].isspace():  # each blank run is crossed by one paragraph only
            i -= 1
        return self.paragraph_start(max(i - 1, 0)) if i > 0 else 0


_NEWLINE = lazy("\n")
_OPENING = ' \t\xa0“«»„"'


def opening_paragraph(text: str, start: int) -> int | None:
    """The paragraph's start when only marks and spaces stand before ``start`` in it, else None.

    Looks back over those characters only, not to the paragraph's start.
    """
    i = start
    while i > 0 and text[i - 1] in _OPENING:
        i -= 1
    return i if i == 0 or text[i - 1] == "\n" else None


def window_start(text: str, pos: int) -> int:
    """The paragraph's start, or ``pos - WINDOW`` when that is later: a bounded search."""
    lo = max(0, pos - WINDOW)
    return text.rfind("\n", lo, pos) + 1 or lo


def sentence_start(text: str, pos: int) -> int:
    lo = window_start(text, pos)
    start = lo
    for match in SENTENCE_END.finditer(text, lo, pos):
        if not ABBREV_DOT.search(text[max(lo, match.start() - 6) : match.start() + 1]):
            start = match.end()
    return start


def sentence_end(text: str, pos: int) -> int:
    hi = min(len(text), pos + WINDOW)
    newline = text.find("\n", pos, hi)
    return newline if newline >= 0 else hi
