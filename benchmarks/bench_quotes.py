"""The quotation stage's own time (find + attribute + pair) on quotation-dense pairs.

    python benchmarks/bench_quotes.py [--sizes 300K,300K-Q,3M-Q] [--repeat 5] [--profile N]
                                      [--long-line 120000,500000]

For each size (``-Q``: the news-like, quotation-dense pairs of ``make_pairs``) one row:
the quotations a side, the stage's time in this process (``extract_quotes`` on
both articles + ``pair_quotes``, the garbage collector paused as the engine runs
it) as the median wall-clock and the least CPU time of the runs, its CPU
microseconds per quotation (flat when the cost is linear), and the same two
times for the whole engine (``compare(parallel=False)``); then "kept paired",
the share of the original's quotations in sentences the rewrite kept word for
word (the generator's truth) that come out in a one-to-one verbatim pair. ``--profile N`` prints
cProfile's N costliest functions of one stage run on the last size.
``--long-line`` times the stage on one line holding that many short quotations
(issue 16 case 4: quadratic before it was fixed).
The machine is shared: compare rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import bisect
import cProfile
import functools
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_pairs  # noqa: E402

from reader.core.article import Article  # noqa: E402
from reader.core.compare import compare  # noqa: E402
from reader.core.gc_pause import gc_paused  # noqa: E402
from reader.core.quotes.find import extract_quotes  # noqa: E402
from reader.core.quotes.pairing import pair_quotes  # noqa: E402


def stage(left: Article, right: Article):
    """The quotation stage as the engine runs it."""
    with gc_paused():
        return pair_quotes(left, extract_quotes(left), right, extract_quotes(right))


def seconds_of(run, repeat: int) -> tuple[float, float]:
    """(median wall-clock seconds, least CPU seconds) of ``repeat`` runs.

    On a shared machine the least CPU time is the steadier figure to compare.
    """
    wall, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        run()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), min(cpu)


def kept_paired(pair: make_pairs.Pair, left: Article, right: Article) -> float:
    """Share of the left's quotations in sentences the rewrite kept unchanged that pair verbatim.

    The generator's truth says which left sentences were deleted or edited; a
    quotation in any other sentence is on the right word for word, so the
    pairing should find it (a pairing recall; the rest have no single answer).
    """
    changed = sorted(
        [tuple(s) for s in pair.truth["deleted"]] + [tuple(e["left"]) for e in pair.truth["edited"]]
    )
    starts = [s for s, _ in changed]
    kept = found = 0
    for p in stage(left, right):
        for quote in p.left:
            k = bisect.bisect_right(starts, quote.start) - 1
            if k >= 0 and changed[k][0] <= quote.start < changed[k][1]:
                continue  # its sentence was deleted or edited
            kept += 1
            found += p.status.value == "verbatim" and len(p.left) == len(p.right) == 1
    return found / kept if kept else 1.0


def long_line(n: int) -> str:
    """One line of ``n`` short quotations, each with its speaker: ~18 characters each."""
    return " ".join(f"“w{k % 97} x,” Ab{k % 89} said." for k in range(n)) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300K,300K-Q,3M-Q")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--long-line", default="", metavar="COUNTS")
    parser.add_argument("--no-engine", action="store_true", help="time the stage only")
    args = parser.parse_args(argv)
    print(
        f"{'size':>8} {'quotes/side':>12} {'stage s':>9} {'stage cpu':>9} {'us/quote':>9}"
        f" {'engine s':>9} {'engine cpu':>10} {'kept paired':>11}"
    )
    left = right = None
    for label in args.sizes.split(","):
        size, quotes = make_pairs.parse_label(label)
        pair = make_pairs.make_pair(size, args.seed, quotes=quotes)
        left, right = Article.from_text(pair.left_text), Article.from_text(pair.right_text)
        n = (len(extract_quotes(left)) + len(extract_quotes(right))) / 2
        repeat = args.repeat if size < 1_000_000 else max(1, args.repeat // 2)
        wall, cpu = seconds_of(functools.partial(stage, left, right), repeat)
        engine = "-", "-"
        if not args.no_engine:
            e_wall, e_cpu = seconds_of(functools.partial(compare, left, right), repeat)
            engine = f"{e_wall:.3f}", f"{e_cpu:.3f}"
        per = cpu / max(n, 1) * 1e6
        print(
            f"{label:>8} {n:12.0f} {wall:9.3f} {cpu:9.3f} {per:9.1f}"
            f" {engine[0]:>9} {engine[1]:>10} {kept_paired(pair, left, right):11.3f}",
            flush=True,
        )
    for count in filter(None, args.long_line.split(",")):
        article = Article.from_text(long_line(int(count)))
        t0 = time.perf_counter()
        found = extract_quotes(article)
        seconds = time.perf_counter() - t0
        size = len(article.text) / 1e6
        print(f"one line, {len(found)} quotations, {size:.1f} MB: find + attribute {seconds:.2f} s")
    if args.profile and left is not None:
        profile = cProfile.Profile()
        profile.runcall(stage, left, right)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
