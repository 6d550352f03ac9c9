"""Word .docx documents: body paragraphs and tables, in reading order, read as a stream.

The document part (``word/document.xml``) is inflated chunk by chunk by the zip
guard and parsed incrementally (lxml's pull parser, entities left unexpanded,
no DTD or network), each paragraph and table dropped from the tree once read,
so memory stays bounded and a document over the text limit is refused when it
crosses it (issue 16, cases 1 and 5). python-docx is not used: it parses the
whole part into one tree first.

The title is the first paragraph when it is styled Title or Heading 1;
otherwise the document's own title property (``docProps/core.xml``, when the file
has one: no made-up title otherwise) is put first as the title line; otherwise
the plain-text headline rule decides. Headers, footers, footnotes, comments,
text boxes and deleted text are not the article and are left out. A line break
inside a paragraph starts a new line; table rows read as ``cell | cell``. An
entity reference left unexpanded (only a hand-made file has one) is shown as
written, ``&name;``, with the text around it.
"""

from __future__ import annotations

from reader.core.load.formats import TEXT_LIMIT, BadInput, Extracted, TextBudget
from reader.core.load.formats.xmlparts import xml_events as _events
from reader.core.load.formats.zipguard import Archive, open_archive

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_P, _TBL, _TR, _TC, _T = _W + "p", _W + "tbl", _W + "tr", _W + "tc", _W + "t"
_TITLE_STYLES = {"title", "heading 1"}
_STYLE_IDS = {"title": "title", "heading1": "heading 1"}  # when styles.xml is missing
# Subtrees whose text is not the paragraph's own: text boxes, the fallback copy of
# alternate content, deleted runs, properties.
_SKIP = frozenset(
    (_W + "txbxContent", _MC + "Fallback", _W + "del", _W + "rPr", _W + "pPr", _W + "moveFrom")
)
_CHARS = {_W + "tab": "\t", _W + "ptab": "\t", _W + "noBreakHyphen": "-"}


def read_docx(data: bytes, limit: int = TEXT_LIMIT) -> Extracted:
    """A Word document's text, one paragraph per line; ``BadInput`` past ``limit`` characters."""
    archive = open_archive(data, "Word document")
    if "word/document.xml" not in archive.names:
        raise BadInput("broken Word document: it has no document body (word/document.xml)")
    budget = TextBudget(limit)
    try:
        lines, first_style = _body(archive, budget)
        styles = _styles(archive) if first_style else {}
        property_title = _property_title(archive)
    except BadInput:
        raise
    except Exception as error:  # lxml raises XMLSyntaxError and others on a damaged part
        raise BadInput(f"broken Word document ({type(error).__name__})") from None
    style = styles.get(first_style, _STYLE_IDS.get(first_style.lower(), ""))
    title = ""
    if lines and style in _TITLE_STYLES:
        title = lines[0]
    elif property_title and lines and lines[0] != property_title:
        title = property_title
        lines.insert(0, title)
    return Extracted(text="\n".join(lines), title=title)


def _body(archive: Archive, budget: TextBudget) -> tuple[list[str], str]:
    """(text lines, style id of the first non-empty paragraph)."""
    lines: list[str] = []
    first_style = ""
    paragraphs = tables = 0  # how many are open around the current element
    for event, element in _events(archive, "word/document.xml"):
        tag = element.tag  # type: ignore[attr-defined]
        if tag != _P and tag != _TBL:
            if tag == _T and event == "end":  # charged as it arrives: one paragraph may be huge
                budget.take(len(element.text or ""))  # type: ignore[attr-defined]
            continue
        if event == "start":
            paragraphs += tag == _P
            tables += tag == _TBL
            continue
        paragraphs -= tag == _P
        tables -= tag == _TBL
        if paragraphs or tables:
            continue  # part of an enclosing paragraph or table, read with it
        if tag == _P:
            found = _paragraph_lines(_paragraph_text(element))
            if found and not lines:
                first_style = _style_id(element)
        else:
            found = _table_lines(element)
        lines += found
        _drop(element)
    return lines, first_style


def _drop(element: object) -> None:
    """Free a read block and everything before it: the tree never holds more than one."""
    element.clear()  # type: ignore[attr-defined]
    parent = element.getparent()  # type: ignore[attr-defined]
    if parent is not None:
        while element.getprevious() is not None:  # type: ignore[attr-defined]
            del parent[0]


def _paragraph_text(paragraph: object) -> str:
    parts: list[str] = []
    stack = [paragraph]
    while stack:  # pre-order, without recursion (nesting depth is the file's choice)
        element = stack.pop()
        tag = element.tag  # type: ignore[attr-defined]
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _T:
            parts.append(_t_text(element))
            continue
        if tag == _W + "br" or tag == _W + "cr":
            kind = element.get(_W + "type")  # type: ignore[attr-defined]
            if kind in (None, "textWrapping"):
                parts.append("\n")
            continue
        if tag in _CHARS:
            parts.append(_CHARS[tag])
            continue
        stack.extend(reversed(element))  # type: ignore[call-overload]
    return "".join(parts)


def _t_text(element: object) -> str:
    """A ``w:t``'s text, with any unexpanded entity reference kept as written."""
    parts = [element.text or ""]  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        if not isinstance(child.tag, str):  # an entity reference (or a stray comment)
            parts.append(child.text if child.text and child.text.startswith("&") else "")
        parts.append(child.tail or "")
    return "".join(parts)


def _style_id(paragraph: object) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")  # type: ignore[attr-defined]
    return (style.get(_W + "val") or "") if style is not None else ""


def _paragraph_lines(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split("\n") if part.strip()]


def _table_lines(table: object) -> list[str]:
    lines = []
    for row in table.iterchildren(_TR):  # type: ignore[attr-defined]
        cells: list[str] = []
        for cell in row.iterchildren(_TC):
            text = " ".join(" ".join(_paragraph_text(p) for p in cell.iter(_P)).split())
            # A cell spanning columns may repeat its neighbour's text.
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            lines.append(" | ".join(cells))
    return lines


def _styles(archive: Archive) -> dict[str, str]:
    """Style id -> lower-cased style name, from word/styles.xml when there is one."""
    if "word/styles.xml" not in archive.names:
        return {}
    names: dict[str, str] = {}
    for event, element in _events(archive, "word/styles.xml"):
        if event == "end" and element.tag == _W + "style":  # type: ignore[attr-defined]
            name = element.find(_W + "name")  # type: ignore[attr-defined]
            style_id = element.get(_W + "styleId")  # type: ignore[attr-defined]
            if style_id and name is not None:
                names[style_id] = (name.get(_W + "val") or "").lower()
            _drop(element)
    return names


def _property_title(archive: Archive) -> str:
    """The title in docProps/core.xml; "" when the file has none (never a default)."""
    if "docProps/core.xml" not in archive.names:
        return ""
    for event, element in _events(archive, "docProps/core.xml"):
        if event == "end" and element.tag == _DC_TITLE:  # type: ignore[attr-defined]
            return " ".join((element.text or "").split())[:1000]  # type: ignore[attr-defined]
    return ""
