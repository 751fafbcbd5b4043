"""fork_map gives what a loop gives, in order, sharing the work between this process and forked
workers; a worker's failure comes back as an error naming it, and an error here stops them;
Ctrl-C stops a parallel generate without a traceback from every worker."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import BRIEFING, interruptible, synthetic_project, wait_for

from generator.forked import WorkerFailed, can_fork, fork_map

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked on Linux only")


def square(number: int) -> int:
    return number * number


@pytest.mark.parametrize("jobs", [1, 2, 3])
@pytest.mark.parametrize("count", [0, 1, 7, 100])
def test_results_come_back_in_order(jobs: int, count: int) -> None:
    items = list(range(count))
    assert fork_map(square, items, jobs, chunk=3, singly=2) == [n * n for n in items]


@pytest.mark.parametrize("jobs", [1, 2])
def test_other_work_meanwhile_runs_here_once(jobs: int) -> None:
    ran: list[int] = []
    squares = fork_map(square, range(30), jobs, chunk=2, meanwhile=lambda: ran.append(os.getpid()))
    assert ran == [os.getpid()]
    assert squares == [n * n for n in range(30)]


def test_the_work_is_shared_with_a_forked_worker() -> None:
    pids = set(fork_map(lambda _: (time.sleep(0.01), os.getpid())[1], range(40), 2, chunk=1))
    assert os.getpid() in pids
    assert len(pids) == 2


def test_this_process_takes_from_the_front_and_the_workers_from_the_end() -> None:
    # So each renders mostly pages of its own kinds, and fills its caches for those alone.
    pids = fork_map(lambda _: (time.sleep(0.01), os.getpid())[1], range(40), 3, chunk=2)
    here = os.getpid()
    assert pids[:2] == [here, here]
    assert here not in pids[-4:]
    assert pids == sorted(pids, key=lambda pid: pid != here)  # one run of this process's items


@pytest.mark.parametrize("jobs", [2, 3])
@pytest.mark.parametrize("singly", [0, 5, 40])
def test_every_item_is_taken_once_from_either_end(jobs: int, singly: int) -> None:
    taken = fork_map(lambda n: (time.sleep(0.001), n)[1], range(40), jobs, chunk=3, singly=singly)
    assert taken == list(range(40))


def in_a_worker(action: Callable[[int], int]) -> Callable[[int], int]:
    """A function that does `action` only in a forked worker; in this process each item takes
    long enough (a second for twenty) that a worker surely takes some."""
    here = os.getpid()

    def run(number: int) -> int:
        if os.getpid() == here:
            time.sleep(0.05)
            return number
        return action(number)

    return run


class Unbuildable(Exception):
    """Pickles, but cannot be rebuilt from its pickle (its __init__ wants two arguments)."""

    def __init__(self, first: str, second: str) -> None:
        super().__init__(f"{first} {second}")


def test_a_worker_error_is_raised_here_with_the_worker_traceback() -> None:
    def fail(number: int) -> int:
        raise KeyError("five")

    with pytest.raises(KeyError, match="five") as raised:
        fork_map(in_a_worker(fail), range(20), 2, chunk=1)
    cause = raised.value.__cause__
    assert isinstance(cause, WorkerFailed)
    assert "in fail" in str(cause)


def test_an_error_here_lets_the_workers_finish_their_current_items(tmp_path: Path) -> None:
    here = os.getpid()

    def fail_here(number: int) -> int:
        if os.getpid() == here:
            time.sleep(0.2)  # a worker has started an item by then
            raise KeyError("here")
        (tmp_path / f"{number}.started").touch()
        time.sleep(0.5)
        (tmp_path / f"{number}.done").touch()
        return number

    started = time.monotonic()
    with pytest.raises(KeyError, match="here") as raised:
        fork_map(fail_here, range(40), 2, chunk=1)
    assert raised.value.__cause__ is None
    begun = {file.stem for file in tmp_path.glob("*.started")}
    assert begun  # the worker was working when the error came
    assert begun == {file.stem for file in tmp_path.glob("*.done")}  # and finished that item
    assert len(begun) < 10 and time.monotonic() - started < 10  # then stopped


def test_an_error_that_cannot_travel_is_named() -> None:
    def fail(number: int) -> int:
        raise Unbuildable("no", "way")

    with pytest.raises(WorkerFailed, match="Unbuildable: no way"):
        fork_map(in_a_worker(fail), range(20), 2, chunk=1)


def test_a_worker_that_exits_is_reported_with_its_status() -> None:
    def leave(number: int) -> int:
        os._exit(3)

    with pytest.raises(WorkerFailed, match="exit status 3"):
        fork_map(in_a_worker(leave), range(20), 2, chunk=1)


def test_ctrl_c_stops_a_parallel_generate_quietly(tmp_path: Path) -> None:
    root = synthetic_project(tmp_path / "corpus", 3000)
    process = subprocess.Popen(
        [str(BRIEFING), "generate", "--root", str(root), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=interruptible,
        start_new_session=True,  # a process group of its own, as a terminal's Ctrl-C reaches
    )
    docs = root / "build/docs"
    # Wait until workers are writing pages, then interrupt the whole group.
    wait_for(lambda: (docs / "people").is_dir(), 60)
    assert process.poll() is None, process.communicate()[0]
    os.killpg(process.pid, signal.SIGINT)
    output = process.communicate(timeout=30)[0]
    assert process.returncode != 0
    assert "Traceback" not in output
    assert _group(process.pid) == []  # no worker left behind


def _group(group: int) -> list[int]:
    """The processes still in a process group."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        # After the command's name: state, ppid, pgrp.
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_a_chunk_of_no_items_is_refused() -> None:
    with pytest.raises(ValueError, match="chunk"):
        fork_map(square, range(20), 3, chunk=0)
