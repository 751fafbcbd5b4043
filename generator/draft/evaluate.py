"""Measures the drafter on the shipped articles: each drafted as if new, knowing only the
entities the other articles cite, and compared with the curated content.

A curated line is held when the draft of the same entity has the same leaf; or, for a quote of
the article, when a drafted quote at the same path holds the curated quote's words (each part of
a quote joined with [...]): the curator only trims it. Each drafted quote holds one curated quote
at most. `yaml_share_exact` counts the same leaves only."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check import check
from generator.draft.draftfile import DraftFile
from generator.draft.propose import Drafter
from generator.load import RawCorpus, RawRecord, load_corpus
from generator.model import Corpus, Statement
from generator.quotes import ArticleText, Span, normalize

# Kinds whose new records the drafter may propose under ids of its own.
_NEW_RECORDS = ("facts", "meetings", "commitments")
# One leaf of a YAML file: its path of field names (list positions left out) and its value.
Leaf = tuple[tuple[str, ...], str]


@dataclass
class SeedResult:
    source: str
    statements: int = 0
    found: int = 0
    speaker_right: int = 0
    dated: int = 0
    date_right: int = 0
    quotes: int = 0
    verified: int = 0
    curated_lines: int = 0
    held_lines: int = 0
    held_exact: int = 0
    drafted_lines: int = 0
    seconds: float = 0.0
    misses: tuple[str, ...] = ()
    # Per kind: (curated lines, lines the draft holds, lines it holds exactly).
    kinds: dict[str, tuple[int, int, int]] = field(default_factory=dict)


def cites(data: Any, source: str) -> bool:
    """Whether a record's data cites the source anywhere (source ids are the keys of citations)."""
    if isinstance(data, dict):
        return source in data or any(cites(value, source) for value in data.values())
    if isinstance(data, list):
        return any(cites(item, source) for item in data)
    return False


def known_from(raw: RawCorpus, drafted: str, others: list[str]) -> RawCorpus:
    """The corpus as a curator would have it before the drafted article: the entities the other
    articles cite (statements only if their words are in another article), less what curating
    the drafted article wrote into them (its citations, and the status changes and roles only
    it supports), their aliases only those the other articles' texts hold, and the drafted
    article's source without its curated boilerplate. A status history that only the drafted
    article supports is kept, on another's word (a record needs one); a record invalid
    otherwise without it is left out by the check: it could not have been written before."""
    texts = [ArticleText(raw.texts[o]) for o in others]
    records = []
    for record in raw.records:
        if record.data is None:
            continue
        data = without(dict(record.data), drafted)
        if record.id == drafted:
            data.pop("boilerplate", None)
        elif record.id not in others and not any(cites(data, other) for other in others):
            continue
        elif record.kind == "statements" and not any(t.find(str(data["text"])) for t in texts):
            continue  # its words are this article's: not known before it
        aliases = [a for a in data.get("aliases", []) if any(t.find(a) for t in texts)]
        if "aliases" in data:
            data["aliases"] = aliases
        if not aliases and isinstance(data.get("cite"), dict):
            data["cite"] = {k: v for k, v in data["cite"].items() if k != "aliases"}
        records.append(RawRecord(record.kind, record.id, record.path, data, record.marks))
    return RawCorpus(records, raw.texts, [], raw.tags)


def without(data: Any, source: str) -> Any:
    """A record's data less its citations of the source: a field's evidence left empty is
    dropped (the field then stands uncited), as is a list entry citing only the source; but a
    status history left empty keeps its entries, on another's word (a record needs one)."""
    if isinstance(data, dict):
        kept = {key: without(value, source) for key, value in data.items() if key != source}
        history = data.get("status_history")
        if isinstance(history, list) and history and not kept.get("status_history"):
            other = {"inference": "Known from other reporting."}
            kept["status_history"] = [entry | {"cite": other} for entry in history]
        return {key: value for key, value in kept.items() if value != {}}
    if isinstance(data, list):
        return [without(item, source) for item in data if not _cites_only(item, source)]
    return data


def _cites_only(item: Any, source: str) -> bool:
    cite = item.get("cite") if isinstance(item, dict) else None
    return isinstance(cite, dict) and set(cite) - {"inference"} == {source}


def leaves(data: Any, path: tuple[str, ...] = ()) -> list[Leaf]:
    """The file's values with their paths, white space and typography made plain."""
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in leaves(value, (*path, str(key)))]
    if isinstance(data, list):
        return [leaf for item in data for leaf in leaves(item, path)]
    return [(path, normalize(str(data))[0].strip())]


def curated_leaves(data: Any, drafted: str, sources: set[str]) -> list[Leaf]:
    """A curated file's leaves, less its citations of other articles (their curation is not
    this article's)."""
    other = sources - {drafted}
    return [leaf for leaf in leaves(data) if not other & set(leaf[0])]


