"""Wording met in stories the rules were not written on: each case is a sentence pattern that once split one
measure in two or joined two measures, run through the real extractor and claim builder.

Every sentence here is written for the test (invented places, outlets and companies).
"""
from __future__ import annotations

import hashlib
from datetime import date

from monitor.claims import make_claims, reconcile
from monitor.extract import extract
from monitor.models import Article, Claim, Decision


class Story:
    """Articles in drop order through extraction, claims and decisions, as the app runs them."""

    def __init__(self) -> None:
        self.known: list[Claim] = []
        self.decisions: list[Decision] = []

    def add(self, name: str, published: str, text: str) -> list[Decision]:
        sha = hashlib.sha256(text.encode()).hexdigest()
        title = text.split("\n", 1)[0] if "\n" in text else None
        art = Article(name=name, format="txt", text=text, clean=text, encoding="utf-8", sha256=sha, text_sha256=sha,
                      published=date.fromisoformat(published), published_source="front_matter",
                      published_confidence=1.0, source=name.split(".")[0], title=title)
        new = make_claims(art, list(extract(text, art.published).figures))
        decided = reconcile(new, self.known)
        self.known += [d.claim for d in decided]
        self.decisions += decided
        return decided

    def alerts(self) -> set[tuple[str, str, str]]:
        return {(a.kind, a.previous.text, d.claim.text) for d in self.decisions for a in (d, *d.also)
                if a.alerts and a.previous}


def claim(text: str, quote: str, published: str = "2025-06-10") -> Claim:
    s = Story()
    s.add("a.txt", published, text)
    return next(d.claim for d in s.decisions if d.claim.text == quote)


def test_participle_between_number_and_noun_keeps_the_noun() -> None:
    c = claim("The outbreak in Palmora has reached 318 confirmed cases, the health ministry said.", "318")
    assert c.features["head"] == "case"


def test_place_after_in_is_not_the_subject_of_a_change() -> None:
    c = claim("Confirmed cases in Palmora Province have more than doubled in a week to 640, officials said.", "640")
    assert c.features["head"] == "case" and "palmora" in c.features["names"]


def test_wire_dateline_is_not_what_a_figure_is_about() -> None:
    text = ("TESSARO, June 9 (Coastwire) - Cases in Palmora rose again on Monday. "
            "The ministry said 12 people had died.")
    assert "tessaro" not in claim(text, "12").features["names"]


def test_owner_of_a_toll_is_its_source_not_a_kind_of_toll() -> None:
    c = claim("The ministry's official death toll rose to 29.", "29")
    assert c.features["mods"] == ["die"] and c.features["sayer"] == "ministry"


def test_missing_after_remain_and_unaccounted_for_are_one_measure() -> None:
    s = Story()
    s.add("a.txt", "2025-06-10", "Rescuers said 57 people were unaccounted for after the landslide in Vellen.")
    s.add("b.txt", "2025-06-12", "Rescuers said 21 people remain missing after the landslide in Vellen.")
    assert s.alerts() == {("update", "57", "21")}


def test_topic_word_as_modifier_does_not_split_a_count() -> None:
    s = Story()
    s.add("a.txt", "2025-06-10", "Ferrow cholera cases\nHealth officials have confirmed 212 cases of cholera in Ferrow. "
          "Officials said cholera had spread through wells and cholera clinics were full.")
    s.add("b.txt", "2025-06-17", "Ferrow outbreak grows\nCholera cases in Ferrow have climbed to 486, officials said. "
          "The cholera wards are full and cholera kits are running short.")
    assert ("update", "212", "486") in s.alerts()


def test_modifier_that_tells_two_measures_apart_in_one_article_still_splits() -> None:
    s = Story()
    s.add("a.txt", "2025-06-10", "Officials have confirmed 212 cases in Ferrow, and 540 suspected cases were still "
          "awaiting tests.")
    s.add("b.txt", "2025-06-17", "Suspected cases in Ferrow rose to 1,120, officials said.")
    assert s.alerts() == {("update", "540", "1,120")}


def test_reference_to_the_two_counts_is_no_measure() -> None:
    s = Story()
    s.add("a.txt", "2025-06-10", "The agency said 86 people had died in the floods.")
    s.add("b.txt", "2025-06-12", "Officials said the two counts had been merged and 112 people had died in the floods.")
    assert s.alerts() == {("update", "86", "112")}


def test_time_in_a_relative_clause_does_not_date_the_main_verb() -> None:
    c = claim("Storms that swept the coast last weekend have killed 112 people, the agency said on Friday.", "112",
              "2025-09-19")
    assert c.period.start == c.period.end == date(2025, 9, 19)


def test_headline_repeating_the_body_is_decided_after_it() -> None:
    s = Story()
    s.add("a.txt", "2025-06-10", "Rescuers said 40 people had died in the floods in Vellen.")
    s.add("b.txt", "2025-06-12", "Vellen flood toll climbs to 73\n"
          "The death toll from the floods in Vellen climbed to 73 on Thursday, rescuers said.")
    old_new = {(a, b) for _, a, b in s.alerts()}
    assert old_new == {("40", "73")}
    body = [d for d in s.decisions if d.claim.text == "73" and d.alerts]
    assert body and body[0].claim.sentence.startswith("The death toll")


def test_company_said_speaks_for_the_company_of_the_story() -> None:
    s = Story()
    s.add("a.txt", "2025-04-24", "Corlan reports a solid first quarter\nCorlan Systems said on Thursday that demand "
          "held up. Revenue rose to $3.4 billion in the three months to March, Corlan said.")
    s.add("b.txt", "2025-04-29", "Tavish misses forecasts\nTavish Works had a weak start to the year. "
          "Revenue fell to $2.9 billion in the three months to March, the company said.")
    assert s.alerts() == set()


def test_amount_a_share_is_not_the_profit_itself() -> None:
    s = Story()
    s.add("a.txt", "2025-04-24", "Corlan net profit was $512 million, or $1.86 a share, in the first quarter.")
    s.add("b.txt", "2025-07-24", "Corlan net profit rose to $580 million, or $2.11 a share, in the second quarter.")
    assert s.alerts() == {("update", "$512 million", "$580 million"), ("update", "$1.86", "$2.11")}


def test_list_item_label_is_what_the_figure_measures() -> None:
    c = claim("Corlan results in brief\n- Net profit: $680 million\n- Staff: 18,900\n", "$680 million")
    assert c.features["head"] == "profit" and c.features["mods"] == ["net"] and "net" not in c.features["names"]


def test_country_and_its_adjective_are_one_name() -> None:
    s = Story()
    s.add("a.txt", "2025-04-15", "Inflation in Lessary slowed to 3.4% in March, the statistics office said.")
    s.add("b.txt", "2025-05-15", "Prices are rising more slowly. The Lessarian statistics office said inflation slowed "
          "to 3.1% in April.")
    assert s.alerts() == {("update", "3.4%", "3.1%")}


def test_sentence_opening_on_the_month_before_is_a_monthly_change() -> None:
    s = Story()
    s.add("a.txt", "2025-04-15", "Annual inflation eased to 3.4% in March. Compared with February, prices rose 0.3%.")
    s.add("b.txt", "2025-05-15", "Annual inflation eased to 3.1% in April. Month on month, prices rose 0.2%.")
    assert s.alerts() == {("update", "3.4%", "3.1%"), ("update", "0.3%", "0.2%")}


def test_relative_clause_with_a_list_is_read_past() -> None:
    c = claim("Core inflation, which leaves out energy, food, alcohol and tobacco, slowed to 4.0% in May.", "4.0%")
    assert c.features["head"] == "inflation" and c.features["mods"] == ["core"]


def test_jobs_added_are_a_change_and_not_a_workforce() -> None:
    s = Story()
    s.add("a.txt", "2025-03-14", "Employers added 22,100 jobs in February, the statistics office said.")
    s.add("b.txt", "2025-04-11", "Employers added 9,800 jobs in March. The Dunmore plant employs around 650 people.")
    assert s.alerts() == {("update", "22,100", "9,800")}


