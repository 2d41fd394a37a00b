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
    # verbs found by position, possessives and points that a "since" names
    ("A gale tore across the islands before dawn on Monday.", THU, [("on Monday", "2024-03-11")]),
    ("The envoy said the relief flight would land on Saturday.", THU, [("on Saturday", "2024-03-16")]),
    ("Families had not slept indoors since Sunday night.", THU, [("since Sunday night", "2024-03-10")]),
    ("The utility hoped to reconnect the northern suburbs to the grid by Friday morning.", THU,
     [("by Friday morning", "2024-03-15")]),
    ("Markets reacted calmly to last Tuesday's announcement.", THU, [("to last Tuesday", "2024-03-12")]),
    ("Fans are already queuing for next Sunday's final.", THU, [("for next Sunday", "2024-03-17")]),
    ("The temporary levy is due to expire on June 30.", THU, [("on June 30", "2024-06-30")]),
    ("The next trade report is due on April 9.", THU, [("on April 9", "2024-04-09")]),
    ("It was the worst flood since 1953, when the dikes broke.", THU, [("since 1953", "1953")]),
    ("The chair is due to address members at the spring congress on May 2.", THU, [("on May 2", "2024-05-02")]),
    ("Negotiations with the suppliers would begin on April 3.", THU, [("on April 3", "2024-04-03")]),
    ("Stations open at 6 a.m. and close at 9 p.m. on Saturday, March 16.", THU,
     [("on Saturday, March 16", "2024-03-16")]),
    ("Forecasters said snow was possible on Saturday.", THU, [("on Saturday", "2024-03-16")]),
    ("Residents were allowed to go home on Tuesday evening.", THU, [("on Tuesday evening", "2024-03-12")]),
    ("Callers in May from the north can ring on 1800 222 3333.", THU, []),
    ("Pollsters interviewed 900 voters between March 4 and March 8.", THU, [("between March 4 and March 8", "2024-03")]),
    ("The striking drivers returned to work at 6 a.m., a union official said.", THU, [("at 6 a.m.", "2024-03-14")]),
    ("Gates open at 9 a.m. on Saturday.", THU, [("on Saturday", "2024-03-16")]),
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
