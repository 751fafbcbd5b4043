"""Quotes are found despite typographic differences only, and a near miss points to the passage."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO

from generator.check import closest_hint
from generator.quotes import _PLAIN_FORMS, ArticleText, describe, invisible, normalize

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


def _reference(text: str) -> str:
    """normalize()'s text, written out plainly: no byte order mark, NFC, plain typography,
    single spaces."""
    bare = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return re.sub(r"\s+", " ", "".join(_PLAIN_FORMS.get(c, c) for c in bare))


def test_encoding_differences_are_normalized_and_map_back_to_what_they_came_from() -> None:
    # Words with accents composed (NFC) or not (NFD), between separators that include byte
    # order marks: each normalized character maps to exactly the stretch it came from.
    letters = ["a", "e", "é", "e\u0301", "o\u0323\u0302", "ộ", "A\u030a", "\u212b", "가"]
    letters += ["\u1100\u1161\u11a8", "i\u0308"]
    separators = [" ", "\n", "  ", "\u00a0", "\ufeff", "\u2019", " \ufeff ", "\u2014"]
    chance = random.Random(11)
    for _ in range(1000):
        pieces = [chance.choice(letters if chance.random() < 0.6 else separators)]
        text = "".join(pieces + [chance.choice(letters + separators) for _ in range(14)])
        plain, offsets = normalize(text)
        assert plain == _reference(text), repr(text)
        stretches = [text[offsets[i] : offsets.end(i)] for i in range(len(plain))]
        assert "".join(_reference(stretch) for stretch in stretches) == plain, repr(text)
    # Any sequence at all (accents on spaces, Hangul jamo, characters NFC splits in two) is
    # normalized as NFC would, even where its characters map less finely.
    odd = [*letters, *separators, "\u0301", "\u0344", "\u0958", "\u0b47", "\u0b3e", "\u0f73"]
    for _ in range(1000):
        text = "".join(chance.choice(odd) for _ in range(chance.randint(0, 20)))
        assert normalize(text)[0] == _reference(text), repr(text)


@pytest.mark.parametrize(
    ("article", "quote", "cited"),
    [
        ("Le cafe\u0301 au lait.", "café au", "cafe\u0301 au"),
        ("Le café au lait.", "cafe\u0301 au", "café au"),
        # Ending on a decomposed letter: the citation holds its accent.
        ("Ha\u0300 No\u0323\u0302i hosts it.", "Hà Nội", "Ha\u0300 No\u0323\u0302i"),
        ("\ufeffThe summit in Ha\u0300 No\u0323\u0302i.", "\ufeffThe summit", "The summit"),
        ("The sum\ufeffmit in Hanoi.", "The summit", "The sum\ufeffmit"),
    ],
)
def test_accents_composed_or_not_and_byte_order_marks_match(
    article: str, quote: str, cited: str
) -> None:
    text = ArticleText(article)
    spans = text.find(quote)
    assert spans is not None
    assert [text.raw[span.start : span.end] for span in spans] == [cited]


def test_invisible_characters_other_than_a_byte_order_mark_are_wording() -> None:
    assert DW.find("the US special representative for North Korea") is not None
    assert DW.find("the US special\u200b representative for North Korea") is None
    assert DW.find("the US spe\u00adcial representative for North Korea") is None
    assert ArticleText("de\u00adnuclearization").find("denuclearization") is None
    assert invisible("a\ufeffb\u200bc\u00ad") == [3, 5]
    assert describe("\u200b") == "a zero-width space (U+200B)"
    assert describe("\u00ad") == "a soft hyphen (U+00AD)"
    assert describe("\u2063") == "an invisible separator (U+2063)"
