"""The HTML report: the changes in meaning with both texts, escaped; quotation statuses by label."""

from __future__ import annotations

import re

import pytest

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.results.comparison import (
    Change,
    Comparison,
    Finding,
    FindingKind,
    QuoteStatus,
    Summary,
)
from reader.core.results.labels import QUOTE_STATUS, capitalised
from reader.core.results.report import render_html


@pytest.fixture(scope="module")
def sample(seed_comparison) -> Comparison:
    return seed_comparison


def _findings_rows(html: str) -> list[list[str]]:
    table = html[html.index('<table class="findings"') :]
    table = table[: table.index("</table>")]
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in table.split("<tr")[2:]]


def test_findings_follow_the_summary_weightiest_first_with_both_texts(sample):
    html = render_html(sample)
    assert html.index('class="summary"') < html.index("<h2>Changes in meaning</h2>")
    assert html.index("<h2>Changes in meaning</h2>") < html.index('<table class="texts"')
    rows = _findings_rows(html)
    assert len(rows) == len(sample.findings)
    source = next(
        r for r in rows if r[4] == "source dropped: according to a report"
    )  # dropped from the original: the original's column holds the words
    assert source[:2] == ["Attribution", "− dropped"] and source[3] == "according to a report"
    verb = next(r for r in rows if r[4].startswith("reporting verb changed: told"))
    assert verb[2] == "explained" and verb[3] == "told"  # rewrite's words, original's words
    assert [r[4] for r in rows][0] == sample.findings[0].why.replace(">", "&gt;")


def test_finding_texts_are_escaped():
    left = Article.from_text("A <b>calm</b> day.")
    right = Article.from_text("A <i>riot</i> day.")
    finding = Finding(
        FindingKind.LOADED, Change.CHANGED, "right", 2, 13, "loaded: <calm> -> <riot>", 0.9, (2, 13)
    )
    comparison = Comparison(left, right, (), (), Summary(0, 0, 0, 0, 0, 0, 0), (finding,))
    html = render_html(comparison)
    rows = _findings_rows(html)
    assert rows == [
        [
            "Loaded wording",
            "≠ changed",
            "&lt;i&gt;riot&lt;/i&gt;",
            "&lt;b&gt;calm&lt;/b&gt;",
            "loaded: &lt;calm&gt; -&gt; &lt;riot&gt;",
        ]
    ]
    assert "<i>riot" not in html and "1 change in meaning." in html


def test_no_findings_no_table():
    article = Article.from_text("Same words.")
    assert "Changes in meaning" not in render_html(compare(article, article))


def test_merged_quotations_are_labelled_in_the_quote_table(sample):
    html = render_html(sample)
    merged = [p for p in sample.quote_pairs if p.status is QuoteStatus.MERGED]
    assert merged
    label = capitalised(QUOTE_STATUS[QuoteStatus.MERGED])
    assert html.count(f'<tr class="merged"><td class="status">{label}</td>') == len(merged)


def test_self_contained_no_script_and_a_policy_forbidding_both(sample):
    html = render_html(sample)
    assert "<script" not in html.lower() and "http://" not in html and "https://" not in html
    assert "src=" not in html and "@import" not in html and "url(" not in html
    assert (
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
    ) in html


def test_word_marks_inside_reworded_blocks_keep_their_own_colour_and_cue():
    left = Article.from_text("The storm hit the coast at dawn on Monday.")
    right = Article.from_text("The violent storm hit the coast on Monday.")
    html = render_html(compare(left, right))
    row = re.search(r'<tr class="changed"[^>]*>(.*?)</tr>', html, re.S).group(1)
    original, glyph, rewrite = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert '<span class="omitted"><s> at dawn</s></span>' in original
    assert '<span class="added"><u>violent</u></span>' in rewrite  # inside the finding's span
    assert '<span class="finding" title="Loaded wording: subjective added: violent">' in rewrite
    assert glyph == "≠"
    # A reworded block tints its cells; no span carries both marks, so no rule overrides another.
    assert re.search(r'<td class="left changed">', row) and 'class="changed ' not in row


def test_texts_are_escaped_in_the_side_by_side_table():
    left = Article.from_text("A <b>calm</b> & quiet day.")
    right = Article.from_text('A <i>"riot"</i> & quiet day.')
    html = render_html(compare(left, right))
    body = html[html.index('<table class="texts"') :]
    assert "<b>" not in body and "<i>" not in body and "&lt;b&gt;" in body
    assert "&amp; quiet" in body and "&lt;i&gt;&quot;" in body
