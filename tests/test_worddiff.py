"""Word diff: rebuilds both sides, keeps words whole, keeps content words as equal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core import worddiff
from reader.core.worddiff import side_text, tokenize, word_ops


def test_changed_word_is_one_edit():
    ops = word_ops("They give us accolades", "They gave us accolades")
    assert [tuple(op) for op in ops] == [
        ("=", "They "),
        ("-", "give"),
        ("+", "gave"),
        ("=", " us accolades"),
    ]


def test_insertion_inside_a_sentence():
    ops = word_ops(
        "Advocates left a virtual meeting.",
        "Advocates completely disrespected the White House and left a virtual meeting.",
    )
    inserted = "".join(op.text for op in ops if op.tag == "+")
    assert "completely disrespected" in inserted
    assert ("=", "Advocates ") == tuple(ops[0])
    assert any(op.tag == "=" and "virtual meeting" in op.text for op in ops)


def test_function_word_equalities_do_not_make_confetti():
    ops = word_ops(
        "The administration said it was looking to restart the program next month.",
        "Last week, the Biden administration said it would restart the program in November.",
    )
    kept = [op.text for op in ops if op.tag == "="]
    assert " the " not in kept and "the " not in kept
    assert any("restart the program" in text for text in kept)


def test_words_are_never_split():
    ops = word_ops("The cat sat.", "The category sat.")
    assert ("-", "cat") in [tuple(op) for op in ops]
    assert ("+", "category") in [tuple(op) for op in ops]


@given(st.text(), st.text())
def test_ops_rebuild_both_sides(left, right):
    ops = word_ops(left, right)
    assert side_text(ops, "left") == left
    assert side_text(ops, "right") == right
    assert all(op.text for op in ops)
    assert all(a.tag != b.tag for a, b in zip(ops, ops[1:], strict=False))


@given(st.text())
def test_tokenize_joins_back(text):
    assert "".join(tokenize(text)) == text


def test_function_words_next_to_a_punctuation_edit_stay_kept():
    ops = [tuple(op) for op in word_ops("pretending They give us", "pretending. They gave us")]
    assert ("-", "give") in ops and ("+", "gave") in ops
    assert ("=", " They ") in ops


_PROSE = st.lists(
    st.sampled_from(["the", "They", "give", "gave", "us", ",", ".", " ", "  ", "café", "’s", "🙂"]),
    max_size=40,
).map("".join)


@pytest.mark.skipif(worddiff.fast_diff_match_patch is None, reason="no C++ diff-match-patch here")
@given(_PROSE, _PROSE)
def test_the_cpp_port_diffs_as_the_python_one(left, right):
    # Codes of tokens, as word_ops makes them: the two implementations must agree
    # op for op, or the same pair would be coloured differently on another machine.
    tokens = list(dict.fromkeys(tokenize(left) + tokenize(right)))
    codes = dict(zip(tokens, worddiff._CODES, strict=False))
    a = "".join(codes[t] for t in tokenize(left))
    b = "".join(codes[t] for t in tokenize(right))
    assert worddiff._diff_native(a, b, 0.5) == worddiff._diff_python(a, b, 0.5)


def test_word_ops_are_the_same_without_the_cpp_port(monkeypatch):
    pairs = [
        ("They give us accolades", "They gave us accolades"),
        ("Advocates left a virtual meeting.", "Advocates completely disrespected and left."),
        ("pretending They give us", "pretending. They gave us"),
    ]
    native = [word_ops(a, b) for a, b in pairs]
    monkeypatch.setattr(worddiff, "fast_diff_match_patch", None)
    assert [word_ops(a, b) for a, b in pairs] == native
