"""The spin stage on small texts of our own: each kind of finding, and what must not be one."""

from __future__ import annotations

import re

import pytest

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.results.comparison import Change, FindingKind


def findings(left: str, right: str, kind: FindingKind | None = None):
    comparison = compare(Article.from_text(left), Article.from_text(right))
    texts = {"left": comparison.left.text, "right": comparison.right.text}
    out = []
    for f in comparison.findings:
        if kind is None or f.kind is kind:
            out.append((f.change.value, f.side, texts[f.side][f.start : f.end], f.why))
    return out


def test_a_source_dropped_from_an_aligned_sentence_is_found():
    left = "The council approved the budget on Tuesday, according to a report by the town clerk."
    right = "The council approved the budget on Tuesday."
    found = findings(left, right, FindingKind.ATTRIBUTION)
    assert [(c, s, t) for c, s, t, _ in found] == [
        ("dropped", "left", "according to a report by the town clerk")
    ]


def test_a_claim_whose_source_became_a_hedge_gives_both_findings():
    left = "The study said tensions between the two agencies have grown for years."
    right = "Apparently, tensions between the two agencies have grown for years."
    found = {(c, s, t) for c, s, t, _ in findings(left, right, FindingKind.ATTRIBUTION)}
    assert found == {("dropped", "left", "The study said"), ("added", "right", "Apparently")}


def test_according_to_names_its_source_to_the_end_of_the_clause():
    left = "Inflation will fall next year, according to the central bank, which met on Tuesday."
    right = (
        "Inflation will fall next year, according to the finance ministry, which met on Tuesday."
    )
    ((change, side, text, why),) = findings(left, right, FindingKind.ATTRIBUTION)
    assert (change, text) == ("changed", "according to the finance ministry")
    assert why == "source changed: central bank -> finance ministry"


def test_a_source_replaced_by_another_is_changed_and_a_kept_one_is_nothing():
    left = "The mayor will resign in May, according to the Herald."
    right = "The mayor will resign in May, according to the Tribune."
    assert findings(left, right, FindingKind.ATTRIBUTION) == [
        ("changed", "right", "according to the Tribune", "source changed: herald -> tribune")
    ]
    kept = "The Herald reported that the mayor will resign in May."
    assert findings(left, kept, FindingKind.ATTRIBUTION) == []


@pytest.mark.parametrize(
    ("old", "new", "now"),
    [
        ("said", "admitted", "presents it as true"),
        ("said", "claimed", "flags it as a claim"),
        ("criticised the plan, saying", "slammed the plan, saying", None),
        ("told reporters", "explained to reporters", "presents it as true"),
        ("admitted", "denied", "presents it as denied"),
    ],
)
def test_a_reporting_verb_of_another_strength_is_a_change(old, new, now):
    left = f"The minister {old} that the contract had been signed in March."
    right = f"The minister {new} that the contract had been signed in March."
    found = [f for f in findings(left, right, FindingKind.ATTRIBUTION) if "verb" in f[3]]
    if now is None:  # "criticise" is no reporting verb here, "saying" is kept: nothing to pair
        assert found == []
        return
    ((change, side, text, why),) = found
    assert (change, side) == ("changed", "right") and text == new.split()[0]
    assert why.endswith(f"(now {now})")


def test_reporting_verbs_of_one_strength_and_moved_hedges_are_not_findings():
    left = "The minister said that the contract was allegedly signed in March by the firm."
    right = "Allegedly the minister stated that the contract was signed in March by the firm."
    assert findings(left, right, FindingKind.ATTRIBUTION) == []


def test_words_inside_a_quotation_are_the_speakers_not_the_writers():
    left = "“The plan failed,” the mayor said on Monday."
    right = "“The plan clearly failed,” the mayor said on Monday."
    assert findings(left, right, FindingKind.ATTRIBUTION) == []


def test_a_quotation_dropped_added_altered_and_joined():
    left = (
        "The mayor spoke on Monday.\n"
        "“We will rebuild the bridge,” she said.\n"
        "“It will take two years,” said the mayor, who was elected in May.\n"
        "“Taxes will not rise,” she added."
    )
    right = (
        "The mayor spoke on Monday.\n"
        "“We will rebuild the bridge. It will take three years,” she said.\n"
        "“Nobody will be left behind,” the mayor promised."
    )
    found = findings(left, right, FindingKind.QUOTE)
    by_change = {}
    for change, side, text, why in found:
        by_change.setdefault(change, []).append((side, text, why))
    assert [(s, t) for s, t, _ in by_change["dropped"]] == [("left", "Taxes will not rise")]
    assert [(s, t) for s, t, _ in by_change["added"]] == [("right", "Nobody will be left behind")]
    ((side, text, why),) = by_change["changed"]
    assert side == "right" and text.startswith("We will rebuild") and text.endswith("three years")
    assert why.startswith("two quotations joined into one: “two” -> “three”")


