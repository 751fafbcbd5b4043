"""An article's HTML escapes what needs escaping whether or not the article has any: taking the
pieces of a plain article as they are gives what escaping each would."""

from __future__ import annotations

import random

import pytest

from generator import article
from generator.article import article_html
from generator.quotes import ArticleText, Span

LETTERS = ["a", "b", "K", " ", " ", "\n", "\n\n", "&", "<", ">", "\u00a0", "\t", "  ", ".", "é"]


def _texts() -> list[str]:
    chance = random.Random(11)

    def text(letters: list[str] | str) -> str:
        return "".join(chance.choice(letters) for _ in range(chance.randint(1, 60)))

    # Plain ones too, which take the short way.
    return [text(LETTERS) for _ in range(800)] + [text("ab K.\n") for _ in range(200)]


def _html(text: str) -> str:
    third = len(text) // 3
    return article_html("sources/x.md", ArticleText(text), [], [Span(third, 2 * third)], {})


def test_plain_pieces_are_what_escaping_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    quick = [_html(text) for text in texts]
    monkeypatch.setattr(article, "_as_is", article._escape)
    assert quick == [_html(text) for text in texts]
    assert any("&amp;" in html for html in quick)
