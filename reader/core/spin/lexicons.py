"""Find loaded wording (emotive, figurative, pejorative, stance, generalisations...) in text.

One scan whose phrase, compound and headline rules depend on one another. The
word classes and scores are not computed here: benchmarks/build_lexicons.py
derives them from the sources and ships the result as one JSON table, so the
first call costs one parse (cold start counts).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib.resources import files

# Installed with the package (reader/resources/lexicons, each file's origin in its README).
_LEX_DIR = files("reader.resources") / "lexicons"

# Runs of letters joined by hyphens; one pass of a precompiled pattern keeps calls linear.
# Runs of letters: apostrophes and hyphens split tokens ("senator's" -> "senator", "s"), so
# the common case stays one cheap pattern. A listed compound ("fed-up", WordNet's "fed up") is
# matched from its first part; an unlisted one is judged part by part ("last", "ditch").
_TOKEN = re.compile(r"[A-Za-z]+")
_COMPOUND = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+")
# A short stretch in double quotes inside running prose: the writer distancing from a word.
_SCARE = re.compile(r"[\"\u201c]([A-Za-z][A-Za-z'\u2019 -]{0,30}[A-Za-z])[\"\u201d]")
# The next word after a phrase head, skipping spaces (a phrase never spans punctuation).
_NEXT = re.compile(r"[ \t\n]+([A-Za-z]+)")
# A particle followed by a determiner heads a prepositional phrase ("beaten in the vote"),
# not a phrasal verb ("stormed out", "lashed out at").
_NEXT_WORD_DET = re.compile(
    r"[ \t\n]+(?:the|a|an|this|that|these|those|his|her|its|their|our|my|your)\b", re.I
)

# What follows a phrasal verb of motion when it is meant literally: a direction or place.
_DIRECTION = re.compile(
    r"[ \t\n]+(?:of|into|onto|to|toward|towards|from|through|across|past|along|inside)\b", re.I
)

# Tuned on half A of the BASIL split (see eval_loaded.py); flags below this are dropped.
MIN_SCORE = 0.491


@dataclass(frozen=True, slots=True)
class LoadedWord:
    """One loaded word or phrase: text[start:end], its class and strength."""

    start: int
    end: int
    category: str
    score: float


def verb_forms(lemma: str) -> set[str]:
    """Regular inflections of a verb (over-generating is harmless: unreal forms never occur)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    else:
        forms |= {
            lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s"),
            lemma + "ed",
            lemma + "ing",
        }
        # slam -> slammed: double a final consonant after a single short vowel
        if (
            len(lemma) >= 3
            and lemma[-1] not in "aeiouwxy"
            and lemma[-2] in "aeiou"
            and lemma[-3] not in "aeiou"
        ):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


# An intensifier before a loaded word makes one stronger phrase ("utterly betrayed"); the head
# needs at least this score, and the phrase gets this much more than its stronger word.
COMBO_MIN = 0.4
COMBO_BONUS = 0.15

# The tables, as benchmarks/build_lexicons.py wrote them (its derive_table joins the sources;
# the app only parses). Entries are lists, as JSON gives them, to spare a conversion pass:
#   word entry  [category index, score, score when a particle follows or -1]
#   hot token   [word entry or None, phrase options or None, heads a listed compound]
#   phrase option [rest words, category index, score, 1 if a direction after it makes it
#                  literal (a phrasal verb headed by a plain verb of motion: "walk out")],
#                  longest first
_hot: tuple[float, dict, dict] | None = None  # (cut-off, hot tokens, combo head scores)
_particles: frozenset[str] = frozenset()


def _read(name: str) -> dict:
    """One shipped table, parsed (C-speed JSON: the first call's whole cost)."""
    return json.loads((_LEX_DIR / name).read_text(encoding="utf-8"))


def _tables(min_score: float) -> tuple[dict, dict]:
    """(hot tokens, combo heads) for a cut-off: the shipped one parses one file, others rebuild."""
    global _hot, _particles
    if _hot is not None and _hot[0] == min_score:
        return _hot[1], _hot[2]
    data = _read("loaded_hot.json")
    if tuple(data["categories"]) != _CATEGORIES:
        raise RuntimeError("reader/resources/lexicons/loaded_hot.json: unknown category layout")
    _particles = frozenset(data["particles"])
    if data["min_score"] == min_score:
        hot, combo = data["hot"], data["combo"]
    else:  # a caller lowered the cut-off (evaluations, tests): rebuild from the full table
        full = _read("loaded_all.json")
        hot, combo = hot_table(full["words"], full["phrases"], min_score)
    for q in _QUANTIFIERS:
        hot.setdefault(q, [None, None, False])  # read on: a group may follow
    _hot = (min_score, hot, combo)
    return hot, combo


