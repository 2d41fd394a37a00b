"""Contract invariants of `extract`: offsets, sentences, determinism, version."""
from __future__ import annotations

from datetime import date

from monitor.extract import EXTRACTOR_VERSION, extract
from monitor.models import Extraction

ARTICLE = """City council approves budget

The council voted 9-2 on Tuesday to approve a \u20ac48 million budget for 2025, up from \u20ac44.5 million this year.
Mayor Lena Ortiz said 12 of the 15 districts would get new parks. "We promised more green space," she said.
Around 3,000 residents attended public hearings last month, officials said, and two-thirds backed the plan.
Read more: How the budget works
\u00a92024 Example Gazette
"""


def test_offsets_and_sentences_hold() -> None:
    x = extract(ARTICLE, date(2024, 10, 3))
    assert isinstance(x, Extraction) and x.version == EXTRACTOR_VERSION
    assert x.figures, "expected figures"
    for f in x.figures:
        assert ARTICLE[f.start:f.end] == f.text
        assert ARTICLE[f.sentence_start:f.sentence_start + len(f.sentence)] == f.sentence
        assert f.sentence_start <= f.start and f.end <= f.sentence_start + len(f.sentence)
        assert f.period is not None and f.period.start <= f.period.end
    for e in x.events:
        assert ARTICLE[e.start:e.end] == e.text
        assert len(e.date) in (4, 7, 10)


def test_expected_figures_in_article() -> None:
    x = extract(ARTICLE, date(2024, 10, 3))
    got = {(f.text, f.value, f.unit) for f in x.figures}
    assert ("\u20ac48 million", 48e6, "EUR") in got
    assert ("\u20ac44.5 million", 44.5e6, "EUR") in got
    assert any(f.value == 12 and f.total == 15 for f in x.figures)
    assert any(f.unit == "fraction" for f in x.figures)
    assert not any("2024" in f.text or f.value == 2025 for f in x.figures)
    budget = next(f for f in x.figures if f.value == 48e6)
    assert budget.period is not None and budget.period.label == "2025"
    base = next(f for f in x.figures if f.value == 44.5e6)
    assert base.change == "baseline" and base.period is not None and base.period.label == "2024"


def test_deterministic_and_pure() -> None:
    a = extract(ARTICLE, date(2024, 10, 3))
    b = extract(ARTICLE, date(2024, 10, 3))
    assert a == b
    assert extract("", date(2024, 1, 1)) == Extraction(figures=[], events=[], version=EXTRACTOR_VERSION)


def test_blanked_markup_keeps_offsets() -> None:
    raw = "<p>Sales rose <b>12%</b> in 2023.</p>"
    blanked = "".join(" " if c else ch for ch, c in zip(raw, _markup_mask(raw)))
    x = extract(blanked, date(2024, 2, 1))
    assert [(f.text, f.value) for f in x.figures] == [("12%", 12.0)]
    assert raw[x.figures[0].start:x.figures[0].end] == "12%"


def _markup_mask(raw: str) -> list[bool]:
    mask, inside = [], False
    for ch in raw:
        if ch == "<":
            inside = True
        mask.append(inside)
        if ch == ">":
            inside = False
    return mask
