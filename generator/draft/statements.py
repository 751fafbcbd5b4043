"""Statements proposed from an article's quotations: each quotation (or run of quotations by one
speaker) with its speaker, medium and date, and the article's words that support each."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from generator.dates import parse_period
from generator.draft.names import Names
from generator.draft.quotations import Paragraph, Quotation, speech_verb
from generator.draft.related import Related
from generator.draft.speakers import Speaker, Speakers
from generator.draft.when import Resolved, Resolver
from generator.model import Corpus, Meeting, Statement
from generator.quotes import normalize

# Cues to how something was said, the first found wins; none: `remarks` for a person,
# `statement` for an organization.
MEDIA = (
    ("tweet", re.compile(r"\b(?:tweet\w*|Twitter)\b", re.IGNORECASE)),
    ("press-conference", re.compile(r"\b(?:news|press) (?:conference|briefing)\b", re.IGNORECASE)),
    ("release", re.compile(r"\b(?:press )?release\b", re.IGNORECASE)),
    ("statement", re.compile(r"\bstatement\b", re.IGNORECASE)),
    ("interview", re.compile(r"\binterview\b", re.IGNORECASE)),
    ("address", re.compile(r"\b(?:address|speech)\b", re.IGNORECASE)),
    ("remarks", re.compile(r"\b(?:told reporters|remarks)\b", re.IGNORECASE)),
)
# A preposition of time with no date ("after the talks"): the text gives a time of its own, which
# an earlier "said on Friday" of the same speaker must not replace.
_OWN_TIME = re.compile(r"\b(?:after|following|before|during|ahead of)\b", re.IGNORECASE)
# "said after the talks": said once a meeting was over.
_AFTER_MEETING = re.compile(
    r"\b(?:after|following)\s+(?:the|his|her|their|its)\b[^,.]*?\b"
    r"(?:meetings?|talks|visit|summit|trip|discussions)\b",
    re.IGNORECASE,
)
# How many characters of the same words make a quotation the one a known statement quotes.
_SAME_WORDS = 40
_THAT = re.compile(r"^\s*(?:[^,\"“]{0,40}?\s)?that\s+")


@dataclass
class Part:
    """One quotation of a statement, with the sentence it is quoted in."""

    quotation: Quotation
    attribution: str  # the article's words naming the speaker, "" if none
    sentence: str


@dataclass
class Utterance:
    """What a speaker said: one or more quotations, or a sentence reporting their words."""

    speaker: Speaker
    parts: list[Part]
    reported: bool
    text: str
    guesses: list[str] = field(default_factory=list)
    date: Resolved | None = None
    date_quote: str = ""
    date_guess: str = ""
    medium: str = "remarks"
    medium_quote: str = ""
    same_as: str = ""  # a statement in content/ that quotes the same words


@dataclass(frozen=True)
class Known:
    """What content/ holds that dates a quotation: the words its statements quote (an article
    quoting them again quotes the same statement), and its meetings' dates."""

    texts: dict[str, tuple[str, str]]  # id -> (plain text, date)
    meetings: dict[str, Meeting]

    def same_words(self, utterance: Utterance, raw: str) -> tuple[str, str] | None:
        """A dated statement quoting at least a sentence's worth of the same words, if any."""
        for part in utterance.parts:
            words = _plain_words(part.quotation.words(raw))
            for statement_id, (text, when) in sorted(self.texts.items()):
                match = SequenceMatcher(None, words, text, autojunk=False).find_longest_match()
                if when and match.size >= _SAME_WORDS:
                    return statement_id, when
        return None


def _plain_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", normalize(text)[0].lower()))


def known_in(corpus: Corpus) -> Known:
    texts = {
        statement_id: (_plain_words(s.text), s.date or "")
        for statement_id, s in corpus.of("statements", Statement).items()
        if not s.reported
    }
    return Known(texts, corpus.of("meetings", Meeting))


def _blank(text: str, quotations: list[Quotation], offset: int) -> str:
    """The text with the words of its quotations blanked out: their time words and names are
    the speaker's, not the article's."""
    characters = list(text)
    for q in quotations:
        for position in range(max(q.inner_start, offset), min(q.inner_end, offset + len(text))):
            characters[position - offset] = " "
    return "".join(characters)


def _clause(text: str, verb_end: int) -> str:
    """An attribution up to the first comma after its verb (or its end)."""
    comma = text.find(",", verb_end)
    return (text[:comma] if comma >= 0 else text).strip(" ,")


