"""File > Open URL…, web addresses on the command line and dropped on a pane, and the
core's ``reader.core.load.url.fetch`` under them: against a real HTTP server on
127.0.0.1 that these tests start (no test reaches beyond the loopback)."""

from __future__ import annotations

import functools
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton

from reader.core.errors import ArticleError, Cancelled
from reader.core.load.formats import MB
from reader.core.load.url import fetch, is_web_address
from reader.ui import dialogs
from reader.ui.app import open_initial
from reader.ui.export import pdf_bytes
from reader.ui.url_dialog import UrlDialog
from reader.ui.web_fetch import WebFetcher

from .conftest import trigger_menu
from .test_find_paste_and_opening import ARTICLE_HTML

MENU_ONLY = (
    b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
)
PDF_TEXT = (
    "<h1>Council approves the new library</h1><p>The city council approved the plans for a "
    "new public library on Tuesday, with thirty votes in favour and four against.</p>"
    "<p>Building work is to start in the spring and to last two years.</p>"
)


class _Handler(BaseHTTPRequestHandler):
    pdf = b""

    def log_message(self, *_args) -> None:  # keep the test output clean
        pass

    def _send(self, body: bytes, content_type: str, code: int = 200) -> None:
        self.send_response(code)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client gave up (the timeout tests)
            pass

    def do_GET(self) -> None:  # noqa: N802 -- http.server's name
        path = self.path
        if path == "/article.html":
            self._send(ARTICLE_HTML.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/old-address":
            self.send_response(301)
            self.send_header("Location", "/article.html")
            self.end_headers()
        elif path.startswith("/hop/"):  # /hop/N redirects to /hop/N+1, forever
            self.send_response(302)
            self.send_header("Location", f"/hop/{int(path.rsplit('/', 1)[1]) + 1}")
            self.end_headers()
        elif path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/file.txt")
            self.end_headers()
        elif path == "/slow":  # answers after 2 s
            time.sleep(2)
            self._send(ARTICLE_HTML.encode("utf-8"), "text/html")
        elif path == "/trickle":  # headers at once, then a byte every 0.2 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for byte in ARTICLE_HTML.encode("utf-8")[:60]:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass
        elif path == "/big-announced":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(300 * MB))
            self.end_headers()
        elif path == "/big-unannounced":  # no Content-Length: only counting can stop it
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b"<p>" + b"x" * 65_536 + b"</p>")
            except OSError:
                pass
        elif path == "/report.pdf":
            self._send(self.pdf, "application/pdf")
        elif path == "/picture":
            self._send(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
        elif path == "/menu.html":
            self._send(MENU_ONLY, "text/html")
        else:
            self._send(b"<html><body>Not found</body></html>", "text/html", 404)


@pytest.fixture(scope="module")
def server():
    """An HTTP server on 127.0.0.1 for this module's tests; its base address."""
    QApplication.instance() or QApplication([])
    _Handler.pdf = pdf_bytes(PDF_TEXT)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


# --- the core: fetch ----------------------------------------------------------------


def test_a_saved_page_is_extracted_as_a_local_html_file_is(server):
    fetched = fetch(f"{server}/article.html")
    text = fetched.article.text
    assert text.startswith("Harbour bridge reopens after repairs")
    assert "forty steel cables" in text and "Copyright" not in text
    assert fetched.article.source_format == "html"
    assert fetched.article.path == fetched.final_url == f"{server}/article.html"
    assert fetched.content_type == "text/html"
    assert abs(time.time() - fetched.fetched_at.timestamp()) < 60


def test_a_redirect_is_followed_and_the_final_address_kept(server):
    fetched = fetch(f"{server}/old-address")
    assert fetched.url == f"{server}/old-address"
    assert fetched.final_url == f"{server}/article.html"
    assert "forty steel cables" in fetched.article.text


def test_redirects_are_capped(server):
    with pytest.raises(ArticleError) as error:
        fetch(f"{server}/hop/0")
    assert error.value.path == f"{server}/hop/0"
    assert "too many redirects" in error.value.reason
    assert "\n" not in str(error.value)


def test_a_redirect_to_another_scheme_is_refused(server):
    with pytest.raises(ArticleError, match="not a web address"):
        fetch(f"{server}/to-ftp")


def test_404_names_the_address_and_the_status(server):
    with pytest.raises(ArticleError) as error:
        fetch(f"{server}/gone")
    assert str(error.value).startswith(f"{server}/gone: ")
    assert "404" in error.value.reason


def test_a_slow_server_times_out(server):
    started = time.monotonic()
    with pytest.raises(ArticleError, match="no answer within 0.5 seconds"):
        fetch(f"{server}/slow", timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_a_trickling_server_hits_the_deadline(server):
    with pytest.raises(ArticleError, match="took longer than 1 seconds"):
        fetch(f"{server}/trickle", timeout=5, deadline=1)


def test_an_announced_oversized_page_is_refused_before_reading(server):
    with pytest.raises(ArticleError, match="too big: 300.0 MB"):
        fetch(f"{server}/big-announced", limit=1 * MB)


def test_an_oversized_page_without_a_length_is_cut_off_while_reading(server):
    seen: list[int] = []
    with pytest.raises(ArticleError, match="too big: more than"):
        fetch(f"{server}/big-unannounced", limit=1 * MB, progress=lambda got, _t: seen.append(got))
    assert seen and max(seen) <= 1 * MB


def test_a_pdf_served_as_application_pdf_reads_as_a_pdf(server):
    fetched = fetch(f"{server}/report.pdf")
    assert fetched.article.source_format == "pdf"
    assert "thirty votes in favour" in fetched.article.text


def test_what_is_not_an_article_is_refused(server):
    with pytest.raises(ArticleError, match="not an article: the server sent image/png"):
        fetch(f"{server}/picture")
    # A page with no article body shows its visible text, as a saved one does (the pane
    # header says so), not a made-up article.
    menu = fetch(f"{server}/menu.html")
    assert menu.article.body_recognised is False and menu.article.text == "Home"


def test_only_http_and_https(server):
    for address in ("file:///etc/passwd", "ftp://127.0.0.1/x", "127.0.0.1/article.html"):
        assert not is_web_address(address)
        with pytest.raises(ArticleError, match="only http"):
            fetch(address)


def test_a_closed_port_says_the_server_cannot_be_reached():
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ArticleError, match="could not reach the server"):
        fetch(f"http://127.0.0.1:{port}/article.html", timeout=2)


def test_cancelling_stops_the_download(server):
    with pytest.raises(Cancelled):
        fetch(f"{server}/trickle", should_cancel=lambda: True)


# --- the window -----------------------------------------------------------------------


def _error_box(window) -> QMessageBox | None:
    for box in window.findChildren(QMessageBox, "error-box"):
        if box.isVisible():
            return box
    return None


def test_open_url_shows_the_page_with_its_address_and_fetch_time(
    sample_window, qtbot, monkeypatch, server
):
    window = sample_window
    monkeypatch.setattr(
        dialogs, "ask_url", lambda parent, side="left": (f"{server}/old-address", "right")
    )
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "Open &URL…")
    pane = window.panes["right"]
    assert pane.text.toPlainText().startswith("Harbour bridge reopens after repairs")
    host = server.split("://", 1)[1]
    assert pane.name_label.text() == f"Rewrite: {host}/article.html"  # after the redirect
    assert f"{server}/article.html" in pane.name_label.toolTip()
    assert f"asked for {server}/old-address" in pane.name_label.toolTip()
    assert "fetched 20" in pane.details_label.text() and "html" in pane.details_label.text()
    assert not window.fetch_progress.isVisible()
    # The original is the file it was; Reload keeps the page without fetching it again.
    assert "original_report.txt" in window.panes["left"].name_label.text()
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Reload")
    assert pane.name_label.text() == f"Rewrite: {host}/article.html"


