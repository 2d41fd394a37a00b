"""Which figures are one measure: paraphrases meet, different things stay apart."""
from __future__ import annotations

from tests.claims.helpers import Log, alert_pairs, article, fig, period


def test_paraphrased_count_of_members_meeting_a_goal_is_one_measure() -> None:
    t1 = ("The league wants every club to spend at least 5% of revenue on youth coaching. "
          "Only six of its 20 members reached the target in 2022, the annual review found.")
    t2 = ("Under the rules agreed in 2019, clubs must put 5% of revenue into coaching, but only nine of its 20 "
          "members currently meet that goal.")
    log = Log()
    log.ingest(article("a.txt", t1, "2023-02-01", "Gazette"), [fig(t1, "six of its 20 members", 6, total=20, period=period("2022"))])
    d = log.ingest(article("b.txt", t2, "2023-09-01", "Courier"), [fig(t2, "nine of its 20 members", 9, total=20)])
    assert [x.kind for x in d] == ["update"]
    assert d[0].previous is not None and d[0].previous.text == "six of its 20 members"
    assert d[0].change["absolute"] == 3
    assert d[0].claim.key == d[0].previous.key  # one timeline


def test_share_and_count_with_total_compare_on_one_scale() -> None:
    t1 = "Only nine of its 20 members currently meet the 5% goal, the league said."
    t2 = "Two-thirds of members will meet the 5% goal this year, the league said on Monday."
    log = Log()
    log.ingest(article("a.txt", t1, "2023-09-01"), [fig(t1, "nine of its 20 members", 9, total=20)])
    d = log.ingest(article("b.txt", t2, "2024-03-12"), [fig(t2, "Two-thirds", 2 / 3, "fraction", period=period("2024", "relative"))])
    assert d[0].kind == "update"
    assert d[0].change["share_old"] == 0.45 and abs(d[0].change["share_new"] - 0.6667) < 1e-3


def test_killed_and_injured_are_different_measures() -> None:
    t1 = "The storm killed at least 40 people and injured more than 300, officials said."
    t2 = "The number of people killed by the storm rose to 55, while 410 were injured, officials said on Friday."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-01-09"), [fig(t1, "40", 40, qualifier="lower_bound"),
                                                     fig(t1, "300", 300, qualifier="lower_bound")])
    d = log.ingest(article("b.txt", t2, "2025-01-10"), [fig(t2, "55", 55), fig(t2, "410", 410)])
    assert alert_pairs(d) == {("update", "40", "55"), ("update", "300", "410")}


def test_core_rate_is_not_the_headline_rate() -> None:
    t1 = "Inflation in Westmark rose to 2.9% in June. Core inflation, which excludes fuel and food, held at 3.3%."
    t2 = "Westmark's core inflation eased to 3.1% in July, while headline inflation climbed to 3.0%."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-07-15"), [fig(t1, "2.9%", 2.9, "percent", period=period("2025-06")),
                                                     fig(t1, "3.3%", 3.3, "percent", period=period("2025-06"))])
    d = log.ingest(article("b.txt", t2, "2025-08-14"), [fig(t2, "3.1%", 3.1, "percent", period=period("2025-07")),
                                                         fig(t2, "3.0%", 3.0, "percent", period=period("2025-07"))])
    assert alert_pairs(d) == {("update", "3.3%", "3.1%"), ("update", "2.9%", "3.0%")}


def test_two_companies_in_parallel_wording_stay_apart() -> None:
    t1 = "Corvex reported revenue of $2.4 billion, while rival Tandrel reported revenue of $1.8 billion."
    t2 = "Tandrel's revenue rose to $2.0 billion in the next quarter. Corvex said its revenue fell to $2.2 billion."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-04-20"), [fig(t1, "$2.4 billion", 2.4e9, "USD"), fig(t1, "$1.8 billion", 1.8e9, "USD")])
    d = log.ingest(article("b.txt", t2, "2025-07-20"), [fig(t2, "$2.0 billion", 2.0e9, "USD"),
                                                         fig(t2, "$2.2 billion", 2.2e9, "USD")])
    assert alert_pairs(d) == {("update", "$1.8 billion", "$2.0 billion"), ("update", "$2.4 billion", "$2.2 billion")}


