"""The digest job in a real BackgroundScheduler: fires from its trigger, catches up what it missed."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.date import DateTrigger

from monitor.app import Monitor
from monitor.notify import add_digest_job
from monitor.notify.schedule import CATCH_UP_ID, JOB_ID, cron_weekdays

from .conftest import Server, append_alert, digest_events, make_config


def wait_for(cond: Callable[[], bool], seconds: float = 8.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.05)
    return cond()


@pytest.fixture
def scheduler() -> Iterator[BackgroundScheduler]:
    s = BackgroundScheduler(timezone=UTC)
    yield s
    if s.running:
        s.shutdown(wait=True)


def test_cron_job_fires_and_sends_the_digest(monitor_at: Monitor, smtp_server: Server, state: Path,
                                             scheduler: BackgroundScheduler) -> None:
    append_alert(monitor_at.store, "a1")
    cfg = make_config(state, port=smtp_server.port)
    job = add_digest_job(scheduler, cfg, trigger=CronTrigger(second="*", timezone=UTC))
    assert job is not None and job.id == JOB_ID
    scheduler.start()
    assert wait_for(lambda: len(smtp_server.messages) == 1)
    assert wait_for(lambda: [t for t, _ in digest_events(monitor_at.store)] == ["DigestSent"])
    time.sleep(1.2)  # at least one more firing: nothing new, so nothing sent or recorded
    assert len(smtp_server.messages) == 1 and len(digest_events(monitor_at.store)) == 1


def test_job_from_config_uses_cron_timezone_grace_and_coalescing(state: Path, scheduler: BackgroundScheduler) -> None:
    cfg = make_config(state, schedule="0 7 * * 1-5", grace_hours=6)
    job = add_digest_job(scheduler, cfg, now=datetime.now(UTC))
    assert job is not None
    assert job.misfire_grace_time == 6 * 3600 and job.coalesce is True and job.max_instances == 1
    paris = ZoneInfo("Europe/Paris")
    friday_evening = datetime(2025, 10, 3, 18, 0, tzinfo=paris)
    assert job.trigger.get_next_fire_time(None, friday_evening) == datetime(2025, 10, 6, 7, 0, tzinfo=paris)
    assert scheduler.get_job(CATCH_UP_ID) is None  # nothing pending, nothing to catch up


@pytest.mark.parametrize(("field", "names"), [
    ("1-5", "mon,tue,wed,thu,fri"), ("0", "sun"), ("7", "sun"), ("sun", "sun"), ("0,6", "sat,sun"),
    ("5-7", "fri,sat,sun"), ("mon-fri", "mon,tue,wed,thu,fri"), ("*/2", "tue,thu,sat,sun"), ("1-5/2", "mon,wed,fri"),
])
def test_weekdays_are_read_as_crontab_reads_them(field: str, names: str) -> None:
    assert cron_weekdays(field) == names


def test_no_schedule_no_job_and_bad_settings_are_named(state: Path, scheduler: BackgroundScheduler) -> None:
    assert add_digest_job(scheduler, make_config(state)) is None
    for bad in ("61 7 * * *", "0 7 * *", "0 7 1 * 1", "0 7 * * 8", "0 7 * * 5-1"):
        with pytest.raises(ValueError, match=r"\[digest\] schedule '.*' is not a valid cron expression"):
            add_digest_job(scheduler, make_config(state, schedule=bad))
    bad_tz = make_config(state, schedule="0 7 * * *").model_copy(
        update={"digest": make_config(state).digest.model_copy(update={"timezone": "Mars/Olympus", "schedule": "0 7 * * *"})})
    with pytest.raises(ValueError, match="Mars/Olympus"):
        add_digest_job(scheduler, bad_tz)


def test_a_run_missed_while_the_daemon_was_down_is_caught_up_at_start(
        monitor_at: Monitor, smtp_server: Server, state: Path, scheduler: BackgroundScheduler) -> None:
    append_alert(monitor_at.store, "a1")
    cfg = make_config(state, port=smtp_server.port, schedule="0 7 * * *")
    add_digest_job(scheduler, cfg, now=datetime.now(UTC))  # the alert is new: next 07:00 is ahead
    assert scheduler.get_job(CATCH_UP_ID) is None

    two_days_on = datetime.now(UTC) + timedelta(days=2)  # as if the daemon starts two days later
    add_digest_job(scheduler, cfg, now=two_days_on)
    assert scheduler.get_job(CATCH_UP_ID) is not None
    scheduler.start()
    assert wait_for(lambda: len(smtp_server.messages) == 1)
    assert wait_for(lambda: [t for t, _ in digest_events(monitor_at.store)] == ["DigestSent"])


def test_a_run_missed_beyond_the_grace_time_is_sent_rather_than_skipped(
        monitor_at: Monitor, smtp_server: Server, state: Path, scheduler: BackgroundScheduler) -> None:
    append_alert(monitor_at.store, "a1")
    cfg = make_config(state, port=smtp_server.port, grace_hours=0.0001)  # about one second
    long_ago = datetime.now(UTC) - timedelta(minutes=5)  # e.g. the machine slept through it
    add_digest_job(scheduler, cfg, trigger=DateTrigger(run_date=long_ago))
    scheduler.start()
    assert wait_for(lambda: len(smtp_server.messages) == 1)
