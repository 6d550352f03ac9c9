"""Facts changed, dropped or added inside aligned passages: numbers, dates, names.

``fact_changes`` compares the facts of one paired block's two passages (found
by ``fact_mentions``): the same fact written another way ("the US" / "the
United States", "DHS" spelled out elsewhere, "three" / "3", "Sept." /
"September", "Mr. Smith" / "Smith", a date phrase moved within its sentence)
is matched first and never reported; what is left is a change when it sits
where the old value was (a name also when its place holds a word the rewrite
writes nowhere else), else dropped or added, unless the other article states
it anywhere (a weekday or relative date: near the aligned passage); prefer
showing less over showing wrong. ``find`` runs it over every changed block
whose edits could hold a fact, with one ``NameTable`` per article: facts are
found only in the passages compared, the whole-article questions answered from
indexes (``name_index``). One module (~560 lines): the matching levels share
the table and the same-fact rules.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from reader.core.spin.context import Change, Finding, FindingKind, SpinContext
from reader.core.spin.fact_mentions import (
    DATE_WORDS,
    STOP_WORDS,
    TITLE_WORDS,
    Capitals,
    Mention,
    NameRun,
    StatedFacts,
    canonical,
    family,
    find_names,
    find_quantities_and_times,
    name_kind,
)
from reader.core.spin.name_index import NameIndex
from reader.core.spin.name_index import initials as _initials


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


class NameTable:
    """An article's facts, found passage by passage when asked, and what it states anywhere.

    Why lazy: facts are only compared inside changed passages (a small share of an
    article), and the whole-article questions are answered from indexes built in a few
    C-speed passes, each only when first needed.
    """

    def __init__(self, text: str, *, eager: bool = False) -> None:
        self.text = text
        # eager: many passages will ask, so index the whole article in one pass each.
        self.capitals = Capitals(text, eager=eager)
        self._passages: dict[tuple[int, int], list[Mention]] = {}
        self._runs: dict[tuple[int, int], NameRun] = {}  # each name mention's run, for kind()
        self._kinds: dict[tuple[int, int], str] = {}
        self.names = NameIndex(text, eager=eager)
        self._surnames = _Surnames(self.names)
        self._stated = StatedFacts(text)

    @classmethod
    def build(cls, text: str) -> NameTable:
        """The table of an article (its work is done when first asked)."""
        return cls(text)

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
            # Its kind ("person", "place") is judged by ``kind`` when it is shown: it
            # takes the whole article's names, and most names found are matched.
            self._runs[(r.start, r.end)] = r
            facts.append(Mention(r.start, r.end, "name", ("name", canonical(r.key))))
        if runs:
            facts.sort(key=lambda f: f.start)
        return facts

    def kind(self, m: Mention) -> str:
        """The kind of a fact of this article: a name's is person, place, organisation or
        name, judged only when asked."""
        run = self._runs.get((m.start, m.end)) if m.kind == "name" else None
        if run is None:
            return m.kind
        key = (m.start, m.end)
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = name_kind(run, self._surnames)
        return found

    def expand(self, word: str) -> str | None:
        """The spelled-out name of an acronym used in this article, if any (the first)."""
        found = self.names.expansions(word)
        return found[0] if found else None

    def expansions(self, word: str) -> list[str]:
        """Every spelled-out name the acronym word may stand for in this article."""
        return self.names.expansions(word)

    def has_name(self, key: str) -> bool:
        """Whether this article mentions the name in any of its forms."""
        names = self.names
        if names.has_key(key):
            return True
        words = key.split()
        if len(words) == 1:
            w = words[0]
            return names.has_word(w) or names.has_initialism(w) or names.has_capital(w)
        return names.has_key(_initials(key)) or names.has_last(words[-1]) or names.has_key(words[0])

    def has_fact(self, m: Mention, other: NameTable) -> bool:
        """Whether this article states the fact m (from the other article) anywhere."""
        if family(m.kind) == "name":
            return self.has_name(m.value[1])
        return any(_same(m, f, other, self, strict=True) for f in self._stated.candidates(m))


class _Surnames:
    """What name_kind asks ("is this word a surname?"), answered by the name index."""

    def __init__(self, names: NameIndex) -> None:
        self._names = names

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._names.is_surname(word)


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
        for full in (*ta.expansions(w), *tb.expansions(w)):
            if full == b or _initials(full) == _initials(b) and len(wb) > 1:
                return True
        for full in (*ta.expansions(wb[0]), *tb.expansions(wb[0])) if len(wb) == 1 else ():
            if full == a or w in full.split():
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
    # Only the two nearest tokens each side are normalised (the pattern reads no
    # character outside its bounds, so bounds are as good as a slice).
    before = [
        w.lower().replace("’", "'")
        for w in _WORD_RE.findall(text, max(lo, m.start - 60), m.start)[-2:]
    ]
    after = [
        w.lower().replace("’", "'") for w in _WORD_RE.findall(text, m.end, min(hi, m.end + 60))[:2]
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


_CAPITALISED_RE = re.compile(r"[A-Z][\w’'&-]*")  # one word: a slot holds one or two
_SLOT_SCORE = 1.5  # stronger than a change between two facts: one side is no fact yet


def _renamed(
    left_text: str,
    right_text: str,
    right_span: tuple[int, int],
    matched: list[tuple[Mention, Mention]],
    free_l: list[Mention],
    right: list[Mention],
    ctx: dict,
    lt: NameTable,
    rt: NameTable,
) -> list[tuple[Mention, tuple[int, int]]]:
    """Left names whose place in the right passage holds another capitalised word.

    Two cases: a name matched with a shorter form of itself whose missing word was
    replaced ("Pat Caddell:" -> "Pat Brandtner:", "Pat" matched "Pat Caddell"), and a
    name left alone whose neighbours on both sides are kept around a new word. The
    new word must not be one the rewrite writes in lower case ("Officials said").
    """
    found: list[tuple[Mention, tuple[int, int]]] = []
    for a, b in matched:
        if family(a.kind) != "name":
            continue
        wa, wb = a.value[1].split(), b.value[1].split()
        if len(wa) <= len(wb):
            continue
        if wa[: len(wb)] == wb:
            m = (
                _CAPITALISED_RE.match(right_text, b.end + 1)
                if right_text[b.end : b.end + 1] == " "
                else None
            )
            missing = wa[len(wb)]
        elif wa[-len(wb) :] == wb:
            m = _capitalised_before(right_text, b.start)
            missing = wa[-len(wb) - 1]
        else:
            continue
        if m is None or m.end() > right_span[1] or m.start() < right_span[0]:
            continue
        word = m.group().split()[0] if m.start() > b.start else m.group().split()[-1]
        if _new_word(word, wa, missing, rt):
            found.append((a, (min(b.start, m.start()), max(b.end, m.end()))))
    names = [a for a in free_l if family(a.kind) == "name" and rt.has_fact(a, lt)]
    if not names:  # (a name stated nowhere in the rewrite is reported as dropped)
        return found
    words = [m.span() for m in _CAPITALISED_RE.finditer(right_text, *right_span)]
    # Slots of one word and of two words in a row ("Lindsey Graham" -> "Ana Moreau").
    slots = words + [
        (x[0], y[1]) for x, y in zip(words, words[1:], strict=False) if y[0] == x[1] + 1
    ]
    if len(names) * len(slots) > _MAX_PAIRS:
        return found  # not prose: comparing every name with every slot would be quadratic
    # Slots inside a fact of the passage are that fact's (right is in text order).
    starts = [f.start for f in right]
    free_slots = []
    for start, end in slots:
        k = bisect_left(starts, end) - 1
        if k >= 0 and right[k].end > start:
            continue
        slot = Mention(start, end, "name", ("name", ""))
        free_slots.append((start, end, _context(right_text, slot, *right_span)))
    for a in names:
        ca = ctx[id(a)]
        best, best_score = None, _SLOT_SCORE - 1e-9
        old = a.value[1].split()
        for start, end, cb in free_slots:
            score = _anchor(ca[0], cb[0]) + _anchor(ca[1], cb[1])
            if score > best_score and all(
                _new_word(w, old, None, rt) for w in right_text[start:end].split()
            ):
                best, best_score = (start, end), score
        if best is not None:
            found.append((a, best))
    return found


def _capitalised_before(text: str, pos: int) -> re.Match | None:
    """The capitalised word ending right before the space before pos, if any."""
    if text[pos - 1 : pos] != " ":
        return None
    start = max(0, pos - 60)
    last = None
    for m in _CAPITALISED_RE.finditer(text, start, pos - 1):
        last = m
    return last if last is not None and last.end() == pos - 1 else None


def _new_word(word: str, old_words: list[str], missing: str | None, rt: NameTable) -> bool:
    """Whether word can be a name put in the place of another (not a common word)."""
    low = word.rstrip(".").lower()
    for possessive in ("’s", "'s"):
        low = low.removesuffix(possessive)
    folded = _fold(low)
    if folded in {_fold(w) for w in old_words} or (
        missing is not None and folded == _fold(missing)
    ):
        return False  # the same word, maybe written without its accents ("Pena" / "Peña")
    if low in STOP_WORDS or low in DATE_WORDS or low in TITLE_WORDS or len(low) < 2:
        return False  # "President Obama" for "Barack Obama" is no other name
    return not rt.capitals.written_lower(low)


def _fold(word: str) -> str:
    """The word without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _words_at(text: str, span: tuple[int, int]) -> str:
    return " ".join(text[span[0] : span[1]].split())


