"""Fixtures for the window tests: a temporary QSettings, a shown window, the sample pair opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction

from reader.ui import dialogs
from reader.ui.main_window import MainWindow

# The offscreen platform plugin (tests/conftest.py) warns about window features it lacks;
# nothing the app does wrong, so it must not fail the strict Qt-log check.
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/ui/" in item.nodeid.replace("\\", "/") or item.nodeid.startswith("ui/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _application(qapp):
    """Every window test has a QApplication: pixmaps and fonts abort the process without one
    (a model test run on its own, before any widget test, used to)."""
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary file: tests never see each other's (or the user's) recent pairs."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    """Build a shown main window (optionally with an injected runner); stopped cleanly after."""
    windows: list[MainWindow] = []

    def make(**kwargs) -> MainWindow:
        window = MainWindow(settings=settings, **kwargs)
        qtbot.addWidget(window)
        window.resize(1200, 640)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.runner.cancel()
        window.runner.wait()


@pytest.fixture
def window(make_window) -> MainWindow:
    return make_window()


@pytest.fixture
def answer_open_pair(monkeypatch):
    """Make File > Open's dialog answer with the given pair, as a user picking two files would."""

    def answer(left: Path | str | None, right: Path | str | None = None) -> None:
        reply = None if left is None else (str(left), str(right))
        monkeypatch.setattr(dialogs, "ask_open_pair", lambda parent, directory="": reply)

    return answer


@pytest.fixture
def sample_window(window, qtbot, answer_open_pair, seed_paths) -> MainWindow:
    """The window after File > Open answered with the sample pair, comparison on screen."""
    answer_open_pair(*seed_paths)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        trigger_menu(window, "&File", "&Open…")
    return window


def trigger_menu(window: MainWindow, menu_title: str, action_text: str) -> None:
    """Trigger a menu item by its visible text, as a click on it would."""
    for menu_action in window.menuBar().actions():
        if menu_action.text() == menu_title:
            for action in menu_action.menu().actions():
                if action.text() == action_text:
                    assert action.isEnabled(), action_text
                    action.trigger()
                    return
    raise AssertionError(f"no menu item {menu_title} > {action_text}")


def window_action(window: MainWindow, text: str) -> QAction:
    """The window's action whose visible text is ``text`` (as its menu item reads)."""
    matches = [action for action in window.actions() if action.text() == text]
    assert len(matches) == 1, f"{len(matches)} actions read {text!r}"
    return matches[0]
