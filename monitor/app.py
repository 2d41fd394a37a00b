"""The use cases: the only place that wires read, extract, claims and the log together.

One file = one transaction: everything learnt from an article (received, parsed, figures,
dated events, claims, alerts) is appended in a single BEGIN IMMEDIATE, after its original
bytes are safely in the blob store. The pure stages run before the lock is taken, so the
write lock is held only for the look-up of earlier claims and the append itself.
"""
from __future__ import annotations

import gc
import hashlib
import io
import logging
import multiprocessing
import os
import tempfile
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, BinaryIO

from pydantic_core import from_json

from . import claims as claims_pkg
from . import extract as extract_pkg
from .claims.match import could_match
from .config import AlertsConfig, Config
from .log import projections
from .log.events import (
    AlertAcknowledged,
    AlertRaised,
    ArticleDuplicate,
    ArticleParsed,
    ArticleReceived,
    ArticleRejected,
    ClaimRecorded,
    Event,
    EventsExtracted,
    FiguresExtracted,
    upcast,
)
from .log.store import Encoded, EventStore, NewEvent, Transaction, encode, event_id, secure_dir
from .models import Article, Claim, Decision, Extraction, Rejection
from .read import WEAK_SOURCES, ReadOptions, corroborate_date, quote_fingerprints, read_article

CANDIDATES_PER_BUCKET = 200
CLAIM_CACHE_SIZE = 5000
# The collector's first generation is collected every GC_YOUNG allocations (Python's default: 700). The writer
# allocates some hundred thousand short-lived objects per article while it keeps thousands of parsed claims
# and their signatures; with the default, collections (mostly full ones over that cache) took about a tenth
# of its CPU time. Nothing the writer frees depends on the collector: reference counting frees it.
GC_YOUNG = 50_000
WARM_UP_TEXT = b"Officials said 120 people were injured on Tuesday, up from 90 a day earlier.\n"
log = logging.getLogger("monitor.app")


@dataclass(slots=True)
class IngestResult:
    """What happened to one file, for the one log line and the exit code."""

    article: str
    status: str  # recorded | duplicate | rejected | failed
    reason: str | None = None
    sha256: str | None = None
    figures: int = 0
    events: int = 0
    claims: int = 0
    alerts: list[dict[str, Any]] = field(default_factory=list)
    published: str | None = None
    timings: dict[str, float] = field(default_factory=dict)  # ms: read, extract, reconcile, commit

    def line(self) -> str:
        if self.status == "recorded":
            n = len(self.alerts)
            return (f"{self.article}: recorded ({self.figures} figures, {self.events} dated events, "
                    f"{n} alert{'s' if n != 1 else ''})")
        return f"{self.article}: {self.status}" + (f": {self.reason}" if self.reason else "")


def alert_id_for(claim_id: str, previous_id: str | None) -> str:
    return hashlib.sha256(f"{claim_id}|{previous_id}".encode()).hexdigest()[:12]


def _side(c: Claim) -> dict[str, Any]:
    return {
        "article": c.article,
        "claim_id": c.claim_id,
        "text": c.text,
        "sentence": c.sentence,
        "value": c.value,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "low": c.low,
        "high": c.high,
        "total": c.total,
        "period": c.period.label,
        "as_of": c.as_of.isoformat(),
        "published": c.published.isoformat(),
        "source": c.source,
    }


def relax_gc() -> None:
    """Collect the young generation less often (see GC_YOUNG); a higher setting made by the caller stays."""
    young, *older = gc.get_threshold()
    if 0 < young < GC_YOUNG:
        gc.set_threshold(GC_YOUNG, *older)


def read_options(config: Config) -> ReadOptions:
    """The reader's settings from the [read] table."""
    return ReadOptions(extensions=tuple(config.read.extensions), max_bytes=config.read.max_bytes)


