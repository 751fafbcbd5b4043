"""The briefing after a curator revisits it for a later report (tests/data/revisited): a meeting
keeps the history of its status and gains an outcome."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import REPO, REVISITED, at, briefing, edit, page_text

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


ENVOYS = "content/meetings/envoys-meeting-2019-02.yml"


def test_a_replaced_value_is_kept_as_earlier_reported(revisited_built: Path) -> None:
    text = text_of(revisited_built, "meetings/envoys-meeting-2019-02.html")
    assert "Where Hanoi" in text
    assert ("Earlier reported Place: A third nation in Asia (The Diplomat, February 2019)") in text
    assert (
        "superseded by Hanoi summit ends without a deal, 2 March 2019: A later report places it "
        "in Hanoi."
    ) in text
    # Still scheduled, its date past: never upcoming.
    assert "No report since" in text and "Upcoming" not in text


def test_the_place_once_reported_says_it_was_replaced(revisited_built: Path) -> None:
    text = text_of(revisited_built, "places/third-nation-in-asia.html")
    assert "Meetings here" not in text
    replaced = text[text.rindex("Earlier reports, since replaced") :]
    assert replaced.startswith(
        "Earlier reports, since replaced¶ Envoys' meeting before the Hanoi summit: earlier "
        "reported as its place"
    )


def test_the_later_source_lists_what_it_replaced_and_disputed(revisited_built: Path) -> None:
    replaced = (
        "Replaced: place of Envoys' meeting before the Hanoi summit, earlier reported as A third "
        "nation in Asia"
    )
    assert replaced in text_of(revisited_built, "sources/test-revisited-2019-03-02.html")
    assert replaced in text_of(revisited_built, "news.html")
    feed = (revisited_built / "site/feed.xml").read_text(encoding="utf-8")
    assert (
        "Replaced: place of Envoys' meeting before the Hanoi summit (earlier reported as A third "
        "nation in Asia)."
    ) in feed
    dispute = (
        "Dispute: According to North Korea: North Korea had asked only for a partial lifting of "
        "sanctions. disputes According to Donald Trump: The talks in Hanoi broke down because "
        "North Korea wanted all sanctions lifted."
    )
    assert dispute in text_of(revisited_built, "sources/test-revisited-2019-03-02.html")
    assert dispute in text_of(revisited_built, "news.html")
    assert (
        "Dispute: According to North Korea: North Korea had asked only for a partial lifting of "
        "sanctions disputes According to Donald Trump: The talks in Hanoi broke down because "
        "North Korea wanted all sanctions lifted."
    ) in feed
    outcome = f"Outcome of Hanoi summit: {OUTCOME}"
    assert outcome in feed
    assert outcome in text_of(revisited_built, "sources/test-revisited-2019-03-02.html")
    export = json.loads((revisited_built / "site/data/briefing.json").read_text(encoding="utf-8"))
    meeting = export["meetings"]["envoys-meeting-2019-02"]
    assert meeting["earlier"][0]["superseded_by"] == "test-revisited-2019-03-02"


EARLIER = """earlier:
  - field: {field}
    value: {value}
    superseded_by: {source}
    cite:
      diplomat-2019-02: in a third nation in Asia
