"""Checks raw records against the model, the references between them and the quotes against the
article texts; returns the valid corpus and every problem found, in file and line order."""

from __future__ import annotations

import difflib
import re
import types
from functools import partial
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from generator.cache import Memo
from generator.dates import DateError, parse_period
from generator.load import SLUG, TAGS, RawCorpus, RawRecord, slug_hint, slugify
from generator.model import (
    ANY_KIND,
    KINDS,
    NOT_BLANK,
    NOT_BLANK_QUOTE,
    ONE_LINE,
    SINGULAR,
    SLUG_PATTERN,
    Commitment,
    Corpus,
    Evidence,
    Meeting,
    Source,
    Statement,
    Strict,
    Where,
    evidence_in,
    references_in,
)
from generator.problems import Location, Problem, sort_problems
from generator.quotes import ArticleText, Span, describe, invisible
from generator.snapshot import hash_bytes, hash_lines


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`?" if close else ""


# Below this similarity (0-100) the "closest passage" is noise, not a help.
CLOSEST_SCORE = 60
CLOSEST_CHARS = 240


def shorten(text: str) -> str:
    """Text cut at a word to at most CLOSEST_CHARS characters, for a one-line hint."""
    return text if len(text) <= CLOSEST_CHARS else text[:CLOSEST_CHARS].rsplit(" ", 1)[0] + " …"


def closest_hint(text: ArticleText, source: str, quote: str) -> str:
    """Where the article says something like the quote, for a curator to compare."""
    passage = text.closest(quote)
    if not passage.text or passage.score < CLOSEST_SCORE:
        return f"nothing like it in seeds/{source}.txt; copy the words from the article"
    hint = f'closest passage, seeds/{source}.txt:{passage.line}: "{shorten(passage.text)}"'
    raw = text.raw[passage.start : passage.end]
    lacking = [offset for offset in invisible(raw) if raw[offset] not in quote]
    if lacking:
        # Invisible on the screen, so the curator cannot see why the words differ.
        offset = passage.start + lacking[0]
        line = text.line_of(offset)
        column = offset - (text.raw.rfind("\n", 0, offset) + 1) + 1
        code = f"\\u{ord(text.raw[offset]):04x}"
        hint += (
            f"; it holds {describe(text.raw[offset])} at seeds/{source}.txt:{line}:{column}, "
            f'which the quote lacks: write it in the quote as `{code}` inside "double quotes"'
        )
    return hint


def _dotted(where: Where) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return "text"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model class inside an annotation such as `list[Role]` or `Evidence | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, types.UnionType):
        for argument in get_args(annotation):
            found = _model_in(argument)
            if found:
                return found
    return None


