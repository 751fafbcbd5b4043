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


@dataclass(frozen=True)
class BuildResult:
    ok: bool
    output: str


def mkdocs_environment() -> dict[str, str]:
    """The environment MkDocs runs in: its notice about MkDocs 2.0 (not for us) silenced."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(root: Path) -> BuildResult:
    """`mkdocs build --strict` into a scratch folder, swapped in for `site/` only on success."""
    site = root / SITE
    partial = root / f"{SITE}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    command = [
        sys.executable, "-m", "mkdocs", "build", "--strict",
        "--config-file", str(root / CONFIG), "--site-dir", str(partial),
    ]  # fmt: skip
    # Material's notice about its end of life is printed on every build; the README says it once.
    done = subprocess.run(
        command, capture_output=True, text=True, check=False, env=mkdocs_environment()
    )
    # Not `--quiet`: it hides warnings from the counter that makes strict mode fail.
    lines = (done.stdout + done.stderr).splitlines()
    output = "\n".join(line for line in lines if not line.startswith("INFO")).strip()
    if done.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        return BuildResult(False, output)
    previous = root / f"{SITE}.previous"
    shutil.rmtree(previous, ignore_errors=True)
    if site.exists():
        site.rename(previous)
    partial.rename(site)
    shutil.rmtree(previous, ignore_errors=True)
    return BuildResult(True, output)
