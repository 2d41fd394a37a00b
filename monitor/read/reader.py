"""bytes -> Article | Rejection. Pure: no file I/O, no clock, same answer every time.

The caller reads the file, checks symlinks and keeps the original bytes; this module
only decides what the bytes say. Every refusal is a Rejection with a reason a person can
act on; every decision about metadata leaves a line in `Article.notes`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from monitor.models import Article, Rejection
from monitor.read import dating, frontmatter
from monitor.read import source as source_rules
from monitor.read.clean import clean_text
from monitor.read.decode import Decoded, decode
from monitor.read.html import looks_like_html, read_html
from monitor.read.mail import looks_like_email, parse_mail
from monitor.read.options import ReadOptions
from monitor.read.title import first_line_title

_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".eml": "eml"}
_DEFAULT_OPTIONS = ReadOptions()
_HTML_DOCUMENT = re.compile(r"\A\s*<(?:!doctype\s+html|html)\b", re.IGNORECASE)


def normalised_text_hash(text: str) -> str:
    """sha256 of the text with whitespace runs collapsed (case kept): the same article saved
    under another name, with other line endings or re-wrapped, hashes the same."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _extension(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base.strip(".") else ""


def _megabytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def _reject_type(ext: str, options: ReadOptions) -> Rejection:
    allowed = ", ".join(options.extensions)
    what = f"files ending in {ext}" if ext else "files without an extension"
    return Rejection("unsupported_type", f"{what} are not read; allowed: {allowed}")


def _build(
    *,
    name: str,
    fmt: str,
    data: bytes,
    text: str,
    clean: str,
    encoding: str,
    guessed: bool,
    title: tuple[str | None, str],
    source: tuple[str | None, str],
    stated_date: tuple[str, dt.date, str] | None,
    date_text: str,
    url: str | None,
    mtime: dt.datetime | None,
    notes: list[str],
) -> Article:
    decision, date_notes = dating.decide(date_text, stated=stated_date, mtime=mtime)
    all_notes = list(notes)
    if guessed:
        all_notes.append(f"encoding {encoding} (guessed: the bytes are not UTF-8)")
    all_notes.append(f"published {decision.published.isoformat()} [{decision.source}, {decision.confidence:.2f}]: {decision.note}")
    all_notes.extend(date_notes)
    all_notes.append(f"title: {title[1]}")
    all_notes.append(f"source: {source[1]}")
    return Article(
        name=name,
        format=fmt,
        text=text,
        clean=clean,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        text_sha256=normalised_text_hash(text),
        published=decision.published,
        published_source=decision.source,
        published_confidence=decision.confidence,
        title=title[0],
        source=source[0],
        url=url,
        encoding_guessed=guessed,
        notes=tuple(all_notes),
    )


def _text_source(text: str) -> tuple[str | None, str]:
    found = source_rules.from_text(text)
    return (found[0], f"'{found[0]}' from the {found[1]}") if found else (None, "")


def _read_plain(name: str, fmt: str, data: bytes, decoded: Decoded, mtime: dt.datetime | None) -> Article | Rejection:
    text = decoded.text
    if _HTML_DOCUMENT.match(text):
        return Rejection("mismatch", f"this .{fmt} file contains an HTML document; save it as .html to have its main text extracted")
    notes: list[str] = []
    fm = frontmatter.parse(text)
    skip = fm.end if fm else 0
    meta = fm.values if fm else {}
    if fm:
        notes.append("front matter: " + (", ".join(f"{k}={v!r}" for k, v in meta.items()) or "no known keys"))
        notes.extend(fm.problems)
    clean = clean_text(text, markdown=fmt == "md", skip=skip)
    if not clean.strip():
        return Rejection("no_text", "the file has no article text (only front matter, markup or boilerplate)")
    if meta.get("title"):
        title = (meta["title"], "from the front matter")
    else:
        headline = first_line_title(text, skip, markdown=fmt == "md")
        title = (headline, "the first line reads as a headline") if headline else (None, "none (the first line reads as a sentence)")
    if meta.get("source"):
        src: tuple[str | None, str] = (meta["source"], "from the front matter")
    else:
        src = _text_source(text[skip:])
        if src[0] is None:
            src = (None, "unknown (the text names no outlet of its own)")
    stated = None
    if meta.get("published"):
        d = dating.parse_stated(meta["published"])
        if d:
            stated = ("front_matter", d, f"front matter published: {meta['published']}")
        else:
            notes.append(f"front matter published {meta['published']!r} is not a date I can read; ignored")
    return _build(
        name=name, fmt=fmt, data=data, text=text, clean=clean, encoding=decoded.encoding, guessed=decoded.guessed,
        title=title, source=src, stated_date=stated, date_text=text[skip:], url=meta.get("url"), mtime=mtime, notes=notes,
    )


