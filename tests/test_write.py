"""The writer touches only files whose text changed, removes stale ones, and stays in its folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.write import write_tree


def test_writes_only_what_changed_and_deletes_stale(tmp_path: Path) -> None:
    first = write_tree(tmp_path, {"a.md": "A", "sub/b.md": "B", "sub/c.md": "C"})
    assert first.written == ["a.md", "sub/b.md", "sub/c.md"]
    stamp = (tmp_path / "a.md").stat().st_mtime_ns
    second = write_tree(tmp_path, {"a.md": "A", "sub/b.md": "B2"})
    assert second.written == ["sub/b.md"]
    assert second.deleted == ["sub/c.md"]
    assert second.unchanged == 1
    assert (tmp_path / "a.md").stat().st_mtime_ns == stamp
    assert (tmp_path / "sub/b.md").read_text() == "B2"
    third = write_tree(tmp_path, {"a.md": "A"})
    assert third.deleted == ["sub/b.md"]
    assert not (tmp_path / "sub").exists()


@pytest.mark.parametrize("path", ["../escape.md", "/etc/escape.md", "a/../../escape.md"])
def test_refuses_paths_outside_the_folder(tmp_path: Path, path: str) -> None:
    with pytest.raises(ValueError):
        write_tree(tmp_path / "out", {path: "x"})
    assert not (tmp_path / "escape.md").exists()


def test_a_file_may_replace_a_folder_and_back(tmp_path: Path) -> None:
    write_tree(tmp_path, {"x/y.md": "Y", "logo.png": b"\x89PNG"})
    assert (tmp_path / "logo.png").read_bytes() == b"\x89PNG"
    write_tree(tmp_path, {"x": "now a file"})
    assert (tmp_path / "x").read_text() == "now a file"
    write_tree(tmp_path, {"x/z.md": "Z"})
    assert (tmp_path / "x/z.md").read_text() == "Z"
