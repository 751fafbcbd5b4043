"""How much of each article the facts cite: the article split into sentences, each counted as cited
when quoted passages cover at least half of it, boilerplate (listed per source) left out."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Corpus, Source
from generator.quotes import ArticleText, Span

# A sentence counts as cited when quotes cover at least this share of its letters and digits.
CITED_SHARE = 0.5

# A sentence ends at . ! or ? (and any closing quotes or brackets) before white space and a capital,
# digit or opening quote, unless the word before is an abbreviation such as U.S., J. or Feb.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.)+$|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|"
    r"Rep|Gov|Lt|Col|No|vs|etc)\.$"
)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    line: int


@dataclass(frozen=True)
class SourceCoverage:
    source: str
    cited: list[Sentence]
    uncited: list[Sentence]
    boilerplate: list[Sentence]

    @property
    def fact_bearing(self) -> int:
        return len(self.cited) + len(self.uncited)

    @property
    def percent(self) -> int:
        """Rounded down, so 100 means every sentence is cited."""
        return 100 * len(self.cited) // self.fact_bearing if self.fact_bearing else 100

    def summary(self) -> str:
        return (
            f"{self.source}: {len(self.cited)}/{self.fact_bearing} fact-bearing sentences cited "
            f"({self.percent}%)"
        )


def sentences(text: str) -> list[Sentence]:
    """The sentences of an article; every non-empty line (a heading, a caption) is at least one."""
    found: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        start = 0
        for match in _END.finditer(line):
            if _ABBREVIATION.search(line, start, match.start() + 1):
                continue
            found.extend(_sentence(line, start, match.end(), offset, number))
            start = match.end()
        found.extend(_sentence(line, start, len(line), offset, number))
        offset += len(line) + 1
    return found


def _sentence(line: str, start: int, end: int, offset: int, number: int) -> list[Sentence]:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    first = start + len(piece) - len(piece.lstrip())
    return [Sentence(offset + first, offset + first + len(stripped), stripped, number)]


def _letters(text: str) -> bytes:
    """1 for each letter or digit of the text (`str.isalnum`), 0 for anything else."""
    return bytes(map(str.isalnum, text))


def _letters_in(letters: bytes, spans: list[Span]) -> bytearray:
    """1 for each letter or digit inside a span: built once per article."""
    mask = bytearray(len(letters))
    for span in spans:
        mask[span.start : span.end] = letters[span.start : span.end]
    return mask


def _share(marked: bytearray, sentence: Sentence, letters: int) -> float:
    """The share of the sentence's `letters` letters and digits that are marked."""
    return marked.count(1, sentence.start, sentence.end) / letters if letters else 1.0


def source_coverage(
    corpus: Corpus, source_id: str, quoted: list[Span], excluded: list[Span]
) -> SourceCoverage:
    """One source's coverage, from its cited spans and its boilerplate's."""
    article: ArticleText = corpus.texts[source_id]
    cited: list[Sentence] = []
    uncited: list[Sentence] = []
    boilerplate: list[Sentence] = []
    letters = _letters(article.raw)
    dimmed, quoted_letters = _letters_in(letters, excluded), _letters_in(letters, quoted)
    for sentence in sentences(article.raw):
        total = letters.count(1, sentence.start, sentence.end)
        if _share(dimmed, sentence, total) == 1.0:
            boilerplate.append(sentence)
        elif _share(quoted_letters, sentence, total) >= CITED_SHARE:
            cited.append(sentence)
        else:
            uncited.append(sentence)
    return SourceCoverage(source_id, cited, uncited, boilerplate)


def boilerplate_spans(article: ArticleText, source: Source) -> list[Span]:
    """Where the source's listed boilerplate passages sit in its article."""
    return [span for passage in source.boilerplate for span in article.spans(passage)]


def spans_by_source(corpus: Corpus) -> dict[str, list[Span]]:
    """Every cited span, grouped by source in one pass."""
    grouped: dict[str, list[Span]] = {}
    for (source, _), spans in corpus.spans.items():
        grouped.setdefault(source, []).extend(spans)
    return grouped


def coverage(corpus: Corpus) -> list[SourceCoverage]:
    grouped = spans_by_source(corpus)
    sources = corpus.of("sources", Source)
    return [
        source_coverage(
            corpus,
            source_id,
            grouped.get(source_id, []),
            boilerplate_spans(corpus.texts[source_id], sources[source_id]),
        )
        for source_id in sorted(sources)
    ]
