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


@pytest.fixture
def seeds(seed_paths):
    from reader.core.loading import load

    return load(str(seed_paths[0])), load(str(seed_paths[1]))


@pytest.fixture
def always_offload(monkeypatch):
    monkeypatch.setattr(offload, "MIN_CHARS", 0)


@pytest.fixture(autouse=True)
def fresh_worker():
    # A test that fails halfway may leave the worker held by a job nobody reads.
    yield
    offload.shutdown()


def test_worker_finds_and_pairs_the_same_quotations_as_this_process(seeds, always_offload):
    from reader.core.quotes import extract_quotes, pair_quotes

    left, right = seeds
    job = offload.start(left, right)
    assert job.offloaded  # it really went to the worker
    pairs = job.quote_pairs()
    assert pairs and pairs == pair_quotes(left, extract_quotes(left), right, extract_quotes(right))
    assert compare(left, right).to_json() == compare(left, right, parallel=False).to_json()


def test_small_pairs_and_parallel_false_stay_in_this_process(seeds):
    left, right = seeds
    assert len(left.text) + len(right.text) < offload.MIN_CHARS
    assert not offload.start(left, right).offloaded
    big = Article.from_text("word " * offload.MIN_CHARS)
    assert not offload.start(big, big, parallel=False).offloaded


def test_a_worker_that_cannot_start_leaves_the_work_here(seeds, always_offload, monkeypatch):
    offload.shutdown()

    def no_process(self):
        raise OSError("cannot start a process")

    monkeypatch.setattr(offload._Worker, "__init__", no_process)
    job = offload.start(*seeds)
    assert not job.offloaded
    assert job.quote_pairs() == compare(*seeds, parallel=False).quote_pairs


def test_a_worker_that_dies_is_replaced_by_this_process_then_by_a_new_one(seeds, always_offload):
    job = offload.start(*seeds)
    assert job.offloaded
    (pid,) = offload.worker_pids()
    os.kill(pid, signal.SIGKILL)
    assert job.quote_pairs() == compare(*seeds, parallel=False).quote_pairs
    assert offload.worker_pids() == []  # the dead one was let go...
    job = offload.start(*seeds)
    assert job.offloaded and offload.worker_pids() != [pid]  # ...and a new one started
    assert job.quote_pairs() == compare(*seeds, parallel=False).quote_pairs


def test_a_failure_in_the_worker_is_redone_here_and_raises_as_here(seeds, always_offload):
    left, _ = seeds
    broken = Article(text=left.text, paragraphs=(("no", "offsets"),))
    job = offload.start(broken, broken)
    assert job.offloaded
    with pytest.raises(Exception) as here:
        offload.quote_pairs(broken, broken)
    with pytest.raises(type(here.value)):
        job.quote_pairs()
    assert offload.start(*seeds).quote_pairs()  # the worker still serves


def test_a_cancelled_jobs_reply_never_answers_the_next_job(seeds, always_offload):
    left, right = seeds
    job = offload.start(right, right)
    job.close()
    # Still busy with the cancelled job (or already done with it): either way
    # the next job gets its own pairs, from the worker or from here.
    assert (
        offload.start(left, right).quote_pairs() == compare(left, right, parallel=False).quote_pairs
    )
    deadline = time.monotonic() + 30
    while not offload.start(left, left).offloaded:  # free again once the reply is read
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_busy_worker_leaves_a_second_comparison_here(seeds, always_offload):
    first = offload.start(*seeds)
    second = offload.start(*seeds)
    assert first.offloaded and not second.offloaded
    assert first.quote_pairs() == second.quote_pairs()
    assert offload.start(*seeds).offloaded  # free once the first reply was read


def _loaded_modules() -> list[str]:
    return sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "reader.ui")))


def test_the_worker_process_imports_the_engine_only():
    assert offload.run_in_worker(_loaded_modules) == []


def _edited_pairs(n: int) -> list[tuple[str, str]]:
    return [
        (f"Council {k} met on Tuesday to vote the budget.", f"Council {k} met Monday to pass it.")
        for k in range(n)
    ]


