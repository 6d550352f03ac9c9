"""Web pages saved as a single file (.mhtml/.mht, "Webpage, Single File" in Chrome and Edge).

MHTML is a MIME multipart message: the page is its first ``text/html`` part, with
images and styles beside it. That part is decoded (quoted-printable or base64,
then its declared charset) and read as any web page; the other parts are never
looked at, so nothing they reference is loaded.
"""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from reader.core.load.formats import TEXT_LIMIT, BadInput, Extracted
from reader.core.load.formats.html import read_html

if TYPE_CHECKING:
    from email.message import Message


def looks_like_mhtml(head: bytes) -> bool:
    """True when the bytes open a MIME message holding a multipart page."""
    top = head[:4096].lower()
    return b"mime-version:" in top and b"multipart/related" in top


def read_mhtml(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """The saved page's article, as ``read_html`` finds it."""
    import email  # imported with the first saved page (cold start)
    import email.policy

    try:
        message = email.message_from_bytes(data, policy=email.policy.compat32)
        part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
        payload = part.get_payload(decode=True) if part is not None else None
    except Exception as error:  # the email parser is lenient; this is only a backstop
        raise BadInput(f"broken saved web page ({type(error).__name__})") from None
    if not isinstance(payload, bytes) or not payload.strip():
        raise BadInput("no web page found in this saved .mhtml file")
    charset = _charset(part)  # type: ignore[arg-type]
    if charset is None:
        return read_html(payload, limit)
    page = payload.decode(charset, errors="replace")
    found = read_html(page.encode("utf-8"), limit)
    return Extracted(
        text=found.text,
        title=found.title,
        encoding=charset,
        body_recognised=found.body_recognised,
    )


def _charset(part: Message) -> str | None:
    label = part.get_content_charset()
    if not label:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None
