"""Cold start (issue 13): whole-process time of the command line on the sample pair.

    python benchmarks/bench_start.py [--repeat 10] [--top 15]

Rows, each a fresh interpreter run ``--repeat`` times (median, min, max):
``python -c pass`` (the interpreter alone), ``import reader.cli``, and
``article-reader compare seeds/original_report.txt seeds/rewrite.txt`` (output
to /dev/null), the goal being <= 0.25 s. Then the ``--top`` imports that cost
most under ``python -X importtime -c "import reader.cli"`` (cumulative and own
microseconds, median of 3 runs), to show what import time is left and where.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def timed(command: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return times


def import_times(runs: int) -> dict[str, tuple[float, float]]:
    """Module -> (median cumulative us, median own us) of ``import reader.cli``."""
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", "import reader.cli"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "|" not in line:
                continue
            own, cumulative, name = (part.strip() for part in line[12:].split("|"))
            if own.isdigit():
                found[name.strip()].append((int(cumulative), int(own)))
    return {
        name: (statistics.median(c for c, _ in rows), statistics.median(o for _, o in rows))
        for name, rows in found.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    pair = [str(SEEDS / "original_report.txt"), str(SEEDS / "rewrite.txt")]
    rows = [
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("import reader.cli", [sys.executable, "-c", "import reader.cli"]),
        (
            "article-reader compare (sample pair)",
            [sys.executable, "-m", "reader", "compare", *pair],
        ),
    ]
    print(f"| whole process, {args.repeat} runs | median s | min s | max s |")
    print("|---|---:|---:|---:|")
    for name, command in rows:
        times = timed(command, args.repeat)
        print(f"| {name} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} |")
    print()
    print("| module (import reader.cli, -X importtime, median of 3) | cumulative ms | own ms |")
    print("|---|---:|---:|")
    imports = import_times(3)
    top = sorted(imports.items(), key=lambda item: -item[1][0])[: args.top]
    for name, (cumulative, own) in top:
        print(f"| {name} | {cumulative / 1000:.1f} | {own / 1000:.1f} |")


if __name__ == "__main__":
    main()
