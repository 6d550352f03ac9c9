"""Which names an article writes anywhere, answered word by word from its capitalised runs.

The fact detector asks an article a few questions about names it found in a
changed passage: is this name written anywhere ("John Smith", "the United
States")? Is this word a surname used alone? What does this acronym stand for?
Answering them from an index of every name would mean reading every distinct
capitalised run of the article in Python (most of the detector's cost on a big
article). Instead the runs are collected in one C-speed pass and joined into a
set; a question about a word finds the runs holding it and
reads only those (each run once): the runs are found in a dict from each word
piece to the runs holding it, built in one loop over the distinct runs. Acronyms
are looked up in the runs' initials; after ``_EAGER_AFTER`` of those questions
every run is read, so a hostile article cannot make the work quadratic.

The answers are those of reading every run: a question about a word reads every
run the word (or a spelling that folds to it: "U.S." for "united states") could
come from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from reader.core.spin.fact_mentions import (
    _ALPHA_RE,
    ALIASES,
    CONNECT,
    DATE_WORDS,
    STOP_WORDS,
    canonical,
    make_run,
    name_parts,
)

# Every capitalised run of an article in one C-speed pass: words joined by single spaces or
# a connector ("Department of Homeland Security"). Only what a run's words are matters here.
RUN_RE = re.compile(
    r"[A-Z](?<![A-Za-z0-9&][A-Z])[\w’'.&-]*"
    rf"(?: (?:(?:{'|'.join(sorted(CONNECT))})(?: the)? )?[A-Z][\w’'.&-]*)*"
)
_CAPITAL_RE = re.compile(r"\b[A-Z]\w*")
_PIECE_RE = re.compile(r"\w+")
_NOT_PLAIN_RE = re.compile(r"[^A-Za-z0-9]")  # a run of more than one plain word
_CLOSING = CONNECT | {"the"}
_ACRONYM_RE = re.compile(r"\(([A-Z][A-Z.&]{1,7})\)")
_RUN_END_RE = re.compile(RUN_RE.pattern + r" ?$")
# Everything of a piece (a run's words split at spaces and dots) but its first letter.
_PIECE_REST_RE = re.compile(r"(?<=[^\n .])[^\n .]+")
# "US Senate" is the "united states senate": its initials are "uss".
_INNER_US_RE = re.compile(r"(?<![^\n ])usa?(?!\w)")
_INNER_UK_RE = re.compile(r"(?<![^\n ])uk(?!\w)")
_INNER_ALIASES = {"united": ("us", "usa", "uk"), "states": ("us", "usa"), "kingdom": ("uk",)}
_EAGER_AFTER = 24  # acronyms looked up one by one before all runs' initials are indexed
_LONGEST_ACRONYM = 8
# "u.s." is one word ("us"), "st.louis" two.
_DOTTED_LOW_RE = re.compile(r"(?<![^\n ])(?:[a-z]\.){2,}(?=[ \n’'-]|$)")
_PIECES_RE = re.compile(r"[^ .]+")
_CONNECTOR_RE = re.compile(rf"(?<![^ .])(?:{'|'.join(sorted(CONNECT))})(?![^ .])")


def initials(key: str) -> str:
    """ "department of homeland security" -> "dhs" (connectors skipped)."""
    return "".join(w[0] for w in key.split() if w not in CONNECT and w != "the")


def run_keys(run: str) -> list[str]:
    """The canonical keys of the names in one capitalised run as written."""
    if not _NOT_PLAIN_RE.search(run):
        # One plain word (most runs: "The", "Python"): what name_parts and make_run
        # would make of it, without them.
        low = run.lower()
        if (
            run == "I"
            or low in STOP_WORDS
            or low in DATE_WORDS
            or low in _CLOSING
            or (run.isupper() and len(run) > 5)
            or not _ALPHA_RE.search(low)
        ):
            return []
        return [canonical(low)]
    made = (make_run([(0, 0, w) for w in part]) for part in name_parts(run))
    return [canonical(r.key) for r in made if r is not None]


def _sources() -> dict[str, set[str]]:
    """Canonical word -> what to look for in the runs to find every spelling folding to it."""
    found: dict[str, set[str]] = {}
    for source, target in ALIASES.items():
        words = source.split()
        # A word of the spelling is enough to find its run; single letters ("u s") only
        # as the whole spelling (a letter alone is everywhere).
        look = {w for w in words if len(w) > 1 and w not in CONNECT} or {source}
        for w in target.split():
            found.setdefault(w, set()).update(look)
    for w, spellings in _INNER_ALIASES.items():
        found.setdefault(w, set()).update(spellings)
    return found


_SOURCES = _sources()
# Initials of a name an alias folds to ("america" -> "united states": "us").
_ALIAS_INITIALS: dict[str, set[str]] = {}
for _target in set(ALIASES.values()):
    if " " in _target:
        _ALIAS_INITIALS.setdefault(initials(_target), set()).add(_target)


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


class NameIndex:
    """An article's names, read from its capitalised runs as questions need them."""

    def __init__(self, text: str, *, eager: bool = False) -> None:
        self.text = text
        self._eager = eager  # read every run at the first question (many will come)
        self._runs: list[str] | None = None
        self._read: list[bool] = []
        self._all = False
        self._loaded: set[str] = set()
        self.keys: set[str] = set()  # canonical keys of every name read
        self.capitals: set[str] = set()  # every capitalised word read, lower-cased
        self.words: set[str] = set()  # first and last words of multi-word names
        self.lasts: set[str] = set()  # last words of every name
        self.singles: set[str] = set()  # one-word names
        self.by_initials: dict[str, list[str]] = {}  # "dhs" -> multi-word keys with them
        self._initials_asked: set[str] = set()
        self._acronyms: dict[str, str] | None = None
        self._pieces: dict[str, list[int]] = {}
        self._lows: list[str] = []
        self._initial_blob: tuple[str, list[int]] | None = None
        self._initials_index: dict[str, list[int]] | None = None

    # -- reading runs ----------------------------------------------------------------------

    def _setup(self) -> list[str]:
        if self._runs is None:
            runs = self._runs = list(set(RUN_RE.findall(self.text)))
            self._read = [False] * len(runs)
            # Each run under every word piece of it ("U.S." also as "us"), to find the
            # runs a word may come from without reading them.
            blob = "\n".join(runs)
            low = blob.lower()
            lows = low.split("\n") if len(low) == len(blob) else [r.lower() for r in runs]
            index: dict[str, list[int]] = {}
            for k, run in enumerate(lows):
                for piece in _PIECE_RE.findall(run.replace(".", "") if "." in run else run):
                    index.setdefault(piece, []).append(k)
                if "." in run:
                    for piece in _PIECE_RE.findall(run):
                        index.setdefault(piece, []).append(k)
            self._pieces = index
            self._lows = lows
        return self._runs

    def _read_run(self, k: int) -> None:
        if self._read[k]:
            return
        self._read[k] = True
        run = self._runs[k]  # type: ignore[index]
        self.capitals.update(w.lower() for w in _CAPITAL_RE.findall(run))
        for key in run_keys(run):
            words = key.split()
            self.keys.add(key)
            self.lasts.add(words[-1])
            if len(words) > 1:
                self.words.update((words[0], words[-1]))
                self.by_initials.setdefault(initials(key), []).append(key)
            else:
                self.singles.add(key)

    def _read_all(self) -> None:
        if self._runs is None:  # without the piece index, which only lazy questions use
            self._runs = list(set(RUN_RE.findall(self.text)))
            self._read = [False] * len(self._runs)
        self._all = True
        unread = [run for k, run in enumerate(self._runs) if not self._read[k]]
        self._read = [True] * len(self._runs)
        self.capitals.update(w.lower() for w in _CAPITAL_RE.findall(" ".join(unread)))
        for run in unread:
            for key in run_keys(run):
                words = key.split()
                self.keys.add(key)
                self.lasts.add(words[-1])
                if len(words) > 1:
                    self.words.update((words[0], words[-1]))
                    self.by_initials.setdefault(initials(key), []).append(key)
                else:
                    self.singles.add(key)

    def _load(self, word: str) -> None:
        """Read every run that holds word, or a spelling that folds to it, as a word."""
        if word in self._loaded or self._all:
            return
        if self._eager:
            self._read_all()
            return
        self._setup()
        self._loaded.add(word)
        for form in {word} | _SOURCES.get(word, set()):
            # Runs holding the form hold its longest word piece: a superset, read exactly.
            pieces = _PIECE_RE.findall(form)
            if not pieces:
                continue
            for k in self._pieces.get(max(pieces, key=len), ()):
                self._read_run(k)

    # -- questions -------------------------------------------------------------------------

    def has_key(self, key: str) -> bool:
        """Whether some name of the article has this canonical key."""
        self._load(key.split()[-1])
        return key in self.keys

    def has_word(self, word: str) -> bool:
        """Whether word is the first or last word of a multi-word name."""
        self._load(word)
        return word in self.words

    def has_last(self, word: str) -> bool:
        """Whether word ends some name."""
        self._load(word)
        return word in self.lasts

    def has_capital(self, word: str) -> bool:
        """Whether the article writes word capitalised in a name run."""
        self._load(word)
        return word in self.capitals

    def is_surname(self, word: str) -> bool:
        """Whether word is a one-word name that also ends or starts a full name."""
        self._load(word)
        return word in self.singles and word in self.words

    def has_initialism(self, word: str) -> bool:
        """Whether word is the initials of a name or an acronym the article defines."""
        return bool(self._spelled(word)) or word in self.acronyms()

    def expansions(self, word: str) -> list[str]:
        """What the acronym word stands for in this article: names with those initials
        or, when none, the name written before "(WORD)"."""
        found = self._spelled(word)
        if found:
            return found
        defined = self.acronyms().get(word)
        return [defined] if defined is not None else []

    def _spelled(self, word: str) -> list[str]:
        """The multi-word keys whose initials are word."""
        if self._eager and not self._all:
            self._read_all()
        if word not in self._initials_asked and not self._all:
            self._initials_asked.add(word)
            for target in _ALIAS_INITIALS.get(word, ()):
                self.has_key(target)  # "America" read as "united states"
            if len(self._initials_asked) > _EAGER_AFTER:
                # Each question reads all runs' initials: past a few, index them once.
                for k in self._by_initials().get(word, ()):
                    self._read_run(k)
                return self.by_initials.get(word, [])
            blob, starts = self._initials()
            # The letters in order, each the first one after the last: linear, one try a line.
            pattern = "".join(f"[^\n{re.escape(c)}]*{re.escape(c)}" for c in word)
            for m in re.finditer(f"(?m)^{pattern}", blob):
                k = bisect_right(starts, m.start()) - 1
                # One letter: a name of one word besides connectors ("de Niro"), or none.
                if len(word) > 1 or _CONNECTOR_RE.search(self._lows[k]):
                    self._read_run(k)
        return self.by_initials.get(word, [])

    def _by_initials(self) -> dict[str, list[int]]:
        """Initials (2 to 8 letters) -> the runs a name with them may come from."""
        if self._initials_index is None:
            self._setup()
            index: dict[str, list[int]] = {}
            skip = CONNECT | {"the"}
            for k, low in enumerate(self._lows):
                if " " not in low and "." not in low:
                    continue  # one word: no initials of two letters or more
                if "." in low:
                    low = _DOTTED_LOW_RE.sub(lambda m: m.group().replace(".", ""), low)
                letters = []
                for piece in _PIECES_RE.findall(low):
                    core = piece.rstrip("’'")
                    if core in skip:
                        continue
                    letters.append(
                        "us" if core in ("us", "usa") else "uk" if core == "uk" else piece[0]
                    )
                # A name's initials are a run of its pieces' (titles before, connectors out).
                joined = "".join(letters)
                for i in range(len(joined)):
                    for j in range(i + 2, min(len(joined), i + _LONGEST_ACRONYM) + 1):
                        index.setdefault(joined[i:j], []).append(k)
            self._initials_index = index
        return self._initials_index

    def _initials(self) -> tuple[str, list[int]]:
        """Per run, the first letters of its pieces (a superset of any of its names' initials)."""
        if self._initial_blob is None:
            self._setup()
            low = "\n".join(self._lows)
            low = _INNER_UK_RE.sub("u k", _INNER_US_RE.sub("u s", low))
            blob = _PIECE_REST_RE.sub("", low)
            lines = blob.replace(" ", "").replace(".", "").split("\n")
            self._initial_blob = ("\n".join(lines), [0, *accumulate(len(x) + 1 for x in lines)])
        return self._initial_blob

    def acronyms(self) -> dict[str, str]:
        """ "Department of Homeland Security (DHS)": acronyms defined in the text, first wins."""
        if self._acronyms is None:
            self._acronyms = {}
            text = self.text
            for m in _ACRONYM_RE.finditer(text):
                before = _RUN_END_RE.search(text, max(0, m.start() - 120), m.start())
                keys = run_keys(before.group().rstrip()) if before else []
                if keys:
                    self._acronyms.setdefault(m.group(1).replace(".", "").lower(), keys[-1])
        return self._acronyms
