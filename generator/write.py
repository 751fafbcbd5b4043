"""Writes generated files into a folder: only those whose text changed, and removes stale ones.
The only module that writes pages."""

from __future__ import annotations

import os
import shutil
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


def write_tree(folder: Path, files: dict[str, str | bytes]) -> WriteReport:
    """Make `folder` hold exactly `files` (relative path -> text or bytes), touching only what
    differs."""
    wanted = {
        _safe(path): data.encode("utf-8") if isinstance(data, str) else data
        for path, data in files.items()
    }
    written: list[str] = []
    for path, data in sorted(wanted.items()):
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
    return WriteReport(written, sorted(deleted), len(wanted) - len(written))
