"""The CI workflow: valid against GitHub's workflow schema (the copy check-jsonschema ships, so no
network), run by changes to the articles, the facts and everything that makes the site, and
publishing to GitHub Pages from the default branch only."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO

WORKFLOW = REPO / ".github/workflows/site.yml"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
ON_DEFAULT_BRANCH = (
    "github.event_name == 'push' && "
    "github.ref == format('refs/heads/{0}', github.event.repository.default_branch)"
)
# A file of each kind whose change must rebuild the site.
REBUILT_BY = [
    "content/people/stephen-biegun.yml",
    "seeds/dw-2019-02-09.txt",
    "templates/person.md.j2",
    "generator/check.py",
    "mkdocs.yml",
    "requirements/site.txt",
    "requirements/test.txt",
    "pyproject.toml",
    # The manuals, whose examples and generated parts the tests check.
    "README.md",
    "docs/curating.md",
]


def validate(path: Path) -> subprocess.CompletedProcess[str]:
    # Any attempt to reach the network goes to a closed port on this machine, and fails.
    offline = {
        **os.environ,
        "HTTP_PROXY": "http://127.0.0.1:9",
        "HTTPS_PROXY": "http://127.0.0.1:9",
    }
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True,
        text=True,
        env=offline,
        check=False,
    )


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True)
    return data


def test_the_workflow_is_valid_against_the_github_schema() -> None:
    result = validate(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8"
    )
    result = validate(broken)
    assert result.returncode == 1
    assert "'runs-on' is a required property" in result.stdout


def matches(pattern: str, path: str) -> bool:
    """GitHub's path filter globs: `**` crosses folders, `*` does not."""
    parts = re.split(r"(\*\*|\*)", pattern)
    regex = "".join(
        ".*" if part == "**" else "[^/]*" if part == "*" else re.escape(part) for part in parts
    )
    return re.fullmatch(regex, path) is not None


@pytest.mark.parametrize("event", ["push", "pull_request"])
@pytest.mark.parametrize("path", REBUILT_BY)
def test_changes_to_articles_facts_and_the_site_trigger_it(
    workflow: dict[str, Any], event: str, path: str
) -> None:
    assert (REPO / path).is_file()
    patterns = workflow["on"][event]["paths"]
    assert any(matches(pattern, path) for pattern in patterns), patterns
    assert {"content/**", "seeds/**"} <= set(patterns)


def test_it_checks_tests_and_builds_strictly(workflow: dict[str, Any]) -> None:
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "make check" in runs
    assert "bash .ci/run" in runs  # the tests, as CI runs them here
    assert "make site" in runs  # `briefing build`: mkdocs build --strict
    [cache] = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == ".venv"
    assert "hashFiles('requirements/*.txt', 'pyproject.toml')" in cache["with"]["key"]
    checkout = steps[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0  # impact needs the base branch's history


def test_pull_requests_get_the_impact_report_in_the_job_summary(workflow: dict[str, Any]) -> None:
    [step] = [s for s in workflow["jobs"]["build"]["steps"] if "impact" in s.get("run", "")]
    assert step["if"] == "github.event_name == 'pull_request'"
    assert 'briefing impact --since "$BASE"' in step["run"]
    assert step["env"]["BASE"] == "origin/${{ github.base_ref }}"
    assert '>> "$GITHUB_STEP_SUMMARY"' in step["run"]
    assert step["run"].rstrip().endswith('exit "$status"')  # a broken quote fails the run


def test_only_the_default_branch_publishes_to_pages(workflow: dict[str, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read"}
    [upload] = [
        s
        for s in workflow["jobs"]["build"]["steps"]
        if s.get("uses", "").startswith("actions/upload-pages-artifact@")
    ]
    assert upload["with"]["path"] == "site"
    assert upload["if"] == ON_DEFAULT_BRANCH
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == ON_DEFAULT_BRANCH
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    [step] = deploy["steps"]
    assert step["uses"].startswith("actions/deploy-pages@")
