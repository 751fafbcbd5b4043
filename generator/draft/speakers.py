"""Who a quotation's attribution names: a known person or organization (by name, alias or
short name), the person a pronoun refers back to, the organization an unnamed spokesperson
speaks for, or someone new, with their title as the text gives it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.draft.names import UPPER, Names, pick
from generator.model import Corpus, Person

_PRONOUNS = {"he": "people", "she": "people", "they": "organizations", "it": "organizations"}
_SPOKESPERSON = re.compile(
    r"\bspokes(?:person|man|woman)\b(?:\s+(?:at|of|for)\s+(?P<body>[^,]+))?", re.IGNORECASE
)
# Two to four capitalized words (initials allowed): a name the corpus may not know yet.
_WORD = rf"[{UPPER}][^\W\d_]+(?:-[^\W\d_]+)*"  # "Moon", "Jae-in", "Zoë"
_PERSON_NAME = re.compile(rf"\b{_WORD}(?:\s+(?:[{UPPER}]\.|{_WORD})){{1,3}}(?![\w-])")
# The words of a person's title. The head words stand right before a name ("President Moon
# Jae-in"); the others qualify one ("Foreign Minister", "Special Representative").
HEAD_TITLES = frozenset({
    "president", "chairman", "chairwoman", "leader", "minister", "secretary", "envoy",
    "ambassador", "general", "spokesman", "spokeswoman", "spokesperson", "premier", "senator",
    "governor", "mayor", "king", "queen", "prince",
})  # fmt: skip
TITLES = HEAD_TITLES | {"representative", "special", "foreign", "prime", "deputy", "vice"}
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: a known entity's id, or a new one to draft (`new_kind` set)."""

    entity: str
    kind: str
    guess: str = ""  # why it is a guess, for the `# review:` comment
    new_kind: str | None = None
    name: str = ""
    title: str = ""


# Letters that decompose into no ASCII letter.
_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})


def new_id(name: str) -> str:
    """An id for a new entity: its name in lowercase words; a possessive "'s" is dropped
    ("South Korea's presidential office" is `south-korea-presidential-office`)."""
    plain = re.sub(r"['’]s\b", "", name.lower())
    # Letters as ASCII: "Hà Nội" is `ha-noi`, "Øresund" `oresund`.
    plain = unicodedata.normalize("NFKD", plain.translate(_LETTERS))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


class Speakers:
    """Resolves attributions in one article against the known entities."""

    def __init__(self, corpus: Corpus, names: Names) -> None:
        self.corpus = corpus
        self.names = names

    def resolve(self, subject: str, recent: list[str]) -> Speaker | None:
        """The speaker named by an attribution's subject ("Trump", "a spokesperson at the
        ministry", "he"); `recent` holds the entities named before it, in order."""
        subject = subject.strip(" ,")
        spokesperson = _SPOKESPERSON.search(subject)
        found = self.names.find(subject)
        # "the ministry's spokeswoman Jane Roe" is a person; "a spokesperson at the ministry"
        # speaks for the ministry.
        unnamed = subject[: spokesperson.start()] if spokesperson else subject
        named = any(m[2][0].kind == "people" for m in found) or _PERSON_NAME.search(unnamed)
        if spokesperson and spokesperson["body"] and not named:
            return self._spokesperson(spokesperson, recent)
        people = [m for m in found if any(n.kind == "people" for n in m[2])]
        words = subject.lower().split()
        if not people and words and words[-1] in TITLES:
            # "The US president": a description of a person, not the country it names.
            described = self._description(subject, recent)
            if described is not None:
                return described
        for _, _, candidates in people or found:
            usable = [n for n in candidates if n.kind in ("people", "organizations")]
            if usable:
                name, guessed = pick(usable, recent)
                why = (
                    f'"{name.words}" may name several; taken to be the one named last'
                    if guessed
                    else ""
                )
                return Speaker(name.entity, name.kind, why)
        word = subject.lower()
        if word in _PRONOUNS:
            return self._pronoun(word, recent)
        # "South Korean President Moon Jae-in": the name is after the title.
        heads = [m for m in re.finditer(r"[\w-]+", subject) if m.group().lower() in HEAD_TITLES]
        unknown = _PERSON_NAME.search(subject, heads[-1].end() if heads else 0)
        if unknown:
            person = unknown.group()
            title = (subject[: unknown.start()] + subject[unknown.end() :]).strip(" ,.")
            why = f"{person} is not in content/; drafted as a new person"
            return Speaker(new_id(person), "people", why, "people", person, _LEADING.sub("", title))
        return self._description(subject, recent)

    def _spokesperson(self, match: re.Match[str], recent: list[str]) -> Speaker | None:
        body = (match["body"] or "").strip()
        if not body:
            return None
        known = [m for m in self.names.find(body) if m[0] == 0 and m[1] == len(body)]
        if known:
            name, _ = pick(known[0][2], recent)
            return Speaker(name.entity, name.kind, "an unnamed spokesperson speaks for it")
        words = _LEADING.sub("", body)
        why = f"an unnamed spokesperson speaks for {words}, not in content/; drafted as new"
        return Speaker(new_id(words), "organizations", why, "organizations", words)

    def _pronoun(self, word: str, recent: list[str]) -> Speaker | None:
        kind = _PRONOUNS[word]
        for entity in reversed(recent):
            if self.names.kind_of(entity) == kind:
                what = "person" if kind == "people" else "body"
                why = f'"{word}" is taken to be the last {what} named before it'
                return Speaker(entity, kind, why)
        return None

    def _description(self, subject: str, recent: list[str]) -> Speaker | None:
        """ "the US president": the person named last whose role's title holds its last word."""
        words = re.findall(r"[a-z]+", subject.lower())
        if not words:
            return None
        head = words[-1]
        people = self.corpus.entities.get("people", {})
        for entity in reversed(recent):
            person = people.get(entity)
            if isinstance(person, Person) and any(head in r.title.lower() for r in person.roles):
                return Speaker(
                    entity, "people", f'"{subject}" is taken to be {person.name}, named before it'
                )
        return None
