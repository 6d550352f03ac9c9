"""The engine's entry point: compare two articles into a ``Comparison``."""

from __future__ import annotations

from collections.abc import Callable

from reader.core import offload
from reader.core.align.aligner import align
from reader.core.article import Article
from reader.core.errors import Cancelled
from reader.core.gc_pause import gc_paused
from reader.core.results.comparison import Comparison
from reader.core.results.summary import summarize
from reader.core.spin.context import SpinContext
from reader.core.spin.stage import before_quotes, find_spin

ProgressCallback = Callable[[float, str], None]


def compare(
    left: Article,
    right: Article,
    *,
    progress: ProgressCallback | None = None,
    should_cancel: Callable[[], bool] | None = None,
    parallel: bool = False,
) -> Comparison:
    """Align, diff and pair the quotations of two articles, then find what changed in meaning.

    A pure function, safe to run in a worker thread. ``progress(fraction, stage)``
    is called every few hundred sentences; when ``should_cancel()`` turns true the
    call stops at the next such point by raising ``Cancelled``.

    With ``parallel``, a big pair's quotations are found and paired in a second
    process while this one aligns (see ``offload``); the result is the same
    either way. The command line and the window ask for it; a script that does
    must, as with any multiprocessing, keep its work under
    ``if __name__ == "__main__":`` (where processes are spawned, the worker
    imports the main module).
    """

    def step(fraction: float, stage: str) -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        if progress is not None:
            progress(fraction, stage)

    with gc_paused():
        step(0.0, "aligning")
        # Quotations need no alignment: a big pair's are found and paired in the
        # worker meanwhile.
        quotes = offload.quote_pairs_job(left, right, parallel=parallel)
        try:
            blocks = align(left, right, tick=lambda f: step(0.8 * f, "aligning"))
            ctx = SpinContext(left, right, blocks, ())
            # Quotation-dense text keeps the worker busy after the alignment: what
            # the spin detectors can do without quotations fills the wait.
            step(0.8, "finding changes in meaning")
            begun = before_quotes(ctx)
            step(0.85, "finding quotations")
            quote_pairs = quotes.result()
        finally:
            quotes.close()
        step(0.9, "finding changes in meaning")
        ctx.set_quote_pairs(quote_pairs)
        findings = find_spin(ctx, begun)
        step(1.0, "done")
        summary = summarize(blocks, quote_pairs, findings)
        return Comparison(left, right, blocks, quote_pairs, summary, findings)


__all__ = ["compare"]
