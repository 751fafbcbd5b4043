"""What changed since a git revision does to the briefing: for each changed article, the quotes
that broke and the quoted sentences that changed; for each changed article or content file, the
pages to look at again."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath

from pydantic import ValidationError

from generator.check import check, closest_hint, shorten
from generator.coverage import Sentence, sentences
from generator.history import Change, Status, changes, export_at, read_at, resolve
from generator.index import build_views, page_tags, tags_carried
from generator.layout import (
    DATED_PAGES,
    INDEX_KINDS,
    PAGE_KINDS,
    TAGS_PAGE,
    index_path,
    page_path,
    pages_showing,
)
from generator.load import TAGS, RawCorpus, RawRecord, load_corpus, parse_record
from generator.model import KINDS, Corpus, Statement, Strict, evidence_in
from generator.problems import Location, Problem
from generator.quotes import ArticleText, Span, normalize
from generator.render import TemplateFailed, render_site
from generator.snapshot import CONTENT, SEEDS

# Fields that place an entity in time (a role's `start` and `end` too).
DATE_FIELDS = frozenset({"date", "published", "start", "end"})


@dataclass(frozen=True, order=True)
class QuoteImpact:
    """A quote of a changed article to look at again: broken (its words are no longer in the
    article), or still there in a sentence that changed around it."""

    location: Location
    broken: bool
    message: str
    hint: str

    def format(self) -> str:
        severity = "error" if self.broken else "warning"
        return Problem(self.location, self.message, self.hint, severity).format()


@dataclass(frozen=True)
class FileImpact:
    """One changed article or content file (path relative to the root), and what it affects."""

    path: str
    status: Status
    quotes: tuple[QuoteImpact, ...]
    pages: tuple[str, ...]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass(frozen=True)
class Impact:
    """Everything that changed since `since`, and how many problems `check` finds now. When the
    content checks clean both then and now, `changed_pages` are exactly the generated pages
    whose text differs; otherwise each file's `pages` are those showing what it touches."""

    since: str
    files: tuple[FileImpact, ...]
    problems: int
    changed_pages: tuple[str, ...] | None = None

    @property
    def broken(self) -> list[QuoteImpact]:
        return [quote for file in self.files for quote in file.quotes if quote.broken]

    @property
    def changed(self) -> list[QuoteImpact]:
        return [quote for file in self.files for quote in file.quotes if not quote.broken]

    @property
    def pages(self) -> list[str]:
        if self.changed_pages is not None:
            return list(self.changed_pages)
        return sorted({page for file in self.files for page in file.pages})

    def lines(self) -> list[str]:
        """The report: per changed file, its broken and changed quotes (and, when the exact
        pages cannot be known, the pages showing what it touches); then the pages changed."""
        if not self.files and not self.changed_pages:
            return [f"no article or content file changed since {self.since}"]
        lines: list[str] = []
        for file in self.files:
            lines.append(f"{file.path}: {file.status} since {self.since}")
            lines.extend(quote.format() for quote in file.quotes)
            if self.changed_pages is None:
                lines.append(f"  pages affected: {', '.join(file.pages) or 'none'}")
        if self.changed_pages is not None:
            lines.append(f"pages changed: {', '.join(self.changed_pages) or 'none'}")
        return lines

    def summary(self) -> str:
        text = (
            f"{_plural(len(self.broken), 'quote')} broke, "
            f"{_plural(len(self.changed), 'quoted sentence')} changed, "
            f"{_plural(len(self.pages), 'page')} affected since {self.since}"
        )
        if self.problems:
            text += f"; `briefing check` finds {_plural(self.problems, 'problem')}"
        return text


def _dates(data: object) -> list[str]:
    """Every date in a record's data, outside its citations, in the order written."""
    if isinstance(data, dict):
        return [
            date
            for key, value in data.items()
            if key != "cite"
            for date in ([str(value)] if key in DATE_FIELDS else _dates(value))
        ]
    if isinstance(data, list):
        return [date for item in data for date in _dates(item)]
    return []


def _tags(record: RawRecord | None) -> object:
    """The tags a record's data gives, as written."""
    return record.data.get("tags") if record is not None and record.data is not None else None


def _validated(record: RawRecord | None) -> Strict | None:
    if record is None or record.data is None:
        return None
    try:
        return KINDS[record.kind].model_validate(record.data)
    except ValidationError:
        return None


@lru_cache(maxsize=16)
def _sentences(text: str) -> tuple[Sentence, ...]:
    """An article's sentences, split once however many of its quotes are compared."""
    return tuple(sentences(text))


