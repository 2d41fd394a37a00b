"""Pure extraction: figures and dated events from an article's text.

`extract` has no I/O and no global mutable state; it runs in linear time in the length
of the text (see the docstrings of `sentences`, `figures` and `timex` for why).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from monitor.models import DatedEvent, Extraction, Figure, Period

from .events import build_events, clock_event
from .figures import find_figures
from .periods import choose_period, clause_bounds, clause_of, phrase_window, statement_tags
from .sentences import split_sentences
from .tokens import Candidates
from .timex import Timex, find_timexes, last_explicit_year, resolve

EXTRACTOR_VERSION = "1.2.0"
# Rates take the article's data month when they name no time: "Core inflation slowed to
# 5.0%" in a story about April's figures is April's core rate, not the publication day's.
_RATE_UNITS = frozenset({"percent", "percentage_points", "basis_points"})
# A figure whose period ended this long before publication is history, not news.
_HISTORY = timedelta(days=366)
_REVISED = re.compile(r"\brevis(?:ed|es|ing|ion)\b")
_RECENT = timedelta(days=100)

# What lies between a change and the level it reached: "edged up 1.5% to 41.3 million".
_TO_LEVEL = re.compile(r"\s{1,3}to\s{1,3}(?:[$\u20ac\u00a3\u00a5]\s?)?")
# A clause opened by "since" that ends at a date: "since records began in 2011", "since the group adopted its
# current reporting format in 2017": when something happened, not the figure's period.
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[a-z'-]+\s+){1,4}?(?:[a-z]+ed|began|begun|was|were|took|came|went|won|built)"
                           r"\s+(?:[a-z'-]+\s+){0,4}?(?:in\s+)?$")
# "at the previous election", "in the last round": an earlier occasion of the same kind. A figure
# tied to one is history even though no date is given. Time words are left to `timex`.
_PRIOR_OCCASION = re.compile(r"\b(?:at|in|during|from|for|since)\s{1,3}(?:the|its|their)\s{1,3}"
                             r"(?:previous|last|prior|preceding)\s{1,3}(?P<n>[a-z]{3,20})\b")
_NOT_OCCASION = frozenset("""year years month months week weeks weekend quarter quarters decade decades day days time
    times few couple several hour hours minute minutes two three four five six seven eight nine ten dozen""".split())
# "a month earlier", "the previous month": counted back from the month a story reports on.
_MONTH_BACK = re.compile(r"(?i:(?:a|one)\s{1,3}month\s{1,3}(?:earlier|before)|(?:the\s{1,3})?(?:previous|preceding|prior)"
                         r"\s{1,3}month|(?:the\s{1,3})?month\s{1,3}(?:before|earlier))")


def _month_before(p: Period) -> Period:
    y, m = (p.start.year, p.start.month - 1) if p.start.month > 1 else (p.start.year - 1, 12)
    end = p.start - timedelta(days=1)
    return Period(date(y, m, 1), end, f"{y:04d}-{m:02d}", "relative")


def _rebase_months(timexes: list[Timex], ref_month: Period) -> list[Timex]:
    """Point "a month earlier" at the month before the story's data month."""
    out = []
    for t in timexes:
        if t.anchored and t.precision == "month" and _MONTH_BACK.search(t.text):
            t = replace(t, period=_month_before(ref_month))
        out.append(t)
    return out


def _prior_occasion(low: str, start: int, end: int) -> bool:
    if not any(low.find(w, start, end) >= 0 for w in (" previous ", " last ", " prior ", " preceding ")):
        return False  # a C-speed scan first: almost no clause names an earlier occasion
    m = _PRIOR_OCCASION.search(low, start, end)
    return m is not None and m.group("n") not in _NOT_OCCASION


# "for the same quarter": the quarter a results story reports on.
_SAME_SPAN = re.compile(r"(?i:same\s{1,3}quarter)")
_DATA_DAY = re.compile(r"\b(?:week|fortnight)\s{1,3}(?:ending|ended|to)\s|\bas\s{1,3}(?:of|at)\s")
_THE_SPAN = re.compile(r"\b(?:in|for|during|over)\s{1,3}the\s{1,3}(?:quarter|period|half)\b")
_SPAN_LABEL = re.compile(r"\d{4}-[QH]\d$")


