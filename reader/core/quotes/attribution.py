"""Who said each quotation: rule-based speaker attribution over the text around it.

The rules, tried in this order for each quotation (the first that answers wins):

1. After the closing mark, in the same sentence: ``“…,” Saludares said``,
   ``“…,” she said``, ``“…,” said Guerra, who…``, ``“…,” Luis Guerra, the
   32-year-old officer…, told Politico``.
2. Before the opening mark, with a cue close to it: ``the White House said: “…”``,
   ``Trump said, “…”``, ``…, tweeting, “…”``; or a colon with no cue, which
   introduces the words of the sentence's subject (``Obama has a new message: “…”``).
3. The quotation opens its paragraph and the previous paragraph ends with a colon
   after a cue: ``Luis Guerra … told Politico:`` / new paragraph ``“…”``.
4. The same speaker as another quotation of the same paragraph
   (``“…,” she said. “…”``), or of the previous paragraph when this quotation
   opens its paragraph and no other cue is there.
5. A cue anywhere earlier in the sentence (partial quotations:
   ``the advocates read a statement blasting … “playing politics …”``).
6. ``according to …`` in the sentence.
7. The sentence's own subject when it is a name (``Trump has used the phrase “…”``).

The mention found (``speaker_span``) is the words the text uses next to the
quotation, which may be a pronoun, a bare surname or a role. ``speaker`` is that
mention resolved: a surname or title + surname to the latest full name with that
surname introduced earlier in the article; ``he``/``she`` to the most recent
person named as a speaker (or, failing that, the most recent full name in the
text); a role to the name it stood in apposition to (``Luis Guerra, the 32-year-old
officer``), and ``the N-year-old`` to the most recent person named. ``they``
resolves to a plural subject (``The advocates …``) of the last two paragraphs and
``it`` to the most recent organisation speaker; otherwise both stay as written.
No rule names a particular person or outlet.

Every search looks at a bounded window around one quotation, and the name index
is one regex pass, so the whole is linear in the article's length.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from reader.core.article import Span
from reader.core.results.comparison import Quote

# Verbs that introduce speech. Forms that are also common nouns ("states", "report",
# "comments", "promise") are left out: "“…” in Democratic-leaning states" is no cue.
_CUE_VERBS = """
say says said saying tell tells told telling add adds added adding ask asks asked asking
explain explains explained explaining write writes wrote writing tweeted tweeting
noted noting stated stating argue argues argued arguing declare declares
declared declaring continue continues continued continuing recall recalls recalled recalling
insist insists insisted insisting claimed claiming replied replying
respond responds responded responding conclude concludes concluded concluding warn warns warned
warning acknowledge acknowledges acknowledged acknowledging commented
commenting remarked remarking admit admits admitted admitting announce announces
announced announcing posted posting read reported reporting
testify testifies testified testifying suggest suggests suggested suggesting predict predicts
predicted predicting promised urged urging
joked joking quipped quipping shouted shouting yelled yelling
cautioned cautioning countered countering observe observes
observed observing emphasize emphasizes emphasized emphasizing stressed
stressing complain complains complained complaining concede concedes conceded conceding
maintain maintains maintained maintaining agree agrees agreed agreeing assert asserts asserted
asserting sings sang singing chanted chanting muttered whispered screamed boasted boasts vowed
vowing pledged proclaim proclaimed proclaims charged alleged alleges lamented laments
retorted interjected
"""
_CUE = r"(?:" + "|".join(sorted(set(_CUE_VERBS.split()), key=len, reverse=True)) + r")"

# Far from the quotation only unambiguous verbs count ("his campaign promise" is a noun).
_WEAK_CUE_RE = re.compile(
    r"\b(?:said|says|told|tells|added|asked|wrote|writes|tweeted|explained|stated|argued|declared"
    r"|insisted|claimed|warned|noted|read|blasting|blasted|accused|criticized|praised|called"
    r"|calling)\b"
)

_PRONOUNS = frozenset("he she they it we i you him her them".split())
_PERSON_PRONOUNS = frozenset("he she him her".split())
_DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your one another some several "
    "many most both each".split()
)
# Capitalised words that start a sentence without starting a name.
_NOT_NAMES = frozenset(
    """
    the a an this that these those his her their its our my your he she they it we i you
    but and or so yet in on at as if when while after before since because although though
    some many most several both each every all any no not one two three according last next
    however meanwhile still also then there here what who why how where which asked said
    mr mrs ms
    """.split()
)
# Words that can precede a name as a title; dropped from the resolved name.
_TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor rep sen gov del pres president vice chairman chairwoman
    chair secretary gen general judge justice mayor rev reverend sir dame lord lady speaker
    senator representative governor attorney sheriff chief lt sgt col capt cmdr adm maj
    commissioner councilman councilwoman congressman congresswoman ambassador minister
    prime premier candidate nominee democratic republican former state
    """.split()
)
_ORG_HEADS = frozenset(
    """
    house times post journal committee department party campaign network news press court
    council congress senate administration union institute center centre foundation agency
    office bureau association group inc corp company university college school police
    ministry government board commission service services tribune herald review magazine
    report ruling book article statement
    """.split()
)
_PARTICLES = r"(?:de|da|del|della|di|du|la|le|van|von|der|den|bin|ibn|al|St\.)"
# A capitalised word; a full stop belongs to it only for a title or an initial.
_NAME_TOKEN = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Del|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Pres|Ft|Mt)\."
    r"|[A-Z]\.|[A-Z][\w'’\-]*)"
)
# The look-ahead changes no match (every token starts with a capital) but lets the
# scan skip the other characters at once: 2x faster over a whole article.
_NAME_RUN = re.compile(
    rf"(?=[A-Z]){_NAME_TOKEN}(?:[ \xa0]+(?:{_PARTICLES}[ \xa0]+)*{_NAME_TOKEN})*"
    r"(?:[ \xa0]*\([^()\n]{1,25}\))?"
)
_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*")
_JOINS_WORD = re.compile(r"[\w'’\-]")  # a character that would make a longer word
_WORD = re.compile(r"[\w'’\-]+\.?|\([^()\n]{1,25}\)")

