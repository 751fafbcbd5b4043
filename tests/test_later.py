"""The briefing as a later article arrives: with a source dated 1 March 2019 (test data, in
tests/data/later), the envoys' meeting (17-23 February) and the Hanoi summit (27-28 February),
still `scheduled` in their files, are past: shown as scheduled with no report since, never as
upcoming, and not under "What is next"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import page_text

PAST = {
    "envoys-meeting-2019-02": "week of 17 February 2019",
    "hanoi-summit-2019": "27–28 February 2019",
}


def section(html: str, heading_id: str) -> str:
    """The HTML from a heading to the next heading of its level."""
    start = html.index(f'<h2 id="{heading_id}"')
    end = html.find("<h2 ", start + 1)
    return html[start : end if end != -1 else None]


def page(root: Path, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


def test_what_is_next_lists_no_past_meeting(later_built: Path) -> None:
    home = page(later_built, "index.html")
    assert "As of 1 March 2019" in page_text(home)
    next_up = section(home, "what-is-next")
    for meeting in PAST:
        assert f"meetings/{meeting}.html" not in next_up
    assert "Nothing the sources expect is still ahead." in page_text(next_up)


def test_a_past_meeting_still_scheduled_has_no_report_since(later_built: Path) -> None:
    no_report = page_text(section(page(later_built, "index.html"), "no-report-since"))
    meeting_index = page_text(page(later_built, "meetings/index.html"))
    timeline = page_text(page(later_built, "timeline.html"))
    for meeting, when in PAST.items():
        own = page_text(page(later_built, f"meetings/{meeting}.html"))
        assert f"Scheduled for {when}; no report since." in own
        assert f"scheduled for {when}; no report since" in no_report
        assert f"{when} no report since:" in timeline
    assert meeting_index.count("scheduled") == meeting_index.count("no report since") == 2


@pytest.mark.parametrize("path", ["index.html", "meetings/index.html", "timeline.html"])
def test_no_page_marks_a_past_meeting_upcoming_or_due(later_built: Path, path: str) -> None:
    html = page(later_built, path)
    assert "badge upcoming" not in html and "badge due" not in html


AGAIN = "The envoys meet again before the Hanoi summit"


def test_a_commitment_past_its_deadline_has_no_report_since(later_built: Path) -> None:
    home = page(later_built, "index.html")
    assert "commitments/envoys-meet-again-before-hanoi.html" not in section(home, "what-is-next")
    no_report = page_text(section(home, "no-report-since"))
    assert f"{AGAIN}: pledged, to be kept by 26 February 2019; no report since" in no_report
    own = page_text(page(later_built, "commitments/envoys-meet-again-before-hanoi.html"))
    assert "Pledged, to be kept by 26 February 2019; no report since." in own
    tracker = page_text(page(later_built, "commitments/index.html"))
    assert "to be kept by 26 February 2019 no report since" in tracker


def test_a_deadline_around_the_briefings_date_is_next(built: tuple[Path, str]) -> None:
    """The shipped briefing speaks as of February 2019, so a deadline of 26 February is due."""
    next_up = page_text(section(page(built[0], "index.html"), "what-is-next"))
    assert f"{AGAIN}: to be kept by 26 February 2019 (pledged) due" in next_up
