"""One article pane: a header naming the file, the read-only text, a find bar.

The pane speaks article offsets (code points) to the rest of the window and
converts to Qt positions only through its ``OffsetMap``. It knows nothing
about blocks: the window tells it which marks to paint and which span to
point at.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QShortcut,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.article import Article, Span
from reader.core.results.marks import Mark, MarkKind
from reader.ui.highlight import (
    FINDING_BAR,
    LIGHT,
    Colours,
    finding_format,
    mark_format,
    paint_order,
)
from reader.ui.offsets import OffsetMap

# The bar that points at the picked passage is painted in the document margin.
DOCUMENT_MARGIN = 14
FOCUS_BAR_WIDTH = 5
BASE_POINT_SIZE = 12
READING_FAMILIES = ["Source Serif 4", "Noto Serif", "DejaVu Serif", "Georgia", "serif"]


def local_files(urls: Iterable[QUrl]) -> list[str]:
    """The local file paths among dropped URLs, in drop order."""
    return [url.toLocalFile() for url in urls if url.isLocalFile() and url.toLocalFile()]


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
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._focus_ranges: list[tuple[int, int]] = []  # Qt positions
        self._focus_colour = LIGHT.focus
        self._findings: list[tuple[int, int]] = []  # Qt positions, by start
        self._finding_starts: list[int] = []
        self._finding_colour = LIGHT.finding_line
        self._press: QPoint | None = None

    def set_focus_ranges(self, ranges: list[tuple[int, int]], colour: QColor) -> None:
        self._focus_ranges = ranges
        self._focus_colour = colour
        self.viewport().update()

    def focus_ranges(self) -> list[tuple[int, int]]:
        return list(self._focus_ranges)

    def set_finding_ranges(self, ranges: Iterable[tuple[int, int]], colour: QColor) -> None:
        """Draw the thick bar under these ranges (Qt positions): the changes in meaning."""
        self._findings = sorted(ranges)
        self._finding_starts = [start for start, _end in self._findings]
        self._finding_colour = colour
        self.viewport().update()

    def finding_ranges(self) -> list[tuple[int, int]]:
        return list(self._findings)

    def finding_bars(self) -> list[QRectF]:
        """The bars under the changes in meaning shown now, in viewport coordinates.

        Only the blocks on screen are walked (a 3 MB article has thousands of
        findings; a repaint looks at the few dozen it shows).
        """
        bars: list[QRectF] = []
        if not self._findings:
            return bars
        offset = self.contentOffset()
        height = self.viewport().height()
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(offset)
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
        for start, end in self._findings[: bisect.bisect_left(self._finding_starts, last)]:
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
        if not (self._focus_ranges or self._findings):
            return
        painter = QPainter(self.viewport())
        for bar in self.finding_bars():
            painter.fillRect(bar, self._finding_colour)
        offset = self.scroll_y()
        for start, end in self._focus_ranges:
            top = self.line_top(start) - offset
            if end <= start:
                # A passage only the other side has: a tick at the gap where it would be.
                painter.fillRect(QRect(2, int(top) - 2, DOCUMENT_MARGIN * 2, 3), self._focus_colour)
                continue
            bottom = self.line_bottom(max(start, end - 1)) - offset
            painter.fillRect(
                QRect(2, int(top), FOCUS_BAR_WIDTH, max(2, int(bottom - top))), self._focus_colour
            )
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
        if local_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData().urls())
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
        else:
            event.ignore()


def _joined(findings: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Overlapping findings as pieces that each carry every tooltip covering them."""
    ordered = sorted(findings)
    points = sorted({p for start, end, _tip in ordered for p in (start, end)})
    pieces, active, next_one = [], [], 0
    for a, b in zip(points, points[1:], strict=False):
        while next_one < len(ordered) and ordered[next_one][0] <= a:
            active.append(ordered[next_one])
            next_one += 1
        active = [f for f in active if f[1] > a]  # every end is a point: these reach b
        if active:
            pieces.append((a, b, "\n\n".join(dict.fromkeys(tip for _s, _e, tip in active))))
    return pieces


