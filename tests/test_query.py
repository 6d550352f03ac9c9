"""ComparisonQuery: table-driven lookups over a hand-built comparison with a move and a gap."""

from __future__ import annotations

import pytest

from reader.core.article import Article
from reader.core.results.comparison import (
    Block,
    BlockKind,
    Change,
    Comparison,
    Finding,
    FindingKind,
    Quote,
    QuotePair,
    QuoteStatus,
    Summary,
)
from reader.core.results.query import (
    ComparisonQuery,
    finding_words,
    is_change,
    other_side,
    speakers,
)
from reader.core.worddiff import Op

#          0         1         2         3
#          0123456789012345678901234567890123456
LEFT = "Alpha one. Beta two. Gamma three."
RIGHT = "Gamma three. New bit. Alpha one. Beta 2."
# Blocks (index: kind, left, right):
# 0: same    "Alpha one."    (0,10)  -> (22,32)
# 1: changed "Beta two."     (11,20) -> (33,40)  "Beta 2."
# 2: same    "Gamma three."  (21,33) -> (0,12)   moved (it leads the rewrite)
# 3: added   "New bit."      None    -> (13,21)
BLOCKS = (
    Block(BlockKind.SAME, (0, 10), (22, 32), (Op("=", "Alpha one."),)),
    Block(
        BlockKind.CHANGED,
        (11, 20),
        (33, 40),
        (Op("=", "Beta "), Op("-", "two"), Op("+", "2"), Op("=", ".")),
    ),
    Block(BlockKind.SAME, (21, 33), (0, 12), (Op("=", "Gamma three."),), moved=True),
    Block(BlockKind.ADDED, None, (13, 21), (Op("+", "New bit."),)),
)


def _query(findings=()) -> ComparisonQuery:
    comparison = Comparison(
        Article.from_text(LEFT),
        Article.from_text(RIGHT),
        BLOCKS,
        (),
        Summary(0, 0, 0, 0, 0, 0, 0),
        findings,
    )
    return ComparisonQuery(comparison)


@pytest.fixture
def query() -> ComparisonQuery:
    return _query()


def test_the_fixture_spans_hold_the_texts_they_claim():
    assert LEFT[11:20] == "Beta two." and RIGHT[33:40] == "Beta 2."
    assert RIGHT[0:12] == "Gamma three." and RIGHT[13:21] == "New bit."


@pytest.mark.parametrize(
    ("side", "offset", "expected"),
    [
        ("left", 0, 0),
        ("left", 9, 0),
        ("left", 10, None),  # the space between two sentences
        ("left", 11, 1),
        ("left", 32, 2),
        ("left", 33, None),
        ("right", 0, 2),
        ("right", 15, 3),
        ("right", 39, 1),
    ],
)
def test_block_at(query, side, offset, expected):
    assert query.block_at(side, offset) == expected


@pytest.mark.parametrize(
    ("side", "offset", "expected"),
    [("left", 10, 0), ("left", 99, 2), ("right", 12, 2), ("right", 21, 3), ("right", -5, 2)],
)
def test_block_near_picks_the_closer_neighbour(query, side, offset, expected):
    assert query.block_near(side, offset) == expected


def test_neighbours_follow_each_sides_reading_order(query):
    assert query.neighbour("right", 2, 1) == 3 and query.neighbour("right", 3, 1) == 0
    assert query.neighbour("left", 0, -1) is None and query.neighbour("left", 1, -1) == 0
    assert query.neighbour("left", 3, 1) is None  # block 3 is not on the left at all


def test_counterpart_of_a_paired_block_is_its_other_span(query):
    assert query.counterpart("left", 2) == (0, 12)
    assert query.counterpart("right", 1) == (11, 20)


def test_counterpart_of_an_addition_is_the_gap_after_its_predecessor(query):
    # "New bit." follows "Gamma three." in the rewrite, which ends at 33 on the left.
    assert query.counterpart("right", 3) == (33, 33)


