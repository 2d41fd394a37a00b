"""`monitor run`: wire the lock, the watcher, the scans, the worker and the signals together.

Three ways a file is noticed, all feeding the same stability tracker: the watchdog observer
(fast), a scan at start-up (files dropped while the daemon was down, or left by a crash),
and a periodic rescan (events the kernel dropped on overflow, or a watcher that died).
SIGTERM/SIGINT stop the intake, let the worker finish the file in hand, and return 0.
"""
from __future__ import annotations

import logging
import os
import signal
import threading
import time
from datetime import timezone
from types import FrameType
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from watchdog.observers.api import BaseObserver

from ..config import Config
from ..log.store import secure_dir
from .dispositions import Dispositions
from .lock import DaemonLock
from .paths import FAILED, PROCESSED, InboxFilter
from .stability import Stability
from .status import STATUS_NAME, DaemonStatus, now_iso
from .watcher import InboxHandler, make_observer
from .worker import Worker

STOP_BUDGET_S = 4.5  # SIGTERM to exit must stay under 5 s
WRITER_GRACE_S = 30.0  # how long a file written to but never seen closed is held back


class Daemon:
    """One run of the daemon; `run` blocks until a stop signal and returns the exit code."""

    def __init__(self, config: Config, logger: logging.Logger) -> None:
        self.config = config
        self.log = logger
        self.settings = config.daemon
        self.inbox = config.inbox
        self.filter = InboxFilter(self.inbox, recursive=self.settings.recursive)
        self.stability = Stability(self.settings.stable_ms / 1000.0, writer_grace_s=WRITER_GRACE_S)
        self.lock = DaemonLock(config.state)
        self.watch_mode: str = self.settings.watch
        self.observer: BaseObserver | None = None
        self.scheduler: BackgroundScheduler | None = None
        self.worker: Worker | None = None
        self.status: DaemonStatus | None = None
        self.stop_requested = threading.Event()
        self.unfinished = False  # the worker was still busy when the stop budget ran out

    # -- signals -------------------------------------------------------------------------------

    def _on_signal(self, signum: int, frame: FrameType | None) -> None:
        if self.stop_requested.is_set():
            return
        self.log.info("received %s: stopping after the current file", signal.Signals(signum).name,
                      extra={"fields": {"event": "stopping", "signal": signal.Signals(signum).name}})
        self.stop_requested.set()

    def install_signals(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)

    # -- start ---------------------------------------------------------------------------------

    def _start_observer(self) -> None:
        handler = InboxHandler(self.filter, self.stability, self.log, native=self.watch_mode == "native")
        stable_s = self.settings.stable_ms / 1000.0
        observer = make_observer(self.watch_mode, stable_s)
        observer.schedule(handler, str(self.inbox), recursive=self.settings.recursive)
        try:
            observer.start()
        except OSError as e:
            if self.watch_mode != "native":
                raise
            # e.g. the inotify watch limit: polling is slower but still sees everything.
            self.log.warning("native watching unavailable (%s); polling the inbox instead", e,
                             extra={"fields": {"event": "watch_fallback", "error": str(e)}})
            self.watch_mode = "polling"
            observer = make_observer("polling", stable_s)
            observer.schedule(handler, str(self.inbox), recursive=self.settings.recursive)
            handler.native = False
            observer.start()
        self.observer = observer

    def scan(self, *, startup: bool = False) -> int:
        """Note every candidate file in the inbox; the tracker merges what it already knows."""
        n = 0
        for path in self.filter.scan():
            self.stability.touch(path, startup=startup)
            n += 1
        return n

    def rescan(self) -> None:
        """The periodic safety net; also brings back a watcher thread that died."""
        try:
            if self.observer is not None and not self.observer.is_alive() and not self.stop_requested.is_set():
                self.log.warning("the file watcher had stopped; restarting it",
                                 extra={"fields": {"event": "watch_restart"}})
                self._start_observer()
            self.scan()
            self.stability.prune_handled()
            if self.status is not None and self.worker is not None:
                self.status.update(waiting=self.worker.waiting())
        except Exception as e:
            self.log.error("rescan failed: %s", e, exc_info=True, extra={"fields": {"event": "error"}})

    def run(self) -> int:
        """Start everything, wait for a signal, stop everything; 0 on a clean stop."""
        from ..app import Monitor

        self.install_signals()
        secure_dir(self.config.state)
        self.lock.acquire()  # raises AlreadyRunning
        try:
            return self._run_locked(Monitor)
        finally:
            self.lock.release()

    def _run_locked(self, monitor_cls: Any) -> int:
        cfg = self.settings
        for folder in (self.inbox, self.inbox / PROCESSED, self.inbox / FAILED):
            folder.mkdir(parents=True, exist_ok=True)
        monitor = monitor_cls(self.config)
        monitor.listeners.append(self._log_alert)
        notifier = self._attach_notifier(monitor)
        self.status = DaemonStatus(self.config.state / STATUS_NAME, os.getpid(), cfg.watch, str(self.inbox))
        self.worker = Worker(monitor, self.stability, Dispositions(self.inbox, cfg.on_success), self.status, self.log)
        try:
            monitor.warm_up()  # before "running": the first file dropped in should not pay for it
            self._start_observer()
            self.status.update(watch=self.watch_mode)
            found = self.scan(startup=True)  # after the observer starts, so nothing falls in between
            self.worker.start()
            self.scheduler = BackgroundScheduler(timezone=timezone.utc)
            self.scheduler.add_job(self.rescan, "interval", seconds=cfg.rescan_seconds, id="rescan",
                                   coalesce=True, max_instances=1, misfire_grace_time=max(1, int(cfg.rescan_seconds)))
            self._add_digest_job(self.scheduler)
            self.scheduler.start()
            self.status.update(state="running", waiting=found)
            self.log.info("watching %s (%s%s, stable after %d ms, rescan every %gs); %d file%s waiting",
                          self.inbox, self.watch_mode, ", recursive" if cfg.recursive else "", cfg.stable_ms,
                          cfg.rescan_seconds, found, "" if found == 1 else "s",
                          extra={"fields": {"event": "started", "inbox": str(self.inbox), "watch": self.watch_mode,
                                            "pid": os.getpid(), "waiting": found}})
            while not self.stop_requested.wait(1.0):
                pass
        finally:
            self._shutdown(monitor, notifier)
        return 0

    def _attach_notifier(self, monitor: Any) -> Any:
        """Immediate notifications ([notify] urls), sent from their own thread after each commit."""
        try:
            from ..notify import attach_notifier

            return attach_notifier(monitor, self.config)
        except Exception as e:  # files matter more than notifications: keep going, say so
            self.log.error("immediate notifications are off: %s", e, exc_info=True,
                           extra={"fields": {"event": "error"}})
            return None

    def _add_digest_job(self, scheduler: BackgroundScheduler) -> None:
        """The digest email on its [digest] schedule, if one is set."""
        try:
            from ..notify import add_digest_job

            job = add_digest_job(scheduler, self.config)
            if job is not None:
                self.log.info("digest scheduled (%s, %s)", self.config.digest.schedule, self.config.digest.timezone,
                              extra={"fields": {"event": "digest_scheduled", "schedule": self.config.digest.schedule}})
        except Exception as e:
            self.log.error("the digest is not scheduled: %s", e, exc_info=True, extra={"fields": {"event": "error"}})

    # -- stop ----------------------------------------------------------------------------------

    def _shutdown(self, monitor: Any, notifier: Any = None) -> None:
        t0 = time.monotonic()
        if self.status is not None:
            self.status.update(state="stopping")
        if self.worker is not None:
            self.worker.stop()
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        if self.observer is not None:
            self.observer.stop()
        finished = self.worker.join(max(0.1, STOP_BUDGET_S - (time.monotonic() - t0))) if self.worker else True
        if self.observer is not None:
            self.observer.join(max(0.1, min(1.0, STOP_BUDGET_S - (time.monotonic() - t0))))
        if notifier is not None:  # queued alerts get what is left of the budget to go out
            notifier.close(timeout=max(0.2, STOP_BUDGET_S - (time.monotonic() - t0)))
        if finished:
            monitor.close()
        else:
            self.unfinished = True
            current = self.worker.current if self.worker else None
            self.log.warning("stopping while %s was still being processed; it stays in the inbox for the next start",
                             current.name if current else "a file", extra={"fields": {"event": "unfinished"}})
        if self.status is not None:
            self.status.update(state="stopped", stopped=now_iso(),
                               waiting=self.worker.waiting() if self.worker else 0)
        self.log.info("stopped", extra={"fields": {"event": "stopped"}})

    def _log_alert(self, alert: dict[str, Any]) -> None:
        """Listener: an alert, as soon as it is committed."""
        try:
            old, new = alert.get("old") or {}, alert.get("new") or {}
            self.log.info("ALERT %s %s: %s (%s) -> %s (%s)", alert.get("kind"), alert.get("label"),
                          old.get("text"), old.get("article"), new.get("text"), new.get("article"),
                          extra={"fields": {"event": "alert", "alert_id": alert.get("alert_id"),
                                            "kind": alert.get("kind"), "label": alert.get("label"),
                                            "old": {k: old.get(k) for k in ("article", "text", "value", "unit")},
                                            "new": {k: new.get(k) for k in ("article", "text", "value", "unit")}}})
        except Exception:  # a log line must never undo a committed file
            pass
