#!/usr/bin/env bash
# Build a one-folder app in dist/article-reader/ with PyInstaller (Linux or macOS).
# Uses its own virtual environment in build/venv so the developer's stays clean.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv build/venv
build/venv/bin/pip install -q 'pyinstaller>=6.5' .
build/venv/bin/python -m PyInstaller --noconfirm --clean \
    --distpath dist --workpath build/pyinstaller packaging/article-reader.spec
echo "Built: dist/article-reader/article-reader"
