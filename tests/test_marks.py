"""Marks: the coloured ranges of each side, as the views and the report read them."""

from __future__ import annotations

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.results.marks import MarkKind, side_marks


def test_word_edits_and_whole_blocks_are_marked():
    left = Article.from_text("The mayor spoke today.\nA dropped sentence is here.")
    right = Article.from_text("The mayor spoke angrily today.\nA brand new closing line.")
    comparison = compare(left, right)
    right_marks = {(right.text[m.start : m.end], m.kind) for m in side_marks(comparison, "right")}
    left_marks = {(left.text[m.start : m.end], m.kind) for m in side_marks(comparison, "left")}
    assert ("angrily", MarkKind.ADDED) in {(t.strip(), k) for t, k in right_marks}
    assert ("The mayor spoke angrily today.", MarkKind.CHANGED) in right_marks
    assert ("A brand new closing line.", MarkKind.ADDED) in right_marks
    assert ("A dropped sentence is here.", MarkKind.OMITTED) in left_marks
    assert not any(k is MarkKind.ADDED for _, k in left_marks)


def test_block_marks_come_before_word_marks():
    left = Article.from_text("Alpha beta gamma delta.")
    right = Article.from_text("Alpha beta gamma epsilon delta.")
    marks = side_marks(compare(left, right), "right")
    kinds = [m.kind for m in marks]
    assert kinds == [MarkKind.CHANGED, MarkKind.ADDED]
