"""Read tables built from the log: what people and the app query.

They are disposable: `rebuild` drops and replays them from the events, and must give the
same rows as the incremental path (a test dumps both and compares). Each table's checkpoint
(the last position applied) is kept in `checkpoints`, updated in the same transaction as the
append that moved it.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Callable

from .events import upcast
from .store import EventStore, StoredEvent

PROJECTIONS = ("articles", "quote_index", "figures", "dated_events", "claims", "claim_buckets", "alerts", "digests", "notifications")

SCHEMA = """
CREATE TABLE IF NOT EXISTS checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    sha256 TEXT PRIMARY KEY, article TEXT NOT NULL, status TEXT NOT NULL, reason TEXT, code TEXT,
    duplicate_of TEXT, title TEXT, source TEXT, url TEXT, published TEXT, published_source TEXT,
    published_confidence REAL, format TEXT, encoding TEXT, encoding_guessed INTEGER, text_sha256 TEXT,
    notes TEXT, blob TEXT, origin TEXT, size INTEGER, figures INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0, claims INTEGER NOT NULL DEFAULT 0, alerts INTEGER NOT NULL DEFAULT 0,
    received_position INTEGER NOT NULL, recorded_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS quote_index (
    fingerprint INTEGER NOT NULL, sha256 TEXT NOT NULL, PRIMARY KEY (fingerprint, sha256)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS figures (
    position INTEGER NOT NULL, sha256 TEXT NOT NULL, article TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT NOT NULL, start INTEGER, "end" INTEGER, value REAL, unit TEXT, qualifier TEXT, low REAL, high REAL,
    total REAL, counted TEXT, period TEXT, period_start TEXT, period_end TEXT, change TEXT, tags TEXT,
    sentence TEXT
);
CREATE TABLE IF NOT EXISTS dated_events (
    position INTEGER NOT NULL, sha256 TEXT NOT NULL, article TEXT NOT NULL, idx INTEGER NOT NULL,
    text TEXT, date TEXT, actor TEXT, verb TEXT, place TEXT, start INTEGER, "end" INTEGER, sentence TEXT
);
CREATE TABLE IF NOT EXISTS claims (
    claim_id TEXT, position INTEGER NOT NULL, article TEXT NOT NULL, key TEXT NOT NULL,
    label TEXT, value REAL, unit TEXT, qualifier TEXT, period TEXT, period_start TEXT, period_end TEXT,
    as_of TEXT, published TEXT, source TEXT, text TEXT, sentence TEXT, decision TEXT,
    previous_claim_id TEXT, total REAL,
    data TEXT GENERATED ALWAYS AS (json_object(
        'claim_id', claim_id, 'key', key, 'label', label, 'value', value, 'unit', unit, 'qualifier', qualifier,
        'total', total, 'period', json_object('label', period, 'start', period_start, 'end', period_end),
        'as_of', as_of, 'published', published, 'source', source, 'text', text, 'sentence', sentence)) VIRTUAL
);
CREATE TABLE IF NOT EXISTS claim_buckets (
    bucket TEXT NOT NULL, position INTEGER NOT NULL, claim_id TEXT NOT NULL, PRIMARY KEY (bucket, position, claim_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS alerts (
    alert_id TEXT, position INTEGER NOT NULL, kind TEXT NOT NULL, measure TEXT, label TEXT,
    old TEXT NOT NULL, new TEXT NOT NULL, change TEXT, explanation TEXT, raised_at TEXT NOT NULL,
    acknowledged INTEGER NOT NULL DEFAULT 0, ack_note TEXT, acknowledged_at TEXT
);
CREATE TABLE IF NOT EXISTS digests (
    digest_id TEXT NOT NULL, position INTEGER PRIMARY KEY, status TEXT NOT NULL, message_id TEXT,
    through_position INTEGER, alerts INTEGER, recipients TEXT, subject TEXT, reason TEXT, at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notifications (
    position INTEGER PRIMARY KEY, alert_id TEXT, url TEXT, reason TEXT, at TEXT NOT NULL
);
"""

# Indexes, apart from the tables: a rebuild creates them once the rows are in (one sort each)
# instead of updating them row by row in random key order. The unique ones are the keys of their
# tables (a UNIQUE index refuses a second row as a primary key would).
INDEXES = """
CREATE UNIQUE INDEX IF NOT EXISTS figures_key ON figures (sha256, idx);
CREATE UNIQUE INDEX IF NOT EXISTS dated_events_key ON dated_events (sha256, idx);
CREATE UNIQUE INDEX IF NOT EXISTS claims_id ON claims (claim_id);
CREATE UNIQUE INDEX IF NOT EXISTS alerts_id ON alerts (alert_id);
CREATE INDEX IF NOT EXISTS articles_text ON articles (text_sha256);
CREATE INDEX IF NOT EXISTS articles_name ON articles (article);
CREATE INDEX IF NOT EXISTS claims_key ON claims (key, position);
CREATE INDEX IF NOT EXISTS alerts_position ON alerts (position);
"""

# The shape of the read tables, kept in the file header (PRAGMA user_version). A log whose read
# tables have another shape gets them rebuilt when a writer opens it; the events are untouched.
# 2: claims no longer copy each claim's JSON (it is read from its ClaimRecorded event).
# 3: the keys of figures, dated_events, claims and alerts are unique indexes, not primary keys.
# 4: claims keep the claim's total; `data` is computed on read from the row's columns (the
#    claim's fields of the same names; the whole claim is in its ClaimRecorded event).
LAYOUT = 4


def _statements(script: str) -> list[str]:
    return [" ".join(stmt.split()) for stmt in script.split(";") if stmt.strip()]


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Statement by statement, since executescript would commit an open transaction."""
    for stmt in _statements(script):
        conn.execute(stmt)


def ensure(conn: sqlite3.Connection) -> None:
    """Create the read tables; a log that had none yet gets them at the current layout.

    Tables of an older layout are left as they are (their indexes too): `catch_up` rebuilds them.
    """
    fresh = conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").fetchone() is None
    _run_script(conn, SCHEMA)
    if fresh:
        conn.execute(f"PRAGMA user_version = {LAYOUT}")
    if layout_current(conn):
        _run_script(conn, INDEXES)


def layout_current(conn: sqlite3.Connection) -> bool:
    return int(conn.execute("PRAGMA user_version").fetchone()[0]) == LAYOUT


def _j(obj: Any) -> str:
    """Canonical JSON: the same row whether it came from the append or from a replay."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _received(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    c.execute(
        "INSERT INTO articles (sha256, article, status, blob, origin, size, received_position, recorded_at)"
        " VALUES (?,?,?,?,?,?,?,?)",
        (d["sha256"], d["article"], "received", d["blob"], d.get("origin"), d["size"], e.position, e.recorded_at),
    )


def _rejected(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    c.execute("UPDATE articles SET status='rejected', reason=?, code=? WHERE sha256=?", (d["reason"], d["code"], d["sha256"]))


def _duplicate(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    c.execute("UPDATE articles SET status='duplicate', reason=?, duplicate_of=? WHERE sha256=?",
              (d["reason"], d["duplicate_of"], d["sha256"]))


def _parsed(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    c.execute(
        "UPDATE articles SET status='recorded', title=?, source=?, url=?, published=?, published_source=?,"
        " published_confidence=?, format=?, encoding=?, encoding_guessed=?, text_sha256=?, notes=? WHERE sha256=?",
        (d["title"], d["source"], d["url"], d["published"], d["published_source"], d["published_confidence"],
         d["format"], d["encoding"], int(d["encoding_guessed"]), d["text_sha256"], _j(d.get("notes") or []), d["sha256"]),
    )
    c.executemany("INSERT OR IGNORE INTO quote_index VALUES (?, ?)", [(q, d["sha256"]) for q in d.get("quotes") or ()])


def _sha_of(e: StoredEvent) -> str:
    return e.stream_id.split("-", 1)[1]


def _figures(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    sha = _sha_of(e)
    rows = []
    for i, f in enumerate(d["figures"]):
        p = f.get("period") or {}
        rows.append((e.position, sha, d["article"], i, f["text"], f["start"], f["end"], f["value"], f["unit"],
                     f.get("qualifier"), f.get("low"), f.get("high"), f.get("total"), f.get("counted"),
                     p.get("label"), p.get("start"), p.get("end"), f.get("change"), _j(f.get("tags") or []), f["sentence"]))
    c.executemany("INSERT INTO figures VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    c.execute("UPDATE articles SET figures=? WHERE sha256=?", (len(rows), sha))


def _dated(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    sha = _sha_of(e)
    rows = [(e.position, sha, d["article"], i, v["text"], v["date"], v.get("actor"), v.get("verb"), v.get("place"),
             v.get("start"), v.get("end"), v["sentence"]) for i, v in enumerate(d["events"])]
    c.executemany("INSERT INTO dated_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    c.execute("UPDATE articles SET events=? WHERE sha256=?", (len(rows), sha))


def _claim(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    _claims(c, [(e, d)])


def _claims(c: sqlite3.Connection, batch: Sequence[tuple[StoredEvent, dict[str, Any]]]) -> None:
    """ClaimRecorded events in a row (an article's claims): each claim's row and buckets, and each
    article's count, in three statements for the whole run instead of three per claim."""
    rows, buckets = [], []
    counts: dict[str, int] = {}
    for e, d in batch:
        cl = d["claim"]
        p = cl["period"]
        rows.append((cl["claim_id"], e.position, d["article"], cl["key"], cl["label"], cl["value"], cl["unit"],
                     cl["qualifier"], p["label"], p["start"], p["end"], cl["as_of"], cl["published"], cl.get("source"),
                     cl["text"], cl["sentence"], d["decision"], d.get("previous_claim_id"), cl.get("total")))
        buckets.extend((b, e.position, cl["claim_id"]) for b in dict.fromkeys(cl["buckets"]))
        sha = _sha_of(e)
        counts[sha] = counts.get(sha, 0) + 1
    c.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    c.executemany("INSERT OR IGNORE INTO claim_buckets VALUES (?,?,?)", buckets)
    c.executemany("UPDATE articles SET claims=claims+? WHERE sha256=?", [(n, sha) for sha, n in counts.items()])


def _alert(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    _alerts(c, [(e, d)])


def _alerts(c: sqlite3.Connection, batch: Sequence[tuple[StoredEvent, dict[str, Any]]]) -> None:
    """AlertRaised events in a row: their rows, then each article's count, one statement each."""
    counts: dict[str, int] = {}
    for e, _ in batch:
        if e.stream_id.startswith("article-"):
            sha = _sha_of(e)
            counts[sha] = counts.get(sha, 0) + 1
    c.executemany(
        "INSERT INTO alerts (alert_id, position, kind, measure, label, old, new, change, explanation, raised_at)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)",
        [(d["alert_id"], e.position, d["kind"], d["measure"], d["label"], _j(d["old"]), _j(d["new"]),
          _j(d.get("change") or {}), d["explanation"], e.recorded_at) for e, d in batch],
    )
    c.executemany("UPDATE articles SET alerts=alerts+? WHERE sha256=?", [(n, sha) for sha, n in counts.items()])


def _ack(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    c.execute("UPDATE alerts SET acknowledged=1, ack_note=?, acknowledged_at=? WHERE alert_id=?",
              (d.get("note"), e.recorded_at, d["alert_id"]))


def _digest(status: str) -> Callable[[sqlite3.Connection, StoredEvent, dict[str, Any]], None]:
    def apply(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
        c.execute(
            "INSERT INTO digests VALUES (?,?,?,?,?,?,?,?,?,?)",
            (d["digest_id"], e.position, status, d["message_id"], d["through_position"], len(d["alerts"]),
             _j(d.get("recipients") or []), d.get("subject"), d.get("reason"), e.recorded_at),
        )
    return apply


def _notify_failed(c: sqlite3.Connection, e: StoredEvent, d: dict[str, Any]) -> None:
    c.execute("INSERT INTO notifications VALUES (?,?,?,?,?)", (e.position, d["alert_id"], d["url"], d["reason"], e.recorded_at))


HANDLERS: dict[str, Callable[[sqlite3.Connection, StoredEvent, dict[str, Any]], None]] = {
    "ArticleReceived": _received,
    "ArticleRejected": _rejected,
    "ArticleDuplicate": _duplicate,
    "ArticleParsed": _parsed,
    "FiguresExtracted": _figures,
    "EventsExtracted": _dated,
    "ClaimRecorded": _claim,
    "AlertRaised": _alert,
    "AlertAcknowledged": _ack,
    "DigestSent": _digest("sent"),
    "DigestFailed": _digest("failed"),
    "NotificationFailed": _notify_failed,
}


# Types applied together: each only adds rows to tables of its own and counts to articles, so
# an article's claims and alerts, interleaved in the log, commute with each other. Any other
# type applies what is pending first (an acknowledgement, say, updates an alert's row).
BATCHED: dict[str, Callable[[sqlite3.Connection, Sequence[tuple[StoredEvent, dict[str, Any]]]], None]] = {
    "ClaimRecorded": _claims,
    "AlertRaised": _alerts,
}


def project(conn: sqlite3.Connection, events: Sequence[StoredEvent]) -> None:
    """Apply appended events to every read table and move the checkpoints (same transaction)."""
    if not events:
        return
    pending: dict[str, list[tuple[StoredEvent, dict[str, Any]]]] = {}

    def flush() -> None:
        for kind, batch in pending.items():
            BATCHED[kind](conn, batch)
        pending.clear()

    for e in events:
        data = upcast(e.type, e.schema_version, e.data)
        if e.type in BATCHED:
            pending.setdefault(e.type, []).append((e, data))
            continue
        if pending:
            flush()
        handler = HANDLERS.get(e.type)
        if handler is not None:
            handler(conn, e, data)
    flush()
    last = events[-1].position
    conn.executemany(
        "INSERT INTO checkpoints (projection, position) VALUES (?, ?)"
        " ON CONFLICT(projection) DO UPDATE SET position = excluded.position",
        [(name, last) for name in PROJECTIONS],
    )


def drop(conn: sqlite3.Connection) -> None:
    for name in (*PROJECTIONS, "checkpoints"):
        conn.execute(f"DROP TABLE IF EXISTS {name}")


# For the rebuild's connection only, restored afterwards. secure_delete (on in some builds of
# SQLite) would overwrite every page of the dropped tables with zeros, writing the old read tables
# out once more just to erase rows that the events they came from still hold. A large page cache
# keeps the new tables' indexes in memory while the rows go in.
# The commit's own checkpoint is left out (wal_autocheckpoint 0): `rebuild` checkpoints and
# truncates the write-ahead log once the new tables are committed, so a replay does not leave
# a log-sized WAL file behind for the next writer to copy back.
BULK_PRAGMAS = {"secure_delete": "0", "cache_size": "-262144", "temp_store": "2", "wal_autocheckpoint": "0",
                "threads": "2"}


@contextmanager
def bulk_pragmas(conn: sqlite3.Connection) -> Iterator[None]:
    saved = {k: conn.execute(f"PRAGMA {k}").fetchone()[0] for k in BULK_PRAGMAS}
    for k, v in BULK_PRAGMAS.items():
        conn.execute(f"PRAGMA {k} = {v}")
    try:
        yield
    finally:
        for k, v in saved.items():
            conn.execute(f"PRAGMA {k} = {v}")


def rebuild(store: EventStore, *, batch: int = 5000, in_sql: bool = True, parallel: bool = True) -> int:
    """Drop every read table and rebuild it from the whole log, in one transaction.

    Set-based SQL does it when every event is at its current schema (see rebuild_sql), with
    figures and dated events built by a second process meanwhile unless `parallel` is off;
    otherwise, or with in_sql=False, events are replayed one by one through `project`.
    Secondary indexes are created after the rows are in. A crash or an error leaves the old
    read tables as they were (the transaction rolls back); the events are only ever read.
    """
    from . import rebuild_sql

    side = None
    if in_sql and parallel and store.path.is_file():
        side = rebuild_sql.SideBuild(store.path, [table_sql(name) for name in rebuild_sql.SIDE_TABLES], _statements(INDEXES))
    with bulk_pragmas(store.conn), _rebuild_transaction(store.conn, side) as conn:
        drop(conn)
        _run_script(conn, SCHEMA)
        if in_sql and rebuild_sql.applicable(conn):
            if side is not None:
                side.start()
            n = rebuild_sql.run(conn, side, indexes=_statements(INDEXES))
        else:
            _run_script(conn, INDEXES)  # the handlers look rows up by their keys
            n = _replay_events(store, conn, batch)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # does nothing but return busy if a reader holds it up
    return n


@contextmanager
def _rebuild_transaction(conn: sqlite3.Connection, side: Any) -> Iterator[sqlite3.Connection]:
    """One transaction on the log holding its write lock, with the side build's file attached.

    BEGIN IMMEDIATE would take a write lock on every attached file, the side build's included,
    which its own connection is about to write; so BEGIN, then write the log's header first
    (the layout number this rebuild produces), which takes the log's write lock alone, waiting
    for another writer as BEGIN IMMEDIATE would.
    """
    if side is not None:
        side.attach(conn)
    try:
        conn.execute("BEGIN")
        try:
            conn.execute(f"PRAGMA main.user_version = {LAYOUT}")
            yield conn
        except BaseException:
            if side is not None:
                side.stop()
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    finally:
        if side is not None:
            side.detach(conn)
            side.discard()


def table_sql(name: str) -> str:
    """The CREATE TABLE statement of one read table."""
    for stmt in SCHEMA.split(";"):
        if f"CREATE TABLE IF NOT EXISTS {name} (" in stmt:
            return stmt.strip()
    raise KeyError(name)


def _replay_events(store: EventStore, conn: sqlite3.Connection, batch: int) -> int:
    """The reference rebuild: every event through the incremental handlers, in order."""
    n = 0
    chunk: list[StoredEvent] = []
    for ev in store.read(0, batch=batch):
        chunk.append(ev)
        if len(chunk) >= batch:
            project(conn, chunk)
            n += len(chunk)
            chunk = []
    project(conn, chunk)
    return n + len(chunk)


def checkpoints(conn: sqlite3.Connection) -> dict[str, int]:
    return {r[0]: int(r[1]) for r in conn.execute("SELECT projection, position FROM checkpoints")}


def catch_up(store: EventStore) -> int:
    """Apply events the read tables have not seen (e.g. after an upgrade added a table)."""
    if not layout_current(store.conn):
        return rebuild(store)
    cps = checkpoints(store.conn)
    since = min((cps.get(p, 0) for p in PROJECTIONS), default=0)
    head, _ = store.head()
    if since >= head:
        return 0
    if any(cps.get(p, 0) != since for p in PROJECTIONS):
        return rebuild(store)
    n = 0
    with store.transaction() as tx:
        chunk = list(store.read(since))
        project(tx.conn, chunk)
        n = len(chunk)
    return n


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Every read table's rows in a stable order: what replay must reproduce exactly."""
    out = {}
    for name in (*PROJECTIONS, "checkpoints"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})")]
        order = ", ".join('"%s"' % c for c in cols)
        out[name] = [tuple(r) for r in conn.execute(f"SELECT * FROM {name} ORDER BY {order}")]
    return out