def hot_table(words: dict, phrases: dict, min_score: float) -> tuple[dict, dict]:
    """Tokens that can flag at min_score, and the scores of words an intensifier can join.

    words: form -> word entry; phrases: head -> phrase options (the layout above). Used at
    build time for the shipped cut-off, and at run time only when MIN_SCORE is changed.
    """
    table = {
        w: [list(e), None, False]
        for w, e in words.items()
        if e[1] >= min_score
        or e[2] >= min_score
        or _INTENSIFIER == e[0]  # may head a phrase with the next word
    }
    for head, opts in phrases.items():
        opts = [list(o) for o in opts if o[2] >= min_score]
        if opts:
            table[head] = [table.get(head, (None,))[0], opts, False]
    # first parts of listed compounds, marked so that a following hyphen is looked at
    for w in [w for w in table if "-" in w]:
        first = w.split("-", 1)[0]
        entry, opts, _ = table.get(first, (None, None, False))
        table[first] = [entry, opts, True]
    # words below the cut an intensifier can still join (hot ones are read from the table)
    combo = {
        w: e[1]
        for w, e in words.items()
        if e[0] != _INTENSIFIER and e[1] >= COMBO_MIN and w not in table
    }
    return table, combo


# Category indices are the sorted category names (build_lexicons.write_table).
_CATEGORIES = (
    "charged adjective",
    "emotive",
    "figurative verb",
    "intensifier",
    "label",
    "manner adverb",
    "pejorative",
    "stance adverb",
    "subjective",
    "verb of saying",
)
_INTENSIFIER = _CATEGORIES.index("intensifier")


def _sentence_start(text: str, i: int) -> bool:
    """True if position i begins a sentence, line or quotation (looking back past spaces)."""
    j = i - 1
    while j >= 0 and text[j] in " \t([\u2018'\"\u201c":
        if text[j] in "\"\u201c\u2018'":
            return True
        j -= 1
    return j < 0 or text[j] in ".!?:;\n\u2014-"


def _headline_end(text: str) -> int:
    """End of the article's headline: its first line when that has no final full stop, else 0."""
    nl = text.find("\n")
    line = text if nl < 0 else text[:nl]
    stripped = line.rstrip()
    return len(line) if stripped and stripped[-1] not in '.!?"\u201d' and nl >= 0 else 0


# Short quoted fragments are often partial quotes, not irony; tuned on half A.
SCARE_SCORE = 0.6

# Words in names are rarely the writer's choice; tuned on half A.
NAME_WEIGHT = 0.4


def find_loaded(text: str, start: int = 0, end: int | None = None) -> list[LoadedWord]:
    """Loaded words in text[start:end], offsets into text."""
    min_score = MIN_SCORE
    hot, combo = _tables(min_score)
    end = len(text) if end is None else end
    seg = text[start:end]
    # Lower-case once; Unicode lower() can change lengths (rare letters), then offsets would
    # drift, so fall back to matching the original text and lower-casing each token.
    low = seg.lower()
    exact = len(low) == len(seg)
    it = _TOKEN.finditer(low) if exact else _TOKEN.finditer(text, start, end)
    base = start if exact else 0
    src = low if exact else text
    # A Title Case headline capitalises every word: capitals there say nothing about names.
    head_end = _headline_end(text) if start == 0 or start < text.find("\n") else 0
    out: list[LoadedWord] = []
    skip_to = -1  # end of the last multi-word match: its inner tokens are consumed
    get = hot.get
    for m in it:
        w = m.group() if exact else m.group().lower()
        h = get(w)
        if h is None:
            continue
        s, e = m.span()
        if s + base < skip_to:
            continue
        if w in _QUANTIFIERS and GENERAL_SCORE >= min_score:
            g = _group_after(text, e + base, end, hot)
            if g is not None:
                # "all Democrats", "many of the activists": one brush for a whole group
                out.append(LoadedWord(s + base, g, "generalisation", GENERAL_SCORE))
                skip_to = g
                continue
            if h[0] is None and h[1] is None and not h[2]:
                continue
        if h[2] and src.startswith("-", e):
            # the first part of a listed compound: try the whole hyphenated run
            c = _COMPOUND.match(src, s)
            whole = get(c.group().lower()) if c is not None else None
            if whole is not None:
                h, e = whole, c.end()
                skip_to = e + base
        elif h[0] is None and h[1] is None:
            continue  # heads only compounds, and none follows
        skip_to = max(
            skip_to, _judge(text, s + base, e + base, h, min_score, head_end, hot, combo, out)
        )
    # Scare quotes: one to three words quoted inside running prose, not a quoted sentence.
    if SCARE_SCORE >= min_score and ("\u201c" in seg or '"' in seg):
        quoted = [
            LoadedWord(m.start(1), m.end(1), "scare quote", SCARE_SCORE)
            for m in _SCARE.finditer(text, start, end)
            if m.group(1).count(" ") <= 2 and not _sentence_start(text, m.start())
        ]
        if quoted:
            # drop word flags inside a quoted fragment (sweep: both lists are sorted)
            kept, j = [], 0
            for w in out:
                while j < len(quoted) and quoted[j].end <= w.start:
                    j += 1
                if not (j < len(quoted) and quoted[j].start <= w.start and w.end <= quoted[j].end):
                    kept.append(w)
            out = sorted(kept + quoted, key=lambda w: w.start)
    return out


