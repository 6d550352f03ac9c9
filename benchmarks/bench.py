"""Speed, memory and quality of the engine on generated pairs, beside whole-document diffs.

    python benchmarks/bench.py [--sizes 3K,30K,300K,3M] [--repeat N] [--budget 60] [--seed 0]
                               [--engine-only] [--profile N] [--no-subprocess]

For each size, make_pairs.py builds an original and its rewrite with a known truth;
then one table compares:

- engine: ``Article.from_text`` on both texts + ``compare(parallel=True)``
  (segmentation, alignment, word diffs, quotations), as the window and the
  command line run it: a big pair's quotations in the worker process;
- engine, one process: the same with ``parallel=False``;
- engine from files: the same pair written to a temp dir, ``load`` + ``compare()``;
- engine subprocess: the files run in a fresh interpreter, for its peak RSS;
- difflib: ``SequenceMatcher`` over the two whole word lists, with its default
  autojunk and with ``autojunk=False``;
- diff-match-patch: ``diff_main`` over the two whole texts, default 1 s timeout.

Times are medians of ``--repeat`` runs. A peer whose projected time (from the
previous size: difflib grows quadratically, diff_main linearly) exceeds ``--budget``
seconds is not run and shows as ">N s?". Quality is measured in characters other than spaces against
the truth: the share of both texts marked changed, its precision and recall,
and the share of truly moved text the engine shows in moved pairs.
See benchmarks/README.md for the columns and the last results.
"""

from __future__ import annotations

import argparse
import cProfile
import difflib
import functools
import json
import pstats
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_pairs  # noqa: E402
from diff_match_patch import diff_match_patch  # noqa: E402

from reader.core import offload  # noqa: E402
from reader.core.article import Article  # noqa: E402
from reader.core.compare import compare  # noqa: E402
from reader.core.results.comparison import Comparison  # noqa: E402

DEFAULT_REPEAT = {3_000: 5, 30_000: 5, 300_000: 3, 3_000_000: 2}
PEER_REPEAT_UNDER = 5.0  # a peer run longer than this many seconds is not repeated


# --- marks: which characters of each side a tool shows as changed -------------------


@dataclass
class Marks:
    """Per side, a byte per character: 1 where the tool marks the character changed."""

    left: bytearray
    right: bytearray

    @classmethod
    def empty(cls, left_text: str, right_text: str) -> Marks:
        return cls(bytearray(len(left_text)), bytearray(len(right_text)))


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _count(*masks: bytes) -> int:
    """Positions set in every mask (masks hold only 0 and 1 bytes, so one bit each)."""
    value = int.from_bytes(masks[0], "little")
    for mask in masks[1:]:
        value &= int.from_bytes(mask, "little")
    return value.bit_count()


def _nonspace_mask(text: str) -> bytearray:
    return bytearray(0 if ch.isspace() else 1 for ch in text)


def engine_marks(comparison: Comparison) -> tuple[Marks, Marks]:
    """Characters in "-"/"+" ops, and characters inside moved pairs, of each side."""
    left_text, right_text = comparison.left.text, comparison.right.text
    changed = Marks.empty(left_text, right_text)
    moved = Marks.empty(left_text, right_text)
    for block in comparison.blocks:
        lpos = block.left[0] if block.left else 0
        rpos = block.right[0] if block.right else 0
        for op in block.ops:
            n = len(op.text)
            if op.tag == "-":
                _mark(changed.left, lpos, lpos + n)
                lpos += n
            elif op.tag == "+":
                _mark(changed.right, rpos, rpos + n)
                rpos += n
            else:
                lpos += n
                rpos += n
        if block.moved and block.left and block.right:
            _mark(moved.left, *block.left)
            _mark(moved.right, *block.right)
    return changed, moved


def broken_blocks(comparison: Comparison) -> int:
    """Blocks whose ops do not rebuild their spans: where that happens, the marks lie."""
    broken = 0
    for block in comparison.blocks:
        for tag, span, text in (
            ("+", block.left, comparison.left.text),
            ("-", block.right, comparison.right.text),
        ):
            rebuilt = "".join(op.text for op in block.ops if op.tag != tag)
            if rebuilt != (text[span[0] : span[1]] if span else ""):
                broken += 1
                break
    return broken


