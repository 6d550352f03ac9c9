"""The find bar under a pane: Ctrl+F searches the pane's text; Enter / Shift+Enter step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)


class FindBar(QFrame):
    """Ctrl+F: a line edit searching the pane's text; Enter / Shift+Enter step, Esc closes."""

    def __init__(self, text: QPlainTextEdit, parent: QWidget | None = None) -> None:
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
