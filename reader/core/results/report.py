"""A self-contained HTML report of a comparison, and writing it safely.

The report shows what the window shows: both texts side by side, one table row
per aligned block (the original's text, a glyph for what happened, the
rewrite's text; an empty cell opposite an added or omitted block), with the
same marks. Every mark has a cue besides its colour, so print and colour-blind
readers lose nothing: added words are underlined, omitted ones struck through,
a reworded block's row carries "≠", a moved one "↕", and the words of a change
in meaning carry a bar (a thick underline in a browser, an overline in Qt's
PDF) with the reason in their ``title``. Then the summary, the changes in
meaning and the quotation table.

One markup for both readers: a browser and Qt's rich-text engine (the window's
PDF export, ``reader.ui.export``) lay it out alike, so it keeps to what Qt
supports (tables with ``width``/``cellpadding`` attributes, ``<u>``/``<s>``,
class selectors, colours; no grid, no floats, no padding on spans). No scripts,
no external resources, and a Content-Security-Policy that forbids both: one
file that opens anywhere and can be mailed.

One pass over the blocks and the marks: marks are grouped by block once
(findings clipped to the blocks they cross with a binary search), so a 3 MB
pair's report takes about as long as writing its text out.
"""

from __future__ import annotations

import html
import os
import tempfile
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from reader.core.article import Article
from reader.core.results.comparison import (
    Block,
    BlockKind,
    Change,
    Comparison,
    Quote,
    QuotePair,
)
from reader.core.results.labels import (
    BLOCK_KIND,
    CHANGE,
    CHANGE_GLYPH,
    FINDING,
    FINDING_KIND,
    FINDINGS,
    MARK_WORD,
    MOVED,
    QUOTE_STATUS,
    capitalised,
    findings_count,
)
from reader.core.results.marks import MarkKind, finding_marks, inline, side_marks
from reader.core.results.query import SIDES, Side, finding_words

# Colours are exact fills (tests find them in screenshots); each mark also has
# a cue that is not colour: <u>, <s>, the row glyph, the finding's bar.
ADDED_BG = "#c8f0d0"
OMITTED_BG = "#ffd0d0"
CHANGED_BG = "#fff2c2"
FINDING_BG = "#ffe0b8"
MOVED_FG = "#4b4bc6"

