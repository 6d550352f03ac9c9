"""Regenerate reader/resources/lexicons/loaded_*.json from downloaded sources (build time).

Sources, downloaded by hand into the folder given by --raw:
  vaderSentiment-3.3.2-py2.py3-none-any.whl   (pip download vaderSentiment)
  textblob-0.20.1-py3-none-any.whl            (pip download textblob; Pattern's en-sentiment.xml)
  wordnet-base_1%3a3.0-37_all.deb             (apt-get download wordnet-base; WordNet 3.0)
  venv/ with wordfreq 3.1.1 installed         (pip install wordfreq) -- frequency file only
Run: python benchmarks/build_lexicons.py --raw DIR   (the wordfreq step runs under DIR/venv)

Two steps: each source's extract is staged as a TSV (``--stage DIR`` keeps them; not shipped),
then ``derive_table`` joins them into one score per word form and ``write_table`` writes the
table find_loaded parses on its first call (one JSON load: the app's cold start counts). The
joined table mixes wordfreq's CC BY-SA data with MIT, PDDL and WordNet-licensed data, so it is
CC BY-SA 4.0 as a whole; AFINN (ODbL, a share-alike licence that cannot be combined with CC
BY-SA) is no longer used: dropping it changed nothing on half A (0.578 of spans at 3% either way).
"""

from __future__ import annotations

import argparse
import io
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = Path()  # the --raw folder, set by main()
OUT = ROOT / "reader" / "resources" / "lexicons"
sys.path.insert(0, str(ROOT))
from reader.core.spin.lexicons import _CATEGORIES, MIN_SCORE, hot_table, verb_forms  # noqa: E402

WORDISH = re.compile(r"^[a-z]+(?:[-'][a-z]+)*$")

# WordNet lexicographer file numbers (see WordNet's lexnames(5)).
V_PHYSICAL = {29, 30, 35, 38, 43}  # body, change, contact, motion, weather
V_ABSTRACT = {
    31,
    32,
    33,
    37,
    40,
    41,
    42,
}  # cognition, communication, competition, emotion, possession, social, stative
N_PEOPLE_ACTS = {
    4,
    7,
    10,
    11,
    12,
    14,
    18,
    26,
}  # act, attribute, communication, event, feeling, group, person, state
# Usage-domain synsets ("-u"/";u" pointers) that mark register, not meaning.
USAGE = {
    "06717170": "disparagement",
    "06718862": "ethnic slur",
    "07124340": "obscenity",
    "07157273": "slang",
    "07075172": "colloquialism",
    "06321054": "intensifier",
    "07105475": "trope",
}

# Meaning cues read in WordNet *definitions* (never matched against text): they describe force,
# violence, abruptness or strong emotion, so a verb defined with them is a charged verb whatever
# its spelling. Stems, matched at word starts in the gloss.
FORCE_CUES = (
    "violent",
    "forcibl",
    "forceful",
    "harsh",
    "fierce",
    "furious",
    "angr",
    "savage",
    "abrupt",
    "sudden",
    "wild",
    "vehement",
    "brutal",
    "ruthless",
    "noisil",
    "loud",
    "rough",
    "strike",
    "hit ",
    "beat",
    "smash",
    "crash",
    "explo",
    "tear ",
    "batter",
    "attack",
    "assault",
    "destroy",
    "demolish",
    "crush",
    "stab",
    "shatter",
    "strongly",
    "severe",
    "contempt",
    "scorn",
    "derisi",
    "mock",
    "ridicul",
    "unceremonious",
    "irresponsib",
    "precipitous",
    "hurl",
    "fling",
    "slash",
    "pound",
    "whip",
    "thrash",
)
# Epistemic/evidential cues in adverb definitions: the adverb marks the writer's stance on truth.
STANCE_CUES = (
    "appearance",
    "seeming",
    "believed",
    "reputed",
    "supposed",
    "purported",
    "claimed",
    "ostensib",
    "evident",
    "obvious",
    "undoubted",
    "without doubt",
    "it is said",
    "so it seems",
    "presum",
    "admitted",
    "unfortunat",
    "regrettab",
    "surprising",
    "ironic",
)
# Degree cues in adverb definitions: the adverb scales what it modifies.
DEGREE_CUES = (
    "degree",
    "extent",
    "extreme",
    "exceeding",
    "excessive",
    "great",
    "utter",
    "very",
    "intensive",
    "immense",
    "enormous",
    "highly",
    "complete",
    "entire",
    "total",
    "absolute",
    "thorough",
)
SAY_CUES = (
    "say",
    "state",
    "assert",
    "declare",
    "utter",
    "express",
    "speak",
    "talk",
    "tell",
    "remark",
    "claim",
    "announce",
    "criticiz",
    "complain",
    "praise",
    "reproach",
    "denounce",
    "accuse",
    "insist",
    "admit",
    "boast",
    "brag",
    "deny",
    "reject",
    "condemn",
    "scold",
    "rebuke",
    "attack",
    "ask",
    "demand",
    "warn",
    "threaten",
    "argue",
)


