"""Loaded wording one side has and its aligned counterpart lacks.

``lexicons.find_loaded`` says which words are loaded (emotive, pejorative,
intensifying, figurative verbs of saying and acting, labels, generalisations
over groups of people, scare quotes);
this module keeps those the other side does not share. Inside a paired
block only the edited words are read, and a loaded word the other side's
passage also has (moved within the sentence) is no finding. A passage only one
side has is read whole. Words inside quotations are somebody else's: a changed
quotation is the quotation detector's finding, not the writer's wording.
"""

from __future__ import annotations

import re

from reader.core.article import Span
from reader.core.results.comparison import BlockKind
from reader.core.spin.context import Change, Finding, FindingKind, Side, SpinContext, other_side
from reader.core.spin.lexicons import LoadedWord, find_loaded

_BASE, _SPAN = 0.4, 0.45  # weight = _BASE + _SPAN * the lexicon's score (0..1)
_WORD = re.compile(r"\w+")


def find(ctx: SpinContext) -> list[Finding]:
    """Loaded words added (right) or dropped (left) relative to the aligned text."""
    return outside_quotations(ctx, candidates(ctx))


def candidates(ctx: SpinContext) -> list[tuple[Finding, bool]]:
    """``find``'s findings before quotations are known, each with whether one inside a
    quotation is dropped (every loaded word but a scare quote): reads no quotation."""
    found: list[tuple[Finding, bool]] = []
    for edit in ctx.edits:
        block = ctx.blocks[edit.block]
        assert block.left is not None and block.right is not None
        if edit.right is not None:
            found += _findings(ctx, "right", edit.right, Change.ADDED, block.left, edit.left)
        if edit.left is not None:
            found += _findings(ctx, "left", edit.left, Change.DROPPED, block.right, edit.right)
    for block in ctx.blocks:
        if block.kind is BlockKind.ADDED and block.right is not None:
            found += _findings(ctx, "right", block.right, Change.ADDED, None, None)
        elif block.kind is BlockKind.OMITTED and block.left is not None:
            found += _findings(ctx, "left", block.left, Change.DROPPED, None, None)
    return found


def outside_quotations(ctx: SpinContext, found: list[tuple[Finding, bool]]) -> list[Finding]:
    """The ``candidates`` that stay once the quotation pairs are in ``ctx``."""
    return [f for f, quotable in found if not (quotable and ctx.quoted(f.side, f.start))]


def _findings(
    ctx: SpinContext,
    side: Side,
    span: Span,
    change: Change,
    other_passage: Span | None,
    replaced: Span | None,
) -> list[tuple[Finding, bool]]:
    text = ctx.text(side)
    words = find_loaded(text, span[0], span[1])
    if not words:
        return []
    other = other_side(side)
    shared = ctx.words(other, other_passage) if other_passage is not None else frozenset()
    counterpart = replaced or other_passage
    out = []
    for word in words:
        written = text[word.start : word.end]
        if other_passage is not None and all(w in shared for w in _WORD.findall(written.lower())):
            continue  # the other passage says it too: moved within it, not added or dropped
        finding = Finding(
            FindingKind.LOADED,
            change,
            side,
            word.start,
            word.end,
            f"{word.category} {change.value}: {written}",
            _BASE + _SPAN * word.score,
            counterpart,
        )
        # Words inside a quotation are the speaker's; a scare quote is the writer's.
        out.append((finding, word.category != "scare quote"))
    return out


__all__ = ["LoadedWord", "candidates", "find", "outside_quotations"]
