"""The six scenarios of the benchmark issue. Each returns a plain dict for results.json."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .generate import Corpus
from .harness import (WORK, RssSampler, cache_info, cached_log, corpus_files, fresh_dir, log, monitor_argv,
                      run_ingest, stamp, state_from, statuses, summary, timing_split, write_config)

SEEDS = Path(os.environ.get("MONITOR_SEED_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"))


@dataclass(frozen=True)
class Sizes:
    """How big each scenario is; --quick shrinks everything to a smoke run."""

    batch: int = 2000
    growth_more: int = 500
    growth_small: int = 1000
    growth_large: int = 50_000
    growth_huge: int = 200_000
    daemon_files: int = 300
    daemon_rate: float = 20.0
    peer_ours: int = 400
    peer_theirs: int = 100


QUICK = Sizes(batch=100, growth_more=50, growth_small=100, growth_large=1000, growth_huge=0, daemon_files=30,
              peer_ours=40, peer_theirs=10)


# -- 1 batch ingest -------------------------------------------------------------------------------

def batch(seed: int, sz: Sizes, **_: Any) -> dict[str, Any]:
    """The command as a user runs it (worker processes by default), then with --workers 0."""
    files = corpus_files(seed, 0, sz.batch)
    before = stamp()
    out: dict[str, Any] = {}
    for key, workers in (("default", None), ("sequential", 0)):
        folder = fresh_dir(WORK / "batch")
        cfg = write_config(folder)
        log(f"batch: monitor ingest{'' if workers is None else f' --workers {workers}'} of {len(files):,} articles"
            " into a fresh state")
        r = run_ingest(cfg, files, timeout=1800, workers=workers)
        n = len(r["records"])
        out[key] = {"articles": n, "wall_s": round(r["wall_s"], 2), "articles_per_s": round(n / r["wall_s"], 1),
                    "cpu_s": round(r["cpu_s"], 2),
                    "articles_per_cpu_s": round(n / r["cpu_s"], 1) if r["cpu_s"] else None,
                    "statuses": statuses(r["records"]), "timings_ms": timing_split(r["records"]),
                    "peak_rss_mb": r["peak_rss_mb"], "exit": r["exit"], "load_after": stamp()["load"]}
    return {**out["default"], "workers": "default (one per core but one)", "sequential": out["sequential"],
            "before": before, "after": stamp()}


# -- 2 growth -------------------------------------------------------------------------------------

def _grow_once(seed: int, base: int, more: int, rounds: int = 1) -> dict[str, Any]:
    """The same 500 articles into fresh copies of the log, `rounds` times; samples pooled."""
    db = cached_log(seed, base)
    assert db is not None
    files = corpus_files(seed, base, more)
    records: list[dict[str, Any]] = []
    runs = []
    for k in range(rounds):
        cfg = state_from(db, WORK / "growth" / f"n{base}")
        log(f"growth: monitor ingest of {more} articles into the {base:,}-article log (round {k + 1}/{rounds})")
        r = run_ingest(cfg, files, timeout=1800)
        records += r["records"]
        runs.append({"wall_s": round(r["wall_s"], 2), "cpu_s": round(r["cpu_s"], 2), "load": stamp()["load"],
                     "p50": timing_split(r["records"])["total"]["p50"], "peak_rss_mb": r["peak_rss_mb"]})
    split = timing_split(records)
    return {"base_articles": base, "base_events": cache_info(seed, base).get("events"), "articles": more,
            "rounds": runs, "cpu_ms_per_article": round(1e3 * sum(x["cpu_s"] for x in runs) / (more * rounds), 2),
            "per_article_ms": split["total"], "timings_ms": split, "statuses": statuses(records),
            "peak_rss_mb": max(x["peak_rss_mb"] for x in runs), "stamp": stamp()}


def _interleaved(seed: int, sz: Sizes, rounds: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """Alternate small and large so a burst of load elsewhere on the machine hits both alike."""
    smalls, larges = [], []
    for _ in range(rounds):
        smalls.append(_grow_once(seed, sz.growth_small, sz.growth_more))
        larges.append(_grow_once(seed, sz.growth_large, sz.growth_more))

    def merge(parts: list[dict[str, Any]]) -> dict[str, Any]:
        first = dict(parts[0])
        if len(parts) > 1:
            first["rounds"] = [r for p in parts for r in p["rounds"]]
            first["cpu_ms_per_article"] = round(sum(p["cpu_ms_per_article"] for p in parts) / len(parts), 2)
            first["peak_rss_mb"] = max(p["peak_rss_mb"] for p in parts)
            # pooled percentiles: recompute from each part's p50s is not exact, so keep the median of part p50s
            p50s = sorted(p["per_article_ms"]["p50"] for p in parts)
            first["per_article_ms"] = {**first["per_article_ms"], "p50": p50s[len(p50s) // 2] if len(p50s) % 2
                                       else round((p50s[len(p50s) // 2 - 1] + p50s[len(p50s) // 2]) / 2, 3),
                                       "mean": round(sum(p["per_article_ms"]["mean"] for p in parts) / len(parts), 3)}
        return first

    return merge(smalls), merge(larges)


def growth(seed: int, sz: Sizes, *, big: bool = False, **_: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"before": stamp()}
    rounds = 3 if sz.growth_large >= 10_000 else 1
    small, large = _interleaved(seed, sz, rounds)
    out["small"], out["large"] = small, large
    out["ratio_p50"] = round(large["per_article_ms"]["p50"] / small["per_article_ms"]["p50"], 3)
    out["ratio_mean"] = round(large["per_article_ms"]["mean"] / small["per_article_ms"]["mean"], 3)
    out["ratio_cpu"] = round(large["cpu_ms_per_article"] / small["cpu_ms_per_article"], 3)
    if sz.growth_huge:
        info = cache_info(seed, sz.growth_large)
        per = info.get("build_s", 0) / max(1, sz.growth_large - info.get("built_from", 0)) if info else 0
        need = per * (sz.growth_huge - sz.growth_large)
        if big or cache_info(seed, sz.growth_huge) or (per and need <= 600):
            if cached_log(seed, sz.growth_huge, budget_s=None if big else 660) is not None:
                huge = _grow_once(seed, sz.growth_huge, sz.growth_more)
                out["huge"] = huge
                out["ratio_huge_p50"] = round(huge["per_article_ms"]["p50"] / small["per_article_ms"]["p50"], 3)
            else:
                out["huge_skipped"] = "building the log ran over 10 minutes (the partial build is kept; --big finishes it)"
        else:
            out["huge_skipped"] = (f"building the {sz.growth_huge:,}-article log would take about {need / 60:.0f} min "
                                   f"at the measured build rate; run with --big")
    out["after"] = stamp()
    return out


# -- 3 replay -------------------------------------------------------------------------------------

def replay(seed: int, sz: Sizes, **_: Any) -> dict[str, Any]:
    db = cached_log(seed, sz.growth_large)
    assert db is not None
    cfg = state_from(db, WORK / "replay")
    before = stamp()
    log(f"replay: monitor replay over the {sz.growth_large:,}-article log")
    t0 = time.perf_counter()
    proc = subprocess.Popen([*monitor_argv(), "--config", str(cfg), "replay"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    with RssSampler(proc.pid) as rss:
        try:
            out, err = proc.communicate(timeout=600)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err = proc.communicate()
            err += "\nmonitor replay did not finish within 600 s"
    wall = time.perf_counter() - t0
    events = cache_info(seed, sz.growth_large).get("events")
    reported = None
    method = "monitor replay"
    failure = None
    command_s = wall
    if proc.returncode != 0:
        failure = err.strip().splitlines()[-1] if err.strip() else f"exit {proc.returncode}"
        log(f"replay: monitor replay failed ({failure}); measuring the same projection work in-process")
        cfg = state_from(db, WORK / "replay")
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "benchmarks._replay", str(cfg)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1])
        with RssSampler(proc.pid) as rss:
            out, err = proc.communicate(timeout=3600)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            raise RuntimeError(f"replay fallback failed too: {err.strip()[-800:]}")
        r = json.loads(out.strip().splitlines()[-1])
        events, reported = r["events"], r["seconds"]
        method = "in-process fallback (drop+create outside the transaction, then project the log)"
    else:
        words = out.split()
        if len(words) >= 5 and words[0] == "replayed":
            events = int(words[1])
            reported = float(words[4])
    return {"method": method, "command_failure": failure, "command_s": round(command_s, 2), "articles": sz.growth_large, "events": events,
            "wall_s": round(wall, 2),
            "replay_s": reported, "events_per_s": round(events / (reported or wall)) if events else None,
            "events_per_s_wall": round(events / wall) if events else None, "output": out.strip(),
            "peak_rss_mb": rss.peak_mb, "before": before, "after": stamp()}


# -- 4/5 daemon latency and memory ----------------------------------------------------------------

class _Watcher(threading.Thread):
    """Polls the log read-only and notes when each article's row first becomes visible (= committed)."""

    def __init__(self, db: Path, interval: float = 0.005) -> None:
        super().__init__(daemon=True)
        self.db, self.interval = db, interval
        self.seen: dict[str, tuple[float, str, str, int]] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        conn = None
        last = 0
        while not self.stop.is_set():
            try:
                if conn is None:
                    if not self.db.exists():
                        time.sleep(self.interval)
                        continue
                    conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=1)
                    last = conn.execute("SELECT COALESCE(MAX(received_position), 0) FROM articles").fetchone()[0]
                rows = conn.execute("SELECT article, status, recorded_at, alerts, received_position FROM articles "
                                    "WHERE received_position > ? AND status != 'received' ORDER BY received_position",
                                    (last,)).fetchall()
                now = time.time()
                for article, status, recorded_at, alerts, pos in rows:
                    self.seen.setdefault(article, (now, status, recorded_at, alerts))
                    last = max(last, pos)
            except sqlite3.Error:
                conn = None
            self.stop.wait(self.interval)


