"""What one figure measures: the slots of its clause, found with word lists and word order.

A figure's measure is told apart by what lies around it, not by a window of words: the thing
counted (the noun after the number, or the subject of "rose to"), the predicate and its
object ("meet" + "target"), the figures that qualify the object ("the 2% target"), the names
the clause is about, who says it, and flags such as proposal or target. Anaphora ("that goal",
"its members", "the company") are resolved from the same sentence or the one before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from datetime import date, timedelta
from typing import Any

from ..models import Figure
from .context import ArticleContext, name_key, without_dateline
from .entities import (anaphor_names, definite_name, is_name, list_owner, measure_acronym, name_after_for,
                       named_before_cached, nearest_names, speaker, where_said)
from .lemmas import (AUX, CHANGE, CONTAINER, FOLD, MONTHS, NEUTRAL_MOD, NEW_INSTANCE, PAST_MARKERS, PLEDGE,
                     PROJECTION, PROJECTION_SAYERS, PROPOSAL, REVISION, SPEECH, STOP, Token, folded, is_content, lemma,
                     tokenize)
from .words import (BEFORE_NOUN, DETERMINERS, LIST_LABEL, NUMBER_WORDS, ORG_ANAPHORS, PREPOSITIONS, SAID_FORMS, VERBS, gap,
                    is_value, verbish)

# Verbs that only frame another verb ("expected to meet", "set to reach", "likely to top").
FRAMES = frozenset("expect set likely able due need have go seem appear continue try manage fail".split())
# Events whose participle names the counted people on its own ("7,000 injured", "1,300 dead").
EVENTS = frozenset("die injure displace evacuate arrest missing rescue infect hospitalise hospitalize".split())
# (the matcher also counts "attend" as what the counted people did)
OBLIGATION = frozenset("must should need require".split())
# A cheap test for a word that points back ("its", "it", "the company") before looking for what it points to.
_ANAPHOR = re.compile(r"\b(?:its|their|his|her|it|It|Its|Their|[Tt]he (?:" + "|".join(sorted(ORG_ANAPHORS)) + r"))\b")

_BOUNDARY = re.compile(r"[;:\u2014\u2013]| - |,?\s+\b(?:while|whereas|but|although|though|compared with|compared to)\b"
                       r"|,\s+(?:with|including|and|against|meaning)\b|,\s+(?=(?:bringing|taking|pushing|raising|lifting|saying|adding"
                       r"|citing|arguing|warning)\b)"
                       r"|\s+and\s+(?=(?:the\s+)?[A-Z][a-z])|\s+and\s+that\b|,\s+where\b"
                       r"|,\s+as\s+(?!of\b|well\b|many\b|much\b|part\b|a\s+result\b|expected\b|usual\b)"
                       r"|\s+and\s+(?=(?:has|have|had)\s+(?:\w+ed|held|kept|cut|set|put|left)\b)")
# An apposition between commas ("Core inflation, the measure that leaves out food, slowed to"): masked
# like a relative clause when a verb follows it, so the subject and the speaker are read across it.
_APPOS = re.compile(r",\s+(?:the|a|an|its|their|[A-Z][\w-]*['\u2019]s|[a-z]{3,}ed|taken|given|drawn|including|excluding)\s"
                    r"[^,;]{1,110},(?=\s+([a-z]+)\b)")
# "the toll rose to", "a toll of 40": a toll with no other word is a count of deaths.
_BARE_TOLL = "toll"
# Adverbs that sit between a subject and its verb or after an auxiliary ("fell back to", "had now been").
_ADVERBS = frozenset("now back again further still already also sharply slightly reportedly officially".split())
# Verbs of reaching a level ("gathered 250,000 signatures", "passed 300,000"): not what the counted thing does.
# "won 33.6% of the vote", "took 28.6%", "finished third with 10.4%": winning or getting a level says nothing
# about what is counted.
_LEVEL_VERBS = frozenset("""pass cross surpass collect gather garner amass accumulate top exceed leave win take finish
secure get receive obtain record register log post""".split())
# Comparatives standing where a counted noun would ("11% higher than a year earlier").
_COMPARATIVES = frozenset("higher lower cheaper dearer up down more less".split())
# Verbs that carry a figure into a container ("bringing the total number of arrests to 59").
_CARRY = frozenset("bring take push raise lift put".split())
# Words that make a figure a condition or a requirement ("if it reaches", "must be debated").
_CONDITION = frozenset("if unless must need require".split())
# Nouns for people who turned up ("the crowd", "marchers", "turnout"): they count attendance.
_LIVED = re.compile(r"\s+(?:people\s+|residents\s+)?(?:lived|live|lives|living)\s+in\b", re.I)
_INHABITANTS = re.compile(r"\b(?:residents|inhabitants)$", re.I)
_ATTENDERS = re.compile(r"\b(?:crowds?|turnout|attendance|marchers?|protesters?|protestors?|demonstrators?|participants?"
                        r"|attendees?)\b", re.I)
# "18 were arrested on Saturday, bringing the total to 59": the first figure is an increment.
_INCREMENT = re.compile(r",\s+(?:bringing|taking|pushing|raising|lifting)\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}?"
                        r"(?:total|toll|tally|number|count)\b", re.I)
# Amounts that a body has one of for a period: "a $212 million deficit" is its size, not the name of one of many.
_BALANCES = frozenset("deficit surplus shortfall budget debt revenue profit loss".split())
# Nouns of a change in a count, after the counted noun: "the payroll gain", "job losses".
_CHANGE_NOUNS = {"gain": "add", "gains": "add", "increase": "add", "rise": "add", "loss": "cut", "losses": "cut",
                 "fall": "cut", "drop": "cut", "decline": "cut"}
# Words saying a figure is about the whole, not one of its parts.
_WHOLE = re.compile(r"\b(?:all|total|overall|combined|average|across|nationwide|national)\b", re.I)
_IN_LINE = re.compile(r",?\s*\b(?:broadly\s+|roughly\s+)?in\s+line\s+with\b[^,;.]*", re.I)
# A share price or its day's move ("shares rose 3.2% to 412 pence", "Shares in Norrvik rose 4.3% to €38.62",
# "its share price"), not a market share ("its market share rose to 21%") or a stake ("a 51% share in").
_SHARE_PRICE = re.compile(r"(?<!market )\bshares\b(?!\s+(?:of|in)\s+(?:the\s+)?(?:vote|market|seats?)\b)"
                          r"|\bshare\s+price\b|\bstock\s+(?:price|rose|fell|jumped|slid|dropped|gained)\b", re.I)
# What a company guides on: a target for its own result is a forecast of it.
_RESULTS = frozenset("profit margin revenue".split())
_MODALS = frozenset("may might could would should will can must".split())
# Titles written before a person's name: capitalised there, never what a figure is about.
_TITLES = frozenset("""mayor governor president minister premier chancellor senator councillor councilor commissioner
director chief secretary spokesman spokeswoman spokesperson deputy prime dr mr mrs ms prof professor sir dame""".split())
# A gathering against a gathering: "a counter-demonstration", "the counter-rally", "a counter protest".
_COUNTER_EVENT = re.compile(r"\bcounter[- ]?(?:demonstration|demo|protest|rally|march|gathering)s?\b", re.I)
# Idioms that name an event with a verb and a noun ("forced from their homes", "treated for injuries").
_PHRASES = {("force", "home"): "displace", ("drive", "home"): "displace", ("make", "homeless"): "displace",
            ("leave", "home"): "displace", ("flee", "home"): "displace", ("move", "home"): "displace",
            ("evacuate", "home"): "displace", ("lose", "live"): "die", ("lose", "life"): "die",
            ("take", "hospital"): "hospitalise", ("admit", "hospital"): "hospitalise"}
_MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
_HORIZON_MONTH = re.compile(r"\bmonth[- ]on[- ]month\b|\bon the month\b|\bmonthly\b|\bm/m\b", re.I)
_HORIZON_MONTH_AFTER = re.compile(r"[^.;,\d]{0,12}?\b(?:from|compared with|compared to|against|over|on|than(?:\s+in)?)\s+"
                                  r"(?:the\s+)?(?:previous month|prior month|a month (?:earlier|ago)|" + _MONTH_NAMES + r")\b"
                                  r"(?!\s+(?:last|a|the previous)\s+year)", re.I)
# "Compared with February, prices rose 0.3%": a sentence opening on the month before sets a monthly change.
_HORIZON_MONTH_BEFORE = re.compile(r"\s*(?:compared (?:with|to)|from|against|versus|on)\s+(?:the\s+)?(?:previous month|prior month|"
                                   r"a month (?:earlier|ago)|month before|" + _MONTH_NAMES + r")\b\s*,", re.I)
# "rose 0.1% between March and April": the change from one month to the next
_BETWEEN_MONTHS = re.compile(r"\s+between\s+(?:" + _MONTH_NAMES + r")\s+and\s+(?:" + _MONTH_NAMES + r")\b", re.I)
_MONTH_OPENING = re.compile(r"\s*(?:month[- ]on[- ]month|on the month|on a monthly basis)\s*,", re.I)
_HORIZON_YEAR = re.compile(r"\byear[- ]on[- ]year\b|\bon the year\b|\ba year (?:earlier|ago|before)\b|\bannual(?:ly)?\b"
                           r"|\b(?:12|twelve) months\b|\by/y\b|\bin the year to\b", re.I)
_PAREN = re.compile(r",\s+(?:which|who|whose|where)\b[^,;]{0,200},")
# "Core inflation, which leaves out energy, food and tobacco, slowed to 4.0%": a relative clause holding a
# list, closed by the comma before the main verb.
_PAREN_LIST = re.compile(r",\s+(?:which|who|whose|[a-z]{3,}ing)\b[^;]{0,160}?,(?=\s+(?:now\s+|also\s+)?(?:[a-z]+ed|rose|fell|grew|"
                         r"stood|was|were|is|are|has|had|came|hit|held|remained|rises|falls)\b)")
_TIME_SHIFT = re.compile(r"\b(last month|last week|yesterday|last year|earlier this month|earlier this year|"
                         r"on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b", re.I)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(slots=True)
class Slots:
    """What a figure measures, as found in its clause; every word is a folded lemma."""

    head: str = ""
    mods: list[str] = field(default_factory=list)
    of_words: list[str] = field(default_factory=list)  # "package of military aid": soft context
    pred: str = ""
    obj: str = ""
    obj_mods: list[str] = field(default_factory=list)
    quals: list[str] = field(default_factory=list)  # figures fixed in the measure: "2%" of "the 2% target"
    names: list[str] = field(default_factory=list)  # names the clause is about (not who says it)
    sayer: str = ""
    flags: list[str] = field(default_factory=list)
    surface: str = ""  # words for the label, as written
    as_of_shift: str = ""  # "last month" when the text dates the statement itself
    sayer_org: list[str] = field(default_factory=list)
    horizon: str = ""  # "month" for a change on the month, "year" for one on the year
    label_noun: str = ""  # "magnitude 7.1", "line 14": the number is a reading or a label, not a count
    coord: bool = False  # "15,000 according to police and 100,000 according to X": counts what the figure before did
    span: str = ""  # the length of time the figure covers: "q" quarter, "h" half year, "9m" nine months, "y" year
    owner: str = ""  # "the ministry's death toll": whose figure it is, when nobody is said to say it
    per: str = ""  # "per share" of "$2.11 a share": an amount for each unit, a measure of its own
    contained: bool = False  # the head was the modifier of "rate", "number"...: "the core rate" -> "core"
    locus: str = ""  # "in shelters": where the counted people are, part of what is counted

    def to_features(self) -> dict[str, Any]:
        return {"head": self.head, "mods": self.mods, "of": self.of_words, "pred": self.pred, "obj": self.obj,
                "obj_mods": self.obj_mods, "quals": self.quals, "names": self.names, "sayer": self.sayer, "sayer_org": self.sayer_org,
                "flags": self.flags, "horizon": self.horizon, "label_noun": self.label_noun, "coord": self.coord,
                "span": self.span, "per": self.per, "contained": self.contained, "locus": self.locus}


# Nouns for asking people what they think or intend: every figure such a sentence gives is a projection.
_POLLS = frozenset("poll survey".split())
_PERIOD_NUMBERS = frozenset("quarter quarters half halves third thirds".split())


def _possessive(t: Token) -> bool:
    return t.text.endswith(("'s", "\u2019s")) and not t.cap


def _modifier(t: Token) -> bool:
    """A word that narrows what is counted; not a neutral one ("official"), an owner ("the ministry's") nor
    a day ("Sunday attendance", "Saturday's march": the period, not the measure)."""
    return t.key not in NEUTRAL_MOD and not _possessive(t) and t.lower not in MONTHS and t.lemma not in MONTHS


def _adjective(before: list[Token], t: Token) -> bool:
    """'the expected total': a participle between a determiner and a noun describes the noun."""
    i = before.index(t)
    return 0 < i < len(before) - 1 and before[i - 1].lower in DETERMINERS and is_content(before[i + 1])


def _glued(toks: tuple[Token, ...], b: int, e: int, ctx: ArticleContext) -> set[int]:
    """"Port Halvern's population": a capitalised word right before a name is part of that name, not a
    modifier of what is counted (ids of such tokens)."""
    out: set[int] = set()
    for k in range(e - 2, b - 1, -1):
        t, nxt = toks[k], toks[k + 1]
        if t.cap and t.text[0].isalpha() and not t.text.isupper() and not is_name(t, ctx) and t.lower not in STOP \
                and nxt.start == t.end + 1 and (is_name(nxt, ctx) and not nxt.text.isupper() or id(nxt) in out) \
                and name_key(nxt.text) not in ctx.persons:
            out.add(id(t))
    return out


# Common words in the name of a place or body: "Kelsby District", "Harlow Council".
_PLACE_WORDS = frozenset("""district county region province state city town council borough area ward reservoir lake
river valley mountain hill bay island port harbour station airport bridge road street square park hospital school
university college""".split())
_WITHOUT_HOME = re.compile(r"\s+(?:(?:are|were|is|was|remain|remained|still|now)\s+){0,3}without\s+(?:a\s+)?(?:home|homes|shelter)\b",
                           re.I)
# Modifiers of a company's result: "a net loss", "a pre-tax loss", "an operating loss".
_RESULT_MODS = frozenset("net pre tax pretax operating operate underlying quarterly annual interim".split())
# Who adds or sheds jobs when the count is everyone's: "employers added 45,000 jobs".
_ALL_DOERS = frozenset("""employer company firm business economy country nation government group it they we
bank industry sector market""".split())


def _described(noun: str, sentence: str, money: bool) -> bool:
    """"The Aldermoor-based carmaker said": a company described by where it is based is the one the story is about
    (and so is "The carmaker reported ..." of an amount of money)."""
    lead = r"(?:-based\s+|^\W*The\s+)" if money else r"-based\s+"
    return noun.isalpha() and re.search(lead + noun + r"s?\b", sentence, re.I) is not None


def _where_antecedent(toks: tuple[Token, ...], masked: str, lo: int, i0: int, ctx: ArticleContext) -> list[str]:
    """"Pay growth was strongest in information and communication, where regular pay rose 7.4%": the
    clause's figure is about the place or part named right before "where"."""
    w = next((k for k in range(max(0, lo - 1), i0) if toks[k].lower == "where"), -1)
    if w < 1 or "," not in masked[toks[w - 1].end:toks[w].start]:
        return []
    k = w - 1
    out: list[str] = []
    while k >= 0 and w - k <= 4 and toks[k].text[0].isalpha() and (is_content(toks[k]) or toks[k].lower == "and") \
            and not is_name(toks[k], ctx) and not verbish(toks[k]):
        if toks[k].lower != "and":
            out.append(toks[k].key)
        k -= 1
    return out if k >= 0 and toks[k].lower in ("in", "at", "among", "for") else []


