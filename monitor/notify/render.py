"""The digest message: subject, plain text and HTML built from alert dicts.

Everything here is pure (no database, no network) so the same words can be used by the
digest mail, the preview and the immediate notifications. Article text is untrusted: it is
escaped for HTML and never reaches a header except through `header_text`.
"""
from __future__ import annotations

import html
import re
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any

WIDTH = 76
MAX_HISTORY = 8
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}
_KIND_ORDER = {"contradiction": 0, "update": 1}
_COLORS = {"contradiction": "#b42318", "update": "#175cd3"}


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    """One claim of a measure, for the small chart."""

    period: str
    value: float
    unit: str
    total: float | None
    text: str
    source: str | None
    published: str | None
    claim_ids: tuple[str, ...] = ()  # every claim that said this (restatements fold into one point)


@dataclass(slots=True)
class Digest:
    """One digest, ready to render: which alerts, which range, which Message-ID."""

    alerts: list[dict[str, Any]]
    digest_id: str
    message_id: str
    through_position: int
    generated: datetime
    histories: dict[str, list[HistoryPoint]] = field(default_factory=dict)
    more_pending: int = 0

    @property
    def alert_ids(self) -> list[str]:
        return [a["alert_id"] for a in self.alerts]


# -- small formatting helpers ---------------------------------------------------------------


def header_text(value: str, limit: int = 200) -> str:
    """Make text safe for a header: one line, no control or separator characters, bounded."""
    out = []
    for ch in value:
        cat = unicodedata.category(ch)
        out.append(" " if cat[0] in ("C", "Z") else ch)
    line = " ".join("".join(out).split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def one_line(value: Any) -> str:
    """Article text on one line for plain text (a quote with stray newlines stays readable)."""
    return " ".join(str(value or "").split())


def number(v: float | None) -> str:
    if v is None:
        return "?"
    if float(v).is_integer() and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".") if abs(v) >= 0.001 else f"{v:.3g}"


def value_text(v: float | None, unit: str | None, total: float | None = None) -> str:
    """A value with its unit as a reader writes it: 8 of 31, 2.5%, $4.2 billion, 12 km."""
    unit = unit or ""
    if v is None:
        return "?"
    if unit == "count":
        return f"{number(v)} of {number(total)}" if total else number(v)
    if unit == "percent":
        return f"{number(v)}%"
    if unit == "percentage_points":
        return f"{number(v)} points"
    if unit == "fraction":
        return f"{number(round(100 * v, 1))}%"
    if _CURRENCY.match(unit):
        scaled = _scaled(v)
        sym = _SYMBOLS.get(unit)
        return f"{sym}{scaled}" if sym else f"{unit} {scaled}"
    return f"{number(v)} {unit}".strip()


