"""The whole pipeline on the shipped content: a strict MkDocs build with no warnings, one page per
person and meeting, a small navigation, no third-party requests, and deterministic output."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DOCS, REPO, briefing, copy_project, edit, tree


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_strict_build_has_no_warnings(built: tuple[Path, str]) -> None:
    root, output = built
    assert "WARNING" not in output
    assert f"site built: open {(root / 'site/index.html').resolve()}" in output
    assert not (root / "site.partial").exists()


@pytest.mark.parametrize(
    "kind", ["people", "meetings", "commitments", "organizations", "places", "sources"]
)
def test_every_entity_has_a_page_and_is_on_its_index(built: tuple[Path, str], kind: str) -> None:
    root, _ = built
    ids = sorted(p.stem for p in (REPO / "content" / kind).glob("*.yml"))
    assert ids
    index = (root / "site" / kind / "index.html").read_text(encoding="utf-8")
    for entity_id in ids:
        assert (root / "site" / kind / f"{entity_id}.html").is_file()
        assert f'href="{entity_id}.html"' in index


class _Links(HTMLParser):
    """Collects navigation targets and every address the page would fetch by itself."""

    def __init__(self) -> None:
        super().__init__()
        self.nav: list[str] = []
        self.fetched: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        is_nav = tag == "a" and "md-nav__link" in values.get("class", "")
        if is_nav and not values.get("href", "#").startswith("#"):
            self.nav.append(values["href"])
        if (
            tag in ("script", "img", "iframe", "source", "audio", "video", "embed")
            and "src" in values
        ):
            self.fetched.append(values["src"])
        if tag == "link" and values.get("rel") in ("stylesheet", "preconnect", "preload", "icon"):
            self.fetched.append(values.get("href", ""))


def parse(page: Path) -> _Links:
    links = _Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def test_navigation_lists_sections_not_entities(built: tuple[Path, str]) -> None:
    root, _ = built
    nav = parse(root / "site/people/stephen-biegun.html").nav
    assert sorted(set(nav)) == [
        "../commitments/index.html",
        "../index.html",
        "../meetings/index.html",
        "../news.html",
        "../organizations/index.html",
        "../places/index.html",
        "../sources/index.html",
        "../statements/index.html",
        "../tags.html",
        "../timeline.html",
        "index.html",
    ]


def test_no_page_fetches_from_another_host(built: tuple[Path, str]) -> None:
    root, _ = built
    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        external = [a for a in parse(page).fetched if re.match(r"(https?:)?//", a)]
        assert external == [], page
    for sheet in (root / "site").rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", sheet.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second, independent build of the shipped content, to compare with the first; made
    without the MkDocs hooks (which let go of each page's Markdown, keep the generated HTML away
    from Markdown and from the search plugin, and turn off unused Markdown): they must change
    nothing."""
    other = copy_project(tmp_path_factory.mktemp("rebuilt") / "other")
    edit(
        other / "mkdocs.yml",
        "hooks:\n  - templates/hooks/release_markdown.py\n  - templates/hooks/raw_html.py\n"
        "  - templates/hooks/unused_markdown.py\n",
        "",
    )
    assert briefing("build", "--root", other).returncode == 0
    return other


def test_generated_markdown_is_byte_identical_across_builds(
    built: tuple[Path, str], rebuilt: Path
) -> None:
    root, _ = built
    assert tree(rebuilt / DOCS) == tree(root / DOCS)


def test_built_site_is_byte_identical_across_builds(built: tuple[Path, str], rebuilt: Path) -> None:
    root, _ = built
    first, second = tree(root / "site"), tree(rebuilt / "site")
    # The sitemap carries the build date; everything else must not differ by a byte.
    for sitemap in ("sitemap.xml", "sitemap.xml.gz"):
        first.pop(sitemap, None)
        second.pop(sitemap, None)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


# A hook recording, for each page, the Markdown that Python-Markdown converts (after every other
# hook and plugin has had it) and the HTML that Material's search plugin has just read.
OBSERVER = """
import json, pathlib
from mkdocs.plugins import event_priority

seen = {"markdown": {}, "searched": {}}

@event_priority(-1000)
def on_page_markdown(markdown, page, **kwargs):
    seen["markdown"][page.file.src_uri] = markdown
    return markdown

@event_priority(-50)
def on_page_context(context, page, **kwargs):
    seen["searched"][page.file.src_uri] = page.content
    return context

def on_post_build(config, **kwargs):
    pathlib.Path(config.config_file_path).with_name("seen.json").write_text(json.dumps(seen))
"""
# Text holding the private-use characters that stand in for the generated HTML while Markdown
# converts a page.
PLACEHOLDER_LIKE = "resort \ue0000\ue001"


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict[str, str]]]:
    """The shipped content built with the observer hook, one summary holding PLACEHOLDER_LIKE:
    (the project, what the observer saw)."""
    root = copy_project(tmp_path_factory.mktemp("observed") / "project")
    (root / "observe.py").write_text(OBSERVER, encoding="utf-8")
    edit(root / "mkdocs.yml", "hooks:\n", "hooks:\n  - observe.py\n")
    edit(root / "content/places/sentosa.yml", "summary: A resort", f"summary: A {PLACEHOLDER_LIKE}")
    result = briefing("build", "--root", root)
    assert result.returncode == 0, result.stdout + result.stderr
    return root, json.loads((root / "seen.json").read_text(encoding="utf-8"))


