"""Turns the checked corpus and its views into the site's pages through the Jinja2 templates.

Every value from content is escaped on output (the environment's `finalize`), so a curator's text
can never become Markdown or HTML markup; only values built here as `Md` pass through as is."""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable, Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from jinja2 import (
    BytecodeCache,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateSyntaxError,
)
from jinja2.bccache import Bucket
from jinja2.loaders import split_template_path

from generator.article import Highlight, article_html
from generator.cache import Memo
from generator.citations import (
    Citations,
    PageCitations,
    Registry,
    SourceLabels,
    relative_path,
)
from generator.coverage import (
    SourceCoverage,
    boilerplate_spans,
    source_coverage,
    spans_by_source,
)
from generator.dates import Timing, month_heading, parse_period
from generator.export import corpus_json
from generator.feed import atom_feed
from generator.index import (
    Added,
    Backlink,
    Change,
    TimelineEntry,
    Tracked,
    Views,
    build_views,
    by_status,
    chronological,
    deadlines_by_timing,
    display_name,
    evidence_at,
    grouped,
    humanize,
    latest_status,
    meetings_by_timing,
    newest_first,
    page_tags,
    recent,
    status_since,
    tags_in_use,
    timeline,
    timeline_groups,
    what_sources_added,
)
from generator.jsonld import json_ld_script
from generator.layout import (
    EXPORT,
    HOME,
    PAGE_KINDS,
    SHOWN_ON,
    SOURCES,
    Task,
    path_of,
    shown_at,
    site_pages,
)
from generator.load import slugify
from generator.markup import Md, in_quotes, md_escape, url_escape
from generator.model import (
    SINGULAR,
    Commitment,
    Corpus,
    EarlierValue,
    Evidence,
    Fact,
    Meeting,
    Person,
    Source,
    Statement,
    Strict,
)
from generator.quotes import Span
from generator.snapshot import TEMPLATES, Snapshot, decoded, take_snapshot
from generator.trace import (
    ALL,
    Earlier,
    Key,
    Made,
    PageRecord,
    Reads,
    Values,
    recorded_corpus,
    recorded_views,
)

# Files under templates/assets are copied into the site as they are (stylesheets).
ASSETS = "assets"
# How a reference field reads in "related" lists: "Kim Hyok Chol — country".
FIELD_LABELS = {
    "country": "country",
    "parent": "part of",
    "within": "within",
    "roles.organization": "role",
    "place": "place",
    "participants": "participant",
    "follows": "follows",
    "part_of": "part of",
    "by": "made by",
    "to": "made to",
    "made_at": "made at",
    "speaker": "speaker",
    "about": "about",
    "at": "said at",
}


def when(text: str | None) -> str:
    return parse_period(text).display() if text else "undated"


@dataclass
class EntityLinks:
    """Each entity's name as Markdown and the page (and anchor) that shows it: worked out once
    for the whole site, since every page links to the same entities."""

    corpus: Corpus
    # Each use of an entity's name and place is recorded as such: what was worked out for one
    # page is used by others without reading the entity again.
    reads: Reads = field(default_factory=Reads)
    _found: dict[str, tuple[Md, str | None]] = field(default_factory=dict)
    # By (folder, id): the page showing the entity, the link to use on that very page (to its
    # anchor, if any) and from any other page in the folder.
    _links: dict[tuple[str, str], tuple[str | None, Md | None, Md]] = field(default_factory=dict)

    def of(self, entity_id: str) -> tuple[Md, str | None]:
        self.reads.add(("link", entity_id))
        if entity_id not in self._found:
            with self.reads.paused():
                entity = self.corpus.get(entity_id)
                if entity is None:
                    self._found[entity_id] = (md_escape(entity_id), None)
                else:
                    name = md_escape(display_name(entity, self.corpus))
                    self._found[entity_id] = (name, shown_at(self.corpus, entity_id))
        return self._found[entity_id]

    def link(self, entity_id: str, path: str, folder: str) -> Md:
        """The entity's name, linked to where it is shown, from the page `path` in `folder`."""
        self.reads.add(("link", entity_id))
        found = self._links.get((folder, entity_id))
        if found is None:
            name, target = self.of(entity_id)
            if target is None:
                found = (None, None, name)
            else:
                shown_on, _, anchor = target.partition("#")
                local = Md(f"[{name}](#{anchor})") if anchor else None
                href = relative_path(shown_on, folder) + (f"#{anchor}" if anchor else "")
                found = (shown_on, local, Md(f"[{name}]({href})"))
            self._links[(folder, entity_id)] = found
        page, local, remote = found
        return local if local is not None and page == path else remote


