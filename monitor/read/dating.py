"""When was an article published? Reading the date from the text itself.

Everything downstream (which claim is newer, what "last year" means) hangs on this date,
and scraped files rarely carry metadata, so the text is read the way an analyst would:

1. a dateline at the top ("LONDON, Feb 14 (Reuters) -", "WASHINGTON, March 3, 2024 —",
   a "Published 14 March 2024" line);
2. the latest explicit past date in the text ("Speaking on March 14", "on Thursday
   (14/3)"), its year taken from the year cues below and checked against any weekday
   written with it; with no year cue at all, the weekday picks the latest matching year
   up to the file's time;
3. otherwise a window: the year from a copyright line, from "this/last year" anchored to
   a stated year, or one after the latest bare past year mentioned ("figures for 2022"),
   narrowed by upcoming months and seasons ("leaders meet this summer", "in July" in a
   future clause); a day in it is chosen (see `_pick_in_window`) with low confidence.

No world knowledge is used: "more than two years into the invasion" dates nothing. Each
result says which rule decided and carries a note a person can check.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WD_INDEX = {w.lower(): i for i, w in enumerate(WEEKDAYS)}
_NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}

_M = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"

_MDY = re.compile(rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y>{_YEAR})(?!\d))?")
_DMY = re.compile(rf"(?:(?P<wd>{_WD}),?\s+)?(?<![\d.,])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_M})\b\.?(?:,?\s+(?P<y>{_YEAR})(?!\d))?")
_WD_NUMERIC = re.compile(rf"(?P<wd>{_WD}),?\s*\(?\s*(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})(?:[/.](?P<y>\d{{4}}|\d{{2}}))?\s*\)?(?!\d)")
_ISO = re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{_M})\.?,?\s+(?P<y>{_YEAR})(?!\d)")
_BARE_MONTH = re.compile(rf"\b(?P<pre>in|this|by|until|before|from|since|last|next|early|late|mid|end of)\s+(?P<mon>{_M})\b(?!\.?\s*\d)(?P<post>\s+(?:of\s+)?(?:last|next|this)\s+year)?")
_SEASON = re.compile(r"\b(?:this|later this|coming|next)\s+(spring|summer|autumn|fall)\b", re.I)
_YEAR_TOKEN = re.compile(rf"(?<![\d$€£.,/-])({_YEAR})(?![\d%])(?!\s*(?:million|billion|bn|m\b|km|mm|tonnes|people|troops|soldiers|members|shells))")
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|\bcopyright\b)\s*(?:©\s*)?(?:{_YEAR}\s*[-–]\s*)?(?P<y>{_YEAR})(?!\d)", re.I)
_ANCHORED = re.compile(
    rf"\b(?P<rel>this|last|next) year\s*\(\s*(?P<y1>{_YEAR})\s*\)|(?P<y2>{_YEAR})\s*\(\s*(?P<rel2>this|last|next) year\s*\)", re.I
)
_REL_MONTH_LAST_YEAR = re.compile(rf"\b(?P<mon>{_M})\s+(?:of\s+)?last year\b|\blast (?P<mon2>{_M})\b")
_YEARS_AGO = re.compile(r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s+years?\s+ago\b|\ba decade ago\b", re.I)
_STANDALONE_WD = re.compile(rf"\b(?P<wd>{_WD})\b")
_DATELINE = re.compile(
    rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'’ -]{{1,40}}?(?:,[ \t]*[A-Z][A-Za-z.'’ -]{{1,30}}?)?),[ \t]+"
    rf"(?:(?P<wd>{_WD}),?[ \t]+)?(?P<date>(?P<mon>{_M})\.?[ \t]+(?P<d>\d{{1,2}})(?:,?[ \t]+(?P<y>{_YEAR}))?|(?P<d2>\d{{1,2}})[ \t]+(?P<mon2>{_M})\.?(?:[ \t]+(?P<y2>{_YEAR}))?)"
    rf"[ \t]*(?:\((?P<agency>[^)\n]{{2,40}})\))?[ \t]*(?:--|—|–|-|:)",
    re.M,
)
_PUBLISHED_LINE = re.compile(
    rf"^[ \t]*(?:(?:first )?(?:published|posted|updated|last updated|date)\s*(?:on)?\s*:?\s*)?(?:(?:{_WD}),?\s+)?"
    rf"(?:(?P<mon>{_M})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{_YEAR})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_M})\.?,?\s+(?P<y2>{_YEAR})|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))"
    r"(?:[ ,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*$",
    re.M | re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|going to|would|upcoming|next|plans? to|planned|intends? to|aims? to|hopes? to|"
    r"(?:is|are) (?:set|due|scheduled|expected|slated|to be held)|takes? place|to be held|"
    r"when (?:\w+ ){0,3}(?:meet|gather|convene|visit|travel)s?)\b|'ll\b",
    re.I,
)
_BEFORE_WORD = re.compile(r"(\w+)\W*$")


@dataclass(frozen=True, slots=True)
class DateDecision:
    published: dt.date
    source: str  # front_matter | email_date | html_meta | dateline | text_date | copyright_year | relative_cues | mtime | unknown
    confidence: float
    note: str


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
    weekdays: list[tuple[int, str]] = field(default_factory=list)  # standalone past-tense weekdays
    pull: int = 0  # +1: later in the window, -1: earlier
    pull_why: str = ""
    later_this_month: bool = False
    earlier_this_month: bool = False


def _month(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _sentence_before(text: str, pos: int, limit: int = 160) -> str:
    start = max(0, pos - limit)
    seg = text[start:pos]
    cut = max(seg.rfind(". "), seg.rfind("\n"), seg.rfind("? "), seg.rfind("! "))
    return seg[cut + 1 :] if cut >= 0 else seg


def _sentence_around(text: str, pos: int) -> str:
    after = text[pos : pos + 160]
    cut = min([i for i in (after.find(". "), after.find("\n")) if i >= 0] or [len(after)])
    return _sentence_before(text, pos, 240) + after[:cut]


def is_future(text: str, pos: int) -> bool:
    """Does the clause leading up to `pos` speak of something still to come?"""
    return bool(_FUTURE.search(_sentence_before(text, pos)))


def _word_before(text: str, pos: int) -> str:
    m = _BEFORE_WORD.search(text[max(0, pos - 20) : pos])
    return m.group(1).lower() if m else ""


# ----------------------------------------------------------------------------- cues


def _mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(m: re.Match[str], month: int, day: int, year: int | None, wd: str | None) -> None:
        if not (1 <= month <= 12 and 1 <= day <= 31) or not free(*m.span()):
            return
        taken.append(m.span())
        found.append(Mention(m.start(), m.end(), m.group(0), month, day, year,
                             _WD_INDEX[wd.lower()] if wd else None, is_future(text, m.start())))

    for m in _WD_NUMERIC.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        y = int(m["y"]) if m["y"] else None
        if y is not None and y < 100:
            y += 2000
        # Day first unless that is impossible: "(14/3)" is the 14th of March.
        day, month = (a, b) if b <= 12 else (b, a)
        add(m, month, day, y, m["wd"])
    for m in _ISO.finditer(text):
        add(m, int(m["m"]), int(m["d"]), int(m["y"]), None)
    for rx in (_MDY, _DMY):
        for m in rx.finditer(text):
            add(m, _month(m["mon"]), int(m["d"]), int(m["y"]) if m["y"] else None, m["wd"])
    found.sort(key=lambda x: x.start)
    return found


def _year_cues(text: str, cues: Cues, mention_spans: list[tuple[int, int]]) -> None:
    copyright_years = [int(m["y"]) for m in _COPYRIGHT.finditer(text)]
    if copyright_years:
        cues.year, cues.year_strength = max(copyright_years), "copyright"
        cues.year_why = f"the copyright line says {cues.year}"
        return
    for m in _ANCHORED.finditer(text):
        y = int(m["y1"] or m["y2"])
        rel = (m["rel"] or m["rel2"]).lower()
        cues.year = y + {"this": 0, "last": 1, "next": -1}[rel]
        cues.year_strength = "anchored"
        cues.year_why = f"'{m.group(0)}' puts the article in {cues.year}"
        return
    anchored = _event_anchor(text)
    if anchored:
        cues.year, cues.year_why = anchored
        cues.year_strength = "anchored"
        return
    bare: list[int] = []
    dated: list[int] = []
    month_years = {m.start("y") for m in _MONTH_YEAR.finditer(text)}
    in_mentions = lambda p: any(a <= p < b for a, b in mention_spans)  # noqa: E731
    for m in _YEAR_TOKEN.finditer(text):
        p = m.start()
        if _word_before(text, p) in ("by", "until", "till", "through", "before", "to", "next") or is_future(text, p):
            continue
        if p in month_years or in_mentions(p):
            dated.append(int(m.group(1)))
        else:
            bare.append(int(m.group(1)))
    candidates = []
    if bare:
        candidates.append((max(bare) + 1, f"the latest year the text speaks of as past is {max(bare)}, so it was written in {max(bare) + 1} or later"))
    if dated:
        candidates.append((max(dated), f"the text dates an event in {max(dated)}"))
    if candidates:
        cues.year, cues.year_why = max(candidates)
        cues.year_strength = "bare_years"


def _content_words(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]{3,}", s.lower()) if w not in _STOP}


_STOP = frozenset("that this with from have were been their they there than when what which into also said says over after before about year last".split())


def _event_anchor(text: str) -> tuple[int, str] | None:
    """"the invasion in February last year" + "the invasion in February 2022" => 2023."""
    rel = list(_REL_MONTH_LAST_YEAR.finditer(text))
    if not rel:
        return None
    absolute = [(m, _content_words(text[max(0, m.start() - 60) : m.start()])) for m in _MONTH_YEAR.finditer(text)]
    for r in rel:
        month = _month(r["mon"] or r["mon2"])
        words = _content_words(text[max(0, r.start() - 60) : r.start()])
        for a, awords in absolute:
            if _month(a["mon"]) == month and len(words & awords) >= 2:
                y = int(a["y"]) + 1
                return y, f"'{r.group(0)}' and '{a.group(0)}' describe the same event, so the article is from {y}"
    return None


def _window(text: str, cues: Cues) -> None:
    y = cues.year
    if y is None:
        return
    lo, hi = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
    bounds: list[str] = []
    for m in _MONTH_YEAR.finditer(text):
        if int(m["y"]) != y:
            continue
        start = dt.date(y, _month(m["mon"]), 1)
        if is_future(text, m.start()):
            if lo < start < hi:
                hi = start
                bounds.append(f"'{m.group(0)}' is still to come")
        elif start > lo:
            lo = start
            bounds.append(f"'{m.group(0)}' is past")
    for m in _BARE_MONTH.finditer(text):
        pre = m["pre"].lower()
        if m["post"] or pre in ("last", "since", "from"):
            continue
        if pre in ("next",) or is_future(text, m.start()):
            start = dt.date(y, _month(m["mon"]), 1)
            if lo < start < hi:
                hi = start
                bounds.append(f"'{m.group(0)}' is still to come")
    for m in _SEASON.finditer(text):
        if is_future(text, m.start()) or m.group(0).lower().startswith(("later", "coming", "next")):
            start = dt.date(y, _SEASON_START[m.group(1).lower()], 1)
            if lo < start < hi:
                hi = start
                bounds.append(f"'{m.group(0)}' is still to come")
    if lo >= hi:
        lo, hi = dt.date(y, 1, 1), dt.date(y + 1, 1, 1)
        bounds = ["the month cues contradict each other and were ignored"]
    cues.lo, cues.hi, cues.bounds = lo, hi, bounds


def _pulls(text: str, cues: Cues) -> None:
    lowered = text.lower()
    cues.later_this_month = "later this month" in lowered
    cues.earlier_this_month = "earlier this month" in lowered
    if cues.year is None:
        return
    for m in _YEARS_AGO.finditer(text):
        n_text = (m["n"] or "ten").lower()
        n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS.get(n_text, 10)
        years = {int(y) for y in _YEAR_TOKEN.findall(_sentence_around(text, m.start()))}
        if len(years) != 1:
            continue
        then = years.pop()
        estimate = then + n
        if estimate != cues.year:
            cues.pull = 1 if estimate > cues.year else -1
            cues.pull_why = f"'{m.group(0)}' counted from {then} points to {estimate}, so {'late' if cues.pull > 0 else 'early'} in {cues.year}"
            return


def _standalone_weekdays(text: str, mentions: list[Mention]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for m in _STANDALONE_WD.finditer(text):
        if any(x.start <= m.start() < x.end for x in mentions):
            continue
        if _word_before(text, m.start()) in ("next", "until", "by") or is_future(text, m.start()):
            continue
        out.append((_WD_INDEX[m["wd"].lower()], m["wd"]))
    return out


def read_cues(text: str) -> Cues:
    """Collect the time cues of `text` (no decision yet)."""
    cues = Cues()
    cues.mentions = _mentions(text)
    _year_cues(text, cues, [(x.start, x.end) for x in cues.mentions])
    _window(text, cues)
    _pulls(text, cues)
    cues.weekdays = _standalone_weekdays(text, cues.mentions)
    return cues


# ----------------------------------------------------------------------------- rules


def _dateline(text: str, cues: Cues, reference: dt.date | None) -> DateDecision | None:
    head = text[:600]
    for m in _DATELINE.finditer(head):
        city = m["city"]
        if not (m["agency"] or m["y"] or m["y2"] or (city.isupper() and len(city) > 2)):
            continue
        month = _month(m["mon"] or m["mon2"])
        day = int(m["d"] or m["d2"])
        year_text = m["y"] or m["y2"]
        wd = _WD_INDEX[m["wd"].lower()] if m["wd"] else None
        if year_text:
            d = _safe_date(int(year_text), month, day)
            if d:
                return DateDecision(d, "dateline", 0.9, f"dateline '{m.group(0).strip()}'")
            continue
        resolved = _resolve_year(month, day, wd, cues, reference)
        if resolved:
            d, why = resolved
            return DateDecision(d, "dateline", 0.75, f"dateline '{m.group(0).strip()}', {why}")
    for m in _PUBLISHED_LINE.finditer(text[:800]):
        if m["iso"]:
            d = dt.date.fromisoformat(m["iso"])
        else:
            d = _safe_date(int(m["y"] or m["y2"]), _month(m["mon"] or m["mon2"]), int(m["d"] or m["d2"]))
        if d:
            return DateDecision(d, "dateline", 0.85, f"date line '{m.group(0).strip()}' at the top")
    return None


def _latest_matching_year(month: int, day: int, weekday: int, until: dt.date) -> dt.date | None:
    for y in range(until.year, until.year - 30, -1):
        d = _safe_date(y, month, day)
        if d and d <= until and d.weekday() == weekday:
            return d
    return None


def _resolve_year(month: int, day: int, weekday: int | None, cues: Cues, reference: dt.date | None) -> tuple[dt.date, str] | None:
    """Give a day and month without a year its year, or None with no way to tell."""
    if cues.year is not None:
        years = [cues.year] if cues.year_strength == "copyright" else [cues.year, cues.year - 1, cues.year + 1]
        for y in years:
            d = _safe_date(y, month, day)
            if d and (weekday is None or d.weekday() == weekday):
                why = f"year {y} because {cues.year_why}" if y == cues.year else f"year {y}, the nearest to {cues.year} on which it is a {WEEKDAYS[weekday or 0]}"
                return d, why
        return None
    if reference is None:
        return None
    if weekday is not None:
        d = _latest_matching_year(month, day, weekday, reference)
        if d:
            return d, f"year {d.year}, the latest year up to the file's date ({reference.isoformat()}) in which {d.day} {d.strftime('%B')} is a {WEEKDAYS[weekday]}"
        return None
    for y in (reference.year, reference.year - 1):
        d = _safe_date(y, month, day)
        if d and d <= reference:
            return d, f"year {y}, the latest such day up to the file's date ({reference.isoformat()})"
    return None


def _from_mentions(cues: Cues, reference: dt.date | None) -> tuple[DateDecision | None, list[str]]:
    notes: list[str] = []
    past: list[tuple[dt.date, Mention, str, bool]] = []
    future: list[dt.date] = []
    for x in cues.mentions:
        agrees = False
        if x.year is not None:
            d = _safe_date(x.year, x.month, x.day)
            why = "year written in the text"
        else:
            resolved = _resolve_year(x.month, x.day, x.weekday, cues, reference)
            d, why = resolved if resolved else (None, "")
        if d is None:
            if x.weekday is not None:
                notes.append(f"'{x.text}' fits no year the text allows ({WEEKDAYS[x.weekday]} does not agree); ignored")
            continue
        if x.weekday is not None:
            if d.weekday() != x.weekday:
                notes.append(f"'{x.text}': {d.isoformat()} is a {WEEKDAYS[d.weekday()]}, not a {WEEKDAYS[x.weekday]}; ignored")
                continue
            agrees = True
        if cues.year is not None and cues.year_strength == "copyright" and d.year != cues.year:
            continue  # an older event; the copyright year bounds the article
        if x.future:
            future.append(d)
        else:
            past.append((d, x, why, agrees))
    if not past:
        return None, notes
    limit = min(future) if future else None
    usable = [p for p in past if limit is None or p[0] <= limit] or past
    d, x, why, agrees = max(usable, key=lambda p: p[0])
    wd_names = {name for i, name in cues.weekdays if i == d.weekday()}
    if wd_names and not agrees:
        agrees = True
        why += f"; it is a {d.strftime('%A')}, as the text's '{wd_names.pop()}' says"
    confidence = 0.65 if x.year is not None else (0.55 if cues.year is not None else 0.45)
    if agrees:
        confidence += 0.1
    return DateDecision(d, "text_date", round(confidence, 2), f"latest past date in the text '{x.text.strip()}', {why}"), notes


def _pick_in_window(cues: Cues) -> tuple[dt.date, str, bool]:
    """A defensible day in [lo, hi): month-level answers start on the 1st, others sit mid-window.

    Returns (day, explanation, month_level).
    """
    assert cues.lo is not None and cues.hi is not None
    lo, hi = cues.lo, cues.hi
    last = hi - dt.timedelta(days=1)
    if cues.pull:
        month_start = dt.date(last.year, last.month, 1) if cues.pull > 0 else lo
        day = 1 if cues.later_this_month else (20 if cues.earlier_this_month else 15)
        picked = _safe_date(month_start.year, month_start.month, day) or month_start
        why = cues.pull_why + ("; 'later this month' puts it early in that month" if cues.later_this_month else "")
        return max(lo, min(picked, last)), why, True
    picked = lo + (hi - lo) / 2
    return picked, f"the middle of {lo.isoformat()}..{last.isoformat()}", (hi - lo).days <= 62


def _snap_to_weekday(d: dt.date, cues: Cues) -> tuple[dt.date, str]:
    if not cues.weekdays or cues.lo is None or cues.hi is None:
        return d, ""
    wd, name = cues.weekdays[0]
    for delta in (0, -1, 1, -2, 2, -3, 3):
        c = d + dt.timedelta(days=delta)
        if c.weekday() == wd and cues.lo <= c < cues.hi:
            return c, f", moved to a {name} as the text's '{name}' suggests"
    return d, ""


def from_text(text: str, *, reference: dt.date | None) -> tuple[DateDecision | None, list[str], Cues]:
    """Date an article from its text alone; `reference` (the file's date) only breaks ties
    when the text has no year at all. Returns the decision (or None), side notes, and the cues."""
    cues = read_cues(text)
    d = _dateline(text, cues, reference)
    if d:
        return d, [], cues
    decision, notes = _from_mentions(cues, reference)
    if decision:
        return decision, notes, cues
    if cues.year is None or cues.lo is None:
        return None, notes, cues
    picked, why, month_level = _pick_in_window(cues)
    picked, snap = _snap_to_weekday(picked, cues)
    bounds = f"; {', '.join(cues.bounds)}" if cues.bounds else ""
    if cues.year_strength == "copyright" and not cues.bounds and not cues.pull:
        return DateDecision(picked, "copyright_year", 0.3, f"{cues.year_why}; no month in the text: {why}{snap}"), notes, cues
    confidence = 0.3 if month_level else 0.2
    return DateDecision(picked, "relative_cues", confidence, f"{cues.year_why}{bounds}; {why}{snap}"), notes, cues


def in_window(d: dt.date, cues: Cues) -> bool:
    return cues.lo is not None and cues.hi is not None and cues.lo <= d < cues.hi


def decide(
    text: str,
    *,
    stated: tuple[str, dt.date, str] | None,
    mtime: dt.datetime | None,
) -> tuple[DateDecision, list[str]]:
    """The publication date by order of trust: stated metadata, the text, the file's time.

    `stated` is (rule, date, what) from front matter, an email Date header or HTML
    metadata. With no date anywhere and no file time, the article is still kept, dated
    1970-01-01 with source "unknown" and confidence 0 so nobody mistakes it for a real date.
    """
    if stated:
        rule, d, what = stated
        confidence = {"front_matter": 0.95, "email_date": 0.95, "html_meta": 0.9}.get(rule, 0.9)
        return DateDecision(d, rule, confidence, what), []
    reference = mtime.date() if mtime else None
    decision, notes, cues = from_text(text, reference=reference)
    if decision and reference and decision.source in ("copyright_year", "relative_cues") and in_window(reference, cues):
        why = f"the file's date {reference.isoformat()} falls inside what the text allows ({decision.note})"
        return DateDecision(reference, "mtime", 0.4, why), notes
    if decision:
        return decision, notes
    if reference:
        return DateDecision(reference, "mtime", 0.1, "no date in the text; the file's modification time was used"), notes
    return DateDecision(dt.date(1970, 1, 1), "unknown", 0.0, "no date in the text and no file time: placeholder 1970-01-01"), notes


def parse_stated(value: str) -> dt.date | None:
    """A date a person or a header wrote down: ISO, "14 March 2024" or "March 14, 2024"."""
    value = value.strip()
    m = _ISO.search(value)
    if m:
        return _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    for rx in (_MDY, _DMY):
        m = rx.search(value)
        if m and m["y"]:
            return _safe_date(int(m["y"]), _month(m["mon"]), int(m["d"]))
    return None
