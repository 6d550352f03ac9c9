"""Questions the views ask about a ``Comparison``, answered in article offsets.

The window never walks ``comparison.blocks`` itself: synced scrolling, the link
map, navigation and the quote sidebar all go through one ``ComparisonQuery``, so
"which block is this?" has one answer everywhere. Pure Python, no Qt; every
offset is a Python ``str`` index into the side's article text.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from reader.core.article import Span
from reader.core.results.comparison import (
    SIDES,
    Block,
    BlockKind,
    Comparison,
    Finding,
    QuotePair,
    Side,
    other_side,
)


class BlockIndex:
    """Which block holds an offset, per side, in O(log n): the index every lookup starts from.

    Blocks are addressed by their index in ``blocks``. A block has a span on a
    side when that side holds it (``added`` blocks have none on the left,
    ``omitted`` none on the right). Built from blocks alone, so a stage that runs
    before the ``Comparison`` exists (spin) asks the same index the views ask.
    """

    def __init__(self, blocks: tuple[Block, ...]) -> None:
        self._order: dict[Side, list[int]] = {}  # block indexes with a span on the side, by start
        self._position: dict[Side, dict[int, int]] = {}  # block index -> place in _order
        self._starts: dict[Side, list[int]] = {}
        self._ends: dict[Side, list[int]] = {}
        for side in SIDES:
            spans = [b.left for b in blocks] if side == "left" else [b.right for b in blocks]
            # A side's spans never overlap: ordered by their starts alone (an int key is
            # several times faster to sort by than the spans themselves).
            order = [i for i, span in enumerate(spans) if span is not None]
            order.sort(key=lambda i: spans[i][0])  # type: ignore[index]
            self._order[side] = order
            self._position[side] = {i: pos for pos, i in enumerate(order)}
            self._starts[side] = [spans[i][0] for i in order]  # type: ignore[index]
            self._ends[side] = [spans[i][1] for i in order]  # type: ignore[index]

    def block_at(self, side: Side, offset: int) -> int | None:
        """The block whose span on ``side`` holds ``offset`` (start inclusive, end exclusive)."""
        pos = bisect.bisect_right(self._starts[side], offset) - 1
        if pos >= 0 and offset < self._ends[side][pos]:
            return self._order[side][pos]
        return None


class ComparisonQuery(BlockIndex):
    """Lookups over one comparison's blocks, per side, in O(log n) each (see ``BlockIndex``)."""

    def __init__(self, comparison: Comparison) -> None:
        super().__init__(comparison.blocks)
        self.comparison = comparison
        self._changes = [i for i, block in enumerate(comparison.blocks) if is_change(block)]
        # Per side: the changes as (anchor, 0 for a gap / 1 for a held block, index), sorted.
        self._sequences: dict[Side, list[tuple[int, int, int]]] = {}
        self._rank: dict[Side, dict[int, int]] = {}
        self._finding_order: dict[Side, tuple[list[tuple[int, int, int]], dict[int, int]]] = {}

    @property
    def blocks(self) -> tuple[Block, ...]:
        return self.comparison.blocks

    def span(self, side: Side, index: int) -> Span | None:
        """The span block ``index`` covers on ``side``, or None when the side lacks it."""
        return _span(self.comparison.blocks[index], side)

    def span_or_gap(self, side: Side, index: int) -> Span:
        """Block ``index``'s span on ``side``, or the zero-width gap where it would be.

        Every view that shows a block on both sides (navigation's bars, the link
        map's bands, stepping through changes) places it here.
        """
        span = self.span(side, index)
        return span if span is not None else self.counterpart(other_side(side), index)

    def block_near(self, side: Side, offset: int) -> int | None:
        """The block holding ``offset``, else the nearest one on ``side``; None when none.

        Offsets between blocks are spaces and paragraph breaks; they belong to
        whichever neighbour is closer, so a caller always has a block to follow.
        """
        starts, ends = self._starts[side], self._ends[side]
        if not starts:
            return None
        pos = bisect.bisect_right(starts, offset) - 1
        if pos < 0:
            return self._order[side][0]
        if offset < ends[pos] or pos + 1 == len(starts):
            return self._order[side][pos]
        before = offset - ends[pos]
        after = starts[pos + 1] - offset
        return self._order[side][pos if before <= after else pos + 1]

    def neighbour(self, side: Side, index: int, step: int) -> int | None:
        """The block ``step`` places after (negative: before) ``index`` in ``side``'s order."""
        pos = self._position[side].get(index)
        if pos is None or not 0 <= pos + step < len(self._order[side]):
            return None
        return self._order[side][pos + step]

    def counterpart(self, side: Side, index: int) -> Span:
        """Where block ``index`` of ``side`` sits on the other side.

        A paired block gives its other span. A block the other side lacks gives
        a zero-width span at the gap where it would be: right after the nearest
        paired block before it in ``side``'s reading order (or right before the
        next paired one, at the very start), so scrolling past an addition
        holds the other pane still at the matching place, also across moves.
        """
        other = other_side(side)
        own = self.span(other, index)
        if own is not None:
            return own
        order = self._order[side]
        pos = self._position[side].get(index, 0)
        for j in range(pos - 1, -1, -1):
            span = self.span(other, order[j])
            if span is not None:
                return (span[1], span[1])
        for j in range(pos + 1, len(order)):
            span = self.span(other, order[j])
            if span is not None:
                return (span[0], span[0])
        return (0, 0)

    def blocks_between(self, side: Side, start: int, end: int) -> list[int]:
        """Blocks whose span on ``side`` overlaps ``[start, end)``, in ``side``'s order."""
        starts, ends = self._starts[side], self._ends[side]
        first = bisect.bisect_right(ends, start)  # ends ascend: blocks of a side never overlap
        last = bisect.bisect_left(starts, end)
        return self._order[side][first:last]

    def counterpart_range(self, side: Side, start: int, end: int) -> Span:
        """The stretch of the other side that corresponds to ``[start, end)`` of ``side``.

        From the first to the last counterpart of the blocks the range touches
        (a passage whose blocks were reordered gives the whole stretch they
        span); a range only ``side`` has gives the zero-width gap where it would be.
        """
        spans = [self.counterpart(side, i) for i in self.blocks_between(side, start, end)]
        wide = [s for s in spans if s[1] > s[0]] or spans
        if not wide:
            return (0, 0)
        return (min(s[0] for s in wide), max(s[1] for s in wide))

    def side_order(self, side: Side) -> list[int]:
        """Every block with a span on ``side``, in reading order."""
        return list(self._order[side])

    def changes(self) -> list[int]:
        """Every block navigation stops at (see ``is_change``), in block order."""
        return list(self._changes)

    def next_change(self, side: Side, offset: int, *, current: int | None = None) -> int | None:
        """The change after ``current`` (a change index), else the first one after ``offset``.

        Changes are ordered by where they sit on ``side``; a change the side does
        not hold (an addition, seen from the left) sits at its gap, just before
        whatever starts there, so stepping through one pane visits them all.
        """
        return _step(self._sequence(side), self._rank[side], offset, current, forward=True)

    def previous_change(self, side: Side, offset: int, *, current: int | None = None) -> int | None:
        """The change before ``current``, else the last one before ``offset``."""
        return _step(self._sequence(side), self._rank[side], offset, current, forward=False)

    # --- changes in meaning (``comparison.findings``, addressed by their index) -----

    def finding_spans(self, number: int) -> dict[Side, list[Span]]:
        """What finding ``number`` points at on each side: its words, and the counterpart
        opposite (nothing there when the other side has no counterpart: a view
        then shows the aligned place, ``aligned_offset``)."""
        finding = self.comparison.findings[number]
        spans: dict[Side, list[Span]] = {side: [] for side in SIDES}
        spans[finding.side].append((finding.start, finding.end))
        if finding.counterpart is not None:
            spans[finding.other_side].append(finding.counterpart)
        return spans

    def finding_anchor(self, side: Side, number: int) -> int:
        """Where finding ``number`` sits on ``side``: its start, its counterpart's start, or
        the place aligned with it when ``side`` has no counterpart."""
        finding = self.comparison.findings[number]
        if finding.side == side:
            return finding.start
        if finding.counterpart is not None:
            return finding.counterpart[0]
        aligned = self.aligned_offset(finding.side, finding.start)
        return 0 if aligned is None else aligned

    def next_finding(self, side: Side, offset: int, *, current: int | None = None) -> int | None:
        """The finding after ``current``, else the first one after ``offset``, in ``side``'s
        reading order (each finding at its ``finding_anchor``; ties by weight)."""
        sequence, rank = self._finding_sequence(side)
        return _step(sequence, rank, offset, current, forward=True)

    def previous_finding(
        self, side: Side, offset: int, *, current: int | None = None
    ) -> int | None:
        """The finding before ``current``, else the last one before ``offset``."""
        sequence, rank = self._finding_sequence(side)
        return _step(sequence, rank, offset, current, forward=False)

    def anchor(self, side: Side, index: int) -> int:
        """Where block ``index`` sits on ``side``: its start, or its gap when the side lacks it."""
        return self.span_or_gap(side, index)[0]

    def aligned_offset(self, side: Side, start: int) -> int | None:
        """Where the other side holds what sits at ``start`` of ``side``; None without blocks.

        What a finding only one side has (a quotation the rewrite dropped)
        points the other pane at: the passage aligned with it.
        """
        index = self.block_near(side, start)
        return None if index is None else self.counterpart(side, index)[0]

    def quote_number(self, pair: QuotePair) -> int | None:
        """``pair``'s place (from 0) in ``comparison.quote_pairs``; None when not one of them."""
        pairs = self.comparison.quote_pairs
        return pairs.index(pair) if pair in pairs else None

    def _sequence(self, side: Side) -> list[tuple[int, int, int]]:
        if side not in self._sequences:
            sequence = sorted(
                (self.anchor(side, i), 0 if self.span(side, i) is None else 1, i)
                for i in self._changes
            )
            self._sequences[side] = sequence
            self._rank[side] = {index: pos for pos, (_a, _g, index) in enumerate(sequence)}
        return self._sequences[side]

    def _finding_sequence(self, side: Side) -> tuple[list[tuple[int, int, int]], dict[int, int]]:
        if side not in self._finding_order:
            # (anchor, weight rank, finding): findings are listed weightiest first already.
            sequence = sorted(
                (self.finding_anchor(side, n), n, n) for n in range(len(self.comparison.findings))
            )
            rank = {number: pos for pos, (_a, _w, number) in enumerate(sequence)}
            self._finding_order[side] = (sequence, rank)
        return self._finding_order[side]


