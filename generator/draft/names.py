"""Known entities' names found in an article: full names, aliases and short forms (a surname, a
first name or its common short form), and who a pronoun or a description refers back to."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Corpus, Person, Strict

# Common short forms of first names: "Mike" is Michael.
SHORT_FORMS = {
    "alexander": ["alex"], "andrew": ["andy"], "anthony": ["tony"], "benjamin": ["ben"],
    "catherine": ["kate", "cathy"], "charles": ["charlie", "chuck"], "christopher": ["chris"],
    "daniel": ["dan"], "david": ["dave"], "donald": ["don"], "edward": ["ed", "ted"],
    "elizabeth": ["liz", "beth"], "james": ["jim", "jimmy"], "jennifer": ["jen"],
    "jonathan": ["jon"], "joseph": ["joe"], "katherine": ["kate", "kathy"], "margaret": ["maggie"],
    "matthew": ["matt"], "michael": ["mike"], "nicholas": ["nick"], "patricia": ["pat"],
    "patrick": ["pat"], "peter": ["pete"], "richard": ["rick", "dick"], "robert": ["bob", "rob"],
    "samuel": ["sam"], "stephen": ["steve"], "steven": ["steve"], "susan": ["sue"],
    "thomas": ["tom"], "timothy": ["tim"], "william": ["bill", "will"],
}  # fmt: skip
KIND_ORDER = ("people", "organizations", "meetings", "commitments", "places")
# A capital letter, accented ones of the Latin alphabets included ("Élysée", "Øresund").
UPPER = "A-ZÀ-ÖØ-Þ"
_DESCRIBED = ("meetings", "commitments")


@dataclass(frozen=True)
class Name:
    """One way the text may name a known entity."""

    words: str
    entity: str
    kind: str
    how: str  # "name", "alias" or "short"


def _pattern(words: str) -> str:
    # An apostrophe matches its typographic forms: "Korea's" is "Korea’s".
    return r"['’]".join(re.escape(part) for part in words.split("'"))


def known_names(corpus: Corpus) -> list[Name]:
    """Every name, alias and short name of the people, organizations, places, meetings and
    commitments of the corpus."""
    names: list[Name] = []
    for kind in KIND_ORDER:
        for entity_id, entity in sorted(corpus.entities.get(kind, {}).items()):
            names.extend(_names_of(entity_id, kind, entity))
    full = {n.words for n in names if n.how != "short"}
    return [n for n in names if n.how != "short" or n.words not in full]


def _names_of(entity_id: str, kind: str, entity: Strict) -> list[Name]:
    name = getattr(entity, "name", None)
    if not isinstance(name, str):
        return []
    found = [Name(name, entity_id, kind, "name")]
    found += [Name(alias, entity_id, kind, "alias") for alias in getattr(entity, "aliases", [])]
    if isinstance(entity, Person):
        tokens = [t for t in name.split() if len(t.rstrip(".")) > 1]
        for token in {tokens[0], tokens[-1]} if tokens else set():
            found.append(Name(token, entity_id, kind, "short"))
        for short in SHORT_FORMS.get(tokens[0].lower(), []) if tokens else []:
            found.append(Name(f"{short.title()} {tokens[-1]}", entity_id, kind, "short"))
    return found


class Names:
    """Finds known names in a text, the longest first."""

    def __init__(self, names: list[Name]) -> None:
        self.names = names
        by_words: dict[str, list[Name]] = {}
        for name in names:
            words = name.words.replace("’", "'")
            by_words.setdefault(words, []).append(name)
            if name.kind in _DESCRIBED and words[:1].isupper():
                # A meeting's name is a description: "the preparatory talks in Pyongyang".
                by_words.setdefault(words[0].lower() + words[1:], []).append(name)
        self._by_words = by_words
        ordered = sorted(by_words, key=len, reverse=True)
        self._pattern = (
            re.compile(r"(?<![\w.])(?:" + "|".join(_pattern(w) for w in ordered) + r")(?!\w)")
            if ordered
            else None
        )

    def find(
        self, text: str, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int, list[Name]]]:
        """Each stretch of the text naming known entities, with every entity it may name."""
        if self._pattern is None:
            return []
        end = len(text) if end is None else end
        found = []
        for match in self._pattern.finditer(text, start, end):
            found.append(
                (match.start(), match.end(), self._by_words[match.group().replace("’", "'")])
            )
        return found

    def kind_of(self, entity: str) -> str | None:
        return next((n.kind for n in self.names if n.entity == entity), None)

    def full_names(self, entity: str) -> list[str]:
        return [n.words for n in self.names if n.entity == entity and n.how != "short"]


def pick(candidates: list[Name], recent: list[str]) -> tuple[Name, bool]:
    """The entity a name most likely means: if several, the one named most recently (by `recent`,
    the entities in the order the text named them); True if the choice was a guess."""
    entities = {n.entity for n in candidates}
    if len(entities) == 1:
        return candidates[0], False
    for entity in reversed(recent):
        for name in candidates:
            if name.entity == entity:
                return name, True
    ordered = sorted(candidates, key=lambda n: KIND_ORDER.index(n.kind))
    return ordered[0], True
