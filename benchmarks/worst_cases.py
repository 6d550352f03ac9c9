"""The engine's worst cases (issue 17, issue 16 case 6) beside git's word diff, in one run.

    python benchmarks/worst_cases.py [--cases repeated,lines,identical,shuffled,prose] [--repeat 3]
                                     [--scale 1.0] [--no-cli] [--no-git]

Each case is generated here at run time, at growing sizes:

- ``repeated``: one sentence on every line, N lines a side; the rewrite edits 1%
  of the copies, one word each (truth: that word on each side);
- ``lines``: N one-word lines (a Zipf-distributed vocabulary of 5,000 made-up
  words, so short lines repeat as words do in text); the rewrite substitutes
  1% of the lines, deletes 1% and inserts 1% (truth: those words; nothing moved);
- ``identical``: N copies of one line, the same file on both sides;
- ``shuffled``: N short lines sharing "the", the rewrite the same lines shuffled;
- ``prose``: ``make_pairs`` pairs (ordinary rewrites), for reference.

Per size, medians of ``--repeat`` runs: ``align`` (``Article.from_text`` on both
texts + ``align``), the whole engine in this process (``compare``, one process),
the command line as a whole process (``python -m reader compare L R --json``
into a file, its peak RSS), and ``git diff --no-index --word-diff=porcelain``
on the same two files. The exponent is the log-log slope of the time against
the size from the previous size (and over all sizes, last line). Marks are in
characters other than spaces, both sides: the engine's ``-``/``+`` ops, the
truth, the share of the right in moved pairs, and git's ``-``/``+`` words.
``--scale 0.1`` runs every case at a tenth of its sizes (a quick check).
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))


SENTENCE = "The committee said on Tuesday that the new rules would take effect early next year."
EDIT_SHARE = 0.01  # of the lines or copies, for each kind of edit


@dataclass
class Case:
    """Two texts and how many of their non-space characters truly changed (both sides)."""

    left: str
    right: str
    true_changed: int


def _made_up_words(rng: random.Random, count: int) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    words: dict[str, None] = {}
    while len(words) < count:
        words["".join(rng.choice(letters) for _ in range(rng.randint(3, 9)))] = None
    return list(words)


def repeated(n: int, seed: int = 0) -> Case:
    """``n`` copies of one sentence a line; the right edits 1% of them, one word each."""
    rng = random.Random(seed)
    words = SENTENCE.split(" ")
    right = [SENTENCE] * n
    changed = 0
    for k in rng.sample(range(n), max(1, round(n * EDIT_SHARE))):
        edited = list(words)
        at = rng.randrange(len(words) - 1)  # not the last word: it carries the full stop
        new = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7))
        changed += len(edited[at]) + len(new)
        edited[at] = new
        right[k] = " ".join(edited)
    return Case("\n".join([SENTENCE] * n) + "\n", "\n".join(right) + "\n", changed)


def one_word_lines(n: int, seed: int = 0) -> Case:
    """``n`` one-word lines; the right substitutes, deletes and inserts 1% of them each."""
    rng = random.Random(seed)
    vocabulary = _made_up_words(rng, 5_000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf, as words in text
    left = rng.choices(vocabulary, weights, k=n)
    fresh = iter(rng.choices(vocabulary, weights, k=n))
    right: list[str] = []
    changed = 0
    for word in left:
        roll = rng.random()
        if roll < EDIT_SHARE:  # substituted
            new = next(fresh)
            while new == word:
                new = next(fresh)
            right.append(new)
            changed += len(word) + len(new)
        elif roll < 2 * EDIT_SHARE:  # deleted
            changed += len(word)
        elif roll < 3 * EDIT_SHARE:  # a word inserted after it
            new = next(fresh)
            right += [word, new]
            changed += len(new)
        else:
            right.append(word)
    return Case("\n".join(left) + "\n", "\n".join(right) + "\n", changed)


def shuffled_lines(n: int, seed: int = 0) -> Case:
    """``n`` short lines ("The <word>.") and the same lines in a random order (issue 16).

    Every line is out of order and every pair of lines shares "the": each gap
    between the few in-order anchors is full, and no group is free of shared
    words. Truth: the lines whose word occurs once a side are moved, not changed;
    the aligner may still mark the repeated ones.
    """
    rng = random.Random(seed)
    vocabulary = _made_up_words(rng, 5_000)
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    left = [f"The {word}." for word in rng.choices(vocabulary, weights, k=n)]
    right = left[:]
    rng.shuffle(right)
    return Case("\n".join(left) + "\n", "\n".join(right) + "\n", 0)


def identical_lines(n: int, seed: int = 0) -> Case:
    """``n`` copies of one line, the same text on both sides (issue 16, case 6)."""
    text = "\n".join([SENTENCE[:-1] + ","] * n) + "\n"
    return Case(text, text, 0)


def prose(n: int, seed: int = 0) -> Case:
    """An ordinary generated rewrite of ``n`` bytes a side (``make_pairs``)."""
    import make_pairs

    pair = make_pairs.make_pair(n, seed=seed)
    nonspace = sum(not c.isspace() for c in pair.left_text + pair.right_text)
    return Case(
        pair.left_text, pair.right_text, round(pair.truth["changed_share"]["both"] * nonspace)
    )


# (name, generator, sizes, what the size counts)
CASES: dict[str, tuple[Callable[[int, int], Case], tuple[int, ...], str]] = {
    "repeated": (repeated, (2_000, 5_000, 10_000, 20_000, 50_000), "copies"),
    "lines": (one_word_lines, (10_000, 30_000, 100_000, 300_000), "lines"),
    "identical": (identical_lines, (20_000, 50_000, 200_000), "lines"),
    "shuffled": (shuffled_lines, (10_000, 50_000, 150_000), "lines"),
    "prose": (prose, (300_000, 1_000_000, 3_000_000), "bytes"),
}


@dataclass
class Row:
    size: int
    kb: float
    align_s: float
    engine_s: float | None
    cli_s: float | None
    cli_rss_mb: float | None
    git_s: float | None
    marked: float  # share of both texts' non-space characters in -/+ ops
    true: float
    moved: float  # share of the right's non-space characters in moved pairs
    git_marked: float | None


def median_time(function: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median seconds of ``repeat`` runs (one when a run takes over 20 s), and a result."""
    times, result = [], None
    for _ in range(repeat):
        result = None
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
        if times[-1] > 20:
            break
    return statistics.median(times), result


