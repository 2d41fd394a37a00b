"""Deterministic synthetic news articles for the benchmarks.

Why synthetic: the numbers must be reproducible by anyone, at any scale (200,000 articles),
with no copyrighted text. Every word comes from the templates below.

The corpus is a stream of articles in publication order. Article `i` belongs to one of the
*stories* active at that point of the stream (story `s` covers articles `s*STEP ..
s*STEP+WINDOW`), and its figures depend on how far the story has progressed, so:
- figures change over time (a death toll rises, a flash inflation estimate is revised);
- several outlets report the same stage, i.e. restate the same figures;
- each story has its own invented places, companies and agencies, so the number of distinct
  measures grows with the corpus (about 5,000 stories and 20,000+ measures per 50,000 articles).

Article `i` is a pure function of (seed, i): any slice can be generated without the rest.
"""
from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

STEP = 10  # a new story starts every STEP articles
WINDOW = 120  # a story is reported on over this many consecutive articles (~12 of them pick it)
PER_DAY = 30  # articles published per day
BASE_DAY = date(2012, 1, 2)

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

OUTLETS: list[tuple[str, str]] = [
    ("Northgate Wire", "Northgate"), ("Meridian Post", "Meridian"), ("Harbour Daily", "Harbour"),
    ("Continental Press Agency", "CPA"), ("The Ledger Review", "Ledger"), ("Coastline Times", "Coastline"),
    ("Atlas News Service", "ANS"), ("Evening Courier", "Courier"), ("Summit Financial Journal", "SFJ"),
    ("Riverside Herald", "Herald"), ("Global Dispatch", "Dispatch"), ("Morning Chronicle", "Chronicle"),
    ("Union Press", "UP"), ("Capital Observer", "Observer"),
]

_ONSET = "b br c ch d dr f g gr h j k kr l m n p pr r s sh st t tr v w z".split()
_NUCLEUS = "a e i o u a e o ai ei ou ia".split()
_CODA = ["", "", "", "n", "r", "l", "s", "th", "nd", "rk", "st", "m", "v", "x"]


def _word(rng: random.Random, syllables: int) -> str:
    parts = []
    for k in range(syllables):
        parts.append(rng.choice(_ONSET) + rng.choice(_NUCLEUS) + (rng.choice(_CODA) if k == syllables - 1 else ""))
    return "".join(parts).capitalize()


def _place(rng: random.Random) -> str:
    return _word(rng, rng.choice((2, 2, 3)))


def _country(rng: random.Random) -> str:
    return _word(rng, 2) + rng.choice(["ia", "land", "ova", "ara", "istan", "ea", "or"])


def _person(rng: random.Random) -> str:
    return f"{_word(rng, rng.choice((2, 3)))} {_word(rng, rng.choice((2, 3)))}"


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """A figure the generator put in on purpose: an exact quote and what it is worth."""

    quote: str
    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    index: int
    name: str
    text: str
    published: date
    topic: str
    story: int
    gold: tuple[GoldFigure, ...]

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class _Writer:
    """Collects the gold figures while the templates write sentences."""

    rng: random.Random
    gold: list[GoldFigure] = field(default_factory=list)

    def fig(self, quote: str, value: float, unit: str) -> str:
        self.gold.append(GoldFigure(quote, float(value), unit))
        return quote

    def count(self, n: int, *, words_ok: bool = True, cap: bool = False) -> str:
        small = "zero one two three four five six seven eight nine ten eleven twelve".split()
        if words_ok and n <= 12 and self.rng.random() < 0.6:
            return self.fig(small[n].capitalize() if cap else small[n], n, "count")
        return self.fig(f"{n:,}", n, "count")

    def pct(self, x: float, digits: int = 1) -> str:
        style = self.rng.random()
        num = f"{x:.{digits}f}"
        if style < 0.6:
            return self.fig(f"{num}%", x, "percent")
        return self.fig(f"{num} percent" if style < 0.85 else f"{num} per cent", x, "percent")

    def money(self, amount: float, cur: str = "$") -> str:
        names = {"$": "USD", "€": "EUR", "£": "GBP"}
        if amount >= 1e9:
            num, scale = amount / 1e9, ("billion" if self.rng.random() < 0.7 else "bn")
        else:
            num, scale = amount / 1e6, ("million" if self.rng.random() < 0.7 else "m")
        n = f"{num:.1f}".removesuffix(".0") if num < 100 else f"{num:.0f}"
        text = f"{cur}{n} {scale}" if len(scale) > 2 else f"{cur}{n}{scale}"
        return self.fig(text, float(n) * (1e9 if scale in ("billion", "bn") else 1e6), names[cur])


