"""Quotations that changed on the way: dropped, added, altered, cut short, joined or split.

One finding per quotation pair that is not verbatim, read from the quotation
pairing (which already knows each pair's status and word diff, and calls two
quotations joined into one ``merged``, one cut in two ``split``). A quoted phrase
inside the writer’s own sentence (a term, a slogan) weighs less than a full
quotation: dropping a scare-quoted name is not
dropping what somebody said.
"""

from __future__ import annotations

from reader.core.results.comparison import Quote, QuotePair, QuoteStatus
from reader.core.spin.context import Change, Finding, FindingKind, Side, SpinContext
from reader.core.spin.lexicons import find_loaded
from reader.core.worddiff import DELETE, INSERT

_WEIGHT = {"altered": 0.85, "merged": 0.8, "split": 0.7, "truncated": 0.65, "dropped": 0.7,
           "added": 0.55}  # fmt: skip
_PARTIAL = 0.45  # times the weight, for a phrase quoted inside the writer's sentence
_LOADED_BONUS = 0.1  # added to the weight of a quotation carrying loaded words
_LOADED_SHOWN = 3  # loaded words named in the finding's why


def find(ctx: SpinContext) -> list[Finding]:
    """A finding per quotation pair that is not verbatim (or is two quotations joined)."""
    found = []
    for pair in ctx.quote_pairs:
        finding = _finding(ctx, pair)
        if finding is not None:
            found.append(finding)
    return found


def _finding(ctx: SpinContext, pair: QuotePair) -> Finding | None:
    left, right = pair.left, pair.right
    if pair.status is QuoteStatus.ONLY_LEFT:
        return _one_sided(ctx, "left", left, Change.DROPPED, "quotation dropped")
    if pair.status is QuoteStatus.ONLY_RIGHT:
        return _one_sided(ctx, "right", right, Change.ADDED, "quotation added")
    if pair.status is QuoteStatus.MERGED:
        shape = "merged"
        why = f"{_count(len(left))} quotations joined into one"
    elif pair.status is QuoteStatus.SPLIT:
        shape = "split"
        why = f"one quotation split into {_count(len(right))}"
    elif pair.status is QuoteStatus.VERBATIM:
        return None
    else:
        shape = pair.status.value
        why = "quotation cut short" if shape == "truncated" else "quotation altered"
    words = _changed_words(pair)
    if words:
        why += f": {words}"
    weight = _WEIGHT[shape]
    if all(q.partial for q in (*left, *right)):
        weight *= _PARTIAL
    # A word on both lists was moved within the quotation: neither gained nor lost.
    gained = _loaded_words([op.text for op in pair.ops if op.tag == INSERT])
    dropped = _loaded_words([op.text for op in pair.ops if op.tag == DELETE])
    charged = _listed([w for w in gained if w not in dropped])
    lost = _listed([w for w in dropped if w not in gained])
    if charged:
        why += f"; loaded words added {charged}"
    if lost:
        why += f"; loaded words dropped {lost}"
    if charged or lost:
        weight = min(0.95, weight + _LOADED_BONUS)
    return Finding(
        FindingKind.QUOTE,
        Change.CHANGED,
        "right",
        right[0].start,
        right[-1].end,
        _with_speaker(why, right + left),
        weight,
        counterpart=(left[0].start, left[-1].end),
    )


def _one_sided(
    ctx: SpinContext, side: Side, quotes: tuple[Quote, ...], change: Change, why: str
) -> Finding:
    first, last = quotes[0], quotes[-1]
    weight = _WEIGHT[change.value] * (_PARTIAL if first.partial else 1.0)
    text = ctx.text(side)
    spans = [span for q in quotes for span in (q.fragments or ((q.start, q.end),))]
    charged = _listed(_loaded_words([text[s:e] for s, e in spans]))
    if charged:
        why += f", with loaded words {charged}"
        weight = min(0.95, weight + _LOADED_BONUS)
    return Finding(
        FindingKind.QUOTE,
        change,
        side,
        first.start,
        last.end,
        _with_speaker(why, quotes),
        weight,
        counterpart=ctx.aligned(side, first.start),
    )


def _loaded_words(texts: list[str]) -> list[str]:
    """The loaded words of texts, lower-cased, each once, in order."""
    found: list[str] = []
    for text in texts:
        for word in find_loaded(text):
            # A scare quote inside a quotation is the speaker's own quoting, not a word.
            written = text[word.start : word.end].lower()
            if word.category != "scare quote" and written not in found:
                found.append(written)
    return found


def _listed(words: list[str]) -> str:
    """The first few words as “liars”, “crazy”; "" when none."""
    return ", ".join(f"“{w}”" for w in words[:_LOADED_SHOWN])


def _with_speaker(why: str, quotes: tuple[Quote, ...]) -> str:
    speaker = next((q.speaker for q in quotes if q.speaker), None)
    return f"{why} ({speaker})" if speaker else why


def _changed_words(pair: QuotePair, limit: int = 3) -> str:
    """The first few word changes of the pair's diff: “give” -> “gave”, cut: “…”."""
    parts: list[str] = []
    ops = [op for op in pair.ops if op.text.strip(" ,.;:!?—–-'\"“”‘’")]
    k = 0
    while k < len(ops) and len(parts) < limit:
        tag, text = ops[k]
        if tag == DELETE and k + 1 < len(ops) and ops[k + 1].tag == INSERT:
            parts.append(f"“{_short(text)}” -> “{_short(ops[k + 1].text)}”")
            k += 2
            continue
        if tag == DELETE:
            parts.append(f"cut “{_short(text)}”")
        elif tag == INSERT:
            parts.append(f"added “{_short(text)}”")
        k += 1
    return "; ".join(parts)


def _short(text: str, words: int = 6) -> str:
    split = text.split()
    return " ".join(split[:words]) + (" …" if len(split) > words else "")


def _count(n: int) -> str:
    return {2: "two", 3: "three", 4: "four"}.get(n, str(n))
