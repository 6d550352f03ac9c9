"""Word-level diff of two short texts with diff-match-patch.

Each word, run of spaces and punctuation mark is mapped to one private character,
diff-match-patch diffs those strings (so an edit never splits a word), the
semantic cleanup merges confetti into readable chunks, and the result is mapped
back to text. Callers pass one aligned pair at a time (a sentence or a few), never
a whole document: that is what keeps the cost near-linear.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from diff_match_patch import diff_match_patch

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
    vocabulary: dict[str, str] = {}
    tokens: list[str] = []

    def encode(text: str) -> str:
        chars = []
        for token in tokenize(text):
            code = vocabulary.get(token)
            if code is None:
                code = _code_point(len(tokens))
                vocabulary[token] = code
                tokens.append(token)
            chars.append(code)
        return "".join(chars)

    a, b = encode(left), encode(right)
    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(a, b, False)
    dmp.diff_cleanupSemantic(diffs)
    ops: list[Op] = []
    for tag, chunk in diffs:
        text = "".join(tokens[_index(c)] for c in chunk)
        _append(ops, _DMP_TAG[tag], text)
    return tuple(ops)


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


def _index(char: str) -> int:
    code = ord(char)
    if code >= _SURROGATES + _SURROGATE_COUNT:
        code -= _SURROGATE_COUNT
    return code - 0x100


def side_text(ops: tuple[Op, ...] | list[Op], side: str) -> str:
    """Rebuild one side from ops: ``side`` is "left" ("=" and "-") or "right" ("=" and "+")."""
    keep = DELETE if side == "left" else INSERT
    return "".join(op.text for op in ops if op.tag in (EQUAL, keep))


def changed_chars(ops: tuple[Op, ...] | list[Op]) -> tuple[int, int]:
    """Return (characters only in the left, characters only in the right), spaces ignored."""
    left = sum(len(op.text) - _spaces(op.text) for op in ops if op.tag == DELETE)
    right = sum(len(op.text) - _spaces(op.text) for op in ops if op.tag == INSERT)
    return left, right


def _spaces(text: str) -> int:
    return sum(1 for c in text if c.isspace())
