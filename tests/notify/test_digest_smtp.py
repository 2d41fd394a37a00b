"""The digest through a real SMTP server: once, complete, escaped, retried after a failure."""
from __future__ import annotations

import html
from email.message import EmailMessage
from pathlib import Path

import pytest

from monitor.app import Monitor
from monitor.log import queries
from monitor.notify import digest
from monitor.notify.smtp import Delivered, SmtpSettings, deliver

from .conftest import (
    FLOOD_NEW,
    FLOOD_OLD,
    Collector,
    Server,
    append_alert,
    append_claim,
    digest_events,
    make_config,
    side,
    start_server,
)


def parts(msg: EmailMessage) -> tuple[str, str]:
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",))
    htm = msg.get_body(("html",))
    assert text is not None and htm is not None
    return text.get_content(), htm.get_content()


def test_digest_arrives_with_both_parts_counts_and_history(monitor_at: Monitor, smtp_server: Server, state: Path) -> None:
    store = monitor_at.store
    append_claim(store, "flood deaths|merrow", "2024", 12, "12", "Riverside Post", "2024-09-30")
    append_claim(store, "flood deaths|merrow", "2025", 40, "at least 40", "Riverside Post", "2025-10-02",
                 claim_id=FLOOD_OLD["claim_id"])
    append_claim(store, "flood deaths|merrow", "2025", 90, "more than 90", "Valley Courier", "2025-10-04",
                 claim_id=FLOOD_NEW["claim_id"])
    append_alert(store, "a1")
    append_alert(store, "a2", kind="contradiction", measure="bridges|merrow", label="bridges destroyed",
                 old=side("b1.txt", "Riverside Post", "2025-10-02", "12 bridges", "Twelve... 12 bridges were lost.", 12),
                 new=side("b2.txt", "Hill Herald", "2025-10-03", "five bridges", "Only five bridges were lost.", 5),
                 change={"absolute": -7, "relative": -0.5833}, explanation="Two reports disagree on the same count.")
    append_alert(store, "a3", measure="shelters|merrow", label="people in shelters",
                 old=side("s1.txt", "Riverside Post", "2025-10-02", "2,000", "About 2,000 people are in shelters.", 2000),
                 new=side("s2.txt", "Valley Courier", "2025-10-04", "3,500", "Some 3,500 people are in shelters.", 3500),
                 change={"absolute": 1500, "relative": 0.75})
    cfg = make_config(state, port=smtp_server.port)

    out = digest.run(cfg)

    assert [o.status for o in out] == ["sent"]
    assert len(smtp_server.messages) == 1
    msg = smtp_server.messages[0]
    assert msg["Subject"].startswith("[monitor] 2 updates, 1 contradiction: bridges destroyed")
    assert msg["To"] == "desk@example.org" and msg["From"] == "monitor@example.org"
    text, htm = parts(msg)
    # contradictions first, then measures in the order they changed
    assert text.index("CONTRADICTION: bridges destroyed") < text.index("UPDATE: people killed") < text.index(
        "UPDATE: people in shelters")
    assert "at least 40 -> more than 90  (+50, +125.0%)" in text
    assert "Riverside Post, 2025-10-02 (flood-1.txt)" in text and "Valley Courier, 2025-10-04 (flood-2.txt)" in text
    assert FLOOD_NEW["sentence"][:60] in text
    assert "why:   A later report gives a higher death toll" in text
    assert "history:" in text and "########################" in text  # 90 is the longest bar
    assert "<b>more than 90</b>" in htm
    assert htm.count('bgcolor="#175cd3"') == 2 and htm.count('bgcolor="#98a2b3"') == 1  # the alert's two claims stand out
    assert "<script" not in htm.lower() and "<img" not in htm.lower()
    ev = digest_events(store)
    assert [t for t, _ in ev] == ["DigestSent"]
    assert ev[0][1]["alerts"] == ["a1", "a2", "a3"] and ev[0][1]["message_id"] == msg["Message-ID"]
    assert queries.digests(store.conn)[0]["status"] == "sent"


