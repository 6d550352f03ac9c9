"""Rewrites of real articles with facts changed, dropped or reworded, and the truth of each."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

# Why its own patterns: the generator must not share the detector's extractor,
# or the detector's blind spots would never be generated and never measured.
EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
SETS = {
    "polnear": EVAL / "polnear_attribution" / "text",
    "basil": EVAL / "basil_media_bias_triplets" / "text",
}

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ABBR = {
    "January": "Jan.",
    "February": "Feb.",
    "August": "Aug.",
    "September": "Sept.",
    "October": "Oct.",
    "November": "Nov.",
    "December": "Dec.",
}
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
WORDNUM = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
NUMWORD = {v: k for k, v in WORDNUM.items()}
MADE_UP = [
    "Halvorsen",
    "Okafor",
    "Brandtner",
    "Lindqvist",
    "Moreau",
    "Castellanos",
    "Whitfield",
    "Nakamura",
    "Oyelaran",
    "Petrakis",
]
PLACES = [
    "Ohio",
    "Texas",
    "Florida",
    "Iowa",
    "Nevada",
    "Arizona",
    "Michigan",
    "Georgia",
    "Virginia",
    "Colorado",
    "Mexico",
    "Canada",
    "China",
    "Russia",
    "Iran",
    "Syria",
    "France",
    "Germany",
    "Chicago",
    "Boston",
    "Denver",
    "Atlanta",
]
# Light paraphrase with no fact in it: whatever the detector flags here is a stray flag.
FUNCTION_SWAPS = [
    (" said that ", " said "),
    (" because ", " since "),
    (" but ", " yet "),
    (" also ", " "),
    (" about ", " around "),
    (" very ", " "),
    (" in order to ", " to "),
    (" However, ", " Still, "),
    (" many ", " numerous "),
]


@dataclass(frozen=True, slots=True)
class Truth:
    """One generated edit: what it is, and where it sits on each side."""

    label: str  # "change" | "drop" | "add" | "same"
    kind: str  # the fact kind
    left: tuple[int, int] | None
    right: tuple[int, int] | None


@dataclass(slots=True)
class Pair:
    """An original, its generated rewrite and the edits made."""

    name: str
    left: str
    right: str
    truth: list[Truth]


@dataclass(slots=True)
class _Edit:
    """Replace left[start:end] by text; the fact sits at text[core[0]:core[1]]."""

    start: int
    end: int
    text: str
    label: str | None = None
    kind: str = ""
    core: tuple[int, int] | None = None  # inside text (change/add/same)
    left_core: tuple[int, int] | None = None  # inside the left text (change/drop/same)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans: enough for choosing where to edit."""
    spans = []
    for para in re.finditer(r"[^\n]+", text):
        start = para.start()
        for m in re.finditer(r"(?<=[a-z0-9”\"’)][.!?])\s+(?=[“\"A-Z])", para.group()):
            spans.append((start, para.start() + m.start()))
            start = para.start() + m.end()
        spans.append((start, para.end()))
    return [s for s in spans if s[1] - s[0] > 30]


def _fmt_like(old: str, value: float) -> str:
    """A number written in the style of old (commas, decimals)."""
    if "." in old:
        return f"{value:.{len(old.split('.')[1])}f}"
    v = int(round(value))
    return f"{v:,}" if "," in old else str(v)


def _other_number(old: str, rng: random.Random) -> str:
    """A plausible different value for a written number."""
    v = float(old.replace(",", ""))
    for _ in range(10):
        new = (
            v * rng.choice([0.5, 0.6, 0.75, 1.25, 1.5, 2, 3])
            if v > 12
            else v + rng.choice([-2, -1, 1, 2, 3])
        )
        s = _fmt_like(old, new)
        if s != old and float(s.replace(",", "")) > 0:
            return s
    return _fmt_like(old, v + 1)


NUM = (
    r"(?<![\w.,$/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w/%])"
    r"|(?<![\w.,$/-])\d+(?:\.\d+)?(?![\w/%]|,\d)"
)
YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-3]\d)\b")


