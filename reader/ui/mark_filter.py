"""Which marks to show, given the preferences: moved marks on or off, and changes that
are only capitalisation or punctuation left unmarked.

A view-level choice over ``reader.core.results.marks.Marks``, which works out
(once per choice) what each one hides: the comparison (and its JSON, summary
and report) still counts every change; the window only stops colouring the
ones the reader chose to ignore.
"""

from __future__ import annotations

from reader.core.results.marks import Mark, Marks
from reader.core.results.query import Side
from reader.ui.preferences import Preferences


def visible_marks(marks: Marks, side: Side, prefs: Preferences) -> list[Mark]:
    """The marks of ``side`` less what ``prefs`` says not to show."""
    return marks.shown(
        side,
        moved=prefs.show_moved,
        ignore_case=prefs.ignore_case,
        ignore_punctuation=prefs.ignore_punctuation,
    )