def wheel_member(whl: str, member_suffix: str) -> str:
    """Text of the first wheel member whose name ends with member_suffix."""
    with zipfile.ZipFile(RAW / whl) as z:
        name = next(n for n in z.namelist() if n.endswith(member_suffix))
        return z.read(name).decode("utf-8")


def load_vader() -> dict[str, float]:
    """VADER mean valence (-4..4) for plain words (emoticons and slang spellings dropped)."""
    out = {}
    for line in wheel_member(
        "vaderSentiment-3.3.2-py2.py3-none-any.whl", "vader_lexicon.txt"
    ).splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and WORDISH.match(parts[0]):
            out[parts[0]] = float(parts[1])
    return out


def load_pattern() -> dict[str, tuple[float, float, float]]:
    """Pattern adjective lexicon averaged over senses: (polarity, subjectivity, intensity)."""
    xml = wheel_member("textblob-0.20.1-py3-none-any.whl", "en-sentiment.xml")
    acc = defaultdict(list)
    for el in ET.parse(io.StringIO(xml)).getroot().iter("word"):
        w = el.get("form", "").lower()
        if WORDISH.match(w):
            acc[w].append(
                (
                    float(el.get("polarity", 0)),
                    float(el.get("subjectivity", 0)),
                    float(el.get("intensity", 1)),
                )
            )
    return {w: tuple(sum(x[i] for x in v) / len(v) for i in range(3)) for w, v in acc.items()}


def wordnet_dir() -> Path:
    """Unpack the wordnet-base .deb once and return its dict directory."""
    dest = RAW / "x" / "wordnet"
    d = dest / "usr/share/wordnet"
    if not d.exists():
        deb = next(RAW.glob("wordnet-base_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(dest)], check=True)
    return d


def load_wordnet():
    """Parse WordNet 3.0: {pos: {lemma: [sense dicts in sense order]}} and exception forms."""
    d = wordnet_dir()
    synsets = {}
    for pos, fname in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        for line in (d / f"data.{fname}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            head, _, gloss = line.partition(" | ")
            f = head.split()
            off, lexfile, wcnt = f[0], int(f[1]), int(f[3], 16)
            raw_words = [f[4 + 2 * i] for i in range(wcnt)]
            words = [w.lower() for w in raw_words]
            i = 4 + 2 * wcnt
            pcnt = int(f[i])
            ptrs = [(f[i + 1 + 4 * k], f[i + 2 + 4 * k], f[i + 4 + 4 * k]) for k in range(pcnt)]
            definition = gloss.split('; "')[0].split(";")[0].strip().lower()
            synsets[(pos, off)] = {
                "proper": any(w[:1].isupper() for w in raw_words),
                "lexfile": lexfile,
                "words": words,
                "ptrs": ptrs,
                "gloss": definition,
                "usage": {USAGE[p[1]] for p in ptrs if p[0] in (";u", "-u") and p[1] in USAGE},
                # register marks that name their word (lexical pointers), by word
                "usage_by_word": {
                    words[int(p[2][:2], 16) - 1]: USAGE[p[1]]
                    for p in ptrs
                    if p[0] == ";u" and p[1] in USAGE and p[2][:2] != "00"
                },
            }
    senses = {}
    for pos, fname in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        lem = {}
        for line in (d / f"index.{fname}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            f = line.split()
            n = int(f[2])
            offs = f[-n:]
            lem[f[0].lower()] = [synsets[(pos if pos != "a" else "a", o)] for o in offs]
        senses[pos] = lem
    exc = {}
    for pos, fname in (("n", "noun"), ("v", "verb")):
        for line in (d / f"{fname}.exc").read_text(encoding="latin-1").splitlines():
            f = line.split()
            if len(f) >= 2:
                exc.setdefault(pos, []).append((f[0], f[1]))
    return senses, exc


def verb_lemmas(w: str) -> list[str]:
    """Candidate verb lemmas of an inflected form (threatened -> threaten), most likely first."""
    out = []
    for suf, reps in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("",)),
        ("s", ("",)),
    ):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            stem = w[: -len(suf)]
            out += [stem + r for r in reps]
            if suf in ("ing", "ed") and len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])
    return out


