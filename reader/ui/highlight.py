"""Character formats for the marks of one side, in a light and a dark palette.

The core decides *what* is marked (``reader.core.results.marks``); this module decides
how it looks. Colour is never the only signal: additions are underlined,
omissions struck through, moved passages get a dotted underline and a dashed
band in the link map, and every mark has a tooltip naming it. A change in
meaning is drawn over all of these as a thick bar under its words (painted by
the pane, ``FINDING_BAR`` pixels high) in ``finding_line``, a colour kept at a
WCAG contrast of 3 or more against the page and every mark's background
(``contrast_ratio``; tests/ui/test_spin_panel.py checks both palettes). With
"Show only changes in meaning" the ordinary marks are drawn ``faint``.

Every mark must be seen at a glance in both sets (tests/ui/test_readable_marks.py
checks the numbers): its tint at least ``MIN_TINT_CONTRAST`` against the page
(the old reworded tint, rgb 238,242,248, was 1.12: barely there), the text over
it at least ``MIN_TEXT_CONTRAST``, and its second cue (the underline, the
strike-through, the dotted underline, the reworded passage's change bar in the
margin) in a line colour at least ``MIN_LINE_CONTRAST`` against the page and
its own tint.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
    QTextCharFormat,
    QTextFormat,
)

from reader.core.results.labels import MARK_KIND, capitalised
from reader.core.results.marks import Mark, MarkKind


@dataclass(frozen=True)
class Colours:
    """Every colour the panes, the link map, the legend and the sidebar use."""

    added: QColor
    omitted: QColor
    changed: QColor
    moved: QColor
    added_line: QColor  # the underline / band edge, stronger than the background
    omitted_line: QColor
    changed_line: QColor
    moved_line: QColor
    focus: QColor  # the bar beside the passage the user picked
    quote: QColor  # background of the quotation picked in the sidebar
    quote_line: QColor  # quotations in the overview strip, where the pale tint would not show
    changed_band: QColor  # link-map fills: the text tint is too faint for a band
    same_band: QColor
    finding_line: QColor  # the bar under a change in meaning, and its ticks in the link map
    page: QColor  # the text background the set is made for (faint marks fade into it)
    dark: bool
    found: QColor  # every match of the find bar
    found_current: QColor  # the match the find bar is at
    found_text: QColor  # text over a match


LIGHT = Colours(
    added=QColor("#bdebbd"),
    omitted=QColor("#f8c8c8"),
    changed=QColor("#d8e2f1"),
    moved=QColor("#e3d5f7"),
    added_line=QColor("#1f7a1f"),
    omitted_line=QColor("#b02020"),
    changed_line=QColor("#55657f"),
    moved_line=QColor("#6a3fb0"),
    focus=QColor("#2a6fdb"),
    quote=QColor("#fff0a0"),
    quote_line=QColor("#b58900"),
    changed_band=QColor("#c9d5e8"),
    same_band=QColor("#e4e7ec"),
    finding_line=QColor("#c2410c"),
    page=QColor("#ffffff"),
    dark=False,
    found=QColor("#ffd54f"),
    found_current=QColor("#ff9632"),
    found_text=QColor("#000000"),
)

DARK = Colours(
    added=QColor("#1e4d24"),
    omitted=QColor("#652a2f"),
    changed=QColor("#33405a"),
    moved=QColor("#3e2f5c"),
    added_line=QColor("#7fdc85"),
    omitted_line=QColor("#ff8a8a"),
    changed_line=QColor("#8ea0bf"),
    moved_line=QColor("#c3a6ff"),
    focus=QColor("#6ea8ff"),
    quote=QColor("#5a4c12"),
    quote_line=QColor("#c9b458"),
    changed_band=QColor("#3b4a66"),
    same_band=QColor("#34373d"),
    finding_line=QColor("#ffb020"),
    page=QColor("#1e1f22"),
    dark=True,
    found=QColor("#6b5300"),
    found_current=QColor("#b5530a"),
    found_text=QColor("#ffffff"),
)


MIN_TINT_CONTRAST = 1.3  # a tint a person tells from the page (backgrounds of whole passages)
MIN_TEXT_CONTRAST = 7.0  # WCAG AAA for the text read over a tint
MIN_LINE_CONTRAST = 3.0  # WCAG's non-text contrast, for the line that is each mark's second cue


def colours_for(palette: QPalette) -> Colours:
    """The light or dark set, whichever suits the palette's base (text background)."""
    return DARK if palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5 else LIGHT


