"""The window's actions (text, shortcuts, tips, icons) and the menus and toolbar that show them.

``Actions`` makes every action once, on the window so its shortcut works even
with the menu bar hidden, and connects it to what it does: the window's own
slots, the ``Navigator``'s, the runner's cancel. ``menus()`` and ``toolbar()``
lay them out; ``enable()`` and ``recolour()`` follow the window's state.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QMenu, QSizePolicy, QStyle, QToolBar, QToolButton, QWidget

from reader.core.results.query import Side
from reader.ui import dialogs
from reader.ui.highlight import glyph_icon

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

KEY = QKeySequence.StandardKey

# Tooltips (the status bar shows them too) and the glyphs drawn as icons, by action text.
_TIPS = {
    "&Open…": "Open an original and a rewrite to compare",
    "&Reload": "Read both files again",
    "Open &URL…": "Download a web page (or a PDF) and compare it",
    "Paste as &Original": "Compare the text or web page on the clipboard, as the original",
    "Paste as Re&write": "Compare the text or web page on the clipboard, as the rewrite",
    "&Preferences…": "Fonts, colours and marks",
    "Copy with &Counterpart": "Copy the selected passage and its counterpart in the other "
    "article as text",
    "S&wap Sides": "Show the rewrite on the left and the original on the right",
    "&Next Difference": "Go to the next difference (F7, Alt+Down)",
    "&Previous Difference": "Go to the previous difference (Shift+F7, Alt+Up)",
    "&Cancel Comparison": "Stop the comparison that is running",
    "&Export Report…": "Save both texts, the changes in meaning, the quotations and the summary "
    "as HTML or PDF",
    "Next C&hange in Meaning": "Go to the next change in meaning (F8)",
    "Previous Change in &Meaning": "Go to the previous change in meaning (Shift+F8)",
    "Show Only &Changes in Meaning": "Draw ordinary rewording faint, so only the changes in "
    "meaning stand out",
}
_GLYPHS = {
    "&Reload": "⟳",
    "S&wap Sides": "⇄",
    "&Next Difference": "↓",
    "&Previous Difference": "↑",
    "&Cancel Comparison": "✕",
}


class Actions:
    """Every action of ``window``, by name; built before the menus and toolbar that show them."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._glyphs: dict[QAction, str] = {}
        nav, make = window.navigator, self._make
        self.open = make("&Open…", self._ask_open_pair, KEY.Open)
        self.open.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.open_left = make("Open &Left…", lambda: self._ask_open_side("left"))
        self.open_right = make("Open &Right…", lambda: self._ask_open_side("right"))
        self.open_url = make("Open &URL…", self._ask_open_url, "Ctrl+L")
        self.paste_left = make("Paste as &Original", lambda: window.paste_as("left"))
        self.paste_right = make("Paste as Re&write", lambda: window.paste_as("right"))
        self.reload = make("&Reload", window.reload, "F5")
        self.quit = make("&Quit", window.close, KEY.Quit)
        self.find = make("&Find…", window.show_find, KEY.Find)
        self.preferences = make("&Preferences…", window.show_preferences, "Ctrl+,")
        self.copy_pair = make("Copy with &Counterpart", nav.copy_with_counterpart, "Ctrl+Shift+C")
        self.zoom_in = make("Zoom &In", lambda: window.zoom(1), "Ctrl++", "Ctrl+=")
        self.zoom_out = make("Zoom &Out", lambda: window.zoom(-1), "Ctrl+-")
        self.zoom_reset = make("&Normal Size", lambda: window.zoom(0), "Ctrl+0")
        self.sync = make("&Synchronise Scrolling", lambda: window.set_sync(self.sync.isChecked()))
        self.sync.setCheckable(True)
        self.sync.setChecked(True)
        self.swap = make("S&wap Sides", window.swap_sides, "Ctrl+Shift+W")
        self.next = make("&Next Difference", nav.next_difference, "F7", "Alt+Down")
        self.previous = make("&Previous Difference", nav.previous_difference, "Shift+F7", "Alt+Up")
        self.next_finding = make("Next C&hange in Meaning", nav.next_finding, "F8")
        self.previous_finding = make(
            "Previous Change in &Meaning", nav.previous_finding, "Shift+F8"
        )
        self.only_meaning = make(
            "Show Only &Changes in Meaning",
            lambda: window.set_only_meaning(self.only_meaning.isChecked()),
        )
        self.only_meaning.setCheckable(True)
        self.cancel = make("&Cancel Comparison", window.runner.cancel, "Ctrl+.")
        self.export = make("&Export Report…", window.export_report, "Ctrl+E")
        self.sample = make("Open &Sample Pair", window.open_sample_pair)
        self.about = make("&About Article Reader", lambda: dialogs.show_about(window))
        self.recent_menu = QMenu(window.tr("Open &Recent"), window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.enable(loaded=False, compared=False, busy=False)

    def _make(
        self, text: str, slot: Callable[[], object], *shortcuts: str | QKeySequence.StandardKey
    ) -> QAction:
        window = self._window
        action = QAction(window.tr(text), window)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        if text in _GLYPHS:
            self._glyphs[action] = _GLYPHS[text]  # drawn in the palette's text colour: recolour
        if text in _TIPS:
            action.setToolTip(window.tr(_TIPS[text]))
            action.setStatusTip(window.tr(_TIPS[text]))
        action.triggered.connect(lambda _checked=False: slot())
        window.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def enable(self, *, loaded: bool, compared: bool, busy: bool) -> None:
        """Enable what needs an article open, a comparison shown, a comparison running."""
        self.reload.setEnabled(loaded)
        self.swap.setEnabled(loaded)
        for action in (
            self.export,
            self.next,
            self.previous,
            self.next_finding,
            self.previous_finding,
        ):
            action.setEnabled(compared)
        self.cancel.setEnabled(busy)

    def recolour(self, palette: QPalette) -> None:
        """Draw the glyph icons in ``palette``'s button text colour (greyed when disabled)."""
        text = palette.buttonText().color()
        greyed = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText)
        for action, glyph in self._glyphs.items():
            action.setIcon(glyph_icon(glyph, text, greyed))

    def menus(self, *, quote_dock_toggle: QAction, spin_dock_toggle: QAction) -> None:
        """File, Edit, View, Go and Help on the window's menu bar."""
        window = self._window
        bar = window.menuBar()
        layout: dict[str, tuple[QAction | QMenu | None, ...]] = {  # None: a separator
            "&File": (
                self.open,
                self.open_left,
                self.open_right,
                self.open_url,
                self.recent_menu,
                None,
                self.export,
                None,
                self.reload,
                None,
                self.quit,
            ),
            "&Edit": (
                self.find,
                self.copy_pair,
                None,
                self.paste_left,
                self.paste_right,
                None,
                self.preferences,
            ),
            "&View": (
                self.zoom_in,
                self.zoom_out,
                self.zoom_reset,
                None,
                self.sync,
                self.swap,
                None,
                self.only_meaning,
                spin_dock_toggle,
                quote_dock_toggle,
            ),
            "&Go": (
                self.next,
                self.previous,
                None,
                self.next_finding,
                self.previous_finding,
                None,
                self.cancel,
            ),
            "&Help": (self.sample, self.about),
        }
        for title, entries in layout.items():
            menu = bar.addMenu(window.tr(title))
            for entry in entries:
                if entry is None:
                    menu.addSeparator()
                elif isinstance(entry, QMenu):
                    menu.addMenu(entry)
                else:
                    menu.addAction(entry)

    def toolbar(self, *, position: QWidget, legend: QWidget) -> QToolBar:
        """The toolbar: open, reload, swap, previous/next and ``position``, cancel, ``legend``."""
        window = self._window
        toolbar = QToolBar(window.tr("Main"), window)
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setMovable(False)
        for action in (self.open, self.reload, self.swap):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.previous)
        toolbar.addAction(self.next)
        toolbar.addWidget(position)
        toolbar.addAction(self.cancel)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        toolbar.addWidget(legend)
        # Only the actions people look for by name keep a label; the rest are icons
        # with tooltips, so the legend still fits on a 1024-pixel-wide screen.
        for action in (self.reload, self.swap, self.cancel):
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        window.addToolBar(toolbar)
        return toolbar

    def _ask_open_pair(self) -> None:
        window = self._window
        answer = dialogs.ask_open_pair(window, window.last_directory())
        if answer:
            window.open_pair(*answer)

    def _ask_open_side(self, side: Side) -> None:
        window = self._window
        if side == "left":
            title = window.tr("Open the original")
        else:
            title = window.tr("Open the rewrite")
        path = dialogs.ask_open_file(window, title, window.last_directory())
        if path:
            window.open_side(side, path)

    def _ask_open_url(self) -> None:
        window = self._window
        side: Side = "left" if window.panes["left"].article is None else "right"
        answer = dialogs.ask_url(window, side)
        if answer:
            url, chosen = answer
            window.open_url("left" if chosen == "left" else "right", url)

    def _fill_recent_menu(self) -> None:
        window, menu = self._window, self.recent_menu
        menu.clear()
        pairs = window.recent.pairs()
        for left, right in pairs:
            action = menu.addAction(f"{Path(left).name} ↔ {Path(right).name}")
            action.setToolTip(f"{left}\n{right}")
            action.triggered.connect(lambda _c=False, l=left, r=right: window.open_pair(l, r))  # noqa: E741
        if not pairs:
            menu.addAction(window.tr("No recent pairs")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(window.tr("Clear List"), window.recent.clear)
