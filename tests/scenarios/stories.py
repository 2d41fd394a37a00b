"""Small news stories for the scenario tests: invented places and companies, written for these tests.

Each story is a list of articles in the order they are dropped, with the alerts that must be
raised (old quote -> new quote) and pairs that must stay silent.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Doc:
    name: str
    published: str
    source: str
    body: str

    def text(self) -> str:
        return f"---\ntitle: {self.name}\nsource: {self.source}\npublished: {self.published}\n---\n{self.body}\n"


@dataclass(frozen=True)
class Pair:
    old_doc: str
    old_quote: str
    new_doc: str
    new_quote: str
    kind: str = "update"


@dataclass(frozen=True)
class Story:
    name: str
    docs: list[Doc]
    expected: list[Pair] = field(default_factory=list)
    silent: list[Pair] = field(default_factory=list)


QUAKE = Story(
    "quake",
    [
        Doc("quake-day1.txt", "2025-02-06", "Harbor Times",
            "A powerful earthquake struck the mountain province of Velora early on Thursday, killing at least "
            "1,300 people and injuring more than 4,000, officials said.\n\n"
            "Rescue teams worked through the night to reach villages cut off by landslides. The governor of "
            "Velora said 40 schools had been turned into shelters."),
        Doc("quake-day2.txt", "2025-02-07", "Daily Ledger",
            "The death toll from Thursday's earthquake in Velora has risen to more than 2,600, the interior "
            "ministry said on Friday.\n\n"
            "About 9,000 people were injured, the ministry added, and aid convoys were still struggling to "
            "reach the worst-hit valleys of Velora."),
        Doc("quake-day2-wire.txt", "2025-02-07", "Coastal Wire",
            "Rescuers in Velora pulled survivors from the rubble on Friday as the number of people killed in "
            "the earthquake rose to more than 2,600.\n\n"
            "Engineers warned that aftershocks could bring down more damaged buildings in the province."),
        Doc("quake-day3.txt", "2025-02-08", "Harbor Times",
            "More than 4,100 people have died in the earthquake that hit Velora on Thursday, officials said on "
            "Saturday, as hopes of finding survivors faded.\n\n"
            "The number of injured climbed to 12,500. Hospitals across Velora were running short of blood and "
            "antibiotics."),
    ],
    expected=[
        Pair("quake-day1.txt", "1,300", "quake-day2.txt", "2,600"),
        # the wire repeats day 2's toll the same day: a restatement counts as the most recent claim, so the
        # alert quotes the repeat the user read last
        Pair("quake-day2-wire.txt", "2,600", "quake-day3.txt", "4,100"),
        Pair("quake-day1.txt", "4,000", "quake-day2.txt", "9,000"),
        Pair("quake-day2.txt", "9,000", "quake-day3.txt", "12,500"),
    ],
    silent=[
        Pair("quake-day2.txt", "2,600", "quake-day2-wire.txt", "2,600"),  # a second outlet repeats the toll
        Pair("quake-day1.txt", "1,300", "quake-day2-wire.txt", "2,600"),  # the change was already reported
        Pair("quake-day1.txt", "4,000", "quake-day2.txt", "2,600"),  # injured are not dead
        Pair("quake-day2.txt", "9,000", "quake-day3.txt", "4,100"),
        Pair("quake-day2.txt", "2,600", "quake-day3.txt", "12,500"),
        Pair("quake-day1.txt", "40", "quake-day2.txt", "2,600"),
    ],
)

INFLATION = Story(
    "inflation",
    [
        Doc("prices-march.txt", "2025-04-10", "Daily Ledger",
            "Annual inflation in Norland eased to 3.1% in March from 3.4% in February, the statistics office "
            "said on Thursday.\n\n"
            "Core inflation, which strips out food and energy prices, slowed to 3.6% from 3.8% a month earlier. "
            "The central bank has kept its main interest rate at 4.25% since January."),
        Doc("prices-april.txt", "2025-05-13", "Evening Courier",
            "Inflation in Norland fell to 2.8% in April, official figures showed on Tuesday, the lowest "
            "reading in two years.\n\n"
            "Core inflation edged down to 3.5%, suggesting that price pressures in services are fading only "
            "slowly."),
    ],
    expected=[
        Pair("prices-march.txt", "3.1%", "prices-april.txt", "2.8%"),
        Pair("prices-march.txt", "3.6%", "prices-april.txt", "3.5%"),
    ],
    silent=[
        Pair("prices-march.txt", "3.6%", "prices-april.txt", "2.8%"),  # core is not headline
        Pair("prices-march.txt", "3.1%", "prices-april.txt", "3.5%"),
        Pair("prices-march.txt", "3.4%", "prices-april.txt", "2.8%"),  # February is not the latest
        Pair("prices-march.txt", "3.8%", "prices-april.txt", "3.5%"),
        Pair("prices-march.txt", "4.25%", "prices-april.txt", "2.8%"),  # an interest rate is not inflation
        Pair("prices-march.txt", "4.25%", "prices-april.txt", "3.5%"),
    ],
)

CROWD = Story(
    "crowd",
    [
        Doc("march-police.txt", "2025-03-15", "Evening Courier",
            "Police said about 15,000 people joined Saturday's march against the pension reform in Castelmar. "
            "The protest passed off peacefully, although 12 people were detained near the parliament building."),
        Doc("march-organisers.txt", "2025-03-15", "Castelmar Post",
            "Organisers said 100,000 people took part in the march through Castelmar on Saturday, far more "
            "than the unions had hoped for.\n\nThe unions plan another day of action next month."),
    ],
    expected=[
        Pair("march-police.txt", "15,000", "march-organisers.txt", "100,000", "contradiction"),
    ],
    silent=[
        Pair("march-police.txt", "12", "march-organisers.txt", "100,000"),
    ],
)

COMPANIES = Story(
    "companies",
    [
        Doc("results-q2.txt", "2025-07-24", "Daily Ledger",
            "Brightwave reported second-quarter revenue of $4.2 billion, while rival Quillon reported revenue "
            "of $3.1 billion.\n\n"
            "Brightwave's net profit rose to $610 million, and Quillon's net profit fell to $220 million as "
            "the price war between the two chipmakers deepened."),
        Doc("results-q3.txt", "2025-10-23", "Evening Courier",
            "Brightwave said its revenue rose to $4.6 billion in the third quarter, helped by demand from "
            "data centres. Quillon's revenue slipped to $2.9 billion.\n\n"
            "Brightwave's net profit climbed to $700 million."),
    ],
    expected=[
        Pair("results-q2.txt", "$4.2 billion", "results-q3.txt", "$4.6 billion"),
        Pair("results-q2.txt", "$3.1 billion", "results-q3.txt", "$2.9 billion"),
        Pair("results-q2.txt", "$610 million", "results-q3.txt", "$700 million"),
    ],
    silent=[
        Pair("results-q2.txt", "$4.2 billion", "results-q3.txt", "$2.9 billion"),  # another company
        Pair("results-q2.txt", "$3.1 billion", "results-q3.txt", "$4.6 billion"),
        Pair("results-q2.txt", "$220 million", "results-q3.txt", "$700 million"),
        Pair("results-q2.txt", "$610 million", "results-q3.txt", "$4.6 billion"),  # profit is not revenue
    ],
)

JOBLESS = Story(  # an older article arrives after a newer one
    "jobless",
    [
        Doc("jobs-may.txt", "2025-06-06", "Daily Ledger",
            "The unemployment rate in Norland rose to 4.4% in May, the labour ministry said on Friday."),
        Doc("jobs-april.txt", "2025-05-02", "Evening Courier",
            "The unemployment rate in Norland held at 4.2% in April, the labour ministry said."),
        Doc("jobs-june.txt", "2025-07-04", "Castelmar Post",
            "Norland's unemployment rate climbed to 4.6% in June, according to the labour ministry."),
    ],
    expected=[
        Pair("jobs-may.txt", "4.4%", "jobs-june.txt", "4.6%"),
    ],
    silent=[
        Pair("jobs-may.txt", "4.4%", "jobs-april.txt", "4.2%"),  # late arrival of an older month: history
        Pair("jobs-april.txt", "4.2%", "jobs-june.txt", "4.6%"),  # not what the user last knew
    ],
)

STORIES = [QUAKE, INFLATION, CROWD, COMPANIES, JOBLESS]

ELECTION = Story(  # two parties in parallel wording, a turnout, and a final count revising the provisional one
    "election",
    [
        Doc("vote-night.txt", "2025-09-21", "Evening Courier",
            "With most ballots counted, the Green Alliance had won 31.4% of the vote and the Civic Party had "
            "won 27.9%, the electoral commission said on Sunday night.\n\n"
            "Turnout was 68.2%, the highest since 1998."),
        Doc("vote-final.txt", "2025-09-23", "Daily Ledger",
            "The Green Alliance won 32.1% of the vote, according to final results published by the electoral "
            "commission on Tuesday. The Civic Party won 27.6% of the vote.\n\nTurnout was 68.2%."),
    ],
    expected=[
        Pair("vote-night.txt", "31.4%", "vote-final.txt", "32.1%"),
        Pair("vote-night.txt", "27.9%", "vote-final.txt", "27.6%"),
    ],
    silent=[
        Pair("vote-night.txt", "31.4%", "vote-final.txt", "27.6%"),  # another party
        Pair("vote-night.txt", "27.9%", "vote-final.txt", "32.1%"),
        Pair("vote-night.txt", "68.2%", "vote-final.txt", "68.2%"),  # same turnout
    ],
)

STORIES.append(ELECTION)