def test_jobless_rate_is_the_unemployment_rate() -> None:
    s = Story()
    s.add("a.txt", "2025-04-11", "Tarmland's unemployment rate fell to 5.7% in March.")
    s.add("b.txt", "2025-05-16", "Tarmland's jobless rate rose to 5.8% in April.")
    assert s.alerts() == {("update", "5.7%", "5.8%")}


def test_percentage_before_a_noun_compound_names_the_compound() -> None:
    c = claim("The chief executive said the 3.5% pay offer tabled last month remained fair.", "3.5%")
    assert c.features["head"] == "offer" and c.features["mods"] == ["pay"]


def test_rate_phrase_between_noun_and_verb_is_skipped() -> None:
    c = claim("The operator estimates that about 310,000 passengers a day are being affected.", "310,000")
    assert c.features["pred"] == "affect"


def test_one_end_of_a_range_repeats_the_range() -> None:
    s = Story()
    s.add("a.txt", "2025-07-24", "Corlan raised its revenue forecast for the year to $14.8bn-$15.2bn.")
    s.add("b.txt", "2025-07-25", "Corlan now expects revenue of between $14.8 billion and $15.2 billion this year.")
    assert not [a for a in s.alerts() if a[0] == "contradiction"]


def test_unstated_period_at_the_time_of_a_quarter_is_that_quarter() -> None:
    s = Story()
    s.add("a.txt", "2025-07-24", "Corlan said net profit rose to $580 million in the three months to June.")
    s.add("b.txt", "2025-07-24", "Corlan results\n- Net profit: $680 million\n")
    assert s.alerts() == {("contradiction", "$580 million", "$680 million")}


def test_part_of_a_toll_is_never_the_whole_toll() -> None:
    s = Story()
    s.add("a.txt", "2025-09-17", "The agency said 73 people had died in the floods. Nine of the dead were children.")
    s.add("b.txt", "2025-09-19", "The agency said 112 people had died in the floods. Among the dead are 14 children. "
          "In Westford alone, 29 people died.")
    assert s.alerts() == {("update", "73", "112"), ("update", "Nine", "14")}


def test_headline_in_other_words_repeats_its_body() -> None:
    s = Story()
    s.add("a.txt", "2025-09-15", "Rescuers said 41 people had died in the Vellen floods.")
    s.add("b.txt", "2025-09-17", "Governor says Vellen dead already at 86\n"
          "The governor said on Wednesday that her officials had confirmed that 86 people have died in Vellen.")
    assert len(s.alerts()) == 1


def test_repeat_by_another_outlet_is_the_latest_statement() -> None:
    s = Story()
    s.add("a.txt", "2025-04-24", "Corlan said revenue rose to $3.4 billion in the three months to March.")
    s.add("b.txt", "2025-04-29", "Corlan said revenue rose to $3.4 billion in the three months to March.")
    d = s.add("c.txt", "2025-07-24", "Corlan said revenue rose to $3.7 billion in the three months to June.")
    alert = next(x for x in d if x.alerts)
    # a restatement counts as the most recent claim: the alert quotes what the user read last
    assert alert.previous is not None and alert.previous.article == "b.txt"


def test_rate_named_by_its_modifier_is_that_measure() -> None:
    s = Story()
    s.add("a.txt", "2025-05-14", "Annual inflation slowed to 3.1% in April, while core inflation eased to 3.7%.")
    s.add("b.txt", "2025-06-13", "Inflation fell to 2.8% in May. The core rate, which strips out energy, food, "
          "alcohol and tobacco, fell to 3.5% in May. Inflation has now fallen for four months.")
    assert s.alerts() == {("update", "3.1%", "2.8%"), ("update", "3.7%", "3.5%")}


def test_benchmark_rate_is_the_policy_rate_and_no_target() -> None:
    s = Story()
    s.add("a.txt", "2025-03-06", "The central bank of Ostria left its benchmark rate at 4.50% on Thursday.")
    s.add("b.txt", "2025-05-21", "The central bank of Ostria cut its main policy rate to 4.25% on Wednesday.")
    assert s.alerts() == {("update", "4.50%", "4.25%")}


def test_noun_with_a_participle_phrase_is_the_subject_of_a_change() -> None:
    c = claim("Beds occupied by flu patients at the hospital fell to 148, staff said.", "148")
    assert c.features["head"] == "bed" and c.features["pred"] == "occupy"


def test_what_the_counted_people_did_in_a_relative_clause() -> None:
    c = claim("The number of people who have received a first dose reached 160,000, the minister said.", "160,000")
    assert c.features["head"] == "person" and c.features["pred"] == "receive"


def test_new_cases_are_not_the_running_total() -> None:
    s = Story()
    s.add("a.txt", "2025-08-18", "The outbreak has reached 731 confirmed cases, the ministry said.")
    s.add("b.txt", "2025-08-22", "Confirmed cases rose to 802, with fewer than 75 new cases in the past four days.")
    assert s.alerts() == {("update", "731", "802")}


def test_figure_compared_with_is_a_baseline() -> None:
    s = Story()
    s.add("a.txt", "2025-08-11", "At the hospital, 164 beds were occupied by flu patients on Monday.")
    s.add("b.txt", "2025-08-18", "The hospital said 171 beds were occupied by flu patients on Monday, compared with "
          "its peak of 183 on Friday.")
    assert s.alerts() == {("update", "164", "171")}


def test_first_to_phrase_names_who_an_offer_is_for() -> None:
    s = Story()
    s.add("a.txt", "2025-03-05", "Tarrow Rail's chief executive, Ada Lund, 54, told reporters outside its offices at "
          "18 Quay Road that the 3.5% pay offer tabled last month remained fair.")
    s.add("b.txt", "2025-03-10", "Tarrow Rail raised its pay offer to striking workers to 4.8% on Monday.")
    assert s.alerts() == {("update", "3.5%", "4.8%")}
    first = s.decisions[0].claim
    assert first.features["sayer"] == "lund" and "quay" not in first.features["names"]


def test_people_in_shelters_are_one_count_however_worded() -> None:
    s = Story()
    s.add("a.txt", "2026-09-14", "About 9,600 people spent Sunday night in shelters set up in schools, officials said.")
    s.add("b.txt", "2026-09-15", "The number of people in emergency shelters rose to 14,200, officials said.")
    s.add("c.txt", "2026-09-16", "The number of people sleeping in shelters climbed to 16,800 on Wednesday.")
    s.add("d.txt", "2026-09-24", "Officials counted 3,100 people in shelters on Wednesday. Some 41 people died in the storm.")
    assert s.alerts() == {("update", "9,600", "14,200"), ("update", "14,200", "16,800"), ("update", "16,800", "3,100")}


def test_listed_as_missing_and_confirmed_to_have_died() -> None:
    s = Story()
    s.add("a.txt", "2026-09-16", "Officials said 24 people remained missing and 26 people had died.")
    s.add("b.txt", "2026-09-24", "Six people are still listed as missing. As of Wednesday, 41 people are confirmed to "
          "have died, the governor told a late-night press conference.")
    assert s.alerts() == {("update", "24", "Six"), ("update", "26", "41")}


def test_where_a_statement_was_made_is_not_what_it_is_about() -> None:
    c = claim("Governor Ana Voss told a late-night press conference in Port Selby that the number of people "
              "confirmed dead stood at 26.", "26")
    assert "selby" not in c.features["names"] and c.features["pred"] == "die"
    assert "proposal" not in c.features["flags"]


def test_figure_given_on_a_day_dates_the_comparison_not_the_statement() -> None:
    c = claim("The directorate said 29 people were still missing, down from the figure given on Monday.", "29",
              "2026-09-15")
    assert c.as_of == date(2026, 9, 15)


