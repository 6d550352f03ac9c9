"""The engine pauses the cyclic collector only while it runs, and always turns it back on."""

import gc
import threading

import pytest

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.errors import Cancelled
from reader.core.gc_pause import gc_paused
from reader.core.load.loader import load


@pytest.fixture(autouse=True)
def _collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_paused_inside_and_restored_after():
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block is still running
    assert gc.isenabled()


def test_left_off_when_the_caller_had_it_off():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_restored_when_the_comparison_is_cancelled():
    article = Article.from_text("One sentence here. Another one there.")
    seen = []

    def cancel() -> bool:
        seen.append(gc.isenabled())
        return True

    with pytest.raises(Cancelled):
        compare(article, article, should_cancel=cancel)
    assert seen == [False]
    assert gc.isenabled()


def test_overlapping_runs_in_two_threads_restore_it_once_both_end():
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with gc_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    with gc_paused():
        pass
    assert not gc.isenabled()  # the worker's run has not ended
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_comparison_leaves_no_cycles_for_the_collector(seed_paths):
    # With the collector paused, anything a run leaves in reference cycles
    # (the aligner's word bags, say) outlives it until the next collection,
    # which then has to walk it all: every object must go by reference counting.
    left, right = map(load, seed_paths)
    gc.collect()
    gc.disable()
    comparison = compare(left, right)
    assert comparison.blocks
    assert gc.collect() == 0


def _in_generation(obj: object, generation: int) -> bool:
    return any(o is obj for o in gc.get_objects(generation=generation))


def test_what_a_comparison_built_goes_to_the_oldest_generation(seed_paths):
    # Left young, it would be walked by the next young collections at once
    # (~0.1 s each at 3 MB) only to be found alive.
    left, right = map(load, seed_paths)
    gc.collect()
    comparison = compare(left, right)
    assert _in_generation(comparison, 2)
    assert not _in_generation(comparison, 0)


def test_objects_the_caller_froze_stay_frozen(seed_paths):
    left, right = map(load, seed_paths)
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert frozen > 0
        compare(left, right)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()
