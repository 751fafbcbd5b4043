"""Maps a function over a list of items on several cores: this process and forked workers (which
inherit all it holds, so only their results are ever copied) take the items a few at a time,
this one from the front of the list and the workers from its end, and the results come back in
the items' order, as a plain loop would give them."""

from __future__ import annotations

import contextlib
import fcntl
import gc
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
# More workers than this gain little (the corpus is copied into each as they touch it) and
# cost memory; a container's CPU quota is not visible in the affinity mask either.
MAX_DEFAULT_JOBS = 4
# How much a worker can send ahead of this process reading it.
PIPE_BYTES = 1 << 20


class WorkerFailed(Exception):
    """A worker's error that could not be raised again here as it was, or where it came from
    (the message then holds the worker's traceback)."""


def default_jobs() -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return max(1, min(available, MAX_DEFAULT_JOBS))


def can_fork() -> bool:
    # Only Linux: macOS has fork, but system libraries there may crash in a forked child.
    return sys.platform.startswith("linux")


def _portable(error: BaseException) -> BaseException:
    """The error if it survives the trip to the parent, else a WorkerFailed naming it."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return WorkerFailed(f"{type(error).__name__}: {error}")
    return error


def _next(taken: Any, singly: int, chunk: int, from_end: bool) -> range:
    """The next items to take from the untaken ones, [taken[0], taken[1]): from the front (this
    process) or from the end (the workers); the first `singly` items one at a time."""
    with taken.get_lock():
        front, back = taken[0], taken[1]
        if front >= back:
            return range(0)
        if not from_end:
            end = min(front + (1 if front < singly else chunk), back)
            taken[0] = end
            return range(front, end)
        start = back - 1 if back <= singly else max(back - chunk, singly, front)
        taken[1] = start
        return range(start, back)


def _stop(taken: Any) -> None:
    with taken.get_lock():
        taken[0] = taken[1]


def _take(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    singly: int,
    chunk: int,
    taken: Any,
    from_end: bool = False,
) -> Iterator[list[tuple[int, Any]]]:
    """Apply the function to items taken until none is left, giving the results of each take
    as it is done; on an error the others stop after their current items."""
    try:
        while indices := _next(taken, singly, chunk, from_end):
            yield [(index, function(items[index])) for index in indices]
    except BaseException:
        _stop(taken)
        raise


def _work(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    singly: int,
    chunk: int,
    taken: Any,
    connection: Connection,
) -> None:
    """In a forked worker: take items until none is left, sending back the results of each
    take at once, so that copying them overlaps the work rather than following it."""
    # Ctrl-C reaches the whole process group: the parent stops the workers, which stay quiet.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for results in _take(function, items, singly, chunk, taken, from_end=True):
            connection.send(("part", results))
        connection.send(("ok", None))
    except Exception as error:
        _stop(taken)  # the others stop after their current items
        connection.send(("failed", (_portable(error), traceback.format_exc())))
    finally:
        connection.close()


def _widen(connection: Connection) -> None:
    """Let a pipe hold a megabyte rather than 64 KB, so a worker rarely waits for this
    process, which reads only between its own takes. (Linux only; a narrow pipe still works.)"""
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(connection.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)


@dataclass
class _Worker:
    """A forked worker, and what it has said so far."""

    process: multiprocessing.process.BaseProcess
    receiving: Connection
    finished: bool = False
    failure: tuple[BaseException, str] | None = None

    def read(self, done: list[tuple[int, Any]], *, wait: bool) -> None:
        """Add to `done` the results sent so far (with `wait`, all of them: until the worker
        says it has finished, or has failed)."""
        while not self.finished and (wait or self.receiving.poll()):
            try:
                status, payload = self.receiving.recv()
            except (EOFError, OSError):  # OSError: the pipe closed partway through a message
                self.process.join()
                exited = WorkerFailed(f"a worker stopped with exit status {self.process.exitcode}")
                status, payload = "failed", (exited, "")
            if status == "part":
                done.extend(payload)
                continue
            self.finished = True
            if status == "failed":
                self.failure = payload


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for a while: building many small objects without cycles (a
    corpus, pages' results) sets it off over and over, to scan them and free nothing. (The
    `briefing` command runs with it off throughout; this is for callers that keep it on.)"""
    if not gc.isenabled():
        yield  # paused already, by a caller that resumes it
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def fork_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int,
    *,
    chunk: int = 8,
    singly: int = 0,
    meanwhile: Callable[[], None] | None = None,
) -> list[Result]:
    """[function(item) for item in items], computed by up to `jobs` processes: this one and
    `jobs - 1` forked workers (this one alone when jobs is 1 or processes cannot be forked).
    This process works too, rather than wait: its results need no copying back, and there is
    one process fewer to fork. It takes items from the front of the list and the workers from
    the end, so that each works mostly on items of its own kind (pages of one folder, which
    share links and names it works out once); `chunk` items at a time (few enough that they
    finish together, enough that taking them costs nothing), but the first `singly` items one
    at a time: put the largest first. `meanwhile`, if given, is other work this process does
    first, while the workers start on the items."""
    if chunk < 1:
        raise ValueError(f"chunk must be at least 1, not {chunk}")
    wanted = min(jobs, len(items))
    if wanted <= 1 or not can_fork():
        if meanwhile is not None:
            meanwhile()
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    taken = context.Array("l", [0, len(items)])
    workers: list[_Worker] = []
    done: list[tuple[int, Any]] = []
    finished = False
    try:
        for _ in range(wanted - 1):
            receiving, sending = context.Pipe(duplex=False)
            _widen(receiving)
            process = context.Process(
                target=_work,
                args=(function, items, singly, chunk, taken, sending),
                daemon=True,
            )
            process.start()
            sending.close()
            workers.append(_Worker(process, receiving))
        try:
            if meanwhile is not None:
                meanwhile()
            for results in _take(function, items, singly, chunk, taken):
                done.extend(results)
                for worker in workers:
                    worker.read(done, wait=False)
                    if worker.failure is not None:
                        _stop(taken)  # no point going on: the failure is raised below
        except Exception:
            # The workers stop after their current items, as when one of them fails, so no
            # page is left half-written; then the error is raised here as it was.
            _stop(taken)
            for worker in workers:
                with contextlib.suppress(Exception):
                    worker.read([], wait=True)
            finished = True
            raise
        for worker in workers:
            worker.read(done, wait=True)
        failures = [worker.failure for worker in workers if worker.failure is not None]
        if failures:
            error, where = failures[0]
            raise error from (WorkerFailed(where) if where else None)
        finished = True
    finally:
        # After Ctrl-C here, or a failure, workers still running are stopped, not waited for.
        for worker in workers:
            worker.receiving.close()
            if not finished and worker.process.is_alive():
                worker.process.terminate()
            worker.process.join()
    done.sort(key=lambda pair: pair[0])
    return [result for _, result in done]
