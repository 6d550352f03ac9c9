"""Per-side marks: the ranges of one article to colour, derived from the blocks.

The window, the HTML report and the terminal view all colour the same thing,
so they all read it from here instead of walking block ops themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from reader.core.results.comparison import BlockKind, Comparison
from reader.core.worddiff import DELETE, EQUAL, INSERT


class MarkKind(StrEnum):
    ADDED = "added"  # right only: inside a changed pair, or a whole added block
    OMITTED = "omitted"  # left only: inside a changed pair, or a whole omitted block
    CHANGED = "changed"  # a paired block whose words differ (the whole span, tinted lightly)
    MOVED = "moved"  # a paired block out of reading order (the whole span)


@dataclass(frozen=True)
class Mark:
    """``text[start:end]`` of one side shows as ``kind``; ``block`` indexes comparison.blocks."""

    start: int
    end: int
    kind: MarkKind
    block: int


def side_marks(comparison: Comparison, side: str) -> list[Mark]:
    """All marks of ``side`` ("left" or "right"), block spans first, then word edits.

    Whole-block marks (changed, moved, whole added/omitted blocks) come before
    the word-level added/omitted marks, so painting in order puts the word
    edits on top. Whitespace-only edits are not marked.
    """
    own = DELETE if side == "left" else INSERT
    own_kind = MarkKind.OMITTED if side == "left" else MarkKind.ADDED
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
