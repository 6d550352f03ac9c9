"""The quote model passes Qt's model checks; the texts mark altered words."""

from __future__ import annotations

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
    assert seen == list(sample_comparison.quote_pairs[:2])
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
