"""Find the figures in one sentence: value, unit, qualifier, total, counted thing, change.

Hand-written rules over one candidate pattern rather than quantulum3 (misreads "$60bn",
misses "then-31", ~3 ms a sentence) or a number-word library (they mangle "two-thirds"
and "$470 billion"). Each candidate is judged from bounded windows of text around it,
so the work is linear in the sentence length: every quantifier is bounded and no
pattern nests unbounded repetition.

Periods are not decided here (see `periods.py`): they need the sentence's clauses
and time expressions, which the caller has.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .numbers import (
    CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DENOMINATORS, GLUED_ONLY, ORDINAL_WORDS, SCALE_ABBR,
    TIME_UNITS, UNITS, VAGUE, VULGAR, digits_value, plural, words_value,
)

_W = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
      r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
      r"thousand|million|billion|trillion)")
_FRAC_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten)"
_DEN = r"(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)"
_ORD = "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,6})?|\d{1,15}(?:\.\d{1,6})?|\.\d{1,6}"

_CORE = re.compile(
    r"(?<![\w.,/:\u00b0])(?:"
    r"(?P<digits>(?:" + _DIGITS + r")[\u00bd\u00bc\u00be\u2153\u2154]?)"
    r"|(?P<fracscale>(?i:" + _FRAC_NUM + r")[\s-]{1,2}(?i:" + _DEN + r")\s{1,2}(?i:of\s{1,2}an?\s{1,2}(?:million|billion))\b)"
    r"|(?P<frac>(?i:" + _FRAC_NUM + r")[\s-]{1,2}(?i:" + _DEN + r")\b|(?i:half)\b(?!\s{1,2}a\s{1,2}(?i:dozen|million|billion)))"
    r"|(?P<vague>(?i:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|billions)\b)"
    r"|(?P<words>(?i:a\s{1,2}(?:dozen|hundred|thousand|million|billion|trillion)\b|half\s{1,2}a\s{1,2}(?:dozen|million|billion)\b|"
    + _W + r"(?:(?:\s{1,2}and\s{1,2}|[\s-]{1,2})" + _W + r"){0,6}\b(?:\s{1,2}and\s{1,2}a\s{1,2}half\b)?))"
    r"|(?P<ordw>(?i:" + _ORD + r")\b)"
    r"|(?P<mult>(?i:doubled|tripled|trebled|quadrupled|halved)\b)"
    r")"
)
_CUR_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?:US|U\.S\.|AU|A|CA|C|HK|NZ|S|R|MX)?\$|[\u20ac\u00a3\u00a5\u20b9\u20a9\u20bd\u20ba\u20aa\u20b4\u20a6]"
    r"|\bRs\.?|\b(?:" + "|".join(sorted(CURRENCY_CODES)) + r"))\s?$")
_GLUED = re.compile(r"(?i:(?P<scale>k|mn|mln|bn|bln|m|b|tn|trn)|(?P<unit>%|mm|cm|km/h|km\u00b2|km2|kms|km|kg|kwh|mwh|gwh|twh|"
                    r"mw|gw|kw|mph|kph|bps|bpd|pp|ppts?|ft|mi|lbs|lb|\u00b0\s?c|\u00b0\s?f|\u00b0|c|f|t|g|l)|(?P<ord>st|nd|rd|th)"
                    r"|(?P<plus>\+))(?![A-Za-z0-9])")
_SPACED_SCALE = re.compile(r"\s{1,2}(?P<scale>(?i:thousand|million|billion|trillion|mn|mln|bn|bln|tn|trn|crores?|lakhs?)|m)(?![A-Za-z0-9])")
_UNIT_WORDS = sorted((u for u in UNITS if u not in GLUED_ONLY and not u.startswith("\u00b0")), key=len, reverse=True)
_CUR_WORDS = sorted(CURRENCY_WORDS, key=len, reverse=True)
_SPACED_UNIT = re.compile(
    r"\s{0,2}(?P<pct>%)|\s{1,2}(?:(?P<unit>(?i:" + "|".join(re.escape(u) for u in _UNIT_WORDS) + r"))"
    r"|(?P<code>" + "|".join(sorted(CURRENCY_CODES)) + r")|(?P<curw>(?i:" + "|".join(_CUR_WORDS) + r")))(?![A-Za-z0-9])")
_COMPOUND = re.compile(r"-(?P<w>[A-Za-z]{1,20})(?:-(?P<w2>[A-Za-z]{1,12}))?(?![A-Za-z-])")
_NUM_SIMPLE = (r"(?:" + _DIGITS + r"|(?i:" + _W + r"(?:[\s-]{1,2}" + _W + r"){0,3}))")
_TOTAL = re.compile(
    r"\s{1,3}(?i:out\s{1,3}of|of)\s{1,3}(?:(?i:its|their|the|his|her|our|all|these|those|a\s{1,2}total\s{1,2}of)\s{1,3})?"
    r"(?P<then>(?i:then)[-\s]{1,2})?(?P<tot>" + _NUM_SIMPLE + r")(?![\w%.,-])")
_RANGE_TAIL = re.compile(
    r"\s{0,2}(?P<sep>-|\u2013|\u2014|(?i:to)\s|(?i:and)\s)\s{0,2}(?P<cur>[$\u20ac\u00a3\u00a5\u20b9])?"
    r"(?P<num>" + _DIGITS + r"|(?i:" + _W + r"(?:[\s-]{1,2}" + _W + r"){0,3}))"
    r"(?=(?i:k|mn|mln|bn|bln|m|b|tn|trn)(?!\w)|(?![\w.,/-]))")  # "£430m to £450m": a scale glued to the second end
_BY_BEFORE = re.compile(r"\b(?i:by)\s{1,2}$")
_RATIO = re.compile(r"\s{1,3}in\s{1,3}(?P<den>\d{1,4}|(?i:" + _W + r"))\b(?!\s{1,3}(?:19|20)\d\d)")
_NOUN_RUN = re.compile(r"\s{1,2}(?P<run>[A-Za-z][A-Za-z'\u2019-]{0,30}(?:\s{1,2}[A-Za-z][A-Za-z'\u2019-]{0,30}){0,3})")
_OF_PHRASE = re.compile(r"\s{1,2}of\s{1,2}(?:(?:the|its|their|his|her|our|all|these|those|a|an|this|that|total)\s{1,2}){0,2}"
                        r"(?P<run>[A-Za-z][A-Za-z'\u2019-]{0,30}(?:\s{1,2}[A-Za-z][A-Za-z'\u2019-]{0,30}){0,2})")
_PARTICIPLE = re.compile(
    r"\s{1,3}(?:(?:were|was|are|is|have\s{1,2}been|has\s{1,2}been|had\s{1,2}been|been|being|reported|left|feared|confirmed)\s{1,3})?"
    r"(?:(?:now|already|still|also|all|reportedly)\s{1,3})?"
    r"(?P<p>killed|injured|wounded|hurt|dead|died|arrested|detained|displaced|evacuated|rescued|missing|"
    r"hospitali[sz]ed|infected|affected|laid\s off|deported|sentenced|charged|convicted|jailed|kidnapped|abducted|"
    r"executed|murdered|stabbed|shot|drowned|trapped|stranded|vaccinated|diagnosed|hired|elected|fired|employed)\b")
_QUAL_AFTER = re.compile(r"\s{0,2}(?:(?P<more>or\s{1,2}more|and\s{1,2}(?:more|above|up|over)|plus|or\s{1,2}above)|"
                         r"(?P<less>or\s{1,2}(?:less|fewer|under|below))|(?P<approx>or\s{1,2}so))\b")
_QUALIFIERS = {
    "approximate": ("about", "around", "approximately", "approx.", "roughly", "some", "an estimated", "estimated",
                    "nearly", "almost", "close to"),
    "lower_bound": ("just over", "more than", "over", "above", "at least", "upwards of", "in excess of",
                    "no fewer than", "no less than", "a minimum of"),
    "upper_bound": ("just under", "fewer than", "less than", "under", "below", "up to", "as many as", "as much as",
                    "at most", "no more than", "a maximum of"),
}
_QUAL_OF = {w: q for q, ws in _QUALIFIERS.items() for w in ws}
_UP = ("rose", "rise", "rises", "rising", "risen", "increased", "increase", "increases", "increasing", "grew", "grow",
       "grows", "growing", "grown", "jumped", "jump", "jumps", "jumping", "climbed", "climb", "climbs", "climbing",
       "surged", "surge", "surging", "soared", "soaring", "gained", "gain", "gains", "up", "higher", "expanded",
       "raised", "raise", "boosted", "boost", "hiked", "hike", "added", "advanced", "rallied", "accelerated",
       "quickened", "widened", "swelled", "widens", "quickens", "accelerates", "soars", "surges", "edges", "ticks")
_DOWN = ("fell", "fall", "falls", "falling", "fallen", "dropped", "drop", "drops", "dropping", "declined", "decline",
         "declines", "declining", "decreased", "decrease", "decreasing", "slid", "slipped", "slumped", "plunged",
         "plummeted", "tumbled", "sank", "shrank", "shrunk", "contracted", "down", "lower", "cut", "cuts", "lowered",
         "reduced", "reduce", "trimmed", "lost", "eased", "dipped", "retreated", "slowed", "cooled", "narrowed",
         "shed", "slows", "eases", "dips", "cools", "narrows", "slides", "slips", "plunges", "tumbles", "sinks",
         "shrinks", "contracts", "retreats", "slumps", "cuts", "lowers")
_CHANGE_NOUN_AFTER = re.compile(
    r"\s{1,2}(?:(?P<up>rise|increase|gain|jump|growth|hike|surge|higher|more|uptick|raise)|"
    r"(?P<down>drop|fall|decline|decrease|cut|reduction|slump|loss|lower|less|fewer|contraction|dip))\b")
_SUBJECT_BEFORE_VERB = re.compile(r"(?P<subj>[A-Za-z][a-z]{2,20}(?:\s{1,2}[a-z]{3,20})?)\s{1,3}$")
_THEN_BEFORE = re.compile(r"(?i:then)[-\s]{1,2}$")
_AGE_AFTER = re.compile(r"(?:-|\s{1,2})(?i:years?|yrs?)(?:-|\s{1,2})(?i:old)\b|\s{1,2}(?i:years?\s{1,2}of\s{1,2}age)\b")
_NAME_AGE = re.compile(r"[A-Z][a-z]{1,20},\s{1,2}$")
_CAP_OK = frozenset(
    """The A An Only Just About Around Some Nearly Almost Over More Fewer Less All Another Its Their His Her Our My Your
    These Those Roughly Approximately At Up Least Than To Of By From With In On And But Or Since For After Before
    Between Among Each Every Exactly Barely Under Below Above Perhaps Maybe While When Where If Nearly Another Until
    Of Some Another Those Total Estimated Record""".split()
)
_TIME_AFTER = re.compile(r"(?::\d{2}|\.\d{2}\s{0,2}(?i:a\.?m\b|p\.?m\b)|\s{0,2}(?i:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|bst\b|utc\b|"
                         r"et\b|est\b|cet\b|hrs\b|o'clock))")
_PHONE_AFTER = re.compile(r"[\s.-]\d{2,4}[\s.-]\d{2,5}\b")
_LIST_AFTER = re.compile(r"[.)]\s")
_SCORE_CONTEXT = re.compile(r"\b(?i:won|win|wins|beat|beats|lost|lose|loses|drew|draw|defeated|victory|defeat|score|scored|"
                            r"scoreline|thrashed|edged)\b")
_SCORE_AFTER = re.compile(r"\s{1,2}(?i:win|victory|defeat|loss|draw|lead|home\s{1,2}win|away\s{1,2}win|vote|decision|majority|ruling)\b")
_STOP = frozenset(
    """the a an of in on at to for from by with and or but as than that which who whom whose this these those
    it its their his her our my your we they he she i you is are was were be been being has have had do does did
    will would could should may might must can shall not no nor so if then there here when where while after before
    since until during into onto over under about around across against between among through per via up down off out
    more most less least very just only also even still already again each every other another such both either
    neither all any some many much few several same own last next ago earlier later each year years month months week
    weeks day days time times percent cent points point according like including instead rather plus minus almost
    nearly roughly approximately who what why how overnight apiece altogether alone combined together too""".split()
)
_DETERMINERS = frozenset("the a an its their his her our this that these those my your some any every each".split())
_CURRENCY_NOUN = frozenset({"dollars", "dollar", "euros", "euro", "pounds", "yen", "yuan"})


_UPSET = frozenset(_UP)
_DOWNSET = frozenset(_DOWN)
_CHANGE_PREPS = frozenset({"by", "to", "from", "of", "at"})
_NOT_FILLER = frozenset({"from", "to", "by", "and", "in", "of", "the", "was", "were", "is", "are"})
_BASE_FILLERS = frozenset({"a", "an", "just", "only", "about", "around", "some", "nearly", "almost"})
_GERUNDS = {"killing": "killed", "injuring": "injured", "wounding": "wounded", "displacing": "displaced",
            "arresting": "arrested", "detaining": "detained", "evacuating": "evacuated", "rescuing": "rescued",
            "hurting": "hurt", "leaving": ""}
_REF_WORDS = frozenset(
    """no nos number page p pp chapter section article clause paragraph rule item room gate platform route flight bus
    line level grade size round stage step phase vol volume issue episode season act scene table figure fig exhibit
    appendix annex resolution version v model id code ref tel phone ext box unit apartment apt suite floor block lot
    ward sector zone highway interstate tier category class channel division row seat lane track term week day game
    match gameweek matchday pier terminal batch series generation""".split())
_REF_LIST = re.compile(r"\b(?:" + "|".join(sorted(_REF_WORDS)) + r")s?\s{1,2}\d{1,5}(?:\s{0,2}(?:,|and|or|&)\s{1,2}\d{1,5}){0,4}"
                       r"\s{0,2}(?:,|and|or|&)\s{1,2}$")
_BROADCAST_AFTER = re.compile(r"\s{0,2}(?:FM|AM|MHz|kHz|DAB)\b")
_PER_CURRENCY = re.compile(r"\s{1,2}(?i:per|a|to\s{1,2}the|against\s{1,2}the)\s{1,2}(?P<c>(?i:" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")|[A-Z]{3})\b")
_MAGNITUDE_BEFORE = re.compile(r"(?i:magnitude|magnitude-)\s{0,2}(?:(?:of|at|was|is)\s{1,2})?$")
_POINT_AFTER = re.compile(r"(?:\s{1,2}an?\s{1,2}|-)(?i:percentage[\s-]{1,2})?(?i:(?P<bp>basis[\s-]{1,2})?points?)\b")
# "five points ahead", "a lead of 3 points": a gap between two shares, in percentage points.
_POINTS_GAP_AFTER = re.compile(r"\s{1,2}(?i:points?)(?=\s{1,2}(?i:ahead|behind|clear|adrift|in\s{1,2}front)\b)")
_POINTS_AFTER = re.compile(r"\s{1,2}(?i:points?)\b")
_GAP_BEFORE = re.compile(r"\b(?i:lead|margin|gap|advantage|deficit)\s{1,2}(?i:of)\s{1,2}(?:(?i:about|around|nearly|almost|just|only|some|roughly)\s{1,2})?$"
                         r"|\b(?i:ahead|behind|led|leads|leading|trails|trailed|trailing|won|wins|lost)\s{1,2}(?i:by)\s{1,2}$")
# "14 Main Street": a number before a Capitalised street name is part of an address.
_ADDRESS_AFTER = re.compile(r"\s{1,2}(?:[A-Z][a-z'\u2019]{1,20}\s{1,2}){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|"
                            r"Drive|Way|Place|Square|Court|Terrace|Crescent|Close|Parade|Row|Quay|Embankment|Highway)\b")
# A bare number after a name, in a clause parallel to an earlier figure: "..., the Farmers' League 17
# and the Liberal Centre 15": the verb and the noun are left out and repeat those of the first.
_ELLIPSIS_BEFORE = re.compile(r"(?:,|\s(?i:and|while|whereas|with|against|to|versus|vs\.?))\s{1,2}(?:(?i:the)\s{1,2})?"
                              r"(?:[A-Z][\w'\u2019.&-]{0,25}\s{1,2}(?:(?:of|for|de|du|del|la|le|and)\s{1,2})?){1,5}$")
_ELLIPSIS_AFTER = re.compile(r"\s{0,2}(?:[,.;:)]|\s(?i:and|while|whereas|with|against|to)\b|$)")
# "gave the Civic Alliance 63 seats": a name of two or more words after "the" takes a figure as
# the object of a verb; a one-word name ("the Boeing 737 jets") is a model name.
_OBJECT_NAME_BEFORE = re.compile(r"\b(?:the|to)\s{1,2}(?:[A-Z][\w'\u2019.&-]{0,25}\s{1,2}){2,5}$")
_ORDINAL_DEN = frozenset("third fourth fifth sixth seventh eighth ninth tenth".split())
_QUAL_PHRASES = {**_QUAL_OF, "between": "between", "from": "from"}


_RATE_UNITS = frozenset({"percent", "percentage_points", "basis_points", "magnitude", "rate"})
_PLURALS = frozenset("people children men women staff police personnel cattle sheep fish data media feet teeth "
                     "mice geese crew".split())


def _prev(low: str, lo: int, pos: int, n: int) -> list[str]:
    """The last `n` words before `pos`, lowercased; empty unless only spaces separate them from `pos`."""
    chunk = low[max(lo, pos - 60):pos]
    if chunk and not chunk[-1].isspace():
        return []
    return chunk.split()[-n:]


def _level_word_before(low: str, lo: int, pos: int) -> bool:
    """"rose to", "has risen to", "remains at", "stood at", "the toll there to": a level is given next."""
    w = _prev(low, lo, pos, 4)
    if not w or w[-1] not in ("to", "at"):
        return False
    return any(x.strip(",") in _UPSET or x.strip(",") in _DOWNSET or x in _LEVEL_VERBS or x in _PUT_VERBS
               or x in ("risen", "fallen", "climbed", "toll") for x in w[:-1])


def _qualifier_before(low: str, lo: int, pos: int) -> str | None:
    w = _prev(low, lo, pos, 4)
    for k in (4, 3, 2, 1):
        if len(w) >= k:
            phrase = " ".join(w[-k:])
            if phrase in _QUAL_PHRASES:
                return phrase
    return None


def _change_before(low: str, lo: int, pos: int) -> tuple[str, str] | None:
    """("rose", "by") for "rose by an unprecedented 11%": a change verb and its preposition."""
    w = _prev(low, lo, pos, 5)
    if w and w[-1] in ("$", "\u20ac", "\u00a3", "\u00a5"):
        w = w[:-1]
    for i in range(len(w) - 1, max(-1, len(w) - 5), -1):
        word = w[i].strip(",")
        if word in _UPSET or word in _DOWNSET:
            rest = w[i + 1:]
            k = next((j for j, x in enumerate(rest) if x in _CHANGE_PREPS), -1)
            if k > 1:
                return None  # at most one object word between verb and preposition: "raised rates by"
            prep = rest[k] if k >= 0 else ""
            fill = rest[k + 1:] if k >= 0 else rest
            if len(fill) <= 2 and all(x.isalpha() and x not in _NOT_FILLER for x in fill):
                return word, prep
            return None
    return None


def _baseline_before(low: str, lo: int, pos: int) -> bool:
    w = _prev(low, lo, pos, 5)
    while w and w[-1] in _BASE_FILLERS:
        w = w[:-1]
    if not w:
        return False
    return w[-1] in ("from", "versus", "vs", "vs.", "against") or (len(w) > 1 and w[-2] == "compared" and w[-1] in ("with", "to"))


def _gerund_before(low: str, lo: int, pos: int) -> str | None:
    w = _prev(low, lo, pos, 4)
    for i in range(len(w) - 1, -1, -1):
        if w[i] in _GERUNDS:
            return w[i]
        if w[i] not in ("at", "least", "more", "than", "some", "about", "around", "nearly", "almost", "over", "an", "estimated"):
            return None
    return None


@dataclass(slots=True)
class Found:
    """A figure before its period is known."""

    value: float
    unit: str
    start: int
    end: int
    qualifier: str = "exact"
    low: float | None = None
    high: float | None = None
    total: float | None = None
    counted: str | None = None
    change: str | None = None
    tags: list[str] = field(default_factory=list)


def _core_value(m: re.Match[str]) -> tuple[float | None, str]:
    """(value, kind) of a candidate: kind is digits | words | frac | vague | ordw | mult."""
    kind = m.lastgroup or ""
    s = m.group()
    if kind == "digits":
        tail = s[-1]
        if tail in VULGAR:
            base = digits_value(s[:-1])
            return (None if base is None else base + VULGAR[tail]), kind
        return digits_value(s), kind
    if kind == "fracscale":  # "a quarter of a million", "three-quarters of a billion"
        frac, scale = re.split(r"\s+of\s+an?\s+", s.lower())
        num, den = re.split(r"[\s-]+", frac)
        n = 1 if num in ("a", "an") else words_value(num)
        return (None if n is None else n / DENOMINATORS[den] * (1e6 if scale == "million" else 1e9)), "words"
    if kind == "frac":
        low = s.lower()
        if low == "half":
            return 0.5, kind
        num, den = re.split(r"[\s-]+", low)
        n = 1 if num in ("a", "an") else words_value(num)
        return (None if n is None else n / DENOMINATORS[den]), kind
    if kind == "vague":
        return VAGUE.get(" ".join(s.lower().split())), kind
    if kind == "ordw":
        return float(ORDINAL_WORDS[s.lower()]), kind
    if kind == "mult":
        return {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}[s.lower()], kind
    low = s.lower()
    if low.startswith("half"):
        v = words_value(low.replace("half", "", 1).replace(" a ", " ").strip() or "one")
        return (None if v is None else v / 2), kind
    if low.endswith("half"):
        v = words_value(low.rsplit("and", 1)[0])
        return (None if v is None else v + 0.5), kind
    return words_value(low), kind


def _simple_value(s: str) -> float | None:
    s = s.strip()
    if s[:1].isdigit() or s[:1] == ".":
        return digits_value(s)
    return words_value(s)


def _noun_run(text: str, pos: int, end: int) -> tuple[str | None, int]:
    """The content words right after `pos` (a counted noun phrase) and where they end."""
    m = _NOUN_RUN.match(text, pos, end)
    if m is None:
        return None, pos
    words = m.group("run").split()
    kept: list[str] = []
    for i, w in enumerate(words):
        lw = w.lower().strip("'\u2019")
        if i == 0 and lw in ("more", "further", "other") and len(words) > 1 and words[1].lower() not in _STOP:
            continue  # "two more people died": the people are counted
        if lw in _STOP or lw.endswith("ly") or lw in UNITS and not kept:
            break
        if i + 1 < len(words) and words[i + 1].lower() in _DETERMINERS and kept:
            break  # a word followed by a determiner is a verb: "members hit the target"
        kept.append(w.rstrip("'\u2019").removesuffix("'s").removesuffix("\u2019s"))
        if lw in _PLURALS or (lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and len(lw) > 3):
            break  # a plural noun heads the phrase: "protesters overnight" stops at "protesters"
    if not kept:
        return None, pos
    if len(kept) > 2:
        kept = kept[:2] if kept[1][0].islower() and kept[2][0].islower() and not kept[2].endswith("s") else kept[-2:]
    phrase = " ".join(kept)
    stop = text.find(kept[-1], pos, end) + len(kept[-1])
    return phrase, stop


def find_figures(text: str, start: int, end: int, blocked: list[tuple[int, int]],
                 candidates: list[int] | None = None, low: str | None = None) -> list[Found]:
    """Figures in text[start:end]; numbers inside `blocked` spans (dates, times) are skipped.

    `candidates` are the offsets where a figure may start (see `tokens.Candidates`).
    """
    if candidates is None:
        from .tokens import Candidates

        cands = Candidates(text)
        candidates, low = Candidates.within(cands.figure, start, end), cands.low
    if low is None:
        low = text.lower()
    out: list[Found] = []
    consumed_to = start
    for c in candidates:
        if c < consumed_to or any(bs <= c < be for bs, be in blocked):
            continue
        m = _CORE.match(text, c, end)
        if m is None:
            continue
        s, e = m.span()
        f = _judge(text, low, m, start, end)
        if f is None and out and m.lastgroup == "digits":
            f = _elliptical(text, s, e, start, end, out[-1])
        if f is not None:
            out.append(f)
            consumed_to = max(consumed_to, f.end)
    _link_changes(text, out)
    return out


def _elliptical(text: str, s: int, e: int, ss: int, se: int, prev: Found) -> Found | None:
    """A bare number after a name that repeats an earlier figure's clause with its verb and noun
    left out: "gave the Alliance 63 seats and the People's Front 52" -> 52 seats."""
    if s - prev.end > 120 or "ordinal" in prev.tags or "compound" in prev.tags or prev.qualifier == "range":
        return None
    if prev.unit == "count" and prev.counted is None:
        return None
    if s > ss and text[s - 1] != " ":
        return None
    scale, end = 1.0, e
    sm = _SPACED_SCALE.match(text, e, se)
    if sm is not None and sm.group("scale") != "m":
        scale, end = SCALE_ABBR.get(sm.group("scale").lower(), 1.0), sm.end()  # "Samsung 40 million"
    if not _ELLIPSIS_AFTER.match(text, end, se):
        return None
    before = _ELLIPSIS_BEFORE.search(text, max(ss, s - 100, prev.end), s)
    if before is None or _is_year_like(text[s:e]):
        return None
    value = digits_value(text[s:e])
    if value is None:
        return None
    return Found(value * scale, prev.unit, s, end, counted=prev.counted, total=prev.total, tags=["elliptical"])


def _judge(text: str, low: str, m: re.Match[str], ss: int, se: int) -> Found | None:
    """Decide whether one candidate is a figure, and build it."""
    value, kind = _core_value(m)
    if value is None:
        return None
    s, e = m.span()
    core = m.group()
    hyphen_name = s - 2 >= ss and text[s - 1] == "-" and text[s - 2].isalpha() and not _THEN_BEFORE.search(text, max(ss, s - 6), s)
    prev1 = _prev(low, ss, s, 1)
    age_word = bool(prev1) and prev1[0] in ("aged", "age", "ages")
    unit = "count"
    scale = 1.0
    tags: list[str] = []
    fs, fe = s, e

    if kind == "mult":
        return Found(value, "times", s, e, change="decrease" if value < 1 else "increase", tags=["multiplier"])

    if kind == "frac":
        parts = core.lower().replace("-", " ").split()
        nxt = _NOUN_RUN.match(text, e, se)
        if len(parts) == 2 and parts[0] in ("a", "an") and parts[1] in _ORDINAL_DEN and nxt is not None \
                and nxt.group("run").split()[0].lower() not in _STOP:
            return None  # "a third estimate": an ordinal, not a fraction
        n = words_value(parts[0]) if "-" not in core and value >= 1 else None
        if n is not None:  # "four quarters", "six quarters ago": a count of periods, not 4/4 or 6/4
            return _finish(text, low, Found(float(n), "count", s, e, counted=parts[1], tags=tags),
                           s, ss, se, "words", parts[0])
        pt = _POINT_AFTER.match(text, e, se)
        if pt is not None:  # "by half a percentage point", "a half-point cut"
            unit = "basis_points" if pt.group("bp") else "percentage_points"
            return _finish(text, low, Found(value, unit, s, pt.end(), tags=tags), s, ss, se, kind, core)

    # currency before the number
    currency = None
    cm = _CUR_BEFORE.search(text, max(ss, s - 6), s)
    if cm is not None and kind == "digits":
        sym = cm.group().strip()
        currency = CURRENCY_SYMBOLS.get(sym) or (sym if sym in CURRENCY_CODES else None)
        if currency is None and sym.endswith("$"):
            currency = "USD"
        if currency:
            fs = cm.start()

    if kind == "digits":
        if hyphen_name:
            return None  # model names: F-16, Su-27, COVID-19
        if s > ss and text[s - 1] == "-" and s - 2 >= ss and text[s - 2].isdigit():
            return None  # second half of a range or phone number, handled with the first
        if _TIME_AFTER.match(text, e, se) or _PHONE_AFTER.match(text, e, se) and "," not in core:
            return None
        if s > ss and text[s - 1] in "+#":
            return None
        if text[e:e + 1] == "/" and text[e + 1:e + 2].isdigit():
            return None  # "24/7", "9/11"
        if s - 2 >= ss and text[s - 1] in " .-" and text[s - 2].isdigit() and "," not in core:
            prev_tok = text[max(ss, s - 8):s - 1].split()[-1:]
            if prev_tok and prev_tok[0].isdigit():
                return None  # the later groups of a phone or reference number
        if currency is None and prev1 and (prev1[0].rstrip(".") in _REF_WORDS or prev1[0].endswith("s")
                                           and prev1[0][:-1] in _REF_WORDS):
            return None  # "route 9", "bus lines 14 and 22"
        if currency is None and _REF_LIST.search(low, max(ss, s - 40), s):
            return None  # the later numbers of "lines 14 and 22"
        if currency is None and _ADDRESS_AFTER.match(text, e, se):
            return None  # "14 Main Street": a house number
        if _BROADCAST_AFTER.match(text, e, se):
            return None  # "98.3 FM": a frequency is a name
        if s == ss and _LIST_AFTER.match(text, e, se) and "." not in core:
            return None
        if "," not in core and "." not in core and len(core) >= 7 and currency is None:
            return None  # long bare digit strings are identifiers
        if age_word or _AGE_AFTER.match(text, e, se) or (
            text[e:e + 2] in (", ", ",\n") and value < 120 and "." not in core and _NAME_AGE.search(text, max(ss, s - 24), s)
        ):
            return None
    elif kind in ("words",):
        if age_word or _AGE_AFTER.match(text, e, se):
            return None
        if hyphen_name:
            return None

    # glued suffix ("155mm", "470bn", "2nd", "5%")
    g = _GLUED.match(text, e, se) if kind == "digits" else None
    ordinal = False
    plus = False
    if g is not None:
        if g.group("scale"):
            sc = g.group("scale").lower()
            if sc in ("m", "b") and currency is None:
                if sc == "m":
                    unit = "m"
                else:
                    return None
            else:
                scale = SCALE_ABBR[sc]
            fe = g.end()
        elif g.group("unit"):
            u = g.group("unit").lower().replace(" ", "")
            if u == "%":
                unit = "percent"
            elif u in ("\u00b0c", "c"):
                unit = "celsius"
            elif u in ("\u00b0f", "f"):
                unit = "fahrenheit"
            elif u == "\u00b0":
                unit = "degrees"
            else:
                unit = UNITS.get(u, u)
            if u in ("g", "t", "m", "l") and text[e].isupper():
                return None  # "5G", "4T": names, not grams or tonnes
            fe = g.end()
        elif g.group("ord"):
            ordinal = True
            fe = g.end()
        elif g.group("plus"):
            plus = True
            fe = g.end()
    elif kind == "digits" and e < se and (text[e].isalpha()):
        return None  # "4G", "3D": a name, not a quantity

    if ordinal:
        # "32nd member" counts; "March 14th" was blocked as a date; "21st century" is not a figure
        after = _noun_run(text, fe, se)[0]
        if after is None or after.split()[0].lower() in ("century", "centuries", "birthday", "minute", "place"):
            return None
        if text[fe:fe + 1] == " " and text[fe + 1:fe + 2].isupper() and text[fe + 2:fe + 3].islower():
            return None  # "the 4th Engineer Regiment": an ordinal glued to a Capitalised noun names a unit
        tags.append("ordinal")

    if kind == "ordw":
        nm = re.match(r"\s{1,2}(?:(?i:consecutive|straight|successive|running)\s{1,2})?(?P<u>(?i:years?|months?|weeks?|days?|quarters?))\b",
                      text[e:se])
        if nm is None:
            return None
        u = nm.group("u").lower()
        unit = "quarters" if u.startswith("quarter") else UNITS[u]
        fe = e + nm.end()
        return Found(value, unit, fs, fe, tags=["ordinal"])

    # spaced scale word ("60 billion", "3.5 m" only with a currency)
    if scale == 1.0 and unit == "count" and kind in ("digits", "words"):
        sm = _SPACED_SCALE.match(text, fe, se)
        if sm is not None and (sm.group("scale") != "m" or currency):
            scale = SCALE_ABBR.get(sm.group("scale").lower(), 1.0)
            fe = sm.end()

    # a gap between shares: "five points ahead", "a lead of 3 points"
    if unit == "count" and scale == 1.0 and kind in ("digits", "words"):
        gp = _POINTS_AFTER.match(text, fe, se)  # cheap test first: few numbers are followed by "points"
        if gp is not None and not (_POINTS_GAP_AFTER.match(text, fe, se) or _GAP_BEFORE.search(text, max(ss, s - 24), s)):
            gp = None
        if gp is not None:
            return _finish(text, low, Found(value, "percentage_points", fs, gp.end(), tags=tags), s, ss, se, kind, core)

    # spaced unit ("11 per cent", "3 percentage points", "5 km", "10 euros", "USD")
    if unit == "count" and kind in ("digits", "words", "frac"):
        um = _SPACED_UNIT.match(text, fe, se)
        if um is not None:
            if um.group("pct"):
                unit = "percent"
            elif um.group("unit"):
                unit = UNITS[um.group("unit").lower()]
            elif um.group("code") and currency is None:
                currency = um.group("code")
            elif um.group("curw") and currency is None:
                w = um.group("curw").lower()
                if w == "won" and kind != "digits":
                    um = None
                elif w == "pounds" and re.match(r"\s{1,2}(?:of|in weight)\b", text[um.end():um.end() + 12]):
                    unit = "lb"
                else:
                    currency = CURRENCY_WORDS[w]
            if um is not None:
                fe = um.end()

    # compound adjective: "32-member bloc", "two-day meeting", "10-year plan", "155-mm"
    if unit == "count" and not currency and not ordinal:
        cp = _COMPOUND.match(text, fe, se)
        if cp is not None:
            w = cp.group("w").lower()
            w2 = (cp.group("w2") or "").lower()
            if w2 == "old" or w in ("old",):
                return None  # an age: "45-year-old"
            if w in ("year", "month", "week", "day", "hour", "minute", "second", "decade", "century"):
                unit = UNITS[w]
            elif w in UNITS and w not in GLUED_ONLY:
                unit = UNITS[w]
            elif w in ("percent", "per"):
                unit = "percent"
            elif w in ("plus",):
                plus = True
            elif w == "magnitude":
                unit = "magnitude"
            elif w in ("thirds", "quarters", "halves", "fifths"):
                return None
            else:
                tags.append("compound")
                counted_compound = plural(w)
                fe = cp.end()
                return _finish(text, low, Found(value * scale, "count", fs, fe, counted=counted_compound, tags=tags),
                               s, ss, se, kind, core)
            fe = cp.end() if not w2 else cp.start() + 1 + len(cp.group("w"))
            tags.append("compound")

    if currency:
        unit = currency
    val = value * scale

    if kind == "digits" and unit == "count" and not currency and _MAGNITUDE_BEFORE.search(text, max(ss, s - 14), s):
        unit = "magnitude"  # "magnitude 7.1": a point on a scale, not a count
    pc = _PER_CURRENCY.match(text, fe, se) if unit == "count" and not currency and kind == "digits" else None
    if pc is not None:  # "11.42 per euro": an exchange rate
        return _finish(text, low, Found(value * scale, "rate", fs, pc.end(), counted="per " + pc.group("c").lower(),
                                        tags=tags), s, ss, se, kind, core)
    if kind == "frac" and unit == "count":
        unit = "fraction"
    if kind == "vague":
        tags.append("approximate_word")

    f = Found(val, unit, fs, fe, tags=tags)
    if plus:
        f.qualifier = "lower_bound"
    if kind == "vague":
        f.qualifier = "approximate"
    return _finish(text, low, f, s, ss, se, kind, core)


def _finish(text: str, low: str, f: Found, s: int, ss: int, se: int, kind: str, core: str) -> Found | None:
    """Qualifiers, ranges, totals, counted thing and change words around a built figure."""
    # then-31: a past state
    if _THEN_BEFORE.search(text, max(ss, s - 6), s):
        f.tags.append("past_state")
        f.start = s - len(_THEN_BEFORE.search(text, max(ss, s - 6), s).group())

    qword = _qualifier_before(low, ss, f.start)
    if qword in _QUAL_OF and f.qualifier == "exact":
        f.qualifier = _QUAL_OF[qword]
    qa = _QUAL_AFTER.match(text, f.end, se)
    if qa is not None and f.qualifier == "exact":
        f.qualifier = "lower_bound" if qa.group("more") else "upper_bound" if qa.group("less") else "approximate"

    # ranges: "200-300", "between 200 and 300", "from 2 to 3", "5 to 6 per cent"
    if kind in ("digits", "words") and "ordinal" not in f.tags and "compound" not in f.tags:
        r = _RANGE_TAIL.match(text, f.end if f.unit in ("count",) else s + len(core), se)
        if r is None and f.unit != "count":
            r = _RANGE_TAIL.match(text, f.end, se)
        if r is not None:
            sep = r.group("sep").strip().lower()
            ok = sep in ("-", "\u2013", "\u2014", "to") or (sep == "and" and qword == "between")
            hi = _simple_value(r.group("num"))
            if sep == "to" and hi is not None and hi > 2 * f.value and _BY_BEFORE.search(text, max(ss, f.start - 6), f.start):
                ok = False  # "rose by 300 to 1,200": the change, then the level it reached ("by 2 to 3%" is a range)
            if r.group("cur") and f.unit in ("percent", "percentage_points"):
                ok = False  # "fell 3% to $3.9 billion": a change, then the level it reached
            if ok and sep == "to" and f.unit in ("percent", "percentage_points") \
                    and not _PCT_AFTER.match(text, r.end(), se) and not r.group(0).rstrip().endswith("%"):
                ok = False  # "fell 7% to 182,000 vehicles", "edged up 1.5% to 41.3 million hectolitres"
            hi = _simple_value(r.group("num"))
            if ok and hi is not None:
                rend = r.end()
                scale = f.value / (_simple_value(core) or 1) if _simple_value(core) else 1.0
                # "2 to 3 million": the scale after the second number applies to both
                sm = _SPACED_SCALE.match(text, rend, se) or (_GLUED.match(text, rend, se) if kind == "digits" else None)
                low_v = f.value
                if sm is not None and sm.groupdict().get("scale") and scale == 1.0:
                    sc = SCALE_ABBR.get(sm.group("scale").lower())
                    if sc and (sm.group("scale").lower() not in ("m", "b") or f.unit not in ("count",) or r.group("cur")):
                        low_v, hi, rend = f.value * sc, hi * sc, sm.end()
                else:
                    # "$17.5 billion to $18 billion": the second scale word repeats the first
                    sc = SCALE_ABBR.get(sm.group("scale").lower()) if sm is not None and sm.groupdict().get("scale") else None
                    if sc is not None and abs(sc - scale) <= 1e-9 * scale:
                        rend = sm.end()
                    hi = hi * scale
                um = _SPACED_UNIT.match(text, rend, se)
                gm = _GLUED.match(text, rend, se) if r.group("num")[-1:].isdigit() else None
                if f.unit == "count" and (um is not None and um.group("pct") or gm is not None and gm.group("unit") == "%"):
                    f.unit, rend = "percent", (um.end() if um is not None and um.group("pct") else gm.end())
                elif f.unit == "count" and um is not None and um.group("unit"):
                    f.unit, rend = UNITS[um.group("unit").lower()], um.end()
                elif um is not None and um.group("pct") and f.unit == "percent":
                    rend = um.end()
                is_score = sep in ("-", "\u2013") and (
                    _SCORE_CONTEXT.search(text, max(ss, s - 40), s) or _SCORE_AFTER.match(text, rend, se))
                if qword == "from" and sep == "to" and _change_before(low, ss, low.rfind("from", ss, f.start)):
                    pass  # "rose from 2% to 3%": a change, linked later
                elif is_score or (hi <= low_v and sep != "and"):
                    if is_score or (sep in ("-", "\u2013") and f.unit == "count" and low_v == int(low_v) and hi == int(hi)):
                        return None  # a score "3-1", or a pair of codes
                elif hi > low_v:
                    f.qualifier, f.low, f.high = "range", low_v, hi
                    f.value = low_v
                    f.end = rend

    # X of Y: "seven of 30 members", "18 countries out of the then-31 members"
    if f.unit == "count" and "ordinal" not in f.tags and "compound" not in f.tags:
        noun0, nend0 = _noun_run(text, f.end, se)
        tm = _TOTAL.match(text, nend0 if noun0 and nend0 - f.end < 40 else f.end, se)
        if tm is not None:
            tot = _simple_value(tm.group("tot"))
            if tot is not None and tot >= f.value and not _is_year_like(tm.group("tot")):
                f.total = tot
                if tm.group("then"):
                    f.tags.append("total_past_state")
                noun, nend = _noun_run(text, tm.end(), se)
                f.counted = noun or noun0
                f.end = nend if noun else tm.end()
                if noun0:
                    f.counted = noun0
        if f.total is None and kind in ("digits", "words"):
            rm = _RATIO.match(text, f.end, se)
            if rm is not None:
                den = _simple_value(rm.group("den"))
                if den and den > f.value and den <= 10000 and not _is_year_like(rm.group("den")):
                    f.unit, f.value, f.end = "fraction", f.value / den, rm.end()
                    f.tags.append("ratio")

    # what is counted or measured
    if f.counted is None:
        if f.unit in ("fraction", "percent") or kind == "vague":
            om = _OF_PHRASE.match(text, f.end, se)
            if om is not None:
                f.counted = _noun_run(text, om.start("run") - 1, se)[0] if om.start("run") > 0 else None
        elif f.unit not in _RATE_UNITS:
            f.counted, _ = _noun_run(text, f.end, se)
        if f.counted and f.counted.lower() in _CURRENCY_NOUN:
            f.counted = None
        if f.counted is None and kind != "frac":
            # no noun after the figure: the subject or object before it says what it measures
            f.counted = _context_counted(text, low, ss, f.start)
        if f.counted is None and f.unit == "percent":
            f.counted, _ = _noun_run(text, f.end, se)
    pm = _PARTICIPLE.match(text, f.end, se)
    noun, nend = _noun_run(text, f.end, se) if f.counted is None or f.total is None else (f.counted, f.end)
    if f.counted and pm is None:
        pm = _PARTICIPLE.match(text, _noun_end(text, f.end, se, f.counted), se)
    gm = _gerund_before(low, ss, f.start)
    if pm is not None and f.unit == "count":
        part = " ".join(pm.group("p").split())
        if f.counted == part or f.counted and f.counted.endswith(" " + part):
            f.counted = None  # "300 killed": the participle was taken as the noun
        f.counted = f"{f.counted or 'people'} {part}"
    elif gm is not None and f.unit == "count" and _GERUNDS[gm]:
        f.counted = f"{f.counted or 'people'} {_GERUNDS[gm]}"

    # change: "rose 11%", "a 5% rise", "up from 2.12%"
    cb = _change_before(low, ss, f.start)
    if cb is not None:
        verb, prep = cb
        up = verb in _UPSET
        if prep == "from" or _baseline_before(low, ss, f.start):
            f.change = "baseline"
        elif prep in ("to", "at"):
            f.tags.append("trend_up" if up else "trend_down")
        elif f.unit not in ("count",) or prep == "by" or verb in ("up", "down"):
            f.change = "increase" if up else "decrease"
    elif _baseline_before(low, ss, f.start):
        f.change = "baseline"
    ca = _CHANGE_NOUN_AFTER.match(text, f.end, se)
    if ca is not None and f.change is None and f.unit != "count":
        f.change = "increase" if ca.group("up") else "decrease"

    # a lone "one" is a pronoun or an article far more often than a figure
    if kind == "words" and core.lower() in ("one", "a"):
        pw = _prev(low, ss, s, 1)
        if pw and pw[0] in ("no", "any", "every", "some", "each", "the"):
            return None  # "no one", "the one"
        if f.unit in TIME_UNITS and f.qualifier == "exact" and "compound" not in f.tags:
            return None  # "one day", "one year": idioms more often than durations
    if kind == "words" and core.lower() in ("one", "a") and f.total is None and f.unit == "count":
        if not (f.counted and " " in f.counted and pm is not None) and "compound" not in f.tags:
            return None
    if kind == "words" and f.unit == "count" and f.total is None and f.counted is None and core[:1].islower() and f.value < 20 \
            and not _level_word_before(low, ss, s):
        return None  # "two" alone, with nothing counted, is usually a pronoun ("the two met"), unless a level
        # is reached ("the number confirmed dead rose to seven", "the toll in Rambagh remains at six")
    if kind == "digits" and f.unit == "count" and f.total is None and "ordinal" not in f.tags and f.qualifier == "exact":
        pw = text[max(ss, s - 24):s].split()[-1:] if s > ss and text[s - 1] == " " else []
        w0 = pw[0] if pw else ""
        if w0 and w0.rstrip("'\u2019").replace("'", "").isalpha() and w0[0].isupper() and w0 not in _CAP_OK:
            if not (f.counted and f.counted.endswith("s") and _OBJECT_NAME_BEFORE.search(text, max(ss, s - 90), s)):
                return None  # "Apollo 11", "Windows 11", "Boeing 737": a name
            # "gave the Civic Alliance 63 seats": a multi-word name is the recipient, the figure its own
    if kind == "digits" and f.unit != "count" and f.value > 0 and f.start == s:
        neg = _MINUS_BEFORE.search(text, max(ss, s - 7), s)
        if neg is not None:
            # "an operating margin of -2.1%", "energy prices at minus 1.4%": below zero
            f.value, f.start = -f.value, neg.start() + (len(neg.group()) - len(neg.group().lstrip()))
            if f.low is not None and f.high is not None:
                f.low, f.high = -f.high, -f.low
    return f


_PCT_AFTER = re.compile(r"\s{0,2}(?:%|(?i:per\s?cent|percent|pc\b|percentage\s+points?|pp\b|points?\b))")
# A sign or word that puts a figure below zero: " -2.1%", "(\u22125C", "minus 1.4%" (not "2024-25", not a range).
_MINUS_BEFORE = re.compile(r"(?:(?<=[\s(:])|^)(?:[-\u2212]|minus\s)$", re.I)


# Words skipped between a subject and its verb ("the injured now numbered"), or between
# a verb and its figure.
_ADVERBS = frozenset("now just again also still already further only then reportedly officially all both "
                     "have has had been was were is are be being".split())
# Verbs that state a level rather than a change: the subject before them is what is counted.
_LEVEL_VERBS = frozenset("numbered number numbers totalled totaled totals total stood stands stand reached reaches "
                         "reach hit hits topped tops passed passes exceeded exceeds surpassed neared nears amounted "
                         "amounts came comes was were is are remained remains stayed stays crossed".split())
# Verbs that put an object at a level: "put the crowd at 15,000", "kept its rate at 10%".
_PUT_VERBS = frozenset("put puts putting kept keeps keeping held holds holding left leaves leaving set sets setting "
                       "estimated estimates estimate estimating pegged pegs placed places revised revises raised "
                       "raises lowered lowers brought brings bringing bring took takes taking pushed pushes pushing "
                       "lifted lifts lifting cut cuts cutting trimmed reduced increased".split())
# Heads that stand for the thing after "of": "the number of officers injured" -> "officers injured".
_NUMBER_HEADS = frozenset("number total count tally figure estimate".split())
_WORD_BACK = re.compile(r"[A-Za-z][A-Za-z'\u2019-]{0,30}|[,;:()\u2014\u2013\"\u201c\u201d]|\S")
_BY_FIGURE = re.compile(r"\s(?i:by)\s{1,3}(?:an?\s{1,2}|half\s{1,2}a\s{1,2})?(?:[\d.,]{1,12}|[a-z]{3,9})(?:%|\s{1,2}[A-Za-z-]{1,12}){0,2}\s{0,2}$")
_ADJ_ENDINGS = ("al", "ic", "ive", "ary", "ous", "ful", "ent", "ant", "ial", "ian")
_LEAD_NP = re.compile(r"(?:(?:The|the|A|An|Its|Their)\s{1,2})?(?P<np>[A-Za-z][A-Za-z'\u2019-]{0,30}(?:\s{1,2}[a-z][a-z'\u2019-]{0,30}){0,3})\s{0,2},")


def _np_back(text: str, lo: int, pos: int, sent_start: int, stop_verbs: bool) -> str | None:
    """The noun phrase ending right before `pos` (adverbs skipped), lowercased.

    It stops at determiners, prepositions, proper names inside the sentence and, with
    `stop_verbs`, at verbs, so "Police put the crowd at" gives "crowd" and "the number of
    officers injured rose" gives "officers injured".
    """
    toks = [(m.group(), m.start()) for m in _WORD_BACK.finditer(text, max(lo, pos - 160), pos)]
    i = len(toks) - 1
    while i >= 0 and toks[i][0].lower() in _ADVERBS:
        i -= 1
    if i >= 0 and toks[i][0] == ",":
        # an aside before the verb ("core inflation, which excludes food, rose"): the subject
        # stands before the comma that opens the aside
        opener = text.rfind(",", max(sent_start, toks[i][1] - 160), toks[i][1])
        if opener > sent_start:
            return _np_back(text, max(sent_start, opener - 160), opener, sent_start, stop_verbs)
        lead = _LEAD_NP.match(text, sent_start, toks[i][1] + 1)
        if lead is not None and lead.end() <= toks[i][1] + 1:
            return _clean_np(lead.group("np").split(), lead.start("np") <= sent_start + 4)
        return None
    kept: list[str] = []
    first_at = -1
    while i >= 0 and len(kept) < 4:
        w, at = toks[i]
        lw = w.lower().strip("'\u2019")
        if not w[0].isalpha() or lw in _STOP or lw in _PUT_VERBS or lw.endswith("ly") and len(lw) > 4:
            break
        if stop_verbs and (lw in _UPSET or lw in _DOWNSET or lw in _LEVEL_VERBS or lw.endswith("ed") and kept):
            break
        if w[0].isupper() and at != sent_start:
            break  # a name: "Norvalia's annual inflation rate" stops before "Norvalia's"
        if lw.endswith(("'s", "\u2019s")):
            break
        kept.insert(0, w)
        first_at = at
        i -= 1
    if not kept:
        return None
    for k in range(len(kept) - 1):
        if kept[k].lower() in _ADVERBIAL_HEADS:
            kept, first_at = kept[k + 1:], -1  # "on a month-on-month basis consumer prices"
            break
    if len(kept) > 1 and i >= 0 and toks[i][0].endswith("ly") and len(toks[i][0]) > 4:
        kept = kept[1:]  # "on a monthly basis consumer prices": "basis" belongs to "monthly"
        first_at = -1
    return _clean_np(kept, first_at == sent_start)


def _clean_np(words: list[str], first_is_sentence_start: bool) -> str | None:
    """Lowercase a found phrase (keeping acronyms) and drop a leading "number of"."""
    out = []
    for k, w in enumerate(words):
        if w.isupper() and 1 < len(w) <= 4:
            out.append(w)
        elif k == 0 and first_is_sentence_start or w[:1].islower():
            out.append(w.lower())
        else:
            return None  # a name inside the phrase: not a counted thing
    if not out or out[-1] in _NUMBER_HEADS and len(out) == 1:
        return None
    return " ".join(out)


def _subject(text: str, low: str, ss: int, vpos: int) -> str | None:
    """What a figure after a verb measures: the subject of the verb ("the toll rose to 412")."""
    cl = _clause_start(text, ss, vpos)
    np = _np_back(text, cl, vpos, ss, True)
    if np is None and cl > ss:
        np = _np_back(text, ss, vpos, ss, True)
    if np is not None and np.split()[0] in _NUMBER_HEADS:
        return None
    return np


_CLAUSE_OPEN = re.compile(r"[;:\u2014]|,\s{1,2}(?=(?:and|but|while|when|which|as|after|bringing|taking|pushing|"
                          r"lifting|leaving)\s)|\s(?=(?:that|when|which|while|whereas|and|but)\s)")


def _clause_start(text: str, ss: int, pos: int) -> int:
    """Where the clause holding `pos` begins (bounded look-back)."""
    lo = max(ss, pos - 160)
    last = lo if lo > ss else ss
    for m in _CLAUSE_OPEN.finditer(text, lo, pos):
        last = m.end()
    while last < pos and text[last].isspace():
        last += 1
    for w in ("that ", "when ", "which ", "while ", "and ", "but ", "as ", "after "):
        if text.startswith(w, last):
            last += len(w)
            break
    return last


_CARRIER = re.compile(r"\b(?i:bringing|brought|bring|brings|taking|took|takes|pushing|pushed|lifting|lifted|raising|"
                      r"raised)\s{1,2}(?:(?:the|its|their|his|her|our)\s{1,2})?(?P<np>[a-z][a-z-]{1,30}(?:\s{1,2}[a-z][a-z-]{1,30}){0,4})")


def _carried(text: str, ss: int, pos: int) -> str | None:
    """"bringing the total number of arrests since the protests began to 59" -> "arrests"."""
    m = None
    for m in _CARRIER.finditer(text, max(ss, pos - 120), pos):
        pass
    if m is None:
        return None
    words = m.group("np").split()
    if "of" in words[:4]:
        k = words.index("of")
        if k > 0 and words[k - 1] in _NUMBER_HEADS:
            words = words[k + 1:]
            while words and words[0] in _DETERMINERS:
                words = words[1:]
    kept = []
    for w in words:
        if w in _STOP:
            break
        kept.append(w)
    return " ".join(kept[:3]) or None


_LEAD_IN = frozenset("about around approximately roughly some nearly almost just only over more than less fewer "
                     "up an a estimated another further additional record barely half".split())
# Heads of adverbial phrases ("on a monthly basis", "in real terms"): never part of the subject.
_ADVERBIAL_HEADS = frozenset("basis terms average whole balance".split())
_STATE_WORDS = frozenset("steady stable unchanged flat".split())
_LEVEL_PREPS = frozenset({"to", "at", "past", "above", "below", "beyond", "near"})
_TRAILING_PP = re.compile(r"\s(?:on|in|at|since|during|over|after|before|last|this|so)\s{1,2}(?:[\w'\u2019-]{1,30}\s{1,2}){0,2}"
                          r"[\w'\u2019-]{1,30}\s{0,2}$")


def _context_counted(text: str, low: str, ss: int, pos: int) -> str | None:
    """What a figure with no noun after it measures, from the words before it.

    "the toll rose to 412" -> "toll" (subject of a change or level verb); "put the crowd at
    15,000" / "kept its benchmark rate at 10.5%" -> the phrase before "at"; "bringing the
    number of arrests ... to 59" -> "arrests".
    """
    toks = [(m.group(), m.start()) for m in _WORD_BACK.finditer(text, max(ss, pos - 120), pos)]
    i = len(toks) - 1
    while i >= 0:
        t = toks[i][0].lower()
        if t in ("least", "most") and i > 0 and toks[i - 1][0].lower() == "at":
            i -= 2
        elif t in _LEAD_IN or t in "$\u20ac\u00a3\u00a5":
            i -= 1
        else:
            break
    if i < 0:
        return None
    prep = toks[i][0].lower() if toks[i][0].lower() in _LEVEL_PREPS else None
    if prep:
        ppos = toks[i][1]
        by = _BY_FIGURE.search(text, max(ss, ppos - 40), ppos)
        if by is not None:  # "cut its rate by 50 basis points to 10%"
            toks = [t for t in toks if t[1] < by.start()]
            i = len(toks)
        i -= 1
        while i >= 0 and (toks[i][0].lower() in _ADVERBS or toks[i][0] == "," or toks[i][0].lower() in ("back", "down", "up")
                          or toks[i][0].endswith("ly") and len(toks[i][0]) > 4):
            i -= 1
        if i < 0:
            return None
    w, at = toks[i]
    lw = w.lower()
    if lw in _UPSET or lw in _DOWNSET or lw in _LEVEL_VERBS or prep and (lw.endswith("ed") or lw in _STATE_WORDS):
        cut = _TRAILING_PP.search(text, max(ss, at - 60), at)
        return _subject(text, low, ss, cut.start() + 1 if cut is not None else at)
    if prep in ("at", "to") and w[0].isalpha() and lw not in _STOP:
        if prep == "to":
            carried = _carried(text, ss, pos)
            if carried:
                return carried
        np = _np_back(text, max(ss, at - 80), at + len(w), ss, True)
        if np is not None and np.split()[0] not in _NUMBER_HEADS:
            return np
        if np is None or np.split()[0] in _NUMBER_HEADS:
            return None
    return _carried(text, ss, pos) if prep == "to" else None


def _noun_end(text: str, pos: int, end: int, noun: str) -> int:
    i = text.find(noun.split()[-1], pos, min(end, pos + 80))
    return pos if i < 0 else i + len(noun.split()[-1])


def _is_year_like(s: str) -> bool:
    s = s.strip()
    return len(s) == 4 and s.isdigit() and s[:2] in ("19", "20")


def _link_changes(text: str, figs: list[Found]) -> None:
    """"rose from 2% to 3%": the first is the baseline, the second the new level."""
    for a, b in zip(figs, figs[1:]):
        between = text[a.end:b.start]
        if a.change == "baseline" and re.fullmatch(r"\s{1,3}to\s{1,3}[$\u20ac\u00a3]?", between) and a.unit == b.unit:
            b.tags.append("trend_up" if b.value > a.value else "trend_down")
