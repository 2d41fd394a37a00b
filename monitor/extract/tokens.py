"""Cheap candidate positions for the time and figure patterns.

Python's `re` tries every branch of a large alternation at each position, which costs
about half a microsecond per character for the time and figure patterns. So an article
is scanned once, at C speed, for the few words where a time expression or a figure can
start (punctuation translated to spaces, a whitespace split, a set intersection, then
`str.find` for just the keywords present, plus one digit-run scan); the large patterns
are then only `match`ed at those positions.
"""
from __future__ import annotations

import re
from bisect import bisect_left

_DIGIT_RUN = re.compile(r"\d+")
# Bytes outside [a-z0-9] become spaces (non-ASCII first becomes "?"): a C-speed word split.
_WORD_BYTES = bytes(c if (97 <= c <= 122 or 48 <= c <= 57) else 32 for c in range(256))

TIMEX_KEYWORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday this last next
    previous following past coming current same today tonight yesterday tomorrow now currently present presently
    moment nowadays far date fiscal q1 q2 q3 q4 h1 h2 first second third fourth final year month week spring
    summer autumn fall winter full whole""".split()
)
# Keywords that end a time expression whose first word (a number) cannot be a keyword: "two years ago".
TIMEX_TAIL_KEYWORDS = frozenset({"ago", "earlier", "later", "before"})
FIGURE_KEYWORDS = frozenset(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
    eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion
    trillion dozen half third thirds quarter quarters fifths tenths dozens scores hundreds thousands millions
    billions tens second fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
    fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth fortieth fiftieth hundredth
    doubled tripled trebled quadrupled halved""".split()
)
# After "a " these start a figure: "a dozen", "a million", "a third of".
_A_PREFIXED = frozenset("dozen hundred thousand million billion trillion third quarter fifth tenth half".split())
_UNIT_WORDS = ("day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades")


def _hits(low: str, kw: str) -> list[int]:
    out: list[int] = []
    n, k = len(low), len(kw)
    i = low.find(kw)
    while i >= 0:
        j = i + k
        if (i == 0 or not low[i - 1].isalpha()) and (j >= n or not low[j].isalpha()):
            out.append(i)
        i = low.find(kw, j)
    return out


def _word_start_before(low: str, pos: int, n: int) -> int:
    """Offset of the n-th word before `pos` (-1 when absent); looks back at most 20 characters a word."""
    i = pos
    for _ in range(n):
        j = i - 1
        while j > 0 and low[j - 1].isspace() and i - j < 4:
            j -= 1
        k = j
        while k > 0 and not low[k - 1].isspace() and j - k < 20:
            k -= 1
        if k == j:
            return -1
        i = k
    return i


class Candidates:
    """Sorted start offsets of possible time expressions and figures in one article."""

    __slots__ = ("timex", "figure", "low")

    def __init__(self, text: str) -> None:
        low = text.lower()
        self.low = low
        present = set(low.encode("ascii", "replace").translate(_WORD_BYTES).decode().split())
        digits = [m.start() for m in _DIGIT_RUN.finditer(text)]
        tx = set(digits)
        for kw in present & TIMEX_KEYWORDS:
            tx.update(_hits(low, kw))
        for kw in present & TIMEX_TAIL_KEYWORDS:
            for i in _hits(low, kw):
                if low[max(0, i - 8):i].rstrip().endswith(_UNIT_WORDS):
                    s = _word_start_before(low, i, 2)
                    if s >= 0:
                        tx.add(s)
        self.timex = sorted(tx)
        fg = set(digits)
        for kw in present & FIGURE_KEYWORDS:
            for i in _hits(low, kw):
                fg.add(i)
                if kw in _A_PREFIXED and low[i - 2:i] == "a " and (i < 3 or not low[i - 3].isalpha()):
                    fg.add(i - 2)
        self.figure = sorted(fg)

    @staticmethod
    def within(positions: list[int], start: int, end: int) -> list[int]:
        return positions[bisect_left(positions, start):bisect_left(positions, end)]
