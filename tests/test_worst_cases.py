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


def _gap_work(case: worst_cases.Case, monkeypatch) -> tuple[int, int]:
    """(DP cells filled, groups scored) while aligning ``case``."""
    work = [0, 0]
    gap_dp, groups = aligner._gap_dp, aligner.Scorer.groups

    def counted_dp(l0, l1, r0, r1, *rest):
        work[0] += (l1 - l0) * (r1 - r0)
        return gap_dp(l0, l1, r0, r1, *rest)

    def counted_groups(self, *bounds):
        work[1] += 1
        return groups(self, *bounds)

    monkeypatch.setattr(aligner, "_gap_dp", counted_dp)
    monkeypatch.setattr(aligner.Scorer, "groups", counted_groups)
    aligner.align(Article.from_text(case.left), Article.from_text(case.right))
    return work[0], work[1]


def test_shuffled_lines_score_few_of_their_gap_groups(monkeypatch):
    # Every gap full and every pair sharing "the": the old DP scored ~5 groups a
    # cell (78,000 for 16,000 cells); the bound on a group's shared weight skips
    # nearly all of them.
    cells, scored = _gap_work(worst_cases.shuffled_lines(3_000), monkeypatch)
    assert cells > 5_000
    assert scored < cells / 4


def test_the_gap_dp_fills_no_more_cells_than_its_budget(monkeypatch):
    case = worst_cases.shuffled_lines(6_000)
    unbounded, _ = _gap_work(case, monkeypatch)
    monkeypatch.setattr(aligner, "GAP_DP_BUDGET", 5_000)
    cells, _ = _gap_work(case, monkeypatch)
    assert unbounded > 5_000 >= cells
    run(case)  # and past the budget the blocks still cover both texts


def _plain_gap_dp(l0, l1, r0, r1, lside, rside, scorer):
    """The gap DP as it was before its bounds: every shape of every cell scored."""
    n, m = l1 - l0, r1 - r0
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[None] * (m + 1) for _ in range(n + 1)]
    for a in range(n + 1):
        for b in range(m + 1):
            best, step = -1.0, None
            if a and score[a - 1][b] > best:
                best, step = score[a - 1][b], (1, 0, 0.0)
            if b and score[a][b - 1] > best:
                best, step = score[a][b - 1], (0, 1, 0.0)
            for da, db in aligner._SHAPES:
                if da > a or db > b:
                    continue
                i0, j0 = l0 + a - da, r0 + b - db
                sim = scorer.groups(i0, i0 + da, j0, j0 + db)
                if sim >= aligner.GAP_MIN:
                    value = score[a - da][b - db] + sim - aligner.GAP_MIN
                elif (
                    da == db == 1
                    and aligner._kept_words(lside.bag(i0), rside.bag(j0)) >= aligner.KEPT_MIN
                ):
                    value = score[a - 1][b - 1] + aligner._KEPT_VALUE
                else:
                    continue
                if value > best:
                    best, step = value, (da, db, sim)
            score[a][b] = best if step else 0.0
            move[a][b] = step
    groups, a, b = [], n, m
    while a or b:
        da, db, sim = move[a][b]
        if da and db:
            groups.append((l0 + a - da, l0 + a, r0 + b - db, r0 + b, sim))
        a, b = a - da, b - db
    return groups


_WORDS = st.sampled_from(["the", "council", "voted", "budget", "mayor", "said", "tax", "of"])
_SENTENCES = st.lists(
    st.lists(_WORDS, min_size=1, max_size=6).map(lambda w: " ".join(w).capitalize() + "."),
    min_size=1,
    max_size=9,
)


@given(_SENTENCES, _SENTENCES)
def test_the_bounded_gap_dp_groups_exactly_as_scoring_every_group(left, right):
    sides = [aligner.Side.of(Article.from_text("\n".join(text) + "\n")) for text in (left, right)]
    lside, rside = sides
    n, m = len(lside.spans), len(rside.spans)
    scorer = aligner.Scorer(lside, rside, list(range(n)), list(range(m)))
    expected = _plain_gap_dp(0, n, 0, m, lside, rside, scorer)
    found = aligner._gap_dp(0, n, 0, m, lside, rside, scorer)
    assert [(g.l0, g.l1, g.r0, g.r1, g.sim) for g in found] == expected
