"""The overview strip beside a pane's scroll bar: where the whole article's marks are.

After Meld's chunk map and VS Code's overview ruler: the strip is the article
at the strip's height. Block marks (added or omitted, reworded, moved) fill
the left lane in the pane's own colours, with a line-coloured edge on the
strong kinds so they read without the faint tints; quotations take a narrow
lane beside it; changes in meaning the widest colour, the right lane, plus a
tick across the whole width at each one's start, over everything. The visible region is
outlined. Clicking or dragging scrolls the pane so that place sits mid-screen
(synced scrolling then follows the scroll bar as ever).

Heights come from the pane's document geometry (``ArticlePane.rough_ys``: the
lines the scroll bar counts, a plain offset proportion inside a paragraph not
laid out yet), so the outline and the marks agree with the scroll bar. The
marks are painted once into a pixmap, in one pass over their ranges (a 3 MB
article's 17,000 marks: runs within one pixel row are merged before any
painting); a scroll only repaints the outline over it. The pixmap is rebuilt
when the size changes, or the height of the article does by a pixel of the
strip (lines laid out while scrolling wrap into more), after a short pause,
so scrolling never waits on it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QWidget

from reader.core.article import Span
from reader.core.results.marks import Mark, MarkKind
from reader.ui.highlight import FAINT_SHARE, LIGHT, Colours, blend

if TYPE_CHECKING:
    from reader.ui.article_pane import ArticlePane

WIDTH = 16
# Lanes, left to right: block marks (a line-coloured edge on the strong kinds), quotations,
# changes in meaning. A change in meaning also gets a tick across the whole width at its start.
MARK_LANE = (1, 9)
EDGE = 2
QUOTE_LANE = (9, 11)
FINDING_LANE = (11, WIDTH)
FINDING_TICK = 2
MARK_MIN = 2  # a mark is at least this many pixels high
FINDING_MIN = 3
PAD = 2  # above the first line and below the last, so end marks are not cut
REBUILD_DELAY_MS = 150

# Drawn in this order, later over earlier (as in the text: moved over reworded, edits on top).
_ORDER = (MarkKind.CHANGED, MarkKind.MOVED, MarkKind.ADDED, MarkKind.OMITTED)


def merged_rows(ys: Iterable[tuple[float, float]], minimum: int) -> list[tuple[int, int]]:
    """Pixel row ranges (top, bottom exclusive) covering ``ys``, each at least ``minimum`` high;
    ranges that touch or overlap merged, so a pixmap gets at most one rectangle a row."""
    rows: list[tuple[int, int]] = []
    for y0, y1 in sorted(ys):
        top = int(y0)
        bottom = max(int(y1 + 0.999), top + minimum)
        if rows and top <= rows[-1][1]:
            rows[-1] = (rows[-1][0], max(rows[-1][1], bottom))
        else:
            rows.append((top, bottom))
    return rows


class OverviewStrip(QWidget):
    """The whole article's marks at the strip's height, the visible part outlined."""

    def __init__(self, *, pane: ArticlePane, side_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._pane = pane
        self._colours = LIGHT
        self._faint = False
        self._marks: dict[MarkKind, list[Span]] = {}
        self._quotes: list[Span] = []
        self._findings: list[Span] = []
        self._cache: QPixmap | None = None
        self._cache_key: tuple | None = None
        self._cache_total = 0.0
        self._rebuild = QTimer(self, singleShot=True, interval=REBUILD_DELAY_MS)
        self._rebuild.timeout.connect(self._refresh)
        self.setFixedWidth(WIDTH)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Overview of the {side} article").format(side=side_label))
        self.setToolTip(
            self.tr(
                "The whole article at a glance: additions or omissions, reworded and moved "
                "passages (left), quotations (middle), changes in meaning (right, with a line "
                "across). The outline is what the pane shows; click or drag to go there."
            )
        )
        bar = pane.text.verticalScrollBar()
        bar.valueChanged.connect(self.update)
        bar.rangeChanged.connect(lambda _a, _b: self.update())

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    # --- what to draw ---------------------------------------------------------

    def set_marks(
        self,
        marks: Iterable[Mark],
        colours: Colours,
        *,
        findings: Sequence[Span] = (),
        quotes: Sequence[Span] = (),
        faint: bool = False,
    ) -> None:
        """Draw ``marks``, ``quotes`` and ``findings`` (article offsets) in ``colours``."""
        by_kind: dict[MarkKind, list[Span]] = {kind: [] for kind in _ORDER}
        for mark in marks:
            by_kind[mark.kind].append((mark.start, mark.end))
        self._marks, self._findings, self._quotes = by_kind, list(findings), list(quotes)
        self._colours, self._faint = colours, faint
        self._cache = None  # painted at the next paint event, at the size the strip has then
        self.update()

    def clear(self) -> None:
        self.set_marks([], self._colours)

    # --- geometry ---------------------------------------------------------------

    def _total(self) -> float:
        """Document y of the bottom of the viewport scrolled to the end: the strip's full scale."""
        pane = self._pane
        return max(1.0, float(pane.scroll_maximum() + pane.page_height()))

    def _scale(self) -> float:
        return max(1.0, self.height() - 2 * PAD) / self._total()

    def y_for_offset(self, offset: int) -> float:
        """The strip's y of article ``offset``."""
        return PAD + self._pane.rough_ys([offset])[0] * self._scale()

    def visible_rect(self) -> QRectF:
        """The outline of the part of the article the pane shows, in the strip's coordinates."""
        scale, pane = self._scale(), self._pane
        top = PAD + pane.scroll_value() * scale
        return QRectF(0.5, top, self.width() - 1.0, max(4.0, pane.page_height() * scale))

    def _doc_y(self, y: float) -> float:
        return max(0.0, (y - PAD) / self._scale())

    # --- painting ---------------------------------------------------------------

    def _key(self) -> tuple:
        return (self.size().toTuple(), self.devicePixelRatioF())

    def _stale(self) -> bool:
        """Whether the pixmap no longer fits: another size, or the article's height changed
        by a pixel at the strip's bottom (lines laid out while scrolling wrap into more)."""
        if self._key() != self._cache_key:
            return True
        return abs(self._total() - self._cache_total) * self._scale() >= 1

    def _refresh(self) -> None:
        self._cache = self._paint_marks()
        self._cache_key, self._cache_total = self._key(), self._total()
        self.update()

    def _paint_marks(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        colours, width = self._colours, self.width()
        pixmap.fill(colours.page)
        painter = QPainter(pixmap)
        painter.fillRect(0, 0, 1, self.height(), self.palette().color(QPalette.ColorRole.Mid))
        x0, x1 = MARK_LANE
        for kind in _ORDER:
            fill, edge = self._mark_colours(kind)
            for top, bottom in self._rows(self._marks.get(kind, ()), MARK_MIN):
                painter.fillRect(x0, top, x1 - x0, bottom - top, fill)
                if edge is not None:
                    painter.fillRect(x0, top, EDGE, bottom - top, edge)
        x0, x1 = QUOTE_LANE
        for top, bottom in self._rows(self._quotes, MARK_MIN):
            painter.fillRect(x0, top, x1 - x0, bottom - top, colours.quote_line)
        x0, x1 = FINDING_LANE
        for top, bottom in self._rows(self._findings, FINDING_MIN):
            painter.fillRect(x0, top, x1 - x0, bottom - top, colours.finding_line)
        for top, _bottom in self._rows(((s, s + 1) for s, _e in self._findings), FINDING_TICK):
            painter.fillRect(1, top, width - 1, FINDING_TICK, colours.finding_line)
        painter.end()
        return pixmap

    def _mark_colours(self, kind: MarkKind) -> tuple[QColor, QColor | None]:
        """The fill and the edge a mark kind gets in the strip."""
        colours = self._colours
        fill = colours.changed_band if kind is MarkKind.CHANGED else getattr(colours, kind.value)
        edge = getattr(colours, f"{kind.value}_line") if kind is not MarkKind.CHANGED else None
        if self._faint:  # "only changes in meaning": the ordinary marks step back, as in the text
            return blend(fill, colours.page, FAINT_SHARE), None
        return fill, edge

    def _rows(self, spans: Iterable[Span], minimum: int) -> list[tuple[int, int]]:
        spans = list(spans)
        ys = self._pane.rough_ys(p for start, end in spans for p in (start, max(start, end - 1)))
        scale = self._scale()
        pairs = zip(ys[::2], ys[1::2], strict=True)
        return merged_rows(((PAD + a * scale, PAD + b * scale) for a, b in pairs), minimum)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._cache is None:
            self._refresh()
        elif not self._rebuild.isActive() and self._stale():
            self._rebuild.start()  # drawn stale (stretched) until the pause is over
        painter = QPainter(self)
        painter.drawPixmap(self.rect(), self._cache)
        outline = self.palette().color(QPalette.ColorRole.Text)
        shade = QColor(outline)
        shade.setAlphaF(0.08)
        rect = self.visible_rect()
        painter.fillRect(rect, shade)
        outline.setAlphaF(0.75)
        painter.setPen(outline)
        painter.drawRect(rect)
        painter.end()

    # --- pointing -----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._go_to(event.position().y())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._go_to(event.position().y())
            event.accept()

    def _go_to(self, y: float) -> None:
        """Scroll the pane so the place at strip ``y`` sits mid-screen."""
        self._pane.scroll_to_y(min(self._doc_y(y), self._total()), 0.5)
