"""How the generated pages word what the content says: a value shown in one form everywhere,
quoted words between one pair of quotation marks, an entity's sources in the order they were
published."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import DOCS, briefing, edit

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
