"""Readers for each file format the loader accepts, one module per format family.

Every reader takes the file's bytes (read once, safely, by ``files``) and returns
an ``Extracted``: the article text with one paragraph per line and the title as
its first line when there is one. Readers signal unusable input with
``BadInput(reason)``; ``reader.core.load.loader`` names the file and turns it into an
``ArticleError``. Nothing here touches the network or writes anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024
# Characters of article text, whatever the format: what the comparison handles
# within ~15 s on a 2-core machine (README "Limits"), some 500,000 words, far
# beyond any article. The loader also bounds the sentences (SENTENCE_LIMIT).
TEXT_LIMIT = 3_000_000


class BadInput(Exception):
    """The bytes cannot be turned into an article; ``str(error)`` is the short reason."""


class TextBudget:
    """A running count of the characters a reader has extracted, refused past ``limit``.

    Readers of formats whose text can outgrow the file (zip containers, PDF
    content streams shared by pages) charge every piece as they extract it, so a
    document over the limit is refused when it crosses it, not after all of it
    has been extracted.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.used = 0

    def take(self, count: int) -> None:
        """Charge ``count`` characters; ``BadInput`` once the total passes the limit."""
        self.used += count
        if self.used > self.limit:
            raise too_much_text(self.limit)


def too_much_text(limit: int) -> BadInput:
    """The refusal for text over ``limit`` characters (the same words for every format)."""
    return BadInput(f"more than the {limit:,} characters of text this app supports")


@dataclass(frozen=True)
class Extracted:
    """What a format reader found: paragraph-per-line text, its title line, the encoding."""

    text: str
    title: str = ""
    encoding: str | None = None
    # False when a web page's article body was not recognised and ``text`` is
    # all of its visible text instead (see formats.html).
    body_recognised: bool = True
