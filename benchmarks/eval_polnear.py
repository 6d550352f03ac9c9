"""Direct-quote recall and speaker accuracy on PolNeAR (political news, annotated by others).

Run ``python benchmarks/eval_polnear.py`` (prints a table) or import ``evaluate()``.
The data stays in ``../shared/eval/polnear_attribution`` (set ``POLNEAR_DIR`` to
point elsewhere); nothing from it is copied into the project.

What is counted:

- Gold: attributions whose ``derived_content_is_single_direct_quote`` is true
  (content that is exactly one quotation). Their content span includes the
  marks and, at times, punctuation next to them.
- Recall: a gold quotation is found when one of our quotations has the same
  span up to ``EDGE`` characters at each end (marks, a trailing comma, spaces).
- Speaker accuracy, over found quotations whose gold source is annotated:
  strict: our ``speaker_span`` overlaps the gold source span (the gold source
  is the mention in the text, which may be a pronoun, and so is our span);
  lenient: strict, or our resolved ``speaker`` and the gold source text name the
  same person (one contains the other, compared as lower-case words with titles
  and "the" removed), which credits a pronoun or surname we resolved to the name
  the annotator marked instead.
- Partial-quote speakers (informative, no target): attributions whose content
  holds quotation marks but is not one quotation (reported speech quoting a
  phrase); the first of our quotations inside the content is scored with the
  lenient rule. A harder check of the rules on text they were not tuned on.
- Extra: our quotations that overlap no gold attribution content at all (a rough
  precision signal: PolNeAR does not annotate every quotation, e.g. titles).
  Extraction precision is the share of our quotations shown as speech (terms
  excluded: ``Quote.term``, a quoted name the views hide by default) that
  overlap some gold attribution content; the same share over all our
  quotations, terms included, is printed beside it.
- Pairing across two articles is not measured: PolNeAR annotates single
  articles (no rewrite, no gold quotation pairs).
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from reader.core.article import Article  # noqa: E402
from reader.core.quotes.find import extract_quotes  # noqa: E402

DATA = Path(os.environ.get("POLNEAR_DIR", ROOT.parent / "shared" / "eval" / "polnear_attribution"))
EDGE = 3
_MARKS = "“”\"«»„‘’' ,.\xa0\n"
_TITLES = {"mr", "mrs", "ms", "dr", "rep", "sen", "gov", "del", "the", "president", "pres"}


def evaluate(data_dir: Path = DATA, *, verbose: bool = False) -> dict:
    """Score ``extract_quotes`` on the PolNeAR dev split; returns counts and rates."""
    gold = json.loads((data_dir / "gold.json").read_text(encoding="utf-8"))
    total = found = with_source = strict = lenient = 0
    partial_total = partial_ok = 0
    ours = extra = terms = extra_terms = 0
    misses: list[str] = []
    partial_wrong: list[str] = []
    wrong: list[str] = []
    seconds = 0.0
    for doc in gold:
        text = (data_dir / "text" / doc["file"]).read_text(encoding="utf-8")
        t0 = time.perf_counter()
        quotes = extract_quotes(Article.from_text(text))
        seconds += time.perf_counter() - t0
        contents = [span for a in doc["attributions"] for span in a["content"]]
        ours += len(quotes)
        terms += sum(q.term for q in quotes)
        for q in quotes:
            if not any(s["start"] < q.end and q.start < s["end"] for s in contents):
                extra += 1
                extra_terms += q.term
        for attribution in doc["attributions"]:
            sources = attribution.get("source") or []
            if not attribution.get("derived_content_is_single_direct_quote"):
                if attribution.get("derived_content_has_quotation_marks") and sources:
                    c_start = attribution["content"][0]["start"]
                    c_end = attribution["content"][-1]["end"]
                    inside = [q for q in quotes if c_start <= q.start and q.end <= c_end]
                    if inside:
                        partial_total += 1
                        ok = _speaker_ok(inside[0], sources)[1]
                        partial_ok += ok
                        if not ok:
                            first = inside[0]
                            partial_wrong.append(
                                f"{doc['file'][:40]}: {text[first.start : first.end][:40]!r}"
                                f" gold {[s['text'] for s in sources]} ours {first.speaker!r}"
                            )
                continue
            total += 1
            content = attribution["content"]
            g_start, g_end = _strip(text, content[0]["start"], content[-1]["end"])
            match = next(
                (
                    q
                    for q in quotes
                    if abs(q.start - g_start) <= EDGE and abs(q.end - g_end) <= EDGE
                ),
                None,
            )
            if match is None:
                misses.append(f"{doc['file'][:40]}: {text[g_start:g_end][:70]!r}")
                continue
            found += 1
            if not sources:
                continue
            with_source += 1
            span_ok, any_ok = _speaker_ok(match, sources)
            strict += span_ok
            lenient += any_ok
            if not any_ok:
                gold_names = [s["text"] for s in sources]
                wrong.append(f"{doc['file'][:40]}: gold {gold_names} ours {match.speaker!r}")
    result = {
        "articles": len(gold),
        "direct_quotes": total,
        "found": found,
        "recall": found / total if total else 0.0,
        "with_source": with_source,
        "speaker_strict": strict / with_source if with_source else 0.0,
        "speaker_lenient": lenient / with_source if with_source else 0.0,
        "partial_quotes": partial_total,
        "partial_speaker": partial_ok / partial_total if partial_total else 0.0,
        "our_quotes": ours,
        "unannotated_quotes": extra,
        "terms": terms,
        "precision": (
            (ours - terms - (extra - extra_terms)) / (ours - terms) if ours > terms else 0.0
        ),
        "precision_all": (ours - extra) / ours if ours else 0.0,
        "seconds": seconds,
    }
    if verbose:
        result["misses"] = misses
        result["wrong_speakers"] = wrong
        result["partial_wrong"] = partial_wrong
    return result


def _speaker_ok(quote, sources: list[dict]) -> tuple[bool, bool]:
    """(strict, lenient) agreement of our speaker with the gold source mention."""
    span = quote.speaker_span
    span_ok = span is not None and any(s["start"] < span[1] and span[0] < s["end"] for s in sources)
    name_ok = _same_name(quote.speaker, " ".join(s["text"] for s in sources))
    return span_ok, span_ok or name_ok


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _MARKS:
        start += 1
    while end > start and text[end - 1] in _MARKS:
        end -= 1
    return start, end


def _name_words(name: str | None) -> list[str]:
    words = re.findall(r"[\w'’-]+", (name or "").lower())
    return [w for w in words if w not in _TITLES]


def _same_name(ours: str | None, gold: str) -> bool:
    a, b = _name_words(ours), _name_words(gold)
    if not a or not b:
        return False

    def contains(outer: list[str], inner: list[str]) -> bool:
        n = len(inner)
        return any(outer[k : k + n] == inner for k in range(len(outer) - n + 1))

    return contains(a, b) or contains(b, a)


def main() -> None:
    verbose = "-v" in sys.argv
    r = evaluate(verbose=verbose)
    rows = [
        ("articles", f"{r['articles']}", ""),
        ("gold direct quotations", f"{r['direct_quotes']}", ""),
        (
            "direct-quote recall",
            f"{r['recall']:.3f}",
            f"{r['found']}/{r['direct_quotes']}  target >= 0.98",
        ),
        (
            "speaker accuracy, strict",
            f"{r['speaker_strict']:.3f}",
            f"of {r['with_source']} with a gold source",
        ),
        ("speaker accuracy, lenient", f"{r['speaker_lenient']:.3f}", "target >= 0.85"),
        (
            "partial-quote speakers",
            f"{r['partial_speaker']:.3f}",
            f"of {r['partial_quotes']} reported-speech attributions, lenient (no target)",
        ),
        (
            "our quotations",
            f"{r['our_quotes']}",
            f"{r['unannotated_quotes']} overlap no gold content; {r['terms']} terms",
        ),
        (
            "extraction precision",
            f"{r['precision']:.3f}",
            f"terms excluded; {r['precision_all']:.3f} with them  target >= 0.96",
        ),
        ("extraction time", f"{r['seconds'] * 1000:.0f} ms", "all articles"),
    ]
    width = max(len(name) for name, _, _ in rows)
    print("PolNeAR dev split: quotations and speakers")
    for name, value, note in rows:
        print(f"  {name:<{width}}  {value:>8}  {note}")
    if verbose:
        for line in r["misses"]:
            print("  MISS", line)
        for line in r["wrong_speakers"]:
            print("  SPEAKER", line)
        for line in r["partial_wrong"]:
            print("  PARTIAL", line)


if __name__ == "__main__":
    main()
