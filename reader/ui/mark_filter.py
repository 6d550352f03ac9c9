"""Which marks to show, given the preferences: moved marks on or off, and changes that
are only capitalisation or punctuation left unmarked.

A view-level filter over ``core.marks``: the comparison (and its JSON, summary and
report) still counts every change; the window only stops colouring the ones the
reader chose to ignore.
"""

from __future__ import annotations

import re

from reader.core.results.comparison import BlockKind, Comparison
from reader.core.results.marks import Mark, MarkKind, side_marks
from reader.core.worddiff import DELETE, EQUAL, INSERT
from reader.ui.preferences import Preferences

_PUNCTUATION = re.compile(r"[^\w\s]+")


def visible_marks(comparison: Comparison, side: str, prefs: Preferences) -> list[Mark]:
    """``side_marks`` less what ``prefs`` says not to show."""
    return filter_marks(side_marks(comparison, side), comparison, side, prefs)


def filter_marks(
    marks: list[Mark], comparison: Comparison, side: str, prefs: Preferences
) -> list[Mark]:
    """``marks`` (the comparison's ``side_marks`` of ``side``) less what ``prefs`` hides."""
    if not prefs.show_moved:
        marks = [m for m in marks if m.kind is not MarkKind.MOVED]
    if not (prefs.ignore_case or prefs.ignore_punctuation):
        return marks
    hidden, quiet_blocks = _ignorable(comparison, side, prefs)
    return [
        m
        for m in marks
        if (m.start, m.end) not in hidden
        and not (m.kind is MarkKind.CHANGED and m.block in quiet_blocks)
    ]


def _normal(text: str, prefs: Preferences) -> str:
    if prefs.ignore_punctuation:
        text = _PUNCTUATION.sub("", text)
    if prefs.ignore_case:
        text = text.lower()
    return " ".join(text.split())


def _ignorable(
    comparison: Comparison, side: str, prefs: Preferences
) -> tuple[set[tuple[int, int]], set[int]]:
    """Spans of ``side``'s edit ops that differ only as ignored, and blocks with nothing else."""
    own = DELETE if side == "left" else INSERT
    hidden: set[tuple[int, int]] = set()
    quiet: set[int] = set()
    for index, block in enumerate(comparison.blocks):
        if block.kind is not BlockKind.CHANGED:
            continue
        span = block.left if side == "left" else block.right
        assert span is not None
        left = "".join(op.text for op in block.ops if op.tag in (EQUAL, DELETE))
        right = "".join(op.text for op in block.ops if op.tag in (EQUAL, INSERT))
        whole = _normal(left, prefs) == _normal(right, prefs)
        if whole:
            quiet.add(index)
        pos = span[0]
        ops = block.ops
        for k, op in enumerate(ops):
            if op.tag not in (EQUAL, own):
                continue
            end = pos + len(op.text)
            if op.tag == own:
                partner = ""
                for j in (k - 1, k + 1):  # a "-" next to a "+" is one replacement
                    if 0 <= j < len(ops) and ops[j].tag not in (EQUAL, own):
                        partner = ops[j].text
                if whole or _normal(op.text, prefs) == _normal(partner, prefs):
                    hidden.add((pos, end))
            pos = end
    return hidden, quiet
