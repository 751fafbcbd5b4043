"""Reads the corpus from disk: YAML files into raw records that know the line and column of every
value, and the archived article texts. The only module that reads content/ and seeds/."""

from __future__ import annotations

import contextlib
import difflib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, ClassVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.cache import Memo
from generator.model import KINDS, SLUG_PATTERN, Where
from generator.problems import Location, Problem
from generator.snapshot import CONTENT, SEEDS, Snapshot, decoded, hash_bytes

# The tags entities may carry, each with a line saying what it covers.
TAGS = f"{CONTENT}/tags.yml"
SLUG = re.compile(SLUG_PATTERN)

# Ids that name generated pages of their own.
RESERVED = frozenset({"index"})


# Where each value (or each mapping key) starts, by its path in the record: (line, column).
Positions = dict[Where, tuple[int, int]]


@dataclass
class Marks:
    """Where each value (and each mapping key) of a record starts, by its path in the record.
    Only a record with a problem needs them: they are worked out from its text on first use."""

    path: str
    text: str | None = None
    _found: tuple[Positions, Positions] | None = None  # values, keys

    def _read(self) -> tuple[Positions, Positions]:
        if self._found is None:
            self._found = _read_marks(self.path, self.text) if self.text is not None else ({}, {})
        return self._found

    def at(self, where: Where, *, key: bool = False) -> Location:
        """The location of a value (or of its key), or of its nearest enclosing value."""
        values, keys = self._read()
        if key and where in keys:
            return Location(self.path, *keys[where])
        for length in range(len(where), -1, -1):
            if where[:length] in values:
                return Location(self.path, *values[where[:length]])
        return Location(self.path)

    def find(self, where: Where, character: str) -> Location | None:
        """Where `character` is first written as itself in the value at `where` (not as an
        escape): after the value's start, before the next value or key of the file starts."""
        values, keys = self._read()
        value = self.at(where)
        if self.text is None or (value.line, value.column) not in values.values():
            return None
        start = (value.line, value.column)
        after = [mark for mark in (*values.values(), *keys.values()) if mark > start]
        lines = self.text.split("\n")

        def offset(line: int, column: int) -> int:
            return sum(len(text) + 1 for text in lines[: line - 1]) + column - 1

        end = offset(*min(after)) if after else len(self.text)
        found = self.text.find(character, offset(*start), end)
        return Location(self.path, *_position(self.text, found)) if found >= 0 else None


@dataclass
class RawRecord:
    """One content file as written: its kind (folder), id (file name) and plain data; data is
    None when the file could not be read (the problem is reported, the id still exists). `digest`
    is the hash of the file's bytes, when it was read through `Files`."""

    kind: str
    id: str
    path: str
    data: dict[str, Any] | None
    marks: Marks
    digest: str = ""


@dataclass
class RawCorpus:
    records: list[RawRecord]
    texts: dict[str, str]
    problems: list[Problem]
    # content/tags.yml, read as a record whose fields are the tags; None if there is no such file.
    tags: RawRecord | None = None


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def slug_hint(name: str) -> str:
    suggestion = slugify(name)
    example = f", e.g. `{suggestion}`" if suggestion and SLUG.fullmatch(suggestion) else ""
    return f"ids are lowercase letters and digits joined by single hyphens{example}"


# Content files nest a few levels (a status change's citation of a field is five deep).
MAX_DEPTH = 32
# libyaml composes nested collections by recursing in C, which no Python limit stops: 50,000
# nested `[` overflow the stack. A text with fewer characters that can open a collection than
# this cannot nest as deep as that, so libyaml may read it; others go to the pure loader.
_C_OPENERS = 1000


class _TooDeep(yaml.composer.ComposerError):
    def __init__(self, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"nested more than {MAX_DEPTH} levels deep", mark)


