"""Sentence splitting on news text, including web-scrape debris."""
from __future__ import annotations

import pytest

from monitor.extract.sentences import split_sentences


def parts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize("text,expected", [
    ("The U.S. economy grew. Prices fell.", ["The U.S. economy grew.", "Prices fell."]),
    ("Mr. Smith met Dr. Jones at St. Mary's. They talked.", ["Mr. Smith met Dr. Jones at St. Mary's.", "They talked."]),
    ("The vote is at 3 p.m. on Friday. Results follow.", ["The vote is at 3 p.m. on Friday.", "Results follow."]),
    ("Growth was 2.5% last year. It slowed.", ["Growth was 2.5% last year.", "It slowed."]),
    ("He lives at No. 3 Main Road. It is small.", ["He lives at No. 3 Main Road.", "It is small."]),
    ("\u201cWe will win.\u201d He smiled.", ["\u201cWe will win.\u201d", "He smiled."]),
    ('"Is it over?" she asked. Nobody knew.', ['"Is it over?" she asked.', "Nobody knew."]),
    ("First line without a stop\nSecond line.", ["First line without a stop", "Second line."]),
    ("Workers walk out in biggest strike in decadeUrging allies to act, he spoke.",
     ["Workers walk out in biggest strike in decade", "Urging allies to act, he spoke."]),
    ("She bought an iPhone at McDonald's with her MacBook. Fine.",
     ["She bought an iPhone at McDonald's with her MacBook.", "Fine."]),
    ("The talks ended.The ministers left.", ["The talks ended.", "The ministers left."]),
    ("He was called 'rude'\u201cIf I may,\u201d she said.", ["He was called 'rude'", "\u201cIf I may,\u201d she said."]),
    ("The U.S. The market rose.", ["The U.S.", "The market rose."]),
    ("Pres. Lee spoke. J. K. Rowling wrote.", ["Pres. Lee spoke.", "J. K. Rowling wrote."]),
])
def test_split(text: str, expected: list[str]) -> None:
    assert parts(text) == expected


def test_boilerplate_lines_yield_no_sentences() -> None:
    text = ("Prices rose 3%.\nRead more: Why prices rise\nFollow us on Twitter and Facebook\n"
            "* Follow Daily Politics on Snapchat\n\u00a92024 Example News Ltd.\nCopyright 2023 Someone\n"
            "All rights reserved.\nThe end.")
    assert parts(text) == ["Prices rose 3%.", "The end."]


def test_offsets_are_exact_and_trimmed() -> None:
    text = "  One.   Two!\n\n Three?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One.", "Two!", "Three?"]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    assert spans == sorted(spans)


def test_empty_and_blank() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\t ") == []
    assert split_sentences("...") == []
