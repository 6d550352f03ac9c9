"""Measure fact_changes on generated rewrites of real articles: recall, false flags, speed."""

from __future__ import annotations

import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
from make_fact_pairs import make_pairs  # noqa: E402

from reader.core.article import Article  # noqa: E402
from reader.core.compare import compare  # noqa: E402
from reader.core.spin.facts import NameTable, fact_changes  # noqa: E402


def aligned_pairs(left_text: str, right_text: str):
    """The engine's blocks as (kind, left span, right span)."""
    c = compare(Article.from_text(left_text), Article.from_text(right_text))
    return [(b.kind.value, b.left, b.right) for b in c.blocks]


def _overlaps(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether two spans share a character (an empty span touching counts)."""
    return (
        a is not None
        and b is not None
        and a[0] < max(b[1], b[0] + 1)
        and b[0] < max(a[1], a[0] + 1)
    )


def evaluate(which: str, seed: int = 7, verbose: bool = False) -> dict:
    """Counts for one set of articles."""
    real = Counter()
    real_hit = Counter()
    same = Counter()
    same_hit = Counter()
    stray = Counter()
    on_same_blocks = 0
    words = 0
    detect_time = 0.0
    examples = defaultdict(list)
    for pair in make_pairs(which, seed):
        words += len(pair.left.split())
        blocks = aligned_pairs(pair.left, pair.right)
        t0 = time.perf_counter()
        lt, rt = NameTable.build(pair.left), NameTable.build(pair.right)
        flags = []
        for kind, ls, rs in blocks:
            if kind in ("changed", "same") and ls and rs:
                got = fact_changes(pair.left, ls, pair.right, rs, left_names=lt, right_names=rt)
                if kind == "same":
                    on_same_blocks += len(got)
                flags.extend(got)
        detect_time += time.perf_counter() - t0
        used = set()
        for t in pair.truth:
            hit = [
                i
                for i, f in enumerate(flags)
                if (f.side == "right" and _overlaps((f.start, f.end), t.right))
                or (f.side == "left" and _overlaps((f.start, f.end), t.left))
                or (
                    f.counterpart
                    and f.side == "right"
                    and _overlaps(f.counterpart, t.left)
                    and t.label != "same"
                )
            ]
            used.update(hit)
            if t.label == "same":
                same[t.kind] += 1
                if hit:
                    same_hit[t.kind] += 1
                    examples["same flagged"].append((pair.name, [flags[i].why for i in hit]))
            else:
                key = f"{t.label} {t.kind}"
                real[key] += 1
                if hit:
                    real_hit[key] += 1
                else:
                    lw = pair.left[t.left[0] : t.left[1]] if t.left else ""
                    rw = pair.right[t.right[0] : t.right[1]] if t.right else ""
                    ctx = pair.right[
                        max(0, (t.right or t.left)[0] - 60) : (t.right or t.left)[0] + 40
                    ].replace("\n", " ")
                    examples["missed"].append((pair.name, key, lw, rw, ctx))
        for i, f in enumerate(flags):
            if i not in used:
                stray[f.fact_kind] += 1
                examples["stray"].append((pair.name, f.why))
    if verbose:
        for k, v in examples.items():
            print(f"--- {k} ({len(v)})")
            for x in v[:40]:
                print("   ", x)
    return dict(
        real=real,
        real_hit=real_hit,
        same=same,
        same_hit=same_hit,
        stray=stray,
        on_same_blocks=on_same_blocks,
        words=words,
        seconds=detect_time,
    )


def report(which: str, r: dict) -> None:
    """Print one set's table."""
    print(f"\n== {which}: {r['words']} words")
    print(f"{'changed facts (label kind)':32} {'n':>5} {'flagged':>8}")
    for k in sorted(r["real"]):
        print(f"  {k:30} {r['real'][k]:5} {r['real_hit'][k] / r['real'][k]:8.2f}")
    n, h = sum(r["real"].values()), sum(r["real_hit"].values())
    print(f"  {'ALL':30} {n:5} {h / max(n, 1):8.2f}   (target >= 0.95)")
    print(f"{'same-meaning rewrites (kind)':32} {'n':>5} {'flagged':>8}")
    for k in sorted(r["same"]):
        print(f"  {k:30} {r['same'][k]:5} {r['same_hit'][k] / r['same'][k]:8.2f}")
    n, h = sum(r["same"].values()), sum(r["same_hit"].values())
    print(f"  {'ALL':30} {n:5} {h / max(n, 1):8.2f}   (target <= 0.05)")
    st = sum(r["stray"].values())
    print(
        f"stray flags: {st} = {1000 * st / r['words']:.2f} per 1,000 words (target < 0.5); "
        f"by kind {dict(r['stray'])}"
    )
    print(f"flags on 'same' blocks: {r['on_same_blocks']} (must be 0)")
    print(
        f"detector time: {1e6 * r['seconds'] / r['words']:.1f} ms per 1,000 words (tables included)"
    )


if __name__ == "__main__":
    verbose = "-v" in sys.argv
    sets = [a for a in sys.argv[1:] if not a.startswith("-")] or ["polnear", "basil"]
    for which in sets:
        report(which, evaluate(which, verbose=verbose))
