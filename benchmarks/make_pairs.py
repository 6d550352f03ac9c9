"""Generate original/rewrite pairs of English prose with a recorded truth, for benchmarks.

    python benchmarks/make_pairs.py [--sizes 3K,30K,300K,3M,300K-Q] [--seed 0] [--out DIR]

writes ``pair-<size>-s<seed>.left.txt``, ``.right.txt`` and ``.truth.json`` per size
(default directory: ``benchmarks/out/``, which git ignores). A size ending in ``-Q``
(``300K-Q``) is a *quotation-dense* pair: see "News-like prose" below.

The prose comes from any Python install: the standard library's docstrings and
``pydoc_data.topics``, cleaned into sentences and paragraphs (one paragraph per
line, as the segmenter expects). That gives about 0.9 MB of distinct prose; a
bigger original continues with *relexified* copies of it, where every word
outside the 200 commonest has been swapped for another word of about the same
frequency and ending (-ing, -ed, -ly, -s). Sentence shapes, lengths and word
statistics stay those of real prose (the words read as nonsense) while no
sentence repeats, so a 3 MB pair is not 3 copies of one text.

The rewrite of an original of N sentences and P paragraphs:

- deletes 10% of the sentences;
- inserts 10% x N new sentences, taken from prose the original does not use,
  either inside paragraphs or as paragraphs of their own;
- edits 15% of the sentences with 1-3 word substitutions, insertions or deletions;
- moves 3% of the paragraphs (at least one) at least a third of the article away,
  unedited.

The truth records each of these as character spans (Python ``str`` offsets) and
the true share of changed characters, spaces not counted (as in the engine's
``Summary``). Moved text is kept text, so it is not counted as changed.

News-like prose (``quotes=True``, sizes ``…-Q``): the same paragraphs turned into
news copy before the pair is made, as a collection of news articles reads. Each
paragraph keeps its first sentence as the writer's and turns most of the others
into attributed quotations of made-up people and outlets, in the shapes news
uses: ``“…,” Name said.``, ``“…,” said Name, the role.``, ``“…,” she said.``,
``Name told Outlet: “…”``, a partial quotation inside the writer's sentence
(``…, Name said, calling it “a few words” …``), and now and then a quoted
programme name (``…, under the “Capital Words Plan”.``). About 1,400 quotations a side per
300 KB. The rewrite's edits then fall inside quotations as they would in life.

The same seed and Python version give byte-identical pairs; another Python
version has other docstrings, hence other (equally shaped) pairs.
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import random
import re
import sys
import sysconfig
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DELETE_SHARE = 0.10
INSERT_SHARE = 0.10
EDIT_SHARE = 0.15
MOVE_SHARE = 0.03
SIZES = {"3K": 3_000, "30K": 30_000, "300K": 300_000, "3M": 3_000_000}
QUOTE_SIZES = ("300K-Q", "3M-Q")  # quotation-dense pairs (news-like prose)
DEFAULT_OUT = Path(__file__).resolve().parent / "out"

KEPT_WORDS = 200  # the commonest words are never relexified: they carry the grammar
RELEX_BAND = 64  # a word is swapped only with words of about the same frequency rank

Paragraph = tuple[str, ...]  # its sentences
Span = tuple[int, int]

# --- the prose pool -----------------------------------------------------------

_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_RST_ROLE = re.compile(r":[\w:]+:`~?([^`<]*?)(?:\s*<[^>]*>)?`")
_EMPHASIS = re.compile(r"(?<!\w)\*(\w[^*]*?)\*(?!\w)")
_UNDERLINE = re.compile(r"\s*([-=*~^#+])\1{2,}\s*")
# Code, markup and identifiers: a sentence holding any of these is not prose.
_NOT_PROSE = re.compile(r"==|\(\)|->|[{}\[\]\\<>|@$#`]|__|\w\.\w+\(|\b\w+_\w+\b|\*|::|\.\.\.|^\W")
_WORD = re.compile(r"[A-Za-z]+")
_WHOLE_WORD = re.compile(r"(?<![\w'’-])[A-Za-z]+(?:['’-][A-Za-z]+)*(?![\w'’-])")  # doesn't, one-off


def _docstrings() -> Iterator[str]:
    """Docstrings of the standard library's own modules (not tests or IDLE), in a fixed order."""
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    skip = {"site-packages", "test", "tests", "idlelib"}
    for path in sorted(stdlib.rglob("*.py")):
        if skip.intersection(path.relative_to(stdlib).parts):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                doc = ast.get_docstring(node)
                if doc:
                    yield doc


