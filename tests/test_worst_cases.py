"""The engine's worst cases (issue 17) on small versions: repeated sentences, one-word lines.

The benchmark (``benchmarks/worst_cases.py``) times them at full size beside git's
word diff; here they must give the right marks, and the work done must grow
linearly, counted in lines of the aligner's Python run (not in seconds).
"""

from __future__ import annotations

import sys
from pathlib import Path

from block_contract import assert_block_contract
from hypothesis import given
from hypothesis import strategies as st

from reader.core.align import aligner
from reader.core.article import Article
from reader.core.compare import compare
from reader.core.results.comparison import BlockKind

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import worst_cases  # noqa: E402


def run(case: worst_cases.Case):
    comparison = compare(Article.from_text(case.left), Article.from_text(case.right))
    assert_block_contract(comparison)
    return comparison


def marked(comparison) -> int:
    return sum(
        len("".join(op.text.split())) for b in comparison.blocks for op in b.ops if op.tag != "="
    )


def test_an_edited_copy_of_a_repeated_sentence_shows_the_changed_word():
    case = worst_cases.repeated(600, seed=3)
    comparison = run(case)
    assert not any(b.moved for b in comparison.blocks)
    kinds = [b.kind for b in comparison.blocks]
    assert BlockKind.ADDED not in kinds and BlockKind.OMITTED not in kinds
    changed = [b for b in comparison.blocks if b.kind is BlockKind.CHANGED]
    assert len(changed) == 6  # 1% of the copies, each one block
    for block in changed:
        edits = [op for op in block.ops if op.tag != "="]
        assert [op.tag for op in edits] == ["-", "+"]
        assert all(" " not in op.text.strip() for op in edits)  # one word each
    assert marked(comparison) == case.true_changed


def test_one_word_lines_are_edits_in_place_and_nothing_moved():
    for seed in (0, 1, 2):
        case = worst_cases.one_word_lines(2_000, seed=seed)
        comparison = run(case)
        assert not any(b.moved for b in comparison.blocks), seed
        # Equal words make some edits ambiguous (which copy was deleted), never their size.
        assert abs(marked(comparison) - case.true_changed) <= 0.03 * case.true_changed, seed


def test_identical_repeated_lines_are_all_same():
    case = worst_cases.identical_lines(500)
    comparison = run(case)
    assert {b.kind for b in comparison.blocks} == {BlockKind.SAME}
    assert not any(b.moved for b in comparison.blocks)


def test_a_short_run_out_of_order_is_no_move_but_a_sentence_is():
    words = [f"w{k}" for k in range(40)]
    # Two one-word lines swapped far apart: 4 word characters, no move.
    swapped = words[:5] + [words[30]] + words[6:30] + [words[5]] + words[31:]
    comparison = run(worst_cases.Case("\n".join(words), "\n".join(swapped), 0))
    assert not any(b.moved for b in comparison.blocks)
    sentence = "The harbour authority closed the northern pier for repairs."
    lines = [f"Line {k} of the log was written by the night clerk." for k in range(30)]
    left = [sentence, *lines]
    right = [*lines[:20], sentence, *lines[20:]]
    comparison = run(worst_cases.Case("\n".join(left), "\n".join(right), 0))
    assert [b.moved for b in comparison.blocks].count(True) == 1


def _aligner_lines(case: worst_cases.Case) -> int:
    """Lines of ``aligner.py`` run while aligning ``case``: its work, whatever the clock says."""
    left, right = Article.from_text(case.left), Article.from_text(case.right)
    count = 0
    target = aligner.__file__

    def trace(frame, event, arg):
        nonlocal count
        if frame.f_code.co_filename != target:
            return None
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        aligner.align(left, right)
    finally:
        sys.settrace(None)
    return count


def test_repeated_sentences_and_one_word_lines_cost_linear_work():
    # Quadratic work (each copy's copies sorted for each copy) makes 4x the
    # text cost 16x the lines run; linear work, about 4x.
    for make, small in ((worst_cases.repeated, 300), (worst_cases.one_word_lines, 1_500)):
        ratio = _aligner_lines(make(4 * small, 0)) / _aligner_lines(make(small, 0))
        assert ratio < 6, (make.__name__, ratio)


@given(
    st.lists(st.integers(0, 60), max_size=30, unique=True).map(sorted),
    st.floats(-5, 70, allow_nan=False),
    st.integers(1, 8),
)
def test_nearest_copies_are_the_sorted_nearest(js, expected, k):
    nearest = sorted(js, key=lambda j: abs(j - expected))[:k]
    assert aligner._nearest_copies(js, expected, k) == nearest
