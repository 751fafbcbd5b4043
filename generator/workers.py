"""Renders and writes the site's pages on several cores. The pages of one stage are independent:
forked workers, each holding the whole checked corpus, take them a chunk at a time, render and
write them, and send back only what the next stage needs (titles and citations), which this
process records in page order, so the output is byte for byte the single-process output."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from generator.model import Corpus
from generator.render import Rendered, Renderer, Task
from generator.write import WriteReport, claim, remove_stale, write_file, write_tree

# Pages a worker takes at a time: small enough that the workers finish together, large enough
# that taking them costs nothing next to rendering them.
CHUNK = 8


class WorkerFailed(Exception):
    """Where a worker's error came from: the message holds the worker's traceback."""


@dataclass(frozen=True)
class Done:
    """What a worker reports of one page: where it is in its stage, and whether it was written."""

    index: int
    page: Rendered
    written: bool


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _work(
    renderer: Renderer, stage: list[Task], folder: Path, taken: Any, connection: Connection
) -> None:
    """In a forked worker: render and write chunks of the stage until none is left."""
    done: list[Done] = []
    try:
        while True:
            with taken.get_lock():
                start = taken.value
                taken.value += CHUNK
            if start >= len(stage):
                break
            for index in range(start, min(start + CHUNK, len(stage))):
                page = renderer.render_task(stage[index])
                written = write_file(folder, page.path, page.text)
                # The text is on disk: only the title and citations travel back.
                done.append(
                    Done(index, Rendered(page.path, "", page.title, page.citations), written)
                )
        connection.send(("ok", done))
    except Exception as error:  # raised again in the parent, with the worker's traceback
        where = traceback.format_exc()
        try:
            pickle.dumps(error)
        except Exception:
            error = WorkerFailed(f"{type(error).__name__}: {error}")
        connection.send(("failed", (error, where)))
    finally:
        connection.close()


def _stage(renderer: Renderer, stage: list[Task], folder: Path, jobs: int) -> list[Done]:
    context = multiprocessing.get_context("fork")
    taken = context.Value("l", 0)
    workers = []
    for _ in range(min(jobs, len(stage))):
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(
            target=_work, args=(renderer, stage, folder, taken, sending), daemon=True
        )
        process.start()
        sending.close()
        workers.append((process, receiving))
    done: list[Done] = []
    failures: list[tuple[Exception, str]] = []
    for process, receiving in workers:
        try:
            status, payload = receiving.recv()
        except EOFError:
            exited = WorkerFailed(f"a worker exited with status {process.exitcode}")
            status, payload = "failed", (exited, "")
        process.join()
        if status == "ok":
            done.extend(payload)
        else:
            failures.append(payload)
    if failures:
        error, where = failures[0]
        raise error from WorkerFailed(where)
    return sorted(done, key=lambda d: d.index)


def generate_pages(root: Path, corpus: Corpus, folder: Path, jobs: int = 1) -> WriteReport:
    """Render every page and make `folder` hold exactly them, using `jobs` processes (this one
    alone when jobs is 1, or where processes cannot be forked)."""
    renderer = Renderer(root, corpus)
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return write_tree(folder, renderer.pages())
    # Compiled once here rather than once per worker.
    renderer.compile_templates()
    wanted: set[str] = set()
    written: list[str] = []
    for stage in renderer.stages():
        # Workers are forked per stage, so they see what the previous stage recorded.
        for done in _stage(renderer, stage, folder, jobs):
            renderer.record(done.page)
            claim(wanted, done.page.path)
            if done.written:
                written.append(done.page.path)
    for name, content in renderer.assets().items():
        claim(wanted, name)
        if write_file(folder, name, content):
            written.append(name)
    return WriteReport(sorted(written), remove_stale(folder, wanted), len(wanted) - len(written))
