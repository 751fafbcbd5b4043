"""An article's paragraphs, sentences and quotations: where each quotation is, the sentence that
holds it, and the words around it that say who said it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

# Periods that end an abbreviation, not a sentence: "U.S.", "J.", "Feb.", "Mr.".
_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "gen",
        "col",
        "lt",
        "sgt",
        "rep",
        "sen",
        "gov",
        "pres",
        "prof",
        "vs",
        "no",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    }
)
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s+[\"“‘A-Z0-9\[])")
# Words that report speech, in the forms news writing uses.
SPEECH_VERBS = (
    "said", "says", "added", "noted", "confirmed", "told", "wrote", "tweeted", "posted",
    "stated", "declared", "announced", "insisted", "warned", "explained", "suggested", "asked",
    "replied", "responded", "continued", "stressed", "argued", "recalled", "urged",
)  # fmt: skip
_VERB = re.compile(r"\b(?:" + "|".join(SPEECH_VERBS) + r")\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")


@dataclass(frozen=True)
class Quotation:
    """Words between quotation marks: [start, end) spans the marks, [inner_start, inner_end)
    the words; `sentence` is the span of the sentence holding them."""

    paragraph: int
    start: int
    end: int
    inner_start: int
    inner_end: int
    sentence: tuple[int, int]

    def words(self, raw: str) -> str:
        return raw[self.inner_start : self.inner_end]


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]
    quotations: tuple[Quotation, ...]


def _quote_marks(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the paragraph's quotations, marks included: curly “…” or straight "…"."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    closer = ""
    for position in range(start, end):
        character = raw[position]
        if opened is None and character in '“"':
            opened, closer = position, "”" if character == "“" else '"'
        elif opened is not None and character == closer:
            spans.append((opened, position + 1))
            opened = None
    return spans


def _abbreviation(raw: str, period: int) -> bool:
    """Whether the period at `period` ends an abbreviation or an initial."""
    word = re.search(r"[\w.]*$", raw[:period])
    token = word.group() if word else ""
    letters = token.replace(".", "")
    return len(letters) == 1 or "." in token or letters.lower() in _ABBREVIATIONS


def _sentences(
    raw: str, start: int, end: int, quotes: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The paragraph cut after each sentence's end, never inside a quotation."""
    cuts = [start]
    for match in _SENTENCE_END.finditer(raw, start, end):
        # A sentence may end just inside a closing mark (`deranged." Following`).
        inside = any(left < match.start() < right - 2 for left, right in quotes)
        if inside or (raw[match.start()] == "." and _abbreviation(raw, match.start())):
            continue
        cuts.append(match.end())
    cuts.append(end)
    spans = []
    for left, right in pairwise(cuts):
        while left < right and raw[left].isspace():
            left += 1
        if left < right:
            spans.append((left, right))
    return spans


def paragraphs(raw: str) -> list[Paragraph]:
    """Each non-blank line of the article, with its sentences and quotations."""
    found = []
    for index, line in enumerate(_LINE.finditer(raw)):
        start, end = line.span()
        if not line.group().strip():
            continue
        marks = _quote_marks(raw, start, end)
        sentences = _sentences(raw, start, end, marks)
        quotations = []
        for left, right in marks:
            if right - left < 3:
                continue
            holder = next((s for s in sentences if s[0] <= left < s[1]), (start, end))
            quotations.append(Quotation(index, left, right, left + 1, right - 1, holder))
        found.append(Paragraph(index, start, end, tuple(sentences), tuple(quotations)))
    return found


def speech_verb(text: str) -> re.Match[str] | None:
    """The first word of the text that reports speech ("said", "according to"), if any."""
    verb = _VERB.search(text)
    according = _ACCORDING.search(text)
    if verb and according:
        return verb if verb.start() < according.start() else according
    return verb or according
