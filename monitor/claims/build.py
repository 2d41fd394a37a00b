"""From an article's figures to claims: which figures state a measure, and when.

Durations ("a two-day meeting", "ten years ago"), ordinals ("the 32nd member"), calendar
numbers and figures whose clause names nothing measurable are dropped: they cannot be
compared with anything and would only make noise.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import timedelta

from ..models import Article, Claim, Figure, Period
from .context import build_context, name_key
from .describe import describe, statement_date
from .keys import bucket_class, make_buckets, make_key, make_label
from .match import STRICT_FLAGS
from .lemmas import DURATION_UNITS, MONTHS, STOP, folded

_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
                      re.I)
# A period starting this long before the statement is another event's ("the 1987 earthquake").
PAST_EVENT_DAYS = 3 * 366
# A crowd counted this long before the statement gathered on another occasion.
PAST_GATHERING_DAYS = 60
_AGE_BEFORE = re.compile(r"(?:\b(?:them|people|patients|victims|residents|both|all|men|women|children)\s+(?:were\s+|are\s+)?"
                         r"(?:over|under|above|aged)|\baged)\s+$", re.I)
_NO_NOUN_AFTER = re.compile(r"(?:\s*[,.;)]|\s+(?:and|or|with|who|years)\b)")
_REFERENCE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]heir|[Ii]ts|[Aa]ll)\s+$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_MAGNITUDE_WORDS = re.compile(r"(?i)^(?:(?:many\s+|several\s+|tens\s+of\s+|hundreds\s+of\s+)?"
                              r"(?:dozens|scores|hundreds|thousands|millions)|a\s+(?:few|handful)|several)$")
_IN_MONTH = re.compile(r"\b(?:in|for|during)\s+(?:the\s+month\s+of\s+)?(?:" + "|".join(
    m for m in MONTHS if len(m) > 3 and not m.endswith("day")) + r")\b", re.I)
_MONTH_AFTER = re.compile(r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")[ ,]")
# "March 4", "Jan. 4", but not "... on Saturday. Four officers were hurt": a full name and a full stop end a sentence
_ABBREVIATED = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_MONTH_BEFORE = re.compile(r"(?:(?:" + "|".join(sorted(MONTHS - _ABBREVIATED, key=len, reverse=True))
                           + r")|(?:" + "|".join(sorted(MONTHS & _ABBREVIATED, key=len, reverse=True))
                           + r")\.?)\s*$")


def _dropped(fig: Figure, art_text: str) -> bool:
    unit = (fig.unit or "").lower()
    if unit in DURATION_UNITS or "ordinal" in fig.tags or "duration" in fig.tags or "date" in fig.tags:
        return True
    text = fig.text.strip()
    if _ORDINAL.search(text) and not re.search(r"\bof\b|thirds?|%", text, re.I):
        return True
    if unit == "count" and _YEAR.match(text):
        return True
    if unit == "count" and (_AGE_BEFORE.search(art_text, max(0, fig.start - 40), fig.start)
                            and _NO_NOUN_AFTER.match(art_text, fig.end)):
        return True  # "both of them over 70", "victims aged 54": an age, not a count
    if unit == "count" and text.isalpha() and fig.value <= 10 and _REFERENCE.search(art_text, max(0, fig.start - 12), fig.start):
        return True  # "the two counts", "both", "these three parties": a reference to things named, not a measure
    after = art_text[fig.end:fig.end + 16].lower().lstrip(" ,(/-")
    before = art_text[max(0, fig.start - 12):fig.start].lower()
    if after.startswith("ago") or _MONTH_AFTER.match(after):
        return True
    if unit == "count" and (_MONTH_BEFORE.search(before) or
                            re.match(r"^[/:.]\d", art_text[fig.end:fig.end + 3])):
        return True
    if re.match(r"^\s*(?:year|day|week|month|hour|minute)s?\b", art_text[fig.end:fig.end + 10], re.I) \
            and unit == "count":
        return True
    return False


def _headline(fig: Figure, article: Article) -> bool:
    """A headline or standfirst: the title, or a line near the top that is not a sentence (no full stop)."""
    line = fig.sentence.strip(" #*\n\t")
    if not line or fig.sentence_start > 600 or fig.sentence.lstrip()[:2] in ("- ", "* ", "\u2022 "):
        return False
    if article.title and line[:40] == article.title.strip(" #*")[:40]:
        return True
    text = article.clean or article.text
    end = fig.sentence_start + len(fig.sentence)
    whole_line = (fig.sentence_start == 0 or text[fig.sentence_start - 1] == "\n") and text[end:end + 1] in ("", "\n")
    return whole_line and line[-1] not in ".!?\"\u201d'" and len(line) < 200


def _masthead_names(article: Article) -> set[str]:
    """Words of the outlet's name: its source, or an all-capitals first line ("THE KELSBY COURIER")."""
    words = set((article.source or "").split())
    text = (article.clean or article.text).lstrip()
    first = text.split("\n", 1)[0].split("|")[0].strip()
    if first and first.isupper() and len(first.split()) <= 5 and not any(ch.isdigit() for ch in first):
        words |= set(first.split())
    return {name_key(w) for w in words}