def _daemon_run(folder: Path, files: list[Path], *, rate: float, stable_ms: int, wait_s: float = 60) -> dict[str, Any]:
    cfg = folder / "config.toml"
    inbox, staging = folder / "inbox", folder / "staging"
    staging.mkdir(exist_ok=True)
    db = folder / "state" / "monitor.db"
    for f in files:  # written before the clock starts: the drop itself is the rename
        (staging / f.name).write_bytes(f.read_bytes())
    logf = open(folder / "daemon.log", "w")
    proc = subprocess.Popen([*monitor_argv(), "--config", str(cfg), "run"], stdout=logf, stderr=subprocess.STDOUT)
    try:
        # Ready when it logs that it is watching (it may first bring a large log's read tables up to date).
        t_start = time.time()
        while time.time() - t_start < 180 and proc.poll() is None:
            logf.flush()
            if "watching " in (folder / "daemon.log").read_text(errors="replace"):
                break
            time.sleep(0.1)
        ready_s = time.time() - t_start
        if proc.poll() is not None:
            logf.flush()
            return {"available": False, "exit": proc.returncode,
                    "output": (folder / "daemon.log").read_text()[-600:].strip()}
        watcher = _Watcher(db)
        watcher.start()
        drops: dict[str, float] = {}
        with RssSampler(proc.pid) as rss:
            idle_rss = rss.proc.memory_info().rss / 1e6
            t0 = time.time()
            for k, f in enumerate(files):
                delay = t0 + k / rate - time.time()
                if delay > 0:
                    time.sleep(delay)
                os.rename(staging / f.name, inbox / f.name)
                drops[f.name] = time.time()
            deadline = time.time() + wait_s
            while time.time() < deadline and len(watcher.seen) < len(files) and proc.poll() is None:
                time.sleep(0.05)
            drained = time.time()
        watcher.stop.set()
        watcher.join(timeout=2)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        logf.close()
    seen = watcher.seen
    lat = [(seen[n][0] - t) * 1e3 for n, t in drops.items() if n in seen]
    lat_rec = []
    for n, t in drops.items():
        if n in seen and seen[n][2]:
            lat_rec.append((datetime.fromisoformat(seen[n][2]).timestamp() - t) * 1e3)
    lat_alert = [(seen[n][0] - t) * 1e3 for n, t in drops.items() if n in seen and seen[n][3]]
    st: dict[str, int] = {}
    for n in drops:
        s = seen[n][1] if n in seen else "missed"
        st[s] = st.get(s, 0) + 1
    return {"available": True, "ready_s": round(ready_s, 2), "files": len(files), "rate_per_s": rate, "stable_ms": stable_ms,
            "missed": sum(1 for n in drops if n not in seen), "statuses": st,
            "latency_ms": summary(lat), "latency_recorded_at_ms": summary(lat_rec),
            "latency_alerting_ms": summary(lat_alert), "drop_span_s": round(max(drops.values()) - t0, 2),
            "drain_s": round(drained - max(drops.values()), 2), "peak_rss_mb": rss.peak_mb,
            "idle_rss_mb": round(idle_rss, 1), "rss_samples": rss.samples, "cpu_s": round(rss.cpu_s, 2),
            "exit": proc.returncode,
            # the log names local folders: kept only when something went wrong
            "daemon_log_tail": ((folder / "daemon.log").read_text(errors="replace")[-400:].strip()
                                if proc.returncode or any(n not in seen for n in drops) else None)}


