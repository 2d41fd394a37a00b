"""Claims: figures as statements about measures, and what a new one means against the known.

Pure functions, called by the app:
    make_claims(article, figures) -> claims (what each figure measures, when, as of when)
    reconcile(new, known) -> one Decision per new claim, in order (new, restatement, update,
                                contradiction, history)
"""
from __future__ import annotations

from ..models import Article, Claim, Decision, Figure
from .build import claims_for
from .decide import reconcile_all

CLAIMS_VERSION = "1.0"


def make_claims(article: Article, figures: list[Figure]) -> list[Claim]:
    """The figures that state something about a measure, as claims; the rest are dropped."""
    return claims_for(article, figures)


def reconcile(new: list[Claim], known: list[Claim]) -> list[Decision]:
    """`known` are earlier claims sharing a bucket with a new one, oldest first."""
    return reconcile_all(new, known)


__all__ = ["CLAIMS_VERSION", "make_claims", "reconcile"]
