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
_MDY = re.compile(rf"(?P<mon>{_M})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})(?!\d)")
_DMY = re.compile(rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_M})\.?,?\s+(?P<y>{_YEAR})(?!\d)")
_ISO = re.compile(r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)")
_DATELINE = re.compile(
    rf"^[ \t]*(?P<city>[A-Z][A-Za-z.'’ -]{{1,40}}?(?:,[ \t]*[A-Z][A-Za-z.'’ -]{{1,30}}?)?),[ \t]+"
    rf"(?:(?P<wd>{_WD}),?[ \t]+)?(?P<date>(?P<mon>{_M})\.?[ \t]+(?P<d>\d{{1,2}})(?:,?[ \t]+(?P<y>{_YEAR}))?|(?P<d2>\d{{1,2}})[ \t]+(?P<mon2>{_M})\.?(?:[ \t]+(?P<y2>{_YEAR}))?)"
    rf"[ \t]*(?:\((?P<agency>[^)\n]{{2,40}})\))?[ \t]*(?:--|—|–|-|:)",
    re.MULTILINE,
)
_PUBLISHED_LINE = re.compile(
    rf"^[ \t]*(?:(?:first )?(?:published|posted|updated|last updated|date)\s*(?:on)?\s*:?\s*)?(?:(?:{_WD}),?\s+)?"
    rf"(?:(?P<mon>{_M})\.?\s+(?P<d>\d{{1,2}}),?\s+(?P<y>{_YEAR})|(?P<d2>\d{{1,2}})\s+(?P<mon2>{_M})\.?,?\s+(?P<y2>{_YEAR})|(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d))"
    r"(?:[ ,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)

# A byline or header line made of short parts ("Continental Wire | Thursday, 18 September 2025",
# "By Ana Ruiz · 14.07.2025 · 08:40"): each part is tried as a date on its own.
_LINE_PARTS = re.compile(r"\s+[|\u00b7\u2022]\s+|\s+[\u2013\u2014-]{1,2}\s+")
_NUMERIC_DATE = re.compile(r"(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)")


def _header_part_date(part: str) -> dt.date | None:
    """A whole header part that is a date, numeric ones read day first (as they are outside the US)."""
    part = part.strip().rstrip(",")
    m = _PUBLISHED_LINE.fullmatch(part)
    if m:
        if m["iso"]:
            return dt.date.fromisoformat(m["iso"])
        return safe_date(int(m["y"] or m["y2"]), month_number(m["mon"] or m["mon2"]), int(m["d"] or m["d2"]))
    m = _NUMERIC_DATE.fullmatch(part)
    if m:
        return safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None


def _header_line(text: str) -> "DateDecision | None":
    for line in text[:600].splitlines()[:8]:
        parts = _LINE_PARTS.split(line.strip())
        if len(parts) < 2 or any(len(p) > 60 for p in parts):
            continue
        for part in parts:
            d = _header_part_date(part)
            if d:
                how = " (numbers read day first)" if _NUMERIC_DATE.fullmatch(part.strip()) else ""
                return DateDecision(d, "dateline", 0.85, f"date in the header line '{line.strip()}'{how}")
    return None


@dataclass(frozen=True, slots=True)
class DateDecision:
    published: dt.date
    source: str  # front_matter | email_date | html_meta | dateline | text_date | copyright_year | relative_cues | mtime | unknown
    confidence: float
    note: str


# ----------------------------------------------------------------------------- rules


def _dateline(text: str, cues: Cues, reference: dt.date | None) -> DateDecision | None:
    head = text[:600]
    for m in _DATELINE.finditer(head):
        city = m["city"]
        if not (m["agency"] or m["y"] or m["y2"] or (city.isupper() and len(city) > 2)):
            continue
        month = month_number(m["mon"] or m["mon2"])
        day = int(m["d"] or m["d2"])
        year_text = m["y"] or m["y2"]
        wd = _WD_INDEX[m["wd"].lower()] if m["wd"] else None
        if year_text:
            d = safe_date(int(year_text), month, day)
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
            d = safe_date(int(m["y"] or m["y2"]), month_number(m["mon"] or m["mon2"]), int(m["d"] or m["d2"]))
        if d:
            return DateDecision(d, "dateline", 0.85, f"date line '{m.group(0).strip()}' at the top")
    return _header_line(text)


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
        return safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    for rx in (_MDY, _DMY):
        m = rx.search(value)
        if m and m["y"]:
            return safe_date(int(m["y"]), month_number(m["mon"]), int(m["d"]))
    return None
