"""Whose claim a fact is (`according_to`) and the claims it disputes (`disputes`): checked at their
file, line and column, shown as one disputed item (each side with whose it is and its citations)
on every page that shows either side, exported, and found again for the source that brought them.
Test data: tests/data/revisited, where Trump's account of why the Hanoi talks broke down is
disputed by North Korea's."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import REVISITED, at, briefing, edit, page_text
from test_impact import commit, git

from generator.check import check
from generator.citations import passage_anchor
from generator.impact import impact
from generator.index import build_views, what_sources_added
from generator.load import load_corpus

SOURCE = "test-revisited-2019-03-02"
TRUMP = "test-revisited-trump-sanctions-account"
NORTH_KOREA = "test-revisited-north-korea-partial-sanctions"
NK_FILE = f"content/facts/{NORTH_KOREA}.yml"
TRUMP_FILE = f"content/facts/{TRUMP}.yml"
# Each side as a reader reads it (citation markers aside), and the quotes its markers link to.
TRUMP_SIDE = (
    "According to Donald Trump: The talks in Hanoi broke down because North Korea wanted all "
    "sanctions lifted."
)
NK_SIDE = (
    "According to North Korea, disputing the account of Donald Trump: North Korea had asked "
    "only for a partial lifting of sanctions."
)
TRUMP_QUOTES = (
    "Trump said the talks broke down",
    "the talks broke down because North Korea wanted all sanctions lifted.",
)
NK_QUOTES = (
    "North Korea's foreign ministry said",
    "Pyongyang had asked only for a partial lifting of sanctions.",
)
# The pages of what either fact is about, or whose account it is.
SHOWING = (
    "meetings/hanoi-summit-2019.html",
    "organizations/north-korea.html",
    "people/donald-trump.html",
)


@pytest.fixture
def revisited(project: Path) -> Path:
    """A copy of the project with tests/data/revisited laid over it."""
    shutil.copytree(REVISITED / "content", project / "content", dirs_exist_ok=True)
    shutil.copytree(REVISITED / "seeds", project / "seeds", dirs_exist_ok=True)
    return project


Change = Callable[[Path], object]
Expected = Callable[[Path], str]
CASES: dict[str, tuple[Change, Expected]] = {
    "a fact disputing itself": (
        lambda p: edit(p / NK_FILE, f"disputes: [{TRUMP}]", f"disputes: [{NORTH_KOREA}]"),
        lambda p: (
            f"{at(p, NK_FILE, f'[{NORTH_KOREA}]', skip=1)}: error: `disputes` refers to this "
            "file itself (hint: name another fact or statement)"
        ),
    ),
    "a fact disputing a person": (
        lambda p: edit(p / NK_FILE, f"disputes: [{TRUMP}]", "disputes: [donald-trump]"),
        lambda p: (
            f"{at(p, NK_FILE, '[donald-trump]', skip=1)}: error: `donald-trump` in `disputes` is "
            "a person, not a fact or statement (hint: `disputes` names a fact or statement)"
        ),
    ),
    "a misspelt disputed fact": (
        lambda p: edit(
            p / NK_FILE, f"disputes: [{TRUMP}]", "disputes: [test-revisited-trump-sanction-account]"
        ),
        lambda p: (
            f"{at(p, NK_FILE, '[test-revisited-trump-sanction-', skip=1)}: error: unknown fact or "
            "statement `test-revisited-trump-sanction-account` in `disputes` (hint: did you mean "
            f"`{TRUMP}`?)"
        ),
    ),
    "an account given to a place": (
        lambda p: edit(p / NK_FILE, "according_to: [north-korea]", "according_to: [hanoi]"),
        lambda p: (
            f"{at(p, NK_FILE, '[hanoi]', skip=1)}: error: `hanoi` in `according_to` is a place, "
            "not a person or organization (hint: `according_to` names a person or organization)"
        ),
    ),
    "an account not cited": (
        lambda p: edit(
            p / TRUMP_FILE,
            "  according_to:\n    test-revisited-2019-03-02: Trump said the talks broke down\n",
            "",
        ),
        lambda p: (
            f"{at(p, TRUMP_FILE, 'according_to:')}: error: `according_to` is not cited (hint: "
            'add `according_to:` under `cite:` with `SOURCE-ID: "the exact words"` (or '
            '`inference: "your reason"`))'
        ),
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_a_bad_account_or_dispute_is_one_located_error(revisited: Path, case: str) -> None:
    change, expected = CASES[case]
    assert briefing("check", "--root", revisited).returncode == 0
    change(revisited)
    result = briefing("check", "--root", revisited)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        expected(revisited),
        "1 problem(s) in 1 file(s); nothing was generated",
    ]


def _dispute(html: str) -> str:
    """The one disputed item of a page, as HTML."""
    assert html.count('<li class="dispute">') == 1
    start = html.index('<li class="dispute">')
    return html[start : html.index("</ul>", start)]


def _sides(dispute: str) -> list[str]:
    return re.findall(r"<li(?: id=\"[^\"]*\")?>(.*?)</li>", dispute, re.S)


def _marker(quote: str) -> str:
    return f'href="../sources/{SOURCE}.html#{passage_anchor(quote)}"'


@pytest.mark.parametrize("path", SHOWING)
def test_both_sides_show_together_with_their_citations(revisited_built: Path, path: str) -> None:
    html = (revisited_built / "site" / path).read_text(encoding="utf-8")
    trump, north_korea = _sides(_dispute(html))
    assert page_text(trump) == TRUMP_SIDE
    assert page_text(north_korea) == NK_SIDE
    for side, quotes in ((trump, TRUMP_QUOTES), (north_korea, NK_QUOTES)):
        for quote in quotes:
            assert _marker(quote) in side
    # Nothing doubled: each claim once on the page (the quotes aside), in the dispute.
    text = page_text(html[: html.index('<ol class="citations"')])
    assert text.count("The talks in Hanoi broke down") == 1
    assert text.count("North Korea had asked only") == 1


def test_each_side_is_anchored_on_the_page_that_shows_it(revisited_built: Path) -> None:
    html = (revisited_built / "site/meetings/hanoi-summit-2019.html").read_text(encoding="utf-8")
    dispute = _dispute(html)
    assert f'<li id="fact-{TRUMP}">' in dispute
    assert f'<li id="fact-{NORTH_KOREA}">' in dispute
    source = (revisited_built / f"site/sources/{SOURCE}.html").read_text(encoding="utf-8")
    assert f"../meetings/hanoi-summit-2019.html#fact-{NORTH_KOREA}" in source


def test_the_citations_say_what_each_quote_supports(revisited_built: Path) -> None:
    html = (revisited_built / "site/people/donald-trump.html").read_text(encoding="utf-8")
    listing = html[html.index('<ol class="citations"') :]
    for quote in (TRUMP_QUOTES[0], NK_QUOTES[0]):
        item = re.search(
            rf'<li id="cite-\d+"><span class="for">([^<]*)</span> <a {_marker(quote)}', listing
        )
        assert item is not None and item[1] == "Fact: according to"


def test_the_export_carries_whose_claim_it_is_and_what_it_disputes(revisited_built: Path) -> None:
    data = json.loads((revisited_built / "site/data/briefing.json").read_text(encoding="utf-8"))
    north_korea = data["facts"][NORTH_KOREA]
    assert north_korea["according_to"] == ["north-korea"]
    assert north_korea["disputes"] == [TRUMP]
    assert north_korea["cite"]["according_to"] == {SOURCE: ["North Korea's foreign ministry said"]}
    assert data["facts"][TRUMP]["according_to"] == ["donald-trump"]
    assert "disputes" not in data["facts"][TRUMP]


def test_the_views_find_each_dispute_and_the_source_that_brought_it(
    revisited_built: Path,
) -> None:
    corpus, problems = check(load_corpus(revisited_built))
    assert problems == []
    views = build_views(corpus)
    # The disputed side first, then the side disputing it; the same for both.
    assert views.disputes[TRUMP] == views.disputes[NORTH_KOREA] == (TRUMP, NORTH_KOREA)
    assert views.disputed_by(TRUMP) == [NORTH_KOREA]
    assert views.disputed_by(NORTH_KOREA) == []
    added = what_sources_added(corpus)
    assert added[SOURCE].disputes == [NORTH_KOREA]
    assert added["dw-2019-02-09"].disputes == added["diplomat-2019-02"].disputes == []


def test_impact_names_the_pages_of_the_disputed_side(revisited: Path) -> None:
    """When the content does not check clean, impact names the pages showing each changed file's
    entity: a disputing fact shows, with the fact it disputes, on that fact's pages too (here
    Trump's, whose account it is)."""
    git(revisited, "init", "--quiet")
    commit(revisited, "The revisited briefing")
    edit(revisited / NK_FILE, "claim: North Korea had", "claim: Pyongyang had")
    edit(revisited / "content/facts/bromance-drink.yml", "about: [", "tags: [bromance]\nabout: [")
    found = impact(revisited, "HEAD")
    assert found.problems == 1 and found.changed_pages is None
    (pages,) = [file.pages for file in found.files if file.path == NK_FILE]
    assert "people/donald-trump.md" in pages


