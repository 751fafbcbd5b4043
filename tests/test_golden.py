"""Golden pages: the generated Markdown of a few representative pages, kept in tests/golden/. A
change to a template or the generator shows up here as a readable diff.

Refresh after an intended change with `make golden` (it sets UPDATE_GOLDEN=1), then review the diff
of tests/golden/ before committing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import REPO

GOLDEN = REPO / "tests" / "golden"
PAGES = [
    "index.md",
    "people/stephen-biegun.md",
    "meetings/hanoi-summit-2019.md",
    "commitments/singapore-denuclearization.md",
    "sources/dw-2019-02-09.md",
]


# The pages a later report changes, as a curator leaves them after revisiting the briefing
# (test data, tests/data/revisited), kept under tests/golden/revisited/.
REVISITED_PAGES = [
    "index.md",
    "news.md",
    "meetings/hanoi-summit-2019.md",
    "meetings/envoys-meeting-2019-02.md",
    "places/third-nation-in-asia.md",
    "commitments/envoys-meet-again-before-hanoi.md",
    "sources/test-revisited-2019-03-02.md",
]


@pytest.mark.parametrize("page", PAGES)
def test_generated_page_matches_its_golden_file(built: tuple[Path, str], page: str) -> None:
    compare(built[0], page, GOLDEN / page)


@pytest.mark.parametrize("page", REVISITED_PAGES)
def test_a_revisited_page_matches_its_golden_file(revisited_built: Path, page: str) -> None:
    compare(revisited_built, page, GOLDEN / "revisited" / page)


def compare(root: Path, page: str, golden: Path) -> None:
    generated = (root / "build/docs" / page).read_text(encoding="utf-8")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(generated, encoding="utf-8")
    assert golden.is_file(), f"no golden file for {page}: run `make golden`"
    assert generated == golden.read_text(encoding="utf-8"), f"{page} changed: see `make golden`"
