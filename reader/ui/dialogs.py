"""The dialogs the window asks questions with, as plain functions tests can replace.

Tests monkeypatch ``ask_open_pair`` / ``ask_open_file`` to answer like a user
would; ``show_error`` opens a non-blocking box that tests find and close.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from reader.core.load.loader import SUPPORTED_SUFFIXES
from reader.ui.preferences import Preferences, PreferencesDialog

# The loader names what it reads best; any other file is still tried by content.
FILE_FILTER = "Articles ({patterns});;All files (*)".format(
    patterns=" ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def ask_open_pair(parent: QWidget | None, directory: str = "") -> tuple[str, str] | None:
    """Ask for the original and the rewrite: two files in one go, or one and then the other."""
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        _tr("Open two articles: the original, then the rewrite"),
        directory,
        _tr(FILE_FILTER),
    )
    if not files:
        return None
    if len(files) >= 2:
        return files[0], files[1]
    right = ask_open_file(parent, _tr("Open the rewrite to compare with"), directory)
    return (files[0], right) if right else None


def ask_open_file(parent: QWidget | None, title: str, directory: str = "") -> str | None:
    """Ask for one article file; None when the user cancels."""
    path, _ = QFileDialog.getOpenFileName(parent, title, directory, _tr(FILE_FILTER))
    return path or None


def ask_url(parent: QWidget | None, side: str = "left") -> tuple[str, str] | None:
    """File > Open URL…: the address and the side to open it as, or None when cancelled."""
    from reader.ui.url_dialog import UrlDialog

    dialog = UrlDialog(side, parent=parent)
    return dialog.answer() if dialog.exec() == UrlDialog.DialogCode.Accepted else None


def show_error(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """Show ``message`` (and ``details`` below it) in a window-modal box without blocking."""
    box = QMessageBox(
        QMessageBox.Icon.Critical, title, message, QMessageBox.StandardButton.Ok, parent
    )
    if details:
        box.setInformativeText(details)
    box.setObjectName("error-box")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box


def show_load_error(parent: QWidget | None, name: str, message: str) -> QMessageBox:
    """Say that ``name`` could not be opened, with the loader's one-line ``message`` below."""
    title = _tr("Cannot open {name}").format(name=name)
    return show_error(parent, title, _tr("Could not open “{name}”.").format(name=name), message)


REPORT_FILTER = "HTML report (*.html);;PDF document (*.pdf)"


def ask_save_report(parent: QWidget | None, suggested: str) -> str | None:
    """Ask where to save a report; the suffix follows the chosen type. None when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(
        parent,
        _tr("Export Report"),
        suggested,
        _tr(REPORT_FILTER),
        options=QFileDialog.Option.DontConfirmOverwrite,  # confirm_replace asks, testably
    )
    if not path:
        return None
    if not path.lower().endswith((".html", ".htm", ".pdf")):
        path += ".pdf" if "pdf" in chosen.lower() else ".html"
    return path


def confirm_replace(parent: QWidget | None, path: str) -> bool:
    """Ask before replacing an existing file; True to replace it."""
    answer = QMessageBox.question(
        parent,
        _tr("Replace the file?"),
        _tr("“{path}” already exists. Replace it?").format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_preferences(parent: QWidget | None, current: Preferences) -> Preferences | None:
    """Show the preferences dialog; the new preferences, or None when cancelled."""
    dialog = PreferencesDialog(current, parent)
    return dialog.preferences() if dialog.exec() == PreferencesDialog.DialogCode.Accepted else None


def show_about(parent: QWidget | None) -> None:
    """Help > About: the version and what the app is for."""
    from reader import __version__

    QMessageBox.about(
        parent,
        _tr("About Article Reader"),
        _tr(
            "Article Reader {version}\n\nSee what a rewrite added, what it dropped, "
            "and whether its quotations still say what people said."
        ).format(version=__version__),
    )
