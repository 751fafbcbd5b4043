"""`briefing impact --since REV` on a real git repository: an article edit that breaks a quote names
each broken quote's file and line with the closest new passage; fixing the quote, or adding an
article with its facts, leaves nothing broken; content edits list the pages they touch."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
from conftest import DOCS, REPO, at, briefing, edit, position

from generator.check import check
from generator.cli import main
from generator.history import HistoryError
from generator.impact import impact
from generator.layout import pages_showing
from generator.load import load_corpus
from generator.model import Statement, evidence_in

DW = "seeds/dw-2019-02-09.txt"
SENTOSA = "content/facts/sentosa-security.yml"
# A curator's correction of DW's gallery caption: one word of a quoted sentence.
OLD_WORDS = "security was massively increased"
NEW_WORDS = "security was greatly increased"
# Git without the machine's or the user's settings (hooks, signing, default branch names).
GIT_ENV = {
    **os.environ,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_AUTHOR_NAME": "Curator",
    "GIT_AUTHOR_EMAIL": "curator@example.org",
    "GIT_COMMITTER_NAME": "Curator",
    "GIT_COMMITTER_EMAIL": "curator@example.org",
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, env=GIT_ENV, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def commit(root: Path, message: str) -> None:
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "--message", message)


@pytest.fixture
def repo(project: Path) -> Path:
    """The project copy as a git repository with one commit."""
    git(project, "init", "--quiet")
    commit(project, "The briefing as shipped")
    return project


@pytest.fixture
def caption_corrected(repo: Path) -> Path:
    """The repository with the DW caption's correction committed."""
    edit(repo / DW, OLD_WORDS, NEW_WORDS)
    commit(repo, "Correct the DW caption")
    return repo


def quote_at(root: Path) -> str:
    """The location of the Sentosa fact's DW quote: a folded block (`>-`), located at the line of
    its indicator, as in `check`."""
    return at(root, SENTOSA, "dw-2019-02-09: >-", len("dw-2019-02-09: "))


def test_a_broken_quote_is_named_with_its_line_and_the_closest_new_passage(
    caption_corrected: Path,
) -> None:
    repo = caption_corrected

    report = impact(repo, "HEAD~1")

    [article] = report.files
    assert (article.path, article.status) == (DW, "changed")
    [broken] = report.broken
    assert str(broken.location) == quote_at(repo)
    line, _ = position(repo, DW, NEW_WORDS)
    assert broken.format() == (
        f"{broken.location}: error: quote no longer in `dw-2019-02-09` (hint: closest passage, "
        f"{DW}:{line}: \"The island's security was greatly increased ahead of the summit, while "
        f'local businesses marked the occasion with special Trump-Kim branded water and drinks.")'
    )
    assert article.pages == (
        "meetings/singapore-summit-2018.md",
        "places/sentosa.md",
        "sources/dw-2019-02-09.md",
    )
    assert report.summary().startswith("1 quote broke, 0 quoted sentences changed, 3 pages")


def test_the_guides_sample_is_what_it_prints(caption_corrected: Path) -> None:
    repo = caption_corrected
    guide = (REPO / "docs/curating.md").read_text(encoding="utf-8")
    sample = guide.split("DW's gallery caption, committed:", 1)[1].split("```\n", 2)[1]

    report = impact(repo, "HEAD~1")

    # As `briefing impact` prints it: the report, then the summary as the error that exits 1.
    printed = [*report.lines(), f"error: {report.summary()}"]

    # Line numbers move as curators edit; the rest must match exactly.
    def unnumbered(line: str) -> str:
        return re.sub(r"\.(yml:\d+:\d+|txt:\d+):", ".LINE:", line)

    assert [unnumbered(line) for line in sample.splitlines()] == list(map(unnumbered, printed))


def test_it_finds_the_same_broken_quotes_as_the_check(repo: Path) -> None:
    # A wider correction: the date in Trump's tweet, quoted by several facts and a statement.
    edit(repo / DW, "on February 27 & 28,", "on February 27 and 28,")
    commit(repo, "Correct the tweet's date")

    report = impact(repo, "HEAD~1")

    _, problems = check(load_corpus(repo))
    expected = {
        str(p.location) for p in problems if p.message.startswith(("quote", "the statement's"))
    }
    assert len(expected) >= 3
    assert {str(q.location) for q in report.broken} == expected
    assert all("February 27 and 28" in q.hint for q in report.broken)
    pages = set(report.pages)
    assert {"meetings/hanoi-summit-2019.md", "people/donald-trump.md"} <= pages