def _topics() -> Iterator[str]:
    try:
        from pydoc_data.topics import topics
    except ImportError:  # some distributions ship Python without it
        return
    for key in sorted(topics):
        yield topics[key]


def _prose_blocks(doc: str) -> Iterator[str]:
    """The blocks of a docstring that read as running text, each joined into one line."""
    for block in re.split(r"\n\s*\n", doc):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        indents = [len(line) - len(line.lstrip()) for line in lines]
        if any(i > indents[0] for i in indents[1:]):  # code, a table or a definition list
            continue
        if any(_UNDERLINE.fullmatch(line) for line in lines):  # a section title
            continue
        text = " ".join(line.strip() for line in lines)
        text = _EMPHASIS.sub(r"\1", _RST_ROLE.sub(r"\1", text))
        yield re.sub(r"\s+", " ", text)


def _is_prose(sentence: str) -> bool:
    return (
        25 <= len(sentence) <= 400
        and sentence[0].isupper()
        and sentence[-1] in ".!?"
        and sentence.count('"') % 2 == 0
        and not _NOT_PROSE.search(sentence)
    )


@functools.cache
def prose_pool() -> tuple[Paragraph, ...]:
    """Every distinct prose sentence found, grouped in paragraphs (a run of kept sentences)."""
    seen: set[str] = set()
    paragraphs: list[Paragraph] = []
    for doc in (*_docstrings(), *_topics()):
        for block in _prose_blocks(doc):
            run: list[str] = []
            for sentence in _SENTENCE_BREAK.split(block):
                # A dropped sentence ends the paragraph: the next one may not follow on.
                if not _is_prose(sentence) or sentence in seen:
                    if run:
                        paragraphs.append(tuple(run))
                    run = []
                    continue
                seen.add(sentence)
                run.append(sentence)
            if run:
                paragraphs.append(tuple(run))
    return tuple(paragraphs)


@functools.cache
def _frequency_bands() -> tuple[tuple[str, ...], ...]:
    """Lower-case words past the KEPT_WORDS commonest, in bands of like ending and frequency."""
    counts = Counter(
        word.lower() for paragraph in prose_pool() for s in paragraph for word in _WORD.findall(s)
    )
    ranked = [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    by_ending: dict[str, list[str]] = {}
    for word in ranked[KEPT_WORDS:]:
        by_ending.setdefault(_ending(word), []).append(word)
    return tuple(
        tuple(words[i : i + RELEX_BAND])
        for _, words in sorted(by_ending.items())
        for i in range(0, len(words), RELEX_BAND)
    )


def _ending(word: str) -> str:
    """A crude part-of-speech class, so "-ing" words swap with "-ing" words."""
    for ending in ("ing", "ed", "ly", "s"):
        if word.endswith(ending):
            return ending
    return ""


def _relexifier(seed: str):
    """A function rewriting text with a fixed, seeded swap of words within frequency bands."""
    rng = random.Random(seed)
    swap: dict[str, str] = {}
    for band in _frequency_bands():
        shuffled = list(band)
        rng.shuffle(shuffled)
        swap.update(zip(band, shuffled, strict=True))

    def replace(match: re.Match[str]) -> str:
        word = match.group()
        new = swap.get(word.lower())
        if new is None or not (word.islower() or word.istitle()):
            return word  # a common word, or an acronym / CamelCase name: keep as is
        return new.capitalize() if word.istitle() else new

    return lambda text: _WORD.sub(replace, text)


def paragraph_stream(seed: int) -> Iterator[Paragraph]:
    """Endless paragraphs: the pool shuffled, then relexified reshuffled copies of it.

    A sentence made only of the commonest words comes out of relexifying
    unchanged; such repeats are dropped, so no sentence occurs twice.
    """
    pool = prose_pool()
    if not pool:
        raise RuntimeError("no prose found in this Python's standard library")
    yield from random.Random(f"order:{seed}:0").sample(pool, len(pool))
    seen = {sentence for paragraph in pool for sentence in paragraph}
    copy = 1
    while True:
        relex = _relexifier(f"relex:{seed}:{copy}")
        for paragraph in random.Random(f"order:{seed}:{copy}").sample(pool, len(pool)):
            fresh = []
            for sentence in map(relex, paragraph):
                if sentence not in seen:
                    seen.add(sentence)
                    fresh.append(sentence)
            if fresh:
                yield tuple(fresh)
        copy += 1


# --- news-like prose -------------------------------------------------------------

_SYLLABLES = "ba ko ri ven sa lu mar te no di al fe go han il jo ka le mi or pa que ru to".split()
_ROLES = (
    "a spokeswoman for the agency",
    "the committee's chairman",
    "a lawyer for the family",
    "the 41-year-old organizer",
    "an economist at the institute",
    "the city's mayor",
)
_OUTLETS = ("the Herald", "Reuters", "the Tribune", "local radio", "the Ledger")


def _made_up_name(rng: random.Random) -> str:
    def word(k: int) -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(k)).capitalize()

    return f"{word(2)} {word(rng.choice((2, 3)))}"


