"""A corpus whose every text field is hostile (markup, template syntax, table breakers, text that
ends the element it sits in) builds, never runs a script or adds an element in the browser, and
shows each text literally: in the page, its <title> and header, search results, JSON-LD, and the
files the site offers programs (the data export, tags.json, the sitemap)."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, briefing, copy_project
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

# Each part ends an element a text may sit in (title, script, style, attribute) and adds one
# of its own, before a comment opens; U+2028 ends a line in JavaScript.
PAYLOAD = (
    "</title><script>document.documentElement.setAttribute('data-pwned','t')</script> "
    "</script><script>alert(1)</script> </style><style>body{display:none}</style> "
    '<img src=x onerror=alert(1)> "\' onmouseover=alert(1) x=" <!-- [x](javascript:alert(1)) '
    "{{ 7*7 }} {% raw %} a | b `tick` ~~~ *star* \u2028 --> ]]>"
)
SOURCE = "hostile-2019-02-09"
SITE_NAME = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]


def hostile(label: str) -> str:
    """One field's text: a leading `#`, the label (to find it on the page), the payload."""
    return f"# {label} {PAYLOAD}"


def harmless(label: str) -> str:
    """The same field in the corpus that pages are compared with."""
    return f"# {label} plain words"


def shown(label: str) -> str:
    """A hostile text as a page shows it: literally, on one line."""
    return " ".join(hostile(label).split())


def _corpus(text: Callable[[str], str]) -> dict[str, dict[str, Any]]:
    def cite(quote: str) -> dict[str, Any]:
        return {SOURCE: quote, "inference": text("inference")}

    person, org, place = text("person"), text("org"), text("place")
    meeting, terms, note = text("meeting"), text("terms"), text("note")
    return {
        f"sources/{SOURCE}": {
            "name": text("headline"),
            "also_titled": [text("also")],
            "publisher": text("publisher"),
            "section": text("section"),
            "published": "2019-02-09",
            "url": "https://example.org/a_(b)?q='x'&y=1",
            "boilerplate": [text("boilerplate")],
        },
        "people/hostile-person": {
            "name": person,
            "aliases": [text("alias")],
            "epithets": [text("epithet")],
            "country": "hostile-org",
            "roles": [
                {
                    "title": text("role"),
                    "organization": "hostile-org",
                    "cite": cite(text("role")),
                }
            ],
            "summary": text("summary"),
            "tags": ["hostile"],
            "cite": {
                "name": cite(person),
                "aliases": cite(text("alias")),
                "epithets": cite(text("epithet")),
                "country": cite(org),
                "summary": cite(text("summary")),
            },
        },
        "organizations/hostile-org": {
            "name": org,
            "kind": "government",
            "summary": text("org summary"),
            "cite": {"name": cite(org), "summary": cite(text("org summary"))},
        },
        "places/hostile-place": {
            "name": place,
            "kind": "city",
            "within": "hostile-org",
            "cite": {"name": cite(place), "within": cite(place)},
        },
        "meetings/hostile-meeting": {
            "name": meeting,
            "kind": "summit",
            "date": "2019-02-27/2019-02-28",
            "place": "hostile-place",
            "participants": ["hostile-person"],
            "status_history": [
                {
                    "date": "2019-02-08",
                    "status": "scheduled",
                    "note": text("meeting note"),
                    "cite": cite(text("meeting note")),
                },
                {"date": "2019-02-27/2019-02-28", "status": "held", "cite": cite(meeting)},
            ],
            "purpose": text("purpose"),
            "outcome": text("outcome"),
            "earlier": [
                {
                    "field": "purpose",
                    "value": text("earlier"),
                    "superseded_by": SOURCE,
                    "reason": text("reason"),
                    "cite": cite(text("earlier")),
                }
            ],
            "cite": {
                "name": cite(meeting),
                "date": cite(meeting),
                "place": cite(place),
                "participants": cite(person),
                "purpose": cite(text("purpose")),
                "outcome": cite(text("outcome")),
            },
        },
        "commitments/hostile-commitment": {
            "name": text("commitment"),
            "by": ["hostile-person"],
            "to": ["hostile-org"],
            "made_at": "hostile-meeting",
            "date": "2019-02-01",
            "terms": terms,
            "status_history": [
                {"date": "2019-02-01", "status": "pledged", "note": note, "cite": cite(note)}
            ],
            "cite": {
                "by": cite(person),
                "to": cite(org),
                "made_at": cite(meeting),
                "date": cite(terms),
                "terms": cite(terms),
            },
        },
        "statements/hostile-statement": {
            "speaker": "hostile-person",
            "date": "2019-02-08",
            "medium": "tweet",
            "text": text("statement"),
            "about": ["hostile-meeting"],
            "cite": {
                "speaker": cite(text("statement")),
                "date": cite(text("statement")),
                "medium": cite(text("statement")),
                "text": cite(text("statement")),
            },
        },
        "facts/hostile-fact": {
            "claim": text("fact"),
            "about": ["hostile-person"],
            "date": "2019-02-02",
            "cite": {"claim": cite(text("fact")), "date": cite(text("fact"))},
        },
        "facts/hostile-dispute": {
            "claim": text("dispute"),
            "about": ["hostile-person"],
            "according_to": ["hostile-org"],
            "disputes": ["hostile-fact"],
            "cite": {"claim": cite(text("dispute")), "according_to": cite(org)},
        },
    }


