"""Plumbing shared by the scenarios: work folders, configs, subprocesses, RSS sampling, cached logs.

The scenarios drive the real command line wherever the issue asks for end-to-end numbers, so
what is measured is what a user runs; only the large cached logs are built in-process, because
they are fixtures, not measurements.
"""
from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .generate import Corpus

ROOT = Path(__file__).resolve().parent
WORK = ROOT / "work"


def log(msg: str) -> None:
    """Progress goes to stderr so stdout stays the table."""
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def stamp() -> dict[str, Any]:
    return {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "load": loadavg()}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    try:
        import psutil

        mem = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        mem = None
    return {"name": socket.gethostname(), "cpu": cpu_model(), "cpu_count": os.cpu_count(), "memory_gib": mem,
            "python": platform.python_version(), "platform": platform.platform(), "sqlite": sqlite3.sqlite_version}


def pct(values: Sequence[float], p: float) -> float | None:
    """Nearest-rank percentile: no interpolation, so p99 of 300 samples is an observed value."""
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100 * len(s) + 0.5)) - 1))
    return s[k]


def summary(values: Sequence[float]) -> dict[str, float | None]:
    if not values:
        return {"n": 0, "p50": None, "p99": None, "mean": None, "max": None}
    return {"n": len(values), "p50": round(pct(values, 50) or 0, 3), "p99": round(pct(values, 99) or 0, 3),
            "mean": round(statistics.fmean(values), 3), "max": round(max(values), 3)}


def monitor_argv() -> list[str]:
    """The installed `monitor` entry point next to this interpreter, else `python -m monitor`."""
    script = Path(sys.executable).parent / "monitor"
    return [str(script)] if script.exists() else [sys.executable, "-m", "monitor"]


def fresh_dir(path: Path) -> Path:
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


def write_config(folder: Path, *, stable_ms: int = 300, extra: str = "") -> Path:
    """A config with inbox/ and state/ inside `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "inbox").mkdir(exist_ok=True)
    cfg = folder / "config.toml"
    cfg.write_text(f'[paths]\ninbox = "inbox"\nstate = "state"\n\n[daemon]\nstable_ms = {stable_ms}\n{extra}')
    return cfg


def corpus_files(seed: int, start: int, count: int) -> list[Path]:
    """Articles [start, start+count) as files, written once per seed and reused."""
    return Corpus(seed).write(WORK / f"articles-s{seed}", start, count)


class RssSampler:
    """Peak resident memory of a process and its children, sampled on a thread."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        import psutil

        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.samples = 0
        self.cpu_s = 0.0  # CPU time of the process as last sampled: robust to other load on the machine
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psutil

        while not self._stop.is_set():
            try:
                rss = self.proc.memory_info().rss
                for c in self.proc.children(recursive=True):
                    try:
                        rss += c.memory_info().rss
                    except psutil.Error:
                        pass
                ct = self.proc.cpu_times()
                self.cpu_s = ct.user + ct.system
            except psutil.Error:
                return
            self.peak = max(self.peak, rss)
            self.samples += 1
            self._stop.wait(self.interval)

    def __enter__(self) -> "RssSampler":
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join(timeout=2)

    @property
    def peak_mb(self) -> float:
        return round(self.peak / 1e6, 1)


def run_ingest(config: Path, files: Sequence[Path], *, timeout: float, workers: int | None = None) -> dict[str, Any]:
    """`monitor --config CFG ingest --json [--workers N] FILE...`: wall time, per-file records, peak RSS."""
    opts = [] if workers is None else ["--workers", str(workers)]
    argv = [*monitor_argv(), "--config", str(config), "ingest", "--json", *opts, *map(str, files)]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu0 = r0.ru_utime + r0.ru_stime
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with RssSampler(proc.pid) as rss:
            out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise RuntimeError(f"monitor ingest did not finish within {timeout:.0f} s") from None
    wall = time.perf_counter() - t0
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_s = cpu.ru_utime + cpu.ru_stime - cpu0
    records = []
    for line in out.splitlines():
        line = line.strip()
        if line.startswith("{"):
            records.append(json.loads(line))
    if not records:
        raise RuntimeError(f"monitor ingest printed no results (exit {proc.returncode}): {err.strip()[-800:]}")
    return {"wall_s": wall, "cpu_s": cpu_s, "records": records, "exit": proc.returncode, "stderr": err[-2000:],
            "peak_rss_mb": rss.peak_mb}


