"""The curated corpus holds every person, meeting and commitment the two articles speak of, each
with citations (the checker enforces the citations; this pins the inventory)."""

from __future__ import annotations

from conftest import REPO

from generator.check import check
from generator.load import load_corpus
from generator.model import Commitment, Meeting, Statement

CORPUS, PROBLEMS = check(load_corpus(REPO))


def test_corpus_is_clean() -> None:
    assert PROBLEMS == []


def test_people_organizations_and_places() -> None:
    assert set(CORPUS.entities["people"]) == {
        "donald-trump", "kim-jong-un", "stephen-biegun", "kim-hyok-chol",
    }  # fmt: skip
    assert {
        "us-state-department", "state-affairs-commission", "south-korea-presidential-office",
        "united-states", "north-korea", "south-korea",
    } <= set(CORPUS.entities["organizations"])  # fmt: skip
    assert {
        "pyongyang", "hanoi", "vietnam", "singapore", "sentosa", "seoul", "third-nation-in-asia",
    } <= set(CORPUS.entities["places"])  # fmt: skip


def test_meetings_with_dates_and_status() -> None:
    meetings = CORPUS.of("meetings", Meeting)
    expected = {
        "singapore-summit-2018": ("2018-06-12", "held"),
        "singapore-press-conference-2018": ("2018-06-12", "held"),
        "pyongyang-talks-2019": ("2019-02-06/2019-02-08", "held"),
        "hanoi-summit-2019": ("2019-02-27/2019-02-28", "scheduled"),
        "envoys-meeting-2019-02": ("2019-02-17/2019-02-23", "scheduled"),
        "kim-new-year-address-2019": ("2019-01-01", "held"),
    }
    assert {i: (m.date, m.status) for i, m in meetings.items()} == expected


def test_commitments_carry_a_status_history() -> None:
    commitments = CORPUS.of("commitments", Commitment)
    assert set(commitments) == {
        "singapore-denuclearization", "singapore-security-guarantees", "singapore-peace-regime",
        "singapore-return-of-remains", "transforming-us-dprk-relations",
        "trump-halt-military-exercises", "envoys-meet-again-before-hanoi",
        "second-summit-time-and-place", "us-corresponding-measures",
    }  # fmt: skip
    for commitment in commitments.values():
        assert commitment.status_history
        assert all(change.cite.quotes() for change in commitment.status_history)


def test_every_direct_quotation_is_a_statement() -> None:
    speakers = sorted(s.speaker for s in CORPUS.of("statements", Statement).values())
    assert speakers == [
        "donald-trump", "donald-trump", "donald-trump",
        "south-korea-presidential-office",
        "stephen-biegun", "stephen-biegun", "stephen-biegun",
        "us-state-department", "us-state-department",
    ]  # fmt: skip
