"""The command line on the largest inputs the documented limits let in (issue 16, case 6).

    python benchmarks/limits.py [--timeout 60] [--only NAME,NAME]

Every pair is built here at run time, each side just under the loader's limits
(``TEXT_LIMIT`` characters, ``SENTENCE_LIMIT`` sentences), in the shapes that
cost the engine most per character: ordinary prose, prose with every sentence
edited, one sentence with no full stop, two unrelated texts, one-word lines,
short sentences, shuffled lines, a repeated sentence, identical lines; then two
inputs over the limits, which must be refused at once. Each runs as
``article-reader compare LEFT RIGHT --json -o OUT`` in a fresh process (wall
time and peak RSS from ``/usr/bin/time -v``, as ``hostile.py`` does). The goal:
every row ends within 15 s and 1.5 GB on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import hostile  # noqa: E402
import make_pairs  # noqa: E402
import worst_cases  # noqa: E402

from reader.core.load.loader import SENTENCE_LIMIT, TEXT_LIMIT  # noqa: E402

MB = 1 << 20
_PROSE: dict[int, make_pairs.Pair] = {}


def _prose(seed: int = 0) -> make_pairs.Pair:
    """A generated rewrite of ~``TEXT_LIMIT`` bytes a side (made once a seed)."""
    if seed not in _PROSE:
        _PROSE[seed] = make_pairs.make_pair(int(TEXT_LIMIT * 0.98), seed=seed)
    return _PROSE[seed]


def _every_tenth_word_edited(text: str) -> str:
    words = text.split(" ")
    for k in range(0, len(words), 10):
        words[k] = "edited" + words[k][-1:] if words[k][-1:] in ".\n" else "edited"
    return " ".join(words)


def prose() -> tuple[str, str]:
    pair = _prose()
    return pair.left_text, pair.right_text


def prose_all_edited() -> tuple[str, str]:
    left = _prose().left_text
    return left, _every_tenth_word_edited(left)


def one_sentence() -> tuple[str, str]:
    left = re.sub(r"[.!?\n]+", " ", _prose().left_text).strip() + "\n"
    words = left.split(" ")
    for k in range(0, len(words), 100):
        words[k] = "edited"
    return left, " ".join(words)


def unrelated() -> tuple[str, str]:
    return _prose(0).left_text, _prose(1).left_text


def _lines(case: worst_cases.Case) -> tuple[str, str]:
    return case.left, case.right


def one_word_lines() -> tuple[str, str]:
    return _lines(worst_cases.one_word_lines(int(SENTENCE_LIMIT * 0.97)))


def short_sentences() -> tuple[str, str]:
    case = worst_cases.one_word_lines(int(SENTENCE_LIMIT * 0.97))

    def sentences(text: str) -> str:
        words = text.split()
        lines = (words[k : k + 10] for k in range(0, len(words), 10))
        return "\n".join(" ".join(w.capitalize() + "." for w in line) for line in lines) + "\n"

    return sentences(case.left), sentences(case.right)


def shuffled_lines() -> tuple[str, str]:
    return _lines(worst_cases.shuffled_lines(int(SENTENCE_LIMIT * 0.99)))


def _copies() -> int:
    return min(int(SENTENCE_LIMIT * 0.97), TEXT_LIMIT // (len(worst_cases.SENTENCE) + 2))


def repeated() -> tuple[str, str]:
    return _lines(worst_cases.repeated(_copies(), 0))


def identical_lines() -> tuple[str, str]:
    return _lines(worst_cases.identical_lines(_copies()))


def over_the_text_limit() -> tuple[str, str]:
    text = ("The council voted on the budget on Tuesday night.\n" * (45 * MB // 51))[: 45 * MB]
    return text, text


def over_the_sentence_limit() -> tuple[str, str]:
    return _lines(worst_cases.one_word_lines(int(SENTENCE_LIMIT * 1.5)))


CASES: list[tuple[str, Callable[[], tuple[str, str]]]] = [
    ("prose (make_pairs)", prose),
    ("prose, every sentence edited", prose_all_edited),
    ("one sentence, no full stop, 1% of words edited", one_sentence),
    ("two unrelated texts", unrelated),
    ("one-word lines, 3% edited", one_word_lines),
    ("short sentences, 10 a line", short_sentences),
    ('shuffled lines ("The <word>.")', shuffled_lines),
    ("one sentence repeated, 1% of copies edited", repeated),
    ("identical lines, same text both sides", identical_lines),
    ("over the limits: 45 MB of text", over_the_text_limit),
    ("over the limits: 1.5x the sentences", over_the_sentence_limit),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", default="", help="comma-separated function names (prose,...)")
    args = parser.parse_args()
    only = {n for n in args.only.split(",") if n}
    print(f"limits: {TEXT_LIMIT:,} characters, {SENTENCE_LIMIT:,} sentences an article")
    print("| input | characters a side | seconds | peak MB | outcome |")
    print("|---|---:|---:|---:|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, build in CASES:
            if only and build.__name__ not in only:
                continue
            left, right = build()
            paths = [Path(folder) / "left.txt", Path(folder) / "right.txt"]
            for path, text in zip(paths, (left, right), strict=True):
                path.write_text(text, encoding="utf-8")
            out = Path(folder) / "out.json"
            command = [sys.executable, "-m", "reader", "compare", *map(str, paths)]
            wall, peak, outcome = hostile.run(
                [*command, "--json", "-o", str(out), "--force"], args.timeout, folder
            )
            if outcome == "exit 0":
                outcome = "compared"
            shown = f">{args.timeout:.0f}" if outcome == "killed" else f"{wall:.2f}"
            memory = "-" if peak != peak else f"{peak:,.0f}"
            size = f"{len(left):,} / {len(right):,}"
            print(f"| {name} | {size} | {shown} | {memory} | {outcome} |", flush=True)
            out.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
