"""Measure keys, labels and index buckets built from a figure's slots.

The key is a readable name for the measure ("share/member meet target 2%/nato"); claims
linked to an earlier one take over its key, so a timeline stays one measure across
paraphrases. Buckets are the index keys the app looks earlier claims up by: the value
class with the counted thing, with its predicate, and with each event word, so paraphrases
meet in at least one bucket while a bucket stays small.
"""
from __future__ import annotations

from .lemmas import CONTAINER
from .match import EVENTS, STRICT_FLAGS, core
from .values import bucket_class, value_class

_EVENT_WORDS = {"die": "killed", "injure": "injured", "attend": "taking part", "arrest": "detained",
                "displace": "displaced", "evacuate": "evacuated", "missing": "missing", "rescue": "rescued",
                "infect": "infected"}
_FLAG_WORDS = {"proposal": "proposed", "target": "target for", "projection": "forecast of", "delta": "change in",
               "limit": "limit on"}


def _ing(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    v = "aeiou"
    if len(verb) <= 4 and len(verb) >= 3 and verb[-1] not in v + "wxy" and verb[-2] in v and verb[-3] not in v:
        return verb + verb[-1] + "ing"  # cut -> cutting, win -> winning
    return verb + "ing"


def _plural(noun: str) -> str:
    if noun == "person":
        return "people"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun
    return noun + "s"


def make_key(unit: str, total: float | None, f: dict) -> str:
    thing = " ".join(sorted(core(f))) or f.get("head") or "?"
    parts = [value_class(unit, total), thing]
    act = " ".join(x for x in (f.get("pred"), *(f.get("quals") or ()), *(f.get("obj_mods") or ()), f.get("obj")) if x)
    if act:
        parts.append(act)
    flags = [x for x in f.get("flags", ()) if x in STRICT_FLAGS]
    if flags:
        parts.append("+".join(flags))
    names = f.get("names") or f.get("sayer_org")
    if names:
        parts.append(",".join(names[:3]))
    return "/".join(parts)


def make_label(f: dict, unit: str = "count") -> str:
    """Readable: "members meeting the 2% target", "core inflation", "people killed"."""
    head = f.get("head") or ""
    pred = f.get("pred") or ""
    events = [m for m in f.get("mods") or () if m in EVENTS]
    mods = [m for m in f.get("mods") or () if m != head and m not in EVENTS]
    if head in EVENTS or (head in CONTAINER and events):
        noun = " ".join(mods + ["people"])
        pred = pred or head if head in EVENTS else pred or events[0]
    else:
        counted = unit in ("count", "fraction") and head not in CONTAINER
        noun = " ".join(mods + ([_plural(head) if counted else head] if head else []))
    if pred and pred != head or head in EVENTS:
        noun += " " + (_EVENT_WORDS.get(pred, pred) if pred in EVENTS else _ing(pred))
    obj = " ".join(x for x in (*(f.get("quals") or ()), *(f.get("obj_mods") or ()), f.get("obj")) if x)
    if obj:
        noun += " the " + obj
    flags = [_FLAG_WORDS[x] for x in f.get("flags", ()) if x in _FLAG_WORDS]
    label = " ".join([*flags, noun.strip()]).strip()
    names = f.get("names") or f.get("sayer_org")
    if names:
        label += " (" + ", ".join(n.upper() if len(n) <= 4 else n.title() for n in names[:3]) + ")"
    return label


def make_buckets(unit: str, f: dict) -> list[str]:
    """A few selective index keys; every pair of paraphrases this package links shares one."""
    bc = bucket_class(unit)
    head = f.get("head") or ""
    out: list[str] = []
    if head and head not in CONTAINER and head not in EVENTS:
        out.append(f"{bc}:{head}")
        for m in f.get("mods") or ():
            out.append(f"{bc}:{head}:{m}")
    for w in sorted(core(f) & EVENTS):
        out.append(f"{bc}:{w}")
    if f.get("pred") and unit == "percent" and (f.get("head") or "") not in EVENTS and f.get("pred") not in EVENTS:
        out.insert(0, f"{bc}:~{f['pred']}")  # "contained 5% of its perimeter" meets "10% contained"
    if not out:
        out.extend(f"{bc}:{w}" for w in sorted(core(f)))
    return list(dict.fromkeys(out))[:4]
