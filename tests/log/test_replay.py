"""Both ways of rebuilding the read tables give exactly what the incremental path built."""
from __future__ import annotations

from pathlib import Path

from monitor.app import Monitor
from monitor.config import load
from monitor.log import projections
from monitor.log.events import DigestFailed, DigestSent, NotificationFailed
from monitor.log.store import NewEvent, event_id

OLD = ("---\npublished: 2025-04-01\nsource: Valley Times\n---\n"
       "Officials said at least 40 people were killed and 120 injured in the floods around Lake Merrow on Monday.\n")
NEW = ("---\npublished: 2025-04-03\nsource: Coast Herald\n---\n"
       "The death toll from the Lake Merrow floods rose to 95, officials said, and 300 people were injured.\n"
       "\"We are still searching,\" said a rescuer.\n")


def test_sql_and_event_by_event_rebuilds_match_incremental(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n[read]\nmax_bytes = 180\n')
    files = {"old.txt": OLD, "new.txt": NEW, "empty.txt": " \n", "copy.txt": OLD.replace("\n", "\n\n")}
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    with Monitor(load(tmp_path / "config.toml")) as mon:
        for name in files:
            mon.ingest_path(tmp_path / name)
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    with Monitor(load(tmp_path / "config.toml")) as mon:
        # the long file was rejected for its size; a retry records it, continuing its stream
        assert mon.ingest_path(tmp_path / "new.txt", retry=True).status == "recorded"
        alerts = mon.store.conn.execute("SELECT alert_id FROM alerts").fetchall()
        assert alerts, "the toll rising from 40 to 95 should raise an alert"
        mon.acknowledge(alerts[0][0], note="seen")
        with mon.store.transaction() as tx:
            tx.append("digest", [
                NewEvent(event_id("digest", "DigestFailed", 0), "digest", DigestFailed(
                    digest_id="d1", message_id="<m1@x>", through_position=5, alerts=["a"], reason="refused")),
                NewEvent(event_id("digest", "DigestSent", 1), "digest", DigestSent(
                    digest_id="d1", message_id="<m1@x>", through_position=5, alerts=["a"], recipients=["x@y.z"],
                    subject="[monitor] 1 update")),
                NewEvent(event_id("digest", "NotificationFailed", 2), "digest", NotificationFailed(
                    alert_id="a", url="json://127.0.0.1:1/", reason="refused")),
            ])
        incremental = projections.dump(mon.store.conn)
        statuses = sorted(r[2] for r in incremental["articles"])
        assert statuses == ["duplicate", "recorded", "recorded", "rejected"]
        assert incremental["digests"] and incremental["notifications"] and incremental["quote_index"] is not None

        n_python = projections.rebuild(mon.store, in_sql=False)
        by_event = projections.dump(mon.store.conn)
        n_sql = projections.rebuild(mon.store)
        in_sql = projections.dump(mon.store.conn)
        n_serial = projections.rebuild(mon.store, parallel=False)
        serial = projections.dump(mon.store.conn)
    assert n_python == n_sql == n_serial == mon_events(tmp_path)
    assert by_event == incremental
    assert in_sql == incremental
    assert serial == incremental
    assert not list(tmp_path.glob("state/*.rebuild*")), "the side build's scratch file is removed"


def test_layout_change_rebuilds_read_tables_on_open(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    (tmp_path / "old.txt").write_text(OLD)
    with Monitor(load(tmp_path / "config.toml")) as mon:
        mon.ingest_path(tmp_path / "old.txt")
        before = projections.dump(mon.store.conn)
        mon.store.conn.execute("PRAGMA user_version = 1")  # as a log written before the current layout
        mon.store.conn.execute("DELETE FROM figures")
    with Monitor(load(tmp_path / "config.toml")) as mon:
        assert projections.layout_current(mon.store.conn)
        assert projections.dump(mon.store.conn) == before


def mon_events(tmp_path: Path) -> int:
    with Monitor(load(tmp_path / "config.toml"), readonly=True) as mon:
        return mon.store.count()
