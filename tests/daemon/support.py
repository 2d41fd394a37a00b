"""Helpers: a real `monitor run` subprocess in a temporary folder, and small articles of our own."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

PLACES = ["Alder", "Birch", "Cedar", "Dunmore", "Elmstead", "Fernhill", "Glenrock", "Hollow", "Ivybridge", "Juniper"]


def article(i: int, extra: str = "") -> str:
    """A short, distinct article with a few figures (distinct text, so no two are duplicates)."""
    place = PLACES[i % len(PLACES)]
    return (f"Officials in {place} district {i} said {120 + i} people were injured on Tuesday.\n\n"
            f"The council approved {3 + i % 7} new shelters and {40 + i} beds for the winter.\n"
            f"{extra}")


def wait_until(pred: Callable[[], Any], timeout: float, what: str, interval: float = 0.02) -> Any:
    """Poll until pred() is truthy; fail with `what` at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        got = pred()
        if got:
            return got
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


class Workdir:
    """config.toml, inbox/ and state/ in tmp_path, and the daemon subprocesses started here."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inbox = root / "inbox"
        self.state = root / "state"
        self.staging = root / "staging"  # outside the inbox, for write-then-rename drops
        self.config = root / "config.toml"
        self.inbox.mkdir()
        self.staging.mkdir()
        self.procs: list[subprocess.Popen[bytes]] = []
        self.configure()

    def configure(self, **daemon: Any) -> None:
        """[daemon] keys as keyword arguments; `read={...}` and `notify={...}` fill those tables."""
        settings = {"stable_ms": 100, "rescan_seconds": 1.0, **daemon}
        tables = {name: settings.pop(name) for name in ("read", "notify") if name in settings}
        lines = ['[paths]', 'inbox = "inbox"', 'state = "state"', "", "[daemon]"]
        lines += [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
        for name, table in tables.items():
            lines += ["", f"[{name}]"] + [f"{k} = {json.dumps(v)}" for k, v in table.items()]
        self.config.write_text("\n".join(lines) + "\n")

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "monitor", "--config", str(self.config), *args]

    def cli(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.argv(*args), capture_output=True, text=True, timeout=timeout, cwd=self.root)

    def query(self, what: str) -> list[dict[str, Any]]:
        p = self.cli(what, "--json")
        assert p.returncode == 0, p.stderr
        return json.loads(p.stdout or "[]")

    def start(self, *args: str) -> subprocess.Popen[bytes]:
        log = open(self.root / f"daemon-{len(self.procs)}.log", "wb")
        p = subprocess.Popen(self.argv("run", *args), stdout=log, stderr=subprocess.STDOUT, cwd=self.root)
        self.procs.append(p)
        wait_until(lambda: self.running(p), 30, "the daemon to report it is running")
        return p

    def running(self, p: subprocess.Popen[bytes]) -> bool:
        if p.poll() is not None:
            pytest.fail(f"daemon exited early with {p.returncode}:\n{self.log(p)}")
        st = self.status_file()
        return bool(st and st.get("pid") == p.pid and st.get("state") == "running")

    def status_file(self) -> dict[str, Any] | None:
        try:
            return json.loads((self.state / "daemon-status.json").read_text())
        except (OSError, ValueError):
            return None

    def log(self, p: subprocess.Popen[bytes]) -> str:
        return (self.root / f"daemon-{self.procs.index(p)}.log").read_text(errors="replace")

    def stop(self, p: subprocess.Popen[bytes], budget: float = 5.0) -> tuple[int, float]:
        """SIGTERM; returns (exit code, seconds it took)."""
        t = time.monotonic()
        p.send_signal(signal.SIGTERM)
        try:
            rc = p.wait(timeout=budget + 10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            pytest.fail(f"daemon ignored SIGTERM:\n{self.log(p)}")
        return rc, time.monotonic() - t

    def drop(self, name: str, text: str | bytes) -> Path:
        """Write outside the inbox under a hidden temp name, then rename in (as scripts do)."""
        tmp = self.staging / f".{name}.part"
        tmp.write_bytes(text.encode() if isinstance(text, str) else text)
        dest = self.inbox / name
        os.rename(tmp, dest)
        return dest

    def settled(self, names: set[str]) -> bool:
        """Every name has left the inbox (filed in processed/ or failed/)."""
        return not any((self.inbox / n).exists() or (self.inbox / n).is_symlink() for n in names)

    def filed(self, folder: str) -> set[str]:
        d = self.inbox / folder
        return {p.name for p in d.iterdir() if not p.name.endswith(".reason.txt")} if d.is_dir() else set()

    def kill_all(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.kill()
                p.wait()
