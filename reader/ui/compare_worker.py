"""Loading and comparing off the GUI thread, with stale results dropped.

``CompareRunner.start()`` hands one request (load what is a path, then
``compare()``) to a private ``QThreadPool``. Every request carries a token;
the runner only re-emits signals of the newest one, so a result that a newer
request superseded never reaches a widget. Starting a request cancels the
previous one through ``compare()``'s ``should_cancel`` callback. The task
never touches a widget: it only emits signals, which cross back to the GUI
thread on queued connections.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from reader.core.article import Article
from reader.core.compare import compare as core_compare
from reader.core.errors import ArticleError, Cancelled
from reader.core.gc_pause import gc_paused
from reader.core.load.loader import load as core_load
from reader.core.results.comparison import Comparison
from reader.core.results.marks import Marks
from reader.core.results.query import ComparisonQuery

# A path to load, an article already loaded, a function making one in the worker
# thread (pasted text: extracting HTML can take a while), or None for a side not
# chosen yet (then the task loads the other side and compares nothing).
Source = str | Path | Article | Callable[[], Article] | None


@dataclass(frozen=True)
class CompareResult:
    """A comparison and what the window reads from it, all made in the worker thread.

    The lookups and each side's marks take ~0.3 s at 3 MB: made here, they
    no longer hold the GUI thread when the comparison arrives.
    """

    comparison: Comparison
    query: ComparisonQuery
    marks: Marks  # both sides' marks; the preferences choose which to show

    @classmethod
    def of(cls, comparison: Comparison) -> CompareResult:
        with gc_paused():  # tens of thousands of marks: see gc_pause
            return cls(comparison, ComparisonQuery(comparison), Marks(comparison))


class _TaskSignals(QObject):
    """Signals the worker emits; all carry the request token first."""

    loaded = Signal(int, object, object)  # token, left Article, right Article
    progress = Signal(int, float, str)
    finished = Signal(int, object)  # token, CompareResult or None (a side missing)
    failed = Signal(int, str, str)  # token, path, one-line message
    cancelled = Signal(int)


class _CompareTask(QRunnable):
    def __init__(
        self,
        token: int,
        sources: tuple[Source, Source],
        cancel: threading.Event,
        signals: _TaskSignals,
        load: Callable[[str | Path], Article],
        compare: Callable[..., Comparison],
        keep_loaded: bool = False,
    ) -> None:
        super().__init__()
        self._keep_loaded = keep_loaded
        self._token = token
        self._sources = sources
        self._cancel = cancel
        self._signals = signals
        self._load = load
        self._compare = compare

    def run(self) -> None:
        token, signals = self._token, self._signals
        try:
            articles: list[Article | None] = []
            error: ArticleError | None = None
            for source in self._sources:
                if self._cancel.is_set():
                    raise Cancelled()
                try:
                    articles.append(self._article(source))
                except ArticleError as failed:
                    if not self._keep_loaded:
                        raise
                    error = error or failed
                    articles.append(None)
            left, right = articles
            signals.loaded.emit(token, left, right)
            if error is not None:  # the side that loaded is shown; the other is reported
                signals.failed.emit(token, error.path, str(error))
                return
            if left is None or right is None:
                signals.finished.emit(token, None)
                return
            comparison = self._compare(
                left,
                right,
                progress=lambda fraction, stage: signals.progress.emit(token, fraction, stage),
                should_cancel=self._cancel.is_set,
                parallel=True,
            )
            result = CompareResult.of(comparison)
        except Cancelled:
            signals.cancelled.emit(token)
        except ArticleError as error:
            signals.failed.emit(token, error.path, str(error))
        except Exception as error:  # noqa: BLE001 -- a bug must not kill the worker thread silently
            signals.failed.emit(token, "", f"{type(error).__name__}: {error}")
        else:
            signals.finished.emit(token, result)

    def _article(self, source: Source) -> Article | None:
        if source is None or isinstance(source, Article):
            return source
        if callable(source):
            return source()
        return self._load(source)


class CompareRunner(QObject):
    """Runs one comparison at a time in the background; emits only the newest one's results."""

    started = Signal()
    loaded = Signal(object, object)  # left, right: Article or None
    progress = Signal(float, str)
    finished = Signal(object)  # CompareResult, or None when a side is missing
    failed = Signal(str, str)  # path, one-line message
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(
        self,
        *,
        load: Callable[[str | Path], Article] = core_load,
        compare: Callable[..., Comparison] = core_compare,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._load = load
        self._compare = compare
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # requests queue; a cancelled one ends at its next check
        self._token = 0
        self._cancel: threading.Event | None = None
        self._busy = False
        self._signals = _TaskSignals()
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.loaded.connect(self._on_loaded, queued)
        self._signals.progress.connect(self._on_progress, queued)
        self._signals.finished.connect(self._on_finished, queued)
        self._signals.failed.connect(self._on_failed, queued)
        self._signals.cancelled.connect(self._on_cancelled, queued)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def token(self) -> int:
        """The newest request's token (tests use it to tell requests apart)."""
        return self._token

    def start(self, left: Source, right: Source, *, keep_loaded: bool = False) -> int:
        """Cancel whatever runs and start loading and comparing this pair; returns its token.

        ``keep_loaded``: when one side cannot be loaded, ``loaded`` still brings the
        side that could (the other None) before ``failed`` reports the bad one (a
        pair named on the command line); otherwise a failure emits only ``failed``.
        """
        self.cancel()
        self._token += 1
        self._cancel = threading.Event()
        task = _CompareTask(
            self._token,
            (left, right),
            self._cancel,
            self._signals,
            self._load,
            self._compare,
            keep_loaded,
        )
        self._pool.start(task)
        self._set_busy(True)
        self.started.emit()
        return self._token

    def cancel(self) -> None:
        """Ask the running request to stop; its results, if any still come, are dropped."""
        if self._cancel is not None:
            self._cancel.set()
        if self._busy:
            self._token += 1  # whatever the old task still emits is stale now
            self._set_busy(False)
            self.cancelled.emit()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the worker is idle (shutdown and tests)."""
        return self._pool.waitForDone(msecs)

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    @Slot(int, object, object)
    def _on_loaded(self, token: int, left: Article, right: Article) -> None:
        if token == self._token:
            self.loaded.emit(left, right)

    @Slot(int, float, str)
    def _on_progress(self, token: int, fraction: float, stage: str) -> None:
        if token == self._token:
            self.progress.emit(fraction, stage)

    @Slot(int, object)
    def _on_finished(self, token: int, result: CompareResult | None) -> None:
        if token == self._token:
            self._set_busy(False)
            self.finished.emit(result)

    @Slot(int, str, str)
    def _on_failed(self, token: int, path: str, message: str) -> None:
        if token == self._token:
            self._set_busy(False)
            self.failed.emit(path, message)

    @Slot(int)
    def _on_cancelled(self, token: int) -> None:
        if token == self._token:
            self._set_busy(False)
            self.cancelled.emit()
