"""The command line: thin click commands that parse, call the app, and print a table or JSON."""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from . import __version__
from .config import Config, ConfigError, load

EXIT_UNAVAILABLE = 2


class Ctx:
    """Lazily loaded config, so `--help` works without a config file."""

    def __init__(self, config_path: str | None) -> None:
        self.config_path = config_path
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            try:
                self._config = load(self.config_path)
            except ConfigError as e:
                fail(str(e), code=2)
        return self._config


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"monitor: {message}", err=True)
    sys.exit(code)


def open_log(ctx: Ctx) -> Any:
    """The event log read-only, or None before anything was recorded.

    Listings import only the log, not the pipeline, so they start fast.
    """
    config = ctx.config
    from .log.store import EventStore

    if not config.db_path.exists():
        return None
    return EventStore(config.db_path, readonly=True)


def open_monitor(ctx: Ctx, *, readonly: bool = True) -> Any:
    config = ctx.config
    from .app import Monitor

    try:
        return Monitor(config, readonly=readonly)
    except FileNotFoundError as e:
        if readonly:
            return None
        fail(str(e))


def _cell(v: Any, width: int) -> str:
    if v is None:
        s = ""
    elif isinstance(v, float):
        s = f"{v:,.4f}".rstrip("0").rstrip(".") if abs(v) < 1e15 else f"{v:.4g}"
    elif isinstance(v, (dict, list)):
        s = json.dumps(v, ensure_ascii=False)
    else:
        s = str(v)
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "…"


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], *, widths: dict[str, int] | None = None) -> None:
    """An aligned table; long cells are cut so one row stays one line."""
    if not rows:
        click.echo("(none)")
        return
    widths = widths or {}
    cells = [[_cell(r.get(c), widths.get(c, 40)) for c in columns] for r in rows]
    w = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(columns)]
    click.echo("  ".join(c.upper().ljust(w[i]) for i, c in enumerate(columns)).rstrip())
    for row in cells:
        click.echo("  ".join(v.ljust(w[i]) for i, v in enumerate(row)).rstrip())


def emit(rows: list[dict[str, Any]], as_json: bool, columns: Sequence[str], **kw: Any) -> None:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=None))
    else:
        print_table(rows, columns, **kw)


def listing(name: str, query: Callable[[Any], list[dict[str, Any]]], columns: Sequence[str], help_text: str,
            widths: dict[str, int] | None = None) -> click.Command:
    """A read-only listing command: a table by default, one JSON array with --json."""

    @click.command(name=name, help=help_text)
    @click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
    @click.pass_obj
    def cmd(ctx: Ctx, as_json: bool) -> None:
        mon = open_log(ctx)
        rows = [] if mon is None else query(mon.conn)
        emit(rows, as_json, columns, widths=widths)

    return cmd


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", metavar="PATH", envvar=None,
              help="config.toml to use (default: $MONITOR_CONFIG, then ./config.toml).")
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def main(click_ctx: click.Context, config_path: str | None) -> None:
    """Watch an inbox of news articles, keep every figure, alert when a claim changes.

    Example: monitor --config config.toml ingest article.txt
    """
    click_ctx.obj = Ctx(config_path)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file instead of a line.")
@click.option("--workers", type=click.IntRange(min=0), default=None, metavar="N",
              help="Processes that read and extract the next files while one records (default: one per "
                   "core but one, for 200 files or more; 0: none). The results are the same either way.")
@click.pass_obj
def ingest(ctx: Ctx, files: tuple[Path, ...], as_json: bool, workers: int | None) -> None:
    """Record files in the given order.

    Exits 0 when each file was recorded, found to be a duplicate or rejected with a reason;
    1 when any could not be processed at all.

    Example: monitor ingest inbox/a.txt inbox/b.html
    """
    from .app import ingest_files
    from .notify.immediate import attach_notifier

    mon = open_monitor(ctx, readonly=False)
    notifier = attach_notifier(mon, ctx.config)  # [notify] urls hear about alerts from scripts too
    bad = 0
    with mon:
        for f, r in ingest_files(mon, files, workers=workers):
            if r is None:
                res_line = f"{f.name}: failed: no such file"
                bad += 1
                click.echo(json.dumps({"article": f.name, "status": "failed", "reason": "no such file"}) if as_json else res_line)
                continue
            bad += r.status == "failed"
            if as_json:
                click.echo(json.dumps({"article": r.article, "status": r.status, "reason": r.reason,
                                       "sha256": r.sha256, "figures": r.figures, "events": r.events,
                                       "alerts": r.alerts, "timings_ms": r.timings}, ensure_ascii=False))
            else:
                click.echo(r.line())
                for a in r.alerts:
                    click.echo(f"  {a['kind'].upper()} {a['label']}: {a['old']['text']} -> {a['new']['text']}")
    if notifier is not None:
        notifier.close()
    sys.exit(1 if bad else 0)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date to resolve times against.")
