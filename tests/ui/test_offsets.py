"""OffsetMap: code points <-> UTF-16 units, with characters outside the BMP."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from reader.ui.offsets import OffsetMap, paragraph_gaps, shown_text


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


def test_paragraphs_on_consecutive_lines_get_a_blank_line_and_keep_their_offsets():
    text = "Title\nFirst paragraph.\n\nSecond.\nThird 😀 one.\n"
    gaps = paragraph_gaps(text)
    assert [text[g:].split("\n")[0] for g in gaps] == ["First paragraph.", "Third 😀 one."]
    shown = shown_text(text, gaps)
    assert shown == "Title\n\nFirst paragraph.\n\nSecond.\n\nThird 😀 one.\n"
    omap = OffsetMap(text, gaps)
    doc = QTextDocument()
    doc.setPlainText(shown)
    for g in gaps:  # the inserted line is an empty block, and clicking it means the paragraph
        blank = omap.to_qt(g) - 1
        assert doc.findBlock(blank).text() == ""
        assert omap.from_qt(blank) == g


@given(st.text(alphabet=st.sampled_from("ab 😀é\n"), max_size=40))
def test_qt_document_showing_gaps_agrees_with_the_map(text):
    gaps = paragraph_gaps(text)
    shown = shown_text(text, gaps)
    assert shown.replace("\n", "") == text.replace("\n", "")
    doc = QTextDocument()
    doc.setPlainText(shown)
    omap = OffsetMap(text, gaps)
    cursor = QTextCursor(doc)
    for i in range(len(text) + 1):
        cursor.setPosition(omap.to_qt(i))
        cursor.movePosition(QTextCursor.MoveOperation.Start, QTextCursor.MoveMode.KeepAnchor)
        before = cursor.selectedText().replace("\u2029", "\n")
        assert before == shown_text(text[:i], [g for g in gaps if g <= i])
        assert omap.from_qt(omap.to_qt(i)) == i