def alert_passes(decision: Decision, settings: AlertsConfig) -> bool:
    """The user's [alerts] settings: which decisions become alerts."""
    if not decision.alerts or decision.kind not in settings.kinds:
        return False
    hay = f"{decision.claim.key} {decision.claim.label}".lower()
    if any(m.lower() in hay for m in settings.mute):
        return False
    if settings.min_relative_change > 0 and decision.previous is not None:
        old = decision.previous.value
        rel = decision.change.get("relative")
        if rel is None and old:
            rel = (decision.claim.value - old) / abs(old)
        if rel is not None and abs(rel) < settings.min_relative_change:
            return False
    return True


def keep_stream(f: BinaryIO, state: Path, limit: int) -> tuple[str, int, str, bytes | None]:
    """Stream into a temporary file, fsync, then rename to blobs/<sha[:2]>/<sha>.

    Large files are never read whole into memory; only up to `limit` bytes are returned.
    Returns (sha256, size, blob path relative to state, the bytes if within the limit).
    """
    h = hashlib.sha256()
    fd, tmp = tempfile.mkstemp(dir=state / "blobs", prefix=".incoming-")
    size = 0
    head = bytearray()
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := f.read(1 << 20):
                h.update(chunk)
                out.write(chunk)
                size += len(chunk)
                if size <= limit:
                    head += chunk
            out.flush()
            os.fsync(out.fileno())
        sha = h.hexdigest()
        rel = Path("blobs") / sha[:2] / sha
        dest = state / rel
        if dest.exists():
            os.unlink(tmp)
        else:
            dest.parent.mkdir(exist_ok=True)
            os.replace(tmp, dest)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return sha, size, str(rel), (bytes(head) if size <= limit else None)


@dataclass(slots=True)
class Ahead:
    """The pure stages' work on one article, done before its turn to be recorded (maybe in
    another process). Valid only for the article exactly as parsed: if the writer dates it
    differently (corroboration from the log), extraction and claims are made again."""

    parsed: Article | Rejection
    extraction: Extraction | None = None
    claims: list[Claim] | None = None
    read_ms: float = 0.0
    extract_ms: float = 0.0
    stored: list[Encoded] | None = None  # FiguresExtracted and EventsExtracted, ready to append


@dataclass(slots=True)
class Prepared:
    """One file after the steps that do not touch the log: kept, read, extracted, claimed."""

    name: str
    origin: str
    sha: str | None = None
    size: int | None = None
    blob: str | None = None
    mtime: datetime | None = None
    data: bytes | None = None
    ahead: Ahead | None = None
    failed: str | None = None  # why the file could not be read at all


def work_ahead(name: str, data: bytes, mtime: datetime | None, options: ReadOptions) -> Ahead:
    """read + extract + claims for one article: pure, deterministic, no I/O."""
    t0 = time.perf_counter()
    parsed = read_article(name, data, mtime=mtime, options=options)
    t1 = time.perf_counter()
    if isinstance(parsed, Rejection):
        return Ahead(parsed, read_ms=(t1 - t0) * 1e3)
    ex = extract_pkg.extract(parsed.clean, parsed.published)
    claims = claims_pkg.make_claims(parsed, ex.figures)
    stored = extraction_events(parsed.name, ex)
    return Ahead(parsed, ex, claims, (t1 - t0) * 1e3, (time.perf_counter() - t1) * 1e3, stored)


def extraction_events(name: str, ex: Extraction) -> list[Encoded]:
    """An article's extraction as the two events that store it, encoded for the log."""
    return [encode(FiguresExtracted(article=name, extractor=ex.version, figures=[f.to_dict() for f in ex.figures])),
            encode(EventsExtracted(article=name, extractor=ex.version, events=[e.to_dict() for e in ex.events]))]


_UNREADABLE = (FileNotFoundError, PermissionError, IsADirectoryError)


def unreadable(exc: OSError) -> str:
    """Why a file in the inbox could not be read, in the user's words."""
    if isinstance(exc, FileNotFoundError):
        return "the file disappeared before it could be read"
    if isinstance(exc, PermissionError):
        return "the file cannot be read (permission denied)"
    return "this is a folder, not a file"


