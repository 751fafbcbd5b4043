"""A snapshot of what `briefing generate` reads: the bytes of every file under content/, seeds/ and
templates/, and mkdocs.yml, each with a hash, and the version of the generator reading them. A run
reads its files from its snapshot, so what its pages were made from is exactly what was hashed,
however the files change meanwhile."""

from __future__ import annotations

import hashlib
import io
import os
import sys
import time
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator.site import CONFIG

# The project's folders a run reads (load.py reads the first two, render.py the third).
CONTENT = "content"
SEEDS = "seeds"
TEMPLATES = "templates"
FOLDERS = (CONTENT, SEEDS, TEMPLATES)
# Besides the generator's own code, the libraries whose versions can change what it writes.
LIBRARIES = ("jinja2", "markupsafe", "pydantic", "pydantic-core", "pyyaml")


# A file as it is on disk: device, inode, size, modification and change times (the last cannot
# be set back, so a file replaced or edited since is told apart even at the same size and time).
Stat = tuple[int, int, int, int, int]
# How long after a file last changed its times are trusted to tell a later change: longer than
# the coarsest file system's clock (FAT's two seconds).
_RACY_NS = 3_000_000_000


def hash_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def hash_lines(lines: list[str]) -> str:
    return hash_bytes("\n".join(lines).encode("utf-8"))


def generator_version() -> str:
    """A hash of the generator's source and of the versions of Python and the libraries: what a
    generator of another version cached is not used."""
    package = Path(__file__).parent
    lines = [sys.version, *(f"{name} {metadata.version(name)}" for name in LIBRARIES)]
    for file in sorted(package.glob("*.py")):
        lines.append(f"{file.name} {hash_bytes(file.read_bytes())}")
    return hash_lines(lines)


@dataclass
class Snapshot:
    """Files by path relative to the project (`/`-separated): the bytes of each, and a hash of
    each. A symbolic link is not followed (the check refuses links): its hash names its target.
    A file that cannot be read has a hash saying so, and no bytes: a run that needs it reads it
    from disk, and reports why it cannot."""

    files: dict[str, bytes] = field(default_factory=dict)
    hashes: dict[str, str] = field(default_factory=dict)
    # Each file as it was when read.
    stats: dict[str, Stat] = field(default_factory=dict)
    # When it was taken (nanoseconds since the epoch).
    taken_ns: int = field(default_factory=time.time_ns)

    def digest(self) -> str:
        """One hash of every path and its hash."""
        return hash_lines([f"{path} {self.hashes[path]}" for path in sorted(self.hashes)])

    def digest_of(self, folder: str) -> str:
        """One hash of the paths and hashes under `folder`."""
        inside = sorted(path for path in self.hashes if path.startswith(f"{folder}/"))
        return hash_lines([f"{path} {self.hashes[path]}" for path in inside])

    def add(self, root: Path, relative: str, earlier: Snapshot | None = None) -> None:
        """The file at `relative`: as `earlier` holds it if it is as it was then (the same
        Stat) and last changed well before `earlier` was taken, else read. (A file rewritten at
        the same size just after it was read could otherwise show the same times, on a file
        system that keeps them coarsely.)"""
        path = os.path.join(root, relative)
        if os.path.islink(path):
            self.hashes[relative] = f"link to {os.readlink(path)}"
            return
        try:
            stat = stat_of(os.lstat(path))
            if (
                earlier is not None
                and stat[-1] < earlier.taken_ns - _RACY_NS  # settled before it was taken
                and earlier.stats.get(relative) == stat
            ):
                data, digest = earlier.files[relative], earlier.hashes[relative]
            else:
                with open(path, "rb") as file:
                    stat = stat_of(os.fstat(file.fileno()))
                    data = file.read()
                digest = hash_bytes(data)
        except OSError as error:
            self.hashes[relative] = f"unreadable: {error.strerror}"
            return
        self.files[relative] = data
        self.hashes[relative] = digest
        self.stats[relative] = stat


def stat_of(status: os.stat_result) -> Stat:
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns


def decoded(data: bytes) -> str:
    """Bytes as Python reads a UTF-8 text file: line ends made "\n"; UnicodeDecodeError if
    they are not UTF-8."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()


def take_snapshot(
    root: Path, folders: tuple[str, ...] = FOLDERS, earlier: Snapshot | None = None
) -> Snapshot:
    """Every file under `folders` (and, for all of them, mkdocs.yml). A folder that is a link is
    recorded as one, and what it leads to is taken too (the run reads through it, or refuses
    it); links inside are not followed. A file as it was in `earlier` (a long-running process's
    last snapshot) is taken from there, not read again."""
    snapshot = Snapshot()
    for folder in folders:
        path = root / folder
        if path.is_symlink():
            snapshot.add(root, folder)
        if path.is_dir():
            _walk(root, folder, snapshot, earlier)
        elif path.exists():
            snapshot.add(root, folder, earlier)
    if folders == FOLDERS and os.path.lexists(root / CONFIG):
        snapshot.add(root, CONFIG, earlier)
    return snapshot


def _walk(root: Path, relative: str, snapshot: Snapshot, earlier: Snapshot | None) -> None:
    path = os.path.join(root, relative)
    with os.scandir(path) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            inner = f"{relative}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                _walk(root, inner, snapshot, earlier)
            elif entry.is_file(follow_symlinks=False) or entry.is_symlink():
                snapshot.add(root, inner, earlier)
            else:  # a named pipe, say: never read
                snapshot.hashes[inner] = "not a file"