class FindBar(QFrame):
    """Ctrl+F: a line edit searching the pane's text; Enter / Shift+Enter step, Esc closes."""

    def __init__(self, text: ArticleText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = text
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in this article"))
        self.edit.setClearButtonEnabled(True)
        self.status = QLabel(self)
        previous = QToolButton(self, text="↑", toolTip=self.tr("Previous match (Shift+Enter)"))
        following = QToolButton(self, text="↓", toolTip=self.tr("Next match (Enter)"))
        close = QToolButton(self, text="✕", toolTip=self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, previous, following, self.status, close):
            layout.addWidget(widget)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(lambda _t: self.find_next(from_start=True))
        following.clicked.connect(self.find_next)
        previous.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.edit, self.find_previous)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self._text.setFocus()

    def find_next(self, *, from_start: bool = False) -> bool:
        return self._find(backward=False, from_start=from_start)

    def find_previous(self) -> bool:
        return self._find(backward=True, from_start=False)

    def _find(self, *, backward: bool, from_start: bool) -> bool:
        needle = self.edit.text()
        if not needle:
            self.status.clear()
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        cursor = self._text.textCursor()
        if from_start:
            cursor.setPosition(cursor.selectionStart())
        found = self._text.document().find(needle, cursor, flags)
        if found.isNull():  # wrap around once
            start = QTextCursor(self._text.document())
            if backward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = self._text.document().find(needle, start, flags)
        if found.isNull():
            self.status.setText(self.tr("Not found"))
            return False
        self.status.clear()
        self._text.setTextCursor(found)
        self._text.ensureCursorVisible()
        return True


