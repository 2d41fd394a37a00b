"""HTML pages: the main text via trafilatura, metadata from the document head.

Hand-written tag stripping keeps menus, cookie banners and footers, which become fake
figures downstream; trafilatura is maintained and separates the article body well. The
metadata (title, site name, publication date) is read here from <meta>, JSON-LD and
<time> with lxml, explicitly and without guessing: trafilatura's own date search looks at
URLs and page furniture, which is less predictable than the rules of `dating`.
`Article.text` for an HTML file is the extracted main text, so offsets point into it.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

import lxml.html

_HTML_SIGN = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|p|div|article|title|meta|h1|span|br)\b", re.IGNORECASE)
_MIN_WORDS = 6
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.created", "parsely-pub-date",
    "sailthru.date", "article.published", "published_time",
)


@dataclass(frozen=True, slots=True)
class HtmlPage:
    text: str
    title: str | None
    site_name: str | None
    published: dt.date | None
    published_how: str
    url: str | None
    header: str = ""  # the page's lines above the main text (byline, date line) that the extraction left out


def looks_like_html(data: bytes | str) -> bool:
    sample = data[:4096] if isinstance(data, bytes) else data[:4096].encode("utf-8", "ignore")
    return bool(_HTML_SIGN.search(sample))


def parse_date(value: str) -> dt.date | None:
    """An ISO-8601 date or timestamp (the form metadata uses), as the date it states."""
    value = value.strip()
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _json_ld(doc: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for node in doc.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(node.text_content() or "")
        except (ValueError, TypeError):
            continue
        stack = [data]
        while stack:
            cur = stack.pop()
            if isinstance(cur, list):
                stack.extend(cur)
            elif isinstance(cur, dict):
                items.append(cur)
                if "@graph" in cur:
                    stack.append(cur["@graph"])
    return items


def _metadata(doc: Any) -> tuple[str | None, str | None, dt.date | None, str, str | None]:
    meta: dict[str, str] = {}
    for node in doc.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").strip().lower()
        if key and key not in meta:
            meta[key] = node.get("content", "").strip()
    ld = _json_ld(doc)
    title = meta.get("og:title") or meta.get("twitter:title")
    if not title:
        node = doc.find(".//title")
        title = node.text_content().strip() if node is not None and node.text_content() else None
    if not title:
        title = next((str(i["headline"]) for i in ld if i.get("headline")), None)
    site = meta.get("og:site_name") or meta.get("application-name")
    if not site:
        for item in ld:
            pub = item.get("publisher")
            if isinstance(pub, dict) and pub.get("name"):
                site = str(pub["name"])
                break
    if title and site:
        for sep in (" | ", " - ", " — ", " – ", " :: "):
            if title.endswith(sep + site):
                title = title[: -len(sep + site)].strip()
    published, how = None, ""
    for key in _DATE_META:
        if key in meta and (published := parse_date(meta[key])):
            how = f"<meta {key}> {meta[key]}"
            break
    if published is None:
        for item in ld:
            if item.get("datePublished") and (published := parse_date(str(item["datePublished"]))):
                how = f"JSON-LD datePublished {item['datePublished']}"
                break
    if published is None:
        for node in doc.xpath("//time[@datetime]"):
            if published := parse_date(node.get("datetime", "")):
                how = f"<time datetime={node.get('datetime')}>"
                break
    url = meta.get("og:url")
    if not url:
        links = doc.xpath("//link[@rel='canonical']/@href")
        url = str(links[0]) if links else None
    return (title or None), (site or None), published, how, url


def read_html(markup: str) -> HtmlPage | None:
    """The main text and metadata of a page, or None when there is no article text."""
    import trafilatura  # heavy import, only needed for HTML

    try:
        doc = lxml.html.document_fromstring(markup)
    except (ValueError, lxml.etree.ParserError):
        return None
    title, site, published, how, url = _metadata(doc)
    text = trafilatura.extract(markup, include_comments=False, include_tables=True, deduplicate=False, with_metadata=False)
    if not text:
        text = trafilatura.extract(markup, include_comments=False, include_tables=True, favor_recall=True, with_metadata=False)
    if not text or len(text.split()) < _MIN_WORDS:
        return None  # a menu label or a caption is not an article
    return HtmlPage(text, title, site, published, how, url, _lines_before(doc, text))


_FURNITURE = frozenset({"nav", "script", "style", "footer", "ul", "ol", "menu", "form", "button", "select"})


def _lines_before(doc: Any, text: str) -> str:
    """The short lines right above the article body ("Tomas Lien, Money Editor · Tuesday 17 June 2025"):
    trafilatura drops bylines, which are where many pages state the date."""
    flat = " ".join(text.split())
    body = doc.body if doc.body is not None else doc
    lines: list[str] = []
    seen_body = 0
    for el in body.iter("h1", "h2", "h3", "p", "div", "span", "time", "address", "small"):
        if any(a.tag in _FURNITURE for a in el.iterancestors()):
            continue
        line = " ".join(el.text_content().split())
        if not line or len(line) > 160 and line[:40] not in flat:
            continue
        if line[:40] in flat:
            seen_body += len(line) > 80  # a paragraph of the main text: the header is above the first two
            if seen_body >= 2:
                break
            continue
        # each piece on its own line: "By Owen Latimer, correspondent<br>28/07/2025 13:12 BST"
        lines.extend(p for p in (" ".join(x.split()) for x in el.itertext()) if p)
    return "\n".join(list(dict.fromkeys(lines))[-6:])