def has_cue(gloss: str, cues) -> bool:
    """True if any cue stem starts a word of gloss."""
    g = " " + gloss + " "
    return any((" " + c) in g for c in cues)


# Gloss words read mostly as nouns in WordNet. VADER scores a word's evaluative sense, but a
# definition often uses a noun in a neutral sense: "virtual" is "being actually such in almost
# every respect", where "respect" means "aspect", not esteem (VADER +2.1). Modifiers and verbs
# in a definition carry its evaluation; nouns mostly name what it is about.
NOUNISH: set[str] = set()
SKIP_NOUNS_ADJ = True
NOUN_GLOSS_WEIGHT = 0.8


def gloss_valence(gloss: str, vader: dict[str, float], skip_nouns: bool = False) -> float:
    """Most negative/positive VADER valence among the definition's words (sign kept, -4..4)."""
    vals = [
        vader[w] * (NOUN_GLOSS_WEIGHT if skip_nouns and w in NOUNISH else 1.0)
        for w in re.findall(r"[a-z]+", gloss)
        if w in vader
    ]
    return (
        min(vals, default=0.0) if vals and min(vals) < -abs(max(vals)) else max(vals, default=0.0)
    )


# Pejorative nouns by definition: the head modifiers must be this negative in VADER (-4..4),
# or name force; nouns with many senses are mostly neutral words with one dark sense.
PEJ_BY_DEFINITION = True
PEJ_VALENCE = -1.5
PEJ_MAX_SENSES = 3
PEJ_DEF_SCORE = 0.7
_DEF_STOP = re.compile(r"\b(?:who|that|which|whose|of|in|on|at|for|to|by|with|from|as)\b|[,;(]")


def definition_modifiers(gloss: str, senses) -> list[str]:
    """The adjectives and adverbs that open a definition, before its head noun.

    "an aggressive and violent young criminal" -> aggressive, violent, young; a definition
    opening with a noun ("terrorism using ...", "war ...") has none: it names, not judges.
    """
    head = _DEF_STOP.split(gloss, 1)[0]
    words = [w for w in re.findall(r"[a-z]+", head) if w not in ("a", "an", "the", "and", "or")]
    mods = []
    for w in words[:-1]:
        if w in NOUNISH or not (w in senses["a"] or w in senses["r"]):
            break
        mods.append(w)
    return mods


def motion_head(lemma: str, senses) -> str:
    """' motion-head' if a phrasal verb's head is a plain verb of motion ("walk" in "walk out").

    Such a phrase has a literal reading ("walked out of the building"), told apart at run time
    by a direction that follows it; a head charged itself ("storm out") has none.
    """
    parts = lemma.split("_")
    first = senses["v"].get(parts[0], [])
    if len(parts) == 2 and first and first[0]["lexfile"] == 38:
        if not has_cue(first[0]["gloss"], FORCE_CUES):
            return " motion-head"
    return ""