def _nonspace(text: str) -> int:
    return len(text) - sum(map(text.count, " \n\t\r"))


def engine_marks(blocks, right_text: str) -> tuple[int, int]:
    """Non-space characters in -/+ ops (both sides), and of the right in moved pairs."""
    changed = sum(_nonspace(op.text) for b in blocks for op in b.ops if op.tag != "=")
    moved = sum(_nonspace(right_text[b.right[0] : b.right[1]]) for b in blocks if b.moved)
    return changed, moved


def run_process(argv: list[str], out: Path) -> tuple[float, float | None]:
    """Seconds and peak RSS (MB) of one process writing its standard output to ``out``.

    The peak is ``/usr/bin/time``'s (where there is one): Linux carries a forked
    child's ``ru_maxrss`` over from this big process, so ``wait4``'s would lie.
    """
    timer = Path("/usr/bin/time")
    report = out.with_suffix(".rss")
    command = [str(timer), "-f", "%M", "-o", str(report), *argv] if timer.exists() else argv
    with out.open("wb") as sink:
        start = time.perf_counter()
        # The command line of this tree, whatever the installed one is.
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        status = subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, env=env).returncode
        seconds = time.perf_counter() - start
    if status not in (0, 1):  # git exits 1 when the files differ
        raise RuntimeError(f"{argv[:3]}... exited {status}")
    try:
        return seconds, int(report.read_text().split()[-1]) / 1e3
    except (OSError, ValueError, IndexError):
        return seconds, None


def git_marked(porcelain: Path) -> int:
    """Non-space characters on git's removed and added word lines."""
    total = 0
    with porcelain.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith(("---", "+++")):
                continue
            if line[:1] in "-+":
                total += _nonspace(line[1:].rstrip("\n"))
    return total


