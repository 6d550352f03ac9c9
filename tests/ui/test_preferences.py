"""Edit > Preferences: each preference takes visible effect and survives a restart."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from reader.core.results.marks import MarkKind, Marks
from reader.ui import dialogs
from reader.ui.highlight import DARK, colours_for
from reader.ui.main_window import MainWindow
from reader.ui.mark_filter import visible_marks
from reader.ui.palette import apply_palette
from reader.ui.preferences import Preferences, PreferencesDialog

from .conftest import trigger_menu, window_action


@pytest.fixture
def choose(monkeypatch):
    """Answer the preferences dialog with the preferences a function makes of the current ones."""

    def answer(change):
        monkeypatch.setattr(dialogs, "ask_preferences", lambda parent, current: change(current))

    return answer


@pytest.fixture
def restore_palette():
    yield
    apply_palette(QApplication.instance(), "light")


def test_the_dialog_reads_back_what_was_set(qtbot):
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.font_size.setValue(17)
    dialog.palette.setCurrentIndex(2)
    dialog.show_moved.setChecked(False)
    dialog.ignore_case.setChecked(True)
    chosen = dialog.preferences()
    assert (chosen.font_size, chosen.palette, chosen.show_moved, chosen.ignore_case) == (
        17,
        "dark",
        False,
        True,
    )
    assert chosen.font_family == ""  # the built-in serif stays ticked


def test_font_size_and_sync_apply_at_once_and_survive_a_restart(
    sample_window, choose, qtbot, settings
):
    choose(lambda current: replace(current, font_size=18, sync_scrolling=False))
    trigger_menu(sample_window, "&Edit", "&Preferences…")
    assert all(p.point_size() == 18 for p in sample_window.panes.values())
    assert (
        not sample_window.sync.enabled
        and not window_action(sample_window, "&Synchronise Scrolling").isChecked()
    )
    sample_window.close()

    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    assert again.prefs.font_size == 18 and not again.prefs.sync_scrolling
    assert again.panes["left"].point_size() == 18
    assert not again.sync.enabled
    again.zoom(2)
    again.zoom(0)  # Ctrl+0 returns to the chosen size, not the built-in one
    assert again.panes["left"].point_size() == 18


def test_dark_palette_from_preferences(sample_window, choose, restore_palette):
    choose(lambda current: replace(current, palette="dark"))
    window_action(sample_window, "&Preferences…").trigger()
    QApplication.processEvents()
    assert colours_for(sample_window.palette()) is DARK


def test_ignoring_case_and_punctuation_unmarks_those_changes(sample_window, choose):
    comparison = sample_window.comparison
    right = comparison.right.text
    # "...pretending. They gave..." against "...pretending, They give...": the
    # full stop added in the merged Saludares quote is punctuation only.
    before = visible_marks(Marks(comparison), "right", Preferences())
    after = visible_marks(Marks(comparison), "right", Preferences(ignore_punctuation=True))
    punctuation_only = [
        m
        for m in before
        if m.kind is MarkKind.ADDED and not any(c.isalnum() for c in right[m.start : m.end])
    ]
    assert punctuation_only
    assert not any(m in after for m in punctuation_only)
    assert any(m.kind is MarkKind.ADDED and "completely" in right[m.start : m.end] for m in after)
    choose(lambda current: replace(current, ignore_punctuation=True))
    window_action(sample_window, "&Preferences…").trigger()
    mark = punctuation_only[0]
    assert not sample_window.panes["right"].format_at(mark.start).fontUnderline()


def test_hiding_moved_marks(choose, window, qtbot, tmp_path, answer_open_pair):
    paras = [f"Paragraph {k} tells of river crossing number {k} in some detail." for k in range(8)]
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text("\n".join(paras), encoding="utf-8")
    right.write_text("\n".join(paras[1:] + paras[:1]), encoding="utf-8")
    answer_open_pair(left, right)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window_action(window, "&Open…").trigger()
    assert any(
        m.kind is MarkKind.MOVED
        for m in visible_marks(Marks(window.comparison), "left", window.prefs)
    )
    moved_at = next(b.left[0] for b in window.comparison.blocks if b.moved)
    shown = window.panes["left"].format_at(moved_at)
    choose(lambda current: replace(current, show_moved=False))
    window_action(window, "&Preferences…").trigger()
    assert not window.prefs.show_moved
    assert window.panes["left"].format_at(moved_at) != shown
