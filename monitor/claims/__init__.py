"""Claims: figures as statements about measures, and what a new one means against the known.

Pure functions, called by the app:
    make_claims(article, figures) -> claims (what each figure measures, when, as of when)
    reconcile(new, known) -> one Decision per new claim, in order (new, restatement, update,
                                contradiction, history)
"""
from __future__ import annotations

from typing import Any

from ..models import Article, Claim, Decision, Figure
from .build import claims_for
from .decide import reconcile_all

CLAIMS_VERSION = "1.0"


def make_claims(article: Article, figures: list[Figure]) -> list[Claim]:
    """The figures that state something about a measure, as claims; the rest are dropped."""
    return claims_for(article, figures)


def reconcile(new: list[Claim], known: list[Claim], known_sigs: dict[str, Any] | None = None) -> list[Decision]:
    """`known` are earlier claims sharing a bucket with a new one, oldest first.

    `known_sigs` is an optional cache the caller keeps across calls (claim id -> comparison
    signature of a recorded claim); it only saves time and never changes a decision.
    """
    return reconcile_all(new, known, known_sigs)


__all__ = ["CLAIMS_VERSION", "make_claims", "reconcile"]
