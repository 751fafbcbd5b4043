"""What content/ already holds of the article, left out of its draft: drafting an article again
after curating part of it proposes only what is not there yet. A suggested citation is left out
when the record's field already cites those words (or words overlapping them), a status change
or a role when one already cites them, a candidate fact or meeting when a fact, meeting,
commitment or statement cites its sentence."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from generator.draft.draftfile import DraftFile
from generator.model import Corpus, Strict, Where, evidence_in
from generator.quotes import Span


def _overlaps(spans: list[Span], others: list[Span]) -> bool:
    return any(a.start < b.end and b.start < a.end for a in spans for b in others)


class Already:
    """The spans of one article that each record of the corpus cites."""

    def __init__(self, corpus: Corpus, source: str) -> None:
        self.corpus = corpus
        self.source = source
        self.article = corpus.texts.get(source)

    def spans(self, quotes: Any) -> list[Span]:
        """Where the quotes (one, or a list) are in the article."""
        if self.article is None:
            return []
        listed = [quotes] if isinstance(quotes, str) else list(quotes or [])
        return [span for quote in listed for span in self.article.spans(quote)]

    def cited(self, entity: Strict) -> dict[Where, list[Span]]:
        """The spans of the article each citation of the entity quotes, by the citation's path
        (`("cite", field)`, or `(list field, index, "cite")` for a status change or a role)."""
        return {
            where: [
                span
                for source, quote in evidence.quotes()
                if source == self.source
                for span in self.corpus.spans.get((source, quote), ())
            ]
            for where, evidence in evidence_in(entity)
        }

    def by_field(self, entity: Strict) -> dict[str, list[Span]]:
        return {str(w[1]): s for w, s in self.cited(entity).items() if len(w) == 2}

    def in_entries(self, entity: Strict, field: str) -> list[Span]:
        """The spans the entries of a list field (status changes, roles) cite."""
        return [span for w, spans in self.cited(entity).items() if w[0] == field for span in spans]

    @cached_property
    def claimed(self) -> list[Span]:
        """The spans of the article that the facts, meetings, commitments and statements cite
        for what they say: what the curator has made a record of (a sentence cited for a
        name, a meeting's included, has not been)."""
        return [
            span
            for kind in ("facts", "meetings", "commitments", "statements")
            for entity in self.corpus.entities.get(kind, {}).values()
            for field, spans in self.by_field(entity).items()
            if field not in ("name", "aliases")
            for span in spans
        ]

    def quoting(self, file: DraftFile) -> str | None:
        """The statement of content/ that cites the same words of the article as its text."""
        quotes = file.data.get("cite", {}).get("text", {}).get(self.source)
        spans = self.spans(quotes)
        return next(
            (
                statement_id
                for statement_id, statement in self.corpus.entities.get("statements", {}).items()
                if _overlaps(spans, self.by_field(statement).get("text", []))
            ),
            None,
        )

    def new_only(self, files: list[DraftFile]) -> list[DraftFile]:
        kept = []
        for file in files:
            entity = self.corpus.get(file.id) if file.adds_to else None
            if entity is not None:
                trimmed = self.additions(file, entity)
                if trimmed is not None:
                    kept.append(trimmed)
            elif file.kind == "statements" and not file.adds_to:
                kept.append(file)
                same = self.quoting(file)
                if same is not None and not any(same in line for line in file.header):
                    file.header.append(
                        f"review: content/statements/{same}.yml cites these words of the "
                        "article already: add to it instead, or leave this draft out."
                    )
            elif file.kind in ("facts", "meetings") and not file.adds_to:
                quotes = file.data["cite"].get("name" if file.kind == "meetings" else "claim", {})
                if not _overlaps(self.spans(quotes.get(self.source)), self.claimed):
                    kept.append(file)
            else:
                kept.append(file)
        return kept

    def additions(self, file: DraftFile, entity: Strict) -> DraftFile | None:
        """The additions less what the record has; None if nothing is left."""
        data: dict[str, Any] = {}
        reviews: dict[Where, str] = {}
        for key, value in file.data.items():
            if key == "cite":
                had = self.by_field(entity)
                cite = {}
                for field, evidence in value.items():
                    quotes = evidence[self.source]
                    new = [
                        q
                        for q in ([quotes] if isinstance(quotes, str) else quotes)
                        if not _overlaps(self.spans(q), had.get(field, []))
                    ]
                    if new:
                        cite[field] = {self.source: new[0] if len(new) == 1 else new}
                        if ("cite", field) in file.reviews:
                            reviews[("cite", field)] = file.reviews[("cite", field)]
                if cite:
                    data["cite"] = cite
            elif key in ("status_history", "roles"):
                had_entries = self.in_entries(entity, key)
                entries: list[Any] = []
                for index, entry in enumerate(value):
                    if _overlaps(self.spans(entry["cite"][self.source]), had_entries):
                        continue
                    for where, note in file.reviews.items():
                        if where[:2] == (key, index):
                            reviews[(key, len(entries), *where[2:])] = note
                    entries.append(entry)
                if entries:
                    data[key] = entries
            elif key == "boilerplate":
                lines = [line for line in value if line not in getattr(entity, "boilerplate", [])]
                for where, note in file.reviews.items():
                    if where[0] == key and value[int(where[1])] in lines:
                        reviews[(key, lines.index(value[int(where[1])]))] = note
                if lines:
                    data[key] = lines
            else:
                data[key] = value
        if not data:
            return None
        return DraftFile(file.kind, file.id, data, reviews, file.adds_to, file.header)
