"""What a new claim means against earlier claims about the same measure.

The comparison side is the most recent earlier claim for the measure (by period, then the
date of the statement, then log order), so an alert always says what the user last knew.
Claims of one article are compared with each other too, in the order of what they refer
to, not of where they stand in the text.
"""
from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from ..models import Claim, Decision
from .match import NOT_A_BASE_FLAGS, Sig, kin_names, score, signature
from .values import change, same_value, show

# Statements this close in time are "at the same time": a different value then is a disagreement.
SAME_TIME_DAYS = 3
NOT_A_BASE = NOT_A_BASE_FLAGS
# Amounts that name a thing ("a $60 billion package", "a new package") identify it: a different
# amount is another thing, never a revision.
NAMING = frozenset({"named_amount", "new_instance"})


def _order(c: Claim) -> tuple[date, date, date]:
    """Recency: a period counts up to the day it was spoken of ("this year", said in March, is March)."""
    return (min(c.period.end, c.as_of), c.period.start, c.as_of)


def _who(c: Claim) -> str:
    sayer = c.features.get("sayer") or ""
    if sayer and sayer not in ("he", "she", "they", "it", "we"):
        return sayer
    return c.source or c.article


def _where(c: Claim) -> str:
    return f"{show(c)} ({c.period.label}, {c.source or c.article}, {c.as_of.isoformat()})"


def _link(c: Claim, prev: Claim, kind: str) -> Claim:
    """The claim joins the measure of the claim it was compared with: same key, same label."""
    buckets = list(dict.fromkeys([*c.buckets, *prev.buckets]))[:8]
    features = {**c.features, "decision": kind, "linked_to": prev.claim_id}
    return replace(c, key=prev.key, label=prev.label, buckets=buckets, features=features)


def _alone(c: Claim, kind: str = "new") -> Decision:
    return Decision(kind, replace(c, features={**c.features, "decision": kind}))


