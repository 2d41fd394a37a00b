"""Build articles and figures by hand, so the claims tests do not depend on extraction."""
from __future__ import annotations

import hashlib
import json
from datetime import date

from monitor.claims import make_claims, reconcile
from monitor.models import Article, Claim, Decision, Figure, Period


def article(name: str, text: str, published: str, source: str | None = None) -> Article:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Article(name=name, format="txt", text=text, clean=text, encoding="utf-8", sha256=sha, text_sha256=sha,
                   published=date.fromisoformat(published), published_source="front_matter",
                   published_confidence=1.0, source=source)


def period(label: str, kind: str = "explicit") -> Period:
    """"2022", "2024-03" or "2024-03-14" as a closed interval of days."""
    parts = [int(p) for p in label.split("-")]
    if len(parts) == 1:
        return Period(date(parts[0], 1, 1), date(parts[0], 12, 31), label, kind)
    if len(parts) == 2:
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return Period(date(parts[0], parts[1], 1), date.fromordinal(nxt.toordinal() - 1), label, kind)
    d = date(*parts)
    return Period(d, d, label, kind)


def fig(text: str, quote: str, value: float, unit: str = "count", *, occurrence: int = 0, **kw: object) -> Figure:
    """A figure for `quote` in `text`; its sentence is found by splitting on full stops and blank lines."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    s = max(text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0,
            text.rfind("\n", 0, start) + 1)
    e_dot = text.find(". ", start)
    e_nl = text.find("\n", start)
    ends = [x + 1 for x in (e_dot, e_nl) if x >= 0]
    e = min(ends) if ends else len(text)
    return Figure(value=value, unit=unit, text=quote, start=start, end=start + len(quote), sentence=text[s:e],
                  sentence_start=s, **kw)  # type: ignore[arg-type]


class Log:
    """The app's part, reduced to what the claims contract needs: store claims, fetch by bucket."""

    def __init__(self) -> None:
        self.claims: list[dict] = []
        self.decisions: list[Decision] = []

    def ingest(self, art: Article, figures: list[Figure]) -> list[Decision]:
        new = make_claims(art, figures)
        buckets = {b for c in new for b in c.buckets}
        known = [Claim.from_dict(json.loads(json.dumps(d))) for d in self.claims if buckets & set(d["buckets"])]
        decisions = reconcile(new, known)
        for d in decisions:
            self.claims.append(d.claim.to_dict())
        self.decisions.extend(decisions)
        return decisions

    def alerts(self) -> list[Decision]:
        return [d for d in self.decisions if d.alerts]


def alert_pairs(decisions: list[Decision]) -> set[tuple[str, str, str]]:
    return {(d.kind, d.previous.text, d.claim.text) for d in decisions if d.alerts and d.previous is not None}
