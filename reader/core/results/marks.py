"""Marks: the ranges of each article to colour, derived from the blocks and the findings.

The window, the HTML report and the terminal view all colour the same thing,
so they all read it from here instead of walking block ops themselves: the
window and the report a side at a time (``side_marks``, ``Marks``), the
terminal both sides of a block in one line (``inline``). Changes in meaning
get marks of their own (``finding_marks``), drawn over the ordinary ones.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.results.comparison import BlockKind, Change, Comparison
from reader.core.results.inner_moves import InnerMove, block_moves, find_moves
from reader.core.results.query import SIDES, Side
from reader.core.worddiff import DELETE, EQUAL, INSERT, Op, side_text


class MarkKind(StrEnum):
    ADDED = "added"  # right only: inside a changed pair, or a whole added block
    OMITTED = "omitted"  # left only: inside a changed pair, or a whole omitted block
    CHANGED = "changed"  # a paired block whose words differ (the whole span, tinted lightly)
    MOVED = "moved"  # a paired block out of reading order (the whole span), or words moved
    # within their block (``inner_moves``): kept, only in another place


# The edit ops each side owns, and the mark they make there.
_OWN_TAG = {"left": DELETE, "right": INSERT}
_EDIT_KIND = {DELETE: MarkKind.OMITTED, INSERT: MarkKind.ADDED}


@dataclass(frozen=True)
class Mark:
    """``text[start:end]`` of one side shows as ``kind``; ``block`` indexes comparison.blocks."""

    start: int
    end: int
    kind: MarkKind
    block: int


@dataclass(frozen=True)
class FindingMark:
    """``text[start:end]`` of one side belongs to ``comparison.findings[finding]``.

    Its own words, or (``counterpart``) the words a changed finding replaced on
    the other side ("told" for "told -> explained").
    """

    start: int
    end: int
    finding: int
    counterpart: bool = False


def finding_marks(comparison: Comparison, side: Side) -> list[FindingMark]:
    """The words of ``side`` that findings point at, in reading order.

    A finding marks its own words; a changed one also marks the old words
    opposite. An added or dropped finding's counterpart is only the aligned
    passage, which is shown when the reader goes there, not marked.
    """
    marks = []
    for number, finding in enumerate(comparison.findings):
        if finding.side == side:
            span: tuple[int, int] | None = (finding.start, finding.end)
        elif finding.change is Change.CHANGED:
            span = finding.counterpart
        else:
            span = None
        if span is not None and span[1] > span[0]:
            marks.append(FindingMark(span[0], span[1], number, finding.side != side))
    return sorted(marks, key=lambda m: (m.start, m.end, m.finding))


def side_marks(
    comparison: Comparison, side: Side, moves: Sequence[list[InnerMove]] | None = None
) -> list[Mark]:
    """All marks of ``side``, block spans first, then word edits.

    Whole-block marks (changed, moved, whole added/omitted blocks) come before
    the word-level added/omitted marks, so painting in order puts the word
    edits on top. Whitespace-only edits are not marked. Words the rewrite
    moved within their block (``inner_moves``) are marked moved, not added or
    omitted: they are kept. ``moves`` (one list per block, from
    ``comparison_moves``) saves finding them again.
    """
    if moves is None:
        moves = comparison_moves(comparison)
    own = _OWN_TAG[side]
    own_kind = _EDIT_KIND[own]
    spans: list[Mark] = []
    words: list[Mark] = []
    for index, block in enumerate(comparison.blocks):
        span = block.left if side == "left" else block.right
        if span is None:
            continue
        if block.kind in (BlockKind.ADDED, BlockKind.OMITTED):
            spans.append(Mark(span[0], span[1], own_kind, index))
            continue
        # Moved after changed: painted in order, the moved cue stays on top of the tint.
        if block.kind is BlockKind.CHANGED:
            spans.append(Mark(span[0], span[1], MarkKind.CHANGED, index))
        if block.moved:
            spans.append(Mark(span[0], span[1], MarkKind.MOVED, index))
        kept = sorted(_own_span(m, side) for m in moves[index])
        k = 0
        pos = span[0]
        for op in block.ops:
            if op.tag == EQUAL or op.tag == own:
                end = pos + len(op.text)
                if op.tag == own and op.text.strip():
                    while k < len(kept) and kept[k][1] <= pos:
                        k += 1
                    cut = pos
                    while k < len(kept) and kept[k][0] < end:
                        a, b = kept[k]
                        _edit_mark(words, op.text, pos, cut, a, own_kind, index)
                        words.append(Mark(a, b, MarkKind.MOVED, index))
                        cut = b
                        k += 1
                    _edit_mark(words, op.text, pos, cut, end, own_kind, index)
                pos = end
    return spans + words


def comparison_moves(comparison: Comparison) -> list[list[InnerMove]]:
    """Per block of ``comparison``, the runs its rewrite moved within it (``inner_moves``)."""
    return [block_moves(block) for block in comparison.blocks]


def _own_span(move: InnerMove, side: Side) -> tuple[int, int]:
    if side == "left":
        return move.left_start, move.left_end
    return move.right_start, move.right_end


def _edit_mark(
    out: list[Mark], text: str, base: int, start: int, end: int, kind: MarkKind, block: int
) -> None:
    """Mark ``[start, end)`` of an edit op starting at ``base``, unless it is only whitespace."""
    if end > start and text[start - base : end - base].strip():
        out.append(Mark(start, end, kind, block))


def inline(ops: Sequence[Op]) -> list[tuple[str, MarkKind | None]]:
    """Both sides of a block's (or a quote pair's) ``ops`` in one run: each op's text,
    marked added or omitted, or None where both sides have it.

    For a view that prints a passage once rather than side by side (the
    terminal, the report's quotation table); every edit op is marked there,
    whitespace included, so nothing changed goes unseen between words. Words
    the rewrite moved within the passage (``inner_moves``) are kept, so they
    are printed once, where the rewrite has them, marked MOVED; their old place
    is left out. Kinds are only ADDED, OMITTED, MOVED or None.
    """
    moves = find_moves(ops)
    if not moves:
        return [(op.text, _EDIT_KIND.get(op.tag)) for op in ops]
    gone = sorted((m.left_start, m.left_end) for m in moves)
    kept = sorted((m.right_start, m.right_end) for m in moves)
    out: list[tuple[str, MarkKind | None]] = []
    left = right = 0
    for op in ops:
        if op.tag == EQUAL:
            out.append((op.text, None))
            left += len(op.text)
            right += len(op.text)
        elif op.tag == DELETE:
            out.extend(_cut(op.text, left, gone, MarkKind.OMITTED, drop=True))
            left += len(op.text)
        else:
            out.extend(_cut(op.text, right, kept, MarkKind.ADDED, drop=False))
            right += len(op.text)
    return [(text, kind) for text, kind in out if text]


def _cut(
    text: str, base: int, spans: list[tuple[int, int]], kind: MarkKind, *, drop: bool
) -> list[tuple[str, MarkKind | None]]:
    """``text`` (starting at ``base``) as ``kind`` pieces, ``spans`` inside it dropped or
    kept as MOVED."""
    out: list[tuple[str, MarkKind | None]] = []
    end = base + len(text)
    cut = base
    # Spans are sorted and apart, so their ends are sorted too: start at the first one ending here.
    k = bisect_right(spans, (base, base))
    if k and spans[k - 1][1] > base:
        k -= 1
    while k < len(spans) and spans[k][0] < end:
        a, b = spans[k]
        k += 1
        out.append((text[cut - base : a - base], kind))
        if not drop:
            out.append((text[a - base : b - base], MarkKind.MOVED))
        cut = b
    out.append((text[cut - base :], kind))
    return out


class Marks:
    """Both sides' marks of one comparison, made once, and the ones a reader's choices leave.

    The reader may hide moved marks and changes that are only capitalisation or
    punctuation. What those choices hide is worked out once per choice and kept,
    so a repaint only filters a list. The findings' marks (``findings``) are
    never hidden: they are what a reader asking "what changed the meaning?"
    looks for.
    """

    def __init__(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.moves = comparison_moves(comparison)  # per block: runs moved within it
        self._all = {side: side_marks(comparison, side, self.moves) for side in SIDES}
        self._findings = {side: finding_marks(comparison, side) for side in SIDES}
        self._ignorable: dict[tuple[Side, bool, bool], _Ignorable] = {}

    def side(self, side: Side) -> list[Mark]:
        """Every mark of ``side`` (``side_marks``)."""
        return list(self._all[side])

    def findings(self, side: Side) -> list[FindingMark]:
        """The marks of the findings on ``side`` (``finding_marks``)."""
        return list(self._findings[side])

    def shown(
        self,
        side: Side,
        *,
        moved: bool = True,
        ignore_case: bool = False,
        ignore_punctuation: bool = False,
    ) -> list[Mark]:
        """``side``'s marks less moved ones (unless ``moved``) and the changes the flags ignore."""
        marks = self._all[side]
        if not moved:
            marks = [m for m in marks if m.kind is not MarkKind.MOVED]
        if not (ignore_case or ignore_punctuation):
            return list(marks)
        key = (side, ignore_case, ignore_punctuation)
        if key not in self._ignorable:
            self._ignorable[key] = _ignorable(
                self.comparison, side, key[1], key[2], self._all[side]
            )
        hidden, pieces, quiet = self._ignorable[key]
        return [
            m
            for m in marks
            if not (
                m.kind in _EDIT_KINDS
                and ((m.start, m.end) in pieces or _inside(hidden, m.start, m.end))
            )
            and not (m.kind is MarkKind.CHANGED and m.block in quiet)
        ]


_EDIT_KINDS = (MarkKind.ADDED, MarkKind.OMITTED)


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies in one of ``spans`` (sorted, not overlapping).

    An edit op's mark may be cut in pieces around words moved within the
    block; each piece is hidden with its op.
    """
    k = bisect_right(spans, (start, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= start and end <= spans[k][1]


_PUNCTUATION = re.compile(r"[^\w\s]+")
# Edit spans that differ only as ignored, edit marks that are only what is ignored (a piece
# of an edit cut by words moved within the block), and changed blocks with nothing else.
_Ignorable = tuple[list[tuple[int, int]], set[tuple[int, int]], set[int]]


def _normal(text: str, case: bool, punctuation: bool) -> str:
    if punctuation:
        text = _PUNCTUATION.sub("", text)
    if case:
        text = text.lower()
    return " ".join(text.split())


def _ignorable(
    comparison: Comparison, side: Side, case: bool, punctuation: bool, marks: list[Mark]
) -> _Ignorable:
    """Spans of ``side``'s edit ops that differ only as ignored, and blocks with nothing else.

    Also the edit ``marks`` whose own text is nothing but what is ignored: an
    op cut around moved words leaves pieces such as ":" that are punctuation only.
    """
    text = comparison.left.text if side == "left" else comparison.right.text
    pieces = {
        (m.start, m.end)
        for m in marks
        if m.kind in _EDIT_KINDS and not _normal(text[m.start : m.end], case, punctuation)
    }
    own = _OWN_TAG[side]
    hidden: list[tuple[int, int]] = []
    quiet: set[int] = set()
    for index, block in enumerate(comparison.blocks):
        if block.kind is not BlockKind.CHANGED:
            continue
        span = block.left if side == "left" else block.right
        assert span is not None
        ops = block.ops
        left, right = side_text(ops, "left"), side_text(ops, "right")
        whole = _normal(left, case, punctuation) == _normal(right, case, punctuation)
        if whole:
            quiet.add(index)
        pos = span[0]
        for k, op in enumerate(ops):
            if op.tag not in (EQUAL, own):
                continue
            end = pos + len(op.text)
            if op.tag == own:
                partner = ""
                for j in (k - 1, k + 1):  # a "-" next to a "+" is one replacement
                    if 0 <= j < len(ops) and ops[j].tag not in (EQUAL, own):
                        partner = ops[j].text
                if whole or _normal(op.text, case, punctuation) == _normal(
                    partner, case, punctuation
                ):
                    hidden.append((pos, end))
            pos = end
    return sorted(hidden), pieces, quiet
