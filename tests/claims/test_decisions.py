"""What a new claim means: update, contradiction, restatement, history; one alert per change."""
from __future__ import annotations

from tests.claims.helpers import Log, alert_pairs, article, fig, period

DAY1 = "Floods in the Marren valley have killed at least 120 people, the regional government said."
DAY2 = "The death toll from the Marren valley floods rose to more than 210, the regional government said on Tuesday."
DAY2_WIRE = "Rescuers said on Tuesday that more than 210 people had been killed by the floods in the Marren valley."


def _flood_figs(text: str, quote: str, value: float) -> list:
    return [fig(text, quote, value, qualifier="lower_bound")]


def test_rising_toll_is_an_update_and_a_second_outlet_repeating_it_is_silent() -> None:
    log = Log()
    log.ingest(article("d1.txt", DAY1, "2025-04-07", "Valley News"), _flood_figs(DAY1, "120", 120))
    d2 = log.ingest(article("d2.txt", DAY2, "2025-04-08", "Daily Ledger"), _flood_figs(DAY2, "210", 210))
    d3 = log.ingest(article("d3.txt", DAY2_WIRE, "2025-04-08", "Coastal Wire"), _flood_figs(DAY2_WIRE, "210", 210))
    assert alert_pairs(d2) == {("update", "120", "210")}
    assert [d.kind for d in d3] == ["restatement"]
    assert d3[0].previous is not None and d3[0].previous.article == "d2.txt"
    assert "120" in d2[0].explanation and "210" in d2[0].explanation


def test_an_older_article_arriving_late_is_history_and_raises_nothing() -> None:
    log = Log()
    log.ingest(article("d2.txt", DAY2, "2025-04-08", "Daily Ledger"), _flood_figs(DAY2, "210", 210))
    d = log.ingest(article("d1.txt", DAY1, "2025-04-07", "Valley News"), _flood_figs(DAY1, "120", 120))
    assert [x.kind for x in d] == ["history"]
    assert not log.alerts()


def test_the_old_side_is_what_the_user_last_knew() -> None:
    t1 = "The jobless rate in Ostria rose to 5.1% in March, the statistics office said."
    t2 = "The jobless rate in Ostria fell to 4.9% in February, the statistics office said."
    t3 = "Ostria's jobless rate climbed to 5.4% in April, according to the statistics office."
    log = Log()
    log.ingest(article("mar.txt", t1, "2025-04-03"), [fig(t1, "5.1%", 5.1, "percent", period=period("2025-03"))])
    late = log.ingest(article("feb.txt", t2, "2025-03-04"), [fig(t2, "4.9%", 4.9, "percent", period=period("2025-02"))])
    d = log.ingest(article("apr.txt", t3, "2025-05-05"), [fig(t3, "5.4%", 5.4, "percent", period=period("2025-04"))])
    assert [x.kind for x in late] == ["history"]
    assert alert_pairs(d) == {("update", "5.1%", "5.4%")}


def test_same_day_disagreement_between_sources_is_a_contradiction() -> None:
    t1 = "Police said about 8,000 people joined the rally in Dunmore on Sunday."
    t2 = "Organisers said 45,000 people took part in the rally in Dunmore on Sunday."
    log = Log()
    log.ingest(article("police.txt", t1, "2025-05-18", "Gazette"), [fig(t1, "8,000", 8000, qualifier="approximate")])
    d = log.ingest(article("org.txt", t2, "2025-05-18", "Herald"), [fig(t2, "45,000", 45000)])
    assert alert_pairs(d) == {("contradiction", "8,000", "45,000")}
    assert "police" in d[0].explanation.lower() and "organiser" in d[0].explanation.lower()


def test_disagreement_inside_one_article_between_named_sayers() -> None:
    t = "Police said 8,000 people joined the rally in Dunmore, while organisers said 45,000 people took part."
    log = Log()
    d = log.ingest(article("both.txt", t, "2025-05-18"), [fig(t, "8,000", 8000), fig(t, "45,000", 45000)])
    assert alert_pairs(d) == {("contradiction", "8,000", "45,000")}


def test_an_earlier_statement_quoted_in_the_article_is_updated_by_its_newer_one() -> None:
    t = ("The council expects two-thirds of its members to meet the recycling goal this year, the chair said. "
         "The chair said last month that 11 of its 30 members were expected to meet the recycling goal this year.")
    log = Log()
    d = log.ingest(article("a.txt", t, "2025-03-14"), [
        fig(t, "two-thirds", 2 / 3, "fraction", period=period("2025", "relative")),
        fig(t, "11 of its 30 members", 11, total=30, period=period("2025", "relative")),
    ])
    assert alert_pairs(d) == {("update", "11 of its 30 members", "two-thirds")}
    assert d[1].claim.as_of.isoformat() == "2025-02-14"  # "said last month"


def test_baseline_in_the_same_sentence_never_alerts() -> None:
    t = "Exports rose to 310 containers a week in May, up from 280 containers a week in April."
    log = Log()
    d = log.ingest(article("a.txt", t, "2025-06-02"), [
        fig(t, "310", 310, period=period("2025-05")), fig(t, "280", 280, period=period("2025-04"), change="baseline")])
    assert not log.alerts()
    assert d[1].kind == "history"


def test_about_the_same_value_is_a_restatement() -> None:
    t1 = "Officials said 5,000 homes were evacuated in Calder."
    t2 = "About 5,000 homes were evacuated in Calder, officials said."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-02-02"), [fig(t1, "5,000", 5000)])
    d = log.ingest(article("b.txt", t2, "2025-02-03"), [fig(t2, "About 5,000", 5000, qualifier="approximate")])
    assert [x.kind for x in d] == ["restatement"]


def test_a_closed_period_restated_differently_later_is_a_contradiction() -> None:
    t1 = "Harvest output in Lorne reached 4.2 million tonnes in 2023, the ministry said."
    t2 = "Harvest output in Lorne reached 3.9 million tonnes in 2023, the ministry said in a report."
    log = Log()
    log.ingest(article("a.txt", t1, "2024-02-01"), [fig(t1, "4.2 million tonnes", 4.2e6, "tonnes", period=period("2023"))])
    d = log.ingest(article("b.txt", t2, "2024-06-01"), [fig(t2, "3.9 million tonnes", 3.9e6, "tonnes", period=period("2023"))])
    assert [x.kind for x in d] == ["contradiction"]
