"""The manuals agree with the code: the README starts with the two commands; the curator's guide's
examples pass the check and its sample errors are what the checker prints; the developer's guide's
command table lists the real commands; the parts generated from the model and the commands are up
to date; and every relative link leads somewhere."""

from __future__ import annotations

import re
import typing
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import REPO, briefing, copy_project
from test_check_errors import CASES

from generator.cli import main
from generator.model import KINDS, SINGULAR, Role, StatusChange, Strict
from generator.reference import (
    CURATING,
    DEVELOPMENT,
    command_reference,
    field_reference,
    markers,
    region,
    with_region,
)

README = (REPO / "README.md").read_text(encoding="utf-8")
GUIDE = (REPO / CURATING).read_text(encoding="utf-8")
DEVELOPER = (REPO / DEVELOPMENT).read_text(encoding="utf-8")
MANUALS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def test_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.splitlines()] == [
        ["make", "site"],
        ["make", "test"],
    ]


def test_every_content_example_passes_the_check(project: Path) -> None:
    examples = re.findall(r"```yaml\n# (content/\S+\.yml)\n(.*?)```", GUIDE, re.S)
    kinds = {path.split("/")[1] for path, _ in examples}
    assert kinds == {
        "sources", "people", "organizations", "places", "meetings", "commitments", "statements",
        "facts",
    }  # fmt: skip
    for path, text in examples:
        target = project / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    result = briefing("check", "--root", project)
    assert result.returncode == 0, result.stderr


def test_examples_marked_as_shipped_are_the_shipped_files() -> None:
    shipped = re.findall(
        r"```yaml\n# (content/\S+\.yml)(, its (\w+))? \(as shipped\)\n(.*?)```", GUIDE, re.S
    )
    assert len(shipped) == 3
    for path, _, field, text in shipped:
        actual = (REPO / path).read_text(encoding="utf-8")
        if field:
            assert f"\n{text}" in actual, path
        else:
            assert actual.split("\n", 1)[1] == text, path  # all but the schema line


def test_sample_errors_are_what_the_checker_prints(project: Path) -> None:
    # Line numbers move as curators edit the shipped files; the rest must match exactly.
    def unnumbered(line: str) -> str:
        return re.sub(r"\.yml:\d+:\d+:", ".yml:L:C:", line)

    samples = GUIDE.split("order, in the form editors and terminals turn into links:", 1)[1]
    samples = samples.split("```\n", 2)[1].splitlines()
    expected = []
    for case in ("word changed inside a quote", "misspelt reference"):
        change, message = CASES[case]
        change(project)
        expected.append(unnumbered(message(project)))
    assert [unnumbered(line) for line in samples] == expected


def test_command_table_lists_every_command_and_make_target() -> None:
    commands = DEVELOPER.split("## Commands\n", 1)[1].split(markers("commands")[0], 1)[0]
    table = "\n".join(line for line in commands.splitlines() if line.startswith("|"))
    assert set(re.findall(r"`briefing (\w[\w-]*)", table)) == set(main.commands)
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    phony = re.search(r"^\.PHONY:(.*)$", makefile, re.M)
    assert phony is not None
    assert set(re.findall(r"`make ([\w-]+)", table)) == set(phony.group(1).split())


def test_the_unknown_tag_sample_is_what_the_checker_prints(project: Path) -> None:
    sample = GUIDE.split("with the closest declared one:\n\n```\n", 1)[1].split("\n```", 1)[0]
    change, message = CASES["misspelt tag"]
    change(project)
    assert sample == message(project)


def test_the_tags_excerpt_is_from_the_shipped_file() -> None:
    excerpt = GUIDE.split("# content/tags.yml, two of its lines\n", 1)[1].split("```", 1)[0]
    shipped = (REPO / "content/tags.yml").read_text(encoding="utf-8").splitlines()
    assert excerpt.splitlines() and set(excerpt.splitlines()) <= set(shipped)


def test_the_field_reference_is_generated_from_the_model() -> None:
    assert region(GUIDE, "fields") == field_reference(), "run `make reference` and commit docs/"


def test_the_command_help_is_generated_from_the_commands() -> None:
    assert region(DEVELOPER, "commands") == command_reference(main), "run `make reference`"