_WORDS = re.compile(r"\S+")


# The engine's own tokens: words, runs of spaces and single punctuation marks, so
# that (like the engine's ops) the diff rebuilds each text and "said," is "said" + ",".
_TOKENS = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")


def difflib_marks(
    left_text: str, right_text: str, *, autojunk: bool = True, tokens: re.Pattern[str] = _WORDS
) -> Marks:
    """A whole-document word diff: SequenceMatcher over the two lists of words (``tokens``)."""
    left_words = list(tokens.finditer(left_text))
    right_words = list(tokens.finditer(right_text))
    matcher = difflib.SequenceMatcher(
        None, [m.group() for m in left_words], [m.group() for m in right_words], autojunk=autojunk
    )
    marks = Marks.empty(left_text, right_text)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            _mark(marks.left, left_words[i1].start(), left_words[i2 - 1].end())
        if j2 > j1:
            _mark(marks.right, right_words[j1].start(), right_words[j2 - 1].end())
    return marks


def dmp_marks(left_text: str, right_text: str) -> Marks:
    """A whole-text diff-match-patch ``diff_main`` with its default 1 s timeout."""
    marks = Marks.empty(left_text, right_text)
    lpos = rpos = 0
    for op, text in diff_match_patch().diff_main(left_text, right_text):
        if op == -1:
            _mark(marks.left, lpos, lpos + len(text))
            lpos += len(text)
        elif op == 1:
            _mark(marks.right, rpos, rpos + len(text))
            rpos += len(text)
        else:
            lpos += len(text)
            rpos += len(text)
    return marks


# --- the truth as marks ---------------------------------------------------------------


@dataclass
class Truth:
    """The generator's truth as masks, with the texts' non-space masks to count in."""

    changed: Marks
    moved: Marks
    nonspace: Marks

    @classmethod
    def of(cls, pair: make_pairs.Pair) -> Truth:
        left, right, truth = pair.left_text, pair.right_text, pair.truth
        changed = Marks.empty(left, right)
        moved = Marks.empty(left, right)
        for span in truth["deleted"]:
            _mark(changed.left, *span)
        for span in truth["inserted"]:
            _mark(changed.right, *span)
        for edit in truth["edited"]:
            for change in edit["changes"]:
                if change["left"]:
                    _mark(changed.left, *change["left"])
                if change["right"]:
                    _mark(changed.right, *change["right"])
        for move in truth["moved"]:
            _mark(moved.left, *move["left"])
            _mark(moved.right, *move["right"])
        return cls(changed, moved, Marks(_nonspace_mask(left), _nonspace_mask(right)))

    def total(self) -> int:
        return _count(self.nonspace.left) + _count(self.nonspace.right)

    def both(self, *marks: Marks) -> int:
        """Non-space characters set in all ``marks``, both sides."""
        lefts = [m.left for m in marks]
        rights = [m.right for m in marks]
        return _count(self.nonspace.left, *lefts) + _count(self.nonspace.right, *rights)


@dataclass
class Quality:
    """How a tool's marks compare with the truth, in non-space characters of both sides."""

    changed: float  # share of both texts marked changed
    precision: float  # of what is marked, how much truly changed
    recall: float  # of what truly changed, how much is marked
    moved_paired: float | None = None  # truly moved text inside moved pairs
    moved_as_changed: float | None = None  # truly moved text in -/+ ops (shown as new)

    @classmethod
    def of(cls, truth: Truth, marks: Marks, moved: Marks | None = None) -> Quality:
        marked = truth.both(marks)
        true_changed = truth.both(truth.changed)
        hit = truth.both(marks, truth.changed)
        quality = cls(
            changed=marked / truth.total(),
            precision=hit / marked if marked else 1.0,
            recall=hit / true_changed if true_changed else 1.0,
        )
        true_moved = truth.both(truth.moved)
        if moved is not None and true_moved:
            quality.moved_paired = truth.both(truth.moved, moved) / true_moved
            quality.moved_as_changed = truth.both(truth.moved, marks) / true_moved
        return quality


# --- running ----------------------------------------------------------------------------


