"""Runs MkDocs on the generated pages, so that `site/` is replaced only by a complete build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

CONFIG = "mkdocs.yml"
SITE = "site"
# MkDocs' whole output of the last build: a failure's traceback goes here, not to the terminal.
LOG = Path("build") / "mkdocs.log"


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    # What a curator should read: MkDocs' warnings and errors, or the last line it printed.
    output: str


def mkdocs_environment() -> dict[str, str]:
    """The environment MkDocs runs in: its notice about MkDocs 2.0 (not for us) silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def restore_site(root: Path) -> None:
    """Finish a swap that a killed build left half done: the site it had moved aside comes back.
    Run before anything else writes, under the project's lock."""
    site, previous = root / SITE, root / f"{SITE}.previous"
    if previous.is_dir() and not site.exists():
        previous.rename(site)


def _worth_reading(lines: list[str], ok: bool) -> str:
    """MkDocs' warnings and errors; for a failure without any (a crash), its last line."""
    said = [line for line in lines if line.startswith(("WARNING", "ERROR"))]
    if not ok and not said:
        said = [line for line in lines if line.strip()][-1:]
    return "\n".join(said)


def build_site(root: Path) -> BuildResult:
    """`mkdocs build --strict` into a scratch folder, swapped in for `site/` only on success."""
    site = root / SITE
    partial = root / f"{SITE}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    command = [
        sys.executable, "-m", "mkdocs", "build", "--strict",
        "--config-file", str(root / CONFIG), "--site-dir", str(partial),
    ]  # fmt: skip
    log = root / LOG
    log.parent.mkdir(parents=True, exist_ok=True)
    # Not `--quiet`: it hides warnings from the counter that makes strict mode fail.
    with open(log, "w", encoding="utf-8") as output:
        done = subprocess.run(
            command, stdout=output, stderr=subprocess.STDOUT, check=False,
            env=mkdocs_environment(),
        )  # fmt: skip
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    said = _worth_reading(lines, done.returncode == 0)
    if done.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        return BuildResult(False, said)
    # Two renames: a run killed between them leaves only site.previous, which restore_site
    # puts back at the start of the next run.
    previous = root / f"{SITE}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    partial.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    return BuildResult(True, said)
