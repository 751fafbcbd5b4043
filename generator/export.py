"""The whole corpus as one JSON file for readers who want the data rather than the pages."""

from __future__ import annotations

import json
from typing import Any

from generator.index import Views
from generator.model import Corpus, Source

FORMAT_VERSION = 1


def corpus_data(corpus: Corpus, views: Views) -> dict[str, Any]:
    """Every entity by kind and id, as written (with its citations), plus the article texts."""
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "as_of": views.as_of.text if views.as_of else None,
    }
    for kind, entities in corpus.entities.items():
        data[kind] = {
            entity_id: entity.model_dump(mode="json", exclude_defaults=True)
            for entity_id, entity in sorted(entities.items())
        }
    for source_id in corpus.of("sources", Source):
        data["sources"][source_id]["text"] = corpus.texts[source_id].raw
    return data


def corpus_json(corpus: Corpus, views: Views) -> str:
    # Compact: with `indent`, json falls back from its C encoder to a pure-Python one, several
    # times slower on a large corpus; readers of the file are programs.
    data = corpus_data(corpus, views)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
