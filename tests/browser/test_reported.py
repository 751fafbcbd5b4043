"""Reported speech as a reader sees it in Chromium (test data: tests/data/revisited, where Biegun's
words are only reported): the article's words without quotation marks, after a visible
*reported* label that explains itself on hover, next to a verbatim statement in quotation marks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

WORDS = "the envoys would meet one more time, in Hanoi rather than in a third nation."


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


def test_a_reported_statement_reads_as_reported_not_quoted(
    page: Page, revisited_url: str, output: Path
) -> None:
    page.goto(
        f"{revisited_url}/people/stephen-biegun.html#statement-test-revisited-biegun-envoys-in-hanoi"
    )
    reported = page.locator("#statement-test-revisited-biegun-envoys-in-hanoi")
    label = reported.locator("em.reported")
    assert label.is_visible()
    assert label.inner_text() == "reported"
    assert "not a quotation" in (label.get_attribute("title") or "")
    # Set apart from the words it labels, as the inference label is.
    assert label.evaluate("e => getComputedStyle(e).borderBottomStyle") == "dotted"
    text = " ".join(reported.inner_text().split())
    assert f"reported: {WORDS}" in text
    assert "“" not in text and "”" not in text
    verbatim = " ".join(
        page.locator("#statement-biegun-discussions-productive").inner_text().split()
    )
    assert "“Our discussions were productive" in verbatim
    assert "reported" not in verbatim
    reported.screenshot(path=str(output / "reported-statement.png"))
