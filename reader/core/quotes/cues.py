"""The words and patterns speaker attribution reads: cue verbs, pronouns, titles, name shapes.

Data only, shared by ``mentions`` (which finds the words next to a quotation
that name its speaker) and ``names`` (which resolves them to a full name).
"""

from __future__ import annotations

from reader.core.quotes.lazy_re import lazy

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
# Words that end a subject noun phrase when they follow it ("The advocates read …",
# "Some activists saw …"): speech cues, auxiliaries and common irregular past tenses.
VERBISH = frozenset(_CUE_VERBS.split()) | frozenset(
    """
    is are was were be been has have had will would can could may might should must do does did
    who which that also then later once just still saw made took got gave went came left put set
    kept held began became found thought knew felt ran met sent spent built brought bought won
    lost paid sat stood wore spoke chose rose fell drew grew threw led fed hit cut let heard meant
    """.split()
)

# Far from the quotation only unambiguous verbs count ("his campaign promise" is a noun;
# "promised", "pledged", "vowed" are verbs: "Biden, who promised to run a “…” program").
WEAK_CUE_RE = lazy(
    r"\b(?:said|says|told|tells|added|asked|wrote|writes|tweeted|explained|stated|argued|declared"
    r"|insisted|claimed|warned|noted|read|blasting|blasted|accused|criticized|praised|called"
    r"|calling|promised|pledged|vowed|described|describes|describing|termed|dubbed|labeled"
    r"|labelled|branded)\b"
)
# Cues that name something ("called X's remarks “…”", "described it as “…”"): what
# follows them is what is named, not whose words the quotation is.
NAMING_CUES = frozenset(
    "called calling described describes describing termed dubbed labeled labelled branded".split()
)

PRONOUNS = frozenset("he she they it we i you him her them".split())
PERSON_PRONOUNS = frozenset("he she him her".split())
DETERMINERS = frozenset(
    "the a an this that these those his her their its our my your one another some several "
    "many most both each".split()
)
# Capitalised words that start a sentence without starting a name.
NOT_NAMES = frozenset(
    """
    the a an this that these those his her their its our my your he she they it we i you
    but and or so yet in on at as if when while after before since because although though
    some many most several both each every all any no not one two three according last next
    however meanwhile still also then there here what who why how where which asked said
    instead moreover nevertheless nonetheless otherwise likewise similarly indeed besides
    furthermore thus hence later earlier now today yesterday tomorrow separately
    mr mrs ms
    """.split()
)
# Words that can precede a name as a title; dropped from the resolved name.
TITLES = frozenset(
    """
    mr mrs ms miss dr prof professor rep sen gov del pres president vice chairman chairwoman
    chair secretary gen general judge justice mayor rev reverend sir dame lord lady speaker
    senator representative governor attorney sheriff chief lt sgt col capt cmdr adm maj
    commissioner councilman councilwoman congressman congresswoman ambassador minister
    prime premier candidate nominee democratic republican former state
    """.split()
)
ORG_HEADS = frozenset(
    """
    house times post journal committee department party campaign network news press court
    council congress senate administration union institute center centre foundation agency
    office bureau association group inc corp company university college school police
    ministry government board commission service services tribune herald review magazine
    report ruling book article statement
    act bill amendment constitution treaty accord agreement resolution program programme policy
    initiative fund hospital museum airport station league army navy county avenue
    """.split()
)
# Lower-case words inside a name ("Ludwig van Beethoven", "Osama bin Laden").
PARTICLES = frozenset("de da del della di du la le van von der den bin ibn al".split())
_PARTICLES = r"(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + r"|St\.)"
# A capitalised word; a full stop belongs to it only for a title or an initial.
_NAME_TOKEN = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Del|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Pres|Ft|Mt)\."
    r"|[A-Z]\.|[A-Z][\w'’\-]*)"
)
# The look-ahead changes no match (every token starts with a capital) but lets the
# scan skip the other characters at once: 2x faster over a whole article.
NAME_RUN = lazy(
    rf"(?=[A-Z]){_NAME_TOKEN}(?:[ \xa0]+(?:{_PARTICLES}[ \xa0]+)*{_NAME_TOKEN})*"
    r"(?:[ \xa0]*\([^()\n]{1,25}\))?"
)
# The same runs when they hold two or more words (what a full name needs): the scan
# then leaves every lone capitalised word to the regex engine instead of a Python loop.
NAME_RUN_MULTI = lazy(
    rf"(?=[A-Z]){_NAME_TOKEN}(?:[ \xa0]+(?:{_PARTICLES}[ \xa0]+)*{_NAME_TOKEN})+"
    r"(?:[ \xa0]*\([^()\n]{1,25}\))?"
)
LOWER_WORD = lazy(r"[a-z][a-z'’\-]*")
JOINS_WORD = lazy(r"[\w'’\-]")  # a character that would make a longer word
WORD = lazy(r"[\w'’\-]+\.?|\([^()\n]{1,25}\)")

# Text after a closing mark: ``, said Guerra`` (inverted) or ``Saludares said``.
AFTER_INVERTED = lazy(
    rf"[ \t\xa0,]*(?P<cue>{_CUE})[ \t\xa0]+(?P<np>[^,;:!?“”\"\n]{{1,120}})",
)
AFTER_SUBJECT = lazy(
    r"[ \t\xa0,]*(?P<np>(?:[^\s,;:!?“”\"]+[ \xa0]+){0,6}?[^\s,;:!?“”\"]+"
    r"(?:[ \xa0]*\([^()\n]{1,25}\))?)"
    r"(?P<appos>(?:[ \xa0]*,[^,;.!?“”\"\n]{1,160}){1,2},)?"
    rf"[ \xa0]+(?:\w+ly[ \xa0]+)?(?P<cue>{_CUE})\b",
)
# Text before an opening mark ends with a cue and a few words: ``told Politico:``.
BEFORE_CUE = lazy(
    rf"\b(?P<cue>{_CUE})\b(?:(?:[ \xa0]+[^\s“”\",:;]+){{0,5}}[ \xa0]*[:,]|[ \xa0]*[:,]?)[ \xa0]*$",
)
ACCORDING = lazy(r"\b[Aa]ccording to\s+(?P<np>[^,;:!?“”\"\n]{1,80})")
SENTENCE_END = lazy(r"[.!?…]+[”’\")\]]*\s+(?=[“\"‘(]?[A-Z0-9])|\n")
ABBREV_DOT = lazy(
    r"\b(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Del|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|Pres|[A-Z])\.$"
)
WINDOW = 400  # characters looked at on either side of a quotation

OF = frozenset({"of", "from"})
CONJUNCTIONS = frozenset("and but or that which to of".split())
BETWEEN_SUBJECT_AND_CUE = frozenset(
    "that who which has have had also then later previously once again just would will is "
    "was".split()
)
PREPOSITIONS = frozenset(
    "in on at as after before during since for from with without by about on into over under "
    "when while if although though because following despite amid".split()
)

PRECEDING_WORD = lazy(r"(\w+)[ \xa0]+$")
