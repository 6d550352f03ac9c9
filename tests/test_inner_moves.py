"""Words moved within a block are kept, not omitted and added (issue 19, "The marks contradict")."""

from __future__ import annotations

import html
import io
import random
import re

import pytest

from reader.cli import write_terminal
from reader.core.article import Article
from reader.core.compare import compare
from reader.core.load.loader import load
from reader.core.results.comparison import Block, BlockKind, Comparison
from reader.core.results.inner_moves import Work, block_moves, find_moves
from reader.core.results.marks import MarkKind, Marks, inline, side_marks
from reader.core.results.report import render_html
from reader.core.results.summary import summarize
from reader.core.worddiff import DELETE, EQUAL, INSERT, Op, side_text

EDITS = (MarkKind.ADDED, MarkKind.OMITTED)


@pytest.fixture(scope="module")
def sample(seed_paths) -> Comparison:
    return compare(load(seed_paths[0]), load(seed_paths[1]))


def _positions(quotes, text: str) -> list[int | None]:
    """Article offset of each character of the pair's joined quote text (None for joins)."""
    out: list[int | None] = []
    for n, quote in enumerate(quotes):
        if n:
            out.append(None)
        fragments = quote.fragments if len(quote.fragments) > 1 else ((quote.start, quote.end),)
        for f, (s, e) in enumerate(fragments):
            if f:
                out.append(None)
            out.extend(range(s, e))
    assert len(out) == len(" ".join(q.text(text) for q in quotes))
    return out


def kept_quote_chars(comparison: Comparison, side: str) -> set[int]:
    """Offsets of the non-space characters paired quotations keep on ``side``."""
    text = getattr(comparison, side).text
    own = DELETE if side == "left" else INSERT
    kept: set[int] = set()
    for pair in comparison.quote_pairs:
        quotes = getattr(pair, side)
        if not (pair.left and pair.right):
            continue
        where = _positions(quotes, text)
        pos = 0
        for op in pair.ops:
            if op.tag in (EQUAL, own):
                if op.tag == EQUAL:
                    for k, ch in enumerate(op.text):
                        at = where[pos + k]
                        if at is not None and not ch.isspace():
                            kept.add(at)
                pos += len(op.text)
    return kept


def edited_chars(marks) -> set[int]:
    return {i for m in marks if m.kind in EDITS for i in range(m.start, m.end)}


@pytest.mark.parametrize("side", ["left", "right"])
def test_sample_no_kept_quotation_word_is_marked_added_or_omitted(sample, side):
    kept = kept_quote_chars(sample, side)
    assert len(kept) > 500  # the sample's paired quotations keep most of their words
    marks = Marks(sample)
    assert not kept & edited_chars(marks.side(side))
    assert not kept & edited_chars(marks.shown(side, ignore_case=True, ignore_punctuation=True))
    assert not kept & edited_chars(side_marks(sample, side))


def test_sample_saludares_quotation_is_moved_not_struck(sample):
    needle = "I cannot stand one more meeting of them pretending"
    for side in ("left", "right"):
        text = getattr(sample, side).text
        at = text.index(needle)
        marks = Marks(sample).side(side)
        assert any(m.kind is MarkKind.MOVED and m.start <= at < m.end for m in marks)


def test_sample_inline_never_marks_a_kept_quotation_run(sample):
    """The terminal's one-run view: no kept run of 4+ words of a paired quote in an edit piece.

    Matched by text (the view has no offsets): shorter runs ("Remain in Mexico")
    also occur unquoted elsewhere, where the rewrite may well have dropped them.
    """
    runs = [
        " ".join(op.text.split())
        for pair in sample.quote_pairs
        if pair.left and pair.right
        for op in pair.ops
        if op.tag == EQUAL and len(op.text.split()) >= 4
    ]
    assert any("cannot stand one more meeting" in run for run in runs)
    for block in sample.blocks:
        if block.kind is not BlockKind.CHANGED:
            continue
        pieces = inline(block.ops)
        assert all(kind in (*EDITS, MarkKind.MOVED, None) for _, kind in pieces)
        for text, kind in pieces:
            if kind not in EDITS:
                continue
            flat = " ".join(text.split())
            for run in runs:
                assert " ".join(run.split()[:4]) not in flat, (run, text)
        # kept text still reads as the rewrite's words in order
        kept = "".join(t for t, k in pieces if k is not MarkKind.OMITTED)
        assert kept == side_text(block.ops, "right")