def measure(case: Case, size: int, args: argparse.Namespace, tmp: Path) -> Row:
    # Imported here: the tests import the generators alone.
    from reader.core.align.aligner import align
    from reader.core.article import Article
    from reader.core.compare import compare
    from reader.core.gc_pause import gc_paused

    def aligned():
        with gc_paused():  # as compare() runs it
            return align(Article.from_text(case.left), Article.from_text(case.right))

    align_s, blocks = median_time(aligned, args.repeat)
    marked, moved = engine_marks(blocks, case.right)
    engine_s = None
    if not args.no_engine:
        engine_s, _ = median_time(
            lambda: compare(Article.from_text(case.left), Article.from_text(case.right)),
            args.repeat,
        )
    left, right = tmp / "left.txt", tmp / "right.txt"
    left.write_text(case.left, encoding="utf-8")
    right.write_text(case.right, encoding="utf-8")
    cli_s = rss = git_s = gmarked = None
    if not args.no_cli:
        runs = [
            run_process(
                [sys.executable, "-m", "reader", "compare", str(left), str(right), "--json"],
                tmp / "out.json",
            )
            for _ in range(args.repeat)
        ]
        cli_s = statistics.median(r[0] for r in runs)
        rss = max((r[1] for r in runs if r[1] is not None), default=None)
    if not args.no_git:
        git = ["git", "diff", "--no-index", "--word-diff=porcelain", str(left), str(right)]
        git_s = statistics.median(run_process(git, tmp / "git.txt")[0] for _ in range(args.repeat))
        gmarked = git_marked(tmp / "git.txt")
    total = _nonspace(case.left) + _nonspace(case.right)
    right_total = max(1, _nonspace(case.right))
    return Row(
        size,
        (len(case.left.encode()) + len(case.right.encode())) / 2e3,
        align_s,
        engine_s,
        cli_s,
        rss,
        git_s,
        marked / total,
        case.true_changed / total,
        moved / right_total,
        None if gmarked is None else gmarked / total,
    )


def _slope(a: Row, b: Row, attr: str) -> str:
    ta, tb = getattr(a, attr), getattr(b, attr)
    if not ta or not tb or ta < 0.005:
        return ""
    return f"{math.log(tb / ta) / math.log(b.size / a.size):.2f}"


def _s(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.2%}"


def table(name: str, unit: str, rows: list[Row]) -> Iterator[str]:
    yield f"\n## {name}\n"
    yield (
        f"| {unit} | KB a side | align s | exp | engine s | exp | CLI s | exp | CLI RSS MB "
        "| git s | CLI / git | marked | true | moved | git marked |"
    )
    yield "|---" * 15 + "|"
    for k, row in enumerate(rows):
        prev = rows[k - 1] if k else None
        ratio = f"{row.cli_s / row.git_s:.0f}x" if row.cli_s and row.git_s else ""
        yield (
            f"| {row.size:,} | {row.kb:,.0f} | {_s(row.align_s)} | "
            f"{_slope(prev, row, 'align_s') if prev else ''} | {_s(row.engine_s)} | "
            f"{_slope(prev, row, 'engine_s') if prev else ''} | {_s(row.cli_s)} | "
            f"{_slope(prev, row, 'cli_s') if prev else ''} | "
            f"{'' if row.cli_rss_mb is None else f'{row.cli_rss_mb:.0f}'} | {_s(row.git_s)} | "
            f"{ratio} | {_pct(row.marked)} | {_pct(row.true)} | {_pct(row.moved)} | "
            f"{_pct(row.git_marked)} |"
        )
    if len(rows) > 2:
        slopes = [_slope(rows[0], rows[-1], a) for a in ("align_s", "engine_s", "cli_s")]
        yield (
            f"\nExponent from the first size to the last: align {slopes[0]}, "
            f"engine {slopes[1]}, CLI {slopes[2]}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size by this")
    parser.add_argument("--sizes", help="comma-separated sizes instead of the case's own")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line runs")
    parser.add_argument("--no-git", action="store_true", help="skip git's word diff")
    parser.add_argument("--no-engine", action="store_true", help="skip the whole engine in process")
    args = parser.parse_args(argv)
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, repeat {args.repeat}, medians")
    for name in args.cases.split(","):
        generate, sizes, unit = CASES[name.strip()]
        if args.sizes:
            sizes = tuple(int(float(s)) for s in args.sizes.split(","))
        rows = []
        with tempfile.TemporaryDirectory() as tmp:
            for size in sizes:
                size = max(10, round(size * args.scale))
                rows.append(measure(generate(size, args.seed), size, args, Path(tmp)))
                print(f"  {name} {size:,} done", file=sys.stderr)
        for line in table(name, unit, rows):
            print(line)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
