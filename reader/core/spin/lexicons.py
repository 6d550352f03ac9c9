"""Find loaded wording (emotive, figurative, pejorative, stance...) in a stretch of text.

One module (~430 lines): the tables are loaded once and read by one scan whose
phrase, compound and headline rules depend on one another.
"""

from __future__ import annotations

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

# Tuned on half A of the BASIL split (see eval_loaded.py); flags below this are dropped.
MIN_SCORE = 0.554


@dataclass(frozen=True, slots=True)
class LoadedWord:
    """One loaded word or phrase: text[start:end], its class and strength."""

    start: int
    end: int
    category: str
    score: float


_words: dict[str, tuple[str, float]] | None = None
_phrases: dict[str, list[tuple[tuple[str, ...], str, float]]] | None = None


def _rows(name: str) -> list[list[str]]:
    """Tab-split data rows of a shipped file, comments skipped."""
    # one read and split is faster than iterating the file line by line (cold start counts)
    text = (_LEX_DIR / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.split("\n") if line and line[0] != "#"]


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


def _noun_forms(lemma: str) -> set[str]:
    """Regular plural of a noun."""
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es"}
    return {lemma, lemma + "s"}


def _freq_factor(zipf: float) -> float:
    """Weight down very common words: frequent mild words are the bulk of false flags."""
    return max(0.25, min(1.0, (6.2 - zipf) / 2.0))


def _adverb_forms(adj: str) -> set[str]:
    """-ly adverbs of an adjective (angry -> angrily, able -> ably, tragic -> tragically)."""
    if adj.endswith("ly"):
        return set()
    if adj.endswith("y") and len(adj) > 3:
        return {adj[:-1] + "ily"}
    if adj.endswith("le") and len(adj) > 3:
        return {adj[:-1] + "y"}
    if adj.endswith("ic"):
        return {adj + "ally"}
    return {adj + "ly"}


# Nouns carry topic as much as slant ("crime", "victims"); tuned on half A.
NOUN_WEIGHT = 0.6
# A label in the plural can only be the noun put on a group ("liberals"); the singular is
# often the neutral adjective ("liberal democracy"). Tuned on half A.
LABEL_PLURAL_WEIGHT = 1.5
# An intensifier before a loaded word makes one stronger phrase ("utterly betrayed"); the head
# needs at least this score, and the phrase gets this much more than its stronger word.
COMBO_MIN = 0.4
COMBO_BONUS = 0.15
# Words this frequent (Zipf) are function words ("the", "of", "in").
FUNCTION_ZIPF = 6.0
# Verb classes a following particle joins ("storm" + "out"): the phrasal verb is rarer than
# its head and usually the figurative reading.
PHRASAL_FLOOR = 1.0
_PHRASAL_CATS = frozenset({"figurative verb", "verb of saying"})

# word -> (category, score, score when a particle follows or None)
_words: dict[str, tuple[str, float, float | None]] | None = None
_phrases: dict[str, list[tuple[tuple[str, ...], str, float]]] | None = None
_particles: frozenset[str] = frozenset()