class StatementFinder:
    """Walks an article's paragraphs in order, keeping who was named last."""

    def __init__(
        self,
        raw: str,
        names: Names,
        speakers: Speakers,
        resolver: Resolver,
        known: Known | None = None,
        related: Related | None = None,
    ) -> None:
        self.raw = raw
        self.known = known or Known({}, {})
        self.related = related
        self.names = names
        self.speakers = speakers
        self.resolver = resolver
        self.quotations: list[Quotation] = []

    def recent(self, before: int) -> list[str]:
        """The known entities named outside quotations before an offset, in order."""
        named = []
        for start, _, candidates in self.names.find(self.raw, 0, before):
            if not any(q.inner_start <= start < q.inner_end for q in self.quotations):
                named.append(candidates[0].entity)
        return named

    def find(self, paragraphs: list[Paragraph]) -> list[Utterance]:
        self.quotations = [q for p in paragraphs for q in p.quotations]
        found: list[Utterance] = []
        previous: Utterance | None = None  # the last utterance of the paragraph before
        for paragraph in paragraphs:
            here: Utterance | None = None
            handled: set[tuple[int, int]] = set()
            for quotation in paragraph.quotations:
                if quotation.sentence in handled:
                    continue
                utterance = self._quotation(paragraph, quotation, here or previous, handled)
                if utterance is None:
                    continue
                if utterance is not here and utterance is not previous:
                    found.append(utterance)
                here = utterance
            previous = here if here is not None and not here.reported else None
        for utterance in found:
            self._date(utterance)
            self._medium(utterance)
        return found

    def _quotation(
        self,
        paragraph: Paragraph,
        quotation: Quotation,
        last: Utterance | None,
        handled: set[tuple[int, int]],
    ) -> Utterance | None:
        raw = self.raw
        start, end = quotation.sentence
        before = raw[start : quotation.start]
        same = [q for q in paragraph.quotations if q.sentence == quotation.sentence]
        after_end = next((q.start for q in same if q.start > quotation.start), end)
        after = raw[quotation.end : after_end]
        sentence = raw[start:end].strip()
        words = quotation.words(raw).strip()
        direct = not before.strip() or (
            before.rstrip().endswith((":", ",")) and speech_verb(before) is not None
        )
        if direct:
            words = words.rstrip(",").rstrip()
            attribution = after if not before.strip() else before
            verb = speech_verb(attribution)
            if verb is None:
                # No attribution: the quotation goes on with the last speaker's words.
                if last is None or last.reported:
                    return None
                last.parts.append(Part(quotation, "", sentence))
                last.text += f" [...] {words}"
                return last
            subject = attribution[: verb.start()].strip(" ,") or _clause(
                attribution[verb.end() :], 0
            )
            clause = _clause(
                attribution.strip(" ,"),
                attribution.strip(" ,").find(verb.group()) + len(verb.group()),
            )
            speaker = self.speakers.resolve(subject, self.recent(quotation.start))
            if speaker is None:
                return None
            part = Part(quotation, clause, sentence)
            by_same = (
                last is not None and not last.reported and last.speaker.entity == speaker.entity
            )
            # A new paragraph whose attribution gives its own time ("said on Monday") is
            # another occasion, even by the same speaker.
            own_time = Resolver(self.resolver.published.text).first(attribution) is not None
            if (
                last is not None
                and by_same
                and not (own_time and last.parts[-1].quotation.paragraph != quotation.paragraph)
            ):
                last.parts.append(part)
                last.text += f" [...] {words}"
                if speaker.guess:
                    last.guesses.append(speaker.guess)
                return last
            return Utterance(
                speaker, [part], False, words, [speaker.guess] if speaker.guess else []
            )
        # A phrase quoted inside the article's own sentence: a statement only if the sentence
        # reports someone's words ("X said that ...", "according to X, ...").
        verb = speech_verb(before)
        if verb is None:
            return None
        handled.add(quotation.sentence)
        offset = start
        if verb.group().lower() == "according to":
            comma = raw.find(",", start + verb.end())
            if comma < 0 or comma > quotation.start:
                return None
            subject = raw[start + verb.end() : comma]
            clause = raw[start:comma]
            text = raw[comma + 1 : end].strip()
        else:
            subject = before[: verb.start()]
            # The subject is after an opening adverbial ("In a second tweet on Friday, Trump ..."),
            # unless the commas set off an apposition ("Biegun, the US envoy, said").
            if "," in subject and not self.names.find(subject.split(",")[0]):
                subject = subject.rsplit(",", 1)[1]
            rest = raw[start + verb.end() : end]
            that = _THAT.match(rest)
            text = rest[that.end() :] if that else rest
            # The attribution runs to "that", its time words included ("said last week").
            clause_end = start + verb.end() + (that.group().rfind("that") if that else 0)
            clause = raw[start:clause_end].strip(" ,")
            text = text.strip()
        speaker = self.speakers.resolve(subject, self.recent(offset))
        if speaker is None or not text:
            return None
        part = Part(quotation, clause, sentence)
        return Utterance(speaker, [part], True, text, [speaker.guess] if speaker.guess else [])

    def _time_text(self, part: Part) -> str:
        start, end = part.quotation.sentence
        return _blank(self.raw[start:end], self.quotations, start)

    def _date(self, utterance: Utterance) -> None:
        first = utterance.parts[0]
        same = self.known.same_words(utterance, self.raw)
        if same is not None:
            statement_id, when = same
            utterance.same_as = statement_id
            why = f"As in content/statements/{statement_id}.yml, which quotes the same words."
            utterance.date = Resolved("", when, why, 0)
            utterance.date_guess = f"the date of {statement_id}, which quotes the same words"
            self.resolver.pin(first.attribution, when)
            return
        text = self._time_text(first)
        resolved = self.resolver.first(text)
        if resolved is not None:
            utterance.date = resolved
            utterance.date_quote = (
                first.attribution if resolved.words in first.attribution else resolved.words
            )
            return
        after = _AFTER_MEETING.search(first.attribution)
        if after is not None:
            ended = self._after_meeting(first.quotation.start, after.group(), first.attribution)
            if ended is not None:
                utterance.date, utterance.date_quote = ended, first.attribution
                utterance.date_guess = "after the meeting named last before it"
                return
        if not _OWN_TIME.search(first.attribution):
            earlier = self._earlier_time(utterance)
            if earlier is not None:
                utterance.date, utterance.date_quote = earlier
                utterance.date_guess = "taken from the speaker's earlier dated words in the article"
                return
        utterance.date = self.resolver.publication()
        utterance.date_guess = "the text gives no time: the publication date"

    def _after_meeting(self, before: int, words: str, attribution: str) -> Resolved | None:
        """Said "after the talks": from the day the meeting named last before it ended to the
        publication date (the publication month, if the article gives no day)."""
        published = self.resolver.published
        # The meeting the words describe ("after his meetings in Pyongyang"), else the one
        # named last before them.
        found = self.related.described(self.related.sentence(attribution)) if self.related else []
        described = sorted(found)
        for entity in [*described, *reversed(self.recent(before))]:
            meeting = self.known.meetings.get(entity)
            if meeting is None or meeting.date is None:
                continue
            ended = parse_period(meeting.date).end
            if ended > published.end:
                continue  # still ahead: not the meeting it was said after
            name = f"{meeting.name} ({parse_period(meeting.date).display()})"
            if published.precision != "day":
                why = f'Said "{words}", taken to be the {name}; the article gives no day.'
                return Resolved(words, published.text, why, 0)
            if ended >= published.start:
                when = published.text
            else:
                when = f"{ended.isoformat()}/{published.text}"
            why = (
                f'Said "{words}", taken to be the {name}, which ended on '
                f"{parse_period(ended.isoformat()).display()}; reported on {published.display()}."
            )
            return Resolved(words, when, why, 0)
        return None

    def _earlier_time(self, utterance: Utterance) -> tuple[Resolved, str] | None:
        """An earlier sentence in which the same speaker "said on Friday": when, and its words."""
        first = utterance.parts[0].quotation
        resolver = Resolver(self.resolver.published.text)
        for match in re.finditer(r"[^.!?\n]+[.!?]?", self.raw[: first.sentence[0]]):
            sentence = _blank(match.group(), self.quotations, match.start())
            verb = speech_verb(sentence)
            if verb is None:
                continue
            named = [c[0].entity for _, _, c in self.names.find(sentence[: verb.start()])]
            if utterance.speaker.entity not in named:
                continue
            window = sentence[verb.start() : verb.end() + 30]
            resolved = resolver.first(window)
            if resolved is not None:
                return resolved, match.group().strip()[
                    : verb.end() + len(resolved.words) + 1
                ].strip()
        return None

    def _medium(self, utterance: Utterance) -> None:
        for part in utterance.parts:
            attribution = part.attribution or ""
            for medium, cue in MEDIA:
                found = cue.search(attribution) or cue.search(self._time_text(part))
                if found:
                    utterance.medium = medium
                    utterance.medium_quote = (
                        attribution if cue.search(attribution) else found.group()
                    )
                    return
        utterance.medium = "statement" if utterance.speaker.kind == "organizations" else "remarks"
