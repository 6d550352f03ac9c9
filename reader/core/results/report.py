"""A self-contained HTML report of a comparison, and writing it safely.

The report shows what the window shows: both texts side by side with the same
marks (colour plus underline/strike-through, so print and colour-blind readers
lose nothing), the summary, the changes in meaning (both texts of each) and the
quotation table. No scripts, no external
resources: one file that opens anywhere and can be mailed.
"""

from __future__ import annotations

import html
import os
import tempfile
from pathlib import Path

from reader.core.results.comparison import Comparison, Quote, QuotePair
from reader.core.results.labels import (
    CHANGE,
    CHANGE_GLYPH,
    FINDING_KIND,
    FINDINGS,
    MARK_WORD,
    QUOTE_STATUS,
    capitalised,
    findings_count,
)
from reader.core.results.marks import Mark, inline, side_marks
from reader.core.results.query import finding_words

_CSS = """
body { font: 15px/1.55 Georgia, 'DejaVu Serif', serif; margin: 2em auto; max-width: 1200px;
       color: #1d1d1f; background: #fff; padding: 0 1em; }
h1 { font: 600 1.4em system-ui, sans-serif; margin-bottom: .2em; }
.meta, .summary, .legend, table { font: 13px/1.4 system-ui, sans-serif; }
.meta { color: #555; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 2em; margin-top: 1em; }
.pane h2 { font: 600 1em system-ui, sans-serif; border-bottom: 1px solid #ccc; }
.text { white-space: pre-wrap; }
.added { background: #d7f5dd; text-decoration: underline; text-decoration-color: #1a7f37; }
.omitted { background: #ffdcdc; text-decoration: line-through; text-decoration-color: #b3261e; }
.changed { background: #fff6d6; }
.moved { border-left: 3px solid #5b5bd6; padding-left: 2px; }
.legend span { padding: 0 .4em; margin-right: .6em; }
table { border-collapse: collapse; width: 100%; margin-top: 1em; }
th, td { border-bottom: 1px solid #ddd; padding: .4em; text-align: left; vertical-align: top; }
td.status { white-space: nowrap; font-weight: 600; }
td.change { white-space: nowrap; }
td.words { font-family: Georgia, 'DejaVu Serif', serif; }
@media print { .columns { gap: 1em; } body { margin: 0; } }
"""


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
        f"<title>{_esc(title)}</title><style>{_CSS}</style></head><body>",
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
        '<p class="legend">'
        + "".join(f'<span class="{kind.value}">{word}</span>' for kind, word in MARK_WORD.items())
        + "</p>",
        '<div class="columns">',
    ]
    for side, article in (("left", left), ("right", right)):
        label = "Original" if side == "left" else "Rewrite"
        meta = " · ".join(p for p in (article.title, article.source_format, article.encoding) if p)
        parts += [
            f'<section class="pane"><h2>{label}: {_esc(_name(article.path))}</h2>',
            f'<p class="meta">{_esc(meta)}</p>',
            f'<div class="text">{_marked_text(article.text, side_marks(comparison, side))}</div>',
            "</section>",
        ]
    parts.append("</div>")
    parts.append(_quote_table(comparison))
    parts.append("</body></html>")
    return "\n".join(parts)


def _name(path: str) -> str:
    return Path(path).name or path


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _marked_text(text: str, marks: list[Mark]) -> str:
    """Escape ``text`` and wrap every character in the classes of the marks covering it."""
    boundaries = {0, len(text)}
    for mark in marks:
        boundaries.update((mark.start, mark.end))
    points = sorted(boundaries)
    # Sweep: marks sorted by start, active set per segment. Fine for reports
    # (a mark covers one block; blocks do not overlap on a side).
    starts: dict[int, list[Mark]] = {}
    for mark in marks:
        starts.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    out = []
    for a, b in zip(points, points[1:], strict=False):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        chunk = _esc(text[a:b])
        kinds = sorted({m.kind.value for m in active})
        if kinds:
            out.append(f'<span class="{" ".join(kinds)}">{chunk}</span>')
        else:
            out.append(chunk)
    return "".join(out)


def _findings_table(comparison: Comparison) -> str:
    """Every change in meaning, weightiest first: kind, change, both texts, why."""
    if not comparison.findings:
        return ""
    rows = [
        f"<h2>{_esc(capitalised(FINDINGS))}</h2>"
        '<table class="findings"><tr><th>Kind</th><th>Change</th>'
        "<th>Rewrite</th><th>Original</th><th>Why</th></tr>"
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
        _esc(text) if kind is None else f'<span class="{kind.value}">{_esc(text)}</span>'
        for text, kind in inline(pair.ops)
    )


def _quote_table(comparison: Comparison) -> str:
    if not comparison.quote_pairs:
        return "<p class='meta'>No direct quotations found.</p>"
    rows = [
        "<h2>Quotations</h2><table><tr><th>Status</th><th>Speaker</th>"
        "<th>Original</th><th>Rewrite</th><th>Difference</th></tr>"
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
    directory = target.parent if str(target.parent) else Path(".")
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    except OSError as error:
        raise ReportError(f"{target}: {error.strerror or error}") from None
    try:
        data = content.encode("utf-8") if isinstance(content, str) else content
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; a report is an ordinary file
        os.replace(temp, target)
    except OSError as error:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise ReportError(f"{target}: {error.strerror or error}") from None
