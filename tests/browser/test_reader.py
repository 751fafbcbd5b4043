"""The shipped site as a reader meets it in Chromium: search, links, privacy, accessibility,
phone width, and screenshots."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

KEY_PAGES = {
    "home": "index.html",
    "index": "people/index.html",
    "person": "people/stephen-biegun.html",
    "meeting": "meetings/hanoi-summit-2019.html",
    "commitment": "commitments/singapore-denuclearization.html",
    "timeline": "timeline.html",
    "source": "sources/dw-2019-02-09.html",
}


def _all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Biegun", "people/stephen-biegun.html"),
        ("Chairman Kim", "people/kim-jong-un.html"),
        ("Kim Hyok Chol", "people/kim-hyok-chol.html"),
        ("Hanoi", "meetings/hanoi-summit-2019.html"),
        ("denuclearization", "commitments/singapore-denuclearization.html"),
    ],
)
def test_search_finds_the_page_and_opens_it(
    page: Page, site_url: str, query: str, expected: str
) -> None:
    page.goto(f"{site_url}/index.html", wait_until="networkidle")
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    results = page.locator("a.md-search-result__link")
    results.first.wait_for()
    hrefs = [urlsplit(h).path.lstrip("/") for h in results.evaluate_all("l => l.map(a => a.href)")]
    top = list(dict.fromkeys(hrefs))[:5]
    assert expected in top, top
    results.nth(hrefs.index(expected)).click()
    page.wait_for_url(lambda url: urlsplit(url).path.lstrip("/") == expected)


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for key in ("id", "name"):
            if values.get(key):
                self.ids.add(str(values[key]))
        if tag == "a" and values.get("href"):
            self.links.append(str(values["href"]))


def test_every_internal_link_and_anchor_resolves(built: tuple[Path, str]) -> None:
    """Crawl from the home page, following every internal link; each target and anchor exists."""
    site = built[0] / "site"
    parsed: dict[str, _Anchors] = {}
    for name in _all_pages(site):
        anchors = _Anchors()
        anchors.feed((site / name).read_text(encoding="utf-8"))
        parsed[name] = anchors
    seen, queue, broken = {"index.html"}, ["index.html"], []
    while queue:
        name = queue.pop()
        for href in parsed[name].links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("mailto:"):
                continue
            path = unquote(parts.path)
            target = (
                posixpath.normpath(posixpath.join(posixpath.dirname(name), path)) if path else name
            )
            if target.endswith("/") or target == ".":
                target = posixpath.join(target, "index.html").lstrip("./")
            if not (site / target).exists():
                broken.append(f"{name}: {href}")
                continue
            if target.endswith(".html"):
                if parts.fragment and unquote(parts.fragment) not in parsed[target].ids:
                    broken.append(f"{name}: {href} (no such anchor)")
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
    assert broken == []
    # Every page is reachable from the home page.
    assert seen >= {p for p in parsed if p != "404.html"}


def test_no_request_leaves_the_local_server_and_no_console_errors(
    browser: Browser, site_url: str, built: tuple[Path, str]
) -> None:
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on(
        "console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None
    )
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    pages = _all_pages(built[0] / "site")
    for name in pages:
        # Waiting for the network to go idle on every page would take minutes: the key pages get
        # that (their late requests, such as the search index, included), the others their load.
        wait = "networkidle" if name in KEY_PAGES.values() else "load"
        page.goto(f"{site_url}/{name}", wait_until=wait)
    host = urlsplit(site_url).netloc
    elsewhere = sorted(
        {u for u in requests if urlsplit(u).netloc != host and not u.startswith("data:")}
    )
    assert elsewhere == []
    assert errors == []
    assert len(pages) > 40


@pytest.mark.parametrize("kind", list(KEY_PAGES))
def test_no_serious_accessibility_violation(browser: Browser, site_url: str, kind: str) -> None:
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)  # type: ignore[arg-type]
        page = context.new_page()
        page.goto(f"{site_url}/{KEY_PAGES[kind]}", wait_until="networkidle")
        palette = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
        assert palette == ("slate" if scheme == "dark" else "default")
        results = Axe().run(page)
        serious = [
            f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], scheme
        context.close()


def test_phone_width_never_scrolls_sideways(
    browser: Browser, site_url: str, built: tuple[Path, str]
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    wide = []
    for name in _all_pages(built[0] / "site"):
        page.goto(f"{site_url}/{name}", wait_until="load")
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        # An infobox fits its column, so it reads without scrolling inside its wrapper either.
        tables = page.evaluate(
            "() => [...document.querySelectorAll('.md-typeset__table table')]"
            ".filter(t => t.rows[0] && t.rows[0].cells.length === 2)"
            ".map(t => t.scrollWidth - t.parentElement.clientWidth)"
        )
        if overflow > 0 or any(extra > 1 for extra in tables):
            wide.append(f"{name}: page {overflow}px, infoboxes {tables}")
    assert wide == []


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_of_the_key_pages(
    browser: Browser, site_url: str, output: Path, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for kind, name in KEY_PAGES.items():
        page.goto(f"{site_url}/{name}", wait_until="networkidle")
        file = output / f"{kind}-{'desktop' if width > 600 else 'phone'}.png"
        page.screenshot(path=str(file), full_page=True)
        assert file.stat().st_size > 10_000


def test_printed_page_has_no_navigation(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/people/stephen-biegun.html")
    page.emulate_media(media="print")
    hidden = page.evaluate(
        "() => ['.md-header', '.md-sidebar--primary', '.md-footer']"
        ".map(s => getComputedStyle(document.querySelector(s)).display)"
    )
    assert hidden == ["none", "none", "none"]
    assert re.search("Stephen Biegun", page.inner_text("article"))
