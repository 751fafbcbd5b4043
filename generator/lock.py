"""One run at a time per project: commands that write build/ or site/ hold the project's lock."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

# Under build/, which is git-ignored and which these commands write anyway.
LOCK = Path("build") / "lock"


@contextmanager
def project_lock(root: Path, say: Callable[[str], object]) -> Iterator[None]:
    """Hold the project's lock for the duration; if another run holds it, say so and wait.

    The operating system lets go of the lock when its process ends, however it ends, so a
    killed run never leaves the project locked."""
    path = root / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip()
            which = f" (process {holder})" if holder.isdigit() else ""
            say(f"waiting for another briefing run in this project{which} to finish")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        yield
