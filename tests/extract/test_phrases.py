"""Phrase-level corpus: every construction the extractor handles, and numbers it must ignore."""
from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest

from monitor.extract import extract

from .cases import CASES


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _check(fig: Any, want: dict[str, Any]) -> list[str]:
    errors = []
    for key, expected in want.items():
        if key == "period":
            got = fig.period.label if fig.period else None
            if got != expected:
                errors.append(f"period {got!r} != {expected!r}")
        elif key == "tags":
            if not set(expected) <= set(fig.tags):
                errors.append(f"tags {fig.tags!r} lack {set(expected) - set(fig.tags)!r}")
        elif key == "not_tags":
            if set(expected) & set(fig.tags):
                errors.append(f"tags {fig.tags!r} hold {set(expected) & set(fig.tags)!r}")
        elif key in ("value", "total", "low", "high"):
            if not _close(getattr(fig, key), expected):
                errors.append(f"{key} {getattr(fig, key)!r} != {expected!r}")
        elif getattr(fig, key) != expected:
            errors.append(f"{key} {getattr(fig, key)!r} != {expected!r}")
    return errors


@pytest.mark.parametrize("sentence,published,expected", CASES, ids=[c[0][:60] for c in CASES])
def test_phrase(sentence: str, published: str, expected: list[dict[str, Any]]) -> None:
    figs = extract(sentence, date.fromisoformat(published)).figures
    shown = [(f.text, f.value, f.unit) for f in figs]
    assert len(figs) == len(expected), f"got {shown}"
    for fig, want in zip(figs, expected):
        errors = _check(fig, want)
        assert not errors, f"{fig.text!r}: {'; '.join(errors)} (all: {shown})"


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 150
    assert sum(1 for c in CASES if not c[2]) >= 30