def _words(text: str, m: Mention) -> str:
    """The mention as written, on one line."""
    return " ".join(text[m.start : m.end].split())


# Fact pairs compared in one block at most: a paragraph of prose has a few dozen facts.
_MAX_PAIRS = 2_500
_WEIGHT = {"changed": 0.8, "dropped": 0.6, "added": 0.55}
_NAME_WEIGHT = 0.85  # times the weight: a name is more often rewritten than truly changed


# A fact changed, dropped or added has words in an edit of its block: a digit, a
# capital, a sign, or a number or date word (the prefilter of spans_matching).
_MAY_BE_FACT = re.compile(r"[0-9$€£%A-Z]")
_FACT_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred thousand million billion trillion dozen percent week weeks month months year "
    "years day days today tonight yesterday tomorrow ago decade century morning afternoon "
    "evening night weekend quarter half".split()
)


_EAGER_BLOCKS = 100


def find(ctx: SpinContext) -> list[Finding]:
    """Facts changed, dropped or added in every paired block whose words differ."""
    # A fact changed, dropped or added has words in an edit of its block: blocks
    # whose edits hold no digit, capital or date or number word cannot have one.
    edits = ctx.edits
    touched = {
        edits[i].block
        for side in ("left", "right")
        for i in ctx.edits_matching(side, _MAY_BE_FACT, _FACT_WORDS)
    }
    if not touched:
        return []
    # Past a few dozen passages, questions about names are many: each article is then
    # indexed whole in one pass instead of word by word (cheaper for few questions).
    eager = len(touched) > _EAGER_BLOCKS
    lt = NameTable(ctx.left.text, eager=eager)
    rt = NameTable(ctx.right.text, eager=eager)
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