cite:
"""


@pytest.mark.parametrize(
    ("field", "value", "source", "needle", "message"),
    [
        ("participants", "kim-jong-un", "dw-2019-02-09", "field: participants",
         "`participants` cannot have earlier values here (hint: fields that can: name, date, "
         "place, purpose, follows, part_of, summary, outcome)"),
        ("place", "third-nation", "diplomat-2019-02", "value: third-nation",
         "unknown place `third-nation` in `earlier.value` (hint: did you mean "
         "`third-nation-in-asia`?)"),
        ("place", "kim-jong-un", "diplomat-2019-02", "value: kim-jong-un",
         "`kim-jong-un` in `earlier.value` is a person, not a place"),
        ("place", "third-nation-in-asia", "dw-2019-02-09", "superseded_by: dw",
         "`dw-2019-02-09` replaced the earlier `place`, but `cite.place` does not cite it (hint: "
         "cite under `cite.place` the words of `dw-2019-02-09` that give the value now)"),
        ("place", "third-nation-in-asia", "dw-2019-02", "superseded_by: dw",
         "unknown source `dw-2019-02` in `superseded_by` (hint: did you mean `dw-2019-02-09`?)"),
        ("date", "2019-02-31", "diplomat-2019-02", "value: 2019",
         "`value`: `2019-02-31` is not a real date: February 2019 has 28 days"),
        ("name", "Envoys' meeting before the Hanoi summit", "diplomat-2019-02", 'value: "Envoys',
         "the earlier value is the value `name` has now"),
    ],
)  # fmt: skip
def test_an_earlier_value_is_checked(
    project: Path, field: str, value: str, source: str, needle: str, message: str
) -> None:
    written = f'"{value}"' if "'" in value else value
    edit(
        project / ENVOYS,
        "\ncite:\n",
        "\n" + EARLIER.format(field=field, value=written, source=source),
    )
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    where = at(project, ENVOYS, needle, skip=needle.index(":") + 2)
    assert f"{where}: error: {message}" in result.stderr, result.stderr


def test_the_guides_earlier_value_example_is_the_test_datas() -> None:
    """The curator's guide shows a trimmed copy of the revised envoys' meeting: every value it
    shows is the test data's, and every quote is part of the test data's quote."""
    guide = (REPO / "docs/curating.md").read_text(encoding="utf-8")
    example = guide.split("# content/meetings/envoys-meeting-2019-02.yml, as revised", 1)[1]
    shown = yaml.safe_load(example.split("\n", 1)[1].split("```", 1)[0])
    data = yaml.safe_load((REVISITED / ENVOYS).read_text(encoding="utf-8"))
    assert shown["place"] == data["place"]
    [earlier], [actual] = shown["earlier"], data["earlier"]
    assert {k: v for k, v in earlier.items() if k != "cite"} == {
        k: v for k, v in actual.items() if k != "cite"
    }
    for source, quote in earlier["cite"].items():
        assert " ".join(quote.split()) in " ".join(actual["cite"][source].split())
    for source, quote in shown["cite"]["place"].items():
        assert quote in " ".join(data["cite"]["place"][source].split())


HELD = (
    "  - date: {date}\n    status: held\n    cite:\n      dw-2019-02-09: The planned Hanoi summit\n"
)


def test_a_held_entry_is_dated_by_the_meetings_days(project: Path) -> None:
    edit(project / HANOI, "\nfollows:", "\n" + HELD.format(date="2019-02-01") + "follows:")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    where = at(project, HANOI, "date: 2019-02-01", skip=6)
    assert (
        f"{where}: error: held on 1 February 2019, but the meeting's date is 27–28 February 2019 "
        "(hint: date a `held` entry by the days the meeting took place)"
    ) in result.stderr


def test_an_outcome_needs_a_held_entry(project: Path) -> None:
    edit(project / HANOI, "\nfollows:", "\noutcome: They agreed on everything.\nfollows:")
    edit(
        project / HANOI,
        "\ncite:\n",
        "\ncite:\n  outcome:\n    dw-2019-02-09: The planned Hanoi summit\n",
    )
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    assert (
        f"{at(project, HANOI, 'outcome:')}: error: an outcome, but no `status_history` entry says "
        "the meeting was held (hint: add the `held` entry that reports it, or remove `outcome`)"
    ) in result.stderr
    # Once reported held, on its days, the outcome stands.
    edit(
        project / HANOI, "\noutcome:", "\n" + HELD.format(date="2019-02-27/2019-02-28") + "outcome:"
    )
    assert briefing("check", "--root", project).returncode == 0


def test_a_deadline_cannot_end_before_the_commitment_was_made(project: Path) -> None:
    path = "content/commitments/envoys-meet-again-before-hanoi.yml"
    edit(project / path, "deadline: 2019-02-26", "deadline: 2019-02-01")
    result = briefing("check", "--root", project)
    assert result.returncode == 1
    where = at(project, path, "deadline: 2019-02-01", skip=10)
    assert f"{where}: error: the deadline ends before the commitment was made" in result.stderr