@dataclass
class Page:
    """What one page's template works with: links relative to the page, and its citations."""

    path: str
    corpus: Corpus
    views: Views
    citations: Citations
    entity_links: EntityLinks
    # The sides of the disputes listed so far on this page: each dispute is shown once.
    listed: set[str] = field(default_factory=set)

    def location(self, entity_id: str) -> str | None:
        """The page (and anchor) that shows an entity, if any."""
        return self.entity_links.of(entity_id)[1]

    def shows_here(self, entity_id: str) -> bool:
        """Whether this page is where a statement or fact is shown, under its anchor."""
        return (self.location(entity_id) or "").startswith(f"{self.path}#")

    def link(self, entity_id: str) -> Md:
        """The entity's name, linked to where it is shown."""
        return self.entity_links.link(entity_id, self.path, self.citations.folder)

    def links(self, ids: list[str]) -> Md:
        return Md(", ".join(self.link(i) for i in ids))

    def cite(self, evidence: Evidence | None, label: str) -> Md:
        return self.citations.markers(evidence, label)

    def row(self, label: str, value: object, evidence: Evidence | None = None) -> Md:
        """One infobox row: a label, a value and the citations for it."""
        cited = self.cite(evidence, label)
        return Md(f"| **{md_escape(label)}** | {md_escape(value)}{cited} |")

    def superseded_naming(self, entity_id: str) -> list[tuple[str, EarlierValue]]:
        """The entities whose earlier value, since replaced, named this one, and that value."""
        found = []
        for backlink in self.views.superseded_naming(entity_id):
            entity = self.corpus.entities[backlink.kind][backlink.source_id]
            _, index, _ = backlink.where  # ("earlier", index, "value")
            assert isinstance(index, int)
            found.append((backlink.source_id, getattr(entity, "earlier", [])[index]))
        return found

    def earlier_value(self, entity: Strict, earlier: EarlierValue) -> Md:
        """An earlier value as its field shows a value: a link, a date or text."""
        if earlier.field in type(entity).references:
            return self.link(earlier.value)
        if earlier.field == "date":
            return md_escape(when(earlier.value))
        return md_escape(earlier.value)

    def reported_by(self, evidence: Evidence) -> Md:
        """The sources a citation quotes, by publisher and date: when a value was reported."""
        sources = [s for s in evidence.sources() if isinstance(self.corpus.get(s), Source)]
        named = []
        for source_id in chronological(sources, self.corpus):
            source = self.corpus.of("sources", Source)[source_id]
            named.append(f"{source.publisher}, {when(source.published)}")
        return md_escape("; ".join(named))

    def quote(self, evidence: Evidence | None) -> Md:
        """The first quoted words of a citation, as the sentence that links two entities."""
        quotes = evidence.quotes() if evidence else ()
        return md_escape(in_quotes(quotes[0][1])) if quotes else Md("")

    def anchor(self, kind: str, entity_id: str) -> Md:
        """An anchor on the list item showing a statement or fact (attr_list, on the item's next
        line), so MkDocs checks links to it like any other anchor."""
        return Md(f"\n  {{: #{SHOWN_ON[kind]}-{entity_id} }}")

    def related(self, entity_id: str, *kinds: str) -> list[tuple[Backlink, Evidence | None]]:
        """Entities of `kinds` that name this one, with the citation of the naming field."""
        found = []
        for backlink in self.views.links_to(entity_id, *kinds):
            entity = self.corpus.entities[backlink.kind][backlink.source_id]
            found.append((backlink, evidence_at(entity, backlink.where)))
        return found

    def label(self, backlink: Backlink) -> str:
        return FIELD_LABELS.get(backlink.field, humanize(backlink.field))

    def heading_id(self, word: str) -> Md:
        """An explicit heading anchor (attr_list), so links do not depend on the heading's text."""
        return Md(f"{{#{self.slug(word)}}}")

    def slug(self, word: str) -> Md:
        return Md(slugify(word))

    def status(self, entity: Tracked) -> Change:
        return latest_status(entity)

    def since(self, entity: Tracked) -> Change:
        """The entry the latest status of a commitment or meeting began with."""
        return status_since(entity)

    def history(self, entity: Tracked) -> list[Change]:
        """A status history, newest first."""
        return [entity.status_history[index] for index in newest_first(entity)]

    def dispute(self, entity_id: str) -> tuple[str, ...] | None:
        """Every side of the dispute a fact or statement is part of, to show together where the
        page first lists one of them; () once listed, so as not to show it twice; None for one
        in no dispute."""
        sides = self.views.disputes.get(entity_id)
        if sides is None:
            return None
        if entity_id in self.listed:
            return ()
        self.listed.update(sides)
        return sides

    def disputing(self, entity_id: str, sides: tuple[str, ...]) -> Md:
        """Whose account a side of a dispute disputes, as its line says it: "the account of
        Donald Trump", "the words of …" for a statement, or "the claim above" (or below) for a
        claim attributed to no one. Empty outside a dispute."""
        entity = self.corpus.get(entity_id)
        targets = [t for t in getattr(entity, "disputes", ()) if t in sides]
        return Md(" and ".join(self._whose(t, entity_id, sides) for t in targets))

    def _whose(self, target: str, entity_id: str, sides: tuple[str, ...]) -> str:
        entity = self.corpus.get(target)
        if isinstance(entity, Statement):
            return f"the words of {self._names([entity.speaker])}"
        if isinstance(entity, Fact) and entity.according_to:
            return f"the account of {self._names(entity.according_to)}"
        above = sides.index(target) < sides.index(entity_id)
        return "the claim above" if above else "the claim below"

    def _names(self, ids: list[str]) -> str:
        return " and ".join(self.entity_links.of(i)[0] for i in ids)

    def timing(self, entity: Strict) -> Timing | None:
        """Whether a meeting the sources expect, or an open commitment's deadline, is ahead, due
        or past, as of the newest source."""
        return self.views.timing_of(entity)


