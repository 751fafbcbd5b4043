"""Each kind of bad input, made to a copy of the shipped content, gives one exact line naming the
file, line and column, exit status 1 and no traceback."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REPO, at, briefing, edit

Change = Callable[[Path], object]
Expected = Callable[[Path], str]

HINT_SLUG = "ids are lowercase letters and digits joined by single hyphens"
LINKED = (
    "a symbolic link: content and articles must be files inside the project (hint: replace the "
    "link with a copy of the file it points to)"
)


def _append(file: Path, text: str) -> None:
    with file.open("a", encoding="utf-8") as handle:
        handle.write(text)


BIEGUN = "content/people/stephen-biegun.yml"
HANOI_SUMMIT = "content/meetings/hanoi-summit-2019.yml"
KIM = "content/people/kim-jong-un.yml"
TAGS = "content/tags.yml"
MEASURES = "content/commitments/us-corresponding-measures.yml"

CASES: dict[str, tuple[Change, Expected]] = {
    "word changed inside a quote": (
        lambda p: edit(p / BIEGUN, "who led the preparatory", "who ran the preparatory"),
        lambda p: (
            f"{at(p, BIEGUN, 'the US special representative for North Korea who ran')}: "
            "error: quote not found in `dw-2019-02-09` (hint: closest passage, "
            'seeds/dw-2019-02-09.txt:8: "the US special representative for North Korea who led the '
            'preparatory talks in Pyongyang,")'
        ),
    ),
    "misspelt reference": (
        lambda p: edit(
            p / HANOI_SUMMIT,
            "participants: [donald-trump, kim-jong-un]",
            "participants: [donald-trump, kim-jong-un, stephen-biegum]",
        ),
        lambda p: (
            f"{at(p, HANOI_SUMMIT, 'stephen-biegum')}: error: unknown person or "
            "organization `stephen-biegum` in `participants` (hint: did you mean `stephen-biegun`?)"
        ),
    ),
    "YAML syntax error": (
        lambda p: edit(p / KIM, "aliases: [Chairman Kim]", "aliases: [Chairman Kim"),
        # The parser notices on the next line, at the colon of `epithets:`.
        lambda p: (
            f"{at(p, KIM, 'epithets:', skip=8)}: error: YAML syntax: expected ',' or ']', "
            f"but got ':', while parsing a flow sequence that starts at "
            f"{at(p, KIM, '[Chairman Kim').split(':', 1)[1]} (hint: check the indentation and "
            "closing brackets, and put text containing `: ` or starting with a quote, `[`, `{`, "
            "`*`, `&` or `#` in quotes)"
        ),
    ),
    "unknown field": (
        lambda p: edit(
            p / "content/people/donald-trump.yml",
            "country: united-states\n",
            "country: united-states\nborn: 1946\n",
        ),
        lambda p: (
            f"{at(p, 'content/people/donald-trump.yml', 'born:')}: error: unknown field "
            "`born` (hint: the fields here are: name, aliases, epithets, country, roles, summary, "
            "earlier, tags, cite)"
        ),
    ),
    "misspelt field": (
        lambda p: edit(p / "content/places/hanoi.yml", "within: vietnam", "withn: vietnam"),
        lambda p: (
            f"{at(p, 'content/places/hanoi.yml', 'withn:')}: error: unknown field `withn` "
            "(hint: did you mean `within`?)"
        ),
    ),
    "wrong type": (
        lambda p: edit(
            p / HANOI_SUMMIT,
            "participants: [donald-trump, kim-jong-un]",
            "participants: donald-trump",
        ),
        lambda p: (
            f"{at(p, HANOI_SUMMIT, 'donald-trump')}: error: `participants` should be a list, "
            "not text (hint: write `participants: [first, second]`, or one `- item` per line)"
        ),
    ),
    "impossible date": (
        lambda p: edit(p / HANOI_SUMMIT, "date: 2019-02-27/2019-02-28", "date: 2019-02-30"),
        lambda p: (
            f"{at(p, HANOI_SUMMIT, '2019-02-30')}: error: `date`: `2019-02-30` is not a real "
            "date: February 2019 has 28 days (hint: dates are YYYY, YYYY-MM, YYYY-MM-DD, or an "
            "interval START/END of those)"
        ),
    ),
    "same id twice": (
        lambda p: shutil.copy(p / "content/places/hanoi.yml", p / "content/statements/hanoi.yml"),
        lambda p: (
            "content/statements/hanoi.yml:1:1: error: duplicate id `hanoi`: "
            "content/places/hanoi.yml already uses it (hint: ids are unique across all kinds; "
            "rename one of the files)"
        ),
    ),
    "file name with spaces and capitals": (
        lambda p: shutil.move(p / BIEGUN, p / "content/people/Stephen Biegun.yml"),
        lambda p: (
            "content/people/Stephen Biegun.yml:1:1: error: file name `Stephen Biegun` is "
            f"not a valid id (hint: rename the file; {HINT_SLUG}, e.g. `stephen-biegun`)"
        ),
    ),
    "file name with upper case": (
        lambda p: shutil.move(
            p / "content/facts/bromance-drink.yml", p / "content/facts/Bromance-Drink.yml"
        ),
        lambda p: (
            "content/facts/Bromance-Drink.yml:1:1: error: file name `Bromance-Drink` is not "
            f"a valid id (hint: rename the file; {HINT_SLUG}, e.g. `bromance-drink`)"
        ),
    ),
    "file name with ..": (
        lambda p: shutil.move(
            p / "content/facts/bromance-drink.yml", p / "content/facts/bromance..drink.yml"
        ),
        lambda p: (
            "content/facts/bromance..drink.yml:1:1: error: file name `bromance..drink` is "
            f"not a valid id (hint: rename the file; {HINT_SLUG}, e.g. `bromance-drink`)"
        ),
    ),
    "file in a subfolder": (
        lambda p: (
            (p / "content/facts/gallery").mkdir()
            or shutil.move(
                p / "content/facts/bromance-drink.yml", p / "content/facts/gallery/x.yml"
            )
        ),
        lambda p: (
            "content/facts/gallery:1:1: error: not a content file "
            "(hint: content files are `ID.yml` directly inside the kind's folder)"
        ),
    ),
    "reference that is a path": (
        lambda p: edit(p / HANOI_SUMMIT, "place: hanoi", "place: ../places/hanoi"),
        lambda p: (
            f"{at(p, HANOI_SUMMIT, '../places/hanoi')}: error: `../places/hanoi` in `place` "
            "is not a valid id (hint: did you mean `hanoi`?)"
        ),
    ),
    "citation of a source that does not exist": (
        lambda p: edit(
            p / "content/people/kim-hyok-chol.yml",
            "  country:\n    dw-2019-02-09:",
            "  country:\n    dw-2019-02-08:",
        ),
        lambda p: (
            f"{at(p, 'content/people/kim-hyok-chol.yml', 'dw-2019-02-08')}: error: unknown "
            "source `dw-2019-02-08` in `cite.country` (hint: did you mean `dw-2019-02-09`?)"
        ),
    ),
    "fact without a citation": (
        lambda p: (
            edit(
                p / "content/places/hanoi.yml",
                "  within:\n    dw-2019-02-09: will be held in Vietnam's capital, Hanoi.\n",
                "  within:\n",
            )
            or edit(
                p / "content/places/hanoi.yml",
                "  within:\n    diplomat-2019-02: The summit will take place in Hanoi, Vietnam, on "
                "February 27 and 28.\n",
                "",
            )
        ),
        lambda p: (
            f"{at(p, 'content/places/hanoi.yml', 'within:')}: error: `within` is not cited "
            '(hint: add `within:` under `cite:` with `SOURCE-ID: "the exact words"` (or '
            '`inference: "your reason"`))'
        ),
    ),
    "field given twice": (
        lambda p: _append(p / KIM, "name: Kim Again\n"),
        lambda p: (
            f"{at(p, KIM, 'name: Kim Again')}: error: `name` is given twice in the same mapping "
            "(hint: keep one; the second would silently replace the first)"
        ),
    ),
    "field name that is not text": (
        lambda p: _append(p / KIM, "[a, b]: c\n"),
        lambda p: (
            f"{at(p, KIM, '[a, b]')}: error: a field name must be plain text "
            "(hint: write `name: value`)"
        ),
    ),
    "YAML tag": (
        lambda p: edit(p / KIM, "name: Kim Jong Un", "name: !custom Kim Jong Un"),
        lambda p: (
            f"{at(p, KIM, '!custom')}: error: unsupported YAML tag `!custom` "
            "(hint: remove the `!` tag; plain values are enough)"
        ),
    ),
    "folder of no known kind": (
        lambda p: (p / "content/organisations").mkdir(),
        lambda p: (
            "content/organisations:1:1: error: not a folder of a known kind "
            "(hint: did you mean `organizations`?)"
        ),
    ),
    "file not UTF-8": (
        lambda p: (p / KIM).write_bytes(b"name: Kim\xff\n"),
        lambda p: f"{KIM}:1:1: error: not UTF-8 text (invalid start byte) (hint: save as UTF-8)",
    ),
    # A link could publish any file the build can read; git stores links, so CI would deploy it.
    "article text linked from outside the project": (
        lambda p: (
            (p / "seeds/leak-2019-01-01.txt").symlink_to("/etc/passwd"),
            (p / "content/sources/leak-2019-01-01.yml").write_text(
                "name: Leak\npublisher: Nobody\npublished: 2019-01-01\nurl: https://example.org/\n",
                encoding="utf-8",
            ),
        ),
        lambda p: f"seeds/leak-2019-01-01.txt:1:1: error: {LINKED}",
    ),
    "content file linked from elsewhere": (
        lambda p: (p / "content/places/elsewhere.yml").symlink_to(p / "content/places/hanoi.yml"),
        lambda p: f"content/places/elsewhere.yml:1:1: error: {LINKED}",
    ),
    "dangling link": (
        lambda p: (p / "content/places/gone.yml").symlink_to(p / "content/places/no-such.yml"),
        lambda p: f"content/places/gone.yml:1:1: error: {LINKED}",
    ),
    "link loop": (
        lambda p: (p / "content/places/loop.yml").symlink_to(p / "content/places/loop.yml"),
        lambda p: f"content/places/loop.yml:1:1: error: {LINKED}",
    ),
    "misspelt tag": (
        lambda p: edit(
            p / MEASURES, "[denuclearization, concessions]", "[denuclearization, concesions]"
        ),
        lambda p: (
            f"{at(p, MEASURES, 'concesions')}: error: unknown tag `concesions` "
            "(hint: did you mean `concessions`?)"
        ),
    ),
    "tag not declared": (
        lambda p: edit(
            p / MEASURES, "[denuclearization, concessions]", "[denuclearization, economy]"
        ),
        lambda p: (
            f"{at(p, MEASURES, 'economy')}: error: unknown tag `economy` "
            "(hint: declare it in content/tags.yml: `economy: what it covers`)"
        ),
    ),
    "tags used, no tags file": (
        lambda p: (p / TAGS).unlink(),
        # Said once, at the first tag used (in file order), not at every one.
        lambda p: (
            f"{at(p, 'content/commitments/envoys-meet-again-before-hanoi.yml', 'diplomacy')}: "
            "error: unknown tag `diplomacy`: there is no content/tags.yml (hint: create "
            "content/tags.yml with a line `diplomacy: what it covers` for each tag)"
        ),
    ),
    "tag declared with an invalid id": (
        lambda p: _append(p / TAGS, "Sanctions Relief: Lifting sanctions.\n"),
        lambda p: (
            f"{at(p, TAGS, 'Sanctions Relief')}: error: tag `Sanctions Relief` is not a valid id "
            f"(hint: {HINT_SLUG}, e.g. `sanctions-relief`)"
        ),
    ),
    "tag declared twice": (
        lambda p: _append(p / TAGS, "summitry: The summits again.\n"),
        lambda p: (
            f"{at(p, TAGS, 'summitry: The summits again')}: error: `summitry` is given twice in "
            "the same mapping (hint: keep one; the second would silently replace the first)"
        ),
    ),
    "tag declared without a description": (
        lambda p: _append(p / TAGS, "sanctions:\n"),
        lambda p: (
            f"{at(p, TAGS, 'sanctions:')}: error: tag `sanctions` says nothing of what it covers "
            "(hint: write `sanctions: what it covers`)"
        ),
    ),
    "tag described on several lines": (
        lambda p: _append(p / TAGS, "sanctions: |\n  Sanctions on North Korea,\n  and relief.\n"),
        lambda p: (
            f"{at(p, TAGS, '|')}: error: what tag `sanctions` covers should be one line of text, "
            "not several lines (hint: write it on the same line as the tag, or fold a long line "
            "with `>-`)"
        ),
    ),
    "tag described by a list": (
        lambda p: _append(p / TAGS, "sanctions: [sanctions, relief]\n"),
        lambda p: (
            f"{at(p, TAGS, '[sanctions, relief]')}: error: what tag `sanctions` covers should be "
            "one line of text, not a list (hint: write it on the same line as the tag, or fold a "
            "long line with `>-`)"
        ),
    ),
    "tags file that is not YAML": (
        lambda p: edit(p / TAGS, "peace-regime: A lasting", "peace-regime: Peace: a lasting"),
        lambda p: (
            f"{at(p, TAGS, ': a lasting')}: error: YAML syntax: mapping values are not allowed "
            "here (hint: check the indentation and closing brackets, and put text containing "
            "`: ` or starting with a quote, `[`, `{`, `*`, `&` or `#` in quotes)"
        ),
    ),
    # Not also "no article text" on its source: the file is there.
    "article not UTF-8": (
        lambda p: (p / "seeds/dw-2019-02-09.txt").write_bytes(b"Trump and Kim\xe9\n"),
        lambda p: (
            "seeds/dw-2019-02-09.txt:1:1: error: not UTF-8 text (invalid continuation byte) "
            "(hint: save as UTF-8)"
        ),
    ),
}


def test_a_misnamed_tags_file_is_named_and_its_tags_are_missed(project: Path) -> None:
    (project / TAGS).rename(project / "content/tag.yml")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    envoys = "content/commitments/envoys-meet-again-before-hanoi.yml"
    assert result.stderr.splitlines() == [
        f"{at(project, envoys, 'diplomacy')}: error: unknown tag `diplomacy`: there is no "
        "content/tags.yml (hint: create content/tags.yml with a line `diplomacy: what it "
        "covers` for each tag)",
        "content/tag.yml:1:1: error: not a folder of a known kind (hint: did you mean `tags.yml`?)",
        "2 problem(s) in 2 file(s); nothing was generated",
    ]


def _check_broken(project: Path, change: Change, expected: Expected) -> tuple[str, list[str]]:
    """Make the change, run the check: the line it should print, and what it printed. The check
    must fail, without a traceback."""
    change(project)
    wanted = expected(project)
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    return wanted, result.stderr.splitlines()


def test_links_are_refused_and_the_check_goes_on(project: Path) -> None:
    """A linked kind folder, and a link loop, are each one located line; the other files are
    still checked (here a misspelt reference, and what the missing organizations break)."""
    (project / "content/organizations").rename(project / "organizations")
    (project / "content/organizations").symlink_to(project / "organizations")
    (project / "content/places/loop.yml").symlink_to(project / "content/places/loop.yml")
    wanted, lines = _check_broken(project, *CASES["misspelt reference"])
    assert f"content/organizations:1:1: error: {LINKED}" in lines
    assert f"content/places/loop.yml:1:1: error: {LINKED}" in lines
    assert wanted in lines
    assert len(lines) > 4  # references to the organizations are reported too


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gives_one_exact_line(project: Path, case: str) -> None:
    wanted, lines = _check_broken(project, *CASES[case])
    assert lines[0] == wanted
    assert lines[1:] == ["1 problem(s) in 1 file(s); nothing was generated"]


def test_shipped_content_is_clean(project: Path) -> None:
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_all_problems_in_all_files_reported_in_order(project: Path) -> None:
    cases = ["word changed inside a quote", "unknown field", "misspelt reference", "misspelt field"]
    for case in cases:
        CASES[case][0](project)
    edit(project / "content/places/hanoi.yml", "name: Hanoi", "name: yes")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    name_problem = f"{at(project, 'content/places/hanoi.yml', 'yes')}: error: `name` should be text"
    assert lines[:3] == [CASES[case][1](project) for case in sorted(cases[:3], key=_file_of)]
    assert lines[3].startswith(name_problem)
    assert lines[4] == CASES["misspelt field"][1](project)
    assert lines[5:] == ["5 problem(s) in 4 file(s); nothing was generated"]


def _file_of(case: str) -> str:
    return {"word changed inside a quote": BIEGUN, "misspelt reference": HANOI_SUMMIT}.get(
        case, "content/people/donald-trump.yml"
    )


KIM_2017 = "content/facts/kim-2017-missile-tests.yml"
DATE_HINT = "dates are YYYY, YYYY-MM, YYYY-MM-DD, or an interval START/END of those"


@pytest.mark.parametrize(
    ("written", "message", "hint"),
    [
        # YAML 1.1 reads these as the number 2017 (or 64): a date is checked as written.
        ("0x7E1", "`0x7E1` is not a date", DATE_HINT),
        ("03741", "`03741` is not a date", DATE_HINT),
        ("2_017", "`2_017` is not a date", DATE_HINT),
        ("+2017", "`+2017` is not a date", DATE_HINT),
        ("2017.0", "`2017.0` is not a date", DATE_HINT),
        ("0100", "`0100` is not a real date: years run from 1000 to 9999", DATE_HINT),
        (
            "2017-02/2017-02-01",
            "`2017-02/2017-02-01` does not end after it starts",
            "the end must begin after the start's last day, 28 February 2017; for a single "
            "day, month or year, write just that date",
        ),
        (
            "2017/2017",
            "`2017/2017` does not end after it starts",
            "the end must begin after the start's last day, 31 December 2017; for a single "
            "day, month or year, write just that date",
        ),
    ],
)
def test_a_date_is_checked_as_written(project: Path, written: str, message: str, hint: str) -> None:
    edit(project / KIM_2017, "date: 2017\n", f"date: {written}\n")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.splitlines() == [
        f"{at(project, KIM_2017, written)}: error: `date`: {message} (hint: {hint})",
        "1 problem(s) in 1 file(s); nothing was generated",
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
    assert CASES["misspelt reference"][1](project) in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


# Input that is malformed in ways a curator rarely means, but must never crash the check.
ODD_CASES: dict[str, tuple[Change, Expected]] = {
    "YAML alias": (
        lambda p: _append(p / KIM, "extra: &a [*a]\n"),
        lambda p: (
            f"{at(p, KIM, '*a')}: error: aliases (`*name`) are not supported "
            "(hint: write the value out in full)"
        ),
    ),
    "control character": (
        lambda p: edit(p / KIM, "name: Kim Jong Un", "name: Kim\x01 Jong Un"),
        lambda p: (
            f"{at(p, KIM, chr(1))}: error: character 0x0001 is not allowed in YAML "
            "(hint: remove the control character)"
        ),
    ),
    "second document": (
        lambda p: _append(p / KIM, "---\nname: Other\n"),
        lambda p: (
            f"{at(p, KIM, chr(10) + '---', skip=1)}: error: a second YAML document (`---`) "
            "(hint: one file holds one entity)"
        ),
    ),
    # libyaml reads a shallow file; a deeper one overflowed its stack (a segmentation fault)
    # and goes to the pure loader: either way, the same located line.
    **{
        f"deep nesting, {name}": (
            lambda p, text=text: _append(p / KIM, "extra:\n" + text + "\n"),
            lambda p, skip=skip: (
                f"{at(p, KIM, 'extra:', skip=7 + skip)}: error: nested more than 32 levels deep "
                "(hint: look for brackets that are never closed)"
            ),
        )
        for name, text, skip in [
            ("a few levels too many", " " + "[" * 40 + "]" * 40, 1 + 31),
            ("50,000 brackets", " " + "[" * 50_000 + "]" * 50_000, 1 + 31),
            ("50,000 braces", " " + "{a: " * 50_000 + "}" * 50_000, 1 + 30 * 4 + 1),
            ("50,000 dashes", "- " * 50_000 + "x", 31 * 2),
        ]
    },
    "blank text": (
        lambda p: edit(p / KIM, "name: Kim Jong Un", "name: ' '"),
        lambda p: (
            f"{at(p, KIM, chr(39) + ' ' + chr(39))}: error: `name` is empty "
            "(hint: write the text, or remove the field)"
        ),
    ),
    "empty quote list": (
        lambda p: edit(
            p / "content/people/kim-hyok-chol.yml",
            "  country:\n    dw-2019-02-09:",
            "  country:\n    diplomat-2019-02: []\n    dw-2019-02-09:",
        ),
        lambda p: (
            f"{at(p, 'content/people/kim-hyok-chol.yml', '[]')}: error: "
            "`cite.country.diplomat-2019-02` needs at least one item "
            '(hint: write `SOURCE-ID: "the exact words"`)'
        ),
    ),
    "quote that is only an ellipsis": (
        lambda p: edit(
            p / "content/people/kim-hyok-chol.yml",
            "  country:\n    dw-2019-02-09:",
            "  country:\n    diplomat-2019-02: '[...]'\n    dw-2019-02-09:",
        ),
        lambda p: (
            f"{at(p, 'content/people/kim-hyok-chol.yml', chr(39) + '[...]')}: error: "
            "`cite.country.diplomat-2019-02[0]`: the quote is empty (hint: write the exact words)"
        ),
    ),
    "id reserved for an index page": (
        lambda p: shutil.copy(p / BIEGUN, p / "content/people/index.yml"),
        lambda p: (
            "content/people/index.yml:1:1: error: `index` is reserved for the people index "
            "page (hint: rename the file)"
        ),
    ),
    "empty article": (
        lambda p: (p / "seeds/diplomat-2019-02.txt").write_text("\n", encoding="utf-8"),
        lambda p: (
            "seeds/diplomat-2019-02.txt:1:1: error: the article text is empty "
            "(hint: paste the article's text into the file)"
        ),
    ),
}


@pytest.mark.parametrize("case", list(ODD_CASES))
def test_odd_input_gives_a_located_problem_not_a_crash(project: Path, case: str) -> None:
    wanted, lines = _check_broken(project, *ODD_CASES[case])
    assert lines[0] == wanted
