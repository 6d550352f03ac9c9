"""A big pair's quotations come from a second process: the same answer, and a fallback."""

from __future__ import annotations

import sys
from concurrent.futures import Future

import pytest

from reader.core import offload
from reader.core.article import Article
from reader.core.compare import compare


@pytest.fixture
def seeds(seed_paths):
    from reader.core.loading import load

    return load(str(seed_paths[0])), load(str(seed_paths[1]))


@pytest.fixture
def always_offload(monkeypatch):
    monkeypatch.setattr(offload, "MIN_CHARS", 0)


def test_worker_finds_and_pairs_the_same_quotations_as_this_process(seeds, always_offload):
    from reader.core.quotes import extract_quotes, pair_quotes

    left, right = seeds
    job = offload.quotations(left, right)
    assert job._future is not None  # it really went to the worker
    pairs = job.result()
    assert pairs and pairs == pair_quotes(left, extract_quotes(left), right, extract_quotes(right))
    assert compare(left, right).to_json() == compare(left, right, parallel=False).to_json()


def test_small_pairs_and_parallel_false_stay_in_this_process(seeds):
    left, right = seeds
    assert len(left.text) + len(right.text) < offload.MIN_CHARS
    assert offload.quotations(left, right)._future is None
    big = Article.from_text("word " * offload.MIN_CHARS)
    assert offload.quotations(big, big, parallel=False)._future is None


def test_a_worker_that_cannot_start_leaves_the_work_here(seeds, always_offload, monkeypatch):
    def no_process():
        raise OSError("cannot start a process")

    monkeypatch.setattr(offload, "_get_executor", no_process)
    comparison = compare(*seeds)
    assert comparison.quote_pairs == compare(*seeds, parallel=False).quote_pairs


def test_a_worker_that_dies_is_replaced_by_this_process(seeds, always_offload, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    class Dying:
        def submit(self, *args):
            future: Future = Future()
            future.set_exception(BrokenProcessPool("worker died"))
            return future

        def shutdown(self, **kwargs):
            pass

    monkeypatch.setattr(offload, "_get_executor", lambda: Dying())
    assert compare(*seeds).quote_pairs == compare(*seeds, parallel=False).quote_pairs


def _loaded_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "reader.ui")))


def test_the_worker_process_imports_the_engine_only():
    assert offload._get_executor().submit(_loaded_modules).result(timeout=60) == []
