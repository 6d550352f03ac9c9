"""Whose claim it is, and how sure: sources, reporting verbs and hedges changed in aligned text.

Three signs that a claim changed hands or weight, each read from a paired
block (never from quoted words, which are somebody else's):

- a source named on one side and absent from the aligned passage of the other
  ("the report said tensions ..." -> "Apparently, tensions ..."), or another
  source put in its place ("according to a report" -> "according to Politico");
- a reporting verb replaced by one of another strength ("said" -> "admitted",
  "told" -> "explained to", "blasting" -> "that said"). The classes follow the
  reporting-verb literature (Thompson & Ye 1991; Hyland 2002) and the
  factive / assertive verbs of Recasens et al. (ACL 2013): neutral verbs only
  report; assertive ones flag the claim as the speaker's; factive ones present
  it as true; denials present it as false; charged ones colour the act of
  speaking itself;
- a hedge ("allegedly", "reportedly") or a certainty marker ("clearly",
  "in fact") added or dropped.
"""

from __future__ import annotations

import re

from reader.core.article import Span
from reader.core.spin.context import (
    Change,
    Edit,
    Finding,
    FindingKind,
    Side,
    SpinContext,
    spans_matching,
)
from reader.core.spin.lexicons import verb_forms

# Reporting verbs by strength, as lemmas (forms are made by ``_lemma``).
_VERB_CLASS: dict[str, str] = {}
for _class, _verbs in {
    "neutral": "say tell state report add note write describe mention reply respond answer "
    "comment announce ask remark observe recount relate cite quote",
    "assertive": "claim insist assert maintain argue contend allege declare suggest hint "
    "imply speculate predict",
    "factive": "admit concede acknowledge confess reveal disclose confirm explain prove show "
    "demonstrate establish point",
    "denial": "deny dispute reject refute rebut contradict contest",
    "charged": "blast slam attack accuse lash rip boast brag complain lament whine rant scoff "
    "sneer snap charge threaten vow rail fume gloat grumble decry denounce condemn berate "
    "scold mock taunt hammer",
}.items():
    for _verb in _verbs.split():
        _VERB_CLASS[_verb] = _class
_IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "written": "write", "shown": "show"}


# Every form of every reporting verb -> its lemma (a doubled form too many does no harm).
_VERB_FORMS = {form: lemma for lemma in _VERB_CLASS for form in verb_forms(lemma)}
_VERB_FORMS.update(_IRREGULAR)
_VERB_WORDS = frozenset(_VERB_FORMS)
_CLASS_WORDS = {
    "neutral": "only reports",
    "assertive": "flags it as a claim",
    "factive": "presents it as true",
    "charged": "colours the speaking",
    "denial": "presents it as denied",
}
_VERB_WEIGHT = {  # (old class, new class) -> weight; unlisted pairs weigh 0.55
    ("factive", "denial"): 0.85,  # admitted -> denied: the claim's truth reversed
    ("denial", "factive"): 0.85,
    ("neutral", "denial"): 0.7,
    ("denial", "neutral"): 0.7,
    ("neutral", "factive"): 0.7,
    ("neutral", "charged"): 0.7,
    ("charged", "neutral"): 0.6,
    ("neutral", "assertive"): 0.65,
    ("assertive", "neutral"): 0.55,
}

# Hedges distance the writer from a claim; certainty markers vouch for it (Hyland 1998).
_HEDGES = frozenset(
    "allegedly reportedly apparently supposedly purportedly seemingly ostensibly arguably "
    "reputedly presumably possibly probably perhaps maybe likely conceivably".split()
)
_BOOSTERS = frozenset(
    "clearly obviously undoubtedly certainly definitely undeniably surely evidently plainly "
    "indisputably unquestionably truly".split()
)
_BOOSTER_PHRASES = frozenset({"in fact", "of course", "no doubt", "without doubt", "in reality"})
# What an edit must hold to have a marker (of a phrase, its last word: where it is found).
_MARKER_WORDS = _HEDGES | _BOOSTERS | {p.split()[-1] for p in _BOOSTER_PHRASES}
# Words are looked up one by one: a regex alternation of hundreds of words is tried
# alternative by alternative at every position, many times slower than a dict.
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Words without which no source phrase can be in a passage: the cheap test before the search.
SOURCE_WORDS = frozenset(
    "according said says reported reports found finds wrote stated told per cited".split()
)
# The lookahead on the words' first letters lets the engine pass over most positions
# without trying every alternative (a third faster; the same matches).
SOURCE_HINT = re.compile(
    rf"\b(?=[{''.join(sorted({w[0] for w in SOURCE_WORDS}))}])"
    rf"(?:{'|'.join(sorted(SOURCE_WORDS))})\b",
    re.IGNORECASE,
)

