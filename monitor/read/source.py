"""Which outlet published the article, from the way outlets sign their own text.

Only self-references count: an agency lead "(Bloomberg) --", a dateline "(Reuters) -",
a copyright line, a promotion of the outlet's own coverage ("For all of RFE/RL's
coverage", "Follow Mirror Politics on ..."). Outlets the article merely quotes ("as
quoted by Al Jazeera", "told CNN") are never taken: a wrong source is worse than none.
There is deliberately no list of outlet names.
"""
from __future__ import annotations

import re

_NAME = r"[A-Z][\w&/.'’-]*(?:[ \t]+(?:[A-Z][\w&/.'’-]*|of|the|and|&)){0,4}"
_AGENCY_LEAD = re.compile(rf"\A\s*\((?P<name>{_NAME})\)\s*(?:--|—|–|-)")
_DATELINE_AGENCY = re.compile(rf"^[ \t]*[A-Z][A-Za-z\d.'’ ,-]{{1,60}}?\((?P<name>{_NAME})\)[ \t]*(?:--|—|–|-)", re.MULTILINE)
_COPYRIGHT = re.compile(
    rf"^[ \t*•-]*(?:©|\([cC]\)|(?i:copyright))\s*(?:©\s*)?(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?,?\s*(?P<name>{_NAME})",
    re.MULTILINE,
)
_OWN_COVERAGE = re.compile(
    rf"\b(?:for (?:all|more) of|more from|the latest from|sign up for)\s+(?P<name>{_NAME})['’]s?\s+(?:\w+\s+){{0,3}}(?:coverage|newsletters?|briefings?|reporting|journalism)\b"
    rf"|(?P<name2>{_NAME})['’]s\s+(?:[A-Z]\w*\s+){{0,4}}(?:Briefing|Newsletter|Live Blog|Podcast)\s+(?:gives|brings|delivers|sends)\b"
)
_FOLLOW = re.compile(
    rf"^[ \t*•-]*Follow\s+(?P<name>{_NAME})\s+on\s+(?:Twitter|X|Facebook|Instagram|TikTok|Tiktok|Snapchat|LinkedIn|Threads|YouTube|Telegram|WhatsApp|Bluesky)\b",
    re.MULTILINE,
)
_PROMO_WORDS = ("coverage", "briefing", "newsletter", "live blog", "podcast", "journalism")
_CORPORATE = re.compile(
    r"(?:[\s,]+(?:L\.?P\.?|LLC|Inc\.?|Ltd\.?|Limited|plc|PLC|Corp\.?|Corporation|Co\.?|GmbH|S\.?A\.?|AG|Group|Media|Holdings|All|Rights|Reserved)\.?)+$"
)
# Section names that follow an outlet's name in its social handles ("Mirror Politics").
_SECTION = re.compile(r"\s+(?:Politics|News|Sport|Sports|Business|World|Money|Tech|Technology|Opinion|Culture|Science|Health|Travel|Live|UK|US|Online)$")
_NOT_A_NAME = frozenset({"us", "me", "our", "the", "this", "all", "rights", "you"})


def _tidy(name: str) -> str | None:
    name = name.strip(" .,'’-")
    name = _CORPORATE.sub("", name).strip(" .,")
    if not name or name.lower() in _NOT_A_NAME or len(name) > 60:
        return None
    return name


def from_text(text: str) -> tuple[str, str] | None:
    """(source, how it was found) from the outlet's own marks in `text`, or None."""
    m = _AGENCY_LEAD.match(text)
    if m and (name := _tidy(m["name"])):
        return name, f"agency lead '({m['name']})'"
    m = _DATELINE_AGENCY.search(text, 0, 600)
    if m and (name := _tidy(m["name"])):
        return name, f"dateline '{m.group(0).strip()}'"
    low = text.lower()
    if "©" in text or "(c)" in low or "copyright" in low:
        for m in _COPYRIGHT.finditer(text):
            if name := _tidy(m["name"]):
                return name, f"copyright line '{m.group(0).strip()}'"
    for key in _PROMO_WORDS:
        pos = low.find(key)
        while pos >= 0:
            start, end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
            m = _OWN_COVERAGE.search(text, start, end if end >= 0 else len(text))
            if m and (name := _tidy(m["name"] or m["name2"])):
                return name, f"the outlet's promotion of its own coverage: '{m.group(0).strip()}'"
            pos = low.find(key, pos + len(key))
    pos = text.find("Follow ")
    while pos >= 0:
        m = _FOLLOW.match(text, text.rfind("\n", 0, pos) + 1)
        if m:
            raw = m["name"]
            stripped = _SECTION.sub("", raw)
            # "Follow Jane Doe on X" names a person; accept one word or an outlet + section.
            if (stripped != raw or " " not in raw) and (name := _tidy(stripped)):
                return name, f"social line '{m.group(0).strip()}'"
        pos = text.find("Follow ", pos + 7)
    return None


def from_display_name(header_value: str) -> str | None:
    """The human part of `Name <addr>` (From:, List-Id:), or None when there is none."""
    m = re.match(r'\s*"?([^"<]+?)"?\s*<', header_value)
    if not m:
        return None
    return _tidy(m.group(1))
