"""Finding the mention of a quotation's speaker: the words next to it that name who spoke.

Rules 1-7 of ``attribution`` live here (each marked "Rule N"), with the phrase
helpers they share and the positions (sentence, paragraph, marks) they search
between. Every search is bounded by ``WINDOW`` characters around the quotation.
One module (~440 lines) because the seven rules share those helpers; split
they would import each other's privates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.article import Span
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
    NOT_NAMES,
    OF,
    PARTICLES,
    PRECEDING_WORD,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_END,
    WEAK_CUE_RE,
    WINDOW,
    WORD,
)


@dataclass(frozen=True)
class Mention:
    span: Span
    text: str


class LowerCaseWords:
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
            known = self._known[word] = bool(LOWER_WORD.fullmatch(word)) and self._written(word)
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


# --- finding the mention -------------------------------------------------------------------


def strong_mention(text: str, start: int, end: int) -> Mention | None:
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


def weak_mention(text: str, start: int, end: int, common: LowerCaseWords) -> Mention | None:
    """Rules 5-7: a cue earlier in the sentence, ``according to``, the sentence's subject."""
    sentence_start = _sentence_start(text, start)
    before = text[sentence_start : _before_marks(text, start)]
    cues = list(WEAK_CUE_RE.finditer(before))
    if cues:
        last = cues[-1]
        mention = _subject_before(text, sentence_start, sentence_start + last.start(), last.group())
        if mention:
            return mention
    sentence_end = _sentence_end(text, end)
    window = text[sentence_start:sentence_end]
    match = ACCORDING.search(window)
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


def _mention_after(text: str, pos: int) -> Mention | None:
    window = text[pos : min(len(text), pos + WINDOW)]
    match = AFTER_INVERTED.match(window)
    if match:
        np = _cut_phrase(match.group("np"))
        return _head(text, pos + match.start("np"), np)
    match = AFTER_SUBJECT.match(window)
    if (
        match
        and not _crosses_sentence(match.group("np"))
        # "“…” in Democratic-leaning states …" goes on with the writer's sentence.
        and match.group("np").split()[0].lower() not in PREPOSITIONS | CONJUNCTIONS
    ):
        return _head(text, pos + match.start("np"), match.group("np"))
    return None


def _mention_before(text: str, start: int) -> Mention | None:
    open_at = _before_marks(text, start)
    sentence_start = _sentence_start(text, open_at)
    if sentence_start >= open_at:
        return None
    return _cue_at_end(text, sentence_start, open_at)


def _mention_in_previous_paragraph(text: str, start: int) -> Mention | None:
    para = paragraph_start(text, start)
    if text[para:start].strip(' \t\xa0“«»„"') != "":
        return None
    end = para
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] != ":":
        return None
    return _cue_at_end(text, _sentence_start(text, end - 1), end)


def _cue_at_end(text: str, sentence_start: int, stop: int) -> Mention | None:
    """A cue a few words before ``stop`` (the opening mark or a paragraph's colon)."""
    lo = max(sentence_start, stop - WINDOW)
    segment = text[lo:stop]
    match = BEFORE_CUE.search(segment)
    if match:
        return _subject_before(text, lo, lo + match.start(), match.group("cue"))
    if segment.rstrip(" \t\xa0").endswith(":"):
        # A colon introduces the words of the sentence's subject, cue or not
        # ("Obama is rolling out a new message: “It's about me.”").
        return _leading_subject(text, lo, segment)
    return None


def _subject_before(text: str, lo: int, cue_at: int, cue: str) -> Mention | None:
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


def _leading_subject(text: str, lo: int, clause: str) -> Mention | None:
    """The subject opening a clause, skipping introductory phrases and earlier quotations."""
    # "“…,” Mary Cheney wrote, concluding by saying, “…”": the subject follows the
    # earlier quotation, not its first words.
    closed = max(clause.rfind("”"), clause.rfind("»"))
    if clause.count('"') >= 2 and clause.count('"') % 2 == 0:
        closed = max(closed, clause.rfind('"'))
    if closed >= 0:
        lo, clause = lo + closed + 1, clause[closed + 1 :]
    for s_start, s_end in _comma_segments(clause):
        words = list(WORD.finditer(clause, s_start, s_end))
        if not words:
            continue
        first = words[0].group().lower()
        if first in PREPOSITIONS:
            continue  # an introductory phrase, not the subject
        taken = [words[0]]
        for w in words[1:]:
            token = w.group()
            if not _is_name_token(token) and (
                taken[-1].group()[:1].isupper() or first not in DETERMINERS
            ):
                break
            if len(taken) >= 5 or token.lower().endswith("ed"):
                break
            taken.append(w)
        phrase_start, phrase_end = taken[0].start(), taken[-1].end()
        return _head(text, lo + phrase_start, clause[phrase_start:phrase_end])
    return None


def _trailing_np(text: str, lo: int, segment: Span) -> Mention | None:
    """The noun phrase that ends a segment of the clause (right before the cue)."""
    seg_text = text[lo + segment[0] : lo + segment[1]]
    words = list(WORD.finditer(seg_text))
    if not words:
        return None
    # Relative pronouns and auxiliaries between the subject and the cue.
    while words and (
        words[-1].group().lower() in BETWEEN_SUBJECT_AND_CUE
        or (words[-1].group().endswith("ly") and words[-1].group().islower())  # "repeatedly"
    ):
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
        first = words[k]
        phrase = seg_text[first.start() : words[-1].end()]
        return _head(text, base + first.start(), phrase)
    if det is not None and det < len(tail) - 1:
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
    phrase = phrase.rstrip()
    words = list(WORD.finditer(phrase))
    if not words or len(words) > 12:
        return None
    first = words[0].group().lower()
    if len(words) == 1 and first in PRONOUNS:
        return Mention((at + words[0].start(), at + words[0].end()), words[0].group())
    runs = _name_runs(phrase)
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


def _plain(token: str) -> str:
    """A token lower-cased without a final full stop or possessive: "It’s" -> "it"."""
    return re.sub(r"['’]s$", "", token.rstrip(".")).lower()


def _is_name_token(token: str) -> bool:
    return token[:1].isupper() and _plain(token) not in NOT_NAMES or token.startswith("(")


def _rank(mention_text: str) -> int:
    first = mention_text.split()[0].lower()
    if first in PRONOUNS:
        return 1
    if first in DETERMINERS:
        return 0
    return 2


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


_INVERTED_SUBJECT_END = re.compile(
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


def paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def previous_paragraph_start(text: str, para: int) -> int:
    i = para - 1
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return text.rfind("\n", 0, i) + 1


def _sentence_start(text: str, pos: int) -> int:
    lo = max(paragraph_start(text, pos), pos - WINDOW)
    start = lo
    for match in SENTENCE_END.finditer(text, lo, pos):
        if not ABBREV_DOT.search(text[max(lo, match.start() - 6) : match.start() + 1]):
            start = match.end()
    return start


def _sentence_end(text: str, pos: int) -> int:
    hi = min(len(text), pos + WINDOW)
    newline = text.find("\n", pos, hi)
    return newline if newline >= 0 else hi
