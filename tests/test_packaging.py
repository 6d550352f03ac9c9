"""Packaging files: the desktop entry and AppStream metadata validate; the frozen app runs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from reader.core import offload
from reader.core.compare import compare
from reader.core.load.loader import load

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
APP_ID = "org.articlereader.ArticleReader"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return path


def test_desktop_entry_validates():
    desktop = PACKAGING / f"{APP_ID}.desktop"
    result = subprocess.run(
        [_tool("desktop-file-validate"), str(desktop)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()
    text = desktop.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}" in text
    for mime in ("text/plain", "text/html", "application/pdf", "application/epub+zip"):
        assert mime in text


def test_appstream_metainfo_validates():
    metainfo = PACKAGING / f"{APP_ID}.metainfo.xml"
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_icon_pngs_exist_at_every_size_and_are_drawn():
    from PySide6.QtGui import QImage

    for size in (16, 24, 32, 48, 64, 128, 256):
        path = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size), path
        # Not blank: the page outlines are dark on a transparent ground.
        assert image.pixelColor(size // 2, size // 2).alpha() > 0 or any(
            image.pixelColor(x, size // 2).alpha() > 0 for x in range(size)
        )


@pytest.mark.slow
def test_pyinstaller_build_runs_headless_on_the_sample_pair(tmp_path):
    """Builds the one-folder app and runs the frozen CLI and window on the seeds."""
    subprocess.run([str(PACKAGING / "build.sh")], check=True, cwd=ROOT)
    binary = ROOT / "dist" / "article-reader" / "article-reader"
    pair = [str(ROOT / "seeds" / "original_report.txt"), str(ROOT / "seeds" / "rewrite.txt")]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def frozen(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(binary), *args], capture_output=True, text=True, env=env, timeout=120
        )

    cli = frozen("compare", *pair, "--json")
    assert cli.returncode == 0, cli.stderr
    assert '"kind":"added"' in cli.stdout  # compact JSON
    # The window too: --smoke-test opens the pair, prints the summary line, exits.
    window = frozen("--smoke-test", *pair)
    assert window.returncode == 0, window.stderr
    assert "from the original" in window.stdout
    # A pair big enough for the quotation worker (reader.core.offload): the
    # frozen binary must start it as a worker, not as a second app.
    big = []
    for name, path in zip(("left", "right"), pair, strict=True):
        text = Path(path).read_text(encoding="utf-8")
        target = tmp_path / f"big-{name}.txt"
        target.write_text("\n".join([text] * (offload.MIN_CHARS // len(text) + 1)), "utf-8")
        big.append(str(target))
    cli = frozen("compare", *big, "--json")
    assert cli.returncode == 0, cli.stderr
    expected = compare(load(big[0]), load(big[1]), parallel=False).to_json()["summary"]
    assert json.loads(cli.stdout)["summary"]["quotes"] == expected["quotes"]
