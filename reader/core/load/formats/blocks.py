"""The visible text of (X)HTML as blocks, one line each, read by a streaming parser target.

Headings, paragraphs, list items, quotes, table cells and the like each become
one line with whitespace collapsed; what a reader never sees (head, scripts,
styles, templates, SVG and MathML) is skipped. Used for EPUB chapters and for a
web page whose article body trafilatura does not recognise.
"""

from __future__ import annotations

from reader.core.load.formats import TextBudget

BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul br".split()
)
_SKIP = frozenset("head script style template svg math title noscript".split())


class BlockCollector:
    """An lxml parser target: text blocks as (tag, text), charged to the budget as they close.

    Give it to ``lxml.etree.HTMLParser(target=...)`` and feed the parser; its
    ``close()`` returns the blocks. No tree is built, so memory is the text's.
    """

    def __init__(self, budget: TextBudget) -> None:
        self.budget = budget
        self.found: list[tuple[str, str]] = []
        self.pending: list[str] = []
        self.pending_size = 0
        self.opened = ["body"]
        self.skipping = 0

    def start(self, tag: str, attrib: object) -> None:
        name = _local(tag)
        if self.skipping or name in _SKIP:
            self.skipping += 1
        elif name in BLOCKS:
            self.flush()
            self.opened.append(name)

    def end(self, tag: str) -> None:
        name = _local(tag)
        if self.skipping:
            self.skipping -= 1
        elif name in BLOCKS:
            self.flush()
            if len(self.opened) > 1:
                self.opened.pop()

    def data(self, text: str) -> None:
        if not self.skipping:
            self.pending.append(text)
            self.pending_size += len(text)
            if self.budget.used + self.pending_size > 2 * self.budget.limit:
                self.budget.take(self.pending_size)  # one giant block of mostly spaces

    def flush(self) -> None:
        line = " ".join("".join(self.pending).split())
        self.pending.clear()
        self.pending_size = 0
        if line:
            self.budget.take(len(line) + 1)
            self.found.append((self.opened[-1], line))

    def close(self) -> list[tuple[str, str]]:
        self.flush()
        return self.found


def _local(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def visible_blocks(page: str, budget: TextBudget) -> list[tuple[str, str]]:
    """(tag, text) for each block of visible text in an HTML page (a decoded string)."""
    from lxml import etree  # imported with the first page that needs it (cold start)

    if not page.strip():
        return []
    parser = etree.HTMLParser(target=BlockCollector(budget), no_network=True, remove_comments=True)
    parser.feed(page)
    return parser.close()
