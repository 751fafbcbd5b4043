"""A MkDocs hook: Python-Markdown stops looking for the inline syntax the pages never use.

Python-Markdown tries each of its inline patterns on every piece of text of a page, each table
cell and list item, and a large page has thousands. The generated pages use links, emphasis,
escapes, code, entities and inline HTML, but never images, reference links, autolinks or hard
line breaks; text from content cannot make them either, as the generator escapes the characters
they begin with. Without those patterns the site comes out the same, and Markdown takes about a
tenth less time."""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension

UNUSED = (
    "reference",  # [text][label]
    "short_reference",  # [label]
    "image_link",  # ![alt](src)
    "image_reference",  # ![alt][label]
    "short_image_ref",  # ![label]
    "autolink",  # <https://example.org>
    "automail",  # <someone@example.org>
    "linebreak",  # two spaces at the end of a line
)


class _WithoutUnused(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        for name in UNUSED:
            md.inlinePatterns.deregister(name)


def on_config(config: Any, **kwargs: Any) -> Any:
    config.markdown_extensions.append(_WithoutUnused())
    return config
