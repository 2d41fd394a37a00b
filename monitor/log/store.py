"""The append-only event log in SQLite: the only code that writes the events table.

Guarantees, each enforced by the database file itself so that any client (the sqlite3
shell, Datasette) is held to them, not only our own connections:
- UPDATE and DELETE on events abort (triggers);
- INSERT OR REPLACE / OR IGNORE cannot overwrite or hide a clash: BEFORE INSERT triggers
  abort on a taken event_id, stream version or position before the conflict clause acts
  (recursive_triggers is per connection, so we cannot rely on delete triggers firing);
- position is AUTOINCREMENT, so it is never reused;
- every row carries a hash chained to the previous row's, so tampering shows in verify().

Writes happen in BEGIN IMMEDIATE transactions on one connection (one writer); projections
are applied inside the same transaction, so a crash leaves both or neither.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import sqlite_utils

from .events import Event

GENESIS = "0" * 64

SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    stream_id TEXT NOT NULL,
    stream_version INTEGER NOT NULL,
    type TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    data TEXT NOT NULL,
    metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (stream_id, stream_version)
);
DROP INDEX IF EXISTS events_type;
CREATE INDEX IF NOT EXISTS events_type_version ON events (type, schema_version);
CREATE TRIGGER IF NOT EXISTS events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE is refused'); END;
CREATE TRIGGER IF NOT EXISTS events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE is refused'); END;
CREATE TRIGGER IF NOT EXISTS events_no_replace_event_id BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM events WHERE event_id = NEW.event_id)
BEGIN SELECT RAISE(ABORT, 'events are append-only: event_id already recorded'); END;
CREATE TRIGGER IF NOT EXISTS events_no_replace_version BEFORE INSERT ON events
WHEN EXISTS (SELECT 1 FROM events WHERE stream_id = NEW.stream_id AND stream_version = NEW.stream_version)
BEGIN SELECT RAISE(ABORT, 'events are append-only: stream version already taken'); END;
CREATE TRIGGER IF NOT EXISTS events_no_replace_position BEFORE INSERT ON events
WHEN NEW.position IS NOT NULL AND EXISTS (SELECT 1 FROM events WHERE position = NEW.position)
BEGIN SELECT RAISE(ABORT, 'events are append-only: position already taken'); END;
"""


class StoreError(Exception):
    """Base of the log's own errors."""


class ConcurrencyError(StoreError):
    """Appending at a stream version that someone else already took."""


class DuplicateEventError(StoreError):
    """An event with this event_id is already in the log."""


@dataclass(frozen=True, slots=True)
class Encoded:
    """A payload with its stored form worked out ahead, e.g. in a worker process: the JSON
    object and its canonical text, exactly what `encode` returns."""

    payload: Event
    data: dict[str, Any]
    text: str


def encode(payload: Event) -> Encoded:
    data = payload.model_dump(mode="json")
    return Encoded(payload, data, canonical(data))


@dataclass(frozen=True, slots=True)
class NewEvent:
    """An event to append; `event_id` is deterministic so re-processing appends nothing."""

    event_id: str
    stream_id: str
    payload: Event
    metadata: dict[str, Any] = field(default_factory=dict)
    encoded: Encoded | None = None  # the payload's stored form, if already made


@dataclass(frozen=True, slots=True)
class StoredEvent:
    position: int
    event_id: str
    stream_id: str
    stream_version: int
    type: str
    schema_version: int
    data: dict[str, Any]
    metadata: dict[str, Any]
    recorded_at: str
    prev_hash: str
    hash: str


Projector = Callable[[sqlite3.Connection, Sequence[StoredEvent]], None]


def event_id(stream_id: str, kind: str, index: int = 0) -> str:
    """Deterministic ids, so the same input can never be appended twice (the unique index refuses it)."""
    return hashlib.sha256(f"{stream_id}|{kind}|{index}".encode()).hexdigest()[:32]