# Text after a closing mark: ``, said Guerra`` (inverted) or ``Saludares said``.
_AFTER_INVERTED = re.compile(
    rf"[ \t\xa0,]*(?:{_CUE})[ \t\xa0]+(?P<np>[^,;:!?“”\"\n]{{1,120}})",
)
_AFTER_SUBJECT = re.compile(
    r"[ \t\xa0,]*(?P<np>(?:[^\s,;:!?“”\"]+[ \xa0]+){0,6}?[^\s,;:!?“”\"]+"
    r"(?:[ \xa0]*\([^()\n]{1,25}\))?)"
    r"(?P<appos>(?:[ \xa0]*,[^,;.!?“”\"\n]{1,160}){1,2},)?"
    rf"[ \xa0]+(?:\w+ly[ \xa0]+)?(?P<cue>{_CUE})\b",
)
# Text before an opening mark ends with a cue and a few words: ``told Politico:``.
_BEFORE_CUE = re.compile(
    rf"\b(?P<cue>{_CUE})\b(?:(?:[ \xa0]+[^\s“”\",:;]+){{0,5}}[ \xa0]*[:,]|[ \xa0]*[:,]?)[ \xa0]*$",
)
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+(?P<np>[^,;:!?“”\"\n]{1,80})")
_SENTENCE_END = re.compile(r"[.!?…]+[”’\")\]]*\s+(?=[“\"‘(]?[A-Z0-9])|\n")
_ABBREV_DOT = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Del|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Pres|[A-Z])\.$"
)
_WINDOW = 400  # characters looked at on either side of a quotation


