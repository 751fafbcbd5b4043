"""The paths pages are written to: normalized, each written once, never outside the folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.write import write_tree


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
