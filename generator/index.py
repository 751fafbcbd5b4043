"""Derived views of the checked corpus, built once: who names whom (and with which evidence),
events in time order, and the date the briefing speaks as of."""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from pydantic import BaseModel

from generator.dates import Period, Timing, parse_period, timing
from generator.model import (
    Commitment,
    Corpus,
    Evidence,
    Fact,
    Meeting,
    MeetingStatusChange,
    Source,
    Statement,
    StatusChange,
    Strict,
    Where,
    evidence_in,
    references_in,
)


@dataclass(frozen=True)
class Backlink:
    """Entity `source_id` (of `kind`) names the target at `where`, a path into its fields
    such as ("roles", 0, "organization")."""

    kind: str
    source_id: str
    where: Where

    @cached_property
    def field(self) -> str:
        return ".".join(str(p) for p in self.where if isinstance(p, str))


def evidence_at(entity: Strict, where: Where) -> Evidence | None:
    """The citation covering the value at `where`: the item's own `cite` for a list of items
    (a role), otherwise the entity's `cite.<field>`."""
    if len(where) >= 3 and isinstance(where[1], int):
        item = getattr(entity, str(where[0]))[where[1]]
        cite = getattr(item, "cite", None)
        return cite if isinstance(cite, Evidence) else None
    cite = getattr(entity, "cite", None)
    if isinstance(cite, BaseModel):
        value = getattr(cite, str(where[0]), None)
        return value if isinstance(value, Evidence) else None
    return None


def period_of(entity: Strict) -> Period | None:
    text = getattr(entity, "date", None) or getattr(entity, "published", None)
    return parse_period(text) if isinstance(text, str) else None


def chronological(ids: list[str], corpus: Corpus) -> list[str]:
    """Ids in time order (undated last), ties broken by id so the order is stable."""

    def key(entity_id: str) -> tuple[bool, date, date, str]:
        entity = corpus.get(entity_id)
        period = period_of(entity) if entity else None
        if period is None:
            return True, date.max, date.max, entity_id
        return False, period.start, period.end, entity_id

    return sorted(ids, key=key)


# Meeting statuses that expect it to take place on its date. A postponed one is not expected
# then; a held or cancelled one is expected no more.
EXPECTED = ("proposed", "scheduled")
# Meeting statuses that leave it still to take place.
NOT_YET = (*EXPECTED, "postponed")
# Commitment statuses that leave it still to be kept (or broken) by its deadline.
OPEN = ("proposed", "stated", "pledged", "in-progress", "stalled")


# Where an earlier value, since replaced, names an entity.
SUPERSEDED = "earlier.value"


@dataclass(frozen=True)
class Views:
    backlinks: dict[str, list[Backlink]]
    as_of: Period | None
    # Each fact or statement in a dispute, mapped to every side of that dispute (see dispute_sides).
    disputes: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def naming(self, target: str, kind: str, *fields: str) -> list[str]:
        """Ids of the entities of `kind` that name `target` (in one of `fields`, if given; an
        earlier value, since replaced, only if asked for)."""
        found = (
            b.source_id
            for b in self.backlinks.get(target, [])
            if b.kind == kind and (b.field in fields if fields else b.field != SUPERSEDED)
        )
        return list(dict.fromkeys(found))

    def disputed_by(self, target: str) -> list[str]:
        """The facts that dispute a fact or statement."""
        return self.naming(target, "facts", "disputes")

    def links_to(self, target: str, *kinds: str) -> list[Backlink]:
        return [b for b in self.backlinks.get(target, []) if b.kind in kinds]

    def superseded_naming(self, target: str) -> list[Backlink]:
        """Where an earlier value, replaced by a later report, named `target`."""
        return [b for b in self.backlinks.get(target, []) if b.field == SUPERSEDED]

    def timing_of(self, entity: Strict) -> Timing | None:
        """Where a meeting the sources expect (proposed or scheduled), or the deadline of a
        commitment still open, stands against the briefing's date: ahead (upcoming), due, or
        past with no report since. Decided by the date alone, since a status only says what its
        source expected then. None for other entities, meetings and commitments, and for an
        undated one or a corpus without sources."""
        if isinstance(entity, Meeting) and latest_status(entity).status in EXPECTED:
            period = period_of(entity)
        elif isinstance(entity, Commitment) and latest_status(entity).status in OPEN:
            period = parse_period(entity.deadline) if entity.deadline else None
        else:
            return None
        return timing(period, self.as_of) if period and self.as_of else None


