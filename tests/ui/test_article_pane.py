"""An article pane on text outside the BMP: marks land on the right characters."""

from __future__ import annotations

import pytest

from reader.core.article import Article
from reader.core.results.marks import Mark, MarkKind
from reader.ui.article_pane import ArticlePane
from reader.ui.highlight import LIGHT


def test_marks_after_astral_characters_cover_exactly_their_words(qtbot):
    text = "Emoji 😀 first. Then 𝄞 music added here."
    start = text.index("added")
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.set_article(Article.from_text(text, path="/tmp/astral.txt", title="Astral"))
    pane.apply_marks([Mark(start, start + 5, MarkKind.ADDED, 0)], LIGHT)
    assert not pane.format_at(start - 1).fontUnderline()
    assert all(pane.format_at(i).fontUnderline() for i in range(start, start + 5))
    assert not pane.format_at(start + 5).fontUnderline()
    pane.set_quote_spans([(start, start + 5)])
    assert pane.quote_spans() == [(start, start + 5)]
    assert pane.text.extraSelections()[0].cursor.selectedText() == "added"
    assert "astral.txt" in pane.name_label.text() and "Astral" in pane.details_label.text()


def test_clicking_reports_code_point_offsets(qtbot):
    text = "😀😀 tail words"
    pane = ArticlePane(side_label="Original")
    qtbot.addWidget(pane)
    pane.resize(400, 200)
    pane.show()
    qtbot.waitExposed(pane)
    pane.set_article(Article.from_text(text))
    offsets = []
    pane.offset_clicked.connect(offsets.append)
    pane.place_cursor(text.index("tail"))
    rect = pane.text.cursorRect()
    from PySide6.QtCore import Qt

    qtbot.mouseClick(pane.text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert offsets and abs(offsets[0] - text.index("tail")) <= 1


def test_placeholder_until_an_article_arrives(qtbot):
    pane = ArticlePane(side_label="Original")
    qtbot.addWidget(pane)
    assert pane.article is None and "no article" in pane.name_label.text()


def test_a_moved_and_reworded_passage_shows_the_moved_tint(qtbot):
    text = "One sentence here."
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.set_article(Article.from_text(text))
    # side_marks lists a reworded block's marks as MOVED then CHANGED; moved must stay visible.
    pane.apply_marks([Mark(0, 18, MarkKind.MOVED, 0), Mark(0, 18, MarkKind.CHANGED, 0)], LIGHT)
    assert pane.format_at(2).background().color() == LIGHT.moved


def _many_marks(words: int) -> tuple[str, list[Mark]]:
    text = " ".join(f"w{k:05d}" for k in range(words))
    return text, [Mark(k * 7, k * 7 + 6, MarkKind.ADDED, k) for k in range(words)]


def test_many_marks_are_all_painted_when_apply_marks_returns(qtbot):
    text, marks = _many_marks(3000)
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.set_article(Article.from_text(text))
    pane.apply_marks(marks, LIGHT)
    assert pane.format_at(2).fontUnderline()
    assert pane.format_at(len(text) - 3).fontUnderline()
    assert not pane.format_at(6).fontUnderline()  # the space between two marked words


def test_marks_applied_again_replace_the_old_ones(qtbot):
    text, marks = _many_marks(20)
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.set_article(Article.from_text(text))
    pane.apply_marks(marks, LIGHT)
    pane.apply_marks(marks[:1], LIGHT)  # e.g. after a preference hid some of them
    assert pane.format_at(2).fontUnderline()
    assert not pane.format_at(len(text) - 3).fontUnderline()


def _shown_pane(qtbot, text: str, width: int, height: int) -> ArticlePane:
    """A pane of ``width`` x ``height`` on screen, showing ``text``."""
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.resize(width, height)
    pane.show()
    pane.set_article(Article.from_text(text))
    return pane


def test_marks_keep_the_readers_place_caret_and_quote_highlight(qtbot):
    text = "\n".join(f"Paragraph {k} says something about river number {k}." for k in range(400))
    pane = _shown_pane(qtbot, text, 500, 300)
    middle = text.index("Paragraph 200 ")
    pane.show_offset(middle, 0.0)
    pane.place_cursor(middle + 3)
    pane.set_quote_spans([(middle, middle + 9)])
    top = pane.offset_at_y(pane.scroll_value())
    assert pane.scroll_value() > 0
    pane.apply_marks([Mark(middle, middle + 9, MarkKind.ADDED, 0)], LIGHT)
    # Qt may clamp the scroll by a line while it lays the marked text out again.
    assert abs(pane.offset_at_y(pane.scroll_value()) - top) < 200
    assert pane.cursor_offset() == middle + 3
    assert pane.quote_spans() == [(middle, middle + 9)]
    assert pane.format_at(middle + 2).fontUnderline()


def test_marks_on_a_text_still_at_the_top_keep_the_caret_and_quote_highlight(qtbot):
    text = "\n".join(f"Paragraph {k} says something about river number {k}." for k in range(50))
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.set_article(Article.from_text(text))
    pane.place_cursor(30)
    pane.set_quote_spans([(12, 20)])
    pane.apply_marks([Mark(0, 9, MarkKind.ADDED, 0)], LIGHT)
    assert pane.scroll_value() == 0
    assert pane.cursor_offset() == 30
    assert pane.quote_spans() == [(12, 20)]
    assert pane.format_at(2).fontUnderline()


def test_document_y_less_the_scroll_value_is_where_the_line_is_painted(qtbot):
    # The pane's "document y" is line numbers times the line height: it must
    # agree with where Qt draws the line, wrapped paragraphs included.
    words = "word " * 60
    text = "\n".join(f"Paragraph {k}: {words}end." for k in range(120))
    pane = _shown_pane(qtbot, text, 420, 300)
    target = text.index("Paragraph 60:")
    pane.show_offset(target, 0.5)
    qtbot.wait(10)
    edit = pane.text
    for offset in (target, target + 200, text.index("Paragraph 61:")):
        block = edit.document().findBlock(offset)
        top = edit.blockBoundingGeometry(block).translated(edit.contentOffset()).top()
        # Only now: the geometry lays the block out, and a line of a block not
        # laid out is no line at all (Qt crashes on its y()).
        line = block.layout().lineForTextPosition(offset - block.position())
        assert line.isValid()
        painted = top + line.y()
        assert pane.span_y(offset, offset)[0] - pane.scroll_value() == pytest.approx(painted, abs=1)
    # show_offset put the target half-way down, as asked (to within a line).
    middle = pane.page_height() / 2
    assert abs(pane.span_y(target, target)[0] - pane.scroll_value() - middle) <= edit.line_height()
