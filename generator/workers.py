"""Renders and writes the site's pages on several cores. The pages of one stage are independent:
this process and forked workers render and write them, the workers sending back only what later
stages need (titles, citations and sources' coverage), which this process records in page
order, so the output is byte for byte what one process writes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from generator.forked import collector_paused, fork_map
from generator.model import Corpus
from generator.render import PAGE_KINDS, Rendered, Renderer, Task
from generator.write import Tally, WriteReport, write_file


@dataclass(frozen=True)
class Done:
    """A page rendered and written by a worker: what later stages need of it, not its text
    (which is on disk), and whether the file changed."""

    page: Rendered
    written: bool


def generate_pages(root: Path, corpus: Corpus, folder: Path, jobs: int = 1) -> WriteReport:
    """Render every page and make `folder` hold exactly them, using `jobs` processes (this one
    alone when jobs is 1, or where processes cannot be forked: fork_map then runs in place).
    Rendering makes no reference cycles,
    and the cycle collector, scanning the results as they are recorded, took as long as
    recording them twenty times over: it is off meanwhile (in the workers too)."""
    with collector_paused():
        return _generate_pages(Renderer(root, corpus), folder, jobs)


def _generate_pages(renderer: Renderer, folder: Path, jobs: int) -> WriteReport:
    tally = Tally(folder)
    stages = renderer.stages()
    # Claimed before any worker writes, so two pages never race for one file.
    for stage in stages:
        for task in stage:
            tally.claim(renderer.path_of(task))
    # Compiled once here rather than once per worker.
    renderer.compile_templates()

    def render_and_write(task: Task) -> Done:
        page = renderer.render_task(task)
        written = write_file(folder, page.path, page.text)
        return Done(replace(page, text=""), written)

    for stage in stages:
        # Workers are forked per stage, so they hold what the previous stages recorded. The
        # site-wide pages (home, timeline, indexes) are the largest: one at a time.
        site_wide = sum(1 for kind, _ in stage if kind not in PAGE_KINDS)
        for done in fork_map(render_and_write, stage, jobs, singly=site_wide):
            renderer.record(done.page)
            tally.count(done.page.path, done.written)
    for name, content in renderer.assets().items():
        tally.write(name, content)
    return tally.finish()
