"""Loaded wording: the class rules of the precomputed table, and how the table is read."""

from __future__ import annotations

import pytest

from reader.core.spin import lexicons
from reader.core.spin.lexicons import find_loaded


def flagged(text):
    """(surface, category) pairs flagged in text."""
    return [(text[w.start : w.end], w.category) for w in find_loaded(text)]


def surfaces(text):
    return [s.lower() for s, _ in flagged(text)]


def test_phrasal_verb_of_motion_going_somewhere_is_literal():
    assert surfaces("He walked out of the building at noon.") == []
    assert surfaces("The guests walked out into the garden.") == []
    # without a direction it is the protest ("left abruptly")
    assert ("walked out", "figurative verb") in flagged("The union walked out on Monday.")


def test_a_charged_head_stays_figurative_whatever_follows():
    assert ("stormed out", "figurative verb") in flagged("The senators stormed out of the room.")


def test_adjective_class_does_not_carry_to_a_verb_participle():
    # WordNet's adjective "faced" must not make the verb "faced" a charged adjective
    assert surfaces("The senator faced questions from reporters.") == []
    assert surfaces("The report faced delays.") == []


@pytest.mark.parametrize(
    "text, word",
    [
        ("Thugs blocked the entrance.", "thugs"),
        ("The committee's shenanigans delayed the vote.", "shenanigans"),
        ("A bigot wrote the letter.", "bigot"),
    ],
)
def test_person_and_act_nouns_defined_by_negative_modifiers_are_pejorative(text, word):
    assert (text[text.lower().index(word) :][: len(word)], "pejorative") in flagged(text)


def test_neutral_people_and_acts_are_not_pejorative():
    assert surfaces("The officers and the volunteers met the residents.") == []
    assert surfaces("The protesters gathered near the station.") == []


def test_a_run_at_the_shipped_cut_off_reads_only_the_hot_table(monkeypatch):
    read = []
    real = lexicons._read
    monkeypatch.setattr(lexicons, "_read", lambda name: read.append(name) or real(name))
    monkeypatch.setattr(lexicons, "_hot", None)  # as in a fresh process
    assert surfaces("The mayor lambasted the council.") == ["lambasted"]
    assert read == ["loaded_hot.json"]


def test_a_lowered_cut_off_reads_the_full_table_and_flags_more(monkeypatch):
    text = "An extremist addressed the crowd and praised the plan."
    shipped = surfaces(text)
    monkeypatch.setattr(lexicons, "MIN_SCORE", 0.2)
    lowered = surfaces(text)
    assert set(shipped) < set(lowered)
    assert "extremist" in lowered


def test_the_shipped_table_matches_the_full_one_at_the_cut_off(monkeypatch):
    # the hot file is the full table filtered at MIN_SCORE: both give the same flags
    text = (
        "Fed-up residents slammed the plan; the mayor angrily lashed out at critics, "
        "calling it a completely disgraceful and utterly reckless scheme, apparently."
    )
    hot = find_loaded(text)
    full = lexicons._read("loaded_all.json")
    table, combo = lexicons.hot_table(full["words"], full["phrases"], lexicons.MIN_SCORE)
    monkeypatch.setattr(lexicons, "_hot", (lexicons.MIN_SCORE, table, combo))
    assert find_loaded(text) == hot
    assert len(hot) >= 5


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("He said all Democrats voted against it.", "all Democrats"),
        ("Many of the activists left early.", "Many of the activists"),
        ("Most thugs fled.", "Most thugs"),
    ],
)
def test_a_quantifier_over_a_group_of_people_is_a_generalisation(text, phrase):
    assert (phrase, "generalisation") in flagged(text)


def test_a_quantifier_over_things_or_a_counted_set_is_not():
    assert flagged("All the members voted.") == []
    assert flagged("Most of the budget was spent; many plans failed.") == []


def test_political_positions_defined_as_extreme_are_labels():
    assert ("far-left", "label") in flagged("The far-left group marched downtown.")
    assert ("far-right", "label") in flagged("A far-right party won seats.")
    # the plain position is a description, not a label put on people
    assert flagged("The conservative party won seats.") == []


def test_a_generalisation_never_reaches_past_the_window():
    text = "He said all Democrats voted against it."
    cut = text.index("Democrats") + 3
    assert all(w.end <= cut for w in find_loaded(text, 0, cut))
