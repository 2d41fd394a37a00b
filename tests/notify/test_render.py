"""The words of the digest: values, changes, counts, headers."""
from __future__ import annotations

from datetime import UTC, datetime

from monitor.notify.render import (
    Digest,
    HistoryPoint,
    change_text,
    chart_points,
    counts,
    header_text,
    message,
    value_text,
)

from .conftest import FLOOD_NEW, FLOOD_OLD


def test_values_read_as_written() -> None:
    assert value_text(8, "count", 31) == "8 of 31"
    assert value_text(2.5, "percent") == "2.5%"
    assert value_text(470e9, "USD") == "$470 billion"
    assert value_text(5e9, "CHF") == "CHF 5 billion"
    assert value_text(2 / 3, "fraction") == "66.7%"
    assert value_text(12.5, "km") == "12.5 km"


def test_changes_are_absolute_and_relative() -> None:
    assert change_text({"old": {"unit": "count"}, "new": {"unit": "count"},
                        "change": {"absolute": 50, "relative": 1.25}}) == "+50, +125.0%"
    assert change_text({"old": {"unit": "percent"}, "new": {"unit": "percent"},
                        "change": {"absolute": -0.3, "relative": -0.125}}) == "-0.3 points, -12.5%"
    assert change_text({"old": {"unit": "count"}, "new": {"unit": "fraction"},
                        "change": {"share_points": 8.6, "relative": 0.148}}) == "share +8.6 points, +14.8%"
    assert change_text({"old": {"unit": "USD", "value": 1}, "new": {"unit": "EUR", "value": 1},
                        "change": {}}) == "different units"


def test_counts_and_headers() -> None:
    kinds = [{"kind": "contradiction"}, {"kind": "update"}, {"kind": "update"}, {"kind": "update"}]
    assert counts(kinds) == "3 updates, 1 contradiction"
    assert counts([]) == "no new alerts"
    assert header_text("a\r\nBcc: x\u2028y\x00z\tw") == "a Bcc: x y z w"
    assert len(header_text("x" * 500)) == 200


def test_history_compares_shares_across_counts_and_fractions() -> None:
    pts = [HistoryPoint("2022", 7, "count", 30, "seven of 30", "A", "2023-03-17"),
           HistoryPoint("2023", 40, "km", None, "40 km", "B", "2023-05-01"),
           HistoryPoint("2024", 2 / 3, "fraction", None, "two-thirds", "C", "2024-03-14")]
    bars = chart_points(pts)
    assert [p.period for p, _ in bars] == ["2022", "2024"]  # the km value is on another scale
    assert bars[-1][1] == 1.0 and round(bars[0][1], 3) == round((7 / 30) / (2 / 3), 3)


def test_message_is_multipart_alternative_with_a_stable_message_id() -> None:
    alert = {"alert_id": "a1", "kind": "update", "measure": "m", "label": "deaths", "old": FLOOD_OLD,
             "new": FLOOD_NEW, "change": {"absolute": 50, "relative": 1.25}, "explanation": "", "position": 3}
    d = Digest([alert], "3-3-x", "<digest.3-3-x@example.org>", 3, datetime(2025, 10, 5, 7, tzinfo=UTC))
    msg = message(d, sender="m@example.org", recipients=["a@example.org", "b@example.org"], prefix="[news]")
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert msg["Message-ID"] == "<digest.3-3-x@example.org>"
    assert msg["Subject"] == "[news] 1 update: deaths"
    assert msg["To"] == "a@example.org, b@example.org"