@click.pass_obj
def extract(ctx: Ctx, file: Path, as_json: bool, published: Any) -> None:
    """Show what would be extracted from FILE (or - for stdin), recording nothing.

    Example: monitor extract article.txt --json
    """
    from datetime import datetime, timezone

    from .app import preview, read_options

    if str(file) == "-":
        data, name, mtime = sys.stdin.buffer.read(), "stdin.txt", None
    else:
        try:
            data, name = file.read_bytes(), file.name
            mtime = datetime.fromtimestamp(file.stat().st_mtime, tz=timezone.utc)
        except OSError as e:
            fail(f"{file}: {e.strerror or e}")
    out = preview(data, name, options=read_options(ctx.config), mtime=mtime, published=published.date() if published else None)
    if as_json:
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    if out["status"] != "ok":
        click.echo(f"{name}: rejected: {out['reason']}")
        sys.exit(1)
    m = out["metadata"]
    click.echo(f"title:     {m.get('title') or '-'}")
    click.echo(f"source:    {m.get('source') or '-'}")
    click.echo(f"published: {m['published']} ({m['published_source']}, confidence {m['published_confidence']:.2f})")
    click.echo(f"encoding:  {m['encoding']}{' (guessed)' if m.get('encoding_guessed') else ''}")
    click.echo("")
    figs = [{**f, "period": (f.get("period") or {}).get("label")} for f in out["figures"]]
    print_table(figs, ["text", "value", "unit", "qualifier", "total", "counted", "period"], widths={"text": 36})
    click.echo("")
    print_table(out["events"], ["date", "text", "actor", "verb", "place"])


def _q(fn_name: str) -> Callable[[Any], list[dict[str, Any]]]:
    def q(conn: Any) -> list[dict[str, Any]]:
        from .log import queries

        return getattr(queries, fn_name)(conn)

    return q


main.add_command(listing(
    "articles", _q("articles"),
    ["article", "status", "published", "published_source", "source", "title", "figures", "alerts", "reason"],
    "List every file received: status, title, source, publication date and how it was decided.\n\n"
    "Example: monitor articles --json", widths={"title": 40, "reason": 50}))
main.add_command(listing(
    "figures", _q("figures"), ["article", "text", "value", "unit", "qualifier", "total", "counted", "period"],
    "List every figure extracted, with what it counts and the period it refers to.\n\nExample: monitor figures --json",
    widths={"text": 36, "counted": 30}))
main.add_command(listing(
    "events", _q("dated_events"), ["article", "date", "text", "actor", "verb", "sentence"],
    "List the dated happenings found in articles.\n\nExample: monitor events --json", widths={"sentence": 60}))
main.add_command(listing(
    "claims", _q("measures"), ["measure", "claims", "latest_value", "unit", "period", "source", "label"],
    "List the measures claims were recorded for, with their latest value.\n\nExample: monitor claims",
    widths={"measure": 40, "label": 50}))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.option("--pending", is_flag=True, help="Only alerts not acknowledged yet.")
@click.pass_obj
def alerts(ctx: Ctx, as_json: bool, pending: bool) -> None:
    """List alerts: updates and contradictions, with both sides.

    Example: monitor alerts --pending
    """
    from .log import queries

    mon = open_log(ctx)
    rows = [] if mon is None else queries.alerts(mon.conn, pending_only=pending)
    if as_json:
        emit(rows, True, [])
        return
    flat = [{"id": a["alert_id"], "kind": a["kind"], "measure": a["label"],
             "old": f"{a['old']['text']} ({a['old']['source'] or a['old']['article']}, {a['old']['published']})",
             "new": f"{a['new']['text']} ({a['new']['source'] or a['new']['article']}, {a['new']['published']})",
             "ack": "yes" if a["acknowledged"] else ""} for a in rows]
    print_table(flat, ["id", "kind", "measure", "old", "new", "ack"], widths={"measure": 40, "old": 45, "new": 45})