_CSS = f"""
body {{ font-family: Georgia, 'DejaVu Serif', serif; font-size: 15px; color: #1d1d1f;
       background-color: #ffffff; margin: 0; }}
div.page {{ max-width: 1300px; margin: 0 auto; padding: 1.5em 1em; }}
h1 {{ font-family: system-ui, 'DejaVu Sans', sans-serif; font-size: 21px; font-weight: 600;
      margin-bottom: 4px; }}
h2 {{ font-family: system-ui, 'DejaVu Sans', sans-serif; font-size: 16px; font-weight: 600;
      margin-top: 18px; margin-bottom: 6px; }}
.meta, .summary, .legend, table.findings, table.quotes, th {{
      font-family: system-ui, 'DejaVu Sans', sans-serif; font-size: 13px; }}
.meta {{ color: #555555; }}
table {{ border-collapse: collapse; width: 100%; }}
th {{ text-align: left; vertical-align: top; font-weight: 600; border-bottom: 2px solid #999999; }}
td {{ vertical-align: top; border-bottom: 1px solid #dddddd; }}
table.texts td {{ line-height: 1.45; }}
td.glyph {{ text-align: center; font-family: 'DejaVu Sans', sans-serif; color: #555555; }}
td.moved {{ color: {MOVED_FG}; font-weight: 600; }}
td.changed {{ background-color: {CHANGED_BG}; }}
td.headline {{ font-weight: 600; font-size: 17px; }}
td.change {{ white-space: nowrap; }}
td.status {{ font-weight: 600; }}
td.words {{ font-family: Georgia, 'DejaVu Serif', serif; }}
span.added {{ background-color: {ADDED_BG}; }}
span.omitted {{ background-color: {OMITTED_BG}; }}
span.changed {{ background-color: {CHANGED_BG}; }}
span.moved {{ color: {MOVED_FG}; font-weight: 600; }}
span.moved u {{ text-decoration: underline dotted; }}
span.finding {{ background-color: {FINDING_BG}; text-decoration: overline;
       border-bottom: 3px solid #c2410c; }}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

# The glyph column: what happened to a block, so a row's kind never rests on colour.
_ROW_GLYPH = {
    BlockKind.SAME: "",
    BlockKind.CHANGED: CHANGE_GLYPH[Change.CHANGED],
    BlockKind.ADDED: CHANGE_GLYPH[Change.ADDED],
    BlockKind.OMITTED: CHANGE_GLYPH[Change.DROPPED],
}
_MOVED_GLYPH = "↕"
# Words moved within their passage are kept: the moved colour, dotted where CSS can.
_DECORATION = {MarkKind.ADDED: "u", MarkKind.OMITTED: "s", MarkKind.MOVED: "u"}

# One piece of a cell's marking: [start, end) of the side's text, a word mark's
# kind or a finding's reason.
_Piece = tuple[int, int, MarkKind | None, str | None]


def render_html(comparison: Comparison) -> str:
    """The whole report as one HTML document (UTF-8, inline CSS, no scripts)."""
    left, right = comparison.left, comparison.right
    s = comparison.summary
    title = f"{_name(left.path)} → {_name(right.path)}"
    summary = (
        f"{s.kept_share:.0%} of the rewrite comes from the original "
        f"({s.verbatim_share:.0%} copied word for word); "
        f"{s.added_share:.0%} of it is added; {s.omitted_share:.0%} of the original is omitted."
    )
    quotes = ", ".join(
        f"{count} {QUOTE_STATUS[status]}" for status, count in s.quotes_by_status.items()
    )
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f'<title>{_esc(title)}</title><style>{_CSS}</style></head><body><div class="page">',
        f"<h1>{_esc(title)}</h1>",
        f'<p class="summary">{_esc(summary)}'
        + (f" Quotations: {_esc(quotes)}." if quotes else "")
        + (
            f" {_esc(capitalised(findings_count(len(comparison.findings))))}."
            if comparison.findings
            else ""
        )
        + "</p>",
        _findings_table(comparison),
        "<h2>The texts side by side</h2>",
        _legend(),
        _texts_table(comparison),
        _quote_table(comparison),
        "</div></body></html>",
    ]
    return "\n".join(parts)


def _name(path: str) -> str:
    return Path(path).name or path


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _text(text: str) -> str:
    """Escaped, its line breaks kept (a block may hold several paragraphs)."""
    return _esc(text).replace("\n", "<br>")


def _legend() -> str:
    items = [
        f'<span class="added"><u>{_ROW_GLYPH[BlockKind.ADDED]} '
        f"{MARK_WORD[MarkKind.ADDED]}</u></span>",
        f'<span class="omitted"><s>{_ROW_GLYPH[BlockKind.OMITTED]} '
        f"{MARK_WORD[MarkKind.OMITTED]}</s></span>",
        f'<span class="changed">{_ROW_GLYPH[BlockKind.CHANGED]} '
        f"{MARK_WORD[MarkKind.CHANGED]}</span>",
        f'<span class="moved">{_MOVED_GLYPH} {MARK_WORD[MarkKind.MOVED]}</span>',
        f'<span class="finding">{_esc(FINDING)}</span>',
    ]
    return '<p class="legend">Marks: ' + " &nbsp;&nbsp; ".join(items) + "</p>"


def _table(name: str) -> str:
    """A table's start tag; the attributes are for Qt, which ignores CSS padding on cells."""
    return f'<table class="{name}" width="100%" cellspacing="0" cellpadding="5">'


def _heads(*columns: tuple[str, int]) -> str:
    """Header cells with their widths in percent (Qt's table layout needs them given)."""
    return "".join(f'<th width="{width}%">{_esc(name)}</th>' for name, width in columns)


def _word(kind: MarkKind, markup: str) -> str:
    """Added or omitted words: their colour, and underline or strike-through."""
    tag = _DECORATION[kind]
    return f'<span class="{kind.value}"><{tag}>{markup}</{tag}></span>'


