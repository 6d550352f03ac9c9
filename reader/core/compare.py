"""The engine's entry point: compare two articles into a ``Comparison``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from reader.core import align as align_mod
from reader.core import offload
from reader.core.article import Article
from reader.core.comparison import Block, BlockKind, Comparison, QuotePair, QuoteStatus, Summary
from reader.core.errors import Cancelled
from reader.core.gc_pause import gc_paused
from reader.core.worddiff import DELETE, EQUAL, INSERT

ProgressCallback = Callable[[float, str], None]

# A kept run of this many words is copy-paste rather than shared vocabulary.
VERBATIM_WORDS = 6


def compare(
    left: Article,
    right: Article,
    *,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    parallel: bool = True,
) -> Comparison:
    """Align, diff and pair the quotations of two articles.

    A pure function, safe to run in a worker thread. ``progress(fraction, stage)``
    is called every few hundred sentences; when ``should_cancel()`` turns true the
    call stops at the next such point by raising ``Cancelled``.

    With ``parallel``, a big pair's quotations are found and paired in a second
    process while this one aligns, and that process then shares the word diffs
    (see ``offload``); the result is the same either way.
    As with any multiprocessing, a script calling this at import time must
    guard its entry point with ``if __name__ == "__main__":``, since the worker
    process imports the main module.
    """

    def step(fraction: float, stage: str) -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        if progress is not None:
            progress(fraction, stage)

    with gc_paused():
        step(0.0, "aligning")
        # Quotations need no alignment: a big pair's are found and paired in the
        # worker meanwhile, which then takes a share of the word diffs.
        helper = offload.start(left, right, parallel=parallel)
        try:
            blocks = align_mod.align(
                left, right, tick=lambda f: step(0.8 * f, "aligning"), diff=helper.word_ops
            )
            step(0.8, "finding quotations")
            quote_pairs = helper.quote_pairs()
        finally:
            helper.close()
        step(1.0, "done")
        return Comparison(left, right, blocks, quote_pairs, summarize(blocks, quote_pairs))


def summarize(blocks: tuple[Block, ...], quote_pairs: tuple[QuotePair, ...]) -> Summary:
    """Count kept, added, omitted and moved characters (spaces not counted)."""
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
    )


def _by_value(counts: Counter[BlockKind] | Counter[QuoteStatus]) -> dict[str, int]:
    return {member.value: n for member, n in counts.items()}


__all__ = ["compare", "summarize", "BlockKind"]
