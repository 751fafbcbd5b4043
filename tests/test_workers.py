"""Pages rendered by several processes are the pages one process renders, byte for byte; an
error in a worker is reported like any other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DOCS, REPO, briefing, copy_project, edit, synthetic_project, tree

from generator.check import _Checker, check
from generator.load import load_corpus
from generator.render import Renderer


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's corpus at 400 entities: many pages of every kind, many shared passages."""
    return synthetic_project(tmp_path_factory.mktemp("synthetic"), 400)


@pytest.mark.parametrize("corpus", ["shipped", "synthetic"])
def test_parallel_pages_equal_single_process_pages(
    corpus: str, synthetic: Path, tmp_path: Path
) -> None:
    root = synthetic if corpus == "synthetic" else copy_project(tmp_path / "project")
    single = briefing("generate", "--root", root, "--jobs", "1")
    assert single.returncode == 0, single.stderr
    expected = tree(root / DOCS)
    # Source pages list the pages citing them: they must see every other stage's citations.
    assert sum(1 for name in expected if name.startswith("sources/")) > 2
    shutil.rmtree(root / DOCS)
    parallel = briefing("generate", "--root", root, "--jobs", "3")
    assert parallel.returncode == 0, parallel.stderr
    assert tree(root / DOCS) == expected
    assert f"{len(expected)} written" in parallel.stdout
    again = briefing("generate", "--root", root, "--jobs", "2")
    assert "0 written, 0 deleted" in again.stdout


def test_parallel_generate_deletes_stale_pages(project: Path) -> None:
    stale = project / DOCS / "people/someone-removed.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    result = briefing("generate", "--root", project, "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert "1 deleted" in result.stdout
    assert not stale.exists()


@pytest.mark.parametrize("jobs", [[], ["--jobs", "1"], ["--jobs", "2"]])
def test_an_error_in_a_template_is_one_line_or_a_traceback(project: Path, jobs: list[str]) -> None:
    # A template that calls a missing helper is a bug in the project, not in the content.
    edit(project / "templates/person.md.j2", "# {{ entity.name }}", "# {{ page.no_such() }}")
    plain = briefing("generate", "--root", project, *jobs)
    assert plain.returncode == 1
    assert "Traceback" not in plain.stderr
    assert "no_such" in plain.stderr
    assert "run with --debug" in plain.stderr
    debug = briefing("generate", "--root", project, *jobs, "--debug")
    assert debug.returncode == 1
    # The traceback reaches into the template, wherever the page was rendered.
    assert "Traceback" in debug.stderr
    assert "person.md.j2" in debug.stderr


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


@pytest.mark.parametrize("corpus", ["shipped", "synthetic"])
def test_the_quotes_searched_before_validation_are_those_of_the_valid_corpus(
    corpus: str, synthetic: Path
) -> None:
    """Workers search the articles for the quotes as the files give them while the records are
    validated; read the way the model reads them, they are the same quotes (every kind of
    `cite`: by field, on a role, on a status change; one quote or a list)."""
    root = synthetic if corpus == "synthetic" else REPO
    raw = load_corpus(root)
    checker = _Checker(raw)
    checker.run()
    assert checker.problems == []
    files = checker.quotes_in_files(sorted(raw.records, key=lambda r: r.path))
    assert {(s, q) for s, quotes in files.items() for q in quotes} == set(checker.spans)
    assert len(checker.spans) > (20 if corpus == "shipped" else 1000)
