"""Rich Text Format via striprtf: one line per RTF paragraph.

RTF is 7-bit text whose accented letters are ``\\'xx`` escapes in the code page
named by ``\\ansicpgNNNN`` (cp1252 when absent); that code page is the encoding
reported. ``\\uN`` escapes may give UTF-16 surrogate halves, which are paired.
"""

from __future__ import annotations

import codecs
import re

from reader.core.load.formats import TEXT_LIMIT, BadInput, Extracted, too_much_text
from reader.core.load.formats.text import normalise_newlines

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def looks_like_rtf(head: bytes) -> bool:
    """True when the bytes open an RTF document."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf")


def read_rtf(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """The document's paragraphs, each on one line.

    striprtf converts in one call; its text is never longer than the file (every
    character comes from at least one byte), which the file limit bounds.
    """
    from striprtf.striprtf import rtf_to_text  # imported with the first RTF file (cold start)

    found = _CODEPAGE.search(data[:4096])
    encoding = "cp1252"
    if found:
        try:
            encoding = codecs.lookup(f"cp{found.group(1).decode()}").name
        except LookupError:
            pass
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=encoding, errors="replace")
    except Exception as error:  # striprtf is regex-based; it fails on little, but be sure
        raise BadInput(f"broken RTF document ({type(error).__name__})") from None
    if len(text) > limit:
        raise too_much_text(limit)
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    lines = [" ".join(line.split()) for line in normalise_newlines(text).split("\n")]
    return Extracted(text="\n".join(line for line in lines if line), encoding=encoding)