def _quoted(rng: random.Random, sentence: str, speaker: str, pronoun: str, named: bool) -> str:
    """One sentence as a quotation attributed in one of the shapes news uses."""
    body, end = sentence[:-1], sentence[-1]
    comma = "," if end == "." else end
    surname = speaker.split()[-1]
    shape = rng.random()
    if named and shape < 0.25:
        return f"“{body}{comma}” {pronoun} said."
    if shape < 0.45:
        return f"“{body}{comma}” {surname if named else speaker} said."
    if shape < 0.6:
        role = rng.choice(_ROLES)
        who = surname if named else speaker
        return f"“{body}{comma}” said {who}, {role}."
    if shape < 0.75:
        return f"{surname if named else speaker} told {rng.choice(_OUTLETS)}: “{sentence}”"
    words = body.split()
    if len(words) >= 8:
        # A partial quotation: a few of the words quoted inside the writer's sentence.
        k = rng.randint(1, len(words) - 5)
        n = rng.randint(3, 5)
        inner = " ".join(words[k : k + n])
        rest = " ".join(words[:k] + ["“" + inner + "”"] + words[k + n :])
        return f"{rest}, {surname if named else speaker} said{end}"
    return f"“{body}{comma}” {surname if named else speaker} added."


def _term(rng: random.Random, sentence: str) -> str:
    """The writer's sentence ending with a quoted programme name (``…, under the “X Plan”.``)."""
    name = " ".join(_made_up_name(rng).split() + [rng.choice(("Plan", "Act", "Initiative"))])
    return f"{sentence[:-1]}, under the “{name}”{sentence[-1]}"


_HAS_MARK = re.compile(r'["“”«»„]')


def news_stream(seed: int) -> Iterator[Paragraph]:
    """``paragraph_stream`` turned into news copy: attributed quotations in most sentences."""
    rng = random.Random(f"news:{seed}")
    for paragraph in paragraph_stream(seed):
        speaker = _made_up_name(rng)
        pronoun = rng.choice(("she", "he"))
        first = paragraph[0]
        out = [_term(rng, first) if rng.random() < 0.15 and not _HAS_MARK.search(first) else first]
        named = False
        for sentence in paragraph[1:]:
            # A sentence with marks of its own stays the writer's: no quotation inside a quotation.
            if rng.random() < 0.45 and not _HAS_MARK.search(sentence):
                out.append(_quoted(rng, sentence, speaker, pronoun, named))
                named = True
            else:
                out.append(sentence)
        if len(paragraph) == 1 and rng.random() < 0.4 and not _HAS_MARK.search(paragraph[0]):
            out = [_quoted(rng, paragraph[0], speaker, pronoun, False)]
        yield tuple(out)


