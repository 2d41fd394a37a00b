"""Random and adversarial input: extraction never raises and never backtracks for long.

No timing is asserted (machines differ); linearity comes from the code's structure:
bounded quantifiers, no nested unbounded repetition, bounded look-back windows. The
large inputs below would take minutes if any pattern backtracked catastrophically.
"""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.extract import extract
from monitor.extract.sentences import split_sentences
from monitor.extract.timex import find_timexes

PUB = date(2024, 3, 14)

_PIECES = st.sampled_from([
    "1", "2,000", "3.5", "%", " per cent", "$", "\u20ac", "bn", " million", "-", "\u2013", ",", ".", " ", "\n", "of",
    " of ", "then-", "two-thirds", "half", "March", "14/3", "last year", "on Thursday", "U.S.", "Mr.", "\u201c", "\u201d",
    "'", "(", ")", "aged", "F-", "between", " and ", " to ", "rose", "from", "killed", "people", "x", "Q3", "2024",
    "\u0416", "\u4e2d", "\u0627", "\x00", "\x07", "\t", "\u200b", "\ufeff", "-year-old", "th", "st",
])


def _check(text: str) -> None:
    x = extract(text, PUB)
    for f in x.figures:
        assert text[f.start:f.end] == f.text
    for e in x.events:
        assert text[e.start:e.end] == e.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=120).map("".join))
def test_number_and_date_soup(text: str) -> None:
    _check(text)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(["9", ",", "-", "1,", "1.", " ", "a", "A", ".", "\u2013", "$1", "(", "U.S."]),
       st.integers(min_value=1000, max_value=20000))
def test_long_runs(unit: str, n: int) -> None:
    _check(unit * n)


def test_adversarial_giants() -> None:
    cases = [
        "9" * 100_000,
        "1," * 50_000,
        "-" * 100_000,
        ", " * 50_000,
        "2.16% " * 20_000,
        "between 1 and " * 10_000,
        "seven of " * 10_000 + "30 members",
        "in " * 30_000 + "2022",
        "the the the " * 20_000,
        "abc" * 30_000 + "Def",
        ("\u4e2d\u0416\u0627\x01\x02" * 20_000),
        "March 14, " * 10_000,
        "$" * 50_000 + "5",
    ]
    for text in cases:
        _check(text)


def test_five_megabyte_single_line() -> None:
    filler = "word \u4e2d\u0416 lorem, ipsum - dolor (sit) amet \x01 " * 200
    chunk = filler + "Prices rose 2.5% to $60 billion last year, up from 1,300 in 2022; "
    text = (chunk * (5_000_000 // len(chunk) + 1))[:5_000_000]
    assert "\n" not in text and len(text) == 5_000_000
    x = extract(text, PUB)
    assert len(x.figures) > 100
    assert all(text[f.start:f.end] == f.text for f in x.figures[:50])


def test_dense_figures_single_line() -> None:
    chunk = "Prices rose 2.5% to $60 billion last year, up from 1,300 in 2022 and then-31 members, aged 45; "
    text = (chunk * (200_000 // len(chunk) + 1))[:200_000]
    x = extract(text, PUB)
    assert len(x.figures) > 1000
    assert split_sentences(text)
    assert find_timexes(text[:50_000], PUB)
