"""The real app as a process: ``article-reader --smoke-test LEFT RIGHT`` on the sample pair."""

from __future__ import annotations

import os
import subprocess
import sys


def _run(tmp_path, *args):
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path)
    )
    return subprocess.run(
        [sys.executable, "-m", "reader", "--smoke-test", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_the_app_opens_the_pair_and_shows_the_summary(tmp_path, seed_paths):
    result = _run(tmp_path, *seed_paths)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Rewrite: ") and "Quotes:" in result.stdout


def test_a_missing_file_exits_2_naming_it(tmp_path, seed_paths):
    missing = tmp_path / "gone.txt"
    result = _run(tmp_path, missing, seed_paths[1])
    assert result.returncode == 2
    assert "gone.txt" in result.stderr
