"""Markdown: rendered to plain paragraphs with markdown-it (CommonMark), markup removed.

Decision: a Markdown article is shown as the text a reader of the rendered page
sees, not its source. ``# Title`` becomes ``Title``, ``**bold**`` and ``_em_`` lose
their marks, ``[text](url)`` becomes ``text``, images and raw HTML tags are
dropped, code keeps its text. Comparing an .md rewrite with a .txt original then
colours wording, not asterisks. Soft line breaks join (that is what they mean in
Markdown), so wrapped Markdown needs no guessing. List items keep a ``- `` or
``1. `` marker so a list still reads as one. A YAML front-matter block is removed;
its ``title:`` is used when the body has no heading first.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.core.load.formats import TEXT_LIMIT, Extracted, TextBudget
from reader.core.load.formats.text import decode

if TYPE_CHECKING:
    from markdown_it.token import Token

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_YAML_KEY = re.compile(r"[A-Za-z_][\w-]*:")
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.M)
_SPACES = re.compile(r"[ \t]+")


def read_markdown(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """Markdown bytes as paragraph-per-line text; a leading heading is the title."""
    source, encoding = decode(data)
    front_title = ""
    found = _FRONT_MATTER.match(source)
    if found and _YAML_KEY.match(found.group(1)):
        # Rendered, front matter would read as a rule and a heading ("author: Jane").
        title_line = _FRONT_TITLE.search(found.group(1))
        front_title = title_line.group(1).strip("\"' ") if title_line else ""
        source = source[found.end() :]
    lines, first_is_heading = _render(source, TextBudget(limit))
    title = lines[0] if lines and first_is_heading else ""
    if not title and front_title:
        lines.insert(0, front_title)
        title = front_title
    return Extracted(text="\n".join(lines), title=title, encoding=encoding)


def _render(source: str, budget: TextBudget) -> tuple[list[str], bool]:
    """(one line per paragraph / heading / list item / table row / code line, first is heading)."""
    from markdown_it import MarkdownIt  # imported with the first Markdown file (cold start)

    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    lines: list[str] = []
    first_is_heading = False
    in_heading = False
    prefixes: list[str] = []  # list markers waiting for their item's first paragraph
    numbers: list[int | None] = []  # per open list: the next number, None for bullets
    row: list[str] | None = None  # cells of the table row being read
    for token in parser.parse(source):
        kind = token.type
        if kind == "heading_open":
            in_heading = True
        elif kind == "heading_close":
            in_heading = False
        elif kind == "bullet_list_open":
            numbers.append(None)
        elif kind == "ordered_list_open":
            numbers.append(int(token.attrGet("start") or 1))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif kind == "list_item_open":
            number = numbers[-1] if numbers else None
            prefixes.append("- " if number is None else f"{number}. ")
            if number is not None:
                numbers[-1] = number + 1
        elif kind == "list_item_close" and prefixes:
            prefixes.pop()  # an empty item: its marker is not carried to the next
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if row and any(row):
                lines.append(" | ".join(row))
            row = None
        elif kind == "inline" and row is not None:
            row.append(" ".join(_inline_text(token).split()))
        elif kind == "inline":
            for part in _inline_text(token).split("\n"):
                part = _SPACES.sub(" ", part).strip()
                if not part:
                    continue
                if prefixes and prefixes[-1]:
                    part = prefixes[-1] + part
                    prefixes[-1] = ""  # a second paragraph in the item has no marker
                if not lines:
                    first_is_heading = in_heading
                budget.take(len(part) + 1)
                lines.append(part)
        elif kind in ("fence", "code_block"):
            lines.extend(line.rstrip() for line in token.content.split("\n") if line.strip())
    return lines, first_is_heading


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # Emphasis, links, raw HTML tags and images: their marks and URLs are
        # dropped; a link's text arrives as its own text children.
    return "".join(parts)
