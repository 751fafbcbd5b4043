"""Each kind of bad input, made to a copy of the shipped content, gives one exact line naming the
file, line and column, exit status 1 and no traceback."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, briefing, edit

Change = Callable[[Path], object]

HINT_SLUG = "ids are lowercase letters and digits joined by single hyphens"
CASES: dict[str, tuple[Change, str]] = {
    "word changed inside a quote": (
        lambda p: edit(
            p / "content/people/stephen-biegun.yml",
            "who led the preparatory",
            "who ran the preparatory",
        ),
        "content/people/stephen-biegun.yml:22:9: error: quote not found in `dw-2019-02-09` "
        '(hint: closest passage, seeds/dw-2019-02-09.txt:8: "the US special representative for '
        'North Korea who led the preparatory talks in Pyongyang,")',
    ),
    "misspelt reference": (
        lambda p: edit(
            p / "content/meetings/hanoi-summit-2019.yml",
            "participants: [donald-trump, kim-jong-un]",
            "participants: [donald-trump, kim-jong-un, stephen-biegum]",
        ),
        "content/meetings/hanoi-summit-2019.yml:7:43: error: unknown person or organization "
        "`stephen-biegum` in `participants` (hint: did you mean `stephen-biegun`?)",
    ),
    "YAML syntax error": (
        lambda p: edit(
            p / "content/people/kim-jong-un.yml",
            "aliases: [Chairman Kim]",
            "aliases: [Chairman Kim",
        ),
        "content/people/kim-jong-un.yml:4:8: error: YAML syntax: expected ',' or ']', but got ':', "
        "while parsing a flow sequence that starts at 3:10 (hint: check the indentation and "
        "closing brackets, and put text containing `: ` or starting with a quote, `[`, `{`, `*`, "
        "`&` or `#` in quotes)",
    ),
    "unknown field": (
        lambda p: edit(
            p / "content/people/donald-trump.yml",
            "country: united-states\n",
            "country: united-states\nborn: 1946\n",
        ),
        "content/people/donald-trump.yml:5:1: error: unknown field `born` "
        "(hint: the fields here are: name, aliases, country, roles, summary, tags, cite)",
    ),
    "misspelt field": (
        lambda p: edit(p / "content/places/hanoi.yml", "within: vietnam", "withn: vietnam"),
        "content/places/hanoi.yml:4:1: error: unknown field `withn` (hint: did you mean `within`?)",
    ),
    "wrong type": (
        lambda p: edit(
            p / "content/meetings/hanoi-summit-2019.yml",
            "participants: [donald-trump, kim-jong-un]",
            "participants: donald-trump",
        ),
        "content/meetings/hanoi-summit-2019.yml:7:15: error: `participants` should be a list, "
        "not text (hint: write `participants: [first, second]`, or one `- item` per line)",
    ),
    "impossible date": (
        lambda p: edit(
            p / "content/meetings/hanoi-summit-2019.yml",
            "date: 2019-02-27/2019-02-28",
            "date: 2019-02-30",
        ),
        "content/meetings/hanoi-summit-2019.yml:5:7: error: `date`: `2019-02-30` is not a real "
        "date: February 2019 has 28 days (hint: dates are YYYY, YYYY-MM, YYYY-MM-DD, or an "
        "interval START/END of those)",
    ),
    "same id twice": (
        lambda p: shutil.copy(p / "content/places/hanoi.yml", p / "content/statements/hanoi.yml"),
        "content/statements/hanoi.yml:1:1: error: duplicate id `hanoi`: content/places/hanoi.yml "
        "already uses it (hint: ids are unique across all kinds; rename one of the files)",
    ),
    "file name with spaces and capitals": (
        lambda p: shutil.move(
            p / "content/people/stephen-biegun.yml", p / "content/people/Stephen Biegun.yml"
        ),
        "content/people/Stephen Biegun.yml:1:1: error: file name `Stephen Biegun` is not a valid "
        f"id (hint: rename the file; {HINT_SLUG}, e.g. `stephen-biegun`)",
    ),
    "file name with upper case": (
        lambda p: shutil.move(p / "content/places/vietnam.yml", p / "content/places/Vietnam.yml"),
        "content/places/Vietnam.yml:1:1: error: file name `Vietnam` is not a valid id "
        f"(hint: rename the file; {HINT_SLUG}, e.g. `vietnam`)",
    ),
    "file name with ..": (
        lambda p: shutil.move(
            p / "content/people/kim-hyok-chol.yml", p / "content/people/kim..hyok-chol.yml"
        ),
        "content/people/kim..hyok-chol.yml:1:1: error: file name `kim..hyok-chol` is not a valid "
        f"id (hint: rename the file; {HINT_SLUG}, e.g. `kim-hyok-chol`)",
    ),
    "file in a subfolder": (
        lambda p: (
            (p / "content/people/us").mkdir()
            or shutil.move(p / "content/people/stephen-biegun.yml", p / "content/people/us/x.yml")
        ),
        "content/people/us:1:1: error: not a content file "
        "(hint: content files are `ID.yml` directly inside the kind's folder)",
    ),
    "reference that is a path": (
        lambda p: edit(
            p / "content/meetings/hanoi-summit-2019.yml", "place: hanoi", "place: ../places/hanoi"
        ),
        "content/meetings/hanoi-summit-2019.yml:6:8: error: `../places/hanoi` in `place` is not "
        "a valid id (hint: did you mean `hanoi`?)",
    ),
    "citation of a source that does not exist": (
        lambda p: edit(
            p / "content/people/kim-hyok-chol.yml",
            "  country:\n    dw-2019-02-09:",
            "  country:\n    dw-2019-02-08:",
        ),
        "content/people/kim-hyok-chol.yml:18:5: error: unknown source `dw-2019-02-08` in "
        "`cite.country` (hint: did you mean `dw-2019-02-09`?)",
    ),
    "fact without a citation": (
        lambda p: edit(
            p / "content/places/hanoi.yml",
            "  within:\n    dw-2019-02-09: will be held in Vietnam's capital, Hanoi.\n",
            "",
        ),
        "content/places/hanoi.yml:4:1: error: `within` is not cited (hint: add `within:` under "
        '`cite:` with `SOURCE-ID: "the exact words"` (or `inference: "your reason"`))',
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gives_one_exact_line(project: Path, case: str) -> None:
    change, expected = CASES[case]
    change(project)
    result = briefing("check", "--root", project)
    lines = result.stderr.splitlines()
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert lines[0] == expected
    assert lines[1:] == ["1 problem(s) in 1 file(s); nothing was generated"]


def test_shipped_content_is_clean(project: Path) -> None:
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_all_problems_in_all_files_reported_in_order(project: Path) -> None:
    for case in (
        "unknown field",
        "misspelt reference",
        "word changed inside a quote",
        "wrong type",
    ):
        if case != "wrong type":
            CASES[case][0](project)
    edit(project / "content/places/vietnam.yml", "name: Vietnam", "name: 5")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    assert [line.split(": ")[0] for line in result.stderr.splitlines()] == [
        "content/meetings/hanoi-summit-2019.yml:7:43",
        "content/people/donald-trump.yml:5:1",
        "content/people/stephen-biegun.yml:22:9",
        "content/places/vietnam.yml:2:7",
        "4 problem(s) in 4 file(s); nothing was generated",
    ]


def test_make_check_fails_on_a_broken_copy(project: Path) -> None:
    CASES["misspelt reference"][0](project)
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "check", f"ROOT={project}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert CASES["misspelt reference"][1] in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback_of_an_internal_error(project: Path) -> None:
    # A template that calls a missing helper is a bug in the project, not in the content.
    edit(project / "templates/person.md.j2", "# {{ entity.name }}", "# {{ page.no_such() }}")
    plain = briefing("generate", "--root", project)
    assert plain.returncode == 1
    assert "Traceback" not in plain.stderr
    assert "run with --debug" in plain.stderr
    debug = briefing("generate", "--root", project, "--debug")
    assert debug.returncode == 1
    assert "Traceback" in debug.stderr
