"""Navigation: bringing both panes to a passage and its counterpart.

``Navigator`` holds the comparison's ``ComparisonQuery`` and the two panes.
Every jump goes through ``show_spans``: a block picked by next/previous
difference, a click on a sentence or on a link-map band, a quotation picked in
the sidebar, a change in meaning picked in the spin panel or by next/previous
finding, shown with what the other article says there. The navigator only
places panes; where a jump lands and what it is called come from the query
(and ``describe``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from reader.core.article import Span
from reader.core.results.comparison import QuotePair
from reader.core.results.query import SIDES, ComparisonQuery, Side, other_side
from reader.ui.article_pane import ArticlePane
from reader.ui.describe import describe_block, describe_finding, describe_quote
from reader.ui.sync_scroll import ScrollSync

# Where a passage the user jumps to lands in its pane (from the top).
LANDING = 0.3


class Navigator(QObject):
    """Moves both panes to places of one comparison; says where the reader now is."""

    position_changed = Signal(str)  # where the reader is, in words ("" for nowhere in particular)
    block_focused = Signal(object)  # the block index navigation landed on, or None
    finding_focused = Signal(object)  # the finding (its index) navigation landed on, or None
    message = Signal(str, int)  # a passing status-bar message and how long it stays (ms)

    def __init__(
        self,
        *,
        panes: dict[Side, ArticlePane],
        sync: ScrollSync,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._panes = panes
        self._sync = sync
        self._query: ComparisonQuery | None = None
        self._current_block: int | None = None  # the block navigation last landed on
        self._current_finding: int | None = None  # the finding navigation last landed on

    @property
    def query(self) -> ComparisonQuery | None:
        return self._query

    @property
    def current_block(self) -> int | None:
        """The block the last jump landed on; None after a jump to anything else."""
        return self._current_block

    @property
    def current_finding(self) -> int | None:
        """The finding (index in ``comparison.findings``) the last jump landed on, or None."""
        return self._current_finding

    def set_query(self, query: ComparisonQuery | None) -> None:
        """Navigate ``query``'s comparison from now on (None: nothing to navigate)."""
        self._query = query
        self._current_block = None
        self._current_finding = None
        for pane in self._panes.values():
            pane.set_focus_spans([])
            pane.set_quote_spans([])
        self.position_changed.emit("")

    def active_side(self) -> Side:
        """The pane the user is reading: the one with keyboard focus, else the left."""
        for side, pane in self._panes.items():
            if pane.text.hasFocus():
                return side
        return "left"

    # --- jumps ----------------------------------------------------------------

    def show_spans(
        self,
        left: Sequence[Span] | None,
        right: Sequence[Span] | None,
        *,
        quotes: bool = False,
        select: bool = False,
        position: str = "",
    ) -> None:
        """Bring both panes to ``left`` and ``right``: a bar beside each span, the cursor at
        the first, scrolled into view; ``quotes`` highlights them as quotations too,
        ``select`` selects each side's first span (the caret at its start).

        A side given no span goes to the passage aligned with the other side's
        first span, so the reader sees what the other article says there.
        ``position`` is what the where-am-I label then says.
        """
        spans: dict[Side, list[Span]] = {"left": list(left or ()), "right": list(right or ())}
        self._place(spans, quotes=quotes)
        for side in SIDES if select else ():
            if spans[side]:
                self._panes[side].select_span(*spans[side][0])
        self._landed(position)

    def go_to_block(self, index: int, side: Side = "left", *, scroll: tuple[Side, ...] = SIDES):
        """Point both panes at block ``index``: bar beside it, cursor on it, scrolled into view
        (the panes in ``scroll``; the others keep their place)."""
        if self._query is None:
            return
        spans = {each: [self._query.span_or_gap(each, index)] for each in SIDES}
        self._place(spans, scroll=scroll)
        self._landed(describe_block(self._query, index), block=index)

    def show_finding(self, number: int) -> None:
        """Bring both panes to finding ``number`` (of ``comparison.findings``) and its
        counterpart, each selected; without a counterpart, the other pane goes to
        the aligned place."""
        if self._query is None:
            return
        spans = self._query.finding_spans(number)
        position = describe_finding(self._query, number)
        self.show_spans(spans["left"], spans["right"], select=True, position=position)
        self._current_finding = number
        self.finding_focused.emit(number)

    def _landed(self, position: str, *, block: int | None = None) -> None:
        """Say where the last jump landed: block ``block``, or (None) somewhere else."""
        self._current_block = block
        self._current_finding = None
        self.block_focused.emit(block)
        self.finding_focused.emit(None)
        self.position_changed.emit(position)

    def show_quote_pair(self, pair: QuotePair) -> None:
        """Scroll both panes to a quote pair's quotations and highlight them."""
        position = describe_quote(self._query, pair) if self._query is not None else ""
        self.show_spans(
            [(q.start, q.end) for q in pair.left],
            [(q.start, q.end) for q in pair.right],
            quotes=True,
            position=position,
        )

    def follow_click(self, side: Side, offset: int) -> None:
        """A click on a sentence brings its counterpart level with it in the other pane."""
        if self._query is None:
            return
        index = self._query.block_at(side, offset)
        if index is None:
            return
        clicked = self._panes[side]
        start, _end = self._query.span_or_gap(side, index)
        top = clicked.span_y(start, start)[0]
        fraction = (top - clicked.scroll_value()) / max(1, clicked.page_height())
        self.go_to_block(index, side, scroll=())
        other = other_side(side)
        with self._sync.paused():
            o_start, _o = self._query.span_or_gap(other, index)
            self._panes[other].show_offset(o_start, min(0.9, max(0.0, fraction)))
        clicked.place_cursor(offset)

    def _place(self, spans: dict[Side, list[Span]], *, quotes: bool = False, scroll=SIDES) -> None:
        with self._sync.paused():  # both panes are placed explicitly
            for side in SIDES:
                pane = self._panes[side]
                own = spans[side]
                pane.set_focus_spans(own)
                pane.set_quote_spans(own if quotes else [])
                target = own[0][0] if own else self._aligned(other_side(side), spans)
                if target is None:
                    continue
                pane.place_cursor(target)
                if side in scroll:
                    pane.show_offset(target, LANDING)

    def _aligned(self, side: Side, spans: dict[Side, list[Span]]) -> int | None:
        """Where the other side holds ``side``'s first span, if ``side`` has one."""
        if self._query is None or not spans[side]:
            return None
        return self._query.aligned_offset(side, spans[side][0][0])

    # --- stepping through differences -------------------------------------------

    def next_difference(self) -> None:
        self._step(forward=True, findings=False)

    def previous_difference(self) -> None:
        self._step(forward=False, findings=False)

    # --- stepping through changes in meaning -------------------------------------

    def next_finding(self) -> None:
        """The next change in meaning in the reading order of the pane being read."""
        self._step(forward=True, findings=True)

    def previous_finding(self) -> None:
        self._step(forward=False, findings=True)

    def _step(self, *, forward: bool, findings: bool) -> None:
        if self._query is None:
            return
        query = self._query
        if findings:
            self._walk(
                self._current_finding,
                query.finding_anchor,
                query.next_finding if forward else query.previous_finding,
                lambda number, _side: self.show_finding(number),
                self.tr("No more changes in meaning"),
            )
        else:
            self._walk(
                self._current_block,
                query.anchor,
                query.next_change if forward else query.previous_change,
                self.go_to_block,
                self.tr("No more differences"),
            )

    def _walk(self, current, anchor, step, go, at_end: str) -> None:
        """Step from ``current`` (what the last jump landed on), or from the caret when the
        reader moved it since, in the reading order of the pane being read."""
        side = self.active_side()
        offset = self._panes[side].cursor_offset()
        if current is not None and anchor(side, current) != offset:
            current = None  # the reader moved the cursor away: step from where it is now
        if current is None and offset == 0:
            offset = -1  # at the very start, something at offset 0 is the next one
        found = step(side, offset, current=current)
        if found is None:
            self.message.emit(at_end, 3000)
            return
        go(found, side)

    # --- copying ----------------------------------------------------------------

    def copy_with_counterpart(self) -> None:
        """Copy the selection (or the block at the cursor) and its counterpart as text."""
        if self._query is None:
            return
        side = self.active_side()
        cursor = self._panes[side].text.textCursor()
        offsets = self._panes[side].offsets
        start, end = (
            offsets.from_qt(cursor.selectionStart()),
            offsets.from_qt(cursor.selectionEnd()),
        )
        if start == end:
            index = self._query.block_near(side, start)
            if index is None:
                return
            start, end = self._query.span(side, index) or (start, end)
        other = other_side(side)
        o_start, o_end = self._query.counterpart_range(side, start, end)
        comparison = self._query.comparison
        articles = {"left": comparison.left, "right": comparison.right}
        texts = {side: articles[side].text[start:end], other: articles[other].text[o_start:o_end]}
        labels = {"left": self.tr("Original"), "right": self.tr("Rewrite")}
        parts = []
        for s in SIDES:
            name = Path(articles[s].path).name
            body = texts[s] or self.tr("(nothing: this passage is only in the other article)")
            parts.append(f"{labels[s]} ({name}):\n{body}")
        QApplication.clipboard().setText("\n\n".join(parts))
        self.message.emit(self.tr("Copied the passage and its counterpart"), 4000)