def test_second_run_sends_nothing_new_and_new_alerts_go_in_the_next(monitor_at: Monitor, smtp_server: Server,
                                                                   state: Path) -> None:
    append_alert(monitor_at.store, "a1")
    cfg = make_config(state, port=smtp_server.port)
    assert digest.run(cfg)[0].status == "sent"
    assert [o.status for o in digest.run(cfg)] == ["nothing"]
    assert len(smtp_server.messages) == 1
    assert len(digest_events(monitor_at.store)) == 1  # nothing recorded for an empty run

    append_alert(monitor_at.store, "a2", measure="shelters|merrow", label="people in shelters")
    assert digest.run(cfg)[0].status == "sent"
    assert len(smtp_server.messages) == 2
    text, _ = parts(smtp_server.messages[1])
    assert "people in shelters" in text and "people killed" not in text
    sent = [d for t, d in digest_events(monitor_at.store) if t == "DigestSent"]
    assert [s["alerts"] for s in sent] == [["a1"], ["a2"]]


def test_article_text_is_escaped_and_never_reaches_headers(monitor_at: Monitor, smtp_server: Server,
                                                          state: Path) -> None:
    evil = side("evil.txt", "Bad\r\nBcc: victim@example.org", "2025-10-05", "<b>95</b>",
                "Toll <script>alert('x')</script> now 95\r\nBcc: victim@example.org", 95)
    append_alert(monitor_at.store, "x1", label="deaths\r\nBcc: victim@example.org <script>", new=evil,
                 explanation="<img src=http://tracker.example/pixel> reason")
    cfg = make_config(state, port=smtp_server.port)
    assert digest.run(cfg)[0].status == "sent"
    (env, msg), = smtp_server.handler.messages
    assert env.rcpt_tos == ["desk@example.org"]
    assert msg["Bcc"] is None
    assert "\r" not in msg["Subject"] and "\n" not in msg["Subject"]
    raw_headers = (env.original_content or env.content).split(b"\r\n\r\n", 1)[0].decode()
    assert not any(line.lower().startswith("bcc") for line in raw_headers.split("\r\n"))
    text, htm = parts(msg)
    assert "<script" not in htm and "<img" not in htm
    assert html.escape("<script>alert('x')</script>", quote=True) in htm
    assert "&lt;b&gt;95&lt;/b&gt;" in htm
    assert "Toll <script>alert('x')</script> now 95 Bcc:" in text  # plain text keeps the words, on one line


def test_failed_send_is_recorded_and_the_next_run_delivers_the_same_alerts(monitor_at: Monitor, state: Path) -> None:
    append_alert(monitor_at.store, "a1")
    append_alert(monitor_at.store, "a2", measure="shelters|merrow", label="people in shelters")
    down = start_server(Collector())
    port = down.port
    down.stop()
    cfg = make_config(state, port=port)

    (failed,) = digest.run(cfg)

    assert failed.status == "failed" and not failed.ok
    assert "connection refused" in (failed.reason or "")
    ev = digest_events(monitor_at.store)
    assert [t for t, _ in ev] == ["DigestFailed"]
    assert ev[0][1]["alerts"] == ["a1", "a2"] and "connection refused" in ev[0][1]["reason"]
    assert queries.digests(monitor_at.store.conn)[0]["status"] == "failed"

    up = start_server(Collector(), )
    try:
        (sent,) = digest.run(make_config(state, port=up.port))
        assert sent.status == "sent"
        assert len(up.messages) == 1
        assert up.messages[0]["Message-ID"] == ev[0][1]["message_id"]  # same range, same Message-ID
        assert [d["alerts"] for t, d in digest_events(monitor_at.store) if t == "DigestSent"] == [["a1", "a2"]]
    finally:
        up.stop()


def test_rejected_recipient_is_a_recorded_reason(monitor_at: Monitor, state: Path) -> None:
    append_alert(monitor_at.store, "a1")
    srv = start_server(Collector(refuse={"gone@example.org"}))
    try:
        (o,) = digest.run(make_config(state, port=srv.port, to=["gone@example.org"]))
        assert o.status == "failed" and "refused every recipient" in (o.reason or "")
        assert "gone@example.org: 550" in (o.reason or "")
        (both,) = digest.run(make_config(state, port=srv.port, to=["gone@example.org", "desk@example.org"]))
        assert both.status == "sent" and both.recipients == ("desk@example.org",)
        assert "gone@example.org" in (both.reason or "")
        sent = [d for t, d in digest_events(monitor_at.store) if t == "DigestSent"]
        assert sent[0]["recipients"] == ["desk@example.org"]
    finally:
        srv.stop()