@dataclass(frozen=True)
class _Mention:
    span: Span
    text: str


def attribute(text: str, quotations: list[tuple[Span, ...]]) -> tuple[Quote, ...]:
    """Build a ``Quote`` with its speaker for each quotation (given as its fragments)."""
    if not quotations:
        return ()  # the name index below costs a pass over the whole text
    names = _NameIndex(text)
    resolver = _Resolver(text, names)
    # Words the article also writes in lower case are not names when they open a
    # sentence ("Only", "Twenty-nine", "Bemoaning …").
    common = _LowerCaseWords(text)
    found: list[_Mention | None] = []
    paragraph_of: list[tuple[int, int]] = []
    for fragments in quotations:
        start, end = fragments[0][0], fragments[-1][1]
        paragraph_of.append((_paragraph_start(text, start), _paragraph_start(text, end)))
        found.append(_strong_mention(text, start, end))
    # Rule 4: quotations of one paragraph share a speaker; a paragraph-opening
    # quotation with no cue of its own continues the previous paragraph's.
    next_strong: list[int | None] = [None] * len(found)
    upcoming = None
    for k in range(len(found) - 1, -1, -1):
        next_strong[k] = upcoming
        if found[k] is not None:
            upcoming = k
    before = None  # the latest quotation with a speaker
    for k, mention in enumerate(found):
        if mention is not None:
            before = k
            continue
        start = quotations[k][0][0]
        para = paragraph_of[k][0]
        after = next_strong[k]
        opens_paragraph = text[para:start].strip(' \t\xa0“«»„"') == ""
        if before is not None and paragraph_of[before][1] == para:
            found[k] = found[before]
        elif after is not None and paragraph_of[after][0] == para:
            found[k] = found[after]
        elif (
            opens_paragraph
            and before is not None
            and paragraph_of[before][1] == _previous_paragraph_start(text, para)
        ):
            found[k] = found[before]
        else:
            found[k] = _weak_mention(text, start, quotations[k][-1][1], common)
        if found[k] is not None:
            before = k
    quotes = []
    for fragments, mention in zip(quotations, found, strict=True):
        start, end = fragments[0][0], fragments[-1][1]
        speaker = resolver.resolve(mention) if mention else None
        quotes.append(
            Quote(
                start=start,
                end=end,
                speaker=speaker,
                speaker_span=mention.span if mention else None,
                fragments=fragments if len(fragments) > 1 else (),
            )
        )
    return tuple(quotes)


class _LowerCaseWords:
    """Whether the article writes a word in lower case, answered on demand.

    Only rule 7 asks, a few times per quotation-rich article at most: each
    answer is one search of the text (cached), not a pass that collects every
    word up front.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = bool(_LOWER_WORD.fullmatch(word)) and self._written(word)
        return known

    def _written(self, word: str) -> bool:
        """Whether ``word`` occurs on its own: no letter, hyphen or apostrophe joins it."""
        text, size = self._text, len(word)
        at = text.find(word)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + size : at + size + 1]
            if not _JOINS_WORD.match(before) and not (after and _JOINS_WORD.match(after)):
                return True
            at = text.find(word, at + 1)
        return False


# --- finding the mention -------------------------------------------------------------------


def _strong_mention(text: str, start: int, end: int) -> _Mention | None:
    """Rules 1-3: a cue right after or right before the quotation."""
    close = _after_marks(text, end)
    after = None
    if not _ends_sentence(text, end, close):
        after = _mention_after(text, close)
    return after or _mention_before(text, start) or _mention_in_previous_paragraph(text, start)


def _ends_sentence(text: str, end: int, close: int) -> bool:
    """A quotation ending with a full stop ends its sentence unless lower case follows.

    ``“…turning point.” They read…`` starts a new sentence; ``“Yes.” he said``
    is a sloppy comma. Question and exclamation marks are followed by their
    attribution (``“Why?” Smith asked``), so they do not end it here.
    """
    if end == 0 or text[end - 1] not in ".…":
        return False
    following = text[close : close + 1]
    return not following.islower()


def _weak_mention(text: str, start: int, end: int, common: _LowerCaseWords) -> _Mention | None:
    """Rules 5-7: a cue earlier in the sentence, ``according to``, the sentence's subject."""
    sentence_start = _sentence_start(text, start)
    before = text[sentence_start : _before_marks(text, start)]
    cues = list(_WEAK_CUE_RE.finditer(before))
    if cues:
        last = cues[-1]
        mention = _subject_before(text, sentence_start, sentence_start + last.start(), last.group())
        if mention:
            return mention
    sentence_end = _sentence_end(text, end)
    window = text[sentence_start:sentence_end]
    match = _ACCORDING.search(window)
    if match:
        return _head(text, sentence_start + match.start("np"), _cut_phrase(match.group("np")))
    # Rule 7: the sentence's own subject, when it is a name
    # ("Trump has used the phrase “…”", "In a speech, Trump attacked “…”").
    mention = _leading_subject(text, sentence_start, before)
    if mention and _rank(mention.text) == 2:
        tokens = mention.text.split()
        if not tokens[0].endswith(("ing", "ly")) and any(t.lower() not in common for t in tokens):
            return mention
    return None


