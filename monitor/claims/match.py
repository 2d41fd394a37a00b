"""Whether two claims are about the same measure.

Slots are compared one by one: a slot known on both sides must agree (the counted thing and
its modifiers, the predicate, its object, the figures fixed in the object, the names the
clause is about, the statement flags); a slot known on one side only is no evidence either
way. Two claims are the same measure when nothing disagrees and enough agrees.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import NamedTuple

from ..models import Claim
from .lemmas import CONTAINER
from .values import comparable, value_class

# Flags that make a figure a different kind of statement: a proposal is not a target, a
# target is not an outcome, a forecast is not a result, a change is not a level.
STRICT_FLAGS = frozenset({"proposal", "target", "projection", "delta", "limit", "part"})
# Flags of claims that are never the comparison side: an article's own "up from" baselines, former states ("the
# then-31 members") and sizes nobody stated as a count ("dozens", "tens of thousands").
NOT_A_BASE_FLAGS = frozenset({"baseline", "past_state", "vague_amount", "market_price"})
EVENTS = frozenset("""die injure displace evacuate arrest missing rescue infect hospitalise hospitalize
attend""".split())


def core(f: dict) -> frozenset[str]:
    """The counted thing as words: head unless it is a container, its modifiers, an event verb."""
    words = set(f.get("mods") or ())
    head = f.get("head") or ""
    if head and head not in CONTAINER:
        words.add(head)
    pred = f.get("pred") or ""
    if pred in EVENTS or (pred and not head and not words):
        words.add(pred)  # "35% contained": with no noun, the state is what is measured
    return frozenset(words)


def _state(f: dict) -> str:
    """The predicate of a figure that counts nothing but a state ("10% contained"), else ""."""
    return f.get("pred") or "" if not f.get("head") and not f.get("mods") and f.get("pred") not in EVENTS else ""


def _weak(f: dict) -> bool:
    head = f.get("head") or ""
    return not head or head in CONTAINER or head in EVENTS


def same_thing(a: dict, b: dict) -> bool:
    """The counted thing agrees: same head and modifiers, or a container whose words are all in the other."""
    ca, cb = core(a), core(b)
    if not ca or not cb:
        return False
    ea = {w for w in ca if w in EVENTS}
    eb = {w for w in cb if w in EVENTS}
    if ea and eb and ea != eb:
        return False
    wa, wb = _weak(a), _weak(b)
    if not wa and not wb:
        return a.get("head") == b.get("head") and set(a.get("mods") or ()) == set(b.get("mods") or ())
    if wa and wb:
        return ca == cb
    weak, strong = (ca, cb) if wa else (cb, ca)
    return weak <= strong


class Sig(NamedTuple):
    """A claim's features as sets, computed once per claim (see `signature`)."""

    vclass: str
    strict: frozenset[str]
    core: frozenset[str]
    events: frozenset[str]
    weak: bool
    head: str
    mods: frozenset[str]
    pred: str
    obj: str
    quals: frozenset[str]
    names: frozenset[str]  # what the clause is about; else the speaker when the speaker is an organisation
    topic: frozenset[str]
    horizon: str  # "month" (a change on the month) or "year"/"" (on the year, the default for a rate)
    label_noun: str  # "magnitude" of "magnitude 7.1": a reading, never a count
    span: str  # a quarter, a half year, nine months, a year: a quarterly figure never updates an annual one
    state: str  # "contain" of "10% contained": no noun, only the state the figure measures
    contained: bool  # the head is what qualified a container ("core" of "the core rate")
    modsets: frozenset[str]  # modifier sets its article uses with the same head, each as joined words
    keywords: frozenset[str]  # the words its article is mostly about
    vague: bool  # people counted with nothing else said
    not_a_base: bool  # a baseline or former state: never the old side of a decision
    wide: frozenset[str] = frozenset()  # more of its article's names, to tell two stories apart
    # Derived, for speed only (never compared as evidence on their own):
    same: tuple = ()  # (strict, events, horizon, label_noun): claims that differ here never match
    names_pre: frozenset[str] = frozenset()  # first four letters of each name of five letters or more
    wide_pre: frozenset[str] = frozenset()  # the same for `wide`: names sharing none are never kin


_EMPTY: frozenset[str] = frozenset()
_new_sig = tuple.__new__


