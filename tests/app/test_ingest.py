"""Ingest through the real command line into a real state folder: idempotency, replay, verify."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.app import Monitor
from monitor.config import load
from monitor.log import projections

FIRST = """(Harbour Gazette) -- Port officials said on Monday that 1,250 containers were stuck at the docks, \
up from about 900 a week earlier.

Only four of the 11 cranes were working, the authority said. The strike began in 2025.

©2026 Harbour Gazette
"""

SECOND = """(Harbour Gazette) -- The number of containers stuck at the docks rose to 1,800, port officials said \
on Wednesday, as only three of the 11 cranes were working.

©2026 Harbour Gazette
"""


def monitor_cmd(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(cfg), *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    (tmp_path / "inbox").mkdir()
    a = tmp_path / "a.txt"
    a.write_text(FIRST)
    b = tmp_path / "b.txt"
    b.write_text(SECOND)
    return tmp_path


def test_ingest_lists_article_and_is_idempotent(workdir: Path) -> None:
    cfg = workdir / "config.toml"
    r = monitor_cmd(cfg, "ingest", str(workdir / "a.txt"))
    assert r.returncode == 0, r.stderr
    assert "a.txt: recorded" in r.stdout
    arts = json.loads(monitor_cmd(cfg, "articles", "--json").stdout)
    assert [(a["article"], a["status"]) for a in arts] == [("a.txt", "recorded")]
    assert set(arts[0]) >= {"article", "published", "source", "title", "sha256", "status", "reason"}
    n = len(json.loads(monitor_cmd(cfg, "log", "--json").stdout))

    again = monitor_cmd(cfg, "ingest", str(workdir / "a.txt"))
    assert again.returncode == 0 and "duplicate" in again.stdout
    assert len(json.loads(monitor_cmd(cfg, "log", "--json").stdout)) == n  # nothing appended

    renamed = workdir / "copy-with-spaces.txt"
    renamed.write_text(FIRST.replace("\n\n", "\n \n\n"))
    r = monitor_cmd(cfg, "ingest", str(renamed))
    assert "duplicate" in r.stdout and "a.txt" in r.stdout
    arts = json.loads(monitor_cmd(cfg, "articles", "--json").stdout)
    assert [a["status"] for a in arts] == ["recorded", "duplicate"]
    figs = json.loads(monitor_cmd(cfg, "figures", "--json").stdout)
    assert figs and {f["article"] for f in figs} == {"a.txt"}  # no second set of figures


def test_figures_json_contract_offsets_point_into_the_file(workdir: Path) -> None:
    cfg = workdir / "config.toml"
    assert monitor_cmd(cfg, "ingest", str(workdir / "a.txt")).returncode == 0
    figs = json.loads(monitor_cmd(cfg, "figures", "--json").stdout)
    raw = (workdir / "a.txt").read_text()
    for f in figs:
        assert set(f) >= {"article", "text", "start", "end", "value", "unit", "sentence"}
        assert raw[f["start"]:f["end"]] == f["text"]
    assert any(f["value"] == 1250 and f["unit"] == "count" for f in figs)


def test_replay_gives_identical_read_tables(workdir: Path) -> None:
    cfg = workdir / "config.toml"
    bad = workdir / "empty.txt"
    bad.write_text("  \n")
    r = monitor_cmd(cfg, "ingest", str(workdir / "a.txt"), str(workdir / "b.txt"), str(bad))
    assert r.returncode == 0, r.stderr
    db = workdir / "state" / "monitor.db"
    before = projections.dump(sqlite3.connect(db))
    assert before["articles"] and before["figures"] and before["claims"]
    r = monitor_cmd(cfg, "replay")
    assert r.returncode == 0 and "replayed" in r.stdout
    after = projections.dump(sqlite3.connect(db))
    assert after == before


def test_rejected_file_is_kept_and_explained(workdir: Path) -> None:
    cfg = workdir / "config.toml"
    binary = workdir / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    r = monitor_cmd(cfg, "ingest", str(binary))
    assert r.returncode == 0 and "rejected" in r.stdout
    art = json.loads(monitor_cmd(cfg, "articles", "--json").stdout)[0]
    assert art["status"] == "rejected" and art["reason"]
    kept = workdir / "state" / art["blob"]
    assert kept.read_bytes() == binary.read_bytes()


def test_missing_file_exits_1(workdir: Path) -> None:
    r = monitor_cmd(workdir / "config.toml", "ingest", str(workdir / "nope.txt"))
    assert r.returncode == 1 and "no such file" in r.stdout


def test_verify_ok_then_broken(workdir: Path) -> None:
    cfg = workdir / "config.toml"
    monitor_cmd(cfg, "ingest", str(workdir / "a.txt"))
    ok = monitor_cmd(cfg, "verify")
    assert ok.returncode == 0 and ok.stdout.startswith("ok:")
    c = sqlite3.connect(workdir / "state" / "monitor.db", isolation_level=None)
    c.execute("DROP TRIGGER events_no_update")
    c.execute("UPDATE events SET data = replace(data, '1,250', '1,350') WHERE type = 'FiguresExtracted'")
    c.close()
    bad = monitor_cmd(cfg, "verify")
    assert bad.returncode == 1 and "broken at position" in bad.stderr


def test_retry_reads_a_rejected_file_again(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n[read]\nmax_bytes = 100\n')
    f = tmp_path / "long.txt"
    f.write_text(FIRST)
    with Monitor(load(tmp_path / "config.toml")) as mon:
        assert mon.ingest_path(f).status == "rejected"
        assert mon.ingest_path(f).status == "duplicate"
    (tmp_path / "config.toml").write_text('[paths]\ninbox = "inbox"\nstate = "state"\n')
    with Monitor(load(tmp_path / "config.toml")) as mon:
        r = mon.ingest_path(f, retry=True)
        assert r.status == "recorded" and r.figures > 0
        rows = mon.store.conn.execute("SELECT status FROM articles").fetchall()
        assert rows == [("recorded",)]
        before = projections.dump(mon.store.conn)
        mon.replay()
        assert projections.dump(mon.store.conn) == before


def test_every_command_has_help_with_an_example() -> None:
    from click.testing import CliRunner

    from monitor.cli import main

    for name, cmd in main.commands.items():
        out = CliRunner().invoke(main, [name, "--help"])
        assert out.exit_code == 0, name
        assert "Example:" in out.output, name
