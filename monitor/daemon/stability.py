"""When is a file in the inbox complete enough to read?

A file is handed on once its size, mtime and inode have not changed for `stable_ms`, or
at once when the native watcher saw it closed after writing. With the native watcher a
file that was written to but not closed yet is held back (up to a long grace period, in
case the close event was lost), so a file written slowly in chunks by one writer is read
once, whole, however long the pauses between chunks.

Everything here is plain bookkeeping under one lock; the observer thread only calls
`touch`, and the worker thread calls `take`, which does the stat calls and blocks until
something is due. A heap keyed by the time each file next needs a look keeps this cheap
with thousands of files waiting.
"""
from __future__ import annotations

import heapq
import itertools
import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Signature = tuple[int, int, int]  # size, mtime_ns, inode
Touch = Literal["seen", "write", "closed"]


def signature(path: str) -> tuple[Signature, int] | None:
    """(size, mtime_ns, inode) and the mode, without following a symbolic link; None if gone."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino), st.st_mode


@dataclass(slots=True)
class Ready:
    """A file judged complete, with what it looked like then (the worker re-checks before reading)."""

    path: Path
    sig: Signature
    startup: bool = False
    first_seen: float = 0.0  # clock() when the file was first noticed, for the wait it had


@dataclass(slots=True)
class _Entry:
    seq: int
    due: float
    sig: Signature | None = None
    sig_at: float = 0.0
    first_seen: float = 0.0
    writing: bool = False  # native watcher saw a write and no close since
    closed: bool = False  # native watcher saw a close after the last write
    startup: bool = False


@dataclass(slots=True)
class Stability:
    """The set of files waiting to become stable."""

    stable_s: float
    writer_grace_s: float = 30.0
    clock: Callable[[], float] = time.monotonic
    _entries: dict[str, _Entry] = field(default_factory=dict)
    _heap: list[tuple[float, int, str]] = field(default_factory=list)
    _handled: dict[str, Signature] = field(default_factory=dict)
    _seq: itertools.count = field(default_factory=itertools.count)
    _cond: threading.Condition = field(default_factory=threading.Condition)
    _closed: bool = False

    # -- called from the observer thread and the scans -----------------------------------------

    def touch(self, path: str | os.PathLike[str], kind: Touch = "seen", *, startup: bool = False) -> None:
        """Note that a file appeared or changed; it will be looked at right away."""
        key = os.fspath(path)
        with self._cond:
            e = self._entries.get(key)
            now = self.clock()
            if e is None:
                e = self._entries[key] = _Entry(seq=next(self._seq), due=now, sig_at=now, first_seen=now, startup=startup)
            if kind == "write":
                e.writing, e.closed = True, False
            elif kind == "closed":
                e.writing, e.closed = False, True
            e.due = now
            heapq.heappush(self._heap, (now, e.seq, key))
            self._cond.notify_all()

    def forget(self, path: str | os.PathLike[str]) -> None:
        """The file was deleted or moved away: stop waiting for it."""
        key = os.fspath(path)
        with self._cond:
            self._entries.pop(key, None)
            self._handled.pop(key, None)

    def handled(self, path: str | os.PathLike[str], sig: Signature) -> None:
        """Remember a file left in place after processing, so scans do not read it again unchanged."""
        with self._cond:
            self._handled[os.fspath(path)] = sig

    def prune_handled(self) -> None:
        """Drop memory of handled files that are no longer there."""
        with self._cond:
            for key in [k for k in self._handled if not os.path.lexists(k)]:
                del self._handled[key]

    def waiting(self) -> int:
        with self._cond:
            return len(self._entries)

    def close(self) -> None:
        """Wake the worker for good: `take` returns None from now on."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    # -- called from the worker thread ---------------------------------------------------------

    def take(self, timeout: float | None = None) -> list[Ready] | None:
        """Block until at least one file is complete (a batch, oldest first); [] on timeout, None once closed."""
        end = None if timeout is None else self.clock() + timeout
        with self._cond:
            while True:
                if self._closed:
                    return None
                ready = self._sweep()
                if ready:
                    return ready
                now = self.clock()
                wait = (self._heap[0][0] - now) if self._heap else None
                if end is not None:
                    if end - now <= 0:
                        return []
                    wait = end - now if wait is None else min(wait, end - now)
                self._cond.wait(None if wait is None else max(wait, 0.001))

    def _sweep(self) -> list[Ready]:
        now = self.clock()
        ready: list[Ready] = []
        while self._heap and self._heap[0][0] <= now:
            due, seq, key = heapq.heappop(self._heap)
            e = self._entries.get(key)
            if e is None or e.seq != seq or e.due != due:
                continue  # stale heap slot: the entry was touched again or forgotten
            seen = signature(key)
            if seen is None:
                del self._entries[key]
                continue
            sig, mode = seen
            if stat.S_ISDIR(mode):
                del self._entries[key]
                continue
            if sig != e.sig:
                e.sig, e.sig_at = sig, now
                if not e.closed:
                    self._schedule(key, e, now + (self.writer_grace_s if e.writing else self.stable_s))
                    continue
            held_for = now - e.sig_at
            if e.closed or (e.writing and held_for >= self.writer_grace_s) or (not e.writing and held_for >= self.stable_s):
                del self._entries[key]
                if self._handled.get(key) == sig:
                    continue  # left in place after processing and unchanged since
                ready.append(Ready(Path(key), sig, e.startup, e.first_seen))
            else:
                self._schedule(key, e, e.sig_at + (self.writer_grace_s if e.writing else self.stable_s))
        return ready

    def _schedule(self, key: str, e: _Entry, due: float) -> None:
        e.due = due
        heapq.heappush(self._heap, (due, e.seq, key))