def derive_wordnet(senses, vader) -> list[tuple[str, str, str, float, str]]:
    """WordNet word classes from structure and definitions: (lemma, pos, category, score, why)."""
    rows = []
    NOUNISH.clear()
    for w, ns in senses["n"].items():
        others = sum(len(senses[p].get(w, ())) for p in ("v", "a", "r"))
        if len(ns) > others:
            NOUNISH.add(w)
    # Figurative / charged verbs: a verb with a physical sense defined by force or violence, or an
    # abstract (saying, social) sense so defined. Used of people's words or deeds, these verbs
    # dramatise; the physical-sense reading is rare in political news.
    for lemma, ss in senses["v"].items():
        if not WORDISH.match(lemma.replace("_", "-")):
            continue
        forced = [
            s
            for s in ss
            if (s["lexfile"] in V_PHYSICAL or s["lexfile"] in V_ABSTRACT)
            and has_cue(s["gloss"], FORCE_CUES)
        ]
        # share of senses defined by force: "slam" is all force, "call" barely any
        share = len(forced) / len(ss)
        if share >= 0.25 or (forced and forced[0] is ss[0]):
            rows.append(
                (
                    lemma.replace("_", " "),
                    "v",
                    "figurative verb",
                    round(0.5 + 0.5 * share, 2),
                    f"force-def {len(forced)}/{len(ss)}" + motion_head(lemma, senses),
                )
            )
    # Charged adjectives: first sense defined by force/violence or by strongly valenced words.
    for lemma, ss in senses["a"].items():
        if not WORDISH.match(lemma.replace("_", "-")) or lemma.count("_") > 1:
            continue
        if ss[0]["lexfile"] != 0:  # adj.all only: participles (adj.ppl) mostly describe events
            continue
        g = ss[0]["gloss"]
        gv = abs(gloss_valence(g, vader, SKIP_NOUNS_ADJ))
        if has_cue(g, FORCE_CUES) or gv >= 2.0:
            rows.append(
                (
                    lemma.replace("_", " "),
                    "a",
                    "charged adjective",
                    round(min(0.9, 0.45 + 0.1 * gv), 2),
                    "charged-def",
                )
            )
    # Verbs of saying with a loaded manner: communication verbs whose definition both names an
    # act of saying and carries valence or force ("assert strongly", "criticize harshly").
    for lemma, ss in senses["v"].items():
        if not WORDISH.match(lemma.replace("_", "-")):
            continue
        comm = [s for s in ss if s["lexfile"] == 32 and has_cue(s["gloss"], SAY_CUES)]
        strong = [
            s
            for s in comm
            if abs(gloss_valence(s["gloss"], vader)) >= 1.5
            or has_cue(s["gloss"], FORCE_CUES)
            or has_cue(s["gloss"], ("strongly", "emphatic", "persistent", "boast", "proud"))
        ]
        if strong and strong[0] is ss[0]:
            rows.append((lemma.replace("_", " "), "v", "verb of saying", 0.6, "comm-def-valence"))
    # Pejorative nouns: register-marked (disparagement, slur, obscenity; slang on people/acts) or
    # defined with strongly negative words, in noun classes that describe people, acts, events.
    for lemma, ss in senses["n"].items():
        if not WORDISH.match(lemma.replace("_", "-")) or ss[0]["proper"]:
            continue

        # a synset-wide register mark belongs to its non-head words ("tree hugger", not
        # "environmentalist"); a lexical mark to the word it names
        def marks(s, lemma=lemma):
            if s["usage_by_word"]:
                return {u for w, u in s["usage_by_word"].items() if w == lemma}
            return s["usage"] if len(s["words"]) == 1 or s["words"][0] != lemma else set()

        # slang must be the word's main sense ("numbers" has a slang sense too); a slur or
        # disparagement within its two main senses is enough
        use = marks(ss[0]) | set().union(*(marks(s) for s in ss[:2])) & {
            "disparagement",
            "ethnic slur",
            "obscenity",
        }
        first = ss[0]
        score = 0.0
        why = ""
        if use & {"disparagement", "ethnic slur", "obscenity"}:
            score, why = 0.9, "usage:" + ",".join(sorted(use))
        elif first["lexfile"] in N_PEOPLE_ACTS and use & {"slang", "colloquialism"}:
            score, why = 0.6, "usage:" + ",".join(sorted(use))
        # (Definitions with negative words anywhere were tried as a cue too: on half A they
        # flagged protectors as much as wrongdoers -- "protects ... from destruction".) What
        # the definition says the person, group or act *is* is read instead: the modifiers
        # before its head noun ("an aggressive and violent young criminal", "a disorderly
        # crowd", "reckless or malicious behavior").
        elif (
            PEJ_BY_DEFINITION
            and first["lexfile"] in (4, 14, 18)
            and len(ss) <= PEJ_MAX_SENSES
            and "_" not in lemma
        ):
            mods = definition_modifiers(first["gloss"], senses)
            val = min((vader.get(w, 0.0) for w in mods), default=0.0)
            if val <= PEJ_VALENCE or any(has_cue(w, FORCE_CUES) for w in mods):
                score, why = PEJ_DEF_SCORE, "defined-as:" + " ".join(mods)
        if score:
            rows.append((lemma.replace("_", " "), "n", "pejorative", round(score, 2), why.strip()))
    # Adjectives a manner adverb can inherit from: defined by force/valence, or valenced in VADER.
    charged_adj = {r[0] for r in rows if r[1] == "a"} | {
        w for w, v in vader.items() if abs(v) >= 1.5
    }

    def manner_of(gloss):
        m = re.match(r"^(?:in|with) an? (\w+) (?:manner|way|fashion)", gloss)
        return m.group(1) if m else None

    # Labels for people by belief or allegiance: person nouns defined as one who advocates/holds
    # a doctrine (the class that "extremist"-type labels belong to).
    label_def = re.compile(
        r"^(a |an |one )?(person|member|adherent|supporter|advocate|follower|believer)"
        r"\b.*\b(who|of|in)\b.*\b(views|doctrine|ideolog|belief|political|party|"
        r"principles|movement|radical|extrem|reform)"
    )
    for lemma, ss in senses["n"].items():
        if not WORDISH.match(lemma.replace("_", "-")):
            continue
        # a capitalised lemma names a group its members chose (Democrat, Baptist): an
        # identification, not a label put on people by the writer
        if ss[0]["lexfile"] == 18 and not ss[0]["proper"] and label_def.search(ss[0]["gloss"]):
            rows.append((lemma.replace("_", " "), "n", "label", 0.45, "person-by-belief-def"))
    # Political positions defined as extreme ("far-left": "radical or extremely liberal",
    # "reactionary": "extremely conservative"): the adjective is a label put on people.
    extreme_def = re.compile(
        r"\b(?:radical|extrem|fanatic|militant)\w*\b.*\b(?:liberal|conservative|left|right|"
        r"politic|views|opinions|doctrine|nationalis|socialis|reform)"
    )
    for lemma, ss in senses["a"].items():
        if WORDISH.match(lemma.replace("_", "-")) and ss[0]["lexfile"] == 0:
            if extreme_def.search(ss[0]["gloss"]):
                rows.append((lemma.replace("_", " "), "a", "label", 0.75, "extreme-position-def"))
    # Adverbs: stance (epistemic/evidential definitions), intensifier (usage domain or degree
    # definitions), manner (-ly adverbs whose definition is charged).
    for lemma, ss in senses["r"].items():
        if not WORDISH.match(lemma.replace("_", "-")):
            continue
        use = set().union(*(s["usage"] for s in ss))
        if any(has_cue(s["gloss"], STANCE_CUES) for s in ss[:2]):
            rows.append((lemma.replace("_", " "), "r", "stance adverb", 0.7, "epistemic-def"))
        elif (
            " " not in lemma
            and (lemma.endswith("ly") or "intensifier" in use)
            and ("intensifier" in use or has_cue(ss[0]["gloss"], DEGREE_CUES))
        ):
            rows.append((lemma.replace("_", " "), "r", "intensifier", 0.55, "degree-def/usage"))
        elif lemma.endswith("ly") and (manner_of(ss[0]["gloss"]) in charged_adj):
            rows.append((lemma, "r", "manner adverb", 0.65, "in-a-charged-manner-def"))
        elif lemma.endswith("ly") and any(
            has_cue(s["gloss"], FORCE_CUES) or abs(gloss_valence(s["gloss"], vader)) >= 2.0
            for s in ss[:2]
        ):
            rows.append((lemma.replace("_", " "), "r", "manner adverb", 0.6, "charged-def"))
    # Particles: the second words of WordNet's two-word verb entries (lash out, back down);
    # after a charged verb they make it one phrasal verb ("storm out"), so the flag covers both.
    seconds = defaultdict(int)
    for lemma in senses["v"]:
        parts = lemma.split("_")
        if len(parts) == 2 and WORDISH.match(parts[1]):
            seconds[parts[1]] += 1
    for w, n in seconds.items():
        if n >= PARTICLE_MIN and w in senses["r"]:
            rows.append((w, "r", "particle", 0.0, f"second word of {n} verb entries"))
    return rows