def _day(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def _weekday(d: date) -> str:
    return WEEKDAYS[d.weekday()]


# -- distractors: numbers that are not figures of the story -------------------------------------

def _distractor(rng: random.Random, ctx: dict[str, str], pub: date) -> str:
    y = pub.year - rng.randint(3, 40)
    hh, mm = rng.randint(1, 12), rng.choice(["00", "15", "30", "45", "05", "20"])
    phone = f"+{rng.randint(20, 99)} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    model = f"{_word(rng, 2)[:3].upper()}-{rng.randint(2, 9)}{rng.randint(0, 9)}{rng.choice(['0', 'X', 'S', ''])}"
    past = pub - timedelta(days=rng.randint(20, 400))
    options = [
        f"The last comparable episode in {ctx['country']} dates back to {y}.",
        f"A statement was released at {hh}:{mm} {rng.choice(['a.m.', 'p.m.'])} local time.",
        f"Readers with information can call {phone} or write to the newsroom.",
        f"The agency's {model} monitoring system, installed in {y + 1}, logged the data.",
        f"The office on {rng.randint(2, 240)} {_word(rng, 2)} Street reopened on {_day(past)}.",
        f"Officials met again on {_weekday(pub - timedelta(days=rng.randint(1, 6)))} in {ctx['city']}.",
        f"Section {rng.randint(2, 40)} of the {y} act sets out the reporting rules.",
        f"The committee, created in {y}, has {rng.choice(['nine', 'eleven', 'seven'])} members from "
        f"{rng.choice(['three', 'four', 'five'])} parties.",
        f"Flight {_word(rng, 2)[:2].upper()}{rng.randint(100, 999)} landed at {hh}:{mm} after a short delay.",
        f"The {model} series was first shown on {_day(past)}, {past.year}.",
    ]
    return rng.choice(options)


_FILLER = [
    "Analysts said the coming days would show whether the trend holds.",
    "{person}, a spokesperson for the {agency}, said more details would follow.",
    "Residents of {city} described a tense atmosphere as officials briefed the press.",
    "The government in {capital} has promised a full review of the figures.",
    "Opposition politicians in {country} questioned how the numbers were compiled.",
    "\"We are doing everything we can,\" {person} told reporters outside the ministry.",
    "Independent observers urged caution until the data could be checked.",
    "The announcement followed weeks of speculation in {capital}.",
    "Local media in {city} carried the story on their front pages.",
    "Officials declined to say when the next update would be published.",
    "Critics argue the methodology has not kept pace with events.",
    "The issue is expected to dominate debate in parliament this week.",
    "{person} said the situation in {region} remained difficult but stable.",
    "Several international organisations have offered technical support.",
    "Earlier estimates had been based on incomplete reports from the provinces.",
    "The {agency} said it would publish revised data as soon as possible.",
    "Neighbouring governments have been watching developments closely.",
    "Business groups in {city} said they were studying the implications.",
    "It was not immediately clear how the figures compared with other regions.",
    "The ministry did not respond to a request for comment.",
    "{person2}, who teaches public policy in {capital}, said the numbers should be read with care.",
    "Officials in {region} said communication with outlying villages was still patchy.",
    "The figures were published on the {agency} website late in the day.",
    "{person2} said the government had been slow to share what it knew.",
    "A second briefing is planned in {capital} once the data have been checked.",
    "Television footage from {city} showed crowded streets and closed shops.",
    "Diplomats in {capital} said they had been briefed privately.",
    "The numbers are likely to be revised as more information comes in.",
    "Economists polled before the release had expected a similar outcome.",
    "Some lawmakers called for an independent inquiry.",
    "The story was first reported by local radio in {region}.",
    "{person} said the authorities would not comment on individual cases.",
    "Trade unions in {country} said they would study the announcement before responding.",
    "Markets in {capital} were little changed after the news.",
    "Aid groups said access to parts of {region} remained difficult.",
    "The last official update had been released two days earlier.",
    "\"The picture is still evolving,\" {person2} said in an interview.",
    "Regional newspapers have questioned the timing of the announcement.",
    "Officials in {city} said they expected a busy week ahead.",
    "The {agency} has faced criticism over delays in the past.",
]


def _filler(rng: random.Random, ctx: dict[str, str], pub: date, target_words: int, have: int) -> list[str]:
    paras: list[str] = []
    pool: list[str] = []
    while have < target_words:
        sents = []
        for _ in range(rng.randint(2, 4)):
            if not pool:  # draw without replacement so sentences rarely repeat within an article
                pool = list(_FILLER)
                rng.shuffle(pool)
            sents.append(pool.pop().format(**ctx))
        if rng.random() < 0.7:
            sents.insert(rng.randint(0, len(sents)), _distractor(rng, ctx, pub))
        p = " ".join(sents)
        paras.append(p)
        have += len(p.split())
    return paras


# -- stories --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Story:
    index: int
    topic: str
    rng_seed: str
    ctx: dict[str, str]


TOPICS = ("disaster", "inflation", "results", "protest", "election", "budget")


def _story(seed: int, s: int) -> _Story:
    rng = random.Random(f"{seed}:story:{s}")
    topic = TOPICS[rng.randrange(len(TOPICS))]
    country = _country(rng)
    ctx = {
        "country": country, "capital": _place(rng), "city": _place(rng), "region": _place(rng) + " province",
        "person": _person(rng), "person2": _person(rng),
        "agency": rng.choice({
            "disaster": [f"{country} Civil Protection Service", f"National Emergency Authority of {country}"],
            "inflation": [f"{country} Statistics Office"],
            "results": [f"{country} Securities Commission", f"{country} Stock Exchange"],
            "protest": [f"{country} Interior Ministry", f"{country} National Police"],
            "election": [f"{country} Electoral Commission"],
            "budget": [f"Ministry of Finance of {country}", f"{country} Budget Office"],
        }[topic]),
        "company": f"{_word(rng, 2)} {rng.choice(['Holdings', 'Systems', 'Motors', 'Foods', 'Energy', 'Telecom', 'Pharma', 'Logistics'])}",
        "rival": f"{_word(rng, 2)} {rng.choice(['Group', 'Industries', 'Networks', 'Brands', 'Materials'])}",
    }
    return _Story(s, topic, f"{seed}:story:{s}", ctx)


def _progress(story: _Story, i: int) -> float:
    return (i - story.index * STEP) / WINDOW


def _disaster(w: _Writer, st: random.Random, stage: int, pub: date, ctx: dict[str, str]) -> tuple[str, list[str]]:
    kind = st.choice(["earthquake", "flood", "cyclone", "landslide", "wildfire"])
    final = st.randint(20, 3000)
    fractions = [0.12, 0.3, 0.55, 0.8, 1.0]
    deaths = [max(3, round(final * f * st.uniform(0.9, 1.05))) for f in fractions]
    deaths = [max(deaths[:k + 1]) for k in range(len(deaths))]
    injured = [d * st.randint(2, 5) for d in deaths]
    displaced = st.randint(5, 400) * 1000
    n = deaths[stage]
    struck = pub - timedelta(days=stage + 1)
    title = f"{kind.capitalize()} death toll in {ctx['region']} rises to {n:,}"
    lead = (f"The death toll from the {kind} that struck {ctx['region']} on {_weekday(struck)} rose to "
            f"{w.count(n, words_ok=False)}, the {ctx['agency']} said, as rescue teams searched for survivors.")
    body = [lead]
    if stage > 0:
        body.append(f"The toll was up from {w.count(deaths[stage - 1], words_ok=False)} reported a day earlier. "
                    f"At least {w.count(injured[stage], words_ok=False)} people were injured.")
    else:
        body.append(f"At least {w.count(injured[stage], words_ok=False)} people were injured, officials said.")
    body.append(f"About {w.count(displaced, words_ok=False)} people have been displaced and are staying in "
                f"{w.count(st.randint(20, 300), words_ok=False)} temporary shelters across the province.")
    if kind == "earthquake":
        body.append(f"The magnitude {st.uniform(5.4, 7.9):.1f} quake hit at a shallow depth, according to the "
                    f"national seismology institute, and was felt as far away as {ctx['capital']}.")
    if st.random() < 0.3:
        body.append(f"Local officials in {ctx['city']} gave a higher toll of "
                    f"{w.count(n + st.randint(5, 60), words_ok=False)}, saying many bodies had not yet been registered.")
    body.append(f"The government has released {w.money(st.randint(5, 900) * 1e6)} in emergency aid.")
    return title, body


def _inflation(w: _Writer, st: random.Random, stage: int, pub: date, ctx: dict[str, str]) -> tuple[str, list[str]]:
    month = MONTHS[(pub.month - 2) % 12]
    prev_month = MONTHS[(pub.month - 3) % 12]
    headline = round(st.uniform(0.5, 9.5), 1)
    revised = round(headline + st.choice([0.0, 0.0, 0.1, -0.1, 0.2]), 1)
    core = round(max(0.3, headline + st.uniform(-1.5, 1.0)), 1)
    previous = round(max(0.2, headline + st.uniform(-0.8, 0.8)), 1)
    monthly = round(st.uniform(-0.3, 0.9), 1)
    final = stage >= 2
    h = revised if final else headline
    est = "final" if final else "flash"
    title = f"{ctx['country']} inflation at {h:.1f}% in {month}, {est} data show"
    body = [f"Consumer prices in {ctx['country']} rose {w.pct(h)} in {month} from a year earlier, "
            f"according to {est} figures from the {ctx['country']} Statistics Office, compared with "
            f"{w.pct(previous)} in {prev_month}."]
    body.append(f"Core inflation, which excludes food and energy, was {w.pct(core)}. On a monthly basis prices "
                f"changed by {w.pct(monthly)}.")
    if final and revised != headline:
        body.append(f"The flash estimate published earlier in the month had put the annual rate at {w.pct(headline)}.")
    body.append(f"The central bank targets inflation of {w.pct(2.0, 0)} over the medium term and holds its "
                f"benchmark rate at {w.pct(round(st.uniform(0.5, 8.0) * 4) / 4, 2)}.")
    return title, body


def _results(w: _Writer, st: random.Random, stage: int, pub: date, ctx: dict[str, str]) -> tuple[str, list[str]]:
    q = (pub.month - 1) // 3 or 4
    year = pub.year if q != 4 else pub.year - 1
    rev = st.randint(8, 400) * 1e8
    profit = rev * st.uniform(0.03, 0.18)
    expected = profit * st.uniform(0.85, 1.1)
    rival_rev = st.randint(8, 400) * 1e8
    eps = round(st.uniform(0.2, 6.0), 2)
    cur = st.choice(["$", "$", "€", "£"])
    restated = stage >= 3 and st.random() < 0.5
    p = profit * (0.96 if restated else 1.0)
    title = f"{ctx['company']} quarterly profit {'beats' if p > expected else 'misses'} forecasts"
    body = [f"{ctx['company']} reported net profit of {w.money(p, cur)} for the quarter to the end of "
            f"{MONTHS[q * 3 - 1]}, against analysts' expectations of {w.money(expected, cur)}, on revenue of "
            f"{w.money(rev, cur)}."]
    body.append(f"Earnings per share came to {cur}{eps:.2f}. Revenue grew {w.pct(st.uniform(-5, 25))} from the same "
                f"quarter of {year - 1}, while the operating margin was {w.pct(st.uniform(4, 30))}.")
    if restated:
        body.append(f"The company corrected its earlier statement, which had put quarterly profit at "
                    f"{w.money(profit, cur)}, citing an accounting adjustment.")
    body.append(f"Its main competitor, {ctx['rival']}, last week reported quarterly revenue of "
                f"{w.money(rival_rev, cur)} and cut {w.count(st.randint(200, 5000), words_ok=False)} jobs.")
    body.append(f"{ctx['company']} employs about {w.count(st.randint(2, 90) * 1000, words_ok=False)} people and "
                f"its shares rose {w.pct(st.uniform(0.5, 9))} in {ctx['city']} trading.")
    return title, body


def _protest(w: _Writer, st: random.Random, stage: int, pub: date, ctx: dict[str, str]) -> tuple[str, list[str]]:
    police = st.randint(20, 400) * 100
    organisers = police * st.randint(2, 5)
    arrests = [st.randint(0, 30)]
    for _ in range(4):
        arrests.append(arrests[-1] + st.randint(1, 40))
    cause = st.choice(["pension reform", "fuel prices", "a new mining law", "rising rents", "election rules"])
    title = f"Thousands march in {ctx['city']} against {cause}"
    body = [f"Police in {ctx['city']} said {w.count(police, words_ok=False)} people took part in {_weekday(pub - timedelta(days=1))}'s "
            f"march against {cause}, while organisers put the crowd at {w.count(organisers, words_ok=False)}."]
    body.append(f"{w.count(arrests[stage], cap=True)} people "
                f"have been arrested since the protests began, the {ctx['country']} Interior Ministry said, and "
                f"{w.count(st.randint(2, 60))} officers were hurt.")
    body.append(f"Organisers said they would return to the streets of {ctx['city']} and other cities next week, "
                f"and a union representing {w.count(st.randint(10, 900) * 1000, words_ok=False)} workers backed the call.")
    return title, body


def _election(w: _Writer, st: random.Random, stage: int, pub: date, ctx: dict[str, str]) -> tuple[str, list[str]]:
    registered = st.randint(5, 90) * 100_000
    final = round(st.uniform(38, 82), 1)
    midday = round(final * st.uniform(0.35, 0.55), 1)
    official = round(final + st.choice([-0.4, -0.2, 0.0, 0.1, 0.3]), 1)
    seats = st.choice([101, 120, 150, 200, 225, 300])
    won = st.randint(seats // 5, seats // 2 + 10)
    title = f"{ctx['country']} election turnout {'climbs' if stage else 'slow'} as polls {'close' if stage else 'open'}"
    if stage == 0:
        body = [f"Turnout in {ctx['country']}'s parliamentary election stood at {w.pct(midday)} by midday, the "
                f"{ctx['country']} Electoral Commission said, among {w.count(registered, words_ok=False)} registered voters."]
    else:
        t = official if stage >= 3 else final
        label = "official" if stage >= 3 else "preliminary"
        body = [f"Turnout in {ctx['country']}'s parliamentary election was {w.pct(t)}, according to {label} results "
                f"from the {ctx['country']} Electoral Commission, among {w.count(registered, words_ok=False)} registered voters."]
        body.append(f"The ruling party won {w.count(won, words_ok=False)} of the {seats} seats in the assembly.")
        if stage >= 3 and official != final:
            body.append(f"Preliminary figures released on election night had put turnout at {w.pct(final)}.")
    body.append(f"Voters queued outside polling stations in {ctx['city']} and {ctx['capital']}, where "
                f"{w.count(st.randint(100, 4000), words_ok=False)} polling stations were open.")
    return title, body


def _budget(w: _Writer, st: random.Random, stage: int, pub: date, ctx: dict[str, str]) -> tuple[str, list[str]]:
    cur = st.choice(["$", "€", "£"])
    spend = st.randint(20, 900) * 1e9
    approved = spend * st.uniform(0.97, 1.04)
    deficit = round(st.uniform(0.5, 7.5), 1)
    deficit_rev = round(deficit + st.choice([-0.3, 0.0, 0.2, 0.4]), 1)
    defence = spend * st.uniform(0.02, 0.08)
    fy = pub.year + 1
    if stage < 2:
        title = f"{ctx['country']} unveils {fy} budget"
        body = [f"The government of {ctx['country']} proposed total spending of {w.money(spend, cur)} for {fy}, "
                f"with a deficit of {w.pct(deficit)} of gross domestic product, the {ctx['country']} finance minister "
                f"{ctx['person']} told parliament."]
    else:
        title = f"Parliament in {ctx['capital']} approves revised {fy} budget"
        body = [f"Lawmakers in {ctx['country']} approved a {fy} budget with total spending of {w.money(approved, cur)}, "
                f"revised from the {w.money(spend, cur)} first proposed, and a deficit now forecast at {w.pct(deficit_rev)} "
                f"of gross domestic product."]
    body.append(f"Defence spending is set at {w.money(defence, cur)}, and the plan assumes economic growth of "
                f"{w.pct(st.uniform(0.2, 4.5))}. Public debt stands at {w.pct(st.uniform(30, 130), 0)} of output.")
    return title, body


_TEMPLATES: dict[str, Callable[[_Writer, random.Random, int, date, dict[str, str]], tuple[str, list[str]]]] = {
    "disaster": _disaster, "inflation": _inflation, "results": _results, "protest": _protest,
    "election": _election, "budget": _budget,
}
STAGES = 5


class Corpus:
    """Article `i` of the stream for a seed; `article(i)` is deterministic and independent of other calls."""

    def __init__(self, seed: int = 1) -> None:
        self.seed = seed
        self._stories: dict[int, _Story] = {}

    def _get_story(self, s: int) -> _Story:
        st = self._stories.get(s)
        if st is None:
            if len(self._stories) > 4096:
                self._stories.clear()
            st = self._stories[s] = _story(self.seed, s)
        return st

    @staticmethod
    def published(i: int) -> date:
        return BASE_DAY + timedelta(days=i // PER_DAY)

    def article(self, i: int) -> SyntheticArticle:
        rng = random.Random(f"{self.seed}:article:{i}")
        first = max(0, (i - WINDOW) // STEP + 1)
        story = self._get_story(rng.randint(first, i // STEP))
        stage = min(STAGES - 1, int(_progress(story, i) * STAGES))
        # Some reports lag one stage behind: an older figure restated by a slower outlet.
        if stage > 0 and rng.random() < 0.15:
            stage -= 1
        pub = self.published(i)
        w = _Writer(rng)
        title, body = _TEMPLATES[story.topic](w, random.Random(story.rng_seed), stage, pub, story.ctx)
        outlet, tag = OUTLETS[rng.randrange(len(OUTLETS))]
        body[0] = f"{story.ctx['city'].upper()}, {_day(pub)} ({tag}) - {body[0]}"
        target = rng.randint(520, 880)
        have = sum(len(p.split()) for p in body) + len(title.split()) + 10
        tail = _filler(rng, story.ctx, pub, target, have)
        # Mix filler between the figure paragraphs, keeping the lead first.
        paras = [body[0]]
        rest = body[1:]
        while rest or tail:
            if rest and (not tail or rng.random() < 0.5):
                paras.append(rest.pop(0))
            else:
                paras.append(tail.pop(0))
        text = (f"---\ntitle: {title}\nsource: {outlet}\npublished: {pub.isoformat()}\n---\n\n"
                + "\n\n".join(paras) + "\n")
        name = f"a{i:06d}-{story.topic}.txt"
        return SyntheticArticle(i, name, text, pub, story.topic, story.index, tuple(w.gold))

    def articles(self, start: int, count: int) -> Iterator[SyntheticArticle]:
        for i in range(start, start + count):
            yield self.article(i)

    def write(self, folder: Path, start: int, count: int) -> list[Path]:
        """Write articles [start, start+count) as files; existing identical files are left alone."""
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for a in self.articles(start, count):
            p = folder / a.name
            data = a.data
            if not p.exists() or p.stat().st_size != len(data):
                p.write_bytes(data)
            out.append(p)
        return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Write deterministic synthetic articles to a folder.")
    ap.add_argument("folder", type=Path)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args(argv)
    paths = Corpus(a.seed).write(a.folder, a.start, a.count)
    print(f"wrote {len(paths)} articles to {a.folder}")


if __name__ == "__main__":
    main()
