"""One daemon per state folder: an flock on state/monitor.lock holding the owner's pid.

The kernel drops an flock when its process dies, even by kill -9, so a stale lock file
never blocks a restart; the pid inside is only for people.
"""
from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path

LOCK_NAME = "monitor.lock"


class AlreadyRunning(Exception):
    """Another process holds the lock; `pid` is what it wrote, if readable."""

    def __init__(self, pid: int | None) -> None:
        super().__init__(f"already running (pid {pid})" if pid else "already running")
        self.pid = pid


def _read_pid(fd: int) -> int | None:
    try:
        raw = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
        return int(raw) if raw.isdigit() else None
    except OSError:
        return None


class DaemonLock:
    """Held for the daemon's whole life; released by `release` or by the process ending."""

    def __init__(self, state: Path) -> None:
        self.path = state / LOCK_NAME
        self.fd: int | None = None

    def acquire(self, attempts: int = 5, pause: float = 0.05) -> None:
        """Take the lock or raise AlreadyRunning.

        A few quick attempts, because `monitor status` takes a shared lock for an instant to
        ask whether a daemon runs, and that must not make a starting daemon give up.
        """
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        for i in range(attempts):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if i == attempts - 1:
                    pid = _read_pid(fd)
                    os.close(fd)
                    raise AlreadyRunning(pid) from None
                time.sleep(pause)
        data = f"{os.getpid()}\n".encode()
        os.pwrite(fd, data, 0)
        os.ftruncate(fd, len(data))
        self.fd = fd

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            os.ftruncate(self.fd, 0)
        except OSError:
            pass
        fcntl.flock(self.fd, fcntl.LOCK_UN)
        os.close(self.fd)
        self.fd = None


def running_pid(state: Path) -> tuple[bool, int | None]:
    """(is a daemon running, its pid) without disturbing it."""
    path = state / LOCK_NAME
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False, None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True, _read_pid(fd)
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False, None
    finally:
        os.close(fd)
