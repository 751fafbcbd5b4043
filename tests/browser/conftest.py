"""A real headless Chromium (Debian's, driven by Playwright) on a local server of a built site."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Playwright, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# Without these, Chromium reaches for Google's hosts at start-up; the privacy test would see them.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
OUTPUT = Path(__file__).resolve().parents[2] / "test-output"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        # Not a skip: CI installs it (.ci/run), and a silent skip would hide untested pages.
        pytest.fail("browser tests need Debian's Chromium: apt-get install chromium")
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
    yield chromium
    chromium.close()


def _serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


@pytest.fixture(scope="session")
def serve() -> Callable[[Path], tuple[str, http.server.ThreadingHTTPServer]]:
    """Serve a folder on a free local port: (its address, the server to shut down)."""
    return _serve


@pytest.fixture(scope="session")
def site_url(built: tuple[Path, str]) -> Iterator[str]:
    """The shipped content's site, served on a free local port."""
    url, server = _serve(built[0] / "site")
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def output() -> Path:
    """Where screenshots go for people to look at (git-ignored)."""
    folder = OUTPUT / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