def test_a_shipped_account_says_whose_it_is(built: tuple[Path, str]) -> None:
    html = (built[0] / "site/people/kim-jong-un.html").read_text(encoding="utf-8")
    assert (
        'According to Donald Trump: Following their meeting in Singapore, he had formed a "special '
        'bond" with Kim, and would like to invite him to the White House.'
    ) in page_text(html)


# TEST DATA: a fact disputing a shipped statement (Trump's tweet giving the summit's dates).
TWEET_DISPUTED = """\
claim: Test data, not a report; the summit was to last three days.
about: [kim-jong-un]
according_to: [north-korea]
date: 2019-02-09
disputes: [trump-tweet-hanoi-date]
cite:
  claim: {inference: "Test data."}
  according_to: {inference: "Test data."}
  date: {inference: "Test data."}
"""


def test_a_disputed_statement_shows_with_the_fact_disputing_it(project: Path) -> None:
    """On every page listing either side (the speaker's statements, the timeline, the fact's own
    page), the statement and the fact disputing it are one item, listed once."""
    (project / "content/facts/test-three-days.yml").write_text(TWEET_DISPUTED, encoding="utf-8")
    result = briefing("generate", "--root", project)
    assert result.returncode == 0, result.stderr
    docs = project / "build/docs"
    for path in ("people/donald-trump.md", "people/kim-jong-un.md", "timeline.md", "index.md"):
        markdown = (docs / path).read_text(encoding="utf-8")
        shown = markdown[: markdown.index("## Citations")]
        assert shown.count("- **Disputed:**") == 1, path
        dispute = shown[shown.index("- **Disputed:**") :].split("\n- ", 1)[0]
        assert "My representatives have just left North Korea" in dispute, path
        assert "disputing the words of Donald Trump: Test data, not a report" in dispute, path
        assert shown.count("My representatives have just left North Korea") == 1, path
        assert shown.count("Test data, not a report") == 1, path
