"""How the generated pages word what the content says: a value shown in one form everywhere,
quoted words between one pair of quotation marks, an entity's sources in the order they were
published."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import DOCS, briefing, edit
from test_review import LATER, add_later_article, cite_later_article_on_kim

TWEET = "content/statements/trump-tweet-hanoi-date.yml"
BIEGUN = "content/people/stephen-biegun.yml"


def generated(project: Path) -> dict[str, str]:
    """Every Markdown page `briefing generate` writes for the project, by path."""
    result = briefing("generate", "--root", project)
    assert result.returncode == 0, result.stderr
    docs = project / DOCS
    return {p.relative_to(docs).as_posix(): p.read_text("utf-8") for p in docs.rglob("*.md")}


def test_a_statements_medium_reads_the_same_on_every_page(project: Path) -> None:
    """As a meeting's kind does in its infobox: "press conference", in lists and links too."""
    edit(project / TWEET, "medium: tweet", "medium: press-conference")
    pages = generated(project)
    # The id of the Singapore press conference is in links; the word is not shown anywhere else.
    shown = {path for path, text in pages.items() if re.search(r"(?<!singapore-)press-conf", text)}
    assert shown == set()
    words = "(press conference)"
    assert words in pages["index.md"] and words in pages["timeline.md"]
    assert "Donald Trump, press conference, 8 February 2019" in pages["statements/index.md"]
    assert "</sup>, press conference<sup" in pages["people/donald-trump.md"]


def test_quoted_words_are_not_wrapped_in_a_second_pair_of_quotation_marks(project: Path) -> None:
    """A passage that opens with the article's own quotation mark (curly or straight) is shown
    as it is: in the "cited by" excerpts of a source page, in the citations at the foot of a
    page, and as the words that link two entities."""
    # Test data: Biegun's country cited from words that open with a quotation mark, as they are
    # shown (with the person) on the country's page.
    edit(
        project / BIEGUN,
        "  country:\n    diplomat-2019-02: U.S. Special Representative for North Korea Stephen "
        "Biegun\n",
        "  country:\n    diplomat-2019-02: '“I would say it was a productive set of discussions'\n",
    )
    pages = generated(project)
    doubled = {path for path, text in pages.items() if re.search(r"““|“&quot;|“\\?\"", text)}
    assert doubled == set()
    diplomat = pages["sources/diplomat-2019-02.md"]
    assert (
        '<a class="passage" href="#q-9743bda908">“I would say it was a … meetings in Pyongyang.</a>'
        in diplomat
    )
    summit = pages["meetings/hanoi-summit-2019.md"]
    assert "The Diplomat, February 2019</a>: “So I think this is a constructive place" in summit
    related = "[Stephen Biegun](../people/stephen-biegun.md) (country): “I would say it was a"
    assert related in pages["organizations/united-states.md"]
    # Words that open with none are still put between quotation marks.
    assert "The Diplomat, February 2019</a>: “The summit will take place in Hanoi" in summit


def test_an_entitys_sources_are_listed_by_publication_date(project: Path) -> None:
    """Not by id: the test article, published first, is listed first though its id sorts last."""
    add_later_article(project, published="2018-06-13")
    cite_later_article_on_kim(project)
    kim = generated(project)["people/kim-jong-un.md"]
    listed = kim.split("## Sources\n\n", 1)[1].split("\n\n", 1)[0]
    assert re.findall(r"\(\.\./sources/([\w-]+)\.md\)", listed) == [
        LATER,
        "diplomat-2019-02",
        "dw-2019-02-09",
    ]


def test_a_quotation_inside_a_quoted_passage_takes_single_marks() -> None:
    from generator.markup import in_quotes

    inner = "will take place sometime “in the week beginning Feb. 17 in a third nation in Asia.”"
    shown = in_quotes(inner)
    assert (
        shown
        == "“will take place sometime ‘in the week beginning Feb. 17 in a third nation in Asia.’”"
    )
    assert "””" not in shown
    # A passage opening with the article's own marks is shown as it is.
    assert in_quotes("“I would say it was productive,”") == "“I would say it was productive,”"
