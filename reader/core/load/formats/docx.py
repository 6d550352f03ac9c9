"""Word .docx documents via python-docx: body paragraphs and tables, in reading order.

The title is the first paragraph when it is styled Title or Heading 1; otherwise
the document's own title property, when set, is put first as the title line;
otherwise the plain-text headline rule decides. Headers, footers, footnotes and
comments are not the article and are left out. A line break inside a paragraph
starts a new line; table rows read as ``cell | cell``.
"""

from __future__ import annotations

import io

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from reader.core.load.formats import BadInput, Extracted
from reader.core.load.formats.zipguard import member_names

_TITLE_STYLES = {"title", "heading 1"}


def read_docx(data: bytes) -> Extracted:
    """A Word document's text, one paragraph per line."""
    if "word/document.xml" not in member_names(data, "Word document"):
        raise BadInput("broken Word document: it has no document body (word/document.xml)")
    try:
        document = docx.Document(io.BytesIO(data))
        lines, first_style = _lines(document)
        property_title = (document.core_properties.title or "").strip()
    except BadInput:
        raise
    except Exception as error:  # python-docx raises many kinds on a damaged file
        raise BadInput(f"broken Word document ({type(error).__name__})") from None
    title = ""
    if lines and first_style in _TITLE_STYLES:
        title = lines[0]
    elif property_title and lines and lines[0] != property_title:
        title = " ".join(property_title.split())
        lines.insert(0, title)
    return Extracted(text="\n".join(lines), title=title)


def _lines(document: docx.document.Document) -> tuple[list[str], str]:
    """(text lines, lower-cased style name of the first non-empty paragraph)."""
    lines: list[str] = []
    first_style = ""
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            found = _paragraph_lines(block.text)
            if found and not lines:
                first_style = (block.style.name if block.style is not None else "").lower()
            lines += found
        elif isinstance(block, Table):
            lines += _table_lines(block)
    return lines, first_style


def _paragraph_lines(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split("\n") if part.strip()]


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            # A merged cell is returned once per grid column it spans.
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return lines
