"""`briefing draft`: statements, citations, new entities, status changes and boilerplate drafted
from an article, on invented articles (test data, tests/data/drafts) and the shipped ones."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, briefing, copy_project, tree

from generator.draft.draftfile import DraftFile
from generator.draft.evaluate import held, match_new
from generator.draft.when import Resolver
from generator.draft.yamltext import dump
from generator.load import RawCorpus, RawRecord, parse_record
from generator.quotes import ArticleText

DATA = REPO / "tests" / "data" / "drafts"
TEST_SOURCE = "test-draft-2019-03-02"
# The second invented article: what it says of what content/ knows, and new records.
LATER = "test-draft-2019-03-09"


@pytest.fixture
def drafting(tmp_path: Path) -> Path:
    """A copy of the project with the invented articles added."""
    project = copy_project(tmp_path / "project")
    shutil.copytree(DATA / "content", project / "content", dirs_exist_ok=True)
    shutil.copytree(DATA / "seeds", project / "seeds", dirs_exist_ok=True)
    return project


def drafted(project: Path, source: str) -> dict[str, Any]:
    """Each drafted file's data, by its path under drafts/SOURCE/."""
    folder = project / "drafts" / source
    return {
        path.relative_to(folder).as_posix(): read(path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*.yml"))
    }


def read(text: str) -> Any:
    """A file's data as the content loader reads it (dates kept as the text written)."""
    record, problems = parse_record("statements", "content/statements/x.yml", text)
    assert not problems
    return record.data


def statement_saying(files: dict[str, Any], words: str) -> dict[str, Any]:
    found = [
        data for path, data in files.items()
        if path.startswith("statements/") and words in data["text"]
    ]  # fmt: skip
    assert len(found) == 1, f"one statement saying {words!r}: {found}"
    return found[0]


@pytest.mark.parametrize(
    ("published", "words", "expected"),
    [
        ("2019-02-09", "said on Friday", "2019-02-08"),
        ("2019-02-09", "said last week", "2019-01-27/2019-02-02"),
        ("2019-02-09", "met last June", "2018-06"),
        ("2019-02-09", "said on Feb. 17", "2019-02-17"),
        ("2019-02-09", "since June 12, 2018", "2018-06-12"),
        ("2019-02-09", "will meet next month", "2019-03"),
        ("2019-02-09", "said in 2017", "2017"),
        ("2019-02", "said on Friday", "2019-02"),
    ],
)
def test_time_words_resolve_against_the_publication_date(
    published: str, words: str, expected: str
) -> None:
    resolved = Resolver(published).first(words)
    assert resolved is not None
    assert resolved.date == expected
    assert resolved.inference


@pytest.mark.parametrize("words", ["said last week", "said last month", "met last June"])
def test_time_words_an_article_dated_by_its_year_cannot_place_are_left_out(words: str) -> None:
    assert Resolver("2019").first(words) is None


def test_a_day_earlier_counts_from_the_date_named_before_it() -> None:
    resolver = Resolver("2019-03-02")
    assert resolver.first("on Friday") is not None
    earlier = resolver.first("A day earlier, she said")
    assert earlier is not None and earlier.date == "2019-02-28"
    assert "Friday 1 March 2019" in earlier.inference


def test_no_time_words_give_the_publication_date_as_an_inference() -> None:
    resolver = Resolver("2019-02-09")
    assert resolver.first("Biegun said after the meeting") is None
    assert resolver.publication().date == "2019-02-09"


def test_a_drafted_file_reads_back_as_written_with_its_review_comments() -> None:
    long = "word " * 40 + "end: with a colon and a # hash"
    # Ids YAML would read as something else ("yes", "no", "null") are quoted in a flow list.
    data = {"speaker": "a-b", "date": "2019-02-08", "text": long.strip(),
            "about": ["x", "yes", "no", "null", "y"],
            "cite": {"text": {"src": ["one quote", "“two” quotes: " + long.strip()]}}}  # fmt: skip
    text = dump(data, {("date",): "a guess", ("cite", "text", "src", 1): "joined"}, ["header"])
    assert read(text) == data
    assert "date: 2019-02-08  # review: a guess" in text
    assert sum("# review:" in line for line in text.splitlines()) == 2


def test_draft_proposes_every_pattern_of_the_test_article(drafting: Path) -> None:
    result = briefing("draft", TEST_SOURCE, "--root", drafting)
    assert result.returncode == 0, result.stderr
    files = drafted(drafting, TEST_SOURCE)

    # Curly quotation marks, a quotation split by its attribution, a news conference.
    walk = statement_saying(files, "Sometimes you have to walk")
    assert walk["text"] == "Sometimes you have to walk [...] This was just one of those times."
    assert (walk["speaker"], walk["medium"], walk["date"]) == (
        "donald-trump", "press-conference", "2019-02-28"
    )  # fmt: skip
    # Straight marks; a short first name ("Steve Biegun"); consecutive paragraphs by one speaker,
    # the second attributed to "he"; "last week".
    talking = statement_saying(files, "We will keep talking")
    assert talking["speaker"] == "stephen-biegun"
    assert talking["text"].startswith("We had a very productive time [...] We will keep talking")
    assert talking["text"].endswith("The door remains open.")
    assert "he said." in talking["cite"]["speaker"][TEST_SOURCE]
    assert '"he"' in talking["cite"]["speaker"]["inference"]
    assert talking["date"] == "2019-02-17/2019-02-23"
    # A surname after a full mention; "a day earlier" counts from the Friday named before it.
    giving = statement_saying(files, "We are not giving up.")
    assert (giving["speaker"], giving["date"]) == ("stephen-biegun", "2019-02-28")
    # An alias ("Chairman Kim"), reported speech, a statement, "on Feb. 17".
    never = statement_saying(files, "never give up")
    assert never["reported"] is True
    assert (never["speaker"], never["medium"], never["date"]) == (
        "kim-jong-un", "statement", "2019-02-17"
    )  # fmt: skip
    # A new person, with the title the text gives; "on Friday".
    roe = statement_saying(files, "resume soon")
    assert (roe["speaker"], roe["date"]) == ("jane-roe", "2019-03-01")
    person = files["people/jane-roe.yml"]
    assert person["name"] == "Jane Roe"
    assert person["roles"][0]["title"] == "ministry's spokeswoman"
    # An unnamed spokesman speaks for his organization.
    assert statement_saying(files, "will meet again")["speaker"] == "us-state-department"
    # One for a body content/ does not know: drafted as a new organization.
    assert statement_saying(files, "must go on")["speaker"] == "japan-foreign-ministry"
    assert files["organizations/japan-foreign-ministry.yml"]["name"] == "Japan’s Foreign Ministry"
    # The same speaker in consecutive paragraphs, on different days: two statements.
    assert statement_saying(files, "We will see")["date"] == "2019-02-25"
    assert statement_saying(files, "It went well")["date"] == "2019-02-26"
    # A tweet "last June"; an address.
    success = statement_saying(files, "a great success")
    assert (success["medium"], success["date"]) == ("tweet", "2018-06")
    assert statement_saying(files, "the door is open")["medium"] == "address"
    told = statement_saying(files, "No deal yet")
    assert (told["speaker"], told["medium"]) == ("kim-hyok-chol", "remarks")
    assert told["cite"]["medium"] == {TEST_SOURCE: "Kim Hyok Chol told reporters."}

    # Known entities named: suggested citations, to add to their files.
    kim = files["additions/people/kim-jong-un.yml"]
    assert set(kim["cite"]) == {"name", "aliases"}
    # A word of a known role's title near the name: a suggested citation of the role.
    assert kim["roles"] == [
        {
            "title": "Leader of North Korea",
            "cite": {TEST_SOURCE: "North Korean leader Kim Jong Un left Hanoi by train."},
        }
    ]
    assert files["additions/meetings/hanoi-summit-2019.yml"]["cite"]["name"] == {
        TEST_SOURCE: "The Hanoi summit was cut short on Thursday after the two leaders failed to "
        "agree on sanctions."
    }
    # Names no entity has: candidate organizations and places, with their first mention.
    ministry = files["organizations/ministry-of-foreign-affairs.yml"]
    assert ministry["cite"]["name"][TEST_SOURCE] == (
        "The Ministry of Foreign Affairs declined to comment."
    )
    assert files["places/da-nang.yml"]["name"] == "Da Nang"
    # A known country's possessive gives the country; a name's last word, the kind; one word
    # after "from" names a place.
    council = files["organizations/unification-council.yml"]
    assert (council["name"], council["kind"], council["country"]) == (
        "Unification Council", "government", "south-korea"
    )  # fmt: skip
    assert council["cite"]["country"] == {TEST_SOURCE: "South Korea’s Unification Council"}
    assert files["places/incheon.yml"]["name"] == "Incheon"
    assert files["places/grand-palace.yml"]["kind"] == "venue"
    # A state by its formal name: an organization, a country (the possessive kept in the name).
    laos = files["organizations/lao-people-democratic-republic.yml"]
    assert (laos["name"], laos["kind"]) == ("Lao People's Democratic Republic", "country")
    # Not names of entities: a holiday, a photographer in a credit, a headline's capitals.
    assert not {"people/new-year.yml", "people/evan-vucci.yml", "people/envoys-vow.yml"} & set(
        files
    )
    # A known meeting "cut short on Thursday": a held entry.
    history = files["additions/meetings/hanoi-summit-2019.yml"]["status_history"]
    assert {"date": "2019-02-28", "status": "held"}.items() <= history[-1].items()
    # Boilerplate lines, the section label first.
    boilerplate = files[f"additions/sources/{TEST_SOURCE}.yml"]["boilerplate"]
    assert boilerplate == [
        "World",
        "Advertisement",
        "Published 2 March 2019",
        "Photo: AP/Evan Vucci",
    ]

    # The output says what was written, how many lines to review, and how to move a draft.
    reviews = sum(
        line.count("# review:")
        for path in (drafting / "drafts" / TEST_SOURCE).rglob("*.yml")
        for line in path.read_text(encoding="utf-8").splitlines()
    )
    assert f"{len(files)} draft files in drafts/{TEST_SOURCE}/" in result.stdout
    assert f"{reviews} lines marked `# review:`" in result.stdout
    assert f"mv drafts/{TEST_SOURCE}/statements/ID.yml content/statements/" in result.stdout
    assert "make check" in result.stdout


def merge_additions(data: dict[str, Any], additions: dict[str, Any], source: str) -> None:
    """A content file's data with an additions file's fields copied in."""
    for field, evidence in additions.get("cite", {}).items():
        quotes = evidence[source] if isinstance(evidence[source], list) else [evidence[source]]
        had = data.setdefault("cite", {}).setdefault(field, {}).get(source, [])
        had = had if isinstance(had, list) else [had]
        data["cite"][field][source] = list(dict.fromkeys(had + quotes))
    if "status_history" in additions:
        data["status_history"] = data.get("status_history", []) + additions["status_history"]
    for role in additions.get("roles", []):
        known = next(r for r in data["roles"] if r["title"] == role["title"])
        known["cite"][source] = role["cite"][source]
    if "boilerplate" in additions:
        data["boilerplate"] = data.get("boilerplate", []) + additions["boilerplate"]


def line_of(source: str, start: str) -> str:
    """The line of an invented article that starts with the words."""
    text = (DATA / "seeds" / f"{source}.txt").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(start))


