"""Find and pair a big pair's quotations in a second process while this one aligns.

Quotation finding and pairing read only each article's text and paragraphs,
never the alignment, so on a machine with two cores they can run beside it: on
a 3 MB pair that takes their ~1 s off the engine's time. One worker process is
started on the first big comparison and kept for the next ones (its cold start
is ~0.1 s, so small pairs, which take milliseconds, stay in this process).

The worker is forked from a fresh, single-threaded server process
(``forkserver``; ``spawn`` where there is none), never from the caller, which
may be a GUI with threads of its own; it imports only the engine. Anything that
goes wrong with it (no process can be started, it died, a result cannot be
sent back) makes ``QuoteJob.result`` do the work here instead: the caller gets
the same answer, only later.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor

from reader.core.article import Article
from reader.core.comparison import QuotePair
from reader.core.gc_pause import gc_paused
from reader.core.quotes import quote_pairs

# Articles of this many characters together are worth a second process.
MIN_CHARS = 200_000

_lock = threading.Lock()
_executor: ProcessPoolExecutor | None = None

QuotePairs = tuple[QuotePair, ...]


class QuoteJob:
    """The paired quotations of a pair, being found in the worker process (or here)."""

    def __init__(self, left: Article, right: Article, future: Future[QuotePairs] | None):
        self._left, self._right, self._future = left, right, future

    def result(self) -> QuotePairs:
        """Wait for the quotation pairs; computed here if there is no worker or it failed."""
        if self._future is not None:
            try:
                return self._future.result()
            except Exception:  # noqa: BLE001 - any worker failure: compute it here instead
                _discard_executor()
        return quote_pairs(self._left, self._right)

    def cancel(self) -> None:
        """Drop the job: the worker skips it if it has not started it yet."""
        if self._future is not None:
            self._future.cancel()


def quotations(left: Article, right: Article, *, parallel: bool = True) -> QuoteJob:
    """Start finding and pairing the quotations: in the worker for a big pair, else on ``result``.

    ``parallel=False`` (or a one-core machine) keeps all the work in this process.
    """
    big = len(left.text) + len(right.text) >= MIN_CHARS
    if not (parallel and big and (os.cpu_count() or 1) > 1):
        return QuoteJob(left, right, None)
    try:
        future = _get_executor().submit(
            _quote_pairs, left.text, left.paragraphs, right.text, right.paragraphs
        )
    except Exception:  # noqa: BLE001 - no worker to be had: the job runs here
        _discard_executor()
        future = None
    return QuoteJob(left, right, future)


def _quote_pairs(
    left_text: str,
    left_paragraphs: tuple[tuple[int, int], ...],
    right_text: str,
    right_paragraphs: tuple[tuple[int, int], ...],
) -> QuotePairs:
    # Runs in the worker. Only what quotations are found and paired from is
    # sent: the text and paragraphs, not the sentence spans.
    left = Article(text=left_text, paragraphs=left_paragraphs)
    right = Article(text=right_text, paragraphs=right_paragraphs)
    with gc_paused():
        return quote_pairs(left, right)


def _get_executor() -> ProcessPoolExecutor:
    global _executor
    with _lock:
        if _executor is None:
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context(
                "forkserver" if "forkserver" in methods else "spawn"
            )
            if context.get_start_method() == "forkserver":
                # The server imports the engine once, and not the caller's main
                # module (the default), which may be a test runner or the GUI.
                context.set_forkserver_preload(["reader.core.offload"])
            _executor = ProcessPoolExecutor(max_workers=1, mp_context=context)
        return _executor


def _discard_executor() -> None:
    global _executor
    with _lock:
        executor, _executor = _executor, None
    if executor is not None:
        executor.shutdown(wait=False, cancel_futures=True)


def worker_pids() -> list[int]:
    """Process ids of the running worker (none before the first big pair), for measurements."""
    with _lock:
        processes = getattr(_executor, "_processes", None) or {}
        return list(processes)


def shutdown() -> None:
    """Stop the worker process (also done at exit)."""
    _discard_executor()


atexit.register(shutdown)
