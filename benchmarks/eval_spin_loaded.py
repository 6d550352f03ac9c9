"""Loaded wording on BASIL: how many annotated loaded-wording spans the spin stage flags.

    python benchmarks/eval_spin_loaded.py

BASIL (Fan et al., EMNLP 2019) has the same event reported by three outlets,
with phrase-level annotations; ``bias == "lex"`` marks loaded wording. Read in
place from ``../shared/eval/basil_media_bias_triplets`` (never copied). Two rows:

- lexicon: ``lexicons.find_loaded`` over each whole article (what the word
  lists alone flag);
- stage: each event's three articles compared two by two, as a user would
  compare one outlet's story with another's, and the ``loaded`` findings on each
  side counted (words the other article's aligned text lacks);
- stage, with quotations: the same, and the loaded words that a quotation
  found added or dropped whole names (``quote`` findings: "quotation added, with
  loaded words ..."), since the loaded detector leaves quoted words alone.

Span recall is the share of ``lex`` spans that hold a flagged word; the flag rate
is the share of all words (``\\w+``) flagged. Target: >= 0.60 of spans at <= 3%
of words. The 30 events are split in two halves by id, reported apart: nothing
here was tuned on half B.
"""

from __future__ import annotations

import bisect
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.article import Article  # noqa: E402
from reader.core.compare import compare  # noqa: E402
from reader.core.results.comparison import Change, FindingKind  # noqa: E402
from reader.core.spin.lexicons import find_loaded  # noqa: E402

BASIL = ROOT.parent / "shared" / "eval" / "basil_media_bias_triplets"
_WORD = re.compile(r"\w+")


class Tally:
    """Spans hit and words flagged, pooled over articles."""

    def __init__(self) -> None:
        self.spans = self.hit = self.words = self.flagged = 0
        self.inf_spans = self.inf_hit = 0

    def add(self, text: str, flags: Iterable[tuple[int, int]], gold: list[dict]) -> None:
        flags = sorted(flags)
        starts = [s for s, _ in flags]
        words = [m.span() for m in _WORD.finditer(text)]
        self.words += len(words)
        self.flagged += sum(1 for s, e in words if _overlaps(flags, starts, s, e))
        for span in gold:
            hit = _overlaps(flags, starts, span["doc_start"], span["doc_end"])
            if span["bias"] == "lex":
                self.spans += 1
                self.hit += hit
            elif span["bias"] == "inf":
                self.inf_spans += 1
                self.inf_hit += hit

    def row(self, name: str) -> str:
        recall = self.hit / self.spans if self.spans else 0.0
        inf = self.inf_hit / self.inf_spans if self.inf_spans else 0.0
        rate = self.flagged / self.words if self.words else 0.0
        return f"| {name} | {recall:.3f} | {self.spans} | {rate:.2%} | {self.words} | {inf:.3f} |"


def _overlaps(flags: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    k = bisect.bisect_left(starts, end)  # flags starting before ``end``
    return any(flags[j][1] > start for j in range(max(0, k - 3), k))


def main() -> int:
    if not (BASIL / "gold.json").is_file():
        print(f"no BASIL data at {BASIL}")
        return 1
    triplets = sorted(
        json.loads((BASIL / "gold.json").read_text(encoding="utf-8")),
        key=lambda t: t["triplet_uuid"],
    )
    half = len(triplets) // 2
    methods = ("lexicon", "stage", "stage, with quotations")
    tallies = {(method, part): Tally() for method in methods for part in "AB"}
    for n, triplet in enumerate(triplets):
        part = "A" if n < half else "B"
        articles = triplet["articles"]
        texts = [(BASIL / "text" / a["file"]).read_text(encoding="utf-8") for a in articles]
        gold = [a["phrase_level_annotations"] for a in articles]
        for text, spans in zip(texts, gold, strict=True):
            words = find_loaded(text)
            tallies["lexicon", part].add(text, ((w.start, w.end) for w in words), spans)
        for i, j in ((0, 1), (1, 2), (2, 0)):
            comparison = compare(Article.from_text(texts[i]), Article.from_text(texts[j]))
            for side, k in (("left", i), ("right", j)):
                flags = [
                    (f.start, f.end)
                    for f in comparison.findings
                    if f.kind is FindingKind.LOADED and f.side == side
                ]
                tallies["stage", part].add(texts[k], flags, gold[k])
                quoted = [
                    (w.start, w.end)
                    for f in comparison.findings
                    if f.kind is FindingKind.QUOTE
                    and f.side == side
                    and f.change is not Change.CHANGED
                    and "loaded words" in f.why
                    for w in find_loaded(texts[k], f.start, f.end)
                    if w.category != "scare quote"
                ]
                tallies["stage, with quotations", part].add(
                    texts[k], sorted(flags + quoted), gold[k]
                )
    print("| method, half | lex span recall | lex spans | words flagged | words | inf recall |")
    print("|---|---|---|---|---|---|")
    for (method, part), tally in tallies.items():
        print(tally.row(f"{method}, half {part}"))
    for method in methods:
        both = Tally()
        for part in "AB":
            t = tallies[method, part]
            for attr in vars(both):
                setattr(both, attr, getattr(both, attr) + getattr(t, attr))
        print(both.row(f"{method}, all"))
    print("\nstage: each article counted once per comparison it is in (twice)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
