"""Finding a curator's quoted words in an article, tolerant only of typographic variants."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
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
# Encoding, not wording: a byte order mark is dropped, and composed and decomposed accents
# (NFC and NFD) compare equal. Other invisible characters are words' business: they are named
# when a quote is not found.
_BOM = "\ufeff"
# Characters outside ASCII, with the one before them: an ASCII character never composes with
# one before it, so NFC can change only these stretches.
_NOT_ASCII = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
# A curator may leave words out of a quote by writing [...] (or […]) where they were.
ELLIPSIS = re.compile(r"\s*\[(?:\.\.\.|\u2026)\]\s*")
# How many characters `[...]` may leave out: enough for a clause, not for half an article.
MAX_GAP = 400


class Span(NamedTuple):
    """Where quoted words sit in the article's original text: [start, end) character offsets."""

    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A stretch of the article shown to a curator, with the line it starts on."""

    text: str
    line: int
    score: float = 0.0
    # Where it is in the article's original text: [start, end) character offsets.
    start: int = 0
    end: int = 0


class Offsets:
    """Maps a character of the normalized text back to the original. Few places shift the
    offsets (runs of two or more white-space characters, a composed accent), so only where
    each shift starts is kept."""

    def __init__(self, starts: list[int], shifts: list[int], length: int, original: int) -> None:
        self._starts = starts  # normalized positions where a shift begins, ascending
        self._shifts = shifts  # the total shift from each of those positions on
        self._length = length  # of the normalized text
        self._original = original  # the length of the original text

    @classmethod
    def of(cls, origins: list[int], original: int) -> Offsets:
        """The map that gives each normalized character's offset in `origins`."""
        starts, shifts = [0], [origins[0] if origins else 0]
        for position, origin in enumerate(origins):
            if origin - position != shifts[-1]:
                starts.append(position)
                shifts.append(origin - position)
        return cls(starts, shifts, len(origins), original)

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, position: int) -> int:
        # As strict as the list it replaces, but a position from the end is no use here.
        if not 0 <= position < self._length:
            raise IndexError(f"position {position} outside a text of {self._length}")
        return position + self._shifts[bisect_right(self._starts, position) - 1]

    def end(self, position: int) -> int:
        """Where the character at `position` ends in the original (an accent composed with it,
        or a byte order mark dropped after it, included): where the next one begins."""
        return self[position + 1] if position + 1 < self._length else self._original


def normalize(text: str) -> tuple[str, Offsets]:
    """Plain-typography text with single spaces, and for each of its characters the offset
    of the character it came from, so matches can be mapped back to the original."""
    if _BOM in text or not unicodedata.is_normalized("NFC", text):
        return _normalize_encoding(text)
    plain = _typographic(text)
    starts, shifts = [0], [0]
    # A run of white space becomes one space, at the offset of the run's first character; the
    # characters after it sit the run's length less one further on in the original.
    for run in _RUN.finditer(plain):
        shift = shifts[-1] + run.end() - run.start() - 1
        starts.append(run.start() - shifts[-1] + 1)
        shifts.append(shift)
    normalized = _SPACE.sub(" ", plain)
    return normalized, Offsets(starts, shifts, len(normalized), len(text))


def _normalize_encoding(text: str) -> tuple[str, Offsets]:
    """normalize() of a text with a byte order mark or accents not in NFC: character by
    character, as such texts are rare."""
    kept = [offset for offset, character in enumerate(text) if character != _BOM]
    bare = text.replace(_BOM, "")
    composed: list[str] = []
    origins: list[int] = []
    for start, end in _parts(bare):
        part = bare[start:end]
        piece = _nfc(part)
        composed.append(piece)
        # A composed letter comes from the first of the characters composed.
        origins.extend(kept[start:end] if piece == part else [kept[start]] * len(piece))
    characters: list[str] = []
    offsets: list[int] = []
    space = False
    for character, origin in zip(_typographic("".join(composed)), origins, strict=True):
        if character.isspace():
            if space:
                continue
            character = " "
        space = character == " "
        characters.append(character)
        offsets.append(origin)
    return "".join(characters), Offsets.of(offsets, len(text))


def _parts(text: str) -> list[tuple[int, int]]:
    """The text cut where NFC of the whole is NFC of each part: each letter outside ASCII
    apart, with the accents that compose with it (an ASCII character never composes with
    what comes before it)."""
    cuts = {0, len(text)}
    for stretch in _NOT_ASCII.finditer(text):
        start, end = stretch.span()
        inner = [start]
        for position in range(start + 1, end):
            before, character = text[inner[-1] : position], text[position]
            alone = _nfc(before) + _nfc(character)
            if unicodedata.combining(character) == 0 and _nfc(before + character) == alone:
                inner.append(position)
        inner.append(end)
        pieces = "".join(_nfc(text[left:right]) for left, right in pairwise(inner))
        # A sequence these cuts do not foresee is kept whole: its letters all map to its start.
        cuts.update(inner if pieces == _nfc(text[start:end]) else (start, end))
    return list(pairwise(sorted(cuts)))


def invisible(text: str) -> list[int]:
    """Where the text holds an invisible format character (Unicode category Cf: a zero-width
    space, a soft hyphen, a direction mark), a byte order mark aside."""
    return [
        offset
        for offset, character in enumerate(text)
        if character != _BOM and unicodedata.category(character) == "Cf"
    ]


def describe(character: str) -> str:
    """A character as a curator can look it up: `a soft hyphen (U+00AD)`."""
    name = unicodedata.name(character, "format character").lower()
    name = name.replace("zero width", "zero-width")  # as it is usually written
    return f"{'an' if name[0] in 'aeiou' else 'a'} {name} (U+{ord(character):04X})"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _typographic(text: str) -> str:
    return _ANY_TYPOGRAPHIC.sub(_plain_form, text)


def _plain_form(match: re.Match[str]) -> str:
    return _PLAIN_FORMS[match[0]]


def _plain(text: str) -> str:
    if not text.isascii():  # ASCII has no byte order mark and nothing to compose
        text = _nfc(text.replace(_BOM, ""))
    return _SPACE.sub(" ", _typographic(text)).strip()


class ArticleText:
    """An archived article's text, searchable for quotes; normalized when first searched."""

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
        return Span(self._offsets[start], self._offsets.end(end - 1))

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
        if match is None:  # only with a score cut-off, which is not given
            return Passage("", 1)
        start, end = match.dest_start, match.dest_end
        # Widen to whole words so the curator sees words, not fragments.
        while start > 0 and self.plain[start - 1] not in " \n":
            start -= 1
        while end < len(self.plain) and self.plain[end] not in " \n":
            end += 1
        raw_start = self._offsets[start]
        raw_end = self._offsets.end(end - 1) if end > start else raw_start
        text = _plain(self.raw[raw_start:raw_end])
        return Passage(text, self.line_of(raw_start), match.score, raw_start, raw_end)
