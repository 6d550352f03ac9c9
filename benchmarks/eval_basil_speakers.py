"""Speakers of quotations on BASIL, text the speaker rules were not developed on.

    python benchmarks/eval_basil_speakers.py [-v]

BASIL (Fan et al., EMNLP 2019; ``../shared/eval/basil_media_bias_triplets``)
annotates biased spans of news articles; a span inside a quotation carries
``quote == "yes"`` and the speaker as a label (``Donald_Trump``, ``House_Democrats``,
``other_anti``). The labels that name one person are scored here: the span is
covered when one of our quotations overlaps it, and our speaker is right when it
and the label name the same person (``eval_polnear``'s lenient rule: one contains
the other as lower-case words, titles aside). Labels of a group or a category
(``other_*``, a lower-case word, or a first word such as House or Democratic)
are not scored. The events are split in two
halves as in ``eval_loaded`` (A: the first 15 triplet ids in sorted order): only
half A's errors may be looked at (``-v`` lists them: the article's file name, the
label, ours); half B stays held out. Nothing from the data is copied into the
project.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_polnear import _same_name  # noqa: E402

from reader.core.article import Article  # noqa: E402
from reader.core.quotes.find import extract_quotes  # noqa: E402

DATA = ROOT.parent / "shared" / "eval" / "basil_media_bias_triplets"


# First words of BASIL's group labels ("House_Democrats", "Democratic_Lawmakers").
_GROUP_FIRST = frozenset({"House", "Senate", "Democratic", "Republican"})


def _person(label: str) -> str | None:
    """ "Donald_Trump" -> "Donald Trump"; None for a group or category label."""
    words = label.split("_")
    if label.startswith("other_") or words[0] in _GROUP_FIRST or any(w.islower() for w in words):
        return None
    return " ".join(words)


def evaluate(half: str) -> dict:
    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    uuids = sorted(t["triplet_uuid"] for t in gold)
    in_a = set(uuids[: len(uuids) // 2])
    scored = covered = right = empty = 0
    direct = direct_right = 0
    wrong: list[tuple[str, str, str | None]] = []
    for triplet in gold:
        if (triplet["triplet_uuid"] in in_a) != (half == "A"):
            continue
        for article in triplet["articles"]:
            spans = [
                (p["doc_start"], p["doc_end"], person)
                for p in article["phrase_level_annotations"]
                if p["quote"] == "yes" and (person := _person(p["speaker"])) is not None
            ]
            if not spans:
                continue
            text = (DATA / "text" / article["file"]).read_text(encoding="utf-8")
            quotes = [q for q in extract_quotes(Article.from_text(text)) if not q.term]
            for start, end, person in spans:
                scored += 1
                quote = next((q for q in quotes if q.start < end and start < q.end), None)
                if quote is None:
                    continue
                covered += 1
                ok = _same_name(quote.speaker, person)
                direct += not quote.partial
                direct_right += ok and not quote.partial
                if ok:
                    right += 1
                else:
                    empty += quote.speaker is None
                    wrong.append((article["file"], person, quote.speaker))
    return {
        "scored": scored,
        "covered": covered,
        "right": right,
        "empty": empty,
        "direct": direct,
        "direct_right": direct_right,
        "wrong": wrong,
    }


def main() -> None:
    print("BASIL: speakers of quoted biased spans labelled with one person")
    print("| | half A (looked at) | half B (held out) |")
    print("|---|---|---|")
    results = {half: evaluate(half) for half in "AB"}
    rows = [
        ("spans scored", lambda r: f"{r['scored']}"),
        (
            "inside one of our quotations",
            lambda r: f"{r['covered']} ({r['covered'] / r['scored']:.3f})",
        ),
        ("speaker right", lambda r: f"{r['right']} ({r['right'] / r['covered']:.3f})"),
        (
            "of which in a full quotation: speaker right",
            lambda r: (
                f"{r['direct_right']} of {r['direct']} ({r['direct_right'] / r['direct']:.3f})"
            ),
        ),
        ("no speaker", lambda r: f"{r['empty']} ({r['empty'] / r['covered']:.3f})"),
        (
            "another speaker (wrong)",
            lambda r: (
                f"{len(r['wrong']) - r['empty']} "
                f"({(len(r['wrong']) - r['empty']) / r['covered']:.3f})"
            ),
        ),
    ]
    for name, cell in rows:
        print(f"| {name} | {cell(results['A'])} | {cell(results['B'])} |")
    if "-v" in sys.argv:
        for file, person, ours in results["A"]["wrong"]:
            print(f"  WRONG {file}: gold {person!r} ours {ours!r}")


if __name__ == "__main__":
    main()