def _step(
    sequence: list[tuple[int, int, int]],
    rank: dict[int, int],
    offset: int,
    current: int | None,
    *,
    forward: bool,
) -> int | None:
    """The item after (or before) ``current`` in ``sequence`` of (anchor, tie, item), else
    the first one past ``offset`` that way; None at the end."""
    if current is not None and current in rank:
        pos = rank[current] + (1 if forward else -1)
        return sequence[pos][2] if 0 <= pos < len(sequence) else None
    if forward:
        return next((item for at, _tie, item in sequence if at > offset), None)
    return next((item for at, _tie, item in reversed(sequence) if at < offset), None)


class Speakers(NamedTuple):
    """Who said a quote pair's words: each side's first named speaker (None when unnamed)."""

    left: str | None
    right: str | None

    @property
    def changed(self) -> bool:
        """Whether the rewrite gives the words to someone else than the original does."""
        return bool(self.left and self.right and self.left != self.right)


def speakers(pair: QuotePair) -> Speakers:
    """The original's and the rewrite's speaker of ``pair``."""
    return Speakers(
        next((q.speaker for q in pair.left if q.speaker), None),
        next((q.speaker for q in pair.right if q.speaker), None),
    )


def finding_words(comparison: Comparison, finding: Finding) -> tuple[str, str]:
    """(the finding's own words, the words opposite: its counterpart's, or "" without one)."""
    texts = {"left": comparison.left.text, "right": comparison.right.text}
    own = texts[finding.side][finding.start : finding.end]
    other = ""
    if finding.counterpart is not None:
        other = texts[finding.other_side][finding.counterpart[0] : finding.counterpart[1]]
    return own, other


def is_change(block: Block) -> bool:
    """Whether navigation stops at ``block``: any difference, or a moved passage."""
    return block.kind is not BlockKind.SAME or block.moved


def _span(block: Block, side: Side) -> Span | None:
    return block.left if side == "left" else block.right


__all__ = [
    "ComparisonQuery",
    "Side",
    "SIDES",
    "Speakers",
    "finding_words",
    "is_change",
    "other_side",
    "speakers",
]