def prepare(path: Path, state: Path, options: ReadOptions, max_bytes: int) -> Prepared | None:
    """Keep a file's bytes and run the pure stages on them; None for a symbolic link (the
    writer records those itself: there is nothing to read)."""
    path = Path(path)
    if path.is_symlink():
        return None
    prep = Prepared(path.name, str(path))
    t0 = time.perf_counter()
    try:
        prep.mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
        with open(path, "rb") as f:
            prep.sha, prep.size, prep.blob, prep.data = keep_stream(f, state, max_bytes)
    except _UNREADABLE as exc:
        prep.failed = unreadable(exc)
    if prep.data is not None:
        keep_ms = (time.perf_counter() - t0) * 1e3
        prep.ahead = work_ahead(prep.name, prep.data, prep.mtime, options)
        prep.ahead.read_ms += keep_ms
    return prep


class Monitor:
    """One state folder: the event log, its read tables and the blob store."""

    def __init__(self, config: Config, *, readonly: bool = False) -> None:
        self.config = config
        self.state = config.state
        if not readonly:
            secure_dir(self.state)
            secure_dir(self.state / "blobs")
        elif not config.db_path.exists():
            raise FileNotFoundError(f"no event log at {config.db_path} yet: ingest something first")
        self.store = EventStore(config.db_path, projectors=[projections.project], readonly=readonly,
                                background_checkpoint=not readonly)
        if not readonly:
            relax_gc()
            projections.ensure(self.store.conn)
            projections.catch_up(self.store)
        self.read_options = read_options(config)
        self.listeners: list[Callable[[dict[str, Any]], None]] = []
        self._claims: OrderedDict[str, Claim] = OrderedDict()
        self._sigs: dict[str, Any] = {}  # comparison signatures of cached claims, filled by the claims package

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Monitor":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- blobs ---------------------------------------------------------------------------------

    def _keep(self, src: Path) -> tuple[str, int, str, bytes | None]:
        """Copy the file into the content-addressed blob store before anything else happens.

        Returns (sha256, size, blob path relative to state, the bytes if small enough to read).
        """
        with open(src, "rb") as f:
            return self._keep_stream(f)

    def _keep_bytes(self, data: bytes) -> tuple[str, str]:
        sha, _, rel, _ = self._keep_stream(io.BytesIO(data))
        return sha, rel

    def _keep_stream(self, f: BinaryIO) -> tuple[str, int, str, bytes | None]:
        return keep_stream(f, self.state, self.config.read.max_bytes)

    # -- ingest --------------------------------------------------------------------------------

    def known_sha(self, sha: str) -> dict[str, Any] | None:
        row = self.store.conn.execute("SELECT article, status FROM articles WHERE sha256 = ?", (sha,)).fetchone()
        return {"article": row[0], "status": row[1]} if row else None

    def ingest_path(self, path: Path, *, name: str | None = None, retry: bool = False) -> IngestResult:
        """Read one file and record everything learnt from it in one transaction.

        `retry` lets a file that was rejected before (same bytes) be read again, e.g. after the
        user raised `read.max_bytes`; its new events continue the same article stream.
        """
        path = Path(path)
        name = name or path.name
        t0 = time.perf_counter()
        if path.is_symlink():
            target = os.readlink(path)
            sha, rel = self._keep_bytes(f"symlink -> {target}".encode())
            reason = (f"this is a symbolic link (to {target}); links are not followed, so a shared folder cannot "
                      "make the monitor read files outside it. Copy the file itself into the inbox instead")
            prior = self.known_sha(sha)
            if prior is not None and not (retry and prior["status"] == "rejected"):
                return IngestResult(name, "duplicate", f"same link as {prior['article']}, already {prior['status']}", sha)
            received = None if prior else ArticleReceived(
                article=name, sha256=sha, size=len(target), blob=rel, origin=str(path), mtime=None)
            return self._record_rejection(name, sha, received, Rejection("symlink", reason), t0)
        try:
            mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
            sha, size, rel, data = self._keep(path)
        except _UNREADABLE as exc:
            return IngestResult(name, "failed", unreadable(exc))
        return self.ingest_bytes(name, data, sha=sha, size=size, blob=rel, origin=str(path), mtime=mtime, t0=t0,
                                 retry=retry)

    def ingest_bytes(self, name: str, data: bytes | None, *, sha: str | None = None, size: int | None = None,
                     blob: str | None = None, origin: str | None = None, mtime: datetime | None = None,
                     t0: float | None = None, retry: bool = False, ahead: Ahead | None = None) -> IngestResult:
        """Record one file's bytes; `ahead` carries the pure stages' work if it was done already."""
        t0 = t0 if t0 is not None else time.perf_counter()
        if sha is None or blob is None:
            assert data is not None
            sha, blob = self._keep_bytes(data)
            size = len(data)
        assert size is not None
        prior = self.known_sha(sha)
        if prior is not None and not (retry and prior["status"] == "rejected"):
            return IngestResult(name, "duplicate", f"same bytes as {prior['article']}, already {prior['status']}", sha)
        received = None if prior else ArticleReceived(
            article=name, sha256=sha, size=size, blob=blob, origin=origin, mtime=mtime.isoformat() if mtime else None)
        if data is None:
            lim = self.config.read.max_bytes
            rej = Rejection("too_large", f"the file is {size / 1e6:.1f} MB, over the {lim / 1e6:.1f} MB limit (read.max_bytes)")
            return self._record_rejection(name, sha, received, rej, t0)
        parsed = ahead.parsed if ahead is not None else read_article(name, data, mtime=mtime, options=self.read_options)
        t_read = time.perf_counter()
        if isinstance(parsed, Rejection):
            return self._record_rejection(name, sha, received, parsed, t0)
        if parsed.published_source in WEAK_SOURCES:
            dated = self._corroborate(parsed)
            if dated is not parsed:
                ahead = None  # dated from the log: its figures' periods must be worked out again
            parsed = dated
        return self._record_article(parsed, received, t0, t_read, ahead)

    def ingest_prepared(self, prep: Prepared) -> IngestResult:
        """Record a file whose pure stages ran ahead (see `prepare`): the same decisions as
        ingest_path, since everything that depends on the log happens here, in order."""
        if prep.failed is not None or prep.sha is None:
            return IngestResult(prep.name, "failed", prep.failed)
        return self.ingest_bytes(prep.name, prep.data, sha=prep.sha, size=prep.size, blob=prep.blob,
                                 origin=prep.origin, mtime=prep.mtime, ahead=prep.ahead)

    def _corroborate(self, art: Article) -> Article:
        """Date a weakly dated article from a firmly dated one that quotes the same words.

        Candidates come from the quote index (firmly dated articles only), so this never
        scans history; the few candidates are re-read from their kept originals.
        """
        fps = quote_fingerprints(art.text)
        if not fps:
            return art
        rows = self.store.conn.execute(
            f"SELECT a.sha256, a.article, a.blob FROM quote_index q JOIN articles a USING (sha256)"
            f" WHERE q.fingerprint IN ({','.join('?' * len(fps))})"
            f" GROUP BY a.sha256 ORDER BY COUNT(*) DESC, a.received_position DESC LIMIT 5", fps).fetchall()
        earlier = []
        for _sha, name, blob in rows:
            try:
                other = read_article(name, (self.state / blob).read_bytes(), mtime=None, options=self.read_options)
            except OSError:
                continue
            if isinstance(other, Article):
                earlier.append(other)
        return corroborate_date(art, earlier)

    def _append(self, tx: Transaction, stream: str, received: ArticleReceived | None,
                payloads: list[Event | Encoded]) -> None:
        """Append one article's events; a retry continues the stream where the rejection left it."""
        base = -1 if received is not None else tx.stream_version(stream)
        if received is not None:
            payloads = [received, *payloads]
        evs = []
        for i, p in enumerate(payloads):
            enc = p if isinstance(p, Encoded) else None
            ev = enc.payload if enc is not None else p
            evs.append(NewEvent(event_id(stream, ev.type_name(), base + 1 + i), stream, ev, encoded=enc))
        tx.append(stream, evs, expected_version=base)

    def _unchanged(self, sha: str, received: ArticleReceived | None) -> bool:
        """Inside the write lock: is the article still as we saw it before taking the lock?"""
        prior = self.known_sha(sha)
        return (prior is None) if received is not None else (prior is not None and prior["status"] == "rejected")

    def _record_rejection(self, name: str, sha: str, received: ArticleReceived | None, rej: Rejection,
                          t0: float) -> IngestResult:
        stream = f"article-{sha}"
        with self.store.transaction() as tx:
            if not self._unchanged(sha, received):
                return IngestResult(name, "duplicate", "same bytes as a file already recorded", sha)
            self._append(tx, stream, received, [ArticleRejected(article=name, sha256=sha, code=rej.code, reason=rej.reason)])
        return IngestResult(name, "rejected", rej.reason, sha, timings={"total": (time.perf_counter() - t0) * 1e3})

    def _record_article(self, art: Article, received: ArticleReceived | None, t0: float, t_read: float,
                        ahead: Ahead | None = None) -> IngestResult:
        stream = f"article-{art.sha256}"
        if ahead is not None and ahead.extraction is not None and ahead.claims is not None:
            ex, new_claims = ahead.extraction, ahead.claims
            stored = ahead.stored
            t_extract = t_read
            read_ms, extract_ms = ahead.read_ms, ahead.extract_ms
        else:
            ex = extract_pkg.extract(art.clean, art.published)
            new_claims = claims_pkg.make_claims(art, ex.figures)
            stored = None
            t_extract = time.perf_counter()
            read_ms, extract_ms = (t_read - t0) * 1e3, (t_extract - t_read) * 1e3
        result = IngestResult(art.name, "recorded", sha256=art.sha256, figures=len(ex.figures), events=len(ex.events),
                              claims=len(new_claims), published=art.published.isoformat())
        with self.store.transaction() as tx:
            if not self._unchanged(art.sha256, received):
                return IngestResult(art.name, "duplicate", "same bytes as a file already recorded", art.sha256)
            dup = tx.conn.execute(
                "SELECT article FROM articles WHERE text_sha256 = ? AND status = 'recorded' LIMIT 1", (art.text_sha256,)
            ).fetchone()
            if dup is not None:
                reason = f"same text as {dup[0]} (only whitespace or the file name differ)"
                self._append(tx, stream, received, [ArticleDuplicate(
                    article=art.name, sha256=art.sha256, duplicate_of=dup[0], reason=reason)])
                return IngestResult(art.name, "duplicate", reason, art.sha256)
            if len(self._sigs) > 2 * CLAIM_CACHE_SIZE:
                self._sigs.clear()  # entries of claims that left the cache: start afresh rather than grow
            # only the earlier claims some new claim could match: the decisions are the same without the rest
            known = could_match(new_claims, self._candidates(tx, new_claims), self._sigs)
            decisions = claims_pkg.reconcile(new_claims, known, self._sigs)
            t_rec = time.perf_counter()
            evs: list[Event | Encoded] = []
            add = evs.append
            add(ArticleParsed(
                article=art.name, sha256=art.sha256, text_sha256=art.text_sha256, format=art.format,
                encoding=art.encoding, encoding_guessed=art.encoding_guessed, title=art.title, source=art.source,
                url=art.url, published=art.published.isoformat(), published_source=art.published_source,
                published_confidence=art.published_confidence, notes=list(art.notes), chars=len(art.text),
                quotes=[] if art.published_source in WEAK_SOURCES else quote_fingerprints(art.text)))
            evs.extend(stored if stored is not None else extraction_events(art.name, ex))
            for d in decisions:
                add(ClaimRecorded(article=art.name, claim=d.claim.to_dict(), decision=d.kind,
                                                   previous_claim_id=d.previous.claim_id if d.previous else None))
                for a in (d, *d.also):
                    if a.previous is not None and alert_passes(a, self.config.alerts):
                        alert = AlertRaised(
                            alert_id=alert_id_for(a.claim.claim_id, a.previous.claim_id), kind=a.kind,
                            measure=d.claim.key, label=d.claim.label, old=_side(a.previous), new=_side(d.claim),
                            change=a.change, explanation=a.explanation)
                        add(alert)
                        result.alerts.append(alert.model_dump(mode="json"))
            self._append(tx, stream, received, evs)
        for d in decisions:
            self._remember(d.claim)
        t_end = time.perf_counter()
        result.timings = {"read": read_ms, "extract": extract_ms,
                          "reconcile": (t_rec - t_extract) * 1e3, "commit": (t_end - t_rec) * 1e3,
                          "total": read_ms + extract_ms + (t_end - t_extract) * 1e3}
        for alert_data in result.alerts:
            for listener in self.listeners:
                try:
                    listener(alert_data)
                except Exception:  # the article is committed; a notifier's failure must not undo that
                    log.exception("alert listener %r failed for alert %s", listener, alert_data.get("alert_id"))
        return result

    def warm_up(self) -> None:
        """Run the pure stages once on a tiny text, recording nothing.

        Their language data loads lazily (a fraction of a second), which would otherwise land
        on the first file a daemon receives and on its alert's latency.
        """
        art = read_article("warm-up.txt", WARM_UP_TEXT, mtime=None, options=self.read_options)
        if isinstance(art, Article):
            ex = extract_pkg.extract(art.clean, art.published)
            claims_pkg.reconcile(claims_pkg.make_claims(art, ex.figures), [])

    def _candidates(self, tx: Transaction, new: list[Claim]) -> list[Claim]:
        """Earlier claims sharing a bucket with any new claim: an indexed look-up, never a scan."""
        buckets = sorted({b for c in new for b in c.buckets})
        if not buckets:
            return []
        ids: dict[str, int] = {}
        for b in buckets:
            ids.update(tx.conn.execute(
                "SELECT claim_id, position FROM claim_buckets WHERE bucket = ? ORDER BY position DESC LIMIT ?",
                (b, CANDIDATES_PER_BUCKET)).fetchall())
        if not ids:
            return []
        ordered = sorted(ids, key=ids.__getitem__)
        cache = self._claims
        missing = [c for c in ordered if c not in cache]
        remember = self._remember
        for i in range(0, len(missing), 500):
            part = missing[i:i + 500]
            for _, version, data in tx.conn.execute(
                    "SELECT c.claim_id, e.schema_version, e.data FROM claims c JOIN events e ON e.position = c.position"
                    f" WHERE c.claim_id IN ({','.join('?' * len(part))})", part):
                # pydantic's JSON parser: the same objects as json.loads (checked), in less than half the time
                remember(Claim.from_dict(upcast("ClaimRecorded", version, from_json(data))["claim"]))
        out = []
        get, to_end, add = cache.get, cache.move_to_end, out.append
        for c in ordered:
            claim = get(c)
            if claim is not None:
                to_end(c)
                add(claim)
        return out

    def _remember(self, claim: Claim) -> None:
        """Keep recently used stored claims parsed: the same measures come back article after article.

        Safe because a recorded claim never changes (the claims package returns new objects
        rather than mutating the ones it is given).
        """
        self._claims[claim.claim_id] = claim
        if len(self._claims) > CLAIM_CACHE_SIZE:
            gone, _ = self._claims.popitem(last=False)
            self._sigs.pop(gone, None)

    # -- other use cases -----------------------------------------------------------------------

    def acknowledge(self, alert_prefix: str, note: str | None = None) -> str:
        rows = self.store.conn.execute("SELECT alert_id, acknowledged FROM alerts WHERE alert_id LIKE ?",
                                       (alert_prefix + "%",)).fetchall()
        if not rows:
            raise LookupError(f"no alert with id {alert_prefix!r}")
        if len(rows) > 1:
            raise LookupError(f"{len(rows)} alerts start with {alert_prefix!r}: give more characters")
        alert_id, acked = rows[0]
        if acked:
            raise LookupError(f"alert {alert_id} is already acknowledged")
        stream = f"alert-{alert_id}"
        with self.store.transaction() as tx:
            tx.append(stream, [NewEvent(event_id(stream, "AlertAcknowledged"), stream,
                                        AlertAcknowledged(alert_id=alert_id, note=note))], expected_version=-1)
        return alert_id

    def replay(self) -> int:
        return projections.rebuild(self.store)

    def verify(self) -> tuple[int | None, str, int]:
        return self.store.verify()