def _load() -> None:
    """Build the token and phrase tables once, from the shipped lexicons."""
    global _words, _phrases, _particles
    zipf = {r[0]: float(r[1]) for r in _rows("wordfreq_zipf.tsv")}
    pos: dict[str, tuple[int, int, int, int]] = {}
    lemma_of: dict[str, str] = {}
    for r in _rows("wordnet_pos.tsv"):
        pos[r[0]] = (int(r[1]), int(r[2]), int(r[3]), int(r[4]))
        if r[5]:
            lemma_of[r[0]] = r[5]
    best: dict[str, tuple[str, float]] = {}
    agree: dict[str, int] = {}
    freq_of: dict[str, str] = {}  # generated compound -> the lemma its frequency is read under

    def offer(form: str, cat: str, score: float, exact: bool = True) -> None:
        # keep the strongest reading; exact lexicon entries beat generated inflections
        score = score if exact else score * 0.98
        if score > best.get(form, ("", -1.0))[1]:
            best[form] = (cat, score)

    def offer_adverbs(w: str, cat: str, score: float) -> None:
        for f in _adverb_forms(w):
            offer(
                f,
                "intensifier" if cat == "intensifier" else "manner adverb",
                score * 0.95,
                exact=False,
            )

    def offer_word(w: str, cat: str, score: float) -> None:
        # a sentiment-lexicon word, then its inflections by the parts of speech WordNet gives it
        lem = lemma_of.get(w)
        if lem and lem != w and cat == "emotive":
            # an inflected lexicon entry ("threatened") stands for its whole verb paradigm
            for f in verb_forms(lem):
                offer(f, cat, score * 0.95, exact=False)
        n, v, a, r = pos.get(w, (0, 0, 0, 0))
        tot = n + v + a + r
        if tot:
            score *= (n * NOUN_WEIGHT + v + a + r) / tot
        offer(w, cat, score)
        if v:
            for f in verb_forms(w):
                offer(f, cat, score, exact=False)
        if n:
            for f in _noun_forms(w):
                offer(f, cat, score, exact=False)
        if a or (not tot and cat in ("subjective", "intensifier")):
            offer_adverbs(w, cat, score)

    def bump(w: str) -> None:
        agree[w] = agree.get(w, 0) + 1

    valence: dict[str, float] = {}
    for w, v in _rows("vader.tsv"):
        valence[w] = abs(float(v)) / 4.0
        bump(w)
    for w, v in _rows("afinn.tsv"):
        valence[w] = max(valence.get(w, 0.0), abs(int(v)) / 5.0)
        bump(w)
    subj: dict[str, float] = {}
    for w, pol, sub, inten in _rows("pattern_adj.tsv"):
        s = float(sub) * (0.5 + abs(float(pol)))
        if float(inten) > 1.2:
            offer_word(w, "intensifier", min(1.0, 0.3 + 0.3 * float(inten)) * float(sub) + 0.2)
        if s > 0:
            subj[w] = min(1.0, s)
            bump(w)
    for w, v in valence.items():
        offer_word(w, "emotive", v)
    for w, s in subj.items():
        offer_word(w, "subjective", 0.8 * s)
    irregular: dict[tuple[str, str], list[str]] = {}
    for form, lemma, p in _rows("wordnet_irregular.tsv"):
        irregular.setdefault((lemma, p), []).append(form)
    phrases: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    particles = set()
    for lemma, p, cat, score, _why in _rows("wordnet_classes.tsv"):
        if cat == "particle":
            particles.add(lemma)
            continue
        s = float(score)
        parts = lemma.split()
        if len(parts) == 1:
            bump(lemma)
            # these classes already chose the part of speech: inflect by it alone (the adjective
            # "elect" must not lend its class to the verb forms "elected", "elects")
            if cat == "label":
                offer(lemma, cat, s)
                for f in _noun_forms(lemma) - {lemma}:
                    offer(f, cat, s * LABEL_PLURAL_WEIGHT, exact=False)
            else:
                offer(lemma, cat, s)
                forms = verb_forms if p == "v" else _noun_forms if p == "n" else None
                for f in forms(lemma) if forms else ():
                    offer(f, cat, s, exact=False)
                if p == "a":
                    offer_adverbs(lemma, cat, s)
                elif p == "r":
                    # WordNet read this adverb's own definition: its class beats one inherited
                    # from an adjective ("utterly" scales, it is no manner of "utter")
                    best[lemma] = (cat, max(s, best[lemma][1]))
            for f in irregular.get((lemma, p), ()):
                offer(f, cat, s, exact=False)
            continue
        if p in "an":
            if zipf.get(parts[0], 3.0) >= FUNCTION_ZIPF:
                # headed by a function word ("of age", "in love"): an idiom of grammar, and
                # matching it would make "the", "of", "in" hot tokens that cost every call
                continue
            if len(parts) == 2:
                # WordNet writes compounds with spaces ("fed up"); prose often hyphenates them
                compound = "-".join(parts)
                freq_of[compound] = lemma
                offer(compound, cat, s)
        heads = {parts[0]}
        if p == "v":
            heads |= verb_forms(parts[0]) | set(irregular.get((parts[0], "v"), ()))
        for f in heads:
            phrases.setdefault(f, []).append((tuple(parts[1:]), cat, s))
    # Final per-form score: strength x rarity, plus a little for agreement between lexicons.
    words = {}
    for form, (cat, s) in best.items():
        z = zipf.get(freq_of.get(form, form), 3.0)
        score = s * _freq_factor(z) + 0.05 * (agree.get(form, 1) - 1)
        # a phrase is rarer than its head; its particle usually makes the figurative reading
        phrasal = (
            round(min(1.0, s * max(PHRASAL_FLOOR, _freq_factor(z))), 3)
            if cat in _PHRASAL_CATS
            else None
        )
        words[form] = (cat, round(min(1.0, score), 3), phrasal)
    for head, lst in phrases.items():
        z = zipf.get(head, 3.0)
        phrases[head] = [
            (rest, cat, round(min(1.0, s * max(0.6, _freq_factor(z))), 3))
            for rest, cat, s in sorted(lst, key=lambda x: -len(x[0]))
        ]
    _words, _phrases, _particles = words, phrases, frozenset(particles)


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


