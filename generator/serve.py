"""Previews the site while curators edit: `mkdocs serve` on the generated pages, which are generated
again whenever anything under content/, seeds/ or templates/ changes, so the browser reloads."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from generator.load import CONTENT, SEEDS
from generator.render import TEMPLATES
from generator.site import CONFIG, mkdocs_environment

WATCHED = (CONTENT, SEEDS, TEMPLATES)
# Editors save in bursts (a swap file, a rename, the file): act once they have settled.
SETTLE_SECONDS = 0.3
# Events that can change what a file holds; opening or reading one cannot.
_CHANGES = frozenset({"created", "modified", "deleted", "moved", "closed"})
# How long MkDocs gets to shut down after Ctrl-C.
_SHUTDOWN_SECONDS = 5


def _scratch(path: str) -> bool:
    """An editor's swap, backup or lock file (`.x.yml.swp`, `x.yml~`, Vim's `4913`)."""
    name = PurePath(path).name
    return name.startswith((".", "#")) or name.endswith("~") or name == "4913"


class Regenerator(FileSystemEventHandler):
    """Calls `regenerate` once changes to the watched files have settled, one run at a time; a
    failed run is reported and the last good pages stay served."""

    def __init__(
        self,
        regenerate: Callable[[], object],
        settle: float = SETTLE_SECONDS,
        timer: Callable[[float, Callable[[], None]], threading.Timer] = threading.Timer,
    ) -> None:
        self._regenerate = regenerate
        self._settle = settle
        self._make_timer = timer
        self._timer: threading.Timer | None = None
        self._timer_lock = threading.Lock()
        self._run_lock = threading.Lock()
        # The files changed since the last run began; those the last run was for; and every
        # file any run was for (as many as the project has).
        self._changed: set[str] = set()
        self.last_run: set[str] = set()
        self.seen: set[str] = set()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in _CHANGES or event.is_directory:
            return
        paths = [os.fsdecode(event.src_path), os.fsdecode(event.dest_path or "")]
        if all(_scratch(path) for path in paths if path):
            return
        with self._timer_lock:
            self._changed.update(path for path in paths if path and not _scratch(path))
            if self._timer is not None:
                self._timer.cancel()
            self._timer = self._make_timer(self._settle, self._run)
            self._timer.daemon = True
            self._timer.start()

    def _run(self) -> None:
        with self._run_lock:
            with self._timer_lock:
                self.last_run, self._changed = self._changed, set()
                self.seen |= self.last_run
            try:
                self._regenerate()
            except Exception as error:  # the preview must outlive a bad edit
                print(f"{error}; still serving the pages as they were", file=sys.stderr)

    def cancel(self) -> None:
        with self._timer_lock:
            if self._timer is not None:
                self._timer.cancel()


@contextmanager
def watching(
    root: Path, regenerate: Callable[[], object], settle: float = SETTLE_SECONDS
) -> Iterator[Regenerator]:
    """Regenerate on every settled change under the watched folders, while inside the block."""
    handler = Regenerator(regenerate, settle)
    observer = Observer()
    for name in WATCHED:
        if (root / name).is_dir():
            observer.schedule(handler, str(root / name), recursive=True)
    observer.start()
    try:
        yield handler
    finally:
        observer.stop()
        observer.join()
        handler.cancel()


def serve(
    root: Path, regenerate: Callable[[], object], address: str, *, open_browser: bool = False
) -> int:
    """Generate the pages, then serve them with live reload at `address` (HOST:PORT) until
    Ctrl-C; returns MkDocs's exit status (0 after Ctrl-C)."""
    regenerate()
    command = [
        sys.executable, "-m", "mkdocs", "serve", "--config-file", str(root / CONFIG),
        "--dev-addr", address, *(["--open"] if open_browser else []),
    ]  # fmt: skip
    with watching(root, regenerate):
        process = subprocess.Popen(command, env=mkdocs_environment())
        try:
            return process.wait()
        except KeyboardInterrupt:
            # Ctrl-C in a terminal reaches MkDocs too; give it time to shut down cleanly.
            try:
                process.wait(timeout=_SHUTDOWN_SECONDS)
            except subprocess.TimeoutExpired:
                process.terminate()
                process.wait()
            return 0
