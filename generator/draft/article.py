"""The article to draft and what is known already: its source's publication date and text, and
the valid part of the corpus, read and checked as `briefing check` does."""

from __future__ import annotations

from pathlib import Path

from generator.check import check, did_you_mean
from generator.dates import DateError, parse_period
from generator.draft.already import Already
from generator.draft.draftfile import DraftFile
from generator.draft.propose import Drafter
from generator.load import load_corpus
from generator.problems import Problem
from generator.snapshot import CONTENT, SEEDS


class DraftError(ValueError):
    """Why there is nothing to draft, with what to do about it."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def draft_article(root: Path, source: str) -> tuple[list[DraftFile], list[Problem]]:
    """The draft files of a source's article, and the problems of the corpus it was drafted
    against (the draft uses only the valid part)."""
    raw = load_corpus(root)
    records = {r.id: r for r in raw.records if r.kind == "sources"}
    record = records.get(source)
    if record is None:
        hint = did_you_mean(source, set(records)) or (
            "run `briefing new-source PATH-TO-TEXT --publisher ... --date ...` first"
        )
        raise DraftError(f"no source `{source}` in {CONTENT}/sources/", hint)
    text = raw.texts.get(source)
    if text is None or not text.strip():
        raise DraftError(
            f"{SEEDS}/{source}.txt: no article text", "put the article's text in that file"
        )
    if record.data is None:
        raise DraftError(f"{record.path} cannot be read", "run `briefing check` and fix it")
    published = record.data.get("published")
    try:
        parse_period(str(published))
    except DateError:
        raise DraftError(
            f"{record.path}: `published` is not a date",
            "write the day it was published: YYYY-MM-DD",
        ) from None
    corpus, problems = check(raw)
    files = Drafter(corpus, source, text, str(published)).draft()
    return Already(corpus, source).new_only(files), problems
