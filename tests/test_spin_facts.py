"""fact_changes on small sentence pairs of our own, and on the sample pair."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.article import Article
from reader.core.compare import compare
from reader.core.spin.fact_mentions import (
    Capitals,
    Mention,
    find_names,
    find_quantities_and_times,
)
from reader.core.spin.facts import NameTable, fact_changes

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(left: str, right: str):
    """fact_changes on two whole one-passage texts."""
    return fact_changes(left, (0, len(left)), right, (0, len(right)))


def one(left: str, right: str):
    """The single change found, with the words it shows and its counterpart's words."""
    got = run(left, right)
    assert len(got) == 1, got
    c = got[0]
    shown = (right if c.side == "right" else left)[c.start : c.end]
    old = left[c.counterpart[0] : c.counterpart[1]] if c.counterpart else None
    return c, shown, old


@pytest.mark.parametrize(
    "left,right,kind,new,old",
    [
        (
            "Police arrested 12 people at the rally.",
            "Police arrested 20 people at the rally.",
            "number",
            "20",
            "12",
        ),
        (
            "Arrests hit a record 1.5 million in fiscal 2021.",
            "Arrests hit a record 2 million in fiscal 2021.",
            "number",
            "2 million",
            "1.5 million",
        ),
        (
            "The plan costs $5 million, officials said.",
            "The plan costs $8 million, officials said.",
            "amount",
            "$8 million",
            "$5 million",
        ),
        (
            "Turnout fell 24 percent last year.",
            "Turnout fell 34 percent last year.",
            "percentage",
            "34 percent",
            "24 percent",
        ),
        (
            "The 32-year-old officer resigned.",
            "The 35-year-old officer resigned.",
            "age",
            "35-year-old",
            "32-year-old",
        ),
        (
            "The law took effect in August.",
            "The law took effect in October.",
            "date",
            "in October",
            "in August",
        ),
        (
            "The senator spoke on Saturday.",
            "The senator spoke on Tuesday.",
            "weekday",
            "on Tuesday",
            "on Saturday",
        ),
        (
            "They will restart the program next month.",
            "They will restart the program in November.",
            "date",
            "in November",
            "next month",
        ),
        (
            "The board met last week.",
            "The board met last month.",
            "relative date",
            "last month",
            "last week",
        ),
        (
            "John Smith met Mary Jones. Smith said the talks went well.",
            "John Smith met Mary Jones. Jones said the talks went well.",
            "person",
            "Jones",
            "Smith",
        ),
        (
            "The governor flew to Ohio on a trade mission.",
            "The governor flew to Texas on a trade mission.",
            "place",
            "Texas",
            "Ohio",
        ),
    ],
)
def test_changed(left, right, kind, new, old):
    c, shown, was = one(left, right)
    assert (c.change, c.side, c.fact_kind, shown, was) == ("changed", "right", kind, new, old)
    assert old in c.why and new in c.why


@pytest.mark.parametrize(
    "left,right,kind,words",
    [
        (
            "Luis Guerra, the 32-year-old strategic capacity officer, spoke.",
            "Luis Guerra, the strategic capacity officer, spoke.",
            "age",
            "32-year-old",
        ),
        (
            "The mayor met protesters on Saturday in the park.",
            "The mayor met protesters in the park.",
            "weekday",
            "on Saturday",
        ),
        (
            "The council voted last week to raise taxes.",
            "The council voted to raise taxes.",
            "relative date",
            "last week",
        ),
        (
            "Police said 40 people were hurt in the crash.",
            "Police said people were hurt in the crash.",
            "number",
            "40",
        ),
    ],
)
def test_dropped(left, right, kind, words):
    c, shown, _ = one(left, right)
    assert (c.change, c.side, c.fact_kind, shown, c.counterpart) == (
        "dropped",
        "left",
        kind,
        words,
        None,
    )
    assert c.why == f"{kind} dropped: {words}"


@pytest.mark.parametrize(
    "left,right,kind,words",
    [
        (
            "The council voted to raise taxes.",
            "The council voted on Monday to raise taxes.",
            "weekday",
            "on Monday",
        ),
        (
            "The mayor resigned, officials said.",
            "The mayor resigned in March, officials said.",
            "date",
            "in March",
        ),
        ("The officer resigned.", "The 45-year-old officer resigned.", "age", "45-year-old"),
        ("The company paid a fine.", "The company paid a $3 million fine.", "amount", "$3 million"),
    ],
)
def test_added(left, right, kind, words):
    c, shown, _ = one(left, right)
    assert (c.change, c.side, c.fact_kind, shown, c.counterpart) == (
        "added",
        "right",
        kind,
        words,
        None,
    )


