"""What the window says in words: the summary line, where the reader is, what a block is.

The words come from ``reader.core.results.labels``; this module puts them
through Qt's translation and into sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.results.comparison import QuotePair, Summary
from reader.core.results.labels import BLOCK_KIND, MOVED, QUOTE_STATUS
from reader.core.results.query import ComparisonQuery


def _tr(text: str) -> str:
    return QCoreApplication.translate("describe", text)


def summary_text(summary: Summary) -> str:
    """The status-bar line: how much of the rewrite comes from the original, and the quotes."""
    parts = [
        _tr("Rewrite: {kept:.0%} from the original ({verbatim:.0%} word for word)").format(
            kept=summary.kept_share, verbatim=summary.verbatim_share
        ),
        _tr("{share:.0%} added").format(share=summary.added_share),
        _tr("{share:.0%} of the original left out").format(share=summary.omitted_share),
    ]
    if summary.moved_share:
        parts.append(_tr("{share:.0%} moved").format(share=summary.moved_share))
    quotes = [
        f"{count} {_tr(QUOTE_STATUS[status])}"
        for status, count in summary.quotes_by_status.items()
        if count
    ]
    parts.append(_tr("Quotes: ") + (", ".join(quotes) if quotes else _tr("none")))
    return " · ".join(parts)


def describe_block(query: ComparisonQuery, index: int) -> str:
    """ "Difference 3 of 15: reworded, moved" -- which block this is, in words."""
    block = query.blocks[index]
    words = _tr(BLOCK_KIND[block.kind])
    if block.moved:
        words += ", " + _tr(MOVED)
    changes = query.changes()
    if index in changes:
        where = _tr("Difference {n} of {total}").format(
            n=changes.index(index) + 1, total=len(changes)
        )
    else:
        where = _tr("Passage")
    return f"{where}: {words}"


def describe_quote(query: ComparisonQuery, pair: QuotePair) -> str:
    """ "Quotation 2 of 9: altered"; empty when ``pair`` is not one of the comparison's."""
    number = query.quote_number(pair)
    if number is None:
        return ""
    return _tr("Quotation {n} of {total}: {status}").format(
        n=number + 1,
        total=len(query.comparison.quote_pairs),
        status=_tr(QUOTE_STATUS[pair.status]),
    )
