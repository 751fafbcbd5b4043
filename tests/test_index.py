"""Derived views that read time: since when a commitment has its status, and where a meeting the
sources expect stands against the briefing's date."""

from __future__ import annotations

import pytest

from generator.dates import parse_period
from generator.index import Views, build_views, status_since
from generator.model import Commitment, Corpus, Meeting, Source


def commitment(*history: tuple[str, str]) -> Commitment:
    entries = [{"date": d, "status": s, "cite": {"a-source": "words"}} for d, s in history]
    return Commitment.model_validate(
        {"name": "A pledge", "by": ["someone"], "terms": "Terms.", "status_history": entries}
    )


@pytest.mark.parametrize(
    ("history", "since"),
    [
        # The peace regime: pledged at Singapore, only discussed since.
        ([("2018-06-12", "pledged"), ("2019-02-06/2019-02-08", "pledged")], "2018-06-12"),
        # Denuclearization: in progress from 1 January 2019, restated at the Pyongyang talks.
        (
            [
                ("2018-06-12", "pledged"),
                ("2019-01-01", "in-progress"),
                ("2019-02-06/2019-02-08", "in-progress"),
            ],
            "2019-01-01",
        ),
        # A status that comes back starts anew.
        (
            [("2018-06-12", "pledged"), ("2018-09", "stalled"), ("2019-01-01", "pledged")],
            "2019-01-01",
        ),
        ([("2018-06-12", "pledged")], "2018-06-12"),
        # Entries are taken in date order, whatever the order they are written in.
        (
            [
                ("2019-02-06/2019-02-08", "in-progress"),
                ("2018-06-12", "pledged"),
                ("2019-01-01", "in-progress"),
            ],
            "2019-01-01",
        ),
    ],
)
def test_since_is_the_first_entry_of_the_latest_run_of_the_status(
    history: list[tuple[str, str]], since: str
) -> None:
    assert status_since(commitment(*history)).date == since


def meeting(status: str, date: str | None = "2019-02-27/2019-02-28") -> Meeting:
    history = [{"date": "2019-02-08", "status": status, "cite": {"a-source": "words"}}]
    fields = {"name": "A summit", "kind": "summit", "status_history": history, "date": date}
    return Meeting.model_validate({k: v for k, v in fields.items() if v is not None})


@pytest.mark.parametrize(
    ("status", "as_of", "expected"),
    [
        ("scheduled", "2019-02-09", "ahead"),
        ("proposed", "2019-02-09", "ahead"),
        ("scheduled", "2019-02", "due"),
        ("scheduled", "2019-02-28", "due"),
        ("scheduled", "2019-03-01", "past"),
        ("proposed", "2019-03-01", "past"),
        # Not expected on its date: neither upcoming, due nor past, whatever the date.
        ("postponed", "2019-02-09", None),
        ("cancelled", "2019-02-09", None),
        ("held", "2019-03-01", None),
    ],
)
def test_a_meetings_timing_is_its_date_against_the_briefings(
    status: str, as_of: str, expected: str | None
) -> None:
    views = Views({}, parse_period(as_of))
    assert views.timing_of(meeting(status)) == expected


def test_an_undated_meeting_or_a_briefing_without_sources_has_no_timing() -> None:
    assert Views({}, parse_period("2019-02-09")).timing_of(meeting("scheduled", None)) is None
    assert Views({}, None).timing_of(meeting("scheduled")) is None


@pytest.mark.parametrize("order", [("month", "day"), ("day", "month")])
def test_the_briefing_is_as_of_the_source_surely_newest(order: tuple[str, str]) -> None:
    """Of "February 2019" and 28 February 2019, which end on the same day, the briefing is as of
    the day: a meeting of 17-23 February is then past, not due."""
    published = {"month": "2019-02", "day": "2019-02-28"}
    sources = {
        name: Source.model_validate(
            {"name": name, "publisher": "A", "published": published[name], "url": "https://a.b"}
        )
        for name in order
    }
    corpus = Corpus({"sources": dict(sources)}, {}, {}, {}, dict.fromkeys(sources, "sources"), {})
    views = build_views(corpus)
    assert views.as_of == parse_period("2019-02-28")
    assert views.timing_of(meeting("scheduled", "2019-02-17/2019-02-23")) == "past"
