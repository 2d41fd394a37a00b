"""Dating an article from another one that reports the same words.

Some articles never say the month: "told reporters in Brussels on Thursday" under a
"©2024" line is all the text gives, and no rule over that text alone can name the day.
An analyst would notice that another article, firmly dated, carries the same quotation
("The Ukrainians are not running out of courage, ...") and that its date is a Thursday
in 2024: the same remarks, reported the same day. This module does exactly that and
nothing looser: a verbatim quoted passage of at least `min_words` words, a date inside
the window the article's own cues allow, and a weekday the article itself names.

It is pure and separate from `read_article` because it needs history; the app calls it
with the articles it already holds (see `corroborate_date`).
"""
from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Iterable

from monitor.models import Article
from monitor.read import dating

WEAK_SOURCES = frozenset({"copyright_year", "relative_cues", "mtime", "unknown"})
_QUOTED = re.compile(r"[“\"]([^”\"\n]{30,}?)[”\"]")
_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _shingles(words: list[str], n: int) -> dict[tuple[str, ...], int]:
    return {tuple(words[i : i + n]): i for i in range(len(words) - n + 1)}


def quote_fingerprints(text: str, *, min_words: int = 8, keep_one_in: int = 4) -> list[int]:
    """Small integer fingerprints of the quoted passages, for an index of firmly dated articles.

    Only one shingle in `keep_one_in` is kept (chosen by its hash, so two texts keep the same
    ones): a shared quotation a dozen words long still meets in the index with high
    probability, while the index stays a few dozen rows per article. A hit is only a
    candidate: `corroborate_date` checks the real words.
    """
    out: set[int] = set()
    for m in _QUOTED.finditer(text):
        for shingle in _shingles(_words(m.group(1)), min_words):
            h = int.from_bytes(hashlib.blake2b(" ".join(shingle).encode(), digest_size=8).digest(), "big", signed=True)
            if h % keep_one_in == 0:
                out.add(h)
    return sorted(out)


def shared_quote(text: str, other: str, *, min_words: int = 8) -> str | None:
    """The first quotation in `text` whose `min_words` consecutive words appear in `other`."""
    other_shingles = set(_shingles(_words(other), min_words))
    if not other_shingles:
        return None
    for m in _QUOTED.finditer(text):
        words = _words(m.group(1))
        for shingle in _shingles(words, min_words):
            if shingle in other_shingles:
                return m.group(1).strip()
    return None


def corroborate_date(article: Article, earlier: Iterable[Article], *, min_words: int = 8) -> Article:
    """`article` with its date taken from a firmly dated earlier article quoting the same words.

    Only articles dated by a weak rule (copyright year, relative cues, file time) are
    changed; the result has published_source "related_article" and a note naming the
    other article and the shared quotation. Otherwise `article` is returned unchanged.
    """
    if article.published_source not in WEAK_SOURCES:
        return article
    cues = dating.read_cues(article.text)
    weekdays = {wd for wd, _ in cues.weekdays}
    ranked = sorted(
        (a for a in earlier if a.published_source not in WEAK_SOURCES and a.name != article.name),
        key=lambda a: -a.published_confidence,
    )
    for other in ranked:
        d = other.published
        if cues.year is not None and not dating.in_window(d, cues):
            continue
        if weekdays and d.weekday() not in weekdays:
            continue
        quote = shared_quote(article.text, other.text, min_words=min_words)
        if quote is None:
            continue
        excerpt = quote if len(quote) <= 80 else quote[:77] + "..."
        note = (
            f"published {d.isoformat()} [related_article]: {other.name} ({other.published_source}) reports the same words "
            f"'{excerpt}' and its date fits this article's own cues (was {article.published.isoformat()} from {article.published_source})"
        )
        return dataclasses.replace(
            article,
            published=d,
            published_source="related_article",
            published_confidence=round(max(0.3, min(0.6, other.published_confidence - 0.05)), 2),
            notes=article.notes + (note,),
        )
    return article
