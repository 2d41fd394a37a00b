"""The one worker thread: the daemon's only writer to the event log.

It takes complete files from the stability tracker, hands each to `Monitor.ingest_path`
and only then moves the file. Because the file stays in the inbox until its transaction
has committed, a crash at any point leaves it to be found again at the next start, where
the log recognises the bytes and the file is simply filed away.
"""
from __future__ import annotations

import hashlib
import logging
import os
import stat
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..app import IngestResult, Monitor
from .dispositions import Dispositions
from .stability import Ready, Stability, signature
from .status import DaemonStatus, now_iso


class Worker:
    """Processes files one at a time on its own thread until told to stop."""

    def __init__(self, monitor: Monitor, stability: Stability, dispositions: Dispositions, status: DaemonStatus,
                 logger: logging.Logger, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.monitor = monitor
        self.stability = stability
        self.dispositions = dispositions
        self.status = status
        self.log = logger
        self.clock = clock
        self.current: Path | None = None
        self._batch_left = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="monitor-worker", daemon=True)

    # -- life cycle ----------------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Take no new file; the one being processed is finished."""
        self._stop.set()
        self.stability.close()

    def join(self, timeout: float | None = None) -> bool:
        """True when the thread has ended."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def waiting(self) -> int:
        return self.stability.waiting() + self._batch_left

    def _run(self) -> None:
        while not self._stop.is_set():
            batch = self.stability.take()
            if batch is None:
                break
            for i, item in enumerate(batch):
                if self._stop.is_set():
                    break  # the rest stays in the inbox for the next start
                self._batch_left = len(batch) - i - 1
                try:
                    self.process(item)
                except Exception as e:  # never let one file end the worker
                    self.log.exception("%s: unexpected error: %s", item.path.name, e,
                                       extra={"fields": {"event": "error", "file": str(item.path)}})
                    self.status.update(last_error={"file": item.path.name, "status": "failed",
                                                   "reason": f"unexpected error: {e}", "at": now_iso()})
            self._batch_left = 0

    # -- one file ------------------------------------------------------------------------------

    def process(self, item: Ready) -> IngestResult | None:
        """Ingest one complete file and put it where it belongs; None when there was nothing to do."""
        path = item.path
        seen = signature(str(path))
        if seen is None:
            self.stability.forget(path)
            return None
        sig, mode = seen
        if sig != item.sig:  # written to again since it was judged complete: wait once more
            self.stability.touch(path)
            return None
        t0 = self.clock()
        self.current = path
        try:
            if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
                result = IngestResult(path.name, "rejected", "this is not a regular file (a pipe, socket or device), "
                                      "so it cannot be read as an article")
            else:
                result = self._ingest(path)
            moved_to = self._dispose(path, sig, result)
        finally:
            self.current = None
        self._report(item, result, moved_to, (self.clock() - t0) * 1e3)
        return result

    def _ingest(self, path: Path) -> IngestResult:
        try:
            return self.monitor.ingest_path(path)
        except Exception as e:
            self.log.error("%s: could not be processed: %s", path.name, e, exc_info=True,
                           extra={"fields": {"event": "error", "file": path.name}})
            committed = self._committed_anyway(path)
            if committed is not None:
                return committed
            return IngestResult(path.name, "failed", f"could not be processed ({type(e).__name__}: {e})")

    def _committed_anyway(self, path: Path) -> IngestResult | None:
        """After an error: had the file's transaction committed (e.g. a listener failed afterwards)?

        Then it is recorded and must be filed as such, not sent to failed/.
        """
        if path.is_symlink():
            return None
        try:
            h = hashlib.sha256()
            with open(path, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
            known = self.monitor.known_sha(h.hexdigest())
        except Exception:
            return None
        if known is None or known["status"] == "rejected":
            return None
        return IngestResult(path.name, known["status"], "recorded, but a step after the commit failed", h.hexdigest())

    def _prior_rejection(self, sha: str | None) -> str | None:
        """For a duplicate: the reason the same bytes were rejected before, if they were."""
        if not sha:
            return None
        row = self.monitor.store.conn.execute(
            "SELECT article, reason FROM articles WHERE sha256 = ? AND status = 'rejected'", (sha,)).fetchone()
        return f"{row[1]} (same bytes as {row[0]}, rejected before)" if row else None

    def _dispose(self, path: Path, sig: Any, result: IngestResult) -> Path | None:
        """Move the file per its outcome; a failure to move is logged and remembered, never retried in a loop."""
        try:
            if result.status == "recorded":
                where = self.dispositions.succeeded(path)
            elif result.status == "duplicate":
                earlier = self._prior_rejection(result.sha256)
                if earlier:
                    result.reason = earlier
                    where = self.dispositions.rejected(path, earlier)
                else:
                    where = self.dispositions.succeeded(path)
            else:
                if not os.path.lexists(path):
                    return None
                where = self.dispositions.rejected(path, result.reason or "it could not be processed")
        except OSError as e:
            self.log.error("%s: could not be moved after processing: %s", path.name, e,
                           extra={"fields": {"event": "error", "file": path.name}})
            self.status.update(last_error={"file": path.name, "status": "failed",
                                           "reason": f"could not be moved: {e}", "at": now_iso()})
            self.stability.handled(path, sig)
            return path
        if where == path:
            self.stability.handled(path, sig)
        return where

    def _report(self, item: Ready, r: IngestResult, moved_to: Path | None, ms: float) -> None:
        """One log line per file and the status file."""
        inbox = self.dispositions.inbox
        dest = None
        if moved_to is not None and moved_to != item.path:
            try:
                dest = str(moved_to.relative_to(inbox))
            except ValueError:
                dest = str(moved_to)
        fields = {"event": "file", "file": r.article, "status": r.status, "reason": r.reason,
                  "figures": r.figures, "dated_events": r.events, "alerts": len(r.alerts), "moved_to": dest,
                  "waited_ms": round((self.clock() - item.first_seen) * 1e3 - ms, 1), "ms": round(ms, 1),
                  "startup": item.startup}
        msg = r.line() + (f" -> {dest}" if dest else "")
        # A file found at start-up already in the log is the tail of an interrupted run: not news.
        quiet = item.startup and r.status == "duplicate"
        level = logging.DEBUG if quiet else logging.WARNING if r.status in ("rejected", "failed") else logging.INFO
        self.log.log(level, msg, extra={"fields": fields})
        self.status.file_done(r.article, r.status, alerts=len(r.alerts), reason=r.reason, waiting=self.waiting())
