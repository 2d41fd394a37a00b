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
                        "anticipates estimates".split())
_TARGET = frozenset("target targets goal goals pledge pledged pledges aim aims aimed benchmark commit committed "
                    "commitment promise promised promises objective ambition vowed threshold guideline".split())
_PROPOSAL = frozenset("propose proposed proposes proposal proposals urge urged urges urging suggest suggested suggests "
                      "demand demanded demands want wants seek seeks seeking plan plans planned recommend recommended "
                      "recommends".split())
_PROPOSAL_PHRASES = ("called for", "calls for", "calling for")
_STRIP = str.maketrans({c: " " for c in ",.;:!?\"()\u201c\u201d\u2018\u2019"})


def clause_bounds(text: str, start: int, end: int) -> list[int]:
    """Sorted clause start offsets within a sentence (the first is `start`)."""
    return [start] + [m.start() + 1 for m in _CLAUSE_BREAK.finditer(text, start, end)]


def clause_of(bounds: list[int], pos: int) -> int:
    return bisect_right(bounds, pos) - 1


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
) -> Period:
    """The period of one figure; see the module docstring for the order of preference."""
    own = clause_of(bounds, fig_start)
    facts = [t for t in timexes if not t.statement]
    statements = [t for t in timexes if t.statement]
    chosen: Timex | None = None
    in_clause = [t for t in facts if clause_of(bounds, t.start) == own]
    if in_clause:
        chosen = min(in_clause, key=lambda t: _dist(t, fig_start))
    if chosen is None:
        earlier = [t for t in facts if t.end <= fig_start and not t.anchored]
        if earlier:
            chosen = max(earlier, key=lambda t: t.end)
    if chosen is None:
        later = [t for t in facts if t.start >= fig_end and not clause_has_other_figure.get(clause_of(bounds, t.start))]
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


def statement_tags(low: str, start: int, end: int) -> list[str]:
    """Flags for the kind of statement a clause makes: projection, target, proposal.

    `low` is the lowercased article text.
    """
    chunk = low[start:end]
    ws = set(chunk.translate(_STRIP).split())
    tags = []
    if not _PROJECTION.isdisjoint(ws) or "set to" in chunk:
        tags.append("projection")
    if not _TARGET.isdisjoint(ws):
        tags.append("target")
    if not _PROPOSAL.isdisjoint(ws) or any(p in chunk for p in _PROPOSAL_PHRASES):
        tags.append("proposal")
    return tags
