"""Previews the site while curators edit: the pages are generated again whenever anything under
content/, seeds/ or templates/ changes, MkDocs rebuilds only the pages that changed
(generator/preview.py), and each browser showing one of them reloads it."""

from __future__ import annotations

import gc
import logging
import os
import sys
import threading
import time
import urllib.parse
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePath
from socket import AF_INET6
from typing import Any

from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from generator.markup import script_json
from generator.preview import TRADE_OFFS, Preview
from generator.site import CONFIG
from generator.snapshot import CONTENT, SEEDS, TEMPLATES

WATCHED = (CONTENT, SEEDS, TEMPLATES)
# Editors save in bursts (a swap file, a rename, the file): act once they have settled.
SETTLE_SECONDS = 0.3
# Events that can change what a file holds; opening or reading one cannot. Only these are asked
# of the system: every file a run reads would otherwise be an event or two for the watcher's
# thread to handle while the run goes on.
_CHANGES = (FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent)
# Where a page's script asks whether its page changed; the question waits this long for a change.
RELOAD = "/.preview/"
_ASK_SECONDS = 30
# After Ctrl-C, how long a page being built may take to finish before the preview quits anyway.
_SHUTDOWN_SECONDS = 2
# Put at the end of every page served: ask whether this page changed, and if so reload it.
_SCRIPT = """<script>
(async () => {
  const asked = TOKEN;
  for (;;) {
    try {
      const response = await fetch(RELOADURL + "?" + asked, {cache: "no-store"});
      if ((await response.text()) !== asked) { location.reload(); return; }
    } catch (error) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
})();
</script>"""


def _scratch(path: str) -> bool:
    """An editor's swap, backup or lock file (`.x.yml.swp`, `x.yml~`, Vim's `4913`)."""
    name = PurePath(path).name
    return name.startswith((".", "#")) or name.endswith("~") or name == "4913"


class Regenerator(FileSystemEventHandler):
    """Calls `regenerate` with the changed files once changes to the watched files have settled,
    one run at a time; a failed run is reported and the last good pages stay served."""

    def __init__(
        self,
        regenerate: Callable[[set[str]], object],
        settle: float = SETTLE_SECONDS,
        timer: Callable[[float, Callable[[], None]], threading.Timer] = threading.Timer,
        *,
        root: Path | None = None,
    ) -> None:
        self._regenerate = regenerate
        self._settle = settle
        self._make_timer = timer
        # Of the files directly in the project's folder, only mkdocs.yml is watched.
        self._root = str(root) if root is not None else None
        self._timer: threading.Timer | None = None
        self._timer_lock = threading.Lock()
        self._run_lock = threading.Lock()
        # The files changed since the last run began; those the last run was for; and every
        # file any run was for (as many as the project has).
        self._changed: set[str] = set()
        self.last_run: set[str] = set()
        self.seen: set[str] = set()

    def _ignored(self, path: str) -> bool:
        if _scratch(path):
            return True
        return os.path.dirname(path) == self._root and os.path.basename(path) != CONFIG

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not isinstance(event, _CHANGES):
            return
        paths = [os.fsdecode(event.src_path), os.fsdecode(event.dest_path or "")]
        wanted = [path for path in paths if path and not self._ignored(path)]
        if not wanted:
            return
        with self._timer_lock:
            self._changed.update(wanted)
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
                self._regenerate(self.last_run)
            except Exception as error:  # the preview must outlive a bad edit
                print(f"{error}; still serving the pages as they were", file=sys.stderr)
                # Still to be taken up, with the save that mends it (a change to mkdocs.yml
                # made with the bad edit still rebuilds every page).
                with self._timer_lock:
                    self._changed |= self.last_run

    @contextmanager
    def first_run(self) -> Iterator[None]:
        """Inside the block, the first build: changes settle meanwhile, and are regenerated
        once it is over."""
        with self._run_lock:
            yield

    def cancel(self) -> None:
        with self._timer_lock:
            if self._timer is not None:
                self._timer.cancel()


@contextmanager
def watching(
    root: Path, regenerate: Callable[[set[str]], object], settle: float = SETTLE_SECONDS
) -> Iterator[Regenerator]:
    """Regenerate on every settled change under the watched folders, or to mkdocs.yml, while
    inside the block."""
    handler = Regenerator(regenerate, settle, root=root)
    observer = Observer()
    for name in WATCHED:
        if (root / name).is_dir():
            observer.schedule(handler, str(root / name), recursive=True, event_filter=[*_CHANGES])
    observer.schedule(handler, str(root), recursive=False, event_filter=[*_CHANGES])
    observer.start()
    try:
        yield handler
    finally:
        observer.stop()
        observer.join()
        handler.cancel()


