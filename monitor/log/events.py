"""The event types: everything the tool knows is one of these, appended to the log.

Each type is a pydantic model with a schema version. Stored rows are never rewritten: when a
type changes shape, bump SCHEMA_VERSION and register an upcaster that turns the old `data`
dict into the new one when it is read.
"""
from __future__ import annotations

from typing import Any, Callable, ClassVar

from pydantic import BaseModel, ConfigDict


class Event(BaseModel):
    """Base of all event payloads (the `data` column)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    SCHEMA_VERSION: ClassVar[int] = 1

    @classmethod
    def type_name(cls) -> str:
        return cls.__name__


class ArticleReceived(Event):
    """A file arrived; its bytes are kept in the blob store under `sha256`."""

    article: str  # the base name as dropped
    sha256: str
    size: int
    blob: str  # path of the kept original, relative to the state folder
    origin: str | None = None  # where it was read from, for retry and the user's reference
    mtime: str | None = None


class ArticleRejected(Event):
    article: str
    sha256: str
    code: str
    reason: str


class ArticleDuplicate(Event):
    """Different bytes, same text as an article already recorded: no second set of claims."""

    article: str
    sha256: str
    duplicate_of: str
    reason: str


class ArticleParsed(Event):
    article: str
    sha256: str
    text_sha256: str
    format: str
    encoding: str
    encoding_guessed: bool
    title: str | None
    source: str | None
    url: str | None
    published: str
    published_source: str
    published_confidence: float
    notes: list[str] = []
    chars: int
    quotes: list[int] = []  # fingerprints of quoted passages, for dating related articles


class FiguresExtracted(Event):
    """All figures of one article: one event rather than one per figure, so an article of
    40 figures is one row to append, hash and replay."""

    article: str
    extractor: str
    figures: list[dict[str, Any]]


class EventsExtracted(Event):
    article: str
    extractor: str
    events: list[dict[str, Any]]


class ClaimRecorded(Event):
    article: str
    claim: dict[str, Any]
    decision: str  # new | restatement | update | contradiction | history
    previous_claim_id: str | None = None


class AlertRaised(Event):
    alert_id: str
    kind: str
    measure: str
    label: str
    old: dict[str, Any]
    new: dict[str, Any]
    change: dict[str, Any] = {}
    explanation: str


class AlertAcknowledged(Event):
    alert_id: str
    note: str | None = None


class DigestSent(Event):
    digest_id: str
    message_id: str
    through_position: int  # the last log position whose alerts this digest covered
    alerts: list[str]
    recipients: list[str]
    subject: str


class DigestFailed(Event):
    digest_id: str
    message_id: str
    through_position: int
    alerts: list[str]
    reason: str


class NotificationFailed(Event):
    alert_id: str
    url: str
    reason: str


EVENT_TYPES: dict[str, type[Event]] = {
    cls.type_name(): cls
    for cls in (
        ArticleReceived,
        ArticleRejected,
        ArticleDuplicate,
        ArticleParsed,
        FiguresExtracted,
        EventsExtracted,
        ClaimRecorded,
        AlertRaised,
        AlertAcknowledged,
        DigestSent,
        DigestFailed,
        NotificationFailed,
    )
}

# (type name, stored schema version) -> function turning that version's data into the next one's.
UPCASTERS: dict[tuple[str, int], Callable[[dict[str, Any]], dict[str, Any]]] = {}


def upcast(type_name: str, version: int, data: dict[str, Any]) -> dict[str, Any]:
    """Bring stored data up to the current schema, one version step at a time."""
    cls = EVENT_TYPES.get(type_name)
    target = cls.SCHEMA_VERSION if cls else version
    while version < target:
        step = UPCASTERS.get((type_name, version))
        if step is None:
            raise ValueError(f"no upcaster for {type_name} v{version}")
        data = step(data)
        version += 1
    return data


def decode(type_name: str, version: int, data: dict[str, Any]) -> Event:
    """A stored row as its current model (upcast first)."""
    cls = EVENT_TYPES[type_name]
    return cls.model_validate(upcast(type_name, version, data))