def test_draft_cites_known_records_field_by_field(drafting: Path) -> None:
    assert briefing("draft", LATER, "--root", drafting).returncode == 0
    files = drafted(drafting, LATER)
    pledge = line_of(LATER, "Kim Jong Un again pledged")
    # Most of a commitment's words, and who made it: its terms and its `by`, and a status.
    denuclearization = files["additions/commitments/singapore-denuclearization.yml"]
    assert denuclearization["cite"]["terms"] == {LATER: pledge}
    assert denuclearization["cite"]["by"] == {LATER: pledge}
    # Pledged again ("again"): on the day of the article, not the day it was first made.
    assert denuclearization["status_history"] == [
        {"date": "2019-03-09", "status": "pledged", "cite": {LATER: pledge}}
    ]
    # "Their summit in Singapore last June": the Singapore summit, by a word for its kind, a
    # place it lies within and a time it falls in: its date and place. Its status: from the
    # word of change ("ended") the next sentence has.
    described = line_of(LATER, "Their summit in Singapore last June")
    dated = line_of(LATER, "The Singapore summit of June 12, 2018")
    summit = files["additions/meetings/singapore-summit-2018.yml"]
    assert summit["cite"]["date"] == {LATER: [described, dated]}
    assert summit["cite"]["place"] == {LATER: described}
    assert summit["status_history"] == [
        {"date": "2018-06-12", "status": "held", "cite": {LATER: dated}}
    ]
    # Named three times without a word of change: one entry, the status it had, to confirm.
    hanoi = files["additions/meetings/hanoi-summit-2019.yml"]["status_history"]
    assert [entry["cite"] for entry in hanoi] == [{LATER: line_of(LATER, "Vietnam's government")}]
    text = (drafting / "drafts" / LATER / "additions/meetings/hanoi-summit-2019.yml").read_text(
        encoding="utf-8"
    )
    assert "no word of change: the status it had" in text
    # Its day, given, is the day of what was agreed there: a date citation, not a status.
    remains = files["additions/commitments/singapore-return-of-remains.yml"]
    assert remains == {"cite": {"date": {LATER: dated}}}
    # A known fact said again: a citation of its claim.
    at_ease = files["additions/facts/trump-kim-at-ease.yml"]
    assert at_ease["cite"]["claim"] == {LATER: line_of(LATER, "Trump and Kim appeared at ease")}
    # A country named before a name; not a city named after it.
    trump = files["additions/people/donald-trump.yml"]
    assert trump["cite"]["country"] == {LATER: line_of(LATER, "US President Donald Trump met")}
    assert "country" not in files["additions/people/stephen-biegun.yml"]["cite"]
    # The New Year address is known, but on another day: not this one.
    assert "additions/meetings/kim-new-year-address-2019.yml" not in files


