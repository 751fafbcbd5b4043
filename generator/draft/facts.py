"""Candidate facts: a sentence in the article's own words that names what the corpus knows (or
a new entity the draft proposes), drafted as a fact whose claim is the sentence itself, for the
curator to put in their own words, keep no stronger than the quote, or delete."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from generator.draft.when import Resolved
from generator.model import Where

# Fewer words than this is a caption's title ("First meeting"), not a claim.
_SHORTEST = 6


@dataclass(frozen=True)
class Candidate:
    """A sentence that may state a fact: what it names, in order, and its time words."""

    sentence: str
    about: tuple[str, ...]
    when: Resolved | None
    according_to: str | None = None  # who says so, if the sentence reports their words


def wanted(sentence: str, about: tuple[str, ...]) -> bool:
    """Whether a sentence is worth a candidate fact: it names something and says something."""
    ends = sentence.rstrip("\"”’')")[-1:]
    return bool(about) and len(sentence.split()) >= _SHORTEST and ends in (".", "!")


def fact_id(sentence: str) -> str:
    """An id from the sentence's first telling words ("kim-oversaw-ballistic-missile")."""
    words = [w for w in re.findall(r"[a-z0-9]+", sentence.lower()) if len(w) > 3][:4]
    return "-".join(words) or "fact"


def fact(candidate: Candidate, source: str) -> tuple[dict[str, Any], dict[Where, str]]:
    """The candidate as a fact's data, and the review each guessed line gets."""
    sentence = candidate.sentence
    data: dict[str, Any] = {"claim": sentence, "about": list(candidate.about)}
    reviews: dict[Where, str] = {
        ("claim",): "the article's words: put the claim in yours, no stronger than the quote",
        ("about",): "what the sentence names: keep what the fact is about",
    }
    cite: dict[str, Any] = {"claim": {source: sentence}}
    if candidate.according_to is not None:
        data["according_to"] = [candidate.according_to]
        cite["according_to"] = {source: sentence}
        reviews[("according_to",)] = "the sentence reports their words"
    if candidate.when is not None:
        data["date"] = candidate.when.date
        cite["date"] = {source: sentence, "inference": candidate.when.inference}
        reviews[("date",)] = f'from "{candidate.when.words}": is it when it happened?'
    data["cite"] = cite
    return data, reviews
