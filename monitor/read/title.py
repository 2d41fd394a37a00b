"""A title for a text article: the first line, when it reads as a headline.

Scraped text often starts straight with the lead sentence, sometimes without its final
full stop, so a line is a headline only when it is short, has no terminal punctuation,
is not a dateline or an agency lead and is followed by more text. Otherwise None:
`monitor articles` then shows the file name, which is better than a sentence cut short.
"""
from __future__ import annotations

import re

_MAX_CHARS = 120
_MAX_WORDS = 16
_NOT_HEADLINE = re.compile(
    r"^\(|\s(?:--|—|–)\s*$|^By\s+[A-Z]|^(?:[A-Z][A-Z .'-]+),\s+[A-Z][a-z]{2,9}\.?\s+\d|^(?:published|updated|posted)\b",
    re.IGNORECASE,
)
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$")


def first_line_title(text: str, start: int = 0, *, markdown: bool = False) -> str | None:
    """The headline at the top of `text[start:]`, or None when the first line is not one."""
    body = text[start:]
    lines = body.splitlines()
    idx = next((i for i, line in enumerate(lines) if line.strip()), None)
    if idx is None:
        return None
    line = lines[idx].strip()
    if markdown:
        m = _MD_HEADING.match(lines[idx])
        if m:
            return re.sub(r"[*_`]+", "", m.group(1)).strip() or None
    if not any(other.strip() for other in lines[idx + 1 :]):
        return None  # a one-line file is an article, not a headline
    if len(line) > _MAX_CHARS or len(line.split()) > _MAX_WORDS or len(line.split()) < 2:
        return None
    if line[-1] in ".,;:!…" or line.endswith(('."', '.”', ".'", ".’")):
        return None
    if _NOT_HEADLINE.search(line) or not line[0].isupper():
        return None
    return line