_NAME = r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w'’.&-]*){0,4}"
# "the report", "a spokesman", "two senior officials": a source named by what it is.
# The noun is never an auxiliary: in "the other activists have said" the source is
# "the other activists", and an auxiliary means the phrase is a clause, not a name.
_AUXILIARY = r"(?:have|has|had|also|then|who|which|that|would|will|is|was|were|are|did|does)\b"
_COMMON_SOURCE = (
    r"(?i:the|a|an|one|two|three|several|some|many)\s+(?:(?!" + _AUXILIARY + r")[\w-]+\s+){0,2}?"
    r"(?!" + _AUXILIARY + r")[a-z][\w-]*"
)
_SOURCES = re.compile(
    # "according to" names its source up to the clause's end: "the central bank".
    r"\b[Aa]ccording\s+to\s+(?P<a>[^,;:.!?“”\"()\n]{1,60}?)(?=\s*[,;:.!?“”\"()\n]|$)"
    rf"|(?P<b>{_NAME}|\b{_COMMON_SOURCE})\s+(?:said|says|reported|reports|found|finds|wrote|stated)\b"
    rf"|\b(?:told|reported\s+by|cited\s+by|per)\s+(?P<c>{_NAME})"
)
_MAX_PER_BLOCK = 12
_DETERMINER = re.compile(r"^(?:the|a|an)\s+", re.I)
_PRONOUN_SOURCES = frozenset("he she they it we i you this that there who which".split())


def find(ctx: SpinContext) -> list[Finding]:
    """Sources, reporting verbs and hedges that differ between aligned passages."""
    found: list[Finding] = []
    all_edits = ctx.edits
    by_block: dict[int, list[int]] = {}
    for i, edit in enumerate(all_edits):
        by_block.setdefault(edit.block, []).append(i)
    # Most blocks name no source and most edits hold no reporting verb or hedge: one
    # pass over all of them joined finds those that may (spans_matching).
    blocks = [ctx.blocks[index] for index in by_block]
    sourced = spans_matching(ctx.text("left"), [b.left for b in blocks], None, SOURCE_WORDS)
    sourced |= spans_matching(ctx.text("right"), [b.right for b in blocks], None, SOURCE_WORDS)
    verbs_l = ctx.edits_matching("left", None, _VERB_WORDS)
    verbs_r = ctx.edits_matching("right", None, _VERB_WORDS)
    marked = ctx.edits_matching("left", None, _MARKER_WORDS)
    marked |= ctx.edits_matching("right", None, _MARKER_WORDS)
    for k, members in enumerate(by_block.values()):
        block = blocks[k]
        assert block.left is not None and block.right is not None
        in_block = _sources(ctx, block.left, block.right) if k in sourced else []
        if any(i in verbs_l for i in members) and any(i in verbs_r for i in members):
            in_block += _verbs(ctx, [all_edits[i] for i in members if i in verbs_l or i in verbs_r])
        hedged = [all_edits[i] for i in members if i in marked]
        if hedged:
            in_block += _hedges(ctx, hedged, block.left, block.right)
        # A real paragraph changes a handful of these; hundreds mean a text that is not
        # prose (a word list, a table): showing them all would bury the real findings.
        found += sorted(in_block, key=lambda f: -f.weight)[:_MAX_PER_BLOCK]
    return found


# -- sources -----------------------------------------------------------------------------------


def source_phrases(ctx: SpinContext, side: Side, span: Span) -> list[tuple[Span, str, str]]:
    """(span of the phrase, the source normalised, the phrase as written) in ``span``."""
    text = ctx.text(side)
    if not SOURCE_HINT.search(text, span[0], span[1]):
        return []  # the full pattern is slow to fail; most passages name no source
    out = []
    for match in _SOURCES.finditer(text, span[0], span[1]):
        group = next(g for g in ("a", "b", "c") if match.group(g))
        source = match.group(group).strip().rstrip(".")
        if ctx.quoted(side, match.start(group)):
            continue
        key = _DETERMINER.sub("", source).lower()
        if not key or key.split()[0] in _PRONOUN_SOURCES:
            continue
        phrase = match.group().rstrip(". ")
        out.append(((match.start(), match.start() + len(phrase)), key, phrase))
    return out


