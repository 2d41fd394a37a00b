"""Whose a figure is and who says it: names, speakers, anaphora and the places that are not entities.

The claim builder asks these for one figure's clause; each looks only at the sentence, the one or
two sentences before it, or what the article's context found once (its names, speakers, persons).
"""
from __future__ import annotations

from .context import ArticleContext, name_key, without_dateline
from .lemmas import AUX, MONTHS, SPEECH, STOP, Token, is_content, tokenize
from .words import (DETERMINERS, LIST_LABEL, ORG_ANAPHORS, PLACE_PREPOSITIONS, PREPOSITIONS, PRONOUNS, SAID_FORMS,
                    TIMES_OF_DAY, gap, is_value, verbish)


def is_name(t: Token, ctx: ArticleContext) -> bool:
    """A capitalised word the article uses as a name (memoised per article)."""
    if not t.cap:
        return False
    known = ctx.name_flags.get(t.text)
    if known is None:
        known = (len(t.text) >= 2 and t.text.isupper() and t.text.isalpha() and t.lower not in ctx.codes) \
            or ctx.is_name(t.text)
        ctx.name_flags[t.text] = known
    return known


def according_to(toks: tuple[Token, ...], i: int, hi: int, sentence: str) -> tuple[str, set[int]] | None:
    """'according to the Common Front': the last word of the named source."""
    j = i + 2
    if j < hi and toks[j - 1].lower == "to":
        while j < hi and toks[j].lower in DETERMINERS:
            j += 1
        if j < hi and toks[j].text[0].isalpha():
            k = j
            while k + 1 < hi and toks[k + 1].text[0].isalpha() and is_content(toks[k + 1]) \
                    and not gap(sentence, toks[k], toks[k + 1]):
                k += 1
            return toks[k].key, set(range(j, k + 1))
    return None


# States a count is "confirmed", "reported" or "feared" in: "confirmed dead", "reported missing".
_STATES_SAID = frozenset("dead missing killed injured wounded trapped safe alive infected".split())