def test_estimates_from_two_firms_the_same_day_disagree() -> None:
    s = Story()
    s.add("a.txt", "2026-09-15", "Broker Pellham Re said insured losses from Ilse were likely to reach about $3.1 "
          "billion.")
    s.add("b.txt", "2026-09-15", "Modelling firm Corbin Analytics said that insured losses from Ilse would be about "
          "$4.4 billion.")
    assert s.alerts() == {("contradiction", "$3.1 billion", "$4.4 billion")}


def test_rival_company_speaking_of_its_own_sales_is_kept_apart() -> None:
    s = Story()
    s.add("a.txt", "2026-01-08", "Greyholm said sales grew 2.1% in the 18 weeks to January 3, the supermarket said. "
          "Discounter Audley Fresh said its sales rose 4.6% in the six weeks to January 4.")
    s.add("b.txt", "2026-04-22", "Sales at Greyholm grew 2.7% over the year, the company said. Audley Fresh said its "
          "sales grew 4.2% over the year.")
    assert s.alerts() == {("update", "2.1%", "2.7%"), ("update", "4.6%", "4.2%")}


def test_job_cuts_and_people_found_roles_are_not_the_workforce() -> None:
    s = Story()
    s.add("a.txt", "2025-10-08", "Greyholm employs 61,000 people.")
    s.add("b.txt", "2026-04-22", "Greyholm now employs 59,300 people. The company said most of the 1,800 job cuts had "
          "taken effect, and that about 400 staff had been found roles elsewhere in the group.")
    assert s.alerts() == {("update", "61,000", "59,300")}


def test_rate_for_a_month_not_yet_over_is_a_forecast() -> None:
    s = Story()
    s.add("a.txt", "2025-05-14", "Annual inflation eased to 3.1% in April, the statistics office said.")
    s.add("b.txt", "2025-06-13", "Annual inflation eased to 2.8% in May. Economists at Ostwall see rates falling, "
          "with inflation dipping to 2.6% in June.")
    assert s.alerts() == {("update", "3.1%", "2.8%")}


def test_higher_than_in_the_month_before_is_a_monthly_change() -> None:
    c = claim("Prices were 0.1% higher than in April.", "0.1%", "2025-06-13")
    assert c.features["horizon"] == "month"


def test_acronym_of_a_measure_is_what_is_measured() -> None:
    s = Story()
    s.add("a.txt", "2025-04-10", "Core CPI, which excludes food and energy, rose 3.3% year on year in March, the BSO "
          "said. Month on month, the CPI rose 0.2% in March, seasonally adjusted.")
    s.add("b.txt", "2025-05-13", "Core inflation slowed to 3.1% in April, the BSO said. Month on month, the CPI rose "
          "0.1% in April.")
    assert s.alerts() == {("update", "3.3%", "3.1%"), ("update", "0.2%", "0.1%")}
    assert not [d for d in s.decisions if "revised" in d.claim.features["flags"]]  # "seasonally adjusted"


def test_conjunct_with_its_own_verb_counts_its_own_thing() -> None:
    c = claim("The agency said at least 120 people were injured and 57 were unaccounted for.", "57")
    assert c.features["pred"] == "missing"


def test_average_earnings_are_pay_not_profit() -> None:
    s = Story()
    s.add("a.txt", "2025-05-13", "Average weekly earnings grew by 4.2% in the three months to March.")
    s.add("b.txt", "2025-06-11", "Average weekly earnings growth slowed to 4.0% in the three months to April. Tarvo "
          "said net earnings rose 8% in the quarter.")
    assert s.alerts() == {("update", "4.2%", "4.0%")}


def test_change_between_two_months_is_the_later_months_monthly_change() -> None:
    s = Story()
    s.add("a.txt", "2025-05-13", "Annual inflation fell to 2.6% in April. Consumer prices rose by just 0.1% between "
          "March and April, the office said.")
    s.add("b.txt", "2025-06-11", "Annual inflation rose to 2.9% in May. Prices rose 0.4% in May from April.")
    assert s.alerts() == {("update", "2.6%", "2.9%"), ("update", "0.1%", "0.4%")}


def test_people_counted_with_nothing_said_are_no_measure_across_stories() -> None:
    s = Story()
    s.add("a.txt", "2025-09-14", "Three people told reporters they had come from the north.")
    s.add("b.txt", "2025-09-15", "Some 700 people, many of them students, waited outside the hall.")
    assert s.alerts() == set()


def test_based_place_is_not_the_company() -> None:
    c = claim("Corlan Foods reported strong sales. The Leeming-based grocer made a pre-tax profit of £212m in the "
              "26 weeks to August 30.", "£212m", "2025-10-08")
    assert "leeming" not in c.features["names"]


def test_list_items_belong_to_the_name_above_the_list() -> None:
    c = claim("Chip-equipment maker Corvex Systems delivered strong numbers, unlike rival Halvard Tools.\n\n"
              "### The numbers\n\n- Net profit: $680 million\n- Operating margin: 22.1 per cent\n", "$680 million")
    assert c.features["names"] == ["corvex"]


def test_crowd_sizes_however_worded_are_one_attendance_count() -> None:
    s = Story()
    s.add("a.txt", "2025-09-14", "Police put Sunday attendance at 28,000, the force said.")
    s.add("b.txt", "2025-09-15", "Police said some 31,000 marchers had taken part in Sunday's march.")
    assert s.alerts() == {("update", "28,000", "31,000")}
    assert all(d.claim.features["head"] == "person" and d.claim.features["pred"] == "attend" for d in s.decisions)


def test_survivors_pulled_alive_are_people_rescued() -> None:
    s = Story()
    s.add("a.txt", "2026-09-14", "Rescuers pulled 37 people alive from the rubble, the agency said.")
    s.add("b.txt", "2026-09-17", "Rescuers have pulled 164 survivors from the rubble, the agency said.")
    assert s.alerts() == {("update", "37", "164")}


def test_half_year_and_full_year_results_are_different_measures() -> None:
    s = Story()
    s.add("a.txt", "2025-10-08", "Corlan made a pre-tax profit of £212m in the 26 weeks to August 30.")
    s.add("b.txt", "2026-04-22", "Corlan made a pre-tax profit of £409m in the 52 weeks to February 28.")
    assert s.alerts() == set()


def test_closing_stores_is_a_change_not_the_store_count() -> None:
    s = Story()
    s.add("a.txt", "2025-10-08", "Corlan, which has 812 stores, reported its results.")
    s.add("b.txt", "2026-01-08", "Corlan said it would close 22 stores. Corlan now has 799 stores.")
    assert s.alerts() == {("update", "812", "799")}


def test_rate_held_in_a_relative_clause_is_the_banks_rate() -> None:
    c = claim("The figures are likely to settle the debate at the Ostrian central bank, which has an inflation target "
              "of 2% and has held interest rates at 4.25% since November.", "4.25%", "2025-05-13")
    assert c.features["head"] == "policy" and "target" not in c.features["flags"]


def test_appeal_total_after_a_participle_aside() -> None:
    s = Story()
    s.add("a.txt", "2025-09-13", "The Homes Now Alliance organised the march. The alliance's online appeal, launched a "
          "month ago to cover costs, had raised $1.4 million by Saturday evening, a spokesman said.")
    s.add("b.txt", "2025-09-14", "The Homes Now Alliance marched again. The alliance said its online appeal had reached "
          "$2.1 million by Sunday evening.")
    assert s.alerts() == {("update", "$1.4 million", "$2.1 million")}


def test_repeat_inside_the_new_article_is_quoted_from_where_it_was_first_read() -> None:
    s = Story()
    s.add("a.txt", "2025-09-17", "The governor said her officials had confirmed that 86 people have died in Vellen.")
    s.add("b.txt", "2025-09-19", "Floods in Vellen have killed 112 people, the agency said on Friday. Provincial "
          "officials, who on Wednesday put the toll at 86, said the two counts had been merged.")
    alert = next(d for d in s.decisions if d.alerts)
    assert alert.previous is not None and alert.previous.article == "a.txt" and alert.claim.text == "112"


