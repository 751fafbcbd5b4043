"""Synthesizes a briefing corpus of any size, shaped like the shipped one, for the benchmark.

Deterministic for a given size and seed. Article texts are built from sentences that name the
entities they are about, and every citation copies words from those sentences verbatim, so the
corpus passes `briefing check` and exercises the same paths (quote search, references, footnotes)
as curated content does.

    .venv/bin/python bench/synth.py 1000 /tmp/corpus   # writes content/ and seeds/ there
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml


def _words(text: str, separator: str | None = None) -> list[str]:
    # Word lists read better as one string than as a column of quoted words.
    return text.split(separator)


# Entities per kind in the shipped corpus (61 in all); synthetic corpora keep these proportions.
SHIPPED = {
    "sources": 2,
    "people": 4,
    "organizations": 6,
    "places": 9,
    "meetings": 6,
    "commitments": 10,
    "statements": 9,
    "facts": 15,
}
PREFIX = {
    "sources": "source",
    "people": "person",
    "organizations": "org",
    "places": "place",
    "meetings": "meeting",
    "commitments": "commitment",
    "statements": "statement",
    "facts": "fact",
}
SCHEMA = {
    "sources": "source",
    "people": "person",
    "organizations": "organization",
    "places": "place",
    "meetings": "meeting",
    "commitments": "commitment",
    "statements": "statement",
    "facts": "fact",
}

FIRST = _words(
    "Amara Bao Carlos Dana Elif Farid Greta Hana Ivan Jun Kofi Lena Mateo Nadia Omar Priya Quentin "
    "Rosa Sami Tariq Uma Viktor Wen Ximena Yusuf Zofia Aiko Bruno Chen Dmitri Esther Femi Goran "
    "Hiroshi Ines Jonas Kamala Luis Mei Nikos"
)
LAST = _words(
    "Okafor Lindqvist Haddad Novak Tanaka Moreau Kowalski Mensah Petrova Rahman Silva Yilmaz Park "
    "Dubois Abara Castillo Eriksen Fischer Gupta Horvat Ibrahim Jovanovic Kim Larsen Mwangi "
    "Nakamura Osei Quispe Rossi Sato Trinh Urquhart Vasquez Weber Xu Yamada Zeller Adeyemi "
    "Bergstrom Chowdhury"
)
SYLLABLES = _words(
    "val dor mir sen tar ko len ria bel gar os tan vi ra lu nor es kai mon dra sul fen ta bri"
)
TOPICS = _words(
    "trade|fisheries|water rights|border security|grain exports|nuclear safety|energy transit|"
    "refugee returns|rail links|customs|airspace|public health|mining licences|debt relief|"
    "telecommunications|river navigation|sanctions relief|prisoner exchanges|election monitoring|"
    "arms control|climate adaptation|port access|tariffs|pipeline routes|humanitarian aid|"
    "demining|cultural heritage|visa policy|cyber security|food security",
    "|",
)
RANKS = _words(
    "Minister for|Deputy Minister for|Special Envoy for|Director for|Chief Negotiator on|"
    "Adviser on|Secretary for|Commissioner for|Spokesperson on|Ambassador for",
    "|",
)
ADJECTIVES = _words(
    "preliminary bilateral regional technical joint lengthy informal formal urgent cautious "
    "detailed tense productive difficult historic delayed sweeping modest contested confidential"
)
NOUNS = _words(
    "agreement proposal framework roadmap memorandum declaration timetable negotiations review "
    "inspection consultations report assessment settlement ceasefire exchange package deadline "
    "dispute briefing"
)
VERBS = _words(
    "discussed signed rejected welcomed reviewed postponed announced endorsed questioned outlined "
    "criticized praised revised delayed drafted examined confirmed disputed presented approved"
)
PLEDGES = _words(
    "reopen resume reduce extend lift review return suspend expand share honour publish"
)
ADVERBS = _words(
    "quietly publicly repeatedly formally briefly cautiously again finally firmly jointly"
)
PREPOSITIONS = ("after", "before", "during", "despite", "ahead of", "following", "amid", "under")
PUBLISHERS = _words(
    "The Northern Ledger|Harbor Daily|Continental Wire|The Meridian Review|Eastgate Times|"
    "Atlas News Service|The Policy Observer|Riverside Gazette",
    "|",
)
SECTIONS = ("World", "Diplomacy", "Asia", "Security", "Politics")
EPITHETS = ("the Old Fox", "the Bulldozer", "the Gambler", "the Iron Lady", "the Professor")
TAGS = [t.replace(" ", "-") for t in TOPICS]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = _words(
    "January February March April May June July August September October November December"
)

ORGANIZATION_KINDS = ("government", "agency", "office", "military", "media", "other")
ORGANIZATION_NOUN = {
    "country": "country",
    "government": "government body",
    "agency": "agency",
    "office": "office",
    "military": "military command",
    "media": "news organization",
    "other": "organization",
}
PLACE_NOUN = {
    "country": "country",
    "region": "region",
    "city": "city",
    "island": "island",
    "venue": "venue",
    "unspecified": "area",
}
MEETING_KINDS = ("summit", "talks", "meeting", "press-conference", "address", "visit", "other")
MEETING_NOUN = {
    "summit": "summit",
    "talks": "talks",
    "meeting": "meeting",
    "press-conference": "press conference",
    "address": "address",
    "visit": "visit",
    "other": "forum",
}
MEETING_STATUS = {
    "proposed": "was proposed",
    "scheduled": "will take place",
    "held": "took place",
    "postponed": "was postponed",
    "cancelled": "was called off",
}
COMMITMENT_STATUS = {
    "pledged": "still pledged",
    "in-progress": "in progress",
    "stalled": "stalled",
    "kept": "kept",
    "partly-kept": "partly kept",
    "broken": "broken",
    "withdrawn": "withdrawn",
    "stated": "only stated",
    "proposed": "only proposed",
}
MEDIUM_PHRASE = {
    "tweet": "in a tweet",
    "remarks": "in remarks to reporters",
    "statement": "in a statement",
    "release": "in a press release",
    "address": "in an address",
    "interview": "in an interview",
    "press-conference": "at a press conference",
    "other": "in a letter",
}


@dataclass
class Sentence:
    """One sentence of an article, with the character span of each thing it names (an entity
    id, or a field such as `date`), so citations can quote the words that support a field."""

    text: str
    marks: dict[str, tuple[int, int]]


class SentenceBuilder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.marks: dict[str, tuple[int, int]] = {}
        self.length = 0

    def add(self, text: str, *keys: str) -> SentenceBuilder:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        for key in keys:
            # The first mention is the one a curator would quote.
            self.marks.setdefault(key, (start, self.length))
        return self

    def done(self) -> Sentence:
        return Sentence("".join(self.parts), self.marks)


@dataclass
class Entity:
    kind: str
    id: str
    name: str
    source: str
    data: dict[str, Any] = field(default_factory=dict)
    # Sentences written about this entity, and other entities' sentences that name it.
    own: list[tuple[str, Sentence]] = field(default_factory=list)
    mentioned: list[tuple[str, Sentence]] = field(default_factory=list)


def shares(n: int) -> dict[str, int]:
    """How many entities of each kind a corpus of about n entities has."""
    total = sum(SHIPPED.values())
    return {kind: max(1, round(n * share / total)) for kind, share in SHIPPED.items()}


class Synth:
    """Builds one corpus: entities first, then the sentences about them, then the citations."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(f"{seed}-{n}")
        self.counts = shares(n)
        self.entities: dict[str, Entity] = {}
        self.by_kind: dict[str, list[Entity]] = {kind: [] for kind in SHIPPED}
        self.sentences: dict[str, list[Sentence]] = {}
        self.texts: dict[str, str] = {}
        self.published: dict[str, date] = {}

    # Words -----------------------------------------------------------------------------------

    def pick(self, items: list[Any] | tuple[Any, ...]) -> Any:
        return items[self.rng.randrange(len(items))]

    def skewed(self, items: list[Entity]) -> Entity:
        # A few entities are named everywhere (as Trump and Kim are in the shipped corpus).
        return items[int(len(items) * self.rng.random() ** 2)]

    def coined(self, syllables: int) -> str:
        return "".join(self.pick(SYLLABLES) for _ in range(syllables)).capitalize()

    def clause(self) -> str:
        r = self.rng
        return (
            f"{self.pick(ADVERBS)} {self.pick(VERBS)} the {self.pick(ADJECTIVES)} "
            f"{self.pick(NOUNS)} on {self.pick(TOPICS)} {self.pick(PREPOSITIONS)} the "
            f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)}"
            + (f" in {r.choice(MONTHS)}" if r.random() < 0.3 else "")
        )

    def speech(self) -> str:
        return (
            f"We have {self.pick(VERBS)} the {self.pick(ADJECTIVES)} {self.pick(NOUNS)} on "
            f"{self.pick(TOPICS)}, and we expect a {self.pick(ADJECTIVES)} {self.pick(NOUNS)} "
            f"{self.pick(PREPOSITIONS)} the {self.pick(NOUNS)}"
        )

    def day_near(self, source: str, before: int, after: int) -> date:
        return self.published[source] + timedelta(days=self.rng.randint(-before, after))

    def date_field(self, source: str) -> tuple[str, str]:
        """A date (or interval) near the article's, and how the article words it."""
        start = self.day_near(source, 300, 60)
        if self.rng.random() < 0.3:
            end = start + timedelta(days=self.rng.randint(1, 3))
            words = (
                f"from {MONTHS[start.month - 1]} {start.day} to {MONTHS[end.month - 1]} "
                f"{end.day}, {end.year}"
            )
            return f"{start.isoformat()}/{end.isoformat()}", words
        if self.rng.random() < 0.15:
            return start.isoformat()[:7], f"in {MONTHS[start.month - 1]} {start.year}"
        return start.isoformat(), f"on {MONTHS[start.month - 1]} {start.day}, {start.year}"

    # Entities --------------------------------------------------------------------------------

    def new(self, kind: str, index: int, name: str) -> Entity:
        # Entities cluster by article, as a briefing's do: the i-th of a kind in the i-th part.
        sources = self.counts["sources"]
        source = f"source-{index * sources // self.counts[kind]:05d}"
        entity = Entity(kind, f"{PREFIX[kind]}-{index:05d}", name, source)
        self.entities[entity.id] = entity
        self.by_kind[kind].append(entity)
        return entity

    def make_entities(self) -> None:
        r = self.rng
        for i in range(self.counts["sources"]):
            source_id = f"source-{i:05d}"
            # Spread over ten years, so dates and timelines vary.
            self.published[source_id] = date(2012, 1, 1) + timedelta(
                days=i * 3650 // self.counts["sources"] + r.randint(0, 5)
            )
            self.sentences[source_id] = []
        for i in range(self.counts["organizations"]):
            country = i < max(1, self.counts["organizations"] // 6)
            kind = "country" if country else self.pick(ORGANIZATION_KINDS)
            base = self.coined(r.randint(2, 3))
            names = {
                "country": base,
                "government": f"{base} Ministry of {self.pick(TOPICS).title()}",
                "agency": f"{base} {self.pick(TOPICS).title()} Agency",
                "office": f"{base} Presidential Office",
                "military": f"{base} Coastal Command",
                "media": f"{base} Broadcasting Service",
                "other": f"{self.pick(TOPICS).title()} Foundation of {base}",
            }
            entity = self.new("organizations", i, names[kind])
            entity.data["kind"] = kind
        countries = [e for e in self.by_kind["organizations"] if e.data["kind"] == "country"]
        for i in range(self.counts["places"]):
            share = i / self.counts["places"]
            kind = (
                "country"
                if share < 0.1
                else "region"
                if share < 0.25
                else self.pick(("city", "city", "city", "island", "venue", "unspecified"))
            )
            base = self.coined(r.randint(2, 3))
            names = {
                "country": base,
                "region": f"North {base}",
                "city": f"{base}port",
                "island": f"{base} Island",
                "venue": f"{base} Palace",
                "unspecified": f"the {base} border area",
            }
            entity = self.new("places", i, names[kind])
            entity.data["kind"] = kind
        for i in range(self.counts["people"]):
            self.new("people", i, f"{self.pick(FIRST)} {self.pick(LAST)}")
        for i in range(self.counts["meetings"]):
            kind = self.pick(MEETING_KINDS)
            place = self.skewed(self.by_kind["places"])
            name = f"{place.name.removeprefix('the ')} {self.pick(TOPICS)} {MEETING_NOUN[kind]}"
            entity = self.new("meetings", i, f"{name} {i}")
            entity.data.update(kind=kind, place=place.id if r.random() < 0.67 else None)
        for kind in ("commitments", "statements", "facts"):
            for i in range(self.counts[kind]):
                self.new(kind, i, "")
        self.countries = countries

    # Sentences -------------------------------------------------------------------------------

    def say(self, source: str, sentence: Sentence, about: Entity) -> None:
        self.sentences[source].append(sentence)
        about.own.append((source, sentence))
        for key in sentence.marks:
            named = self.entities.get(key)
            if named is not None and named is not about:
                named.mentioned.append((source, sentence))

    def names(self, builder: SentenceBuilder, ids: list[str], key: str) -> None:
        """Names joined as in prose ("A, B and C"), marked together under `key`."""
        start = builder.length
        for index, entity_id in enumerate(ids):
            if index:
                builder.add(" and " if index == len(ids) - 1 else ", ")
            builder.add(self.entities[entity_id].name, entity_id)
        builder.marks.setdefault(key, (start, builder.length))

    def write_people(self) -> None:
        r = self.rng
        places = [p for p in self.by_kind["places"] if p.data["kind"] == "country"]
        organizations = [o for o in self.by_kind["organizations"] if o.data["kind"] != "country"]
        for person in self.by_kind["people"]:
            country = self.skewed(self.countries) if r.random() < 0.7 else self.pick(places)
            employer = self.skewed(organizations or self.countries)
            topic = self.pick(TOPICS)
            rank = self.pick(RANKS)
            title = f"{rank} {topic.title()}"
            # "Special Envoy for Trade" -> "Envoy Okafor", as articles shorten titles.
            alias = f"{rank.split()[-2]} {person.name.split()[-1]}"
            b = SentenceBuilder()
            b.add(title, "role").add(" ").add(person.name, "name").add(", known to colleagues as ")
            b.add(alias, "aliases").add(", ").add(self.clause()).add(" for the ")
            b.add(employer.name, employer.id, "organization").add(" of ")
            b.add(country.name, country.id, "country").add(".")
            self.say(person.source, b.done(), person)
            summary = self.clause()
            b = SentenceBuilder().add(person.name, "name").add(" ")
            b.add(summary, "summary").add(f" {self.pick(PREPOSITIONS)} the ")
            b.add(f"{self.pick(ADJECTIVES)} {self.pick(NOUNS)}.")
            self.say(person.source, b.done(), person)
            person.data.update(
                aliases=[alias],
                country=country.id,
                roles=[{"title": title, "organization": employer.id}],
                summary=f"{summary[0].upper()}{summary[1:]}.",
            )
            if r.random() < 0.25:
                epithet = self.pick(EPITHETS)
                b = SentenceBuilder().add("Critics have long called ").add(person.name, "name")
                b.add(" “").add(epithet, "epithets").add("”, ").add(self.clause()).add(".")
                self.say(person.source, b.done(), person)
                person.data["epithets"] = [epithet]

    def write_organizations(self) -> None:
        r = self.rng
        for index, org in enumerate(self.by_kind["organizations"]):
            kind = org.data["kind"]
            b = SentenceBuilder().add("The " if kind != "country" else "").add(org.name, "name")
            if r.random() < 0.5:
                alias = "".join(w[0] for w in org.name.split() if w[0].isupper()) + "C"
                b.add(", also called the ").add(alias, "aliases")
                org.data["aliases"] = [alias]
            b.add(f", is the {ORGANIZATION_NOUN[kind]} that ").add(self.clause())
            if kind != "country":
                country = self.skewed(self.countries)
                b.add(" for ").add(country.name, country.id, "country")
                org.data["country"] = country.id
                earlier = [
                    o for o in self.by_kind["organizations"][:index] if o.data["kind"] != kind
                ]
                if earlier and r.random() < 0.1:
                    parent = self.pick(earlier)
                    b.add(", under the ").add(parent.name, parent.id, "parent")
                    org.data["parent"] = parent.id
            self.say(org.source, b.add(".").done(), org)
            if r.random() < 0.33:
                summary = self.clause()
                b = SentenceBuilder().add(org.name, "name").add(" ").add(summary, "summary")
                self.say(org.source, b.add(".").done(), org)
                org.data["summary"] = f"{summary[0].upper()}{summary[1:]}."

    def write_places(self) -> None:
        r = self.rng
        containers = [p for p in self.by_kind["places"] if p.data["kind"] in ("country", "region")]
        for place in self.by_kind["places"]:
            kind = place.data["kind"]
            b = SentenceBuilder().add(place.name, "name").add(f", a {PLACE_NOUN[kind]}")
            if kind != "country" and r.random() < 0.5:
                within = self.pick([c for c in containers if c is not place] + self.countries)
                b.add(" in ").add(within.name, within.id, "within")
                place.data["within"] = within.id
            if r.random() < 0.22:
                alias = f"{place.name.split()[-1]}-{self.pick(SYLLABLES)}"
                b.add(", locally called ").add(alias, "aliases")
                place.data["aliases"] = [alias]
            self.say(place.source, b.add(", ").add(self.clause()).add(".").done(), place)
            if r.random() < 0.22:
                summary = self.clause()
                b = SentenceBuilder().add("In ").add(place.name, "name").add(", officials ")
                self.say(place.source, b.add(summary, "summary").add(".").done(), place)
                place.data["summary"] = f"Officials {summary}."

    def participants(self, count: int) -> list[str]:
        pool = self.by_kind["people"] if self.rng.random() < 0.8 else self.by_kind["organizations"]
        return list(dict.fromkeys(self.skewed(pool).id for _ in range(count)))

    def write_meetings(self) -> None:
        r = self.rng
        meetings = self.by_kind["meetings"]
        for index, meeting in enumerate(meetings):
            status = self.pick(tuple(MEETING_STATUS))
            when, words = self.date_field(meeting.source)
            b = SentenceBuilder().add("The ").add(meeting.name, "name")
            if r.random() < 0.5:
                alias = f"{self.pick(ADJECTIVES)} {MEETING_NOUN[meeting.data['kind']]}"
                b.add(", billed as the ").add(alias, "aliases").add(",")
                meeting.data["aliases"] = [alias]
            b.add(" ").add(MEETING_STATUS[status], "status")
            place = meeting.data["place"]
            if place:
                b.add(" in ").add(self.entities[place].name, place, "place")
            b.add(" ").add(words, "date").add(" with ")
            participants = self.participants(r.choice((1, 1, 2, 2, 2, 3)))
            self.names(b, participants, "participants")
            self.say(meeting.source, b.add(".").done(), meeting)
            meeting.data.update(status=status, date=when, participants=participants)
            b = SentenceBuilder().add("The ").add(meeting.name, "name").add(" ")
            b.add(self.clause(), "summary")
            if index and r.random() < 0.33:
                follows = self.pick(meetings[:index])
                b.add(", following the ").add(follows.name, follows.id, "follows")
                meeting.data["follows"] = follows.id
            if index and r.random() < 0.17:
                part = self.pick(meetings[:index])
                b.add(", as part of the ").add(part.name, part.id, "part_of")
                meeting.data["part_of"] = part.id
            if r.random() < 0.33:
                purpose = f"settle the {self.pick(NOUNS)} on {self.pick(TOPICS)}"
                b.add(", and was meant to ").add(purpose, "purpose")
                meeting.data["purpose"] = f"{purpose[0].upper()}{purpose[1:]}."
            self.say(meeting.source, b.add(".").done(), meeting)
            if r.random() < 0.5:
                meeting.data["summary"] = f"{meeting.name} {self.clause()}."

    def write_commitments(self) -> None:
        r = self.rng
        for commitment in self.by_kind["commitments"]:
            source = commitment.source
            by = self.participants(r.choice((1, 1, 2)))
            terms = f"{self.pick(PLEDGES)} the {self.pick(NOUNS)} on {self.pick(TOPICS)}"
            b = SentenceBuilder()
            self.names(b, by, "by")
            b.add(" agreed")
            if r.random() < 0.8:
                meeting = self.skewed(self.by_kind["meetings"])
                b.add(" at the ").add(meeting.name, meeting.id, "made_at")
                commitment.data["made_at"] = meeting.id
            if r.random() < 0.9:
                when, words = self.date_field(source)
                b.add(" ").add(words, "date")
                commitment.data["date"] = when
            b.add(" to ").add(terms, "terms")
            if r.random() < 0.4:
                to = [i for i in self.participants(1) if i not in by]
                if to:
                    b.add(" with ")
                    self.names(b, to, "to")
                    commitment.data["to"] = to
            self.say(source, b.add(".").done(), commitment)
            commitment.data.update(
                name=f"{terms[0].upper()}{terms[1:]}",
                by=by,
                terms=f"{terms[0].upper()}{terms[1:]}.",
                tags=[self.pick(TAGS)],
            )
            history = []
            day = self.day_near(source, 300, 0)
            for step in range(r.choice((1, 1, 2, 2, 3))):
                status = "pledged" if step == 0 else self.pick(tuple(COMMITMENT_STATUS))
                day += timedelta(days=r.randint(10, 200))
                b = SentenceBuilder().add(f"By {MONTHS[day.month - 1]} {day.day}, {day.year}, ")
                b.add("officials said the pledge to ").add(terms).add(" was ")
                b.add(COMMITMENT_STATUS[status], "status").add(", ").add(self.clause()).add(".")
                sentence = b.done()
                self.say(source, sentence, commitment)
                entry: dict[str, Any] = {"date": day.isoformat(), "status": status}
                if r.random() < 0.2:
                    entry["note"] = f"{self.clause()[0].upper()}{self.clause()[1:]}."
                history.append((entry, sentence))
            commitment.data["status_history"] = history

    def write_statements(self) -> None:
        r = self.rng
        people, organizations = self.by_kind["people"], self.by_kind["organizations"]
        for statement in self.by_kind["statements"]:
            speaker = self.skewed(people if r.random() < 0.85 else organizations)
            medium = self.pick(tuple(MEDIUM_PHRASE))
            text = self.speech()
            b = SentenceBuilder().add("“").add(text, "text").add("”, ")
            b.add(speaker.name, speaker.id, "speaker").add(" said ")
            b.add(MEDIUM_PHRASE[medium], "medium")
            if r.random() < 0.1:
                meeting = self.skewed(self.by_kind["meetings"])
                b.add(" at the ").add(meeting.name, meeting.id, "at")
                statement.data["at"] = meeting.id
            if r.random() < 0.78:
                day = self.day_near(statement.source, 20, 0)
                if r.random() < 0.5:
                    # As the articles do: a weekday, which the curator resolves by inference.
                    b.add(" on ").add(WEEKDAYS[day.weekday()], "date")
                    statement.data["inference"] = True
                else:
                    b.add(f" on {MONTHS[day.month - 1]} {day.day}, {day.year}", "date")
                statement.data["date"] = day.isoformat()
            self.say(statement.source, b.add(".").done(), statement)
            about = [self.skewed(self.by_kind[self.pick(("meetings", "people", "places"))])]
            about += [self.skewed(self.by_kind["organizations"]) for _ in range(r.randint(0, 2))]
            statement.data.update(
                speaker=speaker.id,
                medium=medium,
                text=text,
                about=list(dict.fromkeys(a.id for a in about)),
            )
            if r.random() < 0.22:
                statement.data["tags"] = [self.pick(TAGS)]

    def write_facts(self) -> None:
        r = self.rng
        kinds = ("people", "meetings", "organizations", "places", "commitments")
        for fact in self.by_kind["facts"]:
            about = [self.skewed(self.by_kind[self.pick(kinds)]) for _ in range(r.randint(1, 4))]
            named = [a for a in about if a.kind != "commitments"][:2]
            b = SentenceBuilder()
            if named:
                self.names(b, [a.id for a in named], "about")
                b.add(" ")
            else:
                b.add("Officials ")
            clause = self.clause()
            b.add(clause, "claim")
            if r.random() < 0.4:
                when, words = self.date_field(fact.source)
                b.add(" ").add(words, "date")
                fact.data["date"] = when
            self.say(fact.source, b.add(".").done(), fact)
            subject = " and ".join(a.name for a in named) or "Officials"
            fact.data.update(claim=f"{subject} {clause}.", about=[a.id for a in about])
            fact.data["about"] = list(dict.fromkeys(fact.data["about"]))
            if r.random() < 0.33:
                fact.data["tags"] = [self.pick(TAGS)]

    def lay_out(self) -> None:
        """Each article's text: its sentences shuffled into paragraphs, with an ad slot now and
        then (declared as boilerplate, as the shipped sources do)."""
        r = self.rng
        for source, sentences in self.sentences.items():
            order = list(sentences)
            r.shuffle(order)
            lines: list[str] = []
            while order:
                take = r.randint(1, 4)
                lines.append(" ".join(s.text for s in order[:take]))
                order = order[take:]
                if r.random() < 0.15:
                    lines.append("Advertisement")
            lines.append("Advertisement")
            self.texts[source] = "\n".join(lines) + "\n"

    # Citations -------------------------------------------------------------------------------

    def window(self, sentence: Sentence, key: str) -> str:
        """Whole words of the sentence around the span marked `key`: what a curator quotes."""
        if self.rng.random() < 0.3:
            return sentence.text
        start, end = sentence.marks[key]
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", sentence.text)]
        first = next(i for i, (_, e) in enumerate(words) if e > start)
        last = max(i for i, (s, _) in enumerate(words) if s < end)
        low = max(0, first - self.rng.randint(0, 4))
        high = min(len(words) - 1, last + self.rng.randint(0, 6))
        return sentence.text[words[low][0] : words[high][1]]

    def elided(self, source: str, sentence: Sentence) -> str | None:
        """A quote leaving words out with [...], if its first part is unambiguous in the text
        (the checker looks for the rest only after the first occurrence of the first part)."""
        words = sentence.text.split(" ")
        if len(words) < 12 or len(sentence.text) > 350:
            return None
        head, tail = " ".join(words[:5]), " ".join(words[-5:])
        return f"{head} [...] {tail}" if self.texts[source].count(head) == 1 else None

    def evidence(
        self, entity: Entity, key: str, own: list[tuple[str, Sentence]] | None = None
    ) -> dict[str, Any]:
        """Quotes supporting one field: from the entity's own sentence that marks `key`, now
        and then a second quote, and for names a mention in another article."""
        r = self.rng
        candidates = [(s, t) for s, t in (own or entity.own) if key in t.marks]
        source, sentence = self.pick(candidates)
        quotes: dict[str, list[str]] = {source: [self.window(sentence, key)]}
        if r.random() < 0.25:
            extra = self.elided(source, sentence) or self.window(sentence, key)
            if extra not in quotes[source]:
                quotes[source].append(extra)
        if key in ("name", "aliases") and entity.mentioned and r.random() < 0.5:
            other, mention = self.pick(entity.mentioned)
            quotes.setdefault(other, []).append(self.window(mention, entity.id))
        result: dict[str, Any] = {s: q[0] if len(q) == 1 else q for s, q in quotes.items()}
        if key == "date" and r.random() < 0.1:
            result["inference"] = "The article's date words, read against its day of publication."
        return result

    def cite(self, entity: Entity, fields: tuple[str, ...]) -> dict[str, Any]:
        return {f: self.evidence(entity, f) for f in fields if entity.data.get(f) is not None}

    def record(self, entity: Entity) -> dict[str, Any]:
        """The content file of one entity, as a curator would write it."""
        d = entity.data
        kind = entity.kind
        if kind == "people":
            role = dict(d["roles"][0])
            role["cite"] = self.evidence(entity, "role")
            fields = ("name", "aliases", "epithets", "country", "summary")
            record = {"name": entity.name, **{k: d[k] for k in fields[1:] if k in d}}
            record["roles"] = [role]
            record["cite"] = {"name": self.evidence(entity, "name"), **self.cite(entity, fields)}
            return record
        if kind in ("organizations", "places"):
            order = ("aliases", "kind", "country", "parent", "within", "summary")
            record = {"name": entity.name, **{k: d[k] for k in order if k in d}}
            cited = ("aliases", "country", "parent", "within", "summary")
            record["cite"] = {"name": self.evidence(entity, "name"), **self.cite(entity, cited)}
            return record
        if kind == "meetings":
            order = ("aliases", "kind", "date", "place", "participants")
            record = {"name": entity.name, **{k: d[k] for k in order if d.get(k) is not None}}
            # Its status as the article reports it: held on its own date, any other status on
            # the day the article was published.
            held = d["status"] == "held" and d.get("date") is not None
            record["status_history"] = [
                {
                    "date": d["date"] if held else self.published[entity.source].isoformat(),
                    "status": d["status"],
                    "cite": self.evidence(entity, "status"),
                }
            ]
            if d.get("purpose") is not None:
                record["purpose"] = d["purpose"]
            for key in ("follows", "part_of", "summary"):
                if key in d:
                    record[key] = d[key]
            cited = ("aliases", "date", "place", "participants", "purpose")
            cite = {"name": self.evidence(entity, "name"), **self.cite(entity, cited)}
            cite |= self.cite(entity, ("follows", "part_of", "summary"))
            record["cite"] = cite
            return record
        if kind == "commitments":
            record = {k: d[k] for k in ("name", "by", "to", "made_at", "date", "terms") if k in d}
            history = []
            for entry, sentence in d["status_history"]:
                evidence = self.evidence(entity, "status", [(entity.source, sentence)])
                history.append({**entry, "cite": evidence})
            record["status_history"] = history
            record["tags"] = d["tags"]
            first = entity.own[:1]
            record["cite"] = {
                k: self.evidence(entity, k, first)
                for k in ("by", "to", "made_at", "date", "terms")
                if k in d
            }
            return record
        if kind == "statements":
            order = ("speaker", "date", "medium", "text", "about", "at", "tags")
            record = {k: d[k] for k in order if k in d}
            cite = self.cite(entity, ("speaker", "date", "medium", "text", "at"))
            if d.get("inference"):
                cite["date"]["inference"] = (
                    "The weekday is the one before the article's day of publication."
                )
            record["cite"] = cite
            return record
        record = {k: d[k] for k in ("claim", "about", "date", "tags") if k in d}
        record["cite"] = self.cite(entity, ("claim", "date"))
        return record

    def source_record(self, source: str) -> dict[str, Any]:
        r = self.rng
        published = self.published[source]
        headline = f"{self.pick(ADJECTIVES).title()} {self.pick(NOUNS)} on {self.pick(TOPICS)}"
        publisher = self.pick(PUBLISHERS)
        record: dict[str, Any] = {"name": headline}
        if r.random() < 0.5:
            record["also_titled"] = [f"{headline}: what we know"]
        record["publisher"] = publisher
        if r.random() < 0.5:
            record["section"] = self.pick(SECTIONS)
        record["published"] = published.isoformat()
        slug = re.sub(r"[^a-z0-9]+", "-", headline.lower())
        domain = re.sub(r"[^a-z]", "", publisher.lower())
        record["url"] = f"https://www.{domain}.example/{published:%Y/%m}/{slug}"
        record["boilerplate"] = ["Advertisement"]
        return record

    def build(self) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, str]]:
        """Every content record by kind and id, and every article text by source id."""
        self.make_entities()
        steps: list[Callable[[], None]] = [
            self.write_organizations,
            self.write_places,
            self.write_people,
            self.write_meetings,
            self.write_commitments,
            self.write_statements,
            self.write_facts,
        ]
        for step in steps:
            step()
        self.lay_out()
        records: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in SHIPPED}
        for source in self.sentences:
            records["sources"][source] = self.source_record(source)
        for kind, entities in self.by_kind.items():
            for entity in entities:
                records[kind][entity.id] = self.record(entity)
        return records, self.texts


