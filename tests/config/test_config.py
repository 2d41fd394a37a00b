"""Config errors are one clear line naming the file and the key, through the real command."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from monitor.config import ConfigError, load


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "monitor", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=60, env=env)


def write(tmp_path: Path, body: str) -> Path:
    p = tmp_path / "config.toml"
    p.write_text(body)
    return p


def test_paths_resolve_against_the_config_folder(tmp_path: Path) -> None:
    cfg = load(write(tmp_path, '[paths]\ninbox = "in"\nstate = "st"\n'))
    assert cfg.inbox == (tmp_path / "in").resolve()
    assert cfg.db_path == (tmp_path / "st" / "monitor.db").resolve()


def test_defaults_when_sections_are_missing(tmp_path: Path) -> None:
    cfg = load(write(tmp_path, ""))
    assert cfg.daemon.stable_ms == 300 and cfg.read.max_bytes == 5_000_000
    assert cfg.digest.send_empty is False and cfg.alerts.kinds == ["update", "contradiction"]


@pytest.mark.parametrize(
    "body, expected",
    [
        ('[paths]\ninbox = "in"\ninbx = "typo"\n', "unknown key 'paths.inbx'"),
        ('[daemon]\nstable_ms = "soon"\n', "key 'daemon.stable_ms'"),
        ('[smtp]\nsecurity = "tls"\n', "key 'smtp.security'"),
        ('[smtp]\npassword = "secret"\n', "unknown key 'smtp.password'"),
        ('[colour]\nx = 1\n', "unknown key 'colour'"),
        ('[paths\n', "not valid TOML"),
    ],
)
def test_bad_config_is_one_clear_line(tmp_path: Path, body: str, expected: str) -> None:
    p = write(tmp_path, body)
    with pytest.raises(ConfigError) as e:
        load(p)
    assert expected in str(e.value) and str(p) in str(e.value)
    r = run("--config", str(p), "articles", cwd=tmp_path)
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in r.stderr


def test_missing_file(tmp_path: Path) -> None:
    r = run("--config", str(tmp_path / "nope.toml"), "articles", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.strip().count("\n") == 0 and "config file not found" in r.stderr


def test_environment_variable_then_working_folder(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    write(other, '[paths]\ninbox = "x"\n')
    import os

    env = {**os.environ, "MONITOR_CONFIG": str(other / "config.toml")}
    r = run("articles", "--json", cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr
    env.pop("MONITOR_CONFIG")
    r = run("articles", cwd=tmp_path, env=env)
    assert r.returncode == 2 and "config.toml: config file not found" in r.stderr