class _Assessor:
    """Compares one revision with the working tree, whose corpus it loads and checks once."""

    def __init__(self, root: Path, commit: str, raw: RawCorpus, corpus: Corpus) -> None:
        self.root = root
        self.commit = commit
        self.raw = raw
        self.corpus = corpus
        self.records = {record.path: record for record in raw.records}
        self.views = build_views(corpus)

    def entities(self) -> Iterator[tuple[str, str, Strict, RawRecord]]:
        for kind, entities in self.corpus.entities.items():
            for entity_id, entity in entities.items():
                yield kind, entity_id, entity, self.records[self.corpus.files[entity_id]]

    def pages_of(self, kind: str, entity_id: str, entity: Strict | None) -> set[str]:
        kind_of = self.corpus.kind_of
        pages = pages_showing(kind, entity_id, entity, kind_of)
        # A dispute is shown whole wherever one of its sides is (those the entity disputes now,
        # or did before a change, included).
        sides = {*self.views.disputes.get(entity_id, ()), *getattr(entity, "disputes", ())}
        for side in sides - {entity_id}:
            side_kind = kind_of(side)
            if side_kind is not None:
                pages |= pages_showing(side_kind, side, self.corpus.get(side), kind_of)
        return pages

    def article(self, change: Change) -> FileImpact:
        source = PurePosixPath(change.path).stem
        old_text = read_at(self.root, self.commit, change.path)
        old = ArticleText(old_text) if old_text and old_text.strip() else None
        new = self.corpus.texts.get(source)  # the checker's, blank texts left out
        # An article's own page shows its text; adding or removing one changes the lists of them.
        pages = {page_path("sources", source)}
        if change.status != "changed":
            pages |= {index_path("sources"), *DATED_PAGES}
        quotes: list[QuoteImpact] = []
        for kind, entity_id, entity, record in self.entities():
            found = list(self.quotes(source, old, new, entity, record))
            if isinstance(entity, Statement):
                found.extend(self.verbatim(source, old, new, entity, record))
            if found:
                quotes.extend(found)
                pages |= self.pages_of(kind, entity_id, entity)
        return FileImpact(change.path, change.status, tuple(sorted(quotes)), tuple(sorted(pages)))

    def quotes(
        self,
        source: str,
        old: ArticleText | None,
        new: ArticleText | None,
        entity: Strict,
        record: RawRecord,
    ) -> Iterator[QuoteImpact]:
        """The entity's quotes of `source` that broke or whose sentence changed."""
        for where, evidence in evidence_in(entity):
            cited = [quote for s, quote in evidence.quotes() if s == source]
            for index, quote in enumerate(cited):
                # Located only when reported: that reads the record's file again.
                at = (*where, source, index)
                # Each text searched once: whether the quote is there, and around which words.
                before = old.spans(quote) if old is not None else []
                after = new.spans(quote) if new is not None else []
                if not after:
                    verb = "no longer in" if before else "not found in"
                    yield QuoteImpact(
                        record.marks.at(at),
                        True,
                        f"quote {verb} `{source}`",
                        self.closest(source, new, quote),
                    )
                elif old is not None and new is not None and before:
                    changed = self.changed_sentence(old, new, before, after)
                    if changed is not None:
                        yield QuoteImpact(
                            record.marks.at(at),
                            False,
                            f"the sentence quoted from `{source}` changed",
                            f"it now reads, seeds/{source}.txt:{changed.line}: "
                            f'"{shorten(changed.text)}"; check that the fact still holds',
                        )

    def verbatim(
        self,
        source: str,
        old: ArticleText | None,
        new: ArticleText | None,
        statement: Statement,
        record: RawRecord,
    ) -> Iterator[QuoteImpact]:
        """The statement's `text`, if it was verbatim in `source` and no cited article has it."""
        evidence = statement.cite.text  # type: ignore[attr-defined]
        cited = evidence.sources() if evidence is not None else []
        if source not in cited or old is None or old.find(statement.text) is None:
            return
        texts = [self.corpus.texts.get(s) for s in cited]
        if any(text is not None and text.find(statement.text) for text in texts):
            return
        yield QuoteImpact(
            record.marks.at(("text",)),
            True,
            f"the statement's `text` is no longer verbatim in `{source}`",
            self.closest(source, new, statement.text),
        )

    @staticmethod
    def closest(source: str, new: ArticleText | None, quote: str) -> str:
        if new is None:
            return f"seeds/{source}.txt is gone or empty; restore it, or cite another article"
        return closest_hint(new, source, quote)

    @staticmethod
    def changed_sentence(
        old: ArticleText, new: ArticleText, old_spans: list[Span], new_spans: list[Span]
    ) -> Sentence | None:
        """The first sentence around the quote (at `new_spans`) in the new text that the old
        text did not have around it (at `old_spans`), or None if the quote sits in the same
        sentences as before."""

        def around(text: ArticleText, spans: list[Span]) -> dict[str, Sentence]:
            return {
                normalize(sentence.text)[0]: sentence
                for sentence in _sentences(text.raw)
                if any(span.start < sentence.end and sentence.start < span.end for span in spans)
            }

        before, after = around(old, old_spans), around(new, new_spans)
        if before.keys() == after.keys():
            return None
        added = [after[key] for key in after.keys() - before.keys()]
        # Only removed: the quote no longer sits in a sentence it did; show where it still is.
        return min(added or after.values(), key=lambda sentence: sentence.start)

    def content(self, change: Change) -> FileImpact:
        path = PurePosixPath(change.path)
        kind, entity_id = path.parent.name, path.stem
        new_record = self.records.get(change.path)
        is_current = self.corpus.files.get(entity_id) == change.path
        new_entity = self.corpus.entities[kind].get(entity_id) if is_current else None
        old_text = read_at(self.root, self.commit, change.path)
        old_record = parse_record(kind, change.path, old_text)[0] if old_text is not None else None
        pages = self.pages_of(kind, entity_id, new_entity)
        # What the entity named before: pages that showed it and may no longer.
        pages |= self.pages_of(kind, entity_id, _validated(old_record))
        if change.status != "changed" and kind in INDEX_KINDS:
            pages.add(index_path(kind))
        old_dates = _dates(old_record.data if old_record else None)
        if old_dates != _dates(new_record.data if new_record else None):
            pages |= set(DATED_PAGES)
        if _tags(old_record) != _tags(new_record):
            pages.add(TAGS_PAGE)
        return FileImpact(change.path, change.status, (), tuple(sorted(pages)))

    def tags(self, change: Change) -> FileImpact:
        """content/tags.yml: the tags page and the pages showing each tag declared, removed or
        described anew (to see that the tag, as now described, still fits them)."""
        old_text = read_at(self.root, self.commit, change.path)
        old = parse_record("tags", change.path, old_text)[0].data if old_text is not None else None
        new = self.raw.tags.data if self.raw.tags is not None else None
        old, new = old or {}, new or {}
        changed = {tag for tag in old.keys() | new.keys() if old.get(tag) != new.get(tag)}
        pages = {TAGS_PAGE} if changed & tags_carried(self.corpus) else set()
        for kind in PAGE_KINDS:
            for entity_id, entity in self.corpus.entities[kind].items():
                if changed & page_tags(self.corpus, self.views, entity_id, entity):
                    pages.add(page_path(kind, entity_id))
        return FileImpact(change.path, change.status, (), tuple(sorted(pages)))