def decide(c: Claim, pool: list[Claim], candidates: list[int] | None = None,
           sigs: dict[int, Sig] | None = None) -> Decision:
    """Decide one claim against the pool (or the pool entries listed in candidates)."""
    flags = set(c.features.get("flags") or ())
    matches: list[tuple[int, Claim]] = []
    sigs = sigs if sigs is not None else {}
    sc = sigs.get(id(c)) or signature(c)
    for i in (candidates if candidates is not None else range(len(pool))):
        p = pool[i]
        sp = sigs.get(id(p))
        if sp is None:
            sp = sigs[id(p)] = signature(p)
        if sp.not_a_base or sp.strict != sc.strict or not (sp.core & sc.core or sp.state or sc.state) \
                or p.claim_id == c.claim_id:
            continue
        if p.article == c.article and p.as_of == c.as_of and not _distinct_sayers(c, p):
            # the same article saying two values at once about what looks like one measure: more
            # likely two measures the key cannot tell apart than a disagreement
            if not same_value(c, p):
                continue
        if score(c, p, sc, sp) > 0:
            matches.append((i, p))
    if not matches:
        return _alone(c, "history" if flags & NOT_A_BASE else "new")
    every = matches
    named = sc.names  # what the figure is about: its clause's names, else a speaker that is an organisation
    if named and (c.features.get("name_split")
                  or ("placed" in flags and any(sigs[id(p)].names & named for _, p in matches))):
        # the article tells this place's count from an unnamed one: only the place's own earlier counts
        matches = [(i, p) for i, p in matches if sigs[id(p)].names & named or kin_names(sigs[id(p)].names, named)]
    elif named and any(sigs[id(p)].names & named for _, p in matches):
        # a named count follows its own name before an unnamed count of the same noun from a story that is not
        # about that name (the counter-protest's 150 follows its 400, not the main march's unnamed 52,000)
        matches = [(i, p) for i, p in matches if sigs[id(p)].names or named & sigs[id(p)].topic]
    elif not named:
        matches = _lead_place(c, matches, sigs)
    disputed = matches
    matches = _own_series(c, matches)
    if not matches:
        return _alone(c, "history" if flags & NOT_A_BASE else "new")
    _, prev = max(matches, key=lambda ip: (_order(ip[1]), ip[0]))
    if _sayer(prev) != _sayer(c) and not same_value(c, prev):
        # a restatement counts as the most recent: the same value given at about the same time as the
        # latest claim (the organisers' count repeated while the police count is also repeated) is corroboration
        same = [ip for ip in matches if _near(c, ip[1]) and ip[1].value != prev.value and _same_time(ip[1], prev)
                and same_value(c, ip[1])]
        if same:
            _, prev = max(same, key=lambda ip: (_order(ip[1]), ip[0]))
    if not same_value(c, prev):
        prev = _original(prev, every, c)
    label = prev.label
    if flags & NOT_A_BASE:
        return Decision("history", _link(c, prev, "history"), prev,
                        f"{label}: " + ("a rough size, not a count" if "vague_amount" in flags
                                        else "a market price of its day" if "market_price" in flags
                                        else "a former or baseline value") + ", recorded for the timeline.")
    # a figure with no stated period is as of its statement: said before what is known, it is older news; and
    # an explicit period just before an earlier undated statement may be the very period it spoke of
    undated_older = c.period.kind == "asof" and c.as_of < prev.as_of and c.article != prev.article
    same_days = c.as_of > prev.as_of and (
        (prev.period.kind == "asof" and (prev.as_of - c.period.end).days <= SAME_TIME_DAYS)
        or (c.period.kind == "asof" and bool(flags & {"projection", "target"})))
    # (a plan restated later with no date of its own is a later word on the plan, not an older period)
    if (c.period.end < prev.period.start and not same_days) or undated_older \
            or (c.period.start <= prev.period.end and c.as_of < prev.as_of and c.article != prev.article):
        return Decision("history", _link(c, prev, "history"), prev,
                        f"{label}: {_where(c)} is older than what is known, {_where(prev)}.")
    if same_value(c, prev):
        return Decision("restatement", _link(c, prev, "restatement"), prev,
                        f"{label}: {_who(c)} repeats {show(prev)}.")
    if flags & NAMING or set(prev.features.get("flags") or ()) & NAMING:
        return _alone(c)
    ch = change(prev, c)
    # a figure with no stated period, given at about the time of an explicit one, is about that period
    newer_period = c.period.start > prev.period.end and not (
        c.period.kind == "asof" and prev.period.start < prev.period.end and prev.period.end < prev.as_of
        and abs((c.as_of - prev.as_of).days) <= SAME_TIME_DAYS)
    days = (c.as_of - prev.as_of).days
    if newer_period:
        kind, why = "update", "a newer period"
    elif c.article == prev.article:
        if days > 0:
            kind, why = "update", f"a later statement in the same article ({prev.as_of.isoformat()} -> {c.as_of.isoformat()})"
        else:
            kind, why = "contradiction", f"{_who(prev)} and {_who(c)} give different values in the same article"
    elif days <= SAME_TIME_DAYS:
        rising = ch.get("direction") == "up" and (prev.qualifier == "lower_bound" or "revised" in flags or (
            c.qualifier == "lower_bound" and not _distinct_sayers(c, prev))) \
            and not (_day(c) == _day(prev) and _distinct_sayers(c, prev))
        if rising:
            kind, why = "update", "a higher count at about the same time, where the earlier one was a minimum"
        else:
            kind, why = "contradiction", "different values for the same period at about the same time"
    elif c.period.kind == "explicit" and prev.period.kind == "explicit" and prev.period.end < prev.as_of \
            and "revised" not in flags:
        kind, why = "contradiction", "a later statement disagrees with the figure for a closed period"
    else:
        kind, why = "update", "a later statement about the same period"
    verb = "is now" if kind == "update" else "but"
    if kind == "update":
        expl = f"{label}: {_where(prev)} {verb} {_where(c)}: {why}."
    else:
        expl = f"{label}: {_who(prev)} said {show(prev)}, {_who(c)} says {show(c)} ({c.period.label}): {why}."
    linked = _link(c, prev, kind)
    also: tuple[Decision, ...] = ()
    rival = _rival(c, prev, disputed) if kind == "update" else None
    if rival is not None:
        also = (Decision("contradiction", linked, rival,
                         f"{label}: {_who(rival)} said {show(rival)}, {_who(c)} says {show(c)} ({c.period.label}): "
                         "another source's figure for the same day.", change(rival, c)),)
    return Decision(kind, linked, prev, expl, ch, also)


