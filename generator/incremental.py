"""`briefing generate` redoing only what changed since the last run. A snapshot of its inputs
(snapshot.py) that hashes as the last complete run's did, with build/docs as that run left it,
means there is nothing to do. Otherwise a content file is parsed again only if its bytes changed,
a quote searched for again only if it or its article changed, and a page rendered again only if
something it read changed (trace.py); the whole corpus is still checked, as are references across
files. What a run leaves for the next is kept in build/cache (cache.py), and by a preview, which
runs again and again, also in memory (Resident)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cache import (
    LastRun,
    Memo,
    State,
    digest_of_files,
    on_disk,
    read_last_run,
    read_state,
    write_last_run,
    write_state,
)
from generator.snapshot import TEMPLATES, Snapshot, generator_version, take_snapshot
from generator.write import WriteReport, write_tree

# Loading, checking and rendering are imported only by a run with something to do: a run with
# nothing to do is over in less time than importing them takes.
if TYPE_CHECKING:
    from generator.check import Checked, Occurrences
    from generator.load import Files, RawCorpus, RawRecord
    from generator.model import Corpus, Strict
    from generator.problems import Problem


@dataclass
class Resident:
    """What a long-running process (the preview) keeps between its runs: the state the last run
    left, without reading it back from build/cache; the files it read, which need not be read
    again while they are as they were, and the records made of them; and the records as
    validated and checked, which are not worth writing to build/cache. The version is the
    code's as the process started."""

    version: str = field(default_factory=generator_version)
    state: State | None = None
    snapshot: Snapshot | None = None
    records: dict[tuple[str, str, str], tuple[RawRecord, list[Problem]]] = field(
        default_factory=dict
    )
    validated: dict[tuple[str, str], Strict] = field(default_factory=dict)
    checked: dict[tuple[str, str, str], Checked] = field(default_factory=dict)


class Run:
    """One run of `briefing generate` into `docs`; `note` says what the reader should know of
    the cache (one that could not be read). A `resident` run starts from what the last run of
    its process left in memory, and leaves what it makes there."""

    def __init__(
        self,
        root: Path,
        docs: Path,
        note: Callable[[str], object],
        resident: Resident | None = None,
    ) -> None:
        self.root = root
        self.docs = docs
        self.note = note
        self.resident = resident
        self.version = resident.version if resident is not None else generator_version()
        self.snapshot = take_snapshot(root, earlier=resident.snapshot if resident else None)
        self.on_disk = on_disk(docs)
        self.state = State()
        self.files: Files | None = None
        self.found: Memo[tuple[str, str], Occurrences] = Memo()

    def up_to_date(self) -> LastRun | None:
        """The last complete run, if it read exactly what is there now, and build/docs is as it
        left it. Never for a resident run with nothing in memory yet: it goes on (rendering
        nothing) to fill it."""
        if self.resident is not None and self.resident.state is None:
            return None
        last = read_last_run(self.root, self.version)
        if last is None or last.inputs != self.snapshot.digest():
            return None
        return last if last.outputs == digest_of_files(self.on_disk) else None

    def check(self) -> tuple[RawCorpus, Corpus, list[Problem]]:
        """Read and check the corpus, from the snapshot and what the last run parsed and
        found."""
        from generator.check import check
        from generator.load import Files, load_corpus

        resident = self.resident
        if resident is not None and resident.state is not None:
            self.state = resident.state
        else:
            self.state = read_state(self.root, self.version, self.note)
        records = Memo(resident.records if resident is not None else None)
        self.files = Files(self.root, self.snapshot, Memo(self.state.parsed), records)
        self.found = Memo(self.state.found)
        validated = Memo(resident.validated if resident is not None else None)
        checked = Memo(resident.checked if resident is not None else None)
        raw = load_corpus(self.root, self.files)
        if resident is not None:
            resident.snapshot, resident.records = self.snapshot, records.now
        else:
            # The corpus holds the text of what was read: the bytes need not be kept too.
            self.snapshot.files = {
                path: data
                for path, data in self.snapshot.files.items()
                if path.startswith(f"{TEMPLATES}/")
            }
        corpus, problems = check(raw, self.found, validated, checked)
        if resident is not None:
            resident.validated, resident.checked = validated.now, checked.now
        if problems:
            # What was parsed and found stays true; the pages, not written, are as they were.
            kept = dataclasses.replace(self.state, parsed=self.files.parsed.now)
            self._leave(dataclasses.replace(kept, found=self.found.now))
        return raw, corpus, problems

    def _leave(self, state: State) -> None:
        """Leave `state` for the next run: in build/cache, and in memory if resident."""
        if self.resident is not None:
            self.resident.state = state
        write_state(self.root, self.version, state)

    def write(
        self,
        corpus: Corpus,
        first: Collection[str] = (),
        then: Callable[[], object] | None = None,
    ) -> WriteReport:
        """Write the pages whose text changed (rendering only those whose inputs did), and
        leave what this run read, found and made for the next. The pages at the paths in `first`
        (relative to `docs`) are rendered and written before the others of their stage, and `then`
        is called once they are: a preview shows them while the rest are made."""
        from generator.render import render_changed
        from generator.trace import Earlier, Made

        assert self.files is not None, "check first"
        templates = self.snapshot.digest_of(TEMPLATES)
        # Pages made with other templates tell nothing of what these make.
        pages = self.state.pages if self.state.templates == templates else {}
        earlier = Earlier(pages, self.state.values, self.on_disk, self.state.compiled)
        made = Made()
        pages_now = render_changed(
            self.root, corpus, earlier, made, self.files.read, self.snapshot, first, then
        )
        report = write_tree(self.docs, pages_now)
        after = on_disk(self.docs)
        for path, page in made.pages.items():
            page.stat = after.get(path)
        state = State(
            self.files.parsed.now, self.found.now, templates, made.pages, made.values, made.compiled
        )
        self._leave(state)
        # Only a run that read exactly its snapshot can vouch for it.
        complete = made.assets_as_snapshot and self.files.read_as_snapshot()
        files = len(report.written) + report.unchanged
        last = LastRun(self.snapshot.digest(), digest_of_files(after), files)
        write_last_run(self.root, self.version, last if complete else None)
        return report
