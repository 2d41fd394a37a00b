"""`monitor digest` through the real command line, and the preview photographed in Chromium."""
from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.app import Monitor

from .conftest import Server, append_alert, digest_events, free_port, make_config, side

ROOT = Path(__file__).resolve().parents[2]


def write_config(tmp_path: Path, port: int) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        '[paths]\nstate = "state"\ninbox = "inbox"\n'
        '[digest]\nto = ["desk@example.org"]\nfrom = "monitor@example.org"\ntimezone = "UTC"\n'
        f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\ntimeout = 5\n')
    return cfg


def monitor(cfg: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "monitor", "--config", str(cfg), *args],
                          check=False, capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    with Monitor(make_config(tmp_path / "state")) as mon:
        append_alert(mon.store, "a1")
        append_alert(mon.store, "c1", kind="contradiction", measure="bridges|merrow", label="bridges destroyed",
                     old=side("b1.txt", "Riverside Post", "2025-10-02", "12 bridges", "In all 12 bridges were lost.", 12),
                     new=side("b2.txt", "Hill Herald", "2025-10-03", "five bridges", "Only five bridges were lost.", 5),
                     change={"absolute": -7, "relative": -0.5833}, explanation="Two reports disagree.")
    return tmp_path


def test_preview_prints_the_text_and_records_nothing(seeded: Path) -> None:
    cfg = write_config(seeded, free_port())
    r = monitor(cfg, "digest", "--preview")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Subject: [monitor] 1 update, 1 contradiction: bridges destroyed")
    assert "12 bridges -> five bridges  (-7, -58.3%)" in r.stdout
    out = seeded / "d.html"
    r = monitor(cfg, "digest", "--preview", "--out", str(out))
    assert r.returncode == 0 and "wrote" in r.stdout
    htm = out.read_text()
    assert htm.startswith("<!DOCTYPE html>") and "<b>12 bridges</b>" in htm and ">vs</span>" in htm
    with Monitor(make_config(seeded / "state")) as mon:
        assert digest_events(mon.store) == []


def test_send_exit_codes(seeded: Path, smtp_server: Server) -> None:
    down = write_config(seeded, free_port())
    r = monitor(down, "digest", "--send")
    assert r.returncode == 1 and "connection refused" in r.stderr
    up = write_config(seeded, smtp_server.port)
    r = monitor(up, "digest", "--send")
    assert r.returncode == 0, r.stderr
    assert "sent to desk@example.org: 2 alerts" in r.stdout
    r = monitor(up, "digest", "--send")
    assert r.returncode == 0 and "nothing to send" in r.stdout
    assert len(smtp_server.messages) == 1


def test_usage(seeded: Path) -> None:
    cfg = write_config(seeded, free_port())
    assert "Example: monitor digest --preview" in monitor(cfg, "digest", "--help").stdout
    assert monitor(cfg, "digest").returncode == 2
    assert monitor(cfg, "digest", "--send", "--out", "x.html").returncode == 2


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
def test_preview_renders_in_headless_chromium(seeded: Path) -> None:
    cfg = write_config(seeded, free_port())
    png = seeded / "digest.png"
    r = subprocess.run([str(ROOT / "scripts" / "digest_screenshot.sh"), str(cfg), str(png)],
                       check=False, capture_output=True, text=True, timeout=120, env={"PATH": "/usr/bin:/bin",
                                                                       "PYTHON": sys.executable, "HOME": str(seeded)})
    assert r.returncode == 0, r.stderr
    head = png.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", head[16:24]) == (900, 1400)
