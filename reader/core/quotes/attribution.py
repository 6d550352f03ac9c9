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
   ``the advocates read a statement blasting … “playing politics …”``): its
   subject, or the owner of a speech noun after it (``his campaign promise to
   run a “…” program``), or whoever issued a document that is its subject
   (``the advocates issued a statement that said … “…”``). A partial quotation
   tries this before rule 4: the clause that carries it says who.
6. ``according to …`` in the sentence.
7. The sentence's own subject when it is a name (``Trump has used the phrase “…”``).

Two exceptions come first. A quoted name or term (``find.is_term``: the
“Remain in Mexico” program) is not speech and gets no speaker. A publication
named by ``X reported`` after a partial quotation is the medium, not the
speaker, when the quotation's own clause has a cue (``…, adding that they can
no longer “…,” Politico reported``: the subject of ``adding``); ``told X`` makes
X the listener by the same grammar that takes the cue's subject.

The mention found (``speaker_span``) is the words the text uses next to the
quotation, which may be a pronoun, a bare surname or a role. ``speaker`` is that
mention resolved: a surname or title + surname to the latest full name with that
surname introduced earlier in the article; ``he``/``she`` to the most recent
person named as a speaker (or, failing that, the most recent full name in the
text); a role to the name it stood in apposition to (``Luis Guerra, the 32-year-old
officer``), and ``the N-year-old`` to the most recent person named. ``they``
resolves to the nearest plural group before it in the last two paragraphs (a
plural subject such as ``The advocates …`` or a group already named as a
speaker), and a bare ``the people`` / ``the group`` to the group it stands for
the same way; ``it`` resolves to the most recent organisation speaker; otherwise
they stay as written.
No rule names a particular person or outlet.

Every search looks at a bounded window around one quotation, paragraph starts
come from one index of the lines (``mentions.Lines``), and the name index is one
regex pass, so the whole is linear in the article's length, also when many
quotations share one long line.
"""

from __future__ import annotations

from reader.core.article import Span
from reader.core.quotes.mentions import (
    LowerCaseWords,
    Mention,
    cue_in_sentence,
    strong_mention,
    weak_mention,
)
from reader.core.quotes.names import NameIndex, Resolver
from reader.core.quotes.positions import Lines, opening_paragraph
from reader.core.results.comparison import Quote

# Cues whose subject is a medium that passed the words on, not their speaker.
_MEDIUM_CUES = frozenset({"reported", "reports", "reporting"})


def attribute(
    text: str,
    quotations: list[tuple[Span, ...]],
    partial: list[bool] | None = None,
    terms: list[bool] | None = None,
) -> tuple[Quote, ...]:
    """Build a ``Quote`` with its speaker for each quotation (given as its fragments).

    ``partial[k]`` / ``terms[k]``: quotation k is a phrase inside the writer's
    sentence / a quoted name or term (``find`` decides both); a term gets no
    speaker and lends none to its neighbours. Missing lists mean all False.
    """
    if not quotations:
        return ()  # the name index below costs a pass over the whole text
    partial = partial or [False] * len(quotations)
    terms = terms or [False] * len(quotations)
    names = NameIndex(text)
    lines = Lines(text)
    # Words the article also writes in lower case are not names when they open a
    # sentence ("Only", "Twenty-nine", "Bemoaning …", "Authorities").
    common = LowerCaseWords(text)
    resolver = Resolver(text, names, lines, common)
    found: list[Mention | None] = []
    paragraph_of: list[tuple[int, int]] = []
    own_cue: dict[int, Mention | None] = {}  # rule 5's answer, for partial quotations asked
    for k, fragments in enumerate(quotations):
        start, end = fragments[0][0], fragments[-1][1]
        paragraph_of.append((lines.paragraph_start(start), lines.paragraph_start(end)))
        if terms[k]:
            found.append(None)
            continue
        mention = strong_mention(text, start, end)
        if mention is not None and partial[k] and mention.cue in _MEDIUM_CUES:
            own_cue[k] = cue_in_sentence(text, start, common)
            mention = own_cue[k] or mention
        found.append(mention)
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
        if terms[k]:
            continue
        start = quotations[k][0][0]
        para = paragraph_of[k][0]
        after = next_strong[k]
        asked = False
        if partial[k]:
            # The clause that carries a partial quotation says who, before its neighbours do.
            asked = True
            found[k] = own_cue[k] if k in own_cue else cue_in_sentence(text, start, common)
        if found[k] is not None:
            pass
        elif before is not None and paragraph_of[before][1] == para:
            found[k] = found[before]
        elif after is not None and paragraph_of[after][0] == para:
            found[k] = found[after]
        elif (
            before is not None
            and opening_paragraph(text, start) is not None
            and paragraph_of[before][1] == lines.previous_paragraph_start(para)
        ):
            found[k] = found[before]
        else:
            found[k] = weak_mention(text, start, quotations[k][-1][1], common, cue_tried=asked)
        if found[k] is not None:
            before = k
    quotes = []
    for k, (fragments, mention) in enumerate(zip(quotations, found, strict=True)):
        start, end = fragments[0][0], fragments[-1][1]
        speaker = resolver.resolve(mention) if mention else None
        quotes.append(
            Quote(
                start=start,
                end=end,
                speaker=speaker,
                speaker_span=mention.span if mention else None,
                fragments=fragments if len(fragments) > 1 else (),
                partial=partial[k],
                term=terms[k],
            )
        )
    return tuple(quotes)