def test_sample_summary_counts_moved_words_as_kept(sample):
    moved = sum(
        len("".join(sample.right.text[m.right_start : m.right_end].split()))
        for b in sample.blocks
        for m in block_moves(b)
    )
    assert moved > 50
    s = sample.summary
    assert s.left_chars == s.kept_left_chars + s.omitted_chars
    assert s.right_chars == s.kept_right_chars + s.added_chars
    # Without the moves the diff's own counts: kept grows by exactly the moved characters.
    plain = 0
    for block in sample.blocks:
        for op in block.ops:
            if op.tag == EQUAL:
                plain += len("".join(op.text.split()))
    assert s.kept_right_chars == plain + moved


ATTRIBUTION_AFTER = "“We will win the election in May,” said Ana Ruiz, the mayor of Toledo."
ATTRIBUTION_BEFORE = "The mayor of Toledo, Ana Ruiz, said: “We will win the election in May.”"


@pytest.mark.parametrize(
    ("left", "right"),
    [(ATTRIBUTION_AFTER, ATTRIBUTION_BEFORE), (ATTRIBUTION_BEFORE, ATTRIBUTION_AFTER)],
)
def test_attribution_moved_around_a_quotation_keeps_both(left, right):
    comparison = compare(Article.from_text(left), Article.from_text(right))
    [block] = comparison.blocks
    marks = Marks(comparison)
    for side, text in (("left", left), ("right", right)):
        edited = edited_chars(marks.side(side))
        for phrase in ("We will win the election in May", "the mayor of Toledo"):
            at = text.lower().index(phrase.lower())
            assert not edited & set(range(at, at + len(phrase))), (side, phrase)
        moved = [m for m in marks.side(side) if m.kind is MarkKind.MOVED]
        assert moved
    pieces = inline(block.ops)
    kept = "".join(t for t, k in pieces if k not in EDITS)
    assert "We will win the election in May" in kept
    assert "mayor of Toledo" in kept
    # ...and what moved is shown as moved, as the panes show it.
    assert any(k is MarkKind.MOVED and "mayor of Toledo" in t for t, k in pieces) or any(
        k is MarkKind.MOVED and "We will win the election" in t for t, k in pieces
    )


def test_words_moved_inside_a_paragraph_with_other_sentences():
    left = (
        "The council met on Tuesday. “The budget will not balance this year,” the treasurer"
        " Maria Lopez said after the vote. Everyone left early."
    )
    right = (
        "The council met on Tuesday. After the vote, treasurer Maria Lopez warned: “The budget"
        " will not balance this year.” Everyone left early."
    )
    comparison = compare(Article.from_text(left), Article.from_text(right))
    marks = Marks(comparison)
    for side, text in (("left", left), ("right", right)):
        at = text.index("The budget will not balance this year")
        span = set(range(at, at + len("The budget will not balance this year")))
        assert not span & edited_chars(marks.side(side))


def test_reworded_text_without_a_shared_run_keeps_its_marks():
    left = "Officials said the plan would cost a great deal of money over time."
    right = "Money is tight, and the scheme is pricey in the long run, officials warned."
    comparison = compare(Article.from_text(left), Article.from_text(right))
    assert not any(block_moves(b) for b in comparison.blocks)
    marks = Marks(comparison)
    assert any(m.kind is MarkKind.OMITTED for m in marks.side("left"))
    assert any(m.kind is MarkKind.ADDED for m in marks.side("right"))
    assert not any(m.kind is MarkKind.MOVED for s in ("left", "right") for m in marks.side(s))


