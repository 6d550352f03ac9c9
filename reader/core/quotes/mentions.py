"""Finding the mention of a quotation's speaker: the words next to it that name who spoke.

Rules 1-7 of ``attribution`` live here (each marked "Rule N"), with the phrase
helpers they share; the positions they search between (sentence, paragraph,
marks) are in ``positions``. Every search is bounded by ``WINDOW`` characters
around the quotation. One module (~570 lines) because the seven rules share the
phrase helpers (subject, trailing noun phrase, head, name runs); split they
would import each other's privates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.article import Span
from reader.core.quotes import positions
from reader.core.quotes.cues import (
    ABBREV_DOT,
    ACCORDING,
    AFTER_INVERTED,
    AFTER_SUBJECT,
    BEFORE_CUE,
    BETWEEN_SUBJECT_AND_CUE,
    CONJUNCTIONS,
    DETERMINERS,
    JOINS_WORD,
    LOWER_WORD,
    NAME_RUN,
    NAMING_CUES,
    NOT_NAMES,
    OF,
    ORG_HEADS,
    PARTICLES,
    PERSON_PRONOUNS,
    PRECEDING_WORD,
    PREPOSITIONS,
    PRONOUNS,
    TITLES,
    VERBISH,
    WEAK_CUE_RE,
    WINDOW,
    WORD,
)
from reader.core.quotes.lazy_re import lazy
from reader.core.quotes.positions import (
    after_marks,
    before_marks,
    opening_paragraph,
)


@dataclass(frozen=True)
class Mention:
    """The words naming a speaker; ``cue`` is the verb they were found by, when known."""

    span: Span
    text: str
    cue: str = ""


class LowerCaseWords:
    """Whether the article writes a word in lower case, answered on demand.

    Only rule 7 asks, a few times per ordinary article: the first answers are
    one search of the text each (cached); past ``_SEARCHES`` questions (a
    quotation-dense or hostile text) one pass collects every lower-case word, so
    the work stays linear however many distinct words are asked about.
    """

    _SEARCHES = 256  # a search is a fast scan: 256 of them cost about one pass of the regex

    def __init__(self, text: str) -> None:
        self._text = text
        self._known: dict[str, bool] = {}
        self._all: frozenset[str] | None = None

    def __contains__(self, word: str) -> bool:
        known = self._known.get(word)
        if known is None:
            if not LOWER_WORD.fullmatch(word):
                known = False
            elif self._all is not None:
                known = word in self._all
            elif len(self._known) >= self._SEARCHES:
                self._all = frozenset(_STANDALONE_LOWER.findall(self._text))
                known = word in self._all
            else:
                known = self._written(word)
            self._known[word] = known
        return known

    def _written(self, word: str) -> bool:
        """Whether ``word`` occurs on its own: no letter, hyphen or apostrophe joins it."""
        text, size = self._text, len(word)
        at = text.find(word)
        while at >= 0:
            before = text[at - 1] if at else " "
            after = text[at + size : at + size + 1]
            if not JOINS_WORD.match(before) and not (after and JOINS_WORD.match(after)):
                return True
            at = text.find(word, at + 1)
        return False


# A lower-case word standing on its own (what ``_written`` checks, for every word at once).
_STANDALONE_LOWER = lazy(r"(?<![\w'’\-])[a-z][a-z'’\-]*(?![\w'’\-])")


# --- finding the mention -------------------------------------------------------------------


def strong_mention(text: str, start: int, end: int) -> Mention | None:
    """Rules 1-3: a cue right after or right before the quotation."""
    close = after_marks(text, end)
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


def cue_in_sentence(text: str, start: int, common: LowerCaseWords | None = None) -> Mention | None:
    """Rule 5: a cue earlier in the quotation's sentence names its subject as the speaker.

    ``The advocates read a statement blasting … for “…”``: the subject of the
    clause that carries the quotation. A speech noun owned by someone between
    that cue and the quotation names the owner instead (``said that Biden isn't
    living up to his campaign promise to run a “…” program``: Biden's words).
    A document as the subject (``issued a statement that said “…”``) stands for
    whoever issued it, when the clause says who. What a naming cue names is not
    the speaker (``Brooks called Mr. Dunne's remarks “…”``: Brooks's words).
    """
    sentence_start = positions.sentence_start(text, start)
    before = text[sentence_start : before_marks(text, start)]
    cues = list(WEAK_CUE_RE.finditer(before))
    naming = bool(cues) and cues[-1].group() in NAMING_CUES
    owned = _owned_speech(text, sentence_start, before, cues[-1].end() if cues else 0, naming)
    if owned:
        return owned
    if not cues:
        return None
    last = cues[-1]
    mention = _subject_before(text, sentence_start, sentence_start + last.start(), last.group())
    if mention and common is not None and mention.text.lower() in PERSON_PRONOUNS:
        # "Tolland condemned what she called “…”": a pronoun inside the sentence is
        # its named subject, not whoever spoke last.
        clause = text[sentence_start : mention.span[0]]
        lead = _leading_subject(text, sentence_start, clause)
        if lead is None or _rank(lead.text) == 0:
            # "the group's chief executive, Barry Rand, issued … what he called": the
            # name in apposition to a described subject.
            lead = _apposed_name(text, sentence_start, clause) or lead
        if (
            lead is not None
            and lead.span[1] <= mention.span[0]
            and _named(lead, common)
            # Another name nearer the pronoun may be whom it means ("Hale criticized
            # Cole after she called"): then recency decides, as before.
            and not _name_runs(text[lead.span[1] : mention.span[0]])
        ):
            return lead
    if mention:
        return _issuer(text, sentence_start, mention) or mention
    return None


def weak_mention(
    text: str, start: int, end: int, common: LowerCaseWords, *, cue_tried: bool = False
) -> Mention | None:
    """Rules 5-7: a cue earlier in the sentence, ``according to``, the sentence's subject.

    ``cue_tried``: the caller asked ``cue_in_sentence`` already (and it found nothing).
    """
    if not cue_tried:
        mention = cue_in_sentence(text, start, common)
        if mention:
            return mention
    sentence_start = positions.sentence_start(text, start)
    before = text[sentence_start : before_marks(text, start)]
    sentence_end = positions.sentence_end(text, end)
    window = text[sentence_start:sentence_end]
    match = ACCORDING.search(window)
    if match:
        return _head(text, sentence_start + match.start("np"), _cut_phrase(match.group("np")))
    # Rule 7: the sentence's own subject, when it is a name
    # ("Trump has used the phrase “…”", "In a speech, Trump attacked “…”").
    mention = _leading_subject(text, sentence_start, before)
    if mention and _HEADING_COLON.match(text, mention.span[1]) and _heading(mention.text, common):
        # "Veto Power Impedes Peace: Ending “…” is …": a run-in heading or a label,
        # not the subject of the clause that carries the quotation.
        return None
    if mention and _named(mention, common):
        return mention
    return None


def _heading(phrase: str, common: LowerCaseWords) -> bool:
    """A Title Case heading, not a label ("Mayor Ruiz:"): 3+ words, most of them words the
    article also writes in lower case ("Veto Power Impedes Peace Efforts")."""
    words = phrase.split()
    return len(words) >= 3 and sum(w.lower() in common for w in words) * 2 > len(words)


def _named(mention: Mention, common: LowerCaseWords) -> bool:
    """Whether a sentence's subject is a name, not a capitalised common word opening it."""
    tokens = mention.text.split()
    return (
        _rank(mention.text) == 2
        and not tokens[0].endswith(("ing", "ly"))  # "Pacing the stage, he …"
        and any(t.lower() not in common for t in tokens)  # "Instead, he …"
    )


# Speech nouns that an owner's possessive turns into the owner's words.
_OWNED_SPEECH = lazy(
    r"\b(?P<owner>[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.\-]*[ \xa0]){0,2}[A-Z][\w.\-]*['’]s?)"
    r"[ \xa0]+(?:[a-z][\w\-]*[ \xa0]+){0,2}?"
    r"(?:promises?|pledges?|vows?|words|remarks|comments|claims?|assurances?|slogan|motto|mantra"
    r"|catchphrase|refrain|description|characterization|phrase|call|calls|warnings?|message)\b"
    r"(?P<rest>[^,;:.!?“”\"]{0,60})$"
)
_ISSUING_VERB = lazy(
    r"\b(?:issued|released|read|published|posted|sent|wrote|signed|filed|delivered|put[ \xa0]out"
    r"|circulated|shared)[ \xa0]+$"
)
_DOCUMENTS = frozenset(
    "statement statements letter release memo email e-mail tweet post note message petition "
    "op-ed editorial".split()
)


def _owned_speech(
    text: str, lo: int, before: str, after_cue: int, naming: bool = False
) -> Mention | None:
    """``his campaign promise to …`` right before the quotation: its owner.

    See ``cue_in_sentence``; ``after_cue`` is where the search starts (after the
    last cue). ``naming``: that cue names what follows it; speech owned right
    after it is its object (``called his remarks “…”``), not the quotation's source.
    """
    match = _OWNED_SPEECH.search(before, after_cue)
    if match is None or WEAK_CUE_RE.search(match.group("rest")):
        return None
    if naming and not before[after_cue : match.start()].strip():
        return None
    owner = match.group("owner")
    at = lo + match.start("owner")
    if owner.lower() == "their":
        # A group's: the subject of the sentence ("Members of … stepped up their calls").
        return _leading_subject(text, lo, before[: match.start("owner")], past_terms=True)
    if owner.lower() in ("his", "her"):
        # The possessive refers to the nearest name before it in the sentence, the
        # subject of its clause ("that Biden isn't living up to his promise").
        runs = _name_runs(before[: match.start("owner")])
        if runs:
            r_start, r_end = runs[-1]
            return Mention((lo + r_start, lo + r_end), before[r_start:r_end])
        pronoun = {"his": "he", "her": "she", "their": "they"}[owner.lower()]
        return Mention((at, at + len(owner)), pronoun)
    name = re.sub(r"['’]s?$", "", owner)
    return _head(text, at, name)


def _issuer(text: str, lo: int, mention: Mention) -> Mention | None:
    """``X issued a statement that said …``: X, when the mention is a document X issued."""
    words = mention.text.split()
    if len(words) < 2 or words[0].lower() not in DETERMINERS or words[-1].lower() not in _DOCUMENTS:
        return None
    verb = _ISSUING_VERB.search(text, max(lo, mention.span[0] - 40), mention.span[0])
    if verb is None:
        return None
    subject = _leading_subject(text, lo, text[lo : verb.start()], past_terms=True)
    if subject is None or subject.text.split()[-1].lower() in _DOCUMENTS:
        return None
    return subject


def _mention_after(text: str, pos: int) -> Mention | None:
    window = text[pos : min(len(text), pos + WINDOW)]
    match = AFTER_INVERTED.match(window)
    if match and match.group("cue").endswith("ing"):
        # "“…,” adding that they …": a participle takes an object, never an inverted subject.
        match = None
    if match:
        np = _cut_phrase(match.group("np"))
        found = _head(text, pos + match.start("np"), np)
        return found and Mention(found.span, found.text, match.group("cue"))
    match = AFTER_SUBJECT.match(window)
    if (
        match
        and not _crosses_sentence(match.group("np"))
        # "“…” in Democratic-leaning states …" goes on with the writer's sentence.
        and match.group("np").split()[0].lower() not in PREPOSITIONS | CONJUNCTIONS
    ):
        found = _head(text, pos + match.start("np"), match.group("np"))
        return found and Mention(found.span, found.text, match.group("cue"))
    return None


def _mention_before(text: str, start: int) -> Mention | None:
    open_at = before_marks(text, start)
    sentence_start = positions.sentence_start(text, open_at)
    if sentence_start >= open_at:
        return None
    return _cue_at_end(text, sentence_start, open_at)


def _mention_in_previous_paragraph(text: str, start: int) -> Mention | None:
    para = opening_paragraph(text, start)
    if para is None:
        return None
    end = para
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    return _cue_at_end(text, positions.sentence_start(text, end - 1), end)


def _cue_at_end(text: str, sentence_start: int, stop: int) -> Mention | None:
    """A cue a few words before ``stop`` (the opening mark or a paragraph's colon)."""
    lo = max(sentence_start, stop - WINDOW)
    segment = text[lo:stop]
    match = BEFORE_CUE.search(segment)
    if match:
        return _subject_before(text, lo, lo + match.start(), match.group("cue"))
    if segment.rstrip(" \t\xa0").endswith(":"):
        # A colon introduces the words of the sentence's subject, cue or not
        # ("Obama is rolling out a new message: “It's about me.”"); a term quoted
        # earlier in the sentence does not move the subject, when it is a name.
        subject = _leading_subject(text, lo, segment, past_terms=True)
        if subject is not None and _rank(subject.text) >= 1:
            return subject
        return _leading_subject(text, lo, segment)
    return None


def _subject_before(text: str, lo: int, cue_at: int, cue: str) -> Mention | None:
    """The subject of a cue from the clause before it (``lo`` is the sentence start)."""
    clause = text[lo:cue_at]
    if cue.endswith("ing"):
        # A participle (``…, saying, “``) takes the sentence's own subject.
        return _leading_subject(text, lo, clause, past_terms=True)
    segments = _comma_segments(clause)
    if not segments:
        return None
    trailing_comma = clause.rstrip().endswith(",")
    relative = _RELATIVE_OPENING.match(clause, segments[-1][0])
    if relative and len(segments) >= 2 and not _has_subject(clause, relative.end(), len(clause)):
        # "McConnell, now the leader, who in 2010 said": the antecedent of "who", the
        # phrase right before it, or past an appositive as for "McConnell, now the
        # leader, said" ("who she said ..." has a subject of its own: not this rule).
        segments = segments[:-1]
        if not _appositive(clause, segments[-1]):
            return _trailing_np(text, lo, segments[-1])
        trailing_comma = True
    if trailing_comma and len(segments) >= 2:
        # "Name, appositive, told", "Intro, Name, told", "Name, appositive, appositive,
        # told": the best of the last three, the earliest of equals.
        last = segments[-3:]
        # An introductory phrase ("From Washington on Monday,") names no subject,
        # unless nothing else does ("While Sen. Schatz, in an interview, called").
        ranked = _ranked(text, lo, [s for s in last if _first_word(clause, s) not in PREPOSITIONS])
        ranked = ranked or _ranked(text, lo, last)
        if ranked:
            best = max(r for _, r in ranked)
            return next(m for m, r in ranked if r == best)
        return None
    return _trailing_np(text, lo, segments[-1])


def _ranked(text: str, lo: int, segments: list[Span]) -> list[tuple[Mention, int]]:
    mentions = (_trailing_np(text, lo, s) for s in segments)
    return [(m, _rank(m.text)) for m in mentions if m]


def _has_subject(clause: str, start: int, end: int) -> bool:
    """Whether clause[start:end] holds a pronoun or a name (a subject of its own)."""
    return any(
        w.group().lower() in PRONOUNS or _is_name_token(w.group())
        for w in WORD.finditer(clause, start, end)
    )


def _appositive(clause: str, segment: Span) -> bool:
    """Whether a segment reads as an appositive: "now the party leader", "a Democrat"."""
    first = _first_word(clause, segment)
    return first in DETERMINERS or first in ("now", "then", "formerly")


def _apposed_name(text: str, lo: int, clause: str) -> Mention | None:
    """The name set beside a described subject: "the group's chief, Barry Rand, said"."""
    segments = [s for s in _comma_segments(clause) if _first_word(clause, s) not in PREPOSITIONS]
    if len(segments) < 3 or _first_word(clause, segments[0]) not in DETERMINERS:
        return None  # (a third segment: the name is closed by a comma, not the clause's end)
    start, end = segments[1]
    name = clause[start:end].strip()
    tokens = name.split()
    # A full name of a person: two to four capitalised words, none a body's head
    # or an initialism ("Plan B", "Maricopa" are no people).
    if not 2 <= len(tokens) <= 4 or not all(_is_name_token(t) for t in tokens):
        return None
    if any(t.isupper() for t in tokens) or tokens[-1].lower() in ORG_HEADS:
        return None
    at = lo + clause.index(name, start)
    return Mention((at, at + len(name)), name)


def _first_word(clause: str, segment: Span) -> str:
    word = WORD.search(clause, segment[0], segment[1])
    return word.group().lower() if word else ""


def _leading_subject(
    text: str, lo: int, clause: str, *, past_terms: bool = False
) -> Mention | None:
    """The subject opening a clause, skipping introductory phrases and earlier quotations.

    ``past_terms``: skip only an earlier quotation whose attribution follows it,
    not a term quoted inside the sentence (for a participle's subject).
    """
    # "“…,” Mary Cheney wrote, concluding by saying, “…”": the subject follows the
    # earlier quotation, not its first words, when that quotation's attribution
    # follows it; a term quoted inside the sentence ("made his first “Crooked
    # Hillary” post") leaves the sentence's subject where it was.
    closed = max(clause.rfind("”"), clause.rfind("»"))
    if clause.count('"') >= 2 and clause.count('"') % 2 == 0:
        closed = max(closed, clause.rfind('"'))
    if closed >= 0 and (not past_terms or _mention_after(text, lo + closed + 1) is not None):
        lo, clause = lo + closed + 1, clause[closed + 1 :]
    for s_start, s_end in _comma_segments(clause):
        words = list(WORD.finditer(clause, s_start, s_end))
        if not words:
            continue
        first = words[0].group().lower()
        if first in PREPOSITIONS or first == "according":
            continue  # an introductory phrase, not the subject
        taken = [words[0]]
        for w in words[1:]:
            token = w.group()
            last = taken[-1].group()
            if (
                not _is_name_token(token)
                and (
                    first not in _NOUN_DETERMINERS
                    # After a determiner, common nouns up to the verb: "The advocates read …";
                    # a name or a plural head ends the phrase ("The White House said"), and
                    # so do a function word, a contraction or a quotation mark.
                    or (len(taken) > 1 and (last[:1].isupper() or _plural_head(last)))
                    or token.lower() in VERBISH
                    or token.lower() in PREPOSITIONS | CONJUNCTIONS
                    or not _PLAIN_WORD.fullmatch(token)
                    or _MARK.search(clause, taken[-1].end(), w.start())
                )
            ):
                break
            if len(taken) >= 5 or token.lower().endswith("ed"):
                break
            taken.append(w)
        phrase_start, phrase_end = taken[0].start(), taken[-1].end()
        return _head(text, lo + phrase_start, clause[phrase_start:phrase_end])
    return None


WORD_WITH_DOTS = lazy(r"[\w.'’\-]+")
_HEADING_COLON = lazy(r"[ \t\xa0]*:")

# A clause segment opened by a relative pronoun of a person: ", who in 2010 said".
_RELATIVE_OPENING = lazy(r"\s*who\b")
# Determiners that open a noun phrase (not "that", which also opens a clause).
_NOUN_DETERMINERS = DETERMINERS - {"that", "one"}
_PLAIN_WORD = lazy(r"[A-Za-z][a-z\-]*|\d[\w\-]*")
_MARK = lazy(r'[“”«»„"]')


def _plural_head(word: str) -> bool:
    """A lower-case plural noun ("advocates", "people"), the usual end of a subject phrase."""
    return word.islower() and (
        word in ("people", "men", "women", "children") or (word.endswith("s") and word[-2:] != "ss")
    )


_TIME_PREPOSITIONS = frozenset("on in during".split())
# Where a name or description after them is a place, not a subject.
_PLACE_PREPOSITIONS = frozenset("in on near inside outside across".split())


def _trailing_np(text: str, lo: int, segment: Span) -> Mention | None:
    """The noun phrase that ends a segment of the clause (right before the cue)."""
    seg_text = text[lo + segment[0] : lo + segment[1]]
    words = list(WORD.finditer(seg_text))
    if not words:
        return None
    # Relative pronouns and auxiliaries between the subject and the cue.
    person = False  # "… hope in Biden who promised": "who" says a person, never a place
    while words and (
        words[-1].group().lower() in BETWEEN_SUBJECT_AND_CUE
        or (words[-1].group().endswith("ly") and words[-1].group().islower())  # "repeatedly"
    ):
        person = person or words[-1].group().lower() == "who"
        words.pop()
    if not words:
        return None
    last = words[-1].group()
    base = lo + segment[0]
    if last.lower() in PRONOUNS:
        w = words[-1]
        return Mention((base + w.start(), base + w.end()), w.group())
    tail = words[-10:]
    # The last determiner, unless it opens an "of" complement ("the president of the
    # United States" is about the president).
    det = None
    for k, w in enumerate(tail):
        if w.group().lower() in DETERMINERS and (k == 0 or tail[k - 1].group().lower() != "of"):
            if w.group() == "that" and k + 1 < len(tail) and _is_name_token(tail[k + 1].group()):
                continue  # "a fire that Mayor Okafor described": a clause, not "that Mayor"
            det = k
    named_description = det is not None and all(_is_name_token(w.group()) for w in tail[det + 1 :])
    if _is_name_token(last) and not named_description:
        # A name right before the cue: its run of capitalised words.
        k = len(words) - 1
        while k > 0 and (
            _is_name_token(words[k - 1].group())
            or words[k - 1].group() in PARTICLES
            # "Sen. Bernie Sanders of Vermont": take in the name before "of".
            or (words[k - 1].group() in OF and k > 1 and _is_name_token(words[k - 2].group()))
        ):
            k -= 1
        if (
            k >= 2
            and words[k - 1].group() in _TIME_PREPOSITIONS
            and _is_name_token(words[k - 2].group())
        ):
            # "President Trump on Monday called …": a time phrase between the subject
            # and its verb; the subject is the name before it.
            return _trailing_np(text, lo, (segment[0], segment[0] + words[k - 1].start()))
        before = k - 1
        if not person and before >= 0 and words[before].group() in _PLACE_PREPOSITIONS | OF:
            # "Officials in Denver said", "the mayor of Mesa said": the name is where or
            # of what; the subject is the description before it, when it is a short one
            # ("the ruling angered residents of Ohio" has a verb in it: no subject).
            if det is not None and tail[det].start() < words[before].start():
                lo_inner, hi_inner = tail[det].end(), words[before].start()
                inner = [w.group() for w in words if lo_inner <= w.start() < hi_inner]
                # (the word after the determiner is read as an adjective: "an alleged poll")
                if len(inner) <= 3 and not any(_verbish(w) for w in inner[1:]):
                    first = tail[det]
                    phrase = seg_text[first.start() : words[-1].end()]
                    return _head(text, base + first.start(), phrase)
            return None
        first = words[k]
        phrase = seg_text[first.start() : words[-1].end()]
        return _head(text, base + first.start(), phrase)
    if det is not None and det < len(tail) - 1:
        if (not person and det > 0) and (
            tail[det - 1].group() in _PLACE_PREPOSITIONS
            or (tail[det - 1].group() == "at" and not named_description)
        ):
            # "Lawmakers at the scene said": the subject is before the place.
            return _trailing_np(text, lo, (segment[0], segment[0] + tail[det - 1].start()))
        # A description: "the White House", "the 34-year-old mother of three".
        first = tail[det]
        phrase = seg_text[first.start() : words[-1].end()]
        return _head(text, base + first.start(), phrase)
    return None


def _head(text: str, at: int, phrase: str) -> Mention | None:
    """The speaker mention inside a subject phrase that starts at ``at``.

    A pronoun is itself; a phrase starting with a determiner is a description
    (``the White House``, ``the 32-year-old officer``) unless a full name follows
    a common noun inside it (``the president's spokesman Josh Earnest``);
    otherwise the last run of capitalised words (``Democratic nominee Hillary
    Clinton`` -> ``Hillary Clinton``) that is not a place or body after "of"
    (``Sen. Kamala Harris of California`` -> ``Sen. Kamala Harris``).
    """
    mark = _MARK.search(phrase)
    if mark:
        phrase = phrase[: mark.start()]  # a speaker's mention never runs into a quotation
    phrase = phrase.rstrip()
    words = list(WORD.finditer(phrase))
    if not words or len(words) > 12:
        return None
    first = words[0].group().lower()
    if len(words) == 1 and first in PRONOUNS:
        return Mention((at + words[0].start(), at + words[0].end()), words[0].group())
    runs = _name_runs(phrase)
    if first in DETERMINERS and len(words) == 1:
        return None  # "the" alone (cut by a mark or a clause end) names nobody
    if first in DETERMINERS:
        for r_start, r_end in reversed(runs):
            preceding = phrase[:r_start].split()
            multi = len(phrase[r_start:r_end].split()) >= 2
            if (
                multi
                and preceding
                and preceding[-1].lower() not in DETERMINERS
                and not preceding[-1][:1].isupper()
            ):
                return Mention((at + r_start, at + r_end), phrase[r_start:r_end])
        end = words[min(len(words), 8) - 1].end()
        return Mention((at + words[0].start(), at + end), phrase[words[0].start() : end])
    heads = [
        r
        for r in runs
        if PRECEDING_WORD.search(phrase, 0, r[0]) is None
        or PRECEDING_WORD.search(phrase, 0, r[0]).group(1).lower() not in OF
    ]
    if heads and _titles_only(phrase[slice(*heads[-1])]) and heads[-1] is not runs[-1]:
        # "Secretary of Homeland Security Kirstjen Nielsen": a title alone is nobody;
        # the person is the name that ends the phrase, after the title's complement.
        if len(phrase[slice(*runs[-1])].split()) < 3:
            return None  # "Governor of Texas": a role, and no name after it
        r_start, r_end = _person_tail(phrase, runs[-1])
        return Mention((at + r_start, at + r_end), phrase[r_start:r_end])
    if heads or runs:
        r_start, r_end = (heads or runs)[-1]
        return Mention((at + r_start, at + r_end), phrase[r_start:r_end])
    for w in words:
        if w.group().lower() in PRONOUNS:
            return Mention((at + w.start(), at + w.end()), w.group())
    return None


def _name_runs(phrase: str) -> list[Span]:
    """Runs of capitalised words in a phrase, sentence-starting function words dropped."""
    runs = []
    for match in NAME_RUN.finditer(phrase):
        s, e = match.span()
        tokens = list(WORD.finditer(phrase, s, e))
        while tokens and _plain(tokens[0].group()) in NOT_NAMES:
            tokens.pop(0)
        if tokens:
            runs.append((tokens[0].start(), tokens[-1].end()))
    return runs


def _verbish(word: str) -> bool:
    """A word that may be a verb: a cue, an auxiliary, a past form ("angered")."""
    low = word.lower()
    return low in VERBISH or low.endswith("ed")


def _plain(token: str) -> str:
    """A token lower-cased without a final full stop or possessive: "It’s" -> "it"."""
    return re.sub(r"['’]s$", "", token.rstrip(".")).lower()


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() and _plain(token) not in NOT_NAMES or token.startswith("(")


def _rank(mention_text: str) -> int:
    first = mention_text.split()[0].lower()
    if first in PRONOUNS:
        return 1
    words = mention_text.split()
    if (
        first in DETERMINERS
        or _titles_only(mention_text)
        or (_titles_only(words[0]) and "of" in words)
    ):
        return 0  # a description ("the spokesman"), a title or a role ("Governor of Texas")
    return 2


def _titles_only(phrase: str) -> bool:
    """Whether every word is a title ("Secretary", "Sen.", "State Sen."): nobody's name."""
    words = phrase.split()
    return bool(words) and all(w.rstrip(".").lower() in TITLES for w in words)


def _person_tail(phrase: str, run: Span) -> Span:
    """The last two words of a run of names, three with a middle initial ("John F. Kennedy")."""
    tokens = list(WORD_WITH_DOTS.finditer(phrase, run[0], run[1]))
    take = 3 if len(tokens) >= 3 and len(tokens[-2].group().rstrip(".")) == 1 else 2
    kept = tokens[-take:] if len(tokens) > take else tokens
    return kept[0].start(), kept[-1].end()


def _cut_phrase(np: str) -> str:
    """An inverted subject ends at a full stop that is not an abbreviation's, or a relative."""
    for match in re.finditer(r"\.(?=\s|$)", np):
        if not ABBREV_DOT.search(np[: match.end()]):
            np = np[: match.start()]
            break
    cut = _INVERTED_SUBJECT_END.search(np)
    if cut:
        np = np[: cut.start()]
    return np.strip()


_INVERTED_SUBJECT_END = lazy(
    r"\s(?:who|whose|which|in|at|on|during|after|before|as|when|while|to|about|from|for|with|by"
    r"|of the|that)\b"
)


def _crosses_sentence(np: str) -> bool:
    for match in re.finditer(r"[.!?](?=\s)", np):
        if not ABBREV_DOT.search(np[: match.end()]):
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
