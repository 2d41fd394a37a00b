"""The digest use case: which alerts are pending, send them once, record what happened.

- The watermark is the `through_position` of the last DigestSent in the event log (stream
  "digest"), never a scheduler's job store: each alert is in exactly one sent digest.
- A failed send records DigestFailed with the reason; its alerts stay pending.
- The outcome is appended with `expected_version`, so two senders cannot both record the
  same digest; on one machine a lock file also stops them from both sending.
- The Message-ID is derived from the covered alerts. Just before sending, the chosen range
  is written to an outbox file in the state folder and removed once the outcome is in the
  log: after a crash in between, the next run sends the same range again with the same
  Message-ID (at most one resend, which mail clients can fold into the first).
"""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import parseaddr
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..config import Config
from ..log import queries
from ..log.events import DigestFailed, DigestSent, Event
from ..log.store import ConcurrencyError, EventStore, NewEvent, event_id
from . import render
from .render import Digest, HistoryPoint
from .smtp import Delivered, DeliveryError, SmtpSettings, deliver

log = logging.getLogger("monitor.notify.digest")

STREAM = "digest"
MAX_ALERTS = 200  # per message; the rest follow in the next one, still in order
MAX_PER_RUN = 5  # digests one run may send (a recovered range, then what came after)
OUTBOX = "digest-outbox.json"
LOCK = "digest.lock"

Deliver = Callable[[EmailMessage, SmtpSettings, str, Sequence[str]], Delivered]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one attempt did, for the log line and the exit code."""

    status: Literal["sent", "failed", "nothing", "busy"]
    digest: Digest | None = None
    reason: str | None = None
    recipients: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status in ("sent", "nothing")

    def line(self) -> str:
        if self.status == "sent" and self.digest is not None:
            n = len(self.digest.alerts)
            return (f"digest {self.digest.digest_id} sent to {', '.join(self.recipients)}: "
                    f"{n} alert{'s' if n != 1 else ''}" + (f" ({self.reason})" if self.reason else ""))
        if self.status == "nothing":
            return "digest: nothing to send"
        if self.status == "busy":
            return f"digest: not sent: {self.reason}"
        return f"digest not sent: {self.reason}"


def zone(config: Config) -> ZoneInfo:
    """[digest] timezone as a ZoneInfo; a clear error for a name that does not exist."""
    try:
        return ZoneInfo(config.digest.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"[digest] timezone {config.digest.timezone!r} is not a known time zone "
                         "(use a name like \"Europe/Paris\" or \"UTC\")") from None


def _now(config: Config, now: datetime | None) -> datetime:
    try:
        tz = zone(config)
    except ValueError as ex:
        log.warning("%s; using UTC", ex)
        tz = ZoneInfo("UTC")
    return (now or datetime.now(tz)).astimezone(tz)


def watermark(conn: sqlite3.Connection) -> tuple[int, int]:
    """(through_position of the last DigestSent, current version of the digest stream), from the log."""
    sent = conn.execute(
        "SELECT json_extract(data, '$.through_position') FROM events WHERE stream_id = ? AND type = 'DigestSent'"
        " ORDER BY position DESC LIMIT 1", (STREAM,)).fetchone()
    version = conn.execute("SELECT MAX(stream_version) FROM events WHERE stream_id = ?", (STREAM,)).fetchone()
    return (int(sent[0]) if sent and sent[0] is not None else 0,
            -1 if version is None or version[0] is None else int(version[0]))


def history(conn: sqlite3.Connection, measure: str, limit: int = render.MAX_HISTORY) -> list[HistoryPoint]:
    """The measure's claims in period order, one point per distinct (period, value, unit), latest last."""
    rows = conn.execute(
        "SELECT period, value, unit, json_extract(data, '$.total'), text, source, published, claim_id"
        " FROM claims WHERE key = ? ORDER BY period_end, as_of, position", (measure,)).fetchall()
    seen: dict[tuple[Any, ...], HistoryPoint] = {}
    for period, value, unit, total, text, source, published, claim_id in rows:
        if value is None:
            continue
        key = (period, value, unit, total)
        before = seen.pop(key, None)  # a restatement: one point, in its latest place
        ids = (*before.claim_ids, claim_id) if before else (claim_id,)
        seen[key] = HistoryPoint(str(period or ""), float(value), str(unit or ""), total, str(text or ""), source,
                                 published, ids)
    return list(seen.values())[-limit:]


