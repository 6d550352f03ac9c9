"""Regenerate reader/resources/lexicons/*.tsv from downloaded sources (build time, not shipped).

Sources, downloaded by hand into the folder given by --raw:
  vaderSentiment-3.3.2-py2.py3-none-any.whl   (pip download vaderSentiment)
  afinn-0.1.tar.gz                            (pip download afinn)
  textblob-0.20.1-py3-none-any.whl            (pip download textblob; Pattern's en-sentiment.xml)
  wordnet-base_1%3a3.0-37_all.deb             (apt-get download wordnet-base; WordNet 3.0)
  venv/ with wordfreq 3.1.1 installed         (pip install wordfreq) -- frequency file only
Run: python benchmarks/build_lexicons.py --raw DIR   (the wordfreq step runs under DIR/venv)
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import tarfile
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = Path()  # the --raw folder, set by main()
OUT = ROOT / "reader" / "resources" / "lexicons"
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


def load_afinn() -> dict[str, int]:
    """AFINN-en-165 valence (-5..5)."""
    with tarfile.open(RAW / "afinn-0.1.tar.gz") as t:
        member = next(m for m in t.getmembers() if m.name.endswith("AFINN-en-165.txt"))
        text = t.extractfile(member).read().decode("utf-8")
    out = {}
    for line in text.splitlines():
        w, _, v = line.rpartition("\t")
        if WORDISH.match(w):
            out[w] = int(v)
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
                    f"force-def {len(forced)}/{len(ss)}",
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
        # (Definitions with negative words were tried as a cue too: on half A they flagged
        # protectors as much as wrongdoers -- "protects ... from destruction" -- and hit nothing.)
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


def main():
    """Write every lexicon file."""
    global RAW
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--raw", type=Path, required=True, help="folder holding the downloaded sources")
    RAW = ap.parse_args().raw.resolve()
    OUT.mkdir(exist_ok=True)
    vader, afinn, pattern = load_vader(), load_afinn(), load_pattern()
    senses, exc = load_wordnet()
    with open(OUT / "vader.tsv", "w", encoding="utf-8") as f:
        f.write("# word\tmean valence (-4..4); from VADER 3.3.2 vader_lexicon.txt, MIT licence\n")
        f.writelines(f"{w}\t{vader[w]:g}\n" for w in sorted(vader))
    with open(OUT / "afinn.tsv", "w", encoding="utf-8") as f:
        f.write("# word\tvalence (-5..5); AFINN-en-165 by Finn Aarup Nielsen, ODbL 1.0\n")
        f.writelines(f"{w}\t{afinn[w]}\n" for w in sorted(afinn))
    with open(OUT / "pattern_adj.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# adjective\tpolarity\tsubjectivity\tintensity (sense means); "
            "Pattern en-sentiment.xml "
            "1.3 (De Smedt & Daelemans), PDDL\n"
        )
        for w in sorted(pattern):
            p, s, i = pattern[w]
            f.write(f"{w}\t{p:.2f}\t{s:.2f}\t{i:.2f}\n")
    rows = derive_wordnet(senses, vader)
    with open(OUT / "wordnet_classes.tsv", "w", encoding="utf-8") as f:
        f.write(
            "# lemma\tpos\tcategory\tscore\tevidence; derived from Princeton WordNet 3.0 "
            "(WordNet 3.0 licence) by build_lexicons.py\n"
        )
        f.writelines("\t".join(map(str, r)) + "\n" for r in sorted(set(rows)))
    # Irregular inflections, only for lemmas we list (the regular ones are generated at load).
    wanted = {(r[0], r[1]) for r in rows if " " not in r[0]}
    with open(OUT / "wordnet_irregular.tsv", "w", encoding="utf-8") as f:
        f.write("# form\tlemma\tpos; from WordNet 3.0 verb.exc/noun.exc (WordNet 3.0 licence)\n")
        for pos, pairs in sorted(exc.items()):
            for form, lemma in pairs:
                if (lemma, pos) in wanted and WORDISH.match(form):
                    f.write(f"{form}\t{lemma}\t{pos}\n")
    # Frequencies for the candidate words only, in a separate CC BY-SA file (wordfreq data).
    vocab = (
        set(vader)
        | set(afinn)
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
                "ws=open(sys.argv[1]).read().split()\n"
                "f=open(sys.argv[2],'w')\n"
                "f.write('# word\\tZipf frequency (en, wordfreq 3.1.1 large list), '\n"
                "'CC BY-SA 4.0\\n')\n"
                "[f.write(f'{w}\\t{wordfreq.zipf_frequency(w,\"en\"):.2f}\\n') for w in ws]\n"
            ),
            str(vocab_file),
            str(OUT / "wordfreq_zipf.tsv"),
        ],
        check=True,
    )
    # Part of speech per word (WordNet sense counts n/v/a/r, via WordNet's own exception lists
    # and suffix rules), so the module can inflect and weight lexicon words by what they are.
    exc_lemma = {}
    for pairs in exc.values():
        for form, lemma in pairs:
            exc_lemma.setdefault(form, set()).add(lemma)
    with open(OUT / "wordnet_pos.tsv", "w", encoding="utf-8") as f:
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
    print({p.name: p.stat().st_size for p in OUT.glob("*.tsv")})


if __name__ == "__main__":
    main()