@pytest.mark.parametrize(
    ("side", "start", "end", "expected"),
    [
        ("left", 0, 5, [0]),
        ("left", 5, 15, [0, 1]),
        ("left", 10, 11, []),
        ("right", 0, 40, [2, 3, 0, 1]),
        ("right", 20, 23, [3, 0]),
    ],
)
def test_blocks_between_lists_overlapping_blocks_in_reading_order(
    query, side, start, end, expected
):
    assert query.blocks_between(side, start, end) == expected


def test_changes_are_differences_and_moves(query):
    assert [is_change(b) for b in BLOCKS] == [False, True, True, True]
    assert query.changes() == [1, 2, 3]


def test_next_and_previous_change_walk_the_left_side_in_order(query):
    # Left anchors: block 1 at 11, block 2 at 21, block 3 (added) at its gap 33.
    seen, offset = [], -1
    while (nxt := query.next_change("left", offset)) is not None:
        seen.append(nxt)
        offset = query.anchor("left", nxt)
    assert seen == [1, 2, 3]
    assert query.previous_change("left", 21) == 1
    assert query.previous_change("left", 11) is None


def test_next_change_on_the_right_follows_the_rewrite_order(query):
    assert query.next_change("right", -1) == 2
    assert query.next_change("right", 0) == 3
    assert query.next_change("right", 13) == 1
    assert query.next_change("right", 33) is None


def test_stepping_from_the_current_change_visits_changes_sharing_an_anchor():
    # Seen from the left, the addition (gap at 33) and anything starting at 33 share an
    # anchor; stepping by the current change still visits each once, in order.
    assert query_steps(BLOCKS_AT_START, "left") == [0, 1]


BLOCKS_AT_START = (
    Block(BlockKind.ADDED, None, (0, 8), (Op("+", "Headline"),)),
    Block(
        BlockKind.CHANGED,
        (0, 9),
        (9, 17),
        (Op("=", "Beta "), Op("-", "two"), Op("+", "2"), Op("=", ".")),
    ),
)


def query_steps(blocks, side):
    comparison = Comparison(
        Article.from_text("Beta two."),
        Article.from_text("Headline Beta 2."),
        blocks,
        (),
        Summary(0, 0, 0, 0, 0, 0, 0),
    )
    q = ComparisonQuery(comparison)
    seen, current = [], None
    while (nxt := q.next_change(side, -1, current=current)) is not None:
        seen.append(nxt)
        current = nxt
    back = []
    while (prev := q.previous_change(side, 99, current=current)) is not None:
        back.append(prev)
        current = prev
    assert back == seen[::-1][1:]
    return seen


def test_other_side():
    assert other_side("left") == "right" and other_side("right") == "left"


def test_an_empty_comparison_answers_none(query):
    empty = ComparisonQuery(
        Comparison(
            Article.from_text(""), Article.from_text(""), (), (), Summary(0, 0, 0, 0, 0, 0, 0)
        )
    )
    assert empty.block_near("left", 0) is None
    assert empty.next_change("right", 0) is None
    assert empty.blocks_between("left", 0, 10) == []


@pytest.mark.parametrize(
    ("side", "start", "end", "expected"),
    [
        ("left", 11, 20, (33, 40)),  # one changed block
        ("left", 0, 20, (22, 40)),  # two blocks, in order
        ("left", 0, 33, (0, 40)),  # including the moved one: the whole stretch
        ("right", 13, 21, (33, 33)),  # only in the rewrite: the gap after its predecessor
    ],
)
def test_counterpart_range(query, side, start, end, expected):
    assert query.counterpart_range(side, start, end) == expected


@pytest.mark.parametrize(
    ("side", "index", "expected"),
    [
        ("left", 1, (11, 20)),  # a block the side holds: its span
        ("right", 2, (0, 12)),
        ("left", 3, (33, 33)),  # the addition, seen from the left: the gap where it would be
    ],
)
def test_span_or_gap(query, side, index, expected):
    assert query.span_or_gap(side, index) == expected
    assert query.anchor(side, index) == expected[0]


