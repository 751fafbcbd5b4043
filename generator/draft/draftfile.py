"""One drafted file: a new entity's, or the fields to add to a file of content/; its text in
the layout of content files, with a `# review:` comment on each guessed line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.draft.yamltext import dump
from generator.model import SINGULAR, Where


@dataclass
class DraftFile:
    """One drafted file: a new entity (`adds_to` None), or additions to a content file."""

    kind: str
    id: str
    data: dict[str, Any]
    reviews: dict[Where, str] = field(default_factory=dict)
    adds_to: str | None = None
    header: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        folder = f"additions/{self.kind}" if self.adds_to else self.kind
        return f"{folder}/{self.id}.yml"

    def text(self) -> str:
        schema = f"yaml-language-server: $schema=../../../schema/{SINGULAR[self.kind]}.schema.json"
        if self.adds_to:
            schema = (
                f"Additions to {self.adds_to}: copy each field below into it; not a whole file."
            )
        return dump(self.data, self.reviews, [schema, *self.header])