class _Gen:
    """Edits for one article, seeded."""

    def __init__(self, text: str, rng: random.Random):
        self.t, self.rng = text, rng
        self.persons = self._persons()

    def _persons(self) -> dict[str, str]:
        """Surname -> full name, for names whose surname alone is used as a person's."""
        out = {}
        for first, last in re.findall(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b", self.t):
            if {first, last} & set(MONTHS + DAYS) or first in (
                "The",
                "In",
                "But",
                "And",
                "When",
                "After",
                "New",
                "White",
                "United",
                "North",
                "South",
                "East",
                "West",
                "Los",
                "San",
                "Saudi",
                "Hong",
                "Supreme",
            ):
                continue
            person = (
                rf"\b(?:Mr|Mrs|Ms|Dr)\. {last}\b"
                rf"|(?<![A-Z][a-z] )\b{last} (?:said|says|told|wrote)\b|\bsaid {last}\b"
            )
            if re.search(person, self.t):
                out[last] = f"{first} {last}"
        return out

    # ---- each op returns a list of edits inside the sentence span, or None
    def fact_ops(self):
        """The fact-changing and fact-keeping ops, by name."""
        return [
            self.change_number,
            self.change_percent,
            self.change_amount,
            self.change_age,
            self.change_date,
            self.change_weekday,
            self.change_relative,
            self.change_person,
            self.change_place,
            self.drop_age,
            self.drop_time,
            self.add_time,
        ]

    def same_ops(self):
        """Ops that reword a fact without changing it."""
        return [
            self.same_us,
            self.same_acronym,
            self.same_numword,
            self.same_percent,
            self.same_month,
            self.same_title,
            self.same_age,
            self.same_amount,
            self.move_date,
            self.same_possessive,
        ]

    def _find(self, pattern, s, e, flags=0):
        """Matches of pattern inside the sentence span, as absolute spans."""
        return [m for m in re.compile(pattern, flags).finditer(self.t, s, e)]

    def _pick(self, pattern, s, e, flags=0):
        """One random match in the span, or None."""
        found = self._find(pattern, s, e, flags)
        return self.rng.choice(found) if found else None

    def _replace(self, m_start, m_end, new, label, kind, core=None):
        """An edit replacing a span, the new text being the fact."""
        core = core or (0, len(new))
        return [_Edit(m_start, m_end, new, label, kind, core, (m_start, m_end))]

    def change_number(self, s, e):
        m = self._pick(NUM, s, e)
        if (
            not m
            or YEAR.fullmatch(m.group())
            or re.match(r"\s*(?:percent|%|-year)", self.t[m.end() : m.end() + 6])
        ):
            return None
        before = self.t[max(0, m.start() - 12) : m.start()]
        if (
            re.search(r"(?:[A-Z][a-z]+\.?|\$|:|#)\s?$", before)
            or self.t[m.end() : m.end() + 1] in ":"
        ):
            return None  # a date, an amount, a time or a label: not a plain number
        return self._replace(
            m.start(), m.end(), _other_number(m.group(), self.rng), "change", "number"
        )

    def change_percent(self, s, e):
        m = self._pick(r"\b(\d+(?:\.\d+)?)(\s?(?:percent|%))", s, e)
        if not m:
            return None
        new = _other_number(m.group(1), self.rng)
        return self._replace(m.start(), m.end(), new + m.group(2), "change", "percentage")

    def change_amount(self, s, e):
        m = self._pick(r"\$(\d[\d,]*(?:\.\d+)?)((?:\s(?:million|billion|thousand))?)", s, e)
        if not m:
            return None
        return self._replace(
            m.start(),
            m.end(),
            "$" + _other_number(m.group(1), self.rng) + m.group(2),
            "change",
            "amount",
        )

    def change_age(self, s, e):
        m = self._pick(r"\b(\d{1,2})(-year-old| years old)\b|(?<=[a-z], )(\d{2})(?=, )", s, e)
        if not m:
            return None
        num = m.group(1) or m.group(3)
        new = str(int(num) + self.rng.choice([-7, -3, -1, 1, 2, 5]))
        return self._replace(m.start(), m.end(), new + (m.group(2) or ""), "change", "age")

    def change_date(self, s, e):
        m = self._pick(
            rf"\b(?:{'|'.join(MONTHS[:4] + MONTHS[5:])})\b"
            r"|\b(?:in|since|of) (?:19[5-9]\d|20[0-2]\d)\b",
            s,
            e,
        )
        if not m:
            return None
        g = m.group()
        if g[0].isdigit() or " " in g:
            head, year = g.rsplit(" ", 1)
            return self._replace(
                m.start(),
                m.end(),
                f"{head} {int(year) + self.rng.choice([-2, -1, 1])}",
                "change",
                "date",
            )
        new = self.rng.choice([x for x in MONTHS if x not in (g, "May")])
        return self._replace(m.start(), m.end(), new, "change", "date")

    def change_weekday(self, s, e):
        m = self._pick(rf"\b(?:{'|'.join(DAYS)})\b", s, e)
        if not m:
            return None
        return self._replace(
            m.start(),
            m.end(),
            self.rng.choice([d for d in DAYS if d != m.group()]),
            "change",
            "weekday",
        )

    def change_relative(self, s, e):
        m = self._pick(r"\b(last|next|this) (week|month|year)\b", s, e, re.I)
        if not m:
            return None
        mod, unit = m.group(1), m.group(2)
        if mod.lower() == "next" and unit == "month" and self.rng.random() < 0.5:
            new = "in " + self.rng.choice(MONTHS[8:])
            return self._replace(m.start(), m.end(), new, "change", "relative date")
        alt = [
            (a, b)
            for a in ("last", "next", "this")
            for b in ("week", "month", "year")
            if (a, b) != (mod.lower(), unit)
        ]
        a, b = self.rng.choice(alt)
        a = a.capitalize() if mod[0].isupper() else a
        return self._replace(m.start(), m.end(), f"{a} {b}", "change", "relative date")

    def change_person(self, s, e):
        found = [m for m in self._find(r"\b[A-Z][a-z]{2,}\b", s, e) if m.group() in self.persons]
        if not found:
            return None
        m = self.rng.choice(found)
        others = [p for p in self.persons if p != m.group()]
        new = (
            self.rng.choice(others)
            if others and self.rng.random() < 0.5
            else self.rng.choice(MADE_UP)
        )
        return self._replace(m.start(), m.end(), new, "change", "person")

    def change_place(self, s, e):
        m = self._pick(rf"\b(?:{'|'.join(PLACES)})\b", s, e)
        if not m:
            return None
        new = self.rng.choice([p for p in PLACES if p not in self.t])
        return self._replace(m.start(), m.end(), new, "change", "place")

    def drop_age(self, s, e):
        m = self._pick(r"\b(\d{1,2})-year-old |(?<=[a-z]), (\d{2}),(?= )", s, e)
        if not m:
            return None
        core = (m.start(), m.end() - 1) if m.group(1) else (m.start() + 2, m.end() - 1)
        return [_Edit(m.start(), m.end(), "", "drop", "age", None, core)]

    def drop_time(self, s, e):
        pat = (
            rf" (?:on|last|this|next) (?:{'|'.join(DAYS)})\b"
            r"| (?:last|this|next) (?:week|month|year)\b"
        )
        m = self._pick(pat, s, e)
        if not m:
            return None
        kind = "weekday" if any(d in m.group() for d in DAYS) else "relative date"
        return [_Edit(m.start(), m.end(), "", "drop", kind, None, (m.start() + 1, m.end()))]

    def add_time(self, s, e):
        m = self._pick(r"\b(said|announced|reported|told reporters)(?=[.,])", s, e)
        if not m or re.search(rf"{'|'.join(DAYS)}|week|month|year", self.t[s:e]):
            return None
        phrase = self.rng.choice([f"on {self.rng.choice(DAYS)}", "last week", "this month"])
        if phrase.split()[-1] in self.t:
            return None
        return [
            _Edit(
                m.end(),
                m.end(),
                " " + phrase,
                "add",
                "weekday" if "on " in phrase else "relative date",
                (1, 1 + len(phrase)),
                None,
            )
        ]

    def same_us(self, s, e):
        m = self._pick(r"\b(?:the U\.S\.|the US|the United States)(?! of)", s, e)
        if not m:
            return None
        alt = [x for x in ("the U.S.", "the US", "the United States") if x != m.group()]
        new = self.rng.choice(alt)
        return self._replace(m.start(), m.end(), new, "same", "place", (4, len(new)))

    def same_acronym(self, s, e):
        for d in re.finditer(
            r"\b((?:[A-Z][a-z]+ )(?:(?:of |for |and |the )?[A-Z][a-z]+ ?){1,5}) \(([A-Z]{2,6})\)",
            self.t,
        ):
            full, acr = d.group(1).strip(), d.group(2)
            m = self._pick(rf"\b{re.escape(acr)}\b", s, e)
            if m and acr == m.group():
                return self._replace(m.start(), m.end(), full, "same", "organisation")
            m = self._pick(rf"\b{re.escape(full)}\b", s, e)
            if m:
                return self._replace(m.start(), m.end(), acr, "same", "organisation")
        return None

    def same_numword(self, s, e):
        m = self._pick(
            rf"(?<![-\w])(?:{'|'.join(WORDNUM)})\b(?!-)"
            r"|(?<![\w.,$/-])(?:[2-9]|1[0-25]|20)(?![\w.,%/-]| percent| years? old)",
            s,
            e,
        )
        if (
            not m
            or self.t[m.end() : m.end() + 2] == ":"
            or re.search(r"[A-Z][a-z]+\.? $", self.t[m.start() - 12 : m.start()])
        ):
            return None
        g = m.group()
        new = str(WORDNUM[g]) if g in WORDNUM else NUMWORD.get(int(g))
        if new is None:
            return None
        return self._replace(m.start(), m.end(), new, "same", "number")

    def same_percent(self, s, e):
        m = self._pick(r"\b\d+(?:\.\d+)?( percent\b|%)", s, e)
        if not m:
            return None
        num = m.group()[: -len(m.group(1))]
        new = num + ("%" if m.group(1) == " percent" else " percent")
        return self._replace(m.start(), m.end(), new, "same", "percentage")

    def same_month(self, s, e):
        m = self._pick(rf"\b(?:{'|'.join(ABBR)})(?= \d)", s, e)
        if not m:
            return None
        return self._replace(m.start(), m.end(), ABBR[m.group()], "same", "date")

    def same_title(self, s, e):
        m = self._pick(r"\b(?:Mr\.|Mrs\.|Ms\.|Dr\.) ([A-Z][a-z]+)\b", s, e)
        if m:
            return self._replace(m.start(), m.end(), m.group(1), "same", "person")
        found = [
            m
            for m in self._find(r"(?<![A-Z][a-z] )\b[A-Z][a-z]{2,}\b", s, e)
            if m.group() in self.persons
            and m.start() > self.t.find(self.persons[m.group()])
            and not re.search(r"[A-Z][\w.]* $", self.t[max(0, m.start() - 25) : m.start()])
        ]
        if not found:
            return None
        m = self.rng.choice(found)
        return self._replace(m.start(), m.end(), self.persons[m.group()], "same", "person")

    def same_age(self, s, e):
        m = self._pick(r"\b(\d{1,2})-year-old\b", s, e)
        if not m:
            return None
        new = m.group(1) + self.rng.choice(["-year old", " year-old"])
        return self._replace(m.start(), m.end(), new, "same", "age")

    def same_amount(self, s, e):
        m = self._pick(r"\$(\d[\d,]*(?:\.\d+)?)( (?:million|billion))\b", s, e)
        if not m:
            return None
        return self._replace(
            m.start(), m.end(), m.group(1) + m.group(2) + " dollars", "same", "amount"
        )

    def move_date(self, s, e):
        """Move "in August"/"on Monday"/"last week" to the front of its sentence, or back."""
        time = rf"(?:in|on) (?:{'|'.join(MONTHS + DAYS)})|(?:last|this|next) (?:week|month|year)"
        head = re.match(rf"({time}), ([a-z]|[A-Z])", self.t[s:e], re.I)
        if head:
            phrase = head.group(1)
            body_start = s + head.end(1) + 2
            end = e - 1 if self.t[e - 1] in ".!?" else e
            if self.t[end - 1] in '”"’':
                return None
            first = self.t[body_start]
            return [
                _Edit(s, body_start + 1, first.upper(), None),
                _Edit(
                    end,
                    end,
                    " " + phrase[0].lower() + phrase[1:],
                    "same",
                    "date",
                    (1, 1 + len(phrase)),
                    (s, s + len(phrase)),
                ),
            ]
        m = self._pick(rf" ({time})(?=[ .,])", s, e)
        first = re.match(r"(The|A|An|He|She|They|It|We) ", self.t[s:e])
        if not m or not first or m.start() < s + 5:
            return None
        phrase = m.group(1)
        lead = phrase[0].upper() + phrase[1:] + ", "
        return [
            _Edit(
                s,
                s + 1,
                lead + self.t[s].lower(),
                "same",
                "date",
                (0, len(phrase)),
                (m.start() + 1, m.end()),
            ),
            _Edit(m.start(), m.end(), "", None),
        ]

    def same_possessive(self, s, e):
        m = self._pick(r"(?<![A-Za-z] )\b([A-Z][a-z]+)(?:’s|'s) ([a-z]{4,})\b(?! [a-z]+ing)", s, e)
        if (
            not m
            or m.group(1) in ("The", "It", "That")
            or re.search(r"[A-Z]\w* $", self.t[m.start() - 25 : m.start()])
        ):
            return None
        new = f"the {m.group(2)} of {m.group(1)}"
        return self._replace(
            m.start(), m.end(), new, "same", "person", (len(new) - len(m.group(1)), len(new))
        )


def make_pair(name: str, text: str, seed: int) -> Pair:
    """Rewrite one article with seeded fact edits, recording where each one went."""
    rng = random.Random(seed)
    gen = _Gen(text, rng)
    edits: list[_Edit] = []
    for s, e in _sentences(text):
        r = rng.random()
        ops = gen.fact_ops() if r < 0.35 else gen.same_ops() if r < 0.75 else []
        rng.shuffle(ops)
        for op in ops:
            got = op(s, e)
            if got:
                edits.extend(got)
                break
        if rng.random() < 0.3:  # light paraphrase around the facts, or alone
            for old, new in rng.sample(FUNCTION_SWAPS, len(FUNCTION_SWAPS)):
                i = text.find(old, s, e)
                if i >= 0 and not any(
                    x.start < i + len(old) and i < x.end or x.start == x.end == i for x in edits
                ):
                    edits.append(_Edit(i, i + len(old), new, None))
                    break
    edits.sort(key=lambda x: (x.start, x.end))
    kept: list[_Edit] = []
    for x in edits:  # never two edits on one stretch of text
        if kept and x.start < kept[-1].end:
            continue
        kept.append(x)
    out, truth, pos, shift = [], [], 0, 0
    for x in kept:
        out.append(text[pos : x.start])
        rstart = x.start + shift
        out.append(x.text)
        if x.label:
            right = (rstart + x.core[0], rstart + x.core[1]) if x.core else None
            truth.append(Truth(x.label, x.kind, x.left_core, right))
        shift += len(x.text) - (x.end - x.start)
        pos = x.end
    out.append(text[pos:])
    return Pair(name, text, "".join(out), truth)


def make_pairs(which: str, seed: int = 7, limit: int | None = None) -> list[Pair]:
    """Pairs for every article of one set ("polnear" or "basil"), deterministic for a seed."""
    files = sorted(SETS[which].glob("*.txt"))[:limit]
    return [
        make_pair(f.name, f.read_text(encoding="utf-8"), seed * 1000 + i)
        for i, f in enumerate(files)
    ]


if __name__ == "__main__":  # a peek at the edits, printed only (never written to disk)
    import sys

    p = make_pairs(sys.argv[1] if len(sys.argv) > 1 else "polnear", limit=1)[0]
    for t in p.truth:
        lw = p.left[t.left[0] : t.left[1]] if t.left else ""
        rw = p.right[t.right[0] : t.right[1]] if t.right else ""
        print(f"{t.label:6} {t.kind:14} {lw!r:30} -> {rw!r}")
