"""Text that differs only in its encoding (a byte order mark, accents composed or not) is the
same text; invisible characters that are not encoding are named where they are, through the
real `briefing` command on a copy of the shipped content (test data made by editing it)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import at, briefing, edit, position

BIEGUN = "content/people/stephen-biegun.yml"
HANOI = "content/places/hanoi.yml"
KIM = "content/people/kim-jong-un.yml"
BROMANCE = "content/facts/bromance-drink.yml"
SENTOSA = "content/facts/sentosa-security.yml"
DW = "seeds/dw-2019-02-09.txt"
BOM = b"\xef\xbb\xbf"


def _problems(project: Path) -> list[str]:
    """What the check prints, which must be a failure without a traceback."""
    result = briefing("check", "--root", project)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    return result.stderr.splitlines()


@pytest.mark.parametrize(("quote_form", "article_form"), [("NFC", "NFD"), ("NFD", "NFC")])
def test_accents_composed_or_not_are_the_same_words(
    project: Path, quote_form: str, article_form: str
) -> None:
    words = "A barténder in Singapore"
    edit(project / DW, "A bartender in Singapore", unicodedata.normalize(article_form, words))
    quote = unicodedata.normalize(quote_form, words)
    edit(project / BROMANCE, "- A bartender in Singapore", f"- {quote}")
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr


def test_a_byte_order_mark_reaches_neither_the_pages_nor_the_data(project: Path) -> None:
    seed = project / DW
    text = seed.read_text(encoding="utf-8")
    # A decomposed accent in the cited words, too: the highlight must cover it.
    text = text.replace("A bartender in Singapore", "A barte\u0301nder in Singapore")
    seed.write_bytes(BOM + text.encode("utf-8"))
    edit(project / BROMANCE, "- A bartender", "- A barténder")
    result = briefing("build", "--root", project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert seed.read_bytes() == BOM + text.encode("utf-8")  # the archived copy is untouched
    data = (project / "site/data/briefing.json").read_text(encoding="utf-8")
    assert "\ufeff" not in data
    assert json.loads(data)["sources"]["dw-2019-02-09"]["text"] == text
    for page in (project / "site").rglob("*.html"):
        assert "\ufeff" not in page.read_text(encoding="utf-8"), page
    article = (project / "site/sources/dw-2019-02-09.html").read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="cited">(?:<span id="[^"]*"></span>)*([^<]*)', article)
    assert any(mark.startswith("A barte\u0301nder in Singapore crafted") for mark in marks)


def test_a_content_file_may_start_with_a_byte_order_mark(project: Path) -> None:
    kim = project / KIM
    kim.write_bytes(BOM + kim.read_bytes())
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr
    # Columns on the first line are counted as an editor counts them, without the mark.
    first = kim.read_bytes().split(b"\n", 1)[0]
    kim.write_bytes(first + b"\x01" + kim.read_bytes()[len(first) :])
    column = len(first.decode("utf-8").lstrip("\ufeff")) + 1
    assert _problems(project) == [
        f"{KIM}:1:{column}: error: character 0x0001 is not allowed in YAML "
        "(hint: remove the control character)",
        "1 problem(s) in 1 file(s); nothing was generated",
    ]


def _column(project: Path, path: str, character: str) -> int:
    return position(project, path, character)[1]


INVISIBLE = {
    "zero-width space": (
        BIEGUN,
        ("who led the preparatory", "who led the\u200b preparatory"),
        "the US special representative for North Korea who led",
        lambda p: f"a zero-width space (U+200B) at column {_column(p, BIEGUN, chr(0x200B))}",
    ),
    "soft hyphen": (
        HANOI,
        (
            "  name:\n    dw-2019-02-09: will be held in Vietnam",
            "  name:\n    dw-2019-02-09: will be held in Viet\u00adnam",
        ),
        "will be held in Viet\u00adnam",
        lambda p: f"a soft hyphen (U+00AD) at column {_column(p, HANOI, chr(0xAD))}",
    ),
    "on a later line of the quote": (
        SENTOSA,
        ("      marked the occasion", "      marked the\u2060 occasion"),
        ">-\n      The island's",
        lambda p: f"a word joiner (U+2060) at line 10, column {_column(p, SENTOSA, chr(0x2060))}",
    ),
}


@pytest.mark.parametrize("case", list(INVISIBLE))
def test_an_invisible_character_in_a_quote_is_named_where_it_is(project: Path, case: str) -> None:
    path, (old, new), start, named = INVISIBLE[case]
    edit(project / path, old, new)
    assert _problems(project) == [
        f"{at(project, path, start)}: error: quote not found in `dw-2019-02-09` "
        f"(hint: the quote holds {named(project)}: delete it)",
        "1 problem(s) in 1 file(s); nothing was generated",
    ]


def test_several_invisible_characters_are_counted(project: Path) -> None:
    edit(project / BIEGUN, "who led the preparatory", "who\u00ad led the\u200b preparatory")
    column = _column(project, BIEGUN, "\u00ad")
    start = at(project, BIEGUN, "the US special representative for North Korea who")
    assert _problems(project)[0] == (
        f"{start}: error: quote not found in `dw-2019-02-09` (hint: the quote holds 2 invisible "
        f"characters, the first a soft hyphen (U+00AD) at column {column}: delete them)"
    )


def test_an_invisible_character_the_article_holds_is_named_where_it_is(project: Path) -> None:
    edit(project / DW, "crafted a special drink", "crafted a spe\u00adcial drink")
    line, column = position(project, DW, "\u00ad")
    problems = _problems(project)
    assert problems[1:] == ["1 problem(s) in 1 file(s); nothing was generated"]
    assert problems[0].startswith(
        f"{at(project, BROMANCE, '- A bartender', skip=2)}: error: quote not found "
        f'in `dw-2019-02-09` (hint: closest passage, seeds/dw-2019-02-09.txt:{line}: "A '
        "bartender in Singapore crafted a spe\u00adcial drink"
    )
    assert problems[0].endswith(
        f"; it holds a soft hyphen (U+00AD) at seeds/dw-2019-02-09.txt:{line}:{column}, which "
        'the quote lacks: write it in the quote as `\\u00ad` inside "double quotes")'
    )
    # Doing as the hint says makes the quote whole again.
    edit(
        project / BROMANCE,
        '- A bartender in Singapore crafted a special drink for the summit, dubbed "The Bromance."',
        '- "A bartender in Singapore crafted a spe\\u00adcial drink for the summit, dubbed '
        '\\"The Bromance.\\""',
    )
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr
