"""What is new: each source's additions on its page and on the What's new page, and the Atom feed
of them, linked from every page's head."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from conftest import DOCS, briefing, edit, page_text

ATOM = "{http://www.w3.org/2005/Atom}"
SOURCES = ("dw-2019-02-09", "diplomat-2019-02")
SOURCES_LATER = ("test-later-2019-03-01", *SOURCES)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def atom_essentials(feed: ET.Element, site: Path) -> list[ET.Element]:
    """Checks what RFC 4287 requires of a feed and its entries (ids absolute IRIs, dates RFC 3339,
    an author for every entry, links that resolve in the built site); returns the entries."""
    assert feed.tag == f"{ATOM}feed"

    def one(parent: ET.Element, tag: str) -> str:
        found = parent.findall(f"{ATOM}{tag}")
        assert len(found) == 1, f"{parent.tag} has {len(found)} <{tag}>"
        return found[0].text or ""

    entries = feed.findall(f"{ATOM}entry")
    for element in (feed, *entries):
        assert re.match(r"^[a-z][a-z0-9+.-]*:\S+$", one(element, "id"))
        assert one(element, "title").strip()
        assert RFC3339.match(one(element, "updated"))
        alternates = [
            link for link in element.findall(f"{ATOM}link") if link.get("rel") == "alternate"
        ]
        assert len(alternates) == 1
        assert (site / str(alternates[0].get("href"))).is_file()
    for entry in entries:
        assert (entry.find(f"{ATOM}author/{ATOM}name") is not None) or (
            feed.find(f"{ATOM}author/{ATOM}name") is not None
        )
        assert (entry.findtext(f"{ATOM}summary") or "").strip()
    ids = [one(e, "id") for e in entries]
    assert len(set(ids)) == len(ids)
    return entries


def test_the_feed_is_atom_with_an_entry_per_source_newest_first(later_built: Path) -> None:
    site = later_built / "site"
    feed = ET.parse(site / "feed.xml").getroot()
    entries = atom_essentials(feed, site)
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert links == [f"sources/{s}.html" for s in SOURCES_LATER]
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.findtext(f"{ATOM}updated") == "2019-03-01T00:00:00Z"
    later = entries[0].findtext(f"{ATOM}summary") or ""
    assert later.startswith("New: South Korea's presidential office hoped the talks")


def test_the_feed_is_the_same_file_from_the_same_content(later_built: Path, tmp_path: Path) -> None:
    first = (later_built / DOCS / "feed.xml").read_bytes()
    assert briefing("generate", "--root", later_built).returncode == 0
    assert (later_built / DOCS / "feed.xml").read_bytes() == first


def test_a_hostile_source_name_stays_literal_in_the_feed(project: Path) -> None:
    hostile = '</title><script>alert(1)</script> & <![CDATA[ x ]]> "Q"'
    edit(
        project / "content/sources/dw-2019-02-09.yml",
        "name: Trump and Kim to meet in Hanoi this month",
        f"name: '{hostile}'",
    )
    result = briefing("generate", "--root", project)
    assert result.returncode == 0, result.stderr
    feed = ET.parse(project / DOCS / "feed.xml").getroot()
    titles = [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]
    assert titles[0] == hostile
    assert "<script>" not in (project / DOCS / "feed.xml").read_text(encoding="utf-8")


def test_the_whats_new_page_lists_each_source_with_what_it_added(later_built: Path) -> None:
    # The headings, after the table of contents that lists them too.
    text = page_text((later_built / "site/news.html").read_text(encoding="utf-8"))
    where = [text.rindex(name) for name in ("Seoul hopes the talks go on",
             "Trump and Kim to meet in Hanoi this month",
             "US, North Korean Envoys to Meet Again Before Second Trump-Kim Summit")]  # fmt: skip
    assert where == sorted(where)
    # Kim Hyok Chol is first cited by the Diplomat's article, and so is the one change of
    # status (pledged, then in progress); DW's entries restate statuses: evidence, not news.
    diplomat, dw = text[where[2] :], text[where[1] : where[2]]
    assert "New person: Kim Hyok Chol" in diplomat
    assert "New person: Kim Hyok Chol" not in text[: where[2]]
    change = (
        "Status of Complete denuclearization of the Korean Peninsula: in progress, 1 January 2019"
    )
    assert change in diplomat
    assert "Status of " not in dw
    assert "New fact: South Korea's presidential office hoped" in text[: where[1]]


def test_each_source_page_says_what_it_added(built: tuple[Path, str]) -> None:
    site = built[0] / "site"
    for source in SOURCES:
        text = page_text((site / f"sources/{source}.html").read_text(encoding="utf-8"))
        added = text[text.rindex("What it added") : text.rindex("Article text")]
        assert "New " in added, source
        assert ("Status of " in added) == (source == "diplomat-2019-02"), source
    diplomat = (site / "sources/diplomat-2019-02.html").read_text(encoding="utf-8")
    assert 'href="../people/kim-hyok-chol.html"' in diplomat


def test_every_page_links_the_feed_from_its_head(built: tuple[Path, str]) -> None:
    site = built[0] / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 40
    for page in pages:
        head = page.read_text(encoding="utf-8").split("</head>")[0]
        found = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head)
        assert len(found) == 1, page
        href = re.search(r'href="([^"]+)"', found[0])
        assert href is not None
        if page == site / "404.html":  # served at any depth, so MkDocs links it from the root
            assert href.group(1) == "/feed.xml"
        else:
            assert (page.parent / href.group(1)).resolve() == (site / "feed.xml").resolve(), page