def _mention_after(text: str, pos: int) -> _Mention | None:
    window = text[pos : min(len(text), pos + _WINDOW)]
    match = _AFTER_INVERTED.match(window)
    if match:
        np = _cut_phrase(match.group("np"))
        return _head(text, pos + match.start("np"), np)
    match = _AFTER_SUBJECT.match(window)
    if (
        match
        and not _crosses_sentence(match.group("np"))
        # "“…” in Democratic-leaning states …" goes on with the writer's sentence.
        and match.group("np").split()[0].lower() not in _PREPOSITIONS | _CONJUNCTIONS
    ):
        return _head(text, pos + match.start("np"), match.group("np"))
    return None


def _mention_before(text: str, start: int) -> _Mention | None:
    open_at = _before_marks(text, start)
    sentence_start = _sentence_start(text, open_at)
    if sentence_start >= open_at:
        return None
    return _cue_at_end(text, sentence_start, open_at)


def _mention_in_previous_paragraph(text: str, start: int) -> _Mention | None:
    para = _paragraph_start(text, start)
    if text[para:start].strip(' \t\xa0“«»„"') != "":
        return None
    end = para
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    return _cue_at_end(text, _sentence_start(text, end - 1), end)


def _cue_at_end(text: str, sentence_start: int, stop: int) -> _Mention | None:
    """A cue a few words before ``stop`` (the opening mark or a paragraph's colon)."""
    lo = max(sentence_start, stop - _WINDOW)
    segment = text[lo:stop]
    match = _BEFORE_CUE.search(segment)
    if match:
        return _subject_before(text, lo, lo + match.start(), match.group("cue"))
    if segment.rstrip(" \t\xa0").endswith(":"):
        # A colon introduces the words of the sentence's subject, cue or not
        # ("Obama is rolling out a new message: “It's about me.”").
        return _leading_subject(text, lo, segment)
    return None


def _subject_before(text: str, lo: int, cue_at: int, cue: str) -> _Mention | None:
    """The subject of a cue from the clause before it (``lo`` is the sentence start)."""
    clause = text[lo:cue_at]
    if cue.endswith("ing"):
        # A participle (``…, saying, “``) takes the sentence's own subject.
        return _leading_subject(text, lo, clause)
    segments = _comma_segments(clause)
    if not segments:
        return None
    trailing_comma = clause.rstrip().endswith(",")
    if trailing_comma and len(segments) >= 2:
        # "Name, appositive, told" or "Intro, Name, told": take the better of the two.
        candidates = [_trailing_np(text, lo, s) for s in segments[-2:]]
        ranked = [(m, _rank(m.text)) for m in candidates if m]
        if ranked:
            best = max(r for _, r in ranked)
            return next(m for m, r in ranked if r == best)
        return None
    return _trailing_np(text, lo, segments[-1])


