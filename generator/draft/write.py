"""Writes a draft into drafts/SOURCE-ID/: all of it or nothing, and never over a draft the
curator may have edited unless asked to."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.draft.draftfile import DraftFile
from generator.draft.yamltext import review_count

DRAFTS = "drafts"


class DraftExists(ValueError):
    """The draft folder is there already: the curator may have edited it."""


@dataclass(frozen=True)
class Written:
    folder: str
    files: tuple[str, ...]
    reviews: int


def write_draft(root: Path, source: str, files: list[DraftFile], *, force: bool) -> Written:
    """Write the files into drafts/SOURCE/ (relative paths in the result); with `force`, an
    earlier draft of the source is replaced, else its presence is an error."""
    folder = root / DRAFTS / source
    relative = folder.relative_to(root).as_posix()
    if folder.exists() and not force:
        raise DraftExists(f"{relative}/ exists already")
    folder.parent.mkdir(parents=True, exist_ok=True)
    # Written aside, then put in place: a failure leaves no half-written draft.
    staging = Path(tempfile.mkdtemp(prefix=f".{source}-", dir=folder.parent))
    try:
        reviews = 0
        for file in files:
            path = staging / file.path
            path.parent.mkdir(parents=True, exist_ok=True)
            text = file.text()
            reviews += review_count(text)
            path.write_text(text, encoding="utf-8")
        if folder.exists():
            shutil.rmtree(folder)
        staging.rename(folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    names = tuple(f"{relative}/{file.path}" for file in files)
    return Written(relative, names, reviews)
