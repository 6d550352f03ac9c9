"""File > Export Report: ask where, then write the core's HTML report as HTML or as PDF.

The report itself is ``reader.core.results.report``'s; this module asks for
the file (through ``dialogs``, which tests answer), lays the HTML out as PDF
pages with Qt when a ``.pdf`` is asked for, and writes it with the core's
``write_report`` (atomic, never over an input article).
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.results.comparison import Comparison
from reader.core.results.report import ReportError, render_html, write_report
from reader.ui import dialogs


def export_report(parent: QWidget, comparison: Comparison, directory: str) -> str | None:
    """Ask where (suggesting ``directory``), then write the report; the path written, or None.

    None when the user cancels, declines to replace a file, or the report cannot
    be written (an error box then says why).
    """
    left, right = comparison.left, comparison.right
    suggested = str(
        Path(directory or ".") / f"{_stem(left.path, 'original')} vs "
        f"{_stem(right.path, 'rewrite')}.html"
    )
    path = dialogs.ask_save_report(parent, suggested)
    if not path:
        return None
    if Path(path).exists() and not dialogs.confirm_replace(parent, path):
        return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        html = render_html(comparison)
        content: str | bytes = pdf_bytes(html) if path.lower().endswith(".pdf") else html
        write_report(path, content, inputs=(left.path, right.path))
    except ReportError as error:
        title = QCoreApplication.translate("export", "Cannot export the report")
        dialogs.show_error(parent, title, str(error))
        return None
    finally:
        QApplication.restoreOverrideCursor()
    return path


def _stem(path: str, fallback: str) -> str:
    """A file name's stem for the suggested report name; a pasted article's "<pasted …>"
    or an address's characters a file name cannot hold are dropped."""
    stem = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", Path(path).stem).strip()
    if stem.startswith("pasted "):
        return "pasted text"
    return stem or fallback


def pdf_bytes(html: str, *, title: str = "Article Reader report") -> bytes:
    """Lay ``html`` out on A4 pages and return the PDF file's bytes.

    QTextDocument lays out the report's tables, spans and colours (the report
    keeps to the HTML subset Qt supports, so the page looks like the browser's).
    The document gets the page's own size: without one, ``print_`` adds 2 cm
    margins of its own inside the page's. Works offscreen.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setResolution(96)  # the report sizes its text in CSS px: lay out at screen scale
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
