"""A claim turned around: a negation dropped or added in an aligned pair.

"did not resign" -> "resigned", "no evidence of fraud" -> "evidence of fraud",
"peaceful" -> "not peaceful": a word or two, and the fact stated is the
opposite. Reported as a fact finding. Only where the edit keeps the words
around the negation (the same stem on both sides, or nothing in its place):
"did not attend" -> "skipped" is a paraphrase, and showing it as a reversal
would be wrong. Quoted words are the quotation detector's.
"""

from __future__ import annotations

import re

from reader.core.article import Span
from reader.core.spin.context import Change, Edit, Finding, FindingKind, Side, SpinContext

_NEGATORS = frozenset("not no never none nobody nothing neither nor cannot".split())
_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_STEM = 5  # letters two words share to count as the same word ("resign", "resigned")
# Where a negator may be (a superset of what _negator accepts): edits without one on
# either side are skipped in one pass over all edits.
_HINT_WORDS = _NEGATORS
_HINT = re.compile(r"[nN]['’][tT]")


def find(ctx: SpinContext) -> list[Finding]:
    """Negations one side of an edit has and the other lacks."""
    found: list[Finding] = []
    edits = ctx.edits
    hinted = ctx.edits_matching("left", _HINT, _HINT_WORDS)
    hinted |= ctx.edits_matching("right", _HINT, _HINT_WORDS)
    for edit in (edits[i] for i in sorted(hinted)):
        left = _words(ctx, "left", edit.left)
        right = _words(ctx, "right", edit.right)
        lneg = [w for w in left if _negator(w[2])]
        rneg = [w for w in right if _negator(w[2])]
        if len(lneg) == len(rneg) or not _same_claim(left, right):
            continue
        if len(lneg) > len(rneg):
            found += _finding(ctx, edit, "left", lneg[len(rneg) :], Change.DROPPED)
        else:
            found += _finding(ctx, edit, "right", rneg[len(lneg) :], Change.ADDED)
    return found


def _words(ctx: SpinContext, side: Side, span: Span | None) -> list[tuple[int, int, str]]:
    if span is None:
        return []
    text = ctx.text(side)
    return [
        (m.start(), m.end(), m.group().lower())
        for m in _WORD.finditer(text, span[0], span[1])
        if not ctx.quoted(side, m.start())
    ]


def _negator(word: str) -> bool:
    return word in _NEGATORS or word.endswith(("n't", "n’t"))


def _same_claim(left: list[tuple[int, int, str]], right: list[tuple[int, int, str]]) -> bool:
    """Whether the edit, negations aside, keeps its words: nothing else, or the same stems."""
    rest_l = [w for *_, w in left if not _negator(w) and w not in ("did", "do", "does")]
    rest_r = [w for *_, w in right if not _negator(w) and w not in ("did", "do", "does")]
    if not rest_l or not rest_r:
        return len(rest_l) + len(rest_r) <= 1  # the negation alone, or with one word
    stems = {w[:_STEM] for w in rest_l}
    return all(w[:_STEM] in stems for w in rest_r) and len(rest_l) == len(rest_r)


def _finding(
    ctx: SpinContext, edit: Edit, side: Side, words: list[tuple[int, int, str]], change: Change
) -> list[Finding]:
    start, end, _ = words[0]
    other = edit.right if side == "left" else edit.left
    block = ctx.blocks[edit.block]
    counterpart = other or (block.right if side == "left" else block.left)
    own = ctx.text(side)[start:end]
    why = f"negation {change.value}: {own} (the claim is reversed)"
    return [Finding(FindingKind.FACT, change, side, start, end, why, 0.85, counterpart)]
