"""Which time a figure refers to, and what kind of statement it is part of.

A figure takes the time named in its own clause, else one named earlier in its
sentence, else one named later in a clause that holds no other figure, else the
article's as-of date. A "said last month" is the time of the statement, not of the
fact, and is used only when nothing else is said.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from monitor.models import Period

from .timex import Timex

_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2014\u2013\u201c\u201d\"]|\s-\s|\s(?=(?:but|while|whereas|although|though|because|when|where|which|who|"
    r"that|after|before|until|and|whether|if|unless)\s)", re.IGNORECASE)
_PROJECTION = frozenset("will would expect expects expected forecast forecasts forecasted projected projection "
                        "projections predict predicts predicted could might likely outlook anticipated anticipate "
                        "anticipates estimates guidance outlook guides forecasting".split())
# Pledged money is an amount given, and a benchmark rate is a level: neither word marks a target.
_TARGET = frozenset("target targets goal goals aim aims aimed commit committed commitment promise promised promises "
                    "objective ambition vowed threshold guideline needs need required requires".split())
_PROPOSAL = frozenset("propose proposed proposes proposal proposals urge urged urges urging suggest suggested suggests "
                      "demand demanded demands want wants seek seeks seeking plan plans planned recommend recommended "
                      "recommends".split())
_CONDITIONAL = frozenset({"if", "unless"})
_PROPOSAL_PHRASES = ("called for", "calls for", "calling for")
_STRIP = str.maketrans({c: " " for c in ",.;:!?\"()\u201c\u201d\u2018\u2019"})


def clause_bounds(text: str, start: int, end: int) -> list[int]:
    """Sorted clause start offsets within a sentence (the first is `start`)."""
    return [start] + [m.start() + 1 for m in _CLAUSE_BREAK.finditer(text, start, end)]


def clause_of(bounds: list[int], pos: int) -> int:
    return bisect_right(bounds, pos) - 1


_FUTURE_CLAUSE = re.compile(r"\b(?:will|would|shall|expects?|expected|forecasts?|plans?|set\s{1,2}to|due\s{1,2}to)\b")


_PAST_VERBS = frozenset("took made came went began fell rose cut set hit put gave won lost led ran struck".split())


def _other_happening(low: str, bounds: list[int], own: int, t: Timex) -> bool:
    """Whether `t` sits in a later subordinate clause with a verb of its own ("after the regulator
    lowered tariffs in April"), rather than being a bare time phrase ("until at least Thursday")."""
    k = clause_of(bounds, t.start)
    if k == own or not low.startswith(_SUBORDINATE, bounds[k]):
        return False
    words = low[max(bounds[k], t.start - 200):t.start].split()
    if t.start - bounds[k] > 200:
        return True  # a long clause before the time: it holds a verb of its own
    return len(words) >= 4 or any(w.endswith("ed") or w in _PAST_VERBS for w in words[1:])


def _coordinated(low: str | None, bounds: list[int], own: int, t: Timex) -> bool:
    """"won 31.0% of the vote and 58 seats in 2021": a time closing the next, "and"-joined clause
    dates both coordinated figures."""
    k = clause_of(bounds, t.start)
    return low is not None and k == own + 1 and low.startswith("and ", bounds[k]) and t.end - bounds[k] <= 80


def _attributive(t: Timex) -> bool:
    """A time used as an adjective ("full-year revenue", "first-quarter results") dates its own
    noun only, not figures in later clauses."""
    return t.prep is None and ("-" in t.text or t.text[:4].lower() in ("full", "whol"))


def _dist(t: Timex, pos: int) -> float:
    """Distance from a figure; English time modifiers follow what they date ("a budget for 2025"),
    so a time after the figure counts as half as far."""
    return (t.start - pos) / 2 if t.start >= pos else pos - t.end


def choose_period(
    fig_start: int,
    fig_end: int,
    bounds: list[int],
    timexes: list[Timex],
    clause_has_other_figure: dict[int, bool],
    published: date,
    reference: int | None,
    past_state: bool,
    low: str | None = None,
    baseline: bool = False,
    is_change: bool = True,
) -> Period:
    """The period of one figure; see the module docstring for the order of preference."""
    own = clause_of(bounds, fig_start)
    facts = []
    for t in timexes:
        if t.statement:
            continue
        if t.future and t.start >= fig_end and clause_of(bounds, t.start) != own and not (
                low is not None and _FUTURE_CLAUSE.search(low, max(bounds[own], fig_start - 160), fig_start)):
            continue  # "cut to 85,000 homes, ... hoped to restore supply by Wednesday": a later step, not the count's time
        if low is not None and t.start >= fig_end and low.startswith(("'s ", "\u2019s "), t.end):
            continue  # "fell to 4.9% after the previous month's uptick": the time of another noun
        if low is not None and not baseline and _is_base(low, t, fig_end):
            continue  # "than a year earlier", "compared with March": what the figure is compared with
        if t.prep == "since" and (not is_change or low is not None and
                                  _SUPERLATIVE_BEFORE.search(low, max(0, t.start - 50), t.start)):
            point = _since_point(low, t, fig_start) if low is not None else None
            if point is not None:
                return point  # "the deadliest since 1987, when a quake killed 2,300": 1987 itself
            continue  # "its lowest since 2023": a span start, not the time of a current level
        if _SAME_AGO.search(t.text.lower()):
            continue  # "rose 12% from a year earlier to $3.4bn": what the figure is compared with
        facts.append(t)
    statements = [t for t in timexes if t.statement]
    chosen: Timex | None = None
    facts = [t for t in facts if not (clause_of(bounds, t.start) == own and _relative_before(low, bounds[own], t, fig_start))]
    last = clause_of(bounds, max(fig_start, fig_end - 1))  # "between $11.4 billion and $11.9 billion for 2025"
    in_clause = [t for t in facts if own <= clause_of(bounds, t.start) <= last]
    if in_clause:
        # "posted third-quarter profit of $359 million on Thursday": the adjective dates the amount
        attrib = [t for t in in_clause if _attributive(t) and t.end <= fig_start and fig_start - t.end <= 40]
        chosen = min(attrib or in_clause, key=lambda t: _dist(t, fig_start))
    if chosen is None:
        earlier = [t for t in facts if t.end <= fig_start and not t.anchored and not _attributive(t)
                   and not (low is not None and _BASE_TIME_BEFORE.search(low, max(0, t.start - 30), t.start))
                   and not (low is not None and _aside(low, bounds, t))]
        if earlier:
            chosen = max(earlier, key=lambda t: t.end)
    if chosen is None:
        later = [t for t in facts if t.start >= fig_end and (not clause_has_other_figure.get(clause_of(bounds, t.start))
                                                             or _coordinated(low, bounds, own, t))
                 and not (low is not None and _other_happening(low, bounds, own, t))]
        if later:
            chosen = min(later, key=lambda t: t.start)
    if chosen is None:
        anchored = [t for t in facts if t.anchored]
        if anchored and reference:
            y = reference
            return Period(date(y, 1, 1), date(y, 12, 31), str(y), "relative")
    if past_state:
        when = statements[0] if statements else (chosen if chosen and chosen.period.end <= published else None)
        end = when.period.end if when else published
        label = when.period.label if when else published.isoformat()
        return Period(when.period.start if when else date.min, end, label, "past")
    if chosen is None and statements:
        chosen = statements[0]
    if chosen is None:
        return Period(published, published, published.isoformat(), "asof")
    return chosen.period


_BASE_BEFORE = re.compile(r"(?:\bthan|\bfrom|\bwith|\bversus|\bvs\.?|\bagainst|\bover|\bshort\s{1,2}of|\babove|\bbelow|"
                          r"\bunder|\bbeyond|\bbehind|\bexceed(?:s|ed|ing)?|\bmatch(?:es|ed|ing)?|\brelative\s{1,2}to|"
                          r"\bcompared\s{1,2}to)\s{1,3}(?:the\s{1,3})?$")
# "its worst result since 2009", "the highest since May": a record's span, never a figure's own time.
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:[a-z]{2,12}est|worst|best|most|least|first|only)\s{1,2}(?:[a-z'-]{1,20}\s{1,2}){0,3}$")
# "eased to 6.8% in May from 7.4% in April": April dates the comparison, not later figures.
_BASE_TIME_BEFORE = re.compile(r"(?:\bfrom|\bthan|\bversus|\bvs\.?|\bagainst|\bwith)\s{1,3}[$\u20ac\u00a3]?[\d.,]{1,12}"
                               r"(?:%|\s{1,2}(?:per\s?cent|percent))?\s{1,3}$")
# A later clause that opens with one of these tells of another happening: its time is not the figure's.
_SUBORDINATE = ("after ", "before ", "when ", "because ", "since ", "as ", "while ", "until ", "that ", "which ",
                "who ", "following ", "where ", "putting ", "leaving ", "prompting ", "forcing ", "raising fears")
_SAME_AGO = re.compile(r"(?:a|one)\s{1,3}(?:year|month|week)\s{1,3}(?:earlier|ago|before)")


# "up sharply from its estimate last week": the time of the figure compared with, a few words after "from".
_BASE_NOUN_BEFORE = re.compile(r"\b(?:from|than)\s{1,3}(?:its|their|the|an?)\s{1,3}(?:[a-z'-]{2,20}\s{1,3}){1,2}$")


_ASIDE = re.compile(r"[\s,(]*(?:which|who|whose|where|[a-z]+ed)\s")


def _aside(low: str, bounds: list[int], t: Timex) -> bool:
    """"The company, founded in 1987 and based in Eldridge, employed 18,200 people": a time inside an
    aside about the subject dates the aside, not the figure."""
    k = clause_of(bounds, t.start)
    return k > 0 and _ASIDE.match(low, bounds[k]) is not None


_MAIN_VERB = re.compile(r"\b(?:have|has|had|is|are|was|were)\b")


def _relative_before(low: str | None, clause_start: int, t: Timex, fig_start: int) -> bool:
    """"Floods that tore through the province last weekend have killed 112 people": the time belongs
    to the relative clause, and the figure to the main verb after it."""
    if low is None or t.end > fig_start or not low.startswith(("that ", "which ", "who "), clause_start):
        return False
    return _MAIN_VERB.search(low, t.end, fig_start) is not None


def _is_base(low: str, t: Timex, fig_end: int) -> bool:
    """A time that a figure is compared with, rather than the figure's own time."""
    if t.start < fig_end:
        return False
    if _BASE_BEFORE.search(low, max(0, t.start - 16), t.start) or t.prep in ("from",) \
            or _BASE_TIME_BEFORE.search(low, max(0, t.start - 30), t.start) \
            or _BASE_NOUN_BEFORE.search(low, max(0, t.start - 50), t.start):
        return True
    return _SAME_AGO.match(low, t.start) is not None or low.startswith(("on the ", "from a "), max(0, t.start - 8))


def _since_point(low: str, t: Timex, fig_start: int) -> Period | None:
    """For "since 1987, when ..." the period of a figure inside the when-clause: 1987."""
    if fig_start <= t.end or not low.startswith(", when ", t.end):
        return None
    label = t.period.label.split("/")[0]
    start = t.period.start
    if len(label) == 4:
        return Period(start, date(start.year, 12, 31), label, "explicit")
    if len(label) == 10:
        return Period(start, start, label, "explicit")
    if len(label) == 7:  # "since August 2009, when ...": that month
        return t.period
    return None


def statement_tags(low: str, start: int, end: int) -> list[str]:
    """Flags for the kind of statement a clause makes: projection, target, proposal.

    `low` is the lowercased article text.
    """
    chunk = low[start:end]
    ws = set(chunk.translate(_STRIP).split())
    tags = []
    if not _PROJECTION.isdisjoint(ws) or "set to" in chunk or not _CONDITIONAL.isdisjoint(ws):
        tags.append("projection")
    if not _TARGET.isdisjoint(ws):
        tags.append("target")
    if not _PROPOSAL.isdisjoint(ws) or any(p in chunk for p in _PROPOSAL_PHRASES):
        tags.append("proposal")
    return tags


_WORD_BACK = re.compile(r"\S{1,40}\s{1,5}$")


def phrase_window(low: str, clause_start: int, clause_end: int, fig_start: int, fig_end: int) -> tuple[int, int]:
    """The figure's own phrase: up to eight words before it and four after, inside its clause.

    Statement words are read here, not in the whole sentence, so "held its rate at 10%
    ... towards its 2% target" tags only the 2%, and "expected" two clauses away does not
    turn a reported count into a projection.
    """
    lo = fig_start
    for _ in range(8):
        m = _WORD_BACK.search(low, max(clause_start, lo - 46), lo)
        if m is None:
            break
        lo = m.start()
    hi = fig_end
    for _ in range(4):
        m = _WORD_AHEAD.match(low, hi, clause_end)
        if m is None:
            break
        hi = m.end()
    return max(lo, clause_start), min(hi, clause_end)


_WORD_AHEAD = re.compile(r"\s{0,5}\S{1,40}")
