"""Turn a file into an ``Article``: read it safely, recognise its format, extract its text.

The format is recognised from the content where that is cheap and certain (PDF,
zip, RTF and HTML signatures, images and other binaries), and from the name
otherwise (Markdown versus plain text). So an HTML page saved as ``.txt`` reads
as a web page and a PNG renamed ``.txt`` is refused as binary. The readers live
in ``reader.core.load.formats``, one module per format family.

Every article text follows the segmenter's convention: one paragraph per line,
blank lines allowed between groups, and the title (when the source has one) as
the first line, so that headlines are compared too. What only typesetting
changed is undone for every format (``formats.typeset``: ligatures, soft
hyphens, no-break spaces), so an article compares as itself whatever it was
saved as. Line endings are \\n; blank lines before the text and whitespace
after it are dropped; nothing else of a plain-text file that is already one
paragraph per line is changed.

Limits (anything larger is refused with the limit in the message, before it is
read, so nothing hangs or runs out of memory): ``TEXT_FILE_LIMIT`` for text,
Markdown, HTML and RTF files, ``DOCUMENT_FILE_LIMIT`` for PDF, .docx, .epub and
.mhtml files (their images make them big), ``TEXT_LIMIT`` characters of extracted text
and ``SENTENCE_LIMIT`` sentences (the comparison's cost is in both),
``WEB_PAGE_LIMIT`` for the HTML of a web page (``formats.html``: trafilatura
slows down faster than pages grow), the zip limits in ``formats.zipguard`` and
the page, character and time limits in ``formats.pdf``. The character limit is
checked while extracting (issue 16): zip members are inflated as streams with a
running cap (``formats.zipguard``), Word and EPUB text is counted as it is parsed,
and PDF text as each text operator is shown.

Cold start: a format's library (trafilatura, pypdf, lxml, markdown-it, striprtf,
charset-normalizer) is imported inside its reader, the first time a file of that
format is opened, so ``import reader.cli`` and loading a UTF-8 .txt import none
of them (a test checks it).
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from reader.core.article import Article
from reader.core.errors import ArticleError
from reader.core.load.formats import MB, TEXT_LIMIT, BadInput, Extracted, files, too_much_text
from reader.core.load.formats.html import looks_like_html
from reader.core.load.formats.mhtml import looks_like_mhtml
from reader.core.load.formats.rtf import looks_like_rtf
from reader.core.load.formats.text import headline, normalise_newlines
from reader.core.load.formats.typeset import plain

TEXT_FILE_LIMIT = 50 * MB
DOCUMENT_FILE_LIMIT = 100 * MB
# Sentences (and so paragraphs) of an article: each costs the comparison about
# what 50 characters of prose do, so text of one-word lines is bounded here.
SENTENCE_LIMIT = 100_000

# Reader -> (module of formats, its function), imported when first needed (cold start).
_READERS: dict[str, tuple[str, str]] = {
    "text": ("text", "read_text"),
    "markdown": ("markdown", "read_markdown"),
    "html": ("html", "read_html"),
    "mhtml": ("mhtml", "read_mhtml"),
    "docx": ("docx", "read_docx"),
    "pdf": ("pdf", "read_pdf"),
    "epub": ("epub", "read_epub"),
    "rtf": ("rtf", "read_rtf"),
}
_DOCUMENT_SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".epub": "epub"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MHTML_SUFFIXES = {".mhtml", ".mht"}

# Signatures of files that are surely not articles: (prefix, offset, what it is).
_BINARY_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"II*\x00", 0, "a TIFF image"),
    (b"MM\x00*", 0, "a TIFF image"),
    (b"WEBP", 8, "a WebP image"),
    (b"ftyp", 4, "a video or HEIC image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Office file (.doc); save it as .docx"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x7fELF", 0, "a program"),
    (b"SQLite format 3\x00", 0, "a database"),
    (b"ID3", 0, "an MP3 file"),
)
# For open dialogs: the names this loader reads best (any file is tried by content).
SUPPORTED_SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".docx",
    ".pdf",
    ".epub",
    ".rtf",
)
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t\f\v]*\n)+")
_SURROGATES = re.compile("[\ud800-\udfff]")


def load(path: str | os.PathLike[str]) -> Article:
    """Load an article file; raises ``ArticleError`` naming the file and the problem.

    The file is read once, without locking or writing anything, and must not
    change while it is read. ``Article.source_format`` is one of "text",
    "markdown", "html", "docx", "pdf", "epub", "rtf"; ``Article.encoding`` is the
    detected encoding for text formats (None where the format fixes it).
    """
    name = os.fspath(path)
    suffix = Path(name).suffix.lower()
    big = suffix in _DOCUMENT_SUFFIXES or suffix in _MHTML_SUFFIXES
    limit = DOCUMENT_FILE_LIMIT if big else TEXT_FILE_LIMIT
    try:
        data = files.read_file(name, limit)
        return _article(data, name, suffix)
    except BadInput as error:
        raise ArticleError(name, str(error)) from None


def load_bytes(data: bytes, *, path: str = "<bytes>") -> Article:
    """An article from a file's bytes (dropped data, a test); ``path``'s suffix is a hint."""
    try:
        if not data:
            raise BadInput("the file is empty")
        return _article(data, path, Path(path).suffix.lower())
    except BadInput as error:
        raise ArticleError(path, str(error)) from None


def _article(data: bytes, name: str, suffix: str) -> Article:
    reader = _recognise(data, suffix)
    extracted = _reader(reader)(data, TEXT_LIMIT)
    source_format = "html" if reader == "mhtml" else reader  # a saved page is a web page
    text = _tidy(plain(extracted.text, TEXT_LIMIT))  # ligatures, soft hyphens: one text
    if not text:
        raise BadInput("the file is empty" if not data.strip() else "the file has no text")
    if len(text) > TEXT_LIMIT:
        raise too_much_text(TEXT_LIMIT)
    first_line = text.split("\n", 1)[0].strip()
    given = plain(extracted.title, TEXT_LIMIT)
    title = given if given == first_line else headline(text)
    article = Article.from_text(
        text,
        path=name,
        title=title,
        source_format=source_format,
        encoding=extracted.encoding,
        body_recognised=extracted.body_recognised,
    )
    if len(article.sentences) > SENTENCE_LIMIT:
        raise BadInput(f"more than the {SENTENCE_LIMIT:,} sentences this app supports")
    return article


def _reader(key: str) -> Callable[[bytes, int], Extracted]:
    module, function = _READERS[key]
    return getattr(importlib.import_module(f"reader.core.load.formats.{module}"), function)


def _recognise(data: bytes, suffix: str) -> str:
    """The reader (a key of ``_READERS``) for these bytes: content first, then the name."""
    head = data[:4096]
    # Readers accept a PDF header anywhere in the first kilobyte; a text merely
    # mentioning "%PDF-" must not become a PDF, so that needs the .pdf name.
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head[:1024]):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        if suffix in (".docx", ".epub"):
            return suffix[1:]
        from reader.core.load.formats.zipguard import member_names

        names = member_names(data, "zip archive")
        if "word/document.xml" in names:
            return "docx"
        if "META-INF/container.xml" in names:
            return "epub"
        raise BadInput("this is a zip archive, not an article")
    expected = _DOCUMENT_SUFFIXES.get(suffix)
    if expected == "pdf":
        raise BadInput("not a PDF file (it has no %PDF header)")
    if expected:
        raise BadInput(f"broken {suffix} file: not a valid zip archive")
    for signature, offset, what in _BINARY_SIGNATURES:
        if head[offset : offset + len(signature)] == signature:
            raise BadInput(f"this is {what}, not an article")
    if looks_like_rtf(head):
        return "rtf"
    if suffix in _MHTML_SUFFIXES or looks_like_mhtml(head):
        return "mhtml"
    if suffix in _HTML_SUFFIXES or looks_like_html(head):
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


def _tidy(text: str) -> str:
    """Line endings \\n, no blank lines before the text, no whitespace after it."""
    text = normalise_newlines(text)
    if _SURROGATES.search(text):
        # Only a reader's escape handling can produce these: pair them, replace strays.
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return _LEADING_BLANK_LINES.sub("", text).rstrip()
