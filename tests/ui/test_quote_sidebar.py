"""The quote model passes Qt's model checks; the texts mark altered words."""

from __future__ import annotations

import re

import pytest

from reader.core.article import Article
from reader.core.results.comparison import Comparison, Quote, QuotePair, QuoteStatus, Summary
from reader.core.worddiff import word_ops
from reader.ui.highlight import LIGHT
from reader.ui.quote_sidebar import (
    HTML_ROLE,
    PAIR_ROLE,
    QuoteModel,
    QuoteSidebar,
    StatusFilter,
    is_term_pair,
    marked_html,
    speaker_text,
)


@pytest.fixture(scope="module")
def sample_comparison(seed_comparison) -> Comparison:
    return seed_comparison


def _altered_pair() -> tuple[Comparison, QuotePair]:
    left_text = "“They give us accolades,” Saludares said."
    right_text = "“They gave us accolades,” she said."
    lq = Quote(1, 23, speaker="Ariana Saludares")
    rq = Quote(1, 23, speaker="Ariana Saludares")
    pair = QuotePair(QuoteStatus.ALTERED, (lq,), (rq,), word_ops(left_text[1:23], right_text[1:23]))
    comparison = Comparison(
        Article.from_text(left_text),
        Article.from_text(right_text),
        (),
        (pair,),
        Summary(0, 0, 0, 0, 0, 0, 0),
    )
    return comparison, pair


def test_the_model_passes_qtmodeltester(qtmodeltester, sample_comparison):
    model = QuoteModel()
    model.set_comparison(sample_comparison, LIGHT)
    qtmodeltester.check(model)
    proxy = StatusFilter()
    proxy.setSourceModel(model)
    proxy.set_status(QuoteStatus.VERBATIM)
    qtmodeltester.check(proxy)


def test_rows_hold_status_speaker_and_both_texts():
    comparison, pair = _altered_pair()
    model = QuoteModel()
    model.set_comparison(comparison, LIGHT)
    assert model.rowCount() == 1 and model.columnCount() == 4
    assert model.index(0, 0).data() == "altered"
    assert model.index(0, 0).data(PAIR_ROLE) is pair
    assert model.index(0, 1).data() == "Ariana Saludares"
    assert model.index(0, 2).data() == "They give us accolades"
    assert model.index(0, 3).data() == "They gave us accolades"
    assert "<s " in model.index(0, 2).data(HTML_ROLE) and "give</s>" in model.index(0, 2).data(
        HTML_ROLE
    )
    assert "gave</u>" in model.index(0, 3).data(HTML_ROLE)
    assert model.index(0, 0).data(1) is not None  # DecorationRole: the status icon


def test_verbatim_and_unpaired_texts_are_not_marked():
    pair = QuotePair(QuoteStatus.ONLY_LEFT, (Quote(0, 5),), (), word_ops("Hello", ""))
    assert marked_html(pair, "left", LIGHT) == "Hello"
    assert marked_html(pair, "right", LIGHT) == ""


def test_speaker_shows_a_change_of_attribution():
    pair = QuotePair(
        QuoteStatus.VERBATIM,
        (Quote(0, 1, speaker="Politico"),),
        (Quote(0, 1, speaker="a statement"),),
    )
    assert speaker_text(pair) == "Politico → a statement"
    assert speaker_text(QuotePair(QuoteStatus.ONLY_RIGHT, (), (Quote(0, 1),))) == "—"


def test_the_sidebar_is_keyboard_navigable(qtbot, sample_comparison):
    from PySide6.QtCore import Qt

    sidebar = QuoteSidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_comparison(sample_comparison, LIGHT)
    sidebar.show()
    seen = []
    sidebar.pair_selected.connect(seen.append)
    sidebar.table.setFocus()
    sidebar.select_row(0)
    qtbot.keyClick(sidebar.table, Qt.Key.Key_Down)
    listed = [p for p in sample_comparison.quote_pairs if not is_term_pair(p)]  # terms hidden
    assert seen == listed[:2]
    assert HTML_ROLE != PAIR_ROLE


