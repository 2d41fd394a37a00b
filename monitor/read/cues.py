"""The time cues of an article's text, collected in a few passes.

Python's regex engine costs a few nanoseconds per character per pattern, and a dozen
patterns over every article would eat the ingest budget. So the text is scanned once
for each kind of anchor (month names, weekday names, four-digit years, future-tense
markers) with patterns that start on a literal character, and the detailed patterns
are then matched only at those anchors. `read_cues` returns what the text says about its
own time; `dating` decides the date from it.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WD_INDEX = {w.lower(): i for i, w in enumerate(WEEKDAYS)}
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}

M = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
YEAR = r"(?:19[5-9]\d|20\d\d)"

# Anchors: each starts on a literal so the scan is cheap.
_MONTH_HIT = re.compile(r"[JFMASOND](?:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec)")
_WEEKDAY_HIT = re.compile(r"[MTWFS][a-z]{2,5}day\b")
_YEAR_HIT = re.compile(r"(?:19|20)\d\d")
# Words that put a clause in the future; found with str.find, which is far cheaper than a regex scan.
_FUTURE_WORDS = (
    "will", "won't", "shall", "going to", "would", "upcoming", "next", "plan to", "plans to", "planned",
    "intend to", "intends to", "aim to", "aims to", "hope to", "hopes to", "is set", "are set", "is due", "are due",
    "is scheduled", "are scheduled", "is expected", "are expected", "is slated", "are slated", "to be held",
    "take place", "takes place", "'ll", "when",
)
_WHEN_MEET = re.compile(r"when (?:\w+ ){0,3}(?:meet|gather|convene|visit|travel)s?\b")

# Detailed patterns, matched at an anchor.
_MONTH_WORD = re.compile(rf"{M}\b")
_MDY_AT = re.compile(rf"(?P<mon>{M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y>{YEAR})(?!\d))?")
_MONTH_YEAR_AT = re.compile(rf"(?P<mon>{M})\.?,?\s+(?P<y>{YEAR})(?!\d)")
_MONTH_TAIL = re.compile(rf"(?P<mon>{M})\.?(?:,?\s+(?P<y>{YEAR})(?!\d))?")
_DAY_BEFORE = re.compile(r"(?<![\d.,])(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?$")
_WD_BEFORE = re.compile(rf"(?P<wd>{WD}),?\s+$")
_WORD_BEFORE = re.compile(r"(\w+)\W*$")
_LAST_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:last|next|this)\s+year\b")
_WD_NUMERIC_AT = re.compile(
    rf"(?P<wd>{WD}),?\s*(?:\(\s*(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})(?:[/.](?P<y>\d{{4}}|\d{{2}}))?\s*\)"
    rf"|(?P<a2>\d{{1,2}})/(?P<b2>\d{{1,2}})(?:/(?P<y2>\d{{4}}|\d{{2}}))?(?!\d))"
)
_NUMERIC_DAY_MONTH_BEFORE = re.compile(r"(?<![\d.,/-])[0-3]?\d([./-])[0-3]?\d\1$")
_ISO_AT = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
# What makes a four-digit number a quantity rather than a year: a percent sign, a scale word or
# unit, or a plural noun right after it ("2000 people", "1999 cases"); words ending in -s that
# follow years in running text ("in 2014 was", "since 2019 as") are not plurals.
_UNIT_AFTER = re.compile(
    r"\s*(?:%|(?:million|billion|trillion|bn|m|km|mm|kg|tonnes|per\s+cent|percent)\b"
    r"|people\b|children\b|men\b|women\b"
    r"|(?!(?:was|has|is|as|this|thus|its|his|less|unless|across|always|perhaps|plus|versus)\b)[a-z]{2,}s\b)"
)
# "©2024 Wire Ltd", "Copyright 2019-2024", and, on a line of its own, the owner first:
# "(c) Harbour Post 2025" (not in running text, where "copyright law passed in 2019" is no cue).
_COPYRIGHT = re.compile(
    rf"(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:{YEAR}\s*[-–]\s*)?(?P<y>{YEAR})(?!\d)"
    rf"|(?m:^[ \t]*)(?:©|\([cC]\)|(?i:copyright))[ \t]*[A-Z][\w&.'’-]{{0,30}}(?:[ \t]+[\w&.'’-]{{1,30}}){{0,4}}[ \t,]+"
    rf"(?:{YEAR}[ \t]*[-–][ \t]*)?(?P<y2>{YEAR})(?!\d)(?:[.,;]?[ \t]+(?i:all rights reserved)\.?)?[ \t.]*$", re.MULTILINE)
_ANCHORED = re.compile(rf"(?P<rel>this|last|next) year\s*\(\s*(?P<y1>{YEAR})\s*\)|(?P<y2>{YEAR})\s*\(\s*(?P<rel2>this|last|next) year\s*\)")
_YEARS_AGO = re.compile(r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+years?\s+ago\b|\ba decade ago\b")
_SEASON_BEFORE = re.compile(r"\b(?:this|later this|coming|next)\s+$")
_CONTENT_WORD = re.compile(r"[a-z][a-z-]{3,}")
_STOP = frozenset(["that", "this", "with", "from", "have", "were", "been", "their", "they", "there", "than", "when", "what", "which", "into", "also", "said", "says", "over", "after", "before", "about", "year", "last"])
_BEFORE_YEAR_NOT_PAST = frozenset({"by", "until", "till", "through", "before", "to", "next"})
# Words before a month name (no year) that can introduce an upcoming month: "in July", "by May".
_UPCOMING_MONTH_PRE = frozenset({"in", "this", "by", "until", "before", "next", "early", "late", "mid"})


def month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


@dataclass(slots=True)
class Mention:
    """An explicit day-precision date written in the text."""

    start: int
    end: int
    text: str
    month: int
    day: int
    year: int | None
    weekday: int | None
    future: bool


@dataclass(slots=True)
class Cues:
    """Everything the text says about its own time, before a date is chosen."""

    year: int | None = None
    year_why: str = ""
    year_strength: str = ""  # copyright | anchored | bare_years
    lo: dt.date | None = None  # publication is on or after lo
    hi: dt.date | None = None  # and before hi
    bounds: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    weekdays: list[tuple[int, str]] = field(default_factory=list)  # standalone weekdays in past clauses
    weekday_at: list[tuple[int, int]] = field(default_factory=list)  # (position, weekday) of those, for datelines
    written_years: list[int] = field(default_factory=list)  # every year written as a year, past or future
    until: dt.date | None = None  # the file's date, when the text does not contradict it: nothing is published later
    pull: int = 0  # +1: late in the window, -1: early
    pull_why: str = ""
    later_this_month: bool = False
    earlier_this_month: bool = False


@dataclass(slots=True)
class _Month:
    start: int
    end: int
    month: int
    text: str
    year: int | None  # "February 2022"
    future: bool
    pre: str  # the word before
    relative_year: bool  # "February last year"


class _Scan:
    """The text with its anchors found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.low = text.lower()
        self.future_marks = self._future_marks()
        self.numeric_date_years: list[int] = []

    def _future_marks(self) -> list[int]:
        low, n = self.low, len(self.low)
        marks: list[int] = []
        for word in _FUTURE_WORDS:
            pos = low.find(word)
            while pos >= 0:
                end = pos + len(word)
                starts = pos == 0 or not low[pos - 1].isalpha() or word[0] == "'"
                ends = end >= n or not low[end].isalpha()
                if starts and ends and (word != "when" or _WHEN_MEET.match(low, pos)):
                    marks.append(pos)
                pos = low.find(word, end)
        marks.sort()
        return marks

    def sentence_start(self, pos: int, limit: int = 160) -> int:
        lo = max(0, pos - limit)
        t = self.text
        cut = max(t.rfind(". ", lo, pos), t.rfind("\n", lo, pos), t.rfind("? ", lo, pos), t.rfind("! ", lo, pos))
        return cut + 1 if cut >= 0 else lo

    def is_future(self, pos: int) -> bool:
        """Does the clause leading up to `pos` speak of something still to come?"""
        start = self.sentence_start(pos)
        i = bisect.bisect_left(self.future_marks, start)
        return i < len(self.future_marks) and self.future_marks[i] < pos

    def word_before(self, pos: int) -> str:
        m = _WORD_BEFORE.search(self.low, max(0, pos - 20), pos)
        return m.group(1) if m else ""

    def sentence_around(self, pos: int) -> str:
        t = self.text
        ends = [i for i in (t.find(". ", pos, pos + 200), t.find("\n", pos, pos + 200)) if i >= 0]
        return t[self.sentence_start(pos, 240) : min(ends) if ends else pos + 200]


