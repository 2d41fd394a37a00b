"""Immediate notifications through Apprise to a real HTTP server on 127.0.0.1."""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from monitor.app import Monitor
from monitor.notify import attach_notifier
from monitor.notify.render import entry_text

from .conftest import FLOOD_NEW, FLOOD_OLD, free_port, make_config


@dataclass
class Hook:
    port: int
    received: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200
    delay: float = 0.0


@pytest.fixture
def hook() -> Iterator[Hook]:
    state = Hook(0)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            time.sleep(state.delay)
            state.received.append({"path": self.path, "json": json.loads(body)})
            self.send_response(state.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.port = server.server_address[1]
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    yield state
    server.shutdown()
    server.server_close()


ALERT = {"alert_id": "f1a2b3", "kind": "update", "measure": "flood deaths|merrow",
         "label": "people killed in the Lake Merrow floods", "old": FLOOD_OLD, "new": FLOOD_NEW,
         "change": {"absolute": 50, "relative": 1.25}, "explanation": "A later report gives a higher toll."}


def notifications(mon: Monitor) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in mon.store.conn.execute("SELECT alert_id, url, reason FROM notifications ORDER BY position")]


def test_each_alert_goes_to_the_webhook_with_its_digest_text(state: Path, hook: Hook) -> None:
    cfg = make_config(state, urls=[f"json://127.0.0.1:{hook.port}/alerts"])
    with Monitor(cfg) as mon:
        notifier = attach_notifier(mon, cfg)
        assert notifier is not None and mon.listeners == [notifier]
        for listener in mon.listeners:  # as Monitor does after the article's commit
            listener(ALERT)
        assert notifier.flush(15)
        notifier.close()
        assert notifications(mon) == []
    (got,) = hook.received
    assert got["path"] == "/alerts"
    assert got["json"]["title"] == "[monitor] Update: people killed in the Lake Merrow floods"
    assert got["json"]["message"].strip() == entry_text(ALERT).strip()
    assert "at least 40 -> more than 90" in got["json"]["message"]


def test_a_failing_webhook_is_recorded_and_does_not_block(state: Path, hook: Hook) -> None:
    hook.status = 500
    hook.delay = 1.0
    closed = free_port()
    cfg = make_config(state, urls=[f"json://127.0.0.1:{hook.port}/alerts",
                                   f"json://bot:s3cret@127.0.0.1:{closed}/private"])
    with Monitor(cfg) as mon:
        notifier = attach_notifier(mon, cfg)
        assert notifier is not None
        notifier(ALERT)
        # ingestion never waits for the network: the call has returned while the server still holds the request
        assert hook.received == []
        assert notifier.flush(30)
        notifier.close()
        rows = notifications(mon)
    assert [r[0] for r in rows] == ["f1a2b3", "f1a2b3"]
    assert rows[0][1].startswith(f"json://127.0.0.1:{hook.port}/alerts") and "500" in rows[0][2]
    assert "s3cret" not in rows[1][1] and rows[1][1].startswith("json://bot:")
    assert rows[1][2]  # a reason for the refused connection
    assert len(hook.received) == 1  # tried once


def test_no_urls_no_listener(state: Path) -> None:
    cfg = make_config(state)
    with Monitor(cfg) as mon:
        assert attach_notifier(mon, cfg) is None
        assert mon.listeners == []


def test_an_invalid_url_is_a_recorded_reason(state: Path) -> None:
    cfg = make_config(state, urls=["nosuchscheme://whatever"])
    with Monitor(cfg) as mon:
        notifier = attach_notifier(mon, cfg)
        assert notifier is not None
        notifier(ALERT)
        assert notifier.flush(10)
        notifier.close()
        ((alert_id, url, reason),) = notifications(mon)
    assert alert_id == "f1a2b3" and "not a valid notification URL" in reason and "whatever" not in url


def test_ingest_command_sends_immediate_notifications(hook: Hook, tmp_path: Path) -> None:
    """Alerts raised by `monitor ingest` (scripts, not the daemon) reach [notify] too."""
    import subprocess
    import sys

    (tmp_path / "config.toml").write_text(
        '[paths]\ninbox = "inbox"\nstate = "state"\n'
        f'[notify]\nurls = ["json://127.0.0.1:{hook.port}/alerts"]\n')
    first = tmp_path / "one.txt"
    first.write_text("---\npublished: 2025-05-02\nsource: Lakeside Herald\n---\n"
                     "Officials said at least 40 people were killed in the floods around Lake Merrow.\n")
    second = tmp_path / "two.txt"
    second.write_text("---\npublished: 2025-05-04\nsource: Valley Times\n---\n"
                      "Officials said more than 90 people were killed in the floods around Lake Merrow.\n")
    r = subprocess.run([sys.executable, "-m", "monitor", "--config", str(tmp_path / "config.toml"), "ingest",
                        str(first), str(second)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "UPDATE" in r.stdout
    assert len(hook.received) == 1 and hook.received[0]["path"] == "/alerts"
    assert "90" in json.dumps(hook.received[0]["json"])
