"""Time expressions resolved against a publication date."""
from __future__ import annotations

from datetime import date

import pytest

from monitor.extract.timex import find_timexes, resolve

THU = date(2024, 3, 14)  # a Thursday
JUNE = date(2023, 6, 1)
SPRING = date(2023, 3, 21)

CASES = [
    ("in 2022", THU, "2022"),
    ("by 2024", JUNE, "2024"),
    ("since 2014", THU, "2014/2024-03-14"),
    ("this year", THU, "2024"),
    ("last year", THU, "2023"),
    ("next year", THU, "2025"),
    ("last month", THU, "2024-02"),
    ("earlier this month", THU, "2024-03"),
    ("later this month", JUNE, "2023-06"),
    ("next week", THU, "2024-W12"),
    ("last week", THU, "2024-W10"),
    ("in July", JUNE, "2023-07"),
    ("in July", date(2023, 12, 20), "2023-07"),
    ("on Thursday", THU, "2024-03-14"),
    ("on Wednesday", THU, "2024-03-13"),
    ("on Friday", THU, "2024-03-08"),
    ("next Monday", THU, "2024-03-18"),
    ("on March 14", THU, "2024-03-14"),
    ("on 14 March 2021", THU, "2021-03-14"),
    ("on Thursday (14/3)", THU, "2024-03-14"),
    ("on 3/2", THU, "2024-02-03"),
    ("today", THU, "2024-03-14"),
    ("yesterday", THU, "2024-03-13"),
    ("currently", THU, "2024-03-14"),
    ("now", THU, "2024-03-14"),
    ("in February last year", SPRING, "2022-02"),
    ("last February", SPRING, "2023-02"),
    ("last February", date(2023, 2, 10), "2022-02"),
    ("this March", THU, "2024-03"),
    ("in February 2022", THU, "2022-02"),
    ("two years ago", THU, "2022"),
    ("three months ago", THU, "2023-12"),
    ("Q3 2023", THU, "2023-Q3"),
    ("in the first quarter", THU, "2024-Q1"),
    ("in the fourth quarter", THU, "2023-Q4"),
    ("the first half of 2023", THU, "2023-H1"),
    ("fiscal 2025", THU, "FY2025"),
    ("in the 1990s", THU, "1990s"),
    ("in 2023-24", THU, "2023/2024"),
    ("in mid-2023", THU, "2023"),
    ("this summer", SPRING, "2023-06/2023-08"),
    ("the past three years", THU, "2021-03-15/2024-03-14"),
    ("Jan. 5", THU, "2024-01-05"),
    ("December 28", date(2024, 1, 3), "2023-12-28"),
    # reporting periods
    ("in the second quarter", date(2025, 7, 24), "2025-Q2"),
    ("Q4", date(2024, 2, 1), "2023-Q4"),
    ("first-half", date(2024, 8, 2), "2024-H1"),
    ("the three months to March 31", date(2024, 4, 25), "2024-Q1"),
    ("the three months ended September 30, 2023", THU, "2023-Q3"),
    ("the six months to June", date(2024, 8, 2), "2024-H1"),
    ("the first nine months of the year", date(2024, 10, 30), "2024-01/2024-09"),
    ("the first six months", date(2024, 8, 2), "2024-H1"),
    ("full-year", date(2024, 8, 2), "2024"),
    ("full year 2022", THU, "2022"),
    ("last quarter", date(2024, 8, 2), "2024-Q2"),
    ("between May 2 and May 6", date(2024, 5, 9), "2024-05-02/2024-05-06"),
    ("from December 30 to January 2", date(2024, 1, 5), "2023-12-30/2024-01-02"),
    ("in the April-June period", date(2024, 7, 30), "2024-Q2"),
]


@pytest.mark.parametrize("expr,published,label", CASES, ids=[f"{c[0]}@{c[1]}" for c in CASES])
def test_resolve(expr: str, published: date, label: str) -> None:
    period = resolve(expr, published)
    assert period is not None, expr
    assert period.label == label
    assert period.start <= period.end


