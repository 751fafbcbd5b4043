"""Coverage of the articles by the facts: every fact-bearing sentence of both seed articles is
cited, and the only sentences left out are boilerplate listed in the sources' YAML."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REPO, briefing, edit

from generator.check import check
from generator.coverage import coverage, sentences
from generator.load import load_corpus


@pytest.fixture(scope="module")
def reports() -> dict[str, object]:
    corpus, problems = check(load_corpus(REPO))
    assert problems == []
    return {report.source: report for report in coverage(corpus)}


@pytest.mark.parametrize("source", ["dw-2019-02-09", "diplomat-2019-02"])
def test_every_fact_bearing_sentence_is_cited(reports: dict, source: str) -> None:
    report = reports[source]
    assert [s.text for s in report.uncited] == []
    assert report.percent == 100
    assert report.fact_bearing >= 20


def test_only_genuine_boilerplate_is_excluded(reports: dict) -> None:
    excluded = {s.text for report in reports.values() for s in report.boilerplate}
    assert excluded == {
        "Advertisement",
        "Image: Getty Images/AFP/S. Loeb",
        "Image: Reuters/J. Ernst",
        "Image: Getty Images/C. Sung-Jun",
        "The Koreas",
        "Credit: Official White House Photo",
        "Enjoying this article?",
        "Click here to subscribe for full access.",
        "Just $5 a month.",
    }


def test_sentences_respect_abbreviations_and_captions() -> None:
    text = (
        "U.S. President Donald J. Trump met Kim. It is “in the week beginning Feb. 17.” "
        "Then more!\n"
        "First meeting\n"
        "Image: Getty Images/AFP/S. Loeb"
    )
    assert [s.text for s in sentences(text)] == [
        "U.S. President Donald J. Trump met Kim.",
        "It is “in the week beginning Feb. 17.”",
        "Then more!",
        "First meeting",
        "Image: Getty Images/AFP/S. Loeb",
    ]
    assert [s.line for s in sentences(text)] == [1, 1, 1, 2, 3]


def test_command_reports_and_fails_under_threshold(project: Path) -> None:
    result = briefing("coverage", "--root", project, "--fail-under", "100")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "diplomat-2019-02: 20/20 fact-bearing sentences cited (100%)",
        "dw-2019-02-09: 43/43 fact-bearing sentences cited (100%)",
    ]
    (project / "content/facts/bromance-drink.yml").unlink()
    edit(project / "content/sources/dw-2019-02-09.yml", "  - Advertisement", "  - Advertisement.")
    broken = briefing("coverage", "--root", project)
    assert broken.returncode == 1  # the boilerplate passage is no longer in the text
    edit(project / "content/sources/dw-2019-02-09.yml", "  - Advertisement.", "  - Advertisement")
    result = briefing("coverage", "--root", project, "--fail-under", "100")
    assert result.returncode == 1
    assert result.stdout.splitlines()[1:] == [
        "dw-2019-02-09: 41/43 fact-bearing sentences cited (95%)",
        "  seeds/dw-2019-02-09.txt:31: \"Honoring 'the bromance' in Singapore\"",
        '  seeds/dw-2019-02-09.txt:32: "A bartender in Singapore crafted a special drink for the '
        'summit, dubbed "The Bromance.""',
    ]
    assert "coverage below 100% for dw-2019-02-09" in result.stderr
