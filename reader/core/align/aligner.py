"""Sentence alignment of two articles into blocks.

A whole-document character diff fails on real rewrites (the rewrite reorders,
splits and merges sentences, and diff-match-patch's ``diff_main`` over the sample
pair times out marking ~80% changed), so alignment works on sentences:

1. Candidates: an inverted index over the right's sentences, queried with each
   left sentence's rarest words, proposes a few counterparts per sentence. Cost
   is bounded per sentence, so this stays linear in the article size.
2. Anchors: mutually best candidates above ``ANCHOR_MIN``; the longest chain of
   anchors in reading order on both sides (LIS) is the backbone, and anchors off
   the chain are moved text.
3. Gaps between consecutive backbone anchors are aligned by a small dynamic
   programme allowing 1:1, 1:2, 2:1, 1:3, 3:1 and 2:2 groups (split or merged
   sentences), so pairing is local and cheap.
4. Groups grow to absorb a neighbouring unpaired sentence, and adjacent groups
   merge, when that raises the group's similarity: content crossed the boundary.
5. Leftover sentences are paired out of order (moved) when clearly similar.

Similarity is a Dice coefficient over word counts weighted by inverse document
frequency (``similarity``). One algorithm whose steps share the sides, scorer and
groups, hence one module (~650 lines) with a section per step.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter, itemgetter

from reader.core.align.similarity import WORD, Scorer, Side
from reader.core.article import Article, Span
from reader.core.results.comparison import Block, BlockKind
from reader.core.worddiff import DELETE, EQUAL, INSERT, Op, word_ops

ANCHOR_MIN = 0.5  # mutual best pairs at least this similar anchor the alignment
GAP_MIN = 0.3  # inside a gap (order agrees), a pair needs this much
KEPT_MIN = 0.75  # ...or, one sentence a side, this share of its plain words kept
_KEPT_VALUE = 1e-3  # what such a pair adds to the gap's score
MOVED_MIN = 0.55  # out of order, stronger evidence is needed
MERGE_GAIN = 0.04  # how much a merge must raise similarity to be worth it
GROW_MIN = 0.35  # share of a free neighbour's weight found in the group's counterpart
GROW_SLACK = 0.01  # growing may lower the group's similarity only this much
# A move needs this many word characters, as git's --color-moved asks of a moved block.
MOVE_MIN_CHARS = 20
CANDIDATES = 6  # counterparts kept per sentence
RARE_WORDS = 8  # query words per sentence
POSTING_CAP = 32  # words in more right sentences than this are not queried
GAP_DP_CELLS = 2_500  # larger gaps are first split by their own anchors
# Cells the gap DP may fill in one alignment: a rewrite whose sentences were
# shuffled (every gap full, every group sharing a word) costs ~40 µs a cell.
# Ordinary rewrites fill a few cells a sentence (a 3 MB pair: ~1,500 in all).
GAP_DP_BUDGET = 100_000
SMALL_GAP = 3  # sentences per side between exact pairs that are paired before the search
_FEW_VOTED = 24  # candidates ranked by one sort with a Python key when no more voted

_TICK_EVERY = 500  # sentences or pairs between progress ticks (and cancel checks)

_SHAPES = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2))
_BOUND_MIN = GAP_MIN * (1 - 1e-9)  # GAP_MIN with room for the bound's rounding


@dataclass(slots=True)
class _Group:
    """Contiguous sentences ``left[l0:l1]`` paired with ``right[r0:r1]``."""

    l0: int
    l1: int
    r0: int
    r1: int
    sim: float
    moved: bool = False


Tick = Callable[[float], None]


def _no_tick(fraction: float) -> None:
    pass


def diff_pairs(pairs: list[tuple[str, str]], tick: Tick = _no_tick) -> list[tuple[Op, ...]]:
    """Word ops of each (left text, right text) pair, here; ``tick`` gets the share done."""
    out = []
    for k, (left, right) in enumerate(pairs):
        if not k % _TICK_EVERY:
            tick(k / len(pairs))
        out.append(word_ops(left, right))
    return out


def align(left: Article, right: Article, *, tick: Tick = _no_tick) -> tuple[Block, ...]:
    """Pair the sentences of two articles into blocks.

    Blocks of each side never overlap and together cover every sentence, hence
    every non-space character. Paired groups are "same" or "changed" with word
    ops; unpaired runs are "added" / "omitted". Order: by left position, with
    right-only blocks placed after the pair that precedes them in the right.
    ``tick(fraction)`` is called now and then with the share of work done; it may
    raise to abandon the alignment (that is how ``compare`` cancels).
    """
    bags: dict[str, Counter[str]] = {}  # a sentence kept word for word is counted once
    lside, rside = Side.of(left, bags), Side.of(right, bags)
    exact = _exact_pairs(lside, rside)
    paired_right = set(exact.values())
    free_left = [i for i in range(len(lside.spans)) if i not in exact]
    free_right = [j for j in range(len(rside.spans)) if j not in paired_right]
    scorer = Scorer(lside, rside, free_left, free_right)
    settled = {i: (1.0, j) for i, j in exact.items()}
    settled.update(_between_exact(exact, paired_right, scorer))
    places = _expected_places(
        {**_context_pairs(lside, rside), **exact}, len(lside.spans), len(rside.spans)
    )
    candidates = _candidates(
        lside, rside, scorer, settled, free_right, places, lambda f: tick(0.5 * f)
    )
    groups = _without_short_moves(_anchor_groups(candidates, settled, places), lside)
    if lside.has_headline and rside.has_headline:
        groups.insert(0, _Group(0, 1, 0, 1, 1.0))
    backbone = [g for g in groups if not g.moved]
    for g in groups:
        _take(lside, rside, g)
    groups += _Gaps(lside, rside, scorer, candidates, GAP_DP_BUDGET).between(backbone)
    groups = _grow_and_merge(groups, lside, rside, scorer)
    groups += _pair_leftovers(lside, rside, scorer, candidates, groups)
    groups = _without_short_moves(groups, lside, rside)
    tick(0.6)
    return _blocks(groups, lside, rside, lambda f: tick(0.6 + 0.4 * f))


def _take(lside: Side, rside: Side, g: _Group) -> None:
    for i in range(g.l0, g.l1):
        lside.taken[i] = True
    for j in range(g.r0, g.r1):
        rside.taken[j] = True


# -- 1. candidates ---------------------------------------------------------------------------


def _exact_pairs(lside: Side, rside: Side) -> dict[int, int]:
    """Left index -> right index of sentences whose text occurs once on each side.

    Most sentences of a rewrite are kept word for word: these pair by lookup,
    skipping the index and the scoring. A repeated sentence is left to the
    search, whose position-aware tie-break picks the right copy.
    """
    skip_left = 1 if lside.has_headline else 0
    skip_right = 1 if rside.has_headline else 0
    seen: dict[str, int] = {}
    for j, text in enumerate(rside.sentences[skip_right:], skip_right):
        seen[text] = -1 if text in seen else j
    left = lside.sentences[skip_left:]
    left_count = Counter(left)
    pairs = {}
    for i, text in enumerate(left, skip_left):
        j = seen.get(text, -1)
        if j >= 0 and left_count[text] == 1 and WORD.search(text):
            pairs[i] = j
    return pairs


def _between_exact(
    exact: dict[int, int], paired_right: set[int], scorer: Scorer
) -> dict[int, tuple[float, int]]:
    """Left index -> (similarity, right index) of edited sentences between exact pairs.

    Between two consecutive word-for-word pairs, a few free sentences face a few
    free counterparts (``SMALL_GAP`` at most on each side): pairs that are each
    other's best match there and similar enough to anchor anyway are that
    stretch edited. On a typical rewrite most edited sentences sit in such a
    stretch, and pairing them here spares them the index search; the gap
    alignment later deals with the rest (splits, merges, additions).
    """
    found: dict[int, tuple[float, int]] = {}
    for a, b in pairwise(exact):  # consecutive exact pairs, in left order
        l0, l1, r0, r1 = a + 1, b, exact[a] + 1, exact[b]
        if not (0 < l1 - l0 <= SMALL_GAP and 0 < r1 - r0 <= SMALL_GAP):
            continue
        if any(j in paired_right for j in range(r0, r1)):
            continue  # the stretch holds a moved sentence's counterpart: leave it to the search
        sims = {(i, j): scorer.pair(i, j) for i in range(l0, l1) for j in range(r0, r1)}
        best_left = {i: max(range(r0, r1), key=lambda j, i=i: sims[i, j]) for i in range(l0, l1)}
        best_right = {j: max(range(l0, l1), key=lambda i, j=j: sims[i, j]) for j in range(r0, r1)}
        last = -1
        for i, j in best_left.items():
            if best_right[j] == i and sims[i, j] >= ANCHOR_MIN and j > last:
                found[i] = (sims[i, j], j)
                last = j
    return found


def _candidates(
    lside: Side,
    rside: Side,
    scorer: Scorer,
    settled: dict[int, tuple[float, int]],
    free_right: list[int],
    places: list[float],
    tick: Tick,
) -> list[list[tuple[float, int]]]:
    """For each left sentence, up to ``CANDIDATES`` (similarity, right index), best first.

    A ``settled`` sentence's one candidate is its known counterpart; the others
    are searched among ``free_right``, settled ones included: a sentence whose
    best match is taken is not to be paired with its second best as moved.
    """
    postings: defaultdict[str, list[int]] = defaultdict(list)
    copies: defaultdict[str, list[int]] = defaultdict(list)  # a repeated sentence's copies
    for j in free_right:
        for w in rside.bag(j):
            postings[w].append(j)
        copies[rside.sentences[j]].append(j)
    result: list[list[tuple[float, int]]] = []
    scale = len(rside.spans) / max(1, len(lside.spans))
    total = max(1, len(lside.spans))
    for i in range(len(lside.spans)):
        if not i % _TICK_EVERY:
            tick(i / total)
        if i in settled:
            result.append([settled[i]])
            continue
        expected = i * scale
        same = copies.get(lside.sentences[i])
        if same:
            # Word for word but repeated: common words alone might find no
            # candidate, so every copy is one, nearest the expected place first:
            # the place told by the verbatim pairs around it, for a short
            # sentence (one word a line) has copies every few lines.
            nearest = _nearest_copies(same, places[i], CANDIDATES)
            result.append([(1.0, j) for j in nearest])
            continue
        votes: Counter[int] = Counter()
        for w in scorer.rarest(lside.bag(i), RARE_WORDS):
            hits = postings.get(w)
            if hits and len(hits) > POSTING_CAP:
                # A common word votes only for the sentences near the expected
                # place: bounded cost, and a text that repeats itself still
                # finds each passage's own counterpart.
                k = bisect_left(hits, expected)
                hits = hits[max(0, k - POSTING_CAP // 2) : k + POSTING_CAP // 2]
            if hits:
                votes.update(hits)
        # A candidate sharing less than half the votes of the best one cannot
        # beat it by much; skipping it halves the scoring on real rewrites. The
        # floor is applied before ranking: a sentence collects a few hundred
        # votes at 3 MB, most of them single votes of a common word's window.
        best = _most_voted(votes, expected)
        scored = [(scorer.pair(i, j), j) for j, _ in best]
        scored.sort(key=lambda t: (-t[0], abs(t[1] - expected)))
        result.append(scored)
    return result


def _context_pairs(lside: Side, rside: Side) -> dict[int, int]:
    """Left index -> right index of sentences that, with the one before or after, occur once a side.

    Short sentences repeat (one word a line: every line has copies), but two in
    a row rarely do: such a pair of neighbours tells where a passage went.
    Used only to place the search (``_expected_places``), never as pairs.
    """
    ls, rs = lside.sentences, rside.sentences
    # Only sentences on both sides and repeated on one are looked at: the others
    # pair by themselves or not at all, and prose has few repeated ones.
    lcount, rcount = Counter(ls), Counter(rs)
    repeated = {t for t, c in rcount.items() if t in lcount and (c > 1 or lcount[t] > 1)}
    if not repeated:
        return {}
    lrep = [i for i, t in enumerate(ls) if t in repeated]
    rrep = [j for j, t in enumerate(rs) if t in repeated]
    found: dict[int, int] = {}
    for before, after in ((1, 0), (0, 1)):  # with the one before, then with the one after
        right: dict[tuple[str, str], int] = {}
        for j in rrep:
            if before <= j < len(rs) - after:
                key = (rs[j - before], rs[j + after])
                right[key] = -1 if key in right else j
        keys = {i: (ls[i - before], ls[i + after]) for i in lrep if before <= i < len(ls) - after}
        left_count = Counter(keys.values())
        for i, key in keys.items():
            j = right.get(key, -1)
            if j >= 0 and left_count[key] == 1:
                found.setdefault(i, j)
    return found


def _expected_places(known: dict[int, int], n: int, m: int) -> list[float]:
    """Where each of ``n`` left sentences is expected among ``m`` right ones.

    Interpolated between the in-order pairs ``known`` (their longest in-order
    chain), so that a passage is looked for where its neighbours went, not at
    its share of the way through the whole text: the two drift apart by every
    addition and omission before it.
    """
    exact = known
    scale = m / max(1, n)
    lefts = sorted(exact)
    chain = [lefts[k] for k in _longest_increasing([exact[i] for i in lefts])]
    places = [i * scale for i in range(n)]
    if not chain:
        return places
    first, last = chain[0], chain[-1]
    for i in range(first):
        places[i] = max(0.0, exact[first] - (first - i) * scale)
    for a, b in pairwise(chain):
        ja, jb = exact[a], exact[b]
        step = (jb - ja) / (b - a)
        for i in range(a, b):
            places[i] = ja + (i - a) * step
    for i in range(last, n):
        places[i] = exact[last] + (i - last) * scale
    return places


def _nearest_copies(js: list[int], expected: float, k: int) -> list[int]:
    """The ``k`` indices of ascending ``js`` nearest ``expected``; equally near: the lower first.

    What ``sorted(js, key=distance)[:k]`` gives, found by bisection and a walk
    outwards: a sentence repeated thousands of times has thousands of copies,
    and sorting them all for each of its left copies was quadratic.
    """
    hi = bisect_left(js, expected)
    lo = hi - 1
    out: list[int] = []
    while len(out) < k and (lo >= 0 or hi < len(js)):
        if hi == len(js) or (lo >= 0 and expected - js[lo] <= js[hi] - expected):
            out.append(js[lo])
            lo -= 1
        else:
            out.append(js[hi])
            hi += 1
    return out


def _most_voted(votes: Counter[int], expected: float) -> list[tuple[int, int]]:
    """Up to ``CANDIDATES`` (right index, votes), most votes first, then nearest ``expected``.

    Only sentences with at least half the best one's votes qualify. Ranking by
    votes is a C sort; only the tier of equal votes cut by the limit is ranked
    by distance in Python (a sentence collects a few hundred votes at 3 MB,
    most of them single votes of a common word's window).
    """

    def distance(jv: tuple[int, int]) -> float:
        return abs(jv[0] - expected)

    # Stable sorts throughout: equal keys keep the order the votes came in.
    if len(votes) <= _FEW_VOTED:
        # Few enough to rank all by votes then distance: the same list, sooner.
        few = sorted(votes.items(), key=lambda jv: (-jv[1], distance(jv)))[:CANDIDATES]
        return [jv for jv in few if jv[1] >= few[0][1] / 2] if few else few
    ranked = sorted(votes.items(), key=itemgetter(1), reverse=True)
    floor = ranked[0][1] / 2 if ranked else 0
    best = [jv for jv in ranked[:CANDIDATES] if jv[1] >= floor]
    if len(ranked) > CANDIDATES and ranked[CANDIDATES][1] == best[-1][1]:
        # The cut falls inside a tier: near-copies tie on votes (and similarity),
        # so the ones at about the same relative position are kept.
        tie = best[-1][1]
        upper = [jv for jv in best if jv[1] > tie]
        end = bisect_right(ranked, -tie, lo=len(upper), key=lambda jv: -jv[1])
        best = upper + _nearest(ranked[len(upper) : end], expected, CANDIDATES - len(upper))
    best.sort(key=lambda jv: (-jv[1], distance(jv)))
    return best


def _nearest(tier: list[tuple[int, int]], expected: float, k: int) -> list[tuple[int, int]]:
    """The ``k`` (right index, votes) of ``tier`` nearest ``expected``; equally near: tier order.

    The same as ``heapq.nsmallest`` by distance, but the tier (a few hundred
    entries at 3 MB) is sorted in C and walked outwards from ``expected``.
    """
    votes = tier[0][1]  # one tier: the same for all
    js = sorted([j for j, _ in tier])
    hi = bisect_left(js, expected)
    lo = hi - 1
    order: dict[int, int] | None = None
    out: list[tuple[int, int]] = []
    while len(out) < k and (lo >= 0 or hi < len(js)):
        if hi == len(js):
            take_low = True
        elif lo < 0:
            take_low = False
        else:
            below, above = expected - js[lo], js[hi] - expected
            if below == above:
                if order is None:
                    order = {j: n for n, (j, _) in enumerate(tier)}
                take_low = order[js[lo]] < order[js[hi]]
            else:
                take_low = below < above
        if take_low:
            out.append((js[lo], votes))
            lo -= 1
        else:
            out.append((js[hi], votes))
            hi += 1
    return out


# -- 2. anchors --------------------------------------------------------------------------------


def _anchor_groups(
    candidates: list[list[tuple[float, int]]],
    settled: dict[int, tuple[float, int]],
    places: list[float],
) -> list[_Group]:
    """Mutual best pairs; those on the longest in-order chain form the backbone.

    Left sentences equally similar to one right sentence: the one expected
    nearest it (``places``) has it.
    """
    # A settled pair is mutual best whatever else lists its right sentence.
    best_for_right = {j: (sim, 0.0, i) for i, (sim, j) in settled.items()}
    for i, cands in enumerate(candidates):
        if i in settled:
            continue
        for sim, j in cands:
            key = (sim, -abs(places[i] - j), i)
            known = best_for_right.get(j)
            if known is None or (key[:2] > known[:2] and known[2] not in settled):
                best_for_right[j] = key
    anchors = [
        (i, cands[0][1], cands[0][0])
        for i, cands in enumerate(candidates)
        if cands and cands[0][0] >= ANCHOR_MIN and best_for_right[cands[0][1]][2] == i
    ]
    chain = set(_longest_increasing([j for _, j, _ in anchors]))
    groups = []
    for k, (i, j, sim) in enumerate(anchors):
        moved = k not in chain
        if moved and sim < MOVED_MIN:
            continue
        groups.append(_Group(i, i + 1, j, j + 1, sim, moved))
    return groups


def _longest_increasing(values: list[int]) -> list[int]:
    """Indices of a longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []  # tails[k]: value ending the best run of length k+1
    tail_at: list[int] = []  # index in ``values`` of that value
    back: list[int] = [-1] * len(values)
    for idx, v in enumerate(values):
        k = bisect_left(tails, v)
        if k == len(tails):
            tails.append(v)
            tail_at.append(idx)
        else:
            tails[k] = v
            tail_at[k] = idx
        back[idx] = tail_at[k - 1] if k else -1
    out: list[int] = []
    idx = tail_at[-1] if tail_at else -1
    while idx >= 0:
        out.append(idx)
        idx = back[idx]
    return out[::-1]


def _without_short_moves(
    groups: list[_Group], lside: Side, rside: Side | None = None
) -> list[_Group]:
    """``groups`` less the moved runs too short to be a move (``MOVE_MIN_CHARS``).

    A run is moved groups that follow each other on both sides. A word or two
    out of place is no move: among many short repeated sentences (one word a
    line) some copy always stands out of order, and it is the in-order copy
    that is the counterpart; and a short sentence found once a side may be
    a word the rewrite deleted in one place and inserted in another. Dropped
    runs are freed (``rside`` given: their sentences untaken) for what follows
    to pair in order or show as changed.
    """
    moved = sorted((g for g in groups if g.moved), key=attrgetter("l0"))
    short: set[int] = set()
    run: list[_Group] = []
    for g in [*moved, None]:
        if g is not None and run and run[-1].l1 == g.l0 and run[-1].r1 == g.r0:
            run.append(g)
            continue
        if run and sum(_alnum(lside, i) for r in run for i in range(r.l0, r.l1)) < MOVE_MIN_CHARS:
            short.update(map(id, run))
        run = [g] if g is not None else []
    if not short:
        return groups
    kept = []
    for g in groups:
        if id(g) not in short:
            kept.append(g)
        elif rside is not None:
            lside.taken[g.l0 : g.l1] = [False] * (g.l1 - g.l0)
            rside.taken[g.r0 : g.r1] = [False] * (g.r1 - g.r0)
    return kept


def _alnum(side: Side, i: int) -> int:
    """Word characters (letters, digits) in sentence ``i``."""
    return sum([len(w) * c for w, c in side.bag(i).items()])


# -- 3. gaps -----------------------------------------------------------------------------------


@dataclass
class _Gaps:
    """What aligning the gaps reads and updates: both sides, the scorer, the candidates."""

    lside: Side
    rside: Side
    scorer: Scorer
    candidates: list[list[tuple[float, int]]]
    budget: int  # cells the DP may still fill; past it gaps keep their own anchors only

    def between(self, backbone: list[_Group]) -> list[_Group]:
        """Align the free sentences between consecutive backbone anchors."""
        found: list[_Group] = []
        bounds = [(0, 0)] + [(g.l1, g.r1) for g in backbone]
        ends = [(g.l0, g.r0) for g in backbone] + [(len(self.lside.spans), len(self.rside.spans))]
        for (l0, r0), (l1, r1) in zip(bounds, ends, strict=True):
            found += self.align(l0, l1, r0, r1)
        return found

    def align(self, l0: int, l1: int, r0: int, r1: int) -> list[_Group]:
        """Align left sentences [l0, l1) with right sentences [r0, r1)."""
        if l1 <= l0 or r1 <= r0:
            return []
        cells = (l1 - l0) * (r1 - r0)
        if cells > GAP_DP_CELLS or cells > self.budget:
            return self._split(l0, l1, r0, r1)
        self.budget -= cells
        return _gap_dp(l0, l1, r0, r1, self.lside, self.rside, self.scorer)

    def _split(self, l0: int, l1: int, r0: int, r1: int) -> list[_Group]:
        """Anchor a gap too large for the DP on its own in-order candidates, then recurse."""
        lside, rside, candidates = self.lside, self.rside, self.candidates
        inner = [
            (i, j, sim)
            for i in range(l0, l1)
            if not lside.taken[i]
            for sim, j in candidates[i][:2]
            if r0 <= j < r1 and not rside.taken[j] and sim >= GAP_MIN
        ]
        chain = [inner[k] for k in _longest_increasing([j for _, j, _ in inner])]
        # A sentence listed twice (two candidates) must not anchor twice.
        chain = [c for k, c in enumerate(chain) if k == 0 or c[0] != chain[k - 1][0]]
        if not chain:
            return []  # nothing in common worth a quadratic search
        found = [_Group(i, i + 1, j, j + 1, sim) for i, j, sim in chain]
        for g in found:
            _take(lside, rside, g)
        starts = [(l0, r0)] + [(i + 1, j + 1) for i, j, _ in chain]
        stops = [(i, j) for i, j, _ in chain] + [(l1, r1)]
        for (a0, b0), (a1, b1) in zip(starts, stops, strict=True):
            found += self.align(a0, a1, b0, b1)
        return found


def _gap_dp(
    l0: int, l1: int, r0: int, r1: int, lside: Side, rside: Side, scorer: Scorer
) -> list[_Group]:
    """Best monotone grouping of free sentences in a gap; a group scores ``sim - GAP_MIN``."""
    n, m = l1 - l0, r1 - r0
    neg = -1.0
    # Every pair's shared weight, once: a group shares at most the sum of its
    # pairs' (see ``Scorer.shared_weights``), so a group whose sum cannot reach
    # GAP_MIN is never merged and scored. In a gap of shuffled or unrelated
    # lines sharing only "the" that is nearly every group.
    weights, lmass, rmass = scorer.shared_weights(l0, l1, r0, r1)
    # near[a][b]: some pair in the 3 x 3 box before cell (a, b), the box every
    # shape fits in, shares a word; a cell with none only carries its neighbours on.
    reach = max(max(da, db) for da, db in _SHAPES)
    wide = [[False] + [any(row[max(0, b - reach) : b]) for b in range(1, m + 1)] for row in weights]
    boxes = (zip(*wide[max(0, a - reach) : a], strict=True) for a in range(1, n + 1))
    near = [[False] * (m + 1)] + [list(map(any, box)) for box in boxes]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move: list[list[tuple[int, int, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    for a in range(n + 1):
        for b in range(m + 1):
            best, step = neg, None
            if a and score[a - 1][b] > best:
                best, step = score[a - 1][b], (1, 0, 0.0)
            if b and score[a][b - 1] > best:
                best, step = score[a][b - 1], (0, 1, 0.0)
            if not near[a][b]:
                score[a][b] = best if step else 0.0
                move[a][b] = step
                continue
            for da, db in _SHAPES:
                if da > a or db > b:
                    continue
                i0, j0 = l0 + a - da, r0 + b - db
                if any(lside.taken[i0 : i0 + da]) or any(rside.taken[j0 : j0 + db]):
                    continue
                if da == db == 1:
                    shared = weights[a - 1][b - 1]
                    if not shared:
                        continue  # no word in common: nothing scored, nothing kept
                    sim = 2.0 * shared / (lmass[a - 1] + rmass[b - 1])  # = scorer.pair
                else:
                    bound = sum([sum(row[b - db : b]) for row in weights[a - da : a]])
                    mass = sum(lmass[a - da : a]) + sum(rmass[b - db : b])
                    if 2.0 * bound < _BOUND_MIN * mass:
                        continue
                    sim = scorer.groups(i0, i0 + da, j0, j0 + db)
                if sim >= GAP_MIN:
                    value = score[a - da][b - db] + sim - GAP_MIN
                elif da == db == 1 and _kept_words(lside.bag(i0), rside.bag(j0)) >= KEPT_MIN:
                    # Most of its words kept, in a text whose every sentence has
                    # them (IDF weighs them near nothing): an edit of it. Worth
                    # only a little, so any pairing the weights back wins.
                    value = score[a - 1][b - 1] + _KEPT_VALUE
                else:
                    continue
                if value > best:
                    best, step = value, (da, db, sim)
            score[a][b] = best if step else 0.0
            move[a][b] = step
    groups: list[_Group] = []
    a, b = n, m
    while a or b:
        step = move[a][b]
        assert step is not None
        da, db, sim = step
        if da and db:
            groups.append(_Group(l0 + a - da, l0 + a, r0 + b - db, r0 + b, sim))
        a, b = a - da, b - db
    for g in groups:
        _take(lside, rside, g)
    return groups


def _kept_words(a: Counter[str], b: Counter[str]) -> float:
    """Dice over plain word counts (no weights): the share of both sentences' words they share."""
    if len(a) > len(b):
        a, b = b, a
    total = sum(a.values()) + sum(b.values())
    return 2 * sum([min(c, b[w]) for w, c in a.items() if w in b]) / total if total else 0.0


# -- 4. grow and merge -------------------------------------------------------------------------


def _grow_and_merge(groups: list[_Group], lside: Side, rside: Side, scorer: Scorer) -> list[_Group]:
    """Absorb free neighbours and merge adjacent groups where content crossed a boundary."""
    groups.sort(key=attrgetter("l0", "r0"))
    for g in groups:
        _grow(g, lside, rside, scorer)
    merged: list[_Group] = []
    for g in groups:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and not prev.moved
            and not g.moved
            and prev.l1 == g.l0
            and prev.r1 == g.r0
            # Similarity is at most 1: two near-verbatim pairs can never gain enough.
            and max(prev.sim, g.sim) + MERGE_GAIN <= 1.0
        ):
            sim = scorer.groups(prev.l0, g.l1, prev.r0, g.r1)
            if sim >= max(prev.sim, g.sim) + MERGE_GAIN:
                merged[-1] = _Group(prev.l0, g.l1, prev.r0, g.r1, sim)
                continue
        merged.append(g)
    return merged


def _grow(g: _Group, lside: Side, rside: Side, scorer: Scorer) -> None:
    """Absorb free neighbours whose words are largely found on the other side of the group.

    A split sentence's second half adds new shared words but also new unshared
    ones, so plain similarity barely moves; what tells it apart from an added
    sentence is that most of its weight is found in the counterpart.
    """
    while True:
        options = []
        if g.l0 > 0 and not lside.taken[g.l0 - 1]:
            options.append((g.l0 - 1, g.l1, g.r0, g.r1, "left", g.l0 - 1))
        if g.l1 < len(lside.spans) and not lside.taken[g.l1]:
            options.append((g.l0, g.l1 + 1, g.r0, g.r1, "left", g.l1))
        if g.r0 > 0 and not rside.taken[g.r0 - 1]:
            options.append((g.l0, g.l1, g.r0 - 1, g.r1, "right", g.r0 - 1))
        if g.r1 < len(rside.spans) and not rside.taken[g.r1]:
            options.append((g.l0, g.l1, g.r0, g.r1 + 1, "right", g.r1))
        if not options:
            return
        # Most groups that can grow are a sentence kept word for word: a
        # neighbour can join only if it is tiny beside it, which its mass alone
        # may rule out before the pair's words are even counted.
        verbatim = (
            g.sim == 1.0
            and g.l1 - g.l0 == 1
            and g.r1 - g.r0 == 1
            and lside.sentences[g.l0] == rside.sentences[g.r0]
        )
        for l0, l1, r0, r1, side, k in options:
            if verbatim and scorer.outweighs(
                k, lside.sentences[g.l0], left=side == "left", slack=GROW_SLACK
            ):
                continue
            if side == "left":
                inside = scorer.contained(k, k + 1, g.r0, g.r1, left_in_right=True)
            else:
                inside = scorer.contained(k, k + 1, g.l0, g.l1, left_in_right=False)
            if inside < GROW_MIN:
                continue
            sim = scorer.groups(l0, l1, r0, r1)
            if sim >= g.sim - GROW_SLACK:
                g.l0, g.l1, g.r0, g.r1, g.sim = l0, l1, r0, r1, sim
                _take(lside, rside, g)
                break
        else:
            return


# -- 5. leftovers ------------------------------------------------------------------------------


def _pair_leftovers(
    lside: Side,
    rside: Side,
    scorer: Scorer,
    candidates: list[list[tuple[float, int]]],
    groups: list[_Group],
) -> list[_Group]:
    """Pair still-free sentences that clearly match out of order (moved text)."""
    found = []
    for i, cands in enumerate(candidates):
        if lside.taken[i]:
            continue
        for sim, j in cands:
            if sim < MOVED_MIN:
                break
            if not rside.taken[j]:
                g = _Group(i, i + 1, j, j + 1, sim, moved=True)
                _grow(g, lside, rside, scorer)
                _take(lside, rside, g)
                found.append(g)
                break
    return found


# -- blocks ------------------------------------------------------------------------------------


def _blocks(groups: list[_Group], lside: Side, rside: Side, tick: Tick) -> tuple[Block, ...]:
    keyed: list[tuple[tuple[int, int, int], Block]] = []
    lspans, rspans = lside.spans, rside.spans
    lsentences, rsentences = lside.sentences, rside.sentences
    changed: list[tuple[Span, Span, bool]] = []  # pairs whose words differ, diffed all at once
    texts: list[tuple[str, str]] = []
    for g in groups:
        if g.l1 - g.l0 == 1 and g.r1 - g.r0 == 1:
            # Most groups are one sentence a side, and most of those are word for word.
            lspan, rspan = lspans[g.l0], rspans[g.r0]
            ltext, rtext = lsentences[g.l0], rsentences[g.r0]
            if ltext == rtext:
                block = Block(BlockKind.SAME, lspan, rspan, (Op(EQUAL, ltext),), g.moved)
                keyed.append(((lspan[0], 0, rspan[0]), block))
                continue
        else:
            lspan = (lspans[g.l0][0], lspans[g.l1 - 1][1])
            rspan = (rspans[g.r0][0], rspans[g.r1 - 1][1])
            ltext, rtext = lside.text[lspan[0] : lspan[1]], rside.text[rspan[0] : rspan[1]]
        changed.append((lspan, rspan, g.moved))
        texts.append((ltext, rtext))
    for (lspan, rspan, moved), ops in zip(changed, diff_pairs(texts, tick), strict=True):
        keyed.append(((lspan[0], 0, rspan[0]), _pair_block(lspan, rspan, ops, moved)))
    for start, end in _free_runs(lside):
        span = (lside.spans[start][0], lside.spans[end - 1][1])
        ops = (Op(DELETE, lside.text[span[0] : span[1]]),)
        keyed.append(((span[0], 0, 0), Block(BlockKind.OMITTED, span, None, ops)))
    # A right-only run sits after the in-order pair that precedes it in the right.
    in_order = sorted((g.r1, lside.spans[g.l1 - 1][1]) for g in groups if not g.moved)
    right_ends = [r1 for r1, _ in in_order]
    for start, end in _free_runs(rside):
        span = (rside.spans[start][0], rside.spans[end - 1][1])
        k = bisect_right(right_ends, start)
        left_pos = in_order[k - 1][1] if k else -1
        ops = (Op(INSERT, rside.text[span[0] : span[1]]),)
        keyed.append(((left_pos, -1, span[0]), Block(BlockKind.ADDED, None, span, ops)))
    keyed.sort(key=itemgetter(0))
    return tuple(map(itemgetter(1), keyed))


def _pair_block(lspan: Span, rspan: Span, ops: tuple[Op, ...], moved: bool) -> Block:
    """The block of a paired group whose texts differ: ``ops`` are their word diff."""
    same = all(op.tag == EQUAL or not op.text.strip() for op in ops)
    return Block(BlockKind.SAME if same else BlockKind.CHANGED, lspan, rspan, ops, moved)


def _free_runs(side: Side) -> Iterable[tuple[int, int]]:
    """Maximal runs [start, end) of untaken sentences."""
    start = None
    for i, taken in enumerate(side.taken):
        if taken:
            if start is not None:
                yield start, i
                start = None
        elif start is None:
            start = i
    if start is not None:
        yield start, len(side.taken)
