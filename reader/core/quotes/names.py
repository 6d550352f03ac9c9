"""Resolving a speaker's mention to a name: full names by surname, pronouns, roles.

``NameIndex`` is one regex pass over the article; ``Resolver`` turns a mention
(``she``, ``Guerra``, ``the 32-year-old``) into the latest full name it refers to.
"""

from __future__ import annotations

import bisect
import re

from reader.core.places import PLACES
from reader.core.quotes.cues import (
    DETERMINERS,
    NAME_RUN_MULTI,
    NOT_NAMES,
    ORG_HEADS,
    PARTICLES,
    PERSON_PRONOUNS,
    PRECEDING_WORD,
    PREPOSITIONS,
    PRONOUNS,
    TITLES,
    WINDOW,
)
from reader.core.quotes.lazy_re import lazy
from reader.core.quotes.mentions import LowerCaseWords, Mention
from reader.core.quotes.positions import Lines

# --- resolving the mention to a name -------------------------------------------------------


class NameIndex:
    """Every full name (two or more capitalised words) in the text, by surname."""

    def __init__(self, text: str) -> None:
        self.by_last: dict[str, list[tuple[int, str]]] = {}
        self.people: list[tuple[int, str]] = []
        self.roles: dict[str, list[tuple[int, str]]] = {}  # role head word -> (position, name)
        # A name recurs through an article: clean and judge each spelling once.
        judged: dict[str, str | None] = {}
        for match in NAME_RUN_MULTI.finditer(text):  # one word is never a full name
            raw = match.group()
            if raw in judged:
                name = judged[raw]
            else:
                name = _clean_name(raw)
                if len(name.split()) < 2 or not _looks_like_person(name):
                    name = None
                judged[raw] = name
            if name is None:
                continue
            key = name.split()[-1].lower()
            self.by_last.setdefault(key, []).append((match.start(), name))
            preceding = PRECEDING_WORD.search(text, max(0, match.start() - 12), match.start())
            if preceding and preceding.group(1).lower() in _NOT_BEFORE_PEOPLE:
                # "based out of New Mexico", "with Colores United": a place or body;
                # "the Sandy Hook school": a name made a modifier, not a person.
                continue
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


_PLACE_PREPOSITIONS = PREPOSITIONS | {"of", "to"}
_NOT_BEFORE_PEOPLE = _PLACE_PREPOSITIONS | {"the"}
# ", the 32-year-old officer at …," after a name: the role's head word is "officer".
_APPOSITIVE = lazy(
    r",\s+(?:a|an|the)\s+(?:[^\s,;:.“”\"]+\s+){0,6}?(?P<head>[^\s,;:.“”\"]+)"
    r"(?=\s+(?:at|of|for|with|from|in|who)\b|,)"
)


class Resolver:
    """Resolves mentions in text order; remembers the people and groups named so far."""

    def __init__(
        self,
        text: str,
        names: NameIndex,
        lines: Lines | None = None,
        common: LowerCaseWords | None = None,
    ) -> None:
        self.text = text
        self.names = names
        self.lines = lines or Lines(text)
        # Words the article also writes in lower case: "Authorities said" names no person.
        self.common = common if common is not None else LowerCaseWords(text)
        self.recent_people: list[tuple[int, str]] = []
        self.recent_groups: list[tuple[int, str]] = []

    def resolve(self, mention: Mention) -> str:
        at = mention.span[0]
        words = mention.text.split()
        first = words[0].lower()
        if len(words) == 1 and first in PRONOUNS:
            if first in PERSON_PRONOUNS:
                name = self._recent(self.recent_people, at) or self.names.last_person(at)
                return name or mention.text
            if first in ("they", "them"):
                return self._plural_antecedent(at) or mention.text
            if first == "it":
                return self._recent(self.recent_groups, at) or mention.text
            return mention.text
        if first == "the" and len(words) == 2 and words[1].lower() in _GENERIC_GROUPS:
            # "The people then said …": a bare generic noun stands for a group named before.
            group = self._plural_antecedent(at)
            if group:
                self.recent_groups.append((at, group))
                return group
        if first in DETERMINERS:
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
        if len(tokens) == 1 and name.lower() in self.common:
            pass  # a common word opening the sentence: no pronoun will refer back to it
        elif _looks_like_person(name):
            self.recent_people.append((at, name))
        else:
            self.recent_groups.append((at, name))
        return name

    def _plural_antecedent(self, before: int) -> str | None:
        """``they``: the nearest group before ``before`` in the last two paragraphs.

        Either a sentence-initial plural subject (``The advocates …``) or a
        plural group already resolved as a speaker, whichever comes later; a
        bare generic subject (``The people …``) is skipped, as it stands for a
        group itself.
        """
        para = self.lines.paragraph_start(before)
        lo = max(self.lines.previous_paragraph_start(para) if para else 0, before - 2 * WINDOW)
        found, found_at = None, -1
        for match in _PLURAL_SUBJECT.finditer(self.text, lo, before):
            np = match.group("np")
            if np.split()[-1].lower() not in _GENERIC_GROUPS:
                found, found_at = "the " + np.split(None, 1)[1], match.start()
        for pos, name in reversed(self.recent_groups):
            if pos < lo:
                break
            if pos < before and _is_plural(name):
                if pos > found_at:
                    found, found_at = name, pos
                break
        return found

    @staticmethod
    def _recent(entries: list[tuple[int, str]], before: int) -> str | None:
        for pos, name in reversed(entries):
            if pos < before:
                return name
        return None


# "The advocates", "the immigration groups": a plural subject opening a sentence or clause.
_PLURAL_SUBJECT = lazy(
    r"(?:^|(?<=[.!?”\"] )|(?<=\n)|(?<=, ))"
    r"(?P<np>[Tt]he(?: [a-z][\w-]*){0,3} (?:[a-z][\w-]*[^s\W]s|people|men|women|children))\b(?! of)"
)
# Nouns that name a group only by what it is: "the people", "the group".
_GENERIC_GROUPS = frozenset("people group groups men women pair trio members".split())
_IRREGULAR_PLURALS = frozenset("people men women children police staff".split())


def _is_plural(name: str) -> bool:
    """A group named in the plural: "the advocates", "the people" (not "the White House")."""
    words = name.split()
    if len(words) < 2 or words[0].lower() != "the":
        return False
    last = words[-1].lower()
    return last in _IRREGULAR_PLURALS or (last.endswith("s") and not last.endswith("ss"))


_PARENTHETICAL = lazy(r"\s*\([^()]*\)")
_POSSESSIVE = lazy(r"(?<=s)['’]$|['’]s$")


def _clean_name(raw: str) -> str:
    """Drop a parenthetical (``(D-Wis.)``), a possessive and leading titles from a name."""
    name = _PARENTHETICAL.sub("", raw).strip() if "(" in raw else raw.strip()
    if name.endswith(("'", "’", "s")):
        name = _POSSESSIVE.sub("", name)
    tokens = name.split()
    while tokens and tokens[0].rstrip(".").lower() in NOT_NAMES:
        tokens.pop(0)
    while len(tokens) > 1 and tokens[0].rstrip(".").lower() in TITLES:
        tokens.pop(0)
    return " ".join(tokens)


def _looks_like_person(name: str) -> bool:
    tokens = name.split()
    if not tokens or tokens[0].lower() in DETERMINERS or name.lower() in PLACES:
        return False  # ("South Dakota", "New York": places, however capitalised)
    if tokens[-1].lower() in ORG_HEADS or tokens[-1].isupper():
        return False
    return all(t[:1].isupper() or t in PARTICLES for t in tokens)
