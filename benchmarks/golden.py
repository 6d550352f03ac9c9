"""Digests of the command line's output on many pairs, to show a refactor changed nothing.

    python benchmarks/golden.py --save before.json     # on the old tree
    python benchmarks/golden.py --check before.json    # on the new one: exit 1 on a difference

Each pair goes through ``reader.cli.main`` exactly as a user's ``article-reader
compare LEFT RIGHT --json`` (and the terminal form), so the digest covers the
whole contract whatever the modules behind it are called. Pairs: the sample pair,
generated pairs (``make_pairs``: 3K-300K, two seeds, written to a temp folder),
and BASIL's three outlets of each event taken two by two when ``../shared/eval``
is there (read in place, never copied). Paths are replaced by their names so the
digest does not depend on where the temp folder was.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import make_pairs  # noqa: E402

from reader.cli import main as cli_main  # noqa: E402

BASIL = ROOT.parent / "shared" / "eval" / "basil_media_bias_triplets"


def pairs(workdir: Path) -> Iterator[tuple[str, Path, Path]]:
    """(name, left, right) for every pair checked."""
    seeds = ROOT / "seeds"
    yield "seeds", seeds / "original_report.txt", seeds / "rewrite.txt"
    for size in ("3K", "30K", "300K"):
        for seed in (0, 1):
            pair = make_pairs.make_pair(make_pairs.parse_size(size), seed=seed)
            left, right, _ = make_pairs.write_pair(pair, workdir, f"{size}-s{seed}")
            yield f"gen-{size}-s{seed}", left, right
    if (BASIL / "gold.json").is_file():
        for triplet in json.loads((BASIL / "gold.json").read_text(encoding="utf-8")):
            files = [BASIL / "text" / a["file"] for a in triplet["articles"]]
            for i, j in ((0, 1), (1, 2), (2, 0)):
                yield f"basil-{files[i].stem}-{files[j].stem}", files[i], files[j]


def digest(left: Path, right: Path, *extra: str) -> str:
    out = io.StringIO()
    status = cli_main(["compare", str(left), str(right), *extra], stdout=out)
    text = out.getvalue().replace(str(left), left.name).replace(str(right), right.name)
    return hashlib.sha256(f"{status}\n{text}".encode()).hexdigest()[:16]


def run() -> dict[str, str]:
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, left, right in pairs(Path(tmp)):
            result[name] = digest(left, right, "--json") + "/" + digest(left, right)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the digests to this file")
    group.add_argument("--check", type=Path, help="compare with digests saved earlier")
    args = parser.parse_args()
    now = run()
    if args.save:
        args.save.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
        print(f"{len(now)} pairs saved to {args.save}")
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    print(f"{len(now)} pairs, {len(differ)} differ")
    for name in differ:
        print(f"  {name}: {before.get(name)} -> {now.get(name)}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
