"""What a figure is about: the entity of its clause, the thing counted, and the words that only frame it.

Each test has sentences written for it; figures are built by hand so extraction does not matter.
"""
from __future__ import annotations

from monitor.claims import make_claims

from .helpers import Log, alert_pairs, article, fig


def _claim(text: str, quote: str, value: float, unit: str = "count", **kw: object) -> dict:
    art = article("x.txt", text, "2025-03-10", "Wire")
    out = make_claims(art, [fig(text, quote, value, unit, **kw)])
    assert out, f"no claim for {quote!r}"
    return out[0].features


def test_figure_inside_a_relative_clause_is_read_in_that_clause() -> None:
    text = ("Ostermark Foods posted higher sales on Monday. The group, which has a workforce of 8,300, said it "
            "would open two bakeries.")
    f = _claim(text, "8,300", 8300)
    assert f["head"] == "employee"  # "workforce" folds onto the same word as staff and employees
    assert f["names"] == ["ostermark"]  # "The group" is the company named before


def test_possessive_subject_wins_over_a_product_code_after_the_figure() -> None:
    text = ("Ostermark Foods raised its outlook. Its workforce has grown to 8,900 as it hires bakers for the "
            "KX-40 oven line.")
    f = _claim(text, "8,900", 8900)
    assert f["names"] == ["ostermark"]
    assert "kx" not in f["names"]


def test_headcount_paraphrases_are_one_measure_and_other_companies_stay_apart() -> None:
    t1 = ("Ostermark Foods and Pellwick Mills reported results on Monday. "
          "Pellwick said it made fewer loaves. The company, which employs 5,200 people, cut prices.")
    t2 = "Pellwick Mills said it would close a depot, leaving it with 4,900 staff by December."
    t3 = "Ostermark's headcount stood at 9,000 at the end of June."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-03-10", "Wire"), [fig(t1, "5,200 people", 5200)])
    log.ingest(article("b.txt", t2, "2025-06-10", "Ledger"), [fig(t2, "4,900 staff", 4900)])
    log.ingest(article("c.txt", t3, "2025-07-10", "Courier"), [fig(t3, "9,000", 9000)])
    assert alert_pairs(log.decisions) == {("update", "5,200 people", "4,900 staff")}


def test_speaker_phrase_is_not_the_entity() -> None:
    text = "The Harwick blaze has burned 2,100 hectares, the Lowmoor forestry service said."
    f = _claim(text, "2,100 hectares", 2100, "hectares")
    assert f["names"] == ["harwick"]
    assert f["head"] == "hectare"  # a physical unit with no noun after it is what is measured


def test_noun_of_a_previous_figure_is_not_the_subject() -> None:
    text = "The blaze has destroyed 52 barns and was 30% contained on Friday."
    f = _claim(text, "30%", 30, "percent")
    assert f["head"] != "barn"
    assert f["pred"] == "contain"


def test_houses_and_homes_are_one_count() -> None:
    t1 = "The Harwick fire destroyed 20 houses near the lake, officials said."
    t2 = "The Harwick fire has destroyed 45 homes, officials said."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-08-01", "Wire"), [fig(t1, "20 houses", 20)])
    log.ingest(article("b.txt", t2, "2025-08-03", "Ledger"), [fig(t2, "45 homes", 45)])
    assert alert_pairs(log.decisions) == {("update", "20 houses", "45 homes")}


def test_quarter_half_year_and_full_year_are_different_measures() -> None:
    t1 = "Ostermark's revenue rose 6% to $2.1 billion in the first quarter, the company said."
    t2 = ("Ostermark's revenue for the first half came to $4.4 billion. Ostermark's revenue rose to $2.3 billion "
          "in the second quarter.")
    log = Log()
    log.ingest(article("a.txt", t1, "2025-04-20", "Wire"), [fig(t1, "$2.1 billion", 2.1e9, "USD")])
    log.ingest(article("b.txt", t2, "2025-07-20", "Ledger"),
               [fig(t2, "$4.4 billion", 4.4e9, "USD"), fig(t2, "$2.3 billion", 2.3e9, "USD")])
    assert alert_pairs(log.decisions) == {("update", "$2.1 billion", "$2.3 billion")}


def test_about_keeps_the_precision_it_is_written_with() -> None:
    t1 = "Pellwick forecast full-year revenue of about $9.4 billion."
    t2 = "Pellwick now expects full-year revenue of $9.7 billion."
    t3 = "Pellwick now expects full-year revenue of $9.7 billion, the company repeated."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-04-20", "Wire"), [fig(t1, "about $9.4 billion", 9.4e9, "USD",
                                                                qualifier="approximate")])
    log.ingest(article("b.txt", t2, "2025-10-20", "Ledger"), [fig(t2, "$9.7 billion", 9.7e9, "USD")])
    d = log.ingest(article("c.txt", t3, "2025-10-21", "Courier"), [fig(t3, "$9.7 billion", 9.7e9, "USD")])
    assert alert_pairs(log.decisions) == {("update", "about $9.4 billion", "$9.7 billion")}
    assert d[0].kind == "restatement"


