"""PDF via pypdf: the text layer, page by page, with layout line breaks joined.

A PDF's text layer breaks lines where the page did, so its lines are unwrapped
like hard-wrapped plain text (up to 250 columns: pages set small type wide).
Encrypted PDFs open when they need no password to read (an empty user password
is common); otherwise, and for PDFs without a text layer (scanned images), the
reason says so. The metadata title is not used: it is often the name of the
file the PDF was made from; the first line counts as the title when it looks
like a headline.
"""

from __future__ import annotations

import io
import logging

from pypdf import PasswordType, PdfReader

from reader.core.load.formats import BadInput, Extracted
from reader.core.load.formats.text import normalise_newlines, unwrap

# pypdf logs every defect it repairs; with no handler configured, Python's
# last-resort handler would print them under the CLI's one-line error. A
# NullHandler stops that, and an app that configures logging still gets them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

PAGE_LIMIT = 1_000  # more pages than an article has; bounds the time spent extracting


def read_pdf(data: bytes) -> Extracted:
    """The text layer of every page; ``BadInput`` if encrypted or without text."""
    try:
        pages = _page_texts(data)
    except BadInput:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise BadInput(f"broken PDF ({type(error).__name__})") from None
    blocks = [unwrap(_tidy(page), widths=(30, 250)) for page in pages]
    text = "\n\n".join(block for block in blocks if block.strip())
    if not text.strip():
        raise BadInput("this PDF has no text layer (scanned pages?); it cannot be compared")
    return Extracted(text=text)


def _page_texts(data: bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # pypdf raises DependencyError / NotImplementedError here
            raise BadInput("this PDF is encrypted in a way this app cannot open") from None
        if opened == PasswordType.NOT_DECRYPTED:
            raise BadInput("this PDF is encrypted and needs a password")
    if len(reader.pages) > PAGE_LIMIT:
        raise BadInput(f"this PDF has more than {PAGE_LIMIT:,} pages, this app's limit")
    return [page.extract_text() or "" for page in reader.pages]


def _tidy(page: str) -> str:
    lines = (" ".join(line.split()) for line in normalise_newlines(page).split("\n"))
    return "\n".join(lines)