def _fields_at(model: type[BaseModel], where: Where) -> list[str]:
    """The field names allowed in the mapping that holds `where`."""
    current: type[BaseModel] | None = model
    for part in where[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if current else None
        current = _model_in(info.annotation) if info else None
    return list(current.model_fields) if current else []


def _validation_problem(
    record: RawRecord, model: type[BaseModel], error: Any, known: set[str]
) -> Problem:
    where: Where = tuple(error["loc"])
    field = _dotted(where)
    name = where[-1] if where else ""
    value = error.get("input")
    kind = error["type"]
    marks = record.marks
    if kind == "extra_forbidden":
        allowed = _fields_at(model, where)
        if f"{name}_history" in model.model_fields:
            # Once a single field: the value is now the newest entry of its history.
            return Problem(
                marks.at(where, key=True),
                f"unknown field `{field}`",
                f"write it as an entry of `{name}_history`: "
                f'`- {{date: ..., {name}: ..., cite: {{SOURCE-ID: "the exact words"}}}}`',
            )
        listing = "fields that can be cited" if where[-2:-1] == ("cite",) else "the fields here are"
        hint = did_you_mean(str(name), allowed) or f"{listing}: {', '.join(allowed)}"
        return Problem(marks.at(where, key=True), f"unknown field `{field}`", hint)
    location = marks.at(where[:-1] if kind == "missing" else where)
    if kind == "missing":
        return Problem(location, f"missing required field `{field}`", f"add `{name}: ...`")
    if kind == "string_type":
        hint = "put the value in quotes" if isinstance(value, bool) else ""
        return Problem(location, f"`{field}` should be text, not {_describe(value)}", hint)
    if kind == "bool_type":
        message = f"`{field}` should be `true` or `false`, not {_describe(value)}"
        return Problem(location, message, f"write `{name}: true`, or leave it out")
    if kind == "list_type":
        hint = f"write `{name}: [first, second]`, or one `- item` per line"
        return Problem(location, f"`{field}` should be a list, not {_describe(value)}", hint)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        hint = "write the fields indented on the lines below"
        message = f"`{field}` should be a set of fields, not {_describe(value)}"
        return Problem(location, message, hint)
    if kind == "literal_error":
        expected = error["ctx"]["expected"]
        choices = [c.strip(" '") for c in expected.replace(" or ", ", ").split(",")]
        hint = did_you_mean(str(value), choices) or f"use one of: {', '.join(choices)}"
        return Problem(location, f"`{field}` cannot be `{value}`", hint)
    if kind == "string_pattern_mismatch":
        if error["ctx"]["pattern"] == NOT_BLANK:
            return Problem(location, f"`{field}` is empty", "write the text, or remove the field")
        if error["ctx"]["pattern"] == NOT_BLANK_QUOTE:
            return Problem(location, f"`{field}`: the quote is empty", "write the exact words")
        if error["ctx"]["pattern"] == SLUG_PATTERN:
            # A path or a name written instead of an id: suggest the id it most likely means.
            candidate = slugify(str(value).rsplit("/", 1)[-1])
            hint = (
                (f"did you mean `{candidate}`?" if candidate in known else "")
                or did_you_mean(candidate, known)
                or slug_hint(value)
            )
            return Problem(location, f"`{value}` in `{field}` is not a valid id", hint)
        return Problem(location, f"`{field}` is not a web address", "start it with https://")
    if kind == "string_too_short":
        return Problem(location, f"`{field}` is empty", "write the text, or remove the field")
    if kind == "date":
        return Problem(location, f"`{field}`: {error['msg']}", error["ctx"]["hint"])
    if kind == "too_short":
        hint = 'write `SOURCE-ID: "the exact words"`' if "cite" in where else ""
        return Problem(location, f"`{field}` needs at least one item", hint)
    return Problem(location, f"`{field}`: {error['msg']}", "")


def _not_found_hint(
    record: RawRecord, where: Where, text: ArticleText, source: str, quote: str
) -> str:
    """What to do about words not found in an article: delete the invisible characters that
    the article does not hold, or compare with its closest passage."""
    written = [offset for offset in invisible(quote) if quote[offset] not in text.raw]
    if not written:
        return closest_hint(text, source, quote)
    character = quote[written[0]]
    start, found = record.marks.at(where), record.marks.find(where, character)
    at = ""
    if found is not None and found.line == start.line:
        at = f" at column {found.column}"
    elif found is not None:
        at = f" at line {found.line}, column {found.column}"
    if len(written) == 1:
        return f"the quote holds {describe(character)}{at}: delete it"
    return (
        f"the quote holds {len(written)} invisible characters, the first "
        f"{describe(character)}{at}: delete them"
    )


# Every occurrence of a quote in an article, each as the spans of its segments.
Occurrences = list[tuple[Span, ...]]
# What checking one record found: its problems, and its quotes of the articles (source, quote).
Checked = tuple[list[Problem], list[tuple[str, str]]]


class _Checker:
    """Accumulates problems while checking one corpus."""

    def __init__(
        self,
        raw: RawCorpus,
        found: Memo[tuple[str, str], Occurrences] | None = None,
        validated: Memo[tuple[str, str], Strict] | None = None,
        checked: Memo[tuple[str, str, str], Checked] | None = None,
    ) -> None:
        self.raw = raw
        # Searching the articles is most of a check: what an earlier run found of a quote in the
        # same text is not searched for again.
        self.found = found if found is not None else Memo()
        self.validated = validated if validated is not None else Memo()
        self.checked = checked if checked is not None else Memo()
        self.hashes: dict[str, str] = {}
        self.problems: list[Problem] = list(raw.problems)
        # A blank article is reported once, on its source, and cannot hold any quote.
        self.texts = {s: ArticleText(text) for s, text in raw.texts.items() if text.strip()}
        self.kinds: dict[str, str] = {}
        self.files: dict[str, str] = {}
        self.spans: dict[tuple[str, str], tuple[Span, ...]] = {}
        self.source_ids: set[str] = set()
        self.searchable: set[str] = set()

    def add(self, location: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(location, message, hint))

    def run(self) -> Corpus:
        records = sorted(self.raw.records, key=lambda r: r.path)
        unique = []
        for record in records:
            if record.id in self.files:
                self.add(
                    Location(record.path),
                    f"duplicate id `{record.id}`: {self.files[record.id]} already uses it",
                    "ids are unique across all kinds; rename one of the files",
                )
                continue
            self.kinds[record.id] = record.kind
            self.files[record.id] = record.path
            unique.append(record)
        # Built once: every citation is checked against it.
        self.source_ids = {i for i, k in self.kinds.items() if k == "sources"}
        # The sources whose articles quotes are looked for in.
        self.searchable = self.source_ids & self.texts.keys()
        valid: list[tuple[RawRecord, Strict]] = []
        for record in unique:
            entity = self.validate(record)
            if entity is not None:
                valid.append((record, entity))
        self.check_tags(valid)
        if not self.find_quotes(self.check_each(valid)):
            self.check_quotes_found(valid)
        self.check_orphan_texts()
        entities: dict[str, dict[str, Strict]] = {kind: {} for kind in KINDS}
        for record, entity in sorted(valid, key=lambda pair: pair[0].id):
            entities[record.kind][record.id] = entity
        tags = self.check_tag_file()
        return Corpus(entities, self.texts, self.spans, self.files, self.kinds, tags)

    def validate(self, record: RawRecord) -> Strict | None:
        if record.data is None:
            return None  # unreadable; already reported by load
        model = KINDS[record.kind]
        data = record.data
        try:
            if not record.digest:
                return model.model_validate(data)
            # The same kind and bytes validate as before (only a valid record is kept).
            key = (record.kind, record.digest)
            return self.validated.get(key, lambda: model.model_validate(data))
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                known = set(self.kinds)
                self.problems.append(_validation_problem(record, model, detail, known))
            return None

    def check_each(self, valid: list[tuple[RawRecord, Strict]]) -> dict[str, dict[str, None]]:
        """What each record says, apart from whether its quotes are in the articles; the quotes
        cited of each article that can be searched, in the order they are first cited. A
        record checked before (the same file, the same bytes) among the same ids and articles is not
        checked again (but a source's, which depends on more, is)."""
        lines = [f"{i} {kind}" for i, kind in sorted(self.kinds.items())]
        lines += [f"{source} {self.text_hash(source)}" for source in sorted(self.texts)]
        around = hash_lines(lines)
        cited: dict[str, dict[str, None]] = {}
        for record, entity in valid:
            if record.digest and not isinstance(entity, Source):
                key = (record.path, record.digest, around)
                problems, quotes = self.checked.get(key, partial(self.check_one, record, entity))
                self.problems += problems
            else:
                quotes = self.check_one(record, entity)[1]
            for source, quote in quotes:
                cited.setdefault(source, {})[quote] = None
        return cited

    def check_one(self, record: RawRecord, entity: Strict) -> Checked:
        """What one record says: cited where it must be, from sources that exist, naming
        entities that exist, a statement's words verbatim, a source's article there. Returns
        the problems found (as added) and its quotes of the articles that can be searched."""
        start = len(self.problems)
        self.check_cited(record, entity)
        self.check_references(record, entity)
        self.check_earlier(record, entity)
        if isinstance(entity, Meeting):
            self.check_meeting_history(record, entity)
        if isinstance(entity, Commitment):
            self.check_deadline(record, entity)
        if isinstance(entity, Statement):
            self.check_verbatim(record, entity)
        if isinstance(entity, Source):
            self.check_source(record, entity)
        quotes = []
        for where, evidence in evidence_in(entity):
            sources = evidence.sources()
            # Most citations name known sources: worded as problems only when not.
            no_source = not sources and evidence.inference is None
            if no_source or not self.source_ids.issuperset(sources):
                self.check_sources(record, where, evidence)
            quotes += [(s, quote) for s, quote in evidence.quotes() if s in self.searchable]
        return self.problems[start:], quotes

    def find_quotes(self, cited: dict[str, dict[str, None]]) -> bool:
        """Keep where each cited quote is in its article; True if every one was found."""
        everything = True
        for source, quotes in cited.items():
            for quote in quotes:
                spans = self.spans_of(source, quote)
                if spans is None:
                    everything = False
                else:
                    self.spans[(source, quote)] = spans
        return everything

    def occurrences(self, source: str, quote: str) -> Occurrences:
        """Every occurrence of the quote in the source's article."""
        key = (self.text_hash(source), quote)
        return self.found.get(key, lambda: self.texts[source].find_all(quote))

    def text_hash(self, source: str) -> str:
        """The hash of the source's article, worked out once."""
        if source not in self.hashes:
            self.hashes[source] = hash_bytes(self.texts[source].raw.encode("utf-8"))
        return self.hashes[source]

    def spans_of(self, source: str, quote: str) -> tuple[Span, ...] | None:
        """Where the quote is in the source's article (ArticleText.spans), or None if it is
        not."""
        spans = tuple(span for found in self.occurrences(source, quote) for span in found)
        return spans or None

    def check_quotes_found(self, valid: list[tuple[RawRecord, Strict]]) -> None:
        """Where each quote that was not found is cited (only when some were not)."""
        for record, entity in valid:
            for where, evidence in evidence_in(entity):
                for source in evidence.sources():
                    if source in self.source_ids:
                        self.check_quotes(record, (*where, source), source, evidence)

    def check_cited(self, record: RawRecord, entity: Strict) -> None:
        """Every field that states a fact is cited, and only fields with a value."""
        cite = getattr(entity, "cite", None)
        for field in type(entity).fact_fields:
            value = getattr(entity, field)
            evidence = getattr(cite, field, None)
            if value not in (None, "", []) and evidence is None:
                self.add(
                    record.marks.at((field,), key=True),
                    f"`{field}` is not cited",
                    f'add `{field}:` under `cite:` with `SOURCE-ID: "the exact words"` '
                    f'(or `inference: "your reason"`)',
                )
            elif value in (None, "", []) and evidence is not None:
                self.add(
                    record.marks.at(("cite", field), key=True),
                    f"`cite.{field}` cites a field that has no value",
                    f"set `{field}`, or remove its citation",
                )

    def check_meeting_history(self, record: RawRecord, meeting: Meeting) -> None:
        """A meeting is held on its date, and has an outcome only once reported held."""
        held = [i for i, change in enumerate(meeting.status_history) if change.status == "held"]
        if meeting.date:
            period = parse_period(meeting.date)
            for index in held:
                when = parse_period(meeting.status_history[index].date)
                if when.end < period.start or when.start > period.end:
                    self.add(
                        record.marks.at(("status_history", index, "date")),
                        f"held on {when.display()}, but the meeting's date is {period.display()}",
                        "date a `held` entry by the days the meeting took place",
                    )
        if meeting.outcome and not held:
            self.add(
                record.marks.at(("outcome",), key=True),
                "an outcome, but no `status_history` entry says the meeting was held",
                "add the `held` entry that reports it, or remove `outcome`",
            )

    def check_deadline(self, record: RawRecord, commitment: Commitment) -> None:
        if not commitment.deadline or not commitment.date:
            return
        if parse_period(commitment.deadline).end < parse_period(commitment.date).start:
            self.add(
                record.marks.at(("deadline",)),
                "the deadline ends before the commitment was made",
                "correct `deadline` or `date`",
            )

    def check_earlier(self, record: RawRecord, entity: Strict) -> None:
        """Each earlier value is of a field that holds one cited value, is written as that field
        is, differs from the value now, and names a source that the field's citation cites."""
        if not getattr(entity, "earlier", None):
            return  # most have none: which fields could have one need not be worked out
        model = type(entity)
        single = [
            f for f in model.fact_fields if get_origin(model.model_fields[f].annotation) is not list
        ]
        for index, earlier in enumerate(getattr(entity, "earlier", ())):
            where: Where = ("earlier", index)
            field = earlier.field
            if field not in single:
                self.add(
                    record.marks.at((*where, "field")),
                    f"`{field}` cannot have earlier values here",
                    did_you_mean(field, single) or f"fields that can: {', '.join(single)}",
                )
                continue
            if field == "date":
                try:
                    parse_period(earlier.value)
                except DateError as error:
                    self.add(record.marks.at((*where, "value")), f"`value`: {error}", error.hint)
            if earlier.value == getattr(entity, field):
                self.add(
                    record.marks.at((*where, "value")),
                    f"the earlier value is the value `{field}` has now",
                    "remove the entry, or write the value the earlier report gave",
                )
            source = earlier.superseded_by
            if source not in self.source_ids:
                self.add(
                    record.marks.at((*where, "superseded_by")),
                    f"unknown source `{source}` in `superseded_by`",
                    did_you_mean(source, self.source_ids) or "sources are content/sources/*.yml",
                )
                continue
            now = getattr(getattr(entity, "cite", None), field, None)
            if now is None or source not in now.sources():
                self.add(
                    record.marks.at((*where, "superseded_by")),
                    f"`{source}` replaced the earlier `{field}`, but `cite.{field}` does not "
                    "cite it",
                    f"cite under `cite.{field}` the words of `{source}` that give the value now",
                )

    def check_references(self, record: RawRecord, entity: Strict) -> None:
        for where, target, kinds in references_in(entity):
            problem = self._reference_problem(record, where, target, kinds)
            if problem:
                # Located only now: a record's marks are worked out again from its text.
                self.add(record.marks.at(where), *problem)

    def _reference_problem(
        self, record: RawRecord, where: Where, target: str, kinds: tuple[str, ...]
    ) -> tuple[str, str] | None:
        """What is wrong with one reference (message, hint), if anything."""
        actual = self.kinds.get(target)
        fits = actual is not None and (ANY_KIND in kinds or actual in kinds)
        if fits and target != record.id:
            return None  # most references: no message to word
        field = _dotted(tuple(p for p in where if not isinstance(p, int)))
        wanted = " or ".join(SINGULAR[k] for k in kinds) if ANY_KIND not in kinds else "entity"
        if target == record.id:
            return f"`{field}` refers to this file itself", f"name another {wanted}"
        if actual is None:
            candidates = {i for i, k in self.kinds.items() if ANY_KIND in kinds or k in kinds}
            hint = did_you_mean(target, candidates) or (
                f"create content/{kinds[0]}/{target}.yml, or fix the id"
                if ANY_KIND not in kinds
                else "create the entity's file, or fix the id"
            )
            return f"unknown {wanted} `{target}` in `{field}`", hint
        return (
            f"`{target}` in `{field}` is a {SINGULAR[actual]}, not a {wanted}",
            f"`{field}` names a {wanted}",
        )

    def check_tags(self, valid: list[tuple[RawRecord, Strict]]) -> None:
        """Every tag an entity carries is declared in content/tags.yml."""
        declared = self.raw.tags
        if declared is not None and declared.data is None:
            return  # the file could not be read: reported already
        known = declared.data if declared is not None else None
        for record, entity in valid:
            for index, tag in enumerate(getattr(entity, "tags", ())):
                if known is None:
                    self.add(
                        record.marks.at(("tags", index)),
                        f"unknown tag `{tag}`: there is no {TAGS}",
                        f"create {TAGS} with a line `{tag}: what it covers` for each tag",
                    )
                    return  # without the file every tag is unknown: said once, at the first
                if tag not in known:
                    hint = did_you_mean(tag, set(known)) or (
                        f"declare it in {TAGS}: `{tag}: what it covers`"
                    )
                    self.add(record.marks.at(("tags", index)), f"unknown tag `{tag}`", hint)

    def check_tag_file(self) -> dict[str, str]:
        """The tags declared in content/tags.yml, each an id with one line saying what it
        covers."""
        declared = self.raw.tags
        if declared is None or declared.data is None:
            return {}
        tags: dict[str, str] = {}
        for tag, description in declared.data.items():
            blank = isinstance(description, str) and not description.strip()
            if not SLUG.fullmatch(tag):
                message = f"tag `{tag}` is not a valid id"
                self.add(declared.marks.at((tag,), key=True), message, slug_hint(tag))
            elif description is None or blank:
                message = f"tag `{tag}` says nothing of what it covers"
                hint = f"write `{tag}: what it covers`"
                self.add(declared.marks.at((tag,), key=True), message, hint)
            elif not isinstance(description, str) or not re.match(ONE_LINE, description):
                what = "several lines" if isinstance(description, str) else _describe(description)
                self.add(
                    declared.marks.at((tag,)),
                    f"what tag `{tag}` covers should be one line of text, not {what}",
                    "write it on the same line as the tag, or fold a long line with `>-`",
                )
            else:
                tags[tag] = description.strip()
        return tags

    def check_sources(self, record: RawRecord, where: Where, evidence: Evidence) -> None:
        """A citation gives a source (or an inference), and only sources that exist."""
        if not evidence.sources() and evidence.inference is None:
            self.add(
                record.marks.at(where),
                f"`{_dotted(where)}` gives no source",
                'write `SOURCE-ID: "the exact words"` under it',
            )
        for source in evidence.sources():
            if source not in self.source_ids:
                hint = did_you_mean(source, self.source_ids) or "sources are content/sources/*.yml"
                self.add(
                    record.marks.at((*where, source), key=True),
                    f"unknown source `{source}` in `{_dotted(where)}`",
                    hint,
                )

    def check_quotes(
        self, record: RawRecord, where: Where, source: str, evidence: Evidence
    ) -> None:
        text = self.texts.get(source)
        if text is None:
            return  # reported once, on the source's own file
        quotes = [quote for cited, quote in evidence.quotes() if cited == source]
        for index, quote in enumerate(quotes):
            if (source, quote) in self.spans:
                continue  # found by find_quotes
            self.add(
                record.marks.at((*where, index)),
                f"quote not found in `{source}`",
                _not_found_hint(record, (*where, index), text, source, quote),
            )

    def check_verbatim(self, record: RawRecord, statement: Statement) -> None:
        evidence = statement.cite.text  # type: ignore[attr-defined]
        cited = list(evidence.sources() if evidence else [])
        if not cited or any(s not in self.texts for s in cited):
            return  # a missing article is reported on its source; nothing to compare with
        if any(self.occurrences(s, statement.text) for s in cited):
            return
        hint = _not_found_hint(record, ("text",), self.texts[cited[0]], cited[0], statement.text)
        self.add(
            record.marks.at(("text",)),
            f"the statement's `text` is not verbatim in `{cited[0]}`",
            f"{hint}; mark left-out words with [...]",
        )

    def check_source(self, record: RawRecord, source: Source) -> None:
        text = self.texts.get(record.id)
        seed = f"seeds/{record.id}.txt"
        if text is None and record.id in self.raw.texts:
            self.add(
                Location(seed),
                "the article text is empty",
                "paste the article's text into the file",
            )
            return
        if text is None:
            # A file there but unreadable (not UTF-8, a link) is reported once, on the file.
            if not any(problem.location.path == seed for problem in self.raw.problems):
                self.add(
                    Location(record.path),
                    f"no article text for source `{record.id}`",
                    f"put the article's text in {seed}",
                )
            return
        for index, passage in enumerate(source.boilerplate):
            if not self.occurrences(record.id, passage):
                self.add(
                    record.marks.at(("boilerplate", index)),
                    f"boilerplate passage not found in `{record.id}`",
                    _not_found_hint(record, ("boilerplate", index), text, record.id, passage),
                )

    def check_orphan_texts(self) -> None:
        for source in sorted(self.raw.texts):
            if self.kinds.get(source) != "sources":
                self.add(
                    Location(f"seeds/{source}.txt"),
                    "article text without a source file",
                    f"create content/sources/{source}.yml with its publisher, title and date",
                )


def check(
    raw: RawCorpus,
    found: Memo[tuple[str, str], Occurrences] | None = None,
    validated: Memo[tuple[str, str], Strict] | None = None,
    checked: Memo[tuple[str, str, str], Checked] | None = None,
) -> tuple[Corpus, list[Problem]]:
    """The valid part of the corpus, and every problem found, sorted by file and line; `found`
    holds what an earlier run found of quotes in articles, `validated` the records it
    validated (by kind and the hash of the file), `checked` what checking each found."""
    checker = _Checker(raw, found, validated, checked)
    corpus = checker.run()
    return corpus, sort_problems(checker.problems)