def test_elliptical_second_figure_counts_the_same_thing_for_its_own_company() -> None:
    t1 = "Ostermark's net profit rose to $120 million and Pellwick's to $85 million."
    t2 = "Pellwick's net profit was $91 million, while Ostermark's net profit reached $131 million."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-04-20", "Wire"),
               [fig(t1, "$120 million", 1.2e8, "USD"), fig(t1, "$85 million", 8.5e7, "USD")])
    log.ingest(article("b.txt", t2, "2025-07-20", "Ledger"),
               [fig(t2, "$91 million", 9.1e7, "USD"), fig(t2, "$131 million", 1.31e8, "USD")])
    assert alert_pairs(log.decisions) == {("update", "$85 million", "$91 million"),
                                          ("update", "$120 million", "$131 million")}


def test_poll_figures_never_meet_results() -> None:
    t1 = "A survey by Halden Research puts the Blue Union on 31% and the Rural Party on 24%."
    t2 = "The Blue Union won 29.5% of the vote and the Rural Party had 25.1%, the commission said."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-05-01", "Herald"),
               [fig(t1, "31%", 31, "percent"), fig(t1, "24%", 24, "percent")])
    log.ingest(article("b.txt", t2, "2025-05-09", "Wire"),
               [fig(t2, "29.5%", 29.5, "percent"), fig(t2, "25.1%", 25.1, "percent")])
    assert alert_pairs(log.decisions) == set()


def test_named_subject_in_parallel_clause_keeps_its_own_name() -> None:
    t1 = "The Blue Union had 30.2% of the vote and the governing Rural Party had 26.0%, the commission said."
    t2 = "The Blue Union had 31.0% of the vote against 25.4% for the Rural Party, the commission said."
    f = make_claims(article("a.txt", t1, "2025-05-09", "Wire"),
                    [fig(t1, "30.2%", 30.2, "percent"), fig(t1, "26.0%", 26.0, "percent")])
    assert [c.features["head"] for c in f] == ["vote", "vote"]  # not "governing": the subject is a name
    log = Log()
    log.ingest(article("a.txt", t1, "2025-05-09", "Wire"),
               [fig(t1, "30.2%", 30.2, "percent"), fig(t1, "26.0%", 26.0, "percent")])
    log.ingest(article("b.txt", t2, "2025-05-10", "Ledger"), [fig(t2, "31.0%", 31.0, "percent")])
    assert alert_pairs(log.decisions) == {("update", "30.2%", "31.0%")}
    rural = [c for c in log.decisions if c.claim.text == "26.0%"][0].claim
    assert "rural" in rural.features["names"] and "blue" not in rural.features["names"]


def test_the_fire_stands_for_the_fire_named_before_and_a_second_fire_stays_apart() -> None:
    t1 = ("The Harwick Moor fire had burned 800 hectares by noon. Crews had contained 5% of its perimeter. "
          "To the east, the Selby Gap fire grew to 90 hectares but was 30% contained.")
    t2 = ("Firefighters held the Harwick Moor blaze overnight. The fire has now burned 2,300 hectares and is "
          "25% contained, the Lowmoor forestry service said. The Selby Gap fire was 60% contained.")
    log = Log()
    log.ingest(article("a.txt", t1, "2025-08-01", "Wire"),
               [fig(t1, "800 hectares", 800, "hectares"), fig(t1, "5%", 5, "percent"),
                fig(t1, "90 hectares", 90, "hectares"), fig(t1, "30%", 30, "percent")])
    log.ingest(article("b.txt", t2, "2025-08-03", "Ledger"),
               [fig(t2, "2,300 hectares", 2300, "hectares"), fig(t2, "25%", 25, "percent"),
                fig(t2, "60%", 60, "percent")])
    assert alert_pairs(log.decisions) == {("update", "800 hectares", "2,300 hectares"), ("update", "5%", "25%"),
                                          ("update", "30%", "60%")}


def test_forced_from_homes_and_under_evacuation_orders_are_one_count() -> None:
    t1 = "The flood forced 2,600 residents of Carrow from their homes, officials said."
    t2 = "In Carrow, 1,900 people remained under evacuation orders on Friday, officials said."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-08-01", "Wire"), [fig(t1, "2,600 residents", 2600)])
    log.ingest(article("b.txt", t2, "2025-08-03", "Ledger"), [fig(t2, "1,900 people", 1900)])
    assert alert_pairs(log.decisions) == {("update", "2,600 residents", "1,900 people")}


