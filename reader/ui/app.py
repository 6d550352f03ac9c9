"""Starting the window: the QApplication, its palette, and what opens first.

``ARTICLE_READER_PALETTE=dark`` (or ``light``) forces a palette; by default the
app follows the system's light/dark setting.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.ui.main_window import MainWindow
from reader.ui.palette import PALETTE_ENV, apply_palette
from reader.ui.resources import app_icon_path

ORGANISATION = "ArticleReader"
APPLICATION = "Article Reader"


def set_up_application(argv: list[str]) -> QApplication:
    """Create (or reuse) the QApplication with the app's names, style and palette."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.articlereader.ArticleReader")
    # The installed theme icon when the desktop has one, else the packaged SVG.
    app.setWindowIcon(
        QIcon.fromTheme("org.articlereader.ArticleReader", QIcon(str(app_icon_path())))
    )
    app.setStyle("Fusion")  # the same look everywhere, and a palette that follows the system
    forced = os.environ.get(PALETTE_ENV, "").lower()
    apply_palette(app, forced or str(QSettings().value("view/palette", "system")))
    return app


def open_initial(window: MainWindow, args: list[str]) -> None:
    """Open what the command line names (files or web addresses); with nothing named, the
    sample pair on first run. Of a pair, one that cannot be opened is reported and the
    other shown."""
    if len(args) >= 2:
        window.open_pair(args[0], args[1], keep_loaded=True)
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
    window = MainWindow(settings=QSettings())  # restores its own size and layout
    if smoke:
        status = {"code": 1}

        def shown(_comparison) -> None:
            print(window.status.summary_label.text(), flush=True)
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