def test_send_empty(monitor_at: Monitor, smtp_server: Server, state: Path) -> None:
    assert digest.run(make_config(state, port=smtp_server.port))[0].status == "nothing"
    assert smtp_server.messages == []
    (o,) = digest.run(make_config(state, port=smtp_server.port, send_empty=True))
    assert o.status == "sent"
    assert smtp_server.messages[0]["Subject"] == "[monitor] no new alerts"
    assert "No new alerts since the last digest." in parts(smtp_server.messages[0])[0]


def test_crash_after_sending_resends_the_same_range_once_with_the_same_message_id(
        monitor_at: Monitor, smtp_server: Server, state: Path) -> None:
    append_alert(monitor_at.store, "a1")
    cfg = make_config(state, port=smtp_server.port)

    class Crash(BaseException):
        """Stands for the process dying after the server took the message."""

    def deliver_then_die(msg: EmailMessage, settings: SmtpSettings, sender: str, to: list[str]) -> Delivered:
        deliver(msg, settings, sender=sender, recipients=to)
        raise Crash

    with pytest.raises(Crash):
        digest.send_pending(monitor_at.store, cfg, transport=deliver_then_die)
    assert digest_events(monitor_at.store) == []  # delivered, never recorded
    append_alert(monitor_at.store, "a2", measure="shelters|merrow", label="people in shelters")

    out = digest.run(cfg)

    assert [o.status for o in out] == ["sent", "sent"]
    first, resent, later = smtp_server.messages
    assert resent["Message-ID"] == first["Message-ID"]
    assert later["Message-ID"] != first["Message-ID"]
    assert [d["alerts"] for _, d in digest_events(monitor_at.store)] == [["a1"], ["a2"]]
    assert not (state / digest.OUTBOX).exists()


def test_two_senders_cannot_both_record_the_same_digest(monitor_at: Monitor, smtp_server: Server, state: Path) -> None:
    append_alert(monitor_at.store, "a1")
    cfg = make_config(state, port=smtp_server.port)
    other = digest.open_store(cfg)

    def racing(msg: EmailMessage, settings: SmtpSettings, sender: str, to: list[str]) -> Delivered:
        got = deliver(msg, settings, sender=sender, recipients=to)
        assert digest.send_one(other, cfg).status == "sent"  # the other sender records first
        return got

    try:
        o = digest.send_one(monitor_at.store, cfg, transport=racing)
    finally:
        other.close()
    assert o.status == "failed" and "another sender" in (o.reason or "")
    assert [t for t, _ in digest_events(monitor_at.store)] == ["DigestSent"]


def test_a_second_process_waits_its_turn(monitor_at: Monitor, smtp_server: Server, state: Path) -> None:
    append_alert(monitor_at.store, "a1")
    cfg = make_config(state, port=smtp_server.port)
    with digest._send_lock(cfg) as mine:
        assert mine
        (o,) = digest.send_pending(monitor_at.store, cfg)
    assert o.status == "busy" and not o.ok
    assert smtp_server.messages == [] and digest_events(monitor_at.store) == []


def test_long_backlog_is_split_in_order(monitor_at: Monitor, smtp_server: Server, state: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(5):
        append_alert(monitor_at.store, f"a{i}", measure=f"m{i}", label=f"measure {i}")
    monkeypatch.setattr(digest, "MAX_ALERTS", 2)
    plan = digest.prepare(monitor_at.store.conn, make_config(state))
    assert plan.digest is not None and plan.digest.more_pending == 3
    assert "3 more alert(s) are waiting" in digest.build(plan.digest, make_config(state)).get_body(("plain",)).get_content()

    out = digest.run(make_config(state, port=smtp_server.port))

    assert [o.status for o in out] == ["sent", "sent", "sent"]
    assert [d["alerts"] for _, d in digest_events(monitor_at.store)] == [["a0", "a1"], ["a2", "a3"], ["a4"]]
    assert len({m["Message-ID"] for m in smtp_server.messages}) == 3