def speaker(toks: tuple[Token, ...], lo: int, hi: int, sentence: str, i0: int = -1) -> tuple[str, set[int]]:
    """Who a statement is attributed to ("police said", "according to organisers"), and its token indexes.

    "according to X" right after the figure wins (two figures, two sources in one sentence); "put",
    "estimated", "gave" attribute only when they come before the figure ("Police put the crowd at 15,000").
    """
    best, used = "", set()
    if i0 >= 0:
        for i in range(i0 + 1, min(hi, i0 + 5)):
            if toks[i].lower == "according":
                found = according_to(toks, i, hi, sentence)
                if found:
                    return found
            passive = toks[i].lower == "by" and i0 >= 3 and toks[i0 - 1].lower == "at" \
                and toks[i0 - 2].lemma in SPEECH and toks[i0 - 3].lemma == "be"
            if passive or toks[i].lemma in SPEECH and toks[i].lower.endswith("ed") and i + 2 < hi \
                    and toks[i + 1].lower == "by":
                # "the 6.8% reported by the bureau", "the crowd was put at 90,000 by the organisers"
                j = i + (1 if passive else 2)
                while j < hi and toks[j].lower in DETERMINERS:
                    j += 1
                k = j
                while k + 1 < hi and toks[k + 1].text[0].isalpha() and is_content(toks[k + 1]) \
                        and not gap(sentence, toks[k], toks[k + 1]):
                    k += 1
                if j < hi and is_content(toks[j]):
                    return toks[k].key, set(range(j, k + 1))
            if is_value(toks[i]):
                break
    for i in range(lo, hi):
        t = toks[i]
        if t.lemma not in SPEECH or t.lower in ("show", "shows", "showed"):
            continue
        if t.lower == t.lemma and t.lower not in ("say", "tell", "according", "put") and i > lo \
                and not toks[i - 1].cap and (is_content(toks[i - 1]) or is_value(toks[i - 1])) \
                and i - 2 >= lo and (toks[i - 2].lower in DETERMINERS or is_value(toks[i - 2])):
            continue  # "the $3.62bn consensus estimate", "a police count": a noun, not a verb of saying
        if i > lo and toks[i - 1].lemma == "be" and (t.lower.endswith("ed") or t.lower == "put") \
                and not (i + 1 < hi and toks[i + 1].lower == "by"):
            continue  # "41 people are confirmed to have died", "inflation was confirmed at 3.3%": nobody speaks
        if t.lower.endswith("ed") and i > lo and is_value(toks[i - 1]) and i + 1 < hi \
                and toks[i + 1].text[0].isalpha() and is_content(toks[i + 1]) and not toks[i + 1].cap:
            continue  # "58 confirmed cases", "12 reported deaths": a participle before a noun, nobody speaks
        if t.lower.endswith("ed") and i + 1 < hi and toks[i + 1].lower in _STATES_SAID:
            continue  # "the number of people confirmed dead", "12 reported missing": a state, nobody speaks
        if t.lemma == "add" and i + 1 < hi and (is_value(toks[i + 1]) or toks[i + 1].lower in DETERMINERS
                                               or is_content(toks[i + 1])):
            continue  # "Employers added 9,800 jobs": adding something, not saying it
        if t.lower.endswith("ing") and i > lo and sentence[toks[i - 1].end:t.start].strip() == ",":
            continue  # "..., saying her officials had confirmed": the speaker is the main clause's subject
        if t.lower in ("put", "puts", "count", "counts", "counted", "give", "gave", "gives") and not (0 <= i0 and i < i0):
            continue
        if t.lower == "counted" and i > lo and toks[i - 1].text[0].isalpha() and not toks[i - 1].cap \
                and toks[i - 1].lower not in ("have", "has", "had", "were", "was", "police", "officials"):
            continue  # "with 1.9 million ballots counted": a passive participle, not who counted
        if t.lower == "according":
            found = according_to(toks, i, hi, sentence)
            if found:
                return found
            continue
        j = i - 1
        while j >= lo and (toks[j].lemma in AUX or toks[j].lower.endswith("ly")):
            j -= 1
        if j - 1 >= lo and toks[j].text.isdigit() and len(toks[j].text) <= 3 and toks[j - 1].cap:
            j -= 1  # "Colin Ashdown, 54, told reporters": the speaker's age stands between name and verb
        if j >= lo and toks[j].text[0].isalpha() and toks[j].lower not in STOP and not verbish(toks[j]) \
                and toks[j].lower not in MONTHS and toks[j].lower not in TIMES_OF_DAY:
            k = j
            key = toks[j].key
            while k - 1 >= lo and toks[k - 1].cap and toks[k - 1].text[0].isalpha() \
                    and not gap(sentence, toks[k - 1], toks[k]) and toks[k - 1].lower not in STOP:
                k -= 1
            if k == j and k - 1 >= lo and toks[k].text.isupper() and len(toks[k].text) > 1 and toks[k - 1].cap \
                    and toks[k - 1].lower not in STOP and sentence[toks[k - 1].end:toks[k].start].strip() == "(":
                k -= 1  # "the Harbour Works Board (HWB) said": the short form in brackets names the same speaker
                key = toks[k].key  # as "the board said" will later
                while k - 1 >= lo and toks[k - 1].cap and toks[k - 1].text[0].isalpha() \
                        and not gap(sentence, toks[k - 1], toks[k]) and toks[k - 1].lower not in STOP:
                    k -= 1
            while k - 2 >= lo and toks[k - 1].lower in ("of", "for", "and") and toks[k - 2].cap and toks[k].cap \
                    and toks[k - 2].lower not in STOP and not gap(sentence, toks[k - 2], toks[k]):
                k -= 2  # "the Office for Regional Statistics said", "the Bank of Lindmark said": one name
                while k - 1 >= lo and toks[k - 1].cap and toks[k - 1].text[0].isalpha() \
                        and not gap(sentence, toks[k - 1], toks[k]) and toks[k - 1].lower not in STOP:
                    k -= 1
            m = k - 1  # the speaker's lower-case title words, if any
            while m >= lo and k - m <= 2 and not toks[m].cap and toks[m].text[0].isalpha() and is_content(toks[m]) \
                    and not verbish(toks[m]):
                m -= 1
            if m < k - 1 and m >= lo and toks[k].cap and toks[m].cap and toks[m].lower not in STOP \
                    and not gap(sentence, toks[m], toks[k]):
                k = m  # "Directorate spokeswoman Lidia Ferreyra said", "Dholan district collector Prakash Venugopal
                # told": the speaker's affiliation or area is not the subject
                while k - 1 >= lo and toks[k - 1].cap and toks[k - 1].lower not in STOP \
                        and not gap(sentence, toks[k - 1], toks[k]):
                    k -= 1
            elif not toks[j].cap:
                # "the Westmarch fire service said": the speaker's own modifiers and names
                b = k
                while b - 1 >= lo and k - b < 3 and toks[b - 1].text[0].isalpha() and is_content(toks[b - 1]) \
                        and not verbish(toks[b - 1]) and not gap(sentence, toks[b - 1], toks[b]):
                    b -= 1
                if b - 1 < lo or toks[b - 1].lower in DETERMINERS or gap(sentence, toks[b - 1], toks[b]):
                    k = b
            return key, set(range(k, j + 1))
        if j >= lo and toks[j].lower in ("he", "she", "they", "it", "we"):
            best = best or toks[j].lower
            continue
        j = i + 1
        if j < hi and toks[j].cap and toks[j].lower not in STOP:
            k = j
            while k + 1 < hi and toks[k + 1].cap and not gap(sentence, toks[k], toks[k + 1]):
                k += 1
            return toks[k].key, set(range(j, k + 1))
    return best, used