# A particle ends this many two-word verb entries at least (out: ~400; the rest are rarer).
PARTICLE_MIN = 40

# --- The table find_loaded reads: every class and lexicon score joined per word form. ---
# Done here, at build time, so that the app's first call only parses one JSON file.

# Nouns carry topic as much as slant ("crime", "victims"); tuned on half A.
NOUN_WEIGHT = 0.6
# A label in the plural can only be the noun put on a group ("liberals"); the singular is
# often the neutral adjective ("liberal democracy"). Tuned on half A.
LABEL_PLURAL_WEIGHT = 1.5
# Words this frequent (Zipf) are function words ("the", "of", "in").
FUNCTION_ZIPF = 6.0
# Verb classes a following particle joins ("storm" + "out"): the phrasal verb is rarer than
# its head and usually the figurative reading.
PHRASAL_FLOOR = 1.0
PHRASAL_CATS = frozenset({"figurative verb", "verb of saying"})
# An adjective class read off a verb's -ed/-ing form ("faced", "elected", "retiring"): in
# news the form is mostly the verb, whose own class (if any) comes from the verb's entry.
# Tuned on half A.
# A verb class on a form WordNet knows mostly as a noun. Tuned on half A.
NOUN_READING_WEIGHT = 0.6
ADJECTIVE_CATS = frozenset({"charged adjective", "subjective"})
PARTICIPLE_WEIGHT = 0.8


