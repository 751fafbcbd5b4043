"""Rendering in stages: what each stage may rely on."""

from __future__ import annotations

from conftest import REPO

from generator.check import check
from generator.load import load_corpus
from generator.render import Renderer


def test_source_pages_cite_nothing() -> None:
    """The stages rest on this: source pages come after all others and list who cites them,
    and the sources index (last) shows their coverage; a citation made on either would be
    missing from the source pages' lists."""
    corpus, problems = check(load_corpus(REPO))
    assert problems == []
    renderer = Renderer(REPO, corpus)
    _, sources, last = renderer.stages()
    assert sources and all(kind == "sources" for kind, _ in sources)
    assert last == [("index", "sources")]
    later = [renderer.render_task(task) for task in [*sources, *last]]
    assert [page.citations for page in later] == [{} for _ in later]
    covered = {page.coverage.source for page in later if page.coverage}
    assert covered == set(corpus.entities["sources"])