def test_fixing_the_quote_leaves_nothing_broken(caption_corrected: Path) -> None:
    repo = caption_corrected
    assert impact(repo, "HEAD~1").broken  # the working tree still quotes the old words

    edit(repo / SENTOSA, f"{OLD_WORDS} ahead", f"{NEW_WORDS} ahead")

    uncommitted = impact(repo, "HEAD~1")
    assert uncommitted.broken == []
    assert [(f.path, f.status) for f in uncommitted.files] == [
        (DW, "changed"),
        (SENTOSA, "changed"),
    ]
    assert uncommitted.problems == 0
    commit(repo, "Quote the corrected caption")
    assert impact(repo, "HEAD~2").broken == []


def test_a_sentence_changed_around_an_intact_quote_is_a_warning(repo: Path) -> None:
    # The fact quotes only the first half of the caption's sentence; the second half changes.
    edit(
        repo / SENTOSA,
        "ahead of the summit, while local businesses\n"
        "      marked the occasion with special Trump-Kim branded water and drinks.",
        "ahead of the summit",
    )
    commit(repo, "Quote less")
    edit(repo / DW, "while local businesses marked", "while local shops marked")

    report = impact(repo, "HEAD")

    assert report.broken == []
    [changed] = report.changed
    assert str(changed.location) == quote_at(repo)
    line, _ = position(repo, DW, "local shops")
    assert changed.format() == (
        f"{changed.location}: warning: the sentence quoted from `dw-2019-02-09` changed (hint: it "
        f"now reads, {DW}:{line}: \"The island's security was massively increased ahead of the "
        "summit, while local shops marked the occasion with special Trump-Kim branded water and "
        'drinks."; check that the fact still holds)'
    )
    # Only the article's own page shows the words that changed: the warning names the fact.
    assert report.pages == ["sources/dw-2019-02-09.md"]


def test_a_new_article_with_its_facts_breaks_nothing(repo: Path) -> None:
    (repo / "seeds/wire-2019-02-10.txt").write_text(
        "Kim Jong Un will travel to Hanoi by train, officials said on Sunday.\n", encoding="utf-8"
    )
    (repo / "content/sources/wire-2019-02-10.yml").write_text(
        "name: Kim to travel by train\npublisher: Wire\npublished: 2019-02-10\n"
        "url: https://example.org/kim-train\n",
        encoding="utf-8",
    )
    (repo / "content/facts/kim-train-to-hanoi.yml").write_text(
        "claim: Kim Jong Un will travel to Hanoi by train.\nabout: [kim-jong-un, hanoi]\n"
        "cite:\n  claim:\n    wire-2019-02-10: Kim Jong Un will travel to Hanoi by train\n",
        encoding="utf-8",
    )
    commit(repo, "Add the wire report")

    report = impact(repo, "HEAD~1")

    assert report.broken == [] and report.changed == []
    assert report.problems == 0
    assert [(f.path, f.status) for f in report.files] == [
        ("seeds/wire-2019-02-10.txt", "added"),
        ("content/facts/kim-train-to-hanoi.yml", "added"),
        ("content/sources/wire-2019-02-10.yml", "added"),
    ]
    assert {
        "index.md",
        "sources/index.md",
        "sources/wire-2019-02-10.md",
        "people/kim-jong-un.md",
        "places/hanoi.md",
    } <= set(report.pages)


def quote_locations(root: Path, source: str) -> set[str]:
    """Where each quote of `source` sits in the content, found without `impact`."""
    raw = load_corpus(root)
    corpus, _ = check(raw)
    marks = {record.path: record.marks for record in raw.records}
    found = set()
    for entities in corpus.entities.values():
        for entity_id, entity in entities.items():
            for where, evidence in evidence_in(entity):
                quotes = [quote for cited, quote in evidence.quotes() if cited == source]
                at = marks[corpus.files[entity_id]].at
                found |= {str(at((*where, source, index))) for index in range(len(quotes))}
    return found


def test_a_removed_article_breaks_every_quote_of_it(repo: Path) -> None:
    quoting = quote_locations(repo, "diplomat-2019-02")
    (repo / "seeds/diplomat-2019-02.txt").unlink()

    report = impact(repo, "HEAD")

    assert [(f.path, f.status) for f in report.files] == [("seeds/diplomat-2019-02.txt", "deleted")]
    assert len(quoting) > 10
    # Statements whose `text` only the Diplomat has count too, at their `text`.
    assert {str(q.location) for q in report.broken} >= quoting
    assert all("seeds/diplomat-2019-02.txt is gone" in q.hint for q in report.broken)
    assert report.problems > 0  # the check says so too


