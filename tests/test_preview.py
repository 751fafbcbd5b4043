"""The preview's pages (generator/preview.py), built by the real MkDocs from the real generated
pages: after one whole build, a save rebuilds exactly the pages whose Markdown changed, into what a
whole build would make of them; pages come and go; and what every page depends on (mkdocs.yml, the
theme, the Tags page's lists) builds everything again. Waits are on the pages' versions, not on a
clock."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DOCS, LATER, briefing, edit, wait_for

from generator.cli import generate as cli_generate
from generator.incremental import Resident
from generator.preview import Preview, snapshot

PERSON = "content/people/stephen-biegun.yml"
NEW_NAME = "Stephen E. Biegun"
INDEX = "people/index.md"
WAIT_SECONDS = 120


@pytest.fixture
def preview(built_project: Path) -> Iterator[Preview]:
    """The shipped content's preview, built whole, building what `update` queues."""
    previewing = Preview(built_project)
    previewing.build_all()
    with previewing.running(shutdown_seconds=60):
        yield previewing
    previewing.close()


def pages(site: Path | None) -> dict[str, tuple[int, bytes]]:
    """Every HTML page of a site, by URL, with when it was written and its bytes."""
    assert site is not None
    return {
        path.relative_to(site).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
        for path in site.rglob("*.html")
    }


def generate(project: Path) -> set[str]:
    """`briefing generate`, then the URLs of the pages whose Markdown it wrote or removed."""
    before = snapshot(project / DOCS)
    result = briefing("generate", "--root", project)
    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(project / DOCS)
    changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    return {p.removesuffix(".md") + ".html" for p in changed if p.endswith(".md")}


def rebuilt(preview: Preview, urls: set[str], *, everything: bool = False) -> None:
    """Queue what changed, and wait until each of these pages has a new version."""
    versions = {url: preview.token(url) for url in urls}
    preview.update(everything=everything)
    for url, version in versions.items():
        assert preview.wait(url, version, WAIT_SECONDS) != version, f"{url} was not rebuilt"


def test_a_save_rebuilds_only_the_pages_it_changed_as_a_whole_build_would(
    preview: Preview, tmp_path: Path
) -> None:
    project = preview.root
    before = pages(preview.site)
    edit(project / PERSON, "name: Stephen Biegun", f"name: {NEW_NAME}")
    changed = generate(project)
    assert "people/stephen-biegun.html" in changed and len(changed) < len(before) / 2
    rebuilt(preview, changed)
    after = pages(preview.site)
    assert {url for url in after if after[url] != before[url]} == changed
    assert NEW_NAME in after["people/stephen-biegun.html"][1].decode()
    # The same pages, built whole: the preview trades away only the Tags page's lists of pages,
    # which name each page as it was when the preview started.
    whole = Preview(project)
    whole.build_all()
    try:
        fresh = pages(whole.site)
    finally:
        whole.close()
    differ = {url for url in fresh if fresh[url][1] != after[url][1]}
    assert differ == {"tags.html"}


def test_pages_come_and_go(preview: Preview) -> None:
    """An added article's page appears, linked from the others; removed, it goes."""
    project = preview.root
    shutil.copytree(LATER / "content", project / "content", dirs_exist_ok=True)
    shutil.copytree(LATER / "seeds", project / "seeds", dirs_exist_ok=True)
    new_page = "sources/test-later-2019-03-01.html"
    changed = generate(project)
    assert new_page in changed and "sources/index.html" in changed
    rebuilt(preview, changed)
    assert preview.site is not None
    assert (preview.site / new_page).is_file()
    index = (preview.site / "sources/index.html").read_text(encoding="utf-8")
    assert 'href="test-later-2019-03-01.html"' in index  # a link MkDocs resolved, not a .md

    for added in (LATER / "content").rglob("*.yml"):
        (project / added.relative_to(LATER)).unlink()
    (project / "seeds/test-later-2019-03-01.txt").unlink()
    changed = generate(project)
    rebuilt(preview, changed - {new_page})
    assert not (preview.site / new_page).exists()
    assert "test-later-2019-03-01" not in (preview.site / "sources/index.html").read_text("utf-8")


