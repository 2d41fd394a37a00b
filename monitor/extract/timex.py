"""Find time expressions and resolve them against the publication date.

Hand-written rather than dateparser: `search_dates` misses "This year" and reads
"seven of 30" as a date, and `parse` costs ~2 ms a call; news time expressions are
a small closed set that one precompiled pattern covers in microseconds.

Resolution rules (documented because other parts rely on them):
- a weekday alone ("on Thursday", "said Wednesday") is the latest such day on or
  before publication; with "next" or a "will" before it in the sentence, the first after;
- a month or month-day without a year is the occurrence nearest to publication (ties
  go to the past unless the sentence speaks of the future); "last February" is the
  latest February strictly before the publication month;
- "the previous year", "a year earlier", "the year before" count back from a
  reference year (the latest explicit year mentioned just before), else from publication;
- "14/3" is day/month unless the second part cannot be a month.

Linear time: one alternation with bounded quantifiers, matched once per sentence.
"""
from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from monitor.models import Period

from .numbers import SMALL, TENS

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")],
    start=1,
):
    for _n in _names:
        MONTHS[_n] = _i
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}

_M = (r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
      r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)")
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
_D = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_Y = r"(?:1[89]\d\d|20\d\d)(?![\d%])"
_NUMW = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|a few|several|few)"
_PREP = (r"(?P<prep>(?i:in|on|since|by|until|till|from|during|before|after|for|through|throughout|as of|"
         r"starting|as early as|as late as|at the end of|at the start of|at the beginning of|by the end of|"
         r"in the middle of|by mid|at)\s{1,3})?")
_MOD = r"(?:(?i:early|mid|late|the end of|end|the start of|the beginning of|the middle of)[\s-]{1,3})?"
_REL_UNIT = r"(?i:year|month|week|quarter|weekend|summer|winter|spring|autumn|fall)"

_PATTERN = re.compile(
    r"(?:"
    r"(?P<iso>\d{4}-\d{2}-\d{2})(?![\d-])"
    r"|(?P<numdate>(?:[12]\d|3[01]|0?[1-9])[/.](?:1[0-2]|0?[1-9])(?:[/.](?:\d{4}|\d{2}))?)(?![\d/.]\d)"
    r"|(?P<wd>(?:(?i:last|next|this)\s{1,3})?" + _WD
    + r"(?:,?\s{1,3}(?:" + _M + r"\s{1,3}" + _D + r"(?:,?\s{1,3}" + _Y + r")?|(?:the\s{1,3})?" + _D
    + r"\s{1,3}(?:of\s{1,3})?" + _M + r"(?:,?\s{1,3}" + _Y + r")?))?"
    r"(?:\s{0,3}\((?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])(?:/\d{2,4})?\))?"
    r"(?:\s{1,3}(?i:morning|afternoon|evening|night))?)"
    r"|(?P<mdy>" + _M + r"\s{1,3}" + _D + r"(?:,?\s{1,3}" + _Y + r")?)"
    r"|(?P<dmy>" + _D + r"\s{1,3}(?:of\s{1,3})?" + _M + r"(?:,?\s{1,3}" + _Y + r")?)"
    r"|(?P<my>" + _M + r",?\s{1,3}" + _Y + r")"
    r"|(?P<mrel>(?i:last|this|next)\s{1,3}" + _M + r"|" + _M
    + r"\s{1,3}(?:of\s{1,3})?(?i:last|this|next)\s{1,3}(?i:year))"
    r"|(?P<quarter>(?:Q[1-4]|H[12])(?:\s{0,2}(?:" + _Y + r"|'?\d{2}\b))?|(?i:first|second|third|fourth|final|last)"
    r"[\s-]{1,3}(?i:quarter|half)(?:\s{1,3}of\s{1,3}(?:" + _Y + r"|(?i:this|last|next)\s{1,3}year))?)"
    r"|(?P<firstn>(?i:first)\s{1,3}(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s{1,3}(?i:months)"
    r"(?:\s{1,3}of\s{1,3}(?:" + _Y + r"|(?i:the|this|last)\s{1,3}year))?)"
    r"|(?P<fullyear>(?i:full|whole)[\s-]{1,2}(?i:year)(?:\s{1,3}" + _Y + r")?)"
    r"|(?P<fy>(?i:fiscal)(?:\s{1,3}year)?\s{1,3}(?:" + _Y + r"|\d{2}\b))"
    r"|(?P<decade>(?:1[89]|20)\d0s\b)"
    r"|(?P<ago>(?i:" + _NUMW + r")\s{1,3}(?i:days?|weeks?|months?|years?|decades?)\s{1,3}(?i:ago|earlier|before|later))"
    r"|(?P<lastn>(?i:last|past|previous|next|coming)\s{1,3}(?i:" + _NUMW + r")\s{1,3}"
    r"(?i:days|weeks|months|years|decades))"
    r"|(?P<rel>(?i:this|last|next|previous|following|past|coming|current|same)\s{1,3}" + _REL_UNIT
    + r"(?:\s{1,3}(?i:ago|earlier|before))?\b"
    r"|(?i:year|month|week)\s{1,3}(?i:before|earlier|after))"
    r"|(?P<season>(?i:spring|summer|autumn|fall|winter)\s{1,3}(?:of\s{1,3})?" + _Y + r")"
    r"|(?P<year>(?:(?i:calendar|financial|fiscal)\s{1,3}(?i:year)\s{1,3})?" + _Y
    + r"(?:[/-](?:" + _Y + r"|\d{2}(?!\d)))?)"
    r"|(?P<mrange>" + _M + r"\s{0,2}[-\u2013]\s{0,2}" + _M + r"(?:,?\s{1,3}" + _Y + r")?)"
    r"|(?P<month>" + _M + r")"
    r"|(?P<day>(?i:today|tonight|yesterday|tomorrow|last night|this morning|this afternoon|this evening)"
    r"(?:\s{1,3}(?i:morning|afternoon|evening))?)"
    r"|(?P<now>(?i:currently|now|presently|nowadays|present|moment|far|date|year to date|year-to-date))"
    r")(?![\w%])"
)
# Words peeled off before a match: modifiers kept in the span, then a preposition.
_MODIFIERS = frozenset({"early", "mid", "late", "earlier", "later", "the", "end", "start", "beginning", "middle"})
_PREPS: tuple[tuple[str, ...], ...] = tuple(
    tuple(p.split()) for p in (
        "since the middle of", "since the end of", "since the start of", "since the beginning of", "until the end of",
        "at the end of", "by the end of", "at the start of", "at the beginning of", "in the middle of", "the end of",
        "the start of", "the beginning of", "end of", "as early as", "as late as", "as of", "in", "on", "since", "by",
        "until", "till", "from", "during", "before", "after", "for", "through", "throughout", "starting", "at", "so",
        "to", "ended", "ending", "between")
)
_PREPS_BY_LAST: dict[str, tuple[tuple[str, ...], ...]] = {}
for _p in _PREPS:
    _PREPS_BY_LAST[_p[-1]] = _PREPS_BY_LAST.get(_p[-1], ()) + (_p,)
