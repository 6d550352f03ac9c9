"""Runs of words a paired block's rewrite moved within the block.

The word diff keeps one order only: when the rewrite puts an attribution in
front of a quotation ("X said: 'We will win.'" for "'We will win,' said X"),
it keeps one of the two and gives the other up as omitted on the left and
added on the right, although every word of it is still there. This finds
those runs again, so the views can show them kept (moved within the block)
instead of struck out and added.

A run counts when the "-" text and the "+" text of one block share at least
``MIN_WORDS`` consecutive words, ``MIN_CONTENT`` of them content words (not
"of the said it"): shorter runs are shared vocabulary, not moved text.
Matching is exact but for the case of a run's first word (moved to or from the
start of a sentence: "the mayor" for "The mayor"). The
search is linear: the "+" words' ``MIN_WORDS``-word shingles go into a dict,
the "-" words are scanned once, each shingle hit is extended greedily, and the
candidates tried per hit and the work per block are capped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.results.comparison import Block, BlockKind
from reader.core.worddiff import DELETE, EQUAL, INSERT, Op

MIN_WORDS = 4  # a shared run this long (punctuation not counted) is moved text
MIN_CONTENT = 2  # ... when this many of its words carry meaning
CANDIDATES = 4  # "+" places tried per shingle hit (repetitive text has many)
WORK_PER_TOKEN = 16  # comparisons allowed per token of the block, then the search stops

_ALNUM = re.compile(r"\w+")
_WORD = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]", re.UNICODE)
_FUNCTION = frozenset(
    """
    a an the and or but nor so yet of to in on at by for with from as into onto over under
    about after before than that this these those it its he she they we you i me him her
    them us our their his my your is are was were be been being has have had do does did
    not no will would can could should may might must shall which who whom what when
    where how there here then also just very said says told
    """.split()
)


@dataclass(frozen=True, slots=True)
class InnerMove:
    """``left[left_start:left_end]`` reappears as ``right[right_start:right_end]``, same words.

    Offsets are into the articles (or into the ops' own side texts when found
    from bare ops). Both spans start and end on a word or mark, never on a space.
    """

    left_start: int
    left_end: int
    right_start: int
    right_end: int


class Work:
    """A counter of the comparisons made, for tests that bound the work done."""

    def __init__(self) -> None:
        self.steps = 0


def block_moves(block: Block, work: Work | None = None) -> list[InnerMove]:
    """The runs ``block``'s rewrite moved within it, in article offsets (none for unpaired)."""
    if block.kind is not BlockKind.CHANGED or block.left is None or block.right is None:
        return []  # a block "same" apart from spacing has no words moved (most blocks)
    return find_moves(block.ops, block.left[0], block.right[0], work)


def find_moves(
    ops: Sequence[Op], left_start: int = 0, right_start: int = 0, work: Work | None = None
) -> list[InnerMove]:
    """Shared runs of ``ops``' "-" and "+" text, each "+" word used once, in left order.

    ``left_start`` / ``right_start`` are where the ops' left and right texts
    begin. A run never crosses an op: it lies inside one "-" op and one "+" op.
    """
    if not _may_share(ops):
        return []
    left = _Tokens(ops, DELETE, left_start)
    right = _Tokens(ops, INSERT, right_start)
    nl, nr = len(left.words), len(right.words)
    if nl < MIN_WORDS or nr < MIN_WORDS:
        return []
    budget = WORK_PER_TOKEN * (nl + nr)
    lw, rw, lop, rop = left.words, right.words, left.op, right.op
    index: dict[tuple[str, ...], list[int]] = {}
    tail = MIN_WORDS - 1
    for j in range(nr - tail):
        if rop[j] != rop[j + tail]:
            continue  # crosses an op
        places = index.setdefault((right.first[j], *rw[j + 1 : j + MIN_WORDS]), [])
        if len(places) < CANDIDATES:
            places.append(j)
    steps = nr
    used = bytearray(nr)
    moves = []
    i = 0
    while i < nl - tail and steps < budget:
        steps += 1
        places = index.get((left.first[i], *lw[i + 1 : i + MIN_WORDS]))
        if not places:
            i += 1
            continue
        best = best_j = 0
        for j in places:
            # The shingle matched (first word up to case); extend past it.
            n = 1 if not used[j] else 0
            while (
                n
                and i + n < nl
                and j + n < nr
                and not used[j + n]
                and lw[i + n] == rw[j + n]
                and lop[i + n] == lop[i]
                and rop[j + n] == rop[j]
            ):
                n += 1
            steps += n + 1
            if n > best:
                best, best_j = n, j
        if best >= MIN_WORDS and _carries_meaning(lw[i : i + best]):
            moves.append(
                InnerMove(
                    left.starts[i],
                    left.ends[i + best - 1],
                    right.starts[best_j],
                    right.ends[best_j + best - 1],
                )
            )
            used[best_j : best_j + best] = b"\x01" * best
            i += best
        else:
            i += 1
    if work is not None:
        work.steps += steps
    return moves


def _may_share(ops: Sequence[Op]) -> bool:
    """Whether the "-" and "+" text share a content word, which every run has (cheap, in C).

    A run has ``MIN_CONTENT`` content words and only its first may differ in
    case, so one of them is in both texts as is: no run is missed.
    """
    deleted = _ALNUM.findall(" ".join(op.text for op in ops if op.tag == DELETE))
    inserted = _ALNUM.findall(" ".join(op.text for op in ops if op.tag == INSERT))
    if len(deleted) < MIN_WORDS or len(inserted) < MIN_WORDS:
        return False
    return any(w.lower() not in _FUNCTION for w in set(deleted).intersection(inserted))


class _Tokens:
    """The words and marks of one side's edit ops (``tag``), as parallel lists.

    ``first`` is each word as a run's first word is matched (``_first``);
    ``op`` the index of the op holding it, so that runs stay inside one op.
    """

    def __init__(self, ops: Sequence[Op], tag: str, pos: int) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.op: list[int] = []
        for k, op in enumerate(ops):
            if op.tag == tag:
                for m in _WORD.finditer(op.text):
                    self.words.append(m.group())
                    self.starts.append(pos + m.start())
                    self.ends.append(pos + m.end())
                    self.op.append(k)
            if op.tag == EQUAL or op.tag == tag:
                pos += len(op.text)
        self.first = [_first(w) for w in self.words]


def _first(word: str) -> str:
    """A run's first word may change case only: moved to or from a sentence start ("The mayor")."""
    lower = word.lower()
    return lower if len(lower) == len(word) else word


def _carries_meaning(run: list[str]) -> bool:
    words = [w for w in run if w[:1].isalnum()]
    content = sum(1 for w in words if w.lower() not in _FUNCTION)
    return len(words) >= MIN_WORDS and content >= MIN_CONTENT