def test_a_404_shows_a_dialog_naming_the_address_and_keeps_the_comparison(
    sample_window, qtbot, monkeypatch, server
):
    window = sample_window
    before = window.comparison
    address = f"{server}/no-such-page"
    monkeypatch.setattr(dialogs, "ask_url", lambda parent, side="left": (address, "left"))
    with qtbot.waitSignal(window.load_failed, timeout=20000):
        trigger_menu(window, "&File", "Open &URL…")
    qtbot.waitUntil(lambda: _error_box(window) is not None)
    box = _error_box(window)
    assert address in box.windowTitle() and address in box.text()
    assert "404" in box.informativeText()
    box.close()
    assert window.comparison is before
    assert not window.fetch_progress.isVisible()


def test_a_slow_server_times_out_in_a_dialog(make_window, qtbot, monkeypatch, server):
    window = make_window(fetcher=WebFetcher(run=functools.partial(fetch, timeout=0.5)))
    address = f"{server}/slow"
    monkeypatch.setattr(dialogs, "ask_url", lambda parent, side="left": (address, "left"))
    with qtbot.waitSignal(window.load_failed, timeout=10000):
        trigger_menu(window, "&File", "Open &URL…")
    qtbot.waitUntil(lambda: _error_box(window) is not None)
    box = _error_box(window)
    assert address in box.text() and "no answer within 0.5 seconds" in box.informativeText()
    box.close()


