"""schema.org JSON-LD for entity pages, so search engines and other tools read who, what, where
and when without scraping."""

from __future__ import annotations

from typing import Any

from generator.dates import parse_period
from generator.index import latest_status
from generator.markup import script_json
from generator.model import Corpus, Meeting, Organization, Person, Place, Source, Strict

EVENT_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}


def _named(corpus: Corpus, entity_id: str | None) -> dict[str, Any] | None:
    entity = corpus.get(entity_id) if entity_id else None
    if entity is None:
        return None
    kind = {"people": "Person", "places": "Place"}.get(corpus.kind_of(entity_id or "") or "")
    return {"@type": kind or "Organization", "name": getattr(entity, "name", entity_id)}


def json_ld(entity_id: str, entity: Strict, corpus: Corpus) -> dict[str, Any] | None:
    """The schema.org description of one entity, or None for kinds schema.org has no type for."""
    data: dict[str, Any]
    if isinstance(entity, Person):
        data = {"@type": "Person", "name": entity.name, "alternateName": entity.aliases}
        data["jobTitle"] = [role.title for role in entity.roles]
        data["affiliation"] = [
            _named(corpus, role.organization) for role in entity.roles if role.organization
        ]
        data["nationality"] = _named(corpus, entity.country)
    elif isinstance(entity, Organization):
        data = {"@type": "Organization", "name": entity.name, "alternateName": entity.aliases}
        data["parentOrganization"] = _named(corpus, entity.parent)
    elif isinstance(entity, Place):
        data = {"@type": "Place", "name": entity.name, "alternateName": entity.aliases}
        data["containedInPlace"] = _named(corpus, entity.within)
    elif isinstance(entity, Meeting):
        data = {"@type": "Event", "name": entity.name, "alternateName": entity.aliases}
        if entity.date:
            period = parse_period(entity.date)
            data["startDate"] = period.start.isoformat()
            data["endDate"] = period.end.isoformat()
        data["location"] = _named(corpus, entity.place)
        data["attendee"] = [_named(corpus, i) for i in entity.participants]
        data["eventStatus"] = EVENT_STATUS.get(latest_status(entity).status)
        data["superEvent"] = _named(corpus, entity.part_of)
    elif isinstance(entity, Source):
        data = {"@type": "NewsArticle", "headline": entity.name, "url": entity.url}
        data["publisher"] = {"@type": "Organization", "name": entity.publisher}
        data["datePublished"] = entity.published
    else:
        return None
    summary = getattr(entity, "summary", None)
    if summary:
        data["description"] = summary
    cleaned = {k: v for k, v in data.items() if v not in (None, [], "")}
    return {"@context": "https://schema.org", "identifier": entity_id, **cleaned}


def json_ld_script(entity_id: str, entity: Strict, corpus: Corpus) -> str:
    """The JSON-LD as a script element, escaped so that no text can end it."""
    data = json_ld(entity_id, entity, corpus)
    if data is None:
        return ""
    return f'<script type="application/ld+json">{script_json(data)}</script>'
