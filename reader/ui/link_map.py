"""The strip between the panes: a curved band from each block on the left to its place on the right.

After Meld's ``linkmap.py``: only blocks visible in either pane are painted,
and all geometry comes from the panes. Bands are coloured by kind (the same
colours as the text), moved blocks get a dashed edge, and the block the user
picked gets a strong outline. Clicking a band emits ``block_clicked``. A change
in meaning gets a tick on the edge of its side, level with its words (a
triangle pointing at them, so it does not rest on colour); clicking one emits
``finding_clicked``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QToolTip, QWidget

from reader.core.results.comparison import BlockKind
from reader.core.results.query import ComparisonQuery, Side
from reader.ui.article_pane import ArticlePane
from reader.ui.describe import describe_block, finding_title
from reader.ui.highlight import LIGHT, Colours, band_colour

TICK = 9.0  # width of a finding's tick; its height follows its words (at least TICK)


class LinkMap(QWidget):
    """Paints the bands of the visible blocks; a click on one emits its block index."""

    block_clicked = Signal(int)
    finding_clicked = Signal(int)  # the finding's index in comparison.findings

    def __init__(self, *, left: ArticlePane, right: ArticlePane, parent: QWidget | None = None):
        super().__init__(parent)
        self._panes: dict[Side, ArticlePane] = {"left": left, "right": right}
        self._query: ComparisonQuery | None = None
        self._colours = LIGHT
        self._focus: int | None = None
        self._focus_finding: int | None = None
        self._bands: list[tuple[QPainterPath, int]] = []  # as last painted, for hit tests
        self._ticks: list[tuple[QRectF, int]] = []  # findings' ticks as last painted
        self.setMinimumWidth(36)
        self.setAccessibleName(self.tr("Links between the two articles"))
        self.setToolTip(
            self.tr("Each band links a passage to its counterpart; click one to go there")
        )
        for pane in (left, right):
            pane.text.verticalScrollBar().valueChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(56, 200)

    def set_query(self, query: ComparisonQuery | None, colours: Colours) -> None:
        self._query = query
        self._colours = colours
        self._focus = None
        self._focus_finding = None
        self.update()

    def set_focus_block(self, index: int | None) -> None:
        self._focus = index
        self.update()

    def set_focus_finding(self, number: int | None) -> None:
        self._focus_finding = number
        self.update()

    def ticks(self) -> list[tuple[QRectF, int]]:
        """The findings' ticks as last painted (rectangle in this widget, finding index)."""
        return list(self._ticks)

    def focus_block(self) -> int | None:
        """The block drawn with a strong outline (the one navigation last landed on)."""
        return self._focus

    def bands(self) -> list[tuple[QPainterPath, int]]:
        """The bands as last painted (path in this widget's coordinates, block index)."""
        return list(self._bands)

    def _visible_blocks(self) -> list[int]:
        assert self._query is not None
        seen: dict[int, None] = {}
        for side, pane in self._panes.items():
            top = pane.scroll_value()
            start = pane.offset_at_y(top)
            end = pane.offset_at_y(top + pane.page_height()) + 1
            for index in self._query.blocks_between(side, start, end):
                seen[index] = None
        return list(seen)

    def _shift(self, side: Side) -> float:
        """What to add to a document y of ``side`` to get this widget's y."""
        pane = self._panes[side]
        viewport_top = pane.text.viewport().mapTo(self.window(), QPoint(0, 0)).y()
        own_top = self.mapTo(self.window(), QPoint(0, 0)).y()
        return viewport_top - own_top - pane.scroll_value()

    def _side_range(self, side: Side, index: int, shift: float) -> tuple[float, float]:
        assert self._query is not None
        # The other side's block is a point at its gap on this side.
        top, bottom = self._panes[side].span_y(*self._query.span_or_gap(side, index))
        return top + shift, bottom + shift

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        self._bands = []
        self._ticks = []
        if self._query is None:
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = float(self.width()), float(self.height())
        pull = width * 0.5
        focused: tuple[QPainterPath, QPen] | None = None
        shifts = {side: self._shift(side) for side in self._panes}
        for index in self._visible_blocks():
            block = self._query.blocks[index]
            l_top, l_bottom = self._side_range("left", index, shifts["left"])
            r_top, r_bottom = self._side_range("right", index, shifts["right"])
            if max(l_bottom, r_bottom) < 0 or min(l_top, r_top) > height:
                continue
            path = QPainterPath(QPointF(0, l_top))
            path.cubicTo(QPointF(pull, l_top), QPointF(width - pull, r_top), QPointF(width, r_top))
            path.lineTo(QPointF(width, r_bottom))
            path.cubicTo(
                QPointF(width - pull, r_bottom), QPointF(pull, l_bottom), QPointF(0, l_bottom)
            )
            path.closeSubpath()
            fill, edge = band_colour(block.kind.value, block.moved, self._colours)
            pen = QPen(edge, 1.0)
            if block.moved:
                pen.setStyle(Qt.PenStyle.DashLine)
            elif block.kind is BlockKind.SAME:
                pen = QPen(Qt.PenStyle.NoPen)  # unchanged text: a quiet band, no outline
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(path)
            self._bands.append((path, index))
            if index == self._focus:
                focused = (path, QPen(self._colours.focus, 2.5))
        if focused is not None:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(focused[1])
            painter.drawPath(focused[0])
        self._paint_ticks(painter, shifts)
        painter.end()

    def _paint_ticks(self, painter: QPainter, shifts: dict[Side, float]) -> None:
        """A triangle on its side's edge beside each finding's words that is in view."""
        assert self._query is not None
        width, height = float(self.width()), float(self.height())
        outline = QPen(self.palette().window().color(), 1.0)
        shown = {}
        for side, pane in self._panes.items():
            top = pane.scroll_value()
            shown[side] = (pane.offset_at_y(top), pane.offset_at_y(top + pane.page_height()) + 1)
        for number, finding in enumerate(self._query.comparison.findings):
            first, last = shown[finding.side]
            if finding.end < first or finding.start > last:
                continue
            y0, y1 = self._panes[finding.side].span_y(finding.start, finding.end)
            y0, y1 = y0 + shifts[finding.side], max(y1, y0 + TICK) + shifts[finding.side]
            if y1 < 0 or y0 > height:
                continue
            wide = TICK * (1.5 if number == self._focus_finding else 1.0)
            if finding.side == "left":  # points left, at the original's words
                rect = QRectF(0, y0, wide, y1 - y0)
                tip, base = rect.left(), rect.right()
            else:
                rect = QRectF(width - wide, y0, wide, y1 - y0)
                tip, base = rect.right(), rect.left()
            middle = min(rect.center().y(), y0 + 2 * TICK)
            triangle = QPolygonF(
                [QPointF(base, y0), QPointF(tip, middle), QPointF(base, min(y1, y0 + 4 * TICK))]
            )
            painter.setPen(outline)
            painter.setBrush(self._colours.finding_line)
            painter.drawPolygon(triangle)
            self._ticks.append((triangle.boundingRect(), number))

    def tick_at(self, point: QPointF) -> int | None:
        """The finding whose tick covers ``point``, or None."""
        return next((n for rect, n in self._ticks if rect.contains(point)), None)

    def band_at(self, point: QPointF) -> int | None:
        """The block whose band covers ``point``; the thinnest wins where bands overlap."""
        hits = [
            (path.boundingRect().height(), i) for path, i in self._bands if path.contains(point)
        ]
        return min(hits)[1] if hits else None

    def event(self, event: QEvent) -> bool:
        # Hovering a band names its block, for readers who cannot tell the colours apart.
        if event.type() == QEvent.Type.ToolTip and self._query is not None:
            assert isinstance(event, QHelpEvent)
            number = self.tick_at(QPointF(event.pos()))
            if number is not None:
                finding = self._query.comparison.findings[number]
                tip = f"{finding_title(finding)}: {finding.why}"
                QToolTip.showText(event.globalPos(), tip, self)
                return True
            index = self.band_at(QPointF(event.pos()))
            if index is not None:
                QToolTip.showText(event.globalPos(), describe_block(self._query, index), self)
                return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        number = self.tick_at(event.position())
        if number is not None and event.button() == Qt.MouseButton.LeftButton:
            self.finding_clicked.emit(number)
            return
        index = self.band_at(event.position())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.block_clicked.emit(index)
