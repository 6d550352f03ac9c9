"""The benchmark pair generator (deterministic, the right size, a truth that matches the
texts) and bench.py's quality measures, checked against that truth."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import bench  # noqa: E402
import make_pairs  # noqa: E402

SIZES = (3_000, 30_000)


@pytest.fixture(scope="module", params=SIZES, ids=lambda size: f"{size // 1000}K")
def pair(request) -> make_pairs.Pair:
    return make_pairs.make_pair(request.param, seed=0)


def test_same_seed_gives_the_same_pair(pair):
    again = make_pairs.make_pair(pair.truth["size_bytes"], seed=0)
    assert again == pair


def test_another_seed_gives_another_pair():
    assert make_pairs.make_pair(3_000, seed=1).left_text != make_pairs.make_pair(3_000).left_text


def test_both_sides_are_within_ten_percent_of_the_size(pair):
    size = pair.truth["size_bytes"]
    for text in (pair.left_text, pair.right_text):
        assert abs(len(text.encode("utf-8")) - size) <= 0.1 * size


def test_one_paragraph_per_line(pair):
    for text in (pair.left_text, pair.right_text):
        assert text.endswith("\n")
        assert "\n\n" not in text
        assert all(line == line.strip() for line in text.splitlines())


def test_deleted_sentences_are_in_the_left_only(pair):
    assert pair.truth["deleted"]
    for start, end in pair.truth["deleted"]:
        sentence = pair.left_text[start:end]
        assert sentence[0].isupper() and sentence[-1] in ".!?"
        assert not _is_sentence_of(sentence, pair.right_text)


def test_inserted_sentences_are_in_the_right_only(pair):
    assert pair.truth["inserted"]
    for start, end in pair.truth["inserted"]:
        sentence = pair.right_text[start:end]
        assert sentence[0].isupper() and sentence[-1] in ".!?"
        assert not _is_sentence_of(sentence, pair.left_text)


def test_edits_rebuild_both_sentences(pair):
    assert pair.truth["edited"]
    for edit in pair.truth["edited"]:
        left = pair.left_text[slice(*edit["left"])]
        right = pair.right_text[slice(*edit["right"])]
        assert left != right
        # Cutting the changed words out of each side leaves the same words in the same order.
        assert _without(left, edit["left"][0], [c["left"] for c in edit["changes"]]) == (
            _without(right, edit["right"][0], [c["right"] for c in edit["changes"]])
        )


def test_moved_paragraphs_are_whole_lines_on_both_sides_far_apart(pair):
    assert pair.truth["moved"]
    n_lines = pair.right_text.count("\n")
    for move in pair.truth["moved"]:
        paragraph = pair.left_text[slice(*move["left"])]
        assert paragraph == pair.right_text[slice(*move["right"])]
        assert f"\n{paragraph}\n" in f"\n{pair.left_text}"
        left_line = pair.left_text.count("\n", 0, move["left"][0])
        right_line = pair.right_text.count("\n", 0, move["right"][0])
        assert abs(left_line - right_line) >= n_lines // 4


def test_the_changed_share_counts_the_recorded_spans(pair):
    truth = pair.truth
    left = sum(_nonspace(pair.left_text[a:b]) for a, b in truth["deleted"])
    left += sum(_nonspace(pair.left_text[slice(*c["left"])]) for c in _changes(truth, "left"))
    right = sum(_nonspace(pair.right_text[a:b]) for a, b in truth["inserted"])
    right += sum(_nonspace(pair.right_text[slice(*c["right"])]) for c in _changes(truth, "right"))
    assert truth["changed_chars"] == {"left": left, "right": right}
    # About 10% deleted + 15% lightly edited: the share is near the design, not 0 or 50%.
    assert 0.05 < truth["changed_share"]["both"] < 0.25


def test_the_truth_survives_json(pair, tmp_path):
    left, right, truth = make_pairs.write_pair(pair, tmp_path, "p")
    assert left.read_text(encoding="utf-8") == pair.left_text
    assert right.read_text(encoding="utf-8") == pair.right_text
    assert json.loads(truth.read_text(encoding="utf-8")) == pair.truth


@pytest.mark.parametrize(("text", "size"), [("3K", 3_000), ("30k", 30_000), ("3M", 3_000_000)])
def test_sizes_read_as_decimal_units(text, size):
    assert make_pairs.parse_size(text) == size


def _changes(truth: dict, side: str) -> list[dict]:
    return [c for edit in truth["edited"] for c in edit["changes"] if c[side] is not None]


def _is_sentence_of(sentence: str, text: str) -> bool:
    """Whether ``sentence`` stands in ``text`` as a sentence (not just inside a longer one)."""
    found = re.search(rf"(?:^|(?<=[.!?] )){re.escape(sentence)}(?= |$)", text, re.MULTILINE)
    return found is not None


def _without(sentence: str, offset: int, spans: list[list[int] | None]) -> list[str]:
    """The sentence's words once the given spans are cut out."""
    for span in sorted((s for s in spans if s), reverse=True):
        sentence = sentence[: span[0] - offset] + sentence[span[1] - offset :]
    return sentence.split()


def _nonspace(text: str) -> int:
    return len("".join(text.split()))


# --- bench.py's measures, checked on the generator's own truth ------------------------


@pytest.fixture(scope="module")
def small() -> make_pairs.Pair:
    return make_pairs.make_pair(3_000, seed=0)


def test_marking_exactly_the_truth_scores_full_marks(small):
    truth = bench.Truth.of(small)
    quality = bench.Quality.of(truth, truth.changed, truth.moved)
    assert quality.changed == pytest.approx(small.truth["changed_share"]["both"])
    assert (quality.precision, quality.recall) == (1.0, 1.0)
    assert (quality.moved_paired, quality.moved_as_changed) == (1.0, 0.0)


def test_marking_everything_scores_low_precision_and_moved_as_changed(small):
    truth = bench.Truth.of(small)
    everything = bench.Marks(
        bytearray(b"\x01" * len(small.left_text)), bytearray(b"\x01" * len(small.right_text))
    )
    nothing = bench.Marks.empty(small.left_text, small.right_text)
    quality = bench.Quality.of(truth, everything, nothing)
    assert quality.changed == 1.0
    assert quality.precision == pytest.approx(small.truth["changed_share"]["both"])
    assert quality.recall == 1.0
    assert (quality.moved_paired, quality.moved_as_changed) == (0.0, 1.0)


def test_a_whole_document_diff_finds_the_changes_and_colours_the_moves(small):
    # difflib cannot pair a moved paragraph: it marks it on both sides, on top of
    # the true changes, which it all finds.
    quality = bench.Quality.of(bench.Truth.of(small), bench.difflib_marks(*_texts(small)))
    assert quality.recall > 0.95
    assert quality.changed > small.truth["changed_share"]["both"]


def test_engine_marks_follow_the_ops(small):
    from reader.core.article import Article
    from reader.core.compare import compare

    comparison = compare(Article.from_text(small.left_text), Article.from_text(small.right_text))
    assert bench.broken_blocks(comparison) == 0
    changed, _ = bench.engine_marks(comparison)
    marked = "".join(ch for ch, m in zip(small.left_text, changed.left, strict=True) if m)
    omitted = "".join(op.text for block in comparison.blocks for op in block.ops if op.tag == "-")
    assert marked == omitted


def _texts(pair: make_pairs.Pair) -> tuple[str, str]:
    return pair.left_text, pair.right_text
