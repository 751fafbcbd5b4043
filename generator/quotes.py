"""Finding a curator's quoted words in an article, tolerant only of typographic variants."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

# Characters that differ only typographically are mapped to one plain form before comparing.
_PLAIN_FORMS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}  # fmt: skip
# Replaced where they occur: they are few, and translate() would look up every character.
_ANY_TYPOGRAPHIC = re.compile("[" + "".join(_PLAIN_FORMS) + "]")
_SPACE = re.compile(r"\s+")
_RUN = re.compile(r"\s\s+")
# A curator may leave words out of a quote by writing [...] (or […]) where they were.
ELLIPSIS = re.compile(r"\s*\[(?:\.\.\.|\u2026)\]\s*")
# How many characters `[...]` may leave out: enough for a clause, not for half an article.
MAX_GAP = 400


class Span(NamedTuple):
    """Where quoted words sit in the article's original text: [start, end) character offsets.
    (A tuple: there is one per quote, made by workers and sent back.)"""

    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A stretch of the article shown to a curator, with the line it starts on."""

    text: str
    line: int
    score: float = 0.0


class Offsets:
    """Maps a character of the normalized text back to the original: only runs of two or more
    white-space characters shift the offsets, so only where each shift starts is kept."""

    def __init__(self, starts: list[int], shifts: list[int], length: int) -> None:
        self._starts = starts  # normalized positions where a shift begins, ascending
        self._shifts = shifts  # the total shift from each of those positions on
        self._length = length  # of the normalized text

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, position: int) -> int:
        # As strict as the list it replaces, but a position from the end is no use here.
        if not 0 <= position < self._length:
            raise IndexError(f"position {position} outside a text of {self._length}")
        return position + self._shifts[bisect_right(self._starts, position) - 1]


def normalize(text: str) -> tuple[str, Offsets]:
    """Plain-typography text with single spaces, and for each of its characters the offset
    of the character it came from, so matches can be mapped back to the original."""
    plain = _typographic(text)
    starts, shifts = [0], [0]
    # A run of white space becomes one space, at the offset of the run's first character; the
    # characters after it sit the run's length less one further on in the original.
    for run in _RUN.finditer(plain):
        shift = shifts[-1] + run.end() - run.start() - 1
        starts.append(run.start() - shifts[-1] + 1)
        shifts.append(shift)
    normalized = _SPACE.sub(" ", plain)
    return normalized, Offsets(starts, shifts, len(normalized))


def _typographic(text: str) -> str:
    return _ANY_TYPOGRAPHIC.sub(_plain_form, text)


def _plain_form(match: re.Match[str]) -> str:
    return _PLAIN_FORMS[match[0]]


def _plain(text: str) -> str:
    return _SPACE.sub(" ", _typographic(text)).strip()


class ArticleText:
    """An archived article's text, searchable for quotes. It is normalized when first searched,
    which may be in a worker searching it for quotes (not in the process that read it)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw

    @cached_property
    def _normalized(self) -> tuple[str, Offsets]:
        return normalize(self.raw)

    @property
    def plain(self) -> str:
        """The text with plain typography and single spaces, which quotes are looked for in."""
        return self._normalized[0]

    @property
    def _offsets(self) -> Offsets:
        return self._normalized[1]

    def find(self, quote: str) -> tuple[Span, ...] | None:
        """The spans of the first occurrence (one per `[...]`-separated segment), or None."""
        found = self.find_all(quote, limit=1)
        return found[0] if found else None

    def find_all(self, quote: str, limit: int | None = None) -> list[tuple[Span, ...]]:
        """Every occurrence of the quote (words repeated in an article are cited everywhere), each
        as the spans of its segments: words left out with `[...]` are not part of the citation."""
        segments = [_plain(s) for s in ELLIPSIS.split(quote)]
        if not all(segments):
            return []
        found: list[tuple[Span, ...]] = []
        start = self._find_word(segments[0], 0)
        while start >= 0 and (limit is None or len(found) < limit):
            rest = self._match_rest(segments[1:], start + len(segments[0]))
            if rest is None:
                break  # later starts cannot find the rest either
            found.append((self._span(start, start + len(segments[0])), *rest))
            start = self._find_word(segments[0], start + 1)
        return found

    def spans(self, quote: str) -> list[Span]:
        """Every span of every occurrence of the quote, in the article's order."""
        return [span for found in self.find_all(quote) for span in found]

    def _span(self, start: int, end: int) -> Span:
        return Span(self._offsets[start], self._offsets[end - 1] + 1)

    def _find_word(self, segment: str, position: int) -> int:
        """Where the segment next occurs from `position` without starting or ending inside a
        word ("clear" is not in "unclear"), or -1."""
        plain = self.plain
        found = plain.find(segment, position)
        while found >= 0:
            end = found + len(segment)
            starts_clean = not (segment[0].isalnum() and found > 0 and plain[found - 1].isalnum())
            ends_clean = not (segment[-1].isalnum() and end < len(plain) and plain[end].isalnum())
            if starts_clean and ends_clean:
                return found
            found = plain.find(segment, found + 1)
        return -1

    def _match_rest(self, segments: list[str], position: int) -> list[Span] | None:
        """The spans of the remaining segments, found in order and each within MAX_GAP of the
        previous one, or None."""
        spans: list[Span] = []
        for segment in segments:
            found = self._find_word(segment, position)
            if found < 0 or found - position > MAX_GAP:
                return None
            spans.append(self._span(found, found + len(segment)))
            position = found + len(segment)
        return spans

    def line_of(self, offset: int) -> int:
        return self.raw.count("\n", 0, offset) + 1

    def closest(self, quote: str) -> Passage:
        """The passage of the article that best matches a quote that was not found."""
        # Imported here: only a quote that was not found needs it, and loading it is a tenth of
        # what every other import of a run costs.
        from rapidfuzz import fuzz

        wanted = _plain(ELLIPSIS.sub(" ", quote))
        if not wanted or not self.plain:
            return Passage("", 1)
        match = fuzz.partial_ratio_alignment(wanted, self.plain)
        start, end = match.dest_start, match.dest_end
        # Widen to whole words so the curator sees words, not fragments.
        while start > 0 and self.plain[start - 1] not in " \n":
            start -= 1
        while end < len(self.plain) and self.plain[end] not in " \n":
            end += 1
        raw_start = self._offsets[start]
        raw_end = self._offsets[end - 1] + 1 if end > start else raw_start
        text = _plain(self.raw[raw_start:raw_end])
        return Passage(text, self.line_of(raw_start), match.score)
