"""Start the window with the sample pair many times under Xvfb; count the starts that fail.

    python benchmarks/start_loop.py [--runs 200] [--mode smoke,show] [--timing 10]
                                    [--xvfb-per-run] [--out DIR] [--tree DIR]

Each start is a fresh ``python -m reader`` process with a fresh settings folder
(``XDG_CONFIG_HOME`` in a temp dir, so every start is a first run) and
``faulthandler`` writing to a file of its own, on the xcb platform of an Xvfb
server (one for the loop, or ``--xvfb-per-run``: a new server for each start,
as ``xvfb-run`` does):

- ``smoke``: ``python -m reader --smoke-test LEFT RIGHT`` (opens, compares, prints
  the summary, exits 0);
- ``show``: ``python -m reader LEFT RIGHT``, the real start; a tiny wrapper waits
  for the comparison on screen and the right pane's first paint after it, prints
  the time, and closes the window as a person would;
- ``first``: ``python -m reader`` naming nothing, so the first run opens the sample
  pair itself (what a new user sees), watched as ``show`` is.

A start fails when it exits non-zero, by a signal (``Aborted``: -6), or hangs past
``--timeout``. Failures are listed with their exit code and the tail of their
stderr and fault log (kept in ``--out``). ``--timing N`` reports the median, over
N ``show`` starts, of the time from process start (``Popen``) to the painted
sample pair. ``--tree DIR`` runs another copy of ``reader/`` (a "before" tree).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# Runs in the child: faulthandler to a file, then the app's own start. In "show" mode the
# wrapper only watches: it prints when the pair is painted, then closes the window.
_CHILD = r"""
import faulthandler, os, sys, time
log = open(os.environ["START_LOOP_FAULT_LOG"], "w")
faulthandler.enable(log, all_threads=True)
mode = os.environ["START_LOOP_MODE"]
if mode in ("show", "first"):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    import reader.ui.main_window as main_window

    class _Painted(QObject):
        def __init__(self, window):
            super().__init__(window)
            self.window, self.shown = window, False
            window.comparison_shown.connect(self._shown)
            window.load_failed.connect(lambda message: self._quit(3, message))

        def _shown(self, _comparison):
            self.shown = True
            self.window.panes["right"].text.viewport().installEventFilter(self)
            self.window.panes["right"].text.viewport().update()

        def eventFilter(self, watched, event):
            if self.shown and event.type() == QEvent.Type.Paint:
                self.shown = False
                QTimer.singleShot(0, lambda: self._quit(0, "painted %.6f" % time.time()))
            return False

        def _quit(self, code, message):
            print(message, flush=True)
            os.environ["START_LOOP_CODE"] = str(code)
            self.window.close()

    _init = main_window.MainWindow.__init__

    def _watched_init(self, *args, **kwargs):
        _init(self, *args, **kwargs)
        self._start_loop_watch = _Painted(self)

    main_window.MainWindow.__init__ = _watched_init
from reader.__main__ import main
code = main(sys.argv[1:])
watched = mode in ("show", "first")
sys.exit(int(os.environ.get("START_LOOP_CODE", code)) if watched and code == 0 else code)
"""


class Xvfb:
    """An Xvfb server on a free display, for as long as the ``with`` block runs."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.display = ""

    def __enter__(self) -> Xvfb:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        self.display = f":{number}"
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(10)


def one_start(mode: str, display: str, out: Path, index: int, tree: Path | None, timeout: float):
    """Run one start; (exit code or None when it hung, seconds to painted or None, log paths)."""
    config = Path(tempfile.mkdtemp(prefix="start-loop-config-"))
    fault = out / f"{mode}-{index:03d}.fault"
    env = dict(os.environ)
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(config),
        START_LOOP_FAULT_LOG=str(fault),
        START_LOOP_MODE=mode,
    )
    env.pop("ARTICLE_READER_PALETTE", None)
    if tree is not None:
        env["PYTHONPATH"] = str(tree) + os.pathsep + env.get("PYTHONPATH", "")
    pair = [str(SEEDS / "original_report.txt"), str(SEEDS / "rewrite.txt")]
    if mode == "first":
        pair = []  # a first run with nothing named opens the sample pair itself
    args = [sys.executable, "-c", _CHILD, *(["--smoke-test"] if mode == "smoke" else []), *pair]
    started = time.time()
    child = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tempfile.gettempdir()
    )
    try:
        stdout, stderr = child.communicate(timeout=timeout)
        code: int | None = child.returncode
    except subprocess.TimeoutExpired:
        child.kill()
        stdout, stderr = child.communicate()
        code = None
    shutil.rmtree(config, ignore_errors=True)
    painted = None
    for line in stdout.decode(errors="replace").splitlines():
        if line.startswith("painted "):
            painted = float(line.split()[1]) - started
    err = out / f"{mode}-{index:03d}.stderr"
    err.write_bytes(stderr)
    return code, painted, fault, err


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=200, help="starts per mode (default 200)")
    parser.add_argument(
        "--mode",
        default="smoke,show",
        help="smoke, show, first (comma-separated; default smoke,show)",
    )
    parser.add_argument("--timing", type=int, default=10, help="show starts timed (0: none)")
    parser.add_argument("--timeout", type=float, default=60.0, help="a start hangs after this")
    parser.add_argument("--xvfb-per-run", action="store_true", help="a new Xvfb each start")
    parser.add_argument("--out", type=Path, default=None, help="where logs of failures stay")
    parser.add_argument("--tree", type=Path, default=None, help="run this copy of reader/")
    options = parser.parse_args()
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is not installed (apt-get install xvfb)")
    out = options.out or Path(tempfile.mkdtemp(prefix="start-loop-"))
    out.mkdir(parents=True, exist_ok=True)
    modes = [m.strip() for m in options.mode.split(",") if m.strip()]
    rows = []
    with Xvfb() as shared:
        for mode in modes:
            failures: list[str] = []
            for index in range(options.runs):
                if options.xvfb_per_run:
                    with Xvfb() as own:
                        code, _t, fault, err = one_start(
                            mode, own.display, out, index, options.tree, options.timeout
                        )
                else:
                    code, _t, fault, err = one_start(
                        mode, shared.display, out, index, options.tree, options.timeout
                    )
                if code != 0:
                    tail = (err.read_text(errors="replace").strip().splitlines() or [""])[-1]
                    failures.append(f"  {mode} #{index}: exit {code}: {tail[:160]} ({fault})")
                else:
                    err.unlink(missing_ok=True)
                    fault.unlink(missing_ok=True)
                print(
                    f"\r{mode}: {index + 1}/{options.runs}, {len(failures)} failed",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
            print(file=sys.stderr)
            rows.append((mode, options.runs, failures))
        times = []
        for index in range(options.timing):
            code, painted, fault, err = one_start(
                "show", shared.display, out, 1000 + index, options.tree, options.timeout
            )
            if code == 0 and painted is not None:
                times.append(painted)
                err.unlink(missing_ok=True)
                fault.unlink(missing_ok=True)
    print("| mode | starts | failed |")
    print("|---|---:|---:|")
    for mode, runs, failures in rows:
        print(f"| {mode} | {runs} | {len(failures)} |")
    for _mode, _runs, failures in rows:
        for line in failures:
            print(line)
    if times:
        print(
            f"\nprocess start to painted sample pair: median {statistics.median(times):.2f} s "
            f"of {len(times)} (min {min(times):.2f}, max {max(times):.2f})"
        )
    print(f"logs of failed starts: {out}")
    return 1 if any(failures for _m, _r, failures in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
