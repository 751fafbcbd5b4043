"""Curators' dates: the forms accepted, the real-date check, and how they read."""

from __future__ import annotations

from datetime import date

import pytest

from generator.dates import DateError, parse_period, timing

DAYS, ACROSS, MONTHS, FEBRUARY_ON = (
    "27–28 February 2019",
    "27 February – 1 March 2019",
    "June 2018 – February 2019",
    "February 2019 – 1 March 2019",
)


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "shown"),
    [
        ("2019", date(2019, 1, 1), date(2019, 12, 31), "year", "2019"),
        ("2019-02", date(2019, 2, 1), date(2019, 2, 28), "month", "February 2019"),
        ("2020-02", date(2020, 2, 1), date(2020, 2, 29), "month", "February 2020"),
        ("2018-06-12", date(2018, 6, 12), date(2018, 6, 12), "day", "12 June 2018"),
        ("2019-02-27/2019-02-28", date(2019, 2, 27), date(2019, 2, 28), "interval", DAYS),
        ("2019-02-27/2019-03-01", date(2019, 2, 27), date(2019, 3, 1), "interval", ACROSS),
        ("2018-06/2019-02", date(2018, 6, 1), date(2019, 2, 28), "interval", MONTHS),
        ("2019-02/2019-03-01", date(2019, 2, 1), date(2019, 3, 1), "interval", FEBRUARY_ON),
        ("1000", date(1000, 1, 1), date(1000, 12, 31), "year", "1000"),
    ],
)
def test_accepted_forms(text: str, start: date, end: date, precision: str, shown: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.precision, period.display()) == (
        start,
        end,
        precision,
        shown,
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-02-30", "`2019-02-30` is not a real date: February 2019 has 28 days"),
        ("2019-02-29", "`2019-02-29` is not a real date: February 2019 has 28 days"),
        ("2019-13", "`2019-13` is not a real date: months run from 01 to 12"),
        ("2019-00-10", "`2019-00-10` is not a real date: months run from 01 to 12"),
        ("Feb 2019", "`Feb 2019` is not a date"),
        ("2019-2-3", "`2019-2-3` is not a date"),
        ("\u0662\u0660\u0661\u0669", "is not a date"),
        ("2019-02-28/2019-02-27", "`2019-02-28/2019-02-27` does not end after it starts"),
        # Each part means all its days: the end must begin after the start's last day.
        ("2019-02/2019-02-01", "`2019-02/2019-02-01` does not end after it starts"),
        ("2019-02/2019-02", "`2019-02/2019-02` does not end after it starts"),
        ("2019-02-27/2019-02-27", "`2019-02-27/2019-02-27` does not end after it starts"),
        ("2019/2019-12-31", "`2019/2019-12-31` does not end after it starts"),
        ("0100", "`0100` is not a real date: years run from 1000 to 9999"),
        ("0999-01/2019", "`0999-01` is not a real date: years run from 1000 to 9999"),
        ("0000", "`0000` is not a real date: years run from 1000 to 9999"),
        ("2019/2020/2021", "is not a date"),
    ],
)
def test_rejected_forms(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_period(text)
    assert message in str(error.value)


def test_an_interval_that_does_not_end_after_it_starts_says_when_it_may_end() -> None:
    with pytest.raises(DateError) as error:
        parse_period("2019-02/2019-02-01")
    assert error.value.hint == (
        "the end must begin after the start's last day, 28 February 2019; for a single day, "
        "month or year, write just that date"
    )


@pytest.mark.parametrize(
    ("text", "as_of", "expected"),
    [
        # Against a briefing of one day.
        ("2019-02-10", "2019-02-09", "ahead"),
        ("2019-02-09", "2019-02-09", "due"),  # that very day: may be under way
        ("2019-02-08", "2019-02-09", "past"),
        ("2019-03", "2019-02-09", "ahead"),
        ("2019-02", "2019-02-09", "due"),  # its first day is past, its last still ahead
        ("2019-01", "2019-02-09", "past"),
        ("2019", "2019-02-09", "due"),
        ("2018", "2019-02-09", "past"),
        ("2019-02-17/2019-02-23", "2019-02-28", "past"),
        ("2019-02-27/2019-02-28", "2019-02-28", "due"),  # its second day
        ("2019-02-27/2019-02-28", "2019-03-01", "past"),
        ("2019-02-27/2019-02-28", "2019-02-26", "ahead"),
        # Against a briefing dated only by its month: any day of it, so nothing dated within
        # the month is clearly ahead or past.
        ("2019-02-27/2019-02-28", "2019-02", "due"),
        ("2019-02-01", "2019-02", "due"),
        ("2019-03-01", "2019-02", "ahead"),
        ("2019-01-31", "2019-02", "past"),
        ("2019-01-31/2019-02-01", "2019-02", "due"),
    ],
)
def test_timing_against_the_briefing_date_minds_both_precisions(
    text: str, as_of: str, expected: str
) -> None:
    assert timing(parse_period(text), parse_period(as_of)) == expected
