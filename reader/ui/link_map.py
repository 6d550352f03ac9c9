"""The strip between the panes: a curved band from each block on the left to its place on the right.

After Meld's ``linkmap.py``: only blocks visible in either pane are painted,
and all geometry comes from the panes. Bands are coloured by kind (the same
colours as the text), moved blocks get a dashed edge, and the block the user
picked gets a strong outline. Clicking a band emits ``block_clicked``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QHelpEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from reader.core.results.comparison import BlockKind
from reader.core.results.query import ComparisonQuery, Side
from reader.ui.article_pane import ArticlePane
from reader.ui.describe import describe_block
from reader.ui.highlight import LIGHT, Colours, band_colour


class LinkMap(QWidget):
    """Paints the bands of the visible blocks; a click on one emits its block index."""

    block_clicked = Signal(int)

    def __init__(self, *, left: ArticlePane, right: ArticlePane, parent: QWidget | None = None):
        super().__init__(parent)
        self._panes: dict[Side, ArticlePane] = {"left": left, "right": right}
        self._query: ComparisonQuery | None = None
        self._colours = LIGHT
        self._focus: int | None = None
        self._bands: list[tuple[QPainterPath, int]] = []  # as last painted, for hit tests
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
        self.update()

    def set_focus_block(self, index: int | None) -> None:
        self._focus = index
        self.update()

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
        painter.end()

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
            index = self.band_at(QPointF(event.pos()))
            if index is not None:
                QToolTip.showText(event.globalPos(), describe_block(self._query, index), self)
                return True
        return super().event(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.band_at(event.position())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.block_clicked.emit(index)
