"""EPUB: one article, the longest document in the book's reading order, read as a stream.

An article saved as an e-book is usually a cover, a title page and the article;
a book is many chapters. Either way the reader compares one article, so the
spine document with the most text is taken (ties: the first). The package is
read here, not by ebooklib (which holds every member in memory): the
container names the package file, whose manifest and spine give the chapters;
each chapter is inflated by the zip guard and parsed incrementally by lxml's
HTML parser into blocks (headings, paragraphs, list items, quotes each one
line), no tree kept, the text limit counted over all chapters as they are read
(issue 16, cases 1 and 5). A chapter's DOCTYPE is removed before parsing: an
internal DTD subset would otherwise end the HTML parser's head and turn
``<title>`` into body text. The title is the chapter's first line when that is
a heading, otherwise the book's title is put first.
"""

from __future__ import annotations

import codecs
import posixpath
import re
from urllib.parse import unquote

from reader.core.load.formats import TEXT_LIMIT, BadInput, Extracted, TextBudget
from reader.core.load.formats.blocks import BlockCollector
from reader.core.load.formats.xmlparts import xml_events
from reader.core.load.formats.zipguard import Archive, open_archive

_HEADINGS = frozenset("h1 h2 h3".split())
_DOCUMENT_TYPES = frozenset(("application/xhtml+xml", "text/html"))
_PROLOGUE = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>)?\s*(?:<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>)?", re.S | re.I
)
_PROLOGUE_BYTES = 64 * 1024  # the DOCTYPE, internal subset included, must end within this
_OPF = "{http://www.idpf.org/2007/opf}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}rootfile"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def read_epub(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """The longest chapter of the book, one block per line."""
    archive = open_archive(data, "EPUB book")
    if "META-INF/container.xml" not in archive.names:
        raise BadInput("broken EPUB book: it has no META-INF/container.xml")
    budget = TextBudget(limit)
    try:
        chapters, book_title = _package(archive)
        found = [_blocks(archive, name, budget) for name in chapters]
    except BadInput:
        raise
    except Exception as error:  # lxml raises XMLSyntaxError and others on a damaged book
        raise BadInput(f"broken EPUB book ({type(error).__name__})") from None
    if not found:
        raise BadInput("this EPUB book has no chapters")
    blocks = max(found, key=lambda chapter: sum(len(text) for _, text in chapter))
    lines = [text for _, text in blocks]
    title = ""
    if blocks and blocks[0][0] in _HEADINGS:
        title = lines[0]
    elif book_title and lines and lines[0] != book_title:
        title = book_title
        lines.insert(0, title)
    return Extracted(text="\n".join(lines), title=title)


def _package(archive: Archive) -> tuple[list[str], str]:
    """(the spine's document members in reading order, the book's title)."""
    package = ""
    for event, element in xml_events(archive, "META-INF/container.xml"):
        if event == "end" and element.tag == _CONTAINER:  # type: ignore[attr-defined]
            package = element.get("full-path") or ""  # type: ignore[attr-defined]
            break
    if package not in archive.names:
        raise BadInput("broken EPUB book: its package file is missing")
    folder = posixpath.dirname(package)
    manifest: dict[str, str] = {}
    spine: list[str] = []
    title = ""
    for event, element in xml_events(archive, package):
        if event != "end":
            continue
        tag = element.tag  # type: ignore[attr-defined]
        get = element.get  # type: ignore[attr-defined]
        if tag == _OPF + "item":
            nav = "nav" in (get("properties") or "").split()
            if get("media-type") in _DOCUMENT_TYPES and not nav and get("id") and get("href"):
                href = unquote(get("href").split("#", 1)[0])
                manifest[get("id")] = posixpath.normpath(posixpath.join(folder, href))
        elif tag == _OPF + "itemref" and get("idref"):
            spine.append(get("idref"))
        elif tag == _DC_TITLE and not title:
            title = " ".join((element.text or "").split())[:1000]  # type: ignore[attr-defined]
    chapters = [manifest[idref] for idref in spine if idref in manifest]
    return [name for name in chapters if name in archive.names], title


def _blocks(archive: Archive, name: str, budget: TextBudget) -> list[tuple[str, str]]:
    """(tag of the block, its text with whitespace collapsed) for each text block."""
    from lxml import etree  # imported with the first EPUB (cold start)

    collector = BlockCollector(budget)
    parser = etree.HTMLParser(target=collector, no_network=True, remove_comments=True)
    decoder = None
    head = b""
    fed = False
    for chunk in archive.chunks(name):
        if decoder is None:
            head += chunk
            if len(head) < _PROLOGUE_BYTES:
                continue
            decoder, chunk = _decoder(head), head
        text = decoder.decode(chunk)
        if not fed:
            text = _PROLOGUE.sub("", text, count=1)
            fed = True
        parser.feed(text)
    if decoder is None:  # a chapter shorter than the prologue window
        if not head.strip():
            return []
        decoder = _decoder(head)
        parser.feed(_PROLOGUE.sub("", decoder.decode(head), count=1))
        fed = True
    tail = decoder.decode(b"", final=True)
    if tail:
        parser.feed(tail)
    if not fed:
        return []
    return parser.close()


def _decoder(head: bytes) -> codecs.IncrementalDecoder:
    # EPUB documents are UTF-8 or UTF-16 (EPUB 3, 3.1 "XHTML content documents").
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return codecs.getincrementaldecoder("utf-16")(errors="replace")
    return codecs.getincrementaldecoder("utf-8-sig")(errors="replace")
