"""Benchmarks `briefing check`, `briefing generate` and the MkDocs build on synthetic corpora.

    make bench                                        # 1,000 and 10,000 entities
    .venv/bin/python bench/run.py --sizes 100 --keep /tmp/bench

For each size, bench/synth.py writes a corpus shaped like the shipped one into a temporary
folder (with this repository's templates/ and mkdocs.yml), then each phase runs as its own
process of the real commands, timed by wall clock, its peak memory read from its own rusage
(before the first, it waits while creating a file there is slow, as it is for minutes after a
large deletion):

- check: `briefing check`
- generate: `briefing generate` into an empty build/docs (it checks first, as `briefing build`
  does, so this is the check + generate time of a build); run three times, each into an empty
  folder, and the median time taken (the spread is printed too, and the memory is the largest
  of the three).
- mkdocs: `mkdocs build --strict`, as generator/site.py runs it; a smaller size's build is
  timed again once the larger sizes are done, and its ms per page is the mean of the two, so
  that the host's speed drifting in between is not read as a superlinear cost
- no-op: `briefing generate` again, nothing having changed
- edits: one person's name changed (shown on other pages too), then one commitment's name

The last line is a machine-readable summary, for the largest size (build_ms_per_page_1k is at
1,000 entities, when that size was run):

    RESULT n=10000 check_generate_s=... generator_share=... build_ms_per_page=...
    build_ms_per_page_1k=... html_kb_median=... peak_rss_mb=... noop_written=... edit_written=...
    search_index_mb=...

generator_share is the generate time over generate + mkdocs; peak_rss_mb is the largest peak of
any one process; edit_written counts the files the person edit rewrote.
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
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import synth

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


@dataclass(frozen=True)
class Run:
    """One finished process: wall time, peak resident memory (of the largest single process,
    and of it and its workers together), its output and exit status."""

    seconds: float
    peak_rss_mb: float
    peak_total_mb: float
    output: str
    returncode: int
    # CPU time of the process and the workers it waited for.
    user_s: float = 0.0
    system_s: float = 0.0


def _group_pss_kb(group: int) -> int:
    """The proportional set size of every process in a process group: memory the processes
    share (a forked worker's untouched pages) is counted once."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[2]) != group:
                continue
            rollup = (stat.parent / "smaps_rollup").read_text()
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile, or not readable
        found = re.search(r"^Pss:\s+(\d+) kB", rollup, flags=re.M)
        total += int(found[1]) if found else 0
    return total


class PeakMemory:
    """Samples a process group's total memory every tenth of a second while it runs."""

    def __init__(self, group: int) -> None:
        self.peak_kb = 0
        self._group = group
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        while not self._stop.wait(0.1):
            self.peak_kb = max(self.peak_kb, _group_pss_kb(self._group))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def run(command: list[str | Path], env: dict[str, str] | None = None) -> Run:
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            [str(part) for part in command],
            stdout=output,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,  # a process group of its own, workers included
        )
        memory = PeakMemory(process.pid)
        # wait4 gives this child's own rusage; RUSAGE_CHILDREN would be the maximum over all
        # children so far, which hides the smaller phases behind the largest one.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        total_mb = memory.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    # Linux reports ru_maxrss in KiB; it is the largest of the process and its waited-for
    # children, each on its own.
    rss_mb = usage.ru_maxrss / 1024
    return Run(
        seconds,
        rss_mb,
        max(total_mb, rss_mb),
        text,
        process.returncode,
        user_s=usage.ru_utime,
        system_s=usage.ru_stime,
    )


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


def copy_project_files(root: Path) -> None:
    for name in COPIED:
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


