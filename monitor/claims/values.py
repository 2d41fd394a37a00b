"""Kinds of value, and when two values say the same thing.

Counts with a total and fractions are compared on one scale (8 of 31 vs two-thirds), values
are equal within the rounding their text allows, and a qualifier never makes two values
differ by itself ("about 5,000" restates "5,000").
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..models import Claim

_CURRENCY = re.compile(r"^[A-Z]{3}$")
_SCALE = re.compile(r"\b(thousand|million|billion|trillion|bn|mn|m|k)\b", re.I)
_DECIMALS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
_SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
           "trillion": 1e12}


def value_class(unit: str, total: float | None = None) -> str:
    """count | share | percent | pp | money:XXX | the physical unit."""
    if unit == "fraction":
        return "share"
    if unit == "count":
        return "share" if total else "count"
    if unit == "percent":
        return "percent"
    if unit == "percentage_points":
        return "pp"
    if _CURRENCY.match(unit):
        return "money:" + unit
    return unit


def bucket_class(unit: str) -> str:
    """A coarse class for index keys: counts, shares and percentages of a group meet in one."""
    if unit in ("count", "fraction", "percent"):
        return "q"
    if unit == "percentage_points":
        return "pp"
    if _CURRENCY.match(unit):
        return unit
    return unit


def share(c: Claim) -> float | None:
    """The value as a share of its group, when the text gives one."""
    if c.unit == "fraction":
        return c.value
    if c.unit == "count" and c.total:
        return c.value / c.total
    if c.unit == "percent" and c.features.get("head_is_group"):
        return c.value / 100.0
    return None


def comparable(a: Claim, b: Claim) -> bool:
    """Same kind of value: counts with counts, shares with shares, money in one currency."""
    ca, cb = value_class(a.unit, a.total), value_class(b.unit, b.total)
    if ca == cb:
        return True
    if {ca, cb} <= {"count", "share"}:
        return a.unit == "count" and b.unit == "count"  # 3 allies vs 8 of 31: both counts
    if {ca, cb} <= {"share", "percent"}:
        return share(a) is not None and share(b) is not None
    return False


def _tolerance(c: Claim) -> float:
    """Half a unit of the last digit the text gives: "2.6 million" covers 2.55 to 2.65 million."""
    return _text_tolerance(c.text)


@lru_cache(maxsize=16384)
def _text_tolerance(text: str) -> float:
    m = _DECIMALS.search(text)
    if not m:
        return 0.0
    decimals = len(m.group(1) or "")
    scale = 1.0
    s = _SCALE.search(text[m.end():m.end() + 12])
    if s:
        scale = _SCALES.get(s.group(1).lower(), 1.0)
    return 0.5 * (10 ** -decimals) * scale


@lru_cache(maxsize=16384)
def _digit_unit(text: str) -> float:
    """One unit of the last significant digit written: 1,000 for "about 5,000", 0.1 billion for "15.8 billion"."""
    m = _DECIMALS.search(text)
    if not m:
        return float("inf")
    scale = 1.0
    s = _SCALE.search(text[m.end():m.end() + 12])
    if s:
        scale = _SCALES.get(s.group(1).lower(), 1.0)
    if m.group(1):
        return (10 ** -len(m.group(1))) * scale
    digits = m.group(0).replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    return (10 ** min(zeros, len(digits) - 1)) * scale


def same_value(a: Claim, b: Claim) -> bool:
    """Equal within rounding; approximate figures within 5% and one unit of their last digit; word fractions
    within two points."""
    sa, sb = share(a), share(b)
    both_counts = a.unit == "count" and b.unit == "count"
    if not both_counts and sa is not None and sb is not None:
        return abs(sa - sb) <= 0.02
    va, vb = a.value, b.value
    if a.low is not None and a.high is not None and b.low is not None and b.high is not None:
        return abs(a.low - b.low) <= 1e-9 * max(1, abs(a.low)) and abs(a.high - b.high) <= 1e-9 * max(1, abs(a.high))
    if va == vb:
        return True
    for r, x in ((a, b), (b, a)):
        if r.low is not None and r.high is not None and x.low is None and x.high is None \
                and (abs(x.value - r.low) <= 1e-9 * max(1, abs(r.low)) or abs(x.value - r.high) <= 1e-9 * max(1, abs(r.high))):
            return True  # "$15.2bn", the top of "$14.8bn-$15.2bn" written apart, repeats the range's end
    if a.qualifier == "approximate" or b.qualifier == "approximate":
        # "about 5,000" covers 4,800 (5%), but "about $15.8 billion" is precise to a tenth: $16.1 billion differs
        approx = [c for c in (a, b) if c.qualifier == "approximate"]
        digit = max(_digit_unit(c.text) for c in approx)
        return abs(va - vb) <= min(0.05 * max(abs(va), abs(vb)), digit) + 1e-9 * max(abs(va), abs(vb))
    # strictly inside the rounding: "10%" and "9.5%" are two values, "2.6 million" covers 2.58 million
    tol = max(_tolerance(a), _tolerance(b))
    return abs(va - vb) < tol - 1e-9 * max(abs(va), abs(vb)) or abs(va - vb) <= 1e-9 * max(abs(va), abs(vb))


def change(old: Claim, new: Claim) -> dict[str, Any]:
    """Absolute and relative change, and shares when the two values count parts of a group."""
    out: dict[str, Any] = {}
    so, sn = share(old), share(new)
    if old.unit == new.unit and not (so is not None and sn is not None and old.total != new.total):
        out["absolute"] = new.value - old.value
        out["relative"] = (new.value - old.value) / abs(old.value) if old.value else None
    if so is not None and sn is not None:
        out["share_old"] = round(so, 4)
        out["share_new"] = round(sn, 4)
        out["share_points"] = round(100 * (sn - so), 2)
        if "relative" not in out:
            out["relative"] = (sn - so) / so if so else None
            out["absolute"] = round(sn - so, 4)
    if "relative" in out and out["relative"] is not None:
        out["relative"] = round(out["relative"], 4)
    up = _compare(old, new)
    out["direction"] = "up" if up > 0 else "down" if up < 0 else "same"
    return out


def _compare(old: Claim, new: Claim) -> float:
    so, sn = share(old), share(new)
    if so is not None and sn is not None and not (old.unit == "count" and new.unit == "count"):
        return sn - so
    return new.value - old.value


def show(c: Claim) -> str:
    """A value as a reader would say it: "8 of 31", "two-thirds", "$60 billion"."""
    if c.unit == "count" and c.total:
        return f"{_num(c.value)} of {_num(c.total)}"
    if "negative" in (c.features.get("flags") or ()):
        return f"a loss of {c.text.strip()}"  # the result is below zero; the text gives the size of the loss
    return c.text.strip() or _num(c.value)


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