def _fronted_place(toks: tuple[Token, ...], masked: str, i0: int, ctx: ArticleContext) -> list[str]:
    """The names of a sentence-opening "In Dornholm," or "In Palkot district," before the figure."""
    if len(toks) < 3 or toks[0].lower != "in" or not is_name(toks[1], ctx):
        return []
    e = 2
    while e < len(toks) and (is_name(toks[e], ctx) or toks[e].lemma in _PLACE_WORDS) \
            and not gap(masked, toks[e - 1], toks[e]):
        e += 1
    if e < len(toks) and i0 > e and masked[toks[e - 1].end:toks[e].start].strip().startswith(","):
        return [name_key(t.text) for t in toks[1:e] if is_name(t, ctx)]
    return []


def _place_named_in(sentence: str, ctx: ArticleContext) -> list[str]:
    """The place a sentence is set in: its opening "In X," or else its first "in X" or "of X"."""
    toks = tokenize(sentence)
    fronted = _fronted_place(toks, sentence, len(toks), ctx)
    if fronted:
        return fronted
    for k in range(len(toks) - 1):
        if toks[k].lower in ("in", "of") and toks[k + 1].cap and is_name(toks[k + 1], ctx) \
                and not gap(sentence, toks[k], toks[k + 1]):
            e = k + 1
            while e < len(toks) and toks[e].cap and is_name(toks[e], ctx) and not gap(sentence, toks[e - 1], toks[e]):
                e += 1
            return [name_key(t.text) for t in toks[k + 1:e]]
    return []


def _level_subject(toks: tuple[Token, ...], lo: int, i0: int, ctx: ArticleContext) -> str:
    """"The council's housing register stood at 13,950 households": the noun whose level is given."""
    k = i0 - 1
    if k >= lo and toks[k].lower == "at":
        k -= 1
    if k < lo or toks[k].lemma not in _LEVEL_LEMMAS:
        return ""
    k -= 1
    while k >= lo and toks[k].lower in _ADVERBS:
        k -= 1
    if k < lo:
        return ""
    t = toks[k]
    if not t.text[0].isalpha() or t.cap or t.lower in STOP or t.lemma in CONTAINER or t.lemma in AUX \
            or t.lower.endswith("ed") or is_name(t, ctx) or t.key in _ALL_DOERS:
        return ""
    b = k
    while b - 1 >= lo and toks[b - 1].text[0].isalpha() and is_content(toks[b - 1]) and k - b < 3:
        b -= 1
    while b - 1 >= lo and toks[b - 1].lower in DETERMINERS:
        b -= 1
    if b - 1 >= lo and toks[b - 1].lower in PREPOSITIONS:
        return ""  # "the petition on parliament's website stood at": the end of a phrase, not the subject
    return t.key


_LEVEL_LEMMAS = frozenset("stand reach total number hit top".split())


def _doer(toks: tuple[Token, ...], lo: int, i0: int, ctx: ArticleContext) -> str:
    """The common noun right before the verb of "Healthcare added 8,400 jobs", "with healthcare adding 11,200":
    the part of the whole that gained or lost, unless it is the whole ("employers")."""
    v = i0 - 1
    if v - 1 < lo or not (toks[v].lemma in _GAIN | _LOSS):
        return ""
    t = toks[v - 1]
    if not t.text[0].isalpha() or is_name(t, ctx) or t.lower in STOP or t.lemma in AUX or verbish(t):
        return ""
    return "" if t.key in _ALL_DOERS or t.lemma in _ALL_DOERS else t.key


# Nouns that name a part of an economy or a business: "in the private sector", "in the retail division".
_SEGMENTS = frozenset("sector industry segment division unit".split())


def _fronted_segment(toks: tuple[Token, ...], masked: str, i0: int, lo: int) -> list[str]:
    """"In the private sector, ...", "In manufacturing, ...": the sentence opens with the part of the whole
    that its figures are about; its words qualify what is measured."""
    if len(toks) < 3 or toks[0].lower != "in":
        return []
    k = 1
    while k < i0 and toks[k].lower in DETERMINERS:
        k += 1
    e = k
    while e < i0 and e - k < 3 and toks[e].text[0].isalpha() and not toks[e].cap and is_content(toks[e]) \
            and not (e > k and gap(masked, toks[e - 1], toks[e])):
        e += 1
    if e == k or e >= i0 or "," not in masked[toks[e - 1].end:toks[e].start] or lo > e:
        return []  # (nor for a later clause: "..., while public sector pay growth slowed")
    words = toks[k:e]
    last = words[-1]
    if last.lemma in _SEGMENTS or (len(words) == 1 and last.lower.endswith("ing") and len(last.lower) > 6):
        return [t.key for t in words if t.lemma not in _SEGMENTS] or [last.key]
    if k == 1 and len(words) <= 2 and not any(t.lower in _NOT_SEGMENTS or t.lower in MONTHS or t.lower.endswith("ly")
                                               for t in words):
        return [t.key for t in words]  # "In social care, regular pay rose only 3.1%"
    return []


# Words after a sentence-opening "In" that do not name a part of anything ("In addition,", "In March,").
_NOT_SEGMENTS = frozenset("""addition contrast total particular general short fact response practice theory summary
brief effect return turn comparison conclusion reality principle all sum other words part light view order case
future past meantime time recent years months weeks days year month week day spring summer autumn winter morning
evening afternoon night weekend recent particular response statement interview letter report speech""".split())


def _label_number(toks: tuple[Token, ...], k: int, lo: int) -> bool:
    """"tier 1", "CET1", "phase 2": a number after a noun that names a kind, not an amount."""
    return toks[k].text.isdigit() and len(toks[k].text) <= 2 and k - 1 >= lo and toks[k - 1].end == toks[k].start - 1 \
        and toks[k - 1].text[0].isalpha() and is_content(toks[k - 1]) and not verbish(toks[k - 1]) \
        or toks[k].text.isdigit() and k - 1 >= lo and toks[k - 1].end == toks[k].start and toks[k - 1].text.isupper()


def _is_amount(t: Token) -> bool:
    """A number that counts something ("38 homes"), not a period word ("second-quarter", "half-year")."""
    return is_value(t) and t.lower not in _PERIOD_NUMBERS


# Words after which an "-ed" word starts a noun phrase rather than a clause ("and suspected cases").
_PHRASE_START = DETERMINERS | frozenset("and or but".split())


def _attributive(toks: tuple[Token, ...], j: int, lo: int) -> bool:
    """An "-ed" word used as an adjective before a noun: "and suspected cases", "the delayed flights".

    Only a participle that is not a known verb of change, saying or counting, at the start of a
    noun phrase (clause start, a determiner or a coordinating conjunction before it).
    """
    t = toks[j]
    if not t.lower.endswith("ed") or t.cap or t.lemma in AUX | CHANGE | SPEECH | VERBS | PROPOSAL:
        return False
    return j - 1 < lo or toks[j - 1].lower in _PHRASE_START or toks[j - 1].lemma in SPEECH or toks[j - 1].lower == "that"


# Nouns of change: a percentage of "X growth" is the rate at which X changes, the same measure as X's percentage.
_RATE_OF_CHANGE = frozenset("growth increase rise gain".split())


