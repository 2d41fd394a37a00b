"""Rebuilding the read tables in SQL, one statement per table, over the whole log.

Replaying event by event in Python spends most of its time decoding each event's JSON and
encoding parts of it again; SQLite's JSON functions do the same work without leaving C.
The stored `data` is canonical JSON (sorted keys, compact), so a subtree extracted with
json_extract is byte for byte what the incremental path stores. The incremental projector
in projections.py stays the reference: a test rebuilds both ways and compares every row.

It applies only while every stored event is at its current schema version: upcasting is
Python code, so a log holding older versions is replayed event by event instead.

The work is split in two: figures and dated events are built by another process into a scratch
file (SideBuild) while the main connection builds the rest, and are then copied in whole.
"""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from .events import EVENT_TYPES
from .projections import PROJECTIONS

J = "json_extract"


def of(type_name: str, alias: str = "") -> str:
    """Rows of one event type at its current schema version: the index on (type, schema_version)
    then yields them in position order, and the statements never read data they do not understand."""
    p = f"{alias}." if alias else ""
    return f"{p}type = '{type_name}' AND {p}schema_version = {EVENT_TYPES[type_name].SCHEMA_VERSION}"


def field(each: str, path: str) -> str:
    """A field of the array element that json_each `each` is at, read from the event's own JSON
    by its full path rather than from the element's `value`: the event text is the same for every
    element, so SQLite reuses its parse (cached per call site), while `value` would be rendered
    and parsed anew for every column."""
    return f"{J}(e.data, {each}.fullkey || '{path}')"


