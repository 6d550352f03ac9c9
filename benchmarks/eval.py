"""Quality of the engine on externally annotated data (../shared/eval), printed as tables.

    python benchmarks/eval.py [--eval-dir PATH]

- PolNeAR: direct-quote recall and speaker accuracy (see eval_polnear.py).
- Clough-Stevenson: does the share of each rewrite kept from its source rank the
  answers cut > light > heavy > non? Spearman's rho, beside difflib's ratio.
- PAN13 (no obfuscation): character precision/recall/F1 of the verbatim passage,
  taken as the suspicious document's characters in "=" ops of paired blocks.
- P4P: how much of what the word diff colours lies inside annotated paraphrase
  phenomena, and how much of those it colours.

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
from reader.core.load.loader import load  # noqa: E402

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
        marked = _chars_with(comparison, "right", "=")
        gold_chars = set()
        for case in pair["cases"]:
            start, length = case["this_offset"], case["this_length"]
            gold_chars.update(k for k in range(start, start + length) if not susp.text[k].isspace())
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


def _chars_with(comparison, side: str, tag: str) -> set[int]:
    """Offsets of the non-space characters of one side that lie in ops with ``tag``."""
    own = "-" if side == "left" else "+"
    text = getattr(comparison, side).text
    found: set[int] = set()
    for block in comparison.blocks:
        span = getattr(block, side)
        if span is None:
            continue
        pos = span[0]
        for op in block.ops:
            if op.tag not in ("=", own):
                continue
            if op.tag == tag:
                found.update(k for k in range(pos, pos + len(op.text)) if not text[k].isspace())
            pos += len(op.text)
    return found


def p4p(eval_dir: Path) -> dict[str, float]:
    """Word-level changes against annotated paraphrase phenomena (source = left)."""
    gold = json.loads((eval_dir / "p4p_paraphrase_phenomena" / "gold.json").read_text())
    snippets = gold["snippets"]
    inside = marked_total = annotated = found = 0
    for pair in gold["pairs"]:
        src, plag = pair["source"], pair["plagiarism"]
        left = Article.from_text(snippets[src]["text"])
        right = Article.from_text(snippets[plag]["text"])
        comparison = compare(left, right)
        for side, key, article in (("left", src, left), ("right", plag, right)):
            marked = _chars_with(comparison, side, "-" if side == "left" else "+")
            phenomena: set[int] = set()
            for ph in pair["phenomena"]:
                if ph["type"] in ("order", "dis_punct_format"):
                    continue  # kept words in a new order, or punctuation: not additions/omissions
                for offset, length in ph["scopes"].get(key, []):
                    phenomena.update(
                        k for k in range(offset, offset + length) if not article.text[k].isspace()
                    )
            inside += len(marked & phenomena)
            marked_total += len(marked)
            annotated += len(phenomena)
            found += len(phenomena & marked)
    return {
        "pairs": len(gold["pairs"]),
        "changed_chars_in_phenomena": inside / marked_total if marked_total else 0.0,
        "phenomena_chars_marked": found / annotated if annotated else 0.0,
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
    parser.add_argument("--only", choices=("polnear", "clough", "pan13", "p4p"))
    args = parser.parse_args()
    if args.only in (None, "polnear"):
        _table(
            "PolNeAR quotes",
            polnear(args.eval_dir),
            {"recall": "direct quotes; target >= 0.98", "speaker_strict": "target >= 0.85"},
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
    if args.only in (None, "p4p"):
        _table(
            "P4P paraphrase phenomena (word diff inside a paired passage)",
            p4p(args.eval_dir),
            {
                "changed_chars_in_phenomena": "precision of what is coloured",
                "phenomena_chars_marked": "recall of annotated changes",
            },
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
