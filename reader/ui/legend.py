"""The legend: what each colour and line style in the panes means."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from reader.core.results.labels import FINDING, MARK_WORD, capitalised
from reader.core.results.marks import MarkKind
from reader.ui.highlight import FINDING_BAR, Colours

# (label, style) -- the sample text is styled exactly as the panes style it.
_ENTRIES = tuple(
    (capitalised(MARK_WORD[kind]), kind.value, style)
    for kind, style in (
        (MarkKind.ADDED, "text-decoration: underline"),
        (MarkKind.OMITTED, "text-decoration: line-through"),
        (MarkKind.CHANGED, ""),
        (MarkKind.MOVED, "border-bottom: 1px dotted"),
    )
)


class Legend(QWidget):
    """A row of styled samples: Added, Omitted, Reworded, Moved, Change in meaning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: list[QLabel] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(10)
        for _ in _ENTRIES:
            label = QLabel(self)
            self._labels.append(label)
            layout.addWidget(label)
        self.finding_label = _BarLabel(self.tr(capitalised(FINDING)), self)
        self.finding_label.setToolTip(
            self.tr("Words that change the meaning: a thick underline, a tick in the link map")
        )
        layout.addWidget(self.finding_label)
        self.setAccessibleName(self.tr("Legend"))

    def set_colours(self, colours: Colours) -> None:
        for label, (word, attr, style) in zip(self._labels, _ENTRIES, strict=True):
            background = getattr(colours, attr).name()
            line = getattr(colours, f"{attr}_line").name()
            decoration = style if attr != "moved" else "text-decoration: underline"
            label.setText(
                f'<span style="background:{background}; {decoration}; '
                f'text-decoration-color:{line}">&nbsp;{self.tr(word)}&nbsp;</span>'
            )
            label.setToolTip(_TIPS[attr])
        self.finding_label.bar_colour = colours.finding_line
        self.finding_label.update()


class _BarLabel(QLabel):
    """A label with the pane's thick bar under its text (rich text draws no such line)."""

    bar_colour = QColor("#c2410c")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(self.text())
        top = (self.height() + metrics.height()) // 2 - 1
        painter = QPainter(self)
        painter.fillRect(QRect(0, top, width, FINDING_BAR), self.bar_colour)
        painter.end()


_TIPS = {
    "added": "Words only in the rewrite: green, underlined",
    "omitted": "Words only in the original: red, struck through",
    "reworded": "",
    "changed": "Sentences paired with a reworded counterpart: light tint",
    "moved": "Passages the rewrite moved elsewhere: violet, dotted underline, dashed band",
}
