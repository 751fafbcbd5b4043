"""Writes generated files into a folder: only those whose text changed, and removes stale ones.
The only module that writes pages."""

from __future__ import annotations

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


def _safe(relative: str) -> PurePosixPath:
    # Paths come from validated ids, but a file must never land outside the folder.
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return path


def _make_room(folder: Path, path: PurePosixPath) -> None:
    """Remove a stale file where a folder is now wanted, or a stale folder where a file is."""
    for depth in range(1, len(path.parts)):
        parent = folder.joinpath(*path.parts[:depth])
        if parent.is_file():
            parent.unlink()
    target = folder / path
    if target.is_dir():
        shutil.rmtree(target)


def write_tree(
    folder: Path, files: Mapping[str, str | bytes] | Iterable[tuple[str, str | bytes]]
) -> WriteReport:
    """Make `folder` hold exactly `files` (relative path -> text or bytes), touching only what
    differs. Files may come one at a time, so a large site need not be held in memory."""
    pairs = files.items() if isinstance(files, Mapping) else files
    wanted: set[PurePosixPath] = set()
    written: list[str] = []
    for name, content in pairs:
        path = _safe(name)
        if path in wanted:
            raise ValueError(f"the same file is generated twice: {name!r}")
        wanted.add(path)
        data = content.encode("utf-8") if isinstance(content, str) else content
        target = folder / path
        if target.is_file() and target.read_bytes() == data:
            continue
        _make_room(folder, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        partial.write_bytes(data)
        os.replace(partial, target)  # readers never see a half-written page
        written.append(path.as_posix())
    deleted: list[str] = []
    if folder.is_dir():
        for existing in sorted(folder.rglob("*"), reverse=True):
            relative = PurePosixPath(existing.relative_to(folder).as_posix())
            if existing.is_file() and relative not in wanted:
                existing.unlink()
                deleted.append(relative.as_posix())
            elif existing.is_dir() and not any(existing.iterdir()):
                existing.rmdir()
    return WriteReport(sorted(written), sorted(deleted), len(wanted) - len(written))