@dataclass
class Row:
    tool: str
    seconds: float | None  # None: not run (over budget)
    runs: int = 0
    quality: Quality | None = None
    peak_mb: float | None = None
    rss_mb: float | None = None
    note: str = ""


def timed(function: Callable[[], object], repeat: int) -> tuple[float, object, int]:
    """Median seconds of up to ``repeat`` runs (one if it is slow) and the last result.

    A first run that is not slow is a warm-up and is not counted: it pays for
    what only a process's first run pays (the engine's quotation worker starting,
    the heap growing), the same for every tool. The engine's cold run is the
    "engine subprocess" row.
    """
    times: list[float] = []
    result = None
    for run in range(repeat + 1):
        result = None  # the last run's result must not weigh on this one's memory and GC
        start = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - start
        if run == 0 and seconds <= PEER_REPEAT_UNDER:
            continue
        times.append(seconds)
        if seconds > PEER_REPEAT_UNDER or len(times) == repeat:
            break
    return statistics.median(times), result, len(times)


def run_engine(pair: make_pairs.Pair, truth: Truth, repeat: int, *, parallel: bool = True) -> Row:
    clock = StageClock()

    def engine() -> Comparison:
        clock.start("segmenting")
        left, right = Article.from_text(pair.left_text), Article.from_text(pair.right_text)
        return compare(left, right, progress=clock.report, parallel=parallel)

    seconds, comparison, runs = timed(engine, repeat)
    note = "last run, s: " + " / ".join(f"{k} {t:.2f}" for k, t in clock.seconds.items())
    if broken := broken_blocks(comparison):
        note = f"{broken} BLOCKS' OPS DO NOT REBUILD THEIR SPANS: quality figures are off; {note}"
    changed, moved = engine_marks(comparison)
    tracemalloc.start()
    engine()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return Row(
        "engine (from_text + compare)" if parallel else "engine, one process",
        seconds,
        runs,
        Quality.of(truth, changed, moved),
        peak_mb=peak / 1e6,
        note=note,
    )


class StageClock:
    """Seconds per stage of one engine run, from ``compare()``'s progress reports.

    ``compare()`` reports a stage as it starts it (and again now and then), so the
    time up to a report naming another stage belongs to the current one.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._stage = ""
        self._since = 0.0

    def start(self, stage: str) -> None:
        self.seconds = {}
        self._stage, self._since = stage, time.perf_counter()

    def report(self, _fraction: float, stage: str) -> None:
        if stage == self._stage:
            return
        now = time.perf_counter()
        self.seconds[self._stage] = self.seconds.get(self._stage, 0.0) + now - self._since
        self._stage, self._since = stage, now


def run_engine_files(left: Path, right: Path, repeat: int) -> Row:
    from reader.core.load.loader import load

    seconds, _, runs = timed(lambda: compare(load(left), load(right), parallel=True), repeat)
    return Row("engine from files (load + compare)", seconds, runs)


def run_engine_subprocess(left: Path, right: Path) -> Row:
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(left), str(right)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    report = json.loads(out)
    return Row(
        "engine subprocess (files, fresh Python)",
        report["seconds"],
        1,
        rss_mb=(report["maxrss_kb"] + report["worker_kb"]) / 1e3,
        note=f"RSS after imports {report['base_kb'] / 1e3:.0f} MB; "
        f"of the peak, quotation worker {report['worker_kb'] / 1e3:.0f} MB",
    )


def run_peer(name: str, marks_of, pair: make_pairs.Pair, truth: Truth, repeat: int) -> Row:
    seconds, marks, runs = timed(lambda: marks_of(pair.left_text, pair.right_text), repeat)
    return Row(name, seconds, runs, Quality.of(truth, marks))


def child(left: str, right: str) -> int:
    """Load and compare two files in this fresh process; print time and peak RSS as JSON."""
    from reader.core.load.loader import load

    base = _peak_rss_kb()
    start = time.perf_counter()
    compare(load(left), load(right), parallel=True)
    seconds = time.perf_counter() - start
    # The quotation worker (reader.core.offload) is a process of its own: its
    # peak counts too (0 when the pair was too small to use it).
    worker = sum(_peak_rss_kb(pid) for pid in offload.worker_pids())
    print(
        json.dumps(
            {"seconds": seconds, "maxrss_kb": _peak_rss_kb(), "base_kb": base, "worker_kb": worker}
        )
    )
    return 0


def _peak_rss_kb(pid: int | str = "self") -> int:
    """A process's peak resident memory in KB (this one's by default).

    Linux keeps ``ru_maxrss`` across exec, so a child started from a big parent
    reports the parent's peak; VmHWM belongs to the new address space alone.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        if pid != "self":
            return 0
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux, bytes on macOS
    return int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE).group(1))


