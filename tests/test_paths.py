"""The quick helpers give exactly what posixpath, pathlib and open() would, which they replace on
the hot paths: relative links, the paths pages are written to, ids from file names, and the text
of content files."""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath

import pytest

from generator.citations import relative_path
from generator.load import _read_text, parse_record
from generator.write import write_tree

TARGETS = [
    "index.md", "people/kim.md", "people/sub/kim.md", "peoplex/kim.md", "people", "peo",
    "a/b/c.md", "x.md#anchor", "people/", "./x.md", "people/../x.md", "a//b.md", "..", "../x",
    ".",
]  # fmt: skip
FOLDERS = ["", "people", "peo", "peoplex", "a", "a/b", "sources", ".", ".."]


@pytest.mark.parametrize("folder", FOLDERS)
def test_relative_path_is_relpath(folder: str) -> None:
    for target in TARGETS:
        expected = posixpath.relpath(posixpath.join("/", target), posixpath.join("/", folder))
        assert relative_path(target, folder) == expected, (target, folder)


def test_written_paths_are_normalized_as_pathlib_would(tmp_path: Path) -> None:
    report = write_tree(tmp_path, {"./a.md": "A", "sub//b.md": "B", "sub/./c.md": "C"})
    assert report.written == ["a.md", "sub/b.md", "sub/c.md"]
    assert (tmp_path / "sub" / "b.md").read_text() == "B"


@pytest.mark.parametrize("same", [("a.md", "./a.md"), ("sub/b.md", "sub//b.md")])
def test_one_file_under_two_spellings_is_refused(tmp_path: Path, same: tuple[str, str]) -> None:
    with pytest.raises(ValueError, match="generated twice"):
        write_tree(tmp_path, dict.fromkeys(same, "x"))


@pytest.mark.parametrize("name", ["", ".", "./", "//x.md"])
def test_empty_or_absolute_paths_are_refused(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="outside the output folder"):
        write_tree(tmp_path, {name: "x"})


@pytest.mark.parametrize("name", ["kim.yml", "a.b.yml", "x.", ".yml", "plain"])
def test_record_id_is_the_path_stem(name: str) -> None:
    path = f"content/people/{name}"
    record, _ = parse_record("people", path, "name: Kim\n")
    assert record.id == PurePosixPath(path).stem


@pytest.mark.parametrize(
    "data",
    [b"a: 1\r\nb: 2\r\n", b"a\rb\r\nc\n\r", "\u00e9 \u2019 ok\n".encode(), b"", b"\r\r\n\n"],
)
def test_content_text_is_what_open_reads(tmp_path: Path, data: bytes) -> None:
    file = tmp_path / "x.yml"
    file.write_bytes(data)
    with open(file, encoding="utf-8") as handle:
        assert _read_text(str(file)) == handle.read()


def test_content_that_is_not_utf8_fails_as_open_does(tmp_path: Path) -> None:
    file = tmp_path / "x.yml"
    file.write_bytes(b"name: caf\xe9\n")
    with pytest.raises(UnicodeDecodeError) as quick:
        _read_text(str(file))
    with pytest.raises(UnicodeDecodeError) as plain:
        file.read_text(encoding="utf-8")
    assert quick.value.reason == plain.value.reason
