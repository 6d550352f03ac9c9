"""File > Export Report (HTML and PDF) and the window layout kept across a restart."""

from __future__ import annotations

import pytest

from reader.ui import dialogs
from reader.ui.main_window import MainWindow

from .conftest import trigger_menu, window_action


@pytest.fixture
def answer_save(monkeypatch):
    """Answer the save dialog with ``path`` and the replace question with ``replace``."""
    asked = []

    def answer(path, *, replace=True):
        monkeypatch.setattr(dialogs, "ask_save_report", lambda parent, suggested: str(path))

        def confirm(parent, target):
            asked.append(target)
            return replace

        monkeypatch.setattr(dialogs, "confirm_replace", confirm)
        return asked

    return answer


def test_export_is_disabled_until_a_comparison_is_shown(window):
    assert not window_action(window, "&Export Report…").isEnabled()


def test_export_html_report_from_the_file_menu(sample_window, qtbot, answer_save, tmp_path):
    report = tmp_path / "report.html"
    answer_save(report)
    with qtbot.waitSignal(sample_window.report_exported, timeout=5000):
        trigger_menu(sample_window, "&File", "&Export Report…")
    html = report.read_text(encoding="utf-8")
    assert '<span class="added"><u>Liberals</u></span>' in html
    assert "<h2>Quotations</h2>" in html and "Ariana Saludares" in html
    assert "of the rewrite comes from the original" in html
    assert "report.html" in sample_window.statusBar().currentMessage()


def test_export_pdf_report(sample_window, qtbot, answer_save, tmp_path):
    report = tmp_path / "report.pdf"
    answer_save(report)
    with qtbot.waitSignal(sample_window.report_exported, timeout=10000):
        window_action(sample_window, "&Export Report…").trigger()
    data = report.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert b"%%EOF" in data[-1024:]


def test_declining_to_replace_keeps_the_old_file(sample_window, qtbot, answer_save, tmp_path):
    report = tmp_path / "report.html"
    report.write_text("old report", encoding="utf-8")
    asked = answer_save(report, replace=False)
    with qtbot.assertNotEmitted(sample_window.report_exported, wait=300):
        window_action(sample_window, "&Export Report…").trigger()
    assert asked == [str(report)]
    assert report.read_text(encoding="utf-8") == "old report"


def test_export_never_overwrites_an_input_article(
    sample_window, qtbot, answer_save, seed_paths, monkeypatch
):
    before = seed_paths[0].read_bytes()
    answer_save(seed_paths[0], replace=True)
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda *args: errors.append(args))
    window_action(sample_window, "&Export Report…").trigger()
    assert seed_paths[0].read_bytes() == before
    assert errors and "input article" in errors[0][2]


def test_window_size_splitter_and_docks_survive_a_restart(qtbot, settings):
    first = MainWindow(settings=settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(731, 517)  # within the offscreen screen (800 x 600)
    first.splitter.setSizes([450, 40, 200])
    first.quote_dock.hide()
    sizes = first.splitter.sizes()
    first.close()

    second = MainWindow(settings=settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert (second.width(), second.height()) == (731, 517)
    assert second.splitter.sizes() == sizes
    assert not second.quote_dock.isVisible()
    second.close()


def test_copy_with_counterpart_puts_both_passages_on_the_clipboard(sample_window, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    pane = sample_window.panes["left"]
    text = sample_window.comparison.left.text
    offset = text.index("next month")
    pane.place_cursor(offset)
    pane.text.setFocus()
    qtbot.keyClick(
        pane.text,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    copied = QApplication.clipboard().text()
    assert copied.startswith("Original (original_report.txt):\nThe administration said last week")
    assert "Rewrite (rewrite.txt):\nLast week, the Biden administration said" in copied
    assert "in November" in copied
