"""Real parts for the notification tests: an SMTP server on 127.0.0.1, a state folder, alerts in the log."""
from __future__ import annotations

import hashlib
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from monitor.app import Monitor
from monitor.config import Config
from monitor.log.events import AlertRaised, ClaimRecorded
from monitor.log.store import EventStore, NewEvent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Collector:
    """An aiosmtpd handler keeping every message; `refuse` lists recipients to reject."""

    messages: list[tuple[Envelope, EmailMessage]] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        msg = message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.messages.append((envelope, msg))  # type: ignore[arg-type]
        return "250 Message accepted"


@dataclass
class Server:
    controller: Controller
    handler: Collector
    port: int

    @property
    def messages(self) -> list[EmailMessage]:
        return [m for _, m in self.handler.messages]

    def stop(self) -> None:
        self.controller.stop()


def start_server(handler: Collector, **kw: Any) -> Server:
    port = free_port()
    ctl = Controller(handler, hostname="127.0.0.1", port=port, **kw)
    ctl.start()
    return Server(ctl, handler, port)


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    srv = start_server(Collector())
    yield srv
    try:
        srv.stop()
    except (AssertionError, RuntimeError):
        pass  # already stopped by the test


@dataclass
class Tls:
    ca: trustme.CA
    ca_file: Path
    server_context: ssl.SSLContext


@pytest.fixture
def tls(tmp_path: Path) -> Tls:
    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1", "localhost")
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    cert.configure_cert(ctx)
    ca_file = tmp_path / "private-ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return Tls(ca, ca_file, ctx)


def make_config(state: Path, *, port: int = 25, security: str = "none", ca_file: Path | None = None,
                send_empty: bool = False, to: list[str] | None = None, urls: list[str] | None = None,
                schedule: str | None = None, grace_hours: float = 12.0) -> Config:
    smtp: dict[str, Any] = {"host": "127.0.0.1", "port": port, "security": security, "timeout": 5}
    if ca_file is not None:
        smtp["ca_file"] = str(ca_file)
    digest: dict[str, Any] = {"to": to if to is not None else ["desk@example.org"], "from": "monitor@example.org",
                              "send_empty": send_empty, "misfire_grace_hours": grace_hours, "timezone": "Europe/Paris"}
    if schedule:
        digest["schedule"] = schedule
    return Config.model_validate({"paths": {"state": str(state), "inbox": str(state.parent / "inbox")},
                                  "digest": digest, "smtp": smtp, "notify": {"urls": urls or []}})


def side(article: str, source: str, published: str, text: str, sentence: str, value: float, unit: str = "count",
         period: str = "2025", claim_id: str | None = None) -> dict[str, Any]:
    return {"article": article, "claim_id": claim_id or hashlib.sha256(sentence.encode()).hexdigest()[:12],
            "text": text, "sentence": sentence, "value": value, "unit": unit, "qualifier": "exact", "low": None,
            "high": None, "total": None, "period": period, "as_of": published, "published": published,
            "source": source}


FLOOD_OLD = side("flood-1.txt", "Riverside Post", "2025-10-02", "at least 40",
                 "Officials said at least 40 people had died in the floods around Lake Merrow.", 40)
FLOOD_NEW = side("flood-2.txt", "Valley Courier", "2025-10-04", "more than 90",
                 "The death toll from the Lake Merrow floods has risen to more than 90, the regional governor said.", 90)


def append_alert(store: EventStore, alert_id: str, *, kind: str = "update", measure: str = "flood deaths|merrow",
                 label: str = "people killed in the Lake Merrow floods", old: dict[str, Any] | None = None,
                 new: dict[str, Any] | None = None, change: dict[str, Any] | None = None,
                 explanation: str = "A later report gives a higher death toll for the same floods.") -> int:
    """Append one AlertRaised as the ingest path would; returns its log position."""
    stream = f"test-alert-{alert_id}"
    ev = AlertRaised(alert_id=alert_id, kind=kind, measure=measure, label=label, old=old or FLOOD_OLD,
                     new=new or FLOOD_NEW, change=change if change is not None else {"absolute": 50, "relative": 1.25,
                                                                                       "direction": "up"},
                     explanation=explanation)
    with store.transaction() as tx:
        (stored,) = tx.append(stream, [NewEvent(f"ev-{alert_id}", stream, ev)], expected_version=-1)
    return stored.position


def append_claim(store: EventStore, key: str, period: str, value: float, text: str, source: str, published: str,
                 unit: str = "count", claim_id: str | None = None) -> str:
    """A ClaimRecorded with the fields the projection reads, for measure histories."""
    claim_id = claim_id or hashlib.sha256(f"{key}|{period}|{value}|{published}".encode()).hexdigest()[:12]
    claim = {"claim_id": claim_id, "key": key, "label": key, "value": value, "unit": unit, "qualifier": "exact",
             "period": {"label": period, "start": f"{period}-01-01", "end": f"{period}-12-31", "kind": "explicit"},
             "as_of": published, "published": published, "source": source, "text": text,
             "sentence": f"{text} was reported.", "buckets": [key], "total": None}
    stream = f"test-claim-{claim_id}"
    with store.transaction() as tx:
        tx.append(stream, [NewEvent(f"ev-{claim_id}", stream, ClaimRecorded(article=f"{source}.txt", claim=claim,
                                                                               decision="new"))])
    return claim_id


@pytest.fixture
def state(tmp_path: Path) -> Path:
    return tmp_path / "state"


@pytest.fixture
def monitor_at(state: Path) -> Iterator[Monitor]:
    mon = Monitor(make_config(state))
    yield mon
    mon.close()


def digest_events(store: EventStore) -> list[tuple[str, dict[str, Any]]]:
    return [(e.type, e.data) for e in store.read(0) if e.stream_id == "digest"]
