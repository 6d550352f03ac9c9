"""Pair the quotations of two articles and say how each pair's words differ.

``quote_pairs`` finds both articles' quotations and pairs them; ``pair_quotes``
pairs quotations found already.

Quotations are compared as word sequences (lower-cased, punctuation dropped,
curly and straight apostrophes alike). Two quotations are linked when their
longest common word subsequence covers most of the shorter one; linked
quotations form groups (see ``_group``), so a quotation the other side split in
two, or two it merged into one, end up in ONE pair. The status
compares the group's quotations joined in text order:

- ``verbatim``: the same words;
- ``truncated``: the rewrite quotes a run of the original's words, cut at
  either end (a shortened quotation); words dropped from inside a quotation,
  or added to it, make it ``altered``;
- ``altered``: anything else; ``ops`` is the word diff of the joined texts;
- ``merged``: two or more quotations of the original became one, whatever
  their words (joining separate statements into one continuous quotation is
  itself a change a reader must see); ``split``: one became two or more. The
  ops still show any word changed;
- ``only_left`` / ``only_right``: no counterpart.

Candidates come from an index of content words, so only quotations sharing a
rare word are ever compared; each comparison is a bit-parallel LCS from
rapidfuzz. Pairs are listed in left text order; a pair with no left quotation
(``only_right``) comes right after the pair holding the nearest paired right
quotation before it (at the end when nothing is paired).
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from operator import itemgetter

from reader.core.article import Article
from reader.core.quotes.find import extract_quotes
from reader.core.quotes.lazy_re import lazy
from reader.core.results.comparison import Quote, QuotePair, QuoteStatus
from reader.core.worddiff import word_ops

# rapidfuzz's ``LCSseq.similarity`` (the length of the longest common word
# subsequence), imported by ``_group`` when it first compares quotations: its
# import costs ~10 ms that a process which pairs nothing need not pay.
_lcs = None
_WORD = lazy(r"\w+(?:['’]\w+)*")
# A word in more than this many quotations of one side says nothing about pairing.
_MAX_POSTINGS = 50
# Quotations of the other side compared in full with each quotation, most shared words first.
_MAX_CANDIDATES = 8
# Share of the shorter quotation's words that must be shared, in order.
_LINK_SHARE = 0.6
_STOP = frozenset(
    """
    a an the and or but of to in on at by for with from as is are was were be been it its
    this that these those i we you he she they them us our their his her my me not no do
    does did have has had will would can could so if just very there here what who which
    """.split()
)


def quote_pairs(left: Article, right: Article) -> tuple[QuotePair, ...]:
    """Find both articles' quotations and pair them (``extract_quotes``, then ``pair_quotes``)."""
    return pair_quotes(left, extract_quotes(left), right, extract_quotes(right))


def pair_quotes(
    left: Article, left_quotes: tuple[Quote, ...], right: Article, right_quotes: tuple[Quote, ...]
) -> tuple[QuotePair, ...]:
    """Pair the quotations of two articles; every quote appears in exactly one pair.

    Pairs come in left text order (see the module docstring for the statuses).
    """
    return pair(left.text, left_quotes, right.text, right_quotes)


def pair(
    left_text: str, left: tuple[Quote, ...], right_text: str, right: tuple[Quote, ...]
) -> tuple[QuotePair, ...]:
    """Pair ``left`` and ``right`` quotations; every quotation lands in exactly one pair."""
    left_words = [_words(q.text(left_text)) for q in left]
    right_words = [_words(q.text(right_text)) for q in right]
    groups = _group(left_words, right_words)

    pairs: list[tuple[float, QuotePair]] = []
    right_home: dict[int, int] = {}  # right quote index -> index of its pair in ``pairs``
    for lefts, rights in sorted(groups, key=lambda g: g[0][0]):
        qs_left = tuple(left[i] for i in lefts)
        qs_right = tuple(right[j] for j in rights)
        for j in rights:
            right_home[j] = len(pairs)
        # The words of the joined texts are the members' words in order: reuse them.
        words_left = [w for i in lefts for w in left_words[i]]
        words_right = [w for j in rights for w in right_words[j]]
        pairs.append(
            (len(pairs), _pair(left_text, qs_left, right_text, qs_right, words_left, words_right))
        )

    # Place each right-only quotation after the pair of the nearest paired right
    # quotation before it (or before the first such pair, or at the end when
    # nothing is paired), keeping their own order.
    ordered: list[tuple[float, QuotePair]] = list(pairs)
    first_home = min(right_home.values(), default=len(pairs))
    anchor = first_home - 1.0
    for j, quote in enumerate(right):
        if j in right_home:
            anchor = float(right_home[j])
            continue
        anchor += 1e-6
        ordered.append((anchor, _pair(left_text, (), right_text, (quote,), [], right_words[j])))
    ordered.sort(key=lambda item: item[0])
    return tuple(p for _, p in ordered)


def status_of(left_words: list[str], right_words: list[str]) -> QuoteStatus:
    """Compare two word sequences (see the module docstring)."""
    if left_words == right_words:
        return QuoteStatus.VERBATIM
    if not left_words:
        return QuoteStatus.ONLY_RIGHT
    if not right_words:
        return QuoteStatus.ONLY_LEFT
    if len(right_words) < len(left_words) and _contiguous_in(right_words, left_words):
        return QuoteStatus.TRUNCATED
    return QuoteStatus.ALTERED


