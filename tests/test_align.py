"""Sentence alignment on small texts written for the tests, and the block contract on any text."""

from __future__ import annotations

from block_contract import assert_block_contract
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.results.comparison import BlockKind

PARAS = [
    "The city council approved the new budget on Tuesday after a long debate.",
    "Mayor Lina Ortiz said the plan would fund twelve new bus routes across the river.",
    "Opponents argued that property taxes would rise by four percent next spring.",
    "The vote was seven to two, with both dissenters representing northern districts.",
    "Construction of the first routes is expected to begin in the autumn of next year.",
    "Local business owners welcomed the decision but asked for parking guarantees downtown.",
]


def run(left: str, right: str):
    comparison = compare(Article.from_text(left), Article.from_text(right))
    assert_block_contract(comparison)
    return comparison


def kinds(comparison):
    return [b.kind for b in comparison.blocks]


def text_of(comparison, block, side):
    span = getattr(block, side)
    return getattr(comparison, side).text[span[0] : span[1]]


def test_identical_texts_are_all_same():
    text = "\n".join(PARAS)
    comparison = run(text, text)
    assert set(kinds(comparison)) == {BlockKind.SAME}
    assert comparison.summary.kept_share == 1.0


def test_deleted_and_inserted_sentences():
    left = "\n".join(PARAS)
    extra = "Critics called the meeting a circus staged for the cameras."
    right = "\n".join(PARAS[:2] + [extra] + PARAS[3:])
    comparison = run(left, right)
    added = [b for b in comparison.blocks if b.kind is BlockKind.ADDED]
    omitted = [b for b in comparison.blocks if b.kind is BlockKind.OMITTED]
    assert [text_of(comparison, b, "right") for b in added] == [extra]
    assert [text_of(comparison, b, "left") for b in omitted] == [PARAS[2]]
    assert not any(b.moved for b in comparison.blocks)


def test_word_edit_inside_a_paired_sentence():
    left = "\n".join(PARAS)
    right = left.replace("next spring", "in November")
    comparison = run(left, right)
    changed = [b for b in comparison.blocks if b.kind is BlockKind.CHANGED]
    assert len(changed) == 1
    ops = [tuple(op) for op in changed[0].ops]
    assert ("-", "next spring") in ops and ("+", "in November") in ops


def test_moved_paragraph_is_paired_and_flagged():
    left = "\n".join(PARAS)
    right = "\n".join(PARAS[1:5] + [PARAS[0]] + PARAS[5:])
    comparison = run(left, right)
    assert BlockKind.ADDED not in kinds(comparison)
    assert BlockKind.OMITTED not in kinds(comparison)
    moved = [b for b in comparison.blocks if b.moved]
    assert [text_of(comparison, b, "left") for b in moved] == [PARAS[0]]


def test_split_sentence_is_one_pair():
    left = (
        "The mayor approved the budget for the northern bus routes, "
        "and the council voted against the parking garage downtown.\n" + PARAS[4]
    )
    right = (
        "The mayor approved the budget for the northern bus routes. "
        "The council voted against the parking garage downtown.\n" + PARAS[4]
    )
    comparison = run(left, right)
    first = comparison.blocks[0]
    assert first.kind is BlockKind.CHANGED
    assert text_of(comparison, first, "left") == left.split("\n")[0]
    assert text_of(comparison, first, "right") == right.split("\n")[0]


def test_merged_sentences_across_paragraphs_are_one_pair():
    left = (
        "Ariana Ortiz, an advocate from the river district, spoke to the press.\n"
        "“They promised us buses and gave us potholes,” she said.\n" + PARAS[3]
    )
    right = (
        "“They promised us buses and gave us potholes,” said Ariana Ortiz, "
        "an advocate from the river district.\n" + PARAS[3]
    )
    comparison = run(left, right)
    first = comparison.blocks[0]
    assert first.kind is BlockKind.CHANGED
    assert first.left == (0, left.index(PARAS[3]) - 1)


def test_unrelated_texts_pair_nothing():
    left = "\n".join(PARAS[:3])
    right = "Quantum dots glow under ultraviolet light.\nThe recipe needs two eggs and flour."
    comparison = run(left, right)
    assert set(kinds(comparison)) == {BlockKind.ADDED, BlockKind.OMITTED}
    assert comparison.summary.kept_share == 0.0


def test_empty_sides():
    comparison = run("", "One sentence here.")
    assert kinds(comparison) == [BlockKind.ADDED]
    comparison = run("One sentence here.", "")
    assert kinds(comparison) == [BlockKind.OMITTED]
    assert run("", "").blocks == ()


_SOUP = "the mayor said budget “quoted words,” she said. Dr. Smith U.S. river 42 ! ? \n\n é 😀 a"
_words = st.sampled_from(_SOUP.split(" "))
_texts = st.lists(_words, max_size=60).map(" ".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_texts, _texts)
def test_block_contract_on_word_soup(left, right):
    run(left, right)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(), st.text())
