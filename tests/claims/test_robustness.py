"""Claims stay right when extraction gives little: subjects, sources, horizons, thresholds, old events."""
from __future__ import annotations

from tests.claims.helpers import Log, alert_pairs, article, fig, period


def test_the_injured_after_a_verb_of_saying_is_the_counted_thing() -> None:
    t1 = "More than 90 people were injured when the bridge gave way, the fire service said."
    t2 = "The regional fire service said the injured now numbered 140, and that 12 people were still missing."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-02-03"), [fig(t1, "More than 90", 90, qualifier="lower_bound")])
    d = log.ingest(article("b.txt", t2, "2025-02-04"), [fig(t2, "140", 140), fig(t2, "12", 12)])
    assert alert_pairs(d) == {("update", "More than 90", "140")}


def test_a_bare_toll_counts_deaths() -> None:
    t1 = "At least 35 people were killed in the flooding, officials said."
    t2 = "Rescuers found more bodies on Monday, and the toll rose to 52."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-03-01"), [fig(t1, "At least 35", 35, qualifier="lower_bound")])
    d = log.ingest(article("b.txt", t2, "2025-03-03"), [fig(t2, "52", 52)])
    assert alert_pairs(d) == {("update", "At least 35", "52")}


def test_forced_from_homes_is_displaced_and_not_injured() -> None:
    t1 = "About 8,000 people had been forced from their homes, while 300 people were injured."
    t2 = "The agency said 90 people had been treated for injuries and that more than 11,000 were now displaced."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-04-10"), [fig(t1, "About 8,000", 8000, qualifier="approximate"),
                                                     fig(t1, "300", 300)])
    d = log.ingest(article("b.txt", t2, "2025-04-12"), [fig(t2, "90", 90),
                                                         fig(t2, "more than 11,000", 11000, qualifier="lower_bound")])
    assert alert_pairs(d) == {("update", "About 8,000", "more than 11,000"), ("update", "300", "90")}


def test_a_named_lender_raising_its_pledge_is_an_update_and_another_donor_is_not() -> None:
    t1 = ("The Eastern Trust Bank, a development lender, said it had pledged $20 million in reconstruction credit to "
          "the region. The Morrow Foundation said it would give $5 million in reconstruction credit.")
    t2 = "The Eastern Trust Bank said it had raised its pledge of reconstruction credit to $35 million."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-05-02"), [fig(t1, "$20 million", 20e6, "USD"), fig(t1, "$5 million", 5e6, "USD")])
    d = log.ingest(article("b.txt", t2, "2025-05-06"), [fig(t2, "$35 million", 35e6, "USD")])
    assert alert_pairs(d) == {("update", "$20 million", "$35 million")}


def test_an_apposition_does_not_hide_the_subject() -> None:
    t1 = "Core inflation eased to 3.8% in May."
    t2 = "Core inflation, the gauge that leaves out fuel and food prices, slowed to 3.5% in June."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-06-12"), [fig(t1, "3.8%", 3.8, "percent", period=period("2025-05"))])
    d = log.ingest(article("b.txt", t2, "2025-07-12"), [fig(t2, "3.5%", 3.5, "percent", period=period("2025-06"))])
    assert alert_pairs(d) == {("update", "3.8%", "3.5%")}


def test_monthly_changes_and_annual_rates_are_separate_series() -> None:
    t1 = "Annual inflation slowed to 4.1% in May. Prices rose 0.2% on the month."
    t2 = "Inflation eased to 3.9% in June. Consumer prices rose 0.3% from May."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-06-12"), [fig(t1, "4.1%", 4.1, "percent", period=period("2025-05")),
                                                     fig(t1, "0.2%", 0.2, "percent", period=period("2025-05"))])
    d = log.ingest(article("b.txt", t2, "2025-07-12"), [fig(t2, "3.9%", 3.9, "percent", period=period("2025-06")),
                                                         fig(t2, "0.3%", 0.3, "percent", period=period("2025-06"))])
    assert alert_pairs(d) == {("update", "4.1%", "3.9%"), ("update", "0.2%", "0.3%")}


def test_a_forecast_is_not_a_reading_and_a_comparison_with_one_does_not_make_a_forecast() -> None:
    t1 = "Inflation fell to 4.4% in March, a bigger drop than analysts had forecast."
    t2 = "Economists had expected 4.0%. Inflation fell to 4.2% in April."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-04-12"), [fig(t1, "4.4%", 4.4, "percent", period=period("2025-03"))])
    d = log.ingest(article("b.txt", t2, "2025-05-12"), [fig(t2, "4.0%", 4.0, "percent"),
                                                         fig(t2, "4.2%", 4.2, "percent", period=period("2025-04"))])
    assert alert_pairs(d) == {("update", "4.4%", "4.2%")}


