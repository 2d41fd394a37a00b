"""python -m benchmarks [SCENARIO...] [--quick] [--seed N] [--big] [--out PATH]

Scenarios: ingest growth replay daemon memory peer (default: all). Results are merged into
the output file scenario by scenario, so a partial run refreshes only what it ran; each
scenario keeps its own date and load average.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .harness import ROOT, WORK, log, machine, stamp
from .scenarios import QUICK, SCENARIOS, Sizes

TARGETS_DOC = [
    ("ingest", "batch ingest, articles/s end to end", ">= 300"),
    ("growth", "growth ratio, per-article p50 at 50,000 vs 1,000 articles in the log", "<= 1.3"),
    ("replay", "replay, events/s", ">= 50,000"),
    ("daemon", "daemon drop-to-commit p50, ms", "<= stable_ms + 100"),
    ("daemon", "daemon drop-to-commit p99, ms", "<= stable_ms + 500"),
    ("daemon", "daemon files missed", "0"),
    ("memory", "daemon peak RSS with 50,000 articles in the log, MB", "<= 150"),
    ("peer", "extractor speed vs quantulum3 (same texts)", ">= 10x"),
    ("peer", "recall on the seed corpus vs quantulum3", "better"),
]


def _get(d: dict[str, Any] | None, *path: str) -> Any:
    for p in path:
        if not isinstance(d, dict):
            return None
        d = d.get(p)
    return d


def targets(s: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with the measured value and met / missed / not measured."""
    out = []

    def add(name: str, value: Any, limit: str, ok: bool | None, note: str = "") -> None:
        out.append({"target": name, "value": value, "limit": limit,
                    "status": "not measured" if ok is None else ("met" if ok else "missed"), "note": note})

    v = _get(s, "ingest", "articles_per_s")
    add("batch ingest, articles/s end to end", v, ">= 300", None if v is None else v >= 300)
    v = _get(s, "growth", "ratio_p50")
    sizes = f"{_get(s, 'growth', 'large', 'base_articles') or 50_000:,} vs {_get(s, 'growth', 'small', 'base_articles') or 1000:,}"
    add(f"growth ratio (p50 per article, {sizes})", v, "<= 1.3", None if v is None else v <= 1.3,
        f"mean ratio {_get(s, 'growth', 'ratio_mean')}, CPU-time ratio {_get(s, 'growth', 'ratio_cpu')}"
        if v is not None else "")
    v = _get(s, "replay", "events_per_s")
    add("replay, events/s", v, ">= 50,000", None if v is None else v >= 50_000)
    d = s.get("daemon") or {}
    if d.get("available"):
        sm = d["stable_ms"]
        p50, p99 = _get(d, "latency_ms", "p50"), _get(d, "latency_ms", "p99")
        add("daemon drop-to-commit p50, ms", p50, f"<= {sm + 100}", None if p50 is None else p50 <= sm + 100)
        add("daemon drop-to-commit p99, ms", p99, f"<= {sm + 500}", None if p99 is None else p99 <= sm + 500)
        add("daemon files missed", d["missed"], "0", d["missed"] == 0)
    else:
        for name in ("daemon drop-to-commit p50, ms", "daemon drop-to-commit p99, ms", "daemon files missed"):
            add(name, None, "", None, "daemon not available" if d else "")
    m = s.get("memory") or {}
    v = m.get("peak_rss_mb") if m.get("available") else None
    add(f"daemon peak RSS, {m.get('base_articles') or 50_000:,} articles in the log, MB", v, "<= 150", None if v is None else v <= 150,
        "" if m.get("available") or not m else "daemon not available")
    p = s.get("peer") or {}
    v = p.get("speedup_articles_per_s")
    add("extractor speed vs quantulum3, same texts", v, ">= 10x", None if v is None else v >= 10)
    ours, theirs = _get(p, "seeds", "ours", "recall"), _get(p, "seeds", "quantulum3", "recall")
    add("seed-corpus figure recall vs quantulum3", None if ours is None else f"{ours} vs {theirs}", "better",
        None if ours is None else ours > (theirs or 0))
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.1f}" if abs(v) >= 10 else f"{v:,.3g}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def rows(s: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(scenario, measure, value) for the stdout table and the docs."""
    r: list[tuple[str, str, str]] = []
    if (b := s.get("ingest")):
        t = b["timings_ms"]
        r += [("ingest", f"{b['articles']:,} articles, wall s", _fmt(b["wall_s"])),
              ("ingest", "articles/s end to end", _fmt(b["articles_per_s"])),
              ("ingest", "articles per CPU-second of the command", _fmt(b.get("articles_per_cpu_s"))),
              ("ingest", "per article p50 / p99 ms", f"{_fmt(t['total']['p50'])} / {_fmt(t['total']['p99'])}")]
        for k in ("read", "extract", "reconcile", "commit"):
            r.append(("ingest", f"  {k} p50 / p99 / mean ms",
                      f"{_fmt(t[k]['p50'])} / {_fmt(t[k]['p99'])} / {_fmt(t[k]['mean'])}"))
        r.append(("ingest", "peak RSS MB", _fmt(b["peak_rss_mb"])))
        if (q := b.get("sequential")):
            r.append(("ingest", "with --workers 0: articles/s end to end; per CPU-second; per article p50 ms",
                      f"{_fmt(q['articles_per_s'])}; {_fmt(q.get('articles_per_cpu_s'))}; "
                      f"{_fmt(q['timings_ms']['total']['p50'])}"))
    if (g := s.get("growth")):
        for key in ("small", "large", "huge"):
            if key in g:
                x = g[key]
                pa = x["per_article_ms"]
                n = len(x.get("rounds") or [1])
                r.append(("growth", f"+{x['articles']} into {x['base_articles']:,}: p50 / mean ms" + (f" (median of {n} runs)" if n > 1 else ""),
                          f"{_fmt(pa['p50'])} / {_fmt(pa['mean'])}  (CPU {_fmt(x.get('cpu_ms_per_article'))} ms/article;"
                          f" reconcile p50 {_fmt(x['timings_ms']['reconcile']['p50'])},"
                          f" commit p50 {_fmt(x['timings_ms']['commit']['p50'])}; RSS {_fmt(x['peak_rss_mb'])} MB)"))
        r.append(("growth", "ratio p50 (mean; CPU per article)",
                  f"{_fmt(g['ratio_p50'])} ({_fmt(g['ratio_mean'])}; {_fmt(g.get('ratio_cpu'))})"))
        if "ratio_huge_p50" in g:
            r.append(("growth", "ratio p50 at 200,000", _fmt(g["ratio_huge_p50"])))
        elif "huge_skipped" in g:
            r.append(("growth", "200,000", "skipped: " + g["huge_skipped"]))
    if (p := s.get("replay")):
        r += [("replay", f"{_fmt(p['events'])} events, s", _fmt(p["replay_s"] or p["wall_s"])),
              ("replay", "events/s", _fmt(p["events_per_s"])),
              ("replay", "peak RSS MB", _fmt(p["peak_rss_mb"]))]
    for key, label in (("daemon", "daemon"), ("memory", "memory")):
        d = s.get(key)
        if not d:
            continue
        if not d.get("available"):
            r.append((label, "monitor run", f"not available (exit {d.get('exit')})"))
            continue
        lat = d["latency_ms"]
        base = f" on {d['base_articles']:,}" if key == "memory" else ""
        r += [(label, f"{d['files']} files at {d['rate_per_s']:g}/s{base}: p50 / p99 ms",
               f"{_fmt(lat['p50'])} / {_fmt(lat['p99'])} (stable_ms {d['stable_ms']})"),
              (label, "missed", _fmt(d["missed"])),
              *([(label, f"{d['unqueued']['files']} files at 2/s: p50 / p99 ms",
                  f"{_fmt(d['unqueued']['latency_ms']['p50'])} / {_fmt(d['unqueued']['latency_ms']['p99'])} (no queueing)")]
                if d.get("unqueued") else []),
              (label, "queue drained after the last drop, s", _fmt(d.get("drain_s"))),
              (label, "peak RSS MB", _fmt(d["peak_rss_mb"]))]
    if (q := s.get("peer")):
        for who in ("ours", "quantulum3"):
            x = q[who]
            r.append(("peer", f"{who}: figures/s, articles/s",
                      f"{_fmt(x['figures_per_s'])}, {_fmt(x['articles_per_s'])} (synthetic recall {_fmt(x['synthetic_recall'])})"))
        r.append(("peer", "speed-up (articles/s)", f"{_fmt(q['speedup_articles_per_s'])}x"))
        if q.get("seeds"):
            sd = q["seeds"]
            r.append(("peer", "seed recall ours vs quantulum3",
                      f"{sd['ours']['recall']} ({sd['ours']['found']}/{sd['ours']['gold']}) vs "
                      f"{sd['quantulum3']['recall']} ({sd['quantulum3']['found']}/{sd['quantulum3']['gold']})"))
    return r


def table(s: dict[str, Any]) -> str:
    body = rows(s)
    w0 = max([8, *(len(a) for a, _, _ in body)])
    w1 = max([7, *(len(b) for _, b, _ in body)])
    lines = [f"{'SCENARIO':<{w0}}  {'MEASURE':<{w1}}  VALUE"]
    lines += [f"{a:<{w0}}  {b:<{w1}}  {c}" for a, b, c in body]
    lines.append("")
    lines.append("TARGETS")
    for t in targets(s):
        lines.append(f"  [{t['status']:^12}] {t['target']}: {_fmt(t['value'])} (target {t['limit']})"
                     + (f"; {t['note']}" if t["note"] else ""))
    return "\n".join(lines)


def markdown(results: dict[str, Any]) -> str:
    """The same numbers as Markdown tables, for docs/performance.md."""
    s = {k: v for k, v in results.get("scenarios", {}).items() if "error" not in v}
    m = results.get("machine", {})
    out = [f"Machine: {m.get('cpu')}, {m.get('cpu_count')} cores, {m.get('memory_gib')} GiB; Python {m.get('python')}, "
           f"SQLite {m.get('sqlite')}; seed {results.get('seed')}; updated {results.get('updated_at')}.", "",
           "| scenario | measure | value | load (1-min) at start |", "|---|---|---|---|"]
    for a, b, c in rows(s):
        st = s.get(a, {})
        ld = (st.get("before") or {}).get("load") or [None]
        out.append(f"| {a} | {b.strip()} | {c} | {ld[0] if ld[0] is not None else '-'} |")
    out += ["", "| target | measured | limit | status |", "|---|---|---|---|"]
    for t in targets(s):
        note = f" ({t['note']})" if t["note"] else ""
        out.append(f"| {t['target']} | {_fmt(t['value'])}{note} | {t['limit'] or '-'} | **{t['status']}** |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                    help=f"any of: {' '.join(SCENARIOS)} (default: all)")
    ap.add_argument("--quick", action="store_true", help="a small smoke run (results go to work/, not results.json)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--big", action="store_true", help="also build and measure the 200,000-article log, however long")
    ap.add_argument("--large", type=int, metavar="N",
                    help="size of the large log for growth, replay and memory (default 50,000)")
    ap.add_argument("--stable-ms", type=int, default=300, help="the daemon's stable_ms in the generated config")
    ap.add_argument("--out", type=Path, help="results file (default benchmarks/results.json; --quick: work/)")
    ap.add_argument("--table", action="store_true", help="print the table of the results file and exit")
    ap.add_argument("--markdown", action="store_true", help="with --table: Markdown, as pasted into docs/performance.md")
    a = ap.parse_args(argv)
    names = a.scenarios or list(SCENARIOS)
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        ap.error(f"unknown scenario {', '.join(unknown)}; choose from {' '.join(SCENARIOS)}")
    sz = QUICK if a.quick else Sizes()
    if a.large:
        sz = replace(sz, growth_large=a.large)
    out = a.out or (WORK / "results-quick.json" if a.quick else ROOT / "results.json")
    WORK.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {}
    if a.table:
        print(markdown(results) if a.markdown else table(results.get("scenarios", {})))
        return 0
    if results.get("seed") not in (None, a.seed) or bool(results.get("quick")) != a.quick:
        results = {}
    results.update({"machine": machine(), "seed": a.seed, "quick": a.quick})
    scen = results.setdefault("scenarios", {})
    failed = 0
    for name in names:
        t = time.perf_counter()
        try:
            scen[name] = SCENARIOS[name](a.seed, sz, big=a.big, stable_ms=a.stable_ms)
            scen[name]["seconds"] = round(time.perf_counter() - t, 1)
        except Exception as e:  # one broken stage must not lose the other scenarios' numbers
            failed += 1
            log(f"{name} failed: {e}")
            traceback.print_exc(file=sys.stderr)
            scen[name] = {"error": f"{type(e).__name__}: {e}", **stamp()}
        results["updated_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        results["targets"] = targets({k: v for k, v in scen.items() if "error" not in v})
        out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(table({k: v for k, v in scen.items() if "error" not in v}))
    for k, v in scen.items():
        if "error" in v:
            print(f"{k}: FAILED: {v['error']}")
    print(f"\nresults: {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
