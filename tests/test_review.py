"""`briefing review`: what later articles may have overtaken. A made-up later article (test data,
tests/fixtures/review/) is added to a copy of the project and cited; the review names, at the
field to look at again, the summaries and purposes cited only from older articles and the
meetings still scheduled after their date."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import REPO, at, briefing, edit

FIXTURES = Path(__file__).parent / "fixtures" / "review"
LATER = "test-wire-2019-03-01"
KIM = "content/people/kim-jong-un.yml"
TRUMP = "content/people/donald-trump.yml"
HANOI_SUMMIT = "content/meetings/hanoi-summit-2019.yml"
ENVOYS = "content/meetings/envoys-meeting-2019-02.yml"
AGAIN = "content/commitments/envoys-meet-again-before-hanoi.yml"
NEWER = f"`{LATER}` (1 March 2019)"
REREAD = (
    "(hint: reread it against the newer article: where it still holds, cite it; where not, "
    "rewrite it)"
)
PAST = (
    "past as of the newest source, " + NEWER + " (hint: add a `status_history` entry (held, "
    "postponed or cancelled) citing the article that reports it; or correct `date`)"
)


def add_later_article(project: Path, published: str = "2019-03-01") -> None:
    """The test article and its source file, published on `published`; cited by nothing yet."""
    shutil.copy(FIXTURES / f"{LATER}.txt", project / "seeds")
    source = project / "content" / "sources" / f"{LATER}.yml"
    shutil.copy(FIXTURES / f"{LATER}.yml", source)
    edit(source, "published: 2019-03-01", f"published: {published}")


def cite_later_article_on_kim(project: Path) -> None:
    """A fact of Kim's own file (his name) cited from the later article too."""
    old = "    dw-2019-02-09: his summit with North Korean leader Kim Jong Un\n"
    new = f"{old}    {LATER}: Kim Jong Un and Donald Trump ended their summit\n"
    edit(project / KIM, old, new)


def report_hanoi_summit_held(project: Path) -> None:
    """What a curator does with the later article: the summit is now held, cited from it."""
    held = (
        "  - date: 2019-02-27/2019-02-28\n"
        "    status: held\n"
        "    cite:\n"
        f"      {LATER}: Kim Jong Un and Donald Trump ended their summit in Hanoi on Thursday\n"
    )
    edit(
        project / HANOI_SUMMIT,
        "follows: singapore-summit-2018\n",
        f"{held}follows: singapore-summit-2018\n",
    )


def stale_warning(project: Path, path: str, field: str, up_to: str, kind: str) -> str:
    """The warning on a field written as `field: >-` (located at the `>-`)."""
    where = at(project, path, f"\n{field}: >-", skip=len(field) + 3)
    return (
        f"{where}: warning: `{field}` may be out of date: it cites sources up to {up_to}, and "
        f"{NEWER} reports on this {kind} later {REREAD}"
    )


def past_warning(project: Path, path: str, dates: str) -> str:
    """The warning on a meeting's latest `status: scheduled` (located at `scheduled`)."""
    where = at(project, path, "status: scheduled", skip=8)
    return (
        f"{where}: warning: the status is still `scheduled`, but the meeting's date ({dates}) is "
        f"{PAST}"
    )


def envoys_warning(project: Path) -> str:
    return past_warning(project, ENVOYS, "week of 17 February 2019")


def deadline_warning(project: Path) -> str:
    """The warning on the envoys' pledge to meet again before the summit (at its deadline)."""
    where = at(project, AGAIN, "deadline: 2019-02-26", skip=10)
    return (
        f"{where}: warning: the commitment is still `pledged`, but its deadline (26 February "
        f"2019) is past as of the newest source, {NEWER} (hint: add a `status_history` entry "
        "(kept, partly-kept, broken or withdrawn) citing the article that reports it; or correct "
        "`deadline`)"
    )


def test_the_shipped_corpus_has_nothing_to_review() -> None:
    """Deliberately none: the two articles both date from February 2019 and The Diplomat's day
    is not known, so neither is certainly older than the other; and the briefing speaks as of
    February 2019, which the Hanoi summit (27-28 February) and the envoys' meeting (the week of
    17 February) may not yet have reached."""
    result = briefing("review", "--strict", "--root", REPO)
    assert (result.returncode, result.stdout, result.stderr) == (0, "ok: no review warnings\n", "")
    checked = briefing("check", "--root", REPO)
    assert checked.returncode == 0
    assert "review warning" not in checked.stdout + checked.stderr


