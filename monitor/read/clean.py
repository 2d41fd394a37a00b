"""The `clean` view of an article: markup and boilerplate blanked, offsets unchanged.

Extraction runs on `clean` and reports offsets into it; because every removed character
is replaced by a space (newlines are kept), those offsets are valid in `Article.text`
too. Only whole boilerplate lines and markup are blanked: article text we are not sure
about stays, since a lost sentence hides its figures while a stray link line costs little.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[int, int]

_PLATFORMS = r"(?:twitter|x|facebook|instagram|tiktok|snapchat|linkedin|threads|youtube|telegram|whatsapp|bluesky|mastodon|google news|flipboard)"
_BULLET = re.compile(r"[ \t]*(?:[*•·▪►>+]|-(?!-))?[ \t]*")
# Lines starting with these (lower-cased, bullet removed) are furniture, not article text.
_PREFIXES = (
    "read more", "read next", "read also", "see also:", "also read:", "related:", "related articles", "related stories",
    "related coverage", "related content", "related news", "related reading", "watch:", "listen:", "more from ",
    "©", "--with ", "-- with ", "—with ", "— with ", "–with ", "live briefing:", "live updates:", "live blog:",
    "latest updates:", "share this article", "share this story", "share on ", "story continues below",
    "scroll to continue", "download the app",
)
# Lines containing these anywhere are promotion or consent banners.
_ANYWHERE = ("click here", "we use cookies", "uses cookies", "accept cookies", "accept all cookies", "cookie policy", "cookie settings")
_FOLLOW = re.compile(r"follow\b.{0,80}?\bon\s+" + _PLATFORMS + r"\b")
_SIGN_UP = re.compile(r"(?:sign up|subscribe)\b.{0,80}?(?:newsletter|for free|here|now|today|to get)")
_COPYRIGHT = re.compile(r"(?:\(c\)|copyright)\s*(?:©\s*)?(?:[a-z][\w&.'’-]{0,30}(?:[ \t]+[\w&.'’-]{1,30}){0,4}[ \t,]+)?\d{4}")
_ALONE = frozenset({"advertisement", "related", "share", "more", "read more"})
_MAX_BOILERPLATE_LINE = 300
_AGENCY_LEAD = re.compile(r"\A(\s*)(\([A-Z][\w .&/'’-]{1,40}\)\s*(?:--|—|–|-)\s*)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)

# Markdown
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?=[ \t]|$)|[ \t]+#+[ \t]*$", re.MULTILINE)
_RULE_OR_SETEXT = re.compile(r"^ {0,3}(?:={3,}|-{3,}|\*{3,}|_{3,}|```.*|~~~.*)[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"^ {0,3}(?:>[ \t]?)+", re.MULTILINE)
_LIST = re.compile(r"^[ \t]*[*+-](?=[ \t])", re.MULTILINE)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(\[)[^\]\n]+(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_REFDEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]+>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_EMPHASIS = re.compile(r"\*{1,3}|~~|`+|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w])")


def _is_boilerplate(line: str) -> bool:
    body = line[_BULLET.match(line).end():]  # type: ignore[union-attr]
    if not body:
        return False
    if body.startswith(_PREFIXES) or any(w in body for w in _ANYWHERE) or body.strip(" :|") in _ALONE:
        return True
    if body.startswith(("(c)", "copyright")):
        return bool(_COPYRIGHT.match(body))
    if body.startswith("follow"):
        return bool(_FOLLOW.match(body))
    if body.startswith(("sign up", "subscribe")):
        return bool(_SIGN_UP.match(body))
    return False


def boilerplate_lines(text: str, start: int = 0) -> list[Span]:
    """Spans of whole lines that are navigation, promotion or legal furniture."""
    spans: list[Span] = []
    pos = start
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if 0 < end - pos <= _MAX_BOILERPLATE_LINE and _is_boilerplate(text[pos:end].lower()):
            spans.append((pos, end))
        pos = end + 1
    return spans


def markdown_spans(text: str, start: int = 0) -> list[Span]:
    """Spans of Markdown syntax; the words it decorates are kept (link URLs are not)."""
    spans: list[Span] = []
    for rx in (_IMAGE, _REFDEF, _AUTOLINK, _RULE_OR_SETEXT, _QUOTE, _LIST, _TAG):
        spans.extend(m.span() for m in rx.finditer(text, start))
    for m in _HEADING.finditer(text, start):
        spans.append(m.span(1) if m.group(1) else m.span())
    for m in _LINK.finditer(text, start):
        spans.append(m.span(1))
        spans.append(m.span(2))
    spans.extend(m.span() for m in _EMPHASIS.finditer(text, start))
    return spans


def blank(text: str, spans: Iterable[Span]) -> str:
    """`text` with every character inside `spans` turned into a space, newlines kept."""
    merged: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    if not merged:
        return text
    out: list[str] = []
    pos = 0
    for s, e in merged:
        out.append(text[pos:s])
        seg = text[s:e]
        if "\n" in seg or "\r" in seg:
            out.append("".join(c if c in "\r\n" else " " for c in seg))
        else:
            out.append(" " * len(seg))
        pos = e
    out.append(text[pos:])
    return "".join(out)


def clean_text(text: str, *, markdown: bool, skip: int = 0) -> str:
    """Blank the first `skip` characters (front matter), markup and boilerplate lines."""
    spans: list[Span] = [(0, skip)] if skip else []
    spans.extend(m.span() for m in _COMMENT.finditer(text, skip))
    lead = _AGENCY_LEAD.match(text[skip:])
    if lead:
        spans.append((skip + lead.start(2), skip + lead.end(2)))
    spans.extend(boilerplate_lines(text, skip))
    if markdown:
        spans.extend(markdown_spans(text, skip))
    return blank(text, spans)