MAIN = [
    # articles: received, then the last rejection, duplicate and parse of each file, in the only
    # orders the app can append them (a retry follows a rejection; nothing follows a parse).
    f"""INSERT INTO articles (sha256, article, status, blob, origin, size, received_position, recorded_at)
        SELECT {J}(data,'$.sha256'), {J}(data,'$.article'), 'received', {J}(data,'$.blob'), {J}(data,'$.origin'),
               {J}(data,'$.size'), position, recorded_at
        FROM events WHERE {of('ArticleReceived')} ORDER BY position""",
    f"""UPDATE articles SET status = 'rejected', reason = r.reason, code = r.code
        FROM (SELECT sha, reason, code FROM (
                SELECT {J}(data,'$.sha256') AS sha, {J}(data,'$.reason') AS reason, {J}(data,'$.code') AS code,
                       ROW_NUMBER() OVER (PARTITION BY {J}(data,'$.sha256') ORDER BY position DESC) AS rn
                FROM events WHERE {of('ArticleRejected')}) WHERE rn = 1) AS r
        WHERE articles.sha256 = r.sha""",
    f"""UPDATE articles SET status = 'duplicate', reason = r.reason, duplicate_of = r.dup
        FROM (SELECT {J}(data,'$.sha256') AS sha, {J}(data,'$.reason') AS reason, {J}(data,'$.duplicate_of') AS dup
              FROM events WHERE {of('ArticleDuplicate')}) AS r
        WHERE articles.sha256 = r.sha""",
    f"""UPDATE articles SET status = 'recorded', title = p.title, source = p.source, url = p.url,
               published = p.published, published_source = p.psrc, published_confidence = p.pconf, format = p.fmt,
               encoding = p.enc, encoding_guessed = p.guessed, text_sha256 = p.tsha, notes = p.notes
        FROM (SELECT {J}(data,'$.sha256') AS sha, {J}(data,'$.title') AS title, {J}(data,'$.source') AS source,
                     {J}(data,'$.url') AS url, {J}(data,'$.published') AS published,
                     {J}(data,'$.published_source') AS psrc, {J}(data,'$.published_confidence') AS pconf,
                     {J}(data,'$.format') AS fmt, {J}(data,'$.encoding') AS enc,
                     {J}(data,'$.encoding_guessed') AS guessed, {J}(data,'$.text_sha256') AS tsha,
                     coalesce({J}(data,'$.notes'), '[]') AS notes
              FROM events WHERE {of('ArticleParsed')}) AS p
        WHERE articles.sha256 = p.sha""",
    f"""INSERT OR IGNORE INTO quote_index
        SELECT q.value, {J}(e.data,'$.sha256') FROM events e, json_each(e.data, '$.quotes') q
        WHERE {of('ArticleParsed', 'e')}""",
    f"""INSERT INTO claims
        SELECT {J}(data,'$.claim.claim_id'), position, {J}(data,'$.article'), {J}(data,'$.claim.key'),
               {J}(data,'$.claim.label'), {J}(data,'$.claim.value'), {J}(data,'$.claim.unit'),
               {J}(data,'$.claim.qualifier'), {J}(data,'$.claim.period.label'), {J}(data,'$.claim.period.start'),
               {J}(data,'$.claim.period.end'), {J}(data,'$.claim.as_of'), {J}(data,'$.claim.published'),
               {J}(data,'$.claim.source'), {J}(data,'$.claim.text'), {J}(data,'$.claim.sentence'),
               {J}(data,'$.decision'), {J}(data,'$.previous_claim_id'), {J}(data,'$.claim.total')
        FROM events WHERE {of('ClaimRecorded')} ORDER BY position""",
    # each claim's id and position from the claims just inserted (one look-up per claim, not one
    # JSON extraction per bucket)
    f"""INSERT OR IGNORE INTO claim_buckets
        SELECT b.value, c.position, c.claim_id
        FROM claims c JOIN events e ON e.position = c.position, json_each(e.data, '$.claim.buckets') b""",
    f"""INSERT INTO alerts (alert_id, position, kind, measure, label, old, new, change, explanation, raised_at)
        SELECT {J}(data,'$.alert_id'), position, {J}(data,'$.kind'), {J}(data,'$.measure'), {J}(data,'$.label'),
               {J}(data,'$.old'), {J}(data,'$.new'), coalesce({J}(data,'$.change'), '{{}}'),
               {J}(data,'$.explanation'), recorded_at
        FROM events WHERE {of('AlertRaised')} ORDER BY position""",
    f"""INSERT INTO digests
        SELECT {J}(data,'$.digest_id'), position, CASE type WHEN 'DigestSent' THEN 'sent' ELSE 'failed' END,
               {J}(data,'$.message_id'), {J}(data,'$.through_position'), json_array_length(data, '$.alerts'),
               coalesce({J}(data,'$.recipients'), '[]'), {J}(data,'$.subject'), {J}(data,'$.reason'), recorded_at
        FROM events WHERE type IN ('DigestSent', 'DigestFailed')""",
    f"""INSERT INTO notifications
        SELECT position, {J}(data,'$.alert_id'), {J}(data,'$.url'), {J}(data,'$.reason'), recorded_at
        FROM events WHERE {of('NotificationFailed')}""",
]

# Figures and dated events: the largest tables, built by the side process when there is one.
SIDE = [
    f"""INSERT INTO figures
        SELECT e.position, substr(e.stream_id, 9), {J}(e.data,'$.article'), f.key, {field('f', '.text')},
               {field('f', '.start')}, {field('f', '.end')}, {field('f', '.value')}, {field('f', '.unit')},
               {field('f', '.qualifier')}, {field('f', '.low')}, {field('f', '.high')}, {field('f', '.total')},
               {field('f', '.counted')}, {field('f', '.period.label')}, {field('f', '.period.start')},
               {field('f', '.period.end')}, {field('f', '.change')}, coalesce({field('f', '.tags')}, '[]'),
               {field('f', '.sentence')}
        FROM events e, json_each(e.data, '$.figures') f WHERE {of('FiguresExtracted', 'e')}""",
    f"""INSERT INTO dated_events
        SELECT e.position, substr(e.stream_id, 9), {J}(e.data,'$.article'), v.key, {field('v', '.text')},
               {field('v', '.date')}, {field('v', '.actor')}, {field('v', '.verb')}, {field('v', '.place')},
               {field('v', '.start')}, {field('v', '.end')}, {field('v', '.sentence')}
        FROM events e, json_each(e.data, '$.events') v WHERE {of('EventsExtracted', 'e')}""",
]

