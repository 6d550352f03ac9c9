"""Regular expressions compiled on first use, so importing the quotation stage stays cheap.

The stage's patterns (the cue verbs' alternations above all) cost ~10 ms to
compile, which every process paid at import even when it never looked for a
quotation (``--help``, the window before a pair is opened). ``lazy(pattern)``
returns a stand-in that compiles on its first method call and from then on
hands out the compiled pattern's own bound methods as plain attributes: the
same matches, and no extra Python call per use once compiled.
"""

from __future__ import annotations

import re
from typing import Any

_METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A stand-in for ``re.compile(pattern, flags)`` that compiles when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        # Only reached while the name is not yet an instance attribute: compile once,
        # then the compiled pattern's methods are found by ordinary attribute lookup.
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(*self._source)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.compiled = compiled
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    """``re.compile(pattern, flags)``, compiled when one of its methods is first called."""
    return LazyPattern(pattern, flags)
