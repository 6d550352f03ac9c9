"""Find a big pair's quotations in a second process while this one aligns.

Quotation finding and pairing read only each article's text and paragraphs,
never the alignment, so on a machine with two cores they run beside it:
``compare(..., parallel=True)`` sends them here, aligns, then collects them.
Measured on this project's 2-core machines (benchmarks/README.md): 300 KB 0.10
against 0.16 s in one process, 3 MB 1.2-1.5 against 2.1 s. Sharing the word diffs
with the worker as well gained nothing above noise, so the worker does the
quotations only and alignment knows nothing of it. One worker process is started
on the first big comparison and kept for the next ones (its cold start is ~0.1 s,
so small pairs, which take milliseconds, stay in this process).

The worker is forked from a fresh, single-threaded server process
(``forkserver``; ``spawn`` where there is none), never from the caller, which
may be a GUI with threads of its own; it imports only the engine. It talks over
one pipe, written and read by the calling thread itself: a pool's helper
threads would each wait for the interpreter lock that the aligning thread
holds, and that delayed a 300 KB pair's quotations by some 30 ms. Anything that
goes wrong with it (no process can be started, it died, a result cannot be
sent back) makes the job run here instead: the caller gets the same answer,
only later.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from reader.core.article import Article
from reader.core.gc_pause import gc_paused
from reader.core.quotes.pairing import quote_pairs
from reader.core.results.comparison import QuotePair

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

# Articles of this many characters together are worth a second process.
MIN_CHARS = 200_000

QuotePairs = tuple[QuotePair, ...]


class _Worker:
    """The worker process and this side of its pipe; one job at a time."""

    def __init__(self) -> None:
        # Imported here: multiprocessing costs ~80 ms at start, and most runs
        # (small pairs, the sample) never start a worker.
        import multiprocessing

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        if context.get_start_method() == "forkserver":
            # The server imports the engine once, and not the caller's main
            # module (the default), which may be a test runner or the GUI.
            context.set_forkserver_preload(["reader.core.offload"])
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve, args=(child,), name="article-reader-quotations", daemon=True
        )
        try:
            self.process.start()
        finally:
            child.close()
        self.busy = False  # a job holds it: sent, and its reply not yet read
        self.abandoned = 0  # replies of cancelled jobs still to be read and dropped

    def take(self) -> bool:
        """Whether it is free for a new job: not held, no reply of an old one still coming."""
        while self.abandoned:
            if self.busy or not self.conn.poll():
                return False  # still working on a cancelled job: not worth waiting for
            self.conn.recv()
            self.abandoned -= 1
        if self.busy:
            return False
        self.busy = True
        return True

    def close(self) -> None:
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=1)


def _serve(conn: Connection) -> None:
    """The worker's loop: run each ``(function, args)`` received, send back ``(ok, value)``."""
    while True:
        try:
            function, args = conn.recv()
        except (EOFError, OSError):
            return  # the engine's side closed the pipe: exit
        try:
            reply: tuple[bool, Any] = (True, function(*args))
        except Exception as error:  # noqa: BLE001 - reported to the caller, which redoes the work
            reply = (False, f"{type(error).__name__}: {error}")
        conn.send(reply)


_lock = threading.Lock()
_worker: _Worker | None = None


def _acquire() -> _Worker | None:
    """The worker, started if need be and held for one job; None if busy or impossible."""
    global _worker
    with _lock:
        try:
            if _worker is None:
                _worker = _Worker()
            return _worker if _worker.take() else None
        except Exception:  # noqa: BLE001 - no worker to be had: the job runs here
            _discard_locked()
            return None


def _release(worker: _Worker, *, abandoned: int = 0) -> None:
    with _lock:
        worker.busy = False
        worker.abandoned += abandoned


def _discard(worker: _Worker) -> None:
    with _lock:
        if worker is _worker:
            _discard_locked()
        else:
            worker.close()


def _discard_locked() -> None:
    global _worker
    worker, _worker = _worker, None
    if worker is not None:
        worker.close()