# Per-article counts of claims and alerts, as the incremental path keeps them (one more pass
# over those events). With a side build, that process counts them into its scratch file (it
# finishes before the main connection otherwise) and the main one applies the counts.
_CLAIM_COUNTS = f"""SELECT substr(stream_id, 9) AS sha, COUNT(*) AS n FROM events WHERE {of('ClaimRecorded')}
                    GROUP BY stream_id"""
_ALERT_COUNTS = f"""SELECT substr(stream_id, 9) AS sha, COUNT(*) AS n FROM events
                    WHERE {of('AlertRaised')} AND stream_id LIKE 'article-%' GROUP BY stream_id"""
COUNTS = [
    f"UPDATE articles SET claims = c.n FROM ({_CLAIM_COUNTS}) AS c WHERE articles.sha256 = c.sha",
    f"UPDATE articles SET alerts = c.n FROM ({_ALERT_COUNTS}) AS c WHERE articles.sha256 = c.sha",
]
SIDE_COUNTS = [f"CREATE TABLE claim_counts AS {_CLAIM_COUNTS}", f"CREATE TABLE alert_counts AS {_ALERT_COUNTS}"]


def counts_from_side(alias: str) -> list[str]:
    return [f"UPDATE articles SET claims = c.n FROM {alias}.claim_counts AS c WHERE articles.sha256 = c.sha",
            f"UPDATE articles SET alerts = c.n FROM {alias}.alert_counts AS c WHERE articles.sha256 = c.sha"]


# Statements that look rows up by key: they run once every table is in and indexed.
AFTER_SIDE = [
    f"""UPDATE alerts SET acknowledged = 1, ack_note = a.note, acknowledged_at = a.at
        FROM (SELECT id, note, at FROM (
                SELECT {J}(data,'$.alert_id') AS id, {J}(data,'$.note') AS note, recorded_at AS at,
                       ROW_NUMBER() OVER (PARTITION BY {J}(data,'$.alert_id') ORDER BY position DESC) AS rn
                FROM events WHERE {of('AlertAcknowledged')}) WHERE rn = 1) AS a
        WHERE alerts.alert_id = a.id""",
    f"""UPDATE articles SET figures = c.n FROM (SELECT sha256, COUNT(*) AS n FROM figures GROUP BY sha256) AS c
        WHERE articles.sha256 = c.sha256""",
    f"""UPDATE articles SET events = c.n FROM (SELECT sha256, COUNT(*) AS n FROM dated_events GROUP BY sha256) AS c
        WHERE articles.sha256 = c.sha256""",
]

SIDE_TABLES = ("figures", "dated_events")


def side_indexes(indexes: list[str]) -> list[str]:
    """The index statements on the side tables."""
    return [i for i in indexes if any(f" ON {name} (" in i for name in SIDE_TABLES)]


def applicable(conn: sqlite3.Connection) -> bool:
    """True when no stored event needs upcasting (and no unknown type needs handling).

    The distinct (type, schema_version) pairs are found by seeking through their index, one
    step per pair, rather than by reading every event.
    """
    q = "SELECT type, schema_version FROM events{} ORDER BY type, schema_version LIMIT 1"
    row = conn.execute(q.format("")).fetchone()
    while row is not None:
        cls = EVENT_TYPES.get(row[0])
        if cls is None or cls.SCHEMA_VERSION != row[1]:
            return False
        row = conn.execute(q.format(" WHERE (type, schema_version) > (?, ?)"), row).fetchone()
    return True