def where_said(toks: tuple[Token, ...], lo: int, i0: int, ctx: ArticleContext) -> set[int]:
    """'told a press conference in Port Avelin that 26 people had died': where something was said is not
    what it is about; the names after a preposition between a verb of saying and "that"."""
    out: set[int] = set()
    for k in range(i0 - 1, lo, -1):
        if toks[k].lower != "that":
            continue
        verb = next((v for v in range(k - 1, lo - 1, -1) if toks[v].lemma in SPEECH), -1)
        if verb < 0:
            return out
        for m in range(verb + 1, k):
            # a name run that a preposition opens ("in Port Avelin"), word by word
            if is_name(toks[m], ctx) and (toks[m - 1].lower in PLACE_PREPOSITIONS or m - 1 in out):
                out.add(m)
        return out
    return out


def measure_acronym(t: Token, ctx: ArticleContext) -> Token | None:
    """An all-capital short word the article never has say or own anything ("the CPI rose", not "the BSO said"):
    the name of a measure, not of whoever is measured."""
    if not (2 <= len(t.text) <= 5 and t.text.isupper() and t.text[:2].isalpha() and t.text.isalnum()) \
            or t.lower in ctx.speakers:  # "CPI", "GDP", "CET1"
        return None
    return t


def name_after_for(toks: tuple[Token, ...], k: int, hi: int, ctx: ArticleContext, word: str = "for") -> list[str]:
    """'28.7% for the People's Front': the names right after 'for' (or another word) behind the figure."""
    if k >= hi or toks[k].lower != word:
        return []
    k += 1
    while k < hi and toks[k].lower in DETERMINERS:
        k += 1
    out = []
    while k < hi and is_name(toks[k], ctx):
        out.append(name_key(toks[k].text))
        k += 1
    return out


def definite_name(toks: tuple[Token, ...], lo: int, i0: int, ctx: ArticleContext, sentence_start: int,
              said: set[int]) -> list[str]:
    """'the blaze', 'the fire': a definite noun the article wrote earlier right after a name ("the Corran
    Valley fire") stands for that name; the nearest such noun before the figure in its clause."""
    for k in range(i0 - 1, lo, -1):
        t = toks[k]
        if toks[k - 1].lower == "the" and not t.cap and k not in said and t.text[0].isalpha() and is_content(t) \
                and not (k >= 2 and toks[k - 2].lower in PREPOSITIONS):  # "in the region of": not a subject
            name = ctx.named_noun(t.key, sentence_start + toks[k - 1].start)
            if name:
                return [name]
    return []


def nearest_names(toks: tuple[Token, ...], lo: int, hi: int, i0: int, ctx: ArticleContext, said: set[int],
                   skip: tuple[int, int], after: bool = True, before: bool = True) -> list[str]:
    """The run of names closest before the figure (its subject), else the closest after it."""
    def run_at(i: int, step: int, stop: int) -> list[str]:
        out = []
        while i != stop and is_name(toks[i], ctx) and i not in said and not (skip[0] <= i < skip[1]):
            out.append(name_key(toks[i].text))
            i += step
        return out
    for i in range(i0 - 1, lo - 1 if before else i0 - 1, -1):
        if i not in said and is_name(toks[i], ctx):
            run = run_at(i, -1, lo - 1)
            r = i - len(run) + 1
            if r - 1 >= lo and toks[r - 1].text[0].isdigit():
                continue  # "at 18 Quayside Road": an address, not what the clause is about
            d = r - 2 if r - 2 >= lo and toks[r - 1].lower == "the" else r - 1
            if d - 1 >= lo and toks[d].lower in ("of", "at") and toks[d - 1].lemma in _EVENT_NOUNS:
                continue  # "dead in the collapse of the Corn Exchange Market Hall": the event, not a part of the story
            of = r - 1 if r - 1 >= lo and toks[r - 1].lower == "of" else \
                r - 2 if r - 2 >= lo and toks[r - 2].lower == "of" and not toks[r - 1].cap else -1
            if of > lo:
                # "the People's Front of Prime Minister Dario Kest took 28.6%": the subject, not its "of" phrase
                for h in range(of - 1, max(lo, of - 5) - 1, -1):
                    if h not in said and is_name(toks[h], ctx):
                        return run_at(h, -1, lo - 1)
            return run
    i = i0 + 1
    while i < (min(hi, i0 + 9) if after else i0 + 1):
        if i not in said and is_name(toks[i], ctx) and not (skip[0] <= i < skip[1]):
            run = run_at(i, 1, hi)
            end = i + len(run)
            if toks[i - 1].lower in _PATH and any(toks[k].lower == "to" for k in range(end, min(hi, end + 3))):
                i = end  # "marched from Freedom Square to parliament": the route, not what is counted
                continue
            return run
        i += 1
    return []


