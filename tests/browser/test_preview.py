"""`briefing serve` as a curator sees it in Chromium: a page left open reloads itself once a save
has rebuilt it, and a page the save did not change stays as it is, unreloaded."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from pathlib import Path

import pytest
from conftest import BRIEFING, edit, interruptible, wait_for
from playwright.sync_api import Browser
from test_serve import NEW_NAME, PERSON, fetch, free_port

pytestmark = pytest.mark.browser

# A page that does not name the person renamed: the save leaves it alone.
UNCHANGED = "places/hanoi.html"


def test_an_open_page_reloads_itself_after_a_save(project: Path, browser: Browser) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [BRIEFING, "serve", "--root", project, "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=interruptible,
        start_new_session=True,
    )
    lines: list[str] = []
    assert server.stdout is not None
    reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
    reader.start()
    context = browser.new_context()
    try:
        assert wait_for(lambda: "Stephen Biegun" in fetch(f"{base}/people/stephen-biegun.html"), 60)
        person, other = context.new_page(), context.new_page()
        person.goto(f"{base}/people/stephen-biegun.html")
        other.goto(f"{base}/{UNCHANGED}")
        # Gone when a page reloads: what tells a reload from a page left as it was.
        for page in (person, other):
            page.evaluate("window.leftAsItWas = true")
        assert person.locator("h1").inner_text().startswith("Stephen Biegun")

        edit(project / PERSON, "name: Stephen Biegun", f"name: {NEW_NAME}")
        person.wait_for_function(
            f"document.querySelector('h1')?.innerText.startsWith({NEW_NAME!r})", timeout=60_000
        )
        assert person.evaluate("window.leftAsItWas") is None
        assert wait_for(lambda: any("pages rebuilt" in line for line in lines), 60)
        assert other.evaluate("window.leftAsItWas") is True
    finally:
        context.close()
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
        reader.join(timeout=30)
        server.stdout.close()
    assert server.returncode == 0, "".join(lines)
