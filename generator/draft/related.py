"""What a sentence of a new article says of the known meetings, commitments and facts: the ones
it names, describes ("their meeting in Singapore last June") or restates (most of a
commitment's or a fact's own words), and which of their fields it bears on. The drafter
proposes each as a suggested citation of that field, so that a later article corroborates a
record field by field as the story moves."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.dates import Period, parse_period
from generator.draft.names import UPPER, Names
from generator.draft.when import Resolved, Resolver
from generator.model import Commitment, Corpus, Fact, Meeting, Place
from generator.quotes import normalize

# Words too common to tell one record from another.
_STOP = frozenset({
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "from", "by",
    "as", "is", "are", "was", "were", "be", "been", "has", "have", "had", "that", "this",
    "these", "those", "it", "its", "their", "his", "her", "they", "he", "she", "will", "would",
    "could", "should", "about", "into", "than", "then", "also", "not", "no", "but", "which",
    "who", "what", "when", "where", "after", "before", "over", "under", "between", "there",
    "said", "says", "say",
})  # fmt: skip
# Words that describe a meeting, and the kinds of meeting each may describe (None: any kind).
_MEETING_WORDS: dict[str, tuple[str, ...] | None] = {
    "summit": ("summit",),
    "talks": ("talks", "meeting", "summit"),
    "meeting": None,
    "meetings": None,
    "press conference": ("press-conference",),
    "news conference": ("press-conference",),
    "address": ("address",),
    "speech": ("address",),
    "visit": ("visit", "talks"),
    "trip": ("visit", "talks"),
}
# Words that may stand capitalized before a meeting's name without being part of it.
_NOT_NAMES = frozenset({
    "the", "a", "an", "this", "that", "his", "her", "their", "its", "at", "in", "on", "for",
    "from", "during", "after", "before", "since",
})  # fmt: skip
# Capitalized words just before a word for a meeting: its name ("New Year's Day address").
_TITLE_BEFORE = re.compile(rf"(?:\b[{UPPER}][\w'’]*\s+)+$")
_MEETING_WORD = re.compile(r"\b(?:" + "|".join(_MEETING_WORDS) + r")\b", re.IGNORECASE)


def stems(text: str) -> frozenset[str]:
    """A text's telling words, cut to their first five letters ("guarantees", "guarantee")."""
    words = re.findall(r"[a-z]+", normalize(text)[0].lower())
    return frozenset(w[:5] for w in words if len(w) > 3 and w not in _STOP)


def restates(record: frozenset[str], sentence: frozenset[str]) -> bool:
    """Whether a sentence holds at least three, and half, of a record's telling words."""
    common = len(record & sentence)
    return common >= 3 and common >= 0.5 * len(record)


@dataclass(frozen=True)
class Touched:
    """What a sentence says of the known records: the meetings, commitments and facts it speaks
    of, each with the fields it bears on (none, perhaps), and the records whose day it gives
    by giving the day of the meeting they belong to."""

    fields: dict[str, list[str]]
    dated: frozenset[str]


