"""The "Changes in meaning" panel, the findings' marks, F8 stepping and the faint toggle.

Counts change as the spin stage learns more kinds, so each test looks its
findings up in ``window.comparison.findings`` instead of counting them.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reader.core.results.comparison import Change, FindingKind
from reader.core.results.labels import FINDING_KIND, capitalised
from reader.core.results.marks import MarkKind, side_marks
from reader.ui.highlight import (
    DARK,
    FAINT_SHARE,
    FINDING_PROPERTY,
    LIGHT,
    blend,
    contrast_ratio,
)
from reader.ui.spin_panel import FINDING_ROLE, FindingModel

from .conftest import trigger_menu, window_action


def _find(window, kind, why_part):
    """The index of the sample pair's finding of ``kind`` whose ``why`` contains ``why_part``."""
    for number, finding in enumerate(window.comparison.findings):
        if finding.kind is kind and why_part in finding.why:
            return number
    raise AssertionError(f"no {kind} finding saying {why_part!r}")


def _click_row(qtbot, window, number):
    tree = window.spin_panel.tree
    index = window.spin_panel.model.index_of(number, 1)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    assert rect.isValid()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _covers(pane, span):
    """Whether ``pane``'s selection (or caret) and its view hold ``span``'s start."""
    start, end = pane.selected_span()
    top = pane.scroll_value()
    y = pane.span_y(span[0], span[0])[0]
    return (start, end) in (span, (span[0], span[0])) and top <= y <= top + pane.page_height()


def test_the_model_passes_qtmodeltester(qtmodeltester, sample_window):
    model = FindingModel()
    model.set_comparison(sample_window.comparison)
    qtmodeltester.check(model)
    model.set_comparison(None)
    qtmodeltester.check(model)


