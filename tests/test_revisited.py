"""The briefing after a curator revisits it for a later report (tests/data/revisited): a meeting
keeps the history of its status and gains an outcome."""

from __future__ import annotations

from pathlib import Path

from conftest import at, briefing, edit, page_text

HANOI = "content/meetings/hanoi-summit-2019.yml"
OUTCOME = "Ended abruptly without an agreement; no joint statement was signed."


def html_of(root: Path, page: str) -> str:
    return (root / "site" / page).read_text(encoding="utf-8")


def text_of(root: Path, page: str) -> str:
    return " ".join(page_text(html_of(root, page)).split())


def section(text: str, heading: str, next_heading: str) -> str:
    """A section's text: from its heading (after the table of contents that lists it too)."""
    return text[text.rindex(heading) : text.rindex(next_heading)]


def test_a_held_meeting_keeps_when_it_was_scheduled(revisited_built: Path) -> None:
    text = text_of(revisited_built, "meetings/hanoi-summit-2019.html")
    assert "Status held" in text  # the latest entry, without "since": its date is the meeting's
    history = text[text.rindex("Status history") :]
    held = history.index("27–28 February 2019: held")
    scheduled = history.index("8 February 2019: scheduled. Announced by Trump on Twitter.")
    assert held < scheduled  # newest first
    html = html_of(revisited_built, "meetings/hanoi-summit-2019.html")
    assert "badge upcoming" not in html and "Upcoming" not in text and "No report" not in text


def test_the_outcome_shows_wherever_the_meeting_is_listed(revisited_built: Path) -> None:
    for page in ("meetings/hanoi-summit-2019.html", "meetings/index.html", "timeline.html"):
        assert OUTCOME in text_of(revisited_built, page), page
    home = text_of(revisited_built, "index.html")
    story = section(home, "The story so far", "Lately")
    assert f"Hanoi summit. Outcome: {OUTCOME}" in story
    lately = section(home, "Lately", "Key people")
    assert f"Hanoi summit. Outcome: {OUTCOME}" in lately


def test_what_is_next_holds_only_what_is_ahead(revisited_built: Path) -> None:
    home = text_of(revisited_built, "index.html")
    ahead = section(home, "What is next", "No report since")
    assert "Nothing the sources expect is still ahead." in ahead
    since = section(home, "No report since", "The story so far")
    assert "Envoys' meeting before the Hanoi summit: scheduled" in since
    assert "Hanoi summit:" not in since.replace("before the Hanoi summit", "")


def test_the_source_that_reports_it_held_lists_the_change(revisited_built: Path) -> None:
    text = text_of(revisited_built, "sources/test-revisited-2019-03-02.html")
    assert "Status of Hanoi summit: held, 27–28 February 2019" in text
    news = text_of(revisited_built, "news.html")
    assert "Status of Hanoi summit: held, 27–28 February 2019" in news


def test_a_status_still_written_as_one_field_says_where_it_goes_now(project: Path) -> None:
    edit(project / HANOI, "status_history:\n", "status: scheduled\nstatus_history:\n")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    assert (
        f"{at(project, HANOI, 'status: scheduled')}: error: unknown field `status` (hint: write "
        "it as an entry of `status_history`: `- {date: ..., status: ..., cite: {SOURCE-ID: "
        '"the exact words"}}`)'
    ) in result.stderr


def test_a_meeting_without_a_status_history_is_an_error(project: Path) -> None:
    file = project / HANOI
    text = file.read_text(encoding="utf-8")
    start, end = text.index("status_history:\n"), text.index("follows:")
    file.write_text(text[:start] + text[end:], encoding="utf-8")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    where = at(project, HANOI, "name:")
    assert f"{where}: error: missing required field `status_history`" in result.stderr
