"""Entities the corpus does not know, drafted where the article names them: people and
organizations by their capitalized names, places by a word for a place or after "in", "to"
or "from", meetings by a word for one with its time; each citing the sentence naming it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.dates import Period, parse_period
from generator.draft.draftfile import DraftFile
from generator.draft.names import UPPER, Names
from generator.draft.quotations import Paragraph
from generator.draft.related import NewMeeting
from generator.draft.speakers import HEAD_TITLES, TITLES, Speaker, new_id
from generator.model import Corpus, Where
from generator.quotes import ArticleText

# Capitalized words that may name an entity the corpus does not know.
_CANDIDATE = re.compile(rf"\b[{UPPER}][\w’'.-]*(?:\s+(?:of\s+|the\s+)?[{UPPER}][\w’'.-]*)*")
_SKIP_FIRST = frozenset({
    "the", "a", "an", "in", "on", "at", "to", "for", "of", "and", "but", "or", "as", "if",
    "after", "before", "following", "according", "with", "from", "by", "it", "its", "he", "she",
    "they", "his", "her", "their", "this", "that", "these", "those", "there", "then", "when",
    "while", "who", "what", "us",
})  # fmt: skip
_EVENTS = frozenset({"War", "Year", "Day", "Eve", "Games", "Cup", "Olympics"})
# The last word of a meeting's name ("the Vladivostok Summit"): drafted as a meeting, if at all.
_MEETINGS = frozenset({"Summit", "Talks", "Conference", "Meeting", "Address", "Forum"})
_ORGANIZATION_WORDS = re.compile(
    r"\b(?:Department|Ministry|Office|Commission|Agency|Council|Party|Committee|Army|Navy|"
    r"Command|Assembly|Congress|Senate|Bank|Union|Organization|Association|Institute|"
    r"University|News|Times|Post|Government|Court|Parliament|Forces|Republic|Kingdom)\b"
)
# The kind a word of an organization's or a place's name says, the last such word deciding.
_ORGANIZATION_KINDS = {
    "office": "office", "department": "agency", "agency": "agency", "ministry": "government",
    "commission": "government", "council": "government", "government": "government",
    "parliament": "government", "assembly": "government", "congress": "government",
    "senate": "government", "army": "military", "navy": "military", "command": "military",
    "forces": "military", "news": "media", "times": "media", "post": "media",
    "republic": "country", "kingdom": "country",
}  # fmt: skip
_PLACE_KINDS = {
    "house": "venue", "palace": "venue", "hotel": "venue", "hall": "venue", "airport": "venue",
    "station": "venue", "square": "venue", "stadium": "venue", "island": "island",
    "province": "region", "peninsula": "region", "region": "region",
}  # fmt: skip
# A name followed by a word for a kind of place, with the place it lies in before "'s".
_PLACE_NAMED = re.compile(
    rf"(?:\b(?P<owner>[{UPPER}][\w.-]*(?:\s+[{UPPER}][\w.-]*)*)['’]s\s+)?"
    rf"\b(?P<name>[{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)*)\s+"
    r"(?P<noun>island|province|peninsula|region)\b"
)
_PLACE_NOUN = re.compile(r"\s+(?:island|province|peninsula|region)\b")
# Words that put the capitalized words after them in a place ("in Seoul", "to the White House").
_BEFORE_PLACE = re.compile(r"\b(?:in|to|from|at)\s+(?:the\s+)?$")
_MONTHS_AND_DAYS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    """What the words around a new place's name say of it: its kind (None: from the name), the
    place or country it lies in, and why that is a guess."""

    kind: str | None
    within: str | None
    why: str


class Newcomers:
    """Drafts the entities an article names that the corpus does not know, into `files`."""

    def __init__(
        self,
        corpus: Corpus,
        source: str,
        article: ArticleText,
        paragraphs: list[Paragraph],
        names: Names,
        published: Period,
        files: dict[str, DraftFile],
    ) -> None:
        self.corpus = corpus
        self.source = source
        self.raw = article.raw
        self.article = article
        self.paragraphs = paragraphs
        self.names = names
        self.published = published
        self.files = files
        # Where the article's quotations are: the names in them are the speakers'.
        self.quoted = [(q.start, q.end) for p in paragraphs for q in p.quotations]

    def found(self, quote: str) -> bool:
        return self.article.find(quote) is not None

    def named_in(self, start: int, end: int) -> list[str]:
        """The new entities a sentence names, drafted; their ids."""
        return self.unknown_names(start, end) + self.places(start, end)

    def entity(
        self,
        speaker: Speaker,
        quote: str | None = None,
        owned_by: str | None = None,
        place: Place | None = None,
    ) -> None:
        """A draft of an entity the corpus does not know, cited where the text first names it;
        `owned_by` the words naming it with a possessive before its name, if any; `place`
        what the words around a place's name say of it."""
        kind = speaker.new_kind or "people"
        key = f"{kind}/{speaker.entity}"
        if key in self.files or speaker.entity in self.corpus.kinds:
            return
        quote = quote or self.first_sentence(owned_by or speaker.name)
        if quote is None:
            return
        data: dict[str, Any] = {"name": speaker.name}
        reviews: dict[Where, str] = {("name",): "a new entity: check the name and the id"}
        if kind == "organizations":
            data["kind"] = _kind_of(speaker.name, _ORGANIZATION_KINDS, "other")
            reviews[("kind",)] = "country, government, agency, office, military, media or other"
        cite: dict[str, Any] = {"name": {self.source: quote}}
        if kind == "places":
            kind_said = place.kind if place else None
            data["kind"] = kind_said or _kind_of(speaker.name, _PLACE_KINDS, "unspecified")
            reviews[("kind",)] = "city, country, island, region, venue or unspecified"
            if place and place.within:
                data["within"] = place.within
                cite["within"] = {self.source: quote}
                reviews[("within",)] = place.why
        owner = self.owner(owned_by or speaker.name)
        if kind in ("people", "organizations") and owner and owner[1] in quote:
            # "North Korea's State Affairs Commission": a body or a person of that country.
            data["country"] = owner[0]
            cite["country"] = {self.source: owner[1]}
            reviews[("country",)] = "the country the name's possessive gives"
        if kind == "people" and speaker.title and self.found(speaker.title):
            data["roles"] = [{"title": speaker.title, "cite": {self.source: speaker.title}}]
            reviews[("roles", 0, "title")] = "the title as the text gives it"
        data["cite"] = cite
        self.files[key] = DraftFile(kind, speaker.entity, data, reviews)

    def owner(self, words: str) -> tuple[str, str] | None:
        """The known country a name begins with as a possessive ("South Korea's presidential
        office"), and those words ("South Korea's presidential office") if the text holds them."""
        found = self.names.find(words.replace("’", "'"))
        if (
            not found
            or found[0][0] != 0
            or words[found[0][1] : found[0][1] + 2] not in ("'s", "’s")
        ):
            return None
        country = next(
            (
                n.entity
                for n in found[0][2]
                if getattr(self.corpus.get(n.entity), "kind", "") == "country"
            ),
            None,
        )
        return (country, words) if country and self.found(words) else None

    def first_sentence(self, words: str) -> str | None:
        """The sentence that first holds the words (typographic apostrophes aside)."""
        pattern = re.compile(re.escape(words).replace("'", "['’]"))
        for paragraph in self.paragraphs:
            for start, end in paragraph.sentences:
                if pattern.search(self.raw, start, end):
                    sentence = self.raw[start:end].strip()
                    return sentence if self.found(sentence) else None
        return None

    def unknown_names(self, start: int, end: int) -> list[str]:
        """Names in a sentence that match no known entity: drafts of new ones, and their ids."""
        drafted: list[str] = []
        known = self.names.find(self.raw, start, end)
        for match in _CANDIDATE.finditer(self.raw, start, end):
            words = match.group().rstrip(".’'")
            tokens = words.split()
            while tokens and (tokens[0].lower() in _SKIP_FIRST or tokens[0].lower() in TITLES):
                tokens.pop(0)
            # "South Korean President Moon Jae-in": a person's name follows their title.
            if not _ORGANIZATION_WORDS.search(" ".join(tokens)):
                heads = [i for i, t in enumerate(tokens[:-1]) if t.lower() in HEAD_TITLES]
                tokens = tokens[heads[-1] + 1 :] if heads else tokens
            owned_by = None
            for s, e, _ in known:
                if (
                    match.start() <= s
                    and e + 3 < match.end()
                    and self.raw[e : e + 2] in ("'s", "’s")
                ):
                    # "North Korea’s State Affairs Commission": the name follows the known one.
                    owned_by = self.raw[s : match.start() + len(words)]
                    tokens = self.raw[e + 3 : match.start() + len(words)].split()
                    break
            single = len(tokens) == 1 and match.start() > start
            before = self.raw[max(start, match.start() - 8) : match.start()]
            if single and (
                not _BEFORE_PLACE.search(before) or tokens[0].lower() in _MONTHS_AND_DAYS
            ):
                continue  # one word names a place only after "in", "to" or "from"
            if not tokens or (len(tokens) < 2 and not single) or tokens[-1].lower() in TITLES:
                continue
            if tokens[-1].endswith(("ean", "ese", "ian", "eans", "ians")):
                continue  # a nationality ("North Korean", "South Koreans"), not a name
            if _PLACE_NOUN.match(self.raw, match.start() + len(words)):
                continue  # "Cat Ba island": a place, drafted by new_places
            if tokens[-1] in _EVENTS or tokens[-1] in _MEETINGS:
                continue  # an event or a holiday ("the Korean War", "New Year"): no kind fits
            name = " ".join(tokens)
            position = match.start() + match.group().find(name)
            spans = [(s, e) for s, e, _ in known] + self.quoted
            overlaps = any(s < position + len(name) and position < e for s, e in spans)
            if overlaps or not self.found(name):
                continue
            kind = "organizations" if _ORGANIZATION_WORDS.search(name) else "people"
            before = self.raw[max(start, position - 8) : position]
            if kind == "people" and (
                _BEFORE_PLACE.search(before) or name.split()[-1].lower() in _PLACE_KINDS
            ):
                kind = "places"
            self.entity(Speaker(new_id(name), kind, "", kind, name), owned_by=owned_by)
            if f"{kind}/{new_id(name)}" in self.files:
                drafted.append(new_id(name))
        return drafted

    def places(self, start: int, end: int) -> list[str]:
        """Places the corpus does not know, named in a sentence by a word for a place after
        their name ("Singapore's Sentosa island"; within the place or country before "'s"), or
        by a known body's alias after "in", "to" or "from" ("talks in Pyongyang": the city, as
        well as the state)."""
        found: list[tuple[Speaker, Place]] = []
        for match in _PLACE_NAMED.finditer(self.raw, start, end):
            if match["name"].lower() in _SKIP_FIRST:
                continue  # "The island's security": a place named before
            name = f"{match['name']} {match['noun']}"
            place = Speaker(new_id(match["name"]), "places", "", "places", name)
            named = self.names.find(match["owner"] or "")
            owner = named and named[0][0] == 0 and named[0][1] == len(match["owner"])
            within = named[0][2][0].entity if owner else None
            found.append((place, Place(None, within, f'from "{match.group()}"')))
        for at, _, candidates in self.names.find(self.raw, start, end):
            alias = candidates[0]
            body = len(candidates) == 1 and alias.how == "alias" and alias.kind == "organizations"
            if body and _BEFORE_PLACE.search(self.raw[max(start, at - 8) : at]):
                place = Speaker(new_id(alias.words), "places", "", "places", alias.words)
                # A state named by a city is named by its capital ("Pyongyang").
                why = f'content/ names {alias.entity} "{alias.words}": its capital, or the state?'
                found.append((place, Place("city", alias.entity, why)))
        drafted = []
        for place, said in found:
            named = self.names.find(place.name)
            known = named and named[0][1] == len(place.name)
            if place.entity in self.corpus.kinds or (
                known and any(n.kind == "places" for n in named[0][2])
            ):
                continue  # content/ has it, under this id or as a place of this name
            self.entity(place, self.raw[start:end].strip(), place=said)
            if f"places/{place.entity}" in self.files:
                drafted.append(place.entity)
        return drafted

    def meeting(self, meeting: NewMeeting, sentence: str, word: tuple[str, str] | None) -> str:
        """A draft of a meeting the corpus does not know; its id."""
        meeting_id = new_id(f"{meeting.name} {meeting.when.date[:4]}")
        if meeting_id in self.corpus.kinds:
            return meeting_id  # content/ has it: not a new one
        if f"meetings/{meeting_id}" in self.files or not self.found(sentence):
            return meeting_id
        src = self.source
        data: dict[str, Any] = {
            "name": meeting.name,
            "kind": meeting.kind,
            "date": meeting.when.date,
        }
        cite: dict[str, Any] = {
            "name": {src: sentence},
            "date": {src: sentence, "inference": meeting.when.inference},
        }
        reviews: dict[Where, str] = {
            ("name",): "a new meeting: name it as readers would, and check the id",
            ("kind",): f'from "{meeting.kind}"',
            ("date",): f'from "{meeting.when.words}"',
        }
        if meeting.place:
            data["place"] = meeting.place
            cite["place"] = {src: sentence}
        if meeting.participants:
            data["participants"] = list(meeting.participants)
            cite["participants"] = {src: sentence}
            reviews[("participants",)] = "the people named near it"
        # A word of change says its status ("was postponed"), unless it cannot have been held
        # yet; else its time, before the article's or not.
        ahead = parse_period(meeting.when.date).end >= self.published.start
        if word is not None and not (ahead and word[1] == "held"):
            status, why = word[1], f'from "{word[0]}"'
        elif not ahead:
            status, why = "held", "its time is before the article's"
        else:
            status, why = "scheduled", "its time is not before the article's"
        data["status_history"] = [
            {"date": meeting.when.date, "status": status, "cite": {src: sentence}}
        ]
        reviews[("status_history", 0, "status")] = why
        data["cite"] = cite
        self.files[f"meetings/{meeting_id}"] = DraftFile("meetings", meeting_id, data, reviews)
        return meeting_id


def _kind_of(name: str, kinds: dict[str, str], default: str) -> str:
    found = [kinds[w] for w in re.findall(r"[a-z]+", name.lower()) if w in kinds]
    return found[-1] if found else default
