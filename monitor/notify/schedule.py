"""The digest as an APScheduler 3.x cron job inside the daemon.

The scheduler only decides *when*; *what* is pending is always read from the event log, so a
memory job store is enough and a restart loses nothing. A run the scheduler missed (machine
asleep past the grace time, or the daemon was down at the scheduled time) is caught up at
once rather than skipped: the alerts would be kept anyway, but the digest would be late by a
whole period.

Each run opens its own connection to the log and closes it afterwards. That is safe next to
the daemon's writer: every append is one BEGIN IMMEDIATE transaction, so SQLite serialises
the two writers (busy_timeout 10 s), and the digest holds the lock only for its one append,
never while talking to the mail server.
"""
from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.events import EVENT_JOB_MISSED, JobExecutionEvent
from apscheduler.job import Job
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger

from ..config import Config
from . import digest

log = logging.getLogger("monitor.notify.schedule")

JOB_ID = "digest"
CATCH_UP_ID = "digest-catch-up"


def run_job(config: Config) -> None:
    """The scheduled call: send what is pending and log one line; never raise into the scheduler."""
    try:
        digest.run(config)
    except Exception:
        log.exception("the digest job failed; pending alerts stay pending for the next run")


_WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]


def _weekday(token: str, *, end: bool = False) -> int:
    if token in _WEEKDAYS:
        return 7 if end and token == "sun" else _WEEKDAYS.index(token)
    v = int(token)
    if not 0 <= v <= 7:
        raise ValueError(f"day of week {token!r} is outside 0-7")
    return v


def cron_weekdays(field: str) -> str:
    """A standard cron day-of-week field (0 or 7 = Sunday) as APScheduler 3 day names.

    APScheduler 3 numbers weekdays from Monday = 0, so `from_crontab("0 7 * * 1-5")` would
    run Tuesday to Saturday (agronholm/apscheduler#286, kept for compatibility in 3.x);
    names mean the same day in both.
    """
    if field == "*":
        return field
    days: set[int] = set()
    for part in field.lower().split(","):
        base, slash, step_text = part.partition("/")
        step = int(step_text) if slash else 1
        if step < 1:
            raise ValueError(f"step {step_text!r} must be at least 1")
        if base == "*":
            lo, hi = 0, 6
        elif "-" in base:
            a, b = base.split("-", 1)
            lo, hi = _weekday(a), _weekday(b, end=True)
        else:
            lo = _weekday(base)
            hi = 6 if slash else lo
        if lo > hi:
            raise ValueError(f"day range {base!r} runs backwards")
        days.update(d % 7 for d in range(lo, hi + 1, step))
    return ",".join(_WEEKDAYS[d] for d in sorted(days, key=lambda d: (d + 6) % 7))


def trigger_for(config: Config) -> CronTrigger:
    """[digest] schedule (5-field cron, read as crontab(5) reads it) in [digest] timezone.

    Raises ValueError naming the key for anything APScheduler would run differently from cron.
    """
    expr = config.digest.schedule
    if not expr:
        raise ValueError("[digest] schedule is not set")
    tz = digest.zone(config)
    fields = expr.split()
    try:
        if len(fields) != 5:
            raise ValueError(f"expected 5 fields (minute hour day month weekday), got {len(fields)}")
        if fields[2] != "*" and fields[4] != "*":
            # cron runs when either day field matches, APScheduler only when both do
            raise ValueError("restrict the day of the month or the day of the week, not both")
        fields[4] = cron_weekdays(fields[4])
        return CronTrigger.from_crontab(" ".join(fields), timezone=tz)
    except ValueError as ex:
        raise ValueError(f"[digest] schedule {expr!r} is not a valid cron expression: {ex}") from None


def _parse(ts: str) -> datetime:
    dt = datetime.fromisoformat(ts.replace(" ", "T"))
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


def due_since(config: Config, trigger: BaseTrigger, now: datetime) -> datetime | None:
    """The scheduled time that passed without a digest attempt while alerts were pending, if any.

    Measured from the last digest attempt in the log, or, before any, from the oldest pending alert.
    """
    if not config.db_path.exists():
        return None
    conn = sqlite3.connect(f"file:{config.db_path}?mode=ro", uri=True)
    try:
        wm, _ = digest.watermark(conn)
        first = conn.execute("SELECT raised_at FROM alerts WHERE position > ? ORDER BY position LIMIT 1",
                             (wm,)).fetchone()
        if first is None:
            return None
        last = conn.execute("SELECT MAX(recorded_at) FROM events WHERE stream_id = ?", (digest.STREAM,)).fetchone()[0]
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    base = _parse(last) if last else _parse(first[0])
    nxt = trigger.get_next_fire_time(None, base)
    return nxt if nxt is not None and nxt <= now else None


def add_digest_job(scheduler: BaseScheduler, config: Config, *, trigger: BaseTrigger | None = None,
                   job: Callable[[], Any] | None = None, now: datetime | None = None) -> Job | None:
    """Add the digest cron job to `scheduler` (started or not); None when no schedule is set.

    `trigger` replaces the cron trigger built from the config (tests use CronTrigger(second="*"));
    `job` replaces the default run (which opens its own connection to the log); `now` is the
    clock used to decide whether a scheduled run was missed while the daemon was down.
    Misfires get [digest] misfire_grace_hours, runs are coalesced, one at a time.
    """
    if trigger is None:
        if not config.digest.schedule:
            return None
        trigger = trigger_for(config)
    fn: Callable[[], Any] = job or (lambda: run_job(config))
    grace = max(1, round(config.digest.misfire_grace_hours * 3600))
    added = scheduler.add_job(fn, trigger, id=JOB_ID, name="alert digest", misfire_grace_time=grace,
                              coalesce=True, max_instances=1, replace_existing=True)

    def catch_up(why: str) -> None:
        log.warning("%s: sending the digest now", why)
        scheduler.add_job(fn, id=CATCH_UP_ID, name="alert digest (catch-up)", replace_existing=True,
                          misfire_grace_time=None, coalesce=True, max_instances=1)

    def on_missed(event: JobExecutionEvent) -> None:
        if event.job_id == JOB_ID:
            catch_up(f"the digest scheduled for {event.scheduled_run_time} was missed")

    scheduler.add_listener(on_missed, EVENT_JOB_MISSED)
    missed = due_since(config, trigger, now or datetime.now(UTC))
    if missed is not None:
        catch_up(f"the digest scheduled for {missed.isoformat(timespec='minutes')} was not sent")
    return added
