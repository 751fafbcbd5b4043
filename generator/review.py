"""What may have gone out of date as later articles arrived, as warnings for a curator to review:
a summary or purpose cited only from articles older than one reporting on its entity, a meeting
still scheduled after its date, and a commitment still open after its deadline. The content is
valid; these are only worth a look."""

from __future__ import annotations

from collections import defaultdict

from generator.dates import Period, parse_period, timing
from generator.index import OPEN, briefing_date, latest_status
from generator.load import RawCorpus
from generator.model import (
    SINGULAR,
    Commitment,
    Corpus,
    Meeting,
    Source,
    Strict,
    Where,
    evidence_in,
    references_in,
)
from generator.problems import Problem, sort_problems

# Text a curator writes from what the articles said at the time, which a later article can
# overtake. Names, dates and the like are facts of their own; a fact's claim, a commitment's terms
# and a status change's note are about their own moment, which later articles do not undo.
FREE_TEXT = ("summary", "purpose")
# Besides its own file, these report on an entity when they name it: what happened, who said
# what, who committed to what.
EVENTS = ("meetings", "commitments", "statements", "facts")
# A meeting that `follows` an earlier one is no report on the earlier one.
NOT_REPORTING = frozenset({"follows"})


# (entity id, the path of the field to look at again, message, hint).
Finding = tuple[str, Where, str, str]


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


def _sources_in(entity: Strict) -> set[str]:
    return {source for _, evidence in evidence_in(entity) for source in evidence.sources()}


def _reporting(corpus: Corpus) -> dict[str, set[str]]:
    """By entity: the sources cited in its own file and in the events that name it."""
    found: dict[str, set[str]] = defaultdict(set)
    for kind, entities in corpus.entities.items():
        for entity_id, entity in entities.items():
            sources = _sources_in(entity)
            found[entity_id] |= sources
            if kind in EVENTS:
                for where, target, _ in references_in(entity):
                    if where[0] not in NOT_REPORTING:
                        found[target] |= sources
    return found


def _named(sources: list[str], published: dict[str, Period]) -> str:
    return ", ".join(f"`{s}` ({published[s].display()})" for s in sources)


def _stale_text(
    corpus: Corpus, reporting: dict[str, set[str]], published: dict[str, Period]
) -> list[Finding]:
    """A finding for each summary or purpose cited only from sources
    older than one reporting on its entity. Older means certainly so: it ended before the other
    began, so an article known only by its month is older than none of that month's."""
    found: list[Finding] = []
    for kind, entities in corpus.entities.items():
        for entity_id, entity in entities.items():
            for field in FREE_TEXT:
                evidence = getattr(getattr(entity, "cite", None), field, None)
                if not getattr(entity, field, None) or evidence is None:
                    continue
                cited = [published[s] for s in evidence.sources()]
                if not cited:
                    continue  # an inference alone: no date to compare
                latest = max(cited, key=lambda p: p.end)
                newer = sorted(
                    (s for s in reporting[entity_id] if published[s].start > latest.end),
                    key=lambda s: (published[s].start, published[s].end, s),
                )
                if not newer:
                    continue
                reports = "reports" if len(newer) == 1 else "report"
                message = (
                    f"`{field}` may be out of date: it cites sources up to {latest.display()}, "
                    f"and {_named(newer, published)} {reports} on this {SINGULAR[kind]} later"
                )
                them = "it" if len(newer) == 1 else "them"
                hint = (
                    f"reread it against the newer {_plural(len(newer), 'article')}: where it "
                    f"still holds, cite {them}; where not, rewrite it"
                )
                found.append((entity_id, (field,), message, hint))
    return found


def _past_meetings(
    corpus: Corpus, as_of: Period | None, published: dict[str, Period]
) -> list[Finding]:
    """A finding for each meeting still `scheduled` whose date is past
    as of the newest source: it ended before the briefing's date can have begun."""
    if as_of is None:
        return []
    newest = sorted(s for s, period in published.items() if period == as_of)
    found: list[Finding] = []
    for meeting_id, meeting in corpus.of("meetings", Meeting).items():
        now = latest_status(meeting)
        if now.status != "scheduled" or meeting.date is None:
            continue
        period = parse_period(meeting.date)
        if timing(period, as_of) != "past":
            continue
        message = (
            f"the status is still `scheduled`, but the meeting's date ({period.display()}) is past "
            f"as of the newest {_plural(len(newest), 'source')}, {_named(newest, published)}"
        )
        hint = (
            "add a `status_history` entry (held, postponed or cancelled) citing the article that "
            "reports it; or correct `date`"
        )
        entry = meeting.status_history.index(now)
        found.append((meeting_id, ("status_history", entry, "status"), message, hint))
    return found


def _past_deadlines(
    corpus: Corpus, as_of: Period | None, published: dict[str, Period]
) -> list[Finding]:
    """A finding for each commitment still open (proposed to stalled) whose deadline is past as
    of the newest source."""
    if as_of is None:
        return []
    newest = sorted(s for s, period in published.items() if period == as_of)
    found: list[Finding] = []
    for commitment_id, commitment in corpus.of("commitments", Commitment).items():
        now = latest_status(commitment)
        if now.status not in OPEN or commitment.deadline is None:
            continue
        period = parse_period(commitment.deadline)
        if timing(period, as_of) != "past":
            continue
        message = (
            f"the commitment is still `{now.status}`, but its deadline ({period.display()}) is "
            f"past as of the newest {_plural(len(newest), 'source')}, {_named(newest, published)}"
        )
        hint = (
            "add a `status_history` entry (kept, partly-kept, broken or withdrawn) citing the "
            "article that reports it; or correct `deadline`"
        )
        found.append((commitment_id, ("deadline",), message, hint))
    return found


def findings(corpus: Corpus) -> list[Finding]:
    """Every review warning of a checked corpus."""
    published = {i: parse_period(s.published) for i, s in corpus.of("sources", Source).items()}
    as_of = briefing_date(corpus)
    return [
        *_stale_text(corpus, _reporting(corpus), published),
        *_past_meetings(corpus, as_of, published),
        *_past_deadlines(corpus, as_of, published),
    ]


def review(raw: RawCorpus, corpus: Corpus) -> list[Problem]:
    """Every review warning of a checked corpus, located at the field to look at again (which
    reads the record's file again: `findings` is enough to count them)."""
    records = {record.id: record for record in raw.records}
    found = findings(corpus)
    return sort_problems(
        [
            Problem(records[entity_id].marks.at(where), message, hint, severity="warning")
            for entity_id, where, message, hint in found
        ]
    )