def _leading_subject(text: str, lo: int, clause: str) -> _Mention | None:
    """The subject opening a clause, skipping introductory phrases and earlier quotations."""
    # "“…,” Mary Cheney wrote, concluding by saying, “…”": the subject follows the
    # earlier quotation, not its first words.
    closed = max(clause.rfind("”"), clause.rfind("»"))
    if clause.count('"') >= 2 and clause.count('"') % 2 == 0:
        closed = max(closed, clause.rfind('"'))
    if closed >= 0:
        lo, clause = lo + closed + 1, clause[closed + 1 :]
    for s_start, s_end in _comma_segments(clause):
        words = list(_WORD.finditer(clause, s_start, s_end))
        if not words:
            continue
        first = words[0].group().lower()
        if first in _PREPOSITIONS:
            continue  # an introductory phrase, not the subject
        taken = [words[0]]
        for w in words[1:]:
            token = w.group()
            if not _is_name_token(token) and (
                taken[-1].group()[:1].isupper() or first not in _DETERMINERS
            ):
                break
            if len(taken) >= 5 or token.lower().endswith("ed"):
                break
            taken.append(w)
        phrase_start, phrase_end = taken[0].start(), taken[-1].end()
        return _head(text, lo + phrase_start, clause[phrase_start:phrase_end])
    return None


_OF = frozenset({"of", "from"})
_CONJUNCTIONS = frozenset("and but or that which to of".split())
_BETWEEN_SUBJECT_AND_CUE = frozenset(
    "that who which has have had also then later previously once again just would will is "
    "was".split()
)
_PREPOSITIONS = frozenset(
    "in on at as after before during since for from with without by about on into over under "
    "when while if although though because following despite amid".split()
)


def _trailing_np(text: str, lo: int, segment: Span) -> _Mention | None:
    """The noun phrase that ends a segment of the clause (right before the cue)."""
    seg_text = text[lo + segment[0] : lo + segment[1]]
    words = list(_WORD.finditer(seg_text))
    if not words:
        return None
    # Relative pronouns and auxiliaries between the subject and the cue.
    while words and (
        words[-1].group().lower() in _BETWEEN_SUBJECT_AND_CUE
        or (words[-1].group().endswith("ly") and words[-1].group().islower())  # "repeatedly"
    ):
        words.pop()
    if not words:
        return None
    last = words[-1].group()
    base = lo + segment[0]
    if last.lower() in _PRONOUNS:
        w = words[-1]
        return _Mention((base + w.start(), base + w.end()), w.group())
    tail = words[-10:]
    # The last determiner, unless it opens an "of" complement ("the president of the
    # United States" is about the president).
    det = None
    for k, w in enumerate(tail):
        if w.group().lower() in _DETERMINERS and (k == 0 or tail[k - 1].group().lower() != "of"):
            det = k
    named_description = det is not None and all(_is_name_token(w.group()) for w in tail[det + 1 :])
    if _is_name_token(last) and not named_description:
        # A name right before the cue: its run of capitalised words.
        k = len(words) - 1
        while k > 0 and (
            _is_name_token(words[k - 1].group())
            or _is_particle(words[k - 1].group())
            # "Sen. Bernie Sanders of Vermont": take in the name before "of".
            or (words[k - 1].group() in _OF and k > 1 and _is_name_token(words[k - 2].group()))
        ):
            k -= 1
        first = words[k]
        phrase = seg_text[first.start() : words[-1].end()]
        return _head(text, base + first.start(), phrase)
    if det is not None and det < len(tail) - 1:
        # A description: "the White House", "the 34-year-old mother of three".
        first = tail[det]
        phrase = seg_text[first.start() : words[-1].end()]
        return _head(text, base + first.start(), phrase)
    return None


