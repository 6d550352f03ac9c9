"""The quotation list: every quote pair with its status, speaker and both texts.

``QuoteModel`` is a plain table model over ``comparison.quote_pairs`` (checked
with pytest-qt's model tester); ``StatusFilter`` narrows it to one status and
hides quoted names and terms (the “Remain in Mexico” program: not speech) unless
asked; ``QuoteSidebar`` is the view, emitting ``pair_selected`` for the row the
user moves to, by mouse or keyboard.

Rows are one line each (cut with "…", the whole text in the tooltip), the current
row wrapped in full: at the default window size the list shows most of an
article's quotations instead of five. Where two quotations of one side were
joined (merged, split), the join reads " [...] ".

Over 400 lines as one piece: the model, its filter, the delegate and the view
share the row's texts and their join and mark positions; apart, each would
need the others' internals.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QIcon,
    QKeySequence,
    QPainter,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.core.results.comparison import Comparison, QuotePair, QuoteStatus
from reader.core.results.labels import QUOTE_STATUS
from reader.core.results.query import Side, speakers
from reader.core.worddiff import DELETE, EQUAL, INSERT, side_text
from reader.ui.highlight import LIGHT, Colours, badge_icon

AnyIndex = QModelIndex | QPersistentModelIndex
PAIR_ROLE = Qt.ItemDataRole.UserRole
HTML_ROLE = Qt.ItemDataRole.UserRole + 1

# A glyph and a colour per status: the icon is never the only cue, the word is shown too.
STATUS_GLYPHS = {
    QuoteStatus.VERBATIM: ("=", "#2e8b3a"),
    QuoteStatus.ALTERED: ("≠", "#d9822b"),
    QuoteStatus.TRUNCATED: ("…", "#3b6fd1"),
    QuoteStatus.MERGED: ("⋈", "#b03a8c"),
    QuoteStatus.SPLIT: ("⑃", "#1f8a8a"),
    QuoteStatus.ONLY_LEFT: ("−", "#c0392b"),
    QuoteStatus.ONLY_RIGHT: ("+", "#7d4fc4"),
}
COLUMNS = ("Status", "Speaker", "Original", "Rewrite")
HEADER_TIPS = (
    "What happened to the quotation: verbatim, altered, truncated, merged, split, "
    "or only in one article",
    "Who said it, as each article names the speaker.\n“A → B”: the original says A said "
    "it, the rewrite says B.",
    "The quotation in the original (words the rewrite lacks struck through)",
    "The quotation in the rewrite (words the original lacks underlined)",
)
JOIN = " [...] "  # where two quotations of one side were joined into one row


# Statuses whose quotations are shown plain: the same words, or nothing to compare with.
_UNMARKED = (QuoteStatus.VERBATIM, QuoteStatus.ONLY_LEFT, QuoteStatus.ONLY_RIGHT)


def status_icon(status: QuoteStatus) -> QIcon:
    """A round badge with the status glyph."""
    glyph, colour = STATUS_GLYPHS[status]
    return badge_icon(glyph, colour)


def part_joins(pair: QuotePair, side: Side, article_text: str) -> tuple[int, ...]:
    """Where ``side``'s quotations meet in its text of the pair (the offset of the space
    that joins them), when it joins several; () otherwise, or when the pair's text is
    not those quotations joined by a space (then no join is shown rather than a wrong one).
    """
    quotes = pair.left if side == "left" else pair.right
    if len(quotes) < 2:
        return ()
    parts = [quote.text(article_text) for quote in quotes]
    if " ".join(parts) != side_text(pair.ops, side):
        return ()
    joins, position = [], 0
    for part in parts[:-1]:
        position += len(part)
        joins.append(position)
        position += 1
    return tuple(joins)


def joined_text(text: str, joins: tuple[int, ...]) -> str:
    """``text`` with the space at each of ``joins`` shown as " [...] "."""
    pieces, start = [], 0
    for join in joins:
        pieces.append(text[start:join])
        start = join + 1
    pieces.append(text[start:])
    return JOIN.join(pieces)


def marked_html(pair: QuotePair, side: Side, colours: Colours, joins: tuple[int, ...] = ()) -> str:
    """One side's quoted words as HTML, the words the other side lacks marked, and
    " [...] " at ``joins`` (``part_joins``).

    Only altered and truncated pairs mark words: a verbatim pair differs at
    most in punctuation, and an unpaired quote has nothing to differ from.
    """
    own = DELETE if side == "left" else INSERT
    marked = pair.status not in _UNMARKED and bool(pair.ops)
    join_html = html.escape(JOIN[:-1]) + "&nbsp;"  # a break may follow the mark, not lead it
    parts, position, pending = [], 0, list(joins)
    for op in pair.ops:
        if op.tag not in (EQUAL, own):
            continue
        wrap = marked and op.tag == own and bool(op.text.strip())
        start, end = position, position + len(op.text)
        position = end
        chunks, cut = [], start
        while pending and pending[0] < end:
            join = pending.pop(0)
            chunks.append(op.text[cut - start : join - start])
            cut = join + 1
        chunks.append(op.text[cut - start :])
        for number, chunk in enumerate(chunks):
            if number:
                parts.append(join_html)
            text = html.escape(chunk)
            if wrap and chunk.strip():
                if side == "left":
                    text = f'<s style="background:{colours.omitted.name()}">{text}</s>'
                else:
                    text = f'<u style="background:{colours.added.name()}">{text}</u>'
            parts.append(text)
    return "".join(parts)


def speaker_text(pair: QuotePair) -> str:
    """Who said it: the original's speaker, and the rewrite's when it names someone else."""
    said = speakers(pair)
    if said.changed:
        return f"{said.left} → {said.right}"
    return said.left or said.right or "—"


def speaker_tooltip(pair: QuotePair) -> str:
    """The speaker cell's tooltip: each article's speaker on its own line."""
    said = speakers(pair)
    return f"Original: {said.left or '—'}\nRewrite: {said.right or '—'}"


def is_term_pair(pair: QuotePair) -> bool:
    """Whether every quotation of the pair is a quoted name or term, not speech."""
    quotes = pair.left + pair.right
    return bool(quotes) and all(getattr(quote, "term", False) for quote in quotes)


def pair_as_text(pair: QuotePair, texts: dict[str, str] | None = None) -> str:
    """A quote pair as plain text for the clipboard: status, speaker, both quotations
    (with " [...] " where quotations were joined, given the articles' ``texts``)."""
    lines = [f"{QUOTE_STATUS[pair.status]}: {speaker_text(pair)}"]
    for side, label in (("left", "Original"), ("right", "Rewrite")):
        words = side_text(pair.ops, side)
        if texts is not None:
            words = joined_text(words, part_joins(pair, side, texts[side]))
        lines.append(f"{label}: “{words}”" if words else f"{label}: —")
    return "\n".join(lines)


class QuoteModel(QAbstractTableModel):
    """One row per quote pair, in the order the core listed them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pairs: tuple[QuotePair, ...] = ()
        self._texts = {"left": "", "right": ""}
        self._joins: dict[tuple[int, str], tuple[int, ...]] = {}
        self._colours = LIGHT
        self._icons: dict[QuoteStatus, QIcon] = {}

    def set_comparison(self, comparison: Comparison | None, colours: Colours) -> None:
        self.beginResetModel()
        self._pairs = comparison.quote_pairs if comparison is not None else ()
        if comparison is not None:
            self._texts = {"left": comparison.left.text, "right": comparison.right.text}
        self._joins = {}
        self._colours = colours
        self.endResetModel()

    def texts(self) -> dict[str, str]:
        """Both articles' texts (what the quotations' offsets index)."""
        return dict(self._texts)

    def joins(self, row: int, side: Side) -> tuple[int, ...]:
        key = (row, side)
        if key not in self._joins:
            self._joins[key] = part_joins(self._pairs[row], side, self._texts[side])
        return self._joins[key]

    def pair(self, row: int) -> QuotePair:
        return self._pairs[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: E501
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return self.tr(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if 0 <= section < len(COLUMNS):
                return self.tr(HEADER_TIPS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._pairs):
            return None
        pair = self._pairs[index.row()]
        column = index.column()
        if role == PAIR_ROLE:
            return pair
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return self.tr(QUOTE_STATUS[pair.status])
            if column == 1:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return speaker_tooltip(pair)
                return speaker_text(pair)
            side = "left" if column == 2 else "right"
            return joined_text(side_text(pair.ops, side), self.joins(index.row(), side))
        if role == HTML_ROLE and column in (2, 3):
            side = "left" if column == 2 else "right"
            return marked_html(pair, side, self._colours, self.joins(index.row(), side))
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if pair.status not in self._icons:
                self._icons[pair.status] = status_icon(pair.status)
            return self._icons[pair.status]
        return None


class StatusFilter(QSortFilterProxyModel):
    """Shows the pairs of one status, or all of them; quoted terms only when asked."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status: QuoteStatus | None = None
        self._terms = True  # the model alone shows everything; the sidebar hides terms

    def set_status(self, status: QuoteStatus | None) -> None:
        self._change(lambda: setattr(self, "_status", status))

    def set_show_terms(self, show: bool) -> None:
        self._change(lambda: setattr(self, "_terms", show))

    def _change(self, change) -> None:  # noqa: ANN001
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is older
            self.beginFilterChange()
            change()
            self.endFilterChange()
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        pair = model.data(model.index(source_row, 0, source_parent), PAIR_ROLE)
        if pair is None:
            return False
        if not self._terms and is_term_pair(pair):
            return False
        return self._status is None or pair.status == self._status


