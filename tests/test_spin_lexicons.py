"""The loaded-wording lexicons (find_loaded) on sentences written for these tests."""

from __future__ import annotations

import pytest

from reader.core.spin import lexicons as loaded
from reader.core.spin.lexicons import LoadedWord, find_loaded


def flagged(text, **kw):
    """(surface, category) pairs flagged in text."""
    return [(text[w.start : w.end], w.category) for w in find_loaded(text, **kw)]


def words(text):
    """Surfaces flagged in text, lower-cased."""
    return [s.lower() for s, _ in flagged(text)]


def test_neutral_news_prose_flags_nothing():
    assert find_loaded("The committee met on Tuesday and discussed the budget.") == []
    assert find_loaded("The council will vote on the proposal next month, officials said.") == []


@pytest.mark.parametrize(
    "text, word, category",
    [
        ("The mayor lambasted the council.", "lambasted", "figurative verb"),
        ("Critics called the new rules a humbug.", "humbug", "pejorative"),
        ("The plan was purportedly cheap.", "purportedly", "stance adverb"),
        ("She spoke angrily about the deal.", "angrily", "manner adverb"),
        ("It was an outrageous decision.", "outrageous", "subjective"),
        ("The scheme was seriously delayed.", "seriously", "intensifier"),
        ("The attack was horrific for the village.", "horrific", "emotive"),
        ('The treasurer said the audit was a "triumph" for the town.', "triumph", "scare quote"),
    ],
)
def test_each_category(text, word, category):
    assert (word, category) in flagged(text)


def test_label_category_is_ranked_below_the_default_cut(monkeypatch):
    # labels are weak evidence alone: found only when the caller lowers the cut-off
    monkeypatch.setattr(loaded, "MIN_SCORE", 0.3)
    assert ("extremist", "label") in flagged("An extremist addressed the crowd.")


def test_inflections():
    text = "He bashes critics; he bashed them, and keeps bashing them, as he will bash them."
    assert words(text) == ["bashes", "bashed", "bashing", "bash"]
    assert "clobbered" in words("The rival was clobbered in the debate.")
    assert "scolding" in words("The judge gave a scolding reply.") or "scolding" in words(
        "She is scolding the staff."
    )


def test_multi_word_phrase_is_one_flag():
    text = "The union chief lashed out at the board."
    out = find_loaded(text)
    assert [(text[w.start : w.end], w.category) for w in out] == [("lashed out", "figurative verb")]


def test_offsets_are_exactly_the_word():
    text = "Then the mayor lambasted them."
    (w,) = find_loaded(text)
    assert isinstance(w, LoadedWord)
    assert (w.start, w.end) == (text.index("lambasted"), text.index("lambasted") + len("lambasted"))
    assert 0.0 <= w.score <= 1.0


def test_case_insensitive():
    assert words("Lambasted by the press, he resigned.") == ["lambasted"]
    assert words("THE MAYOR LAMBASTED THE COUNCIL.") == ["lambasted"]


def test_capitalised_name_words_are_damped():
    assert words("The Vicious Circle Society met downtown.") == []
    assert "vicious" in words("It was a vicious circle.")


def test_start_end_window_offsets_into_whole_text():
    text = "The committee met. The mayor lambasted the council. She spoke angrily."
    a = text.index("The mayor")
    b = text.index("She")
    out = find_loaded(text, a, b)
    assert [text[w.start : w.end] for w in out] == ["lambasted"]
    assert out[0].start == text.index("lambasted")
    assert find_loaded(text, 0, a) == []


def test_fragment_cuts_do_not_invent_words():
    text = "The mayor lambasted the council."
    i = text.index("lambasted")
    assert find_loaded(text, i, i + 4) == []  # "lamb" is not a loaded word
    assert find_loaded("") == []


def test_possessive_and_hyphen_parts():
    text = "The critic's vicious review and a last-minute u-turn."
    assert "vicious" in words(text)
