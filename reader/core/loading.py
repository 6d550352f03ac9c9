"""Turn a file into an ``Article``. (First stub: UTF-8 plain text only.)"""

from __future__ import annotations

from pathlib import Path

from reader.core.article import Article
from reader.core.errors import ArticleError


def load(path: str | Path) -> Article:
    """Load an article file; raises ``ArticleError`` naming the file and the problem."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ArticleError(name, str(error)) from None
    title = text.strip().split("\n", 1)[0] if text.strip() else ""
    return Article.from_text(text, path=name, title=title, encoding="utf-8")
