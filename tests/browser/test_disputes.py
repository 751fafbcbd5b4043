"""A disputed claim as a reader meets it in Chromium (test data, tests/data/revisited): Trump's
account of why the Hanoi talks broke down and North Korea's disputing it, shown together on the
summit's page, each side saying whose it is, each number leading to its own words in the article."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from generator.citations import passage_anchor

pytestmark = pytest.mark.browser

SUMMIT = "meetings/hanoi-summit-2019.html"


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


def test_both_sides_of_a_dispute_read_together(page: Page, revisited_url: str) -> None:
    page.goto(f"{revisited_url}/{SUMMIT}")
    dispute = page.locator("li.dispute")
    expect(dispute).to_have_count(1)
    expect(dispute).to_be_visible()
    expect(dispute).to_contain_text("Disputed:")
    sides = dispute.locator("> ul > li")
    expect(sides).to_have_count(2)
    expect(sides.nth(0)).to_contain_text("According to Donald Trump", use_inner_text=True)
    expect(sides.nth(0)).to_contain_text("North Korea wanted all sanctions lifted.")
    expect(sides.nth(1)).to_contain_text("According to North Korea", use_inner_text=True)
    expect(sides.nth(1)).to_contain_text("disputing the account of Donald Trump:")
    expect(sides.nth(1)).to_contain_text("asked only for a partial lifting of sanctions.")
    # Whose each is, linked; each side with its own citations, from the article of 2 March.
    expect(sides.nth(0).locator('a[href="../people/donald-trump.html"]')).to_have_count(1)
    expect(sides.nth(1).locator('a[href="../organizations/north-korea.html"]')).to_have_count(1)
    # Trump's: whose it is, and the claim's two quotes; North Korea's: whose, and one quote.
    for index, count in enumerate((3, 2)):
        markers = sides.nth(index).locator("sup.cites a")
        expect(markers).to_have_count(count)
        for marker in markers.all():
            assert marker.get_attribute("title") == "Test Data Wire, 2 March 2019"


def test_a_sides_number_opens_its_words_in_the_article(page: Page, revisited_url: str) -> None:
    page.goto(f"{revisited_url}/{SUMMIT}")
    north_korea = page.locator("li.dispute > ul > li").nth(1)
    # Its second number: the claim's quote (the first is whose account it is).
    north_korea.locator("sup.cites a").nth(1).click()
    words = "Pyongyang had asked only for a partial lifting of sanctions."
    article = f"{revisited_url}/sources/test-revisited-2019-03-02.html"
    expect(page).to_have_url(f"{article}#{passage_anchor(words)}")
    passage = page.locator("mark.cited:has(> span:target)")
    expect(passage).to_have_text(words)
    expect(passage).to_be_in_viewport()
