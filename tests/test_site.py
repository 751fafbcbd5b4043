"""What a reader gets from the built site: every citation marker leads to a highlighted passage and
every highlighted passage leads back to a fact; JSON-LD, the JSON export, the timeline, the tracker
and search by alias."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import page_text

from generator.check import check
from generator.citations import passage_anchor
from generator.load import load_corpus


class _Page(HTMLParser):
    """Ids on the page, the ids inside highlighted passages, citation links and back links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.highlighted: set[str] = set()
        self.markers: list[str] = []
        self.back_links: dict[str, list[str]] = {}
        self.json_ld: list[str] = []
        self._open: list[tuple[str, dict[str, str]]] = []
        self._script = False
        self._passage: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
            if any(t == "mark" and "cited" in a.get("class", "") for t, a in self._open):
                self.highlighted.add(values["id"])
        in_cites = any(t == "sup" and "cites" in a.get("class", "") for t, a in self._open)
        if tag == "a" and in_cites:
            self.markers.append(values["href"])
        in_cited_by = any(t == "ul" and "cited-by" in a.get("class", "") for t, a in self._open)
        if tag == "a" and in_cited_by:
            if "passage" in values.get("class", ""):
                self._passage = values["href"].lstrip("#")
                self.back_links[self._passage] = []
            elif self._passage:
                self.back_links[self._passage].append(values["href"])
        if tag == "script" and values.get("type") == "application/ld+json":
            self._script = True
        if tag not in ("br", "img", "input", "meta", "link", "hr"):
            self._open.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index][0] == tag:
                del self._open[index:]
                break
        if tag == "script":
            self._script = False
        if tag == "li":
            self._passage = None

    def handle_data(self, data: str) -> None:
        if self._script:
            self.json_ld.append(data)


def _pages(site: Path) -> dict[str, _Page]:
    parsed = {}
    for file in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(file.read_text(encoding="utf-8"))
        parsed[file.relative_to(site).as_posix()] = page
    return parsed


@pytest.fixture(scope="module")
def pages(built: tuple[Path, str]) -> dict[str, _Page]:
    return _pages(built[0] / "site")


def _resolve(page: str, href: str) -> tuple[str, str]:
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    return target, anchor


def test_every_citation_marker_leads_to_a_highlighted_passage(pages: dict[str, _Page]) -> None:
    checked = 0
    for name, page in pages.items():
        for href in page.markers:
            target, anchor = _resolve(name, href)
            assert anchor, (name, href)
            if target == name and anchor.startswith("cite-"):
                assert anchor in page.ids, (name, href)  # an inference, explained on the page
            else:
                assert target.startswith("sources/"), (name, href)
                assert anchor in pages[target].highlighted, (name, href)
            checked += 1
    assert checked > 500


def test_every_highlighted_passage_links_back_to_a_fact(pages: dict[str, _Page]) -> None:
    for name in ("sources/dw-2019-02-09.html", "sources/diplomat-2019-02.html"):
        page = pages[name]
        assert page.highlighted
        assert set(page.back_links) == page.highlighted
        for anchor, links in page.back_links.items():
            assert links, anchor
            for href in links:
                target, cite = _resolve(name, href)
                assert cite.startswith("cite-") and cite in pages[target].ids, (anchor, href)


def test_every_checked_quote_is_shown_and_highlighted(
    built: tuple[Path, str], pages: dict[str, _Page]
) -> None:
    corpus, problems = check(load_corpus(built[0]))
    assert problems == []
    highlighted = (
        pages["sources/dw-2019-02-09.html"].highlighted
        | pages["sources/diplomat-2019-02.html"].highlighted
    )
    missing = [quote for _, quote in corpus.spans if passage_anchor(quote) not in highlighted]
    assert missing == []


def test_two_sources_one_source_and_inference_are_marked_apart(built: tuple[Path, str]) -> None:
    html = (built[0] / "site/meetings/hanoi-summit-2019.html").read_text(encoding="utf-8")
    # The date is cited by both articles; the purpose by one; the envoys' meeting date inferred.
    assert '<sup class="cites" data-search-exclude>' in html
    assert '<sup class="cites single" data-search-exclude>' in html
    assert "(single source)" in html
    envoys = (built[0] / "site/meetings/envoys-meeting-2019-02.html").read_text(encoding="utf-8")
    assert '<em class="inferred">inferred</em>' in envoys
    assert 'class="inference"' in envoys and "Curator&#39;s inference" not in envoys.split("<ol")[0]