@main.command()
@click.argument("measure")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_obj
def timeline(ctx: Ctx, measure: str, as_json: bool) -> None:
    """Every claim for MEASURE (its key, or words of its label) in period order, with a small chart.

    Example: monitor timeline "members meeting"
    """
    from .log import queries

    mon = open_log(ctx)
    rows = [] if mon is None else queries.timeline(mon.conn, measure)
    if as_json:
        emit(rows, True, [])
        return
    if not rows:
        click.echo(f"no claims for {measure!r}")
        return
    comparable = [r["value"] for r in rows if r["unit"] == rows[-1]["unit"]]
    top = max((abs(v) for v in comparable), default=0) or 1
    for r in rows:
        bar = "█" * max(1, round(20 * abs(r["value"]) / top)) if r["unit"] == rows[-1]["unit"] else ""
        click.echo(f"{r['period']:<10} {_cell(r['value'], 14):>14} {r['unit']:<9} {bar:<20}  "
                   f"{r['source'] or r['article']}, {r['published']}: {_cell(r['text'], 40)} [{r['decision']}]")


@main.command()
@click.argument("alert_id")
@click.option("--note", help="Why, for the record.")
@click.pass_obj
def ack(ctx: Ctx, alert_id: str, note: str | None) -> None:
    """Acknowledge an alert (recorded as an event; nothing is changed).

    Example: monitor ack 3f2a9c
    """
    mon = open_monitor(ctx, readonly=False)
    with mon:
        try:
            full = mon.acknowledge(alert_id, note)
        except LookupError as e:
            fail(str(e))
    click.echo(f"acknowledged {full}")


@main.command(name="log")
@click.option("--since", default=0, type=int, metavar="POSITION", help="Only events after this position.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON array.")
@click.pass_obj
def log_cmd(ctx: Ctx, since: int, limit: int | None, as_json: bool) -> None:
    """List the event log itself: position, type, stream, time.

    Example: monitor log --since 120
    """
    from .log import queries

    mon = open_log(ctx)
    rows = [] if mon is None else queries.log(mon.conn, since, limit)
    emit(rows, as_json, ["position", "type", "stream_id", "stream_version", "recorded_at"], widths={"stream_id": 30})


@main.command()
@click.pass_obj
def replay(ctx: Ctx) -> None:
    """Drop every read table and rebuild it from the event log.

    Example: monitor replay
    """
    import time

    mon = open_monitor(ctx, readonly=False)
    with mon:
        t = time.perf_counter()
        n = mon.replay()
        dt = time.perf_counter() - t
    click.echo(f"replayed {n} events in {dt:.2f} s ({n / dt if dt else 0:,.0f} events/s)")


@main.command()
@click.pass_obj
def verify(ctx: Ctx) -> None:
    """Recompute the hash chain: exit 1 with the first broken position, else print the head hash.

    Example: monitor verify
    """
    mon = open_log(ctx)
    if mon is None:
        click.echo("empty log: nothing to verify")
        return
    broken, head, n = mon.verify()
    if broken is not None:
        fail(f"hash chain broken at position {broken} (checked {n} events): the log was altered")
    click.echo(f"ok: {n} events, head {head}")


def not_yet(name: str, help_text: str) -> click.Command:
    @click.command(name=name, help=help_text, context_settings={"ignore_unknown_options": True})
    @click.argument("args", nargs=-1, type=click.UNPROCESSED)
    def cmd(args: tuple[str, ...]) -> None:
        fail(f"'{name}' is not available yet in this version", code=EXIT_UNAVAILABLE)

    return cmd


@main.command(name="digest")
@click.option("--preview", is_flag=True, help="Render the next digest; send and record nothing.")
@click.option("--send", is_flag=True, help="Send the next digest now and record it in the log.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.html",
              help="With --preview: write the HTML part to FILE instead of printing the text part.")