# --- the rewrite ----------------------------------------------------------------

EQUAL, DELETE, INSERT = "=", "-", "+"
Segment = tuple[str, str]  # (tag, text): "=" both sides, "-" left only, "+" right only


@dataclass(frozen=True)
class Pair:
    """A generated original (``left_text``), its rewrite and the truth (a JSON-able dict)."""

    left_text: str
    right_text: str
    truth: dict


def make_pair(size_bytes: int, seed: int = 0, *, quotes: bool = False) -> Pair:
    """Build a pair whose sides are each about ``size_bytes`` of UTF-8 (within a few percent).

    ``quotes``: news-like prose, rich in attributed quotations (see the module docstring).
    """
    rng = random.Random(seed)
    stream = news_stream(seed) if quotes else paragraph_stream(seed)
    original, unused = _take_original(stream, size_bytes)
    fresh = _sentences(unused, stream)

    n_paragraphs = len(original)
    sentences = [(p, k) for p, paragraph in enumerate(original) for k in range(len(paragraph))]
    moved = _choose_moves(rng, n_paragraphs)
    movable = [key for key in sentences if key[0] not in moved]
    chosen = rng.sample(movable, round((DELETE_SHARE + EDIT_SHARE) * len(sentences)))
    n_deleted = round(DELETE_SHARE * len(sentences))
    deleted, edited = set(chosen[:n_deleted]), set(chosen[n_deleted:])

    # The rewrite as paragraphs of (segments, left sentence key or None).
    rewrite: list[list[tuple[list[Segment], tuple[int, int] | None]]] = []
    for p, paragraph in enumerate(original):
        row = []
        for k, sentence in enumerate(paragraph):
            if (p, k) in deleted:
                segments = [(DELETE, sentence)]
            elif (p, k) in edited:
                segments = _edit_words(rng, sentence, fresh.vocabulary)
            else:
                segments = [(EQUAL, sentence)]
            row.append((segments, (p, k)))
        rewrite.append(row)
    _insert_new(rng, rewrite, moved, fresh, round(INSERT_SHARE * len(sentences)))
    order = _paragraph_order(rng, n_paragraphs, len(rewrite), moved)
    return _assemble(original, [(i, rewrite[i]) for i in order], moved, size_bytes, seed)


def _take_original(
    stream: Iterator[Paragraph], size_bytes: int
) -> tuple[list[Paragraph], list[Paragraph]]:
    """Paragraphs in stream order up to the size; ones that would overshoot are set aside."""
    taken: list[Paragraph] = []
    aside: list[Paragraph] = []
    total = 0
    while total < 0.98 * size_bytes:
        paragraph = next(stream)
        size = len(" ".join(paragraph).encode("utf-8")) + 1
        if total + size > 1.02 * size_bytes:
            aside.append(paragraph)
            if len(aside) > 10_000:  # nothing small enough left: accept the overshoot
                break
            continue
        taken.append(paragraph)
        total += size
    return taken, aside


@dataclass
class _Fresh:
    """Sentences the original does not contain, handed out in order, and their words."""

    sentences: Iterator[str]
    vocabulary: list[str]


def _sentences(aside: list[Paragraph], stream: Iterator[Paragraph]) -> _Fresh:
    # Words for edits come from the next stretch of unused prose, so they are real words.
    sample = [s for paragraph in aside for s in paragraph]
    while len(sample) < 200:
        sample.extend(next(stream))
    vocabulary = sorted({w.lower() for s in sample for w in _WORD.findall(s) if len(w) > 2})

    def sentences() -> Iterator[str]:
        yield from sample
        for paragraph in stream:
            yield from paragraph

    return _Fresh(sentences(), vocabulary)


def _choose_moves(rng: random.Random, n_paragraphs: int) -> set[int]:
    if n_paragraphs < 6:
        return set()
    return set(rng.sample(range(n_paragraphs), max(1, round(MOVE_SHARE * n_paragraphs))))


