"""The background comparison: newest request wins, old ones are cancelled, stale results dropped."""

from __future__ import annotations

import threading
from pathlib import Path

from reader.core.compare import compare
from reader.core.errors import Cancelled
from reader.ui.compare_worker import CompareRunner

from .conftest import window_action


class SlowCompare:
    """compare() that, for a left file named slow*, holds until it is cancelled (or released)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Event()
        self.cancelled = threading.Event()

    def __call__(self, left, right, *, progress=None, should_cancel=None, parallel=False):
        if Path(left.path).name.startswith("slow"):
            self.entered.set()
            while not self.release.wait(0.01):
                if should_cancel():
                    self.cancelled.set()
                    raise Cancelled()
        return compare(left, right, progress=progress, should_cancel=should_cancel)


def _slow_copy(tmp_path, seed_paths) -> Path:
    slow = tmp_path / "slow_original.txt"
    slow.write_text(seed_paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    return slow


def test_a_new_pair_cancels_the_running_one_and_only_its_result_shows(
    make_window, qtbot, tmp_path, seed_paths
):
    slow_compare = SlowCompare()
    window = make_window(runner=CompareRunner(compare=slow_compare))
    shown = []
    window.comparison_shown.connect(shown.append)
    window.open_pair(_slow_copy(tmp_path, seed_paths), seed_paths[1])
    assert slow_compare.entered.wait(10)
    assert window.runner.busy and window_action(window, "&Cancel Comparison").isEnabled()
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.open_pair(*seed_paths)
    assert slow_compare.cancelled.wait(10)
    window.runner.wait()
    qtbot.wait(50)  # let any queued signal of the old request arrive (it must be dropped)
    assert [Path(c.left.path).name for c in shown] == ["original_report.txt"]
    assert Path(window.comparison.left.path).name == "original_report.txt"
    assert not window.runner.busy and not window_action(window, "&Cancel Comparison").isEnabled()


def test_the_cancel_action_stops_the_comparison_and_keeps_the_window_usable(
    make_window, qtbot, tmp_path, seed_paths
):
    slow_compare = SlowCompare()
    window = make_window(runner=CompareRunner(compare=slow_compare))
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.open_pair(*seed_paths)
    before = window.comparison
    window.open_pair(_slow_copy(tmp_path, seed_paths), seed_paths[1])
    assert slow_compare.entered.wait(10)
    assert window.status.progress_bar.isVisible()
    window_action(window, "&Cancel Comparison").trigger()
    assert slow_compare.cancelled.wait(10)
    window.runner.wait()
    qtbot.wait(50)
    assert not window.runner.busy and not window.status.progress_bar.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    # The texts of the cancelled pair were loaded, but no stale comparison was applied.
    assert window.comparison is None or window.comparison is before


def test_stale_signals_of_an_old_token_are_dropped(qtbot, seed_paths):
    runner = CompareRunner()
    finished = []
    runner.finished.connect(finished.append)
    with qtbot.waitSignal(runner.finished, timeout=20000):
        runner.start(*seed_paths)
    old = runner.token
    runner._on_finished(old - 1, "stale")  # what a superseded task would deliver
    assert finished and "stale" not in finished
    runner.wait()


def test_a_load_error_is_reported_with_the_file_name(qtbot, tmp_path, seed_paths):
    runner = CompareRunner()
    missing = tmp_path / "nowhere.txt"
    with qtbot.waitSignal(runner.failed, timeout=20000) as blocker:
        runner.start(missing, seed_paths[1])
    path, message = blocker.args
    assert path == str(missing) and "nowhere.txt" in message
    assert not runner.busy
    runner.wait()


def test_the_result_carries_the_lookups_and_marks_made_off_the_gui_thread(qtbot, seed_paths):
    from reader.core.results.marks import side_marks

    runner = CompareRunner()
    with qtbot.waitSignal(runner.finished, timeout=20000) as blocker:
        runner.start(*seed_paths)
    (result,) = blocker.args
    comparison = result.comparison
    assert result.query.comparison is comparison
    for side in ("left", "right"):
        assert result.marks.side(side) == side_marks(comparison, side)
    assert result.marks.side("right")  # the rewrite adds words: something to colour
    runner.wait()
