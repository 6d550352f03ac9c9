"""The HTML report as PDF bytes, through Qt's own text layout and PDF writer."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument


def pdf_bytes(html: str, *, title: str = "Article Reader report") -> bytes:
    """Lay ``html`` out on A4 pages and return the PDF file's bytes.

    QTextDocument understands the report's spans, tables and colours (not its
    two-column grid, so the texts follow each other). Works offscreen.
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
    document.setHtml(html)
    document.print_(writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())