def _edit_words(rng: random.Random, sentence: str, vocabulary: list[str]) -> list[Segment]:
    """1-3 word substitutions, insertions or deletions, never on the first or last word."""
    words = list(_WHOLE_WORD.finditer(sentence))
    inner = words[1:-1]
    if not inner:
        return [(EQUAL, sentence)]
    targets = sorted(rng.sample(inner, min(len(inner), rng.randint(1, 3))), key=lambda m: m.start())
    segments: list[Segment] = []
    done = 0
    for match in targets:
        start, end = match.span()
        kind = rng.choice(("substitute", "insert", "delete"))
        new = rng.choice(vocabulary)
        while new == match.group().lower():
            new = rng.choice(vocabulary)
        if kind == "substitute":
            segments += [(EQUAL, sentence[done:start]), (DELETE, match.group()), (INSERT, new)]
        elif kind == "insert":
            segments += [(EQUAL, sentence[done:start]), (INSERT, new + " ")]
            end = start
        else:  # delete the word and the space after it, so no double space is left
            end = end + 1 if sentence[end : end + 1] == " " else end
            segments += [(EQUAL, sentence[done:start]), (DELETE, sentence[start:end])]
        done = end
    segments.append((EQUAL, sentence[done:]))
    return [(tag, text) for tag, text in segments if text]


def _insert_new(rng, rewrite, moved: set[int], fresh: _Fresh, count: int) -> None:
    """Add ``count`` new sentences in runs of 1-3: a quarter as paragraphs of their own."""
    n_original = len(rewrite)
    while count > 0:
        run = min(count, rng.choice((1, 1, 1, 2, 3)))
        count -= run
        items = [([(INSERT, next(fresh.sentences))], None) for _ in range(run)]
        if rng.random() < 0.25:
            rewrite.append(items)  # placed by _paragraph_order
            continue
        p = rng.randrange(n_original)
        while p in moved:  # moved paragraphs stay whole, so their truth stays one span
            p = rng.randrange(n_original)
        k = rng.randint(0, len(rewrite[p]))
        rewrite[p][k:k] = items


