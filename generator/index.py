"""Derived views of the checked corpus, built once: who names whom, events in time order, and the
date the briefing speaks as of."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from generator.dates import Period, parse_period
from generator.model import Corpus, Meeting, Source, Strict, references_in


@dataclass(frozen=True)
class Backlink:
    """Entity `source_id` (of `kind`) names the target in its field `field`."""

    kind: str
    source_id: str
    field: str


def period_of(entity: Strict) -> Period | None:
    text = getattr(entity, "date", None) or getattr(entity, "published", None)
    return parse_period(text) if isinstance(text, str) else None


def chronological(ids: list[str], corpus: Corpus) -> list[str]:
    """Ids in time order (undated last), ties broken by id so the order is stable."""

    def key(entity_id: str) -> tuple[bool, date, str]:
        entity = corpus.get(entity_id)
        period = period_of(entity) if entity else None
        return period is None, period.start if period else date.max, entity_id

    return sorted(ids, key=key)


@dataclass(frozen=True)
class Views:
    backlinks: dict[str, list[Backlink]]
    as_of: Period | None

    def naming(self, target: str, kind: str, field: str | None = None) -> list[str]:
        """Ids of the entities of `kind` that name `target` (in `field`, if given)."""
        found = (
            b.source_id
            for b in self.backlinks.get(target, [])
            if b.kind == kind and (field is None or b.field == field)
        )
        return list(dict.fromkeys(found))


def build_views(corpus: Corpus) -> Views:
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    for kind, entities in corpus.entities.items():
        for entity_id, entity in entities.items():
            for where, target, _kinds in references_in(entity):
                field = ".".join(str(p) for p in where if isinstance(p, str))
                backlinks[target].append(Backlink(kind, entity_id, field))
    published = [parse_period(s.published) for s in corpus.of("sources", Source).values()]
    as_of = max(published, key=lambda p: p.end, default=None)
    return Views(dict(backlinks), as_of)


def upcoming(corpus: Corpus, views: Views) -> list[str]:
    """Meetings still ahead as of the newest source, soonest first."""
    meetings = corpus.of("meetings", Meeting)
    ahead = [
        i
        for i, m in meetings.items()
        if m.status in ("scheduled", "proposed", "postponed")
        or (views.as_of and m.date and parse_period(m.date).start > views.as_of.end)
    ]
    return chronological(ahead, corpus)