LABELS = [
    "headline", "also", "publisher", "section", "boilerplate", "person", "alias", "epithet",
    "role", "summary", "org", "org summary", "place", "meeting", "purpose", "commitment", "terms",
    "note", "statement", "fact", "inference", "tag", "meeting note", "outcome", "earlier", "reason",
    "dispute",
]  # fmt: skip
# Each entity page, by the entity whose name is its title.
TITLED = {
    f"sources/{SOURCE}": "headline",
    "people/hostile-person": "person",
    "organizations/hostile-org": "org",
    "places/hostile-place": "place",
    "meetings/hostile-meeting": "meeting",
    "commitments/hostile-commitment": "commitment",
}
# The entity pages with JSON-LD (schema.org has no type for a commitment).
LINKED_DATA = [entity for entity in TITLED if not entity.startswith("commitments/")]
HOSTILE = _corpus(hostile)


def _build(root: Path, text: Callable[[str], str]) -> None:
    copy_project(root, ("templates", "mkdocs.yml"))
    for path, data in _corpus(text).items():
        file = root / "content" / f"{path}.yml"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    tags = {"hostile": text("tag")}
    (root / "content/tags.yml").write_text(yaml.safe_dump(tags, allow_unicode=True), "utf-8")
    (root / "seeds").mkdir()
    article = "\n".join(text(label) for label in LABELS) + "\n"
    (root / "seeds" / f"{SOURCE}.txt").write_text(article, encoding="utf-8")
    result = briefing("build", "--root", root)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def hostile_site(
    tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], tuple[str, Any]]
) -> Iterator[tuple[Path, str]]:
    root = tmp_path_factory.mktemp("hostile")
    _build(root, hostile)
    url, server = serve(root / "site")
    yield root, url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def harmless_site(
    tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], tuple[str, Any]]
) -> Iterator[str]:
    root = tmp_path_factory.mktemp("harmless")
    _build(root, harmless)
    url, server = serve(root / "site")
    yield url
    server.shutdown()
    server.server_close()


# What a page is made of: the names of its elements and of their attributes, and how many of
# the elements that could run, style or load something it has.
_SHAPE = """() => {
  const tags = new Set(), attributes = new Set();
  for (const element of document.querySelectorAll("*")) {
    tags.add(element.localName);
    for (const attribute of element.attributes) attributes.add(attribute.name);
  }
  const counted = ["script", "style", "link", "meta", "img", "svg", "iframe", "object", "dialog"];
  return {
    tags: [...tags].sort(),
    attributes: [...attributes].sort(),
    counts: Object.fromEntries(counted.map(t => [t, document.getElementsByTagName(t).length])),
  };
}"""


def _untouched(page: Page, name: str) -> None:
    """Nothing the hostile text tried to do happened, anywhere in the document."""
    assert page.locator("[data-pwned]").count() == 0, name
    assert page.locator("a[href^='javascript:']").count() == 0, name
    assert page.locator("img[src='x'], [onerror], [onmouseover]").count() == 0, name
    assert page.locator("body").is_visible(), name  # no injected style hid it


