"""Share a big comparison with a second process: its quotations, then word diffs.

Quotation finding and pairing read only each article's text and paragraphs,
never the alignment, so on a machine with two cores they run beside it: on a
3 MB pair that takes their ~0.7 s off the engine's time. When the alignment
comes to word-diffing its changed pairs, the worker, done with the quotations
by then or soon after, takes batches of them from the end while this process
works from the start (``Helper.word_ops``). One worker process is started on
the first big comparison and kept for the next ones (its cold start is ~0.1 s,
so small pairs, which take milliseconds, stay in this process).

The worker is forked from a fresh, single-threaded server process
(``forkserver``; ``spawn`` where there is none), never from the caller, which
may be a GUI with threads of its own; it imports only the engine. It talks over
one pipe, written and read by the calling thread itself: a pool's helper
threads would each wait for the interpreter lock that the aligning thread
holds, and that delayed a 300 KB pair's quotations by some 30 ms. Anything that
goes wrong with it (no process can be started, it died, a result cannot be
sent back) makes the ``Helper`` do the work here instead: the caller gets the
same answer, only later.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, cast

from reader.core.align import _TICK_EVERY, Tick, diff_pairs
from reader.core.article import Article
from reader.core.comparison import QuotePair
from reader.core.gc_pause import gc_paused
from reader.core.quotes import quote_pairs
from reader.core.worddiff import Op, word_ops

# Articles of this many characters together are worth a second process.
MIN_CHARS = 200_000

QuotePairs = tuple[QuotePair, ...]
_FAILED = object()  # a reply that failed in the worker, or never came


class _Worker:
    """The worker process and this side of its pipe; one job at a time."""

    def __init__(self) -> None:
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


class Helper:
    """One comparison's use of the worker: its quotations, then a share of its word diffs.

    Requests go down the pipe in order and replies come back in order: the
    quotations first, then each batch of word diffs. Without a worker (small
    pair, ``parallel=False``, worker busy or broken) the same calls do the work here.
    """

    def __init__(self, left: Article, right: Article, worker: _Worker | None):
        self._left, self._right, self._worker = left, right, worker
        self._waiting: deque[Any] = deque()  # keys of the replies still to come, in order
        self._replies: dict[Any, Any] = {}  # replies read, by key (_FAILED: not to be had)

    @property
    def offloaded(self) -> bool:
        """Whether the worker is doing part of this comparison."""
        return self._worker is not None

    def quote_pairs(self) -> QuotePairs:
        """The quotation pairs: the worker's reply (waited for), or found here."""
        value = self._reply("quotes")
        return value if value is not _FAILED else quote_pairs(self._left, self._right)

    def word_ops(self, pairs: list[tuple[str, str]], tick: Tick) -> list[tuple[Op, ...]]:
        """Word ops of each pair: this process works from the start while the worker
        takes batches from the end, and they meet wherever their speeds have them meet.

        A few small batches at most are out at a time (each reply read sends the
        next): their bytes fit in the pipe's buffer, so this process never blocks
        writing one while the worker blocks writing a reply (the quotations,
        say) that this process has not read yet. A pair too long for a batch
        stops the sending: the rest is done here. Batches still out when this
        process reaches them are done here as well (the later reply is
        dropped): a worker busy with the quotations costs nothing.
        """
        if self._worker is None or len(pairs) < 2 * _BATCH:
            return diff_pairs(pairs, tick)
        out: list[tuple[Op, ...] | None] = [None] * len(pairs)
        front, back = 0, len(pairs)  # this process's next pair; the first pair sent out
        out_batches = 0  # sent, not yet answered
        stopped = False  # a pair too long to send was reached

        def send_batches() -> None:
            nonlocal back, out_batches, stopped
            while not stopped and self._worker is not None and out_batches < _BATCHES_OUT:
                start, chars = back, 0
                while start > front + _BATCH and back - start < _BATCH:
                    size = len(pairs[start - 1][0]) + len(pairs[start - 1][1])
                    if chars + size > _BATCH_CHARS:
                        break
                    start, chars = start - 1, chars + size
                if start == back:
                    stopped = back > front + _BATCH  # a long pair, not the meeting point
                    return
                self._send(("diff", start), _diff_batch, (pairs[start:back],))
                back, out_batches = start, out_batches + 1

        def take_replies() -> None:
            nonlocal out_batches
            for key, value in self._ready():
                if key[0] != "diff":
                    continue
                out_batches -= 1
                for k, ops in enumerate(() if value is _FAILED else value, key[1]):
                    if out[k] is None:
                        out[k] = ops
            send_batches()

        send_batches()
        for front in range(len(pairs)):
            if not front % _POLL_EVERY:
                take_replies()
            if not front % _TICK_EVERY:
                tick(front / len(pairs))
            if out[front] is None:
                out[front] = word_ops(*pairs[front])
        return cast(list[tuple[Op, ...]], out)

    def close(self) -> None:
        """Let the worker go (done, failed or cancelled): replies still to come are dropped."""
        self._release()

    # -- the pipe -------------------------------------------------------------------------

    def _send(self, key: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
        if self._worker is None:
            return
        try:
            self._worker.conn.send((function, args))
        except Exception:  # noqa: BLE001 - the worker is gone: the work is done here
            self._fail()
        else:
            self._waiting.append(key)

    def _reply(self, key: Any) -> Any:
        """The reply for ``key``, reading (and keeping) the ones before it; _FAILED if none."""
        while key not in self._replies and self._waiting and self._worker is not None:
            self._read_one()
        return self._replies.pop(key, _FAILED)

    def _ready(self) -> list[tuple[Any, Any]]:
        """The replies that have come, without waiting."""
        try:
            while self._waiting and self._worker is not None and self._worker.conn.poll():
                self._read_one()
        except Exception:  # noqa: BLE001 - see _read_one
            self._fail()
        ready = [(key, value) for key, value in self._replies.items() if key != "quotes"]
        for key, _ in ready:
            del self._replies[key]
        return ready

    def _read_one(self) -> None:
        assert self._worker is not None
        try:
            ok, value = self._worker.conn.recv()
        except Exception:  # noqa: BLE001 - died, or an unreadable reply: redo it all here
            self._fail()
            return
        self._replies[self._waiting.popleft()] = value if ok else _FAILED
        if not self._waiting:
            self._release()

    def _fail(self) -> None:
        worker, self._worker = self._worker, None
        self._waiting.clear()
        if worker is not None:
            _discard(worker)

    def _release(self) -> None:
        worker, self._worker = self._worker, None
        if worker is not None:
            _release(worker, abandoned=len(self._waiting))
        self._waiting.clear()


def start(left: Article, right: Article, *, parallel: bool = True) -> Helper:
    """Start this comparison's work in the worker (for a big pair) and return its ``Helper``.

    ``parallel=False`` (or a one-core machine) keeps all the work in this process,
    as does a worker still busy with another comparison.
    """
    big = len(left.text) + len(right.text) >= MIN_CHARS
    if not (parallel and big and (os.cpu_count() or 1) > 1):
        return Helper(left, right, None)
    helper = Helper(left, right, _acquire())
    helper._send("quotes", _quote_pairs, (left.text, left.paragraphs, right.text, right.paragraphs))
    return helper


# Pairs per batch of word diffs sent to the worker, batches out at a time, and
# pairs done here between looks for replies.
_BATCH = 32
_BATCHES_OUT = 3
_POLL_EVERY = 8
# Characters of text in one batch at most: with the few batches out, under ~100 KB
# of requests in the pipe, well within a socket's default buffer (~200 KB).
_BATCH_CHARS = 8_000


def _diff_batch(pairs: list[tuple[str, str]]) -> list[tuple[Op, ...]]:
    with gc_paused():
        return [word_ops(left, right) for left, right in pairs]


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


def run_in_worker(function: Callable[..., Any], *args: Any) -> Any:
    """Run ``function(*args)`` in the worker process and return its value (for tests and tools).

    Raises ``RuntimeError`` if there is no free worker or the call failed there.
    """
    worker = _acquire()
    if worker is None:
        raise RuntimeError("no free worker process")
    helper = Helper(Article(""), Article(""), worker)
    helper._send("call", function, args)
    value = helper._reply("call")
    helper.close()
    if value is _FAILED:
        raise RuntimeError("the call failed in the worker process")
    return value


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
