"""Publication dates: which rule decides, and that weekdays agree with the date picked."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from monitor.models import Article
from monitor.read import corroborate_date, read_article, shared_quote
from monitor.read.dating import decide

LATE_MTIME = dt.datetime(2030, 1, 15, 12, 0)  # a fresh copy: far from the article's real date


def date_of(text: str, mtime: dt.datetime | None = LATE_MTIME, name: str = "a.txt") -> Article:
    a = read_article(name, text.encode(), mtime=mtime)
    assert isinstance(a, Article), a
    return a


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        # datelines
        ("OSLO, Feb 14 (Reuters) - The fund sold 3% of its bonds.\n©2023 Reuters", dt.date(2023, 2, 14), "dateline"),
        ("WASHINGTON, March 3, 2021 — Lawmakers passed the $12 billion bill.", dt.date(2021, 3, 3), "dateline"),
        ("Published: 9 October 2019\n\nThe mill closed after 80 years.", dt.date(2019, 10, 9), "dateline"),
        ("Radio Desk\n\nPublished June 6th, 2025, 10:12 a.m. | Updated 11:40 a.m.\n\nHiring slowed in May.",
         dt.date(2025, 6, 6), "dateline"),
        # header lines of short parts: outlet | weekday, date; numeric dates read day first
        ("Ferry strike ends\nCoastal Wire | Friday, 7 June 2024\n\nThe union said 40 crews returned on Monday.",
         dt.date(2024, 6, 7), "dateline"),
        ("Dam inspection\nValley Post | 03.11.2023 | 17:05\n\nEngineers found 12 cracks.", dt.date(2023, 11, 3), "dateline"),
        ("By Mara Lind \u00b7 April 2, 2022\n\nThe school hired 9 teachers.", dt.date(2022, 4, 2), "dateline"),
        # explicit date + copyright year, weekday agreeing
        ("The minister told reporters on Wednesday that 14 towns flooded.\nShe spoke on May 8 in Leeds.\n© 2024 Dale Post",
         dt.date(2024, 5, 8), "text_date"),
        # explicit full date in the text
        ("Prices, which rose 2% on January 30, 2020, fell again.", dt.date(2020, 1, 30), "text_date"),
        # day/month in brackets with the weekday: the weekday chooses the year
        ("The mayor spoke in the square on Tuesday (12/3), as quoted by a radio station.", dt.date(2024, 3, 12), "text_date"),
        # relative cues: the latest bare past year, and an upcoming month closes the window
        ("Output in 2018 hit 40 tonnes. The board will meet in April to set new goals.", dt.date(2019, 2, 15), "relative_cues"),
        # 'this year' anchored to a stated year
        ("The fleet grew by 12 ships this year (2016) and will add 4 more.", dt.date(2016, 7, 2), "relative_cues"),
        # 'last year' event matched with the same event dated elsewhere in the text
        ("The port reopened in June 2011 after the storm. Since the port reopened in June last year, traffic doubled.",
         dt.date(2012, 7, 2), "relative_cues"),
        # copyright year alone: mid-year, moved to the weekday the text names
        ("Union leaders said on Friday that 300 staff will strike.\n©2022 Wire Ltd", dt.date(2022, 7, 1), "copyright_year"),
        # the owner named before the year, on a line of its own
        ("Union leaders said on Friday that 300 staff will strike.\n(c) Riverside Wire 2022. All rights reserved.", dt.date(2022, 7, 1),
         "copyright_year"),
    ],
)
def test_dating_rules(text: str, expected: dt.date, rule: str) -> None:
    a = date_of(text, mtime=dt.datetime(2026, 11, 23)) if "(12/3)" in text else date_of(text)
    assert (a.published, a.published_source) == (expected, rule), a.notes
    assert any(n.startswith(f"published {expected.isoformat()}") for n in a.notes)


def test_weekday_that_disagrees_with_the_candidate_date_is_ignored() -> None:
    # 15 March 2024 is a Friday, so "Thursday (15/3)" cannot be the date under ©2024.
    a = date_of("Talks ended on Thursday (15/3) with a deal on 9 routes.\n© 2024 Metro Desk")
    assert a.published != dt.date(2024, 3, 15)
    assert a.published_source == "copyright_year"
    assert any("not a Thursday" in n for n in a.notes)


def test_weekday_written_with_a_date_must_match() -> None:
    a = date_of("On Monday, June 3, 2019, the plant cut 200 jobs.")  # 3 June 2019 was a Monday
    assert (a.published, a.published_source) == (dt.date(2019, 6, 3), "text_date")
    assert a.published_confidence > 0.65
    b = date_of("On Friday, June 3, 2019, the plant cut 200 jobs.")
    assert b.published != dt.date(2019, 6, 3)


def test_standalone_weekday_raises_confidence_when_it_agrees() -> None:
    agree = date_of("Officials said on Thursday that 9 schools shut. The order came on March 14.\n©2024 Post")
    plain = date_of("Officials said that 9 schools shut. The order came on March 14.\n©2024 Post")
    assert agree.published == plain.published == dt.date(2024, 3, 14)
    assert agree.published_confidence > plain.published_confidence


def test_future_dates_do_not_become_the_publication_date() -> None:
    a = date_of("The vote took place on April 2. A second vote will be held on May 20.\n©2025 Civic News")
    assert a.published == dt.date(2025, 4, 2)


def test_season_and_later_this_month_pull_the_date() -> None:
    a = date_of(
        "Ministers meet later this month. Leaders will gather in October. The treaty was signed in 2001 and "
        "\"that was twenty years ago\", she said.\n©2020 Desk"
    )
    # window Jan..Sep 2020; twenty years after 2001 is 2021, so late in the window; early in that month.
    assert (a.published, a.published_source) == (dt.date(2020, 9, 1), "relative_cues")


def test_upcoming_summer_bounds_the_window() -> None:
    a = date_of("Figures for 2016 show 5 mines closed. The cabinet will decide this summer.")
    assert a.published_source == "relative_cues"
    assert dt.date(2017, 1, 1) <= a.published < dt.date(2017, 6, 1)


def test_front_matter_beats_the_dateline() -> None:
    a = date_of("---\npublished: 2020-02-02\n---\nPARIS, May 5, 2021 (AFP) - Rail traffic fell 8%.")
    assert (a.published, a.published_source, a.published_confidence) == (dt.date(2020, 2, 2), "front_matter", 0.95)
    assert a.source == "AFP"  # the dateline still names the outlet


def test_mtime_fallback_when_the_text_has_no_date() -> None:
    a = date_of("The bakery sold 400 loaves.", mtime=dt.datetime(2025, 8, 9, 23, 59))
    assert (a.published, a.published_source) == (dt.date(2025, 8, 9), "mtime")
    assert a.published_confidence <= 0.1


def test_mtime_inside_the_texts_window_is_preferred() -> None:
    a = date_of("Union leaders said 300 staff will strike.\n©2022 Wire Ltd", mtime=dt.datetime(2022, 4, 5))
    assert (a.published, a.published_source) == (dt.date(2022, 4, 5), "mtime")
    assert a.published_confidence == 0.4


def test_no_date_and_no_mtime_is_a_marked_placeholder() -> None:
    a = date_of("The bakery sold 400 loaves.", mtime=None)
    assert (a.published, a.published_source, a.published_confidence) == (dt.date(1970, 1, 1), "unknown", 0.0)


def test_day_and_month_without_year_and_without_mtime_cannot_be_placed() -> None:
    a = date_of("The mayor spoke on Tuesday (12/3).", mtime=None)
    assert a.published_source == "unknown"


def test_quoted_outlet_is_not_the_source() -> None:
    a = date_of("The envoy said 4 talks failed, as quoted by Gulf Radio.\nFollow Jane Marsh on Twitter")
    assert a.source is None


def test_decide_trusts_stated_metadata_first() -> None:
    d, _ = decide("©2001 X", stated=("email_date", dt.date(2024, 1, 2), "email Date"), mtime=None)
    assert (d.published, d.source) == (dt.date(2024, 1, 2), "email_date")


# ----------------------------------------------------------------------------- corroboration

QUOTE = "We will not let the river decide where families can live and work"


def _with(a: Article, **changes: object) -> Article:
    return dataclasses.replace(a, **changes)  # type: ignore[arg-type]


def test_year_only_article_takes_the_date_of_an_earlier_article_with_the_same_quote() -> None:
    firm = date_of(f'Speaking on June 6, the governor said: "{QUOTE}." She pledged 90 pumps.\n©2023 River Post', name="firm.txt")
    assert firm.published == dt.date(2023, 6, 6) and firm.published_source == "text_date"
    vague = date_of(f'The governor told reporters on Tuesday: "{QUOTE}," adding 90 pumps.\n©2023 Valley Wire', name="vague.txt")
    assert vague.published_source == "copyright_year"
    fixed = corroborate_date(vague, [firm])
    assert (fixed.published, fixed.published_source) == (dt.date(2023, 6, 6), "related_article")
    assert "firm.txt" in fixed.notes[-1]


def test_corroboration_needs_the_weekday_and_year_to_agree() -> None:
    firm = date_of(f'Speaking on June 6, the governor said: "{QUOTE}."\n©2023 River Post', name="firm.txt")
    wrong_weekday = date_of(f'The governor said on Friday: "{QUOTE}."\n©2023 Valley Wire', name="v.txt")
    assert corroborate_date(wrong_weekday, [firm]) == wrong_weekday
    wrong_year = date_of(f'The governor said on Tuesday: "{QUOTE}."\n©2021 Valley Wire', name="w.txt")
    assert corroborate_date(wrong_year, [firm]) == wrong_year


def test_corroboration_leaves_firm_dates_and_unrelated_articles_alone() -> None:
    firm = date_of(f'Speaking on June 6, the governor said: "{QUOTE}."\n©2023 River Post', name="firm.txt")
    other = date_of('The governor said on Tuesday: "Rivers are rising faster than our budgets allow."\n©2023 Wire', name="o.txt")
    assert corroborate_date(other, [firm]) == other
    assert corroborate_date(firm, [_with(other, published_source="dateline")]) == firm
    assert shared_quote(other.text, firm.text) is None


# ----------------------------------------------------------------------------- header lines and year-less datelines

RUN_DAY = dt.datetime(2026, 11, 23, 9, 0)  # files are copied before a run: their time is the run's day


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # a "Published" line with a numeric date, day first (31 cannot be a month), and a time
        ("a.md", "# Ferry fares rise\n\n**Isle Courier** · Transport · By Rhea Vont\n\nPublished 31/03/2024 07:45\n\n---\n\n"
         "Fares rose 6% on Sunday. Figures for 2025 are due next year.", dt.date(2024, 3, 31)),
        # the outlet on line 1, a bare dotted date and a time on line 2, then a year-less dateline
        ("a.txt", "Harbour News Service\n05.02.2024 16:20\n\nMine reopens\n\nDELVA, Feb 5 (HNS) - The mine reopened on Monday "
         "after 14 months. It closed in 2011.", dt.date(2024, 2, 5)),
        # ' · '-separated byline: the header's full date gives the dateline its year
        ("a.txt", "Mill profit jumps\n\nMarch 6, 2024 · 4:10 PM · Quarry Wire · By Ida Sorn\n\n"
         "BRASK, March 6 (Quarry Wire) - Orwen Mills said on Wednesday profit rose 9% and kept its 2024 outlook.",
         dt.date(2024, 3, 6)),
        # ' | '-separated parts with a short month and no comma, above a year-less dateline
        ("a.txt", "Mill profit jumps\n\nQuarry Wire | Oct 9 2024 | By Ida Sorn and Pol Wren\n\n"
         "BRASK, Oct 9 (Quarry Wire) - Orwen Mills raised its forecast for 2024 on Wednesday.", dt.date(2024, 10, 9)),
        # ' | '-separated parts, emphasis around the outlet, 'Published' before the date
        ("a.md", "# Tollway traffic climbs\n\n*Roadside Markets Desk* | Published 19/06/2024\n\n"
         "Traffic rose 4% and the operator meets investors on Tuesday 25 June.", dt.date(2024, 6, 19)),
        # an 'Updated' line in emphasis, dotted
        ("a.md", "# Wheat harvest shrinks\n\n**Plains Daily** | Farm desk | By Ola Brede\n\n*Updated 07.08.2024 11:30*\n\n"
         "The harvest shrank 12% in July, the smallest since 2019; the ministry will report again on September 2.",
         dt.date(2024, 8, 7)),
    ],
)
def test_header_dates(name: str, text: str, expected: dt.date) -> None:
    a = date_of(text, mtime=RUN_DAY, name=name)
    assert (a.published, a.published_source) == (expected, "dateline"), a.notes


def test_us_order_numeric_date_in_a_header_is_read_month_first() -> None:
    a = date_of("Plant expansion\n\nValley Times | 06/28/2024 | By Max Orr\n\nThe plant added 80 jobs.", mtime=RUN_DAY)
    assert a.published == dt.date(2024, 6, 28)
    assert any("month first" in n for n in a.notes)


def test_ambiguous_slashed_date_follows_the_articles_other_dates() -> None:
    us = date_of("Crop report\n\nPlains Post | Published 03/04/2024\n\nOn March 2 the board met; sales rose on March 3.", mtime=RUN_DAY)
    assert us.published == dt.date(2024, 3, 4)
    eu = date_of("Crop report\n\nPlains Post | Published 03/04/2024\n\nOn 2 April the board met; sales rose on 3 April.", mtime=RUN_DAY)
    assert eu.published == dt.date(2024, 4, 3)
    plain = date_of("Crop report\n\nPlains Post | Published 03/04/2024\n\nSales rose 5%.", mtime=RUN_DAY)
    assert plain.published == dt.date(2024, 4, 3)  # no evidence: day first


def test_yearless_dateline_takes_the_year_in_which_the_leads_weekday_agrees() -> None:
    # 12 March is a Wednesday in 2025 only (of 2016..2026); the text also writes 2026 (a forecast)
    # and 2022, and the file is from the run's day: neither is the year.
    text = ("OSKAR, March 12 (Fjord News Agency) - The central bank cut its rate to 3.5% on Wednesday, its first cut "
            "since the winter of 2022.\n\nIt expects inflation of 2.1% in 2026.")
    a = date_of(text, mtime=RUN_DAY)
    assert (a.published, a.published_source) == (dt.date(2025, 3, 12), "dateline"), a.notes
    assert any("Wednesday" in n for n in a.notes)


def test_yearless_dateline_is_filed_on_the_latest_weekday_of_the_opening() -> None:
    # Marches on Saturday, police figures 'on Sunday': filed on Sunday. 8 June is a Sunday in 2025
    # (a Saturday in 2024, which the 'Sunday' statements rule out).
    text = ("VELLIN, June 8 (Northgate) - Thousands marched through Vellin on Saturday against a road toll.\n\n"
            "Police said on Sunday that 40 people were detained.")
    a = date_of(text, mtime=RUN_DAY)
    assert a.published == dt.date(2025, 6, 8), a.notes


def test_yearless_dateline_without_weekday_takes_the_latest_year_written() -> None:
    text = "KARDO, Oct 2 (Basin Wire) - Output fell 4% from 2023, and exports so far in 2024 are down 9%, the ministry said."
    a = date_of(text, mtime=RUN_DAY)
    assert a.published == dt.date(2024, 10, 2), a.notes
    bare = date_of("KARDO, Oct 2 (Basin Wire) - Output fell 4%, the ministry said.", mtime=RUN_DAY)
    assert (bare.published, bare.published_source) == (dt.date(2026, 10, 2), "dateline")  # nothing better than the file's year


def test_no_year_after_the_files_date_is_chosen() -> None:
    # 2026 spoken of as past in a file from 2026: the article is from 2026, not "2027 or later".
    a = date_of("Output in 2026 hit 40 tonnes, the mine said.", mtime=RUN_DAY)
    assert dt.date(2026, 1, 1) <= a.published <= RUN_DAY.date(), a.notes


def test_a_files_date_older_than_the_text_bounds_nothing() -> None:
    # An archive stamped the copy 1980-01-01; the text's own full date shows the stamp is wrong.
    text = "KARDO, Oct 2 (Basin Wire) - The ministry said on Wednesday that output fell 4% after the plant shut on 14 March 2024."
    a = date_of(text, mtime=dt.datetime(1980, 1, 1))
    assert (a.published, a.published_source) == (dt.date(2024, 10, 2), "dateline"), a.notes


def test_numeric_front_matter_date() -> None:
    a = date_of("---\npublished: 28/02/2024 10:15\n---\nThe dam held.", mtime=RUN_DAY)
    assert (a.published, a.published_source) == (dt.date(2024, 2, 28), "front_matter")


def test_header_line_with_a_short_weekday_and_slash_separated_parts() -> None:
    a = date_of("CITY TIMES\nSat 12 Apr 2025 | 09:40\n\nThe bridge reopened on Friday after repairs.", mtime=RUN_DAY)
    assert a.published == dt.date(2025, 4, 12), a.notes
    b = date_of("RIVER DAILY\nMar. 3, 2025 / 4:51 PM / Updated 2 hours ago\n\nThe ferry resumed on Monday.",
                mtime=RUN_DAY)
    assert b.published == dt.date(2025, 3, 3), b.notes
