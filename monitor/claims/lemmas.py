"""Words, lemmas and the small general-English lexicons the measure keys are built from.

Everything here is general English: function words, verbs of saying and changing, and
synonym folding of common words (member/ally/country/nation/state, kill/death/die). No
list names a topic, a country or an organisation: those are found in the text itself.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import simplemma

# Irregular or ambiguous forms simplemma gets wrong for news ("rose" the flower, "fell" the hill).
_OVERRIDES: dict[str, str] = {
    "rose": "rise", "risen": "rise", "fell": "fall", "fallen": "fall", "grew": "grow", "grown": "grow",
    "hit": "hit", "met": "meet", "said": "say", "told": "tell", "put": "put", "began": "begin",
    "left": "leave", "led": "lead", "won": "win", "lost": "lose", "saw": "see", "seen": "see",
    "took": "take", "taken": "take", "gave": "give", "given": "give", "held": "hold", "spent": "spend",
    "data": "data", "media": "media", "news": "news", "us": "us", "people": "person", "police": "police",
    "dead": "dead", "injured": "injure", "wounded": "wound", "killed": "kill", "missing": "missing",
    "spending": "spend", "earnings": "earnings", "sales": "sale", "series": "series", "means": "means",
    "headquarters": "headquarters", "economics": "economics", "politics": "politics", "arms": "arms",
    "forces": "force", "rates": "rate", "prices": "price", "as": "as", "is": "be", "was": "be", "were": "be",
    "are": "be", "been": "be", "has": "have", "had": "have", "does": "do", "did": "do", "organisers": "organiser",
    "organizers": "organiser", "organizer": "organiser", "remains": "remain", "unaccounted": "unaccounted", "troops": "troop", "defense": "defence", "percent": "percent",
}

# Common words folded onto one representative so paraphrases share a lemma.
FOLD: dict[str, str] = {
    # members of a group
    "ally": "member", "country": "member", "nation": "member", "state": "member", "members": "member",
    # people
    "person": "person", "individual": "person", "resident": "person", "civilian": "person",
    "protester": "person", "demonstrator": "person", "marcher": "person", "participant": "person",
    "attendee": "person", "crowd": "person", "protestor": "person", "survivor": "person",
    # fatalities and injuries
    "kill": "die", "dead": "die", "death": "die", "fatality": "die", "die": "die", "deadly": "die",
    "life": "die",
    "injure": "injure", "wound": "injure", "hurt": "injure", "injury": "injure", "injured": "injure",
    "wounded": "injure",
    # meeting a level
    "hit": "meet", "reach": "meet", "achieve": "meet", "attain": "meet", "fulfil": "meet", "fulfill": "meet",
    "satisfy": "meet",
    # targets
    "goal": "target", "benchmark": "target", "objective": "target", "threshold": "target",
    "guideline": "target", "aim": "target",
    # taking part
    "join": "attend", "attend": "attend", "draw": "attend", "march": "attend", "rally": "attend", "gather": "attend",
    "protest": "attend", "demonstrate": "attend", "participate": "attend", "present": "attend",
    # money flows
    "sale": "revenue", "revenue": "revenue", "turnover": "revenue", "income": "profit",
    "earnings": "profit", "profit": "profit",
    "salary": "wage", "wages": "wage",
    # displacement
    "displace": "displace", "evacuate": "displace", "evacuation": "displace", "flee": "displace",
    "homeless": "displace",
    # fires
    "wildfire": "fire", "blaze": "fire", "bushfire": "fire", "inferno": "fire",
    "arrest": "arrest", "detain": "arrest",
    "unaccounted": "missing",
    "jobless": "unemployment", "joblessness": "unemployment",
    "troop": "soldier",
    "worker": "employee", "staff": "employee", "employee": "employee", "job": "employee",
    "workforce": "employee", "headcount": "employee", "personnel": "employee", "position": "employee",
    "role": "employee", "payroll": "employee", "payrolls": "employee",
    # cutting
    "eliminate": "cut", "shed": "cut", "axe": "cut", "slash": "cut",
    # liquids getting out
    "spill": "leak", "escape": "leak", "seep": "leak",
    # dwellings
    "house": "home", "dwelling": "home",
    "organisation": "organization",
}

# Function words: never content, never a key.
STOP = frozenset("""
a an the this that these those its it their they them his her he she him we our us you your i my me
of in on at by for to from with as and or but nor than then so yet if when while whereas although though
because since until after before during into onto over under about around above below up down out off
per via among between through across against without within toward towards upon near beside behind
beyond along amid despite except inside outside like unlike ahead
be have do will would could can may might shall should must not no nor also just only even still now
more most less least some any all each every both either neither other another such same own many much
few several very too quite rather almost nearly roughly approximately around about some there here where
what which who whom whose how why one ones something anything nothing everyone everybody someone
said say says saying according told tell tells added add adds stated state's
currently today yesterday tomorrow now recently later earlier ago already again still yet alive
year years month months week weeks day days time times first last next previous past current new
mr mrs ms dr per cent percent percentage point points mid
""".split())

AUX = frozenset("be have do will would could can may might shall should must get".split())

# Verbs of saying and estimating: they name who speaks, not what is measured.
SPEECH = frozenset("""
say tell add report announce estimate claim note warn confirm reveal show publish put count
tally give cite quote insist argue believe think reckon told according explain indicate suggest
""".split())

# Verbs of change or level: the figure is the new level; they are not part of what is measured.
CHANGE = frozenset("""
rise fall climb jump increase decrease grow drop decline ease slow accelerate surge soar plunge slip edge
tick reach hit top exceed stand remain stay total amount come go hover double triple halve peak swell mount
balloon sink tumble dip rebound recover slide shrink fell rose widen narrow spike cool quicken moderate
advance retreat gain lose be hold pick nudge inch creep
""".split())

# Words saying the figure is proposed, promised or a goal rather than a state of the world.
PROPOSAL = frozenset("call urge propose demand push want seek suggest recommend press ask lobby".split())
PLEDGE = frozenset("pledge promise vow commit plan aim intend target".split())
PROJECTION = frozenset("forecast predict project projection outlook consensus anticipate poll guidance".split())
PROJECTION_SAYERS = frozenset("analyst economist market poll survey forecaster consensus".split())
REVISION = frozenset("revise revision correct update".split())

# Generic nouns that name a count or level but not what is counted ("the death toll", "the number of").
CONTAINER = frozenset("""
number toll total tally figure count level amount share proportion percentage rate sum estimate
tolls numbers figures
""".split())

# Modifiers that do not change which measure is meant ("overall", "headline", "annual").
NEUTRAL_MOD = frozenset("""
overall total headline annual yearly official latest current new final preliminary initial estimated
confirmed reported recorded record total entire whole combined full main key critical major further
additional current earlier previous revised updated provisional early late just only mere some
unprecedented so-called consecutive second third fourth quarter quarterly monthly weekly daily fiscal
half-year full-year year-on-year month-on-month consumer basis confirm report average
""".split())

# Modifiers meaning the thing counted is one new instance, not a revision of an earlier one.
NEW_INSTANCE = frozenset("new another additional fresh second separate".split())

MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split())

DURATION_UNITS = frozenset("""day days year years month months week weeks hour hours minute minutes second seconds
decade decades century centuries""".split())

# Past-state markers: "the then-31 members", "formerly".
PAST_MARKERS = frozenset("then former formerly previously once".split())

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)*%?|[%$€£¥]")


# Hyphenated words whose parts mean nothing alone: "like-for-like sales", "year-on-year", "month-on-month".
_FIXED_COMPOUND = re.compile(r"(?i)[a-z]+-(?:for|on|to|by|in|of)-[a-z]+")


class Token(NamedTuple):
    """One word of a sentence with its place in it."""

    text: str
    start: int  # offset in the sentence
    end: int
    lower: str
    lemma: str  # plain lemma ("allies" -> "ally")
    key: str  # lemma after synonym folding ("allies" -> "member")
    cap: bool  # written with a capital letter


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """Lemma of a lower-case word, irregular news verbs first, then simplemma."""
    w = word.replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    if w in _OVERRIDES:
        return _OVERRIDES[w]
    if not w.isalpha() and "-" not in w:
        return w
    lem = simplemma.lemmatize(w, lang="en").lower()
    return _OVERRIDES.get(lem, lem)


@lru_cache(maxsize=65536)
def folded(word: str) -> str:
    """Lemma with synonym folding: 'allies' -> 'member', 'killed' -> 'die'."""
    lem = lemma(word)
    return FOLD.get(lem, lem)


@lru_cache(maxsize=8192)
def tokenize(sentence: str) -> tuple[Token, ...]:
    """Words of a sentence with offsets; hyphenated words split ("then-31", "32-member")."""
    out: list[Token] = []
    for m in _WORD.finditer(sentence):
        text = m.group(0)
        base = m.start()
        parts = text.split("-") if "-" in text and not _FIXED_COMPOUND.fullmatch(text) else [text]
        off = base
        for p in parts:
            if p:
                low = p.lower()
                alpha = p[0].isalpha()
                cap = p[0].isupper()
                if cap and low in MONTHS:  # "March" the month is not "march" the verb
                    out.append(Token(p, off, off + len(p), low, low, low, cap))
                else:
                    out.append(Token(p, off, off + len(p), low, lemma(low) if alpha else low,
                                     folded(low) if alpha else low, cap))
            off += len(p) + 1
    return tuple(out)


def is_content(tok: Token) -> bool:
    """A word that can carry meaning for a measure."""
    return (tok.text[0].isalpha() and tok.lower not in STOP and tok.lemma not in STOP and len(tok.lower) > 1
            and not (tok.cap and tok.lower in MONTHS))