def _contiguous_in(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is a run of ``whole``'s words: the quotation cut at its ends.

    Words dropped from the middle ("We will not raise" -> "We will raise") or
    added ("raise" -> "never raise") change what was said: that is altered.
    """
    n = len(part)
    first = part[0]
    return any(
        whole[i : i + n] == part for i, w in enumerate(whole[: len(whole) - n + 1]) if w == first
    )


def _pair(
    left_text: str,
    lefts: tuple[Quote, ...],
    right_text: str,
    rights: tuple[Quote, ...],
    words_left: list[str],
    words_right: list[str],
) -> QuotePair:
    """One pair; ``words_*`` are ``_words`` of each side's joined text (computed once)."""
    a = " ".join(q.text(left_text) for q in lefts)
    b = " ".join(q.text(right_text) for q in rights)
    if len(lefts) > 1 and len(rights) == 1:
        status = QuoteStatus.MERGED
    elif len(lefts) == 1 and len(rights) > 1:
        status = QuoteStatus.SPLIT
    else:
        status = status_of(words_left, words_right)
    return QuotePair(status=status, left=lefts, right=rights, ops=word_ops(a, b))


def _words(text: str) -> list[str]:
    # ’ and ' are alike to ``_WORD`` (neither is a word character): replacing it in the
    # whole text first gives the same words as replacing it in each word.
    return _WORD.findall(text.lower().replace("’", "'"))


def _links(
    left_words: list[list[str]], right_words: list[list[str]]
) -> list[tuple[int, int, float]]:
    """(left, right, share) for quotations whose words overlap enough to be the same one."""
    postings: dict[str, list[int]] = defaultdict(list)
    for j, words in enumerate(right_words):
        for word in set(words):
            postings[word].append(j)
    links = []
    n_left, n_right = max(len(left_words), 1), len(right_words)
    for i, words in enumerate(left_words):
        if not words:
            continue
        # In text order (not a set's hash order), so ties in the votes fall the same way every run.
        keys = dict.fromkeys(w for w in words if w not in _STOP) or dict.fromkeys(words)
        expected = i * n_right // n_left  # where this quotation would sit on the right
        voters: list[int] = []  # every hit of every word, counted once at the end (in C)
        for word in keys:
            hits = postings.get(word, ())
            if len(hits) > _MAX_POSTINGS:
                # A word many quotations share: only the ones near the expected place.
                k = bisect.bisect_left(hits, expected)
                hits = hits[max(0, k - _MAX_POSTINGS // 2) : k + _MAX_POSTINGS // 2]
            voters.extend(hits)
        votes = Counter(voters)  # counts and first-seen order as updating word by word
        # ``votes.most_common(n)`` is documented equal to this stable sort; sorting in C
        # skips heapq's Python loop (the same candidates, ties in first-seen order).
        for j, _ in sorted(votes.items(), key=itemgetter(1), reverse=True)[:_MAX_CANDIDATES]:
            share = _shared(words, right_words[j])
            if share:
                links.append((i, j, share))
    return links


def _shared(a: list[str], b: list[str]) -> float:
    """Share of the shorter word list found in order in the other; 0 below the link bar."""
    shorter = min(len(a), len(b))
    if shorter == 1:
        return 1.0 if a == b else 0.0  # a one-word quotation only matches itself
    common = _lcs(a, b)
    if common < 2 or common < _LINK_SHARE * shorter:
        return 0.0
    return common / shorter


def _group(
    left_words: list[list[str]], right_words: list[list[str]]
) -> list[tuple[list[int], list[int]]]:
    """Groups of (left indices, right indices), one per left quotation or merged set.

    Links are taken best first (share of the shorter quotation covered, then the
    closest relative position, so repeated quotations pair in order). A link
    between two quotations already in different groups is dropped; a link that
    adds a quotation to an existing group is kept only if the newcomer brings
    words the group's other side has not yet matched: that is what tells a
    quotation split in two from the same quotation repeated.
    """
    global _lcs
    if _lcs is None:
        from rapidfuzz.distance import LCSseq

        _lcs = LCSseq.similarity
    n_left, n_right = len(left_words), len(right_words)
    scored = []
    for i, j, share in _links(left_words, right_words):
        distance = abs(i / max(n_left, 1) - j / max(n_right, 1))
        scored.append((-share, distance, i, j))
    scored.sort()
    group_of_left: dict[int, int] = {}
    group_of_right: dict[int, int] = {}
    groups: list[tuple[list[int], list[int]]] = []
    for _, _, i, j in scored:
        gi, gj = group_of_left.get(i), group_of_right.get(j)
        if gi is not None and gj is not None:
            continue
        if gi is None and gj is None:
            group_of_left[i] = group_of_right[j] = len(groups)
            groups.append(([i], [j]))
            continue
        if gi is None:
            lefts, rights = groups[gj]
            if _adds_coverage(left_words, lefts, i, right_words, rights):
                lefts.append(i)
                lefts.sort()
                group_of_left[i] = gj
        else:
            lefts, rights = groups[gi]
            if _adds_coverage(right_words, rights, j, left_words, lefts):
                rights.append(j)
                rights.sort()
                group_of_right[j] = gi
    for i in range(n_left):
        if i not in group_of_left:
            groups.append(([i], []))
    return groups


def _adds_coverage(
    words: list[list[str]],
    members: list[int],
    newcomer: int,
    other: list[list[str]],
    others: list[int],
) -> bool:
    """Whether ``newcomer`` matches enough of the other side that ``members`` left unmatched."""
    target = [w for k in others for w in other[k]]
    before = _lcs([w for k in members for w in words[k]], target)
    joined = [w for k in sorted(members + [newcomer]) for w in words[k]]
    gained = _lcs(joined, target) - before
    return gained >= max(1, _LINK_SHARE * len(words[newcomer]))