def _spans(article: ArticleText, quotes: list[str]) -> list[Span]:
    return [span for quote in quotes for span in article.spans(quote)]


def _overlap(left: list[Span], right: list[Span]) -> int:
    return sum(max(0, min(a.end, b.end) - max(a.start, b.start)) for a in left for b in right)


def _quotes(evidence: Any, source: str) -> list[str]:
    if not isinstance(evidence, dict):
        return []
    value = evidence.get(source, [])
    return [value] if isinstance(value, str) else list(value)


def all_quotes(data: Any, source: str) -> list[str]:
    """Every quote of the source anywhere in a draft's data."""
    if isinstance(data, dict):
        own = _quotes(data, source)
        return own + [q for key, v in data.items() if key != source for q in all_quotes(v, source)]
    if isinstance(data, list):
        return [q for item in data for q in all_quotes(item, source)]
    return []


def evaluate_seed(root: Path, raw: RawCorpus, full: Corpus, source: str) -> SeedResult:
    others = sorted(s for s in raw.texts if s != source)
    before = known_from(raw, source, others)
    known, _ = check(before)
    article = ArticleText(raw.texts[source])
    published = str(next(r.data for r in raw.records if r.id == source and r.data)["published"])
    began = time.perf_counter()
    files = Drafter(known, source, raw.texts[source], published).draft()
    result = SeedResult(source, seconds=time.perf_counter() - began)
    # Every drafted quote, searched for as the check searches; a statement's text too.
    for file in files:
        quotes = all_quotes(file.data, source)
        if file.kind == "statements" and not file.adds_to:
            quotes.append(file.data["text"])
        result.quotes += len(quotes)
        result.verified += sum(1 for quote in quotes if article.find(quote))
    drafts = [f for f in files if f.kind == "statements" and not f.adds_to]
    drafted_spans = {f.id: _spans(article, _quotes(f.data["cite"]["text"], source)) for f in drafts}
    matched: dict[str, DraftFile] = {}
    misses = []
    for statement_id, statement in sorted(full.of("statements", Statement).items()):
        evidence = statement.cite.text  # type: ignore[attr-defined]
        quotes = [q for s, q in evidence.quotes() if s == source] if evidence else []
        if not quotes:
            continue
        result.statements += 1
        curated = _spans(article, quotes)
        best = max(drafts, key=lambda f: _overlap(curated, drafted_spans[f.id]), default=None)
        if best is None or _overlap(curated, drafted_spans[best.id]) == 0:
            misses.append(statement_id)
            continue
        matched[statement_id] = best
        result.found += 1
        result.speaker_right += best.data["speaker"] == statement.speaker
        if statement.date is not None:
            result.dated += 1
            result.date_right += best.data.get("date") == statement.date
    result.misses = tuple(misses)
    known_ids = set(known.kinds) - {source}
    matched |= match_new(raw, source, known_ids, files, article)
    result.kinds = _yaml_share(raw, source, known_ids, files, matched)
    result.curated_lines = sum(total for total, _, _ in result.kinds.values())
    result.held_lines = sum(held for _, held, _ in result.kinds.values())
    result.held_exact = sum(exact for _, _, exact in result.kinds.values())
    result.drafted_lines = sum(len(leaves(f.data)) for f in files)
    return result


def match_new(
    raw: RawCorpus, source: str, known: set[str], files: list[DraftFile], article: ArticleText
) -> dict[str, DraftFile]:
    """Each fact, meeting or commitment new with the article paired with the drafted one of its
    kind that cites most of the same words (the curator chose the id), each draft paired once."""
    curated = {record.id for record in raw.records}
    drafts = [f for f in files if f.kind in _NEW_RECORDS and not f.adds_to and f.id not in curated]
    cited = {f.id: _spans(article, all_quotes(f.data, source)) for f in drafts}
    pairs = []
    for record in raw.records:
        if record.kind not in _NEW_RECORDS or record.id in known or not cites(record.data, source):
            continue
        quoted = _spans(article, all_quotes(record.data, source))
        for draft in drafts:
            if draft.kind == record.kind and _overlap(quoted, cited[draft.id]):
                pairs.append((_overlap(quoted, cited[draft.id]), record.id, draft))
    matched: dict[str, DraftFile] = {}
    used: set[str] = set()
    for _, record_id, draft in sorted(pairs, key=lambda pair: -pair[0]):
        if record_id not in matched and draft.id not in used:
            matched[record_id] = draft
            used.add(draft.id)
    return matched


def article_leaves(data: Any, source: str, known: bool, sources: set[str]) -> list[Leaf]:
    """The leaves of a curated file that curating the article wrote: of an entity new with it,
    all but the citations of other articles; of one known before it, its citations of the
    article and the list entries (status changes, roles) that cite the article alone."""
    if not known:
        return curated_leaves(data, source, sources)
    found = [leaf for leaf in leaves(data) if source in leaf[0]]
    for key, value in data.items():
        for item in value if isinstance(value, list) else []:
            cited = isinstance(item, dict) and isinstance(item.get("cite"), dict)
            if cited and set(item["cite"]) & sources == {source}:
                found += [leaf for leaf in leaves(item, (key,)) if source not in leaf[0]]
    return found