def test_a_persons_name_is_not_what_a_toll_is_about() -> None:
    s = Story()
    s.add("a.txt", "2026-09-17", "The Dravan quake has killed 263 people, the agency said.")
    s.add("b.txt", "2026-09-19", "Governor Ilse Marrow said 289 people had died in the Dravan quake.")
    assert s.alerts() == {("update", "263", "289")}
    assert "marrow" not in s.decisions[-1].claim.features["names"]


MARCH_1 = ("Police said about 12,000 people joined Saturday's march through Tarvel. The organisers, the Fair Rent "
           "Alliance, put the turnout at 40,000.")
MARCH_2 = ("The organisers said 65,000 people had joined the second march. Police estimated the crowd at 21,000, "
           "up from the 12,000 they counted a week earlier.")


def test_a_source_updates_its_own_series_and_contradicts_its_rival_on_the_same_day() -> None:
    s = Story()
    s.add("a1.txt", "2025-05-04", MARCH_1)
    s.add("a2.txt", "2025-05-11", MARCH_2)
    alerts = s.alerts()
    assert ("update", "12,000", "21,000") in alerts
    assert ("update", "40,000", "65,000") in alerts
    assert ("contradiction", "65,000", "21,000") in alerts
    assert ("update", "40,000", "21,000") not in alerts and ("update", "12,000", "65,000") not in alerts


def test_a_syndicated_repeat_of_both_counts_raises_nothing() -> None:
    s = Story()
    s.add("a1.txt", "2025-05-04", MARCH_1)
    s.add("a2.txt", "2025-05-11", MARCH_2)
    repeat = s.add("a3.txt", "2025-05-12", "The organisers said 65,000 people had joined the march. "
                                            "Police estimated the crowd at 21,000.")
    assert not any(a.alerts for d in repeat for a in (d, *d.also))


def test_a_new_source_continues_the_series_its_figure_is_closest_to() -> None:
    s = Story()
    s.add("a1.txt", "2025-05-04", MARCH_1)
    s.add("a2.txt", "2025-05-11", MARCH_2)
    later = s.add("a3.txt", "2025-05-12", "The Interior Ministry revised its own estimate of the crowd to 24,000.")
    d = next(d for d in later if d.claim.text == "24,000")
    assert d.kind == "update" and d.previous is not None and d.previous.text == "21,000"


def test_a_crowd_put_at_a_figure_by_someone_is_a_crowd_size_said_by_them() -> None:
    c = claim("Police counted 30,000 marchers. The crowd was put at 85,000 by the Fair Rent Alliance.", "85,000")
    assert c.features["head"] == "person" and c.features["pred"] == "attend"
    assert c.features["sayer"] and c.features["sayer"] != "police"


def test_a_route_from_one_place_to_another_is_not_what_is_counted() -> None:
    c = claim("Police counted 30,000 marchers on the way from Liberty Square to parliament.", "30,000")
    assert not {"liberty", "square"} & set(c.features.get("names") or ())


def test_a_fronted_place_keeps_its_own_count_apart_from_the_main_one() -> None:
    s = Story()
    s.add("a1.txt", "2025-05-04", MARCH_1)
    second = s.add("a2.txt", "2025-05-11", MARCH_2 + " In Holmby, the second city, some 5,000 people marched on "
                                                    "Saturday in a separate protest.")
    holmby = next(d for d in second if d.claim.text == "5,000")
    assert holmby.kind == "new" and "holmby" in holmby.claim.features["names"]
    third = s.add("a3.txt", "2025-05-18", "In Holmby, about 7,000 people marched for a second Saturday.")
    d = next(d for d in third if d.claim.text == "7,000")
    assert d.kind == "update" and d.previous is not None and d.previous.text == "5,000"


def test_a_conjunct_with_its_own_participle_counts_the_same_noun_in_another_state() -> None:
    c = claim("Officials said 3,900 homes had been destroyed and a further 9,000 damaged across the valley.", "9,000")
    assert c.features["head"] == "home" and c.features["pred"] == "damage"


def test_people_still_in_hospital_are_not_the_injured_total() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-02", "The ministry said 1,150 people had been injured.")
    later = s.add("a2.txt", "2025-03-04", "The ministry said about 1,300 people had been injured, and that more "
                                          "than 200 remained in hospital.")
    assert ("update", "1,150", "1,300") in s.alerts()
    d = next(d for d in later if d.claim.text == "200")
    assert not d.alerts


def test_n_of_them_is_a_part_of_the_count_before_it() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-02", "At least 540 people were injured, about 60 of them seriously, the agency said.")
    s.add("a2.txt", "2025-03-03", "The agency said 610 people had been injured.")
    alerts = s.alerts()
    assert ("update", "540", "610") in alerts and ("update", "60", "610") not in alerts


def test_attended_by_is_a_crowd_size_not_a_change() -> None:
    c = claim("The vigil on Saturday was attended by around 8,200 people, the transport authority said.", "8,200")
    assert "delta" not in c.features["flags"] and c.features["pred"] == "attend"


def test_the_level_after_by_n_to_is_not_a_change() -> None:
    toll = claim("The toll rose by 300 to 1,200 on Monday.", "1,200")
    step = claim("The toll rose by 300 to 1,200 on Monday.", "300")
    assert "delta" not in toll.features["flags"] and "delta" in step.features["flags"]


def test_a_passive_confirmation_has_no_speaker_and_keeps_its_subject() -> None:
    c = claim("Services inflation was confirmed at 3.4%, the statistics office said.", "3.4%")
    assert c.features["head"] == "inflation" and "service" in c.features["mods"]
    assert c.features.get("sayer") != "inflation"


def test_a_participle_aside_listing_what_is_left_out_is_not_the_subject() -> None:
    c = claim("Core inflation, stripping out energy, food, alcohol and tobacco, fell to 2.7% in May.", "2.7%")
    assert c.features["head"] == "inflation" and c.features["mods"] == ["core"]


def test_what_a_petition_calls_for_and_a_threshold_in_a_relative_clause_do_not_make_a_count_a_target() -> None:
    c = claim("The petition calling on the council to scrap the plan had collected 61,300 signatures by Sunday, "
              "passing the level at which the council must hold a debate.", "61,300")
    assert not {"proposal", "target"} & set(c.features["flags"])
    t = claim("A petition that reaches 50,000 signatures must be debated by the council.", "50,000")
    assert "target" in t.features["flags"]


def test_plans_to_cut_and_will_cut_are_one_planned_change() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-20", "Harlow Bank said it would cut 1,500 jobs by the end of 2027.")
    s.add("a2.txt", "2025-10-21", "Harlow Bank now plans to cut 2,200 jobs.")
    assert ("update", "1,500", "2,200") in s.alerts()


def test_a_count_after_a_weekday_that_ends_a_sentence_is_kept() -> None:
    c = claim("Twelve people were arrested, the police said late on Saturday. Four police officers were hurt.", "Four")
    assert c.features["pred"] == "injure" and c.features["head"] == "officer"


def test_two_more_people_is_a_count_of_people() -> None:
    c = claim("The toll stood at 31 on Friday. Two more people died on Wednesday, the ministry said.", "Two")
    assert c.features["head"] == "person" and c.features["pred"] == "die"


def test_people_living_in_a_place_and_its_residents_are_its_population() -> None:
    lived = claim("The statistics office estimates that 512,400 people lived in the city at mid-2023.", "512,400")
    residents = claim("Mayor Ana Prest said Lowhaven now has more than 530,000 residents.", "530,000")
    population = claim("Lowhaven's population rose to an estimated 520,100 at mid-2024.", "520,100")
    assert lived.features["head"] == residents.features["head"] == population.features["head"] == "population"
    evacuated = claim("Some 3,000 residents were evacuated on Monday.", "3,000")
    assert evacuated.features["head"] != "population"


