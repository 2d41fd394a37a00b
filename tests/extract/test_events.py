"""Dated events: one per time expression that dates a happening."""
from __future__ import annotations

from datetime import date

import pytest

from monitor.extract import extract

THU = date(2024, 3, 14)


def events(text: str, published: date = THU) -> list[tuple[str, str]]:
    return [(e.text, e.date) for e in extract(text, published).events]


@pytest.mark.parametrize("text,published,expected", [
    ("The minister told reporters in Lisbon on Thursday that talks had failed.", THU, [("on Thursday", "2024-03-14")]),
    ("Norway joined the treaty earlier this month and Chile last year.", THU,
     [("earlier this month", "2024-03"), ("last year", "2023")]),
    ("The senator criticised the governor last month for the delay.", THU, [("last month", "2024-02")]),
    ("Speaking on March 12 in Geneva, the envoy urged calm.", THU, [("on March 12", "2024-03-12")]),
    ("The mayor spoke at city hall on Tuesday (12/3), as reported by local media.", THU,
     [("on Tuesday (12/3)", "2024-03-12")]),
    ("Prices soared after the war began in February last year.", date(2023, 3, 21), [("in February last year", "2022-02")]),
    ("Ministers will decide when they meet in Rome in July.", date(2023, 6, 1), [("in July", "2023-07")]),
    ("The factory said Wednesday that output had recovered.", THU, [("Wednesday", "2024-03-13")]),
    ("The company was founded in 1998.", THU, [("in 1998", "1998")]),
])
def test_event_dates(text: str, published: date, expected: list[tuple[str, str]]) -> None:
    assert events(text, published) == expected


def test_actor_verb_place() -> None:
    ev = extract("Finance Minister Ana Silva told reporters in Lisbon on Thursday that talks failed.", THU).events
    assert len(ev) == 1
    e = ev[0]
    assert e.verb == "told"
    assert e.actor is not None and "Ana Silva" in e.actor
    assert e.place == "Lisbon"
    assert e.sentence.startswith("Finance Minister")


def test_capitalised_name_is_not_a_verb() -> None:
    ev = extract("The home side beat the visitors on Sunday, with Erling Hansen scoring twice.", THU).events
    assert [(e.text, e.verb) for e in ev] == [("on Sunday", "beat")]


def test_states_deadlines_and_spans_are_not_events() -> None:
    assert events("Unemployment is currently 4%.") == []
    assert events("Members agreed to reach the target by 2024.") == []
    assert events("Spending has doubled since 2014.") == []


def test_event_offsets_point_at_the_time_expression() -> None:
    text = "Intro line.\nThe board met yesterday in Oslo and will meet again next week."
    for e in extract(text, THU).events:
        assert text[e.start:e.end] == e.text
        assert e.sentence in text
