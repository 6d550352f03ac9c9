"""The result values of a comparison, and their JSON form (the CLI contract).

Everything here is immutable and holds offsets into the two articles' texts, not
copies: the views colour ``article.text[start:end]`` directly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from reader.core.article import Article, Span
from reader.core.worddiff import Op

Side = Literal["left", "right"]  # the original, the rewrite
SIDES: tuple[Side, Side] = ("left", "right")


def other_side(side: Side) -> Side:
    """ "left" for "right" and the reverse."""
    return "right" if side == "left" else "left"


class BlockKind(StrEnum):
    SAME = "same"  # paired, identical apart from spacing
    CHANGED = "changed"  # paired, words differ (see the block's ops)
    ADDED = "added"  # only in the right article
    OMITTED = "omitted"  # only in the left article


@dataclass(frozen=True, slots=True)
class Block:
    """One aligned unit: a span of the left, of the right, or one of each.

    ``ops`` rebuild ``left.text[l0:l1]`` from "=" and "-" ops and
    ``right.text[r0:r1]`` from "=" and "+" ops. ``moved`` marks a pair whose
    right side stands out of the left's reading order.
    """

    kind: BlockKind
    left: Span | None
    right: Span | None
    ops: tuple[Op, ...]
    moved: bool = False

    def to_json(self) -> dict[str, Any]:
        # inner_moves reads Block: imported here, not at the top, to avoid a cycle.
        from reader.core.results.inner_moves import block_moves

        return {
            "kind": self.kind.value,
            "left": list(self.left) if self.left else None,
            "right": list(self.right) if self.right else None,
            "moved": self.moved,
            "ops": [[op.tag, op.text] for op in self.ops],
            # Runs of "-" and "+" text that are the same words moved within the
            # block ([left_start, left_end, right_start, right_end]): kept, not edits.
            "moved_within": [
                [m.left_start, m.left_end, m.right_start, m.right_end] for m in block_moves(self)
            ],
        }


class QuoteStatus(StrEnum):
    VERBATIM = "verbatim"  # same words, punctuation and case aside
    ALTERED = "altered"  # words changed
    TRUNCATED = "truncated"  # one side quotes only part of the other
    MERGED = "merged"  # two or more quotations of the original joined into one
    SPLIT = "split"  # one quotation of the original cut into two or more
    ONLY_LEFT = "only_left"
    ONLY_RIGHT = "only_right"


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quotation: ``start``/``end`` cover the quoted words, marks excluded.

    A quotation running over several paragraphs is one ``Quote`` whose span
    includes the paragraph breaks and re-opening marks between its ``fragments``.
    ``speaker`` is the resolved name ("Ariana Saludares"), or None when the text
    does not say; ``speaker_span`` points at the mention next to the quote the
    name was resolved from (it may read "she" or "Saludares"). ``partial`` marks a
    phrase quoted inside the writer's own sentence (a “fair and humane” program);
    ``term`` a quoted name or term (the “Remain in Mexico” program): not speech,
    so it has no speaker, and views may hide it.
    """

    start: int
    end: int
    speaker: str | None = None
    speaker_span: Span | None = None
    fragments: tuple[Span, ...] = ()
    partial: bool = False
    term: bool = False

    def text(self, article_text: str) -> str:
        """The quoted words as one string, fragments joined by a space."""
        if len(self.fragments) > 1:
            return " ".join(article_text[s:e] for s, e in self.fragments)
        return article_text[self.start : self.end]

    def to_json(self, article_text: str) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text(article_text),
            # Where ``text`` comes from: one span, or one per paragraph of a continued quotation.
            "fragments": [list(f) for f in self.fragments] or [[self.start, self.end]],
            "speaker": self.speaker,
            "partial": self.partial,
            "term": self.term,
        }

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # Pickled as a constructor call: the quotation pairs come back from the worker
        # process, and this is a third faster both ways than a frozen dataclass's
        # state (300K-Q: 12 + 11 ms -> 7 + 7 ms). Every field, in order.
        return Quote, (
            self.start,
            self.end,
            self.speaker,
            self.speaker_span,
            self.fragments,
            self.partial,
            self.term,
        )


@dataclass(frozen=True)
class QuotePair:
    """Quotations of the two articles that report the same words (either side may be empty)."""

    status: QuoteStatus
    left: tuple[Quote, ...]
    right: tuple[Quote, ...]
    ops: tuple[Op, ...] = ()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        return QuotePair, (self.status, self.left, self.right, self.ops)  # see Quote's


class FindingKind(StrEnum):
    """What a change in meaning is about; the order is the order views list them in."""

    LOADED = "loaded"  # emotive, pejorative or intensifying wording, labels, charged verbs
    FACT = "fact"  # numbers, dates, names changed, dropped or added in an aligned pair
    ATTRIBUTION = "attribution"  # a claim's source, reporting verb or hedge changed
    QUOTE = "quote"  # a quotation dropped, added, altered, truncated, merged or split
    OMISSION = "omission"  # a passage carrying facts, quotations or sources, dropped or added


class Change(StrEnum):
    ADDED = "added"  # only in the rewrite (``side`` is right)
    DROPPED = "dropped"  # only in the original (``side`` is left)
    CHANGED = "changed"  # both, differing: ``side`` is right, ``counterpart`` the old words


