"""Benchmarks what users feel: the preview under `briefing serve`, `briefing generate` and the
MkDocs build, on synthetic corpora.

    make bench                                        # 1,000 and 10,000 entities
    .venv/bin/python bench/run.py --sizes 1000 --keep /tmp/bench

For each size, bench/synth.py writes a corpus shaped like the shipped one into a temporary
folder (with this repository's templates/ and mkdocs.yml), then each phase runs as its own
process of the real commands, timed by wall clock, its peak memory read from its own rusage
(before the first, it waits while creating a file there is slow, as it is for minutes after a
large deletion):

- check: `briefing check`
- generate: `briefing generate` into an empty build/docs, three times, each into an empty folder
  and without build/cache; the median counts (cold_generate_s)
- mkdocs: `mkdocs build --strict`, as generator/site.py runs it; a smaller size's build is
  timed again once the larger sizes are done, and its ms per page is the mean of the two, so
  that the host's speed drifting in between is not read as a superlinear cost
- floor: the same MkDocs, with the same mkdocs.yml, on as many pages holding the same words as
  plain paragraphs (each built page's text); build_vs_floor is the build's ms per page over the
  floor's, both timed in the same run, so that it compares like with like on a noisy machine
- no-op: `briefing generate` again, nothing having changed (noop_s, noop_written)
- edit: one person renamed, then `briefing generate` (the generate's share of the preview)
- preview: `briefing serve` on the corpus; once it serves, a person is renamed three times, each
  time once the last save's pages are all rebuilt, and the seconds from the save to the served
  page showing the new name are timed, asked as a browser showing that page asks; the median
  counts (preview_s). The shipped corpus is timed the same way once (preview_s_shipped).

The last line is a machine-readable summary, for the largest size (build_ms_per_page_1k is at
1,000 entities, when that size was run):

    RESULT n=10000 preview_s=... preview_s_shipped=... noop_s=... noop_written=...
    cold_generate_s=... build_ms_per_page=... build_ms_per_page_1k=... floor_ms_per_page=...
    build_vs_floor=... html_kb_median=... peak_rss_mb=...

peak_rss_mb is the largest peak of check, generate and the MkDocs build, each one process.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import os
import platform
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import synth

from generator.cache import CACHE
from generator.site import mkdocs_environment

REPO = Path(__file__).resolve().parent.parent
BRIEFING = Path(sys.executable).with_name("briefing")
# What a project needs besides content/ and seeds/ (as tests/conftest.py copies them).
COPIED = ("templates", "mkdocs.yml")
WRITTEN = re.compile(r"(\d+) written, (\d+) deleted")
# Cold generates timed, the median kept: on a shared machine one run can be a third slower.
GENERATE_RUNS = 3
# Where each cold generate's output is moved (and removed once every size has been timed).
MOVED_ASIDE = "docs-of-generate-"
# A failing phase is retried after a pause, with fresh templates, before the benchmark gives up:
# a run of many minutes should not be lost to one failure, and the retries are printed.
RETRIES = 3
RETRY_PAUSE_S = 60
MKDOCS, MKDOCS_AGAIN = "mkdocs", "mkdocs, after the larger sizes"
# ext4 without a journal (as on the machine of docs/development.md's figures) keeps a freed inode
# from reuse for one to five minutes, and each file created meanwhile in the same block group
# looks over every such inode first: after a large deletion (a test run's temporary folders, an
# earlier benchmark's corpora) creating a file costs up to ten times as much, which a cold
# generate (6,000 files) and a build pay in full. Before timing, the benchmark times creating
# files where it works, and waits while that is slow.
PROBE_FILES = 1000
SETTLED_US = 40.0
SETTLE_PAUSE_S = 30
SETTLE_LONGEST_S = 330
# Saves timed under `briefing serve`, the median kept; and how long any one step may take.
PREVIEW_ROUNDS = 3
PREVIEW_TIMEOUT_S = 1800
# The token of the page's version in the script `briefing serve` adds to every page.
PREVIEW_TOKEN = re.compile(r'const asked = "([^"]+)"')
SHIPPED_PERSON = "content/people/stephen-biegun.yml"


@dataclass(frozen=True)
class Run:
    """One finished process: wall time, peak resident memory, CPU time, its output and exit
    status."""

    seconds: float
    peak_rss_mb: float
    output: str
    returncode: int
    user_s: float = 0.0
    system_s: float = 0.0


def finished(process: subprocess.Popen[Any], start: float, output: str) -> Run:
    # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the maximum over all
    # children so far, which hides the smaller phases behind the largest one. Linux reports
    # ru_maxrss in KiB.
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        seconds, usage.ru_maxrss / 1024, output, process.returncode, usage.ru_utime, usage.ru_stime
    )


def run(command: list[str | Path], env: dict[str, str] | None = None) -> Run:
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            [str(part) for part in command], stdout=output, stderr=subprocess.STDOUT, env=env
        )
        result = finished(process, start, "")
        output.seek(0)
        return dataclasses.replace(result, output=output.read())


def file_creation_us(folder: Path) -> float:
    """Microseconds to create an empty file in a new subfolder of `folder` (the files are left
    there: deleting them would slow the next files created)."""
    probe = Path(tempfile.mkdtemp(prefix="probe-", dir=folder))
    start = time.perf_counter()
    for number in range(PROBE_FILES):
        os.close(os.open(probe / str(number), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    return (time.perf_counter() - start) / PROBE_FILES * 1e6


def settle(folder: Path) -> tuple[float, float]:
    """The cost of creating a file in `folder` (microseconds) once it is low, and how long it
    took to get there (or the longest wait, after which the timings go ahead regardless)."""
    start = time.perf_counter()
    cost = file_creation_us(folder)
    while cost > SETTLED_US and time.perf_counter() - start < SETTLE_LONGEST_S:
        print(
            f"  creating a file costs {cost:.0f} µs here (settled: under {SETTLED_US:.0f}), as it "
            f"does for minutes after many files are deleted nearby; waiting {SETTLE_PAUSE_S} s",
            flush=True,
        )
        time.sleep(SETTLE_PAUSE_S)
        cost = file_creation_us(folder)
    return cost, time.perf_counter() - start


def copy_project_files(root: Path, names: tuple[str, ...] = COPIED) -> None:
    for name in names:
        source, target = REPO / name, root / name
        if source.is_dir():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)


def phase(
    name: str, root: Path, command: list[str | Path], env: dict[str, str] | None = None
) -> Run:
    """Run a phase, retrying a failure (with a fresh copy of the templates) a few times."""
    for attempt in range(1, RETRIES + 1):
        result = run(command, env)
        if result.returncode == 0:
            return result
        tail = "\n".join(result.output.strip().splitlines()[-8:])
        print(f"  {name} failed (attempt {attempt}/{RETRIES}):\n{tail}", flush=True)
        if attempt < RETRIES:
            time.sleep(RETRY_PAUSE_S)
            copy_project_files(root)
    raise SystemExit(f"error: {name} failed {RETRIES} times at {root}")


def written(result: Run) -> int:
    """Files a generate run wrote, from its report line."""
    match = WRITTEN.search(result.output)
    assert match, f"no report line in: {result.output[-300:]}"
    return int(match[1])


def rename(file: Path, name: str) -> None:
    """Give an entity another `name` (its first line of that name): still valid, still cited."""
    text = file.read_text(encoding="utf-8")
    edited, count = re.subn(r"^name: .+$", f"name: {name}", text, count=1, flags=re.M)
    assert count == 1, f"no `name:` line in {file}"
    file.write_text(edited, encoding="utf-8")


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=PREVIEW_TIMEOUT_S) as response:
        return str(response.read().decode("utf-8"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PREVIEW_TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"error: no {what} after {PREVIEW_TIMEOUT_S} s")
        time.sleep(0.05)


def _interruptible() -> None:
    # A shell starting the benchmark in the background makes it, and its children, ignore Ctrl-C.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class Preview:
    """`briefing serve` timed: the seconds from each save to the served page showing it; its
    first build; the whole process."""

    saves: list[float]
    first_build_s: float
    process: Run

    @property
    def seconds(self) -> float:
        return statistics.median(self.saves)


def preview(root: Path, person: Path) -> Preview:
    """Start `briefing serve` on `root`, then rename `person` a few times, each once the last
    save's pages are all rebuilt, timing each save until the served page shows the new name.
    Between saves the page is asked for as a browser showing it asks: whether it changed (the
    question waits for it), then the page again."""
    port = free_port()
    page = f"http://127.0.0.1:{port}/people/{person.stem}.html"
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(BRIEFING), "serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_interruptible,
        start_new_session=True,
    )
    lines: list[str] = []
    output = process.stdout
    assert output is not None
    reader = threading.Thread(target=lambda: lines.extend(output), daemon=True)
    reader.start()

    def said(words: str) -> int:
        return sum(words in line for line in lines)

    def taken_up() -> bool:
        """The last save generated, and the pages it changed rebuilt after that."""
        said_last = {words: -1 for words in ("generated ", "pages rebuilt")}
        for index, line in enumerate(list(lines)):
            for words in said_last:
                if words in line:
                    said_last[words] = index
        return said_last["pages rebuilt"] > said_last["generated "] >= 0

    saves = []
    try:
        # Its output ends when it does: a corpus that fails the check, say.
        wait_until(lambda: said("Serving on") > 0 or not reader.is_alive(), "preview")
        first_build_s = time.perf_counter() - start
        for number in range(1, PREVIEW_ROUNDS + 1):
            html, name = fetch(page), f"Preview Probe {number}"
            generated = said("generated ")
            saved = time.perf_counter()
            rename(person, name)
            while name not in html:
                token = PREVIEW_TOKEN.search(html)
                assert token, f"no preview script on {page}"
                fetch(page.replace(f"{port}/", f"{port}/.preview/") + "?" + token[1])
                html = fetch(page)
            saves.append(time.perf_counter() - saved)
            # The rest of the save (listing pages) is done before the next save.
            wait_until(lambda: said("generated ") > generated and taken_up(), "rebuilt pages")  # noqa: B023
    except OSError as error:
        print(f"  preview: {error}", flush=True)
    finally:
        if reader.is_alive():
            os.killpg(process.pid, signal.SIGINT)
        result = finished(process, start, "")
        reader.join()
        output.close()
    said_all = "".join(lines)
    if result.returncode != 0 or len(saves) < PREVIEW_ROUNDS:
        raise SystemExit(f"error: briefing serve failed at {root}:\n{said_all[-2000:]}")
    return Preview(saves, first_build_s, dataclasses.replace(result, output=said_all))


def preview_shipped(scratch: Path) -> Preview:
    """The preview of a copy of the shipped corpus."""
    root = scratch / "shipped"
    root.mkdir()
    copy_project_files(root, ("content", "seeds", *COPIED))
    return preview(root, root / SHIPPED_PERSON)


class _Paragraphs(HTMLParser):
    """The words of a built page's article, a paragraph per block (paragraph, list item, table
    row, heading ...), without Markdown's special characters: what the floor's pages hold."""

    BLOCKS = frozenset(("p", "li", "tr", "dt", "dd", "pre", "blockquote", "div", "caption"))
    BLOCKS |= {"figcaption", "h1", "h2", "h3", "h4", "h5", "h6"}

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self._words: list[str] = []
        self._article = 0
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._article += tag == "article"
        self._skip += tag in ("script", "style")
        if tag in self.BLOCKS:
            self._end()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS or tag == "article":
            self._end()
        self._article -= tag == "article"
        self._skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if self._article and not self._skip:
            self._words.append(data)

    def _end(self) -> None:
        text = " ".join(re.sub(r"[\\`*_\[\]<>|#&]", " ", "".join(self._words)).split())
        if text:
            self.paragraphs.append(text)
        self._words = []


def floor_project(root: Path, floor: Path) -> int:
    """A project of as many pages as `root` built, each holding that page's words as plain
    paragraphs, with the same mkdocs.yml, theme and assets; the number of pages."""
    docs, site = root / "build" / "docs", root / "site"
    copy_project_files(floor)
    shutil.copytree(docs / "assets", floor / "build" / "docs" / "assets")
    pages = 0
    for markdown in docs.rglob("*.md"):
        relative = markdown.relative_to(docs)
        parser = _Paragraphs()
        parser.feed((site / relative.with_suffix(".html")).read_text(encoding="utf-8"))
        target = floor / "build" / "docs" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n\n".join(parser.paragraphs) + "\n", encoding="utf-8")
        pages += 1
    return pages


@dataclass
class Measures:
    """Everything measured at one size."""

    n: int
    counts: dict[str, int]
    synth_s: float = 0.0
    runs: dict[str, Run] = field(default_factory=dict)
    generate_runs: list[float] = field(default_factory=list)
    written: dict[str, int] = field(default_factory=dict)
    pages: int = 0
    preview: Preview | None = None
    html_sizes: list[int] = field(default_factory=list)
    largest_page: str = ""
    site_bytes: int = 0
    search_index_bytes: int = 0
    # Other work on the machine skews the timings; the load average says how much there was.
    load_average: float = 0.0
    # Creating a file where the corpus is, before timing (µs), and the wait for it to settle.
    create_us: float = 0.0
    settle_s: float = 0.0

    @property
    def generate_s(self) -> float:
        return self.runs["generate"].seconds

    @property
    def mkdocs_builds(self) -> list[float]:
        """The MkDocs build's times: a smaller size's is timed again after the larger ones."""
        return [self.runs[name].seconds for name in (MKDOCS, MKDOCS_AGAIN) if name in self.runs]

    @property
    def ms_per_page(self) -> float:
        # The mean of a build timed before and after the larger sizes' builds: the host's speed
        # drifts over the minutes between them, which would otherwise read as a superlinear
        # cost (or hide one).
        return 1000 * statistics.mean(self.mkdocs_builds) / self.pages

    @property
    def floor_ms_per_page(self) -> float:
        return 1000 * self.runs["floor"].seconds / self.pages

    @property
    def peak_rss_mb(self) -> float:
        return max(self.runs[name].peak_rss_mb for name in ("check", "generate", MKDOCS))

    @property
    def preview_s(self) -> float:
        assert self.preview is not None
        return self.preview.seconds


def mkdocs_command(root: Path) -> list[str | Path]:
    # As generator/site.py runs MkDocs.
    return [
        sys.executable, "-m", "mkdocs", "build", "--strict",
        "--config-file", root / "mkdocs.yml", "--site-dir", root / "site",
    ]  # fmt: skip


def build_again(measures: Measures, root: Path) -> None:
    """Time a smaller size's MkDocs build again, after the larger sizes' builds."""
    # The env var silences Material's end-of-life notice.
    result = phase(MKDOCS_AGAIN, root, mkdocs_command(root), mkdocs_environment())
    measures.runs[MKDOCS_AGAIN] = result
    print(f"n={measures.n}: {MKDOCS_AGAIN}: {result.seconds:.2f} s", flush=True)


def bench(n: int, root: Path) -> Measures:
    start = time.perf_counter()
    measures = Measures(n, synth.write_corpus(root, n))
    measures.synth_s = time.perf_counter() - start
    copy_project_files(root)
    total = sum(measures.counts.values())
    print(f"n={n}: {total} entities synthesized in {measures.synth_s:.1f} s at {root}", flush=True)
    docs = root / "build" / "docs"
    generate: list[str | Path] = [BRIEFING, "generate", "--root", root]

    def step(name: str, command: list[str | Path], env: dict[str, str] | None = None) -> Run:
        result = phase(name, root, command, env)
        measures.runs[name] = result
        note = ""
        if command[:2] == generate[:2]:
            measures.written[name] = written(result)
            note = f", {measures.written[name]} files written"
        print(f"  {name}: {result.seconds:.2f} s, {result.peak_rss_mb:.0f} MB{note}", flush=True)
        return result

    measures.create_us, measures.settle_s = settle(root)
    step("check", [BRIEFING, "check", "--root", root])
    cold = []
    for number in range(1, GENERATE_RUNS + 1):
        if number > 1:
            # Moved aside, not deleted: the next run would create its files among inodes just
            # freed (see PROBE_FILES). The last run's pages stay, for MkDocs.
            docs.rename(root / f"{MOVED_ASIDE}{number}")
            # Cold means without what the last run left for the next, too.
            shutil.rmtree(root / CACHE, ignore_errors=True)
        cold.append(step("generate", generate))
    measures.generate_runs = [result.seconds for result in cold]
    median = sorted(cold, key=lambda result: result.seconds)[len(cold) // 2]
    measures.runs["generate"] = dataclasses.replace(
        median, peak_rss_mb=max(result.peak_rss_mb for result in cold)
    )
    measures.pages = sum(1 for _ in docs.rglob("*.md"))
    step(MKDOCS, mkdocs_command(root), mkdocs_environment())
    floor = root / "floor"
    floor_pages = floor_project(root, floor)
    assert floor_pages == measures.pages, (floor_pages, measures.pages)
    step("floor", mkdocs_command(floor), mkdocs_environment())
    step("no-op", generate)
    person = root / "content" / "people" / f"person-{measures.counts['people'] // 2:05d}.yml"
    rename(person, "Renamed Before The Preview")
    step("edit", generate)
    measures.preview = preview(root, person)
    saves = ", ".join(f"{seconds:.2f}" for seconds in measures.preview.saves)
    print(f"  preview: {saves} s (first build {measures.preview.first_build_s:.0f} s)", flush=True)

    site = root / "site"
    html = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    measures.html_sizes = [p.stat().st_size for p in html]
    measures.largest_page = html[-1].relative_to(site).as_posix() if html else ""
    measures.site_bytes = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = site / "search" / "search_index.json"
    measures.search_index_bytes = index.stat().st_size if index.is_file() else 0
    measures.load_average = os.getloadavg()[0]
    return measures


def machine() -> str:
    cpu = "unknown CPU"
    memory = "unknown"
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    if cpuinfo.is_file():
        models = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), flags=re.M)
        cpu = models[0].strip() if models else cpu
    if meminfo.is_file():
        found = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), flags=re.M)
        memory = f"{int(found[1]) / 1024 / 1024:.1f} GiB" if found else memory
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (
        f"machine: {usable} CPUs ({cpu}), {memory} RAM; Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average {os.getloadavg()[0]:.1f}"
    )


def kb(size: float) -> str:
    return f"{size / 1024:.1f}"


def mb(size: float) -> str:
    return f"{size / 1024 / 1024:.1f}"


def table(results: list[Measures], shipped: Preview) -> str:
    def preview_of(m: Measures) -> Preview:
        assert m.preview is not None
        return m.preview

    rows: list[tuple[str, Callable[[Measures], str]]] = [
        ("entities", lambda m: str(sum(m.counts.values()))),
        *((f"  {kind}", lambda m, kind=kind: str(m.counts[kind])) for kind in synth.SHIPPED),
        ("Markdown pages generated", lambda m: str(m.pages)),
        ("preview: save to served page (s), median", lambda m: f"{m.preview_s:.2f}"),
        ("  each save (s)", lambda m: ", ".join(f"{s:.2f}" for s in preview_of(m).saves)),
        ("  the same on the shipped corpus (s)", lambda m: f"{shipped.seconds:.2f}"),
        ("  first build of every page (s)", lambda m: f"{preview_of(m).first_build_s:.0f}"),
        ("  peak RSS of briefing serve (MB)", lambda m: f"{preview_of(m).process.peak_rss_mb:.0f}"),
        ("one person renamed: generate (s)", lambda m: f"{m.runs['edit'].seconds:.2f}"),
        ("  files written", lambda m: str(m.written["edit"])),
        ("no-op generate (s)", lambda m: f"{m.runs['no-op'].seconds:.2f}"),
        ("  files written", lambda m: str(m.written["no-op"])),
        ("check (s)", lambda m: f"{m.runs['check'].seconds:.2f}"),
        ("cold generate, check included (s), median", lambda m: f"{m.generate_s:.2f}"),
        (
            "  fastest / slowest of the runs (s)",
            lambda m: f"{min(m.generate_runs):.2f} / {max(m.generate_runs):.2f}",
        ),
        (
            "  its CPU: user / system (s)",
            lambda m: f"{m.runs['generate'].user_s:.2f} / {m.runs['generate'].system_s:.2f}",
        ),
        ("mkdocs build --strict (s)", lambda m: f"{m.runs[MKDOCS].seconds:.2f}"),
        (
            "  builds timed (s): before / after larger",
            lambda m: " / ".join(f"{seconds:.2f}" for seconds in m.mkdocs_builds),
        ),
        ("  ms per page", lambda m: f"{m.ms_per_page:.1f}"),
        ("floor: plain paragraphs, same pages (s)", lambda m: f"{m.runs['floor'].seconds:.2f}"),
        ("  ms per page", lambda m: f"{m.floor_ms_per_page:.1f}"),
        ("build / floor, per page", lambda m: f"{m.ms_per_page / m.floor_ms_per_page:.2f}"),
        ("peak RSS check (MB)", lambda m: f"{m.runs['check'].peak_rss_mb:.0f}"),
        ("peak RSS generate (MB)", lambda m: f"{m.runs['generate'].peak_rss_mb:.0f}"),
        ("peak RSS mkdocs (MB)", lambda m: f"{m.runs[MKDOCS].peak_rss_mb:.0f}"),
        ("HTML pages", lambda m: str(len(m.html_sizes))),
        ("HTML median (KB)", lambda m: kb(statistics.median(m.html_sizes))),
        ("HTML largest (KB)", lambda m: kb(m.html_sizes[-1])),
        ("  largest page", lambda m: m.largest_page),
        ("site total (MB)", lambda m: mb(m.site_bytes)),
        ("search index (MB)", lambda m: mb(m.search_index_bytes)),
        ("creating a file, before timing (µs)", lambda m: f"{m.create_us:.0f}"),
        ("  waited for that to settle (s)", lambda m: f"{m.settle_s:.0f}"),
        ("load average (1 min) at the end", lambda m: f"{m.load_average:.1f}"),
    ]
    header = ["", *(f"n={m.n}" for m in results)]
    lines = [header, *([label, *(cell(m) for m in results)] for label, cell in rows)]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    return "\n".join(
        "  ".join(
            text.ljust(widths[i]) if i == 0 else text.rjust(widths[i])
            for i, text in enumerate(line)
        )
        for line in lines
    )


def result_line(results: list[Measures], shipped: Preview) -> str:
    largest = max(results, key=lambda m: m.n)
    at_1k = next((m for m in results if m.n == 1000), None)
    fields = {
        "n": str(largest.n),
        "preview_s": f"{largest.preview_s:.2f}",
        "preview_s_shipped": f"{shipped.seconds:.2f}",
        "noop_s": f"{largest.runs['no-op'].seconds:.2f}",
        "noop_written": str(largest.written["no-op"]),
        "cold_generate_s": f"{largest.generate_s:.2f}",
        "build_ms_per_page": f"{largest.ms_per_page:.1f}",
        "build_ms_per_page_1k": f"{at_1k.ms_per_page:.1f}" if at_1k else "n/a",
        "floor_ms_per_page": f"{largest.floor_ms_per_page:.1f}",
        "build_vs_floor": f"{largest.ms_per_page / largest.floor_ms_per_page:.2f}",
        "html_kb_median": kb(statistics.median(largest.html_sizes)),
        "peak_rss_mb": f"{largest.peak_rss_mb:.0f}",
    }
    return "RESULT " + " ".join(f"{key}={value}" for key, value in fields.items())


def profile(root: Path) -> None:
    """Where `briefing generate` spends its time on the kept corpus (in this process)."""
    from generator.cli import main as briefing

    shutil.rmtree(root / "build", ignore_errors=True)
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        briefing(["generate", "--root", str(root)], standalone_mode=False)
    finally:
        profiler.disable()
    print(f"\nprofile of `briefing generate` at {root} (top 25 by own time):")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        default="1000,10000",
        help="comma-separated corpus sizes, in entities (default: 1000,10000)",
    )
    parser.add_argument(
        "--keep", type=Path, help="build the corpora in DIR/n<size> and keep them, not in /tmp"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile `briefing generate` at each size"
    )
    arguments = parser.parse_args()
    sizes = [int(size) for size in arguments.sizes.split(",") if size.strip()]
    print(machine(), flush=True)
    results = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as scratch:
        base = arguments.keep or Path(scratch)
        for n in sizes:
            root = base / f"n{n}"
            if root.exists() and any(root.iterdir()):
                raise SystemExit(f"error: {root} is not empty; remove it or choose another --keep")
            root.mkdir(parents=True, exist_ok=True)
            results.append(bench(n, root))
            if arguments.profile:
                profile(root)
        for measures in results:
            if measures.n < max(sizes):
                build_again(measures, base / f"n{measures.n}")
        for n in sizes:
            for moved in (base / f"n{n}").glob(f"{MOVED_ASIDE}*"):
                shutil.rmtree(moved)
        shipped = preview_shipped(Path(scratch))
        print(f"shipped corpus: preview {shipped.seconds:.2f} s", flush=True)
    print()
    print(table(results, shipped))
    print(result_line(results, shipped), flush=True)


if __name__ == "__main__":
    main()
