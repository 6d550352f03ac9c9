"""A big pair's quotations come from a second process: the same answer, and a fallback."""

from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from reader.core import offload
from reader.core.article import Article
from reader.core.compare import compare
from reader.core.quotes.pairing import quote_pairs


@pytest.fixture
def seeds(seed_paths):
    from reader.core.load.loader import load

    return load(str(seed_paths[0])), load(str(seed_paths[1]))


@pytest.fixture
def always_offload(monkeypatch):
    monkeypatch.setattr(offload, "MIN_CHARS", 0)
    # Whatever else the test machine is running: an idle two-core one.
    monkeypatch.setattr(offload, "usable_cores", lambda: 2)
    monkeypatch.setattr(offload.os, "getloadavg", lambda: (0.0, 0.0, 0.0), raising=False)


@pytest.fixture(autouse=True)
def fresh_worker():
    # A test that fails halfway may leave the worker held by a job nobody reads.
    yield
    offload.shutdown()


def test_worker_finds_and_pairs_the_same_quotations_as_this_process(seeds, always_offload):
    from reader.core.quotes.find import extract_quotes
    from reader.core.quotes.pairing import pair_quotes

    left, right = seeds
    job = offload.quote_pairs_job(left, right)
    assert job.offloaded  # it really went to the worker
    pairs = job.result()
    assert pairs and pairs == pair_quotes(left, extract_quotes(left), right, extract_quotes(right))
    assert compare(left, right, parallel=True).to_json() == compare(left, right).to_json()


def test_small_pairs_and_parallel_false_stay_in_this_process(seeds):
    left, right = seeds
    assert len(left.text) + len(right.text) < offload.MIN_CHARS
    assert not offload.quote_pairs_job(left, right).offloaded
    big = Article.from_text("word " * offload.MIN_CHARS)
    assert not offload.quote_pairs_job(big, big, parallel=False).offloaded


def test_a_worker_that_cannot_start_leaves_the_work_here(seeds, always_offload, monkeypatch):
    offload.shutdown()

    def no_process(self):
        raise OSError("cannot start a process")

    monkeypatch.setattr(offload._Worker, "__init__", no_process)
    job = offload.quote_pairs_job(*seeds)
    assert not job.offloaded
    assert job.result() == compare(*seeds, parallel=False).quote_pairs


def test_a_worker_that_dies_is_replaced_by_this_process_then_by_a_new_one(seeds, always_offload):
    job = offload.quote_pairs_job(*seeds)
    assert job.offloaded
    (pid,) = offload.worker_pids()
    os.kill(pid, signal.SIGKILL)
    assert job.result() == compare(*seeds, parallel=False).quote_pairs
    assert offload.worker_pids() == []  # the dead one was let go...
    job = offload.quote_pairs_job(*seeds)
    assert job.offloaded and offload.worker_pids() != [pid]  # ...and a new one started
    assert job.result() == compare(*seeds, parallel=False).quote_pairs


def test_a_failure_in_the_worker_is_redone_here_and_raises_as_here(seeds, always_offload):
    left, _ = seeds
    broken = Article(text=left.text, paragraphs=(("no", "offsets"),))
    job = offload.quote_pairs_job(broken, broken)
    assert job.offloaded
    with pytest.raises(Exception) as here:
        quote_pairs(broken, broken)
    with pytest.raises(type(here.value)):
        job.result()
    assert offload.quote_pairs_job(*seeds).result()  # the worker still serves


def test_a_cancelled_jobs_reply_never_answers_the_next_job(seeds, always_offload):
    left, right = seeds
    job = offload.quote_pairs_job(right, right)
    job.close()
    # Still busy with the cancelled job (or already done with it): either way
    # the next job gets its own pairs, from the worker or from here.
    expected = compare(left, right).quote_pairs
    assert offload.quote_pairs_job(left, right).result() == expected
    deadline = time.monotonic() + 30
    while not offload.quote_pairs_job(left, left).offloaded:  # free again once the reply is read
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_busy_worker_leaves_a_second_comparison_here(seeds, always_offload):
    first = offload.quote_pairs_job(*seeds)
    second = offload.quote_pairs_job(*seeds)
    assert first.offloaded and not second.offloaded
    assert first.result() == second.result()
    assert offload.quote_pairs_job(*seeds).offloaded  # free once the first reply was read


def _loaded_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "reader.ui")))


def test_the_worker_process_imports_the_engine_only():
    assert offload.run_in_worker(_loaded_modules) == []


def test_no_free_core_keeps_the_work_here(seeds, always_offload, monkeypatch):
    # Pinned to one core (taskset), a second process would only take turns with this one.
    monkeypatch.undo()  # the fixture's usable_cores too: the real one reads the affinity
    monkeypatch.setattr(offload, "MIN_CHARS", 0)
    monkeypatch.setattr(offload.os, "getloadavg", lambda: (0.0, 0.0, 0.0), raising=False)
    monkeypatch.setattr(offload.os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert offload.usable_cores() == 1
    job = offload.quote_pairs_job(*seeds)
    assert not job.offloaded
    assert job.result() == quote_pairs(*seeds)
    # Two cores, both busy with other work.
    monkeypatch.setattr(offload.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(offload.os, "getloadavg", lambda: (1.8, 1.0, 1.0), raising=False)
    assert not offload.quote_pairs_job(*seeds).offloaded
    monkeypatch.setattr(offload.os, "getloadavg", lambda: (0.7, 1.0, 1.0), raising=False)
    job = offload.quote_pairs_job(*seeds)
    try:
        assert job.offloaded
    finally:
        job.close()


def test_quotations_pickled_for_the_worker_keep_every_field():
    # Quote and QuotePair pickle as constructor calls naming their fields: a field
    # added to the class but not there would come back from the worker as its default.
    import dataclasses
    import pickle

    from reader.core.results.comparison import Quote, QuotePair, QuoteStatus
    from reader.core.worddiff import Op

    quote = Quote(3, 9, "Ana Ruiz", (12, 15), ((3, 5), (7, 9)), True, True)
    pair = QuotePair(QuoteStatus.MERGED, (quote,), (quote, quote), (Op("=", "a"),))
    for value in (quote, pair):
        defaults = [f for f in dataclasses.fields(value) if getattr(value, f.name) == f.default]
        assert defaults == []  # every field set to something else than its default
        assert pickle.loads(pickle.dumps(value)) == value
