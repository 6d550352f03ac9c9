"""Fetching an article from a web address: bounded download, then the file readers.

``fetch(url)`` downloads with the standard library (``urllib``) and hands the
bytes to ``loader.load_bytes``, so a fetched page is extracted exactly as a
saved one is (and a PDF served as ``application/pdf`` as a PDF file). The
download is bounded every way a hostile or broken server could stretch it:

- only ``http`` and ``https`` addresses, also for every redirect target;
- at most ``MAX_REDIRECTS`` redirects;
- ``timeout`` seconds for the connection and for each read, and a whole-fetch
  deadline of ``deadline`` seconds checked between reads (a server trickling a
  byte at a time never ends otherwise);
- at most ``limit`` bytes, counted while reading (a ``Content-Length`` over it is
  refused before reading; a server sending more than it announced is cut off);
- the content type must be one an article comes in (HTML, XHTML, plain text,
  Markdown, PDF; a missing one is recognised from the content).

Every failure is an ``ArticleError`` naming the address; ``should_cancel`` is
asked between reads and raises ``Cancelled``. No cookies, no scripts, nothing
but the one page (the HTML reader is given no URL, so it fetches nothing).
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.message import Message
from urllib.parse import urlsplit

from reader import __version__
from reader.core.article import Article
from reader.core.errors import ArticleError, Cancelled
from reader.core.load.formats import MB
from reader.core.load.loader import load_bytes

MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = 15.0  # seconds for connecting and for each read
DEFAULT_DEADLINE = 60.0  # seconds for the whole download
DEFAULT_LIMIT = 20 * MB
_CHUNK = 64 * 1024
_SCHEMES = ("http", "https")
# Content types an article comes in, and the name hint the loader recognises it by.
_HINTS = {
    "text/html": "page.html",
    "application/xhtml+xml": "page.html",
    "text/plain": "page.txt",
    "text/markdown": "page.md",
    "text/x-markdown": "page.md",
    "application/pdf": "page.pdf",
    "application/x-pdf": "page.pdf",
}
_UNKNOWN_TYPES = ("", "application/octet-stream", "binary/octet-stream")


@dataclass(frozen=True)
class Fetched:
    """An article fetched from the web: ``article.path`` is ``final_url``.

    ``url`` is the address asked for, ``final_url`` the one the page came from
    after redirects, ``fetched_at`` when the download ended (UTC),
    ``content_type`` what the server said it sent.
    """

    article: Article
    url: str
    final_url: str
    fetched_at: datetime
    content_type: str


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an http(s) address (what the window fetches instead of opening)."""
    parts = urlsplit(text.strip())
    return parts.scheme.lower() in _SCHEMES and bool(parts.netloc)


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``MAX_REDIRECTS`` redirects, and only to http(s) addresses."""

    max_redirections = MAX_REDIRECTS
    max_repeats = 2

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, ANN201
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            fp.close()
            raise _Refused(f"the server redirected to {newurl}, which is not a web address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Refused(Exception):
    """A reason to give up, worded for the user."""


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    limit: int = DEFAULT_LIMIT,
    should_cancel: Callable[[], bool] = lambda: False,
    progress: Callable[[int, int | None], None] = lambda received, total: None,
) -> Fetched:
    """Download ``url`` and extract its article; ``ArticleError`` (naming ``url``) otherwise.

    ``progress(received, total)`` is called after each read (``total`` from
    ``Content-Length``, or None). Blocking: call it off the GUI thread.
    """
    address = url.strip()
    if not is_web_address(address):
        raise ArticleError(address, "only http:// and https:// addresses can be opened")
    try:
        data, final_url, content_type = _download(
            address, timeout, deadline, limit, should_cancel, progress
        )
    except _Refused as error:
        raise ArticleError(address, str(error)) from None
    except urllib.error.HTTPError as error:
        error.close()
        if 300 <= error.code < 400:  # urllib gave up following them
            reason = f"too many redirects (more than {MAX_REDIRECTS}), or a redirect loop"
        else:
            reason = f"the server answered {error.code} {' '.join(str(error.reason).split())}"
        raise ArticleError(address, reason) from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, socket.timeout | TimeoutError):
            raise ArticleError(address, f"no answer within {timeout:g} seconds") from None
        if isinstance(reason, OSError) and reason.strerror:
            reason = reason.strerror  # "Connection refused", not "[Errno 111] Connection ..."
        raise ArticleError(address, f"could not reach the server ({reason})") from None
    except TimeoutError:
        raise ArticleError(address, f"no answer within {timeout:g} seconds") from None
    except (OSError, ValueError) as error:  # connection reset, bad chunked encoding, ...
        raise ArticleError(address, f"the download failed ({error})") from None
    fetched_at = datetime.now(UTC)
    hint = _HINTS.get(content_type)
    if hint is None and content_type not in _UNKNOWN_TYPES:
        raise ArticleError(address, f"not an article: the server sent {content_type}")
    try:
        article = load_bytes(data, path=hint or "page")
    except ArticleError as error:
        raise ArticleError(address, _not_an_article(error.reason)) from None
    return Fetched(
        article=replace(article, path=final_url),
        url=address,
        final_url=final_url,
        fetched_at=fetched_at,
        content_type=content_type,
    )


def _not_an_article(reason: str) -> str:
    return reason if reason.startswith("no article") else f"not an article: {reason}"


def _download(
    url: str,
    timeout: float,
    deadline: float,
    limit: int,
    should_cancel: Callable[[], bool],
    progress: Callable[[int, int | None], None],
) -> tuple[bytes, str, str]:
    """The body, the final address and the content type (lower case, no parameters)."""
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"ArticleReader/{__version__} (+article comparison)",
            "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity",  # the limit counts the bytes that are read
        },
    )
    started = time.monotonic()
    with opener.open(request, timeout=timeout) as response:
        headers: Message = response.headers
        content_type = headers.get_content_type() if headers.get("Content-Type") else ""
        total = _length(headers.get("Content-Length"))
        if total is not None and total > limit:
            raise _Refused(_too_big(total, limit))
        chunks, received = [], 0
        while True:
            if should_cancel():
                raise Cancelled()
            if time.monotonic() - started > deadline:
                raise _Refused(f"the download took longer than {deadline:g} seconds")
            chunk = response.read1(_CHUNK)  # what has come: a trickle still meets the deadline
            if not chunk:
                break
            received += len(chunk)
            if received > limit:
                raise _Refused(_too_big(received, limit, more=True))
            chunks.append(chunk)
            progress(received, total)
        final_url = response.geturl()
    if not received:
        raise _Refused("the server sent an empty page")
    return b"".join(chunks), final_url, content_type


def _length(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _too_big(size: int, limit: int, *, more: bool = False) -> str:
    over = "more than " if more else ""
    return (
        f"too big: {over}{size / MB:.1f} MB, larger than the {limit / MB:g} MB this app downloads"
    )
