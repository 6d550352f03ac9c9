"""The quotation list: every quote pair with its status, speaker and both texts.

``QuoteModel`` is a plain table model over ``comparison.quote_pairs`` (checked
with pytest-qt's model tester); ``StatusFilter`` narrows it to one status;
``QuoteSidebar`` is the view, emitting ``pair_selected`` for the row the user
moves to, by mouse or keyboard.
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


# Statuses whose quotations are shown plain: the same words, or nothing to compare with.
_UNMARKED = (QuoteStatus.VERBATIM, QuoteStatus.ONLY_LEFT, QuoteStatus.ONLY_RIGHT)


def status_icon(status: QuoteStatus) -> QIcon:
    """A round badge with the status glyph."""
    glyph, colour = STATUS_GLYPHS[status]
    return badge_icon(glyph, colour)


def marked_html(pair: QuotePair, side: Side, colours: Colours) -> str:
    """One side's quoted words as HTML, the words the other side lacks marked.

    Only altered and truncated pairs mark words: a verbatim pair differs at
    most in punctuation, and an unpaired quote has nothing to differ from.
    """
    own = DELETE if side == "left" else INSERT
    if pair.status not in _UNMARKED and pair.ops:
        parts = []
        for op in pair.ops:
            text = html.escape(op.text)
            if op.tag == EQUAL:
                parts.append(text)
            elif op.tag == own and op.text.strip():
                if side == "left":
                    parts.append(f'<s style="background:{colours.omitted.name()}">{text}</s>')
                else:
                    parts.append(f'<u style="background:{colours.added.name()}">{text}</u>')
            elif op.tag == own:
                parts.append(text)
        return "".join(parts)
    return html.escape(side_text(pair.ops, side))


def speaker_text(pair: QuotePair) -> str:
    """Who said it: the original's speaker, and the rewrite's when it names someone else."""
    said = speakers(pair)
    if said.changed:
        return f"{said.left} → {said.right}"
    return said.left or said.right or "—"


def pair_as_text(pair: QuotePair) -> str:
    """A quote pair as plain text for the clipboard: status, speaker, both quotations."""
    lines = [f"{QUOTE_STATUS[pair.status]}: {speaker_text(pair)}"]
    for side, label in (("left", "Original"), ("right", "Rewrite")):
        words = side_text(pair.ops, side)
        lines.append(f"{label}: “{words}”" if words else f"{label}: —")
    return "\n".join(lines)


class QuoteModel(QAbstractTableModel):
    """One row per quote pair, in the order the core listed them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._pairs: tuple[QuotePair, ...] = ()
        self._colours = LIGHT
        self._icons: dict[QuoteStatus, QIcon] = {}

    def set_comparison(self, comparison: Comparison | None, colours: Colours) -> None:
        self.beginResetModel()
        self._pairs = comparison.quote_pairs if comparison is not None else ()
        self._colours = colours
        self.endResetModel()

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
                return speaker_text(pair)
            return side_text(pair.ops, "left" if column == 2 else "right")
        if role == HTML_ROLE and column in (2, 3):
            return marked_html(pair, "left" if column == 2 else "right", self._colours)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if pair.status not in self._icons:
                self._icons[pair.status] = status_icon(pair.status)
            return self._icons[pair.status]
        return None


class StatusFilter(QSortFilterProxyModel):
    """Shows the pairs of one status, or all of them."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status: QuoteStatus | None = None

    def set_status(self, status: QuoteStatus | None) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.9+; invalidateRowsFilter is older
            self.beginFilterChange()
            self._status = status
            self.endFilterChange()
        else:
            self._status = status
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        if self._status is None:
            return True
        model = self.sourceModel()
        pair = model.data(model.index(source_row, 0, source_parent), PAIR_ROLE)
        return pair is not None and pair.status == self._status


class HtmlDelegate(QStyledItemDelegate):
    """Paints the quote columns' HTML (marked words) and sizes rows to the wrapped text."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self._view = view

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(40, width))
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
        doc.drawContents(painter)
        painter.restore()

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
        self.count_label = QLabel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName(self.tr("Quotations"))
        # The view's own Ctrl+C copies one cell; the filter below copies the pair.
        self.table.installEventFilter(self)
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 150)
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
        top.addStretch(1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.filter_box.currentIndexChanged.connect(self._filter_changed)
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

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.pair_selected.emit(current.data(PAIR_ROLE))

    def copy_current(self) -> None:
        """Copy the selected quote pair (status, speaker, both texts) as plain text."""
        index = self.table.currentIndex()
        if index.isValid():
            QApplication.clipboard().setText(pair_as_text(index.data(PAIR_ROLE)))

    def select_row(self, row: int) -> None:
        """Make proxy row ``row`` current (as a click would)."""
        self.table.setCurrentIndex(self.proxy.index(row, 0))
