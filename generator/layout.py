"""The site's layout, said once: which pages exist, where each lives, and where each entity is
shown. Rendering, `briefing impact` and (through the page's methods) the templates ask here."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Corpus, Fact, Statement, Strict, references_in

# Kinds with a page per entity, in the order they are rendered (source pages after all others:
# they list the pages citing them).
PAGE_KINDS = ("people", "meetings", "commitments", "organizations", "places", "sources")
# Kinds with an index page: statements are listed there, though shown on others' pages.
INDEX_KINDS = (*PAGE_KINDS, "statements")
# Statements and facts have no pages of their own: each is shown, under an anchor, on the page of
# whom it names (a statement on its speaker's, a fact on the first entity it is about that has a
# page).
SHOWN_ON = {"statements": "statement", "facts": "fact"}

SOURCES = "sources"
HOME = "index.md"
TIMELINE = "timeline.md"
TAGS_PAGE = "tags.md"
# What each source added, newest first: as a page, and as an Atom feed MkDocs copies as it is.
NEWS = "news.md"
FEED = "feed.xml"
EXPORT = "data/briefing.json"
# Pages that order what they list by date: a changed date can move an entry on them.
DATED_PAGES = (HOME, TIMELINE)

# A page: what it is ("home", "timeline", "tags", "news", "feed", "export", "index", or an
# entity kind) and which (the kind an index lists, or the entity's id).
Task = tuple[str, str]
_FIXED = {
    "home": HOME,
    "timeline": TIMELINE,
    "tags": TAGS_PAGE,
    "news": NEWS,
    "feed": FEED,
    "export": EXPORT,
}


def page_path(kind: str, entity_id: str) -> str:
    """The generated page of an entity, relative to the docs folder."""
    return f"{kind}/{entity_id}.md"


def index_path(kind: str) -> str:
    return f"{kind}/index.md"


def path_of(task: Task) -> str:
    """Where a page lives, relative to the docs folder."""
    kind, name = task
    if kind in _FIXED:
        return _FIXED[kind]
    return index_path(name) if kind == "index" else page_path(kind, name)


def site_pages(corpus: Corpus, order: Callable[[str], list[str]]) -> list[list[Task]]:
    """Every page of the site, in the stages they are rendered in: source pages link back to
    every page citing them, so they come after all the others (and cite nothing themselves);
    each works out its source's coverage, which the sources index, last, shows. `order` gives
    a kind's entities in the order of its index."""
    first: list[Task] = [("timeline", ""), ("export", ""), ("home", ""), ("tags", "")]
    first += [("news", ""), ("feed", "")]
    first += [("index", kind) for kind in INDEX_KINDS if kind != "sources"]
    first += [(kind, i) for kind in PAGE_KINDS if kind != "sources" for i in order(kind)]
    sources: list[Task] = [("sources", i) for i in order("sources")]
    return [first, sources, [("index", "sources")]]


def shown_at(corpus: Corpus, entity_id: str) -> str | None:
    """Where an entity is shown: its own page, or the page and anchor of whom it names; None if
    it has neither (a statement whose speaker is an organization without a page)."""
    kind = corpus.kind_of(entity_id)
    entity = corpus.get(entity_id)
    if kind in PAGE_KINDS:
        return page_path(kind, entity_id)
    if isinstance(entity, Statement):
        host = entity.speaker
    elif isinstance(entity, Fact):
        hosts = [i for i in entity.about if corpus.kind_of(i) in PAGE_KINDS]
        host = hosts[0] if hosts else ""
    else:
        return None
    host_kind = corpus.kind_of(host)
    if kind is None or host_kind not in PAGE_KINDS:
        return None
    return f"{page_path(host_kind, host)}#{SHOWN_ON[kind]}-{entity_id}"


def pages_showing(
    kind: str, entity_id: str, entity: Strict | None, kind_of: Callable[[str], str | None]
) -> set[str]:
    """The pages that show an entity: its own, if its kind has pages, and those of the entities it
    names (a statement shows on its speaker's page, a meeting on its participants' pages)."""
    pages = {page_path(kind, entity_id)} if kind in PAGE_KINDS else set()
    if entity is not None:
        for _where, target, _kinds in references_in(entity):
            target_kind = kind_of(target)
            if target_kind in PAGE_KINDS:
                pages.add(page_path(target_kind, target))
    return pages
