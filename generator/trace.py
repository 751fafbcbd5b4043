"""What each generated page read, so that a page is rendered again only when something it read has
changed. While an entity's page renders, every read of the corpus and of its views is recorded as
a key: an entity (its file), a kind listed whole, an article, who names an entity, a dispute, an
entity's name and place on the site. Each key's value now is a hash, worked out at most once a
run; a page whose keys all hash as they did when it was rendered, and whose file is as it was
written, is kept as it is. The site's own pages (home, timeline, indexes, news, feed, tags, data)
read nearly everything, and depend on every content file and article."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator.citations import PageCitations
from generator.index import Views, display_name
from generator.layout import shown_at
from generator.load import TAGS
from generator.model import Corpus, Source, Strict
from generator.snapshot import CONTENT, SEEDS, Stat, hash_bytes

# What was read: ("entity", id), ("kind", kind), ("text", source id), ("tags", ""),
# ("backlinks", id), ("dispute", id), ("link", id), and the renderer's own (render.py).
Key = tuple[str, str]
# Everything: every content file and article.
ALL: Key = ("all", "")
# Read by every entity's page, through caches shared by all pages: the briefing's date (by
# which a meeting or deadline is ahead or past) and how each source is labelled in citations.
SHARED: tuple[Key, ...] = (("as_of", ""), ("labels", ""))

K = TypeVar("K")
V = TypeVar("V")


class Reads:
    """The keys read by the page being rendered; nothing is recorded between pages."""

    def __init__(self) -> None:
        self.keys: set[Key] | None = None

    def add(self, key: Key) -> None:
        if self.keys is not None:
            self.keys.add(key)

    @contextmanager
    def page(self) -> Iterator[set[Key]]:
        self.keys = keys = set(SHARED)
        try:
            yield keys
        finally:
            self.keys = None

    @contextmanager
    def paused(self) -> Iterator[None]:
        """Reads not recorded: those of a value whose key is recorded instead."""
        keys, self.keys = self.keys, None
        try:
            yield
        finally:
            self.keys = keys


class Recorded(dict[K, V]):
    """A dict whose reads are recorded: a look-up as `key_of(key)`, and any look at the whole
    (iterating, counting, comparing, copying) as `whole`."""

    def __init__(
        self, data: Mapping[K, V], reads: Reads, key_of: Callable[[K], Key], whole: Key
    ) -> None:
        super().__init__(data)
        self._reads = reads
        self._key_of = key_of
        self._whole = whole

    def __getitem__(self, key: K) -> V:
        self._reads.add(self._key_of(key))
        return super().__getitem__(key)

    def get(self, key: K, default: Any = None) -> Any:
        self._reads.add(self._key_of(key))
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._reads.add(self._key_of(key))  # type: ignore[arg-type]
        return super().__contains__(key)

    def _all(self) -> None:
        self._reads.add(self._whole)

    def __iter__(self) -> Iterator[K]:
        self._all()
        return super().__iter__()

    def __reversed__(self) -> Iterator[K]:
        self._all()
        return super().__reversed__()

    def __len__(self) -> int:
        self._all()
        return super().__len__()

    def keys(self) -> Any:
        self._all()
        return super().keys()

    def values(self) -> Any:
        self._all()
        return super().values()

    def items(self) -> Any:
        self._all()
        return super().items()

    def __eq__(self, other: object) -> bool:
        self._all()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        self._all()
        return super().__ne__(other)

    def __or__(self, other: Any) -> Any:
        self._all()
        return dict(super().items()) | other

    def copy(self) -> dict[K, V]:
        self._all()
        return dict(super().items())

    def __repr__(self) -> str:
        self._all()
        return super().__repr__()


def _entity(entity_id: str) -> Key:
    return ("entity", entity_id)


def recorded_corpus(corpus: Corpus, reads: Reads) -> Corpus:
    """The corpus, with every read of it recorded in `reads`."""
    entities: dict[str, dict[str, Strict]] = {
        kind: Recorded(found, reads, _entity, ("kind", kind))
        for kind, found in corpus.entities.items()
    }
    return dataclasses.replace(
        corpus,
        entities=entities,
        kinds=Recorded(corpus.kinds, reads, _entity, ALL),
        files=Recorded(corpus.files, reads, _entity, ALL),
        texts=Recorded(corpus.texts, reads, lambda source: ("text", source), ALL),
        # Where a quote is in an article follows from the article and the quote.
        spans=Recorded(corpus.spans, reads, lambda cited: ("text", cited[0]), ALL),
        tags=Recorded(corpus.tags, reads, lambda _: ("tags", ""), ("tags", "")),
    )


def recorded_views(views: Views, reads: Reads) -> Views:
    """The views, with every look-up of who names an entity, and of a dispute, recorded."""
    return dataclasses.replace(
        views,
        backlinks=Recorded(views.backlinks, reads, lambda target: ("backlinks", target), ALL),
        disputes=Recorded(views.disputes, reads, lambda side: ("dispute", side), ALL),
    )


@dataclass
class PageRecord:
    """A page as a run made it: the keys it read, its title and citations (which source pages
    show), and its file as written."""

    keys: tuple[Key, ...]
    title: str
    citations: PageCitations
    stat: Stat | None = None


@dataclass
class Made:
    """The pages a run rendered or kept, the hash of each key they read, whether the assets
    copied were those of the run's snapshot, and the templates as compiled."""

    pages: dict[str, PageRecord] = field(default_factory=dict)
    values: dict[Key, str] = field(default_factory=dict)
    assets_as_snapshot: bool = True
    compiled: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Earlier:
    """The pages an earlier run made, the hash of each key they read then, the generated files
    as they are now, and the templates as it compiled them."""

    pages: dict[str, PageRecord] = field(default_factory=dict)
    values: dict[Key, str] = field(default_factory=dict)
    on_disk: dict[str, Stat] = field(default_factory=dict)
    compiled: dict[str, bytes] = field(default_factory=dict)