def signature(c: Claim) -> Sig:
    """The claim's comparison features. Built field by field (this runs for every claim compared)."""
    f = c.features
    get = f.get
    flags = get("flags", ())
    head_raw, mods_raw, pred_raw = get("head"), get("mods"), get("pred")
    head = head_raw or ""
    pred = pred_raw or ""
    obj = get("obj") or ""
    words = set(mods_raw or ())
    if head and head not in CONTAINER:
        words.add(head)
    if pred in EVENTS or (pred and not head and not words):
        words.add(pred)  # as `core`
    cw = frozenset(words)
    events = cw & EVENTS if cw else _EMPTY
    strict = STRICT_FLAGS.intersection(flags)
    mods = frozenset(mods_raw) if mods_raw else _EMPTY
    horizon = "month" if get("horizon") == "month" else ""
    label_noun = get("label_noun") or ""
    state = pred if not head_raw and not mods_raw and pred_raw not in EVENTS else ""  # as `_state`
    names = get("names") or get("sayer_org")
    names = frozenset(names) if names else _EMPTY
    topic = get("topic")
    wide = get("topic_wide") or topic
    wide = frozenset(wide) if wide else _EMPTY
    quals, modsets, keywords = get("quals"), get("head_modsets"), get("keywords")
    fl = get("flags")
    vague = head == "person" and not mods and not pred and not obj and not events  # as `_vague`
    return _new_sig(Sig, (
        value_class(c.unit, c.total), strict, cw, events, not head or head in CONTAINER or head in EVENTS, head,
        mods, pred, obj, frozenset(quals) if quals else _EMPTY, names, frozenset(topic) if topic else _EMPTY,
        horizon, label_noun, get("span") or "", state, bool(get("contained")),
        frozenset(modsets) if modsets else _EMPTY, frozenset(keywords) if keywords else _EMPTY, vague,
        not NOT_A_BASE_FLAGS.isdisjoint(fl) if fl else False, wide,
        (strict, events, horizon, label_noun), _prefixes(names), _prefixes(wide)))


def _signature(c: Claim) -> Sig:
    """The signature as first written, kept as the reference `signature` is tested against."""
    f = c.features
    cw = core(f)
    sig = Sig(value_class(c.unit, c.total), frozenset(x for x in f.get("flags", ()) if x in STRICT_FLAGS), cw,
              frozenset(w for w in cw if w in EVENTS), _weak(f), f.get("head") or "", frozenset(f.get("mods") or ()),
              f.get("pred") or "", f.get("obj") or "", frozenset(f.get("quals") or ()),
              frozenset(f.get("names") or f.get("sayer_org") or ()), frozenset(f.get("topic") or ()),
              "month" if f.get("horizon") == "month" else "", f.get("label_noun") or "", f.get("span") or "",
              _state(f), bool(f.get("contained")), frozenset(f.get("head_modsets") or ()),
              frozenset(f.get("keywords") or ()), False, bool(NOT_A_BASE_FLAGS & set(f.get("flags") or ())),
              frozenset(f.get("topic_wide") or f.get("topic") or ()))
    sig = sig._replace(vague=_vague(sig))
    return sig._replace(same=(sig.strict, sig.events, sig.horizon, sig.label_noun), names_pre=_prefixes(sig.names),
                        wide_pre=_prefixes(sig.wide))


def _vague(s: Sig) -> bool:
    """People counted with nothing else said: no kind, no event, no verb, no object."""
    return s.head == "person" and not s.mods and not s.pred and not s.obj and not s.events


def _qualifier_of(sa: Sig, sb: Sig) -> bool:
    """"The core rate" in an article about inflation is core inflation: a rate named by its modifier alone
    meets the measure that modifier qualifies, when the article is about that measure's noun."""
    return sa.contained and not sa.mods and sb.mods == frozenset({sa.head}) and sb.head in sa.keywords


def _prefixes(names: frozenset[str]) -> frozenset[str]:
    """The first four letters of each name of five letters or more: two name sets whose prefixes do
    not meet can have no kin pair (see `kin_names`), whatever else their names are."""
    return frozenset([x[:4] for x in names if len(x) >= 5]) if names else _EMPTY


def kin_names(a: frozenset[str], b: frozenset[str]) -> bool:
    """"Lusvania" and "Lusvanian", "Germany" and "German": a place and its adjective are one name."""
    if _prefixes(a).isdisjoint(_prefixes(b)):
        return False  # no pair shares its first four letters: none can be kin
    return _kin_names(a, b)


@lru_cache(maxsize=65536)
def _kin_names(a: frozenset[str], b: frozenset[str]) -> bool:
    """Cached: the same pairs of name sets meet again and again as a story's claims are compared."""
    for x in a:
        for y in b:
            if len(x) < 5 or len(y) < 5 or abs(len(x) - len(y)) > 3 or x[:4] != y[:4]:
                continue
            common = len(os.path.commonprefix([x, y]))
            if common >= min(len(x), len(y)) - 1:  # "lusvania"/"lusvanian", "italy"/"italian"
                return True
    return False


def _same_in_context(sa: Sig, sb: Sig) -> bool:
    """"cholera cases" in one article and "cases" in another are one measure when the extra modifier
    is what the second article is about anyway and neither article uses it to tell two measures
    apart ("suspected cases" next to "cases", "core inflation" next to "inflation")."""
    if sa.mods < sb.mods:
        small, big = sa, sb
    elif sb.mods < sa.mods:
        small, big = sb, sa
    else:
        return False
    extra = big.mods - small.mods
    if not small.modsets or not big.modsets or not extra <= small.keywords:
        return False
    if " ".join(sorted(small.mods)) in big.modsets:
        return False  # the modified article also counts the plain thing: two measures there
    return not any(extra & set(m.split()) for m in small.modsets)


