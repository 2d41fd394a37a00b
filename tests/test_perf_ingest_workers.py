"""`monitor ingest` with worker processes records exactly what a one-process run records.

The pure stages of later files run in other processes; everything that depends on the log
stays in order in the writer. Both runs must leave the same events and the same read tables.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from monitor.app import Monitor, ingest_files
from monitor.config import load
from monitor.log import projections

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
# columns that hold the wall-clock time of the run, not anything decided from the articles
CLOCK_COLUMNS = {"recorded_at", "raised_at", "acknowledged_at", "at"}


def _inputs(folder: Path) -> list[Path]:
    """Several stories interleaved, plus the odd cases: a duplicate, an empty file, a link, a missing file."""
    files = sorted(p for story in sorted(CORPORA.iterdir()) if (story / "articles").is_dir()
                   for p in (story / "articles").iterdir())
    folder.mkdir()
    out = []
    for i, src in enumerate(files):
        dest = folder / f"{i:03d}-{src.name}"
        shutil.copyfile(src, dest)
        out.append(dest)
    (folder / "again.txt").write_bytes(out[0].read_bytes())
    (folder / "empty.txt").write_text(" \n")
    os.symlink(out[1], folder / "link.txt")
    return [*out, folder / "again.txt", folder / "empty.txt", folder / "link.txt", folder / "missing.txt"]


def _run(tmp: Path, name: str, files: list[Path], workers: int, steal: bool = True
         ) -> list[tuple[str, str | None, str | None]]:
    (tmp / name).mkdir()
    cfg = tmp / name / "config.toml"
    cfg.write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    with Monitor(load(cfg)) as mon:
        return [(p.name, r.status if r else None, r.reason if r else None)
                for p, r in ingest_files(mon, files, workers=workers, steal=steal)]


def _state(db: Path) -> tuple[list[tuple[Any, ...]], dict[str, list[tuple[Any, ...]]]]:
    conn = sqlite3.connect(db)
    try:
        events = conn.execute("SELECT stream_id, stream_version, type, schema_version, data FROM events"
                              " ORDER BY position").fetchall()
        tables = {}
        for name in (*projections.PROJECTIONS, "checkpoints"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({name})") if r[1] not in CLOCK_COLUMNS]
            select = ", ".join(f'"{c}"' for c in cols)
            tables[name] = conn.execute(f"SELECT {select} FROM {name} ORDER BY {select}").fetchall()
        return events, tables
    finally:
        conn.close()


def test_workers_record_what_one_process_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _inputs(tmp_path / "in")
    one = _run(tmp_path, "one", files, workers=0)
    statuses = {s for _, s, _ in one}
    assert {"recorded", "duplicate", "rejected", None} <= statuses
    events_one, tables_one = _state(tmp_path / "one" / "state" / "monitor.db")
    assert tables_one["alerts"], "the corpora's stories raise alerts, so decisions are compared too"

    ahead: list[str] = []
    record = Monitor.ingest_prepared
    monkeypatch.setattr(Monitor, "ingest_prepared", lambda self, prep: ahead.append(prep.name) or record(self, prep))
    # every file through a worker (but the link, which has nothing to read, and the missing one)
    assert _run(tmp_path, "workers", files, workers=2, steal=False) == one
    assert len(ahead) == len(files) - 2
    # workers and this process sharing the files, however the timing falls
    assert _run(tmp_path, "shared", files, workers=1) == one

    for name in ("workers", "shared"):
        events, tables = _state(tmp_path / name / "state" / "monitor.db")
        assert events == events_one
        assert tables == tables_one
