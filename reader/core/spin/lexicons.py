"""Find loaded wording (emotive, figurative, pejorative, stance...) in a stretch of text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.resources import files

# Installed with the package (reader/resources/lexicons, each file's origin in its README).
_LEX_DIR = files("reader.resources") / "lexicons"

# Letters with inner apostrophes/hyphens; one pass of a precompiled pattern keeps calls linear.
# Runs of letters: apostrophes and hyphens split tokens ("senator's" -> "senator", "s";
# "last-ditch" -> "last", "ditch"), so possessives and compounds need no special case and
# each part of a compound is judged with its own offsets.
_TOKEN = re.compile(r"[A-Za-z]+")
# A short stretch in double quotes inside running prose: the writer distancing from a word.
_SCARE = re.compile(r"[\"\u201c]([A-Za-z][A-Za-z'\u2019 -]{0,30}[A-Za-z])[\"\u201d]")
# The next word after a phrase head, skipping spaces (a phrase never spans punctuation).
_NEXT = re.compile(r"[ \t\n]+([A-Za-z]+)")

# Tuned on half A of the BASIL split (see eval_loaded.py); flags below this are dropped.
MIN_SCORE = 0.56


@dataclass(frozen=True, slots=True)
class LoadedWord:
    """One loaded word or phrase: text[start:end], its class and strength."""

    start: int
    end: int
    category: str
    score: float


_words: dict[str, tuple[str, float]] | None = None
_phrases: dict[str, list[tuple[tuple[str, ...], str, float]]] | None = None


def _rows(name: str):
    """Tab-split data rows of a shipped file, comments skipped."""
    with (_LEX_DIR / name).open(encoding="utf-8") as f:
        for line in f:
            if line and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _verb_forms(lemma: str) -> set[str]:
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


def _load() -> None:
    """Build the token and phrase tables once, from the shipped lexicons."""
    global _words, _phrases
    zipf = {r[0]: float(r[1]) for r in _rows("wordfreq_zipf.tsv")}
    pos = {r[0]: tuple(int(x) for x in r[1:5]) for r in _rows("wordnet_pos.tsv")}
    lemma_of = {r[0]: r[5] for r in _rows("wordnet_pos.tsv") if r[5]}
    best: dict[str, tuple[str, float]] = {}
    agree: dict[str, int] = {}

    def offer(form: str, cat: str, score: float, exact: bool = True) -> None:
        # keep the strongest reading; exact lexicon entries beat generated inflections
        score = score if exact else score * 0.98
        if score > best.get(form, ("", -1.0))[1]:
            best[form] = (cat, score)

    def offer_word(w: str, cat: str, score: float, weigh_pos: bool = True) -> None:
        # the word, then its inflections by the parts of speech WordNet gives it
        lem = lemma_of.get(w)
        if lem and lem != w and cat == "emotive":
            # an inflected lexicon entry ("threatened") stands for its whole verb paradigm
            for f in _verb_forms(lem):
                offer(f, cat, score * 0.95, exact=False)
        n, v, a, r = pos.get(w, (0, 0, 0, 0))
        tot = n + v + a + r
        if tot and weigh_pos:
            score *= (n * NOUN_WEIGHT + v + a + r) / tot
        offer(w, cat, score)
        if v:
            for f in _verb_forms(w):
                offer(f, cat, score, exact=False)
        if n:
            for f in _noun_forms(w):
                offer(f, cat, score, exact=False)
        if a or (not tot and cat in ("subjective", "intensifier")):
            for f in _adverb_forms(w):
                offer(
                    f,
                    "intensifier" if cat == "intensifier" else "manner adverb",
                    score * 0.95,
                    exact=False,
                )

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
    for lemma, p, cat, score, _why in _rows("wordnet_classes.tsv"):
        s = float(score)
        parts = lemma.split()
        if len(parts) == 1:
            bump(lemma)
            offer_word(lemma, cat, s, weigh_pos=False)  # these classes already chose the POS
            for f in irregular.get((lemma, p), ()):
                offer(f, cat, s, exact=False)
            continue
        heads = {parts[0]}
        if p == "v":
            heads |= _verb_forms(parts[0]) | set(irregular.get((parts[0], "v"), ()))
        for f in heads:
            phrases.setdefault(f, []).append((tuple(parts[1:]), cat, s))
    # Final per-form score: strength x rarity, plus a little for agreement between lexicons.
    words = {}
    for form, (cat, s) in best.items():
        z = zipf.get(form, 3.0)
        score = s * _freq_factor(z) + 0.05 * (agree.get(form, 1) - 1)
        words[form] = (cat, round(min(1.0, score), 3))
    for head, lst in phrases.items():
        z = zipf.get(head, 3.0)
        # a phrase is rarer than its head; its particle usually makes the figurative reading
        phrases[head] = [
            (rest, cat, round(min(1.0, s * max(0.6, _freq_factor(z))), 3))
            for rest, cat, s in sorted(lst, key=lambda x: -len(x[0]))
        ]
    _words, _phrases = words, phrases


def _sentence_start(text: str, i: int) -> bool:
    """True if position i begins a sentence, line or quotation (looking back past spaces)."""
    j = i - 1
    while j >= 0 and text[j] in " \t([\u2018'\"\u201c":
        if text[j] in "\"\u201c\u2018'":
            return True
        j -= 1
    return j < 0 or text[j] in ".!?:;\n\u2014-"


# Short quoted fragments are often partial quotes, not irony; tuned on half A.
SCARE_SCORE = 0.6

# Words in names are rarely the writer's choice; tuned on half A.
NAME_WEIGHT = 0.4


_hot: tuple[float, dict] | None = None


def _hot_table(min_score: float) -> dict:
    """Token -> (word entry or None, phrase options or None), only tokens that can flag."""
    global _hot
    if _hot is None or _hot[0] != min_score:
        table = {w: (e, None) for w, e in _words.items() if e[1] >= min_score}
        for head, opts in _phrases.items():
            opts = [o for o in opts if o[2] >= min_score]
            if opts:
                table[head] = (table.get(head, (None, None))[0], opts)
        _hot = (min_score, table)
    return _hot[1]


def find_loaded(text: str, start: int = 0, end: int | None = None) -> list[LoadedWord]:
    """Loaded words in text[start:end], offsets into text."""
    if _words is None:
        _load()
    min_score = MIN_SCORE
    hot = _hot_table(min_score)
    end = len(text) if end is None else end
    seg = text[start:end]
    # Lower-case once; Unicode lower() can change lengths (rare letters), then offsets would
    # drift, so fall back to matching the original text and lower-casing each token.
    low = seg.lower()
    exact = len(low) == len(seg)
    it = _TOKEN.finditer(low) if exact else _TOKEN.finditer(text, start, end)
    base = start if exact else 0
    out: list[LoadedWord] = []
    skip_to = -1  # end of the last multi-word match: its inner tokens are consumed
    get = hot.get
    for m in it:
        w = m.group() if exact else m.group().lower()
        h = get(w)
        if h is None:
            continue
        s, e = m.span()
        s += base
        e += base
        if s < skip_to:
            continue
        entry, opts = h
        if opts is not None:
            hit = _match_phrase(text, e, opts)
            if hit is not None:
                out.append(LoadedWord(s, hit[0], hit[1], hit[2]))
                skip_to = hit[0]
                continue
        if entry is None:
            continue
        sc = entry[1]
        if text[s].isupper() and not text[s + 1 : e].isupper() and not _sentence_start(text, s):
            # capitalised mid-sentence: part of a name ("Supreme Court", "Patriot Act")
            sc *= NAME_WEIGHT
            if sc < min_score:
                continue
            sc = round(sc, 3)
        out.append(LoadedWord(s, e, entry[0], sc))
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
