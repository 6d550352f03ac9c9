"""PDF via pypdf: the text layer, page by page, its lines joined into paragraphs.

Encrypted PDFs open when they need no password to read (an empty user password
is common); otherwise, and for PDFs without a text layer (scanned images), the
reason says so. The metadata title is not used: it is often the name of the
file the PDF was made from; the first line counts as the title when it looks
like a headline. Ligatures and other typesetting are undone for every format
by ``formats.typeset``.

A PDF's text layer breaks lines where the page did. ``formats.pdflayout``
rebuilds them from where each piece of text is drawn (pypdf's text visitor
gives its matrices; text outside the page's crop box is not seen, so not read):
a new baseline starts a line; a gap between baselines wider than the page's
usual line pitch (relative to the type size), a change of type size, a
first-line indent, a title-cased line in body type, or a line ending a sentence
short of the margin ends a paragraph, so paragraph breaks survive and a
headline set on two lines stays one line. Page numbers and running headers and
footers (the same text, digits aside, at the top or bottom of every page) are
dropped. A word hyphenated at a line end is joined: without its hyphen when the
document has the word unhyphenated elsewhere (or the hyphen is a soft one),
with it otherwise ("well-known").

Work is bounded in total, not per page (issue 16, case 2: 999 pages sharing one
1 MB content stream ran for 45 minutes): at most ``PAGE_LIMIT`` pages,
``CONTENT_LIMIT`` bytes of content streams interpreted (a stream shared by many
pages counts once for each, as pypdf interprets it again for each), the text
limit counted as each piece of text is shown, and ``TIME_LIMIT`` seconds,
checked while extracting. pypdf interprets some 150 kB of dense text operators
a second on this project's 2-core machine, so an article's few hundred kB take
a second or two.
"""

from __future__ import annotations

import io
import logging
import time

from reader.core.load.formats import MB, TEXT_LIMIT, BadInput, Extracted, TextBudget
from reader.core.load.formats import pdflayout as layout

# pypdf logs every defect it repairs; with no handler configured, Python's
# last-resort handler would print them under the CLI's one-line error. A
# NullHandler stops that, and an app that configures logging still gets them.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

PAGE_LIMIT = 1_000  # more pages than an article has
CONTENT_LIMIT = 8 * MB  # content-stream bytes interpreted, all pages together
TIME_LIMIT = 10.0  # seconds of extraction, a backstop for whatever the limits above miss
_clock = time.monotonic


def read_pdf(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """The text layer of every page; ``BadInput`` if encrypted, without text or over a limit."""
    try:
        pages = _page_lines(data, TextBudget(limit))
    except BadInput:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged file
        raise BadInput(f"broken PDF ({type(error).__name__})") from None
    text = "\n".join(layout.paragraphs(layout.drop_furniture(pages)))
    if not text.strip():
        raise BadInput("this PDF has no text layer (scanned pages?); it cannot be compared")
    return Extracted(text=text)


def _page_lines(data: bytes, budget: TextBudget) -> list[list[layout.Line]]:
    from pypdf import PasswordType, PdfReader  # imported with the first PDF (cold start)

    deadline = _clock() + TIME_LIMIT
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

    pieces: list[layout.Piece] = []

    def shown(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        # pypdf calls this for each piece of text, with the matrices it is drawn by.
        budget.take(len(text))
        if _clock() > deadline:
            raise _too_slow()
        if text:
            pieces.append(layout.piece(text, cm, tm, size))

    texts = []
    interpreted = 0
    for page in reader.pages:
        contents = page.get_contents()
        interpreted += len(contents.get_data()) if contents is not None else 0
        if interpreted > CONTENT_LIMIT:
            raise BadInput(
                f"this PDF's pages draw more than {CONTENT_LIMIT // MB} MB of content "
                "in total, this app's limit"
            )
        page.extract_text(visitor_text=shown)
        texts.append(layout.lines(pieces, _visible_box(page)))
        pieces.clear()
        if _clock() > deadline:
            raise _too_slow()
    return texts


def _visible_box(page: object) -> tuple[float, float, float, float] | None:
    """The page's crop box (left, bottom, right, top), or None when it cannot be read."""
    try:
        box = page.cropbox  # type: ignore[attr-defined]
        left, bottom, right, top = (float(v) for v in (box.left, box.bottom, box.right, box.top))
    except Exception:  # a damaged box: keep every piece rather than guess
        return None
    if right - left <= 0 or top - bottom <= 0:
        return None
    return (min(left, right) - 1, min(bottom, top) - 1, max(left, right) + 1, max(bottom, top) + 1)


def _too_slow() -> BadInput:
    return BadInput(f"reading this PDF's text took more than {TIME_LIMIT:.0f} s, this app's limit")
