"""Fact mentions in an article (numbers, amounts, dates, names ...) with comparable values."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
_DIGITS = (
    r"(?<![\w.,/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w/])|(?<![\w.,/-])\d+(?:\.\d+)?(?![\w/]|,\d{3})"
)
# Why "one" needs a scale word: bare "one" is mostly a pronoun ("one of them").
_UNIT_NO_ONE = "|".join(sorted(set(_UNITS) - {"one"}, key=len, reverse=True))
_WORDNUM = (
    rf"\b(?:(?:{_TENS_RE})(?:[-\s](?:{_UNIT_RE}))?|(?:{_UNIT_NO_ONE}))(?:\s+{_SCALE_RE})*\b"
    rf"|\bone(?:\s+{_SCALE_RE})+\b"
)
_NUM = rf"(?:(?:{_DIGITS})(?:\s?(?:{_SCALE_RE}|bn|mn|m|k)\b)?|{_WORDNUM}|\ba\s+(?:{_SCALE_RE})\b)"


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

# ---------------------------------------------------------------- time

_MONTHS = {
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
_WEEKDAYS = {
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
    mnum = _MONTHS[month.rstrip(".").lower()] if month else None
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


def find_quantities_and_times(text: str) -> list[Mention]:
    """All number, amount, percentage, age and time mentions, longest first on overlap."""
    found: list[Mention] = []
    add = found.append
    for m in _AMOUNT_SIGN_RE.finditer(text):
        v = number_value(m.group(2))
        if v is not None:
            add(Mention(m.start(), m.end(), "amount", (_CURRENCY_SIGN[m.group(1)], v)))
    for m in _AMOUNT_WORD_RE.finditer(text):
        v = number_value(m.group(1))
        if v is not None:
            add(Mention(m.start(), m.end(), "amount", (_CURRENCY_WORD[m.group(2).lower()], v)))
    for m in _PERCENT_RE.finditer(text):
        v = number_value(m.group(1))
        if v is not None:
            unit = "points" if "point" in m.group(2).lower() else "%"
            add(Mention(m.start(), m.end(), "percentage", (unit, v)))
    for m in _AGE_RE.finditer(text):
        v = number_value(m.group(1) or m.group(2))
        if v is not None:
            add(Mention(m.start(), m.end(), "age", ("age", v)))
    for m in _AGE_APPOS_RE.finditer(text):
        if m.group(1).lower() not in _MONTHS and m.group(1).lower() not in _WEEKDAYS:
            if 0 < int(m.group(2)) < 120:
                add(Mention(m.start(2), m.end(2), "age", ("age", float(m.group(2)))))
    for m in _DATE_RE.finditer(text):
        add(Mention(m.start(), m.end(), "date", _date_value(m)))
    for m in _WEEKDAY_RE.finditer(text):
        mod = (m["mod"] or "").lower()
        mod = {"past": "last", "coming": "next"}.get(mod, mod if mod in ("last", "next") else "")
        day = _WEEKDAYS[m["day"].rstrip(".").lower()]
        add(Mention(m.start(), m.end(), "weekday", (day, mod)))
    for m in _REL_RE.finditer(text):
        add(Mention(m.start(), m.end(), "relative date", _rel_value(m)))
    for m in _NUMBER_RE.finditer(text):
        v = number_value(m.group())
        if v is None:
            continue
        # "COVID-19", "F-35", "H1N1", "9/11": digits glued to a name are part of it.
        if m.start() > 0 and (text[m.start() - 1] == "-" or text[m.start() - 1].isalpha()):
            continue
        add(Mention(m.start(), m.end(), "number", ("n", v)))
    return _resolve_overlaps(found)


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
_DATE_WORDS = frozenset(list(_MONTHS) + list(_WEEKDAYS))

_ORG_WORDS = frozenset(
    "department agency network committee party council university college court house senate "
    "congress association times post news journal institute bureau office commission "
    "administration inc corp corporation company co ltd llc foundation union organization "
    "organisation service services ministry board authority bank group fund center centre "
    "school church army navy force forces police reuters press media tribune herald guardian "
    "federation league club campaign caucus coalition alliance project program council "
    "cabinet parliament assembly pentagon nato fbi cia".split()
)
# A small gazetteer: no NER model is available, and place names are few and stable.
_PLACES = frozenset(
    [
        s.strip()
        for s in (
            "alabama,alaska,arizona,arkansas,california,colorado,connecticut,delaware,florida,georgia,"
            "hawaii,idaho,illinois,indiana,iowa,kansas,kentucky,louisiana,maine,maryland,"
            "massachusetts,michigan,minnesota,mississippi,missouri,montana,nebraska,nevada,"
            "new hampshire,new jersey,new mexico,new york,"
            "north carolina,north dakota,ohio,oklahoma,"
            "oregon,pennsylvania,rhode island,south carolina,south dakota,tennessee,texas,utah,"
            "vermont,virginia,washington,west virginia,wisconsin,"
            "wyoming,united states,mexico,canada,"
            "china,russia,japan,india,germany,france,italy,spain,britain,england,scotland,ireland,"
            "united kingdom,iran,iraq,syria,israel,afghanistan,pakistan,ukraine,north korea,"
            "south korea,korea,cuba,venezuela,brazil,argentina,colombia,guatemala,honduras,"
            "el salvador,nicaragua,turkey,egypt,saudi arabia,yemen,libya,europe,asia,africa,"
            "latin america,middle east,chicago,los angeles,"
            "houston,phoenix,philadelphia,san antonio,"
            "san diego,dallas,miami,atlanta,boston,seattle,denver,detroit,baltimore,new orleans,"
            "las vegas,san francisco,brooklyn,manhattan,london,paris,berlin,moscow,beijing,tokyo,"
            "jerusalem,baghdad,kabul,tehran,havana,ottawa,toronto,mexico city,el paso,tijuana,"
            "washington dc,dc,puerto rico,america,palm beach,charlotte,cleveland,pittsburgh"
        ).split(",")
    ]
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

_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9&]+(?:[’'\-][A-Za-z0-9]+)*\.?")
_SENT_END = frozenset('.!?:;“"‘(—–[')


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


def _tokens(text: str):
    """Word tokens as (start, core_end, core, ends_run): possessives and '-based' cut off."""
    for m in _TOKEN_RE.finditer(text):
        s, tok = m.start(), m.group()
        ends = False
        if tok.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.){2,}", tok):
            core = tok[:-1]
            if core.lower() not in _ABBREV and not re.fullmatch(r"[A-Z]", core):
                tok, ends = core, True  # a sentence end, not an abbreviation
        for poss in ("’s", "'s"):
            if tok.endswith(poss):
                tok, ends = tok[: -len(poss)], True
        hy = re.search(r"-(?=[a-z])", tok)
        if hy:  # "Trump-era", "Mexico-based": the name is the part before the hyphen
            tok, ends = tok[: hy.start()], True
        if tok:
            yield s, s + len(tok), tok, ends


def _is_headline(line: str) -> bool:
    """A title-case line (a headline): its capitals say nothing about names."""
    if re.search(r"[.!?]\s+\S", line.strip()):
        return False  # two sentences on one line: prose
    words = [w for w in re.findall(r"[A-Za-z]+", line) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _starts_sentence(text: str, pos: int, prev_core: str | None) -> bool:
    """Whether the word at pos opens a sentence, quotation or line."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] == "." and prev_core is not None:
        core = prev_core.rstrip(".").lower()
        if core in _ABBREV or len(core) == 1:  # "Mr. Smith", "John F. Kennedy"
            return False
    return text[i] in _SENT_END