def _head(text: str, at: int, phrase: str) -> _Mention | None:
    """The speaker mention inside a subject phrase that starts at ``at``.

    A pronoun is itself; a phrase starting with a determiner is a description
    (``the White House``, ``the 32-year-old officer``) unless a full name follows
    a common noun inside it (``the president's spokesman Josh Earnest``);
    otherwise the last run of capitalised words (``Democratic nominee Hillary
    Clinton`` -> ``Hillary Clinton``) that is not a place or body after "of"
    (``Sen. Kamala Harris of California`` -> ``Sen. Kamala Harris``).
    """
    phrase = phrase.rstrip()
    words = list(_WORD.finditer(phrase))
    if not words or len(words) > 12:
        return None
    first = words[0].group().lower()
    if len(words) == 1 and first in _PRONOUNS:
        return _Mention((at + words[0].start(), at + words[0].end()), words[0].group())
    runs = _name_runs(phrase)
    if first in _DETERMINERS:
        for r_start, r_end in reversed(runs):
            preceding = phrase[:r_start].split()
            multi = len(phrase[r_start:r_end].split()) >= 2
            if (
                multi
                and preceding
                and preceding[-1].lower() not in _DETERMINERS
                and not preceding[-1][:1].isupper()
            ):
                return _Mention((at + r_start, at + r_end), phrase[r_start:r_end])
        end = words[min(len(words), 8) - 1].end()
        return _Mention((at + words[0].start(), at + end), phrase[words[0].start() : end])
    heads = [
        r
        for r in runs
        if _PRECEDING_WORD.search(phrase, 0, r[0]) is None
        or _PRECEDING_WORD.search(phrase, 0, r[0]).group(1).lower() not in _OF
    ]
    if heads or runs:
        r_start, r_end = (heads or runs)[-1]
        return _Mention((at + r_start, at + r_end), phrase[r_start:r_end])
    for w in words:
        if w.group().lower() in _PRONOUNS:
            return _Mention((at + w.start(), at + w.end()), w.group())
    return None


def _name_runs(phrase: str) -> list[Span]:
    """Runs of capitalised words in a phrase, sentence-starting function words dropped."""
    runs = []
    for match in _NAME_RUN.finditer(phrase):
        s, e = match.span()
        tokens = list(_WORD.finditer(phrase, s, e))
        while tokens and _plain(tokens[0].group()) in _NOT_NAMES:
            tokens.pop(0)
        if tokens:
            runs.append((tokens[0].start(), tokens[-1].end()))
    return runs


def _plain(token: str) -> str:
    """A token lower-cased without a final full stop or possessive: "It’s" -> "it"."""
    return re.sub(r"['’]s$", "", token.rstrip(".")).lower()


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() and _plain(token) not in _NOT_NAMES or token.startswith("(")


def _is_particle(token: str) -> bool:
    return token in (
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "la",
        "le",
        "van",
        "von",
        "der",
        "bin",
        "al",
    )


def _rank(mention_text: str) -> int:
    first = mention_text.split()[0].lower()
    if first in _PRONOUNS:
        return 1
    if first in _DETERMINERS:
        return 0
    return 2


def _cut_phrase(np: str) -> str:
    """An inverted subject ends at a full stop that is not an abbreviation's, or a relative."""
    for match in re.finditer(r"\.(?=\s|$)", np):
        if not _ABBREV_DOT.search(np[: match.end()]):
            np = np[: match.start()]
            break
    cut = _INVERTED_SUBJECT_END.search(np)
    if cut:
        np = np[: cut.start()]
    return np.strip()


_INVERTED_SUBJECT_END = re.compile(
    r"\s(?:who|whose|which|in|at|on|during|after|before|as|when|while|to|about|from|for|with|by"
    r"|of the|that)\b"
)


