"""The application palette: the system's, or a forced light or dark one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

PALETTES = ("system", "light", "dark")
PALETTE_ENV = "ARTICLE_READER_PALETTE"  # forces a palette over the preference (screenshots)


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


def apply_palette(app: QApplication, choice: str) -> None:
    """Switch the application to the "dark", "light" or "system" palette."""
    hints = app.styleHints()
    if choice == "dark":
        hints.setColorScheme(Qt.ColorScheme.Dark)
        app.setPalette(dark_palette())
    elif choice == "light":
        hints.setColorScheme(Qt.ColorScheme.Light)
        app.setPalette(app.style().standardPalette())
    else:
        hints.unsetColorScheme()
        app.setPalette(app.style().standardPalette())