def test_plans_and_increments_are_not_counts() -> None:
    t1 = "The county said the new plant would employ 300 people within three years."
    t2 = "The county will add 12 million crowns to its repair fund, officials said."
    assert "projection" in _claim(t1, "300 people", 300)["flags"]
    f = _claim(t2, "12 million crowns", 12e6)
    assert "delta" in f["flags"] and "projection" in f["flags"]


def test_group_as_a_modifier_is_the_company_not_another_thing() -> None:
    t1 = "Ostermark Foods said its workforce stood at 8,900 in June."
    t2 = "Ostermark Foods posted higher sales. The group's workforce reached 9,200 at the end of September."
    log = Log()
    log.ingest(article("a.txt", t1, "2025-07-10", "Wire"), [fig(t1, "8,900", 8900)])
    log.ingest(article("b.txt", t2, "2025-10-10", "Ledger"), [fig(t2, "9,200", 9200)])
    assert alert_pairs(log.decisions) == {("update", "8,900", "9,200")}


def test_told_to_leave_counts_evacuees_not_people_in_shelters() -> None:
    t1 = "In Carrow, about 3,000 residents have been told to leave, officials said."
    t2 = "Shelters in Carrow were housing 1,100 people on Wednesday, officials said."
    f1 = _claim(t1, "3,000 residents", 3000, qualifier="approximate")
    f2 = _claim(t2, "1,100 people", 1100)
    assert f1["pred"] == "displace" and f2["pred"] != "displace"
    t3 = "About 200 residents of Carrow are still unable to return because of flooded roads."
    assert _claim(t3, "200 residents", 200, qualifier="approximate")["pred"] == "displace"


def test_bare_named_figure_after_a_party_share_is_that_party_share_but_not_a_turnout() -> None:
    t1 = ("The Blue Union had 30.2% of the vote against 26.0% for the Rural Party, the commission said. "
          "The Coast League was third with 9.1%.")
    t2 = ("The Blue Union won 31.0% of the vote. Turnout was 61.5%. The Coast League finished third with 8.7%.")
    log = Log()
    log.ingest(article("a.txt", t1, "2025-05-09", "Wire"),
               [fig(t1, "30.2%", 30.2, "percent"), fig(t1, "26.0%", 26.0, "percent"),
                fig(t1, "9.1%", 9.1, "percent")])
    log.ingest(article("b.txt", t2, "2025-05-12", "Ledger"),
               [fig(t2, "31.0%", 31.0, "percent"), fig(t2, "61.5%", 61.5, "percent"),
                fig(t2, "8.7%", 8.7, "percent")])
    assert alert_pairs(log.decisions) == {("update", "30.2%", "31.0%"), ("update", "9.1%", "8.7%")}
    rural = [d.claim for d in log.decisions if d.claim.text == "26.0%"][0]
    assert rural.features["names"] == ["party", "rural"] and "baseline" not in rural.features["flags"]


def test_a_consequence_clause_does_not_make_the_figure_a_threshold() -> None:
    text = ("The count gave the Blue Union 70 seats and the Rural Party 52, meaning the Blue Union would need "
            "at least 21 more seats to govern.")
    out = make_claims(article("a.txt", text, "2025-05-10", "Wire"),
                      [fig(text, "70 seats", 70), fig(text, "52", 52)])
    rural = [c for c in out if c.text == "52"]
    assert rural and "target" not in rural[0].features["flags"]
    assert rural[0].features["head"] == "seat" and "rural" in rural[0].features["names"]


def test_the_subject_owns_the_figure_not_the_person_in_its_of_phrase() -> None:
    text = ("The Blue Union won 31.0% of the vote. The Rural Party of outgoing Prime Minister Edda Holm took 24.5% "
            "and 40 seats.")
    out = make_claims(article("a.txt", text, "2025-05-12", "Wire"),
                      [fig(text, "31.0%", 31.0, "percent"), fig(text, "24.5%", 24.5, "percent")])
    rural = [c for c in out if c.text == "24.5%"]
    assert rural and set(rural[0].features["names"]) == {"rural", "party"}
    assert rural[0].features["head"] == "vote"


def test_bracketed_short_form_after_a_name_is_the_same_speaker() -> None:
    t = "The Harbour Works Board (HWB) said crews repaired 42 berths in June."
    c = make_claims(article("a.txt", t, "2025-07-02"), [fig(t, "42", 42)])
    assert c and not {"harbour", "works", "board"} & set(c[0].features["names"])
