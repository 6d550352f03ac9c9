"""Starting up: what opens first, the sample pair's location, the palettes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.ui import resources
from reader.ui.app import open_initial, set_up_application
from reader.ui.highlight import DARK, LIGHT, colours_for
from reader.ui.palette import dark_palette

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_sample_pair_is_found_in_the_checkout():
    pair = resources.sample_pair()
    assert pair is not None and pair[0].parent == ROOT / "seeds"


def test_the_packaged_copies_match_the_seeds():
    for name in resources.SAMPLE_NAMES:
        packaged = ROOT / "reader" / "resources" / "seeds" / name
        assert packaged.read_bytes() == (ROOT / "seeds" / name).read_bytes()


def test_the_packaged_copies_are_used_outside_a_checkout(monkeypatch, tmp_path):
    import reader

    monkeypatch.setattr(reader, "__file__", str(tmp_path / "reader" / "__init__.py"))
    pair = resources.sample_pair()
    assert pair is not None and pair[0].parent.name == "seeds"
    assert pair[0].parent.parent.name == "resources"


def test_first_run_opens_the_sample_pair_and_later_runs_do_not(window, qtbot):
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        open_initial(window, [])
    assert Path(window.comparison.left.path).name == "original_report.txt"
    window.runner.start(None, None)  # an empty request, to see that nothing else starts
    open_initial(window, [])
    window.runner.wait()
    assert window.settings.value("first_run_done", type=bool)


def test_command_line_paths_open_directly(window, qtbot, seed_paths):
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        open_initial(window, [str(seed_paths[1]), str(seed_paths[0])])
    assert Path(window.comparison.left.path).name == "rewrite.txt"


def test_dark_palette_selects_the_dark_colours(monkeypatch, window):
    assert colours_for(dark_palette()) is DARK
    assert colours_for(QApplication.instance().style().standardPalette()) is LIGHT
    monkeypatch.setenv("ARTICLE_READER_PALETTE", "dark")
    app = set_up_application([])
    try:
        assert colours_for(app.palette()) is DARK
        QApplication.processEvents()
        assert window.colours is DARK  # the window followed the palette change
    finally:
        monkeypatch.setenv("ARTICLE_READER_PALETTE", "light")
        set_up_application([])
        monkeypatch.delenv("ARTICLE_READER_PALETTE")


def test_the_packaged_icon_renders_and_is_the_window_icon(qapp):
    from reader.ui.resources import app_icon_path

    assert (
        app_icon_path().read_bytes()
        == (Path(__file__).resolve().parents[2] / "packaging" / "article-reader.svg").read_bytes()
    )
    set_up_application([])
    icon = qapp.windowIcon()
    assert not icon.isNull()
    for size in (16, 48, 256):  # high-DPI sizes come from the SVG, not a small bitmap
        assert not icon.pixmap(size, size).isNull()
