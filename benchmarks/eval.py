"""Quality of the engine on externally annotated data (../shared/eval), printed as tables.

    python benchmarks/eval.py [--eval-dir PATH]

- PolNeAR: direct-quote recall and speaker accuracy (see eval_polnear.py).
- Clough-Stevenson: does the share of each rewrite kept from its source rank the
  answers cut > light > heavy > non? Spearman's rho, beside difflib's ratio.
- PAN13 (no obfuscation): character precision/recall/F1 of the verbatim passage,
  taken as the suspicious document's characters in "=" ops of paired blocks.

The texts stay in ../shared/eval; nothing here copies them.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from reader.core.article import Article  # noqa: E402
from reader.core.compare import compare  # noqa: E402
from reader.core.loading import load  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
CATEGORY_RANK = {"non": 0, "heavy": 1, "light": 2, "cut": 3}
_SOFT_WRAP = re.compile(r"(?<=\S)\n(?=\S)")


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rank correlation with average ranks for ties."""

    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        result = [0.0] * len(values)
        k = 0
        while k < len(order):
            j = k
            while j + 1 < len(order) and values[order[j + 1]] == values[order[k]]:
                j += 1
            for m in range(k, j + 1):
                result[order[m]] = (k + j) / 2
            k = j + 1
        return result

    rx, ry = ranks(xs), ranks(ys)
    mx, my = statistics.fmean(rx), statistics.fmean(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    var = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return cov / var if var else 0.0


def clough(eval_dir: Path) -> dict[str, float]:
    folder = eval_dir / "clough_stevenson_short_answer_plagiarism"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    sources = {}
    truth, ours, verbatim, naive_chars, naive_words = [], [], [], [], []
    started = time.perf_counter()
    for item in gold:
        if item["category"] not in CATEGORY_RANK:
            continue
        source = sources.get(item["source"])
        if source is None:
            source = sources[item["source"]] = load(folder / "texts" / item["source"])
        answer = load(folder / "texts" / item["answer"])
        truth.append(CATEGORY_RANK[item["category"]])
        summary = compare(source, answer).summary
        ours.append(summary.kept_share)
        verbatim.append(summary.verbatim_share)
        naive_chars.append(difflib.SequenceMatcher(None, source.text, answer.text).ratio())
        naive_words.append(
            difflib.SequenceMatcher(None, source.text.split(), answer.text.split()).ratio()
        )
    return {
        "answers": len(truth),
        "spearman_kept_share": spearman(ours, truth),
        "spearman_verbatim_share": spearman(verbatim, truth),
        "spearman_difflib_chars": spearman(naive_chars, truth),
        "spearman_difflib_words": spearman(naive_words, truth),
        "seconds": time.perf_counter() - started,
    }


def _unwrapped(path: Path) -> Article:
    """The raw file with soft line wraps joined (same length, so gold offsets still hold)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    return Article.from_text(_SOFT_WRAP.sub(" ", raw), path=str(path))


def pan13(eval_dir: Path) -> dict[str, float]:
    folder = eval_dir / "pan13_text_alignment_no_obfuscation"
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    hit = predicted = truth = 0
    per_pair_f1 = []
    started = time.perf_counter()
    for pair in gold:
        source = _unwrapped(folder / "src" / pair["source"])
        susp = _unwrapped(folder / "susp" / pair["suspicious"])
        comparison = compare(source, susp)
        marked = set()
        for block in comparison.blocks:
            if block.right is None or block.left is None:
                continue
            pos = block.right[0]
            for op in block.ops:
                if op.tag == "-":
                    continue
                if op.tag == "=":
                    marked.update(pos + k for k, c in enumerate(op.text) if not c.isspace())
                pos += len(op.text)
        gold_chars = set()
        for case in pair["cases"]:
            start, length = case["this_offset"], case["this_length"]
            gold_chars.update(
                k for k in range(start, start + length) if not susp.text[k].isspace()
            )
        both = len(marked & gold_chars)
        hit += both
        predicted += len(marked)
        truth += len(gold_chars)
        p = both / len(marked) if marked else 0.0
        r = both / len(gold_chars) if gold_chars else 0.0
        per_pair_f1.append(2 * p * r / (p + r) if p + r else 0.0)
    precision = hit / predicted if predicted else 0.0
    recall = hit / truth if truth else 0.0
    return {
        "pairs": len(gold),
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "median_pair_f1": statistics.median(per_pair_f1),
        "seconds": time.perf_counter() - started,
    }


def polnear(eval_dir: Path) -> dict[str, float] | None:
    try:
        import eval_polnear
    except ImportError:
        return None
    return eval_polnear.evaluate(eval_dir / "polnear_attribution")


def _table(title: str, rows: dict[str, float] | None, targets: dict[str, str]) -> None:
    print(f"\n{title}")
    if rows is None:
        print("  (not available)")
        return
    for key, value in rows.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"  {key:<26} {shown:>8}  {targets.get(key, '')}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--only", choices=("polnear", "clough", "pan13"))
    args = parser.parse_args()
    if args.only in (None, "polnear"):
        _table(
            "PolNeAR quotes",
            polnear(args.eval_dir),
            {"direct_quote_recall": "target >= 0.98", "speaker_accuracy": "target >= 0.85"},
        )
    if args.only in (None, "clough"):
        _table(
            "Clough-Stevenson reuse ranking",
            clough(args.eval_dir),
            {
                "spearman_kept_share": "target >= 0.85 and above difflib",
                "spearman_verbatim_share": "runs of 6+ words copied as is",
            },
        )
    if args.only in (None, "pan13"):
        _table("PAN13 verbatim passage", pan13(args.eval_dir), {"f1": "target >= 0.95"})
    return 0


if __name__ == "__main__":
    sys.exit(main())