@click.pass_obj
def digest_cmd(ctx: Ctx, preview: bool, send: bool, out: Path | None) -> None:
    """Preview or send the alert digest email (alerts since the last digest sent).

    --send exits 0 when the digest was sent or nothing was pending, 1 when sending failed.

    Example: monitor digest --preview --out digest.html
    """
    import logging

    from .notify import digest

    if preview == send:
        fail("give exactly one of --preview or --send (see monitor digest --help)", code=2)
    if out is not None and not preview:
        fail("--out goes with --preview", code=2)
    logging.getLogger("monitor.notify").addHandler(logging.NullHandler())  # outcomes are printed below
    cfg = ctx.config
    if preview:
        mon = open_log(ctx)
        if mon is None:
            click.echo("nothing to preview: no event log yet")
            return
        with mon:
            plan = digest.prepare(mon.conn, cfg)
            if plan.digest is None:
                click.echo("nothing to send: no alerts since the last digest")
                return
            msg = digest.build(plan.digest, cfg)
        html_part = msg.get_body(("html",))
        text_part = msg.get_body(("plain",))
        if out is not None:
            out.write_text(html_part.get_content() if html_part else "", encoding="utf-8")
            click.echo(f"wrote {out} ({len(plan.digest.alerts)} alerts): {msg['Subject']}")
        else:
            click.echo(f"Subject: {msg['Subject']}\nTo: {msg['To']}\nMessage-ID: {msg['Message-ID']}\n")
            click.echo(text_part.get_content() if text_part else "")
        return
    if not cfg.db_path.exists():
        click.echo("digest: nothing to send: no event log yet")
        return
    with digest.open_store(cfg) as store:
        outcomes = digest.send_pending(store, cfg)
    for o in outcomes:
        click.echo(o.line(), err=not o.ok)
    sys.exit(0 if all(o.ok for o in outcomes) else 1)


@main.command()
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Log lines on stderr: readable text, or one JSON object per line for machines.")
@click.option("--debug", is_flag=True, help="Also log quiet details (files already recorded before a restart).")
@click.pass_obj
def run(ctx: Ctx, log_format: str, debug: bool) -> None:
    """Run the daemon: watch the inbox and record every file dropped in.

    Stops cleanly on SIGTERM or Ctrl-C (exit 0). Exits 1 if a daemon already runs on the same state folder.

    Example: monitor run --log-format json
    """
    import logging
    import os

    from .daemon import logs
    from .daemon.lock import AlreadyRunning
    from .daemon.service import Daemon

    config = ctx.config
    logger = logs.setup(log_format, logging.DEBUG if debug else logging.INFO)
    daemon = Daemon(config, logger)
    try:
        code = daemon.run()
    except AlreadyRunning as e:
        fail(str(e), code=1)
    except Exception as e:  # cannot start (unreadable inbox, damaged log...): say why, exit 1 for the service manager
        logger.debug("start-up failed", exc_info=True)
        fail(f"cannot run: {e}", code=1)
    for h in logging.getLogger("monitor").handlers:
        h.flush()
    if daemon.unfinished:  # a thread is still inside a transaction: leave without waiting for it
        os._exit(code)
    sys.exit(code)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def status(ctx: Ctx, as_json: bool) -> None:
    """Show whether the daemon runs (pid), what it is watching, what it did last, and the last digest.

    Example: monitor status --json
    """
    from .daemon.status import render, report
    from .log import queries

    config = ctx.config
    last_digest = None
    mon = open_log(ctx) if config.db_path.exists() else None
    if mon is not None:
        with mon:
            try:
                rows = queries.digests(mon.conn)
            except Exception:  # an older log without the digests table
                rows = []
            last_digest = rows[-1] if rows else None
    r = report(config.state, last_digest)
    if as_json:
        click.echo(json.dumps(r, ensure_ascii=False))
    else:
        for line in render(r):
            click.echo(line)


@main.command()
@click.argument("file", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per file.")
@click.pass_obj
def retry(ctx: Ctx, file: str | None, as_json: bool) -> None:
    """Put files from inbox/failed back through (all of them, or FILE).

    A file that is now recorded leaves failed/ and its .reason.txt is removed; one rejected
    again stays, with its reason updated. Exits 1 if any is still not recorded.

    Example: monitor retry report.html
    """
    from .daemon.retry import failed_files, pick
    from .daemon.retry import retry as retry_files

    config = ctx.config
    try:
        files = [pick(config.inbox, file)] if file else failed_files(config.inbox)
    except LookupError as e:
        fail(str(e))
    if not files:
        click.echo("nothing in failed/ to retry")
        return
    mon = open_monitor(ctx, readonly=False)
    with mon:
        outcomes = retry_files(mon, config.inbox, config.daemon.on_success, files)
    for o in outcomes:
        click.echo(json.dumps(o.to_dict(), ensure_ascii=False) if as_json else o.line())
    sys.exit(0 if all(o.status in ("recorded", "duplicate") for o in outcomes) else 1)