def _texts_table(comparison: Comparison) -> str:
    """One row per block, in the blocks' order: original, glyph, rewrite."""
    articles: dict[Side, Article] = {"left": comparison.left, "right": comparison.right}
    pieces = {side: _pieces(comparison, side) for side in SIDES}
    heads = []
    for side, label in (("left", "Original"), ("right", "Rewrite")):
        article = articles[side]
        meta = " · ".join(p for p in (article.title, article.source_format, article.encoding) if p)
        heads.append(
            f'<th width="48%">{label}: {_esc(_name(article.path))}'
            + (f'<br><span class="meta">{_esc(meta)}</span>' if meta else "")
            + "</th>"
        )
    out = [
        _table("texts"),
        f'<thead><tr>{heads[0]}<th width="4%"></th>{heads[1]}</tr></thead><tbody>',
    ]
    for index, block in enumerate(comparison.blocks):
        glyph = _ROW_GLYPH[block.kind] + (_MOVED_GLYPH if block.moved else "")
        label = BLOCK_KIND[block.kind] + (f", {MOVED}" if block.moved else "")
        row = f"{block.kind.value} moved" if block.moved else block.kind.value
        glyph_class = "glyph" + (" changed" if block.kind is BlockKind.CHANGED else "")
        glyph_class += " moved" if block.moved else ""
        out.append(
            f'<tr class="{row}" id="b{index}">'
            + _cell(articles["left"], "left", block, pieces["left"].get(index, ()))
            + f'<td class="{glyph_class}" title="{_esc(label)}">{glyph}</td>'
            + _cell(articles["right"], "right", block, pieces["right"].get(index, ()))
            + "</tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _pieces(comparison: Comparison, side: Side) -> dict[int, list[_Piece]]:
    """Per block index, the word marks and the finding marks inside that block's span."""
    out: dict[int, list[_Piece]] = {}
    for mark in side_marks(comparison, side):
        block = comparison.blocks[mark.block]
        if mark.kind is MarkKind.MOVED and (mark.start, mark.end) in (block.left, block.right):
            continue  # a whole moved passage: its row's glyph says so
        if mark.kind in _DECORATION:
            out.setdefault(mark.block, []).append((mark.start, mark.end, mark.kind, None))
    order = sorted(
        (span[0], span[1], index)
        for index, block in enumerate(comparison.blocks)
        if (span := block.left if side == "left" else block.right) is not None
    )
    starts = [start for start, _, _ in order]
    for mark in finding_marks(comparison, side):
        finding = comparison.findings[mark.finding]
        why = f"{capitalised(FINDING_KIND[finding.kind])}: {finding.why}"
        k = max(bisect_right(starts, mark.start) - 1, 0)
        while k < len(order) and order[k][0] < mark.end:
            start, end, index = order[k]
            a, b = max(start, mark.start), min(end, mark.end)
            if a < b:
                out.setdefault(index, []).append((a, b, None, why))
            k += 1
    return out


def _cell(article: Article, side: Side, block: Block, pieces) -> str:
    span = block.left if side == "left" else block.right
    if span is None:
        return f'<td class="{side} empty"></td>'
    classes = [side]
    if block.kind is BlockKind.CHANGED:
        classes.append("changed")
    if span[0] == 0 and article.title and article.text.startswith(article.title):
        classes.append("headline")
    return f'<td class="{" ".join(classes)}">{_marked(article.text, span, pieces)}</td>'


def _marked(text: str, span: tuple[int, int], pieces) -> str:
    """``text[span]`` escaped, each stretch wrapped in its finding and word marks."""
    lo, hi = span
    if not pieces:
        return _text(text[lo:hi])
    points = sorted({lo, hi, *(p[0] for p in pieces), *(p[1] for p in pieces)})
    starting: dict[int, list[_Piece]] = {}
    for piece in pieces:
        starting.setdefault(piece[0], []).append(piece)
    active: list[_Piece] = []
    out = []
    for a, b in zip(points, points[1:], strict=False):
        active = [p for p in active if p[1] > a] + starting.get(a, [])
        chunk = _text(text[a:b])
        kind = next((p[2] for p in active if p[2] is not None), None)
        if kind is not None:
            chunk = _word(kind, chunk)
        whys = list(dict.fromkeys(p[3] for p in active if p[3] is not None))
        if whys:
            chunk = f'<span class="finding" title="{_esc("; ".join(whys))}">{chunk}</span>'
        out.append(chunk)
    return "".join(out)


def _findings_table(comparison: Comparison) -> str:
    """Every change in meaning, weightiest first: kind, change, both texts, why."""
    if not comparison.findings:
        return ""
    rows = [
        f"<h2>{_esc(capitalised(FINDINGS))}</h2>"
        f"{_table('findings')}<tr>"
        + _heads(("Kind", 14), ("Change", 10), ("Rewrite", 27), ("Original", 27), ("Why", 22))
        + "</tr>"
    ]
    for finding in comparison.findings:
        own, other = finding_words(comparison, finding)
        rewrite, original = (own, other) if finding.side == "right" else (other, own)
        change = f"{CHANGE_GLYPH[finding.change]} {CHANGE[finding.change]}"
        rows.append(
            f'<tr class="{finding.kind.value} {finding.change.value}">'
            f'<td class="status">{_esc(capitalised(FINDING_KIND[finding.kind]))}</td>'
            f'<td class="change">{_esc(change)}</td>'
            f'<td class="words">{_esc(rewrite) or "—"}</td>'
            f'<td class="words">{_esc(original) or "—"}</td>'
            f"<td>{_esc(finding.why)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _quote_cell(quotes: tuple[Quote, ...], text: str) -> str:
    return "<br>".join(f"“{_esc(q.text(text))}”" for q in quotes) or "—"


def _ops_html(pair: QuotePair) -> str:
    return "".join(
        _esc(text) if kind is None else _word(kind, _esc(text)) for text, kind in inline(pair.ops)
    )


def _quote_table(comparison: Comparison) -> str:
    if not comparison.quote_pairs:
        return "<p class='meta'>No direct quotations found.</p>"
    rows = [
        "<h2>Quotations</h2>"
        f"{_table('quotes')}<tr>"
        + _heads(
            ("Status", 12), ("Speaker", 14), ("Original", 25), ("Rewrite", 25), ("Difference", 24)
        )
        + "</tr>"
    ]
    for pair in comparison.quote_pairs:
        speakers = sorted({q.speaker for q in pair.left + pair.right if q.speaker})
        rows.append(
            f'<tr class="{pair.status.value}"><td class="status">'
            f"{_esc(capitalised(QUOTE_STATUS[pair.status]))}</td>"
            f"<td>{_esc(', '.join(speakers)) or '—'}</td>"
            f"<td>{_quote_cell(pair.left, comparison.left.text)}</td>"
            f"<td>{_quote_cell(pair.right, comparison.right.text)}</td>"
            f"<td>{_ops_html(pair) if pair.ops else ''}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


class ReportError(Exception):
    """The report could not be written; the message names the path and the reason."""


def write_report(path: str | Path, content: str | bytes, *, inputs: tuple[str, ...] = ()) -> None:
    """Write ``content`` (text as UTF-8, or bytes such as a PDF) atomically to ``path``.

    Refuses to write over one of ``inputs`` (the compared articles); an existing
    report is replaced only as a whole, never left half-written.
    """
    target = Path(path)
    for item in inputs:
        try:
            if target.exists() and target.samefile(item):
                raise ReportError(f"{target}: refusing to overwrite an input article")
        except OSError:
            continue
    data = content.encode("utf-8") if isinstance(content, str) else content
    with replaced_atomically(target, binary=True) as stream:
        stream.write(data)


@contextmanager
def replaced_atomically(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """A temporary file beside ``path`` that replaces it once the block ends without error.

    On any failure the temporary file is removed and ``path`` is left as it was;
    an ``OSError`` (a full disk) comes out as ``ReportError`` naming ``path``.
    Text is written as UTF-8 with ``\n`` line ends.
    """
    directory = os.path.dirname(path) or "."
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", dir=directory)
    except OSError as error:
        raise ReportError(f"{path}: {error.strerror or error}") from None
    try:
        if binary:
            stream: IO[Any] = os.fdopen(handle, "wb")
        else:
            stream = open(handle, "w", encoding="utf-8", newline="\n")
        with stream:
            yield stream
        os.chmod(temp, 0o644)  # mkstemp makes it private; the output is an ordinary file
        os.replace(temp, path)
    except BaseException as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise ReportError(f"{path}: {error.strerror or error}") from None
        raise