def _sources(ctx: SpinContext, left: Span, right: Span) -> list[Finding]:
    lefts = source_phrases(ctx, "left", left)
    rights = source_phrases(ctx, "right", right)
    left_text = ctx.text("left")[left[0] : left[1]].lower()
    right_text = ctx.text("right")[right[0] : right[1]].lower()
    # A source still named anywhere in the other passage was kept, whatever the wording.
    gone = [s for s in lefts if _head(s[1]) not in right_text]
    new = [s for s in rights if _head(s[1]) not in left_text]
    if gone and not rights:
        (span, _, phrase), *_ = gone
        return [_finding(Change.DROPPED, "left", span, f"source dropped: {phrase}", 0.75, right)]
    if new and not lefts:
        (span, _, phrase), *_ = new
        return [_finding(Change.ADDED, "right", span, f"source added: {phrase}", 0.6, left)]
    if gone and new:
        (lspan, lkey, _), (rspan, rkey, _) = gone[0], new[0]
        why = f"source changed: {lkey} -> {rkey}"
        return [_finding(Change.CHANGED, "right", rspan, why, 0.75, lspan)]
    return []


def _head(key: str) -> str:
    """The word that names a source ("politico", "report"): the last of its phrase."""
    return key.split()[-1]


# -- reporting verbs ---------------------------------------------------------------------------


def _reporting_verbs(ctx: SpinContext, side: Side, span: Span | None) -> list[tuple[Span, str]]:
    if span is None:
        return []
    forms = _VERB_FORMS
    return [
        (m.span(), lemma)
        for m in _WORD.finditer(ctx.text(side), span[0], span[1])
        if (lemma := forms.get(m.group().lower())) and not ctx.quoted(side, m.start())
    ]


def _verbs(ctx: SpinContext, edits: list[Edit]) -> list[Finding]:
    olds = [v for e in edits for v in _reporting_verbs(ctx, "left", e.left)]
    news = [v for e in edits for v in _reporting_verbs(ctx, "right", e.right)]
    found = []
    # Paired in order: a block rarely changes more than one or two reporting verbs.
    for (lspan, old), (rspan, new) in zip(olds, news, strict=False):
        before, after = _VERB_CLASS[old], _VERB_CLASS[new]
        if before == after:
            continue
        ltext = ctx.text("left")[lspan[0] : lspan[1]]
        rtext = ctx.text("right")[rspan[0] : rspan[1]]
        why = f"reporting verb changed: {ltext} -> {rtext} (now {_CLASS_WORDS[after]})"
        weight = _VERB_WEIGHT.get((before, after), 0.55)
        found.append(_finding(Change.CHANGED, "right", rspan, why, weight, lspan))
    return found


# -- hedges and certainty markers --------------------------------------------------------------


def _markers(ctx: SpinContext, side: Side, span: Span) -> list[tuple[Span, str, str]]:
    """(span, marker lower-cased, "hedge" or "certainty marker") outside quotations."""
    out = []
    previous = None  # the word before, for two-word markers ("in fact")
    for m in _WORD.finditer(ctx.text(side), span[0], span[1]):
        word = m.group().lower()
        if word in _HEDGES or word in _BOOSTERS:
            found, marker = m.span(), word
        elif previous is not None and f"{previous.group().lower()} {word}" in _BOOSTER_PHRASES:
            found, marker = (previous.start(), m.end()), f"{previous.group().lower()} {word}"
        else:
            previous = m
            continue
        previous = m
        if not ctx.quoted(side, found[0]):
            out.append((found, marker, "hedge" if marker in _HEDGES else "certainty marker"))
    return out


def _hedges(ctx: SpinContext, edits: list[Edit], left: Span, right: Span) -> list[Finding]:
    found = []
    for side, other, other_span, change in (
        ("right", "left", left, Change.ADDED),
        ("left", "right", right, Change.DROPPED),
    ):
        other_words: set[str] | None = None  # the other passage's markers, read if needed
        for edit in edits:
            span = edit.right if side == "right" else edit.left
            if span is None:
                continue
            for mspan, word, kind in _markers(ctx, side, span):
                if other_words is None:
                    other_words = {w for _, w, _ in _markers(ctx, other, other_span)}
                if word in other_words:
                    continue  # moved within the passage, not added or dropped
                why = f"{kind} {change.value}: {ctx.text(side)[mspan[0] : mspan[1]]}"
                weight = 0.6 if kind == "hedge" else 0.5
                found.append(_finding(change, side, mspan, why, weight, other_span))
    return found


def _finding(
    change: Change, side: Side, span: Span, why: str, weight: float, counterpart: Span | None
) -> Finding:
    return Finding(
        FindingKind.ATTRIBUTION, change, side, span[0], span[1], why, weight, counterpart
    )