def _crosses_sentence(np: str) -> bool:
    for match in re.finditer(r"[.!?](?=\s)", np):
        if not _ABBREV_DOT.search(np[: match.end()]):
            return True
    return False


def _comma_segments(clause: str) -> list[Span]:
    """Spans of the clause between top-level commas (commas in parentheses are kept)."""
    segments = []
    depth = 0
    start = 0
    for i, ch in enumerate(clause):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            if clause[start:i].strip():
                segments.append((start, i))
            start = i + 1
    if clause[start:].strip():
        segments.append((start, len(clause)))
    return segments


# --- positions -----------------------------------------------------------------------------


def _after_marks(text: str, end: int) -> int:
    """The position after the closing mark(s) and punctuation that end a quotation."""
    i = end
    n = len(text)
    while i < n and text[i] in ",.!?…” »«\"’'":
        if text[i] in ".!?" and i > end and text[i - 1] in '”»"':
            break
        i += 1
    return i


def _before_marks(text: str, start: int) -> int:
    i = start
    while i > 0 and text[i - 1] in '“«»„"‘ \t\xa0':
        i -= 1
    return i


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _previous_paragraph_start(text: str, para: int) -> int:
    i = para - 1
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text.rfind("\n", 0, i) + 1


def _sentence_start(text: str, pos: int) -> int:
    lo = max(_paragraph_start(text, pos), pos - _WINDOW)
    start = lo
    for match in _SENTENCE_END.finditer(text, lo, pos):
        if not _ABBREV_DOT.search(text[max(lo, match.start() - 6) : match.start() + 1]):
            start = match.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    hi = min(len(text), pos + _WINDOW)
    newline = text.find("\n", pos, hi)
    return newline if newline >= 0 else hi


# --- resolving the mention to a name -------------------------------------------------------


class _NameIndex:
    """Every full name (two or more capitalised words) in the text, by surname."""

    def __init__(self, text: str) -> None:
        self.by_last: dict[str, list[tuple[int, str]]] = {}
        self.people: list[tuple[int, str]] = []
        self.roles: dict[str, list[tuple[int, str]]] = {}  # role head word -> (position, name)
        for match in _NAME_RUN.finditer(text):
            raw = match.group()
            if " " not in raw and "\xa0" not in raw:
                continue  # one word: never a full name (most capitalised runs)
            name = _clean_name(raw)
            if len(name.split()) < 2 or not _looks_like_person(name):
                continue
            key = name.split()[-1].lower()
            self.by_last.setdefault(key, []).append((match.start(), name))
            preceding = _PRECEDING_WORD.search(text, max(0, match.start() - 12), match.start())
            if preceding and preceding.group(1).lower() in _PLACE_PREPOSITIONS:
                continue  # "based out of New Mexico", "with Colores United": a place or body
            self.people.append((match.start(), name))
            role = _APPOSITIVE.match(text, match.end())
            if role:
                head = role.group("head").lower()
                self.roles.setdefault(head, []).append((match.start(), name))
        self._people_pos = [p for p, _ in self.people]

    def full_name(self, surname: str, before: int) -> str | None:
        entries = self.by_last.get(surname.lower())
        if not entries:
            return None
        k = bisect.bisect_left(entries, (before, ""))
        return entries[k - 1][1] if k else None

    def last_person(self, before: int) -> str | None:
        k = bisect.bisect_left(self._people_pos, before)
        return self.people[k - 1][1] if k else None

    def role(self, head: str, before: int) -> str | None:
        entries = self.roles.get(head)
        if not entries:
            return None
        k = bisect.bisect_left(entries, (before, ""))
        return entries[k - 1][1] if k else None


