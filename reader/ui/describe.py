"""What the window says in words: the summary line, where the reader is, what a block
or a change in meaning is.

The words come from ``reader.core.results.labels``; this module puts them
through Qt's translation and into sentences.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.results.comparison import (
    Change,
    Comparison,
    Finding,
    FindingKind,
    QuotePair,
    Summary,
)
from reader.core.results.labels import (
    BLOCK_KIND,
    CHANGE,
    CHANGE_GLYPH,
    FINDING,
    FINDING_KIND,
    FINDINGS,
    MOVED,
    QUOTE_STATUS,
    capitalised,
)
from reader.core.results.query import ComparisonQuery, finding_words


def _tr(text: str) -> str:
    return QCoreApplication.translate("describe", text)


def summary_text(summary: Summary) -> str:
    """The status-bar line: how much of the rewrite comes from the original, and the quotes."""
    parts = [
        _tr("Rewrite: {kept:.0%} from the original ({verbatim:.0%} word for word)").format(
            kept=summary.kept_share, verbatim=summary.verbatim_share
        ),
        _tr("{share:.0%} added").format(share=summary.added_share),
        _tr("{share:.0%} of the original left out").format(share=summary.omitted_share),
    ]
    if summary.moved_share:
        parts.append(_tr("{share:.0%} moved").format(share=summary.moved_share))
    quotes = [
        f"{count} {_tr(QUOTE_STATUS[status])}"
        for status, count in summary.quotes_by_status.items()
        if count
    ]
    parts.append(_tr("Quotes: ") + (", ".join(quotes) if quotes else _tr("none")))
    return " · ".join(parts)


def describe_block(query: ComparisonQuery, index: int) -> str:
    """ "Difference 3 of 15: reworded, moved" -- which block this is, in words."""
    block = query.blocks[index]
    words = _tr(BLOCK_KIND[block.kind])
    if block.moved:
        words += ", " + _tr(MOVED)
    changes = query.changes()
    if index in changes:
        where = _tr("Difference {n} of {total}").format(
            n=changes.index(index) + 1, total=len(changes)
        )
    else:
        where = _tr("Passage")
    return f"{where}: {words}"


def describe_quote(query: ComparisonQuery, pair: QuotePair) -> str:
    """ "Quotation 2 of 9: altered"; empty when ``pair`` is not one of the comparison's."""
    number = query.quote_number(pair)
    if number is None:
        return ""
    return _tr("Quotation {n} of {total}: {status}").format(
        n=number + 1,
        total=len(query.comparison.quote_pairs),
        status=_tr(QUOTE_STATUS[pair.status]),
    )


def findings_text(summary: Summary) -> str:
    """ "16 changes in meaning" (the status bar's count of findings)."""
    total = sum(sum(changes.values()) for changes in summary.findings.values())
    word = _tr(FINDING) if total == 1 else _tr(FINDINGS)
    return f"{total} {word}"


def findings_breakdown(summary: Summary) -> str:
    """The counts by kind then change, a kind a line: "Loaded wording: 6 (5 dropped, 1 added)"."""
    lines = []
    for kind in FindingKind:
        changes = {c: n for c, n in summary.findings.get(kind.value, {}).items() if n}
        if not changes:
            continue
        detail = ", ".join(f"{n} {_tr(CHANGE[Change(c)])}" for c, n in changes.items())
        lines.append(f"{_tr(capitalised(FINDING_KIND[kind]))}: {sum(changes.values())} ({detail})")
    return "\n".join(lines) or _tr("No changes in meaning found")


def finding_title(finding: Finding) -> str:
    """ "Loaded wording, − dropped": what kind of change in meaning, and what happened."""
    change = f"{CHANGE_GLYPH[finding.change]} {_tr(CHANGE[finding.change])}"
    return f"{_tr(capitalised(FINDING_KIND[finding.kind]))}, {change}"


def finding_tooltip(comparison: Comparison, finding: Finding) -> str:
    """A finding in full: its kind and change, why, and both texts (the panel's tooltip)."""
    own, other = finding_words(comparison, finding)
    labels = {"left": _tr("Original"), "right": _tr("Rewrite")}
    texts = {finding.side: own, finding.other_side: other}
    lines = [finding_title(finding), finding.why, ""]
    for side in ("right", "left"):
        words = " ".join(texts[side].split())
        if len(words) > 400:
            words = words[:399] + "…"
        lines.append(f"{labels[side]}: “{words}”" if words else f"{labels[side]}: —")
    return "\n".join(lines)


def finding_mark_tooltip(finding: Finding, *, counterpart: bool = False) -> str:
    """What the bar under a finding's words says: it is a change in meaning, and why
    (``counterpart``: these are the words the change replaced)."""
    title = _tr("Change in meaning ({what})").format(what=finding_title(finding))
    if counterpart:
        title = _tr("Replaced by a change in meaning ({what})").format(what=finding_title(finding))
    return f"{title}: {finding.why}\n" + _tr("(thick underline; F8 goes to the next one)")


def describe_finding(query: ComparisonQuery, number: int) -> str:
    """ "Change in meaning 3 of 16: Loaded wording, − dropped" (numbered by weight)."""
    findings = query.comparison.findings
    return _tr("Change in meaning {n} of {total}: {what}").format(
        n=number + 1, total=len(findings), what=finding_title(findings[number])
    )