def span_of(period: Period) -> str:
    """A month, a quarter, a half year, nine months or a year, from the length of an explicit period."""
    days = (period.end - period.start).days + 1
    for lo, hi, name in ((28, 31, "m"), (80, 100, "q"), (160, 195, "h"), (255, 285, "9m"), (355, 372, "y")):
        if lo <= days <= hi:
            return name
    return ""


# A rate said to be the month's own ("its load factor for the month was 92.3%"), not the year to that month.
_FOR_THE_MONTH = re.compile(r"\b(?:for|in|during|over)\s+the\s+month\b", re.I)
# Nouns that only point back at a measure already given: "the figure", "Ostria's final reading".
_ANAPHORIC_HEADS = frozenset("figure reading read".split())
_NAMES_FIGURE = re.compile(r"\b[A-Z][\w-]*['\u2019]s\s+(?:(?:final|flash|latest|revised|first|new|official|own)\s+)?"
                           r"(?:figure|reading)\b")
# "The correct figure is €345 million": what is left of "figure" once the container word is dropped.
_FIGURE_ADJECTIVES = frozenset("correct actual right true revise revised comparable equivalent same".split())
_THE_FIGURE = re.compile(r"\b[Tt]he\s+(?:(?:comparable|equivalent|same|correct|corrected|actual|right|true|revised)\s+)?"
                         r"figures?\b")


