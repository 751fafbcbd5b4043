"""The preview's pages: MkDocs builds every page once, then only the pages whose Markdown changed,
those open in a browser first, then the smallest, and each rebuilt page tells the browsers showing
it to reload."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from generator.site import CONFIG

# What a preview trades away for speed; `briefing serve` says it, and so does docs/curating.md.
TRADE_OFFS = (
    "a save rebuilds only the pages it changed, those open in a browser first, then the smallest: "
    "pages listing the whole corpus (timeline, indexes, sources) come last (a save made while one "
    "is being built waits for it), and each open page reloads when its own is done; "
    "search and the lists on the Tags page stay as they were when the preview started (restart "
    "it to refresh them); MkDocs' warnings are printed, not fatal (`briefing build` is strict); "
    "it keeps in memory every built page and what the last save's run made, about twice as "
    "much as `briefing build` takes"
)
# Material's tags listing: the page holding it lists every page's tags, which only a whole build
# gathers, so a change to it builds everything again.
TAGS_LISTING = "<!-- material/tags"


class _Recorder(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Keeps what a whole build gathers (the files, the navigation, the theme's templates, the
    pages holding a tags listing), for building single pages afterwards."""

    def __init__(self) -> None:
        self.files = Files([])
        self.nav: Navigation | None = None
        self.env: jinja2.Environment | None = None
        self.listings: set[str] = set()

    @event_priority(-100)  # after every other plugin has had its say
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.files = files
        return files

    @event_priority(-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    @event_priority(100)  # before the tags plugin replaces the listing's marker
    def on_page_markdown(self, markdown: str, *, page: Page, **kwargs: Any) -> str:
        if TAGS_LISTING in markdown:
            self.listings.add(page.file.src_uri)
        return markdown

    @event_priority(-100)
    def on_env(
        self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        self.env = env
        return env


def snapshot(docs: Path) -> dict[str, tuple[int, int]]:
    """Each file under `docs` (as MkDocs names it: '/'-separated, relative) with its modification
    time and size: `briefing generate` rewrites only the files whose text changed."""
    found = {}
    for folder, _, names in os.walk(docs):
        for name in names:
            path = Path(folder, name)
            if (stat := _stat(path)) is not None:  # else gone since it was listed
                found[path.relative_to(docs).as_posix()] = stat
    return found


def _stat(path: Path) -> tuple[int, int] | None:
    """A file's modification time and size, as `snapshot` has them; None if it is not there."""
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


class Preview:
    """The built site of `root`'s pages in a scratch folder, kept up to date one page at a time.

    `build_all` builds every page, as `mkdocs build` does. After that, `update` queues the files
    that changed under the docs folder since the last call, and inside `running` a thread of its
    own builds them: the pages open in a browser first (their browsers are waiting in `wait`), then
    the smallest, so that an entity's page is up long before the timeline."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.site: Path | None = None  # the scratch folder served, once built
        self._config: MkDocsConfig | None = None
        self._recorder = _Recorder()
        self._seen: dict[str, tuple[int, int]] = {}
        self._ahead: dict[str, int] = {}  # pages queued ahead of the others' update
        # Shared with the thread that calls `update` and with the server's waiting requests.
        self._changes = threading.Condition()
        self._queued: dict[str, int] = {}  # docs path -> its size (its build order)
        self._everything = False
        self._stopped = False
        self._versions: dict[str, int] = {}  # page URL -> times rebuilt
        self._open: Counter[str] = Counter()  # page URL -> browsers waiting for it to change
        self._generation = 0  # whole builds

    @property
    def config(self) -> MkDocsConfig:
        assert self._config is not None, "build_all() first"
        return self._config

    def build_all(self) -> None:
        """Build every page, as at the start; what changes meanwhile is queued by `update`."""
        self._seen = self._build()

    def _build(self) -> dict[str, tuple[int, int]]:
        """Build every page into a new scratch folder, then serve that one instead; returns the
        docs folder's snapshot as the build found it."""
        site = tempfile.mkdtemp(prefix="briefing-preview-")
        try:
            # Not strict: a warning is printed and the page still shown; the preview goes on.
            config = load_config(str(self.root / CONFIG), site_dir=site, strict=False)
            recorder = _Recorder()
            config.plugins["briefing-preview"] = recorder
            config.plugins.on_startup(command="serve", dirty=False)
            found = snapshot(Path(config.docs_dir))
            build(config)
        except BaseException:
            shutil.rmtree(site, ignore_errors=True)
            raise
        previous = self.site
        with self._changes:
            self._config, self._recorder, self.site = config, recorder, Path(site)
            self._generation += 1
            self._changes.notify_all()
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        return found

    def update(self, *, everything: bool = False, only: Collection[str] | None = None) -> int:
        """Queue the files that changed under the docs folder since the last call (or, with
        `everything`, a whole build, as after a change to mkdocs.yml or the theme); returns how
        many were queued. With `only`, just those files are looked at (a few, not the whole
        folder), ahead of the others: those are built again once these are all looked at if
        a page came or went meanwhile (it may link to one that is new)."""
        docs = Path(self.config.docs_dir)
        if only is None:
            now, before = snapshot(docs), self._seen
            self._seen = now
        else:
            now = {path: stat for path in only if (stat := _stat(docs / path)) is not None}
            before = {path: self._seen[path] for path in only if path in self._seen}
            self._seen |= now
            for path in before.keys() - now.keys():
                del self._seen[path]
        changed = {path: now[path][1] for path in now if before.get(path) != now[path]}
        changed |= {path: -1 for path in before.keys() - now.keys()}  # deleted
        if only is not None:
            self._ahead |= {path: size for path, size in changed.items() if size >= 0}
        else:
            came_or_went = now.keys() ^ before.keys()
            if any(path.endswith(".md") for path in came_or_went):
                again = {path: now[path][1] for path in self._ahead if path in now}
                changed = {**again, **changed}
            self._ahead = {}
        with self._changes:
            self._queued |= changed
            self._everything |= everything
            self._changes.notify_all()
        return len(changed)

    def open_pages(self) -> set[str]:
        """The pages (their paths under the docs folder) that a browser is showing, waiting for
        them to change; but not a page holding a tags listing, which builds every page again,
        and so must wait for all of them to be generated."""
        with self._changes:
            urls = set(self._open)
        found = set()
        for url in urls:
            # Looked up, not listed: the files may be changing meanwhile, in the preview's thread.
            path = url.removesuffix(".html") + ".md"
            file = self._recorder.files.get_file_from_path(path)
            if file is not None and file.url == url and path not in self._recorder.listings:
                found.add(path)
        return found

    def is_configuration(self, path: Path) -> bool:
        """Whether a change to `path` changes every page: mkdocs.yml, its hooks, or the theme's
        templates."""
        theme = self.config.theme.custom_dir
        path = path.resolve()
        hooks = {Path(hook).resolve() for hook in self.config.hooks}
        return (
            path == (self.root / CONFIG).resolve()
            or path in hooks
            or (theme is not None and path.is_relative_to(Path(theme).resolve()))
        )

    def token(self, url: str) -> str:
        """The version of the page at `url` (as MkDocs names it, e.g. `people/index.html`)."""
        with self._changes:
            return f"{self._generation}.{self._versions.get(url, 0)}"

    def wait(self, url: str, token: str, seconds: float) -> str:
        """The page's version once it differs from `token`, or after `seconds`."""
        with self._changes:
            self._open[url] += 1
            try:
                self._changes.wait_for(
                    lambda: self._stopped or self.token(url) != token, timeout=seconds
                )
            finally:
                self._open[url] -= 1
                if not self._open[url]:
                    del self._open[url]
            return self.token(url)

    @contextmanager
    def running(self, shutdown_seconds: float) -> Iterator[None]:
        """Build what `update` queues, in a thread of its own, while inside the block; on the
        way out, a page being built gets `shutdown_seconds` to finish."""
        worker = threading.Thread(target=self._run, name="preview", daemon=True)
        worker.start()
        try:
            yield
        finally:
            with self._changes:
                self._stopped = True
                self._changes.notify_all()
            worker.join(shutdown_seconds)

    def close(self) -> None:
        """Remove the scratch folder."""
        if self.site is not None:
            shutil.rmtree(self.site, ignore_errors=True)

    def _run(self) -> None:
        todo: dict[str, int] = {}
        started = time.perf_counter()
        built = 0
        while True:
            with self._changes:
                if not todo:
                    if built:
                        seconds = time.perf_counter() - started
                        print(f"preview: {built} pages rebuilt in {seconds:.1f} s", flush=True)
                    built = 0
                    self._changes.wait_for(
                        lambda: self._stopped or self._everything or bool(self._queued)
                    )
                    started = time.perf_counter()
                if self._stopped:
                    return
                everything, self._everything = self._everything, False
                arrived, self._queued = self._queued, {}
            if everything:
                todo.clear()
                self._rebuild_everything()
                continue
            todo |= arrived
            # Files come and go before any page is built: a page may link to a new one.
            for path, size in arrived.items():
                self._add_or_remove(path, deleted=size < 0)
                if size < 0:
                    del todo[path]
            pages = [path for path in todo if path.endswith(".md")]
            for path in [path for path in todo if not path.endswith(".md")]:
                del todo[path]
                self._copy(path)
            if not pages:
                continue
            if any(path in self._recorder.listings for path in pages):
                todo.clear()
                self._rebuild_everything()
                continue
            with self._changes:
                first = min(pages, key=lambda path: (not self._is_open(path), todo[path], path))
            del todo[first]
            built += self._build_page(first)

    def _is_open(self, path: str) -> bool:
        file = self._recorder.files.get_file_from_path(path)
        return file is not None and self._open[file.url] > 0

    def _add_or_remove(self, path: str, *, deleted: bool) -> None:
        """Tell MkDocs of a file that is new, or gone (whose page goes too)."""
        files = self._recorder.files
        known = files.get_file_from_path(path)
        if deleted and known is not None:
            files.remove(known)
            Path(known.abs_dest_path).unlink(missing_ok=True)
        if deleted or known is not None:
            return
        config = self.config
        file = File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
        set_exclusions([file], config)
        if file.inclusion.is_in_serve():  # type: ignore[no-untyped-call]
            files.append(file)
            if file.is_documentation_page():
                Page(None, file, config)

    def _copy(self, path: str) -> None:
        file = self._recorder.files.get_file_from_path(path)
        try:
            if file is not None:
                file.copy_file()
        except OSError as error:  # gone again since: the next save's update says so
            print(f"preview: {path} was not copied ({error})", file=sys.stderr)

    def _build_page(self, path: str) -> int:
        """Build one page as MkDocs' whole build does (its own steps for a page, private in
        MkDocs 1.6, the last of its line); 1 if it was built."""
        file = self._recorder.files.get_file_from_path(path)
        if file is None or file.page is None:
            return 0
        recorder, config = self._recorder, self.config
        assert recorder.nav is not None and recorder.env is not None
        pages = recorder.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        try:
            _populate_page(file.page, config, recorder.files)
            _build_page(file.page, config, pages, recorder.nav, recorder.env)
        except Exception as error:  # the preview must outlive a page that fails to build
            print(
                f"preview: {path} was not rebuilt ({error}); still serving it as it was",
                file=sys.stderr,
            )
            return 0
        with self._changes:
            self._versions[file.url] = self._versions.get(file.url, 0) + 1
            self._changes.notify_all()
        return 1

    def _rebuild_everything(self) -> None:
        started = time.perf_counter()
        try:
            self._build()
        except Exception as error:  # a broken mkdocs.yml: keep the pages as they were
            print(
                f"preview: the site was not rebuilt ({error}); still serving it as it was",
                file=sys.stderr,
            )
            return
        seconds = time.perf_counter() - started
        print(f"preview: every page rebuilt in {seconds:.1f} s", flush=True)
