"""Incremental regeneration: a `briefing generate` after any edits writes build/docs byte for byte
as a clean generate of the same files does, and a cache that is stale or damaged is not trusted.

The property test edits copies of the shipped corpus and of a small synthetic one (test data, made
here) at random: every kind of field (text, dates, references, statuses and other choices, lists,
quotes), new, deleted and renamed files, articles, tags and templates; after each round of edits
it compares the incremental result with a clean generate of a fresh copy. INCREMENTAL_ROUNDS sets
how many rounds (a seed is printed with every failure)."""

from __future__ import annotations

import os
import pickle
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result

from generator.cache import CACHE, STATE
from generator.check import check
from generator.cli import Failed, main
from generator.cli import generate as cli_generate
from generator.incremental import Resident, Run
from generator.layout import Task, path_of
from generator.load import load_corpus
from generator.render import Rendered, Renderer
from generator.snapshot import hash_bytes, take_snapshot
from tests.conftest import COPIED, DOCS, copy_project, synthetic_project, tree

ROUNDS = int(os.environ.get("INCREMENTAL_ROUNDS", "6"))
EDITS_PER_ROUND = 3
DATE_FIELDS = ("date", "published", "deadline")
# Fields that hold one of a few words: an edit picks another seen in the corpus.
CHOICE_FIELDS = ("status", "kind", "medium", "reported")


def generate(root: Path) -> Result:
    return CliRunner().invoke(main, ["generate", "--root", str(root)], catch_exceptions=False)


def clean_pages(root: Path, scratch: Path) -> dict[str, bytes]:
    """build/docs as a clean generate of a fresh copy of the project's files writes it."""
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    for name in COPIED:
        if (root / name).is_dir():
            shutil.copytree(root / name, scratch / name, symlinks=True)
        elif (root / name).exists():
            shutil.copy2(root / name, scratch / name)
    result = generate(scratch)
    assert result.exit_code == 0, result.output
    return tree(scratch / DOCS)


def differences(got: dict[str, bytes], wanted: dict[str, bytes]) -> list[str]:
    return sorted(path for path in got.keys() | wanted.keys() if got.get(path) != wanted.get(path))


def checks_clean(root: Path) -> bool:
    return not check(load_corpus(root))[1]


