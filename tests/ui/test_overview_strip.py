"""The overview strip beside each pane's scroll bar: the whole article's marks, where the pane is,
click or drag to go there. Checked on the strip's grabbed image, as a person would see it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QScrollBar

from reader.core.results.comparison import BlockKind
from reader.ui.highlight import DARK, LIGHT, Colours, colours_for
from reader.ui.overview_strip import FINDING_LANE, MARK_LANE, OverviewStrip, merged_rows
from reader.ui.palette import apply_palette


@pytest.fixture
def restore_palette():
    yield
    apply_palette(QApplication.instance(), "light")


def _image(strip: OverviewStrip) -> QImage:
    QApplication.processEvents()
    return strip.grab().toImage()


def _rows(strip: OverviewStrip, start: int, end: int) -> range:
    return range(int(strip.y_for_offset(start)), int(strip.y_for_offset(max(start, end - 1))) + 2)


def _off_screen(strip: OverviewStrip, spans):
    """The spans whose place on the strip lies outside the outline (not shaded by it)."""
    shown = strip.visible_rect()
    return [(s, e) for s, e in spans if strip.y_for_offset(s) > shown.bottom() + 4 and e - s > 20]


def _added_spans(window) -> list[tuple[int, int]]:
    query = window.navigator.query
    return [
        query.span("right", i)
        for i, block in enumerate(query.blocks)
        if block.kind is BlockKind.ADDED and query.span("right", i)
    ]


def _shows(image: QImage, x: int, rows: range, colour: QColor) -> bool:
    return any(image.pixelColor(x, y) == colour for y in rows if 0 <= y < image.height())


def _check_marks(window, colours: Colours) -> None:
    right = window.panes["right"]
    strip = right.overview
    image = _image(strip)
    added = _off_screen(strip, _added_spans(window))
    findings = _off_screen(strip, right.finding_spans())
    assert added and findings
    # An added block: its rows carry the addition's edge colour in the marks lane.
    start, end = added[-1]
    assert _shows(image, MARK_LANE[0], _rows(strip, start, end), colours.added_line)
    # A change in meaning: the finding colour in its own lane, at its height.
    start, end = findings[-1]
    assert _shows(image, FINDING_LANE[0] + 2, _rows(strip, start, end), colours.finding_line)
    # The strip's own background is the page's.
    assert image.pixelColor(FINDING_LANE[0] + 2, 0) == colours.page


def test_the_strips_show_additions_and_changes_in_meaning_at_their_heights(sample_window):
    _check_marks(sample_window, LIGHT)
    left = sample_window.panes["left"].overview
    assert left.isVisible() and sample_window.panes["right"].overview.isVisible()
    assert "overview" in left.accessibleName().lower() and "original" in left.accessibleName()
    assert "click" in left.toolTip().lower()


def test_the_strip_works_in_the_dark_palette(sample_window, restore_palette):
    apply_palette(QApplication.instance(), "dark")
    QApplication.processEvents()
    assert colours_for(sample_window.palette()) is DARK
    _check_marks(sample_window, DARK)


def test_the_outline_follows_scrolling(sample_window, qtbot):
    pane = sample_window.panes["right"]
    strip = pane.overview
    before = strip.visible_rect()
    assert before.top() < 10 and before.height() < strip.height()
    pane.text.verticalScrollBar().triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
    pane.text.verticalScrollBar().triggerAction(QScrollBar.SliderAction.SliderPageStepAdd)
    image = _image(strip)  # lines laid out on the way renumber the rest: read after them
    after = strip.visible_rect()
    assert after.top() > before.top() + 10
    # Drawn where it says: the outline's top edge now crosses the strip there.
    row = int(after.top())
    outline = strip.palette().color(strip.palette().ColorRole.Text)
    near = [image.pixelColor(strip.width() // 2, y) for y in (row, row + 1)]
    assert any(abs(c.lightness() - outline.lightness()) < 90 for c in near)


def test_a_click_on_the_strip_scrolls_the_pane_there_and_the_other_follows(sample_window, qtbot):
    right, left = sample_window.panes["right"], sample_window.panes["left"]
    strip = right.overview
    start, _end = _off_screen(strip, _added_spans(sample_window))[-1]
    left_before = left.scroll_value()
    qtbot.mouseClick(
        strip,
        Qt.MouseButton.LeftButton,
        pos=QPoint(strip.width() // 2, int(strip.y_for_offset(start))),
    )
    bottom = right.offset_at_y(right.scroll_value() + right.page_height())
    assert right.top_offset() <= start <= bottom
    assert left.scroll_value() != left_before  # synced scrolling followed the scroll bar


def test_dragging_on_the_strip_scrolls_along(sample_window, qtbot):
    pane = sample_window.panes["right"]
    strip = pane.overview
    x = strip.width() // 2
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    top = pane.scroll_value()
    for y in (strip.height() // 3, strip.height() // 2):
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(x, y),
            strip.mapToGlobal(QPointF(x, y)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(strip, move)
        assert pane.scroll_value() > top
        top = pane.scroll_value()
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(x, strip.height() // 2))


def test_nearby_marks_merge_into_one_rectangle_a_row():
    assert merged_rows([(10.2, 10.4), (10.5, 11.0), (30, 40), (12, 13)], 2) == [
        (10, 14),  # the last at least 2 rows high
        (30, 40),
    ]
