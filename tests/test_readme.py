"""The README is the user's manual: its examples must pass the check, its sample errors must be what
the checker prints, and its command table must list the real commands."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, briefing
from test_check_errors import CASES

from generator.cli import main

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_starts_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split()[:2] for line in first_block.splitlines()] == [
        ["make", "site"],
        ["make", "test"],
    ]


def test_every_content_example_passes_the_check(project: Path) -> None:
    examples = re.findall(r"```yaml\n# (content/\S+\.yml)\n(.*?)```", README, re.S)
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
        r"```yaml\n# (content/\S+\.yml)(, its (\w+))? \(as shipped\)\n(.*?)```", README, re.S
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

    samples = README.split("order, in the form editors and terminals turn into links:", 1)[1]
    samples = samples.split("```\n", 2)[1].splitlines()
    expected = []
    for case in ("word changed inside a quote", "misspelt reference"):
        change, message = CASES[case]
        change(project)
        expected.append(unnumbered(message(project)))
    assert [unnumbered(line) for line in samples] == expected


def test_command_table_lists_every_command() -> None:
    documented = set(re.findall(r"`briefing (\w[\w-]*)`", README))
    assert documented == set(main.commands)


def test_the_unknown_tag_sample_is_what_the_checker_prints(project: Path) -> None:
    sample = README.split("with the closest declared one:\n\n```\n", 1)[1].split("\n```", 1)[0]
    change, message = CASES["misspelt tag"]
    change(project)
    assert sample == message(project)


def test_the_tags_excerpt_is_from_the_shipped_file() -> None:
    excerpt = README.split("# content/tags.yml, two of its lines\n", 1)[1].split("```", 1)[0]
    shipped = (REPO / "content/tags.yml").read_text(encoding="utf-8").splitlines()
    assert excerpt.splitlines() and set(excerpt.splitlines()) <= set(shipped)
