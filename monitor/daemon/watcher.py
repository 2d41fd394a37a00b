"""The watchdog side: turn file-system events into notes for the stability tracker.

The handler runs on watchdog's observer thread, and an exception there would end that
thread silently, so it does nothing but bookkeeping and swallows (and logs) every error.
Under the polling observer there are no open/close events, so every event is only "seen".
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from .paths import InboxFilter
from .stability import Stability


class InboxHandler(FileSystemEventHandler):
    """Only enqueues paths; never reads a file, never raises."""

    def __init__(self, inbox_filter: InboxFilter, stability: Stability, logger: logging.Logger, *,
                 native: bool) -> None:
        super().__init__()
        self.filter = inbox_filter
        self.stability = stability
        self.log = logger
        self.native = native

    def dispatch(self, event: FileSystemEvent) -> None:
        try:
            self._handle(event)
        except Exception as e:  # an escaping exception would kill the observer thread
            self.log.error("watcher: could not handle %s: %s", event, e, exc_info=True,
                           extra={"fields": {"event": "error"}})

    def _handle(self, event: FileSystemEvent) -> None:
        kind = event.event_type
        if kind in ("opened", "closed_no_write"):
            return  # reads, including our own
        src = os.fsdecode(event.src_path)
        dest = os.fsdecode(event.dest_path) if event.dest_path else ""
        if event.is_directory:
            # A folder moved or created in: its files may predate our watch on it.
            folder = dest or src
            if kind in ("created", "moved") and self.filter.wanted_dir(folder):
                for path in self.filter.scan(Path(folder)):
                    self.stability.touch(path)
            return
        if kind == "deleted":
            self.stability.forget(src)
        elif kind == "moved":
            self.stability.forget(src)
            if self.filter.wanted(dest):
                self.stability.touch(dest)
        elif self.filter.wanted(src):
            if self.native and kind == "modified":
                self.stability.touch(src, "write")
            elif self.native and kind == "closed":
                self.stability.touch(src, "closed")
            else:
                self.stability.touch(src)


def make_observer(mode: str, stable_s: float) -> BaseObserver:
    """The native observer (inotify on Linux) or the polling one for network file systems."""
    if mode == "polling":
        return PollingObserver(timeout=max(0.1, min(1.0, stable_s)))
    return Observer()
