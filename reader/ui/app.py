"""Starting the window: the QApplication, its palette, and what opens first.

``ARTICLE_READER_PALETTE=dark`` (or ``light``) forces a palette; by default the
app follows the system's light/dark setting.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.ui.main_window import MainWindow

ORGANISATION = "ArticleReader"
APPLICATION = "Article Reader"
PALETTE_ENV = "ARTICLE_READER_PALETTE"


def dark_palette() -> QPalette:
    """A dark palette for Fusion, for systems that do not provide one."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2d31"),
        (roles.WindowText, "#e6e6e6"),
        (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#26282c"),
        (roles.ToolTipBase, "#2b2d31"),
        (roles.ToolTipText, "#e6e6e6"),
        (roles.Text, "#e6e6e6"),
        (roles.Button, "#33363b"),
        (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ff6b6b"),
        (roles.Link, "#6ea8ff"),
        (roles.Highlight, "#3d6bb3"),
        (roles.HighlightedText, "#ffffff"),
        (roles.PlaceholderText, "#8a8d93"),
    ):
        palette.setColor(role, QColor(colour))
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a8d93"))
    return palette


def set_up_application(argv: list[str]) -> QApplication:
    """Create (or reuse) the QApplication with the app's names, style and palette."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.articlereader.ArticleReader")
    app.setWindowIcon(QIcon.fromTheme("org.articlereader.ArticleReader"))
    app.setStyle("Fusion")  # the same look everywhere, and a palette that follows the system
    choice = os.environ.get(PALETTE_ENV, "system").lower()
    if choice == "dark":
        app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif choice == "light":
        app.styleHints().setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    return app


def open_initial(window: MainWindow, args: list[str]) -> None:
    """Open what the command line names; with nothing named, the sample pair on first run."""
    if len(args) >= 2:
        window.open_pair(args[0], args[1])
    elif len(args) == 1:
        window.open_side("left", args[0])
    elif not window.settings.value("first_run_done", False, type=bool):
        window.settings.setValue("first_run_done", True)
        window.open_sample_pair()


SMOKE_FLAG = "--smoke-test"


def run(args: list[str]) -> int:
    """``article-reader [LEFT RIGHT]``: show the window and run until it closes.

    With ``--smoke-test`` the window opens the pair, prints the summary line
    once the comparison is on screen and exits 0 (2 if a file cannot be
    opened): a check that an installed or frozen app really works.
    """
    smoke = SMOKE_FLAG in args
    paths = [a for a in args if not a.startswith("-")]
    app = set_up_application([sys.argv[0], *args])
    window = MainWindow(settings=QSettings())
    geometry = window.settings.value("window/geometry")
    if geometry is not None and not smoke:
        window.restoreGeometry(geometry)
    if smoke:
        status = {"code": 1}

        def shown(_comparison) -> None:
            print(window.summary_label.text(), flush=True)
            status["code"] = 0
            window.close()

        def failed(message: str) -> None:
            print(message, file=sys.stderr, flush=True)
            status["code"] = 2
            window.close()

        window.comparison_shown.connect(shown)
        window.load_failed.connect(failed)
        window.show()
        if len(paths) >= 2:
            window.open_pair(paths[0], paths[1])
        else:
            window.open_sample_pair()
        app.exec()
        return status["code"]
    window.show()
    open_initial(window, paths)
    return app.exec()