def test_the_panel_groups_findings_by_kind_weightiest_first(sample_window):
    window = sample_window
    model = window.spin_panel.model
    findings = window.comparison.findings
    assert window.spin_dock.isVisible() and window.spin_dock.windowTitle() == "Changes in meaning"
    for kind in FindingKind:
        of_kind = [f for f in findings if f.kind is kind]
        group = model.group_index(kind)
        if not of_kind:
            assert not group.isValid()
            continue
        assert group.data() == f"{capitalised(FINDING_KIND[kind])} ({len(of_kind)})"
        rows = [model.index(r, 0, group).data(FINDING_ROLE) for r in range(model.rowCount(group))]
        weights = [findings[n].weight for n in rows]
        assert weights == sorted(weights, reverse=True)
    dropped = _find(window, FindingKind.ATTRIBUTION, "source dropped: according to a report")
    index = model.index_of(dropped)
    assert index.data() == "dropped"
    assert model.index_of(dropped, 1).data() == "“according to a report”"
    assert model.index_of(dropped, 2).data() == "source dropped: according to a report"
    tip = model.index_of(dropped, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "Original: “" in tip and "according to a report" in tip and "Rewrite: “" in tip
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None  # the glyph badge


def test_clicking_a_finding_moves_both_panes_to_it_and_its_counterpart(sample_window, qtbot):
    window = sample_window
    merged = _find(window, FindingKind.QUOTE, "“give” -> “gave”")
    finding = window.comparison.findings[merged]
    assert finding.side == "right" and finding.counterpart is not None
    _click_row(qtbot, window, merged)
    assert window.navigator.current_finding == merged
    assert _covers(window.panes["right"], (finding.start, finding.end))
    assert _covers(window.panes["left"], finding.counterpart)
    assert window.position_label.text().startswith("Change in meaning")
    assert window.spin_panel.current_finding() == merged


def test_a_finding_without_counterpart_brings_the_other_pane_to_the_aligned_place(
    sample_window, qtbot
):
    window = sample_window
    lone = next(
        (n for n, f in enumerate(window.comparison.findings) if f.counterpart is None), None
    )
    if lone is None:
        pytest.skip("every finding of the sample pair has a counterpart")
    finding = window.comparison.findings[lone]
    _click_row(qtbot, window, lone)
    assert _covers(window.panes[finding.side], (finding.start, finding.end))
    aligned = window.query.aligned_offset(finding.side, finding.start)
    assert window.panes[finding.other_side].cursor_offset() == aligned


def test_f8_steps_through_findings_in_reading_order_of_the_pane_with_focus(sample_window, qtbot):
    window = sample_window
    pane = window.panes["left"]
    pane.place_cursor(0)
    pane.text.setFocus()
    query = window.query
    expected = sorted(
        range(len(window.comparison.findings)), key=lambda n: (query.finding_anchor("left", n), n)
    )
    seen = []
    for _ in expected:
        qtbot.keyClick(pane.text, Qt.Key.Key_F8)
        seen.append(window.navigator.current_finding)
        assert pane.cursor_offset() == query.finding_anchor("left", seen[-1])
    assert seen == expected
    qtbot.keyClick(pane.text, Qt.Key.Key_F8)
    assert "No more changes in meaning" in window.statusBar().currentMessage()
    qtbot.keyClick(pane.text, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert window.navigator.current_finding == expected[-2]
    # From the caret, after the reader moved it.
    caret = query.finding_anchor("left", expected[0]) + 1
    pane.place_cursor(caret)
    trigger_menu(window, "&Go", "Next C&hange in Meaning")
    assert window.navigator.current_finding == next(
        n for n in expected if query.finding_anchor("left", n) > caret
    )


def test_findings_carry_their_own_mark_over_the_ordinary_ones(sample_window):
    window = sample_window
    hedge = _find(window, FindingKind.ATTRIBUTION, "hedge added: Apparently")
    finding = window.comparison.findings[hedge]
    pane = window.panes[finding.side]
    fmt = pane.format_at(finding.start)
    assert fmt.property(FINDING_PROPERTY) is True
    assert "hedge added: Apparently" in fmt.toolTip() and "Attribution" in fmt.toolTip()
    assert (finding.start, finding.end) in pane.finding_spans()
    # The bar is painted where the words are on screen.
    window.navigator.show_finding(hedge)
    assert pane.text.finding_bars()


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_finding_bar_contrasts_with_the_page_and_every_mark(colours):
    for background in (
        colours.page,
        colours.added,
        colours.omitted,
        colours.changed,
        colours.moved,
        colours.quote,
    ):
        assert contrast_ratio(colours.finding_line, background) >= 3.0


def test_show_only_changes_in_meaning_dims_ordinary_marks_and_is_remembered(
    sample_window, make_window, qtbot
):
    window = sample_window
    colours = window.colours
    right = window.panes["right"]
    mark = next(
        m
        for m in side_marks(window.comparison, "right")
        if m.kind is MarkKind.ADDED and not any(s <= m.start < e for s, e in right.finding_spans())
    )
    before = right.format_at(mark.start)
    assert before.fontUnderline() and before.background().color() == colours.added
    action = window_action(window, "Show Only &Changes in Meaning")
    assert action.isCheckable() and not action.isChecked()
    trigger_menu(window, "&View", "Show Only &Changes in Meaning")
    assert action.isChecked() and window.prefs.only_meaning
    faint = right.format_at(mark.start)
    assert not faint.fontUnderline() and not faint.fontStrikeOut()
    assert faint.background().color() == blend(colours.added, colours.page, FAINT_SHARE)
    # Findings still stand out.
    hedge = window.comparison.findings[_find(window, FindingKind.ATTRIBUTION, "Apparently")]
    assert right.format_at(hedge.start).property(FINDING_PROPERTY) is True
    assert (hedge.start, hedge.end) in right.finding_spans()
    # Remembered: a new window starts with it on.
    again = make_window()
    assert window_action(again, "Show Only &Changes in Meaning").isChecked()
    trigger_menu(window, "&View", "Show Only &Changes in Meaning")
    assert right.format_at(mark.start).background().color() == colours.added


def test_status_bar_and_link_map_show_the_findings(sample_window, qtbot):
    window = sample_window
    findings = window.comparison.findings
    label = window.status.findings_label
    assert label.text() == f"{len(findings)} changes in meaning"
    assert "Attribution:" in label.toolTip() and "dropped" in label.toolTip()
    number = _find(window, FindingKind.ATTRIBUTION, "hedge added: Apparently")
    window.navigator.show_finding(number)
    window.link_map.repaint()
    ticks = window.link_map.ticks()
    assert number in [n for _rect, n in ticks]
    rect = next(r for r, n in ticks if n == number)
    assert rect.right() >= window.link_map.width() - 1  # a right-side finding: the right edge
    window.navigator.show_spans([(0, 1)], None)
    qtbot.mouseClick(window.link_map, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.navigator.current_finding == number


def test_each_change_reads_as_a_word_beside_its_glyph(sample_window):
    model = sample_window.spin_panel.model
    for change in Change:
        number = next(
            (n for n, f in enumerate(sample_window.comparison.findings) if f.change is change),
            None,
        )
        if number is not None:
            assert model.index_of(number).data() == change.value
