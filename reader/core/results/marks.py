"""Marks: the ranges of each article to colour, derived from the blocks and the findings.

The window, the HTML report and the terminal view all colour the same thing,
so they all read it from here instead of walking block ops themselves: the
window and the report a side at a time (``side_marks``, ``Marks``), the
terminal both sides of a block in one line (``inline``). Changes in meaning
get marks of their own (``finding_marks``), drawn over the ordinary ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from reader.core.results.comparison import BlockKind, Change, Comparison
from reader.core.results.query import SIDES, Side
from reader.core.worddiff import DELETE, EQUAL, INSERT, Op, side_text


class MarkKind(StrEnum):
    ADDED = "added"  # right only: inside a changed pair, or a whole added block
    OMITTED = "omitted"  # left only: inside a changed pair, or a whole omitted block
    CHANGED = "changed"  # a paired block whose words differ (the whole span, tinted lightly)
    MOVED = "moved"  # a paired block out of reading order (the whole span)


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


def side_marks(comparison: Comparison, side: Side) -> list[Mark]:
    """All marks of ``side``, block spans first, then word edits.

    Whole-block marks (changed, moved, whole added/omitted blocks) come before
    the word-level added/omitted marks, so painting in order puts the word
    edits on top. Whitespace-only edits are not marked.
    """
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
        pos = span[0]
        for op in block.ops:
            if op.tag == EQUAL or op.tag == own:
                end = pos + len(op.text)
                if op.tag == own and op.text.strip():
                    words.append(Mark(pos, end, own_kind, index))
                pos = end
    return spans + words


def inline(ops: Sequence[Op]) -> list[tuple[str, MarkKind | None]]:
    """Both sides of a block's (or a quote pair's) ``ops`` in one run: each op's text,
    marked added or omitted, or None where both sides have it.

    For a view that prints a passage once rather than side by side (the
    terminal, the report's quotation table); every edit op is marked there,
    whitespace included, so nothing changed goes unseen between words.
    """
    return [(op.text, _EDIT_KIND.get(op.tag)) for op in ops]


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
        self._all = {side: side_marks(comparison, side) for side in SIDES}
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
            self._ignorable[key] = _ignorable(self.comparison, side, key[1], key[2])
        hidden, quiet = self._ignorable[key]
        return [
            m
            for m in marks
            if (m.start, m.end) not in hidden
            and not (m.kind is MarkKind.CHANGED and m.block in quiet)
        ]


_PUNCTUATION = re.compile(r"[^\w\s]+")
# Edit spans that differ only as ignored, and changed blocks with nothing else.
_Ignorable = tuple[set[tuple[int, int]], set[int]]


def _normal(text: str, case: bool, punctuation: bool) -> str:
    if punctuation:
        text = _PUNCTUATION.sub("", text)
    if case:
        text = text.lower()
    return " ".join(text.split())


def _ignorable(comparison: Comparison, side: Side, case: bool, punctuation: bool) -> _Ignorable:
    """Spans of ``side``'s edit ops that differ only as ignored, and blocks with nothing else."""
    own = _OWN_TAG[side]
    hidden: set[tuple[int, int]] = set()
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
                    hidden.add((pos, end))
            pos = end
    return hidden, quiet
