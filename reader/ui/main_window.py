"""The main window: two article panes with the link map between them, the quote list below.

It wires the parts together and owns the state of what is open: the chosen
files, the articles loaded, the comparison shown and its ``ComparisonQuery``.
Loading and comparing happen in a ``CompareRunner``; the panes, link map,
scroll sync and sidebar only present what the core computed.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QSplitter,
    QStyle,
    QToolBar,
    QToolButton,
    QWidget,
)

from reader.core.article import Article
from reader.core.results.comparison import Comparison, Quote, QuotePair, QuoteStatus, Summary
from reader.core.results.marks import Mark
from reader.core.results.query import SIDES, ComparisonQuery, Side, other_side
from reader.core.results.report import ReportError, render_html, write_report
from reader.ui import dialogs
from reader.ui.article_pane import ArticlePane, local_files
from reader.ui.compare_worker import CompareResult, CompareRunner, Source
from reader.ui.describe import describe_block
from reader.ui.elided_label import ElidedLabel
from reader.ui.highlight import Colours, colours_for, glyph_icon
from reader.ui.legend import Legend
from reader.ui.link_map import LinkMap
from reader.ui.mark_filter import filter_marks
from reader.ui.palette import PALETTE_ENV, apply_palette
from reader.ui.pdf_export import pdf_bytes
from reader.ui.preferences import Preferences
from reader.ui.quote_sidebar import STATUS_WORDS, QuoteSidebar
from reader.ui.recent import RecentPairs
from reader.ui.resources import sample_pair
from reader.ui.sync_scroll import ScrollSync

APP_NAME = "Article Reader"
# Where a passage the user jumps to lands in its pane (from the top).
LANDING = 0.3


def summary_text(summary: Summary) -> str:
    """The status-bar line: how much of the rewrite comes from the original, and the quotes."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("summary", text)

    parts = [
        tr("Rewrite: {kept:.0%} from the original ({verbatim:.0%} word for word)").format(
            kept=summary.kept_share, verbatim=summary.verbatim_share
        ),
        tr("{share:.0%} added").format(share=summary.added_share),
        tr("{share:.0%} of the original left out").format(share=summary.omitted_share),
    ]
    if summary.moved_chars and summary.right_chars:
        moved = summary.moved_chars / summary.right_chars
        parts.append(tr("{share:.0%} moved").format(share=moved))
    quotes = [
        f"{count} {tr(STATUS_WORDS[QuoteStatus(status)])}"
        for status, count in summary.quotes_by_status.items()
        if count
    ]
    parts.append(tr("Quotes: ") + (", ".join(quotes) if quotes else tr("none")))
    return " · ".join(parts)


