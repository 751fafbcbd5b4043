"""A meeting's history, outcome and earlier reported place as a reader sees them in Chromium (test
data, tests/data/revisited: the Hanoi summit reported held on 2 March 2019, the envoys' meeting
placed in Hanoi instead of "a third nation in Asia")."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def revisited_url(
    revisited_built: Path, serve: Callable[[Path], tuple[str, ThreadingHTTPServer]]
) -> Iterator[str]:
    url, server = serve(revisited_built / "site")
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def infobox_cell(page: Page, label: str) -> str:
    row = page.locator("article table tr", has=page.locator("strong", has_text=label)).first
    return " ".join(row.locator("td").last.inner_text().split())


def test_a_held_summit_shows_its_outcome_and_history(page: Page, revisited_url: str) -> None:
    page.goto(f"{revisited_url}/meetings/hanoi-summit-2019.html")
    assert infobox_cell(page, "Status").startswith("held")
    outcome = page.locator("article p", has_text="Outcome:")
    assert outcome.is_visible()
    assert "Ended abruptly without an agreement" in outcome.inner_text()
    history = page.locator("h2#status-history + p + ul > li")
    assert [" ".join(t.split())[:24] for t in history.all_inner_texts()] == [
        "27–28 February 2019: hel",
        "8 February 2019: schedul",
    ]
    # The outcome's number opens the reporting article at its words.
    outcome.locator("sup.cites a").first.click()
    page.wait_for_url("**/sources/test-revisited-2019-03-02.html#q-*")
    passage = page.locator("mark.cited:has(> span:target)")
    assert passage.inner_text().startswith("ended abruptly on Thursday")  # where the words start
    assert passage.is_visible()


def test_the_earlier_reported_place_is_kept_and_leads_back(page: Page, revisited_url: str) -> None:
    page.goto(f"{revisited_url}/meetings/envoys-meeting-2019-02.html")
    assert infobox_cell(page, "Where").startswith("Hanoi")
    earlier = infobox_cell(page, "Earlier reported")
    assert earlier.startswith("Place: A third nation in Asia (The Diplomat, February 2019)")
    assert "superseded by Hanoi summit ends without a deal, 2 March 2019" in earlier
    page.get_by_role("link", name="A third nation in Asia").first.click()
    page.wait_for_url("**/places/third-nation-in-asia.html")
    heading = page.get_by_role("heading", name="Earlier reports, since replaced")
    assert heading.is_visible()
    assert page.get_by_role("heading", name="Meetings here").count() == 0


def test_nothing_past_is_next(page: Page, revisited_url: str) -> None:
    page.goto(f"{revisited_url}/index.html")
    after = page.locator("h2#what-is-next + p")
    assert after.inner_text().strip() == "Nothing the sources expect is still ahead."
    assert page.locator(".badge.upcoming").count() == 0
