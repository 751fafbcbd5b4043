"""Dates as curators write them: a day, a month, a year, or an interval between two of those."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Literal

Precision = Literal["day", "month", "year", "interval"]
# Where a date stands against another (the briefing's): see `timing`.
Timing = Literal["ahead", "due", "past"]

_SINGLE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
FORMS = "YYYY, YYYY-MM, YYYY-MM-DD, or an interval START/END of those"
# The same grammar for the JSON Schema, so editors flag malformed dates while typing.
JSON_PATTERN = r"^[1-9][0-9]{3}(-[0-9]{2}(-[0-9]{2})?)?(/[1-9][0-9]{3}(-[0-9]{2}(-[0-9]{2})?)?)?$"


class DateError(ValueError):
    """A date a curator cannot have meant, with what to do about it."""

    def __init__(self, message: str, hint: str = f"dates are {FORMS}") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Period:
    """A date with its precision: the first and last day it may denote."""

    text: str
    start: date
    end: date
    precision: Precision

    def __str__(self) -> str:
        return self.text

    def overlaps(self, other: Period) -> bool:
        """Whether the two may denote a day in common."""
        return self.start <= other.end and other.start <= self.end

    def display(self) -> str:
        """The date for a reader, no more precise than the curator wrote it."""
        if self.precision != "interval":
            return _display_single(self.text)
        first, last = self.text.split("/")
        if len(first) == len(last) == 10 and (self.end - self.start).days == 6:
            # Seven days from a Sunday: how the articles speak ("the week beginning Feb. 17").
            return f"week of {_display_single(first)}"
        if len(first) == len(last) == 10 and first[:4] == last[:4]:
            # Same-year days read as "27–28 February 2019" or "27 February – 3 March 2019".
            if first[:7] == last[:7]:
                return f"{self.start.day}–{_display_single(last)}"
            month = calendar.month_name[self.start.month]
            return f"{self.start.day} {month} – {_display_single(last)}"
        return f"{_display_single(first)} – {_display_single(last)}"

    def month_key(self) -> str:
        """The timeline group this date belongs to: its month, or its year if no finer."""
        if self.precision == "year" or (
            self.precision == "interval" and self.start.year != self.end.year
        ):
            return f"{self.start.year}"
        return f"{self.start.year}-{self.start.month:02d}"


def timing(period: Period, as_of: Period) -> Timing:
    """Where a date stands against the briefing's date, each taken as every day it may denote:
    ahead if it starts after the briefing's last day, past if it ends before the briefing's
    first day, and due otherwise. A due date overlaps the briefing's, so what it dates may be
    about to start, under way or over: "February 2019" against 9 February 2019, or 27-28
    February 2019 against a briefing of "February 2019"."""
    if period.start > as_of.end:
        return "ahead"
    if period.end < as_of.start:
        return "past"
    return "due"


def month_heading(key: str) -> str:
    """ "2019-02" as "February 2019", "2017" as itself."""
    return _display_single(key)


@cache
def _display_single(text: str) -> str:
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {calendar.month_name[parts[1]]} {parts[0]}"
    if len(parts) == 2:
        return f"{calendar.month_name[parts[1]]} {parts[0]}"
    return str(parts[0])


def _single(text: str) -> tuple[date, date, Precision]:
    match = _SINGLE.fullmatch(text)
    if not match:
        raise DateError(f"`{text}` is not a date")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    # A news briefing's `0100` is a typo, not the year 100.
    if year < 1000:
        raise DateError(f"`{text}` is not a real date: years run from 1000 to 9999")
    if month is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    if not 1 <= month <= 12:
        raise DateError(f"`{text}` is not a real date: months run from 01 to 12")
    last = calendar.monthrange(year, month)[1]
    if day is None:
        return date(year, month, 1), date(year, month, last), "month"
    if not 1 <= day <= last:
        month_name = calendar.month_name[month]
        raise DateError(f"`{text}` is not a real date: {month_name} {year} has {last} days")
    return date(year, month, day), date(year, month, day), "day"


@cache
def parse_period(text: str) -> Period:
    """Parse a curator's date; raises DateError with a message a curator can act on."""
    if text.count("/") > 1:
        raise DateError(f"`{text}` is not a date")
    if "/" in text:
        first, last = text.split("/")
        start, start_last, _ = _single(first)
        end_first, end, _ = _single(last)
        # Each part means all the days it names: `2019-02/2019-02-01` would end while its
        # start, the whole of February, still runs.
        if end_first <= start_last:
            raise DateError(
                f"`{text}` does not end after it starts",
                "the end must begin after the start's last day, "
                f"{_display_single(start_last.isoformat())}; for a single day, month or year, "
                "write just that date",
            )
        return Period(text, start, end, "interval")
    start, end, precision = _single(text)
    return Period(text, start, end, precision)