def _rows(folder: Path, name: str) -> list[list[str]]:
    """Tab-split data rows of one staged source file, comments skipped."""
    text = (folder / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.split("\n") if line and line[0] != "#"]


def noun_forms(lemma: str) -> set[str]:
    """Regular plural of a noun."""
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return {lemma, lemma + "es"}
    return {lemma, lemma + "s"}


# Words rarer than this (Zipf) gain weight as they get rarer: a writer reaching for
# "mercurial", "internecine" or "adamant" chooses the word. Checked on both halves of half A
# (by event): one span more on one, none lost on the other; 0.2-0.5 give the same.
RARE_ZIPF = 3.5
RARE_BONUS = 0.3


def freq_factor(zipf: float) -> float:
    """Weight down very common words: frequent mild words are the bulk of false flags."""
    if zipf < RARE_ZIPF:
        return 1.0 + RARE_BONUS * (RARE_ZIPF - max(zipf, 1.5))
    return max(0.25, min(1.0, (6.2 - zipf) / 2.0))


def adverb_forms(adj: str) -> set[str]:
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


def derive_table(stage: Path):
    """Join the staged sources into (words, phrases, particles) for find_loaded.

    words: form -> (category, score, score when a particle follows or None);
    phrases: head form -> [(rest words, category, score)], longest first.
    """
    zipf = {r[0]: float(r[1]) for r in _rows(stage, "wordfreq_zipf.tsv")}
    pos: dict[str, tuple[int, int, int, int]] = {}
    lemma_of: dict[str, str] = {}
    for r in _rows(stage, "wordnet_pos.tsv"):
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
        for f in adverb_forms(w):
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
        if cat in ADJECTIVE_CATS and is_participle(w):
            score *= PARTICIPLE_WEIGHT
        offer(w, cat, score)
        if v:
            for f in verb_forms(w):
                offer(f, cat, score, exact=False)
        if n:
            for f in noun_forms(w):
                offer(f, cat, score, exact=False)
        if a or (not tot and cat in ("subjective", "intensifier")):
            offer_adverbs(w, cat, score)

    def is_participle(w: str) -> bool:
        # "faced", "elected", "retiring": an adjective sense of a verb's -ed/-ing form
        return w.endswith(("ed", "ing")) and w in lemma_of

    def bump(w: str) -> None:
        agree[w] = agree.get(w, 0) + 1

    valence: dict[str, float] = {}
    for w, v in _rows(stage, "vader.tsv"):
        valence[w] = abs(float(v)) / 4.0
        bump(w)

    subj: dict[str, float] = {}
    for w, pol, sub, inten in _rows(stage, "pattern_adj.tsv"):
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
    for form, lemma, p in _rows(stage, "wordnet_irregular.tsv"):
        irregular.setdefault((lemma, p), []).append(form)
    phrases: dict[str, list[tuple[tuple[str, ...], str, float]]] = {}
    particles = set()
    for lemma, p, cat, score, why in _rows(stage, "wordnet_classes.tsv"):
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
                for f in noun_forms(lemma) - {lemma}:
                    offer(f, cat, s * LABEL_PLURAL_WEIGHT, exact=False)
            else:
                if cat in ADJECTIVE_CATS and is_participle(lemma):
                    s *= PARTICIPLE_WEIGHT
                forms = verb_forms if p == "v" else noun_forms if p == "n" else None
                nv = pos.get(lemma, (0, 1, 0, 0))
                # a verb class on a form that is mostly a noun ("attacks", "storm", "bombs"):
                # the noun reading is the common one and rarely figurative
                as_noun = s * NOUN_READING_WEIGHT if p == "v" and nv[0] > nv[1] else s
                offer(lemma, cat, as_noun)
                for f in forms(lemma) if forms else ():
                    offer(f, cat, as_noun if f in noun_forms(lemma) else s, exact=False)
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
        literal = 1 if why.endswith("motion-head") else 0
        for f in heads:
            phrases.setdefault(f, []).append((tuple(parts[1:]), cat, s, literal))
    # Final per-form score: strength x rarity, plus a little for agreement between lexicons.
    words = {}
    for form, (cat, s) in best.items():
        # wordfreq splits "far-right" into "far" and "right" and estimates from those: a
        # compound's figure says nothing about the compound, so it gets none
        z = 3.0 if "-" in form or form in freq_of else zipf.get(form, 3.0)
        score = s * freq_factor(z) + 0.05 * (agree.get(form, 1) - 1)
        # a phrase is rarer than its head; its particle usually makes the figurative reading
        phrasal = (
            round(min(1.0, s * max(PHRASAL_FLOOR, freq_factor(z))), 3)
            if cat in PHRASAL_CATS
            else None
        )
        words[form] = (cat, round(min(1.0, score), 3), phrasal)
    for head, lst in phrases.items():
        z = zipf.get(head, 3.0)
        phrases[head] = [
            (rest, cat, round(min(1.0, s * max(0.6, freq_factor(z))), 3), literal)
            for rest, cat, s, literal in sorted(lst, key=lambda x: (-len(x[0]), x))
        ]
    return words, phrases, sorted(particles)