def test_a_capitalised_word_glued_to_a_name_is_part_of_the_name() -> None:
    c = claim("Port Lowhaven's population rose to an estimated 520,100 at mid-2024.", "520,100")
    assert "lowhaven" in c.features["names"] and not c.features["mods"]  # ("port" is too common a word to compare)


def test_the_noun_before_of_is_what_a_count_of_people_measures() -> None:
    c = claim("The city had 201,000 households, with an average household size of 2.31 people.", "2.31")
    assert c.features["head"] == "size" and "household" in c.features["mods"]


def test_up_n_percent_after_a_count_is_how_much_that_count_changed() -> None:
    c = claim("The office estimates that 512,400 people lived in the city in 2023, up 0.9% from a year earlier.",
              "0.9%")
    assert c.features["head"] == "population"


def test_a_revised_estimate_for_an_older_year_is_news_about_that_year() -> None:
    s = Story()
    s.add("a1.txt", "2024-06-27", "The office estimates that 512,400 people lived in the city in 2023.")
    s.add("a2.txt", "2025-06-26", "The office said the population rose to 520,100 in 2024. The population "
                                  "for 2023 was revised up to 515,900.")
    assert ("update", "512,400", "520,100") in s.alerts()
    assert any(k in ("update", "contradiction") and old == "512,400" and new == "515,900" for k, old, new in s.alerts())


def test_a_whole_area_is_where_the_story_is_not_a_part_of_what_is_counted() -> None:
    s = Story()
    s.add("a1.txt", "2024-06-27", "The number of dwellings in the city stood at 214,500 at the end of 2023.")
    s.add("a2.txt", "2025-06-26", "The office estimates the city had 217,900 dwellings at the end of 2024.")
    assert ("update", "214,500", "217,900") in s.alerts()
    shelters = claim("Some 4,100 people were sleeping in emergency shelters on Monday.", "4,100")
    assert "shelter" in shelters.features["mods"]


def test_another_source_claiming_more_than_the_official_figure_days_later_contradicts_it() -> None:
    s = Story()
    s.add("a1.txt", "2025-06-26", "Lowhaven's population rose to an estimated 520,100 at mid-2024, the statistics "
                                  "office said.")
    s.add("a2.txt", "2025-06-28", "Mayor Ana Prest said Lowhaven now has more than 545,000 residents.")
    assert ("contradiction", "520,100", "545,000") in s.alerts()


def test_the_same_source_giving_more_than_its_count_days_later_is_an_update() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-02", "The ministry said 41 people had died.")
    s.add("a2.txt", "2025-03-03", "The ministry said more than 60 people had died.")
    assert ("update", "41", "60") in s.alerts()


def test_an_adjective_before_pay_makes_pay_a_noun_and_an_including_aside_is_masked() -> None:
    regular = claim("Average regular pay, which excludes bonuses, rose 5.7% in January.", "5.7%")
    assert regular.features["head"] == "pay" and regular.features["mods"] == ["regular"]
    total = claim("Total pay, including bonuses, climbed 5.4% in January.", "5.4%")
    assert total.features["head"] == "pay" and "bonus" not in total.features["mods"]


def test_regular_pay_growth_across_months_is_one_measure() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-18", "Average regular pay, which excludes bonuses, rose 5.7% in January from a year "
                                  "earlier, the statistics bureau said.")
    s.add("a2.txt", "2025-04-15", "Regular pay, excluding bonuses, rose 5.5% year on year in February, the "
                                  "statistics bureau said.")
    assert ("update", "5.7%", "5.5%") in s.alerts()


def test_a_fronted_sector_qualifies_the_figures_of_its_clause() -> None:
    c = claim("In the private sector, regular pay rose 6.3%, while public sector pay growth slowed to 5.0%.", "6.3%")
    assert "private" in c.features["mods"]
    manufacturing = claim("In manufacturing, regular pay increased 5.1%.", "5.1%")
    assert "manufacturing" in manufacturing.features["mods"]
    plain = claim("In a statement, the bureau said regular pay rose 5.6%.", "5.6%")
    assert plain.features["mods"] == ["regular"]


def test_people_in_hospital_however_it_is_put_are_one_count() -> None:
    s = Story()
    s.add("a1.txt", "2025-10-18", "Of those brought ashore, 35 were taken to hospital, the coastguard said.")
    s.add("a2.txt", "2025-10-20", "The coastguard said 26 survivors are still in hospital.")
    s.add("a3.txt", "2025-10-22", "Ten survivors remain in hospital, the coastguard said.")
    alerts = s.alerts()
    assert ("update", "35", "26") in alerts and ("update", "26", "Ten") in alerts


def test_confirmed_dead_after_a_count_is_a_death_toll() -> None:
    c = claim("Ferry disaster: 25 now confirmed dead as divers search the hull", "25")
    assert c.features["pred"] == "die"


def test_agreeing_on_a_number_is_not_a_target() -> None:
    c = claim("Both agencies agree on the number of survivors: 140 people were pulled alive from the water.", "140")
    assert "target" not in c.features["flags"] and c.features["pred"] == "rescue"


def test_a_net_loss_then_a_net_profit_is_an_update_of_the_net_result() -> None:
    s = Story()
    s.add("a1.txt", "2025-04-24", "Corlin Air posted a net loss of £41 million for the first quarter.")
    later = s.add("a2.txt", "2025-07-24", "Corlin Air booked a net profit of £198 million for the three months "
                                          "to the end of June.")
    d = next(d for d in later if d.claim.text == "£198 million")
    assert d.kind == "update" and d.previous is not None and d.previous.value == -41_000_000
    assert d.change["absolute"] == 239_000_000 and "a loss of £41 million" in d.explanation


def test_a_month_of_traffic_is_not_a_quarter_of_it() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-24", "Corlin Air carried 11.8 million passengers between April and June.")
    s.add("a2.txt", "2025-09-17", "Corlin Air carried 4.1 million passengers in August.")
    assert not s.alerts()


def test_an_analysts_own_forecast_is_not_the_company_guidance() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-24", "Corlin Air now expects full-year net profit of about £300 million.")
    s.add("a2.txt", "2025-07-25", "\"Guidance has gone up,\" said Ana Reyes, an analyst at Dunmore Securities. Reyes "
                                  "forecasts full-year net profit of £280 million for Corlin Air.")
    assert not s.alerts()


def test_a_company_after_a_capitalised_preposition_is_still_the_speaker_that_owns_its_figures() -> None:
    text = ("At Dunmere, bookings rose. Dunmere said revenue for the three months to June 30 was £1.9 billion. "
            "Corlin said revenue for the three months to June 30 was £1.3 billion.")
    s = Story()
    s.add("a1.txt", "2025-07-24", text)
    assert not s.alerts()


def test_a_bulletins_district_lines_are_each_districts_own_counts() -> None:
    s = Story()
    s.add("a1.txt", "2025-04-07", "In Kelwick District, 40 cases have been confirmed. In Marden District, 25 cases "
                                  "have been confirmed.")
    s.add("a2.txt", "2025-04-14", "Figures for the week ending 13 April:\n\nKelwick District: 55 confirmed cases.\n\n"
                                  "Marden District: 31 confirmed cases.")
    alerts = s.alerts()
    assert ("update", "40", "55") in alerts and ("update", "25", "31") in alerts
    assert ("update", "25", "55") not in alerts and ("update", "40", "31") not in alerts


def test_a_bulletin_for_an_older_week_arriving_late_is_history() -> None:
    s = Story()
    s.add("a1.txt", "2025-04-21", "In the week ending 20 April, 15 people have been admitted to hospital in total.")
    late = s.add("a2.txt", "2025-04-23", "Figures for the week ending 13 April show that 12 people have been "
                                         "admitted to hospital in total.")
    assert not any(d.alerts for d in late)