def test_a_changed_date_touches_the_dated_pages_and_a_summary_does_not(repo: Path) -> None:
    meeting = repo / "content/meetings/hanoi-summit-2019.yml"
    edit(meeting, "date: 2019-02-27/2019-02-28", "date: 2019-02-27")
    dated = impact(repo, "HEAD")
    assert dated.broken == []
    [file] = dated.files
    assert (file.path, file.status) == ("content/meetings/hanoi-summit-2019.yml", "changed")
    assert {"index.md", "timeline.md", "meetings/hanoi-summit-2019.md", "places/hanoi.md"} <= set(
        file.pages
    )
    assert {"people/donald-trump.md", "people/kim-jong-un.md"} <= set(file.pages)

    git(repo, "checkout", "--", ".")
    edit(meeting, "kind: summit", "kind: talks")
    [undated] = impact(repo, "HEAD").files
    assert "timeline.md" not in undated.pages
    assert "meetings/hanoi-summit-2019.md" in undated.pages


def test_a_tag_described_anew_touches_the_tags_page_and_the_pages_showing_it(repo: Path) -> None:
    edit(repo / "content/tags.yml", "insults: The leaders'", "insults: The two leaders'")
    [file] = impact(repo, "HEAD").files
    assert (file.path, file.status) == ("content/tags.yml", "changed")
    # The pages that show the tag, as generated: those listing it in their front matter.
    assert briefing("generate", "--root", repo).returncode == 0
    showing = {
        page.relative_to(repo / DOCS).as_posix()
        for page in (repo / DOCS).rglob("*.md")
        if "\n  - insults\n" in page.read_text(encoding="utf-8")
    }
    assert showing and "tags.md" not in showing
    assert set(file.pages) == showing | {"tags.md"}


def test_a_tag_declared_for_later_touches_no_page(repo: Path) -> None:
    with (repo / "content/tags.yml").open("a", encoding="utf-8") as tags:
        tags.write("sanctions: Sanctions on North Korea, and their relief.\n")
    [file] = impact(repo, "HEAD").files
    assert file.path == "content/tags.yml" and file.pages == ()


def test_an_entity_tagged_anew_touches_the_tags_page(repo: Path) -> None:
    fact = repo / "content/facts/trump-kim-war-of-words.yml"
    edit(fact, "tags: [insults]", "tags: [insults, diplomacy]")
    [file] = impact(repo, "HEAD").files
    assert "tags.md" in file.pages


def test_nothing_changed_says_so(repo: Path) -> None:
    report = impact(repo, "HEAD")
    assert report.files == ()
    assert report.lines() == ["no article or content file changed since HEAD"]


def test_an_unknown_revision_is_one_clear_error(repo: Path, tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="unknown revision `HEAD~5`"):
        impact(repo, "HEAD~5")
    with pytest.raises(HistoryError, match="not a revision"):
        impact(repo, "--output=x")
    outside = tmp_path / "not-a-repo"
    outside.mkdir()
    with pytest.raises(HistoryError, match="not a git repository"):
        impact(outside, "HEAD")


def test_statements_and_facts_show_on_the_pages_of_what_they_name() -> None:
    kinds = {"donald-trump": "people", "hanoi-summit-2019": "meetings", "kim-quote": "statements"}
    statement = Statement.model_validate(
        {
            "speaker": "donald-trump",
            "medium": "tweet",
            "text": "See you in Hanoi!",
            "about": ["hanoi-summit-2019", "kim-quote"],
        }
    )
    assert pages_showing("statements", "trump-tweet", statement, kinds.get) == {
        "people/donald-trump.md",
        "meetings/hanoi-summit-2019.md",
    }
    # An entity with a page of its own is on it, even when it could not be read.
    assert pages_showing("people", "kim-jong-un", None, kinds.get) == {"people/kim-jong-un.md"}


@pytest.mark.skipif("impact" not in main.commands, reason="`briefing impact` not wired yet")
def test_the_command_exits_1_on_a_broken_quote_and_0_once_fixed(caption_corrected: Path) -> None:
    repo = caption_corrected
    broken = briefing("impact", "--root", repo, "--since", "HEAD~1")
    assert broken.returncode == 1, broken.stderr
    assert f"{quote_at(repo)}: error: quote no longer in" in broken.stdout
    assert "1 quote broke" in broken.stderr

    edit(repo / SENTOSA, OLD_WORDS, NEW_WORDS)
    fixed = briefing("impact", "--root", repo, "--since", "HEAD~1")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert "0 quotes broke" in fixed.stdout