def test_short_or_function_word_runs_are_not_moves():
    # "of the said" repeats, "in the" too: shared vocabulary, not moved text.
    ops = (
        Op(DELETE, "and of the said it was in the"),
        Op(EQUAL, " middle "),
        Op(INSERT, "yes and of the said it was in the"),
    )
    assert find_moves(ops) == []
    ops = (Op(DELETE, "Green River Bank"), Op(EQUAL, " x "), Op(INSERT, "Green River Bank"))
    assert find_moves(ops) == []  # three words only


def test_moves_found_from_ops_have_the_offsets_of_each_side():
    ops = (
        Op(DELETE, "“Prices will rise again soon,” "),
        Op(EQUAL, "Ana said"),
        Op(INSERT, ": “Prices will rise again soon.”"),
    )
    left, right = side_text(ops, "left"), side_text(ops, "right")
    [move] = find_moves(ops)
    assert left[move.left_start : move.left_end] == "“Prices will rise again soon"
    assert right[move.right_start : move.right_end] == "“Prices will rise again soon"


def _big_block(n: int) -> Block:
    # A hostile block: the same few words over and over on both sides, each a move candidate.
    words = ("alpha beta gamma delta epsilon " * n).strip()
    other = ("beta gamma delta epsilon alpha " * n).strip()
    ops = (Op(DELETE, words), Op(EQUAL, " mid "), Op(INSERT, other))
    return Block(
        BlockKind.CHANGED, (0, len(side_text(ops, "left"))), (0, len(side_text(ops, "right"))), ops
    )


def test_work_is_linear_on_a_big_repetitive_block():
    steps = []
    for n in (2_000, 8_000):
        work = Work()
        block_moves(_big_block(n), work)
        steps.append(work.steps)
    tokens = 5 * 2 * 8_000
    assert steps[0] >= 5 * 2 * 2_000  # the search did run over every token
    assert steps[1] <= 20 * tokens  # bounded per token
    assert steps[1] <= 4.5 * steps[0]  # four times the text, about four times the work


def test_work_is_linear_when_nothing_matches():
    def block(n: int) -> Block:
        left = " ".join(f"w{i}" for i in range(n))
        right = " ".join(f"v{i}" for i in range(n))
        ops = (Op(DELETE, left), Op(INSERT, right))
        return Block(BlockKind.CHANGED, (0, len(left)), (0, len(right)), ops)

    small, big = Work(), Work()
    block_moves(block(5_000), small)
    block_moves(block(20_000), big)
    assert big.steps <= 4.5 * small.steps


def test_summary_of_a_moved_attribution_counts_it_kept():
    comparison = compare(
        Article.from_text(ATTRIBUTION_AFTER), Article.from_text(ATTRIBUTION_BEFORE)
    )
    again = summarize(comparison.blocks, comparison.quote_pairs)
    assert again == comparison.summary
    quote = len("".join("We will win the election in May".split()))
    assert comparison.summary.moved_chars >= quote
    assert comparison.summary.kept_share > 0.6


def test_report_does_not_strike_or_underline_a_kept_quotation(sample):
    page = render_html(sample)

    def marked(kinds: str) -> str:
        found = re.findall(
            rf'<span class="(?:{kinds})"><([su])>(.*?)</\1></span>', page, flags=re.S
        )
        return " ".join(
            " ".join(html.unescape(re.sub(r"<[^>]+>", "", i)) for _, i in found).split()
        )

    edits = marked("added|omitted")
    assert "completely disrespected" in edits  # the report does mark real additions
    assert "I cannot stand one more meeting" not in edits
    # The quotation the rewrite moved within its paragraph is shown moved, as in the panes.
    assert "I cannot stand one more meeting" in marked("moved")