def test_a_sector_that_added_jobs_is_not_the_whole_economy() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-07", "Employers added 38,000 jobs in February. Healthcare added 11,200 jobs.")
    s.add("a2.txt", "2025-04-04", "Employers added 45,000 jobs in March. Healthcare added 8,400 jobs.")
    alerts = s.alerts()
    assert ("update", "38,000", "45,000") in alerts and ("update", "11,200", "8,400") in alerts
    assert ("update", "11,200", "45,000") not in alerts


def test_a_rate_that_is_seen_holding_is_a_forecast_and_a_survey_aside_is_no_poll() -> None:
    seen = claim("The unemployment rate is seen holding at 5.2%, economists said.", "5.2%")
    assert "projection" in seen.features["flags"]
    youth = claim("The youth unemployment rate, taken from the household survey, fell to 13.4%.", "13.4%")
    assert "projection" not in youth.features["flags"] and youth.features["mods"] == ["youth"]
    pushed = claim("Employers added 40,000 jobs, pushing the unemployment rate down to 5.3%.", "5.3%")
    assert "proposal" not in pushed.features["flags"]


def test_a_newsletters_furniture_does_not_make_another_story() -> None:
    furniture = ("Markets Brief | Northbank Daily | Currency Desk | Fixed Income | Credit Watch | Equity Close | "
                 "Commodity Corner | Rates Radar\n\n")
    s = Story()
    s.add("a1.txt", "2025-05-02", furniture + "In Kestavia, the unemployment rate fell to 5.2% in April, the "
                                  "statistics bureau said.\n\n" + furniture.replace(" | ", ". ").strip() + ".")
    s.add("a2.txt", "2025-06-06", "KORVIK, June 6 (KRN) - In Kestavia, the unemployment rate fell again in May, to "
                                  "5.1%, the bureau said.")
    assert ("update", "5.2%", "5.1%") in s.alerts()


def test_a_sector_named_before_where_or_as_a_fronted_phrase_qualifies_the_pay_rate() -> None:
    where = claim("Pay growth was strongest in information and communication, where regular pay rose 7.1%.", "7.1%")
    assert {"information", "communication"} <= set(where.features["mods"])
    care = claim("In social care, regular pay rose only 3.2% in the year to February.", "3.2%")
    assert {"social", "care"} <= set(care.features["mods"])


def test_the_noun_whose_level_is_given_qualifies_the_counted_noun() -> None:
    register = claim("The council's housing register stood at 12,950 households at the end of March.", "12,950")
    assert "register" in register.features["mods"]
    petition = claim("The petition on the parliament's website stood at 410,000 signatures.", "410,000")
    assert "website" not in petition.features["mods"]


def test_left_homeless_and_without_homes_count_the_displaced() -> None:
    s = Story()
    s.add("a1.txt", "2026-09-15", "Authorities said some 9,100 people had been left without a home.")
    s.add("a2.txt", "2026-09-17", "About 36,000 people have been left homeless, the agency said.")
    s.add("a3.txt", "2026-09-19", "More than 40,000 people are without homes, the agency said.")
    alerts = s.alerts()
    assert ("update", "9,100", "36,000") in alerts and ("update", "36,000", "40,000") in alerts


def test_dozens_or_tens_of_thousands_never_raise_an_alert() -> None:
    s = Story()
    s.add("a1.txt", "2025-09-14", "Twelve people were arrested on Saturday, police said.")
    s.add("a2.txt", "2025-09-15", "Dozens of people were arrested, police said.")
    s.add("a3.txt", "2025-09-16", "Police said 31 people had been arrested in all.")
    alerts = s.alerts()
    assert not any("Dozens" in (old, new) for _, old, new in alerts)
    assert ("update", "Twelve", "31") in alerts


def test_last_years_march_is_another_gathering() -> None:
    s = Story()
    s.add("a1.txt", "2025-09-15", "Last year's march, in September 2024, drew about 35,000 people.")
    s.add("a2.txt", "2025-09-15", "Police said about 28,000 people took part in Sunday's march.")
    assert not s.alerts()


def test_two_reservoirs_read_in_one_sentence_are_two_measures() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-07", "Linwater said its weekly reading showed Helby Reservoir at 54% of capacity and "
                                  "Cragmoor Reservoir at 61% of capacity.")
    s.add("a2.txt", "2025-07-14", "Linwater said its weekly reading showed Helby Reservoir at 49% of capacity and "
                                  "Cragmoor Reservoir at 57% of capacity.")
    alerts = s.alerts()
    assert ("update", "54%", "49%") in alerts and ("update", "61%", "57%") in alerts
    assert ("update", "61%", "49%") not in alerts


def test_there_after_a_sentence_set_in_a_place_is_that_place() -> None:
    toll = claim("In Varo district, a bank of earth slid onto the hamlet of Ostel late on Sunday. There the death "
                 "toll stood at five, with two people missing.", "five")
    assert "varo" in toll.features["names"]
    existential = claim("There were 14 people on the bus, the police said.", "14")
    assert not existential.features["names"]


def test_a_fronted_district_names_the_place_with_what_the_clause_names() -> None:
    toll = claim("In Varo district, the death toll from the slide at Ostel rose to six, officials said.", "six")
    assert {"varo", "ostel"} <= set(toll.features["names"])


def test_a_toll_that_remains_at_a_value_counts_the_dead() -> None:
    toll = claim("The toll in Ostel remains at six, officials said.", "six")
    assert toll.features["head"] != "remains"


def test_the_area_in_a_speakers_title_is_not_what_is_counted() -> None:
    dead = claim("Floods cut roads across Brenna on Monday. Brenna county commissioner Tomas Lind told a news "
                 "conference that 27 people had been confirmed dead.", "27")
    assert "brenna" not in dead.features["names"]


def test_an_unnamed_toll_follows_the_place_its_article_is_about() -> None:
    s = Story()
    s.add("a1.txt", "2026-03-02", "Tovik landslide toll rises to 19\n\nIn Tovik, the death toll stood at 19 on "
                                  "Monday, the district office said. In Varo district, a second slope collapsed. There "
                                  "the death toll stood at 26, Varo officials said.")
    s.add("a2.txt", "2026-03-04", "Tovik landslide: hopes fade\n\nTOVIK - The death toll had reached 31 by "
                                  "Wednesday, police said. Families in Tovik waited by the road to Tovik. Rain also fell "
                                  "on Varo district, where roads to Varo were shut.")
    alerts = s.alerts()
    assert ("update", "19", "31") in alerts
    assert ("update", "26", "31") not in alerts


def test_remains_before_a_state_is_a_linking_verb() -> None:
    stuck = claim("A $40 billion package of farm aid remains stuck in the senate.", "$40 billion")
    assert stuck.features["pred"] != "remain" and "senate" not in stuck.features["mods"]


def test_an_ing_word_after_the_counted_noun_says_what_they_do() -> None:
    waiting = claim("Figures showed 51,200 patients waiting for planned surgery in Dunmore at the end of May.", "51,200")
    assert waiting.features["head"] == "patient" and waiting.features["pred"] == "wait"
    assert "target" not in waiting.features["flags"]  # "planned surgery" is no plan for the figure
    seen = claim("In Dunmore, 71.4% of patients arriving at casualty were seen within four hours.", "71.4%")
    assert seen.features["head"] == "patient" and seen.features["pred"] == "see"
    police = claim("The march drew 15,000 people according to police.", "15,000")
    assert police.features["pred"] != "accord"


def test_against_a_figure_in_another_place_is_that_places_figure() -> None:
    other = claim("Rain closed roads in Dunmore and Kelby. In Dunmore, 2,140 people had been waiting more than a "
                  "year, against 1,310 in Kelby.", "1,310")
    assert other.features["names"] == ["kelby"] and "baseline" not in other.features["flags"]
    assert other.features["head"] == "person" and "year" in other.features["mods"]