class MainWindow(QMainWindow):
    """The app window. ``settings`` and ``runner`` can be injected (tests use temporary ones)."""

    comparison_shown = Signal(object)  # the Comparison now on screen
    load_failed = Signal(str)  # the message shown to the user
    report_exported = Signal(str)  # the path of a report just written

    def __init__(
        self,
        *,
        settings: QSettings | None = None,
        runner: CompareRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.runner = runner if runner is not None else CompareRunner(parent=self)
        self.recent = RecentPairs(self.settings)
        self.prefs = Preferences.load(self.settings)
        self._paths: dict[Side, str | None] = {"left": None, "right": None}
        self._articles: dict[Side, Article | None] = {"left": None, "right": None}
        self._pending: dict[Side, str | None] = {"left": None, "right": None}
        self.comparison: Comparison | None = None
        self._marks: dict[Side, list[Mark]] = {"left": [], "right": []}  # side_marks, unfiltered
        self.query: ComparisonQuery | None = None
        self._current_block: int | None = None  # the block navigation last landed on
        self._keep_scroll: int | None = None  # where to return to after a reload
        self._colours: Colours = colours_for(self.palette())
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)

        self.panes = {
            "left": ArticlePane(side_label=self.tr("Original"), parent=self),
            "right": ArticlePane(side_label=self.tr("Rewrite"), parent=self),
        }
        self.link_map = LinkMap(left=self.panes["left"], right=self.panes["right"], parent=self)
        self.sync = ScrollSync(left=self.panes["left"], right=self.panes["right"], parent=self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = splitter
        splitter.setObjectName("panes")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.panes["left"])
        splitter.addWidget(self.link_map)
        splitter.addWidget(self.panes["right"])
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setStretchFactor(2, 1)
        self.setCentralWidget(splitter)

        self.sidebar = QuoteSidebar(self)
        self.quote_dock = QDockWidget(self.tr("Quotations"), self)
        self.quote_dock.setObjectName("quotations")
        self.quote_dock.setWidget(self.sidebar)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.quote_dock)

        self.legend = Legend(self)
        self.summary_label = ElidedLabel(self)
        self.summary_label.setObjectName("summary")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.hide()
        # Permanent widgets stay when a passing message is shown on the left.
        self.statusBar().addPermanentWidget(self.progress_bar)
        self.statusBar().addPermanentWidget(self.summary_label)

        self._create_actions()
        self._create_menus_and_toolbar()
        self._connect()
        self._apply_colours()
        self._set_query(None)
        self._update_actions()
        self.resize(1400, 900)
        self._restore_layout()
        self._apply_preferences(self.prefs, palette=False)  # the app set its palette at start

    # --- actions, menus, toolbar ----------------------------------------------

    def _action(
        self, text: str, slot, shortcuts=(), icon=None, tip: str = "", glyph: str = ""
    ) -> QAction:
        action = QAction(self.tr(text), self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if glyph:
            self._glyphs[action] = glyph  # drawn in the palette's text colour, see _apply_colours
        if tip:
            action.setToolTip(self.tr(tip))
            action.setStatusTip(self.tr(tip))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _create_actions(self) -> None:
        sp = QStyle.StandardPixmap
        self._glyphs: dict[QAction, str] = {}
        self.open_action = self._action(
            "&Open…",
            self.ask_open_pair,
            [QKeySequence.StandardKey.Open],
            sp.SP_DialogOpenButton,
            "Open an original and a rewrite to compare",
        )
        self.open_left_action = self._action("Open &Left…", lambda: self.ask_open_side("left"))
        self.open_right_action = self._action("Open &Right…", lambda: self.ask_open_side("right"))
        self.reload_action = self._action(
            "&Reload", self.reload, ["F5"], tip="Read both files again", glyph="⟳"
        )
        self.quit_action = self._action("&Quit", self.close, [QKeySequence.StandardKey.Quit])
        self.find_action = self._action("&Find…", self.show_find, [QKeySequence.StandardKey.Find])
        self.preferences_action = self._action(
            "&Preferences…", self.show_preferences, ["Ctrl+,"], tip="Fonts, colours and marks"
        )
        self.copy_pair_action = self._action(
            "Copy with &Counterpart",
            self.copy_with_counterpart,
            ["Ctrl+Shift+C"],
            tip="Copy the selected passage and its counterpart in the other article as text",
        )
        self.zoom_in_action = self._action("Zoom &In", lambda: self.zoom(1), ["Ctrl++", "Ctrl+="])
        self.zoom_out_action = self._action("Zoom &Out", lambda: self.zoom(-1), ["Ctrl+-"])
        self.zoom_reset_action = self._action("&Normal Size", lambda: self.zoom(0), ["Ctrl+0"])
        self.sync_action = self._action("&Synchronise Scrolling", self._toggle_sync)
        self.sync_action.setCheckable(True)
        self.sync_action.setChecked(True)
        self.swap_action = self._action(
            "S&wap Sides",
            self.swap_sides,
            ["Ctrl+Shift+W"],
            tip="Show the rewrite on the left and the original on the right",
            glyph="⇄",
        )
        self.next_action = self._action(
            "&Next Difference",
            self.next_difference,
            ["F7", "Alt+Down"],
            tip="Go to the next difference (F7, Alt+Down)",
            glyph="↓",
        )
        self.previous_action = self._action(
            "&Previous Difference",
            self.previous_difference,
            ["Shift+F7", "Alt+Up"],
            tip="Go to the previous difference (Shift+F7, Alt+Up)",
            glyph="↑",
        )
        self.cancel_action = self._action(
            "&Cancel Comparison",
            self.runner.cancel,
            ["Ctrl+."],
            tip="Stop the comparison that is running",
            glyph="✕",
        )
        self.cancel_action.setEnabled(False)
        self.export_action = self._action(
            "&Export Report…",
            self.export_report,
            ["Ctrl+E"],
            tip="Save both texts, the quotations and the summary as HTML or PDF",
        )
        self.sample_action = self._action("Open &Sample Pair", self.open_sample_pair)
        self.about_action = self._action("&About Article Reader", self._about)

    def _create_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.open_left_action)
        file_menu.addAction(self.open_right_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.reload_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.file_menu = file_menu

        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.copy_pair_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.sync_action)
        view_menu.addAction(self.swap_action)
        view_menu.addAction(self.quote_dock.toggleViewAction())

        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addAction(self.next_action)
        go_menu.addAction(self.previous_action)
        go_menu.addSeparator()
        go_menu.addAction(self.cancel_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.sample_action)
        help_menu.addAction(self.about_action)
        self.help_menu = help_menu

        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (self.open_action, self.reload_action, self.swap_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.previous_action)
        toolbar.addAction(self.next_action)
        self.position_label = QLabel(toolbar)
        self.position_label.setObjectName("position")
        self.position_label.setContentsMargins(8, 0, 8, 0)
        toolbar.addWidget(self.position_label)
        toolbar.addAction(self.cancel_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.legend)
        # Only the actions people look for by name keep a label; the rest are icons
        # with tooltips, so the legend still fits on a 1024-pixel-wide screen.
        for action in (self.reload_action, self.swap_action, self.cancel_action):
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        runner = self.runner
        runner.loaded.connect(self._on_loaded)
        runner.finished.connect(self._on_finished)
        runner.failed.connect(self._on_failed)
        runner.progress.connect(self._on_progress)
        runner.cancelled.connect(self._on_cancelled)
        runner.busy_changed.connect(self._on_busy)
        for side, pane in self.panes.items():
            pane.files_dropped.connect(lambda files, side=side: self.drop_files(files, side))
            pane.offset_clicked.connect(lambda offset, side=side: self._pane_clicked(side, offset))
            pane.zoom_requested.connect(self.zoom)
        self.link_map.block_clicked.connect(lambda index: self.go_to_block(index, "left"))
        self.sidebar.pair_selected.connect(self.show_quote_pair)

    # --- opening --------------------------------------------------------------

    def open_pair(self, left: str | Path, right: str | Path) -> None:
        """Load and compare two files (in the background)."""
        self._start(
            {"left": str(left), "right": str(right)}, {"left": str(left), "right": str(right)}
        )

    def open_side(self, side: Side, path: str | Path) -> None:
        """Replace one side's file, keeping the other side's article as loaded."""
        other = other_side(side)
        sources: dict[Side, Source] = {side: str(path), other: self._articles[other]}
        self._start(sources, {side: str(path), other: self._paths[other]})

    def open_sample_pair(self) -> None:
        pair = sample_pair()
        if pair is None:
            dialogs.show_error(
                self, self.tr("No sample pair"), self.tr("The sample pair is not installed.")
            )
            return
        self.open_pair(*pair)

    def ask_open_pair(self) -> None:
        answer = dialogs.ask_open_pair(self, self._last_directory())
        if answer:
            self.open_pair(*answer)

    def ask_open_side(self, side: Side) -> None:
        title = self.tr("Open the original") if side == "left" else self.tr("Open the rewrite")
        path = dialogs.ask_open_file(self, title, self._last_directory())
        if path:
            self.open_side(side, path)

    def reload(self) -> None:
        """Read both files from disk again and compare."""
        if self._paths["left"] or self._paths["right"]:
            self._start(dict(self._paths), dict(self._paths))

    def swap_sides(self) -> None:
        """Compare the other way round, without reading the files again."""
        if self._articles["left"] is None and self._articles["right"] is None:
            return
        sources: dict[Side, Source] = {
            "left": self._articles["right"],
            "right": self._articles["left"],
        }
        self._start(sources, {"left": self._paths["right"], "right": self._paths["left"]})

    def drop_files(self, files: list[str], side: Side | None = None) -> None:
        """Two files open as a pair; one replaces ``side`` (or fills the first empty side)."""
        if len(files) >= 2:
            self.open_pair(files[0], files[1])
        elif files:
            if side is None:
                side = "left" if self._articles["left"] is None else "right"
            self.open_side(side, files[0])

    def _start(self, sources: dict[Side, Source], paths: dict[Side, str | None]) -> None:
        self._pending = paths
        self.runner.start(sources["left"], sources["right"])
        self.statusBar().showMessage(self.tr("Loading…"))

    def _last_directory(self) -> str:
        for path in (self._paths["left"], self._paths["right"]):
            if path:
                return str(Path(path).parent)
        return ""

    # --- results from the runner ------------------------------------------------

    def _on_loaded(self, left: Article | None, right: Article | None) -> None:
        # Reloading the same files keeps the reader's place; a new pair starts at the top.
        same_files = self._pending == self._paths
        self._keep_scroll = self.panes["left"].top_offset() if same_files else None
        self._paths = dict(self._pending)
        self.comparison = None
        self._set_query(None)
        for side, article in zip(SIDES, (left, right), strict=True):
            self._articles[side] = article
            if article is None:
                self.panes[side].show_placeholder()
            else:
                self.panes[side].set_article(article)
        self.sidebar.set_comparison(None, self._colours)
        self.summary_label.clear()
        self._update_title()
        self._update_actions()
        self.statusBar().showMessage(self.tr("Comparing…") if left and right else "")

    def _on_finished(self, result: CompareResult | None) -> None:
        if result is None:
            return
        comparison = self.comparison = result.comparison
        self._marks = result.marks
        self._paint_marks()
        self._set_query(result.query)
        self.sidebar.set_comparison(comparison, self._colours)
        self.summary_label.setText(summary_text(comparison.summary))
        self.statusBar().clearMessage()
        self._remember_pair()
        self._update_actions()
        if self._keep_scroll:
            self.panes["left"].show_offset(self._keep_scroll, 0.0)
        self.sync.follow("left")
        self.comparison_shown.emit(comparison)

    def _on_failed(self, path: str, message: str) -> None:
        name = Path(path).name if path else self.tr("the articles")
        self.statusBar().showMessage(self.tr("Could not open {name}").format(name=name), 8000)
        title = self.tr("Cannot open {name}").format(name=name)
        dialogs.show_error(
            self,
            title,
            self.tr("Could not open “{name}”.").format(name=name),
            message,
        )
        self.load_failed.emit(message)

    def _on_progress(self, fraction: float, stage: str) -> None:
        self.progress_bar.setValue(int(fraction * 100))
        self.statusBar().showMessage(self.tr("Comparing: {stage}…").format(stage=self.tr(stage)))

    def _on_cancelled(self) -> None:
        if not self.runner.busy:
            self.statusBar().showMessage(self.tr("Comparison cancelled"), 5000)

    def _on_busy(self, busy: bool) -> None:
        self.cancel_action.setEnabled(busy)
        self.progress_bar.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)

    def _set_query(self, query: ComparisonQuery | None) -> None:
        self.query = query
        self._current_block = None
        self.position_label.clear()
        self.sync.set_query(query)
        self.link_map.set_query(query, self._colours)
        for pane in self.panes.values():
            pane.set_focus_spans([])
            pane.set_quote_spans([])
        has = query is not None
        for action in (self.next_action, self.previous_action):
            action.setEnabled(has)

    def _update_actions(self) -> None:
        loaded = any(self._articles.values())
        self.reload_action.setEnabled(loaded)
        self.swap_action.setEnabled(loaded)
        self.export_action.setEnabled(self.comparison is not None)

    def _update_title(self) -> None:
        names = [Path(p).name if p else "—" for p in (self._paths["left"], self._paths["right"])]
        self.setWindowTitle(f"{names[0]} ↔ {names[1]} — {APP_NAME}")

    # --- navigation ---------------------------------------------------------------

    def copy_with_counterpart(self) -> None:
        """Copy the selection (or the block at the cursor) and its counterpart as text."""
        if self.query is None or self.comparison is None:
            return
        side = self._active_side()
        cursor = self.panes[side].text.textCursor()
        offsets = self.panes[side].offsets
        start, end = (
            offsets.from_qt(cursor.selectionStart()),
            offsets.from_qt(cursor.selectionEnd()),
        )
        if start == end:
            index = self.query.block_near(side, start)
            if index is None:
                return
            start, end = self.query.span(side, index) or (start, end)
        other = other_side(side)
        o_start, o_end = self.query.counterpart_range(side, start, end)
        articles = {"left": self.comparison.left, "right": self.comparison.right}
        texts = {side: articles[side].text[start:end], other: articles[other].text[o_start:o_end]}
        labels = {"left": self.tr("Original"), "right": self.tr("Rewrite")}
        parts = []
        for s in SIDES:
            name = Path(articles[s].path).name
            body = texts[s] or self.tr("(nothing: this passage is only in the other article)")
            parts.append(f"{labels[s]} ({name}):\n{body}")
        QApplication.clipboard().setText("\n\n".join(parts))
        self.statusBar().showMessage(self.tr("Copied the passage and its counterpart"), 4000)

    def _active_side(self) -> Side:
        """The pane the user is reading: the one with keyboard focus, else the left."""
        for side, pane in self.panes.items():
            if pane.text.hasFocus():
                return side
        return "left"

    def next_difference(self) -> None:
        self._step(forward=True)

    def previous_difference(self) -> None:
        self._step(forward=False)

    def _step(self, *, forward: bool) -> None:
        if self.query is None:
            return
        side = self._active_side()
        offset = self.panes[side].cursor_offset()
        current = self._current_block
        if current is not None and self.query.anchor(side, current) != offset:
            current = None  # the reader moved the cursor away: step from where it is now
        if current is None and offset == 0:
            offset = -1  # at the very start, a difference at offset 0 is the next one
        if forward:
            index = self.query.next_change(side, offset, current=current)
        else:
            index = self.query.previous_change(side, offset, current=current)
        if index is None:
            self.statusBar().showMessage(self.tr("No more differences"), 3000)
            return
        self.go_to_block(index, side)

    def _side_span(self, side: Side, index: int) -> tuple[int, int]:
        assert self.query is not None
        span = self.query.span(side, index)
        return span if span is not None else self.query.counterpart(other_side(side), index)

    def go_to_block(
        self, index: int, side: Side = "left", *, scroll: tuple[Side, ...] = SIDES
    ) -> None:
        """Point both panes at block ``index``: bar beside it, cursor on it, scrolled into view."""
        if self.query is None:
            return
        self.sync.enabled = False  # both panes are placed explicitly
        try:
            for each in SIDES:
                pane = self.panes[each]
                start, end = self._side_span(each, index)
                pane.set_focus_spans([(start, end)])
                pane.set_quote_spans([])
                pane.place_cursor(start)
                if each in scroll:
                    pane.show_offset(start, LANDING)
        finally:
            self.sync.enabled = True
        self._current_block = index
        self.link_map.set_focus_block(index)
        self.position_label.setText(describe_block(self.query, index))

    def _pane_clicked(self, side: Side, offset: int) -> None:
        """A click on a sentence brings its counterpart level with it in the other pane."""
        if self.query is None:
            return
        index = self.query.block_at(side, offset)
        if index is None:
            return
        clicked = self.panes[side]
        start, _end = self._side_span(side, index)
        top = clicked.span_y(start, start)[0]
        fraction = (top - clicked.scroll_value()) / max(1, clicked.page_height())
        self.go_to_block(index, side, scroll=())
        other = other_side(side)
        self.sync.enabled = False
        try:
            o_start, _o = self._side_span(other, index)
            self.panes[other].show_offset(o_start, min(0.9, max(0.0, fraction)))
        finally:
            self.sync.enabled = True
        clicked.place_cursor(offset)

    def show_quote_pair(self, pair: QuotePair) -> None:
        """Scroll both panes to a quote pair's quotations and highlight them.

        A quotation only one side has still brings the other pane to the passage
        aligned with it, so the reader sees what the other article says there.
        """
        quotes: dict[Side, tuple[Quote, ...]] = {"left": pair.left, "right": pair.right}
        self.sync.enabled = False
        try:
            for side in SIDES:
                pane = self.panes[side]
                spans = [(q.start, q.end) for q in quotes[side]]
                pane.set_quote_spans(spans)
                pane.set_focus_spans(spans)
                target = spans[0][0] if spans else self._aligned_offset(side, quotes)
                if target is not None:
                    pane.show_offset(target, LANDING)
                    pane.place_cursor(target)
        finally:
            self.sync.enabled = True
        self.link_map.set_focus_block(None)
        self._current_block = None
        if self.comparison is not None and pair in self.comparison.quote_pairs:
            self.position_label.setText(
                self.tr("Quotation {n} of {total}: {status}").format(
                    n=self.comparison.quote_pairs.index(pair) + 1,
                    total=len(self.comparison.quote_pairs),
                    status=self.tr(STATUS_WORDS[pair.status]),
                )
            )

    def _aligned_offset(self, side: Side, quotes: dict[Side, tuple[Quote, ...]]) -> int | None:
        """Where on ``side`` the other side's first quotation is aligned to, if anywhere."""
        other = other_side(side)
        if self.query is None or not quotes[other]:
            return None
        index = self.query.block_near(other, quotes[other][0].start)
        return None if index is None else self.query.counterpart(other, index)[0]

    # --- view -----------------------------------------------------------------------

    def show_find(self) -> None:
        self.panes[self._active_side()].find_bar.open_bar()

    def zoom(self, steps: int) -> None:
        """Zoom both panes together, so aligned passages stay comparable."""
        for pane in self.panes.values():
            pane.zoom(steps)
        self.sync.follow("left")
        self.link_map.update()

    def _toggle_sync(self) -> None:
        self.sync.enabled = self.sync_action.isChecked()
        if self.sync.enabled:
            self.sync.follow("left")
        if self.prefs.sync_scrolling != self.sync.enabled:
            self.prefs = replace(self.prefs, sync_scrolling=self.sync.enabled)
            self.prefs.save(self.settings)

    def show_preferences(self) -> None:
        """Edit the preferences; they apply at once and are kept for the next start."""
        chosen = dialogs.ask_preferences(self, self.prefs)
        if chosen is not None and chosen != self.prefs:
            chosen.save(self.settings)
            self._apply_preferences(chosen, palette=chosen.palette != self.prefs.palette)

    def _apply_preferences(self, prefs: Preferences, *, palette: bool) -> None:
        self.prefs = prefs
        for pane in self.panes.values():
            pane.set_reading_font(prefs.font_family, prefs.font_size)
        self.sync_action.setChecked(prefs.sync_scrolling)
        self._toggle_sync()
        app = QApplication.instance()
        if palette and isinstance(app, QApplication) and not os.environ.get(PALETTE_ENV):
            apply_palette(app, prefs.palette)  # the PaletteChange event repaints the marks
        self._apply_colours()
        self.link_map.update()

    def _apply_colours(self) -> None:
        self._colours = colours_for(self.palette())
        self.legend.set_colours(self._colours)
        palette = self.palette()
        text = palette.buttonText().color()
        greyed = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        for action, glyph in self._glyphs.items():
            action.setIcon(glyph_icon(glyph, text, greyed))
        if self.comparison is not None:
            self._paint_marks()
            self.sidebar.set_comparison(self.comparison, self._colours)
        self.link_map.set_query(self.query, self._colours)

    def _paint_marks(self) -> None:
        """Colour both panes with the comparison's marks that the preferences show."""
        assert self.comparison is not None
        for side in SIDES:
            marks = filter_marks(self._marks[side], self.comparison, side, self.prefs)
            self.panes[side].apply_marks(marks, self._colours)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()  # the system switched between light and dark

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from reader import __version__

        QMessageBox.about(
            self,
            self.tr("About Article Reader"),
            self.tr(
                "Article Reader {version}\n\nSee what a rewrite added, what it dropped, "
                "and whether its quotations still say what people said."
            ).format(version=__version__),
        )

    # --- recent pairs -----------------------------------------------------------------

    def recent_pairs(self) -> list[tuple[str, str]]:
        return self.recent.pairs()

    def _remember_pair(self) -> None:
        left, right = self._paths["left"], self._paths["right"]
        if left and right:
            self.recent.add(left, right)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        pairs = self.recent_pairs()
        for left, right in pairs:
            action = self.recent_menu.addAction(f"{Path(left).name} ↔ {Path(right).name}")
            action.setToolTip(f"{left}\n{right}")
            action.triggered.connect(lambda _c=False, l=left, r=right: self.open_pair(l, r))  # noqa: E741
        if not pairs:
            self.recent_menu.addAction(self.tr("No recent pairs")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear List"), self.recent.clear)

    # --- window events -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_files(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = local_files(event.mimeData().urls())
        if files:
            event.acceptProposedAction()
            self.drop_files(files)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        self.runner.wait()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        super().closeEvent(event)

    def _restore_layout(self) -> None:
        """Size, dock and toolbar layout, and splitter of the last session, when saved."""
        for key, restore in (
            ("window/geometry", self.restoreGeometry),
            ("window/state", self.restoreState),
            ("window/splitter", self.splitter.restoreState),
        ):
            value = self.settings.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)

    # --- export -----------------------------------------------------------------

    def export_report(self) -> None:
        """Ask where, then write the comparison as a self-contained HTML or PDF report."""
        if self.comparison is None:
            return
        left, right = self.comparison.left, self.comparison.right
        suggested = str(
            Path(self._last_directory() or ".")
            / f"{Path(left.path).stem} vs {Path(right.path).stem}.html"
        )
        path = dialogs.ask_save_report(self, suggested)
        if not path:
            return
        if Path(path).exists() and not dialogs.confirm_replace(self, path):
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            html = render_html(self.comparison)
            content: str | bytes = pdf_bytes(html) if path.lower().endswith(".pdf") else html
            write_report(path, content, inputs=(left.path, right.path))
        except ReportError as error:
            dialogs.show_error(self, self.tr("Cannot export the report"), str(error))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(
            self.tr("Report saved to {name}").format(name=Path(path).name), 8000
        )
        self.report_exported.emit(path)
