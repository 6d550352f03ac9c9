"""The sample pair's quotations: every pair's status and both sides' speakers (issue 13).

What a fact-checker reads first in the sidebar. The rules behind each answer are
tested on made-up sentences in ``test_quotes.py``; this file only pins the
sample pair's outcome.
"""

from __future__ import annotations

import pytest

from reader.core.load.loader import load
from reader.core.quotes.pairing import quote_pairs

# (the start of the quotation, status, left speakers, right speakers); "TERM" is a
# quoted name that is not speech: no speaker, ``term`` set.
EXPECTED = [
    ("Remain in Mexico", "verbatim", ["TERM"], ["TERM"]),
    (
        "playing politics with human lives",
        "verbatim",
        ["the advocates"],
        ["the immigration advocates"],
    ),
    (
        "come into these conversations",
        "verbatim",
        ["the advocates"],
        ["the immigration advocates"],
    ),
    (
        "We have sadly reached a turning point",
        "verbatim",
        ["the advocates"],
        ["the immigration advocates"],
    ),
    (
        "I cannot stand one more meeting",
        "merged",
        ["Ariana Saludares", "Ariana Saludares"],
        ["Ariana Saludares"],
    ),
    ("agree with or support", "verbatim", ["the White House"], ["the White House"]),
    ("We are incredibly thankful", "verbatim", ["the White House"], ["the White House"]),
    ("I think they’re afraid", "merged", ["Luis Guerra", "Luis Guerra"], ["Luis Guerra"]),
    ("fair and humane", "verbatim", ["Biden"], ["Biden"]),
    ("It’s almost like we were bamboozled", "only_left", ["Ariana Saludares"], []),
    ("It is as if you know", "only_left", ["Ariana Saludares"], []),
]


@pytest.fixture(scope="module")
def sample(seed_paths):
    left, right = load(seed_paths[0]), load(seed_paths[1])
    return left, right, quote_pairs(left, right)


def _speakers(quotes) -> list[str | None]:
    return ["TERM" if q.term and q.speaker is None else q.speaker for q in quotes]


def test_the_sample_has_exactly_the_expected_pairs_in_order(sample):
    left, right, pairs = sample
    starts = [(p.left or p.right)[0].text(left.text if p.left else right.text) for p in pairs]
    assert len(pairs) == len(EXPECTED)
    for found, (start, *_rest) in zip(starts, EXPECTED, strict=True):
        assert found.startswith(start)


@pytest.mark.parametrize(
    ("start", "status", "left_speakers", "right_speakers"),
    EXPECTED,
    ids=[row[0][:24] for row in EXPECTED],
)
def test_sample_pair_status_and_speakers(sample, start, status, left_speakers, right_speakers):
    left, right, pairs = sample
    pair = next(
        p
        for p in pairs
        if (p.left or p.right)[0].text(left.text if p.left else right.text).startswith(start)
    )
    assert pair.status.value == status
    assert _speakers(pair.left) == left_speakers
    assert _speakers(pair.right) == right_speakers


def test_a_quoted_programme_name_is_a_term_without_speaker(sample):
    left, right, pairs = sample
    remain = pairs[0]
    for quote in (*remain.left, *remain.right):
        assert quote.term and quote.partial
        assert quote.speaker is None and quote.speaker_span is None
    # Speech quoted inside the writer's sentence is partial, not a term.
    humane = next(p for p in pairs if p.left and p.left[0].text(left.text) == "fair and humane")
    assert humane.left[0].partial and not humane.left[0].term


def test_a_publication_that_reported_it_is_never_the_speaker(sample):
    _, _, pairs = sample
    for pair in pairs:
        for quote in (*pair.left, *pair.right):
            assert quote.speaker not in {"Politico", "a statement", "the people", "they"}


def test_json_fragments_rebuild_each_quote_text(sample):
    """``compare --json`` writes each quote with ``Quote.to_json``: check it on every quote."""
    left, right, pairs = sample
    continued = 0
    for pair in pairs:
        for quotes, article in ((pair.left, left.text), (pair.right, right.text)):
            for quote in quotes:
                item = quote.to_json(article)
                pieces = [article[s:e] for s, e in item["fragments"]]
                assert item["text"] == " ".join(pieces)
                assert item["fragments"][0][0] == item["start"]
                assert item["fragments"][-1][1] == item["end"]
                assert item["term"] is quote.term
                continued += len(item["fragments"]) > 1
    assert continued == 1  # Guerra's quotation runs over two paragraphs in the rewrite