def _read_html(name: str, data: bytes, markup: str, encoding: str, guessed: bool, mtime: dt.datetime | None,
               *, fmt: str = "html", mail_meta: dict[str, object] | None = None) -> Article | Rejection:
    page = read_html(markup)
    if page is None:
        return Rejection("no_text", "no article text found in the HTML")
    clean = clean_text(page.text, markdown=False)
    if not clean.strip():
        return Rejection("no_text", "no article text found in the HTML (only boilerplate)")
    mail_meta = mail_meta or {}
    notes = ["text is the page's main text as extracted by trafilatura; offsets refer to it"]
    if mail_meta.get("title"):
        title: tuple[str | None, str] = (str(mail_meta["title"]), "from the email Subject")
    elif page.title:
        title = (page.title, "from the page's <title>/og:title")
    else:
        title = (None, "none (the page has no title)")
    src = _text_source(page.text)
    if page.site_name and not mail_meta:
        src = (page.site_name, "from the page's site name")
    elif src[0] is None and mail_meta.get("source"):
        src = (str(mail_meta["source"]), str(mail_meta["source_how"]))
    elif src[0] is None and page.site_name:
        src = (page.site_name, "from the page's site name")
    elif src[0] is None:
        src = (None, "unknown (no site name and no outlet mark in the text)")
    stated = mail_meta.get("stated")
    if stated is None and page.published:
        stated = ("html_meta", page.published, f"page metadata {page.published_how}")
    return _build(
        name=name, fmt=fmt, data=data, text=page.text, clean=clean, encoding=encoding, guessed=guessed,
        title=title, source=src, stated_date=stated, url=page.url, mtime=mtime, notes=notes,  # type: ignore[arg-type]
        date_text=f"{page.header}\n\n{page.text}" if page.header else page.text,
    )


def _read_eml(name: str, data: bytes, mtime: dt.datetime | None) -> Article | Rejection:
    if b"\x00" in data:
        return Rejection("binary", "this looks like a binary file (it contains NUL bytes), not an article")
    if not looks_like_email(data):
        return Rejection("mismatch", "this .eml file does not start with email headers (From:, Subject:, Date: ...)")
    mail = parse_mail(data)
    if mail is None:
        return Rejection("no_text", "the email has neither a text/plain nor a text/html part to read")
    if not mail.body.strip():
        return Rejection("empty", "the email's text is empty")
    stated = ("email_date", mail.date, f"email Date: {mail.date_header}") if mail.date else None
    header_source, header_how = None, ""
    if mail.list_id and (s := source_rules.from_display_name(mail.list_id)):
        header_source, header_how = s, f"'{s}' from the List-Id header"
    elif mail.sender and (s := source_rules.from_display_name(mail.sender)):
        header_source, header_how = s, f"'{s}' from the sender's name"
    title: tuple[str | None, str] = (mail.subject, "from the email Subject") if mail.subject else (None, "none (no Subject)")
    if mail.is_html:
        meta: dict[str, object] = {"title": mail.subject, "stated": stated, "source": header_source, "source_how": header_how}
        return _read_html(name, data, mail.body, mail.charset, False, mtime, fmt="eml", mail_meta=meta)
    text = mail.body
    clean = clean_text(text, markdown=False)
    src = _text_source(text)
    if src[0] is None:
        src = (header_source, header_how) if header_source else (None, "unknown (no outlet mark, no sender name)")
    return _build(
        name=name, fmt="eml", data=data, text=text, clean=clean, encoding=mail.charset, guessed=False,
        title=title, source=src, stated_date=stated, date_text=text, url=None, mtime=mtime,
        notes=["text is the email's text/plain part"],
    )


def read_article(name: str, data: bytes, *, mtime: dt.datetime | None, options: ReadOptions = _DEFAULT_OPTIONS) -> Article | Rejection:
    """Turn a file's bytes into an Article, or say in words why it cannot be one.

    `name` decides the format (by extension); `mtime` is the last resort for the
    publication date and breaks ties when the text has a day and month but no year.
    """
    ext = _extension(name)
    allowed = {e.lower() for e in options.extensions}
    if ext not in allowed:
        return _reject_type(ext, options)
    fmt = _FORMATS.get(ext, "txt")
    if len(data) > options.max_bytes:
        return Rejection("too_large", f"the file is {_megabytes(len(data))}, over the {_megabytes(options.max_bytes)} limit (max_bytes)")
    if not data:
        return Rejection("empty", "the file is empty")
    if fmt == "eml":
        return _read_eml(name, data, mtime)
    decoded = decode(data)
    if isinstance(decoded, Rejection):
        return decoded
    if not decoded.text.strip():
        return Rejection("empty", "the file contains only whitespace")
    if fmt == "html":
        if not looks_like_html(decoded.text):
            return Rejection("mismatch", f"this {ext} file does not contain HTML")
        return _read_html(name, data, decoded.text, decoded.encoding, decoded.guessed, mtime)
    return _read_plain(name, fmt, data, decoded, mtime)

