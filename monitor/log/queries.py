"""Read-side queries over the projections, returning plain dicts with stable field names.

These dicts are the JSON contract of the command line (`--json`): renaming a field breaks
users' scripts, so add fields rather than change them.
"""
from __future__ import annotations

import json
import sqlite3
from typing import Any

import sqlite_utils


def _rows(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    return list(sqlite_utils.Database(conn).query(sql, params))


def articles(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    out = _rows(conn, """
        SELECT article, published, published_source, published_confidence, source, title, url, sha256, status, reason,
               code, duplicate_of, format, encoding, encoding_guessed, figures, events, claims, alerts, notes, blob,
               origin, size, received_position AS position, recorded_at
        FROM articles ORDER BY received_position""")
    for a in out:
        a["notes"] = json.loads(a["notes"]) if a["notes"] else []
        a["encoding_guessed"] = bool(a["encoding_guessed"]) if a["encoding_guessed"] is not None else None
    return out


def figures(conn: sqlite3.Connection, article: str | None = None) -> list[dict[str, Any]]:
    where, params = ("WHERE article = ?", (article,)) if article else ("", ())
    out = _rows(conn, f"""
        SELECT article, text, start, "end", value, unit, qualifier, low, high, total, counted, period, period_start,
               period_end, change, tags, sentence
        FROM figures {where} ORDER BY position, idx""", params)
    for f in out:
        f["tags"] = json.loads(f["tags"]) if f["tags"] else []
    return out


def dated_events(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn, """
        SELECT article, date, text, actor, verb, place, start, "end", sentence
        FROM dated_events ORDER BY position, idx""")


def _alert(a: dict[str, Any]) -> dict[str, Any]:
    a["old"] = json.loads(a["old"])
    a["new"] = json.loads(a["new"])
    a["change"] = json.loads(a["change"]) if a["change"] else {}
    a["acknowledged"] = bool(a["acknowledged"])
    return a


def alerts(conn: sqlite3.Connection, *, since: int = 0, pending_only: bool = False) -> list[dict[str, Any]]:
    where = "WHERE position > ?" + (" AND acknowledged = 0" if pending_only else "")
    return [_alert(a) for a in _rows(conn, f"""
        SELECT alert_id, kind, measure, label, old, new, change, explanation, raised_at, acknowledged, ack_note,
               position FROM alerts {where} ORDER BY position""", (since,))]


def measures(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One row per measure with its latest value (by period end, then statement date)."""
    return _rows(conn, """
        WITH ranked AS (
            SELECT key, label, value, unit, period, as_of, source, article, text,
                   ROW_NUMBER() OVER (PARTITION BY key ORDER BY period_end DESC, as_of DESC, position DESC) AS rn,
                   COUNT(*) OVER (PARTITION BY key) AS n
            FROM claims)
        SELECT key AS measure, label, n AS claims, value AS latest_value, unit, period, as_of, source, article, text
        FROM ranked WHERE rn = 1 ORDER BY n DESC, key""")


def timeline(conn: sqlite3.Connection, measure: str) -> list[dict[str, Any]]:
    """Every claim for a measure in period order: exact key first, else a key or label containing the words."""
    cols = """key AS measure, label, value, unit, qualifier, period, period_start, period_end, as_of, published,
              source, article, text, decision, claim_id, sentence"""
    rows = _rows(conn, f"SELECT {cols} FROM claims WHERE key = ? ORDER BY period_end, as_of, position", (measure,))
    if rows:
        return rows
    like = f"%{measure.lower()}%"
    return _rows(conn, f"""SELECT {cols} FROM claims WHERE lower(key) LIKE ? OR lower(label) LIKE ?
                           ORDER BY key, period_end, as_of, position""", (like, like))


def log(conn: sqlite3.Connection, since: int = 0, limit: int | None = None) -> list[dict[str, Any]]:
    return _rows(conn, """
        SELECT position, type, stream_id, stream_version, recorded_at, event_id, hash
        FROM events WHERE position > ? ORDER BY position LIMIT ?""", (since, -1 if limit is None else limit))


def digests(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return _rows(conn, "SELECT * FROM digests ORDER BY position")
