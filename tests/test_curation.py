"""The curated corpus holds every person, meeting and commitment the two articles speak of, each
with citations (the checker enforces the citations; this pins the inventory)."""

from __future__ import annotations

from conftest import REPO

from generator.check import check
from generator.index import latest_status
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
    assert {i: (m.date, latest_status(m).status) for i, m in meetings.items()} == expected


def test_commitments_carry_a_status_history() -> None:
    commitments = CORPUS.of("commitments", Commitment)
    assert set(commitments) == {
        "singapore-denuclearization", "singapore-security-guarantees", "singapore-peace-regime",
        "singapore-return-of-remains", "transforming-us-dprk-relations",
        "trump-halt-military-exercises", "trump-invite-kim-white-house",
        "envoys-meet-again-before-hanoi", "second-summit-time-and-place",
        "us-corresponding-measures",
    }  # fmt: skip
    for commitment in commitments.values():
        assert commitment.status_history
        assert all(change.cite.quotes() for change in commitment.status_history)


def test_commitment_status_is_no_stronger_than_the_evidence() -> None:
    # Being discussed (at the Pyongyang talks) leaves a pledge pledged; only denuclearization has
    # a step reported toward it (North Korea's "disarmament gestures taken last year").
    commitments = CORPUS.of("commitments", Commitment)
    latest = {i: c.status_history[-1].status for i, c in commitments.items()}
    assert latest == {
        "singapore-denuclearization": "in-progress",
        "singapore-security-guarantees": "pledged",
        "singapore-peace-regime": "pledged",
        "singapore-return-of-remains": "pledged",
        "transforming-us-dprk-relations": "pledged",
        "trump-halt-military-exercises": "stated",
        "trump-invite-kim-white-house": "stated",
        "envoys-meet-again-before-hanoi": "pledged",
        "second-summit-time-and-place": "pledged",
        "us-corresponding-measures": "proposed",
    }
    statuses = [c.status for c in commitments["singapore-denuclearization"].status_history]
    assert statuses == ["pledged", "in-progress", "in-progress"]


def test_every_direct_quotation_is_a_statement() -> None:
    speakers = sorted(s.speaker for s in CORPUS.of("statements", Statement).values())
    assert speakers == [
        "donald-trump", "donald-trump", "donald-trump",
        "south-korea-presidential-office",
        "stephen-biegun", "stephen-biegun", "stephen-biegun",
        "us-state-department", "us-state-department",
    ]  # fmt: skip


def test_statement_dates_and_media() -> None:
    # "Last week" in DW's article of Saturday 9 February 2019 is the Sunday-to-Saturday week before;
    # the tweets' Friday is DW's; how the spokesperson spoke is not reported.
    statements = CORPUS.of("statements", Statement)
    assert {i: (s.date, s.medium) for i, s in statements.items()} == {
        "biegun-concrete-deliverables": ("2019-01-27/2019-02-02", "remarks"),
        "biegun-constructive-place": ("2019-02", "remarks"),
        "biegun-discussions-productive": ("2019-02-08/2019-02-09", "remarks"),
        "presidential-office-envoys-meeting": (None, "other"),
        "state-department-meet-again": ("2019-02-08/2019-02-09", "statement"),
        "state-department-singapore-commitments": ("2019-02", "release"),
        "trump-special-bond": (None, "remarks"),
        "trump-tweet-economic-rocket": ("2019-02-08", "tweet"),
        "trump-tweet-hanoi-date": ("2019-02-08", "tweet"),
    }