def test_draft_proposes_new_meetings_places_and_candidate_facts(drafting: Path) -> None:
    assert briefing("draft", LATER, "--root", drafting).returncode == 0
    files = drafted(drafting, LATER)
    address = line_of(LATER, "At his Lunar New Year address")
    meeting = files["meetings/lunar-new-year-address-2019.yml"]
    assert {k: meeting[k] for k in ("name", "kind", "date", "participants")} == {
        "name": "Lunar New Year address",
        "kind": "address",
        "date": "2019-02-05",
        "participants": ["kim-jong-un"],
    }
    assert meeting["status_history"] == [
        {"date": "2019-02-05", "status": "held", "cite": {LATER: address}}
    ]
    island = files["places/cat-ba.yml"]
    assert (island["name"], island["kind"], island["within"]) == (
        "Cat Ba island",
        "island",
        "vietnam",
    )
    assert "people/cat-ba.yml" not in files
    capital = files["places/washington.yml"]
    assert (capital["kind"], capital["within"]) == ("city", "united-states")
    spent = line_of(LATER, "Vietnam's government spent")
    fact = next(d for p, d in files.items() if p.startswith("facts/") and d["claim"] == spent)
    assert fact["about"] == ["vietnam", "hanoi-summit-2019"]
    assert fact["cite"] == {"claim": {LATER: spent}}
    # A meeting ahead of the article: scheduled, from "will be held" (not "held" in it).
    ahead = files["meetings/vladivostok-summit-2019.yml"]
    assert (ahead["name"], ahead["date"]) == ("Vladivostok summit", "2019-04-25")
    assert [e["status"] for e in ahead["status_history"]] == ["scheduled"]
    # Names, with a full stop: a sentence, not a headline; its new person drafted.
    assert files["people/mike-pompeo.yml"]["name"] == "Mike Pompeo"
    # A known meeting named with another day ("the Hanoi summit on Tuesday"): not a new one.
    assert not [p for p in files if p.startswith("meetings/hanoi-summit")]
    # A hyphenated name after a title; an accented name's id in ASCII.
    moon = files["people/moon-jae-in.yml"]
    assert moon["roles"][0]["title"] == "South Korean President"
    assert [p for p in files if "moon" in p and p.startswith("people/")] == [
        "people/moon-jae-in.yml"
    ]
    assert statement_saying(files, "We will talk again")["speaker"] == "moon-jae-in"
    assert files["places/elysee-palace.yml"]["name"] == "Élysée Palace"
    # A sentence the article repeats is one candidate fact.
    assert [d["claim"] for d in files.values() if d.get("claim") == spent] == [spent]
    reported = line_of(LATER, "Trump said the talks in Hanoi")
    fact = next(d for p, d in files.items() if p.startswith("facts/") and d["claim"] == reported)
    assert fact["according_to"] == ["donald-trump"]
    worth = statement_saying(files, "The Hanoi summit was worth it")
    assert worth["about"] == ["hanoi-summit-2019"]


