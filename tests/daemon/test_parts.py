"""The daemon's parts in-process, on real folders: filter, stability, watcher, dispositions, lock, worker."""
from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

import pytest
from watchdog.observers import Observer

from monitor.app import Monitor
from monitor.config import load
from monitor.daemon.dispositions import Dispositions, move_into
from monitor.daemon.lock import AlreadyRunning, DaemonLock, running_pid
from monitor.daemon.paths import InboxFilter
from monitor.daemon.stability import Ready, Stability, signature
from monitor.daemon.status import DaemonStatus
from monitor.daemon.watcher import InboxHandler
from monitor.daemon.worker import Worker

LOG = logging.getLogger("test.daemon")


class ManualClock:
    """A clock the test moves by hand, so stability rules are checked without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_filter_skips_temporary_hidden_and_own_names(tmp_path: Path) -> None:
    f = InboxFilter(tmp_path, recursive=True)
    for name in ["a.txt", "sub/b.html", "processed.txt", "Report 2024.eml"]:
        assert f.wanted(tmp_path / name), name
    for name in [".a.txt", "a.txt.part", "a.TMP", "a.crdownload", "~$a.docx", "._a.txt", ".DS_Store",
                 "processed/a.txt", "failed/a.txt", "failed/a.txt.reason.txt", ".git/x.txt", "sub/.b.txt"]:
        assert not f.wanted(tmp_path / name), name
    assert not f.wanted(tmp_path.parent / "elsewhere.txt")
    assert not InboxFilter(tmp_path, recursive=False).wanted(tmp_path / "sub" / "b.txt")


def test_scan_lists_links_without_following_them(tmp_path: Path) -> None:
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text("x")
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    (inbox / "processed").mkdir()
    (inbox / "a.txt").write_text("a")
    (inbox / "sub" / "b.txt").write_text("b")
    (inbox / "processed" / "old.txt").write_text("c")
    os.symlink(tmp_path / "outside", inbox / "dirlink")
    os.symlink(tmp_path / "outside" / "secret.txt", inbox / "filelink.txt")
    got = {p.relative_to(inbox).as_posix() for p in InboxFilter(inbox, recursive=True).scan()}
    assert got == {"a.txt", "sub/b.txt", "dirlink", "filelink.txt"}


def test_stability_waits_until_size_and_mtime_hold_still(tmp_path: Path) -> None:
    clock = ManualClock()
    st = Stability(0.3, clock=clock)
    f = tmp_path / "a.txt"
    f.write_text("first part")
    st.touch(f)
    assert st.take(timeout=0) == []  # first look only records what it saw
    clock.now += 0.2
    with open(f, "a") as fh:
        fh.write(" and more")
    st.touch(f, "seen")  # as a polling observer would: no hint about writers
    assert st.take(timeout=0) == []  # changed: the quiet period starts again
    clock.now += 0.29
    assert st.take(timeout=0) == []
    clock.now += 0.02
    ready = st.take(timeout=0)
    assert ready is not None and [r.path for r in ready] == [f]
    assert ready[0].sig == signature(str(f))[0]  # type: ignore[index]
    assert st.waiting() == 0


def test_stability_holds_a_file_open_for_writing_until_it_is_closed(tmp_path: Path) -> None:
    clock = ManualClock()
    st = Stability(0.1, writer_grace_s=30.0, clock=clock)
    f = tmp_path / "slow.txt"
    f.write_text("chunk one")
    st.touch(f, "write")
    assert st.take(timeout=0) == []
    clock.now += 5.0  # a long pause between chunks: quiet, but the writer never closed it
    assert st.take(timeout=0) == []
    st.touch(f, "closed")
    ready = st.take(timeout=0)
    assert ready is not None and [r.path for r in ready] == [f]
    # a lost close event only delays the file: after the grace period it is read anyway
    g = tmp_path / "orphan.txt"
    g.write_text("never closed")
    st.touch(g, "write")
    assert st.take(timeout=0) == []
    clock.now += 31.0
    assert [r.path for r in st.take(timeout=0) or []] == [g]


def test_stability_forgets_files_that_left_and_remembers_files_left_in_place(tmp_path: Path) -> None:
    clock = ManualClock()
    st = Stability(0.1, clock=clock)
    gone, kept = tmp_path / "gone.txt", tmp_path / "kept.txt"
    gone.write_text("x")
    kept.write_text("y")
    st.touch(gone)
    st.touch(kept)
    st.handled(kept, signature(str(kept))[0])  # type: ignore[index]
    assert st.take(timeout=0) == []
    gone.unlink()
    clock.now += 1.0
    assert st.take(timeout=0) == []  # gone vanished, kept is unchanged since it was handled
    assert st.waiting() == 0
    st.close()
    assert st.take(timeout=0) is None


def test_real_watcher_reads_a_chunked_write_once_whole(tmp_path: Path) -> None:
    """inotify events through the real handler: pauses longer than stable_ms do not split the file."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    st = Stability(0.05)
    handler = InboxHandler(InboxFilter(inbox, recursive=True), st, LOG, native=True)
    observer = Observer()
    observer.schedule(handler, str(inbox), recursive=True)
    observer.start()
    got: list[Ready] = []
    taker = threading.Thread(target=lambda: got.extend(st.take(timeout=20) or []))
    try:
        taker.start()
        with open(inbox / "slow.txt", "w") as fh:
            for i in range(4):
                fh.write(f"Chunk {i}: officials counted {100 + i} boats.\n")
                fh.flush()
                time.sleep(0.25)  # five times stable_ms
            assert taker.is_alive() and not got, "handed on while the writer still had it open"
        (inbox / ".hidden.txt").write_text("ignored")
        taker.join(20)
    finally:
        observer.stop()
        observer.join(5)
        st.close()
    assert [r.path.name for r in got] == ["slow.txt"]
    assert got[0].sig[0] == (inbox / "slow.txt").stat().st_size


