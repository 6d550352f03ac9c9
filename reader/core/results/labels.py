"""What kinds and statuses are called for people: the one table every view and report reads.

Pure Python, no Qt. The window passes these words through Qt's ``tr()``; the
report and the terminal print them as they are. Labels are lower case, as they
read inside a sentence; ``capitalised()`` gives the form that starts one.
"""

from __future__ import annotations

from reader.core.results.comparison import BlockKind, Change, FindingKind, QuoteStatus
from reader.core.results.marks import MarkKind

QUOTE_STATUS = {
    QuoteStatus.VERBATIM: "verbatim",
    QuoteStatus.ALTERED: "altered",
    QuoteStatus.TRUNCATED: "truncated",
    QuoteStatus.MERGED: "merged",
    QuoteStatus.SPLIT: "split",
    QuoteStatus.ONLY_LEFT: "only in original",
    QuoteStatus.ONLY_RIGHT: "only in rewrite",
}

# A block, as the where-am-I label and the link map's tooltips name it.
BLOCK_KIND = {
    BlockKind.SAME: "unchanged",
    BlockKind.CHANGED: "reworded",
    BlockKind.ADDED: "added in the rewrite",
    BlockKind.OMITTED: "left out of the rewrite",
}
MOVED = "moved"

# A mark, in full (a mark's tooltip) and in one word (the legends).
MARK_KIND = {
    MarkKind.ADDED: "added in the rewrite",
    MarkKind.OMITTED: "left out of the rewrite",
    MarkKind.CHANGED: "sentence reworded",
    MarkKind.MOVED: "moved to another place",
}
MARK_WORD = {
    MarkKind.ADDED: "added",
    MarkKind.OMITTED: "omitted",
    MarkKind.CHANGED: "reworded",
    MarkKind.MOVED: MOVED,
}

# A change in meaning: its kind as a group of the spin panel, the report and the
# terminal name it ("Loaded wording (7)"), what happened to the words, and a
# glyph for that, so the change never rests on colour alone.
FINDING_KIND = {
    FindingKind.LOADED: "loaded wording",
    FindingKind.FACT: "facts",
    FindingKind.ATTRIBUTION: "attribution",
    FindingKind.QUOTE: "quotations",
    FindingKind.OMISSION: "passages dropped or added",
}
CHANGE = {
    Change.ADDED: "added",
    Change.DROPPED: "dropped",
    Change.CHANGED: "changed",
}
CHANGE_GLYPH = {
    Change.ADDED: "+",
    Change.DROPPED: "−",
    Change.CHANGED: "≠",
}
FINDING = "change in meaning"
FINDINGS = "changes in meaning"


def capitalised(label: str) -> str:
    """``label`` with its first letter upper case ("only in original" -> "Only in original")."""
    return label[:1].upper() + label[1:]


def findings_count(count: int) -> str:
    """ "1 change in meaning", "16 changes in meaning"."""
    return f"{count} {FINDING if count == 1 else FINDINGS}"


__all__ = [
    "BLOCK_KIND",
    "CHANGE",
    "CHANGE_GLYPH",
    "FINDING",
    "FINDINGS",
    "FINDING_KIND",
    "MARK_KIND",
    "MARK_WORD",
    "MOVED",
    "QUOTE_STATUS",
    "capitalised",
    "findings_count",
]