AHEAD_WINDOW = 32  # files prepared ahead of the writer at most (bounds memory, not speed)
MIN_FILES_FOR_WORKERS = 200  # below this, starting worker processes costs about what they save (measured)
WORKER_NICENESS = 10  # workers run only on CPU time the writer leaves


def default_workers(files: int) -> int:
    """Worker processes for the pure stages: every core but the writer's, when there is enough work."""
    if files < MIN_FILES_FOR_WORKERS:
        return 0
    return max(0, min((os.cpu_count() or 1) - 1, 4))


def ingest_files(mon: Monitor, paths: Sequence[Path], *, workers: int | None = None, steal: bool = True
                 ) -> Iterator[tuple[Path, IngestResult | None]]:
    """Record files in the given order, yielding (path, result); None for a file that does not exist.

    With workers, later files are kept, read, extracted and turned into claims in other
    processes while this one records the current file: everything that reads or writes the
    log (duplicates, dating from related articles, earlier claims, decisions, the append)
    still happens here, one file at a time, in order, so the decisions are those of a
    sequential run. A file no worker has started on when its turn comes (unless `steal` is
    off), or whose preparation failed, is simply done here, the sequential way.
    """
    n = default_workers(len(paths)) if workers is None else workers
    if n <= 0:
        for p in paths:
            yield p, (mon.ingest_path(p) if _exists(p) else None)
        return
    args = (mon.state, mon.read_options, mon.config.read.max_bytes)
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"), initializer=_worker_init) as pool:
        pending: deque[tuple[Path, Future[Prepared | None] | None]] = deque()
        todo = iter(paths)

        def submit() -> None:
            p = next(todo, None)
            if p is not None:
                pending.append((p, pool.submit(prepare, p, *args) if _exists(p) else None))

        for _ in range(AHEAD_WINDOW):
            submit()
        while pending:
            p, fut = pending.popleft()
            submit()
            if fut is None:
                yield p, None
                continue
            if steal and not fut.done() and fut.cancel():
                # no worker has taken it yet (they are starting up, or behind): do it here, so
                # neither core waits for the other
                yield p, mon.ingest_path(p)
                continue
            prep = _prepared(fut, p)
            yield p, (mon.ingest_path(p) if prep is None else mon.ingest_prepared(prep))