# --- the tables -------------------------------------------------------------------------

# (name, marks function, exponent of its time's growth with size, for the budget check).
# diff_main's timeout bounds its search, so its time grows about linearly.
# difflib's default autojunk (words in over 1% of the text are not matched on
# their own) is ~4x faster at 300 KB than autojunk=False and marks as much changed:
# it is the peer the "1/10 of difflib" goal is checked against.
# The engine-token run is the same diff at the engine's granularity (about twice
# the tokens, about twice the time at 300 KB); both ratios are reported.
PEERS = (
    ("difflib words (autojunk, default)", difflib_marks, 2),
    ("difflib engine tokens (autojunk)", functools.partial(difflib_marks, tokens=_TOKENS), 2),
    ("difflib words (autojunk=False)", functools.partial(difflib_marks, autojunk=False), 2),
    ("diff-match-patch diff_main (1 s)", dmp_marks, 1),
)


def bench_size(
    label: str, size: int, args: argparse.Namespace, last_seconds: dict[str, float]
) -> tuple[float, list[Row]]:
    """Run every tool on the pair of this size, print its table; return the true share and rows."""
    pair = make_pairs.make_pair(size, args.seed)
    truth = Truth.of(pair)
    repeat = args.repeat or DEFAULT_REPEAT.get(size, 3)
    rows = [run_engine(pair, truth, repeat), run_engine(pair, truth, repeat, parallel=False)]
    with tempfile.TemporaryDirectory() as tmp:
        left, right, _ = make_pairs.write_pair(pair, Path(tmp), label)
        rows.append(run_engine_files(left, right, repeat))
        if not (args.no_subprocess or args.engine_only):
            rows.append(run_engine_subprocess(left, right))
    for name, marks_of, growth in () if args.engine_only else PEERS:
        previous = last_seconds.get(name)
        projected = previous * (size / last_seconds[f"{name}:size"]) ** growth if previous else 0.0
        if projected > args.budget:
            rows.append(
                Row(name, None, note=f">{args.budget:.0f} s? (projected {projected:.0f} s)")
            )
            last_seconds.pop(name)
            continue
        row = run_peer(name, marks_of, pair, truth, repeat)
        last_seconds[name], last_seconds[f"{name}:size"] = row.seconds, size
        rows.append(row)
    print_size_table(label, pair, rows)
    if args.profile:
        print_profile(pair, args.profile)
    return pair.truth["changed_share"]["both"], rows


def print_profile(pair: make_pairs.Pair, top: int) -> None:
    """One engine run under cProfile: the engine's functions by inclusive and by own time."""
    profiler = cProfile.Profile()
    profiler.enable()
    compare(Article.from_text(pair.left_text), Article.from_text(pair.right_text))
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt
    rows = [
        (inclusive, own, calls, f"{Path(file).name}:{line}({name})")
        for (file, line, name), (_, calls, own, inclusive, _) in stats.stats.items()
        if f"{Path(ROOT).name}/reader/" in file or "diff_match_patch" in file
    ]
    print(f"\ncProfile, one engine run: {total:.2f} s under the profiler\n")
    for title, key in (("inclusive", 0), ("own", 1)):
        print(f"By {title} time:\n\n| inclusive s | share | own s | share | calls | function |")
        print("|---|---|---|---|---|---|")
        for inclusive, own, calls, where in sorted(rows, key=lambda r: -r[key])[:top]:
            print(
                f"| {inclusive:.3f} | {inclusive / total:.0%} | {own:.3f} | {own / total:.0%} "
                f"| {calls} | {where} |"
            )
        print()


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:.1%}"