def write_table(words, phrases, particles) -> None:
    """Write the two JSON files find_loaded reads (see lexicons.py for their layout)."""
    cats = list(_CATEGORIES)
    ci = {c: i for i, c in enumerate(cats)}
    every = {
        "licence": TABLE_LICENCE,
        "categories": cats,
        "words": {w: [ci[c], s, -1 if p is None else p] for w, (c, s, p) in sorted(words.items())},
        "phrases": {
            h: [[list(r), ci[c], s, lit] for r, c, s, lit in o] for h, o in sorted(phrases.items())
        },
        "particles": particles,
    }
    words_l = {w: tuple(e) for w, e in every["words"].items()}
    phrases_l = {h: [tuple(x) for x in o] for h, o in every["phrases"].items()}
    hot, combo = hot_table(words_l, phrases_l, MIN_SCORE)
    shipped = {
        "licence": TABLE_LICENCE,
        "categories": cats,
        "min_score": MIN_SCORE,
        "hot": hot,
        "combo": combo,
        "particles": particles,
    }
    for name, data in (("loaded_hot.json", shipped), ("loaded_all.json", every)):
        (OUT / name).write_text(
            json.dumps(data, separators=(",", ":"), sort_keys=True, ensure_ascii=True) + "\n",
            encoding="utf-8",
        )


TABLE_LICENCE = (
    "CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/). Derived by "
    "benchmarks/build_lexicons.py from: wordfreq 3.1.1 by Robyn Speer (CC BY-SA 4.0); "
    "VADER 3.3.2 lexicon by C.J. Hutto (MIT, see LICENSE-VADER.txt); Pattern en-sentiment.xml "
    "1.3 by De Smedt & Daelemans (PDDL); Princeton WordNet 3.0 (WordNet 3.0 licence, see "
    "LICENSE-WordNet.txt). See README.md beside this file."
)


def main():
    """Stage the sources' extracts, then write the table find_loaded reads."""
    global RAW
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, help="folder holding the downloaded sources")
    ap.add_argument(
        "--stage", type=Path, help="folder for the per-source extracts (default: a temporary one)"
    )
    ap.add_argument(
        "--derive-only", action="store_true", help="reuse the extracts already in --stage"
    )
    args = ap.parse_args()
    stage = (args.stage or Path(tempfile.mkdtemp())).resolve()
    stage.mkdir(parents=True, exist_ok=True)
    if not args.derive_only:
        if args.raw is None:
            ap.error("--raw is needed unless --derive-only")
        RAW = args.raw.resolve()
        stage_sources(stage)
    write_table(*derive_table(stage))
    print({p.name: p.stat().st_size for p in OUT.glob("*.json")})


