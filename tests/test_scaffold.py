"""`briefing new-source`: the article's text copied as it is, a source file whose id comes from the
publisher and date, fields not given left for the check to report, and a filled skeleton that
passes the check."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO, briefing

from generator.check import check
from generator.cli import main
from generator.load import load_corpus
from generator.scaffold import ScaffoldError, new_source, source_id

ARTICLE = (
    "Kim Jong Un will travel to Hanoi by train, officials said on Sunday.\r\n"
    "The journey takes “about 60 hours” — through China.\r\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "downloads" / "kim train.txt"
    path.parent.mkdir()
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def problems_in(root: Path) -> list[str]:
    _, problems = check(load_corpus(root))
    return [problem.format() for problem in problems]


@pytest.mark.parametrize(
    ("publisher", "published", "expected"),
    [
        ("DW (Deutsche Welle)", "2019-02-09", "dw-2019-02-09"),
        ("The Diplomat", "2019-02", "diplomat-2019-02"),
        ("The New York Times", "2019-02-10", "new-york-times-2019-02-10"),
        ("Yonhap News Agency", "2019", "yonhap-news-agency-2019"),
    ],
)
def test_the_id_comes_from_the_publisher_and_the_date(
    publisher: str, published: str, expected: str
) -> None:
    assert source_id(publisher, published) == expected


def test_a_complete_source_passes_the_check(project: Path, article: Path) -> None:
    created = new_source(
        project,
        article,
        publisher="Yonhap: News #1",
        published="2019-02-10",
        url="https://example.org/kim-train?page=1#top",
        title='Kim: "by train" to Hanoi',
    )
    assert created.id == "yonhap-news-1-2019-02-10"
    assert created.to_fill == ()
    assert (project / created.text).read_bytes() == ARTICLE.encode("utf-8")
    data = yaml.safe_load((project / created.source).read_text(encoding="utf-8"))
    assert data == {
        "name": 'Kim: "by train" to Hanoi',
        "publisher": "Yonhap: News #1",
        "published": yaml.safe_load("2019-02-10"),
        "url": "https://example.org/kim-train?page=1#top",
    }
    assert problems_in(project) == []


def test_fields_not_given_are_reported_by_the_check_until_filled(
    project: Path, article: Path
) -> None:
    created = new_source(project, article, publisher="Wire", published="2019-02-10")
    assert created.to_fill == ("name", "url")
    source = project / created.source
    lines = source.read_text(encoding="utf-8").splitlines()
    name_line = next(i for i, line in enumerate(lines, 1) if line.startswith("name:"))
    url_line = next(i for i, line in enumerate(lines, 1) if line.startswith("url:"))
    assert problems_in(project) == [
        f"{created.source}:{name_line}:6: error: `name` should be text, not empty",
        f"{created.source}:{url_line}:5: error: `url` should be text, not empty",
    ]
    assert "TODO" in lines[name_line - 1] and "TODO" in lines[url_line - 1]

    # The curator fills both in, and uncomments the optional fields.
    text = "\n".join(lines) + "\n"
    text = text.replace("name:  # TODO: the headline as published", "name: Kim to go by train")
    text = text.replace("url:  # TODO: the article's web address", "url: https://example.org/k")
    text = text.replace("# also_titled:", "also_titled:").replace("# section:", "section:")
    source.write_text(text, encoding="utf-8")
    assert problems_in(project) == []

    # Uncommented as it is, the example boilerplate is checked against the text, like any other.
    source.write_text(text.replace("# boilerplate:\n#   -", "boilerplate:\n  -"), encoding="utf-8")
    [problem] = problems_in(project)
    assert "boilerplate passage not found in `wire-2019-02-10`" in problem


def test_the_guides_example_is_what_the_check_prints(project: Path, article: Path) -> None:
    guide = (REPO / "docs/curating.md").read_text(encoding="utf-8")
    steps = guide.split("## Adding an article", 1)[1].split("\n## ", 1)[0]
    [reported] = re.findall(r"^ *(content/sources/\S+: error: .*)$", steps, re.M)
    created = new_source(
        project, article, publisher="Yonhap", published="2019-02-10", url="https://example.org/k"
    )
    assert created.id == "yonhap-2019-02-10"
    assert problems_in(project) == [reported]


def test_nothing_is_written_when_something_is_wrong(project: Path, article: Path) -> None:
    before = sorted(p.relative_to(project) for p in project.rglob("*"))
    with pytest.raises(ScaffoldError, match=r"taken by content/sources/dw-2019-02-09\.yml"):
        new_source(project, article, publisher="DW", published="2019-02-09")
    with pytest.raises(ScaffoldError, match=r"--date: `2019-02-30`"):
        new_source(project, article, publisher="Wire", published="2019-02-30")
    with pytest.raises(ScaffoldError, match="not a valid id"):
        new_source(project, article, publisher="Wire", published="2019", source="Wire_2019")
    with pytest.raises(ScaffoldError, match="cannot make an id"):
        new_source(project, article, publisher="(AP)", published="2019")
    empty = article.with_name("empty.txt")
    empty.write_text(" \n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="is empty"):
        new_source(project, empty, publisher="Wire", published="2019")
    latin = article.with_name("latin.txt")
    latin.write_bytes("Caf\xe9".encode("latin-1"))
    with pytest.raises(ScaffoldError, match="not UTF-8"):
        new_source(project, latin, publisher="Wire", published="2019")
    assert sorted(p.relative_to(project) for p in project.rglob("*")) == before


def test_an_id_can_be_chosen(project: Path, article: Path) -> None:
    created = new_source(project, article, publisher="DW", published="2019-02-09", source="dw-b")
    assert (created.text, created.source) == ("seeds/dw-b.txt", "content/sources/dw-b.yml")


@pytest.mark.skipif("new-source" not in main.commands, reason="`briefing new-source` not wired yet")
def test_the_command_creates_the_files_and_says_what_to_fill(project: Path, article: Path) -> None:
    result = briefing(
        "new-source", article, "--root", project, "--publisher", "Wire", "--date", "2019-02-10"
    )
    assert result.returncode == 0, result.stderr
    assert "seeds/wire-2019-02-10.txt" in result.stdout
    assert "content/sources/wire-2019-02-10.yml" in result.stdout
    assert "name, url" in result.stdout
    again = briefing(
        "new-source", article, "--root", project, "--publisher", "Wire", "--date", "2019-02-10"
    )
    assert again.returncode == 1
    assert again.stderr.strip() == (
        "error: the id `wire-2019-02-10` is taken by content/sources/wire-2019-02-10.yml; "
        "choose another with --id"
    )
