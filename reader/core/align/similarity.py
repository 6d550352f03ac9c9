"""The similarity model alignment scores candidate pairs with: IDF-weighted Dice over word bags.

``Side`` holds one article's sentences and their word bags (made on first use);
``Scorer`` weighs the bags of the sentences in play, so "the", "of" and "said"
barely count and shared names do.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from operator import mul

from reader.core.article import Article, Span

WORD = re.compile(r"\w+")


@dataclass
class Side:
    """One article's sentences; word bags are made on first use."""

    text: str
    spans: list[Span]
    sentences: list[str]  # each span's text, sliced once: every stage reads them
    taken: list[bool]
    has_headline: bool
    _bags: list[Counter[str] | None]
    _by_text: dict[str, Counter[str]]

    @classmethod
    def of(cls, article: Article, bags: dict[str, Counter[str]] | None = None) -> Side:
        """One article's side; ``bags`` (sentence text -> word counts) may be shared."""
        spans = list(article.sentences)
        first = article.text[spans[0][0] : spans[0][1]] if spans else ""
        # A line ending in a full stop is a lead sentence, whatever the loader called it.
        headline = bool(first and first == article.title and first[-1] not in ".!?")
        own: list[Counter[str] | None] = [None] * len(spans)
        if headline:
            # A headline is compared with the other headline only: its words
            # ("White House", "Biden") echo the lead without being its counterpart.
            own[0] = Counter()
        text = article.text
        sentences = [text[start:end] for start, end in spans]
        by_text = {} if bags is None else bags
        return cls(text, spans, sentences, [False] * len(spans), headline, own, by_text)

    def bag(self, i: int) -> Counter[str]:
        """Sentence ``i``'s word counts (lower case). Shared by its copies: never to be changed."""
        bag = self._bags[i]
        if bag is None:
            text = self.sentences[i]
            # A text that repeats itself makes one bag a distinct sentence.
            bag = self._by_text.get(text)
            if bag is None:
                bag = self._by_text[text] = Counter(WORD.findall(text.lower()))
            self._bags[i] = bag
        return bag


