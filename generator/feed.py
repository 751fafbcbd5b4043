"""The Atom feed of what is new: one entry per source, newest first, each saying what the source
added. Built as an element tree, so every value is escaped by construction; dated only by the
sources, so the same content gives the same file."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET

from generator.citations import built_href
from generator.dates import parse_period
from generator.index import Added, display_name, humanize
from generator.layout import FEED, NEWS, page_path
from generator.model import Commitment, Corpus, Fact, Meeting, Source

ATOM = "http://www.w3.org/2005/Atom"
TITLE = "Briefing: what's new"
# Atom ids must be absolute and never change; the site has no address of its own to build them
# from, so each is a name-based UUID of what it identifies.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "briefing:")


def feed_id(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(_NAMESPACE, name)}"


def rfc3339(published: str) -> str:
    """A source's publication day as an Atom date: its midnight, UTC."""
    return f"{parse_period(published).start.isoformat()}T00:00:00Z"


def summary(corpus: Corpus, added: Added) -> str:
    """What a source added, as one line of plain text."""
    parts = []
    if added.entities:
        names = (display_name(corpus.entities[corpus.kinds[i]][i], corpus) for i in added.entities)
        parts.append("New: " + "; ".join(name.rstrip(".") for name in names) + ".")
    if added.changes:
        changes = []
        for entity_id, index in added.changes:
            entity = corpus.get(entity_id)
            assert isinstance(entity, (Commitment, Meeting))
            change = entity.status_history[index]
            changes.append(f"{entity.name}: {humanize(change.status)}")
        parts.append("Status: " + "; ".join(changes) + ".")
    for meeting_id in added.outcomes:
        meeting = corpus.of("meetings", Meeting)[meeting_id]
        parts.append(f"Outcome of {meeting.name}: {meeting.outcome}")
    if added.superseded:
        replaced = []
        for entity_id, index in added.superseded:
            entity = corpus.get(entity_id)
            assert entity is not None
            earlier = getattr(entity, "earlier", ())[index]
            named = corpus.get(earlier.value) if earlier.field in type(entity).references else None
            value = display_name(named, corpus) if named else earlier.value
            what = f"{humanize(earlier.field)} of {display_name(entity, corpus)}"
            replaced.append(f"{what} (earlier reported as {value})")
        parts.append("Replaced: " + "; ".join(replaced) + ".")
    for fact_id in added.disputes:
        fact = corpus.of("facts", Fact)[fact_id]
        others = (corpus.get(i) for i in fact.disputes)
        disputed = "; ".join(display_name(o, corpus).rstrip(".") for o in others if o)
        parts.append(f"Dispute: {display_name(fact, corpus).rstrip('.')} disputes {disputed}.")
    return " ".join(parts) or "Nothing new: it confirms what others reported."


def atom_feed(corpus: Corpus, newest_first: list[str], added: dict[str, Added]) -> str:
    """The feed, relative links resolved against the feed's own address (the site's root)."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")

    def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        element.text = text
        return element

    sources = corpus.of("sources", Source)
    sub(feed, "id", feed_id(FEED))
    sub(feed, "title", TITLE)
    newest = [sources[newest_first[0]].published] if newest_first else []
    # Atom requires a date; a corpus without sources has none of its own.
    sub(feed, "updated", rfc3339(newest[0]) if newest else "1970-01-01T00:00:00Z")
    sub(sub(feed, "author"), "name", "The briefing's curators")
    sub(feed, "link", rel="self", href=FEED)
    sub(feed, "link", rel="alternate", type="text/html", href=built_href(NEWS, ""))
    for source_id in newest_first:
        source = sources[source_id]
        entry = sub(feed, "entry")
        sub(entry, "id", feed_id(page_path("sources", source_id)))
        sub(entry, "title", source.name)
        sub(entry, "updated", rfc3339(source.published))
        sub(sub(entry, "author"), "name", source.publisher)
        href = built_href(page_path("sources", source_id), "")
        sub(entry, "link", rel="alternate", type="text/html", href=href)
        sub(entry, "summary", summary(corpus, added[source_id]))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
