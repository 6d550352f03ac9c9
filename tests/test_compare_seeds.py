"""The sample pair end to end: what a reader checks by eye (issue 2's list)."""

from __future__ import annotations

import pytest
from block_contract import assert_block_contract

from reader.core.compare import compare
from reader.core.load.loader import load
from reader.core.results.comparison import BlockKind


@pytest.fixture(scope="module")
def comparison(seed_paths):
    result = compare(load(seed_paths[0]), load(seed_paths[1]))
    assert_block_contract(result)
    return result


def block_at(comparison, side, needle):
    text = getattr(comparison, side).text
    pos = text.index(needle)
    for block in comparison.blocks:
        span = getattr(block, side)
        if span and span[0] <= pos < span[1]:
            return block
    raise AssertionError(f"no block holds {needle!r}")


def test_headline_is_added(comparison):
    block = block_at(comparison, "right", "Liberals Storm Out")
    assert block.kind is BlockKind.ADDED


def test_completely_disrespected_is_added_inside_the_paired_lead(comparison):
    block = block_at(comparison, "right", "completely disrespected")
    assert block.kind is BlockKind.CHANGED
    assert block is block_at(comparison, "left", "Fed-up immigration advocates")
    inserted = " ".join(op.text for op in block.ops if op.tag == "+")
    assert "completely disrespected" in inserted
    assert any(op.tag == "=" and "virtual meeting" in op.text for op in block.ops)


def test_next_month_becomes_in_november_inside_one_pair(comparison):
    block = block_at(comparison, "left", "next month")
    assert block.kind is BlockKind.CHANGED
    assert block is block_at(comparison, "right", "in November")
    deleted = " ".join(op.text for op in block.ops if op.tag == "-")
    inserted = " ".join(op.text for op in block.ops if op.tag == "+")
    assert "next month" in deleted and "in November" in inserted


def test_closing_arrests_sentence_is_omitted(comparison):
    block = block_at(comparison, "left", "record 1.5 million")
    assert block.kind is BlockKind.OMITTED


def test_walked_out_clause_is_omitted_inside_its_pair(comparison):
    block = block_at(comparison, "left", "who was among those who walked out")
    assert block.kind is BlockKind.CHANGED
    deleted = " ".join(op.text for op in block.ops if op.tag == "-")
    assert "who was among those who walked out of the meeting" in deleted


def test_bamboozled_and_family_quotes_are_omitted(comparison):
    for needle in ("bamboozled", "your family is now turning"):
        assert block_at(comparison, "left", needle).kind is BlockKind.OMITTED


def test_the_rewrite_mostly_comes_from_the_original(comparison):
    summary = comparison.summary
    assert 0.3 < summary.kept_share < 0.8
    assert summary.added_chars > 0 and summary.omitted_chars > 0
    assert summary.right_chars == sum(1 for c in comparison.right.text if not c.isspace())


def test_quote_pairs_of_the_sample_pair(comparison):
    def pair_with(needle):
        for pair in comparison.quote_pairs:
            texts = [q.text(comparison.left.text) for q in pair.left]
            texts += [q.text(comparison.right.text) for q in pair.right]
            if any(needle in t for t in texts):
                return pair
        raise AssertionError(needle)

    accolades = pair_with("accolades")
    assert accolades.status.value == "merged"  # two quotations joined, "give" -> "gave"
    assert len(accolades.left) == 2 and len(accolades.right) == 1
    assert ("-", "give") in [tuple(op) for op in accolades.ops]
    assert {q.speaker for q in accolades.left} == {"Ariana Saludares"}
    assert pair_with("bamboozled").status.value == "only_left"
    guerra = pair_with("afraid of the backlash")
    assert guerra.status.value == "merged"  # the words between them dropped
    assert len(guerra.right) == 1 and len(guerra.right[0].fragments) == 2
    assert {q.speaker for q in guerra.left} == {"Luis Guerra"}
    assert pair_with("incredibly thankful").left[0].speaker == "the White House"
    assert pair_with("fair and humane").left[0].partial
    assert not accolades.left[0].partial


def test_json_quotes_carry_speaker_and_partial(comparison):
    data = comparison.to_json()
    first = data["quotes"][0]["left"][0]
    assert set(first) == {"start", "end", "text", "fragments", "speaker", "partial", "term"}
    assert comparison.left.text[first["start"] : first["end"]] == first["text"]