class Scorer:
    """Weighted Dice similarity of sentence groups, with IDF over the sentences in play.

    IDF counts only the sentences not already paired word for word: they are
    the ones whose matches are in question, and it keeps the cost of a mostly
    unchanged rewrite proportional to what changed. A word's weight in a group
    is its IDF times its count there; the word bags are weighed as they are
    compared, never copied into weighted ones.
    """

    def __init__(self, left: Side, right: Side, free_left: list[int], free_right: list[int]):
        # A bag iterates its distinct words: one count per sentence holding the word.
        df = Counter(chain(*map(left.bag, free_left), *map(right.bag, free_right)))
        n = len(free_left) + len(free_right) + 1
        self._rare = math.log(n) + 0.1  # the weight of a word seen nowhere in play
        self.idf = Idf({w: math.log(n / c) + 0.1 for w, c in df.items()}, self._rare)
        self._left = Masses(left, self.idf, free_left)
        self._right = Masses(right, self.idf, free_right)

    def shared(self, a: Counter[str], b: Counter[str]) -> float:
        """The weight two bags have in common."""
        # Summed in the smaller bag's own (text) order, never a set's: a set of
        # strings iterates in hash order, which changes from run to run, and so
        # would the last bits of the sum and the ties they break.
        if len(a) > len(b):
            a, b = b, a
        idf = self.idf
        return sum([idf[w] * min(c, b[w]) for w, c in a.items() if w in b])

    def pair(self, i: int, j: int) -> float:
        """Similarity (0..1) of left sentence ``i`` and right sentence ``j``."""
        # The common case of ``groups``, without its loops: most calls score one pair.
        mass = self._left.of(i) + self._right.of(j)
        return 2.0 * self.shared(self._left.bag(i), self._right.bag(j)) / mass if mass else 0.0

    def shared_weights(
        self, l0: int, l1: int, r0: int, r1: int
    ) -> tuple[list[list[float]], list[float], list[float]]:
        """The weight each pair of left [l0, l1) and right [r0, r1) sentences shares, and
        each sentence's own weight (its mass).

        A group of them shares at most the sum of its pairs' weights (the minimum
        of two sums of counts is at most the sum of their pairwise minima), which
        bounds its similarity without merging a bag. A pair's similarity is
        ``2 * shared / (left mass + right mass)``, exactly as ``pair`` computes it.
        """
        left, right, shared = self._left, self._right, self.shared
        rbags = [right.bag(j) for j in range(r0, r1)]
        weights = [
            [0.0 if a.keys().isdisjoint(b) else shared(a, b) for b in rbags]
            for a in map(left.bag, range(l0, l1))
        ]
        return weights, list(map(left.of, range(l0, l1))), list(map(right.of, range(r0, r1)))

    def groups(self, l0: int, l1: int, r0: int, r1: int) -> float:
        """Similarity (0..1) of left sentences [l0, l1) and right sentences [r0, r1)."""
        if l1 - l0 == 1 and r1 - r0 == 1:
            return self.pair(l0, r0)
        mass = self._left.total(l0, l1) + self._right.total(r0, r1)
        if not mass:
            return 0.0
        shared = self.shared(self._left.merged(l0, l1), self._right.merged(r0, r1))
        return 2.0 * shared / mass

    def contained(self, a0: int, a1: int, b0: int, b1: int, *, left_in_right: bool) -> float:
        """Share of the weight of sentences [a0, a1) of one side found in [b0, b1) of the other."""
        mine, theirs = (self._left, self._right) if left_in_right else (self._right, self._left)
        mass = mine.total(a0, a1)
        if not mass:
            return 0.0
        return self.shared(mine.merged(a0, a1), theirs.merged(b0, b1)) / mass

    def outweighs(self, k: int, verbatim: str, *, left: bool, slack: float) -> bool:
        """Whether sentence ``k`` of one side, added to a pair of identical sentences
        ``verbatim``, must bring its similarity below ``1 - slack``.

        Such a pair of weight ``m`` a side becomes ``2m / (2m + x)`` similar with a
        sentence of weight ``x``. ``m`` is bounded without counting its words:
        at most one word per two characters, none weighing more than an unseen one.
        """
        masses = self._left if left else self._right
        bound = self._rare * (len(verbatim) // 2 + 1)
        # 2m * slack / (1 - slack) is the most x may weigh; 1.5x that leaves rounding no say.
        return masses.of(k) > 3.0 * bound * slack / (1.0 - slack)

    def rarest(self, bag: Counter[str], k: int) -> list[str]:
        """The ``k`` rarest words of a free sentence's bag; equally rare: in text order."""
        # A stable sort keeps equally rare words in text order.
        return sorted(bag, key=self.idf.__getitem__, reverse=True)[:k]


class Idf(dict[str, float]):
    """Each word's IDF; a word seen in no sentence in play weighs ``rare``."""

    def __init__(self, weights: dict[str, float], rare: float) -> None:
        super().__init__(weights)
        self.rare = rare

    def __missing__(self, word: str) -> float:
        return self.rare


def _mass(bag: Counter[str], idf: Idf) -> float:
    """The total weight of a bag."""
    return sum(map(mul, map(idf.__getitem__, bag), bag.values()))


class Masses:
    """Each sentence's total weight on one side: the free ones' at once, others on first use."""

    def __init__(self, side: Side, idf: Idf, free: list[int]) -> None:
        # Not the scorer itself: a reference back to it would make a cycle, and
        # cycles (with every word bag in them) wait for the paused collector.
        self.bag = side.bag
        self._idf = idf
        self._masses: list[float | None] = [None] * len(side.spans)
        # The free sentences are the ones scored: all weighed at once, each
        # distinct bag once (copies of a sentence share theirs).
        masses = self._masses
        by_bag: dict[int, float] = {}
        for i in free:
            bag = side.bag(i)
            mass = by_bag.get(id(bag))
            if mass is None:
                mass = by_bag[id(bag)] = _mass(bag, idf)
            masses[i] = mass

    def of(self, i: int) -> float:
        mass = self._masses[i]
        if mass is None:
            mass = self._masses[i] = _mass(self.bag(i), self._idf)
        return mass

    def total(self, start: int, end: int) -> float:
        if end - start == 1:
            return self.of(start)
        return sum(self.of(i) for i in range(start, end))

    def merged(self, start: int, end: int) -> Counter[str]:
        if end - start == 1:
            return self.bag(start)
        total: Counter[str] = Counter()
        for i in range(start, end):
            total.update(self.bag(i))
        return total