_hot: tuple[float, dict] | None = None


def _hot_table(min_score: float) -> dict:
    """Token -> (word entry, phrase options, heads a compound), only tokens that can flag."""
    global _hot
    if _hot is None or _hot[0] != min_score:
        table = {
            w: (e, None, False)
            for w, e in _words.items()
            if e[1] >= min_score
            or (e[2] is not None and e[2] >= min_score)
            or e[0] == "intensifier"  # may head a phrase with the next word
        }
        for head, opts in _phrases.items():
            opts = [o for o in opts if o[2] >= min_score]
            if opts:
                table[head] = (table.get(head, (None,))[0], opts, False)
        # first parts of listed compounds, marked so that a following hyphen is looked at
        for w in [w for w in table if "-" in w]:
            first = w.split("-", 1)[0]
            entry, opts, _ = table.get(first, (None, None, False))
            table[first] = (entry, opts, True)
        _hot = (min_score, table)
    return _hot[1]


def find_loaded(text: str, start: int = 0, end: int | None = None) -> list[LoadedWord]:
    """Loaded words in text[start:end], offsets into text."""
    if _words is None:
        _load()
    min_score = MIN_SCORE
    hot = _hot_table(min_score)
    words = _words
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
        if h[2] and src.startswith("-", e):
            # the first part of a listed compound: try the whole hyphenated run
            c = _COMPOUND.match(src, s)
            whole = get(c.group().lower()) if c is not None else None
            if whole is not None:
                h, e = whole, c.end()
                skip_to = e + base
        elif h[0] is None and h[1] is None:
            continue  # heads only compounds, and none follows
        skip_to = max(skip_to, _judge(text, s + base, e + base, h, min_score, head_end, words, out))
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


def _judge(text, s, e, h, min_score, head_end, words, out) -> int:
    """Append the flag, if any, that starts with the hot token text[s:e]; return where it ends."""
    entry, opts, _ = h
    if opts is not None:
        hit = _match_phrase(text, e, opts)
        if hit is not None:
            out.append(LoadedWord(s, hit[0], hit[1], hit[2]))
            return hit[0]
    if entry is None:
        return -1
    cat, sc, phrasal = entry
    if (
        s >= head_end
        and text[s].isupper()
        and not text[s + 1 : e].isupper()
        and not _sentence_start(text, s)
    ):
        # capitalised mid-sentence: part of a name ("Supreme Court", "Patriot Act")
        sc *= NAME_WEIGHT
        phrasal = phrasal * NAME_WEIGHT if phrasal is not None else None
    # only intensifiers and phrasal-capable verbs read on (most hits need no second match)
    nxt = _NEXT.match(text, e) if cat == "intensifier" or phrasal is not None else None
    if nxt is not None:
        follower = nxt.group(1).lower()
        if cat == "intensifier":
            head = words.get(follower)
            if head is not None and head[0] != "intensifier" and head[1] >= COMBO_MIN:
                score = round(min(1.0, max(sc, head[1]) + COMBO_BONUS), 3)
                if score >= min_score:
                    out.append(LoadedWord(s, nxt.end(1), cat, score))
                    return nxt.end(1)
        elif (
            phrasal is not None
            and follower in _particles
            and phrasal >= min_score
            and _NEXT_WORD_DET.match(text, nxt.end(1)) is None
        ):
            out.append(LoadedWord(s, nxt.end(1), cat, round(max(sc, phrasal), 3)))
            return nxt.end(1)
    if sc < min_score:
        return -1
    out.append(LoadedWord(s, e, cat, round(sc, 3)))
    return -1


def _match_phrase(text: str, pos: int, options) -> tuple[int, str, float] | None:
    """Longest listed continuation of a phrase head ending at pos: (end, category, score)."""
    for rest, cat, sc in options:  # longest first
        p = pos
        for want in rest:
            m = _NEXT.match(text, p)
            if m is None or m.group(1).lower() != want:
                break
            p = m.end()
        else:
            return p, cat, sc
    return None
