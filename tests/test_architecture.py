"""The one direction of dependency: reader.ui -> reader.core, and the core never loads Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "reader" / "core"


def test_core_sources_import_neither_qt_nor_ui():
    offenders = []
    for path in CORE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("PySide6", "shiboken6") or name.startswith("reader.ui"):
                    offenders.append(f"{path.name}: {name}")
    assert not offenders


def test_running_the_cli_engine_never_loads_qt(seed_paths):
    code = (
        "import sys; from reader.cli import main; import io;"
        f"main(['compare', {str(seed_paths[0])!r}, {str(seed_paths[1])!r}, '--json'],"
        " stdout=io.StringIO());"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'reader.ui'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
