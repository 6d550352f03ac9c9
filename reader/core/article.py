"""The article value: the exact text a pane shows, with its paragraph and sentence spans."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.gc_pause import gc_paused
from reader.core.segment import paragraph_spans, sentence_spans

Span = tuple[int, int]


@dataclass(frozen=True)
class Article:
    """One loaded article. Immutable; every offset is a Python ``str`` index into ``text``.

    ``text`` is what a pane shows (title line included when the source had one;
    a pane may show a blank line between paragraphs, counted by its offset map),
    so offsets from any part of the engine need no other conversion.
    """

    text: str
    path: str = "<text>"
    title: str = ""
    source_format: str = "text"
    encoding: str | None = None
    # False when the loader recognised no article body in a web page and ``text``
    # is the page's visible text instead (a pane header can say so).
    body_recognised: bool = True
    paragraphs: tuple[Span, ...] = field(default=(), compare=False, repr=False)
    sentences: tuple[Span, ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        path: str = "<text>",
        title: str = "",
        source_format: str = "text",
        encoding: str | None = None,
        body_recognised: bool = True,
    ) -> Article:
        """Build an article from its final text, computing paragraph and sentence spans."""
        with gc_paused():  # a 3 MB text has some 70,000 spans: see gc_pause
            paragraphs = tuple(paragraph_spans(text))
            return cls(
                text=text,
                path=path,
                title=title,
                source_format=source_format,
                encoding=encoding,
                body_recognised=body_recognised,
                paragraphs=paragraphs,
                sentences=tuple(sentence_spans(text, paragraphs)),
            )
