"""The loaded-wording lexicons (find_loaded) on sentences written for these tests."""

from __future__ import annotations

import json
from importlib.resources import files

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
        ("The staff felt utterly betrayed.", "utterly betrayed", "intensifier"),
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


def test_hyphenated_compound_is_looked_up_whole():
    # WordNet lists the compound with a space ("fed up"); prose hyphenates it
    assert flagged("Fed-up farmers blocked the road.")[0] == ("Fed-up", "charged adjective")
    assert ("fed up", "charged adjective") in flagged("The farmers were fed up with delays.")


def test_unlisted_compound_parts_are_judged_alone():
    text = "It was a vicious-looking dog."
    assert ("vicious", "charged adjective") in flagged(text) or "vicious" in words(text)


def test_charged_verb_and_particle_are_one_phrasal_flag():
    text = "The delegates stormed out after the vote."
    assert ("stormed out", "figurative verb") in flagged(text)


def test_intensifier_joins_the_loaded_word_it_modifies():
    text = "The tenants felt utterly betrayed by the landlord."
    out = flagged(text)
    assert out and out[0][0] == "utterly betrayed"
    # alone, a degree adverb is no finding
    assert find_loaded("The bridge was completely rebuilt last year.") == []


def test_plural_label_put_on_people():
    assert ("Leftists", "label") in flagged("Leftists gathered outside the hall.")


def test_self_chosen_group_names_are_not_labels():
    assert find_loaded("Two Democrats and a Baptist minister spoke at the meeting.") == []


def test_definition_words_in_a_neutral_sense_do_not_charge_an_adjective():
    # "virtual" is defined "being actually such in almost every respect": "respect" is an
    # aspect there, not esteem, so the gloss's valence must not make the adjective charged
    assert find_loaded("They held a virtual meeting on Monday.") == []


def test_title_case_headline_is_not_read_as_a_name():
    text = "Senators Lash Out At Budget Office\n\nThe office published its figures."
    assert ("Lash Out", "figurative verb") in flagged(text)
    # the same capitals mid-sentence in prose still read as a name
    assert words("They met at the Vicious Circle Society.") == []


def test_every_shipped_lexicon_is_named_in_the_readme_with_a_licence_and_loads():
    folder = files("reader.resources") / "lexicons"
    readme = (folder / "README.md").read_text(encoding="utf-8")
    rows = {
        line.split("|")[1].strip().strip("`"): line
        for line in readme.splitlines()
        if line.startswith("| `")
    }
    shipped = sorted(p.name for p in folder.iterdir() if p.name.endswith(".json"))
    assert shipped == ["loaded_all.json", "loaded_hot.json"]
    for name in shipped:
        assert name in rows, f"{name} is not in the README's table"
        assert "CC BY-SA 4.0" in rows[name], f"{name} has no licence in the README"
        data = json.loads((folder / name).read_text(encoding="utf-8"))
        # the file names its sources and licence itself, and has entries
        assert "CC BY-SA 4.0" in data["licence"] and "VADER" in data["licence"]
        assert len(data.get("hot") or data["words"]) > 1000


def test_the_licences_that_must_travel_with_the_data_are_installed_beside_it():
    folder = files("reader.resources") / "lexicons"
    assert "Permission is hereby granted" in (folder / "LICENSE-VADER.txt").read_text("utf-8")
    wordnet = (folder / "LICENSE-WordNet.txt").read_text("utf-8")
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in wordnet
