"""The name index: answers found run by run are those of reading every run."""

from __future__ import annotations

import pytest

from reader.core.spin.name_index import NameIndex

TEXT = (
    "The U.S. Senate met in Washington on Monday. Senator Ana Moreau, of the "
    "Department of Homeland Security (DHS) spoke, and Moreau said America would act. "
    "John F. Kennedy's library and the St. Louis Cardinals were named. Smith wrote. "
    "The UK and the Federal Bureau of Investigation replied; O'Brien's aides agreed."
)
WORDS = (
    "moreau ana senate states united us dhs fbi smith kennedy john louis cardinals uk kingdom "
    "america o'brien washington monday department security nobody xyz uss stlc".split()
)


def answers(index: NameIndex) -> list:
    out = []
    for w in WORDS:
        out.append(
            (
                index.has_key(w),
                index.has_word(w),
                index.has_last(w),
                index.has_capital(w),
                index.is_surname(w),
                index.has_initialism(w),
                sorted(index.expansions(w)),
            )
        )
    for key in (
        "ana moreau",
        "united states senate",
        "united states",
        "united kingdom",
        "john f kennedy",
        "federal bureau of investigation",
        "st louis cardinals",
    ):
        out.append(index.has_key(key))
    return out


def test_lazy_answers_equal_those_of_reading_every_run():
    lazy = NameIndex(TEXT)
    eager = NameIndex(TEXT)
    eager._read_all()
    assert answers(lazy) == answers(eager)
    assert answers(NameIndex(TEXT, eager=True)) == answers(eager)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("dhs", ["department of homeland security"]), ("fbi", ["federal bureau of investigation"])],
)
def test_acronyms_are_spelled_out(word, expected):
    assert NameIndex(TEXT).expansions(word) == expected


def test_spellings_fold_to_one_name():
    index = NameIndex(TEXT)
    assert index.has_key("united states senate")  # "U.S. Senate"
    assert index.has_key("united states")  # "America"
    assert index.has_key("united kingdom")  # "UK"
    assert index.is_surname("moreau") and not index.is_surname("senate")
    assert not index.has_key("nobody")


def test_initials_indexed_after_many_questions_give_the_same_answers():
    index = NameIndex(TEXT)
    for k in range(40):  # past the questions looked up one by one
        index.has_initialism(f"q{k}")
    assert index.expansions("dhs") == ["department of homeland security"]
    assert index.has_initialism("uss")  # "U.S. Senate" is the united states senate
