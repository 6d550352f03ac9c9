"""The user's preferences: what they are, where they live (QSettings), and the dialog."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.ui.article_pane import BASE_POINT_SIZE
from reader.ui.palette import PALETTES


@dataclass(frozen=True)
class Preferences:
    """How the window shows a comparison. ``font_family`` "" means the built-in serif choice."""

    font_family: str = ""
    font_size: int = BASE_POINT_SIZE
    palette: str = "system"  # one of PALETTES
    sync_scrolling: bool = True
    show_moved: bool = True
    ignore_case: bool = False
    ignore_punctuation: bool = False
    only_meaning: bool = False  # ordinary marks faint: only the changes in meaning stand out

    @classmethod
    def load(cls, settings: QSettings) -> Preferences:
        default = cls()

        def value(key: str, fallback, kind):
            try:
                return kind(settings.value(f"view/{key}", fallback, type=kind))
            except (TypeError, ValueError):
                return fallback

        palette = value("palette", default.palette, str)
        return cls(
            font_family=value("font_family", default.font_family, str),
            font_size=max(6, min(48, value("font_size", default.font_size, int))),
            palette=palette if palette in PALETTES else default.palette,
            sync_scrolling=value("sync_scrolling", default.sync_scrolling, bool),
            show_moved=value("show_moved", default.show_moved, bool),
            ignore_case=value("ignore_case", default.ignore_case, bool),
            ignore_punctuation=value("ignore_punctuation", default.ignore_punctuation, bool),
            only_meaning=value("only_meaning", default.only_meaning, bool),
        )

    def save(self, settings: QSettings) -> None:
        for key, value in self.__dict__.items():
            settings.setValue(f"view/{key}", value)


class PreferencesDialog(QDialog):
    """Edit a ``Preferences``; ``preferences()`` reads back what the user set."""

    def __init__(self, current: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.setObjectName("preferences")
        self.font_family = QFontComboBox(self)
        self.font_family.setAccessibleName(self.tr("Reading font"))
        self.default_font = QCheckBox(self.tr("Built-in serif"), self)
        self.default_font.toggled.connect(lambda on: self.font_family.setEnabled(not on))
        self.default_font.setChecked(not current.font_family)
        if current.font_family:
            self.font_family.setCurrentFont(QFont(current.font_family))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(6, 48)
        self.font_size.setSuffix(" pt")
        self.font_size.setValue(current.font_size)
        self.font_size.setAccessibleName(self.tr("Font size"))
        self.palette = QComboBox(self)
        labels = {
            "system": self.tr("Follow the system"),
            "light": self.tr("Light"),
            "dark": self.tr("Dark"),
        }
        for name in PALETTES:
            self.palette.addItem(labels[name], name)
        self.palette.setCurrentIndex(PALETTES.index(current.palette))
        self.palette.setAccessibleName(self.tr("Colours"))
        self.sync_scrolling = QCheckBox(self.tr("Scroll both panes together"), self)
        self.sync_scrolling.setChecked(current.sync_scrolling)
        self.show_moved = QCheckBox(self.tr("Mark moved passages"), self)
        self.show_moved.setChecked(current.show_moved)
        self.only_meaning = QCheckBox(self.tr("Show only changes in meaning"), self)
        self.only_meaning.setToolTip(
            self.tr("Draw ordinary rewording faint, so the changes in meaning stand out")
        )
        self.only_meaning.setChecked(current.only_meaning)
        self.ignore_case = QCheckBox(self.tr("Ignore changes of capitalisation"), self)
        self.ignore_case.setChecked(current.ignore_case)
        self.ignore_punctuation = QCheckBox(self.tr("Ignore changes of punctuation"), self)
        self.ignore_punctuation.setChecked(current.ignore_punctuation)

        form = QFormLayout()
        form.addRow(self.tr("&Font:"), self.font_family)
        form.addRow("", self.default_font)
        form.addRow(self.tr("&Size:"), self.font_size)
        form.addRow(self.tr("&Colours:"), self.palette)
        form.addRow(self.tr("Scrolling:"), self.sync_scrolling)
        form.addRow(self.tr("Marks:"), self.show_moved)
        form.addRow("", self.only_meaning)
        form.addRow(self.tr("Changes:"), self.ignore_case)
        form.addRow("", self.ignore_punctuation)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def preferences(self) -> Preferences:
        return Preferences(
            font_family=""
            if self.default_font.isChecked()
            else self.font_family.currentFont().family(),
            font_size=self.font_size.value(),
            palette=self.palette.currentData(),
            sync_scrolling=self.sync_scrolling.isChecked(),
            show_moved=self.show_moved.isChecked(),
            ignore_case=self.ignore_case.isChecked(),
            ignore_punctuation=self.ignore_punctuation.isChecked(),
            only_meaning=self.only_meaning.isChecked(),
        )
