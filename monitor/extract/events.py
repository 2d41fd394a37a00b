"""Dated happenings: one event per time expression that dates something in a sentence.

Actor, verb and place are found with light heuristics (a Capitalised name before the
verb, "in <Capitalised>" for the place); they are None when not clear.
"""
from __future__ import annotations

import re

from datetime import date

from monitor.models import DatedEvent

from .timex import MONTHS, WEEKDAYS, Timex

_IRREGULAR = frozenset(
    """said told met became began came went made took gave saw found held left won lost fell rose grew hit cut put
    set paid sent spent sold bought brought kept led ran spoke wrote struck shot flew fled drove broke chose knew
    thought felt built meant stood says tells meets gather gathers meet visit visits announce announces agree agrees
    sign signs vote votes win wins lose loses will speak speaks fight fights beat beats struck hit tore swept shook
    sank sang rang drew threw blew grew froze woke wore swore bore bit hid slid spun sprang stole stuck stung swung
    undertook overtook withdrew forbade forgave foresaw began begun done gone seen taken given eaten fallen risen
    driven written spoken chosen broken frozen stolen shaken sworn torn worn flown drawn thrown known shown grown
    due had slept wept crept dealt lent bent burnt knelt leapt fed bred fled shed""".split()
)
_PAST_IRREGULAR = frozenset("""said told met became began came went made took gave saw found held left won lost fell rose
    grew hit cut put set paid sent spent sold bought brought kept led ran spoke wrote struck shot flew fled drove broke
    chose knew thought felt built meant stood tore swept shook sank drew threw""".split())
# Words after which the next word is a verb: a modal ("would land"), or "to" after a word that
# takes an infinitive ("due to expire", "is set to begin").
_MODALS = frozenset("will would shall should could can may might must".split())
_TAKES_TO = frozenset("""due set going expected scheduled planned plans plan agreed agree decided decide hoped hopes
    hope aims aimed aim intends intended intend wants wanted want able allowed likely ready promised vowed
    pledged sought seeks""".split())
# A word followed by a clock time is what happens then: "polls close at 8 p.m.", "talks resume at 10".
_CLOCK_AFTER = re.compile(r"\s{1,2}at\s{1,2}\d{1,2}(?:[:.]\d{2})?\s{0,2}(?i:a\.m\.|p\.m\.|am\b|pm\b|h\b|hours\b)")
# "last Wednesday's decision", "next Saturday's march": the noun names the happening.
_POSSESSIVE_AFTER = re.compile(r"['\u2019]s\s{1,2}(?P<n>[a-z]{3,20})\b")
_NEXT_WORD = re.compile(r"\s{1,2}([a-z]{3,20})\b")
_ADJ_ENDINGS = ("al", "ary", "ic", "ive", "ial", "ous", "an")
_WHEN_AFTER = re.compile(r",?\s{1,2}when\b")
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


def _cued_verb(text: str, toks: list[re.Match[str]], i: int) -> bool:
    """Whether token `i` is a verb by position: after a modal, before a clock time, or an
    infinitive after a word that takes one."""
    t = toks[i]
    low = t.group()
    if len(low) < 3 or not low.islower() or not low.isalpha() or low.endswith("ly") or low in _NOT_VERBS:
        return False
    k = i - 1
    if k > 0 and toks[k].group().endswith("ly"):
        k -= 1  # "would formally end"
    prev = toks[k].group() if k >= 0 else ""
    if prev in _MODALS:  # lowercase only: "in May from" holds no modal
        return True
    if prev == "to" and k > 0 and toks[k - 1].group().lower() in _TAKES_TO:
        return True
    return text.startswith(" at ", t.end()) and _CLOCK_AFTER.match(text, t.end()) is not None


def _verb_before(text: str, start: int, pos: int) -> tuple[str | None, int]:
    toks = list(_TOKEN.finditer(text, max(start, pos - 130), pos))
    for i in range(len(toks) - 1, max(-1, len(toks) - 15), -1):
        t = toks[i]
        if _is_verb(t.group(), t.start() == start):
            return t.group(), t.start()
        prev = toks[i - 1].group() if i > 0 else ""
        if (prev in _MODALS or prev == "to" or prev.endswith("ly") or text.startswith(" at ", t.end())) \
                and _cued_verb(text, toks, i):
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
        poss = _POSSESSIVE_AFTER.match(text, t.end, sent_end) if t.precision in ("day", "week", "month") else None
        if not t.eventable and poss is None and not (
                t.prep == "since" and (t.precision == "day" or _WHEN_AFTER.match(text, t.end, sent_end))):
            continue  # "since Monday night", "since 1987, when ..." and "for next Saturday's march" still date a happening
        if poss is not None:
            n = poss.group("n")
            nxt = _NEXT_WORD.match(text, poss.end(), sent_end)
            if n.endswith(_ADJ_ENDINGS) and nxt is not None:
                verb, vpos = nxt.group(1), nxt.start(1)  # "Sunday's parliamentary election" -> "election"
            else:
                verb, vpos = n, poss.start("n")
        else:
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


_CLOCK = re.compile(r"\b(?:at|around|about|shortly\s{1,2}(?:after|before)|just\s{1,2}(?:after|before)|after|before)\s{1,2}"
                    r"\d{1,2}(?:[:.]\d{2})?\s{0,2}(?:a\.m\.|p\.m\.|am\b|pm\b)")


def clock_event(text: str, sent_start: int, sent_end: int, published: date) -> DatedEvent | None:
    """"Kest conceded defeat at 8 a.m.": a clock time with no day of its own, after a verb in the
    past, is a happening on the story's own day. Called only for sentences with no dated day."""
    m = _CLOCK.search(text, sent_start, sent_end)
    if m is None:
        return None
    verb, vpos = None, -1
    for t in reversed(list(_TOKEN.finditer(text, max(sent_start, m.start() - 120), m.start()))[-12:]):
        low = t.group().lower()
        if (low.endswith("ed") or low in _PAST_IRREGULAR) and _is_verb(t.group(), t.start() == sent_start):
            verb, vpos = t.group(), t.start()
            break
    if verb is None:
        return None
    return DatedEvent(sentence=text[sent_start:sent_end], text=m.group(), date=published.isoformat(), start=m.start(),
                      end=m.end(), actor=_actor(text, sent_start, vpos), verb=verb,
                      place=_place(text, sent_start, sent_end))
