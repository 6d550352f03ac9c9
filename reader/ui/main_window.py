"""The main window: two article panes with the link map between them; below, the changes
in meaning and the quote list, tabbed.

It lays the parts out, wires them together and holds what is open: each
pane holds its article, and the window the ``CompareResult`` on screen (the
comparison, its ``ComparisonQuery`` and its marks). Loading and comparing
happen in a ``CompareRunner``; jumps in a ``Navigator``; the actions, menus
and toolbar are ``Actions``; the panes, link map, scroll sync, spin panel and
quote sidebar only present what the core computed.

Over 400 lines, one piece on purpose: it is the one owner of what is open (both
articles, where a pasted or fetched one came from, the pending downloads, the
comparison on screen), and opening, fetching, reloading, swapping and the
runner's results all read and change that state together. (Moving the web
fetches' bookkeeping into a module of its own is the next split, if it grows.)
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QWidget,
)

from reader.core.article import Article
from reader.core.errors import ArticleError
from reader.core.load.loader import load_bytes
from reader.core.load.url import Fetched, is_web_address
from reader.core.results.comparison import Comparison
from reader.core.results.query import SIDES, ComparisonQuery, Side, other_side
from reader.ui import dialogs
from reader.ui.actions import Actions
from reader.ui.article_pane import ArticlePane
from reader.ui.article_text import dropped_sources
from reader.ui.compare_worker import CompareResult, CompareRunner, Source
from reader.ui.describe import finding_mark_tooltip
from reader.ui.export import export_report
from reader.ui.highlight import Colours, colours_for
from reader.ui.legend import Legend
from reader.ui.link_map import LinkMap
from reader.ui.mark_filter import visible_marks
from reader.ui.navigation import Navigator
from reader.ui.palette import PALETTE_ENV, apply_palette
from reader.ui.pane_header import Origin
from reader.ui.preferences import Preferences
from reader.ui.quote_sidebar import QuoteSidebar
from reader.ui.recent import RecentPairs
from reader.ui.resources import sample_pair
from reader.ui.spin_panel import SpinPanel
from reader.ui.status_bar import StatusBar
from reader.ui.sync_scroll import ScrollSync
from reader.ui.web_fetch import FetchProgress, WebFetcher
from reader.ui.window_state import restore_layout, save_layout

APP_NAME = "Article Reader"
EXPORT_DIRECTORY_KEY = "export/directory"  # where the last report was saved
# The lists below the panes take this share of the window's height at the first start:
# at 1400x900 some ten one-line rows (at a fixed 230 pixels the quotation list showed
# 5 or 6 of the sample pair's 11 quotations); the panes keep the rest.
DOCK_SHARE = 0.32


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
        fetcher: WebFetcher | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.runner = runner if runner is not None else CompareRunner(parent=self)
        self.fetcher = fetcher if fetcher is not None else WebFetcher(parent=self)
        self.fetch_progress = FetchProgress(self)
        # Articles that are not files (pasted, fetched), by their path: what the header says.
        self._origins: dict[str, Origin] = {}
        # While web addresses are fetched: every side's source, the sides still fetching
        # (side -> address) and whether a side that fails leaves the other to open alone.
        self._pending: dict[Side, Source] = {}
        self._fetching: dict[Side, str] = {}
        self._pending_keep = False
        self.recent = RecentPairs(self.settings)
        self.prefs = Preferences.load(self.settings)
        self._shown: CompareResult | None = None  # the comparison on screen, with its lookups
        self._keep_scroll: int | None = None  # where to return to after a reload
        self._colours: Colours = colours_for(self.palette())
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)

        self.panes: dict[Side, ArticlePane] = {
            "left": ArticlePane(side_label=self.tr("Original"), parent=self),
            "right": ArticlePane(side_label=self.tr("Rewrite"), parent=self),
        }
        self.link_map = LinkMap(left=self.panes["left"], right=self.panes["right"], parent=self)
        self.sync = ScrollSync(left=self.panes["left"], right=self.panes["right"], parent=self)
        self.navigator = Navigator(panes=self.panes, sync=self.sync, parent=self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter = splitter
        splitter.setObjectName("panes")
        splitter.setChildrenCollapsible(False)
        for index, (widget, stretch) in enumerate(
            ((self.panes["left"], 1), (self.link_map, 0), (self.panes["right"], 1))
        ):
            splitter.addWidget(widget)
            splitter.setStretchFactor(index, stretch)
        self.setCentralWidget(splitter)

        self.sidebar = QuoteSidebar(self)
        self.quote_dock = QDockWidget(self.tr("Quotations"), self)
        self.quote_dock.setObjectName("quotations")
        self.quote_dock.setWidget(self.sidebar)
        self.spin_panel = SpinPanel(self)
        self.spin_dock = QDockWidget(self.tr("Changes in meaning"), self)
        self.spin_dock.setObjectName("changes-in-meaning")
        self.spin_dock.setWidget(self.spin_panel)
        # Tabbed below the panes, the changes in meaning in front: each list gets the
        # window's whole width (both hold two texts a row; side by side at 1400 pixels
        # each wrapped or cut its texts in half), and the panes keep their height.
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.addDockWidget(bottom, self.spin_dock)
        self.addDockWidget(bottom, self.quote_dock)
        self.tabifyDockWidget(self.spin_dock, self.quote_dock)
        self.spin_dock.raise_()
        # The panes first; the lists get their share of the height at the first show.
        self.resizeDocks([self.spin_dock], [230], Qt.Orientation.Vertical)
        self._docks_sized = False

        self.legend = Legend(self)
        self.position_label = QLabel(self)
        self.position_label.setObjectName("position")
        self.position_label.setContentsMargins(8, 0, 8, 0)
        self.status = StatusBar(self)
        self.setStatusBar(self.status)

        self.commands = Actions(self)
        self.commands.menus(
            quote_dock_toggle=self.quote_dock.toggleViewAction(),
            spin_dock_toggle=self.spin_dock.toggleViewAction(),
        )
        self.commands.toolbar(position=self.position_label, legend=self.legend)
        self._connect()
        self._apply_colours()
        self._show_result(None)
        self.resize(1400, 900)
        self._docks_sized = restore_layout(self, self.splitter, self.settings)
        self._apply_preferences(self.prefs, palette=False)  # the app set its palette at start

    def _connect(self) -> None:
        fetcher = self.fetcher
        fetcher.fetched.connect(self._on_fetched)
        fetcher.failed.connect(self._on_fetch_failed)
        fetcher.progress.connect(self.fetch_progress.show_progress)
        self.fetch_progress.canceled.connect(self.cancel_fetch)
        runner = self.runner
        runner.loaded.connect(self._on_loaded)
        runner.finished.connect(self._on_finished)
        runner.failed.connect(self._on_failed)
        runner.progress.connect(self.status.show_progress)
        runner.cancelled.connect(self._on_cancelled)
        runner.busy_changed.connect(self.status.set_busy)
        runner.busy_changed.connect(lambda _busy: self._update_actions())
        nav = self.navigator
        for side, pane in self.panes.items():
            pane.files_dropped.connect(lambda files, side=side: self.drop_files(files, side))
            pane.offset_clicked.connect(lambda offset, side=side: nav.follow_click(side, offset))
            pane.zoom_requested.connect(self.zoom)
        self.link_map.block_clicked.connect(lambda index: nav.go_to_block(index, "left"))
        self.sidebar.pair_selected.connect(nav.show_quote_pair)
        self.spin_panel.finding_selected.connect(nav.show_finding)
        self.link_map.finding_clicked.connect(nav.show_finding)
        nav.position_changed.connect(self.position_label.setText)
        nav.block_focused.connect(self.link_map.set_focus_block)
        nav.finding_focused.connect(self.link_map.set_focus_finding)
        nav.finding_focused.connect(self.spin_panel.select_finding)
        nav.message.connect(self.status.showMessage)

    # --- what is open -----------------------------------------------------------

    @property
    def comparison(self) -> Comparison | None:
        """The comparison on screen, or None while there is none."""
        return self._shown.comparison if self._shown is not None else None

    @property
    def query(self) -> ComparisonQuery | None:
        """The lookups over the comparison on screen."""
        return self._shown.query if self._shown is not None else None

    @property
    def colours(self) -> Colours:
        """The colour set the marks are painted in (it follows the palette)."""
        return self._colours

    def _article(self, side: Side) -> Article | None:
        return self.panes[side].article

    def _paths(self) -> dict[Side, str | None]:
        """The path of the article each pane shows (None for an empty pane)."""
        return {side: a.path if (a := self._article(side)) else None for side in SIDES}

    def _file_paths(self) -> dict[Side, str | None]:
        """The file each pane shows (None for an empty pane or one pasted or fetched)."""
        paths = self._paths()
        return {side: p if p and p not in self._origins else None for side, p in paths.items()}

    def origin(self, side: Side) -> Origin | None:
        """Where ``side``'s article came from when it is not a file (pasted, fetched)."""
        article = self._article(side)
        return self._origins.get(article.path) if article is not None else None

    # --- opening --------------------------------------------------------------

    def open_pair(self, left: str | Path, right: str | Path, *, keep_loaded: bool = False) -> None:
        """Load and compare two files or web addresses (in the background).

        ``keep_loaded`` (a pair named on the command line): when one cannot be
        opened, the other is still shown and the bad one reported; otherwise a
        failure keeps what was on screen.
        """
        self._open({"left": str(left), "right": str(right)}, keep_loaded=keep_loaded)

    def open_side(self, side: Side, path: str | Path) -> None:
        """Replace one side's file (or web address), keeping the other side's article."""
        other = other_side(side)
        self._open({side: str(path), other: self._article(other)}, keep_loaded=False)

    def open_url(self, side: Side, url: str) -> None:
        """Fetch ``url`` (off the GUI thread, with a progress box) and show it as ``side``."""
        self.open_side(side, url)

    def paste_as(self, side: Side) -> None:
        """Compare the clipboard's HTML (extracted as a web page is) or text as ``side``."""
        mime = QApplication.clipboard().mimeData()
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        text = mime.text() if mime is not None and mime.hasText() else ""
        if not html.strip() and not text.strip():
            self.status.showMessage(self.tr("The clipboard holds no text to compare"), 8000)
            return
        now = datetime.now()
        path = f"<pasted {now.isoformat(timespec='milliseconds')}>"
        self._origins[path] = Origin(
            self.tr("Pasted text"),
            self.tr("pasted {time}").format(time=now.strftime("%H:%M:%S")),
            self.tr("Pasted from the clipboard at {time}").format(time=now.strftime("%c")),
        )
        other = other_side(side)
        self._open({side: lambda: pasted_article(html, text, path), other: self._article(other)})

    def cancel_fetch(self) -> None:
        """Stop fetching web addresses (the progress box's Cancel); what is shown stays."""
        if self._fetching:
            self.fetcher.cancel()
            self._fetching.clear()
            self._pending = {}
            self.fetch_progress.finish()
            self.status.showMessage(self.tr("Download cancelled"), 5000)

    def open_sample_pair(self) -> None:
        pair = sample_pair()
        if pair is None:
            dialogs.show_error(
                self, self.tr("No sample pair"), self.tr("The sample pair is not installed.")
            )
            return
        self.open_pair(*pair)

    def reload(self) -> None:
        """Read both files from disk again and compare (pasted and fetched articles stay
        as they were: there is no file to read again)."""
        paths = self._file_paths()
        sources: dict[Side, Source] = {side: paths[side] or self._article(side) for side in SIDES}
        if sources["left"] is not None or sources["right"] is not None:
            self._start(sources)

    def swap_sides(self) -> None:
        """Compare the other way round, without reading the files again."""
        left, right = self._article("left"), self._article("right")
        if left is not None or right is not None:
            self._start({"left": right, "right": left})

    def drop_files(self, files: list[str], side: Side | None = None) -> None:
        """Two files (or web addresses) open as a pair; one replaces ``side`` (or fills the
        first empty side)."""
        if len(files) >= 2:
            self.open_pair(files[0], files[1])
        elif files:
            if side is None:
                side = "left" if self._article("left") is None else "right"
            self.open_side(side, files[0])

    def _open(self, sources: dict[Side, Source], *, keep_loaded: bool = False) -> None:
        """Fetch the web addresses among ``sources`` first, then load and compare."""
        self.cancel_fetch()
        urls = {
            side: source.strip()
            for side, source in sources.items()
            if isinstance(source, str) and is_web_address(source)
        }
        if not urls:
            self._start(sources, keep_loaded=keep_loaded)
            return
        self._pending, self._fetching, self._pending_keep = dict(sources), urls, keep_loaded
        for side, url in urls.items():
            self.fetcher.start(url, side)
        self.fetch_progress.begin(next(iter(urls.values())))
        self.status.showMessage(self.tr("Downloading…"))

    def _on_fetched(self, side: str, fetched: Fetched) -> None:
        if side not in self._fetching:
            return
        when = fetched.fetched_at.astimezone()
        self._origins[fetched.article.path] = Origin(
            web_name(fetched.final_url),
            self.tr("fetched {time}").format(time=when.strftime("%Y-%m-%d %H:%M")),
            fetched.final_url
            if fetched.final_url == fetched.url
            else f"{fetched.final_url}\n(asked for {fetched.url})",
        )
        del self._fetching[side]
        self._pending[side] = fetched.article
        self._fetches_done()

    def _on_fetch_failed(self, url: str, message: str) -> None:
        sides = [side for side, asked in self._fetching.items() if asked == url]
        if not sides:
            return
        self.status.showMessage(self.tr("Could not open {url}").format(url=url), 8000)
        dialogs.show_load_error(self, url, message)
        self.load_failed.emit(f"{url}: {message}")
        if not self._pending_keep:  # as for a file: what is on screen stays
            self.fetcher.cancel()
            self._fetching.clear()
            self._pending = {}
            self.fetch_progress.finish()
            return
        for side in sides:
            del self._fetching[side]
            self._pending[side] = None
        self._fetches_done()

    def _fetches_done(self) -> None:
        if self._fetching:
            self.fetch_progress.begin(next(iter(self._fetching.values())))
            return
        self.fetch_progress.finish()
        sources, self._pending = self._pending, {}
        if sources.get("left") is not None or sources.get("right") is not None:
            self._start(sources, keep_loaded=self._pending_keep)

    def _start(self, sources: dict[Side, Source], *, keep_loaded: bool = False) -> None:
        self.runner.start(sources["left"], sources["right"], keep_loaded=keep_loaded)
        self.status.showMessage(self.tr("Loading…"))

    def last_directory(self) -> str:
        """Where the open files are, for a file dialog to start in ("" when none is open)."""
        for path in self._file_paths().values():
            if path:
                return str(Path(path).parent)
        return ""

    # --- results from the runner ------------------------------------------------

    def _on_loaded(self, left: Article | None, right: Article | None) -> None:
        # Reloading the same files keeps the reader's place; a new pair starts at the top.
        loaded = {"left": left.path if left else None, "right": right.path if right else None}
        same_files = loaded == self._paths()
        self._keep_scroll = self.panes["left"].top_offset() if same_files else None
        self._show_result(None)
        for side, article in zip(SIDES, (left, right), strict=True):
            if article is None:
                self.panes[side].show_placeholder()
            else:
                self.panes[side].set_article(article, self._origins.get(article.path))
        self.sidebar.set_comparison(None, self._colours)
        self.spin_panel.set_comparison(None)
        self.status.show_summary(None)
        self._update_title()
        self._update_actions()
        self.status.showMessage(self.tr("Comparing…") if left and right else "")

    def _on_finished(self, result: CompareResult | None) -> None:
        if result is None:
            return
        self._show_result(result)
        comparison = result.comparison
        self.sidebar.set_comparison(comparison, self._colours)
        self.spin_panel.set_comparison(comparison)
        self.status.show_summary(comparison.summary)
        self.status.clearMessage()
        note = self._same_article_note(comparison)
        if note:
            self.status.showMessage(note)  # stays until the next message: it explains the 100%
        paths = self._file_paths()
        if paths["left"] and paths["right"]:
            self.recent.add(paths["left"], paths["right"])
        if self._keep_scroll:
            self.panes["left"].show_offset(self._keep_scroll, 0.0)
        self.sync.follow("left")
        self.comparison_shown.emit(comparison)

    def _same_article_note(self, comparison: Comparison) -> str:
        """A note when both sides are one file, or two articles with the same text."""
        paths = self._file_paths()
        left, right = paths["left"], paths["right"]
        try:
            same_file = bool(left and right and os.path.samefile(left, right))
        except OSError:
            same_file = False
        if same_file:
            return self.tr(
                "Both sides are the same file, {name}: there is nothing to compare"
            ).format(name=Path(left or "").name)
        if comparison.left.text == comparison.right.text:
            return self.tr("The two articles have the same text: nothing was changed")
        return ""

    def _on_failed(self, path: str, message: str) -> None:
        if path in self._origins:
            name = self._origins[path].name
        elif is_web_address(path):
            name = path
        else:
            name = Path(path).name if path else self.tr("the articles")
        self.status.showMessage(self.tr("Could not open {name}").format(name=name), 8000)
        dialogs.show_load_error(self, name, message)
        self.load_failed.emit(message)

    def _on_cancelled(self) -> None:
        if not self.runner.busy:
            self.status.showMessage(self.tr("Comparison cancelled"), 5000)

    def _show_result(self, result: CompareResult | None) -> None:
        """Put ``result`` on screen (None: no comparison, e.g. while one runs)."""
        self._shown = result
        if result is not None:
            self._paint_marks()
        self.navigator.set_query(self.query)
        self.sync.set_query(self.query)
        self.link_map.set_query(self.query, self._colours)
        self._update_actions()

    def _update_actions(self) -> None:
        loaded = any(pane.article is not None for pane in self.panes.values())
        self.commands.enable(loaded=loaded, compared=self._shown is not None, busy=self.runner.busy)

    def _update_title(self) -> None:
        names = [
            self._origins[p].name if p in self._origins else Path(p).name if p else "—"
            for p in self._paths().values()
        ]
        self.setWindowTitle(f"{names[0]} ↔ {names[1]} — {APP_NAME}")

    # --- view -----------------------------------------------------------------------

    def show_find(self) -> None:
        self.panes[self.navigator.active_side()].find_bar.open_bar()

    def zoom(self, steps: int) -> None:
        """Zoom both panes together, so aligned passages stay comparable."""
        for pane in self.panes.values():
            pane.zoom(steps)
        self.sync.follow("left")
        self.link_map.update()

    def set_sync(self, enabled: bool) -> None:
        """Synchronise scrolling or not (View > Synchronise Scrolling); kept for the next start."""
        self.sync.enabled = enabled
        if enabled:
            self.sync.follow("left")
        if self.prefs.sync_scrolling != enabled:
            self.prefs = replace(self.prefs, sync_scrolling=enabled)
            self.prefs.save(self.settings)

    def set_only_meaning(self, enabled: bool) -> None:
        """Draw ordinary marks faint so only the changes in meaning stand out (View > Show
        Only Changes in Meaning); kept for the next start."""
        if self.prefs.only_meaning != enabled:
            self.prefs = replace(self.prefs, only_meaning=enabled)
            self.prefs.save(self.settings)
        self.commands.only_meaning.setChecked(enabled)
        if self._shown is not None:
            self._paint_marks()

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
        self.commands.sync.setChecked(prefs.sync_scrolling)
        self.commands.only_meaning.setChecked(prefs.only_meaning)
        self.set_sync(prefs.sync_scrolling)
        app = QApplication.instance()
        if palette and isinstance(app, QApplication) and not os.environ.get(PALETTE_ENV):
            apply_palette(app, prefs.palette)  # the PaletteChange event repaints the marks
        self._apply_colours()
        self.link_map.update()

    def _apply_colours(self) -> None:
        self._colours = colours_for(self.palette())
        self.legend.set_colours(self._colours)
        self.commands.recolour(self.palette())
        if self._shown is not None:
            self._paint_marks()
            self.sidebar.set_comparison(self._shown.comparison, self._colours)
        self.link_map.set_query(self.query, self._colours)

    def _paint_marks(self) -> None:
        """Colour both panes with the comparison's marks that the preferences show, and
        underline the changes in meaning over them."""
        assert self._shown is not None
        findings, tip = self._shown.comparison.findings, finding_mark_tooltip
        quote_pairs = self._shown.comparison.quote_pairs
        for side in SIDES:
            marks = visible_marks(self._shown.marks, side, self.prefs)
            spans = [
                (mark.start, mark.end, tip(findings[mark.finding], counterpart=mark.counterpart))
                for mark in self._shown.marks.findings(side)
            ]
            quotes = [(q.start, q.end) for pair in quote_pairs for q in getattr(pair, side)]
            self.panes[side].apply_marks(
                marks, self._colours, findings=spans, quotes=quotes, faint=self.prefs.only_meaning
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._docks_sized:  # a first start: no layout kept from a previous one
            self._docks_sized = True
            height = max(160, int(self.height() * DOCK_SHARE))
            self.resizeDocks([self.spin_dock], [height], Qt.Orientation.Vertical)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()  # the system switched between light and dark

    def recent_pairs(self) -> list[tuple[str, str]]:
        return self.recent.pairs()

    # --- export -------------------------------------------------------------------

    def export_report(self) -> None:
        """Ask where, then write the comparison as a self-contained HTML or PDF report."""
        if self.comparison is None:
            return
        directory = str(self.settings.value(EXPORT_DIRECTORY_KEY, "") or "")
        if not directory or not Path(directory).is_dir():
            directory = self.last_directory()
        path = export_report(self, self.comparison, directory)
        if path is None:
            return
        self.settings.setValue(EXPORT_DIRECTORY_KEY, str(Path(path).parent))
        self.status.showMessage(
            self.tr("Report saved to {name}").format(name=Path(path).name), 8000
        )
        self.report_exported.emit(path)

    # --- window events -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_sources(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_sources(event.mimeData().urls())
        if files:
            event.acceptProposedAction()
            self.drop_files(files)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.fetcher.cancel()
        self.runner.cancel()
        self.runner.wait()
        save_layout(self, self.splitter, self.settings)
        super().closeEvent(event)


def web_name(url: str) -> str:
    """A web address as a pane names it: host and path, without the scheme."""
    name = url.split("://", 1)[-1].rstrip("/")
    return name if len(name) <= 80 else name[:79] + "…"


def pasted_article(html: str, text: str, path: str) -> Article:
    """The clipboard's article (run in the worker): its HTML extracted as a web page is,
    else (no HTML, or no article in it) its plain text; named ``path``."""
    failure: ArticleError | None = None
    for data, hint in ((html, "pasted.html"), (text, "pasted.txt")):
        if not data.strip():
            continue
        try:
            return replace(load_bytes(data.encode("utf-8"), path=hint), path=path)
        except ArticleError as error:
            failure = failure or error
    reason = failure.reason if failure is not None else "the clipboard holds no text"
    raise ArticleError(path, reason)
