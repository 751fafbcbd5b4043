"""Text from content reaches the reader literally: whatever it holds, Python-Markdown with the
site's extensions renders the escaped text as that same text, never as markup."""

from __future__ import annotations

import importlib.util
from html.parser import HTMLParser
from typing import Any

import markdown
import pytest
import yaml
from conftest import REPO

from generator.markup import md_escape, url_escape

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "{{ 7*7 }}",
    "{% raw %}",
    "a | b | c",
    "`code` and ``more``",
    "# not a heading",
    "## neither",
    "1. not a list",
    "2) nor this",
    "- nor this",
    "+ nor this",
    "* nor this",
    "---",
    "===",
    "> not a quote",
    "*emphasis* _under_ **strong** __bold__",
    "back\\slash \\* and \\\\",
    "&amp; &copy; &#60; &",
    "<https://example.org>",
    "[^1] and [^note]: x",
    "{: #id .class }",
    "![alt](x.png)",
    "line one\nline two\n\n    indented",
    "Kim's “quote” – dash — and [...]",
    "~~~",
    "```python",
    "~~strike~~ and ~sub~",
    "Room #4 ends with #",
    ": a definition",
    "==mark== ^^ins^^",
    "[TOC]",
    "!!! note",
    "??? tip",
    "*[HTML]: Hyper Text",
    "[text][label] and [label]",
    "<someone@example.org>",
    "two spaces end this line  \nthe next",
]


def _extensions() -> list[str]:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    # MkDocs always adds these to the configured ones.
    names = ["toc", "tables", "fenced_code"]
    for entry in config["markdown_extensions"]:
        names.append(next(iter(entry)) if isinstance(entry, dict) else entry)
    return names


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _render(source: str) -> _Text:
    parser = _Text()
    parser.feed(markdown.markdown(source, extensions=_extensions()))
    return parser


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_renders_literally(value: str) -> None:
    rendered = _render(md_escape(value))
    assert "".join(rendered.text) == " ".join(value.split())
    assert set(rendered.tags) <= {"p"}


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_stays_in_its_table_cell(value: str) -> None:
    rendered = _render(f"| Label | Value |\n| --- | --- |\n| **Name** | {md_escape(value)} |\n")
    assert rendered.tags.count("td") == 2
    assert "".join(rendered.text).strip().endswith(" ".join(value.split()))


def _without_unused_markdown() -> Any:
    """The extension of templates/hooks/unused_markdown.py, which MkDocs loads from its path."""
    path = REPO / "templates/hooks/unused_markdown.py"
    spec = importlib.util.spec_from_file_location("unused_markdown", path)
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    return hook._WithoutUnused()


@pytest.mark.parametrize("value", HOSTILE)
def test_escaped_text_renders_the_same_without_the_unused_markdown(value: str) -> None:
    # The site turns off inline Markdown its pages never use (images, reference links,
    # autolinks, hard line breaks): text from content must not be able to make any of it.
    escaped = md_escape(value)
    text = f"{escaped}\n\n| Label | Value |\n| --- | --- |\n| **Name** | {escaped} |\n"
    full = markdown.markdown(text, extensions=_extensions())
    lighter = markdown.markdown(text, extensions=[*_extensions(), _without_unused_markdown()])
    assert lighter == full


def test_url_cannot_close_its_link() -> None:
    url = "https://example.org/a_(b)?q=<x> y"
    rendered = markdown.markdown(f"[site]({url_escape(url)})")
    assert rendered.count("<a ") == 1
    assert 'href="https://example.org/a_%28b%29?q=%3Cx%3E%20y">site</a>' in rendered