def test_a_threshold_is_not_a_count() -> None:
    t1 = ("The appeal had gathered 80,000 signatures by Friday. A petition that reaches 200,000 signatures must be "
          "answered by the council.")
    t2 = "The appeal passed 120,000 signatures on Sunday. If it reaches 200,000, the council must respond."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-06-06"), [fig(t1, "80,000", 80000), fig(t1, "200,000", 200000)])
    d = log.ingest(article("b.txt", t2, "2025-06-08"), [fig(t2, "120,000", 120000), fig(t2, "200,000", 200000)])
    assert alert_pairs(d) == {("update", "80,000", "120,000")}


def test_two_sources_disagree_the_same_day_and_keep_their_own_series() -> None:
    t1 = "Police put the crowd at 8,000, while the organisers said 30,000 people had taken part."
    t2 = "Saturday's rally drew 8,000 people according to police and 30,000 according to the organisers."
    t3 = "Police estimated the crowd at 11,000, while the organisers said 45,000 people had taken part."
    log = Log()
    d1 = log.ingest(article("a.txt", t1, "2025-09-06"), [fig(t1, "8,000", 8000), fig(t1, "30,000", 30000)])
    assert alert_pairs(d1) == {("contradiction", "8,000", "30,000")}
    d2 = log.ingest(article("b.txt", t2, "2025-09-07"), [fig(t2, "8,000", 8000), fig(t2, "30,000", 30000)])
    assert alert_pairs(d2) == set() and [d.kind for d in d2] == ["restatement", "restatement"]
    d3 = log.ingest(article("c.txt", t3, "2025-09-13"), [fig(t3, "11,000", 11000), fig(t3, "45,000", 45000)])
    assert alert_pairs(d3) == {("update", "8,000", "11,000"), ("update", "30,000", "45,000")}


def test_an_increment_before_bringing_the_total_is_not_the_running_total() -> None:
    t1 = "Police said 27 people had now been detained over the riots."
    t2 = ("Police said 9 people were arrested on Friday, bringing the total number of arrests since the riots "
          "began to 36.")
    log = Log()
    log.ingest(article("a.txt", t1, "2025-08-02"), [fig(t1, "27", 27)])
    d = log.ingest(article("b.txt", t2, "2025-08-09"), [fig(t2, "9", 9), fig(t2, "36", 36)])
    assert alert_pairs(d) == {("update", "27", "36")}


def test_a_figure_for_a_period_years_back_is_never_a_side_of_an_update() -> None:
    t1 = "At least 70 people have been killed, officials said."
    t2 = "It was the worst storm since 1998, when a cyclone killed about 1,200 people along the coast."
    for first, second in ((0, 1), (1, 0)):  # in either order of arrival
        log = Log()
        arts = [(article("a.txt", t1, "2025-10-02"), [fig(t1, "At least 70", 70, qualifier="lower_bound")]),
                (article("b.txt", t2, "2025-10-03"), [fig(t2, "about 1,200", 1200, qualifier="approximate",
                                                          period=period("1998"))])]
        log.ingest(*arts[first])
        log.ingest(*arts[second])
        assert not log.alerts()


def test_a_reading_is_not_a_count() -> None:
    t1 = "The quake struck at magnitude 6.4 before dawn."
    t2 = "The quake toll climbs past 90 as rescuers dig."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-11-01"), [fig(t1, "6.4", 6.4)])
    d = log.ingest(article("b.txt", t2, "2025-11-03"), [fig(t2, "90", 90, qualifier="lower_bound")])
    assert not log.alerts() and d[0].kind == "new"


def test_a_whole_percentage_is_not_within_rounding_of_a_half() -> None:
    t1 = "The central bank held its policy rate at 6% in March."
    t2 = "The central bank cut its policy rate to 5.5% in May."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-03-20"), [fig(t1, "6%", 6, "percent")])
    d = log.ingest(article("b.txt", t2, "2025-05-20"), [fig(t2, "5.5%", 5.5, "percent")])
    assert alert_pairs(d) == {("update", "6%", "5.5%")}


def test_a_separate_event_is_another_thing() -> None:
    t1 = "About 6,000 people joined the march through the capital."
    t2 = "In the port, about 900 people joined a separate march, local officials said."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-09-06"), [fig(t1, "About 6,000", 6000, qualifier="approximate")])
    d = log.ingest(article("b.txt", t2, "2025-09-13"), [fig(t2, "about 900", 900, qualifier="approximate")])
    assert not log.alerts() and d[0].kind == "new"
