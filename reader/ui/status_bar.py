"""The status bar: passing messages on the left; the comparison's progress, its count of
changes in meaning (the counts by kind in its tooltip) and its summary on the right."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from reader.core.results.comparison import Summary
from reader.ui.describe import findings_breakdown, findings_text, summary_text
from reader.ui.elided_label import ElidedLabel


class StatusBar(QStatusBar):
    """``show_progress`` while a comparison runs, ``show_summary`` once it is on screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary_label = ElidedLabel(self)
        self.summary_label.setObjectName("summary")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.hide()
        self.findings_label = QLabel(self)
        self.findings_label.setObjectName("findings")
        bold = self.findings_label.font()
        bold.setBold(True)
        self.findings_label.setFont(bold)
        # Permanent widgets stay when a passing message is shown on the left.
        self.addPermanentWidget(self.progress_bar)
        self.addPermanentWidget(self.findings_label)
        self.addPermanentWidget(self.summary_label)

    def set_busy(self, busy: bool) -> None:
        """Show the progress bar, from zero, while a comparison runs."""
        self.progress_bar.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)

    def show_progress(self, fraction: float, stage: str) -> None:
        self.progress_bar.setValue(int(fraction * 100))
        self.showMessage(self.tr("Comparing: {stage}…").format(stage=self.tr(stage)))

    def show_summary(self, summary: Summary | None) -> None:
        """The comparison's summary line (``describe.summary_text``); None clears it."""
        if summary is None:
            self.summary_label.clear()
            self.findings_label.clear()
            self.findings_label.setToolTip("")
            return
        self.summary_label.setText(summary_text(summary))
        self.findings_label.setText(findings_text(summary))
        self.findings_label.setToolTip(findings_breakdown(summary))