@lru_cache(maxsize=4096)
def _boundaries(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence's clauses meet; computed once for all the figures of a sentence."""
    return tuple(m.span() for m in _BOUNDARY.finditer(sentence))


def _clause(sentence: str, fs: int, fe: int) -> tuple[int, int]:
    lo, hi = 0, len(sentence)
    for start, end in _boundaries(sentence):
        if end <= fs:
            lo = max(lo, end)
        elif start >= fe:
            hi = min(hi, start)
            break
    return lo, hi


def _value_end(toks: tuple[Token, ...], i: int, hi: int) -> int:
    """Index after the value words of a figure starting at token i ("two thirds", "$ 60 billion", "2.5 %")."""
    j = i
    while j < hi and (is_value(toks[j]) or toks[j].lower in ("a", "and") and j + 1 < hi and is_value(toks[j + 1])
                      and not toks[j + 1].text[0].isdigit()):  # "two and a half", not "28.6% and 51 seats"
        j += 1
    return max(j, i + 1)


# "$2.11 a share", "$80 per barrel": an amount for each unit of something, a measure of its own.
_PER_UNIT = re.compile(r"\s+(?:a|an|per|each)\s+([A-Za-z]+)\b")
# Units of time: "a day" after a count is a rate, "per quarter" no kind of thing, "in the week" no place.
_TIME_UNITS = frozenset("day week month year hour minute second quarter weekday night".split())
_BASED = re.compile(r"\b[A-Z][A-Za-z]+(?:\s[A-Z][A-Za-z]+)?-(?:based|headquartered)\b")
_PART_OF = re.compile(r"\s+of\s+the\s+(dead|injured|wounded|missing|victims|killed)\b(?:\s+(?:were|are|was)\s+([a-z]+))?",
                      re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those|these)\b", re.I)
_AMONG = re.compile(r"\bamong\s+the\s+(dead|injured|wounded|missing|victims|killed)\b", re.I)
_COMPARED_END = re.compile(r"\b(?:compared (?:with|to)|versus)\s*$", re.I)
# Verbs of staying somewhere: "9,600 people spent the night in shelters" counts who is in the shelters.
# Nouns for a whole area ("in the city", "across the region"): the story's setting, not a part of a count.
_AREAS = frozenset("city town country region state province district area nation capital county village island "
                   "territory municipality borough metropolis union bloc zone eurozone economy".split())
_STAY = frozenset("spend sleep stay live shelter remain".split())
# Folded nouns for kinds of people that stay their own count when they take part ("6,500 members joined").
_GROUPS = frozenset("member employee soldier student child officer".split())
_FRESH = frozenset("new more further additional fresh".split())
_POLICY_RATE = frozenset("target benchmark interest policy".split())  # "benchmark" is folded to "target"
_FORECAST_NOUNS = frozenset("forecast guidance outlook projection prediction".split())
_GAIN = frozenset("add create gain open".split())
_LOSS = frozenset("shed axe eliminate slash cut close shut".split())
_PARTICLES = frozenset("up aside off out down away apart".split())


def _noun_phrase(toks: tuple[Token, ...], j: int, hi: int, sentence: str, limit: int = 4) -> int:
    """End index of the run of content words starting at j (no verb, no punctuation inside)."""
    k = j
    while k < hi and k - j < limit:
        t = toks[k]
        if not (t.text[0].isalpha() and is_content(t)) or (k > j and gap(sentence, toks[k - 1], t)):
            break
        if k + 2 < hi and toks[k + 1].lower in _PARTICLES and sentence[t.end:toks[k + 1].start] == "-":
            k += 2  # "150 clean-up workers": a compound noun, not a verb and its particle
            continue
        if k > j and k + 1 < hi and toks[k + 1].lower in _PARTICLES and not gap(sentence, t, toks[k + 1]):
            break  # "61 shelters set up in schools": a verb with its particle, not part of the noun
        if verbish(t, toks[k - 1] if k > 0 else None) and not (k == j and t.key in EVENTS) \
                and not (k == j and _participle_before_noun(toks, k, hi, sentence)):
            break
        if _participle_after_noun(toks, k, j, hi, sentence):
            break  # "412,600 patients waiting for treatment": the clause after the noun says what they do
        k += 1
    return k


def _participle_after_noun(toks: tuple[Token, ...], k: int, j: int, hi: int, sentence: str) -> bool:
    """"patients waiting for", "people arriving at": an "-ing" word after the counted noun, opening a phrase."""
    t = toks[k]
    return k > j and t.lower.endswith("ing") and len(t.lower) > 5 and not t.cap and k + 1 < hi \
        and toks[k + 1].lower in _PARTICIPLE_PREPS and not gap(sentence, toks[k - 1], t) \
        and t.lower not in _ING_PREPOSITIONS and t.lemma not in SPEECH and t.lemma not in CHANGE


# How long the counted people did something: "waiting more than a year", "waited over 18 weeks".
_LONGER_THAN = re.compile(r"\s+(?:for\s+)?(?:(?:more|longer)\s+than|over|at\s+least|beyond)\s+(?:a|an|one|\d+)\s+"
                          r"(year|month|week|day|hour)s?\b", re.I)
_PARTICIPLE_PREPS = frozenset("for to at in on from with into outside inside under".split())
# "-ing" words that work as prepositions: "according to police", "including 12 children".
_ING_PREPOSITIONS = frozenset("""according including excluding following during regarding concerning pending
starting beginning ending totalling totaling bringing taking compared""".split())


def _has_own_verb(toks: tuple[Token, ...], j: int, hi: int) -> bool:
    """Whether the words after a figure carry a verb of their own ("57 were unaccounted for")."""
    k = j
    while k < hi and k - j < 3 and (toks[k].lemma in AUX or toks[k].lower in _ADVERBS):
        k += 1
    return k > j and k < hi and toks[k].text[0].isalpha() and not toks[k].cap


def _conjunct_with_own_verb(toks: tuple[Token, ...], lo: int, i0: int, j: int, hi: int) -> bool:
    """"... and 57 were unaccounted for", "and a further 11,000 damaged", "and that more than 200 remained in
    hospital": a figure after a conjunction with a verb of its own does not take the first clause's verb."""
    m = i0 - 1
    while m >= max(0, lo - 2) and toks[m].lower in _CONJUNCT_FILLERS:
        m -= 1
    if m < max(0, lo - 2) or toks[m].lower not in ("and", "or", "while", "but"):
        return False
    participle = j < hi and toks[j].lower.endswith("ed") and not toks[j].cap and toks[j].lemma not in AUX
    return participle or _has_own_verb(toks, j, hi)


# Words between a conjunction and its figure: "and a further 11,000", "and that more than 200".
_CONJUNCT_FILLERS = frozenset("a an further another additional more than some about around nearly almost over that".split())


def _locus(toks: tuple[Token, ...], k: int, hi: int, ctx: ArticleContext) -> str:
    """'in emergency shelters', 'at the camp': where the counted people are, when a common noun says it."""
    if k >= hi or toks[k].lower not in ("in", "at"):
        return ""
    k += 1
    while k < hi and toks[k].lower in DETERMINERS:
        k += 1
    e = k
    while e < hi and e - k < 3 and toks[e].text[0].isalpha() and is_content(toks[e]) and not verbish(toks[e]) \
            and not is_name(toks[e], ctx) and toks[e].lower not in _TIME_UNITS \
            and not (e > k and e + 1 < hi and toks[e + 1].lower in _PARTICLES):
        e += 1
    if e == k or (e < hi and toks[e].lower == "of") or toks[e - 1].key in _AREAS:
        return ""  # ("homes in the city": where the whole story is, not a part of what is counted)
    return toks[e - 1].key


def _reduced_relative(toks: tuple[Token, ...], lo: int, b: int, sentence: str) -> tuple[int, int] | None:
    """'Beds occupied by cholera patients at the hospital fell to 148': a clause opening with nouns and a
    participle that a preposition follows; returns (start of the nouns, index of the participle)."""
    p = next((m + 1 for m in range(b - 1, lo - 1, -1) if toks[m].lower == "that"), lo)
    # ("Police said that arrests linked to Saturday's march had risen to 17": the clause after "that")
    while p < b and toks[p].lower in DETERMINERS:
        p += 1
    q = p
    while q < b and toks[q].text[0].isalpha() and is_content(toks[q]) and not toks[q].lower.endswith("ed") \
            and q - p < 3:
        q += 1
    if q == p or q + 1 >= b or not toks[q].lower.endswith("ed") or toks[q].lemma in AUX | CHANGE | SPEECH \
            or toks[q + 1].lower not in PREPOSITIONS or gap(sentence, toks[q - 1], toks[q]):
        return None
    return p, q


def _participle_before_noun(toks: tuple[Token, ...], k: int, hi: int, sentence: str) -> bool:
    """'731 confirmed cases', '540 suspected cases': right after a number, an "-ed" word followed by a
    noun describes the noun; it is not the verb that ends the phrase ("18,000 attended the rally")."""
    t = toks[k]
    base_noun = t.lemma in VERBS and t.lower == t.lemma  # "the 3.5% pay offer", "a $50 million aid package"
    if not (t.lower.endswith(("ed", "en")) or base_noun) or t.cap or k + 1 >= hi or t.lemma in AUX | CHANGE:
        return False
    nxt = toks[k + 1]
    return nxt.text[0].isalpha() and is_content(nxt) and not nxt.cap and not gap(sentence, t, nxt) \
        and not verbish(nxt, t) and nxt.lower not in PREPOSITIONS and not nxt.lower.endswith("ly")


def describe(fig: Figure, ctx: ArticleContext) -> Slots | None:
    """Slots of the figure's clause; None when the figure cannot be placed in its sentence."""
    sentence = fig.sentence
    fs = fig.start - fig.sentence_start
    if not (0 <= fs < len(sentence)) or not sentence.startswith(fig.text[:8], fs):
        fs = sentence.find(fig.text)
        if fs < 0:
            return None
    fe = fs + len(fig.text)
    masked = without_dateline(sentence) if fig.sentence_start < 600 else sentence
    if masked.count(",") >= 3:
        masked = _PAREN_LIST.sub(lambda m: _blank(m, fs), masked)
    masked = _PAREN.sub(lambda m: _blank(m, fs), masked) if "," in masked else masked
    if " line with " in masked:
        masked = _IN_LINE.sub(lambda m: " " * len(m.group(0)), masked)  # "in line with the target": a comparison
    if "-based" in masked or "-headquartered" in masked:
        masked = _BASED.sub(lambda m: " " * len(m.group(0)), masked)  # "the Leeming-based grocer": a place, not who
    label = LIST_LABEL.match(masked)
    label_names: list[str] = []
    if label and label.end() <= fs and not re.search(r"[a-z]", masked[label.end():fs]):
        # "- Net profit: **$680 million**": a list item's label is what the figure measures (not so in
        # "- Monthly change: prices rose 0.4%", where the item is a clause of its own)
        masked = masked[:label.end() - 1] + " " + masked[label.end():]
    elif label:
        lt = tokenize(masked[:label.end() - 1]) if label.end() <= fs else ()
        if lt and all(is_name(t, ctx) or t.lemma in _PLACE_WORDS for t in lt) and any(is_name(t, ctx) for t in lt):
            # "Kelsby District: 58 confirmed cases": the place or body a list line is about
            label_names = [name_key(t.text) for t in lt if is_name(t, ctx)]
            masked = " " * label.end() + masked[label.end():]
        label = None
    if masked.count(",") >= 2:
        masked = _APPOS.sub(lambda m: _mask_apposition(m, fs), masked)
    toks = tokenize(masked)
    n = len(toks)
    i0 = next((i for i, t in enumerate(toks) if t.end > fs), n)
    k = i0  # "about 5,000": start at the number, not at its qualifier
    while k < n and toks[k].start < fe and not is_value(toks[k]):
        k += 1
    if k < n and toks[k].start < fe:
        i0 = k
    if i0 >= n:
        return None
    clo, chi = _clause(masked, fs, fe)
    if masked.lstrip().lower().startswith(("of those ", "of these ", "of the ")) and 0 < masked.find(",") < fs:
        clo = max(clo, masked.find(",") + 1)  # "Of those brought ashore, 38 were taken to hospital": from 38 on
    lo = next((i for i, t in enumerate(toks) if t.start >= clo), 0)
    hi = next((i for i, t in enumerate(toks) if t.start >= chi), n)
    lo = min(lo, i0)
    s = Slots()
    flags: set[str] = set()

    # the value, an optional total ("of its 31", "out of the then-31") and an "of" phrase
    j = _value_end(toks, i0, hi)
    if i0 > 0 and toks[i0 - 1].lower in PAST_MARKERS and toks[i0 - 1].end == toks[i0].start - 1:
        flags.add("past_state")
    if j < hi and toks[j].lower in ("of", "out"):
        k = j + (2 if toks[j].lower == "out" and j + 1 < hi and toks[j + 1].lower == "of" else 1)
        while k < hi and toks[k].lower in DETERMINERS:
            k += 1
        if k < hi and toks[k].lower in PAST_MARKERS:
            k += 1
        if k < hi and is_value(toks[k]):
            j = _value_end(toks, k, hi)
        elif toks[j].lower == "of":
            j = k

    unit = (fig.unit or "").lower()
    if j < hi and unit not in ("count", "fraction", "percent", "percentage_points") and len(unit) >= 2 \
            and (toks[j].lower.startswith(unit[:3]) or unit.startswith(toks[j].lower[:3])):
        j += 1  # "4.2 million tonnes": the unit is not what is measured
    if j + 1 < hi and toks[j].lower == "in" and len(unit) == 3 and (fig.unit or "").isupper() and is_content(toks[j + 1]):
        j += 1  # "$50 million in emergency credit": what the money is
    if j < hi and toks[j].lower in _COMPARATIVES and not (
            toks[j].lower in _FRESH and j + 1 < hi and toks[j + 1].text[0].isalpha() and is_content(toks[j + 1])):
        j = hi  # "11.2% higher than a year earlier": no counted noun after the figure ("two more people" has one)
    if j + 1 < hi and toks[j].lower in _FRESH and toks[j + 1].text[0].isalpha() and is_content(toks[j + 1]):
        flags.add("new_instance")  # "fewer than 75 new cases in four days": new ones, not the running total
        j += 1
    if i0 > lo and toks[i0 - 1].lower == "to" and j + 2 < hi and toks[j].lower == "the":
        q = j + 1 + (toks[j + 1].lower == "total")
        if q + 1 < hi and toks[q].lemma in ("number", "count", "tally", "total") and toks[q + 1].lower == "of":
            j = q + 2  # "That brings to 13 the number of miners rescued alive": the count named after the figure
    np_end = j if (j < hi and j > 0 and gap(masked, toks[j - 1], toks[j])) else _noun_phrase(toks, j, hi, masked)
    np = [t for t in toks[j:np_end]]
    glued = _glued(toks, j, np_end, ctx)
    names = [name_key(t.text) for t in np if is_name(t, ctx) or id(t) in glued]
    words = [t for t in np if not is_name(t, ctx) and id(t) not in glued]
    if np and np[-1].text.isupper() and len(np[-1].text) >= 2:  # "2% of GDP": an acronym can be what is measured
        words.append(np[-1])
        names.remove(name_key(np[-1].text))
    premod = bool(words) and j == _value_end(toks, i0, hi) and (i0 + 1 == j or toks[j - 1].end == toks[j].start - 1)
    change_noun = ""
    pred_idx = -1
    conjunct = False
    if words:
        head_t = words[-1]
        s.head = head_t.key if not head_t.text.isupper() else head_t.lower
        s.mods = [t.key for t in words[:-1] if _modifier(t) and t.key != s.head
                  and t.key not in ORG_ANAPHORS]  # "the group's workforce" is the workforce of the company
        s.surface = " ".join(t.text for t in np)
        if s.head == "person" and not s.mods and i0 - 2 >= lo and toks[i0 - 1].lower in ("of", "was", "is", "were", "are") \
                and toks[i0 - 2].text[0].isalpha() and is_content(toks[i0 - 2]) and not is_name(toks[i0 - 2], ctx) \
                and not verbish(toks[i0 - 2]) and toks[i0 - 2].lemma not in CONTAINER:
            # "an average household size of 2.26 people", "a workforce of 5,200 people": the noun before "of"
            b = i0 - 2
            while b - 1 >= lo and toks[b - 1].text[0].isalpha() and is_content(toks[b - 1]) \
                    and not is_name(toks[b - 1], ctx) and not verbish(toks[b - 1]) and i0 - 2 - b < 2:
                b -= 1
            s.head = toks[i0 - 2].key
            s.mods = [t.key for t in toks[b:i0 - 2] if _modifier(t) and t.key != s.head]
            s.surface = " ".join(t.text for t in toks[b:i0 - 1])
        if head_t.key in EVENTS or (head_t.lower.endswith("ed") and np_end == j + 1):
            s.pred = head_t.key
        if any(t.lower in NEW_INSTANCE for t in words[:-1]):
            flags.add("new_instance")
        # "package of military aid", "the number of dead"
        k = np_end
        if k < hi and toks[k].lower == "of":
            k += 1
            while k < hi and toks[k].lower in DETERMINERS:
                k += 1
            e = _noun_phrase(toks, k, hi, masked, 3)
            s.of_words = [t.key for t in toks[k:e] if not is_name(t, ctx)]
            names += [name_key(t.text) for t in toks[k:e] if is_name(t, ctx)]
            if s.head in CONTAINER:
                s.mods += s.of_words
            np_end = e
        k = np_end
        if k < hi and toks[k].lower in ("of", "out"):
            k += 2 if toks[k].lower == "out" else 1
            while k < hi and (toks[k].lower in DETERMINERS or toks[k].lower in PAST_MARKERS):
                k += 1
            if k < hi and is_value(toks[k]):
                k = _value_end(toks, k, hi)
                np_end = _noun_phrase(toks, k, hi, masked)
        after = np_end
    else:
        # no noun after the number: the subject before it ("core inflation rose to 3.9%")
        after = j
        if _container_subject(toks, lo, i0, masked, ctx, s):
            k = lo - 1  # the subject is settled; only a predicate is left to find
        elif _conjunct_with_own_verb(toks, lo, i0, j, hi):
            k = lo - 1  # "120 people were injured and 57 were unaccounted for": a conjunct with its own verb
            conjunct = True
        else:
            k = i0 - 1
        while k >= lo:
            t = toks[k]
            if t.lemma in SPEECH and k - 1 >= lo and toks[k - 1].lemma == "be" \
                    and k + 1 < i0 and toks[k + 1].lower == "at":
                k -= 1  # "the crowd was put at 90,000", "turnout is estimated at 40%": the subject comes before
                continue
            if t.lower in SAID_FORMS and k < i0 - 1:
                break  # "the directorate said the injured numbered 1,900": the subject is after "said"
            if k - 1 >= lo and toks[k - 1].lower == "the" and not t.cap and not s.head \
                    and (t.key in EVENTS or (t.lower.endswith("ed") and verbish(t))):
                s.head = s.pred = t.key  # "the injured", "the dead", "the displaced": the people counted
                s.surface = t.text
                k -= 2
                break
            if unit == "count" and t.lower in _CHANGE_NOUNS and k - 2 >= lo and is_content(toks[k - 1]) \
                    and toks[k - 1].text[0].isalpha() and not verbish(toks[k - 1]) \
                    and (toks[k - 2].lower in DETERMINERS or toks[k - 2].lower.endswith(("'s", "\u2019s"))):
                change_noun = _CHANGE_NOUNS[t.lower]  # "February's payroll gain was revised down to 31,000"
                k -= 1
                continue
            if t.lower in STOP or is_value(t) or not t.text[0].isalpha() or t.lemma in AUX or t.lemma in CHANGE \
                    or (t.cap and t.lower in MONTHS) \
                    or t.lower.endswith("ly") or t.lemma in FRAMES or t.lower in NEUTRAL_MOD or t.lower in _ADVERBS \
                    or t.lower in ("numbered", "numbers", "totalled", "totaled", "totals"):
                k -= 1
                continue
            if verbish(t, toks[k - 1] if k > lo else None) and t.lemma not in SPEECH:
                if pred_idx < 0 and t.lemma not in _LEVEL_VERBS and t.lemma not in _CARRY:
                    pred_idx = k
                k -= 1
                continue
            if not t.cap and k - 3 >= lo and toks[k - 1].lower == "the" and toks[k - 2].lower in ("in", "across") \
                    and t.key in _AREAS and toks[k - 3].text[0].isalpha() and is_content(toks[k - 3]) \
                    and not verbish(toks[k - 3]) and not gap(masked, toks[k - 3], t):
                k -= 3  # "inflation in the union eased to 2.4%": where it was measured, not what
                continue
            if t.cap and t.text[0].isalpha():
                # "cases in Ambero District have doubled to 486": a place after "in" is where, not the subject
                r = k
                while r - 1 >= lo and toks[r - 1].cap and toks[r - 1].text[0].isalpha() \
                        and not gap(masked, toks[r - 1], toks[r]):
                    r -= 1
                if r - 1 >= lo and toks[r - 1].lower in ("in", "of", "for", "at", "from") and not gap(masked, toks[r - 1], toks[r]) \
                        and any(is_name(x, ctx) for x in toks[r:k + 1]):
                    names += [name_key(x.text) for x in toks[r:k + 1] if is_name(x, ctx)]
                    if toks[r - 1].lower == "in":
                        flags.add("placed")
                    k = r - 2
                    continue
            break
        if k >= lo and not s.head and not verbish(toks[k], toks[k - 1] if k > lo and (
                toks[k - 1].lower in BEFORE_NOUN or toks[k - 1].lower.endswith(("'s", "\u2019s"))) else None) \
                and not (k - 1 >= lo and _is_amount(toks[k - 1])
                                                                    and not _label_number(toks, k - 1, lo)):
            # ("destroyed 38 homes and was 10% contained": "homes" is what the other figure counts)
            e = k
            b = k
            while b - 1 >= lo and (toks[b - 1].text[0].isalpha() and is_content(toks[b - 1])
                                   or _label_number(toks, b - 1, lo)) \
                    and (not verbish(toks[b - 1]) or _attributive(toks, b - 1, lo)) \
                    and not gap(masked, toks[b - 1], toks[b]) and e - b < 3:
                b -= 1
            if b - 2 >= lo and toks[b - 1].lower in ("to", "for") and i0 - 1 > e and toks[i0 - 1].lower == "to" \
                    and is_content(toks[b - 2]) and not verbish(toks[b - 2]):
                # "raised its pay offer to striking workers to 4.8%": the first "to" names who it is for
                e = b - 2
                b = e
                while b - 1 >= lo and toks[b - 1].text[0].isalpha() and is_content(toks[b - 1]) \
                        and (not verbish(toks[b - 1]) or toks[b - 1].lower == toks[b - 1].lemma) \
                        and not gap(masked, toks[b - 1], toks[b]) and e - b < 3:
                    b -= 1
            measure_code = measure_acronym(toks[e], ctx)
            codes_in = {id(t) for t in toks[b:e + 1] if measure_acronym(t, ctx) is not None}
            glued = _glued(toks, b, e + 1, ctx)
            sub = [t for t in toks[b:e + 1] if (not is_name(t, ctx) or t is measure_code or id(t) in codes_in)
                   and id(t) not in glued]
            names += [name_key(t.text) for t in toks[b:e + 1] if (is_name(t, ctx) or id(t) in glued)
                      and t is not measure_code and id(t) not in codes_in]
            if measure_code is not None:
                pass  # "Core CPI rose 3.3%": an acronym that never speaks is what is measured
            elif is_name(toks[e], ctx) or (toks[e].cap and e > b and is_name(toks[e - 1], ctx)):
                sub = []  # "the governing People's Front had 29.4%": a named subject, nothing counted
                of = b - 1 if b - 1 > lo and toks[b - 1].lower == "of" else \
                    b - 2 if b - 2 > lo and toks[b - 2].lower == "of" and not toks[b - 1].cap else -1
                if of > lo:
                    # "the People's Front of Prime Minister Dario Kest took 28.6%": the Front's, not the minister's
                    owner = nearest_names(toks, max(lo, of - 5), of, of, ctx, set(), (of, of), after=False)
                    if owner:
                        names = [n for n in names if n not in {name_key(t.text) for t in toks[b:e + 1]}] + owner
            reduced = _reduced_relative(toks, lo, b, masked)
            if reduced is not None:
                # "Beds occupied by cholera patients at the hospital fell to 148": the subject is the first noun
                p0, p1 = reduced
                sub = [t for t in toks[p0:p1] if not is_name(t, ctx)] or sub
                s.pred = toks[p1].key
            if sub:
                s.head = sub[-1].key
                s.mods = [t.key for t in sub[:-1] if _modifier(t) and t.key not in ORG_ANAPHORS]
                s.owner = next((t.key for t in sub[:-1] if _possessive(t)), "")
                if s.head in CONTAINER and e + 1 < i0 and toks[e + 1].lower == "of":
                    e2 = _noun_phrase(toks, e + 2, i0, masked, 3)
                    s.mods += [t.key for t in toks[e + 2:e2] if not is_name(t, ctx)]
                s.surface = " ".join(t.text for t in toks[b:e + 1])
        if pred_idx >= 0:
            s.pred = toks[pred_idx].key

    if not words and unit not in ("count", "fraction", "percent", "percentage_points") and len(unit) > 3 \
            and not unit.isupper():
        # "burned 1,200 hectares": a physical unit with no noun after it is itself what is measured
        s.head, s.mods = lemma(unit.split("/")[0]), []

    # the predicate and its object after the counted noun ("... members currently meet that goal")
    obj_start = -1
    if not s.pred or s.pred == s.head:
        k = after
        steps = 0
        while k < hi and steps < 6:
            t = toks[k]
            if is_value(t) or not t.text[0].isalpha() or (k > i0 and t.start > toks[k - 1].end + 1 and gap(masked, toks[k - 1], t)):
                break
            if t.lower in ("a", "each", "per", "every") and k + 1 < hi and toks[k + 1].lower in _TIME_UNITS:
                k += 2  # "310,000 passengers a day are being affected"
                continue
            if steps == 0 and k + 1 < hi and toks[k + 1].lower in _PARTICLES:
                k += 2  # "beds set aside for the outbreak were occupied": a reduced relative clause
                steps += 2
                continue
            if t.lemma in AUX or t.lower.endswith("ly") or t.lemma in FRAMES or t.lower in ("to", "not", "have", "been") \
                    or t.lower in _ADVERBS:
                k += 1
                steps += 1
                continue
            nxt = toks[k + 1] if k + 1 < hi else None
            if t.lower in PREPOSITIONS and not gap(masked, toks[k - 1], t):
                aux = next((m for m in range(k + 1, min(hi, k + 6)) if toks[m].lemma in ("be", "have")), -1)
                if aux > 0 and all(x.text[0].isalpha() and (not verbish(x) or x.lower in _MODALS) for x in toks[k + 1:aux]):
                    k = aux  # "... cases in the district were confirmed", "tonnes of oil may have escaped": the verb
                    continue
            if t.key in EVENTS and not t.cap:
                s.pred = t.key  # "19 people were still missing", "57 were unaccounted for"
                break
            if steps == 0 and k > 0 and _participle_after_noun(toks, k, k - 1, hi, masked):
                s.pred = t.key  # "412,600 patients waiting for treatment", "69.8% of patients arriving at A&E"
                for m in range(k + 2, min(hi - 1, k + 7)):
                    if gap(masked, toks[m - 1], toks[m]):
                        break
                    x = toks[m + 1]
                    if toks[m].lemma in AUX and x.lemma not in AUX and not x.cap and x.text[0].isalpha() \
                            and (verbish(x) or x.lemma != x.lower and x.lower.endswith(("ed", "en", "wn", "ne"))):
                        s.pred = toks[m + 1].key  # "... arriving at A&E were admitted": what the share did
                        break
                break
            if t.lemma in SPEECH and nxt is not None and nxt.key in EVENTS and not nxt.cap:
                s.pred = nxt.key  # "27 now confirmed dead", "12 reported missing"
                break
            if nxt is not None and nxt.lower == "as" and k + 2 < hi and toks[k + 2].key in EVENTS:
                s.pred = toks[k + 2].key  # "six people are still listed as missing"
                break
            if t.lemma in CHANGE and nxt is not None and nxt.key in EVENTS and not nxt.cap:
                s.pred = nxt.key  # "21 people remain missing"
                break
            if t.lemma in ("remain", "stay") and nxt is not None and nxt.lower not in DETERMINERS \
                    and nxt.lower not in ("in", "at"):
                k += 1  # "the package remains stuck", "the rate stayed unchanged": a state, not an act
                steps += 1
                continue
            if t.lemma in CHANGE and t.lemma not in AUX and nxt is not None and not is_value(nxt) \
                    and nxt.lower not in ("to", "by", "from", "at", "of", "in", "on", "about", "around") \
                    and (nxt.lower in DETERMINERS or is_content(nxt)):
                pass  # "members hit the target": a predicate with an object
            elif t.lemma in SPEECH and nxt is not None and nxt.lower == "to" and k + 2 < hi \
                    and toks[k + 2].lower in ("have", "be", "been"):
                k += 1  # "41 people are confirmed to have died": what they are said to have done follows
                steps += 1
                continue
            elif t.lemma in CHANGE or t.lemma in SPEECH:
                break
            if (verbish(t) or (k > after and toks[k - 1].lower in ("to",) and is_content(t))
                    or (k > after and toks[k - 1].lemma in AUX and is_content(t))) and not t.cap:
                s.pred = "attend" if (t.lemma == "take" and k + 1 < hi and toks[k + 1].lower == "part") else t.key
                obj_start = k + (2 if s.pred == "attend" and t.lemma == "take" else 1)
                break
            break
    if obj_start >= 0 and obj_start < n and obj_start > 0 and gap(masked, toks[obj_start - 1], toks[obj_start]):
        obj_start = -1
    if obj_start >= 0:
        k = obj_start
        while k < hi and (toks[k].lower in DETERMINERS or is_name(toks[k], ctx)):
            if is_name(toks[k], ctx):
                names.append(name_key(toks[k].text))
            k += 1
        e = k
        while e < hi and e - k < 5:
            t = toks[e]
            if t.text[0].isdigit() and t.text.endswith("%"):
                s.quals.append(t.text.replace(",", ""))
            elif not (t.text[0].isalpha() and is_content(t)) or (verbish(t, toks[e - 1]) and not (
                    t.lower.endswith("ing") and e + 1 < hi and is_content(toks[e + 1]))):
                break
            if e > k and gap(masked, toks[e - 1], t):
                break
            e += 1
        ow = [t for t in toks[k:e] if t.text[0].isalpha() and not is_name(t, ctx)]
        if any(t.lower in NEW_INSTANCE and not (t.lower == "second" and toks[m - 1].lower == "the")
               for m, t in enumerate(toks[k:min(hi, e + 1)], start=k)):
            # "joined a separate march": another event, not a revision ("the second march" of a weekly series
            # is the series' next count)
            flags.add("new_instance")
        if ow:
            s.obj = ow[-1].key
            s.obj_mods = [t.key for t in ow[:-1] if t.key not in NEUTRAL_MOD and t.key != s.obj]
            s.surface = (s.surface + " " + " ".join(t.text for t in toks[obj_start - 1:e])).strip()
            if toks[k - 1].lower in ("that", "this", "the") and not s.quals:
                s.quals = _resolve_quals(masked[:toks[i0].start], ctx, fig.sentence_start)
    if s.pred == "take" and after < hi and toks[after].lower == "part":
        s.pred = "attend"
    if obj_start > 0 and s.pred:
        # "forced from their homes" -> displaced; "treated for injuries" -> injured
        k = obj_start
        while k < min(hi, obj_start + 4) and (toks[k].lower in STOP or toks[k].lower in DETERMINERS):
            k += 1
        after_for = toks[k - 1].lower == "for"
        if k + 1 < hi and after_for and toks[k].key not in EVENTS and toks[k + 1].key in EVENTS:
            k += 1  # "treated for minor injuries"
        if k < hi and toks[k].text[0].isalpha():
            folded_pred = _PHRASES.get((s.pred, toks[k].key))
            if folded_pred is None and after_for and toks[k].key in EVENTS:
                folded_pred = toks[k].key
            if folded_pred:
                s.pred, s.obj, s.obj_mods = folded_pred, "", []
    if not s.pred and words and i0 - 1 >= lo and (toks[i0 - 1].lemma in _GAIN or toks[i0 - 1].lemma in _LOSS):
        # "employers added 9,800 jobs", "shed 3,200 jobs": a change in the count, not the count itself
        s.pred = "add" if toks[i0 - 1].lemma in _GAIN else "cut"
        flags.add("delta")
    if not s.pred and words:
        k = i0 - 1
        while k >= lo and (toks[k].lower in STOP or toks[k].lower in NUMBER_WORDS) and toks[k].lower not in ("of", "and"):
            k -= 1
        if k >= lo and (verbish(toks[k]) or toks[k].lower.endswith("ing") and toks[k].lemma != toks[k].lower
                        and not toks[k].cap
                        or k - 1 >= lo and toks[k - 1].lower.endswith("ly") and toks[k].lower.endswith("s")
                        and not toks[k].cap) and toks[k].lemma not in AUX | CHANGE | SPEECH | FRAMES \
                and toks[k].lemma not in _LEVEL_VERBS \
                and not gap(masked, toks[k], toks[min(k + 1, n - 1)]):
            s.pred = toks[k].key
    if words and not s.locus and (not s.pred or s.pred in _STAY):
        k = np_end
        v = k
        while v < hi and v - np_end < 3 and (toks[v].lemma in AUX or toks[v].lower in _ADVERBS
                                             or toks[v].lemma in _STAY):
            v += 1
        if v > k and v < hi and toks[v].lower == "in":
            k = v  # "29 survivors are still in hospital", "Twelve survivors remain in hospital" (not "at work")
        if s.pred in _STAY:
            k = next((m for m in range(np_end, min(hi, np_end + 6)) if toks[m].lower in ("in", "at")), hi)
        place = _locus(toks, k, hi, ctx)
        if place:
            s.locus, s.pred, s.obj, s.obj_mods = place, "", "", []
    if s.locus == "hospital" and s.head == "person" and not s.pred:
        s.locus, s.pred = "", "hospitalise"  # "29 survivors are still in hospital": the people in hospital
    alive = any(t.lower == "alive" for t in toks[np_end:min(hi, np_end + 4)])
    if unit == "count" and (s.head == "person" and (s.pred in ("pull", "pluck") or s.pred in ("bring", "find") and alive)
                            or s.pred in ("pull", "pluck", "bring", "find", "free", "dig") and alive):
        s.pred = "rescue"  # "152 people were pulled alive from the water", "pulled 112 people from the rubble",
        # "rescuers pulled eight miners alive from a side gallery"
    if s.pred in ("leave", "make", "render") and unit == "count":
        ev = next((t.key for t in toks[np_end:min(hi, np_end + 4)] if t.key in EVENTS), "")
        if ev:
            s.pred, s.mods = ev, [m for m in s.mods if m != ev]  # "38,000 people have been left homeless"
            s.obj = "" if s.obj == ev else s.obj
    if unit == "count" and s.head == "person" and not s.pred and _WITHOUT_HOME.match(masked, toks[np_end - 1].end
                                                                                    if np_end > 0 else fe):
        s.pred = "displace"  # "more than 41,000 people are without homes"
    if s.pred and words and any(t.key == "home" for t in toks[np_end:min(hi, np_end + 4)]) \
            and (s.pred, "home") in _PHRASES:
        s.pred = _PHRASES[(s.pred, "home")]  # "forced 7,200 residents from their homes"
    if not s.pred and s.head in ("person", "") and (any(
            t.key == "displace" and t.lower.startswith("evacuation") for t in toks[i0:hi]) or any(
            toks[k].lemma in ("tell", "order", "ask", "force") and toks[k + 1].lower == "to"
            and toks[k + 2].key in ("leave", "displace") for k in range(i0, hi - 2)) or any(
            toks[k].lower in ("unable", "cannot", "not") and toks[k + 1].lower == "to" and toks[k + 2].lower == "return"
            for k in range(i0, hi - 2))):
        # "5,100 people remained under evacuation orders", "4,000 residents were told to leave", "are still unable
        # to return"
        s.pred = "displace"

    # names of the clause, who says it, and anaphora
    sayer, said_idx = speaker(toks, lo, hi, masked, i0)
    if not sayer:
        sayer, said_idx = speaker(toks, 0, n, masked)
    s.sayer = sayer or s.owner
    if ctx.forecasters and (sayer in ctx.forecasters or any(
            t.cap and name_key(t.text) in ctx.forecasters for t in toks[lo:i0])):
        # "Menon forecasts full-year net profit of £425 million": an analyst's forecast, not the company's own
        flags.add("projection")
        s.mods = sorted({*s.mods, "analyst"})
    said_idx = set(said_idx) | where_said(toks, lo, i0, ctx)
    for_name = name_after_for(toks, np_end if words else j, hi, ctx)
    if not for_name and not words and fig.change == "baseline":
        # "9,840 people had waited more than a year, against 6,120 in Saltvale": another place's figure
        for_name = name_after_for(toks, j, hi, ctx, "in")
    if for_name:
        names = for_name  # "33.4% of the vote against 28.7% for the People's Front": whose figure it is
    if not names:
        names = nearest_names(toks, lo, hi, i0, ctx, said_idx, (j, np_end), after=False)
    if not names and _ANAPHOR.search(masked, toks[lo].start, toks[min(hi, i0 + 6) - 1].end):
        names = anaphor_names(toks, lo, hi, i0, ctx, fig.sentence_start, said_idx)
    if not names:
        names = definite_name(toks, lo, i0, ctx, fig.sentence_start, said_idx)
    if not names and lo > 0 and (toks[lo].lemma in AUX or verbish(toks[lo])):
        # "the Tallow fire grew to 650 hectares but was 40% contained": a clause with no subject of its own
        names = nearest_names(toks, 0, lo, lo, ctx, said_idx, (j, np_end), after=False)
    if not names:
        names = nearest_names(toks, lo, hi, i0, ctx, said_idx, (j, np_end), before=False)
    own_named = said_idx and any(is_name(toks[k], ctx) and not gap(masked, toks[k], toks[i0])
                                 for k in range(max(max(said_idx) + 1, i0 - 4), i0))
    # ("... showed Helmsby Reservoir at 41%": the figure's own name, not the speaker's "its")
    if said_idx and min(said_idx) < i0 and not own_named and (any(toks[k].lower == "it" for k in range(lo, i0)) or any(
            toks[k].lower in ("its", "their") and toks[k - 1].lemma in SPEECH | {"that"} and toks[k + 1].lower != "own"
            for k in range(max(lo, 1), i0))):
        # "the bank said it had pledged $50 million", "Audley Fresh said its sales rose 4.6%": the named speaker
        # ("said its own index put inflation at 9.2%" is the speaker's measure of something else)
        spoken = [name_key(toks[k].text) for k in sorted(said_idx) if is_name(toks[k], ctx)]
        if not spoken and sayer:
            # "the alliance said its appeal reached $2.1 million": the alliance the article named before
            named = ctx.named_noun(sayer, fig.sentence_start + toks[min(said_idx)].start)
            spoken = [named] if named else []
        if spoken:
            names = spoken
    if not names and sayer in ORG_ANAPHORS and said_idx and any(toks[k].lower == "the" for k in range(max(0, min(said_idx) - 1), min(said_idx))):
        # "Revenue fell 9%, the company said": the company the story was just about
        names = list(named_before_cached(ctx, fig.sentence_start))
    place = _fronted_place(toks, masked, i0, ctx) if not for_name else []
    if place:
        # "In Dornholm, some 6,000 people marched": the place's count; "In Palkot district, the toll from the
        # slide at Rambagh rose to six": the district's, and the village's within it
        names = place + [x for x in names if x not in place]
        flags.add("placed")
    elif len(toks) > 2 and toks[0].lower == "there" and (toks[1].lower in DETERMINERS or toks[1].lower == "the"
                                                        or masked[toks[0].end:toks[1].start].strip() == ","):
        # "In Palkot district, a slope collapsed. There the death toll stood at four": the place just named
        before = ctx.previous_sentences(fig.sentence_start, 1)
        place = _place_named_in(before[0], ctx) if before else []
        if place:
            names = place + [x for x in names if x not in place]
            flags.add("placed")
    if label_names and not names:
        names = label_names
    where = _where_antecedent(toks, masked, lo, i0, ctx)
    if where:
        s.mods = sorted({*s.mods, *where})  # "strongest in information and communication, where pay rose 7.4%"
    holder = _level_subject(toks, lo, i0, ctx) if words and unit == "count" else ""
    if holder and holder != s.head:
        s.mods = sorted({*s.mods, holder})  # "the housing register stood at 13,950 households": the register's
    doer = _doer(toks, lo, i0, ctx) if words and s.pred in _GAIN | _LOSS else ""
    if doer:
        s.mods = sorted({*s.mods, doer})  # "Healthcare added 8,400 jobs": that sector's jobs, not all of them
    segment = _fronted_segment(toks, masked, i0, lo)
    if segment:
        s.mods = sorted({*s.mods, *segment})  # "In the private sector, regular pay rose 6.1%": that sector's pay
    codes = {t.lower for t in toks if t.text.isupper() and measure_acronym(t, ctx) is not None}
    s.names = sorted(set(names) - {sayer} - codes - ctx.persons - _TITLES)  # "the CPI" names the measure; persons
    # (and their titles, "Mayor Adaeze Lindqvist's office") speak
    if len(s.names) > 1 and set(s.names) & _PLACE_WORDS:
        s.names = [x for x in s.names if x not in _PLACE_WORDS] or s.names  # "Kelsby District" and "Marrowfield
        # District" share no name
    if sayer and ctx.is_name(sayer) and sayer not in ctx.inner:
        s.sayer_org = [sayer]  # "Brightwave reported revenue of ...": the speaker is what is measured
    if not s.names and not s.sayer_org and ctx.dominant and (not sayer or sayer in ORG_ANAPHORS
                                                             or sayer in ("he", "she") or sayer in ctx.persons
                                                             or _described(sayer, sentence, len(unit) == 3
                                                                            and (fig.unit or "").isupper())):
        earlier = nearest_names(toks, 0, i0, i0, ctx, said_idx, (j, np_end), after=False)
        s.names = earlier or [ctx.dominant]  # "Audley Fresh grew 5.1%, and pre-tax profit of £198m": Audley's;
        # "Net profit was $512 million": the company the whole story is about
    elif not s.names and not s.sayer_org and not sayer and label and not _WHOLE.search(label.group(0)):
        s.names = list_owner(ctx, fig.sentence_start)  # "- Net profit: $680 million" under "Corvane delivered ..."
        # (not "- Regional average across all our reservoirs: 48%": the whole, not the item named above)
    if s.head in _FORECAST_NOUNS and s.mods:
        s.head, s.mods = s.mods[-1], s.mods[:-1]  # "its revenue forecast of $14.0bn": a projection of revenue
        flags.add("projection")
    if s.head == "rate" and s.mods and s.mods[-1] in _POLICY_RATE:
        s.mods = [*s.mods[:-1], "policy"]  # "its benchmark rate", "the main interest rate", "the policy rate": one rate
    if s.head in CONTAINER and s.mods and not any(m in EVENTS for m in s.mods) and s.head != _BARE_TOLL:
        s.head, s.mods = s.mods[-1], s.mods[:-1]  # "the annual inflation rate" is inflation, "the number of officers"
        s.contained = True
    if s.pred == "employ" and s.head in ("person", "", "employee") and not s.obj:
        s.head, s.pred = "employee", ""  # "employs 5,200 people" counts the employees
    if s.head == _BARE_TOLL and not any(m in EVENTS for m in s.mods):
        s.mods = [*s.mods, "die"]
    if unit in ("percent", "percentage_points") and s.head in _RATE_OF_CHANGE and s.mods:
        s.head, s.mods = s.mods[-1], s.mods[:-1]  # "wage growth of 4%" is how much wages rose: a rate of wages
    if s.head == "loss" and len(fig.unit or "") == 3 and (fig.unit or "").isupper() and set(s.mods) & _RESULT_MODS:
        # "a net loss of £36 million" is the net result below zero: the same measure as "a net profit of"
        s.head = "profit"
        flags.add("negative")
    if s.head == "profit" and any(m in ("average", "weekly", "hourly", "monthly") for m in s.mods) \
            and "earn" in s.surface.lower():
        s.head, s.mods = "wage", [m for m in s.mods if m not in ("average", "weekly", "hourly", "monthly")]
        # "average weekly earnings" are what people are paid, not a company's profit
    if unit in ("percent", "percentage_points") and s.head in ("growth", "increase", "rise") and "price" in s.mods:
        s.head, s.mods = "inflation", [m for m in s.mods if m != "price"]  # "annual house price growth of 3.5%"
    if unit in ("percent", "percentage_points") and (s.head in ("price", "cpi") or s.head == "index" and "price" in s.mods):
        s.head = "inflation"  # "food prices rose 7.9%", "the consumer price index rose 0.3%": how fast prices change
    if s.head == "inflation":
        s.mods = [m for m in s.mods if m not in ("inflation", "price")]  # "consumer price inflation"
    if unit == "count" and s.head == "person" and not s.obj and (
            s.pred == "live" or s.locus and s.pred in ("", "live") and _LIVED.search(masked, fe)
            or not s.pred and not s.locus and _INHABITANTS.search(s.surface or "")):
        # "631,800 people lived in the city", "the city has 660,000 residents": how many live there
        s.head, s.pred, s.mods, s.locus = "population", "", [], ""
    if s.head == "person" and not s.pred and s.surface and _ATTENDERS.search(s.surface):
        s.pred = "attend"  # "the crowd", "140,000 marchers": people who took part
    if unit == "count" and (s.pred == "attend" and s.head not in _GROUPS or s.head in ("attend", "attendance", "turnout")):
        # "Sunday attendance", "put Saturday's march at 86,000", "some 40,000 marchers": the size of a crowd;
        # the words naming the event do not make another measure
        s.head, s.pred, s.mods = "person", "attend", []
        if len(sentence) == len(masked) and _COUNTER_EVENT.search(
                sentence, toks[lo].start if lo < n else 0, toks[hi - 1].end if hi > lo else len(masked)):
            s.mods = ["counter"]  # "a counter-demonstration drew about 300 people": another gathering than the march
    per = _PER_UNIT.match(masked, fe)
    if per and lemma(per.group(1).lower()) not in _TIME_UNITS:
        s.per = "per " + lemma(per.group(1).lower())  # "$2.11 a share" is not the profit itself
    if s.pred in ("cut", "add") and unit == "count":
        flags.add("delta")  # "the 1,800 job cuts": a change in the count
    if _INCREMENT.match(masked, chi) and not (i0 > lo and toks[i0 - 1].lower == "to"):
        flags.add("delta")  # (but "arrests had risen to 17, bringing the total to 40": 17 is a level too)
    if unit == "count" and i0 > lo and not words and toks[i0 - 1].text[0].islower() and is_content(toks[i0 - 1]) \
            and not verbish(toks[i0 - 1]) and toks[i0 - 1].lower not in _ADVERBS:
        s.label_noun = toks[i0 - 1].key  # "magnitude 7.1", "line 14": a reading or a label
    elif unit == "count" and "compound" in fig.tags and words:
        s.label_noun = s.head
    s.coord = not words and i0 > lo and toks[i0 - 1].lower in ("and", "or") and not s.pred
    if i0 >= 2 and toks[i0 - 1].lower in ("up", "down") and "," in masked[toks[i0 - 2].end:toks[i0 - 1].start]:
        # "631,800 people lived there, up 0.8% from a year earlier": how much the figure before changed
        s.head, s.mods, s.pred, s.obj, s.locus = "", [], "", "", ""
        flags.add("elliptic")
        s.coord = True
    if conjunct and not s.head:
        # "4,800 buildings were destroyed and a further 11,000 damaged": the first clause's noun with the
        # conjunct's own verb; "... and that more than 200 remained in hospital": its own place
        v = j
        while v < hi and (toks[v].lemma in AUX or toks[v].lower in _ADVERBS or toks[v].lower.endswith("ly")):
            v += 1
        if v < hi and toks[v].lemma in _STAY:
            s.locus = _locus(toks, v + 1, hi, ctx) or toks[v].key
            s.pred = ""
        elif v < hi and not s.pred and toks[v].text[0].isalpha() and not toks[v].cap:
            s.pred = toks[v].key
        s.coord = True
    clause = masked[toks[lo].start:toks[hi - 1].end] if hi > lo else masked
    low = clause.lower()
    if "quarter" in low or "half" in low or "month" in low or "year" in low:
        s.span = _span(toks, lo, hi)
    if unit not in ("percent", "percentage_points"):
        pass  # a count added in a month is the same count whether or not the text calls it monthly
    elif (("month" in low or "m/m" in low) and _HORIZON_MONTH.search(clause)) or _HORIZON_MONTH_AFTER.match(masked, fe) \
            or _HORIZON_MONTH_BEFORE.match(masked) or _MONTH_OPENING.match(masked) or _BETWEEN_MONTHS.match(masked, fe):
        s.horizon = "month"
    elif ("year" in low or "annual" in low or "months" in low or "y/y" in low) and _HORIZON_YEAR.search(clause):
        s.horizon = "year"

    # flags: what kind of statement the figure is part of
    before = toks[lo:i0]
    before_lemmas = {t.lemma for t in before if not (t.lemma == "expect" and _adjective(before, t))}
    clause_lemmas = {t.lemma for t in toks[lo:hi]}
    v_end = _value_end(toks, i0, hi)
    expects = [m for m in range(lo, hi) if toks[m].lemma == "expect"]
    other = next((m for m in range(v_end, hi) if is_value(toks[m]) and toks[m].text[0].isdigit()), hi)
    # the expectation is another figure's when that figure stands between this one and every "expected"
    own_lemmas = set() if expects and expects[0] > other else clause_lemmas
    before_lower = {t.lower for t in before}
    if ("will" in before_lower or "would" in before_lower) and any(
           t.lower in ("will", "would") and k + 1 < len(before) and before[k + 1].text[0].isalpha()
           and before[k + 1].lemma not in FRAMES | {"say", "tell", "be", "have", "not"} and not any(
               is_value(x) for x in before[k + 1:]) and not gap(masked, t, toks[i0]) for k, t in enumerate(before)):
        flags.add("projection")  # "would employ 400 people", "losses would reach 85 million": not a count yet
    if "add" in before_lemmas and any(t.lemma == "add" for t in before[-3:]) \
            and any(t.lower == "to" for t in toks[i0 + 1:min(hi, i0 + 6)]):
        flags.add("delta")  # "add 40 million to its relief fund": an increment
        if s.pred and s.pred != "add" or any(t.lemma in _LOSS or t.key == "cut" for t in toks[i0 + 1:min(hi, i0 + 6)]):
            flags.add("part")  # "will eliminate 1,750 positions, adding 550 to the cuts": a part of the new total
    if ("oll" in masked or "urvey" in masked) and unit in ("percent", "percentage_points", "fraction") \
            and any(t.lemma in _POLLS for t in toks[:i0]):
        flags.add("projection")  # "the survey puts A on 30% and B on 28%": an opinion poll is not a result
    proposing = {t.lemma for k, t in enumerate(before) if t.lemma in PROPOSAL and not (
        t.lemma in ("push", "press") and not (k + 1 < len(before) and before[k + 1].lower == "for")) and not (
        0 < k < len(before) - 1 and (before[k - 1].lower in DETERMINERS or is_content(before[k - 1]) and not before[k - 1].cap)
        and is_content(before[k + 1])) and not (
        t.lower.endswith("ing") and k > 0 and is_content(before[k - 1]) and before[k - 1].text[0].isalpha()
        and not verbish(before[k - 1]) and before[k - 1].lemma not in AUX)}
    # ("a late-night press conference": a noun, nobody presses for anything; "the petition calling on parliament
    # to withdraw the bill had 104,500 signatures": what the petition asks, not a proposed figure)
    if proposing or "call" in clause_lemmas and any(t.lower == "for" for t in before):
        flags.add("proposal")
    pledging = {t.lemma for k, t in enumerate(before) if t.lemma in PLEDGE
                and not (t.lemma in ("plan", "aim") and k > 0 and before[k - 1].lower in DETERMINERS | {"a", "an"})
                and not (t.lower.endswith("ed") and k > 0 and before[k - 1].lower in PREPOSITIONS
                         and k + 1 < len(before) and before[k + 1].text[0].isalpha() and is_content(before[k + 1])
                         and not verbish(before[k + 1]))}
    # ("to scrap the plan": a noun for what is opposed; "its pledge of $75 million" is a pledged amount; "patients
    # waiting for planned treatment": an adjective)
    agreeing = any(t.lemma == "agree" and m + 1 < len(before) and before[m + 1].lower == "to"
                   for m, t in enumerate(before))  # "agreed to spend 2%", not "both agencies agree on the number"
    if pledging or (before_lemmas & OBLIGATION) or agreeing \
            or (s.head == "target" and premod) or any(t.key == "target" and t.lemma not in PLEDGE and not (
                t.lower == "benchmark" and k + 1 < len(before) and is_content(before[k + 1]))  # "its benchmark rate"
                for k, t in enumerate(before) if k >= len(before) - 3):
        flags.add("target")
    if any(t.lemma == "expect" and i + 1 < len(before) and before[i + 1].lower == "to" for i, t in enumerate(before)) \
            and s.pred in ("spend", "invest", "") and fig.unit not in ("count", "fraction"):
        flags.add("target")
    if any(t.lower == "seen" and m > 0 and before[m - 1].lemma == "be" for m, t in enumerate(before)):
        flags.add("projection")  # "the unemployment rate is seen holding at 5.3%": what forecasters expect
    if before_lemmas & PROJECTION or s.head in PROJECTION or ("expect" in before_lemmas and "target" not in flags
                                                                  and fig.unit not in ("count", "fraction")) \
            or ("expect" in own_lemmas and own_lemmas & PROJECTION_SAYERS and not any(
                t.lower == "than" for t in toks[lo:hi])):
        flags.add("projection")  # "economists had expected 6.9%"; not "a bigger drop than analysts had forecast"
        # (nor "revenue of $2.31 billion, ahead of the $2.28 billion analysts had expected": that other figure's)
    must_at = next((m for m in range(i0, hi) if toks[m].lower in ("must", "need", "needed", "required")), -1)
    if must_at > 0 and any(t.lower in ("which", "whom", "where") for t in toks[i0:must_at]):
        must_at = -1  # "104,500 signatures, passing the level at which the committee must consider a debate"
    if not clause_lemmas.isdisjoint(_CONDITION) and (any(t.lower in ("if", "unless") for t in before) or must_at > 0):
        flags.add("target")  # "if it reaches 500,000", "a petition that reaches N ... must be debated": a threshold
    if "minimum" in clause_lemmas or "maximum" in clause_lemmas:
        flags.add("limit")
    if "delta" in flags and "target" in flags and before_lemmas & {"plan", "intend"} and s.head != "target":
        # "plans to cut 2,600 jobs" announces what "will cut 2,600 jobs" does: one planned change
        flags.discard("target")
        flags.add("projection")
    if clause_lemmas & REVISION:
        flags.add("revised")
    if any(t.lower == "by" and m > lo and (toks[m - 1].lemma in CHANGE and toks[m - 1].lemma not in AUX
                                           or toks[m - 1].lower in ("up", "down"))
           for m, t in enumerate(toks[max(lo, i0 - 3):i0], max(lo, i0 - 3))) and unit not in ("percent",) \
            and toks[i0 - 1].lower != "to":  # ("was attended by 9,400" is no change; "by 300 to 1,200" is the level)
        flags.add("delta")  # "rose by 300 to 1,200" (but "prices rose by 0.1%" is the rate, as "rose 0.1%" is)
    near = [t.lower for t in toks[max(lo, i0 - 3):i0]]
    if "from" in near and not any(t.lower == "to" for t in toks[max(lo, i0 - 2):i0]):
        k = near.index("from")
        if all(w in STOP or w in NUMBER_WORDS for w in near[k + 1:]):
            flags.add("baseline")
    if _COMPARED_END.search(masked, max(0, clo - 20), clo):
        flags.add("baseline")  # "171 beds were occupied, compared with its peak of 183 on Friday": a comparison
    if fig.change == "baseline" and not for_name:
        flags.add("baseline")
    if "past_state" in fig.tags or "historical" in fig.tags or (fig.period is not None and fig.period.kind == "past"):
        flags.add("past_state")
    if _OF_THEM.match(masked, fe):
        flags.add("part")  # "690 people were injured, about 80 of them critically": a part of the count before
    if _PART_OF.match(masked, fe) or any(t.lower == "alone" and k > lo and is_name(toks[k - 1], ctx)
                                         for k, t in enumerate(toks[lo:hi], lo)) \
            or _AMONG.search(masked, toks[lo].start, fs):
        # "Nine of the dead were children", "Among the dead are 14 children", "In Arden Falls alone, 29 died":
        # a part of the whole count, never the whole
        flags.add("part")
        m = _PART_OF.match(masked, fe)
        if m:
            s.pred = lemma(m.group(1).lower())
            s.pred = FOLD.get(s.pred, s.pred)
            if m.group(2):
                s.head, s.mods = folded(m.group(2).lower()), []
        a = _AMONG.search(masked, toks[lo].start, fs)
        if a:
            ev = lemma(a.group(1).lower())
            s.pred = FOLD.get(ev, ev)
    if unit == "count" and s.pred and s.pred not in EVENTS:
        at = next((k for k in range(lo, min(hi, n)) if toks[k].key == s.pred), -1)
        nxt = [t for t in toks[at + 1:min(hi, at + 5)] if t.lower not in STOP and t.lower not in DETERMINERS] if at >= 0 else []
        if nxt and (s.pred, nxt[0].key) in _PHRASES:
            s.pred = _PHRASES[(s.pred, nxt[0].key)]  # "the number of residents forced from their homes": displaced
    if change_noun and s.head and not s.pred:
        s.pred = change_noun  # a gain in a count is what was added
        flags.add("delta")
    if unit == "count" and s.head in EVENTS and s.pred not in EVENTS:
        s.pred = s.head  # "arrests linked to Saturday's march had risen to 17": the arrests, whatever they are linked to
    if s.pred and unit == "count":
        for k in range(lo, min(hi, n) - 1):
            if toks[k].key == s.pred:
                m = _LONGER_THAN.match(masked, toks[k].end)
                if m:
                    # "9,840 people had been waiting more than a year": those who waited that long, a part
                    s.mods = sorted({*s.mods, lemma(m.group(1).lower())})
                break
    if "new" in near or "another" in near:
        flags.add("new_instance")
    if premod and fig.unit not in ("count", "fraction", "percent", "percentage_points") and s.head not in _BALANCES:
        flags.add("named_amount")  # "a $60 billion package": the amount names the package (but "a $212 million
        # deficit" is the size of the one deficit there is)
    if s.head in ("penny", "cent"):  # a price in pence: shares named anywhere in the sentence
        share_price = _SHARE_PRICE.search(masked) is not None
    else:  # a percent move or a price in money: shares named in its own clause
        share_price = (unit == "percent" or len(unit) == 3 and (fig.unit or "").isupper() and fig.value < 1e5) \
            and _SHARE_PRICE.search(masked, toks[lo].start if lo < n else 0, toks[hi - 1].end if hi > lo else len(masked))
    if share_price:
        flags.add("market_price")  # "Aldermoor shares rose 3.2% to 412 pence": the market's price of the day
    if "target" in flags and s.head in _RESULTS and not flags & {"proposal"}:
        flags.discard("target")  # "now targets a full-year operating margin of around 8.5%", "raised its target to
        flags.add("projection")  # profit growth of around 8%": a company's guidance, as "expects a margin of 7.5%" is
    if unit == "count" and s.pred == "cut" and "delta" in flags and (fig.period is None or fig.period.kind == "asof"
                                                                        or (fig.period.end - fig.period.start).days <= 7):
        flags.add("projection")  # "cut 1,500 jobs last week", "will cut 1,300 jobs": one announced plan (a month's
        # change, "shed 3,200 jobs in March", stays a change that happened)
    s.flags = sorted(flags)

    said = [t for j, t in enumerate(toks[lo:hi], lo) if t.lemma in SPEECH and t.lower != "according"
            and not (j > 0 and toks[j - 1].lower in DETERMINERS)  # "its estimate last week" is no statement
            and not (j > 1 and t.lower.endswith(("ed", "en")) and is_content(toks[j - 1]) and not toks[j - 1].cap
                     and toks[j - 2].lower in DETERMINERS)]  # nor "the figure given on Monday"
    shifts = list(_TIME_SHIFT.finditer(masked, toks[lo].start, toks[hi - 1].end if hi > lo else len(masked)))
    for after_verb in (True, False):  # "said last month" first, then "Last month, he said"
        hit = next((m for m in shifts for t in said
                    if (0 <= m.start() - t.end <= 12 if after_verb else 0 <= t.start - m.end() <= 8)), None)
        if hit:
            s.as_of_shift = hit.group(1).lower()
            break
    return s


def _blank(m: re.Match[str], fs: int) -> str:
    """Blank a relative clause, unless the figure stands in it ("The group, which employs 900, said")."""
    if m.start() <= fs < m.end():
        return m.group(0)
    return "," + " " * (len(m.group(0)) - 2) + ","


_SPAN_AFTER = {("three", "month"): "q", ("six", "month"): "h", ("nine", "month"): "9m", ("half", "year"): "h",
               ("full", "year"): "y", ("whole", "year"): "y", ("twelve", "month"): "y", ("12", "month"): "y"}


def _span(toks: tuple[Token, ...], lo: int, hi: int) -> str:
    """How long a time the clause's figure covers: a quarter, a half year, nine months or a whole year."""
    for k in range(lo, hi):
        t = toks[k]
        if t.lower in ("quarter", "quarterly"):
            return "q"
        if t.lower == "half" and k > 0 and toks[k - 1].lower in ("first", "second"):
            return "h"
        if k + 1 < hi and (t.lower, toks[k + 1].lemma) in _SPAN_AFTER:
            return _SPAN_AFTER[(t.lower, toks[k + 1].lemma)]
    return ""


def _mask_apposition(m: re.Match[str], fs: int = -1) -> str:
    """Blank an apposition when a verb follows it; keep it otherwise (a list, an address, the figure's own)."""
    if m.start() <= fs < m.end():
        return m.group(0)
    nxt = m.group(1)
    lem = lemma(nxt)
    if lem in CHANGE or lem in SPEECH or nxt.endswith("ed") or nxt in ("has", "had", "is", "was", "will"):
        return "," + " " * (len(m.group(0)) - 2) + ","
    return m.group(0)


def _container_subject(toks: tuple[Token, ...], lo: int, i0: int, sentence: str, ctx: ArticleContext,
                       s: Slots) -> bool:
    """'the death toll ... rose to', 'the number of people killed ... rose to': the subject is a container."""
    carried = i0 > lo and toks[i0 - 1].lower == "to"
    for c in range(i0 - 1, lo - 1, -1):
        t = toks[c]
        if t.lower == "that" or t.lower in ("showed", "shows", "show") or (
                t.lower in ("which", "who") and c > lo and sentence[toks[c - 1].end:t.start].strip() == ","):
            break  # "separate figures showed that earnings grew by 4.2%": the figures report, they are not counted
        if t.lemma not in CONTAINER or t.lower.endswith(("ed", "ing")):
            continue  # "ballots counted" is a verb, not "the count"
        if c + 1 < i0 and toks[c + 1].text[0].isalpha() and is_content(toks[c + 1]) and toks[c + 1].lemma not in CHANGE \
                and toks[c + 1].lemma not in CONTAINER and toks[c + 1].lemma not in AUX and not toks[c + 1].cap \
                and not gap(sentence, t, toks[c + 1]) and not toks[c + 1].lower.endswith("ed"):
            continue  # "Total pay rose 5.5%": an adjective before the noun that is counted
        if not any(x.lemma in CHANGE and toks[c + 1 + n - 1].lower not in DETERMINERS if n else x.lemma in CHANGE
                   for n, x in enumerate(toks[c + 1:i0])) and not (
                carried and any(x.lemma in _CARRY for x in toks[max(lo, c - 3):c])):
            continue
        s.head = t.lemma
        s.surface = t.text
        if c + 1 < i0 and toks[c + 1].lower == "of":
            k = c + 2
            while k < i0 and (toks[k].lower in DETERMINERS or is_name(toks[k], ctx) and k + 1 < i0
                              and not toks[k + 1].cap and not gap(sentence, toks[k], toks[k + 1])):
                k += 1  # ("the number of Saltvale patients": whose patients is the clause's name)
            e = k
            while e < i0 and e - k < 3 and toks[e].text[0].isalpha() and is_content(toks[e]) \
                    and not is_name(toks[e], ctx) and toks[e].lemma not in CHANGE:
                e += 1
            words = toks[k:e]
            if words and (verbish(words[-1]) or words[-1].key in EVENTS or words[-1].lower.endswith("ing")) \
                    and len(words) > 1:
                s.pred = words[-1].key  # "the number of people killed", "... of people sleeping in shelters"
                words = words[:-1]
            elif e + 1 < i0 and toks[e].lower in ("who", "that") :
                # "the number of people who have received a first dose": what the counted people did
                v = e + 1
                while v < i0 and (toks[v].lemma in AUX or toks[v].lower in _ADVERBS):
                    v += 1
                if v < i0 and toks[v].text[0].isalpha() and not toks[v].cap and toks[v].lemma not in CHANGE:
                    s.pred = toks[v].key
            s.mods = [w.key for w in words if _modifier(w)]
            s.surface = " ".join(x.text for x in toks[c:e])
            q = e
            while q < i0 and toks[q].lower in _ADVERBS:
                q += 1
            if not s.pred and q < i0 and q > e and toks[q].lower.endswith("ing") and not toks[q].cap:
                s.pred, q = toks[q].key, q + 1  # "the number of people still sleeping in shelters"
            place = _locus(toks, q, i0, ctx) if not s.pred or s.pred in _STAY else ""
            if place:
                s.locus = place  # "the number of people (sleeping) in emergency shelters"
                if s.pred in _STAY:
                    s.pred = ""
        else:
            b = c
            while b - 1 >= lo and toks[b - 1].text[0].isalpha() and is_content(toks[b - 1]) \
                    and not is_name(toks[b - 1], ctx) and not gap(sentence, toks[b - 1], toks[b]):
                b -= 1
            s.mods = [w.key for w in toks[b:c] if _modifier(w)]
            s.owner = next((w.key for w in toks[b:c] if _possessive(w)), "")
            s.surface = " ".join(x.text for x in toks[b:c + 1])
        return bool(s.mods)
    return False


def _resolve_quals(before: str, ctx: ArticleContext, sentence_start: int) -> list[str]:
    """'that goal', 'the target': the percentage named just before, in this sentence or the previous one."""
    for text in [before, *ctx.previous_sentences(sentence_start, 1)]:
        found = re.findall(r"(\d+(?:\.\d+)?)\s?(?:%|per ?cent|percent)", text)
        if found:
            return [found[-1] + "%"]
    return []


def statement_date(shift: str, published: date) -> date:
    """The date a statement was made when the text says so ("said last month")."""
    if shift == "last month":
        y, m = (published.year, published.month - 1) if published.month > 1 else (published.year - 1, 12)
        return date(y, m, min(published.day, 28))
    if shift == "last week":
        return published - timedelta(days=7)
    if shift == "yesterday":
        return published - timedelta(days=1)
    if shift == "last year":
        return date(published.year - 1, published.month, min(published.day, 28))
    if shift.startswith("on "):
        wd = _WEEKDAYS.index(shift[3:])
        back = (published.weekday() - wd) % 7
        return published - timedelta(days=back)
    return published


def concept(slots_head: str, mods: list[str], pred: str) -> list[str]:
    """The counted thing as a set of words: a container ("toll") takes its meaning from its modifiers."""
    words = [w for w in mods if w not in NEUTRAL_MOD]
    if slots_head and slots_head not in CONTAINER:
        words.append(slots_head)
    if pred in EVENTS:
        words.append(pred)
    return sorted(set(FOLD.get(w, w) for w in words))