class TemplateFailed(Exception):
    """A template that cannot be compiled or rendered, with the template file and line."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(where, message)
        self.where = where
        self.message = message

    def __str__(self) -> str:
        return f"{self.where}: error: {self.message}"


@contextmanager
def located(root: Path) -> Iterator[None]:
    """Errors raised while compiling or running a template name the template's file and line
    (Jinja makes each template line a frame of the traceback)."""
    try:
        yield
    except TemplateSyntaxError as error:
        where = _template_line(root, error.filename or error.name or "?", error.lineno)
        raise TemplateFailed(where, f"template syntax: {error.message}") from error
    except TemplateError as error:  # an undefined name or attribute, a failed filter
        frames = traceback.extract_tb(error.__traceback__)
        lines = [frame for frame in frames if frame.filename.endswith(".j2")]
        if not lines:
            raise
        where = _template_line(root, lines[-1].filename, lines[-1].lineno)
        raise TemplateFailed(where, f"{type(error).__name__}: {error}") from error


def _template_line(root: Path, filename: str, line: int | None) -> str:
    return f"{Path(os.path.relpath(filename, root)).as_posix()}:{line or 1}"


class _Templates(FileSystemLoader):
    """The templates as a snapshot of templates/ holds them, so that pages are made from the
    templates that were hashed (one it lacks, new since, is read from disk: the next run's
    snapshot differs)."""

    def __init__(self, root: Path, snapshot: Snapshot) -> None:
        super().__init__(root / TEMPLATES)
        self.root = root
        self.snapshot = snapshot

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = split_template_path(template)
        data = self.snapshot.files.get("/".join((TEMPLATES, *pieces)))
        if data is None:
            return super().get_source(environment, template)
        return decoded(data), os.path.join(self.root, TEMPLATES, *pieces), lambda: True


class _Compiled(BytecodeCache):
    """Templates as an earlier run compiled them (by Jinja's key for each): compiling them all
    costs as much as rendering a hundred pages. Jinja checks each against its source."""

    def __init__(self, compiled: Memo[str, bytes]) -> None:
        self.compiled = compiled

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.compiled.earlier.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)
            if bucket.code is not None:
                self.compiled.now[bucket.key] = data

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled.now[bucket.key] = bucket.bytecode_to_string()


def make_environment(
    root: Path, templates: Snapshot | None = None, compiled: Memo[str, bytes] | None = None
) -> Environment:
    """The templates' environment: reading the templates from `templates`, a snapshot, if
    given, and keeping them as compiled in `compiled`. trim_blocks drops the newline after
    every block tag; a Markdown line that ends in one (a list item ending in `{% endif %}`)
    keeps it by writing `{% endif +%}`. Escaping is md_escape's, as the environment's
    finalize, not HTML autoescaping."""
    loader = (
        FileSystemLoader(root / TEMPLATES) if templates is None else _Templates(root, templates)
    )
    environment = Environment(
        loader=loader,
        bytecode_cache=_Compiled(compiled) if compiled is not None else None,
        undefined=StrictUndefined,
        finalize=md_escape,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Each run makes its own environment: no template changes during one.
        auto_reload=False,
    )
    environment.filters["when"] = when
    environment.filters["url"] = lambda url: Md(url_escape(str(url)))
    environment.filters["humanize"] = humanize
    environment.globals["month_heading"] = month_heading
    environment.globals["singular"] = SINGULAR
    return environment


@dataclass
class Rendered:
    """A rendered page, with its title and the citations it makes (and a source page, the
    source's coverage, which the sources index shows)."""

    path: str
    text: str
    title: str
    citations: PageCitations
    coverage: SourceCoverage | None = None


class Renderer:
    """Renders every page of the site from one corpus. Pages read the corpus and its views
    through recording copies (trace.py): what an entity's page reads otherwise (what other
    pages cite of a source, what a source added, its coverage) it records itself."""

    def __init__(
        self,
        root: Path,
        corpus: Corpus,
        hashes: Mapping[str, str] | None = None,
        templates: Snapshot | None = None,
        compiled: Memo[str, bytes] | None = None,
    ) -> None:
        self.root = root
        self.reads = Reads()
        views = build_views(corpus)
        # `hashes`: of the files the corpus was read from, by path.
        self.values = Values(corpus, views, hashes or {}, self.own_value)
        self.corpus = recorded_corpus(corpus, self.reads)
        self.views: Views = recorded_views(views, self.reads)
        # Templates and assets as a snapshot of templates/ holds them (taken now if not given).
        self.templates = templates if templates is not None else take_snapshot(root, (TEMPLATES,))
        # Whether the assets copied are exactly those of the snapshot.
        self.assets_as_snapshot = True
        self.compiled = compiled if compiled is not None else Memo()
        self.environment = make_environment(root, self.templates, self.compiled)
        # A global rather than a page's variable: the shared macros, imported once for the
        # whole run, see it too.
        self.environment.globals["corpus"] = self.corpus
        # The citations of every page recorded so far.
        self.cited = Registry()
        self.entity_links = EntityLinks(self.corpus, self.reads)
        self.titles: dict[str, str] = {}
        self.sources = self.corpus.of("sources", Source)
        self.source_labels = SourceLabels(self.sources)
        self._coverage: dict[str, SourceCoverage] = {}
        self._boilerplate: dict[str, list[Span]] = {}
        # The whole corpus, unrecorded: what the site's own pages and the sources' read.
        self._whole = corpus

    # Worked out when first needed: a preview's first page is an entity's, which needs none.
    @cached_property
    def timeline(self) -> list[TimelineEntry]:
        return timeline(self._whole)

    @cached_property
    def _spans(self) -> dict[str, list[Span]]:
        return spans_by_source(self._whole)

    @cached_property
    def added(self) -> dict[str, Added]:
        return what_sources_added(self._whole)

    def render(self, template: str, path: str, title: str, **context: Any) -> Rendered:
        citations = Citations(path, self.source_labels)
        page = Page(path, self.corpus, self.views, citations, self.entity_links)
        with located(self.root):
            body = self.environment.get_template(template).render(
                page=page, views=self.views, **context
            )
        parts = [body.rstrip()]
        # By publication date, as the sources index lists them.
        cited = chronological(citations.cited_sources(), self.corpus)
        # Source pages are the sources; the home page lists them all.
        if cited and not path.startswith(f"{SOURCES}/") and path != HOME:
            parts.append("## Sources\n\n" + "\n".join(f"- {page.link(s)}" for s in cited))
        if citations.numbers:
            parts.append(
                "## Citations\n\n"
                "Each number links to the quoted words, highlighted in the archived article. "
                "Numbers in a dashed box rest on a single source; *inferred* marks a curator's "
                "inference, given in full below.\n\n" + citations.listing()
            )
        return Rendered(path, "\n\n".join(parts) + "\n", title, citations.cited)

    def sorted_by_name(self, kind: str) -> list[str]:
        entities = self.corpus.entities[kind]
        return sorted(entities, key=lambda i: (display_name(entities[i], self.corpus).lower(), i))

    def stages(self) -> list[list[Task]]:
        return site_pages(self.corpus, self.index_order)

    def render_task(self, task: Task) -> Rendered:
        """One page, with the title it is listed under and the citations it makes."""
        kind, name = task
        path = path_of(task)
        if kind == "home":
            return self.home()
        if kind == "timeline":
            groups = timeline_groups(self.timeline)
            return self.render("timeline.md.j2", path, "Timeline", groups=groups)
        if kind == "tags":
            tags = {humanize(tag): text for tag, text in tags_in_use(self.corpus).items()}
            return self.render("tags.md.j2", path, "Tags", tags=tags)
        if kind == "index":
            context = self.index_context(name)
            return self.render(f"{name}-index.md.j2", path, name.capitalize(), **context)
        if kind == "export":
            return Rendered(path, corpus_json(self.corpus, self.views), "", {})
        if kind in ("news", "feed"):
            newest = chronological(list(self.sources), self.corpus)[::-1]
            if kind == "feed":
                return Rendered(path, atom_feed(self.corpus, newest, self.added), "", {})
            return self.render("news.md.j2", path, "What's new", ids=newest, added=self.added)
        entity = self.corpus.entities[kind][name]
        page = self.render(
            f"{SINGULAR[kind]}.md.j2",
            path,
            display_name(entity, self.corpus),
            id=name,
            entity=entity,
            tags=self.tags_of(name, entity),
            json_ld=Md(json_ld_script(name, entity, self.corpus)),
            **self.entity_context(kind, name, path),
        )
        if kind == "sources":
            page.coverage = self.coverage(name)
        return page

    def record(self, page: Rendered) -> None:
        """Remember a rendered page's title and citations (source pages list both), and a
        source's coverage (for the sources index)."""
        if page.title:
            self.titles[page.path] = page.title
        self.cited.add_page(page.path, page.citations)
        if page.coverage is not None:
            self._coverage[page.coverage.source] = page.coverage

    def render_recorded(self, task: Task) -> tuple[Rendered, tuple[Key, ...]]:
        """A page, and what it read: an entity's page what it records, the site's own pages
        everything."""
        if task[0] not in PAGE_KINDS:
            return self.render_task(task), (ALL,)
        with self.reads.page() as keys:
            page = self.render_task(task)
        return page, tuple(sorted(keys))

    def keep(self, path: str, record: PageRecord) -> None:
        """Remember a page kept as an earlier run made it, as `record` does a rendered one."""
        if record.title:
            self.titles[path] = record.title
        self.cited.add_page(path, record.citations)

    def own_value(self, key: Key) -> object:
        """What the keys only the renderer records read now: who cites a source's passages
        (and the titles of their pages), what the source added, and its coverage. Asked for
        only once the pages citing sources are all rendered or kept."""
        what, source = key
        if what == "cited-by":
            passages = self.cited.passages(source)
            pages = {page for cited_on in passages.values() for page in cited_on}
            return passages, {page: self.titles.get(page) for page in sorted(pages)}
        if what == "added":
            return self.added.get(source)
        if what == "coverage":
            return self.coverage(source)
        raise ValueError(f"no such key: {key!r}")

    def assets(self) -> dict[str, str | bytes]:
        folder = self.root / TEMPLATES / ASSETS
        found: dict[str, str | bytes] = {}
        for file in sorted(folder.rglob("*")):
            relative = file.relative_to(self.root).as_posix()
            if file.is_symlink():
                # As under content/ and seeds/: a link could publish any file the build can read.
                message = "a symbolic link: assets must be files inside the project"
                raise TemplateFailed(relative, message)
            if file.is_file():
                data = self.templates.files.get(relative)
                found[f"{ASSETS}/{file.relative_to(folder).as_posix()}"] = (
                    data if data is not None else file.read_bytes()
                )
        # Listed now: one deleted or created since the snapshot was taken is missed or read from
        # disk, which the snapshot does not say.
        inside = {
            path for path in self.templates.files if path.startswith(f"{TEMPLATES}/{ASSETS}/")
        }
        self.assets_as_snapshot = inside == {f"{TEMPLATES}/{path}" for path in found}
        return found

    def index_order(self, kind: str) -> list[str]:
        if kind in ("meetings", "sources", "statements"):
            return chronological(list(self.corpus.entities[kind]), self.corpus)
        return self.sorted_by_name(kind)

    def tags_of(self, entity_id: str, entity: Strict) -> list[str]:
        """The tags the entity's page shows, as names."""
        return sorted(humanize(t) for t in page_tags(self.corpus, self.views, entity_id, entity))

    def index_context(self, kind: str) -> dict[str, Any]:
        ids = self.index_order(kind)
        context: dict[str, Any] = {"ids": ids}
        if kind == "commitments":
            context["by_status"] = by_status(self.corpus)
        elif kind in ("people", "organizations", "places"):
            context["groups"] = grouped(self.corpus, kind, ids)
        elif kind == "sources":
            context["coverage"] = {i: self.coverage(i) for i in ids}
        return context

    def entity_context(self, kind: str, entity_id: str, path: str) -> dict[str, Any]:
        corpus, views = self.corpus, self.views
        entity = corpus.entities[kind][entity_id]
        context: dict[str, Any] = {
            "meetings": chronological(views.naming(entity_id, "meetings"), corpus),
            "made": chronological(views.naming(entity_id, "commitments", "by"), corpus),
            "received": chronological(views.naming(entity_id, "commitments", "to"), corpus),
            "commitments_at": chronological(
                views.naming(entity_id, "commitments", "made_at"), corpus
            ),
            "said": chronological(views.naming(entity_id, "statements", "speaker"), corpus),
            "said_about": chronological(
                views.naming(entity_id, "statements", "about", "at"), corpus
            ),
            "facts": chronological(views.naming(entity_id, "facts"), corpus),
        }
        if isinstance(entity, Meeting):
            context["parts"] = chronological(views.naming(entity_id, "meetings", "part_of"), corpus)
            context["followed_by"] = chronological(
                views.naming(entity_id, "meetings", "follows"), corpus
            )
        if isinstance(entity, (Commitment, Meeting)):
            context["history"] = newest_first(entity)
        if isinstance(entity, Person):
            context["roles"] = entity.roles
        if isinstance(entity, Source):
            context["article"] = self.article(entity_id, path)
            context["coverage"] = self.coverage(entity_id)
            self.reads.add(("added", entity_id))
            context["added"] = self.added[entity_id]
        return context

    def coverage(self, source_id: str) -> SourceCoverage:
        """Computed once per source, for its page, which passes it on to the sources index."""
        self.reads.add(("coverage", source_id))
        if source_id not in self._coverage:
            with self.reads.paused():
                quoted = self._spans.get(source_id, [])
                excluded = self.boilerplate(source_id)
                found = source_coverage(self.corpus, source_id, quoted, excluded)
            self._coverage[source_id] = found
        return self._coverage[source_id]

    def boilerplate(self, source_id: str) -> list[Span]:
        """Found once per source: its page dims it, and its coverage leaves it out."""
        self.reads.add(("text", source_id))
        self.reads.add(("entity", source_id))
        if source_id not in self._boilerplate:
            text, source = self.corpus.texts[source_id], self.sources[source_id]
            self._boilerplate[source_id] = boilerplate_spans(text, source)
        return self._boilerplate[source_id]

    def article(self, source_id: str, path: str) -> Md:
        # The pages citing the source's passages, their titles and numbers for them.
        self.reads.add(("cited-by", source_id))
        text = self.corpus.texts[source_id]
        highlights = [
            Highlight(quote, self.corpus.spans[(source_id, quote)], cited_on)
            for quote, cited_on in self.cited.passages(source_id).items()
        ]
        highlights.sort(key=lambda h: (h.spans[0].start, h.quote))
        return Md(article_html(path, text, highlights, self.boilerplate(source_id), self.titles))

    def home(self) -> Rendered:
        corpus = self.corpus
        return self.render(
            "home.md.j2",
            HOME,
            "Briefing",
            as_of=self.views.as_of,
            next_meetings=meetings_by_timing(corpus, self.views, "ahead", "due"),
            no_report=meetings_by_timing(corpus, self.views, "past"),
            next_deadlines=deadlines_by_timing(corpus, self.views, "ahead", "due"),
            past_deadlines=deadlines_by_timing(corpus, self.views, "past"),
            recent=recent(self.timeline, corpus, self.views)[:6],
            story=chronological(
                [i for i, m in corpus.of("meetings", Meeting).items() if m.summary or m.outcome],
                corpus,
            ),
            people=self.sorted_by_name("people"),
            counts={status: len(ids) for status, ids in by_status(corpus).items()},
            sources=chronological(list(self.sources), corpus),
            export=Md(EXPORT),
        )


def render_site(root: Path, corpus: Corpus) -> Iterator[tuple[str, str | bytes]]:
    """Every file of the generated site, as (path, text): the pages, then the assets. Each page
    is given as soon as it is rendered, so it can be written and let go: a large corpus's pages
    together take more memory than the rest of the run."""
    for path, text in render_changed(root, corpus, Earlier(), Made()):
        if text is not None:  # always: nothing earlier is kept
            yield path, text


def render_changed(
    root: Path,
    corpus: Corpus,
    earlier: Earlier,
    made: Made,
    hashes: Mapping[str, str] | None = None,
    templates: Snapshot | None = None,
    first: Collection[str] = (),
    then: Callable[[], object] | None = None,
) -> Iterator[tuple[str, str | bytes | None]]:
    """As render_site, but a page that an earlier run made, whose file is as written and for
    which nothing it read has changed, is given as (path, None): to be kept as it is. `hashes`
    are those of the files the corpus was read from (by path), `templates` a snapshot of
    templates/. The pages at the paths in `first` come first in their stage (a preview's open
    pages), and `then` is called once they are taken (written, by write_tree), before the
    others are made: once in each stage that holds any. Records in `made` what each page read."""
    renderer = Renderer(root, corpus, hashes, templates, Memo(earlier.compiled))

    def made_or_kept(task: Task) -> tuple[str, str | None, Callable[[], None]]:
        """A page rendered (its text) or kept (None), and how to note it for later stages."""
        path = path_of(task)
        record = earlier.pages.get(path)
        if record is not None and renderer.values.unchanged(path, record, earlier):
            made.pages[path] = record
            return path, None, lambda: renderer.keep(path, record)
        page, keys = renderer.render_recorded(task)
        made.pages[path] = PageRecord(keys, page.title, page.citations)
        return path, page.text, lambda: renderer.record(page)

    for stage in renderer.stages():
        # The pages asked for first are made first, but noted in the stage's order, as the
        # others: a source's page lists the pages citing it in that order.
        early: dict[str, Callable[[], None]] = {}
        for task in stage:
            if path_of(task) in first:
                path, text, note = made_or_kept(task)
                early[path] = note
                yield path, text
        if early and then is not None:
            then()
        for task in stage:
            path = path_of(task)
            if path in early:
                early[path]()
                continue
            path, text, note = made_or_kept(task)
            note()
            yield path, text
    yield from renderer.assets().items()
    # Each key once, shared by the pages that read it: the cache is a fraction of the size.
    shared: dict[Key, Key] = {}
    for made_page in made.pages.values():
        made_page.keys = tuple(shared.setdefault(key, key) for key in made_page.keys)
    made.values = {key: renderer.values(key) for key in shared}
    made.assets_as_snapshot = renderer.assets_as_snapshot
    # Templates not used this time are kept too (Jinja checks each against its source).
    made.compiled = {**earlier.compiled, **renderer.compiled.now}