class _Loader(yaml.SafeLoader):
    """The safe loader, refusing aliases (a content file says each thing once, and an alias can
    expand exponentially, "billion laughs", or refer to itself) and deep nesting."""

    _depth = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()  # type: ignore[no-untyped-call]
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (`*name`) are not supported", event.start_mark
            )
        if self._depth >= MAX_DEPTH:
            raise _TooDeep(event.start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# libyaml's parser, where PyYAML was built with it: about three times quicker.
_CLoader = getattr(yaml, "CSafeLoader", None)


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class _Reader:
    """Turns a composed YAML node tree into plain data, recording marks and duplicate keys."""

    # Numbers and dates stay text as written: the model has no numeric field, and YAML 1.1
    # would read `0100` as 64 and `0x7E1` as 2017. The model checks dates against what the
    # curator wrote; text such as `name: 12` is just that text. Booleans (`no`, `on`) are
    # still read as such, so a field holding one is reported with a hint to quote it.
    _as_text: ClassVar = frozenset(
        {
            "tag:yaml.org,2002:str",
            "tag:yaml.org,2002:timestamp",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        }
    )

    def __init__(self, path: str, *, marking: bool = False) -> None:
        self.path = path
        # Positions are kept only when asked for: the data alone is quicker.
        self.marking = marking
        self.values: Positions = {}
        self.keys: Positions = {}
        self.problems: list[Problem] = []
        self._constructor = yaml.constructor.SafeConstructor()

    def read(self, node: Node, where: Where) -> Any:
        if len(where) >= MAX_DEPTH:
            raise _TooDeep(node.start_mark)
        if self.marking:
            self.values[where] = _mark(node)
        if isinstance(node, MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, ScalarNode) else None
                if not isinstance(key, str) or not key:
                    self.problems.append(
                        Problem(
                            Location(self.path, *_mark(key_node)),
                            "a field name must be plain text",
                            "write `name: value`",
                        )
                    )
                    continue
                if key in result:
                    self.problems.append(
                        Problem(
                            Location(self.path, *_mark(key_node)),
                            f"`{key}` is given twice in the same mapping",
                            "keep one; the second would silently replace the first",
                        )
                    )
                    continue
                if self.marking:
                    self.keys[(*where, key)] = _mark(key_node)
                result[key] = self.read(value_node, (*where, key))
            return result
        if isinstance(node, SequenceNode):
            return [self.read(item, (*where, index)) for index, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        if node.tag in self._as_text:
            return node.value
        try:
            return self._constructor.construct_object(node, deep=True)
        except yaml.YAMLError:
            self.problems.append(
                Problem(
                    Location(self.path, *_mark(node)),
                    f"unsupported YAML tag `{node.tag}`",
                    "remove the `!` tag; plain values are enough",
                )
            )
            return node.value


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _code(character: object) -> int:
    return ord(character) if isinstance(character, str) else int(character)  # type: ignore[call-overload]


def _yaml_problem(path: str, text: str, error: yaml.YAMLError) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        # Raised before any mark exists: the position is an offset into the text.
        return Problem(
            Location(path, *_position(text, error.position)),
            f"character {_code(error.character):#06x} is not allowed in YAML",
            "remove the control character",
        )
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    mark = problem_mark or context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    if problem == "but found another document":
        return Problem(location, "a second YAML document (`---`)", "one file holds one entity")
    if "aliases" in problem:
        return Problem(location, problem, "write the value out in full")
    if isinstance(error, _TooDeep):
        return Problem(location, problem, "look for brackets that are never closed")
    message = f"YAML syntax: {problem}"
    context = getattr(error, "context", None)
    if context and context_mark and problem_mark:
        where = f"{context_mark.line + 1}:{context_mark.column + 1}"
        message += f", {context} that starts at {where}"
    return Problem(
        location,
        message,
        "check the indentation and closing brackets, and put text containing `: ` or starting "
        "with a quote, `[`, `{`, `*`, `&` or `#` in quotes",
    )


def read_record(root: Path, file: Path, kind: str) -> tuple[RawRecord, list[Problem]]:
    """Parse one content file, with the problems that kept it from being read."""
    return Files(root).record(kind, file.relative_to(root).as_posix())


# A content file as parse_record read it: its data (None if it could not be read) and problems.
Parsed = tuple[dict[str, Any] | None, list[Problem]]


class Files:
    """Where the corpus's files are read from: those a snapshot holds from the snapshot, the
    others from disk; a content file an earlier run parsed (the same kind, path and bytes) is
    not parsed again, and one whose record an earlier run of the same process made (`records`)
    is not even decoded. Keeps the hash of every file read."""

    def __init__(
        self,
        root: Path,
        snapshot: Snapshot | None = None,
        parsed: Memo[tuple[str, str, str], Parsed] | None = None,
        records: Memo[tuple[str, str, str], tuple[RawRecord, list[Problem]]] | None = None,
    ) -> None:
        self.root = root
        self.snapshot = snapshot if snapshot is not None else Snapshot()
        self.parsed = parsed if parsed is not None else Memo()
        self.records = records if records is not None else Memo()
        self.read: dict[str, str] = {}

    def record(self, kind: str, path: str) -> tuple[RawRecord, list[Problem]]:
        """The content file's record, and the problems of reading it."""
        if path not in self.snapshot.files:
            return self._made(kind, path)
        key = (kind, path, self.snapshot.hashes[path])
        record, problems = self.records.get(key, lambda: self._made(kind, path))
        self.read[path] = key[2]
        # Kept for the next run's cache, as if parsed again.
        self.parsed.get(key, lambda: (record.data, problems))
        return record, problems

    def _made(self, kind: str, path: str) -> tuple[RawRecord, list[Problem]]:
        try:
            text = self.text(path)
        except UnicodeDecodeError as error:
            problem = Problem(Location(path), f"not UTF-8 text ({error.reason})", "save as UTF-8")
            return RawRecord(kind, PurePosixPath(path).stem, path, None, Marks(path)), [problem]
        return self.parse(kind, path, text)

    def text(self, path: str) -> str:
        """The file's text, line ends made "\n" (as Python reads text). A leading byte order
        mark is encoding, not text: it must not reach a page."""
        data = self.snapshot.files.get(path)
        if data is None:
            data = Path(self.root, path).read_bytes()
            self.read[path] = hash_bytes(data)
        else:
            self.read[path] = self.snapshot.hashes[path]
        return decoded(data).removeprefix("\ufeff")

    def parse(self, kind: str, path: str, text: str) -> tuple[RawRecord, list[Problem]]:
        """parse_record of the file's text, just read."""

        def parse() -> Parsed:
            record, problems = parse_record(kind, path, text)
            return record.data, problems

        data, problems = self.parsed.get((kind, path, self.read[path]), parse)
        # As parse_record makes it: only a record that was read has marks to work out.
        marks = Marks(path, text) if data is not None else Marks(path)
        record = RawRecord(kind, PurePosixPath(path).stem, path, data, marks, self.read[path])
        return record, problems

    def read_as_snapshot(self) -> bool:
        """Whether exactly the content files and articles of the snapshot were read, each as
        it holds them. (Files are listed from disk: one deleted or created meanwhile was read
        or missed apart from the snapshot.) Meant for a corpus that checked clean, which holds
        nothing else under content/ that is not hidden."""
        hashes = self.snapshot.hashes
        return self.read == {path: hashes[path] for path in hashes if _read_when_clean(path)}


def _read_when_clean(path: str) -> bool:
    """Whether load reads a file (of a corpus that checks clean): all under content/ that is
    not hidden, and the articles directly in seeds/."""
    parts = path.split("/")
    if parts[0] == CONTENT:
        return not any(part.startswith(".") for part in parts)
    name = parts[-1]
    return parts[0] == SEEDS and len(parts) == 2 and name.endswith(".txt") and name[0] != "."


def _compose(text: str) -> Node | None:
    """The text's node tree; YAMLError if it cannot be read."""
    if _CLoader is not None and "&" not in text and "*" not in text and _shallow(text):
        # libyaml composes about three times faster. Without `&` and `*` there can be no alias to
        # refuse; on any error the pure-Python parser below runs again, for its exact messages.
        try:
            return yaml.compose(text, Loader=_CLoader)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=_Loader)


def _shallow(text: str) -> bool:
    """Whether the text surely nests too little to overflow libyaml's stack."""
    return sum(text.count(opener) for opener in "[{-?:") < _C_OPENERS


def parse_record(kind: str, path: str, text: str) -> tuple[RawRecord, list[Problem]]:
    """Parse the text of a content file at `path` (relative to the root; its stem is the id)."""
    unreadable = RawRecord(kind, PurePosixPath(path).stem, path, None, Marks(path))
    reader = _Reader(path)
    try:
        node = _compose(text)
        data = reader.read(node, ()) if node is not None else None
    except yaml.YAMLError as error:
        return unreadable, [_yaml_problem(path, text, error)]
    if node is None:
        hint = (
            "write one `tag: what it covers` line per tag"
            if path == TAGS
            else "write its fields, `name: ...`"
        )
        problem = Problem(Location(path), "the file is empty", hint)
        return unreadable, [problem]
    if not isinstance(data, dict):
        location = Location(path, *_mark(node))
        problem = Problem(location, "expected `field: value` lines at the top of the file")
        return unreadable, [*reader.problems, problem]
    # Marks are worked out again from the text only for a record with a problem.
    return RawRecord(kind, unreadable.id, path, data, Marks(path, text)), reader.problems


def _read_marks(path: str, text: str) -> tuple[Positions, Positions]:
    """Where each value and each key of the file's text starts."""
    reader = _Reader(path, marking=True)
    # A file that cannot be read has its problem reported already, and no marks to give.
    with contextlib.suppress(yaml.YAMLError):
        node = _compose(text)
        if node is not None:
            reader.read(node, ())
    return reader.values, reader.keys


def _entries(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return sorted(entries, key=lambda entry: entry.name)


def _linked(relative: str) -> Problem:
    # A link could publish any file the build can read (/etc/passwd), and git stores links.
    return Problem(
        Location(relative),
        "a symbolic link: content and articles must be files inside the project",
        "replace the link with a copy of the file it points to",
    )


def _inside(root: Path, relative: str) -> bool:
    """Whether no part of the path is a symbolic link (which _content_files reports)."""
    parts = relative.split("/")
    return not any(os.path.islink(os.path.join(root, *parts[:n])) for n in range(1, len(parts) + 1))


def _content_files(root: Path) -> tuple[list[tuple[str, str, bool]], list[Problem]]:
    """Every content file (its kind, its path relative to the root, and whether its name is an
    id), and problems with the layout itself."""
    # os.scandir: it says whether an entry is a link without following it.
    found: list[tuple[str, str, bool]] = []
    problems: list[Problem] = []
    if (root / CONTENT).is_symlink():
        return [], [_linked(CONTENT)]
    if not (root / CONTENT).is_dir():
        return [], [Problem(Location(CONTENT), "no content folder", f"create `{CONTENT}/`")]
    for entry in _entries(os.path.join(root, CONTENT)):
        relative = f"{CONTENT}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            problems.append(_linked(relative))
            continue
        if relative == TAGS and entry.is_file():
            continue  # read apart from the entities, by load_corpus
        if not entry.is_dir() or entry.name not in KINDS:
            close = difflib.get_close_matches(entry.name, [*KINDS, posixpath.basename(TAGS)], n=1)
            hint = f"did you mean `{close[0]}`?" if close else f"use one of: {', '.join(KINDS)}"
            problems.append(Problem(Location(relative), "not a folder of a known kind", hint))
            continue
        for file in _entries(entry.path):
            relative = f"{CONTENT}/{entry.name}/{file.name}"
            if file.name.startswith("."):
                continue
            if file.is_symlink():
                problems.append(_linked(relative))
                continue
            stem, suffix = os.path.splitext(file.name)
            if not file.is_file() or suffix != ".yml":
                problems.append(
                    Problem(
                        Location(relative),
                        "not a content file",
                        "content files are `ID.yml` directly inside the kind's folder",
                    )
                )
                continue
            named = bool(SLUG.fullmatch(stem))
            if not named:
                problems.append(
                    Problem(
                        Location(relative),
                        f"file name `{stem}` is not a valid id",
                        f"rename the file; {slug_hint(stem)}",
                    )
                )
            elif stem in RESERVED:
                problems.append(
                    Problem(
                        Location(relative),
                        f"`{stem}` is reserved for the {entry.name} index page",
                        "rename the file",
                    )
                )
                continue
            found.append((entry.name, relative, named))
    return found, problems


def _seed_texts(files: Files) -> tuple[dict[str, str], list[Problem]]:
    texts: dict[str, str] = {}
    problems: list[Problem] = []
    seeds = os.path.join(files.root, SEEDS)
    if os.path.islink(seeds):
        return texts, [_linked(SEEDS)]
    for file in _entries(seeds) if os.path.isdir(seeds) else []:
        relative = f"{SEEDS}/{file.name}"
        stem, suffix = os.path.splitext(file.name)
        if suffix != ".txt" or file.name.startswith("."):
            continue
        if file.is_symlink():
            problems.append(_linked(relative))
            continue
        if not file.is_file():
            problems.append(
                Problem(Location(relative), "not a file", "articles are `ID.txt` files")
            )
            continue
        if not SLUG.fullmatch(stem):
            problems.append(
                Problem(
                    Location(relative),
                    f"article file name `{stem}` is not a valid source id",
                    slug_hint(stem),
                )
            )
            continue
        try:
            texts[stem] = files.text(relative)
        except UnicodeDecodeError as error:
            problems.append(
                Problem(Location(relative), f"not UTF-8 text ({error.reason})", "save as UTF-8")
            )
    return texts, problems


def _read(files: Files, kind: str, path: str, named: bool) -> tuple[RawRecord, list[Problem]]:
    if named:
        return files.record(kind, path)
    # Misnamed (reported by _content_files): not read, but the id it was surely meant to have
    # still counts as taken, so references to it do not each report the same problem again.
    return RawRecord(kind, slugify(PurePosixPath(path).stem), path, None, Marks(path)), []


def load_corpus(root: Path, files: Files | None = None) -> RawCorpus:
    """Read every content file and article text under `root` (through `files`, if given),
    collecting every problem."""
    files = files if files is not None else Files(root)
    found, problems = _content_files(root)
    records = []
    for file in found:
        record, record_problems = _read(files, *file)
        records.append(record)
        problems.extend(record_problems)
    texts, text_problems = _seed_texts(files)
    problems += text_problems
    tags = None
    if _inside(root, TAGS) and os.path.isfile(os.path.join(root, TAGS)):
        tags, tag_problems = files.record("tags", TAGS)
        problems += tag_problems
    return RawCorpus(records, texts, problems, tags)