def _counting_slow_word_ops(monkeypatch, *, then=None) -> list[int]:
    # Slows this process's word diffs only: the worker runs the real ones.
    calls: list[int] = []
    real = offload.word_ops

    def slow(left, right):
        if then is not None and not calls:
            then()
        calls.append(1)
        time.sleep(0.002)
        return real(left, right)

    monkeypatch.setattr(offload, "word_ops", slow)
    return calls


def test_the_worker_takes_word_diffs_from_the_end_with_the_same_result(
    seeds, always_offload, monkeypatch
):
    from reader.core.align import diff_pairs

    pairs = _edited_pairs(400)
    expected = diff_pairs(pairs)
    helper = offload.start(*seeds)
    calls = _counting_slow_word_ops(monkeypatch)
    assert helper.word_ops(pairs, lambda fraction: None) == expected
    assert 200 <= len(calls) < 400  # this process did its half, and the worker some of the rest
    assert helper.quote_pairs() == compare(*seeds, parallel=False).quote_pairs
    helper.close()


def test_word_diffs_are_all_done_here_when_the_worker_dies_meanwhile(
    seeds, always_offload, monkeypatch
):
    from reader.core.align import diff_pairs

    pairs = _edited_pairs(400)
    expected = diff_pairs(pairs)
    helper = offload.start(*seeds)
    (pid,) = offload.worker_pids()
    calls = _counting_slow_word_ops(monkeypatch, then=lambda: os.kill(pid, signal.SIGKILL))
    assert helper.word_ops(pairs, lambda fraction: None) == expected
    assert helper.quote_pairs() == compare(*seeds, parallel=False).quote_pairs
    helper.close()
    assert len(calls) >= 300  # at most what had come back before it died was the worker's


def test_a_comparison_cancelled_while_sharing_word_diffs_frees_the_worker(seeds, always_offload):
    class Stop(Exception):
        pass

    def cancel(fraction: float) -> None:
        if fraction > 0:
            raise Stop

    helper = offload.start(*seeds)
    with pytest.raises(Stop):
        helper.word_ops(_edited_pairs(2000), cancel)
    helper.close()
    deadline = time.monotonic() + 30
    while True:  # free again once the dropped replies have all been read
        again = offload.start(*seeds)
        if again.offloaded:
            break
        assert time.monotonic() < deadline
        time.sleep(0.01)
    assert again.quote_pairs() == compare(*seeds, parallel=False).quote_pairs


def test_sharing_word_diffs_never_deadlocks_behind_a_big_quotation_reply(seeds, always_offload):
    import threading

    from reader.core.align import diff_pairs

    # Quotations whose reply outgrows the pipe's buffer (~270 KB), and more
    # word diffs than the buffer holds: the worker blocks writing the reply
    # until this process reads it, so this process must never block writing.
    left, right = (Article.from_text("\n".join([a.text] * 100)) for a in seeds)
    long_pairs = [(a * 4, b * 4) for a, b in _edited_pairs(1500)]
    helper = offload.start(left, right)
    assert helper.offloaded
    done: list[object] = []
    thread = threading.Thread(
        target=lambda: done.append(helper.word_ops(long_pairs, lambda fraction: None)),
        daemon=True,
    )
    thread.start()
    thread.join(timeout=60)
    assert done and done[0] == diff_pairs(long_pairs)
    assert helper.quote_pairs() == compare(left, right, parallel=False).quote_pairs
    helper.close()


def test_a_pair_too_long_to_send_is_diffed_here(seeds, always_offload, monkeypatch):
    from reader.core.align import diff_pairs

    pairs = _edited_pairs(400)
    pairs[-1] = (pairs[-1][0] * 400, pairs[-1][1] * 400)  # ~20,000 characters
    helper = offload.start(*seeds)
    calls = _counting_slow_word_ops(monkeypatch)
    assert helper.word_ops(pairs, lambda fraction: None) == diff_pairs(pairs)
    assert len(calls) == 400  # the long pair's batch was never sent, nor any after it
    helper.close()