def _judge(text, s, e, h, min_score, head_end, hot, combo, out) -> int:
    """Append the flag, if any, that starts with the hot token text[s:e]; return where it ends."""
    entry, opts, _ = h
    if opts is not None:
        hit = _match_phrase(text, e, opts)
        if hit is not None:
            out.append(LoadedWord(s, hit[0], _CATEGORIES[hit[1]], hit[2]))
            return hit[0]
    if entry is None:
        return -1
    ci, sc, phrasal = entry
    cat = _CATEGORIES[ci]
    if (
        s >= head_end
        and text[s].isupper()
        and not text[s + 1 : e].isupper()
        and not _sentence_start(text, s)
    ):
        # capitalised mid-sentence: part of a name ("Supreme Court", "Patriot Act")
        sc *= NAME_WEIGHT
        phrasal *= NAME_WEIGHT  # (-1 for none stays below every cut-off)
    # only intensifiers and phrasal-capable verbs read on (most hits need no second match)
    nxt = _NEXT.match(text, e) if ci == _INTENSIFIER or phrasal >= 0 else None
    if nxt is not None:
        follower = nxt.group(1).lower()
        if ci == _INTENSIFIER:
            # a loaded non-intensifier scoring >= COMBO_MIN
            joined = hot.get(follower)
            fe = joined[0] if joined is not None else None
            head = (
                fe[1]
                if fe is not None and fe[0] != _INTENSIFIER and fe[1] >= COMBO_MIN
                else combo.get(follower)
            )
            if head is not None:
                score = round(min(1.0, max(sc, head) + COMBO_BONUS), 3)
                if score >= min_score:
                    out.append(LoadedWord(s, nxt.end(1), cat, score))
                    return nxt.end(1)
        elif (
            follower in _particles
            and phrasal >= min_score
            and _NEXT_WORD_DET.match(text, nxt.end(1)) is None
        ):
            out.append(LoadedWord(s, nxt.end(1), cat, round(max(sc, phrasal), 3)))
            return nxt.end(1)
    if sc < min_score:
        return -1
    out.append(LoadedWord(s, e, cat, round(sc, 3)))
    return -1


# Quantifiers over a whole group, and what follows them when the group is people: a group
# name (capitalised plural mid-sentence: "Democrats"), a person noun of the "-ist" class
# (people named by a cause: "activists", "socialists"), or a plural label or pejorative.
_QUANTIFIERS = frozenset({"all", "many", "most", "every"})
_GROUP = re.compile(r"[ \t\n]+(?:of[ \t\n]+(?:the|these|those)[ \t\n]+)?([A-Za-z]+)")
GENERAL_SCORE = 0.55
_PEOPLE_CATS = frozenset({_CATEGORIES.index("label"), _CATEGORIES.index("pejorative")})


def _group_after(text: str, pos: int, end: int, hot: dict) -> int | None:
    """End of the group of people a quantifier ending at pos ranges over (before end), or None."""
    m = _GROUP.match(text, pos, end)
    if m is None:
        return None
    word = m.group(1)
    if len(word) < 4 or word[-1] != "s":
        return None
    low = word.lower()
    if word[0].isupper() and word[1:].islower():
        return m.end(1)
    if word.islower():
        if low.endswith("ists"):
            return m.end(1)
        h = hot.get(low)
        if h is not None and h[0] is not None and h[0][0] in _PEOPLE_CATS:
            return m.end(1)
    return None


def _match_phrase(text: str, pos: int, options) -> tuple[int, int, float] | None:
    """Longest listed continuation of a phrase head ending at pos: (end, category, score)."""
    for rest, cat, sc, literal in options:  # longest first
        p = pos
        for want in rest:
            m = _NEXT.match(text, p)
            if m is None or m.group(1).lower() != want:
                break
            p = m.end()
        else:
            if literal and _DIRECTION.match(text, p):
                continue  # a verb of motion going somewhere: "walked out of the building"
            return p, cat, sc
    return None