class Job:
    """One call sent to the worker, or run here when there is none: ``result()`` gives its value.

    Without a worker (small pair, ``parallel=False``, worker busy or broken) or
    when the worker fails, ``result()`` calls ``here`` (the function itself
    unless told otherwise) in this process.
    """

    def __init__(
        self,
        function: Callable[..., Any],
        args: tuple[Any, ...],
        worker: _Worker | None,
        *,
        here: Callable[..., Any] | None = None,
    ):
        self._here, self._args, self._worker = here or function, args, worker
        if worker is not None:
            try:
                worker.conn.send((function, args))
            except Exception:  # noqa: BLE001 - the worker is gone: the work is done here
                self._fail()

    @property
    def offloaded(self) -> bool:
        """Whether the worker is doing the call."""
        return self._worker is not None

    def result(self) -> Any:
        """The call's value: the worker's reply (waited for), or computed here."""
        worker = self._worker
        if worker is not None:
            try:
                ok, value = worker.conn.recv()
            except Exception:  # noqa: BLE001 - died, or an unreadable reply: redo it here
                self._fail()
            else:
                self._worker = None
                _release(worker)
                if ok:
                    return value
        return self._here(*self._args)

    def close(self) -> None:
        """Let the worker go (done, failed or cancelled): a reply still to come is dropped."""
        worker, self._worker = self._worker, None
        if worker is not None:
            _release(worker, abandoned=1)

    def _fail(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            _discard(worker)


def quote_pairs_job(left: Article, right: Article, *, parallel: bool = True) -> Job:
    """Start finding and pairing the quotations of a big pair in the worker.

    ``parallel=False``, a small pair, no free core (one usable core, as on a
    one-core machine or under ``taskset``, or cores kept busy by other work: a
    second process then only takes turns with this one) or a worker still busy
    with another comparison keep the work in this process (at ``result()``).
    """
    args = (left.text, left.paragraphs, right.text, right.paragraphs)
    big = len(left.text) + len(right.text) >= MIN_CHARS
    worker = _acquire() if parallel and big and _core_free() else None
    return Job(_quote_pairs, args, worker)


def _core_free() -> bool:
    """Whether a core besides this process's own is free for the worker.

    Two usable cores, and a load (the last minute's average of runnable
    processes, this one included) that leaves half of one idle. Measured
    (benchmarks/README.md): the worker gains 1.6-1.7x on two free cores, and
    loses on one core or on two that other work keeps busy (300 KB: 1.7 s
    against 1.0 s in one process, pinned to one core).
    """
    cores = usable_cores()
    if cores < 2:
        return False
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average on this platform
        return True
    return cores - load >= 0.5


def usable_cores() -> int:
    """The cores this process may run on: ``taskset``, cgroups' cpusets and the like count."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # no affinity on this platform
        return os.cpu_count() or 1


def _quote_pairs(
    left_text: str,
    left_paragraphs: tuple[tuple[int, int], ...],
    right_text: str,
    right_paragraphs: tuple[tuple[int, int], ...],
) -> QuotePairs:
    # Only what quotations are found and paired from is sent: the text and
    # paragraphs, not the sentence spans.
    left = Article(text=left_text, paragraphs=left_paragraphs)
    right = Article(text=right_text, paragraphs=right_paragraphs)
    with gc_paused():
        return quote_pairs(left, right)


def run_in_worker(function: Callable[..., Any], *args: Any) -> Any:
    """Run ``function(*args)`` in the worker process and return its value (for tests and tools).

    Raises ``RuntimeError`` if there is no free worker or the call failed there.
    """
    worker = _acquire()
    if worker is None:
        raise RuntimeError("no free worker process")

    def failed(*_: Any) -> Any:
        raise RuntimeError("the call failed in the worker process")

    return Job(function, args, worker, here=failed).result()


def worker_pids() -> list[int]:
    """Process ids of the running worker (none before the first big pair), for measurements."""
    with _lock:
        if _worker is None or _worker.process.pid is None:
            return []
        return [_worker.process.pid]


def shutdown() -> None:
    """Stop the worker process (also done at exit)."""
    with _lock:
        _discard_locked()


atexit.register(shutdown)