def _lead_place(c: Claim, matches: list[tuple[int, Claim]], sigs: dict[int, Sig]) -> list[tuple[int, Claim]]:
    """An unnamed count in a story told about two places ("the toll had reached 34" in an article about Ketwar,
    after counts for Ketwar and for Palkot) is the count of the place its article is about."""
    groups = list({sigs[id(p)].names for _, p in matches if sigs[id(p)].names and "placed" in p.features["flags"]})
    if len(groups) < 2 or not any(not (a & b) and not kin_names(a, b) for k, a in enumerate(groups)
                                  for b in groups[k + 1:]):
        return matches
    lead = set(c.features.get("topic", ())[:1])
    kept = [(i, p) for i, p in matches if "placed" not in p.features["flags"] or sigs[id(p)].names & lead]
    return kept or matches


def _rival(c: Claim, prev: Claim, matches: list[tuple[int, Claim]]) -> Claim | None:
    """Another source's different figure for the same day, given at about the same time: the police count
    that updates the police series also contradicts the organisers' count of that march."""
    if not _sayer(c):
        return None
    rivals = [(i, p) for i, p in matches if p is not prev and _distinct_sayers(c, p) and _sayer(p) != _sayer(prev)
              and _day(p) == _day(c) and _same_time(c, p) and not same_value(c, p)
              and set(p.features.get("names") or ()) == set(c.features.get("names") or ())]
    return max(rivals, key=lambda ip: (_order(ip[1]), ip[0]))[1] if rivals else None


def _headline_repeat(c: Claim, pool: list[Claim], cand: list[int], sigs: dict[int, Sig]) -> Decision | None:
    """A headline figure that its own article's body gives too is that figure again, whatever words the
    headline squeezed it into ("Flood dead already at 86" over "officials confirmed that 86 people have died")."""
    if not c.features.get("headline"):
        return None
    sc = sigs.get(id(c)) or signature(c)
    for j in reversed(cand):
        p = pool[j]
        if p.article == c.article and not p.features.get("headline") and p.unit == c.unit and same_value(c, p):
            sp = sigs.get(id(p)) or signature(p)
            if sp.core & sc.core or sp.events & sc.events or sp.head == sc.head:
                return Decision("restatement", _link(c, p, "restatement"), p,
                                f"{p.label}: the headline repeats {show(p)}.")
    return None


def _original(prev: Claim, matches: list[tuple[int, Claim]], c: Claim) -> Claim:
    """The old side is the latest statement of the value, a repeat included (it is what the user last read);
    a headline repeat is quoted from its article's body, where the figure is said in full, and a repeat inside the
    new claim's own article ("officials, who on Wednesday put the toll at 86, said 112") from where the user read
    it before."""
    if prev.features.get("headline"):
        body = [p for _, p in matches if p.article == prev.article and same_value(p, prev)
                and not p.features.get("headline")]
        return body[-1] if body else prev
    if prev.article == c.article and prev.features.get("decision") == "restatement":
        before = [p for _, p in matches if p.article != c.article and same_value(p, prev)
                  and not p.features.get("headline")]
        return before[-1] if before else prev
    return prev


def _near(a: Claim, b: Claim) -> bool:
    """A cheap bound before same_value: plain values of one unit more than half apart are never equal."""
    if a.unit != b.unit or a.total or b.total or a.unit == "fraction":
        return True
    return abs(a.value - b.value) <= 0.5 * max(abs(a.value), abs(b.value))


def _sayer(c: Claim) -> str:
    sayer = c.features.get("sayer") or ""
    return "" if sayer in ("he", "she", "they", "it", "we") else sayer


def _day(c: Claim) -> date:
    return min(c.period.end, c.as_of)


def _same_time(a: Claim, b: Claim) -> bool:
    return abs((a.as_of - b.as_of).days) <= SAME_TIME_DAYS and abs((_day(a) - _day(b)).days) <= SAME_TIME_DAYS