@pytest.mark.parametrize(
    ("page", "kind", "name"),
    [
        ("people/stephen-biegun.html", "Person", "Stephen Biegun"),
        ("organizations/us-state-department.html", "Organization", None),
        ("places/hanoi.html", "Place", "Hanoi"),
        ("meetings/hanoi-summit-2019.html", "Event", "Hanoi summit"),
    ],
)
def test_entity_pages_embed_json_ld(
    pages: dict[str, _Page], page: str, kind: str, name: str | None
) -> None:
    (script,) = pages[page].json_ld
    data = json.loads(script)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == kind
    if name:
        assert data["name"] == name
    if kind == "Event":
        assert data["startDate"] == "2019-02-27" and data["endDate"] == "2019-02-28"
        assert {a["name"] for a in data["attendee"]} == {"Donald Trump", "Kim Jong Un"}


def test_the_corpus_is_offered_as_one_json_file(built: tuple[Path, str]) -> None:
    data = json.loads((built[0] / "site/data/briefing.json").read_text(encoding="utf-8"))
    content = built[0] / "content"
    for kind in ("people", "meetings", "commitments", "statements", "facts", "sources"):
        assert sorted(data[kind]) == sorted(p.stem for p in (content / kind).glob("*.yml"))
    biegun = data["people"]["stephen-biegun"]
    assert biegun["cite"]["name"]
    assert "Pyongyang" in data["sources"]["dw-2019-02-09"]["text"]
    home = (built[0] / "site/index.html").read_text(encoding="utf-8")
    assert 'href="data/briefing.json"' in home


def test_timeline_groups_by_month_with_honest_precision(built: tuple[Path, str]) -> None:
    html = (built[0] / "site/timeline.html").read_text(encoding="utf-8")
    headings = [h for h in ("2017", "June 2018", "January 2019", "February 2019") if h in html]
    assert headings == ["2017", "June 2018", "January 2019", "February 2019"]
    assert html.index(">2017<") < html.index(">June 2018<") < html.index(">February 2019<")
    assert "week of 17 February 2019" in html
    assert "27–28 February 2019" in html
    assert 'class="badge due"' in html  # as of February 2019, the newest source's date


def test_tracker_groups_commitments_by_status(built: tuple[Path, str]) -> None:
    html = (built[0] / "site/commitments/index.html").read_text(encoding="utf-8")
    for status in ("in-progress", "pledged", "stated"):
        assert f'id="{status}"' in html
    assert html.index('id="in-progress"') < html.index('id="pledged"')
    content = built[0] / "content/commitments"
    for commitment in content.glob("*.yml"):
        assert f'href="{commitment.stem}.html"' in html


def test_search_finds_entities_by_alias(built: tuple[Path, str]) -> None:
    index = json.loads((built[0] / "site/search/search_index.json").read_text(encoding="utf-8"))
    kim = " ".join(
        d["text"] for d in index["docs"] if d["location"].startswith("people/kim-jong-un")
    )
    assert "Chairman Kim" in kim and "Rocketman" in kim


def test_tags_group_pages(built: tuple[Path, str]) -> None:
    html = (built[0] / "site/tags.html").read_text(encoding="utf-8")
    assert "denuclearization" in html
    assert "commitments/singapore-denuclearization.html" in html


def test_the_tags_page_says_what_each_tag_covers(built: tuple[Path, str]) -> None:
    html = (built[0] / "site/tags.html").read_text(encoding="utf-8")
    # From content/tags.yml, escaped as all content text is; a tag's name as its pages show it.
    assert (
        "<td>military exercises</td>\n"
        "<td>US military exercises with South Korea, and the US troops there.</td>"
    ) in html
    assert "<td>Guarantees of North Korea's security by the United States.</td>" in html
    # The descriptions come before the pages grouped by tag.
    assert html.index("<td>summitry</td>") < html.index('id="tag:concessions"')


def test_the_export_holds_every_declared_tag(built: tuple[Path, str]) -> None:
    data = json.loads((built[0] / "site/data/briefing.json").read_text(encoding="utf-8"))
    declared = yaml.safe_load((built[0] / "content/tags.yml").read_text(encoding="utf-8"))
    assert data["tags"] == declared
    assert data["tags"]["peace-regime"] == "A lasting peace on the Korean Peninsula."


def test_tracker_says_since_when_each_status_has_held(built: tuple[Path, str]) -> None:
    """Since the first entry of the latest run of a status: entries that keep it (the Pyongyang
    talks of 6-8 February 2019) are evidence, not a new start."""
    html = (built[0] / "site/commitments/index.html").read_text(encoding="utf-8")
    items = [page_text(item) for item in re.findall(r"<li>(.*?)</li>", html, re.S)]
    tracker = {item.split(":")[0]: item.split("; ")[-1] for item in items}
    assert tracker["A lasting peace regime on the Korean Peninsula"] == "pledged since 12 June 2018"
    assert (
        tracker["Complete denuclearization of the Korean Peninsula"]
        == "in progress since 1 January 2019"
    )