class HtmlDelegate(QStyledItemDelegate):
    """Paints the quote columns' HTML (marked words) and sizes rows to the wrapped text."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    def _wrapped(self, index: AnyIndex) -> bool:
        """The current row shows its whole text; the others one line each."""
        return index.row() == self._view.currentIndex().row()

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(40, width) if self._wrapped(index) else -1)
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else self._view.style()
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        style.drawControl(
            QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
        )
        doc = self._document(option, index, option.rect.width())
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRect(0, 0, option.rect.width(), option.rect.height()))
        if option.state & QStyle.StateFlag.State_Selected:
            doc.setDefaultStyleSheet("")
            colour = option.palette.highlightedText().color().name()
            doc.setHtml(f'<span style="color:{colour}">{index.data(HTML_ROLE) or ""}</span>')
            if not self._wrapped(index):
                doc.setTextWidth(-1)
        doc.drawContents(painter)
        if doc.idealWidth() > option.rect.width():  # cut: say so at the end of the line
            self._ellipsis(painter, option)
        painter.restore()

    def _ellipsis(self, painter: QPainter, option: QStyleOptionViewItem) -> None:
        metrics = option.fontMetrics
        width = metrics.horizontalAdvance(" … ")
        box = QRect(option.rect.width() - width, 0, width, option.rect.height())
        selected = option.state & QStyle.StateFlag.State_Selected
        background = option.palette.highlight() if selected else option.palette.base()
        if not selected and option.features & QStyleOptionViewItem.ViewItemFeature.Alternate:
            background = option.palette.alternateBase()
        painter.fillRect(box, background)
        painter.setPen(
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        painter.drawText(box.adjusted(0, 2, 0, 0), Qt.AlignmentFlag.AlignTop, " … ")

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        self.initStyleOption(option, index)
        # The cell paints one pixel narrower than the column (the grid line): wrap as it will.
        doc = self._document(option, index, self._view.columnWidth(index.column()) - 1)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2)


class QuoteSidebar(QWidget):
    """The filter box and the table; ``pair_selected`` fires for the current row."""

    pair_selected = Signal(object)  # QuotePair

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QuoteModel(self)
        self.proxy = StatusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter_box = QComboBox(self)
        self.filter_box.setAccessibleName(self.tr("Show quotations"))
        self.filter_box.addItem(self.tr("All quotations"), None)
        for status, word in QUOTE_STATUS.items():
            self.filter_box.addItem(status_icon(status), self.tr(word), status)
        self.terms_box = QCheckBox(self.tr("Show quoted &terms"), self)
        self.terms_box.setToolTip(
            self.tr(
                "Also list quoted names and terms (the “Remain in Mexico” program): "
                "words in quotation marks that nobody is quoted as saying"
            )
        )
        self.terms_box.setChecked(False)
        self.proxy.set_show_terms(False)
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Quotations"))
        # The view's own Ctrl+C copies one cell; the filter below copies the pair.
        self.table.installEventFilter(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # One line a row (the current one wrapped in full by the delegate): more rows fit.
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 210)  # "the advocates → the immigration advocates"
        # Rows are fitted to their wrapped text only while visible: fitting thousands
        # of rows up front (resizeRowsToContents) froze the window for seconds on
        # megabyte articles.
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_visible_rows)
        header.sectionResized.connect(lambda *_a: self._fit_timer.start())
        self.table.verticalScrollBar().valueChanged.connect(lambda _v: self._fit_timer.start())
        self.table.viewport().installEventFilter(self)
        self.delegate = HtmlDelegate(self.table)
        self.table.setItemDelegateForColumn(2, self.delegate)
        self.table.setItemDelegateForColumn(3, self.delegate)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_box)
        top.addWidget(self.terms_box)
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.filter_box.currentIndexChanged.connect(self._filter_changed)
        self.terms_box.toggled.connect(self._terms_toggled)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def set_comparison(self, comparison: Comparison | None, colours: Colours) -> None:
        self.model.set_comparison(comparison, colours)
        self._fit_timer.start()
        self._update_count()

    def _filter_changed(self, _index: int) -> None:
        data = self.filter_box.currentData()  # Qt hands the enum back as a plain str
        self.proxy.set_status(QuoteStatus(data) if data else None)
        self._fit_timer.start()
        self._update_count()

    def _terms_toggled(self, show: bool) -> None:
        self.proxy.set_show_terms(show)
        self._fit_timer.start()
        self._update_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.Copy)
        ):
            self.copy_current()
            return True
        # The viewport narrows when the scroll bar appears, rewrapping every row.
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def _fit_visible_rows(self) -> None:
        """Size the rows on screen (and a few below) to their wrapped text."""
        rows = self.proxy.rowCount()
        first = self.table.rowAt(0)
        if first < 0:
            return
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = rows - 1 if last < 0 else last
        for row in range(first, min(rows, last + 6)):
            self.table.resizeRowToContents(row)

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))
        self.count_label.setToolTip(
            self.tr("{shown} quotations listed of the {total} found").format(
                shown=shown, total=total
            )
        )

    def _row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        # The current row shows its whole text, the one left goes back to one line.
        for index in (previous, current):
            if index.isValid():
                self.table.resizeRowToContents(index.row())
        if current.isValid():
            self.pair_selected.emit(current.data(PAIR_ROLE))

    def copy_current(self) -> None:
        """Copy the selected quote pair (status, speaker, both texts) as plain text."""
        index = self.table.currentIndex()
        if index.isValid():
            QApplication.clipboard().setText(
                pair_as_text(index.data(PAIR_ROLE), self.model.texts())
            )

    def select_row(self, row: int) -> None:
        """Make proxy row ``row`` current (as a click would)."""
        self.table.setCurrentIndex(self.proxy.index(row, 0))