def write_corpus(root: Path, n: int, seed: int = 2019) -> dict[str, int]:
    """Write content/ and seeds/ for a corpus of about n entities under root; the count of
    entities of each kind."""
    records, texts = Synth(n, seed).build()
    for kind, entities in records.items():
        folder = root / "content" / kind
        folder.mkdir(parents=True, exist_ok=True)
        header = f"# yaml-language-server: $schema=../../schema/{SCHEMA[kind]}.schema.json\n"
        for entity_id, record in entities.items():
            body = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
            (folder / f"{entity_id}.yml").write_text(header + body, encoding="utf-8")
    # Every tag an entity may carry, declared with what it covers.
    tags = {
        tag: f"Talks, pledges and statements on {topic}."
        for tag, topic in zip(TAGS, TOPICS, strict=True)
    }
    header = "# yaml-language-server: $schema=../schema/tags.schema.json\n"
    body = yaml.safe_dump(tags, sort_keys=False, allow_unicode=True, width=100)
    (root / "content" / "tags.yml").write_text(header + body, encoding="utf-8")
    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for source, text in texts.items():
        (seeds / f"{source}.txt").write_text(text, encoding="utf-8")
    return {kind: len(entities) for kind, entities in records.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="about how many entities")
    parser.add_argument("root", type=Path, help="where to write content/ and seeds/")
    parser.add_argument("--seed", type=int, default=2019)
    arguments = parser.parse_args()
    counts = write_corpus(arguments.root, arguments.n, arguments.seed)
    print(", ".join(f"{count} {kind}" for kind, count in counts.items()))


if __name__ == "__main__":
    main()
