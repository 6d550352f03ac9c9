"""Web pages: the article's title, byline/date and body paragraphs, via trafilatura.

trafilatura is given a decoded string and no URL, so it has nothing to fetch: no
network, no scripts, no remote resources (it only parses the markup). Menus,
comments and related links are its job to drop. The decoding is done here, so
the encoding shown is the one used: a byte-order mark, then valid UTF-8, then the
page's own ``<meta charset>`` (``iso-8859-1`` and ``ascii`` read as cp1252, as
browsers do), then the plain-text detection.

A small or broken page whose article body trafilatura does not recognise (no
text, or fewer than ``_MIN_WORDS`` words) is shown as all its visible text, one
block a line (``formats.blocks``), with ``Extracted.body_recognised`` False so
the window can say so; only a page with no visible text at all is refused.
"""

from __future__ import annotations

import codecs
import re

from reader.core.load.formats import MB, TEXT_LIMIT, BadInput, Extracted, TextBudget
from reader.core.load.formats.blocks import visible_blocks
from reader.core.load.formats.text import decode, looks_binary, normalise_newlines

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_BROWSER_ALIASES = {"iso8859-1": "cp1252", "ascii": "cp1252"}
# trafilatura's time grows faster than the page: measured on this project's
# machine, 2 MB of dense article markup took 0.75 s, 8 MB 5.2 s, 20 MB 35 s.
# Saved article pages are far smaller; 10 MB keeps the worst case near 10 s.
WEB_PAGE_LIMIT = 10 * MB
_MIN_WORDS = 5  # fewer words than this is a menu or a stub ("Home"), not an article
_HTML_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])", re.I)


def looks_like_html(head: bytes) -> bool:
    """True when the file's first bytes open an HTML document (whatever its name says)."""
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            start = head[len(bom) :]
            sample = start[: len(start) // 2 * 2].decode(encoding, errors="ignore")
            break
    else:
        sample = head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    sample = sample.lstrip()
    return sample.startswith("<") and bool(_HTML_START.search(sample[:2048]))


def read_html(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """The page's main article, or its visible text; ``BadInput`` when it shows no text.

    The page limit keeps the text far below ``limit``; it is checked all the same.
    """
    if len(data) > WEB_PAGE_LIMIT:
        raise BadInput(
            f"the web page is {len(data) / MB:.1f} MB, larger than the "
            f"{WEB_PAGE_LIMIT // MB} MB this app supports for web pages"
        )
    page, encoding = _decode_html(data)
    import trafilatura  # imported with the first web page (cold start)

    _quiet_logs()

    document = trafilatura.bare_extraction(
        page,
        url=None,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        include_tables=True,
        deduplicate=False,
        # Only a date the page states as its own: the extensive search would
        # turn "Copyright 2024" in a footer into "2024-01-01".
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    body = getattr(document, "text", None) or ""
    lines = [" ".join(line.split()) for line in normalise_newlines(body).split("\n")]
    lines = [line for line in lines if line]
    if sum(len(line.split()) for line in lines) < _MIN_WORDS:
        return _visible_text(page, encoding, limit)
    title = " ".join((getattr(document, "title", None) or "").split())
    if title and lines[0] != title:
        lines.insert(0, title)
    byline = " · ".join(
        part
        for part in (getattr(document, "author", None), getattr(document, "date", None))
        if part and part not in lines
    )
    if byline:
        lines.insert(1 if title else 0, byline)
    if len(lines) == (1 if title else 0) + (1 if byline else 0):
        return _visible_text(page, encoding, limit)
    TextBudget(limit).take(sum(len(line) + 1 for line in lines))
    return Extracted(text="\n".join(lines), title=title, encoding=encoding)


def _quiet_logs() -> None:
    """As for pypdf (see formats.pdf): their warnings must not reach stderr unasked."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def _visible_text(page: str, encoding: str, limit: int) -> Extracted:
    """All the page's visible text, for a page with no recognisable article body."""
    lines = [text for _, text in visible_blocks(page, TextBudget(limit))]
    if not lines:
        raise BadInput("no visible text in this web page")
    return Extracted(text="\n".join(lines), encoding=encoding, body_recognised=False)


def _decode_html(data: bytes) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data)
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        declared = _META_CHARSET.search(data[:4096])
        name = _codec(declared.group(1).decode("ascii")) if declared else None
        if name is None:
            return decode(data)
        text, encoding = data.decode(name, errors="replace"), name
    if looks_binary(text):
        raise BadInput("this is a binary file, not a web page")
    return normalise_newlines(text), encoding


def _codec(label: str) -> str | None:
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _BROWSER_ALIASES.get(name, name)
