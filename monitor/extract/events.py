"""Dated happenings: one event per time expression that dates something in a sentence.

Actor, verb and place are found with light heuristics (a Capitalised name before the
verb, "in <Capitalised>" for the place); they are None when not clear.
"""
from __future__ import annotations

import re

from monitor.models import DatedEvent

from .timex import MONTHS, WEEKDAYS, Timex

_IRREGULAR = frozenset(
    """said told met became began came went made took gave saw found held left won lost fell rose grew hit cut put
    set paid sent spent sold bought brought kept led ran spoke wrote struck shot flew fled drove broke chose knew
    thought felt built meant stood says tells meets gather gathers meet visit visits announce announces agree agrees
    sign signs vote votes win wins lose loses will speak speaks fight fights beat beats struck hit""".split()
)
_NOT_VERBS = frozenset("need speed seed feed red bed hundred indeed united limited based related".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]{0,30}")
_PLACE = re.compile(r"\b(?:in|at)\s{1,3}(?P<p>(?:[A-Z][a-z]{1,20}\s{1,2}){0,2}[A-Z][a-z]{1,20})\b")
_NAME = re.compile(r"(?P<n>(?:[A-Z][A-Za-z.'-]{0,20}\s{1,2}){0,4}[A-Z][A-Za-z'-]{1,20})\s{1,2}$")
_NAME_WORDS_DROP = frozenset("The A An But And In On At As After Before When While If He She They We It This That".split())
_VERB_AHEAD = re.compile(r"[^.;:]{0,80}")


def _is_verb(tok: str, first: bool = False) -> bool:
    """A rough verb test; a Capitalised -ing word counts only first in the sentence ("Speaking on ...")."""
    low = tok.lower()
    if low in _IRREGULAR:
        return True
    if low in _NOT_VERBS or len(low) < 4:
        return False
    return low.endswith("ed") or (first and low.endswith("ing") and tok[0].isupper())


def _verb_before(text: str, start: int, pos: int) -> tuple[str | None, int]:
    toks = list(_TOKEN.finditer(text, max(start, pos - 120), pos))
    for t in reversed(toks[-10:]):
        if _is_verb(t.group(), t.start() == start):
            return t.group(), t.start()
    return None, -1


def _actor(text: str, start: int, verb_pos: int) -> str | None:
    m = _NAME.search(text, max(start, verb_pos - 80), verb_pos)
    if m is None:
        return None
    words = [w for w in m.group("n").split()]
    while words and (words[0] in _NAME_WORDS_DROP or words[0].lower() in MONTHS or words[0].lower() in WEEKDAYS):
        words = words[1:]
    return " ".join(words) or None


def _place(text: str, start: int, end: int) -> str | None:
    for m in _PLACE.finditer(text, start, end):
        p = m.group("p")
        first = p.split()[0].lower()
        if first not in MONTHS and first not in WEEKDAYS:
            return p
    return None


def build_events(text: str, sent_start: int, sent_end: int, timexes: list[Timex]) -> list[DatedEvent]:
    """Events for one sentence, from its already resolved time expressions."""
    out: list[DatedEvent] = []
    sentence = text[sent_start:sent_end]
    for t in timexes:
        if not t.eventable:
            continue
        verb, vpos = _verb_before(text, sent_start, t.start)
        if verb is None:
            ahead = _VERB_AHEAD.match(text, t.end, sent_end)
            for tok in _TOKEN.finditer(text, t.end, ahead.end() if ahead else t.end):
                if _is_verb(tok.group(), tok.start() == sent_start):
                    verb, vpos = tok.group(), tok.start()
                    break
        if verb is None:
            continue  # a bare time with no happening ("the 2024 budget")
        actor = _actor(text, sent_start, vpos) if vpos >= 0 else None
        out.append(DatedEvent(sentence=sentence, text=t.text, date=t.date_label, start=t.start, end=t.end,
                              actor=actor, verb=verb, place=_place(text, sent_start, sent_end)))
    return out
