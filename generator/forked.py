"""Maps a function over a list of items on several cores: forked workers (which inherit all this
process holds, so nothing but items' results is ever copied) take the items a chunk at a time,
and the results come back in the items' order, as a plain loop would give them."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


class WorkerFailed(Exception):
    """Where a worker's error came from: the message holds the worker's traceback."""


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _work(
    function: Callable[[Any], Any],
    items: Sequence[Any],
    chunk: int,
    taken: Any,
    connection: Connection,
) -> None:
    """In a forked worker: apply the function to chunks of the items until none is left."""
    done: list[tuple[int, Any]] = []
    try:
        while True:
            with taken.get_lock():
                start = taken.value
                taken.value += chunk
            if start >= len(items):
                break
            for index in range(start, min(start + chunk, len(items))):
                done.append((index, function(items[index])))
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


def fork_map(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int, chunk: int = 8
) -> list[Result]:
    """[function(item) for item in items], computed by up to `jobs` forked processes (in this
    one when jobs is 1 or processes cannot be forked). `chunk` items are taken at a time: small
    enough that the workers finish together, large enough that taking them costs nothing."""
    workers_wanted = min(jobs, (len(items) + chunk - 1) // chunk)
    if workers_wanted <= 1 or not can_fork():
        return [function(item) for item in items]
    context = multiprocessing.get_context("fork")
    taken = context.Value("l", 0)
    workers = []
    for _ in range(workers_wanted):
        receiving, sending = context.Pipe(duplex=False)
        process = context.Process(
            target=_work, args=(function, items, chunk, taken, sending), daemon=True
        )
        process.start()
        sending.close()
        workers.append((process, receiving))
    done: list[tuple[int, Any]] = []
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
    done.sort(key=lambda pair: pair[0])
    return [result for _, result in done]