def build_views(corpus: Corpus) -> Views:
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    for kind, entities in corpus.entities.items():
        for entity_id, entity in entities.items():
            for where, target, _kinds in references_in(entity):
                backlinks[target].append(Backlink(kind, entity_id, where))
    return Views(dict(backlinks), briefing_date(corpus), dispute_sides(corpus))


def dispute_sides(corpus: Corpus) -> dict[str, tuple[str, ...]]:
    """Each fact or statement that disputes or is disputed, mapped to all the sides of its
    dispute: those joined to it through `disputes`, either way and at any remove (a reply to a
    rebuttal is part of the same dispute). The sides that dispute none of the others come first,
    then the rest, each in time order."""
    joined: dict[str, set[str]] = defaultdict(set)
    for fact_id, fact in corpus.of("facts", Fact).items():
        for other in fact.disputes:
            joined[fact_id].add(other)
            joined[other].add(fact_id)
    found: dict[str, tuple[str, ...]] = {}
    for start in sorted(joined):
        if start in found:
            continue
        sides, todo = {start}, [start]
        while todo:
            for other in joined[todo.pop()] - sides:
                sides.add(other)
                todo.append(other)
        ordered = chronological(sorted(sides), corpus)
        disputing = {i for i in sides if set(getattr(corpus.get(i), "disputes", ())) & sides}
        group = tuple(sorted(ordered, key=lambda i: i in disputing))
        found.update(dict.fromkeys(sides, group))
    return found


def briefing_date(corpus: Corpus) -> Period | None:
    """The date the briefing speaks as of: the newest source's. Of two sources ending on the
    same day, the one surely that late: 28 February 2019 rather than "February 2019"."""
    published = [parse_period(s.published) for s in corpus.of("sources", Source).values()]
    return max(published, key=lambda p: (p.end, p.start), default=None)


def meetings_by_timing(corpus: Corpus, views: Views, *timings: Timing) -> list[str]:
    """The meetings the sources expect whose dates stand so against the briefing's date,
    soonest first."""
    meetings = corpus.of("meetings", Meeting)
    return chronological([i for i, m in meetings.items() if views.timing_of(m) in timings], corpus)


def deadlines_by_timing(corpus: Corpus, views: Views, *timings: Timing) -> list[str]:
    """The open commitments whose deadlines stand so against the briefing's date, soonest
    first."""
    commitments = corpus.of("commitments", Commitment)
    found = [i for i, c in commitments.items() if views.timing_of(c) in timings]
    return sorted(found, key=lambda i: (parse_period(commitments[i].deadline or "").start, i))


def page_tags(corpus: Corpus, views: Views, entity_id: str, entity: Strict) -> set[str]:
    """The tags an entity's page shows: its own, and those of the commitments, statements and
    facts that name it."""
    tags = set(getattr(entity, "tags", ()))
    for kind in ("commitments", "statements", "facts"):
        for other in views.naming(entity_id, kind):
            tags.update(getattr(corpus.entities[kind][other], "tags", ()))
    return tags


def tags_carried(corpus: Corpus) -> set[str]:
    """Every tag some entity carries."""
    return {
        tag
        for entities in corpus.entities.values()
        for entity in entities.values()
        for tag in getattr(entity, "tags", ())
    }


def tags_in_use(corpus: Corpus) -> dict[str, str]:
    """The declared tags some entity carries, by id, each with what it covers: those the tags
    page lists. A tag declared but not yet used is left off."""
    return {tag: corpus.tags[tag] for tag in sorted(tags_carried(corpus) & corpus.tags.keys())}


