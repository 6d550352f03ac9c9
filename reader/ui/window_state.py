"""The window's size, dock and toolbar layout and splitter, kept in QSettings across restarts."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


def save_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> None:
    """Keep ``window``'s geometry, dock/toolbar state and ``splitter``'s sizes."""
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    settings.setValue("window/splitter", splitter.saveState())


def restore_layout(window: QMainWindow, splitter: QSplitter, settings: QSettings) -> bool:
    """Size, dock and toolbar layout, and splitter of the last session, when saved;
    whether the dock layout was restored."""
    restored = False
    for key, restore in (
        ("window/geometry", window.restoreGeometry),
        ("window/state", window.restoreState),
        ("window/splitter", splitter.restoreState),
    ):
        value = settings.value(key)
        if isinstance(value, QByteArray) and not value.isEmpty():
            done = restore(value)
            restored = restored or (key == "window/state" and bool(done))
    return restored
