"""Facts changed, dropped or added inside aligned passages: numbers, dates, names.

``fact_changes`` compares the facts of one paired block's two passages (found
by ``fact_mentions``): the same fact written another way ("the US" / "the
United States", "DHS" spelled out elsewhere, "three" / "3", "Sept." /
"September", "Mr. Smith" / "Smith", a date phrase moved within its sentence)
is matched first and never reported; what is left is a change when it sits
where the old value was, else dropped or added, unless the other article
states it anywhere (prefer showing less over showing wrong). ``find`` runs it
over every changed block whose edits could hold a fact, with one ``NameTable``
per article: facts are found only in the passages compared, the whole-article
questions answered from indexes. One module (~450 lines): the matching levels
share the table and the same-fact rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from reader.core.spin.context import Change, Finding, FindingKind, SpinContext
from reader.core.spin.fact_mentions import (
    CONNECT,
    Capitals,
    Mention,
    StatedFacts,
    canonical,
    family,
    find_names,
    find_quantities_and_times,
    make_run,
    name_kind,
    name_parts,
)


@dataclass(frozen=True, slots=True)
class FactChange:
    """One fact changed, dropped or added, located on the side it is shown on."""

    change: str  # "changed" | "dropped" | "added"
    side: str  # "left" for dropped, "right" for added/changed
    start: int
    end: int  # offsets into that side's full text, end-exclusive
    counterpart: tuple[int, int] | None  # the old value's span on the other side, for "changed"
    fact_kind: str
    why: str


def _initials(key: str) -> str:
    """ "department of homeland security" -> "dhs" (connectors skipped)."""
    return "".join(w[0] for w in key.split() if w not in CONNECT and w != "the")


# Every capitalised run of an article in one C-speed pass: words joined by single spaces or
# a connector ("Department of Homeland Security"). Only what a run's words are matters here.
_RUN_RE = re.compile(
    r"[A-Z](?<![A-Za-z0-9&][A-Z])[\w’'.&-]*"
    rf"(?: (?:(?:{'|'.join(sorted(CONNECT))})(?: the)? )?[A-Z][\w’'.&-]*)*"
)
_CAPITAL_RE = re.compile(r"\b[A-Z]\w*")
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z.&]{1,7})\)")
_RUN_END_RE = re.compile(_RUN_RE.pattern + r" ?$")


@dataclass(slots=True)
class _Names:
    """Every name an article writes anywhere, in the forms has_name asks about."""

    keys: set[str] = field(default_factory=set)  # canonical keys of every name written
    capitals: set[str] = field(default_factory=set)  # every capitalised word, lower-cased
    words: set[str] = field(default_factory=set)  # first and last words of multi-word names
    lasts: set[str] = field(default_factory=set)  # last words of every name
    initialisms: dict[str, str] = field(default_factory=dict)  # "dhs" -> "department of ..."
    surnames: set[str] = field(default_factory=set)  # one-word names also ending a full name


def _run_keys(run: str) -> list[str]:
    """The canonical keys of the names in one capitalised run as written."""
    made = (make_run([(0, 0, w) for w in part]) for part in name_parts(run))
    return [canonical(r.key) for r in made if r is not None]


def _index_names(text: str) -> _Names:
    """The article's names from its distinct capitalised runs (a set built at C speed)."""
    names = _Names()
    runs = set(_RUN_RE.findall(text))
    names.capitals = {w.lower() for w in _CAPITAL_RE.findall(" ".join(runs))}
    singles = set()
    for run in runs:
        for key in _run_keys(run):
            words = key.split()
            names.keys.add(key)
            names.lasts.add(words[-1])
            if len(words) > 1:
                names.words.update((words[0], words[-1]))
                names.initialisms.setdefault(_initials(key), key)
            else:
                singles.add(key)
    # "Department of Homeland Security (DHS)": an acronym defined in the text.
    for m in _ACRONYM_RE.finditer(text):
        before = _RUN_END_RE.search(text, max(0, m.start() - 120), m.start())
        keys = _run_keys(before.group().rstrip()) if before else []
        if keys:
            names.initialisms.setdefault(m.group(1).replace(".", "").lower(), keys[-1])
    names.surnames = singles & names.words
    return names


