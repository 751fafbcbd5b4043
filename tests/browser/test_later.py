"""The briefing after a later article arrives (test data, tests/data/later: a source dated 1 March
2019), as a reader sees it in Chromium: no page calls a past event upcoming, and "What is next"
lists neither the envoys' meeting nor the Hanoi summit, both still `scheduled` in their files."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

PAST = ("meetings/envoys-meeting-2019-02.html", "meetings/hanoi-summit-2019.html")
# The site's own words: the page's content without the archived article (on source pages) and
# without what it quotes, since an article of February may well speak of "the upcoming summit".
OWN_WORDS = """() => {
  const content = document.querySelector("article.md-content__inner").cloneNode(true);
  content.querySelectorAll(".article").forEach(e => e.remove());
  return content.innerText;
}"""
QUOTED = re.compile(r"“[^”]*”")
# "Upcoming" as badge, heading or word, and the upcoming note's "this meeting is still ahead".
UPCOMING = re.compile(r"upcoming|meeting is still ahead", re.I)


@pytest.fixture(scope="module")
def later_url(
    later_built: Path, serve: Callable[[Path], tuple[str, ThreadingHTTPServer]]
) -> Iterator[str]:
    url, server = serve(later_built / "site")
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_no_page_calls_a_past_event_upcoming(
    browser: Browser, later_url: str, later_built: Path
) -> None:
    site = later_built / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert {"index.html", "timeline.html", "meetings/index.html", *PAST} <= set(pages)
    # Read without scripts, in half the time: Material's scripts add navigation and search to a
    # page, none of its words (the home page is also read with them, below).
    page = browser.new_context(java_script_enabled=False).new_page()
    calling = {}
    for path in pages:
        page.goto(f"{later_url}/{path}")
        if not page.locator("article.md-content__inner").count():
            continue  # a redirect or the 404 page: no content of ours
        own_words = QUOTED.sub("", page.evaluate(OWN_WORDS))
        badges = page.locator(".badge.upcoming").count()
        if badges or UPCOMING.search(own_words):
            calling[path] = [line for line in own_words.splitlines() if UPCOMING.search(line)]
    page.context.close()
    assert calling == {}


def test_what_is_next_lists_neither_past_meeting(page: Page, later_url: str) -> None:
    page.goto(f"{later_url}/index.html")
    # The section: everything after its heading, up to the next heading.
    section = page.locator("h2#what-is-next ~ *:not(h2#what-is-next ~ h2 ~ *):not(h2)")
    assert section.all_inner_texts() == ["Nothing the sources expect is still ahead."]
    for meeting in PAST:
        assert section.locator(f'a[href="{meeting}"]').count() == 0
    no_report = page.locator("h2#no-report-since + p + ul > li")
    # The two meetings, then the pledge to meet again before the summit, past its deadline.
    assert no_report.count() == 3
    pledge = no_report.nth(2).locator('a[href="commitments/envoys-meet-again-before-hanoi.html"]')
    assert pledge.count() == 1
    for index, meeting in enumerate(PAST):
        item = no_report.nth(index)
        assert item.locator(f'a[href="{meeting}"]').count() == 1
        assert item.inner_text().endswith("; no report since")
