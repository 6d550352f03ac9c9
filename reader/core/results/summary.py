"""The summary of a comparison: characters kept, added, omitted and moved, and counts by kind."""

from __future__ import annotations

from collections import Counter

from reader.core.results.comparison import (
    Block,
    BlockKind,
    Finding,
    FindingKind,
    QuotePair,
    QuoteStatus,
    Summary,
)
from reader.core.results.inner_moves import block_moves
from reader.core.worddiff import DELETE, EQUAL, INSERT, side_text

# A kept run of this many words is copy-paste rather than shared vocabulary.
VERBATIM_WORDS = 6


def summarize(
    blocks: tuple[Block, ...],
    quote_pairs: tuple[QuotePair, ...],
    findings: tuple[Finding, ...] = (),
) -> Summary:
    """Count kept, added, omitted and moved characters (spaces not counted).

    Words the rewrite moved within their block (``inner_moves``) count as kept
    and moved, not as omitted and added.
    """
    counts = {EQUAL: 0, DELETE: 0, INSERT: 0}
    moved = verbatim = 0
    for block in blocks:
        is_moved = block.moved
        for tag, text in block.ops:
            if text.isprintable():  # no space but " ": counted without splitting into words
                n = len(text) - text.count(" ")
                long_run = (
                    tag == EQUAL and len(text.split(None, VERBATIM_WORDS - 1)) == VERBATIM_WORDS
                )
            else:
                words = text.split()
                n = sum(map(len, words))  # characters other than spaces
                long_run = tag == EQUAL and len(words) >= VERBATIM_WORDS
            counts[tag] += n
            if is_moved and tag != DELETE:
                moved += n
            if long_run:
                verbatim += n
        moves = block_moves(block)
        if moves:
            assert block.right is not None  # only paired blocks have moves
            right = side_text(block.ops, "right")
            for move in moves:
                words = right[move.right_start - block.right[0] : move.right_end - block.right[0]]
                parts = words.split()
                n = sum(map(len, parts))  # the same words: as many characters each side
                counts[DELETE] -= n
                counts[INSERT] -= n
                counts[EQUAL] += n
                if not is_moved:  # a moved block's right side is counted moved already
                    moved += n
                if len(parts) >= VERBATIM_WORDS:
                    verbatim += n
    return Summary(
        left_chars=counts[EQUAL] + counts[DELETE],
        right_chars=counts[EQUAL] + counts[INSERT],
        kept_left_chars=counts[EQUAL],
        kept_right_chars=counts[EQUAL],
        added_chars=counts[INSERT],
        omitted_chars=counts[DELETE],
        moved_chars=moved,
        verbatim_chars=verbatim,
        # Counted by member, then named: an enum's ``.value`` costs a lookup per block.
        blocks_by_kind=_by_value(Counter(b.kind for b in blocks)),
        quotes_by_status=_by_value(Counter(p.status for p in quote_pairs)),
        findings=_findings_by_kind(findings),
    )


def _by_value(counts: Counter[BlockKind] | Counter[QuoteStatus]) -> dict[str, int]:
    return {member.value: n for member, n in counts.items()}


def _findings_by_kind(findings: tuple[Finding, ...]) -> dict[str, dict[str, int]]:
    """Counts by kind then change, every kind present (zero counts left out), in list order."""
    counts = Counter((f.kind, f.change) for f in findings)
    return {
        kind.value: {change.value: n for (k, change), n in sorted(counts.items()) if k is kind}
        for kind in FindingKind
    }