def _scan_months(s: _Scan, found: list[Mention], taken: list[tuple[int, int]]) -> list[_Month]:
    text = s.text
    months: list[_Month] = []
    for hit in _MONTH_HIT.finditer(text):
        pos = hit.start()
        if pos and text[pos - 1].isalpha():
            continue
        if not _MONTH_WORD.match(text, pos):
            continue
        wd_m = _WD_BEFORE.search(text, max(0, pos - 12), pos)
        m = _MDY_AT.match(text, pos)
        if m:
            start = wd_m.start() if wd_m else pos
            _add(s, found, taken, start, m.end(), month_number(m["mon"]), int(m["d"]), int(m["y"]) if m["y"] else None, wd_m["wd"] if wd_m else None)
            continue
        d_m = _DAY_BEFORE.search(text, max(0, pos - 10), pos)
        tail = _MONTH_TAIL.match(text, pos)
        assert tail is not None
        if d_m:
            wd_m = _WD_BEFORE.search(text, max(0, d_m.start() - 12), d_m.start())
            start = wd_m.start() if wd_m else d_m.start()
            _add(s, found, taken, start, tail.end(), month_number(tail["mon"]), int(d_m["d"]), int(tail["y"]) if tail["y"] else None, wd_m["wd"] if wd_m else None)
            continue
        my = _MONTH_YEAR_AT.match(text, pos)
        end = my.end() if my else tail.end()
        months.append(_Month(
            pos, end, month_number(tail["mon"]), text[pos:end], int(my["y"]) if my else None,
            s.is_future(pos), s.word_before(pos), bool(_LAST_YEAR_AFTER.match(text, end)),
        ))
    return months


