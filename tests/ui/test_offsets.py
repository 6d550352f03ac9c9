"""OffsetMap: code points <-> UTF-16 units, with characters outside the BMP."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.offsets import OffsetMap


def test_identity_for_bmp_text():
    omap = OffsetMap("plain “quoted” text é")
    assert [omap.to_qt(i) for i in range(5)] == list(range(5))
    assert omap.from_qt(7) == 7


def test_each_astral_character_shifts_later_positions_by_one():
    text = "a😀b😀c"  # code points: a0 😀1 b2 😀3 c4
    omap = OffsetMap(text)
    assert [omap.to_qt(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert [omap.from_qt(q) for q in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    assert omap.from_qt(2) == 1  # inside the surrogate pair: the emoji itself


@given(st.text(alphabet=st.sampled_from("ab 😀𝄞é\n"), max_size=40))
def test_qt_document_agrees_with_the_map(text):
    doc = QTextDocument()
    doc.setPlainText(text)
    omap = OffsetMap(text)
    cursor = QTextCursor(doc)
    for i in range(len(text) + 1):
        cursor.setPosition(omap.to_qt(i))
        cursor.movePosition(QTextCursor.MoveOperation.Start, QTextCursor.MoveMode.KeepAnchor)
        before = cursor.selectedText().replace("\u2029", "\n")
        assert before == text[:i]
        assert omap.from_qt(omap.to_qt(i)) == i
