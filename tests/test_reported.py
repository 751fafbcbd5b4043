"""Reported speech: a statement whose `text` is the article's account of what was said (test data:
Biegun's words as tests/data/revisited's invented article reports them) is shown without
quotation marks and labelled *reported*; its text is checked as the article's exact words, as a
verbatim statement's is; the data export carries the field."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import REVISITED, at, briefing, copy_project, edit, page_text

REPORTED = "test-revisited-biegun-envoys-in-hanoi"
REPORTED_FILE = f"content/statements/{REPORTED}.yml"
WORDS = "the envoys would meet one more time, in Hanoi rather than in a third nation."
# A verbatim statement by the same speaker, shown on the same pages.
VERBATIM = "biegun-discussions-productive"
QUOTED = "“Our discussions were productive"


def site_page(root: Path, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


def item(html: str, anchor: str) -> str:
    """The list item with this id."""
    match = re.search(rf'<li id="{anchor}">.*?</li>', html, re.S)
    assert match, f"no list item #{anchor}"
    return match[0]


def test_a_reported_statement_is_labelled_and_not_quoted_on_its_speakers_page(
    revisited_built: Path,
) -> None:
    html = site_page(revisited_built, "people/stephen-biegun.html")
    reported = item(html, f"statement-{REPORTED}")
    assert '<em class="reported"' in reported
    assert f"reported: {WORDS}" in page_text(reported)
    assert "“" not in page_text(reported) and "”" not in page_text(reported)
    verbatim = item(html, f"statement-{VERBATIM}")
    assert '<em class="reported"' not in verbatim
    assert QUOTED in page_text(verbatim)


@pytest.mark.parametrize(
    "path",
    ["meetings/envoys-meeting-2019-02.html", "statements/index.html", "timeline.html"],
)
def test_every_list_of_statements_shows_it_reported(revisited_built: Path, path: str) -> None:
    text = page_text(site_page(revisited_built, path))
    assert f"reported: {WORDS}" in text
    assert f"“{WORDS}" not in text


def test_the_shipped_paraphrases_are_reported_and_quotations_stay_quoted(
    revisited_built: Path,
) -> None:
    text = page_text(site_page(revisited_built, "statements/index.html"))
    assert (
        "reported: the talks would be aimed at seeking progress on commitments made in Singapore "
        'and mapping out "a set of concrete deliverables" for the second summit.'
    ) in text
    assert "“a set of concrete deliverables”" not in text
    assert 'reported: he formed a "special bond" with Kim' in text
    assert "“become a different kind of Rocket — an Economic one!”" in text


def test_the_export_carries_the_field(revisited_built: Path) -> None:
    data = json.loads(site_page(revisited_built, "data/briefing.json"))
    statements = data["statements"]
    assert statements[REPORTED]["reported"] is True
    assert statements[REPORTED]["text"] == WORDS
    assert "reported" not in statements[VERBATIM]  # the default, as the file leaves it


@pytest.fixture
def revisited_project(tmp_path: Path) -> Path:
    """A copy of the shipped content with the test data of tests/data/revisited laid over it."""
    root = copy_project(tmp_path / "project")
    shutil.copytree(REVISITED / "content", root / "content", dirs_exist_ok=True)
    shutil.copytree(REVISITED / "seeds", root / "seeds", dirs_exist_ok=True)
    return root


@pytest.mark.parametrize(
    ("file", "old", "new", "source"),
    [
        (
            REPORTED_FILE,
            "text: the envoys would meet one more time",
            "text: the envoys would meet again",
            "test-revisited-2019-03-02",
        ),
        (
            f"content/statements/{VERBATIM}.yml",
            "Our discussions were productive [...]",
            "Our talks were productive [...]",
            "dw-2019-02-09",
        ),
    ],
    ids=["reported", "verbatim"],
)
def test_words_not_in_the_article_are_the_same_located_error(
    revisited_project: Path, file: str, old: str, new: str, source: str
) -> None:
    """Reported or not, the text must be the cited article's exact words."""
    edit(revisited_project / file, old, new)
    result = briefing("check", "--root", revisited_project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    where = at(revisited_project, file, "\ntext: ", skip=len("\ntext: "))
    lines = result.stderr.splitlines()
    assert lines[0].startswith(
        f"{where}: error: the statement's `text` is not verbatim in `{source}` (hint: closest "
        "passage, "
    )
    assert lines[0].endswith("; mark left-out words with [...])")
    assert lines[1:] == ["1 problem(s) in 1 file(s); nothing was generated"]


def test_reported_must_be_true_or_false(revisited_project: Path) -> None:
    edit(revisited_project / REPORTED_FILE, "reported: true", 'reported: "yes"')
    result = briefing("check", "--root", revisited_project)
    assert result.returncode == 1
    where = at(revisited_project, REPORTED_FILE, '"yes"')
    assert result.stderr.splitlines() == [
        f"{where}: error: `reported` should be `true` or `false`, not text (hint: write "
        "`reported: true`, or leave it out)",
        "1 problem(s) in 1 file(s); nothing was generated",
    ]
