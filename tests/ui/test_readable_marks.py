"""Issue 19, "readable at a glance": every mark seen against the page in both palettes,
each with a second cue besides colour, and the quotation list showing most rows at the
window's default size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QTextCharFormat

from reader.core.results.marks import MarkKind, side_marks
from reader.ui.highlight import (
    DARK,
    LIGHT,
    MIN_LINE_CONTRAST,
    MIN_TEXT_CONTRAST,
    MIN_TINT_CONTRAST,
    contrast_ratio,
)
from reader.ui.main_window import MainWindow
from reader.ui.palette import dark_palette

from .conftest import trigger_menu

KINDS = ("added", "omitted", "changed", "moved")


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_every_mark_tint_is_seen_against_the_page_and_its_text_read_over_it(colours):
    text = dark_palette().text().color() if colours.dark else QColor("#000000")
    for kind in KINDS:
        tint = getattr(colours, kind)
        assert contrast_ratio(tint, colours.page) >= MIN_TINT_CONTRAST, kind
        assert contrast_ratio(tint, text) >= MIN_TEXT_CONTRAST, kind


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_every_marks_line_stands_out_from_the_page_and_its_own_tint(colours):
    for kind in KINDS:
        line = getattr(colours, f"{kind}_line")
        assert contrast_ratio(line, colours.page) >= MIN_LINE_CONTRAST, kind
        assert contrast_ratio(line, getattr(colours, kind)) >= MIN_LINE_CONTRAST, kind


def test_the_old_reworded_tint_would_fail_the_check():
    # The tint the issue found too faint (rgb 238,242,248): the check must catch it.
    assert contrast_ratio(QColor(238, 242, 248), LIGHT.page) < MIN_TINT_CONTRAST


def test_each_mark_has_a_second_cue_in_the_panes(sample_window, qtbot):
    window = sample_window
    comparison = window.comparison
    marks = {side: side_marks(comparison, side) for side in ("left", "right")}
    added = next(m for m in marks["right"] if m.kind is MarkKind.ADDED)
    omitted = next(m for m in marks["left"] if m.kind is MarkKind.OMITTED)
    assert window.panes["right"].format_at(added.start).fontUnderline()
    assert window.panes["left"].format_at(omitted.start).fontStrikeOut()
    moved = [m for m in marks["left"] if m.kind is MarkKind.MOVED]
    for mark in moved[:1]:
        fmt = window.panes["left"].format_at(mark.start)
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    # A reworded passage: a change bar in the margin beside its lines, in its line colour.
    reworded = next(m for m in marks["left"] if m.kind is MarkKind.CHANGED)
    pane = window.panes["left"]
    pane.show_offset(reworded.start, 0.3)
    qtbot.wait(50)
    top = pane.span_y(reworded.start, reworded.start)[0] - pane.scroll_value()
    bars = pane.text.change_bars()
    assert any(bar.top() <= top + 1 <= bar.bottom() for bar in bars), (top, bars)
    image = pane.text.viewport().grab().toImage()
    bar = next(b for b in bars if b.top() <= top + 1 <= b.bottom())
    assert QColor(image.pixel(bar.center())) == window.colours.changed_line
    # Only changes in meaning: the ordinary marks go faint, and the bars with them.
    trigger_menu(window, "&View", "Show Only &Changes in Meaning")
    assert pane.text.change_bars() == []


def test_the_quotation_list_shows_most_rows_at_the_default_window_size(qtbot, tmp_path, seed_paths):
    settings = QSettings(str(tmp_path / "fresh.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)  # a first start: its default size and docks
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert (window.width(), window.height()) == (1400, 900)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.open_pair(*seed_paths)
    window.quote_dock.raise_()
    qtbot.wait(100)
    table = window.sidebar.table
    height = table.viewport().height()
    rows = window.sidebar.proxy.rowCount()
    shown = [
        r
        for r in range(rows)
        if 0 <= table.rowViewportPosition(r)
        and table.rowViewportPosition(r) + table.rowHeight(r) <= height
    ]
    assert rows >= 10 and len(shown) >= 8, (rows, len(shown), height)
    # The panes keep the larger part of the height.
    assert window.panes["left"].height() > 2 * window.quote_dock.height() * 0.9
    window.runner.cancel()
    window.runner.wait()