def test_markdown_and_search_do_not_parse_the_generated_html(
    observed: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    root, seen = observed
    assert len(seen["markdown"]) > 40
    # Markdown converts no element (a page holding the placeholders' characters aside).
    assert [page for page, text in seen["markdown"].items() if re.search("<[a-z]", text)] == [
        "places/sentosa.md"
    ]
    # Search reads none of the parts it leaves out, which the built pages still have.
    assert [page for page, html in seen["searched"].items() if "data-search-exclude" in html] == [
        "places/sentosa.md"
    ]
    page = (root / "site/people/kim-jong-un.html").read_text(encoding="utf-8")
    assert '<sup class="cites' in page and '<ol class="citations" data-search-exclude>' in page


def test_text_like_the_placeholders_is_shown_as_written(
    observed: tuple[Path, dict[str, dict[str, str]]],
) -> None:
    root, _ = observed
    page = (root / "site/places/sentosa.html").read_text(encoding="utf-8")
    assert f"A {PLACEHOLDER_LIKE} area with luxury hotels and a theme park." in page
    assert '<ol class="citations" data-search-exclude>' in page


def test_second_build_rewrites_no_generated_file(built: tuple[Path, str]) -> None:
    root, _ = built
    before = mtimes(root / DOCS)
    result = briefing("build", "--root", root)
    assert result.returncode == 0
    assert ": 0 written, 0 deleted" in result.stdout
    assert mtimes(root / DOCS) == before


def test_an_edit_rewrites_exactly_the_pages_that_show_the_entity(built_project: Path) -> None:
    project = built_project
    before = tree(project / DOCS)
    # Every page that shows the person links to them (or is their page), the export has all, and
    # the feed names them in its plain-text summaries.
    showing = {
        name
        for name, data in before.items()
        if b"stephen-biegun." in data
        or name in ("people/stephen-biegun.md", "data/briefing.json")
        or (name == "feed.xml" and b"Stephen Biegun" in data)
    }
    edit(project / "content/people/stephen-biegun.yml", "name: Stephen Biegun", "name: S. Biegun")
    result = briefing("generate", "--root", project)
    assert result.returncode == 0, result.stderr
    after = tree(project / DOCS)
    assert sorted(after) == sorted(before)
    assert sorted(name for name in after if after[name] != before[name]) == sorted(showing)
    assert f"{len(showing)} written, 0 deleted" in result.stdout


def test_stale_pages_are_deleted(project: Path) -> None:
    assert briefing("generate", "--root", project).returncode == 0
    (project / "content/places/vietnam.yml").unlink()
    edit(project / "content/places/hanoi.yml", "within: vietnam\n", "")
    edit(project / "content/places/hanoi.yml", "  within:\n", "  other:\n")
    text = (project / "content/places/hanoi.yml").read_text()
    (project / "content/places/hanoi.yml").write_text(text.split("  other:\n")[0])
    result = briefing("generate", "--root", project)
    assert result.returncode == 0, result.stderr
    assert "1 deleted" in result.stdout
    assert not (project / DOCS / "places/vietnam.md").exists()


def test_a_tag_declared_but_unused_is_exported_but_not_on_the_tags_page(project: Path) -> None:
    with (project / "content/tags.yml").open("a", encoding="utf-8") as tags:
        tags.write("sanctions: Sanctions on North Korea, and their relief.\n")
    result = briefing("generate", "--root", project)
    assert result.returncode == 0, result.stderr
    page = (project / DOCS / "tags.md").read_text(encoding="utf-8")
    assert "| summitry | Arranging the leaders' summits, their times and places. |" in page
    assert "sanctions" not in page.lower()
    export = (project / DOCS / "data/briefing.json").read_text(encoding="utf-8")
    assert '"sanctions":"Sanctions on North Korea, and their relief."' in export


def test_failed_check_leaves_docs_and_site_untouched(built_project: Path) -> None:
    project = built_project
    before = tree(project / "site") | tree(project / DOCS)
    edit(project / "content/places/hanoi.yml", "kind: city", "kind: town")
    result = briefing("build", "--root", project)
    assert result.returncode == 1
    assert "nothing was generated" in result.stderr
    assert tree(project / "site") | tree(project / DOCS) == before


def test_failed_mkdocs_build_keeps_the_previous_site(built_project: Path) -> None:
    project = built_project
    before = tree(project / "site")
    # A link to a page that does not exist is a warning, and strict mode makes it fatal.
    edit(
        project / "templates/place.md.j2",
        "# {{ entity.name }}",
        "# {{ entity.name }}\n\n[x](nowhere.md)",
    )
    result = briefing("build", "--root", project)
    assert result.returncode == 1
    assert "nowhere.md" in result.stderr
    assert "site/ was left as it was" in result.stderr
    assert tree(project / "site") == before
    assert not (project / "site.partial").exists()