@pytest.mark.parametrize(
    "left,right",
    [
        (
            "Migrants seeking asylum in the US must wait.",
            "Migrants seeking asylum in the United States must wait.",
        ),
        (
            "Migrants seeking asylum in the U.S. must wait.",
            "Migrants seeking asylum in the US must wait.",
        ),
        (
            "He will comply while DHS appeals.",
            "He will comply while the Department of Homeland Security appeals.",
        ),
        ("Three people were hurt.", "3 people were hurt."),
        ("Turnout fell 24 percent.", "Turnout fell 24%."),
        ("The vote is on Sept. 5.", "The vote is on September 5."),
        ("Mr. Smith said the talks went well.", "Smith said the talks went well."),
        (
            "Ariana Saludares, a 40-year old advocate, spoke.",
            "Ariana Saludares, a 40-year-old advocate, spoke.",
        ),
        ("The plan costs $5 million.", "The plan costs 5 million dollars."),
        (
            "A federal judge in August ordered the change.",
            "In August, a federal judge ordered the change.",
        ),
        ("They protested Trump's plan.", "They protested the plan of Trump."),
        ("John Smith arrived. Later, Smith spoke.", "John Smith arrived. Later, Mr. Smith spoke."),
        ("The U.S. Senate voted.", "The United States Senate voted."),
        ("Twenty-five people came.", "25 people came."),
    ],
)
def test_same_meaning_not_flagged(left, right):
    assert run(left, right) == []


def test_acronym_spelled_out_elsewhere_in_other_article():
    left = "Officials of the Department of Homeland Security (DHS) met. Later DHS appealed."
    right = "Officials of the department met. Later the Department of Homeland Security appealed."
    s = left.index("Later")
    r = right.index("Later")
    got = fact_changes(
        left,
        (s, len(left)),
        right,
        (r, len(right)),
        left_names=NameTable.build(left),
        right_names=NameTable.build(right),
    )
    assert got == []


def test_offsets_are_into_full_texts():
    left = "First sentence here. The board met last week."
    right = "Another opening sentence. The board met last month."
    ls, rs = left.index("The"), right.index("The")
    (c,) = fact_changes(left, (ls, len(left)), right, (rs, len(right)))
    assert right[c.start : c.end] == "last month" and left[slice(*c.counterpart)] == "last week"


def test_sentence_start_words_are_not_names():
    assert run("Apparently the plan failed.", "The plan failed.") == []


def test_sample_pair():
    left = (SEEDS / "original_report.txt").read_text(encoding="utf-8")
    right = (SEEDS / "rewrite.txt").read_text(encoding="utf-8")
    lt, rt = NameTable.build(left), NameTable.build(right)
    flags = []
    blocks = compare(Article.from_text(left), Article.from_text(right)).blocks
    for kind, ls, rs in ((b.kind.value, b.left, b.right) for b in blocks):
        if kind in ("changed", "same") and ls and rs:
            flags += fact_changes(left, ls, right, rs, left_names=lt, right_names=rt)
    shown = {((right if c.side == "right" else left)[c.start : c.end], c.change) for c in flags}
    nov = [c for c in flags if right[c.start : c.end] == "in November" and c.side == "right"]
    assert nov and nov[0].change == "changed" and left[slice(*nov[0].counterpart)] == "next month"
    age = [c for c in flags if c.side == "left" and left[c.start : c.end] == "32-year-old"]
    assert age and age[0].change == "dropped" and age[0].fact_kind == "age"
    for word in (
        "United States",
        "Department of Homeland Security",
        "40-year-old",
        "In August",
        "US",
        "DHS",
    ):
        assert not any(word == w for w, _ in shown), (word, shown)


def _sentences(text: str):
    """The sample article's sentence spans, as the engine cuts them."""
    return Article.from_text(text).sentences


@pytest.mark.parametrize("name", ["original_report.txt", "rewrite.txt"])
def test_passage_facts_equal_whole_text_facts(name):
    # Facts are found passage by passage; each passage must see what the whole text has there.
    text = (SEEDS / name).read_text(encoding="utf-8")
    whole_q = find_quantities_and_times(text)
    whole_n = find_names(text, 0, len(text), Capitals(text))
    for lo, hi in _sentences(text):
        inside = [m for m in whole_q if lo <= m.start and m.end <= hi]
        assert find_quantities_and_times(text, lo, hi) == inside
        inside_n = [r for r in whole_n if lo <= r.start and r.end <= hi]
        assert find_names(text, lo, hi, Capitals(text)) == inside_n