def run(conn: sqlite3.Connection, side: "SideBuild | None" = None, *, indexes: list[str]) -> int:
    """Fill the (empty, unindexed) read tables from every event, create `indexes` once the rows
    are in, and set the checkpoints; returns the event count.

    With `side`, figures and dated events are being built (and indexed) by another process
    meanwhile, and are copied in with their indexes once it is done.
    """
    for stmt in MAIN if side is not None else MAIN + COUNTS + SIDE:
        conn.execute(stmt)
    if side is not None:
        mine = [i for i in indexes if i not in side_indexes(indexes)]
        for stmt in side_indexes(indexes):  # on the empty tables, so the copy brings the entries along
            conn.execute(stmt)
        side.join()
        for name in SIDE_TABLES:
            conn.execute(f"INSERT INTO main.{name} SELECT * FROM {SideBuild.ALIAS}.{name}")
        for stmt in counts_from_side(SideBuild.ALIAS):
            conn.execute(stmt)
    else:
        mine = indexes
    for stmt in mine:
        conn.execute(stmt)
    for stmt in AFTER_SIDE:
        conn.execute(stmt)
    head, count = conn.execute("SELECT COALESCE(MAX(position), 0), COUNT(*) FROM events").fetchone()
    if count:
        conn.executemany("INSERT INTO checkpoints (projection, position) VALUES (?, ?)",
                         [(name, head) for name in PROJECTIONS])
    return int(count)


class SideBuild:
    """Figures and dated events built in a scratch file by another process, on another core.

    The JSON work of the rebuild is CPU-bound and splits cleanly by table. A thread would not
    do: as two threads of one process both halves ran at half speed (SQLite keeps allocation
    statistics behind one process-wide mutex, and JSON functions allocate on every call). The scratch file takes rows only from the log's events
    (opened read-only; the same snapshot as the main connection, which holds the write lock
    before this starts), and is copied into the log's transaction as whole tables (SQLite
    moves the records without decoding them). It is a throw-away file beside the log, so it
    is written without a journal or fsync; the log itself is written only by the main
    connection.
    """

    ALIAS = "rebuild_side"

    def __init__(self, db_path: Path, create: list[str], indexes: list[str]) -> None:
        self.db_path = Path(db_path).resolve()
        self.path = self.db_path.with_name(self.db_path.name + ".rebuild")
        self.discard()
        with closing(sqlite3.connect(self.path, isolation_level=None)) as c:
            for stmt in create:
                c.execute(stmt)
        self._indexes = side_indexes(indexes)
        self._proc: subprocess.Popen[bytes] | None = None

    def attach(self, conn: sqlite3.Connection) -> None:
        """Before the main transaction begins: ATTACH is refused inside one."""
        conn.execute(f"ATTACH DATABASE ? AS {self.ALIAS}", (str(self.path),))

    def start(self) -> None:
        self._proc = subprocess.Popen([sys.executable, "-m", __name__, str(self.db_path), str(self.path), *self._indexes],
                                      stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def join(self) -> None:
        assert self._proc is not None
        _, err = self._proc.communicate()
        if self._proc.returncode != 0:
            raise RuntimeError(f"building figures and dated events failed: {err.decode(errors='replace').strip()[-800:]}")

    def stop(self) -> None:
        """The main side failed: end the scratch build and wait for it."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.communicate()

    def detach(self, conn: sqlite3.Connection) -> None:
        conn.execute(f"DETACH DATABASE {self.ALIAS}")

    def discard(self) -> None:
        for suffix in ("", "-journal"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)


def build_side(db_path: str, scratch: str, indexes: list[str]) -> None:
    """The side build's own process: the SIDE statements from the log into the scratch file,
    then the side tables' indexes."""
    with closing(sqlite3.connect(f"file:{quote(scratch)}", isolation_level=None, uri=True)) as conn:
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -131072", "temp_store = 2", "threads = 2"):
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("ATTACH DATABASE ? AS log", (f"file:{quote(db_path)}?mode=ro",))
        conn.execute("BEGIN")
        for stmt in SIDE + indexes + SIDE_COUNTS:
            conn.execute(stmt)
        conn.execute("COMMIT")


if __name__ == "__main__":
    build_side(sys.argv[1], sys.argv[2], sys.argv[3:])
