"""How long the window takes to show a generated pair, and how long it stops responding.

    python benchmarks/bench_ui.py [--sizes 30K,300K,3M] [--repeat 3] [--seed 0]

For each size, make_pairs.py writes the pair to a temp dir and the main window
(offscreen Qt, the app's own code) opens it with ``open_pair``, as File > Open
does. Measured from the call, medians of ``--repeat`` openings in one window:

- text shown: both panes hold their article (loading ran off the GUI thread);
- shown: the comparison is on screen (marks, summary, sidebar);
- idle: the event loop is free again after it (the panes repainted);
- longest stall: the longest the event loop went without running a 5 ms timer,
  i.e. the longest the window would not respond to input, and what ran then.

Set ``QT_QPA_PLATFORM`` to measure on another platform (xcb under Xvfb paints
to a real X server; the default here is offscreen).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_pairs  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings, QTimer  # noqa: E402

from reader.ui.app import set_up_application  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

STALL_TICK_MS = 5
TIMEOUT_S = 120


class StallWatch:
    """A 5 ms timer whose late firings measure how long the event loop was busy."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.what = ""
        self._stage = ""
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(STALL_TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest, self.what = 0.0, ""
        self._clock.start()
        self._timer.start()

    def stage(self, name: str) -> None:
        self._stage = name

    def _tick(self) -> None:
        gap = self._clock.restart() / 1000 - STALL_TICK_MS / 1000
        if gap > self.longest:
            self.longest, self.what = gap, self._stage

    def stop(self) -> None:
        self._timer.stop()


def open_once(
    window: MainWindow, left: Path, right: Path, watch: StallWatch
) -> tuple[dict[str, float], str]:
    """Open the pair: seconds until text shown, compared, idle; the longest stall's stage."""
    times: dict[str, float] = {}
    start = time.perf_counter()
    loop = QEventLoop()

    def mark(name: str) -> None:
        times.setdefault(name, time.perf_counter() - start)

    def loaded(*_args: object) -> None:
        mark("text shown")
        watch.stage("comparing (worker thread)")

    def shown(_comparison: object) -> None:
        mark("shown")
        watch.stage("repainting")
        QTimer.singleShot(0, idle)

    def idle() -> None:
        mark("idle")
        loop.quit()

    window.runner.loaded.connect(loaded)
    window.comparison_shown.connect(shown)
    for pane in window.panes.values():  # as a new pair opens: at the top
        pane.text.verticalScrollBar().setValue(0)
    watch.stage("loading (GUI: showing the texts)")
    watch.start()
    window.open_pair(left, right)
    QTimer.singleShot(TIMEOUT_S * 1000, loop.quit)
    loop.exec()
    watch.stop()
    window.runner.loaded.disconnect(loaded)
    window.comparison_shown.disconnect(shown)
    if "idle" not in times:
        raise SystemExit(f"the window did not finish within {TIMEOUT_S} s")
    times["longest stall"] = watch.longest
    return times, watch.what


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30K,300K,3M")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    app = set_up_application([sys.argv[0]])
    print(f"Qt platform {app.platformName()}, Python {sys.version.split()[0]}, seed {args.seed}\n")
    print("| size | text shown s | shown s | idle s | longest stall s | stalled while |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings)
        window.resize(1400, 900)
        window.show()
        watch = StallWatch()
        for label in args.sizes.split(","):
            pair = make_pairs.make_pair(make_pairs.parse_size(label), args.seed)
            left, right, _ = make_pairs.write_pair(pair, Path(tmp), label)
            open_once(window, left, right, watch)  # warm-up: starts the quotation worker
            runs = [open_once(window, left, right, watch) for _ in range(args.repeat)]
            keys = ("text shown", "shown", "idle", "longest stall")
            cells = [f"{statistics.median(times[k] for times, _ in runs):.2f}" for k in keys]
            _, worst = max(runs, key=lambda run: run[0]["longest stall"])
            print(f"| {label} | " + " | ".join(cells) + f" | {worst} |")
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
