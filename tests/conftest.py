"""Test setup shared by every tier: headless Qt, the sample pair, file factories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Before anything imports Qt: no display in CI, and the same rendering everywhere.
os.environ["QT_QPA_PLATFORM"] = "offscreen"

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_paths() -> tuple[Path, Path]:
    """The bundled sample pair: (original report, rewrite)."""
    return SEEDS / "original_report.txt", SEEDS / "rewrite.txt"


@pytest.fixture(scope="session")
def seed_comparison(seed_paths):
    """The sample pair compared once for every test that only reads the result."""
    from reader.core.compare import compare
    from reader.core.load.loader import load

    return compare(load(seed_paths[0]), load(seed_paths[1]))
