"""Sentence alignment of two articles into blocks. (Stub: one block per side.)"""

from __future__ import annotations

from reader.core.article import Article
from reader.core.comparison import Block, BlockKind
from reader.core.worddiff import word_ops


def align(left: Article, right: Article) -> tuple[Block, ...]:
    """Pair the sentences of two articles into blocks covering every non-space character."""
    l0, l1 = _trim(left.text)
    r0, r1 = _trim(right.text)
    ops = word_ops(left.text[l0:l1], right.text[r0:r1])
    return (Block(BlockKind.CHANGED, (l0, l1), (r0, r1), ops),)


def _trim(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())