def test_the_figure_in_the_next_sentence_is_the_measure_just_given() -> None:
    s = Story()
    s.add("a1.txt", "2026-02-12", "Rain closed roads in Dunmore and Kelby. In Dunmore, 71.4% of patients were seen "
                                  "within four hours in January. In Kelby the figure was 64.0%, the worst since "
                                  "comparable records began in 2011.")
    s.add("a2.txt", "2026-03-12", "Rain closed roads in Dunmore and Kelby. In Dunmore, 73.0% of patients were seen "
                                  "within four hours in February. In Kelby the figure was 66.5%.")
    alerts = s.alerts()
    assert ("update", "71.4%", "73.0%") in alerts and ("update", "64.0%", "66.5%") in alerts
    assert ("update", "64.0%", "73.0%") not in alerts


def test_the_number_of_a_places_patients_counts_the_patients() -> None:
    long = claim("Rain closed roads in Dunmore. The number of Dunmore patients who have waited more than a year fell "
                 "to 4,020 at the end of March.", "4,020")
    assert long.features["head"] == "patient" and long.features["pred"] == "wait" and long.features["mods"] == ["year"]


def test_a_hyphenated_compound_with_a_particle_is_one_noun() -> None:
    crews = claim("About 150 clean-up workers were on the beaches on Monday.", "150")
    assert crews.features["head"] == "employee" and "clean" in crews.features["mods"]


def test_a_shoreline_survey_is_not_an_opinion_poll() -> None:
    shore = claim("Our survey teams found that oil has reached more than 60 kilometres of coastline.", "60 kilometres")
    assert "projection" not in shore.features["flags"]
    poll = claim("In the latest survey, 31% of voters backed the Greens.", "31%")
    assert "projection" in poll.features["flags"]


def test_house_price_growth_is_house_price_inflation() -> None:
    growth = claim("Annual house price growth slowed to 3.5% in March, the lender said.", "3.5%")
    inflation = claim("The index showed annual house price inflation of 3.0% in January.", "3.0%")
    assert growth.features["head"] == inflation.features["head"] == "inflation"
    assert growth.features["mods"] == inflation.features["mods"]


def test_the_analysts_expectation_is_the_compared_figures_not_the_reported_ones() -> None:
    text = ("The Ashdown-based company, which employed roughly 9,000 people at the end of June, reported "
            "second-quarter revenue of $1.31 billion, ahead of the $1.28 billion analysts had expected.")
    assert "projection" not in claim(text, "$1.31 billion", "2025-07-22").features["flags"]
    assert "projection" not in claim(text, "9,000", "2025-07-22").features["flags"]
    assert "projection" in claim(text, "$1.28 billion", "2025-07-22").features["flags"]
    forecast = claim("Employers are expected to have added 40,000 jobs in April, according to the median forecast "
                     "of 17 economists.", "40,000")
    assert "projection" in forecast.features["flags"]


def test_positions_and_roles_are_jobs_and_eliminating_them_is_cutting() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-22", "Brannock Software said on Tuesday it would cut 800 jobs.")
    s.add("a2.txt", "2025-10-21", "Brannock Software will now eliminate 1,150 positions, adding 350 to the cuts it "
                                  "announced in July.")
    alerts = s.alerts()
    assert ("update", "800", "1,150") in alerts
    assert not any(new == "350" for _, _, new in alerts)


def test_a_possessive_apposition_does_not_qualify_the_measure() -> None:
    users = claim("Pinwheel, Ostrel's work-management app, reached 18.5 million monthly active users in the "
                  "quarter, the company said.", "18.5 million")
    assert users.features["mods"] == ["active"]


def test_arrests_linked_to_a_march_count_arrests() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-16", "Eleven people were arrested after the march on Saturday, police said.")
    s.add("a2.txt", "2025-03-18", "Police said on Monday that arrests linked to Saturday's march had risen to 17, "
                                  "bringing the total number of arrests since the protests began to 40.")
    alerts = s.alerts()
    assert ("update", "Eleven", "17") in alerts


def test_treated_for_minor_injuries_counts_the_injured() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-08", "Three police officers were treated for minor injuries, police said.")
    s.add("a2.txt", "2025-03-11", "Nine officers were injured during the day, police said.")
    assert ("update", "Three", "Nine") in s.alerts()


def test_a_counter_demonstration_is_another_gathering() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-08", "Police estimated the crowd at about 40,000. A counter-demonstration by the group "
                                  "Ratepayers Now drew about 300 people, according to police.")
    s.add("a2.txt", "2025-03-08", "Ratepayers Now, which staged a counter-demonstration, said about 2,000 of its "
                                  "supporters had taken part. Organisers said 150,000 people had marched.")
    alerts = s.alerts()
    assert ("contradiction", "300", "2,000") in alerts
    assert not any(old == "300" and new == "150,000" for _, old, new in alerts)
    assert not any(old == "40,000" and new == "2,000" for _, old, new in alerts)


def test_a_toll_rising_to_a_number_word_is_a_figure() -> None:
    s = Story()
    s.add("a1.txt", "2025-10-14", "A block of flats collapsed on Tuesday, killing at least four people.")
    s.add("a2.txt", "2025-10-15", "The number of people confirmed dead in the collapse rose to seven on Wednesday.")
    assert ("update", "four", "seven") in s.alerts()
    pronoun = Story()
    pronoun.add("a.txt", "2025-10-15", "The two met on Monday and agreed to talk again.")
    assert not any(d.claim.text == "two" for d in pronoun.decisions)


def test_residents_forced_from_their_homes_are_displaced() -> None:
    forced = claim("The mayor said the number of residents forced from their homes had risen to 212.", "212")
    assert forced.features["pred"] == "displace"


def test_a_name_after_the_collapse_of_names_the_event_not_a_part_of_it() -> None:
    dead = claim("The Corn Exchange Market Hall came down on Tuesday. The number of people confirmed dead in the "
                 "collapse of the Corn Exchange Market Hall rose to seven.", "seven")
    assert not dead.features["names"]


def test_job_cuts_announced_in_any_tense_are_one_measure_but_a_forecast_is_not() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-29", "Last week Brannock Software cut 800 jobs, its first layoffs in a decade.")
    s.add("a2.txt", "2025-10-21", "Brannock Software said it would cut 1,150 jobs, even as revenue beat analysts' "
                                  "forecasts.")
    assert ("update", "800", "1,150") in s.alerts()
    forecast = claim("Employers are expected to have added 40,000 jobs in April, economists said.", "40,000")
    assert "projection" in forecast.features["flags"]


def test_a_deficit_written_before_its_noun_is_still_the_deficit() -> None:
    s = Story()
    s.add("a1.txt", "2025-09-17", "Larkby confronts what the mayor's office projects will be a $212 million deficit "
                                  "next year.")
    s.add("a2.txt", "2025-11-04", "The mayor's office raised its projection of next year's deficit to $245 million.")
    s.add("a3.txt", "2025-12-16", "The mayor's office now puts next year's deficit at $251 million.")
    alerts = s.alerts()
    assert ("update", "$212 million", "$245 million") in alerts and ("update", "$245 million", "$251 million") in alerts


def test_a_title_before_a_persons_name_is_not_what_is_measured() -> None:
    office = claim("In a letter to councillors on Friday, Mayor Adaeze Lindqvist's office raised its own projection "
                   "of next year's deficit to $245 million, conceding that receipts were weak.", "$245 million")
    assert "mayor" not in office.features["names"]


def test_a_places_final_figure_is_its_value_of_the_articles_measure() -> None:
    s = Story()
    s.add("a1.txt", "2026-03-03", "Annual inflation eased to 2.4% across the union in February. In Ostria, inflation came "
                                  "in at 2.9%, the statistics office said. Ostria is the second-largest economy.")
    s.add("a2.txt", "2026-03-17", "Annual inflation was confirmed at 2.4% across the union in February. Services inflation "
                                  "was confirmed at 3.3%. Among member states, Ostria's final figure was nudged up to "
                                  "3.0%. Ostria is the second-largest economy.")
    alerts = s.alerts()
    assert ("update", "2.9%", "3.0%") in alerts
    assert ("update", "3.3%", "3.0%") not in alerts


