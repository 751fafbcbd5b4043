"""A new article's draft: statements from its quotations, suggested citations of the known
entities it names, candidate new entities, status changes of known meetings and commitments,
and boilerplate lines; each a file in the layout of content files, every quote checked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from generator.dates import parse_period
from generator.draft.draftfile import DraftFile
from generator.draft.facts import Candidate, fact, fact_id, wanted
from generator.draft.names import Names, known_names, pick
from generator.draft.newcomers import Newcomers
from generator.draft.quotations import Paragraph, paragraphs
from generator.draft.related import Related, Sentence, Touched
from generator.draft.speakers import TITLES, Speaker, Speakers
from generator.draft.statements import StatementFinder, Utterance, known_in
from generator.draft.when import Resolver
from generator.model import Commitment, Corpus, Meeting, Person, Where
from generator.quotes import ArticleText

# Lines that carry no fact: ads, photo credits, subscription prompts, publishing notes.
BOILERPLATE = re.compile(
    r"^(?:advertisement|sponsored( content)?|(?:image|photo|picture|credit|source)s?\s*:.*"
    r"|published\b.*|updated\b.*|.*\bclick here\b.*|.*\bsubscribe\b.*|read more\b.*"
    r"|share this\b.*|.*all rights reserved.*|©.*)$",
    re.IGNORECASE,
)
# Words that report a change in a meeting's or a commitment's status, and the status each gives.
MEETING_WORDS = {
    "held": "held", "met": "held", "ended": "held", "cut short": "held", "wrapped up": "held",
    "cancelled": "cancelled", "canceled": "cancelled", "called off": "cancelled",
    "postponed": "postponed", "delayed": "postponed", "agreed": "scheduled",
    "will take place": "scheduled", "will be held": "scheduled",
}  # fmt: skip
COMMITMENT_WORDS = {
    "agreed": "pledged", "pledged": "pledged", "promised": "pledged", "committed": "pledged",
    "failed": "broken", "broke": "broken", "kept": "kept", "fulfilled": "kept",
    "withdrew": "withdrawn", "abandoned": "withdrawn", "stalled": "stalled",
}  # fmt: skip
# Words saying a pledge was made again, not recounted.
_AGAIN = re.compile(r"\b(?:again|anew|reaffirm\w*|renew\w*|repeat\w*)\b", re.IGNORECASE)


class Drafter:
    """Drafts one article against the checked corpus."""

    def __init__(self, corpus: Corpus, source: str, raw: str, published: str) -> None:
        self.corpus = corpus
        self.source = source
        self.raw = raw
        self.article = ArticleText(raw)
        self.names = Names(known_names(corpus))
        self.speakers = Speakers(corpus, self.names)
        self.resolver = Resolver(published)
        self.related = Related(corpus, self.resolver, self.names)
        self.paragraphs: list[Paragraph] = paragraphs(raw)
        self.files: dict[str, DraftFile] = {}
        self.newcomers = Newcomers(
            corpus,
            source,
            self.article,
            self.paragraphs,
            self.names,
            self.resolver.published,
            self.files,
        )
        # Each sentence the check can find, and the known meetings, commitments and facts it
        # speaks of.
        self.spoken: list[tuple[str, set[str]]] = []
        # The sentences drafted statements quote: not candidate facts as well.
        self.quoted: set[str] = set()
        # Of those, the sentences reporting a known speaker's words, and who.
        self.reported: dict[str, str] = {}
        # The sentences drafted as candidate facts.
        self.facts_of: set[str] = set()

    def found(self, quote: str) -> bool:
        """Whether the check finds the quote in the article: the check's own search."""
        return bool(self.article.spans(quote))

    def draft(self) -> list[DraftFile]:
        known = known_in(self.corpus)
        finder = StatementFinder(
            self.raw, self.names, self.speakers, self.resolver, known, self.related
        )
        utterances = finder.find(self.paragraphs)
        for utterance in utterances:
            self.statement(utterance)
        self.mentions()
        self.status_changes()
        self.boilerplate()
        return sorted(self.files.values(), key=lambda f: f.path)

    # --- statements -------------------------------------------------------------------

    def statement(self, utterance: Utterance) -> None:
        speaker = utterance.speaker
        if speaker.new_kind:
            self.newcomers.entity(speaker)
        src = self.source
        reviews: dict[Where, str] = {}
        quotes = [part.sentence for part in utterance.parts]
        if not utterance.reported and len(utterance.parts) > 1:
            # Each quotation of the run quoted with its attribution, in the article's order.
            quotes = list(dict.fromkeys(quotes))
        if not all(self.found(q) for q in quotes) or not self.article.find(utterance.text):
            return  # never draft words the check would not find
        self.quoted.update(part.sentence for part in utterance.parts)
        if utterance.reported and not speaker.new_kind:
            # Words reported, not quoted whole: a claim the speaker makes, too.
            self.reported.update((part.sentence, speaker.entity) for part in utterance.parts)
        attributions = list(dict.fromkeys(p.attribution for p in utterance.parts if p.attribution))
        cite: dict[str, Any] = {"speaker": {src: _one(attributions)}}
        if speaker.guess:
            reviews[("speaker",)] = speaker.guess
        if len([p for p in utterance.parts if p.attribution]) > 1 or any(
            "taken to be" in g for g in utterance.guesses
        ):
            cite["speaker"]["inference"] = "; ".join(dict.fromkeys(utterance.guesses)) or (
                "Each quotation is attributed to the same speaker."
            )
        data: dict[str, Any] = {"speaker": speaker.entity}
        date = utterance.date
        if date is not None:
            data["date"] = date.date
            evidence: dict[str, Any] = {}
            if utterance.date_quote and self.found(utterance.date_quote):
                evidence[src] = utterance.date_quote
            evidence["inference"] = date.inference
            cite["date"] = evidence
            if utterance.date_guess:
                reviews[("date",)] = utterance.date_guess
        data["medium"] = utterance.medium
        if utterance.medium_quote and self.found(utterance.medium_quote):
            cite["medium"] = {src: utterance.medium_quote}
        else:
            # The attribution says it was said (or stated), not how: the usual medium.
            medium: dict[str, Any] = {src: attributions[0]} if attributions else {}
            medium["inference"] = "The article does not say how it was said."
            cite["medium"] = medium
            reviews[("medium",)] = "no cue in the text; the usual medium for the speaker"
        data["text"] = utterance.text
        about = self.about(utterance)
        if about:
            data["about"] = about
            reviews[("about",)] = "what the quotation and its sentences name: keep what it is about"
        if utterance.reported:
            data["reported"] = True
        text_cite: dict[str, Any] = {src: _one(quotes)}
        if len(utterance.parts) > 1:
            text_cite["inference"] = (
                "The text joins the quotations the article gives one after the other, "
                "attributed to the same speaker."
            )
            reviews[("text",)] = "quotations joined with [...]; check they belong together"
        cite["text"] = text_cite
        data["cite"] = cite
        statement_id = self.unique(_statement_id(speaker, utterance.text))
        header = [f"Drafted from {src}: review each `# review:` line, then move into content/."]
        if utterance.same_as:
            header.append(
                f"review: content/statements/{utterance.same_as}.yml quotes the same words: "
                "add this article's citations to it instead, if it is the same statement."
            )
        self.files[f"statements/{statement_id}"] = DraftFile(
            "statements", statement_id, data, reviews, header=header
        )

    def about(self, utterance: Utterance) -> list[str]:
        """What a statement is about: the meetings and commitments its sentences speak of, and
        the entities its words name in full, other than its speaker."""
        found: list[str] = []
        for part in utterance.parts:
            touched = self.related.touched(self.related.sentence(part.sentence))
            found += sorted(e for e in touched.fields if e in self.related.occasions)
        for _, _, candidates in self.names.find(utterance.text):
            if candidates[0].how != "short" and len({c.entity for c in candidates}) == 1:
                found.append(candidates[0].entity)
        return [e for e in dict.fromkeys(found) if e != utterance.speaker.entity]

    def unique(self, wanted: str) -> str:
        taken = set(self.corpus.kinds) | {f.id for f in self.files.values()}
        candidate, number = wanted, 2
        while candidate in taken:
            candidate, number = f"{wanted}-{number}", number + 1
        return candidate

    # --- mentions ---------------------------------------------------------------------

    def mentions(self) -> None:
        """Suggested citations of the known entities each sentence names (a short name only
        after a first full mention) and of the records it speaks of, field by field; the new
        entities, meetings and candidate facts it gives."""
        self.full_seen: set[str] = set()
        self.recent: list[str] = []
        self.cited: dict[str, dict[str, list[str]]] = {}
        self.roles: dict[str, tuple[int, str]] = {}  # a person's role, and a sentence naming it
        self.aliases_cited: set[str] = set()
        for paragraph in self.paragraphs:
            line = self.raw[paragraph.start : paragraph.end].strip()
            if BOILERPLATE.match(line):
                continue  # a photo credit names photographers, not people of the story
            headline = _title_case(line)
            for start, end in paragraph.sentences:
                sentence = self.raw[start:end].strip()
                # Every sentence's names count ("Biegun" after "Stephen Biegun"); only one the
                # check can find is cited.
                quotable = self.found(sentence)
                named, picked = self.names_in(start, end, sentence if quotable else None)
                if not quotable:
                    continue
                here = Sentence(self.raw[start:end], tuple(named))
                touched = self.related.touched(here)
                self.spoken.append((sentence, set(touched.fields)))
                suggested = touched.fields | {record: ["date"] for record in touched.dated}
                for entity, bears_on in suggested.items():
                    for field_name in bears_on:
                        self.suggest(entity, field_name, sentence)
                if not headline:  # "US, North Korean Envoys to Meet": capitals, not names
                    self.new_in(start, end, here, picked, touched)
        for entity in sorted(self.cited):
            self.additions(entity)

    def names_in(
        self, start: int, end: int, sentence: str | None
    ) -> tuple[list[tuple[int, int, str]], list[str]]:
        """The known names of a sentence: each with every entity it may mean (where, in the
        sentence), and the entity each most likely means; their name, alias, country and role
        citations noted, if the sentence can be quoted."""
        named: list[tuple[int, int, str]] = []
        picked: list[str] = []
        for at, until, candidates in self.names.find(self.raw, start, end):
            name, _ = pick(candidates, self.recent)
            if name.how == "short" and name.entity not in self.full_seen:
                continue
            if name.how != "short":
                self.full_seen.add(name.entity)
            self.recent.append(name.entity)
            picked.append(name.entity)
            # Every entity a full name may mean: "Pyongyang", the city or the state.
            named += [
                (at - start, until - start, n.entity)
                for n in (candidates if name.how != "short" else [name])
            ]
            if name.how == "short" or sentence is None:
                continue  # a short name cites nothing new
            if name.how == "name":
                self.suggest(name.entity, "name", sentence, once=True)
            elif name.words not in self.aliases_cited:  # each alias the article uses, once
                self.aliases_cited.add(name.words)
                self.suggest(name.entity, "aliases", sentence)
            if self.country_near(name.entity, at, until, start, end):
                self.suggest(name.entity, "country", sentence, once=True)
            role = self.role_near(name.entity, at, until, start, end)
            if role is not None and name.entity not in self.roles:
                self.roles[name.entity] = (role, sentence)
        return named, picked

    def suggest(self, entity: str, field_name: str, sentence: str, once: bool = False) -> None:
        quotes = self.cited.setdefault(entity, {}).setdefault(field_name, [])
        if sentence not in quotes and not (once and quotes):
            quotes.append(sentence)

    def new_in(
        self, start: int, end: int, here: Sentence, picked: list[str], touched: Touched
    ) -> None:
        """The new entities and meetings a sentence names, drafted; and, if it says something of
        its own, a candidate fact."""
        sentence = self.raw[start:end].strip()
        new = self.newcomers.named_in(start, end)
        for meeting in self.related.unknown(here):
            word = _status_word(sentence, MEETING_WORDS)
            new.append(self.newcomers.meeting(meeting, sentence, word))
        occasions = sorted(e for e in touched.fields if e in self.related.occasions)
        about = tuple(dict.fromkeys([*picked, *occasions, *new]))
        # A sentence restating a known fact is that fact's, not a new one.
        restates_fact = any(e in self.related.facts for e in touched.fields)
        own = sentence not in self.quoted or sentence in self.reported
        if not restates_fact and own and wanted(sentence, about):
            when = self.related.first(sentence)
            speaker = self.reported.get(sentence)
            self.candidate_fact(Candidate(sentence, about, when, speaker))

    def additions(self, entity: str) -> None:
        """The suggested citations of a known entity, as additions to its file."""
        kind = self.corpus.kind_of(entity) or "people"
        # Only the fields its kind cites: a commitment's name is a label, not a claim.
        cited_fields = getattr(self.corpus.get(entity), "fact_fields", ())
        fields = {f: q for f, q in self.cited[entity].items() if f in cited_fields}
        if not fields and entity not in self.roles:
            return
        cite = {f: {self.source: _one(quotes)} for f, quotes in sorted(fields.items())}
        reviews: dict[Where, str] = {
            ("cite", f): "a suggested citation: keep it if it supports the field" for f in fields
        }
        data: dict[str, Any] = {"cite": cite} if cite else {}
        person = self.corpus.get(entity)
        if entity in self.roles and isinstance(person, Person):
            index, quote = self.roles[entity]
            data["roles"] = [{"title": person.roles[index].title, "cite": {self.source: quote}}]
            reviews[("roles", 0, "cite")] = "a suggested citation: add it to this role's cite"
        self.files[f"additions/{kind}/{entity}"] = DraftFile(
            kind, entity, data, reviews, adds_to=self.corpus.files[entity]
        )

    def candidate_fact(self, candidate: Candidate) -> None:
        if candidate.sentence in self.facts_of:
            return  # a sentence the article repeats is one fact
        self.facts_of.add(candidate.sentence)
        data, reviews = fact(candidate, self.source)
        fact_key = self.unique(fact_id(candidate.sentence))
        header = [f"Drafted from {self.source}: a candidate fact; keep it only if it is one."]
        self.files[f"facts/{fact_key}"] = DraftFile("facts", fact_key, data, reviews, header=header)

    def country_near(self, entity: str, at: int, until: int, start: int, end: int) -> bool:
        """Whether the country a known person or body acts for is named next to its name: in
        the words just before it ("US President Donald Trump") or as a possessive after a comma
        ("Kim Hyok Chol, North Korea's special representative")."""
        country = getattr(self.corpus.get(entity), "country", None)
        if not country:
            return False
        low, high = max(start, at - 30), min(end, until + 40)
        for s, e, candidates in self.names.find(self.raw, low, high):
            if country not in {c.entity for c in candidates}:
                continue
            before = e <= at and not re.search(r"[,.;]", self.raw[e:at])
            apposed = s >= until and re.fullmatch(r",\s+(?:the\s+)?", self.raw[until:s])
            if before or (apposed and self.raw[e : e + 2] in ("'s", "’s")):
                return True
        return False

    def role_near(self, entity: str, at: int, until: int, start: int, end: int) -> int | None:
        """The known person's role whose title word stands within a few words of the name
        ("North Korean leader Kim Jong Un"), if any: a sentence that supports the role."""
        person = self.corpus.get(entity)
        if not isinstance(person, Person):
            return None
        near = self.raw[max(start, at - 40) : min(end, until + 40)].lower()
        for index, role in enumerate(person.roles):
            words = set(re.findall(r"[a-z]+", role.title.lower())) & TITLES
            if any(re.search(rf"\b{word}\b", near) for word in words):
                return index
        return None

    # --- status changes ---------------------------------------------------------------

    def status_changes(self) -> None:
        """For a known meeting or commitment a sentence speaks of, a candidate status entry
        citing it: with a word of change (held, cancelled, pledged …), the status that word
        gives; the first report without one, the status it had, to confirm or change."""
        entries: dict[str, dict[str, tuple[dict[str, Any], str]]] = {}
        for sentence, touched in self.spoken:
            for entity in sorted(touched):
                known = self.corpus.get(entity)
                if not isinstance(known, Meeting | Commitment):
                    continue
                words = MEETING_WORDS if isinstance(known, Meeting) else COMMITMENT_WORDS
                status = _status_word(sentence, words)
                found = entries.setdefault(entity, {})
                if status is None:
                    unchanged = any(not word for _, word in found.values())
                    if unchanged or not known.status_history:
                        continue
                    status = ("", _latest(known.status_history))
                when = self.related.first(sentence)
                date = when.date if when else self.occasion_date(touched)
                if status[1] == "held" and known.date:
                    date = _on_its_days(date, known.date)  # the check wants it within them
                elif status[1] == "pledged" and known.date and not when:
                    # Told without a time, a pledge is the one made, unless made again.
                    date = date if _AGAIN.search(sentence) else known.date
                entry = {"date": date, "status": status[1], "cite": {self.source: sentence}}
                found.setdefault(sentence, (entry, status[0]))
        for entity, found in sorted(entries.items()):
            if any(word for _, word in found.values()):
                # A word of change says more than "the status it had".
                found = {s: (e, word) for s, (e, word) in found.items() if word}
            if not found:
                continue
            kind = self.corpus.kind_of(entity) or "meetings"
            reviews: dict[Where, str] = {}
            for index, (_, word) in enumerate(found.values()):
                reviews[("status_history", index, "status")] = (
                    f'from "{word}"' if word else "no word of change: the status it had"
                )
                reviews[("status_history", index, "date")] = (
                    "the sentence's time words, else the days of a meeting it speaks of, else "
                    "the publication date; held within the meeting's days, pledged on the day "
                    "it was made"
                )
            unique = [entry for entry, _ in found.values()]
            key = f"additions/{kind}/{entity}"
            if key in self.files:  # the suggested citations drafted before
                self.files[key].data["status_history"] = unique
                self.files[key].reviews.update(reviews)
                continue
            self.files[key] = DraftFile(
                kind, entity, {"status_history": unique}, reviews, adds_to=self.corpus.files[entity]
            )  # fmt: skip

    def occasion_date(self, touched: set[str]) -> str:
        """A sentence without time words is dated by the one past meeting it speaks of, if
        any ("discussed ... after Biegun's visit to Pyongyang"), else the publication date."""
        published = self.resolver.published
        past = {
            meeting.date
            for entity in touched
            if (meeting := self.related.meetings.get(entity)) is not None
            and meeting.date
            and parse_period(meeting.date).end <= published.end
        }
        return past.pop() if len(past) == 1 else published.text

    # --- boilerplate ------------------------------------------------------------------

    def boilerplate(self) -> None:
        found: list[str] = []
        reviews: dict[Where, str] = {}
        for number, paragraph in enumerate(self.paragraphs):
            line = self.raw[paragraph.start : paragraph.end].strip()
            words = line.split()
            section = number == 0 and len(words) <= 4 and not line.endswith((".", "!", "?"))
            wanted = BOILERPLATE.match(line) or section
            if wanted and line not in found and self.found(line):
                if section:
                    reviews[("boilerplate", len(found))] = "the first line: a section label?"
                found.append(line)
        if found:
            adds_to = self.corpus.files.get(self.source, f"content/sources/{self.source}.yml")
            self.files[f"additions/sources/{self.source}"] = DraftFile(
                "sources", self.source, {"boilerplate": found}, reviews, adds_to=adds_to
            )