# What keeps a dated, cited status history, and one entry of it.
Tracked = Commitment | Meeting
Change = StatusChange | MeetingStatusChange


def history_of(entity: Tracked) -> list[Change]:
    # Typed once here: the two kinds' entries share their fields but not a class.
    return list(entity.status_history)


def newest_first(entity: Tracked) -> list[int]:
    """The indexes of a status history, newest first (by date, then by order written)."""
    history = entity.status_history
    return sorted(
        range(len(history)), key=lambda i: (parse_period(history[i].date).end, i), reverse=True
    )


def latest_status(entity: Tracked) -> Change:
    return entity.status_history[newest_first(entity)[0]]


def status_since(entity: Tracked) -> Change:
    """The entry the latest status began with: the first of the latest run of entries with that
    status. Later entries that keep the status are evidence for it, not a new start."""
    history = history_of(entity)
    newest = newest_first(entity)
    status = history[newest[0]].status
    since = newest[0]
    for index in newest[1:]:
        if history[index].status != status:
            break
        since = index
    return history[since]


def changes_of(entity: Tracked) -> list[int]:
    """The entries of a status history that change the status, oldest first: not the first
    (which came with the entity), nor one restating the status before it."""
    order = newest_first(entity)[::-1]
    history = entity.status_history
    return [
        index
        for before, index in itertools.pairwise(order)
        if history[index].status != history[before].status
    ]


@dataclass(frozen=True)
class TimelineEntry:
    """One dated thing on the timeline: an entity, or one entry of a commitment's history."""

    period: Period
    kind: str
    entity_id: str
    history_index: int | None = None


def timeline(corpus: Corpus) -> list[TimelineEntry]:
    """Every dated meeting, statement, fact, commitment and status change, in time order. A
    status change on the day of its meeting or commitment is that entry already."""
    entries = []
    for kind in ("meetings", "statements", "facts", "commitments"):
        for entity_id, entity in corpus.entities.get(kind, {}).items():
            period = period_of(entity)
            if period:
                entries.append(TimelineEntry(period, kind, entity_id))
            if isinstance(entity, (Commitment, Meeting)):
                for index, change in enumerate(history_of(entity)):
                    if change.date == entity.date:
                        continue
                    entries.append(TimelineEntry(parse_period(change.date), kind, entity_id, index))
    order = {"meetings": 0, "commitments": 1, "statements": 2, "facts": 3}
    return sorted(
        entries,
        key=lambda e: (
            e.period.start,
            e.period.end,
            order[e.kind],
            e.entity_id,
            -1 if e.history_index is None else e.history_index,
        ),
    )


def recent(entries: list[TimelineEntry], corpus: Corpus, views: Views) -> list[TimelineEntry]:
    """Timeline entries up to the newest source, newest first: what happened, not what is ahead
    (a meeting still proposed, scheduled or postponed has not happened, whatever its date; a
    status change is dated when reported)."""

    def happened(entry: TimelineEntry) -> bool:
        if views.as_of is not None and entry.period.start > views.as_of.end:
            return False
        if entry.history_index is not None:
            return True
        entity = corpus.entities[entry.kind][entry.entity_id]
        return not (isinstance(entity, Meeting) and latest_status(entity).status in NOT_YET)

    return [entry for entry in reversed(entries) if happened(entry)]


STATUS_ORDER = (
    "in-progress", "pledged", "stated", "proposed", "stalled", "partly-kept", "kept", "broken",
    "withdrawn",
)  # fmt: skip


def display_name(entity: Strict, corpus: Corpus) -> str:
    """How an entity is named in running text."""
    if isinstance(entity, Statement):
        speaker = corpus.get(entity.speaker)
        who = display_name(speaker, corpus) if speaker else entity.speaker
        when = f", {parse_period(entity.date).display()}" if entity.date else ""
        return f"{who}, {humanize(entity.medium)}{when}"
    if isinstance(entity, Fact) and entity.according_to:
        # Someone's account, not the briefing's: never named as if it were established.
        whose = (corpus.get(i) for i in entity.according_to)
        names = " and ".join(display_name(e, corpus) for e in whose if e is not None)
        return f"According to {names}: {entity.claim}"
    name = getattr(entity, "name", None) or getattr(entity, "claim", "")
    return str(name)