def test_hostile_text_is_shown_literally_and_never_runs(
    browser: Browser, hostile_site: tuple[Path, str], harmless_site: str
) -> None:
    root, url = hostile_site
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html"))
    shown_labels: set[str] = set()
    for name in pages:
        page.goto(f"{harmless_site}/{name}", wait_until="load")
        expected = page.evaluate(_SHAPE)
        page.goto(f"{url}/{name}", wait_until="load")
        # The whole document, head included, has the elements and attributes of the same page
        # with harmless text, and no more scripts, styles or images.
        assert page.evaluate(_SHAPE) == expected, name
        _untouched(page, name)
        text = " ".join(page.inner_text("article").split())
        for label in LABELS:
            if shown(label) in text:
                shown_labels.add(label)
        body = page.inner_text("body").replace("2019", "")
        assert "49" not in body, name  # {{ 7*7 }} was never evaluated
        entity = name.removesuffix(".html")
        if entity in TITLED:
            title = shown(TITLED[entity])
            assert page.title() == f"{title} - {SITE_NAME}", name
            assert page.locator("h1").inner_text().removesuffix("¶") == title, name
            topic = page.locator(".md-header__topic[data-md-component='header-topic']")
            assert " ".join(topic.inner_text().split()) == title, name
        if entity in LINKED_DATA:
            # JSON-LD gives the name exactly as written, line separator included.
            blocks = page.locator("script[type='application/ld+json']")
            data = json.loads(blocks.text_content() or "")
            assert data.get("name", data.get("headline")) == HOSTILE[entity]["name"], name
    assert dialogs == []
    # Every hostile field reached some page, literally (the boilerplate only on its source page).
    assert shown_labels == set(LABELS)
    context.close()


def test_search_shows_hostile_results_literally(
    browser: Browser, hostile_site: tuple[Path, str]
) -> None:
    _, url = hostile_site
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{url}/index.html", wait_until="networkidle")
    page.click("input.md-search__input")
    page.locator("input.md-search__input").press_sequentially("headline", delay=20)
    results = page.locator("a.md-search-result__link")
    results.first.wait_for()
    _untouched(page, "search results")
    added = page.locator(".md-search-result :is(script, style, img, iframe, object, dialog)")
    assert added.count() == 0
    titles = [" ".join(t.split()) for t in page.locator(".md-search-result h1").all_inner_texts()]
    assert shown("headline") in titles
    # The result opens the page with the search words highlighted, and nothing else added.
    page.locator(".md-search-result h1", has_text="headline").first.click()
    page.wait_for_url("**?h=headline")
    # Material highlights once its search index has loaded again on the new page: wait for it.
    page.locator("mark[data-md-highlight]").first.wait_for()
    _untouched(page, page.url)
    assert page.title() == f"{shown('headline')} - {SITE_NAME}"
    assert dialogs == []
    context.close()


def test_files_for_programs_keep_hostile_text_exact(hostile_site: tuple[Path, str]) -> None:
    site = hostile_site[0] / "site"
    # The data export is JSON that gives back every text exactly as written.
    exported = json.loads((site / "data/briefing.json").read_text(encoding="utf-8"))
    for path, data in HOSTILE.items():
        kind, entity_id = path.split("/")
        for field, value in data.items():
            if isinstance(value, str) or field in ("aliases", "epithets", "also_titled"):
                assert exported[kind][entity_id][field] == value, (path, field)
    article = (hostile_site[0] / "seeds" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    assert exported["sources"][SOURCE]["text"] == article
    # JSON-LD inside a page: nothing in it can end the script element, open a comment, or end
    # a line of JavaScript.
    for entity in LINKED_DATA:
        page = (site / f"{entity}.html").read_text(encoding="utf-8")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
        assert len(blocks) == 1, entity
        assert not set(blocks[0]) & {"<", ">", "&", "\u2028", "\u2029"}, entity
    # tags.json lists each page's title as HTML (as Material shows it) and the tags as written.
    tags = json.loads((site / "tags.json").read_text(encoding="utf-8"))
    titles = {m["item"]["url"].removesuffix(".html"): m["item"]["title"] for m in tags["mappings"]}
    assert titles.keys() >= {"people/hostile-person"}
    for entity, title in titles.items():
        assert "<" not in title, entity
        if entity in TITLED:
            assert html.unescape(title) == shown(TITLED[entity]), entity
    assert {tag for m in tags["mappings"] for tag in m["tags"]} == {"hostile"}
    # The sitemap is well-formed XML that names no content text.
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    ElementTree.fromstring(sitemap)
    assert "hostile" not in sitemap.replace("/hostile-", "/")
