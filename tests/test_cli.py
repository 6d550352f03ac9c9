"""The command line as a script calls it: exit status, JSON shape, one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

from reader.cli import main


def test_compare_json_shape(seed_paths):
    out = io.StringIO()
    assert main(["compare", str(seed_paths[0]), str(seed_paths[1]), "--json"], stdout=out) == 0
    data = json.loads(out.getvalue())
    assert set(data) == {"left", "right", "blocks", "quotes", "summary"}
    assert data["left"]["text"] == seed_paths[0].read_text(encoding="utf-8")
    assert data["right"]["path"] == str(seed_paths[1])


def test_missing_file_is_one_line_error_with_exit_2(tmp_path):
    missing = tmp_path / "gone.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "reader", "compare", str(missing), str(missing), "--json"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]
    assert "Traceback" not in proc.stderr
