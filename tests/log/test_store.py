"""The event store's guarantees, checked against a real SQLite file.

Written as one contract class over a `store` fixture so a second backend can run the same
tests by adding a fixture parameter.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from monitor.log import projections
from monitor.log.events import AlertAcknowledged, ArticleRejected, decode
from monitor.log.store import ConcurrencyError, DuplicateEventError, EventStore, NewEvent


def ev(stream: str, n: int, reason: str = "x") -> NewEvent:
    return NewEvent(f"{stream}:{n}", stream, ArticleRejected(article="a.txt", sha256="s" * 64, code="empty", reason=reason))


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    s = EventStore(tmp_path / "monitor.db", projectors=[projections.project])
    projections.ensure(s.conn)
    yield s
    s.close()


def raw(path: Path) -> sqlite3.Connection:
    """A plain sqlite3 connection, as the sqlite3 shell or Datasette would open the file."""
    return sqlite3.connect(path, isolation_level=None)


class TestEventStoreContract:
    def test_append_and_read_back_in_order(self, store: EventStore) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0), ev("s1", 1)], expected_version=-1)
        with store.transaction() as tx:
            tx.append("s2", [ev("s2", 0)], expected_version=-1)
        got = list(store.read())
        assert [(e.stream_id, e.stream_version) for e in got] == [("s1", 0), ("s1", 1), ("s2", 0)]
        assert [e.position for e in got] == sorted(e.position for e in got)
        assert decode(got[0].type, got[0].schema_version, got[0].data).reason == "x"

    def test_update_is_refused_by_the_file_itself(self, store: EventStore) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0)])
        c = raw(store.path)
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            c.execute("UPDATE events SET data = '{}'")
        assert list(store.read())[0].data["reason"] == "x"

    def test_delete_is_refused_by_the_file_itself(self, store: EventStore) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0)])
        c = raw(store.path)
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            c.execute("DELETE FROM events")
        assert store.count() == 1

    @pytest.mark.parametrize("clash", ["event_id", "stream_version", "position"])
    def test_insert_or_replace_is_refused_without_recursive_triggers(self, store: EventStore, clash: str) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0)])
        c = raw(store.path)
        assert c.execute("PRAGMA recursive_triggers").fetchone()[0] == 0  # a client that never turned them on
        row = c.execute("SELECT position, event_id, stream_id, stream_version FROM events").fetchone()
        pos, eid, sid, ver = row
        values = {
            "event_id": (None, eid, "other", 5),
            "stream_version": (None, "new-id", sid, ver),
            "position": (pos, "new-id", "other", 5),
        }[clash]
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            c.execute(
                "INSERT OR REPLACE INTO events (position, event_id, stream_id, stream_version, type, schema_version,"
                " data, metadata, recorded_at, prev_hash, hash) VALUES (?,?,?,?,'T',1,'{}','{}','t','p','h')",
                values,
            )
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            c.execute(
                "INSERT OR IGNORE INTO events (position, event_id, stream_id, stream_version, type, schema_version,"
                " data, metadata, recorded_at, prev_hash, hash) VALUES (?,?,?,?,'T',1,'{}','{}','t','p','h')",
                values,
            )
        assert [(e.event_id, e.data["reason"]) for e in store.read()] == [(eid, "x")]

    def test_concurrent_append_at_a_taken_version_raises(self, store: EventStore, tmp_path: Path) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0)], expected_version=-1)
        with pytest.raises(ConcurrencyError, match="expected -1"):
            with store.transaction() as tx:
                tx.append("s1", [ev("s1", 1)], expected_version=-1)
        other = EventStore(store.path)
        with other.transaction() as tx:
            tx.append("s1", [ev("s1", 9)], expected_version=0)
        other.close()
        with pytest.raises(ConcurrencyError):
            with store.transaction() as tx:
                tx.append("s1", [ev("s1", 10)], expected_version=0)
        assert store.count() == 2

    def test_duplicate_event_id_is_an_error_not_a_silent_drop(self, store: EventStore) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0)])
        with pytest.raises(DuplicateEventError):
            with store.transaction() as tx:
                tx.append("s2", [NewEvent("s1:0", "s2", AlertAcknowledged(alert_id="a"))])
        assert store.count() == 1

    def test_failed_transaction_leaves_nothing(self, store: EventStore) -> None:
        with pytest.raises(RuntimeError):
            with store.transaction() as tx:
                tx.append("s1", [ev("s1", 0)])
                raise RuntimeError("crash mid-article")
        assert store.count() == 0
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0)], expected_version=-1)
        assert store.count() == 1

    def test_positions_are_never_reused(self, store: EventStore) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 0)])
        first = store.head()[0]
        with pytest.raises(RuntimeError):
            with store.transaction() as tx:
                tx.append("s1", [ev("s1", 1)])
                raise RuntimeError
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", 1)])
        assert store.head()[0] > first

    def test_verify_passes_then_catches_tampering(self, store: EventStore) -> None:
        with store.transaction() as tx:
            tx.append("s1", [ev("s1", i, reason=f"r{i}") for i in range(5)])
        broken, head, n = store.verify()
        assert broken is None and n == 5 and head == store.head()[1]
        c = raw(store.path)
        c.execute("DROP TRIGGER events_no_update")
        target = c.execute("SELECT position FROM events ORDER BY position LIMIT 1 OFFSET 2").fetchone()[0]
        c.execute("UPDATE events SET data = replace(data, 'r2', 'r9') WHERE position = ?", (target,))
        broken, _, _ = store.verify()
        assert broken == target

    def test_pragmas(self, store: EventStore) -> None:
        c = store.conn
        assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert c.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert c.execute("PRAGMA recursive_triggers").fetchone()[0] == 1
        assert c.execute("PRAGMA busy_timeout").fetchone()[0] > 0