def canonical(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def row_hash(prev_hash: str, event_id: str, stream_id: str, stream_version: int, type_: str,
             schema_version: int, data: str, metadata: str, recorded_at: str) -> str:
    """sha256 over the previous hash and the canonical JSON of the row's stored columns."""
    body = canonical([event_id, stream_id, stream_version, type_, schema_version, data, metadata, recorded_at])
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the pragmas every client of ours needs."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 10000")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA recursive_triggers = ON")
    return conn


class Transaction:
    """The writer's handle inside BEGIN IMMEDIATE: appends and reads stream versions."""

    def __init__(self, store: "EventStore") -> None:
        self._store = store
        self.conn = store.conn
        self.appended: list[StoredEvent] = []

    def stream_version(self, stream_id: str) -> int:
        """The stream's last version, -1 when it has none."""
        for ev in reversed(self.appended):
            if ev.stream_id == stream_id:
                return ev.stream_version
        row = self.conn.execute("SELECT MAX(stream_version) FROM events WHERE stream_id = ?", (stream_id,)).fetchone()
        return -1 if row[0] is None else int(row[0])

    def has_event(self, event_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,)).fetchone() is not None

    def append(self, stream_id: str, events: Sequence[NewEvent], *, expected_version: int | None = None) -> list[StoredEvent]:
        """Append `events` to one stream after `expected_version` (None: wherever it ends now).

        Raises ConcurrencyError when the stream has moved past `expected_version`.
        """
        current = self.stream_version(stream_id)
        if expected_version is not None and expected_version != current:
            raise ConcurrencyError(
                f"stream {stream_id!r} is at version {current}, expected {expected_version}: someone else appended first"
            )
        return self._insert(stream_id, current + 1, events)

    def _insert(self, stream_id: str, first_version: int, events: Sequence[NewEvent]) -> list[StoredEvent]:
        prev = self._store._head_hash(self)
        rows = []
        now = utcnow()
        for i, ev in enumerate(events):
            if ev.stream_id != stream_id:
                raise ValueError(f"event {ev.event_id} belongs to stream {ev.stream_id}, not {stream_id}")
            type_ = ev.payload.type_name()
            enc = ev.encoded if ev.encoded is not None and ev.encoded.payload is ev.payload else encode(ev.payload)
            meta = canonical(ev.metadata)
            version = first_version + i
            schema = ev.payload.SCHEMA_VERSION
            h = row_hash(prev, ev.event_id, stream_id, version, type_, schema, enc.text, meta, now)
            rows.append((ev, enc.data, (ev.event_id, stream_id, version, type_, schema, enc.text, meta, now, prev, h)))
            prev = h
        cur = self.conn.cursor()
        positioned: list[StoredEvent] = []
        try:
            for ev, data_obj, row in rows:
                cur.execute(
                    "INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata,"
                    " recorded_at, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    row,
                )
                positioned.append(StoredEvent(int(cur.lastrowid or 0), row[0], stream_id, row[2], row[3], row[4],
                                              data_obj, dict(ev.metadata), now, row[8], row[9]))
        except sqlite3.IntegrityError as e:
            msg = str(e)
            if "stream version" in msg:
                raise ConcurrencyError(f"stream {stream_id!r}: version already taken ({msg})") from None
            if "event_id" in msg:
                raise DuplicateEventError(msg) from None
            raise
        self.appended.extend(positioned)
        self._store._last_hash = prev
        for project in self._store.projectors:
            project(self.conn, positioned)
        return positioned