class Values:
    """The hash of what each key reads now, worked out when first asked for. `hashes` are those
    of the files the corpus was read from; `own` gives the renderer's keys' values."""

    def __init__(
        self,
        corpus: Corpus,
        views: Views,
        hashes: Mapping[str, str],
        own: Callable[[Key], object],
    ) -> None:
        self.corpus = corpus
        self.views = views
        self.hashes = hashes
        self.own = own
        self._found: dict[Key, str] = {}

    def __call__(self, key: Key) -> str:
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = hash_bytes(repr(self._value(key)).encode("utf-8"))
        return found

    def unchanged(self, path: str, record: PageRecord, earlier: Earlier) -> bool:
        """Whether a page need not be rendered again: its file is as written, and everything
        it read is as it was."""
        if record.stat is None or earlier.on_disk.get(path) != record.stat:
            return False
        before, now = earlier.values, self._found
        # Most keys were asked for by an earlier page already: looked up here, not called.
        return all((now.get(key) or self(key)) == before.get(key) for key in record.keys)

    def _value(self, key: Key) -> object:
        what, name = key
        corpus, views = self.corpus, self.views
        if what == "entity":
            path = corpus.files.get(name)
            return corpus.kinds.get(name), path, self.hashes.get(path or "")
        if what == "kind":
            return [(i, self(_entity(i))) for i in corpus.entities.get(name, {})]
        if what == "text":
            path = f"{SEEDS}/{name}.txt"
            return name in corpus.texts, self.hashes.get(path)
        if what == "tags":
            return self.hashes.get(TAGS)
        if what == "backlinks":
            return [(b.kind, b.source_id, b.where) for b in views.backlinks.get(name, ())]
        if what == "dispute":
            return views.disputes.get(name)
        if what == "link":
            entity = corpus.get(name)
            return (
                None if entity is None else (display_name(entity, corpus), shown_at(corpus, name))
            )
        if what == "as_of":
            return views.as_of
        if what == "labels":
            sources = corpus.of("sources", Source).items()
            return [(i, source.publisher, source.published) for i, source in sources]
        if what == "all":
            inside = (f"{CONTENT}/", f"{SEEDS}/")
            return sorted((p, h) for p, h in self.hashes.items() if p.startswith(inside))
        return self.own(key)