# Nouns of a disaster or incident: a name after "the collapse of", "the fire at" names the event itself.
_EVENT_NOUNS = frozenset("""collapse fire blaze explosion blast crash attack sinking flood flooding earthquake quake
storm landslide derailment shooting bombing eruption accident disaster""".split())
# Prepositions of a route: "from X to Y", "along X to Y".
_PATH = frozenset("from along through via".split())


def anaphor_names(toks: tuple[Token, ...], lo: int, hi: int, i0: int, ctx: ArticleContext,
                   sentence_start: int, said: set[int]) -> list[str]:
    """'its members', 'the company's profit': the first name of the sentence, or of the one before."""
    anaphor = -1
    for i in range(lo, min(hi, i0 + 6)):
        t = toks[i]
        if t.lower in PRONOUNS or (t.lemma in ORG_ANAPHORS and i > 0 and toks[i - 1].lower == "the") \
                or (t.lower == "it" and i < i0 and (i == lo or toks[i - 1].lower not in SAID_FORMS)):
            anaphor = i
            break
    if anaphor < 0:
        return []
    for i in range(0, anaphor):
        if is_name(toks[i], ctx) and i not in said:
            return [name_key(toks[i].text)]
    if toks[anaphor].lemma in ORG_ANAPHORS and anaphor - lo > 2:
        return []  # "in the region of Harlow": not the clause's subject
    if anaphor - lo > 1 and said and min(said) < anaphor:
        return []  # "the bureau said its own measure ...": the anaphor is the speaker
    if anaphor - lo > 1 and toks[lo].lower == "the" and not toks[lo + 1].cap and toks[lo + 1].lemma not in ORG_ANAPHORS:
        return []  # "The coalition stands by its count": the anaphor is the clause's own subject
    # nothing named earlier in the sentence: what the article was just talking about, preferring its
    # frequent names over a person or a place mentioned in passing
    return named_before_cached(ctx, sentence_start)


def named_before_cached(ctx: ArticleContext, sentence_start: int) -> list[str]:
    """named_before, once per sentence: every figure of a sentence asks the same."""
    memo = ctx.memo.get(("before", sentence_start))
    if memo is None:
        memo = ctx.memo[("before", sentence_start)] = named_before(ctx, sentence_start)
    return memo


def named_before(ctx: ArticleContext, sentence_start: int) -> list[str]:
    """What the one or two sentences before were about: their named subject or their most telling name."""
    for n, prev in enumerate(ctx.previous_sentences(sentence_start, 2)):
        ptoks = tokenize(without_dateline(prev))
        if len(ptoks) > 2 and ptoks[0].lower == "the" and not ptoks[1].cap:
            # "The fire has burned ... It has destroyed 61 homes": the subject before, if the article named it
            named = ctx.named_noun(ptoks[1].key, sentence_start - sum(
                len(p) for p in ctx.previous_sentences(sentence_start, n + 1)))
            if named:
                return [named]
        found = [name_key(t.text) for t in ptoks if is_name(t, ctx) and measure_acronym(t, ctx) is None]
        if found:
            frequent = [w for w in found if w in ctx.topic[:4]]
            if not frequent and ctx.dominant:
                return [ctx.dominant]  # "analysts at Brockley Hart said ... The chain has 812 stores": the story's company
            return [(frequent or found)[0]]
    return []


def list_owner(ctx: ArticleContext, sentence_start: int) -> list[str]:
    """Whose figures a list gives: the first frequent name of the nearest sentence above it that names any."""
    for prev in ctx.previous_sentences(sentence_start, 8):
        if LIST_LABEL.match(prev) or len(prev.strip()) < 3:
            continue
        found = [name_key(t.text) for t in tokenize(without_dateline(prev)) if is_name(t, ctx)]
        if found:
            frequent = [w for w in found if w in ctx.topic[:4]]
            return [(frequent or found)[0]]
    return []