def daemon(seed: int, sz: Sizes, stable_ms: int = 300, **_: Any) -> dict[str, Any]:
    folder = fresh_dir(WORK / "daemon")
    write_config(folder, stable_ms=stable_ms)
    files = corpus_files(seed, 0, sz.daemon_files)
    before = stamp()
    log(f"daemon: {len(files)} files at {sz.daemon_rate:g}/s into a fresh state")
    r = _daemon_run(folder, files, rate=sz.daemon_rate, stable_ms=stable_ms)
    out = {**r, "before": before, "after": stamp()}
    if r.get("available"):
        # The floor: the same daemon at a rate it can keep up with, so queueing is not in the number.
        slow = fresh_dir(WORK / "daemon-slow")
        write_config(slow, stable_ms=stable_ms)
        n = max(5, sz.daemon_files // 15)
        log(f"daemon: {n} files at 2/s (no queueing)")
        s2 = _daemon_run(slow, files[:n], rate=2.0, stable_ms=stable_ms)
        out["unqueued"] = {k: s2[k] for k in ("files", "rate_per_s", "missed", "latency_ms", "peak_rss_mb")}
    return out


def memory(seed: int, sz: Sizes, stable_ms: int = 300, **_: Any) -> dict[str, Any]:
    """Peak RSS of the daemon working on top of the large log (scenario 4's own peak is in `daemon`)."""
    db = cached_log(seed, sz.growth_large)
    assert db is not None
    folder = WORK / "memory"
    state_from(db, folder, stable_ms=stable_ms)
    files = corpus_files(seed, sz.growth_large, sz.daemon_files)
    before = stamp()
    log(f"memory: daemon on the {sz.growth_large:,}-article log, {len(files)} files at {sz.daemon_rate:g}/s")
    r = _daemon_run(folder, files, rate=sz.daemon_rate, stable_ms=stable_ms)
    return {"base_articles": sz.growth_large, **r, "before": before, "after": stamp()}


# -- 6 extraction vs quantulum3 -------------------------------------------------------------------

def _value_ok(v: Any, g: dict[str, Any], unit: str = "") -> bool:
    """The gold corpus's matching rule: same value (sign aside), a range end or middle, or %/fraction."""
    if not isinstance(v, (int, float)):
        return False
    gv = g["value"]
    if isinstance(gv, list):
        lo, hi = float(gv[0]), float(gv[1])
        return any(abs(v - x) <= 1e-6 * max(1.0, abs(x)) for x in (lo, hi, (lo + hi) / 2))
    gv = float(gv)
    tol = 1e-6 * max(1.0, abs(gv))
    if abs(v - gv) <= tol or abs(abs(v) - abs(gv)) <= tol:
        return True
    unit = unit.lower()
    if g.get("unit") == "fraction" and unit in ("percent", "percentage", "%") and abs(v - 100 * gv) <= 0.5:
        return True
    if g.get("unit") == "percent" and unit in ("fraction", "ratio") and abs(100 * v - gv) <= 1e-6:
        return True
    return False


def _spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def _recall(text: str, gold: list[dict[str, Any]], found: list[tuple[int, int, float, str]]) -> tuple[int, int]:
    need = hit = 0
    for g in gold:
        if g.get("optional"):
            continue
        need += 1
        gs = _spans(text, g["quote"])
        if any(s < e2 and s2 < e and _value_ok(v, g, u) for (s, e, v, u) in found for (s2, e2) in gs):
            hit += 1
    return need, hit


def _ours(text: str, published: Any) -> list[tuple[int, int, float, str]]:
    from monitor.extract import extract

    return [(f.start, f.end, f.value, f.unit) for f in extract(text, published).figures]


def _theirs(text: str) -> list[tuple[int, int, float, str]]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        out.append((q.span[0], q.span[1], q.value, "percent" if q.unit.name in ("percentage",) else q.unit.name))
    return out


def peer(seed: int, sz: Sizes, **_: Any) -> dict[str, Any]:
    import warnings

    warnings.filterwarnings("ignore", module="quantulum3")
    from monitor.read import ReadOptions, read_article

    opts = ReadOptions(extensions=(".txt", ".md", ".html", ".htm", ".eml"), max_bytes=5_000_000)
    corpus = Corpus(seed)
    arts = []
    for a in corpus.articles(0, sz.peer_ours):
        parsed = read_article(a.name, a.data, mtime=None, options=opts)
        arts.append((a, parsed))
    before = stamp()
    _ours(arts[0][1].clean, arts[0][1].published)
    _theirs("warm up: 3 people and 12% of $4 billion")
    res: dict[str, Any] = {"before": before}
    for who, n in (("ours", sz.peer_ours), ("quantulum3", sz.peer_theirs)):
        log(f"peer: {who} on {n} synthetic articles")
        figs = chars = need = hit = 0
        t_total = 0.0
        for a, p in arts[:n]:
            t = time.perf_counter()
            found = _ours(p.clean, p.published) if who == "ours" else _theirs(p.clean)
            t_total += time.perf_counter() - t
            figs += len(found)
            chars += len(p.clean)
            gold = [{"quote": g.quote, "value": g.value, "unit": g.unit} for g in a.gold]
            k, h = _recall(p.text, gold, found)
            need, hit = need + k, hit + h
        res[who] = {"articles": n, "seconds": round(t_total, 3), "figures": figs,
                    "figures_per_s": round(figs / t_total, 1), "articles_per_s": round(n / t_total, 2),
                    "chars_per_s": round(chars / t_total), "synthetic_recall": round(hit / need, 3) if need else None,
                    "synthetic_gold": need}
    res["speedup_articles_per_s"] = round(res["ours"]["articles_per_s"] / res["quantulum3"]["articles_per_s"], 1)
    res["speedup_figures_per_s"] = round(res["ours"]["figures_per_s"] / res["quantulum3"]["figures_per_s"], 1)
    gold_file = SEEDS / "gold.json"
    if gold_file.exists():
        gold = json.loads(gold_file.read_text())
        seeds: dict[str, Any] = {}
        for who in ("ours", "quantulum3"):
            need = hit = 0
            for name, golds in gold["figures"].items():
                data = (SEEDS / "articles" / name).read_bytes()
                p = read_article(name, data, mtime=None, options=opts)
                found = _ours(p.clean, p.published) if who == "ours" else _theirs(p.clean)
                k, h = _recall(p.text, golds, found)
                need, hit = need + k, hit + h
            seeds[who] = {"gold": need, "found": hit, "recall": round(hit / need, 3) if need else None}
        res["seeds"] = seeds
    else:
        res["seeds"] = None
    res["after"] = stamp()
    return res


SCENARIOS = {"ingest": batch, "growth": growth, "replay": replay, "daemon": daemon, "memory": memory, "peer": peer}
