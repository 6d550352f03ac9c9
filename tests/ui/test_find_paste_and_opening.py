"""Issue 19, driven as a person would: Find counts and highlights, Paste as Original /
Rewrite, the same file on both sides, a pair with a missing file from the command line,
and the export dialog remembering where the last report went."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.ui import dialogs
from reader.ui.app import open_initial

from .conftest import trigger_menu

ARTICLE_HTML = """<!doctype html><html><head><meta charset="utf-8">
<title>Harbour bridge reopens after repairs</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened to traffic on Monday morning after eleven weeks of repairs
to its cables, the city's transport office said in a statement.</p>
<p>Engineers replaced forty steel cables and repainted the towers, work that cost the city
about twelve million euros, according to the office.</p>
<p>Commuters who had used the ferry during the closure said they were glad to be able to
cycle across the river again.</p></article>
<footer>Copyright the newspaper</footer></body></html>"""


def _error_box(window) -> QMessageBox | None:
    for box in window.findChildren(QMessageBox, "error-box"):
        if box.isVisible():
            return box
    return None


# --- Find ---------------------------------------------------------------------------


def test_find_counts_the_matches_and_highlights_them_all_as_you_type_and_step(sample_window, qtbot):
    window = sample_window
    pane = window.panes["right"]
    text = pane.article.text
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = pane.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "th")
    total_th = len(re.findall("th", text, re.IGNORECASE))
    assert total_th > 20
    assert bar.status.text() == f"1 of {total_th:,}"
    qtbot.keyClicks(bar.edit, "e")  # the count follows the typing
    total = len(re.findall("the", text, re.IGNORECASE))
    assert 3 < total < total_th
    assert bar.status.text() == f"1 of {total}"
    highlighted = pane.text.selection_layer("find")
    assert len(highlighted) == total
    assert all(s.cursor.selectedText().lower() == "the" for s in highlighted)
    # Enter steps on: the count and the selection follow; Shift+Enter steps back.
    first = pane.text.textCursor().selectionStart()
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.status.text() == f"2 of {total}"
    assert pane.text.textCursor().selectionStart() > first
    assert pane.text.textCursor().selectedText().lower() == "the"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.status.text() == f"1 of {total}"
    assert pane.text.textCursor().selectionStart() == first
    bar.previous_button.click()  # back from the first wraps to the last
    assert bar.status.text() == f"{total} of {total}"
    # The current match is drawn apart from the others.
    colours = window.colours
    current = [
        s
        for s in pane.text.selection_layer("find")
        if s.format.background().color() == colours.found_current
    ]
    assert len(current) == 1 and current[0].cursor.selectionStart() == (
        pane.text.textCursor().selectionStart()
    )
    qtbot.keyClicks(bar.edit, "zzqx")
    assert bar.status.text() == "Not found"
    assert pane.text.selection_layer("find") == []
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_highlights_do_not_drop_the_picked_quotation(sample_window, qtbot):
    window = sample_window
    window.sidebar.select_row(0)
    pane = window.panes["left"]
    quoted = pane.quote_spans()
    assert quoted
    pane.text.setFocus()
    qtbot.keyClick(pane.text, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(pane.find_bar.edit, "said")
    assert pane.find_bar.match_count() > 0
    assert pane.quote_spans() == quoted
    assert len(pane.text.extraSelections()) == len(quoted) + pane.find_bar.match_count()
    qtbot.keyClick(pane.find_bar.edit, Qt.Key.Key_Escape)
    assert pane.quote_spans() == quoted
    assert len(pane.text.extraSelections()) == len(quoted)


# --- Paste --------------------------------------------------------------------------


def test_paste_as_rewrite_compares_the_clipboards_web_page(sample_window, qtbot):
    window = sample_window
    mime = QMimeData()
    mime.setHtml(ARTICLE_HTML)
    mime.setText("not this plain text")
    QApplication.clipboard().setMimeData(mime)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&Edit", "Paste as Re&write")
    pane = window.panes["right"]
    shown = pane.text.toPlainText()
    assert shown.startswith("Harbour bridge reopens after repairs")
    assert "forty steel cables" in shown and "<p>" not in shown
    assert "Home" not in shown.split("\n")  # the menu is not the article
    assert "not this plain text" not in shown
    assert pane.name_label.text() == "Rewrite: Pasted text"
    assert re.search(r"pasted \d\d:\d\d:\d\d", pane.details_label.text())
    assert "Pasted text" in window.windowTitle()
    # The original stayed as it was; Reload keeps the pasted side (no file to read).
    assert "original_report.txt" in window.panes["left"].name_label.text()
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Reload")
    assert window.panes["right"].text.toPlainText() == shown
    assert window.recent.pairs()[0][1].endswith("rewrite.txt")  # not the pasted text


def test_paste_as_original_compares_plain_text(sample_window, qtbot):
    window = sample_window
    QApplication.clipboard().setText("One short paragraph of plain text.\nAnd a second one.")
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&Edit", "Paste as &Original")
    pane = window.panes["left"]
    assert pane.text.toPlainText() == "One short paragraph of plain text.\nAnd a second one."
    assert pane.name_label.text() == "Original: Pasted text"


def test_paste_with_an_empty_clipboard_says_so(sample_window):
    window = sample_window
    QApplication.clipboard().clear()
    before = window.comparison
    trigger_menu(window, "&Edit", "Paste as &Original")
    assert "clipboard holds no text" in window.status.currentMessage()
    assert window.comparison is before


# --- the same file, a missing file, the export folder ----------------------------------


def test_the_same_file_on_both_sides_is_noted_in_the_status_bar(
    window, qtbot, answer_open_pair, seed_paths
):
    answer_open_pair(seed_paths[0], seed_paths[0])
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Open…")
    message = window.status.currentMessage()
    assert "same file" in message and "original_report.txt" in message


def test_two_files_with_the_same_text_are_noted(
    window, qtbot, answer_open_pair, seed_paths, tmp_path
):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_paths[0].read_bytes())
    answer_open_pair(seed_paths[0], copy)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Open…")
    assert "same text" in window.status.currentMessage()


def test_a_different_pair_has_no_same_file_note(sample_window):
    assert "same" not in sample_window.status.currentMessage()


def test_command_line_pair_with_a_missing_file_opens_the_good_one_and_reports_the_other(
    window, qtbot, seed_paths, tmp_path
):
    missing = tmp_path / "no-such-article.txt"
    with qtbot.waitSignal(window.load_failed, timeout=20000):
        open_initial(window, [str(seed_paths[0]), str(missing)])
    qtbot.waitUntil(lambda: _error_box(window) is not None)
    box = _error_box(window)
    assert "no-such-article.txt" in box.windowTitle()
    assert str(missing) in box.informativeText()
    box.close()
    left = window.panes["left"]
    assert left.text.toPlainText().startswith(
        seed_paths[0].read_text(encoding="utf-8")[:30].strip()
    )
    assert "original_report.txt" in left.name_label.text()
    assert window.panes["right"].article is None
    assert "no article" in window.panes["right"].name_label.text()


def test_export_dialog_opens_where_the_last_report_was_saved(
    sample_window, monkeypatch, tmp_path, settings
):
    window = sample_window
    reports = tmp_path / "reports"
    reports.mkdir()
    asked: list[str] = []

    def answer(parent, suggested):
        asked.append(suggested)
        return str(reports / f"report-{len(asked)}.html")

    monkeypatch.setattr(dialogs, "ask_save_report", answer)
    trigger_menu(window, "&File", "&Export Report…")
    assert (reports / "report-1.html").is_file()
    assert Path(asked[0]).parent == Path(window.last_directory())  # first: beside the articles
    trigger_menu(window, "&File", "&Export Report…")
    assert Path(asked[1]).parent == reports
    assert settings.value("export/directory") == str(reports)


def test_find_highlights_follow_the_palette(sample_window, qtbot):
    from reader.ui.palette import apply_palette

    window = sample_window
    pane = window.panes["left"]
    pane.find_bar.open_bar()
    qtbot.keyClicks(pane.find_bar.edit, "said")
    light = {s.format.background().color().name() for s in pane.text.selection_layer("find")}
    apply_palette(QApplication.instance(), "dark")
    try:
        qtbot.waitUntil(lambda: window.colours.dark)
        dark = {s.format.background().color().name() for s in pane.text.selection_layer("find")}
        assert dark == {window.colours.found.name(), window.colours.found_current.name()}
        assert dark.isdisjoint(light)
    finally:
        apply_palette(QApplication.instance(), "system")


def test_exporting_a_pasted_comparison_suggests_a_file_name_that_can_exist(
    sample_window, qtbot, monkeypatch
):
    window = sample_window
    QApplication.clipboard().setText("A pasted paragraph of plain text for the rewrite.")
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&Edit", "Paste as Re&write")
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_save_report", lambda parent, s: asked.append(s))
    trigger_menu(window, "&File", "&Export Report…")
    name = Path(asked[0]).name
    assert name == "original_report vs pasted text.html"


# --- Paragraphs of a web page -------------------------------------------------------


def test_a_web_pages_paragraphs_are_shown_apart_and_marked_on_their_words(
    window, qtbot, answer_open_pair, tmp_path
):
    left, right = tmp_path / "original.html", tmp_path / "rewrite.html"
    left.write_text(ARTICLE_HTML, encoding="utf-8")
    right.write_text(ARTICLE_HTML.replace("forty steel", "fifty steel"), encoding="utf-8")
    answer_open_pair(left, right)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Open…")
    pane = window.panes["right"]
    article = window.comparison.right
    assert "\n\n" not in article.text  # the article: one paragraph a line
    shown = pane.text.toPlainText()
    paragraphs = [p for p in article.text.split("\n") if p]
    assert shown.split("\n\n") == paragraphs
    # Marks still sit on the words they mark, past the inserted blank lines.
    at = article.text.index("fifty")
    assert pane.format_at(at).fontUnderline()
    assert not pane.format_at(article.text.index("steel")).fontUnderline()
    cursor = pane.text.textCursor()
    cursor.setPosition(pane.offsets.to_qt(at))
    cursor.setPosition(pane.offsets.to_qt(at + 5), cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "fifty"


def test_a_plain_text_article_is_shown_exactly_as_its_file_has_it(sample_window):
    for side in ("left", "right"):
        pane = sample_window.panes[side]
        assert pane.text.toPlainText() == pane.article.text


def test_a_long_headline_is_elided_in_the_pane_header_not_widening_the_window(
    window, qtbot, answer_open_pair, tmp_path
):
    headline = "Harbour bridge reopens " + "after a very long repair of its cables " * 12
    page = ARTICLE_HTML.replace("Harbour bridge reopens after repairs", headline.strip())
    left, right = tmp_path / "a.html", tmp_path / "b.html"
    left.write_text(page, encoding="utf-8")
    right.write_text(page, encoding="utf-8")
    answer_open_pair(left, right)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Open…")
    details = window.panes["left"].details_label
    assert details.text().startswith(headline.strip())
    assert details.toolTip() == details.text()  # all of it, where it does not fit
    assert window.minimumSizeHint().width() < 1000
