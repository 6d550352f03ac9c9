"""Pause Python's cyclic garbage collector while the engine runs.

Comparing a 3 MB pair allocates a few million small objects (word bags,
spans, ops) and frees almost none until the end, so the collector's
generation thresholds keep firing full collections that walk an ever larger
heap: about 20% of the engine's time at 3 MB, for nothing, since what the
engine builds holds no reference cycles. Reference counting still frees
everything as usual; only the cycle detector waits until the run is over.

When the run ends, what it built is moved to the oldest generation
untraversed, as if it had survived collections (``gc.freeze`` then
``gc.unfreeze``): the young collections that would otherwise follow at once
walk all of it, at 3 MB ~0.1 s for the youngest and as much again for the
next, only to find it alive. Objects the caller made just before are moved
with it; the next full collection looks at them all, as it would have.
Skipped when the process keeps frozen objects of its own (``gc.freeze``),
which unfreezing would release.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0  # runs in progress (the UI may start one while the last is cancelling)
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    """Keep the cyclic collector off inside the block; nested and concurrent uses are safe.

    The collector is switched back on (if it was on before the first block
    began) when the last block ends, even on an exception.
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                if gc.get_freeze_count() == 0:
                    gc.freeze()  # every tracked object to the permanent generation...
                    gc.unfreeze()  # ...and from there to the oldest, young counts reset
                gc.enable()
