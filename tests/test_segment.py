"""Sentence and paragraph segmentation: what counts as one sentence, with exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.segment import paragraph_spans, sentence_spans


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."]),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        ("It cost 1.5 million. Nobody paid.", ["It cost 1.5 million.", "Nobody paid."]),
        (
            "“It’s bad. It’s worse,” she said. Then she left.",
            ["“It’s bad. It’s worse,” she said.", "Then she left."],
        ),
        ('"Go. Now," he said. We went.', ['"Go. Now," he said.', "We went."]),
        ("He said: “We are done.” Then silence.", ["He said: “We are done.”", "Then silence."]),
        ("Wait... What happened? Nothing.", ["Wait...", "What happened?", "Nothing."]),
        ("lower case. after a stop", ["lower case. after a stop"]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


def test_headline_line_is_its_own_sentence():
    text = "Liberals Storm Out Of Meeting\nAdvocates left the call. They were angry."
    assert sentences(text) == [
        "Liberals Storm Out Of Meeting",
        "Advocates left the call.",
        "They were angry.",
    ]


def test_unclosed_quote_paragraph_still_splits():
    # A quotation running on into the next paragraph has no closing mark here,
    # so its full stops end sentences as usual.
    text = "“I think they are afraid. We will remind them.\n“We don’t believe it.”"
    assert sentences(text) == [
        "“I think they are afraid.",
        "We will remind them.",
        "“We don’t believe it.”",
    ]


def test_paragraphs_are_trimmed_lines():
    text = "  First line.  \n\n\tSecond line.\r\n"
    assert [text[s:e] for s, e in paragraph_spans(text)] == ["First line.", "Second line."]


@given(st.text())
def test_sentences_cover_every_non_space_character_in_order(text):
    spans = list(sentence_spans(text))
    covered = set()
    last_end = 0
    for start, end in spans:
        assert last_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert "\n" not in text[start:end]
        covered.update(range(start, end))
        last_end = end
    assert all(k in covered for k, c in enumerate(text) if not c.isspace())


def test_a_stray_straight_quote_does_not_glue_the_paragraph_together():
    text = (
        'She wrote the newsletter "Cross Currents. She loves music. '
        'He said "yes." Then he left. It rained.'
    )
    assert len(sentences(text)) >= 4


def test_very_long_quotation_is_split_into_sentences():
    quoted = " ".join(f"Sentence number {k} is here." for k in range(80))
    text = f"“{quoted}” she said."
    assert len(sentences(text)) == 80


_SPACES = "\n \t\r\x0b\x0c\x1c\x1f\x85\xa0\u2028\u2009\u3000\u200b"  # \u200b is no space


@given(st.text(alphabet=st.sampled_from("ab." + _SPACES)))
def test_paragraphs_are_the_non_blank_lines_with_outer_spaces_trimmed(text):
    # Trimmed as str.strip() trims: every Unicode space, not only ASCII ones.
    expected, offset = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + len(line) - len(line.lstrip())
            expected.append((start, start + len(stripped)))
        offset += len(line) + 1
    assert list(paragraph_spans(text)) == expected


_LINES = st.lists(
    st.sampled_from(["It ended.", " ", "\n", "\n\n", "Then", "”", '"', "?", "…", "Mr.", "3", "\t"]),
    max_size=30,
).map("".join)


@given(_LINES)
def test_sentence_ends_are_looked_for_within_the_line_only_without_changing_a_cut(text):
    import re

    from reader.core import segment

    # The scan once looked past line ends too: a mark ending a paragraph matched
    # and then cut nothing. Looking within the line must cut exactly the same.
    across_lines = re.compile(segment._BOUNDARY.pattern.replace(r"[^\S\n]+", r"\s+"))
    assert across_lines.pattern != segment._BOUNDARY.pattern
    paragraphs = list(paragraph_spans(text))
    within = list(sentence_spans(text, paragraphs))
    saved = segment._BOUNDARY
    segment._BOUNDARY = across_lines
    try:
        assert within == list(sentence_spans(text, paragraphs))
    finally:
        segment._BOUNDARY = saved
