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

from reader.core.article import Span
from reader.core.quotes.mentions import (
    LowerCaseWords,
    Mention,
    paragraph_start,
    previous_paragraph_start,
    strong_mention,
    weak_mention,
)
from reader.core.quotes.names import NameIndex, Resolver
from reader.core.results.comparison import Quote


def attribute(text: str, quotations: list[tuple[Span, ...]]) -> tuple[Quote, ...]:
    """Build a ``Quote`` with its speaker for each quotation (given as its fragments)."""
    if not quotations:
        return ()  # the name index below costs a pass over the whole text
    names = NameIndex(text)
    resolver = Resolver(text, names)
    # Words the article also writes in lower case are not names when they open a
    # sentence ("Only", "Twenty-nine", "Bemoaning …").
    common = LowerCaseWords(text)
    found: list[Mention | None] = []
    paragraph_of: list[tuple[int, int]] = []
    for fragments in quotations:
        start, end = fragments[0][0], fragments[-1][1]
        paragraph_of.append((paragraph_start(text, start), paragraph_start(text, end)))
        found.append(strong_mention(text, start, end))
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
            and paragraph_of[before][1] == previous_paragraph_start(text, para)
        ):
            found[k] = found[before]
        else:
            found[k] = weak_mention(text, start, quotations[k][-1][1], common)
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