# Words that must stand before a keyword for it to be a time: "at present", "so far", "to date".
_NEEDS_BEFORE = {"present": ("at",), "moment": ("at", "the"), "far": ("so",), "date": ("to",)}
_STATEMENT_WORDS = frozenset("said says told tells announced announces published released reported reports added "
                             "warned stated wrote confirmed revealed declared show shows showed".split())
_FUTURE_WORDS = frozenset("will shall upcoming scheduled planned plans plan due set expected would".split())
# Past-tense verbs that say a sentence reports what happened (with any "-ed" word).
_PAST_WORDS = frozenset("rose fell grew was were stood hit came went rose shrank sank slid had".split())
# A weekday after these, in its own clause, lies ahead: a modal, or "to" with a verb.
_FORWARD_CUE = re.compile(r"\b(?:will|would|shall|due|ready|going|scheduled|planned|plans|expected|'ll|possible|"
                          r"likely|hopes?|hoped)\b[^.;,]{0,50}$"
                          r"|\bto\s{1,2}(?!the\b|a\b|an\b|its\b|their\b)[a-z]{2,20}\s{1,2}(?:[a-z]{1,20}\s{1,2}){0,6}"
                          r"(?:on|by|from|until)\s{1,2}$")
# "were allowed to return on Thursday": an infinitive after a past passive reports what happened.
_PAST_BEFORE_TO = re.compile(r"\b(?:was|were|had\s{1,2}been)\s{1,2}[a-z]{2,20}ed\s{1,2}$")
_DIGIT_GROUP_AFTER = re.compile(r"[ .-]\d{2,4}\b")
_DAY_RANGE_TAIL = re.compile(r"\s{1,3}(?:and|to|until|through|-|\u2013)\s{1,3}(?:(?P<m>" + _M + r")\s{1,3})?(?P<d>" + _D + r")"
                             r"(?:,?\s{1,3}(?P<y>" + _Y + r"))?(?!\s{0,2}(?:%|[a-z])|[,.]\d)")
_MONTH_TO_TAIL = re.compile(r"\s{1,3}(?:to|through|until|-|\u2013)\s{1,3}(?P<m>" + _M + r")(?!\s{0,2}\d)")
_MONTH_RANGE_TAIL = re.compile(r"\s{1,3}and\s{1,3}(?P<m>" + _M + r")\b(?!\s{0,2}\d)")
_SPAN_BEFORE = re.compile(r"(?:\bthe\s{1,2})?\b(?:(?P<n>three|six|nine|twelve|\d{1,2})\s{1,2}(?P<u>months?|weeks?)|"
                         r"(?P<year>(?:full\s{1,2}|financial\s{1,2})?year))\s{1,2}"
                         r"(?:to|through|ended|ending)\s{1,3}(?:the\s{1,2}end\s{1,2}of\s{1,2})?$")