def test_an_oversized_page_is_reported(make_window, qtbot, monkeypatch, server):
    window = make_window(fetcher=WebFetcher(run=functools.partial(fetch, limit=1 * MB)))
    address = f"{server}/big-unannounced"
    monkeypatch.setattr(dialogs, "ask_url", lambda parent, side="left": (address, "left"))
    with qtbot.waitSignal(window.load_failed, timeout=10000):
        trigger_menu(window, "&File", "Open &URL…")
    qtbot.waitUntil(lambda: _error_box(window) is not None)
    assert "too big" in _error_box(window).informativeText()
    _error_box(window).close()


def test_the_progress_box_cancels_the_download(sample_window, qtbot, monkeypatch, server):
    window = sample_window
    before = window.comparison
    monkeypatch.setattr(
        dialogs, "ask_url", lambda parent, side="left": (f"{server}/trickle", "left")
    )
    trigger_menu(window, "&File", "Open &URL…")
    progress = window.fetch_progress
    qtbot.waitUntil(progress.isVisible)
    assert f"{server}/trickle" in progress.labelText()
    button = next(b for b in progress.findChildren(QPushButton) if b.text() == "Cancel")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not progress.isVisible())
    assert "cancelled" in window.status.currentMessage()
    qtbot.wait(300)
    assert window.comparison is before and _error_box(window) is None


def test_a_pdf_address_and_a_file_on_the_command_line(window, qtbot, server, seed_paths):
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        open_initial(window, [str(seed_paths[0]), f"{server}/report.pdf"])
    right = window.panes["right"]
    assert "thirty votes in favour" in right.text.toPlainText()
    assert right.name_label.text().endswith("/report.pdf")
    assert "pdf" in right.details_label.text()


def test_command_line_with_a_bad_address_opens_the_file_and_reports_the_address(
    window, qtbot, server, seed_paths
):
    address = f"{server}/missing-page"
    with qtbot.waitSignal(window.load_failed, timeout=20000):
        open_initial(window, [address, str(seed_paths[1])])
    qtbot.waitUntil(lambda: window.panes["right"].article is not None)
    assert "rewrite.txt" in window.panes["right"].name_label.text()
    assert window.panes["left"].article is None
    box = _error_box(window)
    assert box is not None and address in box.text()
    box.close()


def test_an_address_dropped_on_a_pane_opens_there(sample_window, qtbot, server):
    window = sample_window
    pane = window.panes["left"]
    mime = QMimeData()
    mime.setUrls([QUrl(f"{server}/article.html")])
    drop = QDropEvent(
        QPointF(QPoint(20, 20)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        pane.text.dropEvent(drop)
    assert pane.text.toPlainText().startswith("Harbour bridge reopens after repairs")
    assert "rewrite.txt" in window.panes["right"].name_label.text()


def test_no_progress_box_shows_until_something_is_fetched(window, qtbot):
    qtbot.wait(4300)  # a QProgressDialog shows itself 4 s after it is made, unless stopped
    assert not window.fetch_progress.isVisible()


def test_the_open_url_dialog_accepts_only_web_addresses(qtbot):
    dialog = UrlDialog("right")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.address, "file:///etc/passwd")
    assert not ok.isEnabled()
    dialog.address.clear()
    qtbot.keyClicks(dialog.address, "https://example.org/news/story.html")
    assert ok.isEnabled()
    assert dialog.rewrite.isChecked()
    qtbot.mouseClick(dialog.original, Qt.MouseButton.LeftButton)
    assert dialog.answer() == ("https://example.org/news/story.html", "left")
