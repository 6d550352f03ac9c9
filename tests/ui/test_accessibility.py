"""Keyboard-only use and names for assistive technology."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from .conftest import window_action


def test_tab_reaches_both_panes_and_the_quotation_table(sample_window):
    targets = {
        sample_window.panes["left"].text,
        sample_window.panes["right"].text,
        sample_window.sidebar.table,
    }
    widget = sample_window.panes["left"].text
    seen = set()
    for _ in range(60):
        seen.add(widget)
        widget = widget.nextInFocusChain()
    assert targets <= seen


def test_every_feature_has_a_keyboard_shortcut(sample_window):
    for action in (
        window_action(sample_window, "&Open…"),
        window_action(sample_window, "&Export Report…"),
        window_action(sample_window, "&Preferences…"),
        window_action(sample_window, "Copy with &Counterpart"),
        window_action(sample_window, "&Find…"),
        window_action(sample_window, "&Next Difference"),
        window_action(sample_window, "&Previous Difference"),
        window_action(sample_window, "S&wap Sides"),
        window_action(sample_window, "&Reload"),
    ):
        assert not action.shortcut().isEmpty(), action.text()
    menus = [a.text() for a in sample_window.menuBar().actions()]
    assert all("&" in title for title in menus)  # Alt+letter opens each menu


def test_interactive_widgets_have_accessible_names(sample_window):
    kinds = (QTextEdit, QPlainTextEdit, QAbstractItemView, QComboBox)
    unnamed = [
        w.objectName() or type(w).__name__
        for w in sample_window.findChildren(QWidget)
        if isinstance(w, kinds)
        and not isinstance(w, QHeaderView)  # the table's own header: named by its columns
        and w.isVisible()
        and not w.accessibleName()
    ]
    assert not unnamed
    buttons = [
        b
        for b in sample_window.findChildren(QAbstractButton)
        if b.isVisible() and not (b.text() or b.accessibleName() or b.toolTip())
    ]
    assert not buttons
    assert sample_window.link_map.accessibleName()
