"""File > Open URL…: the address to fetch and which side it opens as."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from reader.core.load.url import is_web_address


class UrlDialog(QDialog):
    """An address line (OK only for an http(s) address) and Original / Rewrite."""

    def __init__(self, side: str = "left", url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("open-url")
        self.setWindowTitle(self.tr("Open URL"))
        self.setMinimumWidth(520)
        self.address = QLineEdit(url, self)
        self.address.setPlaceholderText("https://example.com/news/article.html")
        self.address.setClearButtonEnabled(True)
        self.address.setAccessibleName(self.tr("Web address"))
        self.original = QRadioButton(self.tr("&Original"), self)
        self.rewrite = QRadioButton(self.tr("&Rewrite"), self)
        (self.original if side == "left" else self.rewrite).setChecked(True)
        sides = QHBoxLayout()
        sides.addWidget(self.original)
        sides.addWidget(self.rewrite)
        sides.addStretch(1)
        note = QLabel(
            self.tr(
                "The page is downloaded once (at most 20 MB, 60 seconds) and its article "
                "extracted as a saved page would be; a PDF opens as a PDF."
            ),
            self,
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("Open as:"), sides)
        form.addRow(note)
        form.addRow(self.buttons)
        self.address.textChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        ok = is_web_address(self.address.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)

    def answer(self) -> tuple[str, str]:
        """The address and the side ("left" or "right") chosen."""
        return self.address.text().strip(), "left" if self.original.isChecked() else "right"
