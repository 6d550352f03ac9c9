"""Fact mentions in an article (numbers, amounts, dates, names ...) with comparable values."""

# One piece: the patterns, the passage extractors and the whole-article lookups share the
# word tables and token rules, and must agree on them exactly.

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from reader.core.places import PLACES as _PLACES

# Fact families: a change is only ever reported between two facts of one family.
QUANTITY = frozenset({"number", "amount", "percentage", "age"})
TIME = frozenset({"date", "weekday", "relative date"})
NAME = frozenset({"person", "place", "organisation", "name"})


@dataclass(frozen=True, slots=True)
class Mention:
    """One fact as written: its span in the article, kind and comparable value."""

    start: int
    end: int
    kind: str
    value: tuple  # kind-specific normalised value, see the extractors below


def family(kind: str) -> str:
    """The family of a fact kind: quantity, time or name."""
    return "quantity" if kind in QUANTITY else "time" if kind in TIME else "name"


# ---------------------------------------------------------------- numbers

_UNITS = {
    "one": 1,
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
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "mn": 1e6,
    "bn": 1e9,
    "k": 1e3,
}

_UNIT_RE = "|".join(sorted(_UNITS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS)
_SCALE_RE = r"(?:hundred|thousand|million|billion|trillion)"
# A number ends where its digits do, or at a scale written onto it ("$2.5m", "1.5bn"):
# never inside a decimal ("2" of "2.5m" is no number of its own).
_GLUED_SCALE = r"(?:bn|mn|m|k)\b"
_DIGITS = (
    rf"(?<![\w.,/-])\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?(?!\.\d)(?!(?!{_GLUED_SCALE})[\w/])"
    rf"|(?<![\w.,/-])\d+(?:\.\d+)?(?!\.\d)(?!(?!{_GLUED_SCALE})[\w/]|,\d{{3}})"
)
# Why "one" needs a scale word: bare "one" is mostly a pronoun ("one of them").
_UNIT_NO_ONE = "|".join(sorted(set(_UNITS) - {"one"}, key=len, reverse=True))
_WORDNUM = (
    rf"\b(?:(?:{_TENS_RE})(?:[-\s](?:{_UNIT_RE}))?|(?:{_UNIT_NO_ONE}))(?:\s+{_SCALE_RE})*\b"
    rf"|\bone(?:\s+{_SCALE_RE})+\b"
)
# Every number starts with a digit or, at a word's start, the first letter of a number
# word or "a": the lookahead lets the engine pass over other positions without trying
# each alternative (2-2.5x faster for every pattern built on _NUM; the same matches).
_NUM_FIRST = "".join(sorted({w[0] for w in (*_UNITS, *_TENS)} | {"a"}))
_NUM = (
    rf"(?=\d|\b[{_NUM_FIRST}])"
    rf"(?:(?:{_DIGITS})(?:\s?(?:{_SCALE_RE}|bn|mn|m|k)\b)?|{_WORDNUM}|\ba\s+(?:{_SCALE_RE})\b)"
)


def number_value(text: str) -> float | None:
    """The value of a written number: "1.5 million", "twenty-five", "3,000"."""
    words = re.findall(r"[a-z]+|\d[\d,]*(?:\.\d+)?", text.lower())
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w[0].isdigit():
            current += float(w.replace(",", ""))
        elif w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in _SCALES:
            scale = _SCALES[w]
            current = (current or 1.0) * scale
            if scale >= 1e3:
                total, current = total + current, 0.0
        elif w == "a":
            continue
        else:
            continue
        seen = True
    if not seen:
        return None
    return total + current


_CURRENCY_SIGN = {"$": "USD", "€": "EUR", "£": "GBP"}
_CURRENCY_WORD = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
}

_AMOUNT_SIGN_RE = re.compile(rf"(?:US)?([$€£])\s?({_NUM})", re.I)
_AMOUNT_WORD_RE = re.compile(rf"({_NUM})\s+(dollars?|euros?|pounds?)\b", re.I)
_PERCENT_RE = re.compile(rf"({_NUM})\s?(%|percent\b|per cent\b|percentage points?\b)", re.I)
_AGE_RE = re.compile(rf"({_NUM})[-\s]years?[-\s]old\b|\baged\s+({_NUM})", re.I)
# "Mattis, 68, said": an age written as an apposition after a capitalised name.
_AGE_APPOS_RE = re.compile(r"\b([A-Z][a-z’']+), (\d{1,3})(?=,)")
_NUMBER_RE = re.compile(_NUM, re.I)
# The digit forms of _NUM alone, for passages without a number word (most): the digit
# comes first and the lookbehind after it, so that the regex engine skips to digits.
_DIGIT_NUMBER_RE = re.compile(
    r"\d(?<![\w.,/-]\d)"
    rf"(?:\d{{0,2}}(?:,\d{{3}})+(?:\.\d+)?(?!\.\d)(?!(?!{_GLUED_SCALE})[\w/])"
    rf"|\d*(?:\.\d+)?(?!\.\d)(?!(?!{_GLUED_SCALE})[\w/]|,\d{{3}}))"
    rf"(?:\s?(?:{_SCALE_RE}|bn|mn|m|k)\b)?",
    re.I,
)

