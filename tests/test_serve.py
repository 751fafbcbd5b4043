"""The live preview: a change under content/, seeds/ or templates/ regenerates the pages once it has
settled, editors' scratch files do not, and the served page itself changes in the browser's view."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import BRIEFING, briefing, edit, interruptible, wait_for

from generator.serve import watching

PERSON = "content/people/stephen-biegun.yml"
NEW_NAME = "Stephen E. Biegun"


class Counter:
    def __init__(self) -> None:
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self) -> None:
        with self.lock:
            self.calls += 1


@pytest.mark.parametrize("folder", ["content/people", "seeds", "templates"])
def test_a_change_in_a_watched_folder_regenerates_once(project: Path, folder: str) -> None:
    regenerate = Counter()
    with watching(project, regenerate, settle=0.2):
        target = next(p for p in sorted((project / folder).iterdir()) if p.is_file())
        for _ in range(5):  # an editor's burst of writes
            with target.open("a", encoding="utf-8") as file:
                file.write("\n")
        assert wait_for(lambda: regenerate.calls >= 1, 5)
        time.sleep(0.5)
    assert regenerate.calls == 1


def test_scratch_files_and_other_folders_do_not_regenerate(project: Path) -> None:
    regenerate = Counter()
    (project / "build").mkdir()
    with watching(project, regenerate, settle=0.1):
        (project / "content/people/.stephen-biegun.yml.swp").write_text("x", encoding="utf-8")
        (project / "content/people/stephen-biegun.yml~").write_text("x", encoding="utf-8")
        (project / "build/page.md").write_text("x", encoding="utf-8")
        time.sleep(0.6)
    assert regenerate.calls == 0


def test_a_failed_regeneration_keeps_watching(project: Path) -> None:
    calls: list[int] = []

    def regenerate() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("2 problem(s) in 1 file(s); nothing was generated")

    person = project / PERSON
    with watching(project, regenerate, settle=0.1):
        person.write_text(person.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert wait_for(lambda: len(calls) == 1, 5)
        time.sleep(0.3)
        person.write_text(person.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert wait_for(lambda: len(calls) == 2, 5)


def test_editing_content_regenerates_the_page(built_project: Path) -> None:
    project = built_project
    page = project / "build/docs/people/stephen-biegun.md"
    assert NEW_NAME not in page.read_text(encoding="utf-8")

    def regenerate() -> None:
        briefing("generate", "--root", project)

    with watching(project, regenerate):
        edit(project / PERSON, "name: Stephen Biegun", f"name: {NEW_NAME}")
        assert wait_for(lambda: NEW_NAME in page.read_text(encoding="utf-8"), 20)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def test_the_served_page_follows_the_content(project: Path) -> None:
    """`serve` end to end, as a curator runs it: MkDocs serves the page on this machine's loopback
    address; after a content edit, the same address serves the new page; a broken edit prints
    its problem and the last good page stays; Ctrl-C stops both."""
    port = free_port()
    server = subprocess.Popen(
        [BRIEFING, "serve", "--root", project, "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=interruptible,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C would reach
    )
    url = f"http://127.0.0.1:{port}/people/stephen-biegun.html"
    try:
        assert wait_for(lambda: "Stephen Biegun" in fetch(url), 60)
        edit(project / PERSON, "name: Stephen Biegun", f"name: {NEW_NAME}")
        assert wait_for(lambda: NEW_NAME in fetch(url), 60)
        edit(project / PERSON, "country: united-states", "country: united-sates")
        # Rejected: the generated page does not change, whatever the wait.
        docs_page = project / "build/docs/people/stephen-biegun.md"
        before = docs_page.read_text(encoding="utf-8")
        time.sleep(5)
        assert docs_page.read_text(encoding="utf-8") == before
        assert NEW_NAME in fetch(url)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        output = server.communicate(timeout=30)[0]
    assert server.returncode == 0, output
    assert f"{PERSON}:" in output and "unknown organization or place `united-sates`" in output, (
        output
    )
    assert "the pages were not generated; still serving the pages as they were" in output
