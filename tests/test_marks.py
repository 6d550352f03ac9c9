"""Marks: the coloured ranges of each side, as the views, the report and the terminal read them."""

from __future__ import annotations

import pytest

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.results import labels
from reader.core.results.comparison import (
    BlockKind,
    Change,
    Comparison,
    Finding,
    FindingKind,
    QuoteStatus,
    Summary,
)
from reader.core.results.marks import (
    FindingMark,
    MarkKind,
    Marks,
    finding_marks,
    inline,
    side_marks,
)
from reader.core.worddiff import Op


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


def test_inline_marks_every_edit_op_of_both_sides_in_order():
    ops = (Op("=", "Beta "), Op("-", "two"), Op("+", "2"), Op("-", " "), Op("=", "."))
    assert inline(ops) == [
        ("Beta ", None),
        ("two", MarkKind.OMITTED),
        ("2", MarkKind.ADDED),
        (" ", MarkKind.OMITTED),  # whitespace too: the terminal shows every edit
        (".", None),
    ]


def test_shown_leaves_out_what_the_reader_chose_to_ignore():
    left = Article.from_text("The Mayor spoke today. Rates rose, again.")
    right = Article.from_text("The mayor spoke today. Rates rose again!")
    marks = Marks(compare(left, right))

    def words(side, **choice):
        text = (left if side == "left" else right).text
        return sorted(text[m.start : m.end] for m in marks.shown(side, **choice))

    assert "mayor" in " ".join(words("right"))
    assert "mayor" not in " ".join(words("right", ignore_case=True))
    assert words("right", ignore_case=True, ignore_punctuation=True) == []
    assert marks.shown("left") == marks.side("left") == side_marks(marks.comparison, "left")


def test_shown_can_leave_out_moved_marks():
    # Sentences long enough to count as a move (20 word characters or more).
    left = Article.from_text(
        "First point made here.\nSecond point made there.\nThird point made at last."
    )
    right = Article.from_text(
        "Third point made at last.\nFirst point made here.\nSecond point made there."
    )
    marks = Marks(compare(left, right))
    assert any(m.kind is MarkKind.MOVED for m in marks.shown("right"))
    assert not any(m.kind is MarkKind.MOVED for m in marks.shown("right", moved=False))


@pytest.mark.parametrize(
    ("table", "kinds"),
    [
        (labels.QUOTE_STATUS, QuoteStatus),
        (labels.BLOCK_KIND, BlockKind),
        (labels.MARK_KIND, MarkKind),
        (labels.MARK_WORD, MarkKind),
        (labels.FINDING_KIND, FindingKind),
        (labels.CHANGE, Change),
    ],
)
def test_every_kind_and_status_has_a_label(table, kinds):
    assert list(table) == list(kinds) and all(table.values())
    assert labels.capitalised(table[next(iter(kinds))])[0].isupper()


def test_finding_marks_cover_own_words_and_a_changed_findings_old_words():
    left = Article.from_text("Officials told reporters. A source said so.")
    right = Article.from_text("Officials explained to reporters.")
    findings = (
        Finding(FindingKind.ATTRIBUTION, Change.CHANGED, "right", 10, 19, "verb", 0.7, (10, 14)),
        Finding(FindingKind.ATTRIBUTION, Change.DROPPED, "left", 26, 34, "source", 0.6, (0, 33)),
    )
    comparison = Comparison(left, right, (), (), Summary(0, 0, 0, 0, 0, 0, 0), findings)
    assert finding_marks(comparison, "right") == [FindingMark(10, 19, 0)]
    # The dropped finding's counterpart is only the aligned passage: not marked.
    assert finding_marks(comparison, "left") == [
        FindingMark(10, 14, 0, counterpart=True),
        FindingMark(26, 34, 1),
    ]
    assert Marks(comparison).findings("left") == finding_marks(comparison, "left")


def test_every_change_has_its_own_glyph():
    assert list(labels.CHANGE_GLYPH) == list(Change)
    assert len(set(labels.CHANGE_GLYPH.values())) == len(Change)


def test_findings_count_reads_singular_and_plural():
    assert labels.findings_count(1) == "1 change in meaning"
    assert labels.findings_count(3) == "3 changes in meaning"
