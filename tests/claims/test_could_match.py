"""The writer hands reconcile only the earlier claims some new claim could match (`could_match`),
and compares them by signatures built field by field: neither may change a decision.

Every story of corpora/ in one interleaved stream (so that earlier claims of other stories share
buckets with new ones) and 150 synthetic benchmark articles are recorded twice, once as the app
does it and once with every bucket candidate handed to reconcile; the events and read tables
must be the same. Signatures must equal the reference built as first written.
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

import monitor.app as app
from monitor.app import Monitor
from monitor.claims import match
from monitor.config import load
from monitor.models import Claim

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"
CLOCK = {"recorded_at", "raised_at", "acknowledged_at", "at", "hash", "prev_hash"}


def _corpus_files(folder: Path) -> list[Path]:
    stories = [s for s in sorted(CORPORA.iterdir()) if (s / "articles").is_dir()]
    lists = [sorted((s / "articles").iterdir()) for s in stories]
    out = []
    for i in range(max(len(x) for x in lists)):  # one article of each story in turn
        for x in lists:
            if i < len(x):
                dest = folder / f"{len(out):03d}-{x[i].name}"
                shutil.copyfile(x[i], dest)
                out.append(dest)
    return out


def _synthetic_files(folder: Path, n: int) -> list[Path]:
    if str(ROOT) not in sys.path:
        sys.path.append(str(ROOT))
    try:
        from benchmarks.generate import Corpus
    except ImportError:
        return []
    corpus = Corpus(1)
    out = []
    for i in range(n):
        a = corpus.article(i)
        dest = folder / a.name
        dest.write_bytes(a.data)
        out.append(dest)
    return out


def _record(tmp: Path, name: str, files: list[Path]) -> dict[str, list[tuple[Any, ...]]]:
    home = tmp / name
    home.mkdir()
    cfg = home / "config.toml"
    cfg.write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    with Monitor(load(cfg)) as mon:
        for f in files:
            mon.ingest_path(f)
    conn = sqlite3.connect(home / "state" / "monitor.db")
    try:
        out = {}
        for (table,) in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'"):
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in CLOCK]
            select = ", ".join(f'"{c}"' for c in cols)
            out[table] = conn.execute(f"SELECT {select} FROM {table} ORDER BY {select}").fetchall()
        return out
    finally:
        conn.close()


@pytest.mark.parametrize("source", ["corpora", "synthetic"])
def test_could_match_changes_no_decision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = _corpus_files(folder) if source == "corpora" else _synthetic_files(folder, 150)
    if not files:
        pytest.skip("no benchmarks package to generate synthetic articles")
    pruned = _record(tmp_path, "pruned", files)
    calls = []

    def everything(new: list[Claim], known: list[Claim], sigs: dict[str, Any]) -> list[Claim]:
        calls.append(len(known) - len(match.could_match(new, known, {})))
        return known

    monkeypatch.setattr(app, "could_match", everything)
    whole = _record(tmp_path, "whole", files)
    assert sum(calls) > 0  # some earlier claims were left out, so the comparison means something
    assert len(whole["claims"]) > 100 and whole["alerts"]
    assert pruned == whole


def test_signature_is_the_reference(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = _corpus_files(folder)
    _record(tmp_path, "run", files)
    conn = sqlite3.connect(tmp_path / "run" / "state" / "monitor.db")
    claims = [Claim.from_dict(json.loads(d)["claim"])
              for (d,) in conn.execute("SELECT data FROM events WHERE type = 'ClaimRecorded'")]
    conn.close()
    assert len(claims) > 100
    for c in claims:
        assert match.signature(c) == match._signature(c)
        assert tuple(match.signature(c)) == tuple(match._signature(c))
    for a, b in zip(claims, claims[1:] + claims[:1]):
        sa, sb = match.signature(a), match.signature(b)
        assert match.kin_names(sa.wide, sb.wide) == match._kin_names(sa.wide, sb.wide)
        assert match.kin_names(sa.names, sb.names) == match._kin_names(sa.names, sb.names)