class Checkpointer:
    """Copies committed pages from the write-ahead log into the database file on a connection
    and thread of its own, so that a commit never waits for that copy and its fsync.

    PASSIVE checkpoints never block the writer or readers; the writer's connection turns its
    own automatic checkpoints off while this runs. Durability is unchanged: a commit is
    durable once its WAL frames are synced (synchronous=FULL), before any checkpoint.
    """

    def __init__(self, path: Path, every: int = 8) -> None:
        self._path = path
        self._every = every  # commits between checkpoints: about as much WAL as SQLite's default
        self._pending = 0
        self._wake = threading.Event()
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    def committed(self) -> None:
        self._pending += 1
        if self._pending >= self._every:
            self._pending = 0
            self._wake.set()

    def _run(self) -> None:
        conn = sqlite3.connect(self._path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA busy_timeout = 10000")
            conn.execute("PRAGMA synchronous = FULL")
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._closing:
                    return
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error:
                    pass  # the next one copies what this one could not
        finally:
            conn.close()

    def close(self) -> None:
        self._closing = True
        self._wake.set()
        self._thread.join()


class EventStore:
    """One SQLite file: the events table plus whatever projections are registered."""

    def __init__(self, path: Path, *, projectors: Iterable[Projector] = (), readonly: bool = False,
                 background_checkpoint: bool = False) -> None:
        self.path = Path(path)
        if not readonly:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = connect(self.path, readonly=readonly)
        self.db = sqlite_utils.Database(self.conn)
        self.projectors: list[Projector] = list(projectors)
        self._last_hash: str | None = None
        self._checkpointer: Checkpointer | None = None
        if not readonly:
            self.conn.executescript(SCHEMA)
            if background_checkpoint:
                self.conn.execute("PRAGMA wal_autocheckpoint = 0")
                self._checkpointer = Checkpointer(self.path)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.close()
            self._checkpointer = None
        self.conn.close()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """BEGIN IMMEDIATE: take the write lock up front so no reader can upgrade into a deadlock."""
        self.conn.execute("BEGIN IMMEDIATE")
        self._last_hash = None
        tx = Transaction(self)
        try:
            yield tx
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._last_hash = None
            raise
        else:
            self.conn.execute("COMMIT")
            if self._checkpointer is not None:
                self._checkpointer.committed()

    def _head_hash(self, tx: Transaction) -> str:
        if self._last_hash is None:
            row = self.conn.execute("SELECT hash FROM events ORDER BY position DESC LIMIT 1").fetchone()
            self._last_hash = row[0] if row else GENESIS
        return self._last_hash

    def head(self) -> tuple[int, str]:
        row = self.conn.execute("SELECT position, hash FROM events ORDER BY position DESC LIMIT 1").fetchone()
        return (int(row[0]), row[1]) if row else (0, GENESIS)

    def count(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0])

    def read(self, since: int = 0, *, types: Sequence[str] | None = None, batch: int = 5000) -> Iterator[StoredEvent]:
        """Events after position `since`, oldest first, in batches so memory stays flat."""
        pos = since
        where = ""
        params: list[Any] = []
        if types:
            where = f" AND type IN ({','.join('?' * len(types))})"
            params = list(types)
        while True:
            rows = self.conn.execute(
                "SELECT position, event_id, stream_id, stream_version, type, schema_version, data, metadata,"
                f" recorded_at, prev_hash, hash FROM events WHERE position > ?{where} ORDER BY position LIMIT ?",
                [pos, *params, batch],
            ).fetchall()
            if not rows:
                return
            for r in rows:
                yield StoredEvent(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), json.loads(r[7]), r[8], r[9], r[10])
            pos = rows[-1][0]

    def verify(self) -> tuple[int | None, str, int]:
        """Recompute the chain. Returns (first broken position or None, head hash, rows checked)."""
        prev = GENESIS
        n = 0
        for r in self.conn.execute(
            "SELECT position, event_id, stream_id, stream_version, type, schema_version, data, metadata,"
            " recorded_at, prev_hash, hash FROM events ORDER BY position"
        ):
            n += 1
            if r[9] != prev or row_hash(prev, r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]) != r[10]:
                return int(r[0]), prev, n
            prev = r[10]
        return None, prev, n


def secure_dir(path: Path) -> Path:
    """Create a folder readable by its owner only (the state folder holds every article)."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    return path
