"""Render packaging/article-reader.svg to the PNG sizes icon themes and installers want.

    QT_QPA_PLATFORM=offscreen python packaging/render_icons.py

Writes packaging/icons/hicolor/<N>x<N>/apps/org.articlereader.ArticleReader.png;
the PNGs are committed, so run it again only when the SVG changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZES = (16, 24, 32, 48, 64, 128, 256)
APP_ID = "org.articlereader.ArticleReader"


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 (QImage painting needs one)
    renderer = QSvgRenderer(str(HERE / "article-reader.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = HERE / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(target))
        print(target.relative_to(HERE))


if __name__ == "__main__":
    main()