def test_moves_never_overwrite_and_links_move_as_links(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "processed").mkdir(parents=True)
    (inbox / "processed" / "a.txt").write_text("older")
    (inbox / "a.txt").write_text("newer")
    d = Dispositions(inbox, "move")
    assert d.succeeded(inbox / "a.txt") == inbox / "processed" / "a (2).txt"
    assert (inbox / "processed" / "a.txt").read_text() == "older"
    (inbox / "a.txt").write_text("newest")
    assert d.succeeded(inbox / "a.txt") == inbox / "processed" / "a (3).txt"

    target = tmp_path / "target.txt"
    target.write_text("outside")
    os.symlink(target, inbox / "link.txt")
    where = d.rejected(inbox / "link.txt", "links are not followed")
    assert where == inbox / "failed" / "link.txt" and where.is_symlink()
    assert target.read_text() == "outside"
    assert "links are not followed" in (inbox / "failed" / "link.txt.reason.txt").read_text()
    # a stray reason note also blocks its name: the next file gets its own pair
    (inbox / "failed" / "b.txt.reason.txt").write_text("left by a crash")
    (inbox / "b.txt").write_text("b")
    assert move_into(inbox / "b.txt", inbox / "failed", reason="empty") == inbox / "failed" / "b (2).txt"
    assert (inbox / "failed" / "b.txt.reason.txt").read_text() == "left by a crash"


def test_lock_refuses_a_second_holder_and_names_the_first(tmp_path: Path) -> None:
    first = DaemonLock(tmp_path)
    first.acquire()
    try:
        assert running_pid(tmp_path) == (True, os.getpid())
        with pytest.raises(AlreadyRunning, match=rf"already running \(pid {os.getpid()}\)"):
            DaemonLock(tmp_path).acquire(attempts=2, pause=0.01)
        assert running_pid(tmp_path) == (True, os.getpid())  # asking did not disturb the holder
    finally:
        first.release()
    assert running_pid(tmp_path) == (False, None)
    again = DaemonLock(tmp_path)
    again.acquire()
    again.release()


def test_worker_files_a_committed_file_as_recorded_even_if_a_listener_fails(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    cfg = load(tmp_path / "config.toml")
    mon = Monitor(cfg)

    calls: list[dict[str, object]] = []

    def broken(alert: dict[str, object]) -> None:
        calls.append(alert)
        raise RuntimeError("notification service down")

    mon.listeners.append(broken)
    status = DaemonStatus(cfg.state / "daemon-status.json", os.getpid(), "native", str(inbox))
    worker = Worker(mon, Stability(0.1), Dispositions(inbox, "move"), status, LOG)
    try:
        for name, text in [("first.txt", "Officials said 120 people were injured on Tuesday.\n"),
                           ("second.txt", "By Friday, officials said 135 people were injured.\n")]:
            (inbox / name).write_text(text)
            r = worker.process(Ready(inbox / name, signature(str(inbox / name))[0]))  # type: ignore[index]
            assert r is not None and r.status == "recorded", r
            assert (inbox / "processed" / name).exists()
        assert calls, "the second file must raise an alert, or this test checks nothing"
        assert not (inbox / "failed").exists()
        assert status.counts["recorded"] == 2
    finally:
        mon.close()


def test_a_move_cut_short_between_link_and_unlink_is_finished_not_copied(tmp_path: Path) -> None:
    from monitor.daemon.dispositions import move_into

    inbox, done = tmp_path / "inbox", tmp_path / "inbox" / "processed"
    done.mkdir(parents=True)
    src = inbox / "story.txt"
    src.write_text("Officials said 12 bridges closed.\n")
    os.link(src, done / "story.txt")  # what a kill -9 after the link and before the unlink leaves
    other = inbox / "other.txt"
    other.write_text("Officials said 12 bridges closed.\n")  # equal bytes, but a different file
    os.link(other, inbox / "keep.txt")
    assert move_into(src, done) == done / "story.txt"
    assert not src.exists() and sorted(p.name for p in done.iterdir()) == ["story.txt"]
    (inbox / "keep.txt").unlink()
    other.rename(inbox / "story.txt")
    assert move_into(inbox / "story.txt", done) == done / "story (2).txt"
