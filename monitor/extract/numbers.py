"""Number words, scales, fractions and units: the general-English lexicon of quantities.

Only closed-class vocabulary lives here (number words, scale words, currencies, units),
never topic words, so the extractor works the same on any news beat.
"""
from __future__ import annotations

import re

SMALL: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS: dict[str, int] = {
    w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
}
SCALES: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Abbreviated scale suffixes: "$1.2bn", "470bn", "£3.5m" (m only next to a currency).
SCALE_ABBR: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "trillion": 1e12,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
    "hundred": 1e2,
}
ORDINAL_WORDS: dict[str, int] = {
    w: i + 2
    for i, w in enumerate(
        "second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
ORDINAL_WORDS.update({"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100})
# Denominators of spelled fractions ("two-thirds", "a quarter").
DENOMINATORS: dict[str, int] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8,
    "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}
VULGAR: dict[str, float] = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3}
# Vague amounts, mapped to their conservative floor as conflict-event coders do.
# "dozens" and "scores" mean several of a small unit, so at least two of it; the larger words keep
# their unit as the conventional floor ("hundreds" = 100, "tens of thousands" = 10,000).
VAGUE: dict[str, float] = {
    "dozens": 24, "scores": 40, "hundreds": 100, "thousands": 1000, "tens of thousands": 10000,
    "hundreds of thousands": 100000, "millions": 1e6, "billions": 1e9,
}

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "US$": "USD", "U.S.$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD",
    "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "MX$": "MXN", "\u20ac": "EUR", "\u00a3": "GBP",
    "\u00a5": "JPY", "\u20b9": "INR", "\u20a9": "KRW", "\u20bd": "RUB", "\u20ba": "TRY", "\u20aa": "ILS",
    "\u20b4": "UAH", "\u20a6": "NGN", "Rs": "INR", "Rs.": "INR",
}
CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY CNY RMB INR CHF AUD CAD HKD NZD SGD SEK NOK DKK PLN CZK HUF RUB UAH TRY BRL MXN ZAR "
    "KRW ILS NGN KES EGP SAR AED QAR IDR PHP THB VND MYR PKR BDT ARS CLP COP PEN".split()
)
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound sterling": "GBP",
    "pounds sterling": "GBP", "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "swiss francs": "CHF", "francs": "CHF",
    "lira": "TRY", "rand": "ZAR", "won": "KRW", "zloty": "PLN", "naira": "NGN", "shekels": "ILS",
}

# Physical and time units, normalised. Keys are lowercase as written.
UNITS: dict[str, str] = {
    "%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent",
    "percentage points": "percentage_points", "percentage point": "percentage_points",
    "percentage-point": "percentage_points", "pp": "percentage_points", "ppt": "percentage_points",
    "ppts": "percentage_points", "basis points": "basis_points", "basis point": "basis_points",
    "bps": "basis_points", "bp": "basis_points",
    "km": "km", "kms": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "m": "m", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "cm": "cm", "centimetres": "cm",
    "centimeters": "cm", "mm": "mm", "millimetres": "mm", "millimeters": "mm", "millimetre": "mm",
    "millimeter": "mm", "miles": "miles", "mile": "miles", "mi": "miles", "feet": "feet", "ft": "feet",
    "foot": "feet", "inches": "inches", "inch": "inches", "yards": "yards", "yard": "yards",
    "kg": "kg", "kgs": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilogram": "kg", "kilos": "kg",
    "g": "g", "grams": "g", "grammes": "g", "lb": "lb", "lbs": "lb",
    "tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes", "ton": "tonnes", "t": "tonnes",
    "litres": "litres", "liters": "litres", "litre": "litres", "liter": "litres", "l": "litres",
    "barrels": "barrels", "barrel": "barrels", "bpd": "barrels_per_day",
    "hectares": "hectares", "hectare": "hectares", "ha": "hectares", "acres": "acres", "acre": "acres",
    "square kilometres": "km2", "square kilometers": "km2", "sq km": "km2", "km2": "km2", "km\u00b2": "km2",
    "square miles": "square_miles", "sq miles": "square_miles",
    "km/h": "km/h", "kph": "km/h", "mph": "mph", "knots": "knots",
    "\u00b0c": "celsius", "\u00b0f": "fahrenheit", "c": "celsius", "f": "fahrenheit",
    "degrees celsius": "celsius", "degrees fahrenheit": "fahrenheit", "degrees": "degrees",
    "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "seconds": "seconds", "second": "seconds", "secs": "seconds", "minutes": "minutes", "minute": "minutes",
    "mins": "minutes", "hours": "hours", "hour": "hours", "hrs": "hours", "days": "days", "day": "days",
    "weeks": "weeks", "week": "weeks", "months": "months", "month": "months", "years": "years",
    "year": "years", "decades": "decades", "decade": "decades", "centuries": "centuries",
    "century": "centuries",
}
# Units that may be glued to digits ("155mm", "35C") but are too ambiguous as words.
GLUED_ONLY = frozenset({"m", "t", "l", "g", "c", "f", "mi", "ft"})
TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "centuries"})

_WORD_RE = re.compile(r"[a-z]+")


def words_value(phrase: str) -> float | None:
    """Value of a spelled-out cardinal: "two hundred and fifty thousand" -> 250000.

    Returns None for anything that is not a well-formed cardinal.
    """
    total = 0.0
    current = 0.0
    seen = False
    for w in _WORD_RE.findall(phrase.lower()):
        if w == "and":
            continue
        if w == "a":
            current = 1
            seen = True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
            seen = True
        else:
            return None
    return total + current if seen else None


def digits_value(s: str) -> float | None:
    """Value of "1,300", "2.16", "300 000" (thin or normal spaces as thousands separators)."""
    cleaned = s.replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def plural(noun: str) -> str:
    """Naive English plural for a counted compound noun ("32-member bloc" counts members)."""
    if noun in ("person",):
        return "people"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"
