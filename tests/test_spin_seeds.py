"""The sample pair's changes in meaning: what a fact-checker must be shown, and what not."""

from __future__ import annotations

import re

import pytest

from reader.core.compare import compare
from reader.core.load.loader import load
from reader.core.results.comparison import FindingKind


@pytest.fixture(scope="module")
def comparison(seed_paths):
    return compare(load(str(seed_paths[0])), load(str(seed_paths[1])))


def found(comparison, kind: FindingKind, side: str | None = None):
    """(change, side, text, counterpart text, why) of the findings of ``kind``."""
    texts = {"left": comparison.left.text, "right": comparison.right.text}
    out = []
    for f in comparison.findings:
        if f.kind is kind and (side is None or f.side == side):
            c = f.counterpart
            other = texts[f.other_side][c[0] : c[1]] if c else None
            out.append((f.change.value, f.side, texts[f.side][f.start : f.end], other, f.why))
    return out


def test_sources_dropped_and_hedges_added_are_attribution_findings(comparison):
    attribution = found(comparison, FindingKind.ATTRIBUTION)
    texts = {(change, side, text) for change, side, text, _, _ in attribution}
    assert ("dropped", "left", "according to a report") in texts
    assert ("dropped", "left", "the report said") in texts
    assert ("added", "right", "Apparently") in texts
    assert ("added", "right", "allegedly") in texts


def test_told_became_explained_to_and_blasting_became_said(comparison):
    verbs = {
        (text, other, why)
        for _, _, text, other, why in found(comparison, FindingKind.ATTRIBUTION)
        if why.startswith("reporting verb")
    }
    assert (
        "explained",
        "told",
        "reporting verb changed: told -> explained (now presents it as true)",
    ) in verbs
    assert any(other == "blasting" and text == "said" for text, other, _ in verbs)


def test_joined_quotations_are_merged_with_the_altered_word_shown(comparison):
    quotes = found(comparison, FindingKind.QUOTE)
    merged = [q for q in quotes if "joined" in q[4]]
    saludares = next(q for q in merged if q[2].startswith("I cannot stand"))
    assert saludares[0] == "changed" and saludares[1] == "right"
    assert "“give” -> “gave”" in saludares[4] and "Ariana Saludares" in saludares[4]
    assert saludares[3].startswith("I cannot stand") and saludares[3].endswith("from our back")
    guerra = next(q for q in merged if q[2].startswith("I think they’re afraid"))
    assert "Luis Guerra" in guerra[4]


def test_the_dropped_quotations_are_saludares_last_two(comparison):
    dropped = [q for q in found(comparison, FindingKind.QUOTE) if q[0] == "dropped"]
    assert [" ".join(q[2].split()[:3]) for q in dropped] == ["It’s almost like", "It is as"]
    assert all(q[1] == "left" and "Ariana Saludares" in q[4] for q in dropped)


def test_verbatim_quotations_are_not_findings(comparison):
    texts = [q[2] for q in found(comparison, FindingKind.QUOTE)]
    assert not any(t.startswith("We have sadly reached") for t in texts)
    assert not any(t.startswith("We are incredibly thankful") for t in texts)


def test_the_closing_paragraph_with_its_record_figure_is_an_omission(comparison):
    dropped = [q for q in found(comparison, FindingKind.OMISSION) if q[0] == "dropped"]
    assert any("arrests hit a record 1.5 million in fiscal 2021" in q[2] for q in dropped)
    # Names alone make no omission: the clause about Guerra is the merged quotation's finding.
    assert not any(q[2].startswith("also known as the Migrant Protection") for q in dropped)


def test_loaded_fact_and_attribution_findings_cover_at_most_12_percent_of_words(comparison):
    kinds = {FindingKind.LOADED, FindingKind.FACT, FindingKind.ATTRIBUTION}
    for side in ("left", "right"):
        text = getattr(comparison, side).text
        words = [m.span() for m in re.finditer(r"\w+", text)]
        spans = [
            (f.start, f.end) for f in comparison.findings if f.kind in kinds and f.side == side
        ]
        covered = sum(1 for s, e in words if any(a < e and s < b for a, b in spans))
        assert covered <= 0.12 * len(words), (side, covered, len(words))


def test_loaded_words_added_in_the_rewrite_and_dropped_from_the_original(comparison):
    loaded = {
        (change, side, text) for change, side, text, _, _ in found(comparison, FindingKind.LOADED)
    }
    for text in ("Liberals", "Storm Out", "completely disrespected"):
        assert ("added", "right", text) in loaded, text
    for text in ("Fed-up", "blasting"):
        assert ("dropped", "left", text) in loaded, text
    assert not any(text.lower() == "virtual" for _, _, text in loaded)


def test_the_headlines_loaded_words_are_the_weightiest_loaded_findings(comparison):
    headline = comparison.right.text.split("\n", 1)[0]
    first = next(f for f in comparison.findings if f.kind is FindingKind.LOADED)
    assert first.side == "right" and first.end <= len(headline)
    assert first.why.startswith("headline: ")


def test_next_month_became_in_november_and_guerras_age_was_dropped(comparison):
    facts = found(comparison, FindingKind.FACT)
    assert ("changed", "right", "in November", "next month") in {f[:4] for f in facts}
    assert any(f[0] == "dropped" and f[1] == "left" and f[2] == "32-year-old" for f in facts)


@pytest.mark.parametrize(
    "same_fact", ["United States", "Department of Homeland Security", "40-year-old", "In August"]
)
def test_the_same_fact_written_another_way_is_no_fact_finding(comparison, same_fact):
    assert not any(same_fact in f[2] for f in found(comparison, FindingKind.FACT))
