"""Passages one side has and the other lacks, weighed by what they carry.

A dropped paragraph that held a figure, a name, a quotation or a source is
context the reader of the rewrite no longer gets; an added one with such things
makes claims of its own. Length alone says little (a dropped transition is
long and empty), so a passage is a finding only when it carries something, and
weighs by what: figures and dates, names, quotations, sources. Passages are
whole added or omitted blocks, and long runs of words dropped or added inside a
paired block with little in their place ("said Guerra, who was among those who
walked out of the meeting").
"""

from __future__ import annotations

import bisect
import re

from reader.core.article import Span
from reader.core.results.comparison import BlockKind
from reader.core.spin.context import (
    Change,
    Finding,
    FindingKind,
    Side,
    SpinContext,
    other_side,
    spans_matching,
)
from reader.core.spin.fact_mentions import MONTHS, WEEKDAYS
from reader.core.spin.sourcing import SOURCE_WORDS, source_phrases

_AROUND_MAX = 6_000  # characters of the other side read around a one-sided passage
MIN_WORDS = 8  # a run inside a paired block shorter than this is rewording, not a passage
_REPLACED_MAX = 3  # ... and so is one replaced by more than this many words

# Cheap signs of what a passage carries, to decide whether it is worth showing and
# how much it weighs; the fact detector reads the facts themselves.
_FIGURE = re.compile(
    r"[0-9][0-9,.]*%?|\b(?:percent|million|billion|thousand|hundred|dozen)\b|\b(?:"
    + "|".join(name.capitalize() for name in (*MONTHS, *WEEKDAYS) if len(name) > 3)
    + r")\b"
)
# Capitalised words after a word of the sentence (so not opening it): a name.
_NAME = re.compile(r"(?<=[a-z,;:] )[A-Z][\w'’.-]+(?:\s+(?:of\s+|the\s+)?[A-Z][\w'’.-]+)*")
# What _FIGURE or a source phrase needs (see sourcing.SOURCE_WORDS): the prefilter.
_DIGIT = re.compile(r"[0-9]")  # not \d: a category is many times slower to scan
_CARRIES = frozenset(
    {"percent", "million", "billion", "thousand", "hundred", "dozen"}
    | {name for name in (*MONTHS, *WEEKDAYS) if len(name) > 3}
    | SOURCE_WORDS
)
_WORDS = re.compile(r"\w+")
_CAPITAL = re.compile(r"\b[A-Z]")


def find(ctx: SpinContext) -> list[Finding]:
    """Dropped and added passages that carry figures, names, quotations or sources."""
    found: list[Finding] = []
    unpaired = _unpaired_quotations(ctx)
    seen: dict[tuple[Side, Span], tuple[set[str], set[str]]] = {}
    blocks = ctx.blocks
    # Every passage that may be a finding, in order: (side, span, block or edit, whole).
    todo: list[tuple[Side, Span, int | Span | None, bool]] = []
    for i, block in enumerate(blocks):
        if block.kind is BlockKind.OMITTED and block.left is not None:
            todo.append(("left", block.left, i, True))
        elif block.kind is BlockKind.ADDED and block.right is not None:
            todo.append(("right", block.right, i, True))
    for edit in ctx.edits:
        block = blocks[edit.block]
        for side, span, replaced, passage in (
            ("left", edit.left, edit.right, block.right),
            ("right", edit.right, edit.left, block.left),
        ):
            # MIN_WORDS words have MIN_WORDS - 1 spaces between them: shorter spans are not.
            if span is None or span[1] - span[0] < 2 * MIN_WORDS - 1:
                continue
            if _count(ctx, side, span) < MIN_WORDS:
                continue
            if replaced is not None and _count(ctx, other_side(side), replaced) > _REPLACED_MAX:
                continue
            todo.append((side, span, passage, False))
    # Most passages carry no figure, quotation or source: one pass over each side's
    # passages joined finds those that may, and only they are read closely.
    carries = {
        side: spans_matching(
            ctx.text(side), [t[1] if t[0] == side else None for t in todo], _DIGIT, _CARRIES
        )
        for side in ("left", "right")
    }
    paired: list[int] | None = None  # the paired blocks' indexes, when first needed
    for k, (side, span, where, whole) in enumerate(todo):
        if k not in carries[side] and not _holds_quotation(unpaired[side], span):
            continue
        if whole:
            assert isinstance(where, int)
            if paired is None:
                paired = [i for i, b in enumerate(blocks) if b.left and b.right]
            # The nearest paired blocks before and after this one.
            j = bisect.bisect_left(paired, where)
            before = paired[j - 1] if j > 0 else None
            after = paired[j] if j < len(paired) else None
            counterpart = _around(ctx, before, after, other_side(side))
        else:
            assert not isinstance(where, int)
            counterpart = where
        found += _passage(ctx, side, span, counterpart, unpaired, seen, whole=whole)
    return found


def _holds_quotation(starts: list[int], span: Span) -> bool:
    k = bisect.bisect_left(starts, span[0])
    return k < len(starts) and starts[k] < span[1]