def score(a: Claim, b: Claim, sa: Sig | None = None, sb: Sig | None = None) -> int:
    """0 when the claims are not the same measure; otherwise how many slots agree beyond the thing."""
    sa = sa or signature(a)
    sb = sb or signature(b)
    if sa.same != sb.same or not sa.core or not sb.core:
        # `same` holds the strict flags, the event words, the horizon and the label noun: each must agree.
        # Killed vs injured, or one side does not say what happened to them; a monthly change is not an
        # annual rate; "magnitude 7.1" is not a count of anything.
        return 0
    if (sa.vague or sb.vague) and a.article != b.article:
        return 0  # "three people", "some 700 people": too little said to be any measure of another story's
    if sa.vclass != sb.vclass and not comparable(a, b):
        return 0
    if sa.span and sb.span and sa.span != sb.span:
        return 0  # first-quarter revenue is not first-half or full-year revenue
    if sa.state or sb.state:
        # "10% contained" and "the fire is 35% contained" / "contained 5% of its perimeter": same state
        if (sa.state or sa.pred) != (sb.state or sb.pred) or sa.vclass != sb.vclass:
            return 0
    elif not sa.weak and not sb.weak:
        if sa.head != sb.head and not (_qualifier_of(sa, sb) or _qualifier_of(sb, sa)):
            return 0
        if sa.head == sb.head and sa.mods != sb.mods and not _same_in_context(sa, sb):
            return 0
    elif sa.weak and sb.weak:
        if not (sa.core <= sb.core or sb.core <= sa.core):
            return 0
    elif not (sa.core <= sb.core if sa.weak else sb.core <= sa.core):
        return 0
    agree = 1
    if sa.pred and sb.pred:
        if sa.pred != sb.pred:
            return 0
        agree += 1
    if sa.obj and sb.obj:
        if sa.obj != sb.obj:
            return 0
        agree += 1
    if sa.quals and sb.quals and not sa.quals & sb.quals:
        return 0
    # names that share no four-letter prefix cannot be kin (`kin_names`); the prefix sets say so without a loop
    if sa.names and sb.names:
        if sa.names.isdisjoint(sb.names) and (sa.names_pre.isdisjoint(sb.names_pre)
                                              or not _kin_names(sa.names, sb.names)):
            return 0
        agree += 1
    if a.article != b.article and sa.topic and sb.topic and sa.wide.isdisjoint(sb.wide) \
            and (sa.wide_pre.isdisjoint(sb.wide_pre) or not _kin_names(sa.wide, sb.wide)):
        return 0  # two stories: their articles share no name
    if sa.state or sb.state:
        return agree
    # one side says what is done and to what, the other does not: too little to link them, unless the
    # same named thing is counted on both sides ("Brightwave pledged $50 million in credit" / "its credit")
    if bool(sa.pred or sa.obj) != bool(sb.pred or sb.obj) and not sa.events \
            and not (sa.names and sb.names and not sa.weak and not sb.weak
                     and not (sa.vclass == "count" and (sa.obj or sb.obj))):
        return 0  # (for counts, "400 staff had been found roles elsewhere" is not the workforce)
    return agree


def could_match(new: list[Claim], known: list[Claim], sigs: dict[str, Sig]) -> list[Claim]:
    """The known claims that some new claim could be the same measure as, in their order.

    Only what `score` returns 0 for whatever else the two claims say is left out: a known claim
    whose strict flags, event words, horizon or label noun (`Sig.same`) no new claim shares, one
    that is never a comparison side (`not_a_base`) or has nothing counted, a vague count from
    another article, and one whose story shares no name with the story of any new claim of that
    kind. Claims of a new claim's own article are always kept. Decisions look at a known claim
    only when its score is above 0 (or it is from the same article), so they are the same with
    the claims this leaves out as without them; it only saves comparing them. `sigs` maps claim
    ids to signatures and is filled as they are computed.
    """
    articles = {c.article for c in new}
    # per `same`: None when a new claim of that kind has no topic (the story test never applies), else the
    # distinct stories (names, their prefixes) of the new claims of that kind
    profiles: dict[tuple, dict[frozenset[str], frozenset[str]] | None] = {}
    for c in new:
        s = signature(c)
        if s.core and not s.vague:
            if not s.topic:
                profiles[s.same] = None
            else:
                stories = profiles.setdefault(s.same, {})
                if stories is not None:
                    stories[s.wide] = s.wide_pre
    out: list[Claim] = []
    keep = out.append
    get = sigs.get
    missing = object()
    for p in known:
        sp = get(p.claim_id)
        if sp is None:
            sp = sigs[p.claim_id] = signature(p)
        if p.article in articles:
            keep(p)
            continue
        if sp.not_a_base or sp.vague or not sp.core:
            continue
        stories = profiles.get(sp.same, missing)
        if stories is missing:
            continue
        if stories is None or not sp.topic:
            keep(p)
            continue
        # another article's claim is left out by `score` when both stories have topics and share no name
        wide, pre = sp.wide, sp.wide_pre
        for w, wp in stories.items():
            if not w.isdisjoint(wide) or (not wp.isdisjoint(pre) and _kin_names(w, wide)):
                keep(p)
                break
    return out