def _prepared(fut: Future[Prepared | None], p: Path) -> Prepared | None:
    """The worker's result, or None to record the file in this process the sequential way (a
    symbolic link, a worker that died, or a pure stage that raised: it will raise here too)."""
    try:
        return fut.result()
    except BrokenProcessPool:
        return None  # the pool is gone: each remaining file is done here, as without workers
    except Exception:
        log.warning("preparing %s in a worker failed; recording it in this process", p.name, exc_info=True)
        return None


def _worker_init() -> None:
    """Workers yield the CPU to the writer: it is the one every file waits for."""
    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        pass


def _exists(p: Path) -> bool:
    return p.exists() or p.is_symlink()


def preview(data: bytes, name: str, *, options: ReadOptions, mtime: datetime | None = None,
            published: date | None = None) -> dict[str, Any]:
    """What `extract` would record for a file, without touching any state."""
    parsed = read_article(name, data, mtime=mtime, options=options)
    if isinstance(parsed, Rejection):
        return {"article": name, "status": "rejected", "code": parsed.code, "reason": parsed.reason}
    ex = extract_pkg.extract(parsed.clean, published or parsed.published)
    meta = parsed.to_dict()
    for k in ("text", "clean"):
        meta.pop(k, None)
    return {"article": name, "status": "ok", "metadata": meta, "extractor": ex.version,
            "figures": [f.to_dict() for f in ex.figures], "events": [e.to_dict() for e in ex.events]}
