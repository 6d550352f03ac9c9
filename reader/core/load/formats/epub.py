"""EPUB via ebooklib: one article, the longest document in the book's reading order.

An article saved as an e-book is usually a cover, a title page and the article;
a book is many chapters. Either way the reader compares one article, so the
spine document with the most text is taken (ties: the first). Its XHTML is read
block by block (headings, paragraphs, list items, quotes each one line). The
title is its first line when that is a heading, otherwise the book's title is
put first.
"""

from __future__ import annotations

import codecs
import io
import re

import ebooklib
import lxml.html
from ebooklib import epub

from reader.core.load.formats import BadInput, Extracted
from reader.core.load.formats.zipguard import member_names

_BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul br".split()
)
_HEADINGS = frozenset("h1 h2 h3".split())
_SKIP = frozenset("head script style template svg math".split())
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def read_epub(data: bytes) -> Extracted:
    """The longest chapter of the book, one block per line."""
    if "META-INF/container.xml" not in member_names(data, "EPUB book"):
        raise BadInput("broken EPUB book: it has no META-INF/container.xml")
    try:
        book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": True})
        chapters = [_blocks(item.get_content()) for item in _spine_documents(book)]
        book_title = " ".join(((book.get_metadata("DC", "title") or [("",)])[0][0] or "").split())
    except BadInput:
        raise
    except Exception as error:  # ebooklib raises many kinds on a damaged book
        raise BadInput(f"broken EPUB book ({type(error).__name__})") from None
    if not chapters:
        raise BadInput("this EPUB book has no chapters")
    blocks = max(chapters, key=lambda found: sum(len(text) for _, text in found))
    lines = [text for _, text in blocks]
    title = ""
    if blocks and blocks[0][0] in _HEADINGS:
        title = lines[0]
    elif book_title and lines and lines[0] != book_title:
        title = book_title
        lines.insert(0, title)
    return Extracted(text="\n".join(lines), title=title)


def _spine_documents(book: epub.EpubBook) -> list[epub.EpubItem]:
    items = []
    for entry in book.spine:
        idref = entry[0] if isinstance(entry, tuple) else entry
        item = book.get_item_with_id(idref)
        if item is not None and item.get_type() == ebooklib.ITEM_DOCUMENT:
            if not isinstance(item, epub.EpubNav):
                items.append(item)
    return items


def _blocks(content: bytes) -> list[tuple[str, str]]:
    """(tag of the block, its text with whitespace collapsed) for each text block."""
    if not content.strip():
        return []
    text = _decode(content)
    root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text))
    found: list[tuple[str, str]] = []
    pending: list[str] = []
    opened: list[str] = ["body"]

    def flush() -> None:
        line = " ".join("".join(pending).split())
        pending.clear()
        if line:
            found.append((opened[-1], line))

    def walk(element: lxml.html.HtmlElement) -> None:
        tag = element.tag.rsplit("}", 1)[-1].lower() if isinstance(element.tag, str) else ""
        if tag in _SKIP or not tag:  # comments and processing instructions have no str tag
            return
        block = tag in _BLOCKS
        if block:
            flush()
            opened.append(tag)
        pending.append(element.text or "")
        for child in element:
            walk(child)
            pending.append(child.tail or "")
        if block:
            flush()
            opened.pop()

    body = root.find("body")
    walk(body if body is not None else root)
    return found


def _decode(content: bytes) -> str:
    # EPUB documents are UTF-8 or UTF-16 (EPUB 3, 3.1 "XHTML content documents").
    for bom, encoding in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if content.startswith(bom):
            return content.decode(encoding, errors="replace")
    return content.decode("utf-8-sig", errors="replace")
