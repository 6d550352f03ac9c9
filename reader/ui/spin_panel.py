"""The "Changes in meaning" panel: the comparison's findings, grouped by kind.

``FindingModel`` is a two-level tree model over ``comparison.findings`` (checked
with pytest-qt's model tester): a row per kind that has findings ("Loaded
wording (7)", in ``FindingKind`` order), under it that kind's findings,
weightiest first, each with its change (glyph and word), its words and why.
``SpinPanel`` is the view; it emits ``finding_selected`` with the finding's
index in ``comparison.findings`` for the row the user moves to, by mouse or
keyboard, and follows the finding navigation landed on (``select_finding``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.results.comparison import Change, Comparison, Finding, FindingKind
from reader.core.results.labels import CHANGE, CHANGE_GLYPH, FINDING_KIND, capitalised
from reader.core.results.query import finding_words
from reader.ui.describe import finding_tooltip
from reader.ui.highlight import badge_icon

AnyIndex = QModelIndex | QPersistentModelIndex
FINDING_ROLE = Qt.ItemDataRole.UserRole  # a finding row's index in comparison.findings
KIND_ROLE = Qt.ItemDataRole.UserRole + 1  # the FindingKind of a group row
COLUMNS = ("Change", "Words", "Why")
# The badge behind each change's glyph: the glyph and the word carry it, the colour repeats it.
CHANGE_COLOURS = {Change.ADDED: "#2e7d32", Change.DROPPED: "#c0392b", Change.CHANGED: "#b26a00"}
_GROUP = 0  # internal id of a group row; a finding row's is its group's row + 1
_WORDS_SHOWN = 160  # longer words (whole quotations) are cut; the tooltip has them all


def change_icon(change: Change) -> QIcon:
    return badge_icon(CHANGE_GLYPH[change], CHANGE_COLOURS[change])


class FindingModel(QAbstractItemModel):
    """Kinds as top-level rows, their findings (weightiest first) as children."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._groups: list[tuple[FindingKind, list[int]]] = []
        self._icons: dict[Change, QIcon] = {}

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.beginResetModel()
        self._comparison = comparison
        self._groups = []
        findings = comparison.findings if comparison is not None else ()
        for kind in FindingKind:
            numbers = [n for n, f in enumerate(findings) if f.kind is kind]
            numbers.sort(key=lambda n: -findings[n].weight)  # stable: the core's order on ties
            if numbers:
                self._groups.append((kind, numbers))
        self.endResetModel()

    def finding(self, number: int) -> Finding:
        assert self._comparison is not None
        return self._comparison.findings[number]

    def index_of(self, number: int, column: int = 0) -> QModelIndex:
        """The row of finding ``number`` (invalid when it is not listed)."""
        for group, (_kind, numbers) in enumerate(self._groups):
            if number in numbers:
                return self.createIndex(numbers.index(number), column, group + 1)
        return QModelIndex()

    def group_index(self, kind: FindingKind) -> QModelIndex:
        """The group row of ``kind`` (invalid when the comparison found none of that kind)."""
        for row, (each, _numbers) in enumerate(self._groups):
            if each is kind:
                return self.createIndex(row, 0, _GROUP)
        return QModelIndex()

    # --- the tree -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: AnyIndex | None = None) -> Any:  # type: ignore[override]
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return self.tr(COLUMNS[section])
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(index, role)
        kind, numbers = self._groups[index.internalId() - 1]
        number = numbers[index.row()]
        finding = self.finding(number)
        column = index.column()
        if role == FINDING_ROLE:
            return number
        if role == KIND_ROLE:
            return kind
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self.tr(CHANGE[finding.change])
            if column == 1:
                return self._words(finding)
            return finding.why
        if role == Qt.ItemDataRole.ToolTipRole:
            assert self._comparison is not None
            return finding_tooltip(self._comparison, finding)
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if finding.change not in self._icons:
                self._icons[finding.change] = change_icon(finding.change)
            return self._icons[finding.change]
        return None

    def _group_data(self, index: AnyIndex, role: int) -> Any:
        kind, numbers = self._groups[index.row()]
        if index.column() != 0:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{self.tr(capitalised(FINDING_KIND[kind]))} ({len(numbers)})"
        if role == Qt.ItemDataRole.FontRole:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == KIND_ROLE:
            return kind
        return None

    def _words(self, finding: Finding) -> str:
        assert self._comparison is not None
        own, _other = finding_words(self._comparison, finding)
        words = " ".join(own.split())
        if len(words) > _WORDS_SHOWN:
            words = words[: _WORDS_SHOWN - 1].rstrip() + "…"
        return f"“{words}”"


class SpinPanel(QWidget):
    """A line saying how many changes in meaning, and the tree of them."""

    finding_selected = Signal(int)  # the finding's index in comparison.findings

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = FindingModel(self)
        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        self.tree = QTreeView(self)
        self.tree.setAccessibleName(self.tr("Changes in meaning"))
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)  # one line a row: fast for thousands of findings
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 130)
        header.resizeSection(1, 300)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.count_label)
        layout.addWidget(self.tree, 1)
        self._following = False  # selecting the row navigation landed on: do not re-emit
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.set_comparison(None)

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.model.set_comparison(comparison)
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, root, True)  # "Loaded wording (7)" reads whole
        self.tree.expandAll()
        if comparison is None:
            self.count_label.setText(self.tr("No comparison yet."))
        elif not comparison.findings:
            self.count_label.setText(self.tr("No changes in meaning found."))
        else:
            count = len(comparison.findings)
            self.count_label.setText(
                self.tr(
                    "{count} changes in meaning, weightiest first in each group. "
                    "F8 / Shift+F8 step through them in reading order."
                ).format(count=count)
                if count != 1
                else self.tr("1 change in meaning. F8 goes to it.")
            )

    def select_finding(self, number: int | None) -> None:
        """Make finding ``number``'s row current (None: no row), without emitting."""
        index = self.model.index_of(number) if number is not None else QModelIndex()
        self._following = True
        try:
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
            else:
                self.tree.selectionModel().clearCurrentIndex()
                self.tree.clearSelection()
        finally:
            self._following = False

    def current_finding(self) -> int | None:
        number = self.tree.currentIndex().data(FINDING_ROLE)
        return number if isinstance(number, int) else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        number = current.data(FINDING_ROLE)
        if not self._following and isinstance(number, int):
            self.finding_selected.emit(number)