class NameTable:
    """An article's facts, found passage by passage when asked, and what it states anywhere.

    Why lazy: facts are only compared inside changed passages (a small share of an
    article), and the whole-article questions are answered from indexes built in a few
    C-speed passes, each only when first needed.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.capitals = Capitals(text)
        self._passages: dict[tuple[int, int], list[Mention]] = {}
        self._names: _Names | None = None
        self._stated = StatedFacts(text)

    @classmethod
    def build(cls, text: str) -> NameTable:
        """The table of an article (its work is done when first asked)."""
        return cls(text)

    @property
    def names(self) -> _Names:
        """The whole-article name index, built on first use."""
        if self._names is None:
            self._names = _index_names(self.text)
        return self._names

    def facts_in(self, start: int, end: int) -> list[Mention]:
        """The fact mentions lying inside [start, end)."""
        found = self._passages.get((start, end))
        if found is None:
            found = self._passages[(start, end)] = self._extract(start, end)
        return found

    def _extract(self, start: int, end: int) -> list[Mention]:
        """Facts of one passage: numbers and times first, then names not inside them."""
        facts = find_quantities_and_times(self.text, start, end)
        # Facts do not overlap one another and come in text order: a name run can
        # only overlap the last one starting before its end (bisect, not a scan).
        starts = [f.start for f in facts]
        ends = [f.end for f in facts]
        runs = find_names(self.text, start, end, self.capitals)
        for r in runs:
            k = bisect_left(starts, r.end) - 1
            if k >= 0 and ends[k] > r.start:
                continue  # "Sept." of a date, not a name
            kind = name_kind(r, self.names.surnames)
            facts.append(Mention(r.start, r.end, kind, ("name", canonical(r.key))))
        if runs:
            facts.sort(key=lambda f: f.start)
        return facts

    def expand(self, word: str) -> str | None:
        """The spelled-out name of an acronym used in this article, if any."""
        return self.names.initialisms.get(word)

    def has_name(self, key: str) -> bool:
        """Whether this article mentions the name in any of its forms."""
        names = self.names
        if key in names.keys:
            return True
        words = key.split()
        if len(words) == 1:
            w = words[0]
            return w in names.words or w in names.initialisms or w in names.capitals
        return _initials(key) in names.keys or words[-1] in names.lasts or words[0] in names.keys

    def has_fact(self, m: Mention, other: NameTable) -> bool:
        """Whether this article states the fact m (from the other article) anywhere."""
        if family(m.kind) == "name":
            return self.has_name(m.value[1])
        return any(_same(m, f, other, self, strict=True) for f in self._stated.candidates(m))


@lru_cache(maxsize=2)
def _table(text: str) -> NameTable:
    """An article's table for callers that pass none (one pair at a time is kept)."""
    return NameTable(text)


def _close(a: float, b: float) -> bool:
    """Equal numbers, allowing float noise from "1.5 million"."""
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _same_name(a: str, b: str, ta: NameTable, tb: NameTable) -> bool:
    """Whether two name keys denote the same name ("Smith" / "John Smith", "DHS" / its words)."""
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    if len(wa) > len(wb):
        a, b, wa, wb, ta, tb = b, a, wb, wa, tb, ta
    if len(wa) == 1:
        w = wa[0]
        if len(wb) > 1 and (w in (wb[0], wb[-1]) or w == _initials(b)):
            return True
        # An acronym spelled out in either article ("DHS" / "Department of Homeland Security").
        for full in (ta.expand(w), tb.expand(w)):
            if full is not None and (full == b or _initials(full) == _initials(b) and len(wb) > 1):
                return True
        for full in (ta.expand(wb[0]), tb.expand(wb[0])) if len(wb) == 1 else ():
            if full is not None and (full == a or w in full.split()):
                return True
        return False
    # "Donald Trump" / "Donald J. Trump" are one name; "North Korea" / "South Korea" are not.
    return set(wa) <= set(wb) or (wa[0] == wb[0] and wa[-1] == wb[-1])


