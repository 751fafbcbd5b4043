"""Citation markers and the list they point into: each fact on a page gets numbered markers that
link straight to the highlighted passage on its source page, and each passage remembers the pages
and facts that cite it, so the source page can link back."""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import dataclass, field
from functools import cache

from generator.dates import parse_period
from generator.layout import page_path
from generator.markup import Md, html_attr, html_text, in_quotes
from generator.model import Evidence, Source

# (source id, quote) for a quote; ("", reason) for a curator's inference.
Key = tuple[str, str]


@cache
def passage_anchor(quote: str) -> str:
    """A stable anchor for a cited passage: it depends on the quote only, so adding a quote
    elsewhere does not renumber (and rewrite) every page that cites the same article."""
    return "q-" + hashlib.sha1(" ".join(quote.split()).encode("utf-8")).hexdigest()[:10]


@cache
def relative_path(target: str, from_folder: str) -> str:
    """`target` relative to `from_folder`, both relative to the docs root."""
    return posixpath.relpath(posixpath.join("/", target), posixpath.join("/", from_folder))


@cache
def built_href(target_page: str, from_folder: str) -> str:
    """A relative link in inline HTML, which MkDocs does not rewrite: to the built .html file."""
    relative = relative_path(target_page, from_folder)
    return relative[: -len(".md")] + ".html" if relative.endswith(".md") else relative


# Where one passage is cited, by page (in the order pages were rendered): the passage's number
# on that page, and what it supports there (each label once, in the order the page cites it).
CitedOn = dict[str, tuple[int, dict[str, None]]]


# What one page cites, by source: each (quote, number on the page, what it supports) once, in
# the order the page cites them.
PageCitations = dict[str, dict[tuple[str, int, str], None]]


@dataclass
class Registry:
    """Who cites each passage, filled in page by page as pages are rendered (source pages last,
    as they list it). Kept by source, so recording a page costs one step per source it cites."""

    by_source: dict[str, list[tuple[str, PageCitations]]] = field(default_factory=dict)

    def add_page(self, page: str, cited: PageCitations) -> None:
        for source in cited:
            self.by_source.setdefault(source, []).append((page, cited))

    def passages(self, source: str) -> dict[str, CitedOn]:
        """Each quoted passage of a source, with the pages citing it. (A page numbers a passage
        once, however many of its facts cite it.)"""
        found: dict[str, CitedOn] = {}
        for page, cited in self.by_source.get(source, []):
            for quote, number, label in cited[source]:
                pages = found.get(quote)
                if pages is None:
                    pages = found[quote] = {}
                here = pages.get(page)
                if here is None:
                    pages[page] = (number, {label: None})
                else:
                    here[1][label] = None
        return found


class SourceLinks(dict[str, tuple[str, str, str]]):
    """From pages in one folder, by source: the source page's address, a hover naming the
    source, and its name as the text of a link; each worked out when first asked for. Also, by
    (source, quote), the opening of a marker's link to the passage: a quote is marked on its
    entity's page, the index of its folder, the timeline and the home page, a hundred thousand
    markers at 10,000 entities."""

    def __init__(self, source_labels: SourceLabels, folder: str) -> None:
        super().__init__()
        self.source_labels = source_labels
        self.folder = folder
        self.openings: dict[Key, str] = {}

    def __missing__(self, source: str) -> tuple[str, str, str]:
        href = built_href(page_path("sources", source), self.folder)
        label = self.source_labels.label(source)
        found = self[source] = (href, html_attr(label), html_text(label))
        return found

    def opening(self, key: Key) -> str:
        """`<a href=... title=...>` around a marker's number, linking to the passage."""
        found = self.openings.get(key)
        if found is None:
            href, title, _ = self[key[0]]
            found = self.openings[key] = (
                f'<a href="{href}#{passage_anchor(key[1])}" title="{title}">'
            )
        return found


class SourceLabels:
    """How each source is labelled where it is cited (publisher and date), and the links to its
    page from each folder, worked out once: pages cite many passages of a few sources."""

    def __init__(self, sources: dict[str, Source]) -> None:
        self.sources = sources
        self._labels: dict[str, str] = {}
        self._folders: dict[str, SourceLinks] = {}

    def label(self, source_id: str) -> str:
        """How a source is named where it is cited: its publisher and date."""
        label = self._labels.get(source_id)
        if label is None:
            source = self.sources[source_id]
            label = f"{source.publisher}, {parse_period(source.published).display()}"
            self._labels[source_id] = label
        return label

    def from_folder(self, folder: str) -> SourceLinks:
        links = self._folders.get(folder)
        if links is None:
            links = self._folders[folder] = SourceLinks(self, folder)
        return links


_SINGLE = '<span class="sr-only"> (single source)</span></sup>'
_INFERRED = ' <em class="inferred">inferred</em>'


@dataclass
class Citations:
    """The citations of one page, numbered in the order they first appear."""

    path: str
    source_labels: SourceLabels
    cited: PageCitations = field(default_factory=dict)
    numbers: dict[Key, int] = field(default_factory=dict)
    labels: dict[Key, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.folder = posixpath.dirname(self.path)
        self.source_links = self.source_labels.from_folder(self.folder)

    def number(self, key: Key, label: str) -> int:
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            self.labels[key] = label
        number = self.numbers[key]
        if key[0]:
            self.cited.setdefault(key[0], {})[(key[1], number, label)] = None
        return number

    def markers(self, evidence: Evidence | None, label: str) -> Md:
        """Superscript markers for every quote and the inference supporting one fact. A fact
        resting on one source is marked so, and an inference shows apart from reported fact.
        Each marker links to its passage; the quote itself is one click away (and in the page's
        list): the hover names the source only, which keeps pages (and the search index) from
        repeating every quote."""
        if evidence is None:
            return Md("")
        links = self.source_links
        markers = [
            f"{links.opening(key)}{self.number(key, label)}</a>" for key in evidence.quotes()
        ]
        inference = evidence.inference
        if inference:
            number = self.number(("", inference), label)
            title = html_attr(f"Curator's inference: {inference}")
            markers.append(
                f'<a class="inference" href="#cite-{number}" title="{title}">{number}</a>'
            )
        # Markers stay out of the search index, which would otherwise read "Kim Jong Un12".
        if len(evidence.sources()) == 1:
            sup = f'<sup class="cites single" data-search-exclude>{"".join(markers)}{_SINGLE}'
        else:
            sup = f'<sup class="cites" data-search-exclude>{"".join(markers)}</sup>'
        return Md(f"{_INFERRED}{sup}" if inference else sup)

    def listing(self) -> Md:
        """The numbered list at the foot of the page: each quote in full, with its passage."""
        if not self.numbers:
            return Md("")
        items = []
        labels, links = self.labels, self.source_links
        for key, number in self.numbers.items():
            what = html_text(labels[key])
            if not key[0]:
                items.append(
                    f'<li id="cite-{number}" class="inference"><span class="for">{what}</span> '
                    f"<em>Curator's inference:</em> {html_text(key[1])}</li>"
                )
                continue
            href, _, name = links[key[0]]
            quoted = html_text(in_quotes(key[1]))
            items.append(
                f'<li id="cite-{number}"><span class="for">{what}</span> '
                f'<a href="{href}#{passage_anchor(key[1])}">{name}</a>: {quoted}</li>'
            )
        return Md('<ol class="citations" data-search-exclude>\n' + "\n".join(items) + "\n</ol>")

    def cited_sources(self) -> list[str]:
        return sorted({source for source, _ in self.numbers if source})