class Editor:
    """Random edits to a project's content, articles and templates, each kept only if the
    corpus still checks clean (so that there are pages to compare)."""

    def __init__(self, root: Path, rng: random.Random) -> None:
        self.root = root
        self.rng = rng
        self.count = 0

    # The corpus as it is now --------------------------------------------------------------

    def files(self) -> dict[str, Path]:
        """Each entity's file, by id."""
        return {file.stem: file for file in sorted((self.root / "content").glob("*/*.yml"))}

    def kind_of(self, entity_id: str) -> str | None:
        file = self.files().get(entity_id)
        return file.parent.name if file else None

    def ids_of(self, kind: str) -> list[str]:
        return sorted(file.stem for file in (self.root / "content" / kind).glob("*.yml"))

    def article(self, source: str) -> str:
        return (self.root / "seeds" / f"{source}.txt").read_text(encoding="utf-8")

    def words_of(self, source: str) -> str:
        """A few consecutive words of an article, which the check finds there."""
        lines = [line for line in self.article(source).splitlines() if len(line.split()) >= 4]
        words = self.rng.choice(lines).split()
        start = self.rng.randrange(len(words) - 2)
        return " ".join(words[start : start + self.rng.randint(3, 8)])

    def seen(self, field: str) -> list[Any]:
        """Every value a field has somewhere in the corpus."""
        found: dict[str, Any] = {}

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                for key, inner in value.items():
                    if key == field and isinstance(inner, (str, bool)):
                        found[repr(inner)] = inner
                    walk(inner)
            elif isinstance(value, list):
                for inner in value:
                    walk(inner)

        for file in self.files().values():
            walk(yaml.safe_load(file.read_text(encoding="utf-8")))
        return [found[value] for value in sorted(found)]

    # Edits --------------------------------------------------------------------------------

    def edit(self) -> str:
        """Make one random edit that leaves the corpus checking clean; say what it was."""
        edits: list[Callable[[], str | None]] = [
            self.edit_field, self.edit_field, self.edit_field, self.edit_quote, self.edit_list,
            self.drop_field, self.new_file, self.delete_file, self.rename_file,
            self.edit_article, self.edit_tags, self.edit_template, self.rewrite_same,
        ]  # fmt: skip
        for _ in range(60):
            saved = self.save()
            what = self.rng.choice(edits)()
            if what is not None and checks_clean(self.root):
                self.count += 1
                return what
            self.restore(saved)
        raise AssertionError("no valid edit found in 60 tries")

    def save(self) -> dict[str, bytes]:
        return {
            path.relative_to(self.root).as_posix(): path.read_bytes()
            for name in ("content", "seeds", "templates")
            for path in (self.root / name).rglob("*")
            if path.is_file()
        }

    def restore(self, saved: dict[str, bytes]) -> None:
        for name in ("content", "seeds", "templates"):
            for path in (self.root / name).rglob("*"):
                if path.is_file() and path.relative_to(self.root).as_posix() not in saved:
                    path.unlink()
        for relative, data in saved.items():
            path = self.root / relative
            if not path.is_file() or path.read_bytes() != data:
                path.write_bytes(data)

    def load(self, file: Path) -> dict[str, Any]:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        assert isinstance(data, dict)
        return data

    def dump(self, file: Path, data: dict[str, Any]) -> None:
        file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")

    def entity(self) -> tuple[str, Path, dict[str, Any]]:
        entity_id, file = self.rng.choice(sorted(self.files().items()))
        return entity_id, file, self.load(file)

    def leaves(self, value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """The paths of the scalars in a record."""
        if isinstance(value, dict):
            return [p for key, inner in value.items() for p in self.leaves(inner, (*path, key))]
        if isinstance(value, list):
            return [p for i, inner in enumerate(value) for p in self.leaves(inner, (*path, i))]
        return [path]

    def edit_field(self) -> str | None:
        """A value outside the citations: text, a date, a reference, a choice."""
        entity_id, file, data = self.entity()
        paths = [p for p in self.leaves(data) if "cite" not in p]
        if not paths:
            return None
        path = self.rng.choice(paths)
        holder = data
        for part in path[:-1]:
            holder = holder[part]
        old = holder[path[-1]]
        field = next((part for part in reversed(path) if isinstance(part, str)), "")
        new = self.new_value(data, field, old)
        if new == old:
            return None
        holder[path[-1]] = new
        self.dump(file, data)
        return f"{entity_id}: {'.'.join(map(str, path))}: {old!r} -> {new!r}"

    def new_value(self, data: dict[str, Any], field: str, old: Any) -> Any:
        rng = self.rng
        old_text = str(old)
        if field in DATE_FIELDS or re.fullmatch(r"\d{4}(-\d\d)*(/.*)?", old_text):
            year = rng.randint(2016, 2020)
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            return rng.choice([f"{year}", f"{year}-{month:02}", f"{year}-{month:02}-{day:02}"])
        kind = self.kind_of(old_text)
        if kind is not None:
            return rng.choice(self.ids_of(kind))
        if field in CHOICE_FIELDS or isinstance(old, bool):
            return rng.choice(self.seen(field) or [old])
        if field == "text" and "speaker" in data:
            sources = list((data.get("cite", {}).get("text") or {}).keys() - {"inference"})
            return self.words_of(rng.choice(sources)) if sources else None
        return rng.choice(
            [
                f"{old_text} (edited {self.count})",
                f"Edited {self.count}: {old_text}",
                old_text.upper(),
                f"{old_text} with *stars*, <b>tags</b> & [brackets](x)",
            ]
        )

    def edit_quote(self) -> str | None:
        """A quoted passage: other words of the same article (or a curator's inference)."""
        entity_id, file, data = self.entity()
        paths = [p for p in self.leaves(data) if "cite" in p]
        if not paths:
            return None
        path = self.rng.choice(paths)
        holder = data
        for part in path[:-1]:
            holder = holder[part]
        source = next(
            (part for part in reversed(path) if isinstance(part, str) and self.kind_of(part)),
            None,
        )
        if source is None:
            holder[path[-1]] = f"{holder[path[-1]]} (edited {self.count})"
        else:
            holder[path[-1]] = self.words_of(source)
        self.dump(file, data)
        return f"{entity_id}: quote {'.'.join(map(str, path))}"

    def edit_list(self) -> str | None:
        """A list: an item dropped, repeated, moved, or another entity added to a list of ids."""
        entity_id, file, data = self.entity()
        lists: list[tuple[Any, ...]] = []

        def walk(value: Any, path: tuple[Any, ...]) -> None:
            if isinstance(value, list):
                lists.extend([path] if value else [])
                for index, inner in enumerate(value):
                    walk(inner, (*path, index))
            elif isinstance(value, dict):
                for key, inner in value.items():
                    walk(inner, (*path, key))

        walk(data, ())
        if not lists:
            return None
        path = self.rng.choice(lists)
        holder = data
        for part in path:
            holder = holder[part]
        how = self.rng.choice(["drop", "repeat", "move", "add"])
        index = self.rng.randrange(len(holder))
        if how == "drop":
            holder.pop(index)
        elif how == "repeat":
            holder.append(holder[index])
        elif how == "move":
            holder.insert(self.rng.randrange(len(holder)), holder.pop(index))
        else:
            kind = self.kind_of(str(holder[index]))
            if kind is None:
                return None
            holder.append(self.rng.choice(self.ids_of(kind)))
        self.dump(file, data)
        return f"{entity_id}: {how} in {'.'.join(map(str, path))}"

    def drop_field(self) -> str | None:
        """An optional field, with its citation."""
        entity_id, file, data = self.entity()
        field = self.rng.choice([key for key in data if key != "cite"])
        del data[field]
        data.get("cite", {}).pop(field, None)
        self.dump(file, data)
        return f"{entity_id}: {field} dropped"

    def new_file(self) -> str | None:
        """A new entity: a copy of another under a new id (a source with its article)."""
        entity_id, file, _ = self.entity()
        new_id = f"{entity_id}-copy-{self.count}"
        shutil.copy(file, file.with_name(f"{new_id}.yml"))
        if file.parent.name == "sources":
            seed = self.root / "seeds" / f"{entity_id}.txt"
            shutil.copy(seed, seed.with_name(f"{new_id}.txt"))
        return f"new {new_id}"

    def delete_file(self) -> str | None:
        """An entity deleted (one nothing else names, or the check would refuse it)."""
        entity_id, file, _ = self.entity()
        file.unlink()
        if file.parent.name == "sources":
            (self.root / "seeds" / f"{entity_id}.txt").unlink()
        return f"deleted {entity_id}"

    def rename_file(self) -> str:
        """An entity renamed, and every reference to it."""
        entity_id, file, _ = self.entity()
        new_id = f"{entity_id}-renamed-{self.count}"
        pattern = re.compile(rf"(?<![\w-]){re.escape(entity_id)}(?![\w-])")
        for other in self.files().values():
            text = other.read_text(encoding="utf-8")
            other.write_text(pattern.sub(new_id, text), encoding="utf-8")
        file.rename(file.with_name(f"{new_id}.yml"))
        if file.parent.name == "sources":
            seed = self.root / "seeds" / f"{entity_id}.txt"
            seed.rename(seed.with_name(f"{new_id}.txt"))
        return f"renamed {entity_id} -> {new_id}"

    def edit_article(self) -> str:
        """An archived article: a paragraph added before or after, or a word changed."""
        seed = self.rng.choice(sorted((self.root / "seeds").glob("*.txt")))
        text = seed.read_text(encoding="utf-8")
        how = self.rng.choice(["before", "after", "word"])
        if how == "before":
            text = f"A paragraph added before, edit {self.count}.\n\n{text}"
        elif how == "after":
            text = f"{text.rstrip()}\n\nA paragraph added after, edit {self.count}.\n"
        else:
            words = list(re.finditer(r"\b[a-z]{4,}\b", text))
            word = self.rng.choice(words)
            text = f"{text[: word.start()]}{word[0].upper()}{text[word.end() :]}"
        seed.write_text(text, encoding="utf-8")
        return f"article {seed.stem}: {how}"

    def edit_tags(self) -> str:
        """What a tag covers, or a new tag."""
        file = self.root / "content" / "tags.yml"
        tags = self.load(file)
        if self.rng.random() < 0.5:
            tag = self.rng.choice(sorted(tags))
            tags[tag] = f"{tags[tag]} Edited {self.count}."
        else:
            tags[f"new-tag-{self.count}"] = "A tag no entity carries yet."
        self.dump(file, tags)
        return "tags"

    def edit_template(self) -> str:
        """A page template, or the stylesheet."""
        templates = self.root / "templates"
        if self.rng.random() < 0.3:
            sheet = templates / "assets" / "briefing.css"
            sheet.write_text(f"{sheet.read_text()}\n/* edit {self.count} */\n")
            return "stylesheet"
        pages = sorted(p for p in templates.glob("*.md.j2") if not p.name.startswith("_"))
        template = self.rng.choice(pages)
        template.write_text(f"{template.read_text()}\nEdited {self.count}.\n")
        return f"template {template.name}"

    def rewrite_same(self) -> str:
        """A file written again as it was, or written otherwise with the same data."""
        entity_id, file, data = self.entity()
        if self.rng.random() < 0.5:
            file.write_bytes(file.read_bytes())
        else:
            self.dump(file, data)
        return f"{entity_id}: rewritten"


def generated(root: Path) -> None:
    result = generate(root)
    assert result.exit_code == 0, result.output


class Preview:
    """Runs as `briefing serve` makes them, in one process that keeps what each leaves for the
    next (a Resident), with a few pages, picked at random as if open in a browser, made first:
    when the run says those are written, each is already as the run leaves it."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.resident = Resident()

    def __call__(self, root: Path) -> None:
        docs = root / DOCS
        pages = sorted(path for path in tree(docs) if path.endswith(".md"))
        first = set(self.rng.sample(pages, min(len(pages), 3)))
        seen: dict[str, bytes | None] = {}

        def then() -> None:
            seen.update({path: read_or_none(docs / path) for path in first})

        cli_generate(root, self.resident, first, then)
        assert seen, f"not told that {sorted(first)} were written"
        assert seen == {path: read_or_none(docs / path) for path in first}


def read_or_none(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def run_rounds(
    root: Path, scratch: Path, seed: int, run: Callable[[Path], None] = generated
) -> None:
    rng = random.Random(seed)
    editor = Editor(root, rng)
    generated(root)
    log: list[str] = []
    for number in range(ROUNDS):
        log += [editor.edit() for _ in range(rng.randint(1, EDITS_PER_ROUND))]
        run(root)
        wrong = differences(tree(root / DOCS), clean_pages(root, scratch))
        assert not wrong, f"seed {seed}, round {number}: {wrong[:10]} differ after: {log}"
        # With nothing changed since, a run writes nothing.
        again = generate(root)
        assert " 0 written, 0 deleted" in again.output, again.output


@pytest.mark.parametrize("seed", [1, 2])
def test_random_edits_to_the_shipped_corpus_give_a_clean_generates_pages(
    tmp_path: Path, seed: int
) -> None:
    run_rounds(copy_project(tmp_path / "project"), tmp_path / "clean", seed)


def test_random_edits_to_a_synthetic_corpus_give_a_clean_generates_pages(tmp_path: Path) -> None:
    root = synthetic_project(tmp_path / "project", 120)
    run_rounds(root, tmp_path / "clean", 3)


@pytest.mark.parametrize("seed", [4, 5])
def test_random_edits_previewed_give_a_clean_generates_pages(tmp_path: Path, seed: int) -> None:
    """As the preview runs them: in memory from run to run, a few pages first."""
    root = copy_project(tmp_path / "project")
    run_rounds(root, tmp_path / "clean", seed, Preview(random.Random(seed)))


def test_random_edits_to_a_synthetic_corpus_previewed_give_a_clean_generates_pages(
    tmp_path: Path,
) -> None:
    root = synthetic_project(tmp_path / "project", 120)
    run_rounds(root, tmp_path / "clean", 6, Preview(random.Random(6)))


def test_an_edit_renders_again_only_the_pages_it_can_change(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert generate(project).exit_code == 0
    rendered: list[str] = []
    render_task = Renderer.render_task

    def counted(renderer: Renderer, task: Task) -> Rendered:
        rendered.append(path_of(task))
        return render_task(renderer, task)

    monkeypatch.setattr(Renderer, "render_task", counted)
    person = project / "content" / "people" / "kim-hyok-chol.yml"
    person.write_text(person.read_text().replace("summary: Stephen", "summary: Once, Stephen"))
    assert generate(project).exit_code == 0
    pages = [path for path in tree(project / DOCS) if path.endswith(".md")]
    assert "people/kim-hyok-chol.md" in rendered
    # The site's own pages, and the few that read him: not the others.
    assert len(rendered) < len(pages) / 2
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


# The cache -------------------------------------------------------------------------------


def test_a_run_with_nothing_to_do_stops_before_reading_the_corpus(project: Path) -> None:
    """It does not even import what loads, checks and renders the corpus."""
    assert generate(project).exit_code == 0
    command = [sys.executable, "-X", "importtime", "-m", "generator", "generate", "--root"]
    result = subprocess.run([*command, project], capture_output=True, text=True, check=False)
    assert result.returncode == 0
    assert " 0 written, 0 deleted, " in result.stdout
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()}
    assert imported.isdisjoint({"generator.load", "generator.check", "generator.render"})


def test_a_run_with_nothing_to_do_writes_nothing(project: Path) -> None:
    assert generate(project).exit_code == 0
    before = {p: p.stat().st_mtime_ns for p in (project / "build").rglob("*") if p.is_file()}
    result = generate(project)
    assert result.exit_code == 0
    assert " 0 written, 0 deleted, " in result.output
    after = {p: p.stat().st_mtime_ns for p in (project / "build").rglob("*") if p.is_file()}
    # Nothing under build/ is written again, neither a page nor the cache (the lock aside).
    assert after.keys() == before.keys()
    assert [p for p in before if p.name != "lock" and after[p] != before[p]] == []


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],
        lambda data: b"not a cache at all",
        lambda data: data[: data.index(b"\n", 24) + 1] + b"\x80\x05garbage",
        lambda data: b"",
    ],
    ids=["truncated", "garbage", "unpicklable", "empty"],
)
def test_a_damaged_cache_is_discarded_with_a_note(
    project: Path, damage: Callable[[bytes], bytes]
) -> None:
    assert generate(project).exit_code == 0
    edit_name(project)
    state = project / CACHE / STATE
    state.write_bytes(damage(state.read_bytes()))
    result = generate(project)
    assert result.exit_code == 0, result.output
    notes = [line for line in result.output.splitlines() if line.startswith("note:")]
    assert len(notes) == 1
    assert notes[0].startswith(f"note: {CACHE / STATE} could not be read (")
    assert notes[0].endswith("; working everything out again")
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def test_a_cache_left_by_another_version_of_the_generator_is_not_used(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("generator.incremental.generator_version", lambda: "one")
    assert generate(project).exit_code == 0
    # Another generator, which writes dates otherwise, and the same files: nothing the first
    # left may be trusted, not even that there is nothing to do.
    monkeypatch.setattr("generator.incremental.generator_version", lambda: "another")
    monkeypatch.setattr("generator.render.when", lambda text: f"when {text}")
    result = generate(project)
    assert result.exit_code == 0
    assert "note:" not in result.output
    assert (
        "when 2019-02-27/2019-02-28"
        in (project / DOCS / "meetings/hanoi-summit-2019.md").read_text()
    )
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def test_a_cache_of_the_right_version_that_is_not_a_cache_is_discarded(project: Path) -> None:

    assert generate(project).exit_code == 0
    state = project / CACHE / STATE
    data = state.read_bytes()
    header = data[: data.index(b"\n", 24) + 1]
    payload = pickle.dumps({"pages": "not these"})
    state.write_bytes(header + hash_bytes(payload).encode() + b"\n" + payload)
    edit_name(project)
    result = generate(project)
    assert result.exit_code == 0
    assert "could not be read (not a cache)" in result.output
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def test_a_page_changed_or_removed_in_build_docs_is_written_again(project: Path) -> None:
    assert generate(project).exit_code == 0
    page = project / DOCS / "people" / "kim-jong-un.md"
    page.write_text(page.read_text().replace("Kim", "Someone"))
    (project / DOCS / "timeline.md").unlink()
    (project / DOCS / "stray.md").write_text("not generated")
    result = generate(project)
    assert "2 written, 1 deleted" in result.output
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def test_pages_are_made_from_the_files_as_the_run_found_them(project: Path) -> None:
    """A file saved while a run is under way (here, before it reads the file) and saved back
    before the next: the next run sees that it must redo what the first did with the edit."""
    assert generate(project).exit_code == 0
    edit_name(project)
    person = project / "content" / "people" / "kim-jong-un.yml"
    edited = person.read_text()
    docs = project / DOCS
    run = Run(project, docs, print)
    person.write_text(edited.replace("Kim Jong Un", "Someone Else"))  # saved during the run
    _, corpus, problems = run.check()
    assert not problems
    run.write(corpus)
    assert "Kim Jong Un (edited)" in (docs / "people" / "kim-jong-un.md").read_text()
    person.write_text(edited)  # and saved back: the pages must be those of this text
    assert generate(project).exit_code == 0
    assert tree(docs) == clean_pages(project, project.parent / "clean")


def test_a_file_missed_by_a_run_is_not_taken_as_read(project: Path) -> None:
    """A file deleted while a run lists the corpus, and put back: the next run is not skipped
    (the pages of the first do not show it)."""
    assert generate(project).exit_code == 0
    fact = project / "content" / "facts" / "bromance-drink.yml"
    text = fact.read_text()
    edit_name(project)
    run = Run(project, project / DOCS, print)
    fact.unlink()  # gone when the run lists the files
    _, corpus, problems = run.check()
    assert not problems and "bromance-drink" not in corpus.kinds
    run.write(corpus)
    fact.write_text(text)
    result = generate(project)
    assert " 0 written, 0 deleted" not in result.output
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def test_a_run_refused_by_the_check_leaves_the_pages_and_a_later_run_is_right(
    project: Path,
) -> None:
    assert generate(project).exit_code == 0
    meeting = project / "content" / "meetings" / "hanoi-summit-2019.yml"
    good = meeting.read_text()
    meeting.write_text(good.replace("The planned Hanoi summit", "The planned Hanoi party"))
    pages = tree(project / DOCS)
    refused = generate(project)
    assert refused.exit_code == 1
    assert "quote not found" in refused.output
    assert tree(project / DOCS) == pages
    edit_name(project)
    meeting.write_text(good)
    assert generate(project).exit_code == 0
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def edit_name(root: Path) -> None:
    person = root / "content" / "people" / "kim-jong-un.yml"
    person.write_text(
        person.read_text().replace("name: Kim Jong Un\n", "name: Kim Jong Un (edited)\n")
    )


def test_a_cache_changed_but_still_loadable_is_discarded(project: Path) -> None:
    # Damage that unpickles as well as the original would put its words into pages.
    assert generate(project).exit_code == 0
    state = project / CACHE / STATE
    data = state.read_bytes()
    assert data.count(b"Hanoi") > 1
    state.write_bytes(data.replace(b"Hanoi", b"Hanoj"))
    edit_name(project)
    result = generate(project)
    assert result.exit_code == 0, result.output
    assert f"note: {CACHE / STATE} could not be read (damaged)" in result.output
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


# The preview's runs, in one process -------------------------------------------------------


def test_a_preview_run_keeps_what_it_leaves_in_memory(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A resident run does not read build/cache back: damaged there, it is not even noticed."""
    generated(project)
    resident = Resident()
    edit_name(project)
    cli_generate(project, resident)
    (project / CACHE / STATE).write_bytes(b"not a cache")
    person = project / "content" / "people" / "stephen-biegun.yml"
    person.write_text(person.read_text().replace("name: Stephen Biegun\n", "name: S. Biegun\n"))
    cli_generate(project, resident)
    assert "could not be read" not in capsys.readouterr().err
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def test_a_preview_run_refused_by_the_check_says_why_and_the_next_is_right(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A record valid in the last run and invalid now is reported (only valid records are
    remembered as validated), the pages stay, and the run after the fix is right."""
    generated(project)
    resident = Resident()
    edit_name(project)
    cli_generate(project, resident)
    person = project / "content" / "people" / "stephen-biegun.yml"
    good = person.read_text()
    person.write_text(good.replace("name: Stephen Biegun\n", "name: [Stephen, Biegun]\n"))
    pages = tree(project / DOCS)
    with pytest.raises(Failed, match="nothing was generated"):
        cli_generate(project, resident)
    assert (
        "stephen-biegun.yml:2:7: error: `name` should be text, not a list"
        in capsys.readouterr().err
    )
    assert tree(project / DOCS) == pages
    person.write_text(good.replace("name: Stephen Biegun\n", "name: Steve Biegun\n"))
    cli_generate(project, resident)
    assert tree(project / DOCS) == clean_pages(project, project.parent / "clean")


def test_a_preview_takes_a_file_from_its_last_snapshot_only_while_it_is_as_it_was(
    tmp_path: Path,
) -> None:
    """Its inode, size and times unchanged, and last changed well before that snapshot was
    taken: a file rewritten at the same size just after being read may keep the same times on a
    file system with a coarse clock."""
    (tmp_path / "content").mkdir()
    file = tmp_path / "content" / "a.yml"
    file.write_bytes(b"name: A\n")
    earlier = take_snapshot(tmp_path)
    # The earlier snapshot said to hold other bytes: which one a new snapshot holds tells
    # whether it read the file.
    earlier.files["content/a.yml"] = b"name: Z\n"
    assert take_snapshot(tmp_path, earlier=earlier).files["content/a.yml"] == b"name: A\n"
    earlier.taken_ns += 60 * 10**9  # as if taken a minute after the file last changed
    assert take_snapshot(tmp_path, earlier=earlier).files["content/a.yml"] == b"name: Z\n"
    file.write_bytes(b"name: B\n")  # the same size
    # New times, whatever the clock's grain (a file rewritten within one tick keeps them).
    later = file.stat().st_mtime_ns + 10**9
    os.utime(file, ns=(later, later))
    assert take_snapshot(tmp_path, earlier=earlier).files["content/a.yml"] == b"name: B\n"
