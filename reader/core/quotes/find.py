"""Direct quotations: where they are in one article.

``extract_quotes`` finds every direct quotation and asks ``attribution`` for its
speaker; ``pairing`` matches the quotations of two articles.

Decisions a caller may rely on:

- Marks: curly “ ”, straight ", guillemets « » (either direction) and „ “.
  Single marks (‘ ’ ') are never quotation boundaries at the top level: the
  same character is the apostrophe of "we’re" and "players’", so treating it as
  a mark would cut quotations at random. Inside a double-quoted quotation a
  single-quoted passage (a quote inside the quote) is simply part of the outer
  quotation, as are any nested marks.
- Straight " has no direction: an opening mark stands before a word (after a
  space, bracket, dash or colon), a closing one after a word. A second opening
  mark before a close means the first one was stray.
- The newspaper convention for long quotations: a paragraph that ends inside a
  quotation, with the next paragraph reopening with an opening mark, continues
  the same quotation. The result is one ``Quote`` whose ``fragments`` are the
  pieces and whose ``start``/``end`` run from the first to the last.
- A quotation left open at the end of a paragraph that is not continued is
  kept up to the paragraph's end if its mark was curly (the writer forgot the
  close) and dropped if it was straight (more likely an inch mark or a typo).
- ``start``/``end`` cover the quoted words: marks and the surrounding spaces
  are excluded, and so is a trailing comma (“…pretending,” she said), which is
  the attribution's punctuation, not the speaker's.
- Partial quotations (a phrase quoted inside the writer's own sentence, such as
  a programme's name) are kept: they are direct quotations too.
  ``is_partial`` tells them apart for views that want to dim them.
- A partial quotation written as a name or title (``is_term``: the “Remain in
  Mexico” program) is a term, not speech: ``Quote.term`` is set, it gets no
  speaker, and views may hide it (it stays in the pairing, so a term dropped or
  changed is still seen).
"""

from __future__ import annotations

from collections.abc import Iterator

from reader.core.article import Article, Span
from reader.core.quotes.attribution import attribute
from reader.core.quotes.lazy_re import lazy
from reader.core.results.comparison import Quote
from reader.core.segment import paragraph_spans

# Opening mark -> the closing marks that end it.
_CLOSERS = {"“": "”", "«": "»", "»": "«", "„": "“”"}
_STRAIGHT = '"'
_MARKS = lazy(r'[“”«»„"]')


def extract_quotes(article: Article) -> tuple[Quote, ...]:
    """Every direct quotation of the article, in text order, with its speaker when stated.

    Linear in the article's length. Offsets index ``article.text``.
    """
    text = article.text
    spans = list(_quotation_spans(text, article.paragraphs or tuple(paragraph_spans(text))))
    partial = [_partial_at(text, fragments[0][0]) for fragments in spans]
    terms = [
        p and len(f) == 1 and is_term(text, *f[0]) for p, f in zip(partial, spans, strict=True)
    ]
    return attribute(text, spans, partial, terms)


def is_partial(text: str, quote: Quote) -> bool:
    """True when the quotation is a phrase inside the writer's own sentence.

    A full quotation opens a paragraph, follows a colon or comma (``said, “``)
    or a sentence end; a partial one is preceded by the writer's words, as in
    ``a “fair and humane” program``.
    """
    return _partial_at(text, quote.start)


def _partial_at(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in '“«»„"' or text[i] in " \t\xa0"):
        i -= 1
    if i > 0 and text[i] in "’'" and text[i - 1].isalpha():
        return True  # a possessive: Fox News’ “Tucker Carlson Tonight”
    return i >= 0 and text[i] not in "\n:,.!?—–-(" and text[i].isalnum()


# Words a name or title may hold in lower case ("Remain in Mexico", "Meet the Press").
_TERM_FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to for from with by as vs de la del von van".split()
)
_TERM_WORD = lazy(r"[\w'’&.-]+")
# A quotation right after one of these is speech however it is written (said “No”).
_SPEECH_BEFORE = lazy(
    r"\b(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|tweeted|replied|answered"
    r"|shouted|yelled|chanted|declared|stated|saying|telling|asking)[ \t\xa0,:]*[“«»„\"]*$"
)