@dataclass(frozen=True)
class NewMeeting:
    """A meeting the sentence describes with its time that no known meeting fits."""

    name: str
    kind: str
    when: Resolved
    participants: tuple[str, ...]
    place: str | None


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article and the known entities it names, each with where."""

    text: str
    found: tuple[tuple[int, int, str], ...]

    @property
    def named(self) -> frozenset[str]:
        return frozenset(entity for _, _, entity in self.found)

    def near(self, start: int, end: int) -> tuple[str, frozenset[str]]:
        """The words around a stretch of the sentence (its clause, roughly), and the entities
        named there."""
        low, high = max(0, start - 40), min(len(self.text), end + 50)
        return self.text[low:high], frozenset(e for s, f, e in self.found if s < high and low < f)


class Related:
    """Finds the known records a sentence speaks of, and the fields it bears on."""

    def __init__(self, corpus: Corpus, resolver: Resolver, names: Names) -> None:
        self.corpus = corpus
        # Its weekdays tied to days (by the statements, as the drafter finds them) are used.
        self.resolver = resolver
        self.names = names
        self.meetings = corpus.of("meetings", Meeting)
        self.commitments = corpus.of("commitments", Commitment)
        self.facts = corpus.of("facts", Fact)
        self.places = corpus.of("places", Place)
        # The words of who and where are named, not restated: "United States" in a claim and a
        # sentence says nothing of whether the one restates the other.
        self.named_words = frozenset(
            word
            for kind in ("people", "organizations", "places")
            for entity in corpus.entities.get(kind, {}).values()
            for name in [getattr(entity, "name", ""), *getattr(entity, "aliases", [])]
            for word in stems(name)
        )
        self.words = {
            i: stems(f"{c.name} {c.terms}") - self.named_words for i, c in self.commitments.items()
        }
        self.words |= {i: stems(f.claim) - self.named_words for i, f in self.facts.items()}
        self.titles = {i: stems(c.name) for i, c in self.commitments.items()}
        # What a statement may be about beyond the entities it names.
        self.occasions = set(self.meetings) | set(self.commitments)

    def sentence(self, text: str) -> Sentence:
        """A text with every entity a name in it may mean (a short name only when it can mean
        one entity: with no article before it to tell which)."""
        named = [
            (at, until, name.entity)
            for at, until, candidates in self.names.find(text)
            if candidates[0].how != "short" or len({c.entity for c in candidates}) == 1
            for name in candidates
        ]
        return Sentence(text, tuple(named))

    def first(self, text: str) -> Resolved | None:
        """The text's first time words, resolved on their own (not "a day earlier" than the
        drafter's last date), with the weekdays the drafter has tied to days."""
        resolver = Resolver(self.resolver.published.text)
        resolver.pinned = self.resolver.pinned
        return resolver.first(text)

    def when(self, text: str) -> Period | None:
        found = self.first(text)
        return parse_period(found.date) if found else None

    def touched(self, sentence: Sentence) -> Touched:
        """What the sentence says of the known meetings, commitments and facts."""
        when = self.when(sentence.text)
        meetings = {m for m in sentence.named if m in self.meetings}
        meetings |= self.described(sentence)
        words = stems(sentence.text)
        restated = {r for r, w in self.words.items() if restates(w, words - self.named_words)}
        # A commitment named by all the words of its name ("complete denuclearization of the
        # Korean Peninsula"), among others.
        restated |= {c for c, w in self.titles.items() if len(w) >= 2 and w <= words}
        found: dict[str, list[str]] = {}
        for meeting_id in meetings:
            found[meeting_id] = self.meeting_fields(meeting_id, sentence, meetings, when)
        for commitment_id in {c for c in sentence.named if c in self.commitments} | {
            r for r in restated if r in self.commitments
        }:
            commitment = self.commitments[commitment_id]
            fields = ["terms"] if commitment_id in restated else []
            fields += [f for f in ("by", "to") if set(getattr(commitment, f)) & sentence.named]
            if commitment.made_at in meetings:
                fields.append("made_at")
            fields += self.if_within(commitment.date, when, "date")
            fields += self.if_within(commitment.deadline, when, "deadline")
            found[commitment_id] = fields
        for fact_id in (r for r in restated if r in self.facts):
            found[fact_id] = ["claim", *self.if_within(self.facts[fact_id].date, when, "date")]
        dated = {r for m in meetings for r in self.same_day(m, when)}
        return Touched(found, frozenset(dated - set(found)))

    def if_within(self, date: str | None, when: Period | None, field: str) -> list[str]:
        """The field, if the sentence's time falls within the record's date."""
        return [field] if date and when and parse_period(date).overlaps(when) else []

    def meeting_fields(
        self, meeting_id: str, sentence: Sentence, meetings: set[str], when: Period | None
    ) -> list[str]:
        meeting = self.meetings[meeting_id]
        fields = self.if_within(meeting.date, when, "date")
        if meeting.place and self.places_in(sentence.named) & self.around(meeting.place):
            fields.append("place")
        if set(meeting.participants) & sentence.named:
            fields.append("participants")
        fields += [f for f in ("follows", "part_of") if getattr(meeting, f) in meetings]
        return fields

    def same_day(self, meeting_id: str, when: Period | None) -> set[str]:
        """A sentence giving a meeting's day gives the day of what was made or happened there:
        the commitments made at it (or at a meeting within it) and the facts about it."""
        meeting = self.meetings[meeting_id]
        if not meeting.date or when is None or when.text != meeting.date:
            return set()
        within = {meeting_id} | {m for m, v in self.meetings.items() if v.part_of == meeting_id}
        records = {m for m in within if m != meeting_id and self.meetings[m].date == meeting.date}
        records |= {
            c for c, v in self.commitments.items() if v.made_at in within and v.date == meeting.date
        }
        records |= {
            f for f, v in self.facts.items() if meeting_id in v.about and v.date == meeting.date
        }
        return records

    def places_in(self, named: frozenset[str]) -> set[str]:
        return {p for p in named if p in self.places}

    def around(self, place: str) -> set[str]:
        """The place and the places it lies within ("Sentosa", then "Singapore")."""
        found: set[str] = set()
        while place and place not in found:
            found.add(place)
            within = self.places.get(place)
            place = within.within if within and within.within else ""
        return found

    def unknown(self, sentence: Sentence) -> list[NewMeeting]:
        """The meetings a sentence describes by a word for one kind ("address", "summit") and
        the time words around it, where no known meeting fits: candidates, named by the
        capitalized words before the word ("New Year's Day address")."""
        found = []
        # The words of a known meeting's name ("the Hanoi summit") describe that one.
        known = [(s, e) for s, e, entity in sentence.found if entity in self.meetings]
        for match in _MEETING_WORD.finditer(sentence.text):
            if any(s <= match.start() < e for s, e in known):
                continue
            kinds = _MEETING_WORDS[match.group().lower()]
            words, named = sentence.near(match.start(), match.end())
            when = self.first(words)
            if kinds is None or when is None or self.fits(kinds, named, parse_period(when.date)):
                continue
            title = _TITLE_BEFORE.search(sentence.text[: match.start()])
            if title is None:
                continue  # "his summit": too little to tell it from a known one
            participants = tuple(sorted(named & set(self.corpus.entities.get("people", {}))))
            title_words = title.group().split()
            while title_words and title_words[0].lower() in _NOT_NAMES:
                title_words.pop(0)  # "At The Busan Summit": a sentence's first words
            if not title_words:
                continue
            name = f"{' '.join(title_words)} {match.group()}"
            places = sorted(self.places_in(named))
            kind = kinds[0]
            found.append(NewMeeting(name, kind, when, participants, places[0] if places else None))
        return found

    def fits(self, kinds: tuple[str, ...], named: frozenset[str], when: Period) -> bool:
        """Whether a known meeting of those kinds fits the time or the places named."""
        places = self.places_in(named)
        return any(
            meeting.kind in kinds
            and (
                (meeting.date and parse_period(meeting.date).overlaps(when))
                or (meeting.place and places & self.around(meeting.place))
            )
            for meeting in self.meetings.values()
        )

    def described(self, sentence: Sentence) -> set[str]:
        """The known meeting a sentence describes by a word for it and what the words around
        it say of its place, time and people ("the summit in Singapore last June"): the one
        that fits best, if only one does. A word for one kind ("summit") needs one fit;
        "meeting", two."""
        found: set[str] = set()
        for match in _MEETING_WORD.finditer(sentence.text):
            kinds = _MEETING_WORDS[match.group().lower()]
            words, named = sentence.near(match.start(), match.end())
            when = self.when(words)
            places = self.places_in(named)
            scores: dict[str, int] = {}
            for meeting_id, meeting in self.meetings.items():
                if kinds is not None and meeting.kind not in kinds:
                    continue
                if meeting.date and when and not parse_period(meeting.date).overlaps(when):
                    continue  # the words around give another time
                score = int(bool(meeting.place and places & self.around(meeting.place)))
                score += bool(meeting.date and when)
                score += bool(set(meeting.participants) & named)
                if score >= (1 if kinds is not None else 2):
                    scores[meeting_id] = score
            best = [m for m, s in scores.items() if s == max(scores.values(), default=0)]
            if len(best) == 1:
                found.add(best[0])
        return found
