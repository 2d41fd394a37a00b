"""config.toml as validated pydantic models.

Unknown keys are errors (a typo must not silently fall back to a default), every problem
becomes one line naming the file and the key, and secrets never live in the file: the
SMTP user and password come from the environment only.
"""
from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

ENV_CONFIG = "MONITOR_CONFIG"


class ConfigError(Exception):
    """A config problem, already phrased as one line for the user."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PathsConfig(_Strict):
    inbox: Path = Path("inbox")
    state: Path = Path("state")


class ReadConfig(_Strict):
    extensions: list[str] = Field(default_factory=lambda: [".txt", ".md", ".html", ".htm", ".eml"])
    max_bytes: int = Field(default=5_000_000, gt=0)

    @field_validator("extensions")
    @classmethod
    def _dotted(cls, v: list[str]) -> list[str]:
        return [e.lower() if e.startswith(".") else "." + e.lower() for e in v]


class DaemonConfig(_Strict):
    watch: Literal["native", "polling"] = "native"
    recursive: bool = True
    stable_ms: int = Field(default=300, ge=0)
    rescan_seconds: float = Field(default=60.0, gt=0)
    on_success: Literal["move", "leave", "delete"] = "move"


class AlertsConfig(_Strict):
    min_relative_change: float = Field(default=0.0, ge=0)
    kinds: list[Literal["update", "contradiction"]] = Field(default_factory=lambda: ["update", "contradiction"])
    mute: list[str] = Field(default_factory=list)


class DigestConfig(_Strict):
    schedule: str | None = None
    timezone: str = "UTC"
    to: list[str] = Field(default_factory=list)
    from_: str | None = Field(default=None, alias="from")
    subject_prefix: str = "[monitor]"
    send_empty: bool = False
    misfire_grace_hours: float = Field(default=12.0, gt=0)

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class SmtpConfig(_Strict):
    host: str = "localhost"
    port: int = Field(default=587, gt=0, lt=65536)
    security: Literal["starttls", "ssl", "none"] = "starttls"
    timeout: float = Field(default=30.0, gt=0)
    ca_file: Path | None = None


class NotifyConfig(_Strict):
    urls: list[str] = Field(default_factory=list)


class Config(_Strict):
    paths: PathsConfig = Field(default_factory=PathsConfig)
    read: ReadConfig = Field(default_factory=ReadConfig)
    daemon: DaemonConfig = Field(default_factory=DaemonConfig)
    alerts: AlertsConfig = Field(default_factory=AlertsConfig)
    digest: DigestConfig = Field(default_factory=DigestConfig)
    smtp: SmtpConfig = Field(default_factory=SmtpConfig)
    notify: NotifyConfig = Field(default_factory=NotifyConfig)

    # Set by load(): where the file was, so relative paths resolve against its folder.
    source: Path | None = None

    @property
    def base(self) -> Path:
        return self.source.parent if self.source else Path.cwd()

    @property
    def inbox(self) -> Path:
        return (self.base / self.paths.inbox).resolve()

    @property
    def state(self) -> Path:
        return (self.base / self.paths.state).resolve()

    @property
    def db_path(self) -> Path:
        return self.state / "monitor.db"

    @property
    def smtp_user(self) -> str | None:
        return os.environ.get("MONITOR_SMTP_USER") or None

    @property
    def smtp_password(self) -> str | None:
        return os.environ.get("MONITOR_SMTP_PASSWORD") or None

    @property
    def ca_file(self) -> Path | None:
        return (self.base / self.smtp.ca_file).resolve() if self.smtp.ca_file else None


def resolve_path(explicit: str | os.PathLike[str] | None) -> Path:
    """--config, then $MONITOR_CONFIG, then ./config.toml."""
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_CONFIG):
        return Path(os.environ[ENV_CONFIG])
    return Path("config.toml")


def _describe(err: dict) -> str:
    loc = ".".join(str(p) for p in err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"unknown key '{loc}'"
    msg = err["msg"]
    return f"key '{loc}': {msg[0].lower() + msg[1:]}" + (f" (got {err['input']!r})" if "input" in err and not isinstance(err["input"], dict) else "")


def load(path: str | os.PathLike[str] | None = None) -> Config:
    """Read and validate the config; any problem raises ConfigError with one readable line."""
    p = resolve_path(path)
    if not p.exists():
        raise ConfigError(f"{p}: config file not found (pass --config PATH or set {ENV_CONFIG})")
    try:
        raw = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{p}: not valid TOML: {e}") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(f"{p}: cannot be read: {e}") from None
    if "source" in raw:
        raise ConfigError(f"{p}: unknown key 'source'")
    try:
        cfg = Config.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        more = len(e.errors()) - 1
        raise ConfigError(f"{p}: {_describe(first)}" + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")) from None
    return cfg.model_copy(update={"source": p.resolve()})