def rename(file: Path) -> None:
    """Change an entity's `name` (its first line of that name): still valid, still cited."""
    text = file.read_text(encoding="utf-8")
    edited, count = re.subn(r"^name: (.+)$", r"name: \1 (renamed)", text, count=1, flags=re.M)
    assert count == 1, f"no `name:` line in {file}"
    file.write_text(edited, encoding="utf-8")


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
    def mkdocs_s(self) -> float:
        return self.runs[MKDOCS].seconds

    @property
    def share(self) -> float:
        return self.generate_s / (self.generate_s + self.mkdocs_s)

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
    def peak_rss_mb(self) -> float:
        return max(r.peak_rss_mb for r in self.runs.values())


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
        memory = f"{result.peak_rss_mb:.0f} MB ({result.peak_total_mb:.0f} MB all processes)"
        print(f"  {name}: {result.seconds:.2f} s, {memory}{note}", flush=True)
        return result

    measures.create_us, measures.settle_s = settle(root)
    step("check", [BRIEFING, "check", "--root", root])
    cold = []
    for number in range(1, GENERATE_RUNS + 1):
        if number > 1:
            # Moved aside, not deleted: the next run would create its files among inodes just
            # freed (see PROBE_FILES). The last run's pages stay, for MkDocs.
            docs.rename(root / f"{MOVED_ASIDE}{number}")
        cold.append(step("generate", generate))
    measures.generate_runs = [result.seconds for result in cold]
    median = sorted(cold, key=lambda result: result.seconds)[len(cold) // 2]
    measures.runs["generate"] = dataclasses.replace(
        median,
        peak_rss_mb=max(result.peak_rss_mb for result in cold),
        peak_total_mb=max(result.peak_total_mb for result in cold),
    )
    step(MKDOCS, mkdocs_command(root), mkdocs_environment())
    step("no-op", generate)
    rename(root / "content" / "people" / f"person-{measures.counts['people'] // 2:05d}.yml")
    step("edit person", generate)
    rename(
        root
        / "content"
        / "commitments"
        / f"commitment-{measures.counts['commitments'] // 2:05d}.yml"
    )
    step("edit commitment", generate)

    measures.pages = sum(1 for _ in docs.rglob("*.md"))
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


def table(results: list[Measures]) -> str:
    rows: list[tuple[str, Callable[[Measures], str]]] = [
        ("entities", lambda m: str(sum(m.counts.values()))),
        *((f"  {kind}", lambda m, kind=kind: str(m.counts[kind])) for kind in synth.SHIPPED),
        ("Markdown pages generated", lambda m: str(m.pages)),
        ("check (s)", lambda m: f"{m.runs['check'].seconds:.2f}"),
        ("generate, incl. check (s), median", lambda m: f"{m.generate_s:.2f}"),
        (
            "  fastest / slowest of the runs (s)",
            lambda m: f"{min(m.generate_runs):.2f} / {max(m.generate_runs):.2f}",
        ),
        (
            "  its CPU, all processes: user / system (s)",
            lambda m: f"{m.runs['generate'].user_s:.2f} / {m.runs['generate'].system_s:.2f}",
        ),
        (
            "  of which render + write (s)",
            lambda m: f"{m.generate_s - m.runs['check'].seconds:.2f}",
        ),
        ("mkdocs build --strict (s)", lambda m: f"{m.mkdocs_s:.2f}"),
        ("total: generate + mkdocs (s)", lambda m: f"{m.generate_s + m.mkdocs_s:.2f}"),
        ("generator share of total", lambda m: f"{m.share:.3f}"),
        ("mkdocs ms per page", lambda m: f"{m.ms_per_page:.1f}"),
        (
            "  builds timed (s): before / after larger",
            lambda m: " / ".join(f"{seconds:.2f}" for seconds in m.mkdocs_builds),
        ),
        ("peak RSS check (MB)", lambda m: f"{m.runs['check'].peak_rss_mb:.0f}"),
        ("peak RSS generate (MB)", lambda m: f"{m.runs['generate'].peak_rss_mb:.0f}"),
        ("peak RSS mkdocs (MB)", lambda m: f"{m.runs['mkdocs'].peak_rss_mb:.0f}"),
        (
            "generate, all processes together (MB)",
            lambda m: f"{m.runs['generate'].peak_total_mb:.0f}",
        ),
        ("HTML pages", lambda m: str(len(m.html_sizes))),
        ("HTML median (KB)", lambda m: kb(statistics.median(m.html_sizes))),
        ("HTML largest (KB)", lambda m: kb(m.html_sizes[-1])),
        ("  largest page", lambda m: m.largest_page),
        ("site total (MB)", lambda m: mb(m.site_bytes)),
        ("search index (MB)", lambda m: mb(m.search_index_bytes)),
        ("no-op regenerate: written", lambda m: str(m.written["no-op"])),
        ("no-op regenerate (s)", lambda m: f"{m.runs['no-op'].seconds:.2f}"),
        ("edit a person's name: written", lambda m: str(m.written["edit person"])),
        ("edit a person's name (s)", lambda m: f"{m.runs['edit person'].seconds:.2f}"),
        ("edit a commitment's name: written", lambda m: str(m.written["edit commitment"])),
        ("edit a commitment's name (s)", lambda m: f"{m.runs['edit commitment'].seconds:.2f}"),
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


def result_line(results: list[Measures]) -> str:
    largest = max(results, key=lambda m: m.n)
    at_1k = next((m for m in results if m.n == 1000), None)
    fields = {
        "n": str(largest.n),
        "check_generate_s": f"{largest.generate_s:.2f}",
        "generator_share": f"{largest.share:.3f}",
        "build_ms_per_page": f"{largest.ms_per_page:.1f}",
        "build_ms_per_page_1k": f"{at_1k.ms_per_page:.1f}" if at_1k else "n/a",
        "html_kb_median": kb(statistics.median(largest.html_sizes)),
        "peak_rss_mb": f"{largest.peak_rss_mb:.0f}",
        "noop_written": str(largest.written["no-op"]),
        "edit_written": str(largest.written["edit person"]),
        "search_index_mb": mb(largest.search_index_bytes),
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
    print()
    print(table(results))
    print(result_line(results), flush=True)


if __name__ == "__main__":
    main()