def test_ctrl_c_in_the_sidebar_copies_the_selected_pair(qtbot, sample_comparison):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from reader.ui.highlight import LIGHT
    from reader.ui.quote_sidebar import QuoteSidebar

    sidebar = QuoteSidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_comparison(sample_comparison, LIGHT)
    sidebar.show()
    row = next(
        r
        for r in range(sidebar.proxy.rowCount())
        if "accolades" in sidebar.proxy.index(r, 3).data()
    )
    sidebar.select_row(row)
    sidebar.table.setFocus()
    qtbot.keyClick(sidebar.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert copied.startswith("merged: Ariana Saludares")
    assert "Original: “I cannot stand" in copied and "They give us" in copied
    assert "Rewrite: “I cannot stand" in copied and "They gave us" in copied


def test_a_merged_quotation_shows_where_its_parts_were_joined(qtbot, sample_comparison):
    sidebar = QuoteSidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_comparison(sample_comparison, LIGHT)
    sidebar.show()
    merged = [
        r
        for r in range(sidebar.proxy.rowCount())
        if sidebar.proxy.index(r, 0).data(PAIR_ROLE).status is QuoteStatus.MERGED
    ]
    assert merged
    for row in merged:
        pair = sidebar.proxy.index(row, 0).data(PAIR_ROLE)
        shown = sidebar.proxy.index(row, 2).data()  # the original held two quotations
        parts = [q.text(sample_comparison.left.text) for q in pair.left]
        assert shown == " [...] ".join(parts)
        assert "[...]" in sidebar.proxy.index(row, 2).data(HTML_ROLE)
        assert "[...]" not in sidebar.proxy.index(row, 3).data()  # the rewrite's one quotation


def test_join_marks_stay_outside_the_word_marks():
    left_text = "“We stay here,” she said. “They do not,” she added."
    right_text = "“We stay here, they do not,” she said."
    lefts = (Quote(1, 13), Quote(27, 38))
    rights = (Quote(1, 27),)
    ops = word_ops("We stay here They do not", "We stay here, they do not")
    pair = QuotePair(QuoteStatus.MERGED, lefts, rights, ops)
    from reader.ui.quote_sidebar import part_joins

    joins = part_joins(pair, "left", left_text)
    assert joins == (12,)
    html = marked_html(pair, "left", LIGHT, joins)
    assert html.replace("&nbsp;", " ").count("[...]") == 1
    assert not re.search(r"<[su][^>]*>[^<]*\[\.\.\.\]", html)  # the join is not marked
    assert part_joins(pair, "right", right_text) == ()  # one quotation: nothing joined


def test_the_speaker_header_explains_the_arrow(sample_comparison):
    from PySide6.QtCore import Qt

    model = QuoteModel()
    model.set_comparison(sample_comparison, LIGHT)
    tip = model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "A → B" in tip and "original" in tip and "rewrite" in tip
    pair = QuotePair(
        QuoteStatus.VERBATIM,
        (Quote(0, 1, speaker="Politico"),),
        (Quote(0, 1, speaker="a statement"),),
    )
    from reader.ui.quote_sidebar import speaker_tooltip

    assert speaker_tooltip(pair) == "Original: Politico\nRewrite: a statement"


def test_quoted_terms_are_hidden_until_asked_for(qtbot, sample_comparison):
    from PySide6.QtCore import Qt

    sidebar = QuoteSidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_comparison(sample_comparison, LIGHT)
    sidebar.show()
    pairs = sample_comparison.quote_pairs
    terms = [p for p in pairs if is_term_pair(p)]
    assert terms, "the sample pair quotes a name (a program) as a term"
    assert not sidebar.terms_box.isChecked()
    listed = [sidebar.proxy.index(r, 0).data(PAIR_ROLE) for r in range(sidebar.proxy.rowCount())]
    assert not any(p in listed for p in terms)
    assert sidebar.count_label.text() == f"{len(pairs) - len(terms)} of {len(pairs)}"
    qtbot.mouseClick(sidebar.terms_box, Qt.MouseButton.LeftButton)
    assert sidebar.terms_box.isChecked()
    assert sidebar.proxy.rowCount() == len(pairs)
    assert sidebar.count_label.text() == f"{len(pairs)} of {len(pairs)}"
