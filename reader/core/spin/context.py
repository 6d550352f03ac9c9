"""What every spin detector reads: both articles, the blocks and their edits, the quotation pairs.

Built once per comparison from what alignment and quotation pairing produced;
detectors only read it. An ``Edit`` is one run of changed words inside a paired
block, between two kept stretches: the words the original had there (``left``)
and the words the rewrite has instead (``right``), either possibly empty.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate

from reader.core.article import Article, Span
from reader.core.results.comparison import (
    Block,
    BlockKind,
    Change,
    Finding,
    FindingKind,
    QuotePair,
    Side,
    other_side,
)
from reader.core.results.query import BlockIndex
from reader.core.worddiff import DELETE, EQUAL, INSERT

_WORD = re.compile(r"\w+")
# A finding's counterpart is its block's other side, or, past this many characters
# (a block of one endless sentence), the part of it aligned with the finding: a
# reader can read it, and hundreds of findings never each carry a whole article.
COUNTERPART_MAX = 5_000


@dataclass(frozen=True, slots=True)
class Edit:
    """Changed words of paired block ``block``: ``left`` replaced by ``right`` (None: nothing)."""

    block: int
    left: Span | None
    right: Span | None


@dataclass
class SpinContext:
    """The comparison so far, as the detectors read it; offsets index each side's text."""

    left: Article
    right: Article
    blocks: tuple[Block, ...]
    quote_pairs: tuple[QuotePair, ...]
    _words: dict[tuple[Side, Span], frozenset[str]] = field(default_factory=dict, repr=False)
    _matching: dict[tuple[Side, re.Pattern[str] | None, frozenset[str]], set[int]] = field(
        default_factory=dict, repr=False
    )
    _positions: dict[tuple[int, Side], tuple[list[int], list[int]]] = field(
        default_factory=dict, repr=False
    )
    _joined_edits: dict[Side, Joined] = field(default_factory=dict, repr=False)

    def set_quote_pairs(self, quote_pairs: tuple[QuotePair, ...]) -> None:
        """Give the quotation pairs to a context made before they were found.

        What was read so far stays (the edits, the words of passages): the
        detectors' parts that need no quotations ran on it while they were being
        paired. None of them may have asked ``quoted`` meanwhile.
        """
        if "_quoted" in self.__dict__:
            raise RuntimeError("the quotations were read before they were given")
        self.quote_pairs = quote_pairs

    @cached_property
    def _index(self) -> BlockIndex:
        return BlockIndex(self.blocks)

    def text(self, side: Side) -> str:
        return self.left.text if side == "left" else self.right.text

    def article(self, side: Side) -> Article:
        return self.left if side == "left" else self.right

    @cached_property
    def edits(self) -> tuple[Edit, ...]:
        """Every run of changed words of every paired block, in block order."""
        found: list[Edit] = []
        for index, block in enumerate(self.blocks):
            if block.kind is not BlockKind.CHANGED or block.left is None or block.right is None:
                continue
            lpos, rpos = block.left[0], block.right[0]
            run_l: list[int] | None = None  # [start, end] of the run's deleted words
            run_r: list[int] | None = None
            for tag, text in block.ops:
                n = len(text)
                if tag == EQUAL:
                    if run_l or run_r:
                        found.append(_edit(index, run_l, run_r))
                        run_l = run_r = None
                    lpos += n
                    rpos += n
                elif tag == DELETE:
                    run_l = [run_l[0] if run_l else lpos, lpos + n]
                    lpos += n
                elif tag == INSERT:
                    run_r = [run_r[0] if run_r else rpos, rpos + n]
                    rpos += n
            if run_l or run_r:
                found.append(_edit(index, run_l, run_r))
        return tuple(e for e in found if _has_word(self, e))

    @cached_property
    def _quoted(self) -> dict[str, tuple[list[int], list[int]]]:
        spans: dict[str, list[Span]] = {"left": [], "right": []}
        for pair in self.quote_pairs:
            for side, quotes in (("left", pair.left), ("right", pair.right)):
                for quote in quotes:
                    spans[side].extend(quote.fragments or ((quote.start, quote.end),))
        return {
            side: ([s for s, _ in sorted(found)], [e for _, e in sorted(found)])
            for side, found in spans.items()
        }

    def quoted(self, side: Side, offset: int) -> bool:
        """Whether ``offset`` of ``side`` lies inside a direct quotation (someone's words)."""
        starts, ends = self._quoted[side]
        k = bisect.bisect_right(starts, offset) - 1
        return k >= 0 and offset < ends[k]

    def headline(self, side: Side) -> Span | None:
        """The span of ``side``'s headline (its title line), or None when it has none."""
        article = self.article(side)
        if not article.title or not article.sentences:
            return None
        first = article.sentences[0]
        return first if article.text[first[0] : first[1]] == article.title else None

    def in_headline(self, side: Side, offset: int) -> bool:
        span = self.headline(side)
        return span is not None and span[0] <= offset < span[1]

    def words(self, side: Side, span: Span) -> frozenset[str]:
        """The lower-cased words of ``side``'s ``span``, read once however many edits ask.

        "Does the other passage say it too?" is how detectors tell a word moved
        within a pair from one added or dropped.
        """
        key = (side, span)
        found = self._words.get(key)
        if found is None:
            text = self.text(side)[span[0] : span[1]].lower()
            found = self._words[key] = frozenset(_WORD.findall(text))
        return found

    def edits_matching(
        self,
        side: Side,
        pattern: re.Pattern[str] | None = None,
        words: frozenset[str] = frozenset(),
    ) -> set[int]:
        """Indexes into ``edits`` whose words on ``side`` may hold a match (``spans_matching``)."""
        key = (side, pattern, words)
        found = self._matching.get(key)
        if found is None:
            joined = self._joined_edits.get(side)
            if joined is None:
                spans = [e.left if side == "left" else e.right for e in self.edits]
                joined = self._joined_edits[side] = Joined(self.text(side), spans)
            found = self._matching[key] = spans_matching(self.text(side), joined, pattern, words)
        return found

    def aligned(self, side: Side, start: int) -> Span | None:
        """The other side's span of the block that holds ``start`` on ``side``, if paired.

        At most ``COUNTERPART_MAX`` characters (see ``narrowed``): what detectors
        then read of an endless block is bounded too (one 2.9 M character
        sentence: 12.6 s with this, 17 s with the whole block).
        """
        index = self._index.block_at(side, start)
        if index is None:
            return None
        span = _span(self.blocks[index], other_side(side))
        return None if span is None else self.narrowed(side, start, span)

    def narrowed(self, side: Side, start: int, span: Span) -> Span:
        """``span`` of the other side, or of a longer one the ``COUNTERPART_MAX``
        characters (whole words) around the words aligned with ``start`` on ``side``."""
        if span[1] - span[0] <= COUNTERPART_MAX:
            return span
        index = self._index.block_at(side, start)
        block = self.blocks[index] if index is not None else None
        if block is not None and block.left is not None and block.right is not None:
            own, other = self._op_positions(index, side)  # type: ignore[arg-type]
            at = other[bisect.bisect_right(own, start) - 1]
        else:
            at = (span[0] + span[1]) // 2
        at = min(max(at, span[0]), span[1])
        lo = max(span[0], min(at - COUNTERPART_MAX // 2, span[1] - COUNTERPART_MAX))
        hi = lo + COUNTERPART_MAX
        text = self.text(other_side(side))
        if lo > span[0] and (cut := text.find(" ", lo, at)) >= 0:
            lo = cut + 1  # no word cut in two at either end
        if hi < span[1] and (cut := text.rfind(" ", max(lo, at), hi)) >= 0:
            hi = cut
        return lo, hi

    def _op_positions(self, index: int, side: Side) -> tuple[list[int], list[int]]:
        """Where each word op of block ``index`` starts on ``side`` and on the other side."""
        found = self._positions.get((index, side))
        if found is None:
            block = self.blocks[index]
            assert block.left is not None and block.right is not None
            own_tag = DELETE if side == "left" else INSERT
            pos = block.left[0] if side == "left" else block.right[0]
            at = block.right[0] if side == "left" else block.left[0]
            own, other = [pos], [at]
            for tag, text in block.ops:
                if tag != own_tag:
                    at += len(text)
                if tag == EQUAL or tag == own_tag:
                    pos += len(text)
                own.append(pos)
                other.append(at)
            found = self._positions[(index, side)] = (own, other)
        return found


class Joined:
    """Spans of a text joined by line breaks, for ``spans_matching``: built once, asked often.

    The lower-cased text and its set of words are read when first needed.
    """

    def __init__(self, text: str, spans: Sequence[Span | None]) -> None:
        parts = [text[s[0] : s[1]] if s is not None else "" for s in spans]
        self.text = "\n".join(parts)
        # starts[i]: where span i begins in the joined text; a sentinel after the last.
        self.starts = [0, *accumulate(len(p) + 1 for p in parts)]
        self.last = len(parts) - 1

    @cached_property
    def low(self) -> str:
        return self.text.lower()

    @cached_property
    def present(self) -> frozenset[bytes]:
        """The runs of ASCII letters in the spans, lower-cased, as bytes.

        Every other byte made a space and the text split at C speed: twice as fast
        as a regex findall, and the same runs (any other character, in UTF-8, is
        bytes outside a-z).
        """
        data = self.low.encode("utf-8", "surrogatepass")
        return frozenset(data.translate(_LETTERS_ONLY).split())


def spans_matching(
    text: str,
    spans: Sequence[Span | None] | Joined,
    pattern: re.Pattern[str] | None = None,
    words: Iterable[str] = (),
) -> set[int]:
    """The indexes of the spans of ``text`` that hold a match of ``pattern`` or one of ``words``.

    One pass over all the spans joined (a line break between two), not one call
    per span: detectors ask this of thousands of short edits, most of which hold
    nothing they look for. A prefilter, so it may find a little more than a
    search of each span would: ``pattern`` must not match a line break and sees
    one at a span's edges; ``words`` (lower case) are found in any case, with no
    ASCII letter either side. Keep ``pattern`` to what starts with a character class
    ("[0-9]"): a long alternation of words is many times slower than ``words``.
    ``spans`` may be given ``Joined`` already, for many questions about the same spans.
    """
    if not spans:
        return set()
    spans = spans if isinstance(spans, Joined) else Joined(text, spans)
    joined, starts, last = spans.text, spans.starts, spans.last
    if last < 0:
        return set()
    found: set[int] = set()
    if pattern is not None:
        pos = 0
        while (m := pattern.search(joined, pos)) is not None:
            i = bisect.bisect_right(starts, m.start()) - 1
            found.add(i)
            if i >= last:
                break
            pos = starts[i + 1]  # one match is enough: on to the next span
    if words:
        low = spans.low
        if len(low) != len(joined):  # a letter whose lower case is longer: offsets shift
            for word in words:
                hits = (m.start() for m in re.finditer(re.escape(word), joined, re.IGNORECASE))
                _words_in(joined, word, hits, starts, found)
            return found
        # The words of letters alone that occur at all, in one C-speed pass: a few of
        # hundreds are searched for.
        present = spans.present
        for word in words:
            if word.isalpha() and word.isascii() and word.encode() not in present:
                continue
            i = low.find(word)
            while i >= 0:
                e = i + len(word)
                if (i == 0 or not _word_char(low[i - 1])) and (
                    e == len(low) or not _word_char(low[e])
                ):
                    k = bisect.bisect_right(starts, i) - 1
                    found.add(k)
                    i = low.find(word, starts[k + 1]) if k < last else -1
                else:
                    i = low.find(word, i + 1)
    return found


def _words_in(joined: str, word: str, hits: Iterable[int], starts: list[int], found: set[int]):
    for i in hits:
        e = i + len(word)
        if (i == 0 or not _word_char(joined[i - 1])) and (
            e >= len(joined) or not _word_char(joined[e])
        ):
            found.add(bisect.bisect_right(starts, i) - 1)


# Only ASCII letters end a word here: a word beside a digit or an accented letter may still
# be a token of the detectors' word patterns ("[A-Za-z]+"), and a prefilter must find it.
_LETTERS = frozenset(string.ascii_letters)
_LETTERS_ONLY = bytes(b if 97 <= b <= 122 else 32 for b in range(256))  # a-z kept


def _word_char(c: str) -> bool:
    return c in _LETTERS


def _span(block: Block, side: Side) -> Span | None:
    return block.left if side == "left" else block.right


def _edit(block: int, left: list[int] | None, right: list[int] | None) -> Edit:
    return Edit(block, tuple(left) if left else None, tuple(right) if right else None)  # type: ignore[arg-type]


def _has_word(ctx: SpinContext, edit: Edit) -> bool:
    # Runs of spaces or punctuation alone carry no meaning to report.
    for side, span in (("left", edit.left), ("right", edit.right)):
        if span and any(c.isalnum() for c in ctx.text(side)[span[0] : span[1]]):
            return True
    return False


Detector = Callable[[SpinContext], list[Finding]]

__all__ = [
    "Change",
    "Detector",
    "Edit",
    "Finding",
    "FindingKind",
    "Side",
    "Joined",
    "SpinContext",
    "other_side",
    "spans_matching",
]