def claims_for(article: Article, figures: list[Figure]) -> list[Claim]:
    ctx = build_context(article.clean or article.text)  # the text the figures' offsets refer to
    masthead = _masthead_names(article)
    if ctx.dominant and ctx.dominant in masthead:
        ctx.dominant = ""  # "The Kelsby Courier" names itself in every byline: the outlet is not the story's subject
    asof_period = Period(article.published, article.published, article.published.isoformat(), "asof")
    out: list[Claim] = []
    last_in_sentence: dict[int, dict] = {}
    last_by_unit: dict[str, dict] = {}  # the last claim of each unit, for a bare figure in a sentence after it
    last_any_by_unit: dict[str, dict] = {}  # the same, named or not, for "the figure" in a sentence after it
    lead_by_unit: dict[str, dict] = {}  # the first measure of each unit: what "Ostria's figure" is a value of
    for idx, fig in enumerate(figures):
        if _dropped(fig, article.text):
            continue
        slots = describe(fig, ctx)
        if slots is None:
            continue
        prior = last_in_sentence.get(fig.sentence_start)
        bare = not (slots.head or slots.pred)
        last = last_by_unit.get(fig.unit)
        if bare and prior is None and slots.names and last is not None \
                and ctx.sentence_index(fig.sentence_start) - ctx.sentence_index(last["sentence"]) <= 3:
            # "B had 29.4% of the vote. The C Party was third with 10.2%.": a named subject with nothing
            # counted, right after a sentence that said what such figures count
            prior = last
        elliptic = "elliptic" in slots.flags and prior is not None and prior["head"]
        if bare and not (prior and (fig.unit == prior["unit"] or elliptic) and prior["head"]):
            continue
        feats = slots.to_features()
        coord = feats.pop("coord", False) or bare
        recent = last_any_by_unit.get(fig.unit)
        lead = lead_by_unit.get(fig.unit)
        the_figure = prior is None and (feats["head"] in _ANAPHORIC_HEADS or feats["head"] in _FIGURE_ADJECTIVES) \
            and not (feats["mods"] or feats["pred"]) and _THE_FIGURE.search(fig.sentence) is not None
        if prior is None and (feats["head"] in _ANAPHORIC_HEADS or the_figure) and not (feats["mods"] or feats["pred"]):
            if recent is not None and recent["head"] not in _ANAPHORIC_HEADS and the_figure \
                    and 0 < ctx.sentence_index(fig.sentence_start) - ctx.sentence_index(recent["sentence"]) <= 2:
                # "In Northmoor, 69.8% of patients were seen within four hours. In Saltvale the figure was 63.2%":
                # the figure is the measure just given, for its own place
                prior, coord = recent, True
            elif lead is not None and feats["names"] and _NAMES_FIGURE.search(fig.sentence):
                # "Ostria's final figure was nudged up to 3.0%": that place's value of what the article is about
                prior, coord = lead, True
        if prior and (fig.unit == prior["unit"] or elliptic) and (
                (not feats["head"] and feats["pred"] and prior["pred"] == feats["pred"]) or coord):
            # "X won 31% of the vote and Y had won 28%", "15,000 according to police and 100,000 according
            # to the organisers", "A's net profit rose to $6 million and B's to $4 million": the second figure
            # counts what the first one did (but keeps its own names)
            for slot in ("head", "mods", "obj", "obj_mods", "quals", "pred", "horizon", "label_noun"):
                if slot != "pred" or not feats["pred"]:
                    feats[slot] = prior[slot]
            if "negative" in prior["flags"]:
                feats["flags"] = sorted({*feats["flags"], "negative"})  # "the correct figure" of a net loss
            feats["span"] = feats.get("span") or prior.get("span", "")
        per = feats.pop("per", "")
        if per:
            feats["mods"] = sorted({*feats["mods"], per})
        locus = feats.pop("locus", "")
        if locus and locus != feats.get("head"):
            feats["mods"] = sorted({*feats["mods"], locus})  # "people in shelters" are not all the people
        last_in_sentence[fig.sentence_start] = {**feats, "unit": fig.unit, "sentence": fig.sentence_start}
        if feats["head"]:
            last_any_by_unit[fig.unit] = last_in_sentence[fig.sentence_start]
            if feats["head"] not in _ANAPHORIC_HEADS and not STRICT_FLAGS.intersection(feats["flags"]):
                lead_by_unit.setdefault(fig.unit, last_in_sentence[fig.sentence_start])
        if feats["names"] and feats["head"]:  # only a named measure (a party's share) is carried to a later sentence
            last_by_unit[fig.unit] = last_in_sentence[fig.sentence_start]
        feats["topic"] = ctx.topic
        feats["topic_wide"] = ctx.wide_topic
        if _headline(fig, article):
            feats["headline"] = True
        if _MAGNITUDE_WORDS.match(fig.text.strip()):
            # "dozens", "thousands", "tens of thousands": a size, not a count anyone stated; never an alert
            feats["flags"] = sorted({*feats["flags"], "vague_amount"})
        feats["head_is_group"] = fig.unit == "percent" and slots.head.endswith(("member", "person")) \
            if slots.head else False
        as_of = statement_date(slots.as_of_shift, article.published) if slots.as_of_shift else article.published
        if "data_day" in fig.tags and fig.period is not None and fig.period.end <= as_of:
            # "Kelsby District: 58 confirmed cases" in a bulletin for the week ending 13 April: the count as of then
            as_of = fig.period.end
            period = Period(as_of, as_of, as_of.isoformat(), "asof")
        else:
            period = fig.period or (Period(as_of, as_of, as_of.isoformat(), "asof") if as_of != article.published
                                    else asof_period)
        if period.start == period.end and period.end != as_of and not (feats["pred"] == "attend" and period.end < as_of):
            # a count tied to a single day ("Thursday's earthquake", "will cut jobs, it said on Wednesday") is
            # a running count as of the statement, not a measurement period of its own (but a crowd is counted
            # for the day it gathered: "Saturday's march" stays Saturday's)
            period = Period(as_of, as_of, as_of.isoformat(), "asof")
        if feats.get("pred") == "attend" and period.kind != "asof" and period.end < as_of - timedelta(days=PAST_GATHERING_DAYS) \
                and "past_state" not in feats["flags"]:
            # "last year's march drew 35,000": a gathering months ago is another gathering, never compared
            feats["flags"] = sorted({*feats["flags"], "past_state"})
        if period.start < as_of - timedelta(days=PAST_EVENT_DAYS) and "past_state" not in feats["flags"]:
            # "killed about 2,300 people in 1987": a figure about a period years before the statement belongs to
            # another event; it is recorded, never compared with the current one
            feats["flags"] = sorted({*feats["flags"], "past_state"})
        if "past_state" in feats["flags"] and period.kind != "past":
            end = min(period.end, as_of)
            period = Period(min(period.start, end), end, period.label, "past")
        if period.end > as_of and (period.end - period.start).days <= 95 and period.kind != "asof" \
                and fig.unit not in ("count", "fraction") and not STRICT_FLAGS.intersection(feats["flags"]):
            # "inflation dipping to 2.6% in June", said on June 13: a month or quarter not yet over is a forecast
            feats["flags"] = sorted({*feats["flags"], "projection"})
        elif period.start > as_of and period.kind != "asof" and fig.unit not in ("count", "fraction") \
                and not STRICT_FLAGS.intersection(feats["flags"]):
            # "next year's deficit at $251 million": a figure for a period that has not begun is a forecast
            feats["flags"] = sorted({*feats["flags"], "projection"})
        if not feats.get("span") and period.kind in ("explicit", "relative"):
            feats["span"] = span_of(period)
            if feats["span"] == "m" and (fig.unit in ("percent", "percentage_points") and not _FOR_THE_MONTH.search(fig.sentence)
                                         or fig.unit not in ("percent", "percentage_points") and not _IN_MONTH.search(fig.sentence)):
                # a rate "in March" is the rate of the year to March, and a level "at the end of June" is
                # no monthly amount: only "carried 4.6 million passengers in August" is a month's worth
                feats["span"] = ""
        out.append(Claim(
            claim_id=f"{article.sha256[:16]}-{idx}",
            article=article.name,
            figure_index=idx,
            key=make_key(fig.unit, fig.total, feats),
            label=make_label(feats, fig.unit),
            buckets=make_buckets(fig.unit, feats),
            value=-fig.value if "negative" in feats["flags"] else fig.value,
            unit=fig.unit,
            qualifier=fig.qualifier,
            low=-fig.high if "negative" in feats["flags"] and fig.high is not None else fig.low,
            high=-fig.low if "negative" in feats["flags"] and fig.low is not None else fig.high,
            total=fig.total,
            text=fig.text,
            sentence=fig.sentence,
            period=period,
            as_of=as_of,
            published=article.published,
            source=article.source,
            features=feats,
        ))
    _add_article_context(out, article.clean or article.text, ctx.names)
    return out