def _same(a: Mention, b: Mention, ta: NameTable, tb: NameTable, strict: bool = False) -> bool:
    """Whether two mentions state the same fact, possibly written differently.

    strict: no benefit of the doubt across time kinds (for "stated anywhere else?").
    """
    fa, fb = family(a.kind), family(b.kind)
    if fa != fb:
        return False
    if fa == "name":
        return _same_name(a.value[1], b.value[1], ta, tb)
    if fa == "quantity":
        if a.kind == b.kind and a.kind in ("amount", "percentage") and a.value[0] != b.value[0]:
            return False
        return _close(a.value[1], b.value[1])
    # time: only a provable difference counts, the more precise date is not a change
    if a.kind == "date" and b.kind == "date":
        return all(x is None or y is None or x == y for x, y in zip(a.value, b.value, strict=False))
    if a.kind == "weekday" and b.kind == "weekday":
        return a.value[0] == b.value[0] and (
            not a.value[1] or not b.value[1] or a.value[1] == b.value[1]
        )
    if a.kind == "relative date" and b.kind == "relative date":
        return a.value == b.value
    if strict:
        return False
    if {a.kind, b.kind} == {"weekday", "date"}:
        return True  # "on Saturday" may well be "on Sept. 5": not provably different
    rel = a if a.kind == "relative date" else b
    return rel.value[1] == "day" and (a.kind == "weekday" or b.kind == "weekday")


# Words, possessive 's and sentence punctuation; quotes and dashes say nothing about a slot.
_WORD_RE = re.compile(r"[’']s\b|\w+|[.,;:!?]")