def _paragraph_order(rng, n_original: int, n_total: int, moved: set[int]) -> list[int]:
    """Original paragraphs in order, new ones at random places, moved ones far off."""
    order = [p for p in range(n_original) if p not in moved]
    for new in range(n_original, n_total):
        order.insert(rng.randint(0, len(order)), new)
    far = max(2, n_original // 3)
    for p in sorted(moved):
        # Place it after a paragraph at least `far` original positions away.
        anchors = [
            i
            for i, q in enumerate(order)
            if q < n_original and q not in moved and abs(q - p) >= far
        ]
        order.insert(rng.choice(anchors) + 1, p)
    return order


def _assemble(original, rewrite, moved, size_bytes: int, seed: int) -> Pair:
    """Join both sides into text and turn every recorded change into spans.

    ``rewrite`` lists the right's paragraphs in order as (paragraph index, row); an
    index past the original's paragraphs is a new paragraph.
    """
    left_parts: list[str] = []
    left_spans: dict[tuple[int, int], Span] = {}
    left_paragraphs: list[Span] = []
    pos = 0
    for p, paragraph in enumerate(original):
        start = pos
        for k, sentence in enumerate(paragraph):
            if k:
                left_parts.append(" ")
                pos += 1
            left_spans[p, k] = (pos, pos + len(sentence))
            left_parts.append(sentence)
            pos += len(sentence)
        left_paragraphs.append((start, pos))
        left_parts.append("\n")
        pos += 1
    left_text = "".join(left_parts)

    right_parts: list[str] = []
    deleted: list[Span] = []
    inserted: list[Span] = []
    edited: list[dict] = []
    moves: list[dict] = []
    changed = {"left": 0, "right": 0}
    pos = 0
    for p, row in rewrite:
        start = pos
        first = True
        for segments, key in row:
            if key is not None and segments[0][0] == DELETE and len(segments) == 1:
                deleted.append(left_spans[key])
                changed["left"] += _nonspace(segments[0][1])
                continue
            if not first:
                right_parts.append(" ")
                pos += 1
            first = False
            sentence_start = pos
            changes: list[dict] = []
            left_pos = left_spans[key][0] if key is not None else None
            for tag, text in segments:
                if tag == INSERT:
                    right_parts.append(text)
                    changes.append({"left": None, "right": [pos, pos + len(text)]})
                    changed["right"] += _nonspace(text)
                    pos += len(text)
                elif tag == DELETE:
                    changes.append({"left": [left_pos, left_pos + len(text)], "right": None})
                    changed["left"] += _nonspace(text)
                    left_pos += len(text)
                else:
                    right_parts.append(text)
                    pos += len(text)
                    if left_pos is not None:
                        left_pos += len(text)
            if key is None:
                inserted.append((sentence_start, pos))
            elif len(segments) > 1:
                edited.append(
                    {
                        "left": list(left_spans[key]),
                        "right": [sentence_start, pos],
                        "changes": changes,
                    }
                )
        if first:  # every sentence of the paragraph was deleted: no line on the right
            continue
        if p in moved:
            moves.append({"left": list(left_paragraphs[p]), "right": [start, pos]})
        right_parts.append("\n")
        pos += 1
    right_text = "".join(right_parts)

    totals = {"left": _nonspace(left_text), "right": _nonspace(right_text)}
    truth = {
        "seed": seed,
        "size_bytes": size_bytes,
        "python": sys.version.split()[0],
        "bytes": {
            "left": len(left_text.encode("utf-8")),
            "right": len(right_text.encode("utf-8")),
        },
        "sentences": {"left": len(left_spans), "deleted": len(deleted), "inserted": len(inserted)},
        "paragraphs": {"left": len(original), "moved": len(moves)},
        "deleted": [list(span) for span in deleted],
        "inserted": [list(span) for span in inserted],
        "edited": edited,
        "moved": moves,
        "moved_chars": sum(_nonspace(left_text[a:b]) for a, b in (m["left"] for m in moves)),
        "total_chars": totals,
        "changed_chars": changed,
        "changed_share": {
            "left": changed["left"] / totals["left"],
            "right": changed["right"] / totals["right"],
            "both": (changed["left"] + changed["right"]) / (totals["left"] + totals["right"]),
        },
    }
    return Pair(left_text, right_text, truth)


def _nonspace(text: str) -> int:
    """Characters other than spaces, the unit of the engine's ``Summary``."""
    return len(text) - sum(1 for ch in text if ch.isspace())


# --- command line -------------------------------------------------------------


def parse_label(text: str) -> tuple[int, bool]:
    """'300K' -> (300000, False); '300K-Q' -> (300000, True), a quotation-dense pair."""
    text = text.strip().upper()
    if text.endswith("-Q"):
        return parse_size(text[:-2]), True
    return parse_size(text), False


def parse_size(text: str) -> int:
    """'3K' -> 3000, '3M' -> 3000000, '4500' -> 4500 (decimal units, like the issue's sizes)."""
    text = text.strip().upper()
    factor = {"K": 1_000, "M": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("KM")) * factor)


def write_pair(pair: Pair, directory: Path, name: str) -> tuple[Path, Path, Path]:
    """Write ``name.left.txt``, ``name.right.txt`` and ``name.truth.json`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = (
        directory / f"{name}.left.txt",
        directory / f"{name}.right.txt",
        directory / f"{name}.truth.json",
    )
    paths[0].write_text(pair.left_text, encoding="utf-8")
    paths[1].write_text(pair.right_text, encoding="utf-8")
    paths[2].write_text(json.dumps(pair.truth, indent=1) + "\n", encoding="utf-8")
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(SIZES), help="comma-separated, e.g. 3K,300K")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    args = parser.parse_args(argv)
    for label in args.sizes.split(","):
        size, quotes = parse_label(label)
        pair = make_pair(size, args.seed, quotes=quotes)
        name = f"pair-{label.strip()}-s{args.seed}"
        write_pair(pair, args.out, name)
        share = pair.truth["changed_share"]["both"]
        print(f"{args.out / name}.*  {pair.truth['bytes']}  changed {share:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
