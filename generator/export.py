"""The whole corpus as one JSON file for readers who want the data rather than the pages."""

from __future__ import annotations

import json

from generator.index import Views
from generator.model import Corpus, Source

FORMAT_VERSION = 1


# One encoder for the whole file: json.dumps makes a new one per call when given options.
_text = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def corpus_json(corpus: Corpus, views: Views) -> str:
    """`format`, `as_of`, `tags` (every declared tag, with what it covers), then each kind's
    entities by id (fields in the model's order, as pydantic's compiled serializer writes them:
    several times faster than building the same dicts for json), a source's article text as its
    last field. Compact: readers are programs."""
    as_of = views.as_of.text if views.as_of else None
    tags = _text(dict(sorted(corpus.tags.items())))
    parts = [f'{{"format":{FORMAT_VERSION},"as_of":{_text(as_of)},"tags":{tags}']
    for kind, entities in corpus.entities.items():
        items = []
        for entity_id, entity in sorted(entities.items()):
            written = entity.model_dump_json(exclude_defaults=True)
            if isinstance(entity, Source):
                # Every entity is a JSON object with at least one field: the text goes last.
                written = f'{written[:-1]},"text":{_text(corpus.texts[entity_id].raw)}}}'
            items.append(f"{_text(entity_id)}:{written}")
        parts.append(f"{_text(kind)}:{{{','.join(items)}}}")
    return ",".join(parts) + "}\n"