_QUOTES = (
    "We will rebuild the bridge before the winter floods arrive",
    "Nobody in this town has ever been asked what they need",
    "The budget leaves our schools without enough teachers again",
    "Farmers cannot wait another season for the water permits",
)
_PEOPLE = (
    ("Ana Ruiz", "the mayor of Toledo"),
    ("Omar Haddad", "a local teacher"),
    ("Lena Novak", "who chairs the council"),
    ("Tom Becker", "a farmer from the valley"),
)


def _after(quote: str, who: tuple[str, str]) -> str:
    return f"“{quote},” said {who[0]}, {who[1]}."


def _before(quote: str, who: tuple[str, str]) -> str:
    return f"{who[0]}, {who[1]}, said: “{quote}.”"


def _around(quote: str, who: tuple[str, str]) -> str:
    words = quote.split()
    half = len(words) // 2
    return f"“{' '.join(words[:half])},” {who[0]} said, “{' '.join(words[half:])}.”"


def _across(quote: str, who: tuple[str, str]) -> str:
    """The quotation split across a paragraph break, its speaker after the first part."""
    words = quote.split()
    half = len(words) // 2
    return f"“{' '.join(words[:half])},” {who[0]} said.\n\n“{' '.join(words[half:])}.”"


@pytest.mark.parametrize("direction", ["merged on the right", "split on the right"])
def test_generated_pairs_moving_attributions_keep_every_quoted_word(direction):
    """Attributions moved before, after and into quotations; quotations split across a
    paragraph break; paragraphs merged (or, the pair reversed, split) by the rewrite."""
    rng = random.Random(19)
    forms = (_after, _before, _around, _across)
    checked = 0
    for _ in range(30):
        chosen = rng.sample(range(len(_QUOTES)), rng.randint(2, 4))
        left = "\n\n".join(rng.choice(forms)(_QUOTES[i], _PEOPLE[i]) for i in chosen)
        right = ""
        for k, i in enumerate(chosen):
            join = "" if k == 0 else rng.choice((" ", "\n\n"))  # a merged or a kept break
            right += join + rng.choice(forms)(_QUOTES[i], _PEOPLE[i])
        if direction == "split on the right":
            left, right = right, left
        comparison = compare(Article.from_text(left), Article.from_text(right))
        marks = Marks(comparison)
        for side in ("left", "right"):
            kept = kept_quote_chars(comparison, side)
            checked += len(kept)
            assert not kept & edited_chars(marks.side(side)), (side, left, right)
    assert checked > 3000


@pytest.mark.parametrize("colour", [False, True])
def test_terminal_output_does_not_mark_a_kept_quotation(sample, colour):
    out = io.StringIO()
    write_terminal(sample, out, colour=colour)
    text = out.getvalue()
    if colour:
        marked = re.findall(r"\x1b\[(?:4;32|9;31)m(.*?)\x1b\[0m", text, flags=re.S)
        moved = re.findall(r"\x1b\[4;34m(.*?)\x1b\[0m", text, flags=re.S)
        assert "I cannot stand one more meeting" in " ".join(" ".join(moved).split())
    else:
        marked = re.findall(r"\[-(.*?)-\]|\{\+(.*?)\+\}", text, flags=re.S)
        marked = ["".join(m) for m in marked]
    flat = " ".join(" ".join(marked).split())
    assert "completely disrespected" in flat
    assert "I cannot stand one more meeting" not in flat
    assert "I cannot stand one more meeting" in " ".join(text.split())


def test_json_blocks_list_the_runs_moved_within_them(sample):
    data = sample.to_json()
    moved = [run for block in data["blocks"] for run in block["moved_within"]]
    assert moved, "the sample pair moves Saludares' quotation within its block"
    left, right = sample.left.text, sample.right.text
    for l0, l1, r0, r1 in moved:
        assert left[l0:l1].lower() == right[r0:r1].lower()
    assert any("I cannot stand one more meeting" in left[l0:l1] for l0, l1, _, _ in moved)
    # Blocks without such runs say so with an empty list, never a missing key.
    assert all(isinstance(block["moved_within"], list) for block in data["blocks"])