def test_engine_never_raises_on_any_text(left, right):
    run(left, right)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PARAS), max_size=8), st.lists(st.sampled_from(PARAS), max_size=8))
def test_block_contract_on_shuffled_paragraphs(left, right):
    comparison = run("\n".join(left), "\n".join(right))
    # Every paragraph that appears on both sides once is paired, not added/omitted.
    for para in set(left) & set(right):
        if left.count(para) == 1 and right.count(para) == 1:
            start = "\n".join(left).index(para)
            block = next(b for b in comparison.blocks if b.left and b.left[0] <= start < b.left[1])
            assert block.kind in (BlockKind.SAME, BlockKind.CHANGED)


def test_headlines_pair_with_headlines_only():
    body = "\n".join(PARAS[:3])
    left = Article.from_text("Council passes budget\n" + body, title="Council passes budget")
    right_title = "Council budget spells doom for taxpayers"
    right = Article.from_text(right_title + "\n" + body, title=right_title)
    comparison = compare(left, right)
    assert_block_contract(comparison)
    first = comparison.blocks[0]
    assert first.kind is BlockKind.CHANGED
    assert first.left == (0, len("Council passes budget"))
    assert first.right == (0, len(right_title))


def test_a_new_headline_is_added_even_when_it_echoes_the_lead():
    title = "Mayor Lina Ortiz approves the new city council budget"
    right = Article.from_text(title + "\n" + "\n".join(PARAS[:3]), title=title)
    comparison = compare(Article.from_text("\n".join(PARAS[:3])), right)
    assert_block_contract(comparison)
    assert comparison.blocks[0].kind is BlockKind.ADDED
    assert comparison.blocks[0].right == (0, len(title))


def test_verbatim_share_counts_long_copied_runs_only():
    left = "\n".join(PARAS)
    copied = run(left, "\n".join(PARAS[:3]))
    assert copied.summary.verbatim_share == 1.0
    reworded = run(
        "The council approved the budget on Tuesday.",
        "On Tuesday the council approved a budget.",
    )
    assert reworded.summary.verbatim_share == 0.0
    assert reworded.summary.kept_share > 0.5


def test_repeated_paragraphs_pair_with_their_own_copy():
    left = "\n".join(PARAS * 5)
    right_paras = PARAS * 5
    del right_paras[13]
    comparison = run(left, "\n".join(right_paras))
    assert not any(b.moved for b in comparison.blocks)
    omitted = [b for b in comparison.blocks if b.kind is BlockKind.OMITTED]
    assert len(omitted) == 1
    assert [b.kind for b in comparison.blocks].count(BlockKind.SAME) == len(PARAS) * 5 - 1


def test_progress_rises_to_one_and_cancel_stops_the_engine():
    import pytest

    from reader.core.errors import Cancelled

    left = Article.from_text("\n".join(PARAS * 300))
    right = Article.from_text("\n".join(PARAS[::-1] * 300))
    seen = []
    compare(left, right, progress=lambda f, stage: seen.append(f))
    assert seen == sorted(seen) and seen[-1] == 1.0 and len(seen) > 5
    calls = []

    def cancel_on_third_check():
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        compare(left, right, should_cancel=cancel_on_third_check)
    assert len(calls) == 3


def test_a_repeated_sentence_of_common_words_moved_far_is_paired_as_moved():
    common = "It is not the one that is used for this."
    # Every word of it is in more sentences than the index will look through.
    body = [f"It is not the one that is used for this, says note {k}." for k in range(60)]
    left = body[:5] + [common] + body[5:10] + [common] + body[10:]
    right = body[:40] + [common] + body[40:50] + [common] + body[50:]
    comparison = run("\n".join(left), "\n".join(right))
    assert BlockKind.ADDED not in kinds(comparison)
    assert BlockKind.OMITTED not in kinds(comparison)


def test_a_gap_too_big_for_the_dp_is_split_on_its_own_anchors():
    # Every sentence edited: no verbatim anchor, one 80 x 80 gap (over the DP's cell budget).
    left = [f"Report {k} says the river council approved budget line {k} today." for k in range(80)]
    right = [s.replace("approved", "rejected").replace("today", "on Monday") for s in left]
    comparison = run("\n".join(left), "\n".join(right))
    assert set(kinds(comparison)) == {BlockKind.CHANGED}
    assert not any(b.moved for b in comparison.blocks)
    for block in comparison.blocks:
        assert (
            text_of(comparison, block, "left").split()[1]
            == text_of(comparison, block, "right").split()[1]
        )


def test_a_text_repeated_many_times_still_pairs_its_edited_sentences():
    # Each word is in far more sentences than the index looks through: common
    # words must still vote for the sentences near the expected place.
    left = "\n".join(PARAS * 60)
    right = "\n".join(p.replace("the", "a", 1) for p in PARAS * 60)
    comparison = run(left, right)
    assert set(kinds(comparison)) == {BlockKind.CHANGED, BlockKind.SAME}
    assert not any(b.moved for b in comparison.blocks)


