"""Email files (.eml): a newsletter or a forwarded article.

The stdlib parser with `policy.default` decodes transfer encodings and charsets for us.
The text/plain part is preferred because its text is what the sender wrote; an HTML-only
message goes through the same path as an .html file.
"""
from __future__ import annotations

import datetime as dt
import email
import re
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage

_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]", re.MULTILINE)
_KNOWN_HEADERS = ("from", "to", "subject", "date", "message-id", "mime-version", "content-type", "received")
_SUBJECT_PREFIX = re.compile(r"^(?:\s*(?:re|fw|fwd|aw|tr)\s*:\s*)+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mail:
    body: str
    is_html: bool
    charset: str
    subject: str | None
    date: dt.date | None
    date_header: str | None
    sender: str | None
    list_id: str | None


def looks_like_email(data: bytes) -> bool:
    head = data[:8192].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    names = {m.group(0).split(b":")[0].decode("ascii", "ignore").lower() for m in _HEADER_LINE.finditer(head)}
    return len(names & set(_KNOWN_HEADERS)) >= 2


def parse_mail(data: bytes) -> Mail | None:
    """The readable body and headers of a message, or None when it has no text part."""
    msg = email.message_from_bytes(data, policy=policy.default)
    assert isinstance(msg, EmailMessage)
    part = msg.get_body(preferencelist=("plain",))
    is_html = False
    if part is None:
        part = msg.get_body(preferencelist=("html",))
        is_html = part is not None
    if part is None:
        return None
    try:
        body = part.get_content()
    except (LookupError, UnicodeError):
        payload = part.get_payload(decode=True) or b""
        body = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else str(payload)
    if not isinstance(body, str):
        return None
    date = None
    date_header = msg.get("Date")
    if date_header is not None:
        stamp = getattr(date_header, "datetime", None)
        if isinstance(stamp, dt.datetime):
            date = stamp.date()
    subject = msg.get("Subject")
    subject_text = _SUBJECT_PREFIX.sub("", str(subject)).strip() if subject else None
    return Mail(
        body=body,
        is_html=is_html,
        charset=part.get_content_charset() or "us-ascii",
        subject=subject_text or None,
        date=date,
        date_header=str(date_header) if date_header is not None else None,
        sender=str(msg.get("From")) if msg.get("From") else None,
        list_id=str(msg.get("List-Id")) if msg.get("List-Id") else None,
    )