def _is_article(path: PurePosixPath) -> bool:
    return len(path.parts) == 2 and path.parts[0] == SEEDS and path.suffix == ".txt"


def _is_content(path: PurePosixPath) -> bool:
    return (
        len(path.parts) == 3
        and path.parts[0] == CONTENT
        and path.parts[1] in KINDS
        and path.suffix == ".yml"
    )


def impact(root: Path, since: str) -> Impact:
    """Compare the working tree under `root` with git revision `since` (HistoryError if git
    cannot): articles first, then content files, each in path order."""
    commit = resolve(root, since)
    changed = changes(root, commit, (CONTENT, SEEDS))
    raw = load_corpus(root)
    corpus, problems = check(raw)
    assessor = _Assessor(root, commit, raw, corpus)
    articles = [assessor.article(c) for c in changed if _is_article(PurePosixPath(c.path))]
    contents = [
        assessor.tags(c) if c.path == TAGS else assessor.content(c)
        for c in changed
        if c.path == TAGS or _is_content(PurePosixPath(c.path))
    ]
    exact = None if problems else _changed_pages(root, commit, corpus)
    return Impact(since, (*articles, *contents), len(problems), exact)


def _pages(root: Path, corpus: Corpus) -> dict[str, str | bytes]:
    return {path: text for path, text in render_site(root, corpus) if path.endswith(".md")}


def _changed_pages(root: Path, commit: str, corpus: Corpus) -> tuple[str, ...] | None:
    """The generated pages whose text differs between the commit and now (the working tree's
    corpus, checked clean): both are rendered, each with its own templates. None if the content
    at the commit does not check clean, so its pages cannot be generated."""
    with tempfile.TemporaryDirectory(prefix="briefing-impact-") as folder:
        then = Path(folder)
        export_at(root, commit, then)
        old_corpus, old_problems = check(load_corpus(then))
        if old_problems:
            return None
        try:
            old = _pages(then, old_corpus)
        except TemplateFailed:
            return None  # its templates need what this generator no longer has
    new = _pages(root, corpus)
    return tuple(sorted(page for page in old.keys() | new.keys() if old.get(page) != new.get(page)))
