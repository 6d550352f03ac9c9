"""One article pane: a header naming the file, the read-only text, a find bar.

The pane speaks article offsets (code points) to the rest of the window and
converts to Qt positions only through its ``OffsetMap``. It knows nothing
about blocks: the window tells it which marks to paint and which span to
point at. Its parts: ``PaneHeader``, ``ArticleText`` (with its ``TextBars``),
``FindBar``; ``paint_marks`` colours the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QVBoxLayout, QWidget

from reader.core.article import Article, Span
from reader.core.results.marks import Mark, MarkKind
from reader.ui.article_text import ArticleText
from reader.ui.find_bar import FindBar
from reader.ui.highlight import LIGHT, Colours
from reader.ui.mark_painting import paint_marks
from reader.ui.offsets import OffsetMap, paragraph_gaps, shown_text
from reader.ui.overview_strip import OverviewStrip
from reader.ui.pane_header import Origin, PaneHeader

BASE_POINT_SIZE = 12
READING_FAMILIES = ["Source Serif 4", "Noto Serif", "DejaVu Serif", "Georgia", "serif"]


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

        self.header = PaneHeader(side_label=side_label, parent=self)
        self.name_label = self.header.name_label
        self.details_label = self.header.details_label
        self.text = ArticleText(self)
        self.text.setAccessibleName(self.tr("{side} article").format(side=side_label))
        font = QFont()
        font.setFamilies(READING_FAMILIES)
        font.setPointSize(BASE_POINT_SIZE)
        self.text.document().setDefaultFont(font)
        self.find_bar = FindBar(
            self.text,
            self,
            source=lambda: (self._article.text if self._article else "", self._offsets),
            colours=lambda: self._colours,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        self.overview = OverviewStrip(pane=self, side_label=side_label.lower(), parent=self)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.text, 1)
        body.addWidget(self.overview)
        layout.addLayout(body, 1)
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
        self.header.show_placeholder()
        self.text.clear()
        self.overview.clear()
        self.text.set_finding_ranges([], self._colours.finding_line)
        self.text.set_change_ranges([], self._colours.changed_line)
        self.text.setPlaceholderText(
            self.tr(
                "Drop the {side} article here, or use File › Open… (Ctrl+O).\n\n"
                "Help › Open Sample Pair shows an example."
            ).format(side=self._side_label.lower())
        )

    def set_article(self, article: Article, origin: Origin | None = None) -> None:
        """Show ``article`` unmarked (the marks come when its comparison arrives);
        ``origin`` says where one that is not a file came from (pasted, fetched)."""
        self._marked = False
        self._article = article
        # Plain text is shown as the file has it; other formats give one paragraph
        # a line, shown with the blank line between paragraphs they had.
        gaps = paragraph_gaps(article.text) if article.source_format != "text" else []
        self._offsets = OffsetMap(article.text, gaps)
        self.header.show_article(article, origin)
        self.text.setPlainText(shown_text(article.text, gaps))
        self.text.set_focus_ranges([], self._colours.focus)
        self.text.set_finding_ranges([], self._colours.finding_line)
        self.text.set_change_ranges([], self._colours.changed_line)
        self.text.clear_selection_layers()
        self.overview.clear()
        if self.find_bar.isVisible():
            self.find_bar.refresh()  # the matches of the new text

    def apply_marks(
        self,
        marks: Iterable[Mark],
        colours: Colours,
        *,
        findings: Sequence[tuple[int, int, str]] = (),
        quotes: Sequence[Span] = (),
        faint: bool = False,
    ) -> None:
        """Colour the text with ``marks``, then the changes in meaning (``findings``: start,
        end, tooltip) over all (``paint_marks``); ``faint`` draws the ordinary marks pale,
        so only the findings stand out. The overview strip shows them and ``quotes``.

        Re-formatting forgets how lines wrapped, and with it the line numbers
        the scroll bar counts, so the line at the top is found again afterwards.
        """
        self._colours = colours
        marks = list(marks)
        top = self.top_offset()
        paint_marks(
            self.text.document(),
            self._offsets.to_qt,
            marks,
            colours,
            findings=findings,
            faint=faint,
            clear=self._marked,
        )
        self._marked = True
        self.find_bar.recolour()
        to_qt = self._offsets.to_qt
        self.text.set_finding_ranges(
            ((to_qt(start), to_qt(end)) for start, end, _tip in findings), colours.finding_line
        )
        # The reworded passages' second cue: a change bar in the margin (not when faint).
        self.text.set_change_ranges(
            ()
            if faint
            else ((to_qt(m.start), to_qt(m.end)) for m in marks if m.kind is MarkKind.CHANGED),
            colours.changed_line,
        )
        if top:
            self.show_offset(top, 0.0)
        self.overview.set_marks(
            marks,
            colours,
            findings=[(start, end) for start, end, _tip in findings],
            quotes=quotes,
            faint=faint,
        )

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
        self.text.set_selection_layer("quotes", selections)

    def quote_spans(self) -> list[Span]:
        return [
            (
                self._offsets.from_qt(s.cursor.selectionStart()),
                self._offsets.from_qt(s.cursor.selectionEnd()),
            )
            for s in self.text.selection_layer("quotes")
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

    def rough_ys(self, offsets: Iterable[int]) -> list[float]:
        """Document y of each offset, laying nothing out (a 3 MB article's every mark at once)."""
        to_qt = self._offsets.to_qt
        return self.text.rough_line_ys(to_qt(offset) for offset in offsets)

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
