"""Measure find_loaded against BASIL's phrase annotations; prints tables, copies no text."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from reader.core.spin import lexicons as loaded  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval" / "basil_media_bias_triplets"
WORD = re.compile(r"\w+")


def load_articles():
    """Yield (half, text, lex_spans, inf_spans) for every article; half A = first 15 uuids."""
    gold = json.loads((EVAL / "gold.json").read_text(encoding="utf-8"))
    uuids = sorted(t["triplet_uuid"] for t in gold)
    half_of = {u: ("A" if i < len(uuids) // 2 else "B") for i, u in enumerate(uuids)}
    out = []
    for t in gold:
        for a in t["articles"]:
            text = (EVAL / "text" / a["file"]).read_text(encoding="utf-8")
            spans = defaultdict(list)
            for p in a["phrase_level_annotations"]:
                spans[p["bias"]].append((p["doc_start"], p["doc_end"]))
            out.append((half_of[t["triplet_uuid"]], text, spans["lex"], spans["inf"]))
    return out


def overlaps(a0, a1, spans):
    """True if [a0, a1) overlaps any span."""
    return any(a0 < e and s < a1 for s, e in spans)


def measure(arts, flags_per_art, min_score=0.0):
    """Return dict of recall/flag-rate numbers for flags with score >= min_score."""
    n_words = n_flag_words = 0
    lex_hit = lex_n = inf_hit = inf_n = 0
    cat = defaultdict(lambda: [0, 0])
    for (_, text, lex, inf), flags in zip(arts, flags_per_art, strict=True):
        flags = [f for f in flags if f.score >= min_score]
        words = [(m.start(), m.end()) for m in WORD.finditer(text)]
        n_words += len(words)
        # a word counts as flagged when a flag overlaps it (flags are sorted, so sweep)
        j = 0
        for ws, we in words:
            while j < len(flags) and flags[j].end <= ws:
                j += 1
            if j < len(flags) and flags[j].start < we:
                n_flag_words += 1
        for s, e in lex:
            lex_n += 1
            lex_hit += any(f.start < e and s < f.end for f in flags)
        for s, e in inf:
            inf_n += 1
            inf_hit += any(f.start < e and s < f.end for f in flags)
        for f in flags:
            c = cat[f.category]
            c[0] += 1
            c[1] += overlaps(f.start, f.end, lex)
    return {
        "lex_recall": lex_hit / max(lex_n, 1),
        "lex_n": lex_n,
        "inf_recall": inf_hit / max(inf_n, 1),
        "inf_n": inf_n,
        "flag_rate": n_flag_words / max(n_words, 1),
        "words": n_words,
        "cats": dict(cat),
    }


def threshold_for_rate(arts, flags_per_art, rate):
    """Smallest score threshold whose flag rate on arts is <= rate (chosen on one half)."""
    scores = sorted({f.score for fl in flags_per_art for f in fl})
    for s in scores:
        if measure(arts, flags_per_art, s)["flag_rate"] <= rate:
            return s
    return 1.01


def main():
    """Print the tables."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--tune-half", default="A", help="half used to pick curve thresholds")
    args = ap.parse_args()
    arts = load_articles()
    t0 = time.perf_counter()
    flags = [loaded.find_loaded(text) for _, text, _, _ in arts]
    dt = time.perf_counter() - t0
    nbytes = sum(len(t.encode()) for _, t, _, _ in arts)
    print(
        f"articles {len(arts)}, {nbytes / 1e6:.2f} MB, "
        f"find_loaded {dt * 1000:.0f} ms (incl. first load)"
    )
    # speed on >= 1 MB after the one-off load: whole text, and as many short fragments
    big = "\n".join(t for _, t, _, _ in arts) * 4
    t0 = time.perf_counter()
    loaded.find_loaded(big)
    t_big = time.perf_counter() - t0
    frags = [(i, i + 60) for i in range(0, len(big) - 60, 60)]
    t0 = time.perf_counter()
    for a, b in frags:
        loaded.find_loaded(big, a, b)
    t_frag = time.perf_counter() - t0
    print(
        f"speed: {len(big.encode()) / 1e6:.2f} MB in {t_big * 1000:.0f} ms as one text; "
        f"in {len(frags)} 60-char fragments {t_frag * 1000:.0f} ms"
    )
    halves = {h: [i for i, a in enumerate(arts) if a[0] == h] for h in "AB"}

    def sub(idx, x):
        return [x[i] for i in idx]

    print("\n== default output (find_loaded as shipped) ==")
    print(f"{'set':<8}{'lex rec':>8}{'lex n':>7}{'inf rec':>8}{'inf n':>7}{'flag%':>8}{'words':>8}")
    for name, idx in (("half A", halves["A"]), ("half B", halves["B"]), ("all", range(len(arts)))):
        m = measure(sub(idx, arts), sub(idx, flags))
        print(
            f"{name:<8}{m['lex_recall']:>8.3f}{m['lex_n']:>7}{m['inf_recall']:>8.3f}{m['inf_n']:>7}"
            f"{100 * m['flag_rate']:>7.2f}%{m['words']:>8}"
        )

    print("\n== per category (all articles): flags, flags overlapping a lex span, share ==")
    m = measure(arts, flags)
    for c, (n, h) in sorted(m["cats"].items(), key=lambda kv: -kv[1][0]):
        print(f"  {c:<18}{n:>6}{h:>6}{h / max(n, 1):>7.3f}")
    for hname in "AB":
        mh = measure(sub(halves[hname], arts), sub(halves[hname], flags))
        print(
            f"  half {hname}: "
            + ", ".join(f"{c} {n}/{h}" for c, (n, h) in sorted(mh["cats"].items()))
        )

    # the curve needs the flags below the shipped cut-off too
    saved, loaded.MIN_SCORE = loaded.MIN_SCORE, 0.0
    flags = [loaded.find_loaded(text) for _, text, _, _ in arts]
    loaded.MIN_SCORE = saved
    tune = args.tune_half
    other = "B" if tune == "A" else "A"
    print(
        f"\n== trade-off curve: score threshold chosen on half {tune}, applied to half {other} =="
    )
    print(
        f"{'target':>7}{'thr':>7}{'rec ' + tune:>8}{'flag ' + tune:>9}"
        f"{'rec ' + other:>8}{'flag ' + other:>9}"
    )
    ta, tf = sub(halves[tune], arts), sub(halves[tune], flags)
    oa, of = sub(halves[other], arts), sub(halves[other], flags)
    for rate in (0.02, 0.03, 0.04, 0.06):
        thr = threshold_for_rate(ta, tf, rate)
        m1, m2 = measure(ta, tf, thr), measure(oa, of, thr)
        print(
            f"{100 * rate:>6.0f}%{thr:>7.3f}{m1['lex_recall']:>8.3f}{100 * m1['flag_rate']:>8.2f}%"
            f"{m2['lex_recall']:>8.3f}{100 * m2['flag_rate']:>8.2f}%"
        )


if __name__ == "__main__":
    main()
