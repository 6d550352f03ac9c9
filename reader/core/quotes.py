"""Direct quotations: extraction, speaker attribution, and pairing across two articles.

(First stub: finds nothing. Replaced by the real extractor.)
"""

from __future__ import annotations

from reader.core.article import Article
from reader.core.comparison import Quote, QuotePair


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every direct quotation of the article, in text order, with its speaker when stated."""
    return ()


def pair_quotes(
    left: Article, left_quotes: tuple[Quote, ...], right: Article, right_quotes: tuple[Quote, ...]
) -> tuple[QuotePair, ...]:
    """Pair the quotations of two articles; every quote appears in exactly one pair."""
    return ()