def test_a_summit_reported_held_flags_what_was_written_before_it(project: Path) -> None:
    """The story moves: once the later article reports the Hanoi summit held, the summit's
    purpose and its participants' summaries, cited only from February's articles, are flagged
    (the meeting names them, so it reports on them); the Singapore summit, which Hanoi only
    `follows`, is not. The envoys' meeting, still scheduled, is past."""
    add_later_article(project)
    report_hanoi_summit_held(project)
    result = briefing("review", "--root", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        deadline_warning(project),
        envoys_warning(project),
        stale_warning(project, HANOI_SUMMIT, "purpose", "February 2019", "meeting"),
        stale_warning(project, TRUMP, "summary", "9 February 2019", "person"),
        stale_warning(project, KIM, "summary", "February 2019", "person"),
        "5 review warnings in 5 files",
    ]
    assert result.stderr == ""


def test_a_later_citation_in_the_entitys_own_file_flags_its_summary(project: Path) -> None:
    add_later_article(project)
    cite_later_article_on_kim(project)
    result = briefing("review", "--root", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        deadline_warning(project),
        envoys_warning(project),
        past_warning(project, HANOI_SUMMIT, "27–28 February 2019"),
        stale_warning(project, KIM, "summary", "February 2019", "person"),
        "4 review warnings in 4 files",
    ]


def test_a_summary_citing_the_later_article_is_not_flagged(project: Path) -> None:
    add_later_article(project)
    cite_later_article_on_kim(project)
    edit(
        project / KIM,
        "    diplomat-2019-02: since their first historic summit in Singapore on June 12, 2018\n",
        "    diplomat-2019-02: since their first historic summit in Singapore on June 12, 2018\n"
        f"    {LATER}: ended their summit in Hanoi on Thursday\n",
    )
    result = briefing("review", "--root", project)
    assert result.returncode == 0, result.stderr
    assert KIM not in result.stdout
    assert result.stdout.splitlines()[-1] == "3 review warnings in 3 files"


def test_meetings_still_scheduled_after_the_newest_source(project: Path) -> None:
    """A newer source dates the briefing even before anything cites it; a meeting whose status
    was brought up to date is not flagged."""
    add_later_article(project)
    edit(
        project / HANOI_SUMMIT,
        "status: scheduled\n    note: Announced",
        "status: cancelled\n    note: Announced",
    )
    result = briefing("review", "--root", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        deadline_warning(project),
        envoys_warning(project),
        "2 review warnings in 2 files",
    ]


def test_only_a_certainly_older_source_is_older(project: Path) -> None:
    """An article of 20 February 2019 is not certainly newer than The Diplomat's, known only as
    of February 2019, which Kim's summary cites; and it leaves the briefing as of February."""
    add_later_article(project, published="2019-02-20")
    cite_later_article_on_kim(project)
    result = briefing("review", "--strict", "--root", project)
    assert (result.returncode, result.stdout) == (0, "ok: no review warnings\n")


def test_strict_exits_1_on_any_warning(project: Path) -> None:
    add_later_article(project)
    cite_later_article_on_kim(project)
    plain = briefing("review", "--root", project)
    strict = briefing("review", "--strict", "--root", project)
    assert (plain.returncode, strict.returncode) == (0, 1)
    assert strict.stdout == "\n".join(plain.stdout.splitlines()[:-1]) + "\n"
    assert strict.stderr == "error: 4 review warnings in 4 files (--strict)\n"


def test_check_counts_the_warnings_and_still_passes(project: Path) -> None:
    add_later_article(project)
    cite_later_article_on_kim(project)
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "4 review warnings: run `briefing review`"


def test_review_of_content_with_errors_reports_them(project: Path) -> None:
    edit(project / KIM, "country: north-korea", "country: north-koreaa")
    result = briefing("review", "--strict", "--root", project)
    assert result.returncode == 1
    assert "error: unknown" in result.stderr and "Traceback" not in result.stderr
    assert "review warning" not in result.stdout