def test_a_verbatim_quotation_and_identical_texts_give_no_finding():
    text = "“We will rebuild the bridge,” the mayor said, according to the Herald."
    assert findings(text, text) == []
    assert findings(text, "Rain fell. " + text, FindingKind.QUOTE) == []


def test_findings_come_weightiest_first_with_their_text_and_counterpart_in_the_json():
    left = "The study said prices rose sharply.\n“Costs will rise,” the minister said."
    right = "Apparently prices rose sharply.\nThe minister spoke."
    comparison = compare(Article.from_text(left), Article.from_text(right))
    data = comparison.to_json()
    weights = [f["weight"] for f in data["spin"]]
    assert weights == sorted(weights, reverse=True) and data["spin"]
    for f in data["spin"]:
        own = data[f["side"]]["text"]
        assert own[f["start"] : f["end"]] == f["text"]
        if f["counterpart"]:
            other = data[f["counterpart"]["side"]]["text"]
            c = f["counterpart"]
            assert c["side"] != f["side"] and other[c["start"] : c["end"]] == c["text"]
    counts = data["summary"]["spin"]
    assert sum(n for changes in counts.values() for n in changes.values()) == len(data["spin"])
    assert counts["quote"] == {"dropped": 1}
    assert set(counts) == {k.value for k in FindingKind}
    assert Change.DROPPED.value in counts["attribution"]


def test_a_dropped_paragraph_with_figures_is_an_omission_weighed_by_what_it_carries():
    left = (
        "The council met on Monday.\n"
        "It approved the new budget after a long debate.\n"
        "Spending on roads rose 12 percent to $4 million, the treasurer said."
    )
    right = "The council met on Monday.\nIt approved the new budget after a long debate."
    (omission,) = findings(left, right, FindingKind.OMISSION)
    change, side, text, why = omission
    assert (change, side) == ("dropped", "left") and text.startswith("Spending on roads")
    assert "figures or dates" in why and "1 source" in why


def test_a_dropped_transition_carries_nothing_and_is_no_finding():
    left = "The council met on Monday.\nIn other business, the meeting ran long and ended late.\n"
    right = "The council met on Monday.\n"
    assert findings(left, right, FindingKind.OMISSION) == []


def test_a_clause_dropped_inside_a_sentence_is_an_omission_but_a_reordered_one_is_not():
    left = "“We will appeal,” said Ortega, who met the judge in Denver on Friday with two lawyers."
    right = "“We will appeal,” said Ortega."
    ((change, side, text, why),) = findings(left, right, FindingKind.OMISSION)
    assert (change, side) == ("dropped", "left") and "Denver" in text and "figure or date" in why
    moved = (
        "Ortega, who met the judge in Denver on Friday with two lawyers, said: “We will appeal.”"
    )
    assert findings(left, moved, FindingKind.OMISSION) == []


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (
            "The minister did not resign on Monday.",
            "The minister resigned on Monday.",
            ("dropped", "left", "not"),
        ),
        (
            "Officials found no evidence of fraud in the vote.",
            "Officials found evidence of fraud in the vote.",
            ("dropped", "left", "no"),
        ),
        (
            "The protest was peaceful, the police said.",
            "The protest was not peaceful, the police said.",
            ("added", "right", "not"),
        ),
        (
            "The mayor isn't running again next year.",
            "The mayor is running again next year.",
            ("dropped", "left", "isn't"),
        ),
    ],
)
def test_a_negation_dropped_or_added_reverses_the_claim(left, right, expected):
    found = findings(left, right, FindingKind.FACT)
    assert [(c, s, t) for c, s, t, why in found if why.startswith("negation")] == [expected]


def test_a_paraphrase_that_loses_a_not_is_no_reversal():
    left = "The senator did not attend the hearing on Tuesday."
    right = "The senator skipped the hearing on Tuesday."
    assert not [f for f in findings(left, right, FindingKind.FACT) if f[3].startswith("negation")]


