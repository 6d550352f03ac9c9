"""Synced scrolling by content: the passage at one pane's sync point stays beside its counterpart.

After Meld's ``_sync_vscroll``: find the aligned block under the master pane's
sync point, take how far through that block (in pixels) the point is, and put
the same fraction of the counterpart block at the other pane's sync point.
The counterpart comes from ``ComparisonQuery``, so blocks the rewrite moved
are followed to wherever they went, and a block the other side lacks holds the
other pane at the gap where it would be.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader.core.query import ComparisonQuery, Side, other_side
from reader.ui.article_pane import ArticlePane


def syncpoint(value: float, page: float, maximum: float) -> float:
    """Where in the viewport (0 top .. 1 bottom) the panes are lined up.

    Mid-screen normally; within the first half-screen of the document it ramps
    down to the top, and within the last half-screen up to the bottom, so both
    documents can reach their first and last lines whatever their lengths.
    """
    if page <= 0:
        return 0.5
    half = page / 2
    rise = min(1.0, max(0.0, value / half))
    fall = min(1.0, max(0.0, (value - (maximum - half)) / half)) if maximum > 0 else 0.0
    return 0.5 * rise + 0.5 * fall


class ScrollSync(QObject):
    """Keeps two panes scrolled to aligned content; drops the echo of its own scrolling."""

    def __init__(self, *, left: ArticlePane, right: ArticlePane, parent: QObject | None = None):
        super().__init__(parent)
        self._panes: dict[Side, ArticlePane] = {"left": left, "right": right}
        self._query: ComparisonQuery | None = None
        self._busy = False  # set while we move the other pane: its scroll event is our own echo
        self.enabled = True
        left.text.verticalScrollBar().valueChanged.connect(lambda _v: self.follow("left"))
        right.text.verticalScrollBar().valueChanged.connect(lambda _v: self.follow("right"))

    def set_query(self, query: ComparisonQuery | None) -> None:
        self._query = query

    def follow(self, master: Side) -> None:
        """Scroll the pane opposite ``master`` to match what ``master`` shows."""
        if self._busy or not self.enabled or self._query is None:
            return
        source = self._panes[master]
        target = self._panes[other_side(master)]
        bar = source.text.verticalScrollBar()
        point = syncpoint(bar.value(), source.page_height(), bar.maximum())
        doc_y = bar.value() + point * source.page_height()
        block = self._query.block_near(master, source.offset_at_y(doc_y))
        if block is None:
            return
        span = self._query.span(master, block)
        assert span is not None  # block_near only returns blocks of its side
        top, bottom = source.span_y(*span)
        fraction = min(1.0, max(0.0, (doc_y - top) / (bottom - top))) if bottom > top else 0.0
        other_top, other_bottom = target.span_y(*self._query.counterpart(master, block))
        target_y = other_top + fraction * (other_bottom - other_top)
        other_bar = target.text.verticalScrollBar()
        value = target_y - point * target.page_height()
        # Near either end of the master document, ease the other pane towards its
        # own end, so the two first lines (and the two last) always show together
        # even when one article opens or closes with text the other lacks.
        half = source.page_height() / 2
        if half > 0:
            top_weight = min(1.0, bar.value() / half)
            bottom_weight = min(1.0, (bar.maximum() - bar.value()) / half)
            value = value * top_weight
            value = value * bottom_weight + other_bar.maximum() * (1.0 - bottom_weight)
        self._busy = True
        try:
            other_bar.setValue(int(round(value)))
        finally:
            self._busy = False