# Later layers paint over earlier ones: the moved tint over the reworded tint, and
# word edits over both, so a moved passage still looks moved when it was reworded too.
_LAYERS = {MarkKind.CHANGED: 0, MarkKind.MOVED: 1, MarkKind.ADDED: 2, MarkKind.OMITTED: 2}


def paint_order(marks: Iterable[Mark]) -> list[Mark]:
    """``marks`` in the order to merge them (stable within a layer)."""
    return sorted(marks, key=lambda mark: _LAYERS[mark.kind])


# The bar under a change in meaning: several times an underline's height, so it reads
# as "more than an addition" without colour.
FINDING_BAR = 3
# Faint marks keep this share of their background colour, and no line.
FAINT_SHARE = 0.3
FINDING_PROPERTY = QTextFormat.Property.UserProperty + 1  # set on a change in meaning's words


def mark_format(kind: MarkKind, colours: Colours, *, faint: bool = False) -> QTextCharFormat:
    """The format merged over a mark's characters (``faint``: a pale tint, no line)."""
    fmt = QTextCharFormat()
    if faint:
        if kind is not MarkKind.CHANGED:  # the reworded tint is already faint: none at all
            fmt.setBackground(blend(getattr(colours, kind.value), colours.page, FAINT_SHARE))
        fmt.setToolTip(f"{mark_tooltip(kind)} — {FAINT_NOTE}")
        return fmt
    if kind is MarkKind.ADDED:
        fmt.setBackground(colours.added)
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(colours.added_line)
    elif kind is MarkKind.OMITTED:
        fmt.setBackground(colours.omitted)
        fmt.setFontStrikeOut(True)
    elif kind is MarkKind.CHANGED:
        fmt.setBackground(colours.changed)
    elif kind is MarkKind.MOVED:
        fmt.setBackground(colours.moved)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(colours.moved_line)
    # Tooltips name the kind for anyone who cannot tell the colours apart.
    fmt.setToolTip(mark_tooltip(kind))
    return fmt


# How each kind is drawn, for the tooltip (the kind's name comes from core labels).
_DRAWN_AS = {
    MarkKind.ADDED: "underlined",
    MarkKind.OMITTED: "struck through",
    MarkKind.CHANGED: "tinted, with a bar in the margin",
    MarkKind.MOVED: "dotted underline",
}


FAINT_NOTE = "shown faint: only changes in meaning stand out"


def finding_format(tooltip: str) -> QTextCharFormat:
    """The format merged over a change in meaning's words: its tooltip (the bar is painted)."""
    fmt = QTextCharFormat()
    fmt.setToolTip(tooltip)
    fmt.setProperty(FINDING_PROPERTY, True)
    return fmt


def blend(colour: QColor, base: QColor, share: float) -> QColor:
    """``share`` of ``colour`` over ``base``."""
    mixed = zip(colour.getRgbF()[:3], base.getRgbF()[:3], strict=True)
    return QColor.fromRgbF(*(share * a + (1 - share) * b for a, b in mixed))


def contrast_ratio(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21; 3 is enough for lines and glyphs)."""

    def luminance(colour: QColor) -> float:
        channels = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
            for c in colour.getRgbF()[:3]
        ]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def mark_tooltip(kind: MarkKind) -> str:
    """ "Added in the rewrite (underlined)": what a mark means and how it is drawn."""
    return f"{capitalised(MARK_KIND[kind])} ({_DRAWN_AS[kind]})"


def band_colour(kind: str, moved: bool, colours: Colours) -> tuple[QColor, QColor]:
    """Fill and edge colour of a link-map band for a block of ``kind``."""
    if moved:
        return colours.moved, colours.moved_line
    return {
        "added": (colours.added, colours.added_line),
        "omitted": (colours.omitted, colours.omitted_line),
        "changed": (colours.changed_band, colours.changed_line),
    }.get(kind, (colours.same_band, colours.changed_line))


def glyph_icon(glyph: str, colour: QColor, disabled: QColor) -> QIcon:
    """A toolbar icon drawn from one character, in ``colour`` (and ``disabled`` when greyed out)."""
    icon = QIcon()
    for mode, pen in ((QIcon.Mode.Normal, colour), (QIcon.Mode.Disabled, disabled)):
        for size in (16, 24, 32, 48):
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            font = QFont()
            font.setPixelSize(int(size * 0.85))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
            painter.end()
            icon.addPixmap(pixmap, mode)
    return icon


def badge_icon(glyph: str, colour: QColor | str) -> QIcon:
    """A round badge in ``colour`` with ``glyph`` in white, drawn so no icon file is needed."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(colour))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(1, 1, 30, 30)
    font = QFont()
    font.setPixelSize(22)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRect(0, 0, 32, 31), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)