def test_drafting_again_leaves_out_what_content_has(drafting: Path) -> None:
    assert briefing("draft", LATER, "--root", drafting).returncode == 0
    folder = drafting / "drafts" / LATER
    for path in folder.glob("*/*.yml"):
        if path.parent.name != "additions":
            shutil.move(path, drafting / "content" / path.parent.name / path.name)
    for path in folder.glob("additions/*/*.yml"):
        target = drafting / "content" / path.parent.name / path.name
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        merge_additions(data, yaml.safe_load(path.read_text(encoding="utf-8")), LATER)
        target.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert briefing("check", "--root", drafting).returncode == 0
    assert briefing("draft", LATER, "--root", drafting, "--force").returncode == 0
    # Only the statements come again, each saying which statement of content/ cites its words.
    left = sorted((drafting / "drafts" / LATER).rglob("*.yml"))
    assert left and all(p.parent.name == "statements" for p in left), left
    for path in left:
        header = path.read_text(encoding="utf-8").split("\n", 3)[2]
        assert header.startswith("# review: content/statements/"), header
        assert f"content/statements/{path.stem.removesuffix('-2')}.yml" in header  # its id taken


@pytest.mark.parametrize("source", [TEST_SOURCE, LATER, "dw-2019-02-09", "diplomat-2019-02"])
def test_drafts_moved_into_content_pass_the_check(drafting: Path, source: str) -> None:
    assert briefing("draft", source, "--root", drafting).returncode == 0
    folder = drafting / "drafts" / source
    moved = 0
    for path in folder.glob("*/*.yml"):  # new files; additions/ holds fields to copy by hand
        if path.parent.name != "additions":
            shutil.move(path, drafting / "content" / path.parent.name / path.name)
            moved += 1
    assert moved
    # Every field of every additions file copied into the content file it names, as the
    # curator is told to: suggested citations, status entries, roles' citations, boilerplate.
    for path in folder.glob("additions/*/*.yml"):
        additions = yaml.safe_load(path.read_text(encoding="utf-8"))
        target = drafting / "content" / path.parent.name / path.name
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        merge_additions(data, additions, source)
        target.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
        moved += 1
    result = briefing("check", "--root", drafting)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_draft_never_replaces_a_draft_without_force(drafting: Path) -> None:
    assert briefing("draft", TEST_SOURCE, "--root", drafting).returncode == 0
    edited = next((drafting / "drafts" / TEST_SOURCE / "statements").glob("*.yml"))
    edited.write_text("# the curator's edit\n", encoding="utf-8")
    before = tree(drafting / "drafts")
    again = briefing("draft", TEST_SOURCE, "--root", drafting)
    assert again.returncode == 1
    assert again.stderr.strip() == (
        f"error: drafts/{TEST_SOURCE}/ exists already (hint: review and move what it holds, "
        "or run again with --force to replace it)"
    )
    assert tree(drafting / "drafts") == before
    forced = briefing("draft", TEST_SOURCE, "--root", drafting, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "the curator's edit" not in edited.read_text(encoding="utf-8")


def test_an_unknown_source_is_one_line_with_a_hint(drafting: Path) -> None:
    result = briefing("draft", "dw-2019-02-90", "--root", drafting)
    assert result.returncode == 1
    assert result.stderr == (
        "error: no source `dw-2019-02-90` in content/sources/ (hint: did you mean "
        "`dw-2019-02-09`?)\n"
    )
    assert not (drafting / "drafts").exists()


def test_a_source_without_its_article_text_is_one_line_with_a_hint(drafting: Path) -> None:
    (drafting / "seeds" / f"{TEST_SOURCE}.txt").unlink()
    result = briefing("draft", TEST_SOURCE, "--root", drafting)
    assert result.returncode == 1
    assert result.stderr == (
        f"error: seeds/{TEST_SOURCE}.txt: no article text (hint: put the article's text in that "
        "file)\n"
    )
    assert "Traceback" not in result.stderr
    assert not (drafting / "drafts").exists()


def test_the_check_and_the_site_never_read_drafts(project: Path) -> None:
    broken = project / "drafts" / "dw-2019-02-09" / "statements" / "broken.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text("speaker: [unclosed\ntext: not in any article\n", encoding="utf-8")
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr
    generated = briefing("generate", "--root", project)
    assert generated.returncode == 0, generated.stderr
    assert not any("broken" in path for path in tree(project / "build" / "docs"))


def test_draft_eval_meets_its_targets() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "draft_eval.py")],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    last = result.stdout.strip().splitlines()[-1]
    assert re.fullmatch(
        r"RESULT statement_recall=\S+ speaker_right=\S+ date_right=\S+ quotes_verified=\S+ "
        r"yaml_share=\S+ yaml_share_exact=\S+ drafted_kept=\S+ s_per_article=\S+",
        last,
    )
    values = {k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", last)}
    assert values["statement_recall"] >= 0.9
    assert values["speaker_right"] >= 0.9
    assert values["date_right"] >= 0.8
    assert values["quotes_verified"] == 1
    assert values["yaml_share"] >= 0.5
    assert values["s_per_article"] < 1


def test_the_guides_example_is_what_the_drafter_writes(project: Path) -> None:
    guide = (REPO / "docs" / "curating.md").read_text(encoding="utf-8")
    section = guide.split("### Drafting the facts of a new article", 1)[1]
    output = section.split("```\n", 2)[1].split("```", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    result = briefing("draft", "dw-2019-02-09", "--root", project)
    assert result.returncode == 0, result.stderr
    shown = [line for line in output.splitlines()[1:] if line != "…"]
    assert set(shown) <= set(result.stdout.splitlines())
    drafted = project / "drafts/dw-2019-02-09/statements/biegun-talks-would-aimed.yml"
    text = drafted.read_text(encoding="utf-8")
    assert text.split("\n", 2)[2] == example


def test_a_quote_the_curator_trimmed_from_a_drafted_quote_is_held() -> None:
    name, src = ("cite", "name", "src"), "src"
    curated = Counter(
        {(name, "Trump said"): 1, (name, "Trump [...] Friday"): 1, (("name",), "T"): 1}
    )
    one = Counter({(name, "US President Trump said on Friday"): 1, (("name",), "Trump"): 1})
    assert held(curated, one, src) == 1  # a drafted quote holds one curated quote at most
    two = one + Counter({(name, "Trump spoke on Friday."): 1})
    assert held(curated, two, src) == 2  # parts joined with [...]; never a field's own value


def test_a_new_record_is_paired_with_the_draft_citing_most_of_its_words() -> None:
    article = "Kim toured the island. Trump flew home on Friday. Both said little."
    raw = RawCorpus(
        [
            RawRecord(
                "facts", "island-tour", "f1.yml", {"cite": {"claim": {"src": "Kim toured"}}}, {}
            ),
            RawRecord("facts", "flight", "f2.yml", {"cite": {"claim": {"src": "flew home"}}}, {}),
            RawRecord("facts", "known", "f3.yml", {"cite": {"claim": {"src": "said little"}}}, {}),
        ],
        {"src": article},
        [],
        {},
    )
    drafts = [
        DraftFile("facts", "kim-toured", {"cite": {"claim": {"src": "Kim toured the island."}}}),
        DraftFile(
            "facts", "trump-flew", {"cite": {"claim": {"src": "Trump flew home on Friday."}}}
        ),
        DraftFile("facts", "both-said", {"cite": {"claim": {"src": "Both said little."}}}),
    ]
    paired = match_new(raw, "src", {"known"}, drafts, ArticleText(article))
    # The curator's ids differ from the drafter's; a known record is never paired.
    assert {record: draft.id for record, draft in paired.items()} == {
        "island-tour": "kim-toured",
        "flight": "trump-flew",
    }