# Characters read either side of the aligned passage, inside its paragraph, for a
# weekday or relative date moved rather than dropped: a sentence or two.
_NEAR = 300


def _local_time(m: Mention) -> bool:
    return m.kind in ("weekday", "relative date")


def _near(m: Mention, text: str, span: tuple[int, int], own: NameTable, other: NameTable) -> bool:
    """Whether text states the fact m (of the other article) near span, in its paragraph."""
    lo, hi = max(0, span[0] - _NEAR), min(len(text), span[1] + _NEAR)
    lo = text.rfind("\n", lo, span[0]) + 1 or lo
    end = text.find("\n", span[1], hi)
    hi = end if end >= 0 else hi
    return any(
        _same(m, f, own, other, strict=True) for f in find_quantities_and_times(text, lo, hi)
    )


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
    matched: list[tuple[Mention, Mention]] = []
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
                matched.append((a, best))

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
    # A name replaced by a word the rewrite writes nowhere else, which is therefore not
    # read as a name ("Obama Sees ..." -> "Okafor Sees ..." in a Title Case headline).
    renamed = _renamed(left_text, right_text, (lo_r, hi_r), matched, free_l, right, ctx, lt, rt)
    for a, span in renamed:
        if a in free_l:
            free_l.remove(a)
        kind = lt.kind(a)
        why = f"{kind} changed: {_words(left_text, a)} -> {_words_at(right_text, span)}"
        out.append(FactChange("changed", "right", *span, (a.start, a.end), kind, why))
    for a, b in changed:
        kind = rt.kind(b)
        kind = kind if kind != "name" else lt.kind(a)
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

    # 3. Left alone: dropped or added, unless the other article states it anywhere; a
    # weekday or relative date ("on Monday", "last week"), which news repeats, unless
    # the other side states it near the aligned passage (moved to a sentence nearby).
    for a in free_l:
        if (
            not rt.has_fact(a, lt)
            or _local_time(a)
            and not _near(a, right_text, right_span, lt, rt)
        ):
            out.append(
                FactChange(
                    "dropped",
                    "left",
                    a.start,
                    a.end,
                    None,
                    lt.kind(a),
                    f"{lt.kind(a)} dropped: {_words(left_text, a)}",
                )
            )
    for b in free_r:
        if not lt.has_fact(b, rt) or _local_time(b) and not _near(b, left_text, left_span, rt, lt):
            out.append(
                FactChange(
                    "added",
                    "right",
                    b.start,
                    b.end,
                    None,
                    rt.kind(b),
                    f"{rt.kind(b)} added: {_words(right_text, b)}",
                )
            )
    out.sort(key=lambda c: (c.side, c.start))
    return out