@pytest.mark.parametrize(
    ("side", "start", "expected"),
    [
        ("left", 11, 33),  # "Beta two." sits at "Beta 2." in the rewrite
        ("right", 15, 33),  # "New bit." has no counterpart: the gap where it would be
        ("left", 10, 22),  # between blocks: the nearer one's counterpart
    ],
)
def test_aligned_offset(query, side, start, expected):
    assert query.aligned_offset(side, start) == expected


def test_quote_number_is_the_pairs_place():
    pairs = (
        QuotePair(QuoteStatus.VERBATIM, (Quote(0, 5),), (Quote(0, 5),)),
        QuotePair(QuoteStatus.ONLY_LEFT, (Quote(11, 19),), ()),
    )
    q = ComparisonQuery(
        Comparison(
            Article.from_text(LEFT), Article.from_text(RIGHT), BLOCKS, pairs, Summary(*[0] * 7)
        )
    )
    assert [q.quote_number(p) for p in pairs] == [0, 1]
    assert q.quote_number(QuotePair(QuoteStatus.ONLY_RIGHT, (), (Quote(1, 2),))) is None


@pytest.mark.parametrize(
    ("left", "right", "expected", "changed"),
    [
        ("Politico", "a statement", ("Politico", "a statement"), True),
        ("Saludares", "Saludares", ("Saludares", "Saludares"), False),
        (None, "Guerra", (None, "Guerra"), False),  # named only by the rewrite: no change
        (None, None, (None, None), False),
    ],
)
def test_speakers_and_whether_the_rewrite_changed_them(left, right, expected, changed):
    pair = QuotePair(
        QuoteStatus.VERBATIM,
        (Quote(0, 1), Quote(2, 3, speaker=left)),  # the first named speaker counts
        (Quote(0, 1, speaker=right),),
    )
    assert speakers(pair) == expected
    assert speakers(pair).changed is changed


# Findings over the blocks above, weightiest first: "2" (right, replacing "two"),
# "New bit." (added, no counterpart), "Alpha" (right; left's "Alpha" opposite).
FINDINGS = (
    Finding(FindingKind.FACT, Change.CHANGED, "right", 38, 39, "number changed", 0.9, (16, 19)),
    Finding(FindingKind.OMISSION, Change.ADDED, "right", 13, 21, "passage added", 0.8),
    Finding(FindingKind.LOADED, Change.CHANGED, "right", 22, 27, "loaded", 0.5, (0, 5)),
)


@pytest.fixture
def spun() -> ComparisonQuery:
    return _query(FINDINGS)


def test_finding_spans_and_words(spun):
    assert spun.finding_spans(0) == {"left": [(16, 19)], "right": [(38, 39)]}
    assert spun.finding_spans(1) == {"left": [], "right": [(13, 21)]}
    assert finding_words(spun.comparison, FINDINGS[0]) == ("2", "two")
    assert finding_words(spun.comparison, FINDINGS[1]) == ("New bit.", "")


def test_finding_anchor_falls_back_to_the_aligned_place(spun):
    assert spun.finding_anchor("right", 1) == 13
    # Left has no counterpart for the addition: the gap it aligns with.
    assert spun.finding_anchor("left", 1) == spun.aligned_offset("right", 13)
    assert spun.finding_anchor("left", 2) == 0


@pytest.mark.parametrize(
    ("side", "order"),
    [("left", [2, 0, 1]), ("right", [1, 2, 0])],  # left: the addition sits at its gap (33)
)
def test_next_and_previous_finding_walk_reading_order(spun, side, order):
    walked, current = [], None
    while (nxt := spun.next_finding(side, -1, current=current)) is not None:
        walked.append(nxt)
        current = nxt
    assert walked == order
    back, current = [], None
    while (prev := spun.previous_finding(side, 99, current=current)) is not None:
        back.append(prev)
        current = prev
    assert back == order[::-1]