# ---------------------------------------------------------------- time

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 1,
    "tuesday": 2,
    "wednesday": 3,
    "thursday": 4,
    "friday": 5,
    "saturday": 6,
    "sunday": 7,
    "mon": 1,
    "tue": 2,
    "tues": 2,
    "wed": 3,
    "thu": 4,
    "thur": 4,
    "thurs": 4,
    "fri": 5,
    "sat": 6,
    "sun": 7,
}
_PREP = r"(?:(?i:in|on|by|since|until|till|from|through|before|after|during|as of)\s+)"
# Abbreviations need their dot so that "Jan" the name or "Sun" the newspaper stay names.
_MONTH_RE = (
    r"(?:January|February|March|April|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.)"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_DATE_RE = re.compile(
    rf"\b{_PREP}?(?:(?:early|late|mid)[-\s])?"
    rf"(?:(?P<m1>{_MONTH_RE}|May(?=\s+\d))(?:\s+(?P<d1>{_DAY})\b)?(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH_RE}|May)(?:,?\s+(?P<y2>{_YEAR})\b)?"
    rf"|(?<=\bin )(?P<m3>May)\b(?:,?\s+(?P<y3>{_YEAR})\b)?"
    rf"|(?:fiscal\s+)?(?P<y4>{_YEAR})(?![\w,.]\d|\s?%|\s?percent))"
)
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<mod>(?i:on|last|next|this|past|coming|by|since|until|from))\s+)?"
    r"(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat)\.)"
    r"(?:’s|'s)?(?:\s+(?:morning|afternoon|evening|night))?"
)
_REL_MOD = {
    "this": "this",
    "last": "last",
    "next": "next",
    "past": "last",
    "previous": "last",
    "coming": "next",
    "following": "next",
    "earlier this": "this",
    "later this": "this",
}
_REL_RE = re.compile(
    r"\b(?P<mod>(?:earlier|later)\s+this|this|last|next|past|previous|coming|following)\s+"
    r"(?P<unit>week|weekend|month|year|spring|summer|fall|autumn|winter|decade|quarter)\b"
    rf"|\b(?P<n>a|an|{_UNIT_RE}|{_TENS_RE}|\d+)\s+(?P<unit2>day|week|month|year|decade)s?\s+"
    r"(?P<dir>ago|earlier|later|before|from now)\b"
    r"|\b(?P<word>yesterday|today|tomorrow|tonight)\b",
    re.I,
)


def _date_value(m: re.Match) -> tuple:
    """(month, day, year) with None for parts not written."""
    month = m["m1"] or m["m2"] or m["m3"]
    day = m["d1"] or m["d2"]
    year = m["y1"] or m["y2"] or m["y3"] or m["y4"]
    mnum = MONTHS[month.rstrip(".").lower()] if month else None
    dnum = int(re.match(r"\d+", day).group()) if day else None
    return (mnum, dnum, int(year) if year else None)


def _rel_value(m: re.Match) -> tuple:
    """(modifier or count+direction, unit) of a relative date."""
    if m["word"]:
        word = m["word"].lower()
        return ("today", "day") if word == "tonight" else (word, "day")
    if m["unit"]:
        unit = m["unit"].lower().replace("autumn", "fall")
        return (_REL_MOD[" ".join(m["mod"].lower().split())], unit)
    n = m["n"].lower()
    count = 1 if n in ("a", "an") else number_value(n)
    direction = "ago" if m["dir"].lower() in ("ago", "earlier", "before") else "later"
    return (f"{count:g} {direction}", m["unit2"].lower())


# ---------------------------------------------------------------- extraction

_PRIORITY = {
    "amount": 0,
    "percentage": 1,
    "age": 2,
    "date": 3,
    "weekday": 4,
    "relative date": 5,
    "number": 6,
}