def find_names(text: str) -> tuple[list[NameRun], set[str]]:
    """Capitalised name runs of an article, and the capitalised words seen mid-sentence."""
    headline_at: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        if _is_headline(line):
            headline_at.append((pos, pos + len(line)))
        pos += len(line) + 1

    def in_headline(p: int) -> bool:
        return any(a <= p < b for a, b in headline_at)

    toks = []
    prev = None
    for s, e, core, ends in _tokens(text):
        initial = _starts_sentence(text, s, prev)
        head = in_headline(s)
        toks.append((s, e, core, ends, 2 if head else 1 if initial else 0))
        prev = text[s : e + 1] if e < len(text) and text[e] == "." else core
    # Why two passes: a sentence-initial capital is a name only if the article
    # also writes that word capitalised in mid-sentence.
    mid_caps = {c for s, e, c, _, initial in toks if not initial and c[0].isupper()}
    lower_words = {c for _, _, c, _, _ in toks if c[0].islower()}

    runs: list[NameRun] = []
    i, n = 0, len(toks)
    while i < n:
        s, e, core, ends, initial = toks[i]
        if not _name_word(core, initial, mid_caps):
            i += 1
            continue
        words = [(s, e, core)]
        j = i
        while not toks[j][3] and j + 1 < n:
            gap = text[toks[j][1] : toks[j + 1][0]]
            if gap != " ":
                break
            ns, ne, ncore, nends, ninit = toks[j + 1]
            if _name_word(ncore, ninit, mid_caps):
                words.append((ns, ne, ncore))
                j += 1
                continue
            # "Department of Homeland Security": a connector joins two capitalised words.
            if ncore.lower() in CONNECT and j + 2 < n and not nends:
                k = j + 2
                if (
                    toks[k][2].lower() == "the"
                    and k + 1 < n
                    and text[toks[k][1] : toks[k + 1][0]] == " "
                ):
                    k += 1
                if text[toks[k - 1][1] : toks[k][0]] == " " and _name_word(
                    toks[k][2], toks[k][4], mid_caps
                ):
                    words.extend((t[0], t[1], t[2]) for t in toks[j + 1 : k + 1])
                    j = k
                    continue
            break
        # A lone unknown sentence-initial capital ("Fed-up", "Apparently") is an ordinary
        # word, unless it is never written in lower case and acts as a subject ("Okafor said").
        if (
            initial
            and len(words) == 1
            and core not in mid_caps
            and not (initial == 1 and core.lower() not in lower_words and _subject_next(text, e))
        ):
            i = j + 1
            continue
        run = _make_run(words)
        if run is not None:
            runs.append(run)
        i = j + 1
    return runs, mid_caps


