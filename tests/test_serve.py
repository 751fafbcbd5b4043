"""The live preview: a change under content/, seeds/ or templates/, or to mkdocs.yml, regenerates
the pages once it has settled, editors' scratch files do not, and the served page itself changes."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import threading
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import BRIEFING, briefing, edit, interruptible, wait_for
from watchdog.events import FileModifiedEvent

from generator.serve import Regenerator, watching

PERSON = "content/people/stephen-biegun.yml"
NEW_NAME = "Stephen E. Biegun"


class Counter:
    def __init__(self) -> None:
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self, changed: set[str]) -> None:
        with self.lock:
            self.calls += 1


class ManualTimer:
    """Stands in for threading.Timer: fires when the test says, so no test waits on a clock."""

    made: ClassVar[list[ManualTimer]] = []

    def __init__(self, seconds: float, action: Callable[[], None]) -> None:
        self.action = action
        self.cancelled = False
        self.daemon = False
        ManualTimer.made.append(self)

    def start(self) -> None:
        pass

    def cancel(self) -> None:
        self.cancelled = True


def test_a_burst_of_changes_regenerates_once_with_them_all(project: Path) -> None:
    regenerate = Counter()
    ManualTimer.made.clear()
    handler = Regenerator(regenerate, timer=ManualTimer)  # type: ignore[arg-type]
    target = str(project / PERSON)
    other = str(project / "seeds/dw-2019-02-09.txt")
    for path in [target] * 4 + [other]:  # an editor's burst of writes, and another file
        handler.on_any_event(FileModifiedEvent(path))
    handler.on_any_event(FileModifiedEvent(str(project / "content/people/.x.yml.swp")))
    live = [timer for timer in ManualTimer.made if not timer.cancelled]
    assert len(live) == 1  # each change put the run off until the changes settle
    live[0].action()
    assert regenerate.calls == 1
    assert handler.last_run == handler.seen == {target, other}


@pytest.mark.parametrize("folder", ["content/people", "seeds", "templates"])
def test_a_change_in_a_watched_folder_regenerates(project: Path, folder: str) -> None:
    regenerate = Counter()
    target = next(p for p in sorted((project / folder).iterdir()) if p.is_file())
    with watching(project, regenerate, settle=0.1) as handler:
        with target.open("a", encoding="utf-8") as file:
            file.write("\n")
        assert wait_for(lambda: regenerate.calls >= 1, 15)
    assert str(target) in handler.seen


def test_scratch_files_and_other_folders_do_not_regenerate(project: Path) -> None:
    regenerate = Counter()
    (project / "build").mkdir()
    person = project / PERSON
    with watching(project, regenerate, settle=0.1) as handler:
        (project / "content/people/.stephen-biegun.yml.swp").write_text("x", encoding="utf-8")
        (project / "content/people/stephen-biegun.yml~").write_text("x", encoding="utf-8")
        (project / "build/page.md").write_text("x", encoding="utf-8")
        # Then a real change: events come in order, so the ones above were seen before it.
        person.write_text(person.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert wait_for(lambda: regenerate.calls >= 1, 15)
    assert handler.seen == {str(person)}


def test_mkdocs_yml_is_watched_and_the_project_folders_other_files_are_not(project: Path) -> None:
    regenerate = Counter()
    config = project / "mkdocs.yml"
    with watching(project, regenerate, settle=0.1) as handler:
        (project / "README.md").write_text("x", encoding="utf-8")
        config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert wait_for(lambda: regenerate.calls >= 1, 15)
    assert handler.seen == {str(config)}


def test_a_failed_regeneration_keeps_watching(project: Path) -> None:
    calls: list[int] = []

    def regenerate(changed: set[str]) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("2 problem(s) in 1 file(s); nothing was generated")

    person = project / PERSON
    with watching(project, regenerate, settle=0.1):
        person.write_text(person.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert wait_for(lambda: len(calls) == 1, 15)
        person.write_text(person.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        assert wait_for(lambda: len(calls) == 2, 15)


def test_a_failed_regeneration_leaves_its_files_for_the_next(project: Path) -> None:
    # mkdocs.yml changed with a bad edit: the save that mends the edit still has it.
    runs: list[set[str]] = []

    def regenerate(changed: set[str]) -> None:
        runs.append(set(changed))
        if len(runs) == 1:
            raise RuntimeError("the pages were not generated")

    ManualTimer.made.clear()
    handler = Regenerator(regenerate, timer=ManualTimer)  # type: ignore[arg-type]
    config, person = str(project / "mkdocs.yml"), str(project / PERSON)
    handler.on_any_event(FileModifiedEvent(config))
    handler.on_any_event(FileModifiedEvent(person))
    ManualTimer.made[-1].action()
    handler.on_any_event(FileModifiedEvent(person))
    ManualTimer.made[-1].action()
    assert runs == [{config, person}, {config, person}]


def test_a_change_during_the_first_build_is_taken_up_after_it(project: Path) -> None:
    regenerate = Counter()
    ManualTimer.made.clear()
    handler = Regenerator(regenerate, timer=ManualTimer)  # type: ignore[arg-type]
    person = str(project / PERSON)
    with handler.first_run():
        handler.on_any_event(FileModifiedEvent(person))
        settled = threading.Thread(target=ManualTimer.made[-1].action)
        settled.start()
        settled.join(0.5)
        assert settled.is_alive() and regenerate.calls == 0
    settled.join(15)
    assert regenerate.calls == 1 and handler.last_run == {person}


def test_editing_content_regenerates_the_page(built_project: Path) -> None:
    project = built_project
    page = project / "build/docs/people/stephen-biegun.md"
    assert NEW_NAME not in page.read_text(encoding="utf-8")

    def regenerate(changed: set[str]) -> None:
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


def raw_get(port: int, path: str) -> str:
    """GET `path` as written, `..` included (urllib would not send it so)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path)
        return connection.getresponse().read().decode("utf-8")
    finally:
        connection.close()