def test_spans_matching_finds_the_spans_holding_a_pattern_or_a_word():
    from reader.core.spin.context import spans_matching

    text = "No figure here. It cost 3 dollars. They said so. Nothing; saidx is no word."
    spans = [(0, 15), (16, 34), (35, 48), None, (49, len(text))]
    assert spans_matching(text, spans, re.compile("[0-9]")) == {1}
    assert spans_matching(text, spans, None, frozenset({"said"})) == {2}
    assert spans_matching(text, spans, re.compile("[0-9]"), frozenset({"nothing"})) == {1, 4}
    assert spans_matching(text, [], re.compile("x")) == set()


def test_what_runs_before_the_quotations_are_paired_reads_none_of_them(seed_paths):
    # compare() runs the first parts of TWO_PARTS while the worker still pairs the
    # quotations: a part that read them would see none and miss what they show.
    from reader.core.align.aligner import align
    from reader.core.quotes.find import extract_quotes
    from reader.core.quotes.pairing import pair_quotes
    from reader.core.spin.context import SpinContext
    from reader.core.spin.stage import TWO_PARTS, before_quotes, find_spin

    left, right = (Article.from_text(p.read_text(encoding="utf-8")) for p in seed_paths)
    blocks = align(left, right)
    pairs = pair_quotes(left, extract_quotes(left), right, extract_quotes(right))
    early_ctx = SpinContext(left, right, blocks, ())
    begun = before_quotes(early_ctx)
    early_ctx.set_quote_pairs(pairs)
    for detector, (first, _) in TWO_PARTS.items():
        assert begun[detector] == first(SpinContext(left, right, blocks, pairs)) != []
    whole = find_spin(SpinContext(left, right, blocks, pairs))
    assert find_spin(early_ctx, begun) == whole
    assert {f.kind for f in whole} >= {FindingKind.FACT, FindingKind.LOADED}


def test_loaded_words_inside_a_quotation_are_dropped_after_the_quotations_are_paired():
    # The loaded detector's first part keeps them; its second drops them (not scare quotes).
    left = 'The mayor said the plan was fine. "It is a good plan," she said.'
    right = 'The mayor said the plan was fine. "It is a disastrous plan," she said.'
    assert findings(left, right, FindingKind.LOADED) == []
    from reader.core.spin import loaded
    from reader.core.spin.context import SpinContext

    c = compare(Article.from_text(left), Article.from_text(right))
    first = loaded.candidates(SpinContext(c.left, c.right, c.blocks, ()))
    assert [right[f.start : f.end] for f, quotable in first] == ["disastrous"]
    assert (
        loaded.outside_quotations(SpinContext(c.left, c.right, c.blocks, c.quote_pairs), first)
        == []
    )


def test_a_quotation_added_or_changed_names_the_loaded_words_it_carries():
    left = "The mayor spoke on Monday about the new budget for the city."
    right = (
        "The mayor spoke on Monday about the new budget for the city. “They are liars, "
        "and it is a disgrace,” said Tom Reed, a council member."
    )
    ((change, side, text, why),) = findings(left, right, FindingKind.QUOTE)
    assert (change, side) == ("added", "right") and text.startswith("They are liars")
    assert why == "quotation added, with loaded words “liars”, “disgrace” (Tom Reed)"
    plain = right.replace("liars", "tired").replace("a disgrace", "late")
    ((_, _, _, why),) = findings(left, plain, FindingKind.QUOTE)
    assert why == "quotation added (Tom Reed)"
    # Inside a quotation the words are the speaker's: no loaded finding of the writer.
    assert findings(left, right, FindingKind.LOADED) == []
    (altered,) = findings(
        "“We will look at the plan,” said Tom Reed.",
        "“We will destroy the plan,” said Tom Reed.",
        FindingKind.QUOTE,
    )
    assert altered[3].endswith("; loaded words added “destroy” (Tom Reed)")


def test_a_loaded_word_moved_within_a_quotation_is_neither_added_nor_dropped():
    left = "“The radical plan is a disgrace for the city and for all of us here,” said Tom Reed."
    right = "“For the city and for all of us here, the radical plan is a disgrace,” said Tom Reed."
    for _, _, _, why in findings(left, right, FindingKind.QUOTE):
        assert "loaded words" not in why
