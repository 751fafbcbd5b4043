"""Turns the checked corpus and its views into Markdown pages through the Jinja2 templates.

Every value from content is escaped on output (the environment's `finalize`), so a curator's text
can never become Markdown or HTML markup; only values built here as `Md` pass through as is."""

from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator.dates import parse_period
from generator.index import Views, build_views, chronological, upcoming
from generator.model import (
    KINDS,
    Corpus,
    Evidence,
    Meeting,
    Organization,
    Person,
    Place,
    Source,
    Statement,
    Strict,
)

TEMPLATES = "templates"
# Files under templates/assets are copied into the site as they are (stylesheets).
ASSETS = "assets"
# Kinds that have a page per entity (and an index page); others are shown on those pages.
PAGE_KINDS = ("people", "meetings", "organizations", "places", "sources")
TEMPLATE_OF = {
    "people": "person.md.j2",
    "meetings": "meeting.md.j2",
    "organizations": "organization.md.j2",
    "places": "place.md.j2",
    "sources": "source.md.j2",
}


class Md(str):
    """Markdown built by the generator itself: safe to emit without escaping."""


_ALWAYS = re.compile(r"([\\`*_{}\[\]()|#])")
# These only start markup at the beginning of a line: lists, rules, admonitions.
_LEADING = re.compile(r"^([+\-!])|^(\d+)([.)])")


