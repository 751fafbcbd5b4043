"""Writes generated files into a folder: only those whose text changed, and removes stale ones.
The only module that writes pages."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class WriteReport:
    written: list[str]
    deleted: list[str]
    unchanged: int


def _safe(relative: str) -> str:
    """The path normalized as PurePosixPath would (empty and `.` parts dropped), refused if it
    could lead outside the folder. (Plain strings: a PurePosixPath per page costs more than
    writing the page.)"""
    # Paths come from validated ids, but a file must never land outside the folder.
    parts = [part for part in relative.split("/") if part not in ("", ".")]
    if relative.startswith("/") or ".." in parts or not parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return "/".join(parts)


def _make_room(folder: Path, path: str) -> None:
    """Remove a stale file where a folder is now wanted, or a stale folder where a file is."""
    parts = path.split("/")
    for depth in range(1, len(parts)):
        parent = folder.joinpath(*parts[:depth])
        if parent.is_file():
            parent.unlink()
    target = folder / path
    if target.is_dir():
        shutil.rmtree(target)


def write_file(folder: Path, name: str, content: str | bytes) -> bool:
    """Write one file under `folder` unless it already holds exactly this; True if written.
    An OSError (a full disk) names the file, and leaves no empty or partial file behind."""
    path = _safe(name)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        return _write(folder, path, data)
    except OSError as error:
        raise OSError(error.errno, error.strerror, os.path.join(folder, path)) from error


def _create(path: str | Path, data: bytes) -> None:
    """Write a file that does not exist yet; if that fails, remove what was begun."""
    handle = open(path, "xb")  # noqa: SIM115 (closed below, before it is removed)
    try:
        with handle:
            handle.write(data)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise


def _write(folder: Path, path: str, data: bytes) -> bool:
    try:
        # Most files of a first build are new, in a folder that exists: one call creates them.
        _create(os.path.join(folder, path), data)
        return True
    except (FileExistsError, FileNotFoundError, NotADirectoryError):
        pass  # there already, or a folder is missing or in the way: the cases below
    target = folder / path
    if target.is_file():
        if target.read_bytes() == data:
            return False
        partial = target.with_name(f".{target.name}.partial")
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()  # left by a run that was killed
        _create(partial, data)
        os.replace(partial, target)  # readers never see a half-written page
        return True
    # A new file replaces nothing a reader could be showing; writing it in place spares the
    # rename, which costs as much as the write on ext4.
    _make_room(folder, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    _create(target, data)
    return True


def remove_stale(folder: Path, wanted: set[str]) -> list[str]:
    """Delete every file under `folder` that is not `wanted` (normalized, as Tally.claim
    gives them), and folders left empty."""
    deleted: list[str] = []
    # Bottom-up, so a folder is looked at after its files are gone.
    for directory, _, files in os.walk(folder, topdown=False):
        inside = Path(directory).relative_to(folder).as_posix()
        for name in files:
            relative = name if inside == "." else f"{inside}/{name}"
            if relative not in wanted:
                os.unlink(os.path.join(directory, name))
                deleted.append(relative)
        if inside != "." and not os.listdir(directory):
            os.rmdir(directory)
    return sorted(deleted)


@dataclass
class Tally:
    """The files of one generation: each path claimed once (two pages must never fight over a
    file), and which were written."""

    folder: Path
    wanted: set[str] = field(default_factory=set)
    written: list[str] = field(default_factory=list)

    def claim(self, name: str) -> str:
        """The name, normalized; refused if claimed before."""
        name = _safe(name)
        if name in self.wanted:
            raise ValueError(f"the same file is generated twice: {name!r}")
        self.wanted.add(name)
        return name

    def count(self, claimed: str, written: bool) -> None:
        if written:
            self.written.append(claimed)

    def write(self, name: str, content: str | bytes) -> None:
        claimed = self.claim(name)
        self.count(claimed, write_file(self.folder, claimed, content))

    def finish(self) -> WriteReport:
        """Remove what was not claimed; what was written, deleted and left alone."""
        deleted = remove_stale(self.folder, self.wanted)
        unchanged = len(self.wanted) - len(self.written)
        return WriteReport(sorted(self.written), deleted, unchanged)


def write_tree(
    folder: Path, files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]]
) -> WriteReport:
    """Make `folder` hold exactly `files` (relative path -> text or bytes), touching only what
    differs. Files may come one at a time, so a large site need not be held in memory."""
    tally = Tally(folder)
    for name, content in files.items() if isinstance(files, Mapping) else files:
        tally.write(name, content)
    return tally.finish()
