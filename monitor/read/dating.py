"""When was an article published? Reading the date from the text itself.

Everything downstream (which claim is newer, what "last year" means) hangs on this date,
and scraped files rarely carry metadata, so the text is read the way an analyst would:

1. a dateline at the top ("WASHINGTON, March 3, 2024 —"), a date in the header ("Published
   14 March 2024", "*Updated 13.06.2025 18:02*", "Desk | 24/07/2025 | By ..."), or a dateline
   without a year ("LONDON, Feb 14 (Reuters) -") whose year comes from the text: the same day
   written in full, a copyright year, the weekdays of its lead, the latest year written. The
   file's time is no evidence of the year: files are copied, so it is often the day of the run;
   it only bounds the date from above;
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
from dataclasses import dataclass

from monitor.read.cues import (
    WD,
    WD_INDEX,
    WEEKDAYS,
    YEAR,
    Cues,
    M,
    Mention,
    month_number,
    read_cues,
    safe_date,
)

_M, _WD, _YEAR, _WD_INDEX = M, WD, YEAR, WD_INDEX
# "Mon 20 Jul 2026 | 12:20": a header line may shorten the weekday
_WD_SHORT = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_MDY = re.compile(rf"(?P<mon>{_M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})(?!\d)")
_DMY = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_M})\.?,?\s+(?P<y>{_YEAR})(?!\d)")
_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_DATELINE = re.compile(
    rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'’ -]{{1,40}}?(?:,[ \t]*[A-Z][A-Za-z.'’ -]{{1,30}}?)?),[ \t]+"
    rf"(?:(?P<wd>{_WD}),?[ \t]+)?(?P<date>(?P<mon>{_M})\.?[ \t]+(?P<d>\d{{1,2}})(?:,?[ \t]+(?P<y>{_YEAR}))?|(?P<d2>\d{{1,2}})[ \t]+(?P<mon2>{_M})\.?(?:[ \t]+(?P<y2>{_YEAR}))?)"
    rf"[ \t]*(?:\((?P<agency>[^)\n]{{2,40}})\))?[ \t]*(?:--|—|–|-|:)",
    re.MULTILINE,
)
# A date written with numbers only: "17/09/2025", "19.09.2025", "7-3-2024" (which number is the
# day is decided by `_read_numeric`).
_NUM = r"[0-3]?\d(?P<sep>[./-])[0-3]?\d(?P=sep)(?:19|20)\d\d"
_NUMERIC_DATE = re.compile(r"(?P<a>[0-3]?\d)(?P<sep>[./-])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)")
# A line (or a header part) that is nothing but a date: an optional "Published"/"Updated" prefix,
# an optional weekday, the date, an optional time ("21:05", "at 5.02 pm CET").
_PUBLISHED_LINE = re.compile(
    rf"^[ \t]*(?:(?:first )?(?:published|posted|updated|last updated|date)\s*(?:on)?\s*:?\s*)?(?:(?:{_WD}|{_WD_SHORT}),?\s+)?"
    rf"(?:(?P<mon>{_M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_M})\.?,?\s+(?P<y2>{_YEAR})"
    rf"|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)|(?P<num>{_NUM}))"
    r"(?:[ ,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# Markdown emphasis or list marks around a header line or part: "*Updated 13.06.2025*", "**Desk**".
_EMPHASIS = re.compile(r"^[\s*_>]+|[\s*_]+$")

# A byline or header line made of short parts ("Continental Wire | Thursday, 18 September 2025",
# "By Ana Ruiz · 14.07.2025 · 08:40"): each part is tried as a date on its own.
_LINE_PARTS = re.compile(r"\s+[|\u00b7\u2022/]\s+|\s+[\u2013\u2014-]{1,2}\s+")
# Evidence of how an article orders day and month: unambiguous numeric dates ("24/07/2025",
# "07/24/2025") and spelled ones ("24 July" vs "July 24").
_SLASH_DATE = re.compile(r"(?<![\d/])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?:19|20)\d\d(?!\d)")
_DAY_MONTH_WORDS = re.compile(rf"(?<![\d,.])\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_M}\b")
_MONTH_DAY_WORDS = re.compile(rf"\b{_M}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?![\d:])")


def _strip_emphasis(s: str) -> str:
    return _EMPHASIS.sub("", s).rstrip(",")


def _day_first_in(text: str) -> tuple[bool, str]:
    """How `text` orders day and month, for a slashed date that reads both ways ("03/04/2025").

    Unambiguous slashed dates in the article decide first, then spelled-out dates ("3 April"
    against "April 3"); with no evidence, day first, as most of the world writes dates.
    """
    votes = 0
    for m in _SLASH_DATE.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        votes += (a > 12 >= b) - (b > 12 >= a)
    if votes:
        return votes > 0, "as the article's other numeric dates are" if votes > 0 else "as the article's other numeric dates are (month first)"
    dm, md = len(_DAY_MONTH_WORDS.findall(text)), len(_MONTH_DAY_WORDS.findall(text))
    if dm != md:
        return dm > md, "as the article writes dates day before month" if dm > md else "as the article writes dates month before day"
    return True, "day first by default"


def _read_numeric(a: int, b: int, y: int, sep: str, text: str) -> tuple[dt.date | None, str]:
    """Read a numeric date "a/b/y" (or with dots or dashes); returns the date and how it was read.

    A number over 12 cannot be the month, so "17/09/2025" is day first and "07/24/2025" month
    first (the US order, the only possible reading). When both could be months, dots and
    dashes mean day first (that is how those notations are used); slashes follow the article's
    other dates (`_day_first_in`), and are read day first when the article gives no evidence.
    """
    if a > 12 >= b:
        return safe_date(y, b, a), f" (day first: {a} cannot be a month)"
    if b > 12 >= a:
        return safe_date(y, a, b), f" (month first: {b} cannot be a month)"
    if a > 12 or a == b:  # no reading at all, or both readings the same day
        return safe_date(y, b, a), ""
    if sep != "/":
        return safe_date(y, b, a), " (numbers read day first)"
    day_first, why = _day_first_in(text)
    if day_first:
        return safe_date(y, b, a), f" (numbers read day first, {why})"
    return safe_date(y, a, b), f" (numbers read month first, {why})"


def _line_date(line: str, text: str) -> tuple[dt.date, str] | None:
    """A header line or part that is only a date, with the note on how numbers were read."""
    m = _PUBLISHED_LINE.fullmatch(_strip_emphasis(line))
    if not m:
        return None
    if m["iso"]:
        return dt.date.fromisoformat(m["iso"]), ""
    if m["num"]:
        n = _NUMERIC_DATE.fullmatch(m["num"])
        assert n is not None
        d, how = _read_numeric(int(n["a"]), int(n["b"]), int(n["y"]), n["sep"], text)
        return (d, how) if d else None
    d = safe_date(int(m["y"] or m["y2"]), month_number(m["mon"] or m["mon2"]), int(m["d"] or m["d2"]))
    return (d, "") if d else None


def _header_date(text: str) -> "DateDecision | None":
    """The date in the article's header: a line that is a date ("Published 17/09/2025 21:05",
    "*Updated 13.06.2025*") or a part of a header line of short parts ("Desk | 24/07/2025",
    "April 24, 2025 · 5:02 PM · Wire"). The first header line with a date wins."""
    head = text[:800]
    lines = head.splitlines()
    if len(text) > len(head) and lines and not head.endswith("\n"):
        lines = lines[:-1]  # cut in the middle: not a whole line
    offset = 0
    for i, raw in enumerate(lines):
        line = raw.strip()
        at, offset = offset, offset + len(raw) + 1
        if not line:
            continue
        whole = _line_date(line, text)
        if whole:
            return DateDecision(whole[0], "dateline", 0.85, f"date line '{line}' at the top{whole[1]}")
        if i >= 8 or at >= 600:
            continue
        parts = _LINE_PARTS.split(_strip_emphasis(line))
        if len(parts) < 2 or any(len(p) > 60 for p in parts):
            continue
        for part in parts:
            found = _line_date(part, text)
            if found:
                return DateDecision(found[0], "dateline", 0.85, f"date in the header line '{line}'{found[1]}")
    return None


@dataclass(frozen=True, slots=True)
class DateDecision:
    published: dt.date
    source: str  # front_matter | email_date | html_meta | dateline | text_date | copyright_year | relative_cues | mtime | unknown
    confidence: float
    note: str


# ----------------------------------------------------------------------------- rules


def _dateline(text: str, cues: Cues, reference: dt.date | None) -> DateDecision | None:
    """A dateline with its year, else a date in the header, else a dateline whose year is inferred.

    A header date ("Published 24/07/2025") outranks the year-less dateline below it ("ELDRIDGE,
    July 24 (Wire) -"): it states the year the dateline leaves out.
    """
    head = text[:600]
    yearless: list[re.Match[str]] = []
    for m in _DATELINE.finditer(head):
        city = m["city"]
        if not (m["agency"] or m["y"] or m["y2"] or (city.isupper() and len(city) > 2)):
            continue
        year_text = m["y"] or m["y2"]
        if not year_text:
            yearless.append(m)
            continue
        d = safe_date(int(year_text), month_number(m["mon"] or m["mon2"]), int(m["d"] or m["d2"]))
        if d:
            return DateDecision(d, "dateline", 0.9, f"dateline '{m.group(0).strip()}'")
    header = _header_date(text)
    if header:
        return header
    for m in yearless:
        month, day = month_number(m["mon"] or m["mon2"]), int(m["d"] or m["d2"])
        wd = _WD_INDEX[m["wd"].lower()] if m["wd"] else None
        resolved = _dateline_year(text, m, month, day, wd, cues, reference)
        if resolved:
            d, why = resolved
            return DateDecision(d, "dateline", 0.75, f"dateline '{m.group(0).strip()}', {why}")
    return None


# How far back a weekday may place a year-less dateline: a day and month falls on every weekday
# within eleven years.
_WEEKDAY_YEARS = 11
# The dateline's own paragraph is its lead; weekdays in the opening decide which day the story
# was filed on (events on Saturday, statements "on Sunday": filed on Sunday).
_LEAD_CHARS, _OPENING_CHARS = 500, 1500


def _weekday_year(text: str, m: re.Match[str], month: int, day: int, cues: Cues, until: dt.date) -> tuple[dt.date, str] | None:
    """The year in which the dateline's day agrees with the weekdays of the opening sentences.

    A wire story's lead names the day of its main event ("cut its rate on Wednesday"); the story
    is filed that day or the day after. Of the years (up to `until`) whose date falls on the
    lead's weekday or the day after it, the one where every weekday named in the opening lies
    closest before the dateline wins, then the latest.
    """
    paragraph_end = text.find("\n\n", m.end())
    lead_end = min(m.end() + _LEAD_CHARS, paragraph_end if paragraph_end >= 0 else len(text))
    lead = {w for pos, w in cues.weekday_at if m.end() <= pos < lead_end}
    if not lead:
        return None
    opening = lead | {w for pos, w in cues.weekday_at if m.end() <= pos < m.end() + _OPENING_CHARS}
    best: tuple[int, int, dt.date] | None = None
    for y in range(until.year, until.year - _WEEKDAY_YEARS, -1):
        d = safe_date(y, month, day)
        if d is None or d > until:
            continue
        if not any((d.weekday() - w) % 7 in (0, 1) for w in lead):
            continue
        span = max((d.weekday() - w) % 7 for w in opening)
        if best is None or (span, -y) < (best[0], -best[1]):
            best = (span, y, d)
    if best is None:
        return None
    d = best[2]
    names = ", ".join(WEEKDAYS[w] for w in sorted(opening))
    return d, f"year {d.year}: {d.day} {d.strftime('%B')} is a {WEEKDAYS[d.weekday()]} then, which fits the weekdays the opening names ({names})"


def _dateline_year(text: str, m: re.Match[str], month: int, day: int, weekday: int | None, cues: Cues,
                   reference: dt.date | None) -> tuple[dt.date, str] | None:
    """Give a year-less dateline its year from the text; the file's date only as a last resort.

    In order: a full date in the text with the same day and month; a copyright or anchored
    year ("this year (2016)"); a weekday written in the dateline, or the weekdays of the lead
    (`_weekday_year`); the latest year written in the text that is not after the file's date;
    the file's date. Nothing after the file's date is chosen: an article cannot be published
    after its file was written (`cues.until`: the file's date unless the text contradicts it).
    """
    bound = cues.until

    def fits(d: dt.date | None) -> bool:
        return d is not None and (weekday is None or d.weekday() == weekday) and (bound is None or d <= bound)

    for x in cues.mentions:
        if x.year is not None and (x.month, x.day) == (month, day) and fits(safe_date(x.year, month, day)):
            return dt.date(x.year, month, day), f"year {x.year} from '{x.text.strip()}' in the text"
    if cues.year is not None and cues.year_strength in ("copyright", "anchored"):
        return _resolve_year(month, day, weekday, cues, reference)
    written = [y for y in cues.written_years if bound is None or y <= bound.year]
    until = bound or (dt.date(max(written), 12, 31) if written else None)
    if until is None:
        return None
    if weekday is not None:
        d = _latest_matching_year(month, day, weekday, until)
        if d:
            return d, f"year {d.year}, the latest year up to {until.isoformat()} in which {d.day} {d.strftime('%B')} is a {WEEKDAYS[weekday]}"
        return None
    by_weekday = _weekday_year(text, m, month, day, cues, until)
    if by_weekday:
        return by_weekday
    for y in sorted(written, reverse=True):
        d = safe_date(y, month, day)
        if fits(d):
            assert d is not None
            return d, f"year {y}, the latest year written in the text" + (f" up to the file's date ({bound.isoformat()})" if bound else "")
    if bound is None:
        return None
    for y in (bound.year, bound.year - 1):
        d = safe_date(y, month, day)
        if d and d <= bound:
            return d, f"year {y}: the text gives none, the latest such day up to the file's date ({bound.isoformat()})"
    return None


def _latest_matching_year(month: int, day: int, weekday: int, until: dt.date) -> dt.date | None:
    for y in range(until.year, until.year - 30, -1):
        d = safe_date(y, month, day)
        if d and d <= until and d.weekday() == weekday:
            return d
    return None


def _resolve_year(month: int, day: int, weekday: int | None, cues: Cues, reference: dt.date | None) -> tuple[dt.date, str] | None:
    """Give a day and month without a year its year, or None with no way to tell."""
    if cues.year is not None:
        years = [cues.year] if cues.year_strength == "copyright" else [cues.year, cues.year - 1, cues.year + 1]
        for y in years:
            d = safe_date(y, month, day)
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
        d = safe_date(y, month, day)
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
            d = safe_date(x.year, x.month, x.day)
            why = "year written in the text"
        else:
            resolved = _resolve_year(x.month, x.day, x.weekday, cues, reference)
            d, why = resolved if resolved else (None, "")
        if d is None:
            if x.weekday is not None:
                notes.append(f"'{x.text}' is not a {WEEKDAYS[x.weekday]} in any year the text allows; ignored")
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
        picked = safe_date(month_start.year, month_start.month, day) or month_start
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
    cues = read_cues(text, until=reference)
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
    """A date a person or a header wrote down: ISO, "14 March 2024", "March 14, 2024" or numeric
    ("17/09/2025", read as `_read_numeric` reads header dates: day first when both could be months)."""
    value = value.strip()
    m = _ISO.search(value)
    if m:
        return safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    n = _NUMERIC_DATE.match(value)
    if n:
        return _read_numeric(int(n["a"]), int(n["b"]), int(n["y"]), n["sep"], "")[0]
    for rx in (_MDY, _DMY):
        m = rx.search(value)
        if m and m["y"]:
            return safe_date(int(m["y"]), month_number(m["mon"]), int(m["d"]))
    return None