def _reporting_span(period: Period) -> bool:
    """A run of weeks or months a company reports on ("the 26 weeks to August 30"): a quarter, half or year."""
    days = (period.end - period.start).days + 1
    return "/" in period.label and (85 <= days <= 95 or 175 <= days <= 190 or 360 <= days <= 371)
# "from 11.2%", "from just $420 million": the older value of a change ("against 28.7%" is a rival's).
_FROM_BEFORE = re.compile(r"\bfrom\s{1,2}(?:(?:just|only|about|around|some|nearly|almost|a|an)\s{1,2})?$")


__all__ = ["EXTRACTOR_VERSION", "extract", "split_sentences", "resolve", "find_timexes", "Timex"]


def extract(text: str, published: date) -> Extraction:
    """Every figure and dated event in `text`, an article published on `published`."""
    figures: list[Figure] = []
    events: list[DatedEvent] = []
    cands = Candidates(text)
    recent_years: list[int | None] = [None, None]
    ref_month: Period | None = None  # the month a statistics story reports on
    waiting: list[int] = []  # undated rates seen before the data month was known
    ref_span: Period | None = None  # the quarter or half a results story reports on
    data_day: Period | None = None  # "figures for the week ending 13 April": the day a bulletin's counts stand at
    for ss, se in split_sentences(text):
        reference = recent_years[-1] or recent_years[-2]
        tx_c = Candidates.within(cands.timex, ss, se)
        timexes = find_timexes(text, published, ss, se, reference, tx_c, cands.low) if tx_c else []
        recent_years = [recent_years[-1], last_explicit_year(timexes)]
        if timexes:
            events.extend(build_events(text, ss, se, timexes))
        if cands.low.find(".m.", ss, se) >= 0 and not any(t.precision == "day" for t in timexes):
            ce = clock_event(text, ss, se, published)
            if ce is not None:
                events.append(ce)
        fg_c = Candidates.within(cands.figure, ss, se)
        if not fg_c:
            continue
        found = find_figures(text, ss, se, [(t.start, t.end) for t in timexes], fg_c, cands.low)
        if not found:
            continue
        sentence = text[ss:se]
        bounds = clause_bounds(text, ss, se)
        clauses_with_fig: dict[int, bool] = {}
        for f in found:
            clauses_with_fig[clause_of(bounds, f.start)] = True
        if data_day is None:
            for t in timexes:
                if t.period.start == t.period.end and _DATA_DAY.search(cands.low[max(ss, t.start - 24):t.end]) \
                        and timedelta(0) <= published - t.period.end <= timedelta(days=21):
                    data_day = t.period
                    break
        ref = reference or last_explicit_year(timexes)
        month_back = any(t.anchored and t.precision == "month" for t in timexes)
        same_span = any(t.precision == "quarter" and _SAME_SPAN.search(t.text) for t in timexes)
        for f in found:
            own = clause_of(bounds, f.start)
            c_end = bounds[own + 1] if own + 1 < len(bounds) else se
            others = {k: v for k, v in clauses_with_fig.items() if k != own}
            txs = _rebase_months(timexes, ref_month) if month_back and ref_month is not None else timexes
            if ref_span is not None and same_span:
                # "revenue of $4.6 billion for the same quarter": the quarter the story reports on
                txs = [replace(t, period=ref_span) if _SAME_SPAN.search(t.text) else t for t in txs]
            txs = [t for t in txs if t.prep == "since" or not _SINCE_CLAUSE.search(cands.low, max(ss, t.start - 90), t.start)]
            # ("the worst since comparable records began in 2011": the year records began, not the figure's)
            period = choose_period(f.start, f.end, bounds, txs, others, published, ref,
                                   "past_state" in f.tags, cands.low, f.change == "baseline",
                                   f.change in ("increase", "decrease"))
            if (f.unit.isupper() and len(f.unit) == 3 or f.unit == "count" and ref_span is not None) \
                    and f.change != "baseline" and f.value >= 1e6:
                # sums, not prices: a share price or a price target is a level of its own day
                if period.kind == "asof" and ref_span is not None:
                    period = ref_span  # "Net profit climbed to $610 million": the reported quarter's amount
                elif (ref_span is None and (_SPAN_LABEL.match(period.label) or _reporting_span(period))
                      and timedelta(0) <= published - period.end <= _RECENT):
                    ref_span = period
            if period.kind == "asof" and ref_span is not None and f.change != "baseline" \
                    and _THE_SPAN.search(cands.low, ss, se):
                period = ref_span  # "carried 12.6 million passengers in the quarter": the quarter reported on
                # (and "..., and its load factor was 88.1%": the clauses of one sentence share it)
            if data_day is not None and f.unit == "count" and f.change != "baseline" and (
                    period.kind == "asof" or period == data_day):
                f.tags.append("data_day")  # a bulletin's count with no time of its own stands at the bulletin's day
                period = data_day
            wait = False
            since_here = any(t.prep == "since" and clause_of(bounds, t.start) == own for t in timexes)
            if (ref_month is None and f.unit == "count" and f.change != "baseline" and len(period.label) == 7
                    and period.label[5:].isdigit() and timedelta(0) <= published - period.end <= _RECENT):
                ref_month = period  # "employers added 52,000 jobs in April": the month a jobs report is about
            if f.unit in _RATE_UNITS and f.change != "baseline" and not since_here:
                # ("kept its rate at 10.5% since November" is a level that holds now, left as of publication)
                if period.kind == "asof" and ref_month is not None:
                    period = ref_month  # a rate reported with no time of its own: the article's data month
                elif period.kind == "asof":
                    wait = "projection" not in f.tags  # a headline rate before the data month is named
                elif (ref_month is None and len(period.label) == 7 and period.label[5:].isdigit()
                      and timedelta(0) <= published - period.end <= _RECENT):
                    ref_month = period  # the first recent month a rate is given for
            if period.kind in ("asof", "relative") and _prior_occasion(
                    cands.low, max(bounds[own], f.start - 120), min(c_end, f.end + 120)):
                # "down from 67.3% at the previous election": an earlier occasion, date unknown
                period = Period(date.min, published - timedelta(days=1), f"before {published.isoformat()}", "past")
                f.tags.append("historical")
            elif (f.change == "baseline" and period.kind == "asof" and f.counted is None
                  and _FROM_BEFORE.search(cands.low, max(ss, f.start - 30), f.start)):
                # "down from 19", "eased to 9.8% from 11.2%": the older value, before the story's time
                # ("from 23 polling stations" names a source, with a counted noun, and is left alone)
                if f.unit in _RATE_UNITS and ref_month is not None:
                    period = _month_before(ref_month)
                else:
                    period = Period(date.min, published - timedelta(days=1), f"before {published.isoformat()}", "past")
            elif period.end < published - _HISTORY and not _REVISED.search(cands.low, bounds[own], c_end):
                f.tags.append("historical")  # (a revision of an older period is news about it, not history)
            if wait and period.kind == "asof":
                waiting.append(len(figures))
            lo, hi = phrase_window(cands.low, bounds[own], c_end, f.start, f.end)
            tags = tuple(dict.fromkeys(f.tags + statement_tags(cands.low, lo, hi)))
            figures.append(Figure(
                value=f.value, unit=f.unit, text=text[f.start:f.end], start=f.start, end=f.end,
                sentence=sentence, sentence_start=ss, qualifier=f.qualifier, low=f.low, high=f.high,
                total=f.total, counted=f.counted, period=period, change=f.change, tags=tags,
            ))
    if ref_month is not None:
        for i in waiting:
            figures[i] = replace(figures[i], period=ref_month)
    for i in range(len(figures) - 1):
        a, b = figures[i], figures[i + 1]
        if a.unit == "percent" and a.change in ("increase", "decrease") and a.period is not None \
                and a.period.kind == "asof" and b.period is not None and b.period.kind != "asof" \
                and a.sentence_start == b.sentence_start and _TO_LEVEL.fullmatch(text, a.end, b.start):
            figures[i] = replace(a, period=b.period)  # "edged up 1.5% to 41.3 million hectolitres": one period
    return Extraction(figures=figures, events=events, version=EXTRACTOR_VERSION)