# Words without which a pattern cannot match: a passage lacking them skips it, which is
# most of the time, since the patterns are costly to run.
_NUMBER_WORDS = (
    (frozenset(_UNITS) - {"one"}) | frozenset(_TENS) | frozenset(_SCALE_RE[3:-1].split("|"))
)
_CURRENCY_WORDS = frozenset(_CURRENCY_WORD)
_PERCENT_WORDS = frozenset({"percent", "per", "percentage"})
_YEAR_WORDS = frozenset({"year", "years"})
_MONTH_WORDS = frozenset(MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
_REL_WORDS = frozenset(
    "week weekend month year spring summer fall autumn winter decade quarter day days weeks "
    "months years decades yesterday today tomorrow tonight".split()
)
_LETTERS_RE = re.compile(r"[a-z]+")
_DIGIT_RE = re.compile(r"[0-9]")


def find_quantities_and_times(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Number, amount, percentage, age and time mentions inside [start, end), longest first."""
    end = len(text) if end is None else end
    stop = min(len(text), end + _MARGIN)
    part = text[start:stop]
    words = set(_LETTERS_RE.findall(part.lower()))
    digits = _DIGIT_RE.search(part) is not None
    number = digits or not _NUMBER_WORDS.isdisjoint(words)
    found: list[Mention] = []
    add = found.append
    signs = number and any(c in part for c in _CURRENCY_SIGN)
    for m in _AMOUNT_SIGN_RE.finditer(text, start, stop) if signs else ():
        v = number_value(m.group(2))
        if v is not None:
            add(Mention(m.start(), m.end(), "amount", (_CURRENCY_SIGN[m.group(1)], v)))
    currency = number and not _CURRENCY_WORDS.isdisjoint(words)
    for m in _AMOUNT_WORD_RE.finditer(text, start, stop) if currency else ():
        v = number_value(m.group(1))
        if v is not None:
            add(Mention(m.start(), m.end(), "amount", (_CURRENCY_WORD[m.group(2).lower()], v)))
    percent = number and ("%" in part or not _PERCENT_WORDS.isdisjoint(words))
    for m in _PERCENT_RE.finditer(text, start, stop) if percent else ():
        v = number_value(m.group(1))
        if v is not None:
            unit = "points" if "point" in m.group(2).lower() else "%"
            add(Mention(m.start(), m.end(), "percentage", (unit, v)))
    age = number and ("aged" in words or "old" in words and not _YEAR_WORDS.isdisjoint(words))
    for m in _AGE_RE.finditer(text, start, stop) if age else ():
        v = number_value(m.group(1) or m.group(2))
        if v is not None:
            add(Mention(m.start(), m.end(), "age", ("age", v)))
    for m in _AGE_APPOS_RE.finditer(text, start, stop) if digits else ():
        if m.group(1).lower() not in MONTHS and m.group(1).lower() not in WEEKDAYS:
            if 0 < int(m.group(2)) < 120:
                add(Mention(m.start(2), m.end(2), "age", ("age", float(m.group(2)))))
    dates = digits or not _MONTH_WORDS.isdisjoint(words)
    for m in _DATE_RE.finditer(text, start, stop) if dates else ():
        add(Mention(m.start(), m.end(), "date", _date_value(m)))
    weekdays = not _WEEKDAY_WORDS.isdisjoint(words)
    for m in _WEEKDAY_RE.finditer(text, start, stop) if weekdays else ():
        mod = (m["mod"] or "").lower()
        mod = {"past": "last", "coming": "next"}.get(mod, mod if mod in ("last", "next") else "")
        day = WEEKDAYS[m["day"].rstrip(".").lower()]
        add(Mention(m.start(), m.end(), "weekday", (day, mod)))
    relative = not _REL_WORDS.isdisjoint(words)
    for m in _REL_RE.finditer(text, start, stop) if relative else ():
        add(Mention(m.start(), m.end(), "relative date", _rel_value(m)))
    numbers = _NUMBER_RE if not _NUMBER_WORDS.isdisjoint(words) else _DIGIT_NUMBER_RE
    for m in numbers.finditer(text, start, stop) if number else ():
        v = number_value(m.group())
        if v is None:
            continue
        # "COVID-19", "F-35", "H1N1", "9/11": digits glued to a name are part of it.
        if m.start() > 0 and (text[m.start() - 1] == "-" or text[m.start() - 1].isalpha()):
            continue
        add(Mention(m.start(), m.end(), "number", ("n", v)))
    return [f for f in _resolve_overlaps(found) if start <= f.start and f.end <= end]


def _resolve_overlaps(found: list[Mention]) -> list[Mention]:
    """Keep the longest mention where several overlap (then the more specific kind)."""
    found.sort(key=lambda f: (-(f.end - f.start), _PRIORITY[f.kind], f.start))
    taken: list[Mention] = []
    occupied: set[int] = set()
    for f in found:
        if any(i in occupied for i in range(f.start, f.end)):
            continue
        occupied.update(range(f.start, f.end))
        taken.append(f)
    taken.sort(key=lambda f: f.start)
    return taken


# ---------------------------------------------------------------- names

_TITLES = frozenset(
    "mr mrs ms miss dr prof sen rep gov lt gen col sgt capt adm president senator governor "
    "representative congressman congresswoman secretary judge justice mayor chairman "
    "chairwoman sir lady lord king queen prince princess pope rev father sister vice former "
    "speaker leader chief attorney general minister prime deputy acting ambassador".split()
)
# Titles that can stand in a run without being part of the name itself.
_ABBREV = frozenset(
    "mr mrs ms dr prof sen rep gov lt gen col sgt capt adm st jr sr rev ft mt".split()
)
CONNECT = frozenset("of for de la del du van von bin al da di le".split())
# Capitalised only because they start a sentence: never a name there.
_STOP = frozenset(
    "the a an in on at to of for by with from and or but nor so yet if when while after before "
    "as since because though although he she it they we i you his her its their our my your "
    "this that these those there here what who whom whose why how which where some many most "
    "all any each every both few several no not none one other another such more much less "
    "according last next first then now also even still just only meanwhile however instead "
    "despite during until unless whether yes well do does did is are was were be been has have "
    "had will would can could should may might must said says asked told like let later earlier "
    "today yesterday tomorrow tonight often soon again once perhaps maybe already thus indeed "
    "still again speaking asked under over about among between without within".split()
)
_DATE_WORDS = frozenset(list(MONTHS) + list(WEEKDAYS))
STOP_WORDS, DATE_WORDS, TITLE_WORDS = _STOP, _DATE_WORDS, _TITLES

_ORG_WORDS = frozenset(
    "department agency network committee party council university college court house senate "
    "congress association times post news journal institute bureau office commission "
    "administration inc corp corporation company co ltd llc foundation union organization "
    "organisation service services ministry board authority bank group fund center centre "
    "school church army navy force forces police reuters press media tribune herald guardian "
    "federation league club campaign caucus coalition alliance project program council "
    "cabinet parliament assembly pentagon nato fbi cia".split()
)
# Several spellings of one country: the same fact, never a change.
ALIASES = {
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "united states of america": "united states",
    "u s": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "dc": "washington dc",
    "washington d c": "washington dc",
}

# A capitalised word token where a token starts (not inside "iPhone" or "O'Brien"): the
# capital comes first so that the regex engine skips to capitals at C speed.
_CAP_TOKEN_RE = re.compile(
    r"[A-Z](?<![A-Za-z0-9&][A-Z])(?<![A-Za-z0-9&][’'\-][A-Z])"
    r"(?:\.(?:[A-Z]\.)+|[A-Za-z0-9&]*(?:[’'\-][A-Za-z0-9]+)*\.?)"
)
_DOTTED_RE = re.compile(r"(?:[A-Z]\.){2,}")
_SENT_END = frozenset('.!?:;“"‘(—–[')
_NOT_END = r"[^ \t\n.!?:;“\"‘(—–\[]"
# The token before a full stop: "Mr." and "F." do not end a sentence, "U.S." may.
_BEFORE_DOT_RE = re.compile(r"(?<![A-Za-z0-9&])(?:(?:[A-Z]\.){2,}|[A-Za-z0-9&]+\.)$")
# The core of a capitalised token written mid-sentence (see _core), for the whole article
# in one pass: after a word or comma, or after an abbreviation's dot ("Mr. Smith").
_MID_CAP_RE = re.compile(
    r"[A-Z](?<![A-Za-z0-9&][A-Z])(?<![A-Za-z0-9&][’'\-][A-Z])"
    rf"(?:(?<={_NOT_END}[A-Z])|(?<={_NOT_END}[ \t][A-Z])|(?<={_NOT_END}[ \t]{{2}}[A-Z])"
    r"|(?<=(?<![A-Za-z0-9&])(?i:mr|ms|dr|lt|st|jr|sr|ft|mt)\. [A-Z])"
    r"|(?<=(?<![A-Za-z0-9&])(?i:mrs|sen|rep|gov|gen|col|sgt|adm|rev)\. [A-Z])"
    r"|(?<=(?<![A-Za-z0-9&])(?i:prof|capt)\. [A-Z])"
    r"|(?<=(?<![A-Za-z0-9&.])[A-Za-z0-9]\. [A-Z]))"
    r"(?:\.(?:[A-Z]\.)+|[A-Za-z0-9&]*(?:(?:[’'](?!s(?![A-Za-z0-9]|[’'\-][A-Za-z0-9]))"
    r"|-(?=[A-Z0-9]))[A-Za-z0-9]+)*)"
)
# Words looked for in the whole text one by one before all are indexed in one pass.
_SCANS_BEFORE_INDEX = 16
# What precedes a capital written mid-sentence, as _MID_CAP_RE's lookbehinds say.
_MID_BEFORE = (
    _NOT_END,
    rf"{_NOT_END}[ \t]",
    rf"{_NOT_END}[ \t]{{2}}",
    r"(?<![A-Za-z0-9&])(?i:mr|ms|dr|lt|st|jr|sr|ft|mt)\. ",
    r"(?<![A-Za-z0-9&])(?i:mrs|sen|rep|gov|gen|col|sgt|adm|rev)\. ",
    r"(?<![A-Za-z0-9&])(?i:prof|capt)\. ",
    r"(?<![A-Za-z0-9&.])[A-Za-z0-9]\. ",
)
_CONNECT_GAP_RE = re.compile(r" ([a-z]+) (?:(the) )?")
_HYPHEN_LOWER_RE = re.compile(r"-(?=[a-z])")
_TOKEN_START_RE = re.compile(r" [A-Za-z0-9&]")
# Characters read past a passage's end, so that a fact or name crossing it is seen whole
# (and left out) rather than cut.
_MARGIN = 40


def _core(tok: str) -> tuple[str, bool]:
    """A token's name part and whether the run ends with it: possessives and '-based' cut off."""
    ends = False
    if tok.endswith(".") and not _DOTTED_RE.fullmatch(tok):
        core = tok[:-1]
        if core.lower() not in _ABBREV and not (len(core) == 1 and core.isupper()):
            tok, ends = core, True  # a sentence end, not an abbreviation
    for poss in ("’s", "'s"):
        if tok.endswith(poss):
            tok, ends = tok[: -len(poss)], True
    hy = _HYPHEN_LOWER_RE.search(tok) if "-" in tok else None
    if hy:  # "Trump-era", "Mexico-based": the name is the part before the hyphen
        tok, ends = tok[: hy.start()], True
    return tok, ends


def _cap_key(core: str) -> str:
    """The form _MID_CAP_RE finds a core in: an abbreviation's dot dropped."""
    return core[:-1] if core.endswith(".") and not _DOTTED_RE.fullmatch(core) else core


_LONG_WORD_RE = re.compile(r"[A-Za-z]{4,}")
_LONG_LOWER_RE = re.compile(r"(?<![A-Za-z])[a-z][A-Za-z]{3,}")
_TWO_SENTENCES_RE = re.compile(r"[.!?]\s+\S")


def _is_headline(line: str) -> bool:
    """A title-case line (a headline): its capitals say nothing about names."""
    # Counted at C speed: at least 3 words of 4+ letters, 80% of them capitalised.
    long = len(_LONG_WORD_RE.findall(line))
    if long < 3 or len(_LONG_LOWER_RE.findall(line)) > 0.2 * long:
        return False
    return _TWO_SENTENCES_RE.search(line.strip()) is None  # two sentences on one line: prose


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at pos opens a sentence, quotation or line."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] == ".":
        m = _BEFORE_DOT_RE.search(text, max(0, i - 12), i + 1)
        core = m.group().rstrip(".").lower() if m else ""
        if core in _ABBREV or len(core) == 1:  # "Mr. Smith", "John F. Kennedy"
            return False
    return text[i] in _SENT_END


class Capitals:
    """What a whole article says about its capitalised words, for names found in one passage.

    Why lazy and regex-only: an article may be megabytes, and only the words that open
    a sentence in a changed passage are ever asked about.
    """

    def __init__(self, text: str, *, eager: bool = False) -> None:
        self.text = text
        self._eager = eager  # many words will be asked about: index every place at once
        self._mid: set[str] | None = None  # every core written mid-sentence somewhere
        self._known: dict[str, bool] = {}
        self._scans = 0
        self._positions: dict[str, list[int]] | None = None  # core -> where, when indexed
        self._line_starts: list[int] | None = None
        self._lines: dict[int, bool] = {}  # line start -> whether that line is a headline
        self._lower: dict[str, bool] = {}

    def in_headline(self, pos: int) -> bool:
        """Whether pos lies on a headline line."""
        if self._line_starts is None:  # found once: a scan back per call is quadratic
            lengths = map((1).__add__, map(len, self.text.split("\n")))  # C-speed loops
            self._line_starts = [0, *accumulate(lengths)][:-1]
        start = self._line_starts[bisect_right(self._line_starts, pos) - 1]
        head = self._lines.get(start)
        if head is None:
            end = self.text.find("\n", pos)
            head = self._lines[start] = _is_headline(self.text[start : end if end >= 0 else None])
        return head

    def known_name(self, core: str) -> bool:
        """Whether the article writes core capitalised in mid-sentence outside headlines."""
        key = _cap_key(core)
        known = self._known.get(key)
        if known is None:
            if self._eager:
                known = self._known[key] = self._outside_indexed(key)
                return known
            if self._mid is None:  # one C-speed pass: most words asked about are not there
                self._mid = set(_MID_CAP_RE.findall(self.text))
            known = self._known[key] = key in self._mid and self._outside(key)
        return known

    def _outside(self, key: str) -> bool:
        """Whether key is written mid-sentence outside a headline (usually where first so)."""
        # The key first, then _MID_CAP_RE's conditions on what precedes it: the regex
        # engine skips to the key at C speed and passes over sentence starts itself.
        self._scans += 1
        if self._scans > _SCANS_BEFORE_INDEX:  # many asked: index every place once instead
            return self._outside_indexed(key)
        w = re.escape(key)
        before = "|".join(f"(?<={b}{w})" for b in _MID_BEFORE)
        for m in re.finditer(rf"{w}(?<![A-Za-z0-9&]{w})(?:{before})", self.text):
            p = m.start()
            found = _MID_CAP_RE.match(self.text, p)
            if found is not None and found.group() == key and not self.in_headline(p):
                return True
        return False

    def _outside_indexed(self, key: str) -> bool:
        if self._positions is None:
            self._positions = {}
            for m in _MID_CAP_RE.finditer(self.text):
                self._positions.setdefault(m.group(), []).append(m.start())
        return any(not self.in_headline(p) for p in self._positions.get(key, ()))

    def written_lower(self, word: str) -> bool:
        """Whether the article writes word in lower case as a word of its own."""
        if word not in self._lower:
            # Literal first, boundaries after: the engine then searches for the literal fast.
            w = re.escape(word)
            pattern = rf"{w}(?<![A-Za-z0-9&]{w})(?<![A-Za-z0-9&][’'\-]{w})(?![A-Za-z0-9&])"
            self._lower[word] = bool(word) and re.search(pattern, self.text) is not None
        return self._lower[word]


@dataclass(frozen=True, slots=True)
class NameRun:
    """A capitalised name as written, with its comparison key and whether a title preceded it."""

    start: int
    end: int
    key: str  # lower-case words without titles, "the" or possessive: "donald trump"
    titled: bool
    acronym: bool  # written in capitals, as "DHS" or "U.S."


_INNER_ALIASES = {"us": "united states", "usa": "united states", "uk": "united kingdom"}


def canonical(key: str) -> str:
    """The key with country aliases folded: "us" and "america" -> "united states"."""
    if key in ALIASES:
        return ALIASES[key]
    if " " in key:  # "U.S. Senate" is the "United States Senate"
        return " ".join(_INNER_ALIASES.get(w, w) for w in key.split())
    return key


def find_names(text: str, start: int, end: int, caps: Capitals) -> list[NameRun]:
    """Capitalised name runs lying inside [start, end) of an article."""
    stop = min(len(text), end + _MARGIN)
    # Only capitalised tokens can be name words: the rest of the passage is never looked at.
    toks = []
    for m in _CAP_TOKEN_RE.finditer(text, start, stop):
        core, ends = _core(m.group())
        if core:
            s = m.start()
            head = caps.in_headline(s)
            toks.append(
                (s, s + len(core), core, ends, 2 if head else int(_starts_sentence(text, s)))
            )

    def name_word(k: int) -> bool:
        s, _, core, _, initial = toks[k]
        return _name_word(core, initial) and (initial != 2 or caps.known_name(core))

    runs: list[NameRun] = []
    i, n = 0, len(toks)
    while i < n:
        s, e, core, ends, initial = toks[i]
        if s >= end:
            break
        if not name_word(i):
            i += 1
            continue
        words = [(s, e, core)]
        j = i
        while not toks[j][3] and j + 1 < n:
            gap = text[toks[j][1] : toks[j + 1][0]]
            if gap == " ":
                if not name_word(j + 1):
                    break
                words.append(toks[j + 1][:3])
                j += 1
                continue
            # "Department of Homeland Security": a connector joins two capitalised words.
            g = _CONNECT_GAP_RE.fullmatch(gap)
            if g is None or g.group(1) not in CONNECT:
                break
            k = j + 1
            at = toks[j][1] + 1
            joined = [(at, at + len(g.group(1)), g.group(1))]
            if g.group(2):
                joined.append((g.start(2) + toks[j][1], g.end(2) + toks[j][1], "the"))
            elif toks[k][2].lower() == "the" and _TOKEN_START_RE.match(text, toks[k][1]):
                # "of The ..." reads on to the next word, which must be a name word too.
                if not (k + 1 < n and toks[k + 1][0] == toks[k][1] + 1):
                    break
                joined.append(toks[k][:3])
                k += 1
            if not name_word(k):
                break
            words.extend(joined)
            words.append(toks[k][:3])
            j = k
        # A lone unknown sentence-initial capital ("Fed-up", "Apparently") is an ordinary
        # word, unless it is never written in lower case and acts as a subject ("Okafor said").
        if (
            initial
            and len(words) == 1
            and not caps.known_name(core)
            and not (
                initial == 1
                and _subject_next(text, e)
                and not caps.written_lower(core.lower())
                and not _common_subject(core)
            )
        ):
            i = j + 1
            continue
        run = make_run(words)
        if run is not None and start <= run.start and run.end <= end:
            runs.append(run)
        i = j + 1
    return runs


# Words that follow a person or organisation as subject ("Okafor said", "Okafor’s").
_SUBJECT_VERBS = frozenset(
    "said says told wrote added noted argued insisted explained asked replied has had is was "
    "will would did does also who announced tweeted claimed called warned".split()
)


# People named by what they are, not who: the subjects of unnamed sourcing ("Experts
# said", "Officials say"), never a name however the article writes them.
_GROUP_NOUNS = frozenset(
    "experts officials analysts critics authorities residents researchers scientists "
    "economists investigators prosecutors lawmakers legislators voters witnesses observers "
    "supporters opponents protesters activists advocates sources aides staffers insiders "
    "doctors lawyers attorneys police officers diplomats historians scholars "
    "commentators pundits strategists pollsters organizers leaders members parents students "
    "teachers workers employees executives investors traders regulators negotiators "
    "spokesman spokeswoman spokesperson official expert analyst critic source".split()
)


def _common_subject(core: str) -> bool:
    """Whether a sentence-initial word is a common noun for people ("Experts said")."""
    return core.lower() in _GROUP_NOUNS


def _subject_next(text: str, end: int) -> bool:
    """Whether the word after end is a reporting verb or a possessive."""
    if text.startswith(("’s", "'s"), end):
        return True
    m = re.match(r" ([a-z]+)", text[end : end + 20])
    return m is not None and m.group(1) in _SUBJECT_VERBS


def _name_word(core: str, initial: int) -> bool:
    """Whether a token can be part of a name run (headline words also need to be known names)."""
    if not core[0].isupper() or core == "I":
        return False
    low = core.rstrip(".").lower()
    if low in _DATE_WORDS or (initial and low in _STOP):
        return False
    if core.isupper() and len(core) > 5 and "." not in core:
        return False  # shouted words ("BREAKING"), not acronyms
    return True


def name_parts(run: str) -> list[list[str]]:
    """The name words of a capitalised run as written, split where find_names would split it.

    Without the sentence around it, a leading stop word ("The", "In") is taken as a
    sentence opener and left out.
    """
    parts: list[list[str]] = []
    words: list[str] = []
    for tok in run.split(" "):
        core, ends = _core(tok)
        if core[:1].isupper():
            ok = _name_word(core, 0) and (words or core.rstrip(".").lower() not in _STOP)
        else:
            ok = bool(words) and (core in CONNECT or core == "the")
        if ok:
            words.append(core)
        if words and (ends or not ok):
            parts.append(words)
            words = []
    if words:
        parts.append(words)
    return parts


_CLOSING = CONNECT | {"the"}
_ACRONYM_RE = re.compile(r"(?:[A-Z]\.?){2,6}")
_ALPHA_RE = re.compile(r"[^\W\d_]")


def _name_key(parts: list[str]) -> str | None:
    """The comparison key of a name's words: "U.S." -> "us", other dots dropped; None if no name."""
    key = " ".join(
        (p.replace(".", "") if _DOTTED_RE.fullmatch(p) else p.replace(".", " ")).strip().lower()
        if "." in p
        else p.lower()
        for p in parts
    )
    if "  " in key or key[:1] == " " or key[-1:] == " ":
        key = " ".join(key.split())
    if key in _STOP or not _ALPHA_RE.search(key):
        return None
    return key


def make_run(words: list[tuple[int, int, str]]) -> NameRun | None:
    """A NameRun from its tokens: titles and a leading "the" are not part of the key."""
    titled = False
    # The span shown is the name itself: "Mr." and "the" are not the fact.
    while len(words) > 1 and (
        words[0][2].rstrip(".").lower() in _TITLES or words[0][2].lower() == "the"
    ):
        titled = titled or words[0][2].lower() != "the"
        words = words[1:]
    while words and words[-1][2].lower() in _CLOSING:
        words = words[:-1]
    if not words:
        return None
    parts = [w[2] for w in words]
    key = _name_key(parts)
    if key is None:
        return None
    acronym = len(parts) == 1 and _ACRONYM_RE.fullmatch(parts[0]) is not None
    return NameRun(words[0][0], words[-1][1], key, titled, acronym)


def name_kind(run: NameRun, surnames: set[str]) -> str:
    """person, place or organisation from titles, a gazetteer and organisation words."""
    key = canonical(run.key)
    words = key.split()
    if run.titled:
        return "person"
    if key in _PLACES:
        return "place"
    if run.acronym or any(w in _ORG_WORDS for w in words):
        return "organisation"
    if words[-1] in surnames:  # used alone elsewhere as a surname of a full name
        return "person"
    return "name"


# ---------------------------------------------------------------- stated anywhere

_WINDOW = 60  # characters read each side of a place that may state a value
_DIGIT_RUN_RE = re.compile(r"[0-9][0-9,.]*")
_YEAR_RUN_RE = re.compile(r"1[89]\d\d|20\d\d")
_SCALE_WORDS = {1e2: "hundred", 1e3: "thousand", 1e6: "million", 1e9: "billion", 1e12: "trillion"}
_WORD_OF = {v: k for k, v in (_UNITS | _TENS).items()}


def _digit_forms(v: float) -> set[str]:
    """How a value may be written in digits: "1500000", "1,500,000", "1,500" (thousand), "1.5"."""
    forms = set()
    for scale in (1.0, 1e3, 1e6, 1e9, 1e12):
        x = round(v / scale, 3)
        if (x < 1 and scale > 1) or abs(v / scale - x) > 1e-9 * max(1.0, abs(x)):
            continue
        if x == int(x):
            forms.update((str(int(x)), f"{int(x):,}"))
        else:
            forms.add(f"{x:.3f}".rstrip("0"))
    return forms


def _word_forms(v: float) -> set[str]:
    """The first word of each way a value may be written in words: "twenty", "million"."""
    forms = set()
    for scale in (1.0, *_SCALE_WORDS):
        x = v / scale
        if x == int(x) and 1 <= x < 100:
            n = int(x)
            first = _WORD_OF.get(n if n < 20 else n // 10 * 10)
            if first and (first != "one" or scale > 1):
                forms.add(first)
            if scale > 1:
                forms.add(_SCALE_WORDS[scale])  # "a million"
    return forms


class StatedFacts:
    """An article's numbers and times, read only around the places that may state a value.

    Why not extract them all: the patterns are costly, and a value can only be written
    with its digits or a few known words, found by one scan each (cached per article).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._digits: dict[str, list[int]] | None = None  # digit run as written -> starts
        self._words: dict[str, list[int]] = {}
        self._lower: str | None = None
        self._near: dict[int, list[Mention]] = {}

    def _digit_runs(self) -> dict[str, list[int]]:
        if self._digits is None:
            self._digits = {}
            for m in _DIGIT_RUN_RE.finditer(self.text):
                self._digits.setdefault(m.group().rstrip(",."), []).append(m.start())
        return self._digits

    def _word(self, word: str) -> list[int]:
        """Where word occurs, in any case and possibly inside a longer word."""
        if word not in self._words:
            if self._lower is None:
                low = self.text.lower()
                # Why the check: a few letters lower-case to two characters, shifting offsets.
                self._lower = low if len(low) == len(self.text) else ""
            found = []
            if self._lower:
                i = self._lower.find(word)
                while i >= 0:
                    found.append(i)
                    i = self._lower.find(word, i + 1)
            else:
                found = [m.start() for m in re.finditer(re.escape(word), self.text, re.I)]
            self._words[word] = found
        return self._words[word]

    def _places(self, m: Mention):
        """Offsets where a fact of the same family and value as m may be written."""
        runs = self._digit_runs()
        if family(m.kind) == "quantity":
            for form in _digit_forms(m.value[1]):
                yield from runs.get(form, ())
            for word in _word_forms(m.value[1]):
                yield from self._word(word)
        elif m.kind == "date":
            month, _, year = m.value
            # A date with a part missing matches any date agreeing on the rest (see _same).
            for name, number in MONTHS.items():
                if month is None or number == month:
                    yield from self._word(name)
            for run, starts in runs.items():
                if (run == str(year)) if year else _YEAR_RUN_RE.fullmatch(run):
                    yield from starts
        elif m.kind == "weekday":
            for name, number in WEEKDAYS.items():
                if number == m.value[0]:
                    yield from self._word(name)
        else:
            what, unit = m.value
            words = {what} if what in ("yesterday", "today", "tomorrow") else {unit}
            words |= {"tonight"} if what == "today" else {"autumn"} if unit == "fall" else set()
            for word in words:
                yield from self._word(word)

    def candidates(self, m: Mention):
        """The article's mentions written near any place that may state m's value."""
        for pos in self._places(m):
            near = self._near.get(pos)
            if near is None:
                lo, hi = max(0, pos - _WINDOW), min(len(self.text), pos + _WINDOW)
                near = self._near[pos] = find_quantities_and_times(self.text, lo, hi)
            yield from near
