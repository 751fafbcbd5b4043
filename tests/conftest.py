"""Shared fixtures: a throwaway copy of the project, and the real `briefing` command."""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COPIED = ("content", "seeds", "templates", "mkdocs.yml")
DOCS = Path("build/docs")
BRIEFING = Path(sys.executable).with_name("briefing")


def copy_project(destination: Path, names: tuple[str, ...] = COPIED) -> Path:
    """A copy of everything a build reads (or of `names` only), so tests can break it freely."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    return destination


def synthetic_project(destination: Path, entities: int) -> Path:
    """The benchmark's synthetic corpus of about `entities` entities, with the project's
    templates and mkdocs.yml."""
    subprocess.run(
        [sys.executable, str(REPO / "bench/synth.py"), str(entities), str(destination)],
        check=True,
        capture_output=True,
    )
    return copy_project(destination, ("templates", "mkdocs.yml"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def briefing(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a curator would."""
    return subprocess.run(
        [str(BRIEFING), *map(str, args)], capture_output=True, text=True, check=False
    )


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under a folder, by relative path, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


class _Text(HTMLParser):
    """A page's text as read, without scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def page_text(html: str) -> str:
    """The text as read, without citation markers and inference labels."""
    html = re.sub(r'<sup class="cites.*?</sup>| ?<em class="inferred">inferred</em>', "", html)
    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def wait_for(condition: Callable[[], bool], seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def interruptible() -> None:
    """For a child that a test stops with Ctrl-C (SIGINT): a shell starting the tests in the
    background (`make test &`) makes them ignore SIGINT, and children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def position(project: Path, path: str, needle: str, skip: int = 0) -> tuple[int, int]:
    """Line and column of `needle` (plus `skip` characters) in a file of a project."""
    text = (project / path).read_text(encoding="utf-8")
    offset = text.index(needle) + skip
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def at(project: Path, path: str, needle: str, skip: int = 0) -> str:
    """`path:line:column` of `needle` (plus `skip` characters), as problems locate it."""
    line, column = position(project, path, needle, skip)
    return f"{path}:{line}:{column}"


def edit(file: Path, old: str, new: str) -> None:
    """Replace text that must occur exactly once, so a test cannot silently edit nothing."""
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {file}"
    file.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The shipped content built once into a copy of the project: (its root, the build output)."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = briefing("build", "--root", root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, result.stdout + result.stderr


# Test data: an invented article dated after the Hanoi summit, and a fact citing it.
LATER = REPO / "tests/data/later"


@pytest.fixture(scope="session")
def later_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content with the later article of tests/data/later added, built: the briefing
    as of 1 March 2019, its meetings still `scheduled` as the earlier sources left them."""
    root = copy_project(tmp_path_factory.mktemp("later") / "project")
    shutil.copytree(LATER / "content", root / "content", dirs_exist_ok=True)
    shutil.copytree(LATER / "seeds", root / "seeds", dirs_exist_ok=True)
    result = briefing("build", "--root", root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


# Test data: a later article, and the content a curator revisited after reading it.
REVISITED = REPO / "tests/data/revisited"


@pytest.fixture(scope="session")
def revisited_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped content with tests/data/revisited laid over it (files of the same name
    replaced), built: the briefing as of 2 March 2019, after the Hanoi summit."""
    root = copy_project(tmp_path_factory.mktemp("revisited") / "project")
    shutil.copytree(REVISITED / "content", root / "content", dirs_exist_ok=True)
    shutil.copytree(REVISITED / "seeds", root / "seeds", dirs_exist_ok=True)
    result = briefing("build", "--root", root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root


@pytest.fixture
def built_project(built: tuple[Path, str], tmp_path: Path) -> Path:
    """A copy of the built project, its pages and site included, to break freely."""
    return Path(shutil.copytree(built[0], tmp_path / "project"))