def test_the_served_page_follows_the_content(project: Path) -> None:
    """`serve` end to end, as a curator runs it: the page is served on this machine's loopback
    address, with what the preview trades away said; after a content edit, the same address
    serves the new page, only the changed pages rebuilt; a broken edit prints its problem and the
    last good page stays; Ctrl-C stops it all."""
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
    lines: list[str] = []
    assert server.stdout is not None
    reader = threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True)
    reader.start()
    rejected = "nothing was generated; still serving the pages as they were"
    try:
        assert wait_for(lambda: "Stephen Biegun" in fetch(url), 60)
        # A request's path reaches the page's reload script only as a string.
        payload = "x%22%2Balert(1)%2B%22%3C/script%3E/../.."
        hostile = raw_get(port, f"/{payload}/people/stephen-biegun.html")
        assert "Stephen Biegun" in hostile
        assert '"+alert(1)+"' not in hostile and "</script>/" not in hostile
        edit(project / PERSON, "name: Stephen Biegun", f"name: {NEW_NAME}")
        assert wait_for(lambda: NEW_NAME in fetch(url), 60)
        assert wait_for(lambda: any("pages rebuilt" in line for line in lines), 60)
        docs_page = project / "build/docs/people/stephen-biegun.md"
        before = docs_page.read_text(encoding="utf-8")
        edit(project / PERSON, "country: united-states", "country: united-sates")
        # Rejected: said in the terminal, and the generated and served pages stay as they were.
        assert wait_for(lambda: any(rejected in line for line in lines), 60)
        assert docs_page.read_text(encoding="utf-8") == before
        assert wait_for(lambda: NEW_NAME in fetch(url), 60)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        server.wait(timeout=30)
        reader.join(timeout=30)
        server.stdout.close()
    output = "".join(lines)
    assert server.returncode == 0, output
    assert f"{PERSON}:" in output and "unknown organization or place `united-sates`" in output, (
        output
    )
    assert "The preview trades away some things for speed: a save rebuilds only" in output
    rebuilt = re.search(r"preview: (\d+) pages rebuilt", output)
    pages = sum(1 for _ in (project / "build/docs").rglob("*.md"))
    assert rebuilt and 0 < int(rebuilt[1]) < pages / 2, output