@dataclass(frozen=True, slots=True)
class Finding:
    """A change in meaning: ``side``'s text ``[start, end)``, with the aligned words opposite.

    ``counterpart`` is a span of the other side (the words replaced, or the
    aligned passage), or None when nothing there corresponds. ``why`` says it
    in plain words ("date changed: next month -> in November"); ``weight`` ranks
    findings (0..1, weightier first).
    """

    kind: FindingKind
    change: Change
    side: Side
    start: int
    end: int
    why: str
    weight: float
    counterpart: Span | None = None

    @property
    def other_side(self) -> Side:
        return other_side(self.side)

    def to_json(self, left_text: str, right_text: str) -> dict[str, Any]:
        own, other = (left_text, right_text) if self.side == "left" else (right_text, left_text)
        counterpart = None
        if self.counterpart is not None:
            c0, c1 = self.counterpart
            counterpart = {"side": self.other_side, "start": c0, "end": c1, "text": other[c0:c1]}
        return {
            "kind": self.kind.value,
            "change": self.change.value,
            "side": self.side,
            "start": self.start,
            "end": self.end,
            "text": own[self.start : self.end],
            "counterpart": counterpart,
            "why": self.why,
            "weight": round(self.weight, 3),
        }


@dataclass(frozen=True)
class Summary:
    """Character counts (spaces not counted) and quote counts of a comparison."""

    left_chars: int
    right_chars: int
    kept_left_chars: int  # left characters that reappear in the right
    kept_right_chars: int  # right characters that come from the left
    added_chars: int  # right characters not in the left
    omitted_chars: int  # left characters not in the right
    moved_chars: int  # right characters in moved pairs
    verbatim_chars: int = 0  # right characters in runs of VERBATIM_WORDS+ words copied as is
    blocks_by_kind: dict[str, int] = field(default_factory=dict)
    quotes_by_status: dict[str, int] = field(default_factory=dict)
    # Findings by kind, then by change: {"loaded": {"added": 3, "dropped": 2}, ...}
    findings: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def kept_share(self) -> float:
        """Share of the right article that comes from the left (0..1)."""
        return self.kept_right_chars / self.right_chars if self.right_chars else 1.0

    @property
    def verbatim_share(self) -> float:
        """Share of the right copied word for word in runs long enough to be copy-paste."""
        return self.verbatim_chars / self.right_chars if self.right_chars else 0.0

    @property
    def added_share(self) -> float:
        return self.added_chars / self.right_chars if self.right_chars else 0.0

    @property
    def omitted_share(self) -> float:
        return self.omitted_chars / self.left_chars if self.left_chars else 0.0

    @property
    def moved_share(self) -> float:
        """Share of the right article in passages the rewrite moved (0..1)."""
        return self.moved_chars / self.right_chars if self.right_chars else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "left_chars": self.left_chars,
            "right_chars": self.right_chars,
            "kept_left_chars": self.kept_left_chars,
            "kept_right_chars": self.kept_right_chars,
            "added_chars": self.added_chars,
            "omitted_chars": self.omitted_chars,
            "moved_chars": self.moved_chars,
            "verbatim_chars": self.verbatim_chars,
            "kept_share": round(self.kept_share, 4),
            "verbatim_share": round(self.verbatim_share, 4),
            "added_share": round(self.added_share, 4),
            "omitted_share": round(self.omitted_share, 4),
            "blocks": dict(self.blocks_by_kind),
            "quotes": dict(self.quotes_by_status),
            "spin": {kind: dict(changes) for kind, changes in self.findings.items()},
        }


@dataclass(frozen=True)
class Comparison:
    """Everything the views show for a pair of articles. ``to_json()`` is the CLI contract."""

    left: Article
    right: Article
    blocks: tuple[Block, ...]
    quote_pairs: tuple[QuotePair, ...]
    summary: Summary
    findings: tuple[Finding, ...] = ()  # weightiest first

    def to_json(self) -> dict[str, Any]:
        return {key: _listed(value) for key, value in self.json_items()}

    def json_items(self) -> Iterator[tuple[str, Any]]:
        """``to_json()``'s keys and values in order, its long lists as iterators.

        For writing the JSON in pieces (the command line): a 3 MB pair's blocks
        need never be held as JSON values all at once.
        """
        yield "left", _article_json(self.left)
        yield "right", _article_json(self.right)
        yield "blocks", map(Block.to_json, self.blocks)
        yield (
            "quotes",
            (
                {
                    "status": pair.status.value,
                    "left": [q.to_json(self.left.text) for q in pair.left],
                    "right": [q.to_json(self.right.text) for q in pair.right],
                    "ops": [[op.tag, op.text] for op in pair.ops],
                }
                for pair in self.quote_pairs
            ),
        )
        yield "spin", (f.to_json(self.left.text, self.right.text) for f in self.findings)
        yield "summary", self.summary.to_json()


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, Iterator) else value


def _article_json(article: Article) -> dict[str, Any]:
    return {
        "path": article.path,
        "title": article.title,
        "text": article.text,
        "format": article.source_format,
        "encoding": article.encoding,
    }
