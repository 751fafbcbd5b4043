"""Time words of a sentence ("on Friday", "last week", "on Feb. 17") resolved against the
publication date of the article, with the reasoning written out as a curator would."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from generator.dates import Period, parse_period

_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(_WEEKDAYS) + r")"
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_COUNT = r"(?P<count>" + "|".join(_COUNTS) + r"|\d+)"

# Each pattern names what it resolves; tried in this order, the first match in a text wins,
# the earliest in the text first.
_PATTERNS = [
    ("month_day_year", rf"\b(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}}),\s+(?P<year>\d{{4}})\b"),
    ("day_month_year", rf"\b(?:on\s+)?(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})\b"),
    ("month_day", rf"\b(?:on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})\b(?!,?\s*\d{{4}})"),
    ("day_month", rf"\b(?:on\s+)?(?P<day>\d{{1,2}})\s+{_MONTH}(?!\s*,?\s*\d{{4}})\b"),
    ("relative_day", rf"\b{_COUNT}\s+days?\s+(?P<direction>earlier|before|later|after)\b"),
    ("the_day", r"\bthe\s+day\s+(?P<direction>before|after)\b"),
    ("named_day", r"\b(?P<named>yesterday|today|tomorrow)\b"),
    ("weekday", rf"\b(?P<which>last|next|this|on)?\s*{_WEEKDAY}\b"),
    ("unit", r"\b(?P<which>last|next|this|(?:earlier|later)\s+this)\s+(?P<unit>week|month|year)\b"),
    ("last_month_name", rf"\b(?P<which>last|next|this)\s+{_MONTH}\b"),
    ("month_year", rf"\b(?:in\s+)?{_MONTH}\s+(?P<year>\d{{4}})\b"),
    ("year", r"\bin\s+(?P<year>(?:19|20)\d{2})\b"),
]  # fmt: skip
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _PATTERNS]


@dataclass(frozen=True)
class Resolved:
    """A time expression of the text: its words, the date it gives and why."""

    words: str
    date: str
    inference: str
    # Where the words are in the text searched.
    start: int


def _day(day: date) -> str:
    return (
        f"{calendar.day_name[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"
    )


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _week(start: date) -> str:
    return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"


def _sunday_before(day: date) -> date:
    # Weeks are taken to begin on Sunday, as "the week beginning Feb. 17" (a Sunday) does.
    return day - timedelta(days=(day.weekday() + 1) % 7)


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


class Resolver:
    """Resolves time words against one article's publication date; `previous` is the last date
    resolved in the article, which "a day earlier" counts from."""

    def __init__(self, published: str) -> None:
        self.published = parse_period(published)
        self.previous: Period | None = None
        # Weekdays the article ties to a day (by words already dated in content/): where the
        # article gives no day of its own, a later "on Friday" is the same Friday.
        self.pinned: dict[int, tuple[date, str]] = {}

    def pin(self, text: str, day: str) -> None:
        """Ties the weekday named in `text` to `day`, if `day` is that weekday."""
        found = re.search(_WEEKDAY, text, re.IGNORECASE)
        if found is None or parse_period(day).precision != "day":
            return
        when = parse_period(day).start
        if when.weekday() == _WEEKDAYS[found["weekday"].lower()]:
            self.pinned.setdefault(when.weekday(), (when, text))

    @property
    def _as_of(self) -> str:
        period = self.published
        if period.precision == "day":
            return f"in the article of {_day(period.start)}"
        return f"in an article dated only {period.display()}"

    def first(self, text: str) -> Resolved | None:
        """The earliest time expression of the text that resolves, or None."""
        found: list[Resolved] = []
        for name, pattern in _COMPILED:
            for match in pattern.finditer(text):
                resolved: tuple[str, str] | None = getattr(self, f"_{name}")(match)
                if resolved is not None:
                    when, why = resolved
                    found.append(Resolved(match.group().strip(), when, why, match.start()))
                    break
        if not found:
            return None
        best = min(found, key=lambda r: (r.start, -len(r.words)))
        self.previous = parse_period(best.date)
        return best

    def publication(self) -> Resolved:
        """The publication date, when the text gives no time: an inference to review."""
        text = self.published.text
        on = "on" if self.published.precision == "day" else "in"
        why = f"The text gives no time; the article was published {on} {self.published.display()}"
        return Resolved("", text, why + ", so it was said then or before.", 0)

    def _quoted(self, match: re.Match[str]) -> str:
        return f'"{match.group().strip()}", {self._as_of},'

    def _year_for(self, month: int) -> int:
        return self.published.start.year

    def _month_day_year(self, match: re.Match[str]) -> tuple[str, str] | None:
        return self._explicit(match, int(match["year"]))

    def _day_month_year(self, match: re.Match[str]) -> tuple[str, str] | None:
        return self._explicit(match, int(match["year"]))

    def _month_day(self, match: re.Match[str]) -> tuple[str, str] | None:
        return self._explicit(match, None)

    def _day_month(self, match: re.Match[str]) -> tuple[str, str] | None:
        return self._explicit(match, None)

    def _explicit(self, match: re.Match[str], year: int | None) -> tuple[str, str] | None:
        month = _MONTHS[match["month"].lower()]
        try:
            day = date(year or self.published.start.year, month, int(match["day"]))
        except ValueError:
            return None
        if year:
            return day.isoformat(), f'"{match.group().strip()}" is {_day(day)}.'
        return day.isoformat(), f"{self._quoted(match)} is {_day(day)}."

    def _relative_day(self, match: re.Match[str]) -> tuple[str, str] | None:
        count = match["count"].lower()
        days = _COUNTS[count] if count in _COUNTS else int(count)
        return self._from_previous(match, days)

    def _the_day(self, match: re.Match[str]) -> tuple[str, str] | None:
        return self._from_previous(match, 1)

    def _from_previous(self, match: re.Match[str], days: int) -> tuple[str, str] | None:
        anchor = self.previous or self.published
        if anchor.precision != "day":
            return None
        sign = -1 if match["direction"].lower() in ("earlier", "before") else 1
        day = anchor.start + timedelta(days=sign * days)
        what = "the date named before it" if self.previous else "the publication date"
        return day.isoformat(), (
            f'"{match.group().strip()}" counts from {what}, {_day(anchor.start)}: {_day(day)}.'
        )

    def _named_day(self, match: re.Match[str]) -> tuple[str, str] | None:
        if self.published.precision != "day":
            return None
        shift = {"yesterday": -1, "today": 0, "tomorrow": 1}[match["named"].lower()]
        day = self.published.start + timedelta(days=shift)
        return day.isoformat(), f"{self._quoted(match)} is {_day(day)}."

    def _weekday(self, match: re.Match[str]) -> tuple[str, str] | None:
        weekday = _WEEKDAYS[match["weekday"].lower()]
        which = (match["which"] or "").lower()
        period = self.published
        if which in ("", "on") and weekday in self.pinned:
            day, words = self.pinned[weekday]
            return day.isoformat(), (
                f"{self._quoted(match)} is taken to be the {calendar.day_name[weekday]} of "
                f'"{words}", {_day(day)}, dated by the same words quoted in content/.'
            )
        if period.precision != "day":
            return period.text, (
                f"{self._quoted(match)} is some {calendar.day_name[weekday]} around then; "
                f"the article gives no day, so only its month is sure."
            )
        if which == "next":
            ahead = (weekday - period.start.weekday() - 1) % 7 + 1
            day = period.start + timedelta(days=ahead)
        else:
            day = period.start - timedelta(days=(period.start.weekday() - weekday) % 7)
        return day.isoformat(), f"{self._quoted(match)} is {_day(day)}."

    def _unit(self, match: re.Match[str]) -> tuple[str, str] | None:
        which, unit = " ".join(match["which"].lower().split()), match["unit"].lower()
        step = {"last": -1, "next": 1}.get(which, 0)
        start = self.published.start
        if unit == "week":
            if self.published.precision != "day":
                return None
            sunday = _sunday_before(start) + timedelta(weeks=step)
            return _week(sunday), (
                f"{self._quoted(match)} is the week of {_day(sunday)} to "
                f"{_day(sunday + timedelta(days=6))}, taking weeks to begin on Sunday."
            )
        if unit == "month":
            if self.published.precision == "year":
                return None
            year, month = _add_months(start.year, start.month, step)
            text = _month(year, month)
            return text, f"{self._quoted(match)} is {parse_period(text).display()}."
        year = start.year + step
        return str(year), f"{self._quoted(match)} is {year}."

    def _last_month_name(self, match: re.Match[str]) -> tuple[str, str] | None:
        if self.published.precision == "year":
            return None  # "last June" of an article dated only by its year: either June
        month = _MONTHS[match["month"].lower()]
        which = match["which"].lower()
        year = self.published.start.year
        now = self.published.start.month
        if which == "last" and month >= now:
            year -= 1
        elif which == "next" and month <= now:
            year += 1
        text = _month(year, month)
        return text, f"{self._quoted(match)} is {parse_period(text).display()}."

    def _month_year(self, match: re.Match[str]) -> tuple[str, str] | None:
        text = _month(int(match["year"]), _MONTHS[match["month"].lower()])
        return text, f'"{match.group().strip()}" is {parse_period(text).display()}.'

    def _year(self, match: re.Match[str]) -> tuple[str, str] | None:
        return match["year"], f'"{match.group().strip()}" is the year {match["year"]}.'