class _Server(ThreadingHTTPServer):
    """Serves the preview's pages, each with a script that reloads it once it is rebuilt."""

    daemon_threads = True  # a browser's waiting question does not keep the preview from quitting

    def __init__(self, address: str, preview: Preview) -> None:
        host, _, port = address.rpartition(":")
        host = host.strip("[]")
        if ":" in host:
            self.address_family = AF_INET6
        self.preview = preview
        super().__init__((host, int(port)), _Handler)


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, request: Any, client_address: Any, server: _Server) -> None:
        self.preview = server.preview
        directory = str(server.preview.site)
        super().__init__(request, client_address, server, directory=directory)

    def do_GET(self) -> None:
        split = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(split.path)
        if path.startswith(RELOAD):
            asked = self.preview.wait(path.removeprefix(RELOAD), split.query, _ASK_SECONDS)
            self._send(200, "text/plain", asked.encode())
            return
        url = path.lstrip("/") + ("index.html" if path.endswith("/") else "")
        if not url.endswith(".html"):
            super().do_GET()
            return
        # The version before the page: a page rebuilt in between reloads once more, never
        # once too few.
        token = self.preview.token(url)
        try:
            html = Path(self.translate_path("/" + url)).read_bytes()
        except OSError:
            self._not_found()
            return
        # The URL is the request's: JSON, escaped for a script, so that it stays a string.
        script = _SCRIPT.replace("TOKEN", script_json(token))
        script = script.replace("RELOADURL", script_json(RELOAD + urllib.parse.quote(url)))
        end = html.rfind(b"</body>")
        end = len(html) if end < 0 else end
        self._send(200, "text/html; charset=utf-8", html[:end] + script.encode() + html[end:])

    def _not_found(self) -> None:
        try:
            page = Path(self.translate_path("/404.html")).read_bytes()
        except OSError:
            self.send_error(404)
            return
        self._send(404, "text/html; charset=utf-8", page)

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request would bury the problems a save prints


def _settle_heap() -> None:
    """Collect the garbage, then set the rest aside from the collector until the next save: the
    preview keeps a large heap (MkDocs' pages, what the generator's last run left), and a full
    collection over it costs half a second of a save's at 10,000 entities, wherever it falls.
    Done between saves instead; unfrozen first, so that what has become garbage since (a whole
    build's pages, after a change to mkdocs.yml) is collected too."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


class ServeError(Exception):
    """The preview could not start; the message says why."""


def _show_mkdocs_warnings() -> None:
    """MkDocs' warnings and errors in the terminal, as `mkdocs` prints them."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(handler)


# Generates the pages: those at the paths given (relative to the docs folder) first, then calls
# the function given, then the others.
Regenerate = Callable[[set[str], Callable[[], object]], object]


def serve(root: Path, regenerate: Regenerate, address: str, *, open_browser: bool = False) -> None:
    """Generate the pages, build them all, then serve them with live reload at `address`
    (HOST:PORT) until Ctrl-C, rebuilding only what each save changes."""
    preview = Preview(root)
    if not address.rpartition(":")[2].isdigit():
        raise ServeError(f"error: --dev-addr {address}: not HOST:PORT (hint: 127.0.0.1:8000)")
    try:
        server = _Server(address, preview)  # before the long build: a port in use says so now
    except OSError as error:
        hint = "is another preview running? choose another address with --dev-addr HOST:PORT"
        message = f"error: cannot serve on {address}: {error.strerror} (hint: {hint})"
        raise ServeError(message) from None
    _show_mkdocs_warnings()

    def update(changed: set[str]) -> None:
        everything = any(preview.is_configuration(Path(path)) for path in changed)
        # The pages open in a browser are generated first, and built while the rest are.
        first = set() if everything else preview.open_pages()
        regenerate(first, lambda: preview.update(only=first))
        preview.update(everything=everything)
        _settle_heap()

    try:
        # Watching from the start: a save made during the first build is taken up after it.
        with watching(root, update) as handler:
            with handler.first_run():
                regenerate(set(), lambda: None)
                print("building every page once; then a save rebuilds what it changed", flush=True)
                started = time.perf_counter()
                preview.build_all()
                print(f"built every page in {time.perf_counter() - started:.1f} s")
                _settle_heap()
            print(f"Serving on http://{address}/ (Ctrl-C stops)")
            print(f"The preview trades away some things for speed: {TRADE_OFFS}.", flush=True)
            with preview.running(_SHUTDOWN_SECONDS):
                if open_browser:
                    webbrowser.open(f"http://{address}/")
                server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        preview.close()