def humanize(word: str) -> str:
    return word.replace("-", " ")


def by_status(corpus: Corpus) -> dict[str, list[str]]:
    """Commitments by their latest status (in STATUS_ORDER, those with any), each in time
    order."""
    commitments = corpus.of("commitments", Commitment)
    found: dict[str, list[str]] = {status: [] for status in STATUS_ORDER}
    for entity_id in chronological(list(commitments), corpus):
        found[latest_status(commitments[entity_id]).status].append(entity_id)
    return {status: ids for status, ids in found.items() if ids}


def grouped(corpus: Corpus, kind: str, ids: list[str]) -> dict[str, list[str]]:
    """People by country, organizations and places by kind."""
    groups: dict[str, list[str]] = {}
    for entity_id in ids:
        entity = corpus.entities[kind][entity_id]
        if kind == "people":
            country = corpus.get(getattr(entity, "country", None) or "")
            heading = display_name(country, corpus) if country else "No country given"
        else:
            heading = humanize(getattr(entity, "kind", "other")).capitalize()
        groups.setdefault(heading, []).append(entity_id)
    return dict(sorted(groups.items()))


def timeline_groups(entries: list[TimelineEntry]) -> dict[str, list[TimelineEntry]]:
    """The timeline's entries by month (or year, where no finer)."""
    groups: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.period.month_key(), []).append(entry)
    return groups


@dataclass(frozen=True)
class Added:
    """What one source brought to the briefing: the entities and the status changes it is the
    first to cite (by publication date, then id), the changes as (commitment or meeting,
    index); the values it replaced, as (entity, index into its `earlier`); of the facts it is
    the first to cite, those disputing another; and the meetings whose outcome it is the first
    to report, of those it does not bring."""

    entities: list[str]
    changes: list[tuple[str, int]]
    superseded: list[tuple[str, int]]
    disputes: list[str]
    outcomes: list[str]

    def __bool__(self) -> bool:
        return bool(self.entities or self.changes or self.superseded or self.outcomes)


def cited_sources(entity: Strict) -> set[str]:
    return {source for _where, evidence in evidence_in(entity) for source in evidence.sources()}


def what_sources_added(corpus: Corpus) -> dict[str, Added]:
    """Each source's additions, every source included (an empty Added if none)."""
    order = {s: i for i, s in enumerate(chronological(list(corpus.entities["sources"]), corpus))}
    added = {source: Added([], [], [], [], []) for source in order}
    for kind, entities in corpus.entities.items():
        if kind == "sources":
            continue
        for entity_id, entity in sorted(entities.items()):
            cited = [s for s in cited_sources(entity) if s in order]
            if cited:
                first = added[min(cited, key=order.__getitem__)]
                first.entities.append(entity_id)
                if isinstance(entity, Fact) and entity.disputes:
                    first.disputes.append(entity_id)
            outcome = getattr(getattr(entity, "cite", None), "outcome", None)
            if isinstance(entity, Meeting) and isinstance(outcome, Evidence):
                reported = [s for s in outcome.sources() if s in order]
                if reported:
                    first_report = added[min(reported, key=order.__getitem__)]
                    if entity_id not in first_report.entities:
                        first_report.outcomes.append(entity_id)
            if isinstance(entity, (Commitment, Meeting)):
                for index in changes_of(entity):
                    cited = [s for s in entity.status_history[index].cite.sources() if s in order]
                    if cited:
                        added[min(cited, key=order.__getitem__)].changes.append((entity_id, index))
            for index, earlier in enumerate(getattr(entity, "earlier", ())):
                if earlier.superseded_by in added:
                    added[earlier.superseded_by].superseded.append((entity_id, index))
    for found in added.values():
        found.changes.sort()
    return added
