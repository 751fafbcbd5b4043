"""Quotes are found despite typographic differences only, and a near miss points to the passage."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import REPO

from generator.check import closest_hint
from generator.quotes import ArticleText, normalize

DIPLOMAT = ArticleText((REPO / "seeds/diplomat-2019-02.txt").read_text(encoding="utf-8"))
DW = ArticleText((REPO / "seeds/dw-2019-02-09.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "quote",
    [
        # The article has curly quotes and apostrophes; straight ones match.
        "North Korea's State Affairs Commission",
        '"I would say it was a productive set of discussions',
        # Dashes of any kind match each other, and so do runs of white space.
        "and eventually withdraw US troops - something Pyongyang",
        "and eventually withdraw US troops — something Pyongyang",
        "the  second meeting\nbetween U.S. President",
    ],
)
def test_typographic_variants_match(quote: str) -> None:
    assert (DIPLOMAT.find(quote) or DW.find(quote)) is not None


@pytest.mark.parametrize(
    "quote",
    [
        "North Korea's State Affairs Committee",  # a word changed
        "North Koreas State Affairs Commission",  # an apostrophe dropped
        "north Korea's State Affairs Commission",  # case differs
        "the second meeting between US President",  # U.S. is not US
    ],
)
def test_other_differences_do_not(quote: str) -> None:
    assert DIPLOMAT.find(quote) is None


def test_spans_point_at_the_original_text_one_per_segment() -> None:
    spans = DIPLOMAT.find('"I would say [...] we\'ve agreed to meet again," Biegun said')
    assert spans is not None and len(spans) == 2
    first, second = (DIPLOMAT.raw[span.start : span.end] for span in spans)
    assert first == "“I would say"
    assert second == "we’ve agreed to meet again,” Biegun said"
    # The left-out words are not part of the citation.
    assert "productive" not in first + second


def test_each_normalized_character_maps_to_the_one_it_came_from() -> None:
    # Every offset written out, character by character: what the compact map must equal.
    def expected(text: str) -> list[int]:
        offsets = []
        for position, character in enumerate(text):
            if not (character.isspace() and position > 0 and text[position - 1].isspace()):
                offsets.append(position)
        return offsets

    chance = random.Random(7)
    for _ in range(2000):
        text = "".join(chance.choice("ab \n\t\u2019\u00a0") for _ in range(chance.randint(0, 30)))
        plain, offsets = normalize(text)
        assert len(offsets) == len(plain)
        assert list(offsets) == expected(text), repr(text)
    with pytest.raises(IndexError):
        normalize("a  b")[1][3]


def test_a_quote_does_not_start_or_end_inside_a_word() -> None:
    assert DW.find("clear") is not None
    assert DW.find("lear") is None
    assert ArticleText("It is unclear.").find("clear") is None
    assert ArticleText("It is unclear.").find("unclear.") is not None


def test_ellipsis_cannot_leave_out_half_an_article() -> None:
    text = ArticleText("Alpha said yes. " + "Filler words here. " * 40 + "Omega said no.")
    assert text.find("Alpha said yes. [...] Omega said no.") is None
    assert ArticleText("Alpha said yes. Then Omega said no.").find("Alpha [...] no.") is not None


def test_closest_passage_of_an_empty_text_or_quote() -> None:
    assert ArticleText("").closest("anything").text == ""
    assert DW.closest("[...]").text == ""


def test_ellipsis_parts_must_come_in_order() -> None:
    assert DW.find("Trump said on Twitter. [...] he said.") is not None
    assert DW.find("he said. [...] Trump said on Twitter.") is None
    assert DW.find("[...]") is None


def test_closest_passage_for_a_near_miss() -> None:
    passage = DW.closest("Biegun said after the two-day meeting in the North Korean capital")
    assert passage.line == 9
    assert "the three-day meeting in the North Korean capital" in passage.text


def test_every_seed_is_kept_byte_for_byte(tmp_path: Path) -> None:
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    pairs = {
        "000_bec9a3e27f98c219.txt": "dw-2019-02-09.txt",
        "001_7397e933e15fd16f.txt": "diplomat-2019-02.txt",
    }
    for original, copy in pairs.items():
        assert (REPO / "seeds" / copy).read_bytes() == (shared / original).read_bytes()


def test_hint_names_no_passage_when_nothing_is_alike() -> None:
    assert closest_hint(DW, "dw", "qzxv wyqj kvzx").startswith("nothing like it in seeds/dw.txt")
    near = closest_hint(DW, "dw", "Biegun said after the two-day meeting in the capital")
    assert near.startswith("closest passage, seeds/dw.txt:")
    long = closest_hint(DW, "dw", DW.plain[:2000])
    assert len(long) < 320 and long.endswith(' …"')
