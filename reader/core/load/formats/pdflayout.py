"""A PDF page's lines and paragraphs, rebuilt from where its pieces of text are drawn.

``formats.pdf`` hands over each piece pypdf's text visitor reports, with its
position (text matrix times current matrix) and type size. Here they become
lines (a new baseline starts one), page furniture is dropped (page numbers,
running headers and footers) and lines are joined into paragraphs by their
spacing. Everything is one pass over the pieces or lines, plus a sort of a
sample for the medians: linear in the text.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from reader.core.load.formats.text import normalise_newlines, title_cased

_BASELINE = 0.4  # a piece this many type sizes off the line's baseline starts a new line
_GAP = 1.3  # a pitch this much wider than the usual one is the space between paragraphs
_SIZE_CHANGE = 0.15  # a change of type size by this share starts a paragraph (a headline)
_SHORT = 0.75  # a line shorter than this share of a full one, ending a sentence, ends it
_EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be furniture
_SAMPLE = 20_000  # lines the medians are taken from
_SENTENCE_END = re.compile(r"""[.!?:…]["'”’)\]]*$""")
_PAGE_NUMBER = re.compile(
    r"(?:page|p\.|seite|página|pagina)?\s*[-–—]?\s*(\d{1,4})\s*[-–—]?"
    r"(?:\s*(?:/|of|von|de|di)\s*\d{1,4})?",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_HYPHENS = ("-", "\u2010", "\u00ad")
_WORD_EDGES = "\"'“”‘’«»()[]{}.,;:!?…"


@dataclass(frozen=True)
class Piece:
    """A piece of text where it is drawn; ``y`` None for a line pypdf broke inside it."""

    text: str
    x: float
    y: float | None
    size: float


@dataclass
class Line:
    """One line of a page: its text (whitespace collapsed), start, baseline and type size."""

    text: str
    x: float
    y: float | None
    size: float


def piece(text: str, cm: list[float], tm: list[float], size: float) -> Piece:
    """A visitor's piece of text with its page position and its type size in page units."""
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
    size = abs(size * scale)
    if not (math.isfinite(x) and math.isfinite(y) and math.isfinite(size)):
        return Piece(text, 0.0, None, 1.0)  # a hostile matrix: no position to go by
    return Piece(text, x, y, size or 1.0)


def lines(pieces: list[Piece], box: tuple[float, float, float, float] | None = None) -> list[Line]:
    """The page's lines in drawing order; pieces on one baseline are one line.

    A piece whose baseline starts outside ``box`` (left, bottom, right, top: the
    page's visible area) is not seen by a reader and is left out: Qt's writer
    draws the line cut by a page break again, above the next page's top edge.
    """
    found: list[Line] = []
    parts: list[str] = []
    current: Line | None = None

    def close() -> None:
        if current is not None:
            current.text = " ".join("".join(parts).split())
            if current.text:
                found.append(current)
        parts.clear()

    for item in pieces:
        text = normalise_newlines(item.text)
        if not text.strip():
            # Spaces and tabs separate words. A bare newline is pypdf's guess at a
            # change of line (it makes one where the font changes, inside a word
            # or after an opening quote); the positions decide that instead.
            if current is not None and text.strip("\n"):
                parts.append(" ")
            continue
        if box is not None and item.y is not None and not _inside(item, box):
            continue
        first, *more = text.strip("\n").split("\n")
        if (
            current is None
            or current.y is None
            or item.y is None
            or abs(item.y - current.y) > _BASELINE * max(item.size, current.size)
        ):
            close()
            current = Line("", item.x, item.y, item.size)
        parts.append(first)
        for rest in more:  # pypdf broke a line inside one piece: no position of its own
            close()
            current = Line("", item.x, None, item.size)
            parts.append(rest)
    close()
    return found


def _inside(item: Piece, box: tuple[float, float, float, float]) -> bool:
    left, bottom, right, top = box
    return left <= item.x <= right and bottom <= item.y <= top  # type: ignore[operator]


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Pages without page numbers and the running headers and footers of every page.

    A line among the two topmost or bottommost of its page, set apart from the
    text inside it by more than the space between paragraphs, is dropped when
    it is a page number ("3", "Page 3 of 9", "- 3 -"), or when the same text,
    digits aside, is at the top or bottom of every page (the first may lack it).
    """
    pitch = _usual_pitch(pages)
    edges = [_edges(page, pitch) for page in pages]
    with_text = sum(1 for page in pages if page)
    seen = Counter(key for page_edges in edges for key in {_key(line.text) for line in page_edges})
    needed = max(2, with_text - 1)
    kept = []
    for page, page_edges in zip(pages, edges, strict=True):
        drop = {
            id(line)
            for line in page_edges
            if _is_page_number(line.text) or (with_text >= 2 and seen[_key(line.text)] >= needed)
        }
        kept.append([line for line in page if id(line) not in drop])
    return kept


def _edges(page: list[Line], pitch: float) -> list[Line]:
    """The lines at the top and bottom of the page set apart from the text within."""
    placed = sorted(
        (line for line in page if line.y is not None),
        key=lambda line: line.y,  # type: ignore[arg-type,return-value]
    )
    if len(placed) <= 2 * _EDGE_LINES:
        return []  # too little text to tell furniture from the article
    found = []
    for outward in (placed, placed[::-1]):  # from the bottom up, then from the top down
        apart = False
        for depth in range(_EDGE_LINES, 0, -1):  # the inner candidate first
            edge, inner = outward[depth - 1], outward[depth]
            gap = abs(edge.y - inner.y) / inner.size  # type: ignore[operator]
            apart = apart or gap > _GAP * pitch
            if apart:
                found.append(edge)
    return found


def _is_page_number(text: str) -> bool:
    found = _PAGE_NUMBER.fullmatch(text.strip())
    return found is not None and 0 < int(found.group(1)) <= 1000


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.casefold())


def paragraphs(pages: list[list[Line]]) -> list[str]:
    """The pages' lines joined into paragraphs, one string each (see the module docstring)."""
    every = [(number, line) for number, page in enumerate(pages) for line in page]
    if not every:
        return []
    pitch = _usual_pitch(pages)
    full = _full_length(every)
    body_size = Counter(round(line.size, 1) for _, line in every[:_SAMPLE]).most_common(1)[0][0]
    left = Counter(
        round(line.x) for _, line in every[:_SAMPLE] if round(line.size, 1) == body_size
    ).most_common(1)[0][0]  # the body's left margin
    words = _words(every)
    out: list[list[str]] = [[every[0][1].text]]
    for (page_a, a), (page_b, b) in zip(every, every[1:], strict=False):
        if _breaks(a, b, page_a == page_b, pitch, full, body_size, left):
            if page_a != page_b:
                out.append([""])  # a paragraph ending with its page: a blank line, as before
            out.append([b.text])
            continue
        pieces = out[-1]
        pieces[-1], joined = _join(pieces[-1], b.text, words)
        pieces.append(joined)
    return ["".join(pieces) for pieces in out]


def _usual_pitch(pages: list[list[Line]]) -> float:
    """The median distance between baselines of same-size lines, in type sizes."""
    ratios = []
    for page in pages:
        for a, b in zip(page, page[1:], strict=False):
            if a.y is None or b.y is None or abs(a.size - b.size) > 0.05 * a.size:
                continue
            ratio = (a.y - b.y) / a.size
            if 0.5 < ratio < 3:
                ratios.append(ratio)
            if len(ratios) >= _SAMPLE:
                break
    return sorted(ratios)[len(ratios) // 2] if ratios else 1.2


def _full_length(every: list[tuple[int, Line]]) -> int:
    # As text.unwrap: with few lines every one counts; with many, a stray long one must not.
    lengths = sorted(len(line.text) for _, line in every[:_SAMPLE])
    return lengths[-1] if len(lengths) < 20 else lengths[int(0.95 * (len(lengths) - 1))]


def _breaks(
    a: Line, b: Line, same_page: bool, pitch: float, full: int, body: float, left: float
) -> bool:
    if abs(a.size - b.size) > _SIZE_CHANGE * max(a.size, b.size):
        return True
    if same_page and a.y is not None and b.y is not None:
        drop = (a.y - b.y) / max(a.size, b.size)
        if drop > _GAP * pitch:
            return True
    if (
        round(b.size, 1) == body
        and b.size < b.x - left < 4 * b.size
        and (not same_page or a.x < b.x - 0.5 * b.size)
    ):
        return True  # a first-line indent (on the same page: deeper than the line above)
    if round(a.size, 1) == body and title_cased(a.text):
        return True  # a headline set in the body's type, directly above its story
    if not _SENTENCE_END.search(a.text):
        return False
    # A sentence ends a short line, or one the next word would have fitted on.
    next_word = b.text.split(" ", 1)[0]
    return len(a.text) < _SHORT * full or len(a.text) + 1 + len(next_word) <= full


def _words(every: list[tuple[int, Line]]) -> set[str]:
    words: set[str] = set()
    for _, line in every:
        words.update(word.strip(_WORD_EDGES).casefold() for word in line.text.split())
    return words


def _join(head: str, tail: str, words: set[str]) -> tuple[str, str]:
    """(head, tail as appended): a space between, or a word hyphenated at the line end joined."""
    if not (head.endswith(_HYPHENS) and head[-2:-1].isalnum() and tail[:1].isalnum()):
        return head, " " + tail
    if head[-1] == "\u00ad":
        return head[:-1], tail
    start = head.rsplit(" ", 1)[-1][:-1].lstrip(_WORD_EDGES)
    end = tail.split(" ", 1)[0].rstrip(_WORD_EDGES)
    whole = (start + end).casefold()
    if tail[:1].islower() and whole in words and f"{start}-{end}".casefold() not in words:
        return head[:-1], tail  # "inter-" + "national": the text has "international"
    return head, tail