def md_escape(value: object) -> Md:
    """Text shown literally by Python-Markdown, on one line, whatever characters it holds."""
    if isinstance(value, Md):
        return value
    text = " ".join(str(value).split())
    text = html.escape(text, quote=False)
    text = _ALWAYS.sub(r"\\\1", text)
    # `~` has no backslash escape, yet `~~~` opens a fenced code block: use its entity.
    text = text.replace("~", "&#126;")
    return Md(_LEADING.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", text))


def url_escape(url: str) -> str:
    """An external address safe inside a Markdown link's parentheses."""
    return quote(url, safe=":/?#@!$&'*+,;=%-._~[]")


def page_path(kind: str, entity_id: str) -> str:
    return f"{kind}/{entity_id}.md"


def display_name(entity: Strict, corpus: Corpus) -> str:
    """How an entity is named in running text."""
    if isinstance(entity, Statement):
        speaker = corpus.get(entity.speaker)
        who = display_name(speaker, corpus) if speaker else entity.speaker
        when = f", {parse_period(entity.date).display()}" if entity.date else ""
        return f"{who}, {entity.medium}{when}"
    name = getattr(entity, "name", None) or getattr(entity, "claim", "")
    return str(name)


@dataclass
class Page:
    """The helpers one page's template uses: links relative to the page, and its footnotes."""

    path: str
    corpus: Corpus
    notes: dict[tuple[str, str], int] = field(default_factory=dict)

    def href(self, target: str) -> str:
        return posixpath.relpath(target, posixpath.dirname(self.path) or ".")

    def link(self, entity_id: str) -> Md:
        """The entity's name, linked to its page when it has one."""
        kind = self.corpus.kind_of(entity_id)
        entity = self.corpus.get(entity_id)
        if kind is None or entity is None:
            return md_escape(entity_id)
        name = md_escape(display_name(entity, self.corpus))
        if kind not in PAGE_KINDS:
            return name
        return Md(f"[{name}]({self.href(page_path(kind, entity_id))})")

    def row(self, label: str, value: object, evidence: Evidence | None = None) -> Md:
        """One infobox row: a label, a value and the citations for it."""
        return Md(f"| **{md_escape(label)}** | {md_escape(value)}{self.cite(evidence)} |")

    def links(self, ids: list[str]) -> Md:
        return Md(", ".join(self.link(i) for i in ids))

    def cite(self, evidence: Evidence | None) -> Md:
        """Footnote markers for every quote (and the inference) supporting a fact."""
        if evidence is None:
            return Md("")
        keys = [(source, quote) for source, quote in evidence.quotes()]
        if evidence.inference:
            keys.append(("", evidence.inference))
        markers = [f"[^{self.notes.setdefault(key, len(self.notes) + 1)}]" for key in keys]
        inferred = " *(curator's inference)*" if evidence.inference else ""
        return Md(inferred + "".join(markers))

    def footnotes(self) -> Md:
        lines = []
        for (source, words), number in self.notes.items():
            if not source:
                lines.append(f"[^{number}]: *Curator's inference:* {md_escape(words)}")
                continue
            label = md_escape(self.source_label(source))
            target = self.href(page_path("sources", source))
            lines.append(f"[^{number}]: [{label}]({target}): “{md_escape(words)}”")
        return Md("\n".join(lines))

    def source_label(self, source_id: str) -> str:
        source = self.corpus.of("sources", Source)[source_id]
        return f"{source.publisher}, {parse_period(source.published).display()}"


def when(text: str | None) -> str:
    return parse_period(text).display() if text else "undated"


def make_environment(root: Path) -> Environment:
    environment = Environment(
        loader=FileSystemLoader(root / TEMPLATES),
        undefined=StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["when"] = when
    environment.filters["url"] = lambda url: Md(url_escape(str(url)))
    return environment


class Renderer:
    """Renders every page of the site from one corpus."""

    def __init__(self, root: Path, corpus: Corpus) -> None:
        self.root = root
        self.corpus = corpus
        self.views: Views = build_views(corpus)
        self.environment = make_environment(root)

    def render(self, template: str, path: str, **context: Any) -> str:
        page = Page(path, self.corpus)
        body = self.environment.get_template(template).render(page=page, **context)
        notes = page.footnotes()
        text = f"{body.rstrip()}\n\n{notes}\n" if notes else f"{body.rstrip()}\n"
        return text

    def sorted_by_name(self, kind: str) -> list[str]:
        entities = self.corpus.entities[kind]
        return sorted(entities, key=lambda i: (display_name(entities[i], self.corpus).lower(), i))

    def pages(self) -> dict[str, str]:
        """Every generated page, by its path under the docs folder."""
        pages = {"index.md": self.home(), **self.assets()}
        for kind in PAGE_KINDS:
            ids = self.index_order(kind)
            pages[f"{kind}/index.md"] = self.render(
                f"{kind}-index.md.j2", f"{kind}/index.md", ids=ids, corpus=self.corpus
            )
            for entity_id in ids:
                path = page_path(kind, entity_id)
                pages[path] = self.render(
                    TEMPLATE_OF[kind], path, id=entity_id, **self.entity_context(kind, entity_id)
                )
        return pages

    def assets(self) -> dict[str, bytes]:
        folder = self.root / TEMPLATES / ASSETS
        return {
            f"{ASSETS}/{file.relative_to(folder).as_posix()}": file.read_bytes()
            for file in sorted(folder.rglob("*"))
            if file.is_file()
        }

    def index_order(self, kind: str) -> list[str]:
        if kind in ("meetings", "sources"):
            return chronological(list(self.corpus.entities[kind]), self.corpus)
        return self.sorted_by_name(kind)

    def entity_context(self, kind: str, entity_id: str) -> dict[str, Any]:
        corpus, views = self.corpus, self.views
        entity = corpus.entities[kind][entity_id]
        context: dict[str, Any] = {"entity": entity, "corpus": corpus}
        if isinstance(entity, Person):
            context["meetings"] = chronological(views.naming(entity_id, "meetings"), corpus)
        elif isinstance(entity, Meeting):
            context["followed_by"] = chronological(
                views.naming(entity_id, "meetings", "follows"), corpus
            )
            context["parts"] = chronological(views.naming(entity_id, "meetings", "part_of"), corpus)
        elif isinstance(entity, Organization | Place):
            context["people"] = sorted(views.naming(entity_id, "people"))
            context["meetings"] = chronological(views.naming(entity_id, "meetings"), corpus)
            context["members"] = sorted(
                set(views.naming(entity_id, "organizations"))
                | set(views.naming(entity_id, "places"))
            )
        elif isinstance(entity, Source):
            context["paragraphs"] = [
                line for line in corpus.texts[entity_id].raw.splitlines() if line.strip()
            ]
        return context

    def home(self) -> str:
        corpus = self.corpus
        return self.render(
            "home.md.j2",
            "index.md",
            corpus=corpus,
            as_of=self.views.as_of,
            upcoming=upcoming(corpus, self.views),
            meetings=chronological(list(corpus.of("meetings", Meeting)), corpus),
            people=self.sorted_by_name("people"),
            sources=chronological(list(corpus.of("sources", Source)), corpus),
            counts={kind: len(corpus.entities[kind]) for kind in KINDS},
        )


def render_site(root: Path, corpus: Corpus) -> dict[str, str]:
    return Renderer(root, corpus).pages()
