"""Quotations: extraction, speaker attribution and pairing across two articles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.article import Article
from reader.core.load.loader import load
from reader.core.quotes.find import extract_quotes, is_partial
from reader.core.quotes.pairing import pair_quotes
from reader.core.results.comparison import QuoteStatus


def quoted(text: str) -> list[str]:
    article = Article.from_text(text)
    return [q.text(article.text) for q in extract_quotes(article)]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(Article.from_text(text))]


# --- extraction -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“Curly marks,” she said.", ["Curly marks"]),
        ('"Straight marks," she said.', ["Straight marks"]),
        ("« Guillemets », dit-elle.", ["Guillemets"]),
        ("Er sagte: „Deutsche Zeichen“.", ["Deutsche Zeichen"]),
        (
            "“We’re here and it’s fine. Don’t worry,” he said.",
            ["We’re here and it’s fine. Don’t worry"],
        ),
        ("The players’ union said it wasn’t over.", []),
        ("“He told me ‘never again’ and left,” she said.", ["He told me ‘never again’ and left"]),
        ("“One,” he said. “Two.”", ["One", "Two."]),
        (
            "a “fair and humane” program and a “Remain in Mexico” policy",
            ["fair and humane", "Remain in Mexico"],
        ),
        ('He is 6\'2" tall and said "yes" twice.', ["yes"]),
        ('A stray " mark, then "a real quote" here.', ["a real quote"]),
        ("“Left open at the paragraph end\nNext paragraph.", ["Left open at the paragraph end"]),
        ('"Straight and left open\nNext paragraph.', []),
        ("“”", []),
    ],
)
def test_extraction(text, expected):
    assert quoted(text) == expected


def test_offsets_exclude_marks_and_the_attribution_comma():
    text = "Intro.\n“I cannot stand it,” she said."
    article = Article.from_text(text)
    (quote,) = extract_quotes(article)
    assert text[quote.start : quote.end] == "I cannot stand it"
    assert text[quote.start - 1] == "“"


@pytest.mark.parametrize("open_mark, close_mark", [("“", "”"), ('"', '"')])
def test_a_quotation_running_over_paragraphs_is_one_quote_with_fragments(open_mark, close_mark):
    text = (
        "Guerra told Politico:\n\n"
        f"{open_mark}First paragraph of the quote.\n\n"
        f"{open_mark}Second paragraph.\n\n"
        f"{open_mark}Third and last.{close_mark}\n\n"
        "Unquoted text."
    )
    article = Article.from_text(text)
    (quote,) = extract_quotes(article)
    assert [text[s:e] for s, e in quote.fragments] == [
        "First paragraph of the quote.",
        "Second paragraph.",
        "Third and last.",
    ]
    assert (quote.start, quote.end) == (quote.fragments[0][0], quote.fragments[-1][1])
    assert quote.text(text) == "First paragraph of the quote. Second paragraph. Third and last."
    assert quote.speaker == "Guerra"


def test_a_closed_quotation_followed_by_a_quoted_paragraph_is_two_quotes():
    assert quoted("“One.”\n“Two.”") == ["One.", "Two."]


def test_partial_quotations_are_told_apart():
    text = "“Full quote,” he said of the “fair and humane” plan.\nHe said: “Also full.”"
    article = Article.from_text(text)
    assert [is_partial(text, q) for q in extract_quotes(article)] == [False, True, False]


def test_extraction_handles_a_large_document():
    paragraph = "“Words here, and more,” Jane Doe said. She added: “Other words.”\n"
    article = Article.from_text(paragraph * 5000)
    quotes = extract_quotes(article)
    assert len(quotes) == 10000
    assert {q.speaker for q in quotes} == {"Jane Doe"}


# --- attribution ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“It is late,” Saludares said.", ["Saludares"]),
        ("“It is late,” said Guerra, who walked out.", ["Guerra"]),
        ("“It is late,” the White House said in a statement.", ["the White House"]),
        ("“It is late,” Mr. King added.", ["King"]),
        ("“It is late,” Rep. Gwen Moore (D-Wis.) said.", ["Gwen Moore"]),
        ("“It is late,” said panel Chairman Rep. Jason Chaffetz (R-Utah).", ["Jason Chaffetz"]),
        (
            "“It is late,” Luis Guerra, the 32-year-old officer at the network, told Politico.",
            ["Luis Guerra"],
        ),
        (
            "“It is late,” Scott Pruitt, the attorney general, one of the plaintiffs, said.",
            ["Scott Pruitt"],
        ),
        ("“Why now?” Smith asked.", ["Smith"]),
        ("“It is late,” Sen. Kamala Harris of California wrote.", ["Kamala Harris"]),
        ("Sen. Bernie Sanders of Vermont told the crowd: “It is late.”", ["Bernie Sanders"]),
        ("“It is late,” wrote Jane Roe for the Daily Planet.", ["Jane Roe"]),
        ("Trump repeatedly said, “It is late.”", ["Trump"]),
        ("Trump has used the phrase “radical” often.", ["Trump"]),
        # A capitalised word the article also writes in lower case is no name...
        ("Markets fell. Analysts used the word “panic” twice. Few analysts agreed.", [None]),
        # ... but a word only seen inside a longer one ("anti-trump", "trumpism") still is.
        ("Trump has used the phrase “radical” often. Anti-trump trumpism grew.", ["Trump"]),
        # "states" is a noun here, not a cue, and "He" is not a name for the fallback.
        ("He spoke of “orphan districts” in Democratic-leaning states.", [None]),
        ("Kall said: “It is late.”", ["Kall"]),
        ("Democratic nominee Hillary Clinton said, “It is late.”", ["Hillary Clinton"]),
        ("In a statement, the White House said: “It is late.”", ["the White House"]),
        ("He defended the remark on Monday, saying, “It is late.”", ["He"]),
        ("Luis Guerra told Politico:\n“It is late.”", ["Luis Guerra"]),
        ("The quote was “It is late,” according to Reuters.", ["Reuters"]),
        ("“It is late.” The crowd said nothing.", [None]),
        ("Nobody knows why.\n“It is late.”", [None]),
    ],
)
def test_speaker_where_the_text_says_it(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A bare surname resolves to the full name introduced earlier.
        (
            "Ariana Saludares runs a shelter.\n“It is late,” Saludares said.",
            ["Ariana Saludares"],
        ),
        # A title + surname too, the title dropped.
        ("Al Sharpton spoke.\n“It is late,” Mr. Sharpton said.", ["Al Sharpton"]),
        # A pronoun takes the most recent person named as a speaker...
        (
            "“One,” Ariana Saludares told Politico.\n“Two,” she said.",
            ["Ariana Saludares", "Ariana Saludares"],
        ),
        # ...or, before any speaker, the most recent full name in the text.
        ("Mary Jones arrived late.\n“It is late,” she said.", ["Mary Jones"]),
        # A role given in apposition resolves to its name.
        (
            "Luis Guerra, the strategic officer at the network, arrived.\n"
            "“It is late,” the officer said.",
            ["Luis Guerra"],
        ),
        # "they" takes the group the sentence before was about.
        (
            "The advocates left the call.\n“We are done,” they said.",
            ["the advocates"],
        ),
        # An unresolvable pronoun stays as written rather than guessing.
        ("“We are done,” they said.", ["they"]),
    ],
)
def test_speaker_resolution(text, expected):
    assert speakers(text) == expected


def test_quotes_of_one_paragraph_share_the_speaker():
    text = "“First part,” Saludares said. “Second part.”"
    assert speakers(text) == ["Saludares", "Saludares"]


def test_a_paragraph_opening_quote_continues_the_previous_speaker():
    text = "“First part,” Jane Doe said.\n“Second part, its own paragraph.”"
    assert speakers(text) == ["Jane Doe", "Jane Doe"]


def test_speaker_span_points_at_the_mention_next_to_the_quote():
    text = "“One,” Ariana Saludares said.\n“Two,” she said."
    article = Article.from_text(text)
    second = extract_quotes(article)[1]
    assert text[second.speaker_span[0] : second.speaker_span[1]] == "she"
    assert second.speaker == "Ariana Saludares"


# --- grammar of attribution (issue 13): terms, media, clauses, coreference -----------------


def quotes_of(text: str):
    return extract_quotes(Article.from_text(text))


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers debated the “Affordable Care Act” for a week.",
        "She signed up for the “Meet the Press” panel on Sunday.",
        "He praised Fox News’ “Tucker Carlson Tonight” on air.",
    ],
)
def test_a_quoted_name_inside_the_writers_sentence_is_a_term_without_speaker(text):
    (quote,) = quotes_of(text)
    assert quote.partial and quote.term
    assert quote.speaker is None and quote.speaker_span is None


@pytest.mark.parametrize(
    "text",
    [
        "The mayor called the plan “a total disgrace” on Monday.",  # lower case: speech
        "“Safe Streets Now,” the chief said.",  # a full quotation, not inside a sentence
        "When asked, the chief said “No” twice.",  # after a speech verb
        "The council urged voters to “Vote Early, Vote Often, Vote Now!” today.",  # punctuation
    ],
)
def test_speech_is_never_a_term(text):
    assert not any(q.term for q in quotes_of(text))


def test_a_term_lends_no_speaker_to_the_quotations_around_it():
    text = "“We will win,” Dana Reyes said of the “Clean Water Act” vote."
    assert [(q.speaker, q.term) for q in quotes_of(text)] == [
        ("Dana Reyes", False),
        (None, True),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X reported" after a partial quotation is the medium: the clause's own subject spoke.
        (
            "The nurses read a letter attacking the board for “gambling with patients,” "
            "adding that they would “walk out by Friday,” the Gazette reported.",
            ["the nurses", "the nurses"],
        ),
        # ...and with no cue of its own, the medium is all the text gives.
        ("Prices would “rise sharply,” the Gazette reported.", ["the Gazette"]),
        # "told X": X is the listener.
        ("“It is late,” Dana Reyes told the Gazette.", ["Dana Reyes"]),
        # A document that "said" stands for whoever issued it.
        (
            "The union released a statement that said the mayor was “lying to workers.”",
            ["the union"],
        ),
        # A speech noun owned by someone: the owner's words.
        (
            "Critics said that Harris broke her pledge to keep a “clean and open” process.",
            ["Harris"],
        ),
        # A relative clause with a cue: its antecedent spoke.
        (
            "Voters trusted Lopez who promised to build a “safe and modern” station.",
            ["Lopez"],
        ),
        # A time phrase between the subject and its verb.
        ("President Adams on Monday called the plan “a disgrace.”", ["Adams"]),
        # A term quoted earlier in the sentence does not move the subject.
        (
            "Dana Reyes made her first “Green Deal” post, calling the tax “a trap.”",
            [None, "Dana Reyes"],
        ),
    ],
)
def test_speaker_from_the_grammar_of_the_clause(text, expected):
    assert speakers(text) == expected


def test_a_partial_quotation_takes_its_own_clause_before_the_paragraphs_speaker():
    text = "“We are done,” Dana Reyes said. The nurses then accused the board of “lying.”"
    assert speakers(text) == ["Dana Reyes", "the nurses"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" takes a group named as a speaker when no plural subject is nearer.
        (
            "The nurses issued a letter that said the board was “failing patients.”\n"
            "Before they left, they said:\n“We will be back.”",
            ["the nurses", "the nurses"],
        ),
        # A bare generic subject ("The people") stands for the group named before it.
        (
            "The nurses walked out of the hall.\n"
            "The people then said they would “never return” to the table.",
            ["the nurses"],
        ),
    ],
)
def test_plural_pronouns_and_generic_groups_resolve_to_their_group(text, expected):
    assert speakers(text) == expected


def test_a_common_word_opening_the_sentence_is_no_antecedent_for_she():
    text = (
        "Mary Jones runs the depot, local authorities said.\n"
        "“Two boxes were found,” Authorities said. “It is late,” she said."
    )
    assert speakers(text)[-1] == "Mary Jones"


class _CountingText(str):
    """A text that counts the characters its searches and slices walk over."""

    walked = 0

    def _span(self, start, end):
        n = len(self)
        start = 0 if start is None else (start + n if start < 0 else start)
        end = n if end is None else (end + n if end < 0 else end)
        _CountingText.walked += max(0, min(end, n) - max(start, 0))

    def rfind(self, sub, start=None, end=None):
        self._span(start, end)
        return str.rfind(self, sub, *(x for x in (start, end) if x is not None))

    def find(self, sub, start=None, end=None):
        self._span(start, end)
        return str.find(self, sub, *(x for x in (start, end) if x is not None))

    def __getitem__(self, key):
        if isinstance(key, slice):
            self._span(key.start, key.stop)
        return str.__getitem__(self, key)


def _work_on_one_line(count: int) -> int:
    from reader.core.quotes.attribution import attribute
    from reader.core.quotes.find import _quotation_spans

    line = " ".join(f"“w{k % 97} x,” Ab{k % 89} said." for k in range(count))
    spans = list(_quotation_spans(line, ((0, len(line)),)))
    assert len(spans) == count
    _CountingText.walked = 0
    quotes = attribute(_CountingText(line), spans)
    assert quotes[-1].speaker == f"Ab{(count - 1) % 89}"
    return _CountingText.walked


def test_many_quotations_on_one_long_line_cost_linear_work():
    """Issue 16 case 4: each quotation searched back to its paragraph's start (quadratic).

    Counts the characters searched and sliced, not the time: four times the
    quotations must walk about four times the characters (quadratic: sixteen).
    """
    small, big = _work_on_one_line(1_000), _work_on_one_line(4_000)
    assert big < 6 * small
    assert big < 400 * 4_000 * 20  # a bounded window per quotation, not the whole line


# --- pairing --------------------------------------------------------------------------------


def pairs(left: str, right: str):
    a, b = Article.from_text(left), Article.from_text(right)
    result = pair_quotes(a, extract_quotes(a), b, extract_quotes(b))
    return [
        (p.status, [q.text(a.text) for q in p.left], [q.text(b.text) for q in p.right])
        for p in result
    ]


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (
            "“We have sadly reached a turning point,” they said.",
            "They said: “We have sadly reached a Turning Point.”",
            [
                (
                    QuoteStatus.VERBATIM,
                    ["We have sadly reached a turning point"],
                    ["We have sadly reached a Turning Point."],
                )
            ],
        ),
        (
            "“They give us accolades on the outside,” she said.",
            "“They gave us accolades on the outside,” she said.",
            [
                (
                    QuoteStatus.ALTERED,
                    ["They give us accolades on the outside"],
                    ["They gave us accolades on the outside"],
                )
            ],
        ),
        (
            "“We will fight them on the beaches and in the hills,” he said.",
            "“We will fight them on the beaches,” he said.",
            [
                (
                    QuoteStatus.TRUNCATED,
                    ["We will fight them on the beaches and in the hills"],
                    ["We will fight them on the beaches"],
                )
            ],
        ),
        (
            "“Nothing in common here,” he said.",
            "“Entirely different words,” he said.",
            [
                (QuoteStatus.ONLY_LEFT, ["Nothing in common here"], []),
                (QuoteStatus.ONLY_RIGHT, [], ["Entirely different words"]),
            ],
        ),
    ],
)
def test_pair_status(left, right, expected):
    assert pairs(left, right) == expected


def test_two_quotes_merged_into_one_are_one_pair():
    left = "“I cannot stand one more meeting,” she said. “They give us accolades,” she added."
    right = "She said: “I cannot stand one more meeting. They gave us accolades.”"
    (pair,) = pairs(left, right)
    assert pair[0] is QuoteStatus.MERGED
    assert len(pair[1]) == 2 and len(pair[2]) == 1


def test_two_quotes_joined_word_for_word_are_still_merged():
    left = "“I cannot stand one more meeting,” she said. “They give us accolades,” she added."
    right = "She said: “I cannot stand one more meeting. They give us accolades.”"
    ((status, lefts, rights),) = pairs(left, right)
    assert status is QuoteStatus.MERGED and (len(lefts), len(rights)) == (2, 1)


def test_one_quote_split_in_two_is_one_pair():
    left = "She said: “I cannot stand one more meeting. They give us accolades.”"
    right = "“I cannot stand one more meeting,” she said. “They give us accolades,” she added."
    (pair,) = pairs(left, right)
    assert pair[0] is QuoteStatus.SPLIT
    assert len(pair[1]) == 1 and len(pair[2]) == 2


def test_a_repeated_quote_pairs_once_and_the_copy_stays_alone():
    left = "“We will not back down now,” he said.\nLater: “We will not back down now.”"
    right = "“We will not back down now,” he said."
    statuses = [p[0] for p in pairs(left, right)]
    assert statuses == [QuoteStatus.VERBATIM, QuoteStatus.ONLY_LEFT]


def test_only_right_quotes_sit_next_to_their_neighbours():
    left = "“Alpha beta gamma,” A said.\n“Delta epsilon zeta,” B said."
    right = "“Alpha beta gamma,” A said.\n“Brand new words,” C said.\n“Delta epsilon zeta,” B said."
    got = [(p[0], p[2]) for p in pairs(left, right)]
    assert got == [
        (QuoteStatus.VERBATIM, ["Alpha beta gamma"]),
        (QuoteStatus.ONLY_RIGHT, ["Brand new words"]),
        (QuoteStatus.VERBATIM, ["Delta epsilon zeta"]),
    ]


def test_every_quote_is_in_exactly_one_pair():
    left = "“A b c d,” X said. “E f g h,” X said. “I j k l,” X said. “Z y,” X said."
    right = "“A b c d. E f g h,” X said. “I j k,” X said. “New one here,” Y said."
    a, b = Article.from_text(left), Article.from_text(right)
    qa, qb = extract_quotes(a), extract_quotes(b)
    result = pair_quotes(a, qa, b, qb)
    assert sorted(q.start for p in result for q in p.left) == sorted(q.start for q in qa)
    assert sorted(q.start for p in result for q in p.right) == sorted(q.start for q in qb)


# --- the sample pair ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_pairs(seed_paths):
    left, right = load(seed_paths[0]), load(seed_paths[1])
    return left, right, pair_quotes(left, extract_quotes(left), right, extract_quotes(right))


def find_pair(seed_pairs, needle):
    left, right, result = seed_pairs
    for p in result:
        texts = [q.text(left.text) for q in p.left] + [q.text(right.text) for q in p.right]
        if any(needle in t for t in texts):
            return p
    raise AssertionError(f"no quote pair holds {needle!r}")


def test_seed_saludares_two_quotes_joined_are_merged_with_give_become_gave(seed_pairs):
    left, right, _ = seed_pairs
    pair = find_pair(seed_pairs, "I cannot stand one more meeting")
    assert pair.status is QuoteStatus.MERGED
    assert [left.text[q.start : q.start + 12] for q in pair.left] == [
        "I cannot sta",
        "They give us",
    ]
    (merged,) = pair.right
    assert "They gave us accolades" in merged.text(right.text)
    deleted = "".join(op.text for op in pair.ops if op.tag == "-")
    inserted = "".join(op.text for op in pair.ops if op.tag == "+")
    assert "give" in deleted and "gave" in inserted


@pytest.mark.parametrize("needle", ["bamboozled", "your family is now turning"])
def test_seed_bamboozled_and_family_quotes_are_only_left(seed_pairs, needle):
    pair = find_pair(seed_pairs, needle)
    assert pair.status is QuoteStatus.ONLY_LEFT and len(pair.left) == 1


def test_seed_multi_paragraph_guerra_quote_is_found_and_paired(seed_pairs):
    left, right, _ = seed_pairs
    pair = find_pair(seed_pairs, "I think they’re afraid")
    (quote,) = pair.right
    assert len(quote.fragments) == 2
    assert "We don’t actually believe" in right.text[slice(*quote.fragments[1])]
    assert len(pair.left) == 2
    assert pair.status is QuoteStatus.MERGED  # "said Guerra, who was among ..." dropped between
    assert quote.speaker == "Luis Guerra"


@pytest.mark.parametrize(
    "needle", ["We have sadly reached a turning point", "playing politics with human lives"]
)
def test_seed_verbatim_quotes(seed_pairs, needle):
    assert find_pair(seed_pairs, needle).status is QuoteStatus.VERBATIM


@pytest.mark.parametrize(
    ("needle", "speaker"),
    [
        ("I cannot stand one more meeting", "Ariana Saludares"),
        ("They give us accolades", "Ariana Saludares"),
        ("bamboozled", "Ariana Saludares"),
        ("your family is now turning", "Ariana Saludares"),
        ("We are incredibly thankful", "the White House"),
        ("I think they’re afraid", "Luis Guerra"),
        ("We don’t actually believe", "Luis Guerra"),
    ],
)
def test_seed_speakers_on_the_original(seed_paths, needle, speaker):
    article = load(seed_paths[0])
    (quote,) = [q for q in extract_quotes(article) if needle in q.text(article.text)]
    assert quote.speaker == speaker


def test_seed_rewrite_resolves_the_40_year_old_to_saludares(seed_paths):
    article = load(seed_paths[1])
    (quote,) = [q for q in extract_quotes(article) if "I cannot stand" in q.text(article.text)]
    assert quote.speaker == "Ariana Saludares"


# --- properties -----------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "‘",
        "’",
        "«",
        "»",
        "„",
        " ",
        "\n",
        "\n\n",
        ", ",
        ". ",
        ":",
        "it’s",
        "he said",
        "Jane Doe",
        "told Politico",
        "she",
        "words",
        "Guerra",
        "according to",
        "the White House",
        ".",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join), st.lists(_PIECES, max_size=40).map("".join))
def test_any_text_gives_well_formed_quotes_and_a_complete_pairing(left_text, right_text):
    left, right = Article.from_text(left_text), Article.from_text(right_text)
    found = {}
    for article in (left, right):
        quotes = extract_quotes(article)
        found[id(article)] = quotes
        starts = [q.start for q in quotes]
        assert starts == sorted(starts)
        for q in quotes:
            assert 0 <= q.start < q.end <= len(article.text)
            text = q.text(article.text)
            assert text.strip() and not text[0].isspace() and not text[-1].isspace()
            for s, e in q.fragments:
                assert q.start <= s < e <= q.end
            if q.speaker_span:
                assert 0 <= q.speaker_span[0] < q.speaker_span[1] <= len(article.text)
    result = pair_quotes(left, found[id(left)], right, found[id(right)])
    assert sorted(q.start for p in result for q in p.left) == [q.start for q in found[id(left)]]
    assert sorted(q.start for p in result for q in p.right) == [q.start for q in found[id(right)]]
    for p in result:
        assert p.left or p.right
        assert (p.status is QuoteStatus.ONLY_LEFT) == (not p.right)
        assert (p.status is QuoteStatus.ONLY_RIGHT) == (not p.left)


def test_importing_the_stage_compiles_no_pattern_and_imports_no_rapidfuzz():
    # A fresh process: what importing costs is what a process that pairs nothing pays.
    import subprocess
    import sys

    code = (
        "import re, sys\n"
        "compiled = []\n"
        "real = re.compile\n"
        "def spy(*a, **k):\n"
        "    if sys._getframe(1).f_globals.get('__name__', '').startswith('reader.core.quotes'):\n"
        "        compiled.append(a)\n"
        "    return real(*a, **k)\n"
        "re.compile = spy\n"
        "import reader.core.quotes.pairing\n"
        "print(len(compiled), 'rapidfuzz' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "False"]


def test_a_lazy_pattern_matches_as_the_compiled_one():
    import re

    from reader.core.quotes.lazy_re import lazy

    source = r"(?P<w>\w+)[,.]?"
    eager, late = re.compile(source), lazy(source)
    text = "Smith said, “we will.”"
    assert [m.span() for m in late.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert late.search(text, 6).group("w") == "said"  # compiled on that first use
    assert late.match(text).group() == eager.match(text).group()
    assert late.sub("-", text) == eager.sub("-", text)
    with pytest.raises(AttributeError):
        late.no_such_method  # noqa: B018


# --- the grammar of a partial quotation's clause -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb that names what follows it: its subject speaks, not what it names.
        (
            "Twelve people were hurt on Sunday by a fire that Mayor Jane Okafor "
            "described as “a deliberate act.”",
            "Jane Okafor",
        ),
        (
            "With ten days to go, Ann Brooks, a senior aide to the campaign, called "
            "Mr. Dunne’s remarks on Monday “a real alarm bell” for voters.",
            "Ann Brooks",
        ),
        # The antecedent of "who", past an appositive and an adverbial.
        (
            "Dunne has long clashed with Harker, now the party leader, who in 2012 said "
            "the party’s main aim was to make Dunne a “one-term mayor.”",
            "Harker",
        ),
        # A pronoun inside the sentence is its named subject, not the last speaker.
        (
            "Paul Arlen, the foreign minister of Spain, a member of the council, said the "
            "test “cannot go unanswered.”\n\nSecretary General Maria Tolland condemned "
            "what she called a “shameless breach” of the treaty.",
            "Maria Tolland",
        ),
        # A place or body after "of" or "in" is a complement, not the subject.
        (
            "One candidate, Sam Pell, the mayor of Mesa, who is a Mormon, said that the "
            "bill “is unfair.”",
            "Sam Pell",
        ),
        # An introductory phrase names nobody.
        (
            "From Denver on Monday, Gov. Ann Pike of Colorado, a Democrat, told reporters "
            "that “the plan works.”",
            "Ann Pike",
        ),
        (
            "While Sen. Ann Pike (D-Colo.), in an interview, called the plan “a disaster.”",
            "Ann Pike",
        ),
        ("Some activists saw hope in Biden who promised a “fair and humane” program.", "Biden"),
        # ... and a name set beside a described subject.
        (
            "John Rother said it was “a fine plan.”\n\nAs the news spread on Friday, the "
            "group’s chief executive, Barry Rand, issued a statement refuting what he "
            "described as “misleading” reports.",
            "Barry Rand",
        ),
    ],
)
def test_the_clause_carrying_a_partial_quotation_names_its_speaker(text, expected):
    assert speakers(text)[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        # A run-in heading before a colon is no subject.
        (
            "Council Vote Splits Town Leaders: Cutting “the waste of money” is one aim of the "
            "council. The vote splits the town and its leaders."
        ),
        # A sentence adverb is no name.
        "Instead, Congress was meant to “facilitate” work.",
    ],
)
def test_a_heading_or_an_adverb_opening_the_sentence_is_no_speaker(text):
    assert speakers(text) == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A label before a colon is its speaker, not a heading.
        ("Mayor Ruiz: the city will rebuild “stronger than ever” after the flood.", "Ruiz"),
        # A nearer name may be whom the pronoun means: recency decides, not the subject.
        ("Rep. Tom Hale criticized Sen. Ann Cole after she called the plan “a fraud.”", "Ann Cole"),
    ],
)
def test_a_label_before_a_colon_and_a_nearer_name_keep_their_speaker(text, expected):
    assert speakers(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # The antecedent of "who" is the phrase right before it.
        "The university's president, Dr. Lisa Wong, met students, who told her the fees "
        "were “unfair” and rising.",
        # A description with a verb in it is no subject.
        "The ruling angered residents of Ohio, who said it was “unfair.”",
        # What stands beside a described subject must be a person's full name.
        "The city's new budget, Plan B, was what he described as “a compromise.”",
    ],
)
def test_no_speaker_rather_than_a_wrong_one(text):
    assert speakers(text)[0] in (None, "he", "students")


def test_a_law_or_a_programme_is_no_person_a_pronoun_refers_to():
    text = (
        "Colorado Gov. Ann Pike spoke on Monday. Pike said her son had asked her to veto "
        "the Clean Water Protection Act.\n\n“My son asked me to veto it,” she said."
    )
    (speaker,) = speakers(text)
    assert speaker is not None and speaker.endswith("Ann Pike")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will act,” said Secretary of State Antony Blinken.", "Antony Blinken"),
        (
            "Secretary of Homeland Security Kirstjen Nielsen called it “a crisis.”",
            "Kirstjen Nielsen",
        ),
        ("The Governor of Texas, Greg Abbott, called the plan “a disaster.”", "Greg Abbott"),
        ("“It is over,” Sen. John F. Kennedy said.", "John F. Kennedy"),
        # A title and its complement with no name after them: nobody named.
        ("The Governor of Texas said the plan was “a disaster.”", None),
    ],
)
def test_a_title_alone_is_no_speaker_the_name_after_it_is(text, expected):
    assert speakers(text) == [expected]