def _scaled(v: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{number(round(v / size, 2))} {word}"
    return number(v)


def change_text(alert: dict[str, Any]) -> str:
    """The change as absolute and relative numbers: "+50 (+125%)", "share +8.5 points"."""
    ch = alert.get("change") or {}
    old, new = alert.get("old") or {}, alert.get("new") or {}
    parts = []
    if "share_points" in ch:
        parts.append(f"share {ch['share_points']:+g} points")
    elif ch.get("absolute") is not None:
        absolute = float(ch["absolute"])
        sign = "+" if absolute > 0 else "-" if absolute < 0 else "±"
        unit = new.get("unit") or ""
        if unit == "fraction":
            absolute, unit = 100 * absolute, "percentage_points"
        elif unit == "percent":
            unit = "percentage_points"  # the difference of two percentages is in points
        parts.append(sign + value_text(abs(absolute), unit))
    if ch.get("relative") is not None:
        parts.append(f"{100 * float(ch['relative']):+.1f}%")
    if not parts and old.get("value") is not None and new.get("value") is not None and old.get("unit") != new.get("unit"):
        parts.append("different units")
    return ", ".join(parts) if parts else "no numeric change given"


def side_text(side: dict[str, Any]) -> str:
    """The figure as the article wrote it, else its value."""
    return one_line(side.get("text")) or value_text(side.get("value"), side.get("unit"), side.get("total"))


def where(side: dict[str, Any]) -> str:
    """Source and date of one side: "Harbour Gazette, 2025-02-06 (a.txt)"."""
    src = one_line(side.get("source")) or "unknown source"
    pub = one_line(side.get("published")) or "undated"
    art = one_line(side.get("article"))
    return f"{src}, {pub}" + (f" ({art})" if art else "")


def kind_name(kind: str) -> str:
    return "Contradiction" if kind == "contradiction" else "Update" if kind == "update" else kind.title()


def counts(alerts: Sequence[dict[str, Any]]) -> str:
    """ "3 updates, 1 contradiction" (updates first, as people say it)."""
    by: dict[str, int] = {}
    for a in alerts:
        by[a["kind"]] = by.get(a["kind"], 0) + 1
    order = sorted(by, key=lambda k: (-1 if k == "update" else _KIND_ORDER.get(k, 9), k))
    return ", ".join(f"{by[k]} {k}{'' if by[k] == 1 else 's'}" for k in order) or "no new alerts"


def grouped(alerts: Iterable[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Alerts by measure; measures with a contradiction first, then in the order they changed."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for a in alerts:
        groups.setdefault(a.get("measure") or a.get("label") or "", []).append(a)
    for items in groups.values():  # contradictions first, then the story in the order it was told
        items.sort(key=lambda a: (_KIND_ORDER.get(a["kind"], 9), str((a.get("new") or {}).get("as_of") or ""),
                                  str((a.get("old") or {}).get("as_of") or ""), a.get("position", 0)))
    return sorted(groups.items(), key=lambda kv: (min(_KIND_ORDER.get(a["kind"], 9) for a in kv[1]),
                                                  min(a.get("position", 0) for a in kv[1])))


def subject(alerts: Sequence[dict[str, Any]], prefix: str) -> str:
    """Counts, then the first measure: "[monitor] 3 updates, 1 contradiction: flood deaths (+2 more)"."""
    text = counts(alerts)
    groups = grouped(alerts)
    if groups:
        label = one_line(groups[0][1][0].get("label") or groups[0][0])
        if len(label) > 60:
            label = label[:59].rstrip() + "…"
        text += f": {label}" + (f" (+{len(groups) - 1} more)" if len(groups) > 1 else "")
    return header_text(f"{prefix} {text}".strip())


# -- plain text ------------------------------------------------------------------------------


def _quote_lines(label: str, side: dict[str, Any]) -> list[str]:
    quote = one_line(side.get("sentence")) or side_text(side)
    first = f"  {label:<7}{where(side)}"
    if side.get("period"):
        first += f", period {one_line(side['period'])}"
    body = textwrap.wrap(f'"{quote}"', WIDTH - 9) or ['""']
    return [first, *("         " + line for line in body)]


def entry_text(alert: dict[str, Any]) -> str:
    """One alert as plain text: used by the digest and, word for word, by immediate notifications."""
    old, new = alert.get("old") or {}, alert.get("new") or {}
    lines = [
        f"{kind_name(alert['kind']).upper()}: {one_line(alert.get('label') or alert.get('measure'))}",
        f"  {side_text(old)} -> {side_text(new)}  ({change_text(alert)})",
        *_quote_lines("before", old),
        *_quote_lines("now", new),
    ]
    why = one_line(alert.get("explanation"))
    if why:
        lines += textwrap.wrap(why, WIDTH, initial_indent="  why:   ", subsequent_indent="         ")
    if alert.get("acknowledged"):
        lines.append("  (already acknowledged)")
    return "\n".join(lines)


def _scale(p: HistoryPoint) -> tuple[str, float]:
    """(scale, number): "8 of 31" and "two-thirds" meet as shares of a group; others keep their unit."""
    if p.unit == "fraction":
        return "share", p.value
    if p.unit == "count" and p.total:
        return "share", p.value / p.total
    return p.unit, p.value


def chart_points(points: Sequence[HistoryPoint]) -> list[tuple[HistoryPoint, float]]:
    """Each point with its bar length in 0..1, comparing only values on the latest point's scale."""
    if not points:
        return []
    scale = _scale(points[-1])[0]
    same = [(p, _scale(p)[1]) for p in points if _scale(p)[0] == scale]
    top = max((abs(v) for _, v in same), default=0.0) or 1.0
    return [(p, abs(v) / top) for p, v in same]


def history_text(points: Sequence[HistoryPoint]) -> list[str]:
    bars = chart_points(points)
    if len(bars) < 2:
        return []
    out = ["  history:"]
    vw = max(len(value_text(p.value, p.unit, p.total)) for p, _ in bars)
    pw = max(len(one_line(p.period)) for p, _ in bars)
    for p, share in bars:
        bar = "#" * max(1, round(24 * share))
        out.append(f"    {one_line(p.period):<{pw}}  {value_text(p.value, p.unit, p.total):>{vw}}  {bar}")
    return out


def plain(d: Digest, title: str) -> str:
    """The text part: complete on its own for people who read mail as text."""
    out = [title, "=" * min(len(title), WIDTH), summary(d), ""]
    if not d.alerts:
        out.append("No new alerts since the last digest.")
    for _measure, items in grouped(d.alerts):
        for a in items:
            out.append(entry_text(a))
            out.append("")
        out.extend(history_text(d.histories.get(items[0].get("measure") or "", [])))
        out.append("")
        out.append("-" * 40)
        out.append("")
    if d.more_pending:
        out.append(f"{d.more_pending} more alert(s) are waiting and will follow in the next digest.")
    out.append(f"Digest {d.digest_id}, generated {d.generated:%Y-%m-%d %H:%M %Z}. "
               "Acknowledge an alert with: monitor ack ALERT_ID")
    return "\n".join(out).rstrip() + "\n"


# -- HTML ------------------------------------------------------------------------------------


def e(value: Any) -> str:
    """Escape any text that came from an article or the config."""
    return html.escape(one_line(value), quote=True)


def _piece(value: str) -> str:
    """Escape part of a sentence, keeping the spaces at its edges."""
    return html.escape(re.sub(r"\s+", " ", value), quote=True)


def _sentence_html(side: dict[str, Any]) -> str:
    """The quote with the figure itself in bold, each piece escaped on its own."""
    sentence = one_line(side.get("sentence"))
    fig = one_line(side.get("text"))
    if not sentence:
        return e(fig)
    i = sentence.find(fig) if fig else -1
    if i < 0:
        return e(sentence)
    return _piece(sentence[:i]) + "<b>" + _piece(fig) + "</b>" + _piece(sentence[i + len(fig):])


def _side_html(label: str, side: dict[str, Any]) -> str:
    period = f" &middot; period {e(side['period'])}" if side.get("period") else ""
    return (
        '<tr><td valign="top" style="padding:4px 8px 4px 0;color:#667085;font-size:12px;width:52px">'
        f"{e(label)}</td>"
        '<td style="padding:4px 0">'
        f'<div style="font-size:12px;color:#475467">{e(where(side))}{period}</div>'
        '<div style="margin-top:2px;padding-left:8px;border-left:3px solid #d0d5dd;color:#101828">'
        f"&ldquo;{_sentence_html(side)}&rdquo;</div></td></tr>"
    )


def _old_new_html(alert: dict[str, Any]) -> str:
    """An update replaces the old value (struck through); a contradiction sets two values side by side."""
    old, new = e(side_text(alert.get("old") or {})), e(side_text(alert.get("new") or {}))
    if alert["kind"] == "contradiction":
        return f'<b>{old}</b> <span style="color:#667085">vs</span> <b>{new}</b>'
    return f'<s style="color:#98a2b3">{old}</s> &rarr; <b>{new}</b>'


def entry_html(alert: dict[str, Any]) -> str:
    color = _COLORS.get(alert["kind"], "#344054")
    old, new = alert.get("old") or {}, alert.get("new") or {}
    why = e(alert.get("explanation"))
    ack = ' <span style="color:#667085;font-size:12px">(already acknowledged)</span>' if alert.get("acknowledged") else ""
    return (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        f'style="margin:0 0 14px 0;border-left:4px solid {color};background:#ffffff">'
        '<tr><td style="padding:8px 12px">'
        f'<div><span style="display:inline-block;padding:1px 6px;border-radius:3px;background:{color};color:#ffffff;'
        f'font-size:11px;font-weight:bold;text-transform:uppercase">{e(kind_name(alert["kind"]))}</span>{ack}</div>'
        f'<div style="margin:6px 0;font-size:18px;color:#101828">{_old_new_html(alert)} '
        f'<span style="font-size:13px;color:{color}">({e(change_text(alert))})</span></div>'
        '<table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="font-size:14px">'
        f"{_side_html('before', old)}{_side_html('now', new)}</table>"
        + (f'<div style="margin-top:6px;font-size:13px;color:#344054"><b>Why:</b> {why}</div>' if why else "")
        + f'<div style="margin-top:4px;font-size:11px;color:#98a2b3">alert {e(alert.get("alert_id"))}</div>'
        "</td></tr></table>"
    )


def history_html(points: Sequence[HistoryPoint], highlight: set[str]) -> str:
    """A bar chart of table cells: renders in mail clients without scripts or images."""
    bars = chart_points(points)
    if len(bars) < 2:
        return ""
    rows = []
    for p, share in bars:
        pct = max(2, round(100 * share))
        color = "#175cd3" if highlight.intersection(p.claim_ids) else "#98a2b3"
        src = e(p.source or "")
        rows.append(
            "<tr>"
            f'<td style="padding:2px 8px 2px 0;font-size:12px;color:#475467;white-space:nowrap">{e(p.period)}</td>'
            f'<td align="right" style="padding:2px 8px 2px 0;font-size:12px;color:#101828;white-space:nowrap">'
            f"{e(value_text(p.value, p.unit, p.total))}</td>"
            '<td width="60%" style="padding:2px 0">'
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>'
            f'<td width="{pct}%" height="12" bgcolor="{color}" style="background:{color};height:12px;'
            'font-size:1px;line-height:1px">&nbsp;</td>'
            + (f'<td width="{100 - pct}%" style="font-size:1px;line-height:1px">&nbsp;</td>' if pct < 100 else "")
            + "</tr></table></td>"
            f'<td style="padding:2px 0 2px 8px;font-size:11px;color:#98a2b3;white-space:nowrap">{src}</td>'
            "</tr>"
        )
    return (
        '<div style="margin:4px 0 6px 0;font-size:12px;color:#667085">History</div>'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0">' + "".join(rows) + "</table>"
    )


def html_part(d: Digest, title: str) -> str:
    """The HTML part: inline styles and tables only (what mail clients keep)."""
    body = []
    for measure, items in grouped(d.alerts):
        highlight = {str(s.get("claim_id")) for a in items for s in (a.get("old") or {}, a.get("new") or {})}
        label = items[0].get("label") or measure
        body.append(
            '<tr><td style="padding:16px 20px 8px 20px;border-top:1px solid #eaecf0">'
            f'<div style="font-size:16px;font-weight:bold;color:#101828;margin-bottom:8px">{e(label)}</div>'
            + "".join(entry_html(a) for a in items)
            + history_html(d.histories.get(items[0].get("measure") or "", []), highlight)
            + "</td></tr>"
        )
    if not d.alerts:
        body.append('<tr><td style="padding:16px 20px;color:#475467">No new alerts since the last digest.</td></tr>')
    more = (f'<p style="margin:0 0 8px 0">{d.more_pending} more alert(s) are waiting and will follow in the next '
            "digest.</p>") if d.more_pending else ""
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title></head>"
        '<body style="margin:0;padding:0;background:#f2f4f7;font-family:Helvetica,Arial,sans-serif">'
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f2f4f7">'
        '<tr><td align="center" style="padding:20px 8px">'
        '<table role="presentation" width="640" cellpadding="0" cellspacing="0" '
        'style="max-width:640px;width:100%;background:#f9fafb;border:1px solid #eaecf0">'
        f'<tr><td style="padding:18px 20px;background:#101828;color:#ffffff;font-size:20px;font-weight:bold">'
        f'{e(title)}<div style="margin-top:4px;font-size:13px;font-weight:normal;color:#d0d5dd">{e(summary(d))}'
        "</div></td></tr>"
        + "".join(body)
        + '<tr><td style="padding:14px 20px;font-size:11px;color:#98a2b3;border-top:1px solid #eaecf0">'
        f"{more}Digest {e(d.digest_id)}, generated {e(f'{d.generated:%Y-%m-%d %H:%M %Z}')}. "
        "Acknowledge an alert with <code>monitor ack ALERT_ID</code>.</td></tr>"
        "</table></td></tr></table></body></html>"
    )


def summary(d: Digest) -> str:
    """ "Monday 23 November 2026 · 3 alerts on 1 measure"."""
    n, m = len(d.alerts), len(grouped(d.alerts))
    day = f"{d.generated:%A} {d.generated.day} {d.generated:%B %Y}"
    if not n:
        return day
    return f"{day} · {n} alert{'s' if n != 1 else ''} on {m} measure{'s' if m != 1 else ''}"


def title(d: Digest) -> str:
    return f"Monitor digest: {counts(d.alerts)}"


def message(d: Digest, *, sender: str, recipients: Sequence[str], prefix: str) -> EmailMessage:
    """The multipart/alternative message; every header value goes through `header_text`."""
    msg = EmailMessage()
    msg["Subject"] = subject(d.alerts, header_text(prefix, 60))
    msg["From"] = header_text(sender)
    msg["To"] = ", ".join(header_text(r) for r in recipients)
    msg["Date"] = format_datetime(d.generated)
    msg["Message-ID"] = d.message_id
    msg["Auto-Submitted"] = "auto-generated"
    t = title(d)
    msg.set_content(plain(d, t))
    msg.add_alternative(html_part(d, t), subtype="html")
    return msg
