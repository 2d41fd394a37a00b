"""Plain data passed between the pure stages (read -> extract -> claims) and the app.

These are frozen dataclasses rather than pydantic models: they are built thousands of
times per second on the ingest path, and they never cross a trust boundary (events in the
log and the config file are validated with pydantic instead). Each has `to_dict` for JSON
output and, where the log stores it, `from_dict` to rebuild it on replay.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Period:
    """The time a figure refers to, as a closed interval of days.

    `label` is no more precise than the text: "2022", "2024-03", "2024-03-14".
    `kind` says how it was found: "explicit" (a year or date in the text), "relative"
    ("last year", "this month", resolved against publication), "asof" (no time in the
    text: the statement's own date), "past" (a former state such as "the then-31
    members", whose exact time is unknown but earlier than `end`).
    """

    start: date
    end: date
    label: str
    kind: str = "explicit"

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label, "kind": self.kind}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Period":
        return cls(date.fromisoformat(d["start"]), date.fromisoformat(d["end"]), d["label"], d.get("kind", "explicit"))


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure found in an article.

    Offsets (`start`, `end`) index the article's decoded text (`Article.text`), so
    `text == article.text[start:end]` always holds.
    """

    value: float
    unit: str  # count | percent | percentage_points | fraction | USD/EUR/GBP/... | a physical unit (km, mm, tonnes, days, years...)
    text: str
    start: int
    end: int
    sentence: str
    sentence_start: int  # offset of `sentence` in the article text
    qualifier: str = "exact"  # exact | approximate | lower_bound | upper_bound | range
    low: float | None = None
    high: float | None = None
    total: float | None = None  # "seven of 30 members" -> 30
    counted: str | None = None  # what is counted or measured: "members", "people killed", "artillery shells"
    period: Period | None = None
    change: str | None = None  # "increase" | "decrease" | "baseline" ("up from 2.12%": the older value) | None
    tags: tuple[str, ...] = ()  # free flags from the extractor: "past_state", "ordinal", "projection", "target"...

    def to_dict(self) -> dict[str, Any]:
        # by hand, in field order: what asdict gave (its recursive deep copy of plain values cost
        # more than the rest of the encoding)
        return {"value": self.value, "unit": self.unit, "text": self.text, "start": self.start, "end": self.end,
                "sentence": self.sentence, "sentence_start": self.sentence_start, "qualifier": self.qualifier,
                "low": self.low, "high": self.high, "total": self.total, "counted": self.counted,
                "period": self.period.to_dict() if self.period else None, "change": self.change,
                "tags": list(self.tags)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Figure":
        d = dict(d)
        d["period"] = Period.from_dict(d["period"]) if d.get("period") else None
        d["tags"] = tuple(d.get("tags") or ())
        return cls(**d)


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """A dated happening: "Sweden became the 32nd member earlier this month" -> 2024-03."""

    sentence: str
    text: str  # the time expression as written ("earlier this month", "on Thursday (14/3)")
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD: no more precise than the text
    start: int  # offsets of `text` in the article text
    end: int
    actor: str | None = None
    verb: str | None = None
    place: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"sentence": self.sentence, "text": self.text, "date": self.date, "start": self.start, "end": self.end,
                "actor": self.actor, "verb": self.verb, "place": self.place}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "DatedEvent":
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Extraction:
    figures: list[Figure]
    events: list[DatedEvent]
    version: str


@dataclass(frozen=True, slots=True)
class Article:
    """A file that was read successfully.

    `text` is the decoded file text for .txt/.md/.eml-plain (offsets point into it) and the
    extracted main text for HTML. `clean` has the same length as `text`, with markup, front
    matter and boilerplate blanked out by spaces, so extraction runs on `clean` and its
    offsets are valid in `text`.
    """

    name: str
    format: str  # txt | md | html | eml
    text: str
    clean: str
    encoding: str
    sha256: str  # of the raw bytes
    text_sha256: str  # of the whitespace-normalised text: finds the same article under another name
    published: date
    published_source: str  # which rule decided: front_matter | email_date | html_meta | dateline | text_date | relative_cues | copyright_year | mtime
    published_confidence: float  # 0..1
    title: str | None = None
    source: str | None = None
    url: str | None = None
    encoding_guessed: bool = False
    notes: tuple[str, ...] = ()  # how things were decided, for `monitor articles` and debugging

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat()
        d["notes"] = list(self.notes)
        return d


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file that cannot become an article; `reason` is for people, `code` for programs."""

    code: str  # empty | binary | too_large | undecodable | unsupported_type | symlink | unreadable | mismatch
    reason: str


@dataclass(slots=True)
class Claim:
    """A figure as a statement about a measure, ready to be compared with earlier ones.

    The claims package owns `key`, `buckets` and `features`: `buckets` are the index keys
    under which the app looks up earlier claims that may be about the same measure (so a
    lookup never scans history), `features` whatever the comparison needs, stored with the
    claim and handed back unchanged.
    """

    claim_id: str
    article: str
    figure_index: int
    key: str
    label: str
    buckets: list[str]
    value: float
    unit: str
    qualifier: str
    low: float | None
    high: float | None
    total: float | None
    text: str
    sentence: str
    period: Period
    as_of: date
    published: date
    source: str | None
    features: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]
        d["period"] = self.period.to_dict()
        d["as_of"] = self.as_of.isoformat()
        d["published"] = self.published.isoformat()
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Claim":
        d = dict(d)
        d["period"] = Period.from_dict(d["period"])
        d["as_of"] = date.fromisoformat(d["as_of"])
        d["published"] = date.fromisoformat(d["published"])
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Decision:
    """What a new claim means against what was known.

    kind: new (nothing known about this measure) | restatement | update | contradiction |
    history (an older period arriving late). Only update and contradiction raise alerts.
    """

    kind: str
    claim: Claim
    previous: Claim | None = None
    explanation: str = ""
    change: dict[str, Any] = field(default_factory=dict)  # absolute, relative, share_old, share_new...
    # A second alert the same claim raises: the police count updates the police series and, where the
    # organisers gave another figure for the same march, contradicts it too.
    also: tuple["Decision", ...] = ()

    @property
    def alerts(self) -> bool:
        return self.kind in ("update", "contradiction")