def test_consecutive_edited_sentences_pair_each_with_its_own_edit():
    left = " ".join(PARAS)
    right = left.replace("twelve new bus routes", "ten new tram lines").replace(
        "four percent next spring", "five percent by March"
    )
    comparison = run(left, right)
    changed = [b for b in comparison.blocks if b.kind is BlockKind.CHANGED]
    assert [text_of(comparison, b, "left") for b in changed] == PARAS[1:3]
    assert [text_of(comparison, b, "right") for b in changed] == [
        PARAS[1].replace("twelve new bus routes", "ten new tram lines"),
        PARAS[2].replace("four percent next spring", "five percent by March"),
    ]
    assert not any(b.moved for b in comparison.blocks)


@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=40, unique=True),
    st.integers(0, 120).map(lambda n: n / 2),  # whole and half positions: equal distances occur
    st.integers(1, 8),
)
def test_nearest_candidates_of_a_vote_tier_are_the_nearest_in_tier_order(js, expected, k):
    import heapq

    from reader.core.align.aligner import _nearest

    tier = [(j, 3) for j in js]
    want = heapq.nsmallest(k, tier, key=lambda jv: abs(jv[0] - expected))
    assert _nearest(tier, expected, k) == want


_WORDS = st.sampled_from(["the", "a", "said", "Ortiz", "budget", "bus", "routes", "tax", "vote"])
_SENTENCE = st.lists(_WORDS, min_size=1, max_size=12).map(lambda ws: " ".join(ws) + ".")


@given(_SENTENCE, _SENTENCE, st.lists(_SENTENCE, max_size=6), st.booleans())
def test_a_neighbour_ruled_out_by_its_weight_could_not_have_joined_a_verbatim_pair(
    kept, neighbour, others, on_the_left
):
    from reader.core.align.aligner import GROW_SLACK
    from reader.core.align.similarity import Scorer, Side

    # A word-for-word pair, a free neighbour on one side, other free sentences for the IDF.
    left_text = "\n".join([kept, neighbour, *others] if on_the_left else [kept, *others])
    right_text = "\n".join([kept, *others] if on_the_left else [kept, neighbour, *others])
    lside, rside = Side.of(Article.from_text(left_text)), Side.of(Article.from_text(right_text))
    free_left = list(range(1, len(lside.spans)))
    free_right = list(range(1, len(rside.spans)))
    scorer = Scorer(lside, rside, free_left, free_right)
    if scorer.outweighs(1, kept, left=on_the_left, slack=GROW_SLACK):
        grown = scorer.groups(0, 2, 0, 1) if on_the_left else scorer.groups(0, 1, 0, 2)
        assert grown < 1.0 - GROW_SLACK


_OP_TEXT = st.lists(
    st.sampled_from(["word", "Ortiz's", " ", "  ", "\xa0", "\t", "\n", ",", "é"]), max_size=30
).map("".join)


@given(st.lists(st.tuples(st.sampled_from("=-+"), _OP_TEXT, st.booleans()), max_size=8))
@example([("=", "five words kept as is ", False), ("=", " a b c d e f", True)])
def test_summary_counts_characters_other_than_spaces_and_long_kept_runs(ops):
    from reader.core.results.comparison import Block
    from reader.core.results.summary import VERBATIM_WORDS, summarize
    from reader.core.worddiff import Op

    blocks = tuple(
        Block(BlockKind.CHANGED, (0, 1), (0, 1), (Op(tag, text),), moved)
        for tag, text, moved in ops
        if text
    )
    summary = summarize(blocks, ())
    chars = {
        tag: sum(len(text) - sum(c.isspace() for c in text) for t, text, _ in ops if t == tag)
        for tag in "=-+"
    }
    assert (summary.omitted_chars, summary.added_chars) == (chars["-"], chars["+"])
    assert summary.left_chars == chars["="] + chars["-"]
    assert summary.verbatim_chars == sum(
        len(text) - sum(c.isspace() for c in text)
        for tag, text, _ in ops
        if tag == "=" and len(text.split()) >= VERBATIM_WORDS
    )
    assert summary.moved_chars == sum(
        len(text) - sum(c.isspace() for c in text)
        for tag, text, moved in ops
        if moved and tag != "-"
    )


@given(
    st.dictionaries(st.integers(0, 80), st.integers(1, 6), min_size=1, max_size=40),
    st.integers(0, 160).map(lambda n: n / 2),
)
def test_few_votes_are_ranked_as_many_are(votes, expected):
    from collections import Counter
    from unittest.mock import patch

    from reader.core.align import aligner as align

    few = align._most_voted(Counter(votes), expected)
    with patch.object(align, "_FEW_VOTED", -1):  # every vote count takes the path for many
        assert few == align._most_voted(Counter(votes), expected)
