"""Reads the project as it was at a git revision: which files changed since, and their old text."""

from __future__ import annotations

import io
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Status = Literal["added", "changed", "deleted"]
_STATUS: dict[str, Status] = {"A": "added", "D": "deleted"}


class HistoryError(Exception):
    """Git could not answer: not a repository, or an unknown revision."""


@dataclass(frozen=True, order=True)
class Change:
    """A file that differs between a revision and the working tree (path relative to the root)."""

    path: str
    status: Status


def _git(root: Path, *args: str) -> str:
    return _git_bytes(root, *args).decode("utf-8", "replace")


def _git_bytes(root: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args], capture_output=True, check=False, text=False
        )
    except FileNotFoundError:
        raise HistoryError("git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def resolve(root: Path, revision: str) -> str:
    """The commit a revision names, or HistoryError saying why there is none."""
    if revision.startswith("-"):
        raise HistoryError(f"`{revision}` is not a revision")
    _git(root, "rev-parse", "--git-dir")  # "not a git repository" says it best
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
    except HistoryError:
        raise HistoryError(f"unknown revision `{revision}` (is it fetched?)") from None


def changes(root: Path, commit: str, folders: tuple[str, ...]) -> list[Change]:
    """Files under `folders` that differ between a commit (from `resolve`) and the working tree,
    untracked files included; a renamed file counts as deleted and added."""
    listed = _git(
        root, "diff", "--name-status", "--no-renames", "--relative", "-z", commit, "--", *folders
    ).split("\0")
    found = {
        Change(path, _STATUS.get(code[:1], "changed"))
        for code, path in zip(listed[0::2], listed[1::2], strict=False)
        if path
    }
    untracked = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *folders)
    found |= {Change(path, "added") for path in untracked.split("\0") if path}
    return sorted(found)


def read_at(root: Path, commit: str, path: str) -> str | None:
    """A file's text at a commit (path relative to the root), or None if it did not exist there.
    Line endings become `\\n`, as when the working tree's files are read."""
    try:
        text = _git(root, "show", f"{commit}:./{path}")
    except HistoryError:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def export_at(root: Path, commit: str, destination: Path) -> None:
    """Write the project's files as they were at a commit into `destination`."""
    archive = _git_bytes(root, "archive", "--format=tar", f"{commit}:./")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(destination, filter=_inside)


def _inside(member: tarfile.TarInfo, destination: str) -> tarfile.TarInfo | None:
    """A plain file or folder as it was; a link that leads out of the project is left out (the
    check refuses links anyway)."""
    try:
        return tarfile.data_filter(member, destination)
    except tarfile.FilterError:
        return None
