"""An article pane on text outside the BMP: marks land on the right characters."""

from __future__ import annotations

from reader.core.article import Article
from reader.core.marks import Mark, MarkKind
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


def test_many_marks_are_painted_in_batches_between_events(qtbot):
    from reader.ui.article_pane import MARKS_PER_BATCH

    text, marks = _many_marks(MARKS_PER_BATCH * 3 + 10)
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.set_article(Article.from_text(text))
    with qtbot.waitSignal(pane.marks_applied, timeout=10_000):
        pane.apply_marks(marks, LIGHT)
        # Back in the event loop after one batch: the last words wait their turn.
        assert pane.marks_pending
        assert pane.format_at(0).fontUnderline()
        assert not pane.format_at(len(text) - 3).fontUnderline()
    assert not pane.marks_pending
    assert pane.format_at(len(text) - 3).fontUnderline()


def test_a_new_article_drops_the_batches_still_pending(qtbot):
    from reader.ui.article_pane import MARKS_PER_BATCH

    text, marks = _many_marks(MARKS_PER_BATCH * 3)
    pane = ArticlePane(side_label="Rewrite")
    qtbot.addWidget(pane)
    pane.set_article(Article.from_text(text))
    pane.apply_marks(marks, LIGHT)
    pane.set_article(Article.from_text(text))
    with qtbot.assertNotEmitted(pane.marks_applied, wait=200):
        pass
    assert not pane.marks_pending
    assert not any(pane.format_at(m.start).fontUnderline() for m in marks[:: len(marks) // 10])
