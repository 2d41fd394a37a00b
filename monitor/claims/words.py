"""Word classes and token tests the claim builder shares: which words are determiners, verbs,
prepositions or numbers, and where punctuation ends a phrase.

General English only; every list here is about how news sentences are built, none about a topic.
"""
from __future__ import annotations

import re

from .lemmas import AUX, CHANGE, PROPOSAL, SPEECH, Token

# Words that are (part of) a number or its unit: "two thirds", "$ 60 billion", "2.5 per cent".
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand million billion trillion bn mn m k dozen dozens hundreds thousands millions billions half halves
third thirds quarter quarters fifth fifths sixth sixths tenth tenths percent per cent pct percentage point
points % $ € £ ¥ usd eur gbp""".split())
DETERMINERS = frozenset("the its their his her our a an this that these those some".split())
# Nouns an article uses for the organisation it is about ("the company said", "the chain has 812 stores").
ORG_ANAPHORS = frozenset("""company firm group bloc alliance organization organisation union government party
country city state region club team bank agency ministry chain retailer grocer supermarket airline carrier insurer
lender maker manufacturer operator utility miner developer brewer""".split())
PRONOUNS = frozenset("its their his her".split())
# Common verbs in news about figures, besides the change and speech verbs.
VERBS = frozenset("""meet hit reach invest spend pay cost earn raise cut lose make post sell buy provide send give
approve allocate win take employ kill injure die evacuate displace arrest attend join march vote elect
sign agree hire lay receive draw collect borrow lend owe deliver ship produce build import export infect
test vaccinate serve visit host welcome deploy station fund finance register enrol record""".split())
# Verbs that report a figure; a subject is never looked for beyond them ("X said the injured numbered").
SAID_FORMS = frozenset("said says told reported announced estimated added confirmed".split())
# Times a speaker is never named after ("on Wednesday put the toll at 86").
TIMES_OF_DAY = frozenset("morning afternoon evening night tonight weekend week month year day".split())
PREPOSITIONS = frozenset("in of at on for from to with by near into across through over under".split())
PLACE_PREPOSITIONS = PREPOSITIONS - {"of"}
# A list item's label: "- Net profit: $680 million".
LIST_LABEL = re.compile(r"^[\s\-*\u2022#]*[A-Za-z][A-Za-z' -]{1,40}:(?=\s)")
# Punctuation that ends a noun phrase.
GAP = re.compile(r"[,;:()\u2014\u2013\"\u201c\u201d]| - ")


def is_value(t: Token) -> bool:
    """A word of a number ("1,300", "two", "billion", "%")."""
    return t.lower in NUMBER_WORDS or t.text[0].isdigit()


# Words that stand before a noun, never before a verb.
BEFORE_NOUN = frozenset("""first second third fourth fifth next last latest previous total average regular real net
gross annual monthly weekly daily hourly basic median nominal core headline overall public private""".split())


def verbish(t: Token, prev: Token | None = None) -> bool:
    """Probably a verb here: a known verb not used as a noun ("the cut"), or an "-ed" word."""
    low = t.lower
    if prev is not None and (prev.lower in DETERMINERS | {"an", "a"} or prev.lower in BEFORE_NOUN
                             or prev.lower.endswith(("'s", "\u2019s"))):
        return False  # "the cut", "the second march", "Saturday's march": a noun
    if t.lemma in AUX or t.lemma in CHANGE or t.lemma in SPEECH or t.lemma in VERBS or t.lemma in PROPOSAL:
        return not (t.lemma in VERBS and low.endswith("s") and not low.endswith("ss") and t.lemma + "s" != low)
    return len(low) > 4 and low.endswith("ed") and not t.cap


def gap(sentence: str, a: Token, b: Token) -> bool:
    """Punctuation between two tokens ends a noun phrase."""
    return bool(GAP.search(sentence, a.end, b.start)) if b.start > a.end else False
