"""Synced scrolling follows content, also into a paragraph the rewrite moved."""

from __future__ import annotations

import random

import pytest

from reader.ui.sync_scroll import syncpoint

from .conftest import window_action

WORDS = (
    "river mountain valley senator budget harbour council teacher orchard railway museum "
    "festival drought vaccine election bridge factory village"
).split()


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 0.0), (100, 0.25), (200, 0.5), (500, 0.5), (900, 0.75), (1000, 1.0)],
)
def test_syncpoint_ramps_at_both_ends(value, expected):
    assert syncpoint(value, page=400, maximum=1000) == pytest.approx(expected)


def _moved_pair(tmp_path):
    rng = random.Random(3)

    def sentence(k: int, j: int) -> str:
        w = rng.sample(WORDS, 7)
        return (
            f"The {w[0]} near the {w[1]} in district {k}{j} said the {w[2]} and {w[3]} "
            f"would change the {w[4]} before the {w[5]} met the {w[6]}."
        )

    paras = [" ".join(sentence(k, j) for j in range(4)) for k in range(10)]
    left = tmp_path / "ordered.txt"
    right = tmp_path / "reordered.txt"
    left.write_text("\n\n".join(paras), encoding="utf-8")
    # The rewrite moves the third paragraph five places down.
    right.write_text("\n\n".join(paras[:2] + paras[3:8] + [paras[2]] + paras[8:]), encoding="utf-8")
    return left, right


def _y_at_syncpoint(pane) -> float:
    value, page = pane.scroll_value(), pane.page_height()
    return value + syncpoint(value, page, pane.scroll_maximum()) * page


def test_scrolling_to_a_moved_paragraph_brings_its_new_place_beside_it(window, qtbot, tmp_path):
    left_path, right_path = _moved_pair(tmp_path)
    window.resize(900, 420)
    with qtbot.waitSignal(window.comparison_shown, timeout=20000):
        window.open_pair(left_path, right_path)
    query = window.query
    moved = [i for i, b in enumerate(window.comparison.blocks) if b.moved]
    assert moved, "the aligner should mark the moved paragraph"
    block = moved[len(moved) // 2]
    left, right = window.panes["left"], window.panes["right"]
    top, bottom = left.span_y(*query.span("left", block))
    point = syncpoint(left.scroll_value(), left.page_height(), left.scroll_maximum())
    with qtbot.waitSignal(right.text.verticalScrollBar().valueChanged, timeout=2000):
        left.scroll_to_y((top + bottom) / 2, point)
    # Whatever block the left sync point is in, the right shows its counterpart there.
    held = query.block_near("left", left.offset_at_y(_y_at_syncpoint(left)))
    r_top, r_bottom = right.span_y(*query.counterpart("left", held))
    assert r_top - 2 <= _y_at_syncpoint(right) <= r_bottom + 2
    assert window.comparison.blocks[held].moved


def test_the_echo_of_a_synced_scroll_is_dropped(sample_window, qtbot):
    left_bar = sample_window.panes["left"].text.verticalScrollBar()
    right_bar = sample_window.panes["right"].text.verticalScrollBar()
    left_moves, right_moves = [], []
    left_bar.valueChanged.connect(left_moves.append)
    right_bar.valueChanged.connect(right_moves.append)
    target = left_bar.maximum() // 2
    left_bar.setValue(target)
    qtbot.wait(20)
    assert left_moves == [target]  # the right pane did not push back
    assert len(right_moves) == 1


def test_sync_can_be_switched_off(sample_window):
    window = sample_window
    window_action(window, "&Synchronise Scrolling").trigger()
    right_bar = window.panes["right"].text.verticalScrollBar()
    before = right_bar.value()
    left_bar = window.panes["left"].text.verticalScrollBar()
    left_bar.setValue(left_bar.maximum())
    assert right_bar.value() == before
    window_action(window, "&Synchronise Scrolling").trigger()
    assert right_bar.value() == right_bar.maximum()


def test_jumping_to_a_difference_leaves_sync_switched_off(sample_window):
    window = sample_window
    sync = window_action(window, "&Synchronise Scrolling")
    sync.trigger()
    window_action(window, "&Next Difference").trigger()
    assert not window.sync.enabled and not sync.isChecked()
    right_bar = window.panes["right"].text.verticalScrollBar()
    before = right_bar.value()
    left_bar = window.panes["left"].text.verticalScrollBar()
    left_bar.setValue(left_bar.maximum())
    assert right_bar.value() == before


def test_scrolling_line_by_line_moves_the_other_pane_forward_only(sample_window):
    """The sample pair keeps its order, so the follower never swings back (no jitter).

    It may glide fast over a passage only it has (the reader's few pixels of
    paragraph break cover a whole added paragraph) and, in the last half
    screen where the sync point ramps to the bottom, lag by a line of rounding.
    """
    left_bar = sample_window.panes["left"].text.verticalScrollBar()
    right_bar = sample_window.panes["right"].text.verticalScrollBar()
    seen = [right_bar.value()]
    while left_bar.value() < left_bar.maximum():  # the end moves as lines are laid out
        left_bar.setValue(left_bar.value() + 1)
        seen.append(right_bar.value())
    steps = [b - a for a, b in zip(seen, seen[1:], strict=False)]
    assert min(steps) >= -1, "the other pane went backwards"
    assert sum(1 for step in steps if step > 0) > len(steps) // 2  # it follows all along
    assert seen[0] == 0 and seen[-1] == right_bar.maximum()
