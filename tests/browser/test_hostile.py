"""A corpus whose every text field is hostile (markup, template syntax, table breakers) builds,
never runs a script in the browser, and shows each text literally."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import briefing, copy_project
from playwright.sync_api import Browser

PAYLOAD = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) "
    "{{ 7*7 }} {% raw %} a | b `tick` ~~~ *star*"
)
SOURCE = "hostile-2019-02-09"


def hostile(label: str) -> str:
    """One field's text: a leading `#`, the label (to find it on the page), the payload."""
    return f"# {label} {PAYLOAD}"


def cite(text: str) -> dict[str, Any]:
    return {SOURCE: text, "inference": hostile("inference")}


def _corpus() -> dict[str, dict[str, Any]]:
    person, org, place = hostile("person"), hostile("org"), hostile("place")
    meeting, terms, note = hostile("meeting"), hostile("terms"), hostile("note")
    return {
        f"sources/{SOURCE}": {
            "name": hostile("headline"),
            "also_titled": [hostile("also")],
            "publisher": hostile("publisher"),
            "section": hostile("section"),
            "published": "2019-02-09",
            "url": "https://example.org/a_(b)?q='x'&y=1",
            "boilerplate": [hostile("boilerplate")],
        },
        "people/hostile-person": {
            "name": person,
            "aliases": [hostile("alias")],
            "epithets": [hostile("epithet")],
            "country": "hostile-org",
            "roles": [
                {
                    "title": hostile("role"),
                    "organization": "hostile-org",
                    "cite": cite(hostile("role")),
                }
            ],
            "summary": hostile("summary"),
            "tags": ["hostile"],
            "cite": {
                "name": cite(person),
                "aliases": cite(hostile("alias")),
                "epithets": cite(hostile("epithet")),
                "country": cite(org),
                "summary": cite(hostile("summary")),
            },
        },
        "organizations/hostile-org": {
            "name": org,
            "kind": "government",
            "summary": hostile("org summary"),
            "cite": {"name": cite(org), "summary": cite(hostile("org summary"))},
        },
        "places/hostile-place": {
            "name": place,
            "kind": "city",
            "within": "hostile-org",
            "cite": {"name": cite(place), "within": cite(place)},
        },
        "meetings/hostile-meeting": {
            "name": meeting,
            "kind": "summit",
            "date": "2019-02-27/2019-02-28",
            "place": "hostile-place",
            "participants": ["hostile-person"],
            "status": "scheduled",
            "purpose": hostile("purpose"),
            "cite": {
                "name": cite(meeting),
                "date": cite(meeting),
                "place": cite(place),
                "participants": cite(person),
                "status": cite(meeting),
                "purpose": cite(hostile("purpose")),
            },
        },
        "commitments/hostile-commitment": {
            "name": hostile("commitment"),
            "by": ["hostile-person"],
            "to": ["hostile-org"],
            "made_at": "hostile-meeting",
            "date": "2019-02-01",
            "terms": terms,
            "status_history": [
                {"date": "2019-02-01", "status": "pledged", "note": note, "cite": cite(note)}
            ],
            "cite": {
                "by": cite(person),
                "to": cite(org),
                "made_at": cite(meeting),
                "date": cite(terms),
                "terms": cite(terms),
            },
        },
        "statements/hostile-statement": {
            "speaker": "hostile-person",
            "date": "2019-02-08",
            "medium": "tweet",
            "text": hostile("statement"),
            "about": ["hostile-meeting"],
            "cite": {
                "speaker": cite(hostile("statement")),
                "date": cite(hostile("statement")),
                "medium": cite(hostile("statement")),
                "text": cite(hostile("statement")),
            },
        },
        "facts/hostile-fact": {
            "claim": hostile("fact"),
            "about": ["hostile-person"],
            "date": "2019-02-02",
            "cite": {"claim": cite(hostile("fact")), "date": cite(hostile("fact"))},
        },
    }


LABELS = [
    "headline", "also", "publisher", "section", "boilerplate", "person", "alias", "epithet",
    "role", "summary", "org", "org summary", "place", "meeting", "purpose", "commitment", "terms",
    "note", "statement", "fact", "inference", "tag",
]  # fmt: skip


@pytest.fixture(scope="module")
def hostile_site(
    tmp_path_factory: pytest.TempPathFactory, serve: Callable[[Path], tuple[str, Any]]
) -> Iterator[tuple[Path, str]]:
    root = copy_project(tmp_path_factory.mktemp("hostile"), ("templates", "mkdocs.yml"))
    for path, data in _corpus().items():
        file = root / "content" / f"{path}.yml"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    tags = {"hostile": hostile("tag")}
    (root / "content/tags.yml").write_text(yaml.safe_dump(tags, allow_unicode=True), "utf-8")
    (root / "seeds").mkdir()
    article = "\n".join(hostile(label) for label in LABELS) + "\n"
    (root / "seeds" / f"{SOURCE}.txt").write_text(article, encoding="utf-8")
    result = briefing("build", "--root", root)
    assert result.returncode == 0, result.stdout + result.stderr
    url, server = serve(root / "site")
    yield root, url
    server.shutdown()
    server.server_close()


def test_hostile_text_is_shown_literally_and_never_runs(
    browser: Browser, hostile_site: tuple[Path, str]
) -> None:
    root, url = hostile_site
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pages = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html"))
    shown: set[str] = set()
    for name in pages:
        page.goto(f"{url}/{name}", wait_until="load")
        assert page.locator("a[href^='javascript:']").count() == 0, name
        assert page.locator("article img[src='x']").count() == 0, name
        text = " ".join(page.inner_text("article").split())
        for label in LABELS:
            if hostile(label) in text:
                shown.add(label)
        assert "49" not in text.replace("2019", ""), name  # {{ 7*7 }} was never evaluated
    assert dialogs == []
    # Every hostile field reached some page, literally (the boilerplate only on its source page).
    assert shown == set(LABELS)
    context.close()
