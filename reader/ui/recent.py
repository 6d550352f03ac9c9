"""Recently compared pairs, newest first, kept in QSettings across sessions."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent/pairs"
MAX_RECENT = 8


class RecentPairs:
    """The list behind File > Open Recent; stored as JSON so every QSettings backend keeps it."""

    def __init__(self, settings: QSettings, *, limit: int = MAX_RECENT) -> None:
        self._settings = settings
        self._limit = limit

    def pairs(self) -> list[tuple[str, str]]:
        """Stored pairs, newest first; anything unreadable in the settings is skipped."""
        raw = self._settings.value(KEY, "[]")
        try:
            stored = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            return []
        if not isinstance(stored, list):
            return []
        return [
            (str(item[0]), str(item[1]))
            for item in stored
            if isinstance(item, list) and len(item) == 2 and all(item)
        ]

    def add(self, left: str | Path, right: str | Path) -> None:
        """Put a pair first (as absolute paths); drops its older copy and any beyond the limit."""
        pair = (str(Path(left).resolve()), str(Path(right).resolve()))
        pairs = [pair] + [p for p in self.pairs() if p != pair]
        self._settings.setValue(KEY, json.dumps(pairs[: self._limit]))

    def clear(self) -> None:
        self._settings.remove(KEY)