def _context(text: str, m: Mention, lo: int, hi: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Two tokens before and after a mention inside [lo, hi), nearest first; "<s>" at the edges."""
    before = [
        w.lower().replace("’", "'") for w in _WORD_RE.findall(text[max(lo, m.start - 60) : m.start])
    ]
    after = [
        w.lower().replace("’", "'") for w in _WORD_RE.findall(text[m.end : min(hi, m.end + 60)])
    ]
    return tuple((before[::-1] + ["<s>"])[:2]), tuple((after + ["<s>"])[:2])


# Words too common to show that two facts sit in the same place.
_WEAK = frozenset("the a an of and to in on at for with by from as that 's <s>".split())


def _anchor(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How much the shared neighbours on one side say that two facts fill the same slot."""
    score = 0.0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        strong = x[0].isalnum() and x not in _WEAK
        score += 1.0 if strong else 0.5
        if strong:
            break  # one real word is enough; a weak one asks for the next
    return score


def _words(text: str, m: Mention) -> str:
    """The mention as written, on one line."""
    return " ".join(text[m.start : m.end].split())


# Fact pairs compared in one block at most: a paragraph of prose has a few dozen facts.
_MAX_PAIRS = 2_500
_WEIGHT = {"changed": 0.8, "dropped": 0.6, "added": 0.55}
_NAME_WEIGHT = 0.85  # times the weight: a name is more often rewritten than truly changed


_MAY_BE_FACT = re.compile(
    r"[0-9$€£%A-Z]|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty"
    r"|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|percent|week|weeks"
    r"|month|months|year|years|day|days|today|tonight|yesterday|tomorrow|ago|decade|century"
    r"|morning|afternoon|evening|night|weekend|quarter|half)\b"
)


def find(ctx: SpinContext) -> list[Finding]:
    """Facts changed, dropped or added in every paired block whose words differ."""
    # A fact changed, dropped or added has words in an edit of its block: blocks
    # whose edits hold no digit, capital or date or number word cannot have one.
    touched = {
        e.block
        for e in ctx.edits
        if any(
            span is not None and _MAY_BE_FACT.search(ctx.text(side), span[0], span[1])
            for side, span in (("left", e.left), ("right", e.right))
        )
    }
    if not touched:
        return []
    lt, rt = NameTable(ctx.left.text), NameTable(ctx.right.text)
    found = []
    for index in sorted(touched):
        block = ctx.blocks[index]
        assert block.left is not None and block.right is not None
        for c in fact_changes(
            ctx.left.text, block.left, ctx.right.text, block.right, left_names=lt, right_names=rt
        ):
            weight = _WEIGHT[c.change] * (_NAME_WEIGHT if family(c.fact_kind) == "name" else 1.0)
            side = "left" if c.side == "left" else "right"
            counterpart = c.counterpart or ctx.aligned(side, c.start)
            found.append(
                Finding(
                    FindingKind.FACT,
                    Change(c.change),
                    side,
                    c.start,
                    c.end,
                    c.why,
                    weight,
                    counterpart,
                )
            )
    return found


def fact_changes(
    left_text: str,
    left_span: tuple[int, int],
    right_text: str,
    right_span: tuple[int, int],
    *,
    left_names: NameTable | None = None,
    right_names: NameTable | None = None,
) -> list[FactChange]:
    """Facts changed, dropped or added between an aligned pair of passages."""
    lt = left_names if left_names is not None else _table(left_text)
    rt = right_names if right_names is not None else _table(right_text)
    lo_l, hi_l = left_span
    lo_r, hi_r = right_span
    left = lt.facts_in(lo_l, hi_l)
    right = rt.facts_in(lo_r, hi_r)
    if not left and not right:
        return []
    if len(left) * len(right) > _MAX_PAIRS:
        return []  # a table of figures, not prose: matching it pairwise would be quadratic

    # 1. The same fact on both sides, however written: exact values in the same
    # place first, so that of two "Clinton"s the one replaced stays unmatched.
    free_l, free_r = list(left), list(right)
    ctx = {id(a): _context(left_text, a, lo_l, hi_l) for a in left}
    ctx.update({id(b): _context(right_text, b, lo_r, hi_r) for b in right})
    for level in (0, 1, 2):
        for a in list(free_l):
            best, best_score = None, -1.0
            for b in free_r:
                if level == 0:
                    ok = a.value == b.value and (
                        ctx[id(a)][0][:1] == ctx[id(b)][0][:1]
                        or ctx[id(a)][1][:1] == ctx[id(b)][1][:1]
                    )
                else:
                    ok = a.value == b.value if level == 1 else _same(a, b, lt, rt)
                if ok:
                    # Of several equal candidates take the one in the most similar place.
                    score = _anchor(ctx[id(a)][0], ctx[id(b)][0]) + _anchor(
                        ctx[id(a)][1], ctx[id(b)][1]
                    )
                    if score > best_score:
                        best, best_score = b, score
            if best is not None:
                free_l.remove(a)
                free_r.remove(best)

    # 2. A changed fact sits where the old one was: same neighbouring word.
    out: list[FactChange] = []
    pairs: list[tuple[int, Mention, Mention]] = []
    for a in free_l:
        ca = ctx[id(a)]
        for b in free_r:
            if family(a.kind) != family(b.kind):
                continue
            cb = ctx[id(b)]
            score = _anchor(ca[0], cb[0]) + _anchor(ca[1], cb[1])
            if family(a.kind) == "name" and rt.has_fact(a, lt) and lt.has_fact(b, rt):
                score -= 0.5  # both names appear in both articles: maybe a reshuffle, ask for more
            if score >= 1:
                pairs.append((score, a, b))
    pairs.sort(key=lambda p: -p[0])
    changed: list[tuple[Mention, Mention]] = []
    for _, a, b in pairs:
        if a in free_l and b in free_r:
            free_l.remove(a)
            free_r.remove(b)
            changed.append((a, b))
    # A lone number or date replaced by another one of its family is a change too
    # ("next month" -> "in November"), unless each one is also stated elsewhere.
    for fam in ("quantity", "time"):
        la = [a for a in free_l if family(a.kind) == fam]
        rb = [b for b in free_r if family(b.kind) == fam]
        if (
            len(la) == 1
            and len(rb) == 1
            and not (rt.has_fact(la[0], lt) and lt.has_fact(rb[0], rt))
        ):
            free_l.remove(la[0])
            free_r.remove(rb[0])
            changed.append((la[0], rb[0]))
    for a, b in changed:
        kind = b.kind if b.kind != "name" else a.kind
        out.append(
            FactChange(
                "changed",
                "right",
                b.start,
                b.end,
                (a.start, a.end),
                kind,
                f"{kind} changed: {_words(left_text, a)} -> {_words(right_text, b)}",
            )
        )

    # 3. Left alone: dropped or added, unless the other article states it anywhere.
    for a in free_l:
        if not rt.has_fact(a, lt):
            out.append(
                FactChange(
                    "dropped",
                    "left",
                    a.start,
                    a.end,
                    None,
                    a.kind,
                    f"{a.kind} dropped: {_words(left_text, a)}",
                )
            )
    for b in free_r:
        if not lt.has_fact(b, rt):
            out.append(
                FactChange(
                    "added",
                    "right",
                    b.start,
                    b.end,
                    None,
                    b.kind,
                    f"{b.kind} added: {_words(right_text, b)}",
                )
            )
    out.sort(key=lambda c: (c.side, c.start))
    return out
