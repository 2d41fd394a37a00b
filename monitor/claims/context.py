"""What an article is about, found once per article: its named things and its sentences.

A figure's own sentence rarely says everything ("that goal", "the bloc", "its members"), so
the claim builder looks back through the article; this module gives it cheap access to the
earlier sentences and to the names the article uses, without tokenizing the whole text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import simplemma

from .lemmas import FOLD, MONTHS, STOP, folded, lemma

_CAP = re.compile(r"[A-Z][A-Za-z]*(?:[\u2019'][s])?")
_LOWER = re.compile(r"\b[a-z][a-z]+\b")
_SAY_VERBS = "said|says|reported|reports|announced|estimated|added|told"
_SAYS = re.compile(rf" (?:{_SAY_VERBS}|posted)\b")
# "the BSO said", "the BSO's figures", "according to the BSO": a name that speaks or owns is an organisation.
_SPEAKER = re.compile(rf"\b([A-Z][A-Za-z]{{1,30}})(?:[\u2019']s\b|\)?\s(?:{_SAY_VERBS}|published|revised)\b)"
                      r"|according to (?:the )?([A-Z][A-Za-z]{1,30})")
# A person's name after a title or a role ("Dr Lena Varga", "Governor Ilse Marrow", "spokeswoman Ana Ruiz") or
# before an age ("Colin Ashdown, 54,"): a person is who speaks, not what a figure is about.
# "Priya Menon, an analyst at Harcourt Lisle", "economist Jan Voss": people whose figures are their own forecasts.
_FORECASTER = re.compile(r"\b([A-Z][a-z\u2019'-]+(?:\s[A-Z][a-z\u2019'-]+){0,2}),\s(?:an?|the)\s(?:[a-z]+\s){0,2}"
                         r"(?:analyst|economist|strategist|forecaster)s?\b"
                         r"|\b(?:[Aa]nalyst|[Ee]conomist|[Ss]trategist)\s((?:[A-Z][a-z\u2019'-]+\s)?[A-Z][a-z\u2019'-]+)\b")
_PERSON = re.compile(r"(?:\b(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame|Governor|Minister|President|Mayor|Senator|Chancellor|"
                     r"Premier|Commissioner|[Ss]pokes(?:wo)?man|[Ss]pokesperson|[Dd]irector|[Cc]hief|[Ee]xecutive|"
                     r"[Mm]inister|[Gg]overnor|[Aa]nalyst|[Ee]conomist|[Ss]ecretary|[Hh]ead|[Cc]hair(?:wo)?man)\.?\s+"
                     r"((?:[A-Z][a-z\u2019'-]+\s){1,2}[A-Z][a-z\u2019'-]+)\b"
                     r"|\b((?:[A-Z][a-z\u2019'-]+\s){1,2}[A-Z][a-z\u2019'-]+),\s\d{2},)")
_UNFOLD: dict[str, list[str]] = {}
for _word, _rep in FOLD.items():
    _UNFOLD.setdefault(_rep, []).append(_word)
_CAP_BEFORE = re.compile(r"([A-Z][A-Za-z]+)(?:[\u2019']s)? $")
_ADVERBS = frozenset("overnight tonight meanwhile again instead".split())
_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_NEXT_CAP = re.compile(r" [A-Z][a-z]")  # "Ostermark Foods posted": a name run, even first in a sentence
_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s+|\n\s*\n|\n(?=[A-Z\u201c\"])")
# A list item's marker ("- Net profit", "* Revenue"): what follows starts a line of its own.
_BULLET = re.compile(r"(?:^|\n)[ \t]*[-*\u2022][ \t]*$")
# Characters that may sit between a sentence start and its first word.
_OPENERS = " \t\n\"'\u201c\u2018(["

# A wire dateline opening a story ("KORVANA, Aug 11 (Newsline) -", "KORVIK, 4 April 2025 (KPS) --",
# "DHOLAN, Wednesday -", "LONDON (Reuters) -"): where the story was
# filed and by whom, never what a figure is about.
_DATELINE = re.compile(r"^[\s\"']*[A-Z][A-Z.'\u2019 -]{2,40}(?:,\s*[A-Z][A-Za-z.'\u2019 -]{1,30})?"
                       r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
                       r"|[A-Z][a-z]{2,5}day))?\s*(?:\([^()\n]{2,40}\))?\s*"
                       r"(?:--|\u2014|\u2013|-|:)\s")


def without_dateline(sentence: str) -> str:
    """The sentence with an opening dateline blanked (same length, so offsets stay)."""
    m = _DATELINE.match(sentence) if sentence[:1].isupper() or sentence[:1] in " \"'" else None
    if not m or not any(c.isupper() for c in m.group(0)[:4]) or " " in m.group(0).split(",")[0].strip()[:3]:
        return sentence
    return " " * m.end() + sentence[m.end():]


# Capitalised words that are not names even in mid-sentence.
_NOT_NAMES = frozenset("""i mr mrs ms dr the a an it he she we they this that these those but and or in on at
for of to as by with from read live via said says""".split()) | MONTHS


def _split(text: str) -> list[tuple[int, int]]:
    """Rough sentence bounds; only used to look one or two sentences back from a figure."""
    out, start = [], 0
    for m in _SENT_END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


@lru_cache(maxsize=65536)
def _known(word: str) -> bool:
    """An English word ("Police said"), as opposed to a name ("Brightwave said")."""
    return simplemma.is_known(word, lang="en")


def name_key(word: str) -> str:
    """A name as compared across articles: lower case, without a possessive."""
    w = word.lower().replace("\u2019", "'")
    return w[:-2] if w.endswith("'s") else w


@dataclass(slots=True)
class ArticleContext:
    """Names and sentences of one article."""

    text: str
    names: frozenset[str]  # lower-cased words the article writes as names
    topic: list[str]  # its most frequent names, most frequent first
    inner: frozenset[str] = frozenset()  # names seen after another capitalised word ("Jens Stoltenberg")
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    name_flags: dict[str, bool] = field(default_factory=dict)  # memo: is this written word a name
    memo: dict[tuple[str, int], list[str]] = field(default_factory=dict)  # per-sentence look-ups
    codes: frozenset[str] = frozenset()  # "AX-300", "BX-9": model codes, not names
    _named: dict[str, list[tuple[int, str]]] | None = None  # noun -> [(offset, name)]: "the Corran Valley fire"
    dominant: str = ""  # the one name the article is about, when one clearly dominates
    speakers: frozenset[str] = frozenset()  # names the article has say, report or own something
    persons: frozenset[str] = frozenset()  # names written after a title or role ("Governor Ilse Marrow")
    forecasters: frozenset[str] = frozenset()  # names the article calls analysts or economists
    wide_topic: list[str] = field(default_factory=list)  # its 16 most frequent names

    def named_noun(self, noun: str, before: int) -> str:
        """The name last written right before `noun` ("the Harwick fire") before offset `before`, or ""."""
        if self._named is None:
            self._named = {}
        found = self._named.get(noun)
        if found is None:
            found = self._named[noun] = self._find_named(noun)
        name = ""
        for pos, n in found:
            if pos >= before:
                break
            name = n
        return name

    def _find_named(self, noun: str) -> list[tuple[int, str]]:
        """Where a name run stands right before the noun or one of its folded synonyms."""
        text, names, out = self.text, self.names, []
        for form in {noun, *_UNFOLD.get(noun, ())}:
            stem = form[:-1] if form.endswith("y") else form
            i = text.find(" " + stem)
            while i >= 0:
                start, end = i + 1, i + 1 + len(stem)
                while end < len(text) and text[end].isalpha():
                    end += 1
                word = text[start:end]
                i = text.find(" " + stem, end)
                if word not in (form, form + "s", form + "es", stem + "ies") or folded(word) != noun:
                    continue
                known, b = "", start
                while b > 2 and text[b - 1] == " " and text[b - 2].isalpha():
                    # "the Corran Valley fire": the run of capitalised words before the noun
                    prev = _CAP_BEFORE.search(text, max(0, b - 32), b)
                    if not prev or prev.group(1).lower() in STOP:
                        break
                    if prev.group(1).lower() in names:
                        known = prev.group(1).lower()
                    b = prev.start()
                if known and not _modifier(text, end):
                    out.append((start, known))
        out.sort()
        return out

    def previous_sentences(self, sentence_start: int, n: int = 2) -> list[str]:
        """Up to n sentences before the one starting at sentence_start, nearest first."""
        if not self.sentences:
            self.sentences = _split(self.text)
            self._starts = [s for s, _ in self.sentences]
        i = bisect_right(self._starts, sentence_start) - 1
        out = []
        for j in range(i - 1, max(-1, i - 1 - n), -1):
            s, e = self.sentences[j]
            out.append(self.text[s:e])
        return out

    def sentence_index(self, offset: int) -> int:
        """Which sentence of the article the offset falls in."""
        if not self.sentences:
            self.sentences = _split(self.text)
            self._starts = [s for s, _ in self.sentences]
        return bisect_right(self._starts, offset) - 1

    def is_name(self, word: str) -> bool:
        return name_key(word) in self.names


def _modifier(text: str, end: int) -> bool:
    """'the Westmarch fire service': the noun after the name modifies another noun, it is not the head."""
    m = _NEXT_WORD.match(text, end)
    if not m:
        return False
    w = m.group(1)
    return w not in STOP and lemma(w) == w and not w.endswith(("ed", "ly")) and w not in _ADVERBS


def build_context(text: str) -> ArticleContext:
    """Names are capitalised words seen in mid-sentence that the article never writes in lower case."""
    lower = set(_LOWER.findall(text))
    counts: Counter[str] = Counter()
    initial: Counter[str] = Counter()
    inner: set[str] = set()
    codes: set[str] = set()
    for m in _CAP.finditer(text):
        i = m.start()
        if i > 0 and (text[i - 1].isalnum() or text[i - 1] in "-'\u2019"):
            continue
        word = m.group(0)
        w = name_key(word)
        if word.isupper() and text.startswith("-", m.end()) and text[m.end() + 1:m.end() + 2].isdigit():
            codes.add(w)
            continue
        acronym = len(w) >= 2 and word[: len(w)].isupper()
        if w in _NOT_NAMES or len(w) < 2 or (not acronym and (w in STOP or w in lower)):
            continue
        j = i
        while j > 0 and text[j - 1] in _OPENERS:
            j -= 1
        k = j
        while k > 0 and text[k - 1] == " ":
            k -= 1
        at_start = k == 0 or text[k - 1] in ".!?:\n\u201d\"" or "\n" in text[j:i] \
            or _BULLET.search(text, max(0, k - 4), k) is not None
        if at_start and (word.endswith(("'s", "\u2019s")) or _SAYS.match(text, m.end()) or _NEXT_CAP.match(text, m.end())) \
                and not _known(w):
            at_start = False  # "Brightwave's profit", "Brightwave said", "Brightwave Labs": a name even first
        if not at_start and i >= 2 and text[i - 1] == " " and text[i - 2].isalpha():
            b = i - 2
            while b > 0 and text[b - 1].isalpha():
                b -= 1
            if text[b].isupper() and text[b:i - 1].lower() not in STOP:  # not "At Pellion", "In Halvern"
                inner.add(w)
        (initial if at_start else counts)[w] += 1
    names = frozenset(counts) - codes
    for w, n in initial.items():
        if w in names:
            counts[w] += n
    ranked = [(w, n) for w, n in counts.most_common(9) if w not in codes]
    topic = [w for w, _ in ranked[:8]]
    # more of its names, for telling two stories apart: a newsletter's furniture ("Markets", "Brief") can fill
    # the first eight
    wide = [w for w, _ in counts.most_common(20) if w not in codes][:16]
    # a name written far more often than any other is what the story is about ("Corvane" in its results)
    dominant = ranked[0][0] if ranked and ranked[0][1] >= 4 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) \
        else ""
    speakers = frozenset(name_key(m.group(1) or m.group(2)) for m in _SPEAKER.finditer(text))
    persons = frozenset(name_key(w) for m in _PERSON.finditer(text) for w in (m.group(1) or m.group(2)).split())
    forecasters = frozenset(name_key(w) for m in _FORECASTER.finditer(text) for w in (m.group(1) or m.group(2)).split())
    return ArticleContext(text, names, topic, inner=frozenset(inner), codes=frozenset(codes), dominant=dominant,
                          speakers=speakers, persons=persons, forecasters=forecasters, wide_topic=wide)