def stage_sources(stage: Path) -> None:
    """Extract what the table needs from each downloaded source into stage/*.tsv."""
    vader, pattern = load_vader(), load_pattern()
    senses, exc = load_wordnet()
    with open(stage / "vader.tsv", "w", encoding="utf-8") as f:
        f.write("# word\tmean valence (-4..4); from VADER 3.3.2 vader_lexicon.txt, MIT licence\n")
        f.writelines(f"{w}\t{vader[w]:g}\n" for w in sorted(vader))
    with open(stage / "pattern_adj.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# adjective\tpolarity\tsubjectivity\tintensity (sense means); "
            "Pattern en-sentiment.xml "
            "1.3 (De Smedt & Daelemans), PDDL\n"
        )
        for w in sorted(pattern):
            p, s, i = pattern[w]
            f.write(f"{w}\t{p:.2f}\t{s:.2f}\t{i:.2f}\n")
    rows = derive_wordnet(senses, vader)
    with open(stage / "wordnet_classes.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# lemma\tpos\tcategory\tscore\tevidence; derived from Princeton WordNet 3.0 "
            "(WordNet 3.0 licence) by build_lexicons.py\n"
        )
        f.writelines("\t".join(map(str, r)) + "\n" for r in sorted(set(rows)))
    # Irregular inflections, only for lemmas we list (the regular ones are generated at load).
    wanted = {(r[0], r[1]) for r in rows if " " not in r[0]}
    with open(stage / "wordnet_irregular.tsv", "w", encoding="utf-8") as f:
        f.write("# form\tlemma\tpos; from WordNet 3.0 verb.exc/noun.exc (WordNet 3.0 licence)\n")
        for pos, pairs in sorted(exc.items()):
            for form, lemma in pairs:
                if (lemma, pos) in wanted and WORDISH.match(form):
                    f.write(f"{form}\t{lemma}\t{pos}\n")
    # Frequencies of the candidate words and of common forms (wordfreq data, CC BY-SA).
    vocab = (
        set(vader)
        | set(pattern)
        | {r[0].split()[0] for r in rows}
        | {w for r in rows for w in r[0].split()}
    )
    # the word list goes to a scratch file: the sources folder is left as downloaded
    vocab_file = Path(tempfile.mkdtemp()) / "vocab.txt"
    vocab_file.write_text("\n".join(sorted(vocab)), encoding="utf-8")
    subprocess.run(
        [
            str(RAW / "venv/bin/python"),
            "-c",
            (
                "import wordfreq,sys\n"
                "ws=set(open(sys.argv[1]).read().split())\n"
                # every common form too, so that inflections generated later ("slammed")
                # are weighted by their own frequency, not by a default
                "ws|={w for w in wordfreq.top_n_list('en',200000,wordlist='large')\n"
                "     if w.replace('-','').isalpha() and w.isascii()}\n"
                "ws=sorted(ws)\n"
                "f=open(sys.argv[2],'w')\n"
                "f.write('# word\\tZipf frequency (en, wordfreq 3.1.1 large list), '\n"
                "'CC BY-SA 4.0\\n')\n"
                "[f.write(f'{w}\\t{wordfreq.zipf_frequency(w,\"en\"):.2f}\\n') for w in ws]\n"
            ),
            str(vocab_file),
            str(stage / "wordfreq_zipf.tsv"),
        ],
        check=True,
    )
    # Part of speech per word (WordNet sense counts n/v/a/r, via WordNet's own exception lists
    # and suffix rules), so the module can inflect and weight lexicon words by what they are.
    exc_lemma = {}
    for pairs in exc.values():
        for form, lemma in pairs:
            exc_lemma.setdefault(form, set()).add(lemma)
    with open(stage / "wordnet_pos.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# word\tsenses as noun\tverb\tadjective\tadverb; counted in WordNet 3.0 "
            "(WordNet 3.0 licence)\n"
        )
        for w in sorted(vocab):
            key = w.replace(" ", "_")
            c = [len(senses[p].get(key, ())) for p in ("n", "v", "a", "r")]
            lemma = ""
            if " " not in w and not c[1]:
                for cand in verb_lemmas(w):
                    if cand in senses["v"] or cand in exc_lemma.get(w, ()):
                        lemma = cand
                        break
                lemma = lemma or next((x for x in exc_lemma.get(w, ()) if x in senses["v"]), "")
            if any(c) or lemma:
                f.write(f"{w}\t" + "\t".join(map(str, c)) + f"\t{lemma}\n")


if __name__ == "__main__":
    main()
