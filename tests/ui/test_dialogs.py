"""The open dialog's two ways to pick a pair: both files at once, or one then the other."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from reader.ui import dialogs


def _answers(monkeypatch, many, one):
    asked = []

    def get_many(parent, title, directory, filters):
        asked.append(title)
        return many, filters

    def get_one(parent, title, directory, filters):
        asked.append(title)
        return one, filters

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(get_many))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_one))
    return asked


def test_two_files_picked_at_once(monkeypatch):
    asked = _answers(monkeypatch, ["/a/original.txt", "/a/rewrite.txt"], "")
    assert dialogs.ask_open_pair(None) == ("/a/original.txt", "/a/rewrite.txt")
    assert len(asked) == 1


def test_one_file_then_the_rewrite(monkeypatch):
    asked = _answers(monkeypatch, ["/a/original.txt"], "/b/rewrite.txt")
    assert dialogs.ask_open_pair(None) == ("/a/original.txt", "/b/rewrite.txt")
    assert "rewrite" in asked[1]


def test_cancelling_either_step_opens_nothing(monkeypatch):
    _answers(monkeypatch, [], "")
    assert dialogs.ask_open_pair(None) is None
    _answers(monkeypatch, ["/a/original.txt"], "")
    assert dialogs.ask_open_pair(None) is None