def _add(s: _Scan, found: list[Mention], taken: list[tuple[int, int]], start: int, end: int,
         month: int, day: int, year: int | None, wd: str | None) -> None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return
    if any(not (end <= a or start >= b) for a, b in taken):
        return
    taken.append((start, end))
    found.append(Mention(start, end, s.text[start:end], month, day, year, WD_INDEX[wd.lower()] if wd else None, s.is_future(start)))


def _scan_weekdays(s: _Scan, found: list[Mention], taken: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Weekday-numeric dates ("Thursday (14/3)") into `found`; other weekdays returned."""
    text = s.text
    plain: list[tuple[int, int, str]] = []
    for hit in _WEEKDAY_HIT.finditer(text):
        name = hit.group(0)
        if name.lower() not in WD_INDEX or (hit.start() and text[hit.start() - 1].isalpha()):
            continue
        m = _WD_NUMERIC_AT.match(text, hit.start())
        if m:
            a, b = int(m["a"] or m["a2"]), int(m["b"] or m["b2"])
            y = int(m["y"] or m["y2"]) if (m["y"] or m["y2"]) else None
            if y is not None and y < 100:
                y += 2000
            day, month = (a, b) if b <= 12 else (b, a)  # day first unless impossible: "(14/3)"
            _add(s, found, taken, m.start(), m.end(), month, day, y, m["wd"])
            continue
        plain.append((hit.start(), WD_INDEX[name.lower()], name))
    return plain


def _scan_years(s: _Scan, found: list[Mention], taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ISO dates into `found`; other plausible years returned as (position, year)."""
    text = s.text
    years: list[tuple[int, int]] = []
    for hit in _YEAR_HIT.finditer(text):
        pos, end = hit.start(), hit.end()
        before = text[pos - 1] if pos else " "
        if before in "./-" and _NUMERIC_DAY_MONTH_BEFORE.search(text, max(0, pos - 6), pos):
            s.numeric_date_years.append(int(hit.group(0)))  # "17/09/2025": a year written, not a bare year cue
            continue
        if before.isalnum() or before in "$€£.,/-" or (end < len(text) and text[end].isdigit()):
            continue
        iso = _ISO_AT.match(text, pos) if text[end : end + 1] == "-" else None
        if iso:
            _add(s, found, taken, pos, iso.end(), int(iso["m"]), int(iso["d"]), int(iso["y"]), None)
            continue
        y = int(hit.group(0))
        if y < 1950 or _UNIT_AFTER.match(text, end):
            continue
        years.append((pos, y))
    return years


def _content_words(s: str) -> set[str]:
    return {w for w in _CONTENT_WORD.findall(s.lower()) if w not in _STOP}


def _year_cues(s: _Scan, cues: Cues, years: list[tuple[int, int]], months: list[_Month]) -> None:
    """The article's year from what it says; years after `cues.until` are not past from where it stands."""
    text, low = s.text, s.low
    if "©" in text or "(c)" in low or "copyright" in low:
        found = [int(m["y"] or m["y2"]) for m in _COPYRIGHT.finditer(text)]
        if found:
            cues.year, cues.year_strength = max(found), "copyright"
            cues.year_why = f"the copyright line says {cues.year}"
            return
    if "year (" in low or "year)" in low:
        for m in _ANCHORED.finditer(low):
            y = int(m["y1"] or m["y2"])
            cues.year = y + {"this": 0, "last": 1, "next": -1}[m["rel"] or m["rel2"]]
            cues.year_strength = "anchored"
            cues.year_why = f"'{text[m.start():m.end()]}' puts the article in {cues.year}"
            return
    # "the invasion in February last year" + "the invasion in February 2022" => 2023
    relative = [m for m in months if m.relative_year or m.pre == "last"]
    absolute = [m for m in months if m.year is not None]
    for r in relative:
        words = _content_words(text[max(0, r.start - 60) : r.start])
        for a in absolute:
            if a.month == r.month and len(words & _content_words(text[max(0, a.start - 60) : a.start])) >= 2:
                cues.year, cues.year_strength = a.year + 1, "anchored"  # type: ignore[operator]
                cues.year_why = f"'{r.text}' (last year) and '{a.text}' describe the same event, so the article is from {cues.year}"
                return
    in_mention = [(x.start, x.end) for x in cues.mentions]
    month_year_pos = {m.end - 4 for m in months if m.year is not None}
    bare: list[int] = []
    dated: list[int] = []
    for pos, y in years:
        if s.word_before(pos) in _BEFORE_YEAR_NOT_PAST or s.is_future(pos):
            continue
        if pos in month_year_pos or any(a <= pos < b for a, b in in_mention):
            dated.append(y)
        else:
            bare.append(y)
    if cues.until is not None:
        bare = [y for y in bare if y <= cues.until.year]
        dated = [y for y in dated if y <= cues.until.year]
    candidates: list[tuple[int, str]] = []
    if bare:
        top = max(bare)
        if cues.until is not None and top >= cues.until.year:
            candidates.append((top, f"the latest year the text speaks of as past is {top}, the year of the file's date, which it cannot postdate"))
        else:
            candidates.append((top + 1, f"the latest year the text speaks of as past is {top}, so it was written in {top + 1} or later"))
    if dated:
        candidates.append((max(dated), f"the text dates an event in {max(dated)}"))
    if candidates:
        cues.year, cues.year_why = max(candidates)
        cues.year_strength = "bare_years"


def _window(s: _Scan, cues: Cues, months: list[_Month]) -> None:
    y = cues.year
    if y is None:
        return
    lo, hi = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    bounds: list[str] = []

    def upper(start: dt.date, what: str) -> None:
        nonlocal hi
        if lo < start < hi:
            hi = start
            bounds.append(f"'{what}' is still to come")

    for m in months:
        if m.year is not None:
            if m.year != y:
                continue
            start = dt.date(y, m.month, 1)
            if m.future:
                upper(start, m.text)
            elif start > lo:
                lo = start
                bounds.append(f"'{m.text}' is past")
        elif not m.relative_year and m.pre in _UPCOMING_MONTH_PRE and (m.pre == "next" or m.future):
            upper(dt.date(y, m.month, 1), f"{m.pre} {m.text}")
    for season, month in _SEASON_START.items():
        pos = s.low.find(season)
        while pos >= 0:
            m = _SEASON_BEFORE.search(s.low, max(0, pos - 16), pos)
            if m and (s.is_future(pos) or m.group(0).startswith(("later", "coming", "next"))):
                upper(dt.date(y, month, 1), s.text[m.start() : pos + len(season)])
            pos = s.low.find(season, pos + len(season))
    if lo >= hi:
        lo, hi = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
        bounds = ["the month cues contradict each other and were ignored"]
    cues.lo, cues.hi, cues.bounds = lo, hi, bounds


def _pulls(s: _Scan, cues: Cues) -> None:
    cues.later_this_month = "later this month" in s.low
    cues.earlier_this_month = "earlier this month" in s.low
    if cues.year is None or " ago" not in s.low:
        return
    for m in _YEARS_AGO.finditer(s.low):
        n_text = m["n"] or "ten"
        n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS.get(n_text, 10)
        sentence = s.sentence_around(m.start())
        years = {int(x.group(0)) for x in _YEAR_HIT.finditer(sentence)}
        if len(years) != 1:
            continue
        then = years.pop()
        estimate = then + n
        if estimate != cues.year:
            cues.pull = 1 if estimate > cues.year else -1
            side = "late" if cues.pull > 0 else "early"
            cues.pull_why = f"'{s.text[m.start():m.end()]}' counted from {then} points to {estimate}, so {side} in {cues.year}"
            return


def read_cues(text: str, *, until: dt.date | None = None) -> Cues:
    """Collect the time cues of `text` (no decision yet).

    `until` is the file's date: an article is not published after its file was written, so
    later years are not the article's. A file's date earlier than a past date the text
    writes in full (a copy stamped 1980-01-01 by an archive) bounds nothing and is dropped.
    """
    s = _Scan(text)
    cues = Cues()
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    plain_weekdays = _scan_weekdays(s, found, taken)
    years = _scan_years(s, found, taken)
    months = _scan_months(s, found, taken)
    found.sort(key=lambda x: x.start)
    cues.mentions = found
    if until is not None and not any(x.year is not None and not x.future and (safe_date(x.year, x.month, x.day) or until) > until for x in found):
        cues.until = until
    cues.written_years = sorted({y for _, y in years} | {x.year for x in found if x.year is not None} | set(s.numeric_date_years))
    _year_cues(s, cues, years, months)
    _window(s, cues, months)
    _pulls(s, cues)
    for pos, wd, name in plain_weekdays:
        if any(x.start <= pos < x.end for x in found):
            continue
        if s.word_before(pos) in ("next", "until", "by") or s.is_future(pos):
            continue
        cues.weekdays.append((wd, name))
        cues.weekday_at.append((pos, wd))
    return cues