def _passage(
    ctx: SpinContext,
    side: Side,
    span: Span,
    counterpart: Span | None,
    unpaired: dict[str, list[int]],
    seen: dict[tuple[Side, Span], tuple[set[str], set[str]]],
    *,
    whole: bool,
) -> list[Finding]:
    text = ctx.text(side)
    start, end = _trim(text, span)
    if end <= start:
        return []
    # What the passage itself carries first: most carry nothing, and then the other
    # side (up to _AROUND_MAX characters of it) need not be read at all.
    own_figures = set(_FIGURE.findall(text, start, end))
    starts = unpaired[side]
    k = bisect.bisect_left(starts, start)
    quoted = k < len(starts) and starts[k] < end  # a quotation the other article lacks
    phrases = source_phrases(ctx, side, (start, end))
    if not (own_figures or quoted or phrases):
        return []
    # What the aligned passage also has was moved or reworded, not dropped or added.
    other = ""
    other_figures: set[str] = set()
    other_names: set[str] = set()
    if counterpart is not None:
        other = ctx.text(other_side(side))[counterpart[0] : counterpart[1]]
        if not whole and _moved_within(text[start:end], ctx.words(other_side(side), counterpart)):
            return []
        # Read once per region: one-sided passages in a row share the same surroundings.
        key = (other_side(side), counterpart)
        if key not in seen:
            seen[key] = (set(_FIGURE.findall(other)), {m.rstrip(".") for m in _NAME.findall(other)})
        other_figures, other_names = seen[key]
    figures = len(own_figures - other_figures)
    sources = len([s for s in phrases if s[2] not in other])
    # Names alone do not make a finding: a rough count of capitalised words is no
    # evidence that a fact went missing (the fact detector reads names properly).
    if not (figures or quoted or sources):
        return []
    names = 0
    found_names = {m.rstrip(".") for m in _NAME.findall(text, start, end)} - other_names
    if found_names and not _title_case(text, start, end):  # a Title Case headline: all capitals
        names = len(found_names)
    carried = []
    if figures:
        carried.append(_plural(figures, "figure or date", "figures or dates"))
    if names:
        carried.append(_plural(names, "name", "names"))
    if quoted:
        carried.append("a quotation")
    if sources:
        carried.append(_plural(sources, "source", "sources"))
    weight = (
        0.3
        + 0.08 * min(figures, 4)
        + 0.04 * min(names, 4)
        + (0.2 if quoted else 0.0)
        + 0.12 * min(sources, 2)
    )
    change = Change.DROPPED if side == "left" else Change.ADDED
    what = ("passage" if whole else "clause") + (" dropped" if side == "left" else " added")
    why = f"{what}, with {_and(carried)}"
    # A whole passage has no counterpart: what stood around it only filtered its contents.
    shown = None if whole else counterpart
    return [Finding(FindingKind.OMISSION, change, side, start, end, why, min(weight, 0.9), shown)]


def _around(ctx: SpinContext, before: int | None, after: int | None, other: Side) -> Span | None:
    """The other side's text between the paired blocks before and after a one-sided passage.

    Where a passage only one side has stood, the other side may say the same in
    other words: its names and figures there are not what the passage adds.
    None when the neighbours are far apart there (one of them moved, or an
    article's start or end): reading that far would make the cost quadratic.
    """
    spans = [ctx.blocks[i].left if other == "left" else ctx.blocks[i].right
             for i in (before, after) if i is not None]  # fmt: skip
    start = spans[0][0] if before is not None and spans else 0
    end = spans[-1][1] if after is not None and spans else len(ctx.text(other))
    return (start, end) if 0 < end - start <= _AROUND_MAX else None


def _unpaired_quotations(ctx: SpinContext) -> dict[str, list[int]]:
    """Per side, the sorted starts of the quotations the other article lacks."""
    starts: dict[str, list[int]] = {"left": [], "right": []}
    for pair in ctx.quote_pairs:
        if not pair.right:
            starts["left"].extend(q.start for q in pair.left)
        elif not pair.left:
            starts["right"].extend(q.start for q in pair.right)
    return {side: sorted(found) for side, found in starts.items()}


def _moved_within(passage: str, theirs: frozenset[str]) -> bool:
    """Whether most of the passage's content words are in the other passage (reordered)."""
    words = [w for w in _WORDS.findall(passage.lower()) if len(w) > 3]
    return bool(words) and sum(w in theirs for w in words) >= 0.5 * len(words)


def _title_case(text: str, start: int, end: int) -> bool:
    words = text.count(" ", start, end) + 1
    return words > 2 and len(_CAPITAL.findall(text, start, end)) > 0.6 * words


def _count(ctx: SpinContext, side: Side, span: Span) -> int:
    """About how many words ``span`` holds (its spaces, counted in C, plus one)."""
    return ctx.text(side).count(" ", span[0], span[1]) + 1


def _trim(text: str, span: Span) -> Span:
    """The span without the spaces and punctuation at its ends."""
    start, end = span
    while start < end and not text[start].isalnum() and text[start] not in "“\"'‘(":
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "”\"'’).!?":
        end -= 1
    return start, end


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
