"""Derived views that read time: since when a commitment has its status."""

from __future__ import annotations

import pytest

from generator.index import status_since
from generator.model import Commitment


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