def test_shares_of_different_groups_are_different_measures() -> None:
    t1 = "Two-thirds of voters backed the plan in the referendum, the count showed."
    t2 = "Half of members backed the plan at the party congress, the count showed."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-03-01"), [fig(t1, "Two-thirds", 2 / 3, "fraction")])
    d = log.ingest(article("b.txt", t2, "2025-03-08"), [fig(t2, "Half", 0.5, "fraction")])
    assert [x.kind for x in d] == ["new"]


def test_a_proposed_level_is_not_the_agreed_target() -> None:
    t1 = "Members agreed to spend at least 2% of output on research."
    t2 = "The finance minister called for members to raise the minimum level of research spending to 3% of output."
    log = Log()
    log.ingest(article("a.txt", t1, "2024-01-10"), [fig(t1, "2%", 2, "percent", qualifier="lower_bound")])
    d = log.ingest(article("b.txt", t2, "2024-05-10"), [fig(t2, "3%", 3, "percent")])
    assert not log.alerts() and d[0].kind == "new"


def test_different_aid_packages_are_not_revisions_of_each_other() -> None:
    t1 = "A $40 billion package of farm aid remains stuck in the senate."
    t2 = "The government announced a new $500 million farm aid package on Tuesday. The $40 billion package is still stuck."
    log = Log()
    log.ingest(article("a.txt", t1, "2024-03-14"), [fig(t1, "$40 billion", 4e10, "USD")])
    d = log.ingest(article("b.txt", t2, "2024-03-15"), [fig(t2, "$500 million", 5e8, "USD"), fig(t2, "$40 billion", 4e10, "USD")])
    assert not log.alerts()
    assert d[1].kind == "restatement"


def test_durations_ordinals_and_calendar_numbers_are_not_claims() -> None:
    t = ("After a two-day meeting ten years ago, the council became the 12th member on March 3. "
         "It has 40 staff.")
    from monitor.claims import make_claims
    figures = [fig(t, "two-day", 2, "days"), fig(t, "ten years", 10, "years"), fig(t, "12th", 12, tags=("ordinal",)),
               fig(t, "3", 3), fig(t, "40", 40)]
    claims = make_claims(article("a.txt", t, "2024-03-14"), figures)
    assert [c.text for c in claims] == ["40"]


def test_participle_after_and_stays_a_modifier_of_the_counted_noun() -> None:
    t1 = "Airport staff said on Monday that delayed flights had climbed to 140 by noon."
    t2 = "The airport said 60 flights left on time, and delayed flights had reached 210 by evening."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-06-02"), [fig(t1, "140", 140)])
    d = log.ingest(article("b.txt", t2, "2025-06-03"), [fig(t2, "60", 60), fig(t2, "210", 210)])
    assert alert_pairs(d) == {("update", "140", "210")}  # the on-time count is not the delayed count
    assert d[1].claim.key == d[1].previous.key
    assert "delay" in d[1].claim.key


def test_percentage_of_growth_of_a_thing_is_the_rate_of_that_thing() -> None:
    t1 = "Average rents were 2.6% higher than a year before, the bureau said."
    t2 = "Average rent growth slowed to 2.1% in May, the bureau said on Tuesday."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-05-10"), [fig(t1, "2.6%", 2.6, "percent", period=period("2025-04"))])
    d = log.ingest(article("b.txt", t2, "2025-06-10"), [fig(t2, "2.1%", 2.1, "percent", period=period("2025-05"))])
    assert alert_pairs(d) == {("update", "2.6%", "2.1%")}
    assert "growth" not in d[0].claim.key


def test_picked_up_is_a_verb_of_change_not_part_of_the_measure() -> None:
    t1 = "Average fares were 1.8% higher than a year before, the regulator said."
    t2 = "Average fare growth picked up to 2.4% in July, the regulator said on Monday."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-07-05"), [fig(t1, "1.8%", 1.8, "percent", period=period("2025-06"))])
    d = log.ingest(article("b.txt", t2, "2025-08-05"), [fig(t2, "2.4%", 2.4, "percent", period=period("2025-07"))])
    assert alert_pairs(d) == {("update", "1.8%", "2.4%")}
