"""The find bar under a pane: Ctrl+F searches the pane's text, counts and highlights matches.

Matches are found in the article's own text (case-insensitive, as a person
expects of Find) with one linear regex scan per keystroke, so "3 of 12" counts
what is really there; the pane's ``OffsetMap`` turns them into Qt positions.
Every match is highlighted (an extra-selection layer of the text, above the
picked quotation's), the current one stronger. A needle matching everywhere
(one letter in a 3 MB article) stops counting at ``MATCH_LIMIT`` ("5 of
10,000+"), and only the ``HIGHLIGHT_LIMIT`` matches around the current one are
highlighted: Qt walks every selection on each repaint, and 2,000 cost 0.16 s to
set. A keystroke in a 3 MB article then takes 2-4 ms for a rare word and 70-110
ms for a letter or "the" (10,000 matches; str.find in the text lower-cased once,
where the regex scan alone took 80 ms; 2 cores under load).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from reader.ui.article_text import ArticleText
from reader.ui.highlight import LIGHT, Colours
from reader.ui.offsets import OffsetMap

MATCH_LIMIT = 10_000
HIGHLIGHT_LIMIT = 400  # around the current match: more than a screen holds
FIND_LAYER = "find"


class FindBar(QFrame):
    """Ctrl+F: a line edit searching the pane's text; Enter / Shift+Enter step, Esc closes.

    ``source`` gives the text searched and its offset map (the pane's article);
    ``colours`` the colour set the highlights are drawn in.
    """

    def __init__(
        self,
        text: ArticleText,
        parent: QWidget | None = None,
        *,
        source: Callable[[], tuple[str, OffsetMap]] | None = None,
        colours: Callable[[], Colours] | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = text
        self._source = source or (lambda: (text.toPlainText(), OffsetMap(text.toPlainText())))
        self._colours = colours or (lambda: LIGHT)
        self._matches: list[tuple[int, int]] = []  # article offsets, in reading order
        self._starts: list[int] = []
        self._current = -1
        self._capped = False
        self._folded: tuple[str, str] | None = None  # (text, its lower case) when lengths agree
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Find in this article"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(self.tr("Find"))
        self.status = QLabel(self)
        self.status.setObjectName("find-count")
        self.status.setMinimumWidth(self.status.fontMetrics().horizontalAdvance("88,888 of 88,888"))
        previous = QToolButton(self, text="↑", toolTip=self.tr("Previous match (Shift+Enter)"))
        following = QToolButton(self, text="↓", toolTip=self.tr("Next match (Enter)"))
        close = QToolButton(self, text="✕", toolTip=self.tr("Close (Esc)"))
        self.previous_button, self.next_button = previous, following
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.edit, previous, following, self.status, close):
            layout.addWidget(widget)
        self.edit.returnPressed.connect(self.find_next)
        self.edit.textChanged.connect(lambda _t: self.refresh())
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
        if self.edit.text():
            self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self._text.set_selection_layer(FIND_LAYER, [])
        self._text.setFocus()

    def match_count(self) -> int:
        """How many matches were counted (at most ``MATCH_LIMIT``)."""
        return len(self._matches)

    def matches(self) -> list[tuple[int, int]]:
        """The matches counted, as article offsets."""
        return list(self._matches)

    def refresh(self) -> None:
        """Search again (the needle or the text changed) and go to the first match from the
        caret's selection start, so typing extends the match in place."""
        self._search()
        if self._matches:
            start = self._offsets().from_qt(self._text.textCursor().selectionStart())
            self._go(self._index_from(start, backward=False))
        else:
            self._show_count()
            self._highlight()

    def recolour(self) -> None:
        """Draw the highlights again in the pane's colours (the palette changed)."""
        if self.isVisible() and self._matches:
            self._highlight()

    def find_next(self) -> bool:
        return self._step(backward=False)

    def find_previous(self) -> bool:
        return self._step(backward=True)

    # --- inside -----------------------------------------------------------------

    def _offsets(self) -> OffsetMap:
        return self._source()[1]

    def _search(self) -> None:
        needle = self.edit.text()
        self._matches, self._current, self._capped = [], -1, False
        if needle and self.isVisible():
            text, _offsets = self._source()
            folded = self._lower(text)
            if folded is not None and len(needle.lower()) == len(needle):
                self._find_folded(folded, needle.lower())
            else:  # lower-casing changed some length: the regex keeps the offsets
                pattern = re.compile(re.escape(needle), re.IGNORECASE)
                for match in pattern.finditer(text):
                    if len(self._matches) >= MATCH_LIMIT:
                        self._capped = True
                        break
                    self._matches.append(match.span())
        self._starts = [start for start, _end in self._matches]

    def _lower(self, text: str) -> str | None:
        """``text`` in lower case, made once per text; None when that changes its length
        (a few characters, such as "İ", lower to two), as offsets must stay the text's."""
        if self._folded is None or self._folded[0] is not text:
            lower = text.lower()
            self._folded = (text, lower) if len(lower) == len(text) else (text, "")
        return self._folded[1] or None if text else None

    def _find_folded(self, folded: str, needle: str) -> None:
        """Case-insensitive matches by ``str.find`` in the lower-cased text: one C scan
        between matches (3 MB: a few milliseconds, where the regex took 80)."""
        find, size, start = folded.find, len(needle), 0
        while True:
            at = find(needle, start)
            if at < 0:
                return
            if len(self._matches) >= MATCH_LIMIT:
                self._capped = True
                return
            self._matches.append((at, at + size))
            start = at + size

    def _index_from(self, offset: int, *, backward: bool) -> int:
        """The match to go to from ``offset``: the first at or after it (the last before it),
        wrapping around."""
        if backward:
            index = bisect.bisect_left(self._starts, offset) - 1
            return index if index >= 0 else len(self._matches) - 1
        index = bisect.bisect_left(self._starts, offset)
        return index if index < len(self._matches) else 0

    def _step(self, *, backward: bool) -> bool:
        if not self._matches:
            self._search()
        if not self._matches:
            self._show_count()
            return False
        if self._current >= 0:
            index = (self._current + (-1 if backward else 1)) % len(self._matches)
        else:
            cursor = self._text.textCursor()
            caret = self._offsets().from_qt(
                cursor.selectionStart() if backward else cursor.selectionEnd()
            )
            index = self._index_from(caret, backward=backward)
        self._go(index)
        return True

    def _go(self, index: int) -> None:
        self._current = index
        start, end = self._matches[index]
        offsets = self._offsets()
        cursor = self._text.textCursor()
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self._text.setTextCursor(cursor)
        self._text.ensureCursorVisible()
        self._show_count()
        self._highlight()

    def _show_count(self) -> None:
        if not self.edit.text():
            self.status.clear()
        elif not self._matches:
            self.status.setText(self.tr("Not found"))
        else:
            total = f"{len(self._matches):,}" + ("+" if self._capped else "")
            self.status.setText(
                self.tr("{current} of {total}").format(
                    current=f"{self._current + 1:,}", total=total
                )
            )

    def _highlight(self) -> None:
        """Every match (up to ``HIGHLIGHT_LIMIT`` around the current one) tinted, the
        current one in the stronger colour."""
        colours, offsets = self._colours(), self._offsets()
        document = self._text.document()
        formats = []
        for background, underline in ((colours.found, False), (colours.found_current, True)):
            fmt = QTextCharFormat()
            fmt.setBackground(background)
            fmt.setForeground(colours.found_text)
            fmt.setFontUnderline(underline)  # a second cue for the current match
            formats.append(fmt)
        first = max(0, self._current - HIGHLIGHT_LIMIT // 2)
        shown = self._matches[first : first + HIGHLIGHT_LIMIT]
        selections = []
        for number, (start, end) in enumerate(shown, start=first):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = formats[number == self._current]
            selections.append(selection)
        self._text.set_selection_layer(FIND_LAYER, selections)
