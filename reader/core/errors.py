"""The engine's exceptions: unusable input (``ArticleError``) and a stopped run (``Cancelled``)."""

from __future__ import annotations


class ArticleError(Exception):
    """A file could not be turned into an article.

    ``str(error)`` is a one-line message naming the file and the reason, fit for a
    dialog or a CLI error line; ``path`` and ``reason`` are kept for callers that
    lay the message out themselves.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Cancelled(Exception):
    """Raised inside ``compare()`` when the caller's ``should_cancel()`` turned true."""
