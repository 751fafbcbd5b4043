"""The benchmark's synthetic corpus (bench/synth.py) is content the check accepts, so that
`make bench` times the real work of a real corpus."""

from __future__ import annotations

from pathlib import Path

from conftest import briefing, synthetic_project


def test_a_synthetic_corpus_passes_the_check(tmp_path: Path) -> None:
    root = synthetic_project(tmp_path / "synthetic", 100)
    result = briefing("check", "--root", root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok: "), result.stdout