def test_previous_year_counts_back_from_reference() -> None:
    assert resolve("the previous year", THU, reference=2022).label == "2021"
    assert resolve("the previous year", THU).label == "2023"
    assert resolve("a year earlier", THU, reference=2020).label == "2019"


def test_reference_inside_sentence() -> None:
    found = find_timexes("Sales hit a record in 2019 and fell the previous year.", THU)
    assert [t.period.label for t in found] == ["2019", "2018"]


@pytest.mark.parametrize("text", [
    "the 2,000 people", "more than 2000 people", "it may rain", "a 3/4 majority", "the end", "in a year",
    "he will march", "the 400 MW plant",
])
def test_not_times(text: str) -> None:
    assert find_timexes(text, THU) == []


def test_statement_time_is_flagged() -> None:
    found = find_timexes("The minister said last month that prices would rise this year.", THU)
    assert [(t.text, t.statement) for t in found] == [("last month", True), ("this year", False)]


def test_offsets_and_prepositions() -> None:
    text = "Leaders gather in Vilnius in July and again by the end of 2024."
    found = find_timexes(text, JUNE)
    assert [t.text for t in found] == ["in July", "by the end of 2024"]
    for t in found:
        assert text[t.start:t.end] == t.text
    assert found[0].prep == "in" and found[0].eventable
    assert found[1].prep == "by the end of" and not found[1].eventable


def test_date_label_is_no_more_precise_than_text() -> None:
    labels = [t.date_label for t in find_timexes("It happened last year, then in May 2023, then on March 3.", THU)]
    assert labels == ["2023", "2023-05", "2024-03-03"]


@pytest.mark.parametrize("sentence,label", [
    ("The union is ready to sign the deal on Monday.", "2024-03-18"),
    ("Ministers would vote on Tuesday, an aide said.", "2024-03-19"),
    ("The ferry resumed service on Monday.", "2024-03-11"),
    ("Crews returned to the harbour on Tuesday.", "2024-03-12"),
])
def test_weekday_reads_forward_only_in_future_clauses(sentence: str, label: str) -> None:
    found = [t for t in find_timexes(sentence, THU) if t.precision == "day"]
    assert [t.period.label for t in found] == [label]


def test_future_deadline_weekday_is_an_event() -> None:
    t = find_timexes("The agency said it would publish the list by Friday.", THU)[0]
    assert t.period.label == "2024-03-15" and t.eventable
    past = find_timexes("The list had been published by Friday.", THU)[0]
    assert not past.eventable


def test_bare_month_in_past_tense_sentence_is_the_latest() -> None:
    t = find_timexes("Exports fell 2% in November.", date(2024, 6, 20))[0]
    assert t.period.label == "2023-11"


def test_a_possessive_month_is_a_time_and_a_lone_month_name_is_not() -> None:
    found = find_timexes("The bureau revised February's payroll gain down to 31,000.", date(2025, 4, 4))
    assert [t.period.label for t in found] == ["2025-02"]
    assert not find_timexes("March organisers said they would return.", date(2025, 4, 4))


def test_a_month_to_month_span_is_the_whole_span() -> None:
    found = find_timexes("The brewer posted net profit of €256 million for January to June.", date(2025, 7, 24))
    assert [t.period.label for t in found] == ["2025-H1"]
    two = find_timexes("Prices rose 2% in June to July.", date(2025, 7, 24))  # too short to be a reporting span
    assert [t.period.label for t in two] == ["2025-06", "2025-07"]


def test_a_year_inside_a_since_clause_is_not_the_figures_period() -> None:
    from monitor.extract import extract
    figs = extract("Operating margin: 8.0%, the best quarterly margin since the group adopted its current reporting "
                   "format in 2017.", date(2025, 7, 25)).figures
    assert [f.period.label for f in figs] == ["2025-07-25"]
    kept = extract("Sales rose 5% in 2024, the most since it was founded.", date(2025, 7, 25)).figures
    assert [f.period.label for f in kept] == ["2024"]