def print_size_table(label: str, pair: make_pairs.Pair, rows: list[Row]) -> None:
    t = pair.truth
    engine_seconds = rows[0].seconds
    print(
        f"\n## {label}: left {t['bytes']['left']:,} B, right {t['bytes']['right']:,} B, "
        f"{t['sentences']['left']:,} sentences, {t['paragraphs']['left']:,} paragraphs; "
        f"truth: {t['changed_share']['both']:.1%} changed, {t['paragraphs']['moved']} "
        f"paragraphs ({t['moved_chars']:,} chars) moved\n"
    )
    header = (
        "| tool | median s | runs | x engine | tracemalloc MB | RSS MB | changed | precision "
        "| recall | moved paired | moved marked changed | note |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for row in rows:
        q = row.quality
        seconds = "" if row.seconds is None else f"{row.seconds:.3f}"
        ratio = f"{row.seconds / engine_seconds:.1f}" if row.seconds and engine_seconds else ""
        print(
            f"| {row.tool} | {seconds} | {row.runs or ''} | {ratio} | "
            f"{'' if row.peak_mb is None else f'{row.peak_mb:.1f}'} | "
            f"{'' if row.rss_mb is None else f'{row.rss_mb:.0f}'} | "
            f"{_pct(q.changed) if q else ''} | {_pct(q.precision) if q else ''} | "
            f"{_pct(q.recall) if q else ''} | {_pct(q.moved_paired) if q else ''} | "
            f"{_pct(q.moved_as_changed) if q else ''} | {row.note} |"
        )
    sys.stdout.flush()


def print_summary(results: list[tuple[str, float, list[Row]]]) -> None:
    """One line per size: the figures the issue's goals name."""
    print(
        "\n## Summary\n\n| size | engine s | from files s | RSS MB | tracemalloc MB "
        "| changed (true) | precision | recall | moved paired "
        "| difflib s (x engine) | difflib engine tokens s (x engine) "
        "| difflib autojunk=False s (x engine) | dmp s | dmp changed |"
    )
    print("|---" * 14 + "|")
    for label, true_share, rows in results:
        engine = rows[0]
        files = next((r for r in rows if r.tool.startswith("engine from files")), rows[0])
        q = engine.quality
        sub = next((r for r in rows if "subprocess" in r.tool), None)
        junk, tokens, nojunk, dmp = (
            next((r for r in rows if r.tool.startswith(name)), Row(name, None, note="not run"))
            for name, _, _ in PEERS
        )
        print(
            f"| {label} | {engine.seconds:.3f} | {files.seconds:.3f} | "
            f"{f'{sub.rss_mb:.0f}' if sub else ''} | {engine.peak_mb:.0f} | "
            f"{_pct(q.changed)} ({_pct(true_share)}) | {_pct(q.precision)} | {_pct(q.recall)} | "
            f"{_pct(q.moved_paired)} | {_versus(junk, engine)} | {_versus(tokens, engine)} | "
            f"{_versus(nojunk, engine)} | "
            f"{_versus(dmp)} | {_pct(dmp.quality.changed) if dmp.quality else ''} |"
        )


def _versus(row: Row, engine: Row | None = None) -> str:
    """A peer's seconds, with its ratio to the engine's; or why it did not run."""
    if row.seconds is None:
        return row.note.split(" (")[0]
    if engine is None or not engine.seconds:
        return f"{row.seconds:.2f}"
    return f"{row.seconds:.2f} ({row.seconds / engine.seconds:.1f}x)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(make_pairs.SIZES))
    parser.add_argument("--repeat", type=int, default=0, help="runs per tool (default by size)")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds a peer may take")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-subprocess", action="store_true", help="skip the RSS run")
    parser.add_argument(
        "--engine-only", action="store_true", help="skip the peers and the RSS run (quick)"
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="N", help="print the engine's N hottest functions"
    )
    parser.add_argument("--child", nargs=2, metavar=("LEFT", "RIGHT"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(*args.child)
    print(f"Python {sys.version.split()[0]}, seed {args.seed}, peer budget {args.budget:.0f} s")
    last_seconds: dict[str, float] = {}
    results = []
    for label in args.sizes.split(","):
        label = label.strip()
        true_share, rows = bench_size(label, make_pairs.parse_size(label), args, last_seconds)
        results.append((label, true_share, rows))
    print_summary(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
