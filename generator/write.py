"""Writes generated files into a folder: only those whose text changed, and removes stale ones.
The only module that writes pages."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


@dataclass(frozen=True)
class WriteReport:
    written: list[str]
    deleted: list[str]
    unchanged: int


def _safe(relative: str) -> str:
    """The path normalized (empty and `.` parts dropped), refused if it could lead outside the
    folder: paths come from validated ids, but a file must never land outside it."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return path.as_posix()


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


def _write(folder: Path, path: str, data: bytes) -> bool:
    target = folder / path
    if target.is_file() and target.read_bytes() == data:
        return False
    _make_room(folder, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written aside, then renamed: readers (a served preview) never see half a page, and a
    # write that fails (a full disk) leaves the page as it was.
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, target)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return True


def remove_stale(folder: Path, wanted: set[str]) -> list[str]:
    """Delete every file under `folder` that is not `wanted` (normalized paths), and folders
    left empty."""
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


def write_tree(
    folder: Path,
    files: Mapping[str, str | bytes | None] | Iterable[tuple[str, str | bytes | None]],
) -> WriteReport:
    """Make `folder` hold exactly `files` (relative path -> text or bytes, or None for a file
    known to hold what it should, kept as it is), touching only what differs; each path may be
    given once."""
    wanted: set[str] = set()
    written: list[str] = []
    for name, content in files.items() if isinstance(files, Mapping) else files:
        path = _safe(name)
        if path in wanted:
            raise ValueError(f"the same file is generated twice: {path!r}")
        wanted.add(path)
        if content is not None and write_file(folder, path, content):
            written.append(path)
    deleted = remove_stale(folder, wanted)
    return WriteReport(sorted(written), deleted, len(wanted) - len(written))