_WORDS = re.compile(r"\b[a-z][a-z-]{2,}\b")


def _add_article_context(claims: list[Claim], text: str, names: frozenset[str]) -> None:
    """What the matcher needs to know about the article around each claim: the modifier sets its
    article uses with the same head ("cases" and "suspected cases" are two measures there), and the
    article's 40 most used words ("cholera" in a cholera story is no distinction)."""
    modsets: dict[str, set[str]] = {}
    for c in claims:
        head = c.features.get("head") or ""
        if head:
            modsets.setdefault(head, set()).add(" ".join(sorted(c.features.get("mods") or ())))
    counts: Counter[str] = Counter()
    for w, n in Counter(_WORDS.findall(text.lower())).items():  # fold each distinct word once
        if w not in STOP and w not in names:
            counts[folded(w)] += n
    keywords = sorted(w for w, n in counts.most_common(40) if w not in STOP)
    heads_by_unit: dict[str, list[str]] = {}
    for c in claims:
        head = c.features.get("head") or ""
        if head and not c.features.get("contained") and head not in heads_by_unit.setdefault(c.unit, []):
            heads_by_unit[c.unit].append(head)
    named_by_thing: dict[tuple[str, str, str], set[bool]] = {}
    for c in claims:
        thing = (c.unit, c.features.get("head") or "", c.features.get("pred") or "")
        named_by_thing.setdefault(thing, set()).add(bool(c.features.get("names")))
    for i, c in enumerate(claims):
        head = c.features.get("head") or ""
        if "placed" in c.features["flags"] and c.features.get("names") \
                and not set(c.features["names"]) & set(c.features.get("topic", [])[:1]) and False in named_by_thing[(c.unit, head, c.features.get("pred") or "")]:
            # "In Dornholm, some 6,000 people marched" next to the main march's unnamed counts: here the
            # name tells two measures apart
            c.features["name_split"] = True
        c.features["head_modsets"] = sorted(modsets.get(head, ())) if head else []
        c.features["keywords"] = keywords
        if c.features.get("contained") and head and not c.features.get("mods"):
            # "the core rate": findable with "core inflation" when the article counts inflation too
            extra = [f"{bucket_class(c.unit)}:{h}:{head}" for h in heads_by_unit.get(c.unit, ()) if h != head][:2]
            claims[i] = replace(c, buckets=list(dict.fromkeys([*c.buckets, *extra])))