_PRECEDING_WORD = re.compile(r"(\w+)[ \xa0]+$")
_PLACE_PREPOSITIONS = _PREPOSITIONS | {"of", "to"}
# ", the 32-year-old officer at …," after a name: the role's head word is "officer".
_APPOSITIVE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[^\s,;:.“”\"]+\s+){0,6}?(?P<head>[^\s,;:.“”\"]+)"
    r"(?=\s+(?:at|of|for|with|from|in|who)\b|,)"
)


class _Resolver:
    def __init__(self, text: str, names: _NameIndex) -> None:
        self.text = text
        self.names = names
        self.recent_people: list[tuple[int, str]] = []
        self.recent_groups: list[tuple[int, str]] = []

    def resolve(self, mention: _Mention) -> str:
        at = mention.span[0]
        words = mention.text.split()
        first = words[0].lower()
        if len(words) == 1 and first in _PRONOUNS:
            if first in _PERSON_PRONOUNS:
                name = self._recent(self.recent_people, at) or self.names.last_person(at)
                return name or mention.text
            if first in ("they", "them"):
                return self._plural_subject(at) or mention.text
            if first == "it":
                return self._recent(self.recent_groups, at) or mention.text
            return mention.text
        if first in _DETERMINERS:
            head = re.sub(r"'s$|’s$", "", words[-1].lower())
            name = self.names.role(head, at)
            if name is None and re.fullmatch(r"\d+-year-old", head):
                name = self._recent(self.recent_people, at) or self.names.last_person(at)
            if name:
                self.recent_people.append((at, name))
                return name
            described = ("the " + " ".join(words[1:])) if first == "the" else mention.text
            self.recent_groups.append((at, described))
            return described
        name = _clean_name(mention.text) or mention.text
        tokens = name.split()
        if len(tokens) == 1:
            full = self.names.full_name(tokens[0], at + 1)
            if full:
                name = full
        if _looks_like_person(name):
            self.recent_people.append((at, name))
        else:
            self.recent_groups.append((at, name))
        return name

    def _plural_subject(self, before: int) -> str | None:
        """``they``: the latest sentence-initial ``the …s`` in the last two paragraphs."""
        para = _paragraph_start(self.text, before)
        lo = _previous_paragraph_start(self.text, para) if para else 0
        found = None
        for match in _PLURAL_SUBJECT.finditer(self.text, max(lo, before - 2 * _WINDOW), before):
            found = match.group("np")
        if found is None:
            return None
        return "the " + found.split(None, 1)[1]

    @staticmethod
    def _recent(entries: list[tuple[int, str]], before: int) -> str | None:
        for pos, name in reversed(entries):
            if pos < before:
                return name
        return None


# "The advocates", "the immigration groups": a plural subject opening a sentence or clause.
_PLURAL_SUBJECT = re.compile(
    r"(?:^|(?<=[.!?”\"] )|(?<=\n)|(?<=, ))"
    r"(?P<np>[Tt]he(?: [a-z][\w-]*){0,3} [a-z][\w-]*[^s\W]s)\b(?! of)"
)


_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_POSSESSIVE = re.compile(r"(?<=s)['’]$|['’]s$")


def _clean_name(raw: str) -> str:
    """Drop a parenthetical (``(D-Wis.)``), a possessive and leading titles from a name."""
    name = _PARENTHETICAL.sub("", raw).strip() if "(" in raw else raw.strip()
    if name.endswith(("'", "’", "s")):
        name = _POSSESSIVE.sub("", name)
    tokens = name.split()
    while tokens and tokens[0].rstrip(".").lower() in _NOT_NAMES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[0].rstrip(".").lower() in _TITLES:
        tokens.pop(0)
    return " ".join(tokens)


def _looks_like_person(name: str) -> bool:
    tokens = name.split()
    if not tokens or tokens[0].lower() in _DETERMINERS:
        return False
    if tokens[-1].lower() in _ORG_HEADS or tokens[-1].isupper():
        return False
    return all(t[:1].isupper() or _is_particle(t) for t in tokens)
