"""The header above a pane's text: which side, which file, its title, format and encoding."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.core.article import Article
from reader.ui.elided_label import ElidedLabel


@dataclass(frozen=True)
class Origin:
    """Where an article that is not a file came from, as the header says it.

    ``name`` replaces the file name ("Pasted text", "example.com/news/a.html"),
    ``when`` is appended to the details ("pasted 14:03:22", "fetched 2026-12-03
    14:03 UTC"), ``tooltip`` is the full address.
    """

    name: str
    when: str
    tooltip: str = ""


class PaneHeader(QWidget):
    """Two lines: "Original: report.txt" in bold, then "Title  —  Markdown · utf-8" smaller."""

    def __init__(self, *, side_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._side_label = side_label
        # Elided, never wrapped or widening the window: a headline or a file
        # name can be longer than a pane is wide (the whole of it in the tooltip).
        self.name_label = ElidedLabel(self)
        bold = self.name_label.font()
        bold.setBold(True)
        self.name_label.setFont(bold)
        self.details_label = ElidedLabel(self)
        small = self.details_label.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.details_label.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 2)
        layout.setSpacing(0)
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)

    def show_placeholder(self) -> None:
        """No article yet: say how to get one."""
        self.name_label.setText(self.tr("{side}: no article").format(side=self._side_label))
        self.details_label.setText(self.tr("Open a file or drop one here"))

    def show_article(self, article: Article, origin: Origin | None = None) -> None:
        """The side and file name (or ``origin``'s name), then title, format, encoding and,
        for an article that is not a file, when it was pasted or fetched."""
        name = origin.name if origin is not None else Path(article.path).name
        self.name_label.setText(f"{self._side_label}: {name}")
        self.name_label.setToolTip(origin.tooltip if origin is not None else article.path)
        details = [article.title] if article.title else []
        kind = article.source_format + (f" · {article.encoding}" if article.encoding else "")
        if origin is not None and origin.when:
            kind += f" · {origin.when}"
        if not getattr(article, "body_recognised", True):
            kind += " · " + self.tr("no article body recognised: the page's visible text")
        details.append(kind)
        self.details_label.setText("  —  ".join(details))