_CLOCK_BEFORE = re.compile(r"\d(?:\s{0,2}(?:a\.m\.|p\.m\.|am|pm))\s{1,2}(?:on\s{1,2})?$")
_WORD_AFTER = re.compile(r"\s{1,2}[a-z]")
_GLUED_PREFIX = ("mid-", "early-", "late-", "end-")
_DIGITS = re.compile(r"\d+")
_QTY_BEFORE = re.compile(r"\b(?i:about|around|approximately|nearly|almost|some|roughly|least|than|over|under|"
                         r"just|only|estimated)\s{1,3}$|[$\u20ac\u00a3\u00a5\u20b9]\s{0,2}$")
_QTY_AFTER = re.compile(r"\s{0,2}(?:%|(?i:per\s?cent|percent|million|billion|trillion|bn|mn|people|persons|"
                        r"troops|soldiers|votes|jobs|homes|workers|deaths|cases|units|tonnes|tons|km|kilometres|"
                        r"miles|metres|meters|feet|barrels|euros|dollars|pounds|times)\b)")


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression found in text, resolved."""

    start: int
    end: int
    text: str
    period: Period
    precision: str  # day | week | month | season | quarter | year | decade | range | now
    prep: str | None  # leading preposition, lowercased ("in", "since", "by"...)
    anchored: bool = False  # counted from a reference time ("the previous year")
    statement: bool = False  # the time of a statement ("said last month"), not of the fact
    future: bool = False  # read forward: "will meet on Tuesday", "ready to sign by Friday"

    @property
    def date_label(self) -> str:
        """YYYY, YYYY-MM or YYYY-MM-DD: no more precise than the expression."""
        p = self.period
        if self.precision == "day":
            return p.start.isoformat()
        if self.precision in ("month",) or (self.precision in ("week", "range") and p.start.month == p.end.month):
            return p.start.isoformat()[:7]
        if p.start.year == p.end.year:
            return str(p.start.year)
        return str(p.start.year)

    @property
    def eventable(self) -> bool:
        """Whether the expression dates a happening (not a state, deadline or span)."""
        if self.precision == "range" and self.prep == "between" and (self.period.end - self.period.start).days <= 31:
            return True  # "questioned voters between May 1 and 4": dated to its month, or its first day
        if self.precision in ("now", "range", "decade"):
            return False
        if self.future and self.precision == "day" and self.prep in ("by", "from", "until"):
            return True  # a dated step still to come: "publish the list by Friday"
        return self.prep not in ("since", "by", "until", "till", "for", "from", "by mid", "by the end of",
                                 "through", "throughout", "as of", "starting")


def _month_span(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, monthrange(y, m)[1])


def _year_span(y: int) -> tuple[date, date]:
    return date(y, 1, 1), date(y, 12, 31)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _num(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    if w in ("a", "an", "one"):
        return 1
    if w in SMALL:
        return SMALL[w]
    if w in TENS:
        return TENS[w]
    return None  # "a few", "several": vague


def _nearest_month(m: int, pub: date, future: bool) -> int:
    best, best_key = pub.year, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        diff = (y * 12 + m) - (pub.year * 12 + pub.month)
        key = (abs(diff), 0 if (diff > 0) == future or diff == 0 else 1)
        if best_key is None or key < best_key:
            best, best_key = y, key
    return best


def _nearest_day(m: int, d: int, pub: date, future: bool) -> date | None:
    best, best_key = None, None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        if d > monthrange(y, m)[1]:
            continue
        cand = date(y, m, d)
        diff = (cand - pub).days
        key = (abs(diff), 0 if (diff > 0) == future or diff == 0 else 1)
        if best_key is None or key < best_key:
            best, best_key = cand, key
    return best


def _weekday(name: str, pub: date, forward: bool) -> date:
    wd = WEEKDAYS[name.lower()]
    if forward:
        return pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    return pub - timedelta(days=(pub.weekday() - wd) % 7)


def _day(d: date, kind: str) -> tuple[Period, str]:
    return Period(d, d, d.isoformat(), kind), "day"


def _month(y: int, m: int, kind: str) -> tuple[Period, str]:
    s, e = _month_span(y, m)
    return Period(s, e, f"{y:04d}-{m:02d}", kind), "month"


def _year(y: int, kind: str) -> tuple[Period, str]:
    s, e = _year_span(y)
    return Period(s, e, f"{y:04d}", kind), "year"


def _find_month_day(s: str) -> tuple[int | None, int | None, int | None]:
    """(month, day, year) from the words of a date expression."""
    month = day = year = None
    for tok in re.findall(r"[A-Za-z]+|\d+", s):
        low = tok.lower()
        if low in MONTHS and month is None and (tok[0].isupper()):
            month = MONTHS[low]
        elif tok.isdigit():
            v = int(tok)
            if len(tok) == 4:
                year = v
            elif day is None and 1 <= v <= 31:
                day = v
    return month, day, year


def _two_digit_year(v: str) -> int:
    n = int(v)
    return n if len(v) == 4 else 2000 + n


def _resolve(m: re.Match[str], pub: date, future: bool, reference: int | None, prep: str | None = None,
             peeled: bool = False, past: bool = False, local_year: int | None = None) -> tuple[Period, str, bool] | None:
    """Resolve one match to (period, precision, anchored); None when it is not a time."""
    kind = m.lastgroup
    s = m.group(kind) if kind else ""
    low = s.lower()
    if kind == "iso":
        try:
            return (*_day(date.fromisoformat(s), "explicit"), False)
        except ValueError:
            return None
    if kind == "numdate":
        parts = re.split(r"[/.]", s)
        if len(parts) == 2 and prep != "on":
            return None  # a bare "3/4" is more often a ratio or score than a date
        d, mo = int(parts[0]), int(parts[1])
        y = _two_digit_year(parts[2]) if len(parts) == 3 else None
        try:
            if y is not None:
                return (*_day(date(y, mo, d), "explicit"), False)
            got = _nearest_day(mo, d, pub, future)
        except ValueError:
            return None
        return (*_day(got, "explicit"), False) if got else None
    if kind == "wd":
        paren = re.search(r"\((\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\)", s)
        mo, d, y = _find_month_day(s)
        if paren:
            d, mo = int(paren.group(1)), int(paren.group(2))
            y = _two_digit_year(paren.group(3)) if paren.group(3) else None
        if mo and d:
            try:
                got = date(y, mo, d) if y else _nearest_day(mo, d, pub, future)
            except ValueError:
                got = None
            if got:
                return (*_day(got, "explicit"), False)
        name = re.search(_WD, s)
        if not name:
            return None
        forward = low.startswith("next") or future
        got = _weekday(name.group(), pub, forward)
        if low.startswith("last") and got == pub:
            got -= timedelta(days=7)
        return (*_day(got, "relative"), False)
    if kind in ("mdy", "dmy"):
        mo, d, y = _find_month_day(s)
        if mo is None or d is None:
            return None
        try:
            got = date(y, mo, d) if y else _nearest_day(mo, d, pub, future)
        except ValueError:
            return None
        return (*_day(got, "explicit" if y else "relative"), False) if got else None
    if kind == "my":
        mo, _, y = _find_month_day(s)
        if mo is None or y is None:
            return None
        return (*_month(y, mo, "explicit"), False)
    if kind == "mrel":
        mo, _, _ = _find_month_day(s)
        if mo is None:
            return None
        if low.startswith("last"):
            y = pub.year if mo < pub.month else pub.year - 1
        elif low.startswith("next"):
            y = pub.year if mo > pub.month else pub.year + 1
        elif low.startswith("this"):
            y = pub.year
        else:
            y = pub.year + {"last": -1, "this": 0, "next": 1}[re.search(r"(?i)(last|this|next)\s+year$", s).group(1).lower()]
        return (*_month(y, mo, "relative"), False)
    if kind == "month":
        mo, _, _ = _find_month_day(s)
        if mo is None:
            return None
        if not prep and not peeled:
            return None  # a lone month name with no preposition is usually not a time here
        if s.strip(". ").lower() in ("may", "mar") and not prep:
            return None
        if past and not future:
            # a reported month in a past-tense sentence: the latest such month, not a later one
            return (*_month(pub.year if mo <= pub.month else pub.year - 1, mo, "relative"), False)
        return (*_month(_nearest_month(mo, pub, future), mo, "relative"), False)
    if kind == "mrange":
        names = re.findall(r"[A-Za-z]+", s)
        m1, m2 = MONTHS.get(names[0].lower()), MONTHS.get(names[1].lower())
        yq = re.search(r"1[89]\d\d|20\d\d", s)
        if m1 is None or m2 is None:
            return None
        n = (m2 - m1) % 12 + 1
        if yq:
            y2 = int(yq.group())
        else:  # the latest such span that has ended, or is under way
            y2 = pub.year if m2 <= pub.month or future else pub.year - 1
        y1 = y2 if m1 <= m2 else y2 - 1
        return _months_span(y1, m1, n, "explicit" if yq else "relative")
    if kind == "firstn":
        parts = low.split()
        n = _num(parts[1])
        if n is None or not 1 <= n <= 12:
            return None
        yq = re.search(r"1[89]\d\d|20\d\d", s)
        y = int(yq.group()) if yq else pub.year - (1 if "last" in parts else 0)
        return _months_span(y, 1, n, "explicit" if yq else "relative")
    if kind == "fullyear":
        yq = re.search(r"1[89]\d\d|20\d\d", s)
        if yq:
            return (*_year(int(yq.group()), "explicit"), False)
        # early in a year, a reported full year is the one just ended; guidance is for this one
        y = pub.year - 1 if pub.month <= 3 and past and not future else pub.year
        return (*_year(y, "relative"), False)
    if kind == "quarter":
        yq = re.search(r"(1[89]\d\d|20\d\d)|'?(\d{2})\b", s)
        rel = re.search(r"(?i)(this|last|next)\s+year", s)
        y = pub.year
        if yq:
            y = int(yq.group(1)) if yq.group(1) else 2000 + int(yq.group(2))
        elif rel:
            y += {"this": 0, "last": -1, "next": 1}[rel.group(1).lower()]
        half = "half" in low or s[:1] == "H"
        q = re.search(r"(?i)\b(?:q|h)([1-4])|(first|second|third|fourth|final|last)", s)
        if q is None:
            return None
        if not yq and not rel and q.group(2) and q.group(2).lower() == "last" and not half:
            return _relative("last quarter", pub, reference)  # "last quarter": the one before this
        n = int(q.group(1)) if q.group(1) else {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(
            q.group(2).lower(), 2 if half else 4)
        if half:
            n = min(n, 2)
            start, end = date(y, 1 + 6 * (n - 1), 1), _month_span(y, 6 * n)[1]
            return Period(start, end, f"{y}-H{n}", "explicit" if yq else "relative"), "quarter", False
        if not yq and not rel and local_year is not None:
            y = local_year  # "fell 2% in Q2 2024 and 3% in Q3": the year just named
        elif not yq and not rel:
            # "the third quarter" alone: the latest such quarter that has begun
            if 1 + 3 * (n - 1) > pub.month:
                y -= 1
        start, end = date(y, 1 + 3 * (n - 1), 1), _month_span(y, 3 * n)[1]
        return Period(start, end, f"{y}-Q{n}", "explicit" if yq else "relative"), "quarter", False
    if kind == "fy":
        d = _DIGITS.search(s)
        if d is None:
            return None
        y = _two_digit_year(d.group())
        return Period(*_year_span(y), f"FY{y}", "explicit"), "year", False
    if kind == "decade":
        d = _DIGITS.search(s)
        if d is None:
            return None
        y = int(d.group()[:4])
        return Period(date(y, 1, 1), date(y + 9, 12, 31), f"{y}s", "explicit"), "decade", False
    if kind == "ago":
        parts = low.split()
        n = _num(parts[0])
        unit = parts[1].rstrip("s")
        if n is None:
            return None
        back = parts[-1] in ("ago", "earlier", "before")
        anchored = parts[-1] != "ago"
        base = date(reference, 7, 1) if anchored and reference else pub
        sign = -1 if back else 1
        if unit == "year" or unit == "decade":
            y = base.year + sign * n * (10 if unit == "decade" else 1)
            return (*_year(y, "relative"), anchored)
        if unit == "month":
            y, mo = _shift_month(base.year, base.month, sign * n)
            return (*_month(y, mo, "relative"), anchored)
        got = base + timedelta(days=sign * n * _UNIT_DAYS[unit])
        if unit == "day":
            return (*_day(got, "relative"), anchored)
        return (*_month(got.year, got.month, "relative"), anchored)
    if kind == "lastn":
        parts = low.split()
        if parts[0] == "the":
            parts = parts[1:]
        n = _num(parts[1])
        if n is None:
            return None
        unit = parts[2].rstrip("s")
        span = timedelta(days=n * _UNIT_DAYS[unit])
        if parts[0] in ("next", "coming"):
            start, end = pub, pub + span
        else:
            start, end = pub - span, pub
        return Period(start, end, f"{start.isoformat()}/{end.isoformat()}", "relative"), "range", False
    if kind == "rel":
        return _relative(low, pub, reference)
    if kind == "season":
        name = re.search(r"(?i)spring|summer|autumn|fall|winter", s).group().lower()
        y = int(_DIGITS.search(s).group())
        return _season(name, y)
    if kind == "year":
        ys = re.findall(r"1[89]\d\d|20\d\d|(?<=[/-])\d{2}\b", s)
        y = int(ys[0])
        if len(ys) > 1:
            y2 = _two_digit_year(ys[1]) if len(ys[1]) == 2 else int(ys[1])
            if y < y2 <= y + 10:
                return Period(date(y, 1, 1), date(y2, 12, 31), f"{y}/{y2}", "explicit"), "year", False
            return None
        return (*_year(y, "explicit"), False)
    if kind == "day":
        if "yesterday" in low or "last night" in low:
            return (*_day(pub - timedelta(days=1), "relative"), False)
        if "tomorrow" in low:
            return (*_day(pub + timedelta(days=1), "relative"), False)
        return (*_day(pub, "relative"), False)
    if kind == "now":
        if "year" in low:
            return Period(date(pub.year, 1, 1), pub, f"{pub.year}-01-01/{pub.isoformat()}", "relative"), "range", False
        return Period(pub, pub, pub.isoformat(), "asof"), "now", False
    return None


def _months_span(y: int, m0: int, n: int, kind: str) -> tuple[Period, str, bool]:
    """`n` months from month `m0` of year `y`, labelled as a quarter or half where it is one."""
    y1, m1 = _shift_month(y, m0, n - 1)
    start, end = date(y, m0, 1), _month_span(y1, m1)[1]
    if n == 3 and m0 % 3 == 1:
        label = f"{y}-Q{(m0 - 1) // 3 + 1}"
    elif n == 6 and m0 in (1, 7):
        label = f"{y}-H{1 if m0 == 1 else 2}"
    elif n == 12 and m0 == 1:
        label = str(y)
    else:
        label = f"{start.isoformat()[:7]}/{end.isoformat()[:7]}"
    return Period(start, end, label, kind), "range", False


def _season(name: str, y: int) -> tuple[Period, str, bool]:
    a, b = SEASONS[name]
    if a > b:  # winter spans the turn of the year: "winter 2023" = Dec 2023 - Feb 2024
        start, end = date(y, a, 1), _month_span(y + 1, b)[1]
    else:
        start, end = date(y, a, 1), _month_span(y, b)[1]
    return Period(start, end, f"{start.isoformat()[:7]}/{end.isoformat()[:7]}", "relative"), "season", False


def _relative(low: str, pub: date, reference: int | None) -> tuple[Period, str, bool] | None:
    words = low.split()
    unit = next((w for w in words if w in ("year", "month", "week", "quarter", "weekend") or w in SEASONS), None)
    if unit is None:
        return None
    anchored = any(w in ("previous", "following", "before", "earlier", "after", "same") for w in words) and not (
        words[0] in ("earlier", "later") and words[1] in ("this", "last", "next"))
    if "past" in words and unit in ("year", "month", "week"):
        span = timedelta(days=_UNIT_DAYS[unit])
        return Period(pub - span, pub, f"{(pub - span).isoformat()}/{pub.isoformat()}", "relative"), "range", False
    if "a" in words and not any(w in ("ago", "earlier", "before") for w in words):
        return None  # "a year" alone is a duration, not a time
    if any(w in ("last", "previous", "before", "ago") for w in words) or ("earlier" in words and words[0] != "earlier"):
        step = -1
    elif any(w in ("next", "following", "after", "coming") for w in words):
        step = 1
    else:
        step = 0
    base_year = reference if anchored and reference else pub.year
    base = pub if not (anchored and reference) else date(reference, pub.month, min(pub.day, 28))
    if unit == "year":
        return (*_year(base_year + step, "relative"), anchored)
    if unit == "month":
        y, mo = _shift_month(base.year, base.month, step)
        return (*_month(y, mo, "relative"), anchored)
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday()) + timedelta(days=7 * step)
        iso = monday.isocalendar()
        if unit == "weekend":
            sat = monday + timedelta(days=5)
            return Period(sat, sat + timedelta(days=1), f"{iso[0]}-W{iso[1]:02d}", "relative"), "week", False
        return Period(monday, monday + timedelta(days=6), f"{iso[0]}-W{iso[1]:02d}", "relative"), "week", False
    if unit == "quarter":
        q = (base.month - 1) // 3 + step
        y = base.year + q // 4
        q = q % 4 + 1
        return Period(date(y, 3 * q - 2, 1), _month_span(y, 3 * q)[1], f"{y}-Q{q}", "relative"), "quarter", False
    # a season: "this summer" is the one of the publication year, "last winter" the one before
    a, _ = SEASONS[unit]
    y = pub.year + step
    if step == 0 and unit == "winter" and pub.month <= 2:
        y -= 1
    elif step == -1 and a < pub.month and unit != "winter" and (a + 2) < pub.month:
        y = pub.year
    return _season(unit, y)


def _peel(low: str, lo: int, pos: int) -> tuple[int, str | None, tuple[str, ...]]:
    """Extend a match start backwards over modifiers ("early", "the") and a preposition.

    Returns the new start, the preposition (lowercased) and the words peeled.
    """
    for g in _GLUED_PREFIX:
        if low.endswith(g, lo, pos):
            pos -= len(g)
            break
    before = low[max(lo, pos - 40):pos]
    if before and not before[-1].isspace():
        return pos, None, ()
    words = before.split()[-5:]
    peeled: list[str] = []
    while words and words[-1] in _MODIFIERS and len(peeled) < 2:
        peeled.insert(0, words.pop())
    prep = None
    for p in _PREPS_BY_LAST.get(words[-1], ()) if words else ():
        if len(p) <= len(words) and tuple(words[-len(p):]) == p:
            prep = " ".join(p)
            peeled = list(p) + peeled
            break
    if peeled and peeled[-1] in ("end", "start", "beginning", "middle") and prep is None:
        return pos, None, ()  # "the end" without "of" is not a time prefix
    start = pos
    for w in reversed(peeled):
        i = low.rfind(w, max(lo, start - 25), start)
        if i < 0 or low[i + len(w):start].strip():
            break
        start = i
    return start, prep, tuple(peeled)


def find_timexes(text: str, published: date, start: int = 0, end: int | None = None,
                 reference: int | None = None, candidates: list[int] | None = None,
                 low: str | None = None) -> list[Timex]:
    """All time expressions in text[start:end], resolved against `published`.

    `reference` is the year that "the previous year" and "a year earlier" count back
    from when the region itself names none before them. `candidates` (offsets where a
    time expression may start, from `tokens.Candidates`) and `low` (the lowercased text)
    let a caller share one scan of the whole article.
    """
    end = len(text) if end is None else end
    if candidates is None or low is None:
        from .tokens import Candidates  # standalone use: scan just this text

        cands = Candidates(text)
        candidates, low = Candidates.within(cands.timex, start, end), cands.low
    out: list[Timex] = []
    if not candidates:
        return out
    sentence_words = set(low[start:end].split())
    future = not _FUTURE_WORDS.isdisjoint(sentence_words)
    past = not _PAST_WORDS.isdisjoint(sentence_words) or any(w.endswith("ed") and len(w) > 4 for w in sentence_words)
    last_end = start
    ref = reference
    local_year: int | None = None  # an explicit year named earlier in this same region
    for c in candidates:
        if c < last_end:
            continue
        if c > start and (text[c - 1].isalnum() or text[c - 1] in "$\u20ac\u00a3\u00a5.,/"):
            continue
        m = _PATTERN.match(text, c, end)
        if m is None:
            continue
        kind = m.lastgroup
        s0, prep, peeled = _peel(low, max(start, last_end), c)
        if prep is not None and prep.startswith(("since ", "until ")):
            prep = prep.split()[0]  # "since the middle of 2024" is a "since" span
        word = m.group().lower()
        need = _NEEDS_BEFORE.get(word)
        if need is not None and peeled[-len(need):] != need:
            continue
        if kind == "rel" and word.split()[0] in ("year", "month", "week") and "the" not in peeled:
            continue
        if kind == "rel" and word.endswith(("after", "before")) and _WORD_AFTER.match(text, m.end(), end):
            continue  # "the month after petrol stations cut prices": a conjunction opening a clause
        if kind == "year":
            d0 = c + _DIGITS.search(m.group()).start()
            if (_QTY_BEFORE.search(text, max(start, d0 - 16), d0) or _QTY_AFTER.match(text, m.end(), end)) and not prep:
                continue
            if _DIGIT_GROUP_AFTER.match(text, m.end(), end):
                continue  # "on 1800 555 0199": the first group of a phone number
        fut = future and not _FUTURE_WORDS.isdisjoint(low[max(start, c - 80):c].split())
        if not fut and kind == "wd" and not past and _CLOCK_BEFORE.search(low, max(start, c - 30), c):
            fut = True  # "gates open at 9 a.m. on Saturday": a timetable in the present reads forward
        if not fut and kind == "wd":
            fc = _FORWARD_CUE.search(low, max(start, c - 80), c)
            if fc is not None and not (fc.group().startswith("to") and
                                       _PAST_BEFORE_TO.search(low, max(start, fc.start() - 40), fc.start())):
                fut = True  # "ready to meet the unions on Tuesday", "would land on Thursday"
        possessive = kind == "month" and text.startswith(("'s ", "\u2019s "), m.end())  # "February's payroll gain"
        got = _resolve(m, published, fut, ref, prep, bool(peeled) or possessive, past, local_year)
        if got is None:
            continue
        period, precision, anchored = got
        m_end = m.end()
        if prep in ("between", "from") and precision == "day":
            rt = _DAY_RANGE_TAIL.match(text, m.end(), end)
            if rt is not None:
                # "between September 1 and 4", "from March 3 to March 9": one span of days
                mo2 = MONTHS.get(rt.group("m").lower().rstrip(".")) if rt.group("m") else period.start.month
                d2 = int(re.match(r"\d+", rt.group("d")).group())
                y2 = int(rt.group("y")) if rt.group("y") else period.start.year
                try:
                    last = date(y2, mo2, d2)
                except ValueError:
                    last = None
                if last is not None and last < period.start and not rt.group("y"):
                    last = date(y2 + 1, mo2, d2) if (mo2, d2) != (2, 29) else None
                if last is not None and 0 < (last - period.start).days <= 366:
                    period = Period(period.start, last, f"{period.start.isoformat()}/{last.isoformat()}", period.kind)
                    precision = "range"
                    m_end = rt.end()
        if prep == "between" and precision == "month":
            rm = _MONTH_RANGE_TAIL.match(text, m.end(), end)
            mo2 = MONTHS.get(rm.group("m").lower().rstrip(".")) if rm is not None else None
            if mo2 is not None:
                # "between March and April": a change over those months, dated by the later one
                y2 = period.start.year + (1 if mo2 < period.start.month else 0)
                last_day = date(y2 + (mo2 == 12), mo2 % 12 + 1, 1) - timedelta(days=1)
                months = (y2 - period.start.year) * 12 + mo2 - period.start.month + 1
                if 3 <= months <= 12:
                    # "9.2 million passengers between April and June": an amount over the whole span
                    period, precision, _ = _months_span(period.start.year, period.start.month, months, period.kind)
                else:
                    period = Period(date(y2, mo2, 1), last_day, f"{y2}-{mo2:02d}", period.kind)
                m_end = rm.end()
        if prep != "between" and precision == "month" and kind == "month":
            rm = _MONTH_TO_TAIL.match(text, m.end(), end)
            mo2 = MONTHS.get(rm.group("m").lower().rstrip(".")) if rm is not None else None
            if mo2 is not None:
                y2 = period.start.year + (1 if mo2 < period.start.month else 0)
                months = (y2 - period.start.year) * 12 + mo2 - period.start.month + 1
                if 3 <= months <= 12:
                    # "net profit of €265 million for January to June": the whole span
                    period, precision, _ = _months_span(period.start.year, period.start.month, months, period.kind)
                    m_end = rm.end()
        if prep in ("to", "through", "ended", "ending") and precision in ("day", "month"):
            sp = _SPAN_BEFORE.search(low, max(start, c - 50), c)
            n = (12 if sp.group("year") else _num(sp.group("n"))) if sp is not None else None
            weeks = sp is not None and (sp.group("u") or "").startswith("week")
            if weeks and n is not None and 1 <= n <= 53 and precision == "day":
                # "the 26 weeks to August 30": the span of weeks that ends that day
                first = period.end - timedelta(days=7 * n - 1)
                period = Period(first, period.end, f"{first.isoformat()}/{period.end.isoformat()}", period.kind)
                precision = "range"
                s0, prep = sp.start(), None
            elif not weeks and n is not None and 1 <= n <= 24:
                # "the three months to March 31": the span that ends then, not the day
                e_y, e_m = period.end.year, period.end.month
                if precision == "day" and period.end.day < 28:
                    e_y, e_m = _shift_month(e_y, e_m, -1)  # "the six months to June 15" ends in May's last full month
                y0, m0 = _shift_month(e_y, e_m, -(n - 1))
                period, precision, _ = _months_span(y0, m0, n, period.kind)
                s0, prep = sp.start(), None
        if prep == "since" and precision != "now":
            period = Period(period.start, published, f"{period.label}/{published.isoformat()}", period.kind)
        prev = low[max(start, s0 - 30):s0].split()[-1:]
        statement = bool(prev) and prev[0] in _STATEMENT_WORDS
        if not statement and precision != "now":
            after = low[m_end:min(end, m_end + 40)].replace(",", " ").split()[:2]
            statement = bool(after) and (after[0] in _STATEMENT_WORDS or len(after) > 1 and after[1] in _STATEMENT_WORDS
                                         and after[0] in ("he", "she", "they", "it", "officials"))
        out.append(Timex(s0, m_end, text[s0:m_end], period, precision, prep, anchored, statement,
                         fut and kind == "wd"))
        last_end = m_end
        if period.kind == "explicit" and precision in ("year", "month", "day", "quarter"):
            ref = local_year = period.start.year
    return out


def last_explicit_year(timexes: list[Timex]) -> int | None:
    """The latest explicit year among found expressions: the reference for "the previous year"."""
    for t in reversed(timexes):
        if t.period.kind == "explicit" and t.precision in ("year", "month", "day"):
            return t.period.start.year
    return None


def resolve(expression: str, published: date, reference: int | None = None) -> Period | None:
    """Resolve one time expression ("last month", "14/3", "in February last year").

    Returns None when the expression holds no time this module understands.
    """
    found = find_timexes(expression, published, reference=reference)
    return found[0].period if found else None
