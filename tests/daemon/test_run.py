"""`monitor run` as a real subprocess on a real folder: what users and scripts actually do to it."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.daemon.support import Workdir, article, wait_until


def recorded_names(work: Workdir) -> Counter[str]:
    return Counter(a["article"] for a in work.query("articles"))


def test_startup_catch_up_ignored_names_and_rename_in(work: Workdir) -> None:
    for i in range(3):
        (work.inbox / f"early-{i}.txt").write_text(article(i))
    ignored = [".hidden.txt", "draft.txt.part", "x.tmp", "big.txt.crdownload", "~$report.txt", "._meta.txt",
               ".DS_Store"]
    for name in ignored:
        (work.inbox / name).write_text(article(50))
    p = work.start()
    try:
        early = {f"early-{i}.txt" for i in range(3)}
        wait_until(lambda: work.settled(early), 20, "the files present at start-up")
        work.drop("renamed.txt", article(7))
        wait_until(lambda: work.settled({"renamed.txt"}), 20, "the renamed-in file")
        assert work.filed("processed") == early | {"renamed.txt"}
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    names = recorded_names(work)
    assert names == Counter(early | {"renamed.txt"})
    assert all((work.inbox / n).exists() for n in ignored), "ignored names must be left alone"
    log = work.log(p)
    assert "renamed.txt: recorded (" in log


def test_two_hundred_files_at_once(work: Workdir) -> None:
    p = work.start()
    try:
        names = {f"bulk-{i:03}.txt" for i in range(200)}
        for i in range(100):  # written elsewhere, renamed in
            (work.staging / f"bulk-{i:03}.txt").write_text(article(i))
        for i in range(100, 200):  # written in place
            (work.inbox / f"bulk-{i:03}.txt").write_text(article(i))
        for i in range(100):
            os.rename(work.staging / f"bulk-{i:03}.txt", work.inbox / f"bulk-{i:03}.txt")
        wait_until(lambda: work.settled(names), 45, "200 files to be filed", interval=0.1)
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    assert work.filed("processed") == names
    got = recorded_names(work)
    assert set(got) == names and set(got.values()) == {1}


def test_slow_chunked_write_is_read_once_whole(work: Workdir) -> None:
    p = work.start()
    chunks = ["Officials said 120 people were injured on Tuesday.\n\n",
              "Rescue teams opened 14 shelters overnight.\n\n",
              "By Thursday the count of displaced families had reached 310.\n\n",
              "The mayor promised $2 million in emergency aid on Friday.\n"]
    try:
        with open(work.inbox / "slow.txt", "w") as fh:
            for c in chunks:  # pauses far longer than stable_ms (100 ms): only the close says it is done
                fh.write(c)
                fh.flush()
                os.fsync(fh.fileno())
                time.sleep(0.7)
        wait_until(lambda: work.settled({"slow.txt"}), 20, "the slowly written file")
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    arts = [a for a in work.query("articles") if a["article"] == "slow.txt"]
    assert [a["status"] for a in arts] == ["recorded"]
    assert (work.inbox / "processed" / "slow.txt").read_text() == "".join(chunks)
    figs = {f["text"] for f in work.query("figures") if f["article"] == "slow.txt"}
    assert any("120" in t for t in figs) and any("2 million" in t for t in figs), figs


def test_bad_files_among_good_ones(work: Workdir) -> None:
    work.configure(read={"max_bytes": 4000})
    (work.root / "outside.txt").write_text("A file outside the inbox that a link points to.\n")
    p = work.start()
    good = {f"good-{i}.txt" for i in range(4)}
    bad = {"empty.txt": "", "binary.txt": b"\x00\x01\x02PNG\x00" * 50, "huge.txt": article(1) * 60}
    try:
        for i, name in enumerate(sorted(good)):
            work.drop(name, article(10 + i))
            if i < len(bad):
                bname = sorted(bad)[i]
                work.drop(bname, bad[bname])
        os.symlink(work.root / "outside.txt", work.inbox / "link.txt")
        wait_until(lambda: work.settled(good | set(bad) | {"link.txt"}), 30, "good and bad files to be filed")
        work.drop("after.txt", article(30))  # still going after all that
        wait_until(lambda: work.settled({"after.txt"}), 20, "a good file after the bad ones")
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    assert work.filed("processed") == good | {"after.txt"}
    assert work.filed("failed") == set(bad) | {"link.txt"}
    for name in list(bad) + ["link.txt"]:
        assert (work.inbox / "failed" / f"{name}.reason.txt").read_text().strip(), name
    link = work.inbox / "failed" / "link.txt"
    assert link.is_symlink() and (work.root / "outside.txt").exists(), "the link itself is moved, not followed"
    arts = {a["article"]: a for a in work.query("articles")}
    for name in bad:
        assert arts[name]["status"] == "rejected" and arts[name]["reason"], arts[name]
        assert arts[name]["reason"] in (work.inbox / "failed" / f"{name}.reason.txt").read_text()
    assert "max_bytes" in arts["huge.txt"]["reason"]
    assert arts["link.txt"]["status"] == "rejected" and "symbolic link" in arts["link.txt"]["reason"]
    assert "symbolic link" in (work.inbox / "failed" / "link.txt.reason.txt").read_text()
    assert all(arts[n]["status"] == "recorded" for n in good | {"after.txt"})


def test_kill_9_mid_batch_then_restart_records_each_file_once(work: Workdir) -> None:
    names = [f"batch-{i:02}.txt" for i in range(80)]
    tail = "".join(f"In ward {k}, {k * 3 + 7} homes lost power.\n" for k in range(8))
    for i, n in enumerate(names):
        (work.staging / n).write_text(article(i, tail))
    p = work.start()
    for n in names:
        os.rename(work.staging / n, work.inbox / n)
    for at_least in (5, 25, 45):  # three kills at different points of the batch, a restart after each
        wait_until(lambda n=at_least: len(work.filed("processed")) >= n, 30, f"{at_least} files filed", interval=0.005)
        p.send_signal(signal.SIGKILL)
        p.wait()
        assert len(work.filed("processed")) < len(names), "the kill must land mid-batch for this test to mean anything"
        p = work.start()
    try:
        wait_until(lambda: work.settled(set(names)), 45, "the rest of the batch after the restarts", interval=0.1)
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    assert work.filed("processed") == set(names), "each file filed once, none lost, none copied twice"
    got = recorded_names(work)
    assert set(got) == set(names) and set(got.values()) == {1}
    db = sqlite3.connect(work.state / "monitor.db")
    received = Counter(json.loads(d)["article"] for (d,) in db.execute(
        "SELECT data FROM events WHERE type = 'ArticleReceived'"))
    parsed = Counter(json.loads(d)["article"] for (d,) in db.execute(
        "SELECT data FROM events WHERE type = 'ArticleParsed'"))
    db.close()
    assert received == Counter(names) and parsed == Counter(names)
    assert work.cli("verify").returncode == 0


def test_second_instance_is_refused(work: Workdir) -> None:
    p = work.start()
    try:
        second = work.cli("run", timeout=30)
        assert second.returncode == 1
        assert f"already running (pid {p.pid})" in second.stderr
        assert p.poll() is None, "the first daemon keeps running"
        st = json.loads(work.cli("status", "--json").stdout)
        assert st["running"] is True and st["pid"] == p.pid and st["watch"] == "native"
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    st = json.loads(work.cli("status", "--json").stdout)
    assert st["running"] is False and st["pid"] is None


def test_sigterm_while_busy_exits_zero_within_5_seconds(work: Workdir) -> None:
    p = work.start("--log-format", "json")
    names = {f"term-{i:02}.txt" for i in range(40)}
    try:
        for i, n in enumerate(sorted(names)):
            work.drop(n, article(i))
        wait_until(lambda: work.filed("processed"), 20, "work to begin")
    finally:
        rc, took = work.stop(p)
    assert rc == 0
    assert took < 5.0, f"took {took:.2f}s to stop"
    lines = [json.loads(line) for line in work.log(p).splitlines() if line.startswith("{")]
    assert lines and lines[-1]["event"] == "stopped"
    filed = [x for x in lines if x.get("event") == "file"]
    assert filed and all(x["status"] == "recorded" for x in filed)
    # whatever was not reached is still in the inbox, untouched, for the next start
    left = {n for n in names if (work.inbox / n).exists()}
    assert left | work.filed("processed") == names


def test_polling_mode(work: Workdir) -> None:
    work.configure(watch="polling")
    p = work.start()
    try:
        work.drop("polled-a.txt", article(1))
        (work.inbox / "polled-b.txt").write_text(article(2))
        wait_until(lambda: work.settled({"polled-a.txt", "polled-b.txt"}), 20, "files seen by polling")
        assert work.status_file()["watch"] == "polling"
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    assert recorded_names(work) == Counter({"polled-a.txt": 1, "polled-b.txt": 1})


def test_retry_puts_a_failed_file_back_through(work: Workdir) -> None:
    work.configure(read={"max_bytes": 300})
    p = work.start()
    try:
        work.drop("long.txt", article(3) * 4)
        wait_until(lambda: work.settled({"long.txt"}), 20, "the too-long file")
    finally:
        rc, _ = work.stop(p)
    assert rc == 0
    note = work.inbox / "failed" / "long.txt.reason.txt"
    assert "max_bytes" in note.read_text()
    assert work.cli("retry", "long.txt").returncode == 1, "still too long: stays failed"
    assert note.exists()
    work.configure(read={"max_bytes": 100_000})
    r = work.cli("retry", "long.txt")
    assert r.returncode == 0, r.stdout + r.stderr
    assert not note.exists() and not (work.inbox / "failed" / "long.txt").exists()
    assert (work.inbox / "processed" / "long.txt").exists()
    arts = [a for a in work.query("articles") if a["article"] == "long.txt"]
    assert [a["status"] for a in arts] == ["recorded"]


def test_alerts_are_logged_and_notified_as_raised(work: Workdir) -> None:
    received: list[dict[str, object]] = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            received.append(json.loads(body or b"{}"))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    work.configure(notify={"urls": [f"json://127.0.0.1:{server.server_address[1]}/alerts"]})
    p = work.start("--log-format", "json")
    try:
        work.drop("monday.txt", "Officials said 120 people were injured in the storm on Monday.\n")
        wait_until(lambda: work.settled({"monday.txt"}), 20, "the first report")
        work.drop("friday.txt", "By Friday, officials said 135 people were injured in the storm.\n")
        wait_until(lambda: received, 20, "the alert to reach the webhook")
    finally:
        rc, _ = work.stop(p)
        server.shutdown()
    assert rc == 0
    alerts = work.query("alerts")
    assert len(alerts) == 1 and alerts[0]["new"]["article"] == "friday.txt"
    assert "135" in json.dumps(received[0])
    logged = [json.loads(x) for x in work.log(p).splitlines() if x.startswith("{")]
    assert [x["alert_id"] for x in logged if x.get("event") == "alert"] == [alerts[0]["alert_id"]]
