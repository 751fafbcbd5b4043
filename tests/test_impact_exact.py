"""`briefing impact` names exactly the pages whose generated Markdown changes: edits of every kind
of field, committed one at a time, each compared with what `briefing generate` really rewrites."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import DOCS, briefing, copy_project, edit, tree
from test_impact import commit, git

from generator.impact import impact

KIM_HYOK_CHOL = "content/people/kim-hyok-chol.yml"
HANOI = "content/meetings/hanoi-summit-2019.yml"
PYONGYANG = "content/meetings/pyongyang-talks-2019.yml"
NEW_FACT = "content/facts/biegun-three-day-meeting.yml"


def _new_fact(root: Path) -> None:
    (root / NEW_FACT).write_text(
        "claim: Biegun called the three days of talks in Pyongyang productive.\n"
        "about: [stephen-biegun, pyongyang-talks-2019]\n"
        "cite:\n"
        "  claim:\n"
        "    dw-2019-02-09: >-\n"
        '      "Our discussions were productive," Biegun said after the three-day meeting in the\n'
        "      North Korean capital.\n",
        encoding="utf-8",
    )


# Each edit is committed on top of the ones before it.
EDITS: dict[str, Callable[[Path], object]] = {
    "a person's name": lambda r: edit(
        r / KIM_HYOK_CHOL, "name: Kim Hyok Chol", "name: Kim Hyok-chol"
    ),
    "a meeting's date": lambda r: edit(
        r / HANOI, "date: 2019-02-27/2019-02-28", "date: 2019-02-26/2019-02-28"
    ),
    "a new fact about a person": _new_fact,
    "a status": lambda r: edit(r / HANOI, "status: scheduled", "status: postponed"),
    "a reference": lambda r: edit(
        r / PYONGYANG,
        "participants: [stephen-biegun, kim-hyok-chol]",
        "participants: [kim-hyok-chol, stephen-biegun]",
    ),
    "a deleted file": lambda r: (r / "content/facts/first-handshake.yml").unlink(),
    "an article's words outside any quote": lambda r: edit(
        r / "seeds/dw-2019-02-09.txt", "Advertisement\n", "Advertisement (corrected)\n"
    ),
}


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("exact") / "project")
    git(root, "init", "--quiet")
    commit(root, "The briefing as shipped")
    return root


def _generated(root: Path) -> dict[str, bytes]:
    result = briefing("generate", "--root", root)
    assert result.returncode == 0, result.stderr
    return {path: text for path, text in tree(root / DOCS).items() if path.endswith(".md")}


def test_impact_names_exactly_the_pages_each_edit_changes(history: Path) -> None:
    root = history
    before = _generated(root)
    for name, change in EDITS.items():
        change(root)
        commit(root, name)
        after = _generated(root)
        really = sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
        assert really, name  # every edit changes some page
        report = impact(root, "HEAD~1")
        assert report.problems == 0, name
        assert report.changed_pages is not None, name
        assert list(report.changed_pages) == really, name
        before = after
    shutil.rmtree(root / "build")


def test_the_report_lists_the_pages_changed(history: Path) -> None:
    edit(history / KIM_HYOK_CHOL, "name: Kim Hyok-chol", "name: Kim Hyok Chol")
    result = briefing("impact", "--root", history, "--since", "HEAD")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"{KIM_HYOK_CHOL}: changed since HEAD"
    assert lines[1].startswith("pages changed: ")
    assert "people/kim-hyok-chol.md" in lines[1]
    assert "index.md" in lines[1].split(": ", 1)[1].split(", ")
    git(history, "checkout", "--quiet", "--", KIM_HYOK_CHOL)


def test_a_revision_whose_templates_this_generator_cannot_render_falls_back(
    history: Path,
) -> None:
    """Templates of an older revision may call what the generator no longer has: the exact pages
    cannot be known then, and the report says which pages show what changed instead."""
    place = history / "templates/place.md.j2"
    kept = place.read_text(encoding="utf-8")
    edit(place, "# {{ entity.name }}", "# {{ page.no_longer_there() }}")
    commit(history, "A template of another generator")
    place.write_text(kept, encoding="utf-8")
    edit(history / KIM_HYOK_CHOL, "name: Kim Hyok-chol", "name: Kim H. C.")
    report = impact(history, "HEAD")
    assert report.changed_pages is None
    assert "people/kim-hyok-chol.md" in report.pages
    git(history, "checkout", "--quiet", "--", ".")
