"""The cache of `briefing generate`, under build/cache: what the last run parsed, found and
rendered, so that the next redoes only what changed, and what it left in build/docs, so that a run
with nothing to do can say so at once. Each entry is keyed by what it was worked out from, and the
whole by the generator's version: a cache of another version is not used, and one that cannot be
read, or whose contents no longer match the digest written with them, is discarded with a
one-line note."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from generator.snapshot import Stat, hash_bytes, hash_lines, stat_of
from generator.write import write_file

if TYPE_CHECKING:
    from generator.trace import Key, PageRecord

CACHE = Path("build") / "cache"
# What the last run parsed, found and rendered: read only by a run with something to do.
STATE = "generate.pickle"
# What the last complete run read and left in build/docs: all that a run with nothing to do reads.
LAST_RUN = "last-run.json"
_MAGIC = b"briefing generate cache\n"

K = TypeVar("K")
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Values an earlier run worked out, each by a key that holds all it depends on. Keeps those
    this run asks for, found or worked out again, for the next (what is no longer asked for
    goes)."""

    def __init__(self, earlier: dict[K, V] | None = None) -> None:
        self.earlier: dict[K, V] = earlier if earlier is not None else {}
        self.now: dict[K, V] = {}

    def get(self, key: K, work: Callable[[], V]) -> V:
        value = self.earlier[key] if key in self.earlier else work()
        self.now[key] = value
        return value


@dataclass
class State:
    """What a run leaves for the next: content files as parsed (by kind, path and the hash of
    the file), quotes as found (by the hash of the article and the quote), the pages as
    rendered with the templates of hash `templates` (what each read, with the hash of what
    each key read then in `values`, and its file as written), and the templates as compiled."""

    parsed: dict[Any, Any] = field(default_factory=dict)
    found: dict[Any, Any] = field(default_factory=dict)
    templates: str = ""
    pages: dict[str, PageRecord] = field(default_factory=dict)
    values: dict[Key, str] = field(default_factory=dict)
    compiled: dict[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class LastRun:
    """A complete run: the digest of its snapshot, of build/docs as it left it, and how many
    files it generated."""

    inputs: str
    outputs: str
    files: int


def read_state(root: Path, version: str, note: Callable[[str], object]) -> State:
    """The state the last run left, if a generator of this version left it and it can be read;
    else an empty one."""
    path = root / CACHE / STATE
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return State()
    except OSError as error:
        note(f"note: {path.relative_to(root)}: {error.strerror}; working everything out again")
        return State()
    if not data.startswith(_MAGIC):
        return _discarded(root, path, "not a cache", note)
    header = _MAGIC + version.encode() + b"\n"
    if not data.startswith(header):
        return State()  # another version's: of no use, but nothing wrong
    # A payload that is not what was written (a disk error, an edit by hand) would put its
    # damage into every page built from it: its digest must match before it is unpickled.
    digest, _, payload = data[len(header) :].partition(b"\n")
    if digest.decode("ascii", "replace") != hash_bytes(payload):
        return _discarded(root, path, "damaged", note)
    try:
        state = pickle.loads(payload)
    except Exception as error:  # a truncated or damaged file can fail in any way
        return _discarded(root, path, type(error).__name__, note)
    if not isinstance(state, State):
        return _discarded(root, path, "not a cache", note)
    return state


def _discarded(root: Path, path: Path, why: str, note: Callable[[str], object]) -> State:
    note(f"note: {path.relative_to(root)} could not be read ({why}); working everything out again")
    return State()


def write_state(root: Path, version: str, state: State) -> None:
    payload = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    header = _MAGIC + version.encode() + b"\n" + hash_bytes(payload).encode() + b"\n"
    write_file(root / CACHE, STATE, header + payload)


def read_last_run(root: Path, version: str) -> LastRun | None:
    """The last complete run, if a generator of this version made it (else None: a damaged
    record only means the run cannot be skipped)."""
    try:
        found = json.loads((root / CACHE / LAST_RUN).read_text(encoding="utf-8"))
        if found["version"] != version:
            return None
        return LastRun(str(found["inputs"]), str(found["outputs"]), int(found["files"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_last_run(root: Path, version: str, last: LastRun | None) -> None:
    """Record the last complete run; None forgets it (its files may no longer be there)."""
    if last is None:
        (root / CACHE / LAST_RUN).unlink(missing_ok=True)
        return
    record = {"version": version, **last.__dict__}
    write_file(root / CACHE, LAST_RUN, json.dumps(record, indent=1) + "\n")


def on_disk(folder: Path) -> dict[str, Stat]:
    """Every file under `folder` (relative path) as it is now."""
    found: dict[str, Stat] = {}
    for directory, _, files in os.walk(folder):
        inside = os.path.relpath(directory, folder).replace(os.sep, "/")
        for name in files:
            relative = name if inside == "." else f"{inside}/{name}"
            found[relative] = stat_of(os.lstat(os.path.join(directory, name)))
    return found


def digest_of_files(files: dict[str, Stat]) -> str:
    return hash_lines([f"{path} {files[path]}" for path in sorted(files)])