def test_fact_stated_anywhere_in_other_words():
    text = "Intro. Three people came on Sept. 5, 2019, and left last week. It cost $2 million."
    table = NameTable.build(text)
    other = NameTable.build("x")
    quantity = Mention(0, 1, "number", ("n", 3.0))
    date = Mention(0, 1, "date", (9, 5, None))
    relative = Mention(0, 1, "relative date", ("last", "week"))
    money = Mention(0, 1, "amount", ("USD", 2e6))
    for m in (quantity, date, relative, money):
        assert table.has_fact(m, other), m
    for m in (
        Mention(0, 1, "number", ("n", 4.0)),
        Mention(0, 1, "date", (10, None, None)),
        Mention(0, 1, "relative date", ("next", "week")),
        Mention(0, 1, "amount", ("EUR", 2e6)),
        Mention(0, 1, "weekday", (1, "")),
    ):
        assert not table.has_fact(m, other), m


def test_names_known_from_the_whole_article():
    text = (
        "Trump Signs Order On Border\n"
        "Okafor said the order was signed. Apparently it was. Signs of it were clear. "
        "Later the Department of Homeland Security (DHS) replied to Trump."
    )
    table = NameTable.build(text)
    # A headline's capitals count only when written mid-sentence elsewhere ("Trump", not
    # "Signs"); a lone sentence-initial word is no name ("Apparently"), a subject is ("Okafor").
    keys = {m.value[1] for m in table.facts_in(0, text.index("\n")) if m.value[0] == "name"}
    assert keys == {"trump"}
    keys = {m.value[1] for m in table.facts_in(text.index("\n"), len(text)) if m.value[0] == "name"}
    assert keys == {"okafor", "department of homeland security", "trump"}
    assert table.has_name("okafor") and table.has_name("dhs") and table.has_name("homeland")
    assert table.expand("dhs") == "department of homeland security"
    assert not table.has_name("smith")


# -- this session's fixes ---------------------------------------------------------------------


def test_an_amount_with_a_glued_scale_is_read_whole():
    # "$2.5m" is two and a half million, not "$2" followed by ".5m".
    (c,) = run(
        "The contract was worth $2.5m last spring.", "The contract was worth $25m last spring."
    )
    assert (c.change, c.fact_kind) == ("changed", "amount")
    assert "$2.5m -> $25m" in c.why


def test_a_sentence_initial_noun_for_people_is_no_name():
    left = "Experts said the bridge would close. Nobody else said so."
    right = "Analysts said the bridge would close. Nobody else said so."
    assert run(left, right) == []


def test_a_name_swapped_in_a_title_case_headline_is_a_change():
    # "Okafor" is written nowhere else in the rewrite, so alone it reads as no name.
    body = "\n\nMr. Obama spoke in Chicago on Monday. Voters listened to Obama."
    left = "Obama Sees Insult If Voters Stay Home" + body
    right = "Okafor Sees Insult If Voters Stay Home" + body
    head = len("Obama Sees Insult If Voters Stay Home")
    got = fact_changes(left, (0, head), right, (0, head))
    assert [(c.change, right[c.start : c.end]) for c in got] == [("changed", "Okafor")]
    assert left[slice(*got[0].counterpart)] == "Obama"


def test_a_surname_swapped_after_a_kept_first_name_is_a_change():
    body = "\n\nPat Caddell, a pollster, spoke on Monday. Caddell said voters worry."
    left = "Pat Caddell: Voters Worried About Race" + body
    right = "Pat Brandtner: Voters Worried About Race" + body
    got = fact_changes(left, (0, left.index("\n")), right, (0, right.index("\n")))
    assert [c.change for c in got] == ["changed"]
    assert "Brandtner" in right[got[0].start : got[0].end]
    assert "Caddell" in left[slice(*got[0].counterpart)]


def test_a_title_is_no_other_name():
    body = "\n\nBarack Obama spoke first. President Obama spoke again."
    left = "Barack Obama met the mayor in Chicago." + body
    right = "President Obama met the mayor in Chicago." + body
    n, m = left.index("\n"), right.index("\n")
    assert fact_changes(left, (0, n), right, (0, m)) == []


def test_a_weekday_dropped_from_its_sentence_counts_though_stated_elsewhere():
    first = "The council voted on Friday to close the road."
    rest = "\n\nOther towns voted on Friday as well."
    left, right = first + rest, "The council voted to close the road." + rest
    got = fact_changes(left, (0, len(first)), right, (0, len(right) - len(rest)))
    assert [(c.change, left[c.start : c.end]) for c in got] == [("dropped", "on Friday")]


def test_a_weekday_moved_to_the_next_sentence_is_not_dropped():
    left = "The council voted on Friday to close the road. It will reopen in May."
    right = "The council voted to close the road. It met on Friday and will reopen in May."
    n = left.index(".") + 1
    m = right.index(".") + 1
    assert fact_changes(left, (0, n), right, (0, m)) == []
