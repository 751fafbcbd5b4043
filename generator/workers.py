"""Renders and writes the site's pages on several cores. The pages of one stage are independent:
forked workers render and write them and send back only what later stages need (titles and
citations), which this process records in page order, so the output is byte for byte what one
process writes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.forked import can_fork, fork_map
from generator.model import Corpus
from generator.render import Rendered, Renderer, Task
from generator.write import WriteReport, claim, remove_stale, write_file, write_tree


@dataclass(frozen=True)
class Done:
    """A page rendered and written by a worker: its title and citations, not its text (which is
    on disk), and whether the file changed."""

    page: Rendered
    written: bool


def generate_pages(root: Path, corpus: Corpus, folder: Path, jobs: int = 1) -> WriteReport:
    """Render every page and make `folder` hold exactly them, using `jobs` processes (this one
    alone when jobs is 1, or where processes cannot be forked)."""
    renderer = Renderer(root, corpus)
    if jobs <= 1 or not can_fork():
        return write_tree(folder, renderer.pages())
    # Compiled once here rather than once per worker.
    renderer.compile_templates()

    def render_and_write(task: Task) -> Done:
        page = renderer.render_task(task)
        written = write_file(folder, page.path, page.text)
        return Done(Rendered(page.path, "", page.title, page.citations), written)

    wanted: set[str] = set()
    written: list[str] = []
    for stage in renderer.stages():
        # Workers are forked per stage, so they hold what the previous stages recorded.
        for done in fork_map(render_and_write, stage, jobs):
            renderer.record(done.page)
            claim(wanted, done.page.path)
            if done.written:
                written.append(done.page.path)
    for name, content in renderer.assets().items():
        claim(wanted, name)
        if write_file(folder, name, content):
            written.append(name)
    return WriteReport(sorted(written), remove_stale(folder, wanted), len(wanted) - len(written))
