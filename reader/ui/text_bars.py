"""The bars a pane paints over its text: the focus bar and the change bars in the margin,
the findings' bars under their words.

The focus bar stands in the document margin beside the passage the user
picked; a reworded passage gets a thin change bar beside it, nearer the text
(its second cue besides the tint, as a word processor marks revised lines); a
change in meaning gets a thick bar under its words (``FINDING_BAR`` high). All
are kept in Qt positions; the text widget calls ``paint`` after drawing its
text, and only the ranges on screen are looked at.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QTextBlock

from reader.ui.highlight import FINDING_BAR, LIGHT

if TYPE_CHECKING:
    from reader.ui.article_text import ArticleText

# The bar that points at the picked passage is painted in the document margin.
DOCUMENT_MARGIN = 14
FOCUS_BAR_WIDTH = 5
CHANGE_BAR_WIDTH = 3
_CHANGE_BAR_X = DOCUMENT_MARGIN - CHANGE_BAR_WIDTH - 2  # beside the text, right of the focus bar


class TextBars:
    """The focus ranges and the findings' ranges of one text, and how to paint them."""

    def __init__(self, text: ArticleText) -> None:
        self._text = text
        self.focus_ranges: list[tuple[int, int]] = []  # Qt positions
        self.focus_colour = LIGHT.focus
        self.findings: list[tuple[int, int]] = []  # Qt positions, by start
        self._finding_starts: list[int] = []
        self.finding_colour = LIGHT.finding_line
        self.changes: list[tuple[int, int]] = []  # Qt positions of reworded passages, by start
        self._change_ends: list[int] = []
        self.change_colour = LIGHT.changed_line

    def set_changes(self, ranges: Iterable[tuple[int, int]], colour: QColor) -> None:
        """The reworded passages (non-overlapping Qt ranges) that get a change bar."""
        self.changes = sorted(r for r in ranges if r[1] > r[0])
        self._change_ends = [end for _start, end in self.changes]
        self.change_colour = colour

    def change_bars(self) -> list[QRect]:
        """The change bars shown now, in viewport coordinates."""
        if not self.changes:
            return []
        text = self._text
        first = text.firstVisibleBlock()
        if not first.isValid():
            return []
        viewport = text.viewport()
        last = text.cursorForPosition(viewport.rect().bottomRight()).position()
        offset = text.scroll_y()
        bars = []
        index = bisect.bisect_right(self._change_ends, first.position())
        while index < len(self.changes) and self.changes[index][0] <= last:
            start, end = self.changes[index]
            top = text.line_top(max(start, first.position())) - offset
            bottom = text.line_bottom(min(end, last + 1) - 1) - offset
            bars.append(QRect(_CHANGE_BAR_X, int(top), CHANGE_BAR_WIDTH, max(2, int(bottom - top))))
            index += 1
        return bars

    def set_findings(self, ranges: Iterable[tuple[int, int]], colour: QColor) -> None:
        self.findings = sorted(ranges)
        self._finding_starts = [start for start, _end in self.findings]
        self.finding_colour = colour

    def finding_bars(self) -> list[QRectF]:
        """The bars under the changes in meaning shown now, in viewport coordinates.

        Only the blocks on screen are walked (a 3 MB article has thousands of
        findings; a repaint looks at the few dozen it shows).
        """
        bars: list[QRectF] = []
        if not self.findings:
            return bars
        text = self._text
        offset = text.contentOffset()
        height = text.viewport().height()
        block = text.firstVisibleBlock()
        while block.isValid():
            geometry = text.blockBoundingGeometry(block).translated(offset)
            if geometry.top() > height:
                break
            if block.isVisible():
                bars += self._bars_in(block, geometry.left(), geometry.top())
            block = block.next()
        return bars

    def _bars_in(self, block: QTextBlock, left: float, top: float) -> list[QRectF]:
        first, last = block.position(), block.position() + block.length() - 1
        layout = block.layout()
        bars = []
        for start, end in self.findings[: bisect.bisect_left(self._finding_starts, last)]:
            if end <= first:
                continue
            s, e = max(start, first) - first, min(end, last) - first
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                a = max(s, line.textStart())
                b = min(e, line.textStart() + line.textLength())
                if a >= b:
                    continue
                x0, x1 = line.cursorToX(a)[0], line.cursorToX(b)[0]
                y = top + line.y() + line.height() - FINDING_BAR
                bars.append(QRectF(left + x0, y, x1 - x0, FINDING_BAR))
        return bars

    def paint(self, painter: QPainter) -> None:
        """Paint the findings' bars, then the focus bar, over the text on the viewport."""
        for bar in self.change_bars():
            painter.fillRect(bar, self.change_colour)
        for bar in self.finding_bars():
            painter.fillRect(bar, self.finding_colour)
        text = self._text
        offset = text.scroll_y()
        for start, end in self.focus_ranges:
            top = text.line_top(start) - offset
            if end <= start:
                # A passage only the other side has: a tick at the gap where it would be.
                painter.fillRect(QRect(2, int(top) - 2, DOCUMENT_MARGIN * 2, 3), self.focus_colour)
                continue
            bottom = text.line_bottom(max(start, end - 1)) - offset
            painter.fillRect(
                QRect(2, int(top), FOCUS_BAR_WIDTH, max(2, int(bottom - top))), self.focus_colour
            )

    def __bool__(self) -> bool:
        return bool(self.focus_ranges or self.findings or self.changes)