def _title_case(line: str) -> bool:
    """Whether a line is written in title case, as headlines are (without a full stop: "Stephen
    Biegun met Mike Pompeo in Panmunjom." is a sentence)."""
    if line.rstrip("\"”’')").endswith((".", "!", "?")):
        return False
    words = [w for w in line.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _one(quotes: list[str]) -> str | list[str]:
    return quotes[0] if len(quotes) == 1 else quotes


def _latest(history: Sequence[Any]) -> str:
    """The status of the newest entry, by its date."""
    return str(max(history, key=lambda entry: parse_period(entry.date).end).status)


def _status_word(sentence: str, words: dict[str, str]) -> tuple[str, str] | None:
    """The first word of change in the sentence, and the status it gives; of words starting
    together, the longest ("will be held" says scheduled, though "held" is in it)."""
    found = [
        (match.start(), -len(word), word)
        for word in words
        if (match := re.search(rf"\b{word}\b", sentence, re.IGNORECASE))
    ]
    if not found:
        return None
    _, _, word = min(found)
    return word, words[word]


def _statement_id(speaker: Speaker, text: str) -> str:
    # A person by the last word of their id ("trump"), unless too short to say who it is.
    last = speaker.entity.split("-")[-1]
    short = last if speaker.kind == "people" and len(last) > 3 else speaker.entity
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3][:3]
    return "-".join([short, *words]) or short


def _on_its_days(date: str, meeting_date: str) -> str:
    """A held entry's date: the one found, if it falls on the meeting's days (as the check
    requires), else the meeting's own."""
    when, days = parse_period(date), parse_period(meeting_date)
    return date if days.start <= when.start and when.end <= days.end else meeting_date
