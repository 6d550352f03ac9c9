"""Word-level diff of two short texts with diff-match-patch.

Each word, run of spaces and punctuation mark is mapped to one private character,
diff-match-patch diffs those strings (so an edit never splits a word), the
result is mapped back to text, and equalities made only of function words and
punctuation between two word edits are dissolved into the edits, so a
paraphrase reads as whole edits rather than confetti (diff-match-patch's own
semantic cleanup is not used: see ``_dissolve_weak_equalities``). Callers pass
one aligned pair at a time (a sentence or a few), never a whole document: that
is what keeps the cost near-linear.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from diff_match_patch import diff_match_patch

try:  # diff-match-patch's C++ port: the same diffs, when a wheel exists for this Python
    import fast_diff_match_patch
except ImportError:  # pragma: no cover - depends on the platform
    fast_diff_match_patch = None

EQUAL, DELETE, INSERT = "=", "-", "+"

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]", re.UNICODE)
_DMP_TAG = {0: EQUAL, -1: DELETE, 1: INSERT}


class Op(NamedTuple):
    """One diff op: ``tag`` is "=" (both sides), "-" (left only) or "+" (right only)."""

    tag: str
    text: str


def tokenize(text: str) -> list[str]:
    """Split into words, whitespace runs and single punctuation marks; joins back to ``text``."""
    return _TOKEN.findall(text)


def word_ops(left: str, right: str, *, timeout: float = 0.5) -> tuple[Op, ...]:
    """Diff ``left`` against ``right`` word by word.

    The "=" and "-" ops rebuild ``left`` exactly and "=" and "+" rebuild ``right``.
    Adjacent ops never share a tag, and empty ops are dropped.
    """
    if left == right:
        return (Op(EQUAL, left),) if left else ()
    if not left:
        return (Op(INSERT, right),)
    if not right:
        return (Op(DELETE, left),)
    left_tokens, right_tokens = tokenize(left), tokenize(right)
    # One code per distinct token, in order of first appearance (dicts keep it).
    tokens = list(dict.fromkeys(left_tokens + right_tokens))
    code_points = _CODES if len(tokens) <= len(_CODES) else map(_code_point, range(len(tokens)))
    codes = dict(zip(tokens, code_points, strict=False))  # _CODES is longer
    a = "".join(map(codes.__getitem__, left_tokens))
    b = "".join(map(codes.__getitem__, right_tokens))
    # A code stands for one token, so an op's length in codes is its length in tokens.
    diffs: list[tuple[str, list[str]]] = []
    i = j = 0
    diff = _diff_native if fast_diff_match_patch and len(tokens) <= _BMP_TOKENS else _diff_python
    for tag, n in diff(a, b, timeout):
        if tag == INSERT:
            diffs.append((tag, right_tokens[j : j + n]))
            j += n
        else:
            diffs.append((tag, left_tokens[i : i + n]))
            i += n
            if tag == EQUAL:
                j += n
    return _dissolve_weak_equalities(diffs)


def _diff_python(a: str, b: str, timeout: float) -> list[tuple[str, int]]:
    """``diff_main`` of the Python diff-match-patch, as (tag, length) pairs."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    return [(_DMP_TAG[op], len(text)) for op, text in dmp.diff_main(a, b, False)]


def _diff_native(a: str, b: str, timeout: float) -> list[tuple[str, int]]:
    """The same diff from diff-match-patch's C++ implementation: about 5x faster."""
    return fast_diff_match_patch.diff(a, b, timelimit=timeout, checklines=False, cleanup="No")


def _dissolve_weak_equalities(diffs: list[tuple[str, list[str]]]) -> tuple[Op, ...]:
    """Turn equalities made only of spaces, punctuation and function words into edits.

    Only an equality between two edits that change words is dissolved: next to
    a mere punctuation edit (". They gave" against " They give") it stays.

    A paraphrase keeps its names and content words but rarely its "the" and
    commas in the same places; showing those as kept makes confetti of the
    changes. diff-match-patch's own semantic cleanup goes the other way and, on
    a reordered sentence, throws away kept content words such as "virtual
    meeting", so it is not used.
    """
    ops: list[Op] = []
    pending_delete: list[str] = []
    pending_insert: list[str] = []

    def flush() -> None:
        _append(ops, DELETE, "".join(pending_delete))
        _append(ops, INSERT, "".join(pending_insert))
        pending_delete.clear()
        pending_insert.clear()

    def edits_words(k: int, step: int) -> bool:
        """Whether the edit run next to diffs[k] (before: -1, after: +1) changes a word."""
        k += step
        while 0 <= k < len(diffs) and diffs[k][0] != EQUAL:
            if any(w[:1].isalnum() for w in diffs[k][1]):
                return True
            k += step
        return False

    for k, (tag, words) in enumerate(diffs):
        if tag == DELETE:
            pending_delete.extend(words)
        elif tag == INSERT:
            pending_insert.extend(words)
        elif not any(_is_content(w) for w in words) and edits_words(k, -1) and edits_words(k, +1):
            pending_delete.extend(words)
            pending_insert.extend(words)
        else:
            flush()
            _append(ops, EQUAL, "".join(words))
    flush()
    return tuple(ops)


def _is_content(token: str) -> bool:
    return token[:1].isalnum() and (token.lower() not in _FUNCTION_WORDS or len(token) > 7)


_FUNCTION_WORDS = frozenset(
    """
    a an the and or but nor so yet of to in on at by for with from as into onto over under
    about after before than that this these those it its it's he she they we you i me him her
    them us our their his my your is are was were be been being has have had do does did
    not no will would can could should may might must shall which who whom whose what when
    where why how there here then also just very s
    """.split()
)


def _append(ops: list[Op], tag: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1].tag == tag:
        ops[-1] = Op(tag, ops[-1].text + text)
    else:
        ops.append(Op(tag, text))


# Token codes skip the surrogate range so every code is a valid one-character str.
_SURROGATES = 0xD800
_SURROGATE_COUNT = 0x800


def _code_point(index: int) -> str:
    index += 0x100  # keep clear of control characters diff-match-patch may treat specially
    if index >= _SURROGATES:
        index += _SURROGATE_COUNT
    return chr(index)


# Tokens whose codes all lie in the Basic Multilingual Plane, which is all the
# C++ port accepts on some platforms (a sentence pair has a few dozen).
_BMP_TOKENS = 0x10000 - 0x100 - _SURROGATE_COUNT

# The codes of a sentence pair's tokens, made once (a pair rarely has more distinct tokens).
_CODES = "".join(map(_code_point, range(2048)))


def side_text(ops: tuple[Op, ...] | list[Op], side: str) -> str:
    """Rebuild one side from ops: ``side`` is "left" ("=" and "-") or "right" ("=" and "+")."""
    keep = DELETE if side == "left" else INSERT
    return "".join(op.text for op in ops if op.tag in (EQUAL, keep))
