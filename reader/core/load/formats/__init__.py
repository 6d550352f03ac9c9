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


class BadInput(Exception):
    """The bytes cannot be turned into an article; ``str(error)`` is the short reason."""


@dataclass(frozen=True)
class Extracted:
    """What a format reader found: paragraph-per-line text, its title line, the encoding."""

    text: str
    title: str = ""
    encoding: str | None = None
