"""`briefing generate` redoing only what changed since the last run. A snapshot of its inputs
(snapshot.py) that hashes as the last complete run's did, with build/docs as that run left it,
means there is nothing to do. Otherwise a content file is parsed again only if its bytes changed,
a quote searched for again only if it or its article changed, and a page rendered again only if
something it read changed (trace.py); the whole corpus is still checked, as are references across
files. What a run leaves for the next is kept in build/cache (cache.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
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
from generator.snapshot import TEMPLATES, generator_version, take_snapshot
from generator.write import WriteReport, write_tree

# Loading, checking and rendering are imported only by a run with something to do: a run with
# nothing to do is over in less time than importing them takes.
if TYPE_CHECKING:
    from generator.check import Occurrences
    from generator.load import Files, RawCorpus
    from generator.model import Corpus
    from generator.problems import Problem


class Run:
    """One run of `briefing generate` into `docs`; `note` says what the reader should know of
    the cache (one that could not be read)."""

    def __init__(self, root: Path, docs: Path, note: Callable[[str], object]) -> None:
        self.root = root
        self.docs = docs
        self.note = note
        self.version = generator_version()
        self.snapshot = take_snapshot(root)
        self.on_disk = on_disk(docs)
        self.state = State()
        self.files: Files | None = None
        self.found: Memo[tuple[str, str], Occurrences] = Memo()

    def up_to_date(self) -> LastRun | None:
        """The last complete run, if it read exactly what is there now, and build/docs is as it
        left it."""
        last = read_last_run(self.root, self.version)
        if last is None or last.inputs != self.snapshot.digest():
            return None
        return last if last.outputs == digest_of_files(self.on_disk) else None

    def check(self) -> tuple[RawCorpus, Corpus, list[Problem]]:
        """Read and check the corpus, from the snapshot and what the last run parsed and
        found."""
        from generator.check import check
        from generator.load import Files, load_corpus

        self.state = read_state(self.root, self.version, self.note)
        self.files = Files(self.root, self.snapshot, Memo(self.state.parsed))
        self.found = Memo(self.state.found)
        raw = load_corpus(self.root, self.files)
        # The corpus holds the text of what was read: the bytes need not be kept too.
        self.snapshot.files = {
            path: data
            for path, data in self.snapshot.files.items()
            if path.startswith(f"{TEMPLATES}/")
        }
        corpus, problems = check(raw, self.found)
        if problems:
            # What was parsed and found stays true; the pages, not written, are as they were.
            kept = dataclasses.replace(self.state, parsed=self.files.parsed.now)
            write_state(self.root, self.version, dataclasses.replace(kept, found=self.found.now))
        return raw, corpus, problems

    def write(self, corpus: Corpus) -> WriteReport:
        """Write the pages whose text changed (rendering only those whose inputs did), and
        leave what this run read, found and made for the next."""
        from generator.render import render_changed
        from generator.trace import Earlier, Made

        assert self.files is not None, "check first"
        templates = self.snapshot.digest_of(TEMPLATES)
        # Pages made with other templates tell nothing of what these make.
        pages = self.state.pages if self.state.templates == templates else {}
        earlier = Earlier(pages, self.state.values, self.on_disk, self.state.compiled)
        made = Made()
        pages_now = render_changed(self.root, corpus, earlier, made, self.files.read, self.snapshot)
        report = write_tree(self.docs, pages_now)
        after = on_disk(self.docs)
        for path, page in made.pages.items():
            page.stat = after.get(path)
        state = State(
            self.files.parsed.now, self.found.now, templates, made.pages, made.values, made.compiled
        )
        write_state(self.root, self.version, state)
        # Only a run that read exactly its snapshot can vouch for it.
        complete = made.assets_as_snapshot and self.files.read_as_snapshot()
        files = len(report.written) + report.unchanged
        last = LastRun(self.snapshot.digest(), digest_of_files(after), files)
        write_last_run(self.root, self.version, last if complete else None)
        return report
