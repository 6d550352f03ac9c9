"""Fetching web addresses off the GUI thread: ``WebFetcher``, and the progress box with Cancel.

``WebFetcher.start(url, side)`` runs ``reader.core.load.url.fetch`` in a private
``QThreadPool``, as ``CompareRunner`` runs comparisons: each request has a
token, only the newest one's signals reach the window, and cancelling sets an
event the download checks between reads. The task only emits signals; the
``FetchProgress`` box (window-modal, not blocking) shows the address, the bytes
received and a Cancel button.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.errors import ArticleError, Cancelled
from reader.core.load.formats import MB
from reader.core.load.url import Fetched, fetch

Fetch = Callable[..., Fetched]


class _Signals(QObject):
    fetched = Signal(int, str, object)  # token, side, Fetched
    failed = Signal(int, str, str)  # token, address, message
    progress = Signal(int, int, int)  # token, bytes received, total (-1: unknown)
    cancelled = Signal(int)


class _FetchTask(QRunnable):
    def __init__(
        self,
        token: int,
        url: str,
        side: str,
        cancel: threading.Event,
        signals: _Signals,
        run: Fetch,
    ) -> None:
        super().__init__()
        self._token, self._url, self._side = token, url, side
        self._cancel, self._signals, self._run = cancel, signals, run

    def run(self) -> None:
        token, signals = self._token, self._signals
        try:
            fetched = self._run(
                self._url,
                should_cancel=self._cancel.is_set,
                progress=lambda got, total: signals.progress.emit(
                    token, got, -1 if total is None else total
                ),
            )
        except Cancelled:
            signals.cancelled.emit(token)
        except ArticleError as error:
            signals.failed.emit(token, self._url, error.reason)
        except Exception as error:  # noqa: BLE001 -- a bug must not kill the worker silently
            signals.failed.emit(token, self._url, f"{type(error).__name__}: {error}")
        else:
            signals.fetched.emit(token, self._side, fetched)


class WebFetcher(QObject):
    """Fetches one address at a time in the background (several queue, in order)."""

    fetched = Signal(str, object)  # side, Fetched
    failed = Signal(str, str)  # address, one-line reason
    progress = Signal(str, int, int)  # address, bytes received, total (-1: unknown)
    cancelled = Signal()

    def __init__(self, *, run: Fetch = fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run = run
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tokens: dict[int, str] = {}  # live requests: token -> address
        self._next = 0
        self._cancels: dict[int, threading.Event] = {}
        self._signals = _Signals()
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.fetched.connect(self._on_fetched, queued)
        self._signals.failed.connect(self._on_failed, queued)
        self._signals.progress.connect(self._on_progress, queued)
        self._signals.cancelled.connect(self._on_cancelled, queued)

    @property
    def busy(self) -> bool:
        return bool(self._tokens)

    def start(self, url: str, side: str) -> int:
        """Fetch ``url`` for ``side``; returns the request's token."""
        self._next += 1
        token = self._next
        cancel = threading.Event()
        self._tokens[token], self._cancels[token] = url, cancel
        self._pool.start(_FetchTask(token, url, side, cancel, self._signals, self._run))
        return token

    def cancel(self) -> None:
        """Stop every request; whatever they still emit is dropped."""
        had = bool(self._tokens)
        for event in self._cancels.values():
            event.set()
        self._tokens.clear()
        self._cancels.clear()
        if had:
            self.cancelled.emit()

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def _done(self, token: int) -> bool:
        """Whether ``token`` is live (and forget it)."""
        self._cancels.pop(token, None)
        return self._tokens.pop(token, None) is not None

    @Slot(int, str, object)
    def _on_fetched(self, token: int, side: str, fetched: Fetched) -> None:
        if self._done(token):
            self.fetched.emit(side, fetched)

    @Slot(int, str, str)
    def _on_failed(self, token: int, url: str, message: str) -> None:
        if self._done(token):
            self.failed.emit(url, message)

    @Slot(int, int, int)
    def _on_progress(self, token: int, received: int, total: int) -> None:
        if token in self._tokens:
            self.progress.emit(self._tokens[token], received, total)

    @Slot(int)
    def _on_cancelled(self, token: int) -> None:
        self._done(token)


def size(count: int) -> str:
    """A byte count as people read it: "640 KB", "3.2 MB"."""
    return f"{count / MB:.1f} MB" if count >= MB else f"{max(1, round(count / 1024))} KB"


class FetchProgress(QProgressDialog):
    """ "Fetching https://…" with the kilobytes received and Cancel; open while a fetch runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fetch-progress")
        self.setWindowTitle(self.tr("Opening a web address"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(460)
        self.setRange(0, 0)  # busy until the size is known
        self._url = ""
        # A QProgressDialog shows itself 4 s after it is made (Qt's own timer): a box
        # over the window at every start. Stopped here; ``begin`` opens it.
        self.reset()
        self.hide()

    def begin(self, url: str) -> None:
        self._url = url
        self.setRange(0, 0)
        self.setValue(0)
        self.setLabelText(self.tr("Fetching {url}…").format(url=url))
        self.open()

    def finish(self) -> None:
        """Every fetch is done (or failed, or was cancelled): close the box."""
        self.reset()
        self.hide()

    def show_progress(self, url: str, received: int, total: int) -> None:
        self._url = url
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(received, total))
            amount = self.tr("{got} of {total}").format(got=size(received), total=size(total))
        else:
            amount = size(received)
        self.setLabelText(self.tr("Fetching {url}…\n{amount}").format(url=url, amount=amount))
