"""state/daemon-status.json: what the daemon is doing, for `monitor status` and for people.

Written atomically (temp file + rename) so a reader never sees half a file; it is a
convenience view, the event log stays the record.
"""
from __future__ import annotations

import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

STATUS_NAME = "daemon-status.json"
COUNTED = ("recorded", "duplicate", "rejected", "failed")


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class DaemonStatus:
    """The mutable status; every change goes through `update` so the file follows."""

    path: Path
    pid: int
    watch: str
    inbox: str
    state: str = "starting"
    started: str = field(default_factory=now_iso)
    stopped: str | None = None
    waiting: int = 0
    last_file: str | None = None
    last_status: str | None = None
    last_at: str | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(COUNTED, 0))
    alerts: int = 0
    last_error: dict[str, str] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_") and k != "path"}

    def update(self, **changes: Any) -> None:
        with self._lock:
            for k, v in changes.items():
                setattr(self, k, v)
            self._write()

    def file_done(self, name: str, status: str, *, alerts: int = 0, reason: str | None = None, waiting: int = 0) -> None:
        with self._lock:
            self.last_file, self.last_status, self.last_at = name, status, now_iso()
            self.counts[status] = self.counts.get(status, 0) + 1
            self.alerts += alerts
            self.waiting = waiting
            if status in ("rejected", "failed"):
                self.last_error = {"file": name, "status": status, "reason": reason or "", "at": self.last_at}
            self._write()

    def _write(self) -> None:
        data = json.dumps(self.to_dict(), ensure_ascii=False, indent=2)
        tmp: str | None = None
        try:
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".status-")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data + "\n")
            os.replace(tmp, self.path)
        except OSError:  # a status file we cannot write must never stop the daemon
            if tmp and os.path.exists(tmp):
                os.unlink(tmp)


def read_status(state: Path) -> dict[str, Any] | None:
    """The last status the daemon wrote, or None."""
    try:
        return json.loads((state / STATUS_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def report(state: Path, last_digest: dict[str, Any] | None) -> dict[str, Any]:
    """What `monitor status` shows: the lock decides whether a daemon runs, the file says what it did."""
    from .lock import running_pid

    running, pid = running_pid(state)
    saved = read_status(state) or {}
    out: dict[str, Any] = {
        "running": running,
        "pid": pid if running else None,
        "state": saved.get("state") if running else "not running",
        "watch": saved.get("watch"),
        "inbox": saved.get("inbox"),
        "started": saved.get("started"),
        "stopped": saved.get("stopped"),
        "waiting": saved.get("waiting", 0) if running else None,
        "last_file": saved.get("last_file"),
        "last_status": saved.get("last_status"),
        "last_at": saved.get("last_at"),
        "counts": saved.get("counts") or dict.fromkeys(COUNTED, 0),
        "alerts": saved.get("alerts", 0),
        "last_error": saved.get("last_error"),
        "last_digest": last_digest,
    }
    if not running and saved and saved.get("state") not in (None, "stopped"):
        out["state"] = "not running (the last run ended without a clean stop)"
    return out


def render(r: dict[str, Any]) -> list[str]:
    """The human-readable lines of `monitor status`."""
    lines = [f"daemon:      {'running (pid ' + str(r['pid']) + ')' if r['running'] else r['state']}"]
    if r.get("started"):
        since = f"started {r['started']}" + (f", stopped {r['stopped']}" if r.get("stopped") and not r["running"] else "")
        lines.append(f"run:         {since}")
    if r.get("watch"):
        lines.append(f"watching:    {r['inbox']} ({r['watch']})")
    if r["running"]:
        lines.append(f"waiting:     {r['waiting']} file{'s' if r['waiting'] != 1 else ''}")
    if r.get("last_file"):
        lines.append(f"last file:   {r['last_file']} ({r['last_status']}) at {r['last_at']}")
    c = r["counts"]
    lines.append("this run:    " + ", ".join(f"{c.get(k, 0)} {k}" for k in COUNTED) + f"; {r.get('alerts', 0)} alerts")
    if r.get("last_error"):
        e = r["last_error"]
        lines.append(f"last error:  {e.get('file')}: {e.get('reason')} ({e.get('at')})")
    d = r.get("last_digest")
    if d:
        detail = d.get("reason") if d.get("status") != "sent" else f"{d.get('alerts') or 0} alerts"
        lines.append(f"last digest: {d.get('status')} at {d.get('at')} ({detail})")
    else:
        lines.append("last digest: none yet")
    return lines