class ArticlePane(QWidget):
    """Header + text + find bar for one side; everything in article offsets."""

    files_dropped = Signal(list)
    offset_clicked = Signal(int)
    zoom_requested = Signal(int)

    def __init__(self, *, side_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"pane-{side_label.lower()}")
        self._base_size = BASE_POINT_SIZE
        self._side_label = side_label
        self._article: Article | None = None
        self._offsets = OffsetMap("")
        self._colours = LIGHT
        self._marked = False  # whether the text carries marks to clear

        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.name_label.font()
        bold.setBold(True)
        self.name_label.setFont(bold)
        self.details_label = QLabel(self)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        small = self.details_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.details_label.setFont(small)
        self.text = ArticleText(self)
        self.text.setAccessibleName(self.tr("{side} article").format(side=side_label))
        font = QFont()
        font.setFamilies(READING_FAMILIES)
        font.setPointSize(BASE_POINT_SIZE)
        self.text.document().setDefaultFont(font)
        self.find_bar = FindBar(self.text, self)

        header = QVBoxLayout()
        header.setContentsMargins(6, 4, 6, 2)
        header.setSpacing(0)
        header.addWidget(self.name_label)
        header.addWidget(self.details_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_bar)

        self.text.files_dropped.connect(self.files_dropped)
        self.text.zoom_requested.connect(self.zoom_requested)
        self.text.clicked.connect(lambda pos: self.offset_clicked.emit(self._offsets.from_qt(pos)))
        self.show_placeholder()

    # --- content -------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def offsets(self) -> OffsetMap:
        """The article-offset <-> Qt-position map of the text shown."""
        return self._offsets

    def show_placeholder(self) -> None:
        """No article yet: say how to get one."""
        self._article = None
        self._offsets = OffsetMap("")
        self.name_label.setText(self.tr("{side}: no article").format(side=self._side_label))
        self.details_label.setText(self.tr("Open a file or drop one here"))
        self.text.clear()
        self.text.set_finding_ranges([], self._colours.finding_line)
        self.text.setPlaceholderText(
            self.tr(
                "Drop the {side} article here, or use File › Open… (Ctrl+O).\n\n"
                "Help › Open Sample Pair shows an example."
            ).format(side=self._side_label.lower())
        )

    def set_article(self, article: Article) -> None:
        """Show ``article`` unmarked (the marks come when its comparison arrives)."""
        self._marked = False
        self._article = article
        self._offsets = OffsetMap(article.text)
        self.name_label.setText(f"{self._side_label}: {Path(article.path).name}")
        self.name_label.setToolTip(article.path)
        details = [article.title] if article.title else []
        details.append(
            article.source_format + (f" · {article.encoding}" if article.encoding else "")
        )
        self.details_label.setText("  —  ".join(details))
        self.text.setPlainText(article.text)
        self.text.set_focus_ranges([], self._colours.focus)
        self.text.set_finding_ranges([], self._colours.finding_line)
        self.text.setExtraSelections([])

    def apply_marks(
        self,
        marks: Iterable[Mark],
        colours: Colours,
        *,
        findings: Sequence[tuple[int, int, str]] = (),
        faint: bool = False,
    ) -> None:
        """Merge each mark's format over its characters, word edits on top of block tints,
        then the changes in meaning (``findings``: start, end, tooltip) over all;
        ``faint`` draws the ordinary marks pale, so only the findings stand out.

        All in one edit block (17,000 marks: ~0.08 s at 3 MB): each edit block
        makes Qt redo the layout of every line it touched, and batches of
        marks cost 10 to 40 times as much. Re-formatting forgets how lines
        wrapped, and with it the line numbers the scroll bar counts, so the
        line at the top is found again afterwards.
        """
        self._colours = colours
        top = self.top_offset()
        formats = {kind: mark_format(kind, colours, faint=faint) for kind in MarkKind}
        cursor = QTextCursor(self.text.document())
        cursor.beginEditBlock()
        if self._marked:  # clear the marks of a previous palette or preference
            cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(QTextCharFormat())
        self._marked = True
        to_qt, keep = self._offsets.to_qt, QTextCursor.MoveMode.KeepAnchor
        for mark in paint_order(marks):
            cursor.setPosition(to_qt(mark.start))
            cursor.setPosition(to_qt(mark.end), keep)
            cursor.mergeCharFormat(formats[mark.kind])
        for start, end, tooltip in _joined(findings):
            cursor.setPosition(to_qt(start))
            cursor.setPosition(to_qt(end), keep)
            cursor.mergeCharFormat(finding_format(tooltip))
        cursor.endEditBlock()
        self.text.set_finding_ranges(
            ((to_qt(start), to_qt(end)) for start, end, _tip in findings), colours.finding_line
        )
        if top:
            self.show_offset(top, 0.0)

    def finding_spans(self) -> list[Span]:
        """The spans drawn with the change-in-meaning bar, in article offsets."""
        return [
            (self._offsets.from_qt(s), self._offsets.from_qt(e))
            for s, e in self.text.finding_ranges()
        ]

    def select_span(self, start: int, end: int) -> None:
        """Select ``text[start:end]``, the caret at its start (where stepping reads from)."""
        cursor = self.text.textCursor()
        cursor.setPosition(self._offsets.to_qt(end))
        cursor.setPosition(self._offsets.to_qt(start), QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)

    def selected_span(self) -> Span:
        cursor = self.text.textCursor()
        return (
            self._offsets.from_qt(cursor.selectionStart()),
            self._offsets.from_qt(cursor.selectionEnd()),
        )

    def format_at(self, offset: int) -> QTextCharFormat:
        """The character format shown at article ``offset`` (for tests and tooltips)."""
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(self._offsets.to_qt(offset) + 1)  # the format left of the cursor
        return cursor.charFormat()

    # --- pointing at passages ------------------------------------------------

    def set_focus_spans(self, spans: Iterable[Span]) -> None:
        """Draw the margin bar beside ``spans`` (the passage the user picked).

        A zero-width span draws a tick at the gap where the other side's passage would be.
        """
        ranges = [(self._offsets.to_qt(s), self._offsets.to_qt(e)) for s, e in spans]
        self.text.set_focus_ranges(ranges, self._colours.focus)

    def focus_spans(self) -> list[Span]:
        return [
            (self._offsets.from_qt(s), self._offsets.from_qt(e))
            for s, e in self.text.focus_ranges()
        ]

    def set_quote_spans(self, spans: Iterable[Span]) -> None:
        """Highlight quotations (the sidebar's pick) on top of the marks."""
        selections = []
        for start, end in spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(self._offsets.to_qt(start))
            cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(self._colours.quote)
            fmt.setForeground(self.palette().text())
            selection.format = fmt
            selections.append(selection)
        self.text.setExtraSelections(selections)

    def quote_spans(self) -> list[Span]:
        return [
            (
                self._offsets.from_qt(s.cursor.selectionStart()),
                self._offsets.from_qt(s.cursor.selectionEnd()),
            )
            for s in self.text.extraSelections()
        ]

    def place_cursor(self, offset: int) -> None:
        """Move the text cursor (the caret keyboard users read from) to ``offset``."""
        cursor = self.text.textCursor()
        cursor.setPosition(self._offsets.to_qt(offset))
        self.text.setTextCursor(cursor)

    def cursor_offset(self) -> int:
        return self._offsets.from_qt(self.text.textCursor().position())

    # --- geometry in article offsets, for sync scrolling and the link map ----

    def span_y(self, start: int, end: int) -> tuple[float, float]:
        """Document y range of ``text[start:end]``; a zero-width span is a line's top."""
        qs, qe = self._offsets.to_qt(start), self._offsets.to_qt(end)
        top = self.text.line_top(qs)
        if qe <= qs:
            return top, top
        return top, self.text.line_bottom(qe - 1)

    def offset_at_y(self, doc_y: float) -> int:
        return self._offsets.from_qt(self.text.position_at(doc_y))

    def top_offset(self) -> int:
        """The offset at which the first line shown starts."""
        # One pixel in: y = 0 is also the bottom of the line above.
        return self.offset_at_y(self.scroll_value() + 1)

    def scroll_value(self) -> int:
        """Document y at the top of the viewport."""
        return int(round(self.text.scroll_y()))

    def scroll_maximum(self) -> int:
        """``scroll_value`` when scrolled to the end."""
        return int(round(self.text.scroll_maximum()))

    def page_height(self) -> int:
        return self.text.viewport().height()

    def lay_out_above(self, offset: int, height: float) -> None:
        """Lay out ``height`` of text above ``offset`` (before scrolling it that far down)."""
        self.text.lay_out_above(self._offsets.to_qt(offset), height)

    def scroll_to_y(self, doc_y: float, fraction: float = 0.3) -> None:
        """Scroll so document height ``doc_y`` sits ``fraction`` down the viewport."""
        text, above = self.text, fraction * self.page_height()
        if above > 0:
            position = text.position_at(doc_y)
            rest = doc_y - text.line_top(position)
            text.lay_out_above(position, above)
            doc_y = text.line_top(position) + rest  # renumbered by the lines laid out
        text.scroll_to(doc_y - above)

    def show_offset(self, offset: int, fraction: float = 0.3) -> None:
        self.scroll_to_y(self.span_y(offset, offset)[0], fraction)

    # --- zoom -----------------------------------------------------------------

    def set_reading_font(self, family: str, size: int) -> None:
        """Use ``family`` ("" for the built-in serif choice) at ``size`` points as the base."""
        self._base_size = size
        font = QFont()
        font.setFamilies([family] if family else READING_FAMILIES)
        font.setPointSize(size)
        self.text.document().setDefaultFont(font)

    def zoom(self, steps: int) -> None:
        """Grow (positive) or shrink the text by ``steps`` points; 0 resets."""
        doc = self.text.document()
        font = doc.defaultFont()
        size = self._base_size if steps == 0 else max(6, min(48, font.pointSize() + steps))
        font.setPointSize(size)
        doc.setDefaultFont(font)

    def point_size(self) -> int:
        return self.text.document().defaultFont().pointSize()