def test_where_a_rate_was_measured_is_not_what_it_measures() -> None:
    assert claim("Annual inflation in the union eased to 2.4% in February.", "2.4%").features["head"] == "inflation"
    assert claim("Unemployment in the region rose to 5.1% in May.", "5.1%").features["head"] == "unemployment"


def test_a_modal_between_the_measured_stuff_and_its_verb_keeps_the_verb() -> None:
    s = Story()
    s.add("a1.txt", "2024-10-07", "The tanker has leaked an estimated 300 tonnes of fuel oil, its operator said.")
    s.add("a2.txt", "2024-10-07", "Campaigners said that as much as 1,000 tonnes of oil may have escaped from the "
                                  "tanker.")
    assert ("contradiction", "300 tonnes", "1,000 tonnes") in s.alerts()


def test_a_dateline_with_the_day_before_the_month_is_not_a_name() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-07", "KORVIK - Kestavian employers added 38,000 jobs in February, the bureau said.")
    s.add("a2.txt", "2025-04-04", "KORVIK, 4 April 2025 (KPS) -- Kestavian employers added 45,000 jobs in March, "
                                  "the bureau said.")
    assert ("update", "38,000", "45,000") in s.alerts()


def test_a_months_payroll_gain_revised_is_that_months_jobs_added() -> None:
    s = Story()
    s.add("a1.txt", "2025-03-07", "Employers added 38,000 jobs in February, the bureau said.")
    s.add("a2.txt", "2025-04-04", "Employers added 45,000 jobs in March, the bureau said on Friday. The bureau revised "
                                  "February's payroll gain down to 31,000, after initially reporting 38,000.")
    alerts = s.alerts()
    assert ("update", "38,000", "45,000") in alerts and ("update", "38,000", "31,000") in alerts
    assert ("update", "31,000", "45,000") not in alerts


def test_a_months_own_rate_is_not_compared_with_the_quarters() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-24", "Aldport Air said revenue for the three months to June 30 was £1.2 billion. The "
                                  "airline carried 8.1 million passengers in the quarter, and its load factor was 86.0%.")
    s.add("a2.txt", "2025-09-10", "Aldport Air carried 3.1 million passengers in August, and its load factor for the "
                                  "month was 91.5%.")
    assert ("update", "86.0%", "91.5%") not in s.alerts()


def test_a_list_line_about_the_whole_is_not_the_item_named_above() -> None:
    text = "Readings this week:\n- Cragmoor Reservoir: 52% of capacity\n- Regional average across all our reservoirs: 48% of capacity"
    assert not claim(text, "48%").features["names"]
    assert claim(text, "52%").features["names"] == ["cragmoor"]


def test_in_line_with_a_target_is_a_comparison_not_the_measure() -> None:
    guidance = claim("Castellan is a brewer. Castellan said it still expected full-year operating profit of about "
                     "€495 million, in line with the target it gave in March.", "€495 million")
    assert guidance.features["head"] == "profit"


def test_a_person_speaking_in_a_story_about_one_company_speaks_about_that_company() -> None:
    text = ("COPENHAGEN - Nordhaven Brewing reported higher profit on Thursday. Nordhaven shares rose 4%. Nordhaven "
            "said sales grew in Poland. Nordhaven also cut costs. Analyst Mikkel Brandt praised the results. He said "
            "full-year operating profit would be €820 million.")
    assert claim(text, "€820 million").features["names"] == ["nordhaven"]


def test_brings_to_n_the_number_of_counts_what_follows_and_pulled_alive_is_rescued() -> None:
    s = Story()
    s.add("a1.txt", "2025-11-13", "Rescuers pulled eight miners alive from a side gallery late on Wednesday.")
    s.add("a2.txt", "2025-11-17", "On Friday rescuers found five men alive. That brings to 13 the number of miners "
                                  "rescued alive since the collapse, the operator said.")
    assert ("update", "eight", "13") in s.alerts()


def test_a_corrected_loss_and_an_operating_loss_are_results_below_zero() -> None:
    s = Story()
    s.add("a1.txt", "2025-04-30", "Castellan Auto reported an operating loss of €210 million for the first quarter. "
                                  "The net loss came to €435 million, Castellan said.")
    s.add("a2.txt", "2025-05-03", "Correction: an article on 30 April misstated Castellan Auto's first-quarter net loss "
                                  "as €435 million. The correct figure is €345 million.")
    s.add("a3.txt", "2025-07-30", "Castellan Auto posted a net profit of €112 million in the second quarter after a "
                                  "net loss of €345 million in the first quarter. It reported an operating profit of "
                                  "€290 million for the quarter.")
    alerts = s.alerts()
    assert ("contradiction", "€435 million", "€345 million") in alerts or ("update", "€435 million", "€345 million") in alerts
    assert ("update", "€345 million", "€112 million") in alerts
    assert ("update", "€210 million", "€290 million") in alerts


def test_a_company_described_by_its_base_is_the_company_the_story_is_about() -> None:
    text = ("ALDERMOOR - Norrvik Motors reported higher profit on Thursday. Norrvik shares rose. Norrvik said orders "
            "grew. Norrvik also hired staff. The Aldermoor-based carmaker said operating profit rose to €1.05 billion "
            "in the January-March period.")
    assert claim(text, "€1.05 billion", "2025-04-24").features["names"] == ["norrvik"]


def test_a_companys_target_for_its_own_result_is_its_guidance() -> None:
    s = Story()
    s.add("a1.txt", "2025-04-24", "Norrvik Motors confirmed that it expects a full-year operating margin of around "
                                  "7.5%, the company said.")
    s.add("a2.txt", "2025-07-25", "Norrvik Motors now targets a full-year operating margin of around 8.5%, up from "
                                  "around 7.5% previously.")
    assert ("update", "7.5%", "8.5%") in s.alerts()


def test_the_carmaker_reporting_money_is_the_company_the_story_is_about() -> None:
    text = ("PORT SELDEN - Castellan Auto returned to profit on Wednesday. Castellan shares jumped. Castellan said "
            "orders grew. Castellan also cut costs. The carmaker reported an operating profit of €290 million for the "
            "April-June period.")
    assert claim(text, "€290 million", "2025-07-30").features["names"] == ["castellan"]


_TIE_SCRIPT = """
import json, sys
sys.path.insert(0, sys.argv[1])
from test_story_wording import Story
s = Story()
s.add("a1.txt", "2025-10-04", "Police said 10,000 people joined the march. Organisers said 40,000 people joined the march.")
s.add("a2.txt", "2025-10-05", "The ministry said 20,000 people had joined the march.")
print(json.dumps(sorted(s.alerts())))
"""


def test_a_tie_between_two_disputed_series_goes_the_same_way_in_every_process() -> None:
    import os
    import subprocess
    import sys
    here = os.path.dirname(os.path.abspath(__file__))
    outs = {subprocess.run([sys.executable, "-c", _TIE_SCRIPT, here], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3, 4)}
    assert len(outs) == 1


def test_a_share_price_and_its_days_move_never_raise_an_alert() -> None:
    s = Story()
    s.add("a1.txt", "2025-07-24", "Aldermoor reported higher profit. Aldermoor shares rose 3.2% to 412 pence.")
    s.add("a2.txt", "2025-09-18", "Aldermoor raised its forecast. Shares in Aldermoor rose 6.1% to 447 pence by "
                                  "mid-morning, while Pellion gained 4.4% to 203 pence.")
    assert not s.alerts()
    share = claim("Its market share rose to 21% in June, the company said.", "21%")
    assert "market_price" not in share.features["flags"]