def is_term(text: str, start: int, end: int) -> bool:
    """Whether the partial quotation ``text[start:end]`` is a quoted name or term, not speech.

    A term is short (at most six words), written as a name or title (its first
    word and every word but a few function words capitalised), holds no sentence
    punctuation, and does not follow a speech verb: the “Remain in Mexico”
    program, the “Affordable Care Act”. Speech quoted in the writer's sentence
    ("playing politics with human lives") is written in lower case. The caller
    checks that the quotation is partial.
    """
    phrase = text[start:end]
    words = _TERM_WORD.findall(phrase)
    if not 1 <= len(words) <= 6 or any(ch in phrase for ch in ",;:!?"):
        return False
    if phrase.rstrip().endswith(".") and not phrase.rstrip().endswith(("Jr.", "St.", "Co.")):
        return False
    if not words[0][:1].isupper() or words[0] == "I":
        return False
    if not all(w[:1].isupper() or w[:1].isdigit() or w in _TERM_FUNCTION_WORDS for w in words):
        return False
    return _SPEECH_BEFORE.search(text, max(0, start - 40), start) is None


def _quotation_spans(text: str, paragraphs: tuple[Span, ...]) -> Iterator[tuple[Span, ...]]:
    """Yield the fragments of each quotation: one span, or several for a multi-paragraph one."""
    carried: list[Span] = []  # fragments of a quotation continued from earlier paragraphs
    carried_closer = ""
    for k, (p_start, p_end) in enumerate(paragraphs):
        pos = p_start
        if carried:
            # The previous paragraph ended inside a quotation and this one reopens it.
            pos = p_start + 1
        open_at = pos if carried else -1
        closer = carried_closer
        straight = closer == _STRAIGHT
        for match in _MARKS.finditer(text, pos, p_end):
            i = match.start()
            mark = text[i]
            if open_at < 0:
                if mark == _STRAIGHT:
                    if _opens(text, i, p_start, p_end):
                        open_at, closer, straight = i + 1, _STRAIGHT, True
                elif mark in _CLOSERS and not (mark == "»" and not _opens(text, i, p_start, p_end)):
                    open_at, closer, straight = i + 1, _CLOSERS[mark], False
                continue
            if mark in closer and (not straight or _closes(text, i, p_start, p_end)):
                span = _trim(text, open_at, i, final=True)
                if span:
                    yield tuple(carried) + (span,)
                elif carried:
                    yield tuple(carried)
                carried, open_at = [], -1
                continue
            if straight and mark == _STRAIGHT and _opens(text, i, p_start, p_end):
                open_at = i + 1  # another opening mark first: the earlier one was stray
                carried = []
            elif not straight and mark in _CLOSERS and mark == _opening_of(closer):
                # The same opening mark again before any close: the first was never
                # closed. Restart here rather than swallow the text between.
                open_at = i + 1
                carried = []
        if open_at < 0:
            carried, carried_closer = [], ""
            continue
        # The paragraph ends inside a quotation.
        fragment = _trim(text, open_at, p_end, final=False)
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if nxt is not None and _reopens(text, nxt, closer):
            if fragment:
                carried.append(fragment)
            carried_closer = closer
            continue
        if not straight and fragment:
            yield tuple(carried) + (fragment,)
        elif carried:
            yield tuple(carried)
        carried, carried_closer = [], ""


def _opening_of(closer: str) -> str:
    for opener, closers in _CLOSERS.items():
        if closers == closer:
            return opener
    return ""


def _reopens(text: str, paragraph: Span, closer: str) -> bool:
    first = text[paragraph[0]]
    if closer == _STRAIGHT:
        return first == _STRAIGHT and _opens(text, paragraph[0], *paragraph)
    return first in _CLOSERS and _CLOSERS[first] == closer


def _opens(text: str, i: int, p_start: int, p_end: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _closes(text: str, i: int, p_start: int, p_end: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _trim(text: str, start: int, end: int, *, final: bool) -> Span | None:
    """The quoted words between two marks: outer spaces and a trailing comma removed."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if final and end > start and text[end - 1] == ",":
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return None
    return start, end