def timing_split(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """p50/p99/mean per stage over the recorded articles."""
    rec = [r for r in records if r.get("status") == "recorded" and r.get("timings_ms")]
    out: dict[str, Any] = {}
    for k in ("total", "read", "extract", "reconcile", "commit"):
        out[k] = summary([r["timings_ms"][k] for r in rec if k in r["timings_ms"]])
    return out


def statuses(records: Sequence[dict[str, Any]]) -> dict[str, int]:
    c: dict[str, int] = {}
    for r in records:
        c[r.get("status", "?")] = c.get(r.get("status", "?"), 0) + 1
    return c


# -- cached logs ----------------------------------------------------------------------------------

def cached_log(seed: int, count: int, *, budget_s: float | None = None) -> Path | None:
    """monitor.db holding articles [0, count) of the seed, built in-process once and reused.

    Built by extending the largest smaller cached log (the corpus is one stream), resuming an
    interrupted build. Blobs are dropped afterwards: no benchmark reads old originals, and
    this keeps the cache to the database alone. Returns None when `budget_s` runs out first.
    """
    from monitor.app import Monitor
    from monitor.config import load

    home = WORK / "logs" / f"s{seed}-n{count}"
    done = home / "complete.json"
    db = home / "state" / "monitor.db"
    if done.exists() and db.exists():
        # Bring the read tables up to the current code once here, so copies do not each pay for it.
        with Monitor(load(home / "config.toml")):
            pass
        return db
    cfg_path = write_config(home)
    if not db.exists():
        smaller = sorted((int(p.name.split("-n")[1]), p) for p in (WORK / "logs").glob(f"s{seed}-n*")
                         if (p / "complete.json").exists() and int(p.name.split("-n")[1]) < count)
        if smaller:
            n, src = smaller[-1]
            log(f"seeding the {count:,}-article log from the cached {n:,}-article one")
            (home / "state").mkdir(parents=True, exist_ok=True)
            tmp = db.with_name(".monitor.db.copying")  # a copy cut short must not pass for a log
            shutil.copy2(src / "state" / "monitor.db", tmp)
            os.replace(tmp, db)
    corpus = Corpus(seed)
    t0 = time.perf_counter()
    with Monitor(load(cfg_path)) as mon:
        have = int(mon.store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        log(f"building the {count:,}-article log (have {have:,})")
        last = time.perf_counter()
        for i in range(have, count):
            a = corpus.article(i)
            mon.ingest_bytes(a.name, a.data)
            now = time.perf_counter()
            if now - last > 30:
                rate = (i + 1 - have) / (now - t0)
                log(f"  {i + 1:,}/{count:,} articles, {rate:.0f}/s, about {(count - i - 1) / rate / 60:.1f} min left")
                last = now
            if budget_s is not None and now - t0 > budget_s:
                log(f"  stopped at {i + 1:,}: over the {budget_s:.0f} s budget (resumable)")
                return None
        events = mon.store.count()
        mon.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.rmtree(home / "state" / "blobs", ignore_errors=True)
    dt = time.perf_counter() - t0
    done.write_text(json.dumps({"seed": seed, "articles": count, "events": events, "built_from": have,
                                "build_s": round(dt, 1),
                                "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}))
    return db


def cache_info(seed: int, count: int) -> dict[str, Any]:
    p = WORK / "logs" / f"s{seed}-n{count}" / "complete.json"
    return json.loads(p.read_text()) if p.exists() else {}


def state_from(db: Path, folder: Path, *, stable_ms: int = 300) -> Path:
    """A fresh state folder whose log is a copy of `db`; returns the config path."""
    fresh_dir(folder)
    cfg = write_config(folder, stable_ms=stable_ms)
    (folder / "state").mkdir()
    shutil.copy2(db, folder / "state" / "monitor.db")
    with open(folder / "state" / "monitor.db", "rb+") as f:
        os.fsync(f.fileno())  # else the first fsync of the measured run writes the whole copy out
    return cfg
