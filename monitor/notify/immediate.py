"""Immediate notifications: each alert, as it is raised, to every `[notify] urls` through Apprise.

Ingestion must never wait for a chat server: the listener only puts the alert on a queue, and
one background thread sends. Each URL is tried once with Apprise's own short socket timeouts
(4 s connect, 4 s read by default; `?cto=`/`?rto=` on a URL changes them). A failure is
logged and recorded as NotificationFailed through the thread's own connection to the log;
the digest still carries the alert, so nothing is lost. The URL recorded is Apprise's
privacy form (passwords and tokens masked), since the log is kept forever.
"""
from __future__ import annotations

import hashlib
import logging
import queue
import threading
from collections.abc import Callable, Sequence
from typing import Any

import apprise

from ..config import Config
from ..log.events import NotificationFailed
from ..log.store import DuplicateEventError, EventStore, NewEvent
from . import render

log = logging.getLogger("monitor.notify.immediate")

_STOP = object()
Record = Callable[[NotificationFailed], None]


def title(alert: dict[str, Any], prefix: str) -> str:
    return render.header_text(f"{prefix} {render.kind_name(alert['kind'])}: "
                              f"{render.one_line(alert.get('label') or alert.get('measure'))}")


def safe_url(url: str) -> str:
    """The URL as Apprise prints it with privacy on, without its query: fit for the log."""
    a = apprise.Apprise()
    if not a.add(url):
        return url.split("://", 1)[0] + "://(not a valid notification URL)"
    return str(a[0].url(privacy=True)).split("?", 1)[0]


def send_one(url: str, title_text: str, body: str) -> str | None:
    """Send to one URL; None when delivered, else one line saying why not."""
    a = apprise.Apprise()
    if not a.add(url):
        return "not a valid notification URL (see the Apprise URL formats)"
    with apprise.LogCapture(level=logging.WARNING) as logs:
        try:
            ok = a.notify(body=body, title=title_text)
        except Exception as ex:  # noqa: BLE001 (a plugin bug must not kill the sender thread)
            return f"{type(ex).__name__}: {ex}"
        captured = logs.getvalue() if hasattr(logs, "getvalue") else ""
    if ok:
        return None
    lines = [" ".join(ln.split(" - ", 2)[-1].split()) for ln in captured.splitlines() if ln.strip()]
    return "; ".join(lines[-2:]) or "the service did not accept the notification"


class Notifier:
    """A listener for Monitor.listeners: queues each alert; a daemon thread sends and records failures."""

    def __init__(self, urls: Sequence[str], *, prefix: str = "[monitor]", record: Record | None = None) -> None:
        self.urls = list(urls)
        self.prefix = prefix
        self.record = record
        self.sent = 0
        self.failed = 0
        self._q: queue.Queue[Any] = queue.Queue()
        self._thread = threading.Thread(target=self._work, name="monitor-notify", daemon=True)
        self._thread.start()

    def __call__(self, alert: dict[str, Any]) -> None:
        """Called by the ingest path after the article's transaction committed: returns at once."""
        self._q.put(dict(alert))

    def close(self, timeout: float = 10.0) -> None:
        """Send what is queued (up to `timeout`), then stop the thread."""
        self._q.put(_STOP)
        self._thread.join(timeout)
        close = getattr(self.record, "close", None)
        if callable(close) and not self._thread.is_alive():
            close()

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything queued so far has been tried; False on timeout."""
        done = threading.Event()
        self._q.put(done)
        return done.wait(timeout)

    def _work(self) -> None:
        while True:
            item = self._q.get()
            if item is _STOP:
                return
            if isinstance(item, threading.Event):
                item.set()
                continue
            try:
                self._send(item)
            except Exception:
                log.exception("notification of alert %s failed unexpectedly", item.get("alert_id"))

    def _send(self, alert: dict[str, Any]) -> None:
        head = title(alert, self.prefix)
        body = render.entry_text(alert)
        for url in self.urls:
            reason = send_one(url, head, body)
            if reason is None:
                self.sent += 1
                continue
            self.failed += 1
            where = safe_url(url)
            log.warning("notification of alert %s to %s failed: %s", alert.get("alert_id"), where, reason)
            if self.record is not None:
                try:
                    self.record(NotificationFailed(alert_id=str(alert.get("alert_id")), url=where, reason=reason))
                except Exception:
                    log.exception("could not record the failed notification of alert %s", alert.get("alert_id"))


class LogRecorder:
    """Append NotificationFailed through a connection owned by the sender thread.

    The ingest connection is not shared across threads mid-transaction; BEGIN IMMEDIATE
    serialises this writer with the daemon's.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self.store: EventStore | None = None

    def __call__(self, ev: NotificationFailed) -> None:
        from ..log import projections
        from ..log.store import event_id

        if self.store is None:
            self.store = EventStore(self.config.db_path, projectors=[projections.project])
        stream = f"notify-{ev.alert_id}"
        eid = event_id(stream, "NotificationFailed", int(hashlib.sha256(ev.url.encode()).hexdigest()[:8], 16))
        try:
            with self.store.transaction() as tx:
                tx.append(stream, [NewEvent(eid, stream, ev)])
        except DuplicateEventError:
            pass  # already recorded for this alert and URL

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


def attach_notifier(monitor: Any, config: Config) -> Notifier | None:
    """Register immediate notifications on `monitor.listeners`; None when `[notify] urls` is empty.

    Call `close()` on the result at shutdown so queued alerts get their chance to go out.
    """
    if not config.notify.urls:
        return None
    notifier = Notifier(config.notify.urls, prefix=config.digest.subject_prefix, record=LogRecorder(config))
    monitor.listeners.append(notifier)
    return notifier