def _domain(config: Config) -> str:
    addr = parseaddr(config.digest.from_ or "")[1]
    dom = addr.rpartition("@")[2] if "@" in addr else ""
    dom = "".join(ch for ch in dom if ch.isalnum() or ch in ".-")
    return dom or "monitor.invalid"


def ids_for(alerts: Sequence[dict[str, Any]], config: Config, *, watermark_at: int, now: datetime) -> tuple[str, str]:
    """(digest_id, Message-ID): from the covered alert range, so a resend reuses them."""
    if alerts:
        h = hashlib.sha256(",".join(a["alert_id"] for a in alerts).encode()).hexdigest()[:10]
        digest_id = f"{alerts[0]['position']}-{alerts[-1]['position']}-{h}"
    else:
        digest_id = f"empty-{watermark_at}-{now:%Y%m%dT%H%M}"
    return digest_id, f"<digest.{digest_id}@{_domain(config)}>"


# -- outbox: the range being sent, kept only while a send is in flight -----------------------


def _outbox(config: Config) -> Path:
    return config.state / OUTBOX


def read_outbox(config: Config) -> dict[str, Any] | None:
    try:
        data = json.loads(_outbox(config).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and {"first", "last", "digest_id"} <= data.keys() else None
    except (OSError, ValueError):
        return None


def _write_outbox(config: Config, d: Digest) -> None:
    path = _outbox(config)
    tmp = path.with_suffix(".tmp")
    body = {"digest_id": d.digest_id, "message_id": d.message_id, "first": d.alerts[0]["position"],
            "last": d.alerts[-1]["position"]}
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(body, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _clear_outbox(config: Config) -> None:
    with contextlib.suppress(FileNotFoundError):
        _outbox(config).unlink()


# -- selection -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Plan:
    digest: Digest | None  # None: nothing to send
    version: int  # the digest stream's version the outcome must follow


def prepare(conn: sqlite3.Connection, config: Config, *, now: datetime | None = None,
            limit: int | None = None) -> Plan:
    """The next digest, read in one snapshot: pending alerts after the watermark, histories, ids."""
    when = _now(config, now)
    limit = MAX_ALERTS if limit is None else limit
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")
    try:
        wm, version = watermark(conn)
        pending = queries.alerts(conn, since=wm)
        pin = read_outbox(config)
        if pin and pending and pending[0]["position"] == pin["first"]:
            pinned = [a for a in pending if a["position"] <= pin["last"]]
            if pinned and pinned[-1]["position"] == pin["last"]:
                limit = len(pinned)  # the range a crashed run may already have delivered
        chosen = pending[:limit]
        if not chosen and not config.digest.send_empty:
            return Plan(None, version)
        histories = {m: history(conn, m) for m in dict.fromkeys(a["measure"] for a in chosen if a.get("measure"))}
    finally:
        if own:
            conn.execute("COMMIT")
    digest_id, message_id = ids_for(chosen, config, watermark_at=wm, now=when)
    through = chosen[-1]["position"] if chosen else wm
    return Plan(Digest(chosen, digest_id, message_id, through, when, histories, len(pending) - len(chosen)), version)


def sender(config: Config) -> str:
    return config.digest.from_ or "monitor@localhost"


def build(d: Digest, config: Config) -> EmailMessage:
    return render.message(d, sender=sender(config), recipients=config.digest.to, prefix=config.digest.subject_prefix)


# -- sending ---------------------------------------------------------------------------------


@contextlib.contextmanager
def _send_lock(config: Config) -> Iterator[bool]:
    """An exclusive lock file so two processes on this machine never send at the same time."""
    config.state.mkdir(parents=True, exist_ok=True)
    fd = os.open(config.state / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _record(store: EventStore, version: int, payload: Event) -> None:
    with store.transaction() as tx:
        tx.append(STREAM, [NewEvent(event_id(STREAM, payload.type_name(), version + 1), STREAM, payload)],
                  expected_version=version)


def _smtp_deliver(msg: EmailMessage, settings: SmtpSettings, sender_addr: str, to: Sequence[str]) -> Delivered:
    return deliver(msg, settings, sender=sender_addr, recipients=to)


def send_one(store: EventStore, config: Config, *, now: datetime | None = None,
             transport: Deliver = _smtp_deliver) -> Outcome:
    """Send the next digest and record the outcome. Never raises for a delivery problem."""
    plan = prepare(store.conn, config, now=now)
    d = plan.digest
    if d is None:
        return Outcome("nothing")
    to = list(config.digest.to)
    try:
        msg = build(d, config)
    except Exception as ex:  # a rendering bug must not stop the daemon; it is recorded like any failure
        log.exception("digest %s could not be built", d.digest_id)
        reason = f"the digest could not be built: {type(ex).__name__}: {ex}"
        return _failed(store, plan, reason)
    if d.alerts:
        try:
            _write_outbox(config, d)
        except OSError as ex:  # without it a crash could resend under another Message-ID: do not send
            return _failed(store, plan, f"cannot write {_outbox(config)}: {ex.strerror or ex}")
    try:
        got = transport(msg, SmtpSettings.from_config(config), sender(config), to)
    except DeliveryError as ex:
        return _failed(store, plan, str(ex))
    except Exception as ex:
        log.exception("digest %s: unexpected error while sending", d.digest_id)
        return _failed(store, plan, f"unexpected error while sending: {type(ex).__name__}: {ex}")
    note = None
    if got.refused:
        note = "refused: " + "; ".join(f"{r} ({why})" for r, why in got.refused.items())
        log.warning("digest %s: %s", d.digest_id, note)
    sent = DigestSent(digest_id=d.digest_id, message_id=d.message_id, through_position=d.through_position,
                      alerts=d.alert_ids, recipients=got.accepted, subject=str(msg["Subject"]))
    try:
        _record(store, plan.version, sent)
    except ConcurrencyError:
        _clear_outbox(config)
        return Outcome("failed", d, "sent, but another sender recorded a digest at the same time; "
                                    "recipients may get this range twice (same Message-ID)")
    _clear_outbox(config)
    return Outcome("sent", d, note, tuple(got.accepted))


def _failed(store: EventStore, plan: Plan, reason: str) -> Outcome:
    d = plan.digest
    assert d is not None
    log.error("digest %s not sent: %s", d.digest_id, reason)
    try:
        _record(store, plan.version, DigestFailed(digest_id=d.digest_id, message_id=d.message_id,
                                                  through_position=d.through_position, alerts=d.alert_ids,
                                                  reason=reason))
    except ConcurrencyError:
        log.warning("digest %s: another sender recorded a digest meanwhile; failure not recorded", d.digest_id)
    return Outcome("failed", d, reason)


def send_pending(store: EventStore, config: Config, *, now: datetime | None = None,
                 transport: Deliver = _smtp_deliver, max_digests: int = MAX_PER_RUN) -> list[Outcome]:
    """Send what is pending (one digest, or a few when the backlog is long); stop at the first failure."""
    with _send_lock(config) as locked:
        if not locked:
            return [Outcome("busy", reason="another digest is being sent right now")]
        out: list[Outcome] = []
        for _ in range(max_digests):
            o = send_one(store, config, now=now, transport=transport)
            if o.status == "nothing" and out:
                break
            out.append(o)
            if o.status != "sent" or o.digest is None or not o.digest.alerts or not o.digest.more_pending:
                break
        return out


def open_store(config: Config) -> EventStore:
    """A connection of its own for the digest (BEGIN IMMEDIATE serialises it with the daemon's writer)."""
    from ..log import projections

    store = EventStore(config.db_path, projectors=[projections.project])
    projections.ensure(store.conn)
    return store


def run(config: Config, *, now: datetime | None = None, transport: Deliver = _smtp_deliver) -> list[Outcome]:
    """Open the log, send what is pending, close: what the scheduler and `digest --send` call."""
    if not config.db_path.exists():
        return [Outcome("nothing")]
    with open_store(config) as store:
        outcomes = send_pending(store, config, now=now, transport=transport)
    for o in outcomes:
        (log.info if o.ok else log.error)("%s", o.line())
    return outcomes
