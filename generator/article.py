"""An archived article as HTML: every cited passage highlighted with an anchor and a link back to
the facts that cite it; boilerplate dimmed."""

from __future__ import annotations

import html
import posixpath
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from generator.citations import CitedOn, built_href, passage_anchor
from generator.markup import html_text, in_quotes
from generator.quotes import ArticleText, Span

_PARAGRAPH = re.compile(r"[^\n]+")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Highlight:
    """One quote's spans in this article, and where it is cited."""

    quote: str
    spans: tuple[Span, ...]
    cited_on: CitedOn

    @property
    def anchor(self) -> str:
        return passage_anchor(self.quote)


def _escape(text: str) -> str:
    # Unlike html_text, keeps the spaces at either end: pieces are joined back together.
    return _SPACES.sub(" ", html.escape(text, quote=False))


def article_html(
    page: str,
    text: ArticleText,
    highlights: list[Highlight],
    boilerplate: list[Span],
    titles: dict[str, str],
) -> str:
    """The article's paragraphs as one raw HTML block (no blank lines, so Markdown leaves it
    whole); after each paragraph, the facts citing the passages it holds."""
    starts: dict[int, list[Highlight]] = {}
    for highlight in highlights:
        starts.setdefault(highlight.spans[0].start, []).append(highlight)
    quoted = [s for h in highlights for s in h.spans]
    edges = (edge for span in [*quoted, *boilerplate] for edge in (span.start, span.end))
    cuts = sorted({0, len(text.raw), *edges})
    cited, dimmed = _depths(quoted, cuts), _depths(boilerplate, cuts)
    blocks = []
    folder = posixpath.dirname(page)
    links: dict[str, tuple[str, str]] = {}
    for match in _PARAGRAPH.finditer(text.raw):
        if not match.group().strip():
            continue
        begin, end = match.span()
        after = bisect_right(cuts, begin)
        inside = cuts[after : bisect_left(cuts, end)]
        # A paragraph's first piece is covered as from the last cut before it (its start, when
        # that is a cut); each later piece starts at a cut.
        starts_at = [cuts[after - 1], *inside]
        parts: list[str] = []
        anchored: list[Highlight] = []
        for at, (left, right) in zip(starts_at, pairwise([begin, *inside, end]), strict=True):
            piece = _escape(text.raw[left:right])
            if dimmed[at]:
                piece = f'<span class="boilerplate">{piece}</span>'
            if cited[at]:
                here = starts.get(left, [])
                anchored.extend(here)
                ids = "".join(f'<span id="{h.anchor}"></span>' for h in here)
                piece = f'<mark class="cited">{ids}{piece}</mark>'
            parts.append(piece)
        blocks.append(f"<p>{''.join(parts)}</p>")
        if anchored:
            blocks.append(_cited_by(folder, anchored, titles, links))
    return '<div class="article">\n' + "\n".join(blocks) + "\n</div>"


def _depths(spans: list[Span], cuts: list[int]) -> dict[int, int]:
    """For each cut (every span starts and ends at one), how many spans cover the text from it
    to the next cut."""
    change: dict[int, int] = {}
    for span in spans:
        change[span.start] = change.get(span.start, 0) + 1
        change[span.end] = change.get(span.end, 0) - 1
    depths: dict[int, int] = {}
    running = 0
    for cut in cuts:
        running += change.get(cut, 0)
        depths[cut] = running
    return depths


@cache
def _entity_page(page: str) -> bool:
    """An entity's own page (where the fact lives), not the home page, timeline or an index."""
    return page.count("/") == 1 and not page.endswith("/index.md")


def _entity_pages_first(cited_on: CitedOn) -> list[str]:
    """Where a passage is cited, preferring entity pages over the pages that repeat them."""
    own = [page for page in cited_on if _entity_page(page)]
    return own or list(cited_on)


def _cited_by(
    folder: str,
    highlights: list[Highlight],
    titles: dict[str, str],
    links: dict[str, tuple[str, str]],
) -> str:
    """The facts that cite the passages of one paragraph: one link per citing page (from a
    page in `folder`), to its citation of the passage, naming the facts it supports. `links`
    keeps, for the whole article, each citing page's link around its number."""
    items = []
    for highlight in highlights:
        words = highlight.quote.split()
        # Enough words to tell apart passages that start alike.
        excerpt = (
            " ".join(words)
            if len(words) <= 10
            else f"{' '.join(words[:6])} … {' '.join(words[-3:])}"
        )
        named = []
        for target in _entity_pages_first(highlight.cited_on):
            number, labels = highlight.cited_on[target]
            link = links.get(target)
            if link is None:
                title = html_text(titles.get(target, target))
                link = links[target] = (
                    f'<a href="{built_href(target, folder)}#cite-',
                    f'">{title}</a> (',
                )
            named.append(f"{link[0]}{number}{link[1]}{html_text('; '.join(labels))})")
        quoted = html_text(in_quotes(excerpt))
        items.append(
            f'<li><a class="passage" href="#{highlight.anchor}">{quoted}</a> '
            f"cited by {', '.join(named)}</li>"
        )
    return '<ul class="cited-by" data-search-exclude>' + "".join(items) + "</ul>"
