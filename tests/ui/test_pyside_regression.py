"""PySide6 6.12.0 on CPython 3.11 aborts ("Fatal Python error: none_dealloc") after a few
thousand void-returning calls; pyproject pins it away. This fails loudly (the process dies)
if a broken build ever gets installed, since painting marks makes exactly such calls."""

from __future__ import annotations

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument


def test_twenty_thousand_void_calls_complete():
    doc = QTextDocument()
    doc.setPlainText("word " * 2000)
    cursor = QTextCursor(doc)
    fmt = QTextCharFormat()
    fmt.setFontUnderline(True)
    calls = 0
    for i in range(5000):
        start = (i * 5) % 9990
        cursor.setPosition(start)  # void
        cursor.setPosition(start + 4, QTextCursor.MoveMode.KeepAnchor)  # void
        cursor.mergeCharFormat(fmt)  # void
        cursor.clearSelection()  # void
        calls += 4
    assert calls == 20000
    cursor.setPosition(3)  # the format left of the cursor: inside the first "word"
    assert cursor.charFormat().fontUnderline()