# Words that follow a person or organisation as subject ("Okafor said", "Okafor’s").
_SUBJECT_VERBS = frozenset(
    "said says told wrote added noted argued insisted explained asked replied has had is was "
    "will would did does also who announced tweeted claimed called warned".split()
)


def _subject_next(text: str, end: int) -> bool:
    """Whether the word after end is a reporting verb or a possessive."""
    if text.startswith(("’s", "'s"), end):
        return True
    m = re.match(r" ([a-z]+)", text[end : end + 20])
    return m is not None and m.group(1) in _SUBJECT_VERBS


def _name_word(core: str, initial: int, mid_caps: set[str]) -> bool:
    """Whether a token can be part of a name run."""
    if not core[0].isupper() or core == "I":
        return False
    low = core.rstrip(".").lower()
    if low in _DATE_WORDS or (initial and low in _STOP):
        return False
    if initial == 2 and core not in mid_caps:
        return False  # in a headline only words known as names elsewhere count
    if core.isupper() and len(core) > 5 and "." not in core:
        return False  # shouted words ("BREAKING"), not acronyms
    return True


def _make_run(words: list[tuple[int, int, str]]) -> NameRun | None:
    """A NameRun from its tokens: titles and a leading "the" are not part of the key."""
    titled = False
    # The span shown is the name itself: "Mr." and "the" are not the fact.
    while len(words) > 1 and (
        words[0][2].rstrip(".").lower() in _TITLES or words[0][2].lower() == "the"
    ):
        titled = titled or words[0][2].lower() != "the"
        words = words[1:]
    while words and words[-1][2].lower() in CONNECT | {"the"}:
        words = words[:-1]
    parts = [w[2] for w in words]
    if not parts:
        return None
    # "U.S." -> "us"; other dots ("John F. Kennedy") are dropped.
    key = " ".join(
        p.replace(".", "" if re.fullmatch(r"(?:[A-Z]\.){2,}", p) else " ").strip().lower()
        for p in parts
    )
    key = " ".join(key.split())
    if key in _STOP or not any(c.isalpha() for c in key):
        return None
    acronym = len(parts) == 1 and re.fullmatch(r"(?:[A-Z]\.?){2,6}", parts[0]) is not None
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
