"""The window driven as a person would: menus, shortcuts, dialogs answered by the test."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.core.results.comparison import BlockKind
from reader.core.results.marks import MarkKind, side_marks
from reader.core.results.query import is_change
from reader.ui import dialogs
from reader.ui.highlight import colours_for
from reader.ui.quote_sidebar import is_term_pair

from .conftest import trigger_menu, window_action


def test_file_open_shows_both_articles_with_headers_title_and_summary(sample_window, seed_paths):
    window = sample_window
    comparison = window.comparison
    assert window.panes["left"].text.toPlainText() == comparison.left.text
    assert window.panes["right"].text.toPlainText() == comparison.right.text
    assert comparison.left.text.startswith(seed_paths[0].read_text(encoding="utf-8")[:40].strip())
    assert "original_report.txt" in window.panes["left"].name_label.text()
    assert "rewrite.txt" in window.panes["right"].name_label.text()
    assert "original_report.txt" in window.windowTitle()
    assert "rewrite.txt" in window.windowTitle()
    summary = window.status.summary_label.text()
    assert summary.startswith("Rewrite: ") and "added" in summary and "Quotes:" in summary
    assert f"{comparison.summary.kept_share:.0%}" in summary


def test_added_and_omitted_words_carry_their_formats(sample_window):
    window = sample_window
    colours = colours_for(window.palette())
    added = [m for m in side_marks(window.comparison, "right") if m.kind is MarkKind.ADDED]
    omitted = [m for m in side_marks(window.comparison, "left") if m.kind is MarkKind.OMITTED]
    assert added and omitted
    for mark in added[:5]:
        fmt = window.panes["right"].format_at(mark.start)
        assert fmt.fontUnderline() and fmt.background().color() == colours.added
    for mark in omitted[:5]:
        fmt = window.panes["left"].format_at(mark.start)
        assert fmt.fontStrikeOut() and fmt.background().color() == colours.omitted
    # Text kept word for word carries neither mark.
    same = next(
        b for b in window.comparison.blocks if b.kind is BlockKind.CHANGED and b.ops[0].tag == "="
    )
    fmt = window.panes["left"].format_at(same.left[0])
    assert not fmt.fontStrikeOut() and not fmt.fontUnderline()


def _block_at_syncpoint(window, side):
    from reader.ui.sync_scroll import syncpoint

    pane = window.panes[side]
    value, page = pane.scroll_value(), pane.page_height()
    y = value + syncpoint(value, page, pane.scroll_maximum()) * page
    return window.query.block_near(side, pane.offset_at_y(y))


def _syncpoint_in_block(window, side):
    from reader.ui.sync_scroll import syncpoint

    pane = window.panes[side]
    value, page = pane.scroll_value(), pane.page_height()
    y = value + syncpoint(value, page, pane.scroll_maximum()) * page
    block = window.query.block_near(side, pane.offset_at_y(y))
    top, bottom = pane.span_y(*window.query.span(side, block))
    return top <= y <= bottom


def test_scrolling_one_pane_brings_the_aligned_block_into_the_other(sample_window, qtbot):
    window = sample_window
    left_bar = window.panes["left"].text.verticalScrollBar()
    right_bar = window.panes["right"].text.verticalScrollBar()
    assert left_bar.maximum() > 0 and right_bar.maximum() > 0
    for value in (left_bar.maximum() // 3, left_bar.maximum() // 2):
        left_bar.setValue(value)
        # Between two paragraphs the other pane glides through the gap between their
        # counterparts (sync_scroll._target_y): scroll on until a sentence is at the point.
        while not _syncpoint_in_block(window, "left") and value < left_bar.maximum():
            value += 1
            left_bar.setValue(value)
        block = _block_at_syncpoint(window, "left")
        counterpart = window.query.counterpart("left", block)
        # The right pane's sync point now sits inside (or at) the counterpart span.
        right = window.panes["right"]
        from reader.ui.sync_scroll import syncpoint

        r_value, page = right.scroll_value(), right.page_height()
        y = r_value + syncpoint(r_value, page, right.scroll_maximum()) * page
        top, bottom = right.span_y(*counterpart)
        assert top - 2 <= y <= bottom + 2
        assert left_bar.value() == value  # no feedback: the echo did not move the master
    # And the other way round.
    right_bar.setValue(right_bar.maximum() // 2)
    block = _block_at_syncpoint(window, "right")
    span = window.query.counterpart("right", block)
    top, bottom = window.panes["left"].span_y(*span)
    left = window.panes["left"]
    visible = (left.scroll_value(), left.scroll_value() + left.page_height())
    assert bottom >= visible[0] and top <= visible[1]


def test_both_panes_start_and_end_together(sample_window):
    window = sample_window
    left_bar = window.panes["left"].text.verticalScrollBar()
    right_bar = window.panes["right"].text.verticalScrollBar()
    left_bar.setValue(left_bar.maximum())
    assert right_bar.value() == right_bar.maximum()
    left_bar.setValue(0)
    assert right_bar.value() == 0


def test_next_and_previous_difference_move_the_cursor_through_changes(sample_window, qtbot):
    window = sample_window
    left = window.panes["left"]
    left.text.setFocus()
    left.place_cursor(0)
    changes = [i for i, b in enumerate(window.comparison.blocks) if is_change(b)]
    assert changes
    query = window.query
    visited = []
    for key, modifier in (
        (Qt.Key.Key_F7, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_F7, Qt.KeyboardModifier.NoModifier),
    ):
        qtbot.keyClick(left.text, key, modifier)
        block = window.navigator.current_block
        assert left.cursor_offset() == query.anchor("left", block)
        visited.append(block)
    assert len(set(visited)) == 3
    anchors = [query.anchor("left", b) for b in visited]
    assert anchors == sorted(anchors) and anchors[-1] > 0
    assert window.position_label.text().startswith("Difference 3 of ")
    qtbot.keyClick(left.text, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.navigator.current_block == visited[1]
    qtbot.keyClick(left.text, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.navigator.current_block == visited[0]
    assert left.cursor_offset() == anchors[0]
    # The block landed on is marked in both panes.
    assert left.focus_spans()
    assert window.link_map.focus_block() is not None


def test_next_difference_from_the_toolbar_action(sample_window):
    window = sample_window
    window.panes["left"].place_cursor(0)
    window_action(window, "&Next Difference").trigger()
    index = window.query.block_at("left", window.panes["left"].cursor_offset())
    assert index is not None and is_change(window.comparison.blocks[index])
    total = len(window.query.changes())
    assert window.position_label.text().startswith(f"Difference 1 of {total}: ")


def test_clicking_a_quote_scrolls_and_highlights_both_panes(sample_window, qtbot):
    window = sample_window
    table = window.sidebar.table
    qtbot.mouseClick(window.sidebar.terms_box, Qt.MouseButton.LeftButton)  # list every one
    rows = window.sidebar.proxy.rowCount()
    assert rows == len(window.comparison.quote_pairs) > 0
    row = max(i for i, p in enumerate(window.comparison.quote_pairs) if p.left and p.right)
    pair = window.comparison.quote_pairs[row]
    table.scrollTo(window.sidebar.proxy.index(row, 2))
    rect = table.visualRect(window.sidebar.proxy.index(row, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    for side, quotes in (("left", pair.left), ("right", pair.right)):
        pane = window.panes[side]
        assert pane.quote_spans() == [(q.start, q.end) for q in quotes]
        top, bottom = pane.span_y(quotes[0].start, quotes[0].end)
        assert (
            pane.scroll_value() <= top and bottom <= pane.scroll_value() + pane.page_height() + 40
        )
    assert window.position_label.text().startswith(f"Quotation {row + 1} of {rows}: ")
    # Keyboard: Up moves to the previous pair.
    qtbot.keyClick(table, Qt.Key.Key_Up)
    previous = window.comparison.quote_pairs[row - 1]
    spans = [(q.start, q.end) for q in previous.left]
    assert window.panes["left"].quote_spans() == spans


def test_a_quote_only_one_side_has_brings_the_other_pane_to_the_aligned_passage(sample_window):
    window = sample_window
    window.sidebar.terms_box.setChecked(True)  # list rows as the comparison numbers them
    row = next(i for i, p in enumerate(window.comparison.quote_pairs) if p.left and not p.right)
    window.sidebar.select_row(row)
    quote = window.comparison.quote_pairs[row].left[0]
    block = window.query.block_near("left", quote.start)
    start, _end = window.query.counterpart("left", block)
    right = window.panes["right"]
    assert right.quote_spans() == []
    assert right.cursor_offset() == start
    top, _bottom = right.span_y(start, start)
    assert right.scroll_value() <= top <= right.scroll_value() + right.page_height()


def test_show_spans_brings_the_other_pane_to_what_is_aligned_with_a_one_sided_span(
    sample_window,
):
    # What a "Changes in meaning" finding only the original has will ask for.
    window = sample_window
    block = next(i for i, b in enumerate(window.comparison.blocks) if b.kind is BlockKind.OMITTED)
    span = window.comparison.blocks[block].left
    window.navigator.show_spans([span], None, position="A finding")
    left, right = window.panes["left"], window.panes["right"]
    assert left.focus_spans() == [span] and left.cursor_offset() == span[0]
    start = window.query.aligned_offset("left", span[0])
    assert right.focus_spans() == [] and right.cursor_offset() == start
    top, _bottom = right.span_y(start, start)
    assert right.scroll_value() <= top <= right.scroll_value() + right.page_height()
    assert window.position_label.text() == "A finding"
    assert window.navigator.current_block is None and window.link_map.focus_block() is None


def test_clicking_a_sentence_marks_its_counterpart(sample_window, qtbot):
    window = sample_window
    block = next(i for i, b in enumerate(window.comparison.blocks) if b.left and b.right)
    left = window.panes["left"]
    start, end = window.comparison.blocks[block].left
    left.show_offset(start, 0.2)
    rect = left.text.cursorRect(_cursor_at(left, (start + end) // 2))
    qtbot.mouseClick(left.text.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.panes["right"].focus_spans() == [window.comparison.blocks[block].right]
    assert left.focus_spans() == [(start, end)]


def _cursor_at(pane, offset):
    cursor = pane.text.textCursor()
    cursor.setPosition(pane.offsets.to_qt(offset))
    return cursor


def test_clicking_a_link_map_band_focuses_its_block(sample_window, qtbot):
    window = sample_window
    window.link_map.repaint()
    bands = window.link_map.bands()
    assert bands
    path, index = max(bands, key=lambda b: b[0].boundingRect().height())
    point = path.boundingRect().center()
    hit = window.link_map.band_at(QPointF(point))
    assert hit is not None
    qtbot.mouseClick(window.link_map, Qt.MouseButton.LeftButton, pos=point.toPoint())
    assert window.link_map.focus_block() == hit
    # Both panes mark the block: its span, or the gap where a side lacks it.
    for side in ("left", "right"):
        assert window.panes[side].focus_spans() == [window.query.span_or_gap(side, hit)]


def test_drop_two_files_on_the_window_opens_them_as_a_pair(window, qtbot, seed_paths):
    _drop(window, list(seed_paths))
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        pass
    assert Path(window.comparison.left.path).name == "original_report.txt"


def test_drop_one_file_on_a_pane_replaces_that_side(sample_window, qtbot, tmp_path):
    window = sample_window
    other = tmp_path / "other.txt"
    other.write_text("A different rewrite. It says “nothing much,” she said.\n", encoding="utf-8")
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        _drop(window.panes["right"].text.viewport(), [other])
    assert window.comparison.right.path == str(other)
    assert Path(window.comparison.left.path).name == "original_report.txt"
    assert "other.txt" in window.windowTitle()


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    args = (
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(QPoint(20, 20), *args[1:])
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    event = QDropEvent(*args)
    # QApplication only routes a Drop to the target of a drag in progress, which a test
    # cannot start, so the drop goes to the handler the real drag would reach.
    target = widget.parentWidget() if widget.objectName() == "qt_scrollarea_viewport" else widget
    target.dropEvent(event)
    assert event.isAccepted()


def _error_box(window) -> QMessageBox | None:
    for box in window.findChildren(QMessageBox, "error-box"):
        if box.isVisible():
            return box
    return None


def test_a_bad_file_shows_an_error_and_keeps_the_previous_comparison(
    sample_window, qtbot, answer_open_pair, tmp_path, seed_paths
):
    window = sample_window
    before = window.comparison
    missing = tmp_path / "missing.txt"
    answer_open_pair(missing, seed_paths[1])
    with qtbot.waitSignal(window.load_failed, timeout=20000):
        trigger_menu(window, "&File", "&Open…")
    qtbot.waitUntil(lambda: _error_box(window) is not None)
    box = _error_box(window)
    assert "missing.txt" in box.text() and "missing.txt" in box.windowTitle()
    assert str(missing) in box.informativeText()  # the loader's line: path and reason
    box.close()
    assert window.comparison is before
    assert window.panes["left"].text.toPlainText() == before.left.text
    # Still usable: navigation and a new open work.
    window_action(window, "&Next Difference").trigger()
    answer_open_pair(*seed_paths)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Open…")


def test_open_left_and_open_right_replace_one_side(sample_window, qtbot, monkeypatch, tmp_path):
    window = sample_window
    new = tmp_path / "new_left.txt"
    new.write_text("Fresh original text. “Quoted words here,” he said.\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_open_file", lambda parent, title, directory="": str(new))
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "Open &Left…")
    assert window.comparison.left.path == str(new)
    assert window.panes["left"].text.toPlainText() == window.comparison.left.text
    assert "Fresh original text." in window.panes["left"].text.toPlainText()
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "Open &Right…")
    assert window.comparison.right.path == str(new)


def test_recent_pairs_are_remembered_and_reopen(sample_window, qtbot, seed_paths, settings):
    window = sample_window
    assert window.recent_pairs()[0] == tuple(str(p.resolve()) for p in seed_paths)
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    recent_menu = next(a.menu() for a in file_menu.actions() if a.text() == "Open &Recent")
    recent_menu.aboutToShow.emit()  # as opening the submenu does
    entries = [a for a in recent_menu.actions() if "↔" in a.text()]
    assert entries and entries[0].text() == "original_report.txt ↔ rewrite.txt"
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        entries[0].trigger()
    settings.sync()
    assert "recent" in Path(settings.fileName()).read_text(encoding="utf-8")


def test_an_empty_window_says_how_to_start_and_disables_what_needs_articles(window):
    assert "Drop the original article here" in window.panes["left"].text.placeholderText()
    assert (
        not window_action(window, "&Reload").isEnabled()
        and not window_action(window, "S&wap Sides").isEnabled()
    )
    assert not window_action(window, "&Next Difference").isEnabled()


def test_help_opens_the_sample_pair(window, qtbot):
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&Help", "Open &Sample Pair")
    assert Path(window.comparison.right.path).name == "rewrite.txt"


def test_swap_sides_puts_the_rewrite_on_the_left(sample_window, qtbot):
    window = sample_window
    right_text = window.comparison.right.text
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window_action(window, "S&wap Sides").trigger()
    assert window.panes["left"].text.toPlainText() == right_text
    assert window.windowTitle().startswith("rewrite.txt")


def test_reload_reads_the_files_again_and_keeps_the_place(sample_window, qtbot):
    pane = sample_window.panes["left"]
    bar = pane.text.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = pane.offset_at_y(pane.scroll_value() + 1)  # the text at the top
    assert place > 0
    before = sample_window.comparison
    with qtbot.waitSignal(sample_window.comparison_shown, timeout=20000):
        qtbot.keyClick(sample_window, Qt.Key.Key_F5)
    assert sample_window.comparison is not before
    assert pane.offset_at_y(pane.scroll_value() + 1) == place


def test_zoom_shortcuts_change_both_panes(sample_window, qtbot):
    window = sample_window
    size = window.panes["left"].point_size()
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.panes["left"].point_size() == size + 1
    assert window.panes["right"].point_size() == size + 1
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.panes["right"].point_size() == size


def test_find_bar_selects_the_match(sample_window, qtbot):
    window = sample_window
    window.panes["right"].text.setFocus()
    qtbot.keyClick(window.panes["right"].text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.panes["right"].find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "Saludares")
    assert window.panes["right"].text.textCursor().selectedText() == "Saludares"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_quote_filter_shows_one_status(sample_window):
    sidebar = sample_window.sidebar
    statuses = {p.status for p in sample_window.comparison.quote_pairs}
    status = next(iter(statuses))
    sidebar.filter_box.setCurrentIndex(sidebar.filter_box.findData(status))
    shown = sidebar.proxy.rowCount()
    listed = [p for p in sample_window.comparison.quote_pairs if not is_term_pair(p)]
    assert shown == sum(p.status is status for p in listed)  # quoted terms hidden unasked
    assert sidebar.count_label.text() == f"{shown} of {sidebar.model.rowCount()}"


def test_ctrl_wheel_zooms_both_panes(sample_window, qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    window = sample_window
    size = window.panes["left"].point_size()
    viewport = window.panes["right"].text.viewport()
    event = QWheelEvent(
        QPointF(30, 30),
        QPointF(viewport.mapToGlobal(QPoint(30, 30))),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)
    assert window.panes["left"].point_size() == size + 1
    assert window.panes["right"].point_size() == size + 1


def test_link_map_bands_start_beside_their_text(sample_window):
    window = sample_window
    window.link_map.repaint()
    left = window.panes["left"]
    checked = 0
    for path, index in window.link_map.bands():
        span = window.query.span("left", index)
        if span is None:
            continue
        rect = left.text.cursorRect(_cursor_at(left, span[0]))
        top_global = left.text.viewport().mapToGlobal(rect.topLeft())
        expected = window.link_map.mapFromGlobal(top_global).y()
        assert abs(path.elementAt(0).y - expected) <= 2
        checked += 1
    assert checked >= 3


def test_hovering_a_band_names_its_block(sample_window, qtbot):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window = sample_window
    window.link_map.repaint()
    path, index = max(window.link_map.bands(), key=lambda b: b[0].boundingRect().height())
    point = path.boundingRect().center().toPoint()
    hit = window.link_map.band_at(QPointF(point))
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, window.link_map.mapToGlobal(point))
    QApplication.sendEvent(window.link_map, event)
    kind = {"changed": "reworded", "added": "added", "omitted": "left out", "same": "unchanged"}
    assert kind[window.comparison.blocks[hit].kind.value] in QToolTip.text()
    QToolTip.hideText()