def _rows(reference: str, heading: str) -> dict[str, list[str]]:
    """The cells of each row of one section's table, by field name."""
    section = f"\n{reference}".split(f"\n### {heading}\n", 1)[1].split("\n### ", 1)[0]
    rows = [line.strip("|").split(" | ") for line in section.splitlines() if line.startswith("| `")]
    return {cells[0].strip(" `"): [cell.strip() for cell in cells] for cells in rows}


SECTIONS: dict[str, type[Strict]] = {
    **{SINGULAR[kind].capitalize(): model for kind, model in KINDS.items()},
    "Role": Role,
    "Status change": StatusChange,
}


@pytest.mark.parametrize("heading", SECTIONS)
def test_the_field_reference_says_what_the_model_says(heading: str) -> None:
    model = SECTIONS[heading]
    rows = _rows(field_reference(), heading)
    assert list(rows) == list(model.model_fields)
    for field, info in model.model_fields.items():
        _, words, required, cited, description = rows[field]
        for value in typing.get_args(info.annotation) if _is_literal(info.annotation) else ():
            assert f"`{value}`" in words, (field, value)
        assert required.startswith("yes") == info.is_required(), field
        assert (cited == "yes") == (field in model.fact_fields), field
        assert description == info.description, field


def _is_literal(annotation: object) -> bool:
    return typing.get_origin(annotation) is typing.Literal


def test_every_field_is_described() -> None:
    """What editors show on hovering a field, and what the field reference says it is."""
    for model in SECTIONS.values():
        for field, info in model.model_fields.items():
            assert info.description, f"{model.__name__}.{field} has no description"


def test_briefing_reference_rewrites_the_generated_regions(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", ("mkdocs.yml", "docs"))
    (project / CURATING).write_text(with_region(GUIDE, "fields", "| stale |\n"), encoding="utf-8")
    fresh = with_region(DEVELOPER, "commands", command_reference(main))
    (project / DEVELOPMENT).write_text(fresh, encoding="utf-8")

    result = briefing("reference", "--root", project)

    assert result.returncode == 0, result.stderr
    assert result.stdout == "2 manuals in docs/: 1 rewritten\n"
    assert (project / CURATING).read_text(encoding="utf-8") == with_region(
        GUIDE, "fields", field_reference()
    )
    assert (project / DEVELOPMENT).read_text(encoding="utf-8") == fresh


def test_briefing_reference_writes_nothing_when_a_marker_is_missing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", ("mkdocs.yml", "docs"))
    stale = with_region(GUIDE, "fields", "| stale |\n")
    (project / CURATING).write_text(stale, encoding="utf-8")
    start, end = markers("commands")
    (project / DEVELOPMENT).write_text(DEVELOPER.replace(end, ""), encoding="utf-8")

    result = briefing("reference", "--root", project)

    assert result.returncode == 1
    assert result.stderr == (
        f"error: docs/development.md: no `{start}` line followed by `{end}` "
        "(hint: put the marker lines back)\n"
    )
    assert (project / CURATING).read_text(encoding="utf-8") == stale


def test_the_manuals_are_not_built_into_the_site() -> None:
    # MkDocs' default docs_dir is `docs/`, which holds these manuals, not the site's pages.
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "build/docs"


LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^ *```.*?^ *```", re.M | re.S)


def _anchors(text: str) -> set[str]:
    """The ids GitHub gives a Markdown file's headings: lowercase, punctuation dropped, spaces as
    hyphens, and a repeated one numbered."""
    seen: Counter[str] = Counter()
    anchors = set()
    for heading in re.findall(r"^#{1,6} (.+)$", FENCE.sub("", text), re.M):
        slug = re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")
        anchors.add(f"{slug}-{seen[slug]}" if seen[slug] else slug)
        seen[slug] += 1
    return anchors


@pytest.mark.parametrize("manual", MANUALS, ids=[m.relative_to(REPO).as_posix() for m in MANUALS])
def test_every_relative_link_leads_to_a_file_and_heading(manual: Path) -> None:
    links = LINK.findall(FENCE.sub("", manual.read_text(encoding="utf-8")))
    assert links
    for link in links:
        if re.match(r"[a-z]+:", link):
            continue  # http:, mailto:
        path, _, anchor = link.partition("#")
        target = (manual.parent / path).resolve() if path else manual
        assert target.is_file(), f"{manual.name}: {link}: no such file"
        if anchor:
            assert anchor in _anchors(target.read_text(encoding="utf-8")), f"{manual.name}: {link}"
