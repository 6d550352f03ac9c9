"""The read-only text of a pane: its line geometry ("document y"), clicks, Ctrl+wheel, drops.

Speaks Qt positions; ``ArticlePane`` turns them into article offsets. The bars
it paints over the text are ``TextBars``.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextBlock,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from reader.ui.text_bars import DOCUMENT_MARGIN, TextBars


def local_files(urls: Iterable[QUrl]) -> list[str]:
    """The local file paths among dropped URLs, in drop order."""
    return [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]


def dropped_sources(urls: Iterable[QUrl]) -> list[str]:
    """What a drop opens, in drop order: local file paths and web (http, https) addresses
    (a link dragged from a browser)."""
    sources = []
    for url in urls:
        if url.isLocalFile() and url.toLocalFile():
            sources.append(url.toLocalFile())
        elif url.scheme().lower() in ("http", "https") and url.host():
            sources.append(url.toString())
    return sources


class ArticleText(QPlainTextEdit):
    """The read-only text: paints the focus bar and turns drops into file lists.

    A QPlainTextEdit lays out only the lines it shows. QTextEdit laid a 3 MB
    text out in the background, in steps that held the GUI thread 0.16-0.19 s
    each for seconds after the text arrived, and again over every re-formatted
    character. The price: a plain text edit has no document-wide y. "Document
    y" here is the line number times the height of a line (one font
    throughout), counted as the scroll bar counts: a line of text Qt has not
    laid out yet counts as one, whatever it will wrap into.
    """

    files_dropped = Signal(list)
    clicked = Signal(int)  # Qt position the user clicked
    zoom_requested = Signal(int)  # Ctrl+wheel: +1 / -1, so the window zooms both panes alike

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTabChangesFocus(True)  # Tab moves on to the other pane and the quote list
        self.setAcceptDrops(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # The scroll bar stays, with the overview strip beside it: one that
        # appears once the text outgrows the page narrows it, and every line
        # wraps again just after the pane placed its reader.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._bars = TextBars(self)
        self._press: QPoint | None = None
        # Extra selections by layer (the picked quotation, the find bar's matches), so one
        # layer's owner can replace its own without dropping the other's; later layers on top.
        self._layers: dict[str, list[QTextEdit.ExtraSelection]] = {"quotes": [], "find": []}

    def set_selection_layer(self, name: str, selections: list[QTextEdit.ExtraSelection]) -> None:
        """Replace the extra selections of layer ``name`` (``quotes`` or ``find``)."""
        self._layers[name] = list(selections)
        self.setExtraSelections([s for layer in self._layers.values() for s in layer])

    def selection_layer(self, name: str) -> list[QTextEdit.ExtraSelection]:
        return list(self._layers.get(name, []))

    def clear_selection_layers(self) -> None:
        for name in self._layers:
            self._layers[name] = []
        self.setExtraSelections([])

    def set_focus_ranges(self, ranges: list[tuple[int, int]], colour: QColor) -> None:
        self._bars.focus_ranges = ranges
        self._bars.focus_colour = colour
        self.viewport().update()

    def focus_ranges(self) -> list[tuple[int, int]]:
        return list(self._bars.focus_ranges)

    def set_finding_ranges(self, ranges: Iterable[tuple[int, int]], colour: QColor) -> None:
        """Draw the thick bar under these ranges (Qt positions): the changes in meaning."""
        self._bars.set_findings(ranges, colour)
        self.viewport().update()

    def set_change_ranges(self, ranges: Iterable[tuple[int, int]], colour: QColor) -> None:
        """Draw the change bar in the margin beside these ranges (Qt positions): reworded."""
        self._bars.set_changes(ranges, colour)
        self.viewport().update()

    def change_bars(self) -> list[QRect]:
        """The change bars shown now, in viewport coordinates."""
        return self._bars.change_bars()

    def finding_ranges(self) -> list[tuple[int, int]]:
        return list(self._bars.findings)

    def finding_bars(self) -> list[QRectF]:
        """The bars under the changes in meaning shown now, in viewport coordinates."""
        return self._bars.finding_bars()

    def line_height(self) -> float:
        """The height of a line: the unit of document y."""
        block = self.document().firstBlock()
        self.document().documentLayout().blockBoundingRect(block)  # lays the block out
        line = block.layout().lineAt(0)
        return line.height() if line.isValid() and line.height() > 0 else 1.0

    def line_number(self, position: int) -> int:
        """The number of the line holding Qt ``position``, as the scroll bar counts lines."""
        doc = self.document()
        block = doc.findBlock(max(0, min(position, doc.characterCount() - 1)))
        doc.documentLayout().blockBoundingRect(block)  # lays the block out: its lines are known
        line = block.layout().lineForTextPosition(position - block.position())
        return block.firstLineNumber() + (line.lineNumber() if line.isValid() else 0)

    def line_top(self, position: int) -> float:
        """Document y of the top of the line holding Qt ``position``."""
        return self._line_y(self.line_number(position))

    def line_bottom(self, position: int) -> float:
        """Document y of the bottom of the line holding Qt ``position``."""
        return self._line_y(self.line_number(position) + 1)

    def rough_line_ys(self, positions: Iterable[int]) -> list[float]:
        """Document y of each Qt position, laying nothing out (for the overview strip).

        In a block Qt has laid out, the top of its line; in one it has not
        (the scroll bar counts it as one line), the share of the block's
        characters before the position: a plain offset/length proportion.
        One call for all of a 3 MB article's marks: ~2 us a position.
        """
        doc = self.document()
        last, height = doc.characterCount() - 1, self.line_height()
        find = doc.findBlock
        ys = []
        for position in positions:
            block = find(max(0, min(position, last)))
            into = position - block.position()
            line = block.firstLineNumber() + min(1.0, into / max(1, block.length()))
            layout = block.layout()
            if layout is not None and layout.lineCount() > 0:
                laid = layout.lineForTextPosition(into)
                if laid.isValid():
                    line = block.firstLineNumber() + laid.lineNumber()
            ys.append(DOCUMENT_MARGIN + line * height)
        return ys

    def _line_y(self, number: int) -> float:
        return DOCUMENT_MARGIN + number * self.line_height()

    def scroll_y(self) -> float:
        """Document y at the top edge of the viewport."""
        return self._line_y(self.verticalScrollBar().value()) - self._top_line_y()

    def _top_line_y(self) -> float:
        """Viewport y of the top of the first line shown."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0.0
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        first = self.verticalScrollBar().value() - block.firstLineNumber()
        line = block.layout().lineAt(max(0, first))
        return top + (line.y() if line.isValid() else 0.0)

    def scroll_to(self, doc_y: float) -> None:
        """Scroll so the line at document y ``doc_y`` is the first one shown."""
        number = max(0, int(round((doc_y - DOCUMENT_MARGIN) / self.line_height())))
        bar = self.verticalScrollBar()
        bar.setValue(number)
        # At the end, the lines now shown may wrap into more than Qt counted
        # them as, which moves the end further down: follow it there.
        while number >= bar.maximum() and self.lay_out_shown():
            bar.setValue(bar.maximum())

    def lay_out_shown(self) -> bool:
        """Lay out the lines in the viewport; whether that changed the number of lines."""
        lines = self.document().lineCount()
        self._lay_out(self.firstVisibleBlock(), self.viewport().height(), forward=True)
        return self.document().lineCount() != lines

    def lay_out_above(self, position: int, height: float) -> None:
        """Lay out the text from Qt ``position`` up to ``height`` above it (what will be shown).

        Lines not laid out count as one each; those about to be shown above a
        line must be counted as they wrap, or that line lands lower than asked.
        """
        self._lay_out(self.document().findBlock(position).previous(), height, forward=False)

    def _lay_out(self, block: QTextBlock, height: float, *, forward: bool) -> None:
        """Lay out blocks from ``block`` on (or back), until they fill ``height``."""
        layout = self.document().documentLayout()
        while block.isValid() and height > 0:
            height -= layout.blockBoundingRect(block).height()
            block = block.next() if forward else block.previous()

    def scroll_maximum(self) -> float:
        """Document y at the top edge of the viewport when scrolled to the end."""
        return self._line_y(self.verticalScrollBar().maximum())

    def position_at(self, doc_y: float) -> int:
        """The Qt position of the start of the line at document y ``doc_y``."""
        doc = self.document()
        number = int((doc_y - DOCUMENT_MARGIN) // self.line_height())
        number = max(0, min(number, doc.lineCount() - 1))
        block = doc.findBlockByLineNumber(number)
        if not block.isValid():
            return max(0, doc.characterCount() - 1)
        doc.documentLayout().blockBoundingRect(block)
        layout = block.layout()
        line = layout.lineAt(max(0, min(number - block.firstLineNumber(), layout.lineCount() - 1)))
        return block.position() + (line.textStart() if line.isValid() else 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._bars:
            painter = QPainter(self.viewport())
            self._bars.paint(painter)
            painter.end()

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Qt zooms a text edit's own font on Ctrl+wheel; the panes zoom together instead.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        # A click, not the end of a drag-selection, picks the sentence under it.
        if (
            self._press is not None
            and (event.position().toPoint() - self._press).manhattanLength() < 4
        ):
            self.clicked.emit(self.cursorForPosition(event.position().toPoint()).position())
        self._press = None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_sources(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_sources(event.mimeData().urls())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()
