"""Synced scrolling by content: the passage at one pane's sync point stays beside its counterpart.

After Meld's ``_sync_vscroll``: find the aligned block under the master pane's
sync point, take how far through that block (in pixels) the point is, and put
the same fraction of the counterpart block at the other pane's sync point.
The counterpart comes from ``ComparisonQuery``, so blocks the rewrite moved
are followed to wherever they went, and a block the other side lacks holds the
other pane at the gap where it would be.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject

from reader.core.results.query import ComparisonQuery, Side, other_side
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
        # The text at the top of each pane when last seen. A pane's scroll value
        # also changes when lines above its top are laid out (they were counted
        # as one line each) without the text moving: that is no scroll to follow.
        self._tops: dict[Side, int] = {"left": 0, "right": 0}
        self.enabled = True
        left.text.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled("left"))
        right.text.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled("right"))

    def set_query(self, query: ComparisonQuery | None) -> None:
        self._query = query

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Follow nothing while both panes are placed explicitly, then as before."""
        was = self.enabled
        self.enabled = False
        try:
            yield
        finally:
            self.enabled = was

    def _scrolled(self, side: Side) -> None:
        if self._busy:
            return
        top = self._panes[side].top_offset()
        if top != self._tops[side]:
            self._tops[side] = top
            self.follow(side)

    def follow(self, master: Side) -> None:
        """Scroll the pane opposite ``master`` to match what ``master`` shows."""
        if self._busy or not self.enabled or self._query is None:
            return
        source = self._panes[master]
        target = self._panes[other_side(master)]
        source.text.lay_out_shown()  # so its line numbers are those on screen
        value, maximum, page = source.scroll_value(), source.scroll_maximum(), source.page_height()
        point = syncpoint(value, page, maximum)
        doc_y = value + point * page
        block = self._query.block_near(master, source.offset_at_y(doc_y))
        if block is None:
            return
        # What will show above the counterpart must be laid out before its y is taken.
        above = point * target.page_height()
        target.lay_out_above(self._query.counterpart(master, block)[0], above)
        target_y = self._target_y(master, block, doc_y) - above
        # Near either end of the master document, ease the other pane towards its
        # own end, so the two first lines (and the two last) always show together
        # even when one article opens or closes with text the other lacks.
        half = page / 2
        if half > 0:
            top_weight = min(1.0, max(0.0, value / half))
            bottom_weight = min(1.0, max(0.0, (maximum - value) / half))
            target_y = target_y * top_weight
            target_y = target_y * bottom_weight + target.scroll_maximum() * (1.0 - bottom_weight)
        self._busy = True
        try:
            target.scroll_to_y(target_y, 0.0)
        finally:
            self._busy = False
        self._tops = {side: pane.top_offset() for side, pane in self._panes.items()}

    def _target_y(self, master: Side, block: int, doc_y: float) -> float:
        """The other pane's document y matching ``doc_y`` near ``block`` of ``master``.

        Inside the block: the same fraction of the counterpart. In the space
        between two blocks (paragraph breaks): the same fraction of the space
        between their counterparts when those keep their order, so the other
        pane glides instead of jumping from one counterpart to the next.
        """
        assert self._query is not None
        query = self._query
        source, target = self._panes[master], self._panes[other_side(master)]
        span = query.span(master, block)
        assert span is not None  # block_near only returns blocks of its side
        top, bottom = source.span_y(*span)
        other_top, other_bottom = target.span_y(*query.counterpart(master, block))
        if top <= doc_y <= bottom or bottom <= top:
            fraction = (doc_y - top) / (bottom - top) if bottom > top else 0.0
            return other_top + fraction * (other_bottom - other_top)
        step = -1 if doc_y < top else 1
        near = query.neighbour(master, block, step)
        if near is None:
            return other_top if step < 0 else other_bottom
        near_span = query.span(master, near)
        assert near_span is not None
        near_top, near_bottom = source.span_y(*near_span)
        far_top, far_bottom = target.span_y(*query.counterpart(master, near))
        # The gap runs from the upper block's bottom to the lower block's top, on both sides.
        if step < 0:
            gap, other_gap = (near_bottom, top), (far_bottom, other_top)
        else:
            gap, other_gap = (bottom, near_top), (other_bottom, far_top)
        if gap[1] <= gap[0] or other_gap[1] < other_gap[0]:
            return other_top if step < 0 else other_bottom  # reordered: hold at the block
        fraction = min(1.0, max(0.0, (doc_y - gap[0]) / (gap[1] - gap[0])))
        return other_gap[0] + fraction * (other_gap[1] - other_gap[0])
