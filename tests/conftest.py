"""Shared fixtures: a throwaway copy of the project, and the real `briefing` command."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
COPIED = ("content", "seeds", "templates", "mkdocs.yml")
BRIEFING = Path(sys.executable).with_name("briefing")


def copy_project(destination: Path) -> Path:
    """A copy of everything a build reads, so tests can break it freely."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


def briefing(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the installed console script, as a curator would."""
    return subprocess.run(
        [str(BRIEFING), *map(str, args)], capture_output=True, text=True, check=False
    )


def interruptible() -> None:
    """For a child that a test stops with Ctrl-C (SIGINT): a shell starting the tests in the
    background (`make test &`) makes them ignore SIGINT, and children inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


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
