"""Blocks described in words, for the toolbar's where-am-I label and the link map's tooltips."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.results.query import ComparisonQuery


def _tr(text: str) -> str:
    return QCoreApplication.translate("describe", text)


def describe_block(query: ComparisonQuery, index: int) -> str:
    """ "Difference 3 of 15: reworded, moved" -- which block this is, in words."""
    block = query.blocks[index]
    words = {
        "same": _tr("unchanged"),
        "changed": _tr("reworded"),
        "added": _tr("added in the rewrite"),
        "omitted": _tr("left out of the rewrite"),
    }[block.kind.value]
    if block.moved:
        words += _tr(", moved")
    changes = query.changes()
    if index in changes:
        where = _tr("Difference {n} of {total}").format(
            n=changes.index(index) + 1, total=len(changes)
        )
    else:
        where = _tr("Passage")
    return f"{where}: {words}"