def trimmed_from(curated: Leaf, drafted: Leaf, source: str) -> bool:
    """Whether a drafted quote holds a curated quote of the article trimmed from it."""
    if curated[0] != drafted[0] or curated[0][-1:] != (source,):
        return False
    return all(part.strip() in drafted[1] for part in curated[1].split("[...]"))


def held(curated: Counter[Leaf], drafted: Counter[Leaf], source: str) -> int:
    """The curated lines the draft holds: the same leaves, then quotes the curator trimmed from
    a drafted quote (each drafted quote used once)."""
    same = curated & drafted
    left = list((drafted - same).elements())
    count = sum(same.values())
    for leaf in (curated - same).elements():
        match = next((d for d in left if trimmed_from(leaf, d, source)), None)
        if match is not None:
            left.remove(match)
            count += 1
    return count


def _yaml_share(
    raw: RawCorpus,
    source: str,
    known: set[str],
    files: list[DraftFile],
    matched: dict[str, DraftFile],
) -> dict[str, tuple[int, int, int]]:
    """How many leaves curating the article wrote in the files citing it, and how many of them
    the draft of the same entity holds."""
    sources = set(raw.texts)
    by_entity: dict[str, list[DraftFile]] = {}
    for file in files:
        by_entity.setdefault(file.id, []).append(file)
    for record_id, file in matched.items():
        by_entity.setdefault(record_id, []).append(file)
    kinds: dict[str, tuple[int, int, int]] = {}
    for record in raw.records:
        if record.data is None:
            continue
        if record.id == source:
            # Of the source's own file, `briefing new-source` writes all but the boilerplate.
            curated = Counter(leaves({"boilerplate": record.data.get("boilerplate", [])}))
        elif cites(record.data, source):
            curated = Counter(article_leaves(record.data, source, record.id in known, sources))
        else:
            continue
        drafted: Counter[Leaf] = Counter()
        for file in by_entity.get(record.id, []):
            if file.kind == record.kind:
                drafted.update(leaves(file.data))
        total, trimmed, exact = kinds.get(record.kind, (0, 0, 0))
        kinds[record.kind] = (
            total + sum(curated.values()),
            trimmed + held(curated, drafted, source),
            exact + sum((curated & drafted).values()),
        )
    return kinds


def evaluate(root: Path) -> list[SeedResult]:
    raw = load_corpus(root)
    full, _ = check(raw)
    return [evaluate_seed(root, raw, full, source) for source in sorted(raw.texts)]


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def report(results: list[SeedResult]) -> list[str]:
    """The table, then the RESULT line."""
    lines = [
        "| article | statements | found | speaker right | date right | quotes verified "
        "| YAML lines held | drafted lines kept | seconds |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r.source} | {r.statements} | {r.found} | {r.speaker_right}/{r.found} "
            f"| {r.date_right}/{r.dated} | {r.verified}/{r.quotes} "
            f"| {r.held_lines}/{r.curated_lines} | {r.held_lines}/{r.drafted_lines} "
            f"| {r.seconds:.3f} |"
        )
    kinds = sorted({kind for r in results for kind in r.kinds})
    lines += ["", "| YAML lines held, by kind | " + " | ".join(kinds) + " |"]
    lines.append("| --- " * (len(kinds) + 1) + "|")
    for r in results:
        cells = [f"{r.kinds.get(k, (0, 0, 0))[1]}/{r.kinds.get(k, (0, 0, 0))[0]}" for k in kinds]
        lines.append(f"| {r.source} | " + " | ".join(cells) + " |")
    for r in results:
        if r.misses:
            lines.append(f"not found in {r.source}: {', '.join(r.misses)}")
    total = SeedResult("all")
    for r in results:
        for name in ("statements", "found", "speaker_right", "dated", "date_right", "quotes",
                     "verified", "curated_lines", "held_lines", "held_exact",
                     "drafted_lines"):  # fmt: skip
            setattr(total, name, getattr(total, name) + getattr(r, name))
        total.seconds += r.seconds
    lines.append(
        f"RESULT statement_recall={_share(total.found, total.statements):.2f} "
        f"speaker_right={_share(total.speaker_right, total.found):.2f} "
        f"date_right={_share(total.date_right, total.dated):.2f} "
        f"quotes_verified={_share(total.verified, total.quotes):.2f} "
        f"yaml_share={_share(total.held_lines, total.curated_lines):.2f} "
        f"yaml_share_exact={_share(total.held_exact, total.curated_lines):.2f} "
        f"drafted_kept={_share(total.held_lines, total.drafted_lines):.2f} "
        f"s_per_article={total.seconds / max(1, len(results)):.3f}"
    )
    return lines