def test_the_tags_page_and_mkdocs_yml_build_everything_again(preview: Preview) -> None:
    project = preview.root
    first_site = preview.site
    edit(
        project / "content/tags.yml",
        "summitry: Arranging the leaders' summits",
        "summitry: Arranging, holding and reporting the leaders' summits",
    )
    changed = generate(project)
    assert changed == {"tags.html"}
    # Every page has a new version, the Tags page's lists of pages among them.
    rebuilt(preview, {"tags.html", "index.html"})
    assert preview.site is not None and preview.site != first_site
    tags = (preview.site / "tags.html").read_text(encoding="utf-8")
    assert "holding and reporting" in tags
    assert "tags.md:" not in tags  # the tags plugin's own marker, had the listing not been filled
    assert 'href="people/stephen-biegun.html"' in tags

    assert preview.is_configuration(project / "mkdocs.yml")
    assert preview.is_configuration(project / "templates/overrides/main.html")
    assert not preview.is_configuration(project / PERSON)
    assert not preview.is_configuration(project / "templates/person.md.j2")
    edit(project / "mkdocs.yml", 'site_name: "Briefing:', 'site_name: "Preview of Briefing:')
    rebuilt(preview, {"people/stephen-biegun.html"}, everything=True)
    assert preview.site is not None
    person = (preview.site / "people/stephen-biegun.html").read_text(encoding="utf-8")
    assert "Preview of Briefing" in person


def test_a_page_open_in_a_browser_is_generated_and_built_first(preview: Preview) -> None:
    """As `briefing serve` runs a save: the page a browser waits on is generated first, and the
    preview told to build it before the pages listing the corpus are made; the browser's
    question then answers with the page's new version."""
    project = preview.root
    url, path = "people/stephen-biegun.html", "people/stephen-biegun.md"
    token = preview.token(url)
    answers: list[str] = []
    browser = threading.Thread(target=lambda: answers.append(preview.wait(url, token, 60)))
    browser.start()
    assert wait_for(lambda: preview.open_pages() == {path}, 10)
    edit(project / PERSON, "name: Stephen Biegun", f"name: {NEW_NAME}")
    told: list[tuple[bool, bool]] = []

    def then() -> None:
        docs = project / DOCS
        told.append((NEW_NAME in (docs / path).read_text(), NEW_NAME in (docs / INDEX).read_text()))
        preview.update()

    cli_generate(project, Resident(), preview.open_pages(), then)
    # Told once, when his page was written and the people's index (listing him) not yet.
    assert told == [(True, False)]
    assert NEW_NAME in (project / DOCS / INDEX).read_text()
    browser.join(60)
    assert answers and answers[0] != token
    assert preview.site is not None and NEW_NAME in (preview.site / url).read_text()


def test_pages_built_ahead_are_built_again_if_a_page_comes_meanwhile(preview: Preview) -> None:
    """An open page is built before the generator has written the rest: a page that came
    meanwhile, which it may link to, was not known to MkDocs then."""
    docs = Path(preview.config.docs_dir)
    ahead = "people/stephen-biegun.md"
    (docs / ahead).write_text((docs / ahead).read_text() + "\nEdited.\n")
    assert preview.update(only={ahead}) == 1
    (docs / "people" / "someone-new.md").write_text("# Someone new\n")
    assert preview.update() == 2  # the new page, and the one built ahead again
    (docs / "people" / "someone-else.md").write_text("# Someone else\n")
    assert preview.update() == 1  # once only


def test_a_page_listing_tags_is_not_built_ahead(preview: Preview) -> None:
    """It builds every page again, so it waits until all are generated; another open page
    goes ahead."""
    browsers = [
        threading.Thread(target=preview.wait, args=(url, preview.token(url), 30))
        for url in ("tags.html", "people/stephen-biegun.html")
    ]
    for browser in browsers:
        browser.start()
    assert wait_for(lambda: preview.open_pages() == {"people/stephen-biegun.md"})
    assert "tags.md" in preview._recorder.listings
    with preview._changes:
        assert preview._open["tags.html"] == 1  # still waiting, yet not ahead
    preview.update(everything=True)  # answers the waiting browsers
    for browser in browsers:
        browser.join(60)
