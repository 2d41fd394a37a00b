"""Formats, encodings, rejections, clean text and duplicate hashing."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from monitor.models import Article, Rejection
from monitor.read import ReadOptions, normalised_text_hash, read_article

MTIME = dt.datetime(2025, 5, 20, 9, 30)

BODY = (
    "Harbour Authority Reports Record Cargo\n"
    "\n"
    "The port handled 4.2 million containers in 2024, its busiest year, the harbour authority said.\n"
    "Officials expect volumes to rise by 3% next year as a new quay opens.\n"
)


def read(name: str, data: bytes, **kw: object) -> Article:
    result = read_article(name, data, mtime=MTIME, **kw)  # type: ignore[arg-type]
    assert isinstance(result, Article), result
    return result


def reject(name: str, data: bytes, **kw: object) -> Rejection:
    result = read_article(name, data, mtime=MTIME, **kw)  # type: ignore[arg-type]
    assert isinstance(result, Rejection), result
    return result


# ----------------------------------------------------------------------------- txt / md


def test_txt_text_is_the_decoded_file_and_clean_keeps_offsets() -> None:
    data = (BODY + "Read more: Shipping lines cut routes\n© 2025 Harbour Gazette Ltd\n").encode()
    a = read("port.txt", data)
    assert a.format == "txt"
    assert a.text == data.decode()
    assert len(a.clean) == len(a.text)
    assert a.clean.count("\n") == a.text.count("\n")
    assert "Read more" not in a.clean and "Harbour Gazette" not in a.clean
    i = a.clean.index("4.2 million")
    assert a.text[i : i + 11] == "4.2 million"
    assert a.title == "Harbour Authority Reports Record Cargo"
    assert a.source == "Harbour Gazette"
    assert a.encoding == "utf-8" and not a.encoding_guessed


def test_boilerplate_lines_are_blanked_but_article_text_stays(tmp_path: Path) -> None:
    text = (
        "The ministry counted 812 new clinics.\n"
        "Follow Gazette News on Twitter and Facebook\n"
        "--With assistance from Ana Ruiz.\n"
        "Live Briefing: The Budget Fight\n"
        "We use cookies to improve your experience. Accept all cookies\n"
        "Sign up for our free newsletter here\n"
        "Copyright infringement cases rose to 40 last year.\n"
        "Budget talks ended in a decadeThe minister left early.\n"
    )
    path = tmp_path / "clinics.txt"
    path.write_text(text, encoding="utf-8")
    a = read(path.name, path.read_bytes())
    kept = a.clean
    for gone in ("Follow Gazette", "With assistance", "Live Briefing", "cookies", "newsletter"):
        assert gone not in kept
    for stays in ("812 new clinics", "Copyright infringement cases rose to 40", "decadeThe minister"):
        assert stays in kept
    assert len(kept) == len(a.text)


def test_markdown_markup_is_blanked_with_offsets_kept() -> None:
    md = (
        "# Rail Fares Rise\n"
        "\n"
        "Fares rise **4.9%** in _March_, see [the tariff](https://example.org/tariff) and `table 2`.\n"
        "![chart](https://example.org/c.png)\n"
        "<!-- editor: check figure -->\n"
        "> Passengers paid £3.1 billion.\n"
    )
    a = read("fares.md", md.encode())
    assert a.format == "md"
    assert a.title == "Rail Fares Rise"
    assert len(a.clean) == len(a.text)
    for gone in ("#", "**", "https://example.org/tariff", "](", "![", "chart", "editor", "`", "> "):
        assert gone not in a.clean
    for stays in ("4.9%", "March", "the tariff", "table 2", "£3.1 billion"):
        idx = a.clean.index(stays)
        assert a.text[idx : idx + len(stays)] == stays


def test_yaml_front_matter_overrides_everything() -> None:
    md = (
        "---\n"
        "title: \"Wind Output Hits High\"\n"
        "source: Energy Desk\n"
        "published: 2022-11-03\n"
        "url: https://example.org/wind\n"
        "---\n"
        "(Bloomberg) -- Wind farms produced 31% of power on Tuesday, March 4, 2025.\n"
    )
    a = read("wind.md", md.encode())
    assert (a.title, a.source, a.url) == ("Wind Output Hits High", "Energy Desk", "https://example.org/wind")
    assert a.published == dt.date(2022, 11, 3)
    assert a.published_source == "front_matter"
    assert a.clean.startswith(" " * 3) and "Energy Desk" not in a.clean
    assert len(a.clean) == len(a.text)


def test_toml_front_matter() -> None:
    txt = (
        "+++\n"
        'title = "Grain Exports Slow"\n'
        'source = "Farm Wire"\n'
        "published = 2023-07-09\n"
        "+++\n"
        "Exports fell to 2.1 million tonnes.\n"
    )
    a = read("grain.txt", txt.encode())
    assert (a.title, a.source, a.published, a.published_source) == ("Grain Exports Slow", "Farm Wire", dt.date(2023, 7, 9), "front_matter")


def test_unreadable_front_matter_date_is_noted_and_ignored() -> None:
    txt = "---\npublished: sometime soon\n---\nThe council approved 14 new homes.\n"
    a = read("homes.txt", txt.encode())
    assert a.published_source != "front_matter"
    assert any("sometime soon" in n for n in a.notes)


# ----------------------------------------------------------------------------- html

PAGE = """<!doctype html>
<html><head>
<title>Ferry Strike Ends | Coast Times</title>
<meta property="og:title" content="Ferry Strike Ends After Nine Days">
<meta property="og:site_name" content="Coast Times">
<meta property="article:published_time" content="2024-10-02T07:15:00+01:00">
<link rel="canonical" href="https://example.org/ferry">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li>Subscribe to the Navigation Menu</li></ul></nav>
<article>
<h1>Ferry Strike Ends After Nine Days</h1>
<p>Ferry crews returned to work on Wednesday after a nine-day strike that stranded about 12,000 passengers on the islands.</p>
<p>The union accepted a pay rise of 6.5% over two years, its negotiators said, ending the longest stoppage on the route since the service began.</p>
<p>Operators said timetables would be back to normal by the weekend, and that 40 extra sailings had been added to clear the backlog of freight.</p>
</article>
<footer><p>Contact us | Privacy | Terms of the Footer Section</p></footer>
</body></html>"""


def test_html_main_text_and_metadata() -> None:
    a = read("ferry.html", PAGE.encode())
    assert a.format == "html"
    assert "12,000 passengers" in a.text and "6.5%" in a.text
    assert "Navigation Menu" not in a.text and "Footer Section" not in a.text
    assert a.title == "Ferry Strike Ends After Nine Days"
    assert a.source == "Coast Times"
    assert a.published == dt.date(2024, 10, 2) and a.published_source == "html_meta"
    assert a.url == "https://example.org/ferry"
    assert len(a.clean) == len(a.text)


def test_html_json_ld_date_and_htm_extension() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-10-02T07:15:00+01:00">',
                        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2021-06-30"}]}</script>')
    a = read("ferry.htm", page.encode())
    assert a.published == dt.date(2021, 6, 30) and a.published_source == "html_meta"


def test_html_byline_date_left_out_of_the_main_text_still_dates_the_page() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-10-02T07:15:00+01:00">', "").replace(
        "<h1>Ferry Strike Ends After Nine Days</h1>",
        "<h1>Ferry Strike Ends After Nine Days</h1>\n<p class=\"standfirst\">Crews accept a two-year deal after "
        "more than a week of cancelled sailings on the island routes.</p>\n"
        "<p class=\"byline\">Ada Brenn, Transport Editor &middot; Thursday 3 October 2024</p>")
    a = read("ferry.html", page.encode())
    assert "Ada Brenn" not in a.text  # the byline stays out of the text the figures' offsets refer to
    assert a.published == dt.date(2024, 10, 3)


def test_html_date_after_a_line_break_in_the_byline_dates_the_page() -> None:
    page = PAGE.replace('<meta property="article:published_time" content="2024-10-02T07:15:00+01:00">', "").replace(
        "<h1>Ferry Strike Ends After Nine Days</h1>",
        "<h1>Ferry Strike Ends After Nine Days</h1>\n<p class=\"meta\">By Ada Brenn, transport correspondent<br>"
        "03/10/2024 13:12 BST</p>")
    a = read("ferry.html", page.encode())
    assert a.published == dt.date(2024, 10, 3)


def test_html_without_article_text_is_rejected() -> None:
    r = reject("empty.html", b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    assert r.code == "no_text"
    assert "no article text" in r.reason


def test_html_extension_without_html_is_a_mismatch() -> None:
    r = reject("notes.html", b"Just a plain sentence about 3 boats.\n")
    assert r.code == "mismatch"
    assert r.reason == "this .html file does not contain HTML"


def test_txt_holding_a_whole_html_document_is_a_mismatch() -> None:
    r = reject("page.txt", PAGE.encode())
    assert r.code == "mismatch" and ".html" in r.reason


# ----------------------------------------------------------------------------- eml


def _eml_plain() -> bytes:
    return (
        b"From: Morning Ledger <news@example.org>\r\n"
        b"To: reader@example.org\r\n"
        b"Subject: Fwd: Bridge repairs cost more\r\n"
        b"Date: Tue, 08 Apr 2025 06:00:00 +0000\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n"
        b"\r\n"
        b"Repairs to the old bridge will cost 18 million euros, 5 million more than planned.\r\n"
    )


def test_eml_plain() -> None:
    a = read("bridge.eml", _eml_plain())
    assert a.format == "eml"
    assert "18 million euros" in a.text
    assert a.title == "Bridge repairs cost more"
    assert a.source == "Morning Ledger"
    assert (a.published, a.published_source) == (dt.date(2025, 4, 8), "email_date")


def test_eml_html_only_goes_through_the_html_path() -> None:
    data = (
        b"From: Desk <desk@example.org>\r\n"
        b"List-Id: City Bulletin <bulletin.example.org>\r\n"
        b"Subject: Library hours\r\n"
        b"Date: Fri, 14 Feb 2025 10:00:00 +0100\r\n"
        b"MIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n"
        b"\r\n"
    ) + PAGE.encode()
    a = read("hours.eml", data)
    assert a.format == "eml"
    assert "12,000 passengers" in a.text and "Navigation Menu" not in a.text
    assert a.title == "Library hours"
    assert a.published == dt.date(2025, 2, 14) and a.published_source == "email_date"
    assert a.source == "City Bulletin"


def test_eml_multipart_prefers_text_plain() -> None:
    data = (
        b"From: \"Port Weekly\" <port@example.org>\r\n"
        b"Subject: Dock news\r\n"
        b"Date: Mon, 03 Mar 2025 08:00:00 +0000\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/alternative; boundary="b1"\r\n'
        b"\r\n"
        b"--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe dock took 77 ships in February.\r\n"
        b"--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>HTML copy with 99 ships.</p></body></html>\r\n"
        b"--b1--\r\n"
    )
    a = read("dock.eml", data)
    assert "77 ships" in a.text and "99 ships" not in a.text
    assert a.source == "Port Weekly"


def test_eml_multipart_without_text_is_rejected() -> None:
    data = (
        b"From: a@example.org\r\nSubject: scan\r\nDate: Mon, 03 Mar 2025 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b2"\r\n\r\n'
        b"--b2\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b2--\r\n"
    )
    r = reject("scan.eml", data)
    assert r.code == "no_text"


def test_eml_without_headers_is_a_mismatch() -> None:
    assert reject("x.eml", b"Just some words, no headers at all.\n").code == "mismatch"


# ----------------------------------------------------------------------------- rejections


@pytest.mark.parametrize(
    ("name", "data", "code", "reason"),
    [
        ("a.txt", b"", "empty", "the file is empty"),
        ("a.txt", b"  \n\t \r\n", "empty", "the file contains only whitespace"),
        ("a.txt", b"abc\x00\x01\x02def\x00" * 20, "binary", "this looks like a binary file (it contains NUL bytes), not an article"),
        ("a.pdf", b"%PDF-1.4", "unsupported_type", "files ending in .pdf are not read; allowed: .txt, .md, .html, .htm, .eml"),
        ("README", b"hello", "unsupported_type", "files without an extension are not read; allowed: .txt, .md, .html, .htm, .eml"),
    ],
)
def test_rejections(name: str, data: bytes, code: str, reason: str) -> None:
    r = reject(name, data)
    assert (r.code, r.reason) == (code, reason)


def test_mostly_control_characters_is_binary() -> None:
    r = reject("a.txt", bytes(range(1, 9)) * 100 + b"some words")
    assert r.code == "binary" and "control characters" in r.reason


def test_too_large_uses_the_configured_limit() -> None:
    r = reject("big.txt", b"x" * 7_200_000)
    assert (r.code, r.reason) == ("too_large", "the file is 7.2 MB, over the 5.0 MB limit (max_bytes)")
    small = ReadOptions(max_bytes=100)
    assert reject("big.txt", b"y" * 101, options=small).code == "too_large"


def test_allowed_extensions_are_configurable() -> None:
    opts = ReadOptions(extensions=(".txt",))
    r = reject("a.md", b"# Title\n\ntext\n", options=opts)
    assert r.code == "unsupported_type" and r.reason.endswith("allowed: .txt")
    assert isinstance(read_article("A.TXT", b"Shouting name, 3 words.", mtime=MTIME, options=opts), Article)


def test_undecodable_bytes() -> None:
    r = reject("a.txt", b"\xff\xfe\x00")  # UTF-16 BOM followed by half a character
    assert r.code == "undecodable"


def test_front_matter_alone_is_no_text() -> None:
    assert reject("a.md", b"---\ntitle: Nothing\n---\n").code == "no_text"


# ----------------------------------------------------------------------------- encodings

PHRASE = "Caf\u00e9 owners said \u201cprices rose 7%\u201d \u2014 the r\u00e9sum\u00e9 of a na\u00efve year.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "guessed"),
    [
        (PHRASE.encode("utf-8"), "utf-8", False),
        (PHRASE.encode("utf-8-sig"), "utf-8-sig", False),
        (PHRASE.encode("utf-16"), "utf-16", False),
        (b"\xfe\xff" + PHRASE.encode("utf-16-be"), "utf-16", False),
        (PHRASE.encode("cp1252"), "cp1252", True),
    ],
)
def test_encodings(data: bytes, encoding: str, guessed: bool) -> None:
    a = read("cafe.txt", data)
    assert a.text == PHRASE
    assert (a.encoding, a.encoding_guessed) == (encoding, guessed)
    if guessed:
        assert any("cp1252" in n for n in a.notes)


def test_short_latin1_text_is_read_as_cp1252_family() -> None:
    a = read("short.txt", "na\u00efve caf\u00e9 r\u00e9sum\u00e9\n".encode("latin-1"))
    assert a.text == "na\u00efve caf\u00e9 r\u00e9sum\u00e9\n"


# ----------------------------------------------------------------------------- duplicates


def test_normalised_text_hash_ignores_whitespace_but_not_case() -> None:
    a = "The port handled 4.2 million\ncontainers.\n"
    b = "  The port  handled 4.2 million containers.\r\n\r\n"
    assert normalised_text_hash(a) == normalised_text_hash(b)
    assert normalised_text_hash(a) != normalised_text_hash(a.upper())
    assert normalised_text_hash(a) != normalised_text_hash(a.replace("4.2", "4.3"))


def test_same_text_under_another_name_and_wrapping_has_the_same_text_hash() -> None:
    one = read("one.txt", BODY.encode())
    two = read("copy of one.txt", BODY.replace("\n", "\r\n").encode("utf-8-sig"))
    assert one.sha256 != two.sha256
    assert one.text_sha256 == two.text_sha256


def test_reading_is_deterministic() -> None:
    assert read("a.txt", BODY.encode()) == read("a.txt", BODY.encode())