def _own_series(c: Claim, matches: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """Keep the sources of a disputed measure apart.

    Sources are rivals when they gave different values for the same day or period (police 15,000,
    organisers 100,000). A rival's figure is then never the old side of an update: when the new
    claim's source has its own earlier figure, rivals are left out; otherwise only a rival's figure
    from about the same time stays, as the other side of a contradiction. Sources that never
    disagreed (an agency, then "officials") are one series.
    """
    mine = _sayer(c)
    if not mine:
        return _nearest_series(c, matches)
    own = [p for _, p in matches if _sayer(p) == mine]
    rivals: set[str] = set()
    for _, p in matches:
        theirs = _sayer(p)
        if not theirs or theirs == mine or theirs in rivals:
            continue
        for q in (c, *own):
            if _day(q) == _day(p) and abs((q.as_of - p.as_of).days) <= SAME_TIME_DAYS and not same_value(p, q):
                rivals.add(theirs)
                break
    if not rivals and not own:
        return _nearest_series(c, matches)
    if not rivals:
        return matches
    if own:
        return [ip for ip in matches if _sayer(ip[1]) not in rivals]
    return [ip for ip in matches if _sayer(ip[1]) not in rivals or _same_time(c, ip[1])]


def _nearest_series(c: Claim, matches: list[tuple[int, Claim]]) -> list[tuple[int, Claim]]:
    """A new source entering a disputed measure (a ministry's count after the police and the organisers
    disagreed) continues the series its figure is closest to, not whichever was said last."""
    latest: dict[str, Claim] = {}
    for _, p in matches:
        who = _sayer(p)
        if who and (who not in latest or _order(p) >= _order(latest[who])):
            latest[who] = p
    disputing = {a for a, pa in latest.items() for b, pb in latest.items()
                 if a != b and _day(pa) == _day(pb) and not same_value(pa, pb)}
    if len(disputing) < 2 or c.value <= 0 or any(latest[w].value <= 0 for w in disputing):
        return matches
    nearest = min(sorted(disputing), key=lambda w: abs(math.log(latest[w].value / c.value)))  # (sorted: ties go
    # the same way in every process, whatever its hash seed)
    return [ip for ip in matches if _sayer(ip[1]) not in disputing or _sayer(ip[1]) == nearest]


def _distinct_sayers(a: Claim, b: Claim) -> bool:
    sa, sb = a.features.get("sayer") or "", b.features.get("sayer") or ""
    pron = ("", "he", "she", "they", "it", "we")
    return sa not in pron and sb not in pron and sa != sb


def reconcile_all(new: list[Claim], known: list[Claim], known_sigs: dict[str, Sig] | None = None) -> list[Decision]:
    """Decide each new claim in the order of what it refers to; later ones see earlier ones.

    `known_sigs` maps claim ids of recorded claims to their signatures and is filled as they
    are computed: a recorded claim never changes, so a caller that keeps the dict across
    articles pays for each signature once instead of once per article.
    """
    pool = list(known)
    by_bucket: dict[str, list[int]] = {}
    sigs: dict[int, Sig] = {}
    for i, p in enumerate(pool):
        for b in p.buckets:
            by_bucket.setdefault(b, []).append(i)
        if known_sigs is not None:
            sig = known_sigs.get(p.claim_id)
            if sig is None:
                sig = known_sigs[p.claim_id] = signature(p)
            sigs[id(p)] = sig
    out: list[Decision | None] = [None] * len(new)
    # a headline repeats the story's own figures: decided after the body, it restates them
    for i in sorted(range(len(new)), key=lambda k: (_order(new[k]), bool(new[k].features.get("headline")), k)):
        c = new[i]
        cand = sorted({j for b in c.buckets for j in by_bucket.get(b, ())})
        d = _headline_repeat(c, pool, cand, sigs) or decide(c, pool, cand, sigs)
        out[i] = d
        pool.append(d.claim)
        for b in d.claim.buckets:
            by_bucket.setdefault(b, []).append(len(pool) - 1)
    return [d for d in out if d is not None]
